/* Unit tests for the audit trail (src/store/audit.c): the persons and memberships bulk
 * transactions create are audited by one creation range per type and transaction, and each
 * record's history still starts with its creation (login, time, what it was created as), before
 * the changes made to it in the same transaction and later; an id whose insert failed has no
 * history; a rolled-back batch leaves no range; removed and merged records keep their
 * creation; interactive saves keep an entry per record; an import writes a few entries per
 * batch; the check accepts all this and finds a range that overlaps another. */
#include "tap.h"
#include "store_test.h"

#include "core/import.h"
#include "core/record.h"
#include "store/internal.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/bytes.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void quiet(enum msg_level l, const char *text, void *ctx)
{
	(void)l;
	(void)ctx;
	diag("msg: %s", text);
}

/* ---- a record's history, gathered --------------------------------------------------------- */

static int history(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
		   struct audit_list *h)
{
	struct err e;
	err_clear(&e);
	int rc = store_audit_list(s, t, type, id, h, &e);
	if (rc)
		diag("history of %d %" PRIu64 ": %s", (int)type, id, e.msg);
	return rc;
}

static const char *str(const char *s)
{
	return s ? s : "";
}

/* A history starts with its creation, as the entry of its own would have been, and its
 * sequence numbers increase. */
static bool starts_created(const struct audit_list *h, enum rec_type type, uint64_t id,
			   const char *after)
{
	if (h->n == 0)
		return false;
	const struct audit *a = &h->v[0];
	bool good = a->op == AUDIT_CREATE && a->rec_type == type && a->rec_id == id &&
		    strcmp(str(a->login), "tester") == 0 && a->time > 1600000000 &&
		    !*str(a->field) && !*str(a->before) && strcmp(str(a->after), after) == 0;
	for (size_t i = 1; good && i < h->n; i++)
		good = h->v[i].m.id > h->v[i - 1].m.id && h->v[i].op != AUDIT_CREATE;
	return good;
}

static uint64_t audit_count(struct store *s)
{
	uint64_t n = 0;
	struct err e;
	err_clear(&e);
	store_count(s, NULL, REC_AUDIT, &n, &e);
	return n;
}

/* ---- bulk batches ------------------------------------------------------------------------- */

#define NP 3100			/* persons (each with a membership) */
#define PER 750			/* persons a batch */

static uint64_t pid[NP], mid[NP];
static bool upd_same[NP], renamed[NP], later[NP];
/* Units the memberships are spread over: Berkeley DB's conversion of a long duplicate set to
 * its own tree logs bytes it never initialised, which valgrind (memcheck.t) reports. */
#define NU 50
static uint64_t unit_ids[NU];

static void name_of(int i, char *out, size_t n)
{
	static const char *given[] = { "An", "Bình", "Chi", "Dũng", "Hà", "Lan", "Minh", "Tâm" };
	snprintf(out, n, "Nguyễn Văn %s au%04d", given[i % 8], i);
}

static void person_of(int i, struct person *p)
{
	char name[64], cccd[16];
	name_of(i, name, sizeof name);
	snprintf(cccd, sizeof cccd, "0010%02d%06d", i % 90 + 10, i);
	memset(p, 0, sizeof *p);
	p->full_name = xstrdup(name);
	p->cccd = xstrdup(cccd);
	p->birth = 19800101;
}

struct batch {
	int from, n;
	bool fail;		/* return an error at the end: the batch is rolled back */
	int clash_at;		/* before this person, an insert that fails (a taken CCCD); -1: none */
	uint64_t phantom;	/* the id that insert took */
	int inside;		/* history of the batch's first person, read inside the batch:
				   1 if it was its creation alone */
};

