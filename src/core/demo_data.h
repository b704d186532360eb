/* Generated, realistic Vietnamese member data for the demo store, the tests and the benchmarks.
 *
 * Everything is deterministic: the same seed for the caller's struct rng and the same options
 * give the same people on every machine.  Names follow real frequencies (VIETNAMESE.md §6):
 * Kinh surnames by region (Huỳnh and Võ mostly in the centre and south), middle and given names
 * by sex and birth cohort (Thị and Văn dominant for older people), two-syllable given names and
 * names without a middle name now and then, and ethnic-minority names in their own patterns
 * (Lò Văn Páo, Giàng A Dế, Y Bhim Niê, Ksor H'Nhi, A Thút, Thạch Sô Phal …).  Ethnicity,
 * religion, education, qualification, political theory, party membership, occupation and
 * workplace are drawn together so that they fit each other, the person's age and the region.
 *
 * Usage:
 *	struct demo_gen *g = demo_gen_new();
 *	struct rng r;
 *	rng_seed(&r, 2026);
 *	struct demo_opts o = { .today = 20260315, .age_min = 16, .age_max = 80,
 *			       .region = DEMO_NORTH, .province = 37 };
 *	struct person p;
 *	int prov;
 *	demo_person(g, &r, &o, &p, &prov);	// then cccd_make(…, prov, p.sex, …), ids, store
 *	rec_clear(&REC_DEF_PERSON, &p);
 *	demo_gen_free(&g);
 *
 * All strings are UTF-8 NFC without control characters; ethnicities and religions are
 * canonical items of VOCAB_ETHNICITY and VOCAB_RELIGION, education, qualification and theory
 * of VOCAB_EDUCATION, VOCAB_QUALIFICATION and VOCAB_THEORY. */
#ifndef HOIVIEN_DEMO_DATA_H
#define HOIVIEN_DEMO_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

struct person;
struct rng;

enum demo_region {
	DEMO_NORTH = 0,		/* Bắc Bộ: Hà Nội … Ninh Bình, the northern mountains */
	DEMO_CENTRAL = 1,	/* Trung Bộ and Tây Nguyên: Thanh Hóa … Lâm Đồng */
	DEMO_SOUTH = 2,		/* Nam Bộ: Bình Phước … Cà Mau */
};
#define DEMO_REGIONS 3

/* What kind of place a unit is; picks the style of its commune and branch names. */
enum demo_place {
	DEMO_RURAL = 0,		/* Xã Yên Thịnh, Thôn Đông, Ấp Chợ */
	DEMO_ETHNIC = 1,	/* ethnic-minority area: Xã Mường Phăng, Bản Nà Phặc, Buôn Ko Tam */
	DEMO_URBAN = 2,		/* Phường Đông Thành, Tổ dân phố 5 */
};

/* Out-of-range values are tolerated: a today that is not a full date in 1950..2100 reads as
 * 1 July 2026, ages are clamped to 0..110 (and to births from 1900), age_max < age_min reads as
 * age_min, an unknown region as DEMO_NORTH, a province of another region as 0. */
struct demo_opts {
	hv_date today;		/* ages are counted to this full date (yyyymmdd) */
	int age_min, age_max;	/* inclusive age range on today; 0 and 0 mean 16 to 80 */
	int sex;		/* 0 any, SEX_MALE or SEX_FEMALE (enum sex of core/record.h) */
	enum demo_region region;
	bool ethnic_area;	/* the unit is tagged AREA_ETHNIC: most people are of minorities */
	int province;		/* CCCD code (1..96) of the area, 0 = a province of the region */
	const char *commune;	/* "Xã An Bình": named in addresses and workplaces; NULL = any */
	const char *branch;	/* "Thôn Đông": the village of the address; NULL = any */
};

/* The precomputed pick tables: built once, read-only afterwards (one may serve many threads,
 * each with its own rng).  Never NULL; exits only when out of memory. */
struct demo_gen;
struct demo_gen *demo_gen_new(void);
/* Free *g and set it to NULL; accepts NULL. */
void demo_gen_free(struct demo_gen **g);

/* Fill *out (overwritten whole: free its strings first) with a generated person: every string
 * field it sets is a fresh xstrdup the caller frees (rec_clear does); fields left empty are
 * NULL.  cccd stays NULL and out->m stays zero: the caller makes the CCCD and the ids.
 * *province (may be NULL) gets the CCCD code of the province where the birth was registered,
 * consistent with home_town: usually o->province, sometimes another one.  Draws from r only,
 * so the same rng state and options give the same person. */
void demo_person(const struct demo_gen *g, struct rng *r, const struct demo_opts *o,
		 struct person *out, int *province);

/* Longest full name demo_full_name writes, with its NUL. */
#define DEMO_NAME_MAX 128

/* Write into out (size bytes; DEMO_NAME_MAX always suffices) a full name as people of
 * ethnicity (an item of VOCAB_ETHNICITY; NULL or unknown ones write as Kinh) write theirs, for
 * sex (SEX_MALE, else female), born in birth_year (the cohort picks Thị/Văn and given names),
 * in region rg.  Returns its length. */
size_t demo_full_name(const struct demo_gen *g, struct rng *r, const char *ethnicity, int sex,
		      int birth_year, enum demo_region rg, char *out, size_t size);
