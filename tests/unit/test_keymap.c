/* Unit tests for src/core/keymap: the built-in defaults, key names, the parser's errors, lookups
 * with the global fallback, dump and reload, and the user's file. */
#include "tap.h"

#include "core/keymap.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

extern const char keymap_default_text[];

static int load(struct keymap *km, const char *text, const char *path, struct buf *errs)
{
	return keymap_load_text(km, text, strlen(text), path, errs);
}

static uint32_t key(const char *name)
{
	uint32_t k = 0xdeadbeef;
	if (keymap_parse_key(name, strlen(name), &k) != 0)
		diag("cannot parse '%s'", name);
	return k;
}

static bool parses(const char *name)
{
	uint32_t k;
	return keymap_parse_key(name, strlen(name), &k) == 0;
}

static const char *name_of(uint32_t k)
{
	static char out[32];
	return keymap_key_name(k, out, sizeof out);
}

/* The action of key in the context called ctx, by name ("(none)" when unbound). */
static const char *act(const struct keymap *km, enum km_ctx ctx, const char *k)
{
	int a = keymap_lookup(km, ctx, key(k));
	return a == KA_NONE ? "(none)" : keymap_action_name(a);
}

static struct keymap *defaults(struct buf *errs)
{
	struct keymap *km = keymap_new();
	int bad = load(km, keymap_default_text, "(built-in)", errs);
	is_int(bad, 0, "the built-in defaults load without errors");
	if (bad)
		diag("%s", buf_str(errs));
	return km;
}

static void test_tables(void)
{
	static const char *const ctxs[] = { "global", "menu", "list", "form", "bulk", "units",
					    "choose", "confirm" };
	int wrong = 0;
	for (int c = 0; c < KM__NCTX; c++)
		wrong += strcmp(keymap_ctx_name(c), ctxs[c]) != 0;
	is_int(wrong, 0, "context names in enum order");
	is_str(keymap_ctx_name(KM__NCTX), NULL, "no context past the last");

	static const char *const acts[] = { "help", "redraw", "quit", "ime-toggle", "up", "down",
		"first", "last", "page-up", "page-down", "open", "new", "delete", "search", "filter",
		"clear-search", "backspace", "cancel", "next-field", "prev-field", "save", "choose",
		"left", "right", "home", "end", "delete-char", "clear-field", "next-page",
		"prev-page", "expand", "collapse", "rename", "move", "next-org", "yes", "no",
		"ime-method", "count", "export", "edit" };
	is_int(sizeof acts / sizeof acts[0], KA__COUNT - 1, "one name per action");
	wrong = 0;
	int nohelp = 0;
	for (int a = 1; a < KA__COUNT; a++) {
		if (strcmp(keymap_action_name(a), acts[a - 1]) != 0 ||
		    keymap_action_by_name(acts[a - 1]) != a) {
			wrong++;
			diag("action %d: '%s'", a, keymap_action_name(a));
		}
		nohelp += !*keymap_action_help(a);
	}
	is_int(wrong, 0, "action names in enum order, and back");
	is_int(nohelp, 0, "every action has a description");
	is_int(KA_IME_TOGGLE, 4, "KA_IME_TOGGLE");
	is_int(KA_PAGE_UP, 9, "KA_PAGE_UP");
	is_int(KA_DELETE_CHAR, 27, "KA_DELETE_CHAR");
	is_int(KA_NO, 37, "KA_NO last");
	is_str(keymap_action_name(KA_NONE), NULL, "KA_NONE has no name");
	is_str(keymap_action_name(KA__COUNT), NULL, "nothing past the last action");
	is_str(keymap_action_help(KA_NONE), "", "KA_NONE has no description");
	is_int(keymap_action_by_name("frobnicate"), -1, "unknown action name");
	is_int(keymap_action_by_name("Save"), -1, "action names are case-sensitive");
	is_str(keymap_action_help(KA_SAVE), "save the record", "description of save (English)");
}

