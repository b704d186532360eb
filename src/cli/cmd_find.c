/* Commands that look people up: find (by name, CCCD or card) and show. */
#include "cli/cli.h"

#include "core/cccd.h"
#include "core/orgs.h"
#include "core/record.h"
#include "core/unitpath.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/hmap.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_LIMIT 50

struct finder {
	struct store *s;
	struct store_txn *t;
	struct org_list orgs;
	const struct org_entry *only;
	size_t limit;
	const char *query;		/* printed before each line in list mode */
	bool list_mode;
	size_t printed;
	bool more;
	struct hmap seen;		/* persons printed for this query (CCCD and card both hit) */
	struct hmap unit_label_idx;	/* unit id -> index into labels */
	char **labels;
	size_t nlabels;
	struct err *e;
	/* per person, while printing */
	struct buf codes, units;
	bool in_org;
	bool any_active;
};

/* "Chi hội Thôn Đông, Hội LHPN xã An Bình": the unit and its parent, like an address. */
static const char *unit_label(struct finder *f, uint64_t id)
{
	if (!id)
		return "";
	char k[24];
	int kn = snprintf(k, sizeof k, "%" PRIu64, id);
	uint64_t idx;
	if (hmap_get(&f->unit_label_idx, k, (size_t)kn, &idx))
		return f->labels[idx];
	struct buf b = BUF_INIT;
	struct unit u = { 0 }, parent = { 0 };
	if (store_get(f->s, f->t, REC_UNIT, id, &u, NULL) == 0) {
		buf_adds(&b, u.name ? u.name : "");
		if (u.parent_id && store_get(f->s, f->t, REC_UNIT, u.parent_id, &parent, NULL) == 0) {
			buf_adds(&b, ", ");
			buf_adds(&b, parent.name ? parent.name : "");
		}
	}
	rec_clear(&REC_DEF_UNIT, &u);
	rec_clear(&REC_DEF_UNIT, &parent);
	f->labels = xrealloc(f->labels, (f->nlabels + 1) * sizeof *f->labels);
	f->labels[f->nlabels] = buf_steal(&b);
	hmap_put(&f->unit_label_idx, k, (size_t)kn, f->nlabels);
	return f->labels[f->nlabels++];
}

static int gather_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct finder *f = ctx;
	if (f->only && m->org_id == f->only->id)
		f->in_org = true;
	/* Active memberships are listed; a person with none shows the others with their status. */
	bool active = m->status == MS_ACTIVE;
	if (active && !f->any_active) {
		buf_reset(&f->codes);
		buf_reset(&f->units);
		f->any_active = true;
	}
	if (!active && f->any_active)
		return 0;
	const struct org_entry *o = org_list_by_id(&f->orgs, m->org_id);
	if (f->codes.len)
		buf_addc(&f->codes, ',');
	buf_adds(&f->codes, o ? o->code : "?");
	if (!active)
		buf_printf(&f->codes, " (%s)", mstatus_text((int)m->status));
	if (f->units.len)
		buf_adds(&f->units, "; ");
	buf_adds(&f->units, unit_label(f, m->unit_id));
	return 0;
}

/* Print one person: 0 go on, 1 stop (limit reached), < 0 error. */
static int print_found(struct finder *f, uint64_t id, const char *name, hv_date birth)
{
	char k[24];
	int kn = snprintf(k, sizeof k, "%" PRIu64, id);
	if (hmap_get(&f->seen, k, (size_t)kn, NULL))
		return 0;
	buf_reset(&f->codes);
	buf_reset(&f->units);
	f->in_org = false;
	f->any_active = false;
	int rc = store_each_membership_of_person(f->s, f->t, id, gather_membership, f, f->e);
	if (rc)
		return rc;
	if (f->only && !f->in_org)
		return 0;
	if (f->limit && f->printed == f->limit) {
		f->more = true;
		return 1;
	}
	hmap_put(&f->seen, k, (size_t)kn, 1);
	f->printed++;
	char bd[16];
	date_format(birth, bd);
	if (f->list_mode) {
		cli_put_safe(stdout, f->query);
		putchar('\t');
	}
	printf("%" PRIu64 "\t", id);
	cli_put_safe(stdout, name);
	printf("\t%s\t", bd);
	cli_put_safe(stdout, buf_str(&f->codes));
	putchar('\t');
	cli_put_safe(stdout, buf_str(&f->units));
	putchar('\n');
	return 0;
}

