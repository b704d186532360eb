/* Command-line dispatch: global options, the table of subcommands, help and errors. */
#include "cli/cli.h"

#include "core/keymap.h"
#include "store/store.h"
#include "text/width.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/msg.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const struct cli_cmd cli_commands[] = {
	{ "init", cmd_init, "", N_("create a new, empty store (with the six organizations)"), "" },
	{ "demo", cmd_demo, "[-n N] [--seed S]",
	  N_("fill the store with N generated members (for trying hoivien out)"),
	  N_("  -n, --count N       persons to generate (default 10000)\n"
	     "      --seed S        random seed: the same seed gives the same people\n"
	     "      --csv FILE      write them as a CSV list to import, instead of into the store\n"
	     "      --duplicates R  register this share of them twice, spelt differently (0-0.5)\n"
	     "      --truth FILE    write the pairs that are one person there, one per line\n") },
	{ "import", cmd_import, "FILE",
	  N_("import a member list (CSV in Unicode or an old Vietnamese encoding, Vietnamese column "
	     "headers)"),
	  N_("      --org CODE      organization of rows that name none (MT CD DTN PN ND CCB)\n"
	     "      --unit PATH     unit of rows that name none, e.g. \"Xã An Bình/Chi hội Thôn Đông\"\n"
	     "      --rejects FILE  where rejected rows go (default: FILE's name ending .rejects.csv)\n"
	     "      --batch N       rows per transaction (default 1000)\n"
	     "      --encoding E    the file's encoding (utf-8 tcvn3 vn1 vni vps viscii cp1258 viqr\n"
	     "                      nfd); default: guessed from the file\n"
	     "      --preview[=N]   show the encoding and the first N rows (10) as read; import\n"
	     "                      nothing\n") },
	{ "export", cmd_export, "-o FILE",
	  N_("write the register as CSV (for spreadsheets; imports back unchanged)"),
	  N_("  -o, --output FILE   the file to write (- for standard output)\n"
	     "      --org CODE      only members of this organization\n") },
	{ "find", cmd_find, "QUERY… | -",
	  N_("find persons by name (accents optional), CCCD/CMND or card number"),
	  N_("  -n, --limit N       at most N results per query (default 50, 0 = all)\n"
	     "      --org CODE      only members of this organization\n"
	     "      --header        print a header line first\n"
	     "  -                   read one query per line from standard input\n") },
	{ "show", cmd_show, "ID", N_("show every field of a person and of each membership"),
	  N_("      --history       also list every change recorded in the audit trail\n") },
	{ "check", cmd_check, "", N_("verify the databases and that every index agrees with the records"),
	  "" },
	{ "backup", cmd_backup, "DEST", N_("copy the store while others work; open the copy with -d DEST"),
	  "" },
	{ "recover", cmd_recover, "",
	  N_("apply DB_CONFIG changes (only while nobody is using the store)"),
	  "" },
	{ "summary", cmd_summary, "", N_("count persons, memberships and units, by organization"), "" },
	{ "report", cmd_report, "stats|overlap|duplicates|phantom|movement|gathering|targets",
	  N_("the standard reports: statistics by unit, overlap of the organizations, duplicates, "
	     "real members (the five tests), movement over a period, gathering rate, targets "
	     "against actual figures"),
	  N_("      --org CODE      one organization (stats: default one table per organization;\n"
	     "                      overlap: persons with a membership of it)\n"
	     "      --unit PATH     only the subtree of this unit of --org, e.g. \"Xã An Bình\"\n"
	     "      --as-of DATE    count the memberships active on DD/MM/YYYY (default today);\n"
	     "                      movement: the period's last day\n"
	     "      --from DATE     movement: the period's first day (default 1 January of\n"
	     "                      --as-of's year)\n"
	     "      --year Y        gathering, targets: the year (default --as-of's); members are\n"
	     "                      counted on 31/12/Y, or on --as-of if that is earlier\n"
	     "      --format F      text (tables that fit 80 columns, the default), csv or xlsx\n"
	     "                      (a workbook, with -o FILE)\n"
	     "      --months N      phantom: dues and meetings of the last N months (default:\n"
	     "                      the setting phantom-months, else 6)\n"
	     "      --list          phantom: the members who fail a test (for CSV and xlsx: instead\n"
	     "                      of the table by unit)\n"
	     "  -o, --output FILE   where to write (default: standard output)\n"
	     "      --probable      overlap: add the probable overlaps from the duplicates\n"
	     "                      report, apart from the figures\n") },
	{ "target", cmd_target,
	  "--org CODE --unit PATH --year Y [--population N] [--admissions N] [--members N] "
	  "[--rate PCT] [--dues N]",
	  N_("set or show a unit's eligible population and targets for a year"),
	  N_("      --org CODE      the unit's organization\n"
	     "      --unit PATH     the unit, e.g. \"Xã An Bình\"\n"
	     "      --year Y        the year\n"
	     "      --population N  eligible population (the gathering rate is members / N)\n"
	     "      --admissions N  target: members admitted in the year\n"
	     "      --members N     target: members at the end of the year\n"
	     "      --rate PCT      target: gathering rate in percent, e.g. 75.5\n"
	     "      --dues N        target: dues collected in the year, in đồng\n"
	     "                      (0 clears a figure; with none of these, print the figures)\n") },
	{ "unit-tags", cmd_unit_tags, "--org CODE --unit PATH [+TAG|-TAG]…",
	  N_("set or show a unit's area tags: ethnic, religious, nonstate, urban, border"),
	  N_("      --org CODE      the unit's organization\n"
	     "      --unit PATH     the unit, e.g. \"Xã An Bình\"\n"
	     "  +TAG, -TAG          add or remove a tag: ethnic (ethnic-minority area), religious\n"
	     "                      (religious area), nonstate (non-state enterprise), urban,\n"
	     "                      border; with none, print the unit's tags\n") },
	{ "merge", cmd_merge, "KEEP GONE",
	  N_("merge person GONE into person KEEP (two records of one person): memberships, "
	     "missing fields and history go to KEEP"),
	  "" },
	{ "unmerge", cmd_unmerge, "KEEP AUDIT",
	  N_("undo a merge into person KEEP, from its audit number (as merge printed it)"), "" },
	{ "notdup", cmd_notdup, "[--note TEXT] [--remove] A B",
	  N_("record that persons A and B are two persons: the duplicates report stops proposing "
	     "them"),
	  N_("      --note TEXT     why (kept with the decision)\n"
	     "      --remove        forget the decision: the pair may be proposed again\n") },
	{ "convert", cmd_convert, "[--from E] --to E [FILE…]",
	  N_("convert text between Vietnamese encodings (Unicode, TCVN3, VNI, VISCII, …)"),
	  N_("  -f, --from E        encoding of the input (default: guessed)\n"
	     "  -t, --to E          encoding to write: utf-8 nfd tcvn3 vn1 vni vps viscii cp1258\n"
	     "                      viqr ascii\n"
	     "  -o, --output FILE   where to write (default: standard output)\n"
	     "      --replace       write what the target cannot hold without its marks, or '?',\n"
	     "                      and count it (default: stop and say where)\n"
	     "      --fix-caps      mend words typed in a TCVN3 capitals font (\"NGUYễN\")\n") },
	{ "detect", cmd_detect, "FILE…",
	  N_("guess the Vietnamese encoding of files, with the confidence"),
	  N_("  -v, --verbose       also list the other encodings' scores\n") },
};
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];

