/* Unit tests for src/core/screen: the shipped screen files, the statements, every error with its
 * line, the 80x24 geometry checks, the language of texts, the search path. */
#include "tap.h"

#include "core/record.h"
#include "core/screen.h"
#include "core/vocab.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

static int load(const char *text, struct screen **s, struct buf *errs)
{
	buf_reset(errs);
	return screen_load_text(text, strlen(text), "t.scr", s, errs);
}

/* The number of lines in errs, and whether one of them is exactly want. */
static int nlines(const struct buf *errs)
{
	int n = 0;
	for (const char *p = buf_str(errs); *p; p++)
		n += *p == '\n';
	return n;
}

static bool has_line(const struct buf *errs, const char *want)
{
	size_t n = strlen(want);
	for (const char *p = buf_str(errs); *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len == n && memcmp(p, want, n) == 0)
			return true;
		p += len + (nl ? 1 : 0);
	}
	return false;
}

static bool has_prefix_line(const struct buf *errs, const char *prefix)
{
	size_t n = strlen(prefix);
	for (const char *p = buf_str(errs); *p;) {
		if (strncmp(p, prefix, n) == 0)
			return true;
		const char *nl = strchr(p, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	return false;
}

static void test_shipped(void)
{
	const char *dir = getenv("HOIVIEN_DATADIR");
	static const char *const names[] = { "member", "bulk", "list" };
	struct screen *s[3] = { NULL, NULL, NULL };
	for (int i = 0; i < 3; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/screens/%s.scr", dir && *dir ? dir : ".", names[i]);
		struct buf errs = BUF_INIT;
		int rc = screen_load_file(path, &s[i], &errs);
		is_int(rc, 0, "%s parses", path);
		is_str(buf_str(&errs), "", "%s: no errors", path);
		ok(s[i] != NULL, "%s: a screen", path);
		buf_free(&errs);
	}
	if (!s[0] || !s[1] || !s[2])
		goto out;

	/* The member card edits every field of a person, once, on one page, off the table. */
	const struct screen *m = s[0];
	is_int(m->nfields, REC_DEF_PERSON.nfields, "member.scr: one field per person field");
	for (size_t k = 0; k < REC_DEF_PERSON.nfields; k++) {
		char name[64];
		snprintf(name, sizeof name, "person.%s", REC_DEF_PERSON.fields[k].name);
		ok(screen_field_index(m, name) >= 0, "member.scr has %s", name);
	}
	is_int(m->nareas, 1, "member.scr: one area");
	is_str(m->areas[0].name, "memberships", "the memberships table");
	is_int(m->areas[0].row1, 15, "from row 15");
	is_int(m->areas[0].row2, 20, "to row 20");
	int low = 99, high = 0;
	for (size_t k = 0; k < m->nfields; k++) {
		low = m->fields[k].row < low ? m->fields[k].row : low;
		high = m->fields[k].row > high ? m->fields[k].row : high;
	}
	ok(low >= 1 && high <= 14, "member.scr: fields on rows %d-%d, above the table", low, high);
	int name = screen_field_index(m, "person.full_name");
	ok(m->fields[name].required && m->fields[name].type == STY_NAME, "the name is a required name");
	int sex = screen_field_index(m, "person.sex");
	ok(m->fields[sex].type == STY_CHOICE && m->fields[sex].choices == &VOCAB_SEX, "sex: Nam/Nữ");
	int eth = screen_field_index(m, "person.ethnicity");
	ok(m->fields[eth].choices == &VOCAB_ETHNICITY, "ethnicity from its list");
	is_int(m->fields[screen_field_index(m, "person.cccd")].type, STY_CCCD, "cccd type");
	is_int(m->fields[screen_field_index(m, "person.party_member")].type, STY_YESNO, "yes/no");

	/* Bulk entry: a paper list's order, the right fields carried. */
	const struct screen *b = s[1];
	static const char *const order[] = {
		"membership.org", "membership.unit", "person.full_name", "person.sex", "person.birth",
		"person.ethnicity", "person.religion", "person.cccd", "person.phone", "person.address",
		"membership.join_date", "membership.card_no", "membership.role",
	};
	is_int(b->nfields, sizeof order / sizeof order[0], "bulk.scr: 13 fields");
	for (size_t k = 0; k < b->nfields && k < sizeof order / sizeof order[0]; k++)
		is_str(b->fields[k].ref.name, order[k], "bulk.scr field %zu", k + 1);
	int carried = 0;
	for (size_t k = 0; k < b->nfields; k++) {
		const char *n = b->fields[k].ref.name;
		bool want = strcmp(n, "membership.org") == 0 || strcmp(n, "membership.unit") == 0 ||
			    strcmp(n, "person.address") == 0 || strcmp(n, "membership.join_date") == 0;
		carried += b->fields[k].carry;
		ok(b->fields[k].carry == want, "bulk.scr: %s %s", n, want ? "carried" : "not carried");
	}
	is_int(carried, 4, "four fields carried");
	is_int(b->fields[0].ref.pseudo, SPS_ORG, "membership.org is the organization pseudo-field");
	is_int(b->fields[1].ref.pseudo, SPS_UNIT, "membership.unit is the unit pseudo-field");

	/* The list: name, birth, sex, organizations, unit, within 80 columns. */
	const struct screen *l = s[2];
	is_int(l->ncolumns, 5, "list.scr: five columns");
	int total = 0;
	for (size_t k = 0; k < l->ncolumns; k++)
		total += l->columns[k].width + (k ? 1 : 0);
	ok(total <= 80, "list.scr: %d columns wide", total);
	is_str(l->columns[0].ref.name, "person.full_name", "name first");
	is_str(l->columns[3].ref.name, "membership.org", "then the organizations");
out:
	for (int i = 0; i < 3; i++)
		screen_free(&s[i]);
}

static void test_parse(void)
{
	struct buf errs = BUF_INIT;
	struct screen *s = NULL;
	const char *text =
		"# a comment\n"
		"title \"Thử \\\"nghiệm\\\"\" en \"Test\"   # trailing comment\n"
		"\n"
		"field person.full_name label \"Họ và tên\" en \"Full name\"\n"
		"    row 2 col 1 width 30   # continued\n"
		"\n"
		"    required help \"Gõ họ tên\" en \"Type the name\"\n"
		"page 2\n"
		"field person.birth label \"Ngày sinh\" row 2 col 1 input 20\n"
		"field membership.status label \"Trạng thái\" row 3 col 1 width 20 page 3 carry\n"
		"field person.notes label \"Ghi chú\" row 4 col 0 width 10 type number\n"
		"area table rows 10 12\n"
		"column person.sex heading \"Giới\" width 4 align center\n";
	int rc = load(text, &s, &errs);
	is_int(rc, 0, "a good screen parses");
	is_str(buf_str(&errs), "", "without errors");
	if (!s)
		goto out;
	is_str(s->title.vi, "Thử \"nghiệm\"", "escaped quotes in a text");
	is_str(s->title.en, "Test", "English title");
	is_int(s->nfields, 4, "four fields");
	is_int(s->npages, 3, "three pages");
	const struct screen_field *f = &s->fields[0];
	is_str(f->ref.name, "person.full_name", "field reference");
	ok(f->ref.rec == REC_PERSON && f->ref.def == rec_field(&REC_DEF_PERSON, "full_name"),
	   "resolved to the person field");
	is_str(f->label.vi, "Họ và tên", "label");
	is_str(f->label.en, "Full name", "English label");
	is_str(f->help.vi, "Gõ họ tên", "help over a continuation after a blank line");
	ok(f->required && !f->carry, "required, not carried");
	is_int(f->page, 1, "page 1");
	is_int(f->row, 2, "row");
	is_int(f->width, 30, "width");
	is_int(f->type, STY_NAME, "full_name is a name by default");
	is_int(f->line, 4, "line of the field");
	f = &s->fields[1];
	is_int(f->page, 2, "the page statement");
	is_int(f->type, STY_DATE, "birth is a date by default");
	is_int(f->width, 10, "a date is 10 wide by default");
	is_int(f->input_col, 20, "explicit input column");
	f = &s->fields[2];
	is_int(f->page, 3, "page attribute");
	ok(f->carry, "carry");
	ok(f->type == STY_CHOICE && f->choices == screen_vocab("status"), "status from its list");
	is_int(s->fields[3].type, STY_NUMBER, "explicit type");
	is_int(s->nareas, 1, "an area");
	is_int(s->areas[0].page, 2, "on the page of the statement");
	is_int(s->ncolumns, 1, "a column");
	is_int(s->columns[0].align, SAL_CENTER, "aligned");
	is_int(screen_field_index(s, "person.notes"), 3, "field by name");
	screen_free(&s);
	is_int(load("\xef\xbb\xbftitle \"T\"\r\ncolumn person.sex heading \"G\" width 3\r\n", &s,
		    &errs), 0, "a byte order mark and CRLF line ends are fine");
	ok(s && strcmp(s->title.vi, "T") == 0, "title read past the BOM");
	is_int(screen_field_index(s, "person.phone"), -1, "absent field");
out:
	screen_free(&s);
	ok(s == NULL, "screen_free NULLs");
	screen_free(&s);
	screen_free(NULL);
	buf_free(&errs);
}

/* One file, many mistakes: each reported on its own line, with its line number. */
static void test_errors(void)
{
	struct buf errs = BUF_INIT;
	struct screen *s = (struct screen *)&errs;	/* must come back NULL */
	const char *text =
		"# a bad screen\n"							/* 1 */
		"title \"Thử\" en \"Test\"\n"						/* 2 */
		"field person.fullname label \"Tên\" row 2 col 1 width 10\n"		/* 3 */
		"field person.full_name label \"Họ và tên\" row 2 col 1 width 20 type texty\n" /* 4 */
		"field person.birth label \"Ngày sinh\" row 3 col 1 type choice choices colours\n" /* 5 */
		"field person.sex label \"Giới tính\" row 22 col 1 width 5\n"		/* 6 */
		"field person.phone label \"Điện thoại\" row 4 col 60 width 15\n"	/* 7 */
		"field person.cccd label \"CCCD\" row 5 col 1 width 12\n"		/* 8 */
		"field person.address label \"Địa chỉ\" row 5 col 10 width 20\n"	/* 9 */
		"field person.cccd label \"CCCD\" row 6 col 1 width 12\n"		/* 10 */
		"field person.notes row 7 col 1 width 10\n"				/* 11 */
		"frobnicate 3\n"							/* 12 */
		"field person.religion label \"Tôn giáo\"\n"				/* 13 */
		"\trow 8 col 1 width x\n"						/* 14 */
		"column person.full_name width 10\n";					/* 15 */
	int rc = load(text, &s, &errs);
	is_int(rc, -ERR_INVAL, "a bad screen is refused");
	ok(s == NULL, "and nothing is returned");
	static const char *const want[] = {
		"t.scr:3: unknown field 'person.fullname' (fields are person.NAME and membership.NAME, "
		"see hoivien-screens(5))",
		"t.scr:4: unknown type 'texty' (expected text, name, date, choice, yesno, cccd, phone "
		"or number)",
		"t.scr:5: unknown list 'colours' (expected ethnicity, religion, education, "
		"qualification, theory, role, sex or status)",
		"t.scr:6: row 22 is off the screen (fields go on rows 1-21)",
		"t.scr:7: the input of person.phone ends at column 86, past the 80-column screen",
		"t.scr:9: person.address overlaps person.cccd (line 8)",
		"t.scr:10: field person.cccd is already on this screen (line 8)",
		"t.scr:11: field person.notes has no label (label \"…\")",
		"t.scr:12: unknown statement 'frobnicate' (expected title, page, field, column or area)",
		"t.scr:14: 'width' must be followed by a number, not 'x'",
		"t.scr:15: column person.full_name has no heading (heading \"…\")",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ok(has_line(&errs, want[i]), "reported: %s", want[i]);
	is_int(nlines(&errs), sizeof want / sizeof want[0], "and nothing else");
	/* In the order of the file, though overlaps are found after the last line. */
	unsigned prev = 0;
	bool sorted = true;
	for (const char *p = buf_str(&errs); (p = strstr(p, "t.scr:")); p++) {
		unsigned line = (unsigned)atoi(p + 6);
		sorted = sorted && line >= prev;
		prev = line;
	}
	ok(sorted, "errors in the order of their lines");
	if (tap_failed)
		diag("errors:\n%s", buf_str(&errs));
	buf_free(&errs);
}

static void test_more_errors(void)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "title \"T\"\nfield person.sex label \"Giới tính\" row 2 col 1 width 5 type text\n",
		  "t.scr:2: type text does not fit field person.sex" },
		{ "title \"T\"\nfield person.birth label \"Sinh\" row 2 col 1 type yesno\n",
		  "t.scr:2: type yesno does not fit field person.birth" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" row 2 col 1 width 5 type choice\n",
		  "t.scr:2: a choice field needs 'choices LIST'" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" row 2 col 1 width 5 choices role\n",
		  "t.scr:2: 'choices' needs 'type choice'" },
		{ "title \"T\"\nfield membership.org_id label \"Tổ chức\" row 2 col 1 width 5\n",
		  "t.scr:2: field 'membership.org_id' is an internal id and cannot be shown; use "
		  "membership.org or membership.unit" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" row 2 col 1\n",
		  "t.scr:2: field person.notes has no width" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" col 1 width 3\n",
		  "t.scr:2: field person.notes has no row" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" row 0 col 1 width 3\n",
		  "t.scr:2: row 0 is off the screen (fields go on rows 1-21)" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" row 3 col 80 width 3\n",
		  "t.scr:2: col 80 is off the screen (columns 0-79)" },
		{ "title \"T\"\nfield person.notes label \"Ghi chú\" row 3 col 1 input 5 width 3\n",
		  "t.scr:2: the label of person.notes ends at column 8, past its input at column 5" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" en \"Notes and remarks\" row 3 col 1 "
		  "input 5 width 3\n",
		  "t.scr:2: the label of person.notes ends at column 18, past its input at column 5 "
		  "(with the English label)" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" row 3 col 1 width 3 width 4\n",
		  "t.scr:2: 'width' is given twice" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" row 3 col 1 width 3 colour red\n",
		  "t.scr:2: unknown word 'colour' in a field (expected label, help, row, col, input, "
		  "width, type, choices, required, carry or page)" },
		{ "title \"T\"\nfield person.notes label Ghi row 3 col 1 width 3\n",
		  "t.scr:2: 'label' must be followed by a quoted text" },
		{ "title \"T\"\nfield person.notes label \"Ghi row 3 col 1 width 3\n",
		  "t.scr:2: a quoted text is not closed (a '\"' is missing)" },
		{ "# first\n  field person.notes\ntitle \"T\"\n",
		  "t.scr:2: an indented line continues a statement, but none comes before it" },
		{ "title \"T\"\ntitle \"U\"\ncolumn person.sex heading \"G\" width 3\n",
		  "t.scr:2: a second title (the first is on line 1)" },
		{ "column person.sex heading \"G\" width 3\n",
		  "t.scr: the screen has no title (title \"…\" en \"…\")" },
		{ "title \"T\"\n", "t.scr: the screen has neither fields nor columns" },
		{ "title \"T\"\ncolumn person.full_name heading \"Tên\" width 40\n"
		  "column person.address heading \"Địa chỉ\" width 40\n",
		  "t.scr:3: the columns take 81 columns with the spaces between them; the screen has 80" },
		{ "title \"T\"\ncolumn person.sex heading \"Giới tính\" width 4\n",
		  "t.scr:2: the heading of column person.sex is wider than its width 4" },
		{ "title \"T\"\ncolumn person.sex heading \"G\" width 4 align middle\n",
		  "t.scr:2: 'align' must be followed by left, right or center" },
		{ "title \"T\"\narea table rows 5 3\n"
		  "column person.sex heading \"G\" width 4\n",
		  "t.scr:2: rows 5-3 are not within rows 1-21" },
		{ "title \"T\"\narea table rows 5 8\n"
		  "field person.notes label \"Ghi\" row 6 col 1 width 3\n",
		  "t.scr:3: person.notes is on row 6, inside area table (line 2)" },
		{ "title \"T\"\npage 10\n", "t.scr:2: page 10 is outside 1-9" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" en \"Notes and more\" row 3 col 1 width 3\n"
		  "field person.phone label \"Số\" row 3 col 10 width 3\n",
		  "t.scr:3: person.phone overlaps person.notes (line 2) with the English labels" },
		{ "title \"T\"\nfield person.notes label \"Ghi\" row 3 col 1 width 3 help \""
		  "0123456789012345678901234567890123456789012345678901234567890123456789"
		  "01234567890\"\n",
		  "t.scr:2: the help text of person.notes is wider than the 80-column help line" },
		{ "title \"T\"\nfield person.notes label \"Gh\xff\" row 3 col 1 width 3\n",
		  "t.scr:2: not valid UTF-8 (is the file saved as UTF-8?)" },
	};
	struct buf errs = BUF_INIT;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct screen *s = NULL;
		int rc = load(cases[i].text, &s, &errs);
		ok(rc == -ERR_INVAL && !s, "case %zu refused", i + 1);
		if (!ok(has_line(&errs, cases[i].want), "case %zu: %s", i + 1, cases[i].want))
			diag("got: %s", buf_str(&errs));
		screen_free(&s);
	}
	/* No errs buffer: still refused. */
	struct screen *s = NULL;
	is_int(screen_load_text("frob\n", 5, "x", &s, NULL), -ERR_INVAL, "errs may be NULL");
	is_int(screen_load_file("/nonexistent/x.scr", &s, &errs), -ERR_IO, "missing file: ERR_IO");
	ok(has_prefix_line(&errs, "/nonexistent/x.scr: cannot read: "), "names the file");
	buf_free(&errs);
}

