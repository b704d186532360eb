/* The weighted tables of the demo generator, and how each of Vietnam's peoples writes names. */
#include "core/demo_data.h"
#include "core/demo_priv.h"

#include "core/record.h"
#include "util/rng.h"

#include <string.h>

/* An entry with one weight for all three columns, and one with three. */
#define E1(s, a) { s, { a, a, a } }
#define E3(s, a, b, c) { s, { a, b, c } }
#define TAB(a) a, sizeof a / sizeof a[0]

/* Shares in 0.01% (VIETNAMESE.md §6); each column sums to 10000.  Hoàng/Huỳnh and Vũ/Võ keep
 * their combined share in every region and shift between the two spellings. */
static const struct demo_name SURNAME[] = {
	E1("Nguyễn", 3800), E1("Trần", 1100), E1("Lê", 950), E1("Phạm", 710),
	E3("Hoàng", 500, 250, 100), E3("Huỳnh", 10, 260, 410), E1("Phan", 450),
	E3("Vũ", 380, 90, 60), E3("Võ", 10, 300, 330), E1("Đặng", 210), E1("Bùi", 200),
	E1("Đỗ", 140), E1("Hồ", 130), E1("Ngô", 130), E1("Dương", 100), E1("Lý", 50),
	/* the long tail: 11.3% */
	E3("Đào", 110, 85, 20), E1("Đoàn", 80), E1("Đinh", 80), E1("Trịnh", 70), E1("Trương", 64),
	E3("Lâm", 30, 40, 80), E1("Mai", 50), E1("Cao", 50), E1("Lương", 50), E1("Hà", 50),
	E1("Tạ", 30), E1("Lưu", 30), E1("Phùng", 30), E1("Chu", 25), E1("Tô", 25), E1("Kiều", 20),
	E1("Triệu", 20), E1("Thái", 20), E1("Quách", 15), E1("Lại", 15), E1("Doãn", 15),
	E1("Vương", 15), E1("Giang", 15), E1("Tống", 15), E3("Châu", 5, 20, 45), E1("Nghiêm", 15),
	E1("Thân", 10), E1("Đàm", 10), E1("Văn", 10), E1("Từ", 10), E1("La", 10), E1("Tăng", 10),
	E1("Mạc", 10), E1("Hứa", 10), E1("Lã", 8), E1("Khúc", 8), E1("Tôn", 8), E1("Ninh", 8),
	E1("Đồng", 8), E1("Âu", 5), E1("Diệp", 5), E1("Kim", 5), E1("Khổng", 5), E1("Hàn", 5),
	E1("Ông", 5), E1("Cù", 5), E1("Bạch", 5), E1("Quan", 5), E1("Lục", 5), E1("Nông", 4),
	E1("Vi", 3), E1("Lò", 3), E1("Sầm", 3), E1("Mẫn", 3),
};

/* Cohorts: born before 1960, 1960–1989, from 1990.  Văn and Thị carry the shares they have in
 * each cohort (70/45/20% of men, 85/60/30% of women); the rest split what remains. */
static const struct demo_name MIDDLE_M[] = {
	E3("Văn", 2667, 912, 286), E3("Đức", 80, 70, 60), E3("Minh", 60, 80, 100),
	E3("Quang", 60, 60, 50), E3("Hữu", 80, 60, 40), E3("Công", 70, 50, 30),
	E3("Thanh", 70, 60, 40), E3("Ngọc", 60, 50, 30), E3("Xuân", 60, 40, 20),
	E3("Đình", 80, 50, 25), E3("Bá", 40, 25, 10), E3("Tiến", 20, 30, 30),
	E3("Trung", 20, 30, 30), E3("Mạnh", 15, 25, 25), E3("Duy", 10, 25, 40),
	E3("Anh", 10, 25, 40), E3("Hoàng", 10, 25, 40), E3("Gia", 5, 15, 50), E3("Bảo", 5, 10, 40),
	E3("Thành", 25, 25, 25), E3("Quốc", 25, 30, 40), E3("Việt", 15, 20, 25),
	E3("Trọng", 30, 25, 15), E3("Hải", 15, 20, 20), E3("Tuấn", 10, 20, 25),
	E3("Đăng", 10, 15, 35), E3("Khắc", 30, 15, 5), E3("Thế", 30, 20, 10), E3("Kim", 20, 10, 5),
	E3("Chí", 20, 20, 15), E3("Tấn", 30, 30, 20), E3("Huy", 5, 15, 30), E3("Nhật", 3, 10, 40),
	E3("Thái", 10, 10, 10), E3("Hồng", 20, 10, 5), E3("Vĩnh", 20, 15, 10), E3("Trí", 5, 10, 20),
	E3("Phú", 10, 10, 10), E3("Sỹ", 15, 10, 5), E3("Viết", 20, 10, 5), E3("Phúc", 5, 10, 20),
	E3("Khánh", 5, 10, 25), E3("Nam", 5, 10, 15), E3("Long", 5, 5, 10),
};

static const struct demo_name MIDDLE_F[] = {
	E3("Thị", 5661, 1800, 571), E3("Ngọc", 100, 120, 120), E3("Thu", 80, 80, 60),
	E3("Thanh", 80, 80, 50), E3("Kim", 80, 60, 40), E3("Minh", 20, 50, 80),
	E3("Hồng", 80, 50, 20), E3("Thúy", 40, 50, 20), E3("Phương", 30, 50, 60),
	E3("Bảo", 5, 20, 90), E3("Gia", 2, 10, 60), E3("Mai", 30, 30, 30), E3("Diệu", 10, 20, 30),
	E3("Khánh", 5, 20, 60), E3("Quỳnh", 5, 20, 40), E3("Hoài", 10, 30, 30),
	E3("Tuyết", 30, 20, 10), E3("Bích", 50, 40, 15), E3("Mỹ", 40, 50, 40),
	E3("Hải", 20, 30, 30), E3("Lan", 20, 20, 15), E3("Như", 10, 20, 40), E3("Cẩm", 20, 20, 15),
	E3("Hà", 10, 15, 20), E3("Thảo", 5, 15, 30), E3("Yến", 10, 15, 15), E3("Vân", 10, 15, 15),
	E3("Tường", 10, 15, 20), E3("Ánh", 10, 20, 30), E3("Thùy", 20, 40, 40),
	E3("Hương", 15, 20, 15), E3("Xuân", 40, 30, 10), E3("Huyền", 10, 15, 15),
	E3("Tú", 15, 20, 20), E3("Kiều", 20, 15, 10), E3("Linh", 3, 10, 40), E3("Diễm", 10, 15, 15),
	E3("Nhã", 2, 5, 20), E3("An", 2, 10, 30), E3("Tố", 15, 5, 2), E3("Mộng", 20, 15, 5),
	E3("Trúc", 5, 15, 25),
};

