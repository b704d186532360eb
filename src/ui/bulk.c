/* Bulk entry (Nhập nhanh): typing a paper list of members one after another.
 *
 * The organization and branch are chosen once and stay, like the other fields marked carry in
 * screens/bulk.scr (address, join date); Enter moves from field to field and on the last one
 * saves the person with their membership in one transaction and opens the next blank record.
 * A CCCD already in the store is the same person: after asking, the membership goes to them.
 * A person with the same name (accents and case aside) and birth year already in the same
 * commune is saved all the same, with a warning naming the look-alike (two people may share a name; a typist should
 * look twice). */
#include "ui/editor.h"
#include "ui/pick.h"
#include "ui/term.h"

#include "core/orgs.h"
#include "core/unitpath.h"
#include "store/store.h"
#include "text/fold.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bulk {
	struct org_list orgs;
	unsigned count;		/* records saved since bulk entry began */
	char title[160];
};

static void bulk_free(void *ctx)
{
	struct bulk *b = ctx;
	org_list_free(&b->orgs);
	free(b);
}

static const char *bulk_title(struct ui_app *a, struct ui_editor *ed, void *ctx)
{
	(void)a;
	struct bulk *b = ctx;
	snprintf(b->title, sizeof b->title, _("%s — %u entered"),
		 screen_text(&ui_editor_screen(ed)->title), b->count);
	return b->title;
}

static int bulk_key(struct ui_app *a, struct ui_editor *ed, int action, uint32_t key, void *ctx)
{
	(void)key;
	(void)ctx;
	if (action == KA_CHOOSE)
		return ui_pick_field(a, ed);
	return UI_UNHANDLED;
}

/* ---- saving ------------------------------------------------------------------------------- */

struct lookalike {
	uint64_t self_unit_parent;
	int year;
	uint64_t id;		/* the look-alike found, 0 if none */
	struct store *s;
	struct store_txn *t;
	struct err *e;
	uint64_t cand;
	struct buf folded;	/* the new person's name, folded */
};

static uint64_t parent_of(struct store *s, struct store_txn *t, uint64_t unit, struct err *e)
{
	struct unit u = { 0 };
	uint64_t p = 0;
	if (unit && store_get(s, t, REC_UNIT, unit, &u, e) == 0)
		p = u.parent_id;
	else
		err_clear(e);
	rec_clear(&REC_DEF_UNIT, &u);
	return p;
}

static int on_lookalike_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct lookalike *l = ctx;
	uint64_t p = parent_of(l->s, l->t, m->unit_id, l->e);
	if (m->unit_id && (p == l->self_unit_parent || m->unit_id == l->self_unit_parent)) {
		l->id = l->cand;
		return 1;
	}
	return 0;
}

/* A person whose name is the new one folded (case, marks and đ aside: "Nguyen Van An" is
 * "Nguyễn Văn An") and born the same year: do they belong to this commune? */
static int on_named(const struct find_hit *h, void *ctx)
{
	struct lookalike *l = ctx;
	if (DATE_YEAR(h->birth) != l->year)
		return 0;
	struct buf f = BUF_INIT;
	vn_fold(&f, h->name, strlen(h->name));
	bool same = strcmp(buf_str(&f), buf_str(&l->folded)) == 0;
	buf_free(&f);
	if (!same)
		return 0;
	l->cand = h->id;
	return store_each_membership_of_person(l->s, l->t, h->id, on_lookalike_membership, l, l->e);
}

struct save {
	struct person p;
	struct membership m;
	uint64_t org_id;
	struct unit_path path;
	uint64_t existing;	/* the person a known CCCD belongs to, when the user agreed */
	uint64_t unit_id;
	uint64_t lookalike;
	char *existing_name;
};

