/* Unit tests for src/core/csv: the reader on spreadsheet-made and hostile input, and the writer. */
#include "tap.h"

#include "core/csv.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/resource.h>

/* A file holding exactly these bytes, read back from the start. */
static FILE *file_with(const void *data, size_t n)
{
	FILE *f = tmpfile();
	if (!f || fwrite(data, 1, n, f) != n) {
		perror("tmpfile");
		exit(2);
	}
	rewind(f);
	return f;
}

static void add_escaped(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\x%02x", c);
		else
			buf_addc(b, (char)c);
	}
}

/* Everything the reader makes of f: "line:recno:[field][field]" per record and "E where: message"
 * per error, one a line.  Also checks that each field is NUL-terminated at its length. */
static void dump_file(FILE *f, struct buf *out, char *delim)
{
	struct csv_reader *r = csv_open(f, "t.csv");
	struct csv_row row;
	struct err e;
	int rc;
	if (delim)
		*delim = csv_delimiter(r);
	for (int guard = 0; guard < 100000 && (rc = csv_next(r, &row, &e)) != 0; guard++) {
		if (rc < 0) {
			buf_printf(out, "%s %s: %s\n",
				   rc == -ERR_INVAL ? "E"
				   : rc == -ERR_IO  ? "IO"
						    : "?",
				   e.where, e.msg);
			if (rc != -ERR_INVAL)
				break;
			continue;
		}
		buf_printf(out, "%zu:%zu:", row.line, row.recno);
		for (size_t i = 0; i < row.nfields; i++) {
			buf_addc(out, '[');
			add_escaped(out, row.fields[i], row.lens[i]);
			buf_addc(out, ']');
			if (row.fields[i][row.lens[i]] != '\0')
				buf_adds(out, "!unterminated");
		}
		buf_addc(out, '\n');
	}
	csv_close(&r);
	if (r)
		buf_adds(out, "!close did not NULL the pointer\n");
}

static void dump(const char *in, size_t n, struct buf *out, char *delim)
{
	FILE *f = file_with(in, n);
	dump_file(f, out, delim);
	fclose(f);
}

#define S(lit) lit, sizeof(lit) - 1

