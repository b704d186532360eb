/* Unit tests for src/core/demo_data: determinism, name frequencies, ages, dates, vocabularies. */
#include "tap.h"

#include "core/demo_data.h"
#include "core/record.h"
#include "core/vocab.h"
#include "util/rng.h"

#include <stdbool.h>
#include <stdlib.h>
#include <unistr.h>
#include <uninorm.h>

#define TODAY 20260315u

/* The person's strings, freed here rather than with rec_clear so that this test needs no more
 * of core than the generator. */
static void person_free(struct person *p)
{
	char **f[] = { &p->full_name, &p->ethnicity, &p->religion, &p->cccd, &p->phone,
		       &p->home_town, &p->address, &p->education, &p->qualification, &p->theory,
		       &p->occupation, &p->workplace, &p->notes };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}

static bool same_str(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

static bool same_person(const struct person *a, const struct person *b)
{
	return same_str(a->full_name, b->full_name) && a->sex == b->sex && a->birth == b->birth &&
	       same_str(a->ethnicity, b->ethnicity) && same_str(a->religion, b->religion) &&
	       same_str(a->phone, b->phone) && same_str(a->home_town, b->home_town) &&
	       same_str(a->address, b->address) && same_str(a->education, b->education) &&
	       same_str(a->qualification, b->qualification) && same_str(a->theory, b->theory) &&
	       a->party_member == b->party_member && a->party_date == b->party_date &&
	       same_str(a->occupation, b->occupation) && same_str(a->workplace, b->workplace) &&
	       same_str(a->notes, b->notes);
}

/* Valid UTF-8, NFC, no control characters, no leading, trailing or doubled spaces. */
static bool clean_text(const char *s)
{
	size_t n = strlen(s), len = 0;
	if (n == 0 || s[0] == ' ' || s[n - 1] == ' ' || strstr(s, "  "))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	if (u8_check((const uint8_t *)s, n))
		return false;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len);
	bool same = r && len == n && memcmp(r, s, n) == 0;
	free(r);
	return same;
}

static int mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : n[m - 1];
}

static bool date_ok(hv_date d, bool full)
{
	int y = DATE_YEAR(d), m = DATE_MONTH(d), dd = DATE_DAY(d);
	if (y < 1900 || y > 2100 || m > 12 || (m == 0 && dd != 0))
		return false;
	if (full && (m == 0 || dd == 0))
		return false;
	return dd == 0 || dd <= mdays(y, m);
}

/* Whole years at the coarser precision of the two dates. */
static int age_on(hv_date b, hv_date t)
{
	int a = DATE_YEAR(t) - DATE_YEAR(b);
	if (DATE_MONTH(b) == 0)
		return a;
	if (DATE_MONTH(t) != DATE_MONTH(b))
		return DATE_MONTH(t) < DATE_MONTH(b) ? a - 1 : a;
	if (DATE_DAY(b) == 0)
		return a;
	return DATE_DAY(t) < DATE_DAY(b) ? a - 1 : a;
}

static size_t first_word(const char *s)
{
	const char *sp = strchr(s, ' ');
	return sp ? (size_t)(sp - s) : strlen(s);
}

static bool word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_determinism(const struct demo_gen *g)
{
	struct demo_opts o = { .today = TODAY, .region = DEMO_CENTRAL };
	struct rng r1, r2;
	struct person a, b;
	int pa, pb, same = 0, differ = 0;

	rng_seed(&r1, 42);
	rng_seed(&r2, 42);
	for (int i = 0; i < 2000; i++) {
		demo_person(g, &r1, &o, &a, &pa);
		demo_person(g, &r2, &o, &b, &pb);
		same += same_person(&a, &b) && pa == pb;
		person_free(&a);
		person_free(&b);
	}
	is_int(same, 2000, "same seed, same people");

	rng_seed(&r1, 42);
	rng_seed(&r2, 43);
	for (int i = 0; i < 200; i++) {
		demo_person(g, &r1, &o, &a, NULL);
		demo_person(g, &r2, &o, &b, NULL);
		differ += !same_str(a.full_name, b.full_name);
		person_free(&a);
		person_free(&b);
	}
	ok(differ > 150, "different seeds, different people (%d of 200 names differ)", differ);

	/* A second generator builds the same tables. */
	struct demo_gen *g2 = demo_gen_new();
	rng_seed(&r1, 7);
	rng_seed(&r2, 7);
	demo_person(g, &r1, &o, &a, NULL);
	demo_person(g2, &r2, &o, &b, NULL);
	ok(same_person(&a, &b), "two generators agree");
	person_free(&a);
	person_free(&b);
	demo_gen_free(&g2);
	ok(g2 == NULL, "demo_gen_free sets the pointer to NULL");
	demo_gen_free(&g2);
}

