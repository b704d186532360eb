/* The report command: every report of core/report.h, to a terminal or a file. */
#include "cli/cli.h"

#include "core/date.h"
#include "core/report.h"
#include "core/settings.h"
#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_WIDTH 80	/* what every terminal shows; the tables fit it */

static int run_report(struct store *s, enum report_kind kind, const struct report_opts *ro,
		      enum report_format fmt, const char *path, struct err *e)
{
	struct atomic_file af;
	int rc = atomic_open(&af, path, e);
	if (rc)
		return rc;
	rc = report_write(af.f, s, kind, ro, fmt, TEXT_WIDTH, e);
	if (!rc && ferror(af.f)) {
		rc = err_set(e, ERR_IO, _("write error"));
		err_where(e, "%s", path);
	}
	if (rc) {
		atomic_abort(&af);
		return rc;
	}
	return atomic_commit(&af, e);
}

int cmd_report(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("report");
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'g' },
		{ "unit", required_argument, NULL, 'u' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "from", required_argument, NULL, 'F' },
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "probable", no_argument, NULL, 'P' },
		{ "months", required_argument, NULL, 'm' },
		{ "list", no_argument, NULL, 'l' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	struct report_opts ro = { 0 };
	enum report_format fmt = REPORT_TEXT;
	bool xlsx = false;
	const char *path = "-";
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "o:d:h", opts, cmd)) != -1) {
		struct err de;
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		case 'g': ro.org = optarg; break;
		case 'u': ro.unit = optarg; break;
		case 'a':
		case 'F': {
			const char *opt = ch == 'a' ? "--as-of" : "--from";
			hv_date *d = ch == 'a' ? &ro.as_of : &ro.from;
			err_clear(&de);
			if (date_parse(optarg, d, &de) != 0)
				return cli_usage_error(cmd, _("%s %s: %s"), opt, optarg, de.msg);
			if (date_precision(*d) != DATE_YMD)
				return cli_usage_error(cmd, _("%s %s: give a whole date, DD/MM/YYYY"), opt,
						       optarg);
			break;
		}
		case 'y': {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (!*optarg || *end || y < 1900 || y > 2100)
				return cli_usage_error(cmd, _("--year %s: not a year from 1900 to 2100"),
						       optarg);
			ro.year = (int)y;
			break;
		}
		case 'f':
			if (strcmp(optarg, "text") == 0)
				fmt = REPORT_TEXT;
			else if (strcmp(optarg, "csv") == 0)
				fmt = REPORT_CSV;
			else if (strcmp(optarg, "xlsx") == 0)
				xlsx = true;
			else
				return cli_usage_error(cmd, _("--format %s: say text, csv or xlsx"), optarg);
			break;
		case 'o': path = optarg; break;
		case 'P': ro.probable = true; break;
		case 'm': {
			char *end;
			long m = strtol(optarg, &end, 10);
			if (!*optarg || *end || m < SET_MONTHS_MIN || m > SET_MONTHS_MAX)
				return cli_usage_error(cmd, _("--months %s: say a number of months from "
							      "1 to %d"), optarg, SET_MONTHS_MAX);
			ro.months = (int)m;
			break;
		}
		case 'l': ro.list = true; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage_error(cmd, _("say which report: stats, overlap, duplicates, phantom, "
					      "movement, gathering or targets"));
	if (optind + 1 < argc)
		return cli_usage_error(cmd, _("unexpected argument '%s'"), argv[optind + 1]);
	const char *name = argv[optind];
	int kind = report_kind_parse(name);
	if (kind < 0)
		return cli_usage_error(cmd, _("unknown report '%s' (there are: stats, overlap, "
					      "duplicates, phantom, movement, gathering, targets)"), name);
	if (ro.from && kind != RK_MOVEMENT)
		return cli_usage_error(cmd, _("--from is for the movement report"));
	if (ro.year && kind != RK_GATHERING && kind != RK_TARGETS)
		return cli_usage_error(cmd, _("--year is for the gathering and targets reports"));
	if (ro.probable && kind != RK_OVERLAP)
		return cli_usage_error(cmd, _("--probable is for the overlap report"));
	if (ro.from && ro.from > (ro.as_of ? ro.as_of : date_today())) {
		char from[16], to[16];
		date_format(ro.from, from);
		date_format(ro.as_of ? ro.as_of : date_today(), to);
		return cli_usage_error(cmd, _("--from %s is after the period's last day, %s "
					      "(--as-of, default today)"), from, to);
	}
	if ((ro.months || ro.list) && kind != RK_PHANTOM)
		return cli_usage_error(cmd, _("%s is for the phantom report"),
				       ro.months ? "--months" : "--list");
	if (ro.unit && *ro.unit && !(ro.org && *ro.org))
		return cli_usage_error(cmd, _("--unit needs --org: each organization has its own unit "
					      "tree"));
	if (xlsx && strcmp(path, "-") == 0)
		return cli_usage_error(cmd, _("--format xlsx writes a file: say which with -o FILE"));
	struct store *s;
	int rc = cli_open(c, &s, false, false);
	if (rc != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	if (xlsx)
		rc = report_write_xlsx(s, (enum report_kind)kind, &ro, path, &e);
	else
		rc = run_report(s, (enum report_kind)kind, &ro, fmt, path, &e);
	store_close(&s);
	return rc ? cli_fail(&e) : EXIT_OK;
}
