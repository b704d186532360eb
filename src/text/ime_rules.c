/* The rule files of the input methods (keymaps/NAME.ime, hoivien-ime(5)): reading and checking them.
 *
 * A method is nothing but its rules: which key gives which tone, which key puts which mark on
 * which letters, and an optional escape key.  Everything else (where a tone goes, when a key is
 * a plain letter) is the language's and lives in ime_syl.c, so that a new method or a user's
 * variant needs a text file, not code.  As with the key bindings, every bad line is reported,
 * all of them together, as "path:line: problem". */
#include "text/ime.h"
#include "text/ime_priv.h"

#include "text/utf8.h"
#include "text/vnletter.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tones by their unaccented names, and the Vietnamese ones too. */
static const struct {
	const char *name;
	unsigned char tone;
} TONES[] = {
	{ "none", VNL_TONE_NONE }, { "sac", VNL_TONE_SAC }, { "huyen", VNL_TONE_HUYEN },
	{ "hoi", VNL_TONE_HOI }, { "nga", VNL_TONE_NGA }, { "nang", VNL_TONE_NANG },
	{ "sắc", VNL_TONE_SAC }, { "huyền", VNL_TONE_HUYEN }, { "hỏi", VNL_TONE_HOI },
	{ "ngã", VNL_TONE_NGA }, { "nặng", VNL_TONE_NANG },
};
#define NTONES (sizeof TONES / sizeof TONES[0])

static const struct {
	const char *name;
	unsigned char mod;
} MARKS[] = {
	{ "circumflex", VNL_MOD_CIRC }, { "breve", VNL_MOD_BREVE }, { "horn", VNL_MOD_HORN },
	{ "stroke", VNL_MOD_STROKE },
};
#define NMARKS (sizeof MARKS / sizeof MARKS[0])

/* Where each rule came from, for "already on line N". */
struct lines {
	size_t name, escape, where;
	size_t tone[VN_IME_MAX_TONES];
	size_t mod[VN_IME_MAX_MODS];
};

struct parser {
	struct vn_ime *m;
	struct lines at;
	const char *path;
	size_t line;
	struct buf *errs;
	size_t bad;
};

static const char *shown(const struct utf8_span *w, char out[64])
{
	return utf8_excerpt(w->s, w->n, out);
}

