/* Generates realistic, deterministic Vietnamese members, and the places of the demo unit tree.
 *
 * Every weighted pick is a binary search in a cumulative table built once by demo_gen_new, so a
 * person costs a few dozen rng draws and the strings it owns.  The order of draws is fixed:
 * sex, age, birth date, province, ethnicity, name, religion, occupation, education,
 * qualification, party, theory, phone, home town, address, workplace, notes. */
#include "core/demo_data.h"
#include "core/demo_priv.h"

#include "core/record.h"
#include "util/rng.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What an occupation implies. */
enum qual_kind { Q_PLAIN, Q_PROF, Q_DEGREE, Q_STUDENT, Q_UNIFORM, Q_RETIRED, Q_BUSINESS };
enum work_kind {
	W_NONE, W_COMPANY, W_SCHOOL, W_COMMUNE, W_HEALTH, W_SCHOOL_HEALTH, W_ARMY, W_POLICE,
};

static const struct {
	const char *occ;
	unsigned char qual, work;
	unsigned short party;	/* per mille */
} OCC_INFO[] = {
	{ "Cán bộ", Q_PROF, W_COMMUNE, 750 }, { "Công chức", Q_PROF, W_COMMUNE, 600 },
	{ "Viên chức", Q_PROF, W_SCHOOL_HEALTH, 300 }, { "Giáo viên", Q_PROF, W_SCHOOL, 350 },
	{ "Kế toán", Q_PROF, W_COMPANY, 100 }, { "Nhân viên văn phòng", Q_PROF, W_COMPANY, 60 },
	{ "Nhân viên y tế", Q_PROF, W_HEALTH, 200 }, { "Bác sĩ", Q_DEGREE, W_HEALTH, 350 },
	{ "Kỹ sư", Q_DEGREE, W_COMPANY, 150 }, { "Sinh viên", Q_STUDENT, W_NONE, 20 },
	{ "Quân nhân", Q_UNIFORM, W_ARMY, 500 }, { "Công an", Q_UNIFORM, W_POLICE, 700 },
	{ "Hưu trí", Q_RETIRED, W_NONE, 300 }, { "Kinh doanh", Q_BUSINESS, W_NONE, 30 },
	{ "Công nhân", Q_PLAIN, W_COMPANY, 30 },
};
#define OCC_DEFAULT 0xff

/* Qualification mixes per mille, in the order of QUALS. */
static const char *const QUALS[] = {
	"Tiến sĩ", "Thạc sĩ", "Đại học", "Cao đẳng", "Trung cấp", "Sơ cấp", "Không",
};
static const unsigned short QUAL_MIX[][7] = {
	[Q_PLAIN] = { 0, 0, 40, 40, 100, 100, 720 },
	[Q_PROF] = { 10, 90, 600, 120, 150, 20, 10 },
	[Q_DEGREE] = { 30, 120, 850, 0, 0, 0, 0 },
	[Q_STUDENT] = { 0, 0, 0, 30, 50, 20, 900 },
	[Q_UNIFORM] = { 0, 20, 300, 100, 300, 100, 180 },
	[Q_RETIRED] = { 5, 20, 200, 80, 250, 100, 345 },
	[Q_BUSINESS] = { 0, 10, 150, 60, 100, 80, 600 },
};

/* Final school grade (x/12) per mille by cohort; 0 is "Chưa học". */
static const struct {
	unsigned char grade;
	unsigned short w[3];
} GRADES[] = {
	{ 12, { 250, 500, 750 } }, { 11, { 30, 40, 30 } }, { 10, { 40, 50, 30 } },
	{ 9, { 200, 220, 130 } }, { 8, { 60, 40, 20 } }, { 7, { 120, 50, 10 } },
	{ 6, { 60, 30, 10 } }, { 5, { 100, 40, 10 } }, { 4, { 50, 10, 0 } }, { 3, { 40, 10, 0 } },
	{ 2, { 20, 0, 0 } }, { 1, { 10, 0, 0 } }, { 0, { 20, 10, 10 } },
};

static const char *const COMPANIES[] = {
	"Công ty TNHH May Phú Thịnh", "Công ty TNHH Giày da An Phước",
	"Công ty CP Xây dựng Hưng Long", "Công ty TNHH Điện tử Minh Quang",
	"Công ty CP Chế biến Nông sản Việt Hưng", "Công ty TNHH Thủy sản Phú Cường",
	"Công ty CP Vận tải Thành Nam", "Công ty TNHH Bao bì Tân Tiến",
	"Công ty CP Cơ khí Đông Á", "Công ty TNHH Gỗ Bình Minh",
	"Công ty CP Dệt may Hoàng Gia", "Công ty TNHH Thực phẩm An Khang",
};

static const char *const NOTES[] = {
	"Hộ nghèo", "Hộ cận nghèo", "Gia đình chính sách", "Con liệt sĩ", "Thương binh",
	"Người khuyết tật", "Đang đi làm ăn xa",
};

