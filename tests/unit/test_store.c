/* Unit tests for src/store on a real Berkeley DB environment in a temporary directory:
 * records, versions and conflicts, the audit trail, every index, name search order, the
 * consistency check and hot backup. */
#include "tap.h"
#include "store_test.h"

#include "core/record.h"
#include "store/store.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/rng.h"
#include "text/collate.h"
#include "text/fold.h"
#include "text/name.h"
#include "util/buf.h"
#include "util/bytes.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[64];

static struct store *open_store(const char *d, const char *login)
{
	return test_open_store(d, login);
}

struct ins {
	enum rec_type type;
	void *rec;
	bool *changed;
};

static int insert_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct ins *in = ctx;
	return store_insert(s, t, in->type, in->rec, e);
}

static int update_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct ins *in = ctx;
	return store_update(s, t, in->type, in->rec, in->changed, e);
}

/* Fails its first run as a lost deadlock would, after updating: store_write must run it again
 * and the second run must save (regression: the rolled-back run had bumped rec's version). */
struct flaky {
	struct person *p;
	int runs;
};

static int flaky_update_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct flaky *f = ctx;
	bool changed;
	int rc = store_update(s, t, REC_PERSON, f->p, &changed, e);
	if (rc == 0 && f->runs++ == 0)
		return err_set(e, ERR_DEADLOCK, "simulated deadlock");
	return rc;
}

static uint64_t add_person(struct store *s, const char *name, const char *cccd, hv_date birth)
{
	struct person p = { 0 };
	p.full_name = xstrdup(name);
	p.cccd = cccd ? xstrdup(cccd) : NULL;
	p.birth = birth;
	struct ins in = { REC_PERSON, &p, NULL };
	struct err e;
	err_clear(&e);
	int rc = store_write(s, insert_fn, &in, &e);
	uint64_t id = rc ? 0 : p.m.id;
	if (rc)
		diag("insert %s: %s", name, e.msg);
	rec_clear(&REC_DEF_PERSON, &p);
	return id;
}

static uint64_t add_membership(struct store *s, uint64_t person, uint64_t org, uint64_t unit,
			       const char *card)
{
	struct membership m = { 0 };
	m.person_id = person;
	m.org_id = org;
	m.unit_id = unit;
	m.card_no = card ? xstrdup(card) : NULL;
	struct ins in = { REC_MEMBERSHIP, &m, NULL };
	struct err e;
	err_clear(&e);
	int rc = store_write(s, insert_fn, &in, &e);
	uint64_t id = rc ? 0 : m.m.id;
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return id;
}

static uint64_t add_unit(struct store *s, uint64_t org, uint64_t parent, const char *name)
{
	struct unit u = { 0 };
	u.org_id = org;
	u.parent_id = parent;
	u.name = xstrdup(name);
	struct ins in = { REC_UNIT, &u, NULL };
	struct err e;
	err_clear(&e);
	int rc = store_write(s, insert_fn, &in, &e);
	uint64_t id = rc ? 0 : u.m.id;
	rec_clear(&REC_DEF_UNIT, &u);
	return id;
}

static void test_open_and_orgs(struct store *s)
{
	struct org o = { 0 };
	struct err e;
	err_clear(&e);
	is_int(store_org_by_code(s, NULL, "PN", &o, &e), 0, "the six organizations are preloaded");
	is_str(o.name, "Hội Liên hiệp Phụ nữ Việt Nam", "PN's name");
	is_int(o.sex_rule, SEX_FEMALE, "PN is for women");
	rec_clear(&REC_DEF_ORG, &o);
	uint64_t n = 0;
	store_count(s, NULL, REC_ORG, &n, &e);
	is_int(n, 6, "exactly six organizations");
	is_int(store_org_by_code(s, NULL, "XX", &o, &e), -ERR_NOTFOUND, "unknown code not found");
	/* Another process opens the same store, sees the same data and does not preload again
	 * (Berkeley DB allows one environment handle per process with DB_REGISTER). */
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		struct store *s2 = open_store(dir, "other");
		uint64_t m = 0;
		if (s2)
			store_count(s2, NULL, REC_ORG, &m, NULL);
		store_close(&s2);
		_exit(s2 == NULL && m == 6 ? 0 : 1);
	}
	int status = -1;
	waitpid(child, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "a second process opens the same store and still sees six organizations");
	struct store_opts none = { .dir = "/nonexistent/hoivien-test", .create = false };
	struct store *s3 = NULL;
	is_int(store_open(&s3, &none, &e), -ERR_NOTFOUND, "opening a missing store without create fails");
	ok(strstr(e.msg, "hoivien init") != NULL, "and the message says how to create one");
}

