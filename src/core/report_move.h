/* The movement report: for a period, by unit (the rows of the stats report), the members at
 * its start, those admitted, transferred in, transferred out, left, deceased and suspended in
 * it, and the members at its end:
 *
 *     start + admitted + transferred in - transferred out - left - deceased - suspended = end
 *
 * The start counts the memberships counted (report.h) on the day before the period, the end
 * those counted on its last day; the flows are counted separately from the dates: admitted and
 * transferred in are the memberships joined in the period (transferred_in tells them apart),
 * the others those whose status changed to it in the period.  (A date known only to the month
 * or the year stands for its first day, as in the counts.)
 *
 * The two add up for every membership whose dates make sense.  One that breaks the sum in the
 * period - a status other than active with no date, a status dated before the join date, a
 * status this program does not know - is a fault: a row with a fault shows no figures, only
 * that it does not reconcile, and the faulty records are listed (their id, person, unit and
 * what is wrong) to be corrected; so does the total when a row does not reconcile.  A fault
 * outside the period breaks nothing and is not listed.
 *
 * One pass over the memberships (store_scan), figures by row; nothing is kept per member
 * besides the faults listed (at most MOVE_FAULTS_MAX a table) and the distinct reasons given
 * for leaving (at most MOVE_REASONS_MAX). */
#ifndef HOIVIEN_REPORT_MOVE_H
#define HOIVIEN_REPORT_MOVE_H

#include "core/report.h"

enum move_col {
	MV_START,
	MV_ADMITTED,		/* joined in the period, not by transfer (kết nạp) */
	MV_TRANSFER_IN,		/* joined in the period by transfer (chuyển đến) */
	MV_TRANSFER_OUT,	/* MS_TRANSFERRED dated in the period */
	MV_LEFT,		/* MS_LEFT */
	MV_DECEASED,		/* MS_DECEASED */
	MV_SUSPENDED,		/* MS_SUSPENDED */
	MV_END,
	MV__COUNT
};

enum move_fault_kind {
	MF_NO_STATUS_DATE,	/* joined in the period; a status other than active, undated */
	MF_STATUS_BEFORE_JOIN,	/* its status changed in the period, before it was joined */
	MF_JOIN_AFTER_STATUS,	/* joined in the period, after its status changed */
	MF_UNKNOWN_STATUS,	/* a status value this program does not know, in the period */
};

struct move_fault {
	uint64_t membership_id, person_id, unit_id;
	char *person;		/* the person's name ("" when the record is missing) */
	char *unit;		/* the unit's name ("" for none) */
	size_t row;		/* index into the table's rows */
	enum move_fault_kind kind;
	int64_t status;
	hv_date join_date, status_date;
};

struct move_row {
	enum report_row_kind kind;
	uint64_t unit_id;	/* REPORT_ROW_UNIT and _DIRECT */
	char *label;
	uint64_t v[MV__COUNT];	/* not to be shown unless reconciles */
	uint64_t faults;	/* faulty memberships in the row */
	bool reconciles;	/* no fault, and the figures add up */
};

/* A reason given for leaving (status_reason), with how many left so in the period. */
struct move_reason {
	int64_t status;		/* MS_LEFT, MS_DECEASED, MS_SUSPENDED */
	char *text;		/* one line; "" when none was given */
	uint64_t n;
};

#define MOVE_FAULTS_MAX 200
#define MOVE_REASONS_MAX 100

struct move_table {
	char *code, *name, *word;
	char *scope;			/* path of the scope unit; "" when the rows are the tops */
	size_t nrows;
	struct move_row *rows;
	struct move_row total;		/* counted on its own; reconciles only if every row does */
	size_t nfaults;			/* listed: the first MOVE_FAULTS_MAX of total.faults */
	struct move_fault *faults;
	size_t nreasons;		/* by status, then most given first */
	struct move_reason *reasons;	/* more distinct texts than the maximum: one "" entry
					   per status takes the rest */
};

struct report_movement {
	hv_date from, to;		/* the period, both days included */
	size_t ntables;
	struct move_table *tables;	/* one per organization in scope */
};

/* The period: o->from (default 1 January of o->as_of's year) to o->as_of (default today);
 * ERR_USAGE for a from after the as_of or not a whole date, and as scope_build. */
int report_movement(struct store *s, const struct report_opts *o, struct report_movement *out,
		    struct err *e);
void report_movement_free(struct report_movement *r);
/* Text: a table per organization, its faults and reasons below it.  CSV: one row per unit
 * and the total (a row that does not reconcile has no figures and says why in the last
 * column), then the reasons, one a row, counted in their status's column. */
void report_movement_write(FILE *f, const struct report_movement *r, enum report_format fmt,
			   int width);

#endif
