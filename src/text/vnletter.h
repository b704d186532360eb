/* Private to src/text: Vietnamese letters as base letter + modifier + tone, and a reader that turns
 * any UTF-8 (NFC, NFD, "Unicode tổ hợp", or a mix) into folded characters carrying those parts.
 *
 * fold, collate and name all read text through vnl_next, so they agree on what a letter, a tone
 * and a word boundary are; the input-method engine uses vnl_split/vnl_join to add and remove
 * marks.  ASCII and the 134 Vietnamese letters go through static tables; only other characters
 * reach libunistring (canonical decomposition, simple lowercase, general category). */
#ifndef HOIVIEN_VNLETTER_H
#define HOIVIEN_VNLETTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/utf8.h"
#include "util/buf.h"

enum vnl_mod { VNL_MOD_NONE, VNL_MOD_BREVE, VNL_MOD_CIRC, VNL_MOD_HORN, VNL_MOD_STROKE };
/* Numbered in collation order: none < huyền < hỏi < ngã < sắc < nặng. */
enum vnl_tone { VNL_TONE_NONE, VNL_TONE_HUYEN, VNL_TONE_HOI, VNL_TONE_NGA, VNL_TONE_SAC, VNL_TONE_NANG };

struct vnl_letter {
	unsigned char base;	/* lowercase ASCII letter ('d' for đ) */
	unsigned char mod;	/* enum vnl_mod: ă â (a), ê (e), ô ơ (o), ư (u), đ (d) */
	unsigned char tone;	/* enum vnl_tone */
	unsigned char upper;	/* 1 for a capital */
};

/* If cp is an ASCII letter or one of the 134 precomposed Vietnamese letters, fill *l and return
 * true; otherwise return false. */
bool vnl_split(uint32_t cp, struct vnl_letter *l);
/* The precomposed (NFC) code point for l, or 0 if Vietnamese has no such letter (a tone on a
 * consonant, a circumflex on u, ...). */
uint32_t vnl_join(const struct vnl_letter *l);
/* True if the modifier can sit on the lowercase base letter in Vietnamese (â, not û). */
bool vnl_mod_fits(unsigned char base, unsigned char mod);
/* White space that separates words: ASCII \t \n \v \f \r and space, U+0085, and the Unicode
 * spaces (U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000). */
static inline bool vnl_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	if (cp < 0x1680)
		return cp == 0x85 || cp == 0xA0;
	return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* A character as the fold sees it: one base character with the combining marks that follow it. */
struct vnl_char {
	uint32_t cp;		/* the fold: lowercase, marks removed, đ -> 'd'; VNL_NO_BASE for
				 * marks that follow no base (start of text) */
	unsigned char mod;	/* enum vnl_mod, only where vnl_mod_fits */
	unsigned char tone;	/* enum vnl_tone: its tone mark (the highest, should it have two) */
	bool upper;		/* the base was a capital letter */
	bool marked;		/* the fold dropped something: a combining mark, or đ's stroke */
};

/* Not a code point: what vnl_char.cp holds for marks with nothing before them. */
#define VNL_NO_BASE 0x110000u

#define VNL_PEND 32

struct vnl_reader {
	const unsigned char *s, *end;
	uint32_t pend[VNL_PEND];	/* read before s: decompositions and a pushed-back code
					 * point; the last one is next */
	int npend;
};

void vnl_reader_init(struct vnl_reader *r, const char *s, size_t n);
/* Read the next character into *c; false at the end.  Marks are dropped and recorded as
 * mod/tone; characters outside Vietnamese are canonically decomposed and lowercased.  A byte
 * that is not valid UTF-8 reads as U+FFFD. */
bool vnl_next(struct vnl_reader *r, struct vnl_char *c);

/* Output through a stack chunk, so that a character costs a store rather than a buf_add call. */
struct vnl_out {
	struct buf *buf;
	size_t k;
	char b[256];
};

/* Not an initializer: that would zero the 256 bytes on every call. */
static inline void vnl_out_init(struct vnl_out *o, struct buf *buf)
{
	o->buf = buf;
	o->k = 0;
}

static inline void vnl_out_flush(struct vnl_out *o)
{
	buf_add(o->buf, o->b, o->k);
	o->k = 0;
}

static inline void vnl_out_byte(struct vnl_out *o, unsigned char c)
{
	if (o->k == sizeof o->b)
		vnl_out_flush(o);
	o->b[o->k++] = (char)c;
}

static inline void vnl_out_cp(struct vnl_out *o, uint32_t cp)
{
	if (o->k > sizeof o->b - 4)
		vnl_out_flush(o);
	if (cp < 0x80)
		o->b[o->k++] = (char)cp;
	else
		o->k += utf8_encode(cp, o->b + o->k);
}

/* Out of memory inside libunistring: report and abort, as xmalloc does. */
_Noreturn void vnl_oom(void);

#endif