static const struct demo_name GIVEN_M[] = {
	E3("Anh", 10, 30, 40), E3("Hùng", 30, 30, 10), E3("Dũng", 25, 30, 15),
	E3("Tuấn", 15, 35, 25), E3("Minh", 20, 25, 35), E3("Hải", 20, 25, 20),
	E3("Nam", 15, 20, 30), E3("Long", 15, 20, 25), E3("Hoàng", 5, 15, 25),
	E3("Sơn", 25, 25, 15), E3("Thắng", 25, 25, 10), E3("Cường", 15, 25, 10),
	E3("Hiếu", 5, 15, 25), E3("Đức", 20, 20, 20), E3("Trung", 20, 20, 15),
	E3("Thành", 25, 25, 20), E3("Phong", 5, 10, 20), E3("Quang", 15, 15, 15),
	E3("Huy", 5, 15, 40), E3("Khoa", 1, 5, 25), E3("Khánh", 5, 10, 15), E3("Bình", 25, 20, 10),
	E3("Tâm", 15, 15, 15), E3("Tú", 5, 10, 20), E3("Vinh", 15, 15, 15), E3("Việt", 10, 15, 15),
	E3("Hưng", 15, 15, 15), E3("Hòa", 20, 10, 3), E3("Phúc", 10, 10, 20), E3("Lâm", 10, 10, 15),
	E3("Lộc", 10, 10, 15), E3("Tài", 10, 10, 15), E3("Tân", 15, 10, 5), E3("Thịnh", 10, 10, 15),
	E3("Thông", 10, 8, 5), E3("Tiến", 15, 15, 10), E3("Toàn", 10, 15, 10),
	E3("Trọng", 10, 10, 5), E3("Tùng", 5, 15, 15), E3("Vũ", 3, 10, 15), E3("Duy", 3, 10, 20),
	E3("Đạt", 3, 15, 30), E3("Định", 15, 8, 3), E3("Đông", 10, 8, 3), E3("Giang", 8, 8, 5),
	E3("Hà", 8, 5, 1), E3("Hậu", 8, 8, 10), E3("Hiển", 10, 5, 3), E3("Hiệp", 10, 10, 8),
	E3("Hoan", 8, 5, 1), E3("Học", 8, 3, 1), E3("Khải", 3, 5, 10), E3("Kiên", 5, 10, 15),
	E3("Lực", 10, 5, 2), E3("Mạnh", 8, 15, 10), E3("Nghĩa", 15, 15, 10), E3("Nhân", 8, 10, 15),
	E3("Phát", 3, 5, 20), E3("Phương", 10, 8, 3), E3("Quân", 3, 10, 25), E3("Quý", 15, 10, 5),
	E3("Sang", 5, 8, 15), E3("Tín", 5, 5, 10), E3("Thái", 10, 8, 8), E3("Thanh", 20, 15, 5),
	E3("Thiện", 5, 8, 12), E3("Thuận", 10, 10, 5), E3("Trí", 5, 8, 15),
	E3("Trường", 10, 10, 10), E3("Tư", 15, 5, 1), E3("Chiến", 20, 15, 5), E3("Công", 15, 8, 3),
	E3("Cảnh", 10, 5, 3), E3("Chính", 10, 5, 2), E3("Châu", 5, 5, 5), E3("Danh", 5, 5, 10),
	E3("Doanh", 8, 5, 2), E3("Dương", 3, 8, 10), E3("Điệp", 5, 5, 3), E3("Hào", 3, 5, 10),
	E3("Hiền", 8, 5, 2), E3("Huấn", 8, 5, 2), E3("Khang", 1, 3, 20), E3("Khôi", 1, 3, 20),
	E3("Kiệt", 1, 3, 15), E3("Luân", 3, 5, 10), E3("Lượng", 10, 5, 2), E3("Nguyên", 5, 8, 15),
	E3("Nhật", 1, 5, 20), E3("Phú", 10, 8, 5), E3("Quyết", 10, 8, 3), E3("Sinh", 10, 5, 2),
	E3("Sỹ", 8, 5, 2), E3("Thế", 8, 5, 2), E3("Thọ", 15, 5, 1), E3("Thức", 8, 5, 2),
	E3("Toản", 8, 5, 2), E3("Triều", 5, 5, 5), E3("Tường", 8, 5, 5), E3("Vượng", 10, 5, 2),
	E3("Xuân", 15, 8, 2), E3("Bảo", 1, 5, 25), E3("Bách", 1, 2, 8), E3("Chí", 5, 5, 5),
	E3("Cương", 10, 5, 1), E3("Đại", 5, 5, 5), E3("Đăng", 3, 5, 8), E3("Hợi", 8, 3, 1),
	E3("Kha", 3, 3, 2), E3("Lành", 8, 3, 1), E3("Lập", 8, 5, 2), E3("Linh", 5, 5, 10),
	E3("Lợi", 15, 8, 2), E3("Năm", 15, 5, 1), E3("Ninh", 8, 5, 3), E3("Phi", 3, 5, 5),
	E3("Phước", 10, 8, 8), E3("Quốc", 5, 5, 8), E3("Quyền", 8, 5, 3), E3("Sáu", 10, 3, 1),
	E3("Tám", 8, 2, 1), E3("Bảy", 8, 2, 1), E3("Tấn", 8, 8, 5), E3("Thân", 5, 3, 1),
	E3("Tuyên", 8, 5, 2), E3("Vĩnh", 8, 5, 3), E3("Vương", 5, 5, 5), E3("Bằng", 8, 5, 3),
	E3("Chung", 8, 5, 2), E3("Điền", 5, 3, 1), E3("Đồng", 8, 3, 1), E3("Được", 8, 2, 1),
	E3("Hồng", 10, 5, 1), E3("Huân", 8, 5, 2), E3("Kỳ", 5, 5, 3), E3("Lễ", 8, 2, 1),
	E3("Nhuận", 5, 3, 1), E3("Tình", 8, 3, 1), E3("Tuân", 8, 5, 2), E3("Tuất", 8, 2, 1),
	E3("Tý", 8, 3, 1), E3("Vỹ", 3, 5, 8), E3("An", 5, 5, 15), E3("Thạch", 5, 3, 2),
	E3("Tiệp", 5, 3, 1), E3("Khương", 5, 3, 3), E3("Út", 8, 3, 1), E3("Dân", 8, 3, 1),
	E3("Hoạt", 8, 2, 1), E3("Sửu", 8, 2, 1), E3("Dần", 8, 2, 1), E3("Thìn", 5, 2, 1),
	E3("Ngọ", 5, 1, 1), E3("Dậu", 5, 1, 1), E3("Độ", 5, 2, 1), E3("Khiêm", 5, 5, 3),
	E3("Lương", 5, 3, 1), E3("Phụng", 3, 2, 1), E3("Trực", 5, 3, 1), E3("Tuệ", 1, 2, 5),
	E3("Giáp", 5, 3, 1), E3("Biên", 5, 3, 1), E3("Hảo", 5, 2, 1), E3("Thoại", 3, 3, 3),
	E3("Tĩnh", 5, 3, 1), E3("Mẫn", 2, 2, 2), E3("Trình", 3, 2, 1), E3("Tuyển", 5, 3, 1),
	E3("Huỳnh", 3, 3, 2), E3("Cần", 5, 2, 1), E3("Khiết", 2, 2, 2), E3("Luyện", 5, 2, 1),
};

