/* Unit tests for src/core/form: every check with its verdict, clean forms, input kept as typed
 * when wrong, dirty tracking, load -> apply round trips, bulk entry's carried fields. */
#include "tap.h"

#include "core/form.h"
#include "core/record.h"
#include "core/screen.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>

static const char CHECKS[] =
	"title \"Thử\" en \"Test\"\n"
	"field person.full_name label \"Họ và tên\" en \"Full name\" row 1 col 0 input 20 width 40\n"
	"    required\n"
	"field person.sex label \"Giới tính\" en \"Sex\" row 2 col 0 input 20 width 5\n"
	"field person.birth label \"Ngày sinh\" en \"Date of birth\" row 3 col 0 input 20\n"
	"field person.cccd label \"Số CCCD\" en \"CCCD\" row 4 col 0 input 20\n"
	"field person.phone label \"Điện thoại\" en \"Phone\" row 5 col 0 input 20 width 15\n"
	"field person.ethnicity label \"Dân tộc\" en \"Ethnicity\" row 6 col 0 input 20 width 15\n"
	"field person.religion label \"Tôn giáo\" en \"Religion\" row 7 col 0 input 20 width 15\n"
	"field person.party_member label \"Đảng viên\" en \"Party member\" row 8 col 0 input 20\n"
	"field person.party_date label \"Ngày vào Đảng\" en \"Party date\" row 9 col 0 input 20\n"
	"field membership.join_date label \"Ngày vào\" en \"Joined\" row 10 col 0 input 20\n"
	"field membership.status label \"Trạng thái\" en \"Status\" row 11 col 0 input 20 width 20\n"
	"field membership.org label \"Tổ chức\" en \"Organization\" row 12 col 0 input 20 width 10\n"
	"    required\n"
	"field membership.unit label \"Đơn vị\" en \"Unit\" row 13 col 0 input 20 width 40\n"
	"field membership.card_no label \"Số thẻ\" en \"Card\" row 14 col 0 input 20 width 10\n"
	"    type number\n"
	"field membership.role label \"Chức vụ\" en \"Role\" row 15 col 0 input 20 width 20\n"
	"field person.notes label \"Ghi chú\" en \"Notes\" row 16 col 0 input 20 width 40\n";

static struct screen *parse(const char *text)
{
	struct screen *s = NULL;
	struct buf errs = BUF_INIT;
	if (screen_load_text(text, strlen(text), "test.scr", &s, &errs) != 0)
		diag("screen errors:\n%s", buf_str(&errs));
	buf_free(&errs);
	return s;
}

static struct screen *shipped(const char *name)
{
	const char *dir = getenv("HOIVIEN_DATADIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/screens/%s.scr", dir && *dir ? dir : ".", name);
	struct screen *s = NULL;
	struct buf errs = BUF_INIT;
	if (screen_load_file(path, &s, &errs) != 0)
		diag("%s", buf_str(&errs));
	buf_free(&errs);
	return s;
}

static int idx(const struct form *f, const char *name)
{
	int i = screen_field_index(form_screen(f), name);
	if (i < 0)
		diag("no field %s", name);
	return i;
}

static void set(struct form *f, const char *name, const char *text)
{
	form_set(f, idx(f, name), text);
}

/* One check: the verdict, the text after it (the clean form, or the input untouched when it is
 * an error) and the message. */
struct expect {
	const char *field, *in;
	enum form_verdict v;
	const char *out;	/* NULL: the input, byte for byte */
	const char *msg;	/* NULL: "" */
};

/* s with control characters as \xNN, for a test's description (one TAP line). */
static const char *shown(const char *s, struct buf *b)
{
	buf_reset(b);
	for (; *s; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			buf_printf(b, "\\x%02x", (unsigned char)*s);
		else
			buf_addc(b, *s);
	}
	return buf_str(b);
}

