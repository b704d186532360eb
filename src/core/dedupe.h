/* Duplicate persons: records that may be one human registered twice (by two organizations, or
 * twice by one), each pair with a score and its reasons; and memberships that put one person in
 * two branches of one organization at once.
 *
 * How pairs are found (dedupe.c has the details and the memory bound):
 *   1. One pass over the persons (store_each) turns each into a fixed 48-byte record of hashed
 *      features: the name's variant key (text/namevar.h: fold, i/y, Hoàng/Huỳnh, Vũ/Võ), the
 *      toned key, CCCD, birth, sex, phone, home town and the commune of the address.  No
 *      string is kept, so 1,000,000 persons take 48 MB.
 *   2. How common each birth date, home town, commune and phone is, counted over the store:
 *      agreeing on a rare value says more than agreeing on the common one.
 *   3. The records are sorted by name key (the block), then birth; pairs are only scored within
 *      a block, and within a block only between births at most a year apart (a person with no
 *      birth date is compared with the whole block).  "Nguyễn Văn Hùng" is one block of some
 *      thousands among a million persons, sorted by birth that is a window of some hundred.
 *   4. A pair's score adds evidence in bits (log2 of how much likelier the observation is for
 *      one person than for two, Fellegi–Sunter style) to the prior odds, which fall with the
 *      size of the block: in a block of thousands, name and birth year alone prove nothing.
 *      score = 50 + 2.5 * bits, clamped to 0..100: 50 is even odds, 75 is 1000 to 1.
   5. A name written without its middle name ("Nguyễn Hà" for "Nguyễn Thị Hà") is in another
 *      block; a second, small pass pairs each two-word name with the longer names of the same
 *      surname and given name, births at most a year apart, the prior taken over all of them.
 * A pair is proposed only when both records have a name with the same variant key, or one is
 * the other without its middle name: a CCCD cannot be shared in the store (it is unique), so a
 * CCCD alone never pairs two records. */
#ifndef HOIVIEN_DEDUPE_H
#define HOIVIEN_DEDUPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct err;
struct person;
struct store;

/* Why a pair is proposed (evidence for) and what speaks against it: bits of a mask. */
enum dedupe_reason {
	DEDUPE_R_CCCD = 1u << 0,	/* same CCCD (or CMND) */
	DEDUPE_R_NAME = 1u << 1,	/* the same full name, byte for byte */
	DEDUPE_R_NAME_FORM = 1u << 2,	/* same letters and tones, written differently: tone
					   position (Hòa/Hoà), case, spacing, NFC/NFD */
	DEDUPE_R_NAME_IY = 1u << 3,	/* i/y at a syllable's end (Lý/Lí, Mỹ/Mĩ) */
	DEDUPE_R_HOANG_HUYNH = 1u << 4,	/* surname Hoàng/Huỳnh */
	DEDUPE_R_VU_VO = 1u << 5,	/* surname Vũ/Võ */
	DEDUPE_R_NAME_NOMARKS = 1u << 6, /* one of the names is written without diacritics */
	DEDUPE_R_BIRTH_DATE = 1u << 7,	/* same date of birth */
	DEDUPE_R_BIRTH_MONTH = 1u << 8,	/* same month and year (one gives no day) */
	DEDUPE_R_BIRTH_YEAR = 1u << 9,	/* same year (one gives only the year) */
	DEDUPE_R_SEX = 1u << 10,
	DEDUPE_R_HOME = 1u << 11,	/* same home town (quê quán) */
	DEDUPE_R_COMMUNE = 1u << 12,	/* address in the same commune */
	DEDUPE_R_PHONE = 1u << 13,
	DEDUPE_R_NAME_MIDDLE = 1u << 14, /* one name leaves the middle name out ("Nguyễn Hà" for
					    "Nguyễn Thị Hà") */
	DEDUPE_R_BIRTH_SWAP = 1u << 15,	/* day and month of birth swapped (05/03 and 03/05) */
	/* against */
	DEDUPE_R_CCCD_DIFF = 1u << 16,	/* both have a CCCD, and they differ */
	DEDUPE_R_NAME_MARKS = 1u << 17,	/* same letters, different diacritics (Đoàn/Doãn) */
	DEDUPE_R_BIRTH_DIFF = 1u << 18,	/* different dates (or months) of birth */
	DEDUPE_R_BIRTH_NEAR = 1u << 19,	/* birth years one apart */
	DEDUPE_R_SEX_DIFF = 1u << 20,
	DEDUPE_R_HOME_DIFF = 1u << 21,
	DEDUPE_R_COMMUNE_DIFF = 1u << 22,
	DEDUPE_R_PHONE_DIFF = 1u << 23,
};
#define DEDUPE_R_AGAINST 0xFFFF0000u

