/* The movement report (report_move.h): one pass over the memberships, the figures of each
 * counted into its scope row and, separately, into its organization's total; then the rows
 * checked, and the persons of the faulty records read (few: at most MOVE_FAULTS_MAX a table). */
#include "core/report_move.h"

#include "core/csv.h"
#include "core/report_priv.h"
#include "store/store.h"
#include "text/sanitize.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

struct move_run {
	const struct report_opts *o;
	struct report_movement *out;
	struct scope sc;
	hv_date before;		/* the day before the period: the start's date */
	struct rec_pick pk;
	struct move_row **row_of;	/* [sc.nrows]: a scope row's figures ... */
	struct move_table **table_of;	/* ... and its table */
	size_t *index_of;		/* ... and its index there */
	size_t *reasons_cap;		/* [ntables] */
	struct buf reason;
};

static hv_date day_before(hv_date d)
{
	if (DATE_DAY(d) > 1)
		return d - 1;
	int y = DATE_YEAR(d), m = DATE_MONTH(d) - 1;
	if (m == 0) {
		y--;
		m = 12;
	}
	hv_date last = (hv_date)(y * 10000 + m * 100 + 31);
	while (!date_valid(last))
		last--;
	return last;
}

static bool in_period(const struct move_run *r, hv_date d)
{
	return d && d >= r->out->from && d <= r->out->to;
}

static void run_reset(struct move_run *r)
{
	scope_free(&r->sc);
	XFREE(r->row_of);
	XFREE(r->table_of);
	XFREE(r->index_of);
	XFREE(r->reasons_cap);
}

static void add_reason(struct move_run *r, struct move_table *tb, int64_t status,
		       const char *s, size_t n)
{
	buf_reset(&r->reason);
	vn_sanitize(&r->reason, s, n, SAN_ONELINE | SAN_SQUEEZE);
	const char *text = buf_str(&r->reason);
	struct move_reason *other = NULL;
	size_t distinct = 0;
	for (size_t i = 0; i < tb->nreasons; i++) {
		struct move_reason *mr = &tb->reasons[i];
		if (mr->text)
			distinct++;
		if (mr->status != status)
			continue;
		if (!mr->text)
			other = mr;
		else if (strcmp(mr->text, text) == 0) {
			mr->n++;
			return;
		}
	}
	if (distinct >= MOVE_REASONS_MAX && other) {
		other->n++;
		return;
	}
	size_t *cap = &r->reasons_cap[tb - r->out->tables];
	xgrow((void **)&tb->reasons, cap, tb->nreasons + 1, sizeof *tb->reasons);
	tb->reasons[tb->nreasons++] = (struct move_reason){
		.status = status, .text = distinct >= MOVE_REASONS_MAX ? NULL : xstrdup(text), .n = 1,
	};
}

/* What is wrong with a membership in the period, or -1: see report_move.h. */
static int fault_of(const struct move_run *r, int64_t status, hv_date join, hv_date sdate)
{
	if (status == MS_ACTIVE)
		return -1;
	bool j = in_period(r, join), s = in_period(r, sdate);
	if (status < 0 || status >= MS__COUNT)
		return j || s ? MF_UNKNOWN_STATUS : -1;
	if (!sdate)
		return j ? MF_NO_STATUS_DATE : -1;
	if (join && sdate < join)
		return s ? MF_STATUS_BEFORE_JOIN : j ? MF_JOIN_AFTER_STATUS : -1;
	return -1;
}

static void add_fault(struct move_table *tb, size_t row, uint64_t id, const struct rec_val *v,
		      int kind)
{
	if (tb->nfaults >= MOVE_FAULTS_MAX)
		return;
	if (!tb->faults)
		tb->faults = xcalloc(MOVE_FAULTS_MAX, sizeof *tb->faults);
	tb->faults[tb->nfaults++] = (struct move_fault){
		.membership_id = id, .person_id = v[0].u, .unit_id = v[2].u, .row = row,
		.kind = (enum move_fault_kind)kind, .status = v[4].i, .join_date = (hv_date)v[3].u,
		.status_date = (hv_date)v[5].u,
	};
}

