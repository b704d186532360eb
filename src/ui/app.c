/* The program's main loop: the screen stack, the title, message and status lines, quitting. */
#include "ui/ui.h"
#include "ui/input.h"
#include "ui/term.h"

#include "cli/cli.h"
#include "store/store.h"
#include "text/utf8.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/msg.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void ui_push(struct ui_app *a, struct ui_screen *s)
{
	if (!s)
		return;
	if (a->depth == (int)(sizeof a->stack / sizeof *a->stack)) {
		s->ops->free(s);
		ui_error(a, "%s", _("too many screens open"));
		return;
	}
	a->stack[a->depth++] = s;
}

static void pop(struct ui_app *a)
{
	if (a->depth > 0) {
		struct ui_screen *s = a->stack[--a->depth];
		s->ops->free(s);
	}
}

/* Close screen s, wherever it is: a screen that opened another while handling its key (a
 * chooser whose pick opens the next list) closes itself, not the new one above it. */
static void close_screen(struct ui_app *a, struct ui_screen *s)
{
	for (int i = a->depth - 1; i >= 0; i--)
		if (a->stack[i] == s) {
			memmove(&a->stack[i], &a->stack[i + 1],
				(size_t)(a->depth - i - 1) * sizeof *a->stack);
			a->depth--;
			s->ops->free(s);
			return;
		}
}

static void vmessage(struct ui_app *a, bool error, const char *fmt, va_list ap)
{
	buf_reset(&a->message);
	char text[1024];
	vsnprintf(text, sizeof text, fmt, ap);
	buf_adds(&a->message, text);
	a->message_error = error;
}

