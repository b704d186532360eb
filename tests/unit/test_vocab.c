/* Unit tests for src/core/vocab: the lists, canonical lookups, aliases, no shared fold keys. */
#include "tap.h"

#include "core/vocab.h"
#include "text/fold.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <unistr.h>
#include <uninorm.h>

static const struct vocab *const ALL[] = {
	&VOCAB_ETHNICITY, &VOCAB_RELIGION, &VOCAB_EDUCATION, &VOCAB_QUALIFICATION,
	&VOCAB_THEORY, &VOCAB_ROLE, &VOCAB_SEX,
};
#define NALL (sizeof ALL / sizeof ALL[0])

static const char *canon(const struct vocab *v, const char *s)
{
	return vocab_canon(v, s, strlen(s));
}

static bool is_nfc(const char *s)
{
	size_t n = strlen(s), len = 0;
	if (u8_check((const uint8_t *)s, n))
		return false;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len);
	bool same = r && len == n && memcmp(r, s, n) == 0;
	free(r);
	return same;
}

static void test_lists(void)
{
	const struct vocab *e = &VOCAB_ETHNICITY;
	is_int(e->n, 54, "54 ethnic groups");
	is_str(e->items[0], "Kinh", "Kinh first");
	is_str(e->items[1], "Tày", "then Tày");
	is_str(e->items[2], "Thái", "then Thái");
	is_str(e->items[3], "Mường", "then Mường");
	is_str(e->items[4], "Khmer", "then Khmer");
	is_str(e->items[53], "Ơ Đu", "Ơ Đu last");
	is_str(VOCAB_RELIGION.items[0], "Không", "religion: Không first");
	is_int(VOCAB_RELIGION.n, 17, "Không and the 16 recognised religions");
	is_str(VOCAB_EDUCATION.items[0], "12/12", "education starts at 12/12");
	is_str(VOCAB_EDUCATION.items[VOCAB_EDUCATION.n - 1], "Chưa học", "and ends with Chưa học");
	is_int(VOCAB_EDUCATION.n, 23, "12 + 10 grades and Chưa học");
	is_int(VOCAB_QUALIFICATION.n, 7, "seven qualification levels");
	is_int(VOCAB_THEORY.n, 5, "five political theory levels");
	is_int(VOCAB_SEX.n, 2, "two sexes");
	is_str(VOCAB_SEX.items[0], "Nam", "Nam");
	is_str(VOCAB_SEX.items[1], "Nữ", "Nữ");
	ok(VOCAB_ROLE.n >= 15, "roles across the organizations (%zu)", VOCAB_ROLE.n);

	int bad_nfc = 0, dup = 0, bad_alias = 0, empty = 0;
	for (size_t k = 0; k < NALL; k++) {
		const struct vocab *v = ALL[k];
		ok(v->name && *v->name, "list %zu has a name", k);
		for (size_t i = 0; i < v->n; i++) {
			empty += !*v->items[i];
			bad_nfc += !is_nfc(v->items[i]);
			for (size_t j = 0; j < i; j++)
				dup += strcmp(v->items[i], v->items[j]) == 0;
		}
		for (size_t i = 0; i < v->naliases; i++) {
			bad_nfc += !is_nfc(v->aliases[i].alias);
			if (vocab_index(v, v->aliases[i].canon) < 0) {
				bad_alias++;
				diag("%s: alias '%s' -> '%s' which is not an item", v->name,
				     v->aliases[i].alias, v->aliases[i].canon);
			}
		}
	}
	is_int(bad_nfc, 0, "every item and alias is valid UTF-8 in NFC");
	is_int(dup, 0, "no item appears twice");
	is_int(empty, 0, "no empty item");
	is_int(bad_alias, 0, "every alias points at an item of its list");
}

/* Looking up every spelling exactly, folded and in capitals must give back its own item: a
 * wrong precomputed key, or a key shared with another item, would give NULL or the other one. */
