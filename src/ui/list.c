/* The member list: one screenful of persons in official order, read from the store page by
 * page (never the whole list), narrowed as the user types a name, a CCCD or a card number.
 *
 * Browsing keeps the position of the first row on screen and reads a page from there; moving
 * past either edge reads on from the row at that edge.  A search keeps how many hits lie
 * above the screen and asks the store for that many plus a page (searches are narrow, and the
 * hits come in official order). */
#include "ui/editor.h"
#include "ui/input.h"
#include "ui/pick.h"
#include "ui/person.h"
#include "ui/term.h"
#include "ui/ui.h"

#include "core/cccd.h"
#include "core/date.h"
#include "core/freq.h"
#include "core/orgs.h"
#include "core/record.h"
#include "core/screen.h"
#include "store/store.h"
#include "text/collate.h"
#include "text/utf8.h"
#include "util/err.h"
#include "util/hmap.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_ROWS 100

#define MAX_COLS 16

struct lrow {
	uint64_t id;
	hv_date birth;
	char *name;
	struct buf pos;		/* browsing: the row's place in the list */
	struct buf orgs;	/* "CD, PN" */
	struct buf unit;	/* the unit of the first membership */
	char *cell[MAX_COLS];	/* the text of each column of screens/list.scr */
};

struct list {
	struct ui_screen base;
	struct screen *scr;	/* screens/list.scr: the columns */
	bool need_person;	/* a column shows a person field the name index does not hold */
	struct buf query;
	struct vn_ime_state typing;	/* the input method's keys for the query's last word */
	struct lrow rows[MAX_ROWS];
	int nrows, cur;
	struct buf anchor;	/* browsing: position of the first row (empty: the start) */
	size_t skip;		/* searching: hits above the screen */
	bool more;		/* searching: hits below the screen */
	struct org_list orgs;
	char note[600];		/* why the list is empty */
	unsigned data_gen;	/* the app's data_gen when the rows were read */
	/* Filter: the organization in view is the app's (a->org_id); a unit (with the units
	 * under it) and a membership status (-1: any when no organization or unit is chosen,
	 * active otherwise). */
	uint64_t unit;
	char unit_name[200];
	int status;
	struct hmap subtree;	/* units under the chosen one (key: id) */
	/* A unit's members, read through the unit index and sorted in official order: a branch
	 * is small, and walking a million names for its fifty would be slow. */
	struct sel *sel;
	size_t nsel, sel_top;
	bool sel_ready;
};

struct sel {
	char *collkey;
	size_t klen;
	uint64_t id;
	hv_date birth;
	char *name;
};

static int page_rows(void)
{
	int n = term_rows() - 6;	/* title, search line, headings, message, status */
	return n < 1 ? 1 : n > MAX_ROWS ? MAX_ROWS : n;
}

static void row_free(struct lrow *r);

static void rows_clear(struct list *l)
{
	for (int i = 0; i < l->nrows; i++)
		row_free(&l->rows[i]);
	l->nrows = 0;
}

struct gather {
	struct ui_app *a;
	struct list *l;
	struct lrow *r;
	bool match;
	struct membership first;	/* the first active membership (in the organization in view) */
	bool have_first;
};

/* The membership status the filter asks for (-1: any): the one chosen, else active when an
 * organization or a unit is. */
static int wanted_status(const struct ui_app *a, const struct list *l)
{
	return l->status >= 0 ? l->status : (a->org_id || l->unit) ? MS_ACTIVE : -1;
}

/* Does a membership pass the filter?  (core/freq.c counts with the same rule.) */
static bool wanted(struct ui_app *a, struct list *l, const struct membership *m)
{
	if (a->org_id && m->org_id != a->org_id)
		return false;
	int status = wanted_status(a, l);
	if (status >= 0 && m->status != status)
		return false;
	if (l->unit) {
		char k[24];
		int kn = snprintf(k, sizeof k, "%llu", (unsigned long long)m->unit_id);
		if (!hmap_get(&l->subtree, k, (size_t)kn, NULL))
			return false;
	}
	return true;
}

static bool filtering(const struct ui_app *a, const struct list *l)
{
	return a->org_id || l->unit || l->status >= 0;
}

