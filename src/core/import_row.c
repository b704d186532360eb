/* Import, part one: a CSV row read, cleaned and checked; the header matched to columns. */
#include "core/import_priv.h"

#include "core/cccd.h"
#include "core/date.h"
#include "core/vocab.h"
#include "text/collate.h"
#include "text/fold.h"
#include "text/name.h"
#include "text/norm.h"
#include "text/sanitize.h"
#include "text/utf8.h"
#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- row parsing ---------------------------------------------------------------------- */

static void unit_seen_free(struct unit_seen *u)
{
	unit_path_free(&u->path);
	buf_free(&u->key);
	free(u);
}

void imp_row_free(struct row *w)
{
	free(w->raw);		/* one block: the pointers, the lengths and the bytes */
	rec_clear(&REC_DEF_PERSON, &w->p);
	rec_clear(&REC_DEF_MEMBERSHIP, &w->m);
	free(w->org_text);
	if (w->own_unit)
		unit_seen_free(w->own_unit);
	free(w->reason);
	buf_free(&w->warn);
	buf_free(&w->name_key);
	memset(w, 0, sizeof *w);
}

/* The memory distinct unit texts may keep parsed: a province's file names a few thousand
 * units, a few hundred bytes each; past this, rows parse their own. */
#define UNITS_SEEN_BYTES (1024 * 1024)

void imp_units_seen_free(struct importer *im)
{
	for (size_t i = 0; i < im->nseen; i++)
		unit_seen_free(im->seen[i]);
	free(im->seen);
	im->seen = NULL;
	im->nseen = im->capseen = 0;
	im->seen_bytes = 0;
	hmap_free(&im->units_seen);
}

/* The unit of a row from the texts of its unit columns, each as (column index: 2 bytes, text,
 * NUL) in texts: from the cache, or parsed (under --unit when the row has no unit column of
 * its own).  False (the row rejected) when a text is not a path. */
static bool row_unit(struct importer *im, struct row *w, const struct buf *texts)
{
	if (texts->len == 0 && im->default_unit.n == 0)
		return true;
	uint64_t at;
	if (hmap_get(&im->units_seen, texts->len ? texts->p : "", texts->len, &at)) {
		w->unit = im->seen[at]->path.n ? im->seen[at] : NULL;
		return true;
	}
	struct unit_seen *u = xcalloc(1, sizeof *u);
	if (!w->has[C_UNIT])
		unit_path_append(&u->path, &im->default_unit);
	const char *p = texts->p, *end = p + texts->len;
	while (p < end) {
		size_t ci = (size_t)(unsigned char)p[0] << 8 | (unsigned char)p[1];
		const char *text = p + 2;
		size_t n = strlen(text);
		p = text + n + 1;
		struct unit_path up;
		struct err ue;
		err_clear(&ue);
		if (unit_path_parse(text, n, &up, &ue) != 0) {
			imp_reject(w, _("column '%s': %s"), im->header_text[ci], ue.msg);
			unit_seen_free(u);
			return false;
		}
		unit_path_append(&u->path, &up);
		unit_path_free(&up);
	}
	if (u->path.n)
		unit_path_key(&u->path, &u->key);
	size_t bytes = sizeof *u + sizeof u + texts->len + 1 + u->key.cap;
	for (size_t i = 0; i < u->path.n; i++)
		bytes += strlen(u->path.part[i]) + 1;
	if (im->seen_bytes + bytes <= UNITS_SEEN_BYTES) {
		im->seen_bytes += bytes;
		if (im->nseen == im->capseen) {
			im->capseen = im->capseen ? im->capseen * 2 : 64;
			im->seen = xrealloc(im->seen, im->capseen * sizeof *im->seen);
		}
		hmap_put(&im->units_seen, texts->len ? texts->p : "", texts->len, im->nseen);
		im->seen[im->nseen++] = u;
	} else {
		w->own_unit = u;
	}
	w->unit = u->path.n ? u : NULL;
	return true;
}

