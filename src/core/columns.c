/* Column names of member lists, as offices write them, and the headers of exports. */
#include "core/columns.h"

#include "core/record.h"

#include "text/fold.h"
#include "util/buf.h"

#include <stdbool.h>
#include <string.h>

static const char *const headers[C__COUNT] = {
	[C_ID] = "Mã người",
	[C_NAME] = "Họ và tên",
	[C_SEX] = "Giới tính",
	[C_BIRTH] = "Ngày sinh",
	[C_ETHNICITY] = "Dân tộc",
	[C_RELIGION] = "Tôn giáo",
	[C_CCCD] = "Số CCCD",
	[C_PHONE] = "Điện thoại",
	[C_HOMETOWN] = "Quê quán",
	[C_ADDRESS] = "Nơi ở hiện nay",
	[C_EDUCATION] = "Trình độ học vấn",
	[C_QUALIFICATION] = "Trình độ chuyên môn",
	[C_THEORY] = "Lý luận chính trị",
	[C_PARTY] = "Đảng viên",
	[C_PARTY_DATE] = "Ngày vào Đảng",
	[C_OCCUPATION] = "Nghề nghiệp",
	[C_WORKPLACE] = "Nơi làm việc",
	[C_NOTES] = "Ghi chú",
	[C_ORG] = "Tổ chức",
	[C_UNIT] = "Đơn vị",
	[C_JOIN] = "Ngày vào",
	[C_CARD] = "Số thẻ",
	[C_ROLE] = "Chức vụ",
	[C_STATUS] = "Trạng thái",
	[C_STATUS_DATE] = "Ngày đổi trạng thái",
	[C_STATUS_REASON] = "Lý do",
	[C_VERIFIED] = "Đã xác minh",
	[C_TRANSFERRED_IN] = "Chuyển đến",
};

const enum col col_export_order[] = {
	C_ID, C_NAME, C_SEX, C_BIRTH, C_ETHNICITY, C_RELIGION, C_CCCD, C_PHONE, C_HOMETOWN,
	C_ADDRESS, C_EDUCATION, C_QUALIFICATION, C_THEORY, C_PARTY, C_PARTY_DATE, C_OCCUPATION,
	C_WORKPLACE, C_NOTES, C_VERIFIED, C_ORG, C_UNIT, C_JOIN, C_TRANSFERRED_IN, C_CARD, C_ROLE,
	C_STATUS, C_STATUS_DATE, C_STATUS_REASON,
};
const size_t col_export_count = sizeof col_export_order / sizeof col_export_order[0];

static const char *field_text(const char *name, const struct person *p, struct buf *tmp)
{
	buf_reset(tmp);
	rec_field_text(rec_field(&REC_DEF_PERSON, name), p, tmp);
	return buf_str(tmp);
}

const char *col_person_text(enum col c, const struct person *p, struct buf *tmp)
{
	switch (c) {
	case C_NAME: return p->full_name;
	case C_SEX: return field_text("sex", p, tmp);
	case C_BIRTH: return field_text("birth", p, tmp);
	case C_ETHNICITY: return p->ethnicity;
	case C_RELIGION: return p->religion;
	case C_CCCD: return p->cccd;
	case C_PHONE: return p->phone;
	case C_HOMETOWN: return p->home_town;
	case C_ADDRESS: return p->address;
	case C_EDUCATION: return p->education;
	case C_QUALIFICATION: return p->qualification;
	case C_THEORY: return p->theory;
	case C_PARTY: return field_text("party_member", p, tmp);
	case C_PARTY_DATE: return field_text("party_date", p, tmp);
	case C_OCCUPATION: return p->occupation;
	case C_WORKPLACE: return p->workplace;
	case C_NOTES: return p->notes;
	case C_VERIFIED: return field_text("verified", p, tmp);
	default: return NULL;
	}
}

const char *col_header(enum col c)
{
	return c >= 0 && c < C__COUNT ? headers[c] : NULL;
}

size_t col_max_len(enum col c)
{
	switch (c) {
	case C_NAME:
	case C_NAME_HEAD:
	case C_GIVEN:
		return 200;
	case C_ADDRESS:
	case C_HOMETOWN:
	case C_WORKPLACE:
	case C_UNIT:
	case C_STATUS_REASON:
		return 500;
	case C_NOTES:
		return 4000;
	default:
		return 200;
	}
}

/* Folded, squeezed header words, and whether the header must be exactly this (short words
 * that would otherwise catch unrelated headers as a prefix). */
