/* Allocation that never returns NULL: out of memory is the one error we exit on. */
#ifndef HOIVIEN_XALLOC_H
#define HOIVIEN_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grow *p (an array of *cap elements of size elem) to hold at least need elements. */
void xgrow(void **p, size_t *cap, size_t need, size_t elem);
/* free(*p) and set *p to NULL; accepts NULL. */
#define XFREE(p) do { free(p); (p) = NULL; } while (0)

#endif
