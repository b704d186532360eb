/* Typing in the program: the input methods, their switch, and the user's choice remembered. */
#include "ui/input.h"

#include "text/ime.h"
#include "text/utf8.h"
#include "ui/term.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"

#include <stdlib.h>
#include <string.h>

void ui_input_start(struct ui_app *a)
{
	struct buf errs = BUF_INIT;
	settings_init(&a->settings);
	a->settings_path = path_user_config("settings");
	settings_load(&a->settings, a->settings_path, &errs);
	for (int m = 0; m < TYPING__N; m++)
		a->imes[m] = typing_load(m, &errs);
	int m = typing_method_parse(a->settings.ime);
	a->ime_method = m < 0 ? TYPING_TELEX : m;
	a->ime_on = a->settings.ime_on;
	term_ascii_style(a->settings.display == SET_DISPLAY_VIQR);
	/* A terminal with no Vietnamese shows names in VIQR: type them the same way. */
	if (term_display() == TD_VIQR) {
		a->ime_method = TYPING_VIQR;
		a->ime_on = true;
	}
	if (errs.len) {
		const char *nl = memchr(errs.p, '\n', errs.len);
		ui_error(a, "%.*s", nl ? (int)(nl - errs.p) : (int)errs.len, errs.p);
	}
	buf_free(&errs);
}

void ui_input_stop(struct ui_app *a)
{
	for (int m = 0; m < TYPING__N; m++)
		vn_ime_free(&a->imes[m]);
	settings_free(&a->settings);
	free(a->settings_path);
	a->settings_path = NULL;
}

const char *ui_input_label(const struct ui_app *a)
{
	return a->ime_on && a->imes[a->ime_method] ? vn_ime_name(a->imes[a->ime_method]) : "EN";
}

static void remember(struct ui_app *a)
{
	strcpy(a->settings.ime, typing_method_name(a->ime_method));
	a->settings.ime_on = a->ime_on;
	struct err e = { 0 };
	if (settings_save(&a->settings, a->settings_path, &e) < 0) {
		char m[800];
		ui_error(a, _("Typing is %s, but it could not be remembered: %s"), ui_input_label(a),
			 err_format(&e, m, sizeof m));
		return;
	}
	if (a->ime_on)
		ui_message(a, _("Vietnamese typing: %s."), ui_input_label(a));
	else
		ui_message(a, "%s", _("Vietnamese typing is off (EN)."));
}

void ui_input_toggle(struct ui_app *a)
{
	a->ime_on = !a->ime_on;
	remember(a);
}

void ui_input_next_method(struct ui_app *a)
{
	if (a->ime_on)
		a->ime_method = (a->ime_method + 1) % TYPING__N;
	a->ime_on = true;
	remember(a);
}

void ui_input_key(struct ui_app *a, struct vn_ime_state *st, struct buf *text, size_t *at,
		  uint32_t k)
{
	if (a->ime_on && a->imes[a->ime_method]) {
		vn_ime_key(a->imes[a->ime_method], a->settings.new_style ? VN_IME_NEW_STYLE : 0, st,
			   text, at, k);
		return;
	}
	char u[4];
	size_t un = utf8_encode(k, u);
	if (!text->p)
		buf_add(text, "", 0);
	buf_reserve(text, un);
	memmove(text->p + *at + un, text->p + *at, text->len - *at + 1);
	memcpy(text->p + *at, u, un);
	text->len += un;
	*at += un;
	vn_ime_reset(st);
}

void ui_input_end_word(struct ui_app *a, struct vn_ime_state *st, struct buf *text, size_t *at)
{
	if (a->ime_on && a->imes[a->ime_method])
		vn_ime_end_word(a->imes[a->ime_method], a->settings.new_style ? VN_IME_NEW_STYLE : 0,
				st, text, at);
	else
		vn_ime_reset(st);
}

void ui_input_backspace(struct vn_ime_state *st, struct buf *text, size_t *at)
{
	vn_ime_backspace(st, text, at);
}
