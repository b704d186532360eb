/* Unit tests for src/store/merge.c: removing a record; merging two person records (memberships
 * moved, empty fields filled, the other removed, not-a-duplicate decisions moved) and undoing
 * it from its audit entry alone; the indexes checked after each; conflicts refused; the overlap
 * report before, after and after the undo; not-a-duplicate decisions and dedupe_find.
 *
 * The store: ND (Xã A > Chi hội A1) and PN (Chi hội PN A).  Lan (P1, ND, a phone) and Lan (P2,
 * PN, a CCCD and an address) are one woman registered by two organizations; Bình (P3, ND);
 * Hoa (P4, ND and PN); Nam (P5) and Nam (P6), both ND, two men of one name and birth date. */
#include "tap.h"

#include "core/dedupe.h"
#include "core/record.h"
#include "core/report.h"
#include "store/store.h"
#include "store_test.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct store *S;

enum { ND, PN, NORG };

struct world {
	uint64_t org[NORG];
	uint64_t a1, pn_a;
	uint64_t p[8];		/* persons 1..7 */
	uint64_t m2;		/* P2's membership (PN) */
	uint64_t m1;		/* P1's membership (ND) */
};

static struct world W;

static int unit(struct store *s, struct store_txn *t, uint64_t org, uint64_t parent,
		const char *name, uint64_t *id, struct err *e)
{
	struct unit u = { .org_id = org, .parent_id = parent };
	u.name = xstrdup(name);
	int rc = store_insert(s, t, REC_UNIT, &u, e);
	*id = u.m.id;
	rec_clear(&REC_DEF_UNIT, &u);
	return rc;
}

static int person(struct store *s, struct store_txn *t, const char *name, int sex, hv_date birth,
		  const char *cccd, const char *phone, const char *address, uint64_t *id,
		  struct err *e)
{
	struct person p = { .sex = sex, .birth = birth };
	p.full_name = xstrdup(name);
	p.cccd = cccd ? xstrdup(cccd) : NULL;
	p.phone = phone ? xstrdup(phone) : NULL;
	p.address = address ? xstrdup(address) : NULL;
	p.ethnicity = xstrdup("Kinh");
	int rc = store_insert(s, t, REC_PERSON, &p, e);
	*id = p.m.id;
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

static int member(struct store *s, struct store_txn *t, uint64_t pid, uint64_t org,
		  uint64_t unit_id, uint64_t *id, struct err *e)
{
	struct membership m = { .person_id = pid, .org_id = org, .unit_id = unit_id,
				.join_date = 20100101 };
	int rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
	if (id)
		*id = m.m.id;
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return rc;
}

static int build_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct world *w = ctx;
	static const char *const codes[NORG] = { "ND", "PN" };
	int rc = 0;
	for (int i = 0; i < NORG && rc == 0; i++) {
		struct org o = { 0 };
		rc = store_org_by_code(s, t, codes[i], &o, e);
		w->org[i] = o.m.id;
		rec_clear(&REC_DEF_ORG, &o);
	}
	uint64_t xa;
	if (rc || (rc = unit(s, t, w->org[ND], 0, "Xã A", &xa, e)) ||
	    (rc = unit(s, t, w->org[ND], xa, "Chi hội A1", &w->a1, e)) ||
	    (rc = unit(s, t, w->org[PN], 0, "Chi hội PN A", &w->pn_a, e)))
		return rc;
	if ((rc = person(s, t, "Nguyễn Thị Lan", SEX_FEMALE, 19800512, NULL, "0912345678", NULL,
			 &w->p[1], e)) ||
	    (rc = person(s, t, "Nguyễn Thị Lan", SEX_FEMALE, 19800512, "001180012345", NULL,
			 "Thôn Đông, xã An Bình", &w->p[2], e)) ||
	    (rc = person(s, t, "Trần Văn Bình", SEX_MALE, 19750101, NULL, NULL, NULL, &w->p[3], e)) ||
	    (rc = person(s, t, "Lê Thị Hoa", SEX_FEMALE, 19900101, NULL, NULL, NULL, &w->p[4], e)) ||
	    (rc = person(s, t, "Phạm Văn Nam", SEX_MALE, 19850303, NULL, NULL, NULL, &w->p[5], e)) ||
	    (rc = person(s, t, "Phạm Văn Nam", SEX_MALE, 19850303, NULL, NULL, NULL, &w->p[6], e)))
		return rc;
	if ((rc = member(s, t, w->p[1], w->org[ND], w->a1, &w->m1, e)) ||
	    (rc = member(s, t, w->p[2], w->org[PN], w->pn_a, &w->m2, e)) ||
	    (rc = member(s, t, w->p[3], w->org[ND], w->a1, NULL, e)) ||
	    (rc = member(s, t, w->p[4], w->org[ND], w->a1, NULL, e)) ||
	    (rc = member(s, t, w->p[4], w->org[PN], w->pn_a, NULL, e)) ||
	    (rc = member(s, t, w->p[5], w->org[ND], w->a1, NULL, e)) ||
	    (rc = member(s, t, w->p[6], w->org[ND], w->a1, NULL, e)))
		return rc;
	return 0;
}