static int each_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct gather *g = ctx;
	if (wanted(g->a, g->l, m))
		g->match = true;
	if (m->status != MS_ACTIVE)
		return 0;
	if (!g->have_first || (g->a->org_id && m->org_id == g->a->org_id &&
			       g->first.org_id != g->a->org_id)) {
		rec_clear(&REC_DEF_MEMBERSHIP, &g->first);
		rec_copy(&REC_DEF_MEMBERSHIP, &g->first, m);
		g->have_first = true;
	}
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

/* The text of column c for a row. */
static char *cell_text(struct ui_app *a, const struct screen_column *c, const struct lrow *r,
		       const struct person *p, const struct gather *g)
{
	(void)a;
	struct buf b = BUF_INIT;
	if (c->ref.pseudo == SPS_ORG) {
		buf_adds(&b, buf_str(&r->orgs));
	} else if (c->ref.pseudo == SPS_UNIT) {
		buf_adds(&b, buf_str(&r->unit));
	} else if (c->ref.rec == REC_PERSON && c->ref.def) {
		if (strcmp(c->ref.def->name, "full_name") == 0)
			buf_adds(&b, r->name);
		else if (strcmp(c->ref.def->name, "birth") == 0) {
			char d[16];
			buf_adds(&b, date_format(r->birth, d));
		} else if (p)
			rec_field_text(c->ref.def, p, &b);
	} else if (c->ref.rec == REC_MEMBERSHIP && c->ref.def && g->have_first) {
		rec_field_text(c->ref.def, &g->first, &b);
	}
	return buf_steal(&b);
}

/* Read a person into r with the cells of every column (false if the filter leaves them out;
 * r then holds nothing to free). */
static bool row_build(struct ui_app *a, struct list *l, struct lrow *r, uint64_t id, hv_date birth,
		      const char *name, const void *pos, size_t pos_len)
{
	*r = (struct lrow){ .id = id, .birth = birth, .pos = BUF_INIT, .orgs = BUF_INIT,
			    .unit = BUF_INIT };
	struct gather g = { .a = a, .l = l, .r = r };
	struct err e;
	err_clear(&e);
	store_each_membership_of_person(a->store, NULL, id, each_membership, &g, &e);
	if (filtering(a, l) && !g.match) {
		buf_free(&r->orgs);
		buf_free(&r->unit);
		rec_clear(&REC_DEF_MEMBERSHIP, &g.first);
		return false;
	}
	r->name = xstrdup(name);
	if (pos)
		buf_add(&r->pos, pos, pos_len);
	struct person p = { 0 };
	bool have_p = false;
	if (l->need_person) {
		have_p = store_get(a->store, NULL, REC_PERSON, id, &p, &e) == 0;
		err_clear(&e);
	}
	for (size_t c = 0; l->scr && c < l->scr->ncolumns && c < MAX_COLS; c++)
		r->cell[c] = cell_text(a, &l->scr->columns[c], r, have_p ? &p : NULL, &g);
	rec_clear(&REC_DEF_PERSON, &p);
	rec_clear(&REC_DEF_MEMBERSHIP, &g.first);
	return true;
}

static void row_free(struct lrow *r)
{
	free(r->name);
	for (int c = 0; c < MAX_COLS; c++)
		free(r->cell[c]);
	buf_free(&r->pos);
	buf_free(&r->orgs);
	buf_free(&r->unit);
}

/* Add a person as a row (false if the filter leaves them out). */
static bool add_row(struct ui_app *a, struct list *l, int at, uint64_t id, hv_date birth,
		    const char *name, const void *pos, size_t pos_len)
{
	struct lrow r;
	if (!row_build(a, l, &r, id, birth, name, pos, pos_len))
		return false;
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

/* ---- a unit's members ---------------------------------------------------------------------- */

/* Memberships a unit's list is read into memory for; a bigger subtree is walked instead. */
#define SEL_MAX 50000

struct sel_build {
	struct ui_app *a;
	struct list *l;
	struct hmap persons;
	size_t n;
	bool too_big;
	struct store *s;
	struct store_txn *t;
	struct err *e;
};

static int sel_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct sel_build *b = ctx;
	if (++b->n > SEL_MAX) {
		b->too_big = true;
		return 1;
	}
	if (!wanted(b->a, b->l, m))
		return 0;
	char k[24];
	int kn = snprintf(k, sizeof k, "%llu", (unsigned long long)m->person_id);
	hmap_put(&b->persons, k, (size_t)kn, m->person_id);
	return 0;
}

static int sel_unit(struct sel_build *b, uint64_t unit)
{
	return store_each_membership_of_unit(b->s, b->t, unit, sel_membership, b, b->e);
}

