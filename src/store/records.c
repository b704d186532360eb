/* Reading and writing records: ids, versions, changes audited, index lookups and scans (the
 * audit trail itself: audit.c). */
#include "store/internal.h"

#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int bad_type(struct err *e, enum rec_type type)
{
	return err_set(e, ERR_INVAL, "record type %d has no database", (int)type);
}

/* Ids come from a counter per type in the meta database, read inside the caller's
 * transaction (with a write lock, so concurrent writers take turns) and written back at its
 * end: an aborted insert gives its id back, and an id is never reused once committed. */
static void counter_key(enum rec_type type, char *kbuf, DBT *k)
{
	int kn = snprintf(kbuf, 16, "next:%d", (int)type);
	memset(k, 0, sizeof *k);
	k->data = kbuf;
	k->size = (u_int32_t)kn;
}

static int alloc_id(struct store *s, struct store_txn *t, enum rec_type type, uint64_t *id,
		    struct err *e)
{
	if ((unsigned)type >= STORE_ID_TYPES)
		return bad_type(e, type);
	if (t->next_id[type]) {
		*id = t->next_id[type]++;
		t->id_dirty[type] = true;
		return 0;
	}
	DB *meta = s->db[DBI_META];
	char kbuf[16];
	DBT k;
	counter_key(type, kbuf, &k);
	unsigned char vbuf[8];
	DBT v = { .data = vbuf, .ulen = sizeof vbuf, .flags = DB_DBT_USERMEM };
	int rc = meta->get(meta, t->txn, &k, &v, DB_RMW);
	uint64_t next;
	if (rc == 0 && v.size == 8) {
		next = be64_get(vbuf);
	} else if (rc == DB_NOTFOUND) {
		/* First id of this type: continue after the highest key present. */
		DB *db = s->db[store_primary_of(type)];
		DBC *c;
		next = 1;
		if ((rc = db->cursor(db, t->txn, &c, 0)) != 0)
			return store_dberr(s, e, rc, _("allocating an id"));
		unsigned char kb[8];
		DBT ck = { .data = kb, .ulen = 8, .flags = DB_DBT_USERMEM };
		DBT cv = { .flags = DB_DBT_PARTIAL | DB_DBT_USERMEM };
		rc = c->get(c, &ck, &cv, DB_LAST | DB_RMW);
		if (rc == 0 && ck.size == 8)
			next = be64_get(kb) + 1;
		c->close(c);
		if (rc && rc != DB_NOTFOUND)
			return store_dberr(s, e, rc, _("allocating an id"));
	} else {
		return store_dberr(s, e, rc ? rc : DB_SECONDARY_BAD, _("allocating an id"));
	}
	*id = next;
	t->next_id[type] = next + 1;
	t->id_dirty[type] = true;
	return 0;
}

int store_next_id(struct store *s, struct store_txn *t, enum rec_type type, uint64_t *next,
		  struct err *e)
{
	if ((unsigned)type >= STORE_ID_TYPES)
		return bad_type(e, type);
	if (!t->next_id[type]) {
		uint64_t id;
		int rc = alloc_id(s, t, type, &id, e);
		if (rc)
			return rc;
		t->next_id[type] = id;	/* given back: the next insert gets it */
	}
	*next = t->next_id[type];
	return 0;
}

int store_flush_ids(struct store *s, struct store_txn *t, struct err *e)
{
	DB *meta = s->db[DBI_META];
	for (int type = 0; type < STORE_ID_TYPES; type++) {
		if (!t->id_dirty[type])
			continue;
		char kbuf[16];
		DBT k;
		counter_key((enum rec_type)type, kbuf, &k);
		unsigned char vbuf[8];
		be64_put(vbuf, t->next_id[type]);
		DBT v = { .data = vbuf, .size = 8 };
		int rc = meta->put(meta, t->txn, &k, &v, 0);
		if (rc)
			return store_dberr(s, e, rc, _("allocating an id"));
		t->id_dirty[type] = false;
	}
	return 0;
}

static void set_str(char **p, const char *s)
{
	free(*p);
	*p = xstrdup(s);
}

