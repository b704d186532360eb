/* Paging through the persons in official list order, from any place, forwards or backwards.
 *
 * The full-screen member list shows one screenful of a list that may hold a million persons;
 * it keeps only the positions of the rows on screen and asks for the next or previous page from
 * there.  A position is the person's entry in the name order index (its key, then the id), so
 * it stays valid while others add and change persons: a page read after a change simply
 * starts at the first entry after the old one. */
#include "store/internal.h"

#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"

#include <string.h>

/* A position: the index key, then the person's id (8 bytes, big-endian). */
static int pos_cmp(const DBT *k, const DBT *d, const unsigned char *pos, size_t n)
{
	size_t kl = n - 8;
	size_t m = k->size < kl ? k->size : kl;
	int c = memcmp(k->data, pos, m);
	if (c)
		return c;
	if (k->size != kl)
		return k->size < kl ? -1 : 1;
	uint64_t a = d->size >= 8 ? be64_get(d->data) : 0, b = be64_get(pos + kl);
	return (a > b) - (a < b);
}

/* Put the cursor on the first entry at or after pos; DB_NOTFOUND if there is none. */
static int seek_ge(struct pcur *c, DBT *k, DBT *d, const unsigned char *pos, size_t n)
{
	unsigned char id[8];
	memcpy(id, pos + n - 8, 8);
	k->data = (void *)pos;
	k->size = (u_int32_t)(n - 8);
	DBT want = { .data = id, .size = 8 };
	int rc = pcur_get(c, k, &want, DB_GET_BOTH_RANGE);
	if (rc == 0)
		return pcur_get(c, k, d, DB_CURRENT);
	if (rc != DB_NOTFOUND)
		return rc;
	/* Not under this key with an id as large: the first entry of a later key. */
	k->data = (void *)pos;
	k->size = (u_int32_t)(n - 8);
	rc = pcur_get(c, k, d, DB_SET_RANGE);
	if (rc)
		return rc;
	if (pos_cmp(k, d, pos, n) >= 0)
		return 0;
	return pcur_get(c, k, d, DB_NEXT_NODUP);
}

int store_list_persons(struct store *s, struct store_txn *t, const void *pos, size_t pos_len,
		       int dir, bool after, size_t n, store_row_fn fn, void *ctx, struct err *e)
{
	if (pos && pos_len < 8 + 1)
		pos = NULL;
	DB *db = s->db[DBI_PERSON_SORT];
	struct pcur *c;
	int rc = pcur_open(db, store_dbtxn(t), &c, t ? 0 : DB_READ_COMMITTED);
	if (rc)
		return store_dberr(s, e, rc, _("reading the list of persons"));
	DBT k = { 0 }, d = { 0 };
	const unsigned char *p = pos;
	if (!pos)
		rc = pcur_get(c, &k, &d, dir < 0 ? DB_LAST : DB_FIRST);
	else if (dir >= 0) {
		rc = seek_ge(c, &k, &d, p, pos_len);
		if (rc == 0 && after && pos_cmp(&k, &d, p, pos_len) == 0)
			rc = pcur_get(c, &k, &d, DB_NEXT);
	} else {
		rc = seek_ge(c, &k, &d, p, pos_len);
		if (rc == DB_NOTFOUND)
			rc = pcur_get(c, &k, &d, DB_LAST);
		else if (rc == 0 && (pos_cmp(&k, &d, p, pos_len) > 0 || after))
			rc = pcur_get(c, &k, &d, DB_PREV);
	}
	struct buf here = BUF_INIT;
	int got = 0, out = 0;
	while (rc == 0 && (size_t)got < n) {
		if (k.size > NAME_KEY_TAIL && d.size >= 8) {
			const unsigned char *kb = k.data;
			buf_reset(&here);
			buf_add(&here, k.data, k.size);
			buf_add(&here, d.data, 8);
			struct store_row r = {
				.id = be64_get(d.data),
				.birth = be32_get(kb + k.size - 4),
				.name = NULL,
				.name_len = d.size - 8,
				.pos = here.p,
				.pos_len = here.len,
			};
			struct buf name = BUF_INIT;
			buf_add(&name, (const char *)d.data + 8, d.size - 8);
			r.name = buf_str(&name);
			out = fn(&r, ctx);
			buf_free(&name);
			got++;
			if (out)
				break;
		}
		rc = pcur_get(c, &k, &d, dir < 0 ? DB_PREV : DB_NEXT);
	}
	buf_free(&here);
	pcur_close(c);
	if (out < 0)
		return out;
	if (rc && rc != DB_NOTFOUND)
		return store_dberr(s, e, rc, _("reading the list of persons"));
	return got;
}
