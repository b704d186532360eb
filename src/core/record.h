/* The records of the member register and their encoding.
 *
 * Each record type is described by a table of fields (tag, name, label, type, offset); one
 * generic encoder, decoder, differ and formatter serve every type, so adding a field is one line
 * in a table and never a migration.
 *
 * Encoding (the value stored under a record's 64-bit id): a format byte REC_FORMAT, then fields
 * as protobuf-style pairs: a varint (tag << 3 | wire) and either a varint value (wire 0) or a
 * varint length and that many bytes (wire 2).  Zero values are not written.  Tags a program
 * does not know are kept verbatim and written back, so an older program never strips a field a
 * newer one added. */
#ifndef HOIVIEN_RECORD_H
#define HOIVIEN_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "util/buf.h"

struct err;

#define REC_FORMAT 0xB1

enum rec_type {
	REC_ORG = 1,
	REC_UNIT = 2,
	REC_PERSON = 3,
	REC_MEMBERSHIP = 4,
	REC_AUDIT = 5,
	/* reserved for later issues: dues, meetings, attendance, ratings, users, targets */
	REC_DUES = 6,
	REC_MEETING = 7,
	REC_ATTENDANCE = 8,
	REC_RATING = 9,
	REC_USER = 10,
	REC_TARGET = 11,	/* struct target: population and targets of a unit for a year */
	REC_NOTDUP = 12,	/* struct notdup: a pair decided not to be one person */
	REC__COUNT
};

enum sex { SEX_UNKNOWN = 0, SEX_MALE = 1, SEX_FEMALE = 2 };

enum mstatus {
	MS_ACTIVE = 0,
	MS_TRANSFERRED = 1,	/* chuyển sinh hoạt đi */
	MS_LEFT = 2,		/* ra khỏi tổ chức */
	MS_DECEASED = 3,	/* từ trần */
	MS_SUSPENDED = 4,	/* tạm ngừng sinh hoạt */
	MS__COUNT
};

/* Area tags of a unit (bits). */
enum {
	AREA_ETHNIC = 1 << 0,		/* vùng đồng bào dân tộc thiểu số */
	AREA_RELIGIOUS = 1 << 1,	/* vùng đồng bào có đạo */
	AREA_NONSTATE = 1 << 2,		/* doanh nghiệp ngoài nhà nước */
	AREA_URBAN = 1 << 3,
	AREA_BORDER = 1 << 4,
};

/* What every stored record carries besides its fields. */
struct rec_meta {
	uint64_t id;		/* the key; not part of the encoded value */
	uint32_t version;	/* 1 when created, +1 on every change */
	int64_t ctime;		/* created, seconds since the epoch */
	char *cuser;
	int64_t mtime;		/* last changed */
	char *muser;
	struct buf extra;	/* encoded fields this program does not know, kept verbatim */
};

struct org {
	struct rec_meta m;
	char *code;		/* MT, CD, DTN, PN, ND, CCB, … */
	char *name;
	char *member_word;	/* "đoàn viên", "hội viên", "thành viên" */
	int64_t age_min;	/* eligibility, 0 = none */
	int64_t age_max;
	int64_t sex_rule;	/* 0 any, SEX_FEMALE for PN */
};

struct unit {
	struct rec_meta m;
	uint64_t org_id;
	uint64_t parent_id;	/* 0 at the top of an organization's tree */
	char *name;
	char *level;		/* "Tỉnh", "Xã", "Chi hội", … */
	char *code;
	uint64_t area_tags;	/* AREA_* */
	char *notes;
};

struct person {
	struct rec_meta m;
	char *full_name;	/* NFC, cleaned */
	int64_t sex;		/* enum sex */
	hv_date birth;
	char *ethnicity;
	char *religion;
	char *cccd;		/* 12 digits (or a 9-digit CMND); unique where present */
	char *phone;
	char *home_town;	/* quê quán */
	char *address;		/* nơi ở hiện nay */
	char *education;	/* general education, "12/12" */
	char *qualification;	/* trình độ chuyên môn */
	char *theory;		/* lý luận chính trị */
	int64_t party_member;	/* bool */
	hv_date party_date;
	char *occupation;
	char *workplace;
	char *notes;
	int64_t verified;	/* bool: identity checked against papers (a real person without
				   a CCCD on file; the phantom report's first test) */
};

