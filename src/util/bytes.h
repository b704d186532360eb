/* Fixed-width big-endian integers and LEB128 varints, for keys and record encoding. */
#ifndef HOIVIEN_BYTES_H
#define HOIVIEN_BYTES_H

#include <stddef.h>
#include <stdint.h>

static inline void be64_put(unsigned char *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--) {
		p[i] = (unsigned char)(v & 0xff);
		v >>= 8;
	}
}

static inline uint64_t be64_get(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = (v << 8) | p[i];
	return v;
}

static inline void be32_put(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static inline uint32_t be32_get(const unsigned char *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Write v as an unsigned LEB128 varint into p (room for 10 bytes); returns bytes written. */
size_t uvarint_put(unsigned char *p, uint64_t v);
/* Read a varint from [*p, end); advances *p. Returns 0, or -1 if truncated or too long. */
int uvarint_get(const unsigned char **p, const unsigned char *end, uint64_t *v);

#endif
