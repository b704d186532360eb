/* Staged indexing: the index entries of the records a big import creates, held back, sorted on
 * disk and merged into the indexes in key order.
 *
 * Why.  A million-row import files about seven index entries per row.  Written as the rows
 * come, each lands on a random page of a large B-tree and costs a page read and a page write
 * between the cache and the disk; measured here, 17 µs a key against 1.4 µs for keys that
 * arrive in order, and the indexes were two thirds of the import's time.  So while a stage is
 * open, the entries of new persons and memberships go to sorted runs in a temporary file
 * instead; a merge then reads the runs back in key order and inserts them into each index,
 * which for a new store is an append and for a big one touches each page once.
 *
 * What others see.  Until a merge, the new records exist (by id, in reports and scans) but
 * name search, CCCD lookups and unit lists do not show them yet.  Another process may not
 * change them meanwhile (store_update says "being imported"): the entries held back were made
 * from the records as created, and a change in between would leave stale ones behind.
 *
 * Crashes.  A "stage" entry in the meta database holds, for persons and memberships, the
 * first id whose index entries may be held back; the process that stages keeps an exclusive
 * lock on the file stage.lock.  Whoever opens the store and finds the entry while nobody holds
 * the lock completes the indexes from the records themselves (every record from those ids on:
 * records of other processes among them are filed again, which changes nothing) and removes
 * the entry.  So a killed import leaves committed rows whole, and nothing is half-indexed for
 * long.
 *
 * Entries in memory and in the runs: index (1 byte), operation (1: add, 2: remove), sequence
 * (4 bytes, big-endian: among equal entries the latest operation wins), key length and value
 * length (2 bytes each, big-endian), key, value. */
#include "store/internal.h"

#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/msg.h"
#include "util/path.h"
#include "util/queue.h"
#include "util/thread.h"
#include "util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#define HDR 10
#define OP_ADD 1
#define OP_DEL 2

/* Entries kept in memory before they are sorted and written as a run (while one run is sorted
 * on its thread the next fills: two of them in memory), and runs a merge reads at once (each
 * through its own buffer): 192 runs of 3 MB are the index entries of about 1.2 million
 * persons with their memberships (a million took 162). */
#define DEFAULT_MEM (3u << 20)
#define DEFAULT_RUNS 192
/* Records up to this size have their entries made by the indexer (every entry of such a record
 * fits in a run); a bigger one is indexed as it is written. */
#define DEFER_MAX (8u << 10)
/* Index changes per merge transaction. */
#define MERGE_CHUNK 20000
static size_t stage_mem_limit = DEFAULT_MEM;
static size_t stage_max_runs = DEFAULT_RUNS;
static size_t merge_chunk = MERGE_CHUNK;
static size_t defer_max = DEFER_MAX;

void stage_set_limits(size_t mem, size_t max_runs, size_t chunk, size_t defer)
{
	stage_mem_limit = mem ? mem : DEFAULT_MEM;
	stage_max_runs = max_runs ? max_runs : DEFAULT_RUNS;
	merge_chunk = chunk ? chunk : MERGE_CHUNK;
	defer_max = defer ? defer : DEFER_MAX;
}
#define READ_BUF (24u << 10)


static const char MARKER[] = "stage";
#define MARKER_LEN (sizeof MARKER - 1)

/* The two primaries whose indexes a stage holds back, as stage slots. */
static int slot_of_primary(enum dbi primary)
{
	return primary == DBI_PERSON ? 0 : primary == DBI_MEMBERSHIP ? 1 : -1;
}

bool stage_holds(enum dbi sec)
{
	switch (sec) {
	case DBI_PERSON_WORD:
	case DBI_PERSON_PAIR:
	case DBI_PERSON_SORT:
	case DBI_PERSON_CCCD:
	case DBI_MEMBER_UNIT:
	case DBI_MEMBER_CARD:
		return true;
	default:
		return false;	/* memberships by person: an import looks them up as it goes */
	}
}

struct run {
	uint64_t off[DBI__COUNT], len[DBI__COUNT];	/* each index's section of the file */
};

/* One run in the making: entries (mem) sorted and written to fd from start; the run's
 * sections and the file's new end come back, or an errno. */
struct runjob {
	int fd;
	struct buf mem;
	uint64_t start, end;
	struct run run;
	int err;
};

struct idrange {
	uint64_t lo, hi;
};

/* Transactions' jobs on their way to the indexer: a batch's worth each, two in flight. */
#define NJOBBUFS 2

struct stage {
	int lockfd;
	int fd;			/* the runs: a file unlinked as soon as it was made */
	uint64_t fsize;
	struct run *runs;
	size_t nruns, caprun;
	struct buf mem;		/* entries not written as a run yet */
	uint32_t seq;
	/* The records whose entries are held back, by slot (persons, memberships): ranges of
	 * ids in increasing order. */
	struct idrange *ranges[2];
	size_t nranges[2], capranges[2];
	int only;		/* building this index alone from its records, or -1: an import's */
	/* The run being sorted and written on a thread of its own (spill_background). */
	struct runjob bg;
	pthread_t bg_thread;
	bool bg_running;
	struct buf conflicts;	/* CCCD clashes found by merges, one line each */
	/* What the transaction in progress holds back, as jobs for the indexer (below); and its
	 * starting point in the ranges, to forget its records if it is rolled back. */
	struct buf txn;
	size_t mark_nranges[2];
	uint64_t mark_hi[2];
	/* The indexer: a thread that turns committed transactions' jobs into entries and runs.
	 * While it runs it alone uses fsize, runs, nruns, mem, seq, entries and bg; the main
	 * thread takes them back by stopping it (indexer_stop). */
	pthread_t ix_thread;
	bool ix_running;
	struct queue *ix_todo, *ix_free;	/* jobbufs to do, jobbufs done */
	struct buf ix_bufs[NJOBBUFS];
	atomic_int ix_rc;	/* the indexer's first error (then it stops working) */
	struct err ix_err;	/* its message, read once the thread has ended */
	atomic_size_t ix_runs;	/* runs written or being written, for store_stage_full */
};

/* ---- the lock ---------------------------------------------------------------------------- */