static void report(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void report(struct parser *p, const char *fmt, ...)
{
	p->bad++;
	if (!p->errs)
		return;
	va_list ap;
	buf_printf(p->errs, "%s:%zu: ", p->path, p->line);
	va_start(ap, fmt);
	buf_vprintf(p->errs, fmt, ap);
	va_end(ap);
	buf_addc(p->errs, '\n');
}

static bool is(const struct utf8_span *w, const char *s)
{
	return strlen(s) == w->n && memcmp(w->s, s, w->n) == 0;
}

/* A key is one printable ASCII character other than the space; letters in either case are one
 * key. */
static bool parse_key(struct parser *p, const struct utf8_span *w, uint32_t *key)
{
	char b[64];
	if (w->n != 1 || (unsigned char)w->s[0] <= ' ' || (unsigned char)w->s[0] >= 0x7f) {
		report(p, _("bad key '%s' (expected one ASCII character other than a space)"), shown(w, b));
		return false;
	}
	uint32_t k = (unsigned char)w->s[0];
	*key = k >= 'A' && k <= 'Z' ? k | 0x20 : k;
	return true;
}

/* The line where key is already taken by a rule of another kind, or 0.  A key may have several
 * mod rules (w makes ă, ơ and ư), but a tone key or the escape key means one thing only. */
static size_t key_taken(const struct parser *p, uint32_t key, bool as_mod)
{
	const struct vn_ime *m = p->m;
	if (m->escape == key)
		return p->at.escape;
	for (size_t i = 0; i < m->ntone; i++)
		if (m->tone[i].key == key)
			return p->at.tone[i];
	if (!as_mod)
		for (size_t i = 0; i < m->nmod; i++)
			if (m->mod[i].key == key)
				return p->at.mod[i];
	return 0;
}

static bool key_free(struct parser *p, uint32_t key, bool as_mod)
{
	size_t first = key_taken(p, key, as_mod);
	if (first) {
		report(p, _("duplicate key '%c' (already used on line %zu)"), (char)key, first);
		return false;
	}
	return true;
}

static void do_name(struct parser *p, const struct utf8_span *w, size_t nw)
{
	char b[64];
	if (nw != 2) {
		report(p, "%s", _("expected: name NAME"));
		return;
	}
	if (p->at.name) {
		report(p, _("a second name (the first is on line %zu)"), p->at.name);
		return;
	}
	bool ok = w[1].n >= 1 && w[1].n <= VN_IME_MAX_NAME;
	for (size_t i = 0; ok && i < w[1].n; i++) {
		char c = w[1].s[i];
		ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
		     c == '_';
	}
	if (!ok) {
		report(p, _("bad name '%s' (expected 1 to %d ASCII letters, digits, - or _)"), shown(&w[1], b),
		       VN_IME_MAX_NAME);
		return;
	}
	memcpy(p->m->name, w[1].s, w[1].n);
	p->m->name[w[1].n] = '\0';
	p->at.name = p->line;
}

static void do_tone(struct parser *p, const struct utf8_span *w, size_t nw)
{
	char b[64];
	uint32_t key;
	if (nw != 3) {
		report(p, "%s", _("expected: tone KEY TONE"));
		return;
	}
	if (!parse_key(p, &w[1], &key))
		return;
	size_t t = 0;
	while (t < NTONES && !is(&w[2], TONES[t].name))
		t++;
	if (t == NTONES) {
		report(p, _("unknown tone '%s' (known: none, sac, huyen, hoi, nga, nang)"), shown(&w[2], b));
		return;
	}
	if (!key_free(p, key, false))
		return;
	if (p->m->ntone == VN_IME_MAX_TONES) {
		report(p, _("too many tone rules (at most %d)"), VN_IME_MAX_TONES);
		return;
	}
	p->at.tone[p->m->ntone] = p->line;
	p->m->tone[p->m->ntone++] = (struct vn_ime_tone_rule){ .key = key, .tone = TONES[t].tone };
}

static void do_mod(struct parser *p, const struct utf8_span *w, size_t nw)
{
	char b[64];
	uint32_t key;
	if (nw != 4) {
		report(p, "%s", _("expected: mod KEY LETTERS MARK"));
		return;
	}
	if (!parse_key(p, &w[1], &key))
		return;
	bool ok = w[2].n >= 1 && w[2].n <= 2;
	for (size_t i = 0; ok && i < w[2].n; i++)
		ok = strchr("adeiouy", w[2].s[i]) && w[2].s[i];
	if (!ok) {
		report(p, _("bad letters '%s' (expected one or two of a, d, e, i, o, u, y)"), shown(&w[2], b));
		return;
	}
	size_t k = 0;
	while (k < NMARKS && !is(&w[3], MARKS[k].name))
		k++;
	if (k == NMARKS) {
		report(p, _("unknown mark '%s' (known: circumflex, breve, horn, stroke)"), shown(&w[3], b));
		return;
	}
	unsigned char mod = MARKS[k].mod;
	/* A pair takes a mark together, and only vowels come in pairs (uo -> ươ). */
	for (size_t i = 0; i < w[2].n; i++)
		if (!vnl_mod_fits((unsigned char)w[2].s[i], mod) || (w[2].n == 2 && w[2].s[i] == 'd')) {
			report(p, _("'%s' cannot take the mark '%s'"), shown(&w[2], b), MARKS[k].name);
			return;
		}
	if (!key_free(p, key, true))
		return;
	for (size_t i = 0; i < p->m->nmod; i++) {
		const struct vn_ime_mod_rule *r = &p->m->mod[i];
		if (r->key == key && r->len == w[2].n && memcmp(r->base, w[2].s, w[2].n) == 0) {
			report(p, _("duplicate key '%c' for '%s' (already used on line %zu)"), (char)key,
			       shown(&w[2], b), p->at.mod[i]);
			return;
		}
	}
	if (p->m->nmod == VN_IME_MAX_MODS) {
		report(p, _("too many mod rules (at most %d)"), VN_IME_MAX_MODS);
		return;
	}
	struct vn_ime_mod_rule r = { .key = key, .len = (unsigned char)w[2].n, .mod = mod };
	memcpy(r.base, w[2].s, w[2].n);
	p->at.mod[p->m->nmod] = p->line;
	p->m->mod[p->m->nmod++] = r;
}

static void do_escape(struct parser *p, const struct utf8_span *w, size_t nw)
{
	uint32_t key;
	if (nw != 2) {
		report(p, "%s", _("expected: escape KEY"));
		return;
	}
	if (!parse_key(p, &w[1], &key))
		return;
	if (p->m->escape) {
		report(p, _("a second escape key (the first is on line %zu)"), p->at.escape);
		return;
	}
	if (!key_free(p, key, false))
		return;
	p->m->escape = key;
	p->at.escape = p->line;
}

static void do_mark_keys(struct parser *p, const struct utf8_span *w, size_t nw)
{
	char b[64];
	if (nw != 2) {
		report(p, "%s", _("expected: mark-keys anywhere|after-letter"));
		return;
	}
	if (p->at.where) {
		report(p, _("a second mark-keys line (the first is on line %zu)"), p->at.where);
		return;
	}
	if (is(&w[1], "after-letter")) {
		p->m->after_letter = true;
	} else if (!is(&w[1], "anywhere")) {
		report(p, _("unknown mark-keys '%s' (known: anywhere, after-letter)"), shown(&w[1], b));
		return;
	}
	p->at.where = p->line;
}

enum { MAX_WORDS = 5 };

static void do_line(struct parser *p, const char *s, size_t n)
{
	char b[64];
	if (memchr(s, '\0', n)) {
		report(p, "%s", _("a NUL byte in the line"));
		return;
	}
	if (utf8_validate(s, n, NULL) != 0) {
		report(p, "%s", _("invalid UTF-8"));
		return;
	}
	struct utf8_span w[MAX_WORDS];
	size_t nw = utf8_split_words(s, n, w, MAX_WORDS);
	if (nw == 0 || w[0].s[0] == '#')
		return;
	static const struct {
		const char *name;
		size_t need;
		void (*fn)(struct parser *, const struct utf8_span *, size_t);
	} DIRECTIVES[] = {
		{ "name", 2, do_name }, { "tone", 3, do_tone }, { "mod", 4, do_mod }, { "escape", 2, do_escape },
		{ "mark-keys", 2, do_mark_keys },
	};
	for (size_t d = 0; d < sizeof DIRECTIVES / sizeof DIRECTIVES[0]; d++) {
		if (!is(&w[0], DIRECTIVES[d].name))
			continue;
		/* A comment after the directive's words; a key itself may be '#'. */
		size_t need = DIRECTIVES[d].need;
		if (nw > need && w[need].s[0] == '#')
			nw = need;
		DIRECTIVES[d].fn(p, w, nw);
		return;
	}
	report(p, _("unknown directive '%s' (expected name, tone, mod, escape or mark-keys)"), shown(&w[0], b));
}

struct vn_ime *vn_ime_compile(const char *text, size_t n, const char *path, struct buf *errs)
{
	struct parser p = { .m = xcalloc(1, sizeof(struct vn_ime)), .path = path ? path : "(rules)",
			    .errs = errs };
	const char *s = text ? text : "", *end = s + (text ? n : 0);
	if (end - s >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl : end;
		size_t len = (size_t)(le - s);
		p.line++;
		if (len && s[len - 1] == '\r')
			len--;
		do_line(&p, s, len);
		s = nl ? nl + 1 : end;
	}
	if (!p.at.name) {
		p.bad++;
		if (errs) {
			buf_printf(errs, "%s: ", p.path);
			buf_printf(errs, "%s", _("no 'name' line (the name the status line shows)"));
			buf_addc(errs, '\n');
		}
	}
	if (p.bad) {
		free(p.m);
		return NULL;
	}
	return p.m;
}

/* The lines of errs into e->msg: as many whole lines as fit, then how many more there are. */
static void errs_to_err(const struct buf *errs, struct err *e)
{
	char msg[sizeof e->msg];
	size_t k = 0, more = 0;
	const char *s = buf_str(errs), *end = s + errs->len;
	msg[0] = '\0';
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = (size_t)((nl ? nl : end) - s);
		/* Room for this line, a newline and the "(N more)" line. */
		if (!more && k + len + 1 + 40 < sizeof msg) {
			if (k)
				msg[k++] = '\n';
			memcpy(msg + k, s, len);
			k += len;
			msg[k] = '\0';
		} else {
			more++;
		}
		s = nl ? nl + 1 : end;
	}
	if (more) {
		msg[k++] = '\n';
		snprintf(msg + k, sizeof msg - k, _("(and %zu more)"), more);
	}
	err_set(e, ERR_INVAL, "%s", msg);
}

struct vn_ime *vn_ime_parse(const char *text, size_t n, const char *path, struct err *e)
{
	struct buf errs = BUF_INIT;
	struct vn_ime *m = vn_ime_compile(text, n, path, &errs);
	if (!m)
		errs_to_err(&errs, e);
	buf_free(&errs);
	return m;
}

void vn_ime_free(struct vn_ime **m)
{
	if (m && *m)
		XFREE(*m);
}

const char *vn_ime_name(const struct vn_ime *m)
{
	return m ? m->name : "";
}