static int cmp_sel(const void *x, const void *y)
{
	const struct sel *a = x, *b = y;
	size_t n = a->klen < b->klen ? a->klen : b->klen;
	int c = memcmp(a->collkey, b->collkey, n);
	if (c)
		return c;
	if (a->klen != b->klen)
		return a->klen < b->klen ? -1 : 1;
	if (a->birth != b->birth)
		return a->birth < b->birth ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

static void sel_clear(struct list *l)
{
	for (size_t i = 0; i < l->nsel; i++) {
		free(l->sel[i].collkey);
		free(l->sel[i].name);
	}
	free(l->sel);
	l->sel = NULL;
	l->nsel = l->sel_top = 0;
	l->sel_ready = false;
}

static int sel_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct sel_build *b = ctx;
	b->s = s;
	b->t = t;
	b->e = e;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < b->l->subtree.cap; i++)
		if (b->l->subtree.slots[i].key)
			rc = sel_unit(b, b->l->subtree.slots[i].val);
	if (rc < 0 || b->too_big)
		return rc < 0 ? rc : 0;
	struct list *l = b->l;
	l->sel = xcalloc(b->persons.len ? b->persons.len : 1, sizeof *l->sel);
	for (size_t i = 0; i < b->persons.cap; i++) {
		if (!b->persons.slots[i].key)
			continue;
		struct person p = { 0 };
		if (store_get(s, t, REC_PERSON, b->persons.slots[i].val, &p, e) == 0) {
			struct buf k = BUF_INIT;
			const char *name = p.full_name ? p.full_name : "";
			vn_name_collkey(&k, name, strlen(name));
			struct sel *x = &l->sel[l->nsel++];
			x->klen = k.len;
			x->collkey = buf_steal(&k);
			x->id = p.m.id;
			x->birth = p.birth;
			x->name = xstrdup(name);
		} else {
			err_clear(e);
		}
		rec_clear(&REC_DEF_PERSON, &p);
	}
	qsort(l->sel, l->nsel, sizeof *l->sel, cmp_sel);
	l->sel_ready = true;
	return 0;
}

static void sel_build(struct ui_app *a, struct list *l)
{
	sel_clear(l);
	struct sel_build b = { .a = a, .l = l };
	hmap_init(&b.persons);
	struct err e;
	err_clear(&e);
	if (store_read(a->store, sel_fn, &b, &e) < 0) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
	}
	hmap_free(&b.persons);
}

static bool sel_mode(const struct list *l)
{
	return !l->query.len && l->unit && l->sel_ready;
}

static void sel_fill(struct ui_app *a, struct list *l)
{
	rows_clear(l);
	size_t page = (size_t)page_rows();
	if (l->sel_top + page > l->nsel)
		l->sel_top = l->nsel > page ? l->nsel - page : 0;
	for (size_t i = l->sel_top; i < l->nsel && (size_t)l->nrows < page; i++)
		add_row(a, l, l->nrows, l->sel[i].id, l->sel[i].birth, l->sel[i].name, NULL, 0);
}

