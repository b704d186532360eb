/* The form model: the texts of every field of one screen for one person and one of their
 * memberships, their validation and their way into records.  No curses: src/ui draws the texts
 * and moves the cursor; this module says what is wrong and where.
 *
 * Fields are numbered as in the screen (screen->fields[i]).  A text is kept exactly as typed
 * until a check finds it valid; then the check replaces it by its clean form ("kinh" -> "Kinh",
 * "1/2/1990" -> "01/02/1990", "c" -> "Có", "  NGUYỄN  VĂN AN" -> "Nguyễn Văn An").  A text found
 * wrong is never changed, so the UI never loses what was typed.
 *
 * Verdicts: an error blocks saving (required and empty; not a date; a birth date in the future;
 * a date before the birth date; a CCCD that is not 12 digits; a phone number with other
 * characters or the wrong number of digits; a value not in its list; a yes/no that is neither; a
 * name of one word; invalid UTF-8).  A warning is shown but does not block: a CCCD whose digits
 * disagree with the sex or the birth year, an old 9-digit CMND, and a list value that is not in
 * the list but is what the stored record already holds (imported data is kept as written, and
 * opening such a record must not stop it from being saved).  Messages are translated (_()), and
 * start with the field's label: "Ngày sinh: …" / "Date of birth: …". */
#ifndef HOIVIEN_FORM_H
#define HOIVIEN_FORM_H

#include <stdbool.h>

#include "core/record.h"
#include "core/screen.h"

struct err;

enum form_verdict { FV_OK = 0, FV_WARNING = 1, FV_ERROR = 2 };

struct form;

/* A form for screen s, every field empty.  s is borrowed and must outlive the form. */
struct form *form_new(const struct screen *s);
/* Free *f and set it to NULL; accepts NULL and *f NULL. */
void form_free(struct form **f);
const struct screen *form_screen(const struct form *f);

/* Empty every field; the empty texts become the "as loaded" state (nothing dirty). */
void form_clear(struct form *f);
/* Bulk entry, after a record is saved: fields marked carry keep their text, the others are
 * emptied; the form then counts as a new blank record (the carried texts are dirty). */
void form_next_record(struct form *f);
/* Fill the person's fields of the screen from p (dates dd/mm/yyyy, mm/yyyy or yyyy, sex Nam/Nữ,
 * yes/no Có/Không, list values in their canonical spelling when they have one) and remember
 * p's birth date and sex for the checks of fields that depend on them when those are not on the
 * screen.  Those texts become the "as loaded" state. */
void form_load_person(struct form *f, const struct person *p);
/* The same for a membership; org and unit are the texts of the pseudo-fields membership.org and
 * membership.unit (an organization code, a unit path), which the UI reads from the store; NULL
 * for "". */
void form_load_membership(struct form *f, const struct membership *m, const char *org,
			  const char *unit);

/* Set the text of field i (copied; NULL for ""), as typed.  Forgets the field's verdict. */
void form_set(struct form *f, int i, const char *text);
/* The text of field i; borrowed until the next change of that field.  "" for a bad index. */
const char *form_get(const struct form *f, int i);
/* Whether field i differs from its "as loaded" text; i < 0: whether any field does. */
bool form_dirty(const struct form *f, int i);

/* Check field i (see the top of this file) and, when it is valid, replace its text by the clean
 * form.  The verdict and message stay with the field until it is set again. */
enum form_verdict form_check_field(struct form *f, int i);
/* The verdict and message of the last check of field i (FV_OK and "" before any check). */
enum form_verdict form_verdict(const struct form *f, int i);
const char *form_message(const struct form *f, int i);
/* Check every field.  Returns the index of the first field in error in screen order (where the
 * UI puts the cursor), or -1 when none is; *nerr and *nwarn (either may be NULL) get the counts. */
int form_check_all(struct form *f, int *nerr, int *nwarn);

/* Check the person's fields of the screen and, if none is in error, write their values into p
 * (fields not on the screen are left as they are); the caller stores p.  Returns 0, or
 * -ERR_INVAL with the first error in e (e->where is the field, "person.birth") and p untouched. */
int form_apply_person(struct form *f, struct person *p, struct err *e);
/* The same for the membership's fields.  *org and *unit (either may be NULL) get the cleaned
 * texts of membership.org and membership.unit for the caller to resolve against the store
 * (org_list_match, unit_path_parse + unit_path_resolve): borrowed from the form until its next
 * change, NULL when the screen does not have that field. */
int form_apply_membership(struct form *f, struct membership *m, const char **org,
			  const char **unit, struct err *e);

#endif