enum { NSAMPLE = 100000 };

static void test_population(const struct demo_gen *g)
{
	static const struct {
		const char *s;
		double lo, hi;	/* percent of Kinh people, all regions */
	} shares[] = {
		{ "Nguyễn", 36, 40 }, { "Trần", 10, 12 }, { "Lê", 8.5, 10.5 }, { "Phạm", 6.3, 7.9 },
		{ "Phan", 4, 5 }, { "Đặng", 1.7, 2.5 }, { "Bùi", 1.6, 2.4 }, { "Đỗ", 1.1, 1.7 },
		{ "Hồ", 1, 1.6 }, { "Ngô", 1, 1.6 }, { "Dương", 0.75, 1.25 }, { "Lý", 0.3, 0.7 },
	};
	enum { NS = sizeof shares / sizeof shares[0] };
	long count[NS] = { 0 }, kinh = 0, males = 0, year_only = 0, month_year = 0;
	long hoang[3] = { 0 }, huynh[3] = { 0 }, vu[3] = { 0 }, vo[3] = { 0 }, kinh_rg[3] = { 0 };
	long bad_text = 0, bad_vocab = 0, bad_age = 0, bad_date = 0, no_phone = 0, bad_phone = 0;
	long bad_party = 0, party = 0, pupils_ok = 0, pupils = 0, bad_prov = 0, words[8] = { 0 };
	long with_minority_name = 0, four_words = 0, bad_other = 0;
	char **names = malloc(NSAMPLE * sizeof *names);
	struct rng r;

	rng_seed(&r, 2026);
	for (int i = 0; i < NSAMPLE; i++) {
		struct demo_opts o = { .today = TODAY, .age_min = 16, .age_max = 90,
				       .region = (enum demo_region)(i % 3) };
		struct person p;
		int prov = -1;
		demo_person(g, &r, &o, &p, &prov);
		int rg = i % 3;

		bad_prov += demo_province(prov) == NULL;
		bad_other += p.cccd != NULL || p.m.id != 0 || p.m.version != 0;
		const char *texts[] = { p.full_name, p.ethnicity, p.religion, p.phone, p.home_town,
					p.address, p.education, p.qualification, p.theory,
					p.occupation, p.workplace, p.notes };
		for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
			if (texts[k] && !clean_text(texts[k])) {
				if (bad_text++ < 5)
					diag("bad text: '%s'", texts[k]);
			}
		if (!p.full_name || !p.ethnicity || !p.religion || !p.education || !p.home_town ||
		    !p.address || !p.occupation)
			bad_other++;
		if (vocab_index(&VOCAB_ETHNICITY, p.ethnicity) < 0 ||
		    vocab_index(&VOCAB_RELIGION, p.religion) < 0 ||
		    vocab_index(&VOCAB_EDUCATION, p.education) < 0 ||
		    (p.qualification && vocab_index(&VOCAB_QUALIFICATION, p.qualification) < 0) ||
		    (p.theory && vocab_index(&VOCAB_THEORY, p.theory) < 0)) {
			if (bad_vocab++ < 5)
				diag("not canonical: %s / %s / %s / %s / %s", p.ethnicity,
				     p.religion, p.education,
				     p.qualification ? p.qualification : "-",
				     p.theory ? p.theory : "-");
		}

		males += p.sex == SEX_MALE;
		bad_other += p.sex != SEX_MALE && p.sex != SEX_FEMALE;
		bad_date += !date_ok(p.birth, false);
		year_only += DATE_MONTH(p.birth) == 0;
		month_year += DATE_MONTH(p.birth) != 0 && DATE_DAY(p.birth) == 0;
		int age = age_on(p.birth, TODAY);
		if (age < 16 || age > 90) {
			if (bad_age++ < 5)
				diag("age %d for birth %u", age, p.birth);
		}
		if (age < 18) {
			pupils++;
			pupils_ok += strcmp(p.occupation, "Học sinh") == 0 && !p.party_member &&
				     !p.qualification;
		}
		if (p.party_member) {
			party++;
			if (!date_ok(p.party_date, true) || p.party_date > TODAY ||
			    age_on(p.birth, p.party_date) < 18)
				bad_party++;
		} else {
			bad_party += p.party_date != 0;
		}
		if (!p.phone) {
			no_phone++;
		} else {
			bool digits = strlen(p.phone) == 10 && p.phone[0] == '0' &&
				      strchr("35789", p.phone[1]);
			for (int k = 0; k < 10 && digits; k++)
				digits = p.phone[k] >= '0' && p.phone[k] <= '9';
			bad_phone += !digits;
		}

		int nw = 1;
		for (const char *c = p.full_name; *c; c++)
			nw += *c == ' ';
		words[nw < 7 ? nw : 7]++;
		four_words += nw == 4;
		if (strcmp(p.ethnicity, "Kinh") == 0) {
			size_t fw = first_word(p.full_name);
			kinh++;
			kinh_rg[rg]++;
			for (int k = 0; k < NS; k++)
				count[k] += word_is(p.full_name, fw, shares[k].s);
			hoang[rg] += word_is(p.full_name, fw, "Hoàng");
			huynh[rg] += word_is(p.full_name, fw, "Huỳnh");
			vu[rg] += word_is(p.full_name, fw, "Vũ");
			vo[rg] += word_is(p.full_name, fw, "Võ");
		} else if (strncmp(p.full_name, "Y ", 2) == 0 ||
			   strncmp(p.full_name, "H'", 2) == 0 || strstr(p.full_name, " A ") ||
			   strncmp(p.full_name, "A ", 2) == 0 || strstr(p.full_name, " K'")) {
			with_minority_name++;
		}
		names[i] = p.full_name;
		p.full_name = NULL;
		person_free(&p);
	}

	is_int(bad_text, 0, "every field valid UTF-8, NFC, no control characters, no stray spaces");
	is_int(bad_vocab, 0, "ethnicity, religion, education, qualification, theory are canonical");
	is_int(bad_other, 0, "required fields set, sex set, cccd and meta left to the caller");
	is_int(bad_prov, 0, "the province for the CCCD is a real code");
	is_int(bad_date, 0, "birth dates are valid at their precision");
	is_int(bad_age, 0, "every age within 16..90");

	double pk = 100.0 * (double)kinh / NSAMPLE;
	ok(pk > 82 && pk < 91, "Kinh %.1f%% of all", pk);
	for (int k = 0; k < NS; k++) {
		double s = 100.0 * (double)count[k] / (double)kinh;
		ok(s >= shares[k].lo && s <= shares[k].hi, "%s %.2f%% of Kinh (want %.1f..%.1f)",
		   shares[k].s, s, shares[k].lo, shares[k].hi);
	}
	for (int rg = 0; rg < 3; rg++) {
		double hh = 100.0 * (double)(hoang[rg] + huynh[rg]) / (double)kinh_rg[rg];
		double vv = 100.0 * (double)(vu[rg] + vo[rg]) / (double)kinh_rg[rg];
		ok(hh > 4.3 && hh < 5.9, "region %d: Hoàng + Huỳnh %.2f%%", rg, hh);
		ok(vv > 3.3 && vv < 4.5, "region %d: Vũ + Võ %.2f%%", rg, vv);
	}
	ok(hoang[0] > 10 * huynh[0] && vu[0] > 10 * vo[0], "north: Hoàng and Vũ");
	ok(huynh[2] > 3 * hoang[2] && vo[2] > 3 * vu[2], "south: Huỳnh and Võ");

	double pm = 100.0 * (double)males / NSAMPLE;
	ok(pm > 48.5 && pm < 51.5, "men %.1f%%", pm);
	double py = 100.0 * (double)year_only / NSAMPLE, pmy = 100.0 * (double)month_year / NSAMPLE;
	ok(py > 8.5 && py < 11.5, "year-only births %.1f%%", py);
	ok(pmy > 2 && pmy < 4, "month-year births %.1f%%", pmy);
	double pn = 100.0 * (double)no_phone / NSAMPLE;
	ok(pn > 20 && pn < 40, "no phone %.1f%%", pn);
	is_int(bad_phone, 0, "phones are 10 digits with a mobile prefix");
	double pp = 100.0 * (double)party / NSAMPLE;
	ok(pp > 3 && pp < 15, "party members %.1f%%", pp);
	is_int(bad_party, 0, "party dates: full dates after the 18th birthday, only for members");
	ok(pupils > 0 && pupils_ok == pupils, "under 18: pupils, no party, no qualification (%ld)",
	   pupils);
	ok(words[2] > NSAMPLE / 100 && words[2] < NSAMPLE / 12, "some two-word names (%ld)",
	   words[2]);
	ok(four_words > NSAMPLE / 50 && four_words < NSAMPLE / 4, "some four-word names (%ld)",
	   four_words);
	is_int(words[0] + words[1] + words[6] + words[7], 0, "names have two to five words");
	ok(with_minority_name > 100, "minority name patterns appear (%ld)", with_minority_name);

	/* Common names repeat, as in real lists, but no name is absurdly frequent. */
	qsort(names, NSAMPLE, sizeof *names, cmp_str);
	long distinct = 0, run = 0, longest = 0;
	for (int i = 0; i < NSAMPLE; i++) {
		run = i > 0 && strcmp(names[i], names[i - 1]) == 0 ? run + 1 : 1;
		distinct += run == 1;
		if (run > longest)
			longest = run;
	}
	ok(distinct > NSAMPLE / 3 && distinct < NSAMPLE * 4 / 5, "%ld distinct names in %d",
	   distinct, NSAMPLE);
	ok(longest >= 5 && longest < NSAMPLE / 200, "the commonest name %ld times", longest);
	for (int i = 0; i < NSAMPLE; i++)
		free(names[i]);
	free(names);
}

