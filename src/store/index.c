/* Index keys, and keeping the indexes in step with their records.
 *
 * The store maintains its indexes itself rather than through DB->associate: it knows whether a
 * record is new (no old keys to look up) and what an update changed (a new phone number
 * touches no index), which makes an import row several B-tree operations cheaper.
 *
 * The name index holds one entry per distinct folded word of a person's name, keyed
 * "word \0 collation-key-of-the-whole-name", so that a prefix scan over one word meets the
 * persons in official list order and can test the other query words on the key alone
 * (vn_collkey_fold) without reading the record. */
#include "store/internal.h"

#include "text/collate.h"
#include "text/fold.h"
#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/msg.h"
#include "util/xalloc.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Keys are appended to a buffer as (4-byte big-endian length, bytes) pairs. */
static void add_key(struct buf *keys, size_t *nkeys, const void *k, size_t n)
{
	unsigned char len[4];
	be32_put(len, (uint32_t)n);
	buf_add(keys, len, 4);
	buf_add(keys, k, n);
	(*nkeys)++;
}

/* A string field as the key (nothing for an empty one). */
static int str_key(const void *data, size_t n, unsigned tag, struct buf *keys, size_t *nkeys)
{
	const char *s;
	size_t len;
	if (rec_peek_bytes(data, n, tag, &s, &len) != 0)
		return -1;
	if (len)
		add_key(keys, nkeys, s, len);
	return 0;
}

/* An id field as an 8-byte big-endian key. */
static int id_key(const void *data, size_t n, unsigned tag, bool skip_zero, struct buf *keys,
		  size_t *nkeys)
{
	uint64_t v;
	if (rec_peek_uint(data, n, tag, &v) != 0)
		return -1;
	if (v || !skip_zero) {
		unsigned char k[8];
		be64_put(k, v);
		add_key(keys, nkeys, k, 8);
	}
	return 0;
}

int idx_org_code(const void *data, size_t n, struct buf *keys, size_t *nkeys)
{
	return str_key(data, n, TAG_ORG_CODE, keys, nkeys);
}

int idx_unit_parent(const void *data, size_t n, struct buf *keys, size_t *nkeys)
{
	uint64_t org, parent;
	if (rec_peek_uint(data, n, TAG_UNIT_ORG, &org) != 0 ||
	    rec_peek_uint(data, n, TAG_UNIT_PARENT, &parent) != 0)
		return -1;
	unsigned char k[16];
	be64_put(k, org);
	be64_put(k + 8, parent);
	add_key(keys, nkeys, k, 16);
	return 0;
}

#define MAX_NAME_WORDS 16

/* A person's name, folded (its words as (start, length) pairs into fold) and as a collation
 * key: -1 if the record has no name field. */
struct name_words {
	struct buf fold, coll;
	const char *w[MAX_NAME_WORDS];	/* the distinct words: "Lê Thị Lê" has le and thi */
	size_t wl[MAX_NAME_WORDS];
	bool twice[MAX_NAME_WORDS];	/* the name has this word more than once */
	size_t n;
};

/* The fold and collation key of the last name seen: a person's three name indexes (and its
 * old and new versions on an update) ask for the same name several times in a row. */
static _Thread_local struct {
	struct buf name, fold, coll;
	bool set;
} last_name;

static void fold_and_key(const char *name, size_t len, struct buf *fold, struct buf *coll)
{
	if (!last_name.set || last_name.name.len != len || memcmp(last_name.name.p, name, len) != 0) {
		buf_reset(&last_name.name);
		buf_reset(&last_name.fold);
		buf_reset(&last_name.coll);
		buf_add(&last_name.name, name, len);
		vn_fold(&last_name.fold, name, len);
		vn_name_collkey(&last_name.coll, name, len);
		last_name.set = true;
	}
	if (fold)
		buf_add(fold, last_name.fold.p, last_name.fold.len);
	buf_add(coll, last_name.coll.p, last_name.coll.len);
}