static int each_membership(uint64_t id, const void *data, size_t n, void *ctx)
{
	struct move_run *r = ctx;
	/* person_id, org_id, unit_id, join_date, status, status_date, status_reason,
	 * transferred_in */
	struct rec_val v[8];
	if (rec_pick(&r->pk, data, n, v) != 0)
		return 0;	/* store_check reports records that do not decode */
	int32_t g = scope_row_of(&r->sc, v[1].u, v[2].u);
	if (g < 0)
		return 0;
	hv_date join = report_first_day((hv_date)v[3].u), sdate = report_first_day((hv_date)v[5].u);
	int64_t status = v[4].i;
	uint64_t add[MV__COUNT] = { 0 };
	add[MV_START] = report_counted(join, status, sdate, r->before);
	add[MV_END] = report_counted(join, status, sdate, r->out->to);
	if (in_period(r, join))
		add[v[7].i ? MV_TRANSFER_IN : MV_ADMITTED] = 1;
	if (in_period(r, sdate)) {
		switch (status) {
		case MS_TRANSFERRED: add[MV_TRANSFER_OUT] = 1; break;
		case MS_LEFT: add[MV_LEFT] = 1; break;
		case MS_DECEASED: add[MV_DECEASED] = 1; break;
		case MS_SUSPENDED: add[MV_SUSPENDED] = 1; break;
		default: break;
		}
	}
	struct move_row *row = r->row_of[g];
	struct move_table *tb = r->table_of[g];
	for (int c = 0; c < MV__COUNT; c++) {
		row->v[c] += add[c];
		tb->total.v[c] += add[c];
	}
	int fault = fault_of(r, status, join, sdate);
	if (fault >= 0) {
		row->faults++;
		tb->total.faults++;
		add_fault(tb, r->index_of[g], id, v, fault);
	} else if (add[MV_LEFT] || add[MV_DECEASED] || add[MV_SUSPENDED]) {
		add_reason(r, tb, status, v[6].s, v[6].len);
	}
	return 0;
}

static void lay_out(struct move_run *r)
{
	const struct scope *sc = &r->sc;
	struct report_movement *out = r->out;
	out->tables = xcalloc(sc->orgs.n + 1, sizeof *out->tables);
	r->reasons_cap = xcalloc(sc->orgs.n + 1, sizeof *r->reasons_cap);
	r->row_of = xcalloc(sc->nrows + 1, sizeof *r->row_of);
	r->table_of = xcalloc(sc->nrows + 1, sizeof *r->table_of);
	r->index_of = xcalloc(sc->nrows + 1, sizeof *r->index_of);
	for (size_t i = 0; i < sc->orgs.n; i++) {
		if (sc->only >= 0 && (size_t)sc->only != i)
			continue;
		const struct org_entry *oe = &sc->orgs.v[i];
		struct move_table *tb = &out->tables[out->ntables++];
		tb->code = xstrdup(oe->code);
		tb->name = xstrdup(oe->name);
		tb->word = xstrdup(org_member_word(oe));
		tb->scope = xstrdup(sc->path[i]);
		tb->nrows = sc->first_row[i + 1] - sc->first_row[i];
		tb->rows = xcalloc(tb->nrows + 1, sizeof *tb->rows);
		tb->total.kind = REPORT_ROW_TOTAL;
		tb->total.label = xstrdup("");
		for (size_t k = 0; k < tb->nrows; k++) {
			size_t g = sc->first_row[i] + k;
			tb->rows[k].kind = sc->rows[g].kind;
			tb->rows[k].unit_id = sc->rows[g].unit_id;
			tb->rows[k].label = xstrdup(sc->rows[g].label);
			r->row_of[g] = &tb->rows[k];
			r->table_of[g] = tb;
			r->index_of[g] = k;
		}
	}
}

static bool adds_up(const struct move_row *row)
{
	const uint64_t *v = row->v;
	return v[MV_START] + v[MV_ADMITTED] + v[MV_TRANSFER_IN] ==
	       v[MV_END] + v[MV_TRANSFER_OUT] + v[MV_LEFT] + v[MV_DECEASED] + v[MV_SUSPENDED];
}

static int reason_order(const void *a, const void *b)
{
	const struct move_reason *x = a, *y = b;
	if (x->status != y->status)
		return x->status < y->status ? -1 : 1;
	if (!x->text != !y->text)
		return x->text ? -1 : 1;	/* the others last */
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->text ? strcmp(x->text, y->text) : 0;
}

