/* Finding an organization by what offices write for it: its code, its name, or a usual short
 * form ("Hội Phụ nữ", "Đoàn thanh niên", "HND", "Mặt trận"). */
#ifndef HOIVIEN_ORGS_H
#define HOIVIEN_ORGS_H

#include <stddef.h>
#include <stdint.h>

struct err;
struct store;
struct store_txn;

struct org_entry {
	uint64_t id;
	char *code;
	char *name;
	char *fold_name;	/* folded name, for matching */
	char *member_word;	/* the organization's record's word for a member; may be "" */
};

/* The organizations of a store, loaded once (they are few). */
struct org_list {
	size_t n;
	struct org_entry *v;
};

int org_list_load(struct store *s, struct store_txn *t, struct org_list *out, struct err *e);
void org_list_free(struct org_list *l);
/* The organization text stands for, or NULL. */
const struct org_entry *org_list_match(const struct org_list *l, const char *text, size_t n);
const struct org_entry *org_list_by_id(const struct org_list *l, uint64_t id);
/* The word for a member of o in report headings ("hội viên", "đoàn viên công đoàn").  The
 * Trade Union's and the Veterans' are qualified, since reports that span organizations put
 * them next to the Youth Union's "đoàn viên" and the associations' "hội viên"; otherwise the
 * word the organization's record gives, else the usual one for its code, else "thành viên".
 * Borrowed (from o or static). */
const char *org_member_word(const struct org_entry *o);
/* "MT, CD, DTN, …" for messages; appended to a caller buffer of size n. */
void org_list_codes(const struct org_list *l, char *out, size_t n);

#endif
