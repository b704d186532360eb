/* Unit tests for src/core/report_move.c: every figure of the movement report on a small store
 * with a known answer; start + in - out = end in every row and the total, and the rows
 * adding up to the total; the period (default, --from, partial dates); records that break
 * the sum refusing their row and the total, and named; the text and the CSV.
 *
 * ND's tree: Tỉnh T > Xã A > Chi hội A1, A2; Tỉnh T > Xã B > Chi hội B1; PN has one branch.
 * The period is 2024.  Xã A: P1 stays; P2 is admitted and P3 transferred in; P4 (joined in a
 * year-only 2015) leaves, P5 moves to B1, P6 dies (a month-only date), P7 is suspended on
 * the period's last day; P8 joins in 2025.  Xã B: P5 arrives; P9 left in 2023; P10 joins in a
 * year-only 2024; P11 joins and leaves; P12's join date is unknown; P13 is filed at Xã B
 * itself.  P14, at the province itself, dies; P15 joins with no unit.
 *     Xã A  5 + 1 + 1 - 1 - 1 - 1 - 1 = 3
 *     Xã B  2 + 2 + 1 - 0 - 1 - 0 - 0 = 4
 *     Tỉnh T (directly) 1 - 1 = 0; no unit 0 + 1 = 1; total 8 + 4 + 2 - 1 - 2 - 2 - 1 = 8 */
#include "tap.h"

#include "core/record.h"
#include "core/report.h"
#include "core/report_move.h"
#include "store/store.h"
#include "store_test.h"
#include "text/width.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <unistd.h>

struct world {
	uint64_t nd, pn;
	uint64_t prov, xa_a, xa_b, a1, a2, b1, pn_u;
	uint64_t p[21];		/* persons 1..20 */
	uint64_t bad[5];	/* the faulty memberships, in the order added */
};

static struct store *S;

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

