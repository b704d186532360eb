/* Typing into a line of text on any screen (form fields, the search box, a chooser's filter, a
 * question on the message line): through the input method when it is on, with a backspace that
 * takes a whole letter with its marks. */
#ifndef HOIVIEN_UI_INPUT_H
#define HOIVIEN_UI_INPUT_H

#include <stddef.h>
#include <stdint.h>

#include "text/ime.h"
#include "ui/ui.h"

/* Load the methods and the user's settings into a (at start). */
void ui_input_start(struct ui_app *a);
void ui_input_stop(struct ui_app *a);
/* What the status line shows: "TELEX", "VNI", "VIQR", or "EN" when typing is off. */
const char *ui_input_label(const struct ui_app *a);
/* ime-toggle and ime-method: switch typing on or off, or to the next method (turning it on),
 * say so on the message line and remember it in the user's settings. */
void ui_input_toggle(struct ui_app *a);
void ui_input_next_method(struct ui_app *a);

/* Type the character k at byte *at of text; st is the field's typing state (zeroed when the
 * field is entered, vn_ime_reset when the cursor moves). */
void ui_input_key(struct ui_app *a, struct vn_ime_state *st, struct buf *text, size_t *at,
		  uint32_t k);
/* The word at the cursor is done (the cursor moves, the field is left or saved): a word that is
 * not Vietnamese gets its keys back as typed, as a space would give them. */
void ui_input_end_word(struct ui_app *a, struct vn_ime_state *st, struct buf *text, size_t *at);
/* Backspace at *at: the letter before it with all its marks. */
void ui_input_backspace(struct vn_ime_state *st, struct buf *text, size_t *at);

#endif