static const struct {
	const char *name;
	const char *in;
	size_t len;
	char delim;
	const char *want;
} cases[] = {
	{ "LF records", S("a,b,c\n1,2,3\n"), ',', "1:1:[a][b][c]\n2:2:[1][2][3]\n" },
	{ "CRLF records", S("a,b\r\n1,2\r\n"), ',', "1:1:[a][b]\n2:2:[1][2]\n" },
	{ "no newline at the end", S("a,b\n1,2"), ',', "1:1:[a][b]\n2:2:[1][2]\n" },
	{ "CR at the very end", S("a,b\r"), ',', "1:1:[a][b]\n" },
	{ "empty file", S(""), ',', "" },
	{ "only a BOM", S("\xef\xbb\xbf"), ',', "" },
	{ "only blank lines", S("\n\r\n\n"), ',', "" },
	{ "BOM skipped", S("\xef\xbb\xbfHọ tên,CCCD\nA,1\n"), ',',
	  "1:1:[Họ tên][CCCD]\n2:2:[A][1]\n" },
	{ "BOM and semicolons", S("\xef\xbb\xbf" "a;b\r\n1;2\r\n"), ';', "1:1:[a][b]\n2:2:[1][2]\n" },
	{ "BOM only at the start", S("a\n\xef\xbb\xbf" "b\n"), ',', "1:1:[a]\n2:2:[\xef\xbb\xbf" "b]\n" },
	{ "blank lines skipped, lines counted", S("\n\na,b\n\n\r\n1,2\n\n"), ',',
	  "3:1:[a][b]\n6:2:[1][2]\n" },
	{ "empty fields", S("a,,b\n,,\n"), ',', "1:1:[a][][b]\n2:2:[][][]\n" },
	{ "empty quoted field", S("\"\",x\n\"\"\n"), ',', "1:1:[][x]\n2:2:[]\n" },
	{ "quoted delimiter", S("\"Hà Nội, Việt Nam\",x\n"), ',', "1:1:[Hà Nội, Việt Nam][x]\n" },
	{ "doubled quotes", S("\"say \"\"hi\"\"\",x\n\"\"\"\"\n"), ',',
	  "1:1:[say \"hi\"][x]\n2:2:[\"]\n" },
	{ "quote at the end of a quoted field", S("a,\"b\"\"\"\n"), ',', "1:1:[a][b\"]\n" },
	{ "newline in quotes", S("name,addr\n\"Nguyễn\",\"12 Lê Lợi\nHuế\"\nx,y\n"), ',',
	  "1:1:[name][addr]\n2:2:[Nguyễn][12 Lê Lợi\\nHuế]\n4:3:[x][y]\n" },
	{ "CRLF in quotes", S("\"a\r\nb\",c\r\nd,e\r\n"), ',', "1:1:[a\\r\\nb][c]\n3:2:[d][e]\n" },
	{ "several lines in quotes", S("\"1\n2\n3\",\"\n\"\nz\n"), ',',
	  "1:1:[1\\n2\\n3][\\n]\n5:2:[z]\n" },
	{ "quoted fields then CRLF", S("\"a\"\r\n\"b\",\"c\"\r\n"), ',', "1:1:[a]\n2:2:[b][c]\n" },
	{ "semicolon file", S("Họ tên;Ngày sinh;CCCD\nLê Văn A;1/1/1990;001090001234\n"), ';',
	  "1:1:[Họ tên][Ngày sinh][CCCD]\n2:2:[Lê Văn A][1/1/1990][001090001234]\n" },
	{ "semicolon file with commas in the data", S("a;b\n1,5;2,5\n"), ';',
	  "1:1:[a][b]\n2:2:[1,5][2,5]\n" },
	{ "tab file", S("a\tb\tc\n1\t2\t3\n"), '\t', "1:1:[a][b][c]\n2:2:[1][2][3]\n" },
	{ "detection ignores quoted commas", S("\"Hà Nội, VN\";x;y\n1;2;3\n"), ';',
	  "1:1:[Hà Nội, VN][x][y]\n2:2:[1][2][3]\n" },
	{ "detection on the first record only", S("a,b\n1;2;3;4\n"), ',',
	  "1:1:[a][b]\n2:2:[1;2;3;4]\n" },
	{ "detection after blank lines", S("\r\n\na\tb\n"), '\t', "3:1:[a][b]\n" },
	{ "detection tie goes to comma", S("a,b;c\n"), ',', "1:1:[a][b;c]\n" },
	{ "one column", S("a\nb\n"), ',', "1:1:[a]\n2:2:[b]\n" },
	{ "quote inside an unquoted field is text", S("5\" floppy,x\n"), ',',
	  "1:1:[5\" floppy][x]\n" },
	{ "text after a closing quote is kept", S("\"ab\"c,d\n"), ',', "1:1:[abc][d]\n" },
	{ "quote after leading space is text", S("a, \"b\"\n"), ',', "1:1:[a][ \"b\"]\n" },
	{ "spaces are kept", S(" a , b \n"), ',', "1:1:[ a ][ b ]\n" },
	{ "a lone CR is data", S("a\rb,c\n"), ',', "1:1:[a\\rb][c]\n" },
	{ "CR CR LF", S("a\r\r\nb\n"), ',', "1:1:[a\\r]\n2:2:[b]\n" },
	{ "raw bytes pass through", S("caf\xe9,\xff\n"), ',', "1:1:[caf\xe9][\xff]\n" },
	{ "trailing delimiter", S("a,b,\n"), ',', "1:1:[a][b][]\n" },
	{ "unterminated quote", S("a,b\n1,\"open\n2,3\n4,5\n"), ',',
	  "1:1:[a][b]\nE t.csv:2: quote opened on line 2 is never closed\n" },
	{ "unterminated quote on a later line of the record", S("x,\"a\nb\",\"c\nd\n"), ',',
	  "E t.csv:1: quote opened on line 2 is never closed\n" },
	{ "quote closed at the very end", S("a,\"b\n\""), ',', "1:1:[a][b\\n]\n" },
	{ "NUL byte", S("a,b\n1,x\0y\n3,4\n"), ',',
	  "1:1:[a][b]\nE t.csv:2: NUL byte in field 2 (is this a binary or UTF-16 file rather than CSV "
	  "text?)\n3:3:[3][4]\n" },
	{ "NUL byte in quotes", S("a,b\n\"\0\",2\n3,4\n"), ',',
	  "1:1:[a][b]\nE t.csv:2: NUL byte in field 1 (is this a binary or UTF-16 file rather than CSV "
	  "text?)\n3:3:[3][4]\n" },
	{ "NUL byte in a multi-line record", S("a,b\n\"x\ny\",\0\nok,1\n"), ',',
	  "1:1:[a][b]\nE t.csv:2: NUL byte in field 2 (is this a binary or UTF-16 file rather than CSV "
	  "text?)\n4:3:[ok][1]\n" },
	{ "UTF-16 file",
	  S("\xff\xfe"
	    "a\0,\0b\0\n\0"),
	  ',', "IO t.csv: the file is UTF-16 text, not CSV: save it again as \"CSV UTF-8\"\n" },
	{ "UTF-16 big-endian file", S("\xfe\xff\0a\0,\0b\0\n"), ',',
	  "IO t.csv: the file is UTF-16 text, not CSV: save it again as \"CSV UTF-8\"\n" },
};

