/* Báo cáo: the reports of `hoivien report`, chosen from a list and read on the screen, for the
 * organization in view (or all of them), as of today; and the review of the duplicate pairs. */
#include "ui/editor.h"
#include "ui/term.h"
#include "ui/ui.h"

#include "core/report.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { R_STATS, R_OVERLAP, R_DUPLICATES, R_REVIEW, R__N };

static const char *const kinds[R__N] = {
	N_("Statistics by unit (members, sex, party, education, age, roles)"),
	N_("Persons and memberships across the organizations"),
	N_("Persons who may be one person (duplicates)"),
	N_("Review duplicate pairs"),
};

/* The chooser owns this: the translated names it shows. */
struct report_choice {
	const char *items[R__N];
};

static void kind_chosen(struct ui_app *a, void *ctx, int index, const char *item)
{
	(void)ctx;
	if (index == R_REVIEW) {
		ui_push(a, ui_dup_review_new(a));
		return;
	}
	struct report_opts ro = { .org = a->org_id ? a->org_code : NULL };
	char *mem = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&mem, &n);
	if (!f) {
		ui_error(a, "%s", _("out of memory"));
		return;
	}
	ui_message(a, "%s", _("Counting…"));
	ui_repaint(a);
	struct err e = { 0 };
	int rc = 0;
	if (index == R_DUPLICATES) {
		struct report_dup_summary sum;
		rc = report_duplicates_write(f, a->store, &ro, REPORT_TEXT, &sum, &e);
	} else if (index == R_STATS) {
		struct report_stats st;
		if ((rc = report_stats(a->store, &ro, &st, &e)) == 0) {
			report_stats_write(f, &st, REPORT_TEXT, term_cols() < 80 ? term_cols() : 80);
			report_stats_free(&st);
		}
	} else {
		struct report_overlap ov;
		if ((rc = report_overlap(a->store, &ro, &ov, &e)) == 0) {
			report_overlap_write(f, &ov, REPORT_TEXT, term_cols() < 80 ? term_cols() : 80);
			report_overlap_free(&ov);
		}
	}
	fclose(f);
	buf_reset(&a->message);
	if (rc) {
		free(mem);
		char text[800];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
		return;
	}
	char title[300];
	snprintf(title, sizeof title, "%s — %s", item, a->org_id ? a->org_code : _("all"));
	ui_push(a, ui_text_view_new(a, title, mem));
	ui_message(a, "%s", _("The same with hoivien report ... --format csv or xlsx, for a file."));
}

struct ui_screen *ui_reports_new(struct ui_app *a)
{
	struct report_choice *c = xcalloc(1, sizeof *c);
	for (int i = 0; i < R__N; i++)
		c->items[i] = _(kinds[i]);
	return ui_choose_new(a, _("Reports"), c->items, R__N, kind_chosen, c, NULL);
}