struct demo_gen {
	const struct demo_name *tab[DEMO_T__COUNT];
	size_t n[DEMO_T__COUNT];
	uint32_t *cum[DEMO_T__COUNT][3];
	unsigned char *occ[2];		/* OCC_INFO index by occupation index, male/female */
	uint32_t *block;
	/* Commune and branch names by region and kind of place. */
	const char **commune[DEMO_REGIONS][3], **branch[DEMO_REGIONS][3];
	uint32_t ncommune[DEMO_REGIONS][3], nbranch[DEMO_REGIONS][3];
};

struct demo_gen *demo_gen_new(void)
{
	struct demo_gen *g = xcalloc(1, sizeof *g);
	size_t total = 0;

	for (int t = 0; t < DEMO_T__COUNT; t++) {
		g->n[t] = demo_table(t, &g->tab[t]);
		total += g->n[t];
	}
	g->block = xmalloc(3 * total * sizeof *g->block);
	uint32_t *p = g->block;
	for (int t = 0; t < DEMO_T__COUNT; t++)
		for (int c = 0; c < 3; c++) {
			uint32_t sum = 0;
			g->cum[t][c] = p;
			for (size_t i = 0; i < g->n[t]; i++)
				*p++ = sum += g->tab[t][i].w[c];
		}

	for (int s = 0; s < 2; s++) {
		enum demo_table t = s ? DEMO_T_OCCUPATION_F : DEMO_T_OCCUPATION_M;
		g->occ[s] = xmalloc(g->n[t]);
		for (size_t i = 0; i < g->n[t]; i++) {
			g->occ[s][i] = OCC_DEFAULT;
			for (size_t k = 0; k < sizeof OCC_INFO / sizeof OCC_INFO[0]; k++)
				if (strcmp(g->tab[t][i].s, OCC_INFO[k].occ) == 0)
					g->occ[s][i] = (unsigned char)k;
		}
	}
	for (int rg = 0; rg < DEMO_REGIONS; rg++)
		for (int k = 0; k < 3; k++) {
			uint32_t n = (uint32_t)demo_commune_count_in(rg, k);
			g->ncommune[rg][k] = n;
			g->commune[rg][k] = xmalloc((n ? n : 1) * sizeof(char *));
			for (uint32_t i = 0; i < n; i++)
				g->commune[rg][k][i] = demo_commune_in(rg, k, i);
			n = (uint32_t)demo_branch_count_in(rg, k);
			g->nbranch[rg][k] = n;
			g->branch[rg][k] = xmalloc((n ? n : 1) * sizeof(char *));
			for (uint32_t i = 0; i < n; i++)
				g->branch[rg][k][i] = demo_branch_in(rg, k, i);
		}
	return g;
}

void demo_gen_free(struct demo_gen **gp)
{
	struct demo_gen *g = *gp;
	if (!g)
		return;
	free(g->block);
	free(g->occ[0]);
	free(g->occ[1]);
	for (int rg = 0; rg < DEMO_REGIONS; rg++)
		for (int k = 0; k < 3; k++) {
			free(g->commune[rg][k]);
			free(g->branch[rg][k]);
		}
	free(g);
	*gp = NULL;
}

size_t demo_pick(const struct demo_gen *g, struct rng *r, enum demo_table t, int col)
{
	if ((unsigned)t >= DEMO_T__COUNT || (unsigned)col >= 3)
		return 0;
	const uint32_t *c = g->cum[t][col];
	size_t n = g->n[t];
	if (n == 0 || c[n - 1] == 0)
		return 0;
	uint32_t x = rng_below(r, c[n - 1]);
	size_t lo = 0, hi = n - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static const char *pick_s(const struct demo_gen *g, struct rng *r, enum demo_table t, int col)
{
	return g->tab[t][demo_pick(g, r, t, col)].s;
}

static bool chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

/* ---- Dates (proleptic Gregorian day numbers, days since 1970-01-01) ---- */

static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static hv_date civil_from_days(int64_t z)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	return (hv_date)(y * 10000 + m * 100 + d);
}

