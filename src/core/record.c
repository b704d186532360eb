/* Record definitions as field tables, and the one generic encoder/decoder/differ they share. */
#include "core/record.h"

#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Meta tags, common to every record type. */
enum { TAG_VERSION = 1, TAG_CTIME = 2, TAG_CUSER = 3, TAG_MTIME = 4, TAG_MUSER = 5 };
enum { WIRE_VARINT = 0, WIRE_BYTES = 2 };

#define F(tag_, name_, label_, type_, st_, member_) \
	{ .tag = (tag_), .name = (name_), .label = (label_), .type = (type_), \
	  .off = offsetof(struct st_, member_) }

static const struct field_def org_fields[] = {
	F(TAG_ORG_CODE, "code", N_("Code"), FT_STR, org, code),
	F(17, "name", N_("Name"), FT_STR, org, name),
	F(18, "member_word", N_("Word for a member"), FT_STR, org, member_word),
	F(19, "age_min", N_("Minimum age"), FT_INT, org, age_min),
	F(20, "age_max", N_("Maximum age"), FT_INT, org, age_max),
	F(21, "sex_rule", N_("Members' sex"), FT_SEX, org, sex_rule),
};

static const struct field_def unit_fields[] = {
	F(TAG_UNIT_ORG, "org_id", N_("Organization"), FT_ID, unit, org_id),
	F(TAG_UNIT_PARENT, "parent_id", N_("Parent unit"), FT_ID, unit, parent_id),
	F(18, "name", N_("Name"), FT_STR, unit, name),
	F(19, "level", N_("Level"), FT_STR, unit, level),
	F(20, "code", N_("Code"), FT_STR, unit, code),
	F(21, "area_tags", N_("Area"), FT_ID, unit, area_tags),
	F(22, "notes", N_("Notes"), FT_STR, unit, notes),
};

static const struct field_def person_fields[] = {
	F(TAG_PERSON_NAME, "full_name", N_("Full name"), FT_STR, person, full_name),
	F(17, "sex", N_("Sex"), FT_SEX, person, sex),
	F(TAG_PERSON_BIRTH, "birth", N_("Date of birth"), FT_DATE, person, birth),
	F(19, "ethnicity", N_("Ethnicity"), FT_STR, person, ethnicity),
	F(20, "religion", N_("Religion"), FT_STR, person, religion),
	F(TAG_PERSON_CCCD, "cccd", N_("Citizen ID (CCCD)"), FT_STR, person, cccd),
	F(22, "phone", N_("Phone"), FT_STR, person, phone),
	F(23, "home_town", N_("Home town"), FT_STR, person, home_town),
	F(24, "address", N_("Address"), FT_STR, person, address),
	F(25, "education", N_("General education"), FT_STR, person, education),
	F(26, "qualification", N_("Qualification"), FT_STR, person, qualification),
	F(27, "theory", N_("Political theory"), FT_STR, person, theory),
	F(28, "party_member", N_("Party member"), FT_BOOL, person, party_member),
	F(29, "party_date", N_("Party admission date"), FT_DATE, person, party_date),
	F(30, "occupation", N_("Occupation"), FT_STR, person, occupation),
	F(31, "workplace", N_("Workplace"), FT_STR, person, workplace),
	F(32, "notes", N_("Notes"), FT_STR, person, notes),
	F(33, "verified", N_("Identity verified"), FT_BOOL, person, verified),
};

static const struct field_def membership_fields[] = {
	F(TAG_MEMBER_PERSON, "person_id", N_("Person"), FT_ID, membership, person_id),
	F(17, "org_id", N_("Organization"), FT_ID, membership, org_id),
	F(TAG_MEMBER_UNIT, "unit_id", N_("Unit"), FT_ID, membership, unit_id),
	F(19, "join_date", N_("Date joined"), FT_DATE, membership, join_date),
	F(TAG_MEMBER_CARD, "card_no", N_("Card number"), FT_STR, membership, card_no),
	F(21, "role", N_("Role"), FT_STR, membership, role),
	F(22, "status", N_("Status"), FT_STATUS, membership, status),
	F(23, "status_date", N_("Status date"), FT_DATE, membership, status_date),
	F(24, "status_reason", N_("Status reason"), FT_STR, membership, status_reason),
	F(25, "transferred_in", N_("Transferred in"), FT_BOOL, membership, transferred_in),
};