static const struct demo_name GIVEN_F[] = {
	E3("Anh", 10, 25, 40), E3("Hương", 25, 30, 15), E3("Hoa", 30, 20, 5), E3("Lan", 30, 20, 5),
	E3("Linh", 5, 25, 35), E3("Hà", 15, 25, 15), E3("Thảo", 5, 20, 25), E3("Trang", 5, 30, 30),
	E3("Huyền", 10, 25, 15), E3("Hằng", 15, 30, 10), E3("Nga", 20, 25, 5),
	E3("Phương", 10, 20, 20), E3("Thủy", 25, 25, 5), E3("Hạnh", 20, 20, 5),
	E3("Hiền", 15, 20, 10), E3("Loan", 20, 15, 3), E3("Mai", 20, 20, 10),
	E3("Ngọc", 10, 15, 15), E3("Nhung", 10, 20, 10), E3("Oanh", 15, 15, 5),
	E3("Quyên", 5, 10, 10), E3("Quỳnh", 5, 15, 20), E3("Thanh", 20, 15, 5),
	E3("Thu", 15, 15, 5), E3("Thúy", 20, 20, 5), E3("Tuyết", 20, 15, 3), E3("Vân", 20, 20, 8),
	E3("Yến", 15, 20, 15), E3("Dung", 20, 20, 5), E3("Duyên", 10, 15, 15),
	E3("Giang", 10, 15, 15), E3("Hậu", 10, 10, 5), E3("Hồng", 25, 20, 5), E3("Huệ", 20, 15, 3),
	E3("Khánh", 3, 5, 10), E3("Lệ", 15, 10, 2), E3("Liên", 20, 15, 3), E3("Liễu", 10, 8, 2),
	E3("Ly", 5, 10, 20), E3("Lý", 10, 8, 3), E3("Mến", 10, 8, 3), E3("My", 3, 10, 20),
	E3("Mỹ", 10, 10, 8), E3("Nguyệt", 15, 15, 5), E3("Nhàn", 15, 10, 3), E3("Nhi", 1, 8, 30),
	E3("Nương", 10, 3, 1), E3("Phượng", 15, 15, 5), E3("Quế", 10, 5, 1), E3("Sen", 15, 5, 1),
	E3("Sương", 10, 10, 5), E3("Tâm", 10, 15, 10), E3("Thắm", 15, 10, 3), E3("Thơ", 5, 10, 10),
	E3("Thoa", 15, 10, 2), E3("Thư", 3, 10, 25), E3("Thương", 10, 15, 15),
	E3("Tiên", 5, 10, 15), E3("Trâm", 3, 10, 15), E3("Trinh", 5, 10, 10), E3("Tú", 5, 10, 10),
	E3("Uyên", 1, 8, 25), E3("Vy", 1, 5, 30), E3("Xuân", 20, 15, 5), E3("Bích", 15, 15, 3),
	E3("Cúc", 20, 8, 1), E3("Châm", 10, 8, 2), E3("Chi", 5, 10, 20), E3("Diệp", 5, 5, 5),
	E3("Dịu", 10, 5, 1), E3("Đào", 15, 8, 2), E3("Điệp", 10, 8, 3), E3("Gấm", 15, 5, 1),
	E3("Hạ", 3, 5, 10), E3("Hân", 1, 5, 25), E3("Hiên", 3, 3, 3), E3("Hòa", 15, 10, 3),
	E3("Huế", 10, 8, 3), E3("Hường", 15, 10, 3), E3("Kiều", 10, 10, 5), E3("Lài", 10, 3, 1),
	E3("Lành", 10, 3, 1), E3("Lụa", 15, 3, 1), E3("Mơ", 10, 5, 1), E3("Mận", 15, 3, 1),
	E3("Mừng", 10, 3, 1), E3("Ngân", 3, 15, 25), E3("Nhạn", 10, 5, 1), E3("Nhài", 10, 3, 1),
	E3("Ninh", 5, 3, 1), E3("Nụ", 15, 3, 1), E3("Quý", 10, 5, 1), E3("Tươi", 10, 8, 2),
	E3("Thêm", 10, 3, 1), E3("Thìn", 8, 3, 1), E3("Thùy", 5, 15, 15), E3("Thuần", 5, 3, 1),
	E3("Trà", 5, 10, 10), E3("Tuyền", 5, 10, 10), E3("Vui", 8, 5, 2), E3("Bình", 10, 8, 3),
	E3("Cầm", 5, 3, 1), E3("Chinh", 5, 5, 3), E3("Hảo", 10, 5, 1), E3("Hoài", 5, 10, 5),
	E3("Hợp", 8, 5, 1), E3("Khuê", 3, 3, 5), E3("Khuyên", 5, 5, 3), E3("Lam", 3, 5, 8),
	E3("Lựu", 10, 3, 1), E3("Miên", 5, 3, 2), E3("Ngà", 10, 8, 3), E3("Nhiên", 3, 5, 8),
	E3("Phụng", 5, 5, 3), E3("Sáu", 10, 3, 1), E3("Tấm", 10, 3, 1), E3("Thịnh", 5, 3, 1),
	E3("Tình", 10, 8, 3), E3("Trúc", 3, 8, 15), E3("Diễm", 5, 10, 10), E3("Bé", 10, 5, 2),
	E3("Út", 10, 5, 2), E3("Ánh", 10, 15, 15), E3("Châu", 5, 10, 15), E3("Diệu", 3, 5, 5),
	E3("Dương", 3, 8, 10), E3("Hoàn", 5, 5, 3), E3("Kim", 10, 8, 5), E3("Lương", 5, 3, 1),
	E3("Mùi", 8, 2, 1), E3("Na", 5, 5, 5), E3("Phấn", 5, 2, 1), E3("Phúc", 3, 5, 8),
	E3("Quyến", 5, 3, 1), E3("Tám", 5, 2, 1), E3("Thái", 3, 3, 3), E3("Thơm", 15, 8, 2),
	E3("Thục", 5, 5, 3), E3("Tố", 3, 3, 1), E3("Vinh", 3, 3, 1), E3("Yên", 3, 3, 3),
	E3("An", 5, 8, 20), E3("Cẩm", 3, 3, 3), E3("Đông", 3, 3, 3), E3("Hiếu", 3, 5, 5),
	E3("Mây", 5, 5, 5), E3("Ngát", 5, 3, 1), E3("Ngoan", 10, 5, 1), E3("Nhã", 1, 5, 10),
	E3("Như", 3, 8, 15), E3("Thuận", 8, 5, 2), E3("Trầm", 3, 3, 2), E3("Xuyến", 8, 5, 1),
	E3("Lợi", 8, 3, 1), E3("Mị", 5, 2, 1), E3("Ngần", 8, 3, 1), E3("Nhị", 5, 2, 1),
	E3("Tơ", 5, 2, 1), E3("Đoan", 3, 3, 3), E3("Huyên", 2, 2, 2), E3("Hoan", 5, 3, 1),
	E3("Huê", 5, 2, 1), E3("Nhường", 5, 1, 1), E3("Minh", 5, 8, 8), E3("Thoan", 3, 2, 1),
	E3("Hiệp", 3, 2, 1),
};

static const struct demo_name GIVEN2_M[] = {
	E3("Minh Khôi", 0, 1, 15), E3("Gia Huy", 0, 2, 20), E3("Đăng Khoa", 0, 3, 20),
	E3("Quốc Bảo", 0, 3, 15), E3("Tuấn Anh", 3, 15, 20), E3("Đức Anh", 2, 8, 20),
	E3("Hoàng Nam", 1, 5, 10), E3("Minh Quân", 0, 3, 15), E3("Bảo Long", 0, 3, 15),
	E3("Anh Tú", 1, 5, 10), E3("Minh Đức", 3, 8, 10), E3("Quang Huy", 1, 5, 15),
	E3("Thành Đạt", 1, 5, 15), E3("Trung Kiên", 2, 8, 8), E3("Hữu Phước", 3, 5, 5),
	E3("Minh Tuấn", 3, 10, 8), E3("Thanh Tùng", 2, 8, 8), E3("Xuân Trường", 3, 5, 5),
	E3("Hoàng Long", 2, 5, 10), E3("Tiến Dũng", 3, 8, 5), E3("Công Minh", 2, 5, 8),
	E3("Nhật Minh", 0, 2, 15), E3("Gia Bảo", 0, 1, 20), E3("Quốc Anh", 1, 3, 10),
	E3("Hải Đăng", 1, 3, 12),
};

static const struct demo_name GIVEN2_F[] = {
	E3("Thu Hà", 10, 15, 5), E3("Thu Trang", 3, 15, 15), E3("Ngọc Anh", 3, 15, 20),
	E3("Minh Thư", 1, 5, 20), E3("Bảo Ngọc", 1, 5, 20), E3("Phương Anh", 2, 10, 20),
	E3("Thanh Hương", 5, 10, 5), E3("Kim Chi", 5, 10, 5), E3("Mỹ Linh", 3, 10, 10),
	E3("Hồng Nhung", 5, 10, 8), E3("Thu Hương", 8, 10, 3), E3("Thanh Tâm", 5, 8, 5),
	E3("Ngọc Hân", 1, 5, 15), E3("Gia Hân", 0, 1, 20), E3("Khánh Linh", 1, 3, 20),
	E3("Bảo Anh", 0, 3, 15), E3("Diệu Linh", 1, 3, 10), E3("Minh Anh", 1, 5, 20),
	E3("Thùy Dung", 3, 8, 10), E3("Hải Yến", 3, 8, 8), E3("Thanh Thủy", 8, 10, 3),
	E3("Kim Ngân", 2, 8, 10), E3("Cẩm Tú", 2, 5, 5), E3("Ngọc Lan", 5, 5, 3),
	E3("Thu Thủy", 8, 10, 3), E3("Hoài Thương", 1, 5, 10), E3("Quỳnh Anh", 1, 5, 20),
	E3("Tuyết Mai", 3, 5, 3), E3("Như Quỳnh", 1, 5, 15), E3("Bích Ngọc", 3, 8, 8),
};

static const struct demo_name HOA_SURNAME[] = {
	E1("Lâm", 120), E1("Lý", 100), E1("Trần", 80), E1("Quách", 60), E1("Hứa", 60),
	E1("Mạc", 40), E1("Diệp", 50), E1("Tăng", 50), E1("Giang", 40), E1("Châu", 60),
	E1("Thái", 40), E1("Dương", 50), E1("La", 40), E1("Trịnh", 30), E1("Tô", 40), E1("Lưu", 50),
	E1("Hoàng", 40), E1("Huỳnh", 50), E1("Ôn", 20), E1("Phùng", 30), E1("Quan", 30),
	E1("Tạ", 30), E1("Lương", 40), E1("Mã", 30), E1("Vương", 30), E1("Ngô", 40), E1("Từ", 30),
	E1("Tiêu", 20), E1("Nguyễn", 50),
};

