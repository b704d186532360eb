/* The demo store: a province's member registers, generated, for trying hoivien out and for
 * the benchmarks. */
#ifndef HOIVIEN_DEMO_H
#define HOIVIEN_DEMO_H

#include <stdint.h>

#include "core/date.h"

struct err;
struct store;

struct demo_run_opts {
	unsigned long persons;	/* how many persons */
	uint64_t seed;		/* same seed and today: same store */
	hv_date today;		/* ages count to this day; 0: today */
	const char *csv;	/* write an import file here instead of filling the store */
};

struct demo_report {
	uint64_t persons, memberships, units;
};

/* Generate a province (Ninh Bình) with communes and their branches in each organization's tree
 * and persons who belong to the organizations their age, sex and work make them eligible for
 * (many to more than one: a young farmer woman is in the Youth Union, the Women's Union and the
 * Farmers' Association).  With o->csv the same people are written as a CSV list with Vietnamese
 * headers, one row per membership, as an office would send it (s may then be NULL). */
int demo_run(struct store *s, const struct demo_run_opts *o, struct demo_report *r,
	     struct err *e);

#endif
