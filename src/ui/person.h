/* The member card: one person and their memberships. */
#ifndef HOIVIEN_UI_PERSON_H
#define HOIVIEN_UI_PERSON_H

#include <stdint.h>

#include "ui/ui.h"

struct err;
struct store;
struct store_txn;

/* A membership as the member card and the list of memberships show it. */
struct ui_mrow {
	uint64_t id;
	char org[16];		/* the organization's code */
	char *unit;		/* "Top / … / Branch" */
	char joined[16];
	char *card;
	char *role;
	const char *status;
};
/* Append the memberships of person to *rows (*n of them); free with ui_mrows_free. */
int ui_mrows_read(struct store *s, struct store_txn *t, uint64_t person, struct ui_mrow **rows,
		  size_t *n, struct err *e);
void ui_mrows_free(struct ui_mrow **rows, size_t *n);
/* The end of the row's unit path that fits width columns (the branch, then what is above). */
const char *ui_mrow_unit(const struct ui_mrow *w, int width);

/* The card of person id, or of a new person (id 0).  NULL, with a message, if the person or
 * the screen file cannot be read. */
struct ui_screen *ui_person_new(struct ui_app *a, uint64_t id);
/* The memberships of a person: Enter opens one in its form, new adds one. */
struct ui_screen *ui_memberships_new(struct ui_app *a, uint64_t person, const char *name);

#endif
