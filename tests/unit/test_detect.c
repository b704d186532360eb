/* Unit tests for src/text/detect: member lists in every encoding are recognised, from files made
 * from the byte table (tests/data/enc) and from text our own encoder writes. */
#include "tap.h"

#include "text/detect.h"
#include "text/vnenc.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *name, size_t *len)
{
	const char *dir = getenv("HOIVIEN_DATADIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/data/enc/%s", dir && *dir ? dir : ".", name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag("cannot open %s", path);
		*len = 0;
		return calloc(1, 1);
	}
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, k);
	fclose(f);
	*len = b.len;
	return b.p ? buf_steal(&b) : calloc(1, 1);
}

static void expect(const char *s, size_t n, enum vn_enc want, double min_conf, const char *what)
{
	struct vn_guess g[VN_ENC_COUNT];
	size_t k = vn_detect(s, n, g, VN_ENC_COUNT);
	if (!ok(k > 0 && g[0].enc == want && g[0].confidence >= min_conf, "%s: %s, confidence >= %.2f", what,
		vn_enc_name(want), min_conf)) {
		for (size_t i = 0; i < k; i++)
			diag("  %-7s score %.3f confidence %.3f words %zu", vn_enc_name(g[i].enc), g[i].score,
			     g[i].confidence, g[i].words);
	}
}

static char *encode(enum vn_enc e, const char *s, unsigned flags, size_t *len)
{
	struct vn_codec *c = vn_codec_new(e, NULL);
	struct buf b = BUF_INIT;
	struct vn_enc_problem p;
	if (vn_encode(c, s, strlen(s), &b, flags, &p) != 0)
		diag("%s cannot write U+%04X at %zu", vn_enc_name(e), (unsigned)p.cp, p.offset);
	vn_codec_free(&c);
	*len = b.len;
	return buf_steal(&b);
}

static char *decode(enum vn_enc e, const char *s, size_t n)
{
	struct vn_codec *c = vn_codec_new(e, NULL);
	struct buf b = BUF_INIT;
	vn_decode(c, s, n, &b, VN_DEC_LENIENT, NULL);
	vn_codec_free(&c);
	return buf_steal(&b);
}

static void test_files(void)
{
	static const struct {
		const char *file;
		enum vn_enc enc;
		bool same;	/* decodes to utf8.csv exactly */
	} files[] = {
		{ "utf8.csv", VN_ENC_UTF8, true }, { "nfd.csv", VN_ENC_UTF8, true },
		{ "tcvn3.csv", VN_ENC_TCVN3, false }, { "vn1.csv", VN_ENC_VN1, false },
		{ "vni.csv", VN_ENC_VNI, true }, { "vps.csv", VN_ENC_VPS, false },
		{ "viscii.csv", VN_ENC_VISCII, false }, { "cp1258.csv", VN_ENC_CP1258, true },
		{ "viqr.csv", VN_ENC_VIQR, false },
	};
	size_t ulen;
	char *utf8 = slurp("utf8.csv", &ulen);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t n;
		char *s = slurp(files[i].file, &n);
		expect(s, n, files[i].enc, 0.9, files[i].file);
		if (files[i].same) {
			char *d = decode(files[i].enc, s, n);
			is_str(d, utf8, "%s decodes to the list", files[i].file);
			free(d);
		}
		free(s);
	}
	/* TCVN3's capitals came out lowercase; the rest is the list, quotes and dash included. */
	size_t n;
	char *s = slurp("tcvn3.csv", &n);
	char *d = decode(VN_ENC_TCVN3, s, n);
	ok(strstr(d, "Trần Thị Thúy,05/11/1990,Nữ,Kinh,\"Số 12 đường Trần Hưng Đạo, Hoàn Kiếm, Hà Nội\",Chi hội "
		     "trưởng,“Gương mẫu” – năm 2020\n") && strstr(d, ",ủy viên,"),
	   "tcvn3.csv decodes, “quotes” and – included");
	free(d);
	free(s);
	free(utf8);
}

