/* The audit trail: its entries, the creation ranges of bulk transactions, a record's history.
 *
 * Every change of a record writes an entry keyed (record type, record id, sequence), so the
 * history of a record is one range of the database.  An import creates a million persons and
 * memberships, though, and an entry each was millions of B-tree puts, a quarter of a gigabyte
 * and a tenth of the import's time.  So in a bulk transaction (an import batch) a person or a
 * membership gets no entry of its own: the transaction notes, per type, the first and last id
 * it created, and just before its commit writes one creation range entry per type, keyed
 * (AUDIT_RANGE | type, last id, sequence), the entry itself an AUDIT_CREATE with rec_id the
 * first id.  A lookup for id X is one cursor positioning: the first range of the type ending
 * at or after X covers X if it starts at or before it (ranges of a type never overlap: each
 * holds only ids its transaction allocated).
 *
 * The ids a transaction allocates for a type are consecutive (one counter, read once per
 * transaction), and only the inserts of this file's caller allocate them; an insert that fails
 * (a CCCD already taken) still uses its id, which stays inside the range with no record.  A
 * range covers such an id only in appearance: a history is given a creation from a range only
 * if the record exists or has entries of its own, which an id never created cannot have.
 *
 * Order.  The range's sequence number is taken at the first creation of its type in the
 * transaction, so a change made to one of its records later in the same transaction (an import
 * updating a person a few rows after creating it) comes after the creation, as it would with
 * an entry of its own.  store_each_audit_of hands the range over in its place by sequence, as
 * an ordinary entry about the record asked for. */
#include "store/internal.h"

#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The slot of struct store_txn's created[] of a type, or -1 for one without ranges. */
static int range_slot(enum rec_type type)
{
	switch (type) {
	case REC_PERSON: return 0;
	case REC_MEMBERSHIP: return 1;
	default: return -1;
	}
}

static const enum rec_type range_types[AUDIT_RANGE_TYPES] = { REC_PERSON, REC_MEMBERSHIP };

static int put_entry(struct store *s, struct store_txn *t, const unsigned char *kb,
		     const struct audit *a, struct err *e)
{
	struct buf val = BUF_INIT;
	rec_encode(&REC_DEF_AUDIT, a, &val);
	DBT k = { .data = (void *)kb, .size = AUDIT_KEY_LEN };
	DBT v = { .data = val.p, .size = (u_int32_t)val.len };
	DB *db = s->db[DBI_AUDIT];
	int rc = db->put(db, t->txn, &k, &v, 0);
	buf_free(&val);
	return rc ? store_dberr(s, e, rc, _("saving")) : 0;
}

int store_audit_write(struct store *s, struct store_txn *t, int op, enum rec_type type,
		      uint64_t id, const char *field, const char *before, const char *after,
		      uint64_t *seq, struct err *e)
{
	struct audit a = { 0 };
	int rc = store_audit_seq(s, t, &a.m.id, e);
	if (rc)
		return rc;
	if (seq)
		*seq = a.m.id;
	a.time = t->now;
	a.login = s->login;
	a.op = op;
	a.rec_type = type;
	a.rec_id = id;
	a.field = (char *)field;
	a.before = (char *)before;
	a.after = (char *)after;
	unsigned char kb[AUDIT_KEY_LEN];
	kb[0] = (unsigned char)type;
	be64_put(kb + 1, id);
	be64_put(kb + 9, a.m.id);
	return put_entry(s, t, kb, &a, e);
}

