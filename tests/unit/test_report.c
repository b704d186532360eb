/* Unit tests for src/core/report*.c: every figure of stats and overlap on a small store with a
 * known answer; rows adding up to the totals; the date, unit and organization scopes; the
 * organization matrix; the text fitting 80 columns and the CSV.
 *
 * The store (built in a temporary directory): ND's tree is Tỉnh Test > Xã A > Chi hội A1,
 * A2 and Tỉnh Test > Xã B > Chi hội B1; PN, DTN, CCB and MT have a small tree each, CD none.
 * Twelve persons; as of 01/07/2024 ND counts ten of them: P9 left in 2023, P11 joined in
 * August 2024; P10 died in September 2024; P1 moved from B1 to A1 in 2020; P7 joined a
 * second branch (A2) in September 2024; P8 is filed at the province, P12 at no unit. */
#include "tap.h"

#include "core/orgs.h"
#include "core/record.h"
#include "core/report.h"
#include "store/store.h"
#include "store_test.h"
#include "text/width.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <unistd.h>

enum { MT, CD, DTN, PN, ND, CCB, NORG };
static const char *const codes[NORG] = { "MT", "CD", "DTN", "PN", "ND", "CCB" };

struct world {
	uint64_t org[NORG];
	uint64_t prov, xa_a, xa_b, a1, a2, b1;		/* ND */
	uint64_t pn_a, dtn_x, ccb_u, mt_top;
	uint64_t p[13];					/* persons 1..12 */
};

#define LONG_A2 "Chi hội A2 Thôn Đông Bắc Xóm Trại Cây Đa Làng Cũ Ven Sông Hồng Số Hai"

static int unit(struct store *s, struct store_txn *t, uint64_t org, uint64_t parent,
		const char *name, uint64_t *id, struct err *e)
{
	struct unit u = { 0 };
	u.org_id = org;
	u.parent_id = parent;
	u.name = xstrdup(name);
	int rc = store_insert(s, t, REC_UNIT, &u, e);
	*id = u.m.id;
	rec_clear(&REC_DEF_UNIT, &u);
	return rc;
}

struct pdef {
	int sex;
	hv_date birth;
	const char *eth, *rel, *edu, *qual, *theory;
	int party;
	hv_date party_date;
};

static const struct pdef persons[13] = {
	[1] = { SEX_MALE, 19900510, "Kinh", "Không", "12/12", "Đại học", "Sơ cấp", 1, 20150000 },
	[2] = { SEX_FEMALE, 19700000, "Tày", "Phật giáo", "9/12", "", "", 0, 0 },
	[3] = { SEX_FEMALE, 19600101, "Kinh", "Thiên Chúa giáo", "7/10", "Trung cấp", "Trung cấp",
		1, 20250101 },
	[4] = { SEX_MALE, 20000101, "Mường", "", "Lớp 5", "Cao đẳng", "", 0, 0 },
	[5] = { SEX_MALE, 0, "", "Không", "", "Tiến sĩ", "Cử nhân", 1, 0 },
	[6] = { SEX_FEMALE, 19940815, "Kinh", "Không", "Chưa học", "Thạc sĩ", "Cao cấp", 0, 0 },
	[7] = { SEX_MALE, 19500000, "Kinh", "Không", "12/12", "Sơ cấp", "", 0, 0 },
	[8] = { SEX_FEMALE, 19850000, "Kinh", "Không", "12/12", "Đại học", "", 0, 0 },
	[9] = { SEX_MALE, 19800000, "Kinh", "Không", "12/12", "", "", 0, 0 },
	[10] = { SEX_FEMALE, 19750000, "Khmer", "Hòa Hảo", "12/12", "", "", 0, 0 },
	[11] = { SEX_MALE, 19990000, "Kinh", "Không", "12/12", "", "", 0, 0 },
	[12] = { SEX_UNKNOWN, 19950000, "Kinh (Việt)", "Không tôn giáo", "10/12", "ĐH", "CN", 0, 0 },
};

