/* Organization lookup by code, name or the short forms offices use. */
#include "core/orgs.h"

#include "core/record.h"
#include "store/store.h"
#include "text/fold.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Folded short forms -> code.  Matched whole, after folding and squeezing the text. */
static const struct {
	const char *alias, *code;
} aliases[] = {
	{ "mat tran", "MT" }, { "mttq", "MT" }, { "mat tran to quoc", "MT" },
	{ "uy ban mttq", "MT" },
	{ "cong doan", "CD" }, { "cd", "CD" }, { "ldld", "CD" }, { "lien doan lao dong", "CD" },
	{ "doan thanh nien", "DTN" }, { "doan tncs ho chi minh", "DTN" }, { "doan tncs", "DTN" },
	{ "doan", "DTN" }, { "dtn", "DTN" }, { "tncs", "DTN" }, { "thanh nien", "DTN" },
	{ "hoi phu nu", "PN" }, { "phu nu", "PN" }, { "lhpn", "PN" }, { "hlhpn", "PN" },
	{ "hoi lhpn", "PN" }, { "hoi lien hiep phu nu", "PN" }, { "pn", "PN" },
	{ "hoi nong dan", "ND" }, { "nong dan", "ND" }, { "hnd", "ND" }, { "nd", "ND" },
	{ "hoi cuu chien binh", "CCB" }, { "cuu chien binh", "CCB" }, { "ccb", "CCB" },
	{ "hccb", "CCB" },
};

static void fold_squeeze(const char *s, size_t n, struct buf *out)
{
	struct buf f = BUF_INIT;
	vn_fold(&f, s, n);
	bool space = true;
	for (size_t i = 0; i < f.len; i++) {
		char c = f.p[i];
		if (c == ' ' || c == '\t' || c == '.' || c == '-' || c == '_') {
			if (!space)
				buf_addc(out, ' ');
			space = true;
		} else {
			buf_addc(out, c);
			space = false;
		}
	}
	if (out->len && out->p[out->len - 1] == ' ')
		out->p[--out->len] = '\0';
	buf_free(&f);
}

static int add_org(const void *rec, void *ctx)
{
	const struct org *o = rec;
	struct org_list *l = ctx;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	struct org_entry *en = &l->v[l->n++];
	en->id = o->m.id;
	en->code = xstrdup(o->code ? o->code : "");
	en->name = xstrdup(o->name ? o->name : "");
	en->member_word = xstrdup(o->member_word ? o->member_word : "");
	struct buf f = BUF_INIT;
	fold_squeeze(en->name, strlen(en->name), &f);
	en->fold_name = buf_steal(&f);
	return 0;
}

int org_list_load(struct store *s, struct store_txn *t, struct org_list *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	int rc = store_each(s, t, REC_ORG, add_org, out, e);
	if (rc)
		org_list_free(out);
	return rc;
}

void org_list_free(struct org_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].name);
		free(l->v[i].fold_name);
		free(l->v[i].member_word);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

static const struct org_entry *by_code(const struct org_list *l, const char *code, size_t n)
{
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->v[i].code) == n && strncasecmp(l->v[i].code, code, n) == 0)
			return &l->v[i];
	return NULL;
}

const struct org_entry *org_list_match(const struct org_list *l, const char *text, size_t n)
{
	struct buf f = BUF_INIT;
	fold_squeeze(text, n, &f);
	const struct org_entry *hit = NULL;
	if (f.len == 0)
		goto out;
	/* A code as written ("CCB", "dtn"), then the code of the folded text ("ĐTN" -> "dtn"). */
	hit = by_code(l, text, n);
	if (!hit)
		hit = by_code(l, f.p, f.len);
	for (size_t i = 0; !hit && i < l->n; i++)
		if (strcmp(l->v[i].fold_name, f.p) == 0)
			hit = &l->v[i];
	for (size_t i = 0; !hit && i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].alias, f.p) == 0)
			hit = by_code(l, aliases[i].code, strlen(aliases[i].code));
	/* The full name with "Việt Nam" left off, or written as the start of the name. */
	for (size_t i = 0; !hit && i < l->n; i++)
		if (f.len >= 8 && strncmp(l->v[i].fold_name, f.p, f.len) == 0)
			hit = &l->v[i];
out:
	buf_free(&f);
	return hit;
}

const struct org_entry *org_list_by_id(const struct org_list *l, uint64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return &l->v[i];
	return NULL;
}

const char *org_member_word(const struct org_entry *o)
{
	static const struct {
		const char *code, *word;
		bool qualified;		/* wins over the record's word */
	} words[] = {
		{ "CD", "đoàn viên công đoàn", true }, { "CCB", "hội viên cựu chiến binh", true },
		{ "DTN", "đoàn viên", false }, { "PN", "hội viên", false },
		{ "ND", "hội viên", false }, { "MT", "thành viên", false },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(o->code, words[i].code) == 0 && (words[i].qualified || !*o->member_word))
			return words[i].word;
	return *o->member_word ? o->member_word : "thành viên";
}

void org_list_codes(const struct org_list *l, char *out, size_t n)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			buf_adds(&b, ", ");
		buf_adds(&b, l->v[i].code);
	}
	snprintf(out, n, "%s", buf_str(&b));
	buf_free(&b);
}
