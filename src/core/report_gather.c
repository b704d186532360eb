/* The gathering rate and the targets of a year (report_gather.h): the unit tree and the
 * figures of the year read whole (they are a few thousand records), each unit's figures
 * worked out from its sub-units', then one pass over the memberships. */
#include "core/report_gather.h"

#include "core/csv.h"
#include "core/report_priv.h"
#include "core/targets.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64		/* a unit tree deeper than this has a loop */
#define NAREAS_MAX 8		/* the tags and "untagged" */

/* What the report works out over the scope's units (u, by index). */
struct tree {
	const struct report_units *u;
	int32_t *up;		/* the parent's index, -1 */
	int64_t (*own)[GF__COUNT];	/* the unit's own record for the year */
	int64_t (*fig)[GF__COUNT];	/* its own, else its sub-units' summed */
	uint64_t *eff;		/* its tags and those of the units above it */
	bool *tagged_below;	/* a tag on it or on a unit under it */
	bool *pop_complete;	/* its own population, or every sub-unit's (it has some) */
};

struct gather_run {
	const struct report_opts *o;
	struct report_gather *out;
	struct scope sc;
	struct tree tr;
	struct rec_pick mpk, tpk;
	struct gather_row **row_of;	/* [sc.nrows]: a scope row's figures ... */
	struct gather_table **table_of;	/* ... and its table */
	uint64_t (*area_members)[NAREAS_MAX];	/* [ntables]: by AREA_TAGS index, then untagged */
	uint64_t *table_org;			/* [ntables]: the organization's id */
};

struct target_scan {
	struct gather_run *r;
	int year;
};

static int add_target(uint64_t id, const void *data, size_t n, void *ctx)
{
	(void)id;
	struct target_scan *ts = ctx;
	struct tree *tr = &ts->r->tr;
	/* unit_id, year, population, admissions, members, rate, dues */
	struct rec_val v[7];
	if (rec_pick(&ts->r->tpk, data, n, v) != 0 || v[1].i != ts->year)
		return 0;
	int32_t u = report_unit_index(tr->u, v[0].u);
	if (u < 0)
		return 0;
	for (int f = 0; f < GF__COUNT; f++)
		tr->own[u][f] = v[2 + f].i > 0 ? v[2 + f].i : 0;
	return 0;
}

static void tree_free(struct tree *tr)
{
	free(tr->up);
	free(tr->own);
	free(tr->fig);
	free(tr->eff);
	free(tr->tagged_below);
	free(tr->pop_complete);
	memset(tr, 0, sizeof *tr);
}

static int by_depth(const void *a, const void *b, void *ctx)
{
	const int *depth = ctx;
	int x = depth[*(const int32_t *)a], y = depth[*(const int32_t *)b];
	return x < y ? -1 : x > y;
}

/* Each unit's figures from its sub-units' (deepest first), and its tags from those above it
 * (shallowest first). */
