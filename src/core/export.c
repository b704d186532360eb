/* CSV export from a read snapshot of the store. */
#include "core/export.h"

#include "core/columns.h"
#include "core/csv.h"
#include "core/orgs.h"
#include "core/record.h"
#include "core/unitpath.h"
#include "store/store.h"
#include "util/err.h"
#include "util/hmap.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct exporter {
	const struct export_opts *o;
	FILE *f;
	struct store *s;
	struct store_txn *t;
	struct org_list orgs;
	const struct org_entry *only;
	struct hmap unit_paths;		/* unit id -> index into paths */
	char **paths;
	size_t npaths;
	uint64_t rows;
	const struct person *p;
	bool any;
	struct err *e;
};

static void field(struct exporter *x, const char *s, bool first)
{
	csv_write_field(x->f, s ? s : "", s ? strlen(s) : 0, ',', first);
}

static int unit_path_of(struct exporter *x, uint64_t id, const char **out)
{
	*out = "";
	if (!id)
		return 0;
	char k[24];
	int kn = snprintf(k, sizeof k, "%" PRIu64, id);
	uint64_t idx;
	if (hmap_get(&x->unit_paths, k, (size_t)kn, &idx)) {
		*out = x->paths[idx];
		return 0;
	}
	struct buf b = BUF_INIT;
	int rc = unit_path_text(x->s, x->t, id, &b, x->e);
	if (rc) {
		buf_free(&b);
		return rc;
	}
	x->paths = xrealloc(x->paths, (x->npaths + 1) * sizeof *x->paths);
	x->paths[x->npaths] = buf_steal(&b);
	hmap_put(&x->unit_paths, k, (size_t)kn, x->npaths);
	*out = x->paths[x->npaths++];
	return 0;
}

static const char *text_of(const struct rec_def *def, const char *name, const void *rec,
			   struct buf *tmp)
{
	buf_reset(tmp);
	rec_field_text(rec_field(def, name), rec, tmp);
	return buf_str(tmp);
}

/* One row: the person's columns, then the membership's (m may be NULL). */
static int write_row(struct exporter *x, const struct membership *m)
{
	const struct person *p = x->p;
	struct buf tmp = BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < col_export_count; i++) {
		enum col c = col_export_order[i];
		const char *v = col_person_text(c, p, &tmp);
		char num[24];
		if (!v) {
			v = "";
			switch (c) {
			case C_ID:
				snprintf(num, sizeof num, "%" PRIu64, p->m.id);
				v = num;
				break;
			case C_ORG:
				if (m) {
					const struct org_entry *o = org_list_by_id(&x->orgs, m->org_id);
					v = o ? o->code : "";
				}
				break;
			case C_UNIT:
				if (m && (rc = unit_path_of(x, m->unit_id, &v)) != 0)
					goto out;
				break;
			case C_JOIN:
				if (m)
					v = text_of(&REC_DEF_MEMBERSHIP, "join_date", m, &tmp);
				break;
			case C_CARD: v = m ? m->card_no : ""; break;
			case C_ROLE: v = m ? m->role : ""; break;
			case C_STATUS:
				if (m)
					v = text_of(&REC_DEF_MEMBERSHIP, "status", m, &tmp);
				break;
			case C_STATUS_DATE:
				if (m)
					v = text_of(&REC_DEF_MEMBERSHIP, "status_date", m, &tmp);
				break;
			case C_STATUS_REASON: v = m ? m->status_reason : ""; break;
			case C_TRANSFERRED_IN:
				if (m)
					v = text_of(&REC_DEF_MEMBERSHIP, "transferred_in", m, &tmp);
				break;
			default: break;
			}
		}
		field(x, v, i == 0);
	}
	csv_end_row(x->f);
	x->rows++;
out:
	buf_free(&tmp);
	return rc;
}

static int each_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct exporter *x = ctx;
	x->any = true;
	if (x->only && m->org_id != x->only->id)
		return 0;
	return write_row(x, m);
}

static int each_person(const void *rec, void *ctx)
{
	struct exporter *x = ctx;
	x->p = rec;
	x->any = false;
	int rc = store_each_membership_of_person(x->s, x->t, x->p->m.id, each_membership, x, x->e);
	if (rc == 0 && !x->any && !x->only)
		rc = write_row(x, NULL);
	if (rc == 0 && ferror(x->f))
		rc = err_set(x->e, ERR_IO, _("write error"));
	return rc;
}

static int export_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct exporter *x = ctx;
	x->t = t;
	x->e = e;
	x->rows = 0;
	/* A retried transaction starts the file again. */
	if (x->f != stdout) {
		rewind(x->f);
		if (ftruncate(fileno(x->f), 0) != 0)
			return err_set(e, ERR_IO, _("write error"));
	}
	org_list_free(&x->orgs);
	int rc = org_list_load(s, t, &x->orgs, e);
	if (rc)
		return rc;
	if (x->o->org && *x->o->org) {
		x->only = org_list_match(&x->orgs, x->o->org, strlen(x->o->org));
		if (!x->only)
			return err_set(e, ERR_USAGE, _("--org %s: no such organization"), x->o->org);
	}
	fputs("\xEF\xBB\xBF", x->f);
	for (size_t i = 0; i < col_export_count; i++)
		field(x, col_header(col_export_order[i]), i == 0);
	csv_end_row(x->f);
	return store_each(s, t, REC_PERSON, each_person, x, e);
}

int export_csv(struct store *s, const struct export_opts *o, uint64_t *rows, struct err *e)
{
	struct exporter x = { .o = o, .s = s };
	hmap_init(&x.unit_paths);
	struct atomic_file af;
	int rc = atomic_open(&af, o->path, e);
	if (rc)
		goto out;
	x.f = af.f;
	rc = store_read(s, export_fn, &x, e);
	if (rc == 0)
		rc = atomic_commit(&af, e);
	else
		atomic_abort(&af);
	*rows = x.rows;
out:
	org_list_free(&x.orgs);
	for (size_t i = 0; i < x.npaths; i++)
		free(x.paths[i]);
	free(x.paths);
	hmap_free(&x.unit_paths);
	return rc;
}
