/* The frequency view's counting: the persons under a search and filter, by a column's value.
 *
 * Two ways to the same counts, chosen by how many persons the filter leaves:
 *  - passes over whole databases (store_scan: id order, many records per call, nothing decoded,
 *    the few fields needed read in place with rec_pick).  Memberships first, when the column or
 *    the filter needs them: each leaves its mark in one 32-bit word per person id (a membership
 *    passes the filter; the person's value of a membership column, as an index into the values
 *    met).  Then persons: each one the search and filter leave is counted with its value.  For
 *    1,000,000 persons that is 4 MB, and two sequential reads of the store.
 *  - lookups, when a name search finds few persons or the chosen unit (with those under it)
 *    holds few memberships (the unit index tells how many without reading them): each of
 *    those persons' memberships and record read through the indexes, in id order.  A lookup
 *    costs a few random page reads, a pass some 400 MB of sequential ones: below LOOKUP_MAX
 *    persons lookups win.
 * The result is the same either way (tests/unit/test_freq.c counts both ways).
 *
 * Values are counted by what is stored (a date as its number, a unit as its id) in a hash map,
 * and turned into text once at the end, where values that read alike are merged (two units of
 * one name).  At most max_values are kept; the persons whose value is met after that count as
 * "other", so that a column of names or birth dates over a million persons stays small. */
#include "core/freq.h"

#include "core/orgs.h"
#include "core/record.h"
#include "core/screen.h"
#include "store/store.h"
#include "util/err.h"
#include "util/hmap.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Persons (search hits) or memberships (of a unit's tree) up to which lookups are used. */
#define LOOKUP_MAX 10000

/* Records between two calls of the progress function, by default. */
#define TICK 8192

/* The word kept for each person id (run.st). */
#define ST_MATCH (1u << 31)	/* a membership passes the filter */
#define ST_HAVE (1u << 30)	/* the membership column's value (ST_IDX) is set */
#define ST_IN_ORG (1u << 29)	/* it comes from a membership in the filter's organization */
#define ST_HIT (1u << 28)	/* the name search found the person */
#define ST_CAND (1u << 27)	/* a member of the chosen units, to look up */
#define ST_IDX ((1u << 27) - 1)	/* the value: a position in run.vals */
#define IDX_OTHER ST_IDX	/* a value not kept */

/* Keys of the values: a kind byte, then what is stored. */
enum { K_TEXT = 'T', K_VAL = 'V', K_UNIT = 'U' };

enum col_kind { CK_PERSON, CK_MEMBER, CK_ORG, CK_UNIT };

struct val {
	char *key;
	size_t klen;
	uint64_t n;
};

/* A membership as the counting needs it, from a scan or a decoded record. */
struct mrow {
	uint64_t person, org, unit;
	int64_t status;
	struct rec_val col;	/* CK_MEMBER: the column's field */
};

struct run {
	const struct freq_opts *o;
	const struct freq_filter *f;
	struct store *s;
	struct store_txn *t;
	struct err *e;
	enum col_kind kind;
	const struct field_def *def;	/* CK_PERSON, CK_MEMBER */
	size_t maxv;
	bool query, member_filter, need_members;
	uint32_t *st;		/* by person id, [0, nst) */
	uint64_t nst;
	unsigned char *in_units;	/* by unit id: one of the filter's units */
	uint64_t nin_units;
	char **unit_name;	/* CK_UNIT: by unit id, NULL when the unit has no name */
	uint32_t *unit_idx;	/* CK_UNIT: by unit id, its value's position + 1 (0: not yet) */
	size_t nunit_name;
	uint32_t empty_idx;	/* the position of "" + 1 (0: not yet) */
	struct org_list orgs;	/* CK_ORG */
	struct hmap index;	/* key -> position in vals */
	struct val *vals;
	size_t nvals, capvals;
	uint64_t other, total;
	struct rec_pick mpk, ppk, upk;
	size_t mcol;		/* CK_MEMBER: the column's place among mpk's values */
	struct buf key;
	uint64_t done_base, work;	/* progress: ids passed in earlier passes; of all passes */
	unsigned tick, every;
	int stop;
	enum freq_path path;
};

static void run_reset(struct run *r)
{
	XFREE(r->st);
	r->nst = 0;
	XFREE(r->in_units);
	r->nin_units = 0;
	for (size_t i = 0; i < r->nunit_name; i++)
		free(r->unit_name[i]);
	XFREE(r->unit_name);
	XFREE(r->unit_idx);
	r->nunit_name = 0;
	r->empty_idx = 0;
	org_list_free(&r->orgs);
	memset(&r->orgs, 0, sizeof r->orgs);
	hmap_free(&r->index);
	hmap_init(&r->index);
	for (size_t i = 0; i < r->nvals; i++)
		free(r->vals[i].key);
	XFREE(r->vals);
	r->nvals = r->capvals = 0;
	r->other = r->total = 0;
	r->done_base = r->work = 0;
	r->tick = 0;
	r->stop = 0;
}