static void test_cases(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf out = BUF_INIT;
		char delim = 0;
		dump(cases[i].in, cases[i].len, &out, &delim);
		is_str(buf_str(&out), cases[i].want, "%s", cases[i].name);
		is_int(delim, cases[i].delim, "%s: delimiter", cases[i].name);
		buf_free(&out);
	}
}

/* A record or a line that straddles the reader's blocks must read as if it did not.  The block
 * size is the reader's business, so slide the interesting bytes over every position around the
 * likely sizes. */
static void test_block_boundaries(void)
{
	static const char tail[] = "\"a\"\"b\",\"c\r\nd\"\r\n\r\n\"x\"\r\ny\rz\n";
	static const size_t sizes[] = { 4096, 65536, 131072, 262144, 1048576 };
	int bad = 0, tried = 0;
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		for (size_t pad = sizes[k] - 30; pad <= sizes[k] + 2; pad++) {
			/* pad bytes of 1000-byte lines and a last short one, then ",", so the tail
			 * starts at byte pad + 1 */
			struct buf in = BUF_INIT, want = BUF_INIT, out = BUF_INIT;
			size_t full = (pad - 1) / 1000, rest = pad - full * 1000;
			char line[1000];
			memset(line, 'p', sizeof line);
			for (size_t i = 0; i < full; i++) {
				buf_add(&in, line, 999);
				buf_addc(&in, '\n');
				buf_printf(&want, "%zu:%zu:[%.999s]\n", i + 1, i + 1, line);
			}
			buf_add(&in, line, rest);
			buf_addc(&in, ',');
			buf_add(&in, tail, sizeof tail - 1);
			buf_printf(&want,
				   "%zu:%zu:[%.*s][a\"b][c\\r\\nd]\n%zu:%zu:[x]\n%zu:%zu:[y\\rz]\n",
				   full + 1, full + 1, (int)rest, line, full + 4, full + 2,
				   full + 5, full + 3);
			dump(in.p, in.len, &out, NULL);
			tried++;
			if (strcmp(buf_str(&out), buf_str(&want)) != 0 && bad++ < 3)
				diag("pad %zu: got ...%s", pad,
				     buf_str(&out) + (out.len > 80 ? out.len - 80 : 0));
			buf_free(&in);
			buf_free(&want);
			buf_free(&out);
		}
	}
	is_int(bad, 0, "records read the same at every position across a block boundary (%d tried)",
	       tried);
}

