/* Writing the real-members report: text (what the tests are, a table per organization, then
 * the members who fail one, grouped under their unit) and CSV (the table, or with --list the
 * failing members, one a row: a spreadsheet wants one table a file). */
#include "core/report_priv.h"

#include "core/csv.h"
#include "text/name.h"
#include "text/sanitize.h"
#include "text/width.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define MIN_LABEL 16
#define NCOLS (1 + PT__COUNT + 2)	/* members, the tests, real, share */

/* Short headings of the text table, and CSV headers (%d: the months). */
static const char *const test_head[PT__COUNT] = {
	N_("1 ID"), N_("2 Name"), N_("3 Branch"), N_("4 Dues"), N_("5 Meet"),
};
static const char *const test_csv[PT__COUNT] = {
	N_("1 No identity"), N_("2 Incomplete name"), N_("3 Not in a branch"),
	N_("4 No dues in the last %d months"), N_("5 No meeting in the last %d months"),
};

static const char *const problem_text[VN_NAME__COUNT] = {
	[VN_NAME_EMPTY] = N_("no name"),
	[VN_NAME_ONE_WORD] = N_("one word"),
	[VN_NAME_NO_GIVEN] = N_("no given name"),
	[VN_NAME_PLACEHOLDER] = N_("placeholder"),
	[VN_NAME_DIGIT] = N_("digits"),
	[VN_NAME_SYMBOL] = N_("symbols"),
	[VN_NAME_WORD] = N_("not a name word"),
	[VN_NAME_CASE] = N_("capitals"),
};

static const char *name_problem(int p)
{
	return p > 0 && p < VN_NAME__COUNT ? _(problem_text[p]) : "";
}

static bool shown(const struct phantom_row *row)
{
	return row->kind == REPORT_ROW_UNIT || row->kind == REPORT_ROW_TOTAL || row->members;
}

/* Over every organization, one with no units and no members (not set up here) is left out. */
static bool table_shown(const struct report_phantom *r, const struct phantom_table *tb)
{
	bool units = false;
	for (size_t k = 0; k < tb->nrows; k++)
		units |= tb->rows[k].kind != REPORT_ROW_NONE;
	return units || tb->total.members || r->ntables == 1;
}

static void share(char out[16], uint64_t part, uint64_t whole)
{
	if (whole)
		snprintf(out, 16, "%.1f", 100.0 * (double)part / (double)whole);
	else
		out[0] = '\0';
}

/* The cells of a row: members, the tests (a count, or "no data"), real, share. */
static void row_cells(const struct report_phantom *r, const struct phantom_row *row,
		      char cell[NCOLS][24])
{
	snprintf(cell[0], 24, "%" PRIu64, row->members);
	for (int t = 0; t < PT__COUNT; t++) {
		if (r->with_data >> t & 1)
			snprintf(cell[1 + t], 24, "%" PRIu64, row->fail[t]);
		else
			snprintf(cell[1 + t], 24, "%s", _("no data"));
	}
	snprintf(cell[1 + PT__COUNT], 24, "%" PRIu64, row->real);
	share(cell[2 + PT__COUNT], row->real, row->members);
}

/* ---- text ---- */

static void put_right(FILE *f, const char *s, int w)
{
	for (int i = vn_width(s, strlen(s)); i < w; i++)
		putc(' ', f);
	fputs(s, f);
}

/* s, shortened with "…" to at most w columns (not padded). */
static void put_cut(FILE *f, const char *s, int w)
{
	size_t n = strlen(s);
	if (vn_width(s, n) <= w) {
		fputs(s, f);
		return;
	}
	fwrite(s, 1, vn_fit(s, n, w - 1), f);
	fputs("…", f);
}