/* ---- values ------------------------------------------------------------------------------- */

static uint32_t intern(struct run *r, const char *k, size_t n)
{
	uint64_t i;
	if (hmap_get(&r->index, k, n, &i))
		return (uint32_t)i;
	if (r->nvals >= r->maxv)
		return IDX_OTHER;
	xgrow((void **)&r->vals, &r->capvals, r->nvals + 1, sizeof *r->vals);
	r->vals[r->nvals] = (struct val){ .key = xstrndup(k, n), .klen = n };
	hmap_put(&r->index, k, n, r->nvals);
	return (uint32_t)r->nvals++;
}

static uint32_t intern_text(struct run *r, const char *s, size_t n)
{
	buf_reset(&r->key);
	buf_addc(&r->key, K_TEXT);
	buf_add(&r->key, s, n);
	return intern(r, r->key.p, r->key.len);
}

/* A field's value as stored: a string's bytes, a number's 8 bytes. */
static uint32_t intern_val(struct run *r, const struct rec_val *v)
{
	buf_reset(&r->key);
	buf_addc(&r->key, K_VAL);
	if (r->def->type == FT_STR) {
		buf_add(&r->key, v->s, v->len);
	} else {
		uint64_t x = r->def->type == FT_ID || r->def->type == FT_DATE ? v->u
			     : (uint64_t)v->i;
		buf_add(&r->key, &x, sizeof x);
	}
	return intern(r, r->key.p, r->key.len);
}

static uint32_t intern_unit(struct run *r, uint64_t unit)
{
	if (r->unit_idx[unit])
		return r->unit_idx[unit] - 1;
	char k[1 + sizeof unit];
	k[0] = K_UNIT;
	memcpy(k + 1, &unit, sizeof unit);
	uint32_t idx = intern(r, k, sizeof k);
	if (idx != IDX_OTHER)
		r->unit_idx[unit] = idx + 1;
	return idx;
}

static void count(struct run *r, uint32_t idx)
{
	if (idx == IDX_OTHER)
		r->other++;
	else
		r->vals[idx].n++;
	r->total++;
}

/* The text a value's key stands for. */
static void key_text(const struct run *r, const struct val *v, struct buf *out)
{
	const char *p = v->key + 1;
	size_t n = v->klen - 1;
	if (v->key[0] == K_TEXT) {
		buf_add(out, p, n);
	} else if (v->key[0] == K_UNIT) {
		uint64_t u;
		memcpy(&u, p, sizeof u);
		if (u < r->nunit_name && r->unit_name[u])
			buf_adds(out, r->unit_name[u]);
	} else {
		struct rec_val rv = { .s = p, .len = n };
		if (r->def->type != FT_STR) {
			uint64_t x;
			memcpy(&x, p, sizeof x);
			rv.u = x;
			rv.i = (int64_t)x;
		}
		rec_val_text(r->def->type, &rv, out);
	}
}

static int cmp_item(const void *x, const void *y)
{
	const struct freq_item *a = x, *b = y;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->text, b->text);
}

/* The counts by text, most frequent first. */
static void finish(struct run *r, struct freq_result *out)
{
	struct hmap by_text;
	hmap_init(&by_text);
	struct buf b = BUF_INIT;
	out->items = xcalloc(r->nvals + 1, sizeof *out->items);
	for (size_t i = 0; i < r->nvals; i++) {
		if (!r->vals[i].n)
			continue;
		buf_reset(&b);
		key_text(r, &r->vals[i], &b);
		uint64_t at;
		if (hmap_get(&by_text, b.p ? b.p : "", b.len, &at)) {
			out->items[at].n += r->vals[i].n;
			continue;
		}
		hmap_put(&by_text, b.p ? b.p : "", b.len, out->n);
		out->items[out->n++] = (struct freq_item){ xstrdup(buf_str(&b)), r->vals[i].n };
	}
	buf_free(&b);
	hmap_free(&by_text);
	qsort(out->items, out->n, sizeof *out->items, cmp_item);
	out->other = r->other;
	out->total = r->total;
	out->path = r->path;
}

/* ---- persons and their memberships --------------------------------------------------------- */