static const struct field_def target_fields[] = {
	F(TAG_TARGET_UNIT, "unit_id", N_("Unit"), FT_ID, target, unit_id),
	F(17, "year", N_("Year"), FT_INT, target, year),
	F(18, "population", N_("Eligible population"), FT_INT, target, population),
	F(19, "admissions", N_("Target: admissions"), FT_INT, target, admissions),
	F(20, "members", N_("Target: members"), FT_INT, target, members),
	F(21, "rate", N_("Target: gathering rate (tenths of a percent)"), FT_INT, target, rate),
	F(22, "dues", N_("Target: dues collected"), FT_INT, target, dues),
	F(23, "notes", N_("Notes"), FT_STR, target, notes),
};

static const struct field_def notdup_fields[] = {
	F(16, "person_a", N_("Person"), FT_ID, notdup, person_a),
	F(17, "person_b", N_("Other person"), FT_ID, notdup, person_b),
	F(18, "note", N_("Note"), FT_STR, notdup, note),
};

static const struct field_def audit_fields[] = {
	F(16, "time", N_("Time"), FT_INT, audit, time),
	F(17, "login", N_("User"), FT_STR, audit, login),
	F(18, "op", N_("Operation"), FT_INT, audit, op),
	F(TAG_AUDIT_TYPE, "rec_type", N_("Record type"), FT_INT, audit, rec_type),
	F(TAG_AUDIT_REC, "rec_id", N_("Record"), FT_ID, audit, rec_id),
	F(21, "field", N_("Field"), FT_STR, audit, field),
	F(22, "before", N_("Before"), FT_STR, audit, before),
	F(23, "after", N_("After"), FT_STR, audit, after),
};

#define DEF(type_, name_, st_, fields_) \
	{ .type = (type_), .name = (name_), .size = sizeof(struct st_), .fields = (fields_), \
	  .nfields = sizeof(fields_) / sizeof((fields_)[0]) }

const struct rec_def REC_DEF_ORG = DEF(REC_ORG, "org", org, org_fields);
const struct rec_def REC_DEF_UNIT = DEF(REC_UNIT, "unit", unit, unit_fields);
const struct rec_def REC_DEF_PERSON = DEF(REC_PERSON, "person", person, person_fields);
const struct rec_def REC_DEF_MEMBERSHIP = DEF(REC_MEMBERSHIP, "membership", membership,
					      membership_fields);
const struct rec_def REC_DEF_AUDIT = DEF(REC_AUDIT, "audit", audit, audit_fields);
const struct rec_def REC_DEF_TARGET = DEF(REC_TARGET, "target", target, target_fields);
const struct rec_def REC_DEF_NOTDUP = DEF(REC_NOTDUP, "notdup", notdup, notdup_fields);

const struct rec_def *rec_def_of(enum rec_type type)
{
	switch (type) {
	case REC_ORG: return &REC_DEF_ORG;
	case REC_UNIT: return &REC_DEF_UNIT;
	case REC_PERSON: return &REC_DEF_PERSON;
	case REC_MEMBERSHIP: return &REC_DEF_MEMBERSHIP;
	case REC_AUDIT: return &REC_DEF_AUDIT;
	case REC_TARGET: return &REC_DEF_TARGET;
	case REC_NOTDUP: return &REC_DEF_NOTDUP;
	default: return NULL;
	}
}

const char *rec_type_text(enum rec_type type)
{
	switch (type) {
	case REC_ORG: return _("organization");
	case REC_UNIT: return _("unit");
	case REC_PERSON: return _("person");
	case REC_MEMBERSHIP: return _("membership");
	case REC_AUDIT: return _("audit entry");
	case REC_TARGET: return _("unit figures");
	case REC_NOTDUP: return _("not-a-duplicate decision");
	default: return _("record");
	}
}

const struct field_def *rec_field(const struct rec_def *def, const char *name)
{
	for (size_t i = 0; i < def->nfields; i++)
		if (strcmp(def->fields[i].name, name) == 0)
			return &def->fields[i];
	return NULL;
}

