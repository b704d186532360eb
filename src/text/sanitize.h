/* Cleaning text that came from outside (files, terminals, the network) before it is stored. */
#ifndef HOIVIEN_SANITIZE_H
#define HOIVIEN_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

enum {
	SAN_ONELINE = 1 << 0,	/* line breaks and tabs become spaces */
	SAN_SQUEEZE = 1 << 1,	/* trim, and collapse runs of white space to one space (a run
				 * holding a line break becomes one "\n" unless SAN_ONELINE) */
};

/* Append s[0..n) (valid UTF-8) to out without: terminal escape sequences (ESC followed by a CSI,
 * OSC, DCS, SOS, PM, APC, or a single character; the 8-bit CSI U+009B and its parameters; the
 * 8-bit string introducers; OSC strings up to BEL or ST, the others up to ST, unterminated ones
 * to the end), C0 and C1 control characters and DEL (tab and newline kept unless SAN_ONELINE;
 * CR LF and a lone CR count as a newline), bidirectional controls (U+202A..U+202E,
 * U+2066..U+2069, and the marks U+200E, U+200F, U+061C), and zero-width and invisible
 * characters (U+200B..U+200D, U+2060..U+2064, U+FEFF, soft hyphen U+00AD, U+180E,
 * U+FFF9..U+FFFB, tags U+E0000..U+E007F).  Bytes that are not valid UTF-8 are dropped too.
 * Returns the number of characters removed by these rules (every character of an escape
 * sequence counts); white space changed or squeezed is not counted, so 0 means nothing
 * hostile or invisible was there. */
size_t vn_sanitize(struct buf *out, const char *s, size_t n, unsigned flags);

/* True when s[0..n) needs no cleaning: valid UTF-8 and NFC, and vn_sanitize with
 * SAN_ONELINE | SAN_SQUEEZE would return it unchanged.  A quick check for the common case (ASCII
 * and the precomposed Vietnamese letters); it may say false for text that is in fact clean. */
bool vn_is_clean(const char *s, size_t n);

#endif
