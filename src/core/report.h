/* The standard reports: member statistics by unit (stats) and persons against memberships
 * across the organizations (overlap), as of a date, for an organization or all of them, for a
 * unit's subtree or the whole tree; then written as text tables or CSV.
 *
 * A membership is counted as of a date D when it was joined on or before D (an unknown join
 * date counts) and was active at D: its status is active, or its status changed after D.  A
 * date known only to the month or the year stands for the first day of that month or year.
 *
 * Rows: the units directly under the scope unit, each counting its whole subtree.  The scope
 * unit is --unit's, else the single top of the organization's tree (the province), else there
 * is none and the rows are the tops.  Memberships filed at the scope unit itself have a row of
 * their own (REPORT_ROW_DIRECT), and so have, over a whole tree, those whose unit is not in the
 * tree (REPORT_ROW_NONE); the renderers leave these two out when they count nobody.
 *
 * Both reports read the store in a few sorted passes and keep a few bytes per person id,
 * never a record per member: see report.c and report_overlap.c. */
#ifndef HOIVIEN_REPORT_H
#define HOIVIEN_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/date.h"

struct err;
struct store;

struct report_opts {
	const char *org;	/* code or name (org_list_match); NULL or "": every organization */
	const char *unit;	/* a unit path in org's tree (unit_path_parse); needs org */
	hv_date as_of;		/* 0: today; movement: the period's last day */
	hv_date from;		/* movement: the period's first day (0: 1 January of as_of's year) */
	int year;		/* gathering, targets: the year (0: as_of's year) */
	int months;		/* phantom: dues and meetings within this many months (0: the
				   setting phantom-months, else 6) */
	bool probable;		/* overlap: add the probable overlaps from the duplicates report */
	bool list;		/* phantom: the members who fail a test instead of the table */
};

/* Every report, by its command-line name. */
enum report_kind {
	RK_STATS,
	RK_OVERLAP,
	RK_DUPLICATES,
	RK_PHANTOM,
	RK_GATHERING,
	RK_TARGETS,
	RK_MOVEMENT,
	RK__COUNT
};
/* "stats", "overlap", …; report_kind_parse returns -1 for a name that is none of them. */
const char *report_kind_name(enum report_kind k);
int report_kind_parse(const char *name);
/* Its title for people, translated ("Statistics by unit …"). */
const char *report_kind_title(enum report_kind k);

enum report_row_kind {
	REPORT_ROW_UNIT,	/* a unit under the scope, with its subtree */
	REPORT_ROW_DIRECT,	/* memberships filed at the scope unit itself */
	REPORT_ROW_NONE,	/* memberships whose unit is not in the organization's tree */
	REPORT_ROW_ORG,		/* overlap: an organization */
	REPORT_ROW_TOTAL,
};

/* The figures of stats, in CSV order.  Each counts memberships.  Every member is in exactly
 * one column of each group from the age bands on (age, education, qualification, theory,
 * role), so each of these groups adds up to the members of its row. */
enum stat_col {
	SC_MEMBERS,
	SC_MALE, SC_FEMALE,
	SC_PARTY,		/* đảng viên at the date */
	SC_ETHNIC,		/* ethnicity given and not Kinh */
	SC_RELIGIOUS,		/* religion given and not Không */
	SC_AGE_30, SC_AGE_45, SC_AGE_60, SC_AGE_OVER, SC_AGE_UNKNOWN,	/* ≤30, 31–45, 46–60, >60 */
	SC_EDU_12, SC_EDU_9, SC_EDU_1, SC_EDU_0, SC_EDU_UNKNOWN,	/* 12/12, 9–11/12, 1–8/12, none */
	SC_QUAL_PHD, SC_QUAL_MASTER, SC_QUAL_BACHELOR, SC_QUAL_COLLEGE, SC_QUAL_VOCATIONAL,
	SC_QUAL_OTHER,		/* Sơ cấp, none, not given */
	SC_THEORY_DEGREE, SC_THEORY_HIGH, SC_THEORY_MID, SC_THEORY_BASIC,	/* cử nhân … sơ cấp */
	SC_THEORY_NONE,		/* none, not given */
	SC_ROLE_HEAD, SC_ROLE_DEPUTY, SC_ROLE_COMMITTEE, SC_ROLE_OTHER, SC_ROLE_NONE,
	SC__COUNT
};

