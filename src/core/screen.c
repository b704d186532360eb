/* Screen files: the tokenizer, the statements (title, page, field, column, area), and the checks
 * that a screen fits an 80x24 terminal.
 *
 * A statement is a line that starts in column 0 plus the lines below it that start with white
 * space.  It is cut into tokens (bare words and "quoted texts") remembering each token's line, so
 * a message names the line of the word that is wrong even inside a long continued statement.
 * Problems are counted and appended to the caller's buffer; parsing goes on to the end so that
 * one run reports every mistake, and the screen is dropped at the end if any was found. */
#include "core/screen.h"

#include "core/record.h"
#include "core/vocab.h"
#include "text/norm.h"
#include "text/utf8.h"
#include "text/width.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Membership statuses as a vocabulary, so that a status field is one more choice field.  The
 * items are the words of mstatus_text, in enum mstatus order (test_screen checks both). */
static const char *const status_items[] = {
	"Đang sinh hoạt", "Chuyển sinh hoạt", "Ra khỏi tổ chức", "Từ trần", "Tạm ngừng sinh hoạt",
};
static const struct vocab_alias status_aliases[] = {
	{ "active", "Đang sinh hoạt" }, { "Còn sinh hoạt", "Đang sinh hoạt" },
	{ "transferred", "Chuyển sinh hoạt" }, { "Chuyển đi", "Chuyển sinh hoạt" },
	{ "left", "Ra khỏi tổ chức" }, { "Ra khỏi", "Ra khỏi tổ chức" },
	{ "Xóa tên", "Ra khỏi tổ chức" }, { "deceased", "Từ trần" }, { "Đã mất", "Từ trần" },
	{ "Qua đời", "Từ trần" }, { "suspended", "Tạm ngừng sinh hoạt" },
	{ "Tạm ngừng", "Tạm ngừng sinh hoạt" },
};
static const struct vocab vocab_status = {
	"status", status_items, sizeof status_items / sizeof status_items[0], status_aliases,
	sizeof status_aliases / sizeof status_aliases[0],
};

static const struct vocab *const vocabs[] = {
	&VOCAB_ETHNICITY, &VOCAB_RELIGION, &VOCAB_EDUCATION, &VOCAB_QUALIFICATION, &VOCAB_THEORY,
	&VOCAB_ROLE, &VOCAB_SEX, &vocab_status,
};

static const char *const type_names[] = {
	[STY_TEXT] = "text", [STY_NAME] = "name", [STY_DATE] = "date", [STY_CHOICE] = "choice",
	[STY_YESNO] = "yesno", [STY_CCCD] = "cccd", [STY_PHONE] = "phone", [STY_NUMBER] = "number",
};
#define NTYPES (sizeof type_names / sizeof type_names[0])

const struct vocab *screen_vocab(const char *name)
{
	for (size_t i = 0; name && i < sizeof vocabs / sizeof vocabs[0]; i++)
		if (strcmp(vocabs[i]->name, name) == 0)
			return vocabs[i];
	return NULL;
}

const char *screen_type_name(enum screen_type t)
{
	return (size_t)t < NTYPES ? type_names[t] : "";
}

const char *screen_text(const struct screen_text *t)
{
	if (!t)
		return "";
	if (!i18n_vietnamese() && t->en && *t->en)
		return t->en;
	return t->vi ? t->vi : "";
}

static int text_width(const char *s)
{
	return s ? vn_width(s, strlen(s)) : 0;
}

/* Where the input starts when the label is shown in one language (en: English if given). */
static int input_col_in(const struct screen_field *f, bool en)
{
	if (f->input_col > 0)
		return f->input_col;
	const char *l = en && f->label.en && *f->label.en ? f->label.en : f->label.vi;
	return f->col + text_width(l) + 1;
}

int screen_input_col(const struct screen_field *f)
{
	return input_col_in(f, !i18n_vietnamese());
}

int screen_field_index(const struct screen *s, const char *name)
{
	for (size_t i = 0; s && name && i < s->nfields; i++)
		if (strcmp(s->fields[i].ref.name, name) == 0)
			return (int)i;
	return -1;
}