/* The rows checked, the reasons sorted, the faulty records' persons named. */
static int finish(struct store *s, struct store_txn *t, struct report_movement *out,
		  struct err *e)
{
	for (size_t i = 0; i < out->ntables; i++) {
		struct move_table *tb = &out->tables[i];
		bool all = true;
		for (size_t k = 0; k < tb->nrows; k++) {
			struct move_row *row = &tb->rows[k];
			row->reconciles = row->faults == 0 && adds_up(row);
			all &= row->reconciles;
		}
		tb->total.reconciles = all && tb->total.faults == 0 && adds_up(&tb->total);
		if (tb->nreasons)
			qsort(tb->reasons, tb->nreasons, sizeof *tb->reasons, reason_order);
		for (size_t k = 0; k < tb->nfaults; k++) {
			struct move_fault *mf = &tb->faults[k];
			struct person p = { 0 };
			struct unit u = { 0 };
			int rc = store_get(s, t, REC_PERSON, mf->person_id, &p, e);
			if (rc == 0 || rc == -ERR_NOTFOUND)
				rc = mf->unit_id ? store_get(s, t, REC_UNIT, mf->unit_id, &u, e) : 0;
			mf->person = xstrdup(p.full_name ? p.full_name : "");
			mf->unit = xstrdup(u.name ? u.name : "");
			rec_clear(&REC_DEF_PERSON, &p);
			rec_clear(&REC_DEF_UNIT, &u);
			if (rc && rc != -ERR_NOTFOUND)
				return rc;
		}
	}
	err_clear(e);
	return 0;
}

static int movement_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct move_run *r = ctx;
	/* A retried transaction starts again from nothing. */
	hv_date from = r->out->from, to = r->out->to;
	run_reset(r);
	report_movement_free(r->out);
	r->out->from = from;
	r->out->to = to;
	int rc = scope_build(s, t, r->o, &r->sc, e);
	if (rc)
		return rc;
	lay_out(r);
	if ((rc = store_scan(s, t, REC_MEMBERSHIP, each_membership, r, e)) != 0)
		return rc;
	return finish(s, t, r->out, e);
}

int report_movement(struct store *s, const struct report_opts *o, struct report_movement *out,
		    struct err *e)
{
	static const char *const names[] = { "person_id", "org_id", "unit_id", "join_date",
					     "status", "status_date", "status_reason",
					     "transferred_in" };
	memset(out, 0, sizeof *out);
	hv_date to = o->as_of ? o->as_of : date_today();
	hv_date from = o->from ? o->from : (hv_date)(DATE_YEAR(to) * 10000 + 101);
	char a[16], b[16];
	if (date_precision(from) != DATE_YMD || !date_valid(from))
		return err_set(e, ERR_USAGE, _("--from %s: give a whole date, DD/MM/YYYY"),
			       date_format(from, a));
	if (date_precision(to) != DATE_YMD || !date_valid(to))
		return err_set(e, ERR_USAGE, _("--as-of %s: give a whole date, DD/MM/YYYY"),
			       date_format(to, a));
	if (from > to)
		return err_set(e, ERR_USAGE, _("--from %s is after the period's last day, %s"),
			       date_format(from, a), date_format(to, b));
	out->from = from;
	out->to = to;
	struct report_opts so = *o;
	so.as_of = to;
	struct move_run r = { .o = &so, .out = out, .before = day_before(from),
			      .reason = BUF_INIT };
	rec_pick_init(&r.pk, &REC_DEF_MEMBERSHIP, names, 8);
	int rc = store_read(s, movement_fn, &r, e);
	run_reset(&r);
	buf_free(&r.reason);
	if (rc)
		report_movement_free(out);
	return rc;
}

static void row_free(struct move_row *row)
{
	free(row->label);
}

void report_movement_free(struct report_movement *r)
{
	for (size_t i = 0; i < r->ntables; i++) {
		struct move_table *tb = &r->tables[i];
		for (size_t k = 0; k < tb->nrows; k++)
			row_free(&tb->rows[k]);
		free(tb->rows);
		row_free(&tb->total);
		for (size_t k = 0; k < tb->nfaults; k++) {
			free(tb->faults[k].person);
			free(tb->faults[k].unit);
		}
		free(tb->faults);
		for (size_t k = 0; k < tb->nreasons; k++)
			free(tb->reasons[k].text);
		free(tb->reasons);
		free(tb->code);
		free(tb->name);
		free(tb->word);
		free(tb->scope);
	}
	free(r->tables);
	memset(r, 0, sizeof *r);
}

/* ---- writing ---- */

static const struct {
	const char *csv, *text;
} move_cols[MV__COUNT] = {
	[MV_START] = { N_("Start"), N_("Start") },
	[MV_ADMITTED] = { N_("Admitted"), N_("Admitted") },
	[MV_TRANSFER_IN] = { N_("Transferred in"), N_("In") },
	[MV_TRANSFER_OUT] = { N_("Transferred out"), N_("Out") },
	[MV_LEFT] = { N_("Left"), N_("Left") },
	[MV_DECEASED] = { N_("Deceased"), N_("Died") },
	[MV_SUSPENDED] = { N_("Suspended"), N_("Susp.") },
	[MV_END] = { N_("End"), N_("End") },
};

