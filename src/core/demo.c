/* Demo data: a province's organizations, unit trees and members, into the store or a CSV. */
#include "core/demo.h"

#include "core/cccd.h"
#include "core/columns.h"
#include "core/csv.h"
#include "core/demo_data.h"
#include "core/demo_priv.h"
#include "core/orgs.h"
#include "core/record.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/rng.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROVINCE 37		/* Ninh Bình */
#define BATCH 10000
#define MAX_MEMBERSHIPS 6

enum { O_MT, O_CD, O_DTN, O_PN, O_ND, O_CCB, O__COUNT };

static const char *const org_codes[O__COUNT] = { "MT", "CD", "DTN", "PN", "ND", "CCB" };

/* How each organization names its units at the three levels. */
static const struct {
	const char *top;	/* + province name */
	const char *base;	/* + commune name in lower case ("xã Yên Thịnh") */
	const char *branch;	/* + village */
	const char *branch_level;
	const char *member;	/* the role of a plain member */
	const char *lead, *deputy;
} org_style[O__COUNT] = {
	[O_MT] = { "Ủy ban MTTQ tỉnh ", "Ủy ban MTTQ ", "Ban Công tác Mặt trận ", "Ban công tác",
		   "Thành viên", "Trưởng ban", "Phó Trưởng ban" },
	[O_CD] = { "Liên đoàn Lao động tỉnh ", "Công đoàn ", "Công đoàn cơ sở ", "Công đoàn cơ sở",
		   "Công đoàn viên", "Chủ tịch", "Phó Chủ tịch" },
	[O_DTN] = { "Tỉnh đoàn ", "Đoàn ", "Chi đoàn ", "Chi đoàn", "Đoàn viên", "Bí thư",
		    "Phó Bí thư" },
	[O_PN] = { "Hội LHPN tỉnh ", "Hội LHPN ", "Chi hội ", "Chi hội", "Hội viên",
		   "Chi hội trưởng", "Chi hội phó" },
	[O_ND] = { "Hội Nông dân tỉnh ", "Hội Nông dân ", "Chi hội ", "Chi hội", "Hội viên",
		   "Chi hội trưởng", "Chi hội phó" },
	[O_CCB] = { "Hội CCB tỉnh ", "Hội CCB ", "Chi hội ", "Chi hội", "Hội viên",
		    "Chi hội trưởng", "Chi hội phó" },
};

/* Trade-union branches are workplaces, not villages. */
enum { WP_COMMUNE, WP_SCHOOL, WP_HEALTH, WP_COMPANY, WP__COUNT };

struct commune {
	char *name;			/* "Xã Yên Thịnh" */
	enum demo_place kind;
	unsigned nbranches;
	char **branch;			/* "Thôn Đông" */
	char *company;
	uint64_t base_id[O__COUNT];
	uint64_t *branch_id[O__COUNT];	/* per village; for CD per workplace */
};

/* A pair of one human's records, waiting for its batch to commit. */
struct truth {
	uint64_t a, b;
	unsigned kinds;
};

struct demo {
	const struct demo_run_opts *o;
	struct demo_report *r;
	struct store *s;
	struct demo_gen *gen;
	struct rng rng;
	const struct demo_province *prov;
	uint64_t org_id[O__COUNT];
	uint64_t top_id[O__COUNT];
	struct commune *c;
	unsigned ncommunes;
	unsigned long made;		/* persons generated so far */
	uint64_t card_seq[O__COUNT];
	unsigned serial;
	FILE *csv;
	struct atomic_file af;
	struct err *e;
	/* the batch being written */
	struct rng batch_start;
	unsigned long batch_first, batch_n;
	/* duplicates (dup_rate): their own random stream, so the rest stays as it was */
	struct rng dup_rng, batch_dup_start;
	struct truth *truth;
	size_t ntruth, truth_cap;
	struct atomic_file truth_af;
	FILE *truth_f;
};

struct gen_membership {
	int org;
	unsigned branch;		/* village index, or workplace for CD */
	hv_date join;
	char card[24];
	const char *role;
	int status;
	hv_date status_date;
	const char *reason;
};

struct gen_person {
	struct person p;
	unsigned commune;
	unsigned village;
	int n;
	struct gen_membership m[MAX_MEMBERSHIPS];
};

