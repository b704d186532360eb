/* Private to dedupe.c and dedupe_score.c: the compact record of a person and its scoring. */
#ifndef HOIVIEN_DEDUPE_PRIV_H
#define HOIVIEN_DEDUPE_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "util/buf.h"

struct person;

enum { DD_CCCD_NONE, DD_CCCD_12, DD_CCCD_9, DD_CCCD_OTHER };

/* A person as dedupe sees it: 56 bytes, no pointers.  Hashes are 0 when the field is empty. */
struct dd_rec {
	uint64_t id;
	uint64_t key;		/* block (the name's variant key, 48 bits) << 16 | exact (16 bits,
				   the name as stored) */
	uint64_t cccd : 40;	/* the number (12 digits fit), or a hash for DD_CCCD_OTHER */
	uint64_t cccd_kind : 2;
	uint64_t sex : 2;
	uint64_t surname : 3;	/* enum vn_surname_var */
	uint64_t marks : 1;	/* the name has diacritics */
	uint64_t iy : 8;	/* vn_namevar.iy */
	uint64_t w_phone : 8;	/* the weights of agreeing on this phone, home town, commune, */
	hv_date birth;
	uint32_t toned;		/* the name's toned variant key */
	uint32_t home;		/* home town: its first and last parts, level words dropped */
	uint32_t addr;		/* the commune of the address */
	uint32_t phone;
	uint8_t w_home, w_addr, w_joint;	/* and both, in 1/8 bit (dd_weigh) */
	uint8_t words;		/* words of the name, at most 255 */
	uint32_t key2;		/* surname and given name (the first and last word, with their
				   marks) of a name of two words or more: "Nguyễn Hà" and "Nguyễn
				   Thị Hà" share it (the middle-name pass) */
};

/* Whether a and b may be one name with its middle name left out of one of them. */
static inline bool dd_middle_pair(const struct dd_rec *a, const struct dd_rec *b)
{
	return a->key2 && a->key2 == b->key2 && a->words != b->words &&
	       (a->words == 2 || b->words == 2);
}

#define DD_BLOCK(r) ((r)->key >> 16)

/* Birth dates counted over the store, 1900..2100. */
#define DD_YEARS 201
struct dd_freq {
	uint64_t n_year, n_month, n_day;	/* persons with a birth at least that precise */
	uint32_t year[DD_YEARS];
	uint32_t month[DD_YEARS * 12];
	uint32_t day[DD_YEARS * 12 * 31];
};

/* Fill r from p (the weights are left 0); tmp[0] and tmp[1] are scratch.  Returns false if p has no name. */
bool dd_rec_make(struct dd_rec *r, const struct person *p, struct buf tmp[2]);
/* Count r's birth into f. */
void dd_freq_add(struct dd_freq *f, hv_date birth);
/* The weight (1/8 bit) of agreeing on a value that `count` of `total` persons have, for a field
 * that one person's two records agree on with chance m; `typical` is the share of the common
 * value in a typical province, which stands in when the store is small. */
uint8_t dd_weigh(uint64_t count, uint64_t total, double m, double typical);
/* The same weights with typical frequencies only (dedupe_compare). */
void dd_weigh_typical(struct dd_rec *r);
/* The typical shares of the weighed fields (what dd_weigh_typical uses). */
#define DD_TYPICAL_HOME (1.0 / 40)
#define DD_TYPICAL_ADDR (1.0 / 30)
#define DD_TYPICAL_JOINT (1.0 / 60)
#define DD_TYPICAL_PHONE (1.0 / 5000)
#define DD_M_HOME 0.85
#define DD_M_ADDR 0.9
#define DD_M_JOINT 0.8
#define DD_M_PHONE 0.6

/* The evidence, in bits, that a and b (same block, or a dd_middle_pair) are one person, the prior of a block of
 * `block` persons included; *reasons gets the DEDUPE_R_* mask.  f may be NULL (typical
 * frequencies). */
double dd_score(const struct dd_rec *a, const struct dd_rec *b, const struct dd_freq *f,
		uint64_t block, unsigned *reasons);
/* 50 + 2.5 * bits, rounded and clamped to 0..100. */
int dd_score_of_bits(double bits);

#endif
