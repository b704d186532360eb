/* The input-method engine: a key typed into a field becomes a letter, a mark on the word before
 * the cursor, or the end of that word.
 *
 * The state keeps the keys typed for the current word, and every key recomputes the word from
 * all of them (compose) and rewrites it in the text (render).  Nothing depends on what was shown
 * before, so a tone moves as the word grows, undoing is one more key, and a word that turns out
 * not to be Vietnamese can be given back exactly as typed.  Before each key the state is checked
 * against the text; when the caller changed the text or moved the cursor, the word before the
 * cursor is taken up from the text, letter for letter, and typing goes on from there.
 *
 * A key is tried, in this order, as the escape key, a tone key and a mark key of the method; it
 * is a modifier only if the word stays a Vietnamese syllable or the start of one (ime_syl.c), or
 * if it undoes what the same key did.  Otherwise a letter joins the word as it is, and anything
 * else ends the word: a word that is not a whole syllable then gets its keys back if the method
 * changed it (finish). */
#include "text/ime.h"
#include "text/ime_priv.h"

#include "text/utf8.h"
#include "text/vnletter.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>

/* How compose took the last key. */
enum took {
	TOOK_NOT,	/* (try_tone, try_mod: not a modifier here) */
	TOOK_LETTER,	/* a letter, as it is */
	TOOK_RULE,	/* a modifier: tone or mark */
	TOOK_UNDO,	/* undid what the same key did, and joined the word as it is */
	TOOK_LITERAL,	/* not a letter, and no modifier here */
	TOOK_ESCAPE,	/* the escape key, waiting */
	TOOK_ESCAPED,	/* the key after the escape key, as it is */
};

/* A rendered word: each key gives at most one character, plus a waiting escape key. */
#define OUT_MAX (4 * VN_IME_RAW + 4)

static uint32_t fold_key(uint32_t cp)
{
	return cp >= 'A' && cp <= 'Z' ? cp | 0x20 : cp;
}

static bool is_mark(uint32_t cp)
{
	return cp >= 0x300 &&
	       uc_is_general_category_withtable(cp, UC_CATEGORY_MASK_Mn | UC_CATEGORY_MASK_Mc | UC_CATEGORY_MASK_Me);
}

static bool is_letter(uint32_t cp)
{
	struct vnl_letter l;
	return vnl_split(cp, &l);
}

/* ---- the word from its keys ---- */

static void add_char(struct vn_ime_word *w, uint32_t cp)
{
	struct vn_ime_char *c = &w->c[w->n++];
	struct vnl_letter l;
	memset(c, 0, sizeof *c);
	if (vnl_split(cp, &l)) {
		c->letter = true;
		c->base = l.base;
		c->mod = l.mod;
		c->upper = l.upper;
		if (l.tone) {
			w->tone = l.tone;
			w->ntoned++;
		}
	} else {
		c->cp = cp;
	}
}

static bool has_vowel(const struct vn_ime_word *w)
{
	for (size_t i = 0; i < w->n; i++)
		if (vn_ime_is_vowel(&w->c[i]))
			return true;
	return false;
}

static const struct vn_ime_tone_rule *tone_rule(const struct vn_ime *m, uint32_t k)
{
	for (size_t i = 0; i < m->ntone; i++)
		if (m->tone[i].key == k)
			return &m->tone[i];
	return NULL;
}

static bool mod_key(const struct vn_ime *m, uint32_t k)
{
	for (size_t i = 0; i < m->nmod; i++)
		if (m->mod[i].key == k)
			return true;
	return false;
}

static bool rule_key(const struct vn_ime *m, uint32_t key)
{
	uint32_t k = fold_key(key);
	return (m->escape && k == m->escape) || tone_rule(m, k) || mod_key(m, k);
}

static enum took try_tone(const struct vn_ime *m, unsigned flags, const struct vn_ime_tone_rule *r,
			 struct vn_ime_word *w, uint32_t key)
{
	if (!has_vowel(w))
		return TOOK_NOT;
	/* mark-keys after-letter (VIQR): right after a vowel, and after the one with the tone to
	 * change or undo it, so that "OK." and "Hà Nội." keep their full stops. */
	if (m->after_letter &&
	    (!vn_ime_is_vowel(&w->c[w->n - 1]) ||
	     (w->tone && vn_ime_tone_at(w, flags) != (int)w->n - 1)))
		return TOOK_NOT;
	if (r->tone == VNL_TONE_NONE) {
		if (w->tone == VNL_TONE_NONE)
			return TOOK_NOT;
		w->tone = VNL_TONE_NONE;
		return TOOK_RULE;
	}
	if (w->tone == r->tone) {	/* "ass" -> "as" */
		w->tone = VNL_TONE_NONE;
		w->undone = w->undone || is_letter(key);
		add_char(w, key);
		return TOOK_UNDO;
	}
	struct vn_ime_word x = *w;
	x.tone = r->tone;
	if (!vn_ime_syl_prefix(&x))
		return TOOK_NOT;
	*w = x;
	return TOOK_RULE;
}

