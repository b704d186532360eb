/* Unit paths: parsing, resolution against the unit tree (creating what is missing), display. */
#include "core/unitpath.h"

#include "core/record.h"
#include "store/store.h"
#include "text/fold.h"
#include "text/norm.h"
#include "text/sanitize.h"
#include "text/utf8.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* Level words that begin unit names, longest first where one is a prefix of another. */
static const char *const levels[] = {
	"Công đoàn cơ sở", "Công đoàn bộ phận", "Tổ công đoàn", "Đoàn cơ sở", "Hội cơ sở",
	"Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Tổ dân phố", "Khu phố", "Chi hội",
	"Chi đoàn", "Chi bộ", "Tổ hội", "Tỉnh", "Huyện", "Quận", "Phường", "Xã", "Thôn", "Ấp",
	"Bản", "Buôn", "Xóm", "Làng", "Khối", "Tổ",
};

static bool fold_eq_prefix(const char *name, size_t n, const char *word, size_t *used)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	size_t wl = strlen(word);
	bool ok = false;
	/* Compare the folded level word with the folded start of the name, on a word boundary. */
	vn_fold(&b, word, wl);
	vn_fold(&a, name, n);
	if (a.len > b.len && memcmp(a.p, b.p, b.len) == 0 && a.p[b.len] == ' ') {
		/* Map back to a byte length in the original: count the words. */
		size_t words = 1;
		for (size_t i = 0; i < b.len; i++)
			words += b.p[i] == ' ';
		size_t i = 0, seen = 0;
		while (i < n && seen < words) {
			while (i < n && name[i] != ' ')
				i++;
			seen++;
			if (seen < words)
				i++;
		}
		*used = i;
		ok = true;
	}
	buf_free(&a);
	buf_free(&b);
	return ok;
}

const char *unit_level_of(const char *name, size_t *len)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
		size_t used;
		if (fold_eq_prefix(name, n, levels[i], &used)) {
			if (len)
				*len = used;
			return levels[i];
		}
	}
	return NULL;
}

int unit_path_parse(const char *s, size_t n, struct unit_path *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	size_t bad;
	if (utf8_validate(s, n, &bad) != 0)
		return err_set(e, ERR_INVAL, _("the unit path is not valid UTF-8 (byte %zu)"), bad);
	struct buf clean = BUF_INIT, nfc = BUF_INIT;
	size_t i = 0;
	while (i <= n) {
		size_t b = i;
		while (i < n && s[i] != '/')
			i++;
		buf_reset(&clean);
		buf_reset(&nfc);
		vn_sanitize(&clean, s + b, i - b, SAN_ONELINE | SAN_SQUEEZE);
		vn_nfc(&nfc, buf_str(&clean), clean.len);
		if (nfc.len) {
			if (out->n == UNIT_PATH_MAX) {
				unit_path_free(out);
				buf_free(&clean);
				buf_free(&nfc);
				return err_set(e, ERR_INVAL, _("the unit path has more than %d levels"),
					       UNIT_PATH_MAX);
			}
			out->part[out->n++] = xstrdup(buf_str(&nfc));
		}
		i++;
	}
	buf_free(&clean);
	buf_free(&nfc);
	return 0;
}

void unit_path_append(struct unit_path *a, const struct unit_path *b)
{
	for (size_t i = 0; i < b->n && a->n < UNIT_PATH_MAX; i++)
		a->part[a->n++] = xstrdup(b->part[i]);
}

void unit_path_free(struct unit_path *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->part[i]);
	p->n = 0;
}

void unit_path_key(const struct unit_path *p, struct buf *out)
{
	for (size_t i = 0; i < p->n; i++) {
		if (i)
			buf_adds(out, " / ");
		vn_fold(out, p->part[i], strlen(p->part[i]));
	}
}

/* The folded name without its level word: "Xã An Bình" -> "an binh". */
static void bare_fold(const char *name, struct buf *out)
{
	size_t used = 0;
	if (!unit_level_of(name, &used))
		used = 0;
	while (name[used] == ' ')
		used++;
	vn_fold(out, name + used, strlen(name + used));
}

struct children {
	size_t n, cap;
	uint64_t *id;
	char **name;
};

static int collect_child(const void *rec, void *ctx)
{
	const struct unit *u = rec;
	struct children *c = ctx;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->id = xrealloc(c->id, c->cap * sizeof *c->id);
		c->name = xrealloc(c->name, c->cap * sizeof *c->name);
	}
	c->id[c->n] = u->m.id;
	c->name[c->n] = xstrdup(u->name ? u->name : "");
	c->n++;
	return 0;
}

