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

/* ---- the organization and unit fields of a form --------------------------------------------- */

static void set_picked(struct ui_editor *ed, enum screen_pseudo ps, const char *text)
{
	int i = ui_editor_field(ed, ps, NULL);
	if (i < 0)
		return;
	form_set(ui_editor_form(ed), i, text);
	form_check_field(ui_editor_form(ed), i);
	ui_editor_focus(ed, i);
}

static void org_picked(struct ui_app *a, void *ctx, uint64_t id, const char *text)
{
	(void)a;
	(void)id;
	/* "PN — Hội Liên hiệp Phụ nữ Việt Nam": the code is what the field holds. */
	const char *sp = strchr(text, ' ');
	char code[32];
	snprintf(code, sizeof code, "%.*s", sp ? (int)(sp - text) : (int)strlen(text), text);
	set_picked(ctx, SPS_ORG, code);
}

static void unit_picked(struct ui_app *a, void *ctx, uint64_t id, const char *text)
{
	(void)a;
	(void)id;
	set_picked(ctx, SPS_UNIT, text);
}

int ui_pick_field(struct ui_app *a, struct ui_editor *ed)
{
	const struct screen_field *fd = &ui_editor_screen(ed)->fields[ui_editor_current(ed)];
	if (fd->ref.pseudo == SPS_ORG) {
		ui_pick_org(a, screen_text(&fd->label), false, org_picked, ed);
		return UI_OK;
	}
	if (fd->ref.pseudo != SPS_UNIT)
		return UI_UNHANDLED;
	/* The units of the organization the form names. */
	int oi = ui_editor_field(ed, SPS_ORG, NULL);
	const char *code = oi >= 0 ? form_get(ui_editor_form(ed), oi) : "";
	struct org_list orgs = { 0 };
	struct err e;
	err_clear(&e);
	const struct org_entry *o = NULL;
	if (org_list_load(a->store, NULL, &orgs, &e) == 0)
		o = org_list_match(&orgs, code, strlen(code));
	if (!o)
		ui_error(a, "%s", _("Choose the organization first."));
	else
		ui_pick_unit(a, screen_text(&fd->label), o->id, unit_picked, ed);
	org_list_free(&orgs);
	return UI_OK;
}
