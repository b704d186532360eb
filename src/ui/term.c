/* The terminal through curses: set-up, keys, safe text. */
#include "ui/term.h"

#include "core/keymap.h"
#include "text/translit.h"
#include "text/utf8.h"
#include "text/width.h"
#include "util/msg.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static bool started;
static bool colour;
/* How text reaches the terminal: decided once, from the locale's character set. */
static enum term_display display = TD_UTF8;
static bool ascii_viqr = true;	/* on an ASCII terminal: VIQR, else no marks */
/* The terminal went away (SSH dropped: SIGHUP) or someone asked the program to stop
 * (SIGTERM): the main loop ends and the store is closed properly, so the next person to open
 * it does not have to run recovery while everyone else waits. */
static volatile sig_atomic_t hangup;

static void on_hangup(int sig)
{
	(void)sig;
	hangup = 1;
}

static attr_t attr_of(enum term_attr a)
{
	if (colour) {
		switch (a) {
		case TA_TITLE: return COLOR_PAIR(1) | A_BOLD;
		case TA_STATUS: return COLOR_PAIR(1);
		case TA_SELECTED: return A_REVERSE;
		case TA_LABEL: return A_NORMAL;
		case TA_INPUT: return COLOR_PAIR(2) | A_UNDERLINE;
		case TA_ERROR: return COLOR_PAIR(3) | A_BOLD;
		case TA_WARN: return COLOR_PAIR(4) | A_BOLD;
		case TA_DIM: return A_DIM;
		case TA_HEADING: return A_BOLD;
		default: return A_NORMAL;
		}
	}
	/* A monochrome terminal: reverse video, bold and underline say the same. */
	switch (a) {
	case TA_TITLE: return A_REVERSE | A_BOLD;
	case TA_STATUS: return A_REVERSE;
	case TA_SELECTED: return A_REVERSE;
	case TA_INPUT: return A_UNDERLINE;
	case TA_ERROR: return A_BOLD;
	case TA_WARN: return A_BOLD;
	case TA_HEADING: return A_BOLD;
	default: return A_NORMAL;
	}
}

/* A character the locale's 8-bit character set holds as a printable byte (TCVN's capitals in
 * C0 would reach the terminal as controls). */
static bool locale_has(wchar_t w)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(mb, w, &st);
	return n != (size_t)-1 && n > 0 && (n > 1 || (unsigned char)mb[0] >= 0x20);
}

void term_ascii_style(bool viqr)
{
	ascii_viqr = viqr;
	if (display == TD_VIQR || display == TD_NOMARKS)
		display = viqr ? TD_VIQR : TD_NOMARKS;
}

enum term_display term_choose_display(void)
{
	const char *cs = nl_langinfo(CODESET);
	if (cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"))) {
		display = TD_UTF8;
		return display;
	}
	/* An 8-bit set that holds every Vietnamese letter (VISCII, TCVN) shows them as they are;
	 * one that lacks any (Latin-1, ASCII) shows all of them in ASCII, so that a name never
	 * comes out half in one form and half in the other. */
	static const wchar_t probe[] = L"ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợ"
				       L"ùủũúụừửữứựỳỷỹýỵ";
	bool all = true;
	for (const wchar_t *w = probe; *w && all; w++)
		all = locale_has(*w);
	display = all ? TD_LOCALE : ascii_viqr ? TD_VIQR : TD_NOMARKS;
	return display;
}

enum term_display term_display(void)
{
	return display;
}

int term_start(void)
{
	/* Escape alone is "cancel": wait only briefly for the rest of a key's sequence. */
	if (!getenv("ESCDELAY"))
		set_escdelay(40);
	if (!newterm(NULL, stdout, stdin)) {
		msg_error("cannot use the terminal (TERM=%s)", getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	started = true;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	/* Send a screen in one write, not line by line between checks for typed-ahead keys:
	 * over SSH every write can be a packet of its own. */
	typeahead(-1);
	struct sigaction sa = { .sa_handler = on_hangup };
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: the read waiting for a key must return */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	colour = has_colors() && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
	if (colour) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);
		init_pair(2, -1, -1);
		init_pair(3, COLOR_RED, -1);
		init_pair(4, COLOR_YELLOW, -1);
	}
	return 0;
}

