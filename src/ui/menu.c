/* The main menu: nine numbered items, chosen by digit or by moving and Enter. */
#include "ui/term.h"
#include "ui/ui.h"

#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

struct item {
	const char *label;	/* translated at use */
	struct ui_screen *(*open)(struct ui_app *a);
	const char *later;	/* what the item will be, for items not in this version */
};

static const struct item items[] = {
	{ N_("Members"), ui_list_new, NULL },
	{ N_("Bulk entry"), ui_bulk_new, NULL },
	{ N_("Units"), ui_units_new, NULL },
	{ N_("Dues"), NULL, N_("Dues") },
	{ N_("Meetings"), NULL, N_("Meetings") },
	{ N_("Reports"), ui_reports_new, NULL },
	{ N_("Import a list"), ui_import_new, NULL },
	{ N_("Review"), NULL, N_("Review") },
	{ N_("System settings"), ui_system_new, NULL },
};
#define NITEMS ((int)(sizeof items / sizeof *items))

struct menu {
	struct ui_screen base;
	int cur;
};

static const char *title(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	(void)s;
	return _("Main menu");
}

static void draw(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	struct menu *m = (struct menu *)s;
	int top = 3, left = 10;
	for (int i = 0; i < NITEMS; i++) {
		char line[128];
		snprintf(line, sizeof line, " %d  %s ", i + 1, _(items[i].label));
		term_text(top + i * 2, left, 40, line, i == m->cur ? TA_SELECTED : TA_NORMAL,
			  i == m->cur);
	}
	term_cursor(top + m->cur * 2, left + 1);
}

static int choose(struct ui_app *a, struct menu *m, int i)
{
	m->cur = i;
	if (items[i].open)
		ui_push(a, items[i].open(a));
	else
		ui_message(a, _("%s: not in this version yet."), _(items[i].later));
	return UI_OK;
}

static int key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	struct menu *m = (struct menu *)s;
	if (k >= '1' && k <= '9' && (int)(k - '1') < NITEMS)
		return choose(a, m, (int)(k - '1'));
	switch (action) {
	case KA_UP: m->cur = (m->cur + NITEMS - 1) % NITEMS; return UI_OK;
	case KA_DOWN: m->cur = (m->cur + 1) % NITEMS; return UI_OK;
	case KA_FIRST: m->cur = 0; return UI_OK;
	case KA_LAST: m->cur = NITEMS - 1; return UI_OK;
	case KA_OPEN: return choose(a, m, m->cur);
	default: return UI_UNHANDLED;
	}
}

static void menu_free(struct ui_screen *s)
{
	free(s);
}

static const struct ui_screen_ops menu_ops = {
	.name = "menu",
	.ctx = KM_MENU,
	.title = title,
	.draw = draw,
	.key = key,
	.free = menu_free,
};

struct ui_screen *ui_menu_new(struct ui_app *a)
{
	(void)a;
	struct menu *m = xcalloc(1, sizeof *m);
	m->base.ops = &menu_ops;
	return &m->base;
}
