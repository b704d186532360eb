/* Units: the tree of one organization's units at a time, with the active members of each
 * (the unit and the units under it) and this year's eligible population.  Add, rename and move
 * units, edit a unit's area and figures (unitedit.c); Enter on a branch opens its members.
 * Only the expanded part of the tree is read, and counts are read for the rows on screen and
 * kept until something is saved. */
#include "ui/pick.h"
#include "ui/term.h"
#include "ui/ui.h"

#include "core/date.h"
#include "core/orgs.h"
#include "core/unitpath.h"
#include "store/store.h"
#include "text/fold.h"
#include "util/err.h"
#include "util/hmap.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
	uint64_t id;
	char *name;
	int depth;
	bool has_children, open;
	uint64_t area_tags;
};

struct units {
	struct ui_screen base;
	struct org_list orgs;
	size_t org;		/* index in orgs */
	struct node *rows;
	size_t nrows, cur, top;
	struct hmap open;	/* expanded units (key: id) */
	struct hmap counts;	/* active members by unit, +1 (0: not read yet) */
	struct hmap pops;	/* eligible population this year, by unit (absent: none) */
	int year;
	unsigned data_gen;
	uint64_t moving;	/* the unit a "move under which unit?" list is open for */
	char title[200];
};

static void key_of(uint64_t id, char *k, int *kn)
{
	*kn = snprintf(k, 24, "%" PRIu64, id);
}

static bool is_open(struct units *u, uint64_t id)
{
	char k[24];
	int kn;
	key_of(id, k, &kn);
	uint64_t v = 0;
	return hmap_get(&u->open, k, (size_t)kn, &v) && v;
}

static void set_open(struct units *u, uint64_t id, bool open)
{
	char k[24];
	int kn;
	key_of(id, k, &kn);
	hmap_put(&u->open, k, (size_t)kn, open);
}

static void rows_free(struct units *u)
{
	for (size_t i = 0; i < u->nrows; i++)
		free(u->rows[i].name);
	free(u->rows);
	u->rows = NULL;
	u->nrows = 0;
}

/* ---- reading the visible tree ------------------------------------------------------------ */

struct walk {
	struct units *u;
	uint64_t org;
	int depth;
	struct store *s;
	struct store_txn *t;
	struct err *e;
	bool any;		/* has_children probe: a child exists */
};

static int walk_level(struct walk *w, uint64_t parent);

static int probe(const void *rec, void *ctx)
{
	(void)rec;
	((struct walk *)ctx)->any = true;
	return 1;
}

static int on_child(const void *rec, void *ctx)
{
	const struct unit *un = rec;
	struct walk *w = ctx;
	struct units *u = w->u;
	u->rows = xrealloc(u->rows, (u->nrows + 1) * sizeof *u->rows);
	struct node *n = &u->rows[u->nrows++];
	n->id = un->m.id;
	n->name = xstrdup(un->name ? un->name : "?");
	n->depth = w->depth;
	n->area_tags = un->area_tags;
	struct walk p = { .org = w->org, .s = w->s, .t = w->t, .e = w->e };
	int rc = store_each_child_unit(w->s, w->t, w->org, un->m.id, probe, &p, w->e);
	if (rc < 0)
		return rc;
	n->has_children = p.any;
	n->open = n->has_children && is_open(u, n->id);
	if (n->open && w->depth < 32) {
		w->depth++;
		rc = walk_level(w, un->m.id);
		w->depth--;
	}
	return rc < 0 ? rc : 0;
}

static int walk_level(struct walk *w, uint64_t parent)
{
	return store_each_child_unit(w->s, w->t, w->org, parent, on_child, w, w->e);
}

static int on_target(const void *rec, void *ctx)
{
	const struct target *tg = rec;
	struct units *u = ctx;
	if (tg->year == u->year && tg->population > 0) {
		char k[24];
		int kn;
		key_of(tg->unit_id, k, &kn);
		hmap_put(&u->pops, k, (size_t)kn, (uint64_t)tg->population);
	}
	return 0;
}

