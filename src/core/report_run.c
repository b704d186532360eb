/* One entry to every report, for the command line and the Báo cáo screen alike: the kinds by
 * name, and each computed and written in the format asked for. */
#include "core/report.h"

#include "core/report_gather.h"
#include "core/report_move.h"
#include "util/err.h"
#include "util/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	const char *title;
} kinds[RK__COUNT] = {
	[RK_STATS] = { "stats", N_("Statistics by unit (members, sex, party, education, age, "
				   "roles)") },
	[RK_OVERLAP] = { "overlap", N_("Persons and memberships across the organizations") },
	[RK_DUPLICATES] = { "duplicates", N_("Persons who may be one person (duplicates)") },
	[RK_PHANTOM] = { "phantom", N_("Real members: the five tests (phantom members)") },
	[RK_GATHERING] = { "gathering", N_("Gathering rate against the eligible population") },
	[RK_TARGETS] = { "targets", N_("Targets against actual figures") },
	[RK_MOVEMENT] = { "movement", N_("Movement of members over a period") },
};

const char *report_kind_name(enum report_kind k)
{
	return (unsigned)k < RK__COUNT ? kinds[k].name : "";
}

const char *report_kind_title(enum report_kind k)
{
	return (unsigned)k < RK__COUNT ? _(kinds[k].title) : "";
}

int report_kind_parse(const char *name)
{
	for (int k = 0; k < RK__COUNT; k++)
		if (strcmp(kinds[k].name, name) == 0)
			return k;
	return -1;
}

int report_write(FILE *f, struct store *s, enum report_kind k, const struct report_opts *o,
		 enum report_format fmt, int width, struct err *e)
{
	int rc;
	switch (k) {
	case RK_STATS: {
		struct report_stats st;
		if ((rc = report_stats(s, o, &st, e)) != 0)
			return rc;
		report_stats_write(f, &st, fmt, width);
		report_stats_free(&st);
		return 0;
	}
	case RK_OVERLAP: {
		struct report_overlap ov;
		if ((rc = report_overlap(s, o, &ov, e)) != 0)
			return rc;
		report_overlap_write(f, &ov, fmt, width);
		report_overlap_free(&ov);
		return 0;
	}
	case RK_DUPLICATES: {
		struct report_dup_summary sum;
		return report_duplicates_write(f, s, o, fmt, &sum, e);
	}
	case RK_MOVEMENT: {
		struct report_movement mv;
		if ((rc = report_movement(s, o, &mv, e)) != 0)
			return rc;
		report_movement_write(f, &mv, fmt, width);
		report_movement_free(&mv);
		return 0;
	}
	case RK_GATHERING:
	case RK_TARGETS: {
		struct report_gather g;
		if ((rc = report_gather(s, o, &g, e)) != 0)
			return rc;
		if (k == RK_GATHERING)
			report_gathering_write(f, &g, fmt, width);
		else
			report_targets_write(f, &g, fmt, width);
		report_gather_free(&g);
		return 0;
	}
	case RK_PHANTOM: {
		struct report_phantom ph;
		if ((rc = report_phantom(s, o, &ph, e)) != 0)
			return rc;
		rc = report_phantom_write(f, s, &ph, fmt, o->list, width, e);
		report_phantom_free(&ph);
		return rc;
	}
	default:
		return err_set(e, ERR_USAGE, _("the %s report is not available yet"),
			       report_kind_name(k));
	}
}

int report_write_xlsx(struct store *s, enum report_kind k, const struct report_opts *o,
		      const char *path, struct err *e)
{
	char *mem = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&mem, &n);
	if (!f)
		return err_set(e, ERR_IO, "%s", _("out of memory"));
	int rc = report_write(f, s, k, o, REPORT_CSV, 80, e);
	fclose(f);
	if (!rc) {
		char title[300];
		snprintf(title, sizeof title, "%s%s%s", report_kind_title(k),
			 o->org && *o->org ? " — " : "", o->org && *o->org ? o->org : "");
		rc = report_csv_to_xlsx(mem, n, path, report_kind_name(k), title, e);
	}
	free(mem);
	return rc;
}