static const struct demo_name TAI_SURNAME[] = {
	E1("Hoàng", 150), E1("Nông", 120), E1("Lò", 100), E1("Lường", 50), E1("Cầm", 50),
	E1("Quàng", 40), E1("Tòng", 30), E1("Lộc", 40), E1("Lục", 40), E1("Vi", 60), E1("Hà", 80),
	E1("Ma", 40), E1("Đinh", 40), E1("Lương", 60), E1("Bế", 40), E1("Triệu", 30), E1("Hứa", 30),
	E1("Sầm", 20), E1("Đàm", 30), E1("Nguyễn", 80), E1("Vì", 30), E1("Lù", 20), E1("Bạc", 20),
	E1("Mè", 10), E1("Lăng", 20), E1("Chu", 20), E1("Lý", 30), E1("Đèo", 10), E1("Ngần", 10),
	E1("Lành", 10),
};

static const struct demo_name TAI_GIVEN_M[] = {
	E1("Páo", 20), E1("Pụn", 10), E1("Khăm", 20), E1("Chăn", 10), E1("Panh", 10),
	E1("Phanh", 10), E1("Thoi", 5), E1("Pằng", 10), E1("Inh", 10), E1("Hặc", 5), E1("Xôm", 5),
	E1("Piêng", 5), E1("Ọi", 5), E1("Bun", 10), E1("Xiêng", 10), E1("Hom", 5), E1("Lả", 5),
	E1("Sỏn", 5), E1("Ỏn", 3), E1("Chum", 5),
};

static const struct demo_name TAI_GIVEN_F[] = {
	E1("Ún", 15), E1("Ỏn", 10), E1("Phóng", 15), E1("Bua", 10), E1("En", 10), E1("Ươi", 10),
	E1("Ín", 10), E1("Khiên", 10), E1("Pọm", 5), E1("Hom", 5), E1("Nhót", 5), E1("Xoan", 10),
	E1("Lả", 5), E1("Pâng", 5), E1("Xuân", 10), E1("Khặm", 5), E1("Ượng", 3), E1("Vấn", 5),
};

static const struct demo_name MUONG_SURNAME[] = {
	E1("Bùi", 300), E1("Đinh", 200), E1("Quách", 100), E1("Hà", 100), E1("Xa", 30),
	E1("Bạch", 50), E1("Cao", 30), E1("Trương", 20), E1("Phạm", 50), E1("Nguyễn", 50),
};

static const struct demo_name HMONG_SURNAME[] = {
	E1("Giàng", 150), E1("Vàng", 150), E1("Sùng", 120), E1("Thào", 120), E1("Lý", 100),
	E1("Mùa", 80), E1("Hạng", 60), E1("Lầu", 60), E1("Vừ", 50), E1("Tráng", 30), E1("Hờ", 30),
	E1("Cứ", 30), E1("Ly", 20), E1("Lù", 20), E1("Chá", 10), E1("Mua", 20), E1("Hầu", 20),
	E1("Lồ", 10), E1("Phàng", 20),
};

static const struct demo_name HMONG_GIVEN_M[] = {
	E1("Páo", 30), E1("Pó", 20), E1("Chứ", 20), E1("Dế", 20), E1("Sử", 20), E1("Lử", 10),
	E1("Của", 20), E1("Chư", 10), E1("Sình", 20), E1("Chính", 10), E1("Phềnh", 10),
	E1("Tủa", 10), E1("Lềnh", 10), E1("Dìn", 10), E1("Chu", 10), E1("Lồng", 5), E1("Vư", 5),
	E1("Nhà", 10), E1("Chả", 10), E1("Tú", 10), E1("Dình", 5), E1("Khua", 5), E1("Súa", 5),
	E1("Xá", 5), E1("Mang", 5), E1("Sáng", 5), E1("Chống", 5), E1("Thênh", 5),
};

static const struct demo_name HMONG_GIVEN_F[] = {
	E1("Mỷ", 20), E1("Dở", 10), E1("Dợ", 10), E1("Chò", 5), E1("Sua", 10), E1("Pà", 10),
	E1("Vá", 5), E1("Say", 10), E1("Mai", 10), E1("Xía", 5), E1("Ná", 5), E1("Dua", 5),
	E1("Si", 10), E1("Sí", 5), E1("Dính", 5), E1("Chía", 5), E1("Mẩy", 5), E1("Sâu", 5),
	E1("Dủa", 5), E1("Dung", 5), E1("Sinh", 5), E1("Lan", 5), E1("Chi", 5), E1("Mỉ", 5),
};

static const struct demo_name DAO_SURNAME[] = {
	E1("Triệu", 200), E1("Bàn", 180), E1("Đặng", 150), E1("Lý", 100), E1("Chảo", 80),
	E1("Phùng", 80), E1("Tẩn", 60), E1("Hoàng", 50), E1("Lò", 20), E1("Chu", 20),
	E1("Phàn", 30), E1("Sần", 10), E1("Lìu", 10), E1("Dương", 10),
};

static const struct demo_name DAO_GIVEN_M[] = {
	E1("Nhất", 20), E1("Nhị", 15), E1("Tam", 20), E1("Quý", 10), E1("Phú", 10), E1("Tài", 10),
	E1("Sinh", 10), E1("Lở", 10), E1("Chàn", 10), E1("San", 10), E1("Chiêu", 10), E1("Lưu", 10),
	E1("Kiêm", 5), E1("Vần", 5), E1("Phin", 5), E1("Tòng", 10), E1("Quẩy", 5), E1("Cao", 5),
	E1("Pao", 5), E1("Dùn", 5), E1("Sơn", 10), E1("Tá", 5),
};

static const struct demo_name DAO_GIVEN_F[] = {
	E1("Mẩy", 10), E1("Nhất", 5), E1("Xuân", 10), E1("Dền", 5), E1("Tả", 5), E1("Lìu", 5),
	E1("Kiềm", 5), E1("Mây", 10), E1("Chiêu", 5), E1("Sành", 5), E1("Lai", 5), E1("Hoa", 10),
	E1("Liên", 5), E1("Phương", 5), E1("Mai", 10), E1("Nguyệt", 5), E1("Sinh", 5),
	E1("Quyên", 5), E1("Hồng", 5),
};

static const struct demo_name EDE_SURNAME[] = {
	E1("Niê", 200), E1("Mlô", 120), E1("Êban", 100), E1("Byă", 80), E1("Adrơng", 60),
	E1("Ayun", 60), E1("Buôn Yă", 40), E1("Ktla", 40), E1("Hđơk", 40), E1("Ênuôl", 40),
	E1("Knul", 40), E1("Kbuôr", 40), E1("Niê Kdăm", 30), E1("Hmok", 20), E1("Mdrang", 30),
	E1("Bkrông", 30), E1("Êya", 20), E1("Hwing", 20), E1("Bing", 20), E1("Bon", 20),
	E1("Liêng", 15),
};

static const struct demo_name JRAI_SURNAME[] = {
	E1("Ksor", 200), E1("Siu", 150), E1("Rơ Châm", 120), E1("Rơ Mah", 120), E1("Kpă", 100),
	E1("Nay", 100), E1("Rơ Lan", 60), E1("Puih", 60), E1("Rahlan", 60), E1("Kpuih", 40),
	E1("Rơ Ô", 30), E1("Đinh", 30),
};

static const struct demo_name HIGHLAND_GIVEN_M[] = {
	E1("Bhim", 10), E1("Kông", 10), E1("Thông", 10), E1("Blin", 10), E1("Ngông", 10),
	E1("Jút", 10), E1("Sơn", 10), E1("Đhăm", 10), E1("Kriêng", 5), E1("Yơn", 10),
	E1("Hiêng", 5), E1("Bih", 5), E1("Đai", 10), E1("Hra", 5), E1("Ben", 10), E1("Lâm", 10),
	E1("Krông", 5), E1("Nham", 10), E1("Nuk", 5), E1("Khoa", 5), E1("Thuần", 5),
	E1("Phước", 10), E1("Tuấn", 5), E1("Hùng", 10), E1("Dũng", 10), E1("Lũy", 5), E1("Bă", 5),
	E1("Bet", 5), E1("Kuêh", 5), E1("Min", 5), E1("Thút", 5), E1("Pớt", 5), E1("Jar", 5),
	E1("Hiu", 5), E1("Nơl", 5), E1("Jên", 5), E1("Loan", 5),
};

