/* Unit tests for packed indexes (src/store/pidx.c): the same random additions and removals
 * go into a packed index and into a Berkeley DB database with sorted duplicates, and every
 * cursor operation must answer the same on both, through splits, emptied blocks and keys that
 * hold many entries.  Then the unique-index rules and the check. */
#include "tap.h"

#include "store/internal.h"
#include "util/bytes.h"
#include "util/rng.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static DB_ENV *env;

static void bail(const char *what)
{
	printf("Bail out! %s\n", what);
	exit(1);
}

static void count_bad(void *ctx, enum pidx_bad what)
{
	(void)what;
	(*(int *)ctx)++;
}

static DB *open_db(const char *file, bool dupsort)
{
	DB *db;
	db_create(&db, env, 0);
	if (dupsort)
		db->set_flags(db, DB_DUPSORT);
	db->set_pagesize(db, 4096);
	if (db->open(db, NULL, file, NULL, DB_BTREE, DB_CREATE | DB_AUTO_COMMIT, 0600) != 0)
		bail(file);
	return db;
}

/* Keys from a small alphabet with zero bytes in them (they must sort right once escaped);
 * values an 8-byte id and a little payload. */
static size_t make_key(struct rng *r, unsigned char *k)
{
	static const unsigned char alpha[] = { 0, 1, 'a', 'b', 'c', 0xff };
	size_t n = 1 + rng_below(r, 4);
	for (size_t i = 0; i < n; i++)
		k[i] = alpha[rng_below(r, sizeof alpha)];
	return n;
}

static size_t make_val(struct rng *r, unsigned char *v)
{
	be64_put(v, rng_below(r, 3000));
	size_t extra = rng_below(r, 30);
	for (size_t i = 0; i < extra; i++)
		v[8 + i] = (unsigned char)('A' + rng_below(r, 26));
	return 8 + extra;
}

/* Operations applied in a transaction of their own. */
static int apply_txn(DB *db, const struct pidx_op *ops, size_t n, bool unique)
{
	DB_TXN *t;
	env->txn_begin(env, NULL, &t, 0);
	int rc = pidx_apply(db, t, ops, n, unique, NULL, NULL);
	t->commit(t, 0);
	return rc;
}

/* Items Berkeley DB stores for an index: its blocks. */
static unsigned stored_items(DB *db)
{
	DB_BTREE_STAT *st;
	db->stat(db, NULL, &st, 0);
	unsigned n = st->bt_nkeys;
	free(st);
	return n;
}

static bool same_dbt(const DBT *a, const DBT *b)
{
	return a->size == b->size && memcmp(a->data, b->data, a->size) == 0;
}

/* Apply ops to both stores. */
static void apply_both(DB *ref, DB *pk, struct pidx_op *ops, size_t n)
{
	DB_TXN *t;
	env->txn_begin(env, NULL, &t, 0);
	for (size_t i = 0; i < n; i++) {
		DBT k = { .data = (void *)ops[i].key, .size = ops[i].klen };
		DBT d = { .data = (void *)ops[i].data, .size = ops[i].dlen };
		if (ops[i].del) {
			DBC *c;
			ref->cursor(ref, t, &c, 0);
			if (c->get(c, &k, &d, DB_GET_BOTH) == 0)
				c->del(c, 0);
			c->close(c);
		} else {
			ref->put(ref, t, &k, &d, DB_NODUPDATA);
		}
	}
	pidx_sort(ops, n);
	int rc = pidx_apply(pk, t, ops, n, false, NULL, NULL);
	if (rc)
		bail(db_strerror(rc));
	t->commit(t, 0);
}