int store_audit_created(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
			const void *rec, struct err *e)
{
	int slot = range_slot(type);
	if (t->pend && slot >= 0) {
		struct audit_range *r = &t->created[slot];
		if (r->n == 0) {
			int rc = store_audit_seq(s, t, &r->seq, e);
			if (rc)
				return rc;
			r->lo = r->hi = id;
			r->n = 1;
			return 0;
		}
		if (id > r->hi) {
			r->hi = id;
			r->n++;
			return 0;
		}
		/* Not after the range (ids never go back, but if they did): an entry of its own,
		 * which keeps the ranges from overlapping. */
	}
	struct buf sum = BUF_INIT;
	store_summary(type, rec, &sum);
	int rc = store_audit_write(s, t, AUDIT_CREATE, type, id, "", "", buf_str(&sum), NULL, e);
	buf_free(&sum);
	return rc;
}

int store_audit_ranges(struct store *s, struct store_txn *t, struct err *e)
{
	for (int i = 0; i < AUDIT_RANGE_TYPES; i++) {
		const struct audit_range *r = &t->created[i];
		if (r->n == 0)
			continue;
		struct audit a = { 0 };
		a.time = t->now;
		a.login = s->login;
		a.op = AUDIT_CREATE;
		a.rec_type = range_types[i];
		a.rec_id = r->lo;
		a.field = a.before = a.after = "";
		unsigned char kb[AUDIT_KEY_LEN];
		kb[0] = (unsigned char)(AUDIT_RANGE | range_types[i]);
		be64_put(kb + 1, r->hi);
		be64_put(kb + 9, r->seq);
		int rc = put_entry(s, t, kb, &a, e);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- a record's history ------------------------------------------------------------------- */

/* The creation range of type covering id, as an entry about id (a->m.id its sequence, the
 * notes still empty): the one this bulk transaction gathers, else one stored.  *found false
 * if none covers it. */
static int find_range(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
		      struct audit *a, bool *found, struct err *e)
{
	*found = false;
	int slot = range_slot(type);
	if (slot < 0)
		return 0;
	if (t && t->pend && t->created[slot].n && t->created[slot].lo <= id &&
	    id <= t->created[slot].hi) {
		a->m.id = t->created[slot].seq;
		a->time = t->now;
		a->login = xstrdup(s->login);
		*found = true;
	} else {
		DBC *c;
		int rc = store_cursor(s, t, DBI_AUDIT, &c, e);
		if (rc)
			return rc;
		unsigned char kb[AUDIT_KEY_LEN];
		kb[0] = (unsigned char)(AUDIT_RANGE | type);
		be64_put(kb + 1, id);
		memset(kb + 9, 0, 8);
		DBT k = { .data = kb, .size = AUDIT_KEY_LEN, .ulen = AUDIT_KEY_LEN,
			  .flags = DB_DBT_USERMEM };
		DBT v = { .flags = DB_DBT_REALLOC };
		rc = c->get(c, &k, &v, DB_SET_RANGE);
		int out = 0;
		if (rc == 0 && k.size == AUDIT_KEY_LEN && kb[0] == (AUDIT_RANGE | type)) {
			out = rec_decode(&REC_DEF_AUDIT, a, v.data, v.size, e);
			if (out == 0 && a->rec_id <= id) {
				a->m.id = be64_get(kb + 9);
				*found = true;
			}
		} else if (rc && rc != DB_NOTFOUND) {
			out = store_dberr(s, e, rc, _("reading"));
		}
		c->close(c);
		free(v.data);
		if (out || !*found)
			return out;
	}
	a->op = AUDIT_CREATE;
	a->rec_type = type;
	a->rec_id = id;
	rec_set_str(rec_field(&REC_DEF_AUDIT, "field"), a, "");
	rec_set_str(rec_field(&REC_DEF_AUDIT, "before"), a, "");
	rec_set_str(rec_field(&REC_DEF_AUDIT, "after"), a, "");
	return 0;
}

/* The entries filed under the record itself, oldest first. */
static int each_own(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
		    store_each_fn fn, void *ctx, struct err *e)
{
	DBC *c;
	int rc = store_cursor(s, t, DBI_AUDIT, &c, e);
	if (rc)
		return rc;
	unsigned char prefix[9];
	prefix[0] = (unsigned char)type;
	be64_put(prefix + 1, id);
	unsigned char kb[AUDIT_KEY_LEN];
	memcpy(kb, prefix, 9);
	memset(kb + 9, 0, 8);
	DBT k = { .data = kb, .size = AUDIT_KEY_LEN, .ulen = AUDIT_KEY_LEN, .flags = DB_DBT_USERMEM };
	DBT v = { .flags = DB_DBT_REALLOC };
	struct audit a = { 0 };
	int out = 0;
	u_int32_t op = DB_SET_RANGE;
	while ((rc = c->get(c, &k, &v, op)) == 0) {
		op = DB_NEXT;
		if (k.size != AUDIT_KEY_LEN || memcmp(kb, prefix, 9) != 0)
			break;
		rec_clear(&REC_DEF_AUDIT, &a);
		if ((out = rec_decode(&REC_DEF_AUDIT, &a, v.data, v.size, e)) != 0)
			break;
		a.m.id = be64_get(kb + 9);
		if ((out = fn(&a, ctx)) != 0)
			break;
	}
	if (rc && rc != DB_NOTFOUND && !out)
		out = store_dberr(s, e, rc, _("reading"));
	c->close(c);
	free(v.data);
	rec_clear(&REC_DEF_AUDIT, &a);
	return out;
}

static int keep_entry(const void *rec, void *ctx)
{
	struct audit_list *l = ctx;
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	struct audit *a = &l->v[l->n++];
	memset(a, 0, sizeof *a);
	rec_copy(&REC_DEF_AUDIT, a, rec);
	a->m.id = ((const struct audit *)rec)->m.id;
	return 0;
}

/* The first entry of l with this op (and field, if not NULL), or NULL. */
static const struct audit *first_of(const struct audit_list *l, int op, const char *field)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct audit *a = &l->v[i];
		if (a->op == op && (!field || (a->field && strcmp(a->field, field) == 0)))
			return a;
	}
	return NULL;
}

