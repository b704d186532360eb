/* A hash map from byte strings to 64-bit values (import caches, demo generation). */
#ifndef HOIVIEN_HMAP_H
#define HOIVIEN_HMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hmap_slot {
	char *key;	/* owned, NUL-terminated; NULL for an empty slot */
	size_t klen;
	uint64_t hash;
	uint64_t val;
};

struct hmap {
	struct hmap_slot *slots;
	size_t cap;	/* power of two */
	size_t len;
};

void hmap_init(struct hmap *m);
void hmap_free(struct hmap *m);
/* Insert or replace. */
void hmap_put(struct hmap *m, const char *key, size_t klen, uint64_t val);
bool hmap_get(const struct hmap *m, const char *key, size_t klen, uint64_t *val);
uint64_t hmap_hash(const char *key, size_t klen);

#endif
