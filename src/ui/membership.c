/* A person's memberships, opened from the member card: the list of them, and the form of one
 * (screens/membership.scr) to change its unit, card, role or status, or to add a membership
 * in another organization.
 *
 * A new unit for an active membership is either a transfer (chuyển sinh hoạt) or the
 * correction of a unit entered by mistake, and the form asks which.  A transfer keeps the
 * history: the membership ends as transferred on the transfer date, with the new unit as its
 * reason, and a new one starts in the new unit on that date, marked as come by transfer, with
 * the same card and role; both in one transaction.  A correction changes the unit in place. */
#include "ui/editor.h"
#include "ui/person.h"
#include "ui/pick.h"
#include "ui/term.h"

#include "core/date.h"
#include "core/orgs.h"
#include "core/unitpath.h"
#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- one membership ------------------------------------------------------------------------ */

struct mform {
	uint64_t person;
	struct person p;	/* the person: their birth date bounds the dates of the form */
	struct membership m;	/* as read (m.id 0: a new one) */
	struct org_list orgs;
	char title[200];
	char person_name[160];
};

static void mform_free(void *ctx)
{
	struct mform *mf = ctx;
	rec_clear(&REC_DEF_MEMBERSHIP, &mf->m);
	rec_clear(&REC_DEF_PERSON, &mf->p);
	org_list_free(&mf->orgs);
	free(mf);
}

static const char *mform_title(struct ui_app *a, struct ui_editor *ed, void *ctx)
{
	(void)a;
	struct mform *mf = ctx;
	snprintf(mf->title, sizeof mf->title, "%s — %s", screen_text(&ui_editor_screen(ed)->title),
		 mf->person_name);
	return mf->title;
}

struct msave {
	struct membership *m;
	struct unit_path path;
	uint64_t org;
	bool changed;
};

static int msave_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct msave *sv = ctx;
	uint64_t unit;
	int rc = unit_path_resolve(s, t, sv->org, &sv->path, false, &unit, NULL, NULL, e);
	if (rc)
		return rc;
	sv->m->unit_id = unit;
	if (sv->m->m.id)
		return store_update(s, t, REC_MEMBERSHIP, sv->m, &sv->changed, e);
	sv->changed = true;
	return store_insert(s, t, REC_MEMBERSHIP, sv->m, e);
}

/* ---- transfers ---------------------------------------------------------------------------- */

struct mresolve {
	struct unit_path *path;
	uint64_t org, unit;
};

static int resolve_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct mresolve *r = ctx;
	return unit_path_resolve(s, t, r->org, r->path, false, &r->unit, NULL, NULL, e);
}

struct mtransfer {
	const struct membership *old;	/* as read */
	const struct membership *form;	/* the form's values (card, role) */
	uint64_t unit;
	hv_date date;
	struct buf path;	/* of the new unit */
};

static int transfer_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct mtransfer *x = ctx;
	buf_reset(&x->path);
	int rc = unit_path_text(s, t, x->unit, &x->path, e);
	if (rc)
		return rc;
	struct membership old = { 0 }, nm = { 0 };
	rec_copy(&REC_DEF_MEMBERSHIP, &old, x->old);
	old.status = MS_TRANSFERRED;
	old.status_date = x->date;
	/* Stored text, read by every office: in Vietnamese whatever the screen's language. */
	struct buf reason = BUF_INIT;
	buf_printf(&reason, "Chuyển sinh hoạt đến %s", buf_str(&x->path));
	free(old.status_reason);
	old.status_reason = buf_steal(&reason);
	bool changed;
	rc = store_update(s, t, REC_MEMBERSHIP, &old, &changed, e);
	if (rc == 0) {
		nm.person_id = x->old->person_id;
		nm.org_id = x->old->org_id;
		nm.unit_id = x->unit;
		nm.join_date = x->date;
		nm.card_no = xstrdup(x->form->card_no ? x->form->card_no : "");
		nm.role = xstrdup(x->form->role ? x->form->role : "");
		nm.status = MS_ACTIVE;
		nm.transferred_in = 1;
		rc = store_insert(s, t, REC_MEMBERSHIP, &nm, e);
	}
	rec_clear(&REC_DEF_MEMBERSHIP, &old);
	rec_clear(&REC_DEF_MEMBERSHIP, &nm);
	return rc;
}

