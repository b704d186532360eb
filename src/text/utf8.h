/* UTF-8 validation, decoding and encoding. */
#ifndef HOIVIEN_UTF8_H
#define HOIVIEN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 0 if s[0..n) is valid UTF-8 (no overlongs, surrogates or code points above U+10FFFF);
 * otherwise -1 with *bad (bad may be NULL) set to the byte offset of the first byte that is not
 * valid: the start of the first ill-formed or truncated sequence, or a stray continuation byte. */
int utf8_validate(const char *s, size_t n, size_t *bad);
/* Decode one code point at s (n bytes available): returns its length 1..4, or -1 if the bytes
 * there are not a valid sequence (same rules as utf8_validate) or n is 0. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (room for 4, not NUL-terminated); returns the length 1..4.
 * A surrogate or a value above U+10FFFF is written as U+FFFD, so the output is always valid. */
size_t utf8_encode(uint32_t cp, char *out);
/* A piece of a line. */
struct utf8_span {
	const char *s;
	size_t n;
};
/* Split s[0..n) into words separated by spaces and tabs: the first max of them into w; returns
 * how many there are (possibly more than max: a line with too many words). */
size_t utf8_split_words(const char *s, size_t n, struct utf8_span *w, size_t max);
/* s[0..n) for a message, in out (64 bytes): at most about 40 bytes of it, cut on a character
 * boundary with "…" after, so that a line of garbage still gives a readable message. */
const char *utf8_excerpt(const char *s, size_t n, char out[64]);
/* True if every byte is < 0x80. */
bool utf8_is_ascii(const char *s, size_t n);

#endif
