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

/* Level words that begin unit names, with their folds (so matching folds only the name),
 * longest first where one is a prefix of another. */
static const struct {
	const char *word, *fold;
} levels[] = {
	{ "Công đoàn cơ sở", "cong doan co so" }, { "Công đoàn bộ phận", "cong doan bo phan" },
	{ "Tổ công đoàn", "to cong doan" }, { "Đoàn cơ sở", "doan co so" },
	{ "Hội cơ sở", "hoi co so" }, { "Thành phố", "thanh pho" }, { "Thị trấn", "thi tran" },
	{ "Thị xã", "thi xa" }, { "Đặc khu", "dac khu" }, { "Tổ dân phố", "to dan pho" },
	{ "Khu phố", "khu pho" }, { "Chi hội", "chi hoi" }, { "Chi đoàn", "chi doan" },
	{ "Chi bộ", "chi bo" }, { "Tổ hội", "to hoi" }, { "Tỉnh", "tinh" }, { "Huyện", "huyen" },
	{ "Quận", "quan" }, { "Phường", "phuong" }, { "Xã", "xa" }, { "Thôn", "thon" },
	{ "Ấp", "ap" }, { "Bản", "ban" }, { "Buôn", "buon" }, { "Xóm", "xom" }, { "Làng", "lang" },
	{ "Khối", "khoi" }, { "Tổ", "to" },
};

/* How high a unit stands, from the level words in its name wherever they are ("Hội Nông dân
 * xã Yên Thịnh" is a commune-level unit): 1 province, 2 commune (and the old districts), 3
 * branch or village, 0 unknown. */
static int rank_of_fold(const char *f)
{
	static const struct {
		const char *words;
		int rank;
	} ranks[] = {
		{ "tinh", 1 }, { "thanh pho", 1 }, { "tinh doan", 1 }, { "lien doan lao dong tinh", 1 },
		{ "xa", 2 }, { "phuong", 2 }, { "thi tran", 2 }, { "dac khu", 2 }, { "huyen", 2 },
		{ "quan", 2 }, { "thi xa", 2 },
		{ "chi hoi", 3 }, { "chi doan", 3 }, { "to hoi", 3 }, { "thon", 3 }, { "ap", 3 },
		{ "ban", 3 }, { "buon", 3 }, { "xom", 3 }, { "lang", 3 }, { "khu pho", 3 },
		{ "to dan pho", 3 }, { "cong doan co so", 3 }, { "to cong doan", 3 },
		{ "ban cong tac mat tran", 3 },
	};
	int best = 0;
	size_t best_len = 0;
	for (size_t i = 0; i < sizeof ranks / sizeof ranks[0]; i++) {
		size_t wl = strlen(ranks[i].words);
		for (const char *p = f; (p = strstr(p, ranks[i].words)) != NULL; p++) {
			bool start = p == f || p[-1] == ' ';
			bool stop = p[wl] == '\0' || p[wl] == ' ';
			/* The longest match wins: "to cong doan" over "cong doan co so" parts. */
			if (start && stop && wl > best_len) {
				best = ranks[i].rank;
				best_len = wl;
			}
		}
	}
	return best;
}

static int rank_of(const char *name)
{
	struct buf f = BUF_INIT;
	vn_fold(&f, name, strlen(name));
	int r = rank_of_fold(buf_str(&f));
	buf_free(&f);
	return r;
}

/* The level word at the start of a folded name and the number of words it spans. */
static int level_in_fold(const char *f, size_t n, size_t *words)
{
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
		size_t wl = strlen(levels[i].fold);
		if (n > wl && memcmp(f, levels[i].fold, wl) == 0 && f[wl] == ' ') {
			size_t w = 1;
			for (size_t k = 0; k < wl; k++)
				w += levels[i].fold[k] == ' ';
			*words = w;
			return (int)i;
		}
	}
	return -1;
}

/* Skip the first `words` space-separated words of s. */
static const char *skip_words(const char *s, size_t words)
{
	while (words-- && *s) {
		while (*s && *s != ' ')
			s++;
		while (*s == ' ')
			s++;
	}
	return s;
}

const char *unit_level_of(const char *name, size_t *len)
{
	struct buf f = BUF_INIT;
	vn_fold(&f, name, strlen(name));
	size_t words;
	int i = level_in_fold(buf_str(&f), f.len, &words);
	buf_free(&f);
	if (i < 0)
		return NULL;
	if (len) {
		const char *rest = skip_words(name, words);
		/* Back over the spaces after the level word. */
		while (rest > name && rest[-1] == ' ')
			rest--;
		*len = (size_t)(rest - name);
	}
	return levels[i].word;
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
	struct buf f = BUF_INIT;
	vn_fold(&f, name, strlen(name));
	size_t words = 0;
	const char *rest = buf_str(&f);
	if (level_in_fold(f.p ? f.p : "", f.len, &words) >= 0)
		rest = skip_words(rest, words);
	buf_adds(out, rest);
	buf_free(&f);
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
		/* Without a level word on one side or both ("An Bình" for "Xã An Bình", "Thôn Đông"
		 * for "Chi hội Thôn Đông"), if that leaves exactly one candidate. */
		struct buf want_bare = BUF_INIT, have_bare = BUF_INIT;
		bare_fold(name, &want_bare);
		uint64_t hit = 0;
		int hits = 0;
		for (size_t i = 0; i < c.n; i++) {
			buf_reset(&have);
			buf_reset(&have_bare);
			vn_fold(&have, c.name[i], strlen(c.name[i]));
			bare_fold(c.name[i], &have_bare);
			const char *w = buf_str(&want), *wb = buf_str(&want_bare);
			const char *h = buf_str(&have), *hb = buf_str(&have_bare);
			if (strcmp(wb, hb) == 0 || strcmp(w, hb) == 0 || strcmp(wb, h) == 0) {
				hit = c.id[i];
				hits++;
			}
		}
		if (hits == 1)
			*out = hit;
		buf_free(&want_bare);
		buf_free(&have_bare);
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

/* Does a path starting with `first` leave out the top unit `top`?  Only if top stands higher:
 * a second commune is not filed under the first. */
static bool only_below(struct store *s, struct store_txn *t, uint64_t top, const char *first)
{
	struct unit u = { 0 };
	if (store_get(s, t, REC_UNIT, top, &u, NULL) != 0)
		return false;
	int rt = rank_of(u.name ? u.name : ""), rf = rank_of(first);
	rec_clear(&REC_DEF_UNIT, &u);
	/* Unknown levels are taken to be lower than the top (a school under a province). */
	return !(rt && rf && rt >= rf);
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
	if (!id && nchildren == 1 && only_below(s, t, only, p->part[0])) {
		/* The file names units below the organization's single top unit (the province). */
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
