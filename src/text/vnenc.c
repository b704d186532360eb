/* Legacy Vietnamese encodings: names, codecs, and encoding UTF-8 into any of them.
 *
 * iconv(3) converts TCVN3, VN1, VISCII and Windows-1258; VNI, VPS and VIQR have the project's
 * own tables (vnenc_tables.c) and rules (viqr.c), decoded in vnenc_decode.c.
 *
 * TCVN3 and VN1 share glibc's TCVN5712-1 converter.  They differ where VN1 keeps its toned
 * capitals and TCVN3 fonts have none: C0 (controls in TCVN3, passed through) and 0x80..0x9F
 * (Windows-1252 punctuation in TCVN3, since the .VnTime fonts are Windows fonts).  TCVN3 bytes
 * in those ranges never reach iconv; the rest of a TCVN3 file goes through it as VN1 would.
 *
 * Windows-1258 needs no help: glibc's converter writes a base letter and a tone byte where the
 * code page has no precomposed letter (ả as a + D2, ấ as â + EC), so all 134 letters go out, and
 * decoding composes them again.  test_vnenc checks every byte against the design table.
 *
 * Encoding normalizes to NFC first (glibc's VISCII converter refuses combining marks, and one
 * character per code point keeps the tables simple), and maps the offset of a character it
 * cannot write back to the caller's text. */
#include "text/vnenc.h"

#include "text/norm.h"
#include "text/utf8.h"
#include "text/vnenc_priv.h"
#include "text/vnletter.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>

#define NO_ICONV ((iconv_t)-1)

struct vn_codec {
	enum vn_enc enc;
	iconv_t dec;	/* the charset to UTF-8; NO_ICONV for the encodings iconv lacks */
	iconv_t encd;	/* UTF-8 to the charset */
};

static const struct enc_info {
	const char *name, *label;
	const char *iconv;	/* glibc's name, or NULL: our own tables */
	const char *aliases;	/* as vn_enc_parse reduces them: lowercase letters and digits */
} encs[VN_ENC_COUNT] = {
	[VN_ENC_UTF8] = { "utf-8", "Unicode (UTF-8)", NULL,
			  "utf8 unicode nfc dungsan unicodedungsan utf8nfc" },
	[VN_ENC_NFD] = { "nfd", "Unicode tổ hợp (UTF-8 NFD)", NULL,
			 "nfd tohop unicodetohop utf8nfd decomposed" },
	[VN_ENC_TCVN3] = { "tcvn3", "TCVN3 (ABC)", "TCVN5712-1", "tcvn3 tcvn abc vn3 vntime tcvnabc" },
	[VN_ENC_VN1] = { "vn1", "TCVN 5712:1993 VN1", "TCVN5712-1",
			 "vn1 tcvn57121 tcvn5712 tcvn57121993 tcvn571211993" },
	[VN_ENC_VNI] = { "vni", "VNI-Windows", NULL, "vni vniwindows vniwin" },
	[VN_ENC_VPS] = { "vps", "VPS", NULL, "vps" },
	[VN_ENC_VISCII] = { "viscii", "VISCII", "VISCII", "viscii viscii11" },
	[VN_ENC_CP1258] = { "cp1258", "Windows-1258", "CP1258",
			    "cp1258 windows1258 win1258 1258 ms1258 vncp1258" },
	[VN_ENC_VIQR] = { "viqr", "VIQR", NULL, "viqr rfc1456 vietnet" },
	[VN_ENC_ASCII] = { "ascii", "ASCII (không dấu)", NULL, "ascii usascii khongdau nomarks" },
};

const char *vn_enc_name(enum vn_enc e)
{
	return (unsigned)e < VN_ENC_COUNT ? encs[e].name : "?";
}

const char *vn_enc_label(enum vn_enc e)
{
	return (unsigned)e < VN_ENC_COUNT ? encs[e].label : "?";
}

