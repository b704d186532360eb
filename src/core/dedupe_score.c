/* Duplicate persons: a person's compact record, the score of a pair, and the reasons' words. */
#include "core/dedupe.h"
#include "core/dedupe_priv.h"

#include "core/record.h"
#include "text/fold.h"
#include "text/namevar.h"
#include "util/buf.h"
#include "util/i18n.h"

#include <math.h>
#include <string.h>

_Static_assert(sizeof(struct dd_rec) == 56, "the memory bound in dedupe.c counts 56 bytes");

/* The prior odds that two persons of a block of two are one human.  About what a store where
 * one person in twenty is registered twice has; in a block of b persons the odds are this over
 * b - 1 (each person has b - 1 others to be confused with). */
#define PRIOR 0.1
/* A typical province, standing in for the store's own counts while they are few: its weight
 * in persons, and the share of the commonest birth year, month and day in it. */
#define PSEUDO 200.0
#define TYPICAL_YEAR (1.0 / 60)
#define TYPICAL_MONTH (1.0 / 720)
#define TYPICAL_DAY (1.0 / 22000)
/* How often one person's two records agree on birth, given both have it. */
#define M_BIRTH 0.95

/* Evidence against, in bits.  A different CCCD is close to proof (typos in it are rare); a
 * different sex in one name nearly so; birth dates disagree in real lists now and then (typed
 * from a card, or reckoned from an age), home towns and addresses more often (moves, districts
 * written or not). */
#define W_CCCD_SAME 40.0
#define W_CCCD_DIFF (-25.0)
#define W_SEX_SAME 0.3
#define W_SEX_DIFF (-6.0)
#define W_BIRTH_DIFF (-4.0)
#define W_BIRTH_FAR (-12.0)
#define W_HOME_DIFF (-1.5)
#define W_ADDR_DIFF (-2.0)
#define W_PHONE_DIFF (-0.5)
/* Spelling differences: a variant costs little; different marks on the same letters usually
 * mean a different name (Hùng/Hưng, Đoàn/Doãn), while a name typed without any marks is the
 * same name written carelessly. */
#define W_FORM (-0.3)
#define W_IY (-0.5)
#define W_SURNAME (-1.0)
#define W_NOMARKS (-1.0)
#define W_MARKS (-6.0)
/* A name without its middle name: the pair is scored within the persons sharing surname and
 * given name (a block many times larger, so a lower prior), and the slip itself is rare. */
#define W_MIDDLE (-1.0)
/* Day and month swapped: how rare the slip is, against the date's own weight. */
#define W_SWAP (-4.0)

/* ---- Hashing ---- */

static uint64_t mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static uint64_t hash64(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return mix64(h);
}

/* 32 bits, never 0 (0 is "empty"). */
static uint32_t hash32(const void *p, size_t n)
{
	uint32_t h = (uint32_t)(hash64(p, n) >> 32);
	return h ? h : 1;
}

/* ---- Places ---- */

/* Level words that some lists write and others leave out ("Xã Yên Thịnh" / "Yên Thịnh"), folded. */
static const char *const LEVELS[] = {
	"xa", "phuong", "thi tran", "thi xa", "huyen", "quan", "tinh", "thanh pho", "tp", "tp.",
};
static const char *const COMMUNE_LEVELS[] = { "xa", "phuong", "thi tran" };

struct part {
	const char *s;
	size_t n;
	bool commune;	/* it began with a commune's level word */
};

/* Does the text at s (words separated by single spaces) begin with the words of w, followed by
 * another word?  Returns the length to skip, 0 if not. */
static size_t level_prefix(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n > k + 1 && memcmp(s, w, k) == 0 && s[k] == ' ' ? k + 1 : 0;
}

/* Split folded text into comma-separated parts, each squeezed to single spaces into out (the
 * parts point into out) with its level word dropped.  Returns the number of parts (max 8). */
