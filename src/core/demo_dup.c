/* The demo's duplicates: the record a second organization keeps of a person another one has. */
#include "core/demo.h"
#include "core/demo_priv.h"

#include "core/record.h"
#include "text/fold.h"
#include "text/name.h"
#include "text/norm.h"
#include "util/buf.h"
#include "util/rng.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Tone marks on the first vowel of a word-final oa, oe, uy (old style, as the name tables write
 * them) and on the second (new style): Hòa/Hoà, Khỏe/Khoẻ, Thúy/Thuý. */
static const char *const TONE_OLD[] = {
	"òa", "óa", "ỏa", "õa", "ọa", "òe", "óe", "ỏe", "õe", "ọe", "ùy", "úy", "ủy", "ũy", "ụy",
};
static const char *const TONE_NEW[] = {
	"oà", "oá", "oả", "oã", "oạ", "oè", "oé", "oẻ", "oẽ", "oẹ", "uỳ", "uý", "uỷ", "uỹ", "uỵ",
};
/* A syllable-final y and the i that some write instead (Lý/Lí, Mỹ/Mĩ, Kỳ/Kì). */
static const char *const Y_FORMS[] = { "ý", "ỳ", "ỷ", "ỹ", "ỵ", "y" };
static const char *const I_FORMS[] = { "í", "ì", "ỉ", "ĩ", "ị", "i" };

#define N(a) (sizeof a / sizeof a[0])

static bool word_end(const char *p)
{
	return *p == '\0' || *p == ' ';
}

static bool is_consonant(char c)
{
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'z' && !strchr("aeiouy", c);
}

/* Rewrite s (NFC) replacing, at word ends only, the forms from[i] by to[i] where ok() allows;
 * returns whether anything changed. */
static bool swap_final(const char *s, struct buf *out, const char *const *from,
		       const char *const *to, size_t n, bool (*ok)(const char *s, const char *at))
{
	bool changed = false;
	for (const char *p = s; *p;) {
		bool done = false;
		for (size_t i = 0; i < n && !done; i++) {
			size_t k = strlen(from[i]);
			if (strncmp(p, from[i], k) == 0 && word_end(p + k) && ok(s, p)) {
				buf_adds(out, to[i]);
				p += k;
				done = changed = true;
			}
		}
		if (!done)
			buf_addc(out, *p++);
	}
	return changed;
}

/* uy after q is "qu" + y, whose tone sits on the y in either style. */
static bool tone_ok(const char *s, const char *at)
{
	return !(at > s && (at[-1] == 'q' || at[-1] == 'Q') && at[0] == 'u');
}

/* A y after a consonant or after "qu": not "uy" (Huy), "ay" (Bảy) or a lone "Y". */
static bool iy_ok(const char *s, const char *at)
{
	if (at == s)
		return false;
	if (is_consonant(at[-1]))
		return true;
	return at - s >= 2 && at[-1] == 'u' && (at[-2] == 'q' || at[-2] == 'Q');
}

/* Move the tone of oa/oe/uy to the other vowel, in whichever direction the name allows. */
static bool vary_tone(const char *s, struct buf *out)
{
	if (swap_final(s, out, TONE_OLD, TONE_NEW, N(TONE_OLD), tone_ok))
		return true;
	buf_reset(out);
	return swap_final(s, out, TONE_NEW, TONE_OLD, N(TONE_NEW), tone_ok);
}

static bool vary_iy(const char *s, struct buf *out)
{
	return swap_final(s, out, Y_FORMS, I_FORMS, N(Y_FORMS), iy_ok);
}

static bool vary_surname(const char *s, struct buf *out)
{
	static const char *const pairs[][2] = {
		{ "Hoàng ", "Huỳnh " }, { "Huỳnh ", "Hoàng " }, { "Vũ ", "Võ " }, { "Võ ", "Vũ " },
	};
	for (size_t i = 0; i < N(pairs); i++) {
		size_t k = strlen(pairs[i][0]);
		if (strncmp(s, pairs[i][0], k) == 0 && s[k]) {
			buf_adds(out, pairs[i][1]);
			buf_adds(out, s + k);
			return true;
		}
	}
	return false;
}

/* "Nguyễn văn An": the middle words in small letters, as careless typing leaves them. */
static bool vary_case(const char *s, struct buf *out)
{
	const char *first = strchr(s, ' '), *last = strrchr(s, ' ');
	if (!first || first == last)
		return false;
	buf_add(out, s, (size_t)(first - s) + 1);
	vn_lower(out, first + 1, (size_t)(last - first - 1));
	buf_adds(out, last);
	return strcmp(buf_str(out), s) != 0;
}

/* What a spreadsheet may carry and an import cleans away: capitals, decomposed marks, spaces. */
static unsigned vary_raw(struct rng *r, const char *s, struct buf *out)
{
	double u = rng_unit(r);
	if (u < 0.10) {
		vn_upper(out, s, strlen(s));
	} else if (u < 0.25) {
		vn_nfd(out, s, strlen(s));
	} else if (u < 0.35) {
		for (const char *p = s; *p; p++) {
			buf_addc(out, *p);
			if (*p == ' ')
				buf_addc(out, ' ');
		}
		buf_addc(out, ' ');
	} else {
		return 0;
	}
	return DEMO_DUP_RAW;
}

