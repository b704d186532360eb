/* What a Vietnamese syllable is, for the input method: its parts, whether the letters typed so
 * far can still become one, and which vowel takes the tone.
 *
 * The tables hold the language (VIETNAMESE.md §3-4), not any input method: the rhymes (vowel
 * group + the finals it takes) and the onsets.  Some leniency keeps the names of Vietnam's
 * minority peoples typeable (Kpă, Mlô, Krông, Niê, Đắk Lắk):
 *   - an onset that is not one of the 27 Vietnamese onsets (kp, ml, kr, k before a, ...) is
 *     accepted if it is at most three consonants other than f, w, z; the vowel group must still
 *     be a Vietnamese one and the final a Vietnamese final, but which final goes with which
 *     vowel group is not checked (Kpă has ă without a final);
 *   - "k" is a final (Đắk, Lắk, Búk), with the tones of the other stops; open iê is a rhyme (Niê).
 * Foreign words still fail where it matters: their vowel groups (ea, ou, ...) and finals (s, d,
 * l, ...) are not Vietnamese, and neither is a stop without sắc or nặng, so "windows", "text"
 * and "boot" are given back as typed. */
#include "text/ime_priv.h"

#include "text/utf8.h"
#include "text/vnletter.h"

#include <string.h>

enum {
	F_OPEN = 1 << 0,	/* no final consonant */
	F_C = 1 << 1,
	F_CH = 1 << 2,
	F_M = 1 << 3,
	F_N = 1 << 4,
	F_NG = 1 << 5,
	F_NH = 1 << 6,
	F_P = 1 << 7,
	F_T = 1 << 8,
	F_K = 1 << 9,
	F_ALL = (1 << 10) - 1,
};
/* After a stop only sắc or nặng. */
#define F_STOPS (F_C | F_CH | F_P | F_T | F_K)

static const struct {
	const char *s;
	unsigned bit;
} FINALS[] = {
	{ "c", F_C }, { "ch", F_CH }, { "m", F_M }, { "n", F_N }, { "ng", F_NG }, { "nh", F_NH },
	{ "p", F_P }, { "t", F_T }, { "k", F_K },
};
#define NFINALS (sizeof FINALS / sizeof FINALS[0])

/* Every vowel group with the finals it takes.  After "qu" and "gi" the group is what follows
 * (quyết is qu + yê + t, giếng gi + ê + ng). */
#define STOPC (F_C | F_K)
static const struct {
	const char *v;
	unsigned finals;
} RHYMES[] = {
	{ "a", F_OPEN | STOPC | F_CH | F_M | F_N | F_NG | F_NH | F_P | F_T },
	{ "ă", STOPC | F_M | F_N | F_NG | F_P | F_T },
	{ "â", STOPC | F_M | F_N | F_NG | F_P | F_T },
	{ "e", F_OPEN | STOPC | F_M | F_N | F_NG | F_P | F_T },
	{ "ê", F_OPEN | F_CH | F_M | F_N | F_NG | F_NH | F_P | F_T },
	{ "i", F_OPEN | F_CH | F_M | F_N | F_NH | F_P | F_T },
	{ "o", F_OPEN | STOPC | F_M | F_N | F_NG | F_P | F_T },
	{ "ô", F_OPEN | STOPC | F_M | F_N | F_NG | F_P | F_T },
	{ "ơ", F_OPEN | F_M | F_N | F_P | F_T },
	{ "u", F_OPEN | STOPC | F_M | F_N | F_NG | F_P | F_T },
	{ "ư", F_OPEN | F_C | F_M | F_N | F_NG | F_T },
	{ "y", F_OPEN | F_CH | F_N | F_NH | F_T },	/* quých, quỳnh, quýt */
	{ "ai", F_OPEN }, { "ao", F_OPEN }, { "au", F_OPEN }, { "ay", F_OPEN },
	{ "âu", F_OPEN }, { "ây", F_OPEN }, { "eo", F_OPEN }, { "êu", F_OPEN },
	{ "ia", F_OPEN }, { "iu", F_OPEN }, { "oi", F_OPEN }, { "ôi", F_OPEN }, { "ơi", F_OPEN },
	{ "ua", F_OPEN }, { "ui", F_OPEN }, { "uơ", F_OPEN }, { "ưa", F_OPEN }, { "ưi", F_OPEN },
	{ "ưu", F_OPEN },
	/* Open iê is not Vietnamese, but the Ê Đê surname Niê is. */
	{ "iê", F_OPEN | F_C | F_M | F_N | F_NG | F_P | F_T },
	{ "yê", F_M | F_N | F_NG | F_T },
	{ "oa", F_OPEN | F_C | F_CH | F_M | F_N | F_NG | F_NH | F_P | F_T },
	{ "oă", F_C | F_M | F_N | F_NG | F_T },
	{ "oe", F_OPEN | F_N | F_T },
	{ "oo", F_C | F_NG },
	{ "uâ", F_N | F_NG | F_T },
	{ "uê", F_OPEN | F_CH | F_NH },
	{ "uô", F_C | F_M | F_N | F_NG | F_T },
	{ "ươ", F_C | F_M | F_N | F_NG | F_P | F_T },
	{ "uy", F_OPEN | F_CH | F_N | F_NH | F_P | F_T },
	{ "iêu", F_OPEN }, { "yêu", F_OPEN }, { "oai", F_OPEN }, { "oay", F_OPEN },
	{ "oeo", F_OPEN }, { "uây", F_OPEN }, { "uôi", F_OPEN }, { "ươi", F_OPEN },
	{ "ươu", F_OPEN }, { "uya", F_OPEN }, { "uyu", F_OPEN },
	{ "uyê", F_N | F_T },
};
#define NRHYMES (sizeof RHYMES / sizeof RHYMES[0])