static void test_versions_and_audit(struct store *s)
{
	struct err e;
	err_clear(&e);
	uint64_t id = add_person(s, "Nguyễn Văn An", "001085012345", 19850312);
	ok(id > 0, "person inserted");
	struct person a = { 0 }, b = { 0 };
	is_int(store_get(s, NULL, REC_PERSON, id, &a, &e), 0, "read back");
	is_str(a.full_name, "Nguyễn Văn An", "name kept");
	is_int(a.m.version, 1, "version 1 after insert");
	is_str(a.m.cuser, "tester", "creator recorded");
	store_get(s, NULL, REC_PERSON, id, &b, &e);
	/* Two staff read version 1; the first saves, the second must fail. */
	free(a.phone);
	a.phone = xstrdup("0912345678");
	bool changed = false;
	struct ins in = { REC_PERSON, &a, &changed };
	is_int(store_write(s, update_fn, &in, &e), 0, "first update saves");
	ok(changed, "and reports a change");
	is_int(a.m.version, 1, "the caller's record keeps the version it read");
	free(b.address);
	b.address = xstrdup("Thôn Đông");
	in.rec = &b;
	err_clear(&e);
	is_int(store_write(s, update_fn, &in, &e), -ERR_CONFLICT, "second update from version 1 fails");
	ok(strstr(e.msg, "tester") != NULL, "the message names who changed it: %s", e.msg);
	struct person c = { 0 };
	store_get(s, NULL, REC_PERSON, id, &c, &e);
	ok(c.address == NULL && c.phone && strcmp(c.phone, "0912345678") == 0,
	   "the losing update changed nothing");
	/* A transaction rolled back after its update and run again still saves. */
	struct person f = { 0 };
	store_get(s, NULL, REC_PERSON, id, &f, &e);
	free(f.notes);
	f.notes = xstrdup("retried");
	struct flaky fl = { &f, 0 };
	err_clear(&e);
	is_int(store_write(s, flaky_update_fn, &fl, &e), 0, "an update retried after a deadlock saves");
	is_int(fl.runs, 2, "it ran twice");
	rec_clear(&REC_DEF_PERSON, &c);
	store_get(s, NULL, REC_PERSON, id, &c, &e);
	is_str(c.notes, "retried", "with its change");
	is_int(c.m.version, 3, "as exactly one new version");
	rec_clear(&REC_DEF_PERSON, &f);
	/* Saving without changes writes nothing. */
	in.rec = &c;
	is_int(store_write(s, update_fn, &in, &e), 0, "saving an unchanged record works");
	ok(!changed, "and reports no change");
	is_int(c.m.version, 3, "version unchanged");
	/* CCCD stays unique. */
	free(c.cccd);
	uint64_t other = add_person(s, "Trần Thị Bình", "001185000001", 0);
	c.cccd = xstrdup("001185000001");
	err_clear(&e);
	is_int(store_write(s, update_fn, &in, &e), -ERR_EXISTS, "taking another person's CCCD fails");
	ok(strstr(e.msg, "Trần Thị Bình") != NULL, "naming the holder: %s", e.msg);
	ok(other > 0, "second person inserted");
	is_int(add_person(s, "Lê Văn C", "001185000001", 0), 0, "inserting a taken CCCD fails");
	rec_clear(&REC_DEF_PERSON, &a);
	rec_clear(&REC_DEF_PERSON, &b);
	rec_clear(&REC_DEF_PERSON, &c);
}