static void tree_work_out(struct tree *tr)
{
	size_t n = tr->u->n;
	tr->up = xmalloc((n + 1) * sizeof *tr->up);
	tr->fig = xcalloc(n + 1, sizeof *tr->fig);
	tr->eff = xcalloc(n + 1, sizeof *tr->eff);
	tr->tagged_below = xcalloc(n + 1, sizeof *tr->tagged_below);
	tr->pop_complete = xcalloc(n + 1, sizeof *tr->pop_complete);
	/* Whether a unit has sub-units, and all of them have their population. */
	int *nsub = xcalloc(n + 1, sizeof *nsub);
	bool *subs_complete = xmalloc((n + 1) * sizeof *subs_complete);
	memset(subs_complete, 1, (n + 1) * sizeof *subs_complete);
	int *depth = xcalloc(n + 1, sizeof *depth);
	int32_t *order = xmalloc((n + 1) * sizeof *order);
	for (size_t i = 0; i < n; i++) {
		int32_t p = tr->u->parent[i] ? report_unit_index(tr->u, tr->u->parent[i]) : -1;
		tr->up[i] = p >= 0 && tr->u->org[p] == tr->u->org[i] && (size_t)p != i ? p : -1;
	}
	for (size_t i = 0; i < n; i++) {
		int d = 0;
		for (int32_t at = tr->up[i]; at >= 0 && d < MAX_DEPTH; at = tr->up[at])
			d++;
		depth[i] = d;
		order[i] = (int32_t)i;
	}
	qsort_r(order, n, sizeof *order, by_depth, depth);
	for (size_t k = 0; k < n; k++) {
		int32_t i = order[k], p = tr->up[i];
		tr->eff[i] = tr->u->tags[i] | (p >= 0 && depth[p] < depth[i] ? tr->eff[p] : 0);
	}
	int64_t (*below)[GF__COUNT] = xcalloc(n + 1, sizeof *below);
	for (size_t k = n; k-- > 0;) {
		int32_t i = order[k], p = tr->up[i];
		for (int f = 0; f < GF__COUNT; f++)
			tr->fig[i][f] = tr->own[i][f] ? tr->own[i][f] : f == GF_RATE ? 0 : below[i][f];
		tr->tagged_below[i] |= tr->u->tags[i] != 0;
		tr->pop_complete[i] = tr->own[i][GF_POPULATION] || (nsub[i] && subs_complete[i]);
		if (p < 0 || depth[p] >= depth[i])
			continue;
		for (int f = 0; f < GF__COUNT; f++)
			below[p][f] += tr->fig[i][f];
		tr->tagged_below[p] |= tr->tagged_below[i];
		nsub[p]++;
		subs_complete[p] &= tr->pop_complete[i];
	}
	free(below);
	free(nsub);
	free(subs_complete);
	free(depth);
	free(order);
}

static int tree_load(struct gather_run *r, struct store *s, struct store_txn *t, struct err *e)
{
	struct tree *tr = &r->tr;
	tr->u = &r->sc.units;
	tr->own = xcalloc(tr->u->n + 1, sizeof *tr->own);
	struct target_scan ts = { r, r->out->year };
	int rc = store_scan(s, t, REC_TARGET, add_target, &ts, e);
	if (rc)
		return rc;
	tree_work_out(tr);
	return 0;
}

static void run_reset(struct gather_run *r)
{
	scope_free(&r->sc);
	tree_free(&r->tr);
	XFREE(r->row_of);
	XFREE(r->table_of);
	XFREE(r->area_members);
	XFREE(r->table_org);
}

/* Whether unit index i is in its table's scope (it or a unit above it has a row). */
static bool in_scope(const struct gather_run *r, int32_t i)
{
	if (i < 0)
		return false;
	uint64_t id = r->tr.u->id[i];
	return id < r->sc.nunit_ids && r->sc.unit_row[id] >= 0;
}

static int each_membership(uint64_t id, const void *data, size_t n, void *ctx)
{
	(void)id;
	struct gather_run *r = ctx;
	/* org_id, unit_id, join_date, status, status_date, transferred_in */
	struct rec_val v[6];
	if (rec_pick(&r->mpk, data, n, v) != 0)
		return 0;
	int32_t g = scope_row_of(&r->sc, v[0].u, v[1].u);
	if (g < 0)
		return 0;
	struct gather_row *row = r->row_of[g];
	struct gather_table *tb = r->table_of[g];
	hv_date join = report_first_day((hv_date)v[2].u), as_of = r->out->as_of;
	if (!v[5].i && join >= (hv_date)(r->out->year * 10000 + 101) && join <= as_of) {
		row->admitted++;
		tb->total.admitted++;
	}
	if (!report_counted(join, v[3].i, (hv_date)v[4].u, as_of))
		return 0;
	row->members++;
	tb->total.members++;
	if (r->sc.rows[g].kind == REPORT_ROW_NONE)
		return 0;
	int32_t u = report_unit_index(r->tr.u, v[1].u);
	if (u < 0)
		return 0;
	uint64_t eff = r->tr.eff[u];
	uint64_t *am = r->area_members[tb - r->out->tables];
	for (size_t k = 0; k < AREA_TAGS_N; k++)
		am[k] += (eff & AREA_TAGS[k].bit) != 0;
	/* Untagged as the population is: a unit with no tag above or below it. */
	am[AREA_TAGS_N] += !eff && !r->tr.tagged_below[u];
	return 0;
}