static void text_free(struct screen_text *t)
{
	XFREE(t->vi);
	XFREE(t->en);
}

void screen_free(struct screen **sp)
{
	if (!sp || !*sp)
		return;
	struct screen *s = *sp;
	free(s->path);
	text_free(&s->title);
	for (size_t i = 0; i < s->nfields; i++) {
		free(s->fields[i].ref.name);
		text_free(&s->fields[i].label);
		text_free(&s->fields[i].help);
	}
	for (size_t i = 0; i < s->ncolumns; i++) {
		free(s->columns[i].ref.name);
		text_free(&s->columns[i].heading);
	}
	for (size_t i = 0; i < s->nareas; i++)
		free(s->areas[i].name);
	free(s->fields);
	free(s->columns);
	free(s->areas);
	free(s);
	*sp = NULL;
}

/* ---- Tokens and statements ---- */

struct tok {
	char *s;		/* unescaped, NUL-terminated */
	bool quoted;
	unsigned line;
};

/* A message waiting to be sorted into the order of the file: the checks of the whole screen
 * find overlaps after every statement has been read. */
struct msg {
	unsigned line;		/* ~0u: about the whole file */
	size_t seq;
	char *text;
};

struct parser {
	const char *path;
	struct buf *errs;
	int nerr;
	struct msg *msgs;
	size_t nmsgs, capm;
	struct screen *s;
	size_t capf, capc, capa;
	int page;
	unsigned title_line;
	struct tok *t;		/* the statement being read */
	size_t nt, capt;
	bool broken;		/* a token of it could not be read: skip the statement */
	size_t i;		/* cursor while a statement is interpreted */
};

static void perr(struct parser *p, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void perr(struct parser *p, unsigned line, const char *fmt, ...)
{
	p->nerr++;
	if (!p->errs)
		return;
	struct buf b = BUF_INIT;
	if (line)
		buf_printf(&b, "%s:%u: ", p->path, line);
	else
		buf_printf(&b, "%s: ", p->path);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	xgrow((void **)&p->msgs, &p->capm, p->nmsgs + 1, sizeof *p->msgs);
	p->msgs[p->nmsgs] = (struct msg){ line ? line : ~0u, p->nmsgs, buf_steal(&b) };
	p->nmsgs++;
}

static int msg_cmp(const void *a, const void *b)
{
	const struct msg *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The messages in the order of the file (those about the whole file last), one a line. */
static void flush_msgs(struct parser *p)
{
	if (p->nmsgs)
		qsort(p->msgs, p->nmsgs, sizeof *p->msgs, msg_cmp);
	for (size_t i = 0; i < p->nmsgs; i++) {
		buf_adds(p->errs, p->msgs[i].text);
		buf_addc(p->errs, '\n');
		free(p->msgs[i].text);
	}
	free(p->msgs);
}

static void add_tok(struct parser *p, char *s, bool quoted, unsigned line)
{
	xgrow((void **)&p->t, &p->capt, p->nt + 1, sizeof *p->t);
	p->t[p->nt++] = (struct tok){ s, quoted, line };
}

static void drop_stmt(struct parser *p)
{
	for (size_t i = 0; i < p->nt; i++)
		free(p->t[i].s);
	p->nt = 0;
	p->broken = false;
}

/* Cut one line (without its newline) into tokens of the current statement. */
static void tokenize(struct parser *p, const char *s, size_t n, unsigned line)
{
	size_t i = 0;
	while (i < n) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\r') {
			i++;
		} else if (c == '#') {
			return;
		} else if (c == '"') {
			struct buf raw = BUF_INIT, nfc = BUF_INIT;
			for (i++; i < n && s[i] != '"'; i++) {
				if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\\'))
					i++;
				buf_addc(&raw, s[i]);
			}
			if (i >= n) {
				perr(p, line, _("a quoted text is not closed (a '\"' is missing)"));
				p->broken = true;
			} else {
				i++;
				vn_nfc(&nfc, buf_str(&raw), raw.len);	/* valid: checked up front */
				add_tok(p, buf_steal(&nfc), true, line);
			}
			buf_free(&raw);
			buf_free(&nfc);
		} else {
			size_t b = i;
			while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '"' &&
			       s[i] != '#')
				i++;
			add_tok(p, xstrndup(s + b, i - b), false, line);
		}
	}
}

