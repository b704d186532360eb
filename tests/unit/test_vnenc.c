/* Unit tests for src/text/vnenc: every letter in every legacy encoding against the byte table,
 * problems reported rather than replaced, VIQR escaping, names, and the capitals fix. */
#include "tap.h"

#include "text/vnenc.h"
#include "text/utf8.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/rng.h"

#include <stdlib.h>
#include <uninorm.h>

#include "letters.h"
#include "vn_charsets.h"

static struct vn_codec *codec[VN_ENC_COUNT];

/* Encode or decode s (n bytes) with e; the result (NUL-terminated) in *res, to free. */
static int enc(enum vn_enc e, const char *s, size_t n, unsigned flags, char **res, size_t *len,
	       struct vn_enc_problem *p)
{
	struct buf b = BUF_INIT;
	int r = vn_encode(codec[e], s, n, &b, flags, p);
	if (len)
		*len = b.len;
	*res = b.p ? buf_steal(&b) : calloc(1, 1);
	return r;
}

static int dec(enum vn_enc e, const char *s, size_t n, unsigned flags, char **res,
	       struct vn_enc_problem *p)
{
	struct buf b = BUF_INIT;
	int r = vn_decode(codec[e], s, n, &b, flags, p);
	*res = b.p ? buf_steal(&b) : calloc(1, 1);
	return r;
}

static void hex(char *out, const char *s, size_t n)
{
	out[0] = '\0';
	for (size_t i = 0; i < n && i < 16; i++)
		sprintf(out + 3 * i, "%02X ", (unsigned char)s[i]);
}

static const enum vn_enc table_encs[] = {
	VN_ENC_TCVN3, VN_ENC_VN1, VN_ENC_VNI, VN_ENC_VPS, VN_ENC_VISCII, VN_ENC_CP1258, VN_ENC_VIQR,
};

static const char *column(const struct charset_row *r, enum vn_enc e)
{
	switch (e) {
	case VN_ENC_TCVN3: return r->tcvn3;
	case VN_ENC_VN1: return r->vn1;
	case VN_ENC_VNI: return r->vni;
	case VN_ENC_VPS: return r->vps;
	case VN_ENC_VISCII: return r->viscii;
	case VN_ENC_CP1258: return r->cp1258;
	default: return r->viqr;
	}
}

static const struct letter *find_letter(const char *nfc)
{
	for (size_t i = 0; i < NLETTERS; i++)
		if (strcmp(letters[i].nfc, nfc) == 0)
			return &letters[i];
	return NULL;
}

static bool same(const char *a, size_t alen, const char *b)
{
	return alen == strlen(b) && memcmp(a, b, alen) == 0;
}

/* Every letter, capital and small, in every encoding: the exact bytes from NFC, NFD and tổ hợp
 * input, and the letter back from them. */