/* Put an encoded record under its 8-byte id in a primary database. */
int store_put_raw(struct store *s, struct store_txn *t, enum dbi dbi, uint64_t id,
		  const struct buf *val, u_int32_t flags, struct err *e)
{
	unsigned char kb[8];
	be64_put(kb, id);
	DBT k = { .data = kb, .size = 8 };
	DBT v = { .data = val->p, .size = (u_int32_t)val->len };
	DB *db = s->db[dbi];
	int rc = db->put(db, t->txn, &k, &v, flags);
	if (rc)
		return store_dberr(s, e, rc, _("saving"));
	return 0;
}

int store_audit_seq(struct store *s, struct store_txn *t, uint64_t *seq, struct err *e)
{
	return alloc_id(s, t, REC_AUDIT, seq, e);
}

/* The one-line description of a record kept in its creation and removal audit entries. */
void store_summary(enum rec_type type, const void *rec, struct buf *out)
{
	switch (type) {
	case REC_ORG: {
		const struct org *o = rec;
		buf_printf(out, "%s %s", o->code ? o->code : "", o->name ? o->name : "");
		break;
	}
	case REC_UNIT: {
		const struct unit *u = rec;
		buf_printf(out, "%s (org %" PRIu64 ", parent %" PRIu64 ")", u->name ? u->name : "",
			   u->org_id, u->parent_id);
		break;
	}
	case REC_PERSON: {
		const struct person *p = rec;
		buf_adds(out, p->full_name ? p->full_name : "");
		break;
	}
	case REC_MEMBERSHIP: {
		const struct membership *m = rec;
		buf_printf(out, "person %" PRIu64 ", org %" PRIu64 ", unit %" PRIu64, m->person_id,
			   m->org_id, m->unit_id);
		break;
	}
	case REC_NOTDUP: {
		const struct notdup *d = rec;
		buf_printf(out, "persons %" PRIu64 " and %" PRIu64, d->person_a, d->person_b);
		break;
	}
	default:
		break;
	}
}

int store_cursor(struct store *s, struct store_txn *t, enum dbi dbi, DBC **c, struct err *e)
{
	DB *db = s->db[dbi];
	int rc = db->cursor(db, store_dbtxn(t), c, t ? 0 : DB_READ_COMMITTED);
	return rc ? store_dberr(s, e, rc, _("reading")) : 0;
}

int store_get_raw(struct store *s, struct store_txn *t, enum dbi dbi, uint64_t id,
		  u_int32_t flags, DBT *v, struct err *e, const char *what)
{
	unsigned char kb[8];
	be64_put(kb, id);
	DBT k = { .data = kb, .size = 8 };
	memset(v, 0, sizeof *v);
	v->flags = DB_DBT_MALLOC;
	DB *db = s->db[dbi];
	int rc = db->get(db, store_dbtxn(t), &k, v, flags);
	if (rc == DB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, _("%s %" PRIu64 " does not exist"), what, id);
	if (rc)
		return store_dberr(s, e, rc, what);
	return 0;
}

int store_get(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id, void *rec,
	      struct err *e)
{
	const struct rec_def *def = rec_def_of(type);
	enum dbi dbi = store_primary_of(type);
	if (!def || dbi == DBI__COUNT)
		return bad_type(e, type);
	DBT v;
	int rc = store_get_raw(s, t, dbi, id, store_read_flags(t), &v, e, rec_type_text(type));
	if (rc)
		return rc;
	rec_clear(def, rec);
	rc = rec_decode(def, rec, v.data, v.size, e);
	free(v.data);
	if (rc) {
		err_where(e, "%s %" PRIu64, rec_type_text(type), id);
		return rc;
	}
	((struct rec_meta *)rec)->id = id;
	return 0;
}

