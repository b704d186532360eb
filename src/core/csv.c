/* Streaming CSV reader (RFC 4180 and what spreadsheets actually write) and a formula-safe writer.
 *
 * The reader works on big blocks read with fread and scans runs of ordinary bytes with a class
 * table, copying whole runs into one record buffer where the fields lie one after another, each
 * NUL-terminated.  The parse is a small state machine whose state survives a block boundary, so a
 * record may span any number of blocks without being re-scanned.
 *
 * Memory is bounded by the limits in csv.h: once a record breaks one, it is marked bad and the
 * state machine goes on reading (it must, to find where the record ends: a quoted line break is
 * not the end) but stores nothing more.  A 2 GB line costs a 256 KiB block and a 1 MiB record.
 *
 * Spreadsheet leniencies: a quote opens a quoted field only at the very start of the field (a
 * quote inside 5" floppy is a plain character, as in Excel); text after a closing quote is kept
 * ("ab"c reads ab c, as Excel and Python do); a CR not followed by LF is data. */
#include "core/csv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { READ_BLOCK = 256 * 1024 };
/* Record content at its limit, one NUL per field, and the NUL of a field being ended. */
enum { REC_CAP_MAX = CSV_MAX_RECORD + CSV_MAX_FIELDS + 1 };

/* Byte classes: which bytes stop a run of plain bytes, outside and inside quotes. */
enum { STOP_UNQUOTED = 1, STOP_QUOTED = 2 };

enum bad { BAD_NONE, BAD_FIELD_LONG, BAD_TOO_MANY, BAD_RECORD_LONG, BAD_NUL };

enum state {
	ST_RECORD_START, /* nothing of a record yet: blank lines are skipped here */
	ST_FIELD_START,
	ST_UNQUOTED,
	ST_QUOTED,
	ST_QUOTE, /* a quote inside a quoted field: doubled, or the closing one */
	ST_CR,	  /* a CR outside quotes: CRLF ends the record, a lone CR is data */
};

struct csv_reader {
	FILE *f;
	char *path;
	unsigned char *block;
	size_t pos, len; /* unread bytes are block[pos..len) */
	bool eof;	 /* nothing more to read (end of file, a read error, UTF-16) */
	int read_errno;	 /* non-zero after a read error */
	bool utf16;	 /* the file starts with a UTF-16 byte order mark */
	char delim;
	unsigned char stop[256];
	size_t line; /* physical line of the next unread byte */
	size_t recno;

	/* The record being read. */
	char *rec;
	size_t rec_len, rec_cap;
	size_t field_start; /* offset in rec of the current field */
	size_t nfields;	    /* fields ended so far */
	char **fields;	    /* CSV_MAX_FIELDS entries each */
	size_t *lens;
	enum bad bad;	   /* the first limit broken, if any */
	size_t bad_field;  /* 1-based field where it happened */
	size_t quote_line; /* line where the current quoted field opened */
};

static bool fill(struct csv_reader *r)
{
	r->pos = r->len = 0;
	if (r->eof)
		return false;
	errno = 0;
	size_t n = fread(r->block, 1, READ_BLOCK, r->f);
	if (n < READ_BLOCK) {
		/* fread only comes back short at end of file or on an error: never read again, so a
		 * terminal or a pipe is not asked twice for its end. */
		r->eof = true;
		if (ferror(r->f))
			r->read_errno = errno ? errno : EIO;
	}
	r->len = n;
	return n > 0;
}

/* Fields of the first record of [p, end) when split on delim, by the same quoting rules as the
 * reader, so a quoted "Hà Nội, Việt Nam" does not count its comma. */
static size_t count_fields(const unsigned char *p, const unsigned char *end, unsigned char delim)
{
	size_t n = 1;
	bool quoted = false, at_start = true;
	for (; p < end; p++) {
		unsigned char c = *p;
		if (quoted) {
			if (c == '"') {
				if (p + 1 < end && p[1] == '"')
					p++;
				else
					quoted = false;
			}
			continue;
		}
		if (c == '\n')
			break;
		if (c == delim) {
			n++;
			at_start = true;
			continue;
		}
		if (c == '"' && at_start)
			quoted = true;
		at_start = false;
	}
	return n;
}