/* Field access through the table's offsets. */
#define FPTR(rec, f, T) ((T *)((char *)(rec) + (f)->off))
#define FCPTR(rec, f, T) ((const T *)((const char *)(rec) + (f)->off))

static bool is_int64_type(enum ftype t)
{
	return t == FT_INT || t == FT_BOOL || t == FT_SEX || t == FT_STATUS;
}

static uint64_t zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static void put_varint_field(struct buf *out, unsigned tag, uint64_t v)
{
	unsigned char tmp[20];
	size_t n = uvarint_put(tmp, (uint64_t)tag << 3 | WIRE_VARINT);
	n += uvarint_put(tmp + n, v);
	buf_add(out, tmp, n);
}

static void put_bytes_field(struct buf *out, unsigned tag, const char *s, size_t len)
{
	unsigned char tmp[20];
	size_t n = uvarint_put(tmp, (uint64_t)tag << 3 | WIRE_BYTES);
	n += uvarint_put(tmp + n, len);
	buf_add(out, tmp, n);
	buf_add(out, s, len);
}

void rec_encode(const struct rec_def *def, const void *rec, struct buf *out)
{
	const struct rec_meta *m = rec;
	buf_addc(out, (char)REC_FORMAT);
	if (m->version)
		put_varint_field(out, TAG_VERSION, m->version);
	if (m->ctime)
		put_varint_field(out, TAG_CTIME, zigzag(m->ctime));
	if (m->cuser && *m->cuser)
		put_bytes_field(out, TAG_CUSER, m->cuser, strlen(m->cuser));
	if (m->mtime)
		put_varint_field(out, TAG_MTIME, zigzag(m->mtime));
	if (m->muser && *m->muser)
		put_bytes_field(out, TAG_MUSER, m->muser, strlen(m->muser));
	for (size_t i = 0; i < def->nfields; i++) {
		const struct field_def *f = &def->fields[i];
		switch (f->type) {
		case FT_STR: {
			const char *s = *FCPTR(rec, f, char *);
			if (s && *s)
				put_bytes_field(out, f->tag, s, strlen(s));
			break;
		}
		case FT_ID: {
			uint64_t v = *FCPTR(rec, f, uint64_t);
			if (v)
				put_varint_field(out, f->tag, v);
			break;
		}
		case FT_DATE: {
			hv_date v = *FCPTR(rec, f, hv_date);
			if (v)
				put_varint_field(out, f->tag, v);
			break;
		}
		default: {
			int64_t v = *FCPTR(rec, f, int64_t);
			if (v)
				put_varint_field(out, f->tag, zigzag(v));
			break;
		}
		}
	}
	if (m->extra.len)
		buf_add(out, m->extra.p, m->extra.len);
}

static const struct field_def *field_by_tag(const struct rec_def *def, unsigned tag)
{
	/* Tags are dense from 16 in every table, so try the direct slot first. */
	if (tag >= 16 && tag - 16 < def->nfields && def->fields[tag - 16].tag == tag)
		return &def->fields[tag - 16];
	for (size_t i = 0; i < def->nfields; i++)
		if (def->fields[i].tag == tag)
			return &def->fields[i];
	return NULL;
}

static int corrupt(struct err *e, const struct rec_def *def, size_t off)
{
	return err_set(e, ERR_CORRUPT, _("a stored %s is damaged at byte %zu"),
		       rec_type_text(def->type), off);
}

