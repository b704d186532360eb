/* The generic form engine, and the chooser it opens for list fields. */
#include "ui/editor.h"
#include "ui/input.h"
#include "ui/term.h"

#include "core/vocab.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ui_editor {
	struct ui_screen base;
	struct ui_screen_ops ops;	/* the context differs between the member card and bulk entry */
	struct screen *scr;
	struct form *f;
	const struct ui_editor_hooks *hooks;
	void *hctx;
	struct ui_app *app;
	int cur;		/* field under the cursor */
	size_t at;		/* cursor: byte offset in the field's text */
	struct vn_ime_state typing;	/* the input method's keys for the word at the cursor */
	int page;
};

struct form *ui_editor_form(struct ui_editor *ed)
{
	return ed->f;
}

const struct screen *ui_editor_screen(struct ui_editor *ed)
{
	return ed->scr;
}

int ui_editor_current(const struct ui_editor *ed)
{
	return ed->cur;
}

struct screen *ui_load_screen(struct ui_app *a, const char *name)
{
	struct buf errs = BUF_INIT;
	struct screen *scr = NULL;
	if (screen_load(name, &scr, &errs) != 0) {
		/* A broken screen file is the administrator's to mend: its first problem, where. */
		const char *nl = memchr(errs.p ? errs.p : "", '\n', errs.len);
		ui_error(a, "%.*s", nl ? (int)(nl - errs.p) : (int)errs.len, buf_str(&errs));
	}
	buf_free(&errs);
	return scr;
}

int ui_editor_field(struct ui_editor *ed, enum screen_pseudo ps, const char *name)
{
	for (size_t i = 0; i < ed->scr->nfields; i++)
		if ((ps != SPS_NONE && ed->scr->fields[i].ref.pseudo == ps) ||
		    (ps == SPS_NONE && name && strcmp(ed->scr->fields[i].ref.name, name) == 0))
			return (int)i;
	return -1;
}

void ui_editor_focus(struct ui_editor *ed, int i)
{
	if (i < 0 || (size_t)i >= ed->scr->nfields)
		return;
	ed->cur = i;
	ed->page = ed->scr->fields[i].page;
	ed->at = strlen(form_get(ed->f, i));
	memset(&ed->typing, 0, sizeof ed->typing);
}

static const char *title(struct ui_app *a, struct ui_screen *s)
{
	struct ui_editor *ed = (struct ui_editor *)s;
	if (ed->hooks->title)
		return ed->hooks->title(a, ed, ed->hctx);
	return screen_text(&ed->scr->title);
}

/* The part of text that shows in width columns with the cursor (byte at) visible: its start. */
static size_t scroll_start(const char *text, size_t at, int width)
{
	size_t start = 0;
	while (start < at) {
		char tmp[512];
		size_t n = at - start < sizeof tmp - 1 ? at - start : sizeof tmp - 1;
		memcpy(tmp, text + start, n);
		tmp[n] = '\0';
		/* The cursor may rest just after a full field. */
		if (term_width_of(tmp) <= width)
			break;
		uint32_t cp;
		int len = utf8_decode(text + start, strlen(text + start), &cp);
		start += len > 0 ? (size_t)len : 1;
	}
	return start;
}