static const char *const ONSETS[] = {
	"b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
	"p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
};
#define NONSETS (sizeof ONSETS / sizeof ONSETS[0])

bool vn_ime_is_vowel(const struct vn_ime_char *c)
{
	return c->letter && c->base && strchr("aeiouy", c->base);
}

static bool is_consonant(const struct vn_ime_char *c)
{
	return c->letter && !vn_ime_is_vowel(c);
}

void vn_ime_parts(const struct vn_ime_word *w, struct vn_ime_parts *p)
{
	size_t i = 0;
	while (i < w->n && is_consonant(&w->c[i]))
		i++;
	/* qu and gi are onsets when a vowel follows: quý is qu + y, già gi + a, but gì is g + i. */
	if (i == 1 && i + 1 < w->n && vn_ime_is_vowel(&w->c[i + 1]) && w->c[i].mod == VNL_MOD_NONE &&
	    ((w->c[0].base == 'q' && w->c[i].base == 'u') ||
	     (w->c[0].base == 'g' && w->c[0].mod == VNL_MOD_NONE && w->c[i].base == 'i')))
		i++;
	p->onset = i;
	size_t j = i;
	while (j < w->n && vn_ime_is_vowel(&w->c[j]))
		j++;
	p->nucleus = j;

	char on[8];
	size_t k = 0;
	p->kind = VN_IME_ONSET_VN;
	if (i == 0)
		return;
	for (size_t x = 0; x < i && k + 2 < sizeof on; x++) {
		if (w->c[x].mod == VNL_MOD_STROKE) {
			on[k++] = (char)0xC4;	/* đ */
			on[k++] = (char)0x91;
		} else {
			on[k++] = (char)w->c[x].base;
		}
	}
	on[k] = '\0';
	/* Leniency has a limit: f, w, z are no Vietnamese letters, so "free" and "wow" are not
	 * minority names (Jrai's j is). */
	p->kind = VN_IME_ONSET_BAD;
	if (i > 3)
		return;
	for (size_t x = 0; x < i; x++)
		if (strchr("fwz", w->c[x].base))
			return;
	p->kind = VN_IME_ONSET_OTHER;
	for (size_t x = 0; x < NONSETS; x++)
		if (strcmp(on, ONSETS[x]) == 0) {
			/* Vietnamese spells k only before e, ê, i, y; k before another vowel is a
			 * minority name (Ka, Kơ Ho, Kon Tum), as lenient as an unknown onset. */
			unsigned char v = i < w->n && w->c[i].letter ? w->c[i].base : 0;
			bool front = v == 'e' || v == 'i' || v == 'y';
			if (on[0] == 'k' && on[1] == '\0' && v && !front)
				return;
			p->kind = VN_IME_ONSET_VN;
			return;
		}
}

/* How the typed vowel c relates to the vowel of a table: 2 the same, 1 the same but for a mark
 * still to be typed on it, 0 neither. */
static int vowel_match(const struct vn_ime_char *c, const struct vnl_letter *t)
{
	if (c->base != t->base)
		return 0;
	if (c->mod == t->mod)
		return 2;
	return c->mod == VNL_MOD_NONE ? 1 : 0;
}

/* Whether the vowels w->c[from..to) are the start of the table's group v (prefix) or the whole
 * of it, exactly (exact) or but for marks still to come. */
