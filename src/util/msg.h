/* The message sink: where warnings and errors go (stderr, a status line, a test buffer). */
#ifndef HOIVIEN_MSG_H
#define HOIVIEN_MSG_H

enum msg_level { MSG_INFO, MSG_WARN, MSG_ERROR };

typedef void (*msg_sink_fn)(enum msg_level level, const char *text, void *ctx);

/* Replace the sink; NULL restores the default (stderr, prefixed "hoivien: "). */
void msg_set_sink(msg_sink_fn fn, void *ctx);
void msg_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