struct audit_count {
	int creates, updates;
	char field[32], after[32], login[32];
};

static int count_audit(const void *rec, void *ctx)
{
	const struct audit *a = rec;
	struct audit_count *ac = ctx;
	if (a->op == AUDIT_CREATE)
		ac->creates++;
	if (a->op == AUDIT_UPDATE && ac->updates++ == 0) {
		snprintf(ac->field, sizeof ac->field, "%s", a->field ? a->field : "");
		snprintf(ac->after, sizeof ac->after, "%s", a->after ? a->after : "");
		snprintf(ac->login, sizeof ac->login, "%s", a->login ? a->login : "");
	}
	return 0;
}

static void test_audit(struct store *s)
{
	struct err e;
	err_clear(&e);
	struct audit_count ac = { 0 };
	is_int(store_each_audit_of(s, NULL, REC_PERSON, 7, count_audit, &ac, &e), 0, "audit walk");
	/* Person 1 of this store: created, then the phone changed, then the notes (once, though
	 * that transaction ran twice). */
	ac = (struct audit_count){ 0 };
	store_each_audit_of(s, NULL, REC_PERSON, 1, count_audit, &ac, &e);
	is_int(ac.creates, 1, "one creation entry");
	is_int(ac.updates, 2, "one update entry per saved change (phone, notes)");
	is_str(ac.field, "phone", "the first field changed, oldest first");
	is_str(ac.after, "0912345678", "its new value");
	is_str(ac.login, "tester", "who changed it");
}

struct collect {
	char names[64][64];
	int n;
};

static int collect_name(const struct find_hit *h, void *ctx)
{
	struct collect *c = ctx;
	if (c->n < 64)
		snprintf(c->names[c->n++], 64, "%s", h->name);
	return 0;
}

static int find(struct store *s, const char *q, size_t limit, struct collect *c, bool *more)
{
	struct err e;
	err_clear(&e);
	memset(c, 0, sizeof *c);
	return store_find_name(s, NULL, q, limit, collect_name, c, more, &e);
}

