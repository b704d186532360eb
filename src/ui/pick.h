/* Choosing an organization or a unit from a list (the member list's filter, bulk entry). */
#ifndef HOIVIEN_UI_PICK_H
#define HOIVIEN_UI_PICK_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/ui.h"

/* Called with the chosen id (0 for "all") and its text: an organization's code, a unit's path
 * "Top / … / Unit". */
typedef void (*ui_pick_fn)(struct ui_app *a, void *ctx, uint64_t id, const char *text);

/* A list of the organizations ("all" first when allow_all).  ctx is borrowed. */
void ui_pick_org(struct ui_app *a, const char *title, bool allow_all, ui_pick_fn fn, void *ctx);
/* A list of the units of organization org, each as its path, narrowed by typing. */
void ui_pick_unit(struct ui_app *a, const char *title, uint64_t org, ui_pick_fn fn, void *ctx);

/* F4 on a form's membership.org or membership.unit field: the list to pick it from (the units
 * of the organization the form names).  UI_UNHANDLED for other fields. */
struct ui_editor;
int ui_pick_field(struct ui_app *a, struct ui_editor *ed);

#endif
