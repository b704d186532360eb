/* Generates realistic, deterministic Vietnamese members from the tables of demo_names.c.
 *
 * Every weighted pick is a binary search in a cumulative table built once by demo_gen_new, so a
 * person costs a few dozen rng draws and the strings it owns.  The order of draws is fixed:
 * sex, age, birth date, province, ethnicity, name, religion, occupation, education,
 * qualification, party, theory, phone, home town, address, workplace, notes. */
#include "core/demo_data.h"

#include "core/record.h"
#include "util/rng.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a minority writes names. */
enum style {
	ST_KINH, ST_HOA, ST_SANCHAY, ST_TAI, ST_MUONG, ST_HMONG, ST_DAO, ST_EDE, ST_JRAI, ST_BAHNAR,
	ST_CENTRAL, ST_RAGLAI, ST_KHMER, ST_CHAM, ST_STIENG, ST_KOHO,
};

/* Which mix of religions a minority has. */
enum relmix { RM_OTHER, RM_KHMER, RM_CHAM, RM_HOA, RM_HMONG, RM_HIGHLAND, RM__COUNT };

static const struct {
	const char *eth;
	unsigned char style, rel;
} ETHNIC_INFO[] = {
	{ "Tày", ST_TAI, RM_OTHER }, { "Thái", ST_TAI, RM_OTHER }, { "Nùng", ST_TAI, RM_OTHER },
	{ "Giáy", ST_TAI, RM_OTHER }, { "Lào", ST_TAI, RM_OTHER }, { "Lự", ST_TAI, RM_OTHER },
	{ "Bố Y", ST_TAI, RM_OTHER }, { "Khơ Mú", ST_TAI, RM_OTHER },
	{ "Kháng", ST_TAI, RM_OTHER }, { "Xinh Mun", ST_TAI, RM_OTHER },
	{ "Mảng", ST_TAI, RM_OTHER }, { "La Ha", ST_TAI, RM_OTHER }, { "La Chí", ST_TAI, RM_OTHER },
	{ "Cờ Lao", ST_TAI, RM_OTHER }, { "Pu Péo", ST_TAI, RM_OTHER }, { "Ơ Đu", ST_TAI, RM_OTHER },
	{ "Sán Chay", ST_SANCHAY, RM_OTHER }, { "Sán Dìu", ST_HOA, RM_OTHER },
	{ "Ngái", ST_HOA, RM_OTHER }, { "Hoa", ST_HOA, RM_HOA }, { "Mường", ST_MUONG, RM_OTHER },
	{ "Mông", ST_HMONG, RM_HMONG }, { "Dao", ST_DAO, RM_OTHER }, { "Hà Nhì", ST_DAO, RM_OTHER },
	{ "Lô Lô", ST_DAO, RM_OTHER }, { "Phù Lá", ST_DAO, RM_OTHER }, { "La Hủ", ST_DAO, RM_OTHER },
	{ "Si La", ST_DAO, RM_OTHER }, { "Cống", ST_DAO, RM_OTHER }, { "Pà Thẻn", ST_DAO, RM_OTHER },
	{ "Ê Đê", ST_EDE, RM_HIGHLAND }, { "Mnông", ST_EDE, RM_HIGHLAND },
	{ "Gia Rai", ST_JRAI, RM_HIGHLAND }, { "Ba Na", ST_BAHNAR, RM_HIGHLAND },
	{ "Xơ Đăng", ST_BAHNAR, RM_HIGHLAND }, { "Giẻ Triêng", ST_BAHNAR, RM_HIGHLAND },
	{ "Brâu", ST_BAHNAR, RM_OTHER }, { "Rơ Măm", ST_BAHNAR, RM_OTHER },
	{ "Hrê", ST_CENTRAL, RM_OTHER }, { "Cơ Tu", ST_CENTRAL, RM_OTHER },
	{ "Tà Ôi", ST_CENTRAL, RM_OTHER }, { "Bru-Vân Kiều", ST_CENTRAL, RM_OTHER },
	{ "Co", ST_CENTRAL, RM_OTHER }, { "Chứt", ST_CENTRAL, RM_OTHER },
	{ "Ra Glai", ST_RAGLAI, RM_OTHER }, { "Thổ", ST_KINH, RM_OTHER },
	{ "Khmer", ST_KHMER, RM_KHMER }, { "Chăm", ST_CHAM, RM_CHAM },
	{ "Xtiêng", ST_STIENG, RM_HIGHLAND }, { "Chơ Ro", ST_STIENG, RM_OTHER },
	{ "Cơ Ho", ST_KOHO, RM_HIGHLAND }, { "Mạ", ST_KOHO, RM_OTHER },
	{ "Chu Ru", ST_KOHO, RM_HIGHLAND },
};

