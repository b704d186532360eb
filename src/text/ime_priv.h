/* Private to the input-method engine (ime.c, ime_rules.c, ime_syl.c): the compiled rules and
 * the word being typed, as letters (base + modifier + case) and one tone for the syllable. */
#ifndef HOIVIEN_IME_PRIV_H
#define HOIVIEN_IME_PRIV_H

#include "text/ime.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { VN_IME_MAX_TONES = 16, VN_IME_MAX_MODS = 32, VN_IME_MAX_NAME = 15 };

/* "tone KEY TONE": the key gives the syllable that tone (VNL_TONE_NONE: takes it away). */
struct vn_ime_tone_rule {
	uint32_t key;		/* ASCII; letters lowercase, matched in either case */
	unsigned char tone;	/* enum vnl_tone */
};

/* "mod KEY LETTERS MARK": the key puts the mark on those letters of the word. */
struct vn_ime_mod_rule {
	uint32_t key;
	unsigned char len;	/* 1, or 2 for a pair that takes the mark together (uo -> ươ) */
	unsigned char base[2];	/* lowercase ASCII letters */
	unsigned char mod;	/* enum vnl_mod */
};

struct vn_ime {
	char name[VN_IME_MAX_NAME + 1];
	struct vn_ime_tone_rule tone[VN_IME_MAX_TONES];
	struct vn_ime_mod_rule mod[VN_IME_MAX_MODS];
	size_t ntone, nmod;
	uint32_t escape;	/* "escape KEY": the next key is typed as it is; 0 if none */
	bool after_letter;	/* "mark-keys after-letter": a key marks only the letter just
				 * before it (a tone: the vowel just before it), as in VIQR */
};

/* One character of the word: a letter (tone aside: the syllable has one) or anything else. */
struct vn_ime_char {
	uint32_t cp;		/* the character, when it is not a letter */
	unsigned char base;	/* lowercase ASCII letter ('d' for đ) */
	unsigned char mod;	/* enum vnl_mod */
	bool upper;
	bool letter;
	bool paired;		/* its mark came with a two-letter rule (the u of uo -> ươ) */
};

struct vn_ime_word {
	struct vn_ime_char c[VN_IME_RAW];	/* a key gives at most one character */
	size_t n;
	unsigned char tone;	/* enum vnl_tone, of the whole syllable */
	unsigned char ntoned;	/* letters that came with a tone of their own (from the text) */
	bool esc;		/* the last key was the escape key, waiting for the next */
	bool undone;		/* a letter key undid a mark ("ass" -> "as"): "Office" typed */
};

/* Where the parts of a word end: the onset is c[0..onset), the vowels c[onset..nucleus), the
 * rest the final consonants.  "qu" and "gi" before a vowel are onsets. */
enum vn_ime_onset {
	VN_IME_ONSET_VN,	/* one of Vietnamese's 27 onsets, or none */
	VN_IME_ONSET_OTHER,	/* other consonants: a minority name (Kpă, Mlô) */
	VN_IME_ONSET_BAD,	/* with f, w or z, or longer than three letters */
};

struct vn_ime_parts {
	size_t onset, nucleus;
	enum vn_ime_onset kind;
};

bool vn_ime_is_vowel(const struct vn_ime_char *c);
void vn_ime_parts(const struct vn_ime_word *w, struct vn_ime_parts *p);
/* The letters could still become a Vietnamese syllable by typing more letters and marks. */
bool vn_ime_syl_prefix(const struct vn_ime_word *w);
/* The letters are a whole syllable (or only consonants: an initial, an abbreviation). */
bool vn_ime_syl_complete(const struct vn_ime_word *w);
/* Which character carries the tone (-1 if no vowel); VN_IME_NEW_STYLE in flags. */
int vn_ime_tone_at(const struct vn_ime_word *w, unsigned flags);
/* The spelling the word shows: "uo" marked as a pair is ươ, except at the end of a syllable
 * after a consonant, where Vietnamese writes uơ (thuở, huơ). */
void vn_ime_resolve(struct vn_ime_word *w);

#endif