static void fill(struct ui_app *a, struct list *l)
{
	if (l->data_gen != a->data_gen && l->unit)
		sel_build(a, l);
	l->data_gen = a->data_gen;
	if (l->query.len)
		search_fill(a, l);
	else if (sel_mode(l))
		sel_fill(a, l);
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
	if (sel_mode(l)) {
		int cur = l->cur + by;
		l->sel_top += (size_t)(cur - (page - 1) > 0 ? cur - (page - 1) : 0);
		sel_fill(a, l);
		l->cur = cur < page ? cur : page - 1;
		if (l->cur >= l->nrows)
			l->cur = l->nrows ? l->nrows - 1 : 0;
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
	if (sel_mode(l)) {
		size_t back = (size_t)by - (size_t)l->cur;
		l->sel_top = l->sel_top > back ? l->sel_top - back : 0;
		sel_fill(a, l);
		l->cur = 0;
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
	/* The rows above the screen, read with the list's own filter; the first of them is the
	 * new top. */
	struct buf from = BUF_INIT;
	buf_add(&from, l->anchor.p, l->anchor.len);
	rows_clear(l);
	read_rows(a, l, &from, -1, true, by - l->cur);
	buf_free(&from);
	if (l->nrows)
		set_anchor(l, &l->rows[0]);
	browse_fill(a, l);
	l->cur = 0;
}

static void go_first(struct ui_app *a, struct list *l)
{
	l->skip = 0;
	l->sel_top = 0;
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
	if (sel_mode(l)) {
		l->sel_top = l->nsel;
		sel_fill(a, l);
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
	char filt[300] = "";
	if (l->unit || l->status >= 0)
		snprintf(filt, sizeof filt, " [%s%s%s]", l->unit ? l->unit_name : "",
			 l->unit && l->status >= 0 ? ", " : "",
			 l->status >= 0 ? mstatus_text(l->status) : "");
	int fw = term_width_of(filt);
	if (fw > qw / 2)
		fw = qw / 2;
	qw -= fw;
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
	if (fw)
		term_text(1, 1 + lw + qw, fw, filt, TA_DIM, false);
	/* The columns of screens/list.scr, left to right, one space apart; the last one takes
	 * what is left of a wider terminal. */
	int page = page_rows();
	size_t nc = l->scr ? l->scr->ncolumns : 0;
	if (nc > MAX_COLS)
		nc = MAX_COLS;
	int x = 1;
	for (size_t c = 0; c < nc; c++) {
		const struct screen_column *col = &l->scr->columns[c];
		int w = c + 1 == nc ? cols - 1 - x : col->width;
		if (w < 1)
			break;
		term_text(2, x, w, screen_text(&col->heading), TA_HEADING, true);
		for (int i = 0; i < l->nrows && i < page; i++) {
			const struct lrow *r = &l->rows[i];
			enum term_attr at = i == l->cur ? TA_SELECTED : TA_NORMAL;
			if (c == 0 && i == l->cur)
				term_fill(3 + i, 0, cols, TA_SELECTED);
			const char *t = r->cell[c] ? r->cell[c] : "";
			int tw = term_width_of(t);
			int pad = col->align == SAL_RIGHT && tw < w ? w - tw
				  : col->align == SAL_CENTER && tw < w ? (w - tw) / 2 : 0;
			term_fill(3 + i, x, pad, at);
			term_text(3 + i, x + pad, w - pad, t, at, true);
		}
		x += w + 1;
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

/* ---- removing a member: a status change with its reason, never a deletion ---------------- */

static const int reasons[] = { MS_LEFT, MS_DECEASED, MS_TRANSFERRED, MS_SUSPENDED };
#define NREASONS ((int)(sizeof reasons / sizeof *reasons))

struct removal {
	uint64_t person, org;		/* org 0: every organization */
	int status;
	hv_date today;
	int changed;
	struct store *s;
	struct store_txn *t;
	struct err *e;
	int rc;
};

static int end_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct removal *r = ctx;
	if (m->status != MS_ACTIVE || (r->org && m->org_id != r->org))
		return 0;
	struct membership upd = { 0 };
	rec_copy(&REC_DEF_MEMBERSHIP, &upd, m);
	upd.status = r->status;
	upd.status_date = r->today;
	bool changed = false;
	r->rc = store_update(r->s, r->t, REC_MEMBERSHIP, &upd, &changed, r->e);
	rec_clear(&REC_DEF_MEMBERSHIP, &upd);
	if (r->rc)
		return r->rc;
	r->changed += changed;
	return 0;
}

static int removal_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct removal *r = ctx;
	r->s = s;
	r->t = t;
	r->e = e;
	r->rc = 0;
	r->changed = 0;
	int rc = store_each_membership_of_person(s, t, r->person, end_membership, r, e);
	return rc < 0 ? rc : r->rc;
}

/* What a chooser opened from the list works on, and the items it shows (the chooser borrows
 * them: they live here, freed with it). */
struct list_choice {
	struct list *l;
	uint64_t person;
	char name[200];
	const char *items[8];
};

static struct list_choice *choice_new(struct list *l)
{
	struct list_choice *c = xcalloc(1, sizeof *c);
	c->l = l;
	return c;
}

static void reason_picked(struct ui_app *a, void *ctx, int index, const char *item)
{
	struct list_choice *rc = ctx;
	char q[400];
	if (a->org_id)
		snprintf(q, sizeof q, _("%s: %s in %s, from today? (y/n) "), rc->name, item,
			 a->org_code);
	else
		snprintf(q, sizeof q, _("%s: %s in every organization, from today? (y/n) "),
			 rc->name, item);
	if (ui_confirm(a, q)) {
		struct removal r = { .person = rc->person, .org = a->org_id,
				     .status = reasons[index], .today = date_today() };
		struct err e;
		err_clear(&e);
		if (store_write(a->store, removal_fn, &r, &e) != 0) {
			char text[900];
			ui_error(a, "%s", err_format(&e, text, sizeof text));
		} else if (!r.changed) {
			ui_message(a, _("%s has no active membership to end."), rc->name);
		} else {
			a->data_gen++;
			ui_message(a, _("Recorded: %s, %s (%d memberships; their history is kept)."),
				   rc->name, item, r.changed);
		}
	}
}

static int ask_reason(struct ui_app *a, struct list *l)
{
	if (!l->nrows)
		return UI_OK;
	struct list_choice *rc = choice_new(l);
	for (int i = 0; i < NREASONS; i++)
		rc->items[i] = mstatus_text(reasons[i]);
	rc->person = l->rows[l->cur].id;
	snprintf(rc->name, sizeof rc->name, "%s", l->rows[l->cur].name);
	char title[300];
	snprintf(title, sizeof title, _("Why is %s no longer a member?"), rc->name);
	ui_push(a, ui_choose_new(a, title, rc->items, NREASONS, reason_picked, rc, NULL));
	return UI_OK;
}

/* ---- the filter ------------------------------------------------------------------------- */

static void refilter(struct ui_app *a, struct list *l)
{
	sel_clear(l);
	if (l->unit)
		sel_build(a, l);
	l->skip = 0;
	l->cur = 0;
	set_anchor(l, NULL);
	fill(a, l);
}

static int subtree_child(const void *rec, void *ctx);

struct subtree_walk {
	struct list *l;
	uint64_t org;
	struct store *s;
	struct store_txn *t;
	struct err *e;
	int depth;
};

static void subtree_add(struct subtree_walk *w, uint64_t unit)
{
	char k[24];
	int kn = snprintf(k, sizeof k, "%llu", (unsigned long long)unit);
	hmap_put(&w->l->subtree, k, (size_t)kn, unit);
	if (w->depth++ < 32)
		store_each_child_unit(w->s, w->t, w->org, unit, subtree_child, w, w->e);
	w->depth--;
}

static int subtree_child(const void *rec, void *ctx)
{
	subtree_add(ctx, ((const struct unit *)rec)->m.id);
	return 0;
}

static int subtree_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct subtree_walk *w = ctx;
	w->s = s;
	w->t = t;
	w->e = e;
	hmap_free(&w->l->subtree);
	hmap_init(&w->l->subtree);
	subtree_add(w, w->l->unit);
	return 0;
}

static void org_chosen(struct ui_app *a, void *ctx, uint64_t id, const char *text)
{
	struct list *l = ctx;
	a->org_id = id;
	const char *sp = strchr(text, ' ');
	snprintf(a->org_code, sizeof a->org_code, "%.*s",
		 sp ? (int)(sp - text) : (int)strlen(text), text);
	/* A unit belongs to one organization: another organization drops it. */
	l->unit = 0;
	l->unit_name[0] = '\0';
	refilter(a, l);
}

static void unit_chosen(struct ui_app *a, void *ctx, uint64_t id, const char *text)
{
	struct list *l = ctx;
	l->unit = id;
	const char *last = strrchr(text, '/');
	snprintf(l->unit_name, sizeof l->unit_name, "%s", last ? last + 2 : text);
	struct subtree_walk w = { .l = l, .org = a->org_id };
	struct err e;
	err_clear(&e);
	if (store_read(a->store, subtree_fn, &w, &e) < 0) {
		char t[900];
		ui_error(a, "%s", err_format(&e, t, sizeof t));
	}
	refilter(a, l);
}

static const int statuses[] = { -1, MS_ACTIVE, MS_TRANSFERRED, MS_LEFT, MS_DECEASED, MS_SUSPENDED };
#define NSTATUSES ((int)(sizeof statuses / sizeof *statuses))

static void status_chosen(struct ui_app *a, void *ctx, int index, const char *item)
{
	(void)item;
	struct list_choice *c = ctx;
	c->l->status = statuses[index];
	refilter(a, c->l);
}

static void filter_chosen(struct ui_app *a, void *ctx, int index, const char *item)
{
	(void)item;
	struct list *l = ((struct list_choice *)ctx)->l;
	switch (index) {
	case 0:
		ui_pick_org(a, _("Members of which organization?"), true, org_chosen, l);
		break;
	case 1:
		if (!a->org_id) {
			ui_error(a, "%s", _("Choose the organization first: units belong to one."));
			break;
		}
		ui_pick_unit(a, _("Members of which unit (with the units under it)?"), a->org_id,
			     unit_chosen, l);
		break;
	case 2: {
		struct list_choice *c = choice_new(l);
		c->items[0] = _("Any status");
		for (int i = 1; i < NSTATUSES; i++)
			c->items[i] = mstatus_text(statuses[i]);
		ui_push(a, ui_choose_new(a, _("Members with which status?"), c->items, NSTATUSES,
					 status_chosen, c, NULL));
		break;
	}
	default:
		a->org_id = 0;
		l->unit = 0;
		l->unit_name[0] = '\0';
		l->status = -1;
		refilter(a, l);
		break;
	}
}

static int ask_filter(struct ui_app *a, struct list *l)
{
	struct list_choice *c = choice_new(l);
	c->items[0] = _("Organization");
	c->items[1] = _("Unit");
	c->items[2] = _("Status");
	c->items[3] = _("Show everyone (no filter)");
	ui_push(a, ui_choose_new(a, _("Filter the list by"), c->items, 4, filter_chosen, c, NULL));
	return UI_OK;
}

/* ---- counting a column ------------------------------------------------------------------- */

/* The frequency view: every person the list holds under its search and filter (not only the
 * screenful), counted by the value of one column in the store (core/freq.c).  A count that
 * takes a while shows how far it is on the message line and stops on Escape or C-g. */

struct count_progress {
	struct ui_app *a;
	double start, shown;
};

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int count_progress(void *ctx, uint64_t done, uint64_t total)
{
	struct count_progress *p = ctx;
	struct ui_app *a = p->a;
	for (uint32_t k; (k = term_key_ready()) != 0;) {
		if (k == TERM_KEY_HANGUP) {
			a->quit = true;
			return 1;
		}
		if (k == KM_ESCAPE || k == KM_CTRL('g') ||
		    keymap_lookup(a->keys, KM_LIST, k) == KA_CANCEL)
			return 1;
		/* Other keys typed meanwhile are dropped: they were meant for a list that is
		 * not on the screen yet. */
	}
	double now = now_s();
	if (now - p->start < 0.2 || now - p->shown < 0.1)
		return 0;
	p->shown = now;
	buf_reset(&a->message);
	buf_adds(&a->message, _("Counting…"));
	if (total)
		buf_printf(&a->message, " %d%%", (int)(100.0 * (double)done / (double)total));
	else
		buf_printf(&a->message, " %" PRIu64, done);
	buf_adds(&a->message, "   ");
	static const int stop[] = { KA_CANCEL };
	ui_hints(a, KM_LIST, stop, 1, &a->message);
	a->message_error = false;
	ui_repaint(a);
	return 0;
}

/* The chooser that shows the counts owns their texts. */
struct count_view {
	char **items;
	size_t n;
};

static void count_view_free(void *ctx)
{
	struct count_view *v = ctx;
	for (size_t i = 0; i < v->n; i++)
		free(v->items[i]);
	free(v->items);
	free(v);
}

static void count_picked(struct ui_app *a, void *ctx, int index, const char *item)
{
	(void)a;
	(void)ctx;
	(void)index;
	(void)item;
}

/* The chooser of a column owns this; the headings are the list's screen file's. */
struct col_choice {
	struct list *l;
	const char *heads[MAX_COLS];
};

static char *count_line(uint64_t n, uint64_t total, const char *text)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "%8" PRIu64 "  %5.1f%%  %s", n,
		   total ? 100.0 * (double)n / (double)total : 0.0, text);
	return buf_steal(&b);
}

