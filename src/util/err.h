/* Error values and the error struct that carries a message and where it happened. */
#ifndef HOIVIEN_ERR_H
#define HOIVIEN_ERR_H

/* Functions that can fail return 0 or one of these, negated. */
enum err_code {
	ERR_OK = 0,
	ERR_USAGE,	/* bad command-line use */
	ERR_INVAL,	/* bad user data (a field, a row, a query) */
	ERR_IO,		/* a file could not be read or written */
	ERR_NOTFOUND,	/* no such record */
	ERR_EXISTS,	/* a unique key (CCCD, code) is already taken */
	ERR_CONFLICT,	/* the record changed since it was read */
	ERR_DB,		/* the store reported an error */
	ERR_CORRUPT,	/* a record or index is inconsistent */
	ERR_BUSY,	/* gave up after repeated deadlocks */
	ERR_DEADLOCK,	/* inside the store: this transaction lost a deadlock; store_write retries */
};

struct err {
	int code;		/* enum err_code, 0 when clear */
	char where[256];	/* "file.csv:12:3", "person 42", or "" */
	char msg[512];		/* translated, human-readable */
};

/* Set e (which may be NULL) and return -code, so callers can `return err_set(...)`. */
int err_set(struct err *e, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Set the location part; keeps the message. */
void err_where(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void err_clear(struct err *e);
/* "where: msg" (or just "msg"), into a buffer of the caller. */
const char *err_format(const struct err *e, char *out, unsigned outlen);

#endif