static int print_person(const void *rec, void *ctx)
{
	const struct person *p = rec;
	return print_found(ctx, p->m.id, p->full_name ? p->full_name : "", p->birth);
}

static int print_hit(const struct find_hit *h, void *ctx)
{
	return print_found(ctx, h->id, h->name, h->birth);
}

struct by_card {
	struct finder *f;
	int rc;
};

static int card_hit(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct by_card *bc = ctx;
	struct person p = { 0 };
	int rc = store_get(bc->f->s, bc->f->t, REC_PERSON, m->person_id, &p, bc->f->e);
	if (rc == 0)
		rc = print_person(&p, bc->f);
	rec_clear(&REC_DEF_PERSON, &p);
	return rc;
}

static int run_query(struct finder *f, const char *q)
{
	f->printed = 0;
	f->more = false;
	f->query = q;
	hmap_free(&f->seen);
	hmap_init(&f->seen);
	char digits[32];
	size_t nd = cccd_query_digits(q, digits, sizeof digits);
	int rc = 0;
	bool has_digit = strpbrk(q, "0123456789") != NULL;
	if (nd == 9 || nd == 12) {
		struct person p = { 0 };
		rc = store_person_by_cccd(f->s, f->t, digits, &p, f->e);
		if (rc == 0)
			rc = print_person(&p, f);
		else if (rc == -ERR_NOTFOUND)
			rc = 0;
		rec_clear(&REC_DEF_PERSON, &p);
	}
	if (rc >= 0 && has_digit && !strchr(q, ' ')) {
		struct by_card bc = { f, 0 };
		rc = store_each_membership_by_card(f->s, f->t, q, card_hit, &bc, f->e);
	} else if (rc >= 0 && !has_digit) {
		rc = store_find_name(f->s, f->t, q, 0, print_hit, f, NULL, f->e);
	}
	if (rc > 0)
		rc = 0;
	if (rc == 0 && f->list_mode && f->printed == 0) {
		cli_put_safe(stdout, q);
		fputs("\t-\n", stdout);
	}
	return rc;
}

static int find_setup(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct finder *f = ctx;
	f->t = t;
	org_list_free(&f->orgs);
	return org_list_load(s, t, &f->orgs, e);
}

