/* Name search: the words a user typed, answered from the name index in official list order.
 *
 * The word index holds, for every distinct word of every name, the entry
 * "word \0 collation-key-of-the-whole-name" -> (id, birth date, name).  A query word covers a
 * prefix range of it: a few distinct words ("ngu" -> ngu, nguy, nguyen, nguyet), each a run
 * sorted by the collation key, i.e. in official list order.  A query word is then the union of
 * its runs, and a query is the intersection of its words' unions: a leapfrog join that seeks
 * every union to the largest key any of them is at, so it skips over whatever cannot match
 * ("nguyen van an" jumps straight from the An Bá… to the An Văn… entries) and meets the matches
 * in official order; the first `limit` of them are the answer.  A query of two words or more
 * first takes two of them together from the pair index ("a b \0 collation key", every two
 * words of a name, the smaller first): the last word typed and the longest other, whose shared
 * runs hold only the names with both, so the join starts from a few hundred entries instead of
 * two runs of a hundred thousand (a million persons: median 186 µs -> 60 µs); if the two begin
 * more than MAX_RUNS pairs, the words go alone.  The hits carry the name and
 * birth date, so no record is read.  A query word of one letter, or one that begins more than
 * MAX_RUNS words, would need too many runs: it only filters the candidates of the others (on
 * the folded name decoded from the key); if every word is like that, the name index is walked
 * in official order instead, and such short words match many persons, so the walk is short. */
#include "store/internal.h"

#include "text/collate.h"
#include "text/fold.h"
#include "text/norm.h"
#include "text/utf8.h"
#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_QWORDS 8
#define MAX_RUNS 32
#define MAX_NWORDS 16

struct query {
	size_t n;
	char *fold[MAX_QWORDS];		/* folded word */
	struct buf exact[MAX_QWORDS];	/* collation key of a word typed with marks, else empty */
};

static void query_free(struct query *q)
{
	for (size_t i = 0; i < q->n; i++) {
		free(q->fold[i]);
		buf_free(&q->exact[i]);
	}
	q->n = 0;
}

static int query_parse(struct query *q, const char *text, struct err *e)
{
	memset(q, 0, sizeof *q);
	size_t len = strlen(text), bad;
	if (utf8_validate(text, len, &bad) != 0)
		return err_set(e, ERR_INVAL, _("the search text is not valid UTF-8 (byte %zu)"), bad);
	struct buf nfc = BUF_INIT, tmp = BUF_INIT;
	vn_nfc(&nfc, text, len);
	const char *p = buf_str(&nfc), *end = p + nfc.len;
	while (p < end && q->n < MAX_QWORDS) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		const char *b = p;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
		if (p == b)
			break;
		buf_reset(&tmp);
		vn_fold(&tmp, b, (size_t)(p - b));
		if (tmp.len == 0)
			continue;
		q->fold[q->n] = xstrdup(buf_str(&tmp));
		/* A word with marks must match them: compared through collation keys, which have
		 * the same letters and tone for Hòa and Hoà, NFC and NFD, capitals or not. */
		memset(&q->exact[q->n], 0, sizeof q->exact[q->n]);
		if (vn_has_marks(b, (size_t)(p - b)))
			vn_collkey(&q->exact[q->n], b, (size_t)(p - b));
		q->n++;
	}
	buf_free(&nfc);
	buf_free(&tmp);
	return 0;
}

/* Name words, as (start, length) pairs into a string of space-separated words. */
struct words {
	size_t n;
	const char *w[MAX_NWORDS];
	size_t len[MAX_NWORDS];
};

static void split_words(const char *s, size_t n, struct words *out)
{
	out->n = 0;
	size_t i = 0;
	while (i < n && out->n < MAX_NWORDS) {
		while (i < n && s[i] == ' ')
			i++;
		size_t b = i;
		while (i < n && s[i] != ' ')
			i++;
		if (i > b) {
			out->w[out->n] = s + b;
			out->len[out->n] = i - b;
			out->n++;
		}
	}
}