void idx_release(void)
{
	buf_free(&last_name.name);
	buf_free(&last_name.fold);
	buf_free(&last_name.coll);
	last_name.set = false;
}

static int name_words(const void *data, size_t n, struct name_words *nw)
{
	const char *name;
	size_t len;
	memset(nw, 0, sizeof *nw);
	if (rec_peek_bytes(data, n, TAG_PERSON_NAME, &name, &len) != 0)
		return -1;
	fold_and_key(name, len, &nw->fold, &nw->coll);
	const char *f = buf_str(&nw->fold);
	size_t i = 0;
	while (i < nw->fold.len && nw->n < MAX_NAME_WORDS) {
		while (i < nw->fold.len && f[i] == ' ')
			i++;
		size_t b = i;
		while (i < nw->fold.len && f[i] != ' ')
			i++;
		if (i == b)
			break;
		size_t j = 0;
		while (j < nw->n && (nw->wl[j] != i - b || memcmp(nw->w[j], f + b, i - b) != 0))
			j++;
		if (j < nw->n) {
			nw->twice[j] = true;
			continue;
		}
		nw->w[nw->n] = f + b;
		nw->wl[nw->n++] = i - b;
	}
	return 0;
}

static void name_words_free(struct name_words *nw)
{
	buf_free(&nw->fold);
	buf_free(&nw->coll);
}

int idx_person_word(const void *data, size_t n, struct buf *keys, size_t *nkeys)
{
	struct name_words nw;
	if (name_words(data, n, &nw) != 0)
		return -1;
	struct buf key = BUF_INIT;
	/* One entry per distinct word: a name like "Lê Thị Lê" files "le" once. */
	for (size_t i = 0; i < nw.n; i++) {
		buf_reset(&key);
		buf_add(&key, nw.w[i], nw.wl[i]);
		buf_addc(&key, '\0');
		buf_add(&key, nw.coll.p, nw.coll.len);
		add_key(keys, nkeys, key.p, key.len);
	}
	name_words_free(&nw);
	buf_free(&key);
	return 0;
}

static int cmp_word(const char *a, size_t al, const char *b, size_t bl)
{
	int c = memcmp(a, b, al < bl ? al : bl);
	return c ? c : (al > bl) - (al < bl);
}

/* Every two words of a name, the smaller first: "lan nguyen\0…", "lan thi\0…", "nguyen thi\0…".
 * A search for two words reads the one run of entries they share instead of joining two long
 * ones.  A word the name has twice pairs with itself. */
int idx_person_pair(const void *data, size_t n, struct buf *keys, size_t *nkeys)
{
	struct name_words nw;
	if (name_words(data, n, &nw) != 0)
		return -1;
	struct buf key = BUF_INIT;
	for (size_t i = 0; i < nw.n; i++)
		for (size_t j = i; j < nw.n; j++) {
			if (j == i && !nw.twice[i])
				continue;
			size_t a = i, b = j;
			if (cmp_word(nw.w[a], nw.wl[a], nw.w[b], nw.wl[b]) > 0)
				a = j, b = i;
			buf_reset(&key);
			buf_add(&key, nw.w[a], nw.wl[a]);
			buf_addc(&key, ' ');
			buf_add(&key, nw.w[b], nw.wl[b]);
			buf_addc(&key, '\0');
			buf_add(&key, nw.coll.p, nw.coll.len);
			add_key(keys, nkeys, key.p, key.len);
		}
	name_words_free(&nw);
	buf_free(&key);
	return 0;
}

