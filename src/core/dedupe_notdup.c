/* The not-a-duplicate memory: pairs someone reviewed and decided are two persons, read from
 * the store for dedupe_find to skip. */
#include "core/dedupe.h"

#include "core/record.h"
#include "store/store.h"
#include "util/xalloc.h"

#include <stdlib.h>

struct load {
	struct dedupe_id_pair *v;
	size_t n, cap;
};

static int each_notdup(const void *rec, void *ctx)
{
	const struct notdup *d = rec;
	struct load *l = ctx;
	if (!d->person_a || !d->person_b || d->person_a == d->person_b)
		return 0;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (struct dedupe_id_pair){ d->person_a, d->person_b };
	return 0;
}

int dedupe_load_exclusions(struct store *s, struct dedupe_id_pair **out, size_t *n,
			   struct err *e)
{
	struct load l = { 0 };
	int rc = store_each(s, NULL, REC_NOTDUP, each_notdup, &l, e);
	if (rc < 0) {
		free(l.v);
		*out = NULL;
		*n = 0;
		return rc;
	}
	dedupe_exclusions_sort(l.v, l.n);
	*out = l.v;
	*n = l.n;
	return 0;
}