static const struct demo_name HIGHLAND_GIVEN_F[] = {
	E1("Nhi", 10), E1("Hen", 10), E1("Zen", 10), E1("Blưm", 10), E1("Nhung", 10), E1("Bia", 10),
	E1("Yam", 5), E1("Ngơn", 5), E1("Răk", 5), E1("Hồng", 5), E1("Ly", 10), E1("Hương", 10),
	E1("Huê", 5), E1("Dung", 10), E1("Lin", 5), E1("Mai", 10), E1("Wơn", 5), E1("Nguyên", 5),
	E1("Đing", 5), E1("Blum", 5), E1("Hiên", 5), E1("Luyện", 5), E1("Ngọc", 5), E1("Nga", 5),
	E1("Thi", 5), E1("Loan", 5), E1("Dơn", 5), E1("Duôn", 5), E1("Hleo", 5),
};

static const struct demo_name CENTRAL_SURNAME[] = {
	E1("Hồ", 200), E1("Đinh", 200), E1("Phạm", 80), E1("Alăng", 60), E1("Bhling", 40),
	E1("Briu", 30), E1("Zơ Râm", 30), E1("Kăn", 40), E1("Coor", 30), E1("Lê", 50),
	E1("Nguyễn", 50), E1("Pơ Loong", 20), E1("Clâu", 20), E1("Hôih", 20), E1("Tơ Ngôl", 15),
	E1("Arất", 20), E1("Ating", 15),
};

static const struct demo_name RAGLAI_SURNAME[] = {
	E1("Chamaléa", 30), E1("Katơr", 30), E1("Pi Năng", 25), E1("Bo Bo", 15), E1("Mấu", 15),
};

/* Cơ Ho clans, written before K'Brơi, Ka Điệp. */
static const struct demo_name KOHO_SURNAME[] = {
	E1("Liêng Hót", 30), E1("Kơ Să", 25), E1("Kră Jăn", 15), E1("Cil", 20), E1("Bon Jốc", 10),
	E1("Păng Ting", 10),
};

static const struct demo_name KHMER_SURNAME[] = {
	E1("Thạch", 250), E1("Sơn", 200), E1("Kim", 120), E1("Danh", 150), E1("Lâm", 50),
	E1("Châu", 50), E1("Lý", 40), E1("Trần", 30), E1("Chau", 30), E1("Dương", 30),
	E1("Huỳnh", 20), E1("Tăng", 20), E1("Triệu", 20),
};

static const struct demo_name KHMER_GIVEN_M[] = {
	E1("Sô Phal", 10), E1("Sa Ri", 10), E1("Chanh Đa", 10), E1("Sóc Kha", 10), E1("Ra Ma", 5),
	E1("Sà Rinh", 5), E1("Kha", 10), E1("Phol", 10), E1("Sanh", 10), E1("Rum", 10),
	E1("Đa Ra", 10), E1("Sóc", 10), E1("Som", 10), E1("Sương", 5), E1("Chanh", 10),
	E1("Pho", 5), E1("Thươl", 5), E1("Rết", 5), E1("Phép", 5), E1("Tha", 10), E1("Sang", 10),
	E1("Na", 5), E1("Ol", 5), E1("Sa Vi", 5), E1("Kim Sang", 5), E1("Sa Mết", 5),
};

static const struct demo_name KHMER_GIVEN_F[] = {
	E1("Sa Rết", 10), E1("Sa Rươne", 10), E1("Sô Phi", 10), E1("Sa Vy", 10), E1("Pho Ly", 10),
	E1("Mây", 5), E1("Sa Ly", 10), E1("Sà Phia", 5), E1("Chanh Thy", 5), E1("Sa Rum", 5),
	E1("Sây", 5), E1("Na", 10), E1("Sương", 5), E1("Thu Sa", 5), E1("Sa Rinh", 5), E1("Ni", 5),
	E1("Ri Ta", 5), E1("Sóc Thia", 5), E1("Kim Hoa", 5),
};

static const struct demo_name CHAM_SURNAME[] = {
	E1("Đàng", 200), E1("Thập", 100), E1("Quảng", 100), E1("Trượng", 60), E1("Châu", 80),
	E1("Thông", 50), E1("Lư", 40), E1("Hán", 40), E1("Bá", 40), E1("Lộ", 40), E1("Phú", 30),
	E1("Từ", 30), E1("Kiều", 20), E1("Sa", 20), E1("Mã", 30), E1("Nguyễn", 40),
};

/* Minorities by region; the generator adds Kinh itself.  Every one of the 53 appears. */
static const struct demo_name ETHNIC_MINORITY[] = {
	E3("Tày", 300, 20, 10), E3("Thái", 220, 100, 0), E3("Mường", 180, 80, 0),
	E3("Mông", 160, 10, 0), E3("Nùng", 150, 20, 15), E3("Dao", 120, 10, 0),
	E3("Sán Chay", 30, 0, 0), E3("Sán Dìu", 25, 0, 0), E3("Giáy", 10, 0, 0),
	E3("Hà Nhì", 5, 0, 0), E3("Hoa", 10, 5, 250), E3("Khơ Mú", 5, 10, 0), E3("La Chí", 2, 0, 0),
	E3("Phù Lá", 2, 0, 0), E3("Lào", 2, 0, 0), E3("Lô Lô", 1, 0, 0), E3("Pà Thẻn", 1, 0, 0),
	E3("Cờ Lao", 1, 0, 0), E3("Bố Y", 1, 0, 0), E3("Lự", 1, 0, 0), E3("Cống", 1, 0, 0),
	E3("Si La", 1, 0, 0), E3("Pu Péo", 1, 0, 0), E3("Kháng", 2, 0, 0), E3("Xinh Mun", 3, 0, 0),
	E3("Mảng", 1, 0, 0), E3("La Hủ", 1, 0, 0), E3("La Ha", 1, 0, 0), E3("Ngái", 1, 0, 0),
	E3("Khmer", 0, 0, 600), E3("Gia Rai", 0, 200, 0), E3("Ê Đê", 0, 150, 0),
	E3("Ba Na", 0, 110, 0), E3("Xơ Đăng", 0, 80, 0), E3("Cơ Ho", 0, 80, 0), E3("Hrê", 0, 60, 0),
	E3("Ra Glai", 0, 50, 0), E3("Mnông", 0, 45, 5), E3("Bru-Vân Kiều", 0, 40, 0),
	E3("Thổ", 0, 35, 0), E3("Cơ Tu", 0, 30, 0), E3("Tà Ôi", 0, 20, 0),
	E3("Giẻ Triêng", 0, 25, 0), E3("Mạ", 0, 10, 5), E3("Co", 0, 15, 0), E3("Chăm", 0, 25, 15),
	E3("Chu Ru", 0, 10, 0), E3("Chứt", 0, 3, 0), E3("Brâu", 0, 1, 0), E3("Rơ Măm", 0, 1, 0),
	E3("Ơ Đu", 0, 1, 0), E3("Xtiêng", 0, 0, 50), E3("Chơ Ro", 0, 0, 15),
};

/* Kinh people, in 0.01%.  Minorities get their own mix in the generator. */
static const struct demo_name RELIGION[] = {
	E3("Không", 8600, 8020, 6395), E3("Phật giáo", 700, 1000, 1700),
	E3("Công giáo", 650, 800, 800), E3("Tin lành", 45, 100, 100), E3("Cao Đài", 0, 50, 500),
	E3("Phật giáo Hòa Hảo", 0, 0, 440), E3("Tịnh độ Cư sĩ Phật hội Việt Nam", 0, 20, 30),
	E3("Tứ Ân Hiếu Nghĩa", 0, 0, 10), E3("Bửu Sơn Kỳ Hương", 0, 0, 10),
	E3("Minh Sư đạo", 0, 2, 3), E3("Minh Lý đạo - Tam Tông Miếu", 0, 0, 2),
	E3("Phật giáo Hiếu Nghĩa Tà Lơn", 0, 0, 3), E3("Baha'i", 2, 3, 3),
	E3("Cơ đốc Phục lâm", 2, 4, 3), E3("Các Thánh hữu Ngày sau", 1, 1, 1),
};

/* By age: under 23, 23–59, 60 and over.  Pupils (under 18) are set by the generator, which
 * also counts on Nông dân being the first entry. */
