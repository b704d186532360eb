/* Merging two person records that are one human, and undoing a merge from its audit entry
 * alone (store_delete and the not-a-duplicate decisions are in delete.c).
 *
 * A merge is undone from nothing but its own audit entry, so that entry holds everything the
 * merge changed that cannot be found again elsewhere: gone's record as it was stored, the
 * memberships moved, the fields of keep it filled and the not-a-duplicate decisions it changed.
 * The entry (AUDIT_MERGE, under keep, field "merge") is text, one "key value" a line, bytes in
 * hex:
 *
 *   before:  gone ID
 *            record HEX      gone's record as stored (rec_encode, its meta included)
 *            notdup ID HEX   each not-a-duplicate decision that named gone, as stored
 *   after:   keep ID
 *            moved ID ...    the memberships moved from gone to keep (no line: none)
 *            filled HEX      a person record holding only the fields of keep the merge filled,
 *                            with the values it put there; each was empty before (no line:
 *                            none was filled)
 *
 * A reader skips keys it does not know, so a later version can add lines.  Under gone, an
 * AUDIT_MERGE entry (field "merged_into", after "merged into person KEEP (merge SEQ)") keeps
 * gone's history in reach from keep's.  An undo writes AUDIT_MERGE entries with field
 * "unmerge": under keep (before "merge SEQ", after "gone ID", "moved ID ..." for the
 * memberships moved back and "left TEXT" for each thing left as it was), and under gone (after
 * "split from person KEEP (merge SEQ)"). */
#include "store/internal.h"

#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ------------------------------------------------------------------------ */

struct ids {
	uint64_t *v;
	size_t n, cap;
};

static void ids_add(struct ids *l, uint64_t id)
{
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = id;
}

static int collect_id(const void *rec, void *ctx)
{
	ids_add(ctx, ((const struct rec_meta *)rec)->id);
	return 0;
}

static void hex_put(struct buf *out, const void *data, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++) {
		buf_addc(out, digits[p[i] >> 4]);
		buf_addc(out, digits[p[i] & 15]);
	}
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int hex_get(const char *s, size_t n, struct buf *out)
{
	if (n % 2)
		return -1;
	for (size_t i = 0; i < n; i += 2) {
		int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		buf_addc(out, (char)(hi << 4 | lo));
	}
	return 0;
}

/* The fields of a record, whatever their type: empty (the zero value, which the encoding
 * leaves out), equal, copied. */
static bool field_empty(const struct field_def *f, const void *rec)
{
	const char *p = (const char *)rec + f->off;
	switch (f->type) {
	case FT_STR: {
		const char *s = *(char *const *)p;
		return !s || !*s;
	}
	case FT_ID: return *(const uint64_t *)p == 0;
	case FT_DATE: return *(const hv_date *)p == 0;
	default: return *(const int64_t *)p == 0;
	}
}

static bool field_equal(const struct field_def *f, const void *a, const void *b)
{
	if (field_empty(f, a) || field_empty(f, b))
		return field_empty(f, a) && field_empty(f, b);
	const char *pa = (const char *)a + f->off, *pb = (const char *)b + f->off;
	switch (f->type) {
	case FT_STR: return strcmp(*(char *const *)pa, *(char *const *)pb) == 0;
	case FT_ID: return *(const uint64_t *)pa == *(const uint64_t *)pb;
	case FT_DATE: return *(const hv_date *)pa == *(const hv_date *)pb;
	default: return *(const int64_t *)pa == *(const int64_t *)pb;
	}
}

/* dst's field takes src's value (a copy of a string). */
static void field_set(const struct field_def *f, void *dst, const void *src)
{
	char *pd = (char *)dst + f->off;
	const char *ps = (const char *)src + f->off;
	switch (f->type) {
	case FT_STR: {
		char **d = (char **)pd;
		const char *v = *(char *const *)ps;
		free(*d);
		*d = v && *v ? xstrdup(v) : NULL;
		break;
	}
	case FT_ID: *(uint64_t *)pd = *(const uint64_t *)ps; break;
	case FT_DATE: *(hv_date *)pd = *(const hv_date *)ps; break;
	default: *(int64_t *)pd = *(const int64_t *)ps; break;
	}
}