static void test_defaults(void)
{
	struct buf errs = BUF_INIT;
	struct keymap *km = defaults(&errs);

	is_str(act(km, KM_FORM, "F2"), "save", "form F2 -> save");
	is_str(act(km, KM_FORM, "C-s"), "save", "form C-s -> save");
	is_str(act(km, KM_BULK, "C-w"), "save", "bulk C-w -> save");
	is_str(act(km, KM_LIST, "C-a"), "new", "list C-a -> new");
	is_str(act(km, KM_LIST, "Insert"), "new", "list Insert -> new");
	is_str(act(km, KM_LIST, "M-v"), "page-up", "list M-v -> page-up");
	is_str(act(km, KM_LIST, "C-u"), "clear-search", "list C-u -> clear-search");
	is_str(act(km, KM_LIST, "BSpace"), "backspace", "list BSpace -> backspace");
	is_str(act(km, KM_MENU, "q"), "quit", "menu q -> quit");
	is_str(act(km, KM_MENU, "?"), "help", "menu ? -> help");
	is_str(act(km, KM_MENU, "k"), "up", "menu k -> up");
	is_str(act(km, KM_MENU, "Right"), "open", "menu Right -> open");
	is_str(act(km, KM_FORM, "C-a"), "home", "form C-a -> home (not list's new)");
	is_str(act(km, KM_FORM, "Tab"), "next-field", "form Tab -> next-field");
	is_str(act(km, KM_FORM, "C-i"), "next-field", "form C-i is Tab");
	is_str(act(km, KM_FORM, "BTab"), "prev-field", "form BTab -> prev-field");
	is_str(act(km, KM_FORM, "PageDown"), "next-page", "form PageDown -> next-page");
	is_str(act(km, KM_FORM, "C-d"), "delete-char", "form C-d -> delete-char");
	is_str(act(km, KM_LIST, "C-d"), "delete", "list C-d -> delete");
	is_str(act(km, KM_UNITS, "+"), "expand", "units + -> expand");
	is_str(act(km, KM_UNITS, "-"), "collapse", "units - -> collapse");
	is_str(act(km, KM_UNITS, "o"), "next-org", "units o -> next-org");
	is_str(act(km, KM_UNITS, "F6"), "rename", "units F6 -> rename");
	is_str(act(km, KM_UNITS, "m"), "move", "units m -> move");
	is_str(act(km, KM_CHOOSE, "Enter"), "open", "choose Enter -> open");
	is_str(act(km, KM_CONFIRM, "c"), "yes", "confirm c -> yes");
	is_str(act(km, KM_CONFIRM, "k"), "no", "confirm k -> no");
	is_str(act(km, KM_CONFIRM, "Escape"), "cancel", "confirm Escape -> cancel");
	is_str(act(km, KM_GLOBAL, "C-\\"), "ime-toggle", "global C-\\ -> ime-toggle");
	is_str(act(km, KM_GLOBAL, "M-h"), "help", "global M-h -> help");
	/* The global fallback. */
	is_str(act(km, KM_FORM, "C-q"), "quit", "form C-q -> quit (global)");
	is_str(act(km, KM_FORM, "F1"), "help", "form F1 -> help (global)");
	is_str(act(km, KM_CONFIRM, "F10"), "quit", "confirm F10 -> quit (global)");
	is_str(act(km, KM_UNITS, "C-l"), "redraw", "units C-l -> redraw (global)");
	is_str(act(km, KM_FORM, "q"), "(none)", "form q is unbound (typed into the field)");
	is_str(act(km, KM_LIST, "j"), "(none)", "list j is unbound (goes to the search box)");
	is_int(keymap_lookup(km, KM__NCTX, key("q")), KA_NONE, "a context out of range");

	uint32_t keys[8];
	size_t n = keymap_keys_for(km, KM_LIST, KA_NEW, keys, 8);
	is_int(n, 3, "list new has three keys");
	ok(n == 3 && keys[0] == KM_INSERT && keys[1] == KM_F(3) && keys[2] == KM_CTRL('a'),
	   "in the order bound: Insert F3 C-a");
	n = keymap_keys_for(km, KM_FORM, KA_HELP, keys, 8);
	ok(n == 2 && keys[0] == KM_F(1) && keys[1] == (KM_META | 'h'), "form help: global F1 M-h");
	n = keymap_keys_for(km, KM_MENU, KA_HELP, keys, 8);
	ok(n == 3 && keys[0] == '?' && keys[1] == KM_F(1), "menu help: its own ? first, then global");
	n = keymap_keys_for(km, KM_LIST, KA_NEW, keys, 1);
	ok(n == 1 && keys[0] == KM_INSERT, "keys_for stops at max");
	is_int(keymap_keys_for(km, KM_FORM, KA_YES, keys, 8), 0, "no keys for an action not there");

	/* Every binding in the file, as written, resolves in its context. */
	const char *p = keymap_default_text;
	int lines = 0, wrong = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char line[256], c[32], k[32], a[32];
		snprintf(line, sizeof line, "%.*s", (int)len, p);
		if (sscanf(line, "bind %31s %31s %31s", c, k, a) == 3) {
			int ctx = -1;
			for (int i = 0; i < KM__NCTX; i++)
				if (strcmp(keymap_ctx_name(i), c) == 0)
					ctx = i;
			lines++;
			if (ctx < 0 || strcmp(act(km, (enum km_ctx)ctx, k), a) != 0) {
				wrong++;
				diag("'%s' does not resolve", line);
			}
		}
		p = nl ? nl + 1 : p + len;
	}
	ok(lines > 100, "default.keys has %d bindings", lines);
	is_int(wrong, 0, "every binding of default.keys resolves as written");

	keymap_free(&km);
	ok(km == NULL, "keymap_free NULLs the pointer");
	keymap_free(&km);
	keymap_free(NULL);
	ok(1, "keymap_free accepts NULL");
	buf_free(&errs);
}

