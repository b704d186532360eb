/* Removing terminal escapes, control and invisible characters from text that came from outside.
 *
 * Escape sequences are parsed the way a terminal would (ECMA-48: CSI parameters, intermediates
 * and a final byte; OSC/DCS/SOS/PM/APC strings up to ST) so that none of their bytes survives
 * to be shown as text, or, worse, to reach a terminal when the text is printed. */
#include "text/sanitize.h"

#include "text/utf8.h"
#include "text/vnletter.h"
#include "util/buf.h"

#include <stdbool.h>

enum {
	ESC = 0x1B,
	BEL = 0x07,
	CAN = 0x18,	/* CAN and SUB abort a sequence in a terminal, so they end one here too */
	SUB = 0x1A,
	C1_DCS = 0x90,
	C1_SOS = 0x98,
	C1_CSI = 0x9B,
	C1_ST = 0x9C,
	C1_OSC = 0x9D,
	C1_PM = 0x9E,
	C1_APC = 0x9F,
};

/* Characters in s[a..b): code points, counting a byte that is not valid UTF-8 as one. */
static size_t count_chars(const char *s, size_t a, size_t b)
{
	size_t k = 0;
	uint32_t cp;

	for (size_t i = a; i < b; k++) {
		int len = utf8_decode(s + i, b - i, &cp);
		i += len > 0 ? (size_t)len : 1;
	}
	return k;
}

/* The C1 control at s[i], whether encoded as UTF-8 (C2 80..C2 9F) or as a bare byte; *len is
 * its length.  -1 if there is none. */
static int c1_at(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char b = (unsigned char)s[i];

	if (b == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F) {
		*len = 2;
		return (unsigned char)s[i + 1];
	}
	if (b >= 0x80 && b <= 0x9F) {
		*len = 1;
		return b;
	}
	return -1;
}

/* After a CSI introducer at i: parameter bytes, intermediate bytes, one final byte.  A byte
 * that fits none of these ends a malformed sequence and is left to be read as text. */
static size_t skip_csi(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] >= 0x30 && s[i] <= 0x3F)
		i++;
	while (i < n && s[i] >= 0x20 && s[i] <= 0x2F)
		i++;
	if (i < n && s[i] >= 0x40 && s[i] <= 0x7E)
		i++;
	return i;
}

/* After an OSC/DCS/SOS/PM/APC introducer at i: the string up to and including its terminator
 * (ST as ESC \ or U+009C; BEL too for OSC).  An ESC that is not ST ends the string and starts
 * a new sequence, as in a terminal; an unterminated string runs to the end of the input. */
static size_t skip_string(const char *s, size_t n, size_t i, bool bel_ends)
{
	size_t len;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		if (b == ESC)
			return i + 1 < n && s[i + 1] == '\\' ? i + 2 : i;
		if ((b == BEL && bel_ends) || b == CAN || b == SUB)
			return i + 1;
		if (c1_at(s, n, i, &len) == C1_ST)
			return i + len;
		i++;
	}
	return n;
}

/* The end of the escape sequence starting with ESC at i. */
static size_t skip_esc(const char *s, size_t n, size_t i)
{
	size_t j = i + 1;

	if (j >= n)
		return j;
	switch (s[j]) {
	case '[':
		return skip_csi(s, n, j + 1);
	case ']':
		return skip_string(s, n, j + 1, true);
	case 'P': case 'X': case '^': case '_':
		return skip_string(s, n, j + 1, false);
	}
	/* nF (ESC ( B and the like) and Fp/Fe/Fs (ESC 7, ESC c, ESC M): intermediates, final. */
	while (j < n && s[j] >= 0x20 && s[j] <= 0x2F)
		j++;
	if (j < n && s[j] >= 0x30 && s[j] <= 0x7E)
		j++;
	return j;
}

/* Invisible characters that change how text displays or compares without showing: bidi
 * embeddings, overrides, isolates and marks; zero-width space, joiners, word joiner and the
 * invisible operators; BOM; soft hyphen; interlinear annotation; tag characters. */
