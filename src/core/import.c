/* Import, part two: batches written in transactions, persons recognised, rejects written. */
#include "core/import_priv.h"

#include "core/date.h"
#include "store/store.h"
#include "text/fold.h"
#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <errno.h>
#include <inttypes.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_BATCH 1000
#define MAX_WARNINGS_KEPT 20

/* ---- writing a batch ------------------------------------------------------------------- */

static bool cache_get(struct hmap *a, struct hmap *b, const char *k, size_t n, uint64_t *v)
{
	return hmap_get(a, k, n, v) || hmap_get(b, k, n, v);
}

static void on_unit_created(uint64_t id, const char *path, void *ctx)
{
	struct importer *im = ctx;
	(void)id;
	buf_printf(&im->units_created, "%s: ", im->cur_org ? im->cur_org->code : "?");
	buf_adds(&im->units_created, path);
	buf_addc(&im->units_created, '\n');
	im->nunits_created++;
}

/* The key of a row's unit in the importer's caches, in im->ukey: the organization (8 bytes),
 * then the path's key.  Made for every row, so without printf or an allocation. */
static const struct buf *unit_cache_key(struct importer *im, uint64_t org, const struct row *w)
{
	unsigned char ob[8];
	be64_put(ob, org);
	buf_reset(&im->ukey);
	buf_add(&im->ukey, ob, sizeof ob);
	buf_add(&im->ukey, w->unit->key.p, w->unit->key.len);
	return &im->ukey;
}

static int resolve_unit(struct importer *im, struct store_txn *t, uint64_t org,
			const struct row *w, uint64_t *unit_id, struct err *e)
{
	*unit_id = 0;
	if (!w->unit)
		return 0;
	int rc = 0;
	const struct buf *key = unit_cache_key(im, org, w);
	if (!cache_get(&im->units, &im->units_new, key->p, key->len, unit_id)) {
		rc = unit_path_resolve(im->s, t, org, &w->unit->path, true, unit_id, on_unit_created,
				       im, e);
		/* unit_path_resolve does not use im->ukey: key is still this row's. */
		if (rc == 0)
			hmap_put(&im->units_new, key->p, key->len, *unit_id);
	}
	return rc;
}

static bool same_folded(const char *a, const char *b)
{
	struct buf fa = BUF_INIT, fb = BUF_INIT;
	vn_fold(&fa, a ? a : "", a ? strlen(a) : 0);
	vn_fold(&fb, b ? b : "", b ? strlen(b) : 0);
	bool same = strcmp(buf_str(&fa), buf_str(&fb)) == 0;
	buf_free(&fa);
	buf_free(&fb);
	return same;
}

struct member_match {
	uint64_t org, unit;
	struct membership found;
	bool hit;
	bool other_unit;	/* a membership in the same organization, another unit */
};

static int match_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct member_match *mm = ctx;
	if (m->org_id != mm->org)
		return 0;
	if (m->unit_id == mm->unit) {
		rec_copy(&REC_DEF_MEMBERSHIP, &mm->found, m);
		mm->hit = true;
		return 1;
	}
	mm->other_unit = true;
	return 0;
}

/* The candidates filed under a name key, as a chain in im->named. */
static void add_named(struct importer *im, const char *key, size_t klen, uint64_t id)
{
	uint64_t head = 0;
	hmap_get(&im->by_name, key, klen, &head);
	if (im->nnamed == im->capnamed) {
		im->capnamed = im->capnamed ? im->capnamed * 2 : 256;
		im->named = xrealloc(im->named, im->capnamed * sizeof *im->named);
	}
	im->named[im->nnamed].id = id;
	im->named[im->nnamed].next = (int64_t)head - 1;
	im->nnamed++;
	hmap_put(&im->by_name, key, klen, im->nnamed);
}

/* ---- the persons added since the stage's last merge ---------------------------------------- */

/* Slots of the map: 4 bytes each, two per person with a CCCD; full at four fifths, when the
 * stage is merged.  A slot keeps ID_BITS of the person's id (counted from the first one the map
 * took) and the rest of the key's hash as a fingerprint: a false match costs the caller one
 * record read, which it checks anyway.  10 MB: a million persons between two merges, so an
 * import of that size merges only at its end (a merge in the middle cost a tenth of it). */
#define IDMAP_SLOTS (10u << 18)
#define ID_BITS 22
#define ID_MASK ((1u << ID_BITS) - 1)