static void lay_out(struct gather_run *r)
{
	const struct scope *sc = &r->sc;
	const struct tree *tr = &r->tr;
	struct report_gather *out = r->out;
	out->tables = xcalloc(sc->orgs.n + 1, sizeof *out->tables);
	r->row_of = xcalloc(sc->nrows + 1, sizeof *r->row_of);
	r->table_of = xcalloc(sc->nrows + 1, sizeof *r->table_of);
	r->area_members = xcalloc(sc->orgs.n + 1, sizeof *r->area_members);
	r->table_org = xcalloc(sc->orgs.n + 1, sizeof *r->table_org);
	for (size_t i = 0; i < sc->orgs.n; i++) {
		if (sc->only >= 0 && (size_t)sc->only != i)
			continue;
		const struct org_entry *oe = &sc->orgs.v[i];
		r->table_org[out->ntables] = oe->id;
		struct gather_table *tb = &out->tables[out->ntables++];
		tb->code = xstrdup(oe->code);
		tb->name = xstrdup(oe->name);
		tb->word = xstrdup(org_member_word(oe));
		tb->scope = xstrdup(sc->path[i]);
		tb->nrows = sc->first_row[i + 1] - sc->first_row[i];
		tb->rows = xcalloc(tb->nrows + 1, sizeof *tb->rows);
		tb->total.kind = REPORT_ROW_TOTAL;
		tb->total.label = xstrdup("");
		bool top = false;
		for (size_t k = 0; k < tb->nrows; k++) {
			size_t g = sc->first_row[i] + k;
			struct gather_row *row = &tb->rows[k];
			row->kind = sc->rows[g].kind;
			row->unit_id = sc->rows[g].unit_id;
			row->label = xstrdup(sc->rows[g].label);
			r->row_of[g] = row;
			r->table_of[g] = tb;
			int32_t u = report_unit_index(tr->u, row->unit_id);
			if (u < 0 || row->kind == REPORT_ROW_NONE)
				continue;
			if (row->kind == REPORT_ROW_DIRECT) {
				/* The scope unit's figures are the total's. */
				memcpy(tb->total.fig, tr->fig[u], sizeof tb->total.fig);
				tb->total.pop_partial = tr->fig[u][GF_POPULATION] && !tr->pop_complete[u];
				top = true;
				continue;
			}
			row->area_tags = tr->u->tags[u];
			memcpy(row->fig, tr->fig[u], sizeof row->fig);
			row->pop_partial = row->fig[GF_POPULATION] && !tr->pop_complete[u];
		}
		for (size_t k = 0; k < tb->nrows && !top; k++) {
			const struct gather_row *row = &tb->rows[k];
			if (row->kind != REPORT_ROW_UNIT)
				continue;
			for (int f = 0; f < GF__COUNT; f++)
				if (f != GF_RATE)
					tb->total.fig[f] += row->fig[f];
			int32_t u = report_unit_index(tr->u, row->unit_id);
			tb->total.pop_partial |= u < 0 || !tr->pop_complete[u];
		}
		tb->total.pop_partial &= tb->total.fig[GF_POPULATION] != 0;
	}
}

