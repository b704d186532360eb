/* The small forms of optform.h: a column of labelled values drawn and edited in place. */
#include "ui/optform.h"
#include "ui/input.h"
#include "ui/term.h"

#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
	struct optf_def def;
	struct buf text;
	bool on;
	bool shown;
	char *loaded;		/* the text as loaded */
	bool loaded_on;
};

struct optf {
	struct ui_screen base;
	struct item *items;
	int n;
	int cur;
	size_t at;		/* cursor: byte offset in the current item's text */
	struct vn_ime_state typing;
	char *entered;		/* the current item's text when the cursor came to it */
	bool entered_on;
	char *note;
	const struct optf_hooks *hooks;
	void *ctx;
};

static bool visitable(const struct optf *f, int i)
{
	return i >= 0 && i < f->n && f->items[i].shown && f->items[i].def.kind != OPTF_HEADING;
}

const char *optf_text(const struct optf *f, int i)
{
	return i >= 0 && i < f->n ? buf_str(&f->items[i].text) : "";
}

void optf_set_text(struct optf *f, int i, const char *text)
{
	if (i < 0 || i >= f->n)
		return;
	buf_reset(&f->items[i].text);
	buf_adds(&f->items[i].text, text ? text : "");
	if (i == f->cur) {
		f->at = f->items[i].text.len;
		vn_ime_reset(&f->typing);
	}
}

bool optf_checked(const struct optf *f, int i)
{
	return i >= 0 && i < f->n && f->items[i].on;
}

void optf_set_checked(struct optf *f, int i, bool on)
{
	if (i >= 0 && i < f->n)
		f->items[i].on = on;
}

static void enter_item(struct optf *f, int i)
{
	f->cur = i;
	f->at = f->items[i].text.len;
	memset(&f->typing, 0, sizeof f->typing);
	free(f->entered);
	f->entered = xstrdup(buf_str(&f->items[i].text));
	f->entered_on = f->items[i].on;
}

void optf_focus(struct optf *f, int i)
{
	if (visitable(f, i))
		enter_item(f, i);
}

int optf_current(const struct optf *f)
{
	return f->cur;
}

void optf_show(struct optf *f, int i, bool shown)
{
	if (i < 0 || i >= f->n)
		return;
	f->items[i].shown = shown;
	if (!shown && i == f->cur)
		for (int j = 0; j < f->n; j++)
			if (visitable(f, j)) {
				enter_item(f, j);
				break;
			}
}

void optf_mark_loaded(struct optf *f, int i)
{
	for (int j = i < 0 ? 0 : i; j < (i < 0 ? f->n : i + 1) && j < f->n; j++) {
		free(f->items[j].loaded);
		f->items[j].loaded = xstrdup(buf_str(&f->items[j].text));
		f->items[j].loaded_on = f->items[j].on;
	}
	if (f->cur >= 0 && f->cur < f->n && (i < 0 || i == f->cur))
		enter_item(f, f->cur);
}

bool optf_dirty(const struct optf *f, int i)
{
	for (int j = i < 0 ? 0 : i; j < (i < 0 ? f->n : i + 1) && j < f->n; j++) {
		const struct item *it = &f->items[j];
		if (it->on != it->loaded_on || strcmp(buf_str(&it->text), it->loaded ? it->loaded : ""))
			return true;
	}
	return false;
}

void optf_set_note(struct optf *f, const char *note)
{
	free(f->note);
	f->note = note ? xstrdup(note) : NULL;
}

static const char *title(struct ui_app *a, struct ui_screen *s)
{
	struct optf *f = (struct optf *)s;
	return f->hooks->title ? f->hooks->title(a, f, f->ctx) : "";
}

static int label_width(const struct optf *f)
{
	int w = 0;
	for (int i = 0; i < f->n; i++)
		if (f->items[i].def.kind != OPTF_HEADING && f->items[i].shown) {
			int lw = term_width_of(_(f->items[i].def.label));
			if (lw > w)
				w = lw;
		}
	return w > 40 ? 40 : w;
}

