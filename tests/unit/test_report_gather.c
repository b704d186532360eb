/* Unit tests for src/core/report_gather.c, report_target.c and targets.c: the gathering rate
 * by unit and by area, and targets against actual figures, on a small store with a known
 * answer; the figures of a unit from its own record or its sub-units'; the targets API
 * (one record per unit and year) and the area tags.
 *
 * ND's tree: Tỉnh T > Xã A (ethnic) > A1, A2 (religious); Tỉnh T > Xã B > B1 (non-state),
 * B2; Tỉnh T > Xã C > C1.  Figures for 2024: Xã A population 100 and every target; A2
 * population 30; B1 population 40 and 1 admission; C1 population 50; for 2023, Xã A 90.
 * Members on 31/12/2024: A1 4 (one admitted in 2024, one transferred in), A2 2 (one more
 * left, one joins in 2025), B1 3 (one admitted), B2 1, C1 2, Xã C itself 1, the province
 * itself 1, no unit 1: 15.
 *     Xã A 6 / 100 = 6.0 %; Xã B 4 / 40* = 10.0 % (B2 has no population); Xã C 3 / 50 = 6.0 %;
 *     the province 15 / 190* = 7.9 %.
 *     By area: ethnic 6 / 100, religious 2 / 30 = 6.7 %, non-state 3 / 40 = 7.5 %, untagged
 *     (B2, Xã C) 4 / 50* = 8.0 %. */
#include "tap.h"

#include "core/record.h"
#include "core/report.h"
#include "core/report_gather.h"
#include "core/targets.h"
#include "store/store.h"
#include "store_test.h"
#include "text/width.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <unistd.h>

struct world {
	uint64_t nd;
	uint64_t prov, xa_a, xa_b, xa_c, a1, a2, b1, b2, c1;
	uint64_t target_a;	/* Xã A's record for 2024 */
};

static struct store *S;

static int unit(struct store *s, struct store_txn *t, uint64_t org, uint64_t parent,
		const char *name, uint64_t tags, uint64_t *id, struct err *e)
{
	struct unit u = { 0 };
	u.org_id = org;
	u.parent_id = parent;
	u.name = xstrdup(name);
	u.area_tags = tags;
	int rc = store_insert(s, t, REC_UNIT, &u, e);
	*id = u.m.id;
	rec_clear(&REC_DEF_UNIT, &u);
	return rc;
}

static int member(struct store *s, struct store_txn *t, uint64_t org, uint64_t unit_id,
		  hv_date join, int transferred_in, int status, hv_date sdate, struct err *e)
{
	static int n;
	struct person p = { 0 };
	char name[32];
	snprintf(name, sizeof name, "Người Số %d", ++n);
	p.full_name = xstrdup(name);
	int rc = store_insert(s, t, REC_PERSON, &p, e);
	struct membership m = { 0 };
	m.person_id = p.m.id;
	m.org_id = org;
	m.unit_id = unit_id;
	m.join_date = join;
	m.transferred_in = transferred_in;
	m.status = status;
	m.status_date = sdate;
	if (rc == 0)
		rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
	rec_clear(&REC_DEF_PERSON, &p);
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return rc;
}

static int figures(struct store *s, struct store_txn *t, uint64_t unit_id, int year,
		   int64_t pop, int64_t adm, int64_t mem, int64_t rate, int64_t dues, uint64_t *id,
		   struct err *e)
{
	struct target tg = { 0 };
	int rc = target_get(s, t, unit_id, year, &tg, e);
	if (rc != -ERR_NOTFOUND)
		return rc ? rc : err_set(e, ERR_EXISTS, "figures already there");
	tg.population = pop;
	tg.admissions = adm;
	tg.members = mem;
	tg.rate = rate;
	tg.dues = dues;
	rc = target_put(s, t, &tg, e);
	rec_clear(&REC_DEF_TARGET, &tg);
	if (rc == 0 && id) {
		rc = target_get(s, t, unit_id, year, &tg, e);
		*id = tg.m.id;
		rec_clear(&REC_DEF_TARGET, &tg);
	}
	return rc;
}

