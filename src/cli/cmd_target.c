/* Commands that enter what the reports measure a unit against: target (its eligible
 * population and targets for a year) and unit-tags (its area tags). */
#include "cli/cli.h"

#include "core/orgs.h"
#include "core/record.h"
#include "core/targets.h"
#include "core/unitpath.h"
#include "store/store.h"
#include "text/width.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The unit --org and --unit name, and its path for people ("Tỉnh X / Xã Y (ND)"). */
static int find_unit(struct store *s, struct store_txn *t, const char *org, const char *path,
		     uint64_t *unit_id, struct buf *text, struct err *e)
{
	struct org_list orgs;
	int rc = org_list_load(s, t, &orgs, e);
	if (rc)
		return rc;
	const struct org_entry *oe = org_list_match(&orgs, org, strlen(org));
	if (!oe) {
		char codes[256];
		org_list_codes(&orgs, codes, sizeof codes);
		rc = err_set(e, ERR_USAGE, _("--org %s: no such organization (there are: %s)"), org,
			     codes);
		goto out;
	}
	struct unit_path p;
	rc = unit_path_parse(path, strlen(path), &p, e);
	if (rc == 0)
		rc = unit_path_resolve(s, t, oe->id, &p, false, unit_id, NULL, NULL, e);
	unit_path_free(&p);
	if (rc == -ERR_NOTFOUND || rc == -ERR_INVAL) {
		char msg[sizeof e->msg];
		snprintf(msg, sizeof msg, "%s", e->msg);
		rc = err_set(e, ERR_USAGE, _("--unit %s: %s in %s"), path, msg, oe->code);
	} else if (rc == 0 && !*unit_id) {
		rc = err_set(e, ERR_USAGE, _("--unit %s: say which unit"), path);
	}
	if (rc == 0) {
		buf_reset(text);
		if ((rc = unit_path_text(s, t, *unit_id, text, e)) == 0)
			buf_printf(text, " (%s)", oe->code);
	}
out:
	org_list_free(&orgs);
	return rc;
}

/* ---- target ---- */

enum { F_POPULATION, F_ADMISSIONS, F_MEMBERS, F_RATE, F_DUES, F__COUNT };

struct target_cmd {
	const char *org, *unit;
	int year;
	bool given[F__COUNT];
	int64_t value[F__COUNT];
	struct target tg;	/* as saved (or found) */
	struct buf where;
};

static const struct {
	const char *option;
	size_t off;		/* in struct target */
	const char *label;
} figures[F__COUNT] = {
	[F_POPULATION] = { "population", offsetof(struct target, population),
			   N_("Eligible population") },
	[F_ADMISSIONS] = { "admissions", offsetof(struct target, admissions),
			   N_("Admissions target") },
	[F_MEMBERS] = { "members", offsetof(struct target, members), N_("Members target") },
	[F_RATE] = { "rate", offsetof(struct target, rate), N_("Gathering rate target") },
	[F_DUES] = { "dues", offsetof(struct target, dues), N_("Dues target (đồng)") },
};

static int64_t *target_field(struct target *tg, int f)
{
	return (int64_t *)((char *)tg + figures[f].off);
}

static int target_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct target_cmd *tc = ctx;
	uint64_t unit_id;
	int rc = find_unit(s, t, tc->org, tc->unit, &unit_id, &tc->where, e);
	if (rc)
		return rc;
	rc = target_get(s, t, unit_id, tc->year, &tc->tg, e);
	if (rc && rc != -ERR_NOTFOUND)
		return rc;
	err_clear(e);
	bool any = false;
	for (int f = 0; f < F__COUNT; f++) {
		if (tc->given[f])
			*target_field(&tc->tg, f) = tc->value[f];
		any |= tc->given[f];
	}
	if (!any)
		return 0;
	return target_put(s, t, &tc->tg, e);
}

/* A whole number of people or đồng. */
static bool parse_figure(const char *s, int64_t *out)
{
	char *end;
	if (!*s || *s < '0' || *s > '9')
		return false;
	long long v = strtoll(s, &end, 10);
	if (*end || v < 0 || v > 999999999999999LL)
		return false;
	*out = v;
	return true;
}

