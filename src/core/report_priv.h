/* What the reports share: the scope (organizations, the unit tree mapped to rows) and the
 * rule that says which memberships count. */
#ifndef HOIVIEN_REPORT_PRIV_H
#define HOIVIEN_REPORT_PRIV_H

#include "core/orgs.h"
#include "core/record.h"
#include "core/report.h"

struct store_txn;

struct scope_row {
	size_t org;		/* index into the scope's orgs */
	enum report_row_kind kind;
	uint64_t unit_id;
	char *label;
};

/* Units are few (thousands) and their ids dense, so the unit -> row map is an array indexed
 * by unit id; the same holds for organizations. */
struct scope {
	struct org_list orgs;
	int only;		/* index of --org's organization, -1: all */
	hv_date as_of;
	char **path;		/* [orgs.n]: path of each organization's scope unit, or "" */
	size_t nrows;
	struct scope_row *rows;	/* grouped by organization, in the orgs' order */
	size_t *first_row;	/* [orgs.n + 1]: org i has rows first_row[i] .. first_row[i + 1] - 1 */
	int32_t *none_row;	/* [orgs.n]: its REPORT_ROW_NONE row, or -1 */
	int32_t *unit_row;	/* [nunit_ids]: row of a unit id, -1 outside the scope */
	size_t nunit_ids;
	int32_t *org_index;	/* [norg_ids]: index of an organization id, -1 if not in scope */
	int32_t *org_pos;	/* [norg_ids]: index of an organization id, in scope or not */
	size_t norg_ids;
};

/* Read the organizations and the unit tree and lay out the rows.  Bad options (an unknown
 * organization or unit, --unit without --org) are ERR_USAGE. */
int scope_build(struct store *s, struct store_txn *t, const struct report_opts *o,
		struct scope *sc, struct err *e);
void scope_free(struct scope *sc);

/* The row a membership falls in, or -1 when it is outside the scope. */
static inline int32_t scope_row_of(const struct scope *sc, uint64_t org_id, uint64_t unit_id)
{
	if (org_id >= sc->norg_ids || sc->org_index[org_id] < 0)
		return -1;
	int32_t oi = sc->org_index[org_id];
	if (unit_id < sc->nunit_ids) {
		int32_t r = sc->unit_row[unit_id];
		if (r >= 0 && sc->rows[r].org == (size_t)oi)
			return r;
	}
	return sc->none_row[oi];
}

/* Whether a membership counts as of the date (see report.h). */
static inline bool report_counted(hv_date join, int64_t status, hv_date status_date,
				  hv_date as_of)
{
	if (join > as_of)
		return false;
	return status == MS_ACTIVE || status_date > as_of;
}

/* Zeroed arrays indexed by person id, grown as ids come (ids are dense: a store's persons are
 * numbered from 1). */
void report_grow(void **p, size_t *cap, size_t need, size_t elem);

#endif
