/* Importing a list from the program: the file, its encoding (guessed, or chosen from the list
 * while the first rows show how each one reads), then the import and its summary.
 *
 * Nothing is written until the person has seen the rows decoded and pressed Enter: a file in an
 * old encoding read the wrong way would fill the register with "NguyÔn". */
#include "ui/term.h"
#include "ui/ui.h"

#include "core/import.h"
#include "text/vnenc.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The encodings a file can be read in, in the order of the list. */
static const enum vn_enc encs[] = { VN_ENC_UTF8, VN_ENC_TCVN3, VN_ENC_VNI, VN_ENC_VISCII,
				    VN_ENC_CP1258, VN_ENC_VPS, VN_ENC_VN1, VN_ENC_VIQR };
#define NENCS ((int)(sizeof encs / sizeof *encs))

struct imp {
	struct ui_screen base;
	char *path;
	int cur;			/* encoding under the cursor */
	int guessed;			/* the one detection chose, -1 if none */
	double confidence;
	struct import_preview pv;	/* the first rows read in encs[cur] */
	bool pv_ok;
	char pv_error[600];
	bool done;			/* imported: the summary shows */
	struct buf summary;
};

static void read_preview(struct imp *m)
{
	import_preview_free(&m->pv);
	struct err e = { 0 };
	m->pv_ok = import_preview(m->path, vn_enc_name(encs[m->cur]), 30, &m->pv, &e) == 0;
	if (!m->pv_ok)
		err_format(&e, m->pv_error, sizeof m->pv_error);
}

static const char *title(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	(void)s;
	return _("Import a list");
}

/* One preview line: its tab-separated fields joined by " | ". */
static void draw_row(int row, const char *line, size_t n, enum term_attr at)
{
	char *t = xstrndup(line, n);
	for (char *p = t; *p; p++)
		if (*p == '\t')
			*p = '\x1f';	/* a mark to split on; never in cleaned text */
	struct buf out = BUF_INIT;
	for (char *f = t, *sep; f; f = sep ? sep + 1 : NULL) {
		sep = strchr(f, '\x1f');
		if (sep)
			*sep = '\0';
		if (f != t)
			buf_adds(&out, " | ");
		buf_adds(&out, f);
	}
	term_text(row, 1, term_cols() - 2, buf_str(&out), at, false);
	buf_free(&out);
	free(t);
}

static void draw(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	struct imp *m = (struct imp *)s;
	int cols = term_cols(), rows = term_rows();
	char line[1024];
	snprintf(line, sizeof line, _("File: %s"), m->path);
	term_text(1, 1, cols - 2, line, TA_LABEL, false);
	if (m->done) {
		const char *p = buf_str(&m->summary);
		for (int r = 3; *p && r < rows - 2; r++) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			char *one = xstrndup(p, n);
			term_text(r, 1, cols - 2, one, TA_NORMAL, false);
			free(one);
			p += n + (nl != NULL);
		}
		term_cursor(-1, 0);
		return;
	}
	term_text(2, 1, cols - 2, _("Encoding of the file (Up/Down: try another; Enter: import):"),
		  TA_HEADING, false);
	for (int i = 0; i < NENCS; i++) {
		char item[160];
		snprintf(item, sizeof item, " %-8s %s", vn_enc_name(encs[i]), vn_enc_label(encs[i]));
		if (i == m->guessed) {
			size_t k = strlen(item);
			snprintf(item + k, sizeof item - k, _("  ← guessed, confidence %.2f"),
				 m->confidence);
		}
		term_text(3 + i, 2, 60, item, i == m->cur ? TA_SELECTED : TA_NORMAL, i == m->cur);
	}
	int top = 4 + NENCS;
	term_text(top, 1, cols - 2, _("The first rows, read in that encoding:"), TA_HEADING, false);
	if (!m->pv_ok) {
		term_text(top + 1, 1, cols - 2, m->pv_error, TA_ERROR, false);
	} else {
		const char *p = buf_str(&m->pv.text);
		for (int r = top + 1; *p && r < rows - 2; r++) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			draw_row(r, p, n, r == top + 1 ? TA_DIM : TA_NORMAL);
			p += n + (nl != NULL);
		}
	}
	term_cursor(3 + m->cur, 2);
}