const struct cli_cmd *cli_command(const char *name)
{
	for (size_t i = 0; i < cli_ncommands; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

static void usage(FILE *out)
{
	fprintf(out, _("Usage: hoivien [-d DIR] [COMMAND [OPTIONS] [ARGUMENTS]]\n"
		       "\n"
		       "hoivien keeps the member registers of the Fatherland Front and the mass\n"
		       "organizations. Without a command it opens the full-screen program.\n"
		       "\n"
		       "Commands:\n"));
	for (size_t i = 0; i < cli_ncommands; i++)
		fprintf(out, "  %-9s %s\n", cli_commands[i].name, _(cli_commands[i].summary));
	fprintf(out, _("\n"
		       "Options of every command:\n"
		       "  -d, --dir DIR       the store (default $HOIVIEN_DIR, else\n"
		       "                      $XDG_DATA_HOME/hoivien or ~/.local/share/hoivien)\n"
		       "      --user NAME     name recorded in the audit trail (default: login name)\n"
		       "      --cache-mb N    cache of a store being created, in MB (default 16)\n"
		       "  -h, --help          help; 'hoivien COMMAND --help' for a command\n"
		       "      --version       version\n"
		       "      --dump-keys     print the key bindings in force (CONTEXT KEY ACTION)\n"));
}

void cli_help(const struct cli_cmd *cmd, FILE *out)
{
	fprintf(out, _("Usage: hoivien %s [OPTIONS]"), cmd->name);
	if (*cmd->args)
		fprintf(out, " %s", cmd->args);
	fprintf(out, "\n%s.\n\n", _(cmd->summary));
	if (cmd->options && *cmd->options)
		fputs(_(cmd->options), out);
	fputs(_("  -d, --dir DIR       the store\n"
		"      --user NAME     name recorded in the audit trail\n"
		"      --cache-mb N    cache of a store being created, in MB (default 16)\n"
		"  -h, --help          this help\n"), out);
}

int cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, _("hoivien %s: %s\nTry 'hoivien %s --help'.\n"), cmd->name, text,
			cmd->name);
	else
		fprintf(stderr, _("hoivien: %s\nTry 'hoivien --help'.\n"), text);
	return EXIT_USAGE;
}