static int open_lock(struct store *s, struct err *e)
{
	char *p = path_join(s->dir, "stage.lock");
	int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0660);
	if (fd < 0)
		err_set(e, ERR_IO, _("cannot open %s: %s"), p, strerror(errno));
	free(p);
	return fd;
}

/* Whether another process holds the stage lock (an import is staging right now). */
static bool stage_busy(struct store *s)
{
	if (s->stage || s->stage_owner)
		return false;	/* this process is the one staging */
	int fd = open_lock(s, NULL);
	if (fd < 0)
		return false;
	bool busy = flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
	close(fd);		/* releases a shared lock just taken */
	return busy;
}

/* ---- the marker -------------------------------------------------------------------------- */

static int read_marker(struct store *s, DB_TXN *txn, uint64_t from[2], bool *found)
{
	DB *meta = s->db[DBI_META];
	DBT k = { .data = (void *)MARKER, .size = MARKER_LEN };
	unsigned char vb[16];
	DBT v = { .data = vb, .ulen = sizeof vb, .flags = DB_DBT_USERMEM };
	int rc = meta->get(meta, txn, &k, &v, txn ? 0 : DB_READ_COMMITTED);
	*found = rc == 0 && v.size == 16;
	if (*found) {
		from[0] = be64_get(vb);
		from[1] = be64_get(vb + 8);
	}
	return rc == DB_NOTFOUND ? 0 : rc;
}

struct marker_op {
	bool remove;
	uint64_t from[2];
};

/* Set the marker to the ids the next records will get (or remove it). */
static int marker_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct marker_op *m = ctx;
	DB *meta = s->db[DBI_META];
	DBT k = { .data = (void *)MARKER, .size = MARKER_LEN };
	int rc;
	if (m->remove) {
		rc = meta->del(meta, t->txn, &k, 0);
		if (rc == DB_NOTFOUND)
			rc = 0;
		return rc ? store_dberr(s, e, rc, _("saving")) : 0;
	}
	if ((rc = store_next_id(s, t, REC_PERSON, &m->from[0], e)) != 0 ||
	    (rc = store_next_id(s, t, REC_MEMBERSHIP, &m->from[1], e)) != 0)
		return rc;
	unsigned char vb[16];
	be64_put(vb, m->from[0]);
	be64_put(vb + 8, m->from[1]);
	DBT v = { .data = vb, .size = 16 };
	rc = meta->put(meta, t->txn, &k, &v, 0);
	return rc ? store_dberr(s, e, rc, _("saving")) : 0;
}

/* ---- holding entries back ---------------------------------------------------------------- */

static struct stage *stage_new(int lockfd, const char *dir, struct err *e)
{
	char name[64];
	snprintf(name, sizeof name, "stage-%ld.tmp", (long)getpid());
	char *p = path_join(dir, name);
	int fd = open(p, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		err_set(e, ERR_IO, _("cannot create the import's work file %s: %s"), p,
			strerror(errno));
		free(p);
		return NULL;
	}
	unlink(p);
	free(p);
	struct stage *st = xcalloc(1, sizeof *st);
	st->only = -1;
	st->lockfd = lockfd;
	st->fd = fd;
	return st;
}

static int indexer_stop(struct stage *st, struct err *e);

static void stage_free(struct stage *st)
{
	if (!st)
		return;
	indexer_stop(st, NULL);
	for (int i = 0; i < NJOBBUFS; i++)
		buf_free(&st->ix_bufs[i]);
	buf_free(&st->txn);
	if (st->bg_running)
		pthread_join(st->bg_thread, NULL);
	buf_free(&st->bg.mem);
	if (st->fd >= 0)
		close(st->fd);
	if (st->lockfd >= 0)
		close(st->lockfd);	/* and with it the lock */
	free(st->runs);
	buf_free(&st->mem);
	for (int i = 0; i < 2; i++)
		free(st->ranges[i]);
	buf_free(&st->conflicts);
	free(st);
}

/* Room for a run and the batch that crosses the limit, reserved at once. */
static void reserve_mem(struct stage *st)
{
	buf_reserve(&st->mem, stage_mem_limit + stage_mem_limit / 4);
}

/* Hold an entry back in memory (the indexer's, or the one thread's when none runs). */
static void stage_put(struct stage *st, enum dbi sec, bool del, const void *key, size_t klen,
		      const void *data, size_t dlen)
{
	unsigned char h[HDR];
	h[0] = (unsigned char)sec;
	h[1] = del ? OP_DEL : OP_ADD;
	be32_put(h + 2, st->seq++);
	h[6] = (unsigned char)(klen >> 8);
	h[7] = (unsigned char)klen;
	h[8] = (unsigned char)(dlen >> 8);
	h[9] = (unsigned char)dlen;
	if (!st->mem.p)
		reserve_mem(st);
	buf_add(&st->mem, h, HDR);
	buf_add(&st->mem, key, klen);
	buf_add(&st->mem, data, dlen);
}

void stage_note_id(struct stage *st, enum dbi primary, uint64_t id)
{
	int sl = slot_of_primary(primary);
	if (sl < 0)
		return;
	size_t n = st->nranges[sl];
	struct idrange *r = st->ranges[sl];
	if (n && r[n - 1].hi + 1 == id) {
		r[n - 1].hi = id;
		return;
	}
	if (n == st->capranges[sl]) {
		st->capranges[sl] = n ? n * 2 : 64;
		st->ranges[sl] = r = xrealloc(r, st->capranges[sl] * sizeof *r);
	}
	r[n] = (struct idrange){ id, id };
	st->nranges[sl] = n + 1;
}

bool stage_owns(const struct stage *st, enum dbi primary, uint64_t id)
{
	int sl = slot_of_primary(primary);
	if (sl < 0)
		return false;
	const struct idrange *r = st->ranges[sl];
	size_t lo = 0, hi = st->nranges[sl];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r[mid].hi < id)
			lo = mid + 1;
		else if (r[mid].lo > id)
			hi = mid;
		else
			return true;
	}
	return false;
}

void stage_txn_begin(struct stage *st)
{
	buf_reset(&st->txn);
	for (int i = 0; i < 2; i++) {
		st->mark_nranges[i] = st->nranges[i];
		st->mark_hi[i] = st->nranges[i] ? st->ranges[i][st->nranges[i] - 1].hi : 0;
	}
}

