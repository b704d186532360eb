/* The report command: the standard statistics and the cross-organization overlap. */
#include "cli/cli.h"

#include "core/date.h"
#include "core/report.h"
#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_WIDTH 80	/* what every terminal shows; the tables fit it */

enum kind { K_STATS, K_OVERLAP, K_DUPLICATES };

static const struct {
	const char *name;
	enum kind kind;
} kinds[] = { { "stats", K_STATS }, { "overlap", K_OVERLAP }, { "duplicates", K_DUPLICATES } };

/* Compute the report and write it to f in fmt (text or csv). */
static int write_report(FILE *f, struct store *s, enum kind kind, const struct report_opts *ro,
			enum report_format fmt, struct err *e)
{
	if (kind == K_DUPLICATES) {
		struct report_dup_summary sum;
		return report_duplicates_write(f, s, ro, fmt, &sum, e);
	}
	struct report_stats st;
	struct report_overlap ov;
	int rc = kind == K_STATS ? report_stats(s, ro, &st, e) : report_overlap(s, ro, &ov, e);
	if (rc)
		return rc;
	if (kind == K_STATS) {
		report_stats_write(f, &st, fmt, TEXT_WIDTH);
		report_stats_free(&st);
	} else {
		report_overlap_write(f, &ov, fmt, TEXT_WIDTH);
		report_overlap_free(&ov);
	}
	return 0;
}

/* A workbook: the report's CSV, made in memory, laid out as a sheet. */
static int run_xlsx(struct store *s, enum kind kind, const char *name,
		    const struct report_opts *ro, const char *path, struct err *e)
{
	char *mem = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&mem, &n);
	if (!f)
		return err_set(e, ERR_IO, "%s", _("out of memory"));
	int rc = write_report(f, s, kind, ro, REPORT_CSV, e);
	fclose(f);
	if (!rc) {
		char title[200];
		snprintf(title, sizeof title, "hoivien report %s%s%s", name, ro->org ? " --org " : "",
			 ro->org ? ro->org : "");
		rc = report_csv_to_xlsx(mem, n, path, name, title, e);
	}
	free(mem);
	return rc;
}

static int run_report(struct store *s, enum kind kind, const struct report_opts *ro,
		      enum report_format fmt, const char *path, struct err *e)
{
	struct atomic_file af;
	int rc = atomic_open(&af, path, e);
	if (rc)
		return rc;
	rc = write_report(af.f, s, kind, ro, fmt, e);
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
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
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
			err_clear(&de);
			if (date_parse(optarg, &ro.as_of, &de) != 0)
				return cli_usage_error(cmd, _("--as-of %s: %s"), optarg, de.msg);
			if (date_precision(ro.as_of) != DATE_YMD)
				return cli_usage_error(cmd, _("--as-of %s: give a whole date, DD/MM/YYYY"),
						       optarg);
			break;
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
		default: return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage_error(cmd, _("say which report: stats, overlap or duplicates"));
	if (optind + 1 < argc)
		return cli_usage_error(cmd, _("unexpected argument '%s'"), argv[optind + 1]);
	const char *name = argv[optind];
	int kind = -1;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].name, name) == 0)
			kind = (int)kinds[i].kind;
	if (kind < 0)
		return cli_usage_error(cmd, _("unknown report '%s' (there are: stats, overlap, duplicates)"), name);
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
		rc = run_xlsx(s, (enum kind)kind, name, &ro, path, &e);
	else
		rc = run_report(s, (enum kind)kind, &ro, fmt, path, &e);
	store_close(&s);
	return rc ? cli_fail(&e) : EXIT_OK;
}