/* Whether rule r can mark w->c[pos..pos+len): the right letters, vowels among the vowels of the
 * syllable (not the u of qu), a consonant at the start of the word (the d of đ). */
static bool rule_fits(const struct vn_ime_word *w, const struct vn_ime_parts *p, const struct vn_ime_mod_rule *r,
		      size_t pos)
{
	for (size_t i = 0; i < r->len; i++) {
		const struct vn_ime_char *c = &w->c[pos + i];
		if (!c->letter || c->base != r->base[i])
			return false;
	}
	if (vn_ime_is_vowel(&w->c[pos]))
		return pos >= p->onset && pos + r->len <= p->nucleus;
	return pos == 0;
}

/* The key k (as typed: key) as a mark.  Candidates: pairs before single letters (uo before o),
 * then from the last letter back (oa + w is oă), then in the order of the rules; the first that
 * undoes or gives a syllable wins (ua + w: uă is none, ưa is). */
static enum took try_mod(const struct vn_ime *m, struct vn_ime_word *w, uint32_t k, uint32_t key)
{
	struct vn_ime_parts p;
	vn_ime_parts(w, &p);
	for (size_t len = 2; len >= 1; len--) {
		for (size_t pos = w->n + 1 > len ? w->n + 1 - len : 0; pos-- > 0;) {
			for (size_t i = 0; i < m->nmod; i++) {
				const struct vn_ime_mod_rule *r = &m->mod[i];
				if (r->key != k || r->len != len || !rule_fits(w, &p, r, pos) ||
				    (m->after_letter && pos + len != w->n))
					continue;
				bool all = true;
				for (size_t j = 0; j < len; j++)
					all = all && w->c[pos + j].mod == r->mod;
				if (all) {	/* "aaa" -> "aa", "ddd" -> "dd" */
					for (size_t j = 0; j < len; j++) {
						w->c[pos + j].mod = VNL_MOD_NONE;
						w->c[pos + j].paired = false;
					}
					w->undone = w->undone || is_letter(key);
					add_char(w, key);
					return TOOK_UNDO;
				}
				struct vn_ime_word x = *w;
				for (size_t j = 0; j < len; j++) {
					struct vn_ime_char *c = &x.c[pos + j];
					if (c->mod != r->mod) {
						c->mod = r->mod;
						c->paired = len > 1;
					}
				}
				if (vn_ime_syl_prefix(&x)) {
					*w = x;
					return TOOK_RULE;
				}
			}
		}
	}
	return TOOK_NOT;
}

static enum took step(const struct vn_ime *m, unsigned flags, struct vn_ime_word *w, uint32_t key)
{
	if (w->esc) {
		w->esc = false;
		add_char(w, key);
		return TOOK_ESCAPED;
	}
	uint32_t k = fold_key(key);
	if (m->escape && k == m->escape) {
		w->esc = true;
		return TOOK_ESCAPE;
	}
	enum took took = TOOK_NOT;
	const struct vn_ime_tone_rule *t = tone_rule(m, k);
	if (t)
		took = try_tone(m, flags, t, w, key);
	else if (mod_key(m, k))
		took = try_mod(m, w, k, key);
	if (took != TOOK_NOT)
		return took;
	add_char(w, key);
	return is_letter(key) ? TOOK_LETTER : TOOK_LITERAL;
}

/* The word of raw[0..nraw): the text part raw[0..nlit) letter for letter, then the keys (m may be
 * NULL when there are none).  Returns how the last key was taken. */
static enum took compose(const struct vn_ime *m, unsigned flags, const char *raw, size_t nraw, size_t nlit,
			 struct vn_ime_word *w)
{
	enum took took = TOOK_LETTER;
	memset(w, 0, sizeof *w);
	for (size_t i = 0; i < nraw && w->n < VN_IME_RAW;) {
		uint32_t cp;
		int len = utf8_decode(raw + i, nraw - i, &cp);
		if (len < 0) {
			i++;
			continue;
		}
		if (i < nlit || !m)
			add_char(w, cp);
		else
			took = step(m, flags, w, cp);
		i += (size_t)len;
	}
	return took;
}