static int person(struct store *s, struct store_txn *t, int i, uint64_t *id, struct err *e)
{
	const struct pdef *d = &persons[i];
	struct person p = { 0 };
	char name[32];
	snprintf(name, sizeof name, "Người Số %d", i);
	p.full_name = xstrdup(name);
	p.sex = d->sex;
	p.birth = d->birth;
	p.ethnicity = xstrdup(d->eth);
	p.religion = xstrdup(d->rel);
	p.education = xstrdup(d->edu);
	p.qualification = xstrdup(d->qual);
	p.theory = xstrdup(d->theory);
	p.party_member = d->party;
	p.party_date = d->party_date;
	int rc = store_insert(s, t, REC_PERSON, &p, e);
	*id = p.m.id;
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

static int member(struct store *s, struct store_txn *t, uint64_t person_id, uint64_t org,
		  uint64_t unit_id, hv_date join, const char *role, int status, hv_date sdate,
		  struct err *e)
{
	struct membership m = { 0 };
	m.person_id = person_id;
	m.org_id = org;
	m.unit_id = unit_id;
	m.join_date = join;
	m.role = xstrdup(role);
	m.status = status;
	m.status_date = sdate;
	int rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return rc;
}

static int build_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct world *w = ctx;
	int rc = 0;
	for (int i = 0; i < NORG && rc == 0; i++) {
		struct org o = { 0 };
		rc = store_org_by_code(s, t, codes[i], &o, e);
		w->org[i] = o.m.id;
		rec_clear(&REC_DEF_ORG, &o);
	}
	uint64_t pn_top, dtn_top, ccb_top;
	if (rc || (rc = unit(s, t, w->org[ND], 0, "Tỉnh Test", &w->prov, e)) ||
	    (rc = unit(s, t, w->org[ND], w->prov, "Xã A", &w->xa_a, e)) ||
	    (rc = unit(s, t, w->org[ND], w->xa_a, "Chi hội A1", &w->a1, e)) ||
	    (rc = unit(s, t, w->org[ND], w->xa_a, LONG_A2, &w->a2, e)) ||
	    (rc = unit(s, t, w->org[ND], w->prov, "Xã B", &w->xa_b, e)) ||
	    (rc = unit(s, t, w->org[ND], w->xa_b, "Chi hội B1", &w->b1, e)) ||
	    (rc = unit(s, t, w->org[PN], 0, "Hội LHPN tỉnh", &pn_top, e)) ||
	    (rc = unit(s, t, w->org[PN], pn_top, "Chi hội PN A", &w->pn_a, e)) ||
	    (rc = unit(s, t, w->org[DTN], 0, "Tỉnh đoàn", &dtn_top, e)) ||
	    (rc = unit(s, t, w->org[DTN], dtn_top, "Chi đoàn X", &w->dtn_x, e)) ||
	    (rc = unit(s, t, w->org[CCB], 0, "Hội CCB tỉnh", &ccb_top, e)) ||
	    (rc = unit(s, t, w->org[CCB], ccb_top, "Chi hội CCB", &w->ccb_u, e)) ||
	    (rc = unit(s, t, w->org[MT], 0, "Ủy ban MTTQ tỉnh", &w->mt_top, e)))
		return rc;
	for (int i = 1; i <= 12 && rc == 0; i++)
		rc = person(s, t, i, &w->p[i], e);
	const hv_date J = 20100101;
	uint64_t nd = w->org[ND], *p = w->p;
	struct {
		uint64_t person, org, unit;
		hv_date join;
		const char *role;
		int status;
		hv_date sdate;
	} ms[] = {
		{ p[1], nd, w->b1, J, "Hội viên", MS_TRANSFERRED, 20200301 },
		{ p[1], nd, w->a1, 20200301, "Chi hội trưởng", MS_ACTIVE, 0 },
		{ p[1], w->org[CCB], w->ccb_u, J, "Hội viên", MS_ACTIVE, 0 },
		{ p[2], nd, w->a1, J, "Hội viên", MS_ACTIVE, 0 },
		{ p[2], w->org[PN], w->pn_a, J, "", MS_ACTIVE, 0 },
		{ p[3], nd, w->a2, J, "Chi hội phó", MS_ACTIVE, 0 },
		{ p[3], w->org[PN], w->pn_a, J, "", MS_ACTIVE, 0 },
		{ p[4], nd, w->xa_a, J, "", MS_ACTIVE, 0 },
		{ p[4], w->org[DTN], w->dtn_x, J, "", MS_ACTIVE, 0 },
		{ p[5], nd, w->b1, J, "UV BCH", MS_ACTIVE, 0 },
		{ p[6], nd, w->b1, J, "Thủ quỹ", MS_ACTIVE, 0 },
		{ p[6], w->org[PN], w->pn_a, J, "", MS_ACTIVE, 0 },
		{ p[6], w->org[DTN], w->dtn_x, J, "", MS_ACTIVE, 0 },
		{ p[7], nd, w->b1, J, "Hội viên", MS_ACTIVE, 0 },
		{ p[7], w->org[CCB], w->ccb_u, J, "", MS_ACTIVE, 0 },
		{ p[7], nd, w->a2, 20240901, "Hội viên", MS_ACTIVE, 0 },
		{ p[8], nd, w->prov, J, "Hội viên", MS_ACTIVE, 0 },
		{ p[8], w->org[PN], w->pn_a, J, "", MS_ACTIVE, 0 },
		{ p[8], w->org[DTN], w->dtn_x, J, "", MS_ACTIVE, 0 },
		{ p[8], w->org[MT], w->mt_top, J, "", MS_ACTIVE, 0 },
		{ p[9], nd, w->a1, J, "Hội viên", MS_LEFT, 20230101 },
		{ p[10], nd, w->a2, J, "", MS_DECEASED, 20240901 },
		{ p[10], w->org[PN], w->pn_a, J, "", MS_ACTIVE, 0 },
		{ p[11], nd, w->b1, 20240801, "Hội viên", MS_ACTIVE, 0 },
		{ p[12], nd, 0, J, "Hội viên", MS_ACTIVE, 0 },
	};
	for (size_t i = 0; i < sizeof ms / sizeof ms[0] && rc == 0; i++)
		rc = member(s, t, ms[i].person, ms[i].org, ms[i].unit, ms[i].join, ms[i].role,
			    ms[i].status, ms[i].sdate, e);
	return rc;
}

