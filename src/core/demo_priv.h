/* Private to the demo generator (demo_data.c, demo_names.c): a bounded string builder. */
#ifndef HOIVIEN_DEMO_PRIV_H
#define HOIVIEN_DEMO_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Generated strings are short; the bound only keeps a table mistake from overflowing. */
struct sb {
	char b[256];
	size_t n;
};

static inline void sb_cat(struct sb *s, const char *t)
{
	size_t k = strlen(t);
	if (s->n + k >= sizeof s->b)
		k = sizeof s->b - 1 - s->n;
	memcpy(s->b + s->n, t, k);
	s->n += k;
	s->b[s->n] = '\0';
}

/* Append a word, with a space before it unless it is the first. */
static inline void sb_word(struct sb *s, const char *t)
{
	if (s->n)
		sb_cat(s, " ");
	sb_cat(s, t);
}

struct person;
struct rng;

/* Fill copy (overwritten whole; free it with rec_clear) with the record a second organization
 * keeps of the human in orig, varied as DEMO_DUP_* says and drawn from r; orig may lose its CCCD
 * to the copy.  raw: keep what a spreadsheet would carry (capitals, NFD, extra spaces); else
 * the name is cleaned as an import would.  other_commune (may be NULL): the address of someone
 * who moved.  Returns the DEMO_DUP_* bits of what differs. */
unsigned demo_dup_person(struct rng *r, struct person *orig, struct person *copy, bool raw,
			 const char *other_commune);

#endif