static void draw(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	struct ui_editor *ed = (struct ui_editor *)s;
	const struct screen *scr = ed->scr;
	int cur_row = -1, cur_col = 0;
	for (size_t i = 0; i < scr->nfields; i++) {
		const struct screen_field *fd = &scr->fields[i];
		if (fd->page != ed->page)
			continue;
		const char *label = screen_text(&fd->label);
		int in = screen_input_col(fd);
		term_text(fd->row, fd->col, in - fd->col, label, TA_LABEL, false);
		if (fd->required)
			term_text(fd->row, fd->col + term_width_of(label), 1, "*", TA_DIM, false);
		const char *text = form_get(ed->f, (int)i);
		enum form_verdict v = form_verdict(ed->f, (int)i);
		enum term_attr at = v == FV_ERROR ? TA_ERROR : v == FV_WARNING ? TA_WARN : TA_INPUT;
		size_t start = (int)i == ed->cur ? scroll_start(text, ed->at, fd->width) : 0;
		term_text(fd->row, in, fd->width, text + start, at, true);
		if ((int)i == ed->cur) {
			char tmp[512];
			size_t n = ed->at - start < sizeof tmp - 1 ? ed->at - start : sizeof tmp - 1;
			memcpy(tmp, text + start, n);
			tmp[n] = '\0';
			cur_row = fd->row;
			cur_col = in + term_width_of(tmp);
		}
	}
	for (size_t i = 0; i < scr->nareas; i++)
		if (scr->areas[i].page == ed->page && ed->hooks->draw_area)
			ed->hooks->draw_area(a, ed, &scr->areas[i], ed->hctx);
	if (scr->npages > 1) {
		char pg[64];
		snprintf(pg, sizeof pg, _("page %d/%d"), ed->page, scr->npages);
		term_text(1, term_cols() - term_width_of(pg) - 1, term_width_of(pg), pg, TA_DIM,
			  false);
	}
	/* The message line: what is wrong with this field, else its help. */
	if (!a->message.len && ed->cur >= 0 && (size_t)ed->cur < scr->nfields) {
		enum form_verdict v = form_verdict(ed->f, ed->cur);
		if (v != FV_OK) {
			buf_adds(&a->message, form_message(ed->f, ed->cur));
			a->message_error = v == FV_ERROR;
		} else {
			buf_adds(&a->message, screen_text(&scr->fields[ed->cur].help));
			a->message_error = false;
		}
	}
	term_cursor(cur_row, cur_col);
}

/* The word at the cursor is done (the cursor moves away): an input method gives back the keys
 * of a word that is not Vietnamese. */
static void finish_word(struct ui_editor *ed)
{
	if (ed->cur < 0 || (size_t)ed->cur >= ed->scr->nfields || !ed->typing.valid)
		return;
	const char *old = form_get(ed->f, ed->cur);
	struct buf t = BUF_INIT;
	buf_adds(&t, old);
	ui_input_end_word(ed->app, &ed->typing, &t, &ed->at);
	if (strcmp(buf_str(&t), old) != 0)
		form_set(ed->f, ed->cur, buf_str(&t));
	buf_free(&t);
}

/* Leave the current field: check it (its text becomes the clean form if it is valid). */
static void leave(struct ui_editor *ed)
{
	finish_word(ed);
	if (ed->cur >= 0 && (size_t)ed->cur < ed->scr->nfields && form_dirty(ed->f, ed->cur))
		form_check_field(ed->f, ed->cur);
}

/* Type k (through the input method) or backspace into the current field. */
static void edit_type(struct ui_app *a, struct ui_editor *ed, uint32_t k, bool backspace)
{
	const char *old = form_get(ed->f, ed->cur);
	if (!backspace && strlen(old) >= 1000)
		return;
	struct buf t = BUF_INIT;
	buf_adds(&t, old);
	if (backspace)
		ui_input_backspace(&ed->typing, &t, &ed->at);
	else
		ui_input_key(a, &ed->typing, &t, &ed->at, k);
	form_set(ed->f, ed->cur, buf_str(&t));
	buf_free(&t);
}

/* Byte offset of the character before / after at. */
static size_t prev_char(const char *s, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)s[at] & 0xc0) == 0x80)
		at--;
	return at;
}

static size_t next_char(const char *s, size_t at)
{
	size_t n = strlen(s);
	if (at >= n)
		return n;
	at++;
	while (at < n && ((unsigned char)s[at] & 0xc0) == 0x80)
		at++;
	return at;
}

static void edit_delete(struct ui_editor *ed, size_t from, size_t to)
{
	const char *old = form_get(ed->f, ed->cur);
	size_t n = strlen(old);
	if (from >= to || to > n)
		return;
	char *t = xmalloc(n - (to - from) + 1);
	memcpy(t, old, from);
	memcpy(t + from, old + to, n - to + 1);
	form_set(ed->f, ed->cur, t);
	free(t);
	ed->at = from;
}

