/* Excel workbooks for the reports, written with libxlsxwriter (Debian: libxlsxwriter-dev). */
#include "core/xlsx.h"

#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

struct xlsx {
	lxw_workbook *wb;
	char *path, *tmp;
	lxw_format *bold, *title, *number;
	lxw_worksheet *ws;
	char sheet[128];
	size_t ncols;
	lxw_row_t first_data;	/* the row after the headers */
	lxw_row_t row;		/* the next row to write */
	lxw_row_t last_data;	/* the last row that is not a total; < first_data: none yet */
	int charts;
};

struct xlsx *xlsx_create(const char *path, struct err *e)
{
	struct xlsx *x = xcalloc(1, sizeof *x);
	x->path = xstrdup(path);
	size_t n = strlen(path) + 16;
	x->tmp = xmalloc(n);
	snprintf(x->tmp, n, "%s.tmp%ld", path, (long)getpid());
	/* libxlsxwriter only finds out that it cannot write at the end, and says so on stderr in
	 * English: try the place first. */
	int fd = open(x->tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		err_set(e, ERR_IO, _("cannot create file: %s"), strerror(errno));
		err_where(e, "%s", path);
		free(x->path);
		free(x->tmp);
		free(x);
		return NULL;
	}
	close(fd);
	/* Constant memory: rows go to a temporary file as they are written, so a report of
	 * every branch of a province does not sit in memory. */
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
	x->wb = workbook_new_opt(x->tmp, &opt);
	if (!x->wb) {
		err_set(e, ERR_IO, _("cannot create file: %s"), strerror(errno ? errno : EIO));
		err_where(e, "%s", path);
		free(x->path);
		free(x->tmp);
		free(x);
		return NULL;
	}
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	format_set_bottom(x->bold, LXW_BORDER_THIN);
	x->title = workbook_add_format(x->wb);
	format_set_bold(x->title);
	format_set_font_size(x->title, 13);
	x->number = workbook_add_format(x->wb);
	format_set_num_format(x->number, "#,##0");
	return x;
}

/* Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, unique.  At most
 * max characters of name. */
static void sheet_name(const char *name, int k, char out[128], size_t max)
{
	size_t n = 0, chars = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && chars < max;) {
		size_t len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
		for (size_t i = 0; i < len && p[i]; i++)
			out[n++] = strchr("[]:*?/\\", p[i]) ? '-' : (char)p[i];
		p += len;
		chars++;
	}
	out[n] = '\0';
	if (!n)
		snprintf(out, 128, "%d", k);
}

int xlsx_sheet(struct xlsx *x, const char *name, const char *title, size_t ncols,
	       const char *const *headers, const double *widths, struct err *e)
{
	char nm[128];
	sheet_name(name, 1, nm, 31);
	/* Two tables may share a name once cut: number the later ones. */
	for (unsigned k = 2; workbook_get_worksheet_by_name(x->wb, nm) && k < 1000; k++) {
		char base[128];
		sheet_name(name, (int)k, base, 25);
		snprintf(nm, sizeof nm, "%.100s (%u)", base, k % 1000);
	}
	x->ws = workbook_add_worksheet(x->wb, nm);
	if (!x->ws)
		return err_set(e, ERR_IO, _("cannot add the sheet '%s'"), nm);
	snprintf(x->sheet, sizeof x->sheet, "%s", nm);
	x->ncols = ncols;
	lxw_row_t r = 0;
	if (title && *title) {
		worksheet_write_string(x->ws, r, 0, title, x->title);
		r += 2;
	}
	for (size_t c = 0; c < ncols; c++) {
		double w = widths && widths[c] > 0 ? widths[c] : (double)strlen(headers[c]) * 0.8 + 2;
		worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
		worksheet_write_string(x->ws, r, (lxw_col_t)c, headers[c], x->bold);
	}
	worksheet_freeze_panes(x->ws, r + 1, 1);
	x->first_data = r + 1;
	x->row = r + 1;
	x->last_data = r;
	return 0;
}

int xlsx_row(struct xlsx *x, const char *const *text, const double *nums, bool total,
	     struct err *e)
{
	if (!x->ws)
		return err_set(e, ERR_INVAL, "xlsx_row before xlsx_sheet");
	for (size_t c = 0; c < x->ncols; c++) {
		lxw_error rc;
		if (text && text[c])
			rc = worksheet_write_string(x->ws, x->row, (lxw_col_t)c, text[c],
						    total ? x->bold : NULL);
		else
			rc = worksheet_write_number(x->ws, x->row, (lxw_col_t)c, nums ? nums[c] : 0,
						    total ? x->bold : x->number);
		if (rc != LXW_NO_ERROR)
			return err_set(e, ERR_IO, _("cannot write the spreadsheet: %s"), lxw_strerror(rc));
	}
	if (!total)
		x->last_data = x->row;
	x->row++;
	return 0;
}

int xlsx_chart(struct xlsx *x, const char *title, size_t first, size_t last, struct err *e)
{
	if (!x->ws || x->last_data < x->first_data || first < 1 || last < first || last >= x->ncols)
		return 0;	/* nothing to draw */
	lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
	if (!ch)
		return err_set(e, ERR_IO, "%s", _("cannot add a chart"));
	for (size_t c = first; c <= last; c++) {
		lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
		chart_series_set_categories(s, x->sheet, x->first_data, 0, x->last_data, 0);
		chart_series_set_values(s, x->sheet, x->first_data, (lxw_col_t)c, x->last_data,
					(lxw_col_t)c);
		chart_series_set_name_range(s, x->sheet, x->first_data - 1, (lxw_col_t)c);
	}
	if (title)
		chart_title_set_name(ch, title);
	/* Beside the table, below its title. */
	worksheet_insert_chart(x->ws, x->first_data, (lxw_col_t)(x->ncols + 1), ch);
	x->charts++;
	return 0;
}

static void release(struct xlsx *x)
{
	free(x->path);
	free(x->tmp);
	free(x);
}

int xlsx_close(struct xlsx **xp, struct err *e)
{
	struct xlsx *x = xp ? *xp : NULL;
	if (!x)
		return 0;
	*xp = NULL;
	int rc = 0;
	lxw_error lr = workbook_close(x->wb);
	if (lr != LXW_NO_ERROR) {
		rc = err_set(e, ERR_IO, _("cannot write the spreadsheet: %s"), lxw_strerror(lr));
		err_where(e, "%s", x->path);
		unlink(x->tmp);
	} else if (rename(x->tmp, x->path) != 0) {
		rc = err_set(e, ERR_IO, _("cannot write file: %s"), strerror(errno));
		err_where(e, "%s", x->path);
		unlink(x->tmp);
	}
	release(x);
	return rc;
}

void xlsx_abort(struct xlsx **xp)
{
	struct xlsx *x = xp ? *xp : NULL;
	if (!x)
		return;
	*xp = NULL;
	/* libxlsxwriter has no way to drop a workbook without writing it: write, then remove. */
	workbook_close(x->wb);
	unlink(x->tmp);
	release(x);
}
