/* Duplicate persons: the scan, the blocks and the pairs; and one person in two branches.
 *
 * Memory, for N persons with a name, P pairs kept (at most max_pairs) and M active memberships:
 *   dedupe_find:          56 N for the records (grown by doubling: up to 112 N of address space,
 *                         of which only 56 N is ever touched), + 8 N while the frequencies are
 *                         counted (a 4-byte array and qsort's copy of it, freed before the
 *                         sort), + 1 MB of bucket counters for the sort (which needs no copy),
 *                         + 300 KB of birth counts, + 24 P for the pairs, + 12 bytes for each
 *                         record the middle-name pass takes (see there).  The records are
 *                         freed before the pairs are handed out.
 *   dedupe_branch_errors: 32 M.
 * Nothing else grows with the store: records are read one at a time through store_each.
 * Measured on 1,048,665 generated persons (bench/bench_dedupe): 3.5 s, peak RSS 90 MB of
 * which 27 MB is the store's own (its cache) and 56 MB the arrays above. */
#include "core/dedupe.h"
#include "core/dedupe_priv.h"

#include "core/record.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- Exclusions ---- */

static int cmp_id_pair(const void *x, const void *y)
{
	const struct dedupe_id_pair *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

void dedupe_exclusions_sort(struct dedupe_id_pair *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].a > p[i].b) {
			uint64_t t = p[i].a;
			p[i].a = p[i].b;
			p[i].b = t;
		}
	if (n > 1)
		qsort(p, n, sizeof *p, cmp_id_pair);
}

struct excl_load {
	struct dedupe_id_pair *v;
	size_t n, cap;
};

static int excl_add(const void *rec, void *ctx)
{
	const struct notdup *d = rec;
	struct excl_load *l = ctx;
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = (struct dedupe_id_pair){ d->person_a, d->person_b };
	return 0;
}

int dedupe_exclusions_load(struct store *s, struct dedupe_id_pair **out, size_t *n,
			   struct err *e)
{
	struct excl_load l = { 0 };
	int rc = store_each(s, NULL, REC_NOTDUP, excl_add, &l, e);
	if (rc) {
		free(l.v);
		l.v = NULL;
		l.n = 0;
	}
	dedupe_exclusions_sort(l.v, l.n);
	*out = l.v;
	*n = l.n;
	return rc;
}

static bool excluded(const struct dedupe_opts *o, uint64_t a, uint64_t b)
{
	struct dedupe_id_pair k = { a, b };
	return o->nexcluded &&
	       bsearch(&k, o->excluded, o->nexcluded, sizeof k, cmp_id_pair) != NULL;
}

/* ---- The pairs kept: a min-heap of the best max_pairs, worst at the root ---- */

struct dd_pair {
	uint64_t a, b;
	float bits;
	unsigned reasons;
};

/* Is x a worse pair than y (lower score, or on a tie the later ids)? */
static bool worse(const struct dd_pair *x, const struct dd_pair *y)
{
	if (x->bits != y->bits)
		return x->bits < y->bits;
	if (x->a != y->a)
		return x->a > y->a;
	return x->b > y->b;
}

struct heap {
	struct dd_pair *p;
	size_t n, cap, max;
	uint64_t dropped;
};

static void sift_down(struct heap *h, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < h->n && worse(&h->p[l], &h->p[m]))
			m = l;
		if (r < h->n && worse(&h->p[r], &h->p[m]))
			m = r;
		if (m == i)
			return;
		struct dd_pair t = h->p[i];
		h->p[i] = h->p[m];
		h->p[m] = t;
		i = m;
	}
}

static void heap_push(struct heap *h, const struct dd_pair *x)
{
	if (h->n == h->max) {
		h->dropped++;
		if (worse(x, &h->p[0]))
			return;
		h->p[0] = *x;
		sift_down(h, 0);
		return;
	}
	xgrow((void **)&h->p, &h->cap, h->n + 1, sizeof *h->p);
	size_t i = h->n++;
	h->p[i] = *x;
	while (i > 0) {
		size_t up = (i - 1) / 2;
		if (!worse(&h->p[i], &h->p[up]))
			break;
		struct dd_pair t = h->p[i];
		h->p[i] = h->p[up];
		h->p[up] = t;
		i = up;
	}
}

static int cmp_best_first(const void *x, const void *y)
{
	const struct dd_pair *a = x, *b = y;
	return worse(a, b) ? 1 : worse(b, a) ? -1 : 0;
}

/* ---- The scan ---- */

