/* The error struct: a code, a message and a location. */
#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>

int err_set(struct err *e, int code, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		e->code = code;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
	}
	return -code;
}

void err_where(struct err *e, const char *fmt, ...)
{
	if (!e)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->where, sizeof e->where, fmt, ap);
	va_end(ap);
}

void err_clear(struct err *e)
{
	if (e) {
		e->code = 0;
		e->where[0] = '\0';
		e->msg[0] = '\0';
	}
}

const char *err_format(const struct err *e, char *out, unsigned outlen)
{
	if (e->where[0])
		snprintf(out, outlen, "%s: %s", e->where, e->msg);
	else
		snprintf(out, outlen, "%s", e->msg);
	return out;
}