struct mix {
	const char *s;
	unsigned permille;
};

/* Religions of minorities, per mille; Chăm of the south are Muslim, of the centre mostly
 * Bà-la-môn (Chăm Ahiêr) and Bàni. */
static const struct mix REL_OTHER[] = {
	{ "Không", 940 }, { "Phật giáo", 30 }, { "Công giáo", 20 }, { "Tin lành", 10 },
};
static const struct mix REL_KHMER[] = { { "Phật giáo", 920 }, { "Công giáo", 20 }, { "Không", 60 } };
static const struct mix REL_CHAM_C[] = { { "Bà-la-môn", 550 }, { "Hồi giáo", 350 }, { "Không", 100 } };
static const struct mix REL_CHAM_S[] = { { "Hồi giáo", 900 }, { "Không", 100 } };
static const struct mix REL_HOA[] = {
	{ "Không", 570 }, { "Phật giáo", 350 }, { "Công giáo", 50 }, { "Tin lành", 20 }, { "Cao Đài", 10 },
};
static const struct mix REL_HMONG[] = { { "Không", 730 }, { "Tin lành", 250 }, { "Công giáo", 20 } };
static const struct mix REL_HIGHLAND[] = { { "Không", 450 }, { "Tin lành", 300 }, { "Công giáo", 250 } };

#define MIX(a) a, sizeof a / sizeof a[0]

/* What an occupation implies. */
enum qual_kind { Q_PLAIN, Q_PROF, Q_DEGREE, Q_STUDENT, Q_UNIFORM, Q_RETIRED, Q_BUSINESS };
enum work_kind { W_NONE, W_COMPANY, W_SCHOOL, W_COMMUNE, W_HEALTH, W_SCHOOL_HEALTH, W_ARMY, W_POLICE };

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
	unsigned char *eth_style, *eth_rel;	/* by index in DEMO_T_ETHNIC_MINORITY */
	unsigned char *occ[2];			/* OCC_INFO index by occupation index, male/female */
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

	size_t ne = g->n[DEMO_T_ETHNIC_MINORITY];
	g->eth_style = xcalloc(ne, 1);
	g->eth_rel = xcalloc(ne, 1);
	for (size_t i = 0; i < ne; i++)
		for (size_t k = 0; k < sizeof ETHNIC_INFO / sizeof ETHNIC_INFO[0]; k++)
			if (strcmp(g->tab[DEMO_T_ETHNIC_MINORITY][i].s, ETHNIC_INFO[k].eth) == 0) {
				g->eth_style[i] = ETHNIC_INFO[k].style;
				g->eth_rel[i] = ETHNIC_INFO[k].rel;
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
	free(g->eth_style);
	free(g->eth_rel);
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

static size_t pick(const struct demo_gen *g, struct rng *r, enum demo_table t, int col)
{
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
	return g->tab[t][pick(g, r, t, col)].s;
}

static const char *pick_mix(struct rng *r, const struct mix *m, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < n; i++)
		total += m[i].permille;
	unsigned x = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < m[i].permille)
			return m[i].s;
		x -= m[i].permille;
	}
	return m[n - 1].s;
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

struct sb {
	char b[256];
	size_t n;
};

static void sb_cat(struct sb *s, const char *t)
{
	size_t k = strlen(t);
	if (s->n + k >= sizeof s->b)
		k = sizeof s->b - 1 - s->n;	/* never with our tables; keeps the bound */
	memcpy(s->b + s->n, t, k);
	s->n += k;
	s->b[s->n] = '\0';
}

/* Append a word, with a space before it unless it is the first. */
static void sb_word(struct sb *s, const char *t)
{
	if (s->n)
		sb_cat(s, " ");
	sb_cat(s, t);
}

static char *sb_dup(const struct sb *s)
{
	return xstrdup(s->b);
}

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

/* ---- Names ---- */

struct who {
	bool male;
	int cohort;		/* 0, 1, 2: born before 1960, 1960–1989, from 1990 */
	int region;
};

static const char *kinh_given(const struct demo_gen *g, struct rng *r, const struct who *w)
{
	return pick_s(g, r, w->male ? DEMO_T_GIVEN_M : DEMO_T_GIVEN_F, w->cohort);
}

