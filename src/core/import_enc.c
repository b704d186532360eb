/* The encoding of a file being imported: given or guessed, and every field decoded to UTF-8 as
 * it is read; and the preview that shows a person the first rows before anything is written. */
#include "core/import_priv.h"

#include "text/detect.h"
#include "text/norm.h"
#include "text/sanitize.h"
#include "text/utf8.h"
#include "text/vnenc.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What detection reads: enough rows of any real list to decide, and a bounded cost. */
enum { SAMPLE = 1 << 20 };
/* Below this, the guess is not trusted with a whole file: the user must say. */
#define MIN_CONFIDENCE 0.6

struct choice {
	enum vn_enc enc;
	double confidence;
	bool guessed;
	struct vn_guess g[4];
	size_t ng;
};

/* The encoding of the file f: given by name (NULL or "auto": guessed from its first megabyte,
 * after which f is back at its start). */
static int choose(FILE *f, const char *path, const char *name, struct choice *c, struct err *e)
{
	memset(c, 0, sizeof *c);
	if (name && *name && strcmp(name, "auto") != 0) {
		if (vn_enc_parse(name, &c->enc) != 0 || c->enc == VN_ENC_ASCII)
			return err_set(e, ERR_USAGE,
				       _("--encoding %s: not an encoding hoivien reads (utf-8, tcvn3, "
					 "vn1, vni, vps, viscii, cp1258, viqr, nfd)"), name);
		c->confidence = 1;
		return 0;
	}
	char *sample = xmalloc(SAMPLE);
	size_t n = fread(sample, 1, SAMPLE, f);
	int bad = ferror(f);
	if (bad || fseek(f, 0, SEEK_SET) != 0) {
		free(sample);
		int rc = err_set(e, ERR_IO, _("cannot read: %s"), strerror(errno ? errno : EIO));
		err_where(e, "%s", path);
		return rc;
	}
	/* vn_detect itself reads a sample up to its last line break. */
	c->ng = vn_detect(sample, n, c->g, sizeof c->g / sizeof c->g[0]);
	free(sample);
	c->enc = c->ng ? c->g[0].enc : VN_ENC_UTF8;
	c->confidence = c->ng ? c->g[0].confidence : 1;
	c->guessed = true;
	return 0;
}

static void others(const struct choice *c, char *out, size_t size)
{
	out[0] = '\0';
	size_t k = 0;
	for (size_t i = 1; i < c->ng && k + 1 < size; i++) {
		int w = snprintf(out + k, size - k, "%s%s %.2f", i > 1 ? ", " : "",
				 vn_enc_name(c->g[i].enc), c->g[i].score);
		if (w < 0 || (size_t)w >= size - k)
			break;
		k += (size_t)w;
	}
}

int imp_encoding(struct importer *im, FILE *f, struct err *e)
{
	struct choice c;
	int rc = choose(f, im->o->path, im->o->encoding, &c, e);
	if (rc)
		return rc;
	snprintf(im->r->encoding, sizeof im->r->encoding, "%s", vn_enc_name(c.enc));
	im->r->confidence = c.confidence;
	im->r->guessed = c.guessed;
	if (c.guessed && c.confidence < MIN_CONFIDENCE) {
		char more[128];
		others(&c, more, sizeof more);
		rc = err_set(e, ERR_INVAL,
			     _("cannot tell the file's encoding: the best guess is %s, with confidence "
			       "%.2f (then %s); look at 'hoivien import --preview' and give "
			       "--encoding"),
			     vn_enc_name(c.enc), c.confidence, more[0] ? more : "-");
		err_where(e, "%s", im->o->path);
		return rc;
	}
	if (c.enc == VN_ENC_UTF8 || c.enc == VN_ENC_NFD)
		return 0;	/* read as it is; rows are checked and normalized field by field */
	im->codec = vn_codec_new(c.enc, e);
	if (!im->codec)
		return -ERR_USAGE;
	im->dec_off = xcalloc(CSV_MAX_FIELDS, sizeof *im->dec_off);
	im->dec_fields = xcalloc(CSV_MAX_FIELDS, sizeof *im->dec_fields);
	im->dec_lens = xcalloc(CSV_MAX_FIELDS, sizeof *im->dec_lens);
	return 0;
}

void imp_encoding_free(struct importer *im)
{
	vn_codec_free(&im->codec);
	buf_free(&im->decoded);
	free(im->dec_off);
	free(im->dec_fields);
	free(im->dec_lens);
	im->dec_off = NULL;
	im->dec_fields = NULL;
	im->dec_lens = NULL;
}

