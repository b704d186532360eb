/* Name search: the words a user typed, answered from the name index in official list order.
 *
 * Plan: of the query words, the one whose prefix covers the fewest index entries (estimated
 * with DB->key_range) drives the scan.  Its prefix range holds a few distinct name words
 * ("ngu" -> ngu, nguy, nguyen, nguyet), each a run of entries sorted by the collation key of
 * the whole name; a k-way merge of those runs meets every candidate once, in official order,
 * so the first `limit` matches are the answer and the scan stops there.  The other query words
 * are tested on the folded name decoded from the key, so only matches cost a record read.
 * A very short prefix spans too many words to merge; it matches many persons, so walking the
 * official-order index and filtering finds `limit` of them quickly instead. */
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
#define MAX_MERGE 32
#define MAX_NWORDS 16

struct query {
	size_t n;
	char *fold[MAX_QWORDS];		/* folded word */
	char *lower[MAX_QWORDS];	/* NFC lowercase, when the word has marks; else NULL */
	int driver;
};

static void query_free(struct query *q)
{
	for (size_t i = 0; i < q->n; i++) {
		free(q->fold[i]);
		free(q->lower[i]);
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
		if (vn_has_marks(b, (size_t)(p - b))) {
			buf_reset(&tmp);
			vn_lower(&tmp, b, (size_t)(p - b));
			q->lower[q->n] = xstrdup(buf_str(&tmp));
		}
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

/* Can every query word be given its own name word that it is a prefix of?  (Backtracking over
 * at most 8 x 16 pairs.)  lower: the lowercase name words for the exact test, or NULL. */
static bool assign(const struct query *q, size_t i, const struct words *fold,
		   const struct words *lower, unsigned used)
{
	if (i == q->n)
		return true;
	for (size_t j = 0; j < fold->n; j++) {
		if (used & (1u << j))
			continue;
		if (!prefix_of(q->fold[i], fold->w[j], fold->len[j]))
			continue;
		if (lower && q->lower[i] &&
		    (j >= lower->n || !prefix_of(q->lower[i], lower->w[j], lower->len[j])))
			continue;
		if (assign(q, i + 1, fold, lower, used | (1u << j)))
			return true;
	}
	return false;
}

static bool has_marks(const struct query *q)
{
	for (size_t i = 0; i < q->n; i++)
		if (q->lower[i])
			return true;
	return false;
}

/* The exact test needs the record's words in their natural order, folded and lowercased
 * pairwise; the fold of a word and its lowercase split the same way. */
static bool exact_match(const struct query *q, const struct person *p)
{
	const char *name = p->full_name ? p->full_name : "";
	struct buf f = BUF_INIT, l = BUF_INIT;
	struct words fw, lw;
	vn_fold(&f, name, strlen(name));
	vn_lower(&l, name, strlen(name));
	split_words(buf_str(&f), f.len, &fw);
	split_words(buf_str(&l), l.len, &lw);
	bool ok = fw.n == lw.n && assign(q, 0, &fw, &lw, 0);
	buf_free(&f);
	buf_free(&l);
	return ok;
}

struct search {
	struct store *s;
	struct store_txn *t;
	const struct query *q;
	size_t limit, found;
	store_each_fn fn;
	void *ctx;
	bool *more;
	struct err *e;
	struct buf folded;
	struct person p;
	uint64_t last_pk;
};

/* One candidate from an index entry: 1 = stop (limit reached and one more seen), 0 = go on. */
static int consider(struct search *sr, const unsigned char *collkey, size_t klen, uint64_t pk)
{
	if (pk == sr->last_pk)
		return 0;
	sr->last_pk = pk;
	buf_reset(&sr->folded);
	if (vn_collkey_fold(&sr->folded, collkey, klen) != 0)
		return 0;
	struct words fw;
	split_words(buf_str(&sr->folded), sr->folded.len, &fw);
	if (!assign(sr->q, 0, &fw, NULL, 0))
		return 0;
	int rc = store_get(sr->s, sr->t, REC_PERSON, pk, &sr->p, sr->e);
	if (rc == -ERR_NOTFOUND) {
		/* Committed away between the index read and now (read-committed): skip it. */
		err_clear(sr->e);
		return 0;
	}
	if (rc)
		return rc;
	if (has_marks(sr->q) && !exact_match(sr->q, &sr->p))
		return 0;
	if (sr->limit && sr->found == sr->limit) {
		if (sr->more)
			*sr->more = true;
		return 1;
	}
	sr->found++;
	return sr->fn(&sr->p, sr->ctx);
}

static DB_TXN *txn_of(struct search *sr)
{
	return store_dbtxn(sr->t);
}

static u_int32_t cursor_flags(struct search *sr)
{
	return sr->t ? 0 : DB_READ_COMMITTED;
}

/* Estimated number of index entries whose key starts with prefix. */
static double estimate(struct store *s, struct store_txn *t, const char *prefix)
{
	DB *db = s->db[DBI_PERSON_WORD];
	size_t n = strlen(prefix);
	char *hi = xmalloc(n + 1);
	memcpy(hi, prefix, n);
	hi[n] = (char)0xff;
	DBT k1 = { .data = (void *)prefix, .size = (u_int32_t)n };
	DBT k2 = { .data = hi, .size = (u_int32_t)n + 1 };
	DB_KEY_RANGE r1, r2;
	double est = 1.0;
	if (db->key_range(db, store_dbtxn(t), &k1, &r1, 0) == 0 &&
	    db->key_range(db, store_dbtxn(t), &k2, &r2, 0) == 0)
		est = r2.less - r1.less;
	free(hi);
	return est;
}

struct run {
	DBC *c;
	DBT k, pk;
	const char *word;	/* the distinct index word this run covers */
	size_t wlen;
	bool live;
};

static bool run_in_word(const struct run *r)
{
	return r->k.size > r->wlen && memcmp(r->k.data, r->word, r->wlen) == 0 &&
	       ((const char *)r->k.data)[r->wlen] == '\0';
}

static int run_step(struct search *sr, struct run *r, u_int32_t op)
{
	int rc = r->c->get(r->c, &r->k, &r->pk, op);
	if (rc == DB_NOTFOUND) {
		r->live = false;
		return 0;
	}
	if (rc)
		return store_dberr(sr->s, sr->e, rc, _("searching"));
	r->live = run_in_word(r);
	return 0;
}

static int cmp_runs(const struct run *a, const struct run *b)
{
	const unsigned char *ka = (const unsigned char *)a->k.data + a->wlen + 1;
	const unsigned char *kb = (const unsigned char *)b->k.data + b->wlen + 1;
	size_t la = a->k.size - a->wlen - 1, lb = b->k.size - b->wlen - 1;
	int c = memcmp(ka, kb, la < lb ? la : lb);
	if (c)
		return c;
	if (la != lb)
		return la < lb ? -1 : 1;
	return memcmp(a->pk.data, b->pk.data, 8);
}

/* The distinct words of the index that start with prefix; returns how many (MAX_MERGE + 1 when
 * there are more than can be merged). */
static int distinct_words(struct search *sr, const char *prefix, char **words, int *nwords)
{
	DB *db = sr->s->db[DBI_PERSON_WORD];
	DBC *c;
	int rc;
	if ((rc = db->cursor(db, txn_of(sr), &c, cursor_flags(sr))) != 0)
		return store_dberr(sr->s, sr->e, rc, _("searching"));
	size_t plen = strlen(prefix);
	struct buf seek = BUF_INIT;
	buf_add(&seek, prefix, plen);
	*nwords = 0;
	for (;;) {
		DBT k = { .flags = DB_DBT_MALLOC }, d = { .flags = DB_DBT_PARTIAL };
		/* d: the primary key is not needed here, only the word. */
		/* DB_SET_RANGE reads the key into a buffer we own, so pass a copy of the seek key. */
		k.data = xstrndup(seek.p, seek.len);
		k.size = (u_int32_t)seek.len;
		void *mine = k.data;
		rc = c->get(c, &k, &d, DB_SET_RANGE);
		free(mine);
		if (rc == DB_NOTFOUND) {
			rc = 0;
			break;
		}
		if (rc) {
			rc = store_dberr(sr->s, sr->e, rc, _("searching"));
			break;
		}
		const char *key = k.data;
		size_t wlen = strnlen(key, k.size);
		bool in = wlen >= plen && memcmp(key, prefix, plen) == 0;
		if (in) {
			if (*nwords == MAX_MERGE) {
				(*nwords)++;
				free(k.data);
				break;
			}
			words[(*nwords)++] = xstrndup(key, wlen);
			/* Next distinct word: just past every key "word \0 …". */
			buf_reset(&seek);
			buf_add(&seek, key, wlen);
			buf_addc(&seek, '\x01');
		}
		free(k.data);
		if (!in)
			break;
	}
	c->close(c);
	buf_free(&seek);
	return rc;
}

static int merge_search(struct search *sr, char **words, int nwords)
{
	struct run runs[MAX_MERGE];
	memset(runs, 0, sizeof runs);
	DB *db = sr->s->db[DBI_PERSON_WORD];
	int rc = 0;
	for (int i = 0; i < nwords && rc == 0; i++) {
		struct run *r = &runs[i];
		r->word = words[i];
		r->wlen = strlen(words[i]);
		if ((rc = db->cursor(db, txn_of(sr), &r->c, cursor_flags(sr))) != 0) {
			r->c = NULL;
			rc = store_dberr(sr->s, sr->e, rc, _("searching"));
			break;
		}
		/* The key buffer is Berkeley DB's own after the first read (DB_DBT_REALLOC). */
		char *seek = xmalloc(r->wlen + 1);
		memcpy(seek, r->word, r->wlen + 1);
		r->k.data = seek;
		r->k.size = (u_int32_t)r->wlen + 1;
		r->k.flags = DB_DBT_REALLOC;
		r->pk.flags = DB_DBT_REALLOC;
		rc = run_step(sr, r, DB_SET_RANGE);
	}
	while (rc == 0) {
		struct run *best = NULL;
		for (int i = 0; i < nwords; i++)
			if (runs[i].live && (!best || cmp_runs(&runs[i], best) < 0))
				best = &runs[i];
		if (!best)
			break;
		rc = consider(sr, (const unsigned char *)best->k.data + best->wlen + 1,
			      best->k.size - best->wlen - 1, be64_get(best->pk.data));
		if (rc)
			break;
		rc = run_step(sr, best, DB_NEXT);
	}
	for (int i = 0; i < nwords; i++) {
		if (runs[i].c)
			runs[i].c->close(runs[i].c);
		free(runs[i].k.data);
		free(runs[i].pk.data);
	}
	return rc > 0 ? 0 : rc;
}

static int sort_walk(struct search *sr)
{
	DB *db = sr->s->db[DBI_PERSON_SORT];
	DBC *c;
	int rc;
	if ((rc = db->cursor(db, txn_of(sr), &c, cursor_flags(sr))) != 0)
		return store_dberr(sr->s, sr->e, rc, _("searching"));
	DBT k = { 0 }, pk = { 0 };
	int out = 0;
	while ((rc = c->get(c, &k, &pk, DB_NEXT)) == 0) {
		if (k.size <= NAME_KEY_TAIL)
			continue;
		if ((out = consider(sr, k.data, k.size - NAME_KEY_TAIL, be64_get(pk.data))) != 0)
			break;
	}
	c->close(c);
	if (out)
		return out > 0 ? 0 : out;
	if (rc == DB_NOTFOUND)
		return 0;
	return store_dberr(sr->s, sr->e, rc, _("searching"));
}

int store_find_name(struct store *s, struct store_txn *t, const char *query, size_t limit,
		    store_each_fn fn, void *ctx, bool *more, struct err *e)
{
	if (more)
		*more = false;
	struct query q;
	int rc = query_parse(&q, query, e);
	if (rc)
		return rc;
	if (q.n == 0)
		return 0;
	/* Drive by the rarest word. */
	double best = 2.0;
	for (size_t i = 0; i < q.n; i++) {
		double est = estimate(s, t, q.fold[i]);
		if (est < best) {
			best = est;
			q.driver = (int)i;
		}
	}
	struct search sr = { .s = s, .t = t, .q = &q, .limit = limit, .fn = fn, .ctx = ctx,
			     .more = more, .e = e, .folded = BUF_INIT };
	char *words[MAX_MERGE + 1];
	int nwords = 0;
	rc = distinct_words(&sr, q.fold[q.driver], words, &nwords);
	if (rc == 0) {
		if (nwords > MAX_MERGE)
			rc = sort_walk(&sr);
		else if (nwords > 0)
			rc = merge_search(&sr, words, nwords);
	}
	for (int i = 0; i < nwords && i < MAX_MERGE; i++)
		free(words[i]);
	buf_free(&sr.folded);
	rec_clear(&REC_DEF_PERSON, &sr.p);
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
	DBC *c;
	int rc = db->cursor(db, store_dbtxn(t), &c, t ? 0 : DB_READ_COMMITTED);
	if (rc) {
		buf_free(&key);
		return store_dberr(s, e, rc, _("reading"));
	}
	struct buf seek = BUF_INIT;
	buf_add(&seek, key.p, key.len);
	DBT k = { .data = seek.p, .size = (u_int32_t)seek.len, .flags = DB_DBT_MALLOC };
	unsigned char pkb[8];
	DBT pk = { .data = pkb, .ulen = 8, .flags = DB_DBT_USERMEM };
	struct person p = { 0 };
	int out = 0;
	u_int32_t op = DB_SET_RANGE;
	for (;;) {
		rc = c->get(c, &k, &pk, op);
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
	c->close(c);
	rec_clear(&REC_DEF_PERSON, &p);
	buf_free(&key);
	if (out)
		return out;
	return rc && rc != DB_NOTFOUND ? store_dberr(s, e, rc, _("reading")) : 0;
}