/* A record of nfields fields, each flen copies of c, separated by commas, ending in LF. */
static void add_record(struct buf *b, size_t nfields, size_t flen, char c, bool quoted)
{
	for (size_t i = 0; i < nfields; i++) {
		if (i)
			buf_addc(b, ',');
		if (quoted)
			buf_addc(b, '"');
		buf_reserve(b, flen);
		memset(b->p + b->len, c, flen);
		b->len += flen;
		b->p[b->len] = '\0';
		if (quoted)
			buf_addc(b, '"');
	}
	buf_addc(b, '\n');
}

/* Read in, expecting the given records: (n fields, first field length) or an error message. */
struct expect {
	size_t nfields, len0, line;
	const char *err;
};

static void check_big(const char *name, const struct buf *in, const struct expect *want,
		      size_t nwant)
{
	FILE *f = file_with(in->p, in->len);
	struct csv_reader *r = csv_open(f, "big.csv");
	struct csv_row row;
	struct err e;
	size_t got = 0;
	int rc;
	bool same = true;
	while ((rc = csv_next(r, &row, &e)) != 0 && got < nwant + 5) {
		const struct expect *w = got < nwant ? &want[got] : NULL;
		got++;
		if (!w) {
			same = false;
			diag("%s: unexpected extra record (rc %d)", name, rc);
			continue;
		}
		if (w->err) {
			char where[64];
			snprintf(where, sizeof where, "big.csv:%zu", w->line);
			if (rc != -ERR_INVAL || strcmp(e.msg, w->err) != 0 ||
			    strcmp(e.where, where) != 0) {
				same = false;
				diag("%s: record %zu: rc %d, %s: %s", name, got, rc, e.where,
				     rc < 0 ? e.msg : "");
			}
		} else if (rc != 1 || row.nfields != w->nfields ||
			   (row.nfields && row.lens[0] != w->len0) || row.line != w->line ||
			   row.recno != got) {
			same = false;
			diag("%s: record %zu: rc %d, %zu fields, line %zu, recno %zu%s%s", name,
			     got, rc, row.nfields, row.line, row.recno, rc < 0 ? ", " : "",
			     rc < 0 ? e.msg : "");
		}
	}
	ok(same && got == nwant, "%s (%zu records)", name, got);
	csv_close(&r);
	fclose(f);
}