void ui_message(struct ui_app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(a, false, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui_app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(a, true, fmt, ap);
	va_end(ap);
}

/* Messages of the core (msg_warn, msg_error) go to the message line while the program runs. */
static void sink(enum msg_level level, const char *text, void *ctx)
{
	struct ui_app *a = ctx;
	if (level == MSG_ERROR)
		ui_error(a, "%s", text);
	else
		ui_message(a, "%s", text);
}

void ui_hints(struct ui_app *a, enum km_ctx ctx, const int *actions, int n, struct buf *out)
{
	for (int i = 0; i < n; i++) {
		uint32_t keys[4];
		size_t nk = keymap_keys_for(a->keys, ctx, actions[i], keys, 4);
		if (!nk)
			continue;
		/* The first key bound, and a Ctrl or letter one if the first is an F-key. */
		char name[32];
		if (out->len)
			buf_adds(out, "  ");
		buf_adds(out, keymap_key_name(keys[0], name, sizeof name));
		if (keys[0] >= KM_F(1) && keys[0] <= KM_F(12))
			for (size_t j = 1; j < nk; j++)
				if (keys[j] < KM_SPECIAL) {
					buf_addc(out, '/');
					buf_adds(out, keymap_key_name(keys[j], name, sizeof name));
					break;
				}
		buf_addc(out, ' ');
		buf_adds(out, keymap_action_help(actions[i]));
	}
}

static void draw_frame(struct ui_app *a)
{
	int rows = term_rows(), cols = term_cols();
	struct ui_screen *top = a->stack[a->depth - 1];
	term_clear();
	term_cursor(-1, 0);
	/* Title bar. */
	char title[256];
	snprintf(title, sizeof title, " hoivien — %s", top->ops->title(a, top));
	term_text(0, 0, cols, title, TA_TITLE, true);
	top->ops->draw(a, top);
	/* Message line: the last message, else the main keys of this screen. */
	if (a->message.len) {
		term_text(rows - 2, 0, cols, buf_str(&a->message),
			  a->message_error ? TA_ERROR : TA_NORMAL, true);
	} else {
		static const int common[] = { KA_HELP, KA_QUIT };
		struct buf h = BUF_INIT;
		if (top->ops->hints)
			top->ops->hints(a, top, &h);
		else
			ui_hints(a, top->ops->ctx, common, 2, &h);
		term_text(rows - 2, 0, cols, buf_str(&h), TA_DIM, true);
		buf_free(&h);
	}
	/* Status line: store, user, organization in view, input method. */
	char status[512];
	snprintf(status, sizeof status, _(" Store: %s │ User: %s │ Organization: %s │ Typing: %s"),
		 a->store_name, a->login, a->org_id ? a->org_code : _("all"), ui_input_label(a));
	term_text(rows - 1, 0, cols, status, TA_STATUS, true);
}

static void paint(struct ui_app *a)
{
	if (term_rows() < 10 || term_cols() < 40) {
		term_clear();
		term_cursor(-1, 0);
		term_text(0, 0, term_cols(), _("The window is too small (at least 80x24)."),
			  TA_ERROR, false);
		term_flush();
		return;
	}
	draw_frame(a);
	term_flush();
}

void ui_repaint(struct ui_app *a)
{
	paint(a);
}

/* A key typed at a question on the message line (the screen drawn behind it, the cursor after
 * the first cursor bytes of the text); 0 when the terminal went away (the program then quits). */
static uint32_t ask_key(struct ui_app *a, const char *text, size_t cursor)
{
	for (;;) {
		buf_reset(&a->message);
		buf_adds(&a->message, text);
		a->message_error = false;
		paint(a);
		char *head = xstrndup(text, cursor);
		int w = term_width_of(head);
		free(head);
		term_cursor(term_rows() - 2, w < term_cols() ? w : term_cols() - 1);
		term_flush();
		uint32_t k = term_key();
		if (k == TERM_KEY_RESIZE)
			continue;
		buf_reset(&a->message);
		if (k == TERM_KEY_HANGUP) {
			a->quit = true;
			return 0;
		}
		return k;
	}
}

bool ui_confirm(struct ui_app *a, const char *question)
{
	for (;;) {
		uint32_t k = ask_key(a, question, strlen(question));
		if (!k)
			return false;
		int act = keymap_lookup(a->keys, KM_CONFIRM, k);
		if (act == KA_REDRAW)
			term_redraw_all();
		else if (act == KA_YES)
			return true;
		else if (act == KA_NO || act == KA_CANCEL)
			return false;
	}
}

int ui_ask_letter(struct ui_app *a, const char *question, const char *letters)
{
	for (;;) {
		uint32_t k = ask_key(a, question, strlen(question));
		if (!k)
			return -1;
		int act = keymap_lookup(a->keys, KM_CONFIRM, k);
		if (act == KA_REDRAW) {
			term_redraw_all();
			continue;
		}
		if (act == KA_CANCEL)
			return -1;
		if (k >= 'A' && k <= 'Z')
			k += 'a' - 'A';
		const char *p = k > 0 && k < 0x80 ? strchr(letters, (int)k) : NULL;
		if (p && *p)
			return (int)(p - letters);
	}
}

uint32_t ui_ask_key(struct ui_app *a, const char *question)
{
	for (;;) {
		uint32_t k = ask_key(a, question, strlen(question));
		if (!k || keymap_lookup(a->keys, KM_CONFIRM, k) != KA_REDRAW)
			return k;
		term_redraw_all();
	}
}

char *ui_prompt(struct ui_app *a, const char *question, const char *initial)
{
	struct buf line = BUF_INIT, text = BUF_INIT;
	buf_adds(&line, initial ? initial : "");
	size_t at = line.len;
	struct vn_ime_state st = { 0 };
	char *out = NULL;
	for (;;) {
		buf_reset(&text);
		buf_adds(&text, question);
		buf_add(&text, buf_str(&line), at);
		/* The cursor goes where the typing is: show the text up to it, then the rest. */
		size_t cut = text.len;
		buf_adds(&text, buf_str(&line) + at);
		uint32_t k = ask_key(a, buf_str(&text), cut);
		if (!k)
			break;
		int act = keymap_lookup(a->keys, KM_FORM, k);
		if (k == KM_ENTER) {
			ui_input_end_word(a, &st, &line, &at);
			out = buf_steal(&line);
			break;
		}
		if (act == KA_CANCEL)
			break;
		if (act == KA_IME_TOGGLE)
			ui_input_toggle(a);
		else if (act == KA_IME_METHOD)
			ui_input_next_method(a);
		else if (act == KA_BACKSPACE)
			ui_input_backspace(&st, &line, &at);
		else if (act == KA_LEFT && at > 0) {
			while (at > 0 && ((unsigned char)line.p[--at] & 0xc0) == 0x80)
				;
			vn_ime_reset(&st);
		} else if (act == KA_RIGHT && at < line.len) {
			while (++at < line.len && ((unsigned char)line.p[at] & 0xc0) == 0x80)
				;
			vn_ime_reset(&st);
		} else if (act == KA_HOME || act == KA_END) {
			at = act == KA_HOME ? 0 : line.len;
			vn_ime_reset(&st);
		} else if (act == KA_CLEAR_FIELD) {
			buf_reset(&line);
			at = 0;
			vn_ime_reset(&st);
		} else if (act == KA_NONE && k >= 0x20 && k < KM_SPECIAL && k != 0x7f &&
			   line.len < 300) {
			ui_input_key(a, &st, &line, &at, k);
		}
	}
	buf_free(&line);
	buf_free(&text);
	buf_reset(&a->message);
	return out;
}

static void quit(struct ui_app *a)
{
	for (int i = a->depth - 1; i >= 0; i--) {
		struct ui_screen *s = a->stack[i];
		if (s->ops->may_quit && !s->ops->may_quit(a, s))
			return;
	}
	a->quit = true;
}

static void loop(struct ui_app *a)
{
	while (!a->quit && a->depth > 0) {
		paint(a);
		uint32_t k = term_key();
		if (k == TERM_KEY_RESIZE)
			continue;	/* the next paint fits the new size; every screen keeps its state */
		if (k == TERM_KEY_HANGUP) {
			a->quit = true;	/* nobody to ask: unsaved typing is lost, the store is not */
			break;
		}
		buf_reset(&a->message);
		struct ui_screen *top = a->stack[a->depth - 1];
		int act = keymap_lookup(a->keys, top->ops->ctx, k);
		int r = top->ops->key(a, top, act, k);
		if (r & UI_UNHANDLED) {
			switch (act) {
			case KA_HELP:
				ui_push(a, ui_help_new(a, top->ops->ctx));
				break;
			case KA_REDRAW:
				/* Draw everything again, and read again what others may have changed. */
				term_redraw_all();
				a->data_gen++;
				break;
			case KA_QUIT:
				quit(a);
				break;
			case KA_IME_TOGGLE:
				ui_input_toggle(a);
				break;
			case KA_IME_METHOD:
				ui_input_next_method(a);
				break;
			default:
				break;
			}
		}
		if (r & UI_POP)
			close_screen(a, top);
		if (r & UI_QUIT)
			quit(a);
	}
}

int ui_run(struct cli *c)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", _("hoivien: the full-screen program needs a terminal; "
					  "see 'hoivien --help' for the commands"));
		return EXIT_USAGE;
	}
	char *dir = path_store_dir(c->dir_opt);
	if (!store_exists(dir)) {
		fprintf(stderr, _("hoivien: there is no store in %s.\n"
				  "Create one with 'hoivien -d %s init' (empty) or 'hoivien -d %s demo' "
				  "(generated members).\n"),
			dir, dir, dir);
		free(dir);
		return EXIT_ERROR;
	}
	struct buf errs = BUF_INIT;
	struct keymap *km = keymap_load_user(&errs);
	struct ui_app a = { .keys = km, .message = BUF_INIT };
	int rc = cli_open(c, &a.store, false, false);
	if (rc) {
		keymap_free(&km);
		buf_free(&errs);
		free(dir);
		return rc;
	}
	const char *slash = strrchr(dir, '/');
	a.store_name = slash && slash[1] ? slash + 1 : dir;
	a.login = store_login(a.store);
	term_choose_display();
	if (term_start() != 0) {
		store_close(&a.store);
		keymap_free(&km);
		buf_free(&errs);
		free(dir);
		return EXIT_ERROR;
	}
	msg_set_sink(sink, &a);
	ui_input_start(&a);
	if (errs.len) {
		/* Bad lines of the user's keys file: say so (the first line and how many) and go on
		 * with the bindings that were good. */
		size_t lines = 0;
		for (size_t i = 0; i < errs.len; i++)
			lines += errs.p[i] == '\n';
		const char *nl = memchr(errs.p, '\n', errs.len);
		int first = nl ? (int)(nl - errs.p) : (int)errs.len;
		if (lines > 1)
			ui_error(&a, _("%.*s (and %zu more errors in the keys file)"), first, errs.p,
				 lines - 1);
		else
			ui_error(&a, "%.*s", first, errs.p);
	}
	ui_push(&a, ui_menu_new(&a));
	loop(&a);
	while (a.depth)
		pop(&a);
	term_stop();
	msg_set_sink(NULL, NULL);
	ui_input_stop(&a);
	if (errs.len)
		fputs(errs.p, stderr);	/* the whole list, where it can be read after the program */
	store_close(&a.store);
	keymap_free(&km);
	buf_free(&errs);
	buf_free(&a.message);
	free(dir);
	return EXIT_OK;
}