/* ---- store operations in their own transactions ------------------------------------------- */

enum op_kind { OP_MERGE, OP_UNDO, OP_NOTDUP_ADD, OP_NOTDUP_REMOVE, OP_DELETE, OP_UPDATE };

struct op {
	enum op_kind kind;
	uint64_t a, b;
	uint32_t va, vb;
	uint64_t seq;
	const char *note;
	struct buf said;
	void *rec;
	enum rec_type type;
	int result;	/* store_notdup_add's 0 or 1 */
};

static int op_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct op *o = ctx;
	int rc;
	switch (o->kind) {
	case OP_MERGE: return store_merge_persons(s, t, o->a, o->va, o->b, o->vb, &o->seq, e);
	case OP_UNDO: return store_merge_undo(s, t, o->a, o->seq, &o->said, e);
	case OP_NOTDUP_ADD:
		rc = store_notdup_add(s, t, o->a, o->b, o->note, e);
		o->result = rc > 0 ? rc : 0;
		return rc > 0 ? 0 : rc;
	case OP_NOTDUP_REMOVE: return store_notdup_remove(s, t, o->a, o->b, e);
	case OP_DELETE: return store_delete(s, t, o->type, o->a, o->va, e);
	case OP_UPDATE: return store_update(s, t, o->type, o->rec, NULL, e);
	}
	return 0;
}

static int run(struct op *o, struct err *e)
{
	err_clear(e);
	int rc = store_write(S, op_fn, o, e);
	if (rc && rc != -ERR_CONFLICT && rc != -ERR_INVAL && rc != -ERR_NOTFOUND && rc != -ERR_EXISTS)
		diag("unexpected: %s", e->msg);
	return rc;
}

static int merge(uint64_t keep, uint64_t gone, uint64_t *seq, struct err *e)
{
	struct person k = { 0 }, g = { 0 };
	store_get(S, NULL, REC_PERSON, keep, &k, NULL);
	store_get(S, NULL, REC_PERSON, gone, &g, NULL);
	struct op o = { .kind = OP_MERGE, .a = keep, .b = gone, .va = k.m.version,
			.vb = g.m.version };
	rec_clear(&REC_DEF_PERSON, &k);
	rec_clear(&REC_DEF_PERSON, &g);
	int rc = run(&o, e);
	*seq = o.seq;
	return rc;
}

static int undo(uint64_t keep, uint64_t seq, struct buf *said, struct err *e)
{
	struct op o = { .kind = OP_UNDO, .a = keep, .seq = seq, .said = BUF_INIT };
	int rc = run(&o, e);
	if (said)
		buf_adds(said, buf_str(&o.said));
	buf_free(&o.said);
	return rc;
}

static int notdup(bool add, uint64_t a, uint64_t b, int *result, struct err *e)
{
	struct op o = { .kind = add ? OP_NOTDUP_ADD : OP_NOTDUP_REMOVE, .a = a, .b = b,
			.note = "hai người khác nhau" };
	int rc = run(&o, e);
	if (result)
		*result = o.result;
	return rc;
}

static long check(void)
{
	struct err e;
	err_clear(&e);
	return store_check(S, &e);
}

