/* The member store: a Berkeley DB transactional environment shared by every process.
 *
 * Records (core/record.h) live in one primary database per type, keyed by a 64-bit id in
 * big-endian order; the store keeps their secondary indexes in step itself (index.c).  Every write
 * happens in a transaction run by store_write, which retries on deadlock; every change writes
 * audit entries in the same transaction; an update that finds a newer version than the one it
 * read fails with ERR_CONFLICT and changes nothing.
 *
 * Reads may pass t = NULL (each read is then its own, read-committed operation).
 * Nothing here loads a whole database: lists and searches walk cursors and call back. */
#ifndef HOIVIEN_STORE_H
#define HOIVIEN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/record.h"

struct buf;
struct err;
struct store;
struct store_txn;

struct store_opts {
	const char *dir;	/* environment directory (see path_store_dir) */
	const char *login;	/* user recorded in the audit trail; NULL: the login name */
	bool create;		/* create the store (and the standard organizations) if missing */
	bool bulk;		/* commits do not wait for the disk; store_close makes them durable */
	unsigned cache_mb;	/* cache for a new environment; 0: $HOIVIEN_CACHE_MB or the default */
};

#define STORE_DEFAULT_CACHE_MB 16

int store_open(struct store **out, const struct store_opts *o, struct err *e);
/* Checkpoint, flush and close; accepts NULL and sets *s to NULL. */
void store_close(struct store **s);
const char *store_dir(const struct store *s);
const char *store_login(const struct store *s);
/* The Berkeley DB library's own version text, for --version. */
const char *store_library_version(void);
/* Delete a store's files (and the directory, if that leaves it empty).  For a store just made
 * by a command that then failed; nobody else may be using it. */
void store_remove(const char *dir);
/* True if dir holds a hoivien store. */
bool store_exists(const char *dir);

/* Checkpoint if enough log has been written since the last one (long imports call it between
 * batches so recovery stays short and old log files are removed). */
void store_checkpoint(struct store *s);

/* Run fn inside a write transaction and commit it; on deadlock abort and run fn again (up to
 * a limit, then -ERR_BUSY).  fn returns 0 to commit or a negative error to abort, and must be
 * safe to run again from scratch. */
typedef int (*store_txn_fn)(struct store *s, struct store_txn *t, void *ctx, struct err *e);
int store_write(struct store *s, store_txn_fn fn, void *ctx, struct err *e);
/* store_write for a transaction of thousands of inserts (an import batch): its index changes
 * are held back and written in key order just before the commit, which turns random page
 * misses into a sweep.  Lookups by CCCD, card, person, unit and exact name inside fn see the
 * held-back changes; name search (store_find_name) does not, so fn must not use it. */
int store_write_bulk(struct store *s, store_txn_fn fn, void *ctx, struct err *e);
/* Staged indexing, for an import of many rows (stage.c tells why and how).  While a stage is
 * open, bulk transactions of this process hold back the name, CCCD, unit and card index
 * entries of the persons and memberships they create, and merges file them in key order.
 * Until then those records are in the store but not found through these indexes: not by
 * store_sweep, store_person_by_cccd, the unit and card lists or name search (the importer
 * remembers its own new persons); memberships by person are filed at once.  Other processes
 * cannot change the held-back records (ERR_BUSY); if this process dies, the next to open the
 * store completes the indexes.
 * store_stage_begin returns 0 (staging), 1 if another process is staging (then nothing is
 * held back), or an error. */
int store_stage_begin(struct store *s, struct err *e);
/* The stage holds what one merge should take: merge now. */
bool store_stage_full(const struct store *s);
/* File everything held back.  A CCCD that someone else gave to another person meanwhile is
 * taken off the held-back person (audited) and described by a line appended to conflicts. */
int store_stage_merge(struct store *s, struct buf *conflicts, struct err *e);
/* Merge and close the stage. */
int store_stage_end(struct store *s, struct buf *conflicts, struct err *e);
/* A read transaction, read-committed: it never makes writers wait. */
int store_read(struct store *s, store_txn_fn fn, void *ctx, struct err *e);
/* Seconds since the epoch of the running transaction (one clock reading per transaction). */
int64_t store_txn_time(const struct store_txn *t);

/* Records, by type (org, unit, person, membership, audit).  rec points to the matching struct
 * (zeroed, or cleared with rec_clear). */
