/* A unit's area and its figures for a year, opened from the units screen: the area tags of the
 * unit record (ethnic-minority area, religious area, non-state enterprise, urban, border) and
 * the one REC_TARGET record of the unit for the year (eligible population and targets).
 * Changing the year reads that year's figures.  One save writes both in one transaction; a
 * unit or figures someone else changed since they were read is a conflict, as on every form. */
#include "ui/optform.h"
#include "ui/ui.h"

#include "core/date.h"
#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	U_H_AREA, U_ETHNIC, U_RELIGIOUS, U_NONSTATE, U_URBAN, U_BORDER,
	U_H_FIGURES, U_YEAR, U_POP, U_ADM, U_MEM, U_RATE, U_DUES, U_NOTES, U__N
};

#define NUMBER_CHARS "0123456789. "

static const struct optf_def defs[U__N] = {
	[U_H_AREA] = { OPTF_HEADING, N_("Area (Space ticks or clears)"), NULL, NULL, 0 },
	[U_ETHNIC] = { OPTF_CHECK, N_("Ethnic-minority area"),
		       N_("Where ethnic minorities live: the gathering rate counts it apart"), NULL,
		       3 },
	[U_RELIGIOUS] = { OPTF_CHECK, N_("Religious area"),
			  N_("Where religious communities live: the gathering rate counts it apart"),
			  NULL, 3 },
	[U_NONSTATE] = { OPTF_CHECK, N_("Non-state enterprise"),
			 N_("A private or foreign-owned enterprise: the gathering rate counts it "
			    "apart"), NULL, 3 },
	[U_URBAN] = { OPTF_CHECK, N_("Urban area"), NULL, NULL, 3 },
	[U_BORDER] = { OPTF_CHECK, N_("Border area"), NULL, NULL, 3 },
	[U_H_FIGURES] = { OPTF_HEADING, N_("Figures for a year"), NULL, NULL, 0 },
	[U_YEAR] = { OPTF_TEXT, N_("Year"), N_("Another year shows that year's figures"),
		     "0123456789", 4 },
	[U_POP] = { OPTF_TEXT, N_("Eligible population"),
		    N_("The people the unit could gather (the gathering rate's denominator)"),
		    NUMBER_CHARS, 12 },
	[U_ADM] = { OPTF_TEXT, N_("Target: admissions"), N_("Members to admit in the year"),
		    NUMBER_CHARS, 12 },
	[U_MEM] = { OPTF_TEXT, N_("Target: members"), N_("Members at the end of the year"),
		    NUMBER_CHARS, 12 },
	[U_RATE] = { OPTF_TEXT, N_("Target: gathering rate (%)"),
		     N_("Members per 100 of the eligible population, one decimal: 75.5"),
		     "0123456789.,", 5 },
	[U_DUES] = { OPTF_TEXT, N_("Target: dues (đồng)"), N_("Dues to collect in the year"),
		     NUMBER_CHARS, 15 },
	[U_NOTES] = { OPTF_TEXT, N_("Notes"), NULL, NULL, 40 },
};

static const struct {
	int item;
	uint64_t bit;
} tag_items[] = {
	{ U_ETHNIC, AREA_ETHNIC }, { U_RELIGIOUS, AREA_RELIGIOUS }, { U_NONSTATE, AREA_NONSTATE },
	{ U_URBAN, AREA_URBAN }, { U_BORDER, AREA_BORDER },
};
#define NTAGS (sizeof tag_items / sizeof *tag_items)

struct uedit {
	struct optf *form;
	struct unit un;		/* as read */
	struct target tg;	/* the year's, as read (m.id 0: none yet) */
	int year;		/* of tg */
	char title[300];
};

static void uedit_free(void *p)
{
	struct uedit *u = p;
	rec_clear(&REC_DEF_UNIT, &u->un);
	rec_clear(&REC_DEF_TARGET, &u->tg);
	free(u);
}

/* ---- reading ----------------------------------------------------------------------------- */

struct tfind {
	uint64_t unit;
	int year;
	struct target *out;	/* filled when found */
	bool found;
};

static int on_target(const void *rec, void *ctx)
{
	const struct target *t = rec;
	struct tfind *f = ctx;
	if (t->unit_id != f->unit || t->year != f->year)
		return 0;
	rec_copy(&REC_DEF_TARGET, f->out, t);
	f->found = true;
	return 1;
}

/* The target record of unit for year into *out (cleared; m.id 0 when there is none).  There
 * are few (one per unit and year that has figures), so a scan finds it. */
static int find_target(struct store *s, struct store_txn *t, uint64_t unit, int year,
		       struct target *out, struct err *e)
{
	rec_clear(&REC_DEF_TARGET, out);
	struct tfind f = { .unit = unit, .year = year, .out = out };
	int rc = store_each(s, t, REC_TARGET, on_target, &f, e);
	return rc < 0 ? rc : 0;
}

struct uload {
	struct uedit *u;
	uint64_t unit;
	bool unit_too;
};

