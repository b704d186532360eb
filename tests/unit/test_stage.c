/* Unit tests for staged indexing (src/store/stage.c): entries of new records held back and
 * merged in key order, rolled-back batches forgotten, the staging process's own changes,
 * windows, another process kept from changing held-back records, a CCCD clash found at the
 * merge, an interrupted stage completed by the next process to open the store, and the sort
 * of a run's entries. */
#include "tap.h"
#include "store_test.h"

#include "core/record.h"
#include "store/internal.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[64];

static struct store *open_store(void)
{
	return test_open_store(dir, "tester");
}

static void quiet(enum msg_level l, const char *text, void *ctx)
{
	(void)l;
	(void)ctx;
	diag("msg: %s", text);
}

/* ---- bulk batches of persons, each with a membership --------------------------------------- */

struct batch {
	int from, n;		/* persons number from .. from+n-1 */
	uint64_t unit;
	bool fail;		/* return an error after the inserts: the batch is rolled back */
	uint64_t *ids;		/* person ids, by number */
};

static void person_of(int i, struct person *p)
{
	static const char *given[] = { "An", "Bình", "Chi", "Dũng", "Hà", "Lan", "Minh", "Tâm" };
	char name[64], cccd[16];
	snprintf(name, sizeof name, "Nguyễn Văn %s so%04d", given[i % 8], i);
	snprintf(cccd, sizeof cccd, "0010%02d%06d", i % 90 + 10, i);
	memset(p, 0, sizeof *p);
	p->full_name = xstrdup(name);
	p->cccd = xstrdup(cccd);
	p->birth = 19800101;
}

static int batch_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct batch *b = ctx;
	for (int i = b->from; i < b->from + b->n; i++) {
		struct person p;
		person_of(i, &p);
		int rc = store_insert(s, t, REC_PERSON, &p, e);
		if (rc == 0 && b->ids)
			b->ids[i] = p.m.id;
		rec_clear(&REC_DEF_PERSON, &p);
		if (rc)
			return rc;
		struct membership m = { 0 };
		m.person_id = b->ids ? b->ids[i] : 0;
		m.org_id = 1;
		m.unit_id = b->unit;
		char card[32];
		snprintf(card, sizeof card, "T%06d", i);
		m.card_no = xstrdup(card);
		rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
		rec_clear(&REC_DEF_MEMBERSHIP, &m);
		if (rc)
			return rc;
	}
	return b->fail ? err_set(e, ERR_INVAL, "rolled back on purpose") : 0;
}

static int write_batch(struct store *s, int from, int n, uint64_t unit, bool fail, uint64_t *ids)
{
	struct batch b = { from, n, unit, fail, ids };
	struct err e;
	err_clear(&e);
	return store_write_bulk(s, batch_fn, &b, &e);
}

static bool by_cccd(struct store *s, int i, uint64_t *id)
{
	struct person want, got = { 0 };
	person_of(i, &want);
	struct err e;
	err_clear(&e);
	bool found = store_person_by_cccd(s, NULL, want.cccd, &got, &e) == 0;
	if (found && id)
		*id = got.m.id;
	rec_clear(&REC_DEF_PERSON, &want);
	rec_clear(&REC_DEF_PERSON, &got);
	return found;
}

static int count_hit(const struct find_hit *h, void *ctx)
{
	(void)h;
	(*(int *)ctx)++;
	return 0;
}

static int found_by_name(struct store *s, const char *q)
{
	int n = 0;
	struct err e;
	err_clear(&e);
	store_find_name(s, NULL, q, 0, count_hit, &n, NULL, &e);
	return n;
}

static int count_rec(const void *rec, void *ctx)
{
	(void)rec;
	(*(int *)ctx)++;
	return 0;
}

static int members_of_unit(struct store *s, uint64_t unit)
{
	int n = 0;
	struct err e;
	err_clear(&e);
	store_each_membership_of_unit(s, NULL, unit, count_rec, &n, &e);
	return n;
}

static long check(struct store *s)
{
	struct err e;
	err_clear(&e);
	return store_check(s, &e);
}

struct rename {
	uint64_t id;
	const char *name;
};

static int rename_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct rename *r = ctx;
	struct person p = { 0 };
	int rc = store_get(s, t, REC_PERSON, r->id, &p, e);
	if (rc == 0) {
		free(p.full_name);
		p.full_name = xstrdup(r->name);
		bool changed;
		rc = store_update(s, t, REC_PERSON, &p, &changed, e);
	}
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

static int add_unit_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct unit *u = ctx;
	return store_insert(s, t, REC_UNIT, u, e);
}