static char *lower_first(const char *s)
{
	/* "Xã Yên Thịnh" -> "xã Yên Thịnh": the level word is written in lower case mid-name. */
	struct buf b = BUF_INIT;
	if (strncmp(s, "Xã ", 4) == 0)
		buf_printf(&b, "xã %s", s + 4);
	else if (strncmp(s, "Phường ", 9) == 0)
		buf_printf(&b, "phường %s", s + 9);
	else if (strncmp(s, "Thị trấn ", 12) == 0)
		buf_printf(&b, "thị trấn %s", s + 12);
	else
		buf_adds(&b, s);
	return buf_steal(&b);
}

static void plan_communes(struct demo *d)
{
	/* A province's communes: more people make more communes, up to the names we have. */
	enum demo_place kinds[] = { DEMO_RURAL, DEMO_ETHNIC, DEMO_URBAN };
	unsigned avail = 0;
	for (int k = 0; k < 3; k++)
		avail += (unsigned)demo_commune_count_in(DEMO_NORTH, kinds[k]);
	unsigned want = (unsigned)(d->o->persons / 1500);
	if (want < 3)
		want = 3;
	if (want > avail)
		want = avail;
	d->c = xcalloc(want, sizeof *d->c);
	unsigned idx[3] = { 0, 0, 0 };
	for (unsigned i = 0; i < want; i++) {
		/* Mostly rural, some ethnic-minority areas, a few wards. */
		int k = i % 7 == 3 ? 1 : i % 7 == 6 ? 2 : 0;
		if (idx[k] >= demo_commune_count_in(DEMO_NORTH, kinds[k]))
			k = 0;
		for (int tries = 0; idx[k] >= demo_commune_count_in(DEMO_NORTH, kinds[k]) && tries < 3; tries++)
			k = (k + 1) % 3;
		struct commune *c = &d->c[i];
		c->kind = kinds[k];
		c->name = xstrdup(demo_commune_in(DEMO_NORTH, kinds[k], idx[k]++));
		unsigned nb = 3 + rng_below(&d->rng, 6);
		unsigned have = (unsigned)demo_branch_count_in(DEMO_NORTH, kinds[k]);
		if (nb > have)
			nb = have;
		c->nbranches = nb;
		c->branch = xcalloc(nb, sizeof *c->branch);
		unsigned off = rng_below(&d->rng, have);
		for (unsigned b = 0; b < nb; b++)
			c->branch[b] = xstrdup(demo_branch_in(DEMO_NORTH, kinds[k], (off + b) % have));
		const char *companies[] = { "Công ty TNHH May Phú Thịnh", "Công ty CP Xây dựng Hưng Long",
					    "Công ty TNHH Giày da An Phước", "Hợp tác xã Nông nghiệp",
					    "Công ty TNHH Điện tử Minh Quang" };
		c->company = xstrdup(companies[i % 5]);
	}
	d->ncommunes = want;
}

static void free_communes(struct demo *d)
{
	for (unsigned i = 0; i < d->ncommunes; i++) {
		struct commune *c = &d->c[i];
		free(c->name);
		for (unsigned b = 0; b < c->nbranches; b++)
			free(c->branch[b]);
		free(c->branch);
		free(c->company);
		for (int o = 0; o < O__COUNT; o++)
			free(c->branch_id[o]);
	}
	free(d->c);
}

/* The name of a branch unit of org o in commune c. */
static void branch_name(const struct demo *d, int o, const struct commune *c, unsigned b,
			struct buf *out)
{
	(void)d;
	if (o == O_CD) {
		char *base = lower_first(c->name);
		switch (b) {
		case WP_COMMUNE: buf_printf(out, "Công đoàn cơ sở UBND %s", base); break;
		case WP_SCHOOL: buf_printf(out, "Công đoàn cơ sở Trường THCS %s", c->name + (strchr(c->name, ' ') ? (size_t)(strchr(c->name, ' ') - c->name + 1) : 0)); break;
		case WP_HEALTH: buf_printf(out, "Công đoàn cơ sở Trạm Y tế %s", base); break;
		default: buf_printf(out, "Công đoàn cơ sở %s", c->company); break;
		}
		free(base);
		return;
	}
	buf_printf(out, "%s%s", org_style[o].branch, c->branch[b]);
}

static unsigned nbranches(const struct commune *c, int o)
{
	return o == O_CD ? WP__COUNT : c->nbranches;
}