/* Labels follow the language of the messages; the input follows the label. */
static void test_language(void)
{
	struct buf errs = BUF_INIT;
	struct screen *s = NULL;
	load("title \"Hồ sơ\" en \"Card\"\n"
	     "field person.phone label \"Điện thoại\" en \"Phone\" row 2 col 1 width 12\n"
	     "field person.notes label \"Ghi chú\" row 3 col 1 width 12\n", &s, &errs);
	if (!ok(s != NULL, "language screen parses"))
		goto out;
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "vi_VN.UTF-8", 1);
	i18n_init("/nonexistent/locale");
	ok(i18n_vietnamese(), "Vietnamese messages");
	is_str(screen_text(&s->title), "Hồ sơ", "Vietnamese title");
	is_str(screen_text(&s->fields[0].label), "Điện thoại", "Vietnamese label");
	is_int(screen_input_col(&s->fields[0]), 12, "input one column after the Vietnamese label");
	setenv("LANG", "C", 1);
	i18n_init(NULL);
	ok(!i18n_vietnamese(), "English messages under LANG=C");
	is_str(screen_text(&s->title), "Card", "English title");
	is_str(screen_text(&s->fields[0].label), "Phone", "English label");
	is_str(screen_text(&s->fields[1].label), "Ghi chú", "Vietnamese when no English is given");
	is_int(screen_input_col(&s->fields[0]), 7, "input one column after the English label");
	is_str(screen_text(&s->fields[0].help), "", "no help: \"\"");
	is_str(screen_text(NULL), "", "NULL: \"\"");