void term_stop(void)
{
	if (!started)
		return;
	endwin();
	delscreen(set_term(NULL));
	started = false;
}

int term_rows(void)
{
	return LINES;
}

int term_cols(void)
{
	return COLS;
}

static uint32_t from_curses_key(int k)
{
	if (k >= KEY_F(1) && k <= KEY_F(12))
		return KM_F(k - KEY_F0);
	switch (k) {
	case KEY_UP: return KM_UP;
	case KEY_DOWN: return KM_DOWN;
	case KEY_LEFT: return KM_LEFT;
	case KEY_RIGHT: return KM_RIGHT;
	case KEY_HOME: return KM_HOME;
	case KEY_END: return KM_END;
	case KEY_PPAGE: return KM_PAGEUP;
	case KEY_NPAGE: return KM_PAGEDOWN;
	case KEY_IC: return KM_INSERT;
	case KEY_DC: return KM_DELETE;
	case KEY_BACKSPACE: return KM_BSPACE;
	case KEY_ENTER: return KM_ENTER;
	case KEY_BTAB: return KM_BTAB;
	case KEY_RESIZE: return TERM_KEY_RESIZE;
	default: return 0;	/* a key no binding can name */
	}
}

static uint32_t from_char(wint_t c)
{
	switch (c) {
	case '\r':
	case '\n': return KM_ENTER;
	case '\t': return KM_TAB;
	case 0x7f:
	case 0x08: return KM_BSPACE;
	case 0x1b: return KM_ESCAPE;
	default: return (uint32_t)c;
	}
}

/* The key of what get_wch gave (r, c); 0 for one no binding can name (read on). */
static uint32_t decode_key(int r, wint_t c)
{
	if (r == KEY_CODE_YES)
		return from_curses_key((int)c);
	if (c != 0x1b)
		return from_char(c);
	/* Escape: a key that follows at once is Alt+key (what terminals send for it). */
	nodelay(stdscr, TRUE);
	wint_t c2;
	int r2 = get_wch(&c2);
	nodelay(stdscr, FALSE);
	if (r2 == ERR)
		return KM_ESCAPE;
	if (r2 == KEY_CODE_YES) {
		uint32_t k = from_curses_key((int)c2);
		return k ? (k == TERM_KEY_RESIZE ? k : KM_META | k) : KM_ESCAPE;
	}
	if (c2 == '[' || c2 == 'O') {
		/* A key's sequence the terminal description does not know (say "\e[4~" for End
		 * under the wrong TERM): read it to its end and ignore it, rather than typing
		 * "4~". */
		nodelay(stdscr, TRUE);
		wint_t c3;
		int got = 0;
		while (got < 16 && get_wch(&c3) != ERR) {
			got++;
			if (c3 >= 0x40 && c3 <= 0x7e && !(got == 1 && c3 == '['))
				break;
		}
		nodelay(stdscr, FALSE);
		return got == 0 ? KM_META | c2 : 0;	/* Alt-[ or Alt-O itself */
	}
	return KM_META | from_char(c2);
}

uint32_t term_key(void)
{
	for (;;) {
		wint_t c;
		if (hangup)
			return TERM_KEY_HANGUP;
		errno = 0;
		int r = get_wch(&c);
		if (r == ERR) {
			/* Without a timeout, ERR is a signal or the end of the input: a closed
			 * terminal reads as end of file for ever. */
			if (hangup || errno != EINTR)
				return TERM_KEY_HANGUP;
			continue;
		}
		uint32_t k = decode_key(r, c);
		if (k)
			return k;
	}
}