static size_t place_parts(const char *f, size_t n, struct buf *out, struct part *p, size_t max)
{
	size_t np = 0;
	buf_reset(out);
	buf_reserve(out, n + 1);
	size_t starts[8];
	size_t i = 0;
	while (i <= n && np < max) {
		size_t start = out->len;
		bool space = false;
		for (; i < n && f[i] != ','; i++) {
			char c = f[i];
			if (c == ' ' || c == '\t') {
				space = out->len > start;
				continue;
			}
			if (space)
				buf_addc(out, ' ');
			space = false;
			buf_addc(out, c);
		}
		i++;	/* the comma */
		if (out->len > start)
			starts[np++] = start;
		buf_addc(out, '\0');
	}
	for (size_t k = 0; k < np; k++) {
		const char *s = out->p + starts[k];
		size_t len = strlen(s), skip = 0;
		p[k].commune = false;
		for (size_t l = 0; l < sizeof COMMUNE_LEVELS / sizeof COMMUNE_LEVELS[0] && !skip; l++)
			if ((skip = level_prefix(s, len, COMMUNE_LEVELS[l])) != 0)
				p[k].commune = true;
		for (size_t l = 0; l < sizeof LEVELS / sizeof LEVELS[0] && !skip; l++)
			skip = level_prefix(s, len, LEVELS[l]);
		p[k].s = s + skip;
		p[k].n = len - skip;
	}
	return np;
}

/* Home town: its first part (the commune or village) and its last (the province), so that
 * "Xã Yên Thịnh, tỉnh Ninh Bình", "Yên Thịnh, Ninh Bình" and "Xã Yên Thịnh, huyện Yên Mô, tỉnh
 * Ninh Bình" are one place. */
static uint32_t home_hash(const char *s, struct buf *fold, struct buf *tmp)
{
	struct part p[8];
	buf_reset(fold);
	vn_fold(fold, s, strlen(s));
	size_t np = place_parts(fold->p ? fold->p : "", fold->len, tmp, p, 8);
	if (np == 0)
		return 0;
	uint32_t h = hash32(p[0].s, p[0].n);
	if (np > 1)
		h = (uint32_t)(mix64((uint64_t)h << 32 | hash32(p[np - 1].s, p[np - 1].n)) >> 32);
	return h ? h : 1;
}

/* The commune of an address: the part named as a commune (xã, phường, thị trấn), else the last
 * of two parts or more; none for an address of one part. */
static uint32_t addr_hash(const char *s, struct buf *fold, struct buf *tmp)
{
	struct part p[8];
	buf_reset(fold);
	vn_fold(fold, s, strlen(s));
	size_t np = place_parts(fold->p ? fold->p : "", fold->len, tmp, p, 8);
	for (size_t k = 0; k < np; k++)
		if (p[k].commune)
			return hash32(p[k].s, p[k].n);
	return np > 1 ? hash32(p[np - 1].s, p[np - 1].n) : 0;
}

/* A phone number's digits, +84/84 read as the leading 0; none under 8 digits. */
static uint32_t phone_hash(const char *s)
{
	char d[24];
	size_t n = 0;
	for (; *s && n < sizeof d; s++)
		if (*s >= '0' && *s <= '9')
			d[n++] = *s;
	const char *p = d;
	if (n == 11 && d[0] == '8' && d[1] == '4') {
		d[1] = '0';
		p = d + 1;
		n = 10;
	}
	return n >= 8 ? hash32(p, n) : 0;
}

