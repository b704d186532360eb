/* Valid Vietnamese syllables: onset, nucleus, coda and tone, against the rhymes that exist.
 *
 * A syllable is read as onset + nucleus (one to three vowel letters, the glides i/y o/u
 * included) + coda (c ch m n ng nh p t).  "qu" and "gi" are onsets whose u and i belong to them:
 * after "qu" the nucleus is read with its glide written the way other onsets write it ("qua" as
 * "oa", "quy" and "qui" as "uy", "quê" as "uê"), and "gi" before ê lends it the i of "iê"
 * ("giếng" is gi + iêng).  The table below lists each nucleus with the codas it takes and the
 * vowel(s) its tone may sit on. */
#include "text/syllable.h"

#include "text/vnenc_priv.h"
#include "text/vnletter.h"

#include <stdint.h>

/* Vowel letters, numbered from 1 (vn_vowel_row + 1), named as Telex types them. */
enum { V_A = 1, V_AW, V_AA, V_E, V_EE, V_I, V_O, V_OO, V_OW, V_U, V_UW, V_Y };
#define N1(a) (a)
#define N2(a, b) ((a) | (b) << 4)
#define N3(a, b, c) ((a) | (b) << 4 | (c) << 8)

enum coda { C_NONE, C_C, C_CH, C_M, C_N, C_NG, C_NH, C_P, C_T };
#define K(c) (1u << C_##c)
#define K_ALL (K(NONE) | K(C) | K(CH) | K(M) | K(N) | K(NG) | K(NH) | K(P) | K(T))
#define K_STOPS (K(C) | K(M) | K(N) | K(NG) | K(P) | K(T))	/* all but ch, nh */

/* Where the tone may go: bit i for the i-th vowel of the nucleus. */
#define T0 1
#define T1 2
#define T2 4

enum { ONSET_NEEDED = 1, ONSET_NONE = 2 };