int cmd_find(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("find");
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'n' },
		{ "org", required_argument, NULL, 'g' },
		{ "header", no_argument, NULL, 'H' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	struct finder f = { .limit = DEFAULT_LIMIT, .codes = BUF_INIT, .units = BUF_INIT };
	const char *org = NULL;
	bool header = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "n:d:h", opts, cmd)) != -1) {
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		case 'n': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 0 || *optarg == '\0')
				return cli_usage_error(cmd, _("--limit: '%s' is not a number"), optarg);
			f.limit = (size_t)v;
			break;
		}
		case 'g': org = optarg; break;
		case 'H': header = true; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage_error(cmd, _("give a name, a CCCD/CMND or card number, or - to read "
					      "queries from standard input"));
	struct buf query = BUF_INIT;
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			buf_addc(&query, ' ');
		buf_adds(&query, argv[i]);
	}
	f.list_mode = strcmp(buf_str(&query), "-") == 0;
	struct store *s;
	int rc = cli_open(c, &s, false, false);
	if (rc != EXIT_OK) {
		buf_free(&query);
		return rc;
	}
	f.s = s;
	struct err e;
	err_clear(&e);
	f.e = &e;
	hmap_init(&f.seen);
	hmap_init(&f.unit_label_idx);
	/* Reads run outside a transaction (read-committed): a long list of queries must not hold
	 * anything against the staff who are saving meanwhile. */
	rc = store_read(s, find_setup, &f, &e);
	f.t = NULL;
	if (rc == 0 && org) {
		f.only = org_list_match(&f.orgs, org, strlen(org));
		if (!f.only)
			rc = err_set(&e, ERR_USAGE, _("--org %s: no such organization"), org);
	}
	uint64_t found = 0;
	if (rc == 0 && header) {
		if (f.list_mode)
			printf("%s\t", _("Query"));
		printf("%s\t%s\t%s\t%s\t%s\n", _("Id"), _("Full name"), _("Date of birth"),
		       _("Organizations"), _("Units"));
	}
	if (rc == 0 && f.list_mode) {
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		while (rc == 0 && (n = getline(&line, &cap, stdin)) >= 0) {
			while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				line[--n] = '\0';
			if (n == 0)
				continue;
			rc = run_query(&f, line);
			found += f.printed;
		}
		free(line);
	} else if (rc == 0) {
		rc = run_query(&f, buf_str(&query));
		found = f.printed;
		fflush(stdout);	/* the results, then the remark about more of them */
		if (rc == 0 && f.more)
			fprintf(stderr, _("hoivien: more than %zu matches; type more of the name or use "
					  "--limit\n"), f.limit);
	}
	store_close(&s);
	org_list_free(&f.orgs);
	hmap_free(&f.seen);
	hmap_free(&f.unit_label_idx);
	for (size_t i = 0; i < f.nlabels; i++)
		free(f.labels[i]);
	free(f.labels);
	buf_free(&f.codes);
	buf_free(&f.units);
	buf_free(&query);
	if (rc)
		return cli_fail(&e);
	return found || f.list_mode ? EXIT_OK : EXIT_NOTFOUND;
}

/* ---- show ------------------------------------------------------------------------------- */

static void time_text(int64_t t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (t && localtime_r(&tt, &tm))
		strftime(out, n, "%d/%m/%Y %H:%M", &tm);
	else
		snprintf(out, n, "-");
}

static void print_fields(const struct rec_def *def, const void *rec, const char *indent)
{
	struct buf v = BUF_INIT;
	for (size_t i = 0; i < def->nfields; i++) {
		const struct field_def *fd = &def->fields[i];
		if (fd->type == FT_ID)
			continue;
		buf_reset(&v);
		rec_field_text(fd, rec, &v);
		fputs(indent, stdout);
		if (v.len) {
			cli_put_padded(stdout, _(fd->label), 26, false);
			putchar(' ');
			cli_put_safe(stdout, buf_str(&v));
		} else {
			fputs(_(fd->label), stdout);	/* no trailing blanks after an empty field */
		}
		putchar('\n');
	}
	buf_free(&v);
}

static void print_meta(const struct rec_meta *m, const char *indent)
{
	char c[32], u[32];
	time_text(m->ctime, c, sizeof c);
	time_text(m->mtime, u, sizeof u);
	printf(_("%sversion %u; created %s by %s; last changed %s by %s\n"), indent, m->version, c,
	       m->cuser ? m->cuser : "?", u, m->muser ? m->muser : "?");
}

static const char *op_text(int op)
{
	switch (op) {
	case AUDIT_CREATE: return _("created");
	case AUDIT_UPDATE: return _("changed");
	case AUDIT_DELETE: return _("deleted");
	case AUDIT_MERGE: return _("merged");
	default: return "?";
	}
}

/* A merge's entries, in words (the entries hold ids and, under the kept person, what undoes
 * the merge: see store/merge.c). */