static void test_letters(void)
{
	is_int(NCHARSET_ROWS, 134, "the byte table has 134 letters");
	for (size_t k = 0; k < sizeof table_encs / sizeof table_encs[0]; k++) {
		enum vn_enc e = table_encs[k];
		int bad_enc = 0, bad_form = 0, bad_dec = 0, bad_caps = 0, tested = 0;
		for (size_t i = 0; i < NCHARSET_ROWS; i++) {
			const struct charset_row *row = &charset_rows[i];
			const struct letter *l = find_letter(row->nfc);
			const char *want = column(row, e);
			char *got, *back;
			size_t len;
			struct vn_enc_problem p;
			if (!l) {
				diag("%s is not in letters.h", row->nfc);
				bad_enc++;
				continue;
			}
			bool toned_cap = e == VN_ENC_TCVN3 && l->upper && l->tone != 0;
			if (toned_cap) {
				/* No byte of its own: reported, and written lowercase only on request. */
				int r = enc(e, row->nfc, strlen(row->nfc), 0, &got, &len, &p);
				uint32_t cp = 0;
				utf8_decode(row->nfc, strlen(row->nfc), &cp);
				if (r != -1 || p.count != 1 || p.offset != 0 || p.cp != cp || len != 0) {
					diag("TCVN3 %s: ret %d count %llu", row->nfc, r, (unsigned long long)p.count);
					bad_caps++;
				}
				free(got);
				r = enc(e, row->nfc, strlen(row->nfc), VN_ENC_LOWER, &got, &len, &p);
				if (r != 0 || !same(got, len, want) || p.count != 1) {
					diag("TCVN3 %s with VN_ENC_LOWER is wrong", row->nfc);
					bad_caps++;
				}
				free(got);
				continue;
			}
			tested++;
			int r = enc(e, row->nfc, strlen(row->nfc), 0, &got, &len, &p);
			if (r != 0 || !same(got, len, want)) {
				char h1[64], h2[64];
				hex(h1, got, len);
				hex(h2, want, strlen(want));
				diag("%s %s: got %s want %s", vn_enc_name(e), row->nfc, h1, h2);
				bad_enc++;
			}
			free(got);
			const char *forms[] = { l->nfd, l->tohop };
			for (int f = 0; f < 2; f++) {
				r = enc(e, forms[f], strlen(forms[f]), 0, &got, &len, &p);
				if (r != 0 || !same(got, len, want)) {
					diag("%s %s from %s form is wrong", vn_enc_name(e), row->nfc, f ? "tổ hợp" : "NFD");
					bad_form++;
				}
				free(got);
			}
			r = dec(e, want, strlen(want), 0, &back, &p);
			if (r != 0 || strcmp(back, row->nfc) != 0) {
				diag("%s: decoding %s gave %s", vn_enc_name(e), row->nfc, back);
				bad_dec++;
			}
			free(back);
		}
		is_int(bad_enc, 0, "%s: %d letters encode to the table's bytes", vn_enc_name(e), tested);
		is_int(bad_form, 0, "%s: NFD and tổ hợp input encode the same", vn_enc_name(e));
		is_int(bad_dec, 0, "%s: the bytes decode to the letters", vn_enc_name(e));
		if (e == VN_ENC_TCVN3) {
			is_int(tested, 134 - 60, "TCVN3 holds 74 of the letters");
			is_int(bad_caps, 0, "TCVN3: the 60 toned capitals are reported, and lowercase under VN_ENC_LOWER");
		}
	}
}

/* The bytes Unikey writes for some VPS capitals are the lowercase letters'. */
static void test_vps_alt(void)
{
	int n = 0, bad = 0;
	for (size_t i = 0; i < NCHARSET_ROWS; i++) {
		const struct charset_row *row = &charset_rows[i];
		if (!row->vps_alt)
			continue;
		n++;
		char *back;
		const struct letter *l = find_letter(row->nfc);
		dec(VN_ENC_VPS, row->vps_alt, strlen(row->vps_alt), 0, &back, NULL);
		if (!l || strcmp(back, (l + 1)->nfc) != 0) {
			diag("VPS (Unikey) %s decoded to %s", row->nfc, back);
			bad++;
		}
		free(back);
	}
	is_int(n, 14, "14 VPS capitals have a Unikey byte");
	is_int(bad, 0, "which decodes as the lowercase letter");
}

