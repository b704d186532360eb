/* Commands for duplicate persons: merge two records of one human, undo a merge from its audit
 * entry, and record that two persons are not one (the duplicates report then leaves them out). */
#include "cli/cli.h"

#include "core/orgs.h"
#include "core/record.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* A person id (or an audit number) from the command line; false if it is not one. */
static bool parse_id(const char *s, uint64_t *out)
{
	char *end;
	if (!s || !*s || *s == '-' || *s == '+')
		return false;
	unsigned long long v = strtoull(s, &end, 10);
	if (*end || v == 0)
		return false;
	*out = v;
	return true;
}

/* Options: only the common ones.  Returns -1 to go on, else the exit status. */
static int common_opts(struct cli *c, int argc, char **argv, const struct cli_cmd *cmd)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "d:h", opts, cmd)) != -1) {
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	return -1;
}

/* The texts of the fields a merge filled ("Address, Phone"). */
static void filled_text(const struct person *filled, struct buf *out)
{
	struct buf v = BUF_INIT;
	for (size_t i = 0; i < REC_DEF_PERSON.nfields; i++) {
		const struct field_def *f = &REC_DEF_PERSON.fields[i];
		buf_reset(&v);
		rec_field_text(f, filled, &v);
		if (!v.len)
			continue;
		if (out->len)
			buf_adds(out, ", ");
		buf_adds(out, _(f->label));
	}
	buf_free(&v);
}

/* ---- merge ---------------------------------------------------------------------------------- */

struct merging {
	uint64_t keep, gone, seq;
	struct store_merge m;
	struct person keep_rec;
	struct org_list orgs;
	char **codes;		/* [m.nmoved]: each moved membership's organization */
};

static void merging_clear_run(struct merging *g)
{
	store_merge_clear(&g->m);
	rec_clear(&REC_DEF_PERSON, &g->keep_rec);
	org_list_free(&g->orgs);
	if (g->codes) {
		for (size_t i = 0; g->codes[i]; i++)
			free(g->codes[i]);
		free(g->codes);
		g->codes = NULL;
	}
}

static int merge_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct merging *g = ctx;
	merging_clear_run(g);	/* a rerun after a deadlock starts afresh */
	struct person gone = { 0 };
	int rc = store_get(s, t, REC_PERSON, g->keep, &g->keep_rec, e);
	if (rc == 0)
		rc = store_get(s, t, REC_PERSON, g->gone, &gone, e);
	if (rc == 0)
		rc = store_merge_persons(s, t, g->keep, g->keep_rec.m.version, g->gone,
					 gone.m.version, &g->seq, e);
	rec_clear(&REC_DEF_PERSON, &gone);
	if (rc == 0)
		rc = store_merge_read(s, t, g->keep, g->seq, &g->m, e);
	if (rc == 0)
		rc = org_list_load(s, t, &g->orgs, e);
	if (rc)
		return rc;
	g->codes = xcalloc(g->m.nmoved + 1, sizeof *g->codes);
	for (size_t i = 0; i < g->m.nmoved; i++) {
		struct membership ms = { 0 };
		const struct org_entry *o = NULL;
		if (store_get(s, t, REC_MEMBERSHIP, g->m.moved[i], &ms, NULL) == 0)
			o = org_list_by_id(&g->orgs, ms.org_id);
		g->codes[i] = xstrdup(o ? o->code : "?");
		rec_clear(&REC_DEF_MEMBERSHIP, &ms);
	}
	return 0;
}

int cmd_merge(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("merge");
	int rc = common_opts(c, argc, argv, cmd);
	if (rc >= 0)
		return rc;
	struct merging g = { 0 };
	if (optind + 2 != argc)
		return cli_usage_error(cmd, _("give two person ids: the one to keep, then the one to "
					      "merge into it"));
	if (!parse_id(argv[optind], &g.keep))
		return cli_usage_error(cmd, _("'%s' is not a person id"), argv[optind]);
	if (!parse_id(argv[optind + 1], &g.gone))
		return cli_usage_error(cmd, _("'%s' is not a person id"), argv[optind + 1]);
	if (g.keep == g.gone)
		return cli_usage_error(cmd, _("person %" PRIu64 " cannot be merged into itself"),
				       g.keep);
	struct store *s;
	if ((rc = cli_open(c, &s, false, false)) != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	rc = store_write(s, merge_fn, &g, &e);
	store_close(&s);
	if (rc) {
		merging_clear_run(&g);
		return cli_fail(&e);
	}
	printf(_("Merged person %" PRIu64 " (%s) into person %" PRIu64 " (%s): audit number "
		 "%" PRIu64 ".\n"),
	       g.gone, g.m.gone_rec.full_name ? g.m.gone_rec.full_name : "", g.keep,
	       g.keep_rec.full_name ? g.keep_rec.full_name : "", g.seq);
	if (g.m.nmoved) {
		printf("%s", _("Memberships moved:"));
		for (size_t i = 0; i < g.m.nmoved; i++)
			printf(" %" PRIu64 " (%s)", g.m.moved[i], g.codes && g.codes[i] ? g.codes[i] : "?");
		putchar('\n');
	} else {
		printf("%s\n", _("Memberships moved: none."));
	}
	struct buf f = BUF_INIT;
	filled_text(&g.m.filled, &f);
	printf(_("Fields filled from person %" PRIu64 ": %s\n"), g.gone, f.len ? buf_str(&f) : "-");
	buf_free(&f);
	printf(_("To undo it: hoivien unmerge %" PRIu64 " %" PRIu64 "\n"), g.keep, g.seq);
	merging_clear_run(&g);
	return EXIT_OK;
}

/* ---- unmerge -------------------------------------------------------------------------------- */

struct unmerging {
	uint64_t keep, seq;
	struct buf said;
	struct store_merge m;
};

static int unmerge_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct unmerging *u = ctx;
	store_merge_clear(&u->m);
	int rc = store_merge_read(s, t, u->keep, u->seq, &u->m, e);
	if (rc == 0)
		rc = store_merge_undo(s, t, u->keep, u->seq, &u->said, e);
	return rc;
}