static int run_import(struct ui_app *a, struct imp *m)
{
	if (!m->pv_ok) {
		ui_error(a, "%s", m->pv_error);
		return UI_OK;
	}
	/* The import can take a while on a big file: say so before it starts. */
	ui_message(a, "%s", _("Importing…"));
	ui_repaint(a);
	struct import_opts o = { .path = m->path, .encoding = vn_enc_name(encs[m->cur]),
				 .org = a->org_id ? a->org_code : NULL };
	struct import_report r;
	struct err e = { 0 };
	int rc = import_csv(a->store, &o, &r, &e);
	buf_reset(&m->summary);
	buf_printf(&m->summary, _("Encoding: %s"), vn_enc_label(encs[m->cur]));
	buf_addc(&m->summary, '\n');
	if (rc) {
		char why[900];
		buf_printf(&m->summary, "%s\n", err_format(&e, why, sizeof why));
		if (r.read)
			buf_printf(&m->summary, "%s\n",
				   _("The import stopped; the rows counted below were saved. Import the "
				     "file again to finish."));
	}
	buf_printf(&m->summary,
		   _("Read %" PRIu64 " rows: added %" PRIu64 ", updated %" PRIu64 ", unchanged %" PRIu64
		     ", rejected %" PRIu64 "."), r.read, r.added, r.updated, r.unchanged, r.rejected);
	buf_addc(&m->summary, '\n');
	if (r.nunits)
		buf_printf(&m->summary, _("Units created: %" PRIu64 "\n"), r.nunits);
	if (r.ignored.len)
		buf_printf(&m->summary, _("Columns not understood (ignored): %s\n"), buf_str(&r.ignored));
	if (r.rejected && r.rejects_path)
		buf_printf(&m->summary, _("Rejected rows, each with its row number and the reason: %s\n"),
			   r.rejects_path);
	if (r.nwarnings)
		buf_printf(&m->summary, _("Warnings (%" PRIu64 "; values kept):\n%s"), r.nwarnings,
			   buf_str(&r.warnings));
	import_report_free(&r);
	m->done = true;
	a->data_gen++;
	if (rc)
		ui_error(a, "%s", _("The import did not finish: see why above."));
	else
		ui_message(a, "%s", _("Imported. Esc goes back."));
	return UI_OK;
}

static int key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	(void)k;
	struct imp *m = (struct imp *)s;
	if (m->done)
		return action == KA_CANCEL || action == KA_OPEN ? UI_POP : UI_UNHANDLED;
	switch (action) {
	case KA_UP:
	case KA_DOWN:
		m->cur = (m->cur + (action == KA_UP ? NENCS - 1 : 1)) % NENCS;
		read_preview(m);
		return UI_OK;
	case KA_OPEN: return run_import(a, m);
	case KA_CANCEL: return UI_POP;
	default: return UI_UNHANDLED;
	}
}

static void hints(struct ui_app *a, struct ui_screen *s, struct buf *out)
{
	static const int acts[] = { KA_OPEN, KA_CANCEL, KA_HELP };
	ui_hints(a, s->ops->ctx, acts, 3, out);
}

static void imp_free(struct ui_screen *s)
{
	struct imp *m = (struct imp *)s;
	import_preview_free(&m->pv);
	buf_free(&m->summary);
	free(m->path);
	free(m);
}

static const struct ui_screen_ops ops = {
	.name = "import",
	.ctx = KM_CHOOSE,
	.title = title,
	.draw = draw,
	.key = key,
	.hints = hints,
	.free = imp_free,
};

struct ui_screen *ui_import_new(struct ui_app *a)
{
	char cwd[1024];
	if (!getcwd(cwd, sizeof cwd - 1))
		strcpy(cwd, ".");
	strcat(cwd, "/");
	char *path = ui_prompt(a, _("File to import (CSV): "), cwd);
	if (!path)
		return NULL;
	if (access(path, R_OK) != 0) {
		ui_error(a, _("%s: cannot read the file."), path);
		free(path);
		return NULL;
	}
	struct imp *m = xcalloc(1, sizeof *m);
	m->base.ops = &ops;
	m->path = path;
	m->summary = (struct buf)BUF_INIT;
	/* First the guess, then the list starts on it. */
	struct err e = { 0 };
	m->guessed = -1;
	m->pv_ok = import_preview(path, NULL, 30, &m->pv, &e) == 0;
	if (!m->pv_ok) {
		err_format(&e, m->pv_error, sizeof m->pv_error);
	} else {
		enum vn_enc g;
		if (vn_enc_parse(m->pv.encoding, &g) == 0)
			for (int i = 0; i < NENCS; i++)
				if (encs[i] == g)
					m->guessed = m->cur = i;
		m->confidence = m->pv.confidence;
	}
	return &m->base;
}