static struct store *S;

static int stats(const char *org, const char *unit_path, hv_date as_of, struct report_stats *r)
{
	struct report_opts o = { .org = org, .unit = unit_path, .as_of = as_of };
	struct err e;
	err_clear(&e);
	int rc = report_stats(S, &o, r, &e);
	if (rc)
		diag("report_stats: %s", e.msg);
	return rc;
}

static int overlap(const char *org, const char *unit_path, hv_date as_of,
		   struct report_overlap *r)
{
	struct report_opts o = { .org = org, .unit = unit_path, .as_of = as_of };
	struct err e;
	err_clear(&e);
	int rc = report_overlap(S, &o, r, &e);
	if (rc)
		diag("report_overlap: %s", e.msg);
	return rc;
}

/* Every column of the rows adds up to the total; in every row each group from the age bands on
 * adds up to its members. */
static void check_sums(const struct stats_table *tb, const char *what)
{
	bool sums = true, groups = true;
	for (int c = 0; c < SC__COUNT; c++) {
		uint64_t sum = 0;
		for (size_t k = 0; k < tb->nrows; k++)
			sum += tb->rows[k].v[c];
		if (sum != tb->total.v[c]) {
			diag("%s: column %d: rows add up to %llu, total %llu", what, c,
			     (unsigned long long)sum, (unsigned long long)tb->total.v[c]);
			sums = false;
		}
	}
	static const int groups_of[][2] = {
		{ SC_AGE_30, SC_AGE_UNKNOWN }, { SC_EDU_12, SC_EDU_UNKNOWN },
		{ SC_QUAL_PHD, SC_QUAL_OTHER }, { SC_THEORY_DEGREE, SC_THEORY_NONE },
		{ SC_ROLE_HEAD, SC_ROLE_NONE },
	};
	for (size_t k = 0; k <= tb->nrows; k++) {
		const struct stats_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
		for (size_t g = 0; g < sizeof groups_of / sizeof groups_of[0]; g++) {
			uint64_t sum = 0;
			for (int c = groups_of[g][0]; c <= groups_of[g][1]; c++)
				sum += row->v[c];
			if (sum != row->v[SC_MEMBERS]) {
				diag("%s: row %zu, group %zu: %llu of %llu members", what, k, g,
				     (unsigned long long)sum, (unsigned long long)row->v[SC_MEMBERS]);
				groups = false;
			}
		}
	}
	ok(sums, "%s: every column of the rows adds up to the total", what);
	ok(groups, "%s: in every row, each group adds up to the members", what);
}