/* The areas of each table, once the members are counted. */
static void areas(struct gather_run *r)
{
	const struct tree *tr = &r->tr;
	for (size_t t = 0; t < r->out->ntables; t++) {
		struct gather_table *tb = &r->out->tables[t];
		const uint64_t *am = r->area_members[t];
		int64_t pop[NAREAS_MAX] = { 0 };
		bool partial[NAREAS_MAX] = { false };
		uint64_t used = 0;
		for (size_t i = 0; i < tr->u->n; i++) {
			if (tr->u->org[i] != r->table_org[t] || !in_scope(r, (int32_t)i))
				continue;
			int32_t p = tr->up[i];
			bool p_in = in_scope(r, p);
			used |= tr->eff[i];
			for (size_t k = 0; k < AREA_TAGS_N; k++) {
				uint64_t bit = AREA_TAGS[k].bit;
				if ((tr->eff[i] & bit) && !(p_in && (tr->eff[p] & bit))) {
					pop[k] += tr->fig[i][GF_POPULATION];
					partial[k] |= !tr->pop_complete[i];
				}
			}
			bool untagged = !tr->tagged_below[i] && !tr->eff[i];
			if (untagged && !(p_in && !tr->tagged_below[p] && !tr->eff[p])) {
				pop[AREA_TAGS_N] += tr->fig[i][GF_POPULATION];
				partial[AREA_TAGS_N] |= !tr->pop_complete[i];
			}
		}
		tb->areas = xcalloc(AREA_TAGS_N + 1, sizeof *tb->areas);
		for (size_t k = 0; k <= AREA_TAGS_N; k++) {
			uint64_t bit = k < AREA_TAGS_N ? AREA_TAGS[k].bit : 0;
			/* The first three always; urban and border when a unit has them. */
			if (k < AREA_TAGS_N && bit != AREA_ETHNIC && bit != AREA_RELIGIOUS &&
			    bit != AREA_NONSTATE && !(used & bit))
				continue;
			tb->areas[tb->nareas++] = (struct gather_area){ bit, am[k], pop[k],
								       pop[k] && partial[k] };
		}
	}
}

static int gather_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct gather_run *r = ctx;
	/* A retried transaction starts again from nothing. */
	int year = r->out->year;
	hv_date as_of = r->out->as_of;
	run_reset(r);
	report_gather_free(r->out);
	r->out->year = year;
	r->out->as_of = as_of;
	int rc = scope_build(s, t, r->o, &r->sc, e);
	if (rc || (rc = tree_load(r, s, t, e)) != 0)
		return rc;
	lay_out(r);
	if ((rc = store_scan(s, t, REC_MEMBERSHIP, each_membership, r, e)) != 0)
		return rc;
	areas(r);
	return 0;
}

int report_gather(struct store *s, const struct report_opts *o, struct report_gather *out,
		  struct err *e)
{
	static const char *const mnames[] = { "org_id", "unit_id", "join_date", "status",
					      "status_date", "transferred_in" };
	static const char *const tnames[] = { "unit_id", "year", "population", "admissions",
					      "members", "rate", "dues" };
	memset(out, 0, sizeof *out);
	hv_date as_of = o->as_of ? o->as_of : date_today();
	int year = o->year ? o->year : DATE_YEAR(as_of);
	if (year < TARGET_YEAR_MIN || year > TARGET_YEAR_MAX)
		return err_set(e, ERR_USAGE, _("--year %d: not a year from %d to %d"), year,
			       TARGET_YEAR_MIN, TARGET_YEAR_MAX);
	hv_date end = (hv_date)(year * 10000 + 1231);
	out->year = year;
	out->as_of = as_of < end ? as_of : end;
	struct report_opts so = *o;
	so.as_of = out->as_of;
	struct gather_run r = { .o = &so, .out = out };
	rec_pick_init(&r.mpk, &REC_DEF_MEMBERSHIP, mnames, 6);
	rec_pick_init(&r.tpk, &REC_DEF_TARGET, tnames, 7);
	int rc = store_read(s, gather_fn, &r, e);
	run_reset(&r);
	if (rc)
		report_gather_free(out);
	return rc;
}

void report_gather_free(struct report_gather *r)
{
	for (size_t i = 0; i < r->ntables; i++) {
		struct gather_table *tb = &r->tables[i];
		for (size_t k = 0; k < tb->nrows; k++)
			free(tb->rows[k].label);
		free(tb->rows);
		free(tb->total.label);
		free(tb->areas);
		free(tb->code);
		free(tb->name);
		free(tb->word);
		free(tb->scope);
	}
	free(r->tables);
	memset(r, 0, sizeof *r);
}

int64_t report_rate(uint64_t members, int64_t population)
{
	if (population <= 0)
		return -1;
	return (int64_t)((members * 1000 + (uint64_t)population / 2) / (uint64_t)population);
}