struct stats_row {
	enum report_row_kind kind;
	uint64_t unit_id;	/* REPORT_ROW_UNIT and _DIRECT */
	char *label;		/* the unit's name ("" for the kinds without one) */
	uint64_t v[SC__COUNT];
};

/* The statistics of one organization. */
struct stats_table {
	char *code, *name;
	char *word;		/* org_member_word: "hội viên", "đoàn viên công đoàn" */
	char *scope;		/* path of the scope unit; "" when the rows are the tops */
	size_t nrows;
	struct stats_row *rows;
	struct stats_row total;	/* counted on its own: tests check that the rows add up to it */
};

struct report_stats {
	hv_date as_of;
	size_t ntables;
	struct stats_table *tables;	/* one per organization in scope, in the store's order */
};

int report_stats(struct store *s, const struct report_opts *o, struct report_stats *out,
		 struct err *e);
void report_stats_free(struct report_stats *r);

/* Overlap.  Persons are person records (one CCCD, one record); a person is in an organization
 * when they hold a membership counted at the date. */
#define REPORT_ORGS_MAX 32
#define REPORT_BY_ORGS 4	/* persons in 1, 2, 3, 4 or more organizations */

struct overlap_row {
	enum report_row_kind kind;
	char *label;		/* unit name; organization code */
	uint64_t persons;
	uint64_t memberships;	/* every membership these persons hold, in any organization */
	uint64_t by_orgs[REPORT_BY_ORGS];
	uint64_t *both;		/* [norgs]: these persons who are in each organization */
};

struct report_overlap {
	hv_date as_of;
	size_t norgs;
	char **codes, **names;	/* [norgs], the store's order */
	int org;		/* index of --org's organization, -1 for all */
	char *scope;		/* path of the scope unit ("" for none) */
	/* The persons of the scope: all persons with a membership (no --org), or those with a
	 * membership in --org's organization under the scope unit. */
	size_t nunits;
	struct overlap_row *units;	/* with --org: by unit; a person may be in two rows */
	struct overlap_row *orgs;	/* [norgs]: the persons of the scope in each organization;
					   orgs[i].both[j] is the organization matrix */
	struct overlap_row total;
	/* With report_opts.probable: the candidate pairs of the duplicates report between persons
	 * counted above (one of them in the scope), shown apart and never counted in the figures
	 * above, since a probable duplicate is not a person anyone confirmed. */
	bool probable;
	uint64_t prob_pairs;	/* such pairs */
	uint64_t prob_fewer;	/* persons fewer if every such pair were one person */
	uint64_t prob_cross;	/* pairs whose two records are in different organizations */
	uint64_t *prob_both;	/* [norgs * norgs]: pairs that would put one person in both
				   organizations i and j (i != j), where neither record alone is */
};

int report_overlap(struct store *s, const struct report_opts *o, struct report_overlap *out,
		   struct err *e);
void report_overlap_free(struct report_overlap *r);

/* Writing.  Text: titled tables that fit width columns (80 for a terminal), unit names
 * shortened to fit; a table with more columns than fit is split into several with the same
 * rows.  CSV: RFC 4180, CRLF, one header row, every column in one table, formulas
 * neutralised.  Write errors show in ferror(f). */
enum report_format { REPORT_TEXT, REPORT_CSV };
void report_stats_write(FILE *f, const struct report_stats *r, enum report_format fmt,
			int width);
void report_overlap_write(FILE *f, const struct report_overlap *r, enum report_format fmt,
			  int width);

/* The CSV of a report (csv[0..n)) as an Excel workbook at path: one sheet called sheet with
 * title above the table, numbers as numbers, total rows bold, a chart of the first figure
 * column when there are at most 40 rows.  0, or an error naming path. */
int report_csv_to_xlsx(const char *csv, size_t n, const char *path, const char *sheet,
		       const char *title, struct err *e);

/* Duplicates: the candidate pairs of person records (core/dedupe.h), best first, each with its
 * score and reasons (with --org, the pairs where one of the two has a membership in the scope),
 * then the persons with two active memberships in one organization.  CSV: one pair a row, the
 * two person ids, the score, the reasons (text and codes), then each person's name, birth and
 * CCCD; the branch errors are in the text only. */