static int build_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct world *w = ctx;
	struct org o = { 0 };
	int rc = store_org_by_code(s, t, "ND", &o, e);
	uint64_t nd = w->nd = o.m.id;
	rec_clear(&REC_DEF_ORG, &o);
	if (rc || (rc = unit(s, t, nd, 0, "Tỉnh T", 0, &w->prov, e)) ||
	    (rc = unit(s, t, nd, w->prov, "Xã A", AREA_ETHNIC, &w->xa_a, e)) ||
	    (rc = unit(s, t, nd, w->xa_a, "Chi hội A1", 0, &w->a1, e)) ||
	    (rc = unit(s, t, nd, w->xa_a, "Chi hội A2", AREA_RELIGIOUS, &w->a2, e)) ||
	    (rc = unit(s, t, nd, w->prov, "Xã B", 0, &w->xa_b, e)) ||
	    (rc = unit(s, t, nd, w->xa_b, "Chi hội B1", AREA_NONSTATE, &w->b1, e)) ||
	    (rc = unit(s, t, nd, w->xa_b, "Chi hội B2", 0, &w->b2, e)) ||
	    (rc = unit(s, t, nd, w->prov, "Xã C", 0, &w->xa_c, e)) ||
	    (rc = unit(s, t, nd, w->xa_c, "Chi hội C1", 0, &w->c1, e)))
		return rc;
	if ((rc = figures(s, t, w->xa_a, 2024, 100, 3, 8, 800, 500000, &w->target_a, e)) ||
	    (rc = figures(s, t, w->a2, 2024, 30, 0, 0, 0, 0, NULL, e)) ||
	    (rc = figures(s, t, w->b1, 2024, 40, 1, 0, 0, 0, NULL, e)) ||
	    (rc = figures(s, t, w->c1, 2024, 50, 0, 0, 0, 0, NULL, e)) ||
	    (rc = figures(s, t, w->xa_a, 2023, 90, 9, 9, 900, 9, NULL, e)))
		return rc;
	const hv_date J = 20100101;
	struct {
		uint64_t unit;
		hv_date join;
		int tin, status;
		hv_date sdate;
	} ms[] = {
		{ w->a1, J, 0, MS_ACTIVE, 0 },
		{ w->a1, J, 0, MS_ACTIVE, 0 },
		{ w->a1, 20240303, 0, MS_ACTIVE, 0 },
		{ w->a1, 20240505, 1, MS_ACTIVE, 0 },
		{ w->a2, 20150000, 0, MS_ACTIVE, 0 },
		{ w->a2, J, 0, MS_ACTIVE, 0 },
		{ w->a2, J, 0, MS_LEFT, 20240606 },
		{ w->a2, 20250101, 0, MS_ACTIVE, 0 },
		{ w->b1, J, 0, MS_ACTIVE, 0 },
		{ w->b1, J, 0, MS_ACTIVE, 20230101 },
		{ w->b1, 20240202, 0, MS_ACTIVE, 0 },
		{ w->b2, J, 0, MS_ACTIVE, 0 },
		{ w->c1, J, 0, MS_ACTIVE, 0 },
		{ w->c1, J, 0, MS_ACTIVE, 0 },
		{ w->xa_c, J, 0, MS_ACTIVE, 0 },
		{ w->prov, J, 0, MS_ACTIVE, 0 },
		{ 0, 20240707, 0, MS_ACTIVE, 0 },
	};
	for (size_t i = 0; i < sizeof ms / sizeof ms[0] && rc == 0; i++)
		rc = member(s, t, nd, ms[i].unit, ms[i].join, ms[i].tin, ms[i].status, ms[i].sdate, e);
	return rc;
}

static int gather(const char *unit_path, int year, hv_date as_of, struct report_gather *r)
{
	struct report_opts o = { .org = "ND", .unit = unit_path, .year = year, .as_of = as_of };
	struct err e;
	err_clear(&e);
	int rc = report_gather(S, &o, r, &e);
	if (rc)
		diag("report_gather: %s", e.msg);
	return rc;
}