static void is_row(const struct stats_table *tb, size_t k, enum report_row_kind kind,
		   const char *label, uint64_t members, const char *what)
{
	if (k >= tb->nrows) {
		ok(0, "%s: row %zu exists", what, k);
		return;
	}
	ok(tb->rows[k].kind == kind && strcmp(tb->rows[k].label, label) == 0 &&
	   tb->rows[k].v[SC_MEMBERS] == members,
	   "%s: row %zu is %s with %llu members", what, k, label, (unsigned long long)members);
	if (tb->rows[k].v[SC_MEMBERS] != members || strcmp(tb->rows[k].label, label) != 0)
		diag("got %s, %llu members", tb->rows[k].label,
		     (unsigned long long)tb->rows[k].v[SC_MEMBERS]);
}

static void test_stats(const struct world *w)
{
	struct report_stats r;
	is_int(stats("ND", NULL, 20240701, &r), 0, "stats --org ND as of 01/07/2024");
	is_int(r.ntables, 1, "one organization");
	const struct stats_table *tb = &r.tables[0];
	is_str(tb->code, "ND", "ND's table");
	is_str(tb->word, "hội viên", "its word for a member");
	is_str(tb->scope, "Tỉnh Test", "a single top: its children are the rows");
	is_int(tb->nrows, 4, "Xã A, Xã B, the province itself, no unit");
	is_row(tb, 0, REPORT_ROW_UNIT, "Xã A", 5, "ND");
	ok(tb->rows[0].unit_id == w->xa_a, "the row names its unit");
	is_row(tb, 1, REPORT_ROW_UNIT, "Xã B", 3, "ND");
	is_row(tb, 2, REPORT_ROW_DIRECT, "Tỉnh Test", 1, "ND");
	is_row(tb, 3, REPORT_ROW_NONE, "", 1, "ND");
	static const uint64_t want[SC__COUNT] = {
		[SC_MEMBERS] = 10, [SC_MALE] = 4, [SC_FEMALE] = 5, [SC_PARTY] = 2, [SC_ETHNIC] = 3,
		[SC_RELIGIOUS] = 3,
		[SC_AGE_30] = 3, [SC_AGE_45] = 2, [SC_AGE_60] = 2, [SC_AGE_OVER] = 2,
		[SC_AGE_UNKNOWN] = 1,
		[SC_EDU_12] = 4, [SC_EDU_9] = 3, [SC_EDU_1] = 1, [SC_EDU_0] = 1, [SC_EDU_UNKNOWN] = 1,
		[SC_QUAL_PHD] = 1, [SC_QUAL_MASTER] = 1, [SC_QUAL_BACHELOR] = 3, [SC_QUAL_COLLEGE] = 1,
		[SC_QUAL_VOCATIONAL] = 1, [SC_QUAL_OTHER] = 3,
		[SC_THEORY_DEGREE] = 2, [SC_THEORY_HIGH] = 1, [SC_THEORY_MID] = 1,
		[SC_THEORY_BASIC] = 1, [SC_THEORY_NONE] = 5,
		[SC_ROLE_HEAD] = 1, [SC_ROLE_DEPUTY] = 1, [SC_ROLE_COMMITTEE] = 1, [SC_ROLE_OTHER] = 1,
		[SC_ROLE_NONE] = 6,
	};
	for (int c = 0; c < SC__COUNT; c++)
		is_int(tb->total.v[c], want[c], "ND total, column %d", c);
	/* Xã A: P1 (M, 34, party), P2 (F, Tày, Phật giáo), P3 (F, Công giáo, party only in 2025),
	 * P4 (M, Mường, 24), P10 (F, Khmer, Hòa Hảo). */
	const uint64_t *a = tb->rows[0].v;
	ok(a[SC_MALE] == 2 && a[SC_FEMALE] == 3 && a[SC_PARTY] == 1 && a[SC_ETHNIC] == 3 &&
	   a[SC_RELIGIOUS] == 3, "Xã A: 2 men, 3 women, 1 party member, 3 minority, 3 religious");
	ok(a[SC_AGE_30] == 1 && a[SC_AGE_45] == 1 && a[SC_AGE_60] == 2 && a[SC_AGE_OVER] == 1,
	   "Xã A: ages 24, 34, 54 and 49, 64");
	check_sums(tb, "ND 01/07/2024");
	report_stats_free(&r);

	is_int(stats("ND", "Xã A", 20240701, &r), 0, "stats --org ND --unit 'Xã A'");
	tb = &r.tables[0];
	is_str(tb->scope, "Tỉnh Test / Xã A", "the scope is Xã A's path");
	is_int(tb->nrows, 3, "A1, A2 and Xã A itself; no row for memberships outside");
	is_row(tb, 0, REPORT_ROW_UNIT, "Chi hội A1", 2, "Xã A");
	is_row(tb, 1, REPORT_ROW_UNIT, LONG_A2, 2, "Xã A");
	is_row(tb, 2, REPORT_ROW_DIRECT, "Xã A", 1, "Xã A");
	is_int(tb->total.v[SC_MEMBERS], 5, "Xã A has 5 members");
	is_int(tb->total.v[SC_ROLE_HEAD] + tb->total.v[SC_ROLE_DEPUTY], 2,
	       "its head (A1) and deputy (A2)");
	check_sums(tb, "Xã A");
	report_stats_free(&r);

	is_int(stats("Hội Nông dân", "Tỉnh Test / Xã B / Chi hội B1", 20240701, &r), 0,
	       "a branch, the organization by name");
	tb = &r.tables[0];
	is_int(tb->nrows, 1, "a branch has only itself as a row");
	is_row(tb, 0, REPORT_ROW_DIRECT, "Chi hội B1", 3, "B1");
	report_stats_free(&r);

	is_int(stats("ND", NULL, 20241001, &r), 0, "as of 01/10/2024");
	tb = &r.tables[0];
	is_row(tb, 0, REPORT_ROW_UNIT, "Xã A", 5, "P10 died, P7 joined A2");
	is_row(tb, 1, REPORT_ROW_UNIT, "Xã B", 4, "P11 joined B1");
	is_int(tb->total.v[SC_MEMBERS], 11, "11 memberships (P7 has two)");
	is_int(tb->total.v[SC_PARTY], 2, "P3 is not yet a party member");
	check_sums(tb, "ND 01/10/2024");
	report_stats_free(&r);

	is_int(stats("ND", NULL, 20190101, &r), 0, "as of 01/01/2019");
	tb = &r.tables[0];
	is_row(tb, 0, REPORT_ROW_UNIT, "Xã A", 5, "P9 had not left, P1 not yet moved in");
	is_row(tb, 1, REPORT_ROW_UNIT, "Xã B", 4, "P1 still in B1");
	is_int(tb->total.v[SC_AGE_30], 4, "ages at that date: P4 (19), P6 (24), P12 (24), P1 (28)");
	check_sums(tb, "ND 01/01/2019");
	report_stats_free(&r);

	is_int(stats("ND", NULL, 20230101, &r), 0, "as of the day P9 left");
	is_int(r.tables[0].rows[0].v[SC_MEMBERS], 5, "a status changed on the date counts as changed");
	report_stats_free(&r);

	is_int(stats(NULL, NULL, 20240701, &r), 0, "stats of every organization");
	is_int(r.ntables, NORG, "one table per organization");
	uint64_t want_total[NORG] = { [MT] = 1, [CD] = 0, [DTN] = 3, [PN] = 5, [ND] = 10, [CCB] = 2 };
	for (int i = 0; i < NORG; i++) {
		is_str(r.tables[i].code, codes[i], "table %d", i);
		is_int(r.tables[i].total.v[SC_MEMBERS], want_total[i], "%s members", codes[i]);
		check_sums(&r.tables[i], codes[i]);
	}
	is_str(r.tables[CD].word, "đoàn viên công đoàn", "CD's word is qualified");
	is_str(r.tables[DTN].word, "đoàn viên", "DTN's is the record's");
	is_str(r.tables[PN].scope, "Hội LHPN tỉnh", "PN under its single top");
	is_int(r.tables[PN].rows[0].v[SC_FEMALE], 5, "PN: five women");
	report_stats_free(&r);
}