static void print_merge(const struct audit *a)
{
	uint64_t x, y;
	if (strcmp(a->field, "merge") == 0) {
		struct store_merge m;
		if (store_merge_parse(a, &m, NULL) != 0) {
			printf(" %s", _("merged (the entry cannot be read)"));
			return;
		}
		printf(_(" merged: person %" PRIu64 " ("), m.gone);
		cli_put_safe(stdout, m.gone_rec.full_name);
		printf(_(") merged into this one; audit number %" PRIu64), a->m.id);
		if (m.nmoved)
			printf(_("; memberships moved: %zu"), m.nmoved);
		store_merge_clear(&m);
	} else if (strcmp(a->field, "merged_into") == 0 && a->after &&
		   sscanf(a->after, "merged into person %" SCNu64 " (merge %" SCNu64 ")", &x, &y) == 2) {
		printf(_(" merged into person %" PRIu64 " (audit number %" PRIu64 ")"), x, y);
	} else if (strcmp(a->field, "unmerge") == 0 && a->before &&
		   sscanf(a->before, "merge %" SCNu64, &y) == 1 && a->after &&
		   sscanf(a->after, "gone %" SCNu64, &x) == 1) {
		printf(_(" merge %" PRIu64 " undone: person %" PRIu64 " separated again"), y, x);
	} else if (strcmp(a->field, "unmerge") == 0 && a->after &&
		   sscanf(a->after, "split from person %" SCNu64 " (merge %" SCNu64 ")", &x, &y) == 2) {
		printf(_(" separated again from person %" PRIu64 " (merge %" PRIu64 " undone)"), x, y);
	} else {
		printf(" %s: ", a->field);
		cli_put_safe(stdout, a->after);
	}
}

static int print_audit_at(const struct audit *a, const char *indent)
{
	char when[32];
	time_text(a->time, when, sizeof when);
	printf("%s%s  ", indent, when);
	cli_put_padded(stdout, a->login ? a->login : "?", 10, false);
	if (a->op == AUDIT_MERGE && a->field) {
		print_merge(a);
		putchar('\n');
		return 0;
	}
	printf(" %s", op_text((int)a->op));
	const struct rec_def *def = rec_def_of((enum rec_type)a->rec_type);
	if (a->field && *a->field) {
		/* The field's label in the user's language; the stored name if this program does
		 * not know the field (written by a newer version). */
		const struct field_def *fd = def ? rec_field(def, a->field) : NULL;
		printf(" %s: ", fd ? _(fd->label) : a->field);
		cli_put_safe(stdout, a->before);
		printf(" → ");
		cli_put_safe(stdout, a->after);
	} else if ((a->op == AUDIT_CREATE || a->op == AUDIT_DELETE) && a->rec_type == REC_PERSON) {
		/* The name it was created (or removed) with; other records' notes are ids. */
		const char *name = a->op == AUDIT_CREATE ? a->after : a->before;
		if (name && *name) {
			printf(": ");
			cli_put_safe(stdout, name);
		}
	}
	putchar('\n');
	return 0;
}

static int print_audit(const void *rec, void *ctx)
{
	(void)ctx;
	return print_audit_at(rec, "    ");
}

/* A person's history, and within it, at each merge into them not undone since, the history
 * of the person merged (and so on, for merges into that one): the history follows the person. */
static bool undone_in(const struct audit_list *h, uint64_t seq)
{
	char want[40];
	snprintf(want, sizeof want, "merge %" PRIu64, seq);
	for (size_t i = 0; i < h->n; i++)
		if (h->v[i].op == AUDIT_MERGE && h->v[i].field &&
		    strcmp(h->v[i].field, "unmerge") == 0 && h->v[i].before &&
		    strcmp(h->v[i].before, want) == 0)
			return true;
	return false;
}

#define HISTORY_DEPTH 8