static bool marked(const struct vn_ime_word *w)
{
	if (w->tone)
		return true;
	for (size_t i = 0; i < w->n; i++)
		if (w->c[i].mod)
			return true;
	return false;
}

/* The word as text (NFC: every letter precomposed) into out[OUT_MAX]; its length. */
static size_t render(const struct vn_ime *m, unsigned flags, const struct vn_ime_word *w, char *out)
{
	struct vn_ime_word r = *w;
	vn_ime_resolve(&r);
	int at = r.tone ? vn_ime_tone_at(&r, flags) : -1;
	if (r.tone && at < 0)	/* (cannot happen: a tone comes with a vowel) */
		for (size_t i = 0; i < r.n && at < 0; i++)
			if (vn_ime_is_vowel(&r.c[i]))
				at = (int)i;
	size_t k = 0;
	for (size_t i = 0; i < r.n; i++) {
		const struct vn_ime_char *c = &r.c[i];
		uint32_t cp = c->cp;
		if (c->letter) {
			struct vnl_letter l = { c->base, c->mod, (int)i == at ? r.tone : VNL_TONE_NONE, c->upper };
			cp = vnl_join(&l);
			if (!cp) {
				l.tone = VNL_TONE_NONE;
				cp = vnl_join(&l);
			}
			if (!cp) {
				l.mod = VNL_MOD_NONE;
				cp = vnl_join(&l);
			}
		}
		k += utf8_encode(cp, out + k);
	}
	if (w->esc && m)
		k += utf8_encode(m->escape, out + k);
	return k;
}

/* The keys as typed: the text part, then the keys, each escape key dropped before the key it
 * escapes.  Into out[OUT_MAX]; its length. */
static size_t as_typed(const struct vn_ime *m, const struct vn_ime_state *st, char *out)
{
	size_t k = st->nlit, i = st->nlit;
	bool esc = false;
	memcpy(out, st->raw, st->nlit);
	while (i < st->nraw) {
		uint32_t cp;
		int len = utf8_decode(st->raw + i, st->nraw - i, &cp);
		if (len < 0) {
			i++;
			continue;
		}
		if (!esc && m->escape && fold_key(cp) == m->escape) {
			esc = true;
		} else {
			esc = false;
			memcpy(out + k, st->raw + i, (size_t)len);
			k += (size_t)len;
		}
		i += (size_t)len;
	}
	if (esc)
		k += utf8_encode(m->escape, out + k);
	return k;
}

/* ---- the text ---- */

/* Replace b[from..to) by s[0..n). */
static void splice(struct buf *b, size_t from, size_t to, const char *s, size_t n)
{
	size_t old = to - from;
	buf_reserve(b, n > old ? n - old : 0);
	memmove(b->p + from + n, b->p + to, b->len - to);
	if (n)
		memcpy(b->p + from, s, n);
	b->len = b->len - old + n;
	b->p[b->len] = '\0';
}

static void insert(struct buf *text, size_t *at, uint32_t key)
{
	char kb[4];
	size_t kl = utf8_encode(key, kb);
	splice(text, *at, *at, kb, kl);
	*at += kl;
}

/* Where the character before s starts (a byte that is not UTF-8 counts as one); *cp gets it. */
static size_t prev_char(const char *t, size_t s, uint32_t *cp)
{
	size_t q = s - 1;
	while (q > 0 && s - q < 4 && ((unsigned char)t[q] & 0xC0) == 0x80)
		q--;
	if (utf8_decode(t + q, s - q, cp) != (int)(s - q)) {
		*cp = 0xFFFD;
		return s - 1;
	}
	return q;
}

/* Where the letter before s starts, with the combining marks that follow it. */
static size_t cluster_start(const char *t, size_t s)
{
	while (s > 0) {
		uint32_t cp;
		s = prev_char(t, s, &cp);
		if (!is_mark(cp))
			break;
	}
	return s;
}

/* The cursor where the engine works: on the text, and after the combining marks of a letter
 * rather than between the letter and them, so that no edit can separate them. */
static void snap(const struct buf *text, size_t *at)
{
	if (*at > text->len)
		*at = text->len;
	while (*at < text->len) {
		uint32_t cp;
		int len = utf8_decode(text->p + *at, text->len - *at, &cp);
		if (len < 0 || !is_mark(cp))
			break;
		*at += (size_t)len;
	}
}

static void fresh(struct vn_ime_state *st, size_t at)
{
	st->nraw = st->nlit = 0;
	st->raw[0] = '\0';
	st->word_at = at;
	st->valid = true;
}