static void run(struct form *f, const struct expect *x, size_t n, const char *what)
{
	struct buf b = BUF_INIT;
	for (size_t k = 0; k < n; k++) {
		int i = idx(f, x[k].field);
		const char *in = shown(x[k].in, &b);
		form_set(f, i, x[k].in);
		enum form_verdict v = form_check_field(f, i);
		is_int(v, x[k].v, "%s: %s \"%s\": verdict", what, x[k].field, in);
		is_str(form_get(f, i), x[k].out ? x[k].out : x[k].in, "%s: %s \"%s\": text",
		       what, x[k].field, in);
		is_str(form_message(f, i), x[k].msg ? x[k].msg : "", "%s: %s \"%s\": message",
		       what, x[k].field, in);
		is_int(form_verdict(f, i), v, "the verdict stays with the field");
	}
	buf_free(&b);
}

static void test_single_fields(struct form *f)
{
	static const struct expect x[] = {
		/* required */
		{ "person.full_name", "", FV_ERROR, NULL, "Full name: must be filled in" },
		{ "person.full_name", "   ", FV_ERROR, NULL, "Full name: must be filled in" },
		{ "membership.org", "", FV_ERROR, NULL, "Organization: must be filled in" },
		{ "person.notes", "", FV_OK, NULL, NULL },
		/* names: cleaned, two words at least */
		{ "person.full_name", "  NGUYỄN   THỊ   HOA  ", FV_OK, "Nguyễn Thị Hoa", NULL },
		{ "person.full_name", "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n An", FV_OK, "Nguyễn Văn An",
		  NULL },
		{ "person.full_name", "Tôn Nữ Thị  Ninh", FV_OK, "Tôn Nữ Thị Ninh", NULL },
		{ "person.full_name", " nguyễn ", FV_ERROR, NULL,
		  "Full name: \"Nguyễn\" is one word: write the full name (surname, middle and given "
		  "name)" },
		{ "person.full_name", "Nguy\xff", FV_ERROR, NULL,
		  "Full name: the text is not valid UTF-8" },
		/* dates */
		{ "person.birth", "1/2/1990", FV_OK, "01/02/1990", NULL },
		{ "person.birth", " 1985 ", FV_OK, "1985", NULL },
		{ "person.birth", "31/02/1990", FV_ERROR, NULL,
		  "Date of birth: day 31 does not exist in 02/1990 (that month has 28 days)" },
		{ "person.birth", "12/3/85", FV_ERROR, NULL,
		  "Date of birth: two-digit year in \"12/3/85\": write the year in full (1985, not 85)" },
		{ "person.birth", "2099", FV_ERROR, NULL, "Date of birth: 2099 is in the future" },
		{ "person.birth", "01/01/2099", FV_ERROR, NULL,
		  "Date of birth: 01/01/2099 is in the future" },
		/* yes / no */
		{ "person.party_member", "c", FV_OK, "Có", NULL },
		{ "person.party_member", "có", FV_OK, "Có", NULL },
		{ "person.party_member", "CÓ", FV_OK, "Có", NULL },
		{ "person.party_member", "y", FV_OK, "Có", NULL },
		{ "person.party_member", "yes", FV_OK, "Có", NULL },
		{ "person.party_member", "x", FV_OK, "Có", NULL },
		{ "person.party_member", "k", FV_OK, "Không", NULL },
		{ "person.party_member", "không", FV_OK, "Không", NULL },
		{ "person.party_member", "khong", FV_OK, "Không", NULL },
		{ "person.party_member", "n", FV_OK, "Không", NULL },
		{ "person.party_member", "No", FV_OK, "Không", NULL },
		{ "person.party_member", "", FV_OK, NULL, NULL },
		{ "person.party_member", "maybe", FV_ERROR, NULL,
		  "Party member: \"maybe\" is neither Có nor Không (c/k, y/n, x)" },
		/* lists: what vocab_canon accepts, as the canonical item */
		{ "person.ethnicity", "kinh", FV_OK, "Kinh", NULL },
		{ "person.ethnicity", "H'Mông", FV_OK, "Mông", NULL },
		{ "person.ethnicity", "Martian", FV_ERROR, NULL,
		  "Ethnicity: \"Martian\" is not in the list (54 items)" },
		{ "person.religion", "Thiên Chúa giáo", FV_OK, "Công giáo", NULL },
		{ "person.sex", "nu", FV_OK, "Nữ", NULL },
		{ "person.sex", "F", FV_OK, "Nữ", NULL },
		{ "person.sex", "NAM", FV_OK, "Nam", NULL },
		{ "person.sex", "X", FV_ERROR, NULL, "Sex: \"X\" is not one of: Nam, Nữ" },
		{ "membership.status", "deceased", FV_OK, "Từ trần", NULL },
		{ "membership.status", "đã mất", FV_OK, "Từ trần", NULL },
		{ "membership.role", "CHT", FV_OK, "Chi hội trưởng", NULL },
		/* phone numbers */
		{ "person.phone", " 0912 345 678 ", FV_OK, "0912 345 678", NULL },
		{ "person.phone", "0912.345.678", FV_OK, NULL, NULL },
		{ "person.phone", "024 3825 1234", FV_OK, NULL, NULL },
		{ "person.phone", "+84 912 345 678", FV_OK, NULL, NULL },
		{ "person.phone", "+1 202 555 0100", FV_OK, NULL, NULL },
		{ "person.phone", "0912 abc 678", FV_ERROR, NULL,
		  "Phone: \"0912 abc 678\" is not a phone number: only digits, spaces, dots, dashes "
		  "and a leading + may be written" },
		{ "person.phone", "0912+345678", FV_ERROR, NULL,
		  "Phone: \"0912+345678\" is not a phone number: only digits, spaces, dots, dashes "
		  "and a leading + may be written" },
		{ "person.phone", "091 234 567", FV_ERROR, NULL,
		  "Phone: \"091 234 567\" has 9 digits; a Vietnamese phone number has 10 (mobile) or "
		  "11 (landline)" },
		{ "person.phone", "912345678", FV_ERROR, NULL,
		  "Phone: \"912345678\" does not start with 0 or +84 (was the leading 0 lost?)" },
		{ "person.phone", "+84 12345", FV_ERROR, NULL,
		  "Phone: \"+84 12345\" has 5 digits after +84; a Vietnamese number has 9 or 10" },
		/* numbers, text, units */
		{ "membership.card_no", " 0123 ", FV_OK, "0123", NULL },
		{ "membership.card_no", "12a", FV_ERROR, NULL, "Card: \"12a\" is not a number (digits only)" },
		{ "person.notes", "  hai   dòng\nmột\tdòng ", FV_OK, "hai dòng một dòng", NULL },
		{ "person.notes", "màu \x1b[31mđỏ", FV_OK, "màu đỏ", NULL },
		{ "person.notes", "ab\xc3", FV_ERROR, NULL, "Notes: the text is not valid UTF-8" },
		{ "membership.unit", "Xã An Bình/  Chi hội   Thôn Đông ", FV_OK,
		  "Xã An Bình / Chi hội Thôn Đông", NULL },
		{ "membership.org", " Hội  Phụ nữ ", FV_OK, "Hội Phụ nữ", NULL },
	};
	run(f, x, sizeof x / sizeof x[0], "single");
}

