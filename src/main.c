/* hoivien: the member register of the Fatherland Front and the mass organizations. */
#include "cli/cli.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/path.h"

#include <locale.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	char *datadir = path_datadir();
	char *localedir = path_localedir(datadir);
	i18n_init(localedir);
	int rc = cli_main(argc, argv, ui_run);
	free(localedir);
	free(datadir);
	return rc;
}
