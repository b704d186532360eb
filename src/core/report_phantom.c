/* The real-members report (phantom): the five tests of a real member by unit, and the list of
 * the members who fail one.
 *
 * Like stats, two sequential passes (report.c).  Pass 1 reads the persons and keeps one byte
 * per person id: seen, no identity (test 1) and the name's problem (test 2: vn_name_check with
 * its word cache, so a million names cost some thousands of syllable checks).  Pass 2 reads the
 * memberships; each one counted in the scope is tested (test 3 against the unit tree, read
 * first), added to its row and to its organization's total and, when it fails a test, kept for
 * the list: person id, row, unit and what fails, 24 bytes.
 *
 * The list goes by unit, then in official name order.  Pass 1 keeps the names of the persons
 * who fail test 1 or 2 (most of the list) while they take less than STASH_MAX; the list is then
 * made a group of whole units at a time (GROUP_MAX memberships), the names the stash lacks read
 * by id when they are few or in one more pass over the persons, sorted on their collation keys
 * and handed out.  Where a tenth of the members fail that is one group and no more reading;
 * however many fail, memory is bounded by the stash and a group (but for a single unit with
 * more failing members than a group, which is read whole). */
#include "core/report_priv.h"

#include "core/settings.h"
#include "store/store.h"
#include "text/collate.h"
#include "text/name.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define GROUP_MAX 262144	/* failing memberships whose names are held at once */
#define STASH_MAX (24u << 20)	/* bytes of names kept from pass 1 */
/* A group's persons are read one by one when they are fewer than one in GET_RATIO of the
 * register: a random read costs about what 40 records of a sequential pass do. */
#define GET_RATIO 64
#define MAX_DEPTH 64		/* a unit tree deeper than this has a loop */

/* What pass 1 keeps of a person (a byte): bits 0 and 1, then the name's problem from bit 2. */
enum { F_SEEN = 1, F_NOID = 2, F_NAME_SHIFT = 2 };
#define F_NAME(f) (((f) >> F_NAME_SHIFT) & 15u)

#define NO_RANK UINT32_MAX

struct ph_entry {
	uint64_t person;
	uint32_t row;
	uint32_t rank;		/* the unit's place in tree order; NO_RANK: no unit, or none such */
	uint8_t fails;		/* bits of enum phantom_test */
	uint8_t name_problem;
};

struct phantom_list {
	struct scope sc;
	uint64_t *top;		/* [sc.orgs.n]: the scope unit of each organization, or 0 */
	/* Over the scope's units (sc.units, by index in id order): */
	bool *has_child;	/* a unit of the same organization under it */
	uint32_t *rank;		/* depth first, children in id order */
	uint32_t *by_rank;	/* the unit index of a rank */
	struct ph_entry *v;	/* the failing memberships, by unit then person id */
	size_t n, cap;
	uint64_t max_person;
	struct stashed {
		uint64_t id;
		uint32_t off, len;	/* in snames */
		hv_date birth;
	} *stash;		/* by id: persons failing test 1 or 2, names kept from pass 1 */
	size_t ns, scap;
	struct buf snames;
};

struct ph_run {
	const struct report_opts *o;
	struct report_phantom *out;
	struct phantom_list *l;
	uint8_t *flags;		/* by person id */
	size_t nflags;
	struct phantom_row **row_v, **total_v;	/* [sc.nrows] */
	struct rec_pick ppk, mpk;
	struct vn_name_checker *names;
};

static void list_reset(struct phantom_list *l)
{
	scope_free(&l->sc);
	free(l->top);
	free(l->has_child);
	free(l->rank);
	free(l->by_rank);
	free(l->v);
	free(l->stash);
	buf_free(&l->snames);
	memset(l, 0, sizeof *l);
}

