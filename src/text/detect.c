/* Guessing a file's encoding by which decoding of it reads as Vietnamese syllables.
 *
 * What counts is the words holding a non-ASCII letter (ASCII words read the same in every
 * candidate), plus the stray characters a wrong decoder makes: a control or U+FFFD, or a
 * symbol wedged between two letters ("TR˜NG": VN1's capital Ờ read as TCVN3's Windows-1252
 * tilde).  A symbol beside a space is neutral, since TCVN3 and VNI files put real punctuation
 * (“ ” – …) in 0x80..0x9F; VN1 reading that punctuation as capitals makes words like "ỎNguyễnÕ"
 * that no syllable check accepts.  A candidate's score is the share of those units that came
 * out right.
 *
 * Two candidates that decode the sample to the same text (TCVN3 and VN1 without capitals or
 * punctuation in 0x80..0x9F, VISCII and VPS on the few letters they share) are not rivals: the
 * margin that makes the confidence is taken over the best candidate that reads differently.
 *
 * Large texts are sampled: up to 16 slices of 64 KB spread over the text, each cut at line
 * ends, so 1 MB is read whatever the size.  Only the check that the whole text is UTF-8 runs
 * over all of it (and stops at the first byte that is not). */
#include "text/detect.h"

#include "text/syllable.h"
#include "text/utf8.h"
#include "text/vnenc_priv.h"
#include "text/vnletter.h"
#include "util/buf.h"

#include <string.h>
#include <unictype.h>

#define WHOLE_MAX (1u << 20)	/* texts up to this size are scored whole */
#define SLICES 16
#define SLICE_LEN (64u << 10)
#define LINE_MAX_SEEK 4096	/* how far to look for a line end when cutting a slice */

/* The candidates in the order that breaks ties: the more common first. */
static const enum vn_enc candidates[] = {
	VN_ENC_UTF8, VN_ENC_TCVN3, VN_ENC_VNI, VN_ENC_VISCII, VN_ENC_CP1258, VN_ENC_VN1, VN_ENC_VPS,
};
#define NCAND (sizeof candidates / sizeof candidates[0])

struct slice {
	size_t off, len;
};

struct cand {
	enum vn_enc enc;
	size_t good, bad;
	uint64_t hash;		/* of the decoded sample: equal text, equal hash */
	double score, confidence;
	bool skip;
};

/* The C0 bytes that some Vietnamese encoding uses for a capital (VN1, VISCII, VPS). */
static bool c0_letter(unsigned char b)
{
	return b < 0x20 && ((UINT32_C(0x72FF007E) >> b) & 1);
}

/* Cut the text into slices at line ends.  A text that does not end in a newline is a sample
 * cut anywhere; its last line counts only when it is all there is. */
static size_t make_slices(const char *s, size_t n, struct slice *sl)
{
	size_t end = n;

	if (n > LINE_MAX_SEEK && s[n - 1] != '\n') {
		const char *nl = memrchr(s, '\n', n);
		if (nl)
			end = (size_t)(nl - s) + 1;
	}
	if (end <= WHOLE_MAX) {
		sl[0] = (struct slice){ 0, end };
		return 1;
	}
	size_t k = 0, step = end / SLICES;
	for (size_t i = 0; i < SLICES; i++) {
		size_t a = i * step, b;
		if (a > 0) {
			size_t lim = end - a < LINE_MAX_SEEK ? end - a : LINE_MAX_SEEK;
			const char *nl = memchr(s + a, '\n', lim);
			if (nl)
				a = (size_t)(nl - s) + 1;
		}
		b = a + SLICE_LEN;
		if (b >= end) {
			b = end;
		} else {
			size_t lim = end - b < LINE_MAX_SEEK ? end - b : LINE_MAX_SEEK;
			const char *nl = memchr(s + b, '\n', lim);
			if (nl)
				b = (size_t)(nl - s) + 1;
		}
		if (k > 0 && a < sl[k - 1].off + sl[k - 1].len)
			a = sl[k - 1].off + sl[k - 1].len;
		if (b > a)
			sl[k++] = (struct slice){ a, b - a };
	}
	return k;
}

/* Valid UTF-8, but for a character the end of a sample may have cut. */
static bool utf8_sample(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t bad;

	if (utf8_validate(s, n, &bad) == 0)
		return true;
	size_t want = u[bad] >= 0xF0 && u[bad] <= 0xF4 ? 4 : u[bad] >= 0xE0 && u[bad] <= 0xEF ? 3
		    : u[bad] >= 0xC2 && u[bad] <= 0xDF ? 2 : 0;
	if (want == 0 || n - bad >= want)
		return false;
	for (size_t i = bad + 1; i < n; i++)
		if ((u[i] & 0xC0) != 0x80)
			return false;
	return true;
}