/* Surname, middle, given in the Kinh pattern, with the surname from table st.  vt is the
 * chance of Văn/Thị for groups that use them more than the Kinh of the same age (0: Kinh
 * shares); other_given, when not DEMO_T__COUNT, supplies given names at chance p_other. */
static void name_kinh_like(const struct demo_gen *g, struct rng *r, const struct who *w,
			   struct sb *s, enum demo_table st, double vt, enum demo_table other_given,
			   double p_other, bool hoa)
{
	enum demo_table mt = w->male ? DEMO_T_MIDDLE_M : DEMO_T_MIDDLE_F;
	enum demo_table g2 = w->male ? DEMO_T_GIVEN2_M : DEMO_T_GIVEN2_F;
	static const double p2[3] = { 0.03, 0.08, 0.15 };

	sb_word(s, pick_s(g, r, st, w->region));
	if ((st == DEMO_T_SURNAME || hoa) && chance(r, p2[w->cohort])) {
		/* "Nguyễn Thị Thu Hà", "Trần Gia Huy" */
		if (chance(r, w->male ? 0.3 : 0.5))
			sb_word(s, g->tab[mt][0].s);
		sb_word(s, pick_s(g, r, g2, w->cohort));
		return;
	}
	if (vt > 0) {
		double u = rng_unit(r);
		if (u < vt)
			sb_word(s, g->tab[mt][0].s);
		else if (u < vt + (1 - vt) / 2)
			sb_word(s, pick_s(g, r, mt, w->cohort));
	} else if (!chance(r, 0.02)) {
		size_t i = pick(g, r, mt, w->cohort);
		if (hoa && i == 0)	/* Hoa names use Văn and Thị less */
			i = pick(g, r, mt, w->cohort);
		sb_word(s, g->tab[mt][i].s);
	}
	if (other_given != DEMO_T__COUNT && chance(r, p_other))
		sb_word(s, pick_s(g, r, other_given, w->cohort));
	else
		sb_word(s, kinh_given(g, r, w));
}

static void name_of(const struct demo_gen *g, struct rng *r, const struct who *w, int style,
		    struct sb *s)
{
	bool m = w->male;
	enum demo_table hg = m ? DEMO_T_HIGHLAND_GIVEN_M : DEMO_T_HIGHLAND_GIVEN_F;
	enum demo_table none = DEMO_T__COUNT;
	double u;