static const struct tok *peek(struct parser *p)
{
	return p->i < p->nt ? &p->t[p->i] : NULL;
}

static const struct tok *next(struct parser *p)
{
	return p->i < p->nt ? &p->t[p->i++] : NULL;
}

static unsigned last_line(struct parser *p)
{
	return p->i ? p->t[p->i - 1].line : p->nt ? p->t[0].line : 0;
}

static bool is_word(const struct tok *t, const char *w)
{
	return t && !t->quoted && strcmp(t->s, w) == 0;
}

/* A whole number 0..9999 after the keyword kw. */
static bool get_number(struct parser *p, const char *kw, int *out)
{
	const struct tok *t = next(p);
	if (!t) {
		perr(p, last_line(p), _("a number is missing after '%s'"), kw);
		return false;
	}
	size_t n = strlen(t->s);
	if (t->quoted || n == 0 || n > 4 || strspn(t->s, "0123456789") != n) {
		perr(p, t->line, _("'%s' must be followed by a number, not '%s'"), kw, t->s);
		return false;
	}
	*out = atoi(t->s);
	return true;
}

/* "text" [en "text"] after the keyword kw. */
static bool get_text(struct parser *p, const char *kw, struct screen_text *out)
{
	const struct tok *t = next(p);
	if (!t || !t->quoted) {
		perr(p, t ? t->line : last_line(p), _("'%s' must be followed by a quoted text"), kw);
		return false;
	}
	if (!*t->s) {
		perr(p, t->line, _("the text after '%s' is empty"), kw);
		return false;
	}
	text_free(out);
	out->vi = xstrdup(t->s);
	if (!is_word(peek(p), "en"))
		return true;
	next(p);
	t = next(p);
	if (!t || !t->quoted || !*t->s) {
		perr(p, t ? t->line : last_line(p),
		     _("'en' must be followed by the English text, quoted"));
		return false;
	}
	out->en = xstrdup(t->s);
	return true;
}

/* "person.full_name", "membership.org", … */
static bool get_ref(struct parser *p, const char *what, struct screen_ref *out)
{
	const struct tok *t = next(p);
	if (!t || t->quoted) {
		perr(p, t ? t->line : last_line(p),
		     _("'%s' must be followed by a field such as person.full_name"), what);
		return false;
	}
	const char *dot = strchr(t->s, '.');
	const struct rec_def *def = NULL;
	if (dot && (size_t)(dot - t->s) == 6 && strncmp(t->s, "person", 6) == 0)
		def = &REC_DEF_PERSON;
	else if (dot && (size_t)(dot - t->s) == 10 && strncmp(t->s, "membership", 10) == 0)
		def = &REC_DEF_MEMBERSHIP;
	memset(out, 0, sizeof *out);
	if (def) {
		out->rec = def->type;
		if (def == &REC_DEF_MEMBERSHIP && strcmp(dot + 1, "org") == 0)
			out->pseudo = SPS_ORG;
		else if (def == &REC_DEF_MEMBERSHIP && strcmp(dot + 1, "unit") == 0)
			out->pseudo = SPS_UNIT;
		else
			out->def = rec_field(def, dot + 1);
	}
	if (!def || (!out->def && !out->pseudo)) {
		perr(p, t->line, _("unknown field '%s' (fields are person.NAME and membership.NAME, "
				   "see hoivien-screens(5))"), t->s);
		return false;
	}
	if (out->def && out->def->type == FT_ID) {
		perr(p, t->line, _("field '%s' is an internal id and cannot be shown; use "
				   "membership.org or membership.unit"), t->s);
		return false;
	}
	out->name = xstrdup(t->s);
	return true;
}