static void children_free(struct children *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->name[i]);
	free(c->id);
	free(c->name);
	memset(c, 0, sizeof *c);
}

/* The child of parent named name: exact fold first, then without level words if unique. */
static int find_child(struct store *s, struct store_txn *t, uint64_t org, uint64_t parent,
		      const char *name, uint64_t *out, size_t *nchildren, uint64_t *only,
		      struct err *e)
{
	struct children c = { 0 };
	int rc = store_each_child_unit(s, t, org, parent, collect_child, &c, e);
	*out = 0;
	if (rc) {
		children_free(&c);
		return rc;
	}
	*nchildren = c.n;
	*only = c.n == 1 ? c.id[0] : 0;
	struct buf want = BUF_INIT, have = BUF_INIT;
	vn_fold(&want, name, strlen(name));
	for (size_t i = 0; i < c.n && !*out; i++) {
		buf_reset(&have);
		vn_fold(&have, c.name[i], strlen(c.name[i]));
		if (have.len == want.len && memcmp(have.p, want.p, want.len) == 0)
			*out = c.id[i];
	}
	if (!*out) {
		buf_reset(&want);
		bare_fold(name, &want);
		uint64_t hit = 0;
		int hits = 0;
		for (size_t i = 0; i < c.n; i++) {
			buf_reset(&have);
			bare_fold(c.name[i], &have);
			if (have.len == want.len && memcmp(have.p, want.p, want.len) == 0) {
				hit = c.id[i];
				hits++;
			}
		}
		if (hits == 1)
			*out = hit;
	}
	buf_free(&want);
	buf_free(&have);
	children_free(&c);
	return 0;
}

static int create_unit(struct store *s, struct store_txn *t, uint64_t org, uint64_t parent,
		       const char *name, uint64_t *out, struct err *e)
{
	struct unit u = { 0 };
	u.org_id = org;
	u.parent_id = parent;
	u.name = xstrdup(name);
	const char *level = unit_level_of(name, NULL);
	u.level = level ? xstrdup(level) : NULL;
	int rc = store_insert(s, t, REC_UNIT, &u, e);
	*out = u.m.id;
	rec_clear(&REC_DEF_UNIT, &u);
	return rc;
}

int unit_path_resolve(struct store *s, struct store_txn *t, uint64_t org_id,
		      const struct unit_path *p, bool create, uint64_t *unit_id,
		      unit_created_fn fn, void *ctx, struct err *e)
{
	*unit_id = 0;
	if (p->n == 0)
		return 0;
	uint64_t parent = 0, id = 0, only = 0;
	size_t nchildren = 0;
	size_t i = 0;
	int rc = find_child(s, t, org_id, 0, p->part[0], &id, &nchildren, &only, e);
	if (rc)
		return rc;
	if (!id && nchildren == 1) {
		/* The file names units below the organization's single top unit. */
		parent = only;
	} else if (id) {
		parent = id;
		i = 1;
	}
	struct buf path = BUF_INIT;
	if (parent) {
		if ((rc = unit_path_text(s, t, parent, &path, e)) != 0)
			goto out;
	}
	for (; i < p->n; i++) {
		if ((rc = find_child(s, t, org_id, parent, p->part[i], &id, &nchildren, &only, e)) != 0)
			goto out;
		if (path.len)
			buf_adds(&path, " / ");
		buf_adds(&path, p->part[i]);
		if (!id) {
			if (!create) {
				rc = err_set(e, ERR_NOTFOUND, _("no unit %s"), buf_str(&path));
				goto out;
			}
			if ((rc = create_unit(s, t, org_id, parent, p->part[i], &id, e)) != 0)
				goto out;
			if (fn)
				fn(id, buf_str(&path), ctx);
		}
		parent = id;
	}
	*unit_id = parent;
out:
	buf_free(&path);
	return rc;
}

int unit_path_text(struct store *s, struct store_txn *t, uint64_t unit_id, struct buf *out,
		   struct err *e)
{
	const char *parts[64];
	struct unit units[64];
	size_t n = 0;
	int rc = 0;
	memset(units, 0, sizeof units);
	while (unit_id && n < 64) {
		if ((rc = store_get(s, t, REC_UNIT, unit_id, &units[n], e)) != 0)
			break;
		parts[n] = units[n].name ? units[n].name : "";
		unit_id = units[n].parent_id;
		n++;
	}
	for (size_t i = n; rc == 0 && i > 0; i--) {
		buf_adds(out, parts[i - 1]);
		if (i > 1)
			buf_adds(out, " / ");
	}
	for (size_t i = 0; i < n; i++)
		rec_clear(&REC_DEF_UNIT, &units[i]);
	return rc;
}
