/* Unit tests for src/text/name: splitting a full name, and cleaning a typed or imported one. */
#include "tap.h"

#include "text/name.h"
#include "util/buf.h"

#include <stdlib.h>

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static void check_split(const char *name, const char *sur, const char *mid, const char *given)
{
	struct vn_name p;
	size_t n = strlen(name);

	memset(&p, 0xAB, sizeof p);
	vn_name_split(name, n, &p);
	int inside = p.surname >= name && p.surname + p.surname_len <= name + n && p.middle >= name &&
		     p.middle + p.middle_len <= name + n && p.given >= name && p.given + p.given_len <= name + n;
	if (!inside) {
		ok(0, "split \"%s\": parts point into the name", name);
		return;
	}
	int good = p.surname_len == strlen(sur) && memcmp(p.surname, sur, p.surname_len) == 0 &&
		   p.middle_len == strlen(mid) && memcmp(p.middle, mid, p.middle_len) == 0 &&
		   p.given_len == strlen(given) && memcmp(p.given, given, p.given_len) == 0;
	if (!ok(good, "split \"%s\" -> [%s] [%s] [%s]", name, sur, mid, given))
		diag("got [%.*s] [%.*s] [%.*s]", (int)p.surname_len, p.surname, (int)p.middle_len, p.middle,
		     (int)p.given_len, p.given);
}

static void test_split(void)
{
	check_split("Nguyễn Văn An", "Nguyễn", "Văn", "An");
	check_split("Nguyễn Thị Ngọc Ánh", "Nguyễn", "Thị Ngọc", "Ánh");
	check_split("Lê An", "Lê", "", "An");
	check_split("An", "", "", "An");
	check_split("", "", "", "");
	check_split("   ", "", "", "");
	check_split("  Trần   Thị \t Thúy  ", "Trần", "Thị", "Thúy");
	check_split("Tôn Thất Thuyết", "Tôn Thất", "", "Thuyết");
	check_split("Tôn Thất Đạm Sĩ", "Tôn Thất", "Đạm", "Sĩ");
	check_split("Tôn Đức Thắng", "Tôn", "Đức", "Thắng");
	check_split("Tôn Nữ Thị Ninh", "Tôn Nữ", "Thị", "Ninh");
	check_split("Công Tằng Tôn Nữ Thị Tịnh Hòa", "Công Tằng Tôn Nữ", "Thị Tịnh", "Hòa");
	check_split("Công Tôn Nữ Hà", "Công Tôn Nữ", "", "Hà");
	check_split("Công Văn Tôn", "Công", "Văn", "Tôn");
	check_split("Âu Dương Phong", "Âu Dương", "", "Phong");
	check_split("Âu Cơ", "Âu", "", "Cơ");
	check_split("Nguyễn Phúc Vĩnh Thụy", "Nguyễn Phúc", "Vĩnh", "Thụy");
	check_split("Nguyễn Phúc", "Nguyễn", "", "Phúc");
	check_split("Hoàng Phủ Ngọc Tường", "Hoàng Phủ", "Ngọc", "Tường");
	check_split("Hoàng Phú Cường", "Hoàng", "Phú", "Cường");
	check_split("Tư Mã Ý", "Tư Mã", "", "Ý");
	check_split("Từ Mã Ý", "Từ", "Mã", "Ý");
	check_split("Gia Cát Lượng", "Gia Cát", "", "Lượng");
	check_split("Tư Đồ Bình", "Tư Đồ", "", "Bình");
	/* Matched without regard to case, or to marks when none were typed. */
	check_split("TÔN THẤT THUYẾT", "TÔN THẤT", "", "THUYẾT");
	check_split("ton that thuyet", "ton that", "", "thuyet");
	check_split("Ton That Thuyet", "Ton That", "", "Thuyet");
	check_split("To\u0302n Tha\u0302\u0301t Thuye\u0302\u0301t", "To\u0302n Tha\u0302\u0301t", "", "Thuye\u0302\u0301t");
	check_split("Tôn That Thuyết", "Tôn That", "", "Thuyết");
	check_split("CONG TANG TON NU THI HA", "CONG TANG TON NU", "THI", "HA");
	check_split("Au Duong Phong", "Au Duong", "", "Phong");
	check_split("Nguyễn\u00a0Văn\u00a0An", "Nguyễn", "Văn", "An");
	check_split("Nguyễn Văn A B C", "Nguyễn", "Văn A B", "C");

	/* The parts are ranges of the name itself. */
	const char *s = "Lê Văn Tám";
	struct vn_name p;
	vn_name_split(s, strlen(s), &p);
	ok(p.surname == s && p.middle == s + strlen("Lê ") && p.given == s + strlen("Lê Văn "),
	   "the parts point into the name, not into copies");
	/* Only n bytes are looked at. */
	vn_name_split(s, strlen("Lê Văn"), &p);
	ok(p.surname_len == strlen("Lê") && p.middle_len == 0 && p.given_len == strlen("Văn") &&
	   p.given == s + strlen("Lê "), "only the first n bytes are split");
}

static void check_clean(const char *in, size_t n, const char *want, const char *what)
{
	struct buf b = BUF_INIT;
	int ret = vn_name_clean(&b, in, n);
	if (ret != 0)
		diag("vn_name_clean returned %d", ret);
	is_str(buf_str(&b), want, "clean: %s", what);
	buf_free(&b);
}

