/* The terminal: curses set up and torn down, keys read as keymap codes, text drawn safely.
 *
 * Everything the screens draw goes through term_text, which never lets a byte of data reach
 * the terminal as a control: text from the store was cleaned when it came in, and this is the
 * second fence (a control character shows as '?').  The screens draw into curses' virtual
 * screen and term_flush sends only what changed, which keeps a slow SSH link usable. */
#ifndef HOIVIEN_UI_TERM_H
#define HOIVIEN_UI_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Attributes of drawn text. */
enum term_attr {
	TA_NORMAL,
	TA_TITLE,	/* the title bar */
	TA_STATUS,	/* the status line */
	TA_SELECTED,	/* the row or item under the cursor */
	TA_LABEL,	/* a form's labels */
	TA_INPUT,	/* a form's input field */
	TA_ERROR,	/* a message that something is wrong */
	TA_WARN,	/* a warning */
	TA_DIM,		/* hints */
	TA_HEADING,	/* column headings */
};

/* How text is shown: as UTF-8; in the locale's own 8-bit set (VISCII, TCVN), every letter it
 * holds as itself; or, on a terminal with no Vietnamese (ASCII, Latin-1), letters in VIQR
 * ("Nguye^~n") or without marks.  Characters with no form at all show as '?'. */
enum term_display { TD_UTF8, TD_LOCALE, TD_VIQR, TD_NOMARKS };
/* Decide from the locale (LC_CTYPE, set by the caller) before term_start; returns the choice. */
enum term_display term_choose_display(void);
enum term_display term_display(void);
/* On a terminal with no Vietnamese: VIQR (true, the default) or no marks. */
void term_ascii_style(bool viqr);

/* Start curses on the terminal (colours unless NO_COLOR is set or the terminal has none).
 * Returns 0, or -1 if the terminal cannot be used (the reason in a message). */
int term_start(void);
void term_stop(void);
int term_rows(void);
int term_cols(void);

/* A key as the keymap module codes it (core/keymap.h): a character, a Ctrl key, KM_* special
 * keys, KM_META|key.  KM_RESIZE when the terminal changed size.  Waits for a key. */
uint32_t term_key(void);
/* A key typed already, without waiting: 0 when none is (or it is one no binding can name).
 * For long work that polls for a key that stops it. */
uint32_t term_key_ready(void);
#define TERM_KEY_RESIZE 0x10ffff0u
/* The terminal is gone (end of input, SIGHUP) or SIGTERM came: leave at once. */
#define TERM_KEY_HANGUP 0x10ffff1u

void term_clear(void);
/* Draw UTF-8 text at (row, col), at most width columns (clipped on a character boundary);
 * pad with spaces to width when pad.  Returns the columns used.  Controls show as '?'. */
int term_text(int row, int col, int width, const char *s, enum term_attr a, bool pad);
/* Fill a row from col to the right edge with spaces in attribute a. */
void term_fill(int row, int col, int width, enum term_attr a);
/* Where the cursor rests after the screen is drawn (or hidden with row < 0). */
void term_cursor(int row, int col);
/* Send what changed to the terminal. */
void term_flush(void);
/* Forget what the terminal shows and draw everything again (after C-l). */
void term_redraw_all(void);
/* Columns text occupies on the screen. */
int term_width_of(const char *s);

#endif