/* ---- writing the gathering report ---- */

static void csv_text(FILE *f, const char *s, bool first)
{
	csv_write_field(f, s, strlen(s), ',', first);
}

/* A CSV cell: the figure, or empty for none (v < 0). */
static void csv_fig(FILE *f, int64_t v)
{
	if (v >= 0)
		fprintf(f, ",%" PRId64, v);
	else
		putc(',', f);
}

static void csv_rate(FILE *f, int64_t tenths)
{
	char num[24];
	putc(',', f);
	if (tenths >= 0)
		fputs(target_rate_format(tenths, num), f);
}

static bool gather_shown(const struct gather_row *row)
{
	return row->kind == REPORT_ROW_UNIT || row->kind == REPORT_ROW_TOTAL || row->members;
}

/* A row's population, or -1: the direct and no-unit rows have none of their own. */
static int64_t row_population(const struct gather_row *row)
{
	if (row->kind != REPORT_ROW_UNIT && row->kind != REPORT_ROW_TOTAL)
		return -1;
	return row->fig[GF_POPULATION] ? row->fig[GF_POPULATION] : -1;
}

/* The population and rate cells of a text row (c: the population's column); a partial
 * population is marked with an asterisk.  Returns whether it was. */
static bool text_pop_rate(struct rtable *t, size_t c, bool own, int64_t pop, bool partial,
			  uint64_t members)
{
	char num[24], text[32];
	const char *mark = partial ? "*" : "";
	if (!own) {
		rtable_text(t, c, "");
		rtable_text(t, c + 1, "");
	} else if (pop <= 0) {
		rtable_text(t, c, _("no data"));
		rtable_text(t, c + 1, _("no data"));
	} else {
		snprintf(text, sizeof text, "%" PRId64 "%s", pop, mark);
		rtable_text(t, c, text);
		snprintf(text, sizeof text, "%s%s", target_rate_format(report_rate(members, pop), num),
			 mark);
		rtable_text(t, c + 1, text);
	}
	return own && pop > 0 && partial;
}

static const char *partial_note(void)
{
	return _("* Summed from sub-units some of which have no population for the year: too low, "
		 "and the rate too high.");
}

static void gather_text(FILE *f, const struct report_gather *r, int width)
{
	char date[16];
	date_format(r->as_of, date);
	struct buf label = BUF_INIT, tags = BUF_INIT;
	size_t shown = 0;
	for (size_t i = 0; i < r->ntables; i++) {
		const struct gather_table *tb = &r->tables[i];
		bool units = false;
		for (size_t k = 0; k < tb->nrows; k++)
			units |= tb->rows[k].kind != REPORT_ROW_NONE;
		if (!units && !tb->total.members && r->ntables > 1)
			continue;
		shown++;
		report_printf_wrapped(f, width, _("Gathering rate of %s: %s (%s), %d"), tb->word,
				      tb->name, tb->code, r->year);
		if (*tb->scope)
			report_printf_wrapped(f, width, _("Under: %s (each row counts its whole "
							  "subtree)"), tb->scope);
		report_printf_wrapped(f, width, _("Members on %s against the eligible population "
						  "of %d"), date, r->year);
		putc('\n', f);
		struct rtable t;
		bool partial = false;
		rtable_init(&t, _("By unit"), _("Unit"), tb->nrows + 1);
		rtable_col(&t, _("Areas"));
		rtable_col(&t, _("Members"));
		rtable_col(&t, _("Population"));
		rtable_col(&t, _("Rate %"));
		for (size_t k = 0; k <= tb->nrows; k++) {
			const struct gather_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
			if (!gather_shown(row))
				continue;
			report_row_label(row->kind, row->label, &label);
			uint64_t *v = rtable_row(&t, buf_str(&label));
			buf_reset(&tags);
			area_tags_letters(row->area_tags, &tags);
			rtable_text(&t, 0, buf_str(&tags));
			v[1] = row->members;
			bool own = row->kind == REPORT_ROW_UNIT || row->kind == REPORT_ROW_TOTAL;
			partial |= text_pop_rate(&t, 2, own, row->fig[GF_POPULATION], row->pop_partial,
						 row->members);
		}
		rtable_write(f, &t, width);
		rtable_free(&t);
		if (partial)
			report_put_wrapped(f, partial_note(), width);
		uint64_t tagged = 0;
		for (size_t k = 0; k < tb->nrows; k++)
			tagged |= tb->rows[k].area_tags;
		if (tagged) {
			buf_reset(&tags);
			area_tags_legend(&tags);
			report_printf_wrapped(f, width, _("Areas: %s."), buf_str(&tags));
		}
		if (partial || tagged)
			putc('\n', f);
		partial = false;
		rtable_init(&t, _("By area (an area takes in the whole subtree of a unit tagged with "
				  "it)"), _("Area"), tb->nareas);
		rtable_col(&t, _("Members"));
		rtable_col(&t, _("Population"));
		rtable_col(&t, _("Rate %"));
		for (size_t k = 0; k < tb->nareas; k++) {
			const struct gather_area *a = &tb->areas[k];
			buf_reset(&tags);
			if (a->tag)
				area_tags_text(a->tag, &tags);
			else
				buf_adds(&tags, _("untagged"));
			uint64_t *v = rtable_row(&t, buf_str(&tags));
			v[0] = a->members;
			partial |= text_pop_rate(&t, 1, true, a->population, a->pop_partial, a->members);
		}
		rtable_write(f, &t, width);
		rtable_free(&t);
		if (partial) {
			report_put_wrapped(f, partial_note(), width);
			putc('\n', f);
		}
	}
	if (!shown)
		report_printf_wrapped(f, width, _("No organization has members on %s."), date);
	buf_free(&label);
	buf_free(&tags);
}

