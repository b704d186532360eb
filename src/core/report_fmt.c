/* Writing the reports: text tables that fit a terminal's width, and CSV.
 *
 * Text: each report is a few tables on a theme (the standard figures do not fit 80 columns in
 * one); a table is the unit names, then right-aligned numbers under short headings, each
 * column as wide as its heading or its largest number.  Unit names are shortened with an
 * ellipsis to what is left, measured in terminal columns (Vietnamese letters take 2-3 bytes
 * and one column).  A table whose numbers would leave the names under MIN_LABEL columns is
 * cut into parts, each repeating the names.  CSV: one header row and every column. */
#include "core/report_priv.h"

#include "core/csv.h"
#include "text/fold.h"
#include "text/sanitize.h"
#include "text/width.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MIN_LABEL 16

void rtable_init(struct rtable *t, const char *title, const char *label_head, size_t nrows)
{
	memset(t, 0, sizeof *t);
	t->title = title;
	t->label_head = label_head;
	t->cap = nrows + 1;
	t->labels = xcalloc(t->cap, sizeof *t->labels);
}

void rtable_col(struct rtable *t, const char *head)
{
	if (t->ncols < RTABLE_MAX_COLS)
		t->head[t->ncols++] = head;
}

uint64_t *rtable_row(struct rtable *t, const char *label)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap * 2;
		t->labels = xrealloc(t->labels, cap * sizeof *t->labels);
		memset(t->labels + t->cap, 0, (cap - t->cap) * sizeof *t->labels);
		if (t->note) {
			t->note = xrealloc(t->note, cap * sizeof *t->note);
			memset(t->note + t->cap, 0, (cap - t->cap) * sizeof *t->note);
		}
		t->cap = cap;
	}
	t->v = xrealloc(t->v, (t->nrows + 1) * t->ncols * sizeof *t->v);
	if (t->text) {
		t->text = xrealloc(t->text, (t->nrows + 1) * t->ncols * sizeof *t->text);
		memset(t->text + t->nrows * t->ncols, 0, t->ncols * sizeof *t->text);
	}
	vn_sanitize(&t->labels[t->nrows], label, strlen(label), SAN_ONELINE | SAN_SQUEEZE);
	uint64_t *row = t->v + t->nrows * t->ncols;
	memset(row, 0, t->ncols * sizeof *row);
	t->nrows++;
	return row;
}

void rtable_text(struct rtable *t, size_t c, const char *text)
{
	if (!t->nrows || c >= t->ncols)
		return;
	if (!t->text)
		t->text = xcalloc(t->nrows * t->ncols, sizeof *t->text);
	char **cell = &t->text[(t->nrows - 1) * t->ncols + c];
	free(*cell);
	*cell = xstrdup(text);
}

void rtable_note(struct rtable *t, const char *text)
{
	if (!t->nrows)
		return;
	if (!t->note)
		t->note = xcalloc(t->cap, sizeof *t->note);
	free(t->note[t->nrows - 1]);
	t->note[t->nrows - 1] = xstrdup(text);
}

void rtable_free(struct rtable *t)
{
	for (size_t i = 0; i < t->nrows; i++) {
		buf_free(&t->labels[i]);
		if (t->note)
			free(t->note[i]);
	}
	for (size_t i = 0; t->text && i < t->nrows * t->ncols; i++)
		free(t->text[i]);
	free(t->labels);
	free(t->v);
	free(t->text);
	free(t->note);
	memset(t, 0, sizeof *t);
}

static void pad(FILE *f, int n)
{
	for (int i = 0; i < n; i++)
		putc(' ', f);
}

/* s shortened with "…" to at most w columns, then padded to w. */
static void put_fitted(FILE *f, const char *s, int w)
{
	size_t n = strlen(s);
	int sw = vn_width(s, n);
	if (sw > w) {
		size_t keep = vn_fit(s, n, w - 1);
		fwrite(s, 1, keep, f);
		fputs("…", f);
		sw = vn_width(s, keep) + 1;
	} else {
		fputs(s, f);
	}
	pad(f, w - sw);
}

static void put_right(FILE *f, const char *s, int w)
{
	pad(f, w - vn_width(s, strlen(s)));
	fputs(s, f);
}