int vn_enc_parse(const char *name, enum vn_enc *e)
{
	char key[32];
	size_t k = 0;

	for (const char *p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		if ((c < 'a' || c > 'z') && (c < '0' || c > '9'))
			continue;
		if (k + 1 >= sizeof key)
			return -1;
		key[k++] = (char)c;
	}
	if (k == 0)
		return -1;
	for (int i = 0; i < VN_ENC_COUNT; i++) {
		for (const char *a = encs[i].aliases; *a;) {
			size_t len = strcspn(a, " ");
			if (len == k && memcmp(a, key, k) == 0) {
				*e = (enum vn_enc)i;
				return 0;
			}
			a += len;
			a += *a == ' ';
		}
	}
	return -1;
}

void vn_codec_free(struct vn_codec **c)
{
	if (!*c)
		return;
	if ((*c)->dec != NO_ICONV)
		iconv_close((*c)->dec);
	if ((*c)->encd != NO_ICONV)
		iconv_close((*c)->encd);
	free(*c);
	*c = NULL;
}

struct vn_codec *vn_codec_new(enum vn_enc e, struct err *err)
{
	if ((unsigned)e >= VN_ENC_COUNT) {
		err_set(err, ERR_INVAL, _("cannot open %s: %s"), "?", strerror(EINVAL));
		return NULL;
	}
	struct vn_codec *c = xcalloc(1, sizeof *c);
	c->enc = e;
	c->dec = c->encd = NO_ICONV;
	if (encs[e].iconv) {
		c->dec = iconv_open("UTF-8", encs[e].iconv);
		if (c->dec != NO_ICONV)
			c->encd = iconv_open(encs[e].iconv, "UTF-8");
		if (c->encd == NO_ICONV) {
			/* The system's iconv lacks the charset (glibc without its gconv modules). */
			int en = errno;
			char what[64];
			snprintf(what, sizeof what, "iconv %s", encs[e].iconv);
			err_set(err, ERR_INVAL, _("cannot open %s: %s"), what, strerror(en));
			vn_codec_free(&c);
		}
	}
	return c;
}

enum vn_enc vn_codec_enc(const struct vn_codec *c)
{
	return c->enc;
}

/* ---- decoding ---- */

/* The bytes TCVN3 does not give to iconv: VN1's capitals in C0 (01 02 04 05 06 11..17) and
 * 0x80..0x9F. */
static bool tcvn3_own(unsigned char b)
{
	return b < 0x20 ? (UINT32_C(0x00FE0076) >> b) & 1 : b >= 0x80 && b < 0xA0;
}

/* s[from..to) through the decoder, straight into out. */
static int iconv_dec_run(iconv_t cd, const char *s, size_t from, size_t to, struct buf *out,
			 unsigned flags, struct vn_enc_problem *p)
{
	char *in = (char *)s + from;
	size_t inleft = to - from;
	int ret = 0;

	for (;;) {
		/* 3 bytes of UTF-8 at most for one byte of input; a chunk at a time. */
		buf_reserve(out, (inleft < 65536 ? inleft : 65536) * 3 + 16);
		char *op = out->p + out->len;
		size_t oleft = out->cap - out->len - 1;
		/* Once the input is used up, a call without input flushes the letter glibc holds
		 * back in case a tone byte follows. */
		size_t r = in ? iconv(cd, &in, &inleft, &op, &oleft) : iconv(cd, NULL, NULL, &op, &oleft);
		int en = errno;
		out->len = (size_t)(op - out->p);
		if (r != (size_t)-1) {
			if (!in)
				break;
			in = NULL;
			continue;
		}
		if (en == E2BIG)
			continue;
		/* EILSEQ: a byte the charset does not define (EINVAL needs a multibyte charset).
		 * What glibc holds back goes first. */
		size_t off = (size_t)(in - s);
		op = out->p + out->len;
		iconv(cd, NULL, NULL, &op, &oleft);
		out->len = (size_t)(op - out->p);
		struct vnl_out o;
		vnl_out_init(&o, out);
		if (!vn_bad_byte(p, flags, off, (unsigned char)*in, &o)) {
			ret = -1;
			break;
		}
		vnl_out_flush(&o);
		in++;
		inleft--;
	}
	out->p[out->len] = '\0';
	return ret;
}

