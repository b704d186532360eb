/* The full-screen program: a stack of screens over one store, driven by the keymap.
 *
 * A screen draws itself from its state (draw) and changes its state on a key (key); key
 * handlers never paint, they return flags and the main loop repaints the top screen.  Screens
 * open other screens by pushing them (ui_push); a screen that is done returns UI_POP. */
#ifndef HOIVIEN_UI_H
#define HOIVIEN_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "core/keymap.h"
#include "core/settings.h"
#include "core/typing.h"
#include "util/buf.h"

struct cli;
struct store;
struct ui_screen;
struct vn_ime;

/* What a key handler asks of the main loop. */
enum {
	UI_OK = 0,
	UI_POP = 1 << 0,	/* close this screen */
	UI_QUIT = 1 << 1,	/* leave the program */
	UI_UNHANDLED = 1 << 2,	/* not a key for this screen: try the global actions */
};

struct ui_app {
	struct store *store;
	struct keymap *keys;
	const char *store_name;		/* shown on the status line */
	const char *login;
	uint64_t org_id;		/* organization in view (0: all) */
	char org_code[16];
	struct vn_ime *imes[TYPING__N];	/* the input methods' rules */
	int ime_method;			/* enum typing_method: the one typing goes through */
	bool ime_on;			/* off: keys are letters as they come ("EN") */
	struct settings settings;	/* the user's, saved when typing is switched */
	char *settings_path;
	struct buf message;		/* shown on the message line until the next key */
	bool message_error;
	struct ui_screen *stack[16];
	int depth;
	bool quit;
	unsigned data_gen;		/* bumped by every save: lists read their page again */
};

struct ui_screen_ops {
	const char *name;
	enum km_ctx ctx;
	/* The title bar's text (translated). */
	const char *(*title)(struct ui_app *a, struct ui_screen *s);
	/* Draw rows 1 .. rows-3 (title, message and status lines are the loop's). */
	void (*draw)(struct ui_app *a, struct ui_screen *s);
	/* action: the key's action in the screen's context (KA_NONE if unbound); key: the key. */
	int (*key)(struct ui_app *a, struct ui_screen *s, int action, uint32_t key);
	/* Key hints for the message line when there is no message (NULL: help and quit). */
	void (*hints)(struct ui_app *a, struct ui_screen *s, struct buf *out);
	/* Asked before the program quits with this screen open: false keeps it open. */
	bool (*may_quit)(struct ui_app *a, struct ui_screen *s);
	void (*free)(struct ui_screen *s);
};

struct ui_screen {
	const struct ui_screen_ops *ops;
};

/* The program: hoivien with no subcommand.  Returns an exit status. */
int ui_run(struct cli *c);

void ui_push(struct ui_app *a, struct ui_screen *s);
/* Put a message on the message line (printf-style, already translated). */
void ui_message(struct ui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(struct ui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Paint the screen now (before work that takes a while, with a message saying so). */
void ui_repaint(struct ui_app *a);
/* Ask a yes/no question on the message line; true for yes. */
bool ui_confirm(struct ui_app *a, const char *question);
/* Ask a question on the message line and return the key typed in answer (0 when the terminal
 * went away). */
uint32_t ui_ask_key(struct ui_app *a, const char *question);
/* Ask a question on the message line answered by one of letters (lower case: "tc"); the
 * index of the letter typed, or -1 when the person cancels. */
int ui_ask_letter(struct ui_app *a, const char *question, const char *letters);
/* Ask for a line of text on the message line (Enter takes it, cancel gives NULL); initial is
 * the text to start from.  Newly allocated. */
char *ui_prompt(struct ui_app *a, const char *question, const char *initial);
/* Key hints for the message line: "F2 Lưu  Esc Huỷ …" for the given actions of ctx. */
void ui_hints(struct ui_app *a, enum km_ctx ctx, const int *actions, int n, struct buf *out);

/* Screens. */
struct ui_screen *ui_menu_new(struct ui_app *a);
struct ui_screen *ui_list_new(struct ui_app *a);
struct ui_screen *ui_bulk_new(struct ui_app *a);
struct ui_screen *ui_units_new(struct ui_app *a);
/* A unit's area tags and its population and targets for a year (NULL if it cannot be read). */
struct ui_screen *ui_unit_edit_new(struct ui_app *a, uint64_t unit);
/* The member list showing the members of one unit (with the units under it). */
struct ui_screen *ui_list_of_unit(struct ui_app *a, uint64_t org, const char *org_code,
				  uint64_t unit, const char *unit_name);
struct ui_screen *ui_help_new(struct ui_app *a, enum km_ctx ctx);
/* Import a list: asks for the file, then shows it read in its (guessed) encoding; NULL when the
 * person cancels or the file cannot be read. */
struct ui_screen *ui_import_new(struct ui_app *a);
/* Reports: chosen from a list, read on the screen (statistics, overlap, duplicates). */
struct ui_screen *ui_reports_new(struct ui_app *a);
/* The pairs of the duplicates report for the organization in view (all when none), one at a
 * time and side by side, to merge, to record as two persons, or to skip.  NULL, with the
 * error on the message line, if the search fails. */
struct ui_screen *ui_dup_review_new(struct ui_app *a);
/* Text to read, scrolled by line and page (a report); takes text (freed with the screen). */
struct ui_screen *ui_text_view_new(struct ui_app *a, const char *title, char *text);
/* The same with the export key: export(a, ctx) writes what is shown to a file (asking which)
 * and returns UI_* flags.  The view owns ctx and frees it with free_ctx. */
typedef int (*ui_export_fn)(struct ui_app *a, void *ctx);
struct ui_screen *ui_text_view_export(struct ui_app *a, const char *title, char *text,
				      ui_export_fn export, void *ctx, void (*free_ctx)(void *));
/* The user's settings: typing method, tone placement, names on an ASCII terminal. */
struct ui_screen *ui_system_new(struct ui_app *a);

#endif
