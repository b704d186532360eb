/* Unit tests for src/core/report_phantom*.c: each test of a real member on crafted persons and
 * units, every figure of the tables, rows adding up to the totals, the list of those who fail
 * (its order, units and reasons, however it is read in groups), the months from the option or
 * the settings file, and the text and CSV.
 *
 * The store: ND's tree is Tỉnh T > Xã A > Chi hội A1, A2; Tỉnh T > Xã B > Chi hội B1;
 * Tỉnh T > Xã C (a commune without branches: a branch by the rule).  PN: Hội LHPN tỉnh >
 * Chi hội PN.  As of 01/07/2024:
 *   ND Xã A:  P1 An (A1, passes), P2 Bình (A1, no CCCD but verified: passes), P3 Cường (A1, no
 *             CCCD: 1), P4 "Hoa" (A2, one word: 2), P5 "Nguyen Van 123" (A2, digits: 2), P9 Ksor
 *             H'Nhi (A2, passes), P10 Giang (filed at Xã A, which has branches: 3);
 *             P13 Lan (A1) left in 2023 and is not counted;
 *   ND Xã B:  P6 "Chưa rõ" (B1, no CCCD and a placeholder: 1 2), P7 Dung (B1, a CCCD of 5
 *             digits: 1), P8 "nguyễn văn em" (B1, capitals: 2);
 *   ND Xã C:  P15 Minh, passes;
 *   ND Tỉnh T itself: P12 Khoa (3); not in ND's tree: P11 Hạnh (no unit: 3), P16 Nam (filed
 *             at PN's branch: 3);
 *   PN:       P2 Bình and P3 Cường (Chi hội PN: passes, 1), P7 Dung (at the top: 1 3). */
#include "tap.h"

#include "core/record.h"
#include "core/report.h"
#include "core/report_priv.h"
#include "store/store.h"
#include "store_test.h"
#include "text/name.h"
#include "text/width.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <unistd.h>

struct world {
	uint64_t nd, pn;
	uint64_t prov, xa_a, a1, a2, xa_b, b1, xa_c, pn_top, pn_a;
	uint64_t p[17];
};

static const struct pdef {
	const char *name, *cccd;
	int verified;
	hv_date birth;
} persons[17] = {
	[1] = { "Nguyễn Văn An", "001090012345", 0, 19900510 },
	[2] = { "Trần Thị Bình", "", 1, 19700000 },
	[3] = { "Lê Văn Cường", "", 0, 19800101 },
	[4] = { "Hoa", "123456789", 0, 19850000 },
	[5] = { "Nguyen Van 123", "001085000001", 0, 19850300 },
	[6] = { "Chưa rõ", "", 0, 0 },
	[7] = { "Phạm Thị Dung", "12345", 0, 19750000 },
	[8] = { "nguyễn văn em", "001095000002", 0, 19950000 },
	[9] = { "Ksor H'Nhi", "064199000003", 0, 19990000 },
	[10] = { "Đỗ Văn Giang", "001080000004", 0, 19800000 },
	[11] = { "Hồ Thị Hạnh", "001180000005", 0, 19800000 },
	[12] = { "Vũ Văn Khoa", "001080000006", 0, 19800000 },
	[13] = { "Bùi Thị Lan", "", 0, 19800000 },
	[15] = { "Đinh Văn Minh", "001080000007", 0, 19800000 },
	[16] = { "Lý Văn Nam", "001080000008", 0, 19800000 },
};

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

static int member(struct store *s, struct store_txn *t, uint64_t person, uint64_t org,
		  uint64_t unit_id, int status, hv_date sdate, struct err *e)
{
	struct membership m = { 0 };
	m.person_id = person;
	m.org_id = org;
	m.unit_id = unit_id;
	m.join_date = 20100101;
	m.status = status;
	m.status_date = sdate;
	int rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return rc;
}

static uint64_t org_id(struct store *s, struct store_txn *t, const char *code, struct err *e)
{
	struct org o = { 0 };
	uint64_t id = store_org_by_code(s, t, code, &o, e) == 0 ? o.m.id : 0;
	rec_clear(&REC_DEF_ORG, &o);
	return id;
}

