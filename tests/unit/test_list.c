/* Unit tests for store_list_persons: paging the official-order list forwards and backwards
 * from any row gives the same persons as one walk, and positions outlive changes. */
#include "tap.h"
#include "store_test.h"

#include "core/demo.h"
#include "core/record.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct row {
	uint64_t id;
	char *name;
	struct buf pos;
};

struct rows {
	struct row *r;
	size_t n, cap;
};

static int collect(const struct store_row *sr, void *ctx)
{
	struct rows *rs = ctx;
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->r = xrealloc(rs->r, rs->cap * sizeof *rs->r);
	}
	struct row *r = &rs->r[rs->n++];
	memset(r, 0, sizeof *r);
	r->id = sr->id;
	r->name = xstrdup(sr->name);
	buf_add(&r->pos, sr->pos, sr->pos_len);
	return 0;
}

static void rows_free(struct rows *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->r[i].name);
		buf_free(&rs->r[i].pos);
	}
	free(rs->r);
	memset(rs, 0, sizeof *rs);
}

static int list(struct store *s, const struct buf *pos, int dir, bool after, size_t n,
		struct rows *out)
{
	struct err e;
	err_clear(&e);
	return store_list_persons(s, NULL, pos ? pos->p : NULL, pos ? pos->len : 0, dir, after, n,
				  collect, out, &e);
}

/* Read the whole list a page at a time in direction dir, each page from the last row of the
 * page before, into out. */
static void page_through(struct store *s, int dir, size_t size, struct rows *out)
{
	struct buf at = BUF_INIT;
	bool first = true;
	for (;;) {
		struct rows page = { 0 };
		int got = list(s, first ? NULL : &at, dir, true, size, &page);
		first = false;
		if (got > 0) {
			for (size_t i = 0; i < page.n; i++)
				collect(&(struct store_row){ .id = page.r[i].id, .name = page.r[i].name,
							    .pos = page.r[i].pos.p,
							    .pos_len = page.r[i].pos.len },
					out);
			buf_reset(&at);
			buf_add(&at, page.r[page.n - 1].pos.p, page.r[page.n - 1].pos.len);
		}
		rows_free(&page);
		if (got <= 0)
			break;
	}
	buf_free(&at);
}

static int rename_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	uint64_t id = *(uint64_t *)ctx;
	struct person p = { 0 };
	int rc = store_get(s, t, REC_PERSON, id, &p, e);
	if (rc == 0) {
		free(p.full_name);
		p.full_name = xstrdup("Nguyễn Thị Zzzz");
		bool changed;
		rc = store_update(s, t, REC_PERSON, &p, &changed, e);
	}
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

int main(void)
{
	char tmpl[] = "/tmp/hv-list.XXXXXX";
	char *dir = mkdtemp(tmpl);
	struct store *s = test_open_store(dir, "tester");
	if (!s) {
		ok(0, "open a store");
		return done_testing();
	}
	struct err e;
	err_clear(&e);
	struct demo_run_opts o = { .persons = 500, .seed = 7, .today = 20260101 };
	struct demo_report dr;
	ok(demo_run(s, &o, &dr, &e) == 0, "a demo store of 500 persons");

	struct rows all = { 0 };
	int n = list(s, NULL, 1, false, 100000, &all);
	ok(n == 500 && all.n == 500, "one walk meets every person (%d)", n);

	/* Forward in pages of 7, each from the last row of the one before; backward in 9s. */
	struct rows paged = { 0 }, back = { 0 };
	page_through(s, 1, 7, &paged);
	bool same = paged.n == all.n;
	for (size_t i = 0; same && i < all.n; i++)
		same = paged.r[i].id == all.r[i].id;
	ok(same, "pages of 7 forwards give the same persons in the same order");
	page_through(s, -1, 9, &back);
	same = back.n == all.n;
	for (size_t i = 0; same && i < all.n; i++)
		same = back.r[i].id == all.r[all.n - 1 - i].id;
	ok(same, "pages of 9 backwards give the same persons in reverse order");

	/* From a row, inclusive and exclusive, both ways. */
	struct rows r = { 0 };
	list(s, &all.r[200].pos, 1, false, 3, &r);
	ok(r.n == 3 && r.r[0].id == all.r[200].id && r.r[2].id == all.r[202].id,
	   "forwards from row 200, inclusive");
	rows_free(&r);
	list(s, &all.r[200].pos, 1, true, 3, &r);
	ok(r.n == 3 && r.r[0].id == all.r[201].id, "forwards from row 200, exclusive");
	rows_free(&r);
	list(s, &all.r[200].pos, -1, false, 3, &r);
	ok(r.n == 3 && r.r[0].id == all.r[200].id && r.r[2].id == all.r[198].id,
	   "backwards from row 200, inclusive");
	rows_free(&r);
	list(s, &all.r[200].pos, -1, true, 3, &r);
	ok(r.n == 3 && r.r[0].id == all.r[199].id, "backwards from row 200, exclusive");
	rows_free(&r);
	list(s, &all.r[0].pos, -1, true, 3, &r);
	ok(r.n == 0, "nothing before the first row");
	rows_free(&r);

	/* The person at row 200 is renamed to the end of the alphabet: its old position still
	 * leads on to row 201. */
	uint64_t id = all.r[200].id;
	ok(store_write(s, rename_fn, &id, &e) == 0, "rename a person");
	list(s, &all.r[200].pos, 1, false, 2, &r);
	ok(r.n == 2 && r.r[0].id == all.r[201].id, "a stale position goes on from where it was");
	rows_free(&r);
	list(s, NULL, -1, false, 1, &r);
	ok(r.n == 1 && r.r[0].id == id && strcmp(r.r[0].name, "Nguyễn Thị Zzzz") == 0,
	   "the renamed person is now last");
	rows_free(&r);

	rows_free(&all);
	rows_free(&paged);
	rows_free(&back);
	store_close(&s);
	store_remove(dir);
	return done_testing();
}