/* A religion (an item of VOCAB_RELIGION) for someone of ethnicity living in region rg. */
const char *demo_religion(const struct demo_gen *g, struct rng *r, const char *ethnicity,
			 enum demo_region rg);

/* ---- The raw tables, for the generator and for tests that need realistic names ---- */

/* One entry of a weighted table.  w holds three weights along the table's axis:
 * DEMO_BY_REGION: north, central, south;  DEMO_BY_COHORT: born before 1960, 1960–1989, from
 * 1990;  DEMO_BY_AGE: aged under 23, 23 to 59, 60 and over.  Weights are relative within one
 * column (a surname's weight is its share in units of 0.01%). */
struct demo_name {
	const char *s;
	uint16_t w[3];
};

enum demo_axis { DEMO_BY_REGION, DEMO_BY_COHORT, DEMO_BY_AGE };

enum demo_table {
	DEMO_T_SURNAME,		/* Kinh surnames: Nguyễn 38%, Trần 11%, … and a long tail */
	DEMO_T_MIDDLE_M,	/* middle names of men; the first entry is Văn */
	DEMO_T_MIDDLE_F,	/* middle names of women; the first entry is Thị */
	DEMO_T_GIVEN_M,		/* one-syllable given names of men */
	DEMO_T_GIVEN_F,
	DEMO_T_GIVEN2_M,	/* two-syllable given names ("Gia Huy", "Thu Hà") */
	DEMO_T_GIVEN2_F,
	DEMO_T_HOA_SURNAME,
	DEMO_T_TAI_SURNAME,	/* Tày, Nùng, Thái, Giáy, Lào, Khơ Mú … */
	DEMO_T_TAI_GIVEN_M,
	DEMO_T_TAI_GIVEN_F,
	DEMO_T_MUONG_SURNAME,
	DEMO_T_HMONG_SURNAME,
	DEMO_T_HMONG_GIVEN_M,
	DEMO_T_HMONG_GIVEN_F,
	DEMO_T_DAO_SURNAME,	/* Dao and the Tibeto-Burman groups of the far north */
	DEMO_T_DAO_GIVEN_M,
	DEMO_T_DAO_GIVEN_F,
	DEMO_T_EDE_SURNAME,	/* Ê Đê and Mnông: Y Bhim Niê, H'Nhi Mlô */
	DEMO_T_JRAI_SURNAME,	/* Gia Rai: Ksor H'Nhi, Rơ Châm Pơ Loan */
	DEMO_T_HIGHLAND_GIVEN_M,
	DEMO_T_HIGHLAND_GIVEN_F,
	DEMO_T_CENTRAL_SURNAME,	/* Cơ Tu, Tà Ôi, Bru-Vân Kiều, Hrê, Co, Chứt */
	DEMO_T_RAGLAI_SURNAME,
	DEMO_T_KOHO_SURNAME,	/* Cơ Ho, Mạ, Chu Ru clans: Liêng Hót K'Brơi */
	DEMO_T_KHMER_SURNAME,
	DEMO_T_KHMER_GIVEN_M,
	DEMO_T_KHMER_GIVEN_F,
	DEMO_T_CHAM_SURNAME,
	DEMO_T_ETHNIC_MINORITY,	/* minorities by region (Kinh is not in it) */
	DEMO_T_RELIGION,	/* religions of Kinh people by region, "Không" included */
	DEMO_T_OCCUPATION_M,	/* by age */
	DEMO_T_OCCUPATION_F,
	DEMO_T_PHONE_PREFIX,	/* the three leading digits of mobile numbers */
	DEMO_T__COUNT
};

/* The index of an entry of table t drawn by the weights of column col (0..2); 0 for a table or
 * column that does not exist. */
size_t demo_pick(const struct demo_gen *g, struct rng *r, enum demo_table t, int col);
/* The entries of table t into *out; returns their number. */
size_t demo_table(enum demo_table t, const struct demo_name **out);
enum demo_axis demo_table_axis(enum demo_table t);
/* Shorthands for the name tables: sex is SEX_MALE or SEX_FEMALE (anything else: female). */
size_t demo_surnames(const struct demo_name **out);
size_t demo_middle_names(int sex, const struct demo_name **out);
size_t demo_given_names(int sex, const struct demo_name **out);

/* ---- Places ---- */

struct demo_province {
	int code;		/* CCCD code, 1..96 (the 63 provinces before the 2025 mergers) */
	const char *name;	/* "Ninh Bình", "Hồ Chí Minh" */
	const char *level;	/* "Tỉnh" or "Thành phố" */
	enum demo_region region;
};

size_t demo_provinces(const struct demo_province **out);
/* The province with CCCD code, or NULL. */
const struct demo_province *demo_province(int code);

/* Names for a demo unit tree; i is taken modulo the count, so every i gives a name, and
 * i < count gives distinct names.  All: at least 60 communes, 40 branches. */
const char *demo_commune_name(unsigned i);
size_t demo_commune_count(void);
const char *demo_branch_name(unsigned i);
size_t demo_branch_count(void);
/* The same, restricted to one region and kind of place (each has at least 5 names). */
const char *demo_commune_in(enum demo_region rg, enum demo_place kind, unsigned i);
size_t demo_commune_count_in(enum demo_region rg, enum demo_place kind);
const char *demo_branch_in(enum demo_region rg, enum demo_place kind, unsigned i);
size_t demo_branch_count_in(enum demo_region rg, enum demo_place kind);

#endif
