/* Search folding (no marks, no case) and NFC-preserving upper/lower case for Vietnamese text. */
#include "text/fold.h"

#include "text/utf8.h"
#include "text/vnletter.h"
#include "util/buf.h"

#include <errno.h>
#include <stdlib.h>
#include <unicase.h>
#include <uninorm.h>

static void fold_ascii(struct buf *out, const char *s, size_t n)
{
	buf_reserve(out, n);
	char *o = out->p + out->len;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		o[i] = c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
	}
	out->len += n;
	out->p[out->len] = '\0';
}

void vn_fold(struct buf *out, const char *s, size_t n)
{
	if (utf8_is_ascii(s, n)) {
		fold_ascii(out, s, n);
		return;
	}
	struct vnl_out ch;
	vnl_out_init(&ch, out);
	struct vnl_reader r;
	struct vnl_char c;
	vnl_reader_init(&r, s, n);
	while (vnl_next(&r, &c))
		if (c.cp != VNL_NO_BASE)
			vnl_out_cp(&ch, c.cp);
	vnl_out_flush(&ch);
}

bool vn_has_marks(const char *s, size_t n)
{
	if (utf8_is_ascii(s, n))
		return false;
	struct vnl_reader r;
	struct vnl_char c;
	vnl_reader_init(&r, s, n);
	while (vnl_next(&r, &c))
		if (c.marked)
			return true;
	return false;
}

/* Case-map text made only of ASCII and precomposed Vietnamese letters (already NFC, and every
 * such letter's other case is one too) through the tables; false, with nothing appended, if
 * something else turns up. */
static bool case_table(struct buf *out, const char *s, size_t n, bool upper)
{
	struct vnl_out ch;
	vnl_out_init(&ch, out);
	size_t start = out->len;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);
		struct vnl_letter l;
		if (len < 0)
			goto other;
		if (vnl_split(cp, &l)) {
			l.upper = upper;
			cp = vnl_join(&l);
		} else if (cp >= 0x80) {
			goto other;
		}
		vnl_out_cp(&ch, cp);
		i += (size_t)len;
	}
	vnl_out_flush(&ch);
	return true;
other:
	out->len = start;
	if (out->p)
		out->p[start] = '\0';
	return false;
}

static void case_full(struct buf *out, const char *s, size_t n, bool upper)
{
	uint8_t tmp[512];
	size_t len = sizeof tmp;
	uint8_t *r;

	/* Language NULL: the same text maps the same way whatever the user's locale. */
	if (upper)
		r = u8_toupper((const uint8_t *)s, n, NULL, UNINORM_NFC, tmp, &len);
	else
		r = u8_tolower((const uint8_t *)s, n, NULL, UNINORM_NFC, tmp, &len);
	if (!r) {
		/* Invalid input, which the caller promised not to give us, or out of memory. */
		if (errno == ENOMEM)
			vnl_oom();
		buf_add(out, s, n);
		return;
	}
	buf_add(out, r, len);
	if (r != tmp)
		free(r);
}

void vn_lower(struct buf *out, const char *s, size_t n)
{
	if (!case_table(out, s, n, false))
		case_full(out, s, n, false);
}

void vn_upper(struct buf *out, const char *s, size_t n)
{
	if (!case_table(out, s, n, true))
		case_full(out, s, n, true);
}