static const struct demo_name OCCUPATION_M[] = {
	E3("Nông dân", 150, 280, 400), E3("Công nhân", 200, 180, 20),
	E3("Lao động tự do", 120, 120, 80), E3("Kinh doanh", 30, 90, 50),
	E3("Buôn bán", 20, 50, 40), E3("Cán bộ", 0, 50, 0), E3("Công chức", 0, 20, 0),
	E3("Viên chức", 0, 20, 0), E3("Giáo viên", 0, 20, 0), E3("Sinh viên", 300, 5, 0),
	E3("Quân nhân", 30, 20, 0), E3("Công an", 10, 10, 0), E3("Ngư dân", 20, 20, 10),
	E3("Thợ xây", 20, 30, 10), E3("Thợ mộc", 5, 10, 5), E3("Lái xe", 10, 30, 3),
	E3("Kỹ sư", 0, 15, 0), E3("Bác sĩ", 0, 5, 0), E3("Nhân viên y tế", 0, 7, 0),
	E3("Nhân viên văn phòng", 10, 30, 0), E3("Kế toán", 0, 5, 0), E3("Hưu trí", 0, 10, 350),
};

static const struct demo_name OCCUPATION_F[] = {
	E3("Nông dân", 130, 280, 400), E3("Công nhân", 220, 180, 10),
	E3("Lao động tự do", 100, 90, 50), E3("Kinh doanh", 30, 90, 40), E3("Buôn bán", 20, 70, 50),
	E3("Nội trợ", 30, 70, 120), E3("Cán bộ", 0, 40, 0), E3("Công chức", 0, 20, 0),
	E3("Viên chức", 0, 20, 0), E3("Giáo viên", 0, 50, 0), E3("Sinh viên", 320, 5, 0),
	E3("Nhân viên y tế", 0, 15, 0), E3("Bác sĩ", 0, 4, 0), E3("Kế toán", 0, 15, 0),
	E3("Nhân viên văn phòng", 20, 40, 0), E3("Thợ may", 20, 30, 5), E3("Quân nhân", 2, 3, 0),
	E3("Công an", 2, 3, 0), E3("Hưu trí", 0, 10, 250),
};

/* Mobile prefixes after the 2018 renumbering: Viettel, Vinaphone, MobiFone, Vietnamobile,
 * Gmobile, roughly by subscribers. */
static const struct demo_name PHONE_PREFIX[] = {
	E1("086", 30), E1("096", 60), E1("097", 60), E1("098", 60), E1("032", 30), E1("033", 30),
	E1("034", 30), E1("035", 30), E1("036", 30), E1("037", 30), E1("038", 30), E1("039", 30),
	E1("091", 40), E1("094", 40), E1("088", 15), E1("081", 12), E1("082", 12), E1("083", 12),
	E1("084", 12), E1("085", 12), E1("090", 40), E1("093", 35), E1("089", 12), E1("070", 12),
	E1("076", 10), E1("077", 10), E1("078", 10), E1("079", 10), E1("092", 10), E1("056", 5),
	E1("058", 5), E1("052", 3), E1("099", 3), E1("059", 3), E1("087", 2),
};

static const struct {
	const struct demo_name *t;
	size_t n;
	enum demo_axis axis;
} TABLES[DEMO_T__COUNT] = {
	[DEMO_T_SURNAME] = { TAB(SURNAME), DEMO_BY_REGION },
	[DEMO_T_MIDDLE_M] = { TAB(MIDDLE_M), DEMO_BY_COHORT },
	[DEMO_T_MIDDLE_F] = { TAB(MIDDLE_F), DEMO_BY_COHORT },
	[DEMO_T_GIVEN_M] = { TAB(GIVEN_M), DEMO_BY_COHORT },
	[DEMO_T_GIVEN_F] = { TAB(GIVEN_F), DEMO_BY_COHORT },
	[DEMO_T_GIVEN2_M] = { TAB(GIVEN2_M), DEMO_BY_COHORT },
	[DEMO_T_GIVEN2_F] = { TAB(GIVEN2_F), DEMO_BY_COHORT },
	[DEMO_T_HOA_SURNAME] = { TAB(HOA_SURNAME), DEMO_BY_REGION },
	[DEMO_T_TAI_SURNAME] = { TAB(TAI_SURNAME), DEMO_BY_REGION },
	[DEMO_T_TAI_GIVEN_M] = { TAB(TAI_GIVEN_M), DEMO_BY_COHORT },
	[DEMO_T_TAI_GIVEN_F] = { TAB(TAI_GIVEN_F), DEMO_BY_COHORT },
	[DEMO_T_MUONG_SURNAME] = { TAB(MUONG_SURNAME), DEMO_BY_REGION },
	[DEMO_T_HMONG_SURNAME] = { TAB(HMONG_SURNAME), DEMO_BY_REGION },
	[DEMO_T_HMONG_GIVEN_M] = { TAB(HMONG_GIVEN_M), DEMO_BY_COHORT },
	[DEMO_T_HMONG_GIVEN_F] = { TAB(HMONG_GIVEN_F), DEMO_BY_COHORT },
	[DEMO_T_DAO_SURNAME] = { TAB(DAO_SURNAME), DEMO_BY_REGION },
	[DEMO_T_DAO_GIVEN_M] = { TAB(DAO_GIVEN_M), DEMO_BY_COHORT },
	[DEMO_T_DAO_GIVEN_F] = { TAB(DAO_GIVEN_F), DEMO_BY_COHORT },
	[DEMO_T_EDE_SURNAME] = { TAB(EDE_SURNAME), DEMO_BY_REGION },
	[DEMO_T_JRAI_SURNAME] = { TAB(JRAI_SURNAME), DEMO_BY_REGION },
	[DEMO_T_HIGHLAND_GIVEN_M] = { TAB(HIGHLAND_GIVEN_M), DEMO_BY_COHORT },
	[DEMO_T_HIGHLAND_GIVEN_F] = { TAB(HIGHLAND_GIVEN_F), DEMO_BY_COHORT },
	[DEMO_T_CENTRAL_SURNAME] = { TAB(CENTRAL_SURNAME), DEMO_BY_REGION },
	[DEMO_T_RAGLAI_SURNAME] = { TAB(RAGLAI_SURNAME), DEMO_BY_REGION },
	[DEMO_T_KOHO_SURNAME] = { TAB(KOHO_SURNAME), DEMO_BY_REGION },
	[DEMO_T_KHMER_SURNAME] = { TAB(KHMER_SURNAME), DEMO_BY_REGION },
	[DEMO_T_KHMER_GIVEN_M] = { TAB(KHMER_GIVEN_M), DEMO_BY_COHORT },
	[DEMO_T_KHMER_GIVEN_F] = { TAB(KHMER_GIVEN_F), DEMO_BY_COHORT },
	[DEMO_T_CHAM_SURNAME] = { TAB(CHAM_SURNAME), DEMO_BY_REGION },
	[DEMO_T_ETHNIC_MINORITY] = { TAB(ETHNIC_MINORITY), DEMO_BY_REGION },
	[DEMO_T_RELIGION] = { TAB(RELIGION), DEMO_BY_REGION },
	[DEMO_T_OCCUPATION_M] = { TAB(OCCUPATION_M), DEMO_BY_AGE },
	[DEMO_T_OCCUPATION_F] = { TAB(OCCUPATION_F), DEMO_BY_AGE },
	[DEMO_T_PHONE_PREFIX] = { TAB(PHONE_PREFIX), DEMO_BY_REGION },
};

size_t demo_table(enum demo_table t, const struct demo_name **out)
{
	if ((unsigned)t >= DEMO_T__COUNT) {
		*out = NULL;
		return 0;
	}
	*out = TABLES[t].t;
	return TABLES[t].n;
}

enum demo_axis demo_table_axis(enum demo_table t)
{
	return (unsigned)t < DEMO_T__COUNT ? TABLES[t].axis : DEMO_BY_REGION;
}

size_t demo_surnames(const struct demo_name **out)
{
	return demo_table(DEMO_T_SURNAME, out);
}

size_t demo_middle_names(int sex, const struct demo_name **out)
{
	return demo_table(sex == SEX_MALE ? DEMO_T_MIDDLE_M : DEMO_T_MIDDLE_F, out);
}

size_t demo_given_names(int sex, const struct demo_name **out)
{
	return demo_table(sex == SEX_MALE ? DEMO_T_GIVEN_M : DEMO_T_GIVEN_F, out);
}