/* Old terminals and SSH clients often send no F-keys: every action bound in a context must have
 * a key there (its own or global's) that is not an F-key. */
static void test_reachable_without_fkeys(void)
{
	struct buf errs = BUF_INIT;
	struct keymap *km = defaults(&errs);
	int bound = 0, unreachable = 0;
	for (int c = 0; c < KM__NCTX; c++)
		for (int a = 1; a < KA__COUNT; a++) {
			uint32_t keys[16];
			size_t n = keymap_keys_for(km, (enum km_ctx)c, a, keys, 16);
			if (!n)
				continue;
			bound++;
			bool other = false;
			for (size_t i = 0; i < n; i++)
				other |= !(keys[i] >= KM_F(1) && keys[i] <= KM_F(12));
			if (!other) {
				unreachable++;
				diag("%s %s has only F-keys", keymap_ctx_name(c), keymap_action_name(a));
			}
		}
	ok(bound > 80, "%d (context, action) pairs bound", bound);
	is_int(unreachable, 0, "every action is reachable without F-keys");
	keymap_free(&km);
	buf_free(&errs);
}

static void test_key_names(void)
{
	static const uint32_t special[] = { KM_UP, KM_DOWN, KM_LEFT, KM_RIGHT, KM_HOME, KM_END,
		KM_PAGEUP, KM_PAGEDOWN, KM_INSERT, KM_DELETE, KM_BSPACE, KM_ENTER, KM_TAB, KM_BTAB,
		KM_ESCAPE };
	static const char *const canon[] = { "Up", "Down", "Left", "Right", "Home", "End", "PageUp",
		"PageDown", "Insert", "Delete", "BSpace", "Enter", "Tab", "BTab", "Escape" };
	int bad = 0;
	for (size_t i = 0; i < sizeof special / sizeof special[0]; i++) {
		if (strcmp(name_of(special[i]), canon[i]) != 0 || key(canon[i]) != special[i]) {
			bad++;
			diag("special key %zu: '%s'", i, name_of(special[i]));
		}
		/* and with Meta */
		bad += key(name_of(special[i] | KM_META)) != (special[i] | KM_META);
	}
	is_int(bad, 0, "special keys: canonical names and round trip");

	bad = 0;
	for (unsigned f = 1; f <= 12; f++) {
		char want[8];
		snprintf(want, sizeof want, "F%u", f);
		bad += strcmp(name_of(KM_F(f)), want) != 0 || key(want) != KM_F(f);
	}
	is_int(bad, 0, "F1 … F12 round trip");

	bad = 0;
	for (char c = 'a'; c <= 'z'; c++) {
		char want[8];
		snprintf(want, sizeof want, "C-%c", c);
		uint32_t k = key(want);
		if (strchr("hijm", c))
			continue;	/* the bytes of BSpace, Tab, Enter: below */
		if (k != KM_CTRL(c) || strcmp(name_of(k), want) != 0) {
			bad++;
			diag("%s: %#x '%s'", want, (unsigned)k, name_of(k));
		}
		bad += key(name_of(k | KM_META)) != (k | KM_META);
	}
	is_int(bad, 0, "C-a … C-z round trip (and with M-)");
	is_int(key("C-A"), KM_CTRL('a'), "C-A is C-a");
	is_int(key("c-a"), KM_CTRL('a'), "c-a is C-a");
	is_int(key("C-\\"), 0x1c, "C-\\");
	is_str(name_of(0x1c), "C-\\", "name of C-\\");
	is_int(key("C-]"), 0x1d, "C-]");
	is_int(key("C-@"), 0, "C-@ is 0");
	is_int(key("C-Space"), 0, "C-Space is C-@");
	is_str(name_of(0), "C-@", "name of 0");
	is_str(name_of(0x1f), "C-_", "name of C-_");

	is_int(key("C-i"), KM_TAB, "C-i is Tab");
	is_int(key("C-m"), KM_ENTER, "C-m is Enter");
	is_int(key("C-j"), KM_ENTER, "C-j is Enter");
	is_int(key("C-h"), KM_BSPACE, "C-h is BSpace");
	is_int(key("C-["), KM_ESCAPE, "C-[ is Escape");
	is_int(key("M-C-i"), KM_META | KM_TAB, "M-C-i is M-Tab");
	is_str(name_of(9), "Tab", "byte 9 is named Tab");
	is_str(name_of(13), "Enter", "byte 13 is named Enter");
	is_str(name_of(0x7f), "BSpace", "DEL is named BSpace");
	is_str(name_of(27), "Escape", "byte 27 is named Escape");

	is_int(key("M-x"), KM_META | 'x', "M-x");
	is_str(name_of(KM_META | 'x'), "M-x", "name of M-x");
	is_int(key("M-<"), KM_META | '<', "M-<");
	is_int(key("M--"), KM_META | '-', "M-- is Meta-minus");
	is_int(key("M-C-x"), KM_META | KM_CTRL('x'), "M-C-x");
	is_int(key("C-M-x"), KM_META | KM_CTRL('x'), "C-M-x is M-C-x");
	is_str(name_of(KM_META | KM_CTRL('x')), "M-C-x", "name of M-C-x");
	is_int(key("M-X"), KM_META | 'X', "M-X keeps the capital");
	is_int(key("M-Up"), KM_META | KM_UP, "M-Up");

	bad = 0;
	for (uint32_t c = 0x21; c < 0x7f; c++) {
		char s[2] = { (char)c, 0 };
		bad += key(s) != c || strcmp(name_of(c), s) != 0;
	}
	is_int(bad, 0, "printable ASCII round trip");
	is_int(key("Space"), ' ', "Space");
	is_str(name_of(' '), "Space", "name of ' '");
	is_int(key(" "), ' ', "a space character is Space too");
	is_int(key("đ"), 0x111, "đ");
	is_str(name_of(0x111), "đ", "name of đ");
	is_int(key("Ư"), 0x1af, "Ư");
	is_int(key("ệ"), 0x1ec7, "ệ (precomposed)");
	is_int(key(name_of(KM_META | 0x1ec7)), KM_META | 0x1ec7, "M-ệ round trip");

	is_int(key("PPage"), KM_PAGEUP, "PPage");
	is_int(key("NPage"), KM_PAGEDOWN, "NPage");
	is_int(key("IC"), KM_INSERT, "IC");
	is_int(key("DC"), KM_DELETE, "DC");
	is_int(key("pageup"), KM_PAGEUP, "pageup (case-insensitive)");
	is_int(key("ESCAPE"), KM_ESCAPE, "ESCAPE");
	is_int(key("f5"), KM_F(5), "f5");
	is_int(key("bsPACE"), KM_BSPACE, "bsPACE");
	ok(!parses("Pag\xc3\xa9Up"), "only ASCII letters fold");
	is_int(key("space"), ' ', "space");

	ok(!parses(""), "empty name");
	ok(!parses("F0"), "F0");
	ok(!parses("F13"), "F13");
	ok(!parses("F01"), "F01");
	ok(!parses("Foo"), "Foo");
	ok(!parses("ab"), "two characters");
	ok(!parses("C-1"), "C-1");
	ok(!parses("C-Up"), "C-Up");
	ok(!parses("C-đ"), "C-đ");
	ok(!parses("C-C-a"), "C-C-a");
	ok(!parses("M-M-a"), "M-M-a");
	ok(!parses("C-"), "C- alone");
	ok(!parses("M-"), "M- alone");
	ok(!parses("\t"), "a tab character");
	ok(!parses("\x7f"), "DEL character");
	ok(!parses("\xc3"), "truncated UTF-8");
	uint32_t k;
	ok(keymap_parse_key("F10xx", 3, &k) == 0 && k == KM_F(10), "the length is honoured");

	char small[4];
	is_str(keymap_key_name(KM_PAGEDOWN, small, sizeof small), "Pag", "truncated to the buffer");
	char out[16];
	is_str(keymap_key_name(KM_META | KM_PAGEDOWN, out, sizeof out), "M-PageDown", "16 bytes enough");
	ok(!parses(name_of(0x85)), "a C1 control has no parseable name ('%s')", name_of(0x85));
}

