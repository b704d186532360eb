/* Screen definitions read from the .scr files in screens/: the fields of a form (what record
 * field each edits, its label, place, width, type, vocabulary, help) and the columns of a list.
 * One generic form engine in src/ui draws any screen; src/core/form.c validates it.  The file
 * format is described in man/hoivien-screens.5; in short, one statement a line, a line that
 * starts with white space continuing the statement above, '#' starting a comment:
 *
 *   title "Hồ sơ hội viên" en "Member card"
 *   field person.full_name label "Họ và tên" en "Full name" row 2 col 2 input 20 width 40
 *       required help "Họ, chữ đệm và tên" en "Surname, middle and given name"
 *   column person.full_name heading "Họ và tên" en "Full name" width 28
 *
 * The geometry is that of an 80x24 terminal: row 0 holds the title, rows 22-23 the message and
 * key-hint lines, so fields live on rows 1..21 and columns 0..79. */
#ifndef HOIVIEN_SCREEN_H
#define HOIVIEN_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/record.h"

struct buf;
struct vocab;

#define SCREEN_COLS 80
#define SCREEN_ROW_FIRST 1	/* below the title */
#define SCREEN_ROW_LAST 21	/* above the message and key-hint lines */

/* A text in Vietnamese and, optionally, English (NULL when the file gives none). NFC. */
struct screen_text {
	char *vi;
	char *en;
};

/* What the input of a field accepts and how form.c checks it. */
enum screen_type {
	STY_TEXT,	/* any one line of text: cleaned (controls dropped, spaces squeezed, NFC) */
	STY_NAME,	/* a person's name: cleaned like vn_name_clean, at least two words */
	STY_DATE,	/* dd/mm/yyyy, mm/yyyy or yyyy (date_parse) */
	STY_CHOICE,	/* an item of a vocabulary (choices), normalized to its canonical spelling */
	STY_YESNO,	/* Có / Không */
	STY_CCCD,	/* 12-digit CCCD (a 9-digit CMND is accepted with a warning) */
	STY_PHONE,	/* digits, a leading +, spaces, dots or dashes; 10-11 digits (+84: 11-12) */
	STY_NUMBER,	/* digits only */
};

enum screen_align { SAL_LEFT, SAL_RIGHT, SAL_CENTER };

/* The fields a screen can name: a field of struct person or struct membership (by its
 * field_def name), or one of the pseudo-fields of a membership that the UI resolves against the
 * store: membership.org (an organization code or name) and membership.unit (a unit path). */
enum screen_pseudo { SPS_NONE, SPS_ORG, SPS_UNIT };

struct screen_ref {
	enum rec_type rec;		/* REC_PERSON or REC_MEMBERSHIP */
	const struct field_def *def;	/* NULL for a pseudo-field */
	enum screen_pseudo pseudo;
	char *name;			/* as written: "person.full_name" */
};

struct screen_field {
	struct screen_ref ref;
	struct screen_text label;
	struct screen_text help;	/* vi NULL when none */
	int page;			/* 1.. */
	int row, col;			/* of the label */
	int input_col;			/* 0: the input follows the label (see screen_input_col) */
	int width;			/* of the input, in terminal columns */
	enum screen_type type;
	const struct vocab *choices;	/* STY_CHOICE only */
	bool required;
	bool carry;			/* bulk entry keeps the value for the next record */
	unsigned line;			/* where the file defines it */
};

struct screen_column {
	struct screen_ref ref;
	struct screen_text heading;
	int width;
	enum screen_align align;
	unsigned line;
};

/* A block of rows the UI draws itself ("area memberships rows 15 20": the memberships table of
 * the member card); no field may sit in it. */
struct screen_area {
	char *name;
	int page;
	int row1, row2;		/* inclusive */
	unsigned line;
};

/* A parsed screen file.  Everything is owned by the screen; screen_free releases it. */
struct screen {
	char *path;
	struct screen_text title;
	int npages;			/* highest page of a field or area, at least 1 */
	struct screen_field *fields;	/* in file order, which is the order of the cursor */
	size_t nfields;
	struct screen_column *columns;	/* left to right */
	size_t ncolumns;
	struct screen_area *areas;
	size_t nareas;
};

/* Parse a screen file held in text[0..n) (path names it in messages).  Every problem is appended
 * to errs (may be NULL) as one "path:line: message\n" line ("path: message\n" for what concerns
 * the whole file), translated.  Returns 0 and sets *out, or -ERR_INVAL (and *out NULL) when
 * there was any error at all: a screen is used whole or not at all. */
int screen_load_text(const char *text, size_t n, const char *path, struct screen **out,
		     struct buf *errs);
/* Read and parse a file; -ERR_IO with "path: cannot read: …" in errs if it cannot be read. */
int screen_load_file(const char *path, struct screen **out, struct buf *errs);
/* The file of the screen called name ("member" -> member.scr): the user's override
 * $XDG_CONFIG_HOME/hoivien/screens/NAME.scr (~/.config/… without XDG_CONFIG_HOME), else
 * DATADIR/screens/NAME.scr where DATADIR is path_datadir() ($HOIVIEN_DATADIR, the source tree,
 * the install prefix).  Newly allocated; the last candidate when none exists. */
char *screen_path(const char *name);
/* screen_load_file(screen_path(name)). */
int screen_load(const char *name, struct screen **out, struct buf *errs);
/* Free *s and set it to NULL; accepts NULL and *s NULL. */
void screen_free(struct screen **s);

/* The text to show: English when the messages are English (i18n_vietnamese() false) and the
 * file gives an English text, else Vietnamese.  Borrowed; "" for a NULL t or an absent text. */
const char *screen_text(const struct screen_text *t);
/* The column where the input of f starts in the current language: its explicit input column, or
 * one column after the label. */
int screen_input_col(const struct screen_field *f);
/* The index of the field that edits name ("person.birth"), or -1. */
int screen_field_index(const struct screen *s, const char *name);
/* A vocabulary by its name in screen files: ethnicity, religion, education, qualification,
 * theory, role, sex, status (the membership status words of mstatus_text); NULL if unknown. */
const struct vocab *screen_vocab(const char *name);
/* "text", "name", … */
const char *screen_type_name(enum screen_type t);

#endif
