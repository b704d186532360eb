/* The member card: one person's fields (screens/member.scr) and, below them, the person's
 * memberships in every organization.  Saving checks the version read when the card opened, so
 * a save that lost a race with another user says who changed the person and keeps the input. */
#include "ui/editor.h"
#include "ui/person.h"
#include "ui/term.h"

#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct card {
	struct person p;	/* as read (its version is the one a save checks) */
	struct ui_mrow *m;
	size_t nm;
	unsigned data_gen;	/* when the memberships were read */
	char title[200];
};


static void card_free(void *ctx)
{
	struct card *c = ctx;
	rec_clear(&REC_DEF_PERSON, &c->p);
	ui_mrows_free(&c->m, &c->nm);
	free(c);
}

struct load {
	struct card *c;
	bool memberships_only;
};

static int load_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct load *l = ctx;
	int rc = 0;
	if (!l->memberships_only)
		rc = store_get(s, t, REC_PERSON, l->c->p.m.id, &l->c->p, e);
	ui_mrows_free(&l->c->m, &l->c->nm);
	if (rc == 0)
		rc = ui_mrows_read(s, t, l->c->p.m.id, &l->c->m, &l->c->nm, e);
	return rc;
}

static const char *card_title(struct ui_app *a, struct ui_editor *ed, void *ctx)
{
	(void)a;
	struct card *c = ctx;
	const char *t = screen_text(&ui_editor_screen(ed)->title);
	if (c->p.m.id)
		snprintf(c->title, sizeof c->title, "%s — %s", t,
			 c->p.full_name ? c->p.full_name : "");
	else
		snprintf(c->title, sizeof c->title, "%s — %s", t, _("new person"));
	return c->title;
}

static void draw_memberships(struct ui_app *a, struct ui_editor *ed,
			     const struct screen_area *ar, void *ctx)
{
	(void)ed;
	struct card *c = ctx;
	if (strcmp(ar->name, "memberships") != 0)
		return;
	if (c->data_gen != a->data_gen && c->p.m.id) {
		/* A membership was changed from this card: read them again. */
		ui_mrows_free(&c->m, &c->nm);
		struct load l = { .c = c, .memberships_only = true };
		struct err e;
		err_clear(&e);
		store_read(a->store, load_fn, &l, &e);
		c->data_gen = a->data_gen;
	}
	int cols = term_cols();
	int row = ar->row1;
	term_text(row, 1, 6, _("Org."), TA_HEADING, true);
	term_text(row, 8, 34, _("Unit"), TA_HEADING, true);
	term_text(row, 43, 10, _("Joined"), TA_HEADING, true);
	term_text(row, 54, 10, _("Card"), TA_HEADING, true);
	term_text(row, 65, cols - 66, _("Role, status"), TA_HEADING, true);
	if (c->p.m.id) {
		uint32_t keys[2];
		if (keymap_keys_for(a->keys, KM_FORM, KA_NEXT_PAGE, keys, 2)) {
			char name[32], hint[96];
			snprintf(hint, sizeof hint, _("%s: memberships"),
				 keymap_key_name(keys[0], name, sizeof name));
			term_text(ar->row1 - 1, cols - 1 - term_width_of(hint), term_width_of(hint), hint,
				  TA_DIM, false);
		}
	}
	if (!c->nm) {
		term_text(row + 1, 1, cols - 2,
			  c->p.m.id ? _("Not a member of any organization.")
				    : _("Memberships are added once the person is saved."),
			  TA_DIM, false);
		return;
	}
	for (size_t i = 0; i < c->nm && row + 1 + (int)i <= ar->row2; i++) {
		const struct ui_mrow *m = &c->m[i];
		int r = row + 1 + (int)i;
		const char *unit = ui_mrow_unit(m, 34);
		char rs[128];
		snprintf(rs, sizeof rs, "%s%s%s", m->role, *m->role ? ", " : "", m->status);
		term_text(r, 1, 6, m->org, TA_NORMAL, true);
		term_text(r, 8, 34, unit, TA_NORMAL, true);
		term_text(r, 43, 10, m->joined, TA_NORMAL, true);
		term_text(r, 54, 10, m->card, TA_NORMAL, true);
		term_text(r, 65, cols - 66, rs, TA_NORMAL, true);
	}
	if (c->nm > (size_t)(ar->row2 - row))
		term_text(ar->row2, cols - 20, 19, _("… and more"), TA_DIM, false);
}

struct save {
	struct person *p;
	bool changed;
};

static int save_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct save *sv = ctx;
	if (sv->p->m.id)
		return store_update(s, t, REC_PERSON, sv->p, &sv->changed, e);
	sv->changed = true;
	return store_insert(s, t, REC_PERSON, sv->p, e);
}

static int card_save(struct ui_app *a, struct ui_editor *ed, void *ctx)
{
	struct card *c = ctx;
	struct person p = { 0 };
	rec_copy(&REC_DEF_PERSON, &p, &c->p);
	struct err e;
	err_clear(&e);
	int rc = form_apply_person(ui_editor_form(ed), &p, &e);
	if (rc == 0) {
		struct save sv = { &p, false };
		rc = store_write(a->store, save_fn, &sv, &e);
		if (rc == 0 && !sv.changed) {
			rec_clear(&REC_DEF_PERSON, &p);
			ui_message(a, "%s", _("Nothing changed."));
			return UI_POP;
		}
	}
	if (rc) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
		rec_clear(&REC_DEF_PERSON, &p);
		return UI_OK;	/* the form stays open, the input as typed */
	}
	a->data_gen++;
	ui_message(a, _("Saved: %s (number %llu)."), p.full_name ? p.full_name : "",
		   (unsigned long long)p.m.id);
	rec_clear(&REC_DEF_PERSON, &p);
	return UI_POP;
}

static int card_key(struct ui_app *a, struct ui_editor *ed, int action, uint32_t key, void *ctx)
{
	(void)ed;
	(void)key;
	struct card *c = ctx;
	if (action != KA_NEXT_PAGE)
		return UI_UNHANDLED;
	if (!c->p.m.id) {
		ui_message(a, "%s", _("Save the person first; then their memberships can be added."));
		return UI_OK;
	}
	ui_push(a, ui_memberships_new(a, c->p.m.id, c->p.full_name ? c->p.full_name : ""));
	return UI_OK;
}

static const struct ui_editor_hooks card_hooks = {
	.key = card_key,
	.save = card_save,
	.draw_area = draw_memberships,
	.title = card_title,
	.free = card_free,
};

struct ui_screen *ui_person_new(struct ui_app *a, uint64_t id)
{
	struct screen *scr = ui_load_screen(a, "member");
	if (!scr)
		return NULL;
	struct card *c = xcalloc(1, sizeof *c);
	struct form *f = form_new(scr);
	if (id) {
		struct load l = { .c = c };
		c->p.m.id = id;
		struct err e;
		err_clear(&e);
		int rc = store_read(a->store, load_fn, &l, &e);
		if (rc) {
			char text[900];
			ui_error(a, "%s", err_format(&e, text, sizeof text));
			form_free(&f);
			screen_free(&scr);
			card_free(c);
			return NULL;
		}
		form_load_person(f, &c->p);
	}
	c->data_gen = a->data_gen;
	return ui_editor_new(a, scr, f, KM_FORM, &card_hooks, c);
}