/* Text of a heading or a note, its lines broken between words to fit width columns
 * (translations run longer than the English). */
void report_put_wrapped(FILE *f, const char *text, int width)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		const char *end = nl ? nl : text + strlen(text);
		int col = 0;
		const char *w = text;
		while (w < end) {
			const char *we = w;
			while (we < end && *we != ' ')
				we++;
			int ww = vn_width(w, (size_t)(we - w));
			if (col && col + 1 + ww > width) {
				putc('\n', f);
				col = 0;
			} else if (col) {
				putc(' ', f);
				col++;
			}
			fwrite(w, 1, (size_t)(we - w), f);
			col += ww;
			w = we;
			while (w < end && *w == ' ')
				w++;
		}
		putc('\n', f);
		text = nl ? nl + 1 : end;
	}
}

void report_printf_wrapped(FILE *f, int width, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	report_put_wrapped(f, buf_str(&b), width);
	buf_free(&b);
}

/* What a cell shows: its text, else its number (into num). */
static const char *cell_text(const struct rtable *t, size_t r, size_t c, char num[24])
{
	const char *s = t->text ? t->text[r * t->ncols + c] : NULL;
	if (s)
		return s;
	snprintf(num, 24, "%" PRIu64, t->v[r * t->ncols + c]);
	return num;
}

void rtable_write(FILE *f, const struct rtable *t, int width)
{
	int cw[RTABLE_MAX_COLS];
	char num[24];
	int label_w = vn_width(t->label_head, strlen(t->label_head));
	for (size_t r = 0; r < t->nrows; r++) {
		int w = vn_width(buf_str(&t->labels[r]), t->labels[r].len);
		if (w > label_w)
			label_w = w;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		cw[c] = vn_width(t->head[c], strlen(t->head[c]));
		for (size_t r = 0; r < t->nrows; r++) {
			const char *s = cell_text(t, r, c, num);
			int w = vn_width(s, strlen(s));
			if (w > cw[c])
				cw[c] = w;
		}
	}
	/* Columns go into parts from the left while the names keep MIN_LABEL columns. */
	for (size_t from = 0, part = 0; from < t->ncols; part++) {
		size_t to = from;
		int used = 0;
		while (to < t->ncols && (to == from || width - used - cw[to] - 1 >= MIN_LABEL)) {
			used += cw[to] + 1;
			to++;
		}
		int lw = width - used;
		if (lw > label_w)
			lw = label_w;
		if (lw < 1)
			lw = 1;
		if (part)
			report_printf_wrapped(f, width, _("%s (continued)"), t->title);
		else
			report_put_wrapped(f, t->title, width);
		put_fitted(f, t->label_head, lw);
		for (size_t c = from; c < to; c++) {
			putc(' ', f);
			put_right(f, t->head[c], cw[c]);
		}
		putc('\n', f);
		for (int i = 0; i < lw + used; i++)
			putc('-', f);
		putc('\n', f);
		for (size_t r = 0; r < t->nrows; r++) {
			put_fitted(f, buf_str(&t->labels[r]), lw);
			const char *note = t->note ? t->note[r] : NULL;
			if (note) {
				/* Across the figures, cut to them; trailing blanks left out. */
				size_t n = strlen(note);
				putc(' ', f);
				if (vn_width(note, n) > used - 1) {
					fwrite(note, 1, vn_fit(note, n, used - 2), f);
					fputs("…", f);
				} else {
					fputs(note, f);
				}
			}
			for (size_t c = from; c < to && !note; c++) {
				putc(' ', f);
				put_right(f, cell_text(t, r, c, num), cw[c]);
			}
			putc('\n', f);
		}
		putc('\n', f);
		from = to;
	}
}

static void csv_field(FILE *f, const char *s, bool first)
{
	csv_write_field(f, s, strlen(s), ',', first);
}

static void csv_num(FILE *f, uint64_t v)
{
	char n[24];
	snprintf(n, sizeof n, "%" PRIu64, v);
	csv_field(f, n, false);
}