int rec_decode(const struct rec_def *def, void *rec, const void *data, size_t n, struct err *e)
{
	const unsigned char *p = data, *end = p + n;
	struct rec_meta *m = rec;
	if (n < 1 || p[0] != REC_FORMAT)
		return corrupt(e, def, 0);
	p++;
	while (p < end) {
		const unsigned char *start = p;
		uint64_t key, v = 0, len = 0;
		if (uvarint_get(&p, end, &key) != 0 || key >> 3 > 0xffffffffu)
			goto bad;
		unsigned tag = (unsigned)(key >> 3), wire = key & 7;
		const unsigned char *bytes = NULL;
		if (wire == WIRE_VARINT) {
			if (uvarint_get(&p, end, &v) != 0)
				goto bad;
		} else if (wire == WIRE_BYTES) {
			if (uvarint_get(&p, end, &len) != 0 || len > (uint64_t)(end - p))
				goto bad;
			bytes = p;
			p += len;
		} else {
			goto bad;
		}
		const struct field_def *f = tag >= 16 ? field_by_tag(def, tag) : NULL;
		bool known = true;
		if (tag == TAG_VERSION && wire == WIRE_VARINT)
			m->version = (uint32_t)v;
		else if (tag == TAG_CTIME && wire == WIRE_VARINT)
			m->ctime = unzigzag(v);
		else if (tag == TAG_MTIME && wire == WIRE_VARINT)
			m->mtime = unzigzag(v);
		else if (tag == TAG_CUSER && wire == WIRE_BYTES) {
			free(m->cuser);
			m->cuser = xstrndup((const char *)bytes, len);
		} else if (tag == TAG_MUSER && wire == WIRE_BYTES) {
			free(m->muser);
			m->muser = xstrndup((const char *)bytes, len);
		} else if (f && f->type == FT_STR && wire == WIRE_BYTES) {
			char **sp = FPTR(rec, f, char *);
			free(*sp);
			*sp = xstrndup((const char *)bytes, len);
		} else if (f && f->type == FT_ID && wire == WIRE_VARINT)
			*FPTR(rec, f, uint64_t) = v;
		else if (f && f->type == FT_DATE && wire == WIRE_VARINT)
			*FPTR(rec, f, hv_date) = (hv_date)v;
		else if (f && is_int64_type(f->type) && wire == WIRE_VARINT)
			*FPTR(rec, f, int64_t) = unzigzag(v);
		else
			known = false;
		if (!known)
			buf_add(&m->extra, start, (size_t)(p - start));
		continue;
bad:
		rec_clear(def, rec);
		return corrupt(e, def, (size_t)(start - (const unsigned char *)data));
	}
	return 0;
}

void rec_clear(const struct rec_def *def, void *rec)
{
	struct rec_meta *m = rec;
	free(m->cuser);
	free(m->muser);
	buf_free(&m->extra);
	for (size_t i = 0; i < def->nfields; i++)
		if (def->fields[i].type == FT_STR)
			free(*FPTR(rec, &def->fields[i], char *));
	memset(rec, 0, def->size);
}

void rec_copy(const struct rec_def *def, void *dst, const void *src)
{
	rec_clear(def, dst);
	memcpy(dst, src, def->size);
	struct rec_meta *m = dst;
	const struct rec_meta *sm = src;
	m->cuser = sm->cuser ? xstrdup(sm->cuser) : NULL;
	m->muser = sm->muser ? xstrdup(sm->muser) : NULL;
	memset(&m->extra, 0, sizeof m->extra);
	if (sm->extra.len)
		buf_add(&m->extra, sm->extra.p, sm->extra.len);
	for (size_t i = 0; i < def->nfields; i++) {
		const struct field_def *f = &def->fields[i];
		if (f->type == FT_STR) {
			const char *s = *FCPTR(src, f, char *);
			*FPTR(dst, f, char *) = s ? xstrdup(s) : NULL;
		}
	}
}

static bool field_same(const struct field_def *f, const void *a, const void *b)
{
	switch (f->type) {
	case FT_STR: {
		const char *x = *FCPTR(a, f, char *), *y = *FCPTR(b, f, char *);
		return strcmp(x ? x : "", y ? y : "") == 0;
	}
	case FT_ID:
		return *FCPTR(a, f, uint64_t) == *FCPTR(b, f, uint64_t);
	case FT_DATE:
		return *FCPTR(a, f, hv_date) == *FCPTR(b, f, hv_date);
	default:
		return *FCPTR(a, f, int64_t) == *FCPTR(b, f, int64_t);
	}
}

bool rec_same(const struct rec_def *def, const void *a, const void *b)
{
	for (size_t i = 0; i < def->nfields; i++)
		if (!field_same(&def->fields[i], a, b))
			return false;
	return true;
}

/* Status words are data (they appear in exports and the audit trail), so they stay Vietnamese
 * whatever language the messages are in. */
