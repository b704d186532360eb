/* NFC normalization, with a table-free fast path for text that cannot change. */
#include "text/norm.h"

#include "text/utf8.h"
#include "text/vnletter.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>

/* Text is already NFC if every code point is below U+0300 or a precomposed Vietnamese letter
 * from U+1EA0..U+1EF9: all of these are NFC_Quick_Check=Yes, and nothing composes with a
 * preceding character except combining marks and conjoining jamo, all at U+0300 or above.
 * That covers almost every NFC Vietnamese name, address and note. */
static bool surely_nfc(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n; i++) {
		unsigned char b = p[i];
		if (b < 0xCC)		/* ASCII, continuation bytes, leads of U+0000..U+02FF */
			continue;
		/* U+1EA0..U+1EF9 is E1 BA A0..E1 BB B9 (the input is valid, so the bytes exist). */
		if (b == 0xE1 && i + 2 < n && ((p[i + 1] == 0xBA && p[i + 2] >= 0xA0) ||
					       (p[i + 1] == 0xBB && p[i + 2] <= 0xB9))) {
			i += 2;
			continue;
		}
		return false;
	}
	return true;
}

static void normalize(struct buf *out, const char *s, size_t n, uninorm_t form)
{
	uint8_t tmp[512];
	size_t len = sizeof tmp;
	uint8_t *r = u8_normalize(form, (const uint8_t *)s, n, tmp, &len);
	if (!r)
		vnl_oom();	/* the input is valid, so this can only be ENOMEM */
	buf_add(out, r, len);
	if (r != tmp)
		free(r);
}

int vn_nfc(struct buf *out, const char *s, size_t n)
{
	if (utf8_validate(s, n, NULL) < 0)
		return -1;
	if (surely_nfc(s, n)) {
		buf_add(out, s, n);
		return 0;
	}
	/* A line break composes with nothing on either side, so a long text (a whole file being
	 * converted) is normalized a line at a time: only the lines that need it pay for it, and a
	 * byte order mark or one "…" does not send a hundred megabytes through the normalizer. */
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t j = nl ? (size_t)(nl - s) + 1 : n;
		if (surely_nfc(s + i, j - i))
			buf_add(out, s + i, j - i);
		else
			normalize(out, s + i, j - i, UNINORM_NFC);
		i = j;
	}
	return 0;
}

int vn_nfd(struct buf *out, const char *s, size_t n)
{
	if (utf8_validate(s, n, NULL) < 0)
		return -1;
	normalize(out, s, n, UNINORM_NFD);
	return 0;
}
