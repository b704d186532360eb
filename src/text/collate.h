/* Vietnamese collation keys: byte strings that memcmp() into Vietnamese dictionary order.
 *
 * Order (VIETNAMESE.md §5): letters first in the alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q
 * r s t u ư v x y (f j w z slot in where English has them); case is ignored; each word (syllable)
 * is compared letters first, then its tone (none < huyền < hỏi < ngã < sắc < nặng), before the next
 * word is looked at.  glibc's vi_VN collation gets this wrong; these keys do not.
 *
 * Key layout, per word in order:
 *   one weight byte per letter or digit (0x10..0x19 digits, 0x20..0x40 letters, see collate.c),
 *   a character outside that set as 0x41 followed by its code point in 3 bytes big-endian
 *     (after removing marks the fold would remove, so decoding gives exactly the fold),
 *   then one terminator byte 0x02 + tone (0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng).
 * Words are split on whitespace.  A name key (vn_name_collkey) is three groups in official list
 * order, given name, middle names, surname, each group ended by 0x01 (an empty group is just 0x01).
 * So: a terminator (0x02..0x07) ends a word; 0x01 ends a group; bytes >= 0x10 are letters.
 * (The 3 bytes after 0x41 may take any value, so a reader must skip them as a unit.)
 *
 * Details: letters are weighed after folding case and marks, so "Ç" weighs as c and "Ø" is
 * escaped as ø; a word's tone is its tone mark wherever it sits ("Hòa" and "Hoà" have one
 * key; should a word carry two, the later in the tone order counts); a word made only of combining marks gets no key at all, just as it leaves no
 * word in vn_fold's output.  Compare keys with memcmp over the shorter length, then the
 * shorter key first.  Digits compare one by one, not as numbers ("10" < "9"). */
#ifndef HOIVIEN_COLLATE_H
#define HOIVIEN_COLLATE_H

#include <stddef.h>

struct buf;

/* Append the collation key of the valid UTF-8 s[0..n). */
void vn_collkey(struct buf *out, const char *s, size_t n);
/* Append the collation key of a person's full name in official list order
 * (given name, then middle names, then surname; see name.h for the split). */
void vn_name_collkey(struct buf *out, const char *name, size_t n);
/* Append the folded words of a key (as vn_fold would give them, joined by single spaces, in key
 * order: for a name key given name, middle names, surname) so an index scan can match a query
 * without reading the record.  Returns 0, or -1 if key is malformed (a byte outside the layout,
 * a cut-off escape or word, an empty word, an escaped value that is not a code point); out is
 * then unchanged. */
int vn_collkey_fold(struct buf *out, const unsigned char *key, size_t n);

#endif
