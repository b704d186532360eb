/* System settings: the user's typing and display choices and the real-members report's period,
 * each changed with Enter and saved at once (core/settings.h). */
#include "ui/input.h"
#include "ui/term.h"
#include "ui/ui.h"

#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { S_METHOD, S_ON, S_STYLE, S_DISPLAY, S_MONTHS, S__N };

/* What Enter steps the real-members period through (a value typed in the file stays until then). */
static const int months_steps[] = { 3, 6, 12 };

struct sys {
	struct ui_screen base;
	int cur;
};

static const char *title(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	(void)s;
	return _("System settings");
}

static const char *value(struct ui_app *a, int i)
{
	static char months[64];
	switch (i) {
	case S_MONTHS:
		snprintf(months, sizeof months, _("the last %d months"), a->settings.phantom_months);
		return months;
	case S_METHOD: return vn_ime_name(a->imes[a->ime_method]);
	case S_ON: return a->ime_on ? _("on") : _("off (EN)");
	case S_STYLE: return a->settings.new_style ? _("new: hoà, thuý, khoẻ") : _("old: hòa, thúy, khỏe");
	default:
		return a->settings.display == SET_DISPLAY_NOMARKS ? _("without marks: Nguyen")
								  : _("VIQR: Nguye^~n");
	}
}

static void draw(struct ui_app *a, struct ui_screen *s)
{
	struct sys *m = (struct sys *)s;
	static const char *const labels[S__N] = {
		N_("Vietnamese typing method"),
		N_("Vietnamese typing"),
		N_("Where the tone goes"),
		N_("Names on a terminal without Vietnamese"),
		N_("Real members: dues and meetings in"),
	};
	for (int i = 0; i < S__N; i++) {
		term_text(3 + 2 * i, 2, 40, _(labels[i]), TA_LABEL, false);
		term_text(3 + 2 * i, 43, 34, value(a, i), i == m->cur ? TA_SELECTED : TA_INPUT, true);
	}
	term_text(4 + 2 * S__N, 2, term_cols() - 4,
		  _("Enter changes the setting under the cursor; it is saved at once for your user."),
		  TA_DIM, false);
	term_cursor(3 + 2 * m->cur, 43);
}

static void save(struct ui_app *a)
{
	struct err e = { 0 };
	if (settings_save(&a->settings, a->settings_path, &e) < 0) {
		char msg[800];
		ui_error(a, _("The setting could not be saved: %s"), err_format(&e, msg, sizeof msg));
	}
}

static int key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	(void)k;
	struct sys *m = (struct sys *)s;
	switch (action) {
	case KA_UP: m->cur = (m->cur + S__N - 1) % S__N; return UI_OK;
	case KA_DOWN: m->cur = (m->cur + 1) % S__N; return UI_OK;
	case KA_CANCEL: return UI_POP;
	case KA_OPEN: break;
	default: return UI_UNHANDLED;
	}
	switch (m->cur) {
	case S_METHOD:
		/* Changes the method without turning typing on or off. */
		a->ime_method = (a->ime_method + 1) % TYPING__N;
		strcpy(a->settings.ime, typing_method_name(a->ime_method));
		save(a);
		break;
	case S_ON: ui_input_toggle(a); break;
	case S_STYLE:
		a->settings.new_style = !a->settings.new_style;
		save(a);
		break;
	case S_MONTHS: {
		/* The next step above the value, round to the first. */
		int next = months_steps[0];
		for (size_t i = 0; i < sizeof months_steps / sizeof *months_steps; i++)
			if (months_steps[i] > a->settings.phantom_months) {
				next = months_steps[i];
				break;
			}
		a->settings.phantom_months = next;
		save(a);
		break;
	}
	default:
		a->settings.display = a->settings.display == SET_DISPLAY_VIQR ? SET_DISPLAY_NOMARKS
									 : SET_DISPLAY_VIQR;
		term_ascii_style(a->settings.display == SET_DISPLAY_VIQR);
		save(a);
		break;
	}
	return UI_OK;
}

static void hints(struct ui_app *a, struct ui_screen *s, struct buf *out)
{
	static const int acts[] = { KA_OPEN, KA_CANCEL, KA_HELP };
	ui_hints(a, s->ops->ctx, acts, 3, out);
}

static void sys_free(struct ui_screen *s)
{
	free(s);
}

static const struct ui_screen_ops ops = {
	.name = "system",
	.ctx = KM_CHOOSE,
	.title = title,
	.draw = draw,
	.key = key,
	.hints = hints,
	.free = sys_free,
};

struct ui_screen *ui_system_new(struct ui_app *a)
{
	(void)a;
	struct sys *m = xcalloc(1, sizeof *m);
	m->base.ops = &ops;
	return &m->base;
}