/* How a minority writes names. */
enum style {
	ST_KINH, ST_HOA, ST_SANCHAY, ST_TAI, ST_MUONG, ST_HMONG, ST_DAO, ST_EDE, ST_JRAI, ST_BAHNAR,
	ST_CENTRAL, ST_RAGLAI, ST_KHMER, ST_CHAM, ST_STIENG, ST_KOHO,
};

/* Which mix of religions a minority has. */
enum relmix { RM_OTHER, RM_KHMER, RM_CHAM, RM_HOA, RM_HMONG, RM_HIGHLAND, RM__COUNT };

struct eth_info {
	const char *eth;
	unsigned char style, rel;
};

static const struct eth_info ETHNIC_INFO[] = {
	{ "Tày", ST_TAI, RM_OTHER }, { "Thái", ST_TAI, RM_OTHER }, { "Nùng", ST_TAI, RM_OTHER },
	{ "Giáy", ST_TAI, RM_OTHER }, { "Lào", ST_TAI, RM_OTHER }, { "Lự", ST_TAI, RM_OTHER },
	{ "Bố Y", ST_TAI, RM_OTHER }, { "Khơ Mú", ST_TAI, RM_OTHER }, { "Kháng", ST_TAI, RM_OTHER },
	{ "Xinh Mun", ST_TAI, RM_OTHER }, { "Mảng", ST_TAI, RM_OTHER },
	{ "La Ha", ST_TAI, RM_OTHER }, { "La Chí", ST_TAI, RM_OTHER },
	{ "Cờ Lao", ST_TAI, RM_OTHER }, { "Pu Péo", ST_TAI, RM_OTHER },
	{ "Ơ Đu", ST_TAI, RM_OTHER }, { "Sán Chay", ST_SANCHAY, RM_OTHER },
	{ "Sán Dìu", ST_HOA, RM_OTHER }, { "Ngái", ST_HOA, RM_OTHER }, { "Hoa", ST_HOA, RM_HOA },
	{ "Mường", ST_MUONG, RM_OTHER }, { "Mông", ST_HMONG, RM_HMONG },
	{ "Dao", ST_DAO, RM_OTHER }, { "Hà Nhì", ST_DAO, RM_OTHER }, { "Lô Lô", ST_DAO, RM_OTHER },
	{ "Phù Lá", ST_DAO, RM_OTHER }, { "La Hủ", ST_DAO, RM_OTHER },
	{ "Si La", ST_DAO, RM_OTHER }, { "Cống", ST_DAO, RM_OTHER },
	{ "Pà Thẻn", ST_DAO, RM_OTHER }, { "Ê Đê", ST_EDE, RM_HIGHLAND },
	{ "Mnông", ST_EDE, RM_HIGHLAND }, { "Gia Rai", ST_JRAI, RM_HIGHLAND },
	{ "Ba Na", ST_BAHNAR, RM_HIGHLAND }, { "Xơ Đăng", ST_BAHNAR, RM_HIGHLAND },
	{ "Giẻ Triêng", ST_BAHNAR, RM_HIGHLAND }, { "Brâu", ST_BAHNAR, RM_OTHER },
	{ "Rơ Măm", ST_BAHNAR, RM_OTHER }, { "Hrê", ST_CENTRAL, RM_OTHER },
	{ "Cơ Tu", ST_CENTRAL, RM_OTHER }, { "Tà Ôi", ST_CENTRAL, RM_OTHER },
	{ "Bru-Vân Kiều", ST_CENTRAL, RM_OTHER }, { "Co", ST_CENTRAL, RM_OTHER },
	{ "Chứt", ST_CENTRAL, RM_OTHER }, { "Ra Glai", ST_RAGLAI, RM_OTHER },
	{ "Thổ", ST_KINH, RM_OTHER }, { "Khmer", ST_KHMER, RM_KHMER }, { "Chăm", ST_CHAM, RM_CHAM },
	{ "Xtiêng", ST_STIENG, RM_HIGHLAND }, { "Chơ Ro", ST_STIENG, RM_OTHER },
	{ "Cơ Ho", ST_KOHO, RM_HIGHLAND }, { "Mạ", ST_KOHO, RM_OTHER },
	{ "Chu Ru", ST_KOHO, RM_HIGHLAND },
};

struct mix {
	const char *s;
	unsigned permille;
};

/* Religions of minorities, per mille; Chăm of the south are Muslim, of the centre mostly
 * Bà-la-môn (Chăm Ahiêr) and Bàni. */
static const struct mix REL_OTHER[] = {
	{ "Không", 940 }, { "Phật giáo", 30 }, { "Công giáo", 20 }, { "Tin lành", 10 },
};
static const struct mix REL_KHMER[] = {
	{ "Phật giáo", 920 }, { "Công giáo", 20 }, { "Không", 60 },
};
static const struct mix REL_CHAM_C[] = {
	{ "Bà-la-môn", 550 }, { "Hồi giáo", 350 }, { "Không", 100 },
};
static const struct mix REL_CHAM_S[] = { { "Hồi giáo", 900 }, { "Không", 100 } };
static const struct mix REL_HOA[] = {
	{ "Không", 570 }, { "Phật giáo", 350 }, { "Công giáo", 50 }, { "Tin lành", 20 },
	{ "Cao Đài", 10 },
};
static const struct mix REL_HMONG[] = {
	{ "Không", 730 }, { "Tin lành", 250 }, { "Công giáo", 20 },
};
static const struct mix REL_HIGHLAND[] = {
	{ "Không", 450 }, { "Tin lành", 300 }, { "Công giáo", 250 },
};

#define MIX(a) a, sizeof a / sizeof a[0]

/* ---- Writing names ---- */

static const char *pick_s(const struct demo_gen *g, struct rng *r, enum demo_table t, int col)
{
	return TABLES[t].t[demo_pick(g, r, t, col)].s;
}

static bool chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

static const char *pick_mix(struct rng *r, const struct mix *m, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < n; i++)
		total += m[i].permille;
	unsigned x = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < m[i].permille)
			return m[i].s;
		x -= m[i].permille;
	}
	return m[n - 1].s;
}


struct who {
	bool male;
	int cohort;		/* 0, 1, 2: born before 1960, 1960–1989, from 1990 */
	int region;
};

static const char *kinh_given(const struct demo_gen *g, struct rng *r, const struct who *w)
{
	return pick_s(g, r, w->male ? DEMO_T_GIVEN_M : DEMO_T_GIVEN_F, w->cohort);
}

/* A given name from table t at chance p, else (and always for t DEMO_T__COUNT) a Kinh one. */
static const char *given(const struct demo_gen *g, struct rng *r, const struct who *w,
			 enum demo_table t, double p)
{
	if (t != DEMO_T__COUNT && chance(r, p))
		return pick_s(g, r, t, w->cohort);
	return kinh_given(g, r, w);
}

/* Surname, middle, given in the Kinh pattern, with the surname from table st.  vt is the
 * chance of Văn/Thị for groups that use them more than the Kinh of the same age (0: Kinh
 * shares); other_given, when not DEMO_T__COUNT, supplies given names at chance p_other. */
static void name_kinh_like(const struct demo_gen *g, struct rng *r, const struct who *w,
			   struct sb *s, enum demo_table st, double vt, enum demo_table other_given,
			   double p_other, bool hoa)
{
	enum demo_table mt = w->male ? DEMO_T_MIDDLE_M : DEMO_T_MIDDLE_F;
	enum demo_table g2 = w->male ? DEMO_T_GIVEN2_M : DEMO_T_GIVEN2_F;
	static const double p2[3] = { 0.03, 0.08, 0.15 };

	sb_word(s, pick_s(g, r, st, w->region));
	if ((st == DEMO_T_SURNAME || hoa) && chance(r, p2[w->cohort])) {
		/* "Nguyễn Thị Thu Hà", "Trần Gia Huy" */
		if (chance(r, w->male ? 0.3 : 0.5))
			sb_word(s, TABLES[mt].t[0].s);
		sb_word(s, pick_s(g, r, g2, w->cohort));
		return;
	}
	if (vt > 0) {
		double u = rng_unit(r);
		if (u < vt)
			sb_word(s, TABLES[mt].t[0].s);
		else if (u < vt + (1 - vt) / 2)
			sb_word(s, pick_s(g, r, mt, w->cohort));
	} else if (!chance(r, 0.02)) {
		size_t i = demo_pick(g, r, mt, w->cohort);
		if (hoa && i == 0)	/* Hoa names use Văn and Thị less */
			i = demo_pick(g, r, mt, w->cohort);
		sb_word(s, TABLES[mt].t[i].s);
	}
	sb_word(s, given(g, r, w, other_given, p_other));
}

