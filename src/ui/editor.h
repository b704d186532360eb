/* The generic form engine: draws any screen file's fields over a form model (core/form.h),
 * edits them in place, checks each field as the cursor leaves it and the whole form on save.
 * What a save does, and anything a screen draws besides its fields (the memberships of the
 * member card, the count of bulk entry), hooks in by name through struct ui_editor_hooks. */
#ifndef HOIVIEN_UI_EDITOR_H
#define HOIVIEN_UI_EDITOR_H

#include "core/form.h"
#include "core/screen.h"
#include "ui/ui.h"

struct ui_editor;

/* The screen file called name (screens/NAME.scr, or the user's own), or NULL with its first
 * problem on the message line. */
struct screen *ui_load_screen(struct ui_app *a, const char *name);

struct ui_editor_hooks {
	/* Save the form's values: UI_OK (with a message) keeps the form open, UI_POP closes it;
	 * a save that failed keeps the form open with the input as typed and says why (ui_error)
	 * and returns UI_OK. */
	int (*save)(struct ui_app *a, struct ui_editor *ed, void *ctx);
	/* Draw an area of the screen file (NULL: areas stay empty). */
	void (*draw_area)(struct ui_app *a, struct ui_editor *ed, const struct screen_area *ar,
			  void *ctx);
	/* The title bar's text (NULL: the screen file's title). */
	const char *(*title)(struct ui_app *a, struct ui_editor *ed, void *ctx);
	/* A key the editor does not handle (actions of the context it does not know). */
	int (*key)(struct ui_app *a, struct ui_editor *ed, int action, uint32_t key, void *ctx);
	/* Called when the last field is left forwards (bulk entry saves there); NULL: wrap. */
	int (*past_last)(struct ui_app *a, struct ui_editor *ed, void *ctx);
	/* Whether leaving would lose typing (NULL: whether any field changed since loaded). */
	bool (*dirty)(struct ui_editor *ed, void *ctx);
	void (*free)(void *ctx);
};

/* A screen editing form f of screen scr (both owned by the editor from now on) in keymap
 * context ctx (KM_FORM or KM_BULK). */
struct ui_screen *ui_editor_new(struct ui_app *a, struct screen *scr, struct form *f,
				enum km_ctx ctx, const struct ui_editor_hooks *hooks, void *hctx);
struct form *ui_editor_form(struct ui_editor *ed);
const struct screen *ui_editor_screen(struct ui_editor *ed);
/* Put the cursor on field i (at the end of its text), turning to its page. */
void ui_editor_focus(struct ui_editor *ed, int i);
int ui_editor_current(const struct ui_editor *ed);
/* The index of the field that is pseudo-field ps (SPS_NONE: the field called name, such as
 * "person.cccd"), or -1. */
int ui_editor_field(struct ui_editor *ed, enum screen_pseudo ps, const char *name);
/* Check every field and, when none is in error, call the save hook (what F2 does). */
int ui_editor_save(struct ui_app *a, struct ui_editor *ed);

/* A list to pick from, narrowed as the user types (accent-insensitively); picked is called
 * with the chosen item's index and text (borrowed) and the screen closes.  items are borrowed
 * and must outlive the screen.  The chooser owns ctx and frees it with free_ctx (NULL: free())
 * when it closes, picked or not. */
typedef void (*ui_picked_fn)(struct ui_app *a, void *ctx, int index, const char *item);
struct ui_screen *ui_choose_new(struct ui_app *a, const char *title, const char *const *items,
				size_t n, ui_picked_fn picked, void *ctx, void (*free_ctx)(void *));

#endif