static void set_cccd(struct dd_rec *r, const char *s)
{
	size_t n = strlen(s);
	uint64_t v = 0;
	bool digits = n > 0;
	for (size_t i = 0; i < n && digits; i++) {
		digits = s[i] >= '0' && s[i] <= '9';
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (n == 0)
		return;
	if (digits && (n == 12 || n == 9)) {
		r->cccd = v;
		r->cccd_kind = n == 12 ? DD_CCCD_12 : DD_CCCD_9;
	} else {
		r->cccd = hash64(s, n) & ((1ULL << 40) - 1);
		r->cccd_kind = DD_CCCD_OTHER;
	}
}

/* The toned key's first and last word (each ends with its tone byte, 0x10 + tone). */
static uint32_t first_last_hash(const struct buf *toned)
{
	const unsigned char *p = (const unsigned char *)toned->p;
	size_t n = toned->len, end1 = 0, start2 = 0;
	for (size_t i = 0; i < n; i++)
		if (p[i] >= 0x10 && p[i] < 0x20) {
			if (!end1)
				end1 = i + 1;
			if (i + 1 < n)
				start2 = i + 1;
		}
	if (!end1 || !start2)
		return 0;
	uint32_t h = (uint32_t)(mix64((uint64_t)hash32(p, end1) << 32 |
				      hash32(p + start2, n - start2)) >> 32);
	return h ? h : 1;
}

bool dd_rec_make(struct dd_rec *r, const struct person *p, struct buf tmp[2])
{
	memset(r, 0, sizeof *r);
	r->id = p->m.id;
	if (!p->full_name)
		return false;
	size_t n = strlen(p->full_name);
	struct vn_namevar v;
	buf_reset(&tmp[0]);
	buf_reset(&tmp[1]);
	vn_name_varkey(p->full_name, n, &tmp[0], &tmp[1], &v);
	if (tmp[0].len == 0)
		return false;
	r->key = (hash64(tmp[0].p, tmp[0].len) & ~0xFFFFULL) | (hash64(p->full_name, n) >> 48);
	r->toned = hash32(tmp[1].p, tmp[1].len);
	r->surname = v.surname;
	r->words = v.words;
	if (v.words >= 2)
		r->key2 = first_last_hash(&tmp[1]);
	r->iy = v.iy;
	r->marks = v.marks;
	r->sex = p->sex == SEX_MALE || p->sex == SEX_FEMALE ? (unsigned)p->sex : 0;
	r->birth = date_valid(p->birth) ? p->birth : 0;
	if (p->cccd)
		set_cccd(r, p->cccd);
	if (p->home_town && *p->home_town)
		r->home = home_hash(p->home_town, &tmp[0], &tmp[1]);
	if (p->address && *p->address)
		r->addr = addr_hash(p->address, &tmp[0], &tmp[1]);
	if (p->phone)
		r->phone = phone_hash(p->phone);
	return true;
}

/* ---- Weights ---- */

static size_t year_ix(hv_date d)
{
	return (size_t)(DATE_YEAR(d) - 1900);
}

void dd_freq_add(struct dd_freq *f, hv_date d)
{
	if (!d || DATE_YEAR(d) < 1900 || DATE_YEAR(d) > 2100)
		return;
	size_t y = year_ix(d);
	f->year[y]++;
	f->n_year++;
	if (DATE_MONTH(d)) {
		f->month[y * 12 + (size_t)DATE_MONTH(d) - 1]++;
		f->n_month++;
	}
	if (DATE_MONTH(d) && DATE_DAY(d)) {
		f->day[(y * 12 + (size_t)DATE_MONTH(d) - 1) * 31 + (size_t)DATE_DAY(d) - 1]++;
		f->n_day++;
	}
}

/* log2(m / u), where u is the chance that another person has the value: the store's share,
 * drawn towards the typical share while the store is small. */
static double weight(uint64_t count, uint64_t total, double m, double typical)
{
	double others = count ? (double)(count - 1) : 0, all = total ? (double)(total - 1) : 0;
	double u = (others + PSEUDO * typical) / (all + PSEUDO);
	double w = log2(m / u);
	return w < 0 ? 0 : w;
}

uint8_t dd_weigh(uint64_t count, uint64_t total, double m, double typical)
{
	double w = weight(count, total, m, typical) * 8 + 0.5;
	return w >= 255 ? 255 : (uint8_t)w;
}

void dd_weigh_typical(struct dd_rec *r)
{
	r->w_home = dd_weigh(0, 0, DD_M_HOME, DD_TYPICAL_HOME);
	r->w_addr = dd_weigh(0, 0, DD_M_ADDR, DD_TYPICAL_ADDR);
	r->w_joint = dd_weigh(0, 0, DD_M_JOINT, DD_TYPICAL_JOINT);
	r->w_phone = dd_weigh(0, 0, DD_M_PHONE, DD_TYPICAL_PHONE);
}

/* ---- Score ---- */

static double birth_bits(hv_date a, hv_date b, const struct dd_freq *f, unsigned *why)
{
	if (!a || !b)
		return 0;
	int ya = DATE_YEAR(a), yb = DATE_YEAR(b);
	if (ya != yb) {
		bool near = ya - yb == 1 || yb - ya == 1;
		*why |= near ? DEDUPE_R_BIRTH_NEAR : DEDUPE_R_BIRTH_DIFF;
		return near ? W_BIRTH_DIFF : W_BIRTH_FAR;
	}
	size_t y = year_ix(a);
	int ma = DATE_MONTH(a), mb = DATE_MONTH(b);
	if (!ma || !mb) {
		*why |= DEDUPE_R_BIRTH_YEAR;
		return f ? weight(f->year[y], f->n_year, M_BIRTH, TYPICAL_YEAR)
			 : weight(0, 0, M_BIRTH, TYPICAL_YEAR);
	}
	int da = DATE_DAY(a), db = DATE_DAY(b);
	if (ma != mb && da == mb && db == ma) {
		/* 05/03 and 03/05: a date read the other way round somewhere; as telling as the
		 * date itself, less the chance of such a slip. */
		*why |= DEDUPE_R_BIRTH_SWAP;
		size_t m = y * 12 + (size_t)ma - 1;
		return W_SWAP + (f ? weight(f->day[m * 31 + (size_t)da - 1], f->n_day, M_BIRTH,
					    TYPICAL_DAY)
				   : weight(0, 0, M_BIRTH, TYPICAL_DAY));
	}
	if (ma != mb) {
		*why |= DEDUPE_R_BIRTH_DIFF;
		return W_BIRTH_DIFF;
	}
	size_t m = y * 12 + (size_t)ma - 1;
	if (!da || !db) {
		*why |= DEDUPE_R_BIRTH_MONTH;
		return f ? weight(f->month[m], f->n_month, M_BIRTH, TYPICAL_MONTH)
			 : weight(0, 0, M_BIRTH, TYPICAL_MONTH);
	}
	if (da != db) {
		*why |= DEDUPE_R_BIRTH_DIFF;
		return W_BIRTH_DIFF;
	}
	*why |= DEDUPE_R_BIRTH_DATE;
	return f ? weight(f->day[m * 31 + (size_t)da - 1], f->n_day, M_BIRTH, TYPICAL_DAY)
		 : weight(0, 0, M_BIRTH, TYPICAL_DAY);
}

static double name_bits(const struct dd_rec *a, const struct dd_rec *b, unsigned *why)
{
	double w = 0;
	bool variant = false;
	if (a->surname != b->surname) {
		bool hh = a->surname == VN_SUR_HOANG || a->surname == VN_SUR_HUYNH ||
			  b->surname == VN_SUR_HOANG || b->surname == VN_SUR_HUYNH;
		*why |= hh ? DEDUPE_R_HOANG_HUYNH : DEDUPE_R_VU_VO;
		w += W_SURNAME;
		variant = true;
	}
	if (a->iy != b->iy) {
		*why |= DEDUPE_R_NAME_IY;
		w += W_IY;
		variant = true;
	}
	if (a->toned != b->toned) {
		bool careless = !a->marks || !b->marks;
		*why |= careless ? DEDUPE_R_NAME_NOMARKS : DEDUPE_R_NAME_MARKS;
		return w + (careless ? W_NOMARKS : W_MARKS);
	}
	if (variant)
		return w;
	if (a->key == b->key) {
		*why |= DEDUPE_R_NAME;
		return 0;
	}
	*why |= DEDUPE_R_NAME_FORM;
	return W_FORM;
}

/* Home town and commune of the address: for most people they are one place, so agreeing on
 * both counts as one observation, weighed by how common that pair of places is. */
static double place_bits(const struct dd_rec *a, const struct dd_rec *b, unsigned *why)
{
	bool hboth = a->home && b->home, aboth = a->addr && b->addr;
	bool hsame = hboth && a->home == b->home, asame = aboth && a->addr == b->addr;
	double w = 0;
	if (hsame && asame) {
		*why |= DEDUPE_R_HOME | DEDUPE_R_COMMUNE;
		return a->w_joint / 8.0;
	}
	if (hsame) {
		*why |= DEDUPE_R_HOME;
		w += a->w_home / 8.0;
	} else if (hboth) {
		*why |= DEDUPE_R_HOME_DIFF;
		w += W_HOME_DIFF;
	}
	if (asame) {
		*why |= DEDUPE_R_COMMUNE;
		w += a->w_addr / 8.0;
	} else if (aboth) {
		*why |= DEDUPE_R_COMMUNE_DIFF;
		w += W_ADDR_DIFF;
	}
	return w;
}

double dd_score(const struct dd_rec *a, const struct dd_rec *b, const struct dd_freq *f,
		uint64_t block, unsigned *reasons)
{
	unsigned why = 0;
	double w = log2(PRIOR) - log2(block > 2 ? (double)(block - 1) : 1.0);
	if (DD_BLOCK(a) == DD_BLOCK(b)) {
		w += name_bits(a, b, &why);
	} else if (dd_middle_pair(a, b)) {
		why |= DEDUPE_R_NAME_MIDDLE;
		w += W_MIDDLE;
	} else {
		w -= 20;	/* not one name: only dedupe_compare gets here */
	}
	if (a->cccd_kind && a->cccd_kind == b->cccd_kind) {
		if (a->cccd == b->cccd) {
			why |= DEDUPE_R_CCCD;
			w += W_CCCD_SAME;
		} else {
			why |= DEDUPE_R_CCCD_DIFF;
			w += W_CCCD_DIFF;
		}
	}
	w += birth_bits(a->birth, b->birth, f, &why);
	if (a->sex && b->sex) {
		why |= a->sex == b->sex ? DEDUPE_R_SEX : DEDUPE_R_SEX_DIFF;
		w += a->sex == b->sex ? W_SEX_SAME : W_SEX_DIFF;
	}
	if (a->phone && b->phone) {
		why |= a->phone == b->phone ? DEDUPE_R_PHONE : DEDUPE_R_PHONE_DIFF;
		w += a->phone == b->phone ? a->w_phone / 8.0 : W_PHONE_DIFF;
	}
	w += place_bits(a, b, &why);
	*reasons = why;
	return w;
}

int dd_score_of_bits(double bits)
{
	double s = 50 + 2.5 * bits;
	return s <= 0 ? 0 : s >= 100 ? 100 : (int)lround(s);
}

bool dedupe_compare(const struct person *a, const struct person *b, struct dedupe_pair *out)
{
	struct dd_rec ra, rb;
	struct buf tmp[2] = { BUF_INIT, BUF_INIT };
	bool na = dd_rec_make(&ra, a, tmp), nb = dd_rec_make(&rb, b, tmp);
	buf_free(&tmp[0]);
	buf_free(&tmp[1]);
	dd_weigh_typical(&ra);
	dd_weigh_typical(&rb);
	bool same = na && nb && (DD_BLOCK(&ra) == DD_BLOCK(&rb) || dd_middle_pair(&ra, &rb));
	memset(out, 0, sizeof *out);
	out->a = a->m.id < b->m.id ? a->m.id : b->m.id;
	out->b = a->m.id < b->m.id ? b->m.id : a->m.id;
	out->bits = dd_score(&ra, &rb, NULL, 2, &out->reasons);
	out->score = dd_score_of_bits(out->bits);
	return same;
}

/* ---- Words ---- */

static const struct {
	unsigned bit;
	const char *code;
	const char *text;
} REASONS[] = {
	{ DEDUPE_R_CCCD, "cccd", N_("same CCCD") },
	{ DEDUPE_R_NAME, "name", N_("same full name") },
	{ DEDUPE_R_NAME_FORM, "name_form",
	  N_("same name written differently (tone position Hòa/Hoà, case, spacing)") },
	{ DEDUPE_R_NAME_IY, "name_iy", N_("i/y variant (Lý/Lí, Mỹ/Mĩ)") },
	{ DEDUPE_R_HOANG_HUYNH, "hoang_huynh", N_("surname Hoàng/Huỳnh") },
	{ DEDUPE_R_VU_VO, "vu_vo", N_("surname Vũ/Võ") },
	{ DEDUPE_R_NAME_NOMARKS, "name_nomarks", N_("same name, written without diacritics") },
	{ DEDUPE_R_BIRTH_DATE, "birth_date", N_("same birth date") },
	{ DEDUPE_R_BIRTH_MONTH, "birth_month", N_("same month and year of birth") },
	{ DEDUPE_R_BIRTH_YEAR, "birth_year", N_("same birth year") },
	{ DEDUPE_R_SEX, "sex", N_("same sex") },
	{ DEDUPE_R_HOME, "home_town", N_("same home town") },
	{ DEDUPE_R_COMMUNE, "commune", N_("same commune (address)") },
	{ DEDUPE_R_PHONE, "phone", N_("same phone number") },
	{ DEDUPE_R_NAME_MIDDLE, "name_middle", N_("same name, the middle name left out of one") },
	{ DEDUPE_R_BIRTH_SWAP, "birth_swap", N_("same birth date, day and month swapped") },
	{ DEDUPE_R_CCCD_DIFF, "cccd_differs", N_("different CCCDs") },
	{ DEDUPE_R_NAME_MARKS, "name_marks_differ", N_("same letters, different diacritics") },
	{ DEDUPE_R_BIRTH_DIFF, "birth_differs", N_("different birth dates") },
	{ DEDUPE_R_BIRTH_NEAR, "birth_year_near", N_("birth years one apart") },
	{ DEDUPE_R_SEX_DIFF, "sex_differs", N_("different sex") },
	{ DEDUPE_R_HOME_DIFF, "home_town_differs", N_("different home towns") },
	{ DEDUPE_R_COMMUNE_DIFF, "commune_differs", N_("different communes (address)") },
	{ DEDUPE_R_PHONE_DIFF, "phone_differs", N_("different phone numbers") },
};

#define NREASONS (sizeof REASONS / sizeof REASONS[0])

const char *dedupe_reason_code(unsigned bit)
{
	for (size_t i = 0; i < NREASONS; i++)
		if (REASONS[i].bit == bit)
			return REASONS[i].code;
	return NULL;
}

const char *dedupe_reason_text(unsigned bit)
{
	for (size_t i = 0; i < NREASONS; i++)
		if (REASONS[i].bit == bit)
			return _(REASONS[i].text);
	return NULL;
}

void dedupe_reasons_text(unsigned reasons, struct buf *out)
{
	bool first = true;
	/* The table lists evidence for before evidence against. */
	for (size_t i = 0; i < NREASONS; i++) {
		if (!(reasons & REASONS[i].bit))
			continue;
		if (!first)
			buf_adds(out, "; ");
		buf_adds(out, _(REASONS[i].text));
		first = false;
	}
}

void dedupe_reasons_codes(unsigned reasons, struct buf *out)
{
	bool first = true;
	for (size_t i = 0; i < NREASONS; i++) {
		if (!(reasons & REASONS[i].bit))
			continue;
		if (!first)
			buf_addc(out, ',');
		buf_adds(out, REASONS[i].code);
		first = false;
	}
}
