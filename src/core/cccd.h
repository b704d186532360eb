/* CCCD (12-digit citizen ID) and old 9-digit CMND numbers, and the province codes they carry. */
#ifndef HOIVIEN_CCCD_H
#define HOIVIEN_CCCD_H

#include <stddef.h>

#include "core/date.h"

struct err;
struct buf;

/* Clean an ID as typed or imported: spaces, dots and dashes between digits are dropped, and a
 * leading apostrophe (Excel's text marker); the rest must be 12 digits (CCCD) or 9 digits
 * (CMND).  A number that lost its leading zeros in a spreadsheet is reported, not guessed: 11 or
 * 10 digits (8 for a CMND) is an error whose message says so; so is scientific notation.  out
 * gets the digits (room for 13), "" on error.  "" (or only separators) gives "" and 0.
 * Returns 0 or -ERR_INVAL with a message. */
int cccd_parse(const char *s, char *out, struct err *e);

/* Check a 12-digit CCCD against what the record says: a province code that exists (001..096,
 * the 63 pre-2025 provinces), the sex/century digit against sex (1 male, 2 female, 0 unknown)
 * and the birth year against birth (0 unknown): the century digit and digits 5-6 are checked
 * separately; with birth unknown, a birth year in the future is flagged.  Appends one translated
 * warning per problem to warn, each ended by '\n', and returns their number (0 when all agrees,
 * the ID is "" or a CMND; 1 for anything that is neither 12 nor 9 digits). */
int cccd_check(const char *cccd, int sex, hv_date birth, struct buf *warn);

/* The digits of a search query that is an ID number as people write one ("001 085 012 345",
 * "001.085.012.345"): into out (max bytes with the NUL); returns how many, 0 if the query has
 * anything but digits, spaces, dots and dashes (or too many digits for out). */
size_t cccd_query_digits(const char *q, char *out, size_t max);
/* Name of a province by its CCCD code (1..96), or NULL. */
const char *cccd_province(int code);
/* Fill out (room for 13) with a CCCD consistent with the arguments (for generated demo data);
 * serial is any number, its last 6 digits are used.  sex 0 gives the male digit. */
void cccd_make(char *out, int province, int sex, int birth_year, unsigned serial);

#endif