static void gather_csv(FILE *f, const struct report_gather *r)
{
	fputs("\xEF\xBB\xBF", f);
	csv_text(f, _("Organization"), true);
	csv_text(f, _("Unit"), false);
	csv_text(f, _("Areas"), false);
	csv_text(f, _("Members"), false);
	csv_text(f, _("Eligible population"), false);
	csv_text(f, _("Gathering rate (%)"), false);
	csv_text(f, _("Note"), false);
	csv_end_row(f);
	struct buf label = BUF_INIT, tags = BUF_INIT;
	for (size_t i = 0; i < r->ntables; i++) {
		const struct gather_table *tb = &r->tables[i];
		for (size_t k = 0; k <= tb->nrows; k++) {
			const struct gather_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
			if (!gather_shown(row))
				continue;
			report_row_label(row->kind, row->label, &label);
			buf_reset(&tags);
			area_tags_text(row->area_tags, &tags);
			csv_text(f, tb->code, true);
			csv_text(f, buf_str(&label), false);
			csv_text(f, buf_str(&tags), false);
			csv_fig(f, (int64_t)row->members);
			int64_t pop = row_population(row);
			csv_fig(f, pop);
			csv_rate(f, report_rate(row->members, pop));
			csv_text(f, row->pop_partial ? _("population incomplete") : "", false);
			csv_end_row(f);
		}
		for (size_t k = 0; k < tb->nareas; k++) {
			const struct gather_area *a = &tb->areas[k];
			buf_reset(&tags);
			if (a->tag)
				area_tags_text(a->tag, &tags);
			else
				buf_adds(&tags, _("untagged"));
			buf_reset(&label);
			buf_printf(&label, _("Area: %s"), buf_str(&tags));
			csv_text(f, tb->code, true);
			csv_text(f, buf_str(&label), false);
			csv_text(f, "", false);
			csv_fig(f, (int64_t)a->members);
			csv_fig(f, a->population ? a->population : -1);
			csv_rate(f, report_rate(a->members, a->population));
			csv_text(f, a->pop_partial ? _("population incomplete") : "", false);
			csv_end_row(f);
		}
	}
	buf_free(&label);
	buf_free(&tags);
}

void report_gathering_write(FILE *f, const struct report_gather *r, enum report_format fmt,
			    int width)
{
	if (fmt == REPORT_CSV)
		gather_csv(f, r);
	else
		gather_text(f, r, width);
}
