/* Commands that look after the store itself: init, check, backup, recover, summary. */
#include "cli/cli.h"

#include "core/orgs.h"
#include "core/record.h"
#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const struct option common_only[] = { CLI_COMMON_OPTS, { 0, 0, 0, 0 } };

/* Options parsing for commands with no options of their own; returns -1 to go on. */
/* The options every command has, then (if no_args) nothing else: an exit status to return at
 * once, or -1 to go on. */
static int only_common(struct cli *c, int argc, char **argv, const struct cli_cmd *cmd,
		       bool no_args)
{
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "d:h", common_only, cmd)) != -1) {
		if (ch == 0)
			continue;
		return ch == 'h' ? EXIT_OK : EXIT_USAGE;
	}
	if (no_args && optind < argc)
		return cli_usage_error(cmd, _("unexpected argument '%s'"), argv[optind]);
	return -1;
}

int cmd_init(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("init");
	int rc = only_common(c, argc, argv, cmd, true);
	if (rc >= 0)
		return rc;
	char *dir = path_store_dir(c->dir_opt);
	bool existed = store_exists(dir);
	struct store *s;
	if ((rc = cli_open(c, &s, true, false)) != EXIT_OK) {
		free(dir);
		return rc;
	}
	if (existed)
		printf(_("A store already exists in %s; nothing changed.\n"), dir);
	else
		printf(_("Created an empty store in %s (organizations MT, CD, DTN, PN, ND, CCB).\n"), dir);
	free(dir);
	store_close(&s);
	return EXIT_OK;
}

int cmd_check(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("check");
	int rc = only_common(c, argc, argv, cmd, true);
	if (rc >= 0)
		return rc;
	struct store *s;
	if ((rc = cli_open(c, &s, false, false)) != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	long problems = store_check(s, &e);
	struct store_stats st;
	int src = problems >= 0 ? store_stats(s, &st, &e) : 0;
	store_close(&s);
	if (problems < 0 || src)
		return cli_fail(&e);
	if (problems > 0) {
		printf(ngettext("check: %ld problem found\n", "check: %ld problems found\n",
				(unsigned long)problems), problems);
		return EXIT_PROBLEMS;
	}
	printf(_("check: OK (persons %" PRIu64 ", memberships %" PRIu64 ", units %" PRIu64 ", "
		 "audit entries %" PRIu64 "; every index agrees with the records)\n"),
	       st.persons, st.memberships, st.units, st.audit);
	return EXIT_OK;
}

int cmd_backup(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("backup");
	int rc = only_common(c, argc, argv, cmd, false);
	if (rc >= 0)
		return rc;
	if (optind + 1 != argc)
		return cli_usage_error(cmd, _("give the directory to copy the store into"));
	const char *dest = argv[optind];
	struct store *s;
	if ((rc = cli_open(c, &s, false, false)) != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	rc = store_backup(s, dest, &e);
	store_close(&s);
	if (rc)
		return cli_fail(&e);
	printf(_("Backup written to %s; open it with: hoivien -d %s\n"), dest, dest);
	return EXIT_OK;
}

int cmd_recover(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("recover");
	int rc = only_common(c, argc, argv, cmd, true);
	if (rc >= 0)
		return rc;
	char *dir = path_store_dir(c->dir_opt);
	struct err e;
	err_clear(&e);
	rc = store_recover(dir, &e);
	if (rc == 0)
		printf(_("The environment of %s was rebuilt (DB_CONFIG read again).\n"), dir);
	free(dir);
	if (rc) {
		cli_fail(&e);
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

struct org_counts {
	struct org_list orgs;
	uint64_t *active, *total;
};

static int count_membership(const void *rec, void *ctx)
{
	const struct membership *m = rec;
	struct org_counts *oc = ctx;
	for (size_t i = 0; i < oc->orgs.n; i++) {
		if (oc->orgs.v[i].id == m->org_id) {
			oc->total[i]++;
			if (m->status == MS_ACTIVE)
				oc->active[i]++;
			break;
		}
	}
	return 0;
}

static int summary_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct org_counts *oc = ctx;
	org_list_free(&oc->orgs);
	int rc = org_list_load(s, t, &oc->orgs, e);
	if (rc)
		return rc;
	free(oc->active);
	free(oc->total);
	oc->active = xcalloc(oc->orgs.n + 1, sizeof *oc->active);
	oc->total = xcalloc(oc->orgs.n + 1, sizeof *oc->total);
	return store_each(s, t, REC_MEMBERSHIP, count_membership, oc, e);
}

int cmd_summary(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("summary");
	int rc = only_common(c, argc, argv, cmd, true);
	if (rc >= 0)
		return rc;
	struct store *s;
	if ((rc = cli_open(c, &s, false, false)) != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	struct store_stats st;
	struct org_counts oc = { 0 };
	rc = store_stats(s, &st, &e);
	if (rc == 0)
		rc = store_read(s, summary_fn, &oc, &e);
	if (rc == 0) {
		printf(_("Store: %s\n"), store_dir(s));
		printf(_("Persons: %" PRIu64 "   memberships: %" PRIu64 "   units: %" PRIu64
			 "   size: %.1f MB\n"), st.persons, st.memberships, st.units,
		       (double)st.bytes / (1024.0 * 1024.0));
		putchar('\n');
		cli_put_padded(stdout, _("Code"), 5, false);
		putchar(' ');
		cli_put_padded(stdout, _("Organization"), 40, false);
		putchar(' ');
		cli_put_padded(stdout, _("Active"), 10, true);
		putchar(' ');
		cli_put_padded(stdout, _("All"), 10, true);
		putchar('\n');
		for (size_t i = 0; i < oc.orgs.n; i++) {
			char n1[24], n2[24];
			snprintf(n1, sizeof n1, "%" PRIu64, oc.active[i]);
			snprintf(n2, sizeof n2, "%" PRIu64, oc.total[i]);
			cli_put_padded(stdout, oc.orgs.v[i].code, 5, false);
			putchar(' ');
			cli_put_padded(stdout, oc.orgs.v[i].name, 40, false);
			putchar(' ');
			cli_put_padded(stdout, n1, 10, true);
			putchar(' ');
			cli_put_padded(stdout, n2, 10, true);
			putchar('\n');
		}
	}
	org_list_free(&oc.orgs);
	free(oc.active);
	free(oc.total);
	store_close(&s);
	return rc ? cli_fail(&e) : EXIT_OK;
}