static void is_row(const struct gather_row *row, const char *label, uint64_t members,
		   int64_t pop, bool partial, const char *what)
{
	ok(strcmp(row->label, label) == 0 && row->members == members &&
	   row->fig[GF_POPULATION] == pop && row->pop_partial == partial,
	   "%s: %s: %llu members, population %lld%s", what, *label ? label : "(row)",
	   (unsigned long long)members, (long long)pop, partial ? " (partial)" : "");
	if (strcmp(row->label, label) != 0 || row->members != members ||
	    row->fig[GF_POPULATION] != pop || row->pop_partial != partial)
		diag("got %s: %llu, %lld, partial %d", row->label, (unsigned long long)row->members,
		     (long long)row->fig[GF_POPULATION], row->pop_partial);
}

static void check_sums(const struct gather_table *tb, const char *what)
{
	uint64_t members = 0, admitted = 0;
	for (size_t k = 0; k < tb->nrows; k++) {
		members += tb->rows[k].members;
		admitted += tb->rows[k].admitted;
	}
	ok(members == tb->total.members && admitted == tb->total.admitted,
	   "%s: the rows' members and admissions add up to the total (%llu, %llu)", what,
	   (unsigned long long)tb->total.members, (unsigned long long)tb->total.admitted);
}

static const struct gather_area *area(const struct gather_table *tb, uint64_t tag)
{
	for (size_t k = 0; k < tb->nareas; k++)
		if (tb->areas[k].tag == tag)
			return &tb->areas[k];
	return NULL;
}

static void test_gathering(const struct world *w)
{
	struct report_gather r;
	is_int(gather(NULL, 2024, 20250630, &r), 0, "gathering --org ND --year 2024");
	is_int(r.year, 2024, "the year");
	is_int(r.as_of, 20241231, "members counted on 31/12/2024 (--as-of is later)");
	const struct gather_table *tb = &r.tables[0];
	is_int(tb->nrows, 5, "Xã A, B, C, the province itself, no unit");
	is_row(&tb->rows[0], "Xã A", 6, 100, false, "2024");
	is_row(&tb->rows[1], "Xã B", 4, 40, true, "2024");
	is_row(&tb->rows[2], "Xã C", 3, 50, false, "2024");
	is_row(&tb->rows[3], "Tỉnh T", 1, 0, false, "2024");
	is_row(&tb->rows[4], "", 1, 0, false, "2024");
	is_row(&tb->total, "", 15, 190, true, "2024 total (the province: its communes summed)");
	is_int(tb->rows[0].area_tags, AREA_ETHNIC, "Xã A's tags");
	is_int(tb->rows[1].area_tags, 0, "Xã B has none of its own");
	is_int(report_rate(tb->rows[0].members, tb->rows[0].fig[GF_POPULATION]), 60, "Xã A: 6.0 %%");
	is_int(report_rate(tb->rows[1].members, tb->rows[1].fig[GF_POPULATION]), 100,
	       "Xã B: 10.0 %%");
	is_int(report_rate(tb->total.members, tb->total.fig[GF_POPULATION]), 79,
	       "the total: 15 / 190 = 7.9 %%");
	is_int(report_rate(5, 0), -1, "no population, no rate");
	check_sums(tb, "2024");
	is_int(tb->rows[0].admitted, 1, "Xã A admitted 1 (a transfer is not an admission)");
	is_int(tb->rows[1].admitted, 1, "Xã B admitted 1");
	is_int(tb->total.admitted, 3, "3 in all (one with no unit)");

	is_int(tb->nareas, 4, "ethnic, religious, non-state, untagged");
	const struct gather_area *a = area(tb, AREA_ETHNIC);
	ok(a && a->members == 6 && a->population == 100 && !a->pop_partial,
	   "ethnic-minority area: Xã A's 6 members, population 100");
	a = area(tb, AREA_RELIGIOUS);
	ok(a && a->members == 2 && a->population == 30 && report_rate(a->members, a->population) == 67,
	   "religious area: A2's 2 of 30, 6.7 %%");
	a = area(tb, AREA_NONSTATE);
	ok(a && a->members == 3 && a->population == 40 && report_rate(a->members, a->population) == 75,
	   "non-state enterprise: B1's 3 of 40, 7.5 %%");
	a = area(tb, 0);
	ok(a && a->members == 4 && a->population == 50 && a->pop_partial &&
	   report_rate(a->members, a->population) == 80,
	   "untagged: B2 and Xã C, 4 of 50 (B2 has no population), 8.0 %%");
	ok(area(tb, AREA_URBAN) == NULL, "no unit is urban: no such row");
	report_gather_free(&r);

	is_int(gather("Xã A", 2024, 20250630, &r), 0, "--unit 'Xã A'");
	tb = &r.tables[0];
	is_row(&tb->rows[0], "Chi hội A1", 4, 0, false, "Xã A");
	is_row(&tb->rows[1], "Chi hội A2", 2, 30, false, "Xã A");
	is_row(&tb->total, "", 6, 100, false, "Xã A total: its own population");
	a = area(tb, AREA_ETHNIC);
	ok(a && a->members == 6 && a->population == 100, "ethnic: the scope unit itself");
	a = area(tb, 0);
	ok(a && a->members == 0 && a->population == 0, "untagged: nothing");
	check_sums(tb, "Xã A");
	report_gather_free(&r);

	/* As of 01/06/2024: the member who left on 06/06 still counts; 2023's figures are not
	 * 2024's. */
	is_int(gather(NULL, 0, 20240601, &r), 0, "the year of --as-of, counted on --as-of");
	is_int(r.year, 2024, "the year is --as-of's");
	is_int(r.as_of, 20240601, "counted on --as-of, before the year's end");
	is_row(&r.tables[0].rows[0], "Xã A", 7, 100, false, "01/06/2024: the one who left on 06/06 too");
	is_int(r.tables[0].rows[0].admitted, 1, "admitted up to then");
	report_gather_free(&r);
	is_int(gather(NULL, 2023, 20250630, &r), 0, "--year 2023");
	is_row(&r.tables[0].rows[0], "Xã A", 5, 90, false, "2023");
	is_row(&r.tables[0].rows[1], "Xã B", 3, 0, false, "2023: no figures");
	report_gather_free(&r);
	(void)w;
}