enum kind { K_SEP, K_WORD, K_SYMBOL, K_BAD };

static enum kind kind_of(uint32_t cp)
{
	struct vnl_letter l;

	if (cp < 0x80) {
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return K_WORD;
		return c0_letter((unsigned char)cp) ? K_BAD : K_SEP;
	}
	if (vnl_split(cp, &l) || (cp >= 0x300 && cp <= 0x36F))
		return K_WORD;
	if (cp < 0xA0 || cp == 0xFFFD)
		return K_BAD;
	/* Other letters (ƒ ß Ð ø) are words no syllable check passes. */
	return uc_is_alpha(cp) ? K_WORD : K_SYMBOL;
}

static int next_cp(const char *t, size_t n, size_t i, uint32_t *cp)
{
	unsigned char b = (unsigned char)t[i];
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	int len = utf8_decode(t + i, n - i, cp);
	if (len < 0) {
		*cp = 0xFFFD;
		len = 1;
	}
	return len;
}

/* Case as names and addresses have it: "nguyễn", "Nguyễn" or "NGUYỄN", not "nGUYỄN" -- or
 * "NGUYễN", capitals typed in a TCVN3 capitals font, whose toned letters read lowercase. */
static bool case_plain(const char *w, size_t n)
{
	struct vnl_reader r;
	struct vnl_char c;
	size_t k = 0, upper = 0, ascii_upper = 0, ascii = 0;
	bool first_upper = false;

	vnl_reader_init(&r, w, n);
	while (vnl_next(&r, &c)) {
		bool plain = !c.marked;
		if (c.upper) {
			upper++;
			if (k == 0)
				first_upper = true;
		}
		ascii += plain;
		ascii_upper += plain && c.upper;
		k++;
	}
	return upper == 0 || upper == k || (upper == 1 && first_upper) ||
	       (ascii > 0 && ascii_upper == ascii && upper == ascii);
}

static void score_text(const char *t, size_t n, struct cand *c)
{
	const unsigned char *u = (const unsigned char *)t;
	enum kind prev = K_SEP;
	size_t i = 0;

	while (i < n) {
		/* Runs of ASCII that are not letters: nothing to see. */
		if (u[i] < 0x80 && ((u[i] | 0x20) < 'a' || (u[i] | 0x20) > 'z') && !c0_letter(u[i])) {
			prev = K_SEP;
			i++;
			continue;
		}
		uint32_t cp;
		int len = next_cp(t, n, i, &cp);
		enum kind k = kind_of(cp);
		if (k == K_WORD) {
			size_t ws = i;
			bool wide = false;
			while (i < n) {
				len = next_cp(t, n, i, &cp);
				if (kind_of(cp) != K_WORD)
					break;
				wide |= cp >= 0x80;
				i += (size_t)len;
			}
			if (wide) {
				if (vn_syllable_valid(t + ws, i - ws) && case_plain(t + ws, i - ws))
					c->good++;
				else
					c->bad++;
			}
			prev = K_WORD;
			continue;
		}
		i += (size_t)len;
		if (k == K_BAD) {
			c->bad++;
		} else if (k == K_SYMBOL && prev == K_WORD && i < n) {
			uint32_t next;
			next_cp(t, n, i, &next);
			if (kind_of(next) == K_WORD)
				c->bad++;
		}
		prev = k;
	}
}

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= UINT64_C(0x100000001B3);
	}
	return h;
}

/* 1 - 0.4^k: how much k agreeing words prove; three make 0.94, six 0.996. */
static double evidence(size_t k)
{
	double p = 1;
	for (size_t i = 0; i < k && p > 1e-9; i++)
		p *= 0.4;
	return 1 - p;
}