static int load_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct uload *l = ctx;
	if (l->unit_too) {
		rec_clear(&REC_DEF_UNIT, &l->u->un);
		int rc = store_get(s, t, REC_UNIT, l->unit, &l->u->un, e);
		if (rc)
			return rc;
	}
	return find_target(s, t, l->unit, l->u->year, &l->u->tg, e);
}

static void show_number(struct optf *f, int i, int64_t v)
{
	char text[32] = "";
	if (v)
		snprintf(text, sizeof text, "%" PRId64, v);
	optf_set_text(f, i, text);
}

/* The figures of u->tg into the form. */
static void show_figures(struct uedit *u)
{
	struct optf *f = u->form;
	char year[16];
	snprintf(year, sizeof year, "%d", u->year);
	optf_set_text(f, U_YEAR, year);
	show_number(f, U_POP, u->tg.population);
	show_number(f, U_ADM, u->tg.admissions);
	show_number(f, U_MEM, u->tg.members);
	char rate[32] = "";
	if (u->tg.rate)
		snprintf(rate, sizeof rate, "%" PRId64 ".%" PRId64, u->tg.rate / 10, u->tg.rate % 10);
	optf_set_text(f, U_RATE, rate);
	show_number(f, U_DUES, u->tg.dues);
	optf_set_text(f, U_NOTES, u->tg.notes ? u->tg.notes : "");
	for (int i = U_YEAR; i <= U_NOTES; i++)
		optf_mark_loaded(f, i);
}

static int load(struct ui_app *a, struct uedit *u, bool unit_too)
{
	struct uload l = { .u = u, .unit = u->un.m.id, .unit_too = unit_too };
	struct err e;
	err_clear(&e);
	int rc = store_read(a->store, load_fn, &l, &e);
	if (rc) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
	}
	return rc;
}

/* ---- the form ------------------------------------------------------------------------------ */

static const char *title(struct ui_app *a, struct optf *f, void *ctx)
{
	(void)a;
	(void)f;
	struct uedit *u = ctx;
	snprintf(u->title, sizeof u->title, _("%s: area and figures"), u->un.name ? u->un.name : "?");
	return u->title;
}

static bool figures_dirty(struct optf *f)
{
	for (int i = U_POP; i <= U_NOTES; i++)
		if (optf_dirty(f, i))
			return true;
	return false;
}

static bool left(struct ui_app *a, struct optf *f, int item, void *ctx)
{
	struct uedit *u = ctx;
	if (item != U_YEAR)
		return true;
	long y = strtol(optf_text(f, U_YEAR), NULL, 10);
	if (y < 1900 || y > 2100) {
		ui_error(a, "%s", _("Year: give a year from 1900 to 2100"));
		return false;
	}
	if (y == u->year)
		return true;
	char q[200];
	snprintf(q, sizeof q, _("Forget the figures typed for %d? (y/n) "), u->year);
	if (figures_dirty(f) && !ui_confirm(a, q)) {
		char year[16];
		snprintf(year, sizeof year, "%d", u->year);
		optf_set_text(f, U_YEAR, year);
		return true;
	}
	int was = u->year;
	u->year = (int)y;
	if (load(a, u, false) != 0) {
		u->year = was;
		return false;
	}
	show_figures(u);
	return true;
}

/* A whole number typed with or without thousands separators ("12.500", "12 500"). */
static bool read_count(struct ui_app *a, struct optf *f, int i, int64_t *out)
{
	int64_t v = 0;
	int digits = 0;
	for (const char *p = optf_text(f, i); *p; p++) {
		if (*p == '.' || *p == ' ')
			continue;
		if (*p < '0' || *p > '9' || ++digits > 15) {
			ui_error(a, _("%s: give a whole number"), _(defs[i].label));
			optf_focus(f, i);
			return false;
		}
		v = v * 10 + (*p - '0');
	}
	*out = v;
	return true;
}

/* A percentage with at most one decimal ("75", "75.5", "75,5") in tenths. */
static bool read_rate(struct ui_app *a, struct optf *f, int64_t *out)
{
	int64_t whole = 0, tenth = 0;
	int nwhole = 0, nfrac = 0;
	bool sep = false, bad = false;
	for (const char *p = optf_text(f, U_RATE); *p && !bad; p++) {
		bool digit = *p >= '0' && *p <= '9';
		if ((*p == '.' || *p == ',') && !sep && nwhole) {
			sep = true;
		} else if (digit && !sep && nwhole < 3) {
			whole = whole * 10 + (*p - '0');
			nwhole++;
		} else if (digit && sep && !nfrac) {
			tenth = *p - '0';
			nfrac++;
		} else {
			bad = true;
		}
	}
	int64_t v = whole * 10 + tenth;
	if (bad || (sep && !nfrac) || v > 1000) {
		ui_error(a, "%s", _("Target: gathering rate (%): give a percentage up to 100, with at "
				    "most one decimal (75.5)"));
		optf_focus(f, U_RATE);
		return false;
	}
	*out = v;
	return true;
}

