/* The overlap report: persons against memberships across the organizations, from one pass.
 *
 * One sequential pass over the memberships (store_scan) fills three arrays indexed by person
 * id: the organizations the person is in (a bit each, 4 bytes), how many memberships they hold
 * (2 bytes), and with --org the row of the scope their membership of that organization falls
 * in (4 bytes).  A person almost always has one membership per organization; the few with
 * memberships of --org's organization in two rows (a transfer not closed, a second branch)
 * are marked and their rows kept in a side list, so each row still counts each of its persons
 * once.  A walk over the arrays then adds every person of the scope to the total, to each
 * organization they are in and to their rows.  For 1,000,000 persons that is 10 MB, and the
 * persons database is never read: identity is the person id. */
#include "core/report_priv.h"

#include "core/dedupe.h"
#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define ROW_MANY UINT32_MAX	/* rowof: in two rows or more, see extra */

struct person_row {
	uint64_t person;
	uint32_t row;
};

struct overlap_run {
	const struct report_opts *o;
	struct report_overlap *out;
	struct scope sc;
	struct rec_pick pk;
	uint32_t *mask;		/* organizations (bit = index in sc.orgs) */
	uint16_t *nmem;		/* memberships, saturating */
	uint32_t *rowof;	/* with --org: 0 none, row + 1, or ROW_MANY */
	size_t cap_mask, cap_nmem, cap_rowof;
	uint64_t max_person;
	struct person_row *extra;
	size_t nextra, cap_extra;
};

static void run_reset(struct overlap_run *r)
{
	scope_free(&r->sc);
	XFREE(r->mask);
	XFREE(r->nmem);
	XFREE(r->rowof);
	XFREE(r->extra);
	r->cap_mask = r->cap_nmem = r->cap_rowof = r->nextra = r->cap_extra = 0;
	r->max_person = 0;
}

static void add_extra(struct overlap_run *r, uint64_t person, uint32_t row)
{
	if (r->nextra == r->cap_extra) {
		r->cap_extra = r->cap_extra ? r->cap_extra * 2 : 64;
		r->extra = xrealloc(r->extra, r->cap_extra * sizeof *r->extra);
	}
	r->extra[r->nextra++] = (struct person_row){ person, row };
}

static int each_membership(uint64_t id, const void *data, size_t n, void *ctx)
{
	(void)id;
	struct overlap_run *r = ctx;
	const struct scope *sc = &r->sc;
	/* person_id, org_id, unit_id, join_date, status, status_date */
	struct rec_val v[6];
	if (rec_pick(&r->pk, data, n, v) != 0)
		return 0;
	uint64_t p = v[0].u, org = v[1].u;
	if (!p || org >= sc->norg_ids || sc->org_pos[org] < 0 ||
	    !report_counted((hv_date)v[3].u, v[4].i, (hv_date)v[5].u, sc->as_of))
		return 0;
	report_grow((void **)&r->mask, &r->cap_mask, p + 1, sizeof *r->mask);
	report_grow((void **)&r->nmem, &r->cap_nmem, p + 1, sizeof *r->nmem);
	if (p > r->max_person)
		r->max_person = p;
	r->mask[p] |= 1u << sc->org_pos[org];
	if (r->nmem[p] < UINT16_MAX)
		r->nmem[p]++;
	if (sc->only < 0 || sc->org_pos[org] != sc->only)
		return 0;
	int32_t row = scope_row_of(sc, org, v[2].u);
	if (row < 0)
		return 0;
	report_grow((void **)&r->rowof, &r->cap_rowof, p + 1, sizeof *r->rowof);
	uint32_t *at = &r->rowof[p];
	if (*at == 0) {
		*at = (uint32_t)row + 1;
	} else if (*at != ROW_MANY && *at != (uint32_t)row + 1) {
		add_extra(r, p, *at - 1);
		add_extra(r, p, (uint32_t)row);
		*at = ROW_MANY;
	} else if (*at == ROW_MANY) {
		add_extra(r, p, (uint32_t)row);
	}
	return 0;
}