static void put_line(const char *label, int width, const char *value)
{
	fputs("  ", stdout);
	cli_put_padded(stdout, label, width, false);
	printf("  %s\n", value);
}

static void print_target(struct target_cmd *tc)
{
	printf(_("%s, %d:\n"), buf_str(&tc->where), tc->year);
	int width = 0;
	for (int f = 0; f < F__COUNT; f++) {
		const char *label = _(figures[f].label);
		int w = vn_width(label, strlen(label));
		width = w > width ? w : width;
	}
	for (int f = 0; f < F__COUNT; f++) {
		int64_t v = *target_field(&tc->tg, f);
		char num[32], rate[24];
		if (!v)
			snprintf(num, sizeof num, "—");
		else if (f == F_RATE)
			snprintf(num, sizeof num, "%s%%", target_rate_format(v, rate));
		else
			snprintf(num, sizeof num, "%" PRId64, v);
		put_line(_(figures[f].label), width, num);
	}
}

int cmd_target(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("target");
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'g' },
		{ "unit", required_argument, NULL, 'u' },
		{ "year", required_argument, NULL, 'y' },
		{ "population", required_argument, NULL, 'P' },
		{ "admissions", required_argument, NULL, 'A' },
		{ "members", required_argument, NULL, 'M' },
		{ "rate", required_argument, NULL, 'R' },
		{ "dues", required_argument, NULL, 'D' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	struct target_cmd tc = { .where = BUF_INIT };
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "d:h", opts, cmd)) != -1) {
		int f = -1;
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		case 'g': tc.org = optarg; break;
		case 'u': tc.unit = optarg; break;
		case 'y': {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (!*optarg || *end || y < TARGET_YEAR_MIN || y > TARGET_YEAR_MAX)
				return cli_usage_error(cmd, _("--year %s: not a year from %d to %d"), optarg,
						       TARGET_YEAR_MIN, TARGET_YEAR_MAX);
			tc.year = (int)y;
			break;
		}
		case 'P': f = F_POPULATION; break;
		case 'A': f = F_ADMISSIONS; break;
		case 'M': f = F_MEMBERS; break;
		case 'D': f = F_DUES; break;
		case 'R':
			if (target_rate_parse(optarg, &tc.value[F_RATE]) != 0)
				return cli_usage_error(cmd, _("--rate %s: a percentage from 0 to 100 with at "
							      "most one decimal, e.g. 75.5"), optarg);
			tc.given[F_RATE] = true;
			break;
		default: return EXIT_USAGE;
		}
		if (f >= 0) {
			if (!parse_figure(optarg, &tc.value[f]))
				return cli_usage_error(cmd, _("--%s %s: not a whole number (0 or more)"),
						       figures[f].option, optarg);
			tc.given[f] = true;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, _("unexpected argument '%s'"), argv[optind]);
	if (!tc.org || !tc.unit || !tc.year)
		return cli_usage_error(cmd, _("say which unit and year: --org CODE --unit PATH "
					      "--year YYYY"));
	struct store *s;
	int rc = cli_open(c, &s, false, false);
	if (rc != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	bool change = false;
	for (int f = 0; f < F__COUNT; f++)
		change |= tc.given[f];
	rc = change ? store_write(s, target_fn, &tc, &e) : store_read(s, target_fn, &tc, &e);
	store_close(&s);
	if (rc == 0)
		print_target(&tc);
	rec_clear(&REC_DEF_TARGET, &tc.tg);
	buf_free(&tc.where);
	return rc ? cli_fail(&e) : EXIT_OK;
}

/* ---- unit-tags ---- */

struct tags_cmd {
	const char *org, *unit;
	uint64_t add, remove;
	uint64_t tags;		/* as saved */
	struct buf where;
};

