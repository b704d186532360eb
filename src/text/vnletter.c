/* The Vietnamese letter tables and the folding character reader shared by src/text. */
#include "text/vnletter.h"

#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <unictype.h>
#include <unicase.h>
#include <uninorm.h>

#define L(b, m, t, u) { b, VNL_MOD_##m, VNL_TONE_##t, u }

/* The 134 letters, indexed by code point.  Outside these two ranges (and ASCII) Vietnamese
 * has no precomposed letter, so two range checks and one load classify any character. */
static const struct vnl_letter vn_latin[0x01B0 - 0x00C0 + 1] = {
	[0x00C0 - 0x00C0] = L('a', NONE, HUYEN, 1),	/* À */
	[0x00C1 - 0x00C0] = L('a', NONE, SAC, 1),	/* Á */
	[0x00C2 - 0x00C0] = L('a', CIRC, NONE, 1),	/* Â */
	[0x00C3 - 0x00C0] = L('a', NONE, NGA, 1),	/* Ã */
	[0x00C8 - 0x00C0] = L('e', NONE, HUYEN, 1),	/* È */
	[0x00C9 - 0x00C0] = L('e', NONE, SAC, 1),	/* É */
	[0x00CA - 0x00C0] = L('e', CIRC, NONE, 1),	/* Ê */
	[0x00CC - 0x00C0] = L('i', NONE, HUYEN, 1),	/* Ì */
	[0x00CD - 0x00C0] = L('i', NONE, SAC, 1),	/* Í */
	[0x00D2 - 0x00C0] = L('o', NONE, HUYEN, 1),	/* Ò */
	[0x00D3 - 0x00C0] = L('o', NONE, SAC, 1),	/* Ó */
	[0x00D4 - 0x00C0] = L('o', CIRC, NONE, 1),	/* Ô */
	[0x00D5 - 0x00C0] = L('o', NONE, NGA, 1),	/* Õ */
	[0x00D9 - 0x00C0] = L('u', NONE, HUYEN, 1),	/* Ù */
	[0x00DA - 0x00C0] = L('u', NONE, SAC, 1),	/* Ú */
	[0x00DD - 0x00C0] = L('y', NONE, SAC, 1),	/* Ý */
	[0x00E0 - 0x00C0] = L('a', NONE, HUYEN, 0),	/* à */
	[0x00E1 - 0x00C0] = L('a', NONE, SAC, 0),	/* á */
	[0x00E2 - 0x00C0] = L('a', CIRC, NONE, 0),	/* â */
	[0x00E3 - 0x00C0] = L('a', NONE, NGA, 0),	/* ã */
	[0x00E8 - 0x00C0] = L('e', NONE, HUYEN, 0),	/* è */
	[0x00E9 - 0x00C0] = L('e', NONE, SAC, 0),	/* é */
	[0x00EA - 0x00C0] = L('e', CIRC, NONE, 0),	/* ê */
	[0x00EC - 0x00C0] = L('i', NONE, HUYEN, 0),	/* ì */
	[0x00ED - 0x00C0] = L('i', NONE, SAC, 0),	/* í */
	[0x00F2 - 0x00C0] = L('o', NONE, HUYEN, 0),	/* ò */
	[0x00F3 - 0x00C0] = L('o', NONE, SAC, 0),	/* ó */
	[0x00F4 - 0x00C0] = L('o', CIRC, NONE, 0),	/* ô */
	[0x00F5 - 0x00C0] = L('o', NONE, NGA, 0),	/* õ */
	[0x00F9 - 0x00C0] = L('u', NONE, HUYEN, 0),	/* ù */
	[0x00FA - 0x00C0] = L('u', NONE, SAC, 0),	/* ú */
	[0x00FD - 0x00C0] = L('y', NONE, SAC, 0),	/* ý */
	[0x0102 - 0x00C0] = L('a', BREVE, NONE, 1),	/* Ă */
	[0x0103 - 0x00C0] = L('a', BREVE, NONE, 0),	/* ă */
	[0x0110 - 0x00C0] = L('d', STROKE, NONE, 1),	/* Đ */
	[0x0111 - 0x00C0] = L('d', STROKE, NONE, 0),	/* đ */
	[0x0128 - 0x00C0] = L('i', NONE, NGA, 1),	/* Ĩ */
	[0x0129 - 0x00C0] = L('i', NONE, NGA, 0),	/* ĩ */
	[0x0168 - 0x00C0] = L('u', NONE, NGA, 1),	/* Ũ */
	[0x0169 - 0x00C0] = L('u', NONE, NGA, 0),	/* ũ */
	[0x01A0 - 0x00C0] = L('o', HORN, NONE, 1),	/* Ơ */
	[0x01A1 - 0x00C0] = L('o', HORN, NONE, 0),	/* ơ */
	[0x01AF - 0x00C0] = L('u', HORN, NONE, 1),	/* Ư */
	[0x01B0 - 0x00C0] = L('u', HORN, NONE, 0),	/* ư */
};
static const struct vnl_letter vn_ext[0x1EF9 - 0x1EA0 + 1] = {
	[0x1EA0 - 0x1EA0] = L('a', NONE, NANG, 1),	/* Ạ */
	[0x1EA1 - 0x1EA0] = L('a', NONE, NANG, 0),	/* ạ */
	[0x1EA2 - 0x1EA0] = L('a', NONE, HOI, 1),	/* Ả */
	[0x1EA3 - 0x1EA0] = L('a', NONE, HOI, 0),	/* ả */
	[0x1EA4 - 0x1EA0] = L('a', CIRC, SAC, 1),	/* Ấ */
	[0x1EA5 - 0x1EA0] = L('a', CIRC, SAC, 0),	/* ấ */
	[0x1EA6 - 0x1EA0] = L('a', CIRC, HUYEN, 1),	/* Ầ */
	[0x1EA7 - 0x1EA0] = L('a', CIRC, HUYEN, 0),	/* ầ */
	[0x1EA8 - 0x1EA0] = L('a', CIRC, HOI, 1),	/* Ẩ */
	[0x1EA9 - 0x1EA0] = L('a', CIRC, HOI, 0),	/* ẩ */
	[0x1EAA - 0x1EA0] = L('a', CIRC, NGA, 1),	/* Ẫ */
	[0x1EAB - 0x1EA0] = L('a', CIRC, NGA, 0),	/* ẫ */
	[0x1EAC - 0x1EA0] = L('a', CIRC, NANG, 1),	/* Ậ */
	[0x1EAD - 0x1EA0] = L('a', CIRC, NANG, 0),	/* ậ */
	[0x1EAE - 0x1EA0] = L('a', BREVE, SAC, 1),	/* Ắ */
	[0x1EAF - 0x1EA0] = L('a', BREVE, SAC, 0),	/* ắ */
	[0x1EB0 - 0x1EA0] = L('a', BREVE, HUYEN, 1),	/* Ằ */
	[0x1EB1 - 0x1EA0] = L('a', BREVE, HUYEN, 0),	/* ằ */
	[0x1EB2 - 0x1EA0] = L('a', BREVE, HOI, 1),	/* Ẳ */
	[0x1EB3 - 0x1EA0] = L('a', BREVE, HOI, 0),	/* ẳ */
	[0x1EB4 - 0x1EA0] = L('a', BREVE, NGA, 1),	/* Ẵ */
	[0x1EB5 - 0x1EA0] = L('a', BREVE, NGA, 0),	/* ẵ */
	[0x1EB6 - 0x1EA0] = L('a', BREVE, NANG, 1),	/* Ặ */
	[0x1EB7 - 0x1EA0] = L('a', BREVE, NANG, 0),	/* ặ */
	[0x1EB8 - 0x1EA0] = L('e', NONE, NANG, 1),	/* Ẹ */
	[0x1EB9 - 0x1EA0] = L('e', NONE, NANG, 0),	/* ẹ */
	[0x1EBA - 0x1EA0] = L('e', NONE, HOI, 1),	/* Ẻ */
	[0x1EBB - 0x1EA0] = L('e', NONE, HOI, 0),	/* ẻ */
	[0x1EBC - 0x1EA0] = L('e', NONE, NGA, 1),	/* Ẽ */
	[0x1EBD - 0x1EA0] = L('e', NONE, NGA, 0),	/* ẽ */
	[0x1EBE - 0x1EA0] = L('e', CIRC, SAC, 1),	/* Ế */
	[0x1EBF - 0x1EA0] = L('e', CIRC, SAC, 0),	/* ế */
	[0x1EC0 - 0x1EA0] = L('e', CIRC, HUYEN, 1),	/* Ề */
	[0x1EC1 - 0x1EA0] = L('e', CIRC, HUYEN, 0),	/* ề */
	[0x1EC2 - 0x1EA0] = L('e', CIRC, HOI, 1),	/* Ể */
	[0x1EC3 - 0x1EA0] = L('e', CIRC, HOI, 0),	/* ể */
	[0x1EC4 - 0x1EA0] = L('e', CIRC, NGA, 1),	/* Ễ */
	[0x1EC5 - 0x1EA0] = L('e', CIRC, NGA, 0),	/* ễ */
	[0x1EC6 - 0x1EA0] = L('e', CIRC, NANG, 1),	/* Ệ */
	[0x1EC7 - 0x1EA0] = L('e', CIRC, NANG, 0),	/* ệ */
	[0x1EC8 - 0x1EA0] = L('i', NONE, HOI, 1),	/* Ỉ */
	[0x1EC9 - 0x1EA0] = L('i', NONE, HOI, 0),	/* ỉ */
	[0x1ECA - 0x1EA0] = L('i', NONE, NANG, 1),	/* Ị */
	[0x1ECB - 0x1EA0] = L('i', NONE, NANG, 0),	/* ị */
	[0x1ECC - 0x1EA0] = L('o', NONE, NANG, 1),	/* Ọ */
	[0x1ECD - 0x1EA0] = L('o', NONE, NANG, 0),	/* ọ */
	[0x1ECE - 0x1EA0] = L('o', NONE, HOI, 1),	/* Ỏ */
	[0x1ECF - 0x1EA0] = L('o', NONE, HOI, 0),	/* ỏ */
	[0x1ED0 - 0x1EA0] = L('o', CIRC, SAC, 1),	/* Ố */
	[0x1ED1 - 0x1EA0] = L('o', CIRC, SAC, 0),	/* ố */
	[0x1ED2 - 0x1EA0] = L('o', CIRC, HUYEN, 1),	/* Ồ */
	[0x1ED3 - 0x1EA0] = L('o', CIRC, HUYEN, 0),	/* ồ */
	[0x1ED4 - 0x1EA0] = L('o', CIRC, HOI, 1),	/* Ổ */
	[0x1ED5 - 0x1EA0] = L('o', CIRC, HOI, 0),	/* ổ */
	[0x1ED6 - 0x1EA0] = L('o', CIRC, NGA, 1),	/* Ỗ */
	[0x1ED7 - 0x1EA0] = L('o', CIRC, NGA, 0),	/* ỗ */
	[0x1ED8 - 0x1EA0] = L('o', CIRC, NANG, 1),	/* Ộ */
	[0x1ED9 - 0x1EA0] = L('o', CIRC, NANG, 0),	/* ộ */
	[0x1EDA - 0x1EA0] = L('o', HORN, SAC, 1),	/* Ớ */
	[0x1EDB - 0x1EA0] = L('o', HORN, SAC, 0),	/* ớ */
	[0x1EDC - 0x1EA0] = L('o', HORN, HUYEN, 1),	/* Ờ */
	[0x1EDD - 0x1EA0] = L('o', HORN, HUYEN, 0),	/* ờ */
	[0x1EDE - 0x1EA0] = L('o', HORN, HOI, 1),	/* Ở */
	[0x1EDF - 0x1EA0] = L('o', HORN, HOI, 0),	/* ở */
	[0x1EE0 - 0x1EA0] = L('o', HORN, NGA, 1),	/* Ỡ */
	[0x1EE1 - 0x1EA0] = L('o', HORN, NGA, 0),	/* ỡ */
	[0x1EE2 - 0x1EA0] = L('o', HORN, NANG, 1),	/* Ợ */
	[0x1EE3 - 0x1EA0] = L('o', HORN, NANG, 0),	/* ợ */
	[0x1EE4 - 0x1EA0] = L('u', NONE, NANG, 1),	/* Ụ */
	[0x1EE5 - 0x1EA0] = L('u', NONE, NANG, 0),	/* ụ */
	[0x1EE6 - 0x1EA0] = L('u', NONE, HOI, 1),	/* Ủ */
	[0x1EE7 - 0x1EA0] = L('u', NONE, HOI, 0),	/* ủ */
	[0x1EE8 - 0x1EA0] = L('u', HORN, SAC, 1),	/* Ứ */
	[0x1EE9 - 0x1EA0] = L('u', HORN, SAC, 0),	/* ứ */
	[0x1EEA - 0x1EA0] = L('u', HORN, HUYEN, 1),	/* Ừ */
	[0x1EEB - 0x1EA0] = L('u', HORN, HUYEN, 0),	/* ừ */
	[0x1EEC - 0x1EA0] = L('u', HORN, HOI, 1),	/* Ử */
	[0x1EED - 0x1EA0] = L('u', HORN, HOI, 0),	/* ử */
	[0x1EEE - 0x1EA0] = L('u', HORN, NGA, 1),	/* Ữ */
	[0x1EEF - 0x1EA0] = L('u', HORN, NGA, 0),	/* ữ */
	[0x1EF0 - 0x1EA0] = L('u', HORN, NANG, 1),	/* Ự */
	[0x1EF1 - 0x1EA0] = L('u', HORN, NANG, 0),	/* ự */
	[0x1EF2 - 0x1EA0] = L('y', NONE, HUYEN, 1),	/* Ỳ */
	[0x1EF3 - 0x1EA0] = L('y', NONE, HUYEN, 0),	/* ỳ */
	[0x1EF4 - 0x1EA0] = L('y', NONE, NANG, 1),	/* Ỵ */
	[0x1EF5 - 0x1EA0] = L('y', NONE, NANG, 0),	/* ỵ */
	[0x1EF6 - 0x1EA0] = L('y', NONE, HOI, 1),	/* Ỷ */
	[0x1EF7 - 0x1EA0] = L('y', NONE, HOI, 0),	/* ỷ */
	[0x1EF8 - 0x1EA0] = L('y', NONE, NGA, 1),	/* Ỹ */
	[0x1EF9 - 0x1EA0] = L('y', NONE, NGA, 0),	/* ỹ */
};

