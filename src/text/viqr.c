/* VIQR (RFC 1456): Vietnamese in 7-bit ASCII, each vowel followed by its marks.
 *
 * Decoding: after a vowel, ^ ( + add a modifier that fits it and ' ` ? ~ . a tone it does not have
 * yet; dd, DD and Dd are đ/Đ; a backslash before a mark, a d or a backslash makes it literal.  A
 * mark anywhere else is the ASCII character it is ("H'Mông", "don't", "What?").  A full stop
 * after a word that ends in a vowel is a nặng unless escaped ("Ha` No^.i\."), as RFC 1456 has
 * it: a decoder that guessed otherwise could not read back every text an encoder writes.
 *
 * Encoding escapes every literal character the decoder could take as a mark, a d that would
 * pair with the next d, and a backslash that would escape what follows, so that any text comes
 * back unchanged. */
#include "text/vnenc_priv.h"

#include "text/syllable.h"
#include "text/utf8.h"

#include <string.h>

static int tone_of(unsigned char c)
{
	switch (c) {
	case '\'': return VNL_TONE_SAC;
	case '`': return VNL_TONE_HUYEN;
	case '?': return VNL_TONE_HOI;
	case '~': return VNL_TONE_NGA;
	case '.': return VNL_TONE_NANG;
	default: return VNL_TONE_NONE;
	}
}

static int mod_of(unsigned char c)
{
	switch (c) {
	case '^': return VNL_MOD_CIRC;
	case '(': return VNL_MOD_BREVE;
	case '+': return VNL_MOD_HORN;
	default: return VNL_MOD_NONE;
	}
}

static const char tone_char[6] = { 0, '`', '?', '~', '\'', '.' };
static const char mod_char[4] = { 0, '(', '^', '+' };

/* What a backslash makes literal. */
static bool escapable(unsigned char c)
{
	return tone_of(c) || mod_of(c) || c == '\\' || c == 'd' || c == 'D';
}

static bool is_vowel(unsigned char base)
{
	return base && strchr("aeiouy", base);
}

/* ---- decoding, and counting for the detector ---- */

struct viqr_dec {
	struct vnl_out *o;		/* decoding: where the text goes */
	struct vn_viqr_stats *st;	/* counting: where the figures go */
	struct vnl_letter pend;		/* the letter marks may still follow */
	bool have;
	/* counting: the word so far */
	char w[40];
	size_t wlen;
	bool wlong;
	int letters, marks, dotq_at;	/* dotq_at: the letter a '.' or '?' toned, or -1 */
};

static void end_word(struct viqr_dec *d)
{
	if (!d->st || d->letters == 0)
		return;
	d->st->words++;
	int marks = d->marks - (d->dotq_at == d->letters - 1);
	if (marks > 0) {
		d->st->marked++;
		if (!d->wlong && vn_syllable_valid(d->w, d->wlen))
			d->st->valid++;
	}
	d->wlen = 0;
	d->wlong = false;
	d->letters = d->marks = 0;
	d->dotq_at = -1;
}

static void put_letter(struct viqr_dec *d, uint32_t cp)
{
	if (!d->st) {
		vnl_out_cp(d->o, cp);
		return;
	}
	if (d->wlen + 4 > sizeof d->w)
		d->wlong = true;
	else
		d->wlen += utf8_encode(cp, d->w + d->wlen);
	d->letters++;
}

static void flush_letter(struct viqr_dec *d)
{
	if (!d->have)
		return;
	d->have = false;
	if (!d->st && d->pend.mod == VNL_MOD_NONE && d->pend.tone == VNL_TONE_NONE)
		vnl_out_byte(d->o, (unsigned char)(d->pend.upper ? d->pend.base - 0x20 : d->pend.base));
	else
		put_letter(d, vnl_join(&d->pend));
}

static void put_other(struct viqr_dec *d, unsigned char c)
{
	flush_letter(d);
	end_word(d);
	if (!d->st)
		vnl_out_byte(d->o, c);
}

