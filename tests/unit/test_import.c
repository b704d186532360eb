/* Unit tests for src/core/import.c (and the export it must round-trip with): header matching,
 * row validation, rejects, identity of persons across files, hostile input. */
#include "tap.h"

#include "core/export.h"
#include "core/import.h"
#include "core/record.h"
#include "store/store.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[64];

static char *path_in(const char *name);

static void write_file(const char *name, const char *text)
{
	char *path = path_in(name);
	FILE *f = fopen(path, "wb");
	fputs(text, f);
	fclose(f);
	free(path);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return xstrdup("");
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *s = xmalloc((size_t)n + 1);
	size_t got = fread(s, 1, (size_t)n, f);
	s[got] = '\0';
	fclose(f);
	return s;
}

static char *path_in(const char *name)
{
	char *p = xmalloc(strlen(dir) + strlen(name) + 2);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

static struct store *open_at(const char *sub)
{
	char *d = path_in(sub);
	struct store_opts o = { .dir = d, .login = "tester", .create = true, .bulk = true, .cache_mb = 8 };
	struct store *s = NULL;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &o, &e))
		diag("open: %s", e.msg);
	free(d);
	return s;
}

static int run_import_enc(struct store *s, const char *file, const char *org, const char *unit,
			  const char *encoding, struct import_report *r, struct err *e)
{
	char *p = path_in(file);
	struct import_opts o = { .path = p, .org = org, .unit = unit, .batch = 3,
				 .encoding = encoding };
	err_clear(e);
	int rc = import_csv(s, &o, r, e);
	free(p);
	return rc;
}

static int run_import(struct store *s, const char *file, const char *org, const char *unit,
		      struct import_report *r, struct err *e)
{
	return run_import_enc(s, file, org, unit, NULL, r, e);
}

static int count_cb(const void *rec, void *ctx)
{
	(void)rec;
	(*(int *)ctx)++;
	return 0;
}

static int count_hit(const struct find_hit *h, void *ctx)
{
	(void)h;
	(*(int *)ctx)++;
	return 0;
}

static int get_by_cccd(struct store *s, const char *cccd, struct person *p)
{
	struct err e;
	err_clear(&e);
	return store_person_by_cccd(s, NULL, cccd, p, &e);
}

static void test_basic(struct store *s)
{
	/* Headers as offices write them: STT, "Họ và tên", "Ngày sinh (dd/mm/yyyy)", mixed case. */
	write_file("a.csv",
		   "\xEF\xBB\xBFSTT,Họ và tên,Giới tính,Ngày sinh (dd/mm/yyyy),Dân tộc,Tôn giáo,Số CCCD,"
		   "Tổ chức,Đơn vị,Chi hội,Ngày vào hội,Số thẻ,Chức vụ,Cột lạ\r\n"
		   "1,NGUYỄN VĂN AN,Nam,12/03/1985,Kinh,Không,001085012345,Hội Nông dân,Xã An Bình,Chi hội Thôn Đông,1/5/2010,ND01,Hội viên,x\r\n"
		   "2,trần thị bình,nữ,1990,kinh,phật giáo,001190000002,ND,Xã An Bình,Chi hội Thôn Đông,2015,ND02,,\r\n"
		   "3,Lê Thị Cúc,Nữ,05-06-1970,Tày,Không,,ND,Xã An Bình,Chi hội Thôn Tây,,ND03,Chi hội trưởng,\r\n"
		   "4,Phạm Văn Dũng,Nam,31/12/1960,Kinh,Thiên Chúa giáo,'001060000004,ND,Xã An Bình,Chi hội Thôn Tây,,,,\r\n");
	struct import_report r;
	struct err e;
	is_int(run_import(s, "a.csv", NULL, NULL, &r, &e), 0, "a plain list imports");
	is_int(r.read, 4, "4 rows read");
	is_int(r.added, 4, "4 added");
	is_int(r.rejected, 0, "none rejected");
	is_int(r.nunits, 3, "3 units created (commune, two branches) under the empty ND tree");
	is_str(buf_str(&r.ignored), "Cột lạ", "a column not understood is reported as ignored");
	ok(strstr(buf_str(&r.units), "ND: Xã An Bình / Chi hội Thôn Đông\n") != NULL, "created units listed with their organization");
	import_report_free(&r);
	struct person p = { 0 };
	is_int(get_by_cccd(s, "001085012345", &p), 0, "person found by CCCD");
	is_str(p.full_name, "Nguyễn Văn An", "an all-capitals name is title-cased");
	is_int(p.birth, 19850312, "dd/mm/yyyy");
	is_int(p.sex, SEX_MALE, "sex");
	rec_clear(&REC_DEF_PERSON, &p);
	is_int(get_by_cccd(s, "001190000002", &p), 0, "second person");
	is_str(p.full_name, "Trần Thị Bình", "an all-lowercase name is title-cased");
	is_int(p.birth, 19900000, "a bare year");
	is_str(p.religion, "Phật giáo", "vocabulary canonical spelling");
	is_str(p.ethnicity, "Kinh", "ethnicity canonical");
	rec_clear(&REC_DEF_PERSON, &p);
	is_int(get_by_cccd(s, "001060000004", &p), 0, "a CCCD with Excel's text apostrophe");
	is_str(p.religion, "Công giáo", "an alias of a religion");
	rec_clear(&REC_DEF_PERSON, &p);
	/* Importing the same file again adds nothing. */
	is_int(run_import(s, "a.csv", NULL, NULL, &r, &e), 0, "re-import");
	is_int(r.added, 0, "re-import adds nothing");
	is_int(r.unchanged, 4, "everything unchanged (Lê Thị Cúc, without CCCD, recognised by name, "
	       "birth, organization and unit)");
	is_int(r.nunits, 0, "no unit created twice");
	import_report_free(&r);
}