void stage_txn_abort(struct stage *st)
{
	buf_reset(&st->txn);
	for (int i = 0; i < 2; i++) {
		st->nranges[i] = st->mark_nranges[i];
		if (st->nranges[i])
			st->ranges[i][st->nranges[i] - 1].hi = st->mark_hi[i];
	}
}

/* ---- runs -------------------------------------------------------------------------------- */

struct ent {
	const unsigned char *p;
	unsigned sec, op;
	uint32_t seq;
	size_t klen, dlen;
};

static void ent_parse(const unsigned char *p, struct ent *en)
{
	en->p = p;
	en->sec = p[0];
	en->op = p[1];
	en->seq = be32_get(p + 2);
	en->klen = ((size_t)p[6] << 8) | p[7];
	en->dlen = ((size_t)p[8] << 8) | p[9];
}

/* Two entries as they are laid out in a run: index, key, value (the order Berkeley DB keeps
 * them in), then sequence. */
static int raw_cmp(const unsigned char *a, size_t akl, size_t adl, const unsigned char *b,
		   size_t bkl, size_t bdl)
{
	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	int c = idx_entry_cmp(a + HDR, akl, a + HDR + akl, adl, b + HDR, bkl, b + HDR + bkl, bdl);
	if (c)
		return c;
	uint32_t sa = be32_get(a + 2), sb = be32_get(b + 2);
	return (sa > sb) - (sa < sb);
}

static int ent_cmp(const struct ent *a, const struct ent *b)
{
	return raw_cmp(a->p, a->klen, a->dlen, b->p, b->klen, b->dlen);
}

static bool same_entry(const struct ent *a, const struct ent *b)
{
	return a->sec == b->sec && a->klen == b->klen && a->dlen == b->dlen &&
	       memcmp(a->p + HDR, b->p + HDR, a->klen + a->dlen) == 0;
}

/* What the sort of a run moves: where an entry is in the run's memory, and its lengths
 * (8 bytes an entry: a run's sort needs little more memory than the run). */
struct sref {
	uint32_t off;
	uint16_t klen, dlen;
};

static bool sref_less(const unsigned char *base, const struct sref *a, const struct sref *b)
{
	return raw_cmp(base + a->off, a->klen, a->dlen, base + b->off, b->klen, b->dlen) < 0;
}

static void sift_down(const unsigned char *base, struct sref *v, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && sref_less(base, &v[m], &v[l]))
			m = l;
		if (l + 1 < n && sref_less(base, &v[m], &v[l + 1]))
			m = l + 1;
		if (m == i)
			return;
		struct sref t = v[i];
		v[i] = v[m];
		v[m] = t;
		i = m;
	}
}

/* Sort a run's entries in place: quicksort with the median of three, heapsort past a depth
 * limit (entries come from outside), insertion sort for short stretches.  In place because the
 * library's qsort takes another buffer as big as the array, on top of the run. */