static int insert_unit(struct store *s, struct store_txn *t, uint64_t org, uint64_t parent,
		       const char *name, const char *level, uint64_t tags, uint64_t *id,
		       struct err *e)
{
	struct unit u = { 0 };
	u.org_id = org;
	u.parent_id = parent;
	u.name = xstrdup(name);
	u.level = xstrdup(level);
	u.area_tags = tags;
	int rc = store_insert(s, t, REC_UNIT, &u, e);
	*id = u.m.id;
	rec_clear(&REC_DEF_UNIT, &u);
	return rc;
}

static int build_tree(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct demo *d = ctx;
	struct org_list orgs;
	d->r->units = 0;
	int rc = org_list_load(s, t, &orgs, e);
	if (rc)
		return rc;
	for (int o = 0; o < O__COUNT; o++) {
		const struct org_entry *en = org_list_match(&orgs, org_codes[o], strlen(org_codes[o]));
		if (!en) {
			org_list_free(&orgs);
			return err_set(e, ERR_NOTFOUND, _("the store has no organization %s"), org_codes[o]);
		}
		d->org_id[o] = en->id;
	}
	org_list_free(&orgs);
	struct buf name = BUF_INIT;
	for (int o = 0; o < O__COUNT && rc == 0; o++) {
		buf_reset(&name);
		buf_printf(&name, "%s%s", org_style[o].top, d->prov->name);
		if ((rc = insert_unit(s, t, d->org_id[o], 0, buf_str(&name), "Tỉnh", 0, &d->top_id[o], e)) != 0)
			break;
		d->r->units++;
		for (unsigned i = 0; i < d->ncommunes && rc == 0; i++) {
			struct commune *c = &d->c[i];
			char *low = lower_first(c->name);
			buf_reset(&name);
			buf_printf(&name, "%s%s", org_style[o].base, low);
			free(low);
			uint64_t tags = c->kind == DEMO_ETHNIC ? AREA_ETHNIC : c->kind == DEMO_URBAN ? AREA_URBAN : 0;
			const char *level = strncmp(c->name, "Phường", 6) == 0 ? "Phường" : "Xã";
			if ((rc = insert_unit(s, t, d->org_id[o], d->top_id[o], buf_str(&name), level, tags,
					      &c->base_id[o], e)) != 0)
				break;
			d->r->units++;
			unsigned nb = nbranches(c, o);
			free(c->branch_id[o]);
			c->branch_id[o] = xcalloc(nb, sizeof *c->branch_id[o]);
			for (unsigned b = 0; b < nb && rc == 0; b++) {
				buf_reset(&name);
				branch_name(d, o, c, b, &name);
				uint64_t btags = tags | (o == O_CD && b == WP_COMPANY ? AREA_NONSTATE : 0);
				rc = insert_unit(s, t, d->org_id[o], c->base_id[o], buf_str(&name),
						 org_style[o].branch_level, btags, &c->branch_id[o][b], e);
				d->r->units++;
			}
		}
	}
	buf_free(&name);
	return rc;
}

static hv_date random_date(struct rng *r, int y_from, int y_to, hv_date today, bool allow_year_only)
{
	if (y_to < y_from)
		y_to = y_from;
	int y = y_from + (int)rng_below(r, (uint32_t)(y_to - y_from + 1));
	if (allow_year_only && rng_below(r, 100) < 12)
		return (hv_date)y * 10000;
	int m = 1 + (int)rng_below(r, 12);
	int dd = 1 + (int)rng_below(r, 28);
	hv_date v = (hv_date)(y * 10000 + m * 100 + dd);
	return v > today ? today : v;
}

static bool is_worker(const char *occ)
{
	static const char *const w[] = { "Cán bộ", "Công chức", "Viên chức", "Giáo viên", "Kế toán",
					 "Nhân viên văn phòng", "Nhân viên y tế", "Bác sĩ", "Kỹ sư",
					 "Công nhân" };
	for (size_t i = 0; occ && i < sizeof w / sizeof w[0]; i++)
		if (strcmp(occ, w[i]) == 0)
			return true;
	return false;
}

static unsigned workplace_of(const char *occ)
{
	if (!occ)
		return WP_COMPANY;
	if (!strcmp(occ, "Cán bộ") || !strcmp(occ, "Công chức"))
		return WP_COMMUNE;
	if (!strcmp(occ, "Giáo viên") || !strcmp(occ, "Viên chức"))
		return WP_SCHOOL;
	if (!strcmp(occ, "Nhân viên y tế") || !strcmp(occ, "Bác sĩ"))
		return WP_HEALTH;
	return WP_COMPANY;
}