static size_t idmap_slots(const struct import_opts *o)
{
	if (!o->window)
		return IDMAP_SLOTS;
	return o->window * 2 * 5 / 4 + 2;
}

static uint64_t idmap_hash(char kind, const char *key, size_t klen)
{
	char buf[256];
	if (klen + 1 > sizeof buf)
		klen = sizeof buf - 1;
	buf[0] = kind;
	memcpy(buf + 1, key, klen);
	return hmap_hash(buf, klen + 1);
}

/* The fingerprint of a hash: its top bits, never all zero with the id (0 is an empty slot). */
static uint32_t idmap_print(uint64_t h)
{
	return (uint32_t)(h >> (32 + ID_BITS)) << ID_BITS;
}

static bool idmap_full(const struct idmap *m)
{
	return m->n * 5 >= m->cap * 4;
}

/* Where a hash starts probing: its low half scaled to the map (any size of map will do). */
static size_t idmap_start(const struct idmap *m, uint64_t h)
{
	return (size_t)(((h & 0xffffffffu) * (uint64_t)m->cap) >> 32);
}

/* Remember that person id has this key; false if the map cannot take it (merge first). */
static bool idmap_put(struct idmap *m, char kind, const char *key, size_t klen, uint64_t id)
{
	if (!m->slot)
		m->slot = xcalloc(m->cap, sizeof *m->slot);
	if (!m->n)
		m->base = id;
	if (idmap_full(m) || id < m->base || id - m->base >= ID_MASK)
		return false;
	uint64_t h = idmap_hash(kind, key, klen);
	size_t i = idmap_start(m, h);
	while (m->slot[i])
		i = i + 1 == m->cap ? 0 : i + 1;
	m->slot[i] = idmap_print(h) | (uint32_t)(id - m->base + 1);
	m->n++;
	return true;
}

/* The persons that may have this key (the caller checks each): up to max into ids. */
static size_t idmap_get(const struct idmap *m, char kind, const char *key, size_t klen,
			uint64_t *ids, size_t max)
{
	if (!m->n)
		return 0;
	uint64_t h = idmap_hash(kind, key, klen);
	uint32_t print = idmap_print(h);
	size_t n = 0;
	for (size_t i = idmap_start(m, h); m->slot[i]; i = i + 1 == m->cap ? 0 : i + 1)
		if ((m->slot[i] & ~ID_MASK) == print && n < max)
			ids[n++] = m->base + (m->slot[i] & ID_MASK) - 1;
	return n;
}

static void idmap_clear(struct idmap *m)
{
	if (m->slot)
		memset(m->slot, 0, m->cap * sizeof *m->slot);
	m->n = 0;
}

/* Who holds a CCCD: the store, this batch, or a person added since the stage's last merge. */
static int cccd_holder(struct importer *im, struct store_txn *t, const char *cccd, uint64_t *pid,
		       struct err *e)
{
	size_t n = strlen(cccd);
	if (hmap_get(&im->by_cccd, cccd, n, pid))
		return 1;
	uint64_t ids[8];
	size_t k = idmap_get(&im->idmap, 'C', cccd, n, ids, 8);
	for (size_t i = 0; i < k; i++) {
		struct person p = { 0 };
		int rc = store_get(im->s, t, REC_PERSON, ids[i], &p, e);
		bool same = rc == 0 && p.cccd && strcmp(p.cccd, cccd) == 0;
		rec_clear(&REC_DEF_PERSON, &p);
		if (rc == -ERR_NOTFOUND) {
			err_clear(e);
			continue;
		}
		if (rc)
			return rc;
		if (same) {
			*pid = ids[i];
			return 1;
		}
	}
	return 0;
}

struct sweep_ctx {
	struct importer *im;
	const struct buf *keys;
	size_t *offs;			/* start of key i in keys */
	bool names;
};

static void on_sweep(size_t i, uint64_t id, void *arg)
{
	struct sweep_ctx *sc = arg;
	const char *k = sc->keys->p + sc->offs[i] + 4;
	size_t n = be32_get((const unsigned char *)sc->keys->p + sc->offs[i]);
	if (sc->names)
		add_named(sc->im, k, n, id);
	else
		hmap_put(&sc->im->by_cccd, k, n, id);
}

struct keyref {
	const char *p;
	size_t n;
};

