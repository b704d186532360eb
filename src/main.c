/* hoivien: the member register of the Fatherland Front and the mass organizations. */
#include "cli/cli.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/path.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The locale the user asked for.  When it is not installed (LANG=vi_VN.UTF-8 on a machine that
 * never generated it, a common case over SSH) the C library falls back to ASCII, and names would
 * show in VIQR on a terminal that shows Unicode perfectly well: a UTF-8 locale asked for gets
 * C.UTF-8's character handling instead. */
static void set_locale(void)
{
	if (setlocale(LC_ALL, ""))
		return;
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		const char *dot = strchr(v, '.');
		if (dot && (!strncasecmp(dot + 1, "utf-8", 5) || !strncasecmp(dot + 1, "utf8", 4)))
			setlocale(LC_CTYPE, "C.UTF-8");
		return;
	}
}

int main(int argc, char **argv)
{
	/* "hoivien report stats | head" closes the pipe early: without this, SIGPIPE would kill
	 * the process with the store open, and the next program to open it would run recovery
	 * under everyone working in it.  Ignored, the write fails, the command says so and closes
	 * the store properly. */
	signal(SIGPIPE, SIG_IGN);
	set_locale();
	char *datadir = path_datadir();
	char *localedir = path_localedir(datadir);
	i18n_init(localedir);
	int rc = cli_main(argc, argv, ui_run);
	free(localedir);
	free(datadir);
	return rc;
}
