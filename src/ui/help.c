/* Help: the keys of the screen it was asked from, read from the keymap in force (so it is
 * never out of date with the user's own bindings). */
#include "ui/term.h"
#include "ui/ui.h"

#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

struct help {
	struct ui_screen base;
	enum km_ctx ctx;
	struct buf lines;	/* "keys\taction help\n" per action */
	int nlines;
	int top;
	char title[128];
};

static const char *title(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	struct help *h = (struct help *)s;
	snprintf(h->title, sizeof h->title, _("Keys of this screen (%s)"), keymap_ctx_name(h->ctx));
	return h->title;
}

static void build(struct ui_app *a, struct help *h)
{
	buf_reset(&h->lines);
	h->nlines = 0;
	for (int act = 1; act < KA__COUNT; act++) {
		uint32_t keys[8];
		size_t n = keymap_keys_for(a->keys, h->ctx, act, keys, 8);
		if (!n)
			continue;
		for (size_t i = 0; i < n; i++) {
			char name[32];
			if (i)
				buf_adds(&h->lines, ", ");
			buf_adds(&h->lines, keymap_key_name(keys[i], name, sizeof name));
		}
		buf_addc(&h->lines, '\t');
		buf_adds(&h->lines, keymap_action_help(act));
		buf_addc(&h->lines, '\n');
		h->nlines++;
	}
}

static void draw(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	struct help *h = (struct help *)s;
	int rows = term_rows() - 3, cols = term_cols();
	const char *p = buf_str(&h->lines);
	int i = 0, row = 1;
	while (*p && row <= rows) {
		const char *tab = p, *nl;
		while (*tab && *tab != '\t')
			tab++;
		nl = tab;
		while (*nl && *nl != '\n')
			nl++;
		if (i >= h->top) {
			char keys[128], what[256];
			snprintf(keys, sizeof keys, "%.*s", (int)(tab - p), p);
			snprintf(what, sizeof what, "%.*s", (int)(nl - tab - (*tab ? 1 : 0)),
				 *tab ? tab + 1 : tab);
			term_text(row, 2, 28, keys, TA_HEADING, false);
			term_text(row, 31, cols - 32, what, TA_NORMAL, false);
			row++;
		}
		i++;
		p = *nl ? nl + 1 : nl;
	}
}

static int key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	(void)a;
	(void)action;
	struct help *h = (struct help *)s;
	int page = term_rows() - 3;
	if (k == KM_DOWN || k == KM_CTRL('n')) {
		if (h->top + page < h->nlines)
			h->top++;
		return UI_OK;
	}
	if (k == KM_UP || k == KM_CTRL('p')) {
		if (h->top > 0)
			h->top--;
		return UI_OK;
	}
	if (k == KM_PAGEDOWN || k == ' ') {
		if (h->top + page < h->nlines)
			h->top += page;
		return UI_OK;
	}
	if (k == KM_PAGEUP) {
		h->top = h->top > page ? h->top - page : 0;
		return UI_OK;
	}
	return UI_POP;	/* any other key closes help */
}

static void help_free(struct ui_screen *s)
{
	struct help *h = (struct help *)s;
	buf_free(&h->lines);
	free(h);
}

static const struct ui_screen_ops help_ops = {
	.name = "help",
	.ctx = KM_GLOBAL,
	.title = title,
	.draw = draw,
	.key = key,
	.free = help_free,
};

struct ui_screen *ui_help_new(struct ui_app *a, enum km_ctx ctx)
{
	struct help *h = xcalloc(1, sizeof *h);
	h->base.ops = &help_ops;
	h->ctx = ctx;
	h->lines = (struct buf)BUF_INIT;
	build(a, h);
	return &h->base;
}