/* A unique index refused a key: say who holds it. */
static int exists_error(struct store *s, struct store_txn *t, enum rec_type type,
			const void *rec, struct err *e)
{
	if (type == REC_PERSON) {
		const struct person *p = rec;
		struct person other = { 0 };
		int rc = store_person_by_cccd(s, t, p->cccd ? p->cccd : "", &other, NULL);
		if (rc == 0)
			rc = err_set(e, ERR_EXISTS, _("CCCD %s already belongs to %s (person %" PRIu64 ")"),
				     p->cccd, other.full_name ? other.full_name : "", other.m.id);
		else
			rc = err_set(e, ERR_EXISTS, _("CCCD %s is already taken"), p->cccd ? p->cccd : "");
		rec_clear(&REC_DEF_PERSON, &other);
		return rc;
	}
	if (type == REC_ORG) {
		const struct org *o = rec;
		return err_set(e, ERR_EXISTS, _("organization code %s is already used"),
			       o->code ? o->code : "");
	}
	return err_set(e, ERR_EXISTS, _("this %s has a value that another one already has"),
		       rec_type_text(type));
}

int store_insert(struct store *s, struct store_txn *t, enum rec_type type, void *rec,
		 struct err *e)
{
	const struct rec_def *def = rec_def_of(type);
	enum dbi dbi = store_primary_of(type);
	if (!def || dbi == DBI__COUNT || type == REC_AUDIT)
		return bad_type(e, type);
	struct rec_meta *m = rec;
	m->id = 0;
	int rc = alloc_id(s, t, type, &m->id, e);
	if (rc)
		return rc;
	m->version = 1;
	m->ctime = m->mtime = t->now;
	set_str(&m->cuser, s->login);
	set_str(&m->muser, s->login);
	struct buf val = BUF_INIT;
	rec_encode(def, rec, &val);
	/* Indexes first: a unique clash (a CCCD already taken) then leaves nothing written. */
	rc = store_index(s, t, dbi, m->id, NULL, &val, e);
	if (rc == -ERR_EXISTS)
		rc = exists_error(s, t, type, rec, e);
	if (rc == 0)
		rc = store_put_raw(s, t, dbi, m->id, &val, DB_NOOVERWRITE, e);
	buf_free(&val);
	if (rc)
		return rc;
	return store_audit_created(s, t, type, m->id, rec, e);
}

struct audit_ctx {
	struct store *s;
	struct store_txn *t;
	enum rec_type type;
	uint64_t id;
	struct err *e;
	int rc;
};

static void audit_field(const struct field_def *f, const char *before, const char *after,
			void *ctx)
{
	struct audit_ctx *a = ctx;
	if (a->rc == 0)
		a->rc = store_audit_write(a->s, a->t, AUDIT_UPDATE, a->type, a->id, f->name, before,
					  after, NULL, a->e);
}

static void time_text(int64_t t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (localtime_r(&tt, &tm))
		strftime(out, n, "%H:%M %d/%m/%Y", &tm);
	else
		snprintf(out, n, "%" PRId64, t);
}

int store_conflict(struct err *e, enum rec_type type, uint64_t id, const struct rec_meta *cur,
		   uint32_t version)
{
	char when[64];
	time_text(cur->mtime, when, sizeof when);
	return err_set(e, ERR_CONFLICT,
		       _("%s %" PRIu64 " was changed by %s at %s while you were editing it "
			 "(version %u, you started from %u); your changes were not saved"),
		       rec_type_text(type), id, cur->muser ? cur->muser : "?", when, cur->version,
		       version);
}

