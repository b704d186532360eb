/* The user's settings file: read over the defaults, written back atomically. */
#include "core/settings.h"

#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void settings_init(struct settings *s)
{
	memset(s, 0, sizeof *s);
	strcpy(s->ime, "telex");
	s->display = SET_DISPLAY_VIQR;
	s->phantom_months = SET_MONTHS_DEFAULT;
}

void settings_free(struct settings *s)
{
	buf_free(&s->other);
}

static bool parse_bool(const char *v, bool *out)
{
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "on") || !strcmp(v, "1") ||
	    !strcasecmp(v, "true")) {
		*out = true;
		return true;
	}
	if (!strcasecmp(v, "no") || !strcasecmp(v, "off") || !strcmp(v, "0") ||
	    !strcasecmp(v, "false")) {
		*out = false;
		return true;
	}
	return false;
}

static char *trim(char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	char *e = p + strlen(p);
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = '\0';
	return p;
}

/* One line: NULL when it was understood (or kept as unknown), else what is wrong with it. */
static const char *apply(struct settings *s, char *line, const char *raw)
{
	char *p = trim(line);
	if (!*p || *p == '#')
		return NULL;
	char *eq = strchr(p, '=');
	if (!eq)
		return _("expected \"key = value\"");
	*eq = '\0';
	char *key = trim(p), *val = trim(eq + 1);
	if (!strcmp(key, "ime")) {
		if (strcmp(val, "telex") && strcmp(val, "vni") && strcmp(val, "viqr"))
			return _("ime is telex, vni or viqr");
		strcpy(s->ime, val);
	} else if (!strcmp(key, "ime-on")) {
		if (!parse_bool(val, &s->ime_on))
			return _("ime-on is yes or no");
	} else if (!strcmp(key, "tone-style")) {
		if (strcmp(val, "old") && strcmp(val, "new"))
			return _("tone-style is old or new");
		s->new_style = !strcmp(val, "new");
	} else if (!strcmp(key, "display")) {
		if (!strcmp(val, "viqr"))
			s->display = SET_DISPLAY_VIQR;
		else if (!strcmp(val, "nomarks"))
			s->display = SET_DISPLAY_NOMARKS;
		else
			return _("display is viqr or nomarks");
	} else if (!strcmp(key, "phantom-months")) {
		char *end;
		long m = strtol(val, &end, 10);
		if (!*val || *end || m < SET_MONTHS_MIN || m > SET_MONTHS_MAX)
			return _("phantom-months is a number of months from 1 to 120");
		s->phantom_months = (int)m;
	} else {
		/* A setting of another version: keep it for the next save. */
		buf_adds(&s->other, raw);
		buf_addc(&s->other, '\n');
	}
	return NULL;
}

int settings_load(struct settings *s, const char *path, struct buf *errs)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		if (errs)
			buf_printf(errs, "%s: %s\n", path, strerror(errno));
		return 1;
	}
	char line[1024], raw[1024];
	int bad = 0;
	unsigned no = 0;
	while (fgets(line, sizeof line, f)) {
		no++;
		size_t n = strlen(line);
		if (n && line[n - 1] != '\n' && !feof(f)) {
			int c;
			while ((c = getc(f)) != EOF && c != '\n')
				;
			if (errs)
				buf_printf(errs, "%s:%u: %s\n", path, no, _("line too long"));
			bad++;
			continue;
		}
		strcpy(raw, line);
		raw[strcspn(raw, "\r\n")] = '\0';
		const char *why = apply(s, line, raw);
		if (why) {
			if (errs)
				buf_printf(errs, "%s:%u: %s\n", path, no, why);
			bad++;
		}
	}
	fclose(f);
	return bad;
}

int settings_save(const struct settings *s, const char *path, struct err *e)
{
	char *dir = strdup(path);
	if (!dir)
		return err_set(e, ERR_IO, "%s", strerror(ENOMEM));
	char *slash = strrchr(dir, '/');
	int rc = 0;
	if (slash) {
		*slash = '\0';
		rc = path_mkdirs(dir, e);
	}
	free(dir);
	if (rc)
		return rc;
	struct atomic_file af;
	if ((rc = atomic_open(&af, path, e)))
		return rc;
	fprintf(af.f, "# hoivien settings, written by the program (man hoivien, FILES).\n");
	fprintf(af.f, "ime = %s\n", s->ime);
	fprintf(af.f, "ime-on = %s\n", s->ime_on ? "yes" : "no");
	fprintf(af.f, "tone-style = %s\n", s->new_style ? "new" : "old");
	fprintf(af.f, "display = %s\n", s->display == SET_DISPLAY_NOMARKS ? "nomarks" : "viqr");
	fprintf(af.f, "phantom-months = %d\n", s->phantom_months);
	if (s->other.len)
		fputs(buf_str(&s->other), af.f);
	if ((rc = atomic_commit(&af, e)))
		err_where(e, "%s", path);
	return rc;
}
