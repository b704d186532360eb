/* The form model: field texts of one screen, their checks, and their way into records. */
#include "core/form.h"

#include "core/cccd.h"
#include "core/date.h"
#include "core/unitpath.h"
#include "core/vocab.h"
#include "text/fold.h"
#include "text/name.h"
#include "text/norm.h"
#include "text/sanitize.h"
#include "text/utf8.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct form {
	const struct screen *s;
	size_t n;
	char **text;			/* as typed, or cleaned by a check that passed */
	char **orig;			/* as loaded: what "dirty" compares with */
	enum form_verdict *verdict;
	char **msg;
	hv_date birth;			/* of the loaded person, for fields not on the screen */
	int sex;
};

#define REC_AT(rec, def, T) ((T *)((char *)(rec) + (def)->off))

static bool valid(const struct form *f, int i)
{
	return f && i >= 0 && (size_t)i < f->n;
}

static void set_str(char **p, const char *s)
{
	char *c = xstrdup(s ? s : "");
	free(*p);
	*p = c;
}

static void forget(struct form *f, int i)
{
	f->verdict[i] = FV_OK;
	set_str(&f->msg[i], "");
}

struct form *form_new(const struct screen *s)
{
	struct form *f = xcalloc(1, sizeof *f);
	f->s = s;
	f->n = s->nfields;
	f->text = xcalloc(f->n + 1, sizeof *f->text);
	f->orig = xcalloc(f->n + 1, sizeof *f->orig);
	f->msg = xcalloc(f->n + 1, sizeof *f->msg);
	f->verdict = xcalloc(f->n + 1, sizeof *f->verdict);
	form_clear(f);
	return f;
}

void form_free(struct form **fp)
{
	if (!fp || !*fp)
		return;
	struct form *f = *fp;
	for (size_t i = 0; i < f->n; i++) {
		free(f->text[i]);
		free(f->orig[i]);
		free(f->msg[i]);
	}
	free(f->text);
	free(f->orig);
	free(f->msg);
	free(f->verdict);
	free(f);
	*fp = NULL;
}

const struct screen *form_screen(const struct form *f)
{
	return f->s;
}

void form_clear(struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		set_str(&f->text[i], "");
		set_str(&f->orig[i], "");
		forget(f, (int)i);
	}
	f->birth = 0;
	f->sex = SEX_UNKNOWN;
}

void form_next_record(struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		if (!f->s->fields[i].carry)
			set_str(&f->text[i], "");
		set_str(&f->orig[i], "");
		forget(f, (int)i);
	}
	f->birth = 0;
	f->sex = SEX_UNKNOWN;
}

/* The texts of the fields of one record type, from rec. */
static void load(struct form *f, enum rec_type type, const void *rec)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < f->n; i++) {
		const struct screen_field *sf = &f->s->fields[i];
		if (sf->ref.rec != type || !sf->ref.def)
			continue;
		buf_reset(&b);
		rec_field_text(sf->ref.def, rec, &b);
		const char *t = buf_str(&b);
		if (sf->ref.def->type == FT_BOOL && !*t)
			t = "Không";
		if (sf->type == STY_CHOICE && *t) {
			const char *c = vocab_canon(sf->choices, t, strlen(t));
			if (c)
				t = c;
		}
		set_str(&f->text[i], t);
		set_str(&f->orig[i], t);
		forget(f, (int)i);
	}
	buf_free(&b);
}

void form_load_person(struct form *f, const struct person *p)
{
	load(f, REC_PERSON, p);
	f->birth = p->birth;
	f->sex = (int)p->sex;
}

void form_load_membership(struct form *f, const struct membership *m, const char *org,
			  const char *unit)
{
	load(f, REC_MEMBERSHIP, m);
	for (size_t i = 0; i < f->n; i++) {
		enum screen_pseudo ps = f->s->fields[i].ref.pseudo;
		if (ps == SPS_NONE)
			continue;
		set_str(&f->text[i], ps == SPS_ORG ? org : unit);
		set_str(&f->orig[i], f->text[i]);
		forget(f, (int)i);
	}
}

void form_set(struct form *f, int i, const char *text)
{
	if (!valid(f, i))
		return;
	set_str(&f->text[i], text);
	forget(f, i);
}

const char *form_get(const struct form *f, int i)
{
	return valid(f, i) ? f->text[i] : "";
}

bool form_dirty(const struct form *f, int i)
{
	if (i < 0) {
		for (size_t k = 0; k < f->n; k++)
			if (strcmp(f->text[k], f->orig[k]) != 0)
				return true;
		return false;
	}
	return valid(f, i) && strcmp(f->text[i], f->orig[i]) != 0;
}