int store_update(struct store *s, struct store_txn *t, enum rec_type type, void *rec,
		 bool *changed, struct err *e)
{
	const struct rec_def *def = rec_def_of(type);
	enum dbi dbi = store_primary_of(type);
	if (!def || dbi == DBI__COUNT || type == REC_AUDIT)
		return bad_type(e, type);
	struct rec_meta *m = rec;
	if (changed)
		*changed = false;
	int rc = stage_guard(s, t, dbi, m->id, e);
	if (rc)
		return rc;
	void *cur = xcalloc(1, def->size);
	struct buf old = BUF_INIT, val = BUF_INIT;
	DBT raw;
	rc = store_get_raw(s, t, dbi, m->id, store_read_flags(t), &raw, e, rec_type_text(type));
	if (rc)
		goto out;
	buf_add(&old, raw.data, raw.size);
	free(raw.data);
	if ((rc = rec_decode(def, cur, old.p, old.len, e)) != 0)
		goto out;
	struct rec_meta *cm = cur;
	if (cm->version != m->version) {
		rc = store_conflict(e, type, m->id, cm, m->version);
		goto out;
	}
	if (rec_same(def, cur, rec))
		goto out;
	/* Encode a copy with the new meta: the caller's record stays as it was read, so a
	 * transaction that is rolled back and run again (deadlock) compares the same version
	 * again instead of one it never saved. */
	void *next = xmalloc(def->size);
	memcpy(next, rec, def->size);
	struct rec_meta *nm = next;
	nm->version = cm->version + 1;
	nm->ctime = cm->ctime;
	nm->cuser = cm->cuser;
	nm->mtime = t->now;
	nm->muser = s->login;
	/* Fields a newer program added stay as they were stored. */
	nm->extra = cm->extra;
	rec_encode(def, next, &val);
	free(next);
	rc = store_index(s, t, dbi, m->id, &old, &val, e);
	if (rc == -ERR_EXISTS)
		rc = exists_error(s, t, type, rec, e);
	if (rc)
		goto out;
	struct audit_ctx a = { s, t, type, m->id, e, 0 };
	rec_diff(def, cur, rec, audit_field, &a);
	if ((rc = a.rc) != 0)
		goto out;
	if ((rc = store_put_raw(s, t, dbi, m->id, &val, 0, e)) != 0)
		goto out;
	if (changed)
		*changed = true;
out:
	buf_free(&old);
	buf_free(&val);
	rec_clear(def, cur);
	free(cur);
	return rc;
}

/* The id in a primary key: the key itself, or the sequence at the end of an audit key. */
static uint64_t key_id(const DBT *k)
{
	if (k->size == 8)
		return be64_get(k->data);
	if (k->size == AUDIT_KEY_LEN)
		return be64_get((const unsigned char *)k->data + 9);
	return 0;
}

/* Every record of a type in key order (id order; for audit entries, by record then time, the
 * creation ranges of bulk transactions last). */
int store_each(struct store *s, struct store_txn *t, enum rec_type type, store_each_fn fn,
	       void *ctx, struct err *e)
{
	const struct rec_def *def = rec_def_of(type);
	enum dbi dbi = store_primary_of(type);
	if (!def || dbi == DBI__COUNT)
		return bad_type(e, type);
	DBC *c;
	int rc = store_cursor(s, t, dbi, &c, e);
	if (rc)
		return rc;
	void *rec = xcalloc(1, def->size);
	DBT k = { .flags = DB_DBT_REALLOC }, v = { .flags = DB_DBT_REALLOC };
	int out = 0;
	while ((rc = c->get(c, &k, &v, DB_NEXT)) == 0) {
		rec_clear(def, rec);
		if ((out = rec_decode(def, rec, v.data, v.size, e)) != 0) {
			err_where(e, "%s %" PRIu64, rec_type_text(type), key_id(&k));
			break;
		}
		((struct rec_meta *)rec)->id = key_id(&k);
		if ((out = fn(rec, ctx)) != 0)
			break;
	}
	if (rc && rc != DB_NOTFOUND)
		out = store_dberr(s, e, rc, _("reading"));
	c->close(c);
	free(k.data);
	free(v.data);
	rec_clear(def, rec);
	free(rec);
	return out;
}

/* Bulk reads (DB_MULTIPLE_KEY) hand over a buffer of many records per call: a pass over a
 * million records then costs a few thousand cursor calls instead of a million, and no record
 * is decoded.  The buffer starts at 1 MB (a multiple of the page size, which it must
 * exceed) and doubles for a record that does not fit. */
#define SCAN_BUF (1u << 20)