static int tags_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct tags_cmd *tc = ctx;
	uint64_t unit_id;
	int rc = find_unit(s, t, tc->org, tc->unit, &unit_id, &tc->where, e);
	if (rc)
		return rc;
	struct unit u = { 0 };
	if ((rc = store_get(s, t, REC_UNIT, unit_id, &u, e)) == 0) {
		u.area_tags = (u.area_tags | tc->add) & ~tc->remove;
		tc->tags = u.area_tags;
		if (tc->add || tc->remove)
			rc = store_update(s, t, REC_UNIT, &u, NULL, e);
	}
	rec_clear(&REC_DEF_UNIT, &u);
	return rc;
}

/* Whether an option takes its value from the next argument (so that value is not a tag). */
static bool takes_value(const char *arg)
{
	static const char *const with[] = { "--org", "--unit", "-d", "--dir", "--user",
					    "--cache-mb" };
	for (size_t i = 0; i < sizeof with / sizeof *with; i++)
		if (strcmp(arg, with[i]) == 0)
			return true;
	return false;
}

int cmd_unit_tags(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("unit-tags");
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'g' },
		{ "unit", required_argument, NULL, 'u' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	struct tags_cmd tc = { .where = BUF_INIT };
	char names[128] = "";
	for (size_t i = 0; i < AREA_TAGS_N; i++)
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? ", " : "",
			 AREA_TAGS[i].name);
	/* +ethnic and -ethnic are taken out before getopt, which would read -ethnic as options;
	 * so is anything else that looks like a tag (+x, -xyz but the -dDIR form of -d). */
	char **args = xcalloc((size_t)argc + 1, sizeof *args);
	int nargs = 0, status = -1;
	for (int i = 0; i < argc && status < 0; i++) {
		const char *a = argv[i];
		const struct area_tag *at = i && (a[0] == '+' || a[0] == '-') ?
			area_tag_by_name(a + 1) : NULL;
		if (!at && i && (a[0] == '+' || (a[0] == '-' && a[1] != '-' && a[1] != 'd' &&
						   strlen(a) > 2))) {
			status = cli_usage_error(cmd, _("unknown area tag '%s' (there are: %s)"), a,
						 names);
			break;
		}
		if (at) {
			if (a[0] == '+') {
				tc.add |= at->bit;
				tc.remove &= ~at->bit;
			} else {
				tc.remove |= at->bit;
				tc.add &= ~at->bit;
			}
			continue;
		}
		args[nargs++] = argv[i];
		if (i && strcmp(a, "--") == 0) {
			while (++i < argc)
				args[nargs++] = argv[i];
		} else if (i && takes_value(a) && i + 1 < argc) {
			args[nargs++] = argv[++i];
		}
	}
	int ch;
	while (status < 0 && (ch = cli_getopt(c, nargs, args, "d:h", opts, cmd)) != -1) {
		switch (ch) {
		case 0: break;
		case 'h': status = EXIT_OK; break;
		case 'g': tc.org = optarg; break;
		case 'u': tc.unit = optarg; break;
		default: status = EXIT_USAGE; break;
		}
	}
	if (status < 0 && optind < nargs)
		status = cli_usage_error(cmd, _("unexpected argument '%s'"), args[optind]);
	if (status < 0 && (!tc.org || !tc.unit))
		status = cli_usage_error(cmd, _("say which unit: --org CODE --unit PATH"));
	free(args);
	if (status >= 0)
		return status;
	struct store *s;
	int rc = cli_open(c, &s, false, false);
	if (rc != EXIT_OK)
		return rc;
	struct err e;
	err_clear(&e);
	rc = tc.add || tc.remove ? store_write(s, tags_fn, &tc, &e)
				 : store_read(s, tags_fn, &tc, &e);
	store_close(&s);
	if (rc == 0) {
		struct buf text = BUF_INIT;
		area_tags_text(tc.tags, &text);
		printf("%s: %s\n", buf_str(&tc.where), text.len ? buf_str(&text) : _("no area tags"));
		buf_free(&text);
	}
	buf_free(&tc.where);
	return rc ? cli_fail(&e) : EXIT_OK;
}