/* The label a row shows: decorated by its kind. */
void report_row_label(enum report_row_kind kind, const char *label, struct buf *out)
{
	buf_reset(out);
	switch (kind) {
	case REPORT_ROW_DIRECT: buf_printf(out, _("%s (directly)"), label); break;
	case REPORT_ROW_NONE: buf_adds(out, _("(not in the unit tree)")); break;
	case REPORT_ROW_TOTAL: buf_adds(out, _("Total")); break;
	default: buf_adds(out, label); break;
	}
}

/* ---- stats ---- */

static const struct {
	const char *csv;	/* CSV header */
	const char *text;	/* text table heading */
	int group;		/* text table */
} stat_cols[SC__COUNT] = {
	[SC_MEMBERS] = { N_("Members"), NULL, 0 },	/* text: the organization's word */
	[SC_MALE] = { N_("Male"), N_("Male"), 0 },
	[SC_FEMALE] = { N_("Female"), N_("Female"), 0 },
	[SC_PARTY] = { N_("Party members"), N_("Party"), 0 },
	[SC_ETHNIC] = { N_("Ethnic minority"), N_("Minority"), 0 },
	[SC_RELIGIOUS] = { N_("Religious"), N_("Religious"), 0 },
	[SC_AGE_30] = { N_("Age 30 or under"), "≤30", 1 },
	[SC_AGE_45] = { N_("Age 31-45"), "31–45", 1 },
	[SC_AGE_60] = { N_("Age 46-60"), "46–60", 1 },
	[SC_AGE_OVER] = { N_("Age over 60"), ">60", 1 },
	[SC_AGE_UNKNOWN] = { N_("Age unknown"), N_("Unknown"), 1 },
	[SC_EDU_12] = { N_("Education 12/12"), "12/12", 2 },
	[SC_EDU_9] = { N_("Education 9-11/12"), "9–11/12", 2 },
	[SC_EDU_1] = { N_("Education 1-8/12"), "1–8/12", 2 },
	[SC_EDU_0] = { N_("No schooling"), N_("None"), 2 },
	[SC_EDU_UNKNOWN] = { N_("Education unknown"), N_("Unknown"), 2 },
	[SC_QUAL_PHD] = { N_("Doctorate"), N_("Doctor"), 3 },
	[SC_QUAL_MASTER] = { N_("Master's degree"), N_("Master"), 3 },
	[SC_QUAL_BACHELOR] = { N_("University degree"), N_("University"), 3 },
	[SC_QUAL_COLLEGE] = { N_("College"), N_("College"), 3 },
	[SC_QUAL_VOCATIONAL] = { N_("Vocational secondary"), N_("Vocational"), 3 },
	[SC_QUAL_OTHER] = { N_("Other or no qualification"), N_("Other"), 3 },
	[SC_THEORY_DEGREE] = { N_("Political theory: bachelor"), N_("Bachelor"), 4 },
	[SC_THEORY_HIGH] = { N_("Political theory: advanced"), N_("Advanced"), 4 },
	[SC_THEORY_MID] = { N_("Political theory: intermediate"), N_("Intermediate"), 4 },
	[SC_THEORY_BASIC] = { N_("Political theory: basic"), N_("Basic"), 4 },
	[SC_THEORY_NONE] = { N_("No political theory"), N_("None"), 4 },
	[SC_ROLE_HEAD] = { N_("Role: head"), N_("Head"), 5 },
	[SC_ROLE_DEPUTY] = { N_("Role: deputy"), N_("Deputy"), 5 },
	[SC_ROLE_COMMITTEE] = { N_("Role: committee member"), N_("Committee"), 5 },
	[SC_ROLE_OTHER] = { N_("Other role"), N_("Other"), 5 },
	[SC_ROLE_NONE] = { N_("No role"), N_("No role"), 5 },
};

static const char *const stat_groups[] = {
	N_("Members, sex, party members, ethnic minorities, religion"),
	N_("Age at the date"),
	N_("General education"),
	N_("Professional qualification"),
	N_("Political theory"),
	N_("Roles"),
};

/* A row is shown unless it is one of the extra kinds and counts nobody. */
static bool stats_shown(const struct stats_row *row)
{
	return row->kind == REPORT_ROW_UNIT || row->kind == REPORT_ROW_TOTAL ||
	       row->v[SC_MEMBERS] != 0;
}