/* The store's bytes of a person, as rec_encode writes them from the record read. */
static bool person_bytes(uint64_t id, struct buf *out)
{
	struct person p = { 0 };
	buf_reset(out);
	bool ok_ = store_get(S, NULL, REC_PERSON, id, &p, NULL) == 0;
	if (ok_)
		rec_encode(&REC_DEF_PERSON, &p, out);
	rec_clear(&REC_DEF_PERSON, &p);
	return ok_;
}

static int count_fn(const void *rec, void *ctx)
{
	(void)rec;
	(*(int *)ctx)++;
	return 0;
}

static int memberships_of(uint64_t pid)
{
	int n = 0;
	store_each_membership_of_person(S, NULL, pid, count_fn, &n, NULL);
	return n;
}

/* ---- dedupe ------------------------------------------------------------------------------- */

struct found {
	struct dedupe_pair v[64];
	size_t n;
};

static int collect(const struct dedupe_pair *p, void *ctx)
{
	struct found *f = ctx;
	if (f->n < 64)
		f->v[f->n++] = *p;
	return 0;
}

/* The pairs dedupe_find proposes, the store's not-a-duplicate decisions excluded. */
static void find_pairs(struct found *f, struct dedupe_stats *st)
{
	struct dedupe_opts o = { .min_score = -1 };
	struct dedupe_id_pair *ex = NULL;
	struct err e;
	err_clear(&e);
	f->n = 0;
	if (dedupe_exclusions_load(S, &ex, &o.nexcluded, &e) != 0)
		diag("dedupe_exclusions_load: %s", e.msg);
	o.excluded = ex;
	if (dedupe_find(S, &o, collect, f, st, &e) != 0)
		diag("dedupe_find: %s", e.msg);
	free(ex);
}

static bool proposed(const struct found *f, uint64_t a, uint64_t b)
{
	for (size_t i = 0; i < f->n; i++)
		if ((f->v[i].a == a && f->v[i].b == b) || (f->v[i].a == b && f->v[i].b == a))
			return true;
	return false;
}

/* ---- notdup records ------------------------------------------------------------------------ */

struct nd_find {
	uint64_t a, b, id;
};

static int nd_fn(const void *rec, void *ctx)
{
	const struct notdup *d = rec;
	struct nd_find *f = ctx;
	if (d->person_a == f->a && d->person_b == f->b) {
		f->id = d->m.id;
		return 1;
	}
	return 0;
}

/* The id of the decision (a, b), a < b, or 0. */
static uint64_t nd_id(uint64_t a, uint64_t b)
{
	struct nd_find f = { a < b ? a : b, a < b ? b : a, 0 };
	store_each(S, NULL, REC_NOTDUP, nd_fn, &f, NULL);
	return f.id;
}

/* ---- overlap ----------------------------------------------------------------------------- */

struct figures {
	uint64_t persons, memberships, in1, in2, nd, pn, nd_pn;
};

static void overlap(struct figures *fg)
{
	struct report_opts o = { .as_of = 20250101 };
	struct report_overlap r;
	struct err e;
	err_clear(&e);
	memset(fg, 0, sizeof *fg);
	if (report_overlap(S, &o, &r, &e) != 0) {
		diag("report_overlap: %s", e.msg);
		return;
	}
	int nd = -1, pn = -1;
	for (size_t i = 0; i < r.norgs; i++) {
		if (strcmp(r.codes[i], "ND") == 0)
			nd = (int)i;
		if (strcmp(r.codes[i], "PN") == 0)
			pn = (int)i;
	}
	fg->persons = r.total.persons;
	fg->memberships = r.total.memberships;
	fg->in1 = r.total.by_orgs[0];
	fg->in2 = r.total.by_orgs[1];
	if (nd >= 0 && pn >= 0) {
		fg->nd = r.orgs[nd].persons;
		fg->pn = r.orgs[pn].persons;
		fg->nd_pn = r.orgs[nd].both[pn];
	}
	report_overlap_free(&r);
}