/* Apply one variation (chance p, where it fits) to the name in *name. */
static unsigned apply(struct rng *r, double p, bool (*vary)(const char *, struct buf *),
		      unsigned kind, char **name)
{
	if (rng_unit(r) >= p)
		return 0;
	struct buf b = BUF_INIT;
	if (!vary(*name, &b)) {
		buf_free(&b);
		return 0;
	}
	free(*name);
	*name = buf_steal(&b);
	return kind;
}

/* "Nguyễn Thị Thu Hà" -> "Nguyễn Hà": surname and given name only, as a hurried list writes. */
static bool drop_middle(const char *s, struct buf *out)
{
	const char *first = strchr(s, ' '), *last = strrchr(s, ' ');
	if (!first || first == last)
		return false;
	buf_add(out, s, (size_t)(first - s));
	buf_adds(out, last);
	return true;
}

static unsigned vary_name(struct rng *r, char **name, bool raw)
{
	unsigned k = 0;
	k |= apply(r, 0.05, drop_middle, DEMO_DUP_MIDDLE, name);
	k |= apply(r, 0.6, vary_tone, DEMO_DUP_TONE, name);
	k |= apply(r, 0.6, vary_iy, DEMO_DUP_IY, name);
	k |= apply(r, 0.6, vary_surname, DEMO_DUP_SURNAME, name);
	k |= apply(r, 0.1, vary_case, DEMO_DUP_CASE, name);
	struct buf b = BUF_INIT;
	unsigned rk = vary_raw(r, *name, &b);
	if (raw && rk) {
		k |= rk;
		free(*name);
		*name = buf_steal(&b);
	}
	buf_free(&b);
	if (!raw) {
		/* Into the store as an import would put it: NFC, squeezed, title case. */
		vn_name_clean(&b, *name, strlen(*name));
		free(*name);
		*name = buf_steal(&b);
	}
	return k;
}

/* "Xã Yên Thịnh, tỉnh Ninh Bình" -> "Yên Thịnh, Ninh Bình", as some lists write home towns. */
static char *short_place(const char *s)
{
	static const char *const levels[] = { "Xã ", "Phường ", "Thị trấn ", "tỉnh ", "thành phố " };
	struct buf b = BUF_INIT;
	const char *p = s;
	while (*p) {
		for (size_t i = 0; i < N(levels); i++)
			if (strncmp(p, levels[i], strlen(levels[i])) == 0 &&
			    (p == s || (p >= s + 2 && p[-1] == ' ' && p[-2] == ','))) {
				p += strlen(levels[i]);
				break;
			}
		const char *comma = strstr(p, ", ");
		size_t k = comma ? (size_t)(comma - p) + 2 : strlen(p);
		buf_add(&b, p, k);
		p += k;
	}
	return buf_steal(&b);
}

unsigned demo_dup_person(struct rng *r, struct person *orig, struct person *copy, bool raw,
			 const char *other_commune)
{
	unsigned k = 0;
	memset(copy, 0, sizeof *copy);
	rec_copy(&REC_DEF_PERSON, copy, orig);

	/* One CCCD is one person in the store: the second record has none, or has it instead. */
	if (orig->cccd) {
		if (rng_unit(r) < 0.75) {
			XFREE(copy->cccd);
		} else {
			XFREE(orig->cccd);
			k |= DEMO_DUP_CCCD_MOVED;
		}
	}
	k |= vary_name(r, &copy->full_name, raw);

	double u = rng_unit(r);
	if (date_precision(orig->birth) == DATE_YMD && u < 0.35) {
		copy->birth = u < 0.3 ? orig->birth / 10000 * 10000 : orig->birth / 100 * 100;
		k |= DEMO_DUP_YEAR_ONLY;
	} else if (date_precision(orig->birth) == DATE_YMD && u < 0.38 &&
		   DATE_DAY(orig->birth) <= 12 && DATE_DAY(orig->birth) != DATE_MONTH(orig->birth)) {
		/* dd/mm read as mm/dd somewhere on the way */
		copy->birth = DATE_YEAR(orig->birth) * 10000 + DATE_DAY(orig->birth) * 100 +
			      DATE_MONTH(orig->birth);
		k |= DEMO_DUP_SWAP;
	}
	u = rng_unit(r);
	if (copy->home_town && u < 0.1) {
		XFREE(copy->home_town);
		k |= DEMO_DUP_HOME;
	} else if (copy->home_town && u < 0.3) {
		char *s = short_place(copy->home_town);
		k |= strcmp(s, copy->home_town) ? DEMO_DUP_HOME : 0;
		free(copy->home_town);
		copy->home_town = s;
	}
	u = rng_unit(r);
	if (copy->address && u < 0.1) {
		XFREE(copy->address);
		k |= DEMO_DUP_ADDRESS;
	} else if (copy->address && u < 0.15 && other_commune) {
		free(copy->address);
		copy->address = xstrdup(other_commune);	/* moved since */
		k |= DEMO_DUP_ADDRESS;
	} else if (copy->address && u < 0.3 && strrchr(copy->address, ',')) {
		char *s = xstrdup(strrchr(copy->address, ',') + 2);	/* the commune alone */
		free(copy->address);
		copy->address = s;
		k |= DEMO_DUP_ADDRESS;
	}
	/* What the second organization did not ask for, or wrote down otherwise. */
	if (rng_unit(r) < 0.4)
		XFREE(copy->phone);
	if (rng_unit(r) < 0.3)
		XFREE(copy->qualification);
	if (rng_unit(r) < 0.3)
		XFREE(copy->theory);
	if (rng_unit(r) < 0.5)
		XFREE(copy->workplace);
	XFREE(copy->notes);
	return k;
}