/* Resolve the unit; see whether the CCCD is known (then stop: the user is asked). */
static int check_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct save *sv = ctx;
	int rc = unit_path_resolve(s, t, sv->org_id, &sv->path, false, &sv->unit_id, NULL, NULL, e);
	if (rc)
		return rc;
	free(sv->existing_name);
	sv->existing_name = NULL;
	sv->existing = 0;
	if (sv->p.cccd && *sv->p.cccd) {
		struct person q = { 0 };
		rc = store_person_by_cccd(s, t, sv->p.cccd, &q, e);
		if (rc == 0) {
			sv->existing = q.m.id;
			sv->existing_name = xstrdup(q.full_name ? q.full_name : "");
		} else if (rc == -ERR_NOTFOUND) {
			err_clear(e);
			rc = 0;
		}
		rec_clear(&REC_DEF_PERSON, &q);
	}
	return rc;
}

static int save_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct save *sv = ctx;
	int rc = 0;
	sv->lookalike = 0;
	uint64_t pid = sv->existing;
	if (!pid) {
		if (DATE_YEAR(sv->p.birth) && sv->unit_id) {
			struct lookalike l = { .self_unit_parent = parent_of(s, t, sv->unit_id, e),
					       .year = DATE_YEAR(sv->p.birth), .s = s, .t = t, .e = e,
					       .folded = BUF_INIT };
			vn_fold(&l.folded, sv->p.full_name, strlen(sv->p.full_name));
			/* The folded name as a query matches every spelling of it (and names that
			 * merely begin the same way, which on_named sets aside). */
			rc = store_find_name(s, t, buf_str(&l.folded), 500, on_named, &l, NULL, e);
			buf_free(&l.folded);
			if (rc < 0)
				return rc;
			sv->lookalike = l.id;
		}
		struct person np = { 0 };
		rec_copy(&REC_DEF_PERSON, &np, &sv->p);
		rc = store_insert(s, t, REC_PERSON, &np, e);
		pid = np.m.id;
		rec_clear(&REC_DEF_PERSON, &np);
		if (rc)
			return rc;
	}
	struct membership nm = { 0 };
	rec_copy(&REC_DEF_MEMBERSHIP, &nm, &sv->m);
	nm.person_id = pid;
	nm.org_id = sv->org_id;
	nm.unit_id = sv->unit_id;
	nm.status = MS_ACTIVE;
	rc = store_insert(s, t, REC_MEMBERSHIP, &nm, e);
	rec_clear(&REC_DEF_MEMBERSHIP, &nm);
	return rc;
}

static int fail(struct ui_app *a, struct ui_editor *ed, int field, struct err *e)
{
	char text[900];
	ui_error(a, "%s", err_format(e, text, sizeof text));
	if (field >= 0)
		ui_editor_focus(ed, field);
	return UI_OK;
}