static void is_figures(const struct figures *g, const struct figures *w, const char *what)
{
	is_int(g->persons, w->persons, "%s: %llu persons", what, (unsigned long long)w->persons);
	is_int(g->memberships, w->memberships, "%s: %llu memberships", what,
	       (unsigned long long)w->memberships);
	is_int(g->in1, w->in1, "%s: %llu in one organization", what, (unsigned long long)w->in1);
	is_int(g->in2, w->in2, "%s: %llu in two", what, (unsigned long long)w->in2);
	is_int(g->nd, w->nd, "%s: ND has %llu persons", what, (unsigned long long)w->nd);
	is_int(g->pn, w->pn, "%s: PN has %llu persons", what, (unsigned long long)w->pn);
	is_int(g->nd_pn, w->nd_pn, "%s: %llu in both ND and PN", what, (unsigned long long)w->nd_pn);
}

/* ---- the tests ------------------------------------------------------------------------------ */

static const struct figures BEFORE = { .persons = 6, .memberships = 7, .in1 = 5, .in2 = 1,
				       .nd = 5, .pn = 2, .nd_pn = 1 };
/* Lan is one person in two organizations: one person fewer, the same memberships. */
static const struct figures AFTER = { .persons = 5, .memberships = 7, .in1 = 3, .in2 = 2,
				      .nd = 5, .pn = 2, .nd_pn = 2 };

static void test_notdup(void)
{
	struct err e;
	struct found f;
	struct dedupe_stats st;
	find_pairs(&f, &st);
	ok(proposed(&f, W.p[1], W.p[2]), "the two Lans are proposed");
	ok(proposed(&f, W.p[5], W.p[6]), "the two Nams are proposed");
	int res = -1;
	is_int(notdup(true, W.p[6], W.p[5], &res, &e), 0, "Nam and Nam: not a duplicate");
	is_int(res, 0, "recorded");
	ok(nd_id(W.p[5], W.p[6]) != 0, "stored with the smaller id first");
	is_int(notdup(true, W.p[5], W.p[6], &res, &e), 0, "recorded again");
	is_int(res, 1, "the second time nothing is added");
	uint64_t n = 0;
	store_count(S, NULL, REC_NOTDUP, &n, NULL);
	is_int(n, 1, "one decision stored");
	find_pairs(&f, &st);
	ok(!proposed(&f, W.p[5], W.p[6]), "the Nams are no longer proposed");
	ok(proposed(&f, W.p[1], W.p[2]), "the Lans still are");
	is_int(st.excluded, 1, "one pair left out as decided");
	is_int(notdup(true, W.p[3], W.p[3], NULL, &e), -ERR_INVAL, "a person with themself: refused");
	is_int(notdup(true, W.p[3], 9999, NULL, &e), -ERR_NOTFOUND, "a missing person: refused");
	is_int(notdup(false, W.p[3], W.p[4], NULL, &e), -ERR_NOTFOUND,
	       "removing a pair never recorded: not found");
	/* For the merge: P2's decisions with P3 (moves to P1) and with P4 (P1 has it already). */
	is_int(notdup(true, W.p[2], W.p[3], NULL, &e), 0, "Lan (P2) and Bình");
	is_int(notdup(true, W.p[2], W.p[4], NULL, &e), 0, "Lan (P2) and Hoa");
	is_int(notdup(true, W.p[1], W.p[4], NULL, &e), 0, "Lan (P1) and Hoa");
	is_int(check(), 0, "the store checks clean");
}

