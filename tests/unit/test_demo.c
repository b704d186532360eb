/* Unit tests for src/core/demo.c: the demo province in a store and as an import file. */
#include "tap.h"

#include "core/demo.h"
#include "core/import.h"
#include "core/record.h"
#include "store/store.h"
#include "util/err.h"
#include "util/msg.h"

#include <inttypes.h>
#include <stdlib.h>
#include <unistd.h>

struct tally {
	uint64_t persons, multi, with_cccd;
	struct store *s;
};

static int count_m(const void *rec, void *ctx)
{
	(void)rec;
	(*(int *)ctx)++;
	return 0;
}

static int per_person(const void *rec, void *ctx)
{
	const struct person *p = rec;
	struct tally *t = ctx;
	int n = 0;
	struct err e;
	err_clear(&e);
	store_each_membership_of_person(t->s, NULL, p->m.id, count_m, &n, &e);
	t->persons++;
	t->multi += n > 1;
	t->with_cccd += p->cccd != NULL;
	return 0;
}

static void quiet(enum msg_level l, const char *text, void *ctx)
{
	(void)l;
	(void)ctx;
	diag("%s", text);
}

int main(void)
{
	msg_set_sink(quiet, NULL);
	char dir[] = "/tmp/hv-demo-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char sdir[64], csv[64];
	snprintf(sdir, sizeof sdir, "%s/store", dir);
	snprintf(csv, sizeof csv, "%s/demo.csv", dir);
	struct store_opts o = { .dir = sdir, .login = "t", .create = true, .bulk = true, .cache_mb = 8 };
	struct store *s;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &o, &e) != 0)
		return 1;
	struct demo_run_opts d = { .persons = 1500, .seed = 3, .today = 20261122 };
	struct demo_report r;
	is_int(demo_run(s, &d, &r, &e), 0, "a demo province of 1500 persons");
	is_int(r.persons, 1500, "1500 persons");
	ok(r.memberships > 1600 && r.memberships < 3000, "%" PRIu64 " memberships", r.memberships);
	ok(r.units > 6 * 4, "%" PRIu64 " units in six trees", r.units);
	struct tally t = { .s = s };
	store_each(s, NULL, REC_PERSON, per_person, &t, &e);
	is_int(t.persons, 1500, "every person stored");
	ok(t.multi > 100, "many belong to more than one organization (%" PRIu64 ")", t.multi);
	ok(t.with_cccd > 1300 && t.with_cccd < 1500, "most, not all, have a CCCD (%" PRIu64 ")", t.with_cccd);
	is_int(store_check(s, &e), 0, "the demo store is consistent");
	is_int(demo_run(s, &d, &r, &e), -ERR_EXISTS, "a second demo on a filled store is refused");
	ok(strstr(e.msg, "-d DIR") != NULL, "saying to use another directory");
	/* The same people as a CSV list import into a new store, one row per membership. */
	struct demo_run_opts dc = { .persons = 300, .seed = 3, .today = 20261122, .csv = csv };
	is_int(demo_run(NULL, &dc, &r, &e), 0, "the demo as an import file");
	store_close(&s);
	char sdir2[64];
	snprintf(sdir2, sizeof sdir2, "%s/store2", dir);
	o.dir = sdir2;
	store_open(&s, &o, &e);
	struct import_opts io = { .path = csv };
	struct import_report ir;
	is_int(import_csv(s, &io, &ir, &e), 0, "it imports");
	is_int(ir.read, r.memberships, "one row per membership");
	is_int(ir.rejected, 0, "without a rejected row");
	import_report_free(&ir);
	store_close(&s);
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
