/* A unit's figures for a year (targets.db), one record per unit and year, and the area tags. */
#include "core/targets.h"

#include "core/record.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct find {
	uint64_t unit_id, skip;
	int64_t year;
	uint64_t id;		/* the record found, 0: none */
	struct rec_pick pk;
};

static int find_one(uint64_t id, const void *data, size_t n, void *ctx)
{
	struct find *f = ctx;
	struct rec_val v[2];
	if (id == f->skip || rec_pick(&f->pk, data, n, v) != 0)
		return 0;	/* store_check reports records that do not decode */
	if (v[0].u != f->unit_id || v[1].i != f->year)
		return 0;
	f->id = id;
	return 1;
}

/* The id of the record of unit_id for year other than skip, or 0. */
static int find_id(struct store *s, struct store_txn *t, uint64_t unit_id, int64_t year,
		   uint64_t skip, uint64_t *id, struct err *e)
{
	static const char *const names[] = { "unit_id", "year" };
	struct find f = { .unit_id = unit_id, .year = year, .skip = skip };
	rec_pick_init(&f.pk, &REC_DEF_TARGET, names, 2);
	int rc = store_scan(s, t, REC_TARGET, find_one, &f, e);
	*id = f.id;
	return rc < 0 ? rc : 0;
}

int target_get(struct store *s, struct store_txn *t, uint64_t unit_id, int year,
	       struct target *out, struct err *e)
{
	rec_clear(&REC_DEF_TARGET, out);
	uint64_t id;
	int rc = find_id(s, t, unit_id, year, 0, &id, e);
	if (rc == 0 && id)
		rc = store_get(s, t, REC_TARGET, id, out, e);
	else if (rc == 0)
		rc = err_set(e, ERR_NOTFOUND, _("no figures for unit %" PRIu64 " in %d"), unit_id,
			     year);
	if (rc) {
		rec_clear(&REC_DEF_TARGET, out);
		out->unit_id = unit_id;
		out->year = year;
	}
	return rc;
}

int target_put(struct store *s, struct store_txn *t, const struct target *tg, struct err *e)
{
	if (tg->year < TARGET_YEAR_MIN || tg->year > TARGET_YEAR_MAX)
		return err_set(e, ERR_INVAL, _("%" PRId64 " is not a year (%d to %d)"), tg->year,
			       TARGET_YEAR_MIN, TARGET_YEAR_MAX);
	if (tg->population < 0 || tg->admissions < 0 || tg->members < 0 || tg->rate < 0 ||
	    tg->dues < 0)
		return err_set(e, ERR_INVAL, "%s", _("a figure cannot be negative"));
	if (tg->rate > TARGET_RATE_MAX)
		return err_set(e, ERR_INVAL, "%s", _("a gathering rate cannot be over 100%"));
	struct unit u = { 0 };
	int rc = store_get(s, t, REC_UNIT, tg->unit_id, &u, e);
	rec_clear(&REC_DEF_UNIT, &u);
	if (rc)
		return rc;
	uint64_t other;
	if ((rc = find_id(s, t, tg->unit_id, tg->year, tg->m.id, &other, e)) != 0)
		return rc;
	if (other)
		return err_set(e, ERR_EXISTS, _("unit %" PRIu64 " already has its figures for %"
						PRId64 " (record %" PRIu64 "): change that one"),
			       tg->unit_id, tg->year, other);
	struct target copy = { 0 };
	rec_copy(&REC_DEF_TARGET, &copy, tg);
	rc = tg->m.id ? store_update(s, t, REC_TARGET, &copy, NULL, e)
		      : store_insert(s, t, REC_TARGET, &copy, e);
	rec_clear(&REC_DEF_TARGET, &copy);
	return rc;
}

char *target_rate_format(int64_t tenths, char *out)
{
	snprintf(out, 24, "%s%" PRId64 ".%" PRId64, tenths < 0 ? "-" : "",
		 (tenths < 0 ? -tenths : tenths) / 10, (tenths < 0 ? -tenths : tenths) % 10);
	return out;
}

int target_rate_parse(const char *s, int64_t *tenths)
{
	int64_t v = 0;
	int digits = 0;
	const char *p = s;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (++digits > 3)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (!digits)
		return -1;
	v *= 10;
	if (*p == '.' || *p == ',') {
		if (p[1] < '0' || p[1] > '9')
			return -1;
		v += p[1] - '0';
		p += 2;
	}
	if (*p == '%')
		p++;
	if (*p || v > TARGET_RATE_MAX)
		return -1;
	*tenths = v;
	return 0;
}

const struct area_tag AREA_TAGS[] = {
	{ AREA_ETHNIC, "ethnic", N_("ethnic-minority area"), N_("E") },
	{ AREA_RELIGIOUS, "religious", N_("religious area"), N_("R") },
	{ AREA_NONSTATE, "nonstate", N_("non-state enterprise"), N_("N") },
	{ AREA_URBAN, "urban", N_("urban area"), N_("U") },
	{ AREA_BORDER, "border", N_("border area"), N_("B") },
};
const size_t AREA_TAGS_N = sizeof AREA_TAGS / sizeof AREA_TAGS[0];

const struct area_tag *area_tag_by_name(const char *name)
{
	for (size_t i = 0; i < AREA_TAGS_N; i++)
		if (strcmp(AREA_TAGS[i].name, name) == 0)
			return &AREA_TAGS[i];
	return NULL;
}

static void tags_join(uint64_t tags, bool letters, const char *sep, struct buf *out)
{
	bool first = true;
	for (size_t i = 0; i < AREA_TAGS_N; i++) {
		if (!(tags & AREA_TAGS[i].bit))
			continue;
		if (!first)
			buf_adds(out, sep);
		buf_adds(out, letters ? _(AREA_TAGS[i].letter) : _(AREA_TAGS[i].text));
		first = false;
	}
}

void area_tags_text(uint64_t tags, struct buf *out)
{
	tags_join(tags, false, ", ", out);
}

void area_tags_letters(uint64_t tags, struct buf *out)
{
	tags_join(tags, true, " ", out);
}

void area_tags_legend(struct buf *out)
{
	for (size_t i = 0; i < AREA_TAGS_N; i++)
		buf_printf(out, "%s%s %s", i ? ", " : "", _(AREA_TAGS[i].letter),
			   _(AREA_TAGS[i].text));
}
