/* Decoding UTF-8 and the encodings with our own tables, and the TCVN3 capitals fix.
 *
 * UTF-8 comes out NFC, fast for Vietnamese; VNI, VPS, VIQR and ASCII go through tables and
 * rules rather than iconv, which lacks them. */
#include "text/vnenc_priv.h"

#include "text/fold.h"
#include "text/norm.h"
#include "text/utf8.h"
#include "util/buf.h"

#include <stdlib.h>
#include <unictype.h>
#include <uninorm.h>

/* ---- UTF-8 to NFC ----
 *
 * libunistring's normalizer reads NFD text at some 60 MB/s; a Vietnamese letter and its marks
 * compose through the letter tables far faster.  What this does not know for sure (a mark that
 * is not Vietnamese, two marks of a kind, a character NFC might change) goes to the normalizer
 * a line at a time: NFC never reaches across a line break. */

static int viet_mark(uint32_t cp)
{
	switch (cp) {
	case 0x0300: return VNL_TONE_HUYEN;
	case 0x0301: return VNL_TONE_SAC;
	case 0x0303: return VNL_TONE_NGA;
	case 0x0309: return VNL_TONE_HOI;
	case 0x0323: return VNL_TONE_NANG;
	case 0x0302: return VNL_MOD_CIRC << 3;
	case 0x0306: return VNL_MOD_BREVE << 3;
	case 0x031B: return VNL_MOD_HORN << 3;
	default: return -1;
	}
}

/* The letter l, whose marks start at j, with those marks: the end of the marks, the letter in
 * *cp; 0 when NFC would not give a single Vietnamese letter here. */
static size_t compose(const char *s, size_t n, size_t j, struct vnl_letter *l, uint32_t *cp)
{
	/* Circumflex and breve share their combining class (230) with the tones above the
	 * letter, so "a" + acute + breve keeps its order and is not ắ in NFC; the horn (216) and
	 * the dot below (220) go anywhere. */
	bool tone_above = l->tone != VNL_TONE_NONE && l->tone != VNL_TONE_NANG;
	uint32_t c;

	while (j < n && utf8_decode(s + j, n - j, &c) == 2 && c >= 0x300 && c <= 0x36F) {
		int m = viet_mark(c);
		if (m < 0)
			return 0;
		unsigned char mod = (unsigned char)(m >> 3), tone = (unsigned char)(m & 7);
		if (mod) {
			if (l->mod || !vnl_mod_fits(l->base, mod) || (mod != VNL_MOD_HORN && tone_above))
				return 0;
			l->mod = mod;
		} else {
			if (l->tone)
				return 0;
			l->tone = tone;
			tone_above = tone != VNL_TONE_NANG;
		}
		j += 2;
	}
	if (j < n && (unsigned char)s[j] >= 0xCC && utf8_decode(s + j, n - j, &c) > 0 &&
	    uc_combining_class(c) != 0)
		return 0;
	*cp = vnl_join(l);
	return *cp ? j : 0;
}

/* Lead bytes of characters at or above U+0300 that NFC leaves alone and that nothing composes
 * with: the precomposed letters U+1EA0..U+1EF9, punctuation U+2002..U+206F, currency signs. */
static size_t stable_len(const unsigned char *u, size_t i, size_t n)
{
	if (i + 2 >= n)
		return 0;
	unsigned char b1 = u[i + 1], b2 = u[i + 2];
	if (u[i] == 0xE1 && ((b1 == 0xBA && b2 >= 0xA0) || (b1 == 0xBB && b2 <= 0xB9)))
		return 3;
	if (u[i] == 0xE2 && ((b1 == 0x80 && b2 >= 0x82) || b1 == 0x81 || (b1 == 0x82 && b2 >= 0xA0) ||
			     (b1 == 0x83 && b2 < 0x90)))
		return 3;
	return 0;
}