static bool row_shown(const struct move_row *row)
{
	if (row->kind == REPORT_ROW_UNIT || row->kind == REPORT_ROW_TOTAL || row->faults)
		return true;
	for (int c = 0; c < MV__COUNT; c++)
		if (row->v[c])
			return true;
	return false;
}

/* Why a row shows no figures. */
static void refusal(const struct move_table *tb, const struct move_row *row, struct buf *out)
{
	buf_reset(out);
	if (row->kind == REPORT_ROW_TOTAL) {
		uint64_t bad = 0;
		for (size_t k = 0; k < tb->nrows; k++)
			bad += !tb->rows[k].reconciles;
		buf_printf(out, ngettext("not shown: %" PRIu64 " row does not reconcile",
					 "not shown: %" PRIu64 " rows do not reconcile",
					 (unsigned long)bad), bad);
	} else if (row->faults) {
		buf_printf(out, ngettext("does not reconcile: %" PRIu64 " record to correct",
					 "does not reconcile: %" PRIu64 " records to correct",
					 (unsigned long)row->faults), row->faults);
	} else {
		buf_adds(out, _("does not reconcile"));
	}
}

static void fault_text(const struct move_fault *mf, struct buf *out)
{
	char j[16], s[16];
	date_format(mf->join_date, j);
	date_format(mf->status_date, s);
	switch (mf->kind) {
	case MF_NO_STATUS_DATE:
		buf_printf(out, _("joined %s; status %s has no date"), j, mstatus_text((int)mf->status));
		break;
	case MF_STATUS_BEFORE_JOIN:
		buf_printf(out, _("status %s dated %s, before its join date %s"),
			   mstatus_text((int)mf->status), s, j);
		break;
	case MF_JOIN_AFTER_STATUS:
		buf_printf(out, _("join date %s is after its status date %s (%s)"), j, s,
			   mstatus_text((int)mf->status));
		break;
	case MF_UNKNOWN_STATUS:
		buf_printf(out, _("unknown status %" PRId64 " dated %s"), mf->status, s);
		break;
	}
}

static void move_text_table(FILE *f, const struct move_table *tb, int width, struct buf *label,
			    struct buf *tmp)
{
	struct rtable t;
	rtable_init(&t, _("Members at the start, in and out, and at the end"), _("Unit"),
		    tb->nrows + 1);
	for (int c = 0; c < MV__COUNT; c++)
		rtable_col(&t, _(move_cols[c].text));
	for (size_t k = 0; k <= tb->nrows; k++) {
		const struct move_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
		if (!row_shown(row))
			continue;
		report_row_label(row->kind, row->label, label);
		uint64_t *v = rtable_row(&t, buf_str(label));
		if (row->reconciles) {
			memcpy(v, row->v, sizeof row->v);
		} else {
			refusal(tb, row, tmp);
			rtable_note(&t, buf_str(tmp));
		}
	}
	rtable_write(f, &t, width);
	rtable_free(&t);
}

static const char *reason_text(const struct move_reason *mr)
{
	return !mr->text ? _("(other reasons)") : *mr->text ? mr->text : _("(no reason given)");
}

static void reasons_table(FILE *f, const struct move_table *tb, int width, struct buf *label)
{
	struct rtable t;
	rtable_init(&t, _("Reasons given for leaving, death and suspension"), _("Reason"),
		    tb->nreasons);
	rtable_col(&t, _("Members"));
	for (size_t k = 0; k < tb->nreasons; k++) {
		const struct move_reason *mr = &tb->reasons[k];
		buf_reset(label);
		buf_printf(label, "%s: %s", mstatus_text((int)mr->status), reason_text(mr));
		rtable_row(&t, buf_str(label))[0] = mr->n;
	}
	rtable_write(f, &t, width);
	rtable_free(&t);
}

