/* Vietnamese personal names: cleaning, splitting into surname / middle / given. */
#ifndef HOIVIEN_NAME_H
#define HOIVIEN_NAME_H

#include <stddef.h>

struct buf;

/* Parts of a full name, as byte ranges into the name (not copies).  The surname is the first
 * word, or a known compound surname (Tôn Thất, Tôn Nữ, Âu Dương, Công Tằng Tôn Nữ …); the given
 * name is the last word; middle is what lies between (may be empty).  A one-word name is all
 * given name. */
struct vn_name {
	const char *surname;
	size_t surname_len;
	const char *middle;
	size_t middle_len;
	const char *given;
	size_t given_len;
};

/* Split a cleaned name (see vn_name_clean). */
void vn_name_split(const char *name, size_t n, struct vn_name *out);
/* Append the cleaned form of a name typed or imported: NFC, control characters and escape
 * sequences removed, whitespace collapsed to single spaces and trimmed, and a name written all
 * in capitals or all in lowercase turned into title case ("NGUYỄN VĂN AN" -> "Nguyễn Văn An").
 * Mixed-case names are kept as written.  Returns 0, or -1 if s is not valid UTF-8. */
int vn_name_clean(struct buf *out, const char *s, size_t n);

#endif