static int person(struct store *s, struct store_txn *t, int i, uint64_t *id, struct err *e)
{
	struct person p = { 0 };
	char name[32];
	snprintf(name, sizeof name, "Người Số %d", i);
	p.full_name = xstrdup(name);
	int rc = store_insert(s, t, REC_PERSON, &p, e);
	*id = p.m.id;
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

struct mdef {
	int person;
	uint64_t *unit;
	hv_date join;
	int transferred_in;
	int status;
	hv_date sdate;
	const char *reason;
};

static int member(struct store *s, struct store_txn *t, uint64_t org, const struct world *w,
		  const struct mdef *d, uint64_t *id, struct err *e)
{
	struct membership m = { 0 };
	m.person_id = w->p[d->person];
	m.org_id = org;
	m.unit_id = d->unit ? *d->unit : 0;
	m.join_date = d->join;
	m.transferred_in = d->transferred_in;
	m.status = d->status;
	m.status_date = d->sdate;
	m.status_reason = xstrdup(d->reason ? d->reason : "");
	int rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
	if (id)
		*id = m.m.id;
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return rc;
}

static int build_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct world *w = ctx;
	struct org o = { 0 };
	int rc = store_org_by_code(s, t, "ND", &o, e);
	w->nd = o.m.id;
	if (rc == 0)
		rc = store_org_by_code(s, t, "PN", &o, e);
	w->pn = o.m.id;
	rec_clear(&REC_DEF_ORG, &o);
	uint64_t pn_top;
	if (rc || (rc = unit(s, t, w->nd, 0, "Tỉnh T", &w->prov, e)) ||
	    (rc = unit(s, t, w->nd, w->prov, "Xã A", &w->xa_a, e)) ||
	    (rc = unit(s, t, w->nd, w->xa_a, "Chi hội A1", &w->a1, e)) ||
	    (rc = unit(s, t, w->nd, w->xa_a, "Chi hội A2", &w->a2, e)) ||
	    (rc = unit(s, t, w->nd, w->prov, "Xã B", &w->xa_b, e)) ||
	    (rc = unit(s, t, w->nd, w->xa_b, "Chi hội B1", &w->b1, e)) ||
	    (rc = unit(s, t, w->pn, 0, "Hội LHPN tỉnh", &pn_top, e)) ||
	    (rc = unit(s, t, w->pn, pn_top, "Chi hội PN", &w->pn_u, e)))
		return rc;
	for (int i = 1; i <= 20 && rc == 0; i++)
		rc = person(s, t, i, &w->p[i], e);
	const struct mdef ms[] = {
		{ 1, &w->a1, 20100101, 0, MS_ACTIVE, 0, NULL },
		{ 2, &w->a1, 20240315, 0, MS_ACTIVE, 0, NULL },
		{ 3, &w->a1, 20240601, 1, MS_ACTIVE, 0, NULL },
		{ 4, &w->a1, 20150000, 0, MS_LEFT, 20240510, "Chuyển nơi cư trú" },
		{ 5, &w->a2, 20120101, 0, MS_TRANSFERRED, 20240201, "Sang B1" },
		{ 6, &w->a2, 20000101, 0, MS_DECEASED, 20240900, "Ốm" },
		{ 7, &w->a2, 20050101, 0, MS_SUSPENDED, 20241231, "Đi làm ăn xa" },
		{ 8, &w->a2, 20250105, 0, MS_ACTIVE, 0, NULL },
		{ 5, &w->b1, 20240201, 1, MS_ACTIVE, 0, NULL },
		{ 9, &w->b1, 20100101, 0, MS_LEFT, 20230601, "Xin ra" },
		{ 10, &w->b1, 20240000, 0, MS_ACTIVE, 0, NULL },
		{ 11, &w->b1, 20240701, 0, MS_LEFT, 20241101, "  Xin   ra " },
		{ 12, &w->b1, 0, 0, MS_ACTIVE, 0, NULL },
		{ 13, &w->xa_b, 20200101, 0, MS_ACTIVE, 0, NULL },
		{ 14, &w->prov, 20190101, 0, MS_DECEASED, 20240404, "" },
		{ 15, NULL, 20240808, 0, MS_ACTIVE, 0, NULL },
	};
	for (size_t i = 0; i < sizeof ms / sizeof ms[0] && rc == 0; i++)
		rc = member(s, t, w->nd, w, &ms[i], NULL, e);
	const struct mdef pn = { 2, &w->pn_u, 20240101, 0, MS_ACTIVE, 0, NULL };
	if (rc == 0)
		rc = member(s, t, w->pn, w, &pn, NULL, e);
	return rc;
}

/* Records whose dates break the sum: a status before its join, one with no date, a join after
 * its status, an unknown status; and one broken outside the period, which breaks nothing. */
static int break_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct world *w = ctx;
	const struct mdef ms[] = {
		{ 16, &w->b1, 20240501, 0, MS_LEFT, 20240301, "Xin ra" },
		{ 17, &w->a1, 20240202, 0, MS_LEFT, 0, NULL },
		{ 18, &w->a2, 20241010, 0, MS_DECEASED, 20230505, NULL },
		{ 19, &w->a2, 20190101, 0, MS_LEFT, 20180101, NULL },
		{ 20, &w->b1, 20100101, 0, 7, 20240606, NULL },
	};
	int rc = 0;
	for (size_t i = 0; i < 5 && rc == 0; i++)
		rc = member(s, t, w->nd, w, &ms[i], &w->bad[i], e);
	return rc;
}

static int movement(const char *org, const char *unit_path, hv_date from, hv_date to,
		    struct report_movement *r)
{
	struct report_opts o = { .org = org, .unit = unit_path, .from = from, .as_of = to };
	struct err e;
	err_clear(&e);
	int rc = report_movement(S, &o, r, &e);
	if (rc)
		diag("report_movement: %s", e.msg);
	return rc;
}