static uint64_t add_unit(struct store *s)
{
	struct unit u = { 0 };
	u.org_id = 1;
	u.name = xstrdup("Chi hội Thôn Đông");
	struct err e;
	err_clear(&e);
	uint64_t id = store_write(s, add_unit_fn, &u, &e) == 0 ? u.m.id : 0;
	rec_clear(&REC_DEF_UNIT, &u);
	return id;
}

/* ---- the sort of a run ----------------------------------------------------------------------- */

/* An entry as the stage lays it out: index, operation, sequence (4 bytes), key length, value
 * length (2 bytes each), key, value. */
static void put_entry(struct buf *b, unsigned sec, uint32_t seq, const char *key, size_t klen,
		      uint64_t val)
{
	unsigned char h[10] = { (unsigned char)sec, 1, (unsigned char)(seq >> 24),
				(unsigned char)(seq >> 16), (unsigned char)(seq >> 8),
				(unsigned char)seq, 0, (unsigned char)klen, 0, 8 };
	buf_add(b, h, sizeof h);
	buf_add(b, key, klen);
	unsigned char v[8];
	for (int i = 0; i < 8; i++)
		v[i] = (unsigned char)(val >> (56 - 8 * i));
	buf_add(b, v, 8);
}

static int ref_cmp(const unsigned char *a, const unsigned char *b)
{
	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	int c = idx_entry_cmp(a + 10, a[7], a + 10 + a[7], 8, b + 10, b[7], b + 10 + b[7], 8);
	if (c)
		return c;
	uint32_t sa = ((uint32_t)a[2] << 24) | ((uint32_t)a[3] << 16) | ((uint32_t)a[4] << 8) | a[5];
	uint32_t sb = ((uint32_t)b[2] << 24) | ((uint32_t)b[3] << 16) | ((uint32_t)b[4] << 8) | b[5];
	return (sa > sb) - (sa < sb);
}

/* Whether the offsets name every entry of mem once, in order. */
static bool sorted_whole(const struct buf *mem, const uint32_t *offs, size_t n, size_t want)
{
	if (n != want)
		return false;
	const unsigned char *base = (const unsigned char *)mem->p;
	unsigned char *seen = xcalloc(mem->len ? mem->len : 1, 1);
	bool good = true;
	for (size_t i = 0; i < n && good; i++) {
		if (offs[i] >= mem->len || seen[offs[i]]++)
			good = false;
		else if (i && ref_cmp(base + offs[i - 1], base + offs[i]) > 0)
			good = false;
	}
	free(seen);
	return good;
}

static void test_sort(void)
{
	static const char *const names[] = { "sorted", "reversed", "all equal", "few keys",
					     "random", "organ pipe" };
	const size_t n = 20000;
	srand(7);
	for (int pat = 0; pat < 6; pat++) {
		struct buf mem = BUF_INIT;
		for (size_t i = 0; i < n; i++) {
			char key[16];
			size_t kl;
			unsigned sec = 3;
			switch (pat) {
			case 0: kl = (size_t)snprintf(key, sizeof key, "k%08zu", i); break;
			case 1: kl = (size_t)snprintf(key, sizeof key, "k%08zu", n - i); break;
			case 2: kl = (size_t)snprintf(key, sizeof key, "same"); break;
			case 3: kl = (size_t)snprintf(key, sizeof key, "k%d", rand() % 3); break;
			case 5:
				kl = (size_t)snprintf(key, sizeof key, "k%08zu", i < n / 2 ? i : n - i);
				break;
			default:
				sec = 3 + (unsigned)(rand() % 3);
				kl = (size_t)(1 + rand() % 12);
				for (size_t k = 0; k < kl; k++)
					key[k] = (char)("ab\0\1z"[rand() % 5]);
				break;
			}
			/* Equal entries differ by sequence only: the value repeats. */
			put_entry(&mem, sec, (uint32_t)(pat == 1 ? n - i : i), key, kl,
				  (uint64_t)(pat == 2 ? 1 : rand() % 50));
		}
		uint32_t *offs = NULL;
		size_t got = stage_sort_offsets(mem.p, mem.len, &offs);
		ok(sorted_whole(&mem, offs, got, n), "a run of %zu entries, %s, is sorted whole", n,
		   names[pat]);
		free(offs);
		buf_free(&mem);
	}
	uint32_t *offs = NULL;
	is_int((int)stage_sort_offsets("", 0, &offs), 0, "an empty run sorts to nothing");
	free(offs);
}

/* ---- in one process ------------------------------------------------------------------------ */

