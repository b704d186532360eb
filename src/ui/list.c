/* The member list: one screenful of persons in official order, read from the store page by
 * page (never the whole list), narrowed as the user types a name, a CCCD or a card number.
 *
 * Browsing keeps the position of the first row on screen and reads a page from there; moving
 * past either edge reads on from the row at that edge.  A search keeps how many hits lie
 * above the screen and asks the store for that many plus a page (searches are narrow, and the
 * hits come in official order). */
#include "ui/person.h"
#include "ui/term.h"
#include "ui/ui.h"

#include "core/cccd.h"
#include "core/date.h"
#include "core/orgs.h"
#include "core/record.h"
#include "store/store.h"
#include "text/utf8.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 100

struct lrow {
	uint64_t id;
	hv_date birth;
	char *name;
	struct buf pos;		/* browsing: the row's place in the list */
	struct buf orgs;	/* "CD, PN" */
	struct buf unit;	/* the unit of the first membership */
};

struct list {
	struct ui_screen base;
	struct buf query;
	struct lrow rows[MAX_ROWS];
	int nrows, cur;
	struct buf anchor;	/* browsing: position of the first row (empty: the start) */
	size_t skip;		/* searching: hits above the screen */
	bool more;		/* searching: hits below the screen */
	struct org_list orgs;
	char note[600];		/* why the list is empty */
	unsigned data_gen;	/* the app's data_gen when the rows were read */
};

static int page_rows(void)
{
	int n = term_rows() - 6;	/* title, search line, headings, message, status */
	return n < 1 ? 1 : n > MAX_ROWS ? MAX_ROWS : n;
}

static void rows_clear(struct list *l)
{
	for (int i = 0; i < l->nrows; i++) {
		struct lrow *r = &l->rows[i];
		free(r->name);
		buf_free(&r->pos);
		buf_free(&r->orgs);
		buf_free(&r->unit);
	}
	l->nrows = 0;
}

struct gather {
	struct ui_app *a;
	struct list *l;
	struct lrow *r;
	bool in_org;
};

static int each_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct gather *g = ctx;
	if (m->status != MS_ACTIVE)
		return 0;
	if (g->a->org_id && m->org_id == g->a->org_id)
		g->in_org = true;
	const struct org_entry *o = org_list_by_id(&g->l->orgs, m->org_id);
	if (g->r->orgs.len)
		buf_adds(&g->r->orgs, ", ");
	buf_adds(&g->r->orgs, o ? o->code : "?");
	if (!g->r->unit.len && m->unit_id) {
		struct unit u = { 0 };
		struct err e;
		err_clear(&e);
		if (store_get(g->a->store, NULL, REC_UNIT, m->unit_id, &u, &e) == 0 && u.name)
			buf_adds(&g->r->unit, u.name);
		rec_clear(&REC_DEF_UNIT, &u);
	}
	return 0;
}

/* Add a person as a row (false if the organization in view does not have them). */
static bool add_row(struct ui_app *a, struct list *l, int at, uint64_t id, hv_date birth,
		    const char *name, const void *pos, size_t pos_len)
{
	struct lrow r = { .id = id, .birth = birth, .pos = BUF_INIT, .orgs = BUF_INIT,
			  .unit = BUF_INIT };
	struct gather g = { a, l, &r, false };
	struct err e;
	err_clear(&e);
	store_each_membership_of_person(a->store, NULL, id, each_membership, &g, &e);
	if (a->org_id && !g.in_org) {
		buf_free(&r.orgs);
		buf_free(&r.unit);
		return false;
	}
	r.name = xstrdup(name);
	if (pos)
		buf_add(&r.pos, pos, pos_len);
	if (at < l->nrows)
		memmove(&l->rows[at + 1], &l->rows[at], (size_t)(l->nrows - at) * sizeof r);
	l->rows[at] = r;
	l->nrows++;
	return true;
}

/* ---- browsing ----------------------------------------------------------------------------- */

struct pager {
	struct ui_app *a;
	struct list *l;
	int want, got;
	bool prepend;
};

static int on_row(const struct store_row *sr, void *ctx)
{
	struct pager *p = ctx;
	if (add_row(p->a, p->l, p->prepend ? 0 : p->l->nrows, sr->id, sr->birth, sr->name, sr->pos,
		    sr->pos_len))
		p->got++;
	return p->got >= p->want ? 1 : 0;
}