static bool group_match(const struct vn_ime_word *w, size_t from, size_t to, const char *v, bool prefix,
			bool exact)
{
	size_t n = strlen(v), i = 0;
	size_t k = from;
	while (i < n) {
		uint32_t cp;
		int len = utf8_decode(v + i, n - i, &cp);
		struct vnl_letter t;
		if (len <= 0 || !vnl_split(cp, &t))
			return false;
		i += (size_t)len;
		if (k == to)
			return prefix;
		int m = vowel_match(&w->c[k], &t);
		if (m == 0 || (exact && m != 2))
			return false;
		k++;
	}
	return k == to;
}

/* The finals bits that the consonants c[from..n) are (exact) or could become by typing more. */
static unsigned finals_of(const struct vn_ime_word *w, size_t from, bool exact)
{
	char s[4];
	size_t n = w->n - from;
	if (n == 0)
		return exact ? F_OPEN : F_ALL;
	if (n > 2)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const struct vn_ime_char *c = &w->c[from + i];
		if (!is_consonant(c) || c->mod != VNL_MOD_NONE)
			return 0;
		s[i] = (char)c->base;
	}
	s[n] = '\0';
	unsigned bits = 0;
	for (size_t i = 0; i < NFINALS; i++)
		if (exact ? strcmp(FINALS[i].s, s) == 0 : strncmp(FINALS[i].s, s, n) == 0)
			bits |= FINALS[i].bit;
	return bits;
}

static bool all_letters(const struct vn_ime_word *w)
{
	for (size_t i = 0; i < w->n; i++)
		if (!w->c[i].letter)
			return false;
	return true;
}

/* Common to both checks: the parts, the tone against the final, and the rhymes that fit. */
static bool check(const struct vn_ime_word *w, bool complete)
{
	if (!all_letters(w))
		return false;
	struct vn_ime_parts p;
	vn_ime_parts(w, &p);
	if (p.nucleus == p.onset)	/* no vowel: consonants only (an initial, the đ of đ/c) */
		return p.onset == w->n && w->tone == VNL_TONE_NONE;
	if (p.kind == VN_IME_ONSET_BAD)
		return false;
	unsigned finals = finals_of(w, p.nucleus, complete);
	if (!finals)
		return false;
	/* The final so far is a stop (c, ch, p, t, k): not huyền, hỏi or ngã; when the syllable
	 * is complete, not without a tone either. */
	if (!(finals & ~F_STOPS)) {
		if (w->tone != VNL_TONE_SAC && w->tone != VNL_TONE_NANG &&
		    (complete || w->tone != VNL_TONE_NONE))
			return false;
	}
	bool open = p.nucleus == w->n;
	for (size_t i = 0; i < NRHYMES; i++) {
		if (!group_match(w, p.onset, p.nucleus, RHYMES[i].v, !complete && open, complete))
			continue;
		/* An unknown onset is a minority name: any final will do. */
		if (p.kind == VN_IME_ONSET_OTHER || (RHYMES[i].finals & finals))
			return true;
	}
	return false;
}

bool vn_ime_syl_prefix(const struct vn_ime_word *w)
{
	return check(w, false);
}

bool vn_ime_syl_complete(const struct vn_ime_word *w)
{
	return check(w, true);
}

int vn_ime_tone_at(const struct vn_ime_word *w, unsigned flags)
{
	struct vn_ime_parts p;
	vn_ime_parts(w, &p);
	size_t s = p.onset, nv = p.nucleus - p.onset;
	if (nv == 0)
		return -1;
	/* A vowel with a mark takes it; of two (ươ) the second. */
	for (size_t i = p.nucleus; i-- > s;)
		if (w->c[i].mod != VNL_MOD_NONE)
			return (int)i;
	if (nv == 1)
		return (int)s;
	if (p.nucleus < w->n)	/* hoàn, huỳnh: the last before a final (uyen: uyê to come) */
		return (int)p.nucleus - 1;
	if (nv >= 3)
		return (int)s + 1;	/* oai, uya, oeo: the middle one */
	if (flags & VN_IME_NEW_STYLE) {
		unsigned char a = w->c[s].base, b = w->c[s + 1].base;
		if ((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y'))
			return (int)s + 1;	/* hoà, khoẻ, thuý */
	}
	return (int)s;	/* hòa, của, kìa, hai */
}

void vn_ime_resolve(struct vn_ime_word *w)
{
	struct vn_ime_parts p;
	vn_ime_parts(w, &p);
	if (p.onset == 0 || p.nucleus != w->n || p.nucleus - p.onset != 2)
		return;
	struct vn_ime_char *u = &w->c[p.onset], *o = u + 1;
	if (u->base == 'u' && u->mod == VNL_MOD_HORN && u->paired && o->base == 'o' && o->mod == VNL_MOD_HORN)
		u->mod = VNL_MOD_NONE;
}