/* ---- merging ------------------------------------------------------------------------------ */

/* Move gone's not-a-duplicate decisions to keep (or drop them: one naming keep, or one keep has
 * already), describing each as it was into before. */
static int move_notdups(struct store *s, struct store_txn *t, uint64_t keep, uint64_t gone,
			struct buf *before, struct err *e)
{
	struct store_nd_list l = { 0 };
	int rc = store_nd_load(s, t, &l, e);
	for (size_t i = 0; rc == 0 && i < l.n; i++) {
		struct store_nd *d = &l.v[i];
		if (d->a != gone && d->b != gone)
			continue;
		DBT v;
		if ((rc = store_get_raw(s, t, DBI_NOTDUP, d->id, store_read_flags(t), &v, e,
					rec_type_text(REC_NOTDUP))) != 0)
			break;
		buf_printf(before, "notdup %" PRIu64 " ", d->id);
		hex_put(before, v.data, v.size);
		buf_addc(before, '\n');
		free(v.data);
		uint64_t other = d->a == gone ? d->b : d->a;
		if (other == keep || store_nd_find(&l, keep, other)) {
			rc = store_delete(s, t, REC_NOTDUP, d->id, d->version, e);
			d->a = d->b = 0;
			continue;
		}
		struct notdup n = { 0 };
		if ((rc = store_get(s, t, REC_NOTDUP, d->id, &n, e)) == 0) {
			n.person_a = keep < other ? keep : other;
			n.person_b = keep < other ? other : keep;
			rc = store_update(s, t, REC_NOTDUP, &n, NULL, e);
			d->a = n.person_a;
			d->b = n.person_b;
		}
		rec_clear(&REC_DEF_NOTDUP, &n);
	}
	free(l.v);
	return rc;
}

