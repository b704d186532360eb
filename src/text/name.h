/* Vietnamese personal names: cleaning, splitting into surname / middle / given. */
#ifndef HOIVIEN_NAME_H
#define HOIVIEN_NAME_H

#include <stddef.h>

struct buf;

/* Parts of a full name, as byte ranges into the name (not copies).  The surname is the first
 * word, or a known compound surname (Tôn Thất, Tôn Nữ, Âu Dương, Công Tằng Tôn Nữ …); the given
 * name is the last word; middle is what lies between (may be empty).  A one-word name is all
 * given name.  An empty part has length 0 and a pointer that is still inside (or at) name.
 *
 * A compound surname is recognised only when a word is left for the given name ("Nguyễn
 * Phúc" is surname Nguyễn, given name Phúc) and regardless of case; a word typed without marks
 * matches on its fold ("Ton That"), a word with marks must carry the compound's marks, so that
 * "Hoàng Phú Cường" stays surname Hoàng, middle name Phú. */
struct vn_name {
	const char *surname;
	size_t surname_len;
	const char *middle;
	size_t middle_len;
	const char *given;
	size_t given_len;
};

/* Split a name on white space; cleaned (see vn_name_clean) or not, any Unicode form. */
void vn_name_split(const char *name, size_t n, struct vn_name *out);
/* Append the cleaned form of a name typed or imported: NFC, control characters and escape
 * sequences removed, whitespace collapsed to single spaces and trimmed (vn_sanitize with
 * SAN_ONELINE | SAN_SQUEEZE), and a name written all in capitals or all in lowercase turned
 * into title case ("NGUYỄN VĂN AN" -> "Nguyễn Văn An"): a letter after anything but a letter
 * or digit (space, hyphen, apostrophe, bracket) becomes a capital ("H'MÔNG" -> "H'Mông"),
 * every other letter small.
 * Mixed-case names are kept as written.  Returns 0, or -1 if s is not valid UTF-8 (out is
 * then unchanged). */
int vn_name_clean(struct buf *out, const char *s, size_t n);

#endif