/* Walk both forwards and backwards: the same entries in the same order. */
static bool same_walk(DB *ref, DB *pk, u_int32_t first, u_int32_t step, size_t *count)
{
	DBC *c;
	struct pcur *p;
	ref->cursor(ref, NULL, &c, 0);
	pcur_open(pk, NULL, &p, 0);
	DBT k1 = { 0 }, d1 = { 0 }, k2 = { 0 }, d2 = { 0 };
	int r1 = c->get(c, &k1, &d1, first), r2 = pcur_get(p, &k2, &d2, first);
	bool same = true;
	*count = 0;
	while (same && r1 == 0 && r2 == 0) {
		same = same_dbt(&k1, &k2) && same_dbt(&d1, &d2);
		(*count)++;
		r1 = c->get(c, &k1, &d1, step);
		r2 = pcur_get(p, &k2, &d2, step);
	}
	c->close(c);
	pcur_close(p);
	return same && r1 == r2;
}

/* Seeks of every kind to random targets answer alike. */
static int seeks_differ(DB *ref, DB *pk, struct rng *r, int tries)
{
	int bad = 0;
	DBC *c;
	struct pcur *p;
	ref->cursor(ref, NULL, &c, 0);
	pcur_open(pk, NULL, &p, 0);
	static const u_int32_t ops[] = { DB_SET, DB_SET_RANGE, DB_GET_BOTH, DB_GET_BOTH_RANGE };
	for (int i = 0; i < tries; i++) {
		unsigned char kb[8], vb[40];
		size_t kl = make_key(r, kb), vl = make_val(r, vb);
		u_int32_t op = ops[rng_below(r, 4)];
		DBT k1 = { .data = kb, .size = (u_int32_t)kl }, d1 = { .data = vb, .size = (u_int32_t)vl };
		DBT k2 = k1, d2 = d1;
		int r1 = c->get(c, &k1, &d1, op), r2 = pcur_get(p, &k2, &d2, op);
		if (r1 != r2 || (r1 == 0 && !(same_dbt(&k1, &k2) && same_dbt(&d1, &d2)))) {
			bad++;
			continue;
		}
		if (r1)
			continue;
		/* Then a few steps on, by duplicates or by keys. */
		u_int32_t step = rng_below(r, 2) ? DB_NEXT_DUP : DB_NEXT_NODUP;
		if (op == DB_SET_RANGE || rng_below(r, 3) == 0)
			step = rng_below(r, 2) ? DB_NEXT : DB_PREV;
		for (int j = 0; j < 5; j++) {
			r1 = c->get(c, &k1, &d1, step);
			r2 = pcur_get(p, &k2, &d2, step);
			if (r1 != r2 || (r1 == 0 && !(same_dbt(&k1, &k2) && same_dbt(&d1, &d2)))) {
				bad++;
				break;
			}
			if (r1)
				break;
		}
		/* DB_CURRENT after a found entry. */
		if (r1 == 0) {
			r1 = c->get(c, &k1, &d1, DB_CURRENT);
			r2 = pcur_get(p, &k2, &d2, DB_CURRENT);
			if (r1 != r2 || !same_dbt(&k1, &k2) || !same_dbt(&d1, &d2))
				bad++;
		}
	}
	c->close(c);
	pcur_close(p);
	return bad;
}

static void dbt_flags(void)
{
	DB *pk = open_db("flags.db", false);
	unsigned char v[12];
	be64_put(v, 77);
	memcpy(v + 8, "abcd", 4);
	struct pidx_op op = { "key", v, 3, 12, false };
	apply_txn(pk, &op, 1, false);
	unsigned char small[8];
	DBT k = { .data = "key", .size = 3 };
	DBT d = { .data = small, .ulen = 8, .flags = DB_DBT_USERMEM };
	is_int(pidx_get(pk, NULL, &k, &d, 0), DB_BUFFER_SMALL, "USERMEM too small: DB_BUFFER_SMALL");
	is_int((int)d.size, 12, "and the size needed");
	DBT part = { .data = small, .ulen = 8, .dlen = 8, .flags = DB_DBT_USERMEM | DB_DBT_PARTIAL };
	is_int(pidx_get(pk, NULL, &k, &part, 0), 0, "PARTIAL: the first 8 bytes");
	ok(part.size == 8 && be64_get(small) == 77, "are the id");
	DBT m = { .flags = DB_DBT_MALLOC };
	is_int(pidx_get(pk, NULL, &k, &m, 0), 0, "MALLOC");
	ok(m.size == 12 && memcmp((char *)m.data + 8, "abcd", 4) == 0, "the whole value");
	free(m.data);
	DBT none = { .data = "nope", .size = 4 };
	DBT r = { .flags = DB_DBT_REALLOC };
	is_int(pidx_get(pk, NULL, &none, &r, 0), DB_NOTFOUND, "a missing key: DB_NOTFOUND");
	free(r.data);
	pk->close(pk, 0);
}

