/* Key bindings: per-context tables of key -> action, read from text in the syntax of
 * keymaps/default.keys (the built-in defaults), then from the user's keys file. No curses here:
 * the UI translates curses input into the key codes below and asks keymap_lookup what to do. */
#ifndef HOIVIEN_KEYMAP_H
#define HOIVIEN_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* Key codes.  A printable character is its Unicode code point (Space is ' ').  Ctrl with a letter
 * or one of @ [ \ ] ^ _ is KM_CTRL(c); but C-i, C-m, C-j, C-h and C-[ are the bytes of Tab, Enter,
 * BSpace and Escape, which a terminal cannot tell apart, so they are never bound as Ctrl keys:
 * "C-i" parses as KM_TAB, "C-m" and "C-j" as KM_ENTER, "C-h" as KM_BSPACE, "C-[" as KM_ESCAPE,
 * and the UI must likewise deliver those bytes as the special keys.  Special keys lie above the
 * Unicode range.  Meta (Alt, or Escape then the key) is KM_META OR-ed onto another key. */
#define KM_CTRL(c) ((uint32_t)(c) & 0x1fu)
#define KM_SPECIAL 0x110000u
#define KM_F(n) (KM_SPECIAL + (uint32_t)(n))	/* F1 … F12 */
#define KM_META 0x40000000u

enum {
	KM_UP = KM_SPECIAL + 16,
	KM_DOWN,
	KM_LEFT,
	KM_RIGHT,
	KM_HOME,
	KM_END,
	KM_PAGEUP,
	KM_PAGEDOWN,
	KM_INSERT,
	KM_DELETE,
	KM_BSPACE,
	KM_ENTER,
	KM_TAB,
	KM_BTAB,	/* Shift-Tab */
	KM_ESCAPE,
};

/* Contexts: the kinds of screen.  A key's binding in "global" applies on every screen whose own
 * context does not bind that key. */
enum km_ctx { KM_GLOBAL, KM_MENU, KM_LIST, KM_FORM, KM_BULK, KM_UNITS, KM_CHOOSE, KM_CONFIRM, KM__NCTX };

/* Actions, named in keys files as in the comments.  Each is allowed only in some contexts
 * (help, redraw, quit, ime-toggle and ime-method everywhere); binding one elsewhere is an error. */
enum km_act {
	KA_NONE = 0,	/* the key is not bound */
	KA_HELP,	/* help */
	KA_REDRAW,	/* redraw */
	KA_QUIT,	/* quit */
	KA_IME_TOGGLE,	/* ime-toggle */
	KA_UP,		/* up */
	KA_DOWN,	/* down */
	KA_FIRST,	/* first */
	KA_LAST,	/* last */
	KA_PAGE_UP,	/* page-up */
	KA_PAGE_DOWN,	/* page-down */
	KA_OPEN,	/* open */
	KA_NEW,		/* new */
	KA_DELETE,	/* delete */
	KA_SEARCH,	/* search */
	KA_FILTER,	/* filter */
	KA_CLEAR_SEARCH, /* clear-search */
	KA_BACKSPACE,	/* backspace */
	KA_CANCEL,	/* cancel */
	KA_NEXT_FIELD,	/* next-field */
	KA_PREV_FIELD,	/* prev-field */
	KA_SAVE,	/* save */
	KA_CHOOSE,	/* choose */
	KA_LEFT,	/* left */
	KA_RIGHT,	/* right */
	KA_HOME,	/* home */
	KA_END,		/* end */
	KA_DELETE_CHAR,	/* delete-char */
	KA_CLEAR_FIELD,	/* clear-field */
	KA_NEXT_PAGE,	/* next-page */
	KA_PREV_PAGE,	/* prev-page */
	KA_EXPAND,	/* expand */
	KA_COLLAPSE,	/* collapse */
	KA_RENAME,	/* rename */
	KA_MOVE,	/* move */
	KA_NEXT_ORG,	/* next-org */
	KA_YES,		/* yes */
	KA_NO,		/* no */
	KA_IME_METHOD,	/* ime-method */
	KA_COUNT,	/* count */
	KA_EXPORT,	/* export */
	KA_EDIT,	/* edit */
	KA__COUNT
};

struct keymap;

/* A keymap with no bindings.  Newly allocated; free with keymap_free. */
struct keymap *keymap_new(void);
/* Free *km and set it to NULL; accepts NULL and a NULL *km. */
void keymap_free(struct keymap **km);

/* Apply the lines of text (n bytes, need not be NUL-terminated; path names it in messages):
 *   bind CONTEXT KEY ACTION     KEY does ACTION in CONTEXT (rebinding replaces the action in
 *                               place, so the key keeps its position in keymap_keys_for/dump)
 *   unbind CONTEXT KEY          remove CONTEXT's own binding of KEY (global's then applies)
 * Words are separated by spaces and tabs; a line whose first word starts with '#' is a comment,
 * and so is the rest of a line from a word starting with '#' after the words the directive
 * needs ("bind list # new" binds '#'); blank lines, CRLF ends and a UTF-8 byte order mark are
 * accepted.  Every bad line is reported as one line "path:LINE: message\n" appended to errs
 * (translated; all of them, not just the first) and changes nothing, while valid lines are
 * applied anyway.  Bad: unknown directive, unknown context, unknown key name, unknown action,
 * an action not allowed in that context, missing or extra words, invalid UTF-8, a NUL byte.
 * Returns the number of bad lines.  errs may be NULL. */
int keymap_load_text(struct keymap *km, const char *text, size_t n, const char *path, struct buf *errs);
/* The same for the file at path.  A file that does not exist is not an error (returns 0); one
 * that cannot be read is one error "path: reason\n" (returns 1). */
int keymap_load_file(struct keymap *km, const char *path, struct buf *errs);
/* A new keymap: the built-in defaults (keymaps/default.keys compiled in, named "(built-in)" in
 * messages), then the user's file at keymap_user_path().  Errors are appended to errs as by
 * keymap_load_text; the keymap is returned all the same, with every good line applied.  Free
 * with keymap_free. */
struct keymap *keymap_load_user(struct buf *errs);
/* $XDG_CONFIG_HOME/hoivien/keys if XDG_CONFIG_HOME is an absolute path, else
 * $HOME/.config/hoivien/keys (./.config/… without HOME).  Newly allocated; the caller frees. */
char *keymap_user_path(void);

/* The action (enum km_act) of key in ctx: the context's own binding, else global's, else
 * KA_NONE.  A ctx out of range gives KA_NONE. */
int keymap_lookup(const struct keymap *km, enum km_ctx ctx, uint32_t key);
/* The keys that do action in ctx (the context's own bindings, then global ones the context does
 * not rebind), in the order they were bound, stored into keys up to max; returns how many were
 * stored.  For the help screen and the hints of the status line. */
size_t keymap_keys_for(const struct keymap *km, enum km_ctx ctx, int action, uint32_t *keys, size_t max);

/* Parse the key name name[0..n) (see the top of keymaps/default.keys): a single printable
 * character (UTF-8), C-x, M-x (M-C-x, C-M-x), F1 … F12, Up, Down, Left, Right, Home, End,
 * PageUp (PPage), PageDown (NPage), Insert (IC), Delete (DC), BSpace, Enter, Tab, BTab, Escape,
 * Space.  Special key names and the C-/M- prefixes are case-insensitive; C-x is the same key
 * for x and X; C-Space is C-@.  Returns 0 with *key set, or -1. */
int keymap_parse_key(const char *name, size_t n, uint32_t *key);
/* The canonical name of key (the spelling default.keys uses: "C-a", "M-v", "PageUp", "đ",
 * "Space"), NUL-terminated into out (size bytes; 16 are always enough) and returned.  The raw
 * bytes of Tab, Enter (CR and LF), BSpace (^H and DEL) and Escape are named as those keys.  A code
 * no name stands for (a C1 control, a value out of range) comes out as "U+0085" or "0x…", which
 * does not parse. */
const char *keymap_key_name(uint32_t key, char *out, size_t size);
/* The name of an action as in keys files ("page-up"), or NULL for KA_NONE and out-of-range
 * values. */
const char *keymap_action_name(int action);
/* A short description of an action for the help screen, translated; "" for KA_NONE and
 * out-of-range values. */
const char *keymap_action_help(int action);
/* The name of a context as in keys files ("form"), or NULL out of range. */
const char *keymap_ctx_name(int ctx);
/* The action called name (enum km_act), or -1 if there is none. */
int keymap_action_by_name(const char *name);

/* Append the effective bindings to out, one "CONTEXT KEY ACTION\n" line each (contexts in enum
 * order, then the order the keys were bound; each context's own bindings only), for
 * `hoivien --dump-keys`.  With "bind " before each line the output is a keys file: loading it
 * into an empty keymap gives the same bindings, and dumping that gives the same text. */
void keymap_dump(const struct keymap *km, struct buf *out);

#endif