/* The checks that look at another field: dates after the birth, the CCCD against sex and year. */
static void test_cross_fields(struct form *f)
{
	form_clear(f);
	set(f, "person.birth", "12/03/1985");
	set(f, "person.sex", "Nam");
	static const struct expect x[] = {
		{ "membership.join_date", "2005", FV_OK, NULL, NULL },
		{ "membership.join_date", "1985", FV_OK, NULL, NULL },	/* same year: cannot tell */
		{ "membership.join_date", "03/1985", FV_OK, NULL, NULL },
		{ "membership.join_date", "02/1985", FV_ERROR, NULL,
		  "Joined: 02/1985 is before the date of birth 12/03/1985" },
		{ "membership.join_date", "1/1/1970", FV_ERROR, NULL,
		  "Joined: 01/01/1970 is before the date of birth 12/03/1985" },
		{ "person.party_date", "1980", FV_ERROR, NULL,
		  "Party date: 1980 is before the date of birth 12/03/1985" },
		{ "person.party_date", "2/9/2010", FV_OK, "02/09/2010", NULL },
		/* CCCD: not 12 digits is an error; disagreeing with the record a warning */
		{ "person.cccd", "001 085 001 234", FV_OK, "001085001234", NULL },
		{ "person.cccd", "12345", FV_ERROR, NULL,
		  "CCCD: an ID number must have 12 digits (CCCD) or 9 (CMND), found 5 in \"12345\"" },
		{ "person.cccd", "00108500123", FV_ERROR, NULL,
		  "CCCD: CCCD must have 12 digits, found 11 in \"00108500123\" (a leading 0 lost in a "
		  "spreadsheet?)" },
		{ "person.cccd", "001185001234", FV_WARNING, "001185001234",
		  "CCCD: CCCD 001185001234: 4th digit 1 means female, but the record says male" },
		{ "person.cccd", "001086001234", FV_WARNING, "001086001234",
		  "CCCD: CCCD 001086001234: digits 5-6 mean a birth year ending in 86, but the record "
		  "says born in 1985" },
		{ "person.cccd", "001386001234", FV_WARNING, "001386001234",
		  "CCCD: CCCD 001386001234: 4th digit 3 means female, but the record says male; "
		  "CCCD 001386001234: 4th digit 3 means born in 2000-2099, but the record says born "
		  "in 1985; CCCD 001386001234: digits 5-6 mean a birth year ending in 86, but the "
		  "record says born in 1985" },
		{ "person.cccd", "123 456 789", FV_WARNING, "123456789",
		  "CCCD: 123456789 is an old 9-digit CMND number; the 12-digit CCCD replaces it" },
	};
	run(f, x, sizeof x / sizeof x[0], "cross");

	/* The messages of cccd_parse, word for word. */
	int c = idx(f, "person.cccd");
	form_set(f, c, "12345");
	form_check_field(f, c);
	ok(strncmp(form_message(f, c), "CCCD: ", 6) == 0 && strlen(form_message(f, c)) > 6,
	   "a bad CCCD says why: %s", form_message(f, c));

	/* Sex and birth changed on the form change the verdict on the CCCD. */
	set(f, "person.sex", "Nữ");
	set(f, "person.birth", "2001");
	form_set(f, c, "001301001234");
	is_int(form_check_field(f, c), FV_OK, "a woman born 2001: 0013 01");
	set(f, "person.birth", "31/02/2001");	/* a bad birth date is no evidence either way */
	form_set(f, c, "001301001234");
	is_int(form_check_field(f, c), FV_OK, "unknown birth: no year to disagree with");
	set(f, "person.birth", "");
	int j = idx(f, "membership.join_date");
	form_set(f, j, "1950");
	is_int(form_check_field(f, j), FV_OK, "no birth date: any join date");
}

