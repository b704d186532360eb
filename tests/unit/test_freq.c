/* Unit tests for src/core/freq.c: the exact counts of every countable column of the member list,
 * without and with each kind of filter (name search, organization, unit tree, status, and
 * together), each both ways (a pass over the store and lookups through the indexes); the cap on
 * the values kept; a progress function that stops the count.
 *
 * The store: ND's tree is Tỉnh Test > Xã A > Chi hội A1, A2 and Tỉnh Test > Xã B > Chi hội B1;
 * PN has a Chi hội A1 of its own (two units of one name).  Eight persons; memberships, in the
 * order they are made (which is the order a person's cell lists them in):
 *   m1  P1 ND A1 active "Chi hội trưởng"     m7  P4 ND B1 active "Chi hội trưởng"
 *   m2  P1 CD -  active                      m8  P6 ND A1 transferred
 *   m3  P2 PN A1 active                      m9  P6 ND A2 active
 *   m4  P2 ND A2 active "Chi hội phó"        m10 P7 CD -  active "Tổ trưởng"
 *   m5  P3 ND B1 left                        m11 P7 ND Xã A suspended
 *   m6  P4 PN A1 active "Ủy viên"            m12 P8 ND Tỉnh active "Ủy viên"
 * P5 has no membership. */
#include "tap.h"

#include "core/freq.h"
#include "core/record.h"
#include "core/screen.h"
#include "store/store.h"
#include "store_test.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <unistd.h>

static struct store *S;

struct world {
	uint64_t nd, pn, cd;
	uint64_t prov, xa_a, xa_b, a1, a2, b1, pn_a1;
	uint64_t p[9];
};

static const struct {
	const char *name;
	int sex;
	hv_date birth;
} persons[9] = {
	[1] = { "Nguyễn Văn An", SEX_MALE, 19900510 },
	[2] = { "Trần Thị Bình", SEX_FEMALE, 19850000 },
	[3] = { "Lê Văn Cường", SEX_MALE, 19900510 },
	[4] = { "Nguyễn Thị Dung", SEX_FEMALE, 0 },
	[5] = { "Phạm Văn An", SEX_MALE, 19850000 },
	[6] = { "Nguyễn Văn An", SEX_MALE, 19700101 },
	[7] = { "Hoàng Thị Giang", SEX_FEMALE, 0 },
	[8] = { "Vũ Văn Hải", SEX_UNKNOWN, 19900510 },
};

static int org_id(struct store *s, struct store_txn *t, const char *code, uint64_t *id,
		  struct err *e)
{
	struct org o = { 0 };
	int rc = store_org_by_code(s, t, code, &o, e);
	*id = o.m.id;
	rec_clear(&REC_DEF_ORG, &o);
	return rc;
}

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
		  uint64_t unit_id, int status, const char *role, struct err *e)
{
	struct membership m = { 0 };
	m.person_id = person;
	m.org_id = org;
	m.unit_id = unit_id;
	m.join_date = 20100101;
	m.status = status;
	m.role = xstrdup(role);
	int rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return rc;
}