int store_merge_persons(struct store *s, struct store_txn *t, uint64_t keep_id,
			uint32_t keep_version, uint64_t gone_id, uint32_t gone_version,
			uint64_t *merge_seq, struct err *e)
{
	if (keep_id == gone_id)
		return err_set(e, ERR_INVAL, _("person %" PRIu64 " cannot be merged into itself"),
			       keep_id);
	struct person keep = { 0 }, gone = { 0 }, next = { 0 }, filled = { 0 };
	struct buf keep_raw = BUF_INIT, gone_raw = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	struct buf enc = BUF_INIT;
	struct ids moved = { 0 };
	int rc;
	if ((rc = store_read_rec(s, t, REC_PERSON, keep_id, &keep_raw, &keep, e)) != 0 ||
	    (rc = store_read_rec(s, t, REC_PERSON, gone_id, &gone_raw, &gone, e)) != 0)
		goto out;
	if (keep.m.version != keep_version) {
		rc = store_conflict(e, REC_PERSON, keep_id, &keep.m, keep_version);
		goto out;
	}
	if (gone.m.version != gone_version) {
		rc = store_conflict(e, REC_PERSON, gone_id, &gone.m, gone_version);
		goto out;
	}
	if ((rc = stage_guard(s, t, DBI_PERSON, keep_id, e)) != 0 ||
	    (rc = stage_guard(s, t, DBI_PERSON, gone_id, e)) != 0)
		goto out;
	buf_printf(&before, "gone %" PRIu64 "\nrecord ", gone_id);
	hex_put(&before, gone_raw.p, gone_raw.len);
	buf_addc(&before, '\n');
	buf_printf(&after, "keep %" PRIu64 "\n", keep_id);

	/* The memberships: listed first, then moved (the index is not walked while it changes). */
	if ((rc = store_each_membership_of_person(s, t, gone_id, collect_id, &moved, e)) != 0)
		goto out;
	for (size_t i = 0; rc == 0 && i < moved.n; i++) {
		struct membership m = { 0 };
		if ((rc = store_get(s, t, REC_MEMBERSHIP, moved.v[i], &m, e)) == 0) {
			m.person_id = keep_id;
			rc = store_update(s, t, REC_MEMBERSHIP, &m, NULL, e);
		}
		rec_clear(&REC_DEF_MEMBERSHIP, &m);
		buf_adds(&after, i ? " " : "moved ");
		buf_printf(&after, "%" PRIu64, moved.v[i]);
	}
	if (rc)
		goto out;
	if (moved.n)
		buf_addc(&after, '\n');
	if ((rc = move_notdups(s, t, keep_id, gone_id, &before, e)) != 0)
		goto out;

	/* Gone goes first, its CCCD with it, so that keep may take the CCCD. */
	if ((rc = store_remove_rec(s, t, DBI_PERSON, gone_id, &gone_raw, e)) != 0)
		goto out;
	rec_copy(&REC_DEF_PERSON, &next, &keep);
	size_t nfilled = 0;
	for (size_t i = 0; i < REC_DEF_PERSON.nfields; i++) {
		const struct field_def *f = &REC_DEF_PERSON.fields[i];
		if (field_empty(f, &keep) && !field_empty(f, &gone)) {
			field_set(f, &next, &gone);
			field_set(f, &filled, &gone);
			nfilled++;
		}
	}
	if (nfilled) {
		if ((rc = store_update(s, t, REC_PERSON, &next, NULL, e)) != 0)
			goto out;
		rec_encode(&REC_DEF_PERSON, &filled, &enc);
		buf_adds(&after, "filled ");
		hex_put(&after, enc.p, enc.len);
		buf_addc(&after, '\n');
	}
	uint64_t seq;
	if ((rc = store_audit_write(s, t, AUDIT_MERGE, REC_PERSON, keep_id, "merge",
				    buf_str(&before), buf_str(&after), &seq, e)) != 0)
		goto out;
	buf_reset(&after);
	buf_printf(&after, "merged into person %" PRIu64 " (merge %" PRIu64 ")", keep_id, seq);
	rc = store_audit_write(s, t, AUDIT_MERGE, REC_PERSON, gone_id, "merged_into", "",
			       buf_str(&after), NULL, e);
	if (rc == 0 && merge_seq)
		*merge_seq = seq;
out:
	rec_clear(&REC_DEF_PERSON, &keep);
	rec_clear(&REC_DEF_PERSON, &gone);
	rec_clear(&REC_DEF_PERSON, &next);
	rec_clear(&REC_DEF_PERSON, &filled);
	buf_free(&keep_raw);
	buf_free(&gone_raw);
	buf_free(&before);
	buf_free(&after);
	buf_free(&enc);
	free(moved.v);
	return rc;
}

/* ---- the merge entry ---------------------------------------------------------------------- */

void store_merge_clear(struct store_merge *m)
{
	rec_clear(&REC_DEF_PERSON, &m->gone_rec);
	rec_clear(&REC_DEF_PERSON, &m->filled);
	buf_free(&m->gone_raw);
	free(m->moved);
	for (size_t i = 0; i < m->nnotdup; i++)
		buf_free(&m->notdup_raw[i]);
	free(m->notdup_raw);
	free(m->notdup_ids);
	memset(m, 0, sizeof *m);
}

static bool parse_id(const char **p, const char *end, uint64_t *out)
{
	const char *q = *p;
	uint64_t v = 0;
	while (q < end && *q == ' ')
		q++;
	const char *start = q;
	while (q < end && *q >= '0' && *q <= '9' && v <= (UINT64_MAX - 9) / 10)
		v = v * 10 + (uint64_t)(*q++ - '0');
	if (q == start || (q < end && *q != ' '))
		return false;
	*p = q;
	*out = v;
	return true;
}

