/* Review of duplicate pairs: the pairs of the duplicates report (for the organization in view),
 * best first, one at a time and side by side, each to merge (store_merge_persons), to record
 * as two persons (store_notdup_add) or to skip.
 *
 * The pairs are found once, when the screen opens; a pair is read again each time it is shown,
 * and its versions are what a merge checks, so a record someone changed meanwhile is refused
 * (and shown again as it now is) rather than merged from what was on the screen.  A pair
 * decided here leaves the list; so does every pair of a person merged away. */
#include "ui/person.h"
#include "ui/term.h"
#include "ui/ui.h"

#include "core/dedupe.h"
#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct side {
	struct person p;
	struct ui_mrow *m;
	size_t nm;
};

struct review {
	struct ui_screen base;
	struct dedupe_pair *pairs;
	size_t n, cap, cur;
	uint64_t org;		/* the organization in view when it opened (0: all) */
	char org_code[16];
	bool shown;		/* side[] holds pairs[cur] as read */
	unsigned data_gen;
	struct side side[2];
	char title[200];
};

/* The rows of the comparison: a person field, with a short label that fits the first column. */
static const struct {
	const char *field, *label;
} rows[] = {
	{ "full_name", N_("Name") },
	{ "sex", N_("Sex") },
	{ "birth", N_("Born") },
	{ "cccd", N_("CCCD") },
	{ "phone", N_("Phone") },
	{ "home_town", N_("Home town") },
	{ "address", N_("Address") },
	{ "ethnicity", N_("Ethnicity") },
	{ "religion", N_("Religion") },
	{ "education", N_("Education") },
	{ "party_member", N_("Party member") },
};
#define NROWS (sizeof rows / sizeof rows[0])

static void side_clear(struct side *sd)
{
	rec_clear(&REC_DEF_PERSON, &sd->p);
	ui_mrows_free(&sd->m, &sd->nm);
}

/* ---- finding the pairs ---------------------------------------------------------------------- */

struct finding {
	struct review *r;
	struct store *s;
};

static int has_org(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	return m->org_id == *(const uint64_t *)ctx;
}

static bool in_org(struct store *s, uint64_t person, uint64_t org)
{
	return store_each_membership_of_person(s, NULL, person, has_org, &org, NULL) > 0;
}

static int on_pair(const struct dedupe_pair *p, void *ctx)
{
	struct finding *f = ctx;
	struct review *r = f->r;
	if (r->org && !in_org(f->s, p->a, r->org) && !in_org(f->s, p->b, r->org))
		return 0;
	xgrow((void **)&r->pairs, &r->cap, r->n + 1, sizeof *r->pairs);
	r->pairs[r->n++] = *p;
	return 0;
}

static int find_pairs(struct ui_app *a, struct review *r, struct err *e)
{
	struct dedupe_opts o = { 0 };
	struct dedupe_id_pair *excl = NULL;
	int rc = dedupe_exclusions_load(a->store, &excl, &o.nexcluded, e);
	o.excluded = excl;
	struct finding f = { r, a->store };
	if (rc == 0)
		rc = dedupe_find(a->store, &o, on_pair, &f, NULL, e);
	free(excl);
	return rc < 0 ? rc : 0;
}

/* ---- the pair shown ------------------------------------------------------------------------- */

struct load {
	struct review *r;
	uint64_t id[2];
};

static int load_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct load *l = ctx;
	int rc = 0;
	for (int i = 0; i < 2 && rc == 0; i++) {
		side_clear(&l->r->side[i]);
		rc = store_get(s, t, REC_PERSON, l->id[i], &l->r->side[i].p, e);
		if (rc == 0)
			rc = ui_mrows_read(s, t, l->id[i], &l->r->side[i].m, &l->r->side[i].nm, e);
	}
	return rc;
}

/* Take pair i out of the list (the one shown stays the same pair, or the next). */
static void drop_pair(struct review *r, size_t i)
{
	memmove(&r->pairs[i], &r->pairs[i + 1], (r->n - i - 1) * sizeof *r->pairs);
	r->n--;
	if (r->cur > i || (r->cur == r->n && r->cur > 0))
		r->cur--;
	r->shown = false;
}

