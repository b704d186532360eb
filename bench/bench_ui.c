/* The full-screen program measured from outside: hoivien runs in a pseudo-terminal of 80x24
 * and this program types at it like a person and reads what it writes to the terminal.
 *
 *   bench_ui HOIVIEN STORE RUNS
 *
 * prints one line of figures:
 *   first_paint_ms   from starting the program (with "1" typed ahead) to the last byte of the
 *                    first member list (median of RUNS starts)
 *   key_ms           from a key typed in the search box to the last byte of the list it updated
 *                    (median and p90 over the keys of several searches)
 *   search_bytes     bytes written per key typed in the search box (median)
 *   form_bytes       bytes written per letter typed into a field of the member card (median)
 *   scroll_bytes     bytes written per Down and per PageDown in the member list (median)
 * "The last byte" is the last byte before the terminal stays quiet for QUIET_MS: the program
 * draws a screen in one go, so the quiet that follows marks the end of the paint. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 60

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct term {
	int fd;
	pid_t pid;
	char *seen;		/* everything written, for finding markers */
	size_t n, cap;
};

static void add(struct term *t, const char *p, size_t n)
{
	if (t->n + n + 1 > t->cap) {
		t->cap = (t->n + n + 1) * 2;
		t->seen = realloc(t->seen, t->cap);
		if (!t->seen)
			abort();
	}
	memcpy(t->seen + t->n, p, n);
	t->n += n;
	t->seen[t->n] = '\0';
}

/* Read until the terminal has been quiet for QUIET_MS (after at least one byte, or after
 * timeout_ms without any): returns the time of the last byte (0 if none), bytes in *bytes. */
static double drain(struct term *t, size_t *bytes, int timeout_ms)
{
	double last = 0, start = now_ms();
	size_t got = 0;
	for (;;) {
		int wait = got ? QUIET_MS : timeout_ms - (int)(now_ms() - start);
		if (wait <= 0)
			break;
		struct pollfd p = { t->fd, POLLIN, 0 };
		int r = poll(&p, 1, wait);
		if (r <= 0)
			break;
		char buf[65536];
		ssize_t n = read(t->fd, buf, sizeof buf);
		if (n <= 0)
			break;
		last = now_ms();
		got += (size_t)n;
		add(t, buf, (size_t)n);
	}
	if (bytes)
		*bytes = got;
	return last;
}

/* Read until the output holds marker (after offset from), then until quiet. */
static double wait_for(struct term *t, size_t from, const char *marker, size_t *bytes)
{
	double start = now_ms(), last = 0;
	size_t total = 0;
	while (now_ms() - start < 20000) {
		size_t b;
		double l = drain(t, &b, 200);
		total += b;
		if (l)
			last = l;
		if (strstr(t->seen + from, marker)) {
			l = drain(t, &b, 0);
			total += b;
			if (l)
				last = l;
			break;
		}
	}
	if (bytes)
		*bytes = total;
	return last;
}

static int start(struct term *t, const char *hv, const char *store, const char *typeahead)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	memset(t, 0, sizeof *t);
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid < 0)
		return -1;
	if (t->pid == 0) {
		setenv("TERM", "xterm", 1);
		setenv("LANG", "C", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		execl(hv, hv, "-d", store, (char *)NULL);
		_exit(127);
	}
	if (typeahead && write(t->fd, typeahead, strlen(typeahead)) < 0)
		return -1;
	return 0;
}

/* Quit as a person would (C-q, and yes if asked about unsaved typing): a program killed
 * instead would leave the next start to run recovery. */
static void stop(struct term *t)
{
	if (write(t->fd, "\x11", 1) < 0 || write(t->fd, "y", 1) < 0)
		kill(t->pid, SIGTERM);
	for (int i = 0; i < 200; i++) {
		drain(t, NULL, 10);
		if (waitpid(t->pid, NULL, WNOHANG) == t->pid)
			goto done;
	}
	kill(t->pid, SIGTERM);
	waitpid(t->pid, NULL, 0);
done:
	close(t->fd);
	free(t->seen);
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double pct(double *v, int n, int p)
{
	if (n == 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	int i = (n * p + 99) / 100 - 1;
	return v[i < 0 ? 0 : i >= n ? n - 1 : i];
}

/* Type one key and measure: time to the last byte of the repaint, and its bytes. */
static double key(struct term *t, const char *k, size_t *bytes)
{
	double t0 = now_ms();
	if (write(t->fd, k, strlen(k)) < 0)
		return -1;
	double last = drain(t, bytes, 2000);
	return last ? last - t0 : -1;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: bench_ui HOIVIEN STORE RUNS\n");
		return 2;
	}
	const char *hv = argv[1], *store = argv[2];
	int runs = atoi(argv[3]);
	if (runs < 1)
		runs = 1;
	double first[64];
	int nfirst = 0;
	for (int r = 0; r < runs && r < 64; r++) {
		struct term t;
		double t0 = now_ms();
		if (start(&t, hv, store, "1") != 0)
			return 1;
		/* The list's heading, then the quiet after its rows. */
		double last = wait_for(&t, 0, "Organizations", NULL);
		first[nfirst++] = last - t0;
		stop(&t);
	}

	struct term t;
	if (start(&t, hv, store, "1") != 0)
		return 1;
	wait_for(&t, 0, "Organizations", NULL);
	static const char *const searches[] = { "nguyen van", "tran thi h", "le minh", "pham thi thu",
						"hoang", "vu", "dang thi" };
	double lat[512];
	double sbytes[512];
	int nl = 0;
	for (size_t s = 0; s < sizeof searches / sizeof *searches; s++) {
		for (const char *p = searches[s]; *p && nl < 500; p++) {
			char k[2] = { *p, 0 };
			size_t b;
			double ms = key(&t, k, &b);
			if (ms >= 0) {
				lat[nl] = ms;
				sbytes[nl++] = (double)b;
			}
		}
		key(&t, "\x15", NULL);	/* C-u: clear the search */
	}
	/* Scrolling the whole list: Down and PageDown. */
	double down[64], pgdn[64];
	int nd = 0, np = 0;
	for (int i = 0; i < 40; i++) {
		size_t b;
		if (key(&t, "\x1bOB", &b) >= 0)
			down[nd++] = (double)b;
	}
	for (int i = 0; i < 20; i++) {
		size_t b;
		if (key(&t, "\x1b[6~", &b) >= 0)
			pgdn[np++] = (double)b;
	}
	/* Typing into a field of the member card: open the person under the cursor, go to the
	 * notes (the last field: Shift-Tab from the first), type. */
	key(&t, "\r", NULL);
	key(&t, "\x1b[Z", NULL);
	double fbytes[64];
	int nf = 0;
	const char *text = "Ghi chu thu nghiem";
	for (const char *p = text; *p && nf < 64; p++) {
		char k[2] = { *p, 0 };
		size_t b;
		if (key(&t, k, &b) >= 0)
			fbytes[nf++] = (double)b;
	}
	stop(&t);
	printf("first_paint_ms=%.1f key_ms=%.2f key_p90_ms=%.2f search_bytes=%.0f form_bytes=%.0f "
	       "down_bytes=%.0f pagedown_bytes=%.0f keys=%d\n",
	       pct(first, nfirst, 50), pct(lat, nl, 50), pct(lat, nl, 90), pct(sbytes, nl, 50),
	       pct(fbytes, nf, 50), pct(down, nd, 50), pct(pgdn, np, 50), nl);
	return 0;
}