/* The transfer date, asked on the message line (today by default): 0 when cancelled or not a
 * date (then the message line says why). */
static hv_date ask_transfer_date(struct ui_app *a, const struct membership *old)
{
	char today[16];
	char *text = ui_prompt(a, _("Transfer date: "), date_format(date_today(), today));
	if (!text) {
		ui_message(a, "%s", _("Not saved: the form is as you left it."));
		return 0;
	}
	hv_date d = 0;
	struct err e;
	err_clear(&e);
	if (date_parse(text, &d, &e) == 0 && !d)
		err_set(&e, ERR_INVAL, "%s", _("give the date"));
	else if (d && date_cmp(d, date_today()) > 0)
		err_set(&e, ERR_INVAL, "%s", _("it is in the future"));
	else if (d && old->join_date && date_cmp(d, old->join_date) < 0)
		err_set(&e, ERR_INVAL, "%s", _("it is before the member joined"));
	free(text);
	if (e.code) {
		ui_error(a, _("Transfer date: %s"), e.msg);
		return 0;
	}
	return d;
}

static int transfer(struct ui_app *a, struct mform *mf, const struct membership *form_m,
		    uint64_t unit)
{
	hv_date d = ask_transfer_date(a, &mf->m);
	if (!d)
		return UI_OK;
	struct mtransfer x = { .old = &mf->m, .form = form_m, .unit = unit, .date = d,
			       .path = BUF_INIT };
	struct err e;
	err_clear(&e);
	int rc = store_write(a->store, transfer_fn, &x, &e);
	if (rc) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
		buf_free(&x.path);
		return UI_OK;
	}
	a->data_gen++;
	char date[16];
	const char *slash = strrchr(buf_str(&x.path), '/');
	ui_message(a, _("Transferred on %s to %s."), date_format(d, date),
		   slash ? slash + 2 : buf_str(&x.path));
	buf_free(&x.path);
	return UI_POP;
}

