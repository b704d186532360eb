/* The stats report: the standard member figures by unit, from two sequential passes.
 *
 * The figures: members, sex, party, ethnicity, religion, age, education, qualification,
 * political theory and role (report.h).
 *
 * Pass 1 reads the persons (store_scan: id order, many records per call, nothing decoded but
 * the fields needed) and packs what the report needs of each into 4 bytes of an array
 * indexed by person id.  Pass 2 reads the memberships the same way; each one counted in the
 * scope adds its person's figures to its row and, separately, to its organization's total.
 * For a store of 1,000,000 persons that array is 4 MB; nothing else grows with the members.
 * (Others keep working meanwhile: a membership whose person was added after pass 1 counts
 * with the person's figures unknown.)
 * Reading the person of each membership instead would cost a random page read per member;
 * reading the memberships first and keeping those counted (to read only their persons) would
 * keep 16 bytes per membership, and a whole-province report needs nearly every person anyway.
 *
 * Persons' values are classified through small caches keyed by the text: a million persons
 * share a few dozen spellings, and vocab_canon folds and compares whatever is not canonical. */
#include "core/report_priv.h"

#include "core/vocab.h"
#include "store/store.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* What pass 1 keeps of a person (bits of a uint32_t). */
enum {
	P_SEX = 0,		/* 2 bits: enum sex */
	P_PARTY = 2,
	P_ETHNIC = 3,
	P_RELIGIOUS = 4,
	P_AGE = 5,		/* 3 bits: SC_AGE_* - SC_AGE_30 */
	P_EDU = 8,		/* 3 bits: SC_EDU_* - SC_EDU_12 */
	P_QUAL = 11,		/* 3 bits: SC_QUAL_* - SC_QUAL_PHD */
	P_THEORY = 14,		/* 3 bits: SC_THEORY_* - SC_THEORY_DEGREE */
	P_SEEN = 30,		/* the person record was read */
};
#define PBITS(a, at, n) (((a) >> (at)) & ((1u << (n)) - 1))

/* A person whose record is missing: nothing known. */
#define P_UNKNOWN ((uint32_t)(SC_AGE_UNKNOWN - SC_AGE_30) << P_AGE | \
		   (uint32_t)(SC_EDU_UNKNOWN - SC_EDU_12) << P_EDU | \
		   (uint32_t)(SC_QUAL_OTHER - SC_QUAL_PHD) << P_QUAL | \
		   (uint32_t)(SC_THEORY_NONE - SC_THEORY_DEGREE) << P_THEORY)

struct memo_slot {
	unsigned char len;
	signed char val;
	char s[46];
};

/* A direct-mapped cache from a value's text to its class. */
struct memo {
	struct memo_slot slot[256];
};

typedef int (*classify_fn)(const char *s, size_t n);

static int memo_class(struct memo *m, const char *s, size_t n, classify_fn fn)
{
	if (n == 0 || n >= sizeof m->slot[0].s)
		return fn(s, n);
	/* The length and three bytes tell apart the few spellings a column holds ("9/12" and
	 * "12/12", "Hội viên" and "Đoàn viên"); a collision only costs a lookup. */
	const unsigned char *u = (const unsigned char *)s;
	uint32_t h = ((uint32_t)n * 0x9E3779B1u) ^ u[0] ^ (uint32_t)u[n / 2] << 3 ^
		     (uint32_t)u[n - 1] << 6;
	struct memo_slot *sl = &m->slot[(h ^ h >> 8 ^ h >> 16) & 255];
	if (sl->len == n && memcmp(sl->s, s, n) == 0)
		return sl->val;
	sl->val = (signed char)fn(s, n);
	sl->len = (unsigned char)n;
	memcpy(sl->s, s, n);
	return sl->val;
}

static bool canon_is(const struct vocab *v, const char *s, size_t n, const char *item)
{
	const char *c = vocab_canon(v, s, n);
	return c && strcmp(c, item) == 0;
}

static int cls_ethnic(const char *s, size_t n)
{
	return n && !canon_is(&VOCAB_ETHNICITY, s, n, "Kinh");
}

static int cls_religious(const char *s, size_t n)
{
	return n && !canon_is(&VOCAB_RELIGION, s, n, "Không");
}

static int cls_edu(const char *s, size_t n)
{
	int g = n ? vocab_grade12(s, n) : -1;
	int col = g >= 12 ? SC_EDU_12 : g >= 9 ? SC_EDU_9 : g >= 1 ? SC_EDU_1 : g == 0 ? SC_EDU_0
		: SC_EDU_UNKNOWN;
	return col - SC_EDU_12;
}

static int cls_qual(const char *s, size_t n)
{
	/* VOCAB_QUALIFICATION starts Tiến sĩ, Thạc sĩ, Đại học, Cao đẳng, Trung cấp: the columns. */
	int i = n ? vocab_index(&VOCAB_QUALIFICATION, vocab_canon(&VOCAB_QUALIFICATION, s, n)) : -1;
	return i >= 0 && i <= SC_QUAL_VOCATIONAL - SC_QUAL_PHD ? i : SC_QUAL_OTHER - SC_QUAL_PHD;
}