static void nfc_lines(struct buf *out, const char *s, size_t n)
{
	uint8_t tmp[1024];
	size_t len = sizeof tmp;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, tmp, &len);
	if (!r)
		vnl_oom();
	buf_add(out, r, len);
	if (r != tmp)
		free(r);
}

/* Append the NFC of valid UTF-8 s[0..n). */
static void nfc_fast(struct buf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0, prev = 0;	/* s[run..i) goes out as it is; prev: the last character */
	struct vnl_out o;

	buf_reserve(out, n);
	vnl_out_init(&o, out);
	while (i < n) {
		unsigned char b = u[i];
		if (b < 0xCC) {		/* below U+0300: nothing composes, nothing changes */
			if ((b & 0xC0) != 0x80)
				prev = i;
			i++;
			continue;
		}
		size_t k = stable_len(u, i, n);
		if (k) {
			prev = i;
			i += k;
			continue;
		}
		uint32_t cp, base, letter;
		struct vnl_letter l;
		if (b <= 0xCD && utf8_decode(s + i, n - i, &cp) == 2 && cp <= 0x36F && prev < i &&
		    utf8_decode(s + prev, i - prev, &base) == (int)(i - prev) && vnl_split(base, &l) &&
		    (k = compose(s, n, i, &l, &letter)) != 0) {
			vn_out_mem(&o, s + run, prev - run);
			vnl_out_cp(&o, letter);
			run = prev = i = k;
			continue;
		}
		/* Something else: this line through the normalizer. */
		const char *nl = memrchr(s + run, '\n', i - run);
		size_t ls = nl ? (size_t)(nl - s) + 1 : run;
		nl = memchr(s + i, '\n', n - i);
		size_t le = nl ? (size_t)(nl - s) : n;
		vn_out_mem(&o, s + run, ls - run);
		vnl_out_flush(&o);
		nfc_lines(out, s + ls, le - ls);
		run = prev = i = le;
	}
	vn_out_mem(&o, s + run, n - run);
	vnl_out_flush(&o);
}

int vn_decode_utf8(const char *s, size_t n, struct buf *out, unsigned flags,
		   struct vn_enc_problem *p)
{
	size_t bad;

	if (utf8_validate(s, n, &bad) == 0) {
		nfc_fast(out, s, n);
		return 0;
	}
	/* Not UTF-8 throughout: what is, with U+FFFD for each byte that is not. */
	struct buf tmp = BUF_INIT;
	struct vnl_out o;
	int ret = 0;
	size_t i = 0;
	vnl_out_init(&o, &tmp);
	do {
		vn_out_mem(&o, s + i, bad);
		if (!vn_bad_byte(p, flags, i + bad, (unsigned char)s[i + bad], &o)) {
			ret = -1;
			i = n;
			break;
		}
		i += bad + 1;
	} while (utf8_validate(s + i, n - i, &bad) < 0);
	vn_out_mem(&o, s + i, n - i);
	vnl_out_flush(&o);
	nfc_fast(out, tmp.p, tmp.len);
	buf_free(&tmp);
	return ret;
}

/* ---- the encodings with our own tables ---- */

/* ASCII, and VIQR's byte range. */
int vn_decode_7bit(bool viqr, const char *s, size_t n, struct buf *out, unsigned flags,
		   struct vn_enc_problem *p)
{
	const unsigned char *u = (const unsigned char *)s;
	struct vnl_out o;
	size_t i = 0;

	vnl_out_init(&o, out);
	while (i < n) {
		size_t j = vn_ascii_run(u, i, n);
		if (viqr) {
			vnl_out_flush(&o);
			vn_viqr_decode(s + i, j - i, out);
		} else {
			vn_out_mem(&o, s + i, j - i);
		}
		if (j < n && !vn_bad_byte(p, flags, j, u[j], &o)) {
			vnl_out_flush(&o);
			return -1;
		}
		i = j + 1;
	}
	vnl_out_flush(&o);
	return 0;
}