/* Change a field of person i inside t (as the import does with a person met again). */
static int change(struct store *s, struct store_txn *t, int i, const char *field, struct err *e)
{
	struct person p = { 0 };
	int rc = store_get(s, t, REC_PERSON, pid[i], &p, e);
	if (rc == 0) {
		char text[80];
		snprintf(text, sizeof text, "%s %d", strcmp(field, "full_name") == 0 ? "Trần Thị Mới"
			 : "09", i);
		rec_set_str(rec_field(&REC_DEF_PERSON, field), &p, text);
		rc = store_update(s, t, REC_PERSON, &p, NULL, e);
	}
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

static int batch_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct batch *b = ctx;
	for (int i = b->from; i < b->from + b->n; i++) {
		struct person p;
		int rc;
		if (i == b->clash_at) {
			person_of(b->from, &p);		/* the CCCD of the batch's first person */
			rc = store_insert(s, t, REC_PERSON, &p, e);
			b->phantom = p.m.id;
			rec_clear(&REC_DEF_PERSON, &p);
			if (rc != -ERR_EXISTS)
				return rc ? rc : err_set(e, ERR_INVAL, "a taken CCCD was accepted");
			err_clear(e);
		}
		person_of(i, &p);
		rc = store_insert(s, t, REC_PERSON, &p, e);
		pid[i] = p.m.id;
		rec_clear(&REC_DEF_PERSON, &p);
		if (rc)
			return rc;
		struct membership m = { 0 };
		m.person_id = pid[i];
		m.org_id = 1;
		m.unit_id = unit_ids[i % NU];
		char card[32];
		snprintf(card, sizeof card, "AU%06d", i);
		m.card_no = xstrdup(card);
		rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
		mid[i] = m.m.id;
		rec_clear(&REC_DEF_MEMBERSHIP, &m);
		if (rc)
			return rc;
		if (i == b->from + 1) {
			struct audit_list h = { 0 };
			b->inside = history(s, t, REC_PERSON, pid[b->from], &h) == 0 && h.n == 1 &&
				    h.v[0].op == AUDIT_CREATE;
			store_audit_list_free(&h);
		}
		/* A person created a few rows earlier in the batch, changed (renamed just after). */
		if (i % 10 == 5 && i - 3 >= b->from) {
			if ((rc = change(s, t, i - 3, "phone", e)) != 0)
				return rc;
			upd_same[i - 3] = true;
		}
		if (i % 50 == 7 && i - 1 >= b->from) {
			if ((rc = change(s, t, i - 1, "full_name", e)) != 0)
				return rc;
			renamed[i - 1] = true;
		}
	}
	return b->fail ? err_set(e, ERR_INVAL, "rolled back on purpose") : 0;
}

static int write_batch(struct store *s, struct batch *b)
{
	struct err e;
	err_clear(&e);
	int rc = store_write_bulk(s, batch_fn, b, &e);
	if (rc && !b->fail)
		diag("batch from %d: %s", b->from, e.msg);
	return rc;
}

static int unit_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	int rc = 0;
	for (int i = 0; rc == 0 && i < NU; i++) {
		struct unit u = { 0 };
		char name[32];
		snprintf(name, sizeof name, "Chi hội %d", i + 1);
		u.org_id = 1;
		u.name = xstrdup(name);
		rc = store_insert(s, t, REC_UNIT, &u, e);
		unit_ids[i] = u.m.id;
		rec_clear(&REC_DEF_UNIT, &u);
	}
	return rc;
}

static int later_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	for (int i = 0; i < NP; i++)
		if (i % 100 == 2 && pid[i]) {
			int rc = change(s, t, i, "notes", e);
			if (rc)
				return rc;
			later[i] = true;
		}
	return 0;
}

static int one_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct person *p = ctx;
	return store_insert(s, t, REC_PERSON, p, e);
}

