/* Key bindings: the action table, key names, the keys-file parser and per-context lookups.
 *
 * The defaults are keymaps/default.keys compiled in as a string and read by the same parser as a
 * user's file (as tmux does), so they cannot drift from the file that documents them.  Bindings
 * are few (a few dozen per context), so each context keeps a plain array of (key, action) in the
 * order the keys were bound: that order is what the help screen and --dump-keys show, and a
 * linear search over it is faster than a key press. */
#include "core/keymap.h"

#include "text/utf8.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

/* build/gen/keymap_default.c, generated from keymaps/default.keys by make. */
extern const char keymap_default_text[];

#define CTX(c) (1u << (c))
#define ALL_CTX (CTX(KM__NCTX) - 1)
#define FORMS (CTX(KM_FORM) | CTX(KM_BULK))
#define LISTS (CTX(KM_MENU) | CTX(KM_LIST) | CTX(KM_UNITS) | CTX(KM_CHOOSE))

static const char *const CTX_NAMES[KM__NCTX] = {
	[KM_GLOBAL] = "global",
	[KM_MENU] = "menu",
	[KM_LIST] = "list",
	[KM_FORM] = "form",
	[KM_BULK] = "bulk",
	[KM_UNITS] = "units",
	[KM_CHOOSE] = "choose",
	[KM_CONFIRM] = "confirm",
};

/* Where each action may be bound: the contexts whose screens implement it (as default.keys binds
 * them), so that a binding the UI would silently ignore is an error instead. */
static const struct km_action {
	const char *name;
	unsigned ctxs;		/* CTX() bits */
	const char *help;	/* N_(): translated when shown */
} ACTIONS[KA__COUNT] = {
	[KA_HELP] = { .name = "help", .ctxs = ALL_CTX, .help = N_("show the keys") },
	[KA_REDRAW] = { .name = "redraw", .ctxs = ALL_CTX, .help = N_("redraw the screen") },
	[KA_QUIT] = { .name = "quit", .ctxs = ALL_CTX, .help = N_("quit hoivien") },
	[KA_IME_TOGGLE] = { .name = "ime-toggle", .ctxs = ALL_CTX,
			    .help = N_("turn Vietnamese typing on or off") },
	[KA_COUNT] = { .name = "count", .ctxs = CTX(KM_LIST),
		       .help = N_("count the values of a column over the list") },
	[KA_IME_METHOD] = { .name = "ime-method", .ctxs = ALL_CTX,
			    .help = N_("next Vietnamese typing method (Telex, VNI, VIQR)") },
	[KA_UP] = { .name = "up", .ctxs = LISTS, .help = N_("move up") },
	[KA_DOWN] = { .name = "down", .ctxs = LISTS, .help = N_("move down") },
	[KA_FIRST] = { .name = "first", .ctxs = CTX(KM_MENU) | CTX(KM_LIST) | CTX(KM_UNITS),
		       .help = N_("go to the first item") },
	[KA_LAST] = { .name = "last", .ctxs = CTX(KM_MENU) | CTX(KM_LIST) | CTX(KM_UNITS),
		      .help = N_("go to the last item") },
	[KA_PAGE_UP] = { .name = "page-up", .ctxs = CTX(KM_LIST) | CTX(KM_UNITS) | CTX(KM_CHOOSE),
			 .help = N_("scroll up a page") },
	[KA_PAGE_DOWN] = { .name = "page-down", .ctxs = CTX(KM_LIST) | CTX(KM_UNITS) | CTX(KM_CHOOSE),
			   .help = N_("scroll down a page") },
	[KA_OPEN] = { .name = "open", .ctxs = LISTS, .help = N_("open the selected item") },
	[KA_NEW] = { .name = "new", .ctxs = CTX(KM_LIST) | CTX(KM_UNITS), .help = N_("add a new one") },
	[KA_DELETE] = { .name = "delete", .ctxs = CTX(KM_LIST),
			.help = N_("delete the selected member") },
	[KA_SEARCH] = { .name = "search", .ctxs = CTX(KM_LIST), .help = N_("search") },
	[KA_FILTER] = { .name = "filter", .ctxs = CTX(KM_LIST), .help = N_("filter the list") },
	[KA_CLEAR_SEARCH] = { .name = "clear-search", .ctxs = CTX(KM_LIST),
			      .help = N_("clear the search") },
	[KA_BACKSPACE] = { .name = "backspace", .ctxs = CTX(KM_LIST) | FORMS | CTX(KM_CHOOSE),
			   .help = N_("delete the character before the cursor") },
	[KA_CANCEL] = { .name = "cancel", .ctxs = ALL_CTX & ~(CTX(KM_GLOBAL) | CTX(KM_MENU)),
			.help = N_("cancel and go back") },
	[KA_NEXT_FIELD] = { .name = "next-field", .ctxs = FORMS, .help = N_("go to the next field") },
	[KA_PREV_FIELD] = { .name = "prev-field", .ctxs = FORMS,
			    .help = N_("go to the previous field") },
	[KA_SAVE] = { .name = "save", .ctxs = FORMS, .help = N_("save the record") },
	[KA_CHOOSE] = { .name = "choose", .ctxs = FORMS, .help = N_("choose from a list") },
	[KA_LEFT] = { .name = "left", .ctxs = FORMS, .help = N_("move the cursor left") },
	[KA_RIGHT] = { .name = "right", .ctxs = FORMS, .help = N_("move the cursor right") },
	[KA_HOME] = { .name = "home", .ctxs = FORMS, .help = N_("go to the start of the field") },
	[KA_END] = { .name = "end", .ctxs = FORMS, .help = N_("go to the end of the field") },
	[KA_DELETE_CHAR] = { .name = "delete-char", .ctxs = FORMS,
			     .help = N_("delete the character under the cursor") },
	[KA_CLEAR_FIELD] = { .name = "clear-field", .ctxs = FORMS, .help = N_("clear the field") },
	[KA_NEXT_PAGE] = { .name = "next-page", .ctxs = CTX(KM_FORM),
			   .help = N_("go to the next page of the form") },
	[KA_PREV_PAGE] = { .name = "prev-page", .ctxs = CTX(KM_FORM),
			   .help = N_("go to the previous page of the form") },
	[KA_EXPAND] = { .name = "expand", .ctxs = CTX(KM_UNITS), .help = N_("show the units under it") },
	[KA_COLLAPSE] = { .name = "collapse", .ctxs = CTX(KM_UNITS),
			  .help = N_("hide the units under it") },
	[KA_RENAME] = { .name = "rename", .ctxs = CTX(KM_UNITS), .help = N_("rename the unit") },
	[KA_MOVE] = { .name = "move", .ctxs = CTX(KM_UNITS),
		      .help = N_("move the unit under another one") },
	[KA_NEXT_ORG] = { .name = "next-org", .ctxs = CTX(KM_UNITS),
			  .help = N_("switch to the next organization") },
	[KA_YES] = { .name = "yes", .ctxs = CTX(KM_CONFIRM), .help = N_("answer yes") },
	[KA_NO] = { .name = "no", .ctxs = CTX(KM_CONFIRM), .help = N_("answer no") },
	[KA_EXPORT] = { .name = "export", .ctxs = CTX(KM_LIST),
			.help = N_("write it to a file (CSV, or .xlsx)") },
	[KA_EDIT] = { .name = "edit", .ctxs = CTX(KM_UNITS),
		      .help = N_("edit the area and figures") },
};