/* glibc composes a base and a following tone byte where Unicode has the letter; anything else
 * with a combining mark gets the NFC that vn_nfc gives it. */
static void nfc_tail(struct buf *out, size_t start)
{
	size_t k = out->len - start;

	if (k == 0 || (!memchr(out->p + start, 0xCC, k) && !memchr(out->p + start, 0xCD, k)))
		return;
	char *tmp = xmalloc(k);
	memcpy(tmp, out->p + start, k);
	out->len = start;
	out->p[start] = '\0';
	vn_nfc(out, tmp, k);
	free(tmp);
}

static int decode_iconv(struct vn_codec *c, const char *s, size_t n, struct buf *out,
			unsigned flags, struct vn_enc_problem *p)
{
	const unsigned char *u = (const unsigned char *)s;
	bool tcvn3 = c->enc == VN_ENC_TCVN3;
	size_t start = out->len, i = 0;
	int ret = 0;

	/* ASCII reads as itself in these two (VN1 and VISCII have letters in C0). */
	if ((tcvn3 || c->enc == VN_ENC_CP1258) && utf8_is_ascii(s, n)) {
		buf_add(out, s, n);
		return 0;
	}
	iconv(c->dec, NULL, NULL, NULL, NULL);
	while (i < n) {
		size_t j = i;
		if (tcvn3)
			while (j < n && !tcvn3_own(u[j]))
				j++;
		else
			j = n;
		if (j > i && (ret = iconv_dec_run(c->dec, s, i, j, out, flags, p)) < 0)
			break;
		if (j == n)
			break;
		uint32_t cp = u[j] < 0x80 ? u[j] : vn_cp1252_c1[u[j] - 0x80];
		struct vnl_out o;
		vnl_out_init(&o, out);
		if (cp)
			vnl_out_cp(&o, cp);
		else if (!vn_bad_byte(p, flags, j, u[j], &o))
			ret = -1;
		vnl_out_flush(&o);
		if (ret < 0)
			break;
		i = j + 1;
	}
	nfc_tail(out, start);
	return ret;
}

int vn_decode(struct vn_codec *c, const char *s, size_t n, struct buf *out, unsigned flags,
	      struct vn_enc_problem *p)
{
	if (p)
		memset(p, 0, sizeof *p);
	buf_add(out, "", 0);	/* out->p is a string even when nothing is added */
	switch (c->enc) {
	case VN_ENC_UTF8:
	case VN_ENC_NFD:
		return vn_decode_utf8(s, n, out, flags, p);
	case VN_ENC_ASCII:
		return vn_decode_7bit(false, s, n, out, flags, p);
	case VN_ENC_VIQR:
		return vn_decode_7bit(true, s, n, out, flags, p);
	case VN_ENC_VNI:
		return vn_decode_vni(s, n, out, flags, p);
	case VN_ENC_VPS:
		return vn_decode_vps(s, n, out, flags, p);
	default:
		return decode_iconv(c, s, n, out, flags, p);
	}
}

/* ---- encoding ---- */

struct enc_ctx {
	struct vn_codec *c;
	unsigned flags;
	struct vn_enc_problem *p;
	const char *orig;	/* the caller's text */
	size_t orig_n;
	const char *t;		/* its NFC: orig itself when that is NFC already */
	size_t tn;
	unsigned char last;	/* VNI: the byte written last, which a mark byte would join */
};

/* Where the character at nfc_off of the NFC of s[0..n) starts in s: NFC works on a base
 * character and the combining marks after it, so count those clusters. */
static size_t orig_offset(const char *s, size_t n, size_t nfc_off)
{
	size_t i = 0, acc = 0;

	while (i < n) {
		uint32_t cp;
		size_t j = i + (size_t)utf8_decode(s + i, n - i, &cp);
		while (j < n) {
			int len = utf8_decode(s + j, n - j, &cp);
			if (uc_combining_class(cp) == 0)
				break;
			j += (size_t)len;
		}
		uint8_t tmp[64];
		size_t tl = sizeof tmp;
		uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s + i, j - i, tmp, &tl);
		if (!r)
			vnl_oom();
		if (r != tmp)
			free(r);
		if (acc + tl > nfc_off)
			return i;
		acc += tl;
		i = j;
	}
	return n;
}