static int build_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct world *w = ctx;
	int rc = 0;
	w->nd = org_id(s, t, "ND", e);
	w->pn = org_id(s, t, "PN", e);
	if (!w->nd || !w->pn || (rc = unit(s, t, w->nd, 0, "Tỉnh T", &w->prov, e)) ||
	    (rc = unit(s, t, w->nd, w->prov, "Xã A", &w->xa_a, e)) ||
	    (rc = unit(s, t, w->nd, w->xa_a, "Chi hội A1", &w->a1, e)) ||
	    (rc = unit(s, t, w->nd, w->xa_a, "Chi hội A2", &w->a2, e)) ||
	    (rc = unit(s, t, w->nd, w->prov, "Xã B", &w->xa_b, e)) ||
	    (rc = unit(s, t, w->nd, w->xa_b, "Chi hội B1", &w->b1, e)) ||
	    (rc = unit(s, t, w->nd, w->prov, "Xã C", &w->xa_c, e)) ||
	    (rc = unit(s, t, w->pn, 0, "Hội LHPN tỉnh", &w->pn_top, e)) ||
	    (rc = unit(s, t, w->pn, w->pn_top, "Chi hội PN", &w->pn_a, e)))
		return w->nd && w->pn ? rc : -ERR_NOTFOUND;
	for (int i = 1; i < 17; i++) {
		if (!persons[i].name)
			continue;
		struct person p = { 0 };
		p.full_name = xstrdup(persons[i].name);
		p.cccd = xstrdup(persons[i].cccd);
		p.verified = persons[i].verified;
		p.birth = persons[i].birth;
		rc = store_insert(s, t, REC_PERSON, &p, e);
		w->p[i] = p.m.id;
		rec_clear(&REC_DEF_PERSON, &p);
		if (rc)
			return rc;
	}
	const uint64_t *p = w->p;
	struct {
		uint64_t person, org, unit;
		int status;
		hv_date sdate;
	} ms[] = {
		{ p[1], w->nd, w->a1, MS_ACTIVE, 0 },
		{ p[2], w->nd, w->a1, MS_ACTIVE, 0 },
		{ p[3], w->nd, w->a1, MS_ACTIVE, 0 },
		{ p[13], w->nd, w->a1, MS_LEFT, 20230501 },
		{ p[4], w->nd, w->a2, MS_ACTIVE, 0 },
		{ p[5], w->nd, w->a2, MS_ACTIVE, 0 },
		{ p[9], w->nd, w->a2, MS_ACTIVE, 0 },
		{ p[10], w->nd, w->xa_a, MS_ACTIVE, 0 },
		{ p[6], w->nd, w->b1, MS_ACTIVE, 0 },
		{ p[7], w->nd, w->b1, MS_ACTIVE, 0 },
		{ p[8], w->nd, w->b1, MS_ACTIVE, 0 },
		{ p[15], w->nd, w->xa_c, MS_ACTIVE, 0 },
		{ p[12], w->nd, w->prov, MS_ACTIVE, 0 },
		{ p[11], w->nd, 0, MS_ACTIVE, 0 },
		{ p[16], w->nd, w->pn_a, MS_ACTIVE, 0 },
		{ p[2], w->pn, w->pn_a, MS_ACTIVE, 0 },
		{ p[3], w->pn, w->pn_a, MS_ACTIVE, 0 },
		{ p[7], w->pn, w->pn_top, MS_ACTIVE, 0 },
	};
	for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++)
		if ((rc = member(s, t, ms[i].person, ms[i].org, ms[i].unit, ms[i].status, ms[i].sdate,
				 e)) != 0)
			return rc;
	return 0;
}

static struct store *S;

static int phantom(const char *org, const char *unit_path, int months, struct report_phantom *r)
{
	struct report_opts o = { .org = org, .unit = unit_path, .as_of = 20240701, .months = months };
	struct err e;
	err_clear(&e);
	int rc = report_phantom(S, &o, r, &e);
	if (rc)
		diag("report_phantom: %s", e.msg);
	return rc;
}

static const struct phantom_table *table(const struct report_phantom *r, const char *code)
{
	for (size_t i = 0; i < r->ntables; i++)
		if (strcmp(r->tables[i].code, code) == 0)
			return &r->tables[i];
	return NULL;
}