/* Rows: the twelve vowels a ă â e ê i o ô ơ u ư y; columns: the six tones in enum order. */
static const uint16_t vn_compose_lower[12][6] = {
	{ 0x0061, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1 },	/* a à ả ã á ạ */
	{ 0x0103, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB7 },	/* ă ằ ẳ ẵ ắ ặ */
	{ 0x00E2, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD },	/* â ầ ẩ ẫ ấ ậ */
	{ 0x0065, 0x00E8, 0x1EBB, 0x1EBD, 0x00E9, 0x1EB9 },	/* e è ẻ ẽ é ẹ */
	{ 0x00EA, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7 },	/* ê ề ể ễ ế ệ */
	{ 0x0069, 0x00EC, 0x1EC9, 0x0129, 0x00ED, 0x1ECB },	/* i ì ỉ ĩ í ị */
	{ 0x006F, 0x00F2, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD },	/* o ò ỏ õ ó ọ */
	{ 0x00F4, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9 },	/* ô ồ ổ ỗ ố ộ */
	{ 0x01A1, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3 },	/* ơ ờ ở ỡ ớ ợ */
	{ 0x0075, 0x00F9, 0x1EE7, 0x0169, 0x00FA, 0x1EE5 },	/* u ù ủ ũ ú ụ */
	{ 0x01B0, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1 },	/* ư ừ ử ữ ứ ự */
	{ 0x0079, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5 },	/* y ỳ ỷ ỹ ý ỵ */
};
static const uint16_t vn_compose_upper[12][6] = {
	{ 0x0041, 0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0 },	/* A À Ả Ã Á Ạ */
	{ 0x0102, 0x1EB0, 0x1EB2, 0x1EB4, 0x1EAE, 0x1EB6 },	/* Ă Ằ Ẳ Ẵ Ắ Ặ */
	{ 0x00C2, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EAC },	/* Â Ầ Ẩ Ẫ Ấ Ậ */
	{ 0x0045, 0x00C8, 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8 },	/* E È Ẻ Ẽ É Ẹ */
	{ 0x00CA, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EBE, 0x1EC6 },	/* Ê Ề Ể Ễ Ế Ệ */
	{ 0x0049, 0x00CC, 0x1EC8, 0x0128, 0x00CD, 0x1ECA },	/* I Ì Ỉ Ĩ Í Ị */
	{ 0x004F, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC },	/* O Ò Ỏ Õ Ó Ọ */
	{ 0x00D4, 0x1ED2, 0x1ED4, 0x1ED6, 0x1ED0, 0x1ED8 },	/* Ô Ồ Ổ Ỗ Ố Ộ */
	{ 0x01A0, 0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2 },	/* Ơ Ờ Ở Ỡ Ớ Ợ */
	{ 0x0055, 0x00D9, 0x1EE6, 0x0168, 0x00DA, 0x1EE4 },	/* U Ù Ủ Ũ Ú Ụ */
	{ 0x01AF, 0x1EEA, 0x1EEC, 0x1EEE, 0x1EE8, 0x1EF0 },	/* Ư Ừ Ử Ữ Ứ Ự */
	{ 0x0059, 0x1EF2, 0x1EF6, 0x1EF8, 0x00DD, 0x1EF4 },	/* Y Ỳ Ỷ Ỹ Ý Ỵ */
};