/* Without a birth field on the screen, the loaded person's birth is the reference. */
static void test_context(void)
{
	struct screen *s = parse("title \"T\"\n"
				 "field membership.join_date label \"Vào\" en \"Joined\" row 2 col 1\n"
				 "field person.cccd label \"CCCD\" row 3 col 1\n");
	if (!ok(s != NULL, "context screen"))
		return;
	struct form *f = form_new(s);
	struct person p = { .birth = 19900515, .sex = SEX_FEMALE };
	form_load_person(f, &p);
	int j = idx(f, "membership.join_date");
	form_set(f, j, "1989");
	is_int(form_check_field(f, j), FV_ERROR, "before the loaded person's birth");
	is_str(form_message(f, j), "Joined: 1989 is before the date of birth 15/05/1990",
	       "message names the stored birth");
	int c = idx(f, "person.cccd");
	form_set(f, c, "001090001234");
	is_int(form_check_field(f, c), FV_WARNING, "CCCD checked against the stored sex");
	form_clear(f);
	form_set(f, j, "1989");
	is_int(form_check_field(f, j), FV_OK, "cleared: no birth to compare with");
	form_free(&f);
	ok(f == NULL, "form_free NULLs");
	form_free(&f);
	screen_free(&s);
}

static void test_check_all(struct form *f)
{
	form_clear(f);
	set(f, "person.full_name", "Lê Văn Tám");
	set(f, "person.birth", "31/02/1990");
	set(f, "person.sex", "Nam");
	set(f, "person.cccd", "001185001234");	/* the female digit */
	set(f, "person.phone", "12");
	int nerr = -1, nwarn = -1;
	int first = form_check_all(f, &nerr, &nwarn);
	is_int(first, idx(f, "person.birth"), "the first error is the birth date");
	is_int(nerr, 3, "three errors (birth, phone, the required organization)");
	is_int(nwarn, 1, "one warning: the CCCD's sex digit");
	set(f, "person.birth", "1985");
	set(f, "person.phone", "");
	set(f, "membership.org", "MT");
	set(f, "person.sex", "Nữ");
	first = form_check_all(f, &nerr, NULL);
	is_int(first, -1, "no error left");
	is_int(nerr, 0, "no errors");
	first = form_check_all(f, NULL, &nwarn);
	is_int(nwarn, 0, "the CCCD agrees with 1985 and Nữ");
	set(f, "person.full_name", "");
	is_int(form_check_all(f, NULL, NULL), 0, "the name, first on the screen");
}

