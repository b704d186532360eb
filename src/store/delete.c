/* Removing records, and the decisions that two persons are not one (not-a-duplicate). */
#include "store/internal.h"

#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

int store_read_rec(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
		   struct buf *raw, void *rec, struct err *e)
{
	const struct rec_def *def = rec_def_of(type);
	DBT v;
	int rc = store_get_raw(s, t, store_primary_of(type), id, store_read_flags(t), &v, e,
			       rec_type_text(type));
	if (rc)
		return rc;
	buf_reset(raw);
	buf_add(raw, v.data, v.size);
	free(v.data);
	rec_clear(def, rec);
	if ((rc = rec_decode(def, rec, raw->p, raw->len, e)) != 0) {
		err_where(e, "%s %" PRIu64, rec_type_text(type), id);
		return rc;
	}
	((struct rec_meta *)rec)->id = id;
	return 0;
}

int store_remove_rec(struct store *s, struct store_txn *t, enum dbi dbi, uint64_t id,
		     const struct buf *raw, struct err *e)
{
	int rc = store_index(s, t, dbi, id, raw, NULL, e);
	if (rc)
		return rc;
	unsigned char kb[8];
	be64_put(kb, id);
	DBT k = { .data = kb, .size = 8 };
	DB *db = s->db[dbi];
	if ((rc = db->del(db, t->txn, &k, 0)) != 0)
		return store_dberr(s, e, rc, _("removing"));
	return 0;
}

/* ---- not-a-duplicate decisions: a small database, read whole ---------------------------- */

static int nd_collect(const void *rec, void *ctx)
{
	const struct notdup *d = rec;
	struct store_nd_list *l = ctx;
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = (struct store_nd){ d->m.id, d->person_a, d->person_b, d->m.version };
	return 0;
}

int store_nd_load(struct store *s, struct store_txn *t, struct store_nd_list *l, struct err *e)
{
	l->n = 0;
	return store_each(s, t, REC_NOTDUP, nd_collect, l, e);
}

struct store_nd *store_nd_find(struct store_nd_list *l, uint64_t a, uint64_t b)
{
	if (a > b) {
		uint64_t x = a;
		a = b;
		b = x;
	}
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].a == a && l->v[i].b == b)
			return &l->v[i];
	return NULL;
}

/* A person's decisions go when the person does. */
static int drop_notdups_of(struct store *s, struct store_txn *t, uint64_t person, struct err *e)
{
	struct store_nd_list l = { 0 };
	int rc = store_nd_load(s, t, &l, e);
	for (size_t i = 0; rc == 0 && i < l.n; i++)
		if (l.v[i].a == person || l.v[i].b == person)
			rc = store_delete(s, t, REC_NOTDUP, l.v[i].id, l.v[i].version, e);
	free(l.v);
	return rc;
}

