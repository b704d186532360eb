/* Unit tests for src/text/ime: the rule files keymaps/{telex,vni,viqr}.ime and their parser, the
 * cases of VIETNAMESE.md §3, words and names typed in all three methods (key sequences made from
 * the expected word by a reverse function, so the list is only words), all 134 letters, the
 * cursor in the middle of a text, backspace, taking up a word after a reset, the new tone style,
 * and random typing that must always leave valid NFC text. */
#include "tap.h"

#include "text/ime.h"
#include "text/utf8.h"
#include "text/vnletter.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/rng.h"

#include <stdio.h>
#include <stdlib.h>
#include <uninorm.h>

#include "letters.h"

#define NEW VN_IME_NEW_STYLE

static struct vn_ime *telex, *vni, *viqr;

/* keymaps/NAME.ime under $HOIVIEN_DATADIR, else under the current directory (the project root). */
static struct vn_ime *load(const char *name)
{
	char path[4096];
	const char *dir = getenv("HOIVIEN_DATADIR");
	FILE *f = NULL;
	if (dir && *dir) {
		snprintf(path, sizeof path, "%s/keymaps/%s.ime", dir, name);
		f = fopen(path, "rb");
	}
	if (!f) {
		snprintf(path, sizeof path, "keymaps/%s.ime", name);
		f = fopen(path, "rb");
	}
	if (!f) {
		diag("cannot open %s", path);
		return NULL;
	}
	struct buf text = BUF_INIT;
	char block[4096];
	size_t got;
	while ((got = fread(block, 1, sizeof block, f)) > 0)
		buf_add(&text, block, got);
	fclose(f);
	struct err e;
	err_clear(&e);
	struct vn_ime *m = vn_ime_parse(buf_str(&text), text.len, path, &e);
	if (!m)
		diag("%s", e.msg);
	buf_free(&text);
	return m;
}

static bool is_nfc(const char *s)
{
	size_t n = strlen(s);
	if (utf8_validate(s, n, NULL) != 0)
		return false;
	uint8_t tmp[1024];
	size_t len = sizeof tmp;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, tmp, &len);
	bool same = r && len == n && memcmp(r, s, n) == 0;
	if (r && r != tmp)
		free(r);
	return same;
}

/* What typing keys into an empty field gives. */
static char *typed(const struct vn_ime *m, unsigned flags, const char *keys)
{
	struct buf b = BUF_INIT;
	vn_ime_type(m, flags, keys, &b);
	return buf_steal(&b);
}

static void check(const struct vn_ime *m, unsigned flags, const char *keys, const char *want)
{
	char *got = typed(m, flags, keys);
	is_str(got, want, "%s%s: \"%s\" -> \"%s\"", vn_ime_name(m), flags & NEW ? " (new style)" : "", keys, want);
	if (got && !is_nfc(got))
		diag("not NFC: %s", got);
	free(got);
}

/* ---- key sequences from words ---- */

enum method { TELEX, VNI, VIQR };

static void add_cp(struct buf *b, uint32_t cp)
{
	char u[4];
	buf_add(b, u, utf8_encode(cp, u));
}

/* The keys that type word (NFC, old or new style alike) in the method: marks right after their
 * letter, the tone at the end of the syllable (Telex, VNI; right after its vowel if early) or
 * right after its vowel (VIQR). */
static void keys_for(enum method meth, const char *word, bool early, struct buf *out)
{
	static const char TELEX_TONE[] = { 0, 'f', 'r', 'x', 's', 'j' };
	static const char VNI_TONE[] = { 0, '2', '3', '4', '1', '5' };
	static const char VIQR_TONE[] = { 0, '`', '?', '~', '\'', '.' };
	size_t n = strlen(word);
	int tone = 0;
	struct vnl_letter prev = { 0, 0, 0, 0 };
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = utf8_decode(word + i, n - i, &cp);
		if (len <= 0)
			return;
		i += (size_t)len;
		struct vnl_letter l;
		if (!vnl_split(cp, &l)) {	/* the end of a syllable */
			if (tone && meth != VIQR)
				buf_addc(out, meth == TELEX ? TELEX_TONE[tone] : VNI_TONE[tone]);
			tone = 0;
			if (meth == VIQR && strchr("'`?~.0^(+\\", (int)cp))
				buf_addc(out, '\\');
			add_cp(out, cp);
			prev.base = 0;
			continue;
		}
		buf_addc(out, (char)(l.upper ? l.base - 0x20 : l.base));
		/* Telex: the second o of xoong would make ô; typed twice, it undoes that. */
		if (meth == TELEX && !l.mod && !prev.mod && prev.base == l.base && strchr("aeo", l.base))
			buf_addc(out, (char)l.base);
		switch (l.mod) {
		case VNL_MOD_CIRC: buf_addc(out, meth == TELEX ? (char)l.base : meth == VNI ? '6' : '^'); break;
		case VNL_MOD_BREVE: buf_addc(out, meth == TELEX ? 'w' : meth == VNI ? '8' : '('); break;
		case VNL_MOD_HORN: buf_addc(out, meth == TELEX ? 'w' : meth == VNI ? '7' : '+'); break;
		case VNL_MOD_STROKE: buf_addc(out, meth == TELEX ? 'd' : meth == VNI ? '9' : 'd'); break;
		}
		if (l.tone && meth == VIQR)
			buf_addc(out, VIQR_TONE[l.tone]);
		else if (l.tone && early)
			buf_addc(out, meth == TELEX ? TELEX_TONE[l.tone] : VNI_TONE[l.tone]);
		else if (l.tone)
			tone = l.tone;
		prev = l;
	}
	if (tone && meth != VIQR)
		buf_addc(out, meth == TELEX ? TELEX_TONE[tone] : VNI_TONE[tone]);
}