static void column_chosen(struct ui_app *a, void *ctx, int index, const char *item)
{
	struct col_choice *c = ctx;
	struct list *l = c->l;
	/* The list's filter (wanted) and search. */
	size_t nunits = 0;
	uint64_t *units = NULL;
	if (l->unit) {
		units = xcalloc(l->subtree.len + 1, sizeof *units);
		for (size_t i = 0; i < l->subtree.cap; i++)
			if (l->subtree.slots[i].key)
				units[nunits++] = l->subtree.slots[i].val;
	}
	struct count_progress prog = { .a = a, .start = now_s() };
	struct freq_opts o = {
		.col = &l->scr->columns[index].ref,
		.filter = { .query = l->query.len ? buf_str(&l->query) : NULL,
			    .org = a->org_id, .units = units, .nunits = nunits,
			    .status = wanted_status(a, l) },
		.progress = count_progress,
		.progress_ctx = &prog,
	};
	ui_message(a, "%s", _("Counting…"));
	ui_repaint(a);
	struct freq_result r;
	struct err e;
	err_clear(&e);
	int rc = freq_count(a->store, &o, &r, &e);
	free(units);
	buf_reset(&a->message);
	if (rc != 0) {
		if (rc < 0) {
			char text[600];
			ui_error(a, "%s", err_format(&e, text, sizeof text));
		}
		return;
	}
	struct count_view *v = xcalloc(1, sizeof *v);
	v->items = xcalloc(r.n + 1, sizeof *v->items);
	for (size_t i = 0; i < r.n; i++)
		v->items[v->n++] = count_line(r.items[i].n, r.total,
					      *r.items[i].text ? r.items[i].text : _("(empty)"));
	if (r.other) {
		/* Values met after the first FREQ_MAX_VALUES, together. */
		char other[100];
		snprintf(other, sizeof other, "(%s)", _("Other"));
		v->items[v->n++] = count_line(r.other, r.total, other);
	}
	char title[300];
	snprintf(title, sizeof title, _("%s: %" PRIu64 " members counted"), item, r.total);
	freq_result_free(&r);
	ui_push(a, ui_choose_new(a, title, (const char *const *)v->items, v->n, count_picked, v,
				 count_view_free));
}

