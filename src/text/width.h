/* Display width of text in terminal columns. */
#ifndef HOIVIEN_WIDTH_H
#define HOIVIEN_WIDTH_H

#include <stddef.h>

/* Columns the valid UTF-8 s[0..n) takes on a terminal: combining marks 0, East Asian wide 2,
 * controls 0, everything else 1 (a byte that is not valid UTF-8 counts as 1).  NFD text
 * measures the same as its NFC form. */
int vn_width(const char *s, size_t n);
/* The number of bytes of s (a prefix ending on a character boundary, never splitting a base
 * letter from its combining marks) that fits in cols columns: the longest such prefix.  A wide
 * character that would only half fit is left out. */
size_t vn_fit(const char *s, size_t n, int cols);

#endif
