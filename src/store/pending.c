/* Index changes of a bulk transaction, held back and written sorted just before it commits.
 *
 * Measured on this machine: inserting a batch's keys into a large index in key order, rather
 * than in arrival order, makes neighbouring keys share the pages they land on, and a million
 * rows import several times faster than with one random page miss per key.  An entry is a key
 * and its value (the record's id, then the index's payload).  While the
 * transaction runs, reads of an index through the store see these changes too (a row's CCCD
 * must be found by the next row that names it), so the overlay answers lookups by key. */
#include "store/internal.h"

#include "util/bytes.h"
#include "util/err.h"
#include "util/hmap.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct pend_entry {
	uint64_t pk;		/* the record: the first 8 bytes of the value */
	uint32_t koff;		/* key, then value, in the arena */
	uint32_t klen;
	uint32_t dlen;
	int32_t next;		/* the next entry with the same key, -1 at the end */
	bool del;		/* a removal (else an addition) */
	bool dead;		/* cancelled by the opposite change within the batch */
};

struct pend_index {
	struct pend_entry *v;
	size_t n, cap;
	struct buf arena;	/* the keys */
	/* key -> newest entry with that key: open addressing over entry numbers + 1, keys
	 * compared in the arena, so a held-back key costs no allocation of its own */
	uint32_t *slot;
	size_t nslots;		/* a power of two, or 0 */
	size_t nkeys;
};

struct pending {
	struct pend_index idx[DBI__COUNT];
};

struct pending *pending_new(void)
{
	return xcalloc(1, sizeof(struct pending));
}

void pending_free(struct pending **pp)
{
	struct pending *p = *pp;
	if (!p)
		return;
	for (int i = 0; i < DBI__COUNT; i++) {
		free(p->idx[i].v);
		buf_free(&p->idx[i].arena);
		free(p->idx[i].slot);
	}
	free(p);
	*pp = NULL;
}

static const char *key_of(const struct pend_index *x, const struct pend_entry *en)
{
	return x->arena.p + en->koff;
}

static const char *data_of(const struct pend_index *x, const struct pend_entry *en)
{
	return x->arena.p + en->koff + en->klen;
}

static uint64_t hash_key(const void *key, size_t klen)
{
	return hmap_hash(key, klen);
}

/* The slot for key: holding its newest entry, or empty (0) where it would go. */
static uint32_t *slot_of(struct pend_index *x, const void *key, size_t klen)
{
	size_t mask = x->nslots - 1;
	for (size_t i = hash_key(key, klen) & mask;; i = (i + 1) & mask) {
		uint32_t at = x->slot[i];
		if (!at)
			return &x->slot[i];
		const struct pend_entry *en = &x->v[at - 1];
		if (en->klen == klen && memcmp(key_of(x, en), key, klen) == 0)
			return &x->slot[i];
	}
}

static void grow_slots(struct pend_index *x)
{
	uint32_t *old = x->slot;
	size_t n = x->nslots;
	x->nslots = n ? n * 2 : 1024;
	x->slot = xcalloc(x->nslots, sizeof *x->slot);
	for (size_t i = 0; i < n; i++) {
		if (!old[i])
			continue;
		const struct pend_entry *en = &x->v[old[i] - 1];
		*slot_of(x, key_of(x, en), en->klen) = old[i];
	}
	free(old);
}

/* The newest entry with key, + 1; 0 if none. */
static uint32_t newest(struct pend_index *x, const void *key, size_t klen)
{
	return x->nslots ? *slot_of(x, key, klen) : 0;
}

/* The live entry that is exactly (key, data) with this direction, or NULL. */
static struct pend_entry *find_entry(struct pend_index *x, const void *key, size_t klen,
				     const void *data, size_t dlen, bool del)
{
	uint64_t pk = be64_get(data);
	for (int64_t i = (int64_t)newest(x, key, klen) - 1; i >= 0; i = x->v[i].next) {
		struct pend_entry *en = &x->v[i];
		if (!en->dead && en->pk == pk && en->del == del && en->dlen == dlen &&
		    memcmp(data_of(x, en), data, dlen) == 0)
			return en;
	}
	return NULL;
}

