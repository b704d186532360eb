/* Legacy Vietnamese encodings: decoding any of them to UTF-8 (NFC) and encoding UTF-8 back.
 *
 * Old member lists arrive in TCVN3, VNI, VISCII, VPS, Windows-1258, VIQR or decomposed Unicode.
 * Decoding never loses a byte silently: a byte the encoding does not define is an error that
 * names its offset.  Encoding never replaces silently: a character the encoding cannot hold is
 * counted and reported, and only replaced when the caller asks for it.
 *
 * All of these encodings keep a character within one line (no character uses 0x0A or 0x0D,
 * VIQR's marks and VNI/CP1258's mark bytes follow their letter on the same line), so a caller
 * may convert a stream line by line: every chunk given to vn_decode/vn_encode must end at the end
 * of a line or at the end of the text. */
#ifndef HOIVIEN_VNENC_H
#define HOIVIEN_VNENC_H

#include <stddef.h>
#include <stdint.h>

struct buf;

enum vn_enc {
	VN_ENC_UTF8,	/* Unicode UTF-8; decoding accepts NFC, NFD and "Unicode tổ hợp", encoding
			   writes NFC */
	VN_ENC_NFD,	/* Unicode UTF-8 decomposed ("Unicode tổ hợp" as offices say); decodes as
			   VN_ENC_UTF8, encodes to NFD */
	VN_ENC_TCVN3,	/* TCVN3 (ABC, .VnTime fonts): no toned capitals; 0x80..0x9F are the
			   Windows-1252 punctuation the fonts show there, C0 bytes are controls;
			   the rest decodes as VN1 (so VN1's few capitals above 0xA0 read as
			   capitals), but encoding writes no toned capital (see VN_ENC_LOWER) */
	VN_ENC_VN1,	/* TCVN 5712:1993 VN1 (glibc iconv "TCVN5712-1"): capitals in C0 and
			   0x80..0x9F */
	VN_ENC_VNI,	/* VNI-Windows: base letter + mark byte; other bytes are Windows-1252 */
	VN_ENC_VPS,	/* as GNU recode has it (plus Ỗ = 0x99); 91 92 A0 DF E7 EE F6 FC are not
			   defined */
	VN_ENC_VISCII,
	VN_ENC_CP1258,	/* Windows-1258: base letter + tone byte */
	VN_ENC_VIQR,	/* RFC 1456 mnemonics in ASCII: a mark after a vowel it fits always
			   applies ("Ha` No^.i\." escapes its full stop); encoding escapes every
			   literal character that would read otherwise, so any text comes back */
	VN_ENC_ASCII,	/* letters without their marks (đ -> d); lossy by design, encode only
			   (decoding it is plain ASCII) */
	VN_ENC_COUNT
};

/* The canonical name ("utf-8", "nfd", "tcvn3", "vn1", "vni", "vps", "viscii", "cp1258", "viqr",
 * "ascii"). */
const char *vn_enc_name(enum vn_enc e);
/* A short description for people ("TCVN3 (ABC)", "VNI-Windows", ...), not translated. */
const char *vn_enc_label(enum vn_enc e);
/* Parse a name, case- and punctuation-insensitively, with the usual aliases ("utf8", "unicode",
 * "abc", "tcvn", "tcvn5712-1", "vni-windows", "windows-1258", "tohop", ...).  0, or -1. */
int vn_enc_parse(const char *name, enum vn_enc *e);

struct vn_enc_problem {
	uint64_t count;		/* bytes not decodable / characters not encodable */
	size_t offset;		/* the first one's byte offset in the input of this call */
	uint32_t cp;		/* encoding: the first character that could not be written */
	unsigned char byte;	/* decoding: the first byte that is not defined */
};

/* One encoding's converter.  TCVN3, VN1, VISCII and Windows-1258 go through iconv(3) (glibc's
 * TCVN5712-1, VISCII, CP1258 converters, or GNU libiconv's), whose descriptors it holds; VNI,
 * VPS and VIQR through the project's own tables.  Not to be shared between threads. */
struct vn_codec;

/* A converter for e, or NULL with the reason in *err when iconv lacks the charset. */
struct err;
struct vn_codec *vn_codec_new(enum vn_enc e, struct err *err);
void vn_codec_free(struct vn_codec **c);
enum vn_enc vn_codec_enc(const struct vn_codec *c);

/* Append the UTF-8 NFC text of s[0..n) in c's encoding to out.  Returns 0; or -1 when a byte is
 * not defined in the encoding (or, for UTF-8, the input is not valid UTF-8), with *p (may be NULL) saying
 * where; with VN_DEC_LENIENT such a byte is written as U+FFFD instead, counted in *p, and 0 is
 * returned.  Control characters are passed through (sanitizing is the caller's job). */
enum { VN_DEC_LENIENT = 1 << 0 };
int vn_decode(struct vn_codec *c, const char *s, size_t n, struct buf *out, unsigned flags,
	      struct vn_enc_problem *p);

/* Append valid UTF-8 s[0..n) (any normal form) encoded in c's encoding to out.  Returns 0; or -1 when a
 * character cannot be written in the encoding (out then holds the text up to it), with *p saying which and
 * where.  Flags choose what to write instead and count it in *p (returning 0):
 *   VN_ENC_SUBST    '?' for the character;
 *   VN_ENC_NOMARKS  the letter without the marks the encoding lacks (TCVN3's toned capital
 *                   becomes its lowercase byte when VN_ENC_LOWER is also set), else '?'.
 *   VN_ENC_LOWER    TCVN3 only: a toned capital as its lowercase letter, as the old fonts did. */
enum { VN_ENC_SUBST = 1 << 0, VN_ENC_NOMARKS = 1 << 1, VN_ENC_LOWER = 1 << 2 };
int vn_encode(struct vn_codec *c, const char *s, size_t n, struct buf *out, unsigned flags,
	      struct vn_enc_problem *p);

/* TCVN3 text typed in a capitals font reads back as "NGUYễN": uppercase every word of s that
 * has ASCII letters, all of them capitals, and a lowercase Vietnamese letter ("ở" alone stays
 * as it is: nothing shows it was typed in capitals).  Returns the number of words changed. */
size_t vn_fix_caps(struct buf *out, const char *s, size_t n);

#endif
