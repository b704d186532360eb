/* Unit tests for store_check: damage made behind the store's back is found and reported.
 * (The test reaches into the store's databases through store/internal.h to do the damage.) */
#include "tap.h"

#include "core/record.h"
#include "store/internal.h"
#include "util/bytes.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <unistd.h>

static struct buf said = BUF_INIT;

static void sink(enum msg_level l, const char *text, void *ctx)
{
	(void)l;
	(void)ctx;
	buf_adds(&said, text);
	buf_addc(&said, '\n');
}

static int insert_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct person *p = ctx;
	int rc = store_insert(s, t, REC_PERSON, p, e);
	if (rc)
		return rc;
	struct org o = { 0 };
	if ((rc = store_org_by_code(s, t, "ND", &o, e)) != 0)
		return rc;
	struct membership m = { 0 };
	m.person_id = p->m.id;
	m.org_id = o.m.id;
	m.card_no = xstrdup("ND0001");
	rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	rec_clear(&REC_DEF_ORG, &o);
	return rc;
}

static long check(struct store *s)
{
	struct err e;
	err_clear(&e);
	buf_reset(&said);
	return store_check(s, &e);
}

static DB_TXN *begin(struct store *s)
{
	DB_TXN *t;
	s->env->txn_begin(s->env, NULL, &t, 0);
	return t;
}

int main(void)
{
	msg_set_sink(sink, NULL);
	char dir[] = "/tmp/hv-check-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	struct store_opts o = { .dir = dir, .login = "t", .create = true, .cache_mb = 8 };
	struct store *s;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &o, &e) != 0)
		return 1;
	struct person p = { 0 };
	p.full_name = xstrdup("Nguyễn Văn Kiểm");
	p.cccd = xstrdup("001085000777");
	is_int(store_write(s, insert_fn, &p, &e), 0, "a person with a membership");
	uint64_t id = p.m.id;
	is_int(check(s), 0, "a healthy store has no problem");

	/* An index entry removed behind the store's back. */
	unsigned char pk[8];
	be64_put(pk, id);
	struct pidx_op op = { "001085000777", pk, 12, 8, true };
	DB_TXN *t = begin(s);
	is_int(pidx_apply(s->db[DBI_PERSON_CCCD], t, &op, 1, true, NULL, NULL), 0, "entry taken out");
	t->commit(t, 0);
	ok(check(s) > 0, "a missing CCCD entry is found");
	ok(strstr(buf_str(&said), "pidx_person_cccd.db") != NULL, "naming the index");
	/* Put it back, and add one that points nowhere. */
	unsigned char pk2[8];
	be64_put(pk2, 4242);
	struct pidx_op ops[2] = { { "001085000777", pk, 12, 8, false },
				  { "999999999999", pk2, 12, 8, false } };
	t = begin(s);
	is_int(pidx_apply(s->db[DBI_PERSON_CCCD], t, ops, 2, true, NULL, NULL), 0, "entries put in");
	t->commit(t, 0);
	ok(check(s) > 0, "an index entry for a record that does not exist is found");
	ok(strstr(buf_str(&said), "4242") != NULL, "naming the record");
	ops[1].del = true;
	t = begin(s);
	pidx_apply(s->db[DBI_PERSON_CCCD], t, &ops[1], 1, true, NULL, NULL);
	t->commit(t, 0);
	is_int(check(s), 0, "repaired, the store is healthy again");

	/* A block of an index that is damaged, then one stored under a wrong key. */
	DB *cdb = s->db[DBI_PERSON_CCCD];
	t = begin(s);
	DBC *c;
	cdb->cursor(cdb, t, &c, 0);
	DBT bk = { .flags = DB_DBT_MALLOC }, bv = { .flags = DB_DBT_MALLOC };
	is_int(c->get(c, &bk, &bv, DB_FIRST), 0, "the CCCD index has a block");
	c->close(c);
	DBT junk = { .data = "\x07zz", .size = 3 };
	cdb->put(cdb, t, &bk, &junk, 0);
	t->commit(t, 0);
	ok(check(s) > 0, "a block that cannot be read is found");
	ok(strstr(buf_str(&said), "cannot be read") != NULL, "and said so");
	t = begin(s);
	cdb->del(cdb, t, &bk, 0);
	DBT wrong = { .data = "0", .size = 1 };
	cdb->put(cdb, t, &wrong, &bv, 0);
	t->commit(t, 0);
	ok(check(s) > 0, "a block under the wrong key is found");
	ok(strstr(buf_str(&said), "wrong key") != NULL, "and said so");
	t = begin(s);
	cdb->del(cdb, t, &wrong, 0);
	cdb->put(cdb, t, &bk, &bv, 0);
	t->commit(t, 0);
	free(bk.data);
	free(bv.data);
	is_int(check(s), 0, "the block put back, the store is healthy");

	/* A record whose bytes are damaged. */
	t = begin(s);
	DBT pkd = { .data = pk, .size = 8 }, bad = { .data = "\xb1\x85", .size = 2 };
	DBT saved = { .flags = DB_DBT_MALLOC };
	s->db[DBI_PERSON]->get(s->db[DBI_PERSON], t, &pkd, &saved, 0);
	s->db[DBI_PERSON]->put(s->db[DBI_PERSON], t, &pkd, &bad, 0);
	t->commit(t, 0);
	ok(check(s) > 0, "a damaged record is found");
	ok(strstr(buf_str(&said), "damaged") != NULL, "and called damaged");
	t = begin(s);
	s->db[DBI_PERSON]->put(s->db[DBI_PERSON], t, &pkd, &saved, 0);
	t->commit(t, 0);
	free(saved.data);
	is_int(check(s), 0, "restored");

	/* A membership of a person who is gone. */
	t = begin(s);
	DBT keep = { .flags = DB_DBT_MALLOC };
	s->db[DBI_PERSON]->get(s->db[DBI_PERSON], t, &pkd, &keep, 0);
	s->db[DBI_PERSON]->del(s->db[DBI_PERSON], t, &pkd, 0);
	t->commit(t, 0);
	long n = check(s);
	ok(n >= 2, "a deleted person leaves index entries and a membership pointing nowhere (%ld)", n);
	ok(strstr(buf_str(&said), "who does not exist") != NULL, "the membership is named");
	t = begin(s);
	s->db[DBI_PERSON]->put(s->db[DBI_PERSON], t, &pkd, &keep, 0);
	t->commit(t, 0);
	free(keep.data);
	is_int(check(s), 0, "restored again");

	rec_clear(&REC_DEF_PERSON, &p);
	store_close(&s);
	buf_free(&said);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
