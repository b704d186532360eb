/* Loading the input methods: a user's file when there is a good one, else the built-in rules. */
#include "core/typing.h"

#include "text/ime.h"
#include "util/path.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* build/gen/ime_default.c, generated from keymaps/NAME.ime by make. */
extern const char ime_telex_text[], ime_vni_text[], ime_viqr_text[];

static const char *const names[TYPING__N] = { "telex", "vni", "viqr" };

const char *typing_method_name(enum typing_method m)
{
	return m < TYPING__N ? names[m] : "";
}

int typing_method_parse(const char *name)
{
	for (int m = 0; m < TYPING__N; m++)
		if (!strcmp(name, names[m]))
			return m;
	return -1;
}

struct vn_ime *typing_load(enum typing_method m, struct buf *errs)
{
	const char *builtin = m == TYPING_VNI ? ime_vni_text : m == TYPING_VIQR ? ime_viqr_text
									: ime_telex_text;
	char file[32];
	snprintf(file, sizeof file, "%s.ime", typing_method_name(m));
	char *path = path_user_config(file);
	struct buf text = BUF_INIT;
	int err = path_read_all(path, &text);
	struct vn_ime *ime = NULL;
	if (!err)
		ime = vn_ime_compile(buf_str(&text), text.len, path, errs);
	else if (err != ENOENT && errs)
		buf_printf(errs, "%s: %s\n", path, strerror(err));
	buf_free(&text);
	free(path);
	if (!ime) {
		struct buf bad = BUF_INIT;
		ime = vn_ime_compile(builtin, strlen(builtin), "(built-in)", &bad);
		if (!ime) {
			/* The built-in rules are tested by make check: a broken one is a build bug. */
			fprintf(stderr, "hoivien: built-in %s rules:\n%s", file, buf_str(&bad));
			abort();
		}
		buf_free(&bad);
	}
	return ime;
}