int vn_decode_vps(const char *s, size_t n, struct buf *out, unsigned flags,
		  struct vn_enc_problem *p)
{
	const unsigned char *u = (const unsigned char *)s;
	struct vnl_out o;

	vnl_out_init(&o, out);
	for (size_t i = 0; i < n; i++) {
		uint32_t cp = vn_vps_dec[u[i]];
		if (u[i] < 0x80 && !cp) {
			vnl_out_byte(&o, u[i]);
		} else if (cp) {
			vnl_out_cp(&o, cp);
		} else if (!vn_bad_byte(p, flags, i, u[i], &o)) {
			vnl_out_flush(&o);
			return -1;
		}
	}
	vnl_out_flush(&o);
	return 0;
}

/* Greedy: a base byte and a mark byte that make a letter, else a single-byte letter, else the
 * byte as Windows-1252 (the fonts are Windows fonts; punctuation lives there). */
int vn_decode_vni(const char *s, size_t n, struct buf *out, unsigned flags,
		  struct vn_enc_problem *p)
{
	const unsigned char *u = (const unsigned char *)s;
	struct vnl_out o;
	size_t i = 0;

	vnl_out_init(&o, out);
	while (i < n) {
		/* All of an ASCII run but its last byte, which may take the mark byte after it. */
		size_t j = vn_ascii_run(u, i, n);
		if (j > i) {
			size_t end = j < n ? j - 1 : j;
			vn_out_mem(&o, s + i, end - i);
			i = end;
			if (i >= n)
				break;
		}
		uint32_t cp;
		if (i + 1 < n && u[i + 1] >= 0xC0 && (cp = vn_vni_pair(u[i], u[i + 1])) != 0) {
			vnl_out_cp(&o, cp);
			i += 2;
			continue;
		}
		if (u[i] < 0x80)
			cp = u[i];
		else if ((cp = vn_vni_single(u[i])) == 0)
			cp = u[i] >= 0xA0 ? u[i] : vn_cp1252_c1[u[i] - 0x80];
		if (cp) {
			vnl_out_cp(&o, cp);
		} else if (!vn_bad_byte(p, flags, i, u[i], &o)) {
			vnl_out_flush(&o);
			return -1;
		}
		i++;
	}
	vnl_out_flush(&o);
	return 0;
}

/* ---- capitals typed in a capitals font ---- */

static bool is_mark(uint32_t cp)
{
	return cp >= 0x300 && cp <= 0x36F;
}

static bool is_word_char(uint32_t cp)
{
	struct vnl_letter l;
	return vnl_split(cp, &l) || is_mark(cp) || (cp >= 0x80 && uc_is_alpha(cp));
}

size_t vn_fix_caps(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, done = 0, changed = 0;

	buf_reserve(out, n);
	while (i < n) {
		uint32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0 || !is_word_char(cp)) {
			i += len < 0 ? 1 : (size_t)len;
			continue;
		}
		size_t ws = i;
		bool ascii_cap = false, ascii_lower = false, vn_lower = false;
		while (i < n && (len = utf8_decode(s + i, n - i, &cp)) > 0 && is_word_char(cp)) {
			/* A letter with combining marks after it is a Vietnamese letter in NFD. */
			size_t j = i + (size_t)len;
			uint32_t next;
			bool marked = j < n && utf8_decode(s + j, n - j, &next) > 0 && is_mark(next);
			struct vnl_letter l;
			if (cp < 0x80 && vnl_split(cp, &l)) {
				if (marked && !l.upper)
					vn_lower = true;
				else if (!marked && l.upper)
					ascii_cap = true;
				else if (!marked)
					ascii_lower = true;
			} else if (vnl_split(cp, &l) && !l.upper) {
				vn_lower = true;
			}
			i = j;
		}
		if (ascii_cap && !ascii_lower && vn_lower) {
			buf_add(out, s + done, ws - done);
			vn_upper(out, s + ws, i - ws);
			done = i;
			changed++;
		}
	}
	buf_add(out, s + done, n - done);
	return changed;
}
