/* The frequency view of the member list: how many of the persons the list holds under its
 * search and filter have each value of one of its columns (screens/list.scr), counted in the
 * store with bounded memory.  No curses: the list (src/ui/list.c) shows the result. */
#ifndef HOIVIEN_FREQ_H
#define HOIVIEN_FREQ_H

#include <stddef.h>
#include <stdint.h>

struct err;
struct screen_ref;
struct store;

/* Distinct values kept by default.  Persons whose value is first met when that many are kept
 * count together as "other" (a frequent value is almost surely met before). */
#define FREQ_MAX_VALUES 5000

/* Which persons count: those the name search finds (when there is a query) that have at least
 * one membership passing every membership condition given (when any is).  This is the member
 * list's search and filter. */
struct freq_filter {
	const char *query;	/* words of a name search (store_find_name); NULL or "": none */
	uint64_t org;		/* the membership's organization; 0: any */
	/* The membership is filed at one of these units (the chosen unit and those under it);
	 * nunits 0: at any unit or none. */
	const uint64_t *units;
	size_t nunits;
	int status;		/* enum mstatus of the membership; -1: any */
};

/* How the persons were read: a pass over every record (memberships when the column or the
 * filter needs them, then persons), or lookups of the few a narrow filter leaves (the search's
 * hits, a small unit's members) through the indexes. */
enum freq_path { FREQ_AUTO, FREQ_SCAN, FREQ_LOOKUP };

/* Called every few thousand records: done of total units of work (total 0: not known, done
 * then counts the search's hits).  Returns 0 to go on, > 0 to stop: freq_count returns that. */
typedef int (*freq_progress_fn)(void *ctx, uint64_t done, uint64_t total);

struct freq_opts {
	const struct screen_ref *col;	/* a person field, a membership field, membership.org
					   or membership.unit */
	struct freq_filter filter;
	size_t max_values;		/* 0: FREQ_MAX_VALUES */
	enum freq_path path;		/* FREQ_AUTO: the cheaper; the others for tests
					   (FREQ_LOOKUP only applies with a query or units) */
	freq_progress_fn progress;	/* may be NULL */
	void *progress_ctx;
	unsigned progress_every;	/* records between its calls; 0: a few thousand */
};

/* A value as the list's cell shows it ("" for none), and how many persons have it. */
struct freq_item {
	char *text;
	uint64_t n;
};

struct freq_result {
	struct freq_item *items;	/* most frequent first, equal counts by text (bytes) */
	size_t n;
	uint64_t other;		/* persons with a value not kept (see FREQ_MAX_VALUES) */
	uint64_t total;		/* persons counted: the items' counts and other */
	enum freq_path path;	/* how they were read */
};

/* The value of a column (membership columns: as the list shows them, from the person's active
 * memberships: membership.org every organization's code, "CD, PN"; membership.unit the name of
 * the first one's unit; another field the first one's, preferring the filter's organization).
 * Returns 0 with *out filled (free it with freq_result_free), < 0 on error, or > 0 when the
 * progress function stopped it (then *out is empty). */
int freq_count(struct store *s, const struct freq_opts *o, struct freq_result *out,
	       struct err *e);
void freq_result_free(struct freq_result *r);

#endif