/* F6: which column to count. */
static int ask_column(struct ui_app *a, struct list *l)
{
	if (!l->scr || !l->scr->ncolumns)
		return UI_OK;
	struct col_choice *c = xcalloc(1, sizeof *c);
	c->l = l;
	size_t n = 0;
	for (size_t i = 0; i < l->scr->ncolumns && i < MAX_COLS; i++)
		c->heads[n++] = screen_text(&l->scr->columns[i].heading);
	ui_push(a, ui_choose_new(a, _("Count the values of which column?"), c->heads, n,
				 column_chosen, c, NULL));
	return UI_OK;
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
		memset(&l->typing, 0, sizeof l->typing);
		query_changed(a, l);
		return UI_OK;
	case KA_BACKSPACE:
		if (l->query.len) {
			/* Remove the last letter with its marks, not a byte of it. */
			size_t at = l->query.len;
			ui_input_backspace(&l->typing, &l->query, &at);
			query_changed(a, l);
		}
		return UI_OK;
	case KA_CANCEL:
		if (l->query.len) {
			buf_reset(&l->query);
			memset(&l->typing, 0, sizeof l->typing);
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
		return ask_reason(a, l);
	case KA_FILTER:
		return ask_filter(a, l);
	case KA_COUNT:
		return ask_column(a, l);
	default:
		break;
	}
	if (action == KA_NONE && k >= 0x20 && k < KM_SPECIAL && k != 0x7f) {
		if (l->query.len >= 200)
			return UI_OK;
		size_t at = l->query.len;
		ui_input_key(a, &l->typing, &l->query, &at, k);
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
	sel_clear(l);
	hmap_free(&l->subtree);
	screen_free(&l->scr);
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
	l->status = -1;
	hmap_init(&l->subtree);
	l->scr = ui_load_screen(a, "list");
	for (size_t c = 0; l->scr && c < l->scr->ncolumns; c++) {
		const struct screen_column *col = &l->scr->columns[c];
		if (col->ref.rec == REC_PERSON && col->ref.def &&
		    strcmp(col->ref.def->name, "full_name") != 0 &&
		    strcmp(col->ref.def->name, "birth") != 0)
			l->need_person = true;
	}
	struct err e;
	err_clear(&e);
	if (org_list_load(a->store, NULL, &l->orgs, &e) != 0) {
		char text[600];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
	}
	fill(a, l);
	return &l->base;
}

struct ui_screen *ui_list_of_unit(struct ui_app *a, uint64_t org, const char *org_code,
				  uint64_t unit, const char *unit_name)
{
	a->org_id = org;
	snprintf(a->org_code, sizeof a->org_code, "%s", org_code);
	struct ui_screen *s = ui_list_new(a);
	unit_chosen(a, (struct list *)s, unit, unit_name);
	return s;
}