/* Special keys: the canonical name first, then the other spellings accepted. */
static const struct {
	const char *name;
	uint32_t key;
} SPECIAL[] = {
	{ "Up", KM_UP }, { "Down", KM_DOWN }, { "Left", KM_LEFT }, { "Right", KM_RIGHT },
	{ "Home", KM_HOME }, { "End", KM_END }, { "PageUp", KM_PAGEUP }, { "PageDown", KM_PAGEDOWN },
	{ "Insert", KM_INSERT }, { "Delete", KM_DELETE }, { "BSpace", KM_BSPACE },
	{ "Enter", KM_ENTER }, { "Tab", KM_TAB }, { "BTab", KM_BTAB }, { "Escape", KM_ESCAPE },
	{ "Space", ' ' },
	{ "PPage", KM_PAGEUP }, { "NPage", KM_PAGEDOWN }, { "IC", KM_INSERT }, { "DC", KM_DELETE },
};
#define NSPECIAL (sizeof SPECIAL / sizeof SPECIAL[0])

struct binding {
	uint32_t key;
	int action;
};

struct keymap {
	struct {
		struct binding *v;	/* in the order the keys were bound */
		size_t n, cap;
	} ctx[KM__NCTX];
};

struct keymap *keymap_new(void)
{
	return xcalloc(1, sizeof(struct keymap));
}

void keymap_free(struct keymap **km)
{
	if (!km || !*km)
		return;
	for (int c = 0; c < KM__NCTX; c++)
		free((*km)->ctx[c].v);
	XFREE(*km);
}