static bool symmetric(const struct report_overlap *r)
{
	for (size_t i = 0; i < r->norgs; i++)
		for (size_t j = 0; j < r->norgs; j++)
			if (r->orgs[i].both[j] != r->orgs[j].both[i])
				return false;
	return true;
}

static uint64_t by_orgs_sum(const struct overlap_row *row)
{
	uint64_t n = 0;
	for (int k = 0; k < REPORT_BY_ORGS; k++)
		n += row->by_orgs[k];
	return n;
}

static void test_overlap(void)
{
	struct report_overlap r;
	is_int(overlap(NULL, NULL, 20240701, &r), 0, "overlap of every organization");
	is_int(r.total.persons, 10, "10 persons (P9 left, P11 not yet in)");
	is_int(r.total.memberships, 21, "hold 21 memberships");
	ok(r.total.by_orgs[0] == 2 && r.total.by_orgs[1] == 6 && r.total.by_orgs[2] == 1 &&
	   r.total.by_orgs[3] == 1, "in 1, 2, 3, 4+ organizations: 2, 6, 1, 1");
	is_int(by_orgs_sum(&r.total), r.total.persons, "1/2/3/4+ add up to the persons");
	is_int(r.norgs, NORG, "six organizations");
	ok(symmetric(&r), "the organization matrix is symmetric");
	uint64_t diag_want[NORG] = { [MT] = 1, [CD] = 0, [DTN] = 3, [PN] = 5, [ND] = 10, [CCB] = 2 };
	bool diag_ok = true, rows_ok = true;
	for (int i = 0; i < NORG; i++) {
		diag_ok &= r.orgs[i].both[i] == diag_want[i] && r.orgs[i].persons == diag_want[i] &&
			   r.total.both[i] == diag_want[i];
		rows_ok &= by_orgs_sum(&r.orgs[i]) == r.orgs[i].persons;
	}
	ok(diag_ok, "its diagonal is each organization's persons");
	ok(rows_ok, "in each organization's row, 1/2/3/4+ add up to its persons");
	ok(r.orgs[ND].both[PN] == 5 && r.orgs[ND].both[DTN] == 3 && r.orgs[ND].both[CCB] == 2 &&
	   r.orgs[ND].both[MT] == 1 && r.orgs[PN].both[DTN] == 2 && r.orgs[PN].both[MT] == 1 &&
	   r.orgs[DTN].both[MT] == 1 && r.orgs[PN].both[CCB] == 0 && r.orgs[CD].both[ND] == 0,
	   "pairs: ND-PN 5, ND-DTN 3, ND-CCB 2, ND-MT 1, PN-DTN 2, PN-MT 1, DTN-MT 1");
	is_int(r.orgs[PN].memberships, 13, "PN's persons hold 13 memberships (2+2+3+4+2)");
	is_int(r.orgs[PN].by_orgs[3], 1, "one of them (P8) is in four organizations");
	is_int(r.nunits, 0, "no unit rows without --org");
	report_overlap_free(&r);

	is_int(overlap("ND", NULL, 20241001, &r), 0, "overlap --org ND as of 01/10/2024");
	is_int(r.nunits, 4, "the rows of stats");
	ok(r.units[0].persons == 5 && r.units[1].persons == 4 && r.units[2].persons == 1 &&
	   r.units[3].persons == 1, "Xã A 5, Xã B 4, the province 1, no unit 1");
	is_int(r.total.persons, 10, "P7, in both communes, is one person of the total");
	is_int(r.total.memberships, 21, "their memberships in every organization");
	ok(r.units[0].memberships == 11 && r.units[1].memberships == 8,
	   "Xã A's persons hold 11, Xã B's 8 (P7's three counted in both)");
	ok(r.units[0].both[ND] == 5 && r.units[0].both[PN] == 2 && r.units[0].both[CCB] == 2,
	   "Xã A: 5 in ND, 2 also in PN, 2 in CCB");
	is_int(r.units[1].by_orgs[0], 2, "Xã B: P5 and P11 are in ND only");
	is_int(by_orgs_sum(&r.total), 10, "1/2/3/4+ add up to the persons");
	is_int(r.orgs[PN].persons, 4, "PN persons among ND's (P10's ND membership ended)");
	ok(symmetric(&r), "the matrix is symmetric");
	is_int(r.orgs[ND].both[ND], r.total.persons, "ND's diagonal is every person of the scope");
	report_overlap_free(&r);

	is_int(overlap("ND", "Xã A", 20240701, &r), 0, "overlap --org ND --unit 'Xã A'");
	ok(r.nunits == 3 && r.units[0].persons == 2 && r.units[1].persons == 2 &&
	   r.units[2].persons == 1, "A1 2, A2 2, Xã A itself 1");
	is_int(r.total.persons, 5, "5 persons");
	is_str(r.scope, "Tỉnh Test / Xã A", "the scope's path");
	report_overlap_free(&r);
}