static void name_of(const struct demo_gen *g, struct rng *r, const struct who *w, int style,
		    struct sb *s)
{
	bool m = w->male;
	enum demo_table hg = m ? DEMO_T_HIGHLAND_GIVEN_M : DEMO_T_HIGHLAND_GIVEN_F;
	enum demo_table none = DEMO_T__COUNT;
	double u;

	switch (style) {
	case ST_HOA:
		name_kinh_like(g, r, w, s, DEMO_T_HOA_SURNAME, 0, none, 0, true);
		break;
	case ST_SANCHAY:
		name_kinh_like(g, r, w, s, DEMO_T_TAI_SURNAME, 0.8, none, 0, false);
		break;
	case ST_TAI:
		name_kinh_like(g, r, w, s, DEMO_T_TAI_SURNAME, 0.8,
			       m ? DEMO_T_TAI_GIVEN_M : DEMO_T_TAI_GIVEN_F, 0.4, false);
		break;
	case ST_MUONG:
		name_kinh_like(g, r, w, s, DEMO_T_MUONG_SURNAME, 0.8, none, 0, false);
		break;
	case ST_CENTRAL:
		name_kinh_like(g, r, w, s, DEMO_T_CENTRAL_SURNAME, 0.8, hg, 0.3, false);
		break;
	case ST_RAGLAI:
		name_kinh_like(g, r, w, s, DEMO_T_RAGLAI_SURNAME, 0.8, none, 0, false);
		break;
	case ST_CHAM:
		name_kinh_like(g, r, w, s, DEMO_T_CHAM_SURNAME, 0.8, none, 0, false);
		break;
	case ST_HMONG:	/* Giàng A Dế, Vàng Seo Sử, Thào Thị Mỷ, Sùng Mí Chò */
		sb_word(s, pick_s(g, r, DEMO_T_HMONG_SURNAME, w->region));
		u = rng_unit(r);
		if (m && u < 0.95)
			sb_word(s, u < 0.55 ? "A" : u < 0.70 ? "Seo" : "Văn");
		else if (!m && u < 0.90)
			sb_word(s, u < 0.75 ? "Thị" : "Mí");
		sb_word(s, given(g, r, w, m ? DEMO_T_HMONG_GIVEN_M : DEMO_T_HMONG_GIVEN_F, 0.85));
		break;
	case ST_DAO:	/* Triệu Văn Nhất, Tẩn Láo Lở, Chảo Mẩy Xuân */
		sb_word(s, pick_s(g, r, DEMO_T_DAO_SURNAME, w->region));
		u = rng_unit(r);
		if (m && u < 0.90)
			sb_word(s, u < 0.60 ? "Văn" : u < 0.75 ? "Tài" : u < 0.85 ? "Láo" : "Seo");
		else if (!m && u < 0.95)
			sb_word(s, u < 0.80 ? "Thị" : u < 0.90 ? "Mẩy" : "Mý");
		sb_word(s, given(g, r, w, m ? DEMO_T_DAO_GIVEN_M : DEMO_T_DAO_GIVEN_F, 0.6));
		break;
	case ST_EDE:	/* Y Bhim Niê, H'Nhi Mlô */
		if (m) {
			sb_word(s, "Y");
			sb_word(s, given(g, r, w, hg, 0.85));
		} else {
			sb_word(s, "H'");
			sb_cat(s, pick_s(g, r, hg, w->cohort));
		}
		sb_word(s, pick_s(g, r, DEMO_T_EDE_SURNAME, w->region));
		break;
	case ST_JRAI:	/* Ksor Phước, Siu Y Ben, Ksor H'Nhi */
		sb_word(s, pick_s(g, r, DEMO_T_JRAI_SURNAME, w->region));
		if (m) {
			if (chance(r, 0.2))
				sb_word(s, "Y");
			sb_word(s, given(g, r, w, hg, 0.8));
		} else if (chance(r, 0.5)) {
			sb_word(s, "H'");
			sb_cat(s, pick_s(g, r, hg, w->cohort));
		} else {
			sb_word(s, given(g, r, w, hg, 0.7));
		}
		break;
	case ST_BAHNAR:	/* A Thút, Y Hương; some write a surname: Đinh Văn Hùng */
		if (chance(r, 0.2)) {
			name_kinh_like(g, r, w, s, DEMO_T_CENTRAL_SURNAME, 0.8, none, 0, false);
			break;
		}
		sb_word(s, m ? "A" : "Y");
		sb_word(s, given(g, r, w, hg, 0.7));
		break;
	case ST_STIENG:	/* Điểu Lý, Thị Bé */
		sb_word(s, m ? "Điểu" : "Thị");
		sb_word(s, given(g, r, w, hg, 0.6));
		break;
	case ST_KOHO:	/* Liêng Hót K'Brơi, Ka Hiền, Kơ Să Ka Điệp */
		if (m || chance(r, 0.4))
			sb_word(s, pick_s(g, r, DEMO_T_KOHO_SURNAME, w->region));
		if (m) {
			sb_word(s, "K'");
			sb_cat(s, pick_s(g, r, hg, w->cohort));
		} else {
			sb_word(s, "Ka");
			sb_word(s, given(g, r, w, hg, 0.6));
		}
		break;
	case ST_KHMER:	/* Thạch Sô Phal, Sơn Thị Sa Rết, Danh Văn Sang */
		sb_word(s, pick_s(g, r, DEMO_T_KHMER_SURNAME, w->region));
		if (chance(r, m ? 0.15 : 0.6))
			sb_word(s, m ? "Văn" : "Thị");
		sb_word(s, given(g, r, w, m ? DEMO_T_KHMER_GIVEN_M : DEMO_T_KHMER_GIVEN_F, 0.65));
		break;
	default:
		name_kinh_like(g, r, w, s, DEMO_T_SURNAME, 0, none, 0, false);
		break;
	}
}

static const struct eth_info *eth_info(const char *ethnicity)
{
	if (!ethnicity || strcmp(ethnicity, "Kinh") == 0)
		return NULL;
	for (size_t i = 0; i < sizeof ETHNIC_INFO / sizeof ETHNIC_INFO[0]; i++)
		if (strcmp(ETHNIC_INFO[i].eth, ethnicity) == 0)
			return &ETHNIC_INFO[i];
	return NULL;
}

size_t demo_full_name(const struct demo_gen *g, struct rng *r, const char *ethnicity, int sex,
		      int birth_year, enum demo_region rg, char *out, size_t size)
{
	const struct eth_info *e = eth_info(ethnicity);
	struct who w = { sex == SEX_MALE, birth_year < 1960 ? 0 : birth_year < 1990 ? 1 : 2,
			 (unsigned)rg < DEMO_REGIONS ? (int)rg : DEMO_NORTH };
	struct sb s = { .n = 0 };

	name_of(g, r, &w, e ? e->style : ST_KINH, &s);
	if (size == 0)
		return 0;
	size_t k = s.n < size ? s.n : size - 1;
	while (k > 0 && k < s.n && ((unsigned char)s.b[k] & 0xc0) == 0x80)
		k--;	/* never cut a character in two */
	while (k > 0 && s.b[k - 1] == ' ')
		k--;
	memcpy(out, s.b, k);
	out[k] = '\0';
	return k;
}

const char *demo_religion(const struct demo_gen *g, struct rng *r, const char *ethnicity,
			 enum demo_region rg)
{
	const struct eth_info *e = eth_info(ethnicity);
	int region = (unsigned)rg < DEMO_REGIONS ? (int)rg : DEMO_NORTH;

	switch (e ? e->rel : RM__COUNT) {
	case RM_KHMER:
		return pick_mix(r, MIX(REL_KHMER));
	case RM_CHAM:
		if (region == DEMO_SOUTH)
			return pick_mix(r, MIX(REL_CHAM_S));
		return pick_mix(r, MIX(REL_CHAM_C));
	case RM_HOA:
		return pick_mix(r, MIX(REL_HOA));
	case RM_HMONG:
		return pick_mix(r, MIX(REL_HMONG));
	case RM_HIGHLAND:
		return pick_mix(r, MIX(REL_HIGHLAND));
	case RM_OTHER:
		return pick_mix(r, MIX(REL_OTHER));
	default:
		return pick_s(g, r, DEMO_T_RELIGION, region);
	}
}

