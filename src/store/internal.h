/* Store internals shared by the files of src/store (the only place that sees <db.h>). */
#ifndef HOIVIEN_STORE_INTERNAL_H
#define HOIVIEN_STORE_INTERNAL_H

#include <db.h>

#include "store/store.h"
#include "util/buf.h"

/* Every database of the environment: primaries first, then their secondary indexes. */
enum dbi {
	DBI_META,		/* format version and id counters */
	DBI_ORG,
	DBI_UNIT,
	DBI_PERSON,
	DBI_MEMBERSHIP,
	DBI_AUDIT,
	DBI_ORG_CODE,		/* code -> org (unique) */
	DBI_UNIT_PARENT,	/* org id, parent id -> unit */
	DBI_PERSON_WORD,	/* folded name word \0 name collation key -> person */
	DBI_PERSON_SORT,	/* name collation key (official order) -> person */
	DBI_PERSON_CCCD,	/* CCCD -> person (unique) */
	DBI_MEMBER_PERSON,	/* person id -> membership */
	DBI_MEMBER_UNIT,	/* unit id -> membership */
	DBI_MEMBER_CARD,	/* card number -> membership */
	DBI_AUDIT_REC,		/* record type, record id -> audit entry */
	DBI__COUNT
};

typedef int (*idx_fn)(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result);

struct db_spec {
	const char *file;
	int primary;		/* enum dbi of the primary, or -1 for a primary */
	u_int32_t flags;	/* DB_DUPSORT for non-unique indexes */
	idx_fn key_of;		/* secondary key callback */
};

extern const struct db_spec store_db_specs[DBI__COUNT];

struct store {
	DB_ENV *env;
	DB *db[DBI__COUNT];
	/* Second handles on secondary indexes, not associated: a cursor on them reads
	 * (key, primary key) pairs without fetching each primary record.  Opened on first use. */
	DB *raw[DBI__COUNT];
	char *dir;
	char *login;
	bool bulk;
	char lasterr[512];	/* Berkeley DB's last own message, added to ours */
};

/* Record types with an id counter (REC_ORG .. REC_AUDIT). */
#define STORE_ID_TYPES 6

struct store_txn {
	DB_TXN *txn;
	int64_t now;
	bool write;
	/* Id counters read once per transaction, bumped in memory and written back before the
	 * commit: an import batch of thousands of inserts touches the meta database once. */
	uint64_t next_id[STORE_ID_TYPES];
	bool id_dirty[STORE_ID_TYPES];
};

/* Write the transaction's id counters back (before commit). */
int store_flush_ids(struct store *s, struct store_txn *t, struct err *e);

/* The raw handle of a secondary index (see struct store). */
int store_raw(struct store *s, enum dbi sec, DB **out, struct err *e);
/* Map a Berkeley DB return code to an err (what: the operation, for the message). */
int store_dberr(struct store *s, struct err *e, int rc, const char *what);
enum dbi store_primary_of(enum rec_type type);
DB_TXN *store_dbtxn(struct store_txn *t);
/* Flags for a read: DB_READ_COMMITTED outside transactions, DB_RMW for reads before writes. */
u_int32_t store_read_flags(const struct store_txn *t);

/* index.c: the secondary key callbacks */
int idx_org_code(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result);
int idx_unit_parent(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result);
int idx_person_word(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result);
int idx_person_sort(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result);
int idx_person_cccd(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result);
int idx_member_person(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result);
int idx_member_unit(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result);
int idx_member_card(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result);
int idx_audit_rec(DB *sec, const DBT *pkey, const DBT *pdata, DBT *result);
/* The keys a callback produces for one primary record, appended to keys as (length, bytes)
 * pairs: used by the consistency check to compare an index with its records. */
int idx_keys(enum dbi sec, const DBT *pkey, const DBT *pdata, struct buf *keys, size_t *nkeys);

/* Walk the secondary entries equal to key, decoding each primary record into rec. */
int store_each_sec(struct store *s, struct store_txn *t, enum dbi sec, const void *key,
		   size_t klen, enum rec_type type, store_each_fn fn, void *ctx, struct err *e);

#endif
