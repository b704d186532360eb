/* Vietnamese letters in ASCII, for terminals that cannot show them. */
#ifndef HOIVIEN_TRANSLIT_H
#define HOIVIEN_TRANSLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The ASCII form of cp when it is a Vietnamese letter with a mark: its VIQR mnemonic when viqr
 * ("ễ" -> "e^~", "Đ" -> "DD", "ư" -> "u+"), else the letter without marks ("ễ" -> "e",
 * "Đ" -> "D"), written to out (room for 4, NUL-terminated).  Returns the length, or 0 when cp
 * is not a marked Vietnamese letter (ASCII letters included). */
size_t vn_translit_letter(uint32_t cp, bool viqr, char out[4]);
/* An ASCII stand-in for a few symbols the program draws (│ ─ … — – “ ” ‘ ’ • ▲ ▼ → ←), or NULL. */
const char *vn_translit_symbol(uint32_t cp);

#endif