static int mdays(int y, int m)
{
	static const unsigned char n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* The same month and day in year y (29 February becomes the 28th). */
static int64_t day_in_year(int y, int m, int d)
{
	return days_from_civil(y, m, d > mdays(y, m) ? mdays(y, m) : d);
}

/* Population shape: flat to 55, thinning to a tenth at 91. */
static int pick_age(struct rng *r, int lo, int hi)
{
	for (int tries = 0; tries < 64; tries++) {
		int a = lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
		double w = a <= 55 ? 1.0 : a >= 91 ? 0.1 : 1.0 - (a - 55) * 0.025;
		if (chance(r, w))
			return a;
	}
	return lo;
}

/* A birth date at which the person is exactly age on today (at the date's own precision):
 * about 87% full dates, 10% year only, 3% month and year. */
static hv_date pick_birth(struct rng *r, int ty, int tm, int td, int age)
{
	double u = rng_unit(r);
	if (u < 0.10)
		return (hv_date)(ty - age) * 10000;
	if (u < 0.13) {
		int m = 1 + (int)rng_below(r, 12);
		int y = m <= tm ? ty - age : ty - age - 1;
		return (hv_date)(y * 10000 + m * 100);
	}
	int64_t hi = day_in_year(ty - age, tm, td);
	int64_t lo = day_in_year(ty - age - 1, tm, td) + 1;
	return civil_from_days(lo + rng_below(r, (uint32_t)(hi - lo + 1)));
}

/* ---- Strings ---- */


static const char *const LEVELS[] = { "Xã ", "Phường ", "Thị trấn " };

/* The name of a commune without its level word: "Xã Yên Thịnh" -> "Yên Thịnh". */
static const char *bare_commune(const char *c)
{
	for (size_t i = 0; i < sizeof LEVELS / sizeof LEVELS[0]; i++)
		if (strncmp(c, LEVELS[i], strlen(LEVELS[i])) == 0)
			return c + strlen(LEVELS[i]);
	return c;
}

/* A commune as it reads inside a sentence: "Xã Yên Thịnh" -> "xã Yên Thịnh". */
static void sb_commune_lower(struct sb *s, const char *c)
{
	size_t at = s->n;
	sb_cat(s, c);
	if (bare_commune(c) != c && s->b[at] >= 'A' && s->b[at] <= 'Z')
		s->b[at] = (char)(s->b[at] | 0x20);
}

/* "tỉnh Ninh Bình", "thành phố Hà Nội". */
static void sb_province_lower(struct sb *s, const struct demo_province *p)
{
	size_t at = s->n;
	sb_cat(s, p->level);
	s->b[at] = (char)(s->b[at] | 0x20);
	sb_word(s, p->name);
}

static enum demo_place place_of(const char *commune, bool ethnic)
{
	if (strncmp(commune, "Xã ", strlen("Xã ")) != 0)
		return DEMO_URBAN;
	return ethnic ? DEMO_ETHNIC : DEMO_RURAL;
}

static const char *random_commune(const struct demo_gen *g, struct rng *r, int rg, int kind)
{
	return g->commune[rg][kind][rng_below(r, g->ncommune[rg][kind])];
}

static const struct demo_province *random_province(struct rng *r, int region)
{
	const struct demo_province *p;
	size_t n = demo_provinces(&p);
	for (;;) {
		const struct demo_province *c = &p[rng_below(r, (uint32_t)n)];
		if (region < 0 || (int)c->region == region)
			return c;
	}
}

/* ---- The rest of the person ---- */

/* "12/12", "9/10" (the northern 10-year system, for people schooled before 1981), "Chưa học";
 * returns the grade on the 12-year scale. */
static int education_of(struct rng *r, int age, int birth_year, bool ten_year, int qual,
			 int cohort, bool minority, struct sb *s)
{
	int grade;
	if (age < 18) {
		grade = age - 6 > 12 ? 12 : age - 6;
	} else if (qual == Q_PROF || qual == Q_DEGREE || qual == Q_STUDENT) {
		grade = 12;
	} else {
		int col = minority && cohort > 0 ? cohort - 1 : cohort;
		unsigned total = 0, x;
		for (size_t i = 0; i < sizeof GRADES / sizeof GRADES[0]; i++)
			total += GRADES[i].w[col];
		x = rng_below(r, total);
		grade = 0;
		for (size_t i = 0; i < sizeof GRADES / sizeof GRADES[0]; i++) {
			if (x < GRADES[i].w[col]) {
				grade = GRADES[i].grade;
				break;
			}
			x -= GRADES[i].w[col];
		}
	}
	if (grade <= 0) {
		sb_cat(s, "Chưa học");
		return 0;
	}
	int g12 = grade;
	bool ten = ten_year && birth_year < 1974;
	if (ten)
		grade = grade >= 9 ? grade - 2 : grade > 7 ? 7 : grade;
	char t[8], *p = t;
	if (grade >= 10)
		*p++ = (char)('0' + grade / 10);
	*p++ = (char)('0' + grade % 10);
	memcpy(p, ten ? "/10" : "/12", 4);
	sb_cat(s, t);
	return g12;
}

static const char *qualification_of(struct rng *r, int qual, int grade, int age)
{
	const unsigned short *m = QUAL_MIX[qual];
	unsigned total = 0;
	for (int i = 0; i < 7; i++)
		total += m[i];
	unsigned x = rng_below(r, total);
	int q = 6;
	for (int i = 0; i < 7; i++) {
		if (x < m[i]) {
			q = i;
			break;
		}
		x -= m[i];
	}
	/* Colleges and universities take school leavers only, vocational schools grade 9; and
	 * each degree takes its years. */
	static const unsigned char min_age[] = { 28, 24, 22, 21, 19, 18, 0 };
	if (grade < 12 && q < 4)
		q = 4;
	if (grade < 9 && q < 5)
		q = 5;
	if (grade < 5)
		q = 6;
	while (age < min_age[q])
		q++;
	return QUALS[q];
}

static const char *theory_of(struct rng *r, bool party, int qual)
{
	double u = rng_unit(r);
	if (party && qual == Q_PROF)
		return u < 0.35 ? "Sơ cấp" : u < 0.80 ? "Trung cấp" : u < 0.95 ? "Cao cấp"
			: u < 0.97 ? "Cử nhân" : "Không";
	if (party)
		return u < 0.70 ? "Sơ cấp" : u < 0.85 ? "Trung cấp" : u < 0.87 ? "Cao cấp"
			: "Không";
	return u < 0.07 ? "Sơ cấp" : "Không";
}

/* A party admission date between the 18th birthday (at the birth's precision) and today,
 * earlier years likelier. */
static hv_date party_date_of(struct rng *r, hv_date birth, int age, int64_t today)
{
	int by = DATE_YEAR(birth), bm = DATE_MONTH(birth), bd = DATE_DAY(birth);
	int64_t lo = day_in_year(by + 18, bm ? bm : 1, bd ? bd : 1);
	int64_t hi = days_from_civil(by + (age < 50 ? age : 50) + 1, 1, 1);
	if (hi > today)
		hi = today;
	if (hi < lo)
		hi = lo;
	double u = rng_unit(r);
	return civil_from_days(lo + (int64_t)(u * u * (double)(hi - lo)));
}

static void workplace_of(struct rng *r, int work, const char *commune,
			 const struct demo_province *prov, struct sb *s)
{
	static const char *const SCHOOLS[] = {
		"Trường Mầm non ", "Trường Tiểu học ", "Trường THCS ", "Trường THPT ",
	};
	static const char *const OFFICES[] = {
		"UBND ", "Đảng ủy ", "Ủy ban MTTQ ", "Hội Nông dân ", "Hội LHPN ",
	};
	if (work == W_SCHOOL_HEALTH)
		work = chance(r, 0.5) ? W_SCHOOL : W_HEALTH;
	switch (work) {
	case W_COMPANY:
		if (chance(r, 0.15)) {
			sb_cat(s, "Hợp tác xã Nông nghiệp ");
			sb_cat(s, bare_commune(commune));
		} else {
			sb_cat(s, COMPANIES[rng_below(r, sizeof COMPANIES / sizeof COMPANIES[0])]);
		}
		break;
	case W_SCHOOL:
		sb_cat(s, SCHOOLS[rng_below(r, 4)]);
		sb_cat(s, bare_commune(commune));
		break;
	case W_COMMUNE:
		sb_cat(s, OFFICES[rng_below(r, sizeof OFFICES / sizeof OFFICES[0])]);
		sb_commune_lower(s, commune);
		break;
	case W_HEALTH:
		if (chance(r, 0.6)) {
			sb_cat(s, "Trạm Y tế ");
			sb_commune_lower(s, commune);
		} else {
			sb_cat(s, "Bệnh viện Đa khoa ");
			sb_province_lower(s, prov);
		}
		break;
	case W_ARMY:
		if (chance(r, 0.5)) {
			sb_cat(s, "Ban Chỉ huy Quân sự ");
			sb_commune_lower(s, commune);
		} else {
			sb_cat(s, "Bộ Chỉ huy Quân sự ");
			sb_province_lower(s, prov);
		}
		break;
	case W_POLICE:
		sb_cat(s, "Công an ");
		if (chance(r, 0.6))
			sb_commune_lower(s, commune);
		else
			sb_province_lower(s, prov);
		break;
	default:
		break;
	}
}

void demo_person(const struct demo_gen *g, struct rng *r, const struct demo_opts *o,
		 struct person *out, int *province)
{
	struct sb s = { .n = 0 };
	memset(out, 0, sizeof *out);

	int ty = DATE_YEAR(o->today), tm = DATE_MONTH(o->today), td = DATE_DAY(o->today);
	if (ty < 1950 || ty > 2100 || tm < 1 || tm > 12 || td < 1 || td > mdays(ty, tm)) {
		ty = 2026;
		tm = 7;
		td = 1;
	}
	int64_t today = days_from_civil(ty, tm, td);
	int region = (unsigned)o->region < DEMO_REGIONS ? (int)o->region : DEMO_NORTH;
	int lo = o->age_min, hi = o->age_max;
	if (lo == 0 && hi == 0) {
		lo = 16;
		hi = 80;
	}
	if (lo < 0)
		lo = 0;
	if (hi < lo)
		hi = lo;
	int cap = ty - 1901 < 110 ? ty - 1901 : 110;	/* births from 1900 */
	if (hi > cap)
		hi = cap;
	if (lo > hi)
		lo = hi;

	bool male = o->sex == SEX_MALE || (o->sex != SEX_FEMALE && rng_below(r, 2) == 0);
	out->sex = male ? SEX_MALE : SEX_FEMALE;
	int age = pick_age(r, lo, hi);
	out->birth = pick_birth(r, ty, tm, td, age);
	int by = DATE_YEAR(out->birth);
	int cohort = by < 1960 ? 0 : by < 1990 ? 1 : 2;

	/* Where the birth was registered: mostly the area's own province. */
	const struct demo_province *area = o->province ? demo_province(o->province) : NULL;
	if (!area || (int)area->region != region)
		area = random_province(r, region);
	const struct demo_province *home = area;
	bool local = chance(r, 0.85);
	if (!local)
		home = random_province(r, chance(r, 0.8) ? region : -1);
	if (province)
		*province = home->code;

	static const double kinh_share[DEMO_REGIONS] = { 0.82, 0.85, 0.91 };
	bool minority = !chance(r, o->ethnic_area ? 0.25 : kinh_share[region]);
	const char *eth = minority ? pick_s(g, r, DEMO_T_ETHNIC_MINORITY, region) : "Kinh";
	out->ethnicity = xstrdup(eth);
	char name[DEMO_NAME_MAX];
	demo_full_name(g, r, eth, (int)out->sex, by, region, name, sizeof name);
	out->full_name = xstrdup(name);
	out->religion = xstrdup(demo_religion(g, r, eth, region));

	/* Occupation, then what it implies. */
	int band = age < 23 ? 0 : age < 60 ? 1 : 2;
	enum demo_table ot = male ? DEMO_T_OCCUPATION_M : DEMO_T_OCCUPATION_F;
	int qual = Q_PLAIN, work = W_NONE, party_pm = age >= 30 ? 40 : 20;
	if (age < 18 || (age == 18 && chance(r, 0.5))) {
		out->occupation = xstrdup("Học sinh");
		party_pm = 0;
	} else {
		size_t i = demo_pick(g, r, ot, band);
		if (minority && band > 0 && chance(r, 0.5))
			i = 0;	/* the first entry, Nông dân: most minority members farm */
		out->occupation = xstrdup(g->tab[ot][i].s);
		unsigned char k = g->occ[!male][i];
		if (k != OCC_DEFAULT) {
			qual = OCC_INFO[k].qual;
			work = OCC_INFO[k].work;
			party_pm = OCC_INFO[k].party;
		}
	}

	/* The 10-year school system ran north of the 17th parallel: Quảng Bình (44) and up. */
	s.n = 0;
	int grade = education_of(r, age, by, region == DEMO_NORTH || home->code <= 44, qual,
				 cohort, minority, &s);
	out->education = xstrdup(s.b);
	if (age >= 18) {
		out->qualification = xstrdup(qualification_of(r, qual, grade, age));
		if (strcmp(out->qualification, "Không") == 0 && chance(r, 0.3))
			XFREE(out->qualification);	/* old lists leave it blank */
	}

	if (age >= 18 && rng_below(r, 1000) < (unsigned)party_pm) {
		out->party_member = 1;
		out->party_date = party_date_of(r, out->birth, age, today);
	}
	if (age >= 18) {
		const char *t = theory_of(r, out->party_member, qual);
		if (strcmp(t, "Không") != 0 || !chance(r, 0.4))
			out->theory = xstrdup(t);
	}

	double no_phone = age >= 70 ? 0.6 : age >= 60 ? 0.4 : 0.22;
	if (!chance(r, no_phone)) {
		char ph[11];
		memcpy(ph, pick_s(g, r, DEMO_T_PHONE_PREFIX, 0), 3);
		for (uint32_t v = rng_below(r, 10000000), i = 10; i-- > 3; v /= 10)
			ph[i] = (char)('0' + v % 10);
		ph[10] = '\0';
		out->phone = xstrdup(ph);
	}

	/* Where they live: the unit's commune and village, or one of the region. */
	enum demo_place kind = o->ethnic_area ? DEMO_ETHNIC
		: chance(r, 0.15) ? DEMO_URBAN : DEMO_RURAL;
	const char *commune = o->commune ? o->commune : random_commune(g, r, region, kind);
	kind = place_of(commune, o->ethnic_area);
	const char *branch = o->branch;
	if (!branch)
		branch = g->branch[region][kind][rng_below(r, g->nbranch[region][kind])];
	s.n = 0;
	if (kind == DEMO_URBAN && chance(r, 0.5)) {
		char num[24];
		snprintf(num, sizeof num, "Số %u,", 1 + (unsigned)rng_below(r, 150));
		sb_cat(&s, num);
	}
	sb_word(&s, branch);
	sb_cat(&s, ", ");
	sb_commune_lower(&s, commune);
	out->address = xstrdup(s.b);

	/* Home town: the same commune for most locals, else a commune of the home province's
	 * region; "Xã Yên Thịnh, tỉnh Ninh Bình", or as some lists write "Yên Thịnh, Ninh Bình". */
	const char *hc = local && o->commune && chance(r, 0.6) ? o->commune
		: random_commune(g, r, (int)home->region, minority ? DEMO_ETHNIC : DEMO_RURAL);
	s.n = 0;
	if (chance(r, 0.15)) {
		sb_cat(&s, bare_commune(hc));
		sb_cat(&s, ", ");
		sb_cat(&s, home->name);
	} else {
		sb_cat(&s, hc);
		sb_cat(&s, ", ");
		sb_province_lower(&s, home);
	}
	out->home_town = xstrdup(s.b);

	if (work != W_NONE && chance(r, 0.75)) {
		s.n = 0;
		workplace_of(r, work, commune, area, &s);
		out->workplace = xstrdup(s.b);
	}

	if (chance(r, 0.05)) {
		if (minority && age >= 50 && chance(r, 0.3))
			out->notes = xstrdup("Người có uy tín");
		else
			out->notes = xstrdup(NOTES[rng_below(r, sizeof NOTES / sizeof NOTES[0])]);
	}
}

/* ---- Places ---- */

#define NO DEMO_NORTH
#define CE DEMO_CENTRAL
#define SO DEMO_SOUTH

/* CCCD codes of Circular 07/2016/TT-BCA, as still printed on cards. */
static const struct demo_province PROVINCES[] = {
	{ 1, "Hà Nội", "Thành phố", NO }, { 2, "Hà Giang", "Tỉnh", NO },
	{ 4, "Cao Bằng", "Tỉnh", NO }, { 6, "Bắc Kạn", "Tỉnh", NO },
	{ 8, "Tuyên Quang", "Tỉnh", NO }, { 10, "Lào Cai", "Tỉnh", NO },
	{ 11, "Điện Biên", "Tỉnh", NO }, { 12, "Lai Châu", "Tỉnh", NO },
	{ 14, "Sơn La", "Tỉnh", NO }, { 15, "Yên Bái", "Tỉnh", NO }, { 17, "Hòa Bình", "Tỉnh", NO },
	{ 19, "Thái Nguyên", "Tỉnh", NO }, { 20, "Lạng Sơn", "Tỉnh", NO },
	{ 22, "Quảng Ninh", "Tỉnh", NO }, { 24, "Bắc Giang", "Tỉnh", NO },
	{ 25, "Phú Thọ", "Tỉnh", NO }, { 26, "Vĩnh Phúc", "Tỉnh", NO },
	{ 27, "Bắc Ninh", "Tỉnh", NO }, { 30, "Hải Dương", "Tỉnh", NO },
	{ 31, "Hải Phòng", "Thành phố", NO }, { 33, "Hưng Yên", "Tỉnh", NO },
	{ 34, "Thái Bình", "Tỉnh", NO }, { 35, "Hà Nam", "Tỉnh", NO },
	{ 36, "Nam Định", "Tỉnh", NO }, { 37, "Ninh Bình", "Tỉnh", NO },
	{ 38, "Thanh Hóa", "Tỉnh", CE }, { 40, "Nghệ An", "Tỉnh", CE },
	{ 42, "Hà Tĩnh", "Tỉnh", CE }, { 44, "Quảng Bình", "Tỉnh", CE },
	{ 45, "Quảng Trị", "Tỉnh", CE }, { 46, "Thừa Thiên Huế", "Tỉnh", CE },
	{ 48, "Đà Nẵng", "Thành phố", CE }, { 49, "Quảng Nam", "Tỉnh", CE },
	{ 51, "Quảng Ngãi", "Tỉnh", CE }, { 52, "Bình Định", "Tỉnh", CE },
	{ 54, "Phú Yên", "Tỉnh", CE }, { 56, "Khánh Hòa", "Tỉnh", CE },
	{ 58, "Ninh Thuận", "Tỉnh", CE }, { 60, "Bình Thuận", "Tỉnh", CE },
	{ 62, "Kon Tum", "Tỉnh", CE }, { 64, "Gia Lai", "Tỉnh", CE }, { 66, "Đắk Lắk", "Tỉnh", CE },
	{ 67, "Đắk Nông", "Tỉnh", CE }, { 68, "Lâm Đồng", "Tỉnh", CE },
	{ 70, "Bình Phước", "Tỉnh", SO }, { 72, "Tây Ninh", "Tỉnh", SO },
	{ 74, "Bình Dương", "Tỉnh", SO }, { 75, "Đồng Nai", "Tỉnh", SO },
	{ 77, "Bà Rịa - Vũng Tàu", "Tỉnh", SO }, { 79, "Hồ Chí Minh", "Thành phố", SO },
	{ 80, "Long An", "Tỉnh", SO }, { 82, "Tiền Giang", "Tỉnh", SO },
	{ 83, "Bến Tre", "Tỉnh", SO }, { 84, "Trà Vinh", "Tỉnh", SO },
	{ 86, "Vĩnh Long", "Tỉnh", SO }, { 87, "Đồng Tháp", "Tỉnh", SO },
	{ 89, "An Giang", "Tỉnh", SO }, { 91, "Kiên Giang", "Tỉnh", SO },
	{ 92, "Cần Thơ", "Thành phố", SO }, { 93, "Hậu Giang", "Tỉnh", SO },
	{ 94, "Sóc Trăng", "Tỉnh", SO }, { 95, "Bạc Liêu", "Tỉnh", SO },
	{ 96, "Cà Mau", "Tỉnh", SO },
};

size_t demo_provinces(const struct demo_province **out)
{
	*out = PROVINCES;
	return sizeof PROVINCES / sizeof PROVINCES[0];
}

const struct demo_province *demo_province(int code)
{
	for (size_t i = 0; i < sizeof PROVINCES / sizeof PROVINCES[0]; i++)
		if (PROVINCES[i].code == code)
			return &PROVINCES[i];
	return NULL;
}

struct place {
	const char *name;
	unsigned char region;	/* enum demo_region */
	unsigned char kind;	/* enum demo_place */
};

#define RU DEMO_RURAL
#define ET DEMO_ETHNIC
#define UR DEMO_URBAN

static const struct place COMMUNES[] = {
	{ "Xã Yên Thịnh", NO, RU }, { "Xã Yên Lâm", NO, RU }, { "Xã Đông Hưng", NO, RU },
	{ "Xã An Bình", NO, RU }, { "Xã Hồng Phong", NO, RU }, { "Xã Tân Tiến", NO, RU },
	{ "Xã Quang Trung", NO, RU }, { "Xã Nghĩa Hưng", NO, RU }, { "Xã Vũ Thắng", NO, RU },
	{ "Xã Thụy Liên", NO, RU }, { "Xã Đồng Tâm", NO, RU }, { "Xã Phù Lưu", NO, RU },
	{ "Xã Liên Bảo", NO, RU }, { "Xã Tam Hiệp", NO, RU }, { "Xã Minh Khai", NO, RU },
	{ "Xã Gia Thanh", NO, RU }, { "Xã Mường Phăng", NO, ET }, { "Xã Nà Nhạn", NO, ET },
	{ "Xã Chiềng Sinh", NO, ET }, { "Xã Sà Phìn", NO, ET }, { "Xã Lũng Cú", NO, ET },
	{ "Xã Tả Van", NO, ET }, { "Xã Bản Hồ", NO, ET }, { "Xã Nậm Cang", NO, ET },
	{ "Xã Pả Vi", NO, ET }, { "Xã Pú Nhung", NO, ET }, { "Xã Thanh Nưa", NO, ET },
	{ "Xã Chiềng Mai", NO, ET }, { "Phường Đông Thành", NO, UR },
	{ "Phường Trần Hưng Đạo", NO, UR }, { "Phường Bạch Đằng", NO, UR },
	{ "Phường Cẩm Thượng", NO, UR }, { "Phường Nam Thành", NO, UR },
	{ "Phường Ninh Khánh", NO, UR }, { "Thị trấn Yên Ninh", NO, UR },
	{ "Xã Hoằng Phụ", CE, RU }, { "Xã Quảng Tân", CE, RU }, { "Xã Diễn Hồng", CE, RU },
	{ "Xã Nghi Phong", CE, RU }, { "Xã Phước Sơn", CE, RU }, { "Xã Điện Phương", CE, RU },
	{ "Xã Hành Thiện", CE, RU }, { "Xã Nghĩa Hà", CE, RU }, { "Xã Phước Hiệp", CE, RU },
	{ "Xã Hòa Thịnh", CE, RU }, { "Xã Ninh Xuân", CE, RU }, { "Xã Cam Thành", CE, RU },
	{ "Xã Tịnh Khê", CE, RU }, { "Xã Phổ Thạnh", CE, RU }, { "Xã Ia Grai", CE, ET },
	{ "Xã Ea Tul", CE, ET }, { "Xã Đắk Ha", CE, ET }, { "Xã Kon Chiêng", CE, ET },
	{ "Xã Krông Jing", CE, ET }, { "Xã Ia Pết", CE, ET }, { "Xã Đắk Mar", CE, ET },
	{ "Xã Ea Kao", CE, ET }, { "Xã Chư Pơng", CE, ET }, { "Xã Đạ Chais", CE, ET },
	{ "Xã Sơn Bua", CE, ET }, { "Xã A Vao", CE, ET }, { "Phường Thạch Thang", CE, UR },
	{ "Phường Vĩnh Ninh", CE, UR }, { "Phường Hòa Cường", CE, UR },
	{ "Phường Ngô Mây", CE, UR }, { "Phường Thắng Lợi", CE, UR }, { "Phường Lộc Thọ", CE, UR },
	{ "Xã Tân Phú", SO, RU }, { "Xã Long Hòa", SO, RU }, { "Xã Mỹ An", SO, RU },
	{ "Xã Vĩnh Thạnh", SO, RU }, { "Xã An Khánh", SO, RU }, { "Xã Tân Lộc", SO, RU },
	{ "Xã Long Hưng", SO, RU }, { "Xã Mỹ Hòa", SO, RU }, { "Xã Hòa Bình", SO, RU },
	{ "Xã Tân Hiệp", SO, RU }, { "Xã Bình Thành", SO, RU }, { "Xã Thạnh Phú", SO, RU },
	{ "Xã An Thạnh", SO, RU }, { "Xã Ô Lâm", SO, ET }, { "Xã Châu Lăng", SO, ET },
	{ "Xã Lê Trì", SO, ET }, { "Xã Tà Đảnh", SO, ET }, { "Xã Ngọc Biên", SO, ET },
	{ "Xã Tập Sơn", SO, ET }, { "Xã Lai Hòa", SO, ET }, { "Xã Lương Hòa", SO, ET },
	{ "Xã Đa Lộc", SO, ET }, { "Phường Bến Nghé", SO, UR }, { "Phường Tân Định", SO, UR },
	{ "Phường Cái Khế", SO, UR }, { "Phường An Hòa", SO, UR }, { "Phường Mỹ Bình", SO, UR },
	{ "Phường Long Bình", SO, UR },
};

static const struct place BRANCHES[] = {
	{ "Thôn Đông", NO, RU }, { "Thôn Tây", NO, RU }, { "Thôn Nam", NO, RU },
	{ "Thôn Bắc", NO, RU }, { "Thôn Trung", NO, RU }, { "Thôn Thượng", NO, RU },
	{ "Thôn Hạ", NO, RU }, { "Thôn Đình", NO, RU }, { "Thôn Chùa", NO, RU },
	{ "Xóm 1", NO, RU }, { "Xóm 2", NO, RU }, { "Xóm 3", NO, RU }, { "Xóm 4", NO, RU },
	{ "Xóm 5", NO, RU }, { "Xóm Mới", NO, RU }, { "Thôn Yên Thái", NO, RU },
	{ "Thôn Phú Mỹ", NO, RU }, { "Bản Nà Phặc", NO, ET }, { "Bản Mường Hum", NO, ET },
	{ "Bản Pá Khoang", NO, ET }, { "Bản Hua Nà", NO, ET }, { "Bản Nậm Ngà", NO, ET },
	{ "Bản Lả", NO, ET }, { "Bản Tả Phìn", NO, ET }, { "Bản Sín Chải", NO, ET },
	{ "Bản Phìn Hồ", NO, ET }, { "Bản Co Muông", NO, ET }, { "Tổ dân phố 1", NO, UR },
	{ "Tổ dân phố 2", NO, UR }, { "Tổ dân phố 3", NO, UR }, { "Tổ dân phố 4", NO, UR },
	{ "Tổ dân phố 5", NO, UR }, { "Tổ dân phố 6", NO, UR }, { "Thôn 1", CE, RU },
	{ "Thôn 2", CE, RU }, { "Thôn 3", CE, RU }, { "Thôn 4", CE, RU },
	{ "Thôn Phước Sơn", CE, RU }, { "Thôn An Lạc", CE, RU }, { "Thôn Tân Hòa", CE, RU },
	{ "Thôn Trung Hậu", CE, RU }, { "Thôn Mỹ Lợi", CE, RU }, { "Buôn Ko Tam", CE, ET },
	{ "Buôn Kmrơng Prông", CE, ET }, { "Buôn Tơng Jú", CE, ET }, { "Plei Kép", CE, ET },
	{ "Plei Ốp", CE, ET }, { "Làng Kon Klor", CE, ET }, { "Làng Đăk Mế", CE, ET },
	{ "Plei Krông", CE, ET }, { "Bon Bu Prâng", CE, ET }, { "Khối phố 1", CE, UR },
	{ "Khối phố 2", CE, UR }, { "Khối phố 3", CE, UR }, { "Khối phố 4", CE, UR },
	{ "Tổ dân phố 7", CE, UR }, { "Tổ dân phố 8", CE, UR }, { "Ấp Bắc", SO, RU },
	{ "Ấp Chợ", SO, RU }, { "Ấp Đông", SO, RU }, { "Ấp 1", SO, RU }, { "Ấp 2", SO, RU },
	{ "Ấp 3", SO, RU }, { "Ấp Tân Lập", SO, RU }, { "Ấp Mỹ Thạnh", SO, RU },
	{ "Ấp Phú Hòa", SO, RU }, { "Ấp Bình Hòa", SO, RU }, { "Ấp Sóc Ven", SO, ET },
	{ "Ấp Tà Lọt", SO, ET }, { "Ấp Ô Chum", SO, ET }, { "Ấp Phnôm Pi", SO, ET },
	{ "Ấp Chắc Tưng", SO, ET }, { "Ấp Sà Lôn", SO, ET }, { "Ấp Sóc Tà Ong", SO, ET },
	{ "Khu phố 1", SO, UR }, { "Khu phố 2", SO, UR }, { "Khu phố 3", SO, UR },
	{ "Khu phố 4", SO, UR }, { "Khu phố 5", SO, UR },
};

#define NCOMMUNES (sizeof COMMUNES / sizeof COMMUNES[0])
#define NBRANCHES (sizeof BRANCHES / sizeof BRANCHES[0])

const char *demo_commune_name(unsigned i)
{
	return COMMUNES[i % NCOMMUNES].name;
}

size_t demo_commune_count(void)
{
	return NCOMMUNES;
}

const char *demo_branch_name(unsigned i)
{
	return BRANCHES[i % NBRANCHES].name;
}

size_t demo_branch_count(void)
{
	return NBRANCHES;
}

static size_t count_in(const struct place *p, size_t n, enum demo_region rg, enum demo_place kind)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += p[i].region == rg && p[i].kind == kind;
	return c;
}

static const char *nth_in(const struct place *p, size_t n, enum demo_region rg,
			  enum demo_place kind, unsigned i)
{
	size_t c = count_in(p, n, rg, kind);
	if (c == 0)
		return p[i % n].name;
	i %= (unsigned)c;
	for (size_t k = 0; k < n; k++)
		if (p[k].region == rg && p[k].kind == kind && i-- == 0)
			return p[k].name;
	return p[0].name;	/* not reached */
}

const char *demo_commune_in(enum demo_region rg, enum demo_place kind, unsigned i)
{
	return nth_in(COMMUNES, NCOMMUNES, rg, kind, i);
}

size_t demo_commune_count_in(enum demo_region rg, enum demo_place kind)
{
	return count_in(COMMUNES, NCOMMUNES, rg, kind);
}

const char *demo_branch_in(enum demo_region rg, enum demo_place kind, unsigned i)
{
	return nth_in(BRANCHES, NBRANCHES, rg, kind, i);
}

size_t demo_branch_count_in(enum demo_region rg, enum demo_place kind)
{
	return count_in(BRANCHES, NBRANCHES, rg, kind);
}