static void test_no_collisions(void)
{
	struct buf b = BUF_INIT;
	int wrong = 0, folds = 0;

	for (size_t k = 0; k < NALL; k++) {
		const struct vocab *v = ALL[k];
		for (size_t i = 0; i < v->n; i++) {
			const char *it = v->items[i];
			if (canon(v, it) != it) {
				wrong++;
				diag("%s: '%s' exact", v->name, it);
			}
			buf_reset(&b);
			vn_fold(&b, it, strlen(it));
			if (canon(v, buf_str(&b)) != it) {
				wrong++;
				diag("%s: '%s' folded as '%s' gives '%s'", v->name, it, buf_str(&b),
				     canon(v, buf_str(&b)) ? canon(v, buf_str(&b)) : "(null)");
			}
			/* Plain vn_fold keys already differ, without our extra squeezing. */
			for (size_t j = 0; j < i; j++) {
				struct buf c = BUF_INIT;
				vn_fold(&c, v->items[j], strlen(v->items[j]));
				if (strcmp(buf_str(&b), buf_str(&c)) == 0) {
					folds++;
					diag("%s: '%s' and '%s' fold alike", v->name, it,
					     v->items[j]);
				}
				buf_free(&c);
			}
			buf_reset(&b);
			vn_upper(&b, it, strlen(it));
			if (canon(v, buf_str(&b)) != it) {
				wrong++;
				diag("%s: '%s' in capitals", v->name, it);
			}
		}
		for (size_t i = 0; i < v->naliases; i++) {
			const char *a = v->aliases[i].alias;
			const char *want = v->items[vocab_index(v, v->aliases[i].canon)];
			if (canon(v, a) != want) {
				wrong++;
				diag("%s: alias '%s' gives '%s', not '%s'", v->name, a,
				     canon(v, a) ? canon(v, a) : "(null)", want);
			}
			buf_reset(&b);
			vn_fold(&b, a, strlen(a));
			if (canon(v, buf_str(&b)) != want) {
				wrong++;
				diag("%s: alias '%s' folded", v->name, a);
			}
		}
	}
	is_int(wrong, 0, "every item and alias, exact, folded or in capitals, finds its own item");
	is_int(folds, 0, "no two items of a list fold alike");
	buf_free(&b);
}