/* One line of a merge entry ("key value"); false if it is malformed. */
static bool merge_line(struct store_merge *m, const char *key, size_t kn, const char *v,
		       const char *end, bool *got_record)
{
	if (kn == 4 && memcmp(key, "gone", 4) == 0)
		return parse_id(&v, end, &m->gone) && m->gone;
	if (kn == 4 && memcmp(key, "keep", 4) == 0) {
		uint64_t k;
		return parse_id(&v, end, &k) && k == m->keep;
	}
	if (kn == 6 && memcmp(key, "record", 6) == 0) {
		buf_reset(&m->gone_raw);
		*got_record = true;
		return hex_get(v, (size_t)(end - v), &m->gone_raw) == 0;
	}
	if (kn == 5 && memcmp(key, "moved", 5) == 0) {
		struct ids l = { .v = m->moved, .n = m->nmoved, .cap = m->nmoved };
		uint64_t id;
		bool good = true;
		while (v < end && (good = parse_id(&v, end, &id)))
			ids_add(&l, id);
		m->moved = l.v;
		m->nmoved = l.n;
		return good;
	}
	if (kn == 6 && memcmp(key, "filled", 6) == 0) {
		struct buf b = BUF_INIT;
		rec_clear(&REC_DEF_PERSON, &m->filled);
		bool good = hex_get(v, (size_t)(end - v), &b) == 0 &&
			    rec_decode(&REC_DEF_PERSON, &m->filled, b.p, b.len, NULL) == 0;
		buf_free(&b);
		return good;
	}
	if (kn == 6 && memcmp(key, "notdup", 6) == 0) {
		uint64_t id;
		if (!parse_id(&v, end, &id) || v >= end)
			return false;
		v++;
		m->notdup_ids = xrealloc(m->notdup_ids, (m->nnotdup + 1) * sizeof *m->notdup_ids);
		m->notdup_raw = xrealloc(m->notdup_raw, (m->nnotdup + 1) * sizeof *m->notdup_raw);
		m->notdup_ids[m->nnotdup] = id;
		m->notdup_raw[m->nnotdup] = (struct buf)BUF_INIT;
		return hex_get(v, (size_t)(end - v), &m->notdup_raw[m->nnotdup++]) == 0;
	}
	return true;	/* a line a later version added */
}

static bool merge_text(struct store_merge *m, const char *text, bool *got_record)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		const char *end = nl ? nl : p + strlen(p);
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		if (end > p && (!sp || !merge_line(m, p, (size_t)(sp - p), sp + 1, end, got_record)))
			return false;
		p = nl ? nl + 1 : end;
	}
	return true;
}

int store_merge_parse(const struct audit *a, struct store_merge *m, struct err *e)
{
	memset(m, 0, sizeof *m);
	if (a->op != AUDIT_MERGE || a->rec_type != REC_PERSON || !a->field ||
	    strcmp(a->field, "merge") != 0)
		return err_set(e, ERR_INVAL, _("audit entry %" PRIu64 " is not a merge"), a->m.id);
	m->seq = a->m.id;
	m->time = a->time;
	m->keep = a->rec_id;
	bool got_record = false;
	if (!merge_text(m, a->before ? a->before : "", &got_record) ||
	    !merge_text(m, a->after ? a->after : "", &got_record) || !m->gone || !got_record ||
	    rec_decode(&REC_DEF_PERSON, &m->gone_rec, m->gone_raw.p, m->gone_raw.len, NULL) != 0) {
		store_merge_clear(m);
		return err_set(e, ERR_CORRUPT, _("audit entry %" PRIu64 ": the merge it records "
						 "cannot be read"), a->m.id);
	}
	m->gone_rec.m.id = m->gone;
	for (size_t i = 0; i < m->nnotdup; i++) {
		struct notdup d = { 0 };
		int bad = rec_decode(&REC_DEF_NOTDUP, &d, m->notdup_raw[i].p, m->notdup_raw[i].len,
				     NULL);
		rec_clear(&REC_DEF_NOTDUP, &d);
		if (bad) {
			store_merge_clear(m);
			return err_set(e, ERR_CORRUPT, _("audit entry %" PRIu64 ": the merge it records "
							 "cannot be read"), a->m.id);
		}
	}
	return 0;
}