static void test_limits(void)
{
	struct buf in = BUF_INIT;
	char msg_fields[80], msg_field2[80], msg_field1[80], msg_record[80];
	snprintf(msg_fields, sizeof msg_fields, "record has more than %d fields", CSV_MAX_FIELDS);
	snprintf(msg_field1, sizeof msg_field1, "field 1 is longer than the limit of %d bytes",
		 CSV_MAX_FIELD);
	snprintf(msg_field2, sizeof msg_field2, "field 2 is longer than the limit of %d bytes",
		 CSV_MAX_FIELD);
	snprintf(msg_record, sizeof msg_record, "record is longer than the limit of %d bytes",
		 CSV_MAX_RECORD);

	add_record(&in, 3, 1, 'h', false);
	add_record(&in, CSV_MAX_FIELDS, 1, 'x', false);
	add_record(&in, 600, 1, 'x', false);
	add_record(&in, CSV_MAX_FIELDS + 1, 0, 'x', false);
	add_record(&in, 3, 2, 'y', false);
	check_big("512 fields are read, 600 and 513 rejected, the next row read", &in,
		  (struct expect[]){ { 3, 1, 1, NULL },
				     { CSV_MAX_FIELDS, 1, 2, NULL },
				     { 0, 0, 3, msg_fields },
				     { 0, 0, 4, msg_fields },
				     { 3, 2, 5, NULL } },
		  5);
	buf_reset(&in);

	add_record(&in, 1, CSV_MAX_FIELD, 'x', false);
	add_record(&in, 1, CSV_MAX_FIELD, 'x', true);
	buf_adds(&in, "a,");
	add_record(&in, 1, 100 * 1024, 'x', false);
	buf_adds(&in, "a,");
	add_record(&in, 1, CSV_MAX_FIELD + 1, 'q', true);
	add_record(&in, 1, 2, 'z', false);
	check_big("a 64 KiB field is read, 100 KB and 64 KiB+1 rejected", &in,
		  (struct expect[]){ { 1, CSV_MAX_FIELD, 1, NULL },
				     { 1, CSV_MAX_FIELD, 2, NULL },
				     { 0, 0, 3, msg_field2 },
				     { 0, 0, 4, msg_field2 },
				     { 1, 2, 5, NULL } },
		  5);
	buf_reset(&in);

	size_t per = CSV_MAX_RECORD / CSV_MAX_FIELD;
	add_record(&in, per, CSV_MAX_FIELD, 'r', false);
	add_record(&in, per + 1, CSV_MAX_FIELD, 'r', false);
	add_record(&in, 2, 1, 'k', false);
	check_big("a record at the size limit is read, one over it rejected", &in,
		  (struct expect[]){ { per, CSV_MAX_FIELD, 1, NULL },
				     { 0, 0, 2, msg_record },
				     { 2, 1, 3, NULL } },
		  3);
	buf_reset(&in);

	/* A 5 MB line in every shape: one field, many short fields, quoted with line breaks. */
	add_record(&in, 2, 1, 'h', false);
	add_record(&in, 1, 5 * 1024 * 1024, 'x', false);
	add_record(&in, 2, 3, 'g', false);
	add_record(&in, 5 * 1024 * 1024 / 2, 1, 'f', false);
	add_record(&in, 2, 4, 'g', false);
	buf_addc(&in, '"');
	for (int i = 0; i < 1000; i++) {
		buf_reserve(&in, 5000);
		memset(in.p + in.len, 'm', 4999);
		in.p[in.len + 4999] = '\n';
		in.len += 5000;
		in.p[in.len] = '\0';
	}
	buf_adds(&in, "\",end\n");
	add_record(&in, 2, 5, 'g', false);
	check_big("5 MB lines are rejected and the following rows read", &in,
		  (struct expect[]){ { 2, 1, 1, NULL },
				     { 0, 0, 2, msg_field1 },
				     { 2, 3, 3, NULL },
				     { 0, 0, 4, msg_fields },
				     { 2, 4, 5, NULL },
				     { 0, 0, 6, msg_field1 },
				     { 2, 5, 1007, NULL } },
		  7);
	buf_reset(&in);

	/* A quote that swallows megabytes up to the end: the open quote is what to report. */
	add_record(&in, 2, 1, 'h', false);
	buf_adds(&in, "1,\"");
	add_record(&in, 1, 3 * 1024 * 1024, 'u', false);
	add_record(&in, 2, 1, 'v', false);
	check_big("a quote left open over 3 MB is reported as such", &in,
		  (struct expect[]){ { 2, 1, 1, NULL },
				     { 0, 0, 2, "quote opened on line 2 is never closed" } },
		  2);
	buf_free(&in);
}

/* A stream of bytes nobody stores: a hostile single line far bigger than memory would allow. */
struct hostile {
	unsigned long long left; /* bytes of 'x' still to produce */
	const char *tail;
	size_t tail_left;
};

static ssize_t hostile_read(void *cookie, char *out, size_t n)
{
	struct hostile *h = cookie;
	size_t k = 0;
	if (h->left) {
		k = n < h->left ? n : (size_t)h->left;
		memset(out, 'x', k);
		h->left -= k;
		return (ssize_t)k;
	}
	k = n < h->tail_left ? n : h->tail_left;
	memcpy(out, h->tail, k);
	h->tail += k;
	h->tail_left -= k;
	return (ssize_t)k;
}

