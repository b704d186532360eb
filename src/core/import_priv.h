/* Private to the importer (import.c, import_row.c, import_enc.c, import_feed.c): a row on its
 * way in and the importer's state. */
#ifndef HOIVIEN_IMPORT_PRIV_H
#define HOIVIEN_IMPORT_PRIV_H

#include "core/columns.h"
#include "core/csv.h"
#include "core/import.h"
#include "core/orgs.h"
#include "core/record.h"
#include "core/unitpath.h"
#include "text/vnenc.h"
#include "util/err.h"
#include "util/hmap.h"
#include "util/path.h"

#include <stdbool.h>
#include <stdio.h>

enum outcome { OUT_NONE, OUT_ADDED, OUT_UPDATED, OUT_UNCHANGED, OUT_REJECTED };

/* The unit a row names, parsed: the same few hundred paths come back row after row, so each
 * distinct text is parsed once and kept (see units_seen); a row past that cache's limit owns
 * its own. */
struct unit_seen {
	struct unit_path path;
	struct buf key;			/* unit_path_key of path: the importer's cache key */
};

struct row {
	size_t recno;			/* spreadsheet row number (header = 1) */
	size_t nraw;
	char **raw;			/* the fields as read, for the rejects file */
	size_t *rawlen;
	bool has[C__COUNT];		/* the row gives a non-empty value */
	struct person p;
	struct membership m;
	struct buf name_key;		/* collation key of the name (lookups without a CCCD) */
	char *org_text;
	const struct unit_seen *unit;	/* NULL: the row names no unit */
	struct unit_seen *own_unit;	/* unit, when the row owns it */
	uint64_t file_id;
	uint64_t new_pid;		/* the person this row added (committed with its batch) */
	enum outcome out;
	char *reason;			/* why it was rejected */
	bool parse_rejected;		/* rejected before the store was asked */
	struct buf warn;		/* warnings, "; "-separated */
	size_t warn_parsed;		/* length of the warnings found while parsing */
};

/* Rows read and parsed, written in one transaction. */
struct batch {
	struct row *rows;
	size_t nrows, caprows;
	int rc;				/* -ERR_IO: reading failed after these rows (err) */
	struct err err;
};

/* While the reading thread runs (import_feed.c) it uses, of the importer, only what the header
 * settled (o, map, header_text, ncols, col_of, default_unit: read-only from then on) and the
 * decoder (codec to dec_lens: its own from then on).  The rest is the main thread's. */

struct importer {
	struct store *s;
	const struct import_opts *o;
	struct import_report *r;
	enum col map[CSV_MAX_FIELDS];	/* column index -> field */
	char *header_text[CSV_MAX_FIELDS];
	size_t ncols;
	int col_of[C__COUNT];		/* field -> column index, -1 if absent */
	struct org_list orgs;
	const struct org_entry *default_org;
	struct unit_path default_unit;
	/* Caches that outlive a batch, and the entries of the batch in flight, kept apart so that
	 * a batch that is rolled back (deadlock) leaves no stale entries behind. */
	struct hmap units, units_new;
	struct buf ukey;		/* the key of a row's unit in them (import.c) */
	struct hmap ids, ids_new;
	struct buf units_created;	/* paths created by the batch in flight */
	uint64_t nunits_created;
	const struct org_entry *cur_org;	/* of the row being written */
	/* Who the batch's rows may be: their CCCDs and names looked up in one sorted sweep of each
	 * index at the start of the batch (one random page read per row would dominate a big
	 * import), then kept up to date with the persons the batch itself adds. */
	struct hmap by_cccd;		/* CCCD -> person id */
	struct hmap by_name;		/* name collation key -> 1 + first entry in named */
	struct named_entry {
		uint64_t id;
		int64_t next;
	} *named;
	size_t nnamed, capnamed;
	/* While the store stages the indexes (store_stage_begin), the persons this import added
	 * since the last merge are in no index it can sweep: they are remembered here. */
	bool staged;
	struct idmap {
		uint32_t *slot;	/* fingerprint | (id - base + 1); 0: empty (import.c) */
		size_t cap, n;
		uint64_t base;
	} idmap;
	struct batch *cur;		/* the batch being written */
	FILE *rejects;
	struct atomic_file rejects_file;
	char delim;
	/* The file's encoding, when it is not UTF-8: every field is decoded as it is read. */
	struct vn_codec *codec;
	struct buf decoded;		/* the fields of the record just read, decoded */
	size_t *dec_off;		/* where each starts in decoded */
	char **dec_fields;
	size_t *dec_lens;
	/* The reading thread's: each distinct text of the unit columns with its parsed unit,
	 * immutable once made (rows in flight point into it) and freed with the importer. */
	struct hmap units_seen;		/* unit columns' text -> index in seen */
	struct unit_seen **seen;
	size_t nseen, capseen;
	size_t seen_bytes;		/* their memory, bounded (import_row.c) */
};

void imp_row_free(struct row *w);
void imp_units_seen_free(struct importer *im);
void imp_reject(struct row *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void imp_warn(struct row *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void imp_set_str(char **p, const char *s);
/* Turn the raw fields of a row into a person and a membership (or a rejection). */
void imp_parse_row(struct importer *im, struct row *w);
/* Read the header row and map its columns; an error stops the import. */
int imp_read_header(struct importer *im, struct csv_reader *rd, struct err *e);

/* import_enc.c: settle the file's encoding (o->encoding, else a guess from its first megabyte,
 * refused when unsure) and set up im->codec; the guess goes into the report. */
int imp_encoding(struct importer *im, FILE *f, struct err *e);
/* csv_next, with the fields decoded from the file's encoding to UTF-8.  A field holding a byte
 * the encoding does not define makes the record bad (-ERR_INVAL, naming the column and byte),
 * as a malformed record is. */
int imp_next(struct importer *im, struct csv_reader *rd, struct csv_row *row, struct err *e);
void imp_encoding_free(struct importer *im);

/* import_feed.c: the rows of rd (after its header) read and parsed in batches of n rows, on a
 * thread of their own, one batch ahead of the writer. */
struct imp_feed;
struct imp_feed *imp_feed_start(struct importer *im, struct csv_reader *rd, size_t n);
/* The next batch, in the file's order (waiting for it); NULL after the last.  A batch whose rc
 * is set is the last one. */
struct batch *imp_feed_next(struct imp_feed *f);
/* Give back a batch from imp_feed_next once it is written, to be filled again. */
void imp_feed_done(struct imp_feed *f, struct batch *b);
/* Stop the reading thread, wait for it and free the batches with their rows; before rd is
 * closed.  Accepts NULL. */
void imp_feed_free(struct imp_feed **f);

#endif
