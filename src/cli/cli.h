/* The command line: subcommands for batch work, their options, exit statuses. */
#ifndef HOIVIEN_CLI_H
#define HOIVIEN_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

struct err;
struct store;

/* Exit statuses (man/hoivien.1, EXIT STATUS). */
enum {
	EXIT_OK = 0,
	EXIT_NOTFOUND = 1,	/* find/show: nothing found */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_ERROR = 3,		/* the command failed: store, file or data error */
	EXIT_PROBLEMS = 4,	/* completed, but check found problems or import rejected rows */
};

struct cli {
	const char *dir_opt;	/* -d DIR */
	const char *user;	/* --user NAME */
	unsigned cache_mb;	/* --cache-mb N (new stores) */
	char *datadir;
};

struct cli_cmd {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *args;	/* synopsis after the name */
	const char *summary;	/* one line, translated with _() at use */
	const char *options;	/* option lines for --help, translated with _() at use */
};

/* Run the command line; with no command, full_screen (the program of src/ui, passed in by
 * main so that this library does not depend on curses) runs instead when it is not NULL. */
int cli_main(int argc, char **argv, int (*full_screen)(struct cli *c));

/* Options every subcommand takes; put them at the end of its long options (before the
 * terminating zero entry) and "d:h" in its short options. */
#define CLI_COMMON_OPTS \
	{ "dir", required_argument, NULL, 'd' }, \
	{ "user", required_argument, NULL, 'U' }, \
	{ "cache-mb", required_argument, NULL, 'C' }, \
	{ "help", no_argument, NULL, 'h' }

/* getopt_long for a subcommand.  Returns: the command's own option character; 0 for a common
 * option (handled here); 'h' after printing --help (the command returns EXIT_OK); '?' after
 * printing a usage error (the command returns EXIT_USAGE); -1 at the end of the options. */
int cli_getopt(struct cli *c, int argc, char **argv, const char *shortopts,
	       const struct option *longopts, const struct cli_cmd *cmd);
int cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cli_help(const struct cli_cmd *cmd, FILE *out);
/* Open the store (-d / HOIVIEN_DIR / XDG); prints the error and returns its exit status. */
int cli_open(struct cli *c, struct store **s, bool create, bool bulk);
/* Print an error (with its location) and return the matching exit status. */
int cli_fail(const struct err *e);
/* Write text for a terminal or a TSV/pipe: tabs and line breaks become spaces, other
 * control characters are dropped (data was sanitized on entry; this is the second fence). */
void cli_put_safe(FILE *out, const char *s);
/* cli_put_safe, padded with spaces to width terminal columns (Vietnamese letters are one
 * column and two or three bytes, so printf's byte widths do not line them up). */
void cli_put_padded(FILE *out, const char *s, int width, bool right);

/* The commands (one file each or grouped by theme). */
int cmd_init(struct cli *c, int argc, char **argv);
int cmd_demo(struct cli *c, int argc, char **argv);
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_export(struct cli *c, int argc, char **argv);
int cmd_find(struct cli *c, int argc, char **argv);
int cmd_show(struct cli *c, int argc, char **argv);
int cmd_check(struct cli *c, int argc, char **argv);
int cmd_backup(struct cli *c, int argc, char **argv);
int cmd_recover(struct cli *c, int argc, char **argv);
int cmd_summary(struct cli *c, int argc, char **argv);
int cmd_report(struct cli *c, int argc, char **argv);
int cmd_convert(struct cli *c, int argc, char **argv);
int cmd_detect(struct cli *c, int argc, char **argv);
int cmd_target(struct cli *c, int argc, char **argv);
int cmd_unit_tags(struct cli *c, int argc, char **argv);
int cmd_merge(struct cli *c, int argc, char **argv);
int cmd_unmerge(struct cli *c, int argc, char **argv);
int cmd_notdup(struct cli *c, int argc, char **argv);

extern const struct cli_cmd cli_commands[];
extern const size_t cli_ncommands;
const struct cli_cmd *cli_command(const char *name);

#endif