struct scan {
	struct dd_rec *r;
	size_t n, cap;
	struct dd_freq *f;
	struct buf tmp[2];
};

static int collect(const void *rec, void *ctx)
{
	const struct person *p = rec;
	struct scan *sc = ctx;
	xgrow((void **)&sc->r, &sc->cap, sc->n + 1, sizeof *sc->r);
	if (dd_rec_make(&sc->r[sc->n], p, sc->tmp)) {
		dd_freq_add(sc->f, sc->r[sc->n].birth);
		sc->n++;
	}
	return 0;
}

enum field { F_HOME, F_ADDR, F_JOINT, F_PHONE };

static uint32_t value_of(const struct dd_rec *r, enum field f)
{
	switch (f) {
	case F_HOME: return r->home;
	case F_ADDR: return r->addr;
	case F_PHONE: return r->phone;
	case F_JOINT:
		if (!r->home || !r->addr)
			return 0;
		uint64_t h = (uint64_t)r->home << 32 | r->addr;
		h ^= h >> 29;
		h *= 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 32;
		return (uint32_t)h ? (uint32_t)h : 1;
	}
	return 0;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

/* How many of v[0..n) (sorted) equal x. */
static size_t count_of(const uint32_t *v, size_t n, uint32_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t first = lo;
	hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - first;
}

/* Weigh each record's value of field f by how many persons share it. */
static void weigh(struct dd_rec *r, size_t n, uint32_t *tmp, enum field f)
{
	static const struct {
		double m, typical;
	} par[] = {
		[F_HOME] = { DD_M_HOME, DD_TYPICAL_HOME },
		[F_ADDR] = { DD_M_ADDR, DD_TYPICAL_ADDR },
		[F_JOINT] = { DD_M_JOINT, DD_TYPICAL_JOINT },
		[F_PHONE] = { DD_M_PHONE, DD_TYPICAL_PHONE },
	};
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t v = value_of(&r[i], f);
		if (v)
			tmp[k++] = v;
	}
	qsort(tmp, k, sizeof *tmp, cmp_u32);
	for (size_t i = 0; i < n; i++) {
		uint32_t v = value_of(&r[i], f);
		if (!v)
			continue;
		uint8_t w = dd_weigh(count_of(tmp, k, v), k, par[f].m, par[f].typical);
		switch (f) {
		case F_HOME: r[i].w_home = w; break;
		case F_ADDR: r[i].w_addr = w; break;
		case F_JOINT: r[i].w_joint = w; break;
		case F_PHONE: r[i].w_phone = w; break;
		}
	}
}

/* Block, then birth (none first, then by year: the window below relies on it), then id. */
static int cmp_rec(const void *x, const void *y)
{
	const struct dd_rec *a = x, *b = y;
	uint64_t ba = DD_BLOCK(a), bb = DD_BLOCK(b);
	if (ba != bb)
		return ba < bb ? -1 : 1;
	if (a->birth != b->birth)
		return a->birth < b->birth ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Sort by cmp_rec without the scratch glibc's qsort takes for records this size (16 bytes
 * each, for its indirect merge sort): block hashes are uniform, so an in-place distribution on
 * their top 16 bits (American flag sort) leaves buckets of a few records for qsort to finish,
 * and costs 1 MB of counters whatever the store. */
#define SORT_BITS 16

static size_t bucket_of(const struct dd_rec *r)
{
	return (size_t)(r->key >> (64 - SORT_BITS));
}

static void sort_recs(struct dd_rec *r, size_t n)
{
	size_t nb = (size_t)1 << SORT_BITS;
	size_t *end = xcalloc(nb, sizeof *end), *next = xmalloc(nb * sizeof *next);
	for (size_t i = 0; i < n; i++)
		end[bucket_of(&r[i])]++;
	for (size_t b = 0, at = 0; b < nb; b++) {
		next[b] = at;
		at += end[b];
		end[b] = at;
	}
	for (size_t b = 0; b < nb; b++) {
		while (next[b] < end[b]) {
			struct dd_rec x = r[next[b]];
			size_t k = bucket_of(&x);
			while (k != b) {
				/* x goes where it belongs; what was there is carried on */
				struct dd_rec y = r[next[k]];
				r[next[k]++] = x;
				x = y;
				k = bucket_of(&x);
			}
			r[next[b]++] = x;
		}
	}
	for (size_t b = 0, at = 0; b < nb; at = end[b++])
		if (end[b] - at > 1)
			qsort(r + at, end[b] - at, sizeof *r, cmp_rec);
	free(end);
	free(next);
}