static const char members[] =
	"STT,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Địa chỉ thường trú,Chi hội,Chức vụ\n"
	"1,Nguyễn Văn Hùng,12/03/1975,Nam,Kinh,Không,Nam Định,\"Thôn Trung, xã Nghĩa Hưng\",Chi hội Thôn Trung,Chi hội trưởng\n"
	"2,Trần Thị Thu Hương,1982,Nữ,Kinh,Phật giáo,Thái Bình,\"Số 5 ngõ 12 phố Huế, Hai Bà Trưng, Hà Nội\",Chi hội số 2,Hội viên\n"
	"3,Lê Đức Thắng,05/06/1968,Nam,Tày,Không,Cao Bằng,\"Bản Giàng, xã Quảng Lâm, huyện Bảo Lâm\",Chi hội Bản Giàng,Phó chi hội trưởng\n"
	"4,Phạm Thị Yến,22/11/1990,Nữ,Kinh,Thiên Chúa giáo,Ninh Bình,\"Xóm 3, xã Yên Khánh\",Chi hội Xóm 3,Hội viên\n"
	"5,Hoàng Văn Quyết,1959,Nam,Nùng,Không,Lạng Sơn,\"Khối 7, thị trấn Đồng Đăng\",Chi hội Khối 7,Ủy viên ban chấp hành\n"
	"6,Huỳnh Thị Mỹ Duyên,30/04/1988,Nữ,Kinh,Cao Đài,Tây Ninh,\"Ấp Long Thới, xã Long Thành Trung, Hòa Thành\",Chi hội Ấp Long Thới,Hội viên\n"
	"7,Võ Minh Khoa,17/08/1979,Nam,Kinh,Không,Quảng Ngãi,\"Tổ 4, phường Nghĩa Chánh\",Chi hội Tổ 4,Thư ký\n"
	"8,Đặng Thị Ngọc Ánh,09/09/1995,Nữ,Mường,Không,Hòa Bình,\"Xóm Mới, xã Phú Lương, huyện Lạc Sơn\",Chi hội Xóm Mới,Hội viên\n"
	"9,Bùi Quang Huy,1965,Nam,Kinh,Phật giáo,Hải Dương,\"Khu dân cư số 2, phường Cẩm Thượng\",Chi hội khu 2,Hội viên\n"
	"10,Đỗ Thị Loan,14/02/1972,Nữ,Kinh,Không,Nghệ An,\"Xóm Bắc, xã Diễn Thịnh, huyện Diễn Châu\",Chi hội Xóm Bắc,Chi hội phó\n";

static void test_encoded(void)
{
	static const struct {
		enum vn_enc enc;
		unsigned flags;
	} encs[] = {
		{ VN_ENC_TCVN3, VN_ENC_LOWER }, { VN_ENC_VNI, 0 }, { VN_ENC_VPS, 0 },
		{ VN_ENC_VISCII, 0 }, { VN_ENC_CP1258, 0 }, { VN_ENC_VIQR, 0 }, { VN_ENC_NFD, 0 },
		{ VN_ENC_VN1, 0 },
	};
	for (size_t i = 0; i < sizeof encs / sizeof encs[0]; i++) {
		size_t n;
		char *s = encode(encs[i].enc, members, encs[i].flags, &n);
		enum vn_enc want = encs[i].enc == VN_ENC_NFD ? VN_ENC_UTF8 : encs[i].enc;
		char what[64];
		snprintf(what, sizeof what, "member list in %s", vn_enc_name(encs[i].enc));
		expect(s, n, want, 0.9, what);
		free(s);
	}

	/* In capitals VN1 and TCVN3 part ways. */
	struct buf up = BUF_INIT;
	buf_adds(&up, "DANH SÁCH HỘI VIÊN CHI HỘI THÔN TRUNG\n");
	buf_adds(&up, members);
	buf_adds(&up, "NGUYỄN THỊ THÚY HẰNG, TRƯỞNG BAN KIỂM TRA\nỦY BAN NHÂN DÂN XÃ NGHĨA HƯNG\n");
	size_t n;
	char *s = encode(VN_ENC_VN1, up.p, 0, &n);
	expect(s, n, VN_ENC_VN1, 0.9, "a VN1 list with capitals");
	free(s);
	/* And TCVN3 with “quotes” and dashes between words is not VN1. */
	buf_adds(&up, "Ghi chú: “Gương mẫu” – năm 2020 … xem thêm ‘mục 3’ • hết\n");
	s = encode(VN_ENC_TCVN3, up.p, VN_ENC_LOWER, &n);
	expect(s, n, VN_ENC_TCVN3, 0.9, "TCVN3 with Windows-1252 punctuation");
	free(s);
	buf_free(&up);
}

