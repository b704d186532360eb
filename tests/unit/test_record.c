/* Unit tests for src/core/record.c: the self-describing encoding, unknown fields kept across
 * an older program's update, damaged bytes, differences for the audit trail. */
#include "tap.h"

#include "core/record.h"
#include "util/bytes.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <stdlib.h>

static void fill(struct person *p)
{
	memset(p, 0, sizeof *p);
	p->m.version = 3;
	p->m.ctime = 1700000000;
	p->m.cuser = xstrdup("lan");
	p->m.mtime = -5;	/* signed values survive zigzag */
	p->m.muser = xstrdup("hung");
	p->full_name = xstrdup("Nguyễn Thị Thúy");
	p->sex = SEX_FEMALE;
	p->birth = 19850300;
	p->cccd = xstrdup("001185012345");
	p->party_member = 1;
	p->notes = xstrdup("");
}

static void test_roundtrip(void)
{
	struct person a, b = { 0 };
	fill(&a);
	struct buf enc = BUF_INIT;
	rec_encode(&REC_DEF_PERSON, &a, &enc);
	ok(enc.len > 0 && (unsigned char)enc.p[0] == REC_FORMAT, "encoding starts with the format byte");
	struct err e;
	err_clear(&e);
	is_int(rec_decode(&REC_DEF_PERSON, &b, enc.p, enc.len, &e), 0, "decodes");
	ok(rec_same(&REC_DEF_PERSON, &a, &b), "every field equal after a round trip");
	is_int(b.m.version, 3, "version");
	is_int(b.m.mtime, -5, "negative time");
	is_str(b.m.muser, "hung", "user");
	is_int(b.birth, 19850300, "month-year date");
	ok(b.notes == NULL, "an empty string is not stored");
	const char *s;
	size_t n;
	rec_peek_bytes(enc.p, enc.len, TAG_PERSON_NAME, &s, &n);
	ok(n == strlen("Nguyễn Thị Thúy") && memcmp(s, "Nguyễn Thị Thúy", n) == 0, "peek finds the name");
	rec_peek_bytes(enc.p, enc.len, TAG_PERSON_CCCD, &s, &n);
	is_int(n, 12, "peek finds the CCCD");
	uint64_t v;
	rec_peek_uint(enc.p, enc.len, rec_field(&REC_DEF_PERSON, "phone")->tag, &v);
	is_int(v, 0, "peek of an absent field gives 0");
	struct person c = { 0 };
	rec_copy(&REC_DEF_PERSON, &c, &a);
	ok(rec_same(&REC_DEF_PERSON, &a, &c) && c.full_name != a.full_name, "deep copy");
	rec_clear(&REC_DEF_PERSON, &a);
	rec_clear(&REC_DEF_PERSON, &b);
	rec_clear(&REC_DEF_PERSON, &c);
	buf_free(&enc);
}

static void test_unknown_fields(void)
{
	/* A newer program added tag 60 (bytes) and tag 61 (varint); an older one reads and writes
	 * the record and must keep them. */
	struct person a;
	fill(&a);
	struct buf enc = BUF_INIT;
	rec_encode(&REC_DEF_PERSON, &a, &enc);
	unsigned char extra[32];
	size_t k = uvarint_put(extra, 60u << 3 | 2);
	k += uvarint_put(extra + k, 3);
	memcpy(extra + k, "abc", 3);
	k += 3;
	k += uvarint_put(extra + k, 61u << 3 | 0);
	k += uvarint_put(extra + k, 300);
	buf_add(&enc, extra, k);
	struct person b = { 0 };
	struct err e;
	err_clear(&e);
	is_int(rec_decode(&REC_DEF_PERSON, &b, enc.p, enc.len, &e), 0, "a record with unknown fields decodes");
	is_int(b.m.extra.len, k, "the unknown fields are kept aside");
	free(b.phone);
	b.phone = xstrdup("0900000000");
	struct buf again = BUF_INIT;
	rec_encode(&REC_DEF_PERSON, &b, &again);
	ok(again.len >= k && memcmp(again.p + again.len - k, extra, k) == 0,
	   "and written back unchanged after an update");
	rec_clear(&REC_DEF_PERSON, &a);
	rec_clear(&REC_DEF_PERSON, &b);
	buf_free(&enc);
	buf_free(&again);
}

static void test_damaged(void)
{
	struct person p = { 0 };
	struct err e;
	err_clear(&e);
	is_int(rec_decode(&REC_DEF_PERSON, &p, "", 0, &e), -ERR_CORRUPT, "empty bytes are damaged");
	unsigned char wrong[] = { 0x00, 0x08, 0x01 };
	is_int(rec_decode(&REC_DEF_PERSON, &p, wrong, sizeof wrong, &e), -ERR_CORRUPT, "wrong format byte");
	/* A string field whose length runs past the end. */
	unsigned char trunc[] = { REC_FORMAT, 16 << 3 | 2, 50, 'a', 'b' };
	is_int(rec_decode(&REC_DEF_PERSON, &p, trunc, sizeof trunc, &e), -ERR_CORRUPT, "a truncated field");
	ok(strstr(e.msg, "byte 1") != NULL, "the message names the byte offset: %s", e.msg);
	unsigned char wire[] = { REC_FORMAT, 16 << 3 | 5, 1 };
	is_int(rec_decode(&REC_DEF_PERSON, &p, wire, sizeof wire, &e), -ERR_CORRUPT, "an unknown wire type");
	ok(p.full_name == NULL, "nothing half-decoded is left behind");
}

