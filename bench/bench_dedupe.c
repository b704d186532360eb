/* Benchmark of duplicate detection against a generated store whose duplicates are known.
 *
 *   bench_dedupe gen DIR N RATE SEED   a demo store of N persons in DIR, RATE of them registered
 *                                      twice; the true pairs go to DIR/truth.txt
 *   bench_dedupe detect DIR [MIN]      run dedupe_find on DIR (pairs scoring MIN or more,
 *                                      default 30) and print precision and recall against
 *                                      DIR/truth.txt at several thresholds, the time and this
 *                                      process's peak RSS
 *   bench_dedupe N RATE SEED [DIR]     both, detect in a fresh process (so its RSS is its own);
 *                                      DIR defaults to a new directory under $TMPDIR, removed
 *                                      afterwards
 *
 * The figures line starts "dedupe:" and is key=value, for bench/run.sh. */
#include "core/dedupe.h"
#include "core/demo.h"
#include "store/store.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double peak_rss_mb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0;
}

static int gen(const char *dir, unsigned long n, double rate, uint64_t seed)
{
	char truth[4096];
	snprintf(truth, sizeof truth, "%s/truth.txt", dir);
	struct store_opts so = { .dir = dir, .login = "bench", .create = true, .bulk = true };
	struct store *s;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &so, &e) != 0) {
		fprintf(stderr, "bench_dedupe: %s\n", e.msg);
		return 1;
	}
	struct demo_run_opts o = { .persons = n, .seed = seed, .today = 20260701, .dup_rate = rate,
				   .truth_path = truth };
	struct demo_report r;
	double t0 = now();
	int rc = demo_run(s, &o, &r, &e);
	store_close(&s);
	if (rc) {
		fprintf(stderr, "bench_dedupe: %s\n", e.msg);
		return 1;
	}
	printf("generated: persons=%" PRIu64 " duplicates=%" PRIu64 " memberships=%" PRIu64
	       " gen_s=%.1f\n", r.persons, r.duplicates, r.memberships, now() - t0);
	return 0;
}

struct truth {
	uint64_t a, b;
	unsigned kinds;
	int score;	/* the pair's score if proposed, else -1 */
};

struct run {
	struct truth *t;
	size_t nt;
	int *hist;	/* proposed pairs by score */
	int *good;	/* of which true */
};