/* Choose the delimiter from the first non-blank record in the first block.  A header longer than
 * a block is judged on its first 256 KiB, which is plenty.  Ties go to comma, then semicolon. */
static char detect_delimiter(const unsigned char *p, const unsigned char *end)
{
	for (;;) {
		if (p < end && *p == '\n')
			p++;
		else if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
			p += 2;
		else
			break;
	}
	static const char candidates[] = { ',', ';', '\t' };
	char best = ',';
	size_t best_n = 0;
	for (size_t i = 0; i < sizeof candidates; i++) {
		size_t n = count_fields(p, end, (unsigned char)candidates[i]);
		if (n > best_n) {
			best = candidates[i];
			best_n = n;
		}
	}
	return best;
}

struct csv_reader *csv_open(FILE *f, const char *path)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);
	r->f = f;
	r->path = xstrdup(path ? path : "");
	r->block = xmalloc(READ_BLOCK);
	r->line = 1;
	r->rec_cap = 4096;
	r->rec = xmalloc(r->rec_cap);
	r->fields = xcalloc(CSV_MAX_FIELDS, sizeof *r->fields);
	r->lens = xcalloc(CSV_MAX_FIELDS, sizeof *r->lens);

	fill(r);
	if (r->len >= 3 && memcmp(r->block, "\xef\xbb\xbf", 3) == 0)
		r->pos = 3;
	else if (r->len >= 2 &&
		 (memcmp(r->block, "\xff\xfe", 2) == 0 || memcmp(r->block, "\xfe\xff", 2) == 0))
		r->utf16 = true;
	r->delim = detect_delimiter(r->block + r->pos, r->block + r->len);

	r->stop['\n'] = STOP_UNQUOTED | STOP_QUOTED;
	r->stop['\0'] = STOP_UNQUOTED | STOP_QUOTED;
	r->stop['\r'] = STOP_UNQUOTED;
	r->stop['"'] = STOP_QUOTED;
	r->stop[(unsigned char)r->delim] = STOP_UNQUOTED;
	return r;
}

void csv_close(struct csv_reader **rp)
{
	struct csv_reader *r = *rp;
	if (!r)
		return;
	free(r->path);
	free(r->block);
	free(r->rec);
	free(r->fields);
	free(r->lens);
	free(r);
	*rp = NULL;
}

char csv_delimiter(const struct csv_reader *r)
{
	return r->delim;
}

static void set_bad(struct csv_reader *r, enum bad why)
{
	if (!r->bad) {
		r->bad = why;
		r->bad_field = r->nfields + 1;
	}
}

/* Room for need bytes in the record buffer; the limits are checked before, so need never goes
 * past REC_CAP_MAX. */
static void rec_reserve(struct csv_reader *r, size_t need)
{
	if (need <= r->rec_cap)
		return;
	size_t cap = r->rec_cap * 2;
	if (cap < need)
		cap = need;
	if (cap > REC_CAP_MAX)
		cap = REC_CAP_MAX;
	r->rec = xrealloc(r->rec, cap);
	r->rec_cap = cap;
}

static void append(struct csv_reader *r, const unsigned char *s, size_t n)
{
	if (r->bad || n == 0)
		return;
	if (r->rec_len - r->field_start + n > CSV_MAX_FIELD) {
		set_bad(r, BAD_FIELD_LONG);
		return;
	}
	/* rec_len counts the NULs of the ended fields, which are not content. */
	if (r->rec_len - r->nfields + n > CSV_MAX_RECORD) {
		set_bad(r, BAD_RECORD_LONG);
		return;
	}
	rec_reserve(r, r->rec_len + n + 1);
	memcpy(r->rec + r->rec_len, s, n);
	r->rec_len += n;
}

static void end_field(struct csv_reader *r)
{
	if (r->bad)
		return;
	if (r->nfields == CSV_MAX_FIELDS) {
		set_bad(r, BAD_TOO_MANY);
		return;
	}
	rec_reserve(r, r->rec_len + 1);
	r->lens[r->nfields++] = r->rec_len - r->field_start;
	r->rec[r->rec_len++] = '\0';
	r->field_start = r->rec_len;
}