static void move_field(struct ui_editor *ed, int dir)
{
	int n = (int)ed->scr->nfields;
	leave(ed);
	int i = ed->cur + dir;
	if (i < 0)
		i = n - 1;
	if (i >= n)
		i = 0;
	ui_editor_focus(ed, i);
}

static void turn_page(struct ui_editor *ed, int dir)
{
	int p = ed->page + dir;
	if (p < 1 || p > ed->scr->npages)
		return;
	leave(ed);
	for (size_t i = 0; i < ed->scr->nfields; i++)
		if (ed->scr->fields[i].page == p) {
			ui_editor_focus(ed, (int)i);
			return;
		}
	ed->page = p;
}

struct pick_ctx {
	struct ui_editor *ed;
	int field;
};

static void field_picked(struct ui_app *a, void *ctx, int index, const char *item)
{
	(void)a;
	(void)index;
	struct pick_ctx *pc = ctx;
	form_set(pc->ed->f, pc->field, item);
	form_check_field(pc->ed->f, pc->field);
	if (pc->ed->cur == pc->field)
		pc->ed->at = strlen(form_get(pc->ed->f, pc->field));
}

static const char *const yesno_items[] = { "Có", "Không" };

static int choose(struct ui_app *a, struct ui_editor *ed)
{
	const struct screen_field *fd = &ed->scr->fields[ed->cur];
	const char *const *items = NULL;
	size_t n = 0;
	if (fd->type == STY_CHOICE && fd->choices) {
		items = fd->choices->items;
		n = fd->choices->n;
	} else if (fd->type == STY_YESNO) {
		items = yesno_items;
		n = 2;
	}
	if (!items) {
		ui_message(a, "%s", _("This field has no list to choose from."));
		return UI_OK;
	}
	struct pick_ctx *pc = xcalloc(1, sizeof *pc);
	pc->ed = ed;
	pc->field = ed->cur;
	ui_push(a, ui_choose_new(a, screen_text(&fd->label), items, n, field_picked, pc, NULL));
	return UI_OK;
}

int ui_editor_save(struct ui_app *a, struct ui_editor *ed)
{
	leave(ed);
	int nerr = 0, nwarn = 0;
	int first = form_check_all(ed->f, &nerr, &nwarn);
	if (first >= 0) {
		ui_editor_focus(ed, first);
		if (nerr > 1)
			ui_error(a, _("%s (and %d more fields to correct)"), form_message(ed->f, first),
				 nerr - 1);
		else
			ui_error(a, "%s", form_message(ed->f, first));
		return UI_OK;
	}
	return ed->hooks->save(a, ed, ed->hctx);
}

static bool dirty(struct ui_editor *ed)
{
	return ed->hooks->dirty ? ed->hooks->dirty(ed, ed->hctx) : form_dirty(ed->f, -1);
}