static void unique_rules(void)
{
	DB *pk = open_db("unique.db", false);
	unsigned char a[8], b[8];
	be64_put(a, 1);
	be64_put(b, 2);
	struct pidx_op add_a = { "0123", a, 4, 8, false }, add_b = { "0123", b, 4, 8, false };
	DB_TXN *t;
	env->txn_begin(env, NULL, &t, 0);
	is_int(pidx_apply(pk, t, &add_a, 1, true, NULL, NULL), 0, "unique: a key for record 1");
	is_int(pidx_apply(pk, t, &add_a, 1, true, NULL, NULL), 0, "the same entry again: nothing");
	is_int(pidx_apply(pk, t, &add_b, 1, true, NULL, NULL), DB_KEYEXIST,
	       "the key for record 2: DB_KEYEXIST");
	/* Moving the key: its removal from 1 and addition to 2 together. */
	struct pidx_op move[2] = { { "0123", a, 4, 8, true }, { "0123", b, 4, 8, false } };
	pidx_sort(move, 2);
	is_int(pidx_apply(pk, t, move, 2, true, NULL, NULL), 0, "moved from 1 to 2 at once");
	unsigned char got[8];
	DBT k = { .data = "0123", .size = 4 };
	DBT d = { .data = got, .ulen = 8, .flags = DB_DBT_USERMEM };
	ok(pidx_get(pk, t, &k, &d, 0) == 0 && be64_get(got) == 2, "record 2 holds it");
	t->commit(t, 0);
	pk->close(pk, 0);
}

static int clashes;
static uint64_t clash_holder;

static void on_clash(void *ctx, size_t op, const void *holder, size_t hlen)
{
	(void)ctx;
	(void)op;
	clashes++;
	clash_holder = hlen >= 8 ? be64_get(holder) : 0;
}

/* Many keys in order (an import's merge), then clashing additions reported, not written. */
static void bulk_unique(void)
{
	DB *pk = open_db("cccd.db", false);
	size_t n = 20000;
	char (*keys)[16] = xmalloc(n * sizeof *keys);
	unsigned char (*vals)[8] = xmalloc(n * sizeof *vals);
	struct pidx_op *ops = xmalloc(n * sizeof *ops);
	for (size_t i = 0; i < n; i++) {
		snprintf(keys[i], sizeof keys[i], "%012zu", i * 7);
		be64_put(vals[i], i + 1);
		ops[i] = (struct pidx_op){ keys[i], vals[i], 12, 8, false };
	}
	is_int(apply_txn(pk, ops, n, true), 0, "20,000 keys in one go");
	unsigned items = stored_items(pk);
	ok(items < n / 10, "packed: %u stored items for %zu entries", items, n);
	DB_TXN *t;
	/* Record 99999 claims two taken keys and one free one. */
	unsigned char v[8];
	be64_put(v, 99999);
	char free_key[16];
	snprintf(free_key, sizeof free_key, "%012d", 8);
	struct pidx_op claim[3] = { { keys[10], v, 12, 8, false }, { free_key, v, 12, 8, false },
				    { keys[19999], v, 12, 8, false } };
	pidx_sort(claim, 3);
	env->txn_begin(env, NULL, &t, 0);
	is_int(pidx_apply(pk, t, claim, 3, true, on_clash, NULL), 0, "clashes go to the callback");
	t->commit(t, 0);
	is_int(clashes, 2, "two clashes");
	is_int((int)clash_holder, 20000, "naming the holder of the last");
	uint64_t entries = 0;
	int bad = 0;
	pidx_verify(pk, NULL, count_bad, &bad, &entries);
	is_int(bad, 0, "sound blocks");
	is_int((int)entries, (int)n + 1, "the free key was filed, the taken ones were not");
	free(keys);
	free(vals);
	free(ops);
	pk->close(pk, 0);
}

