/* The targets report: the figures of report_gather (report_gather.h) laid out as target,
 * actual and gap for admissions, members, the gathering rate and dues. */
#include "core/report_gather.h"

#include "core/csv.h"
#include "core/report_priv.h"
#include "core/targets.h"
#include "util/buf.h"
#include "util/i18n.h"

#include <inttypes.h>
#include <string.h>

enum measure { TM_ADMISSIONS, TM_MEMBERS, TM_RATE, TM_DUES, TM__COUNT };

/* One measure of a row: -1 for none (no target, no data). */
struct tvals {
	int64_t target, actual;
	bool rate;		/* tenths of a percent */
};

static struct tvals measure(const struct gather_row *row, enum measure m)
{
	bool own = row->kind == REPORT_ROW_UNIT || row->kind == REPORT_ROW_TOTAL;
	int64_t pop = own ? row->fig[GF_POPULATION] : 0;
	switch (m) {
	case TM_ADMISSIONS:
		return (struct tvals){ row->fig[GF_ADMISSIONS] ? row->fig[GF_ADMISSIONS] : -1,
				       (int64_t)row->admitted, false };
	case TM_MEMBERS:
		return (struct tvals){ row->fig[GF_MEMBERS] ? row->fig[GF_MEMBERS] : -1,
				       (int64_t)row->members, false };
	case TM_RATE:
		return (struct tvals){ row->fig[GF_RATE] ? row->fig[GF_RATE] : -1,
				       report_rate(row->members, pop), true };
	default:
		/* Dues are not recorded yet: no actual figure. */
		return (struct tvals){ row->fig[GF_DUES] ? row->fig[GF_DUES] : -1, -1, false };
	}
}

static char *fig_text(int64_t v, bool rate, bool sign, char out[32])
{
	char num[24];
	const char *s = sign && v > 0 ? "+" : "";
	if (rate)
		snprintf(out, 32, "%s%s", s, target_rate_format(v, num));
	else
		snprintf(out, 32, "%s%" PRId64, s, v);
	return out;
}

static bool target_shown(const struct gather_row *row)
{
	return row->kind == REPORT_ROW_UNIT || row->kind == REPORT_ROW_TOTAL || row->members ||
	       row->admitted;
}

static void target_table(FILE *f, const struct gather_table *tb, enum measure m,
			 const char *title, int width, struct buf *label)
{
	struct rtable t;
	char num[32];
	rtable_init(&t, title, _("Unit"), tb->nrows + 1);
	rtable_col(&t, _("Target"));
	rtable_col(&t, _("Actual"));
	rtable_col(&t, _("Gap"));
	for (size_t k = 0; k <= tb->nrows; k++) {
		const struct gather_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
		if (!target_shown(row))
			continue;
		report_row_label(row->kind, row->label, label);
		rtable_row(&t, buf_str(label));
		struct tvals v = measure(row, m);
		rtable_text(&t, 0, v.target < 0 ? "—" : fig_text(v.target, v.rate, false, num));
		rtable_text(&t, 1, v.actual < 0 ? _("no data") : fig_text(v.actual, v.rate, false, num));
		rtable_text(&t, 2, v.target < 0 || v.actual < 0 ? "—"
				   : fig_text(v.actual - v.target, v.rate, true, num));
	}
	rtable_write(f, &t, width);
	rtable_free(&t);
}

static void targets_text(FILE *f, const struct report_gather *r, int width)
{
	char date[16];
	date_format(r->as_of, date);
	struct buf label = BUF_INIT, title = BUF_INIT;
	size_t shown = 0;
	for (size_t i = 0; i < r->ntables; i++) {
		const struct gather_table *tb = &r->tables[i];
		bool units = false;
		for (size_t k = 0; k < tb->nrows; k++)
			units |= tb->rows[k].kind != REPORT_ROW_NONE;
		if (!units && !tb->total.members && r->ntables > 1)
			continue;
		shown++;
		report_printf_wrapped(f, width, _("Targets of %s: %s (%s), %d"), tb->word, tb->name,
				      tb->code, r->year);
		if (*tb->scope)
			report_printf_wrapped(f, width, _("Under: %s (each row counts its whole "
							  "subtree)"), tb->scope);
		report_printf_wrapped(f, width, _("Actual figures on %s; a gap is the actual figure "
						  "less the target; — where no target was set"), date);
		putc('\n', f);
		for (int m = 0; m < TM__COUNT; m++) {
			buf_reset(&title);
			switch (m) {
			case TM_ADMISSIONS:
				buf_printf(&title, _("Admitted in %d up to %s (not counting transfers)"),
					   r->year, date);
				break;
			case TM_MEMBERS: buf_printf(&title, _("Members on %s"), date); break;
			case TM_RATE: buf_adds(&title, _("Gathering rate, %")); break;
			default: buf_adds(&title, _("Dues collected, đồng (not recorded yet)")); break;
			}
			target_table(f, tb, (enum measure)m, buf_str(&title), width, &label);
		}
	}
	if (!shown)
		report_printf_wrapped(f, width, _("No organization has members on %s."), date);
	buf_free(&label);
	buf_free(&title);
}

static void csv_text(FILE *f, const char *s, bool first)
{
	csv_write_field(f, s, strlen(s), ',', first);
}

static void targets_csv(FILE *f, const struct report_gather *r)
{
	static const char *const heads[TM__COUNT][3] = {
		{ N_("Admissions target"), N_("Admitted"), N_("Admissions gap") },
		{ N_("Members target"), N_("Members"), N_("Members gap") },
		{ N_("Gathering rate target (%)"), N_("Gathering rate (%)"),
		  N_("Gathering rate gap") },
		{ N_("Dues target"), N_("Dues collected"), N_("Dues gap") },
	};
	fputs("\xEF\xBB\xBF", f);
	csv_text(f, _("Organization"), true);
	csv_text(f, _("Unit"), false);
	for (int m = 0; m < TM__COUNT; m++)
		for (int k = 0; k < 3; k++)
			csv_text(f, _(heads[m][k]), false);
	csv_end_row(f);
	struct buf label = BUF_INIT;
	char num[32];
	for (size_t i = 0; i < r->ntables; i++) {
		const struct gather_table *tb = &r->tables[i];
		for (size_t k = 0; k <= tb->nrows; k++) {
			const struct gather_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
			if (!target_shown(row))
				continue;
			report_row_label(row->kind, row->label, &label);
			csv_text(f, tb->code, true);
			csv_text(f, buf_str(&label), false);
			for (int m = 0; m < TM__COUNT; m++) {
				struct tvals v = measure(row, (enum measure)m);
				/* Numbers of our own making: written as they are, a gap's minus sign
				 * included (csv_write_field would neutralise it as a formula). */
				fprintf(f, ",%s", v.target < 0 ? "" : fig_text(v.target, v.rate, false, num));
				fprintf(f, ",%s", v.actual < 0 ? "" : fig_text(v.actual, v.rate, false, num));
				fprintf(f, ",%s", v.target < 0 || v.actual < 0 ? ""
					: fig_text(v.actual - v.target, v.rate, false, num));
			}
			csv_end_row(f);
		}
	}
	buf_free(&label);
}

void report_targets_write(FILE *f, const struct report_gather *r, enum report_format fmt,
			  int width)
{
	if (fmt == REPORT_CSV)
		targets_csv(f, r);
	else
		targets_text(f, r, width);
}