static void legend(FILE *f, const struct report_phantom *r, int width)
{
	char date[16];
	date_format(r->as_of, date);
	report_printf_wrapped(f, width, _("Real members as of %s: the five tests of a real member"), date);
	report_printf_wrapped(f, width, "%s", _("1 ID: exists, with a CCCD or CMND on file or identity "
					    "verified against papers"));
	report_printf_wrapped(f, width, "%s", _("2 Name: a complete name, a surname and a given name, "
					    "each word a name, properly capitalised"));
	report_printf_wrapped(f, width, "%s", _("3 Branch: gathered in a branch (a unit with no units "
					    "under it)"));
	report_printf_wrapped(f, width, _("4 Dues: paid dues in the last %d months (%s)"), r->months,
		       r->months_given ? "--months" : _("setting phantom-months"));
	report_printf_wrapped(f, width, _("5 Meet: attended a meeting in the last %d months"), r->months);
	report_printf_wrapped(f, width, "%s", _("Dues and meetings are not recorded yet: tests 4 and 5 "
					 "have no data. Real members pass every test that has "
					 "data (1, 2 and 3)."));
	putc('\n', f);
}

static void table_text(FILE *f, const struct report_phantom *r, const struct phantom_table *tb,
		       int width)
{
	char date[16], pct[16];
	date_format(r->as_of, date);
	report_printf_wrapped(f, width, _("Real members of %s (%s)"), tb->name, tb->code);
	if (*tb->scope)
		report_printf_wrapped(f, width, _("Under: %s (each row counts its whole subtree)"),
			       tb->scope);
	share(pct, tb->total.real, tb->total.members);
	if (tb->total.members)
		report_printf_wrapped(f, width, _("As of %s: %" PRIu64 " %s, of whom %" PRIu64 " pass "
					   "every test with data (%s%%)"), date, tb->total.members,
			       tb->word, tb->total.real, pct);
	else
		report_printf_wrapped(f, width, _("As of %s: no %s"), date, tb->word);
	putc('\n', f);

	const char *head[NCOLS] = { _("Members") };
	for (int t = 0; t < PT__COUNT; t++)
		head[1 + t] = _(test_head[t]);
	head[1 + PT__COUNT] = _("Real");
	head[2 + PT__COUNT] = "%";
	size_t nrows = tb->nrows + 1;
	char (*cells)[NCOLS][24] = xcalloc(nrows, sizeof *cells);
	struct buf *labels = xcalloc(nrows, sizeof *labels);
	struct buf label = BUF_INIT;
	int cw[NCOLS], label_w = vn_width(_("Unit"), strlen(_("Unit")));
	for (int c = 0; c < NCOLS; c++)
		cw[c] = vn_width(head[c], strlen(head[c]));
	size_t n = 0;
	for (size_t k = 0; k < nrows; k++) {
		const struct phantom_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
		if (!shown(row))
			continue;
		report_row_label(row->kind, row->label, &label);
		vn_sanitize(&labels[n], label.p ? label.p : "", label.len, SAN_ONELINE | SAN_SQUEEZE);
		int w = vn_width(buf_str(&labels[n]), labels[n].len);
		label_w = w > label_w ? w : label_w;
		row_cells(r, row, cells[n]);
		for (int c = 0; c < NCOLS; c++) {
			int cwid = vn_width(cells[n][c], strlen(cells[n][c]));
			cw[c] = cwid > cw[c] ? cwid : cw[c];
		}
		n++;
	}
	int used = 0;
	for (int c = 0; c < NCOLS; c++)
		used += cw[c] + 1;
	int lw = width - used < label_w ? width - used : label_w;
	if (lw < MIN_LABEL)
		lw = MIN_LABEL;
	report_printf_wrapped(f, width, "%s", _("Members failing each test, and the real members"));
	report_fitted(f, _("Unit"), lw);
	for (int c = 0; c < NCOLS; c++) {
		putc(' ', f);
		put_right(f, head[c], cw[c]);
	}
	putc('\n', f);
	for (int i = 0; i < lw + used; i++)
		putc('-', f);
	putc('\n', f);
	for (size_t k = 0; k < n; k++) {
		report_fitted(f, buf_str(&labels[k]), lw);
		for (int c = 0; c < NCOLS; c++) {
			putc(' ', f);
			put_right(f, cells[k][c], cw[c]);
		}
		putc('\n', f);
		buf_free(&labels[k]);
	}
	putc('\n', f);
	buf_free(&label);
	free(labels);
	free(cells);
}