static bool parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	if (!s || !*s || *s == '-')
		return false;
	unsigned long v = strtoul(s, &end, 10);
	if (*end || v > max)
		return false;
	*out = v;
	return true;
}

int cli_getopt(struct cli *c, int argc, char **argv, const char *shortopts,
	       const struct option *longopts, const struct cli_cmd *cmd)
{
	opterr = 0;
	int ch = getopt_long(argc, argv, shortopts, longopts, NULL);
	switch (ch) {
	case 'd':
		c->dir_opt = optarg;
		return 0;
	case 'U':
		c->user = optarg;
		return 0;
	case 'C': {
		unsigned long v;
		if (!parse_uint(optarg, 65536, &v) || v < 4) {
			cli_usage_error(cmd, _("--cache-mb: '%s' is not a size in MB (4 to 65536)"), optarg);
			return '?';
		}
		c->cache_mb = (unsigned)v;
		return 0;
	}
	case 'h':
		cli_help(cmd, stdout);
		return 'h';
	case '?':
		if (optopt)
			cli_usage_error(cmd, _("unknown option -%c"), optopt);
		else
			cli_usage_error(cmd, _("unknown option %s"), argv[optind - 1]);
		return '?';
	case ':':
		cli_usage_error(cmd, _("option %s needs a value"), argv[optind - 1]);
		return '?';
	default:
		return ch;
	}
}

int cli_fail(const struct err *e)
{
	char text[900];
	msg_error("%s", err_format(e, text, sizeof text));
	switch (e->code) {
	case ERR_USAGE: return EXIT_USAGE;
	case ERR_NOTFOUND: return EXIT_NOTFOUND;
	default: return EXIT_ERROR;
	}
}