void imp_reject(struct row *w, const char *fmt, ...)
{
	if (w->out == OUT_REJECTED)
		return;
	char text[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	free(w->reason);
	w->reason = xstrdup(text);
	w->out = OUT_REJECTED;
}

void imp_warn(struct row *w, const char *fmt, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (w->warn.len)
		buf_adds(&w->warn, "; ");
	buf_adds(&w->warn, text);
}

/* Clean one field: formula escape undone, UTF-8 checked, controls and escape sequences
 * removed, white space squeezed, NFC.  Returns false (row rejected) on invalid UTF-8 or an
 * over-long value. */
static bool clean_field(struct importer *im, struct row *w, size_t ci, struct buf *out)
{
	const char *s = w->raw[ci];
	size_t n = w->rawlen[ci];
	size_t skip = csv_unescape_formula(s, n);
	s += skip;
	n -= skip;
	buf_reset(out);
	if (vn_is_clean(s, n)) {
		buf_add(out, s, n);	/* the usual case: nothing to clean */
	} else {
		size_t bad;
		if (utf8_validate(s, n, &bad) != 0) {
			imp_reject(w, _("column '%s': not valid UTF-8 at byte %zu (is the file saved as "
				    "UTF-8?)"), im->header_text[ci], bad + skip + 1);
			return false;
		}
		struct buf tmp = BUF_INIT;
		vn_sanitize(&tmp, s, n, SAN_ONELINE | SAN_SQUEEZE);
		vn_nfc(out, buf_str(&tmp), tmp.len);
		buf_free(&tmp);
	}
	size_t max = col_max_len(im->map[ci]);
	if (out->len > max) {
		imp_reject(w, _("column '%s': too long (%zu bytes, at most %zu)"), im->header_text[ci],
		       out->len, max);
		return false;
	}
	return true;
}

static const char *const yes_words[] = { "x", "co", "1", "dang vien", "dv", "yes", "y", "true", "v" };
static const char *const no_words[] = { "khong", "0", "no", "n", "false", "k", "-" };

static int parse_bool(const char *s)
{
	struct buf f = BUF_INIT;
	vn_fold(&f, s, strlen(s));
	int v = -1;
	for (size_t i = 0; v < 0 && i < sizeof yes_words / sizeof yes_words[0]; i++)
		if (strcmp(buf_str(&f), yes_words[i]) == 0)
			v = 1;
	for (size_t i = 0; v < 0 && i < sizeof no_words / sizeof no_words[0]; i++)
		if (strcmp(buf_str(&f), no_words[i]) == 0)
			v = 0;
	buf_free(&f);
	return v;
}

/* Status words offices write, folded, by status. */
static const struct {
	const char *words;
	int status;
} status_words[] = {
	{ "dang sinh hoat", MS_ACTIVE }, { "sinh hoat", MS_ACTIVE }, { "con sinh hoat", MS_ACTIVE },
	{ "chuyen sinh hoat", MS_TRANSFERRED }, { "chuyen di", MS_TRANSFERRED },
	{ "da chuyen", MS_TRANSFERRED }, { "chuyen", MS_TRANSFERRED },
	{ "ra khoi to chuc", MS_LEFT }, { "ra khoi", MS_LEFT }, { "thoi sinh hoat", MS_LEFT },
	{ "xoa ten", MS_LEFT }, { "truong thanh", MS_LEFT },
	{ "tu tran", MS_DECEASED }, { "da mat", MS_DECEASED }, { "qua doi", MS_DECEASED },
	{ "mat", MS_DECEASED }, { "tam ngung sinh hoat", MS_SUSPENDED },
	{ "tam ngung", MS_SUSPENDED }, { "tam dung", MS_SUSPENDED },
};

static int parse_status(const char *s)
{
	int st = mstatus_parse(s, strlen(s));
	if (st >= 0)
		return st;
	struct buf f = BUF_INIT;
	vn_fold(&f, s, strlen(s));
	for (size_t i = 0; st < 0 && i < sizeof status_words / sizeof status_words[0]; i++)
		if (strcmp(buf_str(&f), status_words[i].words) == 0)
			st = status_words[i].status;
	buf_free(&f);
	return st;
}

/* A value from a fixed list: the canonical spelling, or the cleaned text kept with a warning
 * (never dropped). */
static char *vocab_value(struct importer *im, struct row *w, size_t ci, const struct vocab *v,
			 const char *s)
{
	const char *c = vocab_canon(v, s, strlen(s));
	if (c)
		return xstrdup(c);
	imp_warn(w, _("column '%s': '%s' is not in the standard list; kept as written"),
	     im->header_text[ci], s);
	return xstrdup(s);
}

static bool date_field(struct importer *im, struct row *w, size_t ci, const char *s,
		       hv_date *out)
{
	struct err de;
	err_clear(&de);
	if (date_parse(s, out, &de) != 0) {
		imp_reject(w, _("column '%s': %s"), im->header_text[ci], de.msg);
		return false;
	}
	return true;
}

void imp_set_str(char **p, const char *s)
{
	free(*p);
	*p = xstrdup(s);
}

/* Turn the raw fields of a row into a person and a membership. */
void imp_parse_row(struct importer *im, struct row *w)
{
	struct buf v = BUF_INIT, name_head = BUF_INIT, given = BUF_INIT, units = BUF_INIT;
	size_t n = w->nraw < im->ncols ? w->nraw : im->ncols;
	if (w->nraw < im->ncols) {
		imp_reject(w, _("the row has %zu fields, the header has %zu"), w->nraw, im->ncols);
		goto out;
	}
	for (size_t ci = im->ncols; ci < w->nraw; ci++) {
		if (w->rawlen[ci] && strspn(w->raw[ci], " \t") != w->rawlen[ci]) {
			imp_reject(w, _("the row has %zu fields, the header has %zu"), w->nraw, im->ncols);
			goto out;
		}
	}
	for (size_t ci = 0; ci < n && w->out != OUT_REJECTED; ci++) {
		enum col c = im->map[ci];
		if (c == C_UNKNOWN || c == C_SKIP || c == C_REJECT_INFO)
			continue;
		if (!clean_field(im, w, ci, &v))
			break;
		if (v.len == 0)
			continue;
		const char *s = buf_str(&v);
		w->has[c] = true;
		const char *h = im->header_text[ci];
		switch (c) {
		case C_ID: {
			char *end;
			errno = 0;
			unsigned long long id = strtoull(s, &end, 10);
			if (errno || *end || id == 0)
				imp_reject(w, _("column '%s': '%s' is not a person id"), h, s);
			w->file_id = id;
			break;
		}
		case C_NAME:
			buf_reset(&name_head);
			buf_adds(&name_head, s);
			break;
		case C_NAME_HEAD:
			buf_reset(&name_head);
			buf_adds(&name_head, s);
			break;
		case C_GIVEN:
			buf_reset(&given);
			buf_adds(&given, s);
			break;
		case C_SEX: {
			const char *sx = vocab_canon(&VOCAB_SEX, s, v.len);
			if (!sx)
				imp_reject(w, _("column '%s': '%s' is neither Nam nor Nữ"), h, s);
			else
				w->p.sex = strcmp(sx, "Nữ") == 0 ? SEX_FEMALE : SEX_MALE;
			break;
		}
		case C_BIRTH:
			date_field(im, w, ci, s, &w->p.birth);
			break;
		case C_BIRTH_MALE:
		case C_BIRTH_FEMALE: {
			int sex = c == C_BIRTH_MALE ? SEX_MALE : SEX_FEMALE;
			if (w->p.sex && w->p.sex != sex && (w->has[C_BIRTH_MALE] && w->has[C_BIRTH_FEMALE]))
				imp_reject(w, _("both the men's and the women's birth year columns are filled"));
			else if (date_field(im, w, ci, s, &w->p.birth))
				w->p.sex = sex;
			w->has[C_BIRTH] = w->has[C_SEX] = true;
			break;
		}
		case C_ETHNICITY:
			w->p.ethnicity = vocab_value(im, w, ci, &VOCAB_ETHNICITY, s);
			break;
		case C_RELIGION:
			w->p.religion = vocab_value(im, w, ci, &VOCAB_RELIGION, s);
			break;
		case C_CCCD: {
			char id[16];
			struct err ce;
			err_clear(&ce);
			if (cccd_parse(s, id, &ce) != 0)
				imp_reject(w, _("column '%s': %s"), h, ce.msg);
			else
				imp_set_str(&w->p.cccd, id);
			break;
		}
		case C_PHONE:
			imp_set_str(&w->p.phone, s);
			break;
		case C_HOMETOWN:
			imp_set_str(&w->p.home_town, s);
			break;
		case C_ADDRESS:
			imp_set_str(&w->p.address, s);
			break;
		case C_EDUCATION:
			w->p.education = vocab_value(im, w, ci, &VOCAB_EDUCATION, s);
			break;
		case C_QUALIFICATION:
			w->p.qualification = vocab_value(im, w, ci, &VOCAB_QUALIFICATION, s);
			break;
		case C_THEORY:
			w->p.theory = vocab_value(im, w, ci, &VOCAB_THEORY, s);
			break;
		case C_PARTY:
		case C_VERIFIED:
		case C_TRANSFERRED_IN: {
			int b = parse_bool(s);
			if (b < 0)
				imp_reject(w, _("column '%s': '%s' is not yes or no (write x, Có or leave it empty)"), h, s);
			int64_t *at = c == C_PARTY ? &w->p.party_member
				      : c == C_VERIFIED ? &w->p.verified : &w->m.transferred_in;
			*at = b > 0;
			break;
		}
		case C_PARTY_DATE:
			if (date_field(im, w, ci, s, &w->p.party_date))
				w->p.party_member = 1;
			break;
		case C_OCCUPATION:
			imp_set_str(&w->p.occupation, s);
			break;
		case C_WORKPLACE:
			imp_set_str(&w->p.workplace, s);
			break;
		case C_NOTES:
			imp_set_str(&w->p.notes, s);
			break;
		case C_ORG:
			imp_set_str(&w->org_text, s);
			break;
		case C_UNIT:
		case C_BRANCH:
			/* Parsed below, once the row's unit columns are all read. */
			buf_addc(&units, (char)(ci >> 8));
			buf_addc(&units, (char)(ci & 0xff));
			buf_add(&units, s, v.len + 1);
			break;
		case C_JOIN:
			date_field(im, w, ci, s, &w->m.join_date);
			break;
		case C_CARD:
			imp_set_str(&w->m.card_no, s);
			break;
		case C_ROLE:
			w->m.role = vocab_value(im, w, ci, &VOCAB_ROLE, s);
			break;
		case C_STATUS: {
			int st = parse_status(s);
			if (st < 0)
				imp_reject(w, _("column '%s': '%s' is not a membership status"), h, s);
			else
				w->m.status = st;
			break;
		}
		case C_STATUS_DATE:
			date_field(im, w, ci, s, &w->m.status_date);
			break;
		case C_STATUS_REASON:
			imp_set_str(&w->m.status_reason, s);
			break;
		default:
			break;
		}
	}
	if (w->out == OUT_REJECTED)
		goto out;
	/* The name, possibly from two columns. */
	struct buf full = BUF_INIT, clean = BUF_INIT;
	buf_adds(&full, buf_str(&name_head));
	if (given.len) {
		if (full.len)
			buf_addc(&full, ' ');
		buf_adds(&full, buf_str(&given));
	}
	vn_name_clean(&clean, buf_str(&full), full.len);
	buf_free(&full);
	if (clean.len == 0) {
		imp_reject(w, _("no name: the name column is empty"));
		buf_free(&clean);
		goto out;
	}
	w->p.full_name = buf_steal(&clean);
	w->has[C_NAME] = true;
	/* The key of the name index: name, then birth date (see store_sweep). */
	vn_name_collkey(&w->name_key, w->p.full_name, strlen(w->p.full_name));
	unsigned char tail[5] = { 0 };
	be32_put(tail + 1, w->p.birth);
	buf_add(&w->name_key, tail, sizeof tail);
	/* The unit: the file's, or --unit; a branch column alone is read under --unit. */
	if (!row_unit(im, w, &units))
		goto out;
	if (w->p.cccd) {
		struct buf cw = BUF_INIT;
		if (cccd_check(w->p.cccd, (int)w->p.sex, w->p.birth, &cw) > 0) {
			if (cw.len && cw.p[cw.len - 1] == '\n')
				cw.p[--cw.len] = '\0';
			/* One warning per line from cccd_check: joined as "a; b". */
			struct buf joined = BUF_INIT;
			for (const char *p = buf_str(&cw); *p; p++) {
				if (*p == '\n')
					buf_adds(&joined, "; ");
				else
					buf_addc(&joined, *p);
			}
			imp_warn(w, "%s", buf_str(&joined));
			buf_free(&joined);
		}
		buf_free(&cw);
	}
out:
	w->parse_rejected = w->out == OUT_REJECTED;
	w->warn_parsed = w->warn.len;
	buf_free(&v);
	buf_free(&name_head);
	buf_free(&given);
	buf_free(&units);
}

int imp_read_header(struct importer *im, struct csv_reader *rd, struct err *e)
{
	struct csv_row hr;
	int rc;
	do
		rc = imp_next(im, rd, &hr, e);
	while (rc == -ERR_INVAL);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return err_set(e, ERR_INVAL, _("the file is empty"));
	im->ncols = hr.nfields;
	im->delim = csv_delimiter(rd);
	for (int c = 0; c < C__COUNT; c++)
		im->col_of[c] = -1;
	struct buf clean = BUF_INIT;
	for (size_t i = 0; i < hr.nfields; i++) {
		size_t bad;
		const char *h = hr.fields[i];
		size_t n = hr.lens[i];
		if (utf8_validate(h, n, &bad) != 0) {
			buf_free(&clean);
			return err_set(e, ERR_INVAL, _("header, column %zu: not valid UTF-8 at byte %zu; "
						       "the file is in an old Vietnamese encoding: leave "
						       "--encoding out to have it guessed, or name it "
						       "(tcvn3, vni, viscii, ...)"), i + 1, bad + 1);
		}
		buf_reset(&clean);
		vn_sanitize(&clean, h, n, SAN_ONELINE | SAN_SQUEEZE);
		im->header_text[i] = xstrdup(buf_str(&clean));
		enum col c = col_match(buf_str(&clean), clean.len);
		if (c != C_UNKNOWN && c != C_SKIP && c != C_REJECT_INFO && im->col_of[c] >= 0) {
			/* The same field twice: the first column wins, the other is reported. */
			c = C_UNKNOWN;
		}
		im->map[i] = c;
		if (c == C_UNKNOWN) {
			if (clean.len) {
				if (im->r->ignored.len)
					buf_adds(&im->r->ignored, ", ");
				buf_adds(&im->r->ignored, buf_str(&clean));
			}
			continue;
		}
		if (c != C_SKIP && c != C_REJECT_INFO)
			im->col_of[c] = (int)i;
	}
	buf_free(&clean);
	if (im->col_of[C_NAME] < 0 && im->col_of[C_GIVEN] < 0) {
		return err_set(e, ERR_INVAL, _("no name column: the first row must be the header, with "
					       "a column such as 'Họ và tên'"));
	}
	if (im->col_of[C_ORG] < 0 && !im->default_org) {
		char codes[256];
		org_list_codes(&im->orgs, codes, sizeof codes);
		return err_set(e, ERR_INVAL, _("the file has no 'Tổ chức' column; say which "
					       "organization it is with --org CODE (%s)"), codes);
	}
	return 0;
}