/* ---- names ---- */

const char *keymap_action_name(int action)
{
	return action > KA_NONE && action < KA__COUNT ? ACTIONS[action].name : NULL;
}

const char *keymap_action_help(int action)
{
	return action > KA_NONE && action < KA__COUNT ? _(ACTIONS[action].help) : "";
}

const char *keymap_ctx_name(int ctx)
{
	return ctx >= 0 && ctx < KM__NCTX ? CTX_NAMES[ctx] : NULL;
}

static int action_by_name(const char *s, size_t n)
{
	for (int a = KA_NONE + 1; a < KA__COUNT; a++)
		if (strlen(ACTIONS[a].name) == n && memcmp(ACTIONS[a].name, s, n) == 0)
			return a;
	return -1;
}

int keymap_action_by_name(const char *name)
{
	return name ? action_by_name(name, strlen(name)) : -1;
}

static int ctx_by_name(const char *s, size_t n)
{
	for (int c = 0; c < KM__NCTX; c++)
		if (strlen(CTX_NAMES[c]) == n && memcmp(CTX_NAMES[c], s, n) == 0)
			return c;
	return -1;
}

/* ---- key names ---- */

/* Ctrl with a character: the byte the terminal sends, or the special key it cannot be told from. */
static int ctrl_key(uint32_t c, uint32_t *key)
{
	if (c == ' ')
		c = '@';
	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (c < '@' || c > '_')
		return -1;
	switch (c) {
	case 'H': *key = KM_BSPACE; break;
	case 'I': *key = KM_TAB; break;
	case 'J': case 'M': *key = KM_ENTER; break;
	case '[': *key = KM_ESCAPE; break;
	default: *key = KM_CTRL(c); break;
	}
	return 0;
}

/* ASCII only, whatever the locale (strncasecmp follows LC_CTYPE). */
static bool same_name(const char *name, const char *s, size_t n)
{
	size_t i = 0;
	for (; i < n && name[i]; i++) {
		unsigned char a = (unsigned char)name[i], b = (unsigned char)s[i];
		if (a != b && (a | 0x20) != (b | 0x20))
			return false;
		if (a != b && !((a | 0x20) >= 'a' && (a | 0x20) <= 'z'))
			return false;
	}
	return i == n && !name[i];
}

static int parse_base(const char *s, size_t n, uint32_t *key)
{
	uint32_t cp;
	if (n == 0)
		return -1;
	if (utf8_decode(s, n, &cp) == (int)n) {
		if (cp < 0x20 || cp == 0x7f || !uc_is_print(cp))
			return -1;
		*key = cp;
		return 0;
	}
	for (size_t i = 0; i < NSPECIAL; i++)
		if (same_name(SPECIAL[i].name, s, n)) {
			*key = SPECIAL[i].key;
			return 0;
		}
	/* F1 … F12, no leading zero. */
	if ((s[0] == 'F' || s[0] == 'f') && (n == 2 || n == 3) && s[1] >= '1' && s[1] <= '9') {
		unsigned f = (unsigned)(s[1] - '0');
		if (n == 3) {
			if (s[2] < '0' || s[2] > '9')
				return -1;
			f = f * 10 + (unsigned)(s[2] - '0');
		}
		if (f > 12)
			return -1;
		*key = KM_F(f);
		return 0;
	}
	return -1;
}

int keymap_parse_key(const char *name, size_t n, uint32_t *key)
{
	bool ctrl = false, meta = false;
	/* Modifier prefixes; no base name has '-' as its second byte, so "M--" is Meta-minus. */
	while (n > 2 && name[1] == '-') {
		if ((name[0] == 'C' || name[0] == 'c') && !ctrl)
			ctrl = true;
		else if ((name[0] == 'M' || name[0] == 'm') && !meta)
			meta = true;
		else
			break;
		name += 2;
		n -= 2;
	}
	uint32_t k;
	if (parse_base(name, n, &k) != 0)
		return -1;
	if (ctrl && (k >= KM_SPECIAL || ctrl_key(k, &k) != 0))
		return -1;
	*key = meta ? k | KM_META : k;
	return 0;
}

