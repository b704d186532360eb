/* A user's settings: the input method, how names show on a terminal that cannot show them, and
 * the period of the real-members report.
 *
 * They live in $XDG_CONFIG_HOME/hoivien/settings (path_user_config), one "key = value" a line,
 * '#' comments, written by the program when the user changes a setting (to a temporary file,
 * then renamed).  Lines the program does not know are kept as they are when it writes the file,
 * so a newer version's settings survive an older one. */
#ifndef HOIVIEN_SETTINGS_H
#define HOIVIEN_SETTINGS_H

#include <stdbool.h>

#include "util/buf.h"

struct err;

enum set_display {
	SET_DISPLAY_VIQR,	/* on a terminal without Vietnamese: "Nguye^~n" (lossless) */
	SET_DISPLAY_NOMARKS,	/* ... or "Nguyen" */
};

struct settings {
	char ime[16];		/* "telex", "vni" or "viqr": the method ime-toggle turns on */
	bool ime_on;		/* typing goes through it */
	bool new_style;		/* tones on the second vowel of oa, oe, uy (hoà) */
	enum set_display display;
	int phantom_months;	/* real members: dues paid and meetings attended within this many
				   months (SET_MONTHS_MIN..SET_MONTHS_MAX) */
	struct buf other;	/* lines not understood, kept for the next save */
};

#define SET_MONTHS_MIN 1
#define SET_MONTHS_MAX 120
#define SET_MONTHS_DEFAULT 6

/* The defaults: Telex, off, old style, VIQR, 6 months. */
void settings_init(struct settings *s);
void settings_free(struct settings *s);
/* Read path over the defaults.  A missing file is no error.  Each bad line is appended to errs
 * as "path:LINE: message\n" (and ignored); returns the number of bad lines, or 1 with
 * "path: reason" when the file cannot be read. */
int settings_load(struct settings *s, const char *path, struct buf *errs);
/* Write s to path (making its directory), atomically.  0, or a negative error in e. */
int settings_save(const struct settings *s, const char *path, struct err *e);

#endif