static void test_stage_in_process(struct store *s, uint64_t unit, uint64_t *ids)
{
	struct err e;
	err_clear(&e);
	/* Tiny runs and windows: spills and several merges on a few hundred records. */
	stage_set_limits(4096, 4, 7, getenv("HV_SYNC") ? 1 : 0);
	is_int(store_stage_begin(s, &e), 0, "a stage opens");
	is_int(write_batch(s, 0, 50, unit, false, ids), 0, "a bulk batch of 50 persons commits");
	uint64_t id = 0;
	ok(!by_cccd(s, 7, NULL), "a held-back person is not found by CCCD before the merge");
	is_int(found_by_name(s, "nguyen van an so0008"), 0, "nor by name");
	struct person p = { 0 };
	ok(store_get(s, NULL, REC_PERSON, ids[7], &p, &e) == 0, "but the record itself is there");
	rec_clear(&REC_DEF_PERSON, &p);
	is_int(write_batch(s, 900, 20, unit, true, ids), -ERR_INVAL, "a batch that fails is rolled back");
	/* The stager's own change of a held-back record: its old entries must not survive. */
	struct rename r = { ids[3], "Trần Thị Hồng" };
	is_int(store_write_bulk(s, rename_fn, &r, &e), 0, "the import renames a person it added");
	int merges = 0;
	for (int b = 1; b < 8; b++) {
		is_int(write_batch(s, b * 50, 50, unit, false, ids), 0, "batch %d commits", b);
		if (store_stage_full(s)) {
			struct buf c = BUF_INIT;
			if (store_stage_merge(s, &c, &e) == 0)
				merges++;
			buf_free(&c);
			ok(by_cccd(s, b * 50 + 10, &id) && id == ids[b * 50 + 10],
			   "after a merge the window's persons are found by CCCD");
		}
	}
	ok(merges >= 2, "the stage filled up and was merged %d times on the way", merges);
	struct buf conflicts = BUF_INIT;
	is_int(store_stage_end(s, &conflicts, &e), 0, "the stage ends with a last merge");
	is_int((int)conflicts.len, 0, "without clashes");
	buf_free(&conflicts);
	stage_set_limits(0, 0, 0, 0);
	int all = 0;
	for (int i = 0; i < 400; i++)
		all += by_cccd(s, i, &id) && id == ids[i];
	is_int(all, 400, "every person is found by CCCD");
	is_int(members_of_unit(s, unit), 400, "every membership is listed under its unit");
	is_int(found_by_name(s, "tran thi hong"), 1, "the renamed person is found by the new name");
	is_int(found_by_name(s, "nguyen van dung so0003"), 0, "and not by the old one");
	is_int(found_by_name(s, "nguyen van an so0008"), 1, "a person of the first batch is found by name");
	ok(!by_cccd(s, 905, NULL), "nothing of the rolled-back batch was filed");
	is_int(check(s), 0, "the check finds the indexes and records in agreement");
}

/* ---- another process staging ----------------------------------------------------------------- */

/* In a child: open the store, begin a stage and write n persons from number from in batches
 * of 25.  0, or the step that failed. */
static int child_stage(struct store **cs, int from, int n, uint64_t unit, uint64_t *ids)
{
	struct err e;
	err_clear(&e);
	*cs = open_store();
	if (!*cs)
		return 1;
	if (store_stage_begin(*cs, &e) != 0)
		return 2;
	for (int b = from; b < from + n; b += 25)
		if (write_batch(*cs, b, n - (b - from) < 25 ? n - (b - from) : 25, unit, false, ids))
			return 3;
	return 0;
}

static void wait_byte(int fd)
{
	char c;
	while (read(fd, &c, 1) < 0)
		;
}

static void send_byte(int fd)
{
	while (write(fd, "x", 1) < 0)
		;
}

struct insert_one {
	struct person *p;
};

static int insert_one_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct insert_one *io = ctx;
	return store_insert(s, t, REC_PERSON, io->p, e);
}

/* The child stages person 1000 and waits; meanwhile the parent cannot change it, cannot start
 * a stage of its own, and gives its CCCD to a person of its own; the child's merge then finds
 * the clash. */