static int key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	struct ui_editor *ed = (struct ui_editor *)s;
	if (!ed->scr->nfields)
		return action == KA_CANCEL ? UI_POP : UI_UNHANDLED;
	const char *text = form_get(ed->f, ed->cur);
	switch (action) {
	case KA_NEXT_FIELD:
		if (ed->cur == (int)ed->scr->nfields - 1 && ed->hooks->past_last) {
			leave(ed);
			return ed->hooks->past_last(a, ed, ed->hctx);
		}
		move_field(ed, 1);
		return UI_OK;
	case KA_PREV_FIELD: move_field(ed, -1); return UI_OK;
	case KA_LEFT:
		finish_word(ed);
		text = form_get(ed->f, ed->cur);
		ed->at = prev_char(text, ed->at);
		vn_ime_reset(&ed->typing);
		return UI_OK;
	case KA_RIGHT:
		finish_word(ed);
		text = form_get(ed->f, ed->cur);
		ed->at = next_char(text, ed->at);
		vn_ime_reset(&ed->typing);
		return UI_OK;
	case KA_HOME:
		finish_word(ed);
		ed->at = 0;
		vn_ime_reset(&ed->typing);
		return UI_OK;
	case KA_END:
		finish_word(ed);
		ed->at = strlen(form_get(ed->f, ed->cur));
		vn_ime_reset(&ed->typing);
		return UI_OK;
	case KA_BACKSPACE: edit_type(a, ed, 0, true); return UI_OK;
	case KA_DELETE_CHAR:
		edit_delete(ed, ed->at, next_char(text, ed->at));
		vn_ime_reset(&ed->typing);
		return UI_OK;
	case KA_CLEAR_FIELD:
		form_set(ed->f, ed->cur, "");
		ed->at = 0;
		vn_ime_reset(&ed->typing);
		return UI_OK;
	case KA_NEXT_PAGE:
		if (ed->page >= ed->scr->npages && ed->hooks->key)
			return ed->hooks->key(a, ed, action, k, ed->hctx);	/* past the last */
		turn_page(ed, 1);
		return UI_OK;
	case KA_PREV_PAGE: turn_page(ed, -1); return UI_OK;
	case KA_CHOOSE:
		if (ed->hooks->key) {
			int r = ed->hooks->key(a, ed, action, k, ed->hctx);
			if (!(r & UI_UNHANDLED))
				return r;
		}
		return choose(a, ed);
	case KA_SAVE: return ui_editor_save(a, ed);
	case KA_CANCEL:
		if (dirty(ed) &&
		    !ui_confirm(a, _("Leave without saving the changes? (y/n) ")))
			return UI_OK;
		return UI_POP;
	default:
		break;
	}
	if (action == KA_NONE && k >= 0x20 && k < KM_SPECIAL && k != 0x7f) {
		edit_type(a, ed, k, false);
		return UI_OK;
	}
	if (ed->hooks->key)
		return ed->hooks->key(a, ed, action, k, ed->hctx);
	return UI_UNHANDLED;
}

static bool may_quit(struct ui_app *a, struct ui_screen *s)
{
	struct ui_editor *ed = (struct ui_editor *)s;
	return !dirty(ed) ||
	       ui_confirm(a, _("Quit without saving the changes? (y/n) "));
}

static void hints(struct ui_app *a, struct ui_screen *s, struct buf *out)
{
	static const int acts[] = { KA_SAVE, KA_CANCEL, KA_CHOOSE, KA_HELP };
	ui_hints(a, s->ops->ctx, acts, 4, out);
}

static void editor_free(struct ui_screen *s)
{
	struct ui_editor *ed = (struct ui_editor *)s;
	if (ed->hooks->free)
		ed->hooks->free(ed->hctx);
	form_free(&ed->f);
	screen_free(&ed->scr);
	free(ed);
}

struct ui_screen *ui_editor_new(struct ui_app *a, struct screen *scr, struct form *f,
				enum km_ctx ctx, const struct ui_editor_hooks *hooks, void *hctx)
{
	struct ui_editor *ed = xcalloc(1, sizeof *ed);
	ed->app = a;
	ed->ops = (struct ui_screen_ops){
		.name = "editor",
		.ctx = ctx,
		.title = title,
		.draw = draw,
		.key = key,
		.hints = hints,
		.may_quit = may_quit,
		.free = editor_free,
	};
	ed->base.ops = &ed->ops;
	ed->scr = scr;
	ed->f = f;
	ed->hooks = hooks;
	ed->hctx = hctx;
	ed->page = 1;
	ui_editor_focus(ed, 0);
	return &ed->base;
}

/* ---- the chooser ------------------------------------------------------------------------ */

struct chooser {
	struct ui_screen base;
	char *title;
	const char *const *items;
	size_t n;
	struct buf query;
	struct vn_ime_state typing;
	size_t *shown;		/* indexes of the items that match the query */
	size_t nshown;
	size_t cur, top;
	ui_picked_fn picked;
	void *ctx;
	void (*free_ctx)(void *);
};

static void narrow(struct chooser *c)
{
	struct buf q = BUF_INIT, t = BUF_INIT;
	vn_fold(&q, c->query.p ? c->query.p : "", c->query.len);
	c->nshown = 0;
	for (size_t i = 0; i < c->n; i++) {
		buf_reset(&t);
		vn_fold(&t, c->items[i], strlen(c->items[i]));
		if (!q.len || strstr(buf_str(&t), buf_str(&q)))
			c->shown[c->nshown++] = i;
	}
	c->cur = 0;
	c->top = 0;
	buf_free(&q);
	buf_free(&t);
}

