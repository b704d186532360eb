/* What the reports share: the scope (organizations, the unit tree mapped to rows) and the
 * rule that says which memberships count. */
#ifndef HOIVIEN_REPORT_PRIV_H
#define HOIVIEN_REPORT_PRIV_H

#include "core/orgs.h"
#include "core/record.h"
#include "core/report.h"

#include <stdio.h>

struct store_txn;

struct scope_row {
	size_t org;		/* index into the scope's orgs */
	enum report_row_kind kind;
	uint64_t unit_id;
	char *label;
};

/* The unit tree as scope_build reads it (one pass, rec_pick), by index in id order; the
 * scope keeps it for the reports that walk the tree. */
struct report_units {
	size_t n, cap;
	uint64_t *id, *org, *parent, *tags;	/* tags: AREA_* */
	char **name;
	int32_t *by_id;		/* [nids]: index of a unit id, -1 */
	size_t nids;
	struct rec_pick pk;
};

/* The index of a unit id in u, or -1 (a unit made since the tree was read has none). */
static inline int32_t report_unit_index(const struct report_units *u, uint64_t id)
{
	return id < u->nids ? u->by_id[id] : -1;
}

/* Units are few (thousands) and their ids dense, so the unit -> row map is an array indexed
 * by unit id; the same holds for organizations. */
struct scope {
	struct report_units units;
	struct org_list orgs;
	int only;		/* index of --org's organization, -1: all */
	hv_date as_of;
	char **path;		/* [orgs.n]: path of each organization's scope unit, or "" */
	size_t nrows;
	struct scope_row *rows;	/* grouped by organization, in the orgs' order */
	size_t *first_row;	/* [orgs.n + 1]: org i has rows first_row[i] .. first_row[i + 1] - 1 */
	int32_t *none_row;	/* [orgs.n]: its REPORT_ROW_NONE row, or -1 */
	int32_t *unit_row;	/* [nunit_ids]: row of a unit id, -1 outside the scope */
	size_t nunit_ids;
	int32_t *org_index;	/* [norg_ids]: index of an organization id, -1 if not in scope */
	int32_t *org_pos;	/* [norg_ids]: index of an organization id, in scope or not */
	size_t norg_ids;
};

/* Read the organizations and the unit tree and lay out the rows.  Bad options (an unknown
 * organization or unit, --unit without --org) are ERR_USAGE. */
int scope_build(struct store *s, struct store_txn *t, const struct report_opts *o,
		struct scope *sc, struct err *e);
void scope_free(struct scope *sc);

/* The row a membership falls in, or -1 when it is outside the scope. */
static inline int32_t scope_row_of(const struct scope *sc, uint64_t org_id, uint64_t unit_id)
{
	if (org_id >= sc->norg_ids || sc->org_index[org_id] < 0)
		return -1;
	int32_t oi = sc->org_index[org_id];
	if (unit_id < sc->nunit_ids) {
		int32_t r = sc->unit_row[unit_id];
		if (r >= 0 && sc->rows[r].org == (size_t)oi)
			return r;
	}
	return sc->none_row[oi];
}

/* Whether a membership counts as of the date (see report.h). */
static inline bool report_counted(hv_date join, int64_t status, hv_date status_date,
				  hv_date as_of)
{
	if (join > as_of)
		return false;
	return status == MS_ACTIVE || status_date > as_of;
}

/* Text tables (report_fmt.c): a title, a column of labels (unit names, shortened with "…" to
 * what the width leaves), then right-aligned figures under short headings, each column as wide
 * as its heading or its widest cell; cut into parts repeating the labels when the figures would
 * leave the labels under 16 columns. */
#define RTABLE_MAX_COLS 40

struct rtable {
	const char *title;
	const char *label_head;	/* "Unit", "Organization" */
	size_t ncols;
	const char *head[RTABLE_MAX_COLS];
	size_t nrows, cap;
	struct buf *labels;	/* [cap] */
	uint64_t *v;		/* [nrows * ncols] */
	char **text;		/* NULL, or [nrows * ncols]: what a cell shows instead of its number */
	char **note;		/* NULL, or [cap]: what a row shows across its figures instead */
};

/* title and the headings are borrowed until rtable_free; nrows is a hint. */
void rtable_init(struct rtable *t, const char *title, const char *label_head, size_t nrows);
void rtable_col(struct rtable *t, const char *head);
/* A new row (call after the columns are named): its figures, zeroed, to fill in. */
uint64_t *rtable_row(struct rtable *t, const char *label);
/* The last row's column c shows text ("—", "75.5") instead of its number. */
void rtable_text(struct rtable *t, size_t c, const char *text);
/* The last row shows text across its figures instead of them. */
void rtable_note(struct rtable *t, const char *text);
void rtable_write(FILE *f, const struct rtable *t, int width);
void rtable_free(struct rtable *t);

/* Text broken between words to fit width columns, each line ended. */
void report_put_wrapped(FILE *f, const char *text, int width);
void report_printf_wrapped(FILE *f, int width, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The label a row shows: "Xã A (directly)", "(not in the unit tree)", "Total"... */
void report_row_label(enum report_row_kind kind, const char *label, struct buf *out);

/* A date known only to the month or the year as its first day, as report_counted reads it
 * against a whole date. */
static inline hv_date report_first_day(hv_date d)
{
	if (!d)
		return 0;
	if (DATE_MONTH(d) == 0)
		return d + 101;
	return DATE_DAY(d) == 0 ? d + 1 : d;
}

/* report_phantom_each with its limits given, for tests: the failing memberships of whole units
 * are read in groups of about group_max (a unit with more is a group of its own); a group of at
 * most get_max persons has them read one by one, a bigger one in a pass over every person. */
int phantom_each_tuned(struct store *s, const struct report_phantom *r, size_t group_max,
		       size_t get_max, phantom_member_fn fn, void *ctx, struct err *e);

/* s shortened with "…" to at most w columns, then padded to w (report_fmt.c). */
void report_fitted(FILE *f, const char *s, int w);

/* Zeroed arrays indexed by person id, grown as ids come (ids are dense: a store's persons are
 * numbered from 1). */
void report_grow(void **p, size_t *cap, size_t need, size_t elem);

#endif