static void test_find(struct store *s)
{
	static const char *const names[] = {
		"Nguyễn Thị Thúy", "Nguyễn Thị Thủy", "Nguyễn Thị Thu", "Nguyễn Văn Thành",
		"Trần Thị Thu", "Nguyễn Thị Ánh", "Lê Thị Anh", "Nguyễn Anh", "Nguyễn Đức Ân",
		"Phạm Nguyên", "Nguyễn Nguyệt", "Đỗ Văn Đạt", "Ksor H'Nhi", "Nguyễn Thị Hòa",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		add_person(s, names[i], NULL, 0);
	struct collect c;
	bool more = false;
	find(s, "nguyen th", 0, &c, &more);
	/* Every Nguyễn with a word starting "th" (Ánh and Hòa through "Thị"), in official order:
	 * given name first (Ánh < Hòa < Thành < Thu < Thủy < Thúy: hỏi sorts before sắc). */
	is_int(c.n, 6, "'nguyen th' finds the six Nguyễn with a th- word");
	const char *order[] = { "Nguyễn Thị Ánh", "Nguyễn Thị Hòa", "Nguyễn Văn Thành",
				"Nguyễn Thị Thu", "Nguyễn Thị Thủy", "Nguyễn Thị Thúy" };
	int good = c.n == 6;
	for (int i = 0; good && i < 6; i++)
		good = strcmp(c.names[i], order[i]) == 0;
	ok(good, "in official order (given, middle, surname; tones after letters)");
	if (!good)
		for (int i = 0; i < c.n; i++)
			diag("  got %s", c.names[i]);
	find(s, "Thủy", 0, &c, &more);
	is_int(c.n, 1, "'Thủy' with its mark matches exactly one");
	is_str(c.names[0], "Nguyễn Thị Thủy", "the one with hỏi");
	find(s, "thuy", 0, &c, &more);
	is_int(c.n, 2, "'thuy' without marks matches both Thúy and Thủy");
	find(s, "NGUYEN", 3, &c, &more);
	is_int(c.n, 3, "a limit stops at three");
	ok(more, "and says there were more");
	find(s, "nguyen", 0, &c, &more);
	/* Nguyễn as a surname and the given name Nguyên (Phạm Nguyên): 10 + 1; not Nguyệt. */
	is_int(c.n, 11, "'nguyen' matches the word nguyen in any position, not nguyet");
	find(s, "ngu", 0, &c, &more);
	is_int(c.n, 11, "'ngu' matches the same persons (Nguyễn Nguyệt is one of them)");
	find(s, "nguyet", 0, &c, &more);
	is_int(c.n, 1, "'nguyet' matches Nguyệt only");
	find(s, "dat", 0, &c, &more);
	is_int(c.n, 1, "đ folds to d");
	find(s, "h'nhi", 0, &c, &more);
	is_int(c.n, 1, "a name with an apostrophe is found");
	find(s, "nguyen nguyen", 0, &c, &more);
	is_int(c.n, 0, "two query words need two name words");
	find(s, "an", 0, &c, &more);
	/* an-: An, Anh, Ánh, Ân; by given name (a < ă < â, tone after letters), then middle
	 * name (none first), then surname. */
	const char *an[] = { "Nguyễn Văn An", "Nguyễn Anh", "Lê Thị Anh", "Nguyễn Thị Ánh",
			     "Nguyễn Đức Ân" };
	is_int(c.n, 5, "'an' matches An, Anh, Ánh and Ân");
	good = c.n == 5;
	for (int i = 0; good && i < 5; i++)
		good = strcmp(c.names[i], an[i]) == 0;
	ok(good, "in official order: An, Anh (no middle name first), Ánh, Ân");
	if (!good)
		for (int i = 0; i < c.n; i++)
			diag("  got %s", c.names[i]);
	/* Where the tone mark sits (old and new style) does not matter to an exact query. */
	add_person(s, "Lê Văn Thuỷ", NULL, 0);
	add_person(s, "Trần Hoà", NULL, 0);
	find(s, "Thủy", 0, &c, &more);
	is_int(c.n, 2, "'Thủy' finds Thủy and Thuỷ (tone on the other vowel)");
	find(s, "hòa", 0, &c, &more);
	is_int(c.n, 2, "'hòa' finds Hòa and Hoà");
	find(s, "Thuý", 0, &c, &more);
	is_int(c.n, 1, "'Thuý' finds only the sắc one (Thúy)");
	find(s, "Nguyên", 0, &c, &more);
	is_int(c.n, 1, "'Nguyên' (no tone) is not Nguyễn");
	find(s, "Nguyễ", 0, &c, &more);
	is_int(c.n, 10, "a prefix typed with its tone matches that tone");
	find(s, "Nguyê", 0, &c, &more);
	is_int(c.n, 11, "an untoned prefix of a longer word lets both Nguyên and Nguyễn through");
	find(s, "", 0, &c, &more);
	is_int(c.n, 0, "an empty query finds nothing");
	find(s, "zzz", 0, &c, &more);
	is_int(c.n, 0, "no match, no result");
	struct err e;
	err_clear(&e);
	is_int(store_find_name(s, NULL, "ngu\xff", 0, collect_name, &c, NULL, &e), -ERR_INVAL,
	       "a query that is not UTF-8 is refused");
}

static int count_cb(const void *rec, void *ctx)
{
	(void)rec;
	(*(int *)ctx)++;
	return 0;
}

static void test_indexes(struct store *s)
{
	struct err e;
	err_clear(&e);
	struct org pn = { 0 };
	store_org_by_code(s, NULL, "PN", &pn, &e);
	uint64_t top = add_unit(s, pn.m.id, 0, "Hội LHPN tỉnh Ninh Bình");
	uint64_t commune = add_unit(s, pn.m.id, top, "Hội LHPN xã Yên Thịnh");
	uint64_t b1 = add_unit(s, pn.m.id, commune, "Chi hội Thôn Đông");
	uint64_t b2 = add_unit(s, pn.m.id, commune, "Chi hội Thôn Tây");
	int n = 0;
	store_each_child_unit(s, NULL, pn.m.id, commune, count_cb, &n, &e);
	is_int(n, 2, "two branches under the commune");
	n = 0;
	store_each_child_unit(s, NULL, pn.m.id, 0, count_cb, &n, &e);
	is_int(n, 1, "one top unit of PN");
	uint64_t p1 = add_person(s, "Hoàng Thị Mai", "037190000111", 19900101);
	uint64_t p2 = add_person(s, "Vũ Thị Lan", NULL, 1992);
	add_membership(s, p1, pn.m.id, b1, "PN37000001");
	add_membership(s, p2, pn.m.id, b1, "PN37000002");
	add_membership(s, p2, pn.m.id, b2, NULL);
	n = 0;
	store_each_membership_of_unit(s, NULL, b1, count_cb, &n, &e);
	is_int(n, 2, "two memberships in Thôn Đông");
	n = 0;
	store_each_membership_of_person(s, NULL, p2, count_cb, &n, &e);
	is_int(n, 2, "Vũ Thị Lan has two memberships");
	n = 0;
	store_each_membership_by_card(s, NULL, "PN37000001", count_cb, &n, &e);
	is_int(n, 1, "found by card number");
	struct person p = { 0 };
	is_int(store_person_by_cccd(s, NULL, "037190000111", &p, &e), 0, "found by CCCD");
	is_str(p.full_name, "Hoàng Thị Mai", "the right person");
	rec_clear(&REC_DEF_PERSON, &p);
	n = 0;
	store_each_person_named(s, NULL, "HOÀNG THỊ MAI", count_cb, &n, &e);
	is_int(n, 1, "persons by exact name, any case");
	rec_clear(&REC_DEF_ORG, &pn);
}

struct scan_count {
	uint64_t n, last, stop_at;
	bool ordered, decoded;
};

static int count_rec(const void *rec, void *ctx)
{
	(void)rec;
	((struct scan_count *)ctx)->n++;
	return 0;
}

static int count_raw(uint64_t id, const void *data, size_t n, void *ctx)
{
	struct scan_count *c = ctx;
	struct person p = { 0 };
	c->decoded &= rec_decode(&REC_DEF_PERSON, &p, data, n, NULL) == 0 && p.full_name;
	rec_clear(&REC_DEF_PERSON, &p);
	c->ordered &= id > c->last;
	c->last = id;
	c->n++;
	return c->stop_at && c->n == c->stop_at ? 7 : 0;
}

static void test_scan(struct store *s)
{
	struct err e;
	err_clear(&e);
	struct scan_count a = { 0 }, b = { .ordered = true, .decoded = true };
	is_int(store_each(s, NULL, REC_PERSON, count_rec, &a, &e), 0, "each person");
	is_int(store_scan(s, NULL, REC_PERSON, count_raw, &b, &e), 0, "scan of the persons");
	ok(a.n > 0 && b.n == a.n, "scan sees every person (%llu)", (unsigned long long)b.n);
	ok(b.ordered, "in id order");
	ok(b.decoded, "each one an encoded record");
	struct scan_count c = { .stop_at = 2, .ordered = true, .decoded = true };
	is_int(store_scan(s, NULL, REC_PERSON, count_raw, &c, &e), 7, "a callback stops the scan");
	is_int(c.n, 2, "where it said");
}

static void test_check_and_backup(struct store *s)
{
	struct err e;
	err_clear(&e);
	is_int(store_check(s, &e), 0, "check finds no problem in a store written through the API");
	char dest[96];
	snprintf(dest, sizeof dest, "%s-backup", dir);
	is_int(store_backup(s, dest, &e), 0, "hot backup");
	if (e.code)
		diag("%s", e.msg);
	struct store *b = open_store(dest, "tester");
	ok(b != NULL, "the backup opens as a store");
	if (b) {
		uint64_t n1 = 0, n2 = 0;
		store_count(s, NULL, REC_PERSON, &n1, &e);
		store_count(b, NULL, REC_PERSON, &n2, &e);
		is_int(n2, n1, "with the same persons");
		is_int(store_check(b, &e), 0, "and passes the check");
		store_close(&b);
	}
	is_int(store_backup(s, dest, &e), -ERR_EXISTS, "backing up onto a store is refused");
	struct store_stats st;
	is_int(store_stats(s, &st, &e), 0, "stats");
	ok(st.persons >= 17 && st.bytes > 0, "stats count persons and bytes");
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dest);
	if (system(cmd) != 0)
		diag("cleanup failed");
}

