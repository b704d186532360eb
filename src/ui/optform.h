/* A small form the program lays out itself: labelled values in one column, for what no screen
 * file describes (the options of a report, a unit's area and figures for a year).  Items are
 * text typed in place (limited to some characters if asked, else through the input method),
 * boxes that Space ticks, values picked from a list (choose or Space opens it, through a hook)
 * and headings.  It runs in the form keymap context: next-field and prev-field move, save calls
 * the save hook, cancel leaves (asking first if the hooks say so and something changed). */
#ifndef HOIVIEN_UI_OPTFORM_H
#define HOIVIEN_UI_OPTFORM_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/ui.h"

struct optf;

enum optf_kind {
	OPTF_TEXT,	/* a line of text */
	OPTF_CHECK,	/* a box: ticked or not */
	OPTF_PICK,	/* a value chosen from a list (the pick hook opens it) */
	OPTF_HEADING,	/* a line of text the cursor skips */
};

struct optf_def {
	enum optf_kind kind;
	const char *label;	/* msgid (N_()): translated when drawn */
	const char *help;	/* msgid for the message line, or NULL */
	const char *accept;	/* OPTF_TEXT: the only characters it takes; NULL: any text */
	int width;		/* of the value (0: 30) */
};

struct optf_hooks {
	/* The title bar's text. */
	const char *(*title)(struct ui_app *a, struct optf *f, void *ctx);
	/* choose (or Space) on an OPTF_PICK item. */
	void (*pick)(struct ui_app *a, struct optf *f, int item, void *ctx);
	/* The cursor leaves item, whose text or box changed since the cursor came to it: false
	 * keeps the cursor there (the hook said why). */
	bool (*left)(struct ui_app *a, struct optf *f, int item, void *ctx);
	/* save (and Enter when enter_saves): returns UI_* flags. */
	int (*save)(struct ui_app *a, struct optf *f, void *ctx);
	/* Actions of the form context the form does not handle (NULL: unhandled). */
	int (*key)(struct ui_app *a, struct optf *f, int action, uint32_t k, void *ctx);
	void (*free)(void *ctx);
	bool enter_saves;	/* Enter saves (runs) instead of going to the next item */
	bool confirm_cancel;	/* cancel with changes asks first, and so does quitting */
};

/* A form of n items as defs says (copied; the strings must be static).  The form owns ctx and
 * frees it with hooks->free.  *out (may be NULL) gets the form, for the functions below. */
struct ui_screen *ui_optform_new(struct ui_app *a, const struct optf_def *defs, int n,
				 const struct optf_hooks *hooks, void *ctx, struct optf **out);

/* The text of item i (borrowed until it changes); "" for a bad index or a box. */
const char *optf_text(const struct optf *f, int i);
void optf_set_text(struct optf *f, int i, const char *text);
bool optf_checked(const struct optf *f, int i);
void optf_set_checked(struct optf *f, int i, bool on);
/* Hide or show item i (a hidden item is neither drawn nor visited). */
void optf_show(struct optf *f, int i, bool shown);
/* Put the cursor on item i. */
void optf_focus(struct optf *f, int i);
int optf_current(const struct optf *f);
/* What item i (i < 0: every item) holds now is "as loaded": it has not changed. */
void optf_mark_loaded(struct optf *f, int i);
/* Whether item i (i < 0: any item) differs from what was loaded. */
bool optf_dirty(const struct optf *f, int i);
/* A line drawn under the items (translated text, copied; NULL: none). */
void optf_set_note(struct optf *f, const char *note);

#endif
