/* Importing member lists (CSV, UTF-8) into the store.
 *
 * One row is one membership of one person.  Rows are validated first, then written in
 * batches, one transaction per batch: a batch lands whole or not at all.  A row that cannot be
 * imported never stops the file and never half-enters: it goes to the rejects file with its row
 * number and the reason.  Persons are the same person when they share a CCCD, when a row names
 * them by the id of an earlier export, or (no CCCD) when name, birth date, organization and unit
 * all agree; so importing the same file twice adds nothing. */
#ifndef HOIVIEN_IMPORT_H
#define HOIVIEN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

struct err;
struct store;

struct import_opts {
	const char *path;	/* the CSV file */
	const char *org;	/* --org: organization of rows that name none (code or name) */
	const char *unit;	/* --unit: unit path of rows that name none; a branch column is
				   read under it */
	const char *rejects;	/* --rejects; NULL: FILE.rejects.csv beside the input */
	size_t batch;		/* rows per transaction; 0: the default (2000) */
	const char *encoding;	/* --encoding: the file's encoding (vn_enc_parse names); NULL or
				   "auto": guessed from the file */
	size_t window;		/* persons added between two merges of the store's held-back
				   index entries (store_stage_begin); 0: as many as 8 MB of memory
				   remembers, about 390,000 */
};

struct import_report {
	uint64_t read, added, updated, unchanged, rejected;
	uint64_t nunits;		/* units created */
	struct buf units;		/* their paths, one per line */
	uint64_t nwarnings;
	struct buf warnings;		/* the first warnings, "row N: text" per line */
	struct buf ignored;		/* headers of columns that were not understood */
	char *rejects_path;		/* where rejected rows went, if any */
	char *stale_rejects;		/* a rejects file of an earlier run, removed (no rejects now) */
	char encoding[16];		/* the file's encoding (vn_enc_name) */
	double confidence;		/* of the guess; 1 when given */
	bool guessed;			/* the encoding was guessed, not given */
};

/* Import o->path into s.  Returns 0 when the file was read to the end (rows may have been
 * rejected: see r), or a negative error that stopped it (the file cannot be read, it has no
 * name column, the store failed); batches committed before such a stop stay, and importing the
 * file again completes it. */
int import_csv(struct store *s, const struct import_opts *o, struct import_report *r,
	       struct err *e);
void import_report_free(struct import_report *r);

/* The first rows of a file as an import would read them, for a person to check before anything
 * is written: the encoding (given, or guessed with its confidence and the runners-up) and the
 * header and up to nrows rows decoded and cleaned, one line each, fields separated by tabs. */
struct import_preview {
	char encoding[16];
	double confidence;
	bool guessed;
	char others[128];	/* the runners-up: "vni 0.41, vps 0.20" */
	size_t nrows;		/* rows below the header */
	struct buf text;
};
int import_preview(const char *path, const char *encoding, size_t nrows, struct import_preview *p,
		   struct err *e);
void import_preview_free(struct import_preview *p);

#endif
