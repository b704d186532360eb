/* The duplicates report: candidate pairs of person records (core/dedupe.h) with their scores
 * and reasons, for the persons of a scope, and the persons who are members twice at once in one
 * organization. */
#include "core/report_priv.h"

#include "core/csv.h"
#include "core/date.h"
#include "core/dedupe.h"
#include "store/store.h"
#include "text/width.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

struct dup_run {
	struct store *s;
	const struct report_opts *o;
	struct scope sc;
	bool scoped;		/* --org given: only pairs with a person in the scope */
	FILE *f;
	enum report_format fmt;
	struct report_dup_summary *sum;
	struct buf line;
};

static int member_in_scope(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct dup_run *r = ctx;
	int32_t row = scope_row_of(&r->sc, m->org_id, m->unit_id);
	if (row < 0 || (r->o->unit && *r->o->unit && r->sc.rows[row].kind == REPORT_ROW_NONE))
		return 0;
	return 1;	/* found one: stop */
}

static bool in_scope(struct dup_run *r, uint64_t person)
{
	struct err e;
	err_clear(&e);
	return store_each_membership_of_person(r->s, NULL, person, member_in_scope, r, &e) > 0;
}

/* A cell of a text line: s cut or padded to width columns. */
static void cell(struct buf *b, const char *s, int width)
{
	size_t n = vn_fit(s, strlen(s), width);
	buf_add(b, s, n);
	for (int w = vn_width(s, n); w < width; w++)
		buf_addc(b, ' ');
}

/* The reasons under a pair, indented, broken between reasons to fit 80 columns. */
static void wrap(FILE *f, const char *why)
{
	int col = 0;
	while (*why) {
		const char *end = strstr(why, "; ");
		size_t n = end ? (size_t)(end - why) + 1 : strlen(why);
		int w = vn_width(why, n);
		if (col && col + 1 + w > 75) {
			fputc('\n', f);
			col = 0;
		}
		fputs(col ? " " : "     ", f);
		fwrite(why, 1, n, f);
		col += (col ? 1 : 0) + w;
		why += n + (end ? 1 : 0);
	}
	fputc('\n', f);
}

static void csv_field(FILE *f, const char *s, bool first)
{
	csv_write_field(f, s, strlen(s), ',', first);
}

static int on_pair(const struct dedupe_pair *p, void *ctx)
{
	struct dup_run *r = ctx;
	if (r->scoped && !in_scope(r, p->a) && !in_scope(r, p->b))
		return 0;
	struct person pa = { 0 }, pb = { 0 };
	struct err e;
	err_clear(&e);
	store_get(r->s, NULL, REC_PERSON, p->a, &pa, &e);
	err_clear(&e);
	store_get(r->s, NULL, REC_PERSON, p->b, &pb, &e);
	char da[16], db[16], num[32];
	date_format(pa.birth, da);
	date_format(pb.birth, db);
	struct buf why = BUF_INIT;
	dedupe_reasons_text(p->reasons, &why);
	if (r->fmt == REPORT_CSV) {
		struct buf codes = BUF_INIT;
		dedupe_reasons_codes(p->reasons, &codes);
		snprintf(num, sizeof num, "%" PRIu64, p->a);
		csv_field(r->f, num, true);
		snprintf(num, sizeof num, "%" PRIu64, p->b);
		csv_field(r->f, num, false);
		snprintf(num, sizeof num, "%d", p->score);
		csv_field(r->f, num, false);
		csv_field(r->f, buf_str(&why), false);
		csv_field(r->f, buf_str(&codes), false);
		csv_field(r->f, pa.full_name ? pa.full_name : "", false);
		csv_field(r->f, da, false);
		csv_field(r->f, pa.cccd ? pa.cccd : "", false);
		csv_field(r->f, pb.full_name ? pb.full_name : "", false);
		csv_field(r->f, db, false);
		csv_field(r->f, pb.cccd ? pb.cccd : "", false);
		csv_end_row(r->f);
		buf_free(&codes);
	} else {
		/* Two lines a pair: the score and the two persons side by side, then why. */
		buf_reset(&r->line);
		buf_printf(&r->line, "%3d  ", p->score);
		snprintf(num, sizeof num, "%" PRIu64, p->a);
		cell(&r->line, num, 7);
		cell(&r->line, pa.full_name ? pa.full_name : "", 20);
		buf_addc(&r->line, ' ');
		cell(&r->line, da, 10);
		buf_adds(&r->line, " │ ");
		snprintf(num, sizeof num, "%" PRIu64, p->b);
		cell(&r->line, num, 7);
		cell(&r->line, pb.full_name ? pb.full_name : "", 20);
		buf_addc(&r->line, ' ');
		cell(&r->line, db, 10);
		fprintf(r->f, "%s\n", buf_str(&r->line));
		wrap(r->f, buf_str(&why));
	}
	buf_free(&why);
	rec_clear(&REC_DEF_PERSON, &pa);
	rec_clear(&REC_DEF_PERSON, &pb);
	r->sum->pairs++;
	return 0;
}