static int build_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct world *w = ctx;
	int rc;
	if ((rc = org_id(s, t, "ND", &w->nd, e)) || (rc = org_id(s, t, "PN", &w->pn, e)) ||
	    (rc = org_id(s, t, "CD", &w->cd, e)))
		return rc;
	if ((rc = unit(s, t, w->nd, 0, "Tỉnh Test", &w->prov, e)) ||
	    (rc = unit(s, t, w->nd, w->prov, "Xã A", &w->xa_a, e)) ||
	    (rc = unit(s, t, w->nd, w->prov, "Xã B", &w->xa_b, e)) ||
	    (rc = unit(s, t, w->nd, w->xa_a, "Chi hội A1", &w->a1, e)) ||
	    (rc = unit(s, t, w->nd, w->xa_a, "Chi hội A2", &w->a2, e)) ||
	    (rc = unit(s, t, w->nd, w->xa_b, "Chi hội B1", &w->b1, e)) ||
	    (rc = unit(s, t, w->pn, 0, "Chi hội A1", &w->pn_a1, e)))
		return rc;
	uint64_t *p = w->p;
	for (int i = 1; i <= 8; i++) {
		struct person x = { 0 };
		x.full_name = xstrdup(persons[i].name);
		x.sex = persons[i].sex;
		x.birth = persons[i].birth;
		rc = store_insert(s, t, REC_PERSON, &x, e);
		p[i] = x.m.id;
		rec_clear(&REC_DEF_PERSON, &x);
		if (rc)
			return rc;
	}
	const struct {
		int p;
		uint64_t org, unit;
		int status;
		const char *role;
	} ms[] = {
		{ 1, w->nd, w->a1, MS_ACTIVE, "Chi hội trưởng" },
		{ 1, w->cd, 0, MS_ACTIVE, "" },
		{ 2, w->pn, w->pn_a1, MS_ACTIVE, "" },
		{ 2, w->nd, w->a2, MS_ACTIVE, "Chi hội phó" },
		{ 3, w->nd, w->b1, MS_LEFT, "" },
		{ 4, w->pn, w->pn_a1, MS_ACTIVE, "Ủy viên" },
		{ 4, w->nd, w->b1, MS_ACTIVE, "Chi hội trưởng" },
		{ 6, w->nd, w->a1, MS_TRANSFERRED, "" },
		{ 6, w->nd, w->a2, MS_ACTIVE, "" },
		{ 7, w->cd, 0, MS_ACTIVE, "Tổ trưởng" },
		{ 7, w->nd, w->xa_a, MS_SUSPENDED, "" },
		{ 8, w->nd, w->prov, MS_ACTIVE, "Ủy viên" },
	};
	for (size_t i = 0; i < sizeof ms / sizeof *ms; i++)
		if ((rc = member(s, t, p[ms[i].p], ms[i].org, ms[i].unit, ms[i].status, ms[i].role,
				 e)) != 0)
			return rc;
	return 0;
}

static struct screen_ref column(const char *name)
{
	struct screen_ref r = { .name = (char *)name };
	if (strcmp(name, "membership.org") == 0) {
		r.rec = REC_MEMBERSHIP;
		r.pseudo = SPS_ORG;
	} else if (strcmp(name, "membership.unit") == 0) {
		r.rec = REC_MEMBERSHIP;
		r.pseudo = SPS_UNIT;
	} else if (strncmp(name, "person.", 7) == 0) {
		r.rec = REC_PERSON;
		r.def = rec_field(&REC_DEF_PERSON, name + 7);
	} else {
		r.rec = REC_MEMBERSHIP;
		r.def = rec_field(&REC_DEF_MEMBERSHIP, name + 11);
	}
	return r;
}

/* The counts as "text=n|text=n|…" in the result's order, "other=n" last when some were not
 * kept; "" with a diagnostic when the count failed or does not add up. */
static char *counts(const char *col, const struct freq_filter *f, enum freq_path path,
		    size_t max_values, enum freq_path *used)
{
	struct screen_ref ref = column(col);
	struct freq_opts o = { .col = &ref, .filter = *f, .path = path, .max_values = max_values };
	struct freq_result r;
	struct err e;
	err_clear(&e);
	int rc = freq_count(S, &o, &r, &e);
	if (rc != 0) {
		diag("freq_count %s: %d %s", col, rc, e.msg);
		return xstrdup("");
	}
	struct buf b = BUF_INIT;
	uint64_t sum = r.other;
	for (size_t i = 0; i < r.n; i++) {
		buf_printf(&b, "%s%s=%llu", i ? "|" : "", r.items[i].text,
			   (unsigned long long)r.items[i].n);
		sum += r.items[i].n;
	}
	if (r.other)
		buf_printf(&b, "%sother=%llu", r.n ? "|" : "", (unsigned long long)r.other);
	if (sum != r.total)
		diag("%s: the counts add up to %llu, total %llu", col, (unsigned long long)sum,
		     (unsigned long long)r.total);
	if (used)
		*used = r.path;
	freq_result_free(&r);
	return buf_steal(&b);
}

/* The counts of col under f, the same whichever way they are read. */
static void check(const char *what, const char *col, const struct freq_filter *f,
		  const char *want)
{
	static const enum freq_path paths[] = { FREQ_AUTO, FREQ_SCAN, FREQ_LOOKUP };
	static const char *const names[] = { "auto", "scan", "lookups" };
	bool narrow = (f->query && *f->query) || f->nunits;
	for (int i = 0; i < 3; i++) {
		if (paths[i] == FREQ_LOOKUP && !narrow)
			continue;
		enum freq_path used = FREQ_AUTO;
		char *got = counts(col, f, paths[i], 0, &used);
		is_str(got, want, "%s: %s (%s)", what, col, names[i]);
		if (paths[i] != FREQ_AUTO)
			is_int(used, paths[i], "%s: %s read by %s", what, col, names[i]);
		free(got);
	}
}