static int bulk_save(struct ui_app *a, struct ui_editor *ed, void *ctx)
{
	struct bulk *b = ctx;
	struct form *f = ui_editor_form(ed);
	struct save sv = { 0 };
	struct err e;
	err_clear(&e);
	const char *org_text = NULL, *unit_text = NULL;
	int rc = form_apply_person(f, &sv.p, &e);
	if (rc == 0)
		rc = form_apply_membership(f, &sv.m, &org_text, &unit_text, &e);
	int out = UI_OK;
	if (rc) {
		out = fail(a, ed, -1, &e);
		goto done;
	}
	const struct org_entry *o = org_text ? org_list_match(&b->orgs, org_text, strlen(org_text))
					     : NULL;
	if (!o) {
		char codes[256];
		org_list_codes(&b->orgs, codes, sizeof codes);
		err_set(&e, ERR_INVAL, _("Organization: '%s' is not one of %s"), org_text ? org_text : "",
			codes);
		out = fail(a, ed, ui_editor_field(ed, SPS_ORG, NULL), &e);
		goto done;
	}
	sv.org_id = o->id;
	if ((rc = unit_path_parse(unit_text ? unit_text : "", unit_text ? strlen(unit_text) : 0,
				  &sv.path, &e)) != 0 ||
	    (rc = store_read(a->store, check_fn, &sv, &e)) != 0) {
		if (rc == -ERR_NOTFOUND)
			err_set(&e, ERR_NOTFOUND, _("Unit: %s has no unit '%s' (F4 or Ctrl-O lists them)"),
				o->code, unit_text ? unit_text : "");
		out = fail(a, ed, ui_editor_field(ed, SPS_UNIT, NULL), &e);
		goto done;
	}
	if (!sv.unit_id) {
		err_set(&e, ERR_INVAL, "%s", _("Unit: choose the branch the member belongs to"));
		out = fail(a, ed, ui_editor_field(ed, SPS_UNIT, NULL), &e);
		goto done;
	}
	if (sv.existing) {
		char q[600];
		snprintf(q, sizeof q,
			 _("CCCD %s is already %s's (number %llu). Add this membership to that "
			   "person? (y/n) "),
			 sv.p.cccd, sv.existing_name, (unsigned long long)sv.existing);
		if (!ui_confirm(a, q)) {
			ui_editor_focus(ed, ui_editor_field(ed, SPS_NONE, "person.cccd"));
			goto done;
		}
	}
	if ((rc = store_write(a->store, save_fn, &sv, &e)) != 0) {
		out = fail(a, ed, -1, &e);
		goto done;
	}
	b->count++;
	a->data_gen++;
	if (sv.lookalike)
		ui_error(a, _("Saved. Note: number %llu in this commune has the same name and birth "
			      "year."),
			 (unsigned long long)sv.lookalike);
	else if (sv.existing)
		ui_message(a, _("Saved: a membership of %s in %s."), sv.existing_name, o->code);
	else
		ui_message(a, _("Saved %s."), sv.p.full_name);
	form_next_record(f);
	/* The typing goes on at the first field that is not carried forward (the name). */
	const struct screen *scr = ui_editor_screen(ed);
	for (size_t i = 0; i < scr->nfields; i++)
		if (!scr->fields[i].carry) {
			ui_editor_focus(ed, (int)i);
			break;
		}
done:
	rec_clear(&REC_DEF_PERSON, &sv.p);
	rec_clear(&REC_DEF_MEMBERSHIP, &sv.m);
	unit_path_free(&sv.path);
	free(sv.existing_name);
	return out;
}

/* Enter on the last field: check everything and save, like F2. */
static int past_last(struct ui_app *a, struct ui_editor *ed, void *ctx)
{
	(void)ctx;
	return ui_editor_save(a, ed);
}

/* Only what was typed for this member counts: the carried fields are the same for the next. */
static bool bulk_dirty(struct ui_editor *ed, void *ctx)
{
	(void)ctx;
	const struct screen *scr = ui_editor_screen(ed);
	for (size_t i = 0; i < scr->nfields; i++)
		if (!scr->fields[i].carry && *form_get(ui_editor_form(ed), (int)i))
			return true;
	return false;
}

static const struct ui_editor_hooks bulk_hooks = {
	.dirty = bulk_dirty,
	.save = bulk_save,
	.title = bulk_title,
	.key = bulk_key,
	.past_last = past_last,
	.free = bulk_free,
};

struct ui_screen *ui_bulk_new(struct ui_app *a)
{
	struct screen *scr = ui_load_screen(a, "bulk");
	if (!scr)
		return NULL;
	struct bulk *b = xcalloc(1, sizeof *b);
	struct err e;
	err_clear(&e);
	if (org_list_load(a->store, NULL, &b->orgs, &e) != 0) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
	}
	struct form *f = form_new(scr);
	/* The organization in view, if any, is the first guess. */
	if (a->org_id)
		for (size_t i = 0; i < scr->nfields; i++)
			if (scr->fields[i].ref.pseudo == SPS_ORG)
				form_set(f, (int)i, a->org_code);
	return ui_editor_new(a, scr, f, KM_BULK, &bulk_hooks, b);
}