static int cmp_keyref(const void *a, const void *b)
{
	const struct keyref *x = a, *y = b;
	int c = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);
	return c ? c : (x->n > y->n) - (x->n < y->n);
}

/* Look up a set of keys in one sorted sweep of an index. */
static int sweep(struct importer *im, struct store_txn *t, enum store_key kind,
		 struct keyref *refs, size_t n, struct err *e)
{
	qsort(refs, n, sizeof *refs, cmp_keyref);
	struct buf keys = BUF_INIT;
	size_t *offs = xcalloc(n ? n : 1, sizeof *offs), m = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && cmp_keyref(&refs[i - 1], &refs[i]) == 0)
			continue;
		unsigned char len[4];
		be32_put(len, (uint32_t)refs[i].n);
		offs[m++] = keys.len;
		buf_add(&keys, len, 4);
		buf_add(&keys, refs[i].p, refs[i].n);
	}
	struct sweep_ctx sc = { im, &keys, offs, kind == STORE_KEY_NAME };
	int rc = store_sweep(im->s, t, kind, &keys, on_sweep, &sc, e);
	buf_free(&keys);
	free(offs);
	return rc;
}

/* Before the rows of a batch: who their CCCDs and names already belong to. */
static int prefetch(struct importer *im, struct store_txn *t, struct err *e)
{
	hmap_free(&im->by_cccd);
	hmap_init(&im->by_cccd);
	hmap_free(&im->by_name);
	hmap_init(&im->by_name);
	im->nnamed = 0;
	const struct batch *b = im->cur;
	struct keyref *cccds = xcalloc(b->nrows + 1, sizeof *cccds);
	struct keyref *names = xcalloc(b->nrows + 1, sizeof *names);
	size_t nc = 0, nn = 0;
	for (size_t i = 0; i < b->nrows; i++) {
		const struct row *w = &b->rows[i];
		if (w->parse_rejected)
			continue;
		if (w->p.cccd)
			cccds[nc++] = (struct keyref){ w->p.cccd, strlen(w->p.cccd) };
		else
			names[nn++] = (struct keyref){ w->name_key.p, w->name_key.len };
	}
	int rc = sweep(im, t, STORE_KEY_CCCD, cccds, nc, e);
	if (rc == 0)
		rc = sweep(im, t, STORE_KEY_NAME, names, nn, e);
	free(cccds);
	free(names);
	return rc;
}

/* Without a CCCD, the same name, birth date, organization and unit make the same person. */
static int same_by_name(struct importer *im, struct store_txn *t, const struct row *w,
			uint64_t id, uint64_t org, uint64_t unit, bool *same, struct err *e)
{
	struct person p = { 0 };
	*same = false;
	int rc = store_get(im->s, t, REC_PERSON, id, &p, e);
	if (rc == -ERR_NOTFOUND) {
		err_clear(e);
		return 0;
	}
	if (rc)
		return rc;
	bool candidate = p.birth == w->p.birth &&
			 strcmp(p.full_name ? p.full_name : "", w->p.full_name) == 0 &&
			 !(p.cccd && w->p.cccd);
	rec_clear(&REC_DEF_PERSON, &p);
	if (!candidate)
		return 0;
	struct member_match mm = { .org = org, .unit = unit };
	rc = store_each_membership_of_person(im->s, t, id, match_membership, &mm, e);
	*same = mm.hit;
	rec_clear(&REC_DEF_MEMBERSHIP, &mm.found);
	return rc < 0 ? rc : 0;
}

/* Which stored person is this row?  cur->m.id 0: a new one.  A row that contradicts the store (its
 * CCCD belongs to someone else by name) is rejected. */