/* All 134 letters in one text, inside words, for every encoding that holds them all. */
static void test_text_roundtrip(void)
{
	struct buf all = BUF_INIT;
	for (size_t i = 0; i < NLETTERS; i++) {
		buf_adds(&all, "x");
		buf_adds(&all, letters[i].nfc);
		buf_adds(&all, i % 3 ? "y " : "nh\n");
	}
	buf_adds(&all, "Họ và tên: \"Nguyễn\" - 100% (a+b)? 'd'\\ ");
	for (int e = 0; e < VN_ENC_COUNT; e++) {
		if (e == VN_ENC_ASCII || e == VN_ENC_TCVN3)
			continue;	/* no marks; no toned capitals */
		char *x, *back;
		size_t len;
		struct vn_enc_problem p;
		int r = enc((enum vn_enc)e, all.p, all.len, 0, &x, &len, &p);
		is_int(r, 0, "%s: the text of all letters encodes", vn_enc_name((enum vn_enc)e));
		r = dec((enum vn_enc)e, x, len, 0, &back, &p);
		is_str(back, all.p, "%s: and decodes back unchanged", vn_enc_name((enum vn_enc)e));
		free(x);
		free(back);
	}
	/* Letters next to each other, and the Windows-1252 punctuation where there is some. */
	all.len = 0;
	for (size_t i = 0; i < NLETTERS; i++) {
		buf_adds(&all, letters[i].nfc);
		buf_adds(&all, i % 5 ? "" : " Ng ");
	}
	enum vn_enc full[] = { VN_ENC_VN1, VN_ENC_VISCII, VN_ENC_VPS, VN_ENC_VNI, VN_ENC_CP1258 };
	for (size_t k = 0; k < sizeof full / sizeof full[0]; k++) {
		if (full[k] == VN_ENC_VNI)
			buf_adds(&all, " “Nguyễn” – ‘d’ … € ™ © ½");
		char *x, *back;
		size_t len;
		int r = enc(full[k], all.p, all.len, 0, &x, &len, NULL);
		is_int(r, 0, "%s: all letters in a row encode", vn_enc_name(full[k]));
		dec(full[k], x, len, 0, &back, NULL);
		is_str(back, all.p, "%s: and come back", vn_enc_name(full[k]));
		free(x);
		free(back);
	}
	buf_free(&all);
}

static void test_unicode_forms(void)
{
	int bad_nfd = 0, bad_nfc = 0, bad_ascii = 0;
	for (size_t i = 0; i < NLETTERS; i++) {
		char *got;
		size_t len;
		enc(VN_ENC_NFD, letters[i].nfc, strlen(letters[i].nfc), 0, &got, &len, NULL);
		bad_nfd += strcmp(got, letters[i].nfd) != 0;
		free(got);
		enc(VN_ENC_UTF8, letters[i].tohop, strlen(letters[i].tohop), 0, &got, &len, NULL);
		bad_nfc += strcmp(got, letters[i].nfc) != 0;
		free(got);
		dec(VN_ENC_NFD, letters[i].nfd, strlen(letters[i].nfd), 0, &got, NULL);
		bad_nfc += strcmp(got, letters[i].nfc) != 0;
		free(got);
		struct vn_enc_problem p;
		enc(VN_ENC_ASCII, letters[i].nfd, strlen(letters[i].nfd), 0, &got, &len, &p);
		char want[2] = { letters[i].upper ? (char)(letters[i].base - 32) : letters[i].base, 0 };
		bad_ascii += strcmp(got, want) != 0 || p.count != 0;
		free(got);
	}
	is_int(bad_nfd, 0, "NFD encoding writes every letter decomposed");
	is_int(bad_nfc, 0, "UTF-8 encoding and NFD decoding write NFC");
	is_int(bad_ascii, 0, "ASCII drops the marks of every letter (đ -> d) without a problem");
}

/* UTF-8 decoding composes Vietnamese letters itself: it must agree with the full NFC. */
static void test_nfc(void)
{
	static const char *const pieces[] = {
		"a", "e", "o", "u", "i", "y", "d", "A", "O", "b", "ư", "ơ", "â", "ạ", "á", "Ê", "\u0300",
		"\u0301", "\u0302", "\u0303", "\u0306", "\u0309", "\u031B", "\u0323", "\u0308", "\u0335",
		"\u0345", "\n", " ", "“", "\u2126", "\u2000", "ñ", "\uAC00", "\u1100\u1161", "ệ",
	};
	struct rng rng;
	int bad = 0;
	rng_seed(&rng, 2026);
	for (int t = 0; t < 5000; t++) {
		struct buf s = BUF_INIT;
		int k = (int)rng_below(&rng, 10) + 1;
		for (int i = 0; i < k; i++)
			buf_adds(&s, pieces[rng_below(&rng, sizeof pieces / sizeof pieces[0])]);
		char *got;
		dec(VN_ENC_UTF8, s.p, s.len, 0, &got, NULL);
		size_t len;
		uint8_t *want = u8_normalize(UNINORM_NFC, (const uint8_t *)s.p, s.len, NULL, &len);
		if (strlen(got) != len || memcmp(got, want, len) != 0) {
			if (bad < 5)
				diag("NFC of '%s': got '%s', want '%.*s'", s.p, got, (int)len, (const char *)want);
			bad++;
		}
		free(want);
		free(got);
		buf_free(&s);
	}
	is_int(bad, 0, "5000 random mixes of letters and marks decode to what u8_normalize says is NFC");
}