/* A capital TCVN3 has no byte for: one with a tone. */
static bool tcvn3_capital(uint32_t cp, struct vnl_letter *l)
{
	return cp >= 0x80 && vnl_split(cp, l) && l->upper && l->tone != VNL_TONE_NONE;
}

/* The character without its marks: the base letter for a Vietnamese one, the starter of its
 * canonical decomposition for others, nothing for a lone mark. */
static uint32_t strip_marks(uint32_t cp)
{
	struct vnl_letter l;
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];

	if (vnl_split(cp, &l)) {
		l.mod = VNL_MOD_NONE;
		l.tone = VNL_TONE_NONE;
		return vnl_join(&l);
	}
	while (uc_canonical_decomposition(cp, d) > 0)
		cp = d[0];
	return uc_combining_class(cp) != 0 ? VN_REPL_NONE : cp;
}

/* A character the encoding cannot hold, at offset off of the NFC text: count it, and say what
 * to write by the caller's flags. */
static uint32_t repl(void *ctx, size_t off, uint32_t cp)
{
	struct enc_ctx *x = ctx;
	struct vnl_letter l;

	if (x->p && x->p->count++ == 0) {
		x->p->offset = x->t == x->orig ? off : orig_offset(x->orig, x->orig_n, off);
		x->p->cp = cp;
	}
	bool capital = x->c->enc == VN_ENC_TCVN3 && tcvn3_capital(cp, &l);
	if (capital && (x->flags & VN_ENC_LOWER)) {
		l.upper = 0;
		return vnl_join(&l);
	}
	if (x->flags & VN_ENC_NOMARKS) {
		if (capital) {
			l.tone = VNL_TONE_NONE;	/* Ă Â Ê Ô Ơ Ư have capitals in TCVN3 */
			return vnl_join(&l);
		}
		uint32_t b = strip_marks(cp);
		return b == cp ? '?' : b;
	}
	if (x->flags & VN_ENC_SUBST)
		return '?';
	return VN_REPL_STOP;
}

typedef bool (*put_fn)(struct enc_ctx *x, struct vnl_out *o, uint32_t cp);

/* One character at a time through put, for the encodings with our own tables. */
static int encode_chars(struct enc_ctx *x, struct buf *out, put_fn put)
{
	const unsigned char *t = (const unsigned char *)x->t;
	struct vnl_out o;
	size_t i = 0;

	vnl_out_init(&o, out);
	while (i < x->tn) {
		uint32_t cp = t[i];
		int len = 1;
		if (cp >= 0x80)
			len = utf8_decode(x->t + i, x->tn - i, &cp);
		if (!put(x, &o, cp)) {
			uint32_t r = repl(x, i, cp);
			if (r == VN_REPL_STOP) {
				vnl_out_flush(&o);
				return -1;
			}
			if (r != VN_REPL_NONE && !put(x, &o, r))
				put(x, &o, '?');
		}
		i += (size_t)len;
	}
	vnl_out_flush(&o);
	return 0;
}

static bool put_ascii(struct enc_ctx *x, struct vnl_out *o, uint32_t cp)
{
	(void)x;
	if (cp >= 0x80) {
		/* Marks are what ASCII drops by design: only what has no letter left is a problem. */
		cp = strip_marks(cp);
		if (cp == VN_REPL_NONE)
			return true;
		if (cp >= 0x80)
			return false;
	}
	vnl_out_byte(o, (unsigned char)cp);
	return true;
}

static bool put_vps(struct enc_ctx *x, struct vnl_out *o, uint32_t cp)
{
	struct vnl_letter l;

	(void)x;
	if (cp < 0x80) {
		if (vn_vps_dec[cp])
			return false;	/* a control VPS gave to a capital */
		vnl_out_byte(o, (unsigned char)cp);
		return true;
	}
	if (!vnl_split(cp, &l))
		return false;
	if (l.mod == VNL_MOD_STROKE)
		vnl_out_byte(o, l.upper ? VN_VPS_D_UPPER : VN_VPS_D_LOWER);
	else
		vnl_out_byte(o, vn_vps_vowel[l.upper][vn_vowel_row(l.base, l.mod)][l.tone]);
	return true;
}