static int find_person(struct importer *im, struct store_txn *t, struct row *w, uint64_t org,
		       uint64_t unit, bool by_name, struct person *cur, struct err *e)
{
	struct store *s = im->s;
	int rc;
	if (w->file_id) {
		char k[32];
		int kn = snprintf(k, sizeof k, "%" PRIu64, w->file_id);
		uint64_t pid;
		if (cache_get(&im->ids, &im->ids_new, k, (size_t)kn, &pid))
			return store_get(s, t, REC_PERSON, pid, cur, e);
		rc = store_get(s, t, REC_PERSON, w->file_id, cur, e);
		if (rc == 0 && same_folded(cur->full_name, w->p.full_name) &&
		    (!w->p.birth || !cur->birth || date_cmp(cur->birth, w->p.birth) == 0) &&
		    (!w->p.cccd || !cur->cccd || strcmp(w->p.cccd, cur->cccd) == 0)) {
			/* A CCCD the row adds must not be someone else's. */
			uint64_t holder = 0;
			int h = w->p.cccd && !cur->cccd ? cccd_holder(im, t, w->p.cccd, &holder, e) : 0;
			if (h < 0) {
				rec_clear(&REC_DEF_PERSON, cur);
				return h;
			}
			if (h > 0 && holder != cur->m.id) {
				imp_reject(w, _("CCCD %s belongs to person %" PRIu64 " in the store, not to %s "
					    "(person %" PRIu64 ")"), w->p.cccd, holder, w->p.full_name,
				       cur->m.id);
				rec_clear(&REC_DEF_PERSON, cur);
			}
			return 0;
		}
		rec_clear(&REC_DEF_PERSON, cur);
		if (rc && rc != -ERR_NOTFOUND)
			return rc;
		err_clear(e);
	}
	if (w->p.cccd) {
		uint64_t pid;
		if ((rc = cccd_holder(im, t, w->p.cccd, &pid, e)) <= 0)
			return rc;
		if ((rc = store_get(s, t, REC_PERSON, pid, cur, e)) != 0)
			return rc;
		if (!same_folded(cur->full_name, w->p.full_name)) {
			imp_reject(w, _("CCCD %s belongs to %s (person %" PRIu64 ") in the store, not to %s"),
			       w->p.cccd, cur->full_name ? cur->full_name : "", cur->m.id,
			       w->p.full_name);
			rec_clear(&REC_DEF_PERSON, cur);
		}
		return 0;
	}
	/* A unit that does not exist yet has no members to be the same person as. */
	if (!by_name)
		return 0;
	uint64_t head = 0;
	hmap_get(&im->by_name, w->name_key.p, w->name_key.len, &head);
	for (int64_t i = (int64_t)head - 1; i >= 0; i = im->named[i].next) {
		bool same;
		if ((rc = same_by_name(im, t, w, im->named[i].id, org, unit, &same, e)) != 0)
			return rc;
		if (same)
			return store_get(s, t, REC_PERSON, im->named[i].id, cur, e);
	}
	uint64_t ids[16];
	size_t k = idmap_get(&im->idmap, 'N', w->name_key.p, w->name_key.len, ids, 16);
	for (size_t i = 0; i < k; i++) {
		bool same;
		if ((rc = same_by_name(im, t, w, ids[i], org, unit, &same, e)) != 0)
			return rc;
		if (same)
			return store_get(s, t, REC_PERSON, ids[i], cur, e);
	}
	return 0;
}

/* Copy the fields the row gives onto the stored person. */
static void merge_person(const struct row *w, struct person *cur)
{
	const struct person *p = &w->p, *src = p;
	/* A name only changes to a better-written form of itself: the same letters, with marks. */
	if (!vn_has_marks(cur->full_name, strlen(cur->full_name)) &&
	    vn_has_marks(p->full_name, strlen(p->full_name)))
		imp_set_str(&cur->full_name, p->full_name);
	if (w->has[C_SEX])
		cur->sex = p->sex;
	if (w->has[C_BIRTH])
		cur->birth = p->birth;
#define TAKE(col, f) do { if (w->has[col]) imp_set_str(&cur->f, src->f ? src->f : ""); } while (0)
	TAKE(C_ETHNICITY, ethnicity);
	TAKE(C_RELIGION, religion);
	TAKE(C_CCCD, cccd);
	TAKE(C_PHONE, phone);
	TAKE(C_HOMETOWN, home_town);
	TAKE(C_ADDRESS, address);
	TAKE(C_EDUCATION, education);
	TAKE(C_QUALIFICATION, qualification);
	TAKE(C_THEORY, theory);
	TAKE(C_OCCUPATION, occupation);
	TAKE(C_WORKPLACE, workplace);
	TAKE(C_NOTES, notes);
	if (w->has[C_PARTY])
		cur->party_member = p->party_member;
	if (w->has[C_VERIFIED])
		cur->verified = p->verified;
	if (w->has[C_PARTY_DATE]) {
		cur->party_date = p->party_date;
		cur->party_member = 1;
	}
}