int store_scan(struct store *s, struct store_txn *t, enum rec_type type, store_scan_fn fn,
	       void *ctx, struct err *e)
{
	enum dbi dbi = store_primary_of(type);
	if (dbi == DBI__COUNT)
		return bad_type(e, type);
	DBC *c;
	int rc = store_cursor(s, t, dbi, &c, e);
	if (rc)
		return rc;
	/* Pages a scan has read go first when the cache needs room: a report over the whole
	 * store does not push out what other users are working on. */
	if ((rc = c->set_priority(c, DB_PRIORITY_VERY_LOW)) != 0) {
		c->close(c);
		return store_dberr(s, e, rc, _("reading"));
	}
	u_int32_t size = SCAN_BUF;
	DBT k = { .flags = DB_DBT_REALLOC },	/* unused: the keys come in v */
	    v = { .data = xmalloc(size), .ulen = size, .flags = DB_DBT_USERMEM };
	int out = 0;
	while (out == 0) {
		rc = c->get(c, &k, &v, DB_NEXT | DB_MULTIPLE_KEY);
		if (rc == DB_BUFFER_SMALL) {
			while (size < v.size)
				size *= 2;
			free(v.data);
			v.data = xmalloc(size);
			v.ulen = size;
			continue;
		}
		if (rc)
			break;
		void *p;
		DB_MULTIPLE_INIT(p, &v);
		for (;;) {
			void *kd, *vd;
			u_int32_t kn, vn;
			DB_MULTIPLE_KEY_NEXT(p, &v, kd, kn, vd, vn);
			if (!p)
				break;
			DBT one = { .data = kd, .size = kn };
			uint64_t id = kn == 8 ? be64_get(kd) : key_id(&one);
			if ((out = fn(id, vd, vn, ctx)) != 0)
				break;
		}
	}
	if (rc && rc != DB_NOTFOUND && !out)
		out = store_dberr(s, e, rc, _("reading"));
	c->close(c);
	free(k.data);
	free(v.data);
	return out;
}

int store_count(struct store *s, struct store_txn *t, enum rec_type type, uint64_t *n,
		struct err *e)
{
	enum dbi dbi = store_primary_of(type);
	if (dbi == DBI__COUNT)
		return bad_type(e, type);
	DB *db = s->db[dbi];
	DB_BTREE_STAT *st;
	int rc = db->stat(db, store_dbtxn(t), &st, t ? 0 : DB_READ_COMMITTED);
	if (rc)
		return store_dberr(s, e, rc, _("counting"));
	*n = st->bt_nkeys;
	free(st);
	return 0;
}

int store_last_id(struct store *s, struct store_txn *t, enum rec_type type, uint64_t *id,
		  struct err *e)
{
	enum dbi dbi = store_primary_of(type);
	if (dbi == DBI__COUNT || type == REC_AUDIT)
		return bad_type(e, type);
	*id = 0;
	DBC *c;
	int rc = store_cursor(s, t, dbi, &c, e);
	if (rc)
		return rc;
	unsigned char kb[8];
	DBT k = { .data = kb, .ulen = sizeof kb, .flags = DB_DBT_USERMEM };
	DBT v = { .flags = DB_DBT_PARTIAL | DB_DBT_USERMEM };	/* dlen 0: the value is not read */
	rc = c->get(c, &k, &v, DB_LAST);
	if (rc == 0 && k.size == 8)
		*id = be64_get(kb);
	c->close(c);
	if (rc && rc != DB_NOTFOUND)
		return store_dberr(s, e, rc, _("reading"));
	return 0;
}