static void test_whole(void)
{
	struct freq_filter all = { .status = -1 };
	check("everyone", "person.full_name", &all,
	      "Nguyễn Văn An=2|Hoàng Thị Giang=1|Lê Văn Cường=1|Nguyễn Thị Dung=1|"
	      "Phạm Văn An=1|Trần Thị Bình=1|Vũ Văn Hải=1");
	check("everyone", "person.birth", &all, "10/05/1990=3|=2|1985=2|01/01/1970=1");
	check("everyone", "person.sex", &all, "Nam=4|Nữ=3|=1");
	check("everyone", "membership.org", &all, "=2|ND=2|PN, ND=2|CD=1|ND, CD=1");
	/* The first active membership at a unit: P2 and P4 are in PN's Chi hội A1, which has the
	 * name of ND's; P7's active one has no unit. */
	check("everyone", "membership.unit", &all, "=3|Chi hội A1=3|Chi hội A2=1|Tỉnh Test=1");
	check("everyone", "membership.role", &all, "=4|Ủy viên=2|Chi hội trưởng=1|Tổ trưởng=1");
	char want[200];
	snprintf(want, sizeof want, "%s=6|=2", mstatus_text(MS_ACTIVE));
	check("everyone", "membership.status", &all, want);
	check("everyone", "membership.join_date", &all, "01/01/2010=6|=2");
}

static void test_filters(const struct world *w)
{
	/* Organization: members active in ND (the list asks for active ones with an organization). */
	struct freq_filter nd = { .org = w->nd, .status = MS_ACTIVE };
	check("ND", "person.sex", &nd, "Nam=2|Nữ=2|=1");
	check("ND", "person.full_name", &nd,
	      "Nguyễn Văn An=2|Nguyễn Thị Dung=1|Trần Thị Bình=1|Vũ Văn Hải=1");
	/* Every organization of a member still shows, not only ND. */
	check("ND", "membership.org", &nd, "ND=2|PN, ND=2|ND, CD=1");
	check("ND", "membership.unit", &nd, "Chi hội A1=3|Chi hội A2=1|Tỉnh Test=1");
	/* A membership field: the first active one in ND rather than the first of all. */
	check("ND", "membership.role", &nd, "Chi hội trưởng=2|=1|Chi hội phó=1|Ủy viên=1");
	struct freq_filter nd_any = { .org = w->nd, .status = -1 };
	check("ND, any status", "person.sex", &nd_any, "Nam=3|Nữ=3|=1");

	/* Status alone. */
	struct freq_filter left = { .status = MS_LEFT };
	check("left", "person.full_name", &left, "Lê Văn Cường=1");
	check("left", "membership.org", &left, "=1");
	struct freq_filter moved = { .status = MS_TRANSFERRED };
	check("transferred", "membership.unit", &moved, "Chi hội A2=1");

	/* A unit with those under it. */
	uint64_t xa_a[] = { w->xa_a, w->a1, w->a2 };
	struct freq_filter ua = { .org = w->nd, .units = xa_a, .nunits = 3, .status = MS_ACTIVE };
	check("Xã A", "person.full_name", &ua, "Nguyễn Văn An=2|Trần Thị Bình=1");
	check("Xã A", "membership.unit", &ua, "Chi hội A1=2|Chi hội A2=1");
	check("Xã A", "membership.org", &ua, "ND=1|ND, CD=1|PN, ND=1");
	struct freq_filter ua_susp = { .org = w->nd, .units = xa_a, .nunits = 3,
				       .status = MS_SUSPENDED };
	check("Xã A, suspended", "membership.org", &ua_susp, "CD=1");
	uint64_t xa_b[] = { w->xa_b, w->b1 };
	struct freq_filter ub = { .org = w->nd, .units = xa_b, .nunits = 2, .status = MS_ACTIVE };
	check("Xã B", "person.sex", &ub, "Nữ=1");
	uint64_t pn_a1[] = { w->pn_a1 };
	struct freq_filter upn = { .org = w->pn, .units = pn_a1, .nunits = 1, .status = -1 };
	check("PN's A1", "membership.role", &upn, "=1|Ủy viên=1");

	/* Name search, alone and with a filter. */
	struct freq_filter ng = { .query = "nguyen", .status = -1 };
	check("nguyen", "person.sex", &ng, "Nam=2|Nữ=1");
	check("nguyen", "membership.org", &ng, "ND=1|ND, CD=1|PN, ND=1");
	check("nguyen", "person.birth", &ng, "=1|01/01/1970=1|10/05/1990=1");
	struct freq_filter an = { .query = "an", .status = -1 };
	check("an", "membership.unit", &an, "=1|Chi hội A1=1|Chi hội A2=1");
	struct freq_filter an_nd = { .query = "an", .org = w->nd, .status = MS_ACTIVE };
	check("an in ND", "person.full_name", &an_nd, "Nguyễn Văn An=2");
	struct freq_filter ng_b = { .query = "nguyen thi", .org = w->nd, .units = xa_b,
				    .nunits = 2, .status = MS_ACTIVE };
	check("nguyen thi in Xã B", "membership.role", &ng_b, "Chi hội trưởng=1");
	struct freq_filter none = { .query = "zzz", .status = -1 };
	check("nobody found", "person.sex", &none, "");
}