static void move_text(FILE *f, const struct report_movement *r, int width)
{
	char from[16], to[16];
	date_format(r->from, from);
	date_format(r->to, to);
	struct buf label = BUF_INIT, tmp = BUF_INIT;
	size_t shown = 0;
	for (size_t i = 0; i < r->ntables; i++) {
		const struct move_table *tb = &r->tables[i];
		bool any = tb->total.faults != 0;
		for (size_t k = 0; k < tb->nrows; k++)
			any |= tb->rows[k].kind != REPORT_ROW_NONE;
		for (int c = 0; c < MV__COUNT; c++)
			any |= tb->total.v[c] != 0;
		if (!any && r->ntables > 1)
			continue;
		shown++;
		report_printf_wrapped(f, width, _("Movement of %s: %s (%s), %s to %s"), tb->word,
				      tb->name, tb->code, from, to);
		if (*tb->scope)
			report_printf_wrapped(f, width, _("Under: %s (each row counts its whole "
							  "subtree)"), tb->scope);
		report_put_wrapped(f, _("Start + admitted + in - out - left - died - suspended = end.\n"
					"In, out: transferred in from another unit, out to another."),
				   width);
		putc('\n', f);
		move_text_table(f, tb, width, &label, &tmp);
		if (tb->total.faults) {
			report_put_wrapped(f, _("Records to correct (they break the sum of their row):"),
					   width);
			for (size_t k = 0; k < tb->nfaults; k++) {
				const struct move_fault *mf = &tb->faults[k];
				buf_reset(&label);
				buf_adds(&label, *mf->unit ? mf->unit : _("(no unit)"));
				buf_reset(&tmp);
				fault_text(mf, &tmp);
				report_printf_wrapped(f, width, _("  membership %" PRIu64 ", %s (person %"
								  PRIu64 "), %s: %s"),
						      mf->membership_id, mf->person, mf->person_id,
						      buf_str(&label), buf_str(&tmp));
			}
			if (tb->total.faults > tb->nfaults)
				report_printf_wrapped(f, width, _("  … and %" PRIu64 " more"),
						      tb->total.faults - tb->nfaults);
			putc('\n', f);
		}
		if (tb->nreasons)
			reasons_table(f, tb, width, &label);
	}
	if (!shown)
		report_printf_wrapped(f, width, _("No organization has members from %s to %s."),
				      from, to);
	buf_free(&label);
	buf_free(&tmp);
}

static void csv_text(FILE *f, const char *s, bool first)
{
	csv_write_field(f, s, strlen(s), ',', first);
}

static void move_csv(FILE *f, const struct report_movement *r)
{
	fputs("\xEF\xBB\xBF", f);
	csv_text(f, _("Organization"), true);
	csv_text(f, _("Unit"), false);
	for (int c = 0; c < MV__COUNT; c++)
		csv_text(f, _(move_cols[c].csv), false);
	csv_text(f, _("Note"), false);
	csv_end_row(f);
	struct buf label = BUF_INIT, note = BUF_INIT;
	for (size_t i = 0; i < r->ntables; i++) {
		const struct move_table *tb = &r->tables[i];
		for (size_t k = 0; k <= tb->nrows; k++) {
			const struct move_row *row = k < tb->nrows ? &tb->rows[k] : &tb->total;
			if (!row_shown(row))
				continue;
			report_row_label(row->kind, row->label, &label);
			csv_text(f, tb->code, true);
			csv_text(f, buf_str(&label), false);
			for (int c = 0; c < MV__COUNT; c++)
				if (row->reconciles)
					fprintf(f, ",%" PRIu64, row->v[c]);
				else
					putc(',', f);
			buf_reset(&note);
			if (!row->reconciles) {
				refusal(tb, row, &label);
				buf_adds(&note, buf_str(&label));
			}
			/* The faulty records of the row, in the note. */
			for (size_t j = 0; j < tb->nfaults && row->kind != REPORT_ROW_TOTAL; j++) {
				const struct move_fault *mf = &tb->faults[j];
				if (mf->row != k)
					continue;
				buf_printf(&note, _("; membership %" PRIu64 ", %s: "), mf->membership_id,
					   mf->person);
				fault_text(mf, &note);
			}
			csv_text(f, buf_str(&note), false);
			csv_end_row(f);
		}
		for (size_t k = 0; k < tb->nreasons; k++) {
			const struct move_reason *mr = &tb->reasons[k];
			buf_reset(&label);
			buf_printf(&label, _("Reason (%s): %s"), mstatus_text((int)mr->status),
				   reason_text(mr));
			csv_text(f, tb->code, true);
			csv_text(f, buf_str(&label), false);
			int col = mr->status == MS_LEFT ? MV_LEFT : mr->status == MS_DECEASED ? MV_DECEASED
				: MV_SUSPENDED;
			for (int c = 0; c < MV__COUNT; c++)
				if (c == col)
					fprintf(f, ",%" PRIu64, mr->n);
				else
					putc(',', f);
			csv_text(f, "", false);
			csv_end_row(f);
		}
	}
	buf_free(&label);
	buf_free(&note);
}

void report_movement_write(FILE *f, const struct report_movement *r, enum report_format fmt,
			   int width)
{
	if (fmt == REPORT_CSV)
		move_csv(f, r);
	else
		move_text(f, r, width);
}