int store_merge_read(struct store *s, struct store_txn *t, uint64_t keep_id, uint64_t merge_seq,
		     struct store_merge *m, struct err *e)
{
	memset(m, 0, sizeof *m);
	unsigned char kb[AUDIT_KEY_LEN];
	kb[0] = REC_PERSON;
	be64_put(kb + 1, keep_id);
	be64_put(kb + 9, merge_seq);
	DBT k = { .data = kb, .size = AUDIT_KEY_LEN }, v = { .flags = DB_DBT_MALLOC };
	DB *db = s->db[DBI_AUDIT];
	int rc = db->get(db, store_dbtxn(t), &k, &v, store_read_flags(t));
	if (rc == DB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, _("person %" PRIu64 " has no merge with the audit "
						  "number %" PRIu64), keep_id, merge_seq);
	if (rc)
		return store_dberr(s, e, rc, _("reading"));
	struct audit a = { 0 };
	rc = rec_decode(&REC_DEF_AUDIT, &a, v.data, v.size, e);
	free(v.data);
	a.m.id = merge_seq;
	if (rc == 0 && (a.op != AUDIT_MERGE || !a.field || strcmp(a.field, "merge") != 0))
		rc = err_set(e, ERR_NOTFOUND, _("audit entry %" PRIu64 " of person %" PRIu64 " is not "
						"a merge"), merge_seq, keep_id);
	if (rc == 0)
		rc = store_merge_parse(&a, m, e);
	rec_clear(&REC_DEF_AUDIT, &a);
	return rc;
}

struct undone_scan {
	char want[40];
	uint64_t seq;
};

static int undone_fn(const void *rec, void *ctx)
{
	const struct audit *a = rec;
	struct undone_scan *u = ctx;
	if (a->op == AUDIT_MERGE && a->field && strcmp(a->field, "unmerge") == 0 && a->before &&
	    strcmp(a->before, u->want) == 0) {
		u->seq = a->m.id;
		return 1;
	}
	return 0;
}

int store_merge_undone(struct store *s, struct store_txn *t, uint64_t keep_id,
		       uint64_t merge_seq, bool *undone, uint64_t *unmerge_seq, struct err *e)
{
	struct undone_scan u = { .seq = 0 };
	snprintf(u.want, sizeof u.want, "merge %" PRIu64, merge_seq);
	int rc = store_each_audit_of(s, t, REC_PERSON, keep_id, undone_fn, &u, e);
	if (rc < 0)
		return rc;
	*undone = rc > 0;
	if (unmerge_seq)
		*unmerge_seq = u.seq;
	return 0;
}

/* ---- undoing a merge ---------------------------------------------------------------------- */

/* What an undo left as it was: a line for the person (said, translated) and one for the
 * audit entry (after: "left KIND ID"). */