static void test_bulk(struct store *s)
{
	struct err e;
	err_clear(&e);
	is_int(store_write(s, unit_fn, NULL, &e), 0, "%d units", NU);
	uint64_t before = audit_count(s);
	int batches = 0;
	bool all = true, inside = true;
	uint64_t phantom = 0;
	for (int from = 0; from < 3000; from += PER) {
		struct batch b = { .from = from, .n = PER, .clash_at = from == PER ? from + 300 : -1 };
		all = all && write_batch(s, &b) == 0;
		inside = inside && b.inside == 1;
		if (b.phantom)
			phantom = b.phantom;
		batches++;
	}
	ok(all, "%d bulk batches of %d persons, each with a membership", batches, PER);
	ok(inside, "inside a batch, a person it created has its creation in its history");
	ok(phantom > pid[PER] && phantom < pid[2 * PER - 1],
	   "an insert that failed took an id inside its batch's range (%" PRIu64 ")", phantom);
	is_int(store_write(s, later_fn, NULL, &e), 0, "later, some of them are changed");

	/* A batch rolled back leaves nothing; the one run after it takes the same ids. */
	uint64_t n0 = audit_count(s), last0 = 0, last1 = 0;
	store_last_id(s, NULL, REC_PERSON, &last0, &e);
	struct batch f = { .from = 3000, .n = 100, .fail = true, .clash_at = -1 };
	is_int(write_batch(s, &f), -ERR_INVAL, "a batch that fails is rolled back");
	is_int(audit_count(s), n0, "and leaves no audit entry, no range");
	store_last_id(s, NULL, REC_PERSON, &last1, &e);
	is_int(last1, last0, "nor any person");
	struct audit_list h = { 0 };
	history(s, NULL, REC_PERSON, pid[3000], &h);
	is_int(h.n, 0, "an id the rolled-back batch used has no history");
	struct batch g = { .from = 3000, .n = 100, .clash_at = -1 };
	is_int(write_batch(s, &g), 0, "the batch again");
	is_int(pid[3000], last0 + 1, "with the ids the rolled-back one had used");
	batches++;

	/* Interactive saves still write an entry per record. */
	uint64_t n1 = audit_count(s);
	struct person one = { 0 };
	one.full_name = xstrdup("Lê Văn Một");
	is_int(store_write(s, one_fn, &one, &e), 0, "a person saved interactively");
	is_int(audit_count(s), n1 + 1, "gets an entry of its own");
	history(s, NULL, REC_PERSON, one.m.id, &h);
	ok(h.n == 1 && starts_created(&h, REC_PERSON, one.m.id, "Lê Văn Một"),
	   "its history: its creation");
	rec_clear(&REC_DEF_PERSON, &one);

	/* Every history. */
	int bad = 0, updates = 0;
	for (int i = 0; i < NP; i++) {
		char name[64];
		name_of(i, name, sizeof name);
		size_t want = 1 + upd_same[i] + renamed[i] + later[i];
		updates += (int)want - 1;
		bool good = history(s, NULL, REC_PERSON, pid[i], &h) == 0 && h.n == want &&
			    starts_created(&h, REC_PERSON, pid[i], name);
		/* The rename comes a row after the creation, the phone three rows after. */
		if (good && renamed[i])
			good = strcmp(str(h.v[1].field), "full_name") == 0 &&
			       strcmp(str(h.v[1].before), name) == 0;
		if (good && upd_same[i])
			good = strcmp(str(h.v[1 + renamed[i]].field), "phone") == 0;
		if (good && later[i])
			good = strcmp(str(h.v[want - 1].field), "notes") == 0 &&
			       h.v[want - 1].m.id > h.v[0].m.id;
		if (!good && bad++ < 5)
			diag("person %d (id %" PRIu64 "): %zu entries, the first op %d after '%s'", i,
			     pid[i], h.n, h.n ? (int)h.v[0].op : 0, h.n ? str(h.v[0].after) : "");
		char sum[96];
		snprintf(sum, sizeof sum, "person %" PRIu64 ", org 1, unit %" PRIu64, pid[i],
			 unit_ids[i % NU]);
		good = history(s, NULL, REC_MEMBERSHIP, mid[i], &h) == 0 && h.n == 1 &&
		       starts_created(&h, REC_MEMBERSHIP, mid[i], sum);
		if (!good && bad++ < 5)
			diag("membership %d (id %" PRIu64 "): %zu entries", i, mid[i], h.n);
	}
	is_int(bad, 0, "each of %d persons and memberships: its creation (login, time, name), then "
	       "its changes in the order made (%d changes)", NP, updates);
	history(s, NULL, REC_PERSON, phantom, &h);
	is_int(h.n, 0, "the id whose insert failed has no history");
	struct person none = { 0 };
	is_int(store_get(s, NULL, REC_PERSON, phantom, &none, &e), -ERR_NOTFOUND, "and no record");
	err_clear(&e);
	is_int(audit_count(s), before + 2 * (uint64_t)batches + (uint64_t)updates + 1,
	       "audit.db: two entries a batch, one per change, one for the interactive save");
	is_int(store_check(s, &e), 0, "the store checks clean");
	store_audit_list_free(&h);
}

/* ---- removed and merged records ---------------------------------------------------------- */

struct del {
	enum rec_type type;
	uint64_t id;
};

static int del_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct del *d = ctx;
	struct person p = { 0 };
	struct membership m = { 0 };
	void *rec = d->type == REC_PERSON ? (void *)&p : (void *)&m;
	int rc = store_get(s, t, d->type, d->id, rec, e);
	if (rc == 0)
		rc = store_delete(s, t, d->type, d->id, ((struct rec_meta *)rec)->version, e);
	rec_clear(&REC_DEF_PERSON, &p);
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return rc;
}