static void test_edges(void)
{
	for (int e = 0; e < VN_ENC_COUNT; e++) {
		char *x;
		size_t len;
		struct vn_enc_problem p;
		int r = enc((enum vn_enc)e, "", 0, 0, &x, &len, &p);
		ok(r == 0 && len == 0 && p.count == 0, "%s: empty text encodes to nothing", vn_enc_name((enum vn_enc)e));
		free(x);
		r = dec((enum vn_enc)e, "", 0, 0, &x, &p);
		if (!ok(r == 0 && *x == '\0', "%s: and decodes from nothing", vn_enc_name((enum vn_enc)e)))
			diag("ret %d, '%s'", r, x);
		free(x);
		const char *ascii = "Nguyen Van An, 12/03/1985; tel 0912 345 678\tok\n";
		r = enc((enum vn_enc)e, ascii, strlen(ascii), 0, &x, &len, &p);
		ok(r == 0 && same(x, len, ascii), "%s: plain ASCII encodes as itself", vn_enc_name((enum vn_enc)e));
		free(x);
		r = dec((enum vn_enc)e, ascii, strlen(ascii), 0, &x, &p);
		is_str(x, ascii, "%s: and decodes as itself", vn_enc_name((enum vn_enc)e));
		free(x);
	}
}

static void test_tcvn3(void)
{
	char *x;
	size_t len;
	struct vn_enc_problem p;

	/* Windows-1252 punctuation in 0x80..0x9F; VN1 reads the same bytes as capitals. */
	const char *in = "\x93Nguy\xD4n\x94 \x96 H\xB5 N\xE9i\x85 \x91\x61\x92 \x80 100\x89";
	int r = dec(VN_ENC_TCVN3, in, strlen(in), 0, &x, &p);
	is_str(x, "“Nguyễn” – Hà Nội… ‘a’ € 100‰", "TCVN3: 0x80..0x9F are Windows-1252 punctuation");
	is_int(r, 0, "without a problem");
	free(x);
	dec(VN_ENC_VN1, "\x93\x96\x85", 3, 0, &x, &p);
	is_str(x, "ỎỌẶ", "VN1: the same bytes are capitals");
	free(x);
	r = enc(VN_ENC_TCVN3, "“Nguyễn” – …", strlen("“Nguyễn” – …"), 0, &x, &len, &p);
	ok(r == 0 && same(x, len, "\x93Nguy\xD4n\x94 \x96 \x85"), "TCVN3 writes the punctuation back");
	free(x);
	/* C0: controls in TCVN3, capitals in VN1. */
	r = dec(VN_ENC_TCVN3, "a\x01\x11\x17z", 5, 0, &x, &p);
	ok(r == 0 && memcmp(x, "a\x01\x11\x17z", 6) == 0, "TCVN3 passes C0 controls through");
	free(x);
	r = enc(VN_ENC_TCVN3, "a\x01\x11z", 4, 0, &x, &len, &p);
	ok(r == 0 && same(x, len, "a\x01\x11z"), "and writes them back");
	free(x);
	dec(VN_ENC_VN1, "\x01\x11\x16", 3, 0, &x, &p);
	is_str(x, "ÚỨÝ", "VN1 reads them as capitals");
	free(x);
	r = enc(VN_ENC_VN1, "a\x01", 2, 0, &x, &len, &p);
	ok(r == -1 && p.count == 1 && p.offset == 1 && p.cp == 1, "VN1 cannot write U+0001 (0x01 is Ú)");
	free(x);
	r = dec(VN_ENC_TCVN3, "ab\x81", 3, 0, &x, &p);
	ok(r == -1 && p.offset == 2 && p.byte == 0x81, "TCVN3: 0x81, which Windows-1252 lacks, is an error at its offset");
	free(x);
	r = dec(VN_ENC_TCVN3, "ab\x81\x90z", 5, VN_DEC_LENIENT, &x, &p);
	ok(r == 0 && p.count == 2 && p.offset == 2 && strcmp(x, "ab\uFFFD\uFFFDz") == 0,
	   "leniently it is U+FFFD, counted");
	free(x);

	/* Capitals typed without a capitals font. */
	const char *name = "NGUYỄN Thị Ánh";
	r = enc(VN_ENC_TCVN3, name, strlen(name), 0, &x, &len, &p);
	ok(r == -1 && p.count == 1 && p.offset == 4 && p.cp == 0x1EC4 && same(x, len, "NGUY"),
	   "TCVN3: a toned capital is reported (count, offset, code point), not replaced");
	free(x);
	r = enc(VN_ENC_TCVN3, name, strlen(name), VN_ENC_LOWER, &x, &len, &p);
	ok(r == 0 && p.count == 2 && p.offset == 4 && same(x, len, "NGUY\xD4N Th\xDE \xB8nh"),
	   "VN_ENC_LOWER writes it lowercase and counts both");
	free(x);
	r = enc(VN_ENC_TCVN3, name, strlen(name), VN_ENC_NOMARKS, &x, &len, &p);
	ok(r == 0 && p.count == 2 && same(x, len, "NGUY\xA3N Th\xDE \x41nh"),
	   "VN_ENC_NOMARKS drops the tone and keeps the circumflex TCVN3 has (Ễ -> Ê)");
	free(x);
	r = enc(VN_ENC_TCVN3, name, strlen(name), VN_ENC_SUBST, &x, &len, &p);
	ok(r == 0 && p.count == 2 && same(x, len, "NGUY?N Th\xDE ?nh"), "VN_ENC_SUBST writes '?'");
	free(x);
}