static void test_errors(void)
{
	struct buf errs = BUF_INIT;
	struct keymap *km = keymap_new();
	const char *text =
		"# comment\n"				/* 1 */
		"bind form F2 save\n"			/* 2 */
		"bind form F99 save\n"			/* 3 unknown key */
		"bind list C-a frobnicate\n"		/* 4 unknown action */
		"\n"					/* 5 */
		"bind screen F2 save\n"			/* 6 unknown context */
		"bind list F2 save\n"			/* 7 not allowed in list */
		"  bind\tlist   x   new   # trailing comment\n"	/* 8 fine */
		"bind list y\n"				/* 9 missing word */
		"bind list y new extra\n"		/* 10 extra word */
		"unbind list\n"				/* 11 missing word */
		"frob list y new\n"			/* 12 unknown directive */
		"bind list \xff new\n"			/* 13 invalid UTF-8 */
		"bind list # search\r\n"		/* 14 fine: '#' is a key, CRLF */
		"unbind list q\n"			/* 15 fine: nothing to remove */
		"bind confirm y yes";			/* 16 fine, no final newline */
	int bad = load(km, text, "keys", &errs);
	is_int(bad, 9, "nine bad lines");
	const char *want =
		"keys:3: unknown key 'F99'\n"
		"keys:4: unknown action 'frobnicate'\n"
		"keys:6: unknown context 'screen' (known: global, menu, list, form, bulk, units, choose, confirm)\n"
		"keys:7: the action 'save' does not exist in context 'list'\n"
		"keys:9: expected: bind CONTEXT KEY ACTION\n"
		"keys:10: expected: bind CONTEXT KEY ACTION\n"
		"keys:11: expected: unbind CONTEXT KEY\n"
		"keys:12: unknown directive 'frob' (expected bind or unbind)\n"
		"keys:13: invalid UTF-8\n";
	is_str(buf_str(&errs), want, "each bad line reported as path:line, in order");
	is_str(act(km, KM_FORM, "F2"), "save", "good line 2 applied");
	is_str(act(km, KM_LIST, "x"), "new", "good line 8 applied (tabs, trailing comment)");
	is_str(act(km, KM_LIST, "#"), "search", "good line 14 applied ('#' key, CRLF)");
	is_str(act(km, KM_CONFIRM, "y"), "yes", "last line without a newline applied");
	is_str(act(km, KM_LIST, "F2"), "(none)", "the bad line 7 changed nothing");
	is_str(act(km, KM_LIST, "y"), "(none)", "nor did lines 9 and 10");

	/* NUL bytes, a byte order mark, a long word, a NULL errs. */
	buf_reset(&errs);
	static const char withnul[] = "\xef\xbb\xbf" "bind list z new\nbind list \0 new\nbind list w new\n";
	bad = keymap_load_text(km, withnul, sizeof withnul - 1, "nul", &errs);
	is_int(bad, 1, "a NUL byte makes its line bad");
	is_str(buf_str(&errs), "nul:2: a NUL byte in the line\n", "reported at its line");
	is_str(act(km, KM_LIST, "z"), "new", "a byte order mark is skipped");
	is_str(act(km, KM_LIST, "w"), "new", "the line after the NUL is read");
	buf_reset(&errs);
	bad = load(km, "bind list Ấáààààààààààààààààààààààààààààààààààààààààààààà new\n", "long", &errs);
	is_int(bad, 1, "an unknown long key");
	ok(strlen(buf_str(&errs)) < 80 && strstr(buf_str(&errs), "…'"),
	   "a long word is shortened: %.*s", (int)errs.len - 1, buf_str(&errs));
	is_int(load(km, "bind list Q nope\nbind\n", "x", NULL), 2, "errs may be NULL");
	is_int(load(km, "", "empty", &errs), 0, "empty text");

	keymap_free(&km);
	buf_free(&errs);
}

