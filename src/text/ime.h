/* Typing Vietnamese without an input method on the machine: Telex, VNI and VIQR.
 *
 * A method's rules live in a data file (keymaps/telex.ime, vni.ime, viqr.ime; format in
 * hoivien-ime(5)); vn_ime_parse compiles one.  The engine is a pure function of its inputs: the
 * text of a field, the cursor, the key typed and a small state the caller keeps per field (the
 * keys typed for the word at the cursor); it returns the new text and cursor.  No globals, no
 * terminal, no allocation of its own outside vn_ime_parse (the text buffer grows, of course).
 *
 * A key is a modifier (tone, â ă ê ô ơ ư đ) only while the word stays a Vietnamese syllable or
 * the start of one; otherwise it is typed as it is.  The word is recomputed from its keys at
 * every key, so a tone moves to the right vowel as the word grows ("hoaf" hòa, "hoafn" hoàn),
 * and pressing a modifier again undoes it and types the key ("aaa" aa, "ass" as). */
#ifndef HOIVIEN_IME_H
#define HOIVIEN_IME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct err;
struct vn_ime;

/* Compile the rules text[0..n) (the file at path, for messages).  Every bad line is reported,
 * all together, as "path:line: problem" lines in e->msg (as many whole lines as fit, then a
 * count of the others); NULL then. */
struct vn_ime *vn_ime_parse(const char *text, size_t n, const char *path, struct err *e);
/* The same, with every problem appended to errs (may be NULL), one "path:line: problem\n" each,
 * however many there are. */
struct vn_ime *vn_ime_compile(const char *text, size_t n, const char *path, struct buf *errs);
void vn_ime_free(struct vn_ime **m);
/* What the status line shows: "TELEX", "VNI", "VIQR" (the file's own name for itself). */
const char *vn_ime_name(const struct vn_ime *m);

/* The keys typed for the word before the cursor; all zero is a fresh start (the next key takes
 * up the word before the cursor as the text has it). */
#define VN_IME_RAW 48
struct vn_ime_state {
	char raw[VN_IME_RAW];	/* UTF-8, NUL-terminated: raw[0..nlit) is the word's text as it
				 * stood when the engine took it up (after a reset or a backspace),
				 * taken letter for letter; raw[nlit..nraw) the keys typed since */
	size_t nraw;
	size_t word_at;		/* where that word starts in the text */
	bool valid;		/* raw describes the word that ends at the cursor */
	size_t nlit;
	unsigned flags;		/* of the last key, for vn_ime_backspace */
};

enum {
	VN_IME_NEW_STYLE = 1 << 0,	/* tone on the second vowel of oa, oe, uy (hoà, thuý) */
};

/* Type key (a Unicode character) at byte offset *at of the UTF-8 text (NFC).  text and *at are
 * updated: a modifier key changes the word before the cursor, any other key is inserted (a
 * control character is not: it only ends the word).  A space, a punctuation mark or a digit
 * that ends a word restores the keys as typed when the word is not valid Vietnamese ("windows"
 * stays "windows", "text" does not become "tẽt").  The state is checked against the text
 * first: if the text before the cursor is not what the state describes, the word there is
 * taken up as it stands.  A cursor between a letter and its combining marks counts as after
 * them. */
void vn_ime_key(const struct vn_ime *m, unsigned flags, struct vn_ime_state *st,
		struct buf *text, size_t *at, uint32_t key);
/* Delete the letter before *at with all its marks (never leaving a combining mark behind); the
 * state follows, so that typing on continues the word. */
void vn_ime_backspace(struct vn_ime_state *st, struct buf *text, size_t *at);
/* The word before the cursor is finished without a space or punctuation mark (the cursor is
 * about to move, the field is left or saved): restore its keys if it is not valid Vietnamese,
 * as a space would, and start afresh. */
void vn_ime_end_word(const struct vn_ime *m, unsigned flags, struct vn_ime_state *st,
		     struct buf *text, size_t *at);
/* The cursor moved or the text changed under the engine: forget the keys (the next key works on
 * the text as it stands). */
void vn_ime_reset(struct vn_ime_state *st);

/* Type every key of keys (UTF-8) at the end of out, as a person would; U+0008 and U+007F are
 * the backspace key. */
void vn_ime_type(const struct vn_ime *m, unsigned flags, const char *keys, struct buf *out);

#endif