static void test_verbatim_and_dirty(struct form *f)
{
	form_clear(f);
	ok(!form_dirty(f, -1), "a cleared form is not dirty");
	int b = idx(f, "person.birth");
	const char *typed = "  31/02/1990\t";
	form_set(f, b, typed);
	ok(form_dirty(f, b) && form_dirty(f, -1), "typing makes it dirty");
	is_int(form_check_field(f, b), FV_ERROR, "bad date");
	is_str(form_get(f, b), typed, "kept byte for byte");
	is_int(form_check_all(f, NULL, NULL) >= 0, 1, "check_all");
	is_str(form_get(f, b), typed, "still kept after check_all");
	struct person p = { 0 };
	p.notes = xstrdup("untouched");
	struct err e;
	err_clear(&e);
	is_int(form_apply_person(f, &p, &e), -ERR_INVAL, "apply refuses");
	is_str(e.where, "person.full_name", "the first error: the required name");
	set(f, "person.full_name", "Lê Văn Tám");
	err_clear(&e);
	is_int(form_apply_person(f, &p, &e), -ERR_INVAL, "apply still refuses");
	is_str(e.where, "person.birth", "the birth date");
	is_str(e.msg, "Date of birth: day 31 does not exist in 02/1990 (that month has 28 days)",
	       "with the message");
	ok(p.full_name == NULL && p.birth == 0, "nothing written");
	is_str(p.notes, "untouched", "not even the valid fields");
	is_str(form_get(f, b), typed, "the input survives apply");
	form_set(f, b, "");
	form_set(f, b, NULL);
	is_str(form_get(f, b), "", "NULL sets \"\"");
	form_set(f, 999, "x");
	form_set(f, -1, "x");
	is_str(form_get(f, 999), "", "a bad index reads \"\"");
	is_int(form_check_field(f, 999), FV_OK, "and checks OK");
	ok(!form_dirty(f, 999), "and is not dirty");
	form_set(f, b, "1/2/1990");
	ok(form_dirty(f, b), "dirty");
	form_set(f, b, "");
	ok(!form_dirty(f, b), "typed back to what was loaded: not dirty");
	int n = idx(f, "person.notes");
	form_set(f, n, "ab\xc3");
	form_check_field(f, n);
	is_str(form_get(f, n), "ab\xc3", "invalid UTF-8 kept as typed too");
	form_set(f, n, "x");
	is_int(form_verdict(f, n), FV_OK, "setting forgets the verdict");
	is_str(form_message(f, n), "", "and the message");
	rec_clear(&REC_DEF_PERSON, &p);
}