static void add_membership(struct demo *d, struct rng *r, struct gen_person *g, int o,
			   unsigned branch, int min_age)
{
	hv_date today = d->o->today;
	int by = DATE_YEAR(g->p.birth);
	struct gen_membership *m = &g->m[g->n++];
	memset(m, 0, sizeof *m);
	m->org = o;
	m->branch = branch;
	int from = by + min_age;
	if (from < 1975)
		from = 1975;
	m->join = random_date(r, from, DATE_YEAR(today), today, true);
	snprintf(m->card, sizeof m->card, "%s%02d%06llu", org_codes[o], PROVINCE,
		 (unsigned long long)++d->card_seq[o]);
	unsigned x = rng_below(r, 1000);
	m->role = x < 15 ? org_style[o].lead : x < 35 ? org_style[o].deputy : org_style[o].member;
	unsigned st = rng_below(r, 1000);
	int age = DATE_YEAR(today) - by;
	if (o == O_DTN && age > 30 && st < 700) {
		m->status = MS_LEFT;
		m->reason = "Trưởng thành";
	} else if (st < 20) {
		m->status = MS_TRANSFERRED;
		m->reason = "Chuyển nơi cư trú";
	} else if (st < 35) {
		m->status = MS_LEFT;
		m->reason = "Xin ra khỏi tổ chức";
	} else if (st < 45 && age > 55) {
		m->status = MS_DECEASED;
		m->reason = "Từ trần";
	} else if (st < 55) {
		m->status = MS_SUSPENDED;
		m->reason = "Đi làm ăn xa";
	}
	if (m->status != MS_ACTIVE)
		m->status_date = random_date(r, DATE_YEAR(m->join), DATE_YEAR(today), today, false);
	if (m->status_date && m->status_date < m->join)
		m->status_date = m->join;
}

/* One person and the organizations they belong to. */
static void gen_person(struct demo *d, struct gen_person *g)
{
	struct rng *r = &d->rng;
	memset(g, 0, sizeof *g);
	g->commune = rng_below(r, d->ncommunes);
	struct commune *c = &d->c[g->commune];
	unsigned village = rng_below(r, c->nbranches);
	g->village = village;
	struct demo_opts o = { .today = d->o->today, .age_min = 16, .age_max = 85,
			       .region = DEMO_NORTH, .ethnic_area = c->kind == DEMO_ETHNIC,
			       .province = PROVINCE, .commune = c->name, .branch = c->branch[village] };
	int prov = PROVINCE;
	demo_person(d->gen, r, &o, &g->p, &prov);
	if (rng_below(r, 100) < 92) {
		char id[16];
		unsigned serial = (unsigned)((d->serial++ * 7919ull + 13) % 1000000);
		cccd_make(id, prov, (int)g->p.sex, DATE_YEAR(g->p.birth), serial);
		g->p.cccd = xstrdup(id);
	}
	int age = DATE_YEAR(d->o->today) - DATE_YEAR(g->p.birth);
	bool female = g->p.sex == SEX_FEMALE;
	const char *occ = g->p.occupation;
	bool farmer = occ && strcmp(occ, "Nông dân") == 0;
	if (age >= 16 && age <= 35 && rng_below(r, 100) < 60)
		add_membership(d, &d->rng, g, O_DTN, village, 16);
	if (female && age >= 18 && rng_below(r, 100) < 55)
		add_membership(d, &d->rng, g, O_PN, village, 18);
	if (age >= 18 && rng_below(r, 100) < (farmer ? 70 : c->kind == DEMO_URBAN ? 2 : 8))
		add_membership(d, &d->rng, g, O_ND, village, 18);
	if (!female && age >= 40 && rng_below(r, 100) < 12)
		add_membership(d, &d->rng, g, O_CCB, village, 22);
	if (is_worker(occ) && age >= 18 && age <= 62 && rng_below(r, 100) < 80)
		add_membership(d, &d->rng, g, O_CD, workplace_of(occ), 18);
	if (age >= 30 && rng_below(r, 1000) < 30)
		add_membership(d, &d->rng, g, O_MT, village, 30);
	if (g->n == 0) {
		/* Everyone on a register belongs somewhere. */
		if (age <= 30)
			add_membership(d, &d->rng, g, O_DTN, village, 16);
		else if (female)
			add_membership(d, &d->rng, g, O_PN, village, 18);
		else
			add_membership(d, &d->rng, g, O_ND, village, 18);
	}
}