static void stats_text(FILE *f, const struct report_stats *r, int width)
{
	char date[16];
	date_format(r->as_of, date);
	size_t shown = 0;
	struct buf label = BUF_INIT, word = BUF_INIT;
	for (size_t i = 0; i < r->ntables; i++) {
		const struct stats_table *tb = &r->tables[i];
		/* Over every organization, one with no units and no members (not set up here) is
		 * left out. */
		bool units = false;
		for (size_t k = 0; k < tb->nrows; k++)
			units |= tb->rows[k].kind != REPORT_ROW_NONE;
		if (!units && tb->total.v[SC_MEMBERS] == 0 && r->ntables > 1)
			continue;
		shown++;
		report_printf_wrapped(f, width, _("Statistics of %s: %s (%s)"), tb->word, tb->name,
			       tb->code);
		if (*tb->scope)
			report_printf_wrapped(f, width, _("Under: %s (each row counts its whole subtree)"),
				       tb->scope);
		report_printf_wrapped(f, width, _("As of %s: %" PRIu64 " %s"), date,
			       tb->total.v[SC_MEMBERS], tb->word);
		putc('\n', f);
		/* The members column is headed by the organization's word: "Đoàn viên". */
		buf_reset(&word);
		size_t first = tb->word[0] ? 1 : 0;
		while (tb->word[first] && ((unsigned char)tb->word[first] & 0xC0) == 0x80)
			first++;
		vn_upper(&word, tb->word, first);
		buf_adds(&word, tb->word + first);
		for (int g = 0; g < (int)(sizeof stat_groups / sizeof stat_groups[0]); g++) {
			struct rtable t;
			rtable_init(&t, _(stat_groups[g]), _("Unit"), tb->nrows + 1);
			size_t cols[SC__COUNT], nc = 0;
			for (size_t c = 0; c < SC__COUNT; c++)
				if (stat_cols[c].group == g) {
					cols[nc++] = c;
					rtable_col(&t, c == SC_MEMBERS ? buf_str(&word) : _(stat_cols[c].text));
				}
			for (size_t k = 0; k <= tb->nrows; k++) {
				const struct stats_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
				if (!stats_shown(row))
					continue;
				report_row_label(row->kind, row->label, &label);
				uint64_t *v = rtable_row(&t, buf_str(&label));
				for (size_t c = 0; c < nc; c++)
					v[c] = row->v[cols[c]];
			}
			rtable_write(f, &t, width);
			rtable_free(&t);
		}
	}
	if (!shown)
		report_printf_wrapped(f, width, _("No organization has members as of %s."), date);
	buf_free(&label);
	buf_free(&word);
}

static void stats_csv(FILE *f, const struct report_stats *r)
{
	fputs("\xEF\xBB\xBF", f);
	csv_field(f, _("Organization"), true);
	csv_field(f, _("Unit"), false);
	for (size_t c = 0; c < SC__COUNT; c++)
		csv_field(f, _(stat_cols[c].csv), false);
	csv_end_row(f);
	struct buf label = BUF_INIT;
	for (size_t i = 0; i < r->ntables; i++) {
		const struct stats_table *tb = &r->tables[i];
		for (size_t k = 0; k <= tb->nrows; k++) {
			const struct stats_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
			if (!stats_shown(row))
				continue;
			report_row_label(row->kind, row->label, &label);
			csv_field(f, tb->code, true);
			csv_field(f, buf_str(&label), false);
			for (size_t c = 0; c < SC__COUNT; c++)
				csv_num(f, row->v[c]);
			csv_end_row(f);
		}
	}
	buf_free(&label);
}

void report_stats_write(FILE *f, const struct report_stats *r, enum report_format fmt,
			int width)
{
	if (fmt == REPORT_CSV)
		stats_csv(f, r);
	else
		stats_text(f, r, width);
}

/* ---- overlap ---- */

static const char *const by_orgs_text[REPORT_BY_ORGS] = { N_("1 org"), N_("2 orgs"),
							   N_("3 orgs"), N_("4+ orgs") };
static const char *const by_orgs_csv[REPORT_BY_ORGS] = {
	N_("In 1 organization"), N_("In 2 organizations"), N_("In 3 organizations"),
	N_("In 4 or more organizations"),
};