/* The type and vocabulary a field has when the file does not say. */
static enum screen_type default_type(const struct screen_ref *r, const struct vocab **v)
{
	*v = NULL;
	if (!r->def)
		return STY_TEXT;
	switch (r->def->type) {
	case FT_DATE: return STY_DATE;
	case FT_BOOL: return STY_YESNO;
	case FT_SEX: *v = &VOCAB_SEX; return STY_CHOICE;
	case FT_STATUS: *v = &vocab_status; return STY_CHOICE;
	default: break;
	}
	const char *n = r->def->name;
	if (strcmp(n, "full_name") == 0)
		return STY_NAME;
	if (strcmp(n, "cccd") == 0)
		return STY_CCCD;
	if (strcmp(n, "phone") == 0)
		return STY_PHONE;
	*v = screen_vocab(n);
	return *v ? STY_CHOICE : STY_TEXT;
}

/* Whether a field of this record type can hold what an input of type t produces. */
static bool type_fits(const struct screen_ref *r, enum screen_type t, const struct vocab *v)
{
	enum ftype ft = r->def ? r->def->type : FT_STR;
	switch (ft) {
	case FT_STR: return t != STY_DATE && t != STY_YESNO && (r->def || t == STY_TEXT);
	case FT_DATE: return t == STY_DATE;
	case FT_BOOL: return t == STY_YESNO;
	case FT_SEX: return t == STY_CHOICE && v == &VOCAB_SEX;
	case FT_STATUS: return t == STY_CHOICE && v == &vocab_status;
	default: return false;
	}
}

/* The attributes of a field or column statement, read into the struct by offset. */
enum akind { AK_TEXT, AK_NUM, AK_WORD, AK_FLAG };

struct attr {
	const char *kw;
	enum akind kind;
	size_t off;		/* AK_WORD: index in the words array */
	int min, max;
};

#define FOFF(m) offsetof(struct screen_field, m)
static const struct attr field_attrs[] = {
	{ "label", AK_TEXT, FOFF(label), 0, 0 },
	{ "help", AK_TEXT, FOFF(help), 0, 0 },
	{ "row", AK_NUM, FOFF(row), 0, 9999 },
	{ "col", AK_NUM, FOFF(col), 0, 9999 },
	{ "input", AK_NUM, FOFF(input_col), 1, SCREEN_COLS - 1 },
	{ "width", AK_NUM, FOFF(width), 1, SCREEN_COLS },
	{ "page", AK_NUM, FOFF(page), 1, 9 },
	{ "type", AK_WORD, 0, 0, 0 },
	{ "choices", AK_WORD, 1, 0, 0 },
	{ "required", AK_FLAG, FOFF(required), 0, 0 },
	{ "carry", AK_FLAG, FOFF(carry), 0, 0 },
};

#define COFF(m) offsetof(struct screen_column, m)
static const struct attr column_attrs[] = {
	{ "heading", AK_TEXT, COFF(heading), 0, 0 },
	{ "width", AK_NUM, COFF(width), 1, SCREEN_COLS },
	{ "align", AK_WORD, 0, 0, 0 },
};

/* Read the attributes after a statement's field into obj; words[] gets the word tokens.
 * Stops at the first problem (the rest of the statement would only add noise).  Returns a
 * word that is no attribute, for the caller to report, or NULL. */
static const struct tok *get_attrs(struct parser *p, const struct attr *a, size_t na,
				   void *obj, const struct tok **words)
{
	int nerr = p->nerr;
	unsigned seen = 0;
	for (const struct tok *k; (k = next(p)) && p->nerr == nerr;) {
		size_t i = 0;
		while (i < na && !is_word(k, a[i].kw))
			i++;
		if (i == na)
			return k;
		if (seen & 1u << i) {
			perr(p, k->line, _("'%s' is given twice"), k->s);
			break;
		}
		seen |= 1u << i;
		char *at = (char *)obj + a[i].off;
		int *num = (int *)(void *)at;
		switch (a[i].kind) {
		case AK_TEXT:
			get_text(p, k->s, (struct screen_text *)(void *)at);
			break;
		case AK_NUM:
			if (get_number(p, k->s, num) && (*num < a[i].min || *num > a[i].max))
				perr(p, k->line, _("%s %d is outside %d-%d"), k->s, *num, a[i].min,
				     a[i].max);
			break;
		case AK_WORD:
			words[a[i].off] = next(p);
			if (!words[a[i].off] || words[a[i].off]->quoted)
				perr(p, k->line, _("'%s' must be followed by a word"), k->s);
			break;
		case AK_FLAG:
			*(bool *)(void *)at = true;
			break;
		}
	}
	return NULL;
}