static const struct nucleus {
	uint16_t key;
	uint16_t codas;
	unsigned char tone_open, tone_closed;	/* without and with a coda */
	unsigned char flags;
} nuclei[] = {
	{ N1(V_A), K_ALL, T0, T0, 0 },					/* a */
	{ N1(V_AW), K_STOPS, T0, T0, 0 },				/* ă */
	{ N1(V_AA), K_STOPS, T0, T0, 0 },				/* â */
	{ N1(V_E), K(NONE) | K_STOPS, T0, T0, 0 },			/* e */
	{ N1(V_EE), K(NONE) | K(CH) | K(M) | K(N) | K(NH) | K(P) | K(T), T0, T0, 0 }, /* ê */
	{ N1(V_I), K(NONE) | K(CH) | K(M) | K(N) | K(NH) | K(P) | K(T), T0, T0, 0 }, /* i */
	{ N1(V_Y), K(NONE), T0, T0, 0 },				/* y */
	{ N1(V_O), K(NONE) | K_STOPS, T0, T0, 0 },			/* o */
	{ N1(V_OO), K(NONE) | K_STOPS, T0, T0, 0 },			/* ô */
	{ N1(V_OW), K(NONE) | K(M) | K(N) | K(P) | K(T), T0, T0, 0 },	/* ơ */
	{ N1(V_U), K(NONE) | K_STOPS, T0, T0, 0 },			/* u */
	{ N1(V_UW), K(NONE) | K(C) | K(N) | K(NG) | K(T), T0, T0, 0 },	/* ư */
	{ N2(V_A, V_I), K(NONE), T0, T0, 0 },				/* ai */
	{ N2(V_A, V_O), K(NONE), T0, T0, 0 },				/* ao */
	{ N2(V_A, V_U), K(NONE), T0, T0, 0 },				/* au */
	{ N2(V_A, V_Y), K(NONE), T0, T0, 0 },				/* ay */
	{ N2(V_AA, V_U), K(NONE), T0, T0, 0 },				/* âu */
	{ N2(V_AA, V_Y), K(NONE), T0, T0, 0 },				/* ây */
	{ N2(V_E, V_O), K(NONE), T0, T0, 0 },				/* eo */
	{ N2(V_EE, V_U), K(NONE), T0, T0, 0 },				/* êu */
	{ N2(V_I, V_A), K(NONE), T0, T0, 0 },				/* ia: kìa, mía */
	{ N2(V_I, V_U), K(NONE), T0, T0, 0 },				/* iu */
	{ N2(V_I, V_EE), K_STOPS, T1, T1, ONSET_NEEDED },		/* iê: tiền, giếng */
	{ N2(V_Y, V_EE), K(M) | K(N) | K(NG) | K(T), T1, T1, ONSET_NONE }, /* yê: yên */
	{ N2(V_O, V_I), K(NONE), T0, T0, 0 },				/* oi */
	{ N2(V_OO, V_I), K(NONE), T0, T0, 0 },				/* ôi */
	{ N2(V_OW, V_I), K(NONE), T0, T0, 0 },				/* ơi */
	{ N2(V_U, V_A), K(NONE), T0, T0, 0 },				/* ua: của */
	{ N2(V_U, V_OO), K(C) | K(M) | K(N) | K(NG) | K(T), T1, T1, 0 }, /* uô: muốn, quốc */
	{ N2(V_U, V_I), K(NONE), T0, T0, 0 },				/* ui */
	{ N2(V_UW, V_A), K(NONE), T0, T0, 0 },				/* ưa */
	{ N2(V_UW, V_OW), K(NONE) | K_STOPS, T1, T1, 0 },		/* ươ: hươ, người */
	{ N2(V_UW, V_I), K(NONE), T0, T0, 0 },				/* ưi */
	{ N2(V_UW, V_U), K(NONE), T0, T0, 0 },				/* ưu */
	{ N2(V_O, V_A), K_ALL, T0 | T1, T1, 0 },			/* oa: hòa/hoà, hoàng */
	{ N2(V_O, V_AW), K(C) | K(M) | K(N) | K(NG) | K(T), T1, T1, 0 },	/* oă: hoặc */
	{ N2(V_O, V_E), K(NONE) | K(N) | K(T), T0 | T1, T1, 0 },	/* oe: khỏe/khoẻ */
	{ N2(V_O, V_O), K(C) | K(NG), T0 | T1, T0 | T1, 0 },		/* oo: xoong */
	{ N2(V_U, V_AA), K(N) | K(NG) | K(T), T1, T1, 0 },		/* uâ: tuần */
	{ N2(V_U, V_EE), K(NONE) | K(CH) | K(NH), T1, T1, 0 },		/* uê: thuế */
	{ N2(V_U, V_Y), K(NONE) | K(CH) | K(NH) | K(P) | K(T), T0 | T1, T1, 0 }, /* uy: thúy/thuý */
	{ N2(V_U, V_OW), K(NONE), T1, T1, 0 },				/* uơ: thuở */
	{ N3(V_O, V_A, V_I), K(NONE), T1, T1, 0 },			/* oai */
	{ N3(V_O, V_A, V_Y), K(NONE), T1, T1, 0 },			/* oay */
	{ N3(V_O, V_E, V_O), K(NONE), T1, T1, 0 },			/* oeo */
	{ N3(V_U, V_AA, V_Y), K(NONE), T1, T1, 0 },			/* uây */
	{ N3(V_U, V_Y, V_A), K(NONE), T1, T1, 0 },			/* uya: khuya */
	{ N3(V_U, V_Y, V_U), K(NONE), T1, T1, 0 },			/* uyu: khuỷu */
	{ N3(V_I, V_EE, V_U), K(NONE), T1, T1, ONSET_NEEDED },		/* iêu */
	{ N3(V_Y, V_EE, V_U), K(NONE), T1, T1, ONSET_NONE },		/* yêu */
	{ N3(V_U, V_OO, V_I), K(NONE), T1, T1, 0 },			/* uôi */
	{ N3(V_UW, V_OW, V_I), K(NONE), T1, T1, 0 },			/* ươi */
	{ N3(V_UW, V_OW, V_U), K(NONE), T1, T1, 0 },			/* ươu */
	{ N3(V_U, V_Y, V_EE), K(CH) | K(N) | K(T), T2, T2, 0 },		/* uyê: Nguyễn */
	{ N3(V_U, V_EE, V_U), K(NONE), T1, T1, 0 },			/* uêu: quều quào */
	{ N3(V_O, V_A, V_O), K(NONE), T1, T1, 0 },			/* oao: ngoao */
};