static void fill(struct person *p)
{
	memset(p, 0, sizeof *p);
	p->full_name = xstrdup("Nguyễn Văn An");
	p->sex = SEX_MALE;
	p->birth = 19850312;
	p->ethnicity = xstrdup("Tày");
	p->religion = xstrdup("Phật giáo");
	p->cccd = xstrdup("001085001234");
	p->phone = xstrdup("0912 345 678");
	p->home_town = xstrdup("Xã Hòa Bình, tỉnh Cao Bằng");
	p->address = xstrdup("Thôn Đông, xã An Bình, tỉnh Bắc Ninh");
	p->education = xstrdup("12/12");
	p->qualification = xstrdup("Đại học");
	p->theory = xstrdup("Trung cấp");
	p->party_member = 1;
	p->party_date = 20100203;
	p->occupation = xstrdup("Giáo viên");
	p->workplace = xstrdup("Trường THCS An Bình");
	p->notes = xstrdup("Đã chuyển từ xã khác");
}

static void test_round_trip(void)
{
	struct screen *s = shipped("member");
	if (!ok(s != NULL, "member.scr"))
		return;
	struct form *f = form_new(s);
	struct person p, q = { 0 };
	fill(&p);
	form_load_person(f, &p);
	is_str(form_get(f, idx(f, "person.birth")), "12/03/1985", "birth as dd/mm/yyyy");
	is_str(form_get(f, idx(f, "person.sex")), "Nam", "sex as Nam");
	is_str(form_get(f, idx(f, "person.party_member")), "Có", "party member as Có");
	is_str(form_get(f, idx(f, "person.party_date")), "03/02/2010", "party date");
	ok(!form_dirty(f, -1), "loaded: not dirty");
	int nerr = -1, nwarn = -1;
	is_int(form_check_all(f, &nerr, &nwarn), -1, "a full record checks clean");
	is_int(nerr, 0, "no errors");
	is_int(nwarn, 0, "no warnings");
	ok(!form_dirty(f, -1), "checking a loaded record changes nothing");
	struct err e;
	err_clear(&e);
	is_int(form_apply_person(f, &q, &e), 0, "apply");
	ok(rec_same(&REC_DEF_PERSON, &p, &q), "load -> apply keeps every field");
	struct buf a = BUF_INIT, b = BUF_INIT;
	for (size_t k = 0; k < REC_DEF_PERSON.nfields; k++) {
		const struct field_def *fd = &REC_DEF_PERSON.fields[k];
		buf_reset(&a);
		buf_reset(&b);
		rec_field_text(fd, &p, &a);
		rec_field_text(fd, &q, &b);
		is_str(buf_str(&b), buf_str(&a), "round trip: %s", fd->name);
	}

	/* Partial precision and "no" survive too; a stored value outside its list is kept with a
	 * warning, a spelling the list knows comes back canonical. */
	rec_clear(&REC_DEF_PERSON, &q);
	p.birth = 19850000;
	p.party_member = 0;
	p.party_date = 0;
	free(p.ethnicity);
	p.ethnicity = xstrdup("Người Tày lai");
	free(p.religion);
	p.religion = xstrdup("phat giao");
	free(p.cccd);
	p.cccd = NULL;
	form_load_person(f, &p);
	is_str(form_get(f, idx(f, "person.party_member")), "Không", "not a member: Không");
	is_str(form_get(f, idx(f, "person.religion")), "Phật giáo", "loaded canonical");
	int eth = idx(f, "person.ethnicity");
	is_int(form_check_all(f, &nerr, &nwarn), -1, "a stored odd value is no error");
	is_int(nwarn, 1, "but a warning");
	is_int(form_verdict(f, eth), FV_WARNING, "on the ethnicity");
	is_str(form_message(f, eth),
	       "Ethnicity: \"Người Tày lai\" is not in the list (54 items); kept as stored",
	       "saying it is kept");
	err_clear(&e);
	is_int(form_apply_person(f, &q, &e), 0, "apply with a warning");
	is_str(q.ethnicity, "Người Tày lai", "kept as stored");
	is_str(q.religion, "Phật giáo", "normalized");
	is_int(q.birth, 19850000, "year-only birth");
	is_int(q.party_member, 0, "not a party member");
	form_set(f, eth, "Người Tày lai ");
	form_set(f, eth, "Người Tày lai");
	is_int(form_check_field(f, eth), FV_WARNING, "typed back to the stored value: a warning");
	form_set(f, eth, " Người  Tày lai");
	is_int(form_check_field(f, eth), FV_WARNING, "the stored value spaced otherwise: a warning");
	is_int(form_check_field(f, eth), FV_WARNING, "and again after its cleaning");
	is_str(form_get(f, eth), "Người Tày lai", "cleaned");
	form_set(f, eth, "Người Kinh lai");
	is_int(form_check_field(f, eth), FV_ERROR, "a new value outside the list: an error");

	/* Clearing a field on the form clears it in the record. */
	form_set(f, eth, "");
	form_set(f, idx(f, "person.religion"), "");
	form_set(f, idx(f, "person.birth"), "");
	err_clear(&e);
	is_int(form_apply_person(f, &q, &e), 0, "apply with emptied fields");
	ok(q.ethnicity == NULL && q.religion == NULL && q.birth == 0, "emptied in the record");
	form_set(f, idx(f, "person.sex"), "");
	err_clear(&e);
	is_int(form_apply_person(f, &q, &e), -ERR_INVAL, "the sex is required on the card");
	is_str(e.msg, "Sex: must be filled in", "says so");
	is_int(q.sex, SEX_MALE, "and the record keeps it");
	buf_free(&a);
	buf_free(&b);
	rec_clear(&REC_DEF_PERSON, &p);
	rec_clear(&REC_DEF_PERSON, &q);
	form_free(&f);
	screen_free(&s);
}