static void test_rebind_unbind(void)
{
	struct buf errs = BUF_INIT;
	struct keymap *km = defaults(&errs);

	/* Rebinding replaces the action and keeps the key's place. */
	is_int(load(km, "bind list C-a filter\n", "t", &errs), 0, "rebind list C-a");
	is_str(act(km, KM_LIST, "C-a"), "filter", "rebinding replaces the action");
	uint32_t keys[8];
	size_t n = keymap_keys_for(km, KM_LIST, KA_NEW, keys, 8);
	ok(n == 2 && keys[0] == KM_INSERT && keys[1] == KM_F(3), "C-a no longer does new");
	n = keymap_keys_for(km, KM_LIST, KA_FILTER, keys, 8);
	ok(n == 3 && keys[0] == KM_CTRL('a') && keys[1] == KM_F(4) && keys[2] == KM_CTRL('o'),
	   "filter: C-a in its old place (bound before F4 and C-o), then F4 C-o");
	struct buf d = BUF_INIT;
	keymap_dump(km, &d);
	const char *ins = strstr(buf_str(&d), "list Insert new\n");
	const char *ca = strstr(buf_str(&d), "list C-a filter\n");
	const char *f8 = strstr(buf_str(&d), "list F8 delete\n");
	ok(ins && ca && f8 && ins < ca && ca < f8, "the rebound key stays where it was bound");
	ok(!strstr(buf_str(&d), "list C-a new"), "and only once");
	buf_free(&d);

	/* Unbind: the context's own binding goes, global's applies. */
	is_str(act(km, KM_MENU, "?"), "help", "menu ? -> help before");
	is_int(load(km, "bind global q redraw\nunbind menu q\nunbind menu ?\n", "t", &errs), 0,
	       "unbind menu q");
	is_str(act(km, KM_MENU, "q"), "redraw", "unbound menu q falls back to global q");
	is_str(act(km, KM_MENU, "?"), "(none)", "unbound menu ? with no global binding");
	is_str(act(km, KM_LIST, "q"), "redraw", "global q in list too");
	is_str(act(km, KM_FORM, "C-a"), "home", "form's own C-a is not global's");
	n = keymap_keys_for(km, KM_MENU, KA_QUIT, keys, 8);
	ok(n == 3 && keys[0] == KM_ESCAPE && keys[1] == KM_CTRL('q') && keys[2] == KM_F(10),
	   "menu quit: Escape, then global C-q F10");
	n = keymap_keys_for(km, KM_MENU, KA_REDRAW, keys, 8);
	ok(n == 2 && keys[0] == KM_CTRL('l') && keys[1] == 'q', "menu redraw: global C-l q");
	n = keymap_keys_for(km, KM_UNITS, KA_REDRAW, keys, 8);
	ok(n == 1 && keys[0] == KM_CTRL('l'), "units redraw: not its own q (shadowed by cancel)");
	is_int(load(km, "unbind global F1\n", "t", &errs), 0, "unbind global F1");
	is_str(act(km, KM_FORM, "F1"), "(none)", "F1 does nothing anymore");
	is_int(load(km, "bind menu ? help\n", "t", &errs), 0, "bind menu ? again");
	n = keymap_keys_for(km, KM_MENU, KA_HELP, keys, 8);
	ok(n == 2 && keys[0] == '?' && keys[1] == (KM_META | 'h'), "menu help: ? M-h");
	is_str(buf_str(&errs), "", "no errors");
	keymap_free(&km);
	buf_free(&errs);
}