static long max_rss_kib(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void test_hostile_line(void)
{
	static const char tail[] = "\nok,1\n";
	struct hostile h = { 512ull * 1024 * 1024, tail, sizeof tail - 1 };
	FILE *f = fopencookie(&h, "r", (cookie_io_functions_t){ .read = hostile_read });
	long before = max_rss_kib();
	struct csv_reader *r = csv_open(f, "huge.csv");
	struct csv_row row;
	struct err e;
	is_int(csv_next(r, &row, &e), -ERR_INVAL, "a 512 MB line is rejected");
	is_str(e.where, "huge.csv:1", "at its line");
	is_int(csv_next(r, &row, &e), 1, "the row after it is read");
	ok(row.nfields == 2 && strcmp(row.fields[0], "ok") == 0 && row.line == 2 && row.recno == 2,
	   "and is the right row, line 2, record 2");
	is_int(csv_next(r, &row, &e), 0, "then end of file");
	long grown = max_rss_kib() - before;
	/* The reader needs a block and a record; allow the sanitizers their shadow memory. */
	ok(grown < 48 * 1024, "memory grew by %ld KiB only", grown);
	csv_close(&r);
	fclose(f);
}

static ssize_t failing_read(void *cookie, char *out, size_t n)
{
	(void)cookie;
	(void)out;
	(void)n;
	errno = EIO;
	return -1;
}

static void test_read_error(void)
{
	FILE *f = fopencookie(NULL, "r", (cookie_io_functions_t){ .read = failing_read });
	struct csv_reader *r = csv_open(f, "bad.csv");
	struct csv_row row;
	struct err e;
	is_int(csv_next(r, &row, &e), -ERR_IO, "a read error is ERR_IO");
	is_str(e.msg, "cannot read the file: Input/output error", "and says why");
	is_str(e.where, "bad.csv", "and names the file");
	is_int(csv_next(r, &row, &e), -ERR_IO, "and stays an error");
	csv_close(&r);
	fclose(f);

	static const char utf16[] = "\xff\xfe"
				    "a\0,\0b\0\n\0";
	f = file_with(utf16, sizeof utf16 - 1);
	r = csv_open(f, "u.csv");
	is_int(csv_next(r, &row, &e), -ERR_IO, "a UTF-16 file stops the import");
	is_int(csv_next(r, &row, &e), -ERR_IO, "and stays stopped");
	is_str(e.where, "u.csv", "naming the file");
	csv_close(&r);
	fclose(f);
	csv_close(&r);
	ok(r == NULL, "closing twice is harmless");
}

/* What csv_write_field writes for one field. */
static void written(const char *s, size_t n, char delim, bool first, struct buf *out)
{
	FILE *f = tmpfile();
	csv_write_field(f, s, n, delim, first);
	long len = ftell(f);
	rewind(f);
	buf_reserve(out, (size_t)len);
	out->len = fread(out->p, 1, (size_t)len, f);
	out->p[out->len] = '\0';
	fclose(f);
}

static void test_writer(void)
{
	static const struct {
		const char *in;
		char delim;
		bool first;
		const char *want;
	} t[] = {
		{ "plain", ',', true, "plain" },
		{ "plain", ',', false, ",plain" },
		{ "Nguyễn Thị Thúy", ';', false, ";Nguyễn Thị Thúy" },
		{ "a,b", ',', true, "\"a,b\"" },
		{ "a,b", ';', true, "\"a,b\"" }, /* any delimiter the reader could detect */
		{ "a;b", ',', true, "\"a;b\"" },
		{ "a\tb", ',', true, "\"a\tb\"" },
		{ "a;b", ';', true, "\"a;b\"" },
		{ "a\tb", '\t', true, "\"a\tb\"" },
		{ "say \"hi\"", ',', true, "\"say \"\"hi\"\"\"" },
		{ "\"", ',', true, "\"\"\"\"" },
		{ "two\nlines", ',', true, "\"two\nlines\"" },
		{ "cr\rx", ',', true, "\"cr\rx\"" },
		{ " lead", ',', true, "\" lead\"" },
		{ "trail ", ',', true, "\"trail \"" },
		{ "=1+1", ',', true, "'=1+1" },
		{ "@SUM(A1:A9)", ',', true, "'@SUM(A1:A9)" },
		{ "-2", ',', true, "'-2" },
		{ "+84 912 345 678", ',', true, "'+84 912 345 678" },
		{ "=HYPERLINK(\"http://x\",\"y\")", ',', true,
		  "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
		{ "\tx", ',', true, "\"'\tx\"" },
		{ "\rx", ',', true, "\"'\rx\"" },
		{ "'", ',', true, "'" },
		{ "''", ',', true, "'''" },
		{ "'=1+1", ',', true, "''=1+1" },
		{ "'abc", ',', true, "'abc" },
		{ "a=b", ',', true, "a=b" },
		{ "", ',', true, "\"\"" }, /* alone on a row it would be a blank line */
		{ "", ',', false, "," },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct buf out = BUF_INIT, shown = BUF_INIT, want = BUF_INIT;
		written(t[i].in, strlen(t[i].in), t[i].delim, t[i].first, &out);
		add_escaped(&shown, t[i].in, strlen(t[i].in));
		struct buf got = BUF_INIT;
		add_escaped(&got, out.p, out.len);
		add_escaped(&want, t[i].want, strlen(t[i].want));
		is_str(buf_str(&got), buf_str(&want), "write \"%s\" (delimiter '%s', %s)",
		       buf_str(&shown), t[i].delim == '\t' ? "\\t" : (char[]){ t[i].delim, 0 },
		       t[i].first ? "first" : "not first");
		buf_free(&out);
		buf_free(&shown);
		buf_free(&want);
		buf_free(&got);
	}
	FILE *f = tmpfile();
	csv_end_row(f);
	is_int(ftell(f), 2, "a row ends in two bytes");
	rewind(f);
	ok(getc(f) == '\r' && getc(f) == '\n', "CRLF");
	fclose(f);

	static const struct {
		const char *s;
		size_t want;
	} u[] = {
		{ "'=1", 1 },	      { "'+84", 1 }, { "'-2", 1 }, { "'@x", 1 }, { "'\tx", 1 },
		{ "'\rx", 1 },	      { "''", 1 },   { "'''", 1 }, { "'", 0 },	 { "'a", 0 },
		{ "'0123456789", 0 }, { "=1", 0 },   { "", 0 },	   { "a'=", 0 }, { "' =1", 0 },
	};
	for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
		struct buf shown = BUF_INIT;
		add_escaped(&shown, u[i].s, strlen(u[i].s));
		is_int(csv_unescape_formula(u[i].s, strlen(u[i].s)), u[i].want, "unescape \"%s\"",
		       buf_str(&shown));
		buf_free(&shown);
	}
	is_int(csv_unescape_formula("'=", 1), 0, "unescape looks only at n bytes");
}

static bool formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* Export hostile values, import them again: the same values, and no raw field a spreadsheet
 * would run as a formula. */
static void test_round_trip(void)
{
	static const char *const values[] = {
		"=1+1",
		"@SUM(A1:A2)",
		"-2",
		"+84 912 345 678",
		"=cmd|' /C calc'!A0",
		"say \"hi\"",
		"\"",
		"\"\"",
		"a,b",
		"a;b",
		"a\tb",
		"line1\nline2",
		"line1\r\nline2",
		"\r",
		"\n",
		" lead",
		"trail ",
		"  ",
		"'",
		"''",
		"'=1+1",
		"'+84",
		"'-",
		"'@",
		"'\t",
		"'\r",
		"'abc",
		"",
		"Nguyễn Văn Ánh",
		"Hà Nội, Việt Nam",
		"-",
		"+",
		"=",
		"@",
		"\t",
		"end\"",
	};
	static const char delims[] = { ',', ';', '\t' };
	size_t nv = sizeof values / sizeof values[0];
	for (size_t d = 0; d < sizeof delims; d++) {
		char delim = delims[d];
		FILE *f = tmpfile();
		const char *header[] = { "id", "value", "tail" };
		for (int i = 0; i < 3; i++)
			csv_write_field(f, header[i], strlen(header[i]), delim, i == 0);
		csv_end_row(f);
		for (size_t i = 0; i < nv; i++) {
			char id[16];
			snprintf(id, sizeof id, "%zu", i);
			csv_write_field(f, id, strlen(id), delim, true);
			csv_write_field(f, values[i], strlen(values[i]), delim, false);
			csv_write_field(f, values[i], strlen(values[i]), delim, false);
			csv_end_row(f);
			/* and alone on a row, the value first */
			csv_write_field(f, values[i], strlen(values[i]), delim, true);
			csv_end_row(f);
		}
		rewind(f);
		struct csv_reader *r = csv_open(f, "rt.csv");
		struct csv_row row;
		struct err e;
		int bad = 0, unsafe = 0;
		is_int(csv_delimiter(r), delim, "round trip: delimiter detected");
		if (csv_next(r, &row, &e) != 1 || row.nfields != 3)
			bad++;
		for (size_t i = 0; i < nv; i++) {
			const char *v = values[i];
			for (int pass = 0; pass < 2; pass++) {
				size_t want_n = pass == 0 ? 3 : 1;
				if (csv_next(r, &row, &e) != 1 || row.nfields != want_n) {
					diag("value %zu pass %d: %s", i, pass, e.msg);
					bad++;
					continue;
				}
				for (size_t k = pass == 0 ? 1 : 0; k < row.nfields; k++) {
					if (row.lens[k] && formula_start(row.fields[k][0]))
						unsafe++;
					size_t skip =
						csv_unescape_formula(row.fields[k], row.lens[k]);
					if (row.lens[k] - skip != strlen(v) ||
					    memcmp(row.fields[k] + skip, v, strlen(v))) {
						diag("value %zu field %zu differs", i, k);
						bad++;
					}
				}
			}
		}
		is_int(csv_next(r, &row, &e), 0, "round trip: nothing after the last row");
		is_int(bad, 0,
		       "round trip with delimiter '%s': %zu hostile values come back unchanged",
		       delim == '\t' ? "\\t" : (char[]){ delim, 0 }, nv);
		is_int(unsafe, 0, "round trip: no field starts like a formula in the file");
		csv_close(&r);
		fclose(f);
	}
}

/* A one-column export has no delimiter in its header, so the reader falls back to comma: values
 * holding a comma must come back whole whatever delimiter wrote them. */
static void test_one_column(void)
{
	static const char *const values[] = {
		"Địa chỉ", "Hà Nội, Việt Nam", "a;b", "x\ty", "=1,2",
	};
	static const char delims[] = { ',', ';', '\t' };
	for (size_t d = 0; d < sizeof delims; d++) {
		FILE *f = tmpfile();
		for (size_t i = 0; i < 5; i++) {
			csv_write_field(f, values[i], strlen(values[i]), delims[d], true);
			csv_end_row(f);
		}
		rewind(f);
		struct csv_reader *r = csv_open(f, "one.csv");
		struct csv_row row;
		struct err e;
		int bad = 0;
		for (size_t i = 0; i < 5; i++) {
			if (csv_next(r, &row, &e) != 1 || row.nfields != 1) {
				bad++;
				continue;
			}
			size_t skip = csv_unescape_formula(row.fields[0], row.lens[0]);
			bad += strcmp(row.fields[0] + skip, values[i]) != 0;
		}
		is_int(bad, 0, "one-column export with delimiter %d reads back whole", delims[d]);
		csv_close(&r);
		fclose(f);
	}
}

int main(void)
{
	/* First, while the peak memory of the process is still low, so that growth shows. */
	test_hostile_line();
	test_cases();
	test_block_boundaries();
	test_limits();
	test_read_error();
	test_writer();
	test_round_trip();
	test_one_column();
	return done_testing();
}
