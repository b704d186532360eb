/* Cleaning text that came from outside (files, terminals, the network) before it is stored. */
#ifndef HOIVIEN_SANITIZE_H
#define HOIVIEN_SANITIZE_H

#include <stddef.h>

struct buf;

enum {
	SAN_ONELINE = 1 << 0,	/* line breaks and tabs become spaces */
	SAN_SQUEEZE = 1 << 1,	/* trim, and collapse runs of white space to one space */
};

/* Append s[0..n) (valid UTF-8) to out without: terminal escape sequences (ESC followed by a CSI,
 * OSC, DCS, or a single character; the 8-bit CSI U+009B and its parameters; OSC/DCS strings up
 * to BEL or ST), C0 and C1 control characters and DEL (tab and newline kept unless SAN_ONELINE),
 * bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069), and zero-width and BOM
 * characters (U+200B..U+200D, U+2060, U+FEFF).  Returns the number of characters removed. */
size_t vn_sanitize(struct buf *out, const char *s, size_t n, unsigned flags);

#endif