static void test_refused(void)
{
	struct err e;
	struct person p1 = { 0 }, p2 = { 0 };
	store_get(S, NULL, REC_PERSON, W.p[1], &p1, NULL);
	store_get(S, NULL, REC_PERSON, W.p[2], &p2, NULL);
	struct op o = { .kind = OP_MERGE, .a = W.p[1], .b = W.p[2], .va = p1.m.version + 1,
			.vb = p2.m.version };
	is_int(run(&o, &e), -ERR_CONFLICT, "a merge from a stale version of keep: conflict");
	ok(strstr(e.msg, "was changed by") != NULL, "saying who changed it (%s)", e.msg);
	o.va = p1.m.version;
	o.vb = p2.m.version - 1;
	is_int(run(&o, &e), -ERR_CONFLICT, "from a stale version of the other: conflict");
	o.b = W.p[1];
	o.vb = p1.m.version;
	is_int(run(&o, &e), -ERR_INVAL, "a person into themself: refused");
	ok(strstr(e.msg, "into itself") != NULL, "saying so (%s)", e.msg);
	o.b = 9999;
	is_int(run(&o, &e), -ERR_NOTFOUND, "a missing person: refused");
	struct buf raw = BUF_INIT;
	ok(memberships_of(W.p[2]) == 1 && person_bytes(W.p[2], &raw), "nothing changed");
	buf_free(&raw);
	rec_clear(&REC_DEF_PERSON, &p1);
	rec_clear(&REC_DEF_PERSON, &p2);
	/* store_delete's refusals. */
	struct op d = { .kind = OP_DELETE, .type = REC_PERSON, .a = W.p[3], .va = 1 };
	is_int(run(&d, &e), -ERR_INVAL, "removing a person who has memberships: refused");
	d.va = 7;
	is_int(run(&d, &e), -ERR_CONFLICT, "removing a stale version: conflict");
	d.type = REC_UNIT;
	d.a = W.a1;
	d.va = 1;
	is_int(run(&d, &e), -ERR_INVAL, "removing a unit with members: refused");
	d.type = REC_AUDIT;
	is_int(run(&d, &e), -ERR_INVAL, "audit entries are never removed");
}

static int last_op(const void *rec, void *ctx)
{
	*(int64_t *)ctx = ((const struct audit *)rec)->op;
	return 0;
}