static void test_second_org(struct store *s)
{
	/* The same CCCD in another organization's file: one person, two memberships. */
	write_file("b.csv",
		   "Họ tên;Ngày sinh;Số CMND/CCCD;Đơn vị;Chi hội;Ngày kết nạp;Số điện thoại\n"
		   "Trần Thị Bình;1990;001190000002;Xã An Bình;Chi hội Thôn Đông;08/03/2012;0912 345 678\n");
	struct import_report r;
	struct err e;
	is_int(run_import(s, "b.csv", "PN", NULL, &r, &e), 0, "a semicolon list with --org PN");
	is_int(r.added, 1, "its row adds a membership");
	import_report_free(&r);
	struct person p = { 0 };
	get_by_cccd(s, "001190000002", &p);
	is_str(p.phone, "0912 345 678", "the new field was added to the person");
	int n = 0;
	store_each_membership_of_person(s, NULL, p.m.id, count_cb, &n, &e);
	is_int(n, 2, "one person, two memberships (ND and PN)");
	uint64_t persons = 0;
	store_count(s, NULL, REC_PERSON, &persons, &e);
	is_int(persons, 4, "no second person created");
	rec_clear(&REC_DEF_PERSON, &p);
}

static void test_rejects(struct store *s)
{
	char big[700];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	char text[4096];
	snprintf(text, sizeof text,
		 "Họ và tên,Ngày sinh,Số CCCD,Tổ chức,Chi hội\n"
		 "Nguyễn Văn Tốt,1980,001080000010,CCB,Chi hội 1\n"		/* 2 good */
		 "Nguy\xe1\xbb,1981,,CCB,Chi hội 1\n"				/* 3 invalid UTF-8 */
		 "\"Hoàng \x1b[2J\x1b]0;pwned\x07Văn Lạ\",1982,,CCB,Chi hội 1\n"	/* 4 escapes stripped, kept */
		 ",1983,,CCB,Chi hội 1\n"						/* 5 empty name */
		 "%s,1984,,CCB,Chi hội 1\n"						/* 6 name too long */
		 "Đỗ Thị Thiếu,1985,,CCB\n"						/* 7 too few fields */
		 "Đỗ Thị Thừa,1986,,CCB,Chi hội 1,extra\n"				/* 8 too many */
		 "Đỗ Thị Rỗng,1986,,CCB,Chi hội 1,,\n"				/* 9 empty extras: fine */
		 "Bùi Văn Ngày,31/02/1990,,CCB,Chi hội 1\n"				/* 10 impossible date */
		 "Bùi Văn Số,1990,00108501234,CCB,Chi hội 1\n"			/* 11 11-digit CCCD */
		 "Bùi Văn Hội,1990,,XYZ,Chi hội 1\n"				/* 12 unknown org */
		 "Trần Văn Khác,1990,001085012345,CCB,Chi hội 1\n"			/* 13 CCCD of someone else */
		 "\"=HYPERLINK(\"\"http://x\"\")\",1990,,CCB,Chi hội 1\n",		/* 14 formula: a name, kept as text */
		 big);
	write_file("bad.csv", text);
	struct import_report r;
	struct err e;
	is_int(run_import(s, "bad.csv", NULL, NULL, &r, &e), 0, "a file full of bad rows still imports");
	is_int(r.read, 13, "13 rows read");
	is_int(r.added + r.updated + r.unchanged + r.rejected, r.read, "A+U+C+R = N");
	is_int(r.rejected, 9, "9 rejected");
	is_int(r.added, 4, "4 added: the good row, the one with escape sequences (cleaned), the one "
	       "with empty extra fields, the formula-looking name (as text)");
	char *rej = read_file(r.rejects_path ? r.rejects_path : "");
	ok(r.rejects_path && strstr(r.rejects_path, "bad.rejects.csv"), "rejects go next to the input");
	ok(strstr(rej, "Dòng lỗi,Lỗi,Họ và tên") != NULL, "rejects file starts with row and reason columns");
	ok(strstr(rej, "not valid UTF-8 at byte 5") != NULL, "invalid UTF-8 reported with its byte offset");
	ok(strstr(rej, "Nguy\xe1\xbb") != NULL, "the row's original bytes are kept in the rejects file");
	ok(strstr(rej, "no name") != NULL, "empty name reported");
	ok(strstr(rej, "too long (699 bytes") != NULL, "over-long name reported");
	ok(strstr(rej, "the row has 4 fields, the header has 5") != NULL, "too few fields reported");
	ok(strstr(rej, "the row has 6 fields, the header has 5") != NULL, "too many fields reported");
	ok(strstr(rej, "31") && strstr(rej, "does not exist") != NULL, "impossible date reported");
	ok(strstr(rej, "11") && strstr(rej, "leading") != NULL, "11-digit CCCD reported");
	ok(strstr(rej, "organization 'XYZ' does not exist") != NULL, "unknown organization reported");
	ok(strstr(rej, "belongs to Nguyễn Văn An") != NULL, "a CCCD that belongs to someone else");
	ok(strstr(rej, "\n3,") != NULL && strstr(rej, "\n13,") != NULL, "row numbers as a spreadsheet shows them");
	free(rej);
	import_report_free(&r);
	struct err fe;
	err_clear(&fe);
	/* The escape-laden name was cleaned, not refused. */
	int n = 0;
	bool more;
	store_find_name(s, NULL, "hoang la", 0, count_hit, &n, &more, &fe);
	is_int(n, 1, "the name with escape sequences was stored, cleaned");
}

