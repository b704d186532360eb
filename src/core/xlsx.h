/* Report tables as Excel workbooks (.xlsx), through libxlsxwriter: a sheet per table, a bold
 * header row that stays in view, column widths, bold totals, numbers as numbers, and where it
 * helps a column chart of the rows.  Text cells are written as text, never as formulas, so a
 * name starting with '=' cannot run in the spreadsheet. */
#ifndef HOIVIEN_XLSX_H
#define HOIVIEN_XLSX_H

#include <stdbool.h>
#include <stddef.h>

struct err;
struct xlsx;

/* A workbook to be written to path (under a temporary name; xlsx_close puts it in place).
 * NULL with the reason in e. */
struct xlsx *xlsx_create(const char *path, struct err *e);
/* Start a sheet called name (cut to Excel's 31 characters, with []:*?/\ replaced) with a title
 * line above the table and ncols columns: headers[i] and widths[i] (in characters; 0: fit the
 * header). */
int xlsx_sheet(struct xlsx *x, const char *name, const char *title, size_t ncols,
	       const char *const *headers, const double *widths, struct err *e);
/* A row of the current sheet: cell i is the number nums[i] when text[i] is NULL, else the text.
 * A total row is bold and is left out of charts. */
int xlsx_row(struct xlsx *x, const char *const *text, const double *nums, bool total,
	     struct err *e);
/* A column chart beside the table: the data rows written so far (totals excluded), one series
 * per column from first to last (0-based), the first column as the categories. */
int xlsx_chart(struct xlsx *x, const char *title, size_t first, size_t last, struct err *e);
/* Write the file and free x (also on error; the partial file is then removed).  NULL is
 * accepted. */
int xlsx_close(struct xlsx **x, struct err *e);
/* Give up: free x and write nothing. */
void xlsx_abort(struct xlsx **x);

#endif
