/* The member card: one person and their memberships. */
#ifndef HOIVIEN_UI_PERSON_H
#define HOIVIEN_UI_PERSON_H

#include <stdint.h>

#include "ui/ui.h"

/* The card of person id, or of a new person (id 0).  NULL, with a message, if the person or
 * the screen file cannot be read. */
struct ui_screen *ui_person_new(struct ui_app *a, uint64_t id);
/* The memberships of a person: Enter opens one in its form, new adds one. */
struct ui_screen *ui_memberships_new(struct ui_app *a, uint64_t person, const char *name);

#endif