struct namebuf {
	char name[256];
};

static int grab_name(const struct find_hit *h, void *ctx)
{
	snprintf(((struct namebuf *)ctx)->name, 256, "%s", h->name);
	return 1;
}

static void test_cleaned_values(struct store *s)
{
	struct namebuf nb = { "" };
	struct err e;
	err_clear(&e);
	store_find_name(s, NULL, "hoang la", 0, grab_name, &nb, NULL, &e);
	is_str(nb.name, "Hoàng Văn Lạ", "escape sequences removed from the stored name");
	nb.name[0] = '\0';
	store_find_name(s, NULL, "=hyperlink", 0, grab_name, &nb, NULL, &e);
	ok(nb.name[0] == '=', "a formula-looking name is kept as text: %s", nb.name);
}

static void test_fatal(struct store *s)
{
	struct import_report r;
	struct err e;
	write_file("noname.csv", "Ngày sinh,Tổ chức\n1990,ND\n");
	is_int(run_import(s, "noname.csv", NULL, NULL, &r, &e), -ERR_INVAL, "no name column: the file is refused");
	ok(strstr(e.msg, "Họ và tên") != NULL, "saying which column is needed");
	import_report_free(&r);
	write_file("noorg.csv", "Họ và tên\nAi Đó\n");
	is_int(run_import(s, "noorg.csv", NULL, NULL, &r, &e), -ERR_INVAL, "no organization anywhere: refused");
	ok(strstr(e.msg, "--org") != NULL, "and --org is suggested");
	import_report_free(&r);
	is_int(run_import(s, "noorg.csv", "ZZZ", NULL, &r, &e), -ERR_USAGE, "an unknown --org is refused");
	import_report_free(&r);
	is_int(run_import(s, "missing.csv", "ND", NULL, &r, &e), -ERR_IO, "a missing file is an I/O error");
	ok(strstr(e.where, "missing.csv") != NULL, "naming the file");
	import_report_free(&r);
	write_file("tcvn.csv", "H\xe4 v\xb5 t\xaan\nNguy\xd4n V\xa8n T\xb8m\n");
	is_int(run_import_enc(s, "tcvn.csv", "ND", NULL, "utf-8", &r, &e), -ERR_INVAL,
	       "a header in an old encoding read as UTF-8 is refused");
	ok(strstr(e.msg, "--encoding") != NULL, "with advice about --encoding: %s", e.msg);
	import_report_free(&r);
	is_int(run_import(s, "tcvn.csv", "ND", NULL, &r, &e), 0, "left to guess, it imports");
	is_str(r.encoding, "tcvn3", "guessed as TCVN3");
	ok(r.guessed && r.confidence >= 0.6, "confidently enough to import (%.2f on five words)", r.confidence);
	is_int((int)r.added, 1, "the row is added");
	int n = 0;
	struct err fe;
	store_find_name(s, NULL, "Nguyễn Văn Tám", 10, count_hit, &n, NULL, &fe);
	is_int(n, 1, "and found by its name in Unicode");
	import_report_free(&r);
}

