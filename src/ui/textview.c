/* A page of text to read (a report as the command line prints it): scrolled by line and by
 * page, never wider than the screen; a report's view also writes it to a file (export). */
#include "ui/term.h"
#include "ui/ui.h"

#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct textview {
	struct ui_screen base;
	char *title;
	char **lines;		/* into text */
	size_t nlines;
	size_t top;
	char *text;
	ui_export_fn export;	/* NULL: nothing to write */
	void *xctx;
	void (*xfree)(void *);
};

static const char *title(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	return ((struct textview *)s)->title;
}

static size_t page(void)
{
	int n = term_rows() - 3;
	return n < 1 ? 1 : (size_t)n;
}

static void draw(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	struct textview *v = (struct textview *)s;
	size_t n = page();
	if (v->top + n > v->nlines)
		v->top = v->nlines > n ? v->nlines - n : 0;
	for (size_t i = 0; i < n && v->top + i < v->nlines; i++)
		term_text(1 + (int)i, 0, term_cols(), v->lines[v->top + i], TA_NORMAL, false);
	term_cursor(-1, 0);
}

static int key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	(void)k;
	struct textview *v = (struct textview *)s;
	size_t n = page();
	switch (action) {
	case KA_UP: if (v->top) v->top--; return UI_OK;
	case KA_DOWN: if (v->top + n < v->nlines) v->top++; return UI_OK;
	case KA_PAGE_UP: v->top = v->top > n ? v->top - n : 0; return UI_OK;
	case KA_PAGE_DOWN: v->top += n; return UI_OK;	/* draw keeps it in range */
	case KA_FIRST: v->top = 0; return UI_OK;
	case KA_LAST: v->top = v->nlines; return UI_OK;
	case KA_EXPORT:
		if (!v->export)
			return UI_UNHANDLED;
		return v->export(a, v->xctx);
	case KA_CANCEL:
	case KA_OPEN: return UI_POP;
	default: return UI_UNHANDLED;
	}
}

static void hints(struct ui_app *a, struct ui_screen *s, struct buf *out)
{
	static const int acts[] = { KA_EXPORT, KA_CANCEL, KA_PAGE_DOWN, KA_HELP };
	static const int plain[] = { KA_PAGE_DOWN, KA_CANCEL, KA_HELP };
	if (((struct textview *)s)->export)
		ui_hints(a, s->ops->ctx, acts, 4, out);
	else
		ui_hints(a, s->ops->ctx, plain, 3, out);
}

static void tv_free(struct ui_screen *s)
{
	struct textview *v = (struct textview *)s;
	if (v->xfree)
		v->xfree(v->xctx);
	free(v->title);
	free(v->lines);
	free(v->text);
	free(v);
}

static const struct ui_screen_ops ops = {
	.name = "text",
	.ctx = KM_LIST,
	.title = title,
	.draw = draw,
	.key = key,
	.hints = hints,
	.free = tv_free,
};

struct ui_screen *ui_text_view_new(struct ui_app *a, const char *title, char *text)
{
	(void)a;
	struct textview *v = xcalloc(1, sizeof *v);
	v->base.ops = &ops;
	v->title = xstrdup(title);
	v->text = text ? text : xstrdup("");
	size_t cap = 64;
	v->lines = xcalloc(cap, sizeof *v->lines);
	for (char *p = v->text; *p;) {
		if (v->nlines == cap)
			v->lines = xrealloc(v->lines, (cap *= 2) * sizeof *v->lines);
		v->lines[v->nlines++] = p;
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	return &v->base;
}

struct ui_screen *ui_text_view_export(struct ui_app *a, const char *title, char *text,
				      ui_export_fn export, void *ctx, void (*free_ctx)(void *))
{
	struct textview *v = (struct textview *)ui_text_view_new(a, title, text);
	v->export = export;
	v->xctx = ctx;
	v->xfree = free_ctx;
	return &v->base;
}
