/* Language choice and gettext binding.
 *
 * The message ids are English.  hoivien speaks Vietnamese unless the user's locale says C, POSIX or
 * English.  gettext ignores the catalog when LC_MESSAGES is "C", and offices rarely have vi_VN
 * generated, so for Vietnamese we run LC_MESSAGES under C.UTF-8 and select the catalog through
 * LANGUAGE. */
#include "util/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static bool vietnamese;

static const char *locale_env(void)
{
	static const char *const names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v = getenv(names[i]);
		if (v && *v)
			return v;
	}
	return "";
}

static bool english_locale(const char *v)
{
	return strcmp(v, "C") == 0 || strncmp(v, "C.", 2) == 0 || strcmp(v, "POSIX") == 0 ||
	       strncmp(v, "en", 2) == 0;
}

void i18n_init(const char *localedir)
{
	const char *v = locale_env();
	vietnamese = !english_locale(v);
	if (!vietnamese || !localedir) {
		vietnamese = vietnamese && localedir;
		setenv("LANGUAGE", "en", 1);
		return;
	}
	const char *cur = setlocale(LC_MESSAGES, NULL);
	if (!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", "vi", 1);
	bindtextdomain("hoivien", localedir);
	bind_textdomain_codeset("hoivien", "UTF-8");
	textdomain("hoivien");
}

bool i18n_vietnamese(void)
{
	return vietnamese;
}
