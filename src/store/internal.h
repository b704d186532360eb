/* Store internals shared by the files of src/store (the only place that sees <db.h>). */
#ifndef HOIVIEN_STORE_INTERNAL_H
#define HOIVIEN_STORE_INTERNAL_H

#include <db.h>
#include <stdlib.h>

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
	DBI_TARGET,		/* population and targets of a unit for a year */
	DBI_NOTDUP,		/* pairs of persons decided not to be one */
	DBI_ORG_CODE,		/* code -> org (unique) */
	DBI_UNIT_PARENT,	/* org id, parent id -> unit */
	DBI_PERSON_WORD,	/* folded name word \0 name collation key -> person */
	DBI_PERSON_PAIR,	/* two folded name words, smaller first "a b" \0 collation key -> person */
	DBI_PERSON_SORT,	/* name collation key (official order), 0, birth -> person */
	DBI_PERSON_CCCD,	/* CCCD -> person (unique) */
	DBI_MEMBER_PERSON,	/* person id -> membership */
	DBI_MEMBER_UNIT,	/* unit id -> membership */
	DBI_MEMBER_CARD,	/* card number -> membership */
	DBI__COUNT
};

/* The keys index files one primary record under (the encoded record in data), appended to
 * keys as (4-byte big-endian length, bytes) pairs, *nkeys counting them.  -1 if the record
 * cannot be read. */
typedef int (*idx_fn)(const void *data, size_t n, struct buf *keys, size_t *nkeys);

struct db_spec {
	const char *file;
	int primary;		/* enum dbi of the primary, or -1 for a primary */
	u_int32_t flags;	/* DB_DUPSORT for non-unique indexes */
	idx_fn key_of;		/* index key function */
	u_int32_t pagesize;	/* 0: Berkeley DB's default */
};

extern const struct db_spec store_db_specs[DBI__COUNT];

struct store {
	DB_ENV *env;
	DB *db[DBI__COUNT];
	char *dir;
	char *login;
	bool bulk;
	bool wrote;		/* this process committed a write */
	struct flusher *flusher;	/* a bulk writer's cache flusher and checkpointer (env.c) */
	struct stage *stage;	/* index entries held back by an import (stage.c), or NULL */
	bool stage_owner;	/* this process holds the stage lock (staging or completing) */
	char lasterr[512];	/* Berkeley DB's last own message, added to ours */
};

/* HV_SYNC in the environment (tests): the store's work on the calling thread alone (the
 * stage's sorts, indexing and merge; a bulk writer's checkpoints), as when no thread can be
 * had. */
static inline bool store_one_thread(void)
{
	return getenv("HV_SYNC") != NULL;
}

/* pidx.c: every secondary index keeps its entries packed, many to a stored item (see there).
 * A pcur reads one like a Berkeley DB cursor over sorted duplicates: the same operations
 * (DB_FIRST, DB_LAST, DB_NEXT, DB_PREV, DB_CURRENT, DB_SET, DB_SET_RANGE, DB_GET_BOTH,
 * DB_GET_BOTH_RANGE, DB_NEXT_DUP, DB_NEXT_NODUP, each optionally | DB_RMW), the same DBT flags
 * (none: valid until the next call; DB_DBT_USERMEM, DB_DBT_REALLOC, DB_DBT_MALLOC,
 * DB_DBT_PARTIAL), the same return codes.  After DB_NEXT_DUP finds no more, the cursor has
 * moved on. */
struct pcur;
int pcur_open(DB *db, DB_TXN *txn, struct pcur **out, u_int32_t flags);
int pcur_get(struct pcur *pc, DBT *k, DBT *d, u_int32_t flags);
int pcur_close(struct pcur *pc);
DB *pcur_db(const struct pcur *pc);
/* The value of the first entry of key k (d needs DB_DBT_USERMEM, _REALLOC or _MALLOC). */
int pidx_get(DB *db, DB_TXN *txn, const DBT *k, DBT *d, u_int32_t flags);
/* Index entries in index order (Berkeley DB's for sorted duplicates): key, then value, each
 * in memcmp order with the shorter first when one begins the other. */
int idx_entry_cmp(const void *ak, size_t akl, const void *ad, size_t adl, const void *bk,
		  size_t bkl, const void *bd, size_t bdl);
