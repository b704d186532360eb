/* Packed indexes: many index entries in one stored item.
 *
 * Why.  Berkeley DB spends about the same on every item it stores, however small: a B-tree
 * descent, page pins, locks, a log record with its checksum.  The name, CCCD, card and
 * membership indexes of a million members hold twelve million small entries (a word and a
 * collation key, an id and a name), and storing them one by one cost an import more time than
 * reading, checking and storing the records themselves.  So these indexes keep their entries
 * sorted in blocks of about a kilobyte, each block one Berkeley DB item: an import files a few
 * hundred thousand blocks instead of twelve million entries, and a search reads one block
 * where it read twenty entries.
 *
 * Layout.  An entry is a key and a value (the record's id, then the index's payload), ordered
 * by key, then value, as Berkeley DB orders sorted duplicates.  A block holds a run of
 * consecutive entries; its Berkeley DB key is its LAST entry, encoded so that memcmp orders
 * encodings as entries are ordered (the key with each 0 byte escaped as 0 1, then 0 0, then the
 * value).  The first entry at or after any target is therefore in the first block whose key is
 * at or after the target's encoding: one DB_SET_RANGE finds it.  A block's value is a format
 * byte, then per entry: the length of the key prefix it shares with the entry before, the
 * length of the rest of the key, the value's length (varints), the rest of the key, the value.
 *
 * Reading goes through a cursor (pcur) with the operations and DBT conventions of a Berkeley DB
 * cursor over sorted duplicates, so the code that reads an index does not care how it is
 * stored.  Writing goes through pidx_apply: a sorted list of additions and removals, applied
 * block by block (a block that grows past PB_MAX is split, one left empty is deleted).
 *
 * Isolation is Berkeley DB's: a block is read under the cursor's or transaction's lock, and a
 * cursor keeps a copy of the block it is on. */
#include "store/internal.h"

#include "util/bytes.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define PB_FORMAT 1
/* A block is split when its encoding passes PB_MAX bytes, into blocks of about PB_FILL: room
 * for later additions without a split at each. */
#define PB_MAX 1024
#define PB_FILL 800
/* Entries appended after the last block in one step of pidx_apply. */
#define APPEND_STEP 4096

struct pent {
	size_t koff, doff;	/* in the block's arena */
	uint32_t klen, dlen;
	long op;		/* pidx_apply: the operation that added the entry, or -1 */
};

struct pblock {
	struct buf arena;
	struct pent *v;
	size_t n, cap;
};

static void pb_reset(struct pblock *b)
{
	buf_reset(&b->arena);
	b->n = 0;
}

static void pb_free(struct pblock *b)
{
	buf_free(&b->arena);
	free(b->v);
	memset(b, 0, sizeof *b);
}

static const unsigned char *pk_key(const struct pblock *b, const struct pent *e)
{
	return (const unsigned char *)b->arena.p + e->koff;
}

static const unsigned char *pk_data(const struct pblock *b, const struct pent *e)
{
	return (const unsigned char *)b->arena.p + e->doff;
}

static struct pent *pb_push(struct pblock *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->v = xrealloc(b->v, b->cap * sizeof *b->v);
	}
	return &b->v[b->n++];
}

/* Append an entry (copied into the arena). */
static void pb_add(struct pblock *b, const void *k, size_t kl, const void *d, size_t dl, long op)
{
	struct pent *e = pb_push(b);
	e->koff = b->arena.len;
	buf_add(&b->arena, k, kl);
	e->doff = b->arena.len;
	buf_add(&b->arena, d, dl);
	e->klen = (uint32_t)kl;
	e->dlen = (uint32_t)dl;
	e->op = op;
}