static void vni_byte(struct enc_ctx *x, struct vnl_out *o, unsigned b)
{
	vnl_out_byte(o, (unsigned char)b);
	x->last = (unsigned char)b;
}

static bool put_vni(struct enc_ctx *x, struct vnl_out *o, uint32_t cp)
{
	struct vnl_letter l;

	if (cp < 0x80) {
		vni_byte(x, o, cp);
		return true;
	}
	if (vnl_split(cp, &l)) {
		unsigned d = l.upper ? 0x20 : 0, mark;
		if (l.mod == VNL_MOD_STROKE) {
			vni_byte(x, o, VNI_D_STROKE - d);
		} else if (l.base == 'i' && l.tone != VNL_TONE_NONE) {
			vni_byte(x, o, vn_vni_i[l.tone] - d);
		} else if (l.base == 'y' && l.tone == VNL_TONE_NANG) {
			vni_byte(x, o, VNI_Y_NANG - d);
		} else {
			if (l.mod == VNL_MOD_HORN) {
				vni_byte(x, o, (l.base == 'o' ? VNI_O_HORN : VNI_U_HORN) - d);
				mark = vn_vni_tone[l.tone];
			} else {
				vni_byte(x, o, l.upper ? l.base - 0x20u : l.base);
				mark = l.mod == VNL_MOD_CIRC	 ? vn_vni_circ[l.tone]
				       : l.mod == VNL_MOD_BREVE ? vn_vni_breve[l.tone]
								: vn_vni_tone[l.tone];
			}
			if (mark)
				vni_byte(x, o, mark - d);
		}
		return true;
	}
	/* Other characters as Windows-1252, unless the byte would read back as a letter. */
	int b = vn_cp1252_byte(cp);
	if (b < 0 || vn_vni_single((unsigned char)b) || vn_vni_pair(x->last, (unsigned char)b))
		return false;
	vni_byte(x, o, (unsigned)b);
	return true;
}

/* One character through iconv, for a replacement; false if iconv cannot write it either. */
static bool iconv_put_cp(iconv_t cd, uint32_t cp, struct buf *out)
{
	char u[4], tmp[16];
	char *in = u, *op = tmp;
	size_t ul = utf8_encode(cp, u), ol = sizeof tmp;

	if (iconv(cd, &in, &ul, &op, &ol) == (size_t)-1 || iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1) {
		iconv(cd, NULL, NULL, NULL, NULL);
		return false;
	}
	buf_add(out, tmp, (size_t)(op - tmp));
	return true;
}

/* What iconv refused (or, for TCVN3, a toned capital) at offset off: TCVN3's controls and
 * Windows-1252 punctuation are ours to write; the rest is a problem. */
static bool iconv_special(struct enc_ctx *x, size_t off, uint32_t cp, struct buf *out)
{
	if (x->c->enc == VN_ENC_TCVN3) {
		int b = vn_cp1252_byte(cp);
		if (cp < 0x20 || (b >= 0x80 && b < 0xA0)) {
			buf_addc(out, (char)(cp < 0x20 ? (int)cp : b));
			return true;
		}
	}
	uint32_t r = repl(x, off, cp);
	if (r == VN_REPL_STOP)
		return false;
	if (r != VN_REPL_NONE && !iconv_put_cp(x->c->encd, r, out))
		buf_addc(out, '?');
	return true;
}