uint32_t term_key_ready(void)
{
	if (hangup)
		return TERM_KEY_HANGUP;
	nodelay(stdscr, TRUE);
	wint_t c;
	int r = get_wch(&c);
	nodelay(stdscr, FALSE);
	return r == ERR ? 0 : decode_key(r, c);
}

void term_clear(void)
{
	erase();
}

/* A code point as it may be shown: controls and what is not valid become '?'. */
static wchar_t shown(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return L'?';
	if (cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f)
		return L'?';	/* line separators and bidirectional overrides */
	return (wchar_t)cp;
}

/* Lay out s[0..n) as the terminal will show it, at most width columns: into out (up to max
 * characters, may be NULL) and returns the columns used.  Every code point goes through shown();
 * a terminal that cannot show a letter gets its ASCII form, which is what term_width_of measures
 * too, so columns line up whatever the terminal. */
static int layout(const char *s, size_t n, int width, wchar_t *out, size_t max, size_t *nout)
{
	size_t nw = 0;
	int used = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			cp = '?';
			len = 1;
		}
		i += (size_t)len;
		wchar_t w = shown(cp);
		char alt[5];
		const char *ascii = NULL;
		if (display != TD_UTF8 && w >= 0x80 &&
		    (display != TD_LOCALE || !locale_has(w))) {
			if (w >= 0x300 && w < 0x370)
				continue;	/* a combining mark: its letter is already out */
			if (vn_translit_letter((uint32_t)w, display != TD_NOMARKS, alt))
				ascii = alt;
			else if (!(ascii = vn_translit_symbol((uint32_t)w)))
				ascii = "?";
		}
		if (ascii) {
			size_t k = strlen(ascii);
			if (used + (int)k > width || (out && nw + k >= max))
				break;
			for (size_t j = 0; j < k; j++)
				if (out)
					out[nw++] = (wchar_t)ascii[j];
			used += (int)k;
			continue;
		}
		char one[4];
		size_t olen = utf8_encode((uint32_t)w, one);
		int cw = vn_width(one, olen);
		if (used + cw > width || (out && nw + 1 >= max))
			break;
		if (out)
			out[nw++] = w;
		used += cw;
	}
	if (nout)
		*nout = nw;
	return used;
}

int term_text(int row, int col, int width, const char *s, enum term_attr a, bool pad)
{
	if (row < 0 || row >= LINES || col >= COLS || width <= 0)
		return 0;
	if (col + width > COLS)
		width = COLS - col;
	wchar_t wbuf[512];
	size_t nw = 0;
	int used = layout(s ? s : "", s ? strlen(s) : 0, width, wbuf, sizeof wbuf / sizeof *wbuf,
			  &nw);
	wbuf[nw] = 0;
	attr_t at = attr_of(a);
	attron(at);
	mvaddnwstr(row, col, wbuf, (int)nw);
	if (pad)
		for (int i = used; i < width; i++)
			addch(' ');
	attroff(at);
	return pad ? width : used;
}

void term_fill(int row, int col, int width, enum term_attr a)
{
	if (row < 0 || row >= LINES || col >= COLS || width == 0)
		return;
	if (width < 0 || col + width > COLS)
		width = COLS - col;
	attr_t at = attr_of(a);
	attron(at);
	mvhline(row, col, ' ', width);
	attroff(at);
}

static int cur_row = -1, cur_col;

void term_cursor(int row, int col)
{
	cur_row = row;
	cur_col = col;
}

void term_flush(void)
{
	if (cur_row >= 0 && cur_row < LINES) {
		curs_set(1);
		move(cur_row, cur_col < COLS ? cur_col : COLS - 1);
	} else {
		curs_set(0);
	}
	refresh();
}

void term_redraw_all(void)
{
	clearok(curscr, TRUE);
}

int term_width_of(const char *s)
{
	if (!s)
		return 0;
	if (display == TD_UTF8)
		return vn_width(s, strlen(s));
	return layout(s, strlen(s), INT_MAX, NULL, 0, NULL);
}
