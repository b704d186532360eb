/* Vietnamese collation keys: build them (text, person names) and read their words back. */
#include "text/collate.h"

#include "text/name.h"
#include "text/utf8.h"
#include "text/vnletter.h"
#include "util/buf.h"

#include <stdbool.h>

enum {
	KEY_GROUP = 0x01,	/* ends a group of a name key */
	KEY_WORD = 0x02,	/* + tone: ends a word */
	KEY_DIGIT = 0x10,	/* + 0..9 */
	KEY_LETTER = 0x20,	/* + place in the 33-letter alphabet below */
	KEY_LAST_LETTER = 0x40,
	KEY_ESCAPE = 0x41,	/* + code point in 3 bytes */
};

/* Weight of each plain letter in the alphabet a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s
 * t u ư v w x y z; a modified letter comes right after its base (ơ two after o, â after ă). */
static const unsigned char plain_weight[26] = {
	0x20, 0x23, 0x24, 0x25, 0x27, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x30,	/* a..m */
	0x31, 0x32, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3C, 0x3D, 0x3E, 0x3F, 0x40,	/* n..z */
};

/* And back: what each weight folds to. */
static const char weight_fold[] = "aaabcddeefghijklmnooopqrstuuvwxyz";
_Static_assert(sizeof weight_fold == KEY_LAST_LETTER - KEY_LETTER + 2, "one letter per weight");

static unsigned char letter_weight(const struct vnl_char *c)
{
	unsigned char w = plain_weight[c->cp - 'a'];

	/* vnl_next only sets a modifier that fits the base (ă â ê ô ơ ư đ). */
	if (c->mod == VNL_MOD_NONE)
		return w;
	if ((c->mod == VNL_MOD_CIRC && c->cp == 'a') || (c->mod == VNL_MOD_HORN && c->cp == 'o'))
		return (unsigned char)(w + 2);
	return (unsigned char)(w + 1);
}

/* The keys of the words of s[0..n), each ended by its tone terminator.  A word should have one
 * tone mark; if it has more, the highest counts, so that the order of the marks never matters.
 * A word that folds to nothing (stray combining marks) gets no key, just as it leaves no word
 * in vn_fold's output. */
static void key_words(struct vnl_out *o, const char *s, size_t n)
{
	struct vnl_reader r;
	struct vnl_char c;
	bool in_word = false;
	unsigned char tone = VNL_TONE_NONE;

	vnl_reader_init(&r, s, n);
	while (vnl_next(&r, &c)) {
		if (vnl_is_space(c.cp)) {
			if (in_word)
				vnl_out_byte(o, (unsigned char)(KEY_WORD + tone));
			in_word = false;
			tone = VNL_TONE_NONE;
			continue;
		}
		if (c.tone > tone)
			tone = c.tone;
		if (c.cp >= 'a' && c.cp <= 'z') {
			vnl_out_byte(o, letter_weight(&c));
		} else if (c.cp >= '0' && c.cp <= '9') {
			vnl_out_byte(o, (unsigned char)(KEY_DIGIT + c.cp - '0'));
		} else if (c.cp != VNL_NO_BASE) {
			vnl_out_byte(o, KEY_ESCAPE);
			vnl_out_byte(o, (unsigned char)(c.cp >> 16));
			vnl_out_byte(o, (unsigned char)(c.cp >> 8));
			vnl_out_byte(o, (unsigned char)c.cp);
		} else {
			continue;
		}
		in_word = true;
	}
	if (in_word)
		vnl_out_byte(o, (unsigned char)(KEY_WORD + tone));
}

void vn_collkey(struct buf *out, const char *s, size_t n)
{
	struct vnl_out o;

	vnl_out_init(&o, out);
	key_words(&o, s, n);
	vnl_out_flush(&o);
}

void vn_name_collkey(struct buf *out, const char *name, size_t n)
{
	struct vn_name parts;
	struct vnl_out o;

	vn_name_split(name, n, &parts);
	vnl_out_init(&o, out);
	key_words(&o, parts.given, parts.given_len);
	vnl_out_byte(&o, KEY_GROUP);
	key_words(&o, parts.middle, parts.middle_len);
	vnl_out_byte(&o, KEY_GROUP);
	key_words(&o, parts.surname, parts.surname_len);
	vnl_out_byte(&o, KEY_GROUP);
	vnl_out_flush(&o);
}

int vn_collkey_fold(struct buf *out, const unsigned char *key, size_t n)
{
	size_t start = out->len;
	struct vnl_out o;
	bool in_word = false, any_word = false;

	vnl_out_init(&o, out);
	for (size_t i = 0; i < n; i++) {
		unsigned char b = key[i];
		if (b == KEY_GROUP) {
			if (in_word)
				goto bad;
			continue;
		}
		if (b >= KEY_WORD && b <= KEY_WORD + VNL_TONE_NANG) {
			if (!in_word)
				goto bad;	/* key_words never writes an empty word */
			in_word = false;
			continue;
		}
		if (!in_word && any_word)
			vnl_out_byte(&o, ' ');
		in_word = any_word = true;
		if (b >= KEY_DIGIT && b <= KEY_DIGIT + 9) {
			vnl_out_byte(&o, (unsigned char)('0' + b - KEY_DIGIT));
		} else if (b >= KEY_LETTER && b <= KEY_LAST_LETTER) {
			vnl_out_byte(&o, (unsigned char)weight_fold[b - KEY_LETTER]);
		} else if (b == KEY_ESCAPE && n - i > 3) {
			uint32_t cp = (uint32_t)key[i + 1] << 16 | (uint32_t)key[i + 2] << 8 | key[i + 3];
			if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
				goto bad;
			vnl_out_cp(&o, cp);
			i += 3;
		} else {
			goto bad;
		}
	}
	if (in_word)
		goto bad;
	vnl_out_flush(&o);
	return 0;
bad:
	vnl_out_flush(&o);
	out->len = start;
	if (out->p)
		out->p[start] = '\0';
	return -1;
}