static void test_other_process(struct store *s, uint64_t unit)
{
	int up[2], down[2], idp[2];
	if (pipe(up) != 0 || pipe(down) != 0 || pipe(idp) != 0)
		return;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct store *cs;
		struct err e;
		err_clear(&e);
		uint64_t ids[1001] = { 0 };
		int st = child_stage(&cs, 1000, 1, unit, ids);
		while (write(idp[1], &ids[1000], sizeof ids[1000]) < 0)
			;
		send_byte(up[1]);
		wait_byte(down[0]);
		struct buf c = BUF_INIT;
		if (!st && store_stage_end(cs, &c, &e) != 0)
			st = 4;
		if (!st && (c.len == 0 || !strstr(buf_str(&c), "CCCD")))
			st = 5;
		buf_free(&c);
		store_close(&cs);
		_exit(st);
	}
	wait_byte(up[0]);
	uint64_t staged = 0;
	while (read(idp[0], &staged, sizeof staged) < 0)
		;
	struct err e;
	err_clear(&e);
	struct rename r = { staged, "Lê Văn Khác" };
	is_int(store_write(s, rename_fn, &r, &e), -ERR_BUSY,
	       "another process cannot change a person an import holds back");
	ok(strstr(e.msg, "import") != NULL, "and is told why: %s", e.msg);
	err_clear(&e);
	is_int(store_stage_begin(s, &e), 1, "nor start a stage of its own meanwhile");
	is_int(check(s), 0, "a check during the stage leaves the held-back records out and passes");
	struct person p;
	person_of(1000, &p);
	struct insert_one io = { &p };
	is_int(store_write(s, insert_one_fn, &io, &e), 0,
	       "another person gets the same CCCD (the staged one is not visible yet)");
	uint64_t mine = p.m.id;
	rec_clear(&REC_DEF_PERSON, &p);
	send_byte(down[1]);
	int status = 0;
	waitpid(pid, &status, 0);
	is_int(WIFEXITED(status) ? WEXITSTATUS(status) : 99, 0,
	       "the staging process merged and reported the CCCD clash");
	uint64_t holder = 0;
	ok(by_cccd(s, 1000, &holder) && holder == mine, "the CCCD stays with the person who got it first");
	struct person q = { 0 };
	ok(store_get(s, NULL, REC_PERSON, staged, &q, &e) == 0 && q.cccd == NULL,
	   "the held-back person was kept, without the CCCD");
	rec_clear(&REC_DEF_PERSON, &q);
	is_int(store_write(s, rename_fn, &r, &e), 0, "once the import is over, it can be changed");
	is_int(check(s), 0, "and the store is consistent");
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);
	close(idp[0]);
	close(idp[1]);
}

/* The child stages and dies without merging; the next open completes the indexes. */
static void test_interrupted(uint64_t unit)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct store *cs;
		uint64_t ids[2100] = { 0 };
		int st = child_stage(&cs, 2000, 100, unit, ids);
		if (st)
			_exit(st);
		kill(getpid(), SIGKILL);	/* no merge, no close */
	}
	int status = 0;
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	   "a process staged 100 persons and was killed");
	struct store *s = open_store();
	ok(s != NULL, "the store opens after it");
	if (!s)
		return;
	int found = 0;
	for (int i = 2000; i < 2100; i++)
		found += by_cccd(s, i, NULL);
	is_int(found, 100, "its committed persons were filed by the open");
	is_int(found_by_name(s, "nguyen van an so2000"), 1, "and are found by name");
	is_int(check(s), 0, "the check passes");
	struct err e;
	err_clear(&e);
	is_int(store_stage_begin(s, &e), 0, "a new stage can begin");
	struct buf c = BUF_INIT;
	is_int(store_stage_end(s, &c, &e), 0, "and end");
	buf_free(&c);
	store_close(&s);
}

/* Indexes missing from a store (one made by an earlier version, whose index files had other
 * names) are built from the records when it is opened, through sorted runs: with tiny runs
 * here, and few of them, so that the build merges several times. */
static void test_rebuild(uint64_t unit)
{
	struct store *s = open_store();
	int members = members_of_unit(s, unit);
	DB_TXN *t;
	s->env->txn_begin(s->env, NULL, &t, 0);
	for (int i = 0; i < DBI__COUNT; i++) {
		if (store_db_specs[i].primary < 0)
			continue;
		u_int32_t gone;
		s->db[i]->truncate(s->db[i], t, &gone, 0);
		char key[64];
		int kn = snprintf(key, sizeof key, "index:%s", store_db_specs[i].file);
		DBT k = { .data = key, .size = (u_int32_t)kn };
		s->db[DBI_META]->del(s->db[DBI_META], t, &k, 0);
	}
	/* An index file of the earlier kind, to be removed once the new ones are built. */
	DB *old;
	db_create(&old, s->env, 0);
	old->set_flags(old, DB_DUPSORT);
	ok(old->open(old, t, "idx_person_word.db", NULL, DB_BTREE, DB_CREATE, 0600) == 0,
	   "an old index file");
	old->close(old, 0);
	t->commit(t, 0);
	ok(by_cccd(s, 5, NULL) == false, "with the indexes emptied, a CCCD is not found");
	store_close(&s);
	stage_set_limits(4096, 3, 5, 0);
	s = open_store();
	stage_set_limits(0, 0, 0, 0);
	ok(s != NULL, "the store opens and builds its indexes");
	if (!s)
		return;
	uint64_t id = 0;
	ok(by_cccd(s, 5, &id) && id != 0, "a CCCD is found again");
	is_int(found_by_name(s, "nguyen van an so2000"), 1, "a name too");
	is_int(members_of_unit(s, unit), members, "the unit has its %d members again", members);
	is_int(check(s), 0, "the check passes");
	char path[128];
	snprintf(path, sizeof path, "%s/idx_person_word.db", dir);
	ok(access(path, F_OK) != 0, "the old index file is gone");
	store_close(&s);
}

