/* Spelling variants of one Vietnamese name, for finding the same person registered twice.
 *
 * VIETNAMESE.md §6: one name is written many ways.  Some differences the fold already removes
 * (tone position Hòa/Hoà, case, spacing, NFC/NFD); these keys also remove three more:
 *   - y at the end of a syllable after a consonant (or after "qu") is i: Lý/Lí, Mỹ/Mĩ, Quý/Quí,
 *     Kỳ/Kì; "uy", "ay" and a lone "Y" are not touched (Huy is not Hui);
 *   - the surname Huỳnh is Hoàng, Võ is Vũ (one surname, two spellings, by region);
 * so that the variants of one name share a key.  The marks are what tells Đoàn from Doãn and
 * Hùng from Hưng, so there are two keys: the letters alone (for grouping candidates) and the
 * letters with their modifiers and each word's tone (to tell a variant from a different name). */
#ifndef HOIVIEN_NAMEVAR_H
#define HOIVIEN_NAMEVAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* How the first word was spelt when it is one of the two-spelling surnames (only a name of at
 * least two words has a surname). */
enum vn_surname_var { VN_SUR_OTHER, VN_SUR_HOANG, VN_SUR_HUYNH, VN_SUR_VU, VN_SUR_VO };

/* What the keys smoothed over, to say why two names with one key differ. */
struct vn_namevar {
	unsigned char surname;	/* enum vn_surname_var */
	unsigned char iy;	/* bit k: word k (k < 8) ended in a y that the keys read as i */
	bool marks;		/* the name has diacritics (or đ) at all */
	unsigned char words;	/* number of words (at most 255 counted) */
};

/* Append to letters the variant key without marks ("Huỳnh Thị Mỹ" -> "hoang thi mi", words
 * joined by one space) and to toned the same with each letter's modifier and each word's tone
 * (an opaque byte string: equal for "Huỳnh Thị Mỹ", "Hoàng thị Mĩ" and their NFD forms, not
 * for "Hoàng Thi Mỹ").  Either may be NULL.  The first 255 characters of a name are read.
 * s is valid UTF-8 of any Unicode form. */
void vn_name_varkey(const char *s, size_t n, struct buf *letters, struct buf *toned,
		    struct vn_namevar *v);

#endif