static void merge_membership(const struct row *w, struct membership *cur)
{
	const struct membership *m = &w->m, *src = m;
	if (w->has[C_JOIN])
		cur->join_date = m->join_date;
	TAKE(C_CARD, card_no);
	TAKE(C_ROLE, role);
	TAKE(C_STATUS_REASON, status_reason);
	if (w->has[C_STATUS])
		cur->status = m->status;
	if (w->has[C_TRANSFERRED_IN])
		cur->transferred_in = m->transferred_in;
	if (w->has[C_STATUS_DATE])
		cur->status_date = m->status_date;
#undef TAKE
}

/* Write one validated row: its unit, person and membership.  Everything that can reject the row
 * is decided before the first write, so a rejected row leaves nothing behind; *rcp is set only
 * for store failures, which abort the batch. */
static void import_row(struct importer *im, struct store_txn *t, struct row *w, struct err *e,
		       int *rcp)
{
	struct store *s = im->s;
	*rcp = 0;
	const struct org_entry *org = im->default_org;
	if (w->org_text) {
		org = org_list_match(&im->orgs, w->org_text, strlen(w->org_text));
		if (!org) {
			char codes[256];
			org_list_codes(&im->orgs, codes, sizeof codes);
			imp_reject(w, _("organization '%s' does not exist (known: %s)"), w->org_text, codes);
			return;
		}
	}
	im->cur_org = org;
	bool member_fields = w->unit || w->has[C_JOIN] || w->has[C_CARD] || w->has[C_ROLE] ||
			     w->has[C_STATUS] || w->has[C_STATUS_DATE] || w->has[C_STATUS_REASON];
	if (!org && member_fields) {
		imp_reject(w, _("no organization: the row names none and --org was not given"));
		return;
	}
	/* Resolve the person before creating any unit, so a rejected row creates nothing. */
	uint64_t unit = 0, org_id = org ? org->id : 0;
	bool known_unit = true;
	if (org && w->unit) {
		const struct buf *key = unit_cache_key(im, org->id, w);
		known_unit = cache_get(&im->units, &im->units_new, key->p, key->len, &unit);
		if (!known_unit) {
			int rc = unit_path_resolve(s, t, org->id, &w->unit->path, false, &unit, NULL,
						   NULL, e);
			if (rc == -ERR_NOTFOUND) {
				err_clear(e);
				unit = 0;
			} else if (rc) {
				*rcp = rc;
				return;
			} else {
				known_unit = true;
				hmap_put(&im->units_new, key->p, key->len, unit);
			}
		}
	}
	struct person cur = { 0 };
	/* A row without organization is a person on their own (an export lists such persons). */
	int rc = find_person(im, t, w, org_id, unit, known_unit && org, &cur, e);
	if (rc) {
		*rcp = rc;
		goto out;
	}
	if (w->out == OUT_REJECTED)
		goto out;
	if (!known_unit && (rc = resolve_unit(im, t, org_id, w, &unit, e)) != 0) {
		*rcp = rc;
		goto out;
	}
	bool added = false, updated = false;
	uint64_t pid;
	if (cur.m.id) {
		pid = cur.m.id;
		merge_person(w, &cur);
		bool changed;
		if ((rc = store_update(s, t, REC_PERSON, &cur, &changed, e)) != 0) {
			*rcp = rc;
			goto out;
		}
		updated = changed;
	} else {
		/* The row's own person is inserted (store_insert only sets its bookkeeping, and sets
		 * it afresh if the batch is run again). */
		rc = store_insert(s, t, REC_PERSON, &w->p, e);
		pid = w->p.m.id;
		if (rc) {
			*rcp = rc;
			goto out;
		}
		added = true;
		/* Later rows of the batch find this person as if it had been in the store: by CCCD,
		 * and by name for rows that give none. */
		if (w->p.cccd)
			hmap_put(&im->by_cccd, w->p.cccd, strlen(w->p.cccd), pid);
		add_named(im, w->name_key.p, w->name_key.len, pid);
		w->new_pid = pid;
	}
	if (w->file_id) {
		char k[32];
		int kn = snprintf(k, sizeof k, "%" PRIu64, w->file_id);
		hmap_put(&im->ids_new, k, (size_t)kn, pid);
	}
	struct member_match mm = { .org = org_id, .unit = unit };
	if (!org) {
		w->out = added ? OUT_ADDED : updated ? OUT_UPDATED : OUT_UNCHANGED;
		goto out;
	}
	if (!added && (rc = store_each_membership_of_person(s, t, pid, match_membership, &mm, e)) < 0) {
		*rcp = rc;
		goto out;
	}
	if (mm.hit) {
		merge_membership(w, &mm.found);
		bool changed;
		rc = store_update(s, t, REC_MEMBERSHIP, &mm.found, &changed, e);
		updated = updated || changed;
	} else {
		struct membership nm = { 0 };
		rec_copy(&REC_DEF_MEMBERSHIP, &nm, &w->m);
		nm.person_id = pid;
		nm.org_id = org_id;
		nm.unit_id = unit;
		rc = store_insert(s, t, REC_MEMBERSHIP, &nm, e);
		rec_clear(&REC_DEF_MEMBERSHIP, &nm);
		added = true;
		if (mm.other_unit)
			imp_warn(w, _("%s is now in two units of %s"), w->p.full_name, org->code);
	}
	rec_clear(&REC_DEF_MEMBERSHIP, &mm.found);
	if (rc) {
		*rcp = rc;
		goto out;
	}
	w->out = added ? OUT_ADDED : updated ? OUT_UPDATED : OUT_UNCHANGED;
out:
	rec_clear(&REC_DEF_PERSON, &cur);
}