static int bytes_cmp(const void *a, size_t an, const void *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

int idx_entry_cmp(const void *ak, size_t akl, const void *ad, size_t adl, const void *bk,
		  size_t bkl, const void *bd, size_t bdl)
{
	int c = bytes_cmp(ak, akl, bk, bkl);
	return c ? c : bytes_cmp(ad, adl, bd, bdl);
}

/* Decode a block's value; -1 if it is not one. */
static int pb_decode(struct pblock *b, const void *val, size_t n)
{
	pb_reset(b);
	const unsigned char *p = val, *end = p + n;
	if (n < 1 || *p++ != PB_FORMAT)
		return -1;
	/* Keys are rebuilt whole in the arena (offsets, not pointers: it may move as it grows). */
	buf_reserve(&b->arena, 2 * n);
	size_t prev_koff = 0, prev_klen = 0;
	while (p < end) {
		uint64_t shared, rest, dl;
		if (uvarint_get(&p, end, &shared) || uvarint_get(&p, end, &rest) ||
		    uvarint_get(&p, end, &dl) || shared > prev_klen || rest > (size_t)(end - p) ||
		    dl > (size_t)(end - p) - rest)
			return -1;
		struct pent *e = pb_push(b);
		e->koff = b->arena.len;
		e->klen = (uint32_t)(shared + rest);
		e->dlen = (uint32_t)dl;
		e->op = -1;
		if (shared) {
			buf_reserve(&b->arena, shared);
			memcpy(b->arena.p + b->arena.len, b->arena.p + prev_koff, shared);
			b->arena.len += shared;
		}
		buf_add(&b->arena, p, rest);
		p += rest;
		e->doff = b->arena.len;
		buf_add(&b->arena, p, dl);
		p += dl;
		prev_koff = e->koff;
		prev_klen = e->klen;
	}
	return 0;
}

/* The encoding of entries [from, to) of b. */
static void pb_encode(const struct pblock *b, size_t from, size_t to, struct buf *out)
{
	buf_reset(out);
	buf_addc(out, PB_FORMAT);
	const unsigned char *pk = NULL;
	size_t pkl = 0;
	for (size_t i = from; i < to; i++) {
		const struct pent *e = &b->v[i];
		const unsigned char *k = pk_key(b, e);
		size_t shared = 0;
		while (shared < pkl && shared < e->klen && pk[shared] == k[shared])
			shared++;
		unsigned char h[30];
		size_t hn = uvarint_put(h, shared);
		hn += uvarint_put(h + hn, e->klen - shared);
		hn += uvarint_put(h + hn, e->dlen);
		buf_add(out, h, hn);
		buf_add(out, k + shared, e->klen - shared);
		buf_add(out, pk_data(b, e), e->dlen);
		pk = k;
		pkl = e->klen;
	}
}

/* Bytes entry i adds to an encoding after entry i - 1 (an upper bound of a few bytes). */
static size_t pb_cost(const struct pblock *b, size_t i, size_t first)
{
	const struct pent *e = &b->v[i];
	size_t shared = 0;
	if (i > first) {
		const struct pent *p = &b->v[i - 1];
		const unsigned char *a = pk_key(b, p), *k = pk_key(b, e);
		while (shared < p->klen && shared < e->klen && a[shared] == k[shared])
			shared++;
	}
	return 6 + (e->klen - shared) + e->dlen;
}

/* The Berkeley DB key of a block ending with (k, d), or of a search target. */
static void block_key(struct buf *out, const void *k, size_t kl, const void *d, size_t dl)
{
	buf_reset(out);
	const unsigned char *p = k;
	for (size_t i = 0; i < kl; i++) {
		buf_addc(out, (char)p[i]);
		if (p[i] == 0)
			buf_addc(out, 1);
	}
	buf_addc(out, 0);
	buf_addc(out, 0);
	buf_add(out, d, dl);
}

/* ---- reading ------------------------------------------------------------------------------ */

struct pcur {
	DB *db;
	DBC *c;
	struct pblock b;
	size_t at;
	bool on;		/* at is an entry of b */
	DBT bk, bv;		/* the block as Berkeley DB returned it */
	struct buf seek;
};

int pcur_open(DB *db, DB_TXN *txn, struct pcur **out, u_int32_t flags)
{
	struct pcur *pc = xcalloc(1, sizeof *pc);
	int rc = db->cursor(db, txn, &pc->c, flags);
	if (rc) {
		free(pc);
		*out = NULL;
		return rc;
	}
	pc->db = db;
	pc->bk.flags = pc->bv.flags = DB_DBT_REALLOC;
	*out = pc;
	return 0;
}

int pcur_close(struct pcur *pc)
{
	if (!pc)
		return 0;
	int rc = pc->c->close(pc->c);
	pb_free(&pc->b);
	free(pc->bk.data);
	free(pc->bv.data);
	buf_free(&pc->seek);
	free(pc);
	return rc;
}

DB *pcur_db(const struct pcur *pc)
{
	return pc->db;
}

/* Hand bytes out through a DBT as Berkeley DB would, by its flags. */
static int dbt_out(DBT *t, const void *p, size_t n)
{
	if (t->flags & DB_DBT_PARTIAL) {
		size_t off = t->doff < n ? t->doff : n;
		size_t len = n - off < t->dlen ? n - off : t->dlen;
		p = (const unsigned char *)p + off;
		n = len;
	}
	t->size = (u_int32_t)n;
	if (t->flags & DB_DBT_USERMEM) {
		if (n > t->ulen)
			return DB_BUFFER_SMALL;
		if (n)
			memcpy(t->data, p, n);
	} else if (t->flags & DB_DBT_REALLOC) {
		t->data = xrealloc(t->data, n ? n : 1);
		if (n)
			memcpy(t->data, p, n);
	} else if (t->flags & DB_DBT_MALLOC) {
		t->data = xmalloc(n ? n : 1);
		if (n)
			memcpy(t->data, p, n);
	} else {
		t->data = (void *)p;
	}
	return 0;
}

static int pc_emit(struct pcur *pc, DBT *k, DBT *d)
{
	const struct pent *e = &pc->b.v[pc->at];
	int rc = k ? dbt_out(k, pk_key(&pc->b, e), e->klen) : 0;
	if (rc == 0 && d)
		rc = dbt_out(d, pk_data(&pc->b, e), e->dlen);
	return rc;
}

/* Read a block with a Berkeley DB cursor operation and decode it (blocks that cannot be
 * decoded are skipped in the direction of travel; DB_SET_RANGE travels forward). */
static int pc_load(struct pcur *pc, u_int32_t op, u_int32_t rmw)
{
	pc->on = false;
	for (;;) {
		int rc = pc->c->get(pc->c, &pc->bk, &pc->bv, op | rmw);
		if (rc)
			return rc;
		if (pb_decode(&pc->b, pc->bv.data, pc->bv.size) == 0 && pc->b.n)
			return 0;
		if (op == DB_SET_RANGE || op == DB_FIRST)
			op = DB_NEXT;
		else if (op == DB_LAST)
			op = DB_PREV;
	}
}

/* The first entry of the block in memory at or after (k, d), or b.n. */
static size_t pc_lower(const struct pcur *pc, const void *k, size_t kl, const void *d, size_t dl)
{
	size_t lo = 0, hi = pc->b.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct pent *e = &pc->b.v[mid];
		if (idx_entry_cmp(pk_key(&pc->b, e), e->klen, pk_data(&pc->b, e), e->dlen, k, kl, d, dl) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first entry at or after (k, d). */
static int pc_seek(struct pcur *pc, const void *k, size_t kl, const void *d, size_t dl,
		   u_int32_t rmw)
{
	/* A target inside the block the cursor is on (a sweep over sorted keys, a search that
	 * skips ahead) is found there: between its first and last entry nothing can hide. */
	if (pc->on && !rmw) {
		const struct pent *f = &pc->b.v[0];
		if (idx_entry_cmp(pk_key(&pc->b, f), f->klen, pk_data(&pc->b, f), f->dlen, k, kl, d, dl) <= 0) {
			size_t at = pc_lower(pc, k, kl, d, dl);
			if (at < pc->b.n) {
				pc->at = at;
				return 0;
			}
		}
	}
	block_key(&pc->seek, k, kl, d, dl);
	pc->bk.data = xrealloc(pc->bk.data, pc->seek.len);
	memcpy(pc->bk.data, pc->seek.p, pc->seek.len);
	pc->bk.size = (u_int32_t)pc->seek.len;
	int rc = pc_load(pc, DB_SET_RANGE, rmw);
	while (rc == 0) {
		size_t lo = pc_lower(pc, k, kl, d, dl);
		if (lo < pc->b.n) {
			pc->at = lo;
			pc->on = true;
			return 0;
		}
		rc = pc_load(pc, DB_NEXT, rmw);	/* only if another block was mislabelled */
	}
	return rc;
}

/* The next (fwd) or previous entry; from nowhere, the first or the last. */
static int pc_step(struct pcur *pc, bool fwd, u_int32_t rmw)
{
	if (pc->on && fwd && pc->at + 1 < pc->b.n) {
		pc->at++;
		return 0;
	}
	if (pc->on && !fwd && pc->at > 0) {
		pc->at--;
		return 0;
	}
	u_int32_t op = pc->on ? (fwd ? DB_NEXT : DB_PREV) : (fwd ? DB_FIRST : DB_LAST);
	int rc = pc_load(pc, op, rmw);
	if (rc)
		return rc;
	pc->at = fwd ? 0 : pc->b.n - 1;
	pc->on = true;
	return 0;
}

/* Whether the current entry has key (k, kl). */
static bool pc_key_is(const struct pcur *pc, const void *k, size_t kl)
{
	const struct pent *e = &pc->b.v[pc->at];
	return e->klen == kl && memcmp(pk_key(&pc->b, e), k, kl) == 0;
}

int pcur_get(struct pcur *pc, DBT *k, DBT *d, u_int32_t flags)
{
	u_int32_t rmw = flags & DB_RMW;
	u_int32_t op = flags & ~(u_int32_t)DB_RMW;
	int rc;
	switch (op) {
	case DB_FIRST:
	case DB_LAST:
		rc = pc_load(pc, op, rmw);
		if (rc == 0) {
			pc->at = op == DB_FIRST ? 0 : pc->b.n - 1;
			pc->on = true;
		}
		break;
	case DB_NEXT:
	case DB_PREV:
		rc = pc_step(pc, op == DB_NEXT, rmw);
		break;
	case DB_CURRENT:
		rc = pc->on ? 0 : EINVAL;
		break;
	case DB_SET:
	case DB_SET_RANGE: {
		/* The key to look for may be the caller's own buffer, which the answer replaces. */
		struct buf want = BUF_INIT;
		buf_add(&want, k->data, k->size);
		rc = pc_seek(pc, want.p, want.len, "", 0, rmw);
		if (rc == 0 && op == DB_SET && !pc_key_is(pc, want.p, want.len))
			rc = DB_NOTFOUND;
		buf_free(&want);
		if (rc == 0 && op == DB_SET)
			return dbt_out(d, pk_data(&pc->b, &pc->b.v[pc->at]), pc->b.v[pc->at].dlen);
		break;
	}
	case DB_GET_BOTH:
	case DB_GET_BOTH_RANGE: {
		struct buf want = BUF_INIT;
		buf_add(&want, k->data, k->size);
		size_t kl = want.len;
		buf_add(&want, d->data, d->size);
		rc = pc_seek(pc, want.p, kl, want.p + kl, want.len - kl, rmw);
		if (rc == 0 && !pc_key_is(pc, want.p, kl))
			rc = DB_NOTFOUND;
		if (rc == 0 && op == DB_GET_BOTH) {
			const struct pent *e = &pc->b.v[pc->at];
			if (e->dlen != want.len - kl || memcmp(pk_data(&pc->b, e), want.p + kl, e->dlen))
				rc = DB_NOTFOUND;
		}
		buf_free(&want);
		if (rc == 0 && op == DB_GET_BOTH)
			return 0;
		if (rc == 0)
			return dbt_out(d, pk_data(&pc->b, &pc->b.v[pc->at]), pc->b.v[pc->at].dlen);
		break;
	}
	case DB_NEXT_DUP:
	case DB_NEXT_NODUP: {
		if (!pc->on) {
			rc = op == DB_NEXT_DUP ? EINVAL : pc_step(pc, true, rmw);
			break;
		}
		const struct pent *e = &pc->b.v[pc->at];
		struct buf cur = BUF_INIT;
		buf_add(&cur, pk_key(&pc->b, e), e->klen);
		if (op == DB_NEXT_DUP) {
			/* Unlike Berkeley DB's, the cursor has moved on when there is no next
			 * duplicate: every reader stops there. */
			rc = pc_step(pc, true, rmw);
			if (rc == 0 && !pc_key_is(pc, cur.p, cur.len))
				rc = DB_NOTFOUND;
		} else {
			/* Past every entry of this key. */
			rc = pc_step(pc, true, rmw);
			while (rc == 0 && pc_key_is(pc, cur.p, cur.len))
				rc = pc_step(pc, true, rmw);
		}
		buf_free(&cur);
		break;
	}
	default:
		return EINVAL;
	}
	if (rc)
		return rc;
	return pc_emit(pc, k, d);
}

int pidx_get(DB *db, DB_TXN *txn, const DBT *k, DBT *d, u_int32_t flags)
{
	u_int32_t cflags = flags & (DB_READ_COMMITTED | DB_READ_UNCOMMITTED);
	struct pcur *pc;
	int rc = pcur_open(db, txn, &pc, cflags);
	if (rc)
		return rc;
	DBT kk = { .data = k->data, .size = k->size };
	rc = pcur_get(pc, &kk, d, DB_SET | (flags & DB_RMW));
	/* The answer may point into the cursor's copy: keep it in memory the caller owns. */
	if (rc == 0 && !(d->flags & (DB_DBT_USERMEM | DB_DBT_REALLOC | DB_DBT_MALLOC)))
		rc = EINVAL;
	pcur_close(pc);
	return rc;
}

/* ---- writing ------------------------------------------------------------------------------ */

static int op_cmp(const struct pidx_op *a, const struct pent *e, const struct pblock *b)
{
	return idx_entry_cmp(a->key, a->klen, a->data, a->dlen, pk_key(b, e), e->klen, pk_data(b, e),
		      e->dlen);
}

/* Where an operation is filed: its entry; in a unique index, its key alone, so that the one
 * entry a key may have is in the block the operation goes to. */
static void op_target(const struct pidx_op *o, bool unique, struct buf *out)
{
	block_key(out, o->key, o->klen, o->data, unique ? 0 : o->dlen);
}

struct applier {
	DB *db;
	DB_TXN *txn;
	bool unique;
	pidx_clash_fn clash;
	void *ctx;
	struct pblock old, merged;
	struct buf key, val, target;
	DBT bk, bv;
};

/* Merge operations ops[from, to) into the entries of a.old, into a.merged. */
static int merge_ops(struct applier *a, const struct pidx_op *ops, size_t from, size_t to)
{
	struct pblock *o = &a->old, *m = &a->merged;
	pb_reset(m);
	size_t i = 0, j = from;
	while (i < o->n || j < to) {
		int c = i == o->n ? 1 : j == to ? -1 : -op_cmp(&ops[j], &o->v[i], o);
		if (c < 0) {
			const struct pent *e = &o->v[i++];
			pb_add(m, pk_key(o, e), e->klen, pk_data(o, e), e->dlen, -1);
		} else if (c == 0) {
			if (!ops[j].del) {
				const struct pent *e = &o->v[i];
				pb_add(m, pk_key(o, e), e->klen, pk_data(o, e), e->dlen, -1);
			}
			i++;
			j++;
		} else {
			const struct pidx_op *op = &ops[j];
			/* An addition made twice is made once. */
			bool again = m->n && op->klen == m->v[m->n - 1].klen &&
				     op->dlen == m->v[m->n - 1].dlen &&
				     op_cmp(op, &m->v[m->n - 1], m) == 0;
			if (!op->del && !again)
				pb_add(m, op->key, op->klen, op->data, op->dlen, (long)j);
			j++;
		}
	}
	if (!a->unique)
		return 0;
	/* A key an addition brought that another entry has: the addition gives way. */
	size_t w = 0;
	for (size_t r = 0; r < m->n; r++) {
		struct pent *e = &m->v[r];
		if (e->op >= 0) {
			const struct pent *h = NULL;
			if (w > 0 && m->v[w - 1].klen == e->klen &&
			    memcmp(pk_key(m, &m->v[w - 1]), pk_key(m, e), e->klen) == 0)
				h = &m->v[w - 1];
			else if (r + 1 < m->n && m->v[r + 1].op < 0 && m->v[r + 1].klen == e->klen &&
				 memcmp(pk_key(m, &m->v[r + 1]), pk_key(m, e), e->klen) == 0)
				h = &m->v[r + 1];
			if (h) {
				if (!a->clash)
					return DB_KEYEXIST;
				a->clash(a->ctx, (size_t)e->op, pk_data(m, h), h->dlen);
				continue;
			}
		}
		m->v[w++] = *e;
	}
	m->n = w;
	return 0;
}

static int put_block(struct applier *a, size_t from, size_t to)
{
	const struct pblock *m = &a->merged;
	const struct pent *last = &m->v[to - 1];
	block_key(&a->key, pk_key(m, last), last->klen, pk_data(m, last), last->dlen);
	pb_encode(m, from, to, &a->val);
	DBT k = { .data = a->key.p, .size = (u_int32_t)a->key.len };
	DBT v = { .data = a->val.p, .size = (u_int32_t)a->val.len };
	return a->db->put(a->db, a->txn, &k, &v, 0);
}

/* Store a.merged in place of the block stored under old_key (NULL: none). */
static int write_merged(struct applier *a, const DBT *old_key)
{
	const struct pblock *m = &a->merged;
	int rc = 0;
	bool old_kept = false;
	if (m->n) {
		const struct pent *last = &m->v[m->n - 1];
		block_key(&a->key, pk_key(m, last), last->klen, pk_data(m, last), last->dlen);
		old_kept = old_key && old_key->size == a->key.len &&
			   memcmp(old_key->data, a->key.p, a->key.len) == 0;
	}
	if (old_key && !old_kept) {
		DBT k = { .data = old_key->data, .size = old_key->size };
		rc = a->db->del(a->db, a->txn, &k, 0);
		if (rc == DB_NOTFOUND)
			rc = 0;
	}
	size_t total = 1;
	for (size_t i = 0; i < m->n; i++)
		total += pb_cost(m, i, 0);
	size_t limit = total <= PB_MAX ? total : PB_FILL;
	size_t from = 0, size = 1;
	for (size_t i = 0; rc == 0 && i < m->n; i++) {
		size_t c = pb_cost(m, i, from);
		if (i > from && size + c > limit) {
			rc = put_block(a, from, i);
			from = i;
			size = 1;
			c = pb_cost(m, i, from);
		}
		size += c;
	}
	if (rc == 0 && m->n)
		rc = put_block(a, from, m->n);
	return rc;
}

int pidx_apply(DB *db, DB_TXN *txn, const struct pidx_op *ops, size_t n, bool unique,
	       pidx_clash_fn clash, void *ctx)
{
	if (!n)
		return 0;
	struct applier a = { .db = db, .txn = txn, .unique = unique, .clash = clash, .ctx = ctx };
	a.bk.flags = a.bv.flags = DB_DBT_REALLOC;
	DBC *c;
	int rc = db->cursor(db, txn, &c, 0);
	size_t i = 0;
	struct buf oldkey = BUF_INIT;
	while (rc == 0 && i < n) {
		op_target(&ops[i], unique, &a.target);
		a.bk.data = xrealloc(a.bk.data, a.target.len);
		memcpy(a.bk.data, a.target.p, a.target.len);
		a.bk.size = (u_int32_t)a.target.len;
		int g = c->get(c, &a.bk, &a.bv, DB_SET_RANGE | DB_RMW);
		size_t j;
		bool have = false;
		if (g == 0) {
			/* The block the operation falls in: those up to its last entry go with it. */
			have = true;
			for (j = i + 1; j < n; j++) {
				op_target(&ops[j], unique, &a.target);
				if (bytes_cmp(a.target.p, a.target.len, a.bk.data, a.bk.size) > 0)
					break;
			}
		} else if (g == DB_NOTFOUND) {
			/* Past the last block: appended to it, a step at a time. */
			j = n - i > APPEND_STEP ? i + APPEND_STEP : n;
			g = c->get(c, &a.bk, &a.bv, DB_LAST | DB_RMW);
			if (g == 0)
				have = true;
			else if (g == DB_NOTFOUND)
				g = 0;
		} else {
			j = i;
		}
		if (g) {
			rc = g;
			break;
		}
		pb_reset(&a.old);
		if (have && pb_decode(&a.old, a.bv.data, a.bv.size) != 0)
			pb_reset(&a.old);	/* a damaged block: the check reports what it held */
		buf_reset(&oldkey);
		if (have)
			buf_add(&oldkey, a.bk.data, a.bk.size);
		if ((rc = merge_ops(&a, ops, i, j)) != 0)
			break;
		DBT ok = { .data = oldkey.p, .size = (u_int32_t)oldkey.len };
		rc = write_merged(&a, have ? &ok : NULL);
		i = j;
	}
	c->close(c);
	pb_free(&a.old);
	pb_free(&a.merged);
	buf_free(&a.key);
	buf_free(&a.val);
	buf_free(&a.target);
	buf_free(&oldkey);
	free(a.bk.data);
	free(a.bv.data);
	return rc;
}

static int pidx_op_cmp(const void *x, const void *y)
{
	const struct pidx_op *a = x, *b = y;
	return idx_entry_cmp(a->key, a->klen, a->data, a->dlen, b->key, b->klen, b->data, b->dlen);
}

void pidx_sort(struct pidx_op *ops, size_t n)
{
	qsort(ops, n, sizeof *ops, pidx_op_cmp);
}

int pidx_verify(DB *db, DB_TXN *txn, void (*bad)(void *ctx, enum pidx_bad what), void *ctx,
		uint64_t *entries)
{
	uint64_t count = 0;
	DBC *c;
	int rc = db->cursor(db, txn, &c, 0);
	if (rc)
		return rc;
	DBT k = { .flags = DB_DBT_REALLOC }, v = { .flags = DB_DBT_REALLOC };
	struct pblock b = { 0 };
	struct buf prev = BUF_INIT, key = BUF_INIT;
	size_t prev_kl = 0;
	bool have_prev = false;
	while ((rc = c->get(c, &k, &v, DB_NEXT)) == 0) {
		if (pb_decode(&b, v.data, v.size) != 0 || b.n == 0) {
			bad(ctx, PIDX_BAD_BLOCK);
			continue;
		}
		count += b.n;
		bool sorted = true;
		for (size_t i = 0; i < b.n; i++) {
			const struct pent *e = &b.v[i];
			if (have_prev && idx_entry_cmp(prev.p, prev_kl, prev.p + prev_kl, prev.len - prev_kl,
						pk_key(&b, e), e->klen, pk_data(&b, e), e->dlen) >= 0)
				sorted = false;
			buf_reset(&prev);
			buf_add(&prev, pk_key(&b, e), e->klen);
			buf_add(&prev, pk_data(&b, e), e->dlen);
			prev_kl = e->klen;
			have_prev = true;
		}
		if (!sorted)
			bad(ctx, PIDX_BAD_ORDER);
		const struct pent *last = &b.v[b.n - 1];
		block_key(&key, pk_key(&b, last), last->klen, pk_data(&b, last), last->dlen);
		if (key.len != k.size || memcmp(key.p, k.data, k.size) != 0)
			bad(ctx, PIDX_BAD_KEY);
	}
	c->close(c);
	free(k.data);
	free(v.data);
	pb_free(&b);
	buf_free(&prev);
	buf_free(&key);
	if (entries)
		*entries = count;
	return rc == DB_NOTFOUND ? 0 : rc;
}