/* What the counting asks the store besides its passes. */
static void test_store(const struct world *w)
{
	struct err e;
	err_clear(&e);
	uint64_t n = 0;
	is_int(store_last_id(S, NULL, REC_PERSON, &n, &e), 0, "store_last_id");
	is_int(n, w->p[8], "the last person's id");
	is_int(store_count_memberships_of_unit(S, NULL, w->a1, &n, &e), 0,
	       "store_count_memberships_of_unit");
	is_int(n, 2, "Chi hội A1 has two memberships (one of them transferred)");
	store_count_memberships_of_unit(S, NULL, w->xa_b, &n, &e);
	is_int(n, 0, "Xã B none of its own (those of its branch are not counted)");
}

static void test_cap(void)
{
	struct freq_filter all = { .status = -1 };
	/* Three values kept, in id order: P1's, P2's and P3's names; P6 has P1's name. */
	char *got = counts("person.full_name", &all, FREQ_SCAN, 3, NULL);
	is_str(got, "Nguyễn Văn An=2|Lê Văn Cường=1|Trần Thị Bình=1|other=4",
	       "values past the cap count as other");
	free(got);
	got = counts("membership.org", &all, FREQ_SCAN, 2, NULL);
	/* "ND" and "ND, CD" (P1's, "ND" built on the way) are kept; not P2's "PN", nor the
	 * value of those with none. */
	is_str(got, "ND=2|ND, CD=1|other=5", "a membership column past the cap");
	free(got);
}

struct stopper {
	int calls;
	uint64_t last_done, total;
	bool monotonic;
};

static int stop_third(void *ctx, uint64_t done, uint64_t total)
{
	struct stopper *st = ctx;
	if (done < st->last_done)
		st->monotonic = false;
	st->last_done = done;
	st->total = total;
	return ++st->calls == 3 ? 7 : 0;
}

static int count_calls(void *ctx, uint64_t done, uint64_t total)
{
	struct stopper *st = ctx;
	if (done < st->last_done || (total && done > total))
		st->monotonic = false;
	st->last_done = done;
	st->total = total;
	st->calls++;
	return 0;
}

static void test_progress(void)
{
	struct screen_ref ref = column("membership.org");
	struct stopper st = { .monotonic = true };
	struct freq_opts o = { .col = &ref, .filter = { .status = -1 }, .progress = count_calls,
			       .progress_ctx = &st, .progress_every = 1 };
	struct freq_result r;
	struct err e;
	err_clear(&e);
	is_int(freq_count(S, &o, &r, &e), 0, "a count with a progress function");
	ok(st.calls >= 20, "called for each record (%d calls)", st.calls);
	ok(st.monotonic && st.total > 0, "done grows and stays within total (%llu)",
	   (unsigned long long)st.total);
	freq_result_free(&r);

	st = (struct stopper){ .monotonic = true };
	o.progress = stop_third;
	is_int(freq_count(S, &o, &r, &e), 7, "a progress function stops the count");
	is_int(r.n + r.total, 0, "and nothing is counted");
	freq_result_free(&r);

	st = (struct stopper){ .monotonic = true };
	o.filter.query = "van";
	is_int(freq_count(S, &o, &r, &e), 7, "and stops a name search too");
	freq_result_free(&r);
}

int main(void)
{
	char dir[] = "/tmp/hv-freq-XXXXXX";
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
	test_store(&w);
	test_whole();
	test_filters(&w);
	test_cap();
	test_progress();
	store_close(&S);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