int store_each_sec(struct store *s, struct store_txn *t, enum dbi sec, const void *key,
		   size_t klen, enum rec_type type, store_each_fn fn, void *ctx, struct err *e)
{
	const struct rec_def *def = rec_def_of(type);
	struct pcur *c;
	int rc = pcur_open(s->db[sec], store_dbtxn(t), &c, t ? 0 : DB_READ_COMMITTED);
	if (rc)
		return store_dberr(s, e, rc, _("reading"));
	void *rec = xcalloc(1, def->size);
	unsigned char pkb[8];
	DBT k = { .data = (void *)key, .size = (u_int32_t)klen };
	/* The first 8 bytes of an entry's value are the record's id; its payload is not needed. */
	DBT pk = { .data = pkb, .ulen = 8, .dlen = 8, .flags = DB_DBT_USERMEM | DB_DBT_PARTIAL };
	int out = 0;
	u_int32_t op = DB_SET;
	while ((rc = pcur_get(c, &k, &pk, op)) == 0) {
		op = DB_NEXT_DUP;
		if (pk.size != 8)
			continue;
		uint64_t id = be64_get(pkb);
		if (t && t->pend && pending_state(t->pend, sec, key, klen, id) < 0)
			continue;	/* removed by this bulk transaction */
		int g = store_get(s, t, type, id, rec, e);
		if (g == -ERR_NOTFOUND) {
			/* Removed since the index was read (read-committed): not ours to show. */
			err_clear(e);
			continue;
		}
		if ((out = g) != 0 || (out = fn(rec, ctx)) != 0)
			break;
	}
	if (rc && rc != DB_NOTFOUND && !out)
		out = store_dberr(s, e, rc, _("reading"));
	pcur_close(c);
	/* Then what this bulk transaction has filed under the key and not written yet. */
	if (out == 0 && t && t->pend) {
		size_t n = pending_added(t->pend, sec, key, klen, NULL, 0);
		uint64_t *ids = xcalloc(n ? n : 1, sizeof *ids);
		pending_added(t->pend, sec, key, klen, ids, n);
		for (size_t i = n; out == 0 && i > 0; i--) {
			if ((out = store_get(s, t, type, ids[i - 1], rec, e)) == 0)
				out = fn(rec, ctx);
		}
		free(ids);
	}
	rec_clear(def, rec);
	free(rec);
	return out;
}

/* Fetch the single record filed under key in a unique index. */
static int get_unique(struct store *s, struct store_txn *t, enum dbi sec, const char *key,
		      enum rec_type type, void *out, struct err *e, const char *missing)
{
	size_t klen = strlen(key);
	uint64_t held;
	if (t && t->pend && pending_added(t->pend, sec, key, klen, &held, 1))
		return store_get(s, t, type, held, out, e);	/* filed by this bulk transaction */
	DBT k = { .data = (void *)key, .size = (u_int32_t)klen };
	unsigned char pkb[8];
	/* The first 8 bytes of an entry's value are the record's id; its payload is not needed. */
	DBT pk = { .data = pkb, .ulen = 8, .dlen = 8, .flags = DB_DBT_USERMEM | DB_DBT_PARTIAL };
	int rc = pidx_get(s->db[sec], store_dbtxn(t), &k, &pk, store_read_flags(t));
	if (rc == 0 && t && t->pend && pk.size == 8 &&
	    pending_state(t->pend, sec, key, klen, be64_get(pkb)) < 0)
		rc = DB_NOTFOUND;	/* removed by this bulk transaction */
	if (rc == DB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, missing, key);
	if (rc)
		return store_dberr(s, e, rc, _("reading"));
	if (pk.size != 8)
		return err_set(e, ERR_CORRUPT, _("index %s is damaged"), store_db_specs[sec].file);
	return store_get(s, t, type, be64_get(pkb), out, e);
}

int store_org_by_code(struct store *s, struct store_txn *t, const char *code, struct org *out,
		      struct err *e)
{
	return get_unique(s, t, DBI_ORG_CODE, code, REC_ORG, out, e,
			  _("no organization has the code %s"));
}

int store_person_by_cccd(struct store *s, struct store_txn *t, const char *cccd,
			 struct person *out, struct err *e)
{
	return get_unique(s, t, DBI_PERSON_CCCD, cccd, REC_PERSON, out, e,
			  _("no person has the CCCD %s"));
}

int store_each_membership_of_person(struct store *s, struct store_txn *t, uint64_t person_id,
				    store_each_fn fn, void *ctx, struct err *e)
{
	unsigned char k[8];
	be64_put(k, person_id);
	return store_each_sec(s, t, DBI_MEMBER_PERSON, k, 8, REC_MEMBERSHIP, fn, ctx, e);
}

int store_each_membership_of_unit(struct store *s, struct store_txn *t, uint64_t unit_id,
				  store_each_fn fn, void *ctx, struct err *e)
{
	unsigned char k[8];
	be64_put(k, unit_id);
	return store_each_sec(s, t, DBI_MEMBER_UNIT, k, 8, REC_MEMBERSHIP, fn, ctx, e);
}