struct run {
	const struct dedupe_opts *o;
	int min_score;
	const struct dd_freq *f;
	struct heap h;
	struct dedupe_stats *st;
	size_t extra_bytes;	/* the most the middle-name pass held */
};

static void pair(struct run *u, const struct dd_rec *x, const struct dd_rec *y, uint64_t block)
{
	unsigned why;
	double bits = dd_score(x, y, u->f, block, &why);
	u->st->compared++;
	if (dd_score_of_bits(bits) < u->min_score)
		return;
	struct dd_pair p = { x->id < y->id ? x->id : y->id, x->id < y->id ? y->id : x->id,
			     (float)bits, why };
	if (excluded(u->o, p.a, p.b)) {
		u->st->excluded++;
		return;
	}
	u->st->found++;
	heap_push(&u->h, &p);
}

/* Every pair of one block worth scoring: births at most a year apart; a record without a
 * birth (sorted first) against the whole block. */
static void compare_block(struct run *u, const struct dd_rec *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int yi = DATE_YEAR(r[i].birth);
		for (size_t j = i + 1; j < n; j++) {
			if (r[i].birth && DATE_YEAR(r[j].birth) > yi + 1)
				break;
			pair(u, &r[i], &r[j], n);
		}
	}
}

/* ---- The middle-name pass ---- */

/* A record of the pass: its surname-and-given-name key, birth and place in the records. */
struct mid {
	uint32_t key2;
	hv_date birth;
	uint32_t at;
};

