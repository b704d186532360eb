/* The demo command: a generated province to try hoivien on (or an import file of it). */
#include "cli/cli.h"

#include "core/demo.h"
#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"

#include <inttypes.h>
#include <stdlib.h>

int cmd_demo(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("demo");
	static const struct option opts[] = {
		{ "count", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 'S' },
		{ "csv", required_argument, NULL, 'x' },
		{ "duplicates", required_argument, NULL, 'D' },
		{ "truth", required_argument, NULL, 'T' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	struct demo_run_opts o = { .persons = 10000, .seed = 1 };
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "n:d:h", opts, cmd)) != -1) {
		char *end;
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		case 'n':
			o.persons = strtoul(optarg, &end, 10);
			if (*end || *optarg == '-' || *optarg == '\0' || o.persons == 0 || o.persons > 50000000)
				return cli_usage_error(cmd, _("-n: '%s' is not a number of persons (1 to 50000000)"),
						       optarg);
			break;
		case 'S':
			o.seed = strtoull(optarg, &end, 10);
			if (*end || *optarg == '\0')
				return cli_usage_error(cmd, _("--seed: '%s' is not a number"), optarg);
			break;
		case 'x': o.csv = optarg; break;
		case 'D':
			o.dup_rate = strtod(optarg, &end);
			if (*end || *optarg == '\0' || !(o.dup_rate >= 0 && o.dup_rate <= 0.5))
				return cli_usage_error(cmd, _("--duplicates: '%s' is not a share of the "
							      "persons (0 to 0.5)"), optarg);
			break;
		case 'T': o.truth_path = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, _("unexpected argument '%s'"), argv[optind]);
	if (o.truth_path && (o.csv || o.dup_rate <= 0))
		return cli_usage_error(cmd, _("--truth needs --duplicates, into a store (not --csv)"));
	struct store *s = NULL;
	int rc;
	if (!o.csv && (rc = cli_open(c, &s, true, true)) != EXIT_OK)
		return rc;
	struct demo_report r;
	struct err e;
	err_clear(&e);
	rc = demo_run(s, &o, &r, &e);
	if (rc == 0 && o.csv)
		printf(_("Wrote %s: persons %" PRIu64 ", rows %" PRIu64 " (one per membership).\n"),
		       o.csv, r.persons, r.memberships);
	else if (rc == 0)
		printf(_("Generated in %s: persons %" PRIu64 ", memberships %" PRIu64 ", units %" PRIu64
			 ".\n"), store_dir(s), r.persons, r.memberships, r.units);
	if (rc == 0 && r.duplicates)
		printf(_("Of the persons, %" PRIu64 " are second records of someone already there "
			 "(hoivien report duplicates finds them).\n"), r.duplicates);
	store_close(&s);
	return rc ? cli_fail(&e) : EXIT_OK;
}