static bool overlap_shown(const struct overlap_row *row)
{
	return row->kind != REPORT_ROW_DIRECT && row->kind != REPORT_ROW_NONE ? true
		: row->persons != 0;
}

/* Persons, memberships and persons by number of organizations, one row per unit or org. */
static void counts_table(FILE *f, const char *title, const char *head,
			 const struct overlap_row *rows, size_t n, const struct overlap_row *total,
			 int width)
{
	struct rtable t;
	struct buf label = BUF_INIT;
	rtable_init(&t, title, head, n + 1);
	rtable_col(&t, _("Persons"));
	rtable_col(&t, _("Memberships"));
	for (int k = 0; k < REPORT_BY_ORGS; k++)
		rtable_col(&t, _(by_orgs_text[k]));
	for (size_t i = 0; i <= n; i++) {
		const struct overlap_row *row = i < n ? &rows[i] : total;
		if (!overlap_shown(row))
			continue;
		report_row_label(row->kind, row->label, &label);
		uint64_t *v = rtable_row(&t, buf_str(&label));
		v[0] = row->persons;
		v[1] = row->memberships;
		for (int k = 0; k < REPORT_BY_ORGS; k++)
			v[2 + k] = row->by_orgs[k];
	}
	rtable_write(f, &t, width);
	rtable_free(&t);
	buf_free(&label);
}

/* Persons of each row who are in each organization. */
static void both_table(FILE *f, const char *title, const char *head,
		       const struct report_overlap *r, const struct overlap_row *rows, size_t n,
		       int width)
{
	struct rtable t;
	struct buf label = BUF_INIT;
	rtable_init(&t, title, head, n + 1);
	for (size_t j = 0; j < r->norgs; j++)
		rtable_col(&t, r->codes[j]);
	for (size_t i = 0; i <= n; i++) {
		const struct overlap_row *row = i < n ? &rows[i] : &r->total;
		if (!overlap_shown(row))
			continue;
		report_row_label(row->kind, row->label, &label);
		uint64_t *v = rtable_row(&t, buf_str(&label));
		for (size_t j = 0; j < r->norgs && j < RTABLE_MAX_COLS; j++)
			v[j] = row->both[j];
	}
	rtable_write(f, &t, width);
	rtable_free(&t);
	buf_free(&label);
}

/* The probable overlaps, apart: pairs of the duplicates report, never counted above. */
static void probable_text(FILE *f, const struct report_overlap *r, int width)
{
	putc('\n', f);
	report_put_wrapped(f, _("Probable overlaps (from the duplicates report; not counted above)"),
		    width);
	if (!r->prob_pairs) {
		report_put_wrapped(f, _("No pair of person records here looks like one person."), width);
		return;
	}
	report_printf_wrapped(f, width, _("%" PRIu64 " pairs of person records may be one person; if "
				   "each were, there would be %" PRIu64 " persons fewer. %" PRIu64
				   " of the pairs are in different organizations."),
		       r->prob_pairs, r->prob_fewer, r->prob_cross);
	if (!r->prob_cross)
		return;
	struct rtable t;
	rtable_init(&t, _("Organization by organization: pairs that would put one person in both"),
		   _("Organization"), r->norgs);
	for (size_t j = 0; j < r->norgs; j++)
		rtable_col(&t, r->codes[j]);
	for (size_t i = 0; i < r->norgs; i++) {
		uint64_t *v = rtable_row(&t, r->codes[i]);
		for (size_t j = 0; j < r->norgs; j++)
			v[j] = r->prob_both[i * r->norgs + j];
	}
	rtable_write(f, &t, width);
	rtable_free(&t);
}

