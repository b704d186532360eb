/* Variant keys of Vietnamese names (i/y, Hoàng/Huỳnh, Vũ/Võ on top of the fold), for dedupe. */
#include "text/namevar.h"

#include "text/vnletter.h"
#include "util/buf.h"

#include <string.h>

/* A name longer than this many characters is keyed on its start: no real name comes near. */
#define MAX_CHARS 255

struct word {
	unsigned short start, len;
	unsigned char tone;
};

static bool is_consonant(uint32_t cp)
{
	return cp >= 'a' && cp <= 'z' && !strchr("aeiouy", (int)cp);
}

/* Does the word spell t (ASCII, lowercase) without any modifier? */
static bool word_is(const uint32_t *cp, const unsigned char *mod, const struct word *w,
		    const char *t)
{
	size_t n = strlen(t);
	if (w->len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (cp[w->start + i] != (unsigned char)t[i] || mod[w->start + i] != VNL_MOD_NONE)
			return false;
	return true;
}

/* Replace the letters of a surname spelling by the canonical one (of the same length). */
static void set_word(uint32_t *cp, const struct word *w, const char *t)
{
	for (size_t i = 0; i < w->len; i++)
		cp[w->start + i] = (unsigned char)t[i];
}

static void put_cp(struct buf *b, uint32_t cp)
{
	char u[4];
	if (cp < 0x80) {
		buf_addc(b, (char)cp);
		return;
	}
	buf_add(b, u, (size_t)utf8_encode(cp, u));
}

void vn_name_varkey(const char *s, size_t n, struct buf *letters, struct buf *toned,
		    struct vn_namevar *v)
{
	uint32_t cp[MAX_CHARS];
	unsigned char mod[MAX_CHARS];
	struct word w[MAX_CHARS];	/* a word has a character at least */
	size_t nc = 0, nw = 0;
	bool in_word = false;
	struct vnl_reader r;
	struct vnl_char c;

	memset(v, 0, sizeof *v);
	vnl_reader_init(&r, s, n);
	while (nc < MAX_CHARS && vnl_next(&r, &c)) {
		if (c.cp == VNL_NO_BASE)
			continue;
		v->marks |= c.marked;
		if (vnl_is_space(c.cp)) {
			in_word = false;
			continue;
		}
		if (!in_word) {
			w[nw++] = (struct word){ .start = (unsigned short)nc };
			in_word = true;
		}
		struct word *cur = &w[nw - 1];
		if (c.tone > cur->tone)
			cur->tone = c.tone;
		cur->len++;
		cp[nc] = c.cp;
		mod[nc++] = c.mod;
	}
	v->words = nw > 255 ? 255 : (unsigned char)nw;

	for (size_t k = 0; k < nw; k++) {
		const struct word *x = &w[k];
		if (k == 0 && nw >= 2) {
			/* Huỳnh/Hoàng and Võ/Vũ carry the same tone, so only the letters change. */
			if (word_is(cp, mod, x, "hoang")) {
				v->surname = VN_SUR_HOANG;
				continue;
			}
			if (word_is(cp, mod, x, "huynh")) {
				v->surname = VN_SUR_HUYNH;
				set_word(cp, x, "hoang");
				continue;
			}
			if (word_is(cp, mod, x, "vu")) {
				v->surname = VN_SUR_VU;
				continue;
			}
			if (word_is(cp, mod, x, "vo")) {
				v->surname = VN_SUR_VO;
				set_word(cp, x, "vu");
				continue;
			}
		}
		size_t last = x->start + x->len - 1u;
		if (x->len >= 2 && cp[last] == 'y' && mod[last] == VNL_MOD_NONE &&
		    (is_consonant(cp[last - 1]) ||
		     (x->len >= 3 && cp[last - 1] == 'u' && mod[last - 1] == VNL_MOD_NONE &&
		      cp[last - 2] == 'q'))) {
			cp[last] = 'i';
			if (k < 8)
				v->iy |= (unsigned char)(1u << k);
		}
	}

	for (size_t k = 0; k < nw; k++) {
		const struct word *x = &w[k];
		if (letters && k)
			buf_addc(letters, ' ');
		for (size_t i = x->start; i < (size_t)x->start + x->len; i++) {
			if (letters)
				put_cp(letters, cp[i]);
			if (toned) {
				put_cp(toned, cp[i]);
				if (mod[i] != VNL_MOD_NONE)
					buf_addc(toned, (char)(0x01 + mod[i]));
			}
		}
		/* The tone ends the word, wherever its mark sat (Hòa and Hoà are one key). */
		if (toned)
			buf_addc(toned, (char)(0x10 + x->tone));
	}
}
