/* Search folding and case mapping for Vietnamese text.
 *
 * The fold is the accent- and case-insensitive search key: decompose, drop every combining mark,
 * map đ/Đ to d, lowercase.  "Nguyễn Thị Thúy" folds to "nguyen thi thuy".  Letters outside
 * Vietnamese are lowercased and lose their marks the same way ("Çelik" -> "celik").
 * All functions take valid UTF-8 and append to out. */
#ifndef HOIVIEN_FOLD_H
#define HOIVIEN_FOLD_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

void vn_fold(struct buf *out, const char *s, size_t n);
/* Lowercase, keeping marks; output is NFC ("Nguyễn" -> "nguyễn"). */
void vn_lower(struct buf *out, const char *s, size_t n);
/* Uppercase, keeping marks; output is NFC. */
void vn_upper(struct buf *out, const char *s, size_t n);
/* True if s has any diacritic or đ, i.e. folding would change more than case.
 * A search query with marks is matched exactly, one without matches every accent. */
bool vn_has_marks(const char *s, size_t n);

#endif