/* What fails, in short: "1, 2 (one word), 3". */
static void fails_text(const struct phantom_member *m, struct buf *out)
{
	buf_reset(out);
	for (int t = 0; t < PT__COUNT; t++) {
		if (!(m->fails >> t & 1))
			continue;
		buf_printf(out, "%s%d", out->len ? ", " : "", t + 1);
		if (t == PT_NAME && m->name_problem)
			buf_printf(out, " (%s)", name_problem(m->name_problem));
	}
}

struct list_out {
	FILE *f;
	int width;
	uint64_t unit_id;
	const char *org;
	struct buf unit, line, text;
	bool started;
	const struct report_phantom *r;
};

static void unit_text(const struct phantom_member *m, struct buf *out)
{
	buf_reset(out);
	if (m->unit_id)
		vn_sanitize(out, m->unit, strlen(m->unit), SAN_ONELINE | SAN_SQUEEZE);
	else
		buf_adds(out, _("(no unit, or a unit that does not exist)"));
}

static int list_text_row(const struct phantom_member *m, void *ctx)
{
	struct list_out *lo = ctx;
	FILE *f = lo->f;
	/* A heading for each unit: its organization and path. */
	if (!lo->started || m->unit_id != lo->unit_id || strcmp(m->org_code, lo->org) != 0 ||
	    strcmp(m->unit, buf_str(&lo->unit)) != 0) {
		lo->started = true;
		lo->unit_id = m->unit_id;
		lo->org = m->org_code;
		buf_reset(&lo->unit);
		buf_adds(&lo->unit, m->unit);
		buf_reset(&lo->line);
		buf_printf(&lo->line, "%s: ", m->org_code);
		unit_text(m, &lo->text);
		buf_adds(&lo->line, buf_str(&lo->text));
		putc('\n', f);
		put_cut(f, buf_str(&lo->line), lo->width);
		putc('\n', f);
	}
	char id[24], birth[16];
	snprintf(id, sizeof id, "%" PRIu64, m->person_id);
	date_format(m->birth, birth);
	put_right(f, id, 8);
	fputs("  ", f);
	buf_reset(&lo->text);
	vn_sanitize(&lo->text, m->name, strlen(m->name), SAN_ONELINE | SAN_SQUEEZE);
	report_fitted(f, *m->name ? buf_str(&lo->text) : _("(no person record)"), 30);
	fputs("  ", f);
	report_fitted(f, birth, 10);
	fputs("  ", f);
	fails_text(m, &lo->text);
	put_cut(f, buf_str(&lo->text), lo->width - 54 > 8 ? lo->width - 54 : 8);
	putc('\n', f);
	return 0;
}

static int list_text(FILE *f, struct store *s, const struct report_phantom *r, int width,
		     struct err *e)
{
	if (!r->nfailing) {
		report_printf_wrapped(f, width, "%s", _("Every member passes the tests that have data."));
		return 0;
	}
	report_printf_wrapped(f, width, _("%" PRIu64 " memberships fail a test, by unit, in list order "
				   "(the tests that fail, by number):"), r->nfailing);
	struct list_out lo = { .f = f, .width = width, .r = r, .unit = BUF_INIT, .line = BUF_INIT,
			       .text = BUF_INIT };
	int rc = report_phantom_each(s, r, list_text_row, &lo, e);
	buf_free(&lo.unit);
	buf_free(&lo.line);
	buf_free(&lo.text);
	return rc;
}

/* ---- CSV ---- */

static void csv_field(FILE *f, const char *s, bool first)
{
	csv_write_field(f, s, strlen(s), ',', first);
}