static void reset_batch_state(struct importer *im)
{
	hmap_free(&im->units_new);
	hmap_init(&im->units_new);
	hmap_free(&im->ids_new);
	hmap_init(&im->ids_new);
	buf_reset(&im->units_created);
	im->nunits_created = 0;
}

static int batch_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	(void)s;
	struct importer *im = ctx;
	reset_batch_state(im);
	int prc = prefetch(im, t, e);
	if (prc)
		return prc;
	for (size_t i = 0; i < im->cur->nrows; i++) {
		struct row *w = &im->cur->rows[i];
		if (w->parse_rejected)
			continue;
		/* This batch may be a retry after a deadlock: forget the last attempt's verdict. */
		w->out = OUT_NONE;
		w->new_pid = 0;
		XFREE(w->reason);
		w->warn.len = w->warn_parsed;
		if (w->warn.p)
			w->warn.p[w->warn.len] = '\0';
		int rc;
		import_row(im, t, w, e, &rc);
		if (rc)
			return rc;
	}
	return 0;
}

static void merge_cache(struct hmap *into, struct hmap *from)
{
	for (size_t i = 0; i < from->cap; i++)
		if (from->slots[i].key)
			hmap_put(into, from->slots[i].key, from->slots[i].klen, from->slots[i].val);
}

/* ---- rejects and the driver -------------------------------------------------------------- */

/* Where rejected rows go: --rejects, else the input's name with .rejects.csv. */
static char *rejects_dest(const struct import_opts *o)
{
	if (o->rejects)
		return xstrdup(o->rejects);
	size_t n = strlen(o->path);
	char *def = xmalloc(n + 16);
	const char *dot = strrchr(o->path, '.');
	const char *slash = strrchr(o->path, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - o->path) : n;
	snprintf(def, n + 16, "%.*s.rejects.csv", (int)stem, o->path);
	return def;
}

static int open_rejects(struct importer *im, struct err *e)
{
	if (im->rejects)
		return 0;
	char *dest = rejects_dest(im->o);
	int rc = atomic_open(&im->rejects_file, dest, e);
	if (rc == 0) {
		im->rejects = im->rejects_file.f;
		im->r->rejects_path = xstrdup(dest);
		fputs("\xEF\xBB\xBF", im->rejects);
		/* The header: the file's own, after the row number and the reason (a rejects file
		 * being imported again does not get them twice). */
		csv_write_field(im->rejects, "Dòng lỗi", strlen("Dòng lỗi"), im->delim, true);
		csv_write_field(im->rejects, "Lỗi", strlen("Lỗi"), im->delim, false);
		for (size_t i = 0; i < im->ncols; i++)
			if (im->map[i] != C_REJECT_INFO)
				csv_write_field(im->rejects, im->header_text[i],
						strlen(im->header_text[i]), im->delim, false);
		csv_end_row(im->rejects);
	}
	free(dest);
	return rc;
}

static int write_reject(struct importer *im, const struct row *w, const char *reason,
			struct err *e)
{
	int rc = open_rejects(im, e);
	if (rc)
		return rc;
	char num[32];
	int n = snprintf(num, sizeof num, "%zu", w->recno);
	csv_write_field(im->rejects, num, (size_t)n, im->delim, true);
	csv_write_field(im->rejects, reason, strlen(reason), im->delim, false);
	for (size_t i = 0; i < w->nraw; i++)
		if (i >= im->ncols || im->map[i] != C_REJECT_INFO)
			csv_write_field(im->rejects, w->raw[i], w->rawlen[i], im->delim, false);
	csv_end_row(im->rejects);
	return 0;
}