static void test_bulk(void)
{
	struct screen *s = shipped("bulk");
	if (!ok(s != NULL, "bulk.scr"))
		return;
	struct form *f = form_new(s);
	set(f, "membership.org", "pn");
	set(f, "membership.unit", "Xã An Bình/Chi hội Thôn Đông");
	set(f, "person.full_name", "trần thị mai");
	set(f, "person.sex", "nu");
	set(f, "person.birth", "1990");
	set(f, "person.cccd", "001190001234");
	set(f, "person.address", "Thôn Đông");
	set(f, "membership.join_date", "3/2015");
	set(f, "membership.card_no", "PN-0012");
	set(f, "membership.role", "Hội viên");
	struct person p = { 0 };
	struct membership m = { 0 };
	const char *org = "x", *unit = "x";
	struct err e;
	err_clear(&e);
	is_int(form_apply_person(f, &p, &e), 0, "bulk: person");
	err_clear(&e);
	is_int(form_apply_membership(f, &m, &org, &unit, &e), 0, "bulk: membership");
	is_str(p.full_name, "Trần Thị Mai", "name cleaned");
	is_int(p.sex, SEX_FEMALE, "sex");
	is_int(p.birth, 19900000, "birth");
	is_str(p.cccd, "001190001234", "cccd");
	is_int(m.join_date, 20150300, "join date");
	is_str(m.card_no, "PN-0012", "card");
	is_str(m.role, "Hội viên", "role");
	is_int(m.status, MS_ACTIVE, "status untouched");
	is_str(org, "pn", "organization text for the UI to resolve");
	is_str(unit, "Xã An Bình / Chi hội Thôn Đông", "unit path, cleaned");
	rec_clear(&REC_DEF_PERSON, &p);
	rec_clear(&REC_DEF_MEMBERSHIP, &m);

	form_next_record(f);
	is_str(form_get(f, idx(f, "membership.org")), "pn", "organization carried");
	is_str(form_get(f, idx(f, "membership.unit")), "Xã An Bình / Chi hội Thôn Đông",
	       "unit carried");
	is_str(form_get(f, idx(f, "person.address")), "Thôn Đông", "address carried");
	is_str(form_get(f, idx(f, "membership.join_date")), "03/2015", "join date carried");
	is_str(form_get(f, idx(f, "person.full_name")), "", "name emptied");
	is_str(form_get(f, idx(f, "person.cccd")), "", "CCCD emptied");
	is_str(form_get(f, idx(f, "membership.card_no")), "", "card emptied");
	ok(form_dirty(f, idx(f, "membership.org")), "a carried value is new to this record");
	ok(!form_dirty(f, idx(f, "person.full_name")), "an emptied one is not");
	set(f, "person.full_name", "Lò Văn Pó");
	set(f, "person.sex", "Nam");
	set(f, "person.birth", "1/1/2016");
	int nerr = -1;
	is_int(form_check_all(f, &nerr, NULL), idx(f, "membership.join_date"),
	       "the carried join date is before this member's birth");
	is_int(nerr, 1, "one error");

	/* A membership screen without the pseudo-fields gives NULL texts. */
	struct screen *s2 = parse("title \"T\"\nfield membership.status label \"TT\" row 2 col 1 "
				  "width 20\n");
	struct form *g = form_new(s2);
	struct membership m2 = { .status = MS_DECEASED };
	form_load_membership(g, &m2, NULL, NULL);
	is_str(form_get(g, 0), "Từ trần", "status as its word");
	form_set(g, 0, "tạm ngừng");
	org = unit = "x";
	err_clear(&e);
	is_int(form_apply_membership(g, &m2, &org, &unit, &e), 0, "apply status");
	is_int(m2.status, MS_SUSPENDED, "suspended");
	ok(org == NULL && unit == NULL, "no pseudo-fields: NULL");
	form_set(g, 0, "");
	is_int(form_apply_membership(g, &m2, NULL, NULL, &e), 0, "empty status");
	is_int(m2.status, MS_ACTIVE, "empty status is active");
	form_free(&g);
	screen_free(&s2);
	form_free(&f);
	screen_free(&s);
}

