/* LEB128 varints used by the record encoding. */
#include "util/bytes.h"

size_t uvarint_put(unsigned char *p, uint64_t v)
{
	size_t n = 0;
	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

int uvarint_get(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	const unsigned char *q = *p;
	uint64_t r = 0;
	for (unsigned shift = 0; shift < 64; shift += 7) {
		if (q >= end)
			return -1;
		unsigned char c = *q++;
		if (shift == 63 && c > 1)
			return -1;
		r |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80)) {
			*p = q;
			*v = r;
			return 0;
		}
	}
	return -1;
}