static int cls_theory(const char *s, size_t n)
{
	/* VOCAB_THEORY starts Cử nhân, Cao cấp, Trung cấp, Sơ cấp: the columns. */
	int i = n ? vocab_index(&VOCAB_THEORY, vocab_canon(&VOCAB_THEORY, s, n)) : -1;
	return i >= 0 && i <= SC_THEORY_BASIC - SC_THEORY_DEGREE ? i
		: SC_THEORY_NONE - SC_THEORY_DEGREE;
}

static int cls_role(const char *s, size_t n)
{
	static const unsigned char col[ROLE__COUNT] = {
		[ROLE_NONE] = SC_ROLE_NONE - SC_ROLE_HEAD,
		[ROLE_HEAD] = 0,
		[ROLE_DEPUTY] = SC_ROLE_DEPUTY - SC_ROLE_HEAD,
		[ROLE_COMMITTEE] = SC_ROLE_COMMITTEE - SC_ROLE_HEAD,
		[ROLE_OTHER] = SC_ROLE_OTHER - SC_ROLE_HEAD,
	};
	return col[vocab_role_rank(s, n)];
}

enum { M_ETHNIC, M_RELIGIOUS, M_EDU, M_QUAL, M_THEORY, M_ROLE, M__COUNT };

struct stats_run {
	const struct report_opts *o;
	struct report_stats *out;
	struct scope sc;
	uint32_t *attr;		/* by person id */
	size_t nattr;
	uint64_t **row_v;	/* [sc.nrows]: the figures of a scope row ... */
	uint64_t **total_v;	/* ... and of its organization's total */
	struct rec_pick mpk, ppk;
	struct memo *memo;	/* [M__COUNT] */
};

static void run_reset(struct stats_run *r)
{
	scope_free(&r->sc);
	XFREE(r->attr);
	XFREE(r->row_v);
	XFREE(r->total_v);
	r->nattr = 0;
}

static int age_band(hv_date birth, hv_date as_of)
{
	int age = date_age(birth, as_of);
	int col = age < 0 ? SC_AGE_UNKNOWN : age <= 30 ? SC_AGE_30 : age <= 45 ? SC_AGE_45
		: age <= 60 ? SC_AGE_60 : SC_AGE_OVER;
	return col - SC_AGE_30;
}

static int each_person(uint64_t id, const void *data, size_t n, void *ctx)
{
	struct stats_run *r = ctx;
	/* sex, birth, party_member, party_date, ethnicity, religion, education, qualification,
	 * theory */
	struct rec_val v[9];
	if (rec_pick(&r->ppk, data, n, v) != 0)
		return 0;	/* store_check reports records that do not decode */
	hv_date as_of = r->sc.as_of;
	bool party = v[2].i && (hv_date)v[3].u <= as_of;
	uint32_t a = 1u << P_SEEN;
	a |= (uint32_t)(v[0].i == SEX_MALE || v[0].i == SEX_FEMALE ? v[0].i : 0) << P_SEX;
	a |= (uint32_t)party << P_PARTY;
	a |= (uint32_t)memo_class(&r->memo[M_ETHNIC], v[4].s, v[4].len, cls_ethnic) << P_ETHNIC;
	a |= (uint32_t)memo_class(&r->memo[M_RELIGIOUS], v[5].s, v[5].len, cls_religious)
	     << P_RELIGIOUS;
	a |= (uint32_t)age_band((hv_date)v[1].u, as_of) << P_AGE;
	a |= (uint32_t)memo_class(&r->memo[M_EDU], v[6].s, v[6].len, cls_edu) << P_EDU;
	a |= (uint32_t)memo_class(&r->memo[M_QUAL], v[7].s, v[7].len, cls_qual) << P_QUAL;
	a |= (uint32_t)memo_class(&r->memo[M_THEORY], v[8].s, v[8].len, cls_theory) << P_THEORY;
	report_grow((void **)&r->attr, &r->nattr, id + 1, sizeof *r->attr);
	r->attr[id] = a;
	return 0;
}

static void add_member(uint64_t *v, uint32_t a, unsigned role)
{
	v[SC_MEMBERS]++;
	unsigned sex = PBITS(a, P_SEX, 2);
	if (sex == SEX_MALE)
		v[SC_MALE]++;
	else if (sex == SEX_FEMALE)
		v[SC_FEMALE]++;
	v[SC_PARTY] += PBITS(a, P_PARTY, 1);
	v[SC_ETHNIC] += PBITS(a, P_ETHNIC, 1);
	v[SC_RELIGIOUS] += PBITS(a, P_RELIGIOUS, 1);
	v[SC_AGE_30 + PBITS(a, P_AGE, 3)]++;
	v[SC_EDU_12 + PBITS(a, P_EDU, 3)]++;
	v[SC_QUAL_PHD + PBITS(a, P_QUAL, 3)]++;
	v[SC_THEORY_DEGREE + PBITS(a, P_THEORY, 3)]++;
	v[SC_ROLE_HEAD + role]++;
}