static void test_lookups(void)
{
	const struct vocab *e = &VOCAB_ETHNICITY, *r = &VOCAB_RELIGION;

	is_str(canon(e, "Kinh"), "Kinh", "exact");
	is_str(canon(e, "kinh"), "Kinh", "lowercase");
	is_str(canon(e, "KINH"), "Kinh", "capitals");
	is_str(canon(e, "  Kinh  "), "Kinh", "surrounding spaces");
	is_str(canon(e, "Kinh (Việt)"), "Kinh", "Kinh (Việt)");
	is_str(canon(e, "kinh(viet)"), "Kinh", "kinh(viet)");
	is_str(canon(e, "Việt"), "Kinh", "Việt");
	is_str(canon(e, "Mèo"), "Mông", "Mèo -> Mông");
	is_str(canon(e, "H'Mông"), "Mông", "H'Mông -> Mông");
	is_str(canon(e, "H\xe2\x80\x99m\xc3\xb4ng"), "Mông", "H’mông with a curly apostrophe");
	is_str(canon(e, "HMông"), "Mông", "HMông");
	is_str(canon(e, "Khơ Me"), "Khmer", "Khơ Me -> Khmer");
	is_str(canon(e, "khơ-me"), "Khmer", "khơ-me");
	is_str(canon(e, "Ê-đê"), "Ê Đê", "Ê-đê");
	is_str(canon(e, "ede"), "Ê Đê", "ede");
	is_str(canon(e, "Jrai"), "Gia Rai", "Jrai");
	is_str(canon(e, "gia-rai"), "Gia Rai", "gia-rai");
	is_str(canon(e, "Bru Vân Kiều"), "Bru-Vân Kiều", "Bru Vân Kiều");
	is_str(canon(e, "Bru - Vân Kiều"), "Bru-Vân Kiều", "Bru - Vân Kiều");
	is_str(canon(e, "Vân Kiều"), "Bru-Vân Kiều", "Vân Kiều");
	is_str(canon(e, "Mán"), "Dao", "Mán -> Dao");
	is_str(canon(e, "Thổ"), "Thổ", "Thổ is its own group");
	is_str(canon(e, "Tày"), "Tày", "Tày is not Thổ");
	is_str(canon(e, "M'Nông"), "Mnông", "M'Nông");
	is_str(canon(e, "X'Tiêng"), "Xtiêng", "X'Tiêng");
	is_str(canon(e, "Cơ Lao"), "Cờ Lao", "Cơ Lao");
	is_str(canon(e, "Tha\xcc\x81i"), "Thái", "decomposed (NFD) input");
	is_str(canon(e, "La Hu"), "La Hủ", "La Hu");
	is_str(canon(e, "la ha"), "La Ha", "la ha stays La Ha");
	is_str(canon(e, "Kinhxyz") , NULL, "unknown -> NULL");
	ok(vocab_canon(e, "Kinhxyz", 4) == e->items[0], "only n bytes are read");

	is_str(canon(r, "phat giao"), "Phật giáo", "phat giao");
	is_str(canon(r, "Đạo Phật"), "Phật giáo", "Đạo Phật");
	is_str(canon(r, "Thiên Chúa giáo"), "Công giáo", "Thiên Chúa giáo -> Công giáo");
	is_str(canon(r, "Thiên chúa"), "Công giáo", "Thiên chúa");
	is_str(canon(r, "Hòa Hảo"), "Phật giáo Hòa Hảo", "Hòa Hảo");
	is_str(canon(r, "Hoà Hảo"), "Phật giáo Hòa Hảo", "Hoà Hảo (new tone place)");
	is_str(canon(r, "Không tôn giáo"), "Không", "Không tôn giáo");
	is_str(canon(r, "Không theo tôn giáo"), "Không", "Không theo tôn giáo");
	is_str(canon(r, "Tin Lành"), "Tin lành", "Tin Lành");
	is_str(canon(r, "Bà La Môn"), "Bà-la-môn", "Bà La Môn");
	is_str(canon(r, "Bahá'í"), "Baha'i", "Bahá'í");
	is_str(canon(r, "Cao đài"), "Cao Đài", "Cao đài");
	is_str(canon(r, "Minh Lý đạo – Tam Tông Miếu"), "Minh Lý đạo - Tam Tông Miếu", "en dash");
	is_str(canon(r, "Mặc Môn"), "Các Thánh hữu Ngày sau", "Mặc Môn");

	is_str(canon(&VOCAB_EDUCATION, "12 / 12"), "12/12", "12 / 12");
	is_str(canon(&VOCAB_EDUCATION, "Lớp 9"), "9/12", "Lớp 9");
	is_str(canon(&VOCAB_EDUCATION, "7/10"), "7/10", "7/10 of the 10-year system");
	is_str(canon(&VOCAB_EDUCATION, "THPT"), "12/12", "THPT");
	is_str(canon(&VOCAB_EDUCATION, "chua hoc"), "Chưa học", "chua hoc");
	is_str(canon(&VOCAB_EDUCATION, "13/12"), NULL, "13/12 is unknown");
	is_str(canon(&VOCAB_QUALIFICATION, "ĐH"), "Đại học", "ĐH");
	is_str(canon(&VOCAB_QUALIFICATION, "dh"), "Đại học", "dh");
	is_str(canon(&VOCAB_QUALIFICATION, "CĐ"), "Cao đẳng", "CĐ");
	is_str(canon(&VOCAB_QUALIFICATION, "TC"), "Trung cấp", "TC");
	is_str(canon(&VOCAB_QUALIFICATION, "TS"), "Tiến sĩ", "TS");
	is_str(canon(&VOCAB_QUALIFICATION, "ThS"), "Thạc sĩ", "ThS");
	is_str(canon(&VOCAB_QUALIFICATION, "Thạc sỹ"), "Thạc sĩ", "Thạc sỹ");
	is_str(canon(&VOCAB_QUALIFICATION, "Cử nhân"), "Đại học", "Cử nhân -> Đại học");
	is_str(canon(&VOCAB_QUALIFICATION, "Kỹ sư"), "Đại học", "Kỹ sư -> Đại học");
	is_str(canon(&VOCAB_QUALIFICATION, "PGS. TS."), "Tiến sĩ", "PGS. TS.");
	is_str(canon(&VOCAB_THEORY, "Cử nhân"), "Cử nhân", "theory: Cử nhân stays");
	is_str(canon(&VOCAB_THEORY, "Trung cấp lý luận chính trị"), "Trung cấp", "Trung cấp LLCT");
	is_str(canon(&VOCAB_THEORY, "cao cap"), "Cao cấp", "cao cap");
	is_str(canon(&VOCAB_ROLE, "UVBCH"), "Ủy viên Ban Chấp hành", "UVBCH");
	is_str(canon(&VOCAB_ROLE, "Uỷ viên Ban Thường vụ"), "Ủy viên Ban Thường vụ",
	       "Uỷ (new tone place)");
	is_str(canon(&VOCAB_ROLE, "trưởng chi hội"), "Chi hội trưởng", "trưởng chi hội");
	is_str(canon(&VOCAB_ROLE, "hoi vien"), "Hội viên", "hoi vien");
	is_str(canon(&VOCAB_SEX, "nam"), "Nam", "nam");
	is_str(canon(&VOCAB_SEX, "NỮ"), "Nữ", "NỮ");
	is_str(canon(&VOCAB_SEX, "nu"), "Nữ", "nu");
	is_str(canon(&VOCAB_SEX, "Nữ giới"), "Nữ", "Nữ giới");
	is_str(canon(&VOCAB_SEX, "male"), "Nam", "male");
	is_str(canon(&VOCAB_SEX, "F"), "Nữ", "F");
	is_str(canon(&VOCAB_SEX, "1"), NULL, "1 is not a sex");
	is_str(canon(&VOCAB_SEX, ""), NULL, "empty -> NULL");
	is_str(canon(&VOCAB_SEX, " - "), NULL, "only separators -> NULL");
	is_str(vocab_canon(&VOCAB_SEX, NULL, 0), NULL, "NULL -> NULL");

	is_int(vocab_index(e, "Kinh"), 0, "index of Kinh");
	is_int(vocab_index(e, "Ơ Đu"), 53, "index of Ơ Đu");
	is_int(vocab_index(e, "kinh"), -1, "index wants the canonical spelling");
	is_int(vocab_index(e, NULL), -1, "index of NULL");
}