/* ---- search against brute force ---------------------------------------------------------- */

/* Can every query word be a prefix of its own name word: folded, and also lowercased (accents
 * exact) for a query word that has accents? */
static bool brute_assign(char qw[][32], char ql[][32], const bool *qmarks, int nq, int i,
			 char nw[][32], char nl[][32], int nn, unsigned used)
{
	if (i == nq)
		return true;
	for (int j = 0; j < nn; j++)
		if (!(used & (1u << j)) && strncmp(nw[j], qw[i], strlen(qw[i])) == 0 &&
		    (!qmarks[i] || strncmp(nl[j], ql[i], strlen(ql[i])) == 0) &&
		    brute_assign(qw, ql, qmarks, nq, i + 1, nw, nl, nn, used | (1u << j)))
			return true;
	return false;
}

static int split32(const char *s, char out[][32], int max)
{
	int n = 0;
	while (*s && n < max) {
		while (*s == ' ')
			s++;
		int k = 0;
		while (*s && *s != ' ' && k < 31)
			out[n][k++] = *s++;
		while (*s && *s != ' ')
			s++;
		out[n][k] = '\0';
		if (k)
			n++;
	}
	return n;
}

struct brute {
	char (*names)[64];
	uint64_t *ids;
	int n;
};

struct ranked {
	struct buf key;
	uint64_t id;
};