static const char *text(const char *s)
{
	return s ? s : "";
}

static uint64_t id_text(const char *s)
{
	return s && *s ? strtoull(s, NULL, 10) : 0;
}

/* Whether the record is in its primary database now. */
static int rec_exists(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
		      bool *yes, struct err *e)
{
	DB *db = s->db[store_primary_of(type)];
	unsigned char kb[8];
	be64_put(kb, id);
	DBT k = { .data = kb, .size = 8 }, v = { .flags = DB_DBT_PARTIAL | DB_DBT_USERMEM };
	int rc = db->get(db, store_dbtxn(t), &k, &v, t ? 0 : DB_READ_COMMITTED);
	*yes = rc == 0;
	return rc == 0 || rc == DB_NOTFOUND ? 0 : store_dberr(s, e, rc, _("reading"));
}

/* What a creation entry of its own would have said (store_summary of the record as created):
 * the record as it is now, or as a merge or a removal took it, with the fields the summary
 * names set back to where their first changes started from. */
static int creation_summary(struct store *s, struct store_txn *t, enum rec_type type,
			    uint64_t id, const struct audit_list *l, struct buf *out, struct err *e)
{
	const struct audit *a;
	int rc;
	if (type == REC_PERSON) {
		if ((a = first_of(l, AUDIT_UPDATE, "full_name")) != NULL) {
			buf_adds(out, text(a->before));
			return 0;
		}
		struct person p = { 0 };
		rc = store_get(s, t, REC_PERSON, id, &p, e);
		if (rc == 0)
			buf_adds(out, text(p.full_name));
		rec_clear(&REC_DEF_PERSON, &p);
		if (rc != -ERR_NOTFOUND)
			return rc;
		err_clear(e);
		uint64_t keep, seq;
		if ((a = first_of(l, AUDIT_MERGE, "merged_into")) != NULL &&
		    sscanf(text(a->after), "merged into person %" SCNu64 " (merge %" SCNu64 ")", &keep,
			   &seq) == 2) {
			struct store_merge m;
			rc = store_merge_read(s, t, keep, seq, &m, e);
			if (rc == 0)
				buf_adds(out, text(m.gone_rec.full_name));
			store_merge_clear(&m);
			if (rc == 0 || (rc != -ERR_NOTFOUND && rc != -ERR_CORRUPT))
				return rc;
			err_clear(e);
		}
		if ((a = first_of(l, AUDIT_DELETE, NULL)) != NULL)
			buf_adds(out, text(a->before));
		return 0;
	}
	if (type != REC_MEMBERSHIP)
		return 0;
	struct membership m = { 0 };
	rc = store_get(s, t, REC_MEMBERSHIP, id, &m, e);
	if (rc == -ERR_NOTFOUND) {
		err_clear(e);
		rc = 0;
		if (!(a = first_of(l, AUDIT_DELETE, NULL)) ||
		    sscanf(text(a->before), "person %" SCNu64 ", org %" SCNu64 ", unit %" SCNu64,
			   &m.person_id, &m.org_id, &m.unit_id) != 3)
			rc = 1;
	}
	if (rc == 0) {
		static const char *const names[] = { "person_id", "org_id", "unit_id" };
		uint64_t *vals[] = { &m.person_id, &m.org_id, &m.unit_id };
		for (size_t i = 0; i < 3; i++)
			if ((a = first_of(l, AUDIT_UPDATE, names[i])) != NULL)
				*vals[i] = id_text(a->before);
		store_summary(REC_MEMBERSHIP, &m, out);
	}
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return rc > 0 ? 0 : rc;
}

