/* Báo cáo: every report of `hoivien report`, chosen from a list.  A small form of the report's
 * options comes first (organization, unit, date, and the period start, year or months where
 * the report uses them), filled with what the command would take by default; Enter reads the
 * report on the screen, and from there the export key writes the same report to a file, CSV or
 * a workbook, as `hoivien report … --format csv|xlsx -o FILE` would. */
#include "ui/editor.h"
#include "ui/optform.h"
#include "ui/pick.h"
#include "ui/term.h"
#include "ui/ui.h"

#include "core/date.h"
#include "core/orgs.h"
#include "core/report.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Items of the chooser after the reports: screens of their own, opened as they are. */
static const struct {
	const char *label;	/* msgid */
	struct ui_screen *(*open)(struct ui_app *a);
} extras[] = {
	{ N_("Review duplicate pairs"), ui_dup_review_new },
	{ NULL, NULL },		/* the end */
};
#define NEXTRAS ((int)(sizeof extras / sizeof *extras) - 1)

/* ---- writing a report to a file ------------------------------------------------------------ */

/* What the view of a report writes: the same report with the same options. */
struct rexport {
	enum report_kind kind;
	struct report_opts ro;
	char *org, *unit;	/* owned; ro points to them */
};

static void rexport_free(void *p)
{
	struct rexport *x = p;
	free(x->org);
	free(x->unit);
	free(x);
}

static int write_csv(struct store *s, const struct rexport *x, const char *path, struct err *e)
{
	struct atomic_file af;
	int rc = atomic_open(&af, path, e);
	if (rc)
		return rc;
	rc = report_write(af.f, s, x->kind, &x->ro, REPORT_CSV, 80, e);
	if (!rc && ferror(af.f))
		rc = err_set(e, ERR_IO, "%s", _("write error"));
	if (rc) {
		atomic_abort(&af);
		return rc;
	}
	return atomic_commit(&af, e);
}

