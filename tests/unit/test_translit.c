/* Unit tests for src/text/translit.c: every Vietnamese letter in VIQR (read back by the VIQR
 * decoder to the same letter) and without marks (its base letter, in its case); symbols. */
#include "tap.h"

#include "text/translit.h"
#include "text/utf8.h"
#include "text/vnenc.h"
#include "util/buf.h"
#include "util/err.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "letters.h"

int main(void)
{
	struct err e = { 0 };
	struct vn_codec *viqr = vn_codec_new(VN_ENC_VIQR, &e);
	ok(viqr != NULL, "a VIQR codec");
	int bad_viqr = 0, bad_plain = 0, marked = 0;
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < NLETTERS; i++) {
		uint32_t cp;
		utf8_decode(letters[i].nfc, strlen(letters[i].nfc), &cp);
		char v[4], p[4];
		size_t nv = vn_translit_letter(cp, true, v);
		size_t np = vn_translit_letter(cp, false, p);
		if (!nv)
			continue;	/* none of the 134 is unmarked, but be exact */
		marked++;
		buf_reset(&b);
		struct vn_enc_problem pr = { 0 };
		if (vn_decode(viqr, v, nv, &b, 0, &pr) != 0 || strcmp(buf_str(&b), letters[i].nfc) != 0) {
			bad_viqr++;
			diag("%s -> %s -> %s", letters[i].nfc, v, buf_str(&b));
		}
		char want = letters[i].upper ? (char)toupper(letters[i].base) : letters[i].base;
		if (np != 1 || p[0] != want) {
			bad_plain++;
			diag("%s without marks: %s", letters[i].nfc, p);
		}
	}
	is_int(marked, (int)NLETTERS, "every one of the 134 letters has an ASCII form");
	is_int(bad_viqr, 0, "its VIQR reads back as the letter");
	is_int(bad_plain, 0, "without marks it is its base letter, in its case");
	char o[4];
	is_int((int)vn_translit_letter('a', true, o), 0, "an ASCII letter needs none");
	is_int((int)vn_translit_letter(0x4E2D, true, o), 0, "nor a letter outside Vietnamese");
	vn_translit_letter(0x0110, true, o);
	is_str(o, "DD", "Đ in VIQR");
	vn_translit_letter(0x1EC5, true, o);
	is_str(o, "e^~", "ễ in VIQR: modifier, then tone");
	is_str(vn_translit_symbol(0x2502), "|", "a box-drawing bar");
	is_str(vn_translit_symbol(0x2026), "...", "an ellipsis");
	ok(vn_translit_symbol(0x4E2D) == NULL, "no stand-in for other characters");
	buf_free(&b);
	vn_codec_free(&viqr);
	return done_testing();
}