static int merge_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	const uint64_t *ids = ctx;
	struct person k = { 0 }, g = { 0 };
	int rc = store_get(s, t, REC_PERSON, ids[0], &k, e);
	if (rc == 0)
		rc = store_get(s, t, REC_PERSON, ids[1], &g, e);
	if (rc == 0)
		rc = store_merge_persons(s, t, ids[0], k.m.version, ids[1], g.m.version, NULL, e);
	rec_clear(&REC_DEF_PERSON, &k);
	rec_clear(&REC_DEF_PERSON, &g);
	return rc;
}

static void test_gone(struct store *s)
{
	struct err e;
	err_clear(&e);
	/* Person 10: neither changed nor renamed; 57: renamed in its batch. */
	struct del dm = { REC_MEMBERSHIP, mid[10] }, dp = { REC_PERSON, pid[10] };
	ok(store_write(s, del_fn, &dm, &e) == 0 && store_write(s, del_fn, &dp, &e) == 0,
	   "a person created in bulk and their membership removed");
	struct audit_list h = { 0 };
	char name[64], sum[96];
	name_of(10, name, sizeof name);
	history(s, NULL, REC_PERSON, pid[10], &h);
	ok(h.n == 2 && starts_created(&h, REC_PERSON, pid[10], name) && h.v[1].op == AUDIT_DELETE,
	   "the removed person's history: created (with the name), removed");
	snprintf(sum, sizeof sum, "person %" PRIu64 ", org 1, unit %" PRIu64, pid[10],
		 unit_ids[10 % NU]);
	history(s, NULL, REC_MEMBERSHIP, mid[10], &h);
	ok(h.n == 2 && starts_created(&h, REC_MEMBERSHIP, mid[10], sum) &&
	   h.v[1].op == AUDIT_DELETE, "the membership's: created, removed");
	/* 57 merged into 58: its memberships move, it goes. */
	ok(renamed[56] && !renamed[57], "person 56 was renamed in its batch, 57 not");
	uint64_t ids[2] = { pid[58], pid[57] };
	is_int(store_write(s, merge_fn, ids, &e), 0, "a person created in bulk merged into another");
	name_of(57, name, sizeof name);
	history(s, NULL, REC_PERSON, pid[57], &h);
	ok(h.n >= 2 && starts_created(&h, REC_PERSON, pid[57], name) &&
	   h.v[h.n - 1].op == AUDIT_MERGE, "the merged person's history: created (with the name), "
	   "merged");
	snprintf(sum, sizeof sum, "person %" PRIu64 ", org 1, unit %" PRIu64, pid[57],
		 unit_ids[57 % NU]);
	history(s, NULL, REC_MEMBERSHIP, mid[57], &h);
	ok(h.n == 2 && starts_created(&h, REC_MEMBERSHIP, mid[57], sum) &&
	   strcmp(str(h.v[1].field), "person_id") == 0,
	   "its membership's: created for the merged person, then moved");
	is_int(store_check(s, &e), 0, "the store checks clean");
	store_audit_list_free(&h);
}

/* ---- the check ---------------------------------------------------------------------------- */

struct raw {
	uint64_t lo, hi, seq;
	bool del;
};

/* Put (or delete) a creation range of persons straight into the audit database. */
static int raw_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct raw *r = ctx;
	unsigned char kb[AUDIT_KEY_LEN];
	kb[0] = AUDIT_RANGE | REC_PERSON;
	be64_put(kb + 1, r->hi);
	be64_put(kb + 9, r->seq);
	DBT k = { .data = kb, .size = AUDIT_KEY_LEN };
	DB *db = s->db[DBI_AUDIT];
	if (r->del)
		return db->del(db, t->txn, &k, 0) ? err_set(e, ERR_DB, "del") : 0;
	struct audit a = { 0 };
	a.time = t->now;
	a.login = "tester";
	a.op = AUDIT_CREATE;
	a.rec_type = REC_PERSON;
	a.rec_id = r->lo;
	struct buf val = BUF_INIT;
	rec_encode(&REC_DEF_AUDIT, &a, &val);
	DBT v = { .data = val.p, .size = (u_int32_t)val.len };
	int rc = db->put(db, t->txn, &k, &v, 0);
	buf_free(&val);
	return rc ? err_set(e, ERR_DB, "put") : 0;
}