int cli_open(struct cli *c, struct store **s, bool create, bool bulk)
{
	char *dir = path_store_dir(c->dir_opt);
	struct store_opts o = { .dir = dir, .login = c->user, .create = create, .bulk = bulk,
				.cache_mb = c->cache_mb };
	struct err e;
	err_clear(&e);
	int rc = store_open(s, &o, &e);
	free(dir);
	if (rc) {
		cli_fail(&e);
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

void cli_put_safe(FILE *out, const char *s)
{
	if (!s)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			fputc(' ', out);
		else if (*p < 0x20 || *p == 0x7f)
			continue;
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			p++;	/* a C1 control: drop both bytes */
		else
			fputc(*p, out);
	}
}

void cli_put_padded(FILE *out, const char *s, int width, bool right)
{
	int w = vn_width(s, strlen(s));
	if (right)
		for (int i = w; i < width; i++)
			fputc(' ', out);
	cli_put_safe(out, s);
	if (!right)
		for (int i = w; i < width; i++)
			fputc(' ', out);
}

static int no_command(struct cli *c, int (*full_screen)(struct cli *c))
{
	if (full_screen)
		return full_screen(c);
	char *dir = path_store_dir(c->dir_opt);
	bool exists = store_exists(dir);
	free(dir);
	if (!exists) {
		usage(stdout);
		return EXIT_OK;
	}
	char *argv[] = { "summary", NULL };
	optind = 0;
	return cmd_summary(c, 1, argv);
}

/* --dump-keys: the bindings in force (defaults and the user's file) as CONTEXT KEY ACTION. */
static int dump_keys(void)
{
	struct buf errs = BUF_INIT, out = BUF_INIT;
	struct keymap *km = keymap_load_user(&errs);
	keymap_dump(km, &out);
	fputs(buf_str(&out), stdout);
	if (errs.len)
		fputs(errs.p, stderr);
	int rc = errs.len ? EXIT_PROBLEMS : EXIT_OK;
	keymap_free(&km);
	buf_free(&errs);
	buf_free(&out);
	return rc;
}

int cli_main(int argc, char **argv, int (*full_screen)(struct cli *c))
{
	struct cli c = { 0 };
	static const struct option opts[] = {
		{ "version", no_argument, NULL, 'V' },
		{ "dump-keys", no_argument, NULL, 'K' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	opterr = 0;
	int ch;
	/* Global options stop at the command name ("+"); the command parses the rest. */
	while ((ch = getopt_long(argc, argv, "+d:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'V':
			printf("hoivien %s (%s)\n", HOIVIEN_VERSION, store_library_version());
			return EXIT_OK;
		case 'K':
			return dump_keys();
		case 'd':
			c.dir_opt = optarg;
			break;
		case 'U':
			c.user = optarg;
			break;
		case 'C': {
			unsigned long v;
			if (!parse_uint(optarg, 65536, &v) || v < 4)
				return cli_usage_error(NULL, _("--cache-mb: '%s' is not a size in MB (4 to 65536)"),
						       optarg);
			c.cache_mb = (unsigned)v;
			break;
		}
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			if (optopt)
				return cli_usage_error(NULL, _("unknown option -%c"), optopt);
			return cli_usage_error(NULL, _("unknown option %s"), argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return no_command(&c, full_screen);
	const char *name = argv[optind];
	if (strcmp(name, "help") == 0) {
		const struct cli_cmd *cmd = optind + 1 < argc ? cli_command(argv[optind + 1]) : NULL;
		if (cmd)
			cli_help(cmd, stdout);
		else
			usage(stdout);
		return EXIT_OK;
	}
	const struct cli_cmd *cmd = cli_command(name);
	if (!cmd)
		return cli_usage_error(NULL, _("unknown command '%s'"), name);
	int sub_argc = argc - optind;
	char **sub_argv = argv + optind;
	/* 0, not 1: GNU getopt then forgets the "+" mode and its place in the global options. */
	optind = 0;
	return cmd->run(&c, sub_argc, sub_argv);
}