/* Read pairs[cur]; a pair of which someone removed a person meanwhile leaves the list. */
static void show_current(struct ui_app *a, struct review *r)
{
	while (!r->shown && r->cur < r->n) {
		struct load l = { r, { r->pairs[r->cur].a, r->pairs[r->cur].b } };
		struct err e;
		err_clear(&e);
		int rc = store_read(a->store, load_fn, &l, &e);
		if (rc == -ERR_NOTFOUND) {
			drop_pair(r, r->cur);
			continue;
		}
		if (rc) {
			char text[900];
			ui_error(a, "%s", err_format(&e, text, sizeof text));
		}
		r->shown = true;
		r->data_gen = a->data_gen;
	}
}

static const char *title(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	struct review *r = (struct review *)s;
	const char *scope = r->org ? r->org_code : _("all");
	if (r->n)
		snprintf(r->title, sizeof r->title, _("Duplicate pairs: pair %zu of %zu (%s)"),
			 r->cur + 1, r->n, scope);
	else
		snprintf(r->title, sizeof r->title, _("Duplicate pairs (%s)"), scope);
	return r->title;
}

/* Text broken between words to fit width columns, on rows row.. (at most nrows). */
static void draw_wrapped(int row, int col, int width, int nrows, const char *text,
			 enum term_attr at)
{
	struct buf line = BUF_INIT;
	const char *p = text;
	for (int i = 0; i < nrows && *p; i++) {
		buf_reset(&line);
		const char *last_fit = NULL;
		for (const char *q = p;; q++) {
			if (*q == ' ' || !*q) {
				buf_reset(&line);
				buf_add(&line, p, (size_t)(q - p));
				if (term_width_of(buf_str(&line)) > width && last_fit)
					break;
				last_fit = q;
			}
			if (!*q)
				break;
		}
		buf_reset(&line);
		buf_add(&line, p, (size_t)(last_fit - p));
		term_text(row + i, col, width, buf_str(&line), at, false);
		p = *last_fit ? last_fit + 1 : last_fit;
	}
	buf_free(&line);
}

/* A person's memberships in its column from row to last: the organization and status, then the
 * unit's path (its end, when it does not fit). */
static void draw_memberships(const struct side *sd, int row, int last, int col, int width)
{
	char text[400];
	for (size_t i = 0; i < sd->nm && row <= last; i++, row += 2) {
		const struct ui_mrow *m = &sd->m[i];
		if (row + 1 > last) {
			snprintf(text, sizeof text, _("… and %zu more"), sd->nm - i);
			term_text(row, col, width, text, TA_DIM, false);
			return;
		}
		bool active = strcmp(m->status, mstatus_text(MS_ACTIVE)) == 0;
		snprintf(text, sizeof text, "%s · %s", m->org, m->status);
		term_text(row, col, width, text, active ? TA_NORMAL : TA_DIM, false);
		term_text(row + 1, col + 2, width - 2, ui_mrow_unit(m, width - 2), TA_DIM, false);
	}
	if (!sd->nm)
		term_text(row, col, width, _("no membership"), TA_DIM, false);
}

