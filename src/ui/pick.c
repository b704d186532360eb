/* Choosing an organization or a unit: the lists, built from the store when asked for. */
#include "ui/editor.h"
#include "ui/pick.h"

#include "core/orgs.h"
#include "core/unitpath.h"
#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pick {
	ui_pick_fn fn;
	void *ctx;
	struct buf text;	/* the items, NUL-separated */
	const char **items;
	uint64_t *ids;
	size_t n;
};

static void pick_free(void *p)
{
	struct pick *k = p;
	buf_free(&k->text);
	free(k->items);
	free(k->ids);
	free(k);
}

static void add(struct pick *k, uint64_t id, const char *text)
{
	k->ids = xrealloc(k->ids, (k->n + 1) * sizeof *k->ids);
	k->ids[k->n++] = id;
	buf_add(&k->text, text, strlen(text) + 1);
}

/* Point items into text once it has stopped growing. */
static void seal(struct pick *k)
{
	k->items = xcalloc(k->n ? k->n : 1, sizeof *k->items);
	const char *p = k->text.p;
	for (size_t i = 0; i < k->n; i++) {
		k->items[i] = p;
		p += strlen(p) + 1;
	}
}

static void picked(struct ui_app *a, void *ctx, int index, const char *item)
{
	struct pick *k = ctx;
	k->fn(a, k->ctx, k->ids[index], item);
}

static void open_list(struct ui_app *a, const char *title, struct pick *k)
{
	seal(k);
	ui_push(a, ui_choose_new(a, title, k->items, k->n, picked, k, pick_free));
}

void ui_pick_org(struct ui_app *a, const char *title, bool allow_all, ui_pick_fn fn, void *ctx)
{
	struct org_list orgs = { 0 };
	struct err e;
	err_clear(&e);
	if (org_list_load(a->store, NULL, &orgs, &e) != 0) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
		return;
	}
	struct pick *k = xcalloc(1, sizeof *k);
	k->fn = fn;
	k->ctx = ctx;
	k->text = (struct buf)BUF_INIT;
	if (allow_all)
		add(k, 0, _("All organizations"));
	for (size_t i = 0; i < orgs.n; i++) {
		char line[300];
		snprintf(line, sizeof line, "%s — %s", orgs.v[i].code, orgs.v[i].name);
		add(k, orgs.v[i].id, line);
	}
	org_list_free(&orgs);
	open_list(a, title, k);
}

struct walk {
	struct pick *k;
	uint64_t org;
	struct buf path;
	struct store *s;
	struct store_txn *t;
	struct err *e;
	int depth;
};

static int walk_under(struct walk *w, uint64_t parent);

static int on_unit(const void *rec, void *ctx)
{
	const struct unit *u = rec;
	struct walk *w = ctx;
	size_t mark = w->path.len;
	if (w->path.len)
		buf_adds(&w->path, " / ");
	buf_adds(&w->path, u->name ? u->name : "?");
	add(w->k, u->m.id, buf_str(&w->path));
	int rc = w->depth < UNIT_PATH_MAX ? walk_under(w, u->m.id) : 0;
	w->path.len = mark;
	if (w->path.p)
		w->path.p[mark] = '\0';
	return rc;
}

static int walk_under(struct walk *w, uint64_t parent)
{
	w->depth++;
	int rc = store_each_child_unit(w->s, w->t, w->org, parent, on_unit, w, w->e);
	w->depth--;
	return rc;
}

static int walk_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct walk *w = ctx;
	w->s = s;
	w->t = t;
	w->e = e;
	return walk_under(w, 0);
}

void ui_pick_unit(struct ui_app *a, const char *title, uint64_t org, ui_pick_fn fn, void *ctx)
{
	struct pick *k = xcalloc(1, sizeof *k);
	k->fn = fn;
	k->ctx = ctx;
	k->text = (struct buf)BUF_INIT;
	struct walk w = { .k = k, .org = org, .path = BUF_INIT };
	struct err e;
	err_clear(&e);
	int rc = store_read(a->store, walk_fn, &w, &e);
	buf_free(&w.path);
	if (rc < 0) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
		pick_free(k);
		return;
	}
	open_list(a, title, k);
}
