/* The gathering rate and the targets of a year, by unit (the rows of the stats report).
 *
 * Gathering (tỷ lệ tập hợp): the members of each row against its eligible population, in
 * percent with one decimal; the area tags of each unit; then the same by area (ethnic-minority
 * area, religious area, non-state enterprise, ..., untagged).  Targets (chỉ tiêu): for each
 * row the targets set against what was done: admissions, members, gathering rate, dues (not
 * recorded yet: no actual figure).
 *
 * The members are those counted (report.h) on 31 December of the year, or on the as-of date
 * when that is earlier; admissions are the memberships joined from 1 January of the year to
 * that date, not by transfer.  A unit's figures (population and targets, core/targets.h) are
 * those of its own record for the year when it gives them, else the sum of its sub-units'
 * (each by the same rule); none: no data.  A gathering rate target is never summed.  A
 * population summed from sub-units some of which have none is marked partial.
 *
 * An area takes in the whole subtree of a unit tagged with it.  Its population is that of its
 * tagged units that are not under another unit with the tag; "untagged" is the units with no
 * tag above or below them, and so are its members (those filed at a unit with tagged units
 * under it are in no area, like those outside the unit tree).
 *
 * One pass over the units and the figures (few), one over the memberships (store_scan);
 * nothing is kept per member. */
#ifndef HOIVIEN_REPORT_GATHER_H
#define HOIVIEN_REPORT_GATHER_H

#include "core/report.h"

/* A unit's figures (struct target's), 0: no data. */
enum gather_fig { GF_POPULATION, GF_ADMISSIONS, GF_MEMBERS, GF_RATE, GF_DUES, GF__COUNT };

struct gather_row {
	enum report_row_kind kind;
	uint64_t unit_id;	/* REPORT_ROW_UNIT and _DIRECT */
	char *label;
	uint64_t area_tags;	/* the unit's own (REPORT_ROW_UNIT) */
	uint64_t members;	/* counted at the date */
	uint64_t admitted;	/* joined in the year up to the date, not by transfer */
	int64_t fig[GF__COUNT];	/* REPORT_ROW_UNIT and the total; GF_RATE in tenths of a % */
	bool pop_partial;	/* summed from sub-units some of which have no population: too
				   low (and the rate too high) */
};

/* The members and population of an area; tag 0: untagged. */
struct gather_area {
	uint64_t tag;
	uint64_t members;
	int64_t population;
	bool pop_partial;	/* some of its units have no population */
};

struct gather_table {
	char *code, *name, *word;
	char *scope;		/* path of the scope unit; "" when the rows are the tops */
	size_t nrows;
	struct gather_row *rows;
	struct gather_row total;	/* the scope unit's figures (the tops' summed) */
	size_t nareas;
	struct gather_area *areas;	/* ethnic, religious, non-state, the other tags in use,
					   untagged */
};

struct report_gather {
	int year;
	hv_date as_of;		/* the date members are counted */
	size_t ntables;
	struct gather_table *tables;	/* one per organization in scope */
};

/* The year is o->year, else o->as_of's (default today); ERR_USAGE for a year outside
 * 1900-2100, and as scope_build. */
int report_gather(struct store *s, const struct report_opts *o, struct report_gather *out,
		  struct err *e);
void report_gather_free(struct report_gather *r);

/* members / population in tenths of a percent, rounded; -1 when the population is 0. */
int64_t report_rate(uint64_t members, int64_t population);

/* The gathering report: text tables (with "no data" where there is none) or CSV (empty
 * cells); the targets report likewise ("—" where no target was set).  In CSV gaps are
 * actual - target and rates are percent with one decimal. */
void report_gathering_write(FILE *f, const struct report_gather *r, enum report_format fmt,
			    int width);
void report_targets_write(FILE *f, const struct report_gather *r, enum report_format fmt,
			  int width);

#endif