/* The history of a record created in a bulk transaction: its own entries with the range's
 * creation (r) in its place. */
static int each_with_range(struct store *s, struct store_txn *t, enum rec_type type,
			   uint64_t id, struct audit *r, store_each_fn fn, void *ctx, struct err *e)
{
	struct audit_list l = { 0 };
	int rc = each_own(s, t, type, id, keep_entry, &l, e);
	bool created = l.n > 0;
	if (rc == 0 && !created)
		rc = rec_exists(s, t, type, id, &created, e);
	/* An id the range covers that was never a record (its insert failed) has no history; a
	 * creation entry of its own (store_audit_created's fallback) tells it already. */
	bool told = !created || first_of(&l, AUDIT_CREATE, NULL) != NULL;
	if (rc == 0 && !told) {
		struct buf sum = BUF_INIT;
		rc = creation_summary(s, t, type, id, &l, &sum, e);
		if (rc == 0)
			rec_set_str(rec_field(&REC_DEF_AUDIT, "after"), r, buf_str(&sum));
		buf_free(&sum);
	}
	for (size_t i = 0; rc == 0 && i <= l.n; i++) {
		if (!told && (i == l.n || l.v[i].m.id > r->m.id)) {
			told = true;
			if ((rc = fn(r, ctx)) != 0)
				break;
		}
		if (i < l.n)
			rc = fn(&l.v[i], ctx);
	}
	store_audit_list_free(&l);
	return rc;
}

int store_each_audit_of(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
			store_each_fn fn, void *ctx, struct err *e)
{
	struct audit r = { 0 };
	bool found;
	int rc = find_range(s, t, type, id, &r, &found, e);
	if (rc == 0)
		rc = found ? each_with_range(s, t, type, id, &r, fn, ctx, e)
			   : each_own(s, t, type, id, fn, ctx, e);
	rec_clear(&REC_DEF_AUDIT, &r);
	return rc;
}

int store_audit_list(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
		     struct audit_list *out, struct err *e)
{
	store_audit_list_free(out);
	return store_each_audit_of(s, t, type, id, keep_entry, out, e);
}

void store_audit_list_free(struct audit_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		rec_clear(&REC_DEF_AUDIT, &l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}