static void tables_free(struct report_phantom *r)
{
	for (size_t i = 0; i < r->ntables; i++) {
		struct phantom_table *tb = &r->tables[i];
		for (size_t k = 0; k < tb->nrows; k++)
			free(tb->rows[k].label);
		free(tb->rows);
		free(tb->total.label);
		free(tb->code);
		free(tb->name);
		free(tb->word);
		free(tb->scope);
	}
	XFREE(r->tables);
	r->ntables = 0;
}

/* Children, and the tree order of the units: depth first from each top, children in id order,
 * then whatever no top reaches (a broken tree) in id order. */
static void rank_units(struct phantom_list *l)
{
	const struct report_units *units = &l->sc.units;
	size_t n = units->n;
	l->has_child = xcalloc(n + 1, sizeof *l->has_child);
	l->rank = xmalloc((n + 1) * sizeof *l->rank);
	l->by_rank = xmalloc((n + 1) * sizeof *l->by_rank);
	int32_t *first = xmalloc((n + 1) * sizeof *first), *next = xmalloc((n + 1) * sizeof *next);
	int32_t *parent = xmalloc((n + 1) * sizeof *parent), *stack = xmalloc((n + 1) * sizeof *stack);
	for (size_t i = 0; i < n; i++) {
		first[i] = -1;
		l->rank[i] = NO_RANK;
		int32_t p = units->parent[i] ? report_unit_index(units, units->parent[i]) : -1;
		if (p == (int32_t)i || (p >= 0 && units->org[p] != units->org[i]))
			p = -1;
		parent[i] = p;
	}
	/* Each list is built from its last child back, so that it holds them in id order. */
	for (size_t i = n; i-- > 0;)
		if (parent[i] >= 0) {
			next[i] = first[parent[i]];
			first[parent[i]] = (int32_t)i;
			l->has_child[parent[i]] = true;
		}
	uint32_t rank = 0;
	for (size_t root = 0; root < n; root++) {
		if (parent[root] >= 0)
			continue;
		size_t sp = 0;
		stack[sp++] = (int32_t)root;
		while (sp) {
			int32_t u = stack[--sp];
			if (l->rank[u] != NO_RANK)
				continue;
			l->by_rank[rank] = (uint32_t)u;
			l->rank[u] = rank++;
			/* Pushed last to first, so the first child comes out first. */
			size_t from = sp;
			for (int32_t c = first[u]; c >= 0 && sp < n; c = next[c])
				stack[sp++] = c;
			for (size_t a = from, b = sp; b > a + 1; a++, b--) {
				int32_t t = stack[a];
				stack[a] = stack[b - 1];
				stack[b - 1] = t;
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		if (l->rank[i] == NO_RANK) {
			l->by_rank[rank] = (uint32_t)i;
			l->rank[i] = rank++;
		}
	free(first);
	free(next);
	free(parent);
	free(stack);
}

/* One table per organization in scope, each scope row pointing at the figures it adds to. */
static void lay_out(struct ph_run *r)
{
	const struct scope *sc = &r->l->sc;
	struct report_phantom *out = r->out;
	out->as_of = sc->as_of;
	out->tables = xcalloc(sc->orgs.n + 1, sizeof *out->tables);
	r->l->top = xcalloc(sc->orgs.n + 1, sizeof *r->l->top);
	r->row_v = xcalloc(sc->nrows + 1, sizeof *r->row_v);
	r->total_v = xcalloc(sc->nrows + 1, sizeof *r->total_v);
	for (size_t i = 0; i < sc->orgs.n; i++) {
		if (sc->only >= 0 && (size_t)sc->only != i)
			continue;
		const struct org_entry *oe = &sc->orgs.v[i];
		struct phantom_table *tb = &out->tables[out->ntables++];
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
			const struct scope_row *sr = &sc->rows[g];
			tb->rows[k].kind = sr->kind;
			tb->rows[k].unit_id = sr->unit_id;
			tb->rows[k].label = xstrdup(sr->label);
			r->row_v[g] = &tb->rows[k];
			r->total_v[g] = &tb->total;
			if (sr->kind == REPORT_ROW_DIRECT)
				r->l->top[i] = sr->unit_id;
		}
	}
}

/* A CCCD (12 digits) or an old CMND (9). */
static bool id_number(const char *s, size_t n)
{
	if (n != 12 && n != 9)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int each_person(uint64_t id, const void *data, size_t n, void *ctx)
{
	struct ph_run *r = ctx;
	struct rec_val v[4];	/* full_name, cccd, verified, birth */
	if (rec_pick(&r->ppk, data, n, v) != 0)
		return 0;
	unsigned f = F_SEEN;
	if (!v[2].i && !id_number(v[1].s, v[1].len))
		f |= F_NOID;
	f |= (unsigned)vn_name_check(r->names, v[0].s, v[0].len) << F_NAME_SHIFT;
	struct phantom_list *l = r->l;
	if (f != F_SEEN && l->snames.len + l->ns * sizeof *l->stash + v[0].len < STASH_MAX) {
		if (l->ns == l->scap) {
			l->scap = l->scap ? l->scap * 2 : 1024;
			l->stash = xrealloc(l->stash, l->scap * sizeof *l->stash);
		}
		l->stash[l->ns++] = (struct stashed){ id, (uint32_t)l->snames.len, (uint32_t)v[0].len,
						      (hv_date)v[3].u };
		buf_add(&l->snames, v[0].s, v[0].len);
	}
	report_grow((void **)&r->flags, &r->nflags, id + 1, sizeof *r->flags);
	r->flags[id] = (uint8_t)f;
	if (id > r->l->max_person)
		r->l->max_person = id;
	return 0;
}

static void add_member(struct phantom_row *row, unsigned fails)
{
	row->members++;
	for (int t = 0; t < PT__COUNT; t++)
		row->fail[t] += fails >> t & 1;
	row->real += fails == 0;
}

static int each_membership(uint64_t id, const void *data, size_t n, void *ctx)
{
	(void)id;
	struct ph_run *r = ctx;
	struct phantom_list *l = r->l;
	struct rec_val v[6];	/* person_id, org_id, unit_id, join_date, status, status_date */
	if (rec_pick(&r->mpk, data, n, v) != 0)
		return 0;
	if (!report_counted((hv_date)v[3].u, v[4].i, (hv_date)v[5].u, l->sc.as_of))
		return 0;
	int32_t row = scope_row_of(&l->sc, v[1].u, v[2].u);
	if (row < 0)
		return 0;
	uint64_t p = v[0].u;
	/* A person record that is missing has neither identity nor name. */
	unsigned f = p < r->nflags && (r->flags[p] & F_SEEN) ? r->flags[p]
		: F_NOID | (unsigned)VN_NAME_EMPTY << F_NAME_SHIFT;
	unsigned fails = 0;
	if (f & F_NOID)
		fails |= 1u << PT_EXISTS;
	if (F_NAME(f))
		fails |= 1u << PT_NAME;
	int32_t ui = report_unit_index(&l->sc.units, v[2].u);
	if (ui < 0 || l->sc.units.org[ui] != v[1].u || l->has_child[ui])
		fails |= 1u << PT_BRANCH;
	add_member(r->row_v[row], fails);
	add_member(r->total_v[row], fails);
	if (!fails)
		return 0;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 1024;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (struct ph_entry){ .person = p, .row = (uint32_t)row,
					  .rank = ui >= 0 ? l->rank[ui] : NO_RANK,
					  .fails = (uint8_t)fails, .name_problem = (uint8_t)F_NAME(f) };
	return 0;
}

static int phantom_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct ph_run *r = ctx;
	/* A retried transaction starts again from nothing. */
	list_reset(r->l);
	XFREE(r->flags);
	XFREE(r->row_v);
	XFREE(r->total_v);
	r->nflags = 0;
	tables_free(r->out);

	int rc = scope_build(s, t, r->o, &r->l->sc, e);
	if (rc)
		return rc;
	rank_units(r->l);
	lay_out(r);
	if ((rc = store_scan(s, t, REC_PERSON, each_person, r, e)) != 0)
		return rc;
	return store_scan(s, t, REC_MEMBERSHIP, each_membership, r, e);
}

static int cmp_entry(const void *a, const void *b)
{
	const struct ph_entry *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->person < y->person ? -1 : x->person > y->person;
}

int report_phantom(struct store *s, const struct report_opts *o, struct report_phantom *out,
		   struct err *e)
{
	static const char *const pnames[] = { "full_name", "cccd", "verified", "birth" };
	static const char *const mnames[] = { "person_id", "org_id", "unit_id", "join_date",
					      "status", "status_date" };
	memset(out, 0, sizeof *out);
	out->with_data = PHANTOM_WITH_DATA;
	if (o->months < 0 || o->months > SET_MONTHS_MAX)
		return err_set(e, ERR_USAGE, _("--months %d: say a number of months from 1 to %d"),
			       o->months, SET_MONTHS_MAX);
	if (o->months) {
		out->months = o->months;
		out->months_given = true;
	} else {
		struct settings st;
		settings_init(&st);
		char *path = path_user_config("settings");
		settings_load(&st, path, NULL);	/* a bad line keeps the default */
		out->months = st.phantom_months;
		free(path);
		settings_free(&st);
	}
	struct ph_run r = { .o = o, .out = out, .l = xcalloc(1, sizeof *r.l) };
	rec_pick_init(&r.ppk, &REC_DEF_PERSON, pnames, 4);
	rec_pick_init(&r.mpk, &REC_DEF_MEMBERSHIP, mnames, 6);
	r.names = vn_name_checker_new();
	out->list = r.l;
	int rc = store_read(s, phantom_fn, &r, e);
	free(r.flags);
	free(r.row_v);
	free(r.total_v);
	vn_name_checker_free(&r.names);
	if (rc) {
		report_phantom_free(out);
		return rc;
	}
	qsort(r.l->v, r.l->n, sizeof *r.l->v, cmp_entry);
	out->nfailing = r.l->n;
	return 0;
}

void report_phantom_free(struct report_phantom *r)
{
	tables_free(r);
	if (r->list) {
		list_reset(r->list);
		free(r->list);
	}
	memset(r, 0, sizeof *r);
}

/* ---- the list ---- */

/* The names of a group's persons. */
struct group {
	const struct phantom_list *l;
	uint64_t *pid;		/* sorted, distinct */
	size_t np;
	struct pname {
		size_t off, len;	/* in names */
		hv_date birth;
	} *pn;
	struct buf names;
	size_t *miss;		/* the persons the stash lacks (indices into pid) */
	size_t nmiss;
	uint8_t *want;		/* them: a bit per person id up to max_person */
	struct rec_pick pk;
};

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static size_t find_pid(const struct group *g, uint64_t id)
{
	size_t lo = 0, hi = g->np;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->pid[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void put_name(struct group *g, size_t i, const char *name, size_t n, hv_date birth)
{
	g->pn[i] = (struct pname){ g->names.len, n, birth };
	buf_add(&g->names, name, n);
}

static int scan_person(uint64_t id, const void *data, size_t n, void *ctx)
{
	struct group *g = ctx;
	if (id > g->l->max_person || !(g->want[id >> 3] >> (id & 7) & 1))
		return 0;
	struct rec_val v[2];	/* full_name, birth */
	if (rec_pick(&g->pk, data, n, v) == 0)
		put_name(g, find_pid(g, id), v[0].s, v[0].len, (hv_date)v[1].u);
	return 0;
}

struct names_job {
	struct group *g;
	bool scan;
};

static int names_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct names_job *j = ctx;
	struct group *g = j->g;
	buf_reset(&g->names);
	for (size_t k = 0; k < g->nmiss; k++)
		g->pn[g->miss[k]] = (struct pname){ 0, 0, 0 };
	if (j->scan)
		return store_scan(s, t, REC_PERSON, scan_person, g, e);
	for (size_t k = 0; k < g->nmiss; k++) {
		size_t i = g->miss[k];
		struct person p = { 0 };
		int rc = store_get(s, t, REC_PERSON, g->pid[i], &p, e);
		if (rc == 0 && p.full_name)
			put_name(g, i, p.full_name, strlen(p.full_name), p.birth);
		rec_clear(&REC_DEF_PERSON, &p);
		if (rc == -ERR_NOTFOUND)
			err_clear(e);
		else if (rc)
			return rc;
	}
	return 0;
}

struct item {
	const struct ph_entry *e;
	const unsigned char *key;
	size_t klen;
	hv_date birth;
	size_t at;		/* the entry's place, to keep equal ones in order */
	size_t person;		/* index into the group's persons */
};

static int cmp_item(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	if (x->e->row != y->e->row)
		return x->e->row < y->e->row ? -1 : 1;
	if (x->e->rank != y->e->rank)
		return x->e->rank < y->e->rank ? -1 : 1;
	size_t n = x->klen < y->klen ? x->klen : y->klen;
	int c = memcmp(x->key, y->key, n);
	if (c)
		return c;
	if (x->klen != y->klen)
		return x->klen < y->klen ? -1 : 1;
	if (x->birth != y->birth)
		return x->birth < y->birth ? -1 : 1;
	if (x->e->person != y->e->person)
		return x->e->person < y->e->person ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The unit's path below its organization's scope unit, into out; its id. */
static uint64_t unit_path(const struct phantom_list *l, const struct ph_entry *en, struct buf *out)
{
	buf_reset(out);
	if (en->rank == NO_RANK)
		return 0;
	int32_t ui = (int32_t)l->by_rank[en->rank];
	uint64_t top = l->top[l->sc.rows[en->row].org];
	if (l->sc.units.id[ui] == top) {
		buf_adds(out, l->sc.units.name[ui]);
		return top;
	}
	int32_t chain[MAX_DEPTH];
	int n = 0;
	for (int32_t at = ui; at >= 0 && n < MAX_DEPTH && l->sc.units.id[at] != top;) {
		chain[n++] = at;
		at = l->sc.units.parent[at] ? report_unit_index(&l->sc.units, l->sc.units.parent[at]) : -1;
	}
	for (int k = n - 1; k >= 0; k--) {
		buf_adds(out, l->sc.units.name[chain[k]]);
		if (k)
			buf_adds(out, " / ");
	}
	return l->sc.units.id[ui];
}

static int group_emit(struct store *s, const struct phantom_list *l, size_t from, size_t to,
		      size_t get_max, phantom_member_fn fn, void *ctx, struct err *e)
{
	static const char *const pnames[] = { "full_name", "birth" };
	struct group g = { .l = l, .names = BUF_INIT };
	rec_pick_init(&g.pk, &REC_DEF_PERSON, pnames, 2);
	g.pid = xmalloc((to - from) * sizeof *g.pid);
	for (size_t i = from; i < to; i++)
		g.pid[g.np++] = l->v[i].person;
	qsort(g.pid, g.np, sizeof *g.pid, cmp_u64);
	size_t np = 0;
	for (size_t i = 0; i < g.np; i++)
		if (!np || g.pid[i] != g.pid[np - 1])
			g.pid[np++] = g.pid[i];
	g.np = np;
	g.pn = xcalloc(np, sizeof *g.pn);
	/* Who the stash lacks (both lists are sorted), read now; then the stash's names. */
	size_t *found = xmalloc((np + 1) * sizeof *found);
	g.miss = xmalloc((np + 1) * sizeof *g.miss);
	for (size_t i = 0, k = 0; i < np; i++) {
		while (k < l->ns && l->stash[k].id < g.pid[i])
			k++;
		found[i] = k < l->ns && l->stash[k].id == g.pid[i] ? k : SIZE_MAX;
		if (found[i] == SIZE_MAX)
			g.miss[g.nmiss++] = i;
	}
	struct names_job job = { .g = &g, .scan = g.nmiss > get_max };
	if (job.scan) {
		g.want = xcalloc(l->max_person / 8 + 1, 1);
		for (size_t k = 0; k < g.nmiss; k++) {
			uint64_t id = g.pid[g.miss[k]];
			if (id <= l->max_person)
				g.want[id >> 3] |= (uint8_t)(1u << (id & 7));
		}
	}
	int rc = g.nmiss ? store_read(s, names_fn, &job, e) : 0;
	struct buf keys = BUF_INIT, path = BUF_INIT;
	struct item *it = NULL;
	size_t *koff = NULL;
	if (rc)
		goto out;
	for (size_t i = 0; i < np; i++)
		if (found[i] != SIZE_MAX) {
			const struct stashed *st = &l->stash[found[i]];
			put_name(&g, i, l->snames.p ? l->snames.p + st->off : "", st->len, st->birth);
		}
	koff = xmalloc((np + 1) * sizeof *koff);
	for (size_t i = 0; i < np; i++) {
		koff[i] = keys.len;
		vn_name_collkey(&keys, g.names.p ? g.names.p + g.pn[i].off : "", g.pn[i].len);
	}
	koff[np] = keys.len;
	it = xmalloc((to - from) * sizeof *it);
	for (size_t i = from; i < to; i++) {
		size_t p = find_pid(&g, l->v[i].person);
		const char *key = keys.p ? keys.p + koff[p] : "";
		it[i - from] = (struct item){ .e = &l->v[i], .key = (const unsigned char *)key,
					      .klen = koff[p + 1] - koff[p], .birth = g.pn[p].birth,
					      .at = i, .person = p };
	}
	qsort(it, to - from, sizeof *it, cmp_item);
	const struct ph_entry *unit_of = NULL;
	struct phantom_member m = { 0 };
	for (size_t i = 0; i < to - from && rc == 0; i++) {
		const struct ph_entry *en = it[i].e;
		if (!unit_of || unit_of->row != en->row || unit_of->rank != en->rank) {
			unit_of = en;
			m.unit_id = unit_path(l, en, &path);
			m.unit = buf_str(&path);
			m.org_code = l->sc.orgs.v[l->sc.rows[en->row].org].code;
		}
		const struct pname *pn = &g.pn[it[i].person];
		struct buf name = BUF_INIT;
		buf_add(&name, g.names.p ? g.names.p + pn->off : "", pn->len);
		m.person_id = en->person;
		m.name = buf_str(&name);
		m.birth = pn->birth;
		m.fails = en->fails;
		m.name_problem = en->name_problem;
		rc = fn(&m, ctx);
		buf_free(&name);
	}
out:
	free(found);
	free(g.miss);
	free(it);
	free(koff);
	buf_free(&keys);
	buf_free(&path);
	buf_free(&g.names);
	free(g.pid);
	free(g.pn);
	free(g.want);
	return rc;
}

int phantom_each_tuned(struct store *s, const struct report_phantom *r, size_t group_max,
		       size_t get_max, phantom_member_fn fn, void *ctx, struct err *e)
{
	const struct phantom_list *l = r->list;
	if (!l)
		return 0;
	for (size_t i = 0; i < l->n;) {
		/* Whole units, as many as the group takes (at least one). */
		size_t j = i;
		while (j < l->n) {
			size_t k = j;
			while (k < l->n && l->v[k].row == l->v[j].row && l->v[k].rank == l->v[j].rank)
				k++;
			if (j > i && k - i > group_max)
				break;
			j = k;
		}
		int rc = group_emit(s, l, i, j, get_max, fn, ctx, e);
		if (rc)
			return rc;
		i = j;
	}
	return 0;
}

int report_phantom_each(struct store *s, const struct report_phantom *r, phantom_member_fn fn,
			void *ctx, struct err *e)
{
	size_t get_max = r->list ? (size_t)(r->list->max_person / GET_RATIO) : 0;
	return phantom_each_tuned(s, r, GROUP_MAX, get_max, fn, ctx, e);
}