static void test_problems(void)
{
	char *x;
	size_t len;
	struct vn_enc_problem p;

	int r = enc(VN_ENC_VISCII, "Giá €5", strlen("Giá €5"), 0, &x, &len, &p);
	ok(r == -1 && p.count == 1 && p.offset == 5 && p.cp == 0x20AC && same(x, len, "Gi\xE1 "),
	   "VISCII: € is reported with its offset and code point; the text before it is written");
	free(x);
	r = enc(VN_ENC_VISCII, "€ và ß, ñ", strlen("€ và ß, ñ"), VN_ENC_SUBST, &x, &len, &p);
	ok(r == 0 && p.count == 3 && p.offset == 0 && same(x, len, "? v\xE0 ?, ?"), "VN_ENC_SUBST: each is '?', all counted");
	free(x);
	r = enc(VN_ENC_VISCII, "€ và ß, ñ", strlen("€ và ß, ñ"), VN_ENC_NOMARKS, &x, &len, &p);
	ok(r == 0 && p.count == 3 && same(x, len, "? v\xE0 ?, n"), "VN_ENC_NOMARKS: ñ without its tilde");
	free(x);
	/* The offset is in the caller's text, NFD or not. */
	const char *nfd = "A\u0301 \u20AC";
	r = enc(VN_ENC_VISCII, nfd, strlen(nfd), 0, &x, &len, &p);
	ok(r == -1 && p.offset == 4 && p.cp == 0x20AC, "an NFD text's problem has its offset in that text (4)");
	free(x);
	r = enc(VN_ENC_VPS, "a\x02", 2, 0, &x, &len, &p);
	ok(r == -1 && p.offset == 1, "VPS cannot write the control its capital Ạ took");
	free(x);
	r = enc(VN_ENC_VNI, "ø aø", strlen("ø aø"), 0, &x, &len, &p);
	ok(r == -1 && p.count == 1 && p.offset == 4 && same(x, len, "\xF8 a"),
	   "VNI writes ø as Windows-1252, but not after a vowel it would mark");
	free(x);
	r = enc(VN_ENC_VNI, "ô", 2, 0, &x, &len, &p);
	ok(r == 0 && same(x, len, "o\xE2"), "VNI: ô is o + circumflex byte");
	free(x);
	r = enc(VN_ENC_VIQR, "Giá €5", strlen("Giá €5"), VN_ENC_SUBST, &x, &len, &p);
	ok(r == 0 && p.count == 1 && same(x, len, "Gia' ?5"), "VIQR: € becomes '?' on request");
	free(x);
	r = enc(VN_ENC_VIQR, "a€", strlen("a€"), VN_ENC_SUBST, &x, &len, &p);
	ok(r == 0 && same(x, len, "a\\?"), "a '?' written after a vowel is escaped");
	free(x);
	r = enc(VN_ENC_ASCII, "Đỗ € ß", strlen("Đỗ € ß"), 0, &x, &len, &p);
	ok(r == -1 && p.count == 1 && p.offset == 6 && same(x, len, "Do "), "ASCII: marks go by design, € is a problem");
	free(x);

	/* Bad input. */
	r = enc(VN_ENC_VNI, "ab\xC3(", 4, 0, &x, &len, &p);
	ok(r == -1 && p.offset == 2 && p.byte == 0xC3, "invalid UTF-8 to encode: -1 and its offset");
	free(x);
	r = dec(VN_ENC_UTF8, "Nguy\xE1\xBB", 6, 0, &x, &p);
	ok(r == -1 && p.offset == 4 && p.byte == 0xE1, "UTF-8 decoding: a broken sequence is an error at its offset");
	free(x);
	r = dec(VN_ENC_UTF8, "a\xFF" "b\xC3", 4, VN_DEC_LENIENT, &x, &p);
	ok(r == 0 && p.count == 2 && p.offset == 1 && strcmp(x, "a\uFFFDb\uFFFD") == 0, "leniently U+FFFD, counted");
	free(x);
	r = dec(VN_ENC_CP1258, "gi\x8A", 3, 0, &x, &p);
	ok(r == -1 && p.offset == 2 && p.byte == 0x8A, "CP1258: 0x8A is not defined");
	free(x);
	r = dec(VN_ENC_CP1258, "x\x8Ay\x8E", 4, VN_DEC_LENIENT, &x, &p);
	ok(r == 0 && p.count == 2 && strcmp(x, "x\uFFFDy\uFFFD") == 0, "leniently U+FFFD");
	free(x);
	r = dec(VN_ENC_VPS, "\xA0", 1, 0, &x, &p);
	ok(r == -1 && p.byte == 0xA0, "VPS: 0xA0 is not defined");
	free(x);
	r = dec(VN_ENC_VIQR, "a\xE9", 2, 0, &x, &p);
	ok(r == -1 && p.offset == 1, "VIQR is 7-bit");
	free(x);
	r = dec(VN_ENC_ASCII, "a\xE9" "b", 3, VN_DEC_LENIENT, &x, &p);
	ok(r == 0 && strcmp(x, "a\uFFFDb") == 0, "ASCII decodes leniently too");
	free(x);
	r = dec(VN_ENC_VNI, "\x81", 1, 0, &x, &p);
	ok(r == -1 && p.byte == 0x81, "VNI: a byte Windows-1252 lacks is an error");
	free(x);
}