	switch (style) {
	case ST_HOA:
		name_kinh_like(g, r, w, s, DEMO_T_HOA_SURNAME, 0, none, 0, true);
		break;
	case ST_SANCHAY:
		name_kinh_like(g, r, w, s, DEMO_T_TAI_SURNAME, 0.8, none, 0, false);
		break;
	case ST_TAI:
		name_kinh_like(g, r, w, s, DEMO_T_TAI_SURNAME, 0.8,
			       m ? DEMO_T_TAI_GIVEN_M : DEMO_T_TAI_GIVEN_F, 0.4, false);
		break;
	case ST_MUONG:
		name_kinh_like(g, r, w, s, DEMO_T_MUONG_SURNAME, 0.8, none, 0, false);
		break;
	case ST_CENTRAL:
		name_kinh_like(g, r, w, s, DEMO_T_CENTRAL_SURNAME, 0.8, hg, 0.3, false);
		break;
	case ST_RAGLAI:
		name_kinh_like(g, r, w, s, DEMO_T_RAGLAI_SURNAME, 0.8, none, 0, false);
		break;
	case ST_CHAM:
		name_kinh_like(g, r, w, s, DEMO_T_CHAM_SURNAME, 0.8, none, 0, false);
		break;
	case ST_HMONG:	/* Giàng A Dế, Vàng Seo Sử, Thào Thị Mỷ, Sùng Mí Chò */
		sb_word(s, pick_s(g, r, DEMO_T_HMONG_SURNAME, w->region));
		u = rng_unit(r);
		if (m && u < 0.95)
			sb_word(s, u < 0.55 ? "A" : u < 0.70 ? "Seo" : "Văn");
		else if (!m && u < 0.90)
			sb_word(s, u < 0.75 ? "Thị" : "Mí");
		if (chance(r, 0.85))
			sb_word(s, pick_s(g, r, m ? DEMO_T_HMONG_GIVEN_M : DEMO_T_HMONG_GIVEN_F,
					  w->cohort));
		else
			sb_word(s, kinh_given(g, r, w));
		break;
	case ST_DAO:	/* Triệu Văn Nhất, Tẩn Láo Lở, Chảo Mẩy Xuân */
		sb_word(s, pick_s(g, r, DEMO_T_DAO_SURNAME, w->region));
		u = rng_unit(r);
		if (m) {
			if (u < 0.90)
				sb_word(s, u < 0.60 ? "Văn" : u < 0.75 ? "Tài" : u < 0.85 ? "Láo" : "Seo");
		} else if (u < 0.95) {
			sb_word(s, u < 0.80 ? "Thị" : u < 0.90 ? "Mẩy" : "Mý");
		}
		if (chance(r, 0.6))
			sb_word(s, pick_s(g, r, m ? DEMO_T_DAO_GIVEN_M : DEMO_T_DAO_GIVEN_F,
					  w->cohort));
		else
			sb_word(s, kinh_given(g, r, w));
		break;
	case ST_EDE:	/* Y Bhim Niê, H'Nhi Mlô */
		if (m) {
			sb_word(s, "Y");
			sb_word(s, chance(r, 0.85) ? pick_s(g, r, hg, w->cohort) : kinh_given(g, r, w));
		} else {
			sb_word(s, "H'");
			sb_cat(s, pick_s(g, r, hg, w->cohort));
		}
		sb_word(s, pick_s(g, r, DEMO_T_EDE_SURNAME, w->region));
		break;
	case ST_JRAI:	/* Ksor Phước, Siu Y Ben, Ksor H'Nhi */
		sb_word(s, pick_s(g, r, DEMO_T_JRAI_SURNAME, w->region));
		if (m) {
			if (chance(r, 0.2))
				sb_word(s, "Y");
			sb_word(s, chance(r, 0.8) ? pick_s(g, r, hg, w->cohort) : kinh_given(g, r, w));
		} else if (chance(r, 0.5)) {
			sb_word(s, "H'");
			sb_cat(s, pick_s(g, r, hg, w->cohort));
		} else {
			sb_word(s, chance(r, 0.7) ? pick_s(g, r, hg, w->cohort) : kinh_given(g, r, w));
		}
		break;
	case ST_BAHNAR:	/* A Thút, Y Hương; some write a surname: Đinh Văn Hùng */
		if (chance(r, 0.2)) {
			name_kinh_like(g, r, w, s, DEMO_T_CENTRAL_SURNAME, 0.8, none, 0, false);
			break;
		}
		sb_word(s, m ? "A" : "Y");
		sb_word(s, chance(r, 0.7) ? pick_s(g, r, hg, w->cohort) : kinh_given(g, r, w));
		break;
	case ST_STIENG:	/* Điểu Lý, Thị Bé */
		sb_word(s, m ? "Điểu" : "Thị");
		sb_word(s, chance(r, 0.6) ? pick_s(g, r, hg, w->cohort) : kinh_given(g, r, w));
		break;
	case ST_KOHO:	/* K'Brơi, Ka Hiền */
		if (m) {
			sb_word(s, "K'");
			sb_cat(s, pick_s(g, r, hg, w->cohort));
		} else {
			sb_word(s, "Ka");
			sb_word(s, chance(r, 0.6) ? pick_s(g, r, hg, w->cohort) : kinh_given(g, r, w));
		}
		break;
	case ST_KHMER:	/* Thạch Sô Phal, Sơn Thị Sa Rết, Danh Văn Sang */
		sb_word(s, pick_s(g, r, DEMO_T_KHMER_SURNAME, w->region));
		if (chance(r, m ? 0.15 : 0.6))
			sb_word(s, m ? "Văn" : "Thị");
		if (chance(r, 0.65))
			sb_word(s, pick_s(g, r, m ? DEMO_T_KHMER_GIVEN_M : DEMO_T_KHMER_GIVEN_F,
					  w->cohort));
		else
			sb_word(s, kinh_given(g, r, w));
		break;
	default:
		name_kinh_like(g, r, w, s, DEMO_T_SURNAME, 0, none, 0, false);
		break;
	}
}

/* ---- The rest of the person ---- */