/* Take up the word before at from the text: its letters become the text part of the state.  A
 * word the engine would not write back the same (two tones, a tone where no syllable has it) or
 * one too long is left alone, and a new word starts at the cursor. */
static void take_word(const struct vn_ime *m, unsigned flags, struct vn_ime_state *st, const struct buf *text,
		      size_t at, struct vn_ime_word *w)
{
	const char *t = buf_str(text);
	size_t s = at;
	while (s > 0) {
		uint32_t cp;
		size_t q = prev_char(t, s, &cp);
		if (!is_letter(cp))
			break;
		if (at - q >= VN_IME_RAW) {
			s = at;
			break;
		}
		s = q;
	}
	fresh(st, s);
	memcpy(st->raw, t + s, at - s);
	st->raw[at - s] = '\0';
	st->nraw = st->nlit = at - s;
	compose(m, flags, st->raw, st->nraw, st->nlit, w);
	char out[OUT_MAX];
	size_t k = render(m, flags, w, out);
	if (k == at - s && memcmp(out, t + s, k) == 0)
		return;
	/* Written back, the tone would move (hoà typed in the new style): fine for a syllable. */
	if (w->ntoned <= 1 && vn_ime_syl_prefix(w))
		return;
	fresh(st, at);
	compose(m, flags, st->raw, 0, 0, w);
}

/* Make the state describe the word that ends at `at` (composed into *w). */
static void sync(const struct vn_ime *m, unsigned flags, struct vn_ime_state *st, const struct buf *text,
		 size_t at, struct vn_ime_word *w)
{
	if (st->valid && st->word_at <= at && st->nraw < VN_IME_RAW && st->nlit <= st->nraw) {
		char out[OUT_MAX];
		compose(m, flags, st->raw, st->nraw, st->nlit, w);
		size_t k = render(m, flags, w, out);
		if (k == at - st->word_at && memcmp(out, buf_str(text) + st->word_at, k) == 0)
			return;
	}
	take_word(m, flags, st, text, at, w);
}

/* The word before the cursor is over: written out, or given back as typed if it is not a
 * syllable but has marks, or lost a letter to an undo ("Office": the second f undid the first,
 * "Ofice" is no syllable).  An undo by a digit or a sign is meant (VNI "A11" is A1) and stays.
 * A word with no key typed into it stays as the text has it. */
static void finish(const struct vn_ime *m, unsigned flags, struct vn_ime_state *st, struct buf *text, size_t *at)
{
	if (st->nraw == st->nlit)
		return;
	struct vn_ime_word w, r;
	char out[OUT_MAX];
	size_t k;
	compose(m, flags, st->raw, st->nraw, st->nlit, &w);
	r = w;
	vn_ime_resolve(&r);
	if ((marked(&r) || r.undone) && !vn_ime_syl_complete(&r))
		k = as_typed(m, st, out);
	else
		k = render(m, flags, &w, out);
	splice(text, st->word_at, *at, out, k);
	*at = st->word_at + k;
}

/* Insert a key that is not part of a word.  Below U+0300 every character is NFC whatever comes
 * before it; above, a combining mark joins the letter before it (a dead key, a terminal's
 * input method), and a few characters are not NFC even alone (U+1F77 is U+03AF), so the last
 * character and the key are normalized together. */
static void insert_nfc(struct buf *text, size_t *at, uint32_t key)
{
	if (key < 0x300) {
		insert(text, at, key);
		return;
	}
	size_t s = cluster_start(buf_str(text), *at);
	insert(text, at, key);
	uint8_t res[64];
	size_t rl = sizeof res;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)text->p + s, *at - s, res, &rl);
	if (!r)
		return;	/* not UTF-8 around the cursor: leave it */
	splice(text, s, *at, (const char *)r, rl);
	*at = s + rl;
	if (r != res)
		free(r);
}

