/* The scope of a report: its organizations, the unit tree read in one pass, and the rows. */
#include "core/report_priv.h"

#include "core/unitpath.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64		/* a unit tree deeper than this has a loop */

static int add_unit(uint64_t id, const void *data, size_t n, void *ctx)
{
	struct report_units *u = ctx;
	struct rec_val v[4];
	if (rec_pick(&u->pk, data, n, v) != 0)
		return 0;	/* store_check reports records that do not decode */
	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 64;
		u->id = xrealloc(u->id, u->cap * sizeof *u->id);
		u->org = xrealloc(u->org, u->cap * sizeof *u->org);
		u->parent = xrealloc(u->parent, u->cap * sizeof *u->parent);
		u->tags = xrealloc(u->tags, u->cap * sizeof *u->tags);
		u->name = xrealloc(u->name, u->cap * sizeof *u->name);
	}
	u->id[u->n] = id;
	u->org[u->n] = v[0].u;
	u->parent[u->n] = v[1].u;
	u->name[u->n] = xstrndup(v[2].s, v[2].len);
	u->tags[u->n] = v[3].u;
	u->n++;
	return 0;
}

static void units_free(struct report_units *u)
{
	for (size_t i = 0; i < u->n; i++)
		free(u->name[i]);
	free(u->id);
	free(u->org);
	free(u->parent);
	free(u->tags);
	free(u->name);
	free(u->by_id);
	memset(u, 0, sizeof *u);
}

static int units_load(struct store *s, struct store_txn *t, struct report_units *u,
		      struct err *e)
{
	static const char *const names[] = { "org_id", "parent_id", "name", "area_tags" };
	memset(u, 0, sizeof *u);
	rec_pick_init(&u->pk, &REC_DEF_UNIT, names, 4);
	int rc = store_scan(s, t, REC_UNIT, add_unit, u, e);
	if (rc)
		return rc;
	/* Scanned in id order: the last id is the largest. */
	u->nids = u->n ? (size_t)u->id[u->n - 1] + 1 : 0;
	u->by_id = xmalloc((u->nids ? u->nids : 1) * sizeof *u->by_id);
	memset(u->by_id, -1, (u->nids ? u->nids : 1) * sizeof *u->by_id);
	for (size_t i = 0; i < u->n; i++)
		u->by_id[u->id[i]] = (int32_t)i;
	return 0;
}

static size_t add_row(struct scope *sc, size_t org, enum report_row_kind kind, uint64_t unit_id,
		      const char *label)
{
	sc->rows = xrealloc(sc->rows, (sc->nrows + 1) * sizeof *sc->rows);
	sc->rows[sc->nrows] = (struct scope_row){ .org = org, .kind = kind, .unit_id = unit_id,
						  .label = xstrdup(label) };
	return sc->nrows++;
}

/* The rows of one organization: the units under its scope unit (or its tops), the scope unit
 * itself, the memberships outside its tree; then every unit of the organization is mapped
 * to the row above it. */
static void org_rows(struct scope *sc, const struct report_units *u, size_t oi, uint64_t top,
		     bool whole_tree)
{
	uint64_t org_id = sc->orgs.v[oi].id;
	sc->first_row[oi] = sc->nrows;
	for (size_t i = 0; i < u->n; i++)
		if (u->org[i] == org_id && u->parent[i] == top)
			sc->unit_row[u->id[i]] = (int32_t)add_row(sc, oi, REPORT_ROW_UNIT, u->id[i],
								  u->name[i]);
	if (top) {
		/* (A unit made since the tree was read has no index: it keeps no row.) */
		int32_t ti = report_unit_index(u, top);
		size_t r = add_row(sc, oi, REPORT_ROW_DIRECT, top, ti >= 0 ? u->name[ti] : "");
		if (ti >= 0)
			sc->unit_row[top] = (int32_t)r;
	}
	sc->none_row[oi] = whole_tree ? (int32_t)add_row(sc, oi, REPORT_ROW_NONE, 0, "") : -1;
	sc->first_row[oi + 1] = sc->nrows;
	for (size_t i = 0; i < u->n; i++) {
		if (u->org[i] != org_id || sc->unit_row[u->id[i]] >= 0)
			continue;
		/* Up to the first unit that has a row; a unit above the scope unit, or whose tree
		 * is broken, stays outside (its memberships go to the REPORT_ROW_NONE row). */
		int32_t at = (int32_t)i, row = -1;
		for (int depth = 0; at >= 0 && depth < MAX_DEPTH && row < 0; depth++) {
			uint64_t parent = u->parent[at];
			at = parent ? report_unit_index(u, parent) : -1;
			if (at >= 0 && u->org[at] == org_id)
				row = sc->unit_row[u->id[at]];
		}
		sc->unit_row[u->id[i]] = row;
	}
}

