/* Valid Vietnamese syllables (VIETNAMESE.md §4): used to detect encodings and by the input
 * methods to decide whether a key is a modifier or a letter. */
#ifndef HOIVIEN_SYLLABLE_H
#define HOIVIEN_SYLLABLE_H

#include <stdbool.h>
#include <stddef.h>

/* True if w[0..n) (UTF-8, any case, NFC or NFD, no spaces) is one valid Vietnamese syllable:
 * an onset, a rhyme that exists, a tone on the right vowel (old or new style both accepted) and,
 * after a final c, ch, p or t, only sắc or nặng.  "Nguyễn", "thuở", "quý", "già", "gì",
 * "khuya" are; "Nguyeen", "windows", "ddo" are not. */
bool vn_syllable_valid(const char *w, size_t n);

#endif
