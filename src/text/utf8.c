/* UTF-8 validation, decoding and encoding, strict per RFC 3629. */
#include "text/utf8.h"

#include <stdio.h>

#include <string.h>

/* Where a multi-byte sequence's second byte may lie, by lead byte: this one check rejects the
 * overlongs (E0 80..9F, F0 80..8F), the surrogates (ED A0..BF) and everything above U+10FFFF
 * (F4 90..BF); C0, C1 and F5..FF never start a sequence at all. */
static int seq_len(unsigned char b0, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (b0 >= 0xC2 && b0 <= 0xDF)
		return 2;
	if (b0 >= 0xE0 && b0 <= 0xEF) {
		if (b0 == 0xE0)
			*lo = 0xA0;
		else if (b0 == 0xED)
			*hi = 0x9F;
		return 3;
	}
	if (b0 >= 0xF0 && b0 <= 0xF4) {
		if (b0 == 0xF0)
			*lo = 0x90;
		else if (b0 == 0xF4)
			*hi = 0x8F;
		return 4;
	}
	return -1;
}

int utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char lo, hi;

	if (n == 0)
		return -1;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	int len = seq_len(p[0], &lo, &hi);
	if (len < 0 || (size_t)len > n || p[1] < lo || p[1] > hi)
		return -1;
	uint32_t c = p[0] & (0x7F >> len);
	c = (c << 6) | (p[1] & 0x3F);
	for (int i = 2; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3F);
	}
	*cp = c;
	return len;
}

/* Eight bytes at a time: most of what we validate (names, addresses, CSV rows) is long ASCII runs. */
static size_t ascii_prefix(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
		i += 8;
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

int utf8_validate(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	for (;;) {
		i += ascii_prefix(p + i, n - i);
		if (i >= n)
			return 0;
		uint32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			if (bad)
				*bad = i;
			return -1;
		}
		i += (size_t)len;
	}
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	/* Never write a sequence utf8_validate would refuse. */
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t utf8_split_words(const char *s, size_t n, struct utf8_span *w, size_t max)
{
	size_t nw = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == n)
			break;
		size_t start = i;
		while (i < n && s[i] != ' ' && s[i] != '\t')
			i++;
		if (nw < max)
			w[nw] = (struct utf8_span){ s + start, i - start };
		nw++;
	}
	return nw;
}

const char *utf8_excerpt(const char *s, size_t n, char out[64])
{
	if (n > 40) {
		n = 40;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		snprintf(out, 64, "%.*s…", (int)n, s);
	} else {
		snprintf(out, 64, "%.*s", (int)n, s);
	}
	return out;
}

bool utf8_is_ascii(const char *s, size_t n)
{
	return ascii_prefix((const unsigned char *)s, n) == n;
}