/* An addition or removal of the entry (key, data). */
struct pidx_op {
	const void *key, *data;
	uint32_t klen, dlen;
	bool del;
};
/* Sort operations into entry order (key, then value), as pidx_apply wants them. */
void pidx_sort(struct pidx_op *ops, size_t n);
/* In a unique index, an addition whose key another entry holds (its value: holder). */
typedef void (*pidx_clash_fn)(void *ctx, size_t op, const void *holder, size_t hlen);
/* Apply sorted operations inside txn.  Adding an entry that is there, or removing one that is
 * not, changes nothing.  In a unique index a clashing addition is left out and reported to
 * clash, or, with clash NULL, fails everything with DB_KEYEXIST. */
int pidx_apply(DB *db, DB_TXN *txn, const struct pidx_op *ops, size_t n, bool unique,
	       pidx_clash_fn clash, void *ctx);
/* Walk every block of an index: bad(ctx, what) for each damaged or misplaced one; the number
 * of entries into *entries (unless NULL). */
enum pidx_bad {
	PIDX_BAD_BLOCK,		/* cannot be decoded */
	PIDX_BAD_ORDER,		/* entries out of order */
	PIDX_BAD_KEY,		/* stored under another key than its last entry's */
};
int pidx_verify(DB *db, DB_TXN *txn, void (*bad)(void *ctx, enum pidx_bad what), void *ctx,
		uint64_t *entries);
/* Whether index sec is unique (one entry per key). */
#define SEC_UNIQUE(sec) (!(store_db_specs[sec].flags & DB_DUPSORT))

/* pending.c: index changes a bulk transaction holds back until just before its commit, then
 * writes in key order.  Lookups during the transaction consult them. */
struct pending;
struct pending *pending_new(void);
void pending_free(struct pending **p);
/* Record an addition (del false) or removal of the entry (key, data) in index sec; data
 * starts with the record's id.  fresh: the entry belongs to a record created in this batch,
 * so nothing earlier in the batch can cancel or repeat it (no lookup needed). */
void pending_add(struct pending *p, enum dbi sec, const void *key, size_t klen,
		 const void *data, size_t dlen, bool del, bool fresh);
/* 1 if an entry (key, the record pk) is to be added, -1 if removed, 0 if untouched. */
int pending_state(struct pending *p, enum dbi sec, const void *key, size_t klen, uint64_t pk);
/* The primary keys to be added under key (up to max into pks); returns how many there are. */
size_t pending_added(struct pending *p, enum dbi sec, const void *key, size_t klen,
		     uint64_t *pks, size_t max);
int pending_flush(struct store *s, struct store_txn *t, struct pending *p, struct err *e);

/* Record types with an id counter are numbered below this (REC_ORG .. REC_NOTDUP). */
#define STORE_ID_TYPES REC__COUNT

/* The persons or memberships a bulk transaction created, for its creation range audit entry
 * (audit.c): ids lo to hi (n of them created), sequence number seq. */
struct audit_range {
	uint64_t lo, hi, n, seq;
};
#define AUDIT_RANGE_TYPES 2	/* persons, memberships */

struct store_txn {
	DB_TXN *txn;
	int64_t now;
	bool write;
	/* Id counters read once per transaction, bumped in memory and written back before the
	 * commit: an import batch of thousands of inserts touches the meta database once. */
	uint64_t next_id[STORE_ID_TYPES];
	bool id_dirty[STORE_ID_TYPES];
	struct pending *pend;	/* bulk transactions: index changes held back, else NULL */
	struct stage *stage;	/* bulk transactions while a stage is open: s->stage */
	/* Bulk transactions: the persons and memberships created, audited by one entry per
	 * type written just before the commit (audit.c). */
	struct audit_range created[AUDIT_RANGE_TYPES];
};

/* stage.c: index entries of the records an import creates, held back in sorted runs and
 * merged into the indexes in key order (see there). */
struct stage;
/* Tests: bytes held in memory before a run is written, runs before a merge, changes per merge
 * transaction, the biggest record whose entries the indexer thread makes (0: defaults).  With
 * HV_SYNC in the environment runs are sorted and merged without threads. */
void stage_set_limits(size_t mem, size_t max_runs, size_t chunk, size_t defer);
/* Whether a stage holds back the entries of index sec. */
bool stage_holds(enum dbi sec);
/* Whether an entry of these sizes can be held back (else it is written at once). */
#define STAGE_FITS(klen, dlen) ((klen) <= 0xffff && (dlen) <= 0xffff)
/* In a bulk transaction: hold back the addition (del false) or removal of an index entry; or
 * every entry the stage takes of a new record (false: the record is too big, the caller holds
 * its entries back one by one). */
void stage_add(struct stage *st, enum dbi sec, bool del, const void *key, size_t klen,
	       const void *data, size_t dlen);