static void st_field(struct parser *p, unsigned line)
{
	struct screen_field f = { .page = p->page, .row = -1, .col = -1, .line = line };
	int nerr = p->nerr;
	const struct tok *words[2] = { NULL, NULL };
	if (!get_ref(p, "field", &f.ref))
		goto out;
	const struct tok *bad = get_attrs(p, field_attrs, sizeof field_attrs / sizeof field_attrs[0],
					  &f, words);
	if (bad)
		perr(p, bad->line, _("unknown word '%s' in a field (expected label, help, row, col, "
				     "input, width, type, choices, required, carry or page)"), bad->s);
	const struct tok *type_tok = words[0], *choices_tok = words[1];
	if (p->nerr != nerr)
		goto out;

	f.type = default_type(&f.ref, &f.choices);
	if (type_tok) {
		size_t t = 0;
		while (t < NTYPES && strcmp(type_names[t], type_tok->s) != 0)
			t++;
		if (t == NTYPES) {
			perr(p, type_tok->line, _("unknown type '%s' (expected text, name, date, choice, "
						  "yesno, cccd, phone or number)"), type_tok->s);
			goto out;
		}
		f.type = (enum screen_type)t;
		if (f.type != STY_CHOICE)
			f.choices = NULL;
	}
	if (choices_tok) {
		f.choices = screen_vocab(choices_tok->s);
		if (!f.choices) {
			perr(p, choices_tok->line, _("unknown list '%s' (expected ethnicity, religion, "
						     "education, qualification, theory, role, sex or "
						     "status)"), choices_tok->s);
			goto out;
		}
		if (f.type != STY_CHOICE) {
			perr(p, choices_tok->line, _("'choices' needs 'type choice'"));
			goto out;
		}
	}
	if (f.type == STY_CHOICE && !f.choices) {
		perr(p, type_tok ? type_tok->line : line, _("a choice field needs 'choices LIST'"));
		goto out;
	}
	if (!type_fits(&f.ref, f.type, f.choices)) {
		perr(p, type_tok ? type_tok->line : line, _("type %s%s%s does not fit field %s"),
		     type_names[f.type], f.choices ? " " : "", f.choices ? f.choices->name : "",
		     f.ref.name);
		goto out;
	}
	if (!f.label.vi)
		perr(p, line, _("field %s has no label (label \"…\")"), f.ref.name);
	if (text_width(f.help.vi) > SCREEN_COLS || text_width(f.help.en) > SCREEN_COLS)
		perr(p, line, _("the help text of %s is wider than the %d-column help line"),
		     f.ref.name, SCREEN_COLS);
	if (f.row < 0)
		perr(p, line, _("field %s has no row"), f.ref.name);
	else if (f.row < SCREEN_ROW_FIRST || f.row > SCREEN_ROW_LAST)
		perr(p, line, _("row %d is off the screen (fields go on rows %d-%d)"), f.row,
		     SCREEN_ROW_FIRST, SCREEN_ROW_LAST);
	if (f.col < 0)
		perr(p, line, _("field %s has no col"), f.ref.name);
	else if (f.col >= SCREEN_COLS)
		perr(p, line, _("col %d is off the screen (columns 0-%d)"), f.col, SCREEN_COLS - 1);
	if (!f.width)
		f.width = f.type == STY_DATE ? 10 : f.type == STY_YESNO ? 5 : f.type == STY_CCCD ? 12 : 0;
	if (!f.width)
		perr(p, line, _("field %s has no width"), f.ref.name);
	for (size_t i = 0; i < p->s->nfields; i++)
		if (strcmp(p->s->fields[i].ref.name, f.ref.name) == 0)
			perr(p, line, _("field %s is already on this screen (line %u)"), f.ref.name,
			     p->s->fields[i].line);
	if (p->nerr != nerr)
		goto out;
	xgrow((void **)&p->s->fields, &p->capf, p->s->nfields + 1, sizeof f);
	p->s->fields[p->s->nfields++] = f;
	return;
out:
	XFREE(f.ref.name);
	text_free(&f.label);
	text_free(&f.help);
}

