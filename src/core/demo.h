/* The demo store: a province's member registers, generated, for trying hoivien out and for
 * the benchmarks. */
#ifndef HOIVIEN_DEMO_H
#define HOIVIEN_DEMO_H

#include <stdint.h>

#include "core/date.h"

struct err;
struct store;

/* How the two records of one human differ (demo_run_opts.dup_rate), as bits. */
enum {
	DEMO_DUP_CCCD_MOVED = 1 << 0,	/* the second record holds the CCCD, the first none (else,
					   if there was one, the second has none) */
	DEMO_DUP_TONE = 1 << 1,		/* tone position: Hòa/Hoà, Thúy/Thuý */
	DEMO_DUP_IY = 1 << 2,		/* Lý/Lí, Mỹ/Mĩ, Quý/Quí */
	DEMO_DUP_SURNAME = 1 << 3,	/* Hoàng/Huỳnh, Vũ/Võ */
	DEMO_DUP_CASE = 1 << 4,		/* middle name in small letters: "Nguyễn văn An" */
	DEMO_DUP_RAW = 1 << 5,		/* capitals, NFD or extra spaces (CSV only: an import
					   cleans them, and so does the generator for a store) */
	DEMO_DUP_YEAR_ONLY = 1 << 6,	/* birth as a year (or month and year) only */
	DEMO_DUP_HOME = 1 << 7,		/* home town left out or written short */
	DEMO_DUP_ADDRESS = 1 << 8,	/* address left out, shortened, or in another commune */
	DEMO_DUP_MIDDLE = 1 << 9,	/* the middle name left out: "Nguyễn Hà" for "Nguyễn Thị Hà" */
	DEMO_DUP_SWAP = 1 << 10,	/* day and month of birth swapped: 05/03 for 03/05 */
};

/* A pair of person ids that are one human, and how their records differ (DEMO_DUP_*). */
typedef void (*demo_truth_fn)(uint64_t first, uint64_t second, unsigned kinds, void *ctx);

struct demo_run_opts {
	unsigned long persons;	/* how many persons */
	uint64_t seed;		/* same seed and today: same store */
	hv_date today;		/* ages count to this day; 0: today */
	const char *csv;	/* write an import file here instead of filling the store */
	/* Duplicates with a known truth, for measuring dedupe: this share of the persons is also
	 * registered, separately, by another organization they belong to (or may join): a second
	 * person record with one of the memberships, the name spelt another way now and then, the
	 * CCCD on at most one of the two, the birth perhaps as a year only.  0: none, and the
	 * output is what it was before this option existed.  The rest of the people are the same
	 * whatever the rate (the variations draw from a random stream of their own). */
	double dup_rate;
	demo_truth_fn truth;	/* told each pair once its batch is in the store (not for csv) */
	void *truth_ctx;
	const char *truth_path;	/* also write the pairs here, one "first second kinds" a line */
};

struct demo_report {
	uint64_t persons, memberships, units;
	uint64_t duplicates;	/* second records among the persons (dup_rate) */
};

/* Generate a province (Ninh Bình) with communes and their branches in each organization's tree
 * and persons who belong to the organizations their age, sex and work make them eligible for
 * (many to more than one: a young farmer woman is in the Youth Union, the Women's Union and the
 * Farmers' Association).  With o->csv the same people are written as a CSV list with Vietnamese
 * headers, one row per membership, as an office would send it (s may then be NULL). */
int demo_run(struct store *s, const struct demo_run_opts *o, struct demo_report *r,
	     struct err *e);

#endif