/* Whether a line starting with prefix holds s. */
static bool line_with(const char *text, const char *prefix, const char *s)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);
		bool hit = strncmp(line, prefix, strlen(prefix)) == 0 && strstr(line, s);
		free(line);
		if (hit)
			return true;
		p += n + (nl != NULL);
	}
	return false;
}

static bool balances(const struct move_row *row)
{
	const uint64_t *v = row->v;
	return v[MV_START] + v[MV_ADMITTED] + v[MV_TRANSFER_IN] - v[MV_TRANSFER_OUT] - v[MV_LEFT] -
	       v[MV_DECEASED] - v[MV_SUSPENDED] == v[MV_END];
}

/* Every row that reconciles balances, and the rows add up to the total column by column. */
static void check_sums(const struct move_table *tb, const char *what)
{
	bool bal = balances(&tb->total) || !tb->total.reconciles, sums = true;
	for (size_t k = 0; k < tb->nrows; k++)
		if (tb->rows[k].reconciles && !balances(&tb->rows[k])) {
			diag("%s: row %zu does not balance", what, k);
			bal = false;
		}
	for (int c = 0; c < MV__COUNT; c++) {
		uint64_t sum = 0;
		for (size_t k = 0; k < tb->nrows; k++)
			sum += tb->rows[k].v[c];
		if (sum != tb->total.v[c]) {
			diag("%s: column %d: rows %llu, total %llu", what, c, (unsigned long long)sum,
			     (unsigned long long)tb->total.v[c]);
			sums = false;
		}
	}
	ok(bal, "%s: start + in - out = end in every row and the total", what);
	ok(sums, "%s: the rows add up to the total", what);
}

static void is_row(const struct move_row *row, const char *label, const uint64_t want[MV__COUNT],
		   const char *what)
{
	bool same = strcmp(row->label, label) == 0 && row->reconciles && row->faults == 0;
	for (int c = 0; c < MV__COUNT; c++)
		same &= row->v[c] == want[c];
	ok(same, "%s: %s %llu + %llu + %llu - %llu - %llu - %llu - %llu = %llu", what,
	   *label ? label : "(row)", (unsigned long long)want[0], (unsigned long long)want[1],
	   (unsigned long long)want[2], (unsigned long long)want[3], (unsigned long long)want[4],
	   (unsigned long long)want[5], (unsigned long long)want[6], (unsigned long long)want[7]);
	if (!same) {
		diag("got %s reconciles=%d faults=%llu:", row->label, row->reconciles,
		     (unsigned long long)row->faults);
		for (int c = 0; c < MV__COUNT; c++)
			diag("  col %d: %llu", c, (unsigned long long)row->v[c]);
	}
}