/* A list built elsewhere has no precomputed keys: the lookup folds its items itself. */
static void test_other_list(void)
{
	static const char *const items[] = { "Hà Nội", "Hải Phòng" };
	static const struct vocab_alias aliases[] = { { "HN", "Hà Nội" }, { "HP", "Hải Phòng" } };
	const struct vocab v = { "city", items, 2, aliases, 2 };

	is_str(canon(&v, "Hà Nội"), "Hà Nội", "other list: exact");
	is_str(canon(&v, "ha noi"), "Hà Nội", "other list: folded");
	is_str(canon(&v, "HẢI PHÒNG"), "Hải Phòng", "other list: capitals");
	is_str(canon(&v, "hp"), "Hải Phòng", "other list: alias");
	is_str(canon(&v, "Huế"), NULL, "other list: unknown");
	ok(canon(&v, "ha noi") == items[0], "returns the list's own pointer");
}

static int rank(const char *s)
{
	return (int)vocab_role_rank(s, strlen(s));
}

static int grade(const char *s)
{
	return vocab_grade12(s, strlen(s));
}

static void test_report_classes(void)
{
	bool all = true;
	for (size_t i = 0; i < VOCAB_ROLE.n; i++)
		all &= rank(VOCAB_ROLE.items[i]) != ROLE_OTHER;
	ok(all, "every role of the list has a rank");
	is_int(rank("Chi hội trưởng"), ROLE_HEAD, "Chi hội trưởng heads");
	is_int(rank("PBT"), ROLE_DEPUTY, "PBT (an alias) is a deputy");
	is_int(rank("Chủ nhiệm UBKT"), ROLE_COMMITTEE, "the inspection committee's head is on a committee");
	is_int(rank("Đoàn viên công đoàn"), ROLE_NONE, "a plain member");
	is_int(rank(""), ROLE_NONE, "no role");
	is_int(rank("Thủ quỹ"), ROLE_OTHER, "a role not in the list");
	is_int(grade("12/12"), 12, "12/12");
	is_int(grade("7/10"), 9, "7/10 is lower secondary finished: 9");
	is_int(grade("10/10"), 12, "10/10 is 12");
	is_int(grade("6/10"), 6, "6/10 is 6");
	is_int(grade("Lớp 9"), 9, "an alias");
	is_int(grade("Chưa học"), 0, "no schooling");
	is_int(grade(""), -1, "empty");
	is_int(grade("đại học"), -1, "not a grade");
}

int main(void)
{
	test_lists();
	test_report_classes();
	test_no_collisions();
	test_lookups();
	test_other_list();
	return done_testing();
}