static bool prefix_of(const char *q, const char *w, size_t wlen)
{
	size_t ql = strlen(q);
	return ql <= wlen && memcmp(q, w, ql) == 0;
}

/* A word's collation key is its letters then one tone byte: the query word's letters must
 * begin the name word's, and a query word with a tone must have the name word's tone. */
static bool exact_prefix(const struct buf *q, const struct buf *w)
{
	if (!q->len || !w->len)
		return !q->len;
	size_t ql = q->len - 1, wl = w->len - 1;
	if (ql > wl || memcmp(q->p, w->p, ql) != 0)
		return false;
	unsigned char qt = (unsigned char)q->p[ql], wt = (unsigned char)w->p[wl];
	/* 0x02 is "no tone": a query word without one ("Nguyê…") still names a different
	 * word than one with a tone, but a prefix of a toned word has no tone of its own
	 * only if it stops before the vowel that carries it; be exact about the tone that
	 * was typed, and let an untoned prefix of a longer word through. */
	return qt == wt || (qt == 0x02 && ql < wl);
}

/* Can every query word be given its own name word that it is a prefix of?  (Backtracking over
 * at most 8 x 16 pairs.)  exact: the name words' collation keys for the words with marks, or
 * NULL to look at the folds only. */
static bool assign(const struct query *q, size_t i, const struct words *fold,
		   const struct buf *exact, unsigned used)
{
	if (i == q->n)
		return true;
	for (size_t j = 0; j < fold->n; j++) {
		if (used & (1u << j))
			continue;
		if (!prefix_of(q->fold[i], fold->w[j], fold->len[j]))
			continue;
		if (exact && q->exact[i].len && !exact_prefix(&q->exact[i], &exact[j]))
			continue;
		if (assign(q, i + 1, fold, exact, used | (1u << j)))
			return true;
	}
	return false;
}

static bool has_marks(const struct query *q)
{
	for (size_t i = 0; i < q->n; i++)
		if (q->exact[i].len)
			return true;
	return false;
}

/* The exact test needs the name's words in their natural order: folded and as collation keys,
 * pairwise (a word's fold and its key split the same way). */
static bool exact_match(const struct query *q, const char *name, size_t n)
{
	struct buf f = BUF_INIT;
	struct words fw;
	vn_fold(&f, name, n);
	split_words(buf_str(&f), f.len, &fw);
	struct buf keys[MAX_NWORDS];
	memset(keys, 0, sizeof keys);
	/* The name's words, one by one, as collation keys. */
	size_t i = 0, k = 0;
	while (i < n && k < fw.n) {
		while (i < n && name[i] == ' ')
			i++;
		size_t b = i;
		while (i < n && name[i] != ' ')
			i++;
		if (i > b)
			vn_collkey(&keys[k++], name + b, i - b);
	}
	bool ok = k == fw.n && assign(q, 0, &fw, keys, 0);
	for (size_t j = 0; j < k; j++)
		buf_free(&keys[j]);
	buf_free(&f);
	return ok;
}

/* ---- runs and unions ---------------------------------------------------------------------- */

/* A position in the index order: the collation key of a name and the record's id. */
struct pos {
	const unsigned char *key;	/* borrowed */
	size_t klen;
	uint64_t id;
};

