/* Unit tests for src/core/settings.c: defaults, reading, bad lines as path:line, unknown lines
 * kept, and a save that reads back the same. */
#include "tap.h"

#include "core/settings.h"
#include "util/err.h"
#include "util/path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

int main(void)
{
	char dir[] = "/tmp/hv-settings-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char *path = path_join(dir, "sub/settings");

	struct settings s;
	settings_init(&s);
	is_str(s.ime, "telex", "default method is Telex");
	ok(!s.ime_on && !s.new_style && s.display == SET_DISPLAY_VIQR, "default: off, old style, VIQR");
	is_int(s.phantom_months, 6, "real members: 6 months by default");
	struct buf errs = BUF_INIT;
	is_int(settings_load(&s, path, &errs), 0, "a missing file is no error");
	is_int((int)errs.len, 0, "and says nothing");

	struct err e = { 0 };
	char *sub = path_join(dir, "sub");
	path_mkdirs(sub, &e);
	free(sub);
	write_file(path, "# mine\nime = vni\nime-on = yes\ntone-style = new\ndisplay = nomarks\n"
			 "future-thing = 3\nime = russian\nnonsense\nphantom-months = 12\n"
			 "phantom-months = 0\nphantom-months = six\nphantom-months = 121\n"
			 "phantom-months =\n");
	is_int(settings_load(&s, path, &errs), 6, "six bad lines");
	ok(strstr(buf_str(&errs), "/sub/settings:7: ") != NULL, "the bad method is named by its line");
	ok(strstr(buf_str(&errs), "/sub/settings:8: ") != NULL, "and the line without '='");
	ok(strstr(buf_str(&errs), "/sub/settings:10: phantom-months is a number of months from 1 "
				   "to 120") != NULL, "phantom-months 0 is refused");
	ok(strstr(buf_str(&errs), "/sub/settings:11: ") && strstr(buf_str(&errs), "/sub/settings:12: ") &&
	   strstr(buf_str(&errs), "/sub/settings:13: "), "and six, 121 and nothing");
	is_int(s.phantom_months, 12, "the good phantom-months applies, the bad ones do not");
	is_str(s.ime, "vni", "the good lines apply");
	ok(s.ime_on && s.new_style && s.display == SET_DISPLAY_NOMARKS, "all of them");

	s.ime_on = false;
	strcpy(s.ime, "viqr");
	is_int(settings_save(&s, path, &e), 0, "saved");
	struct settings t;
	settings_init(&t);
	buf_reset(&errs);
	is_int(settings_load(&t, path, &errs), 0, "the saved file reads without errors");
	is_str(t.ime, "viqr", "method read back");
	ok(!t.ime_on && t.new_style && t.display == SET_DISPLAY_NOMARKS, "flags read back");
	is_int(t.phantom_months, 12, "phantom-months read back");
	ok(strstr(buf_str(&t.other), "future-thing = 3") != NULL, "an unknown setting survives a save");

	/* A directory that cannot be made: the save fails with a reason and writes nothing. */
	char *bad = path_join(path, "x/settings");
	ok(settings_save(&s, bad, &e) < 0 && e.msg[0], "a save into a file-as-directory fails: %s",
	   e.msg);
	free(bad);

	settings_free(&s);
	settings_free(&t);
	buf_free(&errs);
	unlink(path);
	char *subdir = path_join(dir, "sub");
	rmdir(subdir);
	free(subdir);
	rmdir(dir);
	free(path);
	return done_testing();
}