static int cmp_mid(const void *x, const void *y)
{
	const struct mid *a = x, *b = y;
	if (a->key2 != b->key2)
		return a->key2 < b->key2 ? -1 : 1;
	if (a->birth != b->birth)
		return a->birth < b->birth ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

static bool has_u32(const uint32_t *v, size_t n, uint32_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		if (v[m] < x)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < n && v[lo] == x;
}

/* A name written without its middle name ("Nguyễn Hà" for "Nguyễn Thị Hà") has another block,
 * so the blocks never pair it with its full form.  The two-word names are few: the pass takes
 * their surname-and-given-name keys, the records that share one (with two words or more), and
 * pairs a two-word name with a longer one, births at most a year apart, as compare_block does.
 * The block of the prior is every person under that key.  Memory: 12 bytes a record taken. */
static void middle_pass(struct run *u, const struct dd_rec *r, size_t n)
{
	uint32_t *shorts = NULL;
	size_t ns = 0, cap = 0;
	for (size_t i = 0; i < n; i++)
		if (r[i].words == 2 && r[i].key2) {
			xgrow((void **)&shorts, &cap, ns + 1, sizeof *shorts);
			shorts[ns++] = r[i].key2;
		}
	if (!ns || n > UINT32_MAX)
		goto out;
	qsort(shorts, ns, sizeof *shorts, cmp_u32);
	struct mid *m = NULL;
	size_t nm = 0, mcap = 0;
	for (size_t i = 0; i < n; i++)
		if (r[i].words >= 2 && r[i].key2 && has_u32(shorts, ns, r[i].key2)) {
			xgrow((void **)&m, &mcap, nm + 1, sizeof *m);
			m[nm++] = (struct mid){ r[i].key2, r[i].birth, (uint32_t)i };
		}
	if (nm > 1)
		qsort(m, nm, sizeof *m, cmp_mid);
	size_t bytes = mcap * sizeof *m + cap * sizeof *shorts;
	if (bytes > u->extra_bytes)
		u->extra_bytes = bytes;
	for (size_t i = 0, j; i < nm; i = j) {
		for (j = i + 1; j < nm && m[j].key2 == m[i].key2; j++)
			;
		for (size_t x = i; x < j; x++) {
			int yx = DATE_YEAR(m[x].birth);
			for (size_t y = x + 1; y < j; y++) {
				if (m[x].birth && DATE_YEAR(m[y].birth) > yx + 1)
					break;
				const struct dd_rec *a = &r[m[x].at], *b = &r[m[y].at];
				if (dd_middle_pair(a, b))
					pair(u, a, b, j - i);
			}
		}
	}
	free(m);
out:
	free(shorts);
}

int dedupe_find(struct store *s, const struct dedupe_opts *o, dedupe_pair_fn fn, void *ctx,
		struct dedupe_stats *st, struct err *e)
{
	struct dedupe_stats local;
	struct dedupe_opts none = { 0 };
	if (!st)
		st = &local;
	if (!o)
		o = &none;
	memset(st, 0, sizeof *st);
	struct scan sc = { .f = xcalloc(1, sizeof *sc.f) };
	struct run u = { .o = o, .f = sc.f, .st = st };
	u.min_score = o->min_score ? o->min_score : DEDUPE_MIN_SCORE;
	u.h.max = o->max_pairs ? o->max_pairs : DEDUPE_MAX_PAIRS;

	int rc = store_each(s, NULL, REC_PERSON, collect, &sc, e);
	buf_free(&sc.tmp[0]);
	buf_free(&sc.tmp[1]);
	if (rc)
		goto out;
	st->persons = sc.n;
	/* What is touched: the records in use (the rest of the capacity never is) and, at the
	 * worst moment, the counting array with qsort's copy of it. */
	size_t base = sc.n * sizeof *sc.r + sizeof *sc.f;
	uint32_t *tmp = xmalloc((sc.n ? sc.n : 1) * sizeof *tmp);
	st->bytes = base + 2 * sc.n * sizeof *tmp;
	if (base + (2 << SORT_BITS) * sizeof(size_t) > st->bytes)
		st->bytes = base + (2 << SORT_BITS) * sizeof(size_t);
	for (enum field f = F_HOME; f <= F_PHONE; f++)
		weigh(sc.r, sc.n, tmp, f);
	free(tmp);

	sort_recs(sc.r, sc.n);
	for (size_t i = 0, j; i < sc.n; i = j) {
		for (j = i + 1; j < sc.n && DD_BLOCK(&sc.r[j]) == DD_BLOCK(&sc.r[i]); j++)
			;
		if (j - i < 2)
			continue;
		st->blocks++;
		if (j - i > st->largest)
			st->largest = j - i;
		compare_block(&u, sc.r + i, j - i);
	}
	middle_pass(&u, sc.r, sc.n);
	if (base + u.extra_bytes > st->bytes)
		st->bytes = base + u.extra_bytes;
	st->dropped = u.h.dropped;
	if (base + u.h.cap * sizeof *u.h.p > st->bytes)
		st->bytes = base + u.h.cap * sizeof *u.h.p;
	XFREE(sc.r);

	if (u.h.n > 1)	/* none: u.h.p is NULL, which qsort may not be given */
		qsort(u.h.p, u.h.n, sizeof *u.h.p, cmp_best_first);
	for (size_t i = 0; i < u.h.n && rc == 0; i++) {
		const struct dd_pair *p = &u.h.p[i];
		struct dedupe_pair out = { .a = p->a, .b = p->b, .bits = p->bits,
					   .score = dd_score_of_bits(p->bits), .reasons = p->reasons };
		rc = fn(&out, ctx);
	}
out:
	free(sc.r);
	free(sc.f);
	free(u.h.p);
	return rc;
}

/* ---- One person in two branches of one organization ---- */

struct active {
	uint64_t person, org, membership, unit;
};

struct actives {
	struct active *v;
	size_t n, cap;
};

static int collect_active(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct actives *a = ctx;
	if (m->status != MS_ACTIVE)
		return 0;
	xgrow((void **)&a->v, &a->cap, a->n + 1, sizeof *a->v);
	a->v[a->n++] = (struct active){ m->person_id, m->org_id, m->m.id, m->unit_id };
	return 0;
}

static int cmp_active(const void *x, const void *y)
{
	const struct active *a = x, *b = y;
	if (a->person != b->person)
		return a->person < b->person ? -1 : 1;
	if (a->org != b->org)
		return a->org < b->org ? -1 : 1;
	return a->membership < b->membership ? -1 : a->membership > b->membership;
}

int dedupe_branch_errors(struct store *s, dedupe_branch_fn fn, void *ctx, uint64_t *count,
			 struct err *e)
{
	struct actives a = { 0 };
	uint64_t found = 0;
	int rc = store_each(s, NULL, REC_MEMBERSHIP, collect_active, &a, e);
	if (rc == 0 && a.n > 1)
		qsort(a.v, a.n, sizeof *a.v, cmp_active);
	for (size_t i = 0, j; rc == 0 && i < a.n; i = j) {
		for (j = i + 1; j < a.n && a.v[j].person == a.v[i].person && a.v[j].org == a.v[i].org; j++) {
			struct dedupe_branch_error x = {
				.person = a.v[i].person, .org = a.v[i].org,
				.membership_a = a.v[i].membership, .unit_a = a.v[i].unit,
				.membership_b = a.v[j].membership, .unit_b = a.v[j].unit,
			};
			found++;
			if ((rc = fn(&x, ctx)) != 0)
				break;
		}
		if (rc)
			break;
	}
	free(a.v);
	if (count)
		*count = found;
	return rc;
}
