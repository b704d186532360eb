/* Unit tests for src/util: buffers, varints, the hash map, the rng, paths, errors, the queue. */
#include "tap.h"

#include "util/buf.h"
#include "util/bytes.h"
#include "util/err.h"
#include "util/hmap.h"
#include "util/path.h"
#include "util/queue.h"
#include "util/rng.h"
#include "util/thread.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static void test_buf(void)
{
	struct buf b = BUF_INIT;
	is_str(buf_str(&b), "", "empty buffer reads as empty string");
	buf_adds(&b, "Nguyễn");
	buf_addc(&b, ' ');
	buf_printf(&b, "%d/%s", 12, "12");
	is_str(buf_str(&b), "Nguyễn 12/12", "append and printf");
	for (int i = 0; i < 1000; i++)
		buf_addc(&b, 'x');
	is_int(b.len, strlen("Nguyễn 12/12") + 1000, "grows past its first capacity");
	buf_reset(&b);
	is_int(b.len, 0, "reset empties");
	buf_adds(&b, "abc");
	char *s = buf_steal(&b);
	is_str(s, "abc", "steal hands the string over");
	ok(b.p == NULL && b.len == 0, "steal leaves the buffer empty");
	free(s);
	buf_free(&b);
}

static void test_varint(void)
{
	static const uint64_t vals[] = { 0, 1, 127, 128, 300, 16383, 16384, 1u << 31, UINT64_MAX };
	int good = 1;
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		unsigned char tmp[10];
		size_t n = uvarint_put(tmp, vals[i]);
		const unsigned char *p = tmp;
		uint64_t v;
		if (uvarint_get(&p, tmp + n, &v) != 0 || v != vals[i] || p != tmp + n)
			good = 0;
	}
	ok(good, "varints round-trip from 0 to UINT64_MAX");
	unsigned char trunc[2] = { 0x80, 0x80 };
	const unsigned char *p = trunc;
	uint64_t v;
	is_int(uvarint_get(&p, trunc + 2, &v), -1, "truncated varint is an error");
	unsigned char big[11];
	memset(big, 0xff, sizeof big);
	p = big;
	is_int(uvarint_get(&p, big + 11, &v), -1, "over-long varint is an error");
	unsigned char k[8];
	be64_put(k, 0x0102030405060708ULL);
	ok(k[0] == 1 && k[7] == 8, "be64 is big-endian");
	is_int(be64_get(k) == 0x0102030405060708ULL, 1, "be64 round-trips");
}

static void test_hmap(void)
{
	struct hmap m;
	hmap_init(&m);
	char key[32];
	for (int i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof key, "unit/%d", i);
		hmap_put(&m, key, (size_t)n, (uint64_t)i * 3);
	}
	int good = 1;
	for (int i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof key, "unit/%d", i);
		uint64_t v;
		if (!hmap_get(&m, key, (size_t)n, &v) || v != (uint64_t)i * 3)
			good = 0;
	}
	ok(good, "5000 keys all found with their values");
	ok(!hmap_get(&m, "nope", 4, NULL), "absent key not found");
	hmap_put(&m, "unit/7", 6, 99);
	uint64_t v = 0;
	hmap_get(&m, "unit/7", 6, &v);
	is_int(v, 99, "put replaces");
	is_int(m.len, 5000, "replacing does not add");
	hmap_free(&m);
}

static void test_rng(void)
{
	struct rng a, b;
	rng_seed(&a, 42);
	rng_seed(&b, 42);
	int same = 1, inrange = 1;
	for (int i = 0; i < 100; i++) {
		if (rng_next(&a) != rng_next(&b))
			same = 0;
		if (rng_below(&a, 7) >= 7)
			inrange = 0;
		rng_next(&b);
	}
	ok(same, "same seed, same sequence");
	ok(inrange, "rng_below stays below n");
}

static void test_path_and_err(void)
{
	char tmpl[] = "/tmp/hv-util-XXXXXX";
	ok(mkdtemp(tmpl) != NULL, "temp dir");
	char *deep = path_join(tmpl, "a/b/c");
	struct err e;
	err_clear(&e);
	is_int(path_mkdirs(deep, &e), 0, "mkdirs creates nested directories");
	ok(path_is_dir(deep), "and they exist");
	char *f = path_join(deep, "out.csv");
	struct atomic_file af;
	is_int(atomic_open(&af, f, &e), 0, "atomic open");
	fputs("x,y\r\n", af.f);
	ok(!path_is_file(f), "destination not visible before commit");
	is_int(atomic_commit(&af, &e), 0, "commit");
	ok(path_is_file(f), "destination visible after commit");
	is_int(atomic_open(&af, f, &e), 0, "second atomic open");
	fputs("garbage", af.f);
	atomic_abort(&af);
	FILE *in = fopen(f, "r");
	char line[16] = "";
	if (in) {
		if (!fgets(line, sizeof line, in))
			line[0] = '\0';
		fclose(in);
	}
	is_str(line, "x,y\r\n", "an aborted write leaves the old file intact");
	char msg[600];
	is_int(err_set(&e, ERR_INVAL, "bad %s", "date"), -ERR_INVAL, "err_set returns the negated code");
	err_where(&e, "list.csv:%d", 12);
	is_str(err_format(&e, msg, sizeof msg), "list.csv:12: bad date", "err_format joins where and message");
	setenv("HOIVIEN_DIR", "/srv/hv", 1);
	char *d = path_store_dir(NULL);
	is_str(d, "/srv/hv", "HOIVIEN_DIR picks the store");
	free(d);
	d = path_store_dir("/x");
	is_str(d, "/x", "-d wins over HOIVIEN_DIR");
	free(d);
	unsetenv("HOIVIEN_DIR");
	setenv("XDG_DATA_HOME", "/data", 1);
	d = path_store_dir(NULL);
	is_str(d, "/data/hoivien", "then XDG_DATA_HOME");
	free(d);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/an", 1);
	d = path_store_dir(NULL);
	is_str(d, "/home/an/.local/share/hoivien", "then ~/.local/share");
	free(d);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpl);
	ok(system(cmd) == 0, "cleanup");
	free(f);
	free(deep);
}