static int cmp_truth(const void *x, const void *y)
{
	const struct truth *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

static int on_pair(const struct dedupe_pair *p, void *ctx)
{
	struct run *u = ctx;
	struct truth k = { .a = p->a, .b = p->b };
	struct truth *t = bsearch(&k, u->t, u->nt, sizeof k, cmp_truth);
	u->hist[p->score]++;
	if (t) {
		u->good[p->score]++;
		t->score = p->score;
	}
	return 0;
}

static int count_branch(const struct dedupe_branch_error *x, void *ctx)
{
	(void)x;
	(void)ctx;
	return 0;
}

static const struct {
	unsigned bit;
	const char *name;
} KINDS[] = {
	{ 0, "all" }, { DEMO_DUP_CCCD_MOVED, "cccd_moved" }, { DEMO_DUP_TONE, "tone" },
	{ DEMO_DUP_IY, "iy" }, { DEMO_DUP_SURNAME, "surname" }, { DEMO_DUP_CASE, "case" },
	{ DEMO_DUP_YEAR_ONLY, "year_only" }, { DEMO_DUP_HOME, "home" },
	{ DEMO_DUP_ADDRESS, "address" }, { DEMO_DUP_MIDDLE, "middle" }, { DEMO_DUP_SWAP, "swap" },
};

static int detect(const char *dir, int min)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/truth.txt", dir);
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		return 1;
	}
	struct run u = { .hist = xcalloc(101, sizeof(int)), .good = xcalloc(101, sizeof(int)) };
	size_t cap = 0;
	uint64_t a, b;
	unsigned k;
	while (fscanf(f, "%" SCNu64 " %" SCNu64 " %u", &a, &b, &k) == 3) {
		xgrow((void **)&u.t, &cap, u.nt + 1, sizeof *u.t);
		u.t[u.nt++] = (struct truth){ a < b ? a : b, a < b ? b : a, k, -1 };
	}
	fclose(f);
	qsort(u.t, u.nt, sizeof *u.t, cmp_truth);

	struct store_opts so = { .dir = dir, .login = "bench" };
	struct store *s;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &so, &e) != 0) {
		fprintf(stderr, "bench_dedupe: %s\n", e.msg);
		return 1;
	}
	struct dedupe_opts o = { .min_score = min };
	struct dedupe_stats st;
	/* As the report does: pairs decided not to be one person are not proposed. */
	struct dedupe_id_pair *excl = NULL;
	int rc = dedupe_exclusions_load(s, &excl, &o.nexcluded, &e);
	o.excluded = excl;
	double t0 = now();
	if (rc == 0)
		rc = dedupe_find(s, &o, on_pair, &u, &st, &e);
	free(excl);
	double secs = now() - t0;
	uint64_t nerr = 0;
	double t1 = now();
	if (rc == 0)
		rc = dedupe_branch_errors(s, count_branch, NULL, &nerr, &e);
	double bsecs = now() - t1;
	store_close(&s);
	if (rc) {
		fprintf(stderr, "bench_dedupe: %s\n", e.msg);
		return 1;
	}

	printf("%9s %9s %9s %9s %9s\n", "threshold", "proposed", "correct", "precision", "recall");
	int thresholds[] = { 30, 40, 50, 60, 70, 80, 90 };
	double p50 = 0, r50 = 0;
	for (size_t i = 0; i < sizeof thresholds / sizeof thresholds[0]; i++) {
		int th = thresholds[i];
		if (th < min)
			continue;
		long prop = 0, good = 0;
		for (int sc = th; sc <= 100; sc++) {
			prop += u.hist[sc];
			good += u.good[sc];
		}
		double p = prop ? (double)good / (double)prop : 1, r = u.nt ? (double)good / (double)u.nt : 1;
		if (th == DEDUPE_MIN_SCORE) {
			p50 = p;
			r50 = r;
		}
		printf("%9d %9ld %9ld %9.4f %9.4f\n", th, prop, good, p, r);
	}
	printf("recall at %d by variation:", DEDUPE_MIN_SCORE);
	for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
		long n = 0, hit = 0;
		for (size_t j = 0; j < u.nt; j++)
			if (!KINDS[i].bit || (u.t[j].kinds & KINDS[i].bit)) {
				n++;
				hit += u.t[j].score >= DEDUPE_MIN_SCORE;
			}
		printf(" %s=%.3f(%ld)", KINDS[i].name, n ? (double)hit / (double)n : 1.0, n);
	}
	printf("\n");
	printf("dedupe: persons=%" PRIu64 " true_pairs=%zu threshold=%d precision=%.4f "
	       "recall=%.4f time_s=%.2f peak_rss_mb=%.1f work_mb=%.1f compared=%" PRIu64
	       " blocks=%" PRIu64 " largest_block=%" PRIu64 " branch_errors=%" PRIu64
	       " branch_s=%.2f\n",
	       st.persons, u.nt, DEDUPE_MIN_SCORE, p50, r50, secs, peak_rss_mb(),
	       (double)st.bytes / 1048576.0, st.compared, st.blocks, st.largest, nerr, bsecs);
	free(u.t);
	free(u.hist);
	free(u.good);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 6 && strcmp(argv[1], "gen") == 0)
		return gen(argv[2], strtoul(argv[3], NULL, 10), atof(argv[4]),
			   strtoull(argv[5], NULL, 10));
	if (argc >= 3 && strcmp(argv[1], "detect") == 0)
		return detect(argv[2], argc > 3 ? atoi(argv[3]) : 30);
	if (argc < 4) {
		fprintf(stderr, "usage: bench_dedupe N RATE SEED [DIR] | gen DIR N RATE SEED | "
				"detect DIR [MIN]\n");
		return 2;
	}
	char tmpl[4096];
	const char *dir = argv[4];
	if (!dir) {
		const char *t = getenv("TMPDIR");
		snprintf(tmpl, sizeof tmpl, "%s/hv-dedupe-XXXXXX", t && *t ? t : "/tmp");
		if (!mkdtemp(tmpl)) {
			perror(tmpl);
			return 1;
		}
		dir = tmpl;
	}
	char sdir[4200];
	snprintf(sdir, sizeof sdir, "%s/store", dir);
	int rc = gen(sdir, strtoul(argv[1], NULL, 10), atof(argv[2]), strtoull(argv[3], NULL, 10));
	if (rc == 0) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			execl("/proc/self/exe", argv[0], "detect", sdir, (char *)NULL);
			_exit(127);
		}
		int status = 1;
		waitpid(pid, &status, 0);
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
	}
	if (!argv[4]) {
		store_remove(sdir);
		char cmd[4300];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			rc = rc ? rc : 1;
	}
	return rc;
}
