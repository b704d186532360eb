/* Unit tests for src/core/xlsx.c: a workbook with a Vietnamese sheet name, bold headers and
 * totals, numbers as numbers, text that looks like a formula kept as text, and a chart; read
 * back with perl's core unzip module.  Errors: a directory that does not exist; abort. */
#include "tap.h"

#include "core/xlsx.h"
#include "util/err.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The text of one member of the zip file, or "" (perl prints it; caller frees). */
static char *member(const char *zip, const char *name)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd,
		 "perl -MIO::Uncompress::Unzip=unzip,\\$UnzipError -e "
		 "'unzip($ARGV[0] => \"-\", Name => $ARGV[1]) or exit 1' '%s' '%s' 2>/dev/null",
		 zip, name);
	FILE *p = popen(cmd, "r");
	size_t cap = 1 << 16, n = 0;
	char *out = calloc(1, cap);
	if (p) {
		size_t got;
		while ((got = fread(out + n, 1, cap - n - 1, p)) > 0) {
			n += got;
			if (n + 1 == cap)
				out = realloc(out, cap *= 2);
		}
		pclose(p);
	}
	out[n] = '\0';
	return out;
}

int main(void)
{
	char dir[] = "/tmp/hv-xlsx-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char path[128];
	snprintf(path, sizeof path, "%s/báo cáo.xlsx", dir);
	struct err e = { 0 };
	struct xlsx *x = xlsx_create(path, &e);
	ok(x != NULL, "a workbook");
	static const char *const heads[] = { "Đơn vị", "Hội viên", "Nam", "Nữ" };
	is_int(xlsx_sheet(x, "Thống kê: Hội Nông dân [2026]", "Thống kê hội viên", 4, heads, NULL, &e),
	       0, "a sheet");
	const char *r1[] = { "Chi hội Thôn Đông", NULL, NULL, NULL };
	double n1[] = { 0, 12, 7, 5 };
	const char *r2[] = { "=1+1", NULL, NULL, NULL };
	double n2[] = { 0, 3, 1, 2 };
	const char *rt[] = { "Tổng", NULL, NULL, NULL };
	double nt[] = { 0, 15, 8, 7 };
	ok(xlsx_row(x, r1, n1, false, &e) == 0 && xlsx_row(x, r2, n2, false, &e) == 0 &&
	   xlsx_row(x, rt, nt, true, &e) == 0, "three rows, the last a total");
	is_int(xlsx_chart(x, "Nam / nữ", 2, 3, &e), 0, "a chart of two columns");
	is_int(xlsx_sheet(x, "Thống kê: Hội Nông dân [2026]", NULL, 4, heads, NULL, &e), 0,
	       "a second sheet of the same name");
	is_int(xlsx_close(&x, &e), 0, "written");
	ok(x == NULL, "and freed");
	ok(access(path, R_OK) == 0, "the file is there");

	char *wb = member(path, "xl/workbook.xml");
	ok(strstr(wb, "name=\"Thống kê- Hội Nông dân -2026-\"") != NULL,
	   "the sheet name without Excel's forbidden characters, cut to fit");
	ok(strstr(wb, "(2)\"") != NULL, "the second one numbered");
	char *sh = member(path, "xl/worksheets/sheet1.xml");
	ok(strstr(sh, "Chi hội Thôn Đông") != NULL, "Vietnamese text in the sheet");
	ok(strstr(sh, "<v>12</v>") != NULL, "numbers as numbers");
	ok(strstr(sh, "=1+1") != NULL && strstr(sh, "<f>") == NULL, "a formula-looking name stays text");
	ok(strstr(sh, "<pane") != NULL, "the header row stays in view");
	char *ch = member(path, "xl/charts/chart1.xml");
	ok(strstr(ch, "Nam / nữ") != NULL, "the chart, with its title");
	ok(strstr(ch, "$A$4:$A$5") != NULL, "over the data rows, the total left out");
	free(wb);
	free(sh);
	free(ch);
	unlink(path);

	/* A directory that does not exist: the error names the file, nothing is left. */
	char bad[160];
	snprintf(bad, sizeof bad, "%s/nope/x.xlsx", dir);
	x = xlsx_create(bad, &e);
	if (x) {
		xlsx_sheet(x, "a", NULL, 4, heads, NULL, &e);
		ok(xlsx_close(&x, &e) < 0 && strstr(e.where, "nope/x.xlsx"), "a file that cannot be made: %s",
		   e.msg);
	} else {
		ok(strstr(e.where, "nope/x.xlsx") != NULL, "a file that cannot be made: %s", e.msg);
	}
	snprintf(path, sizeof path, "%s/gone.xlsx", dir);
	x = xlsx_create(path, &e);
	xlsx_sheet(x, "a", NULL, 4, heads, NULL, &e);
	xlsx_abort(&x);
	ok(x == NULL && access(path, F_OK) != 0, "abort writes nothing");
	rmdir(dir);
	return done_testing();
}