static void draw(struct ui_app *a, struct ui_screen *s)
{
	struct review *r = (struct review *)s;
	if (r->data_gen != a->data_gen)
		r->shown = false;	/* something was saved: read the pair again */
	show_current(a, r);
	int cols = term_cols(), last = term_rows() - 3;
	term_cursor(-1, 0);
	if (!r->n) {
		term_text(2, 2, cols - 4, _("No pairs to review: no two persons look like one."),
			  TA_NORMAL, false);
		return;
	}
	const struct dedupe_pair *p = &r->pairs[r->cur];
	struct buf why = BUF_INIT;
	buf_printf(&why, _("Score %d: "), p->score);
	dedupe_reasons_text(p->reasons, &why);
	draw_wrapped(1, 1, cols - 2, 2, buf_str(&why), TA_NORMAL);
	buf_free(&why);

	int lw = 0;
	for (size_t i = 0; i < NROWS; i++) {
		int w = term_width_of(_(rows[i].label));
		lw = w > lw ? w : lw;
	}
	lw = lw > 16 ? 16 : lw;
	/* Label, left column, a bar between, right column. */
	int cw = (cols - lw - 5) / 2;
	int x[2] = { lw + 2, lw + 2 + cw + 3 };
	char head[80];
	for (int k = 0; k < 2; k++) {
		snprintf(head, sizeof head, k ? _("Right: person %" PRIu64) : _("Left: person %" PRIu64),
			 k ? p->b : p->a);
		term_text(3, x[k], cw, head, TA_HEADING, true);
	}
	struct buf v[2] = { BUF_INIT, BUF_INIT };
	int row = 4;
	for (size_t i = 0; i < NROWS && row <= last; i++, row++) {
		const struct field_def *f = rec_field(&REC_DEF_PERSON, rows[i].field);
		for (int k = 0; k < 2; k++) {
			buf_reset(&v[k]);
			rec_field_text(f, &r->side[k].p, &v[k]);
		}
		bool differ = strcmp(buf_str(&v[0]), buf_str(&v[1])) != 0;
		term_text(row, 1, lw, _(rows[i].label), TA_LABEL, true);
		for (int k = 0; k < 2; k++)
			term_text(row, x[k], cw, buf_str(&v[k]), differ ? TA_WARN : TA_NORMAL, true);
		term_text(row, x[1] - 2, 1, "│", TA_DIM, false);
	}
	buf_free(&v[0]);
	buf_free(&v[1]);
	if (row < last) {
		term_text(row, 1, lw, _("Memberships"), TA_LABEL, true);
		for (int k = 0; k < 2; k++)
			draw_memberships(&r->side[k], row, last, x[k], cw);
		for (; row <= last; row++)
			term_text(row, x[1] - 2, 1, "│", TA_DIM, false);
	}
}

/* ---- deciding ------------------------------------------------------------------------------- */

struct merging {
	uint64_t keep, gone;
	uint32_t keep_version, gone_version;
	uint64_t seq;
};

static int merge_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct merging *m = ctx;
	return store_merge_persons(s, t, m->keep, m->keep_version, m->gone, m->gone_version, &m->seq,
				   e);
}

struct deciding {
	uint64_t a, b;
	bool already;
};

static int notdup_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct deciding *d = ctx;
	int rc = store_notdup_add(s, t, d->a, d->b, NULL, e);
	d->already = rc == 1;
	return rc > 0 ? 0 : rc;
}

static void say_error(struct ui_app *a, struct review *r, const struct err *e)
{
	char text[900];
	if (e->code == ERR_CONFLICT)
		ui_error(a, "%s", _("Nothing done: someone changed one of the two meanwhile. The pair "
				    "now shows what is saved; look again."));
	else
		ui_error(a, "%s", err_format(e, text, sizeof text));
	r->shown = false;	/* show the pair as it now is */
}

static void merge(struct ui_app *a, struct review *r)
{
	const struct person *pl = &r->side[0].p, *pr = &r->side[1].p;
	char q[600];
	snprintf(q, sizeof q, _("Keep which record? Left (l): person %" PRIu64 "; right (r): "
				"person %" PRIu64 "; Escape: neither "), pl->m.id, pr->m.id);
	uint32_t k = ui_ask_key(a, q);
	int keep;
	if (k == KM_LEFT || k == 'l' || k == 'L' || k == '1')
		keep = 0;
	else if (k == KM_RIGHT || k == 'r' || k == 'R' || k == '2')
		keep = 1;
	else {
		ui_message(a, "%s", _("Not merged."));
		return;
	}
	const struct person *kp = &r->side[keep].p, *gp = &r->side[!keep].p;
	snprintf(q, sizeof q, _("Merge person %" PRIu64 " into person %" PRIu64 " (%s), who takes "
				"its memberships? (y/n) "), gp->m.id, kp->m.id,
		 kp->full_name ? kp->full_name : "");
	if (!ui_confirm(a, q)) {
		ui_message(a, "%s", _("Not merged."));
		return;
	}
	struct merging m = { kp->m.id, gp->m.id, kp->m.version, gp->m.version, 0 };
	struct err e;
	err_clear(&e);
	if (store_write(a->store, merge_fn, &m, &e) != 0) {
		say_error(a, r, &e);
		return;
	}
	a->data_gen++;
	/* Every pair of the person merged away goes; the next pair is shown. */
	for (size_t i = r->n; i-- > 0;)
		if (r->pairs[i].a == m.gone || r->pairs[i].b == m.gone)
			drop_pair(r, i);
	r->shown = false;
	ui_message(a, _("Merged person %" PRIu64 " into person %" PRIu64 " (audit number %" PRIu64
			"; hoivien unmerge %" PRIu64 " %" PRIu64 " undoes it)."),
		   m.gone, m.keep, m.seq, m.keep, m.seq);
}

