/* Unit tests for src/core/dedupe.c: duplicate persons on a real store in a temporary directory
 * (each kind of name variant with its reason, pairs that must not be proposed, exclusions, the
 * order of scores, one person in two branches), and recall and precision on a generated store
 * whose duplicates are known. */
#include "tap.h"
#include "store_test.h"

#include "core/dedupe.h"
#include "core/demo.h"
#include "core/record.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <unistd.h>

/* A hand-made person; id is filled in when stored. */
struct hp {
	const char *name;
	int sex;
	hv_date birth;
	const char *cccd, *home, *addr, *phone;
	uint64_t id;
};

#define HOME_A "Xã Yên Thịnh, tỉnh Ninh Bình"
#define ADDR_A "Thôn Đông, xã Yên Thịnh"
#define HOME_B "Xã Gia Lạc, tỉnh Ninh Bình"
#define ADDR_B "Xóm 3, xã Gia Lạc"
#define M SEX_MALE
#define F SEX_FEMALE

/* Pairs that must be found: people[2k] and people[2k+1] for k < NPAIRS. */
static struct hp people[] = {
	/* 0: tone position */
	{ "Nguyễn Thị Hòa", F, 19850312, "037185001234", HOME_A, ADDR_A, NULL, 0 },
	{ "Nguyễn Thị Hoà", F, 19850312, NULL, HOME_A, ADDR_A, NULL, 0 },
	/* 1: i/y, the birth as a year on one */
	{ "Trần Thị Mỹ", F, 19900605, NULL, HOME_B, ADDR_B, NULL, 0 },
	{ "Trần Thị Mĩ", F, 19900000, "037190004321", HOME_B, ADDR_B, NULL, 0 },
	/* 2: Hoàng/Huỳnh (excluded below) */
	{ "Hoàng Văn Tâm", M, 19720101, NULL, HOME_A, ADDR_A, "0912345678", 0 },
	{ "Huỳnh Văn Tâm", M, 19720101, NULL, "Yên Thịnh, Ninh Bình", ADDR_A, "0912345678", 0 },
	/* 3: Vũ/Võ, the home town written short */
	{ "Vũ Đức Thắng", M, 19681120, NULL, HOME_B, ADDR_B, NULL, 0 },
	{ "Võ Đức Thắng", M, 19681120, NULL, "Gia Lạc, Ninh Bình", "xã Gia Lạc", NULL, 0 },
	/* 4: capitals, spacing and NFD (as stored by a careless import) */
	{ "Nguyễn Văn Bình", M, 19550707, NULL, HOME_A, ADDR_A, NULL, 0 },
	{ "NGUYE\xcc\x82\xcc\x83N  VA\xcc\x86N   BI\xcc\x80NH ", M, 19550707, NULL, HOME_A, ADDR_A,
	  NULL, 0 },
	/* 5: no marks at all */
	{ "Phạm Văn Đức", M, 19791230, NULL, HOME_B, ADDR_B, NULL, 0 },
	{ "Pham Van Duc", M, 19791230, NULL, HOME_B, NULL, NULL, 0 },
	/* 6: i/y twice, and the CCCD on one only */
	{ "Lý Thị Quý", F, 19620400, "037162000777", HOME_A, ADDR_A, NULL, 0 },
	{ "Lí Thị Quí", F, 19620000, NULL, HOME_A, ADDR_A, NULL, 0 },
	/* 7: name, birth year and sex only, in a block of two */
	{ "Đinh Công Tráng", M, 19450000, NULL, NULL, NULL, NULL, 0 },
	{ "Đinh Công Tráng", M, 19450815, NULL, NULL, NULL, NULL, 0 },
	/* 8: the middle name left out of one */
	{ "Trịnh Thị Thu Trang", F, 19920214, "037192005555", HOME_B, ADDR_B, NULL, 0 },
	{ "Trịnh Trang", F, 19920214, NULL, HOME_B, ADDR_B, NULL, 0 },
	/* 9: day and month swapped */
	{ "Mai Văn Tuấn", M, 19880507, NULL, HOME_A, ADDR_A, NULL, 0 },
	{ "Mai Văn Tuấn", M, 19880705, NULL, HOME_A, ADDR_A, NULL, 0 },
	/* not to be proposed */
	/* 20, 21: different CCCDs, all else the same */
	{ "Bùi Thị Lan", F, 19800101, "037180000001", HOME_A, ADDR_A, NULL, 0 },
	{ "Bùi Thị Lan", F, 19800101, "037180000002", HOME_A, ADDR_A, NULL, 0 },
	/* 22, 23: different marks on the same letters (Đoàn/Doãn), a year in common */
	{ "Đoàn Văn Nam", M, 19700000, NULL, HOME_A, ADDR_A, NULL, 0 },
	{ "Doãn Văn Nam", M, 19700000, NULL, HOME_B, ADDR_B, NULL, 0 },
	/* 24, 25: a common name, births far apart */
	{ "Lê Văn Hải", M, 19500303, NULL, HOME_A, ADDR_A, NULL, 0 },
	{ "Lê Văn Hải", M, 19900303, NULL, HOME_A, ADDR_A, NULL, 0 },
	/* 26: "Nguyễn Hùng", a year among the forty Nguyễn Văn Hùng below, no more in common */
	{ "Nguyễn Hùng", M, 19700000, NULL, NULL, NULL, NULL, 0 },
};
#define NPAIRS 10
#define NPEOPLE (sizeof people / sizeof people[0])
/* And forty men named Nguyễn Văn Hùng, born a year apart in forty communes. */
#define NHUNG 40