static bool iconv_enc_run(struct enc_ctx *x, size_t from, size_t to, struct buf *out)
{
	iconv_t cd = x->c->encd;
	char *in = (char *)x->t + from;
	size_t inleft = to - from;

	while (inleft > 0) {
		/* No character grows: one byte for one, two for a base and tone from three. */
		buf_reserve(out, (inleft < 65536 ? inleft : 65536) + 16);
		char *op = out->p + out->len;
		size_t oleft = out->cap - out->len - 1;
		size_t r = iconv(cd, &in, &inleft, &op, &oleft);
		int en = errno;
		out->len = (size_t)(op - out->p);
		out->p[out->len] = '\0';
		if (r != (size_t)-1 || en == E2BIG)
			continue;
		uint32_t cp;
		int len = utf8_decode(in, inleft, &cp);
		if (len < 0) {
			len = 1;
			cp = 0xFFFD;
		}
		if (!iconv_special(x, (size_t)(in - x->t), cp, out))
			return false;
		in += len;
		inleft -= (size_t)len;
	}
	return true;
}

/* TCVN3: the next toned capital from i (iconv would write it as VN1 does). */
static size_t tcvn3_next_capital(const char *t, size_t i, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;
	struct vnl_letter l;

	for (; i < n; i++) {
		if (u[i] < 0xC3)
			continue;
		uint32_t cp;
		int len = utf8_decode(t + i, n - i, &cp);
		if (tcvn3_capital(cp, &l))
			return i;
		i += (size_t)len - 1;
	}
	return n;
}

static int encode_iconv(struct enc_ctx *x, struct buf *out)
{
	bool tcvn3 = x->c->enc == VN_ENC_TCVN3;
	size_t i = 0;

	iconv(x->c->encd, NULL, NULL, NULL, NULL);
	while (i < x->tn) {
		size_t j = tcvn3 ? tcvn3_next_capital(x->t, i, x->tn) : x->tn;
		if (!iconv_enc_run(x, i, j, out))
			return -1;
		if (j == x->tn)
			break;
		uint32_t cp;
		int len = utf8_decode(x->t + j, x->tn - j, &cp);
		if (!iconv_special(x, j, cp, out))
			return -1;
		i = j + (size_t)len;
	}
	char tmp[16], *op = tmp;
	size_t ol = sizeof tmp;
	iconv(x->c->encd, NULL, NULL, &op, &ol);
	buf_add(out, tmp, (size_t)(op - tmp));
	return 0;
}

int vn_encode(struct vn_codec *c, const char *s, size_t n, struct buf *out, unsigned flags,
	      struct vn_enc_problem *p)
{
	size_t bad;

	if (p)
		memset(p, 0, sizeof *p);
	buf_add(out, "", 0);
	if (utf8_validate(s, n, &bad) < 0) {
		if (p) {
			p->count = 1;
			p->offset = bad;
			p->byte = (unsigned char)s[bad];
		}
		return -1;
	}
	if (c->enc == VN_ENC_UTF8) {
		vn_nfc(out, s, n);
		return 0;
	}
	if (c->enc == VN_ENC_NFD) {
		uint8_t tmp[512];
		size_t len = sizeof tmp;
		uint8_t *r = u8_normalize(UNINORM_NFD, (const uint8_t *)s, n, tmp, &len);
		if (!r)
			vnl_oom();
		buf_add(out, r, len);
		if (r != tmp)
			free(r);
		return 0;
	}

	struct buf nfc = BUF_INIT;
	struct enc_ctx x = { c, flags, p, s, n, s, n, 0 };
	if (!utf8_is_ascii(s, n)) {
		vn_nfc(&nfc, s, n);
		if (nfc.len != n || memcmp(nfc.p, s, n) != 0) {
			x.t = nfc.p;
			x.tn = nfc.len;
		}
	}
	int ret;
	switch (c->enc) {
	case VN_ENC_ASCII:
		ret = encode_chars(&x, out, put_ascii);
		break;
	case VN_ENC_VNI:
		ret = encode_chars(&x, out, put_vni);
		break;
	case VN_ENC_VPS:
		ret = encode_chars(&x, out, put_vps);
		break;
	case VN_ENC_VIQR:
		ret = vn_viqr_encode(x.t, x.tn, out, repl, &x) ? 0 : -1;
		break;
	default:
		ret = encode_iconv(&x, out);
		break;
	}
	buf_free(&nfc);
	return ret;
}