static const struct vn_ime *method(enum method meth)
{
	return meth == TELEX ? telex : meth == VNI ? vni : viqr;
}

/* Type the keys for each word, alone and followed by a space: the word comes back (and is a
 * syllable, so the space keeps it). */
static void round_trip(const char *const *words, size_t n, unsigned flags, bool spaces, bool early,
		       const char *what)
{
	for (int meth = TELEX; meth <= (early ? VNI : VIQR); meth++) {
		int bad = 0, notnfc = 0;
		for (size_t i = 0; i < n; i++) {
			struct buf keys = BUF_INIT, want = BUF_INIT;
			keys_for((enum method)meth, words[i], early, &keys);
			for (int space = 0; space < 1 + spaces; space++) {
				if (space) {
					buf_addc(&keys, ' ');
					buf_adds(&want, words[i]);
					buf_addc(&want, ' ');
				}
				char *got = typed(method((enum method)meth), flags, buf_str(&keys));
				const char *w = space ? buf_str(&want) : words[i];
				if (strcmp(got, w) != 0) {
					if (bad++ < 10)
						diag("%s: \"%s\" gave \"%s\", not \"%s\"", vn_ime_name(method((enum method)meth)),
						     buf_str(&keys), got, w);
				}
				notnfc += !is_nfc(got);
				free(got);
			}
			buf_free(&keys);
			buf_free(&want);
		}
		is_int(bad, 0, "%s: %zu %s typed back%s%s", vn_ime_name(method((enum method)meth)), n, what,
		       early ? ", the tone right after its vowel" : "", spaces ? " (alone and before a space)" : "");
		is_int(notnfc, 0, "%s: and all NFC", vn_ime_name(method((enum method)meth)));
	}
}

/* ---- the tests ---- */

static void test_files(void)
{
	telex = load("telex");
	vni = load("vni");
	viqr = load("viqr");
	ok(telex && vni && viqr, "keymaps/telex.ime, vni.ime and viqr.ime parse");
	if (!telex || !vni || !viqr)
		exit(done_testing());
	is_str(vn_ime_name(telex), "TELEX", "Telex calls itself TELEX");
	is_str(vn_ime_name(vni), "VNI", "VNI calls itself VNI");
	is_str(vn_ime_name(viqr), "VIQR", "VIQR calls itself VIQR");
}