static int vowel_row(unsigned char base, unsigned char mod)
{
	switch (base) {
	case 'a': return mod == VNL_MOD_NONE ? 0 : mod == VNL_MOD_BREVE ? 1 : mod == VNL_MOD_CIRC ? 2 : -1;
	case 'e': return mod == VNL_MOD_NONE ? 3 : mod == VNL_MOD_CIRC ? 4 : -1;
	case 'i': return mod == VNL_MOD_NONE ? 5 : -1;
	case 'o': return mod == VNL_MOD_NONE ? 6 : mod == VNL_MOD_CIRC ? 7 : mod == VNL_MOD_HORN ? 8 : -1;
	case 'u': return mod == VNL_MOD_NONE ? 9 : mod == VNL_MOD_HORN ? 10 : -1;
	case 'y': return mod == VNL_MOD_NONE ? 11 : -1;
	default: return -1;
	}
}

bool vnl_mod_fits(unsigned char base, unsigned char mod)
{
	if (mod == VNL_MOD_NONE)
		return true;
	if (mod == VNL_MOD_STROKE)
		return base == 'd';
	return vowel_row(base, mod) >= 0;
}

bool vnl_split(uint32_t cp, struct vnl_letter *l)
{
	if (cp < 0x80) {
		unsigned char lc = (unsigned char)(cp | 0x20);
		if (lc < 'a' || lc > 'z')
			return false;
		l->base = lc;
		l->mod = VNL_MOD_NONE;
		l->tone = VNL_TONE_NONE;
		l->upper = cp < 'a';
		return true;
	}
	if (cp >= 0xC0 && cp <= 0x1B0)
		*l = vn_latin[cp - 0xC0];
	else if (cp >= 0x1EA0 && cp <= 0x1EF9)
		*l = vn_ext[cp - 0x1EA0];
	else
		return false;
	return l->base != 0;
}