void pending_add(struct pending *p, enum dbi sec, const void *key, size_t klen,
		 const void *data, size_t dlen, bool del, bool fresh)
{
	struct pend_index *x = &p->idx[sec];
	if (!fresh) {
		struct pend_entry *opposite = find_entry(x, key, klen, data, dlen, !del);
		if (opposite) {
			opposite->dead = true;	/* added then removed (or the reverse) in one batch */
			return;
		}
		if (find_entry(x, key, klen, data, dlen, del))
			return;			/* the same change twice */
	}
	if ((x->nkeys + 1) * 2 > x->nslots)
		grow_slots(x);
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 256;
		x->v = xrealloc(x->v, x->cap * sizeof *x->v);
	}
	uint32_t *slot = slot_of(x, key, klen);
	struct pend_entry *en = &x->v[x->n];
	en->koff = (uint32_t)x->arena.len;
	en->klen = (uint32_t)klen;
	en->dlen = (uint32_t)dlen;
	en->pk = be64_get(data);
	en->del = del;
	en->dead = false;
	en->next = (int32_t)*slot - 1;
	if (!*slot)
		x->nkeys++;
	buf_add(&x->arena, key, klen);
	buf_add(&x->arena, data, dlen);
	x->n++;
	*slot = (uint32_t)x->n;
}

int pending_state(struct pending *p, enum dbi sec, const void *key, size_t klen, uint64_t pk)
{
	struct pend_index *x = &p->idx[sec];
	int state = 0;
	for (int64_t i = (int64_t)newest(x, key, klen) - 1; i >= 0; i = x->v[i].next) {
		const struct pend_entry *en = &x->v[i];
		if (en->dead || en->pk != pk)
			continue;
		if (en->del)
			return -1;	/* what the store holds under the key for pk is going */
		state = 1;
	}
	return state;
}

size_t pending_added(struct pending *p, enum dbi sec, const void *key, size_t klen,
		     uint64_t *pks, size_t max)
{
	struct pend_index *x = &p->idx[sec];
	size_t n = 0;
	for (int64_t i = (int64_t)newest(x, key, klen) - 1; i >= 0; i = x->v[i].next)
		if (!x->v[i].dead && !x->v[i].del) {
			if (n < max)
				pks[n] = x->v[i].pk;
			n++;
		}
	return n;
}

/* Key order, then primary key (removals and additions of one pair never meet: they cancel).
 * The sort moves 4-byte entry numbers, not the entries. */
static int cmp_entries(const void *a, const void *b, void *arg)
{
	const struct pend_index *x = arg;
	const struct pend_entry *p = &x->v[*(const uint32_t *)a], *q = &x->v[*(const uint32_t *)b];
	return idx_entry_cmp(key_of(x, p), p->klen, data_of(x, p), p->dlen, key_of(x, q), q->klen,
			     data_of(x, q), q->dlen);
}

int pending_flush(struct store *s, struct store_txn *t, struct pending *p, struct err *e)
{
	for (int i = 0; i < DBI__COUNT; i++) {
		struct pend_index *x = &p->idx[i];
		if (!x->n)
			continue;
		uint32_t *order = xmalloc(x->n * sizeof *order);
		for (size_t k = 0; k < x->n; k++)
			order[k] = (uint32_t)k;
		qsort_r(order, x->n, sizeof *order, cmp_entries, x);
		struct pidx_op *ops = xmalloc(x->n * sizeof *ops);
		size_t n = 0;
		for (size_t k = 0; k < x->n; k++) {
			const struct pend_entry *en = &x->v[order[k]];
			if (!en->dead)
				ops[n++] = (struct pidx_op){ key_of(x, en), data_of(x, en), en->klen,
							     en->dlen, en->del };
		}
		int rc = pidx_apply(s->db[i], t->txn, ops, n, SEC_UNIQUE(i), NULL, NULL);
		free(ops);
		free(order);
		if (rc == DB_KEYEXIST)
			return err_set(e, ERR_EXISTS, _("a CCCD of this batch was given to another person by "
							"someone else meanwhile; nothing of the batch was "
							"saved, run it again"));
		if (rc)
			return store_dberr(s, e, rc, _("saving an index"));
	}
	return 0;
}