static void test_check(struct store *s)
{
	struct err e;
	err_clear(&e);
	struct raw r = { .lo = pid[5], .hi = pid[6], .seq = 999999999 };
	is_int(store_write(s, raw_fn, &r, &e), 0, "a range overlapping a batch's, written by hand");
	ok(store_check(s, &e) > 0, "the check finds it");
	r.del = true;
	store_write(s, raw_fn, &r, &e);
	r = (struct raw){ .lo = pid[9], .hi = pid[8], .seq = 999999998 };
	store_write(s, raw_fn, &r, &e);
	ok(store_check(s, &e) > 0, "and a range that ends before it starts");
	r.del = true;
	store_write(s, raw_fn, &r, &e);
	is_int(store_check(s, &e), 0, "clean again without them");
}

/* ---- an import ---------------------------------------------------------------------------- */

static void test_import(void)
{
	char sdir[96], csv[112];
	snprintf(sdir, sizeof sdir, "%s/imp", dir);
	snprintf(csv, sizeof csv, "%s/list.csv", dir);
	struct store_opts o = { .dir = sdir, .login = "tester", .create = true, .bulk = true,
				.cache_mb = 8 };
	struct store *s = NULL;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &o, &e) != 0) {
		ok(0, "open a store for the import: %s", e.msg);
		return;
	}
	static const char *family[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi" };
	static const char *middle[] = { "Văn", "Thị", "Đức", "Minh", "Ngọc" };
	static const char *given[] = { "An", "Bình", "Cường", "Dung", "Giang", "Hải", "Khánh",
				       "Long", "Mai", "Nam" };
	FILE *f = fopen(csv, "w");
	fputs("Họ và tên,Ngày sinh,Số CCCD,Điện thoại,Tổ chức,Đơn vị\n", f);
	int rows = 0;
	for (int i = 0; i < 600; i++) {
		fprintf(f, "%s %s %s,01/01/1985,001085%06d,,ND,Xã An Bình/Chi hội Thôn %d\n",
			family[i % 8], middle[(i / 8) % 5], given[(i / 40) % 10], i, i % 3);
		rows++;
		/* Person i again three rows later, with a phone: an update in the same batch. */
		if (i % 20 == 3) {
			int j = i - 3;
			fprintf(f, "%s %s %s,01/01/1985,001085%06d,0912%06d,ND,Xã An Bình/Chi hội Thôn "
				"%d\n", family[j % 8], middle[(j / 8) % 5], given[(j / 40) % 10], j, j,
				j % 3);
			rows++;
		}
	}
	fclose(f);
	struct import_opts io = { .path = csv, .batch = 100 };
	struct import_report r;
	is_int(import_csv(s, &io, &r, &e), 0, "a list of %d rows imports in batches of 100", rows);
	is_int(r.added, 600, "600 persons added");
	is_int(r.updated, 30, "30 of them met again a few rows later, in the same batch");
	import_report_free(&r);
	uint64_t n = audit_count(s);
	/* The standard organizations, 4 units, 2 ranges for each of 7 batches, 30 phones. */
	ok(n <= 6 + 4 + 2 * 7 + 30, "audit.db holds %" PRIu64 " entries, not one per record", n);
	int bad = 0;
	struct audit_list h = { 0 };
	for (int i = 0; i < 600; i++) {
		char cccd[24], name[64];
		snprintf(cccd, sizeof cccd, "001085%06d", i);
		snprintf(name, sizeof name, "%s %s %s", family[i % 8], middle[(i / 8) % 5],
			 given[(i / 40) % 10]);
		struct person p = { 0 };
		bool good = store_person_by_cccd(s, NULL, cccd, &p, &e) == 0 &&
			    history(s, NULL, REC_PERSON, p.m.id, &h) == 0 &&
			    h.n == (i % 20 == 0 ? 2u : 1u) &&
			    starts_created(&h, REC_PERSON, p.m.id, name);
		if (good && h.n == 2)
			good = strcmp(str(h.v[1].field), "phone") == 0;
		if (!good && bad++ < 5)
			diag("imported person %d: %zu entries", i, h.n);
		rec_clear(&REC_DEF_PERSON, &p);
	}
	is_int(bad, 0, "each imported person's history: created (login, time, name), then the "
	       "change a later row of the batch made");
	store_audit_list_free(&h);
	is_int(store_check(s, &e), 0, "the imported store checks clean");
	store_close(&s);
}

int main(void)
{
	msg_set_sink(quiet, NULL);
	snprintf(dir, sizeof dir, "/tmp/hv-audit-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	struct store *s = test_open_store(dir, "tester");
	ok(s != NULL, "create a store in a fresh directory");
	if (!s)
		return done_testing();
	test_bulk(s);
	test_gone(s);
	test_check(s);
	store_close(&s);
	test_import();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