const char *keymap_key_name(uint32_t key, char *out, size_t size)
{
	char tmp[32];
	const char *meta = "";
	if ((key & KM_META) && key != KM_META) {
		meta = "M-";
		key &= ~KM_META;
	}
	const char *s = NULL;
	switch (key) {
	case 0x08: case 0x7f: s = "BSpace"; break;
	case 0x09: s = "Tab"; break;
	case 0x0a: case 0x0d: s = "Enter"; break;
	case 0x1b: s = "Escape"; break;
	case ' ': s = "Space"; break;
	}
	if (!s)
		for (size_t i = 0; i < NSPECIAL; i++)
			if (SPECIAL[i].key == key) {
				s = SPECIAL[i].name;
				break;
			}
	if (s) {
		snprintf(tmp, sizeof tmp, "%s%s", meta, s);
	} else if (key < 0x20) {
		int c = key == 0 ? '@' : key <= 26 ? (int)('a' + key - 1) : "[\\]^_"[key - 27];
		snprintf(tmp, sizeof tmp, "%sC-%c", meta, c);
	} else if (key < KM_SPECIAL && uc_is_print(key)) {
		char u[4];
		size_t len = utf8_encode(key, u);
		snprintf(tmp, sizeof tmp, "%s%.*s", meta, (int)len, u);
	} else if (key < KM_SPECIAL) {
		snprintf(tmp, sizeof tmp, "%sU+%04X", meta, (unsigned)key);
	} else if (key >= KM_F(1) && key <= KM_F(12)) {
		snprintf(tmp, sizeof tmp, "%sF%u", meta, (unsigned)(key - KM_SPECIAL));
	} else {
		snprintf(tmp, sizeof tmp, "%s0x%X", meta, (unsigned)key);
	}
	if (size)
		snprintf(out, size, "%s", tmp);
	return out;
}

/* ---- bindings ---- */

static struct binding *find(const struct keymap *km, int ctx, uint32_t key)
{
	for (size_t i = 0; i < km->ctx[ctx].n; i++)
		if (km->ctx[ctx].v[i].key == key)
			return &km->ctx[ctx].v[i];
	return NULL;
}

static void add_binding(struct keymap *km, int ctx, uint32_t key, int action)
{
	struct binding *b = find(km, ctx, key);
	if (b) {
		b->action = action;
		return;
	}
	xgrow((void **)&km->ctx[ctx].v, &km->ctx[ctx].cap, km->ctx[ctx].n + 1, sizeof(struct binding));
	km->ctx[ctx].v[km->ctx[ctx].n++] = (struct binding){ .key = key, .action = action };
}

static void remove_binding(struct keymap *km, int ctx, uint32_t key)
{
	struct binding *b = find(km, ctx, key);
	if (!b)
		return;
	struct binding *end = km->ctx[ctx].v + km->ctx[ctx].n;
	memmove(b, b + 1, (size_t)(end - (b + 1)) * sizeof *b);
	km->ctx[ctx].n--;
}

int keymap_lookup(const struct keymap *km, enum km_ctx ctx, uint32_t key)
{
	if ((int)ctx < 0 || ctx >= KM__NCTX)
		return KA_NONE;
	const struct binding *b = find(km, ctx, key);
	if (!b && ctx != KM_GLOBAL)
		b = find(km, KM_GLOBAL, key);
	return b ? b->action : KA_NONE;
}

size_t keymap_keys_for(const struct keymap *km, enum km_ctx ctx, int action, uint32_t *keys, size_t max)
{
	size_t n = 0;
	if ((int)ctx < 0 || ctx >= KM__NCTX || action <= KA_NONE)
		return 0;
	for (size_t i = 0; i < km->ctx[ctx].n && n < max; i++)
		if (km->ctx[ctx].v[i].action == action)
			keys[n++] = km->ctx[ctx].v[i].key;
	if (ctx == KM_GLOBAL)
		return n;
	for (size_t i = 0; i < km->ctx[KM_GLOBAL].n && n < max; i++) {
		const struct binding *g = &km->ctx[KM_GLOBAL].v[i];
		if (g->action == action && !find(km, ctx, g->key))
			keys[n++] = g->key;
	}
	return n;
}

void keymap_dump(const struct keymap *km, struct buf *out)
{
	char name[32];
	for (int c = 0; c < KM__NCTX; c++)
		for (size_t i = 0; i < km->ctx[c].n; i++) {
			const struct binding *b = &km->ctx[c].v[i];
			buf_printf(out, "%s %s %s\n", CTX_NAMES[c],
				   keymap_key_name(b->key, name, sizeof name), ACTIONS[b->action].name);
		}
}

/* ---- the parser ---- */

static const char *shown(const struct utf8_span *w, char out[64])
{
	return utf8_excerpt(w->s, w->n, out);
}