static const char *const mstatus_vi[MS__COUNT] = {
	"Đang sinh hoạt", "Chuyển sinh hoạt", "Ra khỏi tổ chức", "Từ trần", "Tạm ngừng sinh hoạt",
};
static const char *const mstatus_en[MS__COUNT] = {
	"active", "transferred", "left", "deceased", "suspended",
};

const char *sex_text(int sex)
{
	return sex == SEX_MALE ? "Nam" : sex == SEX_FEMALE ? "Nữ" : "";
}

const char *mstatus_text(int status)
{
	return status >= 0 && status < MS__COUNT ? mstatus_vi[status] : "";
}

const char *mstatus_code(int status)
{
	return status >= 0 && status < MS__COUNT ? mstatus_en[status] : "";
}

int mstatus_parse(const char *s, size_t n)
{
	for (int i = 0; i < MS__COUNT; i++) {
		if ((strlen(mstatus_vi[i]) == n && strncmp(s, mstatus_vi[i], n) == 0) ||
		    (strlen(mstatus_en[i]) == n && strncasecmp(s, mstatus_en[i], n) == 0))
			return i;
	}
	return -1;
}

void rec_field_val(const struct field_def *f, const void *rec, struct rec_val *v)
{
	*v = (struct rec_val){ .s = "" };
	switch (f->type) {
	case FT_STR: {
		const char *s = *FCPTR(rec, f, char *);
		if (s) {
			v->s = s;
			v->len = strlen(s);
		}
		break;
	}
	case FT_ID:
		v->u = *FCPTR(rec, f, uint64_t);
		break;
	case FT_DATE:
		v->u = *FCPTR(rec, f, hv_date);
		break;
	default:
		v->i = *FCPTR(rec, f, int64_t);
		break;
	}
}

void rec_val_text(enum ftype type, const struct rec_val *v, struct buf *out)
{
	switch (type) {
	case FT_STR:
		buf_add(out, v->s, v->len);
		break;
	case FT_ID:
		if (v->u)
			buf_printf(out, "%" PRIu64, v->u);
		break;
	case FT_DATE: {
		char tmp[16];
		buf_adds(out, date_format((hv_date)v->u, tmp));
		break;
	}
	case FT_BOOL:
		if (v->i)
			buf_adds(out, "Có");
		break;
	case FT_SEX:
		buf_adds(out, sex_text((int)v->i));
		break;
	case FT_STATUS:
		buf_adds(out, mstatus_text((int)v->i));
		break;
	case FT_INT:
		if (v->i)
			buf_printf(out, "%" PRId64, v->i);
		break;
	}
}

void rec_field_text(const struct field_def *f, const void *rec, struct buf *out)
{
	struct rec_val v;
	rec_field_val(f, rec, &v);
	rec_val_text(f->type, &v, out);
}

void rec_set_str(const struct field_def *f, void *rec, const char *s)
{
	char **sp = FPTR(rec, f, char *);
	free(*sp);
	*sp = s && *s ? xstrdup(s) : NULL;
}

int rec_diff(const struct rec_def *def, const void *before, const void *after, rec_diff_fn fn,
	     void *ctx)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	int n = 0;
	for (size_t i = 0; i < def->nfields; i++) {
		const struct field_def *f = &def->fields[i];
		if (field_same(f, before, after))
			continue;
		n++;
		if (!fn)
			continue;
		buf_reset(&a);
		buf_reset(&b);
		rec_field_text(f, before, &a);
		rec_field_text(f, after, &b);
		fn(f, buf_str(&a), buf_str(&b), ctx);
	}
	buf_free(&a);
	buf_free(&b);
	return n;
}

/* Walk the encoded fields until tag is found; *wire_out and the value or byte range are set. */
static int peek(const void *data, size_t n, unsigned tag, unsigned *wire_out, uint64_t *v,
		const unsigned char **bytes)
{
	const unsigned char *p = data, *end = p + n;
	if (n < 1 || p[0] != REC_FORMAT)
		return -1;
	p++;
	while (p < end) {
		uint64_t key, val = 0;
		if (uvarint_get(&p, end, &key) != 0)
			return -1;
		unsigned wire = key & 7;
		const unsigned char *b = NULL;
		if (wire == WIRE_VARINT) {
			if (uvarint_get(&p, end, &val) != 0)
				return -1;
		} else if (wire == WIRE_BYTES) {
			if (uvarint_get(&p, end, &val) != 0 || val > (uint64_t)(end - p))
				return -1;
			b = p;
			p += val;
		} else {
			return -1;
		}
		if (key >> 3 == tag) {
			*wire_out = wire;
			*v = val;
			*bytes = b;
			return 1;
		}
	}
	return 0;
}