struct report_dup_summary {
	uint64_t pairs, branch_errors, compared;
};
int report_duplicates_write(FILE *f, struct store *s, const struct report_opts *o,
			    enum report_format fmt, struct report_dup_summary *sum, struct err *e);

/* Real members (phantom): the five tests of a real member for every membership counted at the
 * date, by unit as in stats.  Tests 4 and 5 (dues, meetings) have no data until dues and
 * meetings are recorded: they count nobody as failing, the report says "no data", and a real
 * member is one who passes every test that has data (with_data).
 *
 * Memory: a byte per person id and, for the list, a few bytes per failing membership; the
 * names of the list are read back a unit at a time (report_phantom.c). */
enum phantom_test {
	PT_EXISTS,	/* exists: a CCCD (12 digits) or CMND (9), or identity verified on papers */
	PT_NAME,	/* a complete name (text/name.h, vn_name_check) */
	PT_BRANCH,	/* gathered in a branch: its unit is in the organization's tree and has no
			   units under it */
	PT_DUES,	/* dues paid within the months */
	PT_MEETING,	/* a meeting attended within the months */
	PT__COUNT
};
#define PHANTOM_WITH_DATA (1u << PT_EXISTS | 1u << PT_NAME | 1u << PT_BRANCH)

struct phantom_row {
	enum report_row_kind kind;
	uint64_t unit_id;	/* REPORT_ROW_UNIT and _DIRECT */
	char *label;
	uint64_t members;
	uint64_t fail[PT__COUNT];	/* failing each test (0 for a test without data) */
	uint64_t real;			/* passing every test with data */
};

struct phantom_table {
	char *code, *name, *word, *scope;	/* as in stats_table */
	size_t nrows;
	struct phantom_row *rows;
	struct phantom_row total;
};

struct phantom_list;

struct report_phantom {
	hv_date as_of;
	int months;		/* the period of tests 4 and 5 */
	bool months_given;	/* by report_opts.months (else the setting phantom-months) */
	unsigned with_data;	/* bits of the tests that have data: PHANTOM_WITH_DATA */
	size_t ntables;
	struct phantom_table *tables;	/* one per organization in scope */
	uint64_t nfailing;		/* memberships failing a test: the list */
	struct phantom_list *list;	/* private: them, and the unit tree, for report_phantom_each */
};

/* A member of the list, borrowed for the call. */
struct phantom_member {
	uint64_t person_id;
	const char *name;	/* "" if the person record is missing */
	hv_date birth;
	const char *org_code;
	uint64_t unit_id;	/* 0: no unit, or one that does not exist */
	const char *unit;	/* the unit's path below the scope unit (the scope unit's name for
				   itself, the whole path for a unit outside the scope's tree), or
				   "" for unit_id 0 */
	unsigned fails;		/* bits of enum phantom_test */
	int name_problem;	/* enum vn_name_problem, when PT_NAME fails */
};
typedef int (*phantom_member_fn)(const struct phantom_member *m, void *ctx);

/* The tables, and the failing memberships kept for the list.  months: o->months, else the user's
 * setting (core/settings.h), else 6. */
int report_phantom(struct store *s, const struct report_opts *o, struct report_phantom *out,
		   struct err *e);
/* The failing memberships of r, by unit (the rows' order, each subtree depth first), then in
 * official list order (given name, middle names, surname, birth, person id).  fn returns 0 to
 * go on, non-zero to stop (returned).  Names are read as they are now. */
int report_phantom_each(struct store *s, const struct report_phantom *r, phantom_member_fn fn,
			void *ctx, struct err *e);
void report_phantom_free(struct report_phantom *r);
/* Text: the tables, then the list (with list, the list alone).  CSV: the table, one row a unit;
 * with list, one row a failing membership instead.  An error reading the names is returned. */
int report_phantom_write(FILE *f, struct store *s, const struct report_phantom *r,
			 enum report_format fmt, bool list, int width, struct err *e);

/* Compute report k and write it to f in fmt; text tables fit width columns.  (Movement,
 * gathering and targets: core/report_move.h, core/report_gather.h.) */
int report_write(FILE *f, struct store *s, enum report_kind k, const struct report_opts *o,
		 enum report_format fmt, int width, struct err *e);
/* Report k as a workbook at path (report_write's CSV laid out by report_csv_to_xlsx). */
int report_write_xlsx(struct store *s, enum report_kind k, const struct report_opts *o,
		      const char *path, struct err *e);

#endif