static void overlap_text(FILE *f, const struct report_overlap *r, int width)
{
	char date[16];
	date_format(r->as_of, date);
	report_printf_wrapped(f, width, _("Persons and memberships across organizations, as of %s"),
			      date);
	if (r->org >= 0 && *r->scope)
		report_printf_wrapped(f, width, _("Persons with a membership of %s (%s) under %s"),
			       r->names[r->org], r->codes[r->org], r->scope);
	else if (r->org >= 0)
		report_printf_wrapped(f, width, _("Persons with a membership of %s (%s)"), r->names[r->org],
			       r->codes[r->org]);
	else
		report_put_wrapped(f, _("Persons with a membership of any organization"), width);
	if (r->total.persons)
		report_printf_wrapped(f, width, _("%" PRIu64 " persons hold %" PRIu64 " memberships "
					   "(%.2f per person)"), r->total.persons,
			       r->total.memberships,
			       (double)r->total.memberships / (double)r->total.persons);
	else
		report_put_wrapped(f, _("Nobody is a member at that date."), width);
	putc('\n', f);
	if (r->org >= 0) {
		counts_table(f, _("By unit: persons, their memberships in any organization, and in "
				  "how many organizations"), _("Unit"), r->units, r->nunits, &r->total,
			     width);
		both_table(f, _("By unit: persons who are in each organization"), _("Unit"), r,
			   r->units, r->nunits, width);
	}
	counts_table(f, _("By organization: its persons, their memberships, and in how many "
			  "organizations"), _("Organization"), r->orgs, r->norgs, &r->total, width);
	both_table(f, _("Organization by organization: persons in both"), _("Organization"), r,
		   r->orgs, r->norgs, width);
	report_put_wrapped(f, _("A person is one person record, counted once in the total and once in "
			 "each row they belong to (rows overlap).\nProbable duplicate persons (one "
			 "person recorded twice) are not merged here: see the duplicates report."),
		    width);
	if (r->probable)
		probable_text(f, r, width);
}

static void overlap_csv_row(FILE *f, const char *kind, const struct overlap_row *row,
			    size_t norgs, struct buf *label)
{
	report_row_label(row->kind, row->label, label);
	csv_field(f, kind, true);
	csv_field(f, buf_str(label), false);
	csv_num(f, row->persons);
	csv_num(f, row->memberships);
	for (int k = 0; k < REPORT_BY_ORGS; k++)
		csv_num(f, row->by_orgs[k]);
	for (size_t j = 0; j < norgs; j++)
		csv_num(f, row->both[j]);
	csv_end_row(f);
}

static void overlap_csv(FILE *f, const struct report_overlap *r)
{
	fputs("\xEF\xBB\xBF", f);
	csv_field(f, _("Row"), true);
	csv_field(f, _("Unit or organization"), false);
	csv_field(f, _("Persons"), false);
	csv_field(f, _("Memberships"), false);
	for (int k = 0; k < REPORT_BY_ORGS; k++)
		csv_field(f, _(by_orgs_csv[k]), false);
	struct buf label = BUF_INIT;
	for (size_t j = 0; j < r->norgs; j++) {
		buf_reset(&label);
		buf_printf(&label, _("In %s"), r->codes[j]);
		csv_field(f, buf_str(&label), false);
	}
	csv_end_row(f);
	for (size_t i = 0; i < r->nunits; i++)
		if (overlap_shown(&r->units[i]))
			overlap_csv_row(f, _("unit"), &r->units[i], r->norgs, &label);
	for (size_t i = 0; i < r->norgs; i++)
		overlap_csv_row(f, _("organization"), &r->orgs[i], r->norgs, &label);
	overlap_csv_row(f, _("total"), &r->total, r->norgs, &label);
	/* Probable overlaps: a row per organization, its "In X" columns holding the pairs that
	 * would put one person in both, and the number of pairs in Persons; never in the total. */
	for (size_t i = 0; r->probable && i < r->norgs; i++) {
		uint64_t pairs = 0;
		for (size_t j = 0; j < r->norgs; j++)
			pairs += r->prob_both[i * r->norgs + j];
		csv_field(f, _("probable"), true);
		csv_field(f, r->codes[i], false);
		csv_num(f, pairs);
		for (int k = 0; k < 1 + REPORT_BY_ORGS; k++)
			csv_field(f, "", false);
		for (size_t j = 0; j < r->norgs; j++)
			csv_num(f, r->prob_both[i * r->norgs + j]);
		csv_end_row(f);
	}
	buf_free(&label);
}

void report_overlap_write(FILE *f, const struct report_overlap *r, enum report_format fmt,
			  int width)
{
	if (fmt == REPORT_CSV)
		overlap_csv(f, r);
	else
		overlap_text(f, r, width);
}

/* ---- for the other writers (report_priv.h) ---- */

void report_fitted(FILE *f, const char *s, int w)
{
	put_fitted(f, s, w);
}
