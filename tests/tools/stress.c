/* A staff member in a loop, for the concurrency test: read a person (as a form would), change
 * a field, save with the version read; on "changed by someone else" read again and redo.
 * Usage: stress DIR PERSON_ID COUNT
 * Adds 1 to the counter kept in the person's notes COUNT times, then prints
 * "saved=N conflicts=C busy=B". */
#include "core/record.h"
#include "store/store.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
	uint64_t id;
	struct person p;
};

static int read_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct job *j = ctx;
	return store_get(s, t, REC_PERSON, j->id, &j->p, e);
}

static int save_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct job *j = ctx;
	bool changed;
	return store_update(s, t, REC_PERSON, &j->p, &changed, e);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: stress DIR PERSON_ID COUNT\n");
		return 2;
	}
	struct store_opts o = { .dir = argv[1], .login = "stress" };
	struct store *s;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &o, &e)) {
		fprintf(stderr, "stress: %s\n", e.msg);
		return 1;
	}
	struct job j = { .id = strtoull(argv[2], NULL, 10) };
	long count = strtol(argv[3], NULL, 10), saved = 0, conflicts = 0, busy = 0;
	int rc = 0;
	while (saved < count) {
		err_clear(&e);
		if ((rc = store_read(s, read_fn, &j, &e)) != 0)
			break;
		long v = j.p.notes ? strtol(j.p.notes, NULL, 10) : 0;
		char buf[32];
		snprintf(buf, sizeof buf, "%ld", v + 1);
		free(j.p.notes);
		j.p.notes = xstrdup(buf);
		rc = store_write(s, save_fn, &j, &e);
		if (rc == -ERR_CONFLICT) {
			conflicts++;
			continue;
		}
		if (rc == -ERR_BUSY) {
			busy++;
			continue;
		}
		if (rc)
			break;
		saved++;
	}
	if (rc && rc != -ERR_CONFLICT && rc != -ERR_BUSY)
		fprintf(stderr, "stress: %s\n", e.msg);
	rec_clear(&REC_DEF_PERSON, &j.p);
	store_close(&s);
	printf("saved=%ld conflicts=%ld busy=%ld\n", saved, conflicts, busy);
	return saved == count ? 0 : 1;
}