static int tick(struct run *r, uint64_t done)
{
	if (++r->tick % r->every || !r->o->progress)
		return 0;
	return r->stop = r->o->progress(r->o->progress_ctx, r->done_base + done, r->work);
}

static bool wanted(const struct run *r, const struct mrow *m)
{
	const struct freq_filter *f = r->f;
	if (f->org && m->org != f->org)
		return false;
	if (f->status >= 0 && m->status != f->status)
		return false;
	if (f->nunits && !(m->unit < r->nin_units && r->in_units[m->unit]))
		return false;
	return true;
}

/* What one membership does to its person's word: the filter's mark, and the value of a
 * membership column as the list builds its cell (from the active memberships, in id order:
 * the order of the person's memberships in the index). */
static void member_step(struct run *r, const struct mrow *m)
{
	if (m->person >= r->nst)
		return;		/* a person added since the pass began, or none */
	uint32_t *st = &r->st[m->person];
	if (r->member_filter && wanted(r, m))
		*st |= ST_MATCH;
	if (m->status != MS_ACTIVE || r->kind == CK_PERSON)
		return;
	uint32_t idx;
	switch (r->kind) {
	case CK_ORG: {
		/* Every organization, by code: the text so far and this one's code. */
		if ((*st & ST_HAVE) && (*st & ST_IDX) == IDX_OTHER)
			return;
		const struct org_entry *oe = org_list_by_id(&r->orgs, m->org);
		const char *code = oe ? oe->code : "?";
		buf_reset(&r->key);
		buf_addc(&r->key, K_TEXT);
		if (*st & ST_HAVE) {
			const struct val *v = &r->vals[*st & ST_IDX];
			buf_add(&r->key, v->key + 1, v->klen - 1);
			buf_adds(&r->key, ", ");
		}
		buf_adds(&r->key, code);
		idx = intern(r, r->key.p, r->key.len);
		break;
	}
	case CK_UNIT:
		/* The first membership at a unit that has a name. */
		if ((*st & ST_HAVE) || !m->unit || m->unit >= r->nunit_name ||
		    !r->unit_name[m->unit])
			return;
		idx = intern_unit(r, m->unit);
		break;
	default: {
		/* The first membership, unless a later one is in the filter's organization and
		 * that one is not. */
		bool in_org = r->f->org && m->org == r->f->org;
		if ((*st & ST_HAVE) && !(in_org && !(*st & ST_IN_ORG)))
			return;
		idx = intern_val(r, &m->col);
		*st = (*st & ~ST_IN_ORG) | (in_org ? ST_IN_ORG : 0);
		break;
	}
	}
	*st = (*st & ~ST_IDX) | ST_HAVE | idx;
}

static bool person_wanted(const struct run *r, uint32_t st)
{
	if (r->query && !(st & ST_HIT))
		return false;
	return !r->member_filter || (st & ST_MATCH);
}

/* A membership column's value of a person (none: ""). */
static uint32_t member_idx(struct run *r, uint32_t st)
{
	if (st & ST_HAVE)
		return st & ST_IDX;
	if (!r->empty_idx) {
		uint32_t idx = intern_text(r, "", 0);
		if (idx == IDX_OTHER)
			return idx;
		r->empty_idx = idx + 1;
	}
	return r->empty_idx - 1;
}

/* ---- passes over everything ---------------------------------------------------------------- */

static int scan_membership(uint64_t id, const void *data, size_t n, void *ctx)
{
	struct run *r = ctx;
	if (tick(r, id))
		return r->stop;
	struct rec_val v[5];
	if (rec_pick(&r->mpk, data, n, v) != 0)
		return 0;	/* store_check reports records that do not decode */
	struct mrow m = { v[0].u, v[1].u, v[2].u, v[3].i, v[r->mcol] };
	member_step(r, &m);
	return 0;
}

static int scan_person(uint64_t id, const void *data, size_t n, void *ctx)
{
	struct run *r = ctx;
	if (tick(r, id))
		return r->stop;
	uint32_t st = r->st && id < r->nst ? r->st[id] : 0;
	if (!person_wanted(r, st))
		return 0;
	if (r->kind != CK_PERSON) {
		count(r, member_idx(r, st));
		return 0;
	}
	struct rec_val v;
	if (rec_pick(&r->ppk, data, n, &v) != 0)
		return 0;
	count(r, intern_val(r, &v));
	return 0;
}

