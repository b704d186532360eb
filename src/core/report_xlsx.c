/* Any report as an Excel workbook: the report's own CSV read back into one sheet, numbers as
 * numbers, the total rows in bold, and a chart of the first figure column by row when the rows
 * are few enough to read in one. */
#include "core/report.h"

#include "core/csv.h"
#include "core/xlsx.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A figure written as digits (a count, a gap such as -3, a rate such as 75.5) becomes a number;
 * an identifier with a leading zero (a CCCD, a card) or a longer one stays text, as a
 * spreadsheet user expects.  (Read by hand: strtod would follow a locale's decimal comma.) */
static bool is_count(const char *s, size_t n, double *out)
{
	bool neg = n && s[0] == '-';
	if (neg) {
		s++;
		n--;
	}
	if (!n || n > 15 || (n > 1 && s[0] == '0' && s[1] != '.'))
		return false;
	double v = 0, div = 1;
	bool point = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.' && !point && i > 0 && i + 1 < n)
			point = true;
		else if (s[i] < '0' || s[i] > '9')
			return false;
		else {
			v = v * 10 + (s[i] - '0');
			div *= point ? 10 : 1;
		}
	}
	*out = (neg ? -v : v) / div;
	return true;
}

/* Rows a chart is drawn for: more would be unreadable. */
#define CHART_ROWS 40

int report_csv_to_xlsx(const char *csv, size_t n, const char *path, const char *sheet,
		       const char *title, struct err *e)
{
	FILE *f = fmemopen((void *)csv, n, "rb");
	if (!f)
		return err_set(e, ERR_IO, "%s", _("out of memory"));
	struct csv_reader *rd = csv_open(f, path);
	struct xlsx *x = xlsx_create(path, e);
	int rc = x ? 0 : -ERR_IO;
	size_t ncols = 0, data_rows = 0;
	int first_num = -1;
	const char *total = _("Total");
	char **text = NULL;
	double *nums = NULL;
	for (size_t row = 0; rc == 0; row++) {
		struct csv_row cr;
		struct err re = { 0 };
		int got = csv_next(rd, &cr, &re);
		if (got <= 0)
			break;
		if (row == 0) {
			ncols = cr.nfields;
			text = xcalloc(ncols, sizeof *text);
			nums = xcalloc(ncols, sizeof *nums);
			double *widths = xcalloc(ncols, sizeof *widths);
			for (size_t c = 0; c < ncols; c++)
				widths[c] = c < 2 ? 28 : 0;
			rc = xlsx_sheet(x, sheet, title, ncols, (const char *const *)cr.fields, widths, e);
			free(widths);
			continue;
		}
		bool is_total = false;
		for (size_t c = 0; c < ncols; c++) {
			const char *v = c < cr.nfields ? cr.fields[c] : "";
			size_t len = c < cr.nfields ? cr.lens[c] : 0;
			if (is_count(v, len, &nums[c])) {
				text[c] = NULL;
				if (first_num < 0 && c > 0)
					first_num = (int)c;
			} else {
				text[c] = (char *)v;
				if (c < 2 && strcmp(v, total) == 0)
					is_total = true;
			}
		}
		rc = xlsx_row(x, (const char *const *)text, nums, is_total, e);
		data_rows += !is_total;
	}
	if (rc == 0 && first_num > 0 && data_rows > 1 && data_rows <= CHART_ROWS)
		rc = xlsx_chart(x, title, (size_t)first_num, (size_t)first_num, e);
	free(text);
	free(nums);
	csv_close(&rd);
	fclose(f);
	if (rc) {
		xlsx_abort(&x);
		return rc;
	}
	return xlsx_close(&x, e);
}