static bool ends_with_xlsx(const char *path)
{
	size_t n = strlen(path);
	return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

static int export_report(struct ui_app *a, void *ctx)
{
	struct rexport *x = ctx;
	hv_date d = x->ro.as_of ? x->ro.as_of : date_today();
	char def[200];
	snprintf(def, sizeof def, "~/hoivien-%s-%04d-%02d-%02d.csv", report_kind_name(x->kind),
		 DATE_YEAR(d), DATE_MONTH(d), DATE_DAY(d));
	char *name = ui_prompt(a, _("Write the report to (CSV; .xlsx for a workbook): "), def);
	if (!name)
		return UI_OK;
	/* Spaces around a name typed are not part of it. */
	char *p = name, *end = name + strlen(name);
	while (*p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		*--end = '\0';
	if (!*p || strcmp(p, "-") == 0) {
		ui_error(a, "%s", _("Give the name of a file to write."));
		free(name);
		return UI_OK;
	}
	char *path;
	if (p[0] == '~' && (p[1] == '/' || !p[1])) {
		const char *home = getenv("HOME");
		path = path_join(home && *home ? home : ".", p[1] ? p + 2 : "");
	} else {
		path = xstrdup(p);
	}
	free(name);
	if (path_is_dir(path)) {
		ui_error(a, _("%s is a directory: give the name of a file in it."), path);
		free(path);
		return UI_OK;
	}
	if (access(path, F_OK) == 0) {
		char q[600];
		snprintf(q, sizeof q, _("%s exists: replace it? (y/n) "), path);
		if (!ui_confirm(a, q)) {
			free(path);
			return UI_OK;
		}
	}
	ui_message(a, "%s", _("Writing…"));
	ui_repaint(a);
	struct err e;
	err_clear(&e);
	int rc = ends_with_xlsx(path) ? report_write_xlsx(a->store, x->kind, &x->ro, path, &e)
				      : write_csv(a->store, x, path, &e);
	if (rc) {
		if (!e.where[0])
			err_where(&e, "%s", path);
		char text[900];
		ui_error(a, _("Not written: %s"), err_format(&e, text, sizeof text));
	} else {
		ui_message(a, _("Written: %s"), path);
	}
	free(path);
	return UI_OK;
}

/* ---- the options form ---------------------------------------------------------------------- */

enum { O_ORG, O_UNIT, O_AS_OF, O_FROM, O_YEAR, O_MONTHS, O_PROBABLE, O__N };

#define DATE_CHARS "0123456789/.-"

static const struct optf_def option_defs[O__N] = {
	[O_ORG] = { OPTF_PICK, N_("Organization"),
		    N_("Space, F4 or Ctrl-O lists the organizations"), NULL, 50 },
	[O_UNIT] = { OPTF_PICK, N_("Unit"),
		     N_("Space, F4 or Ctrl-O lists the organization's units; Ctrl-U: the whole "
			"tree"), NULL, 56 },
	[O_AS_OF] = { OPTF_TEXT, N_("As of"), N_("The date the figures are counted at: dd/mm/yyyy"),
		      DATE_CHARS, 10 },
	[O_FROM] = { OPTF_TEXT, N_("Period start"),
		     N_("The first day of the period: dd/mm/yyyy (empty: 1 January of the end's "
			"year)"), DATE_CHARS, 10 },
	[O_YEAR] = { OPTF_TEXT, N_("Year"), N_("The year of the figures (empty: the as-of date's)"),
		     "0123456789", 4 },
	[O_MONTHS] = { OPTF_TEXT, N_("Months looked back"),
		       N_("Dues and meetings within this many months count (empty: 6, or the "
			  "phantom-months setting)"), "0123456789", 3 },
	[O_PROBABLE] = { OPTF_CHECK, N_("Probable overlaps"),
			 N_("Space: also the pairs the duplicates report proposes, shown apart "
			    "(slower on a big register)"), NULL, 0 },
};

struct ropts {
	enum report_kind kind;
	struct optf *form;
	uint64_t org_id;	/* 0: all */
	char org_code[32];
	char *unit;		/* a path; NULL: the whole tree */
	char title[300];
};

static void ropts_free(void *p)
{
	struct ropts *r = p;
	free(r->unit);
	free(r);
}

static const char *opt_title(struct ui_app *a, struct optf *f, void *ctx)
{
	(void)a;
	(void)f;
	struct ropts *r = ctx;
	snprintf(r->title, sizeof r->title, "%s", report_kind_title(r->kind));
	return r->title;
}

static void set_unit(struct ropts *r, const char *path)
{
	free(r->unit);
	r->unit = path ? xstrdup(path) : NULL;
	optf_set_text(r->form, O_UNIT, path ? path : _("The whole tree"));
}

static void org_picked(struct ui_app *a, void *ctx, uint64_t id, const char *text)
{
	(void)a;
	struct ropts *r = ctx;
	if (id != r->org_id)
		set_unit(r, NULL);	/* each organization has its own tree */
	r->org_id = id;
	r->org_code[0] = '\0';
	if (id) {
		/* "PN — Hội Liên hiệp Phụ nữ Việt Nam": the code is what the report takes. */
		const char *sp = strchr(text, ' ');
		snprintf(r->org_code, sizeof r->org_code, "%.*s",
			 sp ? (int)(sp - text) : (int)strlen(text), text);
	}
	optf_set_text(r->form, O_ORG, text);
}

static void unit_picked(struct ui_app *a, void *ctx, uint64_t id, const char *text)
{
	(void)a;
	(void)id;
	set_unit(ctx, text);
}

static void opt_pick(struct ui_app *a, struct optf *f, int item, void *ctx)
{
	(void)f;
	struct ropts *r = ctx;
	if (item == O_ORG)
		ui_pick_org(a, _("Organization"), true, org_picked, r);
	else if (!r->org_id)
		ui_error(a, "%s", _("Choose the organization first: each has its own units."));
	else
		ui_pick_unit(a, _("Unit"), r->org_id, unit_picked, r);
}

static int opt_key(struct ui_app *a, struct optf *f, int action, uint32_t k, void *ctx)
{
	(void)a;
	(void)k;
	if (optf_current(f) == O_UNIT && (action == KA_CLEAR_FIELD || action == KA_BACKSPACE ||
					  action == KA_DELETE_CHAR)) {
		set_unit(ctx, NULL);
		return UI_OK;
	}
	return UI_UNHANDLED;
}

/* A whole date from item i (empty: 0 when optional); false with the message when it is not. */
static bool read_date(struct ui_app *a, struct optf *f, int i, bool optional, hv_date *out)
{
	const char *t = optf_text(f, i);
	struct err e;
	err_clear(&e);
	*out = 0;
	if (!*t && optional)
		return true;
	if (date_parse(t, out, &e) == 0 && date_precision(*out) != DATE_YMD)
		err_set(&e, ERR_INVAL, "%s", _("give a whole date, dd/mm/yyyy"));
	else if (!*t)
		err_set(&e, ERR_INVAL, "%s", _("give a date, dd/mm/yyyy"));
	if (e.code) {
		ui_error(a, "%s: %s", _(option_defs[i].label), e.msg);
		optf_focus(f, i);
		return false;
	}
	return true;
}

static bool read_number(struct ui_app *a, struct optf *f, int i, int min, int max, int *out)
{
	const char *t = optf_text(f, i);
	*out = 0;
	if (!*t)
		return true;
	long v = strtol(t, NULL, 10);
	if (strlen(t) > 6 || v < min || v > max) {
		ui_error(a, _("%s: give a number from %d to %d"), _(option_defs[i].label), min, max);
		optf_focus(f, i);
		return false;
	}
	*out = (int)v;
	return true;
}

static int opt_run(struct ui_app *a, struct optf *f, void *ctx)
{
	struct ropts *r = ctx;
	struct report_opts ro = { .org = r->org_id ? r->org_code : NULL, .unit = r->unit };
	if (!read_date(a, f, O_AS_OF, false, &ro.as_of))
		return UI_OK;
	if (r->kind == RK_MOVEMENT) {
		if (!read_date(a, f, O_FROM, true, &ro.from))
			return UI_OK;
		if (ro.from > ro.as_of) {
			ui_error(a, "%s", _("Period start: after the end of the period"));
			optf_focus(f, O_FROM);
			return UI_OK;
		}
	}
	if ((r->kind == RK_GATHERING || r->kind == RK_TARGETS) &&
	    !read_number(a, f, O_YEAR, 1900, 2100, &ro.year))
		return UI_OK;
	if (r->kind == RK_PHANTOM && !read_number(a, f, O_MONTHS, 1, 120, &ro.months))
		return UI_OK;
	ro.probable = r->kind == RK_OVERLAP && optf_checked(f, O_PROBABLE);

	char *mem = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&mem, &n);
	if (!out) {
		ui_error(a, "%s", _("out of memory"));
		return UI_OK;
	}
	ui_message(a, "%s", _("Counting…"));
	ui_repaint(a);
	struct err e;
	err_clear(&e);
	int rc = report_write(out, a->store, r->kind, &ro, REPORT_TEXT,
			      term_cols() < 80 ? term_cols() : 80, &e);
	fclose(out);
	buf_reset(&a->message);
	if (rc) {
		free(mem);
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
		return UI_OK;
	}
	struct rexport *x = xcalloc(1, sizeof *x);
	x->kind = r->kind;
	x->ro = ro;
	x->org = ro.org ? xstrdup(ro.org) : NULL;
	x->unit = ro.unit ? xstrdup(ro.unit) : NULL;
	x->ro.org = x->org;
	x->ro.unit = x->unit;
	char title[400];
	const char *slash = r->unit ? strrchr(r->unit, '/') : NULL;
	snprintf(title, sizeof title, "%s — %s%s%s", report_kind_title(r->kind),
		 r->org_id ? r->org_code : _("all"), r->unit ? " / " : "",
		 r->unit ? (slash ? slash + 2 : r->unit) : "");
	ui_push(a, ui_text_view_export(a, title, mem, export_report, x, rexport_free));
	return UI_OK;
}

static const struct optf_hooks option_hooks = {
	.title = opt_title,
	.pick = opt_pick,
	.save = opt_run,
	.key = opt_key,
	.free = ropts_free,
	.enter_saves = true,
};

static struct ui_screen *options_new(struct ui_app *a, enum report_kind kind)
{
	struct optf_def defs[O__N];
	memcpy(defs, option_defs, sizeof defs);
	if (kind == RK_MOVEMENT) {
		defs[O_AS_OF].label = N_("Period end");
		defs[O_AS_OF].help = N_("The last day of the period: dd/mm/yyyy");
	}
	struct ropts *r = xcalloc(1, sizeof *r);
	r->kind = kind;
	struct optf *f;
	struct ui_screen *s = ui_optform_new(a, defs, O__N, &option_hooks, r, &f);
	r->form = f;
	/* The organization in view, with its name. */
	char org[300];
	snprintf(org, sizeof org, "%s", _("All organizations"));
	if (a->org_id) {
		struct org_list orgs = { 0 };
		struct err e;
		err_clear(&e);
		const struct org_entry *o = NULL;
		if (org_list_load(a->store, NULL, &orgs, &e) == 0)
			o = org_list_by_id(&orgs, a->org_id);
		if (o) {
			r->org_id = o->id;
			snprintf(r->org_code, sizeof r->org_code, "%s", o->code);
			snprintf(org, sizeof org, "%s — %s", o->code, o->name);
		}
		org_list_free(&orgs);
	}
	optf_set_text(f, O_ORG, org);
	set_unit(r, NULL);
	char today[16];
	optf_set_text(f, O_AS_OF, date_format(date_today(), today));
	optf_show(f, O_FROM, kind == RK_MOVEMENT);
	optf_show(f, O_YEAR, kind == RK_GATHERING || kind == RK_TARGETS);
	optf_show(f, O_MONTHS, kind == RK_PHANTOM);
	optf_show(f, O_PROBABLE, kind == RK_OVERLAP);
	/* Enter shows the report whatever it is bound to; the rest as the keymap has them. */
	static const int keys[] = { KA_CHOOSE, KA_CANCEL };
	struct buf note = BUF_INIT;
	buf_adds(&note, _("Enter shows the report"));
	ui_hints(a, KM_FORM, keys, 2, &note);
	optf_set_note(f, buf_str(&note));
	buf_free(&note);
	optf_mark_loaded(f, -1);
	return s;
}

/* ---- the list of reports ------------------------------------------------------------------- */

/* The chooser owns this: the translated names it shows. */
struct report_choice {
	const char *items[RK__COUNT + NEXTRAS + 1];
};

static void kind_chosen(struct ui_app *a, void *ctx, int index, const char *item)
{
	(void)ctx;
	(void)item;
	if (index < RK__COUNT)
		ui_push(a, options_new(a, (enum report_kind)index));
	else if (index - RK__COUNT < NEXTRAS)
		ui_push(a, extras[index - RK__COUNT].open(a));
}

struct ui_screen *ui_reports_new(struct ui_app *a)
{
	struct report_choice *c = xcalloc(1, sizeof *c);
	int n = 0;
	for (int k = 0; k < RK__COUNT; k++)
		c->items[n++] = report_kind_title((enum report_kind)k);
	for (int i = 0; i < NEXTRAS; i++)
		c->items[n++] = _(extras[i].label);
	return ui_choose_new(a, _("Reports"), c->items, (size_t)n, kind_chosen, c, NULL);
}