static const struct {
	enum col col;
	const char *words;
	bool exact;
} aliases[] = {
	{ C_ID, "ma nguoi", false }, { C_ID, "ma ca nhan", false }, { C_ID, "id", true },
	{ C_NAME, "ho va ten", false }, { C_NAME, "ho ten", false }, { C_NAME, "ten hoi vien", false },
	{ C_NAME, "ten doan vien", false }, { C_NAME, "ten thanh vien", false },
	{ C_NAME, "ten cong doan vien", false },
	{ C_NAME_HEAD, "ho va ten dem", true }, { C_NAME_HEAD, "ho dem", true },
	{ C_NAME_HEAD, "ho va dem", true }, { C_NAME_HEAD, "ho", true }, { C_GIVEN, "ten", true },
	{ C_SEX, "gioi tinh", false }, { C_SEX, "gioi", true }, { C_SEX, "phai", true },
	{ C_SEX, "nam nu", true }, { C_SEX, "gt", true },
	{ C_BIRTH, "ngay sinh", false }, { C_BIRTH, "ngay thang nam sinh", false },
	{ C_BIRTH, "nam sinh", false }, { C_BIRTH, "sinh ngay", false }, { C_BIRTH, "ns", true },
	{ C_BIRTH_MALE, "nam", true }, { C_BIRTH_MALE, "nam sinh nam", true },
	{ C_BIRTH_FEMALE, "nu", true }, { C_BIRTH_FEMALE, "nam sinh nu", true },
	{ C_ETHNICITY, "dan toc", false },
	{ C_RELIGION, "ton giao", false }, { C_RELIGION, "tg", true },
	{ C_CCCD, "so cccd", false }, { C_CCCD, "cccd", false }, { C_CCCD, "so can cuoc", false },
	{ C_CCCD, "can cuoc", false }, { C_CCCD, "cmnd", false }, { C_CCCD, "so cmnd", false },
	{ C_CCCD, "so dinh danh", false }, { C_CCCD, "ma dinh danh", false },
	{ C_CCCD, "chung minh nhan dan", false }, { C_CCCD, "so chung minh", false },
	{ C_PHONE, "dien thoai", false }, { C_PHONE, "so dien thoai", false },
	{ C_PHONE, "sdt", false }, { C_PHONE, "dt", true }, { C_PHONE, "so dt", true },
	{ C_PHONE, "dtdd", true }, { C_PHONE, "di dong", false },
	{ C_HOMETOWN, "que quan", false }, { C_HOMETOWN, "nguyen quan", false },
	{ C_HOMETOWN, "que", true },
	{ C_ADDRESS, "noi o", false }, { C_ADDRESS, "dia chi", false },
	{ C_ADDRESS, "cho o", false }, { C_ADDRESS, "noi cu tru", false },
	{ C_ADDRESS, "thuong tru", false }, { C_ADDRESS, "noi thuong tru", false },
	{ C_ADDRESS, "tru quan", false },
	{ C_EDUCATION, "trinh do hoc van", false }, { C_EDUCATION, "hoc van", false },
	{ C_EDUCATION, "van hoa", false }, { C_EDUCATION, "trinh do van hoa", false },
	{ C_EDUCATION, "giao duc pho thong", false }, { C_EDUCATION, "trinh do giao duc pho thong", false },
	{ C_EDUCATION, "gdpt", true }, { C_EDUCATION, "tdvh", true },
	{ C_QUALIFICATION, "trinh do chuyen mon", false }, { C_QUALIFICATION, "chuyen mon", false },
	{ C_QUALIFICATION, "tdcm", true }, { C_QUALIFICATION, "bang cap", false },
	{ C_QUALIFICATION, "trinh do dao tao", false },
	{ C_THEORY, "ly luan chinh tri", false }, { C_THEORY, "trinh do ly luan chinh tri", false },
	{ C_THEORY, "llct", false }, { C_THEORY, "trinh do llct", false }, { C_THEORY, "chinh tri", true },
	{ C_PARTY, "dang vien", false }, { C_PARTY, "la dang vien", false }, { C_PARTY, "dv", true },
	{ C_PARTY_DATE, "ngay vao dang", false }, { C_PARTY_DATE, "ngay ket nap dang", false },
	{ C_OCCUPATION, "nghe nghiep", false }, { C_OCCUPATION, "nghe", true },
	{ C_OCCUPATION, "cong viec", false },
	{ C_WORKPLACE, "noi lam viec", false }, { C_WORKPLACE, "co quan", false },
	{ C_WORKPLACE, "don vi cong tac", false }, { C_WORKPLACE, "noi cong tac", false },
	{ C_WORKPLACE, "co quan cong tac", false },
	{ C_NOTES, "ghi chu", false }, { C_NOTES, "gc", true },
	{ C_ORG, "to chuc", false }, { C_ORG, "doan the", false },
	{ C_UNIT, "don vi", false }, { C_UNIT, "co so", false }, { C_UNIT, "xa", true },
	{ C_UNIT, "xa phuong", true }, { C_UNIT, "phuong xa", true },
	{ C_UNIT, "xa phuong thi tran", true },
	{ C_BRANCH, "chi hoi", false }, { C_BRANCH, "chi doan", false },
	{ C_BRANCH, "to cong doan", false }, { C_BRANCH, "to hoi", false },
	{ C_BRANCH, "cong doan bo phan", false },
	{ C_JOIN, "ngay vao", false }, { C_JOIN, "ngay vao hoi", false },
	{ C_JOIN, "ngay vao doan", false }, { C_JOIN, "ngay ket nap", false },
	{ C_JOIN, "ngay gia nhap", false }, { C_JOIN, "ngay vao cong doan", false },
	{ C_JOIN, "ngay vao to chuc", false }, { C_JOIN, "nam vao hoi", false },
	{ C_JOIN, "nam vao doan", false }, { C_JOIN, "ngay ket nap hoi", false },
	{ C_JOIN, "ngay ket nap doan", false },
	{ C_CARD, "so the", false }, { C_CARD, "ma the", false }, { C_CARD, "the hoi vien", false },
	{ C_CARD, "the doan vien", false },
	{ C_ROLE, "chuc vu", false }, { C_ROLE, "chuc danh", false },
	{ C_STATUS, "trang thai", false }, { C_STATUS, "tinh trang", false },
	{ C_STATUS_DATE, "ngay doi trang thai", false }, { C_STATUS_DATE, "ngay trang thai", false },
	{ C_STATUS_DATE, "ngay thay doi", false },
	{ C_STATUS_REASON, "ly do", false },
	/* yes/no columns: exact, so that "Xác minh bởi" or "Chuyển đến từ" (texts) stay unknown */
	{ C_VERIFIED, "da xac minh", true }, { C_VERIFIED, "xac minh", true },
	{ C_VERIFIED, "xac minh danh tinh", true },
	{ C_TRANSFERRED_IN, "chuyen den", true }, { C_TRANSFERRED_IN, "chuyen sinh hoat den", true },
	{ C_SKIP, "stt", true }, { C_SKIP, "tt", true }, { C_SKIP, "so tt", true },
	{ C_SKIP, "so thu tu", true }, { C_REJECT_INFO, "dong loi", true }, { C_REJECT_INFO, "loi", true },
};