static int mform_save(struct ui_app *a, struct ui_editor *ed, void *ctx)
{
	struct mform *mf = ctx;
	struct membership m = { 0 };
	rec_copy(&REC_DEF_MEMBERSHIP, &m, &mf->m);
	struct err e;
	err_clear(&e);
	const char *org_text = NULL, *unit_text = NULL;
	struct msave sv = { .m = &m };
	int field = -1;
	int rc = form_apply_membership(ui_editor_form(ed), &m, &org_text, &unit_text, &e);
	const struct org_entry *o = NULL;
	if (rc == 0) {
		o = org_list_match(&mf->orgs, org_text ? org_text : "", org_text ? strlen(org_text) : 0);
		field = ui_editor_field(ed, SPS_ORG, NULL);
		if (!o) {
			char codes[256];
			org_list_codes(&mf->orgs, codes, sizeof codes);
			rc = err_set(&e, ERR_INVAL, _("Organization: '%s' is not one of %s"),
				     org_text ? org_text : "", codes);
		} else if (mf->m.m.id && o->id != mf->m.org_id) {
			rc = err_set(&e, ERR_INVAL, "%s",
				     _("Organization: a membership stays in its organization; end it and "
				       "add one in the other"));
		}
	}
	if (rc == 0) {
		m.org_id = o->id;
		m.person_id = mf->person;
		field = ui_editor_field(ed, SPS_UNIT, NULL);
		rc = unit_path_parse(unit_text ? unit_text : "", unit_text ? strlen(unit_text) : 0,
				     &sv.path, &e);
		sv.org = o->id;
	}
	/* An active membership in another unit: a transfer, or a mistake corrected? */
	if (rc == 0 && mf->m.m.id && mf->m.status == MS_ACTIVE) {
		struct mresolve r = { .path = &sv.path, .org = o->id };
		rc = store_read(a->store, resolve_fn, &r, &e);
		if (rc == 0 && r.unit && r.unit != mf->m.unit_id) {
			int choice = ui_ask_letter(a, _("Another unit: a transfer (t) or a mistake "
							"corrected (c)? "), "tc");
			if (choice < 0) {
				ui_message(a, "%s", _("Not saved: the form is as you left it."));
				unit_path_free(&sv.path);
				rec_clear(&REC_DEF_MEMBERSHIP, &m);
				return UI_OK;
			}
			if (choice == 0) {
				int r2 = transfer(a, mf, &m, r.unit);
				unit_path_free(&sv.path);
				rec_clear(&REC_DEF_MEMBERSHIP, &m);
				return r2;
			}
		}
	}
	if (rc == 0)
		rc = store_write(a->store, msave_fn, &sv, &e);
	if (rc == -ERR_NOTFOUND)
		err_set(&e, ERR_NOTFOUND, _("Unit: %s has no unit '%s' (F4 or Ctrl-O lists them)"),
			o->code, unit_text ? unit_text : "");
	else if (rc && e.code != ERR_NOTFOUND && e.code != ERR_INVAL)
		field = -1;
	unit_path_free(&sv.path);
	if (rc) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
		if (field >= 0)
			ui_editor_focus(ed, field);
		rec_clear(&REC_DEF_MEMBERSHIP, &m);
		return UI_OK;
	}
	a->data_gen++;
	ui_message(a, sv.changed ? _("Saved: the membership in %s.") : _("Nothing changed."),
		   o->code);
	rec_clear(&REC_DEF_MEMBERSHIP, &m);
	return UI_POP;
}

static int mform_key(struct ui_app *a, struct ui_editor *ed, int action, uint32_t key, void *ctx)
{
	(void)key;
	(void)ctx;
	return action == KA_CHOOSE ? ui_pick_field(a, ed) : UI_UNHANDLED;
}

static const struct ui_editor_hooks mform_hooks = {
	.save = mform_save,
	.title = mform_title,
	.key = mform_key,
	.free = mform_free,
};

struct mload {
	struct mform *mf;
	struct buf path;
};

static int mload_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct mload *l = ctx;
	int rc = org_list_load(s, t, &l->mf->orgs, e);
	if (rc == 0)
		rc = store_get(s, t, REC_PERSON, l->mf->person, &l->mf->p, e);
	if (rc == 0 && l->mf->m.m.id) {
		rc = store_get(s, t, REC_MEMBERSHIP, l->mf->m.m.id, &l->mf->m, e);
		if (rc == 0 && l->mf->m.unit_id)
			rc = unit_path_text(s, t, l->mf->m.unit_id, &l->path, e);
	}
	return rc;
}

static struct ui_screen *mform_new(struct ui_app *a, uint64_t person, const char *name,
				   uint64_t membership)
{
	struct screen *scr = ui_load_screen(a, "membership");
	if (!scr)
		return NULL;
	struct mform *mf = xcalloc(1, sizeof *mf);
	mf->person = person;
	mf->m.m.id = membership;
	snprintf(mf->person_name, sizeof mf->person_name, "%s", name);
	struct mload l = { .mf = mf, .path = BUF_INIT };
	struct err e;
	err_clear(&e);
	if (store_read(a->store, mload_fn, &l, &e) != 0) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
		buf_free(&l.path);
		screen_free(&scr);
		mform_free(mf);
		return NULL;
	}
	struct form *f = form_new(scr);
	/* A join date before the person's birth is an error even though birth is not on this
	 * screen: the form knows it from the person. */
	form_load_person(f, &mf->p);
	if (membership) {
		const struct org_entry *o = org_list_by_id(&mf->orgs, mf->m.org_id);
		form_load_membership(f, &mf->m, o ? o->code : "", buf_str(&l.path));
	} else {
		/* A new one: active, not come by transfer, until the form says otherwise. */
		form_load_membership(f, &mf->m, "", "");
	}
	if (!membership && a->org_id) {
		/* A new membership: in the organization in view, if one is. */
		int i = -1;
		for (size_t k = 0; k < scr->nfields; k++)
			if (scr->fields[k].ref.pseudo == SPS_ORG)
				i = (int)k;
		if (i >= 0)
			form_set(f, i, a->org_code);
	}
	buf_free(&l.path);
	return ui_editor_new(a, scr, f, KM_FORM, &mform_hooks, mf);
}