static void test_defaults_and_shapes(struct store *s)
{
	/* A branch column under --unit; the name split in two columns; birth years in the Nam/Nữ
	 * columns of an old paper-style list. */
	write_file("c.csv",
		   "TT,Họ và tên đệm,Tên,Nam,Nữ,Chi đoàn,Đảng viên\n"
		   "1,Vi Văn,Sáng,1998,,Chi đoàn Bản Pá,x\n"
		   "2,Lò Thị,Hoa,,2001,Chi đoàn Bản Pá,\n");
	struct import_report r;
	struct err e;
	is_int(run_import(s, "c.csv", "DTN", "Đoàn xã Mường Phăng", &r, &e), 0, "--org and --unit supply what the file lacks");
	is_int(r.added, 2, "both added");
	is_int(r.nunits, 2, "the base unit and the branch were created");
	ok(strstr(buf_str(&r.units), "DTN: Đoàn xã Mường Phăng / Chi đoàn Bản Pá\n") != NULL, "branch under --unit");
	import_report_free(&r);
	struct namebuf nb = { "" };
	store_find_name(s, NULL, "vi van sang", 0, grab_name, &nb, NULL, &e);
	is_str(nb.name, "Vi Văn Sáng", "name joined from two columns");
	int n = 0;
	bool more;
	store_find_name(s, NULL, "lo thi hoa", 0, count_hit, &n, &more, &e);
	is_int(n, 1, "the woman from the Nữ column");
}

static int grab_id(const struct find_hit *h, void *ctx)
{
	*(uint64_t *)ctx = h->id;
	return 1;
}

static int grab_unit(const void *rec, void *ctx)
{
	*(uint64_t *)ctx = ((const struct membership *)rec)->unit_id;
	return 1;
}

/* The unit of the membership of the person found by name query q (0 if none). */
static uint64_t unit_of(struct store *s, const char *q)
{
	struct err e;
	err_clear(&e);
	uint64_t pid = 0, unit = 0;
	store_find_name(s, NULL, q, 0, grab_id, &pid, NULL, &e);
	if (pid)
		store_each_membership_of_person(s, NULL, pid, grab_unit, &unit, &e);
	return unit;
}

/* Each distinct unit text is parsed once and kept, up to a megabyte of them; past that rows
 * parse their own.  Both ways a text names the same unit every time it comes back. */
