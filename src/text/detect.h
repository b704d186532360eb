/* Guessing the encoding of a file by how much of it reads as Vietnamese (VIETNAMESE.md §2). */
#ifndef HOIVIEN_DETECT_H
#define HOIVIEN_DETECT_H

#include <stddef.h>

#include "text/vnenc.h"

struct vn_guess {
	enum vn_enc enc;
	double score;		/* share of the words with non-ASCII letters (or VIQR marks) that
				   decode to valid Vietnamese syllables, 0..1; a control, U+FFFD or
				   symbol that the decoding puts inside a word counts as one more
				   word that is not */
	double confidence;	/* 0..1: how sure the guess is: the score (full from 0.9 up), and
				   how many words tell it from the next encoding that reads the
				   text differently (1 - 0.4^words: three make 0.94); 1 for valid
				   UTF-8 with non-ASCII text.  An encoding that reads the sample
				   exactly as the best does (TCVN3 and VN1 without capitals or
				   punctuation) gets the same confidence, after it */
	size_t words;		/* words that decided it */
};

/* Guess the encoding of s[0..n): the candidates, best first, in g[0..max) (max may be 1);
 * returns how many were filled.  Text that is pure ASCII without VIQR marks is VN_ENC_UTF8 with
 * confidence 1 and 0 words.  Valid UTF-8 holding multibyte characters is VN_ENC_UTF8 (NFD text
 * too: decoding normalizes it).  A caller passes a sample (the first megabyte) or the whole
 * text; the result does not depend on where a line is cut (a character cut at the end is no
 * error, and a text over 4 KB not ending in a newline is read up to its last one).  Over 1 MB
 * the text is sampled: 16 slices of 64 KB spread over it, cut at line ends; only the check
 * that it is UTF-8 reads all of it. */
size_t vn_detect(const char *s, size_t n, struct vn_guess *g, size_t max);

#endif