/* ---- reading a person's memberships --------------------------------------------------------- */

struct mread {
	struct ui_mrow **rows;
	size_t *n;
	struct org_list orgs;
	struct store *s;
	struct store_txn *t;
	struct err *e;
};

static int on_m(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct mread *r = ctx;
	*r->rows = xrealloc(*r->rows, (*r->n + 1) * sizeof **r->rows);
	struct ui_mrow *w = &(*r->rows)[(*r->n)++];
	memset(w, 0, sizeof *w);
	w->id = m->m.id;
	const struct org_entry *o = org_list_by_id(&r->orgs, m->org_id);
	snprintf(w->org, sizeof w->org, "%s", o ? o->code : "?");
	struct buf u = BUF_INIT;
	if (m->unit_id && unit_path_text(r->s, r->t, m->unit_id, &u, r->e) != 0)
		err_clear(r->e);
	w->unit = buf_steal(&u);
	date_format(m->join_date, w->joined);
	w->card = xstrdup(m->card_no ? m->card_no : "");
	w->role = xstrdup(m->role ? m->role : "");
	w->status = mstatus_text((int)m->status);
	return 0;
}

int ui_mrows_read(struct store *s, struct store_txn *t, uint64_t person, struct ui_mrow **rows,
		  size_t *n, struct err *e)
{
	struct mread r = { .rows = rows, .n = n, .s = s, .t = t, .e = e };
	int rc = org_list_load(s, t, &r.orgs, e);
	if (rc == 0)
		rc = store_each_membership_of_person(s, t, person, on_m, &r, e);
	org_list_free(&r.orgs);
	return rc < 0 ? rc : 0;
}

void ui_mrows_free(struct ui_mrow **rows, size_t *n)
{
	for (size_t i = 0; i < *n; i++) {
		free((*rows)[i].unit);
		free((*rows)[i].card);
		free((*rows)[i].role);
	}
	free(*rows);
	*rows = NULL;
	*n = 0;
}

const char *ui_mrow_unit(const struct ui_mrow *w, int width)
{
	/* The end of a long unit path says most (the branch). */
	const char *unit = w->unit;
	while (term_width_of(unit) > width && strchr(unit, '/'))
		unit = strchr(unit, '/') + 1;
	while (*unit == ' ')
		unit++;
	return unit;
}

/* ---- the list of a person's memberships ------------------------------------------------------ */

struct mlist {
	struct ui_screen base;
	uint64_t person;
	char name[160];
	struct ui_mrow *rows;
	size_t n, cur;
	unsigned data_gen;
	char title[220];
};

static int mlist_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct mlist *l = ctx;
	ui_mrows_free(&l->rows, &l->n);
	return ui_mrows_read(s, t, l->person, &l->rows, &l->n, e);
}

static void mlist_read(struct ui_app *a, struct mlist *l)
{
	struct err e;
	err_clear(&e);
	if (store_read(a->store, mlist_fn, l, &e) != 0) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
	}
	l->data_gen = a->data_gen;
	if (l->cur >= l->n)
		l->cur = l->n ? l->n - 1 : 0;
}