static char *written(const struct report_gather *r, bool targets, enum report_format fmt)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (targets)
		report_targets_write(f, r, fmt, 80);
	else
		report_gathering_write(f, r, fmt, 80);
	fclose(f);
	return text;
}

/* Whether text has a line that reads want once runs of spaces are squeezed to one. */
static bool has_line(const char *text, const char *want)
{
	struct buf line = BUF_INIT;
	bool hit = false;
	for (const char *p = text; *p && !hit; p++) {
		if (*p != '\n') {
			if (*p != ' ' || (line.len && line.p[line.len - 1] != ' '))
				buf_addc(&line, *p);
			continue;
		}
		while (line.len && line.p[line.len - 1] == ' ')
			line.len--;
		hit = line.len == strlen(want) && memcmp(line.p, want, line.len) == 0;
		buf_reset(&line);
	}
	buf_free(&line);
	return hit;
}

static int widest(const char *text)
{
	int w = 0;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		int lw = vn_width(p, n);
		w = lw > w ? lw : w;
		p += n + (nl != NULL);
	}
	return w;
}

static void test_output(void)
{
	struct report_gather r, r2;
	gather(NULL, 2024, 20250630, &r);
	char *text = written(&r, false, REPORT_TEXT);
	ok(widest(text) <= 80, "gathering text fits 80 columns (%d)", widest(text));
	ok(has_line(text, "Xã A E 6 100 6.0"), "Xã A: its tag, 6 members of 100, 6.0 %%");
	ok(has_line(text, "Xã B 4 40* 10.0*"), "Xã B: 4 members, 40 marked partial, 10.0 %%");
	ok(has_line(text, "Tỉnh T (directly) 1"), "the province's own members, no population");
	ok(has_line(text, "Total 15 190* 7.9*"), "the total");
	ok(has_line(text, "religious area 2 30 6.7"), "by area: religious");
	ok(has_line(text, "untagged 4 50* 8.0*"), "by area: untagged");
	free(text);
	gather(NULL, 2023, 20250630, &r2);
	text = written(&r2, false, REPORT_TEXT);
	ok(has_line(text, "Xã B 3 no data no data"), "2023: Xã B has no data");
	report_gather_free(&r2);
	free(text);
	text = written(&r, false, REPORT_CSV);
	ok(strncmp(text, "\xEF\xBB\xBFOrganization,Unit,Areas,Members,Eligible population,"
			 "Gathering rate (%),Note\r\n", 80) == 0, "gathering CSV header");
	ok(strstr(text, "\r\nND,Xã A,ethnic-minority area,6,100,6.0,\r\n") != NULL, "CSV: Xã A");
	ok(strstr(text, "\r\nND,Xã B,,4,40,10.0,population incomplete\r\n") != NULL,
	   "CSV: Xã B, its population incomplete");
	ok(strstr(text, "\r\nND,Tỉnh T (directly),,1,,,\r\n") != NULL,
	   "CSV: the province's own row has no population");
	ok(strstr(text, "\r\nND,Total,,15,190,7.9,population incomplete\r\n") != NULL, "CSV: total");
	ok(strstr(text, "\r\nND,Area: untagged,,4,50,8.0,population incomplete\r\n") != NULL,
	   "CSV: untagged");
	free(text);

	text = written(&r, true, REPORT_TEXT);
	ok(widest(text) <= 80, "targets text fits 80 columns (%d)", widest(text));
	ok(has_line(text, "Xã A 3 1 -2"), "admissions: Xã A 3, 1, -2");
	ok(has_line(text, "Xã C — 0 —"), "no target: —, and no gap");
	ok(has_line(text, "Xã A 80.0 6.0 -74.0"), "rate: Xã A");
	ok(has_line(text, "Total 8 15 +7"), "members: the total above its target");
	ok(has_line(text, "Xã A 500000 no data —"), "dues: no actual figure yet");
	free(text);
	text = written(&r, true, REPORT_CSV);
	ok(strstr(text, "\r\nND,Xã A,3,1,-2,8,6,-2,80.0,6.0,-74.0,500000,,\r\n") != NULL,
	   "targets CSV: Xã A, every gap");
	ok(strstr(text, "\r\nND,Xã B,1,1,0,,4,,,10.0,,,,\r\n") != NULL,
	   "Xã B: B1's admissions target, no other");
	ok(strstr(text, "\r\nND,Total,4,3,-1,8,15,7,,7.9,,500000,,\r\n") != NULL,
	   "the total: the communes' targets summed, no rate target");
	free(text);
	report_gather_free(&r);

	struct report_opts o = { .org = "ND", .year = 2024 };
	struct err e;
	err_clear(&e);
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc = report_write(f, S, RK_GATHERING, &o, REPORT_TEXT, 80, &e);
	rc |= report_write(f, S, RK_TARGETS, &o, REPORT_CSV, 80, &e);
	fclose(f);
	ok(rc == 0 && strncmp(text, "Gathering rate of hội viên", 26) == 0 &&
	   strstr(text, "Admissions target") != NULL, "report_write: RK_GATHERING, RK_TARGETS");
	free(text);
	o.year = 1800;
	f = open_memstream(&text, &len);
	is_int(report_write(f, S, RK_GATHERING, &o, REPORT_TEXT, 80, &e), -ERR_USAGE,
	       "--year 1800: %s", e.msg);
	fclose(f);
	free(text);
}