static void add_warning(struct importer *im, size_t recno, const char *text)
{
	struct import_report *r = im->r;
	if (r->nwarnings++ < MAX_WARNINGS_KEPT)
		buf_printf(&r->warnings, _("row %zu: %s\n"), recno, text);
}

/* CCCD clashes the store found while filing the import's persons (one per line). */
static void add_conflicts(struct importer *im, const struct buf *lines)
{
	struct import_report *r = im->r;
	const char *p = lines->len ? buf_str(lines) : "";
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (r->nwarnings++ < MAX_WARNINGS_KEPT) {
			buf_add(&r->warnings, p, n);
			buf_addc(&r->warnings, '\n');
		}
		p += n + (nl ? 1 : 0);
	}
}

/* Merge what the store holds back into its indexes: the persons added so far can then be
 * swept like any other, and the map starts again. */
static int merge_stage(struct importer *im, struct err *e)
{
	struct buf conflicts = BUF_INIT;
	int rc = store_stage_merge(im->s, &conflicts, e);
	add_conflicts(im, &conflicts);
	buf_free(&conflicts);
	idmap_clear(&im->idmap);
	return rc;
}

/* After a batch has committed: its new persons go into the map (or, the map full, the stage
 * is merged and they are in the indexes). */
static int remember_new(struct importer *im, struct err *e)
{
	if (!im->staged)
		return 0;
	for (size_t i = 0; i < im->cur->nrows; i++) {
		const struct row *w = &im->cur->rows[i];
		if (!w->new_pid)
			continue;
		bool ok = idmap_put(&im->idmap, 'N', w->name_key.p, w->name_key.len, w->new_pid) &&
			  (!w->p.cccd ||
			   idmap_put(&im->idmap, 'C', w->p.cccd, strlen(w->p.cccd), w->new_pid));
		if (!ok)
			return merge_stage(im, e);
	}
	if (idmap_full(&im->idmap) || store_stage_full(im->s))
		return merge_stage(im, e);
	return 0;
}

/* Write batch b, then count its rows and write its rejects and warnings. */
static int flush_batch(struct importer *im, struct batch *b, struct err *e)
{
	if (b->nrows == 0)
		return 0;
	im->cur = b;
	int rc = store_write_bulk(im->s, batch_fn, im, e);
	if (rc == 0) {
		merge_cache(&im->units, &im->units_new);
		merge_cache(&im->ids, &im->ids_new);
		buf_adds(&im->r->units, buf_str(&im->units_created));
		im->r->nunits += im->nunits_created;
		rc = remember_new(im, e);
	}
	reset_batch_state(im);
	for (size_t i = 0; rc == 0 && i < b->nrows; i++) {
		struct row *w = &b->rows[i];
		switch (w->out) {
		case OUT_ADDED: im->r->added++; break;
		case OUT_UPDATED: im->r->updated++; break;
		case OUT_UNCHANGED: im->r->unchanged++; break;
		default:
			im->r->rejected++;
			rc = write_reject(im, w, w->reason ? w->reason : "?", e);
			break;
		}
		if (w->warn.len && w->out != OUT_REJECTED)
			add_warning(im, w->recno, buf_str(&w->warn));
	}
	im->cur = NULL;
	store_checkpoint(im->s);
	return rc;
}

static int load_orgs(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct importer *im = ctx;
	org_list_free(&im->orgs);
	return org_list_load(s, t, &im->orgs, e);
}

