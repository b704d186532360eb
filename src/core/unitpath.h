/* Unit paths ("Xã An Bình / Chi hội Thôn Đông"): parsing, finding and creating units by path,
 * and the path of a unit for display and export. */
#ifndef HOIVIEN_UNITPATH_H
#define HOIVIEN_UNITPATH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct err;
struct store;
struct store_txn;
struct unit;

#define UNIT_PATH_MAX 16

struct unit_path {
	size_t n;
	char *part[UNIT_PATH_MAX];	/* cleaned names: NFC, no controls, single spaces */
};

/* Split s on '/' into cleaned parts (empty parts dropped).  Returns 0, or -ERR_INVAL for invalid
 * UTF-8 or more than UNIT_PATH_MAX levels. */
int unit_path_parse(const char *s, size_t n, struct unit_path *out, struct err *e);
/* Append the parts of b after those of a (a keeps ownership of its parts, b's are copied). */
void unit_path_append(struct unit_path *a, const struct unit_path *b);
void unit_path_free(struct unit_path *p);
/* "part / part / part" of a parsed path, folded: the cache key of a path. */
void unit_path_key(const struct unit_path *p, struct buf *out);

typedef void (*unit_created_fn)(uint64_t unit_id, const char *path, void *ctx);

/* Find the unit at path in org's tree.  Names match case- and accent-insensitively (and without
 * a level word such as "Xã" or "Chi hội" when that leaves exactly one candidate).  A path that
 * leaves out the top of a tree with a single top unit (the province) is read below it.  With
 * create, missing units are created (their level taken from the name's first words) and fn is
 * called for each.  *unit_id is 0 for an empty path. */
int unit_path_resolve(struct store *s, struct store_txn *t, uint64_t org_id,
		      const struct unit_path *p, bool create, uint64_t *unit_id,
		      unit_created_fn fn, void *ctx, struct err *e);
/* Append "Top / … / Unit" of a unit. */
int unit_path_text(struct store *s, struct store_txn *t, uint64_t unit_id, struct buf *out,
		   struct err *e);
/* The level word a unit name starts with ("Xã An Bình" -> "Xã"), or NULL. */
const char *unit_level_of(const char *name, size_t *len);

#endif