/* A row as members, failing 1 2 3 4 5, real. */
static void is_figures(const struct phantom_row *row, const uint64_t want[7], const char *what)
{
	uint64_t got[7] = { row->members, row->fail[0], row->fail[1], row->fail[2], row->fail[3],
			    row->fail[4], row->real };
	bool same = memcmp(got, want, sizeof got) == 0;
	ok(same, "%s: %llu members, failing %llu %llu %llu %llu %llu, %llu real", what,
	   (unsigned long long)want[0], (unsigned long long)want[1], (unsigned long long)want[2],
	   (unsigned long long)want[3], (unsigned long long)want[4], (unsigned long long)want[5],
	   (unsigned long long)want[6]);
	if (!same)
		diag("got %llu, %llu %llu %llu %llu %llu, %llu", (unsigned long long)got[0],
		     (unsigned long long)got[1], (unsigned long long)got[2], (unsigned long long)got[3],
		     (unsigned long long)got[4], (unsigned long long)got[5], (unsigned long long)got[6]);
}

static void check_sums(const struct phantom_table *tb, const char *what)
{
	struct phantom_row sum = { 0 };
	for (size_t k = 0; k < tb->nrows; k++) {
		sum.members += tb->rows[k].members;
		sum.real += tb->rows[k].real;
		for (int t = 0; t < PT__COUNT; t++)
			sum.fail[t] += tb->rows[k].fail[t];
	}
	ok(sum.members == tb->total.members && sum.real == tb->total.real &&
	   memcmp(sum.fail, tb->total.fail, sizeof sum.fail) == 0,
	   "%s: the rows add up to the total", what);
}

static void test_tables(void)
{
	struct report_phantom r;
	if (!ok(phantom(NULL, NULL, 0, &r) == 0, "phantom over every organization"))
		return;
	is_int(r.as_of, 20240701, "as of the date asked");
	is_int(r.with_data, PHANTOM_WITH_DATA, "tests 1-3 have data, 4 and 5 none");
	const struct phantom_table *nd = table(&r, "ND"), *pn = table(&r, "PN");
	if (!ok(nd && pn, "ND and PN have tables"))
		return;
	is_int(nd->nrows, 5, "ND: Xã A, Xã B, Xã C, Tỉnh T directly, not in the tree");
	if (nd->nrows == 5) {
		ok(nd->rows[0].kind == REPORT_ROW_UNIT && strcmp(nd->rows[0].label, "Xã A") == 0 &&
		   nd->rows[3].kind == REPORT_ROW_DIRECT && nd->rows[4].kind == REPORT_ROW_NONE,
		   "ND's rows in order");
		is_figures(&nd->rows[0], (uint64_t[7]){ 7, 1, 2, 1, 0, 0, 3 }, "ND Xã A");
		is_figures(&nd->rows[1], (uint64_t[7]){ 3, 2, 2, 0, 0, 0, 0 }, "ND Xã B");
		is_figures(&nd->rows[2], (uint64_t[7]){ 1, 0, 0, 0, 0, 0, 1 },
			   "ND Xã C, a commune with no branches, is a branch");
		is_figures(&nd->rows[3], (uint64_t[7]){ 1, 0, 0, 1, 0, 0, 0 }, "ND Tỉnh T directly");
		is_figures(&nd->rows[4], (uint64_t[7]){ 2, 0, 0, 2, 0, 0, 0 },
			   "ND: no unit, and a unit of PN's tree");
	}
	is_figures(&nd->total, (uint64_t[7]){ 14, 3, 4, 4, 0, 0, 4 }, "ND total (P13 left in 2023)");
	check_sums(nd, "ND");
	is_int(pn->nrows, 3, "PN: Chi hội PN, Hội LHPN tỉnh directly, not in the tree");
	if (pn->nrows == 3) {
		is_figures(&pn->rows[0], (uint64_t[7]){ 2, 1, 0, 0, 0, 0, 1 }, "PN Chi hội PN");
		is_figures(&pn->rows[1], (uint64_t[7]){ 1, 1, 0, 1, 0, 0, 0 }, "PN at the top");
	}
	is_figures(&pn->total, (uint64_t[7]){ 3, 2, 0, 1, 0, 0, 1 }, "PN total");
	check_sums(pn, "PN");
	bool empty = true;
	for (size_t i = 0; i < r.ntables; i++)
		if (&r.tables[i] != nd && &r.tables[i] != pn)
			empty &= r.tables[i].total.members == 0;
	ok(empty, "the other organizations count nobody");
	is_int(r.nfailing, 12, "12 memberships fail a test");
	report_phantom_free(&r);
	ok(r.tables == NULL && r.list == NULL, "free clears the report");

	/* A unit's subtree: its branches, and itself. */
	if (!ok(phantom("Hội Nông dân", "Xã A", 0, &r) == 0, "phantom --org ND --unit 'Xã A'"))
		return;
	is_int(r.ntables, 1, "one table");
	nd = &r.tables[0];
	is_str(nd->scope, "Tỉnh T / Xã A", "under Xã A");
	is_int(nd->nrows, 3, "A1, A2, Xã A directly");
	if (nd->nrows == 3) {
		is_figures(&nd->rows[0], (uint64_t[7]){ 3, 1, 0, 0, 0, 0, 2 }, "A1: P2 verified passes");
		is_figures(&nd->rows[1], (uint64_t[7]){ 3, 0, 2, 0, 0, 0, 1 }, "A2: Hoa and 123 fail 2");
		is_figures(&nd->rows[2], (uint64_t[7]){ 1, 0, 0, 1, 0, 0, 0 },
			   "Xã A directly: not a branch");
	}
	check_sums(nd, "Xã A");
	is_int(r.nfailing, 4, "4 of them fail");
	report_phantom_free(&r);
}