out:
	screen_free(&s);
	buf_free(&errs);
}

static void test_vocabs_and_path(void)
{
	static const char *const names[] = { "ethnicity", "religion", "education", "qualification",
					     "theory", "role", "sex", "status" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const struct vocab *v = screen_vocab(names[i]);
		ok(v && strcmp(v->name, names[i]) == 0, "list %s", names[i]);
	}
	ok(screen_vocab("colours") == NULL, "unknown list");
	const struct vocab *st = screen_vocab("status");
	is_int(st->n, MS__COUNT, "a status word per status");
	for (int i = 0; i < MS__COUNT; i++)
		is_str(st->items[i], mstatus_text(i), "status %d is mstatus_text's word", i);
	is_str(vocab_canon(st, "deceased", 8), "Từ trần", "status by its code");
	is_str(screen_type_name(STY_YESNO), "yesno", "type names");

	setenv("XDG_CONFIG_HOME", "/nonexistent-config", 1);
	setenv("HOIVIEN_DATADIR", "/data", 1);
	char *p = screen_path("member");
	is_str(p, "/data/screens/member.scr", "the data directory without a user's file");
	free(p);

	/* A user's file wins. */
	char tmp[] = "/tmp/test_screen.XXXXXX";
	if (!ok(mkdtemp(tmp) != NULL, "temp dir"))
		return;
	char dir[256], file[300];
	snprintf(dir, sizeof dir, "%s/hoivien/screens", tmp);
	is_int(path_mkdirs(dir, NULL), 0, "config dir");
	snprintf(file, sizeof file, "%s/member.scr", dir);
	FILE *fp = fopen(file, "w");
	fputs("title \"Mine\"\ncolumn person.sex heading \"G\" width 3\n", fp);
	fclose(fp);
	setenv("XDG_CONFIG_HOME", tmp, 1);
	p = screen_path("member");
	is_str(p, file, "the user's override");
	free(p);
	struct screen *s = NULL;
	struct buf errs = BUF_INIT;
	is_int(screen_load("member", &s, &errs), 0, "screen_load reads it");
	ok(s && strcmp(s->title.vi, "Mine") == 0, "the user's screen");
	screen_free(&s);
	buf_free(&errs);
	p = screen_path("bulk");
	is_str(p, "/data/screens/bulk.scr", "other screens from the data directory");
	free(p);
	unlink(file);
	rmdir(dir);
	snprintf(dir, sizeof dir, "%s/hoivien", tmp);
	rmdir(dir);
	rmdir(tmp);
}

int main(void)
{
	const char *d = getenv("HOIVIEN_DATADIR");
	char *dir = d ? xstrdup(d) : NULL;
	test_shipped();
	test_parse();
	test_errors();
	test_more_errors();
	test_language();
	test_vocabs_and_path();
	if (dir)
		setenv("HOIVIEN_DATADIR", dir, 1);
	free(dir);
	return done_testing();
}