/* A bulk writer's checkpoints come from its flusher thread: the log passes 16 MB and a
 * checkpoint follows while the writer only writes.  Without threads (HV_SYNC) there is no
 * flusher, and store_checkpoint does it on the writer's thread. */
static DB_LSN last_checkpoint(struct store *s)
{
	DB_TXN_STAT *st = NULL;
	DB_LSN l = { 0, 0 };
	if (s->env->txn_stat(s->env, &st, 0) == 0) {
		l = st->st_last_ckp;
		free(st);
	}
	return l;
}

static void test_flusher(void)
{
	char sub[sizeof dir + 16];
	snprintf(sub, sizeof sub, "%s/flush", dir);
	struct store_opts o = { .dir = sub, .login = "tester", .create = true, .bulk = true,
				.cache_mb = 8 };
	struct err e;
	err_clear(&e);
	struct store *s = NULL;
	if (store_open(&s, &o, &e) != 0) {
		ok(0, "open a bulk store: %s", e.msg);
		return;
	}
	ok(s->flusher != NULL, "a bulk writer has a flusher thread");
	uint64_t unit = add_unit(s);
	DB_LSN before = last_checkpoint(s);
	uint64_t *ids = xcalloc(400 * 500, sizeof *ids);
	bool wrote = true;
	int batches = 0;
	for (; wrote && batches < 400; batches++) {
		wrote = write_batch(s, batches * 500, 500, unit, false, ids) == 0;
		DB_LOG_STAT *ls = NULL;
		if (s->env->log_stat(s->env, &ls, 0) == 0) {
			bool enough = ls->st_w_mbytes >= 20;
			free(ls);
			if (enough)
				break;
		}
	}
	ok(wrote, "%d batches written", batches);
	DB_LSN after = before;
	for (int i = 0; i < 100 && log_compare(&after, &before) <= 0; i++) {
		usleep(50 * 1000);
		after = last_checkpoint(s);
	}
	ok(log_compare(&after, &before) > 0, "past 16 MB of log, a checkpoint the writer did not make "
	   "(%u/%u, before %u/%u)", after.file, after.offset, before.file, before.offset);
	free(ids);
	store_close(&s);
	setenv("HV_SYNC", "1", 1);
	snprintf(sub, sizeof sub, "%s/flush1", dir);
	if (store_open(&s, &o, &e) == 0) {
		ok(s->flusher == NULL, "without threads, no flusher");
		store_close(&s);
	} else {
		ok(0, "open a bulk store without threads: %s", e.msg);
	}
	unsetenv("HV_SYNC");
}

int main(void)
{
	msg_set_sink(quiet, NULL);
	snprintf(dir, sizeof dir, "/tmp/hv-stage-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	struct store *s = open_store();
	ok(s != NULL, "create a store");
	if (!s)
		return done_testing();
	uint64_t unit = add_unit(s);
	ok(unit != 0, "a unit to put the memberships in");
	test_sort();
	uint64_t *ids = xcalloc(1000, sizeof *ids);
	test_stage_in_process(s, unit, ids);
	test_other_process(s, unit);
	store_close(&s);
	/* Again in a store of its own without threads: runs sorted and merges filed as they are
	 * made, on the one thread (what happens when no thread can be had); and every record's
	 * entries held back as it is written, as for a record too big for the indexer thread. */
	char threaded[sizeof dir];
	memcpy(threaded, dir, sizeof dir);
	snprintf(dir, sizeof dir, "%.40s/sync", threaded);
	setenv("HV_SYNC", "1", 1);
	if ((s = open_store()) != NULL) {
		diag("without threads");
		test_stage_in_process(s, add_unit(s), ids);
		store_close(&s);
	}
	unsetenv("HV_SYNC");
	memcpy(dir, threaded, sizeof dir);
	free(ids);
	test_interrupted(unit);
	test_rebuild(unit);
	test_flusher();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