static double clamp01(double x)
{
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

static void put_guess(struct vn_guess *g, enum vn_enc e, double score, double conf, size_t words)
{
	*g = (struct vn_guess){ e, score, conf, words };
}

/* Pure ASCII: plain text, or VIQR if its marks make syllables. */
static size_t detect_ascii(const char *s, const struct slice *sl, size_t nsl, struct vn_guess *g,
			   size_t max)
{
	struct vn_viqr_stats st = { 0, 0, 0 }, one;

	for (size_t i = 0; i < nsl; i++) {
		vn_viqr_stats(s + sl[i].off, sl[i].len, &one);
		st.words += one.words;
		st.marked += one.marked;
		st.valid += one.valid;
	}
	if (st.marked == 0) {
		put_guess(&g[0], VN_ENC_UTF8, 1, 1, 0);
		return 1;
	}
	/* As for the 8-bit encodings, with the words that read as syllables against those that
	 * do not; and VIQR marks most words, where English has a stray apostrophe. */
	double sv = (double)st.valid / (double)st.marked;
	double density = (double)st.marked / (double)st.words;
	size_t decisive = 2 * st.valid > st.marked ? 2 * st.valid - st.marked : 0;
	double cv = clamp01((sv - 0.5) / 0.4) * evidence(decisive) * clamp01(density / 0.15);
	bool viqr = cv >= 0.5;
	if (viqr) {
		put_guess(&g[0], VN_ENC_VIQR, sv, cv, st.marked);
		if (max > 1)
			put_guess(&g[1], VN_ENC_UTF8, 1 - sv, 0, st.marked);
	} else {
		put_guess(&g[0], VN_ENC_UTF8, 1 - sv, 1 - cv, st.marked);
		if (max > 1)
			put_guess(&g[1], VN_ENC_VIQR, sv, cv, st.marked);
	}
	return max > 1 ? 2 : 1;
}

static bool better(const struct cand *a, const struct cand *b)
{
	if (a->score != b->score)
		return a->score > b->score;
	return a < b;	/* earlier in candidates[]: the more common encoding */
}

size_t vn_detect(const char *s, size_t n, struct vn_guess *g, size_t max)
{
	const unsigned char *u = (const unsigned char *)s;
	struct slice sl[SLICES];
	bool high = false, c0 = false;

	if (max == 0)
		return 0;
	for (size_t i = 0; i < n && !(high && c0); i++) {
		high |= u[i] >= 0x80;
		c0 |= c0_letter(u[i]);
	}
	if (!high && !c0) {
		size_t nsl = make_slices(s, n, sl);
		return detect_ascii(s, sl, nsl, g, max);
	}
	if (high && utf8_sample(s, n)) {
		put_guess(&g[0], VN_ENC_UTF8, 1, 1, 0);
		return 1;
	}

	size_t nsl = make_slices(s, n, sl);
	struct cand cand[NCAND];
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < NCAND; i++) {
		struct cand *c = &cand[i];
		*c = (struct cand){ .enc = candidates[i], .hash = UINT64_C(0xCBF29CE484222325) };
		struct vn_codec *codec = vn_codec_new(c->enc, NULL);
		if (!codec) {
			c->skip = true;
			continue;
		}
		for (size_t j = 0; j < nsl; j++) {
			buf_reset(&b);
			vn_decode(codec, s + sl[j].off, sl[j].len, &b, VN_DEC_LENIENT, NULL);
			score_text(b.p, b.len, c);
			c->hash = fnv(c->hash, b.p, b.len);
		}
		vn_codec_free(&codec);
		c->score = c->good + c->bad ? (double)c->good / (double)(c->good + c->bad) : 0;
	}
	buf_free(&b);

	/* Best first (a selection sort of seven). */
	struct cand *order[NCAND];
	size_t k = 0;
	for (size_t i = 0; i < NCAND; i++)
		if (!cand[i].skip)
			order[k++] = &cand[i];
	for (size_t i = 0; i < k; i++)
		for (size_t j = i + 1; j < k; j++)
			if (better(order[j], order[i])) {
				struct cand *t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
	if (k == 0) {
		put_guess(&g[0], VN_ENC_UTF8, 0, 0, 0);
		return 1;
	}
	/* Sure when the score is high and the words that tell the best reading from each other
	 * one (good minus bad, against theirs) are many: a reading that differs only in the
	 * capitals of three words is beaten by those three words. */
	struct cand *best = order[0];
	size_t decisive = best->good;
	for (size_t i = 1; i < k; i++) {
		if (order[i]->hash == best->hash)
			continue;
		double d = ((double)best->good - (double)best->bad) -
			   ((double)order[i]->good - (double)order[i]->bad);
		if (d < (double)decisive)
			decisive = d > 0 ? (size_t)d : 0;
	}
	best->confidence = clamp01((best->score - 0.5) / 0.4) * evidence(decisive);
	size_t out = 0;
	for (size_t i = 0; i < k && out < max; i++) {
		struct cand *c = order[i];
		/* Another reading of the same text is as sure as the best; the rest lose to it. */
		double conf = c->hash == best->hash ? best->confidence : 0;
		put_guess(&g[out++], c->enc, c->score, conf, c->good + c->bad);
	}
	return out;
}