static int print_history(struct store *s, struct store_txn *t, uint64_t id, int depth,
			 struct err *e)
{
	struct audit_list h = { 0 };
	int rc = store_audit_list(s, t, REC_PERSON, id, &h, e);
	char indent[2 * HISTORY_DEPTH + 8];
	snprintf(indent, sizeof indent, "%*s", 4 + 2 * depth, "");
	for (size_t i = 0; rc == 0 && i < h.n; i++) {
		const struct audit *a = &h.v[i];
		print_audit_at(a, indent);
		struct store_merge m;
		if (a->op != AUDIT_MERGE || !a->field || strcmp(a->field, "merge") != 0 ||
		    depth >= HISTORY_DEPTH || undone_in(&h, a->m.id) ||
		    store_merge_parse(a, &m, NULL) != 0)
			continue;
		printf(_("%s  History of person %" PRIu64 " ("), indent, m.gone);
		cli_put_safe(stdout, m.gone_rec.full_name);
		printf(_("), merged into this one:\n"));
		uint64_t gone = m.gone;
		store_merge_clear(&m);
		if (gone != id)
			rc = print_history(s, t, gone, depth + 1, e);
	}
	store_audit_list_free(&h);
	return rc;
}

struct shower {
	uint64_t id;
	bool history;
	struct org_list orgs;
	struct person p;
	int n;
	struct store_txn *t;
	struct store *s;
	struct err *e;
};

static int show_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct shower *sh = ctx;
	const struct org_entry *o = org_list_by_id(&sh->orgs, m->org_id);
	struct buf path = BUF_INIT;
	if (m->unit_id && unit_path_text(sh->s, sh->t, m->unit_id, &path, sh->e) != 0)
		buf_adds(&path, "?");
	printf(_("\nMembership %" PRIu64 ": %s\n"), m->m.id, o ? o->name : "?");
	fputs("  ", stdout);
	cli_put_padded(stdout, _("Unit"), 26, false);
	putchar(' ');
	cli_put_safe(stdout, buf_str(&path));
	putchar('\n');
	buf_free(&path);
	print_fields(&REC_DEF_MEMBERSHIP, m, "  ");
	print_meta(&m->m, "  ");
	if (sh->history) {
		printf(_("  History:\n"));
		return store_each_audit_of(sh->s, sh->t, REC_MEMBERSHIP, m->m.id, print_audit, NULL,
					   sh->e);
	}
	return 0;
}

static int show_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct shower *sh = ctx;
	sh->t = t;
	sh->s = s;
	sh->e = e;
	org_list_free(&sh->orgs);
	int rc = org_list_load(s, t, &sh->orgs, e);
	if (rc)
		return rc;
	if ((rc = store_get(s, t, REC_PERSON, sh->id, &sh->p, e)) != 0)
		return rc;
	printf(_("Person %" PRIu64 "\n"), sh->id);
	print_fields(&REC_DEF_PERSON, &sh->p, "  ");
	print_meta(&sh->p.m, "  ");
	if (sh->history) {
		printf(_("  History:\n"));
		if ((rc = print_history(s, t, sh->id, 0, e)) != 0)
			return rc;
	}
	return store_each_membership_of_person(s, t, sh->id, show_membership, sh, e);
}

int cmd_show(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("show");
	static const struct option opts[] = {
		{ "history", no_argument, NULL, 'y' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	struct shower sh = { 0 };
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "d:h", opts, cmd)) != -1) {
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		case 'y': sh.history = true; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(cmd, _("give one person id (see 'hoivien find')"));
	char *end;
	unsigned long long id = strtoull(argv[optind], &end, 10);
	if (*end || id == 0 || argv[optind][0] == '-')
		return cli_usage_error(cmd, _("'%s' is not a person id"), argv[optind]);
	sh.id = id;
	struct store *s;
	int rc = cli_open(c, &s, false, false);
	if (rc != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	rc = store_read(s, show_fn, &sh, &e);
	store_close(&s);
	org_list_free(&sh.orgs);
	rec_clear(&REC_DEF_PERSON, &sh.p);
	return rc ? cli_fail(&e) : EXIT_OK;
}