static const char *religion_of(const struct demo_gen *g, struct rng *r, int rel, int region)
{
	switch (rel) {
	case RM_KHMER:
		return pick_mix(r, MIX(REL_KHMER));
	case RM_CHAM:
		return region == DEMO_SOUTH ? pick_mix(r, MIX(REL_CHAM_S)) : pick_mix(r, MIX(REL_CHAM_C));
	case RM_HOA:
		return pick_mix(r, MIX(REL_HOA));
	case RM_HMONG:
		return pick_mix(r, MIX(REL_HMONG));
	case RM_HIGHLAND:
		return pick_mix(r, MIX(REL_HIGHLAND));
	case RM_OTHER:
		return pick_mix(r, MIX(REL_OTHER));
	default:
		return pick_s(g, r, DEMO_T_RELIGION, region);
	}
}

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
		return u < 0.70 ? "Sơ cấp" : u < 0.85 ? "Trung cấp" : u < 0.87 ? "Cao cấp" : "Không";
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

static char *dup_or_null(const char *s, struct rng *r, double p_blank)
{
	return chance(r, p_blank) ? NULL : xstrdup(s);
}

void demo_person(const struct demo_gen *g, struct rng *r, const struct demo_opts *o,
		 struct person *out, int *province)
{
	struct sb s = { .n = 0 };
	memset(out, 0, sizeof *out);

	int ty = DATE_YEAR(o->today), tm = DATE_MONTH(o->today), td = DATE_DAY(o->today);
	if (ty < 1900)
		ty = 2026;
	if (tm < 1 || tm > 12)
		tm = 7;
	if (td < 1 || td > mdays(ty, tm))
		td = 1;
	int64_t today = days_from_civil(ty, tm, td);
	int region = (unsigned)o->region < DEMO_REGIONS ? (int)o->region : DEMO_NORTH;
	int lo = o->age_min, hi = o->age_max;
	if (lo == 0 && hi == 0) {
		lo = 16;
		hi = 80;
	}
	if (lo < 0)
		lo = 0;
	if (hi > 110)
		hi = 110;
	if (hi < lo)
		hi = lo;

	bool male = o->sex == SEX_MALE || (o->sex != SEX_FEMALE && rng_below(r, 2) == 0);
	out->sex = male ? SEX_MALE : SEX_FEMALE;
	int age = pick_age(r, lo, hi);
	out->birth = pick_birth(r, ty, tm, td, age);
	int by = DATE_YEAR(out->birth);
	struct who w = { male, by < 1960 ? 0 : by < 1990 ? 1 : 2, region };

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
	int style = ST_KINH, rel = RM__COUNT;
	if (minority) {
		size_t i = pick(g, r, DEMO_T_ETHNIC_MINORITY, region);
		out->ethnicity = xstrdup(g->tab[DEMO_T_ETHNIC_MINORITY][i].s);
		style = g->eth_style[i];
		rel = g->eth_rel[i];
	} else {
		out->ethnicity = xstrdup("Kinh");
	}

	name_of(g, r, &w, style, &s);
	out->full_name = sb_dup(&s);
	out->religion = xstrdup(religion_of(g, r, rel, region));

	/* Occupation, then what it implies. */
	int band = age < 23 ? 0 : age < 60 ? 1 : 2;
	enum demo_table ot = male ? DEMO_T_OCCUPATION_M : DEMO_T_OCCUPATION_F;
	int qual = Q_PLAIN, work = W_NONE, party_pm = age >= 30 ? 40 : 20;
	if (age < 18 || (age == 18 && chance(r, 0.5))) {
		out->occupation = xstrdup("Học sinh");
		party_pm = 0;
	} else {
		size_t i = pick(g, r, ot, band);
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

	s.n = 0;
	int grade = education_of(r, age, by, region == DEMO_NORTH || home->code <= 44, qual,
				 w.cohort, minority, &s);
	out->education = sb_dup(&s);
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
		out->theory = dup_or_null(t, r, strcmp(t, "Không") == 0 ? 0.4 : 0.0);
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
	enum demo_place kind = o->ethnic_area ? DEMO_ETHNIC : chance(r, 0.15) ? DEMO_URBAN : DEMO_RURAL;
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
	out->address = sb_dup(&s);

	/* Home town: the same commune for most locals, else a commune of the home province's
	 * region; written "Xã Yên Thịnh, tỉnh Ninh Bình" or, as some lists do, "Yên Thịnh, Ninh Bình". */
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
	out->home_town = sb_dup(&s);

	if (work != W_NONE && chance(r, 0.75)) {
		s.n = 0;
		workplace_of(r, work, commune, area, &s);
		out->workplace = sb_dup(&s);
	}

	if (chance(r, 0.05)) {
		if (minority && age >= 50 && chance(r, 0.3))
			out->notes = xstrdup("Người có uy tín");
		else
			out->notes = xstrdup(NOTES[rng_below(r, sizeof NOTES / sizeof NOTES[0])]);
	}
}
