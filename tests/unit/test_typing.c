/* Unit tests for src/core/typing.c: the built-in rules (keymaps/NAME.ime compiled in) load and
 * type, a user's own file replaces them, and a bad one is reported as path:line and not used. */
#include "tap.h"

#include "core/typing.h"
#include "text/ime.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *typed(const struct vn_ime *m, const char *keys)
{
	struct buf b = BUF_INIT;
	vn_ime_type(m, 0, keys, &b);
	if (!b.p)
		buf_add(&b, "", 0);
	return buf_steal(&b);
}

int main(void)
{
	char dir[] = "/tmp/hv-typing-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	setenv("XDG_CONFIG_HOME", dir, 1);
	static const char *const names[] = { "TELEX", "VNI", "VIQR" };
	static const char *const keys[] = { "Nguyeenx", "Nguye6n4", "Nguye^~n" };
	for (int m = 0; m < TYPING__N; m++) {
		struct buf errs = BUF_INIT;
		struct vn_ime *ime = typing_load(m, &errs);
		ok(ime != NULL, "built-in %s loads", typing_method_name(m));
		is_str(vn_ime_name(ime), names[m], "its name");
		is_int((int)errs.len, 0, "without errors");
		char *t = typed(ime, keys[m]);
		is_str(t, "Nguyễn", "%s types Nguyễn", names[m]);
		free(t);
		is_int(typing_method_parse(typing_method_name(m)), m, "name and back");
		vn_ime_free(&ime);
		buf_free(&errs);
	}
	is_int(typing_method_parse("telexx"), -1, "an unknown method");

	char sub[64], path[96];
	snprintf(sub, sizeof sub, "%s/hoivien", dir);
	mkdir(sub, 0700);
	/* A user's Telex of their own: w alone makes ư (as some people type). */
	snprintf(path, sizeof path, "%s/telex.ime", sub);
	FILE *f = fopen(path, "w");
	fputs("name MYTELEX\ntone s sac\nmod w u horn\n", f);
	fclose(f);
	struct buf errs = BUF_INIT;
	struct vn_ime *ime = typing_load(TYPING_TELEX, &errs);
	is_str(vn_ime_name(ime), "MYTELEX", "the user's file replaces the built-in rules");
	vn_ime_free(&ime);

	f = fopen(path, "w");
	fputs("name BROKEN\ntone s sac\nfrobnicate x\ntone q loud\n", f);
	fclose(f);
	buf_reset(&errs);
	ime = typing_load(TYPING_TELEX, &errs);
	is_str(vn_ime_name(ime), "TELEX", "a bad file is not used: the built-in rules are");
	ok(strstr(buf_str(&errs), "telex.ime:3: ") && strstr(buf_str(&errs), "telex.ime:4: "),
	   "every bad line is reported as path:line");
	vn_ime_free(&ime);
	buf_free(&errs);

	unlink(path);
	rmdir(sub);
	rmdir(dir);
	return done_testing();
}