int idx_person_sort(const void *data, size_t n, struct buf *keys, size_t *nkeys)
{
	const char *name;
	size_t len;
	if (rec_peek_bytes(data, n, TAG_PERSON_NAME, &name, &len) != 0)
		return -1;
	uint64_t birth;
	if (rec_peek_uint(data, n, TAG_PERSON_BIRTH, &birth) != 0)
		return -1;
	struct buf coll = BUF_INIT;
	fold_and_key(name, len, NULL, &coll);
	if (coll.len) {
		unsigned char tail[NAME_KEY_TAIL] = { 0 };
		be32_put(tail + 1, (uint32_t)birth);
		buf_add(&coll, tail, sizeof tail);
		add_key(keys, nkeys, coll.p, coll.len);
	}
	buf_free(&coll);
	return 0;
}

int idx_person_cccd(const void *data, size_t n, struct buf *keys, size_t *nkeys)
{
	return str_key(data, n, TAG_PERSON_CCCD, keys, nkeys);
}

int idx_member_person(const void *data, size_t n, struct buf *keys, size_t *nkeys)
{
	return id_key(data, n, TAG_MEMBER_PERSON, false, keys, nkeys);
}

int idx_member_unit(const void *data, size_t n, struct buf *keys, size_t *nkeys)
{
	return id_key(data, n, TAG_MEMBER_UNIT, true, keys, nkeys);
}

int idx_member_card(const void *data, size_t n, struct buf *keys, size_t *nkeys)
{
	return str_key(data, n, TAG_MEMBER_CARD, keys, nkeys);
}

/* What an index entry carries besides the record's id (so a search can show its hits
 * without reading the records): the word index, the birth date and the name; the name index,
 * the name. */
static int name_payload(const void *data, size_t n, bool birth, struct buf *out)
{
	const char *name;
	size_t len;
	uint64_t b;
	if (rec_peek_bytes(data, n, TAG_PERSON_NAME, &name, &len) != 0 ||
	    rec_peek_uint(data, n, TAG_PERSON_BIRTH, &b) != 0)
		return -1;
	if (birth) {
		unsigned char bb[4];
		be32_put(bb, (uint32_t)b);
		buf_add(out, bb, 4);
	}
	buf_add(out, name, len);
	return 0;
}

int idx_payload(enum dbi sec, const void *data, size_t n, struct buf *out)
{
	switch (sec) {
	case DBI_PERSON_WORD:
	case DBI_PERSON_PAIR: return name_payload(data, n, true, out);
	case DBI_PERSON_SORT: return name_payload(data, n, false, out);
	default: return 0;
	}
}

int idx_entries(enum dbi sec, uint64_t id, const void *data, size_t n, struct buf *out,
		size_t *count)
{
	struct buf keys = BUF_INIT, val = BUF_INIT;
	size_t nkeys = 0;
	*count = 0;
	unsigned char pk[8];
	be64_put(pk, id);
	buf_add(&val, pk, 8);
	int rc = store_db_specs[sec].key_of(data, n, &keys, &nkeys);
	if (rc == 0 && nkeys)
		rc = idx_payload(sec, data, n, &val);
	const unsigned char *p = (const unsigned char *)keys.p, *end = p + keys.len;
	while (rc == 0 && p && p + 4 <= end) {
		uint32_t kl = be32_get(p);
		unsigned char dl[4];
		be32_put(dl, (uint32_t)val.len);
		buf_add(out, p, 4 + kl);
		buf_add(out, dl, 4);
		buf_add(out, val.p, val.len);
		p += 4 + kl;
		(*count)++;
	}
	buf_free(&keys);
	buf_free(&val);
	return rc;
}

void idx_put_entry(struct buf *entries, const void *key, size_t klen, const void *data,
		   size_t dlen)
{
	unsigned char len[4];
	be32_put(len, (uint32_t)klen);
	buf_add(entries, len, 4);
	buf_add(entries, key, klen);
	be32_put(len, (uint32_t)dlen);
	buf_add(entries, len, 4);
	buf_add(entries, data, dlen);
}

