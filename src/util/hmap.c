/* Open-addressing hash map (linear probing, FNV-1a) with owned string keys. */
#include "util/hmap.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

uint64_t hmap_hash(const char *key, size_t klen)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < klen; i++) {
		h ^= (unsigned char)key[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void hmap_init(struct hmap *m)
{
	memset(m, 0, sizeof *m);
}

void hmap_free(struct hmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

static struct hmap_slot *find(const struct hmap *m, const char *key, size_t klen, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask; ; i = (i + 1) & mask) {
		struct hmap_slot *s = &m->slots[i];
		if (!s->key || (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0))
			return s;
	}
}

static void grow(struct hmap *m)
{
	struct hmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < old.cap; i++) {
		struct hmap_slot *o = &old.slots[i];
		if (o->key)
			*find(m, o->key, o->klen, o->hash) = *o;
	}
	free(old.slots);
}

void hmap_put(struct hmap *m, const char *key, size_t klen, uint64_t val)
{
	if ((m->len + 1) * 4 > m->cap * 3)
		grow(m);
	uint64_t h = hmap_hash(key, klen);
	struct hmap_slot *s = find(m, key, klen, h);
	if (!s->key) {
		s->key = xstrndup(key, klen);
		s->klen = klen;
		s->hash = h;
		m->len++;
	}
	s->val = val;
}

bool hmap_get(const struct hmap *m, const char *key, size_t klen, uint64_t *val)
{
	if (!m->cap)
		return false;
	struct hmap_slot *s = find(m, key, klen, hmap_hash(key, klen));
	if (!s->key)
		return false;
	if (val)
		*val = s->val;
	return true;
}