enum form_verdict form_verdict(const struct form *f, int i)
{
	return valid(f, i) ? f->verdict[i] : FV_OK;
}

const char *form_message(const struct form *f, int i)
{
	return valid(f, i) ? f->msg[i] : "";
}

/* ---- Checks ---- */

/* One line of text: controls and escapes dropped, white space squeezed, NFC. */
static int clean_line(struct buf *out, const char *s)
{
	size_t n = strlen(s);
	if (utf8_validate(s, n, NULL) != 0)
		return -1;
	struct buf tmp = BUF_INIT;
	vn_sanitize(&tmp, s, n, SAN_ONELINE | SAN_SQUEEZE);
	vn_nfc(out, buf_str(&tmp), tmp.len);
	buf_free(&tmp);
	return 0;
}

/* The birth date and sex the checks compare with: the screen's fields when it has them (as far
 * as they are valid), else the loaded person's. */
static hv_date birth_of(const struct form *f)
{
	int i = screen_field_index(f->s, "person.birth");
	if (i < 0)
		return f->birth;
	hv_date d = 0;
	return date_parse(f->text[i], &d, NULL) == 0 ? d : 0;
}

static int sex_of(const struct form *f)
{
	int i = screen_field_index(f->s, "person.sex");
	if (i < 0)
		return f->sex;
	const char *c = vocab_canon(&VOCAB_SEX, f->text[i], strlen(f->text[i]));
	return !c ? SEX_UNKNOWN : strcmp(c, "Nữ") == 0 ? SEX_FEMALE : SEX_MALE;
}

static const char *const yes_words[] = { "co", "c", "y", "yes", "x", "1" };
static const char *const no_words[] = { "khong", "k", "n", "no", "0" };

static int yesno(const char *s)
{
	struct buf k = BUF_INIT;
	vn_fold(&k, s, strlen(s));
	int v = -1;
	for (size_t i = 0; v < 0 && i < sizeof yes_words / sizeof yes_words[0]; i++)
		if (strcmp(buf_str(&k), yes_words[i]) == 0)
			v = 1;
	for (size_t i = 0; v < 0 && i < sizeof no_words / sizeof no_words[0]; i++)
		if (strcmp(buf_str(&k), no_words[i]) == 0)
			v = 0;
	buf_free(&k);
	return v;
}

static enum form_verdict check_date(struct form *f, const struct screen_field *sf,
				    struct buf *clean, struct buf *msg)
{
	hv_date d;
	struct err e;
	err_clear(&e);
	if (date_parse(buf_str(clean), &d, &e) != 0) {
		buf_adds(msg, e.msg);
		return FV_ERROR;
	}
	char tmp[16];
	buf_reset(clean);
	buf_adds(clean, date_format(d, tmp));
	const char *name = sf->ref.def ? sf->ref.def->name : "";
	if (sf->ref.rec == REC_PERSON && strcmp(name, "birth") == 0) {
		if (date_cmp(d, date_today()) > 0) {
			buf_printf(msg, _("%s is in the future"), tmp);
			return FV_ERROR;
		}
		return FV_OK;
	}
	hv_date birth = birth_of(f);
	if (birth && date_cmp(d, birth) < 0) {
		char bt[16];
		buf_printf(msg, _("%s is before the date of birth %s"), tmp, date_format(birth, bt));
		return FV_ERROR;
	}
	return FV_OK;
}

static enum form_verdict check_cccd(struct form *f, struct buf *clean, struct buf *msg)
{
	char id[16];
	struct err e;
	err_clear(&e);
	if (cccd_parse(buf_str(clean), id, &e) != 0) {
		buf_adds(msg, e.msg);
		return FV_ERROR;
	}
	buf_reset(clean);
	buf_adds(clean, id);
	if (strlen(id) == 9) {
		buf_printf(msg, _("%s is an old 9-digit CMND number; the 12-digit CCCD replaces it"),
			   id);
		return FV_WARNING;
	}
	struct buf w = BUF_INIT;
	int n = cccd_check(id, sex_of(f), birth_of(f), &w);
	/* One line for the message line: "…; …". */
	for (const char *p = buf_str(&w); *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (msg->len)
			buf_adds(msg, "; ");
		buf_add(msg, p, len);
		p += len + (nl ? 1 : 0);
	}
	buf_free(&w);
	return n > 0 ? FV_WARNING : FV_OK;
}

