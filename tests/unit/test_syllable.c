/* Unit tests for src/text/syllable: which words are Vietnamese syllables. */
#include "tap.h"

#include "text/syllable.h"
#include "util/buf.h"

#include <stdlib.h>
#include <uninorm.h>

static bool valid(const char *w)
{
	return vn_syllable_valid(w, strlen(w));
}

static void yes(const char *w)
{
	ok(valid(w), "'%s' is a syllable", w);
}

static void no(const char *w)
{
	ok(!valid(w), "'%s' is not", w);
}

/* Every space-separated word of text is valid (or none is), counting the failures. */
static int count_bad(const char *text, bool want)
{
	int bad = 0;
	const char *p = text;
	while (*p) {
		size_t n = strcspn(p, " \n");
		if (n > 0 && vn_syllable_valid(p, n) != want) {
			diag("'%.*s' should %sbe valid", (int)n, p, want ? "" : "not ");
			bad++;
		}
		p += n;
		p += strspn(p, " \n");
	}
	return bad;
}

static void test_hard(void)
{
	static const char *const good[] = {
		"thuở", "hoàng", "quý", "già", "gì", "đồng", "Nguyễn", "khuya", "nghiêng", "giếng", "quốc",
		"hoà", "hòa", "thuý", "thúy", "oái", "ươu", "hươu", "ghe", "cát", "khuỷu", "quyền",
		"giữa", "gìn", "yêu", "yến", "uyên", "người", "rượu", "khoẻ", "khỏe", "quả", "qua", "quê",
		"quân", "quăng", "quyết", "quỳnh", "quơ", "kìa", "kiến", "kỳ", "kĩ", "mỹ", "mĩ", "lý", "lí",
		"nghỉ", "nghề", "ghế", "ghi", "gửi", "gỗ", "huỳnh", "huých", "xoong", "boong", "hoặc",
		"xoắn", "ngoặt", "khuấy", "tuần", "khuâng", "huế", "thuế", "huệ", "chuyện", "tuyết",
		"ngoằn", "ngoèo", "oai", "quạ", "giặt", "giường", "giấy", "ạ", "ừ", "ơi", "ý", "ỉa",
		"ăn", "ấm", "ông", "ếch", "ích", "anh", "ách", "oanh", "hoạch", "uống", "ước", "ướt",
		"mực", "lửa", "mưa", "của", "chùa", "mùa", "tuổi", "buổi", "nuôi", "vui", "cây", "câu",
		"mèo", "kêu", "đều", "tiêu", "hiểu", "lưu", "cừu", "gửi", "ngửi", "hỏi", "tối", "mới",
		"đâu", "sau", "máy", "tai", "sáo", "tháng", "bằng", "tập", "phép", "nhất", "trường",
		"sách", "khách", "bệnh", "xinh", "kính", "lịch", "Đặng", "BÙI", "ĐỖ", "Hồ", "ngô", "DƯƠNG",
		"Lý", "Phan", "Vũ", "Võ", "Trịnh", "Thái", "Bình", "Cạn", "Phụ", "Lưu", "Kiếm", "Lộc",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		yes(good[i]);
	static const char *const bad[] = {
		"windows", "kpă", "Kpă", "nguyeen", "ddo", "ka", "càt", "cat", "hòang", "qúy", "gìa",
		"taì", "cuả", "hoàng hoa", "", "ge", "gê", "nge", "ngi", "ghu", "ngha", "ce", "ci", "kô",
		"ă", "â", "ân nhân", "quu", "qa", "q", "tyên", "iên", "ya", "uơn", "ơc", "ếng", "ich", "x", "f", "zô", "wa", "jam", "ba1", "ba-", "a.", "Nguyễnn", "nguyễển", "đđ",
		"đăk", "lắk", "êch", "Kạn", "ü", "û", "ñ", "bå", "nghiênng", "khuyênh", "xoa̋",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		no(bad[i]);
}

static void test_forms(void)
{
	static const char *const words[] = { "Nguyễn", "thuở", "quốc", "giếng", "khuỷu", "Đặng", "ướt" };
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t len;
		uint8_t *nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)words[i], strlen(words[i]), NULL, &len);
		ok(vn_syllable_valid((const char *)nfd, len), "'%s' in NFD is valid", words[i]);
		free(nfd);
	}
	yes("NGUYỄN");
	yes("nguyễn");
	yes("nGuYễN");
	yes("Nguy\xC3\xAA\xCC\x83n");	/* tổ hợp: ê + combining tilde */
	no("Nguy\xCC\x83\xC3\xAAn");	/* a tilde on y */
	no("Ngu\xCC\x81yễn");		/* two tones */
}

/* Running text: every word a syllable. */
static void test_text(void)
{
	static const char text[] =
		"Họ và tên ngày sinh giới tính dân tộc địa chỉ chức vụ hội viên chi hội trưởng ủy viên "
		"ban chấp hành thôn xã huyện tỉnh thành phố phường quận số nhà đường khu phố ấp bản "
		"Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Văn Thị Hữu Đức "
		"Minh Thúy Thủy Hương Lan Hằng Nga Tuấn Dũng Hùng Cường Quang Khoa Khánh Nghĩa Quyết "
		"Thắng Thịnh Phượng Loan Xuân Thu Đông Hạ Yến Uyên Oanh Khuê Huệ Luyến Tuyết Nguyệt "
		"Hà Nội Hải Phòng Đà Nẵng Huế Cần Thơ Quảng Ninh Nghệ An Thanh Hóa Khánh Hòa Bắc Giang "
		"Kinh Tày Thái Mường Hoa Nùng Mông Dao Giáy Ê Đê "
		"người ta thường nói rằng muốn biết phải hỏi muốn giỏi phải học khuya sớm chuyên cần "
		"xoay xở loay hoay ngoằn ngoèo khuỷu tay quều quào nguều ngoào oái oăm thuở ấy hươu "
		"nai bướu cổ rượu chè ngoại quốc quyển sách giấc mơ giữa trưa gặp gỡ khoảng khoát";
	is_int(count_bad(text, true), 0, "a page of names, places and words is all syllables");
	int n = count_bad("Windows Excel file email password online of and with Nguyeen Nguyeenx Tranf Leej "
			  "Kpă Đăk Lắk H'Mông Krông", false);
	is_int(n, 0, "foreign words and minority-language names are not");
}

int main(void)
{
	test_hard();
	test_forms();
	test_text();
	return done_testing();
}