struct setup {
	uint64_t hung[NHUNG];
	uint64_t unit[3], pn, nd;
	uint64_t two_branches, twice_one_branch, left_one, two_orgs;
};

static int add_person(struct store *s, struct store_txn *t, const struct hp *h, uint64_t *id,
		      struct err *e)
{
	struct person p = { 0 };
	p.full_name = xstrdup(h->name);
	p.sex = h->sex;
	p.birth = h->birth;
	p.cccd = h->cccd ? xstrdup(h->cccd) : NULL;
	p.home_town = h->home ? xstrdup(h->home) : NULL;
	p.address = h->addr ? xstrdup(h->addr) : NULL;
	p.phone = h->phone ? xstrdup(h->phone) : NULL;
	int rc = store_insert(s, t, REC_PERSON, &p, e);
	*id = p.m.id;
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

static int add_membership(struct store *s, struct store_txn *t, uint64_t person, uint64_t org,
			  uint64_t unit, int status, struct err *e)
{
	struct membership m = { 0 };
	m.person_id = person;
	m.org_id = org;
	m.unit_id = unit;
	m.status = status;
	int rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return rc;
}

static int fill(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct setup *su = ctx;
	int rc = 0;
	for (size_t i = 0; i < NPEOPLE && rc == 0; i++)
		rc = add_person(s, t, &people[i], &people[i].id, e);
	for (int i = 0; i < NHUNG && rc == 0; i++) {
		char home[64], addr[64];
		snprintf(home, sizeof home, "Xã Số %d, tỉnh Ninh Bình", i);
		snprintf(addr, sizeof addr, "Thôn Đông, xã Số %d", i);
		struct hp h = { "Nguyễn Văn Hùng", M, (hv_date)((1940 + i) * 10000 + 101 + i % 12 * 100),
				NULL, home, addr, NULL, 0 };
		rc = add_person(s, t, &h, &su->hung[i], e);
	}
	struct org o = { 0 };
	if (rc == 0 && (rc = store_org_by_code(s, t, "PN", &o, e)) == 0)
		su->pn = o.m.id;
	rec_clear(&REC_DEF_ORG, &o);
	if (rc == 0 && (rc = store_org_by_code(s, t, "ND", &o, e)) == 0)
		su->nd = o.m.id;
	rec_clear(&REC_DEF_ORG, &o);
	const char *names[3] = { "Chi hội Thôn Đông", "Chi hội Thôn Đoài", "Chi hội Xóm 3" };
	for (int i = 0; i < 3 && rc == 0; i++) {
		struct unit u = { 0 };
		u.org_id = i < 2 ? su->pn : su->nd;
		u.name = xstrdup(names[i]);
		rc = store_insert(s, t, REC_UNIT, &u, e);
		su->unit[i] = u.m.id;
		rec_clear(&REC_DEF_UNIT, &u);
	}
	/* people[0]: active in two branches of the Women's Union: the error */
	su->two_branches = people[0].id;
	if (rc == 0)
		rc = add_membership(s, t, people[0].id, su->pn, su->unit[0], MS_ACTIVE, e);
	if (rc == 0)
		rc = add_membership(s, t, people[0].id, su->pn, su->unit[1], MS_ACTIVE, e);
	/* people[2]: listed twice in one branch: an error too */
	su->twice_one_branch = people[2].id;
	if (rc == 0)
		rc = add_membership(s, t, people[2].id, su->pn, su->unit[0], MS_ACTIVE, e);
	if (rc == 0)
		rc = add_membership(s, t, people[2].id, su->pn, su->unit[0], MS_ACTIVE, e);
	/* people[4]: left one branch, active in the other: no error */
	su->left_one = people[4].id;
	if (rc == 0)
		rc = add_membership(s, t, people[4].id, su->pn, su->unit[0], MS_TRANSFERRED, e);
	if (rc == 0)
		rc = add_membership(s, t, people[4].id, su->pn, su->unit[1], MS_ACTIVE, e);
	/* people[6]: active in two organizations: no error */
	su->two_orgs = people[6].id;
	if (rc == 0)
		rc = add_membership(s, t, people[6].id, su->pn, su->unit[0], MS_ACTIVE, e);
	if (rc == 0)
		rc = add_membership(s, t, people[6].id, su->nd, su->unit[2], MS_ACTIVE, e);
	return rc;
}

struct found {
	struct dedupe_pair *p;
	size_t n, cap;
	bool ordered;
};

static int collect(const struct dedupe_pair *p, void *ctx)
{
	struct found *f = ctx;
	if (f->n && (f->p[f->n - 1].score < p->score || f->p[f->n - 1].bits < p->bits))
		f->ordered = false;
	xgrow((void **)&f->p, &f->cap, f->n + 1, sizeof *f->p);
	f->p[f->n++] = *p;
	return 0;
}

static const struct dedupe_pair *lookup(const struct found *f, uint64_t a, uint64_t b)
{
	if (a > b) {
		uint64_t t = a;
		a = b;
		b = t;
	}
	for (size_t i = 0; i < f->n; i++)
		if (f->p[i].a == a && f->p[i].b == b)
			return &f->p[i];
	return NULL;
}

static void find_all(struct store *s, const struct dedupe_opts *o, struct found *f,
		     struct dedupe_stats *st)
{
	struct err e;
	err_clear(&e);
	f->n = 0;
	f->ordered = true;
	int rc = dedupe_find(s, o, collect, f, st, &e);
	if (rc)
		diag("dedupe_find: %s", e.msg);
}

static void check_pair(const struct found *f, int k, unsigned want, const char *what)
{
	const struct hp *x = &people[2 * k], *y = &people[2 * k + 1];
	const struct dedupe_pair *p = lookup(f, x->id, y->id);
	struct buf b = BUF_INIT;
	if (p)
		dedupe_reasons_codes(p->reasons, &b);
	ok(p && (p->reasons & want) == want, "%s: %s / %s found (score %d: %s)", what, x->name,
	   y->name, p ? p->score : -1, buf_str(&b));
	buf_free(&b);
}

struct errs {
	struct dedupe_branch_error x[8];
	int n;
};

static int on_error(const struct dedupe_branch_error *x, void *ctx)
{
	struct errs *es = ctx;
	if (es->n < 8)
		es->x[es->n] = *x;
	es->n++;
	return 0;
}

static void test_compare(void)
{
	/* The order of scores: same CCCD > name + birth date + commune > name + year. */
	struct person a = { 0 }, b = { 0 };
	a.m.id = 1;
	b.m.id = 2;
	a.full_name = b.full_name = (char *)"Trần Văn Long";
	a.sex = b.sex = SEX_MALE;
	a.cccd = b.cccd = (char *)"037080001111";
	a.birth = b.birth = 19800505;
	a.address = b.address = (char *)"Thôn Đông, xã Yên Thịnh";
	struct dedupe_pair cccd, date, year, differ;
	ok(dedupe_compare(&a, &b, &cccd), "one name key");
	b.cccd = NULL;
	dedupe_compare(&a, &b, &date);
	b.birth = 19800000;
	b.address = (char *)"Xóm 1, xã Khác";
	dedupe_compare(&a, &b, &year);
	ok(cccd.score > date.score && date.score > year.score,
	   "same CCCD (%d) > name, birth date and commune (%d) > name and year (%d)", cccd.score,
	   date.score, year.score);
	ok(cccd.reasons & DEDUPE_R_CCCD, "same CCCD is a reason");
	is_int(cccd.a, 1, "smaller id first");
	b.cccd = (char *)"037080002222";
	b.birth = 19800505;
	b.address = a.address;
	dedupe_compare(&a, &b, &differ);
	ok(differ.score < DEDUPE_MIN_SCORE && (differ.reasons & DEDUPE_R_CCCD_DIFF),
	   "different CCCDs outweigh name, date and commune (%d)", differ.score);
	b.full_name = (char *)"Trần Văn Lâm";
	ok(!dedupe_compare(&a, &b, &differ), "another name is another key");
	ok(differ.score < 10, "and scores low (%d)", differ.score);

	struct buf t = BUF_INIT;
	dedupe_reasons_text(DEDUPE_R_BIRTH_DATE | DEDUPE_R_CCCD | DEDUPE_R_SEX_DIFF, &t);
	is_str(buf_str(&t), "same CCCD; same birth date; different sex", "reasons as text, for first");
	buf_reset(&t);
	dedupe_reasons_codes(DEDUPE_R_NAME_IY | DEDUPE_R_HOANG_HUYNH | DEDUPE_R_VU_VO, &t);
	is_str(buf_str(&t), "name_iy,hoang_huynh,vu_vo", "reasons as codes");
	buf_free(&t);
	is_str(dedupe_reason_code(DEDUPE_R_COMMUNE), "commune", "one code");
	ok(dedupe_reason_code(1u << 31) == NULL, "no code for an unknown bit");
	ok(strstr(dedupe_reason_text(DEDUPE_R_NAME_FORM), "Hòa/Hoà") != NULL, "tone position text");
}

struct truth {
	uint64_t a, b;
};

struct truths {
	struct truth *t;
	size_t n, cap;
};

static void on_truth(uint64_t a, uint64_t b, unsigned kinds, void *ctx)
{
	struct truths *ts = ctx;
	(void)kinds;
	xgrow((void **)&ts->t, &ts->cap, ts->n + 1, sizeof *ts->t);
	ts->t[ts->n++] = (struct truth){ a < b ? a : b, a < b ? b : a };
}

static void test_generated(const char *dir)
{
	char sdir[128];
	snprintf(sdir, sizeof sdir, "%s/gen", dir);
	struct store *s = test_open_store(sdir, "t");
	struct truths ts = { 0 };
	struct demo_run_opts d = { .persons = 3000, .seed = 11, .today = 20260701,
				   .dup_rate = 0.05, .truth = on_truth, .truth_ctx = &ts };
	struct demo_report r;
	struct err e;
	err_clear(&e);
	is_int(demo_run(s, &d, &r, &e), 0, "a generated store of 3000 persons with duplicates");
	ok(r.duplicates > 100 && r.duplicates == ts.n, "%zu known duplicate pairs", ts.n);
	struct found f = { 0 };
	struct dedupe_stats st;
	find_all(s, NULL, &f, &st);
	size_t hit = 0;
	for (size_t i = 0; i < ts.n; i++)
		hit += lookup(&f, ts.t[i].a, ts.t[i].b) != NULL;
	double recall = ts.n ? (double)hit / (double)ts.n : 0;
	double precision = f.n ? (double)hit / (double)f.n : 0;
	ok(recall >= 0.95, "recall %.3f (%zu of %zu)", recall, hit, ts.n);
	ok(precision >= 0.90, "precision %.3f (%zu of %zu proposed)", precision, hit, f.n);
	is_int(st.persons, r.persons, "every person read");
	ok(f.ordered, "best first");
	free(f.p);
	free(ts.t);
	store_close(&s);
	store_remove(sdir);
}

int main(void)
{
	char dir[] = "/tmp/hv-dedupe-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char sdir[64];
	snprintf(sdir, sizeof sdir, "%s/store", dir);
	struct store *s = test_open_store(sdir, "t");
	if (!s)
		return 1;
	struct setup su = { 0 };
	struct err e;
	err_clear(&e);
	is_int(store_write(s, fill, &su, &e), 0, "hand-made persons stored");

	struct found f = { 0 };
	struct dedupe_stats st;
	find_all(s, NULL, &f, &st);
	is_int(st.persons, NPEOPLE + NHUNG, "every person read");
	check_pair(&f, 0, DEDUPE_R_NAME_FORM | DEDUPE_R_BIRTH_DATE | DEDUPE_R_HOME | DEDUPE_R_COMMUNE,
		   "tone position");
	check_pair(&f, 1, DEDUPE_R_NAME_IY | DEDUPE_R_BIRTH_YEAR, "i/y");
	check_pair(&f, 2, DEDUPE_R_HOANG_HUYNH | DEDUPE_R_PHONE | DEDUPE_R_HOME, "Hoàng/Huỳnh");
	check_pair(&f, 3, DEDUPE_R_VU_VO | DEDUPE_R_HOME | DEDUPE_R_COMMUNE, "Vũ/Võ");
	check_pair(&f, 4, DEDUPE_R_NAME_FORM | DEDUPE_R_SEX, "capitals, spaces, NFD");
	check_pair(&f, 5, DEDUPE_R_NAME_NOMARKS, "without diacritics");
	check_pair(&f, 6, DEDUPE_R_NAME_IY | DEDUPE_R_BIRTH_YEAR, "Lý/Lí");
	check_pair(&f, 7, DEDUPE_R_NAME | DEDUPE_R_BIRTH_YEAR | DEDUPE_R_SEX, "name and year");
	check_pair(&f, 8, DEDUPE_R_NAME_MIDDLE | DEDUPE_R_BIRTH_DATE | DEDUPE_R_HOME,
		   "middle name left out");
	check_pair(&f, 9, DEDUPE_R_NAME | DEDUPE_R_BIRTH_SWAP | DEDUPE_R_COMMUNE,
		   "day and month swapped");
	ok(!lookup(&f, people[20].id, people[21].id), "different CCCDs: not proposed");
	ok(!lookup(&f, people[22].id, people[23].id), "Đoàn/Doãn: not proposed");
	ok(!lookup(&f, people[24].id, people[25].id), "a common name 40 years apart: not proposed");
	int hung = 0;
	for (int i = 0; i < NHUNG; i++) {
		for (int j = i + 1; j < NHUNG; j++)
			hung += lookup(&f, su.hung[i], su.hung[j]) != NULL;
		hung += lookup(&f, su.hung[i], people[26].id) != NULL;
	}
	is_int(hung, 0, "forty Nguyễn Văn Hùng a year apart in forty communes, and a Nguyễn Hùng: "
	       "none proposed");
	is_int(f.n, NPAIRS, "nothing else proposed");
	ok(f.ordered, "pairs come best first");
	ok(st.largest >= NHUNG && st.blocks >= NPAIRS, "blocks: %" PRIu64 ", the largest %" PRIu64,
	   st.blocks, st.largest);
	ok(st.compared < (NHUNG * (NHUNG - 1)) / 2, "the common name is compared within a year "
	   "only (%" PRIu64 " pairs scored)", st.compared);
	const struct dedupe_pair *p0 = lookup(&f, people[0].id, people[1].id);
	const struct dedupe_pair *p7 = lookup(&f, people[14].id, people[15].id);
	ok(p0 && p7 && p0->score > p7->score, "name, date, home and commune (%d) above name and "
	   "year (%d)", p0 ? p0->score : -1, p7 ? p7->score : -1);

	/* The "not a duplicate" memory. */
	struct dedupe_id_pair ex[2] = { { people[5].id, people[4].id }, { 999999, 3 } };
	dedupe_exclusions_sort(ex, 2);
	ok(ex[0].a < ex[0].b && ex[1].a < ex[1].b && ex[0].a <= ex[1].a, "exclusions sorted");
	struct dedupe_opts o = { .excluded = ex, .nexcluded = 2 };
	find_all(s, &o, &f, &st);
	ok(!lookup(&f, people[4].id, people[5].id), "an excluded pair is not proposed again");
	is_int(f.n, NPAIRS - 1, "the others still are");
	is_int(st.excluded, 1, "counted as excluded");

	/* Limits. */
	struct dedupe_opts lim = { .max_pairs = 3 };
	find_all(s, &lim, &f, &st);
	is_int(f.n, 3, "max_pairs keeps that many");
	is_int(st.dropped, NPAIRS - 3, "and counts the rest as dropped");
	struct dedupe_opts all = { .min_score = -1 };
	find_all(s, &all, &f, &st);
	is_int(f.n, st.compared, "a negative min_score reports every pair scored");
	const struct dedupe_pair *cc = lookup(&f, people[20].id, people[21].id);
	ok(cc && (cc->reasons & DEDUPE_R_CCCD_DIFF) && cc->score < 20, "different CCCDs score %d",
	   cc ? cc->score : -1);
	const struct dedupe_pair *dd = lookup(&f, people[22].id, people[23].id);
	ok(dd && (dd->reasons & DEDUPE_R_NAME_MARKS), "Đoàn/Doãn: same letters, other marks");
	free(f.p);

	/* One person in two branches of one organization. */
	struct errs es = { 0 };
	uint64_t count = 0;
	is_int(dedupe_branch_errors(s, on_error, &es, &count, &e), 0, "branch errors");
	is_int(count, 2, "two found");
	ok(es.n == 2 && es.x[0].person == su.two_branches && es.x[0].org == su.pn &&
	   es.x[0].unit_a == su.unit[0] && es.x[0].unit_b == su.unit[1] &&
	   es.x[0].membership_a < es.x[0].membership_b, "active in two branches of one organization");
	ok(es.n == 2 && es.x[1].person == su.twice_one_branch && es.x[1].unit_a == es.x[1].unit_b,
	   "listed twice in one branch");

	test_compare();
	store_close(&s);
	test_generated(dir);

	store_remove(sdir);
	rmdir(dir);
	return done_testing();
}