/* Read rows: forwards from pos (appended) or backwards (prepended); returns how many. */
static int read_rows(struct ui_app *a, struct list *l, const struct buf *pos, int dir, bool after,
		     int n)
{
	if (n > MAX_ROWS - l->nrows)
		n = MAX_ROWS - l->nrows;
	if (n <= 0)
		return 0;
	struct pager p = { a, l, n, 0, dir < 0 };
	struct err e;
	err_clear(&e);
	int rc = store_list_persons(a->store, NULL, pos && pos->len ? pos->p : NULL,
				    pos ? pos->len : 0, dir, after, SIZE_MAX, on_row, &p, &e);
	if (rc < 0) {
		char text[600];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
	}
	return p.got;
}

static void browse_fill(struct ui_app *a, struct list *l)
{
	rows_clear(l);
	int page = page_rows();
	read_rows(a, l, &l->anchor, 1, false, page);
	if (l->nrows < page && l->anchor.len) {
		/* The end of the list: fill the screen from above. */
		if (l->nrows) {
			struct buf first = BUF_INIT;
			buf_add(&first, l->rows[0].pos.p, l->rows[0].pos.len);
			read_rows(a, l, &first, -1, true, page - l->nrows);
			buf_free(&first);
		} else {
			read_rows(a, l, NULL, -1, false, page);
		}
		buf_reset(&l->anchor);
		if (l->nrows)
			buf_add(&l->anchor, l->rows[0].pos.p, l->rows[0].pos.len);
	}
}

static void set_anchor(struct list *l, const struct lrow *r)
{
	struct buf b = BUF_INIT;
	if (r)
		buf_add(&b, r->pos.p, r->pos.len);
	buf_free(&l->anchor);
	l->anchor = b;
}

/* ---- searching ---------------------------------------------------------------------------- */

struct finder {
	struct ui_app *a;
	struct list *l;
	size_t seen, skip;
	int want;
	bool more;
};

static int on_hit_person(struct finder *f, uint64_t id, hv_date birth, const char *name)
{
	for (int i = 0; i < f->l->nrows; i++)
		if (f->l->rows[i].id == id)
			return 0;	/* found twice (by CCCD and by card) */
	if (f->l->nrows >= f->want) {
		f->more = true;
		return 1;
	}
	if (f->seen++ < f->skip)
		return 0;
	add_row(f->a, f->l, f->l->nrows, id, birth, name, NULL, 0);
	return 0;
}

static int on_hit(const struct find_hit *h, void *ctx)
{
	return on_hit_person(ctx, h->id, h->birth, h->name);
}