static void test_options(const struct demo_gen *g)
{
	struct rng r;
	struct person p;
	int prov, n37 = 0, women = 0, age30 = 0, addr = 0, kinh = 0, dead_end = 0;

	rng_seed(&r, 9);
	for (int i = 0; i < 2000; i++) {
		struct demo_opts o = { .today = TODAY, .age_min = 30, .age_max = 30,
				       .sex = SEX_FEMALE, .region = DEMO_NORTH, .province = 37,
				       .commune = "Xã Yên Thịnh", .branch = "Thôn Đông" };
		demo_person(g, &r, &o, &p, &prov);
		n37 += prov == 37;
		women += p.sex == SEX_FEMALE;
		age30 += age_on(p.birth, TODAY) == 30;
		addr += strcmp(p.address, "Thôn Đông, xã Yên Thịnh") == 0;
		person_free(&p);
	}
	ok(n37 > 1600 && n37 < 2000, "most are registered in the area's province (%d of 2000)",
	   n37);
	is_int(women, 2000, "forced sex");
	is_int(age30, 2000, "age range of one year");
	is_int(addr, 2000, "the address names the unit's village and commune");

	for (int i = 0; i < 2000; i++) {
		struct demo_opts o = { .today = TODAY, .region = DEMO_CENTRAL,
				       .ethnic_area = true };
		demo_person(g, &r, &o, &p, NULL);
		kinh += strcmp(p.ethnicity, "Kinh") == 0;
		person_free(&p);
	}
	ok(kinh > 300 && kinh < 700, "ethnic-minority area: Kinh %d of 2000", kinh);

	/* Degenerate options still give a valid person: no date, reversed range, odd region. */
	struct demo_opts o = { .today = 0, .age_min = 50, .age_max = 20, .region = 7,
			       .province = 99 };
	demo_person(g, &r, &o, &p, &prov);
	dead_end = !date_ok(p.birth, false) || !p.full_name || demo_province(prov) == NULL;
	ok(!dead_end, "odd options are tolerated");
	is_int(age_on(p.birth, 20260701), 50, "a reversed age range reads as age_min");
	person_free(&p);
	o = (struct demo_opts){ .today = 19600101, .age_min = 100, .age_max = 110 };
	demo_person(g, &r, &o, &p, NULL);
	ok(date_ok(p.birth, false), "no birth before 1900 (%u)", p.birth);
	person_free(&p);

	/* 29 February. */
	o = (struct demo_opts){ .today = 20280229, .age_min = 0, .age_max = 3 };
	int bad = 0;
	for (int i = 0; i < 500; i++) {
		demo_person(g, &r, &o, &p, NULL);
		int a = age_on(p.birth, 20280229);
		bad += !date_ok(p.birth, false) || a < 0 || a > 3;
		person_free(&p);
	}
	is_int(bad, 0, "ages counted to 29 February");
}