static void add_person(struct overlap_row *row, uint32_t mask, uint16_t nmem)
{
	int k = __builtin_popcount(mask);
	row->persons++;
	row->memberships += nmem;
	row->by_orgs[(k < REPORT_BY_ORGS ? k : REPORT_BY_ORGS) - 1]++;
	for (uint32_t m = mask; m; m &= m - 1)
		row->both[__builtin_ctz(m)]++;
}

static void init_row(struct overlap_row *row, enum report_row_kind kind, const char *label,
		     size_t norgs)
{
	row->kind = kind;
	row->label = xstrdup(label);
	row->both = xcalloc(norgs + 1, sizeof *row->both);
}

static int cmp_person_row(const void *a, const void *b)
{
	const struct person_row *x = a, *y = b;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

static void fill(struct overlap_run *r)
{
	const struct scope *sc = &r->sc;
	struct report_overlap *out = r->out;
	size_t norgs = sc->orgs.n;
	out->as_of = sc->as_of;
	out->norgs = norgs;
	out->org = sc->only;
	out->codes = xcalloc(norgs + 1, sizeof *out->codes);
	out->names = xcalloc(norgs + 1, sizeof *out->names);
	out->orgs = xcalloc(norgs + 1, sizeof *out->orgs);
	for (size_t i = 0; i < norgs; i++) {
		out->codes[i] = xstrdup(sc->orgs.v[i].code);
		out->names[i] = xstrdup(sc->orgs.v[i].name);
		init_row(&out->orgs[i], REPORT_ROW_ORG, sc->orgs.v[i].code, norgs);
	}
	init_row(&out->total, REPORT_ROW_TOTAL, "", norgs);
	size_t first = 0;
	if (sc->only >= 0) {
		out->scope = xstrdup(sc->path[sc->only]);
		first = sc->first_row[sc->only];
		out->nunits = sc->first_row[sc->only + 1] - first;
	} else {
		out->scope = xstrdup("");
	}
	out->units = xcalloc(out->nunits + 1, sizeof *out->units);
	for (size_t k = 0; k < out->nunits; k++)
		init_row(&out->units[k], sc->rows[first + k].kind, sc->rows[first + k].label, norgs);

	for (uint64_t p = 1; p <= r->max_person; p++) {
		uint32_t mask = r->mask[p];
		uint32_t at = sc->only >= 0 ? (p < r->cap_rowof ? r->rowof[p] : 0) : 1;
		if (!mask || !at)
			continue;
		add_person(&out->total, mask, r->nmem[p]);
		for (uint32_t m = mask; m; m &= m - 1)
			add_person(&out->orgs[__builtin_ctz(m)], mask, r->nmem[p]);
		if (sc->only >= 0 && at != ROW_MANY)
			add_person(&out->units[at - 1 - first], mask, r->nmem[p]);
	}
	if (r->nextra)
		qsort(r->extra, r->nextra, sizeof *r->extra, cmp_person_row);
	for (size_t k = 0; k < r->nextra; k++) {
		const struct person_row *x = &r->extra[k];
		if (k && x->person == x[-1].person && x->row == x[-1].row)
			continue;
		add_person(&out->units[x->row - first], r->mask[x->person], r->nmem[x->person]);
	}
}

static int overlap_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct overlap_run *r = ctx;
	run_reset(r);
	report_overlap_free(r->out);
	int rc = scope_build(s, t, r->o, &r->sc, e);
	if (rc)
		return rc;
	if (r->sc.orgs.n > REPORT_ORGS_MAX)
		return err_set(e, ERR_INVAL, _("the overlap report handles at most %d organizations"),
			       REPORT_ORGS_MAX);
	if ((rc = store_scan(s, t, REC_MEMBERSHIP, each_membership, r, e)) != 0)
		return rc;
	fill(r);
	return 0;
}

/* ---- probable overlaps: the duplicates report's pairs, kept apart ---- */

struct probable_run {
	struct overlap_run *r;
	uint32_t *parent;	/* union-find over person ids, 0: not in any pair yet */
};