static void csv_test_heads(FILE *f, const struct report_phantom *r)
{
	struct buf h = BUF_INIT;
	for (int t = 0; t < PT__COUNT; t++) {
		buf_reset(&h);
		buf_printf(&h, _(test_csv[t]), r->months);
		csv_field(f, buf_str(&h), false);
	}
	buf_free(&h);
}

static void table_csv(FILE *f, const struct report_phantom *r)
{
	csv_field(f, _("Organization"), true);
	csv_field(f, _("Unit"), false);
	csv_field(f, _("Members"), false);
	csv_test_heads(f, r);
	csv_field(f, _("Real members (pass every test with data)"), false);
	csv_field(f, _("Real members %"), false);
	csv_end_row(f);
	struct buf label = BUF_INIT;
	char cell[NCOLS][24];
	for (size_t i = 0; i < r->ntables; i++) {
		const struct phantom_table *tb = &r->tables[i];
		for (size_t k = 0; k <= tb->nrows; k++) {
			const struct phantom_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
			if (!shown(row))
				continue;
			report_row_label(row->kind, row->label, &label);
			csv_field(f, tb->code, true);
			csv_field(f, buf_str(&label), false);
			row_cells(r, row, cell);
			for (int c = 0; c < NCOLS; c++)
				csv_field(f, cell[c], false);
			csv_end_row(f);
		}
	}
	buf_free(&label);
}

struct csv_out {
	FILE *f;
	const struct report_phantom *r;
	struct buf text;
};

static int list_csv_row(const struct phantom_member *m, void *ctx)
{
	struct csv_out *co = ctx;
	char id[24], birth[16];
	snprintf(id, sizeof id, "%" PRIu64, m->person_id);
	date_format(m->birth, birth);
	csv_field(co->f, m->org_code, true);
	unit_text(m, &co->text);
	csv_field(co->f, buf_str(&co->text), false);
	csv_field(co->f, id, false);
	csv_field(co->f, m->name, false);
	csv_field(co->f, birth, false);
	for (int t = 0; t < PT__COUNT; t++)
		csv_field(co->f, !(co->r->with_data >> t & 1) ? _("no data")
				 : m->fails >> t & 1 ? "x" : "", false);
	csv_field(co->f, name_problem(m->name_problem), false);
	csv_end_row(co->f);
	return 0;
}

static int list_csv(FILE *f, struct store *s, const struct report_phantom *r, struct err *e)
{
	csv_field(f, _("Organization"), true);
	csv_field(f, _("Unit"), false);
	csv_field(f, _("Person ID"), false);
	csv_field(f, _("Full name"), false);
	csv_field(f, _("Birth"), false);
	csv_test_heads(f, r);
	csv_field(f, _("What is wrong with the name"), false);
	csv_end_row(f);
	struct csv_out co = { .f = f, .r = r, .text = BUF_INIT };
	int rc = report_phantom_each(s, r, list_csv_row, &co, e);
	buf_free(&co.text);
	return rc;
}

int report_phantom_write(FILE *f, struct store *s, const struct report_phantom *r,
			 enum report_format fmt, bool list, int width, struct err *e)
{
	if (fmt == REPORT_CSV) {
		fputs("\xEF\xBB\xBF", f);
		if (list)
			return list_csv(f, s, r, e);
		table_csv(f, r);
		return 0;
	}
	legend(f, r, width);
	if (!list) {
		size_t shown_tables = 0;
		for (size_t i = 0; i < r->ntables; i++)
			if (table_shown(r, &r->tables[i])) {
				table_text(f, r, &r->tables[i], width);
				shown_tables++;
			}
		if (!shown_tables) {
			char date[16];
			report_printf_wrapped(f, width, _("No organization has members as of %s."),
				       date_format(r->as_of, date));
			return 0;
		}
	}
	return list_text(f, s, r, width, e);
}