static int each_membership(uint64_t id, const void *data, size_t n, void *ctx)
{
	(void)id;
	struct stats_run *r = ctx;
	/* person_id, org_id, unit_id, join_date, status, status_date, role */
	struct rec_val v[7];
	if (rec_pick(&r->mpk, data, n, v) != 0)
		return 0;
	if (!report_counted((hv_date)v[3].u, v[4].i, (hv_date)v[5].u, r->sc.as_of))
		return 0;
	int32_t row = scope_row_of(&r->sc, v[1].u, v[2].u);
	if (row < 0)
		return 0;
	uint64_t p = v[0].u;
	uint32_t a = p < r->nattr && (r->attr[p] & 1u << P_SEEN) ? r->attr[p] : P_UNKNOWN;
	unsigned role = (unsigned)memo_class(&r->memo[M_ROLE], v[6].s, v[6].len, cls_role);
	add_member(r->row_v[row], a, role);
	add_member(r->total_v[row], a, role);
	return 0;
}

/* Lay the scope's rows out as one table per organization in scope, each scope row pointing
 * at the figures it adds to. */
static void lay_out(struct stats_run *r)
{
	const struct scope *sc = &r->sc;
	struct report_stats *out = r->out;
	out->as_of = sc->as_of;
	out->tables = xcalloc(sc->orgs.n + 1, sizeof *out->tables);
	r->row_v = xcalloc(sc->nrows + 1, sizeof *r->row_v);
	r->total_v = xcalloc(sc->nrows + 1, sizeof *r->total_v);
	for (size_t i = 0; i < sc->orgs.n; i++) {
		if (sc->only >= 0 && (size_t)sc->only != i)
			continue;
		const struct org_entry *oe = &sc->orgs.v[i];
		struct stats_table *tb = &out->tables[out->ntables++];
		tb->code = xstrdup(oe->code);
		tb->name = xstrdup(oe->name);
		tb->word = xstrdup(org_member_word(oe));
		tb->scope = xstrdup(sc->path[i]);
		tb->nrows = sc->first_row[i + 1] - sc->first_row[i];
		tb->rows = xcalloc(tb->nrows + 1, sizeof *tb->rows);
		tb->total.kind = REPORT_ROW_TOTAL;
		tb->total.label = xstrdup("");
		for (size_t k = 0; k < tb->nrows; k++) {
			size_t g = sc->first_row[i] + k;
			const struct scope_row *sr = &sc->rows[g];
			tb->rows[k].kind = sr->kind;
			tb->rows[k].unit_id = sr->unit_id;
			tb->rows[k].label = xstrdup(sr->label);
			r->row_v[g] = tb->rows[k].v;
			r->total_v[g] = tb->total.v;
		}
	}
}

static int stats_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct stats_run *r = ctx;
	/* A retried transaction starts again from nothing. */
	run_reset(r);
	report_stats_free(r->out);
	int rc = scope_build(s, t, r->o, &r->sc, e);
	if (rc)
		return rc;
	lay_out(r);
	if ((rc = store_scan(s, t, REC_PERSON, each_person, r, e)) != 0)
		return rc;
	return store_scan(s, t, REC_MEMBERSHIP, each_membership, r, e);
}

int report_stats(struct store *s, const struct report_opts *o, struct report_stats *out,
		 struct err *e)
{
	static const char *const mnames[] = { "person_id", "org_id", "unit_id", "join_date",
					      "status", "status_date", "role" };
	static const char *const pnames[] = { "sex", "birth", "party_member", "party_date",
					      "ethnicity", "religion", "education",
					      "qualification", "theory" };
	memset(out, 0, sizeof *out);
	struct stats_run r = { .o = o, .out = out };
	rec_pick_init(&r.mpk, &REC_DEF_MEMBERSHIP, mnames, 7);
	rec_pick_init(&r.ppk, &REC_DEF_PERSON, pnames, 9);
	r.memo = xcalloc(M__COUNT, sizeof *r.memo);
	int rc = store_read(s, stats_fn, &r, e);
	run_reset(&r);
	free(r.memo);
	if (rc)
		report_stats_free(out);
	return rc;
}

void report_stats_free(struct report_stats *r)
{
	for (size_t i = 0; i < r->ntables; i++) {
		struct stats_table *tb = &r->tables[i];
		for (size_t k = 0; k < tb->nrows; k++)
			free(tb->rows[k].label);
		free(tb->rows);
		free(tb->total.label);
		free(tb->code);
		free(tb->name);
		free(tb->word);
		free(tb->scope);
	}
	free(r->tables);
	memset(r, 0, sizeof *r);
}