int store_get(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id, void *rec,
	      struct err *e);
/* Insert: assigns m.id, m.version = 1, times and users, writes an audit entry. ERR_EXISTS when a
 * unique key (CCCD, organization code) is taken, naming the holder. */
int store_insert(struct store *s, struct store_txn *t, enum rec_type type, void *rec,
		 struct err *e);
/* Update a record read earlier: m.id and m.version say which and which version.  If the stored
 * version is newer: ERR_CONFLICT "changed by X at T", nothing written.  If nothing differs,
 * returns 0 and writes nothing (*changed = false).  Otherwise writes the record with version+1
 * and one audit entry per changed field.  rec itself is not modified (the transaction may be
 * run again); once it has committed, the stored version is rec->m.version + 1. */
int store_update(struct store *s, struct store_txn *t, enum rec_type type, void *rec,
		 bool *changed, struct err *e);

/* Callbacks of the iterators: return 0 to go on, > 0 to stop (returned to the caller), < 0 for
 * an error (returned too).  The record is borrowed for the call. */
typedef int (*store_each_fn)(const void *rec, void *ctx);

/* Every record of a type, in id order.  For REC_AUDIT, the entries of each record (by record,
 * then sequence), then the creation ranges of bulk transactions: AUDIT_CREATE entries whose
 * rec_id is the first of the ids the range covers (store_each_audit_of tells the rest). */
int store_each(struct store *s, struct store_txn *t, enum rec_type type, store_each_fn fn,
	       void *ctx, struct err *e);
/* Every record of a type, in id order, still encoded (core/record.h: rec_pick reads fields in
 * place): for passes over the whole store that need a few fields of each record (reports),
 * several times faster than store_each, which decodes and copies every field.  fn returns as
 * for store_each; data is borrowed for the call. */
typedef int (*store_scan_fn)(uint64_t id, const void *data, size_t n, void *ctx);
int store_scan(struct store *s, struct store_txn *t, enum rec_type type, store_scan_fn fn,
	       void *ctx, struct err *e);
/* Number of records of a type (a scan of the database's keys). */
int store_count(struct store *s, struct store_txn *t, enum rec_type type, uint64_t *n,
		struct err *e);
/* The largest id of a record of a type (0: none), from the last key: one page read.  Ids are
 * handed out in increasing order, so passes in id order can tell how far they are.  Not for
 * audit entries. */
int store_last_id(struct store *s, struct store_txn *t, enum rec_type type, uint64_t *id,
		  struct err *e);

int store_org_by_code(struct store *s, struct store_txn *t, const char *code, struct org *out,
		      struct err *e);
int store_person_by_cccd(struct store *s, struct store_txn *t, const char *cccd,
			 struct person *out, struct err *e);
int store_each_membership_of_person(struct store *s, struct store_txn *t, uint64_t person_id,
				    store_each_fn fn, void *ctx, struct err *e);
int store_each_membership_of_unit(struct store *s, struct store_txn *t, uint64_t unit_id,
				  store_each_fn fn, void *ctx, struct err *e);
/* How many memberships are filed under a unit (not those under its sub-units), from the
 * index alone: to tell whether reading them one by one beats a pass over all of them. */
int store_count_memberships_of_unit(struct store *s, struct store_txn *t, uint64_t unit_id,
				    uint64_t *n, struct err *e);
int store_each_membership_by_card(struct store *s, struct store_txn *t, const char *card,
				  store_each_fn fn, void *ctx, struct err *e);
/* Units directly under parent_id (0: the tops of org_id's tree). */
int store_each_child_unit(struct store *s, struct store_txn *t, uint64_t org_id,
			  uint64_t parent_id, store_each_fn fn, void *ctx, struct err *e);
/* Audit entries about one record, oldest first.  A person or membership an import (a bulk
 * transaction) created has no creation entry of its own: the transaction's one entry for all
 * it created stands in, handed over as an ordinary AUDIT_CREATE about this record (sequence,
 * time and login the transaction's; after: what the record's own entry would have said, as
 * far as the record and its later entries tell). */
int store_each_audit_of(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
			store_each_fn fn, void *ctx, struct err *e);
/* The same entries gathered in memory (store_audit_list_free releases them). */
struct audit_list {
	struct audit *v;
	size_t n, cap;
};
int store_audit_list(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
		     struct audit_list *out, struct err *e);