/* The organizations g may still join, with the youngest age each takes members at. */
static int joinable(const struct demo *d, const struct gen_person *g, int *orgs, int *min_age)
{
	int age = DATE_YEAR(d->o->today) - DATE_YEAR(g->p.birth);
	bool female = g->p.sex == SEX_FEMALE;
	static const int lo[O__COUNT] = { [O_MT] = 30, [O_CD] = 18, [O_DTN] = 16, [O_PN] = 18,
					  [O_ND] = 18, [O_CCB] = 40 };
	int n = 0;
	for (int o = 0; o < O__COUNT; o++) {
		bool in = false;
		for (int i = 0; i < g->n; i++)
			in |= g->m[i].org == o;
		bool fits = age >= lo[o] && (o != O_DTN || age <= 30) && (o != O_PN || female) &&
			    (o != O_CCB || !female) && (o != O_CD || (is_worker(g->p.occupation) && age <= 62));
		if (!in && fits) {
			orgs[n] = o;
			min_age[n++] = o == O_CCB ? 22 : lo[o];
		}
	}
	return n;
}

/* With chance dup_rate, the record a second organization keeps of g's human, into g2: one of
 * g's memberships moves to it, or (g is in one organization) it gets one in an organization g
 * may join.  Draws only from dup_rng. */
static bool make_dup(struct demo *d, struct gen_person *g, struct gen_person *g2,
		     unsigned *kinds)
{
	struct rng *r = &d->dup_rng;
	if (rng_unit(r) >= d->o->dup_rate)
		return false;
	int orgs[O__COUNT], min_age[O__COUNT];
	int n = g->n >= 2 ? 0 : joinable(d, g, orgs, min_age);
	if (g->n < 2 && n == 0)
		return false;
	memset(g2, 0, sizeof *g2);
	g2->commune = g->commune;
	g2->village = g->village;
	char *moved = NULL;
	if (d->ncommunes > 1) {
		unsigned c = (g->commune + 1 + rng_below(r, d->ncommunes - 1)) % d->ncommunes;
		moved = lower_first(d->c[c].name);
	}
	*kinds = demo_dup_person(r, &g->p, &g2->p, d->csv != NULL, moved);
	free(moved);
	if (g->n >= 2) {
		int i = (int)rng_below(r, (uint32_t)g->n);
		g2->m[g2->n++] = g->m[i];
		memmove(&g->m[i], &g->m[i + 1], (size_t)(g->n - i - 1) * sizeof g->m[0]);
		g->n--;
	} else {
		int k = (int)rng_below(r, (uint32_t)n);
		unsigned branch = orgs[k] == O_CD ? workplace_of(g->p.occupation) : g->village;
		add_membership(d, r, g2, orgs[k], branch, min_age[k]);
	}
	return true;
}

static int write_person(struct store *s, struct store_txn *t, struct demo *d,
			struct gen_person *g, uint64_t *id, struct err *e)
{
	struct person p = { 0 };
	rec_copy(&REC_DEF_PERSON, &p, &g->p);
	int rc = store_insert(s, t, REC_PERSON, &p, e);
	if (rc == -ERR_EXISTS && p.cccd) {
		/* A generated CCCD that collides (beyond a million persons): leave it out. */
		err_clear(e);
		XFREE(p.cccd);
		rc = store_insert(s, t, REC_PERSON, &p, e);
	}
	uint64_t pid = p.m.id;
	rec_clear(&REC_DEF_PERSON, &p);
	if (rc)
		return rc;
	*id = pid;
	const struct commune *c = &d->c[g->commune];
	for (int i = 0; i < g->n && rc == 0; i++) {
		const struct gen_membership *gm = &g->m[i];
		struct membership m = { 0 };
		m.person_id = pid;
		m.org_id = d->org_id[gm->org];
		m.unit_id = c->branch_id[gm->org][gm->branch];
		m.join_date = gm->join;
		m.card_no = xstrdup(gm->card);
		m.role = xstrdup(gm->role);
		m.status = gm->status;
		m.status_date = gm->status_date;
		m.status_reason = gm->reason ? xstrdup(gm->reason) : NULL;
		rc = store_insert(s, t, REC_MEMBERSHIP, &m, e);
		rec_clear(&REC_DEF_MEMBERSHIP, &m);
	}
	return rc;
}