bool idx_entry_next(const struct buf *entries, size_t *pos, struct idx_entry *en)
{
	const unsigned char *p = (const unsigned char *)entries->p;
	if (!p || *pos + 8 > entries->len)
		return false;
	en->klen = be32_get(p + *pos);
	en->key = p + *pos + 4;
	en->dlen = be32_get(p + *pos + 4 + en->klen);
	en->data = p + *pos + 8 + en->klen;
	*pos += 8 + en->klen + en->dlen;
	return true;
}

bool idx_has_entry(const struct buf *entries, const void *key, size_t klen, const void *data,
		   size_t dlen)
{
	size_t pos = 0;
	struct idx_entry en;
	while (idx_entry_next(entries, &pos, &en))
		if (en.klen == klen && en.dlen == dlen && memcmp(en.key, key, klen) == 0 &&
		    memcmp(en.data, data, dlen) == 0)
			return true;
	return false;
}

/* Is a unique key free for pk in a bulk transaction?  Only the batch is looked at here: the
 * store is checked when the batch is written (a clash there fails the transaction), because a
 * lookup per key would cost one random page read each, the very thing bulk mode avoids.  Callers
 * that must reject a clashing row look the key up themselves first (the importer sweeps the
 * batch's CCCDs in key order). */
static bool unique_free(struct store_txn *t, enum dbi sec, const void *key, uint32_t klen,
			uint64_t pk)
{
	uint64_t other;
	return !pending_added(t->pend, sec, key, klen, &other, 1) || other == pk;
}

/* Entries of old that new does not have are removed, entries of new that old did not have are
 * added (an entry whose key stays but whose data changes, a birth date, is both). */
static int index_one(struct store *s, struct store_txn *t, enum dbi sec, uint64_t pk,
		     const struct buf *del, const struct buf *add, struct err *e)
{
	bool unique = SEC_UNIQUE(sec);
	struct pidx_op *ops = NULL;
	size_t nops = 0, cap = 0;
	size_t pos = 0;
	struct idx_entry en;
	for (int pass = 0; pass < 2; pass++) {
		const struct buf *from = pass == 0 ? del : add, *against = pass == 0 ? add : del;
		pos = 0;
		while (idx_entry_next(from, &pos, &en)) {
			if (idx_has_entry(against, en.key, en.klen, en.data, en.dlen))
				continue;
			if (t->pend) {
				if (pass == 1 && unique && !unique_free(t, sec, en.key, en.klen, pk)) {
					free(ops);
					return -ERR_EXISTS;
				}
				pending_add(t->pend, sec, en.key, en.klen, en.data, en.dlen, pass == 0,
					    pass == 1 && del->len == 0);
				continue;
			}
			if (nops == cap) {
				cap = cap ? cap * 2 : 8;
				ops = xrealloc(ops, cap * sizeof *ops);
			}
			/* A removal takes only this record's entry: in a unique index the key may have
			 * gone to another record meanwhile (a CCCD given up after a clash). */
			ops[nops++] = (struct pidx_op){ en.key, en.data, en.klen, en.dlen, pass == 0 };
		}
	}
	int rc = 0;
	if (nops) {
		pidx_sort(ops, nops);
		rc = pidx_apply(s->db[sec], t->txn, ops, nops, unique, NULL, NULL);
	}
	free(ops);
	if (rc == DB_KEYEXIST)
		return -ERR_EXISTS;
	if (rc)
		return store_dberr(s, e, rc, _("saving an index"));
	return 0;
}

/* Hold back the entries of from that against lacks, as removals (del) or additions; an entry
 * too big to hold back is left in direct, to be written at once. */
static void stage_diff(struct stage *st, enum dbi sec, const struct buf *from,
		       const struct buf *against, bool del, struct buf *direct)
{
	size_t pos = 0;
	struct idx_entry en;
	while (idx_entry_next(from, &pos, &en)) {
		if (idx_has_entry(against, en.key, en.klen, en.data, en.dlen))
			continue;
		if (STAGE_FITS(en.klen, en.dlen))
			stage_add(st, sec, del, en.key, en.klen, en.data, en.dlen);
		else
			idx_put_entry(direct, en.key, en.klen, en.data, en.dlen);
	}
}