static const char *ch_title(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	return ((struct chooser *)s)->title;
}

static void ch_draw(struct ui_app *a, struct ui_screen *s)
{
	(void)a;
	struct chooser *c = (struct chooser *)s;
	int rows = term_rows() - 5;
	int lw = term_text(1, 1, 30, _("Narrow: "), TA_LABEL, false);
	term_text(1, 1 + lw, 40, buf_str(&c->query), TA_INPUT, true);
	if (c->cur < c->top)
		c->top = c->cur;
	if (c->cur >= c->top + (size_t)rows)
		c->top = c->cur - (size_t)rows + 1;
	for (int r = 0; r < rows && c->top + (size_t)r < c->nshown; r++) {
		size_t i = c->top + (size_t)r;
		bool sel = i == c->cur;
		term_text(3 + r, 2, term_cols() - 4, c->items[c->shown[i]], sel ? TA_SELECTED : TA_NORMAL,
			  sel);
	}
	if (!c->nshown)
		term_text(3, 2, 50, _("Nothing in the list matches."), TA_DIM, false);
	term_cursor(1, 1 + lw + term_width_of(buf_str(&c->query)));
}

static int ch_key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	struct chooser *c = (struct chooser *)s;
	size_t page = (size_t)(term_rows() - 5);
	switch (action) {
	case KA_UP: if (c->cur > 0) c->cur--; return UI_OK;
	case KA_DOWN: if (c->cur + 1 < c->nshown) c->cur++; return UI_OK;
	case KA_PAGE_UP: c->cur = c->cur > page ? c->cur - page : 0; return UI_OK;
	case KA_PAGE_DOWN:
		c->cur = c->cur + page < c->nshown ? c->cur + page : (c->nshown ? c->nshown - 1 : 0);
		return UI_OK;
	case KA_OPEN:
		if (!c->nshown)
			return UI_OK;
		c->picked(a, c->ctx, (int)c->shown[c->cur], c->items[c->shown[c->cur]]);
		return UI_POP;
	case KA_BACKSPACE:
		if (c->query.len) {
			size_t at = c->query.len;
			ui_input_backspace(&c->typing, &c->query, &at);
			narrow(c);
		}
		return UI_OK;
	case KA_CANCEL:
		return UI_POP;
	default:
		break;
	}
	if (action == KA_NONE && k >= 0x20 && k < KM_SPECIAL && k != 0x7f && c->query.len < 100) {
		size_t at = c->query.len;
		ui_input_key(a, &c->typing, &c->query, &at, k);
		narrow(c);
		return UI_OK;
	}
	return UI_UNHANDLED;
}

static void ch_free(struct ui_screen *s)
{
	struct chooser *c = (struct chooser *)s;
	if (c->free_ctx)
		c->free_ctx(c->ctx);
	else
		free(c->ctx);
	free(c->title);
	free(c->shown);
	buf_free(&c->query);
	free(c);
}

static const struct ui_screen_ops choose_ops = {
	.name = "choose",
	.ctx = KM_CHOOSE,
	.title = ch_title,
	.draw = ch_draw,
	.key = ch_key,
	.free = ch_free,
};

struct ui_screen *ui_choose_new(struct ui_app *a, const char *title, const char *const *items,
				size_t n, ui_picked_fn picked, void *ctx, void (*free_ctx)(void *))
{
	(void)a;
	struct chooser *c = xcalloc(1, sizeof *c);
	c->base.ops = &choose_ops;
	c->title = xstrdup(title);
	c->items = items;
	c->n = n;
	c->query = (struct buf)BUF_INIT;
	c->shown = xcalloc(n ? n : 1, sizeof *c->shown);
	c->picked = picked;
	c->ctx = ctx;
	c->free_ctx = free_ctx;
	narrow(c);
	return &c->base;
}