static int report_bad(struct csv_reader *r, size_t line, struct err *e)
{
	int ret = 0;
	switch (r->bad) {
	case BAD_FIELD_LONG:
		ret = err_set(e, ERR_INVAL, _("field %zu is longer than the limit of %d bytes"),
			      r->bad_field, CSV_MAX_FIELD);
		break;
	case BAD_TOO_MANY:
		ret = err_set(e, ERR_INVAL, _("record has more than %d fields"), CSV_MAX_FIELDS);
		break;
	case BAD_RECORD_LONG:
		ret = err_set(e, ERR_INVAL, _("record is longer than the limit of %d bytes"),
			      CSV_MAX_RECORD);
		break;
	case BAD_NUL:
		ret = err_set(
			e, ERR_INVAL,
			_("NUL byte in field %zu (is this a binary or UTF-16 file rather than CSV text?)"),
			r->bad_field);
		break;
	case BAD_NONE:
		break;
	}
	err_where(e, "%s:%zu", r->path, line);
	return ret;
}

/* Hand the finished record to the caller, or report why it was skipped. */
static int finish(struct csv_reader *r, struct csv_row *row, size_t line, struct err *e)
{
	r->recno++;
	row->line = line;
	row->recno = r->recno;
	row->fields = r->fields;
	row->lens = r->lens;
	if (r->bad) {
		row->nfields = 0;
		return report_bad(r, line, e);
	}
	char *p = r->rec;
	for (size_t i = 0; i < r->nfields; i++) {
		r->fields[i] = p;
		p += r->lens[i] + 1;
	}
	row->nfields = r->nfields;
	return 1;
}

int csv_next(struct csv_reader *r, struct csv_row *row, struct err *e)
{
	row->nfields = 0;
	if (r->utf16) {
		/* Excel's "Unicode text" is UTF-16: every other byte is NUL, so each row would fail
		 * on its own.  The file cannot be read as CSV at all: one message, and stop, like a
		 * read error (a caller skipping bad rows would otherwise report an empty file). */
		err_where(e, "%s", r->path);
		return err_set(
			e, ERR_IO,
			_("the file is UTF-16 text, not CSV: save it again as \"CSV UTF-8\""));
	}
	r->rec_len = r->field_start = r->nfields = 0;
	r->bad = BAD_NONE;

	const unsigned char delim = (unsigned char)r->delim;
	const unsigned char *stop = r->stop;
	enum state st = ST_RECORD_START;
	bool blank_cr = false; /* a CR right at the start of a record: CRLF there is a blank line */
	size_t start_line = r->line;

	for (;;) {
		if (r->pos == r->len && !fill(r))
			break;
		const unsigned char *p = r->block + r->pos, *end = r->block + r->len;
		while (p < end) {
			const unsigned char *s;
			unsigned char c;
			switch (st) {
			case ST_RECORD_START:
				if (*p == '\n') {
					p++;
					r->line++;
					continue;
				}
				start_line = r->line;
				if (*p == '\r') {
					p++;
					blank_cr = true;
					st = ST_CR;
					continue;
				}
				st = ST_FIELD_START;
				/* fall through */
			case ST_FIELD_START:
				if (*p == '"') {
					p++;
					r->quote_line = r->line;
					st = ST_QUOTED;
					continue;
				}
				st = ST_UNQUOTED;
				/* fall through */
			case ST_UNQUOTED:
				s = p;
				while (p < end && !(stop[*p] & STOP_UNQUOTED))
					p++;
				append(r, s, (size_t)(p - s));
				if (p == end)
					continue;
				c = *p++;
				if (c == delim) {
					end_field(r);
					st = ST_FIELD_START;
				} else if (c == '\n') {
					r->line++;
					end_field(r);
					r->pos = (size_t)(p - r->block);
					return finish(r, row, start_line, e);
				} else if (c == '\r') {
					st = ST_CR;
				} else {
					set_bad(r, BAD_NUL);
				}
				continue;
			case ST_QUOTED:
				s = p;
				while (p < end && !(stop[*p] & STOP_QUOTED))
					p++;
				append(r, s, (size_t)(p - s));
				if (p == end)
					continue;
				c = *p++;
				if (c == '"') {
					st = ST_QUOTE;
				} else if (c == '\n') {
					r->line++;
					append(r, &c, 1);
				} else {
					set_bad(r, BAD_NUL);
				}
				continue;
			case ST_QUOTE:
				c = *p;
				if (c == '"') {
					p++;
					append(r, &c, 1);
					st = ST_QUOTED;
				} else if (c == delim) {
					p++;
					end_field(r);
					st = ST_FIELD_START;
				} else if (c == '\n') {
					p++;
					r->line++;
					end_field(r);
					r->pos = (size_t)(p - r->block);
					return finish(r, row, start_line, e);
				} else if (c == '\r') {
					p++;
					st = ST_CR;
				} else {
					st = ST_UNQUOTED; /* "ab"c: keep the c, as spreadsheets do */
				}
				continue;
			case ST_CR:
				if (*p == '\n') {
					p++;
					r->line++;
					if (blank_cr) {
						blank_cr = false;
						st = ST_RECORD_START;
						continue;
					}
					end_field(r);
					r->pos = (size_t)(p - r->block);
					return finish(r, row, start_line, e);
				}
				/* A lone CR is data; the byte after it is read as plain text. */
				c = '\r';
				append(r, &c, 1);
				blank_cr = false;
				st = ST_UNQUOTED;
				continue;
			}
		}
		r->pos = r->len;
	}

	if (r->read_errno) {
		err_where(e, "%s", r->path);
		return err_set(e, ERR_IO, _("cannot read the file: %s"), strerror(r->read_errno));
	}
	switch (st) {
	case ST_RECORD_START:
		return 0;
	case ST_CR:
		if (blank_cr)
			return 0;
		break; /* a file ending in a bare CR: that CR ends the last record */
	case ST_QUOTED:
		/* The open quote swallowed the rest of the file: that explains any limit broken on
		 * the way, so it is the one problem reported. */
		r->recno++;
		row->line = start_line;
		row->recno = r->recno;
		err_where(e, "%s:%zu", r->path, start_line);
		return err_set(e, ERR_INVAL, _("quote opened on line %zu is never closed"),
			       r->quote_line);
	default:
		break;
	}
	end_field(r);
	return finish(r, row, start_line, e);
}