static int on_branch(const struct dedupe_branch_error *x, void *ctx)
{
	struct dup_run *r = ctx;
	if (r->scoped && !in_scope(r, x->person))
		return 0;
	r->sum->branch_errors++;
	if (r->fmt != REPORT_TEXT)
		return 0;
	struct person p = { 0 };
	struct unit ua = { 0 }, ub = { 0 };
	struct err e;
	err_clear(&e);
	store_get(r->s, NULL, REC_PERSON, x->person, &p, &e);
	store_get(r->s, NULL, REC_UNIT, x->unit_a, &ua, &e);
	store_get(r->s, NULL, REC_UNIT, x->unit_b, &ub, &e);
	const struct org_entry *o = org_list_by_id(&r->sc.orgs, x->org);
	buf_reset(&r->line);
	char num[32];
	snprintf(num, sizeof num, "%" PRIu64, x->person);
	cell(&r->line, num, 7);
	cell(&r->line, p.full_name ? p.full_name : "", 24);
	buf_addc(&r->line, ' ');
	cell(&r->line, o ? o->code : "?", 4);
	buf_printf(&r->line, "%s — %s", ua.name ? ua.name : "?", ub.name ? ub.name : "?");
	fprintf(r->f, "%s\n", buf_str(&r->line));
	rec_clear(&REC_DEF_PERSON, &p);
	rec_clear(&REC_DEF_UNIT, &ua);
	rec_clear(&REC_DEF_UNIT, &ub);
	return 0;
}

static int scope_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct dup_run *r = ctx;
	return scope_build(s, t, r->o, &r->sc, e);
}

int report_duplicates_write(FILE *f, struct store *s, const struct report_opts *o,
			    enum report_format fmt, struct report_dup_summary *sum, struct err *e)
{
	memset(sum, 0, sizeof *sum);
	struct dup_run r = { .s = s, .o = o, .f = f, .fmt = fmt, .sum = sum, .line = BUF_INIT };
	r.scoped = o->org && *o->org;
	int rc = store_read(s, scope_fn, &r, e);
	if (rc)
		goto out;
	if (fmt == REPORT_CSV) {
		static const char *const heads[] = { "person_a", "person_b", "score", "reasons",
						     "codes", "name_a", "birth_a", "cccd_a", "name_b",
						     "birth_b", "cccd_b" };
		for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
			csv_field(f, heads[i], i == 0);
		csv_end_row(f);
	} else {
		fprintf(f, "%s\n\n", _("Persons who may be one person (score 50 is even odds, 75 is a "
				       "thousand to one)"));
	}
	struct dedupe_stats st;
	struct dedupe_opts dopt = { 0 };
	struct dedupe_id_pair *excl = NULL;
	if ((rc = dedupe_exclusions_load(s, &excl, &dopt.nexcluded, e)) != 0)
		goto out;
	dopt.excluded = excl;
	rc = dedupe_find(s, &dopt, on_pair, &r, &st, e);
	free(excl);
	if (rc < 0)
		goto out;
	sum->compared = st.compared;
	if (fmt == REPORT_TEXT) {
		if (!sum->pairs)
			fprintf(f, "%s\n", _("No likely duplicates."));
		fprintf(f, "\n%s\n\n", _("Persons with two active memberships in one organization "
					 "(an error to correct):"));
	}
	if ((rc = dedupe_branch_errors(s, on_branch, &r, NULL, e)) < 0)
		goto out;
	if (fmt == REPORT_TEXT) {
		if (!sum->branch_errors)
			fprintf(f, "%s\n", _("None."));
		fprintf(f, _("\n%" PRIu64 " pairs to review; %" PRIu64 " persons in two branches.\n"),
			sum->pairs, sum->branch_errors);
	}
	rc = 0;
out:
	scope_free(&r.sc);
	buf_free(&r.line);
	return rc;
}