static void test_many_units(struct store *s)
{
	/* 800 branches of 480-byte paths: well past the megabyte. */
	char mid[420];
	memset(mid, 'a', sizeof mid - 1);
	mid[sizeof mid - 1] = '\0';
	memcpy(mid, "Tổ ", 4);
	struct buf csv = BUF_INIT;
	buf_adds(&csv, "Họ và tên,Ngày sinh,Đơn vị\n");
	for (int i = 0; i < 800; i++)
		buf_printf(&csv, "Người Số %d,1990,Xã Số %d / %s / Chi hội Số %d\n", i, i / 100, mid, i);
	buf_printf(&csv, "Người Lặp Đầu,1991,Xã Số 0 / %s / Chi hội Số 0\n", mid);	/* kept */
	buf_printf(&csv, "Người Lặp Cuối,1991,Xã Số 7 / %s / Chi hội Số 799\n", mid);	/* past it */
	buf_printf(&csv, "Người Lặp Cuối Hai,1991,Xã Số 7 / %s / Chi hội Số 799\n", mid);
	buf_adds(&csv, "Người Chỉ Xã,1992,Xã Số 7\n");
	buf_adds(&csv, "Người Sâu,1993,");
	for (int i = 0; i < 17; i++)
		buf_printf(&csv, "%sCấp %d", i ? " / " : "", i);
	buf_adds(&csv, "\n");
	write_file("units.csv", buf_str(&csv));
	buf_free(&csv);
	char *p = path_in("units.csv");
	struct import_opts o = { .path = p, .org = "CCB", .batch = 500 };
	struct import_report r;
	struct err e;
	err_clear(&e);
	is_int(import_csv(s, &o, &r, &e), 0, "a file naming 800 different long unit paths");
	is_int(r.added, 804, "every good row added");
	is_int(r.rejected, 1, "the 17-level path rejected");
	is_int(r.nunits, 800 + 8 * 2, "one unit per distinct path (and the communes): none made twice");
	uint64_t first = unit_of(s, "nguoi so 0"), last = unit_of(s, "nguoi so 799");
	ok(first && last && first != last, "the first and last branches are two units");
	is_int((long long)unit_of(s, "nguoi lap dau"), (long long)first, "a text seen again: the same unit");
	is_int((long long)unit_of(s, "nguoi lap cuoi hai"), (long long)last, "past the limit: the same unit too");
	char *rej = read_file(r.rejects_path);
	ok(strstr(rej, "more than 16 levels") != NULL, "the reason names the levels");
	free(rej);
	import_report_free(&r);
	free(p);
}

static void test_roundtrip(struct store *s)
{
	char *out1 = path_in("export1.csv"), *out2 = path_in("export2.csv");
	struct export_opts eo = { .path = out1 };
	uint64_t rows = 0;
	struct err e;
	err_clear(&e);
	is_int(export_csv(s, &eo, &rows, &e), 0, "export");
	ok(rows >= 10, "export wrote %" PRIu64 " rows", rows);
	/* Into a new store, and back out: the same file but for the person ids. */
	struct store *t = open_at("other");
	struct import_report r;
	struct import_opts io = { .path = out1 };
	is_int(import_csv(t, &io, &r, &e), 0, "the export imports into a new store");
	is_int(r.rejected, 0, "without a rejected row");
	import_report_free(&r);
	eo.path = out2;
	is_int(export_csv(t, &eo, &rows, &e), 0, "export of the new store");
	char *a = read_file(out1), *b = read_file(out2);
	/* Drop the first column (ids) of each line before comparing. */
	struct buf ca = BUF_INIT, cb = BUF_INIT;
	for (int k = 0; k < 2; k++) {
		const char *p = k ? b : a;
		struct buf *o = k ? &cb : &ca;
		while (*p) {
			const char *comma = strchr(p, ',');
			const char *nl = strchr(p, '\n');
			if (!nl)
				break;
			if (comma && comma < nl)
				buf_add(o, comma, (size_t)(nl - comma + 1));
			p = nl + 1;
		}
	}
	ok(ca.len > 0 && ca.len == cb.len && memcmp(ca.p, cb.p, ca.len) == 0,
	   "export -> import -> export gives the same rows");
	/* And importing the export back into its own store changes nothing. */
	is_int(import_csv(s, &io, &r, &e), 0, "re-import into the original store");
	is_int(r.added + r.updated, 0, "adds and updates nothing");
	is_int(r.unchanged, r.read, "every row unchanged");
	import_report_free(&r);
	buf_free(&ca);
	buf_free(&cb);
	free(a);
	free(b);
	store_close(&t);
	free(out1);
	free(out2);
}