static void test_decode_more(void)
{
	char *x;
	struct vn_enc_problem p;

	const char *vni = "Nguye\xE3n Va\xEAn \x41\xD9nh \x93T\xF6\xF4\xF9ng\x94 caf\xE9";
	dec(VN_ENC_VNI, vni, strlen(vni), 0, &x, &p);
	is_str(x, "Nguyễn Văn Ánh “Tướng” café", "VNI: pairs, single bytes, Windows-1252 for the rest");
	free(x);
	vni = "NGUYE\xC3N HOA\xD8NG Nguye\xC3n";
	dec(VN_ENC_VNI, vni, strlen(vni), 0, &x, &p);
	is_str(x, "NGUYỄN HOÀNG Nguyễn", "VNI: capital mark bytes; the base letter decides the case");
	free(x);
	const char *cp1258 = "Nguy\xEA\xDEn H\xF4\xECng";
	dec(VN_ENC_CP1258, cp1258, strlen(cp1258), 0, &x, &p);
	is_str(x, "Nguyễn Hống", "CP1258: base + tone byte compose");
	free(x);
	dec(VN_ENC_CP1258, "n\xEC", 2, 0, &x, &p);
	is_str(x, "\xC5\x84", "CP1258: a tone byte on a consonant gives the NFC (ń)");
	free(x);
	dec(VN_ENC_VN1, "b\xB3", 2, 0, &x, &p);
	is_str(x, "b\xCC\x81", "VN1: a combining byte with nothing to compose stays a mark");
	free(x);
}

