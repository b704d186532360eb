/* Secondary index keys: what Berkeley DB files each primary record under.
 *
 * The name index holds one entry per distinct folded word of a person's name, keyed
 * "word \0 collation-key-of-the-whole-name", so that a prefix scan over one word meets the
 * persons in official list order and can test the other query words on the key alone
 * (vn_collkey_fold) without reading the record. */
#include "store/internal.h"

#include "text/collate.h"
#include "text/fold.h"
#include "util/bytes.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Callbacks return this for a record that cannot be decoded: the put fails rather than the
 * index silently missing the record. */
#define IDX_BADREC EINVAL

static int point_into(const DBT *pdata, unsigned tag, DBT *result)
{
	const char *s;
	size_t n;
	if (rec_peek_bytes(pdata->data, pdata->size, tag, &s, &n) != 0)
		return IDX_BADREC;
	if (n == 0)
		return DB_DONOTINDEX;
	result->data = (void *)s;
	result->size = (u_int32_t)n;
	return 0;
}

static void own(DBT *result, void *data, size_t n)
{
	result->data = data;
	result->size = (u_int32_t)n;
	result->flags = DB_DBT_APPMALLOC;
}

static int be64_key(const DBT *pdata, unsigned tag, DBT *result, bool skip_zero)
{
	uint64_t v;
	if (rec_peek_uint(pdata->data, pdata->size, tag, &v) != 0)
		return IDX_BADREC;
	if (v == 0 && skip_zero)
		return DB_DONOTINDEX;
	unsigned char *k = xmalloc(8);
	be64_put(k, v);
	own(result, k, 8);
	return 0;
}

int idx_org_code(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result)
{
	(void)sec;
	(void)pkey;
	return point_into(pdata, TAG_ORG_CODE, result);
}

int idx_unit_parent(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result)
{
	(void)sec;
	(void)pkey;
	uint64_t org, parent;
	if (rec_peek_uint(pdata->data, pdata->size, TAG_UNIT_ORG, &org) != 0 ||
	    rec_peek_uint(pdata->data, pdata->size, TAG_UNIT_PARENT, &parent) != 0)
		return IDX_BADREC;
	unsigned char *k = xmalloc(16);
	be64_put(k, org);
	be64_put(k + 8, parent);
	own(result, k, 16);
	return 0;
}

/* Split folded text into distinct words; returns the count, fills starts/lens. */
static size_t distinct_words(const char *f, size_t n, const char **starts, size_t *lens,
			     size_t max)
{
	size_t count = 0;
	size_t i = 0;
	while (i < n && count < max) {
		while (i < n && f[i] == ' ')
			i++;
		size_t b = i;
		while (i < n && f[i] != ' ')
			i++;
		if (i == b)
			break;
		bool dup = false;
		for (size_t j = 0; j < count; j++)
			if (lens[j] == i - b && memcmp(starts[j], f + b, i - b) == 0)
				dup = true;
		if (!dup) {
			starts[count] = f + b;
			lens[count] = i - b;
			count++;
		}
	}
	return count;
}

#define MAX_NAME_WORDS 16

int idx_person_word(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result)
{
	(void)sec;
	(void)pkey;
	const char *name;
	size_t n;
	if (rec_peek_bytes(pdata->data, pdata->size, TAG_PERSON_NAME, &name, &n) != 0)
		return IDX_BADREC;
	struct buf fold = BUF_INIT, key = BUF_INIT;
	vn_fold(&fold, name, n);
	const char *starts[MAX_NAME_WORDS];
	size_t lens[MAX_NAME_WORDS];
	size_t count = distinct_words(buf_str(&fold), fold.len, starts, lens, MAX_NAME_WORDS);
	if (count == 0) {
		buf_free(&fold);
		return DB_DONOTINDEX;
	}
	vn_name_collkey(&key, name, n);
	DBT *arr = xcalloc(count, sizeof *arr);
	for (size_t i = 0; i < count; i++) {
		size_t klen = lens[i] + 1 + key.len;
		char *k = xmalloc(klen);
		memcpy(k, starts[i], lens[i]);
		k[lens[i]] = '\0';
		memcpy(k + lens[i] + 1, key.p, key.len);
		own(&arr[i], k, klen);
	}
	buf_free(&fold);
	buf_free(&key);
	result->data = arr;
	result->size = (u_int32_t)count;
	result->flags = DB_DBT_MULTIPLE | DB_DBT_APPMALLOC;
	return 0;
}

int idx_person_sort(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result)
{
	(void)sec;
	(void)pkey;
	const char *name;
	size_t n;
	if (rec_peek_bytes(pdata->data, pdata->size, TAG_PERSON_NAME, &name, &n) != 0)
		return IDX_BADREC;
	struct buf key = BUF_INIT;
	vn_name_collkey(&key, name, n);
	size_t len = key.len;
	own(result, buf_steal(&key), len);
	return 0;
}

int idx_person_cccd(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result)
{
	(void)sec;
	(void)pkey;
	return point_into(pdata, TAG_PERSON_CCCD, result);
}

int idx_member_person(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result)
{
	(void)sec;
	(void)pkey;
	return be64_key(pdata, TAG_MEMBER_PERSON, result, false);
}

int idx_member_unit(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result)
{
	(void)sec;
	(void)pkey;
	return be64_key(pdata, TAG_MEMBER_UNIT, result, true);
}

int idx_member_card(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result)
{
	(void)sec;
	(void)pkey;
	return point_into(pdata, TAG_MEMBER_CARD, result);
}

int idx_audit_rec(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result)
{
	(void)sec;
	(void)pkey;
	uint64_t type, id;
	if (rec_peek_uint(pdata->data, pdata->size, TAG_AUDIT_TYPE, &type) != 0 ||
	    rec_peek_uint(pdata->data, pdata->size, TAG_AUDIT_REC, &id) != 0)
		return IDX_BADREC;
	/* rec_type is a zigzag-encoded int64 field: decode it. */
	type = (type >> 1) ^ (uint64_t) - (int64_t)(type & 1);
	unsigned char *k = xmalloc(9);
	k[0] = (unsigned char)type;
	be64_put(k + 1, id);
	own(result, k, 9);
	return 0;
}

static void add_key(struct buf *keys, const DBT *k)
{
	unsigned char len[4];
	be32_put(len, k->size);
	buf_add(keys, len, 4);
	buf_add(keys, k->data, k->size);
}

int idx_keys(enum dbi sec, const DBT *pkey, const DBT *pdata, struct buf *keys, size_t *nkeys)
{
	DBT r;
	memset(&r, 0, sizeof r);
	*nkeys = 0;
	int rc = store_db_specs[sec].key_of(NULL, pkey, pdata, &r);
	if (rc == DB_DONOTINDEX)
		return 0;
	if (rc)
		return rc;
	if (r.flags & DB_DBT_MULTIPLE) {
		DBT *arr = r.data;
		for (u_int32_t i = 0; i < r.size; i++) {
			add_key(keys, &arr[i]);
			if (arr[i].flags & DB_DBT_APPMALLOC)
				free(arr[i].data);
		}
		*nkeys = r.size;
		free(arr);
	} else {
		add_key(keys, &r);
		*nkeys = 1;
		if (r.flags & DB_DBT_APPMALLOC)
			free(r.data);
	}
	return 0;
}