static int cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	size_t n = x->key.len < y->key.len ? x->key.len : y->key.len;
	int c = memcmp(x->key.p, y->key.p, n);
	if (c)
		return c;
	if (x->key.len != y->key.len)
		return x->key.len < y->key.len ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

struct idlist {
	uint64_t ids[64];
	int n;
};

static int collect_id(const struct find_hit *h, void *ctx)
{
	struct idlist *l = ctx;
	if (l->n < 64)
		l->ids[l->n++] = h->id;
	return 0;
}

static void test_find_vs_brute(struct store *s)
{
	/* Names built from a small set of words so that prefixes overlap a lot. */
	static const char *const sur[] = { "Nguyễn", "Nguyên", "Ngô", "Trần", "Trương", "Lê", "Lý" };
	static const char *const mid[] = { "Văn", "Thị", "Vân", "Thu", "", "Ngọc" };
	static const char *const giv[] = { "An", "Anh", "Ân", "Thu", "Thủy", "Thúy", "Hùng", "Hưng",
					   "Nga", "Ngân", "Văn", "Lan", "Lân", "Tú" };
	struct rng r;
	rng_seed(&r, 7);
	struct brute b = { xcalloc(600, 64), xcalloc(600, sizeof(uint64_t)), 0 };
	for (int i = 0; i < 600; i++) {
		const char *m = mid[rng_below(&r, 6)];
		snprintf(b.names[i], 64, "%s%s%s %s", sur[rng_below(&r, 7)], *m ? " " : "", m,
			 giv[rng_below(&r, 14)]);
		b.ids[i] = add_person(s, b.names[i], NULL, 0);
	}
	b.n = 600;
	static const char *const queries[] = {
		"ng", "nguyen", "nguy", "ngu an", "an", "thu", "thu nguyen", "Thủy", "thuy",
		"van", "v", "t", "nguyen van an", "ngo th", "tr t h", "le lan", "ly ân", "ân",
		"a", "nguyen nguyen", "thu thu", "ngan", "ng ng", "hu", "h", "zz", "tran van",
		/* Two words or more start from the pair index: words that begin one another, in
		 * either order, the same word twice, one letter, three words. */
		"van thu", "an ng", "lan ly", "ngan nga", "nga ngan", "thu van nguyen", "a nguyen",
		"th th th", "nguyen t", "tu ngo", "Thủy nguyễn", "lê ân", "truong thi zz",
	};
	int bad = 0;
	for (size_t qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
		const char *q = queries[qi];
		struct buf qf = BUF_INIT, qlb = BUF_INIT;
		vn_fold(&qf, q, strlen(q));
		vn_lower(&qlb, q, strlen(q));
		char qw[8][32], ql[8][32], nw[8][32], nl[8][32], raw[8][32];
		int nq = split32(buf_str(&qf), qw, 8);
		split32(buf_str(&qlb), ql, 8);
		split32(q, raw, 8);
		bool qmarks[8];
		for (int k = 0; k < nq; k++)
			qmarks[k] = vn_has_marks(raw[k], strlen(raw[k]));
		/* Every person whose name matches, in official order, first 20. */
		struct ranked *want = xcalloc((size_t)b.n + 50, sizeof *want);
		int nw_ = 0;
		for (int i = 0; i < b.n; i++) {
			struct buf nf = BUF_INIT, nlb = BUF_INIT;
			vn_fold(&nf, b.names[i], strlen(b.names[i]));
			vn_lower(&nlb, b.names[i], strlen(b.names[i]));
			int nn = split32(buf_str(&nf), nw, 8);
			split32(buf_str(&nlb), nl, 8);
			if (brute_assign(qw, ql, qmarks, nq, 0, nw, nl, nn, 0)) {
				vn_name_collkey(&want[nw_].key, b.names[i], strlen(b.names[i]));
				want[nw_].id = b.ids[i];
				nw_++;
			}
			buf_free(&nf);
			buf_free(&nlb);
		}
		qsort(want, (size_t)nw_, sizeof *want, cmp_ranked);
		struct idlist got = { { 0 }, 0 };
		bool more = false;
		struct err e;
		err_clear(&e);
		store_find_name(s, NULL, q, 20, collect_id, &got, &more, &e);
		int expect = nw_ < 20 ? nw_ : 20;
		bool same = got.n == expect && more == (nw_ > 20);
		for (int i = 0; same && i < expect; i++)
			same = got.ids[i] == want[i].id;
		if (!same) {
			bad++;
			diag("query '%s': got %d (more %d), expected %d of %d", q, got.n, more, expect, nw_);
		}
		for (int i = 0; i < nw_; i++)
			buf_free(&want[i].key);
		free(want);
		buf_free(&qf);
		buf_free(&qlb);
	}
	is_int(bad, 0, "%zu queries give exactly the first 20 matches in official order, as a "
	       "brute-force scan does", sizeof queries / sizeof queries[0]);
	free(b.names);
	free(b.ids);
}

