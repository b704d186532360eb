/* Unit tests for src/core/columns.c: column headers as offices write them. */
#include "tap.h"

#include "core/columns.h"

static void is_col(const char *header, enum col want)
{
	is_int(col_match(header, strlen(header)), want, "'%s'", header);
}

int main(void)
{
	is_col("Họ và tên", C_NAME);
	is_col("HỌ VÀ TÊN", C_NAME);
	is_col("ho va ten", C_NAME);
	is_col("Họ và tên hội viên", C_NAME);
	is_col("Họ tên", C_NAME);
	is_col("  Họ   và  tên  ", C_NAME);
	is_col("Họ và tên đệm", C_NAME_HEAD);
	is_col("Tên", C_GIVEN);
	is_col("Ngày sinh", C_BIRTH);
	is_col("Ngày sinh (dd/mm/yyyy)", C_BIRTH);
	is_col("Ngày, tháng, năm sinh", C_BIRTH);
	is_col("Năm sinh", C_BIRTH);
	is_col("Nam", C_BIRTH_MALE);
	is_col("Nữ", C_BIRTH_FEMALE);
	is_col("Giới tính", C_SEX);
	is_col("Nam/Nữ", C_SEX);
	is_col("Dân tộc", C_ETHNICITY);
	is_col("Tôn giáo", C_RELIGION);
	is_col("Số CCCD", C_CCCD);
	is_col("CMND/CCCD", C_CCCD);
	is_col("Số định danh cá nhân", C_CCCD);
	is_col("Số điện thoại", C_PHONE);
	is_col("SĐT", C_PHONE);
	is_col("Đã xác minh", C_VERIFIED);
	is_col("Xác minh", C_VERIFIED);
	is_col("Xác minh bởi", C_UNKNOWN);	/* a text, not yes or no */
	is_col("Chuyển đến", C_TRANSFERRED_IN);
	is_col("CHUYỂN SINH HOẠT ĐẾN", C_TRANSFERRED_IN);
	is_col("Chuyển đến từ", C_UNKNOWN);	/* a place */
	is_col("Quê quán", C_HOMETOWN);
	is_col("Nơi ở hiện nay", C_ADDRESS);
	is_col("Địa chỉ", C_ADDRESS);
	is_col("Trình độ học vấn", C_EDUCATION);
	is_col("Trình độ chuyên môn", C_QUALIFICATION);
	is_col("Lý luận chính trị", C_THEORY);
	is_col("Đảng viên", C_PARTY);
	is_col("Ngày vào Đảng", C_PARTY_DATE);
	is_col("Ngày vào Đoàn", C_JOIN);
	is_col("Ngày vào Hội", C_JOIN);
	is_col("Ngày kết nạp", C_JOIN);
	is_col("Ngày vào", C_JOIN);
	is_col("Nghề nghiệp", C_OCCUPATION);
	is_col("Nơi làm việc", C_WORKPLACE);
	is_col("Ghi chú", C_NOTES);
	is_col("Tổ chức", C_ORG);
	is_col("Đơn vị", C_UNIT);
	is_col("Xã/Phường", C_UNIT);
	is_col("Chi hội", C_BRANCH);
	is_col("Chi đoàn", C_BRANCH);
	is_col("Tổ công đoàn", C_BRANCH);
	is_col("Số thẻ", C_CARD);
	is_col("Số thẻ hội viên", C_CARD);
	is_col("Chức vụ", C_ROLE);
	is_col("Trạng thái", C_STATUS);
	is_col("Lý do", C_STATUS_REASON);
	is_col("Mã người", C_ID);
	is_col("STT", C_SKIP);
	is_col("TT", C_SKIP);
	is_col("Dòng lỗi", C_REJECT_INFO);
	is_col("Lỗi", C_REJECT_INFO);
	is_col("Sở thích", C_UNKNOWN);
	is_col("", C_UNKNOWN);
	is_col("Hoten", C_UNKNOWN);
	/* Every header hoivien exports is read back as the same column. */
	int good = 1;
	for (size_t i = 0; i < col_export_count; i++) {
		const char *h = col_header(col_export_order[i]);
		if (col_match(h, strlen(h)) != col_export_order[i]) {
			diag("export header '%s' is not read back", h);
			good = 0;
		}
	}
	ok(good, "every export header imports as its own column");
	return done_testing();
}