/* The stable machine code of one reason bit ("cccd", "name_iy", "birth_year", …), or NULL. */
const char *dedupe_reason_code(unsigned bit);
/* Its short text for people ("same CCCD", "i/y variant (Lý/Lí, Mỹ/Mĩ)", …), translated. */
const char *dedupe_reason_text(unsigned bit);
/* Append the texts of every bit of reasons, evidence for first, joined by "; ". */
void dedupe_reasons_text(unsigned reasons, struct buf *out);
/* Append the codes of every bit of reasons, in bit order, joined by ",". */
void dedupe_reasons_codes(unsigned reasons, struct buf *out);

/* Report pairs scoring at least this by default. */
#define DEDUPE_MIN_SCORE 50
/* Keep at most this many pairs by default (the best ones): 24 bytes each. */
#define DEDUPE_MAX_PAIRS 500000

struct dedupe_pair {
	uint64_t a, b;		/* person ids, a < b */
	int score;		/* 0..100 */
	double bits;		/* the evidence behind the score: score = 50 + 2.5 * bits */
	unsigned reasons;	/* DEDUPE_R_* */
};

/* Two persons someone decided are not one (the "not a duplicate" memory): a < b. */
struct dedupe_id_pair {
	uint64_t a, b;
};
/* Put each pair's smaller id first and sort the array, as dedupe_opts.excluded wants it. */
void dedupe_exclusions_sort(struct dedupe_id_pair *p, size_t n);
/* The pairs decided not to be one person (store_notdup_add), sorted for dedupe_opts.excluded:
 * *out (free() it; NULL when there are none) gets *n of them.  Every search whose pairs a
 * person reviews passes them, so that a pair decided once is never proposed again. */
int dedupe_exclusions_load(struct store *s, struct dedupe_id_pair **out, size_t *n,
			   struct err *e);

struct dedupe_opts {
	int min_score;		/* 0: DEDUPE_MIN_SCORE; a negative value reports every pair scored */
	size_t max_pairs;	/* 0: DEDUPE_MAX_PAIRS */
	/* Pairs never to propose, as dedupe_exclusions_sort leaves them (may be NULL). */
	const struct dedupe_id_pair *excluded;
	size_t nexcluded;
};

struct dedupe_stats {
	uint64_t persons;	/* persons read that have a name */
	uint64_t blocks;	/* name keys shared by two persons or more */
	uint64_t largest;	/* persons under the most common name key */
	uint64_t compared;	/* pairs scored */
	uint64_t found;		/* pairs at min_score or above, exclusions left out */
	uint64_t excluded;	/* pairs at min_score or above skipped as excluded */
	uint64_t dropped;	/* pairs found but not reported, beyond max_pairs */
	size_t bytes;		/* the most the working arrays held at once */
};

/* Called once per pair, best first (descending score, then ids); returns 0 to go on, > 0 to
 * stop (returned by dedupe_find), < 0 for an error (returned too).  The pair is borrowed. */
typedef int (*dedupe_pair_fn)(const struct dedupe_pair *p, void *ctx);

/* Find candidate duplicate persons in the whole store.  fn is called after the scan, so it may
 * read the store.  st (may be NULL) gets the figures.  Returns 0, fn's value, or an error. */
int dedupe_find(struct store *s, const struct dedupe_opts *o, dedupe_pair_fn fn, void *ctx,
		struct dedupe_stats *st, struct err *e);

/* Score two given persons, whatever their names (for showing one pair, or comparing two
 * records someone picked).  The frequencies are those of a typical province rather than of
 * the store, and the block is taken as two persons, so the score can differ from
 * dedupe_find's for the same pair.  Returns true if the two names share a variant key or one
 * is the other without its middle name (the only pairs dedupe_find looks at); out gets the ids (smaller first), score and reasons. */
bool dedupe_compare(const struct person *a, const struct person *b, struct dedupe_pair *out);

/* One person with two active memberships in one organization (in two branches, or twice in
 * one): an error, whatever the names say. */
struct dedupe_branch_error {
	uint64_t person, org;
	uint64_t membership_a, unit_a;	/* the earlier membership (smaller id) */
	uint64_t membership_b, unit_b;	/* unit_b == unit_a: listed twice in one branch */
};
typedef int (*dedupe_branch_fn)(const struct dedupe_branch_error *x, void *ctx);
/* Every such case, by person then organization; with three memberships or more, each later
 * one is paired with the first.  fn returns as for dedupe_pair_fn.  Memory: 32 bytes per
 * active membership.  *count (may be NULL) gets how many were found. */
int dedupe_branch_errors(struct store *s, dedupe_branch_fn fn, void *ctx, uint64_t *count,
			 struct err *e);

#endif