int store_count_memberships_of_unit(struct store *s, struct store_txn *t, uint64_t unit_id,
				    uint64_t *n, struct err *e)
{
	*n = 0;
	struct pcur *c;
	int rc = pcur_open(s->db[DBI_MEMBER_UNIT], store_dbtxn(t), &c, t ? 0 : DB_READ_COMMITTED);
	if (rc)
		return store_dberr(s, e, rc, _("reading"));
	unsigned char kb[8];
	be64_put(kb, unit_id);
	DBT k = { .data = kb, .size = 8 };
	DBT v = { .flags = DB_DBT_PARTIAL };
	u_int32_t op = DB_SET;
	while ((rc = pcur_get(c, &k, &v, op)) == 0) {
		op = DB_NEXT_DUP;
		(*n)++;
	}
	pcur_close(c);
	if (rc && rc != DB_NOTFOUND)
		return store_dberr(s, e, rc, _("reading"));
	return 0;
}

int store_each_membership_by_card(struct store *s, struct store_txn *t, const char *card,
				  store_each_fn fn, void *ctx, struct err *e)
{
	return store_each_sec(s, t, DBI_MEMBER_CARD, card, strlen(card), REC_MEMBERSHIP, fn, ctx,
			      e);
}

int store_each_child_unit(struct store *s, struct store_txn *t, uint64_t org_id,
			  uint64_t parent_id, store_each_fn fn, void *ctx, struct err *e)
{
	unsigned char k[16];
	be64_put(k, org_id);
	be64_put(k + 8, parent_id);
	return store_each_sec(s, t, DBI_UNIT_PARENT, k, 16, REC_UNIT, fn, ctx, e);
}

int store_sweep(struct store *s, struct store_txn *t, enum store_key kind, const struct buf *keys,
		store_sweep_fn fn, void *ctx, struct err *e)
{
	enum dbi sec = kind == STORE_KEY_CCCD ? DBI_PERSON_CCCD : DBI_PERSON_SORT;
	struct pcur *c;
	int rc = pcur_open(s->db[sec], store_dbtxn(t), &c, t ? 0 : DB_READ_COMMITTED);
	if (rc)
		return store_dberr(s, e, rc, _("reading"));
	/* A merge of two sorted lists: the cursor rests on the first entry at or after the key
	 * asked last, so a key below it is known absent without a seek, and once no entry is left
	 * (an empty index: at the first seek) neither is any later key. */
	const unsigned char *p = (const unsigned char *)keys->p, *end = p + keys->len;
	unsigned char pkb[8];
	/* The first 8 bytes of an entry's value are the record's id; its payload is not needed. */
	DBT ck = { .flags = DB_DBT_REALLOC },
	    pk = { .data = pkb, .ulen = 8, .dlen = 8, .flags = DB_DBT_USERMEM | DB_DBT_PARTIAL };
	bool at = false;	/* the cursor is on an entry: its key in ck, its id in pkb */
	for (size_t i = 0; rc == 0 && p + 4 <= end; i++) {
		uint32_t n = be32_get(p);
		p += 4;
		const unsigned char *key = p;
		p += n;
		if (!at || idx_entry_cmp(ck.data, ck.size, "", 0, key, n, "", 0) < 0) {
			DBT k = { .data = (void *)key, .size = n };
			if ((rc = pcur_get(c, &k, &pk, DB_SET_RANGE)) != 0)
				break;		/* DB_NOTFOUND: no entry at or after this key */
			ck.data = xrealloc(ck.data, k.size ? k.size : 1);
			memcpy(ck.data, k.data, k.size);	/* k pointed into the cursor's copy */
			ck.size = k.size;
			at = true;
		}
		while (idx_entry_cmp(ck.data, ck.size, "", 0, key, n, "", 0) == 0) {
			if (pk.size == 8)
				fn(i, be64_get(pkb), ctx);
			if ((rc = pcur_get(c, &ck, &pk, DB_NEXT)) != 0)
				break;		/* DB_NOTFOUND: the index has ended */
		}
	}
	if (rc == DB_NOTFOUND)
		rc = 0;
	pcur_close(c);
	free(ck.data);
	return rc ? store_dberr(s, e, rc, _("reading")) : 0;
}