static void test_dump(void)
{
	struct buf errs = BUF_INIT, d1 = BUF_INIT, d2 = BUF_INIT;
	struct keymap *km = defaults(&errs);
	load(km, "bind form M-đ save\nbind list C-@ new\nunbind form C-w\nbind global Space redraw\n"
		 "bind list M-C-x search\n", "t", &errs);
	is_str(buf_str(&errs), "", "extra bindings load");
	keymap_dump(km, &d1);
	ok(strncmp(buf_str(&d1), "global F1 help\nglobal M-h help\n", 31) == 0,
	   "the dump starts with global, in the order bound");
	ok(strstr(buf_str(&d1), "form M-đ save\n") != NULL, "M-đ dumped");
	ok(strstr(buf_str(&d1), "global Space redraw\n") != NULL, "Space dumped");
	ok(strstr(buf_str(&d1), "list C-@ new\n") != NULL, "C-@ dumped");
	ok(strstr(buf_str(&d1), "form C-w") == NULL, "the unbound key is not dumped");
	ok(strstr(buf_str(&d1), "global C-\\ ime-toggle\n") != NULL, "C-\\ dumped");
	const char *g = strstr(buf_str(&d1), "global"), *m = strstr(buf_str(&d1), "menu"),
		   *c = strstr(buf_str(&d1), "confirm");
	ok(g && m && c && g < m && m < c, "contexts in enum order");

	/* The dump is CONTEXT KEY ACTION lines: with "bind " before each it is a keys file. */
	struct buf file = BUF_INIT;
	for (const char *p = buf_str(&d1); *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
		buf_adds(&file, "bind ");
		buf_add(&file, p, len);
		p += len;
	}
	struct keymap *km2 = keymap_new();
	is_int(keymap_load_text(km2, file.p, file.len, "dump", &errs), 0,
	       "the dump, each line a bind, loads without errors");
	buf_free(&file);
	keymap_dump(km2, &d2);
	is_str(buf_str(&d2), buf_str(&d1), "dump, load, dump gives the same text");
	is_str(act(km2, KM_FORM, "C-w"), "(none)", "the reloaded map lacks the unbound key");

	struct keymap *empty = keymap_new();
	buf_reset(&d2);
	keymap_dump(empty, &d2);
	is_str(buf_str(&d2), "", "an empty keymap dumps nothing");
	is_int(keymap_lookup(empty, KM_GLOBAL, KM_F(1)), KA_NONE, "and looks up nothing");

	keymap_free(&empty);
	keymap_free(&km2);
	keymap_free(&km);
	buf_free(&d1);
	buf_free(&d2);
	buf_free(&errs);
}