static void left_as_is(struct buf *said, struct buf *after, const char *kind, uint64_t id,
		       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void left_as_is(struct buf *said, struct buf *after, const char *kind, uint64_t id,
		       const char *fmt, ...)
{
	buf_printf(after, "left %s %" PRIu64 "\n", kind, id);
	if (!said)
		return;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(said, fmt, ap);
	va_end(ap);
	buf_addc(said, '\n');
}

/* Gone's CCCD must be free for it once keep gives back what the merge gave it. */
static int cccd_free(struct store *s, struct store_txn *t, const struct store_merge *m,
		     const struct person *next, struct err *e)
{
	const char *cccd = m->gone_rec.cccd;
	if (!cccd || !*cccd)
		return 0;
	struct person h = { 0 };
	struct err le;
	err_clear(&le);
	int rc = store_person_by_cccd(s, t, cccd, &h, &le);
	if (rc == -ERR_NOTFOUND) {
		rc = 0;
	} else if (rc == 0 && (h.m.id != m->keep || (next->cccd && strcmp(next->cccd, cccd) == 0))) {
		rc = err_set(e, ERR_EXISTS, _("the CCCD %s of person %" PRIu64 " now belongs to %s "
					      "(person %" PRIu64 "): change that first"),
			     cccd, m->gone, h.full_name ? h.full_name : "", h.m.id);
	} else if (rc && e) {
		*e = le;
	}
	rec_clear(&REC_DEF_PERSON, &h);
	return rc;
}

/* The not-a-duplicate decisions the merge changed come back as they were, unless changed since. */
static int restore_notdups(struct store *s, struct store_txn *t, const struct store_merge *m,
			   struct buf *said, struct buf *after, struct err *e)
{
	struct store_nd_list l = { 0 };
	int rc = store_nd_load(s, t, &l, e);
	for (size_t i = 0; rc == 0 && i < m->nnotdup; i++) {
		struct notdup orig = { 0 }, cur = { 0 };
		rec_decode(&REC_DEF_NOTDUP, &orig, m->notdup_raw[i].p, m->notdup_raw[i].len, NULL);
		uint64_t other = orig.person_a == m->gone ? orig.person_b : orig.person_a;
		uint64_t ma = m->keep < other ? m->keep : other, mb = m->keep < other ? other : m->keep;
		struct store_nd *now = NULL;
		for (size_t j = 0; j < l.n; j++)
			if (l.v[j].id == m->notdup_ids[i])
				now = &l.v[j];
		if (now && now->a == ma && now->b == mb) {
			if ((rc = store_get(s, t, REC_NOTDUP, now->id, &cur, e)) == 0) {
				cur.person_a = orig.person_a;
				cur.person_b = orig.person_b;
				rc = store_update(s, t, REC_NOTDUP, &cur, NULL, e);
			}
		} else if (now) {
			left_as_is(said, after, "notdup", now->id,
				   _("the decision that persons %" PRIu64 " and %" PRIu64 " are two "
				     "persons was changed since the merge: left as it is"),
				   orig.person_a, orig.person_b);
		} else if (!store_nd_find(&l, orig.person_a, orig.person_b)) {
			/* Removed by the merge: back under its own id, as it was. */
			struct buf sum = BUF_INIT;
			store_summary(REC_NOTDUP, &orig, &sum);
			if ((rc = store_put_raw(s, t, DBI_NOTDUP, m->notdup_ids[i], &m->notdup_raw[i],
						DB_NOOVERWRITE, e)) == 0)
				rc = store_audit_write(s, t, AUDIT_CREATE, REC_NOTDUP, m->notdup_ids[i], "",
						       "", buf_str(&sum), NULL, e);
			buf_free(&sum);
		}
		rec_clear(&REC_DEF_NOTDUP, &orig);
		rec_clear(&REC_DEF_NOTDUP, &cur);
	}
	free(l.v);
	return rc;
}

int store_merge_undo(struct store *s, struct store_txn *t, uint64_t keep_id, uint64_t merge_seq,
		     struct buf *said, struct err *e)
{
	if (said)
		buf_reset(said);
	struct store_merge m;
	struct person keep = { 0 }, next = { 0 }, zero = { 0 };
	struct buf keep_raw = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	int rc = store_merge_read(s, t, keep_id, merge_seq, &m, e);
	if (rc)
		return rc;
	bool undone;
	uint64_t useq;
	if ((rc = store_merge_undone(s, t, keep_id, merge_seq, &undone, &useq, e)) != 0)
		goto out;
	if (undone) {
		rc = err_set(e, ERR_INVAL, _("merge %" PRIu64 " was undone already (audit entry "
					     "%" PRIu64 ")"), merge_seq, useq);
		goto out;
	}
	if ((rc = store_read_rec(s, t, REC_PERSON, keep_id, &keep_raw, &keep, e)) != 0)
		goto out;
	DBT v;
	struct err le;
	err_clear(&le);
	rc = store_get_raw(s, t, DBI_PERSON, m.gone, store_read_flags(t), &v, &le, _("reading"));
	if (rc == 0) {
		free(v.data);
		rc = err_set(e, ERR_EXISTS, _("person %" PRIu64 " exists: merge %" PRIu64 " cannot "
					      "be undone"), m.gone, merge_seq);
		goto out;
	}
	if (rc != -ERR_NOTFOUND) {
		if (e)
			*e = le;
		goto out;
	}
	buf_printf(&before, "merge %" PRIu64, merge_seq);
	buf_printf(&after, "gone %" PRIu64 "\n", m.gone);

	/* Keep's fields the merge filled are emptied where they still hold what it put there. */
	rec_copy(&REC_DEF_PERSON, &next, &keep);
	size_t nrestored = 0;
	for (size_t i = 0; i < REC_DEF_PERSON.nfields; i++) {
		const struct field_def *f = &REC_DEF_PERSON.fields[i];
		if (field_empty(f, &m.filled))
			continue;
		if (field_equal(f, &keep, &m.filled)) {
			field_set(f, &next, &zero);
			nrestored++;
		} else {
			left_as_is(said, &after, f->name, keep_id,
				   _("%s of person %" PRIu64 " was changed since the merge: left as "
				     "it is"), _(f->label), keep_id);
		}
	}
	if ((rc = cccd_free(s, t, &m, &next, e)) != 0)
		goto out;
	if (nrestored && (rc = store_update(s, t, REC_PERSON, &next, NULL, e)) != 0)
		goto out;

	/* Gone comes back as it was stored, with its index entries. */
	if ((rc = store_index(s, t, DBI_PERSON, m.gone, NULL, &m.gone_raw, e)) != 0 ||
	    (rc = store_put_raw(s, t, DBI_PERSON, m.gone, &m.gone_raw, DB_NOOVERWRITE, e)) != 0)
		goto out;

	/* Its memberships, those that are still keep's. */
	bool first = true;
	for (size_t i = 0; rc == 0 && i < m.nmoved; i++) {
		struct membership ms = { 0 };
		err_clear(&le);
		int g = store_get(s, t, REC_MEMBERSHIP, m.moved[i], &ms, &le);
		if (g == -ERR_NOTFOUND) {
			left_as_is(said, &after, "membership", m.moved[i],
				   _("membership %" PRIu64 " no longer exists"), m.moved[i]);
		} else if (g) {
			if (e)
				*e = le;
			rc = g;
		} else if (ms.person_id != keep_id) {
			left_as_is(said, &after, "membership", m.moved[i],
				   _("membership %" PRIu64 " is now person %" PRIu64 "'s: left there"),
				   m.moved[i], ms.person_id);
		} else {
			ms.person_id = m.gone;
			if ((rc = store_update(s, t, REC_MEMBERSHIP, &ms, NULL, e)) == 0) {
				buf_adds(&after, first ? "moved " : " ");
				buf_printf(&after, "%" PRIu64, m.moved[i]);
				first = false;
			}
		}
		rec_clear(&REC_DEF_MEMBERSHIP, &ms);
	}
	if (rc)
		goto out;
	if (!first)
		buf_addc(&after, '\n');
	if ((rc = restore_notdups(s, t, &m, said, &after, e)) != 0)
		goto out;
	if ((rc = store_audit_write(s, t, AUDIT_MERGE, REC_PERSON, keep_id, "unmerge",
				    buf_str(&before), buf_str(&after), NULL, e)) != 0)
		goto out;
	buf_reset(&after);
	buf_printf(&after, "split from person %" PRIu64 " (merge %" PRIu64 ")", keep_id, merge_seq);
	rc = store_audit_write(s, t, AUDIT_MERGE, REC_PERSON, m.gone, "unmerge", "",
			       buf_str(&after), NULL, e);
out:
	store_merge_clear(&m);
	rec_clear(&REC_DEF_PERSON, &keep);
	rec_clear(&REC_DEF_PERSON, &next);
	buf_free(&keep_raw);
	buf_free(&before);
	buf_free(&after);
	return rc;
}