static void st_column(struct parser *p, unsigned line)
{
	struct screen_column c = { .align = SAL_LEFT, .line = line };
	int nerr = p->nerr;
	const struct tok *align = NULL;
	if (!get_ref(p, "column", &c.ref))
		goto out;
	const struct tok *bad = get_attrs(p, column_attrs,
					  sizeof column_attrs / sizeof column_attrs[0], &c, &align);
	if (bad)
		perr(p, bad->line, _("unknown word '%s' in a column (expected heading, width or "
				     "align)"), bad->s);
	if (p->nerr == nerr && align) {
		if (is_word(align, "right"))
			c.align = SAL_RIGHT;
		else if (is_word(align, "center"))
			c.align = SAL_CENTER;
		else if (!is_word(align, "left"))
			perr(p, align->line, _("'align' must be followed by left, right or center"));
	}
	if (p->nerr != nerr)
		goto out;
	if (!c.heading.vi)
		perr(p, line, _("column %s has no heading (heading \"…\")"), c.ref.name);
	if (!c.width)
		perr(p, line, _("column %s has no width"), c.ref.name);
	else if (text_width(c.heading.vi) > c.width || text_width(c.heading.en) > c.width)
		perr(p, line, _("the heading of column %s is wider than its width %d"), c.ref.name,
		     c.width);
	for (size_t i = 0; i < p->s->ncolumns; i++)
		if (strcmp(p->s->columns[i].ref.name, c.ref.name) == 0)
			perr(p, line, _("column %s is already in this list (line %u)"), c.ref.name,
			     p->s->columns[i].line);
	if (p->nerr != nerr)
		goto out;
	xgrow((void **)&p->s->columns, &p->capc, p->s->ncolumns + 1, sizeof c);
	p->s->columns[p->s->ncolumns++] = c;
	return;
out:
	XFREE(c.ref.name);
	text_free(&c.heading);
}

/* area NAME rows FIRST LAST */
static void st_area(struct parser *p, unsigned line)
{
	int nerr = p->nerr;
	struct screen_area a = { .page = p->page, .line = line };
	const struct tok *name = next(p);
	if (!name || name->quoted || is_word(name, "rows") || !is_word(next(p), "rows")) {
		perr(p, line, _("'area' must be followed by a name and 'rows FIRST LAST'"));
		return;
	}
	if (!get_number(p, "rows", &a.row1) || !get_number(p, "rows", &a.row2))
		return;
	if (peek(p))
		perr(p, peek(p)->line, _("unexpected '%s' after the rows of an area"), peek(p)->s);
	if (a.row1 > a.row2 || a.row1 < SCREEN_ROW_FIRST || a.row2 > SCREEN_ROW_LAST)
		perr(p, line, _("rows %d-%d are not within rows %d-%d"), a.row1, a.row2,
		     SCREEN_ROW_FIRST, SCREEN_ROW_LAST);
	if (p->nerr != nerr)
		return;
	a.name = xstrdup(name->s);
	xgrow((void **)&p->s->areas, &p->capa, p->s->nareas + 1, sizeof a);
	p->s->areas[p->s->nareas++] = a;
}