static int tree_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct walk *w = ctx;
	w->s = s;
	w->t = t;
	w->e = e;
	int rc = walk_level(w, 0);
	/* The figures are one record per unit and year, and few: read this year's at once. */
	hmap_free(&w->u->pops);
	hmap_init(&w->u->pops);
	w->u->year = DATE_YEAR(date_today());
	return rc < 0 ? rc : store_each(s, t, REC_TARGET, on_target, w->u, e);
}

static void reload(struct ui_app *a, struct units *u)
{
	uint64_t keep = u->nrows ? u->rows[u->cur].id : 0;
	rows_free(u);
	if (!u->orgs.n)
		return;
	struct walk w = { .u = u, .org = u->orgs.v[u->org].id };
	struct err e;
	err_clear(&e);
	if (store_read(a->store, tree_fn, &w, &e) < 0) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
	}
	u->cur = 0;
	for (size_t i = 0; i < u->nrows; i++)
		if (u->rows[i].id == keep)
			u->cur = i;
	if (u->data_gen != a->data_gen) {
		hmap_free(&u->counts);
		hmap_init(&u->counts);
		u->data_gen = a->data_gen;
	}
}

/* ---- counting members ------------------------------------------------------------------- */

struct count {
	uint64_t org, n;
	struct store *s;
	struct store_txn *t;
	struct err *e;
	int depth;
};

static int count_member(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct count *c = ctx;
	if (m->status == MS_ACTIVE)
		c->n++;
	return 0;
}

static int count_under(struct count *c, uint64_t unit);

static int count_child(const void *rec, void *ctx)
{
	return count_under(ctx, ((const struct unit *)rec)->m.id);
}

static int count_under(struct count *c, uint64_t unit)
{
	int rc = store_each_membership_of_unit(c->s, c->t, unit, count_member, c, c->e);
	if (rc == 0 && c->depth < 32) {
		c->depth++;
		rc = store_each_child_unit(c->s, c->t, c->org, unit, count_child, c, c->e);
		c->depth--;
	}
	return rc;
}

struct count_job {
	struct count c;
	uint64_t unit;
};

static int count_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct count_job *j = ctx;
	j->c.s = s;
	j->c.t = t;
	j->c.e = e;
	j->c.n = 0;
	return count_under(&j->c, j->unit);
}

static uint64_t members(struct ui_app *a, struct units *u, uint64_t unit)
{
	char k[24];
	int kn;
	key_of(unit, k, &kn);
	uint64_t v = 0;
	if (hmap_get(&u->counts, k, (size_t)kn, &v) && v)
		return v - 1;
	struct count_job j = { .c = { .org = u->orgs.v[u->org].id }, .unit = unit };
	struct err e;
	err_clear(&e);
	if (store_read(a->store, count_fn, &j, &e) < 0)
		return 0;
	hmap_put(&u->counts, k, (size_t)kn, j.c.n + 1);
	return j.c.n;
}

/* ---- the screen ---------------------------------------------------------------------------- */

static int page_rows(void)
{
	int n = term_rows() - 5;
	return n < 1 ? 1 : n;
}

static uint64_t population(struct units *u, uint64_t unit)
{
	char k[24];
	int kn;
	key_of(unit, k, &kn);
	uint64_t v = 0;
	return hmap_get(&u->pops, k, (size_t)kn, &v) ? v : 0;
}

/* Under the tree: the area of the unit under the cursor and its population this year. */
static void draw_detail(struct units *u, const struct node *n)
{
	static const struct {
		uint64_t bit;
		const char *name;
	} tags[] = {
		{ AREA_ETHNIC, N_("ethnic minority") }, { AREA_RELIGIOUS, N_("religious") },
		{ AREA_NONSTATE, N_("non-state enterprise") }, { AREA_URBAN, N_("urban") },
		{ AREA_BORDER, N_("border") },
	};
	struct buf b = BUF_INIT;
	buf_printf(&b, "%s ", _("Area:"));
	size_t mark = b.len;
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
		if (n->area_tags & tags[i].bit)
			buf_printf(&b, "%s%s", b.len > mark ? ", " : "", _(tags[i].name));
	if (b.len == mark)
		buf_adds(&b, _("not marked"));
	uint64_t pop = population(u, n->id);
	char pp[32];
	snprintf(pp, sizeof pp, "%" PRIu64, pop);
	buf_printf(&b, "  │  ");
	buf_printf(&b, _("Eligible population %d: %s"), u->year, pop ? pp : _("not entered"));
	term_text(term_rows() - 3, 1, term_cols() - 2, buf_str(&b), TA_DIM, false);
	buf_free(&b);
}