static void test_errors(void)
{
	struct report_opts o = { .org = "XYZ" };
	struct report_stats r;
	struct report_overlap ov;
	struct err e;
	err_clear(&e);
	is_int(report_stats(S, &o, &r, &e), -ERR_USAGE, "an unknown organization: %s", e.msg);
	o = (struct report_opts){ .unit = "Xã A" };
	is_int(report_overlap(S, &o, &ov, &e), -ERR_USAGE, "--unit without --org: %s", e.msg);
	o = (struct report_opts){ .org = "ND", .unit = "Xã Z" };
	is_int(report_stats(S, &o, &r, &e), -ERR_USAGE, "an unknown unit: %s", e.msg);
	o = (struct report_opts){ .org = "PN", .unit = "Xã A" };
	is_int(report_stats(S, &o, &r, &e), -ERR_USAGE, "a unit of another organization's tree");
}

/* Every line fits width columns; returns the widest. */
static int widest(const char *text)
{
	int w = 0;
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		int lw = vn_width(text, n);
		if (lw > w)
			w = lw;
		text += n + (nl != NULL);
	}
	return w;
}

static int lines(const char *text)
{
	int n = 0;
	for (; *text; text++)
		n += *text == '\n';
	return n;
}

static void test_output(void)
{
	struct report_stats r;
	struct report_overlap ov;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	stats(NULL, NULL, 20240701, &r);
	report_stats_write(f, &r, REPORT_TEXT, 80);
	overlap("ND", NULL, 20240701, &ov);
	report_overlap_write(f, &ov, REPORT_TEXT, 80);
	fclose(f);
	ok(widest(text) <= 80, "every line of the text fits 80 columns (widest: %d)", widest(text));
	ok(strstr(text, "Statistics of đoàn viên công đoàn") == NULL,
	   "an organization without units or members is left out of the text");
	ok(strstr(text, "the duplicates report") != NULL, "overlap points to the duplicates");
	free(text);

	f = open_memstream(&text, &len);
	report_stats_free(&r);
	stats("ND", "Xã A", 20240701, &r);
	report_stats_write(f, &r, REPORT_TEXT, 80);
	fclose(f);
	ok(widest(text) <= 80, "with a long unit name too");
	ok(strstr(text, "Chi hội A2 Thôn Đông Bắc") != NULL && strstr(text, "…") != NULL,
	   "shortened with an ellipsis where it does not fit");
	ok(strstr(text, "Xã A (directly)") != NULL, "the scope unit's own row");
	free(text);

	f = open_memstream(&text, &len);
	report_stats_free(&r);
	stats(NULL, NULL, 20240701, &r);
	report_stats_write(f, &r, REPORT_CSV, 80);
	fclose(f);
	ok(strncmp(text, "\xEF\xBB\xBFOrganization,Unit,Members,Male,Female,", 40) == 0,
	   "CSV: a byte order mark and the header row");
	/* MT 1 + total, CD total, DTN 1 + total, PN 1 + total, ND 4 + total, CCB 1 + total */
	is_int(lines(text), 1 + 2 + 1 + 2 + 2 + 5 + 2, "one line per row shown, and the header");
	ok(strstr(text, "ND,Xã A,5,2,3,1,3,3,") != NULL, "Xã A's row");
	ok(strstr(text, "\r\n") != NULL, "CRLF line ends");
	const char *first_nl = strchr(text, '\n');
	int commas = 0;
	for (const char *p = text; p < first_nl; p++)
		commas += *p == ',';
	is_int(commas, SC__COUNT + 1, "every column in one table");
	free(text);

	f = open_memstream(&text, &len);
	report_overlap_write(f, &ov, REPORT_CSV, 80);
	fclose(f);
	ok(strstr(text, "total,Total,10,21,2,6,1,1,1,0,3,5,10,2\r\n") != NULL,
	   "overlap CSV: the total row");
	ok(strstr(text, "unit,Xã A,5,10,") != NULL, "and Xã A's");
	free(text);
	report_stats_free(&r);
	report_overlap_free(&ov);
}