void store_audit_list_free(struct audit_list *l);

/* Persons whose name has the same collation key as name (the same letters and tones, whatever
 * the case or Unicode form), whatever their birth date.  Not for bulk transactions. */
int store_each_person_named(struct store *s, struct store_txn *t, const char *name,
			    store_each_fn fn, void *ctx, struct err *e);

/* Lookups of many keys at once, walking the index in key order (a bulk transaction's rows
 * looked up one by one would each cost a random page read).  keys: sorted ascending, as
 * (4-byte big-endian length, bytes) pairs; fn is called with the key's position and each
 * person filed under it. */
enum store_key {
	STORE_KEY_CCCD,		/* a CCCD */
	STORE_KEY_NAME,		/* vn_name_collkey of a full name, a 0 byte and the birth date
				   (hv_date, 4 bytes big-endian) */
};
typedef void (*store_sweep_fn)(size_t i, uint64_t id, void *ctx);
int store_sweep(struct store *s, struct store_txn *t, enum store_key kind, const struct buf *keys,
		store_sweep_fn fn, void *ctx, struct err *e);

/* A person found by name, straight from the index (no record is read). */
struct find_hit {
	uint64_t id;
	hv_date birth;
	const char *name;	/* NFC, borrowed for the call */
};
typedef int (*store_hit_fn)(const struct find_hit *h, void *ctx);

/* Name search.  query: words typed by a user; each must be a prefix of a different word of the
 * name, accent- and case-insensitively, or exactly (accents included) when the query word has
 * diacritics.  Hits are passed to fn in official list order (given name, middle, surname, then
 * id), at most limit of them (0: no limit); fn returns as for store_each.  *more is set when
 * there were more matches.  Not for bulk transactions. */
int store_find_name(struct store *s, struct store_txn *t, const char *query, size_t limit,
		    store_hit_fn fn, void *ctx, bool *more, struct err *e);

/* One person of the official-order list (store_list_persons), borrowed for the call. */
struct store_row {
	uint64_t id;
	hv_date birth;
	const char *name;	/* NFC, NUL-terminated */
	size_t name_len;
	const void *pos;	/* this row's place in the list: pass it back to page on from it */
	size_t pos_len;
};
typedef int (*store_row_fn)(const struct store_row *r, void *ctx);
/* Persons in official list order (given name, middle, surname, birth, id), read with a cursor:
 * up to n of them, forwards (dir >= 0) or backwards (dir < 0) from pos, a position an earlier
 * call handed out (NULL: from the first, or backwards from the last).  With after, pos itself
 * is skipped; a position whose person has since been renamed or removed still works (the list
 * goes on from where that entry was).  fn returns as for store_each.  Returns the number of
 * rows passed to fn, or < 0 on error. */
int store_list_persons(struct store *s, struct store_txn *t, const void *pos, size_t pos_len,
		       int dir, bool after, size_t n, store_row_fn fn, void *ctx, struct err *e);

/* Consistency check: every database verifies, every record decodes, every index entry matches
 * its record and every record is in every index it belongs to, references point to records.
 * Problems are reported through msg_error; returns their number (0: all well) or < 0 when the
 * check itself could not run. */
long store_check(struct store *s, struct err *e);

/* Hot backup into dest (created; must not hold a store already) while others keep working;
 * the copy is recovered so that opening it with -d dest just works. */
int store_backup(struct store *s, const char *dest, struct err *e);

/* Recreate the shared environment files (after DB_CONFIG changed) and run recovery.  Fails
 * with ERR_BUSY if another process has the store open. */
int store_recover(const char *dir, struct err *e);

struct store_stats {
	uint64_t persons, memberships, units, orgs, audit;
	uint64_t bytes;		/* size of the database and log files */
};
int store_stats(struct store *s, struct store_stats *st, struct err *e);

/* ---- Removing records, merging two person records, not-a-duplicate decisions (delete.c,
 * merge.c) ---- */

/* Remove a record read earlier (version: the version read) with all its index entries, and
 * write an AUDIT_DELETE entry (before: the record's one-line description).  ERR_NOTFOUND if
 * there is none; ERR_CONFLICT if the stored version is another; ERR_INVAL for a person who
 * still has memberships, a unit with units, memberships or figures under it, an organization
 * with units or memberships, or an audit entry (move or remove what refers to it first).  A
 * person's not-a-duplicate decisions go with them (each audited). */