static enum form_verdict check_phone(struct buf *clean, struct buf *msg)
{
	const char *s = buf_str(clean);
	int digits = 0;
	for (size_t k = 0; s[k]; k++) {
		char c = s[k];
		if (c >= '0' && c <= '9')
			digits++;
		else if (!(c == ' ' || c == '.' || c == '-' || (c == '+' && k == 0))) {
			buf_printf(msg, _("\"%s\" is not a phone number: only digits, spaces, dots, "
					  "dashes and a leading + may be written"), s);
			return FV_ERROR;
		}
	}
	if (s[0] == '+') {
		size_t lead = strspn(s + 1, " ");
		if (strncmp(s + 1 + lead, "84", 2) == 0) {
			if (digits - 2 != 9 && digits - 2 != 10) {
				buf_printf(msg, _("\"%s\" has %d digits after +84; a Vietnamese number "
						  "has 9 or 10"), s, digits - 2);
				return FV_ERROR;
			}
		} else if (digits < 8 || digits > 15) {
			buf_printf(msg, _("\"%s\" has %d digits; an international number has 8 to 15"),
				   s, digits);
			return FV_ERROR;
		}
		return FV_OK;
	}
	if (s[strspn(s, " .-")] != '0') {
		buf_printf(msg, _("\"%s\" does not start with 0 or +84 (was the leading 0 lost?)"), s);
		return FV_ERROR;
	}
	if (digits != 10 && digits != 11) {
		buf_printf(msg, _("\"%s\" has %d digits; a Vietnamese phone number has 10 (mobile) or "
				  "11 (landline)"), s, digits);
		return FV_ERROR;
	}
	return FV_OK;
}

static enum form_verdict check_choice(struct form *f, int i, const struct screen_field *sf,
				      struct buf *clean, struct buf *msg)
{
	const struct vocab *v = sf->choices;
	const char *c = vocab_canon(v, clean->p, clean->len);
	if (c) {
		buf_reset(clean);
		buf_adds(clean, c);
		return FV_OK;
	}
	/* What the stored record holds (an import keeps unknown values as written) is only
	 * pointed out; a value typed now must come from the list.  Compared clean, so that the
	 * cleaning done by the first check does not turn the next one into an error. */
	struct buf oc = BUF_INIT;
	bool stored = clean_line(&oc, f->orig[i]) == 0 && oc.len &&
		      strcmp(buf_str(&oc), buf_str(clean)) == 0;
	buf_free(&oc);
	if (v->n <= 8) {
		struct buf items = BUF_INIT;
		for (size_t k = 0; k < v->n; k++)
			buf_printf(&items, "%s%s", k ? ", " : "", v->items[k]);
		buf_printf(msg, _("\"%s\" is not one of: %s"), buf_str(clean), buf_str(&items));
		buf_free(&items);
	} else {
		buf_printf(msg, _("\"%s\" is not in the list (%zu items)"), buf_str(clean), v->n);
	}
	if (stored) {
		buf_adds(msg, _("; kept as stored"));
		return FV_WARNING;
	}
	return FV_ERROR;
}

/* The verdict on field i; clean gets the text to keep when it is not an error, msg the problem
 * (without the label). */
static enum form_verdict check(struct form *f, int i, struct buf *clean, struct buf *msg)
{
	const struct screen_field *sf = &f->s->fields[i];
	const char *t = f->text[i];
	int rc = sf->type == STY_NAME ? vn_name_clean(clean, t, strlen(t)) : clean_line(clean, t);
	if (rc != 0) {
		buf_adds(msg, _("the text is not valid UTF-8"));
		return FV_ERROR;
	}
	if (clean->len == 0) {
		if (!sf->required)
			return FV_OK;
		buf_adds(msg, _("must be filled in"));
		return FV_ERROR;
	}
	switch (sf->type) {
	case STY_TEXT:
		if (sf->ref.pseudo == SPS_UNIT) {
			struct unit_path up;
			struct err e;
			err_clear(&e);
			if (unit_path_parse(clean->p, clean->len, &up, &e) != 0) {
				buf_adds(msg, e.msg);
				return FV_ERROR;
			}
			buf_reset(clean);
			for (size_t k = 0; k < up.n; k++)
				buf_printf(clean, "%s%s", k ? " / " : "", up.part[k]);
			unit_path_free(&up);
		}
		return FV_OK;
	case STY_NAME:
		if (!strchr(clean->p, ' ')) {
			buf_printf(msg, _("\"%s\" is one word: write the full name (surname, middle and "
					  "given name)"), clean->p);
			return FV_ERROR;
		}
		return FV_OK;
	case STY_DATE:
		return check_date(f, sf, clean, msg);
	case STY_CHOICE:
		return check_choice(f, i, sf, clean, msg);
	case STY_YESNO: {
		int b = yesno(clean->p);
		if (b < 0) {
			buf_printf(msg, _("\"%s\" is neither Có nor Không (c/k, y/n, x)"), clean->p);
			return FV_ERROR;
		}
		buf_reset(clean);
		buf_adds(clean, b ? "Có" : "Không");
		return FV_OK;
	}
	case STY_CCCD:
		return check_cccd(f, clean, msg);
	case STY_PHONE:
		return check_phone(clean, msg);
	case STY_NUMBER:
		if (strspn(clean->p, "0123456789") != clean->len) {
			buf_printf(msg, _("\"%s\" is not a number (digits only)"), clean->p);
			return FV_ERROR;
		}
		return FV_OK;
	}
	return FV_OK;
}