uint32_t vnl_join(const struct vnl_letter *l)
{
	if (l->tone > VNL_TONE_NANG || l->base < 'a' || l->base > 'z')
		return 0;
	if (l->mod == VNL_MOD_STROKE)
		return l->base == 'd' && l->tone == VNL_TONE_NONE ? (l->upper ? 0x110 : 0x111) : 0;
	int row = vowel_row(l->base, l->mod);
	if (row < 0) {
		if (l->mod != VNL_MOD_NONE || l->tone != VNL_TONE_NONE)
			return 0;
		return l->upper ? (uint32_t)l->base - 0x20 : l->base;
	}
	return l->upper ? vn_compose_upper[row][l->tone] : vn_compose_lower[row][l->tone];
}

void vnl_reader_init(struct vnl_reader *r, const char *s, size_t n)
{
	r->s = (const unsigned char *)s;
	r->end = r->s + n;
	r->npend = 0;
}

static inline bool raw_next(struct vnl_reader *r, uint32_t *cp)
{
	if (r->npend > 0) {
		*cp = r->pend[--r->npend];
		return true;
	}
	if (r->s >= r->end)
		return false;
	if (*r->s < 0x80) {
		*cp = *r->s++;
		return true;
	}
	int len = utf8_decode((const char *)r->s, (size_t)(r->end - r->s), cp);
	if (len < 0) {
		*cp = 0xFFFD;
		len = 1;
	}
	r->s += len;
	return true;
}