int import_csv(struct store *s, const struct import_opts *o, struct import_report *r,
	       struct err *e)
{
	memset(r, 0, sizeof *r);
#ifdef M_MMAP_THRESHOLD
	/* Buffers of a megabyte and more (the runs of index entries, a few MB each, allocated and
	 * freed over and over by three threads) come from and go back to the system.  glibc would
	 * otherwise raise the threshold to the largest buffer freed and keep such buffers in a
	 * heap that fragments: measured, 10 MB more at the peak of a million-row import. */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	/* Setting it also fixes the trim threshold at 128 KB: every merge transaction's array
	 * of changes (half a megabyte) went back to the system and was faulted in again. */
	mallopt(M_TRIM_THRESHOLD, 2 << 20);
#endif
	struct importer *im = xcalloc(1, sizeof *im);
	im->s = s;
	im->o = o;
	im->r = r;
	hmap_init(&im->units);
	hmap_init(&im->units_new);
	hmap_init(&im->ids);
	hmap_init(&im->ids_new);
	hmap_init(&im->by_cccd);
	hmap_init(&im->by_name);
	size_t batch = o->batch ? o->batch : DEFAULT_BATCH;
	FILE *f = NULL;
	struct csv_reader *rd = NULL;
	struct imp_feed *feed = NULL;
	int rc = store_read(s, load_orgs, im, e);
	if (rc)
		goto out;
	if (o->org && *o->org) {
		im->default_org = org_list_match(&im->orgs, o->org, strlen(o->org));
		if (!im->default_org) {
			char codes[256];
			org_list_codes(&im->orgs, codes, sizeof codes);
			rc = err_set(e, ERR_USAGE, _("--org %s: no such organization (known: %s)"), o->org,
				     codes);
			goto out;
		}
	}
	if (o->unit && *o->unit &&
	    (rc = unit_path_parse(o->unit, strlen(o->unit), &im->default_unit, e)) != 0)
		goto out;
	int st = store_stage_begin(s, e);
	if (st < 0) {
		rc = st;
		goto out;
	}
	im->staged = st == 0;
	im->idmap.cap = idmap_slots(o);
	f = fopen(o->path, "rb");
	if (!f) {
		rc = err_set(e, ERR_IO, _("cannot open: %s"), strerror(errno));
		err_where(e, "%s", o->path);
		goto out;
	}
	if ((rc = imp_encoding(im, f, e)) != 0)
		goto out;
	rd = csv_open(f, o->path);
	if ((rc = imp_read_header(im, rd, e)) != 0) {
		if (!e->where[0])
			err_where(e, "%s", o->path);
		goto out;
	}
	/* The rows are read and parsed a batch ahead, on another thread, while this one writes. */
	feed = imp_feed_start(im, rd, batch);
	struct batch *b;
	while ((b = imp_feed_next(feed)) != NULL) {
		r->read += b->nrows;
		if (b->rc) {
			/* Reading failed: the import stops, the rows of this last batch unwritten. */
			rc = b->rc;
			*e = b->err;
			goto out;
		}
		if ((rc = flush_batch(im, b, e)) != 0)
			goto out;
		imp_feed_done(feed, b);
	}
	if (rc == 0 && r->rejected == 0 && !o->rejects) {
		/* A rejects file left by an earlier run would say rows are missing that are not.
		 * (Only the one hoivien names itself: a --rejects FILE is the user's.) */
		char *dest = rejects_dest(o);
		if (path_is_file(dest) && unlink(dest) == 0)
			r->stale_rejects = dest;
		else
			free(dest);
	}
out:
	imp_feed_free(&feed);
	if (im->staged) {
		/* What committed is filed even when the import stopped on an error. */
		struct buf conflicts = BUF_INIT;
		struct err se;
		err_clear(&se);
		int src = store_stage_end(s, &conflicts, &se);
		add_conflicts(im, &conflicts);
		buf_free(&conflicts);
		if (src && !rc) {
			rc = src;
			*e = se;
		}
	}
	free(im->idmap.slot);
	if (im->rejects) {
		int c = atomic_commit(&im->rejects_file, rc ? NULL : e);
		if (c && !rc)
			rc = c;
	}
	csv_close(&rd);
	if (f)
		fclose(f);
	for (size_t i = 0; i < im->ncols; i++)
		free(im->header_text[i]);
	org_list_free(&im->orgs);
	unit_path_free(&im->default_unit);
	imp_units_seen_free(im);
	buf_free(&im->ukey);
	hmap_free(&im->units);
	hmap_free(&im->units_new);
	hmap_free(&im->ids);
	hmap_free(&im->ids_new);
	hmap_free(&im->by_cccd);
	hmap_free(&im->by_name);
	free(im->named);
	buf_free(&im->units_created);
	imp_encoding_free(im);
	free(im);
	return rc;
}

void import_report_free(struct import_report *r)
{
	buf_free(&r->units);
	buf_free(&r->warnings);
	buf_free(&r->ignored);
	free(r->rejects_path);
	free(r->stale_rejects);
	memset(r, 0, sizeof *r);
}