static void draw(struct ui_app *a, struct ui_screen *s)
{
	struct optf *f = (struct optf *)s;
	int cols = term_cols(), lw = label_width(f), in = 3 + lw + 2;
	int row = 2, cur_row = -1, cur_col = 0;
	for (int i = 0; i < f->n && row < term_rows() - 3; i++) {
		const struct item *it = &f->items[i];
		if (!it->shown)
			continue;
		if (it->def.kind == OPTF_HEADING) {
			if (i > 0)
				row++;
			term_text(row++, 1, cols - 2, _(it->def.label), TA_HEADING, false);
			continue;
		}
		bool sel = i == f->cur;
		term_text(row, 3, lw, _(it->def.label), TA_LABEL, false);
		int width = it->def.width > 0 ? it->def.width : 30;
		if (in + width > cols - 1)
			width = cols - 1 - in;
		if (it->def.kind == OPTF_CHECK) {
			term_text(row, in, 3, it->on ? "[x]" : "[ ]", sel ? TA_SELECTED : TA_INPUT, true);
			if (sel) {
				cur_row = row;
				cur_col = in + 1;
			}
		} else {
			term_text(row, in, width, buf_str(&it->text), sel && it->def.kind == OPTF_PICK ?
				  TA_SELECTED : TA_INPUT, true);
			if (sel) {
				char *head = xstrndup(buf_str(&it->text), f->at);
				int w = term_width_of(head);
				free(head);
				cur_row = row;
				cur_col = in + (w < width ? w : width - 1);
			}
		}
		row++;
	}
	if (f->note)
		term_text(row + 1, 1, cols - 2, f->note, TA_DIM, false);
	/* The message line: the help of the item under the cursor. */
	if (!a->message.len && visitable(f, f->cur) && f->items[f->cur].def.help) {
		buf_adds(&a->message, _(f->items[f->cur].def.help));
		a->message_error = false;
	}
	term_cursor(cur_row, cur_col);
}

/* Leave the current item: the input method finishes its word; a change is told to the hook.
 * False when the hook keeps the cursor there. */
static bool leave(struct ui_app *a, struct optf *f)
{
	if (!visitable(f, f->cur))
		return true;
	struct item *it = &f->items[f->cur];
	if (it->def.kind == OPTF_TEXT && !it->def.accept)
		ui_input_end_word(a, &f->typing, &it->text, &f->at);
	bool changed = it->on != f->entered_on || strcmp(buf_str(&it->text), f->entered);
	int was = f->cur;
	if (changed && f->hooks->left && !f->hooks->left(a, f, was, f->ctx))
		return false;
	if (f->cur == was)
		enter_item(f, was);
	return true;
}

static void move(struct ui_app *a, struct optf *f, int dir)
{
	if (!leave(a, f))
		return;
	for (int step = 1; step <= f->n; step++) {
		int i = ((f->cur + dir * step) % f->n + f->n) % f->n;
		if (visitable(f, i)) {
			enter_item(f, i);
			return;
		}
	}
}

static size_t prev_char(const char *s, size_t at)
{
	while (at > 0 && ((unsigned char)s[--at] & 0xc0) == 0x80)
		;
	return at;
}

static size_t next_char(const char *s, size_t at)
{
	size_t n = strlen(s);
	if (at < n)
		while (++at < n && ((unsigned char)s[at] & 0xc0) == 0x80)
			;
	return at;
}

static void delete_range(struct item *it, size_t from, size_t to)
{
	if (from >= to || to > it->text.len)
		return;
	memmove(it->text.p + from, it->text.p + to, it->text.len - to + 1);
	it->text.len -= to - from;
}

static int edit_text(struct ui_app *a, struct optf *f, int action, uint32_t k)
{
	struct item *it = &f->items[f->cur];
	const char *t = buf_str(&it->text);
	switch (action) {
	case KA_LEFT: f->at = prev_char(t, f->at); break;
	case KA_RIGHT: f->at = next_char(t, f->at); break;
	case KA_HOME: f->at = 0; break;
	case KA_END: f->at = it->text.len; break;
	case KA_BACKSPACE:
		if (it->def.accept) {
			size_t from = prev_char(t, f->at);
			delete_range(it, from, f->at);
			f->at = from;
		} else {
			ui_input_backspace(&f->typing, &it->text, &f->at);
		}
		return UI_OK;
	case KA_DELETE_CHAR: delete_range(it, f->at, next_char(t, f->at)); break;
	case KA_CLEAR_FIELD: buf_reset(&it->text); f->at = 0; break;
	case KA_NONE:
		if (k < 0x20 || k >= KM_SPECIAL || k == 0x7f || it->text.len >= 300)
			return UI_UNHANDLED;
		if (!it->def.accept) {
			ui_input_key(a, &f->typing, &it->text, &f->at, k);
			return UI_OK;
		}
		if (k >= 0x80 || !strchr(it->def.accept, (int)k)) {
			ui_error(a, "%s", _("That character does not belong in this field."));
			return UI_OK;
		}
		{
			char c = (char)k;
			struct buf nt = BUF_INIT;
			buf_add(&nt, t, f->at);
			buf_addc(&nt, c);
			buf_adds(&nt, t + f->at);
			buf_reset(&it->text);
			buf_adds(&it->text, buf_str(&nt));
			buf_free(&nt);
			f->at++;
		}
		return UI_OK;
	default:
		return UI_UNHANDLED;
	}
	vn_ime_reset(&f->typing);
	return UI_OK;
}