int cmd_unmerge(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("unmerge");
	int rc = common_opts(c, argc, argv, cmd);
	if (rc >= 0)
		return rc;
	struct unmerging u = { .said = BUF_INIT };
	if (optind + 2 != argc)
		return cli_usage_error(cmd, _("give the kept person's id and the merge's audit number "
					      "(as merge printed it, or show --history lists it)"));
	if (!parse_id(argv[optind], &u.keep))
		return cli_usage_error(cmd, _("'%s' is not a person id"), argv[optind]);
	if (!parse_id(argv[optind + 1], &u.seq))
		return cli_usage_error(cmd, _("'%s' is not an audit number"), argv[optind + 1]);
	struct store *s;
	if ((rc = cli_open(c, &s, false, false)) != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	rc = store_write(s, unmerge_fn, &u, &e);
	store_close(&s);
	if (rc == 0) {
		printf(_("Undid merge %" PRIu64 ": person %" PRIu64 " (%s) is back"), u.seq, u.m.gone,
		       u.m.gone_rec.full_name ? u.m.gone_rec.full_name : "");
		if (u.m.nmoved)
			printf(_(" with its memberships"));
		printf(".\n");
		/* What was left as it was: each line as the store said it. */
		const char *p = buf_str(&u.said);
		while (*p) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			printf(_("Left as it was: %.*s\n"), (int)n, p);
			p += n + (nl ? 1 : 0);
		}
	}
	store_merge_clear(&u.m);
	buf_free(&u.said);
	return rc ? cli_fail(&e) : EXIT_OK;
}

/* ---- notdup --------------------------------------------------------------------------------- */

struct deciding {
	uint64_t a, b;
	const char *note;
	bool remove;
	bool already;
};

static int notdup_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct deciding *d = ctx;
	if (d->remove)
		return store_notdup_remove(s, t, d->a, d->b, e);
	int rc = store_notdup_add(s, t, d->a, d->b, d->note, e);
	d->already = rc == 1;
	return rc > 0 ? 0 : rc;
}

int cmd_notdup(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("notdup");
	static const struct option opts[] = {
		{ "note", required_argument, NULL, 'n' },
		{ "remove", no_argument, NULL, 'r' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	struct deciding d = { 0 };
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "d:h", opts, cmd)) != -1) {
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		case 'n': d.note = optarg; break;
		case 'r': d.remove = true; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind + 2 != argc)
		return cli_usage_error(cmd, _("give two person ids"));
	if (!parse_id(argv[optind], &d.a))
		return cli_usage_error(cmd, _("'%s' is not a person id"), argv[optind]);
	if (!parse_id(argv[optind + 1], &d.b))
		return cli_usage_error(cmd, _("'%s' is not a person id"), argv[optind + 1]);
	if (d.a == d.b)
		return cli_usage_error(cmd, _("give two different persons"));
	if (d.remove && d.note)
		return cli_usage_error(cmd, _("--note goes with a decision, not with --remove"));
	struct store *s;
	int rc = cli_open(c, &s, false, false);
	if (rc != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	rc = store_write(s, notdup_fn, &d, &e);
	store_close(&s);
	if (rc)
		return cli_fail(&e);
	if (d.remove)
		printf(_("Persons %" PRIu64 " and %" PRIu64 " may be proposed as duplicates again.\n"),
		       d.a, d.b);
	else if (d.already)
		printf(_("Persons %" PRIu64 " and %" PRIu64 " were already recorded as two persons.\n"),
		       d.a, d.b);
	else
		printf(_("Persons %" PRIu64 " and %" PRIu64 " are recorded as two persons: the "
			 "duplicates report will not propose them again.\n"), d.a, d.b);
	return EXIT_OK;
}