void vn_ime_key(const struct vn_ime *m, unsigned flags, struct vn_ime_state *st, struct buf *text, size_t *at,
		uint32_t key)
{
	if (!m || !st || !text || !at)
		return;
	snap(text, at);
	if (key == 0 || key > 0x10FFFF || (key >= 0xD800 && key <= 0xDFFF))
		return;
	struct vn_ime_word w;
	sync(m, flags, st, text, *at, &w);
	st->flags = flags;
	if (is_mark(key)) {
		finish(m, flags, st, text, at);
		insert_nfc(text, at, key);
		vn_ime_reset(st);
		return;
	}
	struct vnl_letter l;
	bool letter = vnl_split(key, &l);
	if (!letter && !w.esc && !rule_key(m, key)) {
		finish(m, flags, st, text, at);
		/* A control character (Enter, Tab) ends the word but is the caller's business. */
		if (key >= 0x20 && !(key >= 0x7F && key < 0xA0))
			insert_nfc(text, at, key);
		fresh(st, *at);
		return;
	}
	if (letter && l.tone && w.tone && !w.esc) {
		/* A letter with a tone of its own (from a keyboard that has them) after a word
		 * that has one: a syllable has one tone, so this starts another word. */
		finish(m, flags, st, text, at);
		fresh(st, *at);
	}

	char kb[4];
	size_t kl = utf8_encode(key, kb);
	if (st->nraw + kl >= VN_IME_RAW) {
		/* No room for more keys: what the word shows becomes its text part, or, if even that
		 * is too long, a new word starts here. */
		size_t len = *at - st->word_at;
		if (len + kl < VN_IME_RAW) {
			memcpy(st->raw, text->p + st->word_at, len);
			st->nraw = st->nlit = len;
		} else {
			fresh(st, *at);
		}
	}
	memcpy(st->raw + st->nraw, kb, kl);
	size_t nraw = st->nraw + kl;
	struct vn_ime_word nw;
	enum took took = compose(m, flags, st->raw, nraw, st->nlit, &nw);
	if ((took == TOOK_LITERAL || took == TOOK_ESCAPED) && !letter) {
		/* Neither a letter nor a modifier here (a VNI digit after no vowel, VIQR's ' after
		 * H'): it ends the word, as a space would; an escaped one too, without the escape. */
		if (took == TOOK_ESCAPED) {
			splice(text, *at - 1, *at, "", 0);
			(*at)--;
			st->nraw--;
		}
		st->raw[st->nraw] = '\0';
		finish(m, flags, st, text, at);
		insert_nfc(text, at, key);
		fresh(st, *at);
		return;
	}
	st->nraw = nraw;
	st->raw[nraw] = '\0';
	char out[OUT_MAX];
	size_t k = render(m, flags, &nw, out);
	splice(text, st->word_at, *at, out, k);
	*at = st->word_at + k;
}

void vn_ime_backspace(struct vn_ime_state *st, struct buf *text, size_t *at)
{
	if (!text || !at)
		return;
	snap(text, at);
	if (*at == 0)
		return;
	size_t s = cluster_start(text->p, *at);
	splice(text, s, *at, "", 0);
	*at = s;
	if (!st)
		return;
	if (!st->valid || st->word_at > s || s - st->word_at >= VN_IME_RAW) {
		vn_ime_reset(st);
		return;
	}
	/* What is left of the word is its text part now.  If it was being typed, write it again:
	 * the tone may belong elsewhere (hoàn, backspace: hòa). */
	bool typed = st->nraw > st->nlit;
	size_t len = s - st->word_at;
	memcpy(st->raw, text->p + st->word_at, len);
	st->raw[len] = '\0';
	st->nraw = st->nlit = len;
	if (!typed)
		return;
	struct vn_ime_word w;
	compose(NULL, st->flags, st->raw, st->nraw, st->nlit, &w);
	if (w.ntoned != 1 || !vn_ime_syl_prefix(&w))
		return;
	char out[OUT_MAX];
	size_t k = render(NULL, st->flags, &w, out);
	splice(text, st->word_at, *at, out, k);
	*at = st->word_at + k;
	memcpy(st->raw, out, k);
	st->raw[k] = '\0';
	st->nraw = st->nlit = k;
}

void vn_ime_end_word(const struct vn_ime *m, unsigned flags, struct vn_ime_state *st, struct buf *text,
		     size_t *at)
{
	if (!m || !st || !text || !at)
		return;
	snap(text, at);
	struct vn_ime_word w;
	sync(m, flags, st, text, *at, &w);
	finish(m, flags, st, text, at);
	fresh(st, *at);
}

void vn_ime_reset(struct vn_ime_state *st)
{
	if (st)
		memset(st, 0, sizeof *st);
}

void vn_ime_type(const struct vn_ime *m, unsigned flags, const char *keys, struct buf *out)
{
	struct vn_ime_state st = { .valid = false };
	size_t at = out->len, n = keys ? strlen(keys) : 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = utf8_decode(keys + i, n - i, &cp);
		if (len < 0) {
			i++;
			continue;
		}
		i += (size_t)len;
		if (cp == 0x08 || cp == 0x7f)
			vn_ime_backspace(&st, out, &at);
		else
			vn_ime_key(m, flags, &st, out, &at, cp);
	}
}
