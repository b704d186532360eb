/* The message sink, the one mutable global: swapped by the UI and by tests. */
#include "util/msg.h"

#include <stdarg.h>
#include <stdio.h>

static void default_sink(enum msg_level level, const char *text, void *ctx)
{
	(void)level;
	(void)ctx;
	fprintf(stderr, "hoivien: %s\n", text);
}

static msg_sink_fn sink = default_sink;
static void *sink_ctx;

void msg_set_sink(msg_sink_fn fn, void *ctx)
{
	sink = fn ? fn : default_sink;
	sink_ctx = fn ? ctx : NULL;
}

static void emit(enum msg_level level, const char *fmt, va_list ap)
{
	char text[1024];
	vsnprintf(text, sizeof text, fmt, ap);
	sink(level, text, sink_ctx);
}

void msg_info(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(MSG_INFO, fmt, ap);
	va_end(ap);
}

void msg_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(MSG_WARN, fmt, ap);
	va_end(ap);
}

void msg_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(MSG_ERROR, fmt, ap);
	va_end(ap);
}