struct diffs {
	int n;
	char names[8][32], before[8][64], after[8][64];
};

static void on_diff(const struct field_def *f, const char *before, const char *after, void *ctx)
{
	struct diffs *d = ctx;
	if (d->n < 8) {
		snprintf(d->names[d->n], 32, "%s", f->name);
		snprintf(d->before[d->n], 64, "%s", before);
		snprintf(d->after[d->n], 64, "%s", after);
		d->n++;
	}
}

static void test_diff_and_text(void)
{
	struct person a, b = { 0 };
	fill(&a);
	rec_copy(&REC_DEF_PERSON, &b, &a);
	b.sex = SEX_MALE;
	b.birth = 19850312;
	free(b.full_name);
	b.full_name = xstrdup("Nguyễn Thị Thuý");
	struct diffs d = { 0 };
	is_int(rec_diff(&REC_DEF_PERSON, &a, &b, on_diff, &d), 3, "three fields differ");
	is_str(d.names[0], "full_name", "the name");
	is_str(d.before[1], "Nữ", "sex before, as text");
	is_str(d.after[1], "Nam", "sex after");
	is_str(d.before[2], "03/1985", "a month-year date as text");
	is_str(d.after[2], "12/03/1985", "a full date as text");
	struct membership m = { 0 };
	m.status = MS_DECEASED;
	struct buf t = BUF_INIT;
	rec_field_text(rec_field(&REC_DEF_MEMBERSHIP, "status"), &m, &t);
	is_str(buf_str(&t), "Từ trần", "status text");
	is_int(mstatus_parse("Từ trần", strlen("Từ trần")), MS_DECEASED, "status parsed back");
	is_int(mstatus_parse("transferred", 11), MS_TRANSFERRED, "English code accepted");
	is_int(mstatus_parse("xyz", 3), -1, "unknown status");
	ok(rec_def_of(REC_PERSON) == &REC_DEF_PERSON && rec_def_of(REC_DUES) == NULL, "definitions by type");
	ok(rec_field(&REC_DEF_PERSON, "nope") == NULL, "unknown field name");
	/* Tags are unique within each record type. */
	const struct rec_def *defs[] = { &REC_DEF_ORG, &REC_DEF_UNIT, &REC_DEF_PERSON,
					 &REC_DEF_MEMBERSHIP, &REC_DEF_AUDIT };
	int unique = 1;
	for (size_t i = 0; i < 5; i++)
		for (size_t x = 0; x < defs[i]->nfields; x++)
			for (size_t y = x + 1; y < defs[i]->nfields; y++)
				if (defs[i]->fields[x].tag == defs[i]->fields[y].tag || defs[i]->fields[x].tag < 16)
					unique = 0;
	ok(unique, "field tags are unique and above the meta tags");
	buf_free(&t);
	rec_clear(&REC_DEF_PERSON, &a);
	rec_clear(&REC_DEF_PERSON, &b);
}

static void test_pick(void)
{
	static const char *const names[] = { "birth", "sex", "cccd", "phone", "party_member" };
	struct rec_pick pk;
	rec_pick_init(&pk, &REC_DEF_PERSON, names, 5);
	struct person a;
	fill(&a);
	struct buf enc = BUF_INIT;
	rec_encode(&REC_DEF_PERSON, &a, &enc);
	/* A field of a newer program after the known ones: skipped. */
	unsigned char extra[16];
	size_t n = uvarint_put(extra, (uint64_t)60 << 3 | 2);
	n += uvarint_put(extra + n, 3);
	memcpy(extra + n, "abc", 3);
	buf_add(&enc, (const char *)extra, n + 3);
	struct rec_val v[5];
	is_int(rec_pick(&pk, enc.p, enc.len, v), 0, "pick reads an encoded record");
	is_int(v[0].u, 19850300, "pick: a date");
	is_int(v[1].i, SEX_FEMALE, "pick: the sex, unzigzagged");
	ok(v[2].len == 12 && memcmp(v[2].s, "001185012345", 12) == 0, "pick: a string, in place");
	ok(v[3].len == 0 && v[3].s && *v[3].s == '\0', "pick: an absent string is empty");
	is_int(v[4].i, 1, "pick: a bool");
	is_int(rec_pick(&pk, enc.p, enc.len - 2, v), -1, "pick: a cut record is refused");
	is_int(rec_pick(&pk, "x", 1, v), -1, "pick: not a record");
	rec_clear(&REC_DEF_PERSON, &a);
	buf_free(&enc);
}

int main(void)
{
	test_roundtrip();
	test_pick();
	test_unknown_fields();
	test_damaged();
	test_diff_and_text();
	return done_testing();
}
