/* Translated messages: English message ids, Vietnamese by default, English under LANG=C or en*. */
#ifndef HOIVIEN_I18N_H
#define HOIVIEN_I18N_H

#include <libintl.h>
#include <stdbool.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Choose the language from LC_ALL / LC_MESSAGES / LANG and bind the catalog found under
 * localedir (may be NULL: messages stay English). Call once, after setlocale(LC_ALL, ""). */
void i18n_init(const char *localedir);
/* True when messages are Vietnamese. */
bool i18n_vietnamese(void);

#endif