static int person_exists(struct store *s, struct store_txn *t, uint64_t id, struct err *e)
{
	struct person p = { 0 };
	int rc = store_get(s, t, REC_PERSON, id, &p, e);
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

int store_notdup_add(struct store *s, struct store_txn *t, uint64_t a, uint64_t b,
		     const char *note, struct err *e)
{
	if (a == b)
		return err_set(e, ERR_INVAL, _("person %" PRIu64 " is one person: give two different "
					       "persons"), a);
	if (a > b) {
		uint64_t x = a;
		a = b;
		b = x;
	}
	int rc;
	if ((rc = person_exists(s, t, a, e)) != 0 || (rc = person_exists(s, t, b, e)) != 0)
		return rc;
	struct store_nd_list l = { 0 };
	if ((rc = store_nd_load(s, t, &l, e)) == 0 && store_nd_find(&l, a, b))
		rc = 1;
	free(l.v);
	if (rc)
		return rc;
	struct notdup d = { .person_a = a, .person_b = b };
	d.note = note && *note ? xstrdup(note) : NULL;
	rc = store_insert(s, t, REC_NOTDUP, &d, e);
	rec_clear(&REC_DEF_NOTDUP, &d);
	return rc;
}

int store_notdup_remove(struct store *s, struct store_txn *t, uint64_t a, uint64_t b,
			struct err *e)
{
	struct store_nd_list l = { 0 };
	int rc = store_nd_load(s, t, &l, e);
	if (rc == 0) {
		const struct store_nd *d = store_nd_find(&l, a, b);
		if (d)
			rc = store_delete(s, t, REC_NOTDUP, d->id, d->version, e);
		else
			rc = err_set(e, ERR_NOTFOUND, _("persons %" PRIu64 " and %" PRIu64 " are not "
							"recorded as two persons"), a, b);
	}
	free(l.v);
	return rc;
}

/* ---- removing a record -------------------------------------------------------------------- */

static int any_fn(const void *rec, void *ctx)
{
	(void)rec;
	(void)ctx;
	return 1;
}

struct ref_scan {
	unsigned tag;
	uint64_t id;
};

static int ref_scan_fn(uint64_t id, const void *data, size_t n, void *ctx)
{
	const struct ref_scan *r = ctx;
	uint64_t v;
	(void)id;
	return rec_peek_uint(data, n, r->tag, &v) == 0 && v == r->id;
}

/* Whether other records still refer to rec: 1 (with the message), 0, or an error. */
static int still_used(struct store *s, struct store_txn *t, enum rec_type type, const void *rec,
		      struct err *e)
{
	uint64_t id = ((const struct rec_meta *)rec)->id;
	int rc = 0;
	switch (type) {
	case REC_PERSON:
		if ((rc = store_each_membership_of_person(s, t, id, any_fn, NULL, e)) > 0)
			return err_set(e, ERR_INVAL, _("person %" PRIu64 " still has memberships: move "
						       "or remove them first"), id);
		return rc;
	case REC_UNIT: {
		const struct unit *u = rec;
		struct ref_scan r = { TAG_TARGET_UNIT, id };
		if ((rc = store_each_child_unit(s, t, u->org_id, id, any_fn, NULL, e)) == 0 &&
		    (rc = store_each_membership_of_unit(s, t, id, any_fn, NULL, e)) == 0)
			rc = store_scan(s, t, REC_TARGET, ref_scan_fn, &r, e);
		if (rc > 0)
			return err_set(e, ERR_INVAL, _("unit %" PRIu64 " still has units, members or "
						       "figures under it"), id);
		return rc;
	}
	case REC_ORG: {
		/* Every unit of an organization is under one of its tops; memberships have no index
		 * by organization, and organizations are seldom removed: a scan. */
		struct ref_scan r = { 17, id };	/* membership.org_id */
		if ((rc = store_each_child_unit(s, t, id, 0, any_fn, NULL, e)) == 0)
			rc = store_scan(s, t, REC_MEMBERSHIP, ref_scan_fn, &r, e);
		if (rc > 0)
			return err_set(e, ERR_INVAL, _("organization %" PRIu64 " still has units or "
						       "members"), id);
		return rc;
	}
	default:
		return 0;
	}
}

int store_delete(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
		 uint32_t version, struct err *e)
{
	const struct rec_def *def = rec_def_of(type);
	enum dbi dbi = store_primary_of(type);
	if (!def || dbi == DBI__COUNT || type == REC_AUDIT)
		return err_set(e, ERR_INVAL, "record type %d cannot be removed", (int)type);
	int rc = stage_guard(s, t, dbi, id, e);
	if (rc)
		return rc;
	void *cur = xcalloc(1, def->size);
	struct buf raw = BUF_INIT, sum = BUF_INIT;
	if ((rc = store_read_rec(s, t, type, id, &raw, cur, e)) != 0)
		goto out;
	const struct rec_meta *m = cur;
	if (m->version != version) {
		rc = store_conflict(e, type, id, m, version);
		goto out;
	}
	if ((rc = still_used(s, t, type, cur, e)) != 0)
		goto out;
	if (type == REC_PERSON && (rc = drop_notdups_of(s, t, id, e)) != 0)
		goto out;
	if ((rc = store_remove_rec(s, t, dbi, id, &raw, e)) != 0)
		goto out;
	store_summary(type, cur, &sum);
	rc = store_audit_write(s, t, AUDIT_DELETE, type, id, "", buf_str(&sum), "", NULL, e);
out:
	rec_clear(def, cur);
	free(cur);
	buf_free(&raw);
	buf_free(&sum);
	return rc;
}