/* Two records of one woman, in PN and in CCB (no CCCD on either): a probable overlap, shown
 * apart and never counted; a not-a-duplicate decision takes it away. */
struct twins {
	const struct world *w;
	uint64_t a, b;
};

static int twins_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct twins *tw = ctx;
	uint64_t *ids[2] = { &tw->a, &tw->b };
	for (int i = 0; i < 2; i++) {
		struct person p = { 0 };
		p.full_name = xstrdup(i ? "Phạm Thị Thùy Dương" : "Phạm Thị Thuỳ Dương");
		p.sex = SEX_FEMALE;
		p.birth = 19880317;
		p.home_town = xstrdup("Xã Hải Lý, tỉnh Ninh Bình");
		int rc = store_insert(s, t, REC_PERSON, &p, e);
		*ids[i] = p.m.id;
		rec_clear(&REC_DEF_PERSON, &p);
		if (rc)
			return rc;
	}
	int rc = member(s, t, tw->a, tw->w->org[PN], tw->w->pn_a, 20100101, "", MS_ACTIVE, 0, e);
	if (rc == 0)
		rc = member(s, t, tw->b, tw->w->org[CCB], tw->w->ccb_u, 20120101, "", MS_ACTIVE, 0, e);
	return rc;
}

static int notdup_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct twins *tw = ctx;
	struct notdup d = { .person_a = tw->a, .person_b = tw->b };
	int rc = store_insert(s, t, REC_NOTDUP, &d, e);
	rec_clear(&REC_DEF_NOTDUP, &d);
	return rc;
}