enum form_verdict form_check_field(struct form *f, int i)
{
	if (!valid(f, i))
		return FV_OK;
	struct buf clean = BUF_INIT, msg = BUF_INIT;
	enum form_verdict v = check(f, i, &clean, &msg);
	if (v != FV_ERROR)
		set_str(&f->text[i], buf_str(&clean));
	f->verdict[i] = v;
	if (v == FV_OK) {
		set_str(&f->msg[i], "");
	} else {
		struct buf m = BUF_INIT;
		buf_printf(&m, _("%s: %s"), screen_text(&f->s->fields[i].label), buf_str(&msg));
		free(f->msg[i]);
		f->msg[i] = buf_steal(&m);
	}
	buf_free(&clean);
	buf_free(&msg);
	return v;
}

int form_check_all(struct form *f, int *nerr, int *nwarn)
{
	int first = -1, ne = 0, nw = 0;
	for (size_t i = 0; i < f->n; i++) {
		enum form_verdict v = form_check_field(f, (int)i);
		if (v == FV_ERROR && first < 0)
			first = (int)i;
		ne += v == FV_ERROR;
		nw += v == FV_WARNING;
	}
	if (nerr)
		*nerr = ne;
	if (nwarn)
		*nwarn = nw;
	return first;
}

/* ---- Into records ---- */

/* Check the fields of one record type; the first error goes to e. */
static int check_rec(struct form *f, enum rec_type type, struct err *e)
{
	int rc = 0;
	for (size_t i = 0; i < f->n; i++) {
		const struct screen_field *sf = &f->s->fields[i];
		if (sf->ref.rec != type || form_check_field(f, (int)i) != FV_ERROR || rc)
			continue;
		rc = err_set(e, ERR_INVAL, "%s", f->msg[i]);
		err_where(e, "%s", sf->ref.name);
	}
	return rc;
}

/* Write the (checked, clean) text of field sf into rec. */
static void put(const struct screen_field *sf, void *rec, const char *t)
{
	const struct field_def *d = sf->ref.def;
	switch (d->type) {
	case FT_STR:
		rec_set_str(d, rec, t);
		break;
	case FT_DATE: {
		hv_date v = 0;
		if (date_parse(t, &v, NULL) == 0)
			*REC_AT(rec, d, hv_date) = v;
		break;
	}
	case FT_BOOL:
		*REC_AT(rec, d, int64_t) = strcmp(t, "Có") == 0;
		break;
	case FT_SEX:
		*REC_AT(rec, d, int64_t) = strcmp(t, "Nam") == 0 ? SEX_MALE
					  : strcmp(t, "Nữ") == 0 ? SEX_FEMALE : SEX_UNKNOWN;
		break;
	case FT_STATUS: {
		int st = *t ? mstatus_parse(t, strlen(t)) : MS_ACTIVE;
		if (st >= 0)
			*REC_AT(rec, d, int64_t) = st;
		break;
	}
	default:
		break;		/* ids and numbers are not on screens (screen.c refuses them) */
	}
}

static int apply(struct form *f, enum rec_type type, void *rec, const char **org,
		 const char **unit, struct err *e)
{
	int rc = check_rec(f, type, e);
	if (rc)
		return rc;
	for (size_t i = 0; i < f->n; i++) {
		const struct screen_field *sf = &f->s->fields[i];
		if (sf->ref.rec != type)
			continue;
		if (sf->ref.pseudo == SPS_ORG && org)
			*org = f->text[i];
		else if (sf->ref.pseudo == SPS_UNIT && unit)
			*unit = f->text[i];
		else if (sf->ref.def)
			put(sf, rec, f->text[i]);
	}
	return 0;
}

int form_apply_person(struct form *f, struct person *p, struct err *e)
{
	return apply(f, REC_PERSON, p, NULL, NULL, e);
}

int form_apply_membership(struct form *f, struct membership *m, const char **org,
			  const char **unit, struct err *e)
{
	if (org)
		*org = NULL;
	if (unit)
		*unit = NULL;
	return apply(f, REC_MEMBERSHIP, m, org, unit, e);
}