static int cmp_pos(const struct pos *a, const struct pos *b)
{
	size_t n = a->klen < b->klen ? a->klen : b->klen;
	int c = memcmp(a->key, b->key, n);
	if (c)
		return c;
	if (a->klen != b->klen)
		return a->klen < b->klen ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* The entries of one distinct word, read with a cursor of their own. */
struct run {
	struct pcur *c;
	DBT k, d;			/* DB_DBT_REALLOC: the current entry */
	char *word;			/* "word\0" */
	size_t wlen;			/* including the \0 */
	bool live;
};

static struct pos run_pos(const struct run *r)
{
	struct pos p = { (const unsigned char *)r->k.data + r->wlen, r->k.size - r->wlen,
			 be64_get(r->d.data) };
	return p;
}

/* One query word: its runs. */
struct uni {
	struct run r[MAX_RUNS];
	int n;
	int cur;			/* the run at the smallest position, -1 when all are done */
};

struct search {
	struct store *s;
	struct store_txn *t;
	const struct query *q;
	size_t limit, found;
	store_hit_fn fn;
	void *ctx;
	bool *more;
	struct err *e;
	struct buf folded, tmp;
	struct uni *u[MAX_QWORDS];
	int nu;
	bool wide[MAX_QWORDS];		/* words that only filter */
};

static int dberr(struct search *sr, int rc)
{
	return store_dberr(sr->s, sr->e, rc, _("searching"));
}

static int run_read(struct search *sr, struct run *r, u_int32_t op)
{
	int rc = pcur_get(r->c, &r->k, &r->d, op);
	if (rc == DB_NOTFOUND) {
		r->live = false;
		return 0;
	}
	if (rc)
		return dberr(sr, rc);
	r->live = r->k.size >= r->wlen && memcmp(r->k.data, r->word, r->wlen) == 0 && r->d.size >= 8;
	return 0;
}

/* Move a run to its first entry at or after target (NULL: its first entry). */
static int run_seek(struct search *sr, struct run *r, const struct pos *target)
{
	if (!r->live)
		return 0;
	struct pos p = run_pos(r);
	if (!target || cmp_pos(&p, target) >= 0)
		return 0;
	/* Often the next entry is the one: try it before a search from the root. */
	int rc = run_read(sr, r, DB_NEXT);
	if (rc || !r->live)
		return rc;
	p = run_pos(r);
	if (cmp_pos(&p, target) >= 0)
		return 0;
	buf_reset(&sr->tmp);
	buf_add(&sr->tmp, r->word, r->wlen);
	buf_add(&sr->tmp, target->key, target->klen);
	r->k.size = (u_int32_t)sr->tmp.len;
	r->k.data = xrealloc(r->k.data, sr->tmp.len);
	memcpy(r->k.data, sr->tmp.p, sr->tmp.len);
	if ((rc = run_read(sr, r, DB_SET_RANGE)) != 0)
		return rc;
	/* The same name with a smaller id than the target's. */
	while (r->live && (p = run_pos(r), cmp_pos(&p, target) < 0))
		if ((rc = run_read(sr, r, DB_NEXT)) != 0)
			return rc;
	return 0;
}

static void uni_pick(struct uni *u)
{
	u->cur = -1;
	for (int i = 0; i < u->n; i++) {
		if (!u->r[i].live)
			continue;
		if (u->cur < 0) {
			u->cur = i;
			continue;
		}
		struct pos a = run_pos(&u->r[i]), b = run_pos(&u->r[u->cur]);
		if (cmp_pos(&a, &b) < 0)
			u->cur = i;
	}
}

static int uni_seek(struct search *sr, struct uni *u, const struct pos *target)
{
	for (int i = 0; i < u->n; i++) {
		int rc = run_seek(sr, &u->r[i], target);
		if (rc)
			return rc;
	}
	uni_pick(u);
	return 0;
}

static void uni_free(struct uni *u)
{
	for (int i = 0; i < u->n; i++) {
		if (u->r[i].c)
			pcur_close(u->r[i].c);
		free(u->r[i].k.data);
		free(u->r[i].d.data);
		free(u->r[i].word);
	}
	free(u);
}

static DB_TXN *txn_of(struct search *sr)
{
	return store_dbtxn(sr->t);
}

static u_int32_t cursor_flags(struct search *sr)
{
	return sr->t ? 0 : DB_READ_COMMITTED;
}

/* Open a run's cursor at the first entry at or after key: 0, DB_NOTFOUND or a Berkeley DB
 * error (r->c is NULL if the cursor could not be opened). */
static int run_start(struct search *sr, struct run *r, DB *db, const void *key, size_t klen)
{
	int rc = pcur_open(db, txn_of(sr), &r->c, cursor_flags(sr));
	if (rc) {
		r->c = NULL;
		return rc;
	}
	r->k.flags = r->d.flags = DB_DBT_REALLOC;
	r->k.data = xmalloc(klen);
	memcpy(r->k.data, key, klen);
	r->k.size = (u_int32_t)klen;
	return pcur_get(r->c, &r->k, &r->d, DB_SET_RANGE);
}

/* The distinct index words that start with prefix, each a run positioned at its first entry.
 * A prefix of one letter, or one that begins more than MAX_RUNS words, sets *wide instead. */
static int uni_open(struct search *sr, const char *prefix, struct uni **out, bool *wide)
{
	*out = NULL;
	*wide = strlen(prefix) < 2;
	if (*wide)
		return 0;
	DB *db = sr->s->db[DBI_PERSON_WORD];
	struct uni *u = xcalloc(1, sizeof *u);
	size_t plen = strlen(prefix);
	struct buf seek = BUF_INIT;
	buf_add(&seek, prefix, plen);
	int rc = 0;
	for (;;) {
		if (u->n == MAX_RUNS) {
			*wide = true;
			break;
		}
		struct run *r = &u->r[u->n];
		int g = run_start(sr, r, db, seek.p, seek.len);
		if (g == DB_NOTFOUND)
			break;
		if (g) {
			rc = dberr(sr, g);
			break;
		}
		const char *key = r->k.data;
		size_t wlen = strnlen(key, r->k.size);
		if (wlen < plen || memcmp(key, prefix, plen) != 0 || wlen == r->k.size)
			break;
		r->word = xstrndup(key, wlen);
		r->wlen = wlen + 1;
		r->live = r->d.size >= 8;
		u->n++;
		/* The next distinct word: just past every key "word \0 …". */
		buf_reset(&seek);
		buf_add(&seek, key, wlen);
		buf_addc(&seek, '\x01');
	}
	/* The run being opened when the loop stopped without a word of its own. */
	if (u->n < MAX_RUNS && u->r[u->n].c) {
		struct run *r = &u->r[u->n];
		pcur_close(r->c);
		free(r->k.data);
		free(r->d.data);
		memset(r, 0, sizeof *r);
	}
	buf_free(&seek);
	if (rc || *wide) {
		uni_free(u);
		return rc;
	}
	uni_pick(u);
	*out = u;
	return 0;
}

/* Has the pair "w" been opened as a run of u already? */
static bool uni_has(const struct uni *u, const char *w, size_t wlen)
{
	for (int i = 0; i < u->n; i++)
		if (u->r[i].wlen == wlen + 1 && memcmp(u->r[i].word, w, wlen) == 0)
			return true;
	return false;
}

/* The runs of the pair index whose two words begin with a (the smaller word) and b: for every
 * distinct word f that begins with a, the distinct pairs "f s" with s beginning with b.  Sets
 * *wide when there are more than MAX_RUNS of them. */
static int pair_runs(struct search *sr, struct pcur *c, struct uni *u, const char *a, const char *b,
		     bool *wide)
{
	size_t al = strlen(a), bl = strlen(b);
	struct buf seek = BUF_INIT, want = BUF_INIT;	/* want: "f b", what f's pairs begin with */
	DBT k = { .flags = DB_DBT_REALLOC }, d = { .flags = DB_DBT_REALLOC };
	buf_add(&seek, a, al);
	int rc = 0;
	for (;;) {
		/* The next first word f. */
		k.data = xrealloc(k.data, seek.len);
		memcpy(k.data, seek.p, seek.len);
		k.size = (u_int32_t)seek.len;
		int g = pcur_get(c, &k, &d, DB_SET_RANGE);
		if (g) {
			rc = g == DB_NOTFOUND ? 0 : dberr(sr, g);
			break;
		}
		const char *key = k.data;
		const char *sp = memchr(key, ' ', strnlen(key, k.size));
		if (k.size < al || memcmp(key, a, al) != 0 || !sp)
			break;
		size_t fl = (size_t)(sp - key);
		/* Past every word that begins with b, f can be no pair's smaller word. */
		if (memcmp(key, b, fl < bl ? fl : bl) > 0)
			break;
		char *f = xstrndup(key, fl);
		buf_reset(&seek);
		buf_add(&seek, f, fl);
		buf_addc(&seek, ' ');
		buf_add(&seek, b, bl);
		buf_reset(&want);
		buf_add(&want, seek.p, seek.len);
		/* Its pairs "f s…", each a run. */
		for (;;) {
			k.data = xrealloc(k.data, seek.len);
			memcpy(k.data, seek.p, seek.len);
			k.size = (u_int32_t)seek.len;
			g = pcur_get(c, &k, &d, DB_SET_RANGE);
			if (g) {
				rc = g == DB_NOTFOUND ? 0 : dberr(sr, g);
				break;
			}
			key = k.data;
			size_t wl = strnlen(key, k.size);
			if (wl == k.size || wl < want.len || memcmp(key, want.p, want.len) != 0)
				break;
			if (!uni_has(u, key, wl)) {
				if (u->n == MAX_RUNS) {
					*wide = true;
					break;
				}
				struct run *r = &u->r[u->n];
				/* Its own cursor, at the pair's first entry ("a b\0"). */
				if ((g = run_start(sr, r, pcur_db(c), key, wl + 1)) != 0) {
					if (r->c)
						pcur_close(r->c);
					free(r->k.data);
					free(r->d.data);
					memset(r, 0, sizeof *r);
					rc = dberr(sr, g);
					break;
				}
				r->word = xstrndup(key, wl);
				r->wlen = wl + 1;
				r->live = r->d.size >= 8;
				u->n++;
			}
			/* The next distinct pair. */
			buf_reset(&seek);
			buf_add(&seek, key, wl);
			buf_addc(&seek, '\x01');
		}
		/* Past "f " and all its pairs. */
		buf_reset(&seek);
		buf_add(&seek, f, fl);
		buf_addc(&seek, '!');
		free(f);
		if (rc || *wide)
			break;
	}
	free(k.data);
	free(d.data);
	buf_free(&seek);
	buf_free(&want);
	return rc;
}

/* Two query words as one union: the runs of the pair index that hold a word beginning with
 * each, in either order. */
static int pair_open(struct search *sr, const char *a, const char *b, struct uni **out,
		     bool *wide)
{
	*out = NULL;
	*wide = false;
	DB *db = sr->s->db[DBI_PERSON_PAIR];
	struct pcur *c;
	int rc = pcur_open(db, txn_of(sr), &c, cursor_flags(sr));
	if (rc)
		return dberr(sr, rc);
	struct uni *u = xcalloc(1, sizeof *u);
	rc = pair_runs(sr, c, u, a, b, wide);
	if (rc == 0 && !*wide && strcmp(a, b) != 0)
		rc = pair_runs(sr, c, u, b, a, wide);
	pcur_close(c);
	if (rc || *wide) {
		uni_free(u);
		return rc;
	}
	uni_pick(u);
	*out = u;
	return 0;
}

/* ---- candidates ---------------------------------------------------------------------------- */

/* A candidate at pos, with the value (id, birth, name) of one of its entries: 1 = stop (limit
 * reached and one more seen), 0 = go on, < 0 error. */
static int consider(struct search *sr, const struct pos *p, hv_date birth, const char *name,
		    size_t nlen)
{
	buf_reset(&sr->folded);
	if (vn_collkey_fold(&sr->folded, p->key, p->klen) != 0)
		return 0;
	struct words fw;
	split_words(buf_str(&sr->folded), sr->folded.len, &fw);
	if (!assign(sr->q, 0, &fw, NULL, 0))
		return 0;
	if (has_marks(sr->q) && !exact_match(sr->q, name, nlen))
		return 0;
	if (sr->limit && sr->found == sr->limit) {
		if (sr->more)
			*sr->more = true;
		return 1;
	}
	sr->found++;
	char *nm = xstrndup(name, nlen);
	struct find_hit h = { .id = p->id, .birth = birth, .name = nm };
	int rc = sr->fn(&h, sr->ctx);
	free(nm);
	return rc;
}

/* The leapfrog join of the query words that have runs: one word at a time is moved to the
 * furthest position any word has reached; when every word has just agreed on a position, it is
 * a candidate. */
static int join(struct search *sr)
{
	struct buf hold = BUF_INIT;	/* the target's key, kept while cursors move */
	struct pos target = { NULL, 0, 0 };
	int rc = 0, agree = 0, i = 0;
	/* Start at the furthest of the words' first positions. */
	for (int k = 0; k < sr->nu; k++) {
		struct uni *u = sr->u[k];
		if (u->cur < 0)
			goto out;
		struct pos p = run_pos(&u->r[u->cur]);
		if (k == 0 || cmp_pos(&p, &target) > 0) {
			buf_reset(&hold);
			buf_add(&hold, p.key, p.klen);
			target = (struct pos){ (const unsigned char *)hold.p, hold.len, p.id };
		}
	}
	for (;;) {
		struct uni *u = sr->u[i];
		if ((rc = uni_seek(sr, u, &target)) != 0 || u->cur < 0)
			break;
		struct pos p = run_pos(&u->r[u->cur]);
		if (cmp_pos(&p, &target) == 0) {
			if (++agree < sr->nu) {
				i = (i + 1) % sr->nu;
				continue;
			}
			const unsigned char *d = u->r[u->cur].d.data;
			size_t dn = u->r[u->cur].d.size;
			hv_date birth = dn >= 12 ? be32_get(d + 8) : 0;
			const char *name = dn > 12 ? (const char *)d + 12 : "";
			int c = consider(sr, &target, birth, name, dn > 12 ? dn - 12 : 0);
			if (c) {
				rc = c > 0 ? 0 : c;
				break;
			}
			/* On to just after this candidate. */
			target.id++;
			agree = 0;
			continue;
		}
		/* This word is further on: it sets the target the others must reach. */
		buf_reset(&hold);
		buf_add(&hold, p.key, p.klen);
		target = (struct pos){ (const unsigned char *)hold.p, hold.len, p.id };
		agree = 1;
		i = (i + 1) % sr->nu;
	}
out:
	buf_free(&hold);
	return rc;
}

/* Every query word is short: walk the name index in official order and filter. */
static int walk(struct search *sr)
{
	DB *db = sr->s->db[DBI_PERSON_SORT];
	struct pcur *c;
	int rc = pcur_open(db, txn_of(sr), &c, cursor_flags(sr));
	if (rc)
		return dberr(sr, rc);
	DBT k = { 0 }, d = { 0 };
	int out = 0;
	while ((rc = pcur_get(c, &k, &d, DB_NEXT)) == 0) {
		if (k.size <= NAME_KEY_TAIL || d.size < 8)
			continue;
		const unsigned char *kb = k.data;
		struct pos p = { kb, k.size - NAME_KEY_TAIL, be64_get(d.data) };
		hv_date birth = be32_get(kb + k.size - 4);
		if ((out = consider(sr, &p, birth, (const char *)d.data + 8, d.size - 8)) != 0)
			break;
	}
	pcur_close(c);
	if (out)
		return out > 0 ? 0 : out;
	return rc == DB_NOTFOUND ? 0 : dberr(sr, rc);
}

int store_find_name(struct store *s, struct store_txn *t, const char *query, size_t limit,
		    store_hit_fn fn, void *ctx, bool *more, struct err *e)
{
	if (more)
		*more = false;
	struct query q;
	int rc = query_parse(&q, query, e);
	if (rc)
		return rc;
	struct search sr = { .s = s, .t = t, .q = &q, .limit = limit, .fn = fn, .ctx = ctx,
			     .more = more, .e = e, .folded = BUF_INIT, .tmp = BUF_INIT };
	bool empty = false;
	struct uni *all[MAX_QWORDS];
	int nall = 0;
	/* Two words or more: the last one typed and the longest of the others lead, as a pair. */
	size_t pa = q.n, pb = q.n;
	if (q.n >= 2) {
		pb = q.n - 1;
		pa = 0;
		for (size_t i = 1; i < pb; i++)
			if (strlen(q.fold[i]) > strlen(q.fold[pa]))
				pa = i;
		struct uni *u;
		bool wide;
		rc = pair_open(&sr, q.fold[pa], q.fold[pb], &u, &wide);
		if (rc == 0 && wide)
			pa = pb = q.n;
		else if (rc == 0) {
			if (u->cur < 0)
				empty = true;
			all[nall++] = u;
		}
	}
	for (size_t i = 0; rc == 0 && i < q.n && !empty; i++) {
		struct uni *u;
		bool wide;
		if (i == pa || i == pb)
			continue;
		if ((rc = uni_open(&sr, q.fold[i], &u, &wide)) != 0)
			break;
		if (wide)
			continue;
		if (u->cur < 0)
			empty = true;	/* no name has a word with this prefix */
		all[nall++] = u;
	}
	for (int i = 0; i < nall; i++)
		sr.u[sr.nu++] = all[i];
	if (rc == 0 && q.n && !empty)
		rc = sr.nu ? join(&sr) : walk(&sr);
	for (int i = 0; i < sr.nu; i++)
		uni_free(sr.u[i]);
	buf_free(&sr.folded);
	buf_free(&sr.tmp);
	query_free(&q);
	return rc;
}

int store_each_person_named(struct store *s, struct store_txn *t, const char *name,
			    store_each_fn fn, void *ctx, struct err *e)
{
	struct buf key = BUF_INIT;
	vn_name_collkey(&key, name, strlen(name));
	if (!key.len) {
		buf_free(&key);
		return 0;
	}
	/* Every birth date under the name: the keys that begin with its collation key and 0. */
	buf_addc(&key, '\0');
	DB *db = s->db[DBI_PERSON_SORT];
	struct pcur *c;
	int rc = pcur_open(db, store_dbtxn(t), &c, t ? 0 : DB_READ_COMMITTED);
	if (rc) {
		buf_free(&key);
		return store_dberr(s, e, rc, _("reading"));
	}
	struct buf seek = BUF_INIT;
	buf_add(&seek, key.p, key.len);
	DBT k = { .data = seek.p, .size = (u_int32_t)seek.len, .flags = DB_DBT_MALLOC };
	unsigned char pkb[8];
	/* The first 8 bytes of an entry's value are the record's id; its payload is not needed. */
	DBT pk = { .data = pkb, .ulen = 8, .dlen = 8, .flags = DB_DBT_USERMEM | DB_DBT_PARTIAL };
	struct person p = { 0 };
	int out = 0;
	u_int32_t op = DB_SET_RANGE;
	for (;;) {
		rc = pcur_get(c, &k, &pk, op);
		if (op == DB_SET_RANGE)
			buf_free(&seek);
		op = DB_NEXT;
		if (rc)
			break;
		bool in = k.size >= key.len && memcmp(k.data, key.p, key.len) == 0;
		free(k.data);
		k.data = NULL;
		if (!in)
			break;
		if (pk.size != 8)
			continue;
		if ((out = store_get(s, t, REC_PERSON, be64_get(pkb), &p, e)) == -ERR_NOTFOUND) {
			err_clear(e);
			out = 0;
			continue;
		}
		if (out || (out = fn(&p, ctx)) != 0)
			break;
	}
	pcur_close(c);
	rec_clear(&REC_DEF_PERSON, &p);
	buf_free(&key);
	if (out)
		return out;
	return rc && rc != DB_NOTFOUND ? store_dberr(s, e, rc, _("reading")) : 0;
}