static const char *ml_title(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	struct mlist *l = (struct mlist *)s;
	snprintf(l->title, sizeof l->title, _("Memberships of %s"), l->name);
	return l->title;
}

static void ml_draw(struct ui_app *a, struct ui_screen *s)
{
	struct mlist *l = (struct mlist *)s;
	if (l->data_gen != a->data_gen)
		mlist_read(a, l);
	int cols = term_cols();
	term_text(1, 1, 6, _("Org."), TA_HEADING, true);
	term_text(1, 8, 36, _("Unit"), TA_HEADING, true);
	term_text(1, 45, 10, _("Joined"), TA_HEADING, true);
	term_text(1, 56, cols - 57, _("Role, status"), TA_HEADING, true);
	for (size_t i = 0; i < l->n && (int)i < term_rows() - 5; i++) {
		const struct ui_mrow *w = &l->rows[i];
		bool sel = i == l->cur;
		enum term_attr at = sel ? TA_SELECTED : TA_NORMAL;
		int row = 2 + (int)i;
		if (sel)
			term_fill(row, 0, cols, TA_SELECTED);
		const char *unit = ui_mrow_unit(w, 36);
		char rs[160];
		snprintf(rs, sizeof rs, "%s%s%s", w->role, *w->role ? ", " : "", w->status);
		term_text(row, 1, 6, w->org, at, true);
		term_text(row, 8, 36, unit, at, true);
		term_text(row, 45, 10, w->joined, at, true);
		term_text(row, 56, cols - 57, rs, at, true);
	}
	if (!l->n)
		term_text(3, 2, cols - 4, _("Not a member of any organization yet."), TA_DIM, false);
	term_cursor(-1, 0);
}

static void ml_hints(struct ui_app *a, struct ui_screen *s, struct buf *out)
{
	(void)s;
	static const int acts[] = { KA_OPEN, KA_NEW, KA_CANCEL, KA_HELP };
	ui_hints(a, KM_LIST, acts, 4, out);
}

static int ml_key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	(void)k;
	struct mlist *l = (struct mlist *)s;
	switch (action) {
	case KA_UP: if (l->cur > 0) l->cur--; return UI_OK;
	case KA_DOWN: if (l->cur + 1 < l->n) l->cur++; return UI_OK;
	case KA_FIRST: l->cur = 0; return UI_OK;
	case KA_LAST: l->cur = l->n ? l->n - 1 : 0; return UI_OK;
	case KA_OPEN:
		if (l->n)
			ui_push(a, mform_new(a, l->person, l->name, l->rows[l->cur].id));
		return UI_OK;
	case KA_NEW:
		ui_push(a, mform_new(a, l->person, l->name, 0));
		return UI_OK;
	case KA_DELETE:
		ui_message(a, "%s", _("Open the membership and set its status (left, deceased, "
				      "transferred) instead: its history is kept."));
		return UI_OK;
	case KA_CANCEL:
		return UI_POP;
	case KA_NONE:
		return k < KM_SPECIAL && k >= 0x20 ? UI_OK : UI_UNHANDLED;	/* no search here */
	default:
		return UI_UNHANDLED;
	}
}

static void ml_free(struct ui_screen *s)
{
	struct mlist *l = (struct mlist *)s;
	ui_mrows_free(&l->rows, &l->n);
	free(l);
}

static const struct ui_screen_ops mlist_ops = {
	.name = "memberships",
	.ctx = KM_LIST,
	.title = ml_title,
	.draw = ml_draw,
	.key = ml_key,
	.hints = ml_hints,
	.free = ml_free,
};

struct ui_screen *ui_memberships_new(struct ui_app *a, uint64_t person, const char *name)
{
	struct mlist *l = xcalloc(1, sizeof *l);
	l->base.ops = &mlist_ops;
	l->person = person;
	snprintf(l->name, sizeof l->name, "%s", name);
	mlist_read(a, l);
	return &l->base;
}