/* The pieces the generator is made of, for callers that want a name or a religion alone. */
static void test_pieces(const struct demo_gen *g)
{
	struct rng r;
	char name[DEMO_NAME_MAX], tiny[8];
	int bad = 0, ede = 0, hmong = 0, rel_bad = 0, muslim = 0;

	rng_seed(&r, 5);
	for (int i = 0; i < 500; i++) {
		size_t n = demo_full_name(g, &r, "Ê Đê", SEX_MALE, 1980, DEMO_CENTRAL, name,
					  sizeof name);
		bad += n != strlen(name) || !clean_text(name);
		ede += strncmp(name, "Y ", 2) == 0;
		demo_full_name(g, &r, "Mông", SEX_MALE, 1990, DEMO_NORTH, name, sizeof name);
		bad += !clean_text(name);
		hmong += strstr(name, " A ") != NULL || strstr(name, " Seo ") != NULL;
		demo_full_name(g, &r, NULL, SEX_FEMALE, 1950, DEMO_SOUTH, name, sizeof name);
		bad += !clean_text(name);
		const char *rel = demo_religion(g, &r, "Chăm", DEMO_SOUTH);
		rel_bad += vocab_index(&VOCAB_RELIGION, rel) < 0;
		muslim += strcmp(rel, "Hồi giáo") == 0;
		rel = demo_religion(g, &r, "Kinh", DEMO_SOUTH);
		rel_bad += vocab_index(&VOCAB_RELIGION, rel) < 0;
		rel = demo_religion(g, &r, "?", 9);
		rel_bad += vocab_index(&VOCAB_RELIGION, rel) < 0;
	}
	is_int(bad, 0, "demo_full_name writes clean names and returns their length");
	is_int(ede, 500, "Ê Đê men are written Y … surname");
	ok(hmong > 300, "Mông men mostly have A or Seo (%d of 500)", hmong);
	is_int(rel_bad, 0, "demo_religion gives canonical religions, also for unknown input");
	ok(muslim > 400, "Chăm of the south are mostly Muslim (%d of 500)", muslim);

	size_t n = demo_full_name(g, &r, "Kinh", SEX_MALE, 1960, DEMO_NORTH, tiny, sizeof tiny);
	ok(n < sizeof tiny && n == strlen(tiny) && u8_check((const uint8_t *)tiny, n) == NULL &&
	   (n == 0 || tiny[n - 1] != ' '),
	   "a short buffer gets a cut name, never half a character nor a trailing space ('%s')",
	   tiny);

	const struct demo_name *t;
	demo_table(DEMO_T_SURNAME, &t);
	int nguyen = 0;
	for (int i = 0; i < 10000; i++)
		nguyen += demo_pick(g, &r, DEMO_T_SURNAME, DEMO_SOUTH) == 0;
	ok(nguyen > 3500 && nguyen < 4100, "demo_pick follows the weights (Nguyễn %d of 10000)",
	   nguyen);
}