/* What a spreadsheet would start a formula (or a DDE call) with, OWASP's list. */
static bool formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

size_t csv_unescape_formula(const char *s, size_t n)
{
	return n >= 2 && s[0] == '\'' && (formula_start(s[1]) || s[1] == '\'') ? 1 : 0;
}

void csv_write_field(FILE *f, const char *s, size_t n, char delim, bool first)
{
	if (!first)
		putc(delim, f);
	/* A value that itself looks escaped ('=x, '') gets one more apostrophe, so the importer's
	 * csv_unescape_formula gives back exactly the value. */
	bool apostrophe = (n > 0 && formula_start(s[0])) || csv_unescape_formula(s, n);
	/* An empty first field alone on a row would write a blank line, which readers skip. */
	bool quote = first && n == 0;
	if (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		quote = true;
	/* Any delimiter the reader might detect, not only this one: a one-column file written with
	 * ';' has none in its header, is read back as comma-separated, and an unquoted "Hà Nội, VN"
	 * would split. */
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == delim || s[i] == ',' || s[i] == ';' || s[i] == '\t' ||
			s[i] == '"' || s[i] == '\r' || s[i] == '\n';

	if (!quote) {
		if (apostrophe)
			putc('\'', f);
		if (n)
			fwrite(s, 1, n, f);
		return;
	}
	putc('"', f);
	if (apostrophe)
		putc('\'', f);
	const char *p = s, *end = s + n;
	while (p < end) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		if (!q) {
			fwrite(p, 1, (size_t)(end - p), f);
			break;
		}
		fwrite(p, 1, (size_t)(q - p + 1), f);
		putc('"', f);
		p = q + 1;
	}
	putc('"', f);
}

void csv_end_row(FILE *f)
{
	fputs("\r\n", f);
}