struct put {
	struct target tg;
	int rc;
};

static int put_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct put *p = ctx;
	return p->rc = target_put(s, t, &p->tg, e);
}

static int get_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct put *p = ctx;
	uint64_t unit_id = p->tg.unit_id;
	int year = (int)p->tg.year;
	return target_get(s, t, unit_id, year, &p->tg, e);
}

static void test_api(const struct world *w)
{
	struct err e;
	err_clear(&e);
	struct put p = { 0 };
	p.tg.unit_id = w->xa_a;
	p.tg.year = 2024;
	is_int(store_read(S, get_fn, &p, &e), 0, "target_get: Xã A, 2024");
	ok(p.tg.m.id == w->target_a && p.tg.population == 100 && p.tg.rate == 800 &&
	   p.tg.dues == 500000, "its figures");
	p.tg.population = 120;
	is_int(store_write(S, put_fn, &p, &e), 0, "target_put: an update");
	struct put q = { 0 };
	q.tg.unit_id = w->xa_a;
	q.tg.year = 2024;
	store_read(S, get_fn, &q, &e);
	ok(q.tg.population == 120 && q.tg.m.version == 2 && q.tg.admissions == 3,
	   "saved: version 2, the other figures kept");
	is_int(store_write(S, put_fn, &p, &e), -ERR_CONFLICT, "saving the old version again: %s",
	       e.msg);
	rec_clear(&REC_DEF_TARGET, &q.tg);

	rec_clear(&REC_DEF_TARGET, &p.tg);
	memset(&p, 0, sizeof p);
	p.tg.unit_id = w->xa_a;
	p.tg.year = 2024;
	p.tg.population = 5;
	is_int(store_write(S, put_fn, &p, &e), -ERR_EXISTS, "a second record for Xã A, 2024: %s",
	       e.msg);
	p.tg.unit_id = w->b2;
	p.tg.year = 2022;
	is_int(store_read(S, get_fn, &p, &e), -ERR_NOTFOUND, "target_get: none for B2 in 2022");
	ok(p.tg.unit_id == w->b2 && p.tg.year == 2022 && p.tg.m.id == 0 && p.tg.population == 0,
	   "out is ready to fill");
	p.tg.population = -1;
	is_int(store_write(S, put_fn, &p, &e), -ERR_INVAL, "a negative figure: %s", e.msg);
	p.tg.population = 0;
	p.tg.rate = 1001;
	is_int(store_write(S, put_fn, &p, &e), -ERR_INVAL, "a rate over 100 %%: %s", e.msg);
	p.tg.rate = 0;
	p.tg.year = 1899;
	is_int(store_write(S, put_fn, &p, &e), -ERR_INVAL, "year 1899: %s", e.msg);
	p.tg.year = 2022;
	p.tg.unit_id = 9999;
	is_int(store_write(S, put_fn, &p, &e), -ERR_NOTFOUND, "no such unit: %s", e.msg);
	rec_clear(&REC_DEF_TARGET, &p.tg);

	int64_t v = 0;
	char buf[24];
	ok(target_rate_parse("75.5", &v) == 0 && v == 755, "rate 75.5");
	ok(target_rate_parse("75,5%", &v) == 0 && v == 755, "rate 75,5%%");
	ok(target_rate_parse("100", &v) == 0 && v == 1000, "rate 100");
	ok(target_rate_parse("0", &v) == 0 && v == 0, "rate 0");
	ok(target_rate_parse("100.1", &v) < 0 && target_rate_parse("75.55", &v) < 0 &&
	   target_rate_parse("abc", &v) < 0 && target_rate_parse("", &v) < 0 &&
	   target_rate_parse("-5", &v) < 0 && target_rate_parse("7.", &v) < 0,
	   "bad rates refused");
	is_str(target_rate_format(755, buf), "75.5", "format 755");
	is_str(target_rate_format(-5, buf), "-0.5", "format -5");

	ok(area_tag_by_name("ethnic") && area_tag_by_name("ethnic")->bit == AREA_ETHNIC &&
	   area_tag_by_name("nonstate")->bit == AREA_NONSTATE && !area_tag_by_name("Ethnic"),
	   "area tags by their stable names");
	struct buf b = BUF_INIT;
	area_tags_text(AREA_ETHNIC | AREA_NONSTATE, &b);
	is_str(buf_str(&b), "ethnic-minority area, non-state enterprise", "area_tags_text");
	buf_reset(&b);
	area_tags_letters(AREA_ETHNIC | AREA_RELIGIOUS, &b);
	is_str(buf_str(&b), "E R", "area_tags_letters");
	buf_free(&b);
}

int main(void)
{
	char dir[] = "/tmp/hv-gather-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	S = test_open_store(dir, "t");
	if (!S)
		return 1;
	struct world w;
	memset(&w, 0, sizeof w);
	struct err e;
	err_clear(&e);
	if (!ok(store_write(S, build_fn, &w, &e) == 0, "build the store"))
		diag("%s", e.msg);
	test_gathering(&w);
	test_output();
	test_api(&w);
	is_int(store_check(S, &e), 0, "store consistent");
	store_close(&S);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