/* Persons named again far apart in a file, some without their CCCD: with a window of two
 * persons the store merges its held-back entries many times on the way, and the result must
 * be the one of a single window. */
static void test_windows(void)
{
	write_file("w.csv",
		   "Họ và tên,Ngày sinh,Số CCCD,Tổ chức,Đơn vị\n"
		   "Trần Văn Ánh,1970,001070000001,MT,Xã Đông/Chi hội Thôn 1\n"
		   "Lê Thị Bé,1981,,MT,Xã Đông/Chi hội Thôn 1\n"
		   "Phạm Văn Cả,1972,001072000003,MT,Xã Đông/Chi hội Thôn 2\n"
		   "Hoàng Văn Dư,1973,001073000004,MT,Xã Đông/Chi hội Thôn 2\n"
		   "Vũ Thị Em,1984,001184000005,PN,Xã Đông/Chi hội Thôn 2\n"
		   "Đỗ Văn Giang,1975,001075000006,ND,Xã Đông/Chi hội Thôn 3\n"
		   "Trần Văn Ánh,1970,,MT,Xã Đông/Chi hội Thôn 1\n"
		   "Bùi Văn Hải,1976,001076000007,ND,Xã Đông/Chi hội Thôn 3\n"
		   "Trần Văn Ánh,1970,001070000001,ND,Xã Đông/Chi hội Thôn 3\n"
		   "Ngô Văn Khoa,1977,001077000008,ND,Xã Đông/Chi hội Thôn 3\n"
		   "Lê Thị Bé,1981,,MT,Xã Đông/Chi hội Thôn 1\n"
		   "Phạm Văn Cả,1972,001072000003,CD,Xã Đông/Công đoàn cơ sở\n");
	uint64_t counts[2][4], persons[2] = { 0, 0 };
	long problems[2] = { -1, -1 };
	for (int k = 0; k < 2; k++) {
		struct store *t = open_at(k ? "win-default" : "win-2");
		char *p = path_in("w.csv");
		struct import_opts o = { .path = p, .batch = 2, .window = k ? 0 : 2 };
		struct import_report r;
		struct err e;
		err_clear(&e);
		is_int(import_csv(t, &o, &r, &e), 0, "import with a window of %s", k ? "the default" : "2");
		counts[k][0] = r.added;
		counts[k][1] = r.updated;
		counts[k][2] = r.unchanged;
		counts[k][3] = r.rejected;
		import_report_free(&r);
		is_int(import_csv(t, &o, &r, &e), 0, "and again");
		is_int(r.added + r.updated, 0, "the second time adds and updates nothing");
		import_report_free(&r);
		store_count(t, NULL, REC_PERSON, &persons[k], &e);
		problems[k] = store_check(t, &e);
		free(p);
		store_close(&t);
	}
	is_int(persons[0], 8, "eight persons: the ones named again are recognised across windows");
	is_int(persons[1], 8, "as with one window");
	ok(memcmp(counts[0], counts[1], sizeof counts[0]) == 0,
	   "the same rows added (%" PRIu64 "), updated and unchanged (%" PRIu64 ") either way",
	   counts[0][0], counts[0][2]);
	is_int(problems[0] + problems[1], 0, "both stores are consistent");
}

static void sink(enum msg_level l, const char *text, void *ctx)
{
	(void)l;
	(void)ctx;
	diag("msg: %s", text);
}

int main(void)
{
	msg_set_sink(sink, NULL);
	setenv("LANG", "C", 1);
	snprintf(dir, sizeof dir, "/tmp/hv-import-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	struct store *s = open_at("store");
	ok(s != NULL, "store");
	if (!s)
		return done_testing();
	test_basic(s);
	test_second_org(s);
	test_rejects(s);
	test_cleaned_values(s);
	test_fatal(s);
	test_defaults_and_shapes(s);
	test_many_units(s);
	test_roundtrip(s);
	test_windows();
	struct err e;
	err_clear(&e);
	is_int(store_check(s, &e), 0, "the store is consistent after all of it");
	store_close(&s);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