int store_delete(struct store *s, struct store_txn *t, enum rec_type type, uint64_t id,
		 uint32_t version, struct err *e);

/* Merge person gone into person keep (two records of one human), both as read (their
 * versions): gone's memberships move to keep (person_id changed, audited); keep's empty fields
 * take gone's values (audited; an empty field is a zero value: no text, sex unknown, no date,
 * no); gone's not-a-duplicate decisions are moved to keep, or removed when they name keep or
 * keep has the same one; gone is removed.  One AUDIT_MERGE entry under keep (field "merge")
 * holds all that is needed to undo it (its format is in merge.c), *merge_seq gets its
 * sequence number; another under gone (field "merge": "into KEEP\nmerge SEQ") keeps gone's
 * history reachable.  ERR_INVAL for keep == gone, ERR_NOTFOUND for a missing person,
 * ERR_CONFLICT if either changed since it was read; then nothing is written. */
int store_merge_persons(struct store *s, struct store_txn *t, uint64_t keep_id,
			uint32_t keep_version, uint64_t gone_id, uint32_t gone_version,
			uint64_t *merge_seq, struct err *e);
/* Undo the merge whose audit entry is (person keep_id, merge_seq), from that entry alone:
 * gone comes back byte for byte under its own id with its index entries (a CCCD the merge
 * gave keep is taken back from keep first); the memberships it lists move back, those still
 * keep's; keep's filled fields are emptied again where they still hold what the merge put
 * there; the not-a-duplicate decisions it changed come back.  Writes an AUDIT_MERGE entry
 * under keep (field "unmerge", before "merge SEQ") and one under gone.  said (may be NULL) is
 * replaced by what was left as it was, one line each (a field changed since, a membership
 * moved on since).  ERR_NOTFOUND if there is no such merge entry or keep is gone;
 * ERR_INVAL if it was undone already; ERR_EXISTS if gone's id or CCCD is taken. */
int store_merge_undo(struct store *s, struct store_txn *t, uint64_t keep_id, uint64_t merge_seq,
		     struct buf *said, struct err *e);

/* A merge as its audit entry describes it (store_merge_parse, store_merge_read). */
struct store_merge {
	uint64_t seq;		/* the merge's audit entry */
	int64_t time;
	uint64_t keep, gone;
	struct person gone_rec;	/* gone as it was (decoded from gone_raw) */
	struct buf gone_raw;	/* gone's record as it was stored (rec_encode, with its meta) */
	uint64_t *moved;	/* the memberships moved from gone to keep */
	size_t nmoved;
	struct person filled;	/* keep's fields the merge filled, with the values it put there;
				   every other field empty (and so was each filled one before) */
	size_t nnotdup;		/* not-a-duplicate decisions that named gone, as they were */
	uint64_t *notdup_ids;
	struct buf *notdup_raw;
};
/* Decode an AUDIT_MERGE "merge" entry (of person a->rec_id).  ERR_INVAL if it is not one. */
int store_merge_parse(const struct audit *a, struct store_merge *m, struct err *e);
/* Read and decode the merge entry (keep_id, merge_seq).  ERR_NOTFOUND if there is none. */
int store_merge_read(struct store *s, struct store_txn *t, uint64_t keep_id, uint64_t merge_seq,
		     struct store_merge *m, struct err *e);
void store_merge_clear(struct store_merge *m);
/* Whether the merge (keep_id, merge_seq) has been undone: *unmerge_seq (may be NULL) gets the
 * undo's audit entry. */
int store_merge_undone(struct store *s, struct store_txn *t, uint64_t keep_id,
		       uint64_t merge_seq, bool *undone, uint64_t *unmerge_seq, struct err *e);

/* Record that persons a and b are not one person (the duplicates report never proposes the
 * pair again), with a note (NULL or "": none); the smaller id is stored first.  Returns 0 when
 * recorded, 1 when the pair was recorded already (nothing written).  ERR_INVAL for a == b,
 * ERR_NOTFOUND if either person does not exist. */
int store_notdup_add(struct store *s, struct store_txn *t, uint64_t a, uint64_t b,
		     const char *note, struct err *e);
/* Forget that decision (audited).  ERR_NOTFOUND if the pair is not recorded. */
int store_notdup_remove(struct store *s, struct store_txn *t, uint64_t a, uint64_t b,
			struct err *e);

#endif