/* The list, as lines "ORG|unit|name|birth|fails|problem". */
static int collect(const struct phantom_member *m, void *ctx)
{
	struct buf *b = ctx;
	char birth[16];
	buf_printf(b, "%s|%s|%s|%s|%u|%d\n", m->org_code, m->unit_id ? m->unit : "-", m->name,
		   date_format(m->birth, birth), m->fails, m->name_problem);
	return 0;
}

static int stop_at_three(const struct phantom_member *m, void *ctx)
{
	(void)m;
	return ++*(int *)ctx == 3 ? 7 : 0;
}

static void test_list(void)
{
	struct report_phantom r;
	if (!ok(phantom(NULL, NULL, 0, &r) == 0, "phantom, for the list"))
		return;
	enum { F1 = 1 << PT_EXISTS, F2 = 1 << PT_NAME, F3 = 1 << PT_BRANCH };
	struct buf want = BUF_INIT;
	/* PN comes before ND in the store's order; units by row, depth first; names in list order
	 * (given name first: "123" < "Hoa", Dung < em < rõ); no unit last. */
	buf_printf(&want, "PN|Chi hội PN|Lê Văn Cường|01/01/1980|%d|0\n", F1);
	buf_printf(&want, "PN|Hội LHPN tỉnh|Phạm Thị Dung|1975|%d|0\n", F1 | F3);
	buf_printf(&want, "ND|Xã A|Đỗ Văn Giang|1980|%d|0\n", F3);
	buf_printf(&want, "ND|Xã A / Chi hội A1|Lê Văn Cường|01/01/1980|%d|0\n", F1);
	buf_printf(&want, "ND|Xã A / Chi hội A2|Nguyen Van 123|03/1985|%d|%d\n", F2, VN_NAME_DIGIT);
	buf_printf(&want, "ND|Xã A / Chi hội A2|Hoa|1985|%d|%d\n", F2, VN_NAME_ONE_WORD);
	buf_printf(&want, "ND|Xã B / Chi hội B1|Phạm Thị Dung|1975|%d|0\n", F1);
	buf_printf(&want, "ND|Xã B / Chi hội B1|nguyễn văn em|1995|%d|%d\n", F2, VN_NAME_CASE);
	buf_printf(&want, "ND|Xã B / Chi hội B1|Chưa rõ||%d|%d\n", F1 | F2, VN_NAME_PLACEHOLDER);
	buf_printf(&want, "ND|Tỉnh T|Vũ Văn Khoa|1980|%d|0\n", F3);
	buf_printf(&want, "ND|Hội LHPN tỉnh / Chi hội PN|Lý Văn Nam|1980|%d|0\n", F3);
	buf_printf(&want, "ND|-|Hồ Thị Hạnh|1980|%d|0\n", F3);

	struct err e;
	err_clear(&e);
	struct buf got = BUF_INIT;
	is_int(report_phantom_each(S, &r, collect, &got, &e), 0, "report_phantom_each");
	is_str(buf_str(&got), buf_str(&want), "the list: by unit, then in list order");
	/* However it is read: a unit a group, person by person or in one pass. */
	static const struct { size_t group, get; const char *what; } ways[] = {
		{ 1, 0, "a unit a group, read in passes" },
		{ 1, 1000, "a unit a group, read by id" },
		{ 3, 0, "groups of whole units" },
		{ 1000, 0, "one group, one pass" },
	};
	for (size_t i = 0; i < sizeof ways / sizeof *ways; i++) {
		buf_reset(&got);
		int rc = phantom_each_tuned(S, &r, ways[i].group, ways[i].get, collect, &got, &e);
		ok(rc == 0 && strcmp(buf_str(&got), buf_str(&want)) == 0, "the same list: %s",
		   ways[i].what);
	}
	int n = 0;
	is_int(report_phantom_each(S, &r, stop_at_three, &n, &e), 7,
	       "a callback that stops: its value is returned");
	is_int(n, 3, "after the third");
	report_phantom_free(&r);
	buf_free(&got);
	buf_free(&want);
}