static void statement(struct parser *p)
{
	if (p->nt == 0 || p->broken) {
		drop_stmt(p);
		return;
	}
	p->i = 0;
	const struct tok *k = next(p);
	unsigned line = k->line;
	if (is_word(k, "title")) {
		if (p->title_line) {
			perr(p, line, _("a second title (the first is on line %u)"), p->title_line);
		} else {
			p->title_line = line;
			if (get_text(p, "title", &p->s->title) && peek(p))
				perr(p, peek(p)->line, _("unexpected '%s' after the title"), peek(p)->s);
			if (text_width(p->s->title.vi) > SCREEN_COLS ||
			    text_width(p->s->title.en) > SCREEN_COLS)
				perr(p, line, _("the title is wider than the screen"));
		}
	} else if (is_word(k, "page")) {
		int n;
		if (get_number(p, "page", &n)) {
			if (n < 1 || n > 9)
				perr(p, line, _("page %d is outside 1-9"), n);
			else
				p->page = n;
			if (peek(p))
				perr(p, peek(p)->line, _("unexpected '%s' after the page number"),
				     peek(p)->s);
		}
	} else if (is_word(k, "field")) {
		st_field(p, line);
	} else if (is_word(k, "column")) {
		st_column(p, line);
	} else if (is_word(k, "area")) {
		st_area(p, line);
	} else {
		perr(p, line, _("unknown statement '%s' (expected title, page, field, column or "
				"area)"), k->s);
	}
	drop_stmt(p);
}

/* ---- Checks of the whole screen ---- */

struct span {
	int row, a, b;		/* [a, b) on row */
};

static void field_spans(const struct screen_field *f, bool en, struct span *label,
			struct span *input)
{
	const char *l = en && f->label.en ? f->label.en : f->label.vi;
	int ic = input_col_in(f, en);
	*label = (struct span){ f->row, f->col, f->col + text_width(l) };
	*input = (struct span){ f->row, ic, ic + f->width };
}

static bool meet(const struct span *x, const struct span *y)
{
	return x->row == y->row && x->a < y->b && y->a < x->b;
}

/* A field's label and input inside the screen, the label before its input: in Vietnamese, then
 * in English if that is what breaks. */
static void check_fit(struct parser *p, const struct screen_field *f)
{
	for (int en = 0; en < 2; en++) {
		if (en && !f->label.en)
			break;
		const char *how = en ? _(" (with the English label)") : "";
		struct span l, in;
		field_spans(f, en, &l, &in);
		if (l.b > in.a) {
			perr(p, f->line, _("the label of %s ends at column %d, past its input at "
					   "column %d%s"), f->ref.name, l.b, in.a, how);
			return;
		}
		if (in.b > SCREEN_COLS) {
			perr(p, f->line, _("the input of %s ends at column %d, past the %d-column "
					   "screen%s"), f->ref.name, in.b, SCREEN_COLS, how);
			return;
		}
	}
}

static bool fields_meet(const struct screen_field *f, const struct screen_field *g, bool en)
{
	struct span s[4];
	field_spans(f, en, &s[0], &s[1]);
	field_spans(g, en, &s[2], &s[3]);
	return meet(&s[0], &s[2]) || meet(&s[0], &s[3]) || meet(&s[1], &s[2]) ||
	       meet(&s[1], &s[3]);
}