enum { NITEMS = 10000 };

struct relay {
	struct queue *in, *out;
	int vals[NITEMS];
	size_t pushed;
};

/* The far side of a pipe: pass each item on, then close the way out. */
static void *relay_main(void *arg)
{
	struct relay *r = arg;
	void *item;
	while ((item = queue_pop(r->in)) != NULL && queue_push(r->out, item))
		r->pushed++;
	queue_close(r->out);
	return NULL;
}

static void test_queue(void)
{
	struct queue *q = queue_new(2);
	int a = 1, b = 2, c = 3;
	ok(queue_push(q, &a) && queue_push(q, &b), "two items fit a queue of two");
	ok(queue_pop(q) == &a, "first in, first out");
	ok(queue_push(q, &c), "a slot freed takes another");
	queue_close(q);
	ok(!queue_push(q, &a), "a closed queue takes nothing more");
	ok(queue_pop(q) == &b && queue_pop(q) == &c, "a closed queue gives what it still holds");
	ok(queue_pop(q) == NULL, "then NULL, without waiting");
	queue_free(&q);
	ok(q == NULL, "free NULLs the pointer");
	queue_free(&q);

	/* Through a thread and back, a queue of one: every item in order, each wait woken. */
	struct relay r = { .in = queue_new(1), .out = queue_new(1) };
	pthread_t t;
	ok(pthread_create(&t, NULL, relay_main, &r) == 0, "relay thread started");
	size_t got = 0;
	int good = 1;
	int *v;
	for (int i = 0; i < NITEMS; i++) {
		/* Three in flight fill the pipe (a queue, the relay, a queue): take one out first. */
		if ((size_t)i - got == 3 && (v = queue_pop(r.out)) != NULL)
			good &= *v == (int)got++;
		r.vals[i] = i;
		queue_push(r.in, &r.vals[i]);
	}
	queue_close(r.in);
	while ((v = queue_pop(r.out)) != NULL)
		good &= *v == (int)got++;
	pthread_join(t, NULL);
	ok(good && got == NITEMS && r.pushed == NITEMS, "%d items relayed in order", NITEMS);

	/* The consumer gives up: the producer, blocked on a full queue, is released. */
	struct relay s = { .in = queue_new(1), .out = queue_new(1) };
	ok(pthread_create(&t, NULL, relay_main, &s) == 0, "second relay started");
	for (int i = 0; i < 3; i++)
		queue_push(s.in, &s.vals[i]);	/* out full, relay blocked, in full */
	queue_close(s.out);
	queue_close(s.in);
	pthread_join(t, NULL);
	ok(s.pushed <= 2, "closing both ends stops the relay (%zu passed)", s.pushed);
	queue_free(&r.in);
	queue_free(&r.out);
	queue_free(&s.in);
	queue_free(&s.out);
}

/* A helper thread leaves ^C, hang-ups and resizes to the main thread, keeps its own faults,
 * and the caller's mask is as it was. */
struct masks {
	int intr, hup, winch, segv;
};

static void *read_mask(void *arg)
{
	struct masks *m = arg;
	sigset_t cur;
	pthread_sigmask(SIG_SETMASK, NULL, &cur);
	m->intr = sigismember(&cur, SIGINT);
	m->hup = sigismember(&cur, SIGHUP);
	m->winch = sigismember(&cur, SIGWINCH);
	m->segv = sigismember(&cur, SIGSEGV);
	return NULL;
}

static void test_thread(void)
{
	sigset_t before, after;
	pthread_sigmask(SIG_SETMASK, NULL, &before);
	struct masks m = { -1, -1, -1, -1 };
	pthread_t t;
	is_int(thread_start(&t, read_mask, &m), 0, "a thread started");
	pthread_join(t, NULL);
	ok(m.intr == 1 && m.hup == 1 && m.winch == 1, "it blocks ^C, hang-up and resize");
	is_int(m.segv, 0, "but not faults");
	pthread_sigmask(SIG_SETMASK, NULL, &after);
	is_int(sigismember(&after, SIGINT), sigismember(&before, SIGINT), "the caller's mask is unchanged");
}

int main(void)
{
	test_buf();
	test_varint();
	test_hmap();
	test_rng();
	test_path_and_err();
	test_queue();
	test_thread();
	return done_testing();
}