static void viqr_run(struct viqr_dec *d, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	d->dotq_at = -1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = u[i];
		if (c == '\\' && i + 1 < n && escapable(u[i + 1])) {
			c = u[++i];
			if (c != 'd' && c != 'D') {
				put_other(d, c);
				continue;
			}
			/* A literal d is still a letter of the word, though no mark can follow it. */
			flush_letter(d);
			vnl_split(c, &d->pend);
			d->have = true;
			continue;
		}
		if ((c == 'd' || c == 'D') && i + 1 < n && (u[i + 1] | 0x20) == 'd' &&
		    !(c == 'd' && u[i + 1] == 'D')) {
			flush_letter(d);
			d->pend = (struct vnl_letter){ 'd', VNL_MOD_STROKE, VNL_TONE_NONE, c == 'D' };
			d->have = true;
			d->marks++;
			i++;
			continue;
		}
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			flush_letter(d);
			d->pend = (struct vnl_letter){ (unsigned char)(c | 0x20), VNL_MOD_NONE, VNL_TONE_NONE,
						       c < 'a' };
			d->have = true;
			continue;
		}
		if (d->have && d->pend.mod != VNL_MOD_STROKE && is_vowel(d->pend.base)) {
			int t = tone_of(c), m = mod_of(c);
			if (t && d->pend.tone == VNL_TONE_NONE) {
				d->pend.tone = (unsigned char)t;
				d->marks++;
				if (c == '.' || c == '?')
					d->dotq_at = d->letters;
				continue;
			}
			if (m && d->pend.mod == VNL_MOD_NONE &&
			    vnl_mod_fits(d->pend.base, (unsigned char)m)) {
				d->pend.mod = (unsigned char)m;
				d->marks++;
				continue;
			}
		}
		put_other(d, c);
	}
	flush_letter(d);
	end_word(d);
}

void vn_viqr_decode(const char *s, size_t n, struct buf *out)
{
	struct vnl_out o;
	struct viqr_dec d = { .o = &o };

	vnl_out_init(&o, out);
	viqr_run(&d, s, n);
	vnl_out_flush(&o);
}

void vn_viqr_stats(const char *s, size_t n, struct vn_viqr_stats *st)
{
	struct viqr_dec d = { .st = st };

	memset(st, 0, sizeof *st);
	viqr_run(&d, s, n);
}

/* ---- encoding ---- */

struct viqr_enc {
	struct vnl_out o;
	bool pend_bs;		/* a literal backslash, written once we know what follows */
	unsigned char pend_d;	/* a literal d or D, likewise */
	bool after_vowel;	/* the last thing written was a vowel: a mark now would join it */
};

/* Before writing a piece that starts with c0 (0 at the end): the held-back backslash is doubled
 * if it and c0 would read as an escape, the held-back d escaped if c0 would pair with it. */
static void piece(struct viqr_enc *e, unsigned char c0)
{
	if (e->pend_d) {
		if (c0 == 'd' || c0 == 'D')
			vnl_out_byte(&e->o, '\\');
		vnl_out_byte(&e->o, e->pend_d);
		e->pend_d = 0;
	}
	if (e->pend_bs) {
		vnl_out_byte(&e->o, '\\');
		if (c0 && escapable(c0))
			vnl_out_byte(&e->o, '\\');
		e->pend_bs = false;
	}
}

/* cp is ASCII or one of the 134 letters. */
static void put_cp(struct viqr_enc *e, uint32_t cp)
{
	struct vnl_letter l;

	if (cp >= 0x80) {
		vnl_split(cp, &l);
		unsigned char b = (unsigned char)(l.upper ? l.base - 0x20 : l.base);
		piece(e, b);
		vnl_out_byte(&e->o, b);
		if (l.mod == VNL_MOD_STROKE) {
			vnl_out_byte(&e->o, b);
			e->after_vowel = false;
			return;
		}
		if (l.mod)
			vnl_out_byte(&e->o, (unsigned char)mod_char[l.mod]);
		if (l.tone)
			vnl_out_byte(&e->o, (unsigned char)tone_char[l.tone]);
		e->after_vowel = true;
		return;
	}
	unsigned char c = (unsigned char)cp;
	if (c == '\\' || c == 'd' || c == 'D') {
		piece(e, c);
		if (c == '\\')
			e->pend_bs = true;
		else
			e->pend_d = c;
		e->after_vowel = false;
		return;
	}
	bool esc = e->after_vowel && (tone_of(c) || mod_of(c));
	piece(e, esc ? '\\' : c);
	if (esc)
		vnl_out_byte(&e->o, '\\');
	vnl_out_byte(&e->o, c);
	e->after_vowel = is_vowel(c | 0x20);	/* only letters land on a e i o u y */
}

bool vn_viqr_encode(const char *s, size_t n, struct buf *out, vn_repl_fn repl, void *ctx)
{
	const unsigned char *u = (const unsigned char *)s;
	struct viqr_enc e = { .pend_bs = false };
	bool ok = true;
	size_t i = 0;

	vnl_out_init(&e.o, out);
	while (i < n) {
		uint32_t cp = u[i];
		int len = 1;
		struct vnl_letter l;
		if (cp >= 0x80)
			len = utf8_decode(s + i, n - i, &cp);
		if (cp >= 0x80 && !vnl_split(cp, &l)) {
			cp = repl(ctx, i, cp);
			if (cp == VN_REPL_STOP) {
				ok = false;
				break;
			}
			if (cp >= 0x80 && !vnl_split(cp, &l))
				cp = '?';
			if (cp == VN_REPL_NONE) {
				i += (size_t)len;
				continue;
			}
		}
		put_cp(&e, cp);
		i += (size_t)len;
	}
	piece(&e, 0);
	vnl_out_flush(&e.o);
	return ok;
}