static void test_tables(void)
{
	const struct demo_name *t;
	int bad = 0, zero = 0;

	for (int k = 0; k < DEMO_T__COUNT; k++) {
		size_t n = demo_table(k, &t);
		if (n == 0)
			bad++;
		for (size_t i = 0; i < n; i++) {
			if (!clean_text(t[i].s))
				bad++;
			zero += t[i].w[0] + t[i].w[1] + t[i].w[2] == 0;
			for (size_t j = 0; j < i; j++)
				bad += strcmp(t[i].s, t[j].s) == 0;
		}
	}
	is_int(bad, 0, "every table is non-empty, clean NFC text, without repeats");
	is_int(zero, 0, "every entry can be picked somewhere");

	size_t n = demo_surnames(&t);
	long sum[3] = { 0 };
	for (size_t i = 0; i < n; i++)
		for (int c = 0; c < 3; c++)
			sum[c] += t[i].w[c];
	ok(sum[0] == 10000 && sum[1] == 10000 && sum[2] == 10000, "surname shares add up to 100%%");
	is_str(t[0].s, "Nguyễn", "Nguyễn first");
	ok(n >= 50, "a long tail of surnames (%zu)", n);
	ok(demo_given_names(SEX_MALE, &t) + demo_given_names(SEX_FEMALE, &t) >= 300,
	   "several hundred given names");
	demo_middle_names(SEX_FEMALE, &t);
	is_str(t[0].s, "Thị", "Thị first among women's middle names");
	demo_middle_names(SEX_MALE, &t);
	is_str(t[0].s, "Văn", "Văn first among men's middle names");
	is_int(demo_table_axis(DEMO_T_SURNAME), DEMO_BY_REGION, "surnames by region");
	is_int(demo_table_axis(DEMO_T_GIVEN_F), DEMO_BY_COHORT, "given names by cohort");

	/* Every minority has a place in the generator, with its official name. */
	n = demo_table(DEMO_T_ETHNIC_MINORITY, &t);
	is_int(n, 53, "53 minorities");
	int missing = 0;
	for (size_t i = 0; i < n; i++)
		missing += vocab_index(&VOCAB_ETHNICITY, t[i].s) <= 0;
	is_int(missing, 0, "each is a canonical ethnicity other than Kinh");
	n = demo_table(DEMO_T_RELIGION, &t);
	missing = 0;
	for (size_t i = 0; i < n; i++)
		missing += vocab_index(&VOCAB_RELIGION, t[i].s) < 0;
	is_int(missing, 0, "religions are canonical");
	is_int(demo_table(DEMO_T__COUNT, &t), 0, "no table past the end");
}