static const char *title(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	struct units *u = (struct units *)s;
	snprintf(u->title, sizeof u->title, _("Units of %s"),
		 u->orgs.n ? u->orgs.v[u->org].name : "?");
	return u->title;
}

static void draw(struct ui_app *a, struct ui_screen *s)
{
	struct units *u = (struct units *)s;
	if (u->data_gen != a->data_gen)
		reload(a, u);
	int cols = term_cols(), page = page_rows();
	term_text(1, 1, cols - 26, _("Unit"), TA_HEADING, true);
	term_text(1, cols - 24, 11, _("Population"), TA_HEADING, false);
	term_text(1, cols - 12, 11, _("Members"), TA_HEADING, false);
	if (u->cur < u->top)
		u->top = u->cur;
	if (u->cur >= u->top + (size_t)page)
		u->top = u->cur - (size_t)page + 1;
	for (int r = 0; r < page && u->top + (size_t)r < u->nrows; r++) {
		size_t i = u->top + (size_t)r;
		const struct node *n = &u->rows[i];
		bool sel = i == u->cur;
		int row = 2 + r;
		if (sel)
			term_fill(row, 0, cols, TA_SELECTED);
		char line[400];
		snprintf(line, sizeof line, "%*s%s %s", n->depth * 2, "",
			 n->has_children ? (n->open ? "▾" : "▸") : " ", n->name);
		term_text(row, 1, cols - 26, line, sel ? TA_SELECTED : TA_NORMAL, true);
		uint64_t pop = population(u, n->id);
		char pp[32] = "";
		if (pop)
			snprintf(pp, sizeof pp, "%10" PRIu64, pop);
		term_text(row, cols - 24, 11, pp, sel ? TA_SELECTED : TA_NORMAL, true);
		char cnt[32];
		snprintf(cnt, sizeof cnt, "%10" PRIu64, members(a, u, n->id));
		term_text(row, cols - 12, 11, cnt, sel ? TA_SELECTED : TA_NORMAL, true);
	}
	if (!u->nrows)
		term_text(3, 2, cols - 4, _("This organization has no units yet (n adds one)."), TA_DIM,
			  false);
	else
		draw_detail(u, &u->rows[u->cur]);
	term_cursor(-1, 0);
}

static void hints(struct ui_app *a, struct ui_screen *s, struct buf *out)
{
	(void)s;
	static const int acts[] = { KA_OPEN, KA_EDIT, KA_NEW, KA_RENAME, KA_MOVE, KA_NEXT_ORG,
				    KA_HELP };
	ui_hints(a, KM_UNITS, acts, 7, out);
}

/* No two units under one parent may have the same name (paths would be ambiguous). */
struct sibling {
	struct buf want;
	uint64_t self;
	bool clash;
};

static int on_sibling(const void *rec, void *ctx)
{
	const struct unit *un = rec;
	struct sibling *sb = ctx;
	struct buf f = BUF_INIT;
	vn_fold(&f, un->name ? un->name : "", un->name ? strlen(un->name) : 0);
	if (un->m.id != sb->self && strcmp(buf_str(&f), buf_str(&sb->want)) == 0)
		sb->clash = true;
	buf_free(&f);
	return sb->clash;
}

struct change {
	struct unit un;		/* new: the unit to insert; else the changed unit */
	bool insert;
	struct sibling sb;
};

static int change_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct change *c = ctx;
	c->sb.clash = false;
	int rc = store_each_child_unit(s, t, c->un.org_id, c->un.parent_id, on_sibling, &c->sb, e);
	if (rc < 0)
		return rc;
	if (c->sb.clash)
		return err_set(e, ERR_EXISTS, _("there is already a unit called %s there"),
			       c->un.name);
	if (c->insert)
		return store_insert(s, t, REC_UNIT, &c->un, e);
	bool changed;
	return store_update(s, t, REC_UNIT, &c->un, &changed, e);
}