static int key(struct ui_app *a, struct ui_screen *s, int action, uint32_t k)
{
	struct optf *f = (struct optf *)s;
	const struct optf_hooks *h = f->hooks;
	struct item *it = visitable(f, f->cur) ? &f->items[f->cur] : NULL;
	if (k == KM_ENTER && h->enter_saves)
		action = KA_SAVE;
	switch (action) {
	case KA_NEXT_FIELD: move(a, f, 1); return UI_OK;
	case KA_PREV_FIELD: move(a, f, -1); return UI_OK;
	case KA_SAVE:
		if (!leave(a, f))
			return UI_OK;
		return h->save ? h->save(a, f, f->ctx) : UI_OK;
	case KA_CANCEL:
		if (h->confirm_cancel && optf_dirty(f, -1) &&
		    !ui_confirm(a, _("Leave without saving the changes? (y/n) ")))
			return UI_OK;
		return UI_POP;
	case KA_CHOOSE:
		if (it && it->def.kind == OPTF_PICK && h->pick)
			h->pick(a, f, f->cur, f->ctx);
		else if (it && it->def.kind == OPTF_CHECK)
			it->on = !it->on;
		else
			ui_message(a, "%s", _("This field has no list to choose from."));
		return UI_OK;
	default:
		break;
	}
	if (it && action == KA_NONE && k == ' ' && it->def.kind != OPTF_TEXT) {
		if (it->def.kind == OPTF_CHECK)
			it->on = !it->on;
		else if (h->pick)
			h->pick(a, f, f->cur, f->ctx);
		return UI_OK;
	}
	if (it && it->def.kind == OPTF_TEXT) {
		int r = edit_text(a, f, action, k);
		if (!(r & UI_UNHANDLED))
			return r;
	} else if (it && action == KA_NONE && k >= 0x20 && k < KM_SPECIAL && k != 0x7f) {
		ui_message(a, "%s", it->def.kind == OPTF_CHECK ? _("Space ticks or clears the box.")
			   : _("Space, F4 or Ctrl-O lists the values to choose from."));
		return UI_OK;
	}
	if (h->key)
		return h->key(a, f, action, k, f->ctx);
	return UI_UNHANDLED;
}

static bool may_quit(struct ui_app *a, struct ui_screen *s)
{
	struct optf *f = (struct optf *)s;
	return !f->hooks->confirm_cancel || !optf_dirty(f, -1) ||
	       ui_confirm(a, _("Quit without saving the changes? (y/n) "));
}

static void hints(struct ui_app *a, struct ui_screen *s, struct buf *out)
{
	static const int acts[] = { KA_SAVE, KA_CANCEL, KA_CHOOSE, KA_HELP };
	ui_hints(a, s->ops->ctx, acts, 4, out);
}

static void optf_free(struct ui_screen *s)
{
	struct optf *f = (struct optf *)s;
	if (f->hooks->free)
		f->hooks->free(f->ctx);
	for (int i = 0; i < f->n; i++) {
		buf_free(&f->items[i].text);
		free(f->items[i].loaded);
	}
	free(f->items);
	free(f->entered);
	free(f->note);
	free(f);
}

static const struct ui_screen_ops optf_ops = {
	.name = "optform",
	.ctx = KM_FORM,
	.title = title,
	.draw = draw,
	.key = key,
	.hints = hints,
	.may_quit = may_quit,
	.free = optf_free,
};

struct ui_screen *ui_optform_new(struct ui_app *a, const struct optf_def *defs, int n,
				 const struct optf_hooks *hooks, void *ctx, struct optf **out)
{
	(void)a;
	struct optf *f = xcalloc(1, sizeof *f);
	f->base.ops = &optf_ops;
	f->hooks = hooks;
	f->ctx = ctx;
	f->n = n;
	f->items = xcalloc(n > 0 ? (size_t)n : 1, sizeof *f->items);
	for (int i = 0; i < n; i++) {
		f->items[i].def = defs[i];
		f->items[i].text = (struct buf)BUF_INIT;
		f->items[i].shown = true;
	}
	f->entered = xstrdup("");
	for (int i = 0; i < n; i++)
		if (visitable(f, i)) {
			enter_item(f, i);
			break;
		}
	optf_mark_loaded(f, -1);
	if (out)
		*out = f;
	return &f->base;
}