static void test_places(void)
{
	const struct demo_province *p;
	size_t n = demo_provinces(&p);
	int bad = 0;

	is_int(n, 63, "63 provinces");
	for (size_t i = 0; i < n; i++) {
		bad += p[i].code < 1 || p[i].code > 96 || !clean_text(p[i].name) ||
		       demo_province(p[i].code) != &p[i];
		for (size_t j = 0; j < i; j++)
			bad += p[i].code == p[j].code;
	}
	is_int(bad, 0, "codes 1..96, unique, found by code");
	is_str(demo_province(1)->name, "Hà Nội", "001 Hà Nội");
	is_str(demo_province(79)->name, "Hồ Chí Minh", "079 Hồ Chí Minh");
	is_str(demo_province(37)->name, "Ninh Bình", "037 Ninh Bình");
	ok(demo_province(3) == NULL, "no province 003");

	size_t nc = demo_commune_count(), nb = demo_branch_count();
	ok(nc >= 60, "%zu communes", nc);
	ok(nb >= 40, "%zu branches", nb);
	bad = 0;
	for (size_t i = 0; i < nc; i++) {
		const char *c = demo_commune_name((unsigned)i);
		bad += !clean_text(c) || (strncmp(c, "Xã ", 4) && strncmp(c, "Phường ", 9) &&
					  strncmp(c, "Thị trấn ", 11));
		for (size_t j = 0; j < i; j++)
			bad += strcmp(c, demo_commune_name((unsigned)j)) == 0;
	}
	for (size_t i = 0; i < nb; i++) {
		bad += !clean_text(demo_branch_name((unsigned)i));
		for (size_t j = 0; j < i; j++)
			bad += strcmp(demo_branch_name((unsigned)i),
				      demo_branch_name((unsigned)j)) == 0;
	}
	is_int(bad, 0, "commune and branch names are distinct and well formed");
	ok(demo_commune_name((unsigned)nc) == demo_commune_name(0), "indexes wrap around");
	int few = 0;
	for (int rg = 0; rg < DEMO_REGIONS; rg++)
		for (int k = 0; k < 3; k++) {
			few += demo_commune_count_in(rg, k) < 5 || demo_branch_count_in(rg, k) < 5;
			few += !demo_commune_in(rg, k, 0) || !demo_branch_in(rg, k, 100);
		}
	is_int(few, 0, "every region and kind of place has at least 5 names");
	is_str(demo_branch_in(DEMO_NORTH, DEMO_ETHNIC, 0), "Bản Nà Phặc", "a northern village");
}

int main(void)
{
	struct demo_gen *g = demo_gen_new();
	test_determinism(g);
	test_population(g);
	test_options(g);
	test_pieces(g);
	test_tables();
	test_places();
	demo_gen_free(&g);
	return done_testing();
}