static void check_screen(struct parser *p)
{
	struct screen *s = p->s;
	if (!p->title_line)
		perr(p, 0, _("the screen has no title (title \"…\" en \"…\")"));
	if (!s->nfields && !s->ncolumns)
		perr(p, 0, _("the screen has neither fields nor columns"));
	s->npages = 1;
	for (size_t i = 0; i < s->nfields; i++) {
		const struct screen_field *f = &s->fields[i];
		if (f->page > s->npages)
			s->npages = f->page;
		check_fit(p, f);
		for (size_t j = 0; j < i; j++) {
			const struct screen_field *g = &s->fields[j];
			if (g->page != f->page)
				continue;
			if (fields_meet(f, g, false))
				perr(p, f->line, _("%s overlaps %s (line %u)"), f->ref.name,
				     g->ref.name, g->line);
			else if ((f->label.en || g->label.en) && fields_meet(f, g, true))
				perr(p, f->line, _("%s overlaps %s (line %u) with the English labels"),
				     f->ref.name, g->ref.name, g->line);
		}
		for (size_t j = 0; j < s->nareas; j++) {
			const struct screen_area *a = &s->areas[j];
			if (a->page == f->page && f->row >= a->row1 && f->row <= a->row2)
				perr(p, f->line, _("%s is on row %d, inside area %s (line %u)"),
				     f->ref.name, f->row, a->name, a->line);
		}
	}
	for (size_t j = 0; j < s->nareas; j++)
		if (s->areas[j].page > s->npages)
			s->npages = s->areas[j].page;
	int total = 0;
	for (size_t i = 0; i < s->ncolumns; i++)
		total += s->columns[i].width + (i ? 1 : 0);
	if (total > SCREEN_COLS)
		perr(p, s->columns[s->ncolumns - 1].line,
		     _("the columns take %d columns with the spaces between them; the screen has %d"),
		     total, SCREEN_COLS);
}

int screen_load_text(const char *text, size_t n, const char *path, struct screen **out,
		     struct buf *errs)
{
	struct parser p = { .path = path ? path : "-", .errs = errs, .page = 1 };
	*out = NULL;
	size_t bad;
	if (utf8_validate(text, n, &bad) != 0) {
		unsigned line = 1;
		for (size_t i = 0; i < bad; i++)
			line += text[i] == '\n';
		perr(&p, line, _("not valid UTF-8 (is the file saved as UTF-8?)"));
		flush_msgs(&p);
		return -ERR_INVAL;
	}
	p.s = xcalloc(1, sizeof *p.s);
	p.s->path = xstrdup(p.path);
	unsigned line = 0;
	size_t bom = n >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;	/* Notepad's */
	for (size_t i = bom; i < n;) {
		const char *s = text + i, *nl = memchr(s, '\n', n - i);
		size_t len = nl ? (size_t)(nl - s) : n - i;
		i += len + (nl ? 1 : 0);
		line++;
		if (memchr(s, '\0', len)) {
			perr(&p, line, _("a NUL byte (is this a text file?)"));
			continue;
		}
		size_t lead = 0;
		while (lead < len && (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\r'))
			lead++;
		if (lead == len || s[lead] == '#')
			continue;	/* blank or comment: neither starts nor ends a statement */
		if (lead == 0) {
			statement(&p);
		} else if (p.nt == 0 && !p.broken) {
			perr(&p, line, _("an indented line continues a statement, but none comes before "
					 "it"));
			continue;
		}
		tokenize(&p, s, len, line);
	}
	statement(&p);
	free(p.t);
	check_screen(&p);
	flush_msgs(&p);
	if (p.nerr) {
		screen_free(&p.s);
		return -ERR_INVAL;
	}
	*out = p.s;
	return 0;
}

int screen_load_file(const char *path, struct screen **out, struct buf *errs)
{
	*out = NULL;
	struct buf b = BUF_INIT;
	int err = path_read_all(path, &b);
	if (err) {
		if (errs)
			buf_printf(errs, "%s: %s: %s\n", path, _("cannot read"), strerror(err));
		buf_free(&b);
		return -ERR_IO;
	}
	int rc = screen_load_text(buf_str(&b), b.len, path, out, errs);
	buf_free(&b);
	return rc;
}

char *screen_path(const char *name)
{
	char file[256];
	snprintf(file, sizeof file, "screens/%s.scr", name);
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *conf = NULL;
	if (xdg && *xdg == '/')
		conf = path_join(xdg, "hoivien");
	else if (home && *home)
		conf = path_join(home, ".config/hoivien");
	if (conf) {
		char *p = path_join(conf, file);
		free(conf);
		if (path_is_file(p))
			return p;
		free(p);
	}
	char *dir = path_datadir();
	char *p = path_join(dir, file);
	free(dir);
	return p;
}

int screen_load(const char *name, struct screen **out, struct buf *errs)
{
	char *p = screen_path(name);
	int rc = screen_load_file(p, out, errs);
	free(p);
	return rc;
}