static void test_months(const char *dir)
{
	struct report_phantom r;
	is_int(phantom("ND", NULL, 9, &r), 0, "--months 9");
	ok(r.months == 9 && r.months_given, "months from the option");
	report_phantom_free(&r);

	char *conf = path_join(dir, "config");
	setenv("XDG_CONFIG_HOME", conf, 1);
	is_int(phantom("ND", NULL, 0, &r), 0, "no option, no settings file");
	ok(r.months == 6 && !r.months_given, "6 months by default");
	report_phantom_free(&r);
	char *sub = path_join(conf, "hoivien"), *file = path_join(sub, "settings");
	struct err e;
	err_clear(&e);
	path_mkdirs(sub, &e);
	FILE *f = fopen(file, "w");
	fputs("ime = vni\nphantom-months = 3\n", f);
	fclose(f);
	is_int(phantom("ND", NULL, 0, &r), 0, "a settings file");
	ok(r.months == 3 && !r.months_given, "months from the setting phantom-months");
	report_phantom_free(&r);
	is_int(phantom("ND", NULL, 12, &r), 0, "the option over the setting");
	is_int(r.months, 12, "12");
	report_phantom_free(&r);
	unlink(file);
	rmdir(sub);
	rmdir(conf);
	free(file);
	free(sub);
	free(conf);
	unsetenv("XDG_CONFIG_HOME");

	struct report_opts o = { .months = 121 };
	err_clear(&e);
	is_int(report_phantom(S, &o, &r, &e), -ERR_USAGE, "121 months is refused");
	ok(strstr(e.msg, "from 1 to 120") != NULL, "saying the range: %s", e.msg);
	o.months = -1;
	is_int(report_phantom(S, &o, &r, &e), -ERR_USAGE, "and -1");
	o = (struct report_opts){ .org = "XYZ" };
	is_int(report_phantom(S, &o, &r, &e), -ERR_USAGE, "an unknown organization");
}

