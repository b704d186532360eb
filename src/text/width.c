/* Display width in terminal columns, and fitting text into a number of columns. */
#include "text/width.h"

#include "text/utf8.h"

#include <stdint.h>
#include <uniwidth.h>

static int cp_width(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 0x20 && cp < 0x7F;
	/* Latin-1 and Latin Extended (every Vietnamese letter but the ones at U+1EA0) are one
	 * column, the U+0300 block of combining marks none; the soft hyphen is invisible. */
	if (cp < 0x300)
		return cp >= 0xA0 && cp != 0xAD;
	if (cp <= 0x36F)
		return 0;
	if (cp >= 0x1EA0 && cp <= 0x1EF9)
		return 1;
	/* "UTF-8", not a CJK encoding: ambiguous-width characters are narrow, as in a UTF-8
	 * locale's wcwidth. */
	int w = uc_width(cp, "UTF-8");
	return w < 0 ? 0 : w;
}

/* Decode at s[i]; a byte that is not valid UTF-8 counts as one column, as terminals show it. */
static size_t next_cp(const char *s, size_t n, size_t i, int *w)
{
	uint32_t cp;
	int len = utf8_decode(s + i, n - i, &cp);

	if (len < 0) {
		*w = 1;
		return 1;
	}
	*w = cp_width(cp);
	return (size_t)len;
}

int vn_width(const char *s, size_t n)
{
	int cols = 0, w;

	for (size_t i = 0; i < n;) {
		if ((unsigned char)s[i] < 0x80) {
			cols += (unsigned char)s[i] >= 0x20 && s[i] != 0x7F;
			i++;
			continue;
		}
		i += next_cp(s, n, i, &w);
		cols += w;
	}
	return cols;
}

size_t vn_fit(const char *s, size_t n, int cols)
{
	size_t i = 0;
	int used = 0, w;

	/* Stop only at a character that takes columns: combining marks take none, so they always
	 * go along with the letter before them, and a letter never loses its marks. */
	while (i < n) {
		size_t len = next_cp(s, n, i, &w);
		if (used + w > cols)
			break;
		used += w;
		i += len;
	}
	return i;
}