static void test_short(void)
{
	static const enum vn_enc encs[] = { VN_ENC_TCVN3, VN_ENC_VNI, VN_ENC_VPS, VN_ENC_VISCII,
					    VN_ENC_CP1258, VN_ENC_VIQR };
	const char *name = "Nguyễn Thị Thúy Hằng";
	for (size_t i = 0; i < sizeof encs / sizeof encs[0]; i++) {
		size_t n;
		char *s = encode(encs[i], name, 0, &n);
		char what[64];
		snprintf(what, sizeof what, "one name in %s", vn_enc_name(encs[i]));
		expect(s, n, encs[i], 0.9, what);
		free(s);
	}
	size_t n;
	char *s = encode(VN_ENC_VN1, "NGUYỄN THỊ THÚY HẰNG", 0, &n);
	expect(s, n, VN_ENC_VN1, 0.9, "one name in capitals in VN1");
	free(s);
	expect(name, strlen(name), VN_ENC_UTF8, 1, "one name in UTF-8");
}

static void test_ascii(void)
{
	struct vn_guess g[4];
	const char *s = "Nguyen Van An,12/03/1985,Nam\nTran Thi Thuy, Ha Noi\n";
	size_t k = vn_detect(s, strlen(s), g, 4);
	ok(k == 1 && g[0].enc == VN_ENC_UTF8 && g[0].confidence == 1 && g[0].words == 0,
	   "ASCII without VIQR marks: UTF-8, confidence 1, no words");
	k = vn_detect("", 0, g, 4);
	ok(k == 1 && g[0].enc == VN_ENC_UTF8 && g[0].confidence == 1, "empty text: UTF-8");
	s = "Hello. Do you know? It's the file I saved (v2) at 10.30 and don't touch it, see? Go.\n";
	vn_detect(s, strlen(s), g, 4);
	ok(g[0].enc == VN_ENC_UTF8 && g[0].confidence >= 0.9, "English punctuation is not VIQR");
	const char *viqr = "Nguye^~n Va(n An, Tra^`n Thi. Thu'y";
	expect(viqr, strlen(viqr), VN_ENC_VIQR, 0.9, "a VIQR name list");
	ok(vn_detect(viqr, strlen(viqr), g, 1) == 1, "max 1 gives one guess");
	ok(vn_detect(viqr, strlen(viqr), g, 0) == 0, "max 0 gives none");
}

static void test_samples(void)
{
	/* A UTF-8 sample cut inside a character is still UTF-8. */
	const char *s = "Nguyễn Văn Hùng, Hà Nội\nTrần Thị Thu";
	expect(s, strlen(s) - 1, VN_ENC_UTF8, 1, "UTF-8 cut inside a character");
	/* One bad byte in a UTF-8 text: still read best as UTF-8. */
	struct buf b = BUF_INIT;
	buf_adds(&b, members);
	buf_addc(&b, (char)0xFF);
	buf_adds(&b, members);
	expect(b.p, b.len, VN_ENC_UTF8, 0.9, "UTF-8 with one stray byte");
	buf_free(&b);

	/* A large text is sampled; the answer stays. */
	size_t n;
	char *one = encode(VN_ENC_VISCII, members, 0, &n);
	for (int i = 0; i < 3000; i++)
		buf_add(&b, one, n);
	expect(b.p, b.len, VN_ENC_VISCII, 0.9, "a 3 MB VISCII text");
	expect(b.p, b.len - 7, VN_ENC_VISCII, 0.9, "the same cut in the middle of a line");
	free(one);
	buf_free(&b);
	one = encode(VN_ENC_VNI, members, 0, &n);
	for (int i = 0; i < 3000; i++)
		buf_add(&b, one, n);
	expect(b.p, b.len, VN_ENC_VNI, 0.9, "a 3 MB VNI text");
	free(one);
	buf_free(&b);
}

int main(void)
{
	test_files();
	test_encoded();
	test_short();
	test_ascii();
	test_samples();
	return done_testing();
}