static void test_telex(void)
{
	static const char *const t[][2] = {
		{ "thuowr", "thuở" }, { "hoafng", "hoàng" }, { "quys", "quý" }, { "giaf", "già" },
		{ "gif", "gì" }, { "ddoongf", "đồng" }, { "Nguyeenx", "Nguyễn" }, { "windows ", "windows " },
		{ "aaa", "aa" }, { "luaatj", "luật" }, { "tuwowngf", "tường" }, { "uwow", "ươ" }, { "uow", "ươ" },
		{ "hoaf", "hòa" }, { "thuys", "thúy" }, { "khoer", "khỏe" }, { "Vieetj Nam", "Việt Nam" },
		{ "ass", "as" }, { "ddd", "dd" },
		/* uo with one w: ươ, but uơ at the end of a syllable after a consonant */
		{ "tuowng", "tương" }, { "huow", "huơ" }, { "huowng", "hương" }, { "thuowrng", "thưởng" },
		{ "nguowif", "người" }, { "ruowuj", "rượu" }, { "quow", "quơ" }, { "dduowcj", "được" },
		{ "uowcs", "ước" }, { "thuwowr", "thưở" },
		/* the tone moves as the word grows, and may come anywhere after the vowel */
		{ "hoafn", "hoàn" }, { "hoanf", "hoàn" }, { "huyfnh", "huỳnh" }, { "tieesng", "tiếng" },
		{ "Nguyenxe", "Nguyễn" }, { "tieng", "tieng" }, { "cuar", "của" }, { "khuyar", "khuỷa" },
		{ "ngoaif", "ngoài" }, { "khuyru", "khuỷu" }, { "ngoeof", "ngoèo" }, { "gifn", "gìn" },
		{ "giuwx", "giữ" }, { "giuwowngf", "giường" }, { "quyeets", "quyết" }, { "hoawcj", "hoặc" },
		{ "muaw", "mưa" }, { "muawf", "mừa" }, { "gui", "gui" }, { "guwir", "gửi" },
		/* undo, and the key typed as it is */
		{ "aaaa", "aaa" }, { "asss", "ass" }, { "aww", "aw" }, { "ddaa", "đâ" }, { "muaww", "muaw" },
		{ "tuowww", "tuoww" }, { "asz", "a" }, { "az", "az" }, { "awa", "â" }, { "aaw", "ă" },
		{ "xooong", "xoong" }, { "zalo", "zalo" }, { "w", "w" }, { "s", "s" },
		/* case follows the letter typed */
		{ "NGUYEENX", "NGUYỄN" }, { "DDaa", "Đâ" }, { "DDAA", "ĐÂ" }, { "dD", "đ" }, { "AAS", "Ấ" },
		{ "VIEETJ NAM", "VIỆT NAM" }, { "tRUWOWNGF", "tRƯỜNG" }, { "AAA", "AA" },
		/* not Vietnamese: given back as typed at a space, punctuation or digit */
		{ "text ", "text " }, { "text", "tẽt" }, { "texts", "tét" }, { "boot ", "boot " },
		{ "cafe ", "cafe " }, { "Samsung,", "Samsung," }, { "email.", "email." }, { "bawt ", "bawt " },
		{ "Facebook ", "Facebook " }, { "hello ", "hello " }, { "dd/c", "đ/c" }, { "DD.T.Haf", "Đ.T.Hà" },
		{ "Office ", "Office " }, { "boss ", "boss " }, { "Harvard ", "Harvard " }, { "Asus ", "Asus " },
		{ "ass ", "ass " }, { "ddd ", "dd " }, { "wow ", "wow " }, { "free ", "free " }, { "DDHQG ", "ĐHQG " },
		{ "Vieetjn ", "Vieetjn " }, { "text1", "text1" }, { "aw ", "aw " }, { "aa.", "aa." },
		/* digits are plain in Telex */
		{ "Phongf 12", "Phòng 12" }, { "2026", "2026" }, { "a1", "a1" }, { "as1", "á1" },
		/* names of minority peoples */
		{ "Kpaw", "Kpă" }, { "Kpaw ", "Kpă " }, { "Ee DDee", "Ê Đê" }, { "Niee ", "Niê " },
		{ "H'Moong", "H'Mông" }, { "Mloo ", "Mlô " }, { "DDawks Lawks", "Đắk Lắk" },
		{ "Ksor ", "Ksỏ " }, { "Kow Ho ", "Kơ Ho " }, { "Jrai ", "Jrai " },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		check(telex, 0, t[i][0], t[i][1]);
}

static void test_vni(void)
{
	static const char *const t[][2] = {
		{ "Nguye6n4", "Nguyễn" }, { "tho73", "thở" }, { "thuo73", "thuở" }, { "d9o6ng2", "đồng" },
		{ "quy1", "quý" }, { "qu1y", "quý" }, { "a66", "a6" }, { "Pho2ng 12", "Phòng 12" }, { "2026", "2026" },
		{ "tu7o7ng2", "tường" }, { "tuo7ng2", "tường" }, { "u7o7", "ươ" }, { "Vie6t5 Nam", "Việt Nam" },
		{ "lua6t5", "luật" }, { "hoa2", "hòa" }, { "thuy1", "thúy" }, { "khoe3", "khỏe" },
		{ "gia2", "già" }, { "gi2", "gì" }, { "a11", "a1" }, { "d99", "d9" }, { "a1 0", "á 0" },
		{ "Nguyen64", "Nguyễn" }, { "dong962", "đồng" }, { "a10", "a" }, { "so61 12/3", "số 12/3" },
		{ "Ph100", "Ph100" }, { "P.7", "P.7" }, { "12a", "12a" }, { "b2", "b2" }, { "a8", "ă" },
		{ "a86", "â" }, { "D9a8k1 La8k1", "Đắk Lắk" }, { "Kpa8", "Kpă" }, { "H'Mo6ng", "H'Mông" },
		{ "te6x5t ", "te6x5t " }, { "A11 ", "A1 " }, { "a66 ", "a6 " }, { "Lo6 A11, P.72", "Lô A1, P.72" }, { "Ksor ", "Ksor " }, { "NGUYE6N4", "NGUYỄN" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		check(vni, 0, t[i][0], t[i][1]);
}

static void test_viqr(void)
{
	static const char *const t[][2] = {
		{ "Nguye^~n", "Nguyễn" }, { "tho+?", "thở" }, { "u+o+", "ươ" }, { "dd", "đ" },
		{ "Vie^.t Nam", "Việt Nam" }, { "H'Mo^ng", "H'Mông" }, { "\\\\", "\\" }, { "thuo+?", "thuở" },
		{ "ngu+o+`i", "người" }, { "Nam\\.", "Nam." }, { "a\\'", "a'" }, { "d\\d", "dd" },
		{ "Ha` No^.i", "Hà Nội" }, { "Hoa`", "Hòa" }, { "a^^", "a^" }, { "a''", "a'" }, { "DD", "Đ" },
		{ "Ddo^`ng", "Đồng" }, { "ddo^`ng", "đồng" }, { "o'0", "o" }, { "\\", "\\" },
		{ "Hi?", "Hỉ" }, { "Sao?", "Sảo" }, { "Sao\\?", "Sao?" }, { "Kpa(", "Kpă" },
		{ "E^ DDe^", "Ê Đê" }, { "qua(n", "quăn" }, { "What's up?", "What's up?" },
		/* a mark acts only right after its letter: punctuation after a consonant stays */
		{ "Nam.", "Nam." }, { "OK.", "OK." }, { "don't ", "don't " }, { "Ha` No^.i.", "Hà Nội." },
		{ "Hoa`", "Hòa" }, { "Ho`a", "Hòa" }, { "Vie.^t", "Việt" }, { "Vie^t.", "Vie^t." }, { "d\'dd", "d'đ" },
		{ "I'm ", "Ím " }, { "Sao?", "Sảo" }, { "u+o+`", "ườ" }, { "uo+", "uơ" }, { "huo+ng", "huơng" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		check(viqr, 0, t[i][0], t[i][1]);
}

static void test_styles(void)
{
	/* Typed alike; the style decides where the tone of open oa, oe, uy goes, and only there. */
	static const char *const t[][3] = {
		{ "hoaf", "hòa", "hoà" }, { "thuys", "thúy", "thuý" }, { "khoer", "khỏe", "khoẻ" },
		{ "Thuyr", "Thủy", "Thuỷ" }, { "hoaj", "họa", "hoạ" }, { "xoas", "xóa", "xoá" },
		{ "tuyf", "tùy", "tuỳ" }, { "luyx", "lũy", "luỹ" }, { "uys", "úy", "uý" }, { "xoef", "xòe", "xoè" },
		{ "hoanf", "hoàn", "hoàn" }, { "cuar", "của", "của" }, { "thuowr", "thuở", "thuở" },
		{ "quys", "quý", "quý" }, { "giaf", "già", "già" }, { "kiaf", "kìa", "kìa" }, { "haif", "hài", "hài" },
		{ "hoaf ", "hòa ", "hoà " }, { "huyfnh", "huỳnh", "huỳnh" }, { "khoets", "khoét", "khoét" },
		{ "ngoaif", "ngoài", "ngoài" }, { "muaf", "mùa", "mùa" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		check(telex, 0, t[i][0], t[i][1]);
		check(telex, NEW, t[i][0], t[i][2]);
	}
	check(vni, NEW, "hoa2", "hoà");
	check(viqr, NEW, "ho`a", "hoà");
	check(viqr, 0, "hoa`", "hòa");
}

/* Common syllables, names and places, in the old style. */
static const char *const WORDS[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
	"Ngô", "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Lâm", "Phùng", "Mai", "Tô", "Hà",
	"Tạ", "Lương", "Đinh", "Cao", "Quách", "Thái", "Lưu", "Kiều", "Âu", "Ông", "Khúc", "Tăng", "Triệu",
	"Doãn", "Giang", "Mạc", "Châu", "Bạch", "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Thành",
	"Thảo", "Hương", "Hường", "Hằng", "Hạnh", "Hiền", "Huệ", "Hoa", "Hòa", "Thúy", "Thủy", "Tuấn",
	"Tú", "Tùng", "Dũng", "Dung", "Duy", "Khoa", "Khánh", "Khôi", "Khuê", "Kiên", "Kiệt", "Lan",
	"Linh", "Loan", "Long", "Lộc", "Lợi", "Luân", "Ly", "My", "Mỹ", "Nam", "Nga", "Ngọc", "Nguyệt",
	"Nhung", "Nhàn", "Oanh", "Phong", "Phúc", "Phương", "Phượng", "Quân", "Quang", "Quốc", "Quyên",
	"Quỳnh", "Sơn", "Sương", "Tâm", "Tân", "Thắng", "Thiện", "Thịnh", "Thoa", "Thu", "Thư", "Thương",
	"Tiến", "Toàn", "Trang", "Trinh", "Trí", "Trọng", "Trung", "Tuyết", "Uyên", "Vân", "Việt", "Vinh",
	"Xuân", "Yến", "Ánh", "Ân", "Bảo", "Bích", "Chi", "Chiến", "Cường", "Diễm", "Diệp", "Điệp", "Hải",
	"Hậu", "Hiếu", "Hoài", "Hùng", "Huyền", "Khải", "Kim", "Lực", "Mạnh", "Nghĩa", "Nhân", "Phát",
	"Quý", "Sang", "Tài", "Thông", "Tín", "Tường", "Út", "Vy", "Yên", "Hà Nội", "Việt Nam", "Đà Nẵng",
	"Huế", "Quảng Ngãi", "Bình Định", "Khánh Hòa", "Đắk Lắk", "Gia Lai", "Kon Tum", "Lâm Đồng",
	"Cần Thơ", "Hải Phòng", "Thừa Thiên", "Nghệ An", "Thanh Hóa", "Quảng Trị", "Bắc Ninh", "Hưng Yên",
	"Thái Bình", "Ninh Bình", "Tuyên Quang", "Điện Biên", "Sơn La", "Lào Cai", "Yên Bái", "Phú Thọ",
	"Vĩnh Phúc", "Bến Tre", "Trà Vinh", "Sóc Trăng", "Bạc Liêu", "Cà Mau", "Kiên Giang", "Đồng Tháp",
	"Long An", "Tây Ninh", "Bình Dương", "Đồng Nai", "phường", "xã", "huyện", "tỉnh", "thành phố",
	"quận", "thôn", "ấp", "bản", "làng", "đường", "số", "nhà", "của", "người", "được", "những",
	"không", "trong", "này", "với", "cho", "các", "một", "có", "là", "đã", "để", "năm", "tháng",
	"ngày", "đồng chí", "hội viên", "đoàn viên", "thanh niên", "phụ nữ", "công đoàn", "cựu chiến binh",
	"nông dân", "mặt trận", "tổ quốc", "khuya", "khuỷu", "ngoằn ngoèo", "xoong", "thuở", "huơ", "quơ",
	"giữa", "giường", "gì", "già", "quyết", "quyển", "khuấy", "tuổi", "rượu", "hươu", "ươm", "ước",
	"yêu", "yếu", "uống", "oái", "hoạch", "hoặc", "xoăn", "khoét", "huých", "tuýt", "luật", "chuyện",
	"nguyên", "khuyên", "thuyền", "gieo", "giếng", "giặt", "nghiêng", "nghề", "ghế", "ghi", "kẻ", "kỹ",
	"cười", "mười", "cứu", "chịu", "dìu", "kìa", "mía", "chia", "ơi", "ôi", "ối", "ừ", "ạ", "à", "ơn",
	"ăn", "ắt", "ấy", "ẩm", "ở", "ông", "bà", "anh", "chị", "em", "cháu", "con", "ngoại", "nội",
	"thuê", "khỏe", "ngoan", "toán", "hoàn", "khoản", "quần", "áo", "tuần", "luôn", "muốn", "buồn",
	"cuối", "đuổi", "suối", "nước", "mượn", "bướm", "lướt", "vườn", "trường", "thưởng", "dưỡng",
	"sưởi", "gửi", "ngửi", "hưu", "bưu điện", "biển", "tiếng", "việc", "miệng", "ngoài", "xoài",
	"loay hoay", "xoáy", "quạ", "quà", "quê", "quên", "quýt", "quyền", "gìn giữ", "giặc", "giỏi",
	"giàu", "giấy", "giết", "Kpă", "Niê", "Mlô", "H'Mông", "Ê Đê", "Rơ Chăm", "Jrai",
	"Y Bih", "Buôn Ma Thuột", "Krông Búk", "Cư Jút", "Đắk Nông", "Pleiku",
};

static void test_words(void)
{
	round_trip(WORDS, sizeof WORDS / sizeof WORDS[0], 0, true, false, "words and names");
	round_trip(WORDS, sizeof WORDS / sizeof WORDS[0], 0, true, true, "words and names");

	/* All 134 letters, each typed alone: "Ắ" is Aws, A81, A('.  (Not before a space: ă and â
	 * alone are no syllable, so "aw " stays "aw ".) */
	const char *letters_nfc[NLETTERS];
	for (size_t i = 0; i < NLETTERS; i++)
		letters_nfc[i] = letters[i].nfc;
	round_trip(letters_nfc, NLETTERS, 0, false, false, "letters");
}

static void test_errors(void)
{
	struct err e;
	err_clear(&e);
	const char *bad = "# a bad file\n"
			  "name TOY\n"
			  "tone s sac\n"
			  "tone S huyen\n"	/* 4: the same key */
			  "tonne f huyen\n"	/* 5: unknown directive */
			  "tone ss hoi\n"	/* 6: bad key */
			  "tone r grave\n"	/* 7: unknown tone */
			  "mod 6 i circumflex\n"	/* 8: i takes no circumflex */
			  "mod w a breve\n"
			  "mod w a breve\n"	/* 10: the same rule */
			  "mod s a circumflex\n"	/* 11: s is a tone key */
			  "mod 7 uo horn # ok\n"
			  "mod 7 ab horn\n"	/* 13: bad letters */
			  "mod 8 a umlaut\n"	/* 14: unknown mark */
			  "name AGAIN\n"		/* 15: a second name */
			  "escape\n"		/* 16: missing key */
			  "mod 9 dd stroke\n"	/* 17: no pairs of consonants */
			  "mark-keys here\n";	/* 18: unknown value */
	ok(!vn_ime_parse(bad, strlen(bad), "toy.ime", &e), "a bad rule file does not parse");
	static const char *const lines[] = { "toy.ime:4: ", "toy.ime:5: ", "toy.ime:6: ", "toy.ime:7: " };
	int missing = 0;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (!strstr(e.msg, lines[i])) {
			diag("no %s in the message", lines[i]);
			missing++;
		}
	is_int(missing, 0, "the bad lines are reported as path:line in e->msg, as many as fit");
	ok(strstr(e.msg, "more)") != NULL, "and those that do not fit are counted");
	ok(!strstr(e.msg, "toy.ime:12:") && !strstr(e.msg, "toy.ime:9:") && !strstr(e.msg, "toy.ime:3:"),
	   "good lines are not reported");

	struct buf errs = BUF_INIT;
	ok(!vn_ime_compile(bad, strlen(bad), "toy.ime", &errs), "vn_ime_compile refuses it too");
	size_t nlines = 0;
	for (const char *p = buf_str(&errs); (p = strchr(p, '\n')); p++)
		nlines++;
	is_int(nlines, 13, "and lists all 13 bad lines");
	ok(strstr(buf_str(&errs), "toy.ime:4: duplicate key 's' (already used on line 3)") != NULL,
	   "a duplicate key names the line of the first");
	ok(strstr(buf_str(&errs), "toy.ime:5: unknown directive 'tonne'") != NULL, "an unknown directive");
	ok(strstr(buf_str(&errs), "toy.ime:6: bad key 'ss'") != NULL, "a bad key");
	ok(strstr(buf_str(&errs), "toy.ime:17: 'dd' cannot take the mark 'stroke'") != NULL,
	   "a pair of consonants");
	ok(strstr(buf_str(&errs), "toy.ime:18: unknown mark-keys 'here'") != NULL, "a bad mark-keys");
	buf_reset(&errs);

	const char *noname = "tone s sac\n";
	ok(!vn_ime_compile(noname, strlen(noname), "x.ime", &errs) &&
	   strstr(buf_str(&errs), "x.ime: no 'name' line") != NULL, "a file without a name line is refused");
	buf_reset(&errs);
	ok(!vn_ime_compile("", 0, "empty.ime", &errs) && strstr(buf_str(&errs), "empty.ime: no 'name'"),
	   "so is an empty file");
	buf_reset(&errs);
	const char *junk = "name X\nname\nname A B\nname toolongnameforastatusline\nname ä\n";
	ok(!vn_ime_compile(junk, strlen(junk), "n.ime", &errs) && strstr(buf_str(&errs), "n.ime:2: ") &&
	   strstr(buf_str(&errs), "n.ime:3: ") && strstr(buf_str(&errs), "n.ime:4: ") &&
	   strstr(buf_str(&errs), "n.ime:5: "), "bad name lines");
	buf_reset(&errs);
	static const char nul[] = "name X\ntone \0 sac\ntone \xff sac\n";
	ok(!vn_ime_compile(nul, sizeof nul - 1, "z.ime", &errs) && strstr(buf_str(&errs), "z.ime:2: a NUL") &&
	   strstr(buf_str(&errs), "z.ime:3: invalid UTF-8"), "a NUL byte and invalid UTF-8");
	buf_free(&errs);

	/* A BOM, CRLF, comments, the '#' key, and a method nobody has: the engine does what the
	 * file says. */
	const char *toy = "\xef\xbb\xbfname TOY\r\n# q is sac, k a circumflex, # nang\r\n"
			  "tone q sac  # comment\r\nmod k a circumflex\r\ntone # nang\r\nescape @\r\n"
			  "mark-keys after-letter\r\n";
	struct vn_ime *m = vn_ime_parse(toy, strlen(toy), "toy.ime", &e);
	ok(m != NULL, "BOM, CRLF, comments and a '#' key parse");
	if (m) {
		is_str(vn_ime_name(m), "TOY", "the name");
		check(m, 0, "akq", "ấ");
		check(m, 0, "ak#", "ậ");
		check(m, 0, "aas", "aas");
		check(m, 0, "a@q", "aq");
		check(m, 0, "akk", "ak");
		check(m, 0, "hak", "hâ");
		check(m, 0, "ahk", "ahk");
		vn_ime_free(&m);
		ok(m == NULL, "vn_ime_free NULLs the pointer");
	}
	vn_ime_free(&m);
	vn_ime_free(NULL);
	is_str(vn_ime_name(NULL), "", "vn_ime_name(NULL)");
}

/* Type keys into text at byte offset at; returns the text, *at_out the cursor. */
static char *type_at(const struct vn_ime *m, const char *text, size_t at, const char *keys, size_t *at_out)
{
	struct buf b = BUF_INIT;
	struct vn_ime_state st;
	buf_adds(&b, text);
	vn_ime_reset(&st);
	for (const char *k = keys; *k; k++)
		vn_ime_key(m, 0, &st, &b, &at, (unsigned char)*k);
	if (at_out)
		*at_out = at;
	return buf_steal(&b);
}

static void test_cursor(void)
{
	size_t at;
	char *s = type_at(telex, "Viet Nam", 4, "je", &at);
	is_str(s, "Việt Nam", "Telex in the middle of a text: the word before the cursor");
	is_int(at, strlen("Việt"), "the cursor after it");
	free(s);
	s = type_at(telex, "Nguyên Văn A", strlen("Nguyên"), "x", &at);
	is_str(s, "Nguyễn Văn A", "after a reset, a tone on the word as the text has it");
	free(s);
	s = type_at(telex, "Nguyen", 6, "ex", NULL);
	is_str(s, "Nguyễn", "Nguyen + e + x: Nguyễn");
	free(s);
	s = type_at(telex, "Nguyen", 6, "x", NULL);
	is_str(s, "Nguyẽn", "Nguyen + x: the tone on e, where uyê has it (no ê is invented)");
	free(s);
	s = type_at(telex, "Nguyễn", strlen("Nguyễn"), "x", NULL);
	is_str(s, "Nguyênx", "the same tone again undoes it");
	free(s);
	s = type_at(telex, "hoà", strlen("hoà"), " ", NULL);
	is_str(s, "hoà ", "a space after a word taken up from the text leaves it as it was");
	free(s);
	s = type_at(telex, "hoà", strlen("hoà"), "n", NULL);
	is_str(s, "hoàn", "typing into it writes it in the engine's style");
	free(s);
	s = type_at(telex, "ab cd", 1, "s", &at);
	is_str(s, "áb cd", "only the letters before the cursor are the word");
	is_int(at, strlen("á"), "cursor");
	free(s);
	s = type_at(vni, "Phong 12", 5, "2", NULL);
	is_str(s, "Phòng 12", "VNI in the middle");
	free(s);
	s = type_at(telex, "Hòá", strlen("Hòá"), "s", NULL);
	is_str(s, "Hòás", "a word with two tones is not taken up: the key is a letter");
	free(s);
	s = type_at(telex, "x", 0, "dd", NULL);
	is_str(s, "đx", "at the start of the text");
	free(s);

	/* The caller forgets to reset: the engine sees the text changed and takes up the word. */
	struct buf b = BUF_INIT;
	struct vn_ime_state st = { .valid = false };
	size_t pos = 0;
	for (const char *k = "Nguyeen"; *k; k++)
		vn_ime_key(telex, 0, &st, &b, &pos, (unsigned char)*k);
	buf_reset(&b);
	buf_adds(&b, "Trân");
	pos = b.len;
	vn_ime_key(telex, 0, &st, &b, &pos, 'f');
	is_str(buf_str(&b), "Trần", "a stale state is noticed");
	vn_ime_key(telex, 0, &st, &b, &pos, 0x0301);
	is_str(buf_str(&b), "Trầ\u0144", "a combining mark typed joins the letter before it (n + acute: ń)");
	buf_reset(&b);
	pos = 0;
	vn_ime_reset(&st);
	vn_ime_key(telex, 0, &st, &b, &pos, 'e');
	vn_ime_key(telex, 0, &st, &b, &pos, 0x0302);
	vn_ime_key(telex, 0, &st, &b, &pos, 0x0301);
	is_str(buf_str(&b), "ế", "combining marks typed join the letter: NFC");
	is_int(pos, strlen("ế"), "cursor after it");
	buf_reset(&b);
	pos = 0;
	vn_ime_reset(&st);
	vn_ime_key(telex, 0, &st, &b, &pos, 0x1EA5);	/* ấ, from a keyboard that has it */
	vn_ime_key(telex, 0, &st, &b, &pos, 'n');
	vn_ime_key(telex, 0, &st, &b, &pos, 0xE0);	/* à: a second tone, a second word */
	vn_ime_key(telex, 0, &st, &b, &pos, 'y');
	vn_ime_key(telex, 0, &st, &b, &pos, '\t');
	vn_ime_key(telex, 0, &st, &b, &pos, 'x');
	is_str(buf_str(&b), "ấnàyx", "Vietnamese letters typed as keys; a control key ends the word, not inserted");
	buf_reset(&b);
	buf_adds(&b, "e\u0301x");
	pos = 1;	/* between e and its mark */
	vn_ime_reset(&st);
	vn_ime_key(telex, 0, &st, &b, &pos, 'n');
	is_str(buf_str(&b), "e\u0301nx", "a cursor inside a letter's marks counts as after them");
	buf_free(&b);
}

static void test_backspace(void)
{
	check(telex, 0, "Nguyeenx\b", "Nguyễ");
	check(telex, 0, "Nguyeenx\b\b", "Nguy");
	check(telex, 0, "Nguyeenx\b\beenx", "Nguyễn");
	check(telex, 0, "Nguyeenx\b\bn", "Nguyn");
	check(telex, 0, "hoafn\b", "hòa");
	check(telex, NEW, "hoafn\b", "hoà");
	check(telex, 0, "hoafn\bg", "hoàg");
	check(telex, 0, "tuwowngf\b\bn", "tườn");
	check(telex, 0, "Vieetj\b\bt Nam", "Vit Nam");
	check(telex, 0, "aa\baa", "â");
	check(telex, 0, "a\b\b\bb", "b");
	check(telex, 0, "Hà \bNooij", "HàNooij");
	check(telex, 0, "Hà \b\bf", "Hf");
	check(vni, 0, "d9o6ng2\b\b\bo6ng2", "đồng");

	struct buf b = BUF_INIT;
	struct vn_ime_state st = { .valid = false };
	buf_adds(&b, "Nguye\u0302\u0303n");	/* NFD, not what the engine writes */
	size_t at = b.len - 1;
	vn_ime_backspace(&st, &b, &at);
	is_str(buf_str(&b), "Nguyn", "backspace takes a letter with all its combining marks");
	is_int(at, 4, "cursor");
	at = 0;
	vn_ime_backspace(&st, &b, &at);
	is_str(buf_str(&b), "Nguyn", "backspace at the start does nothing");
	vn_ime_backspace(NULL, &b, &at);
	buf_free(&b);
}

static void test_end_word(void)
{
	struct buf b = BUF_INIT;
	struct vn_ime_state st = { .valid = false };
	size_t at = 0;
	for (const char *k = "text"; *k; k++)
		vn_ime_key(telex, 0, &st, &b, &at, (unsigned char)*k);
	is_str(buf_str(&b), "tẽt", "while typing, text looks like tẽt");
	vn_ime_end_word(telex, 0, &st, &b, &at);
	is_str(buf_str(&b), "text", "vn_ime_end_word gives the keys back");
	is_int(at, 4, "cursor");
	buf_reset(&b);
	at = 0;
	vn_ime_reset(&st);
	for (const char *k = "Vieetj"; *k; k++)
		vn_ime_key(telex, 0, &st, &b, &at, (unsigned char)*k);
	vn_ime_end_word(telex, 0, &st, &b, &at);
	is_str(buf_str(&b), "Việt", "and keeps a syllable");
	buf_free(&b);
}

/* Random keys, backspaces, cursor moves and resets: the text stays valid NFC, the cursor on a
 * character boundary within it. */
static void test_random(void)
{
	static const char KEYS[] = "aeiouydwsfrxjzAEODWS0123456789^(+'`?~.\\ ,-/qngthcmpkl";
	struct rng r;
	rng_seed(&r, 2026);
	for (int meth = TELEX; meth <= VIQR; meth++) {
		const struct vn_ime *m = method((enum method)meth);
		int bad = 0;
		for (int round = 0; round < 300; round++) {
			struct buf b = BUF_INIT;
			struct vn_ime_state st = { .valid = false };
			size_t at = 0;
			unsigned flags = rng_below(&r, 2) ? NEW : 0;
			for (int i = 0; i < 120; i++) {
				uint32_t x = rng_below(&r, 100);
				if (x < 6) {
					vn_ime_backspace(&st, &b, &at);
				} else if (x < 8) {
					at = rng_below(&r, (uint32_t)b.len + 1);
					while (at > 0 && at < b.len && ((unsigned char)b.p[at] & 0xC0) == 0x80)
						at--;
					vn_ime_reset(&st);
				} else if (x < 9) {
					vn_ime_key(m, flags, &st, &b, &at, 0x0300 + rng_below(&r, 0x30));
				} else if (x < 10) {
					vn_ime_end_word(m, flags, &st, &b, &at);
				} else if (x < 11) {
					vn_ime_key(m, flags, &st, &b, &at, 0x1EA0 + rng_below(&r, 0x5A));
				} else if (x < 12) {	/* anything: Greek, Devanagari, Hangul jamo, ... */
					vn_ime_key(m, flags, &st, &b, &at, 0xA0 + rng_below(&r, 0x30000));
				} else {
					vn_ime_key(m, flags, &st, &b, &at, (unsigned char)KEYS[rng_below(&r, sizeof KEYS - 1)]);
				}
				const char *s = buf_str(&b);
				if (!is_nfc(s) || at > b.len || (at < b.len && ((unsigned char)s[at] & 0xC0) == 0x80) ||
				    strlen(s) != b.len) {
					if (bad++ < 5)
						diag("%s: bad text '%s' or cursor %zu", vn_ime_name(m), s, at);
					break;
				}
			}
			buf_free(&b);
		}
		is_int(bad, 0, "%s: random typing always leaves valid NFC text and a good cursor", vn_ime_name(m));
	}
}

int main(void)
{
	test_files();
	test_telex();
	test_vni();
	test_viqr();
	test_styles();
	test_words();
	test_errors();
	test_cursor();
	test_backspace();
	test_end_word();
	test_random();
	vn_ime_free(&telex);
	vn_ime_free(&vni);
	vn_ime_free(&viqr);
	return done_testing();
}