static void quiet(enum msg_level l, const char *text, void *ctx)
{
	(void)l;
	(void)ctx;
	diag("msg: %s", text);
}

/* store_sweep: keys in order, some filed, some not (before, between and after the entries),
 * one filed under two persons; and an empty index. */
struct sweep_hits {
	char got[256];
};

static void on_hit(size_t i, uint64_t id, void *ctx)
{
	struct sweep_hits *h = ctx;
	size_t n = strlen(h->got);
	snprintf(h->got + n, sizeof h->got - n, "%s%zu:%" PRIu64, n ? " " : "", i, id);
}

static void add_key(struct buf *keys, const void *k, size_t n)
{
	unsigned char len[4];
	be32_put(len, (uint32_t)n);
	buf_add(keys, len, 4);
	buf_add(keys, k, n);
}

static void add_name_key(struct buf *keys, const char *name, hv_date birth)
{
	struct buf k = BUF_INIT;
	vn_name_collkey(&k, name, strlen(name));
	unsigned char tail[5] = { 0 };
	be32_put(tail + 1, birth);
	buf_add(&k, tail, sizeof tail);
	add_key(keys, k.p, k.len);
	buf_free(&k);
}

static void test_sweep(const char *d)
{
	struct store *s = open_store(d, "tester");
	if (!s) {
		ok(0, "a store for the sweeps");
		return;
	}
	struct err e;
	err_clear(&e);
	struct buf keys = BUF_INIT;
	static const char *const cccds[] = { "001090000001", "001090000002", "001090000003",
					     "001090000004", "001090000007" };
	for (size_t i = 0; i < 5; i++)
		add_key(&keys, cccds[i], 12);
	struct sweep_hits h = { "" };
	is_int(store_sweep(s, NULL, STORE_KEY_CCCD, &keys, on_hit, &h, &e), 0, "a sweep of an empty index");
	is_str(h.got, "", "finds nothing");
	uint64_t a = add_person(s, "Lê Văn Hai", "001090000002", 19900101);
	uint64_t b = add_person(s, "Lê Văn Hai", "001090000004", 19900101);
	uint64_t c = add_person(s, "Lê Văn Ba", "001090000006", 19900101);
	char want[256];
	snprintf(want, sizeof want, "1:%" PRIu64 " 3:%" PRIu64, a, b);
	is_int(store_sweep(s, NULL, STORE_KEY_CCCD, &keys, on_hit, &h, &e), 0, "a sweep of CCCDs");
	is_str(h.got, want, "the keys filed, none of those before, between or after");
	buf_reset(&keys);
	add_name_key(&keys, "Lê Văn Ba", 19900101);
	add_name_key(&keys, "Lê Văn Ba", 19910101);
	add_name_key(&keys, "Lê Văn Hai", 19900101);
	h.got[0] = '\0';
	is_int(store_sweep(s, NULL, STORE_KEY_NAME, &keys, on_hit, &h, &e), 0, "a sweep of names");
	snprintf(want, sizeof want, "0:%" PRIu64 " 2:%" PRIu64 " 2:%" PRIu64, c, a, b);
	is_str(h.got, want, "one name under two persons, another birth date under none");
	buf_free(&keys);
	store_close(&s);
}