int main(void)
{
	char dir[] = "/tmp/hv-merge-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	S = test_open_store(dir, "t");
	if (!S)
		return 1;
	struct err e;
	err_clear(&e);
	if (!ok(store_write(S, build_fn, &W, &e) == 0, "build the store"))
		diag("%s", e.msg);
	struct figures fg;
	overlap(&fg);
	is_figures(&fg, &BEFORE, "before");
	test_notdup();
	test_refused();

	/* The merge: P2 into P1. */
	struct buf p2_before = BUF_INIT, p2_after = BUF_INIT, said = BUF_INIT;
	ok(person_bytes(W.p[2], &p2_before), "P2 as stored before");
	uint64_t nd23 = nd_id(W.p[2], W.p[3]), nd24 = nd_id(W.p[2], W.p[4]);
	uint64_t seq = 0;
	is_int(merge(W.p[1], W.p[2], &seq, &e), 0, "merge P2 into P1");
	ok(seq != 0, "the merge's audit number (%llu)", (unsigned long long)seq);
	struct person p1 = { 0 }, tmp = { 0 };
	is_int(store_get(S, NULL, REC_PERSON, W.p[2], &tmp, NULL), -ERR_NOTFOUND, "P2 is gone");
	store_get(S, NULL, REC_PERSON, W.p[1], &p1, NULL);
	is_str(p1.phone, "0912345678", "P1 keeps its own phone");
	is_str(p1.cccd, "001180012345", "and takes P2's CCCD");
	is_str(p1.address, "Thôn Đông, xã An Bình", "and P2's address");
	is_int(p1.m.version, 2, "P1 saved once");
	is_int(memberships_of(W.p[1]), 2, "P1 has both memberships");
	struct membership m2 = { 0 };
	store_get(S, NULL, REC_MEMBERSHIP, W.m2, &m2, NULL);
	ok(m2.person_id == W.p[1], "P2's PN membership is P1's now");
	rec_clear(&REC_DEF_MEMBERSHIP, &m2);
	is_int(store_person_by_cccd(S, NULL, "001180012345", &tmp, NULL), 0, "the CCCD finds ...");
	ok(tmp.m.id == W.p[1], "... P1");
	rec_clear(&REC_DEF_PERSON, &tmp);
	ok(nd_id(W.p[1], W.p[3]) == nd23 && nd_id(W.p[2], W.p[3]) == 0,
	   "P2's decision with Bình is P1's now");
	ok(nd_id(W.p[2], W.p[4]) == 0 && nd_id(W.p[1], W.p[4]) != 0,
	   "the one with Hoa is dropped: P1 has it already");
	is_int(check(), 0, "the store checks clean after the merge");

	struct store_merge m;
	is_int(store_merge_read(S, NULL, W.p[1], seq, &m, &e), 0, "the merge entry reads");
	ok(m.keep == W.p[1] && m.gone == W.p[2], "keep and gone");
	ok(m.gone_raw.len == p2_before.len && memcmp(m.gone_raw.p, p2_before.p, p2_before.len) == 0,
	   "it holds P2's record, byte for byte");
	ok(m.nmoved == 1 && m.moved[0] == W.m2, "and the membership moved");
	ok(m.filled.cccd && m.filled.address && !m.filled.phone && !m.filled.full_name &&
	   !m.filled.sex, "and the fields filled: CCCD and address");
	ok(m.nnotdup == 2, "and the two decisions that named P2");
	store_merge_clear(&m);

	overlap(&fg);
	is_figures(&fg, &AFTER, "after the merge");
	struct found f;
	struct dedupe_stats st;
	find_pairs(&f, &st);
	ok(!proposed(&f, W.p[1], W.p[2]), "the Lans are no longer proposed");

	/* The undo, from the audit entry alone. */
	is_int(undo(W.p[1], seq, &said, &e), 0, "undo the merge");
	is_str(buf_str(&said), "", "nothing left as it was");
	ok(person_bytes(W.p[2], &p2_after), "P2 is back");
	ok(p2_after.len == p2_before.len && memcmp(p2_after.p, p2_before.p, p2_before.len) == 0,
	   "byte for byte, under its own id");
	rec_clear(&REC_DEF_PERSON, &p1);
	store_get(S, NULL, REC_PERSON, W.p[1], &p1, NULL);
	ok(!p1.cccd && !p1.address && p1.phone, "P1 gave back the CCCD and the address");
	is_int(memberships_of(W.p[1]), 1, "P1 has its own membership");
	is_int(memberships_of(W.p[2]), 1, "P2 has its own back");
	is_int(store_person_by_cccd(S, NULL, "001180012345", &tmp, NULL), 0, "the CCCD finds ...");
	ok(tmp.m.id == W.p[2], "... P2 again");
	rec_clear(&REC_DEF_PERSON, &tmp);
	ok(nd_id(W.p[2], W.p[3]) == nd23 && nd_id(W.p[1], W.p[3]) == 0,
	   "the decision with Bình is P2's again");
	ok(nd_id(W.p[2], W.p[4]) == nd24, "the one with Hoa is back under its id");
	is_int(check(), 0, "the store checks clean after the undo");
	overlap(&fg);
	is_figures(&fg, &BEFORE, "after the undo");
	find_pairs(&f, &st);
	ok(proposed(&f, W.p[1], W.p[2]), "the Lans are proposed again");

	is_int(undo(W.p[1], seq, NULL, &e), -ERR_INVAL, "a second undo is refused");
	ok(strstr(e.msg, "undone already") != NULL, "saying so (%s)", e.msg);
	bool undone = false;
	store_merge_undone(S, NULL, W.p[1], seq, &undone, NULL, &e);
	ok(undone, "the merge reads as undone");
	is_int(undo(W.p[1], seq + 1000, NULL, &e), -ERR_NOTFOUND, "no such merge: not found");

	/* Merged again, then changed: the undo leaves the change and says so. */
	is_int(merge(W.p[1], W.p[2], &seq, &e), 0, "merge again");
	rec_clear(&REC_DEF_PERSON, &p1);
	store_get(S, NULL, REC_PERSON, W.p[1], &p1, NULL);
	free(p1.address);
	p1.address = xstrdup("Số 5, phố Huế");
	struct op up = { .kind = OP_UPDATE, .type = REC_PERSON, .rec = &p1 };
	is_int(run(&up, &e), 0, "P1's address changed after the merge");
	buf_reset(&said);
	is_int(undo(W.p[1], seq, &said, &e), 0, "undo");
	ok(strstr(buf_str(&said), "Address of person") != NULL, "the address is left, and said");
	rec_clear(&REC_DEF_PERSON, &p1);
	store_get(S, NULL, REC_PERSON, W.p[1], &p1, NULL);
	is_str(p1.address, "Số 5, phố Huế", "as it was changed");
	ok(!p1.cccd, "the CCCD is given back");
	is_int(memberships_of(W.p[2]), 1, "P2 has its membership back");
	is_int(check(), 0, "the store checks clean");

	/* Gone's CCCD taken by a third person meanwhile: the undo is refused until it is free. */
	is_int(merge(W.p[1], W.p[2], &seq, &e), 0, "merge a third time");
	rec_clear(&REC_DEF_PERSON, &p1);
	store_get(S, NULL, REC_PERSON, W.p[1], &p1, NULL);
	free(p1.cccd);
	p1.cccd = xstrdup("001180099999");
	is_int(run(&up, &e), 0, "P1's CCCD corrected");
	struct person p3 = { 0 };
	store_get(S, NULL, REC_PERSON, W.p[3], &p3, NULL);
	p3.cccd = xstrdup("001180012345");
	struct op up3 = { .kind = OP_UPDATE, .type = REC_PERSON, .rec = &p3 };
	is_int(run(&up3, &e), 0, "and P2's old CCCD given to Bình");
	is_int(undo(W.p[1], seq, NULL, &e), -ERR_EXISTS, "the undo is refused");
	ok(strstr(e.msg, "now belongs to Trần Văn Bình") != NULL, "saying who has it (%s)", e.msg);
	is_int(memberships_of(W.p[1]), 2, "nothing changed");
	rec_clear(&REC_DEF_PERSON, &p3);
	store_get(S, NULL, REC_PERSON, W.p[3], &p3, NULL);
	free(p3.cccd);
	p3.cccd = NULL;
	is_int(run(&up3, &e), 0, "Bình's CCCD taken off");
	rec_clear(&REC_DEF_PERSON, &p3);
	buf_reset(&said);
	is_int(undo(W.p[1], seq, &said, &e), 0, "then the undo goes through");
	ok(strstr(buf_str(&said), "Citizen ID (CCCD) of person") != NULL, "leaving P1's CCCD");
	is_int(store_person_by_cccd(S, NULL, "001180012345", &tmp, NULL), 0, "P2's CCCD is ...");
	ok(tmp.m.id == W.p[2], "... P2's again");
	rec_clear(&REC_DEF_PERSON, &tmp);
	is_int(check(), 0, "the store checks clean");

	/* store_delete of a person without memberships: the record, its indexes and decisions. */
	struct op nd = { .kind = OP_NOTDUP_REMOVE, .a = W.p[5], .b = W.p[6] };
	is_int(run(&nd, &e), 0, "Nam and Nam: the decision removed");
	find_pairs(&f, &st);
	ok(proposed(&f, W.p[5], W.p[6]), "the Nams are proposed again");
	is_int(notdup(true, W.p[5], W.p[6], NULL, &e), 0, "and decided again");
	/* P6's membership goes first, then P6. */
	struct membership m6 = { 0 };
	uint64_t m6id = 0;
	for (uint64_t id = 1; id < 20; id++) {
		if (store_get(S, NULL, REC_MEMBERSHIP, id, &m6, NULL) == 0 && m6.person_id == W.p[6]) {
			m6id = id;
			break;
		}
		rec_clear(&REC_DEF_MEMBERSHIP, &m6);
	}
	struct op dm = { .kind = OP_DELETE, .type = REC_MEMBERSHIP, .a = m6id, .va = m6.m.version };
	rec_clear(&REC_DEF_MEMBERSHIP, &m6);
	is_int(run(&dm, &e), 0, "P6's membership removed");
	struct op dp = { .kind = OP_DELETE, .type = REC_PERSON, .a = W.p[6], .va = 1 };
	is_int(run(&dp, &e), 0, "P6 removed");
	is_int(store_get(S, NULL, REC_PERSON, W.p[6], &tmp, NULL), -ERR_NOTFOUND, "P6 is gone");
	ok(nd_id(W.p[5], W.p[6]) == 0, "with its decision");
	int64_t op = 0;
	store_each_audit_of(S, NULL, REC_PERSON, W.p[6], last_op, &op, NULL);
	is_int(op, AUDIT_DELETE, "its history ends with the removal");
	is_int(check(), 0, "the store checks clean after the removals");

	rec_clear(&REC_DEF_PERSON, &p1);
	buf_free(&p2_before);
	buf_free(&p2_after);
	buf_free(&said);
	store_close(&S);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