static void test_figures(void)
{
	struct report_movement r;
	is_int(movement("ND", NULL, 0, 20241231, &r), 0, "movement --org ND, 2024");
	is_int(r.from, 20240101, "the period starts on 1 January of --as-of's year by default");
	is_int(r.to, 20241231, "and ends on --as-of");
	is_int(r.ntables, 1, "one organization");
	const struct move_table *tb = &r.tables[0];
	is_str(tb->scope, "Tỉnh T", "a single top: its children are the rows");
	is_int(tb->nrows, 4, "Xã A, Xã B, the province itself, no unit");
	is_row(&tb->rows[0], "Xã A", (uint64_t[]){ 5, 1, 1, 1, 1, 1, 1, 3 }, "ND");
	is_row(&tb->rows[1], "Xã B", (uint64_t[]){ 2, 2, 1, 0, 1, 0, 0, 4 }, "ND");
	is_row(&tb->rows[2], "Tỉnh T", (uint64_t[]){ 1, 0, 0, 0, 0, 1, 0, 0 }, "ND");
	ok(tb->rows[2].kind == REPORT_ROW_DIRECT, "the province's own row");
	is_row(&tb->rows[3], "", (uint64_t[]){ 0, 1, 0, 0, 0, 0, 0, 1 }, "ND");
	ok(tb->rows[3].kind == REPORT_ROW_NONE, "the no-unit row");
	is_row(&tb->total, "", (uint64_t[]){ 8, 4, 2, 1, 2, 2, 1, 8 }, "ND total");
	check_sums(tb, "ND 2024");
	is_int(tb->nfaults, 0, "no faults: P9's record left before the period");
	is_int(tb->nreasons, 5, "five reasons: the transfer's and P9's (2023) are not among them");
	ok(tb->nreasons == 5 && tb->reasons[0].status == MS_LEFT &&
	   strcmp(tb->reasons[0].text, "Chuyển nơi cư trú") == 0 && tb->reasons[0].n == 1,
	   "left: Chuyển nơi cư trú");
	ok(tb->nreasons == 5 && tb->reasons[1].status == MS_LEFT &&
	   strcmp(tb->reasons[1].text, "Xin ra") == 0 && tb->reasons[1].n == 1,
	   "left: Xin ra, its spaces squeezed");
	ok(tb->nreasons == 5 && tb->reasons[2].status == MS_DECEASED && *tb->reasons[2].text == 0 &&
	   tb->reasons[3].status == MS_DECEASED && strcmp(tb->reasons[3].text, "Ốm") == 0,
	   "deceased: no reason given (P14), Ốm (P6)");
	ok(tb->nreasons == 5 && tb->reasons[4].status == MS_SUSPENDED &&
	   strcmp(tb->reasons[4].text, "Đi làm ăn xa") == 0, "suspended: Đi làm ăn xa");
	report_movement_free(&r);

	is_int(movement("ND", "Xã A", 20240101, 20241231, &r), 0, "--unit 'Xã A'");
	tb = &r.tables[0];
	is_int(tb->nrows, 3, "A1, A2, Xã A itself");
	is_row(&tb->rows[0], "Chi hội A1", (uint64_t[]){ 2, 1, 1, 0, 1, 0, 0, 3 }, "Xã A");
	is_row(&tb->rows[1], "Chi hội A2", (uint64_t[]){ 3, 0, 0, 1, 0, 1, 1, 0 }, "Xã A");
	is_row(&tb->total, "", (uint64_t[]){ 5, 1, 1, 1, 1, 1, 1, 3 }, "Xã A total");
	check_sums(tb, "Xã A");
	report_movement_free(&r);

	/* Three months: P2 (15/03) is admitted before; P4 leaves in May, P5 moved in February. */
	is_int(movement("ND", NULL, 20240401, 20240630, &r), 0, "a quarter: --from 01/04/2024");
	tb = &r.tables[0];
	is_row(&tb->rows[0], "Xã A", (uint64_t[]){ 5, 0, 1, 0, 1, 0, 0, 5 }, "Q2");
	is_row(&tb->rows[1], "Xã B", (uint64_t[]){ 4, 0, 0, 0, 0, 0, 0, 4 }, "Q2");
	check_sums(tb, "Q2 2024");
	report_movement_free(&r);

	/* P6 died in "09/2024", read as 01/09/2024: on that day, not the day before. */
	is_int(movement("ND", "Xã A", 20240901, 20240901, &r), 0, "one day, 01/09/2024");
	is_row(&r.tables[0].rows[1], "Chi hội A2", (uint64_t[]){ 2, 0, 0, 0, 0, 1, 0, 1 },
	       "a month-only date is its first day");
	report_movement_free(&r);

	is_int(movement(NULL, NULL, 0, 20241231, &r), 0, "every organization");
	is_int(r.ntables, 6, "one table per organization");
	bool all = true;
	for (size_t i = 0; i < r.ntables; i++) {
		const struct move_table *t = &r.tables[i];
		all &= t->total.reconciles && balances(&t->total);
		if (strcmp(t->code, "PN") == 0)
			is_row(&t->total, "", (uint64_t[]){ 0, 1, 0, 0, 0, 0, 0, 1 }, "PN");
	}
	ok(all, "every organization's total reconciles");
	report_movement_free(&r);
}