int rec_peek_bytes(const void *data, size_t n, unsigned tag, const char **s, size_t *len)
{
	unsigned wire;
	uint64_t v;
	const unsigned char *b;
	int rc = peek(data, n, tag, &wire, &v, &b);
	*s = "";
	*len = 0;
	if (rc < 0)
		return -1;
	if (rc > 0 && wire == WIRE_BYTES) {
		*s = (const char *)b;
		*len = (size_t)v;
	}
	return 0;
}

int rec_peek_uint(const void *data, size_t n, unsigned tag, uint64_t *v)
{
	unsigned wire;
	uint64_t val;
	const unsigned char *b;
	int rc = peek(data, n, tag, &wire, &val, &b);
	*v = 0;
	if (rc < 0)
		return -1;
	if (rc > 0 && wire == WIRE_VARINT)
		*v = val;
	return 0;
}

/* uvarint_get, inlined: rec_pick runs it for every field of a million records. */
static inline int varint_inline(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	const unsigned char *q = *p;
	/* One and two bytes: values under 128, and the keys of every field (tags 16 and up). */
	if (q < end && !(q[0] & 0x80)) {
		*v = q[0];
		*p = q + 1;
		return 0;
	}
	if (end - q >= 2 && !(q[1] & 0x80)) {
		*v = (uint64_t)(q[0] & 0x7f) | (uint64_t)q[1] << 7;
		*p = q + 2;
		return 0;
	}
	uint64_t r = 0;
	for (unsigned shift = 0; q < end && shift < 64; shift += 7) {
		unsigned char c = *q++;
		r |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80)) {
			if (shift == 63 && c > 1)
				return -1;
			*p = q;
			*v = r;
			return 0;
		}
	}
	return -1;
}

void rec_pick_init(struct rec_pick *pk, const struct rec_def *def, const char *const *names,
		   size_t n)
{
	memset(pk->slot, -1, sizeof pk->slot);
	if (n > REC_PICK_MAX)
		abort();
	pk->n = n;
	for (size_t i = 0; i < n; i++) {
		const struct field_def *f = rec_field(def, names[i]);
		if (!f || f->tag >= REC_PICK_TAGS)
			abort();
		pk->slot[f->tag] = (signed char)i;
		pk->type[i] = f->type;
	}
}

int rec_pick(const struct rec_pick *pk, const void *data, size_t n, struct rec_val *vals)
{
	const unsigned char *p = data, *end = p + n;
	for (size_t i = 0; i < pk->n; i++)
		vals[i] = (struct rec_val){ .s = "" };
	if (n < 1 || p[0] != REC_FORMAT)
		return -1;
	p++;
	while (p < end) {
		uint64_t key, val;
		if (varint_inline(&p, end, &key) != 0 || varint_inline(&p, end, &val) != 0)
			return -1;
		unsigned wire = key & 7;
		const unsigned char *b = p;
		if (wire == WIRE_BYTES) {
			if (val > (uint64_t)(end - p))
				return -1;
			p += val;
		} else if (wire != WIRE_VARINT) {
			return -1;
		}
		uint64_t tag = key >> 3;
		int i = tag < REC_PICK_TAGS ? pk->slot[tag] : -1;
		if (i < 0)
			continue;
		/* A value of the wrong wire type is ignored, as rec_decode does. */
		enum ftype t = pk->type[i];
		if (t == FT_STR && wire == WIRE_BYTES) {
			vals[i].s = (const char *)b;
			vals[i].len = (size_t)val;
		} else if ((t == FT_ID || t == FT_DATE) && wire == WIRE_VARINT) {
			vals[i].u = val;
		} else if (is_int64_type(t) && wire == WIRE_VARINT) {
			vals[i].i = unzigzag(val);
		}
	}
	return 0;
}