static void sort_srefs(const unsigned char *base, struct sref *v, size_t n, unsigned depth)
{
	while (n > 16) {
		if (depth-- == 0) {
			for (size_t i = n / 2; i-- > 0;)
				sift_down(base, v, n, i);
			for (size_t i = n; i-- > 1;) {
				struct sref t = v[0];
				v[0] = v[i];
				v[i] = t;
				sift_down(base, v, i, 0);
			}
			return;
		}
		struct sref *a = &v[0], *m = &v[n / 2], *z = &v[n - 1], t;
		if (sref_less(base, m, a)) { t = *m; *m = *a; *a = t; }
		if (sref_less(base, z, m)) {
			t = *z; *z = *m; *m = t;
			if (sref_less(base, m, a)) { t = *m; *m = *a; *a = t; }
		}
		struct sref pivot = *m;
		size_t i = 0, j = n - 1;
		for (;;) {
			while (sref_less(base, &v[i], &pivot))
				i++;
			while (sref_less(base, &pivot, &v[j]))
				j--;
			if (i >= j)
				break;
			t = v[i]; v[i] = v[j]; v[j] = t;
			i++;
			j--;
		}
		/* [0, j] and [j + 1, n): recurse on the smaller, loop on the larger. */
		size_t left = j + 1;
		if (left < n - left) {
			sort_srefs(base, v, left, depth);
			v += left;
			n -= left;
		} else {
			sort_srefs(base, v + left, n - left, depth);
			n = left;
		}
	}
	for (size_t i = 1; i < n; i++) {
		struct sref x = v[i];
		size_t j = i;
		for (; j > 0 && sref_less(base, &x, &v[j - 1]); j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static int write_all(int fd, const void *p, size_t n, uint64_t off)
{
	const char *c = p;
	while (n) {
		ssize_t w = pwrite(fd, c, n, (off_t)off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
		off += (uint64_t)w;
	}
	return 0;
}

/* The entries laid out in mem, in run order: an array of n refs (the caller frees it). */
static struct sref *sorted_refs(const unsigned char *base, size_t len, size_t *np)
{
	size_t n = 0, cap = 1024;
	struct sref *order = xmalloc(cap * sizeof *order);
	for (size_t off = 0; off < len;) {
		struct ent en;
		ent_parse(base + off, &en);
		if (n == cap)
			order = xrealloc(order, (cap *= 2) * sizeof *order);
		order[n++] = (struct sref){ (uint32_t)off, (uint16_t)en.klen, (uint16_t)en.dlen };
		off += HDR + en.klen + en.dlen;
	}
	unsigned depth = 2;
	for (size_t k = n; k > 1; k >>= 1)
		depth += 2;
	sort_srefs(base, order, n, depth);
	*np = n;
	return order;
}

size_t stage_sort_offsets(const void *mem, size_t len, uint32_t **offs)
{
	size_t n;
	struct sref *order = sorted_refs(mem, len, &n);
	*offs = xmalloc((n ? n : 1) * sizeof **offs);
	for (size_t i = 0; i < n; i++)
		(*offs)[i] = order[i].off;
	free(order);
	return n;
}

static void write_run(struct runjob *j)
{
	const unsigned char *base = (const unsigned char *)j->mem.p;
	size_t n;
	struct sref *order = sorted_refs(base, j->mem.len, &n);
	struct run *r = &j->run;
	memset(r, 0, sizeof *r);
	/* Written through a buffer, section by section (the order is by index first). */
	struct buf out = BUF_INIT;
	uint64_t pos = j->start;
	j->err = 0;
	int cur = -1;
	for (size_t i = 0; i <= n && !j->err; i++) {
		struct ent en = { 0 };
		if (i < n)
			ent_parse(base + order[i].off, &en);
		if (i == n || (int)en.sec != cur || out.len >= (256u << 10)) {
			if (out.len && write_all(j->fd, out.p, out.len, pos) != 0)
				j->err = errno ? errno : EIO;
			if (cur >= 0)
				r->len[cur] += out.len;
			pos += out.len;
			buf_reset(&out);
			if (i == n)
				break;
			if ((int)en.sec != cur) {
				cur = (int)en.sec;
				r->off[cur] = pos;
			}
		}
		buf_add(&out, en.p, HDR + en.klen + en.dlen);
	}
	buf_free(&out);
	free(order);
	j->end = pos;
}

static void *run_thread(void *arg)
{
	write_run(arg);
	return NULL;
}

/* Take a finished run into the stage. */
static int add_run(struct stage *st, struct runjob *j, struct err *e)
{
	buf_reset(&j->mem);
	if (j->err)
		return err_set(e, ERR_IO, _("cannot write the import's work file: %s"), strerror(j->err));
	if (st->nruns == st->caprun) {
		st->caprun = st->caprun ? st->caprun * 2 : 16;
		st->runs = xrealloc(st->runs, st->caprun * sizeof *st->runs);
	}
	st->runs[st->nruns++] = j->run;
	st->fsize = j->end;
	return 0;
}

/* Wait for the run being written in the background, if any. */
static int spill_wait(struct stage *st, struct err *e)
{
	if (!st->bg_running)
		return 0;
	pthread_join(st->bg_thread, NULL);
	st->bg_running = false;
	return add_run(st, &st->bg, e);
}

/* Sort the entries in memory and append them to the file as one run. */
static int spill(struct stage *st, struct err *e)
{
	int rc = spill_wait(st, e);
	if (rc || !st->mem.len)
		return rc;
	struct runjob j = { .fd = st->fd, .mem = st->mem, .start = st->fsize };
	write_run(&j);
	rc = add_run(st, &j, e);
	st->mem = j.mem;	/* emptied: its memory serves the next run */
	return rc;
}

/* The same on a thread of its own, while the import goes on (one run at a time): sorting a run
 * costs as much as a good part of what the import does meanwhile. */
static int spill_background(struct stage *st, struct err *e)
{
	int rc = spill_wait(st, e);
	if (rc || !st->mem.len)
		return rc;
	/* The two buffers take turns: one fills while the other is sorted, and neither is
	 * grown or faulted in again (copying and page faults were a tenth of the import). */
	struct buf spare = st->bg.mem;
	st->bg = (struct runjob){ .fd = st->fd, .mem = st->mem, .start = st->fsize };
	st->mem = spare;
	buf_reset(&st->mem);
	reserve_mem(st);
	if (thread_start(&st->bg_thread, run_thread, &st->bg) != 0) {
		write_run(&st->bg);	/* no thread to be had: here and now */
		return add_run(st, &st->bg, e);
	}
	st->bg_running = true;
	return 0;
}

/* ---- the indexer ------------------------------------------------------------------------- */

/* Jobs, one after the other in a transaction's buffer:
 *   'R', primary (1 byte), id (8), length (4), the record as stored: hold back the entries of
 *	a new record (made here, on the indexer's thread, not while the batch is written);
 *   'E', index (1), removal (1), key length (4), value length (4), key, value: hold back one
 *	entry (a change of a record held back already: its old entries go, its new ones come).
 * Transactions reach the indexer in the order they committed, so operations on one entry keep
 * their order. */

void stage_add(struct stage *st, enum dbi sec, bool del, const void *key, size_t klen,
	       const void *data, size_t dlen)
{
	unsigned char h[11];
	h[0] = 'E';
	h[1] = (unsigned char)sec;
	h[2] = del;
	be32_put(h + 3, (uint32_t)klen);
	be32_put(h + 7, (uint32_t)dlen);
	buf_add(&st->txn, h, sizeof h);
	buf_add(&st->txn, key, klen);
	buf_add(&st->txn, data, dlen);
}

bool stage_add_record(struct stage *st, enum dbi primary, uint64_t id, const void *data,
		      size_t n)
{
	if (n > defer_max)
		return false;
	unsigned char h[14];
	h[0] = 'R';
	h[1] = (unsigned char)primary;
	be64_put(h + 2, id);
	be32_put(h + 10, (uint32_t)n);
	buf_add(&st->txn, h, sizeof h);
	buf_add(&st->txn, data, n);
	return true;
}

static bool stage_takes(const struct stage *st, int sec);

static void note_runs(struct stage *st)
{
	atomic_store(&st->ix_runs, st->nruns + (st->bg_running ? 1 : 0));
}

/* Carry out the jobs of a committed transaction; 0 or an error (in e). */
static int do_jobs(struct stage *st, const struct buf *jobs, struct err *e)
{
	const unsigned char *p = (const unsigned char *)jobs->p, *end = p + jobs->len;
	struct buf ent = BUF_INIT;
	int rc = 0;
	while (p && p < end && rc == 0) {
		if (*p == 'E') {
			uint32_t kl = be32_get(p + 3), dl = be32_get(p + 7);
			stage_put(st, p[1], p[2] != 0, p + 11, kl, p + 11 + kl, dl);
			p += 11 + kl + dl;
			continue;
		}
		enum dbi primary = p[1];
		uint64_t id = be64_get(p + 2);
		uint32_t n = be32_get(p + 10);
		const unsigned char *rec = p + 14;
		p += 14 + n;
		for (int sec = 0; sec < DBI__COUNT && rc == 0; sec++) {
			if (store_db_specs[sec].primary != (int)primary || !stage_takes(st, sec))
				continue;
			size_t cnt;
			buf_reset(&ent);
			if (idx_entries(sec, id, rec, n, &ent, &cnt) != 0) {
				rc = err_set(e, ERR_INVAL, _("the record cannot be indexed"));
				break;
			}
			size_t pos = 0;
			struct idx_entry en;
			while (rc == 0 && idx_entry_next(&ent, &pos, &en)) {
				if (!STAGE_FITS(en.klen, en.dlen))	/* DEFER_MAX keeps them in */
					rc = err_set(e, ERR_INVAL, _("the record cannot be indexed"));
				else
					stage_put(st, sec, false, en.key, en.klen, en.data, en.dlen);
			}
		}
	}
	buf_free(&ent);
	if (rc == 0 && st->mem.len >= stage_mem_limit)
		rc = store_one_thread() ? spill(st, e) : spill_background(st, e);
	note_runs(st);
	return rc;
}

static void *indexer_main(void *arg)
{
	struct stage *st = arg;
	struct buf *jobs;
	while ((jobs = queue_pop(st->ix_todo)) != NULL) {
		if (atomic_load(&st->ix_rc) == 0) {
			int rc = do_jobs(st, jobs, &st->ix_err);
			if (rc)
				atomic_store(&st->ix_rc, rc);
		}
		buf_reset(jobs);
		queue_push(st->ix_free, jobs);
	}
	idx_release();	/* this thread's memory of the last name */
	return NULL;
}

static bool indexer_start(struct stage *st)
{
	if (st->ix_running)
		return true;
	if (store_one_thread())
		return false;
	st->ix_todo = queue_new(NJOBBUFS);
	st->ix_free = queue_new(NJOBBUFS);
	for (int i = 0; i < NJOBBUFS; i++)
		queue_push(st->ix_free, &st->ix_bufs[i]);
	atomic_store(&st->ix_rc, 0);
	err_clear(&st->ix_err);
	if (thread_start(&st->ix_thread, indexer_main, st) != 0) {
		queue_free(&st->ix_todo);
		queue_free(&st->ix_free);
		return false;
	}
	st->ix_running = true;
	return true;
}

/* Let the indexer finish what it was given and end; its error, if it had one. */
static int indexer_stop(struct stage *st, struct err *e)
{
	if (!st->ix_running)
		return 0;
	queue_close(st->ix_todo);
	pthread_join(st->ix_thread, NULL);
	st->ix_running = false;
	queue_free(&st->ix_todo);
	queue_free(&st->ix_free);
	int rc = atomic_load(&st->ix_rc);
	if (rc && e)
		*e = st->ix_err;
	return rc;
}

void stage_txn_commit(struct stage *st, struct err *e, int *rc)
{
	*rc = 0;
	if (st->ix_running && atomic_load(&st->ix_rc)) {
		*rc = indexer_stop(st, e);	/* an earlier transaction's entries failed */
		return;
	}
	if (!st->txn.len)
		return;
	if (!indexer_start(st)) {
		*rc = do_jobs(st, &st->txn, e);	/* no thread to be had, or HV_SYNC */
		buf_reset(&st->txn);
		return;
	}
	/* Hand the jobs over and keep an emptied buffer (its memory) for the next transaction. */
	struct buf *jobs = queue_pop(st->ix_free);
	struct buf t = *jobs;
	*jobs = st->txn;
	st->txn = t;
	queue_push(st->ix_todo, jobs);
}

/* ---- merging ----------------------------------------------------------------------------- */

struct reader {
	int fd;
	uint64_t pos, end;	/* the part of the section not read into the buffer yet */
	unsigned char *buf;
	size_t cap, at, len;	/* buffer [at, len) not consumed */
	struct ent cur;
	bool done;
};

static int reader_fill(struct reader *r, size_t need)
{
	if (r->len - r->at >= need)
		return 0;
	memmove(r->buf, r->buf + r->at, r->len - r->at);
	r->len -= r->at;
	r->at = 0;
	if (need > r->cap) {
		r->cap = need;
		r->buf = xrealloc(r->buf, r->cap);
	}
	while (r->len < need && r->pos < r->end) {
		size_t want = r->cap - r->len;
		if (want > r->end - r->pos)
			want = (size_t)(r->end - r->pos);
		ssize_t got = pread(r->fd, r->buf + r->len, want, (off_t)r->pos);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		r->len += (size_t)got;
		r->pos += (uint64_t)got;
	}
	return r->len - r->at >= need ? 0 : -1;
}

/* Step to the reader's next entry (done at the end of its section). */
static int reader_next(struct reader *r)
{
	if (r->cur.p) {
		r->at += HDR + r->cur.klen + r->cur.dlen;
		r->cur.p = NULL;
	}
	if (r->at == r->len && r->pos == r->end) {
		r->done = true;
		return 0;
	}
	if (reader_fill(r, HDR) != 0)
		return -1;
	struct ent h;
	ent_parse(r->buf + r->at, &h);
	if (reader_fill(r, HDR + h.klen + h.dlen) != 0)
		return -1;
	ent_parse(r->buf + r->at, &r->cur);
	return 0;
}

/* A binary heap of readers, smallest entry on top. */
static bool heap_less(struct reader **h, size_t a, size_t b)
{
	return ent_cmp(&h[a]->cur, &h[b]->cur) < 0;
}

static void heap_down(struct reader **h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && heap_less(h, l, m))
			m = l;
		if (l + 1 < n && heap_less(h, l + 1, m))
			m = l + 1;
		if (m == i)
			return;
		struct reader *t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

struct chunk {
	struct stage *st;
	enum dbi sec;
	struct buf ops;		/* (op, key length, value length, key, value), as in a run */
	size_t n;
	struct buf conflicts;	/* this chunk's, kept once it commits */
};

/* The staged person pk lost its CCCD to holder, filed meanwhile by someone else: the same
 * number cannot belong to two persons, so the staged one gives it up (the audit trail keeps
 * it) and the clash is reported, to be resolved by hand. */
static int cccd_clash(struct store *s, struct store_txn *t, struct chunk *ch, const void *key,
		      size_t klen, uint64_t pk, uint64_t holder, struct err *e)
{
	struct person p = { 0 }, h = { 0 };
	int rc = store_get(s, t, REC_PERSON, pk, &p, e);
	if (rc == -ERR_NOTFOUND) {
		err_clear(e);
		return 0;
	}
	if (rc == 0 && p.cccd && strlen(p.cccd) == klen && memcmp(p.cccd, key, klen) == 0) {
		if (store_get(s, t, REC_PERSON, holder, &h, e) != 0)
			err_clear(e);
		char *cccd = p.cccd;
		p.cccd = NULL;
		bool changed;
		rc = store_update(s, t, REC_PERSON, &p, &changed, e);
		buf_printf(&ch->conflicts,
			   _("CCCD %s of %s (person %" PRIu64 ") was given to %s (person %" PRIu64 ") by "
			     "someone else during the import; person %" PRIu64 " was kept without it: "
			     "if they are the same person, merge them"),
			   cccd, p.full_name ? p.full_name : "", pk, h.full_name ? h.full_name : "",
			   holder, pk);
		buf_addc(&ch->conflicts, '\n');
		p.cccd = cccd;
	}
	rec_clear(&REC_DEF_PERSON, &p);
	rec_clear(&REC_DEF_PERSON, &h);
	return rc;
}

struct clash {
	uint64_t pk, holder;
	size_t op;
};

struct clashes {
	struct clash *v;
	size_t n, cap;
	const struct pidx_op *ops;
};

static void on_clash(void *ctx, size_t op, const void *holder, size_t hlen)
{
	struct clashes *cl = ctx;
	const struct pidx_op *o = &cl->ops[op];
	uint64_t pk = o->dlen >= 8 ? be64_get(o->data) : 0;
	uint64_t h = hlen >= 8 ? be64_get(holder) : 0;
	if (pk == h)
		return;
	if (cl->n == cl->cap) {
		cl->cap = cl->cap ? cl->cap * 2 : 16;
		cl->v = xrealloc(cl->v, cl->cap * sizeof *cl->v);
	}
	cl->v[cl->n++] = (struct clash){ pk, h, op };
}

static int chunk_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct chunk *ch = ctx;
	buf_reset(&ch->conflicts);
	struct pidx_op *ops = xmalloc((ch->n ? ch->n : 1) * sizeof *ops);
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)ch->ops.p, *end = p + ch->ops.len;
	while (p < end) {
		struct ent en;
		ent_parse(p, &en);
		p += HDR + en.klen + en.dlen;
		ops[n++] = (struct pidx_op){ en.p + HDR, en.p + HDR + en.klen, (uint32_t)en.klen,
					     (uint32_t)en.dlen, en.op != OP_ADD };
	}
	/* The runs are in entry order already. */
	struct clashes cl = { .ops = ops };
	int rc = pidx_apply(s->db[ch->sec], t->txn, ops, n, SEC_UNIQUE(ch->sec), on_clash, &cl);
	int out = rc ? store_dberr(s, e, rc, _("saving an index")) : 0;
	for (size_t i = 0; out == 0 && i < cl.n; i++) {
		const struct pidx_op *o = &ops[cl.v[i].op];
		if (ch->st->only >= 0)
			msg_error(_("index %s: a key is held by two records (%" PRIu64 " and %" PRIu64 ")"),
				  store_db_specs[ch->sec].file, cl.v[i].holder, cl.v[i].pk);
		else if (ch->sec == DBI_PERSON_CCCD)
			out = cccd_clash(s, t, ch, o->key, o->klen, cl.v[i].pk, cl.v[i].holder, e);
	}
	free(cl.v);
	free(ops);
	return out;
}

static int flush_chunk(struct store *s, struct chunk *ch, struct err *e)
{
	if (!ch->n)
		return 0;
	int rc = store_write(s, chunk_fn, ch, e);
	if (rc == 0 && ch->conflicts.len)
		buf_add(&ch->st->conflicts, ch->conflicts.p, ch->conflicts.len);
	buf_reset(&ch->ops);
	ch->n = 0;
	return rc;
}

/* The merge of one index's sections runs on two threads: one reads the runs and merges them
 * into chunks of changes in entry order (a heap of a hundred and more readers: a third of the
 * merge), the other files each chunk in its own transaction.  Three chunk buffers take turns
 * between them through two queues. */
#define NCHUNKBUFS 3

struct chunkbuf {
	struct buf ops;
	size_t n;
	int err;		/* errno of a failed read of the work file, with the chunk before it */
};

struct producer {
	struct stage *st;
	enum dbi sec;
	struct queue *full, *empty;	/* chunkbufs to file, chunkbufs to fill */
	struct chunkbuf bufs[NCHUNKBUFS];
	pthread_t thread;
	/* Without a thread, chunks are filed as they are made: */
	struct store *s;
	struct chunk *ch;
	struct err *e;
	int rc;
};

static int file_chunk(struct store *s, struct chunk *ch, struct chunkbuf *cb, struct err *e)
{
	int rc = 0;
	if (cb->n) {
		ch->ops = cb->ops;
		ch->n = cb->n;
		rc = flush_chunk(s, ch, e);
		cb->ops = ch->ops;	/* emptied, its memory kept */
		ch->ops = (struct buf)BUF_INIT;
	}
	if (rc == 0 && cb->err)
		rc = err_set(e, ERR_IO, _("cannot read the import's work file: %s"), strerror(cb->err));
	cb->n = 0;
	cb->err = 0;
	buf_reset(&cb->ops);
	return rc;
}

/* Hand a full chunk over; the buffer to fill next, or NULL to stop. */
static struct chunkbuf *hand_over(struct producer *pr, struct chunkbuf *cb)
{
	if (!pr->full) {
		pr->rc = file_chunk(pr->s, pr->ch, cb, pr->e);
		return pr->rc ? NULL : cb;
	}
	return queue_push(pr->full, cb) ? queue_pop(pr->empty) : NULL;
}

/* Read the runs' sections of p->sec and hand their merge over chunk by chunk; the queue of
 * full chunks is closed at the end (or when the filing side gave up). */
static void produce(struct producer *pr)
{
	struct stage *st = pr->st;
	size_t nr = 0;
	struct reader *rd = xcalloc(st->nruns ? st->nruns : 1, sizeof *rd);
	struct reader **heap = xcalloc(st->nruns ? st->nruns : 1, sizeof *heap);
	int err = 0;
	for (size_t i = 0; i < st->nruns && !err; i++) {
		if (!st->runs[i].len[pr->sec])
			continue;
		struct reader *r = &rd[nr];
		r->fd = st->fd;
		r->pos = st->runs[i].off[pr->sec];
		r->end = r->pos + st->runs[i].len[pr->sec];
		r->cap = READ_BUF;
		r->buf = xmalloc(r->cap);
		if (reader_next(r) != 0)
			err = errno ? errno : EIO;
		nr++;
	}
	size_t nh = 0;
	for (size_t i = 0; i < nr; i++)
		if (!rd[i].done)
			heap[nh++] = &rd[i];
	for (size_t i = nh; i-- > 0;)
		heap_down(heap, nh, i);
	struct chunkbuf *cb = pr->full ? queue_pop(pr->empty) : &pr->bufs[0];
	struct buf last = BUF_INIT;	/* the latest operation on the entry being gathered */
	struct ent lastent = { 0 };
	while (cb && !err) {
		struct ent *top = nh ? &heap[0]->cur : NULL;
		/* An entry's operations arrive together, oldest first: the last one stands. */
		if (last.len && (!top || !same_entry(top, &lastent))) {
			buf_add(&cb->ops, last.p, last.len);
			cb->n++;
			buf_reset(&last);
			if (cb->n >= merge_chunk) {
				cb = hand_over(pr, cb);
				continue;
			}
		}
		if (!top)
			break;
		buf_reset(&last);
		buf_add(&last, top->p, HDR + top->klen + top->dlen);
		ent_parse((const unsigned char *)last.p, &lastent);
		struct reader *r = heap[0];
		if (reader_next(r) != 0) {
			err = errno ? errno : EIO;
			break;
		}
		if (r->done)
			heap[0] = heap[--nh];
		heap_down(heap, nh, 0);
	}
	if (cb) {
		cb->err = err;
		hand_over(pr, cb);	/* the last chunk, or the error */
	}
	if (pr->full)
		queue_close(pr->full);
	for (size_t i = 0; i < nr; i++)
		free(rd[i].buf);
	free(rd);
	free(heap);
	buf_free(&last);
}

static void *produce_thread(void *arg)
{
	produce(arg);
	return NULL;
}

/* Merge the runs' sections of index sec into it. */
static int merge_index(struct store *s, struct stage *st, enum dbi sec, struct err *e)
{
	struct chunk ch = { .st = st, .sec = sec, .ops = BUF_INIT, .conflicts = BUF_INIT };
	struct producer pr = { .st = st, .sec = sec, .s = s, .ch = &ch, .e = e };
	pr.full = queue_new(NCHUNKBUFS);
	pr.empty = queue_new(NCHUNKBUFS);
	for (size_t i = 0; i < NCHUNKBUFS; i++)
		queue_push(pr.empty, &pr.bufs[i]);
	int rc = 0;
	if (!store_one_thread() && thread_start(&pr.thread, produce_thread, &pr) == 0) {
		struct chunkbuf *cb;
		while ((cb = queue_pop(pr.full)) != NULL) {
			if (rc == 0)
				rc = file_chunk(s, &ch, cb, e);
			if (rc) {
				queue_close(pr.empty);	/* the producer stops at its next chunk */
				queue_close(pr.full);
			} else {
				queue_push(pr.empty, cb);
			}
		}
		pthread_join(pr.thread, NULL);
		queue_free(&pr.full);
		queue_free(&pr.empty);
	} else {
		queue_free(&pr.full);	/* no thread to be had (or HV_SYNC): here and now */
		queue_free(&pr.empty);
		produce(&pr);
		rc = pr.rc;
	}
	for (size_t i = 0; i < NCHUNKBUFS; i++)
		buf_free(&pr.bufs[i].ops);
	buf_free(&ch.conflicts);
	return rc;
}

/* Whether the stage holds back the entries of index sec. */
static bool stage_takes(const struct stage *st, int sec)
{
	return st->only >= 0 ? sec == st->only : stage_holds(sec);
}

/* Everything held back goes into the indexes; the marker moves to the ids to come. */
static int stage_merge(struct store *s, struct stage *st, bool advance, struct err *e)
{
	int rc = indexer_stop(st, e);
	if (rc == 0)
		rc = spill(st, e);
	/* The merge needs their memory for its readers; they are reserved again after it. */
	buf_free(&st->mem);
	buf_free(&st->bg.mem);
	for (int i = 0; i < DBI__COUNT && rc == 0; i++)
		if (stage_takes(st, i))
			rc = merge_index(s, st, i, e);
	if (rc)
		return rc;
	if (advance) {
		struct marker_op m = { .remove = false };
		if ((rc = store_write(s, marker_fn, &m, e)) != 0)
			return rc;
	}
	st->nruns = 0;
	st->fsize = 0;
	if (ftruncate(st->fd, 0) != 0) {
		/* Only space not given back early: the file goes when the stage ends. */
	}
	for (int i = 0; i < 2; i++)
		st->nranges[i] = 0;
	store_checkpoint(s);
	return 0;
}

/* ---- completing an interrupted stage ------------------------------------------------------ */

/* Hold back the entries the stage takes of every record of primary from id from on, merging
 * whenever the runs are full.  The cursor is closed while a merge writes (it would hold a page
 * a clash repair may need). */
static int stage_records(struct store *s, struct stage *st, enum dbi primary, uint64_t from,
			 struct err *e)
{
	DB *db = s->db[primary];
	struct buf ent = BUF_INIT;
	uint64_t next = from;
	bool more = true;
	int rc = 0;
	while (more && rc == 0) {
		DBC *c;
		if ((rc = db->cursor(db, NULL, &c, DB_READ_COMMITTED)) != 0) {
			rc = store_dberr(s, e, rc, _("reading"));
			break;
		}
		unsigned char kb[8];
		be64_put(kb, next);
		DBT k = { .data = kb, .size = 8, .ulen = 8, .flags = DB_DBT_USERMEM },
		    v = { .flags = DB_DBT_REALLOC };
		u_int32_t op = DB_SET_RANGE;
		int g;
		while ((g = c->get(c, &k, &v, op)) == 0) {
			op = DB_NEXT;
			if (k.size != 8)
				continue;
			uint64_t id = be64_get(kb);
			next = id + 1;
			for (int sec = 0; sec < DBI__COUNT; sec++) {
				if (store_db_specs[sec].primary != (int)primary || !stage_takes(st, sec))
					continue;
				size_t n;
				buf_reset(&ent);
				if (idx_entries(sec, id, v.data, v.size, &ent, &n) != 0)
					continue;	/* the check reports a record that cannot be read */
				size_t pos = 0;
				struct idx_entry en;
				while (idx_entry_next(&ent, &pos, &en))
					stage_put(st, sec, false, en.key, en.klen, en.data, en.dlen);
			}
			if (st->mem.len >= stage_mem_limit && (rc = spill(st, e)) != 0)
				break;
			if (st->nruns >= stage_max_runs)
				break;
		}
		c->close(c);
		free(v.data);
		more = g == 0;
		if (rc == 0 && g && g != DB_NOTFOUND)
			rc = store_dberr(s, e, g, _("reading"));
		if (rc == 0 && more)
			rc = stage_merge(s, st, false, e);
	}
	buf_free(&ent);
	return rc;
}

/* File again the entries of every record from the marker's ids on. */
static int catch_up(struct store *s, struct stage *st, const uint64_t from[2], struct err *e)
{
	static const enum dbi prim[2] = { DBI_PERSON, DBI_MEMBERSHIP };
	int rc = 0;
	for (int sl = 0; sl < 2 && rc == 0; sl++)
		rc = stage_records(s, st, prim[sl], from[sl], e);
	if (rc == 0)
		rc = stage_merge(s, st, false, e);
	if (rc == 0 && st->conflicts.len) {
		const char *p = buf_str(&st->conflicts);
		while (*p) {
			const char *nl = strchr(p, '\n');
			msg_warn("%.*s", (int)(nl - p), p);
			p = nl + 1;
		}
	}
	return rc;
}

int stage_build_index(struct store *s, enum dbi sec, struct err *e)
{
	struct stage *st = stage_new(-1, s->dir, e);
	if (!st)
		return -ERR_IO;
	st->only = sec;
	int rc = stage_records(s, st, store_db_specs[sec].primary, 0, e);
	if (rc == 0)
		rc = stage_merge(s, st, false, e);
	stage_free(st);
	return rc;
}

/* Take the lock; if a marker is there, its stage died: complete it.  Returns 0 with the lock
 * held (*lockfd), 1 if another process is staging, or an error. */
static int take_over(struct store *s, int *lockfd, struct err *e)
{
	*lockfd = open_lock(s, e);
	if (*lockfd < 0)
		return -ERR_IO;
	if (flock(*lockfd, LOCK_EX | LOCK_NB) != 0) {
		close(*lockfd);
		*lockfd = -1;
		return 1;
	}
	uint64_t from[2];
	bool found;
	int rc = read_marker(s, NULL, from, &found);
	if (rc) {
		rc = store_dberr(s, e, rc, _("reading"));
	} else if (found) {
		msg_info(_("completing the indexes of an import that was interrupted…"));
		struct stage *st = stage_new(-1, s->dir, e);
		s->stage_owner = true;
		rc = st ? catch_up(s, st, from, e) : -ERR_IO;
		s->stage_owner = false;
		stage_free(st);
		struct marker_op m = { .remove = true };
		if (rc == 0)
			rc = store_write(s, marker_fn, &m, e);
	}
	if (rc) {
		close(*lockfd);
		*lockfd = -1;
	}
	return rc;
}

/* ---- the public side --------------------------------------------------------------------- */

int store_stage_begin(struct store *s, struct err *e)
{
	if (s->stage)
		return 0;
	int lockfd;
	int rc = take_over(s, &lockfd, e);
	if (rc)
		return rc;
	struct marker_op m = { .remove = false };
	if ((rc = store_write(s, marker_fn, &m, e)) != 0) {
		close(lockfd);
		return rc;
	}
	struct stage *st = stage_new(lockfd, s->dir, e);
	if (!st) {
		close(lockfd);
		return -ERR_IO;
	}
	s->stage = st;
	return 0;
}

bool store_stage_full(const struct store *s)
{
	if (!s->stage)
		return false;
	if (!s->stage->ix_running)
		note_runs(s->stage);
	return atomic_load(&s->stage->ix_runs) >= stage_max_runs;
}

int store_stage_merge(struct store *s, struct buf *conflicts, struct err *e)
{
	struct stage *st = s->stage;
	if (!st)
		return 0;
	int rc = stage_merge(s, st, true, e);
	if (conflicts && st->conflicts.len)
		buf_add(conflicts, st->conflicts.p, st->conflicts.len);
	buf_reset(&st->conflicts);
	return rc;
}

int store_stage_end(struct store *s, struct buf *conflicts, struct err *e)
{
	struct stage *st = s->stage;
	if (!st)
		return 0;
	int rc = store_stage_merge(s, conflicts, e);
	if (rc == 0) {
		struct marker_op m = { .remove = true };
		rc = store_write(s, marker_fn, &m, e);
	}
	/* On failure the marker stays: whoever opens the store next completes the indexes. */
	s->stage = NULL;
	stage_free(st);
	return rc;
}

void stage_abandon(struct store *s)
{
	stage_free(s->stage);
	s->stage = NULL;
}

int stage_recover(struct store *s, struct err *e)
{
	uint64_t from[2];
	bool found;
	int rc = read_marker(s, NULL, from, &found);
	if (rc)
		return store_dberr(s, e, rc, _("reading"));
	if (!found)
		return 0;
	int lockfd;
	rc = take_over(s, &lockfd, e);
	if (rc == 1)
		return 0;	/* the import is alive and staging */
	if (rc == 0)
		close(lockfd);
	return rc;
}

int stage_guard(struct store *s, struct store_txn *t, enum dbi primary, uint64_t id,
		struct err *e)
{
	int sl = slot_of_primary(primary);
	if (sl < 0 || !stage_busy(s))
		return 0;
	uint64_t from[2];
	bool found;
	int rc = read_marker(s, store_dbtxn(t), from, &found);
	if (rc)
		return store_dberr(s, e, rc, _("reading"));
	if (found && id >= from[sl])
		return err_set(e, ERR_BUSY, _("%s %" PRIu64 " was added by an import that is still "
					      "running; it can be changed once the import is over"),
			       rec_type_text(primary == DBI_PERSON ? REC_PERSON : REC_MEMBERSHIP), id);
	return 0;
}

bool stage_live_from(struct store *s, uint64_t from[2])
{
	bool found;
	if (!stage_busy(s) || read_marker(s, NULL, from, &found) != 0 || !found)
		return false;
	return true;
}