static void push_back(struct vnl_reader *r, uint32_t cp)
{
	/* Always room: we only push back what raw_next just took, and expand() keeps a slot free. */
	r->pend[r->npend++] = cp;
}

/* Combining marks in the U+0300 block, the only ones Vietnamese uses, straight from a switch:
 * tone in the low 3 bits, modifier above.  U+0340/U+0341/U+0344 decompose to (or contain)
 * grave and acute, so they carry the same tones as their NFD would. */
#define MARK(mod, tone) ((VNL_MOD_##mod << 3) | VNL_TONE_##tone)

static int block_mark(uint32_t cp)
{
	switch (cp) {
	case 0x0300: case 0x0340: return MARK(NONE, HUYEN);
	case 0x0309: return MARK(NONE, HOI);
	case 0x0303: return MARK(NONE, NGA);
	case 0x0301: case 0x0341: case 0x0344: return MARK(NONE, SAC);
	case 0x0323: return MARK(NONE, NANG);
	case 0x0306: return MARK(BREVE, NONE);
	case 0x0302: return MARK(CIRC, NONE);
	case 0x031B: return MARK(HORN, NONE);
	default: return MARK(NONE, NONE);
	}
}

static bool in_mark_block(uint32_t cp)
{
	return cp >= 0x300 && cp <= 0x36F;
}

