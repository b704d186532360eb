/* Private to src/text: the byte tables of the encodings iconv lacks (VNI, VPS, the Windows-1252
 * punctuation of TCVN3 and VNI files), the VIQR converter, and what vnenc.c and detect.c share. */
#ifndef HOIVIEN_VNENC_PRIV_H
#define HOIVIEN_VNENC_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text/vnenc.h"
#include "text/vnletter.h"

/* Windows-1252 0x80..0x9F; 0 where Windows-1252 defines nothing (81 8D 8F 90 9D).  0xA0..0xFF
 * of Windows-1252 is Latin-1, byte value = code point. */
extern const uint16_t vn_cp1252_c1[32];
/* The byte Windows-1252 writes cp as, or -1. */
int vn_cp1252_byte(uint32_t cp);

/* The row of a vowel in the [12] tables below (a ă â e ê i o ô ơ u ư y), or -1. */
int vn_vowel_row(unsigned char base, unsigned char mod);

/* VPS (as GNU recode has it, plus Ỗ = 0x99): byte -> code point.  0 for a byte below 0x80 means
 * the byte is ASCII; 0 for a byte from 0x80 up means VPS does not define it. */
extern const uint16_t vn_vps_dec[256];
/* The VPS byte of each vowel, [upper][row][tone] (rows as vn_vowel_row, tones as enum
 * vnl_tone), and of đ and Đ. */
extern const unsigned char vn_vps_vowel[2][12][6];
#define VN_VPS_D_LOWER 0xC7
#define VN_VPS_D_UPPER 0xF1

/* VNI-Windows: a vowel is its ASCII letter followed by one mark byte; ơ ư đ and the toned i and
 * ỵ are single bytes.  Capitals write every non-ASCII byte 0x20 lower.  These are the lowercase
 * forms. */
enum vni_class { VNI_NONE, VNI_TONE, VNI_CIRC, VNI_BREVE };
extern const unsigned char vn_vni_tone[6];	/* after a e o u y ơ ư, by tone (none: no byte) */
extern const unsigned char vn_vni_circ[6];	/* â ê ô and their tones */
extern const unsigned char vn_vni_breve[6];	/* ă and its tones */
extern const unsigned char vn_vni_i[6];		/* i and its tones, single bytes ('i' for none) */
#define VNI_O_HORN 0xF4
#define VNI_U_HORN 0xF6
#define VNI_D_STROKE 0xF1
#define VNI_Y_NANG 0xEE
/* A mark byte (either case): its class, tone and case in *cls, *tone, *upper; false if b is not
 * one. */
bool vn_vni_mark(unsigned char b, unsigned char *cls, unsigned char *tone, bool *upper);
/* The letter a single byte stands for (ơ ư đ í ì ỉ ĩ ị ỵ and capitals), or 0. */
uint32_t vn_vni_single(unsigned char b);
/* The letter that base byte b1 and mark byte b2 make together, or 0 if they do not pair. */
uint32_t vn_vni_pair(unsigned char b1, unsigned char b2);

/* ---- decoding, shared by vnenc.c and vnenc_decode.c ---- */

/* A byte the encoding does not define, at offset off: record it; with VN_DEC_LENIENT write
 * U+FFFD instead and go on (true), else stop (false). */
static inline bool vn_bad_byte(struct vn_enc_problem *p, unsigned flags, size_t off,
			       unsigned char b, struct vnl_out *o)
{
	if (p && p->count++ == 0) {
		p->offset = off;
		p->byte = b;
	}
	if (!(flags & VN_DEC_LENIENT))
		return false;
	vnl_out_cp(o, 0xFFFD);
	return true;
}

static inline void vn_out_mem(struct vnl_out *o, const char *s, size_t k)
{
	if (k > sizeof o->b - o->k) {
		vnl_out_flush(o);
		if (k > sizeof o->b) {
			buf_add(o->buf, s, k);
			return;
		}
	}
	memcpy(o->b + o->k, s, k);
	o->k += k;
}

/* The end of the run of bytes below 0x80 that starts at i, eight at a time. */
static inline size_t vn_ascii_run(const unsigned char *u, size_t i, size_t n)
{
	while (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, u + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
		i += 8;
	}
	while (i < n && u[i] < 0x80)
		i++;
	return i;
}

/* The decoders of vnenc_decode.c, as vn_decode. */
int vn_decode_utf8(const char *s, size_t n, struct buf *out, unsigned flags,
		   struct vn_enc_problem *p);
int vn_decode_7bit(bool viqr, const char *s, size_t n, struct buf *out, unsigned flags,
		   struct vn_enc_problem *p);
int vn_decode_vps(const char *s, size_t n, struct buf *out, unsigned flags,
		  struct vn_enc_problem *p);
int vn_decode_vni(const char *s, size_t n, struct buf *out, unsigned flags,
		  struct vn_enc_problem *p);

/* VIQR (viqr.c).  Decoding never fails: every byte is ASCII text or a mark. */
void vn_viqr_decode(const char *s, size_t n, struct buf *out);
/* What an encoder writes for a character its encoding cannot hold (vnenc.c decides, by the
 * caller's flags): a character, VN_REPL_NONE for nothing, or VN_REPL_STOP to fail. */
#define VN_REPL_NONE 0u
#define VN_REPL_STOP UINT32_MAX
typedef uint32_t (*vn_repl_fn)(void *ctx, size_t offset, uint32_t cp);
/* Encode NFC text (valid UTF-8) as VIQR.  A character VIQR cannot hold (anything non-ASCII that
 * is not a Vietnamese letter) goes to repl with its offset in s; false when repl said stop. */
bool vn_viqr_encode(const char *s, size_t n, struct buf *out, vn_repl_fn repl, void *ctx);

/* How ASCII text reads as VIQR, for the detector: words with letters, words in which a mark
 * applied (a '.' or '?' at the end of a word is sentence punctuation as often as a tone and is
 * not counted), and how many of those are valid syllables. */
struct vn_viqr_stats {
	size_t words, marked, valid;
};
void vn_viqr_stats(const char *s, size_t n, struct vn_viqr_stats *st);

#endif