/* Fold, drop "(…)" parts, turn punctuation into spaces, squeeze. */
static void normalize(const char *s, size_t n, struct buf *out)
{
	struct buf f = BUF_INIT;
	vn_fold(&f, s, n);
	int depth = 0;
	bool space = true;
	for (size_t i = 0; i < f.len; i++) {
		unsigned char c = (unsigned char)f.p[i];
		if (c == '(') {
			depth++;
			continue;
		}
		if (c == ')') {
			if (depth)
				depth--;
			continue;
		}
		if (depth)
			continue;
		bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
		if (!word) {
			if (!space)
				buf_addc(out, ' ');
			space = true;
			continue;
		}
		buf_addc(out, (char)c);
		space = false;
	}
	if (out->len && out->p[out->len - 1] == ' ')
		out->p[--out->len] = '\0';
	buf_free(&f);
}

enum col col_match(const char *header, size_t n)
{
	struct buf h = BUF_INIT;
	normalize(header, n, &h);
	const char *s = buf_str(&h);
	enum col best = C_UNKNOWN;
	size_t best_len = 0;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		const char *w = aliases[i].words;
		size_t wl = strlen(w);
		if (strcmp(s, w) == 0) {
			best = aliases[i].col;
			break;
		}
		if (!aliases[i].exact && h.len > wl && memcmp(s, w, wl) == 0 && s[wl] == ' ' &&
		    wl > best_len) {
			best = aliases[i].col;
			best_len = wl;
		}
	}
	buf_free(&h);
	return best;
}