static void viqr_case(const char *in, const char *want)
{
	char *x, *back;
	size_t len;
	int r = enc(VN_ENC_VIQR, in, strlen(in), 0, &x, &len, NULL);
	if (want)
		is_str(x, want, "VIQR of '%s'", in);
	dec(VN_ENC_VIQR, x, len, 0, &back, NULL);
	ok(r == 0 && strcmp(back, in) == 0, "'%s' -> '%s' -> back", in, x);
	free(x);
	free(back);
}

static void viqr_dec_case(const char *in, const char *want)
{
	char *x;
	dec(VN_ENC_VIQR, in, strlen(in), 0, &x, NULL);
	is_str(x, want, "VIQR '%s' reads as '%s'", in, want);
	free(x);
}

static void test_viqr(void)
{
	viqr_case("A'", "A\\'");
	viqr_case("a.b", "a\\.b");
	viqr_case("Hà Nội.", "Ha` No^.i\\.");
	viqr_case("What?", "What?");
	viqr_case("dd", "\\dd");
	viqr_case("\\", "\\");
	viqr_case("\\\\", "\\\\\\");
	viqr_case("dđ", "\\ddd");
	viqr_case("đd", "ddd");
	viqr_case("Đặng DD Dd dD", "DDa(.ng \\DD \\Dd \\dD");
	viqr_case("ư+ u+ o^ a(", "u+\\+ u\\+ o\\^ a\\(");
	viqr_case("H'Mông, don't", "H'Mo^ng, don't");
	viqr_case("Nguyễn Thị Thúy, Quỳnh Lưu", "Nguye^~n Thi. Thu'y, Quy`nh Lu+u");
	viqr_case("a\\'", "a\\\\'");
	viqr_case("C:\\temp\\dd\\x", NULL);
	viqr_case("(ờ) 1.5 e.g. ~ ^^ ((", NULL);
	viqr_dec_case("Nguye^~n Va(n A", "Nguyễn Văn A");
	viqr_dec_case("DDa`, Dda`, dda`", "Đà, Đà, đà");
	viqr_dec_case("No^.i\\. Ha`?", "Nội. Hà?");
	viqr_dec_case("A'' a^^ o+(", "Á' â^ ơ(");
	viqr_dec_case("i^ u( y+", "i^ u( y+");
	viqr_dec_case("\\a", "\\a");

	/* Anything, back unchanged. */
	static const char *const pieces[] = { "a", "e", "o", "u", "y", "i", "d", "D", "\\", "'", "`", "?", "~",
					      ".", "^", "(", "+", " ", "đ", "Đ", "ư", "ơ", "ấ", "Ỵ", "b", "\n" };
	struct rng rng;
	rng_seed(&rng, 1456);
	int bad = 0;
	for (int t = 0; t < 2000; t++) {
		struct buf s = BUF_INIT;
		int k = (int)rng_below(&rng, 12) + 1;
		for (int i = 0; i < k; i++)
			buf_adds(&s, pieces[rng_below(&rng, sizeof pieces / sizeof pieces[0])]);
		char *x, *back;
		size_t len;
		enc(VN_ENC_VIQR, s.p, s.len, 0, &x, &len, NULL);
		dec(VN_ENC_VIQR, x, len, 0, &back, NULL);
		if (strcmp(back, s.p) != 0) {
			if (bad < 5)
				diag("'%s' -> '%s' -> '%s'", s.p, x, back);
			bad++;
		}
		free(x);
		free(back);
		buf_free(&s);
	}
	is_int(bad, 0, "2000 random texts of letters, marks, d and backslashes survive VIQR");
}