int main(void)
{
	char dir[] = "/tmp/hv-pidx-XXXXXX";
	if (!mkdtemp(dir))
		bail("mkdtemp");
	db_env_create(&env, 0);
	env->set_cachesize(env, 0, 8u << 20, 1);
	if (env->open(env, dir, DB_CREATE | DB_INIT_MPOOL | DB_INIT_TXN | DB_INIT_LOCK |
		      DB_INIT_LOG, 0600) != 0)
		bail("cannot open an environment");
	env->set_flags(env, DB_TXN_NOSYNC, 1);

	DB *ref = open_db("ref.db", true), *pk = open_db("packed.db", false);
	struct rng r;
	rng_seed(&r, 12345);
	size_t n = 0;
	bool walks = true;
	int seek_bad = 0;
	for (int round = 0; round < 40; round++) {
		/* Additions mostly at first, then as many removals: blocks split and empty. */
		struct pidx_op ops[300];
		unsigned char kb[300][8], vb[300][40];
		size_t nops = 1 + rng_below(&r, 300);
		for (size_t i = 0; i < nops; i++) {
			size_t kl = make_key(&r, kb[i]), vl = make_val(&r, vb[i]);
			bool del = rng_below(&r, 40) < (unsigned)round;
			ops[i] = (struct pidx_op){ kb[i], vb[i], (uint32_t)kl, (uint32_t)vl, del };
		}
		/* A key and value made twice in one batch is the same operation twice. */
		apply_both(ref, pk, ops, nops);
		size_t fwd, back;
		walks = walks && same_walk(ref, pk, DB_FIRST, DB_NEXT, &fwd) &&
			same_walk(ref, pk, DB_LAST, DB_PREV, &back) && fwd == back;
		seek_bad += seeks_differ(ref, pk, &r, 60);
		n = fwd;
	}
	ok(walks, "forward and backward walks agree with sorted duplicates after each of 40 batches");
	is_int(seek_bad, 0, "DB_SET, _RANGE, GET_BOTH, _RANGE, then NEXT/PREV/NEXT_DUP/NEXT_NODUP agree");
	diag("%zu entries left", n);
	int bad = 0;
	uint64_t entries = 0;
	is_int(pidx_verify(pk, NULL, count_bad, &bad, &entries), 0, "verify walks the index");
	is_int(bad, 0, "every block is sound");
	is_int((int)entries, (int)n, "and holds every entry");

	/* Everything removed: no block is left. */
	{
		DBC *c;
		ref->cursor(ref, NULL, &c, 0);
		DBT k = { 0 }, d = { 0 };
		struct buf all = BUF_INIT;
		size_t cnt = 0;
		while (c->get(c, &k, &d, DB_NEXT) == 0) {
			idx_put_entry(&all, k.data, k.size, d.data, d.size);
			cnt++;
		}
		c->close(c);
		struct pidx_op *ops = xmalloc((cnt ? cnt : 1) * sizeof *ops);
		size_t pos = 0, i = 0;
		struct idx_entry en;
		while (idx_entry_next(&all, &pos, &en))
			ops[i++] = (struct pidx_op){ en.key, en.data, en.klen, en.dlen, true };
		is_int(apply_txn(pk, ops, cnt, false), 0, "every entry removed");
		is_int((int)stored_items(pk), 0, "no block left");
		free(ops);
		buf_free(&all);
	}
	ref->close(ref, 0);
	pk->close(pk, 0);

	dbt_flags();
	unique_rules();
	bulk_unique();

	env->close(env, 0);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