/* Decode the fields of row with codec into the arrays given, pointing row at them. */
static int decode_row(struct vn_codec *codec, struct buf *dec, size_t *off, char **fields,
		      size_t *lens, struct csv_row *row, struct err *e)
{
	buf_reset(dec);
	for (size_t i = 0; i < row->nfields; i++) {
		struct vn_enc_problem p = { 0 };
		off[i] = dec->len;
		if (vn_decode(codec, row->fields[i], row->lens[i], dec, 0, &p) != 0) {
			return err_set(e, ERR_INVAL,
				       _("row %zu, column %zu: byte 0x%02X (at byte %zu of the field) is "
					 "not a character of %s"),
				       row->recno, i + 1, p.byte, p.offset + 1,
				       vn_enc_label(vn_codec_enc(codec)));
		}
		lens[i] = dec->len - off[i];
		buf_addc(dec, '\0');
	}
	for (size_t i = 0; i < row->nfields; i++)
		fields[i] = dec->p + off[i];
	row->fields = fields;
	row->lens = lens;
	return 1;
}

int imp_next(struct importer *im, struct csv_reader *rd, struct csv_row *row, struct err *e)
{
	int got = csv_next(rd, row, e);
	if (got <= 0 || !im->codec)
		return got;
	int rc = decode_row(im->codec, &im->decoded, im->dec_off, im->dec_fields, im->dec_lens, row,
			    e);
	if (rc < 0)
		row->nfields = 0;	/* as csv_next leaves a bad record */
	return rc;
}

int import_preview(const char *path, const char *encoding, size_t nrows, struct import_preview *p,
		   struct err *e)
{
	memset(p, 0, sizeof *p);
	FILE *f = fopen(path, "rb");
	if (!f) {
		int rc = err_set(e, ERR_IO, _("cannot open: %s"), strerror(errno));
		err_where(e, "%s", path);
		return rc;
	}
	struct choice c;
	int rc = choose(f, path, encoding, &c, e);
	if (rc) {
		fclose(f);
		return rc;
	}
	snprintf(p->encoding, sizeof p->encoding, "%s", vn_enc_name(c.enc));
	p->confidence = c.confidence;
	p->guessed = c.guessed;
	others(&c, p->others, sizeof p->others);
	struct vn_codec *codec = NULL;
	if (c.enc != VN_ENC_UTF8 && c.enc != VN_ENC_NFD && !(codec = vn_codec_new(c.enc, e))) {
		fclose(f);
		return -ERR_USAGE;
	}
	struct csv_reader *rd = csv_open(f, path);
	struct buf dec = BUF_INIT, clean = BUF_INIT;
	size_t *off = xcalloc(CSV_MAX_FIELDS, sizeof *off), *lens = xcalloc(CSV_MAX_FIELDS, sizeof *lens);
	char **fields = xcalloc(CSV_MAX_FIELDS, sizeof *fields);
	size_t seen = 0;
	while (seen <= nrows) {
		struct csv_row row;
		struct err re = { 0 };
		int got = csv_next(rd, &row, &re);
		if (got == 0)
			break;
		if (got == -ERR_IO) {
			*e = re;
			rc = got;
			break;
		}
		if (got > 0 && codec)
			got = decode_row(codec, &dec, off, fields, lens, &row, &re);
		if (got < 0) {
			char why[900];
			buf_printf(&p->text, "! %s\n", err_format(&re, why, sizeof why));
		} else {
			for (size_t i = 0; i < row.nfields; i++) {
				buf_reset(&clean);
				size_t bad;
				if (utf8_validate(row.fields[i], row.lens[i], &bad) != 0)
					buf_adds(&clean, "\xEF\xBF\xBD");	/* shown, not imported */
				else
					vn_sanitize(&clean, row.fields[i], row.lens[i],
						    SAN_ONELINE | SAN_SQUEEZE);
				if (i)
					buf_addc(&p->text, '\t');
				vn_nfc(&p->text, buf_str(&clean), clean.len);
			}
			buf_addc(&p->text, '\n');
		}
		if (seen++)
			p->nrows++;
	}
	buf_free(&dec);
	buf_free(&clean);
	free(off);
	free(lens);
	free(fields);
	csv_close(&rd);
	vn_codec_free(&codec);
	fclose(f);
	return rc;
}

void import_preview_free(struct import_preview *p)
{
	buf_free(&p->text);
	memset(p, 0, sizeof *p);
}