static void report(struct buf *errs, const char *path, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void report(struct buf *errs, const char *path, size_t line, const char *fmt, ...)
{
	if (!errs)
		return;
	va_list ap;
	buf_printf(errs, "%s:%zu: ", path, line);
	va_start(ap, fmt);
	buf_vprintf(errs, fmt, ap);
	va_end(ap);
	buf_addc(errs, '\n');
}

enum { MAX_WORDS = 6 };

/* Apply one line (no line end); 0, or -1 after reporting why it is bad. */
static int apply_line(struct keymap *km, const char *s, size_t n, const char *path, size_t line,
		      struct buf *errs)
{
	char w1[64];
	if (memchr(s, '\0', n)) {
		report(errs, path, line, _("a NUL byte in the line"));
		return -1;
	}
	if (utf8_validate(s, n, NULL) != 0) {
		report(errs, path, line, _("invalid UTF-8"));
		return -1;
	}
	struct utf8_span w[MAX_WORDS];
	size_t nw = utf8_split_words(s, n, w, MAX_WORDS);
	if (nw == 0 || w[0].s[0] == '#')
		return 0;

	size_t need;
	bool is_bind = w[0].n == 4 && memcmp(w[0].s, "bind", 4) == 0;
	if (is_bind)
		need = 4;
	else if (w[0].n == 6 && memcmp(w[0].s, "unbind", 6) == 0)
		need = 3;
	else {
		report(errs, path, line, _("unknown directive '%s' (expected bind or unbind)"),
		       shown(&w[0], w1));
		return -1;
	}
	if (nw > need && w[need].s[0] == '#')
		nw = need;	/* a comment after the directive */
	if (nw != need) {
		report(errs, path, line, "%s", is_bind ? _("expected: bind CONTEXT KEY ACTION")
						      : _("expected: unbind CONTEXT KEY"));
		return -1;
	}

	int ctx = ctx_by_name(w[1].s, w[1].n);
	if (ctx < 0) {
		char known[128] = "";
		for (int c = 0; c < KM__NCTX; c++)
			snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s",
				 c ? ", " : "", CTX_NAMES[c]);
		report(errs, path, line, _("unknown context '%s' (known: %s)"), shown(&w[1], w1), known);
		return -1;
	}
	uint32_t key;
	if (keymap_parse_key(w[2].s, w[2].n, &key) != 0) {
		report(errs, path, line, _("unknown key '%s'"), shown(&w[2], w1));
		return -1;
	}
	if (!is_bind) {
		remove_binding(km, ctx, key);
		return 0;
	}
	int action = action_by_name(w[3].s, w[3].n);
	if (action < 0) {
		report(errs, path, line, _("unknown action '%s'"), shown(&w[3], w1));
		return -1;
	}
	if (!(ACTIONS[action].ctxs & CTX(ctx))) {
		report(errs, path, line, _("the action '%s' does not exist in context '%s'"),
		       ACTIONS[action].name, CTX_NAMES[ctx]);
		return -1;
	}
	add_binding(km, ctx, key, action);
	return 0;
}

int keymap_load_text(struct keymap *km, const char *text, size_t n, const char *path, struct buf *errs)
{
	const char *p = text, *end = text + n;
	size_t line = 0;
	int bad = 0;
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		line++;
		size_t len = (size_t)(le - p);
		if (len && p[len - 1] == '\r')
			len--;
		if (apply_line(km, p, len, path, line, errs) != 0)
			bad++;
		p = nl ? nl + 1 : end;
	}
	return bad;
}

int keymap_load_file(struct keymap *km, const char *path, struct buf *errs)
{
	struct buf text = BUF_INIT;
	int err = path_read_all(path, &text);
	int bad = 0;
	if (err == ENOENT || err == ENOTDIR) {
		bad = 0;	/* no keys file: the defaults */
	} else if (err) {
		if (errs) {
			buf_printf(errs, "%s: ", path);
			buf_printf(errs, _("cannot open: %s"), strerror(err));
			buf_addc(errs, '\n');
		}
		bad = 1;
	} else {
		bad = keymap_load_text(km, text.p ? text.p : "", text.len, path, errs);
	}
	buf_free(&text);
	return bad;
}

char *keymap_user_path(void)
{
	return path_user_config("keys");
}

struct keymap *keymap_load_user(struct buf *errs)
{
	struct keymap *km = keymap_new();
	keymap_load_text(km, keymap_default_text, strlen(keymap_default_text), "(built-in)", errs);
	char *path = keymap_user_path();
	keymap_load_file(km, path, errs);
	free(path);
	return km;
}
