/* A unit's figures for a year (targets.db: the eligible population the gathering rate is
 * measured against, and the targets it was set), read and saved for the command line and the
 * Units screen alike; and the area tags of a unit (ethnic-minority area, religious area, ...)
 * by name.  The reports read targets.db themselves (report_gather.c). */
#ifndef HOIVIEN_TARGETS_H
#define HOIVIEN_TARGETS_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct err;
struct store;
struct store_txn;
struct target;

#define TARGET_YEAR_MIN 1900
#define TARGET_YEAR_MAX 2100
#define TARGET_RATE_MAX 1000	/* a gathering rate in tenths of a percent: 100.0 % */

/* The figures of unit_id for year.  0 with *out filled (the caller frees it with rec_clear), or
 * -ERR_NOTFOUND with *out zeroed but for unit_id and year, ready to be filled and given to
 * target_put.  out must be zeroed or cleared.  Reads the whole of targets.db (a record per unit
 * and year: thousands at most). */
int target_get(struct store *s, struct store_txn *t, uint64_t unit_id, int year,
	       struct target *out, struct err *e);

/* Save tg, inside a write transaction (store_write): a new record when tg->m.id is 0, else an
 * update of the version target_get read (ERR_CONFLICT if someone changed it since; nothing is
 * written when nothing changed).  There is at most one record per unit and year: ERR_EXISTS,
 * naming it, when another one holds that unit's figures for that year.  ERR_INVAL for a year
 * outside TARGET_YEAR_MIN..MAX, a negative figure or a rate over TARGET_RATE_MAX; ERR_NOTFOUND
 * for a unit that does not exist.  tg is not modified (the transaction may run again). */
int target_put(struct store *s, struct store_txn *t, const struct target *tg, struct err *e);

/* A rate in tenths of a percent as "75.5" (no locale's decimal comma) into out[24]; returns
 * out.  target_rate_parse reads "75.5", "75,5", "75" or "75.5%" (0 to 100, at most one
 * decimal): 0 and *tenths, or -1. */
char *target_rate_format(int64_t tenths, char *out);
int target_rate_parse(const char *s, int64_t *tenths);

/* The area tags (AREA_* of core/record.h). */
struct area_tag {
	uint64_t bit;
	const char *name;	/* stable, for the command line: "ethnic", "religious", "nonstate" */
	const char *text;	/* for people, to translate: "ethnic-minority area" */
	const char *letter;	/* a table's column, to translate: "E" (see area_tags_legend) */
};
extern const struct area_tag AREA_TAGS[];
extern const size_t AREA_TAGS_N;

/* The tag called name (a stable name, case as given), or NULL. */
const struct area_tag *area_tag_by_name(const char *name);
/* Append the tags: their texts ("ethnic-minority area, religious area"), or their letters
 * ("E R"); nothing for none. */
void area_tags_text(uint64_t tags, struct buf *out);
void area_tags_letters(uint64_t tags, struct buf *out);
/* Append what the letters stand for: "E ethnic-minority area, R religious area, …". */
void area_tags_legend(struct buf *out);

#endif