int main(void)
{
	msg_set_sink(quiet, NULL);
	snprintf(dir, sizeof dir, "/tmp/hv-store-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	struct store *s = open_store(dir, "tester");
	ok(s != NULL, "create a store in a fresh directory");
	if (!s)
		return done_testing();
	test_open_and_orgs(s);
	test_versions_and_audit(s);
	test_audit(s);
	test_find(s);
	test_indexes(s);
	test_scan(s);
	test_check_and_backup(s);
	store_close(&s);
	/* A second store of many similar names for the search planner. */
	char dir2[80];
	snprintf(dir2, sizeof dir2, "%s-2", dir);
	s = open_store(dir2, "tester");
	if (s) {
		test_find_vs_brute(s);
		struct err e2;
		err_clear(&e2);
		is_int(store_check(s, &e2), 0, "that store is consistent too");
		store_close(&s);
	}
	char cmd2[160];
	snprintf(cmd2, sizeof cmd2, "rm -rf %s", dir2);
	ok(system(cmd2) == 0, "cleanup of the second store");
	snprintf(dir2, sizeof dir2, "%s-3", dir);
	test_sweep(dir2);
	snprintf(cmd2, sizeof cmd2, "rm -rf %s", dir2);
	ok(system(cmd2) == 0, "cleanup of the third store");
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