static void test_faults(const struct world *w)
{
	struct err e;
	err_clear(&e);
	struct world wb = *w;
	if (!ok(store_write(S, break_fn, &wb, &e) == 0, "add records that break the sum"))
		diag("%s", e.msg);
	struct report_movement r;
	is_int(movement("ND", NULL, 0, 20241231, &r), 0, "movement with faulty records");
	const struct move_table *tb = &r.tables[0];
	ok(!tb->rows[0].reconciles && tb->rows[0].faults == 2, "Xã A: refused, two records");
	ok(!tb->rows[1].reconciles && tb->rows[1].faults == 2, "Xã B: refused, two records");
	ok(tb->rows[2].reconciles && tb->rows[3].reconciles, "the other rows still reconcile");
	ok(!tb->total.reconciles && tb->total.faults == 4, "the total is refused");
	is_int(tb->nfaults, 4, "four records listed (P19's broke nothing in 2024)");
	static const struct {
		int bad;
		enum move_fault_kind kind;
		const char *person;
		size_t row;
	} want[] = {
		{ 0, MF_STATUS_BEFORE_JOIN, "Người Số 16", 1 },
		{ 1, MF_NO_STATUS_DATE, "Người Số 17", 0 },
		{ 2, MF_JOIN_AFTER_STATUS, "Người Số 18", 0 },
		{ 4, MF_UNKNOWN_STATUS, "Người Số 20", 1 },
	};
	for (size_t i = 0; i < 4 && i < tb->nfaults; i++) {
		const struct move_fault *f = &tb->faults[i];
		ok(f->membership_id == wb.bad[want[i].bad] && f->kind == want[i].kind &&
		   strcmp(f->person, want[i].person) == 0 && f->row == want[i].row,
		   "fault %zu: membership %llu, %s, kind %d, row %zu", i,
		   (unsigned long long)wb.bad[want[i].bad], want[i].person, want[i].kind,
		   want[i].row);
	}
	is_str(tb->nfaults ? tb->faults[0].unit : "", "Chi hội B1", "a fault names its unit");

	/* Text: the refused rows say so, show no figures, and the records are named. */
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	report_movement_write(f, &r, REPORT_TEXT, 80);
	fclose(f);
	ok(line_with(text, "Xã A ", "does not reconcile: 2 records to correct"),
	   "text: Xã A does not reconcile");
	ok(line_with(text, "Total ", "not shown: 2 rows do not reconcile"), "text: nor does the total");
	ok(line_with(text, "Tỉnh T (directly) ", " 1 "), "text: the province's row has its figures");
	free(text);
	/* Wide enough that the record's line is not broken. */
	f = open_memstream(&text, &len);
	report_movement_write(f, &r, REPORT_TEXT, 200);
	fclose(f);
	char want_line[160];
	snprintf(want_line, sizeof want_line, "membership %llu, Người Số 16 (person %llu), Chi hội "
		 "B1: status Ra khỏi tổ chức dated 01/03/2024, before its join date 01/05/2024",
		 (unsigned long long)wb.bad[0], (unsigned long long)wb.p[16]);
	ok(strstr(text, want_line) != NULL, "text: the record, its person, unit and fault");
	ok(strstr(text, "Người Số 19") == NULL, "text: the record broken outside the period is not");
	free(text);
	f = open_memstream(&text, &len);
	report_movement_write(f, &r, REPORT_CSV, 80);
	fclose(f);
	ok(strstr(text, "ND,Xã A,,,,,,,,,\"does not reconcile: 2 records to correct; membership")
	   != NULL, "CSV: no figures for Xã A, the records in the note");
	ok(strstr(text, "ND,Xã B (directly)") == NULL, "CSV: no row for Xã B itself: it is in Xã B");
	free(text);
	report_movement_free(&r);

	/* The same records outside the period that they break: 2025 reconciles. */
	is_int(movement("ND", NULL, 20250101, 20251231, &r), 0, "movement in 2025");
	tb = &r.tables[0];
	ok(tb->total.reconciles && tb->nfaults == 0, "2025 reconciles: the faults are in 2024");
	check_sums(tb, "ND 2025");
	is_int(tb->rows[0].v[MV_ADMITTED], 1, "P8 admitted in 2025");
	report_movement_free(&r);
}