static int find_unit(struct store *s, struct store_txn *t, const struct org_entry *org,
		     const char *path, uint64_t *id, struct err *e)
{
	struct unit_path p;
	int rc = unit_path_parse(path, strlen(path), &p, e);
	if (rc == 0)
		rc = unit_path_resolve(s, t, org->id, &p, false, id, NULL, NULL, e);
	unit_path_free(&p);
	if (rc == -ERR_NOTFOUND || rc == -ERR_INVAL) {
		char msg[sizeof e->msg];
		snprintf(msg, sizeof msg, "%s", e->msg);
		rc = err_set(e, ERR_USAGE, _("--unit %s: %s in %s"), path, msg, org->code);
	}
	return rc;
}

int scope_build(struct store *s, struct store_txn *t, const struct report_opts *o,
		struct scope *sc, struct err *e)
{
	memset(sc, 0, sizeof *sc);
	sc->only = -1;
	sc->as_of = o->as_of ? o->as_of : date_today();
	struct report_units *u = &sc->units;
	int rc = org_list_load(s, t, &sc->orgs, e);
	if (rc)
		return rc;
	size_t norgs = sc->orgs.n;
	if (o->org && *o->org) {
		const struct org_entry *oe = org_list_match(&sc->orgs, o->org, strlen(o->org));
		if (!oe) {
			char codes[256];
			org_list_codes(&sc->orgs, codes, sizeof codes);
			return err_set(e, ERR_USAGE, _("--org %s: no such organization (there are: %s)"),
				       o->org, codes);
		}
		sc->only = (int)(oe - sc->orgs.v);
	}
	bool has_unit = o->unit && *o->unit;
	if (has_unit && sc->only < 0)
		return err_set(e, ERR_USAGE, _("--unit needs --org: each organization has its own "
					       "unit tree"));
	if ((rc = units_load(s, t, u, e)) != 0)
		return rc;
	uint64_t unit_id = 0;
	if (has_unit && (rc = find_unit(s, t, &sc->orgs.v[sc->only], o->unit, &unit_id, e)) != 0)
		return rc;
	has_unit = unit_id != 0;	/* a path of nothing but slashes names no unit */

	for (size_t i = 0; i < norgs; i++)
		if (sc->orgs.v[i].id >= sc->norg_ids)
			sc->norg_ids = (size_t)sc->orgs.v[i].id + 1;
	size_t nids = sc->norg_ids ? sc->norg_ids : 1;
	sc->org_index = xmalloc(nids * sizeof *sc->org_index);
	sc->org_pos = xmalloc(nids * sizeof *sc->org_pos);
	memset(sc->org_index, -1, nids * sizeof *sc->org_index);
	memset(sc->org_pos, -1, nids * sizeof *sc->org_pos);
	for (size_t i = 0; i < norgs; i++)
		sc->org_pos[sc->orgs.v[i].id] = (int32_t)i;
	sc->nunit_ids = u->nids;
	sc->unit_row = xmalloc((u->nids ? u->nids : 1) * sizeof *sc->unit_row);
	memset(sc->unit_row, -1, (u->nids ? u->nids : 1) * sizeof *sc->unit_row);
	sc->path = xcalloc(norgs + 1, sizeof *sc->path);
	sc->first_row = xcalloc(norgs + 1, sizeof *sc->first_row);
	sc->none_row = xmalloc((norgs + 1) * sizeof *sc->none_row);
	for (size_t i = 0; i < norgs; i++) {
		sc->none_row[i] = -1;
		sc->first_row[i + 1] = sc->nrows;
		if (sc->only >= 0 && (size_t)sc->only != i) {
			sc->path[i] = xstrdup("");
			continue;
		}
		sc->org_index[sc->orgs.v[i].id] = (int32_t)i;
		uint64_t top = unit_id;
		if (!has_unit) {
			/* A tree with a single top (the province) is reported by its children. */
			size_t ntops = 0;
			for (size_t k = 0; k < u->n; k++)
				if (u->org[k] == sc->orgs.v[i].id && u->parent[k] == 0) {
					ntops++;
					top = u->id[k];
				}
			if (ntops != 1)
				top = 0;
		}
		struct buf path = BUF_INIT;
		if (top && (rc = unit_path_text(s, t, top, &path, e)) != 0) {
			buf_free(&path);
			return rc;
		}
		sc->path[i] = buf_steal(&path);
		if (!sc->path[i])
			sc->path[i] = xstrdup("");
		org_rows(sc, u, i, top, !has_unit);
	}
	return 0;
}

void scope_free(struct scope *sc)
{
	for (size_t i = 0; i < sc->nrows; i++)
		free(sc->rows[i].label);
	free(sc->rows);
	for (size_t i = 0; sc->path && i < sc->orgs.n; i++)
		free(sc->path[i]);
	free(sc->path);
	free(sc->first_row);
	free(sc->none_row);
	free(sc->unit_row);
	free(sc->org_index);
	free(sc->org_pos);
	org_list_free(&sc->orgs);
	units_free(&sc->units);
	memset(sc, 0, sizeof *sc);
}

void report_grow(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 1024;
	while (c < need)
		c *= 2;
	*p = xrealloc(*p, c * elem);
	memset((char *)*p + *cap * elem, 0, (c - *cap) * elem);
	*cap = c;
}
