/* Reading and writing CSV as spreadsheets produce it (RFC 4180 and Excel's variations). */
#ifndef HOIVIEN_CSV_H
#define HOIVIEN_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct err;

/* Limits that keep a hostile file from exhausting memory. A row over a limit is reported as a bad
 * row (the reader skips to the end of that record and goes on). */
#define CSV_MAX_FIELD (64 * 1024)
#define CSV_MAX_FIELDS 512
#define CSV_MAX_RECORD (1024 * 1024)

struct csv_row {
	size_t nfields;
	char **fields;		/* borrowed until the next csv_next; raw bytes, NUL-terminated */
	size_t *lens;
	size_t line;		/* physical line (1-based) where the record starts */
	size_t recno;		/* record number (1-based, header included) */
};

struct csv_reader;

/* Read from f (not closed by the reader).  path names the file in messages.  The delimiter is
 * detected from the first record (comma, semicolon or tab, whichever splits it into the most
 * fields outside quotes; ties and none go to comma); a UTF-8 byte order mark is skipped.  Reads
 * the first block at once; a read error there is reported by the first csv_next.  Newly
 * allocated; free with csv_close. */
struct csv_reader *csv_open(FILE *f, const char *path);
void csv_close(struct csv_reader **r);
char csv_delimiter(const struct csv_reader *r);
/* Read the next record into row: returns 1, 0 at end of file, or -ERR_INVAL for a malformed
 * record (a quote left open at end of file, a field or record over the limits, a NUL byte), with
 * e naming "path:line" and the problem; the reader is then positioned after that record, so the
 * caller reports it and calls csv_next again (row->line and row->recno are set, nfields is 0).
 * -ERR_IO on a read error or a UTF-16 file (stop; later calls repeat it).  Quoted fields may
 * hold delimiters, doubled quotes and line breaks; CRLF and LF both end a record, a lone CR is
 * data; empty lines are skipped.  A quote opens a quoted field only as its first byte; text
 * after a closing quote is kept ("ab"c is abc), as in Excel.  Fields are raw bytes: no encoding
 * check here. */
int csv_next(struct csv_reader *r, struct csv_row *row, struct err *e);

/* Write one field, quoted when it holds any of , ; tab (so detection on re-import cannot split
 * it), a quote, CR or LF, or leading/trailing space or tab; an empty first field is written ""
 * so that a one-field row is not a blank line.  A field that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) is written with a leading apostrophe, and so is one
 * that already starts with an apostrophe and one of those or another apostrophe;
 * csv_unescape_formula undoes exactly that on import, so an export re-imports to the same
 * values.  first: no delimiter before it.  Write errors show in ferror(f). */
void csv_write_field(FILE *f, const char *s, size_t n, char delim, bool first);
void csv_end_row(FILE *f);	/* CRLF, as RFC 4180 and Excel expect */
/* If s starts with an apostrophe followed by = + - @ tab CR or another apostrophe, return the
 * number of bytes to skip (1); else 0. */
size_t csv_unescape_formula(const char *s, size_t n);

#endif