static void test_probable(const struct world *w)
{
	struct report_overlap before, r;
	struct report_opts o = { .as_of = 20240701 };
	struct err e;
	err_clear(&e);
	is_int(report_overlap(S, &o, &before, &e), 0, "overlap before the twins");
	struct twins tw = { .w = w };
	if (!ok(store_write(S, twins_fn, &tw, &e) == 0, "two records of one woman, PN and CCB"))
		diag("%s", e.msg);
	o.probable = true;
	is_int(report_overlap(S, &o, &r, &e), 0, "overlap --probable");
	is_int(r.total.persons, before.total.persons + 2, "the two records are two persons above");
	ok(r.probable, "the probable section is there");
	is_int(r.prob_pairs, 1, "one probable pair");
	is_int(r.prob_fewer, 1, "one person fewer if it were one");
	is_int(r.prob_cross, 1, "in different organizations");
	size_t n = r.norgs;
	ok(r.prob_both[PN * n + CCB] == 1 && r.prob_both[CCB * n + PN] == 1,
	   "it would put one person in both PN and CCB");
	uint64_t sum = 0;
	for (size_t i = 0; i < n * n; i++)
		sum += r.prob_both[i];
	is_int(sum, 2, "and nothing else");
	is_int(r.orgs[PN].both[CCB], before.orgs[PN].both[CCB], "the matrix above is unchanged");
	char *mem = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&mem, &len);
	report_overlap_write(f, &r, REPORT_TEXT, 80);
	fclose(f);
	ok(mem && strstr(mem, "Probable overlaps") && strstr(mem, "1 pairs of person records"),
	   "the text says so, apart");
	free(mem);
	report_overlap_free(&r);
	o.probable = false;
	is_int(report_overlap(S, &o, &r, &e), 0, "overlap without --probable");
	ok(!r.probable && r.prob_both == NULL, "no probable section");
	report_overlap_free(&r);

	if (!ok(store_write(S, notdup_fn, &tw, &e) == 0, "decided: not one person"))
		diag("%s", e.msg);
	o.probable = true;
	is_int(report_overlap(S, &o, &r, &e), 0, "overlap --probable again");
	is_int(r.prob_pairs, 0, "the pair is no longer proposed");
	report_overlap_free(&r);
	report_overlap_free(&before);
}

int main(void)
{
	char dir[] = "/tmp/hv-report-XXXXXX";
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
	test_stats(&w);
	test_overlap();
	test_errors();
	test_output();
	test_probable(&w);
	is_int(store_check(S, &e), 0, "store consistent");
	store_close(&S);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