static void not_duplicate(struct ui_app *a, struct review *r)
{
	struct deciding d = { r->pairs[r->cur].a, r->pairs[r->cur].b, false };
	struct err e;
	err_clear(&e);
	if (store_write(a->store, notdup_fn, &d, &e) != 0) {
		say_error(a, r, &e);
		return;
	}
	a->data_gen++;
	drop_pair(r, r->cur);
	ui_message(a, _("Persons %" PRIu64 " and %" PRIu64 " are recorded as two persons: this "
			"pair will not be proposed again."), d.a, d.b);
}

static void move(struct ui_app *a, struct review *r, int dir)
{
	if (dir > 0 && r->cur + 1 >= r->n) {
		ui_message(a, "%s", _("That was the last pair."));
		return;
	}
	if (dir < 0 && r->cur == 0) {
		ui_message(a, "%s", _("This is the first pair."));
		return;
	}
	r->cur = dir > 0 ? r->cur + 1 : r->cur - 1;
	r->shown = false;
}

static int key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	struct review *r = (struct review *)s;
	if (action == KA_CANCEL)
		return UI_POP;
	if (!r->n)
		return UI_UNHANDLED;
	if (k == 'm' || k == 'M')
		merge(a, r);
	else if (k == 'n' || k == 'N')
		not_duplicate(a, r);
	else if (k == 's' || k == 'S' || k == ' ')
		move(a, r, 1);
	else if (k == KM_RIGHT || action == KA_PAGE_DOWN)
		move(a, r, 1);
	else if (k == KM_LEFT || action == KA_PAGE_UP)
		move(a, r, -1);
	else
		return UI_UNHANDLED;
	return UI_OK;
}

static void hints(struct ui_app *a, struct ui_screen *s, struct buf *out)
{
	(void)a;
	struct review *r = (struct review *)s;
	if (r->n)
		buf_adds(out, _("m Merge  n Not a duplicate  s Skip  ←/→ Previous/next  Esc Back"));
	else
		buf_adds(out, _("Esc Back"));
}

static void review_free(struct ui_screen *s)
{
	struct review *r = (struct review *)s;
	side_clear(&r->side[0]);
	side_clear(&r->side[1]);
	free(r->pairs);
	free(r);
}

static const struct ui_screen_ops ops = {
	.name = "dupreview",
	.ctx = KM_LIST,
	.title = title,
	.draw = draw,
	.key = key,
	.hints = hints,
	.free = review_free,
};

struct ui_screen *ui_dup_review_new(struct ui_app *a)
{
	struct review *r = xcalloc(1, sizeof *r);
	r->base.ops = &ops;
	r->org = a->org_id;
	snprintf(r->org_code, sizeof r->org_code, "%s", a->org_code);
	ui_message(a, "%s", _("Looking for persons who may be one person…"));
	ui_repaint(a);
	struct err e;
	err_clear(&e);
	int rc = find_pairs(a, r, &e);
	buf_reset(&a->message);
	if (rc) {
		char text[900];
		ui_error(a, "%s", err_format(&e, text, sizeof text));
		review_free(&r->base);
		return NULL;
	}
	r->data_gen = a->data_gen;
	return &r->base;
}