bool stage_add_record(struct stage *st, enum dbi primary, uint64_t id, const void *data,
		      size_t n);
/* The record id was created with its entries held back; stage_owns tells such records. */
void stage_note_id(struct stage *st, enum dbi primary, uint64_t id);
bool stage_owns(const struct stage *st, enum dbi primary, uint64_t id);
/* The entries laid out in mem as a stage holds them (see stage.c), in the order a run keeps
 * them: their offsets in *offs (the caller frees it), and how many. */
size_t stage_sort_offsets(const void *mem, size_t len, uint32_t **offs);
/* Transactions: what a rolled-back one held back is forgotten.  After a commit, the stage's
 * own thread makes the entries of what it held back and writes a run when enough is held in
 * memory (*rc: an error of that thread, reported at a later commit or merge). */
void stage_txn_begin(struct stage *st);
void stage_txn_abort(struct stage *st);
void stage_txn_commit(struct stage *st, struct err *e, int *rc);
/* At open: complete the stage of an import that died.  At close: drop an open stage (its
 * marker stays for the next open to complete). */
int stage_recover(struct store *s, struct err *e);
void stage_abandon(struct store *s);
/* Build index sec from every record of its primary (a unique key two records hold is reported
 * and filed for the first). */
int stage_build_index(struct store *s, enum dbi sec, struct err *e);
/* ERR_BUSY if the record (of a primary) was created by an import staging in another process
 * and is not indexed yet: changing it now would leave stale entries behind. */
int stage_guard(struct store *s, struct store_txn *t, enum dbi primary, uint64_t id,
		struct err *e);
/* If another process is staging: true, with the first ids (persons, memberships) whose index
 * entries may not be filed yet. */
bool stage_live_from(struct store *s, uint64_t from[2]);
/* The id the next record of a type will get (read with a write lock, like an insert). */
int store_next_id(struct store *s, struct store_txn *t, enum rec_type type, uint64_t *next,
		  struct err *e);

/* Write the transaction's id counters back (before commit). */
int store_flush_ids(struct store *s, struct store_txn *t, struct err *e);

/* Map a Berkeley DB return code to an err (what: the operation, for the message). */
int store_dberr(struct store *s, struct err *e, int rc, const char *what);
enum dbi store_primary_of(enum rec_type type);
DB_TXN *store_dbtxn(struct store_txn *t);
/* Flags for a read: DB_READ_COMMITTED outside transactions, DB_RMW for reads before writes. */
u_int32_t store_read_flags(const struct store_txn *t);

/* index.c: the key functions of the indexes; idx_release frees what they keep between calls */
void idx_release(void);
int idx_org_code(const void *data, size_t n, struct buf *keys, size_t *nkeys);
int idx_unit_parent(const void *data, size_t n, struct buf *keys, size_t *nkeys);
int idx_person_word(const void *data, size_t n, struct buf *keys, size_t *nkeys);
int idx_person_pair(const void *data, size_t n, struct buf *keys, size_t *nkeys);
int idx_person_sort(const void *data, size_t n, struct buf *keys, size_t *nkeys);
int idx_person_cccd(const void *data, size_t n, struct buf *keys, size_t *nkeys);
int idx_member_person(const void *data, size_t n, struct buf *keys, size_t *nkeys);
int idx_member_unit(const void *data, size_t n, struct buf *keys, size_t *nkeys);
int idx_member_card(const void *data, size_t n, struct buf *keys, size_t *nkeys);
/* The entries index sec holds for one record (id, encoded record in data): (key, value) pairs
 * where the value is the id (8 bytes, big-endian) and the index's payload.  Appended to out
 * as (4-byte length, key, 4-byte length, value); *count counts them.  -1 if the record cannot
 * be read. */
int idx_entries(enum dbi sec, uint64_t id, const void *data, size_t n, struct buf *out,
		size_t *count);
/* The payload an index keeps with each entry after the id (see index.c). */
int idx_payload(enum dbi sec, const void *data, size_t n, struct buf *out);
struct idx_entry {
	const unsigned char *key, *data;
	uint32_t klen, dlen;
};
/* Append one entry in the layout of idx_entries. */
void idx_put_entry(struct buf *entries, const void *key, size_t klen, const void *data,
		   size_t dlen);
/* Step through the entries of idx_entries from *pos (start at 0); false at the end. */
bool idx_entry_next(const struct buf *entries, size_t *pos, struct idx_entry *en);
bool idx_has_entry(const struct buf *entries, const void *key, size_t klen, const void *data,
		   size_t dlen);