struct membership {
	struct rec_meta m;
	uint64_t person_id;
	uint64_t org_id;
	uint64_t unit_id;
	hv_date join_date;
	char *card_no;
	char *role;
	int64_t status;		/* enum mstatus */
	hv_date status_date;
	char *status_reason;
	int64_t transferred_in;	/* bool: came by transfer (chuyển đến), not admitted (kết nạp) */
};

/* The figures of one unit for one year (REC_TARGET): the eligible population the gathering
 * rate is measured against, and the targets (chỉ tiêu) the unit was set.  A zero means not
 * entered.  At most one per unit and year. */
struct target {
	struct rec_meta m;
	uint64_t unit_id;
	int64_t year;
	int64_t population;	/* eligible population (dân số trong độ tuổi) */
	int64_t admissions;	/* target: members admitted in the year */
	int64_t members;	/* target: members at the end of the year */
	int64_t rate;		/* target: gathering rate, in tenths of a percent (755 = 75.5 %) */
	int64_t dues;		/* target: dues collected in the year, đồng */
	char *notes;
};

/* Two persons someone decided are not one (REC_NOTDUP): the duplicates report never proposes
 * them again.  person_a < person_b. */
struct notdup {
	struct rec_meta m;
	uint64_t person_a, person_b;
	char *note;
};

enum audit_op { AUDIT_CREATE = 1, AUDIT_UPDATE = 2, AUDIT_DELETE = 3, AUDIT_MERGE = 4 };

struct audit {
	struct rec_meta m;	/* m.id is the audit sequence number */
	int64_t time;
	char *login;
	int64_t op;		/* enum audit_op */
	int64_t rec_type;	/* enum rec_type */
	uint64_t rec_id;
	char *field;		/* field name for an update, "" for create/delete */
	char *before;
	char *after;
};

/* Field tags that indexes read straight from encoded records (rec_peek_*). */
enum {
	TAG_ORG_CODE = 16,
	TAG_UNIT_ORG = 16,
	TAG_UNIT_PARENT = 17,
	TAG_PERSON_NAME = 16,
	TAG_PERSON_BIRTH = 18,
	TAG_PERSON_CCCD = 21,
	TAG_MEMBER_PERSON = 16,
	TAG_MEMBER_UNIT = 18,
	TAG_MEMBER_CARD = 20,
	TAG_AUDIT_TYPE = 19,
	TAG_AUDIT_REC = 20,
	TAG_TARGET_UNIT = 16,
};

enum ftype {
	FT_STR,		/* char * */
	FT_INT,		/* int64_t, signed (zigzag) */
	FT_ID,		/* uint64_t */
	FT_DATE,	/* hv_date */
	FT_BOOL,	/* int64_t 0/1 */
	FT_SEX,		/* int64_t enum sex */
	FT_STATUS,	/* int64_t enum mstatus */
};

struct field_def {
	unsigned tag;		/* >= 16; 1..15 are the meta fields */
	const char *name;	/* stable identifier: "full_name" */
	const char *label;	/* Vietnamese label, translated for display: "Họ và tên" */
	enum ftype type;
	size_t off;
};

struct rec_def {
	enum rec_type type;
	const char *name;	/* "person" */
	size_t size;		/* sizeof the struct */
	const struct field_def *fields;
	size_t nfields;
};

extern const struct rec_def REC_DEF_ORG, REC_DEF_UNIT, REC_DEF_PERSON, REC_DEF_MEMBERSHIP,
	REC_DEF_AUDIT, REC_DEF_TARGET, REC_DEF_NOTDUP;

/* "person", "membership", … translated, for messages. */
const char *rec_type_text(enum rec_type type);
const struct rec_def *rec_def_of(enum rec_type type);
const struct field_def *rec_field(const struct rec_def *def, const char *name);

