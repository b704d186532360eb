/* Commands that move lists in and out: import and export. */
#include "cli/cli.h"

#include "core/export.h"
#include "core/import.h"
#include "store/store.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_UNITS_LISTED 30

/* Whether two paths name the same file (both existing). */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static bool parse_count(const char *s, unsigned long *out)
{
	char *end;
	if (!s || !*s || *s == '-')
		return false;
	*out = strtoul(s, &end, 10);
	return *end == '\0';
}

/* --preview: the encoding and the first rows as they would be read, nothing written. */
static int import_show_preview(const char *path, const char *encoding, size_t rows)
{
	struct import_preview p;
	struct err e;
	err_clear(&e);
	if (import_preview(path, encoding, rows, &p, &e) != 0) {
		import_preview_free(&p);
		return cli_fail(&e);
	}
	if (p.guessed)
		printf(_("Encoding: %s (guessed, confidence %.2f; then: %s)\n"), p.encoding,
		       p.confidence, p.others[0] ? p.others : "-");
	else
		printf(_("Encoding: %s (as given)\n"), p.encoding);
	const char *t = buf_str(&p.text);
	for (size_t line = 0; *t; line++) {
		const char *nl = strchr(t, '\n');
		size_t n = nl ? (size_t)(nl - t) : strlen(t);
		char *one = xstrndup(t, n);
		/* Fields are tab-separated: show them with " | " so that empty ones are seen. */
		printf("%4zu  ", line + 1);
		for (char *f = one, *tab; f; f = tab ? tab + 1 : NULL) {
			tab = strchr(f, '\t');
			if (tab)
				*tab = '\0';
			if (f != one)
				fputs(" | ", stdout);
			cli_put_safe(stdout, f);
		}
		putchar('\n');
		free(one);
		t += n + (nl != NULL);
	}
	printf(ngettext("(the header and %zu row; nothing was imported)\n",
			"(the header and %zu rows; nothing was imported)\n", (unsigned long)p.nrows),
	       p.nrows);
	import_preview_free(&p);
	return EXIT_OK;
}

