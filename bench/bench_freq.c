/* In-process benchmark of the member list's frequency view (core/freq.c).
 *
 *   bench_freq DIR RUNS [--org CODE] [--query WORDS] COLUMN...
 *
 * COLUMN names a field as screen files do: person.sex, person.birth, membership.org,
 * membership.unit, membership.role …  For each, the count over the whole store (or under the
 * organization's active members, or the search) is timed RUNS times; prints one line a column:
 *   freq COLUMN: time_s=MEDIAN values=N other=N total=N path=scan|lookup
 * and at the end peak_rss_mb (of the whole process). */
#include "core/freq.h"
#include "core/orgs.h"
#include "core/record.h"
#include "core/screen.h"
#include "store/store.h"
#include "util/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static bool parse_column(const char *name, struct screen_ref *ref)
{
	memset(ref, 0, sizeof *ref);
	ref->name = (char *)name;
	if (strcmp(name, "membership.org") == 0) {
		ref->rec = REC_MEMBERSHIP;
		ref->pseudo = SPS_ORG;
		return true;
	}
	if (strcmp(name, "membership.unit") == 0) {
		ref->rec = REC_MEMBERSHIP;
		ref->pseudo = SPS_UNIT;
		return true;
	}
	const struct rec_def *def = strncmp(name, "person.", 7) == 0 ? &REC_DEF_PERSON
				    : strncmp(name, "membership.", 11) == 0 ? &REC_DEF_MEMBERSHIP
				    : NULL;
	if (!def)
		return false;
	ref->rec = def->type;
	ref->def = rec_field(def, strchr(name, '.') + 1);
	return ref->def != NULL;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: bench_freq DIR RUNS [--org CODE] [--query WORDS] "
			"COLUMN...\n");
		return 2;
	}
	int runs = atoi(argv[2]);
	if (runs < 1)
		runs = 1;
	struct store_opts so = { .dir = argv[1] };
	struct store *s = NULL;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &so, &e) != 0) {
		fprintf(stderr, "bench_freq: %s\n", e.msg);
		return 1;
	}
	struct freq_filter f = { .status = -1 };
	int i = 3;
	for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
		if (strcmp(argv[i], "--query") == 0) {
			f.query = argv[i + 1];
		} else if (strcmp(argv[i], "--org") == 0) {
			struct org o = { 0 };
			if (store_org_by_code(s, NULL, argv[i + 1], &o, &e) != 0) {
				fprintf(stderr, "bench_freq: %s\n", e.msg);
				return 1;
			}
			f.org = o.m.id;
			f.status = MS_ACTIVE;	/* as the member list filters */
			rec_clear(&REC_DEF_ORG, &o);
		}
	}
	int status = 0;
	double *t = calloc((size_t)runs, sizeof *t);
	for (; i < argc; i++) {
		struct screen_ref ref;
		if (!parse_column(argv[i], &ref)) {
			fprintf(stderr, "bench_freq: %s: not a column\n", argv[i]);
			status = 1;
			continue;
		}
		struct freq_opts o = { .col = &ref, .filter = f };
		struct freq_result r = { 0 };
		for (int k = 0; k < runs; k++) {
			freq_result_free(&r);
			double t0 = now_s();
			if (freq_count(s, &o, &r, &e) != 0) {
				fprintf(stderr, "bench_freq: %s\n", e.msg);
				return 1;
			}
			t[k] = now_s() - t0;
		}
		qsort(t, (size_t)runs, sizeof *t, cmp_double);
		printf("freq %s: time_s=%.3f values=%zu other=%llu total=%llu path=%s\n", argv[i],
		       t[(runs - 1) / 2], r.n, (unsigned long long)r.other,
		       (unsigned long long)r.total, r.path == FREQ_LOOKUP ? "lookup" : "scan");
		freq_result_free(&r);
	}
	free(t);
	store_close(&s);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("peak_rss_mb=%.1f\n", (double)ru.ru_maxrss / 1024.0);
	return status;
}
