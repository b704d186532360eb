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

/* Whether a full name is a person's complete name, as the real-members report asks (test 2):
 * two words or more (a surname and a given name), each word a plausible name syllable
 * (Vietnamese, vn_syllable_valid, or of a minority language: Ksor, H'Hen, Êban, Bkrông), no
 * digits or symbols, no placeholder ("chưa rõ", "không tên", "N/A", "?"), and capitalised as a
 * name: each word's first letter a capital, the others small (a capital may follow an
 * apostrophe or hyphen: "H'Hen").  A checker caches its verdict on each word it has seen, since
 * a register of a million names has only some thousands of different words; it holds at most
 * a few MB.  c may be NULL (no cache). */
enum vn_name_problem {
	VN_NAME_OK,
	VN_NAME_EMPTY,
	VN_NAME_ONE_WORD,	/* "An", "Nguyễn" */
	VN_NAME_NO_GIVEN,	/* only a surname and Văn or Thị: "Lê Thị" */
	VN_NAME_PLACEHOLDER,	/* "Chưa Rõ", "Không Tên", "N/A", "?", "Unknown" */
	VN_NAME_DIGIT,		/* "Nguyễn Văn 123" */
	VN_NAME_SYMBOL,		/* punctuation or other signs: "Nguyễn (Văn) An" */
	VN_NAME_WORD,		/* a word no syllable spells: "Nguyeen", "Xyz" */
	VN_NAME_CASE,		/* "nguyễn văn an", "NGUYỄN Văn An", "Nguyễn VĂn An" */
	VN_NAME__COUNT
};
struct vn_name_checker;
struct vn_name_checker *vn_name_checker_new(void);
void vn_name_checker_free(struct vn_name_checker **c);
/* The first problem of name[0..n) (valid UTF-8, any Unicode form), or VN_NAME_OK.  A
 * placeholder anywhere in the name comes before the other problems. */
enum vn_name_problem vn_name_check(struct vn_name_checker *c, const char *name, size_t n);

#endif