static int scan_all(struct run *r)
{
	r->path = FREQ_SCAN;
	uint64_t last_m = 0;
	int rc;
	if (r->need_members &&
	    (rc = store_last_id(r->s, r->t, REC_MEMBERSHIP, &last_m, r->e)) != 0)
		return rc;
	r->work = last_m + r->nst;
	if (r->need_members &&
	    (rc = store_scan(r->s, r->t, REC_MEMBERSHIP, scan_membership, r, r->e)) != 0)
		return rc;
	r->done_base = last_m;
	return store_scan(r->s, r->t, REC_PERSON, scan_person, r, r->e);
}

/* ---- lookups of a few persons --------------------------------------------------------------- */

static int lookup_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct run *r = ctx;
	struct mrow row = { m->person_id, m->org_id, m->unit_id, m->status, { .s = "" } };
	if (r->kind == CK_MEMBER)
		rec_field_val(r->def, m, &row.col);
	member_step(r, &row);
	return 0;
}

static int lookup_person(struct run *r, uint64_t id)
{
	int rc;
	if (r->need_members) {
		r->st[id] &= ST_HIT | ST_CAND;
		rc = store_each_membership_of_person(r->s, r->t, id, lookup_membership, r, r->e);
		if (rc)
			return rc;
	}
	uint32_t st = r->st[id];
	if (!person_wanted(r, st))
		return 0;
	struct person p = { 0 };
	rc = store_get(r->s, r->t, REC_PERSON, id, &p, r->e);
	if (rc == -ERR_NOTFOUND) {
		err_clear(r->e);	/* a membership of a person since removed */
		return 0;
	}
	if (rc == 0) {
		uint32_t idx;
		if (r->kind == CK_PERSON) {
			struct rec_val v;
			rec_field_val(r->def, &p, &v);
			idx = intern_val(r, &v);
		} else {
			idx = member_idx(r, st);
		}
		count(r, idx);
	}
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

static int lookup_all(struct run *r, uint32_t which)
{
	r->path = FREQ_LOOKUP;
	r->done_base = 0;
	r->work = r->nst;
	for (uint64_t id = 1; id < r->nst; id++) {
		if (!(r->st[id] & which))
			continue;
		int rc = lookup_person(r, id);
		if (rc || (rc = tick(r, id)) != 0)
			return rc;
	}
	return 0;
}

struct hits {
	struct run *r;
	uint64_t n;
};

static int on_hit(const struct find_hit *h, void *ctx)
{
	struct hits *hs = ctx;
	struct run *r = hs->r;
	if (h->id < r->nst && !(r->st[h->id] & ST_HIT)) {
		r->st[h->id] |= ST_HIT;
		hs->n++;
	}
	if (++r->tick % r->every == 0 && r->o->progress)
		return r->stop = r->o->progress(r->o->progress_ctx, hs->n, 0);
	return 0;
}

static int on_unit_member(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct run *r = ctx;
	struct mrow row = { m->person_id, m->org_id, m->unit_id, m->status, { .s = "" } };
	if (m->person_id < r->nst && wanted(r, &row))
		r->st[m->person_id] |= ST_CAND;
	return 0;
}

/* The chosen units' memberships, when there are few: their persons marked ST_CAND.  *few is
 * false (and nothing marked) when there are more than max. */
static int unit_members(struct run *r, uint64_t max, bool *few)
{
	uint64_t total = 0;
	*few = false;
	for (size_t i = 0; i < r->f->nunits; i++) {
		uint64_t n;
		int rc = store_count_memberships_of_unit(r->s, r->t, r->f->units[i], &n, r->e);
		if (rc)
			return rc;
		if ((total += n) > max)
			return 0;
	}
	for (size_t i = 0; i < r->f->nunits; i++) {
		int rc = store_each_membership_of_unit(r->s, r->t, r->f->units[i], on_unit_member,
						       r, r->e);
		if (rc)
			return rc;
	}
	*few = true;
	return 0;
}

/* ---- the whole count ------------------------------------------------------------------------ */

static int scan_unit(uint64_t id, const void *data, size_t n, void *ctx)
{
	struct run *r = ctx;
	struct rec_val v;
	if (rec_pick(&r->upk, data, n, &v) != 0 || !v.len || id > SIZE_MAX / 2)
		return 0;
	if (id >= r->nunit_name) {
		size_t cap = r->nunit_name;
		xgrow((void **)&r->unit_name, &cap, (size_t)id + 1, sizeof *r->unit_name);
		r->unit_idx = xrealloc(r->unit_idx, cap * sizeof *r->unit_idx);
		memset(r->unit_name + r->nunit_name, 0,
		       (cap - r->nunit_name) * sizeof *r->unit_name);
		memset(r->unit_idx + r->nunit_name, 0, (cap - r->nunit_name) * sizeof *r->unit_idx);
		r->nunit_name = cap;
	}
	r->unit_name[id] = xstrndup(v.s, v.len);
	return 0;
}

static int count_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct run *r = ctx;
	const struct freq_filter *f = r->f;
	/* A retried transaction starts again from nothing. */
	run_reset(r);
	r->s = s;
	r->t = t;
	r->e = e;
	uint64_t last_p;
	int rc = store_last_id(s, t, REC_PERSON, &last_p, e);
	if (rc)
		return rc;
	r->nst = last_p + 1;
	if (r->query || r->need_members)
		r->st = xcalloc(r->nst, sizeof *r->st);
	if (r->kind == CK_ORG && (rc = org_list_load(s, t, &r->orgs, e)) != 0)
		return rc;
	if (r->kind == CK_UNIT && (rc = store_scan(s, t, REC_UNIT, scan_unit, r, e)) != 0)
		return rc;
	if (f->nunits) {
		for (size_t i = 0; i < f->nunits; i++)
			if (f->units[i] >= r->nin_units && f->units[i] < SIZE_MAX / 2)
				r->nin_units = f->units[i] + 1;
		r->in_units = xcalloc(r->nin_units, 1);
		for (size_t i = 0; i < f->nunits; i++)
			if (f->units[i] < r->nin_units)
				r->in_units[f->units[i]] = 1;
	}
	uint64_t max = r->o->path == FREQ_LOOKUP ? UINT64_MAX
		       : r->o->path == FREQ_SCAN ? 0 : LOOKUP_MAX;
	if (r->query) {
		struct hits hs = { r, 0 };
		rc = store_find_name(s, t, f->query, 0, on_hit, &hs, NULL, e);
		/* (a stop does not come back from the search: it returns 0) */
		if (rc || r->stop)
			return rc < 0 ? rc : r->stop;
		if (max && hs.n <= max)
			return lookup_all(r, ST_HIT);
	}
	if (f->nunits && max) {
		bool few;
		if ((rc = unit_members(r, max, &few)) != 0)
			return rc;
		if (few)
			return lookup_all(r, ST_CAND);
	}
	return scan_all(r);
}