int store_index(struct store *s, struct store_txn *t, enum dbi primary, uint64_t id,
		const struct buf *old, const struct buf *new, struct err *e)
{
	struct buf oent = BUF_INIT, nent = BUF_INIT, dold = BUF_INIT, dnew = BUF_INIT;
	int rc = 0;
	/* A record this import created, whose entries are held back: its changes are too. */
	struct stage *st = t->stage;
	bool staged = st && (old ? stage_owns(st, primary, id) : new != NULL);
	/* A new record's held-back entries are made on the stage's own thread, after the
	 * commit: here only the indexes the stage does not take are written. */
	bool deferred = false;
	if (staged && !old) {
		stage_note_id(st, primary, id);
		deferred = stage_add_record(st, primary, id, new->p, new->len);
	}
	/* Unique indexes first: a clash then leaves nothing written. */
	for (int pass = 0; pass < 2 && rc == 0; pass++) {
		for (int i = 0; i < DBI__COUNT && rc == 0; i++) {
			const struct db_spec *sp = &store_db_specs[i];
			if (sp->primary != (int)primary)
				continue;
			bool unique = !(sp->flags & DB_DUPSORT);
			if (unique != (pass == 0) || (deferred && stage_holds(i)))
				continue;
			size_t n;
			buf_reset(&oent);
			buf_reset(&nent);
			if (old && idx_entries(i, id, old->p, old->len, &oent, &n) != 0)
				rc = err_set(e, ERR_CORRUPT, _("a stored record cannot be read"));
			if (rc == 0 && new && idx_entries(i, id, new->p, new->len, &nent, &n) != 0)
				rc = err_set(e, ERR_INVAL, _("the record cannot be indexed"));
			if (rc == 0 && staged && stage_holds(i)) {
				buf_reset(&dold);
				buf_reset(&dnew);
				stage_diff(st, i, &oent, &nent, true, &dold);
				stage_diff(st, i, &nent, &oent, false, &dnew);
				if (dold.len || dnew.len)
					rc = index_one(s, t, i, id, &dold, &dnew, e);
			} else if (rc == 0) {
				rc = index_one(s, t, i, id, &oent, &nent, e);
			}
		}
	}
	buf_free(&oent);
	buf_free(&nent);
	buf_free(&dold);
	buf_free(&dnew);
	return rc;
}

/* ---- building an index that is new in this version from the records it covers ---------- */

static int build_mark(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	const enum dbi *sec = ctx;
	char key[64];
	int kn = snprintf(key, sizeof key, "index:%s", store_db_specs[*sec].file);
	DBT k = { .data = key, .size = (u_int32_t)kn }, v = { .data = "built", .size = 5 };
	int rc = s->db[DBI_META]->put(s->db[DBI_META], t->txn, &k, &v, 0);
	return rc ? store_dberr(s, e, rc, _("building an index")) : 0;
}

bool store_index_built(struct store *s, enum dbi sec)
{
	char key[64];
	int kn = snprintf(key, sizeof key, "index:%s", store_db_specs[sec].file);
	DBT k = { .data = key, .size = (u_int32_t)kn }, v = { .flags = DB_DBT_PARTIAL | DB_DBT_USERMEM };
	return s->db[DBI_META]->get(s->db[DBI_META], NULL, &k, &v, DB_READ_COMMITTED) == 0;
}

int store_index_build(struct store *s, enum dbi sec, bool mark_only, struct err *e)
{
	/* The entries of every record, sorted in runs on disk and filed in key order. */
	int rc = mark_only ? 0 : stage_build_index(s, sec, e);
	if (rc == 0)
		rc = store_write(s, build_mark, &sec, e);
	return rc;
}
