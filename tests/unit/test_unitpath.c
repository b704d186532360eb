/* Unit tests for src/core/unitpath.c: parsing paths, finding and creating units by path in an
 * organization's tree, and the path text of a unit. */
#include "tap.h"

#include "core/record.h"
#include "core/unitpath.h"
#include "store/store.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <unistd.h>

struct ctx {
	const char *path;
	bool create;
	uint64_t org;
	uint64_t id;
	int created;
	char text[512];
};

static void on_created(uint64_t id, const char *path, void *c)
{
	(void)id;
	(void)path;
	((struct ctx *)c)->created++;
}

static int resolve_fn(struct store *s, struct store_txn *t, void *arg, struct err *e)
{
	struct ctx *c = arg;
	struct unit_path p;
	int rc = unit_path_parse(c->path, strlen(c->path), &p, e);
	if (rc)
		return rc;
	c->created = 0;
	rc = unit_path_resolve(s, t, c->org, &p, c->create, &c->id, on_created, c, e);
	unit_path_free(&p);
	if (rc == 0 && c->id) {
		struct buf b = BUF_INIT;
		rc = unit_path_text(s, t, c->id, &b, e);
		snprintf(c->text, sizeof c->text, "%s", buf_str(&b));
		buf_free(&b);
	}
	return rc;
}

static int resolve(struct store *s, uint64_t org, const char *path, bool create, struct ctx *c)
{
	memset(c, 0, sizeof *c);
	c->path = path;
	c->create = create;
	c->org = org;
	struct err e;
	err_clear(&e);
	return store_write(s, resolve_fn, c, &e);
}

int main(void)
{
	char dir[] = "/tmp/hv-unitpath-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	struct store_opts o = { .dir = dir, .login = "t", .create = true, .cache_mb = 8 };
	struct store *s;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &o, &e) != 0)
		return 1;
	struct org nd = { 0 }, pn = { 0 };
	store_org_by_code(s, NULL, "ND", &nd, &e);
	store_org_by_code(s, NULL, "PN", &pn, &e);

	struct unit_path p;
	is_int(unit_path_parse(" Tỉnh Ninh Bình /  Xã  An Bình//Chi hội Thôn Đông ", 60, &p, &e), 0, "parse");
	is_int(p.n, 3, "three parts, empty ones dropped");
	is_str(p.part[1], "Xã An Bình", "spaces squeezed");
	struct buf key = BUF_INIT;
	unit_path_key(&p, &key);
	is_str(buf_str(&key), "tinh ninh binh / xa an binh / chi hoi thon dong", "folded key");
	buf_free(&key);
	unit_path_free(&p);
	is_int(unit_path_parse("a\xff", 2, &p, &e), -ERR_INVAL, "invalid UTF-8 refused");

	size_t len = 0;
	is_str(unit_level_of("Chi hội Thôn Đông", &len), "Chi hội", "level word of a branch");
	is_int(len, strlen("Chi hội"), "and its length in bytes");
	is_str(unit_level_of("XÃ AN BÌNH", NULL), "Xã", "level words match without case");
	ok(unit_level_of("Trường THCS An Bình", NULL) == NULL, "no level word");

	struct ctx c;
	is_int(resolve(s, nd.m.id, "Tỉnh Ninh Bình / Xã An Bình / Chi hội Thôn Đông", true, &c), 0, "create a path");
	is_int(c.created, 3, "three units created");
	is_str(c.text, "Tỉnh Ninh Bình / Xã An Bình / Chi hội Thôn Đông", "path text");
	uint64_t branch = c.id;
	resolve(s, nd.m.id, "tinh ninh binh/XA AN BINH/chi hoi thon dong", false, &c);
	is_int(c.id, branch, "found again without accents or case");
	resolve(s, nd.m.id, "Xã An Bình / Chi hội Thôn Đông", false, &c);
	is_int(c.id, branch, "a path that leaves out the single province is read below it");
	resolve(s, nd.m.id, "Tỉnh Ninh Bình / An Bình / Thôn Đông", false, &c);
	is_int(c.id, branch, "names without their level words match when unambiguous");
	is_int(resolve(s, nd.m.id, "Tỉnh Ninh Bình / Xã Vắng", false, &c), -ERR_NOTFOUND, "a missing unit is not created without create");
	is_int(resolve(s, nd.m.id, "Xã Yên Lâm / Chi hội Thôn Nam", true, &c), 0, "a new commune");
	is_str(c.text, "Tỉnh Ninh Bình / Xã Yên Lâm / Chi hội Thôn Nam", "goes under the province");
	/* A tree whose single top is a commune: another commune is a second top, not its child. */
	resolve(s, pn.m.id, "Xã An Bình / Chi hội 1", true, &c);
	resolve(s, pn.m.id, "Xã Yên Lâm / Chi hội 2", true, &c);
	is_str(c.text, "Xã Yên Lâm / Chi hội 2", "a second commune is not filed under the first");
	resolve(s, pn.m.id, "Chi hội 3", true, &c);
	ok(strncmp(c.text, "Chi hội 3", 12) == 0, "with two tops, an unknown branch becomes a top itself: %s", c.text);
	rec_clear(&REC_DEF_ORG, &nd);
	rec_clear(&REC_DEF_ORG, &pn);
	is_int(store_check(s, &e), 0, "store consistent");
	store_close(&s);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