int freq_count(struct store *s, const struct freq_opts *o, struct freq_result *out,
	       struct err *e)
{
	memset(out, 0, sizeof *out);
	const struct screen_ref *col = o->col;
	struct run r = { .o = o, .f = &o->filter, .key = BUF_INIT };
	if (col->pseudo == SPS_ORG)
		r.kind = CK_ORG;
	else if (col->pseudo == SPS_UNIT)
		r.kind = CK_UNIT;
	else if (col->def && col->rec == REC_PERSON)
		r.kind = CK_PERSON;
	else if (col->def && col->rec == REC_MEMBERSHIP)
		r.kind = CK_MEMBER;
	else
		abort();	/* screen.c makes every column one of these */
	r.def = col->def;
	r.maxv = o->max_values ? o->max_values : FREQ_MAX_VALUES;
	r.every = o->progress_every ? o->progress_every : TICK;
	if (r.maxv > IDX_OTHER)
		r.maxv = IDX_OTHER;
	r.query = o->filter.query && *o->filter.query;
	r.member_filter = o->filter.org || o->filter.nunits || o->filter.status >= 0;
	r.need_members = r.member_filter || r.kind != CK_PERSON;
	static const char *const mnames[] = { "person_id", "org_id", "unit_id", "status" };
	const char *names[5] = { mnames[0], mnames[1], mnames[2], mnames[3], NULL };
	size_t nm = 4;
	if (r.kind == CK_MEMBER) {
		for (r.mcol = 0; r.mcol < 4 && strcmp(mnames[r.mcol], r.def->name) != 0; r.mcol++)
			;
		if (r.mcol == 4)
			names[nm++] = r.def->name;
	}
	rec_pick_init(&r.mpk, &REC_DEF_MEMBERSHIP, names, nm);
	if (r.kind == CK_PERSON)
		rec_pick_init(&r.ppk, &REC_DEF_PERSON, &r.def->name, 1);
	static const char *const uname[] = { "name" };
	rec_pick_init(&r.upk, &REC_DEF_UNIT, uname, 1);
	hmap_init(&r.index);
	int rc = store_read(s, count_fn, &r, e);
	if (rc == 0)
		finish(&r, out);
	run_reset(&r);
	hmap_free(&r.index);
	buf_free(&r.key);
	return rc;
}

void freq_result_free(struct freq_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->items[i].text);
	free(r->items);
	memset(r, 0, sizeof *r);
}