/* Nonspacing and enclosing marks are what a fold drops; spacing marks (Mc) are kept, since in
 * the Indic scripts they are vowels rather than accents. */
static bool other_mark(uint32_t cp)
{
	return uc_is_general_category_withtable(cp, UC_CATEGORY_MASK_Mn | UC_CATEGORY_MASK_Me);
}

/* Replace cp by its canonical decomposition, to be read next; false if it has none. */
static bool expand(struct vnl_reader *r, uint32_t cp)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];

	if (cp < 0xC0)
		return false;
	int k = uc_canonical_decomposition(cp, d);
	if (k <= 0 || r->npend + k > VNL_PEND - 1)
		return false;
	while (k > 0)
		r->pend[r->npend++] = d[--k];
	return true;
}

static void apply_mark(struct vnl_char *c, int m)
{
	unsigned char tone = (unsigned char)(m & 7), mod = (unsigned char)(m >> 3);

	c->marked = true;
	/* Two tones on one letter is junk, but the highest wins rather than the first so that
	 * canonically equivalent orders (dot below commutes with the others) read the same. */
	if (tone > c->tone)
		c->tone = tone;
	/* The first modifier that fits wins, except that the horn beats a circumflex or breve met
	 * earlier: canonical order puts the horn (class 216) first, so this way "o\u0302\u031B"
	 * reads as its NFC ("ơ\u0302") does. */
	if (mod && c->cp < 0x80 && vnl_mod_fits((unsigned char)c->cp, mod) &&
	    (!c->mod || (mod == VNL_MOD_HORN && c->mod != VNL_MOD_HORN)))
		c->mod = mod;
}

bool vnl_next(struct vnl_reader *r, struct vnl_char *c)
{
	struct vnl_letter l;
	uint32_t cp;

	c->mod = VNL_MOD_NONE;
	c->tone = VNL_TONE_NONE;
	c->upper = c->marked = false;
	for (;;) {
		if (!raw_next(r, &cp))
			return false;
		if (cp < 0x80) {
			if (cp >= 'A' && cp <= 'Z') {
				cp |= 0x20;
				c->upper = true;
			}
			c->cp = cp;
			break;
		}
		if (vnl_split(cp, &l)) {
			c->cp = l.base;
			c->mod = l.mod;
			c->tone = l.tone;
			c->upper = l.upper;
			c->marked = l.mod || l.tone;
			break;
		}
		if (in_mark_block(cp)) {
			c->cp = VNL_NO_BASE;
			apply_mark(c, block_mark(cp));
			break;
		}
		if (expand(r, cp))
			continue;
		if (other_mark(cp)) {
			c->cp = VNL_NO_BASE;
			c->marked = true;
			break;
		}
		uint32_t lc = uc_tolower(cp);
		c->upper = lc != cp;
		c->cp = lc;
		break;
	}

	/* The marks that follow belong to this character, in whatever order they came.  Most of
	 * the time the next byte already shows there are none: ASCII, a lead byte below U+0300,
	 * or U+1E80..U+1EFF (E1 BA/BB), letters all. */
	if (r->npend == 0 && (r->s >= r->end || *r->s < 0xCC ||
			      (*r->s == 0xE1 && r->end - r->s > 1 && (r->s[1] == 0xBA || r->s[1] == 0xBB))))
		return true;
	while (raw_next(r, &cp)) {
		if (in_mark_block(cp)) {
			apply_mark(c, block_mark(cp));
			continue;
		}
		if (cp < 0x300 || (cp >= 0x1EA0 && cp <= 0x1EF9)) {
			push_back(r, cp);
			break;
		}
		if (expand(r, cp))
			continue;
		if (other_mark(cp)) {
			apply_mark(c, MARK(NONE, NONE));
			continue;
		}
		push_back(r, cp);
		break;
	}
	return true;
}

void vnl_oom(void)
{
	fputs("hoivien: out of memory\n", stderr);
	abort();
}
