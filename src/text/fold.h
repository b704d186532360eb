/* Search folding and case mapping for Vietnamese text.
 *
 * The fold is the accent- and case-insensitive search key: decompose, drop every combining mark,
 * map đ/Đ to d, lowercase.  "Nguyễn Thị Thúy" folds to "nguyen thi thuy".  Letters outside
 * Vietnamese are lowercased and lose their marks the same way ("Çelik" -> "celik"); letters
 * with no decomposition keep their shape ("Øre" -> "øre", "ß" stays).  Combining marks are the
 * nonspacing and enclosing ones (Mn, Me); Indic spacing vowel signs (Mc) are kept.  Input may
 * be NFC, NFD, "Unicode tổ hợp" or a mix; everything else (digits, punctuation, white space,
 * controls) is copied.
 * All functions take valid UTF-8 and append to out (a byte that is not valid folds to U+FFFD). */
#ifndef HOIVIEN_FOLD_H
#define HOIVIEN_FOLD_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

void vn_fold(struct buf *out, const char *s, size_t n);
/* Lowercase, keeping marks; output is NFC ("Nguyễn" -> "nguyễn").  Full Unicode case
 * mapping without language rules: "İ" -> "i̇", "ß" upper -> "SS". */
void vn_lower(struct buf *out, const char *s, size_t n);
/* Uppercase, keeping marks; output is NFC. */
void vn_upper(struct buf *out, const char *s, size_t n);
/* True if s has any diacritic or đ, i.e. folding would change more than case (so "Ø" has none).
 * A search query with marks is matched exactly, one without matches every accent. */
bool vn_has_marks(const char *s, size_t n);

#endif