static uint32_t uf_find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static bool in_scope(const struct overlap_run *r, uint64_t p)
{
	if (p > r->max_person || !r->mask[p])
		return false;
	return r->sc.only < 0 || (p < r->cap_rowof && r->rowof[p]);
}

static int on_probable(const struct dedupe_pair *pair, void *ctx)
{
	struct probable_run *pr = ctx;
	struct overlap_run *r = pr->r;
	struct report_overlap *out = r->out;
	uint64_t a = pair->a, b = pair->b;
	if (a > r->max_person || b > r->max_person || !r->mask[a] || !r->mask[b] ||
	    !(in_scope(r, a) || in_scope(r, b)))
		return 0;
	out->prob_pairs++;
	uint32_t ma = r->mask[a], mb = r->mask[b];
	if (ma != mb)
		out->prob_cross++;
	size_t n = out->norgs;
	for (uint32_t x = ma; x; x &= x - 1) {
		unsigned i = (unsigned)__builtin_ctz(x);
		for (uint32_t y = mb; y; y &= y - 1) {
			unsigned j = (unsigned)__builtin_ctz(y);
			uint32_t both = (1u << i) | (1u << j);
			if (i == j || (ma & both) == both || (mb & both) == both)
				continue;
			out->prob_both[i * n + j]++;
			out->prob_both[j * n + i]++;
		}
	}
	if (!pr->parent[a])
		pr->parent[a] = (uint32_t)a;
	if (!pr->parent[b])
		pr->parent[b] = (uint32_t)b;
	uint32_t ra = uf_find(pr->parent, (uint32_t)a), rb = uf_find(pr->parent, (uint32_t)b);
	if (ra != rb) {
		pr->parent[ra > rb ? ra : rb] = ra < rb ? ra : rb;
		out->prob_fewer++;
	}
	return 0;
}

static int probable(struct store *s, struct overlap_run *r, struct err *e)
{
	struct report_overlap *out = r->out;
	out->probable = true;
	out->prob_both = xcalloc(out->norgs * out->norgs + 1, sizeof *out->prob_both);
	if (!r->max_person || r->max_person >= UINT32_MAX)
		return 0;
	struct probable_run pr = { .r = r };
	pr.parent = xcalloc(r->max_person + 1, sizeof *pr.parent);
	struct dedupe_id_pair *ex = NULL;
	size_t nex = 0;
	int rc = dedupe_exclusions_load(s, &ex, &nex, e);
	if (rc == 0) {
		struct dedupe_opts dopts = { .excluded = ex, .nexcluded = nex };
		rc = dedupe_find(s, &dopts, on_probable, &pr, NULL, e);
	}
	free(ex);
	free(pr.parent);
	return rc < 0 ? rc : 0;
}

int report_overlap(struct store *s, const struct report_opts *o, struct report_overlap *out,
		   struct err *e)
{
	static const char *const names[] = { "person_id", "org_id", "unit_id", "join_date",
					     "status", "status_date" };
	memset(out, 0, sizeof *out);
	struct overlap_run r = { .o = o, .out = out };
	rec_pick_init(&r.pk, &REC_DEF_MEMBERSHIP, names, 6);
	int rc = store_read(s, overlap_fn, &r, e);
	if (rc == 0 && o->probable)
		rc = probable(s, &r, e);
	run_reset(&r);
	if (rc)
		report_overlap_free(out);
	return rc;
}

static void free_row(struct overlap_row *row)
{
	free(row->label);
	free(row->both);
}

void report_overlap_free(struct report_overlap *r)
{
	for (size_t i = 0; i < r->norgs; i++) {
		free(r->codes[i]);
		free(r->names[i]);
		free_row(&r->orgs[i]);
	}
	for (size_t k = 0; k < r->nunits; k++)
		free_row(&r->units[k]);
	free(r->codes);
	free(r->names);
	free(r->orgs);
	free(r->units);
	free_row(&r->total);
	free(r->scope);
	free(r->prob_both);
	memset(r, 0, sizeof *r);
}
