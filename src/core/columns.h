/* The columns of member lists: what offices call them (matched when importing) and the
 * headers hoivien writes when exporting. */
#ifndef HOIVIEN_COLUMNS_H
#define HOIVIEN_COLUMNS_H

#include <stddef.h>

enum col {
	C_ID,		/* Mã người: hoivien's person id, for re-importing an export */
	C_NAME,		/* Họ và tên */
	C_NAME_HEAD,	/* Họ và tên đệm (lists that split the given name off) */
	C_GIVEN,	/* Tên */
	C_SEX,
	C_BIRTH,
	C_BIRTH_MALE,	/* "Năm sinh: Nam" — the year written in the men's column */
	C_BIRTH_FEMALE,	/* "Năm sinh: Nữ" */
	C_ETHNICITY,
	C_RELIGION,
	C_CCCD,
	C_PHONE,
	C_HOMETOWN,
	C_ADDRESS,
	C_EDUCATION,
	C_QUALIFICATION,
	C_THEORY,
	C_PARTY,
	C_PARTY_DATE,
	C_OCCUPATION,
	C_WORKPLACE,
	C_NOTES,
	C_ORG,
	C_UNIT,
	C_BRANCH,
	C_JOIN,
	C_CARD,
	C_ROLE,
	C_STATUS,
	C_STATUS_DATE,
	C_STATUS_REASON,
	C_VERIFIED,	/* Đã xác minh: the person's identity checked against papers */
	C_TRANSFERRED_IN,	/* Chuyển đến: the membership came by transfer */
	C_SKIP,		/* STT (row numbers of the list) */
	C_REJECT_INFO,	/* the row and reason columns hoivien adds to a rejects file */
	C__COUNT,
	C_UNKNOWN = -1
};

/* The header hoivien writes for a column (NULL for columns it never writes). */
const char *col_header(enum col c);
/* Longest a cleaned value of the column may be, in bytes. */
size_t col_max_len(enum col c);
/* The column a header stands for, matched case- and accent-insensitively, ignoring
 * punctuation and words in parentheses ("Ngày sinh (dd/mm/yyyy)").  C_UNKNOWN if none.
 * header must be valid UTF-8. */
enum col col_match(const char *header, size_t n);

/* The columns of an export, in order. */
struct buf;
struct person;
/* The text of a person's column c as a CSV row carries it (a date as dd/mm/yyyy, sex as
 * Nam/Nữ, party member as Có); NULL if c is not a column of the person (the id, the
 * membership's columns).  tmp holds the text of the fields that are not strings. */
const char *col_person_text(enum col c, const struct person *p, struct buf *tmp);

extern const enum col col_export_order[];
extern const size_t col_export_count;

#endif