static void test_names(void)
{
	static const struct {
		const char *alias;
		enum vn_enc e;
	} aliases[] = {
		{ "utf-8", VN_ENC_UTF8 }, { "UTF8", VN_ENC_UTF8 }, { "Unicode", VN_ENC_UTF8 },
		{ "nfd", VN_ENC_NFD }, { "to-hop", VN_ENC_NFD }, { "Unicode tohop", VN_ENC_NFD },
		{ "tcvn3", VN_ENC_TCVN3 }, { "ABC", VN_ENC_TCVN3 }, { "TCVN", VN_ENC_TCVN3 },
		{ ".VnTime", VN_ENC_TCVN3 }, { "vn1", VN_ENC_VN1 }, { "TCVN5712-1", VN_ENC_VN1 },
		{ "tcvn 5712:1993", VN_ENC_VN1 }, { "VNI-Windows", VN_ENC_VNI }, { "vni", VN_ENC_VNI },
		{ "VPS", VN_ENC_VPS }, { "VISCII", VN_ENC_VISCII }, { "cp1258", VN_ENC_CP1258 },
		{ "Windows-1258", VN_ENC_CP1258 }, { "win_1258", VN_ENC_CP1258 }, { "VIQR", VN_ENC_VIQR },
		{ "rfc 1456", VN_ENC_VIQR }, { "ascii", VN_ENC_ASCII }, { "US-ASCII", VN_ENC_ASCII },
		{ "khong-dau", VN_ENC_ASCII },
	};
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		enum vn_enc e = VN_ENC_COUNT;
		int r = vn_enc_parse(aliases[i].alias, &e);
		ok(r == 0 && e == aliases[i].e, "'%s' is %s", aliases[i].alias, vn_enc_name(aliases[i].e));
	}
	for (int e = 0; e < VN_ENC_COUNT; e++) {
		enum vn_enc got = VN_ENC_COUNT;
		ok(vn_enc_parse(vn_enc_name((enum vn_enc)e), &got) == 0 && got == (enum vn_enc)e && *vn_enc_label((enum vn_enc)e),
		   "the canonical name %s parses back, and has a label", vn_enc_name((enum vn_enc)e));
	}
	enum vn_enc e;
	is_int(vn_enc_parse("latin1", &e), -1, "an unknown name is -1");
	is_int(vn_enc_parse("", &e), -1, "so is an empty one");
	is_int(vn_enc_parse("--", &e), -1, "and punctuation alone");
	is_int(vn_codec_enc(codec[VN_ENC_VPS]), VN_ENC_VPS, "a codec knows its encoding");
}

static void caps_case(const char *in, const char *want, size_t nchanged)
{
	struct buf b = BUF_INIT;
	size_t n = vn_fix_caps(&b, in, strlen(in));
	is_str(buf_str(&b), want, "fix caps '%s'", in);
	is_int(n, nchanged, "  %zu word(s) changed", nchanged);
	buf_free(&b);
}

static void test_fix_caps(void)
{
	caps_case("NGUYễN VĂN A", "NGUYỄN VĂN A", 1);
	caps_case("Nguyễn Văn A", "Nguyễn Văn A", 0);
	caps_case("TRầN THị HằNG, số 5 ĐƯờNG LÊ LợI", "TRẦN THỊ HẰNG, số 5 ĐƯỜNG LÊ LỢI", 5);
	caps_case("ở đó", "ở đó", 0);
	caps_case("NGUYe\xCC\x82\xCC\x83N", "NGUYỄN", 1);
	caps_case("", "", 0);
}

int main(void)
{
	for (int e = 0; e < VN_ENC_COUNT; e++) {
		struct err err;
		codec[e] = vn_codec_new((enum vn_enc)e, &err);
		ok(codec[e] != NULL, "a codec for %s (%s)", vn_enc_name((enum vn_enc)e), vn_enc_label((enum vn_enc)e));
		if (!codec[e]) {
			diag("%s", err.msg);
			return done_testing();
		}
	}
	test_names();
	test_letters();
	test_vps_alt();
	test_text_roundtrip();
	test_unicode_forms();
	test_nfc();
	test_edges();
	test_tcvn3();
	test_problems();
	test_decode_more();
	test_viqr();
	test_fix_caps();
	for (int e = 0; e < VN_ENC_COUNT; e++)
		vn_codec_free(&codec[e]);
	vn_codec_free(&codec[0]);
	return done_testing();
}