static bool invisible(uint32_t cp)
{
	if (cp < 0x2000)
		return cp == 0xAD || cp == 0x61C || cp == 0x180E;
	if (cp <= 0x206F)
		return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
		       (cp >= 0x2060 && cp <= 0x2064) || cp >= 0x2066;
	return cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

struct san {
	struct buf *out;
	unsigned flags;
	bool started;		/* something was written: leading white space is trimmed */
	char pending;		/* SAN_SQUEEZE: 0, or the ' ' or '\n' a run of white space becomes */
};

static void put_space(struct san *st, char c)
{
	if (!(st->flags & SAN_SQUEEZE)) {
		buf_addc(st->out, c);
		return;
	}
	/* A run with a line break in it keeps one (unless SAN_ONELINE made it a space). */
	if (c == '\n')
		st->pending = '\n';
	else if (!st->pending)
		st->pending = ' ';
}

static void put_text(struct san *st, const char *p, size_t len)
{
	if (st->pending && st->started)
		buf_addc(st->out, st->pending);
	st->pending = 0;
	st->started = true;
	buf_add(st->out, p, len);
}

size_t vn_sanitize(struct buf *out, const char *s, size_t n, unsigned flags)
{
	struct san st = { .out = out, .flags = flags, .started = false, .pending = 0 };
	size_t removed = 0, i = 0, run = 0;
	char nl = flags & SAN_ONELINE ? ' ' : '\n';

	/* Runs of plain ASCII text are copied in one go; everything else is looked at one
	 * character at a time. */
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x21 && b < 0x7F) {
			run++;
			i++;
			continue;
		}
		if (run) {
			put_text(&st, s + i - run, run);
			run = 0;
		}

		size_t len, end;
		int c1 = c1_at(s, n, i, &len);
		if (b == ESC || c1 >= 0) {
			switch (c1) {
			case -1: end = skip_esc(s, n, i); break;
			case C1_CSI: end = skip_csi(s, n, i + len); break;
			case C1_OSC: end = skip_string(s, n, i + len, true); break;
			case C1_DCS: case C1_SOS: case C1_PM: case C1_APC:
				end = skip_string(s, n, i + len, false); break;
			default: end = i + len; break;
			}
			removed += count_chars(s, i, end);
			i = end;
			continue;
		}

		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k < 0) {
			removed++;
			i++;
			continue;
		}
		i += (size_t)k;
		if (cp == '\r') {
			/* CR LF is one line break; a lone CR (old Macs) is one too. */
			if (i < n && s[i] == '\n')
				continue;
			cp = '\n';
		}
		if (cp == '\n' || cp == 0x2028 || cp == 0x2029)
			put_space(&st, nl);
		else if (cp == '\t')
			put_space(&st, flags & SAN_ONELINE ? ' ' : '\t');
		else if (cp < 0x20 || cp == 0x7F || invisible(cp))
			removed++;
		else if ((flags & SAN_SQUEEZE) && vnl_is_space(cp))
			put_space(&st, ' ');
		else
			put_text(&st, s + i - k, (size_t)k);
	}
	if (run)
		put_text(&st, s + i - run, run);
	return removed;
}

bool vn_is_clean(const char *s, size_t n)
{
	if (n == 0)
		return true;
	if (s[0] == ' ' || s[n - 1] == ' ')
		return false;
	const char *p = s, *end = s + n;
	bool space = false;
	while (p < end) {
		unsigned char b = (unsigned char)*p;
		if (b < 0x80) {
			if (b < 0x20 || b == 0x7F || (b == ' ' && space))
				return false;
			space = b == ' ';
			p++;
			continue;
		}
		/* Precomposed Vietnamese letters are NFC and never compose with what follows. */
		uint32_t cp;
		int k = utf8_decode(p, (size_t)(end - p), &cp);
		struct vnl_letter l;
		if (k < 0 || !vnl_split(cp, &l))
			return false;
		space = false;
		p += k;
	}
	return true;
}
