/* Unit tests for src/core/demo.c: the demo province in a store and as an import file. */
#include "tap.h"

#include "core/dedupe.h"
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

/* The duplicates' truth, checked against the store as it arrives. */
struct truth {
	struct store *s;
	uint64_t pairs, stored, one_cccd, one_key, distinct;
};

static void on_truth(uint64_t a, uint64_t b, unsigned kinds, void *ctx)
{
	struct truth *t = ctx;
	struct person pa = { 0 }, pb = { 0 };
	struct err e;
	(void)kinds;
	err_clear(&e);
	t->pairs++;
	t->distinct += a != b;
	if (store_get(t->s, NULL, REC_PERSON, a, &pa, &e) == 0 &&
	    store_get(t->s, NULL, REC_PERSON, b, &pb, &e) == 0) {
		struct dedupe_pair dp;
		t->stored++;
		t->one_cccd += !(pa.cccd && pb.cccd);
		t->one_key += dedupe_compare(&pa, &pb, &dp);
	}
	rec_clear(&REC_DEF_PERSON, &pa);
	rec_clear(&REC_DEF_PERSON, &pb);
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

	/* Duplicates with their truth: a second record of the same human in another organization. */
	char sdir3[64], truth[64], csv2[64];
	snprintf(sdir3, sizeof sdir3, "%s/store3", dir);
	snprintf(truth, sizeof truth, "%s/truth.txt", dir);
	snprintf(csv2, sizeof csv2, "%s/dups.csv", dir);
	o.dir = sdir3;
	store_open(&s, &o, &e);
	struct truth tr = { .s = s };
	struct demo_run_opts dd = { .persons = 1000, .seed = 5, .today = 20261122, .dup_rate = 0.1,
				    .truth = on_truth, .truth_ctx = &tr, .truth_path = truth };
	is_int(demo_run(s, &dd, &r, &e), 0, "a demo with duplicates");
	ok(r.duplicates > 60 && r.duplicates < 140, "about a tenth registered twice (%" PRIu64 ")",
	   r.duplicates);
	is_int(r.persons, 1000 + r.duplicates, "the second records are persons too");
	uint64_t n = 0;
	store_count(s, NULL, REC_PERSON, &n, &e);
	is_int(n, r.persons, "all in the store");
	is_int(tr.pairs, r.duplicates, "each pair told once");
	ok(tr.stored == tr.pairs && tr.distinct == tr.pairs, "pairs of two stored persons");
	is_int(tr.one_cccd, tr.pairs, "never a CCCD on both records");
	is_int(tr.one_key, tr.pairs, "the names of a pair share a variant key");
	FILE *tf = fopen(truth, "r");
	int lines = 0, ch;
	while (tf && (ch = fgetc(tf)) != EOF)
		lines += ch == '\n';
	if (tf)
		fclose(tf);
	is_int(lines, r.duplicates, "the truth file has a line per pair");
	is_int(store_check(s, &e), 0, "the store with duplicates is consistent");
	store_close(&s);
	struct demo_run_opts dbad = { .persons = 10, .seed = 5, .csv = csv2, .dup_rate = 0.1,
				      .truth_path = truth };
	is_int(demo_run(NULL, &dbad, &r, &e), -ERR_USAGE, "no truth for an import file");
	struct demo_run_opts dcsv = { .persons = 300, .seed = 3, .today = 20261122, .csv = csv2,
				      .dup_rate = 0.1 };
	is_int(demo_run(NULL, &dcsv, &r, &e), 0, "an import file with duplicates");
	ok(r.duplicates > 10, "%" PRIu64 " of them", r.duplicates);
	char sdir4[64];
	snprintf(sdir4, sizeof sdir4, "%s/store4", dir);
	o.dir = sdir4;
	store_open(&s, &o, &e);
	struct import_opts io2 = { .path = csv2 };
	is_int(import_csv(s, &io2, &ir, &e), 0, "it imports");
	is_int(ir.rejected, 0, "without a rejected row");
	store_count(s, NULL, REC_PERSON, &n, &e);
	/* (more: a person without a CCCD in two organizations arrives as two rows the import
	 * cannot tie together, which is what dedupe is for) */
	ok(n >= r.persons, "the second records stay persons of their own (%" PRIu64 " for %" PRIu64
	   ")", n, r.persons);
	import_report_free(&ir);
	store_close(&s);
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
