/* A growable byte buffer, always NUL-terminated. */
#ifndef HOIVIEN_BUF_H
#define HOIVIEN_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *p;	/* NUL-terminated; NULL until the first append */
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_reserve(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void buf_reset(struct buf *b);		/* keep the memory, length 0 */
void buf_free(struct buf *b);		/* release the memory */
/* Borrowed, NUL-terminated view; "" for an empty buffer. */
const char *buf_str(const struct buf *b);
/* Give the string to the caller (who frees it) and reset the buffer. */
char *buf_steal(struct buf *b);

#endif
