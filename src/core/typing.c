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

/* The whole of a small file, or NULL (errno says why). */
static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < (1u << 20))
		buf_add(&b, chunk, got);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		buf_free(&b);
		errno = EIO;
		return NULL;
	}
	*n = b.len;
	if (!b.p)
		buf_add(&b, "", 0);
	return buf_steal(&b);
}

struct vn_ime *typing_load(enum typing_method m, struct buf *errs)
{
	const char *builtin = m == TYPING_VNI ? ime_vni_text : m == TYPING_VIQR ? ime_viqr_text
									: ime_telex_text;
	char file[32];
	snprintf(file, sizeof file, "%s.ime", typing_method_name(m));
	char *path = path_user_config(file);
	size_t n = 0;
	char *text = slurp(path, &n);
	struct vn_ime *ime = NULL;
	if (text) {
		ime = vn_ime_compile(text, n, path, errs);
		free(text);
	} else if (errno != ENOENT && errs) {
		buf_printf(errs, "%s: %s\n", path, strerror(errno));
	}
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
