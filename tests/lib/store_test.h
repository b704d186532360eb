/* Helpers shared by the unit tests of the store. */
#ifndef HOIVIEN_STORE_TEST_H
#define HOIVIEN_STORE_TEST_H

#include "store/store.h"
#include "util/err.h"

/* Open (creating) the store in dir with a small cache; NULL, with a diagnostic, on failure. */
static inline struct store *test_open_store(const char *dir, const char *login)
{
	struct store_opts o = { .dir = dir, .login = login, .create = true, .cache_mb = 8 };
	struct err e;
	err_clear(&e);
	struct store *s = NULL;
	if (store_open(&s, &o, &e) != 0)
		diag("store_open: %s", e.msg);
	return s;
}

#endif
