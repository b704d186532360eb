/* In-process benchmark of the store: name search latency and a full scan.
 *
 *   bench_find DIR find [N]   N (default 1000) different name prefixes taken from the store,
 *                             each searched with a limit of 20; prints median and p99 in µs
 *   bench_find DIR scan       counts memberships by organization over the whole store
 *
 * Timing is wall clock (CLOCK_MONOTONIC) around the store calls only.  BENCH_KINDS=1 also
 * prints the figures of each kind of query, BENCH_SLOW=1 the slowest queries. */
#include "core/record.h"
#include "store/store.h"
#include "text/fold.h"
#include "util/err.h"
#include "util/hmap.h"
#include "util/rng.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int count_one(const struct find_hit *h, void *ctx)
{
	(void)h;
	(*(size_t *)ctx)++;
	return 0;
}

/* A query a member of staff would type, derived from a stored name. */
static void make_query(const char *name, unsigned kind, struct buf *out)
{
	struct buf f = BUF_INIT;
	vn_fold(&f, name, strlen(name));
	const char *w[8];
	size_t len[8], n = 0;
	const char *p = buf_str(&f);
	while (*p && n < 8) {
		while (*p == ' ')
			p++;
		const char *b = p;
		while (*p && *p != ' ')
			p++;
		if (p > b) {
			w[n] = b;
			len[n++] = (size_t)(p - b);
		}
	}
	if (n == 0) {
		buf_free(&f);
		return;
	}
	size_t last = n - 1;
	switch (kind % 4) {
	case 0:	/* surname and the start of the given name: "nguyen hu" */
		buf_add(out, w[0], len[0]);
		if (n > 1) {
			buf_addc(out, ' ');
			buf_add(out, w[last], len[last] < 2 ? len[last] : 2);
		}
		break;
	case 1:	/* the whole name but its last letter */
		buf_add(out, buf_str(&f), f.len > 1 ? f.len - 1 : f.len);
		break;
	case 2:	/* the given name alone */
		buf_add(out, w[last], len[last]);
		break;
	default: /* middle name and given-name prefix: "thi ho" */
		if (n > 2) {
			buf_add(out, w[1], len[1]);
			buf_addc(out, ' ');
		}
		buf_add(out, w[last], len[last] < 3 ? len[last] : 3);
		break;
	}
	buf_free(&f);
}

static int bench_find(struct store *s, int nq)
{
	struct err e;
	err_clear(&e);
	uint64_t persons = 0;
	if (store_count(s, NULL, REC_PERSON, &persons, &e) || persons == 0) {
		fprintf(stderr, "bench_find: no persons (%s)\n", e.msg);
		return 1;
	}
	struct rng r;
	rng_seed(&r, 12345);
	struct hmap seen;
	hmap_init(&seen);
	char **q = xcalloc((size_t)nq, sizeof *q);
	int have = 0;
	struct person p = { 0 };
	for (int tries = 0; have < nq && tries < nq * 20; tries++) {
		uint64_t id = 1 + rng_below(&r, (uint32_t)persons);
		if (store_get(s, NULL, REC_PERSON, id, &p, &e) != 0) {
			err_clear(&e);
			continue;
		}
		struct buf b = BUF_INIT;
		make_query(p.full_name, (unsigned)tries, &b);
		if (b.len && !hmap_get(&seen, b.p, b.len, NULL)) {
			hmap_put(&seen, b.p, b.len, 1);
			q[have++] = buf_steal(&b);
		}
		buf_free(&b);
	}
	rec_clear(&REC_DEF_PERSON, &p);
	if (getenv("BENCH_DUMP")) {
		for (int i = 0; i < have; i++)
			printf("%s\n", q[i]);
		return 0;
	}
	double *t = xcalloc((size_t)have, sizeof *t);
	size_t results = 0;
	/* Two passes: the first warms the cache as a server that has been running would be. */
	for (int pass = 0; pass < 2; pass++) {
		results = 0;
		for (int i = 0; i < have; i++) {
			size_t got = 0;
			bool more;
			double t0 = now_us();
			store_find_name(s, NULL, q[i], 20, count_one, &got, &more, &e);
			t[i] = now_us() - t0;
			results += got;
		}
	}
	if (getenv("BENCH_SLOW")) {
		for (int k = 0; k < 8; k++) {
			int worst = 0;
			for (int i = 1; i < have; i++)
				if (t[i] > t[worst])
					worst = i;
			printf("slow: %.1f us '%s'\n", t[worst], q[worst]);
			t[worst] = -t[worst];
		}
		for (int i = 0; i < have; i++)
			if (t[i] < 0)
				t[i] = -t[i];
	}
	if (getenv("BENCH_KINDS")) {
		for (int k = 0; k < 4; k++) {
			double *tk = xcalloc((size_t)have, sizeof *tk);
			int nk = 0;
			for (int i = 0; i < have; i++)
				if (i % 4 == k)
					tk[nk++] = t[i];
			qsort(tk, (size_t)nk, sizeof *tk, cmp_double);
			printf("kind %d: median_us=%.1f p99_us=%.1f (e.g. '%s')\n", k, tk[nk / 2],
			       tk[(nk * 99) / 100], q[k]);
			free(tk);
		}
	}
	qsort(t, (size_t)have, sizeof *t, cmp_double);
	printf("queries=%d median_us=%.1f p99_us=%.1f max_us=%.1f mean_results=%.1f\n", have,
	       t[have / 2], t[(have * 99) / 100], t[have - 1], (double)results / have);
	for (int i = 0; i < have; i++)
		free(q[i]);
	free(q);
	free(t);
	hmap_free(&seen);
	return 0;
}

struct scan {
	uint64_t by_org[64];
};

static int scan_one(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct scan *sc = ctx;
	sc->by_org[m->org_id < 64 ? m->org_id : 63]++;
	return 0;
}

static int bench_scan(struct store *s)
{
	struct err e;
	err_clear(&e);
	struct scan sc = { { 0 } };
	double t0 = now_us();
	int rc = store_each(s, NULL, REC_MEMBERSHIP, scan_one, &sc, &e);
	double dt = now_us() - t0;
	uint64_t total = 0;
	for (int i = 0; i < 64; i++)
		total += sc.by_org[i];
	printf("scan_s=%.3f memberships=%" PRIu64 "\n", dt / 1e6, total);
	return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_find DIR find [N] | DIR scan\n");
		return 2;
	}
	struct store_opts o = { .dir = argv[1] };
	struct store *s;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &o, &e)) {
		fprintf(stderr, "bench_find: %s\n", e.msg);
		return 1;
	}
	int rc = strcmp(argv[2], "scan") == 0 ? bench_scan(s)
					      : bench_find(s, argc > 3 ? atoi(argv[3]) : 1000);
	store_close(&s);
	return rc;
}