static void write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(s, f);
		fclose(f);
	}
}

static void test_user_file(void)
{
	char dir[] = "/tmp/hoivien-keymap-XXXXXX";
	if (!mkdtemp(dir)) {
		ok(0, "temp dir");
		return;
	}
	char sub[128], path[160];
	snprintf(sub, sizeof sub, "%s/hoivien", dir);
	snprintf(path, sizeof path, "%s/keys", sub);
	char *old_xdg = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
	setenv("XDG_CONFIG_HOME", dir, 1);

	char *p = keymap_user_path();
	is_str(p, path, "the user's file is $XDG_CONFIG_HOME/hoivien/keys");
	free(p);

	/* No file yet: the defaults, no errors. */
	struct buf errs = BUF_INIT;
	struct keymap *km = keymap_load_user(&errs);
	is_str(buf_str(&errs), "", "no user file is not an error");
	is_str(act(km, KM_FORM, "F2"), "save", "the defaults apply");
	keymap_free(&km);

	ok(mkdir(sub, 0700) == 0, "make hoivien/");
	write_file(path, "# mine\nbind form F2 cancel\nbind form C-z sav\n");
	km = keymap_load_user(&errs);
	ok(km != NULL, "loaded with errors");
	char want[256];
	snprintf(want, sizeof want, "%s:3: unknown action 'sav'\n", path);
	is_str(buf_str(&errs), want, "the bad line is reported with the file's path");
	is_str(act(km, KM_FORM, "F2"), "cancel", "the user's binding overrides the default");
	is_str(act(km, KM_FORM, "C-s"), "save", "other defaults stay");
	is_str(act(km, KM_FORM, "C-z"), "(none)", "the bad line bound nothing");
	keymap_free(&km);

	/* Unreadable: a directory in the file's place. */
	buf_reset(&errs);
	km = keymap_new();
	is_int(keymap_load_file(km, sub, &errs), 1, "a directory cannot be read: one error");
	ok(strncmp(buf_str(&errs), sub, strlen(sub)) == 0 && buf_str(&errs)[strlen(sub)] == ':' &&
	   strchr(buf_str(&errs), '\n') == buf_str(&errs) + errs.len - 1,
	   "reported as one line 'path: reason': %.*s", (int)errs.len - 1, buf_str(&errs));
	buf_reset(&errs);
	is_int(keymap_load_file(km, "/nonexistent/hoivien/keys", &errs), 0, "a missing file: 0");
	is_str(buf_str(&errs), "", "and no message");
	keymap_free(&km);

	/* A relative XDG_CONFIG_HOME is ignored. */
	setenv("XDG_CONFIG_HOME", "relative", 1);
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", "/home/hv", 1);
	p = keymap_user_path();
	is_str(p, "/home/hv/.config/hoivien/keys", "else $HOME/.config/hoivien/keys");
	free(p);
	if (old_home)
		setenv("HOME", old_home, 1);
	else
		unsetenv("HOME");
	free(old_home);
	if (old_xdg)
		setenv("XDG_CONFIG_HOME", old_xdg, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	free(old_xdg);

	unlink(path);
	rmdir(sub);
	ok(rmdir(dir) == 0, "cleanup");
	buf_free(&errs);
}

int main(void)
{
	test_tables();
	test_defaults();
	test_reachable_without_fkeys();
	test_key_names();
	test_errors();
	test_rebind_unbind();
	test_dump();
	test_user_file();
	return done_testing();
}