static char *write_report(bool csv, bool list, const char *org)
{
	char *mem = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&mem, &n);
	struct report_opts o = { .org = org, .as_of = 20240701, .months = 6, .list = list };
	struct err e;
	err_clear(&e);
	int rc = report_write(f, S, RK_PHANTOM, &o, csv ? REPORT_CSV : REPORT_TEXT, 80, &e);
	fclose(f);
	if (rc)
		diag("report_write: %s", e.msg);
	return mem;
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
	char *t = write_report(false, false, "ND");
	ok(t && widest(t) <= 80, "the text fits 80 columns (%d)", t ? widest(t) : -1);
	ok(t && strstr(t, "As of 01/07/2024: 14 hội viên, of whom 4 pass every test with data "),
	   "the total and the real members");
	ok(t && strstr(t, "4 Dues: paid dues in the last 6 months (--months)"),
	   "the months and where they come from");
	ok(t && strstr(t, "tests 4 and 5 have no data"), "says that dues and meetings have no data");
	const char *row = "Xã A                         7    1      2        1 no data no data    3  42.9\n";
	ok(t && strstr(t, row), "Xã A's row, with no data for 4 and 5");
	if (t && !strstr(t, row))
		diag("%s", t);
	ok(t && strstr(t, "\nND: Xã A / Chi hội A2\n"), "a heading for each unit of the list");
	ok(t && strstr(t, "       5  Nguyen Van 123                  03/1985     2 (digits)\n"),
	   "a member of the list: id, name, birth, what fails");
	ok(t && strstr(t, "ND: (no unit, or a unit that does not exist)\n"), "the member with no unit");
	ok(t && strstr(t, "10 memberships fail a test"), "and how many");
	free(t);

	t = write_report(false, true, "ND");
	ok(t && !strstr(t, "Members failing each test") && strstr(t, "10 memberships fail a test"),
	   "--list: the list alone");
	free(t);

	t = write_report(true, false, "PN");
	is_str(t, "\xEF\xBB\xBF" "Organization,Unit,Members,1 No identity,2 Incomplete name,"
	       "3 Not in a branch,4 No dues in the last 6 months,5 No meeting in the last 6 months,"
	       "Real members (pass every test with data),Real members %\r\n"
	       "PN,Chi hội PN,2,1,0,0,no data,no data,1,50.0\r\n"
	       "PN,Hội LHPN tỉnh (directly),1,1,0,1,no data,no data,0,0.0\r\n"
	       "PN,Total,3,2,0,1,no data,no data,1,33.3\r\n", "CSV: the table");
	free(t);
	t = write_report(true, true, "PN");
	is_str(t, "\xEF\xBB\xBF" "Organization,Unit,Person ID,Full name,Birth,1 No identity,"
	       "2 Incomplete name,3 Not in a branch,4 No dues in the last 6 months,"
	       "5 No meeting in the last 6 months,What is wrong with the name\r\n"
	       "PN,Chi hội PN,3,Lê Văn Cường,01/01/1980,x,,,no data,no data,\r\n"
	       "PN,Hội LHPN tỉnh,7,Phạm Thị Dung,1975,x,,x,no data,no data,\r\n",
	       "CSV --list: one failing membership a row");
	free(t);
}

/* A membership whose person record is missing fails 1 and 2, and lists without a name. */
static int orphan_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	const struct world *w = ctx;
	return member(s, t, 9999, w->nd, w->b1, MS_ACTIVE, 0, e);
}

static void test_orphan(const struct world *w)
{
	struct err e;
	err_clear(&e);
	if (!ok(store_write(S, orphan_fn, (void *)w, &e) == 0, "a membership of no person"))
		diag("%s", e.msg);
	struct report_phantom r;
	if (phantom("ND", "Xã B", 0, &r) != 0)
		return;
	is_figures(&r.tables[0].total, (uint64_t[7]){ 4, 3, 3, 0, 0, 0, 0 },
		   "Xã B: it fails 1 and 2");
	struct buf got = BUF_INIT;
	report_phantom_each(S, &r, collect, &got, &e);
	char line[64];
	snprintf(line, sizeof line, "ND|Chi hội B1|||%d|%d\n",
		 1 << PT_EXISTS | 1 << PT_NAME, VN_NAME_EMPTY);
	if (!ok(strncmp(buf_str(&got), line, strlen(line)) == 0, "first in its branch (the path is below --unit), with no name"))
		diag("%s", buf_str(&got));
	buf_free(&got);
	report_phantom_free(&r);
}

int main(void)
{
	char dir[] = "/tmp/hv-phantom-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", dir, 1);		/* no settings file of the user running the tests */
	char *store_dir = path_join(dir, "store");
	S = test_open_store(store_dir, "t");
	if (!S)
		return 1;
	struct world w;
	memset(&w, 0, sizeof w);
	struct err e;
	err_clear(&e);
	if (!ok(store_write(S, build_fn, &w, &e) == 0, "build the store"))
		diag("%s", e.msg);
	test_tables();
	test_list();
	test_months(dir);
	test_output();
	is_int(store_check(S, &e), 0, "store consistent");
	test_orphan(&w);
	store_close(&S);
	free(store_dir);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