static int apply(struct ui_app *a, struct change *c, const char *done)
{
	struct err e;
	err_clear(&e);
	c->sb.want = (struct buf)BUF_INIT;
	vn_fold(&c->sb.want, c->un.name, strlen(c->un.name));
	c->sb.self = c->un.m.id;
	int rc = store_write(a->store, change_fn, c, &e);
	buf_free(&c->sb.want);
	if (rc) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
		return rc;
	}
	a->data_gen++;
	ui_message(a, done, c->un.name);
	return 0;
}

static char *ask_name(struct ui_app *a, const char *question, const char *initial)
{
	char *name = ui_prompt(a, question, initial);
	if (!name)
		return NULL;
	struct unit_path p = { 0 };
	struct err e;
	err_clear(&e);
	/* The same cleaning as a unit named in an import: no controls, single spaces, NFC. */
	if (unit_path_parse(name, strlen(name), &p, &e) != 0 || p.n != 1 || strchr(name, '/')) {
		ui_error(a, "%s", _("A unit's name is one line of text, without '/'."));
		unit_path_free(&p);
		free(name);
		return NULL;
	}
	free(name);
	name = xstrdup(p.part[0]);
	unit_path_free(&p);
	return name;
}

static void add_unit(struct ui_app *a, struct units *u)
{
	uint64_t parent = u->nrows ? u->rows[u->cur].id : 0;
	char q[300];
	if (parent)
		snprintf(q, sizeof q, _("New unit under %s: "), u->rows[u->cur].name);
	else
		snprintf(q, sizeof q, "%s", _("New top unit: "));
	char *name = ask_name(a, q, "");
	if (!name)
		return;
	struct change c = { .insert = true };
	c.un.org_id = u->orgs.v[u->org].id;
	c.un.parent_id = parent;
	c.un.name = name;
	size_t ll;
	const char *lv = unit_level_of(name, &ll);
	if (lv)
		c.un.level = xstrndup(lv, ll);
	if (apply(a, &c, _("Added the unit %s.")) == 0 && parent)
		set_open(u, parent, true);
	rec_clear(&REC_DEF_UNIT, &c.un);
	reload(a, u);
}

static int read_unit(struct ui_app *a, uint64_t id, struct unit *out)
{
	struct err e;
	err_clear(&e);
	int rc = store_get(a->store, NULL, REC_UNIT, id, out, &e);
	if (rc) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
	}
	return rc;
}

static void rename_unit(struct ui_app *a, struct units *u)
{
	if (!u->nrows)
		return;
	struct change c = { 0 };
	if (read_unit(a, u->rows[u->cur].id, &c.un) != 0)
		return;
	char *name = ask_name(a, _("New name: "), c.un.name);
	if (name) {
		free(c.un.name);
		c.un.name = name;
		apply(a, &c, _("Renamed to %s."));
	}
	rec_clear(&REC_DEF_UNIT, &c.un);
	reload(a, u);
}

static bool is_under(struct ui_app *a, uint64_t unit, uint64_t ancestor)
{
	for (int depth = 0; unit && depth < 64; depth++) {
		if (unit == ancestor)
			return true;
		struct unit x = { 0 };
		struct err e;
		err_clear(&e);
		if (store_get(a->store, NULL, REC_UNIT, unit, &x, &e) != 0)
			return false;
		unit = x.parent_id;
		rec_clear(&REC_DEF_UNIT, &x);
	}
	return false;
}

static void move_to(struct ui_app *a, void *ctx, uint64_t id, const char *text)
{
	(void)text;
	struct units *u = ctx;
	if (is_under(a, id, u->moving)) {
		ui_error(a, "%s", _("A unit cannot move under itself or one of its own units."));
		return;
	}
	struct change c = { 0 };
	if (read_unit(a, u->moving, &c.un) != 0)
		return;
	c.un.parent_id = id;
	if (apply(a, &c, _("Moved %s.")) == 0 && id)
		set_open(u, id, true);
	rec_clear(&REC_DEF_UNIT, &c.un);
	reload(a, u);
}