int cmd_import(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("import");
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'o' },
		{ "unit", required_argument, NULL, 'u' },
		{ "rejects", required_argument, NULL, 'r' },
		{ "batch", required_argument, NULL, 'b' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "preview", optional_argument, NULL, 'p' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	struct import_opts io = { 0 };
	long preview = -1;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "d:h", opts, cmd)) != -1) {
		unsigned long v;
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		case 'o': io.org = optarg; break;
		case 'u': io.unit = optarg; break;
		case 'r': io.rejects = optarg; break;
		case 'b':
			if (!parse_count(optarg, &v) || v == 0 || v > 100000)
				return cli_usage_error(cmd, _("--batch: '%s' is not a number of rows (1 to 100000)"),
						       optarg);
			io.batch = v;
			break;
		case 'e': io.encoding = optarg; break;
		case 'p':
			if (!optarg)
				preview = 10;
			else if (!parse_count(optarg, &v) || v == 0 || v > 10000)
				return cli_usage_error(cmd, _("--preview: '%s' is not a number of rows (1 to 10000)"),
						       optarg);
			else
				preview = (long)v;
			break;
		default: return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(cmd, _("give one CSV file to import"));
	io.path = argv[optind];
	if (preview > 0)
		return import_show_preview(io.path, io.encoding, (size_t)preview);
	/* A file that cannot be read stops here, before a mistyped -d creates an empty store. */
	FILE *probe = fopen(io.path, "rb");
	if (!probe) {
		struct err fe;
		err_set(&fe, ERR_IO, _("cannot open: %s"), strerror(errno));
		err_where(&fe, "%s", io.path);
		cli_fail(&fe);
		return EXIT_ERROR;
	}
	fclose(probe);
	if (io.rejects && same_file(io.rejects, io.path))
		return cli_usage_error(cmd, _("--rejects %s is the file being imported"), io.rejects);
	char *dir = path_store_dir(c->dir_opt);
	bool existed = store_exists(dir);
	struct store *s;
	int rc = cli_open(c, &s, true, true);
	if (rc != EXIT_OK) {
		free(dir);
		return rc;
	}
	struct import_report r;
	struct err e;
	err_clear(&e);
	rc = import_csv(s, &io, &r, &e);
	store_close(&s);
	if (!existed) {
		/* A file refused before its first row leaves no empty store behind. */
		if (rc && r.read == 0)
			store_remove(dir);
		else
			printf(_("Created a new store in %s.\n"), dir);
	}
	free(dir);
	int status = EXIT_OK;
	if (r.encoding[0] && (r.guessed ? strcmp(r.encoding, "utf-8") != 0 : true)) {
		if (r.guessed)
			printf(_("Encoding: %s (guessed, confidence %.2f); the rows were converted to "
				 "Unicode.\n"), r.encoding, r.confidence);
		else
			printf(_("Encoding: %s (as given).\n"), r.encoding);
	}
	if (r.ignored.len)
		printf(_("Columns not understood (ignored): %s\n"), buf_str(&r.ignored));
	if (r.nunits) {
		printf(_("Units created (%" PRIu64 "):\n"), r.nunits);
		const char *p = buf_str(&r.units);
		for (int shown = 0; *p; shown++) {
			if (shown == MAX_UNITS_LISTED) {
				printf(_("  … and %" PRIu64 " more\n"), r.nunits - MAX_UNITS_LISTED);
				break;
			}
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			printf("  %.*s\n", (int)n, p);
			p += n + (nl != NULL);
		}
	}
	if (r.nwarnings) {
		printf(_("Warnings (%" PRIu64 "; values kept):\n"), r.nwarnings);
		fputs(buf_str(&r.warnings), stdout);
		if (r.nwarnings > 20)
			printf(_("  … and %" PRIu64 " more\n"), r.nwarnings - 20);
	}
	if (rc) {
		status = cli_fail(&e);
		if (r.read)
			printf(_("Import stopped; the rows counted below were saved. Import the file again "
				 "to finish: rows already saved are recognised and not added twice.\n"));
	}
	if (rc == 0 || r.read) {
		printf(ngettext("Added %" PRIu64 ", updated %" PRIu64 ", unchanged %" PRIu64
				", rejected %" PRIu64 " of %" PRIu64 " row.\n",
				"Added %" PRIu64 ", updated %" PRIu64 ", unchanged %" PRIu64
				", rejected %" PRIu64 " of %" PRIu64 " rows.\n", (unsigned long)r.read),
		       r.added, r.updated, r.unchanged, r.rejected, r.read);
		if (r.rejected && r.rejects_path)
			printf(_("Rejected rows, each with its row number and the reason: %s\n"),
			       r.rejects_path);
		else if (r.stale_rejects)
			printf(_("No row was rejected; the rejects file of an earlier import was removed: "
				 "%s\n"), r.stale_rejects);
		printf("read=%" PRIu64 " added=%" PRIu64 " updated=%" PRIu64 " unchanged=%" PRIu64
		       " rejected=%" PRIu64 "\n", r.read, r.added, r.updated, r.unchanged, r.rejected);
	}
	if (!rc && r.rejected)
		status = EXIT_PROBLEMS;
	import_report_free(&r);
	return status;
}

int cmd_export(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("export");
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "org", required_argument, NULL, 'g' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	struct export_opts eo = { 0 };
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "o:d:h", opts, cmd)) != -1) {
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		case 'o': eo.path = optarg; break;
		case 'g': eo.org = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if (!eo.path)
		return cli_usage_error(cmd, _("say where to write with -o FILE (- for standard output)"));
	if (optind < argc)
		return cli_usage_error(cmd, _("unexpected argument '%s'"), argv[optind]);
	struct store *s;
	int rc = cli_open(c, &s, false, false);
	if (rc != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	uint64_t rows = 0;
	rc = export_csv(s, &eo, &rows, &e);
	store_close(&s);
	if (rc)
		return cli_fail(&e);
	if (strcmp(eo.path, "-") != 0)
		fprintf(stderr, ngettext("Exported %" PRIu64 " row to %s.\n",
					 "Exported %" PRIu64 " rows to %s.\n", (unsigned long)rows), rows,
			eo.path);
	return EXIT_OK;
}