/* One batch in one transaction; a retry regenerates the same people from the saved rng. */
static int batch_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct demo *d = ctx;
	d->rng = d->batch_start;
	d->dup_rng = d->batch_dup_start;
	d->ntruth = 0;
	uint64_t seq[O__COUNT];
	memcpy(seq, d->card_seq, sizeof seq);
	unsigned serial = d->serial;
	d->made = d->batch_first;
	int rc = 0;
	for (unsigned long i = 0; i < d->batch_n && rc == 0; i++) {
		struct gen_person g, g2;
		unsigned kinds = 0;
		uint64_t id, id2;
		gen_person(d, &g);
		bool dup = d->o->dup_rate > 0 && make_dup(d, &g, &g2, &kinds);
		rc = write_person(s, t, d, &g, &id, e);
		if (dup) {
			if (rc == 0 && (rc = write_person(s, t, d, &g2, &id2, e)) == 0) {
				xgrow((void **)&d->truth, &d->truth_cap, d->ntruth + 1, sizeof *d->truth);
				d->truth[d->ntruth++] = (struct truth){ id, id2, kinds };
			}
			rec_clear(&REC_DEF_PERSON, &g2.p);
		}
		rec_clear(&REC_DEF_PERSON, &g.p);
		d->made++;
	}
	if (rc) {
		memcpy(d->card_seq, seq, sizeof seq);
		d->serial = serial;
	}
	return rc;
}

static void csv_person_row(struct demo *d, const struct gen_person *g,
			   const struct gen_membership *m)
{
	const struct person *p = &g->p;
	const struct commune *c = &d->c[g->commune];
	struct buf tmp = BUF_INIT, unit = BUF_INIT;
	char date[16];
	static const enum col order[] = {
		C_NAME, C_SEX, C_BIRTH, C_ETHNICITY, C_RELIGION, C_CCCD, C_PHONE, C_HOMETOWN,
		C_ADDRESS, C_EDUCATION, C_QUALIFICATION, C_THEORY, C_PARTY, C_PARTY_DATE,
		C_OCCUPATION, C_WORKPLACE, C_ORG, C_UNIT, C_JOIN, C_CARD, C_ROLE, C_STATUS,
		C_STATUS_DATE, C_STATUS_REASON,
	};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		/* Party members marked "x", as paper lists do (an export writes "Có"). */
		const char *v = order[i] == C_PARTY ? (p->party_member ? "x" : "")
						    : col_person_text(order[i], p, &tmp);
		if (!v) {	/* the membership's columns */
			switch (order[i]) {
			case C_ORG: v = org_codes[m->org]; break;
			case C_UNIT: {
				char *low = lower_first(c->name);
				buf_printf(&unit, "%s%s / %s%s / ", org_style[m->org].top, d->prov->name,
					   org_style[m->org].base, low);
				free(low);
				branch_name(d, m->org, c, m->branch, &unit);
				v = buf_str(&unit);
				break;
			}
			case C_JOIN: v = date_format(m->join, date); break;
			case C_CARD: v = m->card; break;
			case C_ROLE: v = m->role; break;
			case C_STATUS: v = mstatus_text(m->status); break;
			case C_STATUS_DATE: v = date_format(m->status_date, date); break;
			case C_STATUS_REASON: v = m->reason; break;
			default: break;
			}
		}
		csv_write_field(d->csv, v ? v : "", v ? strlen(v) : 0, ',', i == 0);
		buf_reset(&unit);
	}
	csv_end_row(d->csv);
	buf_free(&tmp);
	buf_free(&unit);
}