static int on_card(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct finder *f = ctx;
	struct person p = { 0 };
	struct err e;
	err_clear(&e);
	int rc = 0;
	if (store_get(f->a->store, NULL, REC_PERSON, m->person_id, &p, &e) == 0)
		rc = on_hit_person(f, p.m.id, p.birth, p.full_name ? p.full_name : "");
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

static void search_fill(struct ui_app *a, struct list *l)
{
	rows_clear(l);
	l->note[0] = '\0';
	const char *q = buf_str(&l->query);
	struct finder f = { a, l, 0, l->skip, page_rows(), false };
	struct err e;
	err_clear(&e);
	int rc = 0;
	char digits[32];
	size_t nd = cccd_query_digits(q, digits, sizeof digits);
	bool has_digit = strpbrk(q, "0123456789") != NULL;
	if (nd == 9 || nd == 12) {
		struct person p = { 0 };
		rc = store_person_by_cccd(a->store, NULL, digits, &p, &e);
		if (rc == 0)
			on_hit_person(&f, p.m.id, p.birth, p.full_name ? p.full_name : "");
		else if (rc == -ERR_NOTFOUND) {
			rc = 0;
			err_clear(&e);
		}
		rec_clear(&REC_DEF_PERSON, &p);
	}
	if (rc >= 0 && has_digit && !strchr(q, ' '))
		rc = store_each_membership_by_card(a->store, NULL, q, on_card, &f, &e);
	else if (rc >= 0 && !has_digit)
		rc = store_find_name(a->store, NULL, q, 0, on_hit, &f, NULL, &e);
	if (rc < 0) {
		if (e.code == ERR_INVAL || e.code == ERR_USAGE) {
			snprintf(l->note, sizeof l->note, "%s", e.msg);
		} else {
			char text[600];
			ui_error(a, "%s", err_format(&e, text, sizeof text));
		}
	}
	l->more = f.more;
}

static void fill(struct ui_app *a, struct list *l)
{
	l->data_gen = a->data_gen;
	if (l->query.len)
		search_fill(a, l);
	else
		browse_fill(a, l);
	if (l->cur >= l->nrows)
		l->cur = l->nrows ? l->nrows - 1 : 0;
}

/* ---- moving ------------------------------------------------------------------------------- */

static void move_down(struct ui_app *a, struct list *l, int by)
{
	int page = page_rows();
	if (l->cur + by < l->nrows && l->cur + by < page) {
		l->cur += by;
		return;
	}
	if (l->query.len) {
		if (!l->more) {
			l->cur = l->nrows ? l->nrows - 1 : 0;
			return;
		}
		l->skip += (size_t)by;
		int cur = l->cur;
		search_fill(a, l);
		l->cur = cur < l->nrows ? cur : l->nrows - 1;
		return;
	}
	if (!l->nrows)
		return;
	/* Browsing: read on from the last row; the view moves by as many rows as came. */
	struct buf last = BUF_INIT;
	buf_add(&last, l->rows[l->nrows - 1].pos.p, l->rows[l->nrows - 1].pos.len);
	int extra = read_rows(a, l, &last, 1, true, by);
	buf_free(&last);
	if (extra == 0) {
		l->cur = l->nrows - 1;
		return;
	}
	int drop = l->nrows > page ? l->nrows - page : 0;
	set_anchor(l, &l->rows[drop]);
	int cur = l->cur + by - drop;
	browse_fill(a, l);
	l->cur = cur < l->nrows ? cur : l->nrows - 1;
}

static void move_up(struct ui_app *a, struct list *l, int by)
{
	if (l->cur - by >= 0) {
		l->cur -= by;
		return;
	}
	if (l->query.len) {
		size_t back = (size_t)by - (size_t)l->cur;
		l->skip = l->skip > back ? l->skip - back : 0;
		search_fill(a, l);
		l->cur = 0;
		return;
	}
	if (!l->nrows || !l->anchor.len) {
		l->cur = 0;
		return;
	}
	int need = by - l->cur;
	struct list tmp = { .nrows = 0 };
	tmp.orgs = l->orgs;
	read_rows(a, &tmp, &l->anchor, -1, true, need);
	if (tmp.nrows)
		set_anchor(l, &tmp.rows[0]);
	tmp.orgs = (struct org_list){ 0 };
	rows_clear(&tmp);
	browse_fill(a, l);
	l->cur = 0;
}

static void go_first(struct ui_app *a, struct list *l)
{
	l->skip = 0;
	l->cur = 0;
	set_anchor(l, NULL);
	fill(a, l);
}

static void go_last(struct ui_app *a, struct list *l)
{
	if (l->query.len) {
		/* Searches are narrow: step to the end a page at a time. */
		while (l->more)
			move_down(a, l, page_rows());
		l->cur = l->nrows ? l->nrows - 1 : 0;
		return;
	}
	rows_clear(l);
	read_rows(a, l, NULL, -1, false, page_rows());
	set_anchor(l, l->nrows ? &l->rows[0] : NULL);
	browse_fill(a, l);
	l->cur = l->nrows ? l->nrows - 1 : 0;
}

/* ---- the screen --------------------------------------------------------------------------- */

static const char *title(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	(void)s;
	return _("Members");
}

static void draw(struct ui_app *a, struct ui_screen *s)
{
	struct list *l = (struct list *)s;
	if (l->data_gen != a->data_gen)
		fill(a, l);	/* something was saved meanwhile */
	int cols = term_cols();
	const char *label = _("Search: ");
	int lw = term_text(1, 1, cols - 2, label, TA_LABEL, false);
	int qw = cols - 2 - lw;
	const char *q = buf_str(&l->query);
	int qcols = term_width_of(q);
	/* Show the end of a long query: that is where the typing happens. */
	while (qcols >= qw && *q) {
		uint32_t cp;
		int n = utf8_decode(q, strlen(q), &cp);
		q += n > 0 ? n : 1;
		qcols = term_width_of(q);
	}
	term_text(1, 1 + lw, qw, q, TA_INPUT, true);
	/* Columns: name 30, birth 10, organizations 14, unit the rest. */
	int cname = 30, cbirth = 11, corg = 15;
	int cunit = cols - 2 - cname - cbirth - corg - 3;
	term_text(2, 1, cname, _("Full name"), TA_HEADING, true);
	term_text(2, 2 + cname, cbirth, _("Born"), TA_HEADING, true);
	term_text(2, 3 + cname + cbirth, corg, _("Organizations"), TA_HEADING, true);
	term_text(2, 4 + cname + cbirth + corg, cunit, _("Unit"), TA_HEADING, true);
	int page = page_rows();
	for (int i = 0; i < l->nrows && i < page; i++) {
		const struct lrow *r = &l->rows[i];
		enum term_attr at = i == l->cur ? TA_SELECTED : TA_NORMAL;
		int row = 3 + i;
		char bd[16];
		date_format(r->birth, bd);
		if (i == l->cur)
			term_fill(row, 0, cols, TA_SELECTED);
		term_text(row, 1, cname, r->name, at, true);
		term_text(row, 2 + cname, cbirth, bd, at, true);
		term_text(row, 3 + cname + cbirth, corg, buf_str(&r->orgs), at, true);
		term_text(row, 4 + cname + cbirth + corg, cunit, buf_str(&r->unit), at, true);
	}
	if (!l->nrows) {
		const char *why = l->note[0] ? l->note
				  : l->query.len ? _("Nobody matches.")
				  : a->org_id ? _("This organization has no members yet.")
					      : _("The store has no persons yet.");
		term_text(4, 2, cols - 4, why, TA_DIM, false);
	}
	term_cursor(1, 1 + lw + term_width_of(q));
}

static void hints(struct ui_app *a, struct ui_screen *s, struct buf *out)
{
	(void)s;
	static const int acts[] = { KA_OPEN, KA_NEW, KA_HELP };
	ui_hints(a, KM_LIST, acts, 3, out);
}

static void query_changed(struct ui_app *a, struct list *l)
{
	l->skip = 0;
	l->cur = 0;
	set_anchor(l, NULL);
	fill(a, l);
}

static int key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	struct list *l = (struct list *)s;
	int page = page_rows();
	switch (action) {
	case KA_UP: move_up(a, l, 1); return UI_OK;
	case KA_DOWN: move_down(a, l, 1); return UI_OK;
	case KA_PAGE_UP: move_up(a, l, page); return UI_OK;
	case KA_PAGE_DOWN: move_down(a, l, page); return UI_OK;
	case KA_FIRST: go_first(a, l); return UI_OK;
	case KA_LAST: go_last(a, l); return UI_OK;
	case KA_SEARCH: return UI_OK;	/* the search box always has the typing */
	case KA_CLEAR_SEARCH:
		buf_reset(&l->query);
		query_changed(a, l);
		return UI_OK;
	case KA_BACKSPACE:
		if (l->query.len) {
			/* Remove the last letter with its marks, not a byte of it. */
			size_t n = l->query.len;
			while (n > 0 && ((unsigned char)l->query.p[n - 1] & 0xc0) == 0x80)
				n--;
			if (n > 0)
				n--;
			l->query.len = n;
			l->query.p[n] = '\0';
			query_changed(a, l);
		}
		return UI_OK;
	case KA_CANCEL:
		if (l->query.len) {
			buf_reset(&l->query);
			query_changed(a, l);
			return UI_OK;
		}
		return UI_POP;
	case KA_OPEN:
		if (l->nrows)
			ui_push(a, ui_person_new(a, l->rows[l->cur].id));
		return UI_OK;
	case KA_NEW:
		ui_push(a, ui_person_new(a, 0));
		return UI_OK;
	case KA_DELETE:
	case KA_FILTER:
		ui_message(a, "%s", _("This part of the member list is not in this version yet."));
		return UI_OK;
	default:
		break;
	}
	if (action == KA_NONE && k >= 0x20 && k < KM_SPECIAL && k != 0x7f) {
		if (l->query.len >= 200)
			return UI_OK;
		char u[4];
		size_t n = utf8_encode(k, u);
		buf_add(&l->query, u, n);
		query_changed(a, l);
		return UI_OK;
	}
	return UI_UNHANDLED;
}

static void list_free(struct ui_screen *s)
{
	struct list *l = (struct list *)s;
	rows_clear(l);
	buf_free(&l->query);
	buf_free(&l->anchor);
	org_list_free(&l->orgs);
	free(l);
}

static const struct ui_screen_ops list_ops = {
	.name = "list",
	.ctx = KM_LIST,
	.title = title,
	.draw = draw,
	.key = key,
	.hints = hints,
	.free = list_free,
};

struct ui_screen *ui_list_new(struct ui_app *a)
{
	struct list *l = xcalloc(1, sizeof *l);
	l->base.ops = &list_ops;
	l->query = (struct buf)BUF_INIT;
	l->anchor = (struct buf)BUF_INIT;
	struct err e;
	err_clear(&e);
	if (org_list_load(a->store, NULL, &l->orgs, &e) != 0) {
		char text[600];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
	}
	fill(a, l);
	return &l->base;
}