enum onset { O_NONE, O_PLAIN, O_C, O_K, O_G, O_GH, O_GI, O_NG, O_NGH, O_QU };

#define MAXLETTERS 8

struct sletter {
	unsigned char base, mod, tone;
};

static bool is_vowel(const struct sletter *l)
{
	return l->mod != VNL_MOD_STROKE && (l->base == 'a' || l->base == 'e' || l->base == 'i' ||
					     l->base == 'o' || l->base == 'u' || l->base == 'y');
}

static bool plain(const struct sletter *l, unsigned char base)
{
	return l->base == base && l->mod == VNL_MOD_NONE;
}

/* The onset at the start of l[0..n): its kind, and its length in *len; false if the word
 * cannot start so. */
static bool read_onset(const struct sletter *l, size_t n, enum onset *on, size_t *len)
{
	unsigned char b1 = n > 1 && l[1].mod == VNL_MOD_NONE ? l[1].base : 0;

	*len = 1;
	*on = O_PLAIN;
	if (is_vowel(&l[0])) {
		*on = O_NONE;
		*len = 0;
		return true;
	}
	switch (l[0].base) {
	case 'b': case 'h': case 'l': case 'm': case 'r': case 's': case 'v': case 'x':
	case 'd':
		return true;
	case 'c':
		if (b1 == 'h')
			*len = 2;
		else
			*on = O_C;
		return true;
	case 'k':
		if (b1 == 'h')
			*len = 2;
		else
			*on = O_K;
		return true;
	case 'p':
	case 't':
		if (b1 == 'h' || (l[0].base == 't' && b1 == 'r'))
			*len = 2;
		return true;
	case 'g':
		if (b1 == 'h') {
			*on = O_GH;
			*len = 2;
		} else if (b1 == 'i' && n > 2 && is_vowel(&l[2])) {
			/* "gi" + vowel: the i is the onset's and takes no tone ("gìa" is no word). */
			*on = O_GI;
			*len = 2;
			return l[1].tone == VNL_TONE_NONE;
		} else {
			*on = O_G;
		}
		return true;
	case 'n':
		if (b1 == 'g') {
			bool h = n > 2 && plain(&l[2], 'h');
			*on = h ? O_NGH : O_NG;
			*len = h ? 3 : 2;
		} else if (b1 == 'h') {
			*len = 2;
		}
		return true;
	case 'q':
		*on = O_QU;
		*len = 2;
		return b1 == 'u' && l[1].tone == VNL_TONE_NONE;
	default:
		return false;	/* f j w z */
	}
}

static int read_coda(const struct sletter *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (l[i].mod != VNL_MOD_NONE)
			return -1;
	unsigned char a = n > 0 ? l[0].base : 0, b = n > 1 ? l[1].base : 0;
	if (n == 0)
		return C_NONE;
	if (n == 1)
		return a == 'c' ? C_C : a == 'm' ? C_M : a == 'n' ? C_N : a == 'p' ? C_P
		       : a == 't' ? C_T : -1;
	if (n == 2 && b == 'h')
		return a == 'c' ? C_CH : a == 'n' ? C_NH : -1;
	if (n == 2 && a == 'n' && b == 'g')
		return C_NG;
	return -1;
}

/* Front vowels: what k, gh and ngh need after them, and c, g and ng may not have. */
static bool front(const struct sletter *l)
{
	return (l->base == 'e' || l->base == 'i') || (l->base == 'y' && l->mod == VNL_MOD_NONE);
}