struct usave {
	struct unit un;		/* to write (its version: as read) */
	bool tags_changed;
	struct target tg;	/* to write; m.id 0: a new one */
	bool write_target;
	bool target_changed;
	char *conflict_user;	/* whoever entered the figures meanwhile */
};

static int save_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct usave *sv = ctx;
	int rc = 0;
	bool changed = false;
	sv->target_changed = false;
	if (sv->tags_changed && (rc = store_update(s, t, REC_UNIT, &sv->un, &changed, e)) != 0)
		return rc;
	if (!sv->write_target)
		return 0;
	/* Someone may have entered this year's figures since the form read them. */
	struct target now = { 0 };
	if ((rc = find_target(s, t, sv->tg.unit_id, (int)sv->tg.year, &now, e)) != 0)
		return rc;
	if (now.m.id && now.m.id != sv->tg.m.id) {
		rc = err_set(e, ERR_CONFLICT, _("the figures for %d were entered by %s meanwhile: "
						"Escape, then open them again"),
			     (int)sv->tg.year, now.m.muser ? now.m.muser : "?");
		rec_clear(&REC_DEF_TARGET, &now);
		return rc;
	}
	rec_clear(&REC_DEF_TARGET, &now);
	if (sv->tg.m.id)
		return store_update(s, t, REC_TARGET, &sv->tg, &sv->target_changed, e);
	/* The insert fills in the id and version: a copy, in case the transaction runs again. */
	struct target ins = { 0 };
	rec_copy(&REC_DEF_TARGET, &ins, &sv->tg);
	rc = store_insert(s, t, REC_TARGET, &ins, e);
	rec_clear(&REC_DEF_TARGET, &ins);
	sv->target_changed = rc == 0;
	return rc;
}

static int save(struct ui_app *a, struct optf *f, void *ctx)
{
	struct uedit *u = ctx;
	struct usave sv = { 0 };
	rec_copy(&REC_DEF_UNIT, &sv.un, &u->un);
	uint64_t tags = u->un.area_tags;
	for (size_t i = 0; i < NTAGS; i++)
		tags = optf_checked(f, tag_items[i].item) ? tags | tag_items[i].bit
							  : tags & ~tag_items[i].bit;
	sv.un.area_tags = tags;
	sv.tags_changed = tags != u->un.area_tags;
	rec_copy(&REC_DEF_TARGET, &sv.tg, &u->tg);
	sv.tg.unit_id = u->un.m.id;
	sv.tg.year = u->year;
	bool ok = read_count(a, f, U_POP, &sv.tg.population) &&
		  read_count(a, f, U_ADM, &sv.tg.admissions) &&
		  read_count(a, f, U_MEM, &sv.tg.members) && read_rate(a, f, &sv.tg.rate) &&
		  read_count(a, f, U_DUES, &sv.tg.dues);
	if (ok) {
		rec_set_str(rec_field(&REC_DEF_TARGET, "notes"), &sv.tg, optf_text(f, U_NOTES));
		/* No record for a year with nothing in it. */
		sv.write_target = sv.tg.m.id || sv.tg.population || sv.tg.admissions ||
				  sv.tg.members || sv.tg.rate || sv.tg.dues ||
				  (sv.tg.notes && *sv.tg.notes);
		struct err e;
		err_clear(&e);
		if (store_write(a->store, save_fn, &sv, &e) != 0) {
			char text[900];
			ui_error(a, "%s", err_format(&e, text, sizeof text));
			ok = false;
		}
	}
	bool changed = ok && (sv.tags_changed || sv.target_changed);
	rec_clear(&REC_DEF_UNIT, &sv.un);
	rec_clear(&REC_DEF_TARGET, &sv.tg);
	if (!ok)
		return UI_OK;
	a->data_gen++;
	if (changed)
		ui_message(a, _("Saved: the area and the figures for %d of %s."), u->year, u->un.name);
	else
		ui_message(a, "%s", _("Nothing changed."));
	return UI_POP;
}

static const struct optf_hooks hooks = {
	.title = title,
	.left = left,
	.save = save,
	.free = uedit_free,
	.confirm_cancel = true,
};

struct ui_screen *ui_unit_edit_new(struct ui_app *a, uint64_t unit)
{
	struct uedit *u = xcalloc(1, sizeof *u);
	u->un.m.id = unit;
	u->year = DATE_YEAR(date_today());
	if (load(a, u, true) != 0) {
		uedit_free(u);
		return NULL;
	}
	struct ui_screen *s = ui_optform_new(a, defs, U__N, &hooks, u, &u->form);
	for (size_t i = 0; i < NTAGS; i++)
		optf_set_checked(u->form, tag_items[i].item, u->un.area_tags & tag_items[i].bit);
	show_figures(u);
	optf_mark_loaded(u->form, -1);
	static const int keys[] = { KA_SAVE, KA_CANCEL };
	struct buf note = BUF_INIT;
	ui_hints(a, KM_FORM, keys, 2, &note);
	optf_set_note(u->form, buf_str(&note));
	buf_free(&note);
	return s;
}