static void test_clean(void)
{
	static const struct {
		const char *in, *want, *what;
	} t[] = {
		{ "NGUYỄN VĂN AN", "Nguyễn Văn An", "all capitals to title case" },
		{ "nguyễn thị đào", "Nguyễn Thị Đào", "all small letters to title case" },
		{ "Lò Văn Páo", "Lò Văn Páo", "mixed case kept" },
		{ "nguyễn Văn an", "nguyễn Văn an", "mixed case kept even when odd" },
		{ "McDONALD Ronald", "McDONALD Ronald", "mixed case kept as written" },
		{ "  nguyễn   văn\tan \n", "Nguyễn Văn An", "white space trimmed and collapsed" },
		{ "NGUYE\u0302\u0303N VA\u0306N AN", "Nguyễn Văn An", "NFD capitals: NFC title case" },
		{ "nguyê\u0303n thị thu\u0301y", "Nguyễn Thị Thúy", "tổ hợp: NFC" },
		{ "Nguye\u0302\u0303n Thị Thúy", "Nguyễn Thị Thúy", "NFD mixed case: NFC, case kept" },
		{ "H'MÔNG", "H'Mông", "a capital after an apostrophe" },
		{ "NGUYỄN-TRẦN THU HÀ", "Nguyễn-Trần Thu Hà", "and after a hyphen" },
		{ "ĐẶNG ĐÌNH ĐỨC", "Đặng Đình Đức", "Đ stays capital, the rest small" },
		{ "ƯNG ƠN ỞN", "Ưng Ơn Ởn", "horn letters" },
		{ "ưng ơn ởn", "Ưng Ơn Ởn", "horn letters from small" },
		{ "NGUYỄN VĂN 2", "Nguyễn Văn 2", "digits" },
		{ "NGUYỄN VĂN AN (TÝ)", "Nguyễn Văn An (Tý)", "a capital after a bracket" },
		{ "LÊ 2AN", "Lê 2an", "but not after a digit" },
		{ "ÇELİK AHMET", "Çelik Ahmet", "foreign capitals" },
		{ "ǆemal", "ǅemal", "a digraph letter takes its title case" },
		{ "Nguyễn\x1b[31m Văn\x1b[0m An", "Nguyễn Văn An", "colour escapes removed" },
		{ "Nguyễn\x1b]0;pwned\x07 An", "Nguyễn An", "OSC title removed" },
		{ "Nguye\x01\u0302\u0303n", "Nguyễn", "a control between a letter and its marks" },
		{ "Nguyễn\u200b Văn\u202e An\ufeff", "Nguyễn Văn An", "zero-width, bidi override and BOM removed" },
		{ "NGUYỄN\u00a0VĂN\u00a0AN", "Nguyễn Văn An", "no-break spaces become spaces" },
		{ "", "", "empty" },
		{ " \t\n ", "", "only white space" },
		{ "\x1b[2J", "", "only an escape" },
		{ "an", "An", "one word" },
		{ "北京", "北京", "no cased letters" },
	};
	for (size_t i = 0; i < COUNT(t); i++)
		check_clean(t[i].in, strlen(t[i].in), t[i].want, t[i].what);
	check_clean("NGUYỄN\0VĂN", sizeof "NGUYỄN\0VĂN" - 1, "Nguyễnvăn", "a NUL byte is removed (and the words join)");

	static const struct {
		const char *s;
		size_t n;
	} bad[] = {
		{ "Nguy\xC3", 5 },
		{ "Nguye\xE3n", 7 },
		{ "\xC0\x80", 2 },
		{ "\xED\xA0\x80", 3 },
		{ "\x1b]\xFF\x07", 4 },
	};
	for (size_t i = 0; i < COUNT(bad); i++) {
		struct buf b = BUF_INIT;
		buf_adds(&b, "keep");
		int ret = vn_name_clean(&b, bad[i].s, bad[i].n);
		ok(ret == -1 && strcmp(buf_str(&b), "keep") == 0, "invalid UTF-8 #%zu: -1, out unchanged", i);
		buf_free(&b);
	}

	struct buf b = BUF_INIT;
	buf_adds(&b, "Họ tên: ");
	ok(vn_name_clean(&b, "TRẦN AN", strlen("TRẦN AN")) == 0 && strcmp(buf_str(&b), "Họ tên: Trần An") == 0,
	   "appends to what out holds");
	buf_free(&b);

	/* Cleaning is idempotent. */
	int bad_idem = 0;
	for (size_t i = 0; i < COUNT(t); i++) {
		struct buf once = BUF_INIT, twice = BUF_INIT;
		vn_name_clean(&once, t[i].in, strlen(t[i].in));
		vn_name_clean(&twice, once.p ? once.p : "", once.len);
		if (strcmp(buf_str(&once), buf_str(&twice)) != 0) {
			diag("clean(clean(\"%s\")) changed again", t[i].in);
			bad_idem++;
		}
		buf_free(&once);
		buf_free(&twice);
	}
	is_int(bad_idem, 0, "cleaning a cleaned name changes nothing");
}

int main(void)
{
	test_split();
	test_clean();
	return done_testing();
}