static bool check(const struct sletter *l, size_t n)
{
	enum onset on;
	size_t i, k = 0;

	if (!read_onset(l, n, &on, &i))
		return false;
	/* The nucleus, with the glide "qu" and "gi" spell inside their onset made explicit. */
	struct sletter v[4];
	size_t start = i;
	while (i < n && is_vowel(&l[i])) {
		if (i - start >= 3)
			return false;
		v[k++] = l[i++];
	}
	if (k == 0)
		return false;
	if (on == O_QU) {
		struct sletter *f = &v[0];
		unsigned char glide;
		if (k == 3)
			return false;
		if ((f->base == 'a' && f->mod != VNL_MOD_CIRC) || plain(f, 'e')) {
			glide = 'o';			/* qua, quăn, que: oa oă oe */
		} else if (plain(f, 'i')) {
			f->base = 'y';			/* qui is quy */
			glide = 'u';
		} else if (plain(f, 'y') || f->mod == VNL_MOD_CIRC ||
			   (f->base == 'o' && f->mod == VNL_MOD_HORN)) {
			glide = 'u';			/* quy quê quân quốc quơ */
		} else {
			return false;
		}
		for (size_t j = k; j > 0; j--)
			v[j] = v[j - 1];
		v[0] = (struct sletter){ glide, VNL_MOD_NONE, VNL_TONE_NONE };
		k++;
	} else if (on == O_GI && v[0].base == 'e' && v[0].mod == VNL_MOD_CIRC) {
		if (k == 3)
			return false;
		for (size_t j = k; j > 0; j--)
			v[j] = v[j - 1];
		v[0] = (struct sletter){ 'i', VNL_MOD_NONE, VNL_TONE_NONE };
		k++;
	}

	int coda = read_coda(l + i, n - i);
	if (coda < 0)
		return false;

	/* Spelling rules of the onsets before front vowels. */
	bool fr = front(&l[start]);
	if (((on == O_K || on == O_GH || on == O_NGH) && !fr) || ((on == O_C || on == O_NG) && fr) ||
	    (on == O_G && l[start].base == 'e'))
		return false;

	unsigned key = 0;
	int tone_at = -1;
	for (size_t j = 0; j < k; j++) {
		key |= (unsigned)(vn_vowel_row(v[j].base, v[j].mod) + 1) << (4 * j);
		if (v[j].tone != VNL_TONE_NONE)
			tone_at = (int)j;
	}
	const struct nucleus *nu = NULL;
	for (size_t j = 0; j < sizeof nuclei / sizeof nuclei[0]; j++) {
		if (nuclei[j].key == key) {
			nu = &nuclei[j];
			break;
		}
	}
	if (!nu || !(nu->codas & (1u << coda)))
		return false;
	if ((nu->flags & ONSET_NEEDED) && on == O_NONE)
		return false;
	if ((nu->flags & ONSET_NONE) && on != O_NONE)
		return false;
	if (tone_at >= 0 && !((coda == C_NONE ? nu->tone_open : nu->tone_closed) & (1u << tone_at)))
		return false;
	/* A syllable closed by a stop has sắc or nặng, nothing else. */
	if (coda == C_C || coda == C_CH || coda == C_P || coda == C_T) {
		unsigned char t = tone_at >= 0 ? v[tone_at].tone : VNL_TONE_NONE;
		if (t != VNL_TONE_SAC && t != VNL_TONE_NANG)
			return false;
	}
	return true;
}

bool vn_syllable_valid(const char *w, size_t n)
{
	struct sletter l[MAXLETTERS];
	struct vnl_reader r;
	struct vnl_char c;
	size_t k = 0;
	int tones = 0;

	if (n == 0 || n > 4 * MAXLETTERS * 3)
		return false;
	vnl_reader_init(&r, w, n);
	while (vnl_next(&r, &c)) {
		if (k == MAXLETTERS || c.cp < 'a' || c.cp > 'z')
			return false;
		/* A mark the reader had to drop (û, ü, a tone on nothing) makes it no syllable. */
		if (c.marked && c.mod == VNL_MOD_NONE && c.tone == VNL_TONE_NONE)
			return false;
		l[k] = (struct sletter){ (unsigned char)c.cp, c.mod, c.tone };
		if (c.tone != VNL_TONE_NONE) {
			if (!is_vowel(&l[k]) || ++tones > 1)
				return false;
		}
		k++;
	}
	return k > 0 && check(l, k);
}