static void move_unit(struct ui_app *a, struct units *u)
{
	if (!u->nrows)
		return;
	u->moving = u->rows[u->cur].id;
	char t[300];
	snprintf(t, sizeof t, _("Move %s under which unit?"), u->rows[u->cur].name);
	ui_pick_unit(a, t, u->orgs.v[u->org].id, move_to, u);
}

static int key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	(void)k;
	struct units *u = (struct units *)s;
	size_t page = (size_t)page_rows();
	struct node *n = u->nrows ? &u->rows[u->cur] : NULL;
	switch (action) {
	case KA_UP: if (u->cur > 0) u->cur--; return UI_OK;
	case KA_DOWN: if (u->cur + 1 < u->nrows) u->cur++; return UI_OK;
	case KA_PAGE_UP: u->cur = u->cur > page ? u->cur - page : 0; return UI_OK;
	case KA_PAGE_DOWN:
		u->cur = u->cur + page < u->nrows ? u->cur + page : (u->nrows ? u->nrows - 1 : 0);
		return UI_OK;
	case KA_FIRST: u->cur = 0; return UI_OK;
	case KA_LAST: u->cur = u->nrows ? u->nrows - 1 : 0; return UI_OK;
	case KA_EXPAND:
		if (n && n->has_children && !n->open) {
			set_open(u, n->id, true);
			reload(a, u);
		}
		return UI_OK;
	case KA_COLLAPSE:
		if (n && n->open) {
			set_open(u, n->id, false);
			reload(a, u);
		} else if (n && n->depth > 0) {
			/* On a closed unit: go up to its parent. */
			size_t i = u->cur;
			while (i > 0 && u->rows[i].depth >= n->depth)
				i--;
			u->cur = i;
		}
		return UI_OK;
	case KA_OPEN:
		if (!n)
			return UI_OK;
		if (n->has_children) {
			set_open(u, n->id, !n->open);
			reload(a, u);
		} else {
			ui_push(a, ui_list_of_unit(a, u->orgs.v[u->org].id, u->orgs.v[u->org].code,
						   n->id, n->name));
		}
		return UI_OK;
	case KA_NEW: add_unit(a, u); return UI_OK;
	case KA_RENAME: rename_unit(a, u); return UI_OK;
	case KA_MOVE: move_unit(a, u); return UI_OK;
	case KA_EDIT:
		if (n)
			ui_push(a, ui_unit_edit_new(a, n->id));
		return UI_OK;
	case KA_NEXT_ORG:
		if (u->orgs.n) {
			u->org = (u->org + 1) % u->orgs.n;
			u->cur = u->top = 0;
			rows_free(u);
			reload(a, u);
		}
		return UI_OK;
	case KA_CANCEL:
		return UI_POP;
	default:
		return UI_UNHANDLED;
	}
}

static void units_free(struct ui_screen *s)
{
	struct units *u = (struct units *)s;
	rows_free(u);
	hmap_free(&u->open);
	hmap_free(&u->counts);
	hmap_free(&u->pops);
	org_list_free(&u->orgs);
	free(u);
}

static const struct ui_screen_ops units_ops = {
	.name = "units",
	.ctx = KM_UNITS,
	.title = title,
	.draw = draw,
	.key = key,
	.hints = hints,
	.free = units_free,
};

struct ui_screen *ui_units_new(struct ui_app *a)
{
	struct units *u = xcalloc(1, sizeof *u);
	u->base.ops = &units_ops;
	hmap_init(&u->open);
	hmap_init(&u->counts);
	hmap_init(&u->pops);
	struct err e;
	err_clear(&e);
	if (org_list_load(a->store, NULL, &u->orgs, &e) != 0) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
	}
	/* Start with the organization in view, if one is. */
	for (size_t i = 0; i < u->orgs.n; i++)
		if (u->orgs.v[i].id == a->org_id)
			u->org = i;
	u->data_gen = a->data_gen;
	reload(a, u);
	return &u->base;
}