static int run_csv(struct demo *d, struct err *e)
{
	int rc = atomic_open(&d->af, d->o->csv, e);
	if (rc)
		return rc;
	d->csv = d->af.f;
	fputs("\xEF\xBB\xBF", d->csv);
	static const enum col hdr[] = {
		C_NAME, C_SEX, C_BIRTH, C_ETHNICITY, C_RELIGION, C_CCCD, C_PHONE, C_HOMETOWN,
		C_ADDRESS, C_EDUCATION, C_QUALIFICATION, C_THEORY, C_PARTY, C_PARTY_DATE,
		C_OCCUPATION, C_WORKPLACE, C_ORG, C_UNIT, C_JOIN, C_CARD, C_ROLE, C_STATUS,
		C_STATUS_DATE, C_STATUS_REASON,
	};
	for (size_t i = 0; i < sizeof hdr / sizeof hdr[0]; i++) {
		const char *h = col_header(hdr[i]);
		csv_write_field(d->csv, h, strlen(h), ',', i == 0);
	}
	csv_end_row(d->csv);
	for (unsigned long i = 0; i < d->o->persons; i++) {
		struct gen_person g, g2;
		unsigned kinds;
		gen_person(d, &g);
		bool dup = d->o->dup_rate > 0 && make_dup(d, &g, &g2, &kinds);
		for (int k = 0; k < g.n; k++) {
			csv_person_row(d, &g, &g.m[k]);
			d->r->memberships++;
		}
		d->r->persons++;
		rec_clear(&REC_DEF_PERSON, &g.p);
		if (dup) {
			for (int k = 0; k < g2.n; k++) {
				csv_person_row(d, &g2, &g2.m[k]);
				d->r->memberships++;
			}
			d->r->persons++;
			d->r->duplicates++;
			rec_clear(&REC_DEF_PERSON, &g2.p);
		}
	}
	return atomic_commit(&d->af, e);
}

int demo_run(struct store *s, const struct demo_run_opts *o, struct demo_report *r,
	     struct err *e)
{
	memset(r, 0, sizeof *r);
	struct demo_run_opts opts = *o;
	if (!opts.today)
		opts.today = date_today();
	struct demo d = { .o = &opts, .r = r, .s = s, .e = e };
	d.gen = demo_gen_new();
	rng_seed(&d.rng, o->seed);
	rng_seed(&d.dup_rng, o->seed ^ 0x9E3779B97F4A7C15ULL);
	d.prov = demo_province(PROVINCE);
	plan_communes(&d);
	int rc = 0;
	if (opts.csv && (opts.truth || opts.truth_path)) {
		rc = err_set(e, ERR_USAGE, _("the duplicates' truth names person ids, so it needs a "
					     "store rather than an import file"));
	} else if (opts.csv) {
		rc = run_csv(&d, e);
	} else {
		/* A demo province is generated whole: on top of other data it would duplicate units
		 * and card numbers. */
		uint64_t persons = 0, units = 0;
		if ((rc = store_count(s, NULL, REC_PERSON, &persons, e)) == 0 &&
		    (rc = store_count(s, NULL, REC_UNIT, &units, e)) == 0 && (persons || units))
			rc = err_set(e, ERR_EXISTS, _("the demo fills an empty store, and %s is not empty "
						      "(persons: %" PRIu64 ", units: %" PRIu64 "); choose a "
						      "new directory with -d DIR"),
				     store_dir(s), persons, units);
		if (rc == 0 && opts.truth_path && (rc = atomic_open(&d.truth_af, opts.truth_path, e)) == 0)
			d.truth_f = d.truth_af.f;
		if (rc == 0)
			rc = store_write(s, build_tree, &d, e);
		for (unsigned long done = 0; rc == 0 && done < opts.persons; done += d.batch_n) {
			d.batch_start = d.rng;
			d.batch_dup_start = d.dup_rng;
			d.batch_first = done;
			d.batch_n = opts.persons - done < BATCH ? opts.persons - done : BATCH;
			rc = store_write_bulk(s, batch_fn, &d, e);
			if (rc == 0)
				store_checkpoint(s);
			for (size_t i = 0; rc == 0 && i < d.ntruth; i++) {
				const struct truth *x = &d.truth[i];
				if (opts.truth)
					opts.truth(x->a, x->b, x->kinds, opts.truth_ctx);
				if (d.truth_f)
					fprintf(d.truth_f, "%" PRIu64 " %" PRIu64 " %u\n", x->a, x->b, x->kinds);
			}
			if (rc == 0)
				r->duplicates += d.ntruth;
		}
		if (d.truth_f) {
			if (rc == 0)
				rc = atomic_commit(&d.truth_af, e);
			else
				atomic_abort(&d.truth_af);
		}
		if (rc == 0) {
			r->persons = d.made + r->duplicates;
			uint64_t n = 0;
			for (int i = 0; i < O__COUNT; i++)
				n += d.card_seq[i];
			r->memberships = n;
		}
	}
	free_communes(&d);
	demo_gen_free(&d.gen);
	free(d.truth);
	return rc;
}
