/* Vietnamese letters and the program's own symbols in ASCII: VIQR mnemonics or no marks. */
#include "text/translit.h"

#include "text/vnletter.h"

size_t vn_translit_letter(uint32_t cp, bool viqr, char out[4])
{
	struct vnl_letter l;
	if (cp < 0x80 || !vnl_split(cp, &l))
		return 0;
	size_t n = 0;
	char base = (char)(l.upper ? l.base - 'a' + 'A' : l.base);
	out[n++] = base;
	if (viqr) {
		/* RFC 1456: modifier first, then tone (a^' = ấ); đ is dd. */
		switch (l.mod) {
		case VNL_MOD_BREVE: out[n++] = '('; break;
		case VNL_MOD_CIRC: out[n++] = '^'; break;
		case VNL_MOD_HORN: out[n++] = '+'; break;
		case VNL_MOD_STROKE: out[n++] = base; break;
		default: break;
		}
		static const char tones[] = { 0, '`', '?', '~', '\'', '.' };
		if (l.tone && l.tone < sizeof tones)
			out[n++] = tones[l.tone];
	}
	out[n] = '\0';
	return n;
}

const char *vn_translit_symbol(uint32_t cp)
{
	switch (cp) {
	case 0x00A0: return " ";
	case 0x00AB: return "<<";
	case 0x00BB: return ">>";
	case 0x00D7: return "x";
	case 0x2013: case 0x2014: case 0x2212: return "-";
	case 0x2018: case 0x2019: return "'";
	case 0x201C: case 0x201D: return "\"";
	case 0x2022: case 0x00B7: return "*";
	case 0x2026: return "...";
	case 0x2190: return "<-";
	case 0x2192: return "->";
	case 0x2191: case 0x25B2: return "^";
	case 0x2193: case 0x25BC: return "v";
	case 0x2500: case 0x2550: return "-";
	case 0x2502: case 0x2551: return "|";
	case 0x250C: case 0x2510: case 0x2514: case 0x2518: case 0x251C: case 0x2524:
	case 0x252C: case 0x2534: case 0x253C: return "+";
	case 0x2713: case 0x2714: return "+";
	default: return NULL;
	}
}