static void test_load_membership(struct form *f)
{
	struct membership m = { .join_date = 20050900, .status = MS_TRANSFERRED };
	m.card_no = xstrdup("0042");
	m.role = xstrdup("chi hoi truong");
	form_clear(f);
	form_load_membership(f, &m, "CCB", "Xã An Bình / Chi hội 1");
	is_str(form_get(f, idx(f, "membership.join_date")), "09/2005", "join date");
	is_str(form_get(f, idx(f, "membership.status")), "Chuyển sinh hoạt", "status");
	is_str(form_get(f, idx(f, "membership.org")), "CCB", "org text");
	is_str(form_get(f, idx(f, "membership.unit")), "Xã An Bình / Chi hội 1", "unit text");
	is_str(form_get(f, idx(f, "membership.role")), "Chi hội trưởng", "role canonical");
	is_str(form_get(f, idx(f, "person.full_name")), "", "person fields untouched");
	ok(!form_dirty(f, -1), "not dirty");
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
}

int main(void)
{
	struct screen *s = parse(CHECKS);
	if (!ok(s != NULL, "the test screen parses"))
		return done_testing();
	struct form *f = form_new(s);
	ok(form_screen(f) == s, "form_screen");
	test_single_fields(f);
	test_cross_fields(f);
	test_check_all(f);
	test_verbatim_and_dirty(f);
	test_load_membership(f);
	form_free(&f);
	screen_free(&s);
	test_context();
	test_round_trip();
	test_bulk();
	return done_testing();
}