static void test_output(void)
{
	struct report_movement r;
	movement(NULL, NULL, 0, 20241231, &r);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	report_movement_write(f, &r, REPORT_TEXT, 80);
	fclose(f);
	int widest = 0;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		int w = vn_width(p, n);
		widest = w > widest ? w : widest;
		p += n + (nl != NULL);
	}
	ok(widest <= 80, "every line fits 80 columns (widest %d)", widest);
	ok(strstr(text, "Movement of hội viên: Hội Nông dân Việt Nam (ND), 01/01/2024 to "
			"31/12/2024") != NULL, "ND's heading");
	ok(strstr(text, "(CD)") == NULL, "an organization without units or members is left out");
	ok(strstr(text, "Ra khỏi tổ chức: Xin ra") != NULL, "the reasons are listed");
	free(text);
	f = open_memstream(&text, &len);
	report_movement_write(f, &r, REPORT_CSV, 80);
	fclose(f);
	ok(strncmp(text, "\xEF\xBB\xBFOrganization,Unit,Start,Admitted,Transferred in,Transferred "
			 "out,Left,Deceased,Suspended,End,Note\r\n", 92) == 0, "CSV header");
	ok(strstr(text, "\r\nND,Xã A,5,1,1,1,1,1,1,3,\r\n") != NULL, "CSV: Xã A");
	ok(strstr(text, "\r\nND,Total,8,4,2,1,2,2,1,8,\r\n") != NULL, "CSV: ND's total");
	ok(strstr(text, "\r\nND,Reason (Ra khỏi tổ chức): Xin ra,,,,,1,,,,\r\n") != NULL,
	   "CSV: a reason, counted in its column");
	free(text);
	report_movement_free(&r);

	/* Through the dispatcher, as the screen calls it. */
	struct report_opts o = { .org = "ND", .as_of = 20241231 };
	struct err e;
	err_clear(&e);
	f = open_memstream(&text, &len);
	int rc = report_write(f, S, RK_MOVEMENT, &o, REPORT_TEXT, 80, &e);
	fclose(f);
	ok(rc == 0 && strncmp(text, "Movement of hội viên", 22) == 0, "report_write RK_MOVEMENT");
	free(text);
}

static void test_errors(void)
{
	struct report_movement r;
	struct err e;
	err_clear(&e);
	struct report_opts o = { .org = "ND", .from = 20250101, .as_of = 20241231 };
	is_int(report_movement(S, &o, &r, &e), -ERR_USAGE, "--from after --as-of: %s", e.msg);
	o = (struct report_opts){ .org = "ND", .from = 20240000, .as_of = 20241231 };
	is_int(report_movement(S, &o, &r, &e), -ERR_USAGE, "--from a year alone: %s", e.msg);
	o = (struct report_opts){ .org = "ND", .unit = "Xã Z" };
	is_int(report_movement(S, &o, &r, &e), -ERR_USAGE, "an unknown unit: %s", e.msg);
	o = (struct report_opts){ .org = "XYZ" };
	is_int(report_movement(S, &o, &r, &e), -ERR_USAGE, "an unknown organization");
}

int main(void)
{
	char dir[] = "/tmp/hv-move-XXXXXX";
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
	test_figures();
	test_output();
	test_errors();
	test_faults(&w);
	store_close(&S);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