/* Keep the indexes of a primary record in step with it, inside t: from old (NULL for a new
 * record) to new (NULL for a deleted one).  Unique indexes are written first, so a clash
 * returns ERR_EXISTS before anything else was written (the message names the holder). */
int store_index(struct store *s, struct store_txn *t, enum dbi primary, uint64_t id,
		const struct buf *old, const struct buf *new, struct err *e);

/* Whether index sec has been built for this store (every index of a new store is; one added
 * by a later version is built from its records on first open). */
bool store_index_built(struct store *s, enum dbi sec);
/* Build index sec from its primary's records in chunked transactions and mark it built (or
 * only mark it, for a new store). */
int store_index_build(struct store *s, enum dbi sec, bool mark_only, struct err *e);

/* Keys of the name index: the name's collation key, a 0 byte and the birth date (4 bytes,
 * big-endian): official list order, then date of birth.  A collation key ends with its third
 * group separator, so no name's key is a prefix of another's. */
#define NAME_KEY_TAIL 5

/* The audit database is keyed (record type, record id, sequence): the history of a record is
 * one range of it.  The creation ranges of bulk transactions are keyed (AUDIT_RANGE | record
 * type, last id, sequence), their entry an AUDIT_CREATE whose rec_id is the first id (audit.c);
 * they sort after every other entry. */
#define AUDIT_KEY_LEN 17
#define AUDIT_RANGE 0x80

/* audit.c: the audit trail.  store_audit_created audits a record store_insert created: in a
 * bulk transaction a person or membership joins the transaction's creation range of its
 * type, anything else gets an entry of its own (with the record's store_summary);
 * store_audit_ranges writes the transaction's ranges (before its commit). */
int store_audit_created(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
			const void *rec, struct err *e);
int store_audit_ranges(struct store *s, struct store_txn *t, struct err *e);
/* records.c: the sequence number of a new audit entry. */
int store_audit_seq(struct store *s, struct store_txn *t, uint64_t *seq, struct err *e);

/* records.c: a cursor on dbi inside t, or without one on committed data only. */
int store_cursor(struct store *s, struct store_txn *t, enum dbi dbi, DBC **c, struct err *e);
/* records.c (audit.c: the audit entry), for merge.c: a primary record as stored (v->data
 * malloc'ed; ERR_NOTFOUND naming what and id when there is none), and put back under its id;
 * an audit entry (*seq, may be NULL, gets its sequence number); the one-line description a
 * creation's audit entry keeps; the ERR_CONFLICT of a record whose stored version (cur) is not
 * the one read. */
int store_get_raw(struct store *s, struct store_txn *t, enum dbi dbi, uint64_t id,
		  u_int32_t flags, DBT *v, struct err *e, const char *what);
int store_put_raw(struct store *s, struct store_txn *t, enum dbi dbi, uint64_t id,
		  const struct buf *val, u_int32_t flags, struct err *e);
int store_audit_write(struct store *s, struct store_txn *t, int op, enum rec_type type,
		      uint64_t id, const char *field, const char *before, const char *after,
		      uint64_t *seq, struct err *e);
void store_summary(enum rec_type type, const void *rec, struct buf *out);
int store_conflict(struct err *e, enum rec_type type, uint64_t id, const struct rec_meta *cur,
		   uint32_t version);

/* delete.c, for merge.c: record id of type as stored (raw) and decoded (rec, cleared first),
 * read with a write lock in a write transaction; a record taken out of its primary database
 * and its indexes (raw: as stored); the not-a-duplicate decisions, all of them (a small
 * database), and the one of a pair (either order) among them, or NULL. */
int store_read_rec(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
		   struct buf *raw, void *rec, struct err *e);
int store_remove_rec(struct store *s, struct store_txn *t, enum dbi dbi, uint64_t id,
		     const struct buf *raw, struct err *e);
struct store_nd {
	uint64_t id, a, b;	/* a < b */
	uint32_t version;
};
struct store_nd_list {
	struct store_nd *v;	/* free() it */
	size_t n, cap;
};
int store_nd_load(struct store *s, struct store_txn *t, struct store_nd_list *l, struct err *e);
struct store_nd *store_nd_find(struct store_nd_list *l, uint64_t a, uint64_t b);

/* Walk the index entries equal to key, decoding each primary record into rec. */
int store_each_sec(struct store *s, struct store_txn *t, enum dbi sec, const void *key,
		   size_t klen, enum rec_type type, store_each_fn fn, void *ctx, struct err *e);

#endif