/* Append the encoding of rec (meta fields included, id excluded) to out. */
void rec_encode(const struct rec_def *def, const void *rec, struct buf *out);
/* Decode data into rec, which must be zeroed or freed with rec_clear first.  Returns 0, or
 * -ERR_CORRUPT (with a message naming the byte offset) if the bytes are not a record. */
int rec_decode(const struct rec_def *def, void *rec, const void *data, size_t n, struct err *e);
/* Find one field in an encoded record without decoding the rest (for index callbacks).
 * rec_peek_bytes: *s and *len point into data ("" and 0 if the field is absent).
 * rec_peek_uint: the raw varint (0 if absent).  Return 0, or -1 if data is not a record. */
int rec_peek_bytes(const void *data, size_t n, unsigned tag, const char **s, size_t *len);
int rec_peek_uint(const void *data, size_t n, unsigned tag, uint64_t *v);
/* A few fields of many encoded records, read in place (store_scan passes over a whole
 * database): no allocation, no copy, one walk over each record.  rec_pick_init names the fields
 * once; rec_pick then fills one rec_val per name. */
#define REC_PICK_MAX 12
#define REC_PICK_TAGS 64

struct rec_val {
	uint64_t u;		/* FT_ID, FT_DATE */
	int64_t i;		/* FT_INT, FT_BOOL, FT_SEX, FT_STATUS */
	const char *s;		/* FT_STR: borrowed from the encoded record, not NUL-terminated */
	size_t len;
};

struct rec_pick {
	size_t n;
	signed char slot[REC_PICK_TAGS];	/* tag -> position in names, -1: not picked */
	enum ftype type[REC_PICK_MAX];
};

/* names: n (at most REC_PICK_MAX) field names of def; a name def does not have is a broken
 * invariant (the program stops). */
void rec_pick_init(struct rec_pick *pk, const struct rec_def *def, const char *const *names,
		   size_t n);
/* vals[i] gets the value of names[i] (zero, or "" and 0 for a string, when absent).  Returns
 * 0, or -1 if data is not a record. */
int rec_pick(const struct rec_pick *pk, const void *data, size_t n, struct rec_val *vals);
/* Free the strings and extra of rec and zero it. */
void rec_clear(const struct rec_def *def, void *rec);
/* Deep copy src into dst (dst is cleared first). */
void rec_copy(const struct rec_def *def, void *dst, const void *src);
/* Whether two records have the same field values (meta ignored). */
bool rec_same(const struct rec_def *def, const void *a, const void *b);

/* Append the display text of a field (dates dd/mm/yyyy, sex Nam/Nữ, yes/no, status words). */
void rec_field_text(const struct field_def *f, const void *rec, struct buf *out);
/* The value of a field of a decoded record as rec_pick gives it from an encoded one (a string
 * is borrowed from rec). */
void rec_field_val(const struct field_def *f, const void *rec, struct rec_val *v);
/* Append the display text of a value of a field of that type, as rec_field_text. */
void rec_val_text(enum ftype type, const struct rec_val *v, struct buf *out);
/* Set a string field, taking a copy ("" clears it). */
void rec_set_str(const struct field_def *f, void *rec, const char *s);

/* Call fn for every field whose value differs between before and after, with both values as
 * display text (the audit trail). Returns the number of differing fields. */
typedef void (*rec_diff_fn)(const struct field_def *f, const char *before, const char *after,
			    void *ctx);
int rec_diff(const struct rec_def *def, const void *before, const void *after, rec_diff_fn fn,
	     void *ctx);

const char *sex_text(int sex);		/* "Nam", "Nữ", "" (translated for display) */
const char *mstatus_text(int status);	/* translated */
const char *mstatus_code(int status);	/* stable: "active", "transferred", "left", "deceased", "suspended" */
int mstatus_parse(const char *s, size_t n);	/* either form, Vietnamese or English; -1 if unknown */

#endif
