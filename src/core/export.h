/* Exporting the register as CSV that offices open in a spreadsheet and that imports back into
 * the same store unchanged. */
#ifndef HOIVIEN_EXPORT_H
#define HOIVIEN_EXPORT_H

#include <stdint.h>

struct err;
struct store;

struct export_opts {
	const char *path;	/* file to write ("-": standard output) */
	const char *org;	/* only memberships of this organization (code or name); NULL: all */
};

/* One row per membership (a person without any: one row without organization), persons in id
 * order, columns as col_export_order; UTF-8 with a byte order mark (so Excel reads it right),
 * CRLF, spreadsheet formulas neutralised.  Written from one consistent snapshot to a
 * temporary file renamed into place.  *rows gets the number of data rows. */
int export_csv(struct store *s, const struct export_opts *o, uint64_t *rows, struct err *e);

#endif
