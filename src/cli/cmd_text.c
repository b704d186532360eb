/* Commands on text files alone, no store: convert between Vietnamese encodings, detect one. */
#include "cli/cli.h"

#include "text/detect.h"
#include "text/utf8.h"
#include "text/vnenc.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Reading: blocks this big, converted up to their last line break. */
enum { BLOCK = 1 << 20 };
/* detect reads this much of each file: any real list shows its encoding long before. */
enum { DETECT_SAMPLE = 4 << 20 };

struct conv {
	struct vn_codec *from, *to;
	unsigned flags;
	bool fix_caps;
	const char *name;	/* the input, for messages */
	size_t line;		/* lines converted so far */
	bool at_start;		/* nothing of this input converted yet */
	uint64_t replaced;
	struct buf utf8, fixed, out;
};

/* The line and column (1-based, in characters of the text as far as it was read) of byte off
 * of s. */
static void locate(const char *s, size_t off, size_t first_line, size_t *line, size_t *col)
{
	*line = first_line;
	size_t start = 0;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n') {
			++*line;
			start = i + 1;
		}
	*col = 1;
	for (size_t i = start; i < off; i++)
		*col += ((unsigned char)s[i] & 0xc0) != 0x80;
}

static size_t count_lines(const char *s, size_t n)
{
	size_t k = 0;
	for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + n - p))); p++)
		k++;
	return k;
}

/* Convert s[0..n) (whole lines, or the end of the input) and write it to out. */
static int convert_chunk(struct conv *cv, const char *s, size_t n, FILE *out, struct err *e)
{
	struct vn_enc_problem p = { 0 };
	buf_reset(&cv->utf8);
	if (vn_decode(cv->from, s, n, &cv->utf8, 0, &p) != 0) {
		size_t line, col;
		locate(s, p.offset, cv->line + 1, &line, &col);
		int rc = err_set(e, ERR_INVAL, _("byte 0x%02X is not a character of %s (give the "
						 "right --from)"), p.byte,
				 vn_enc_label(vn_codec_enc(cv->from)));
		err_where(e, "%s:%zu", cv->name, line);
		return rc;
	}
	if (cv->at_start && cv->utf8.len >= 3 && !memcmp(cv->utf8.p, "\xEF\xBB\xBF", 3)) {
		/* A byte order mark says "this is Unicode"; it is not text to convert. */
		memmove(cv->utf8.p, cv->utf8.p + 3, cv->utf8.len - 2);
		cv->utf8.len -= 3;
	}
	cv->at_start = false;
	const struct buf *text = &cv->utf8;
	if (cv->fix_caps) {
		buf_reset(&cv->fixed);
		vn_fix_caps(&cv->fixed, buf_str(&cv->utf8), cv->utf8.len);
		text = &cv->fixed;
	}
	buf_reset(&cv->out);
	memset(&p, 0, sizeof p);
	if (vn_encode(cv->to, buf_str(text), text->len, &cv->out, cv->flags, &p) != 0) {
		size_t line, col;
		locate(buf_str(text), p.offset, cv->line + 1, &line, &col);
		char ch[5] = { 0 };
		utf8_encode(p.cp, ch);
		int rc = err_set(e, ERR_INVAL, _("column %zu: %s has no '%s' (U+%04X) (--replace "
						 "writes it without marks, or '?')"),
				 col, vn_enc_label(vn_codec_enc(cv->to)), ch, (unsigned)p.cp);
		err_where(e, "%s:%zu", cv->name, line);
		return rc;
	}
	cv->replaced += p.count;
	cv->line += count_lines(s, n);
	if (cv->out.len && fwrite(cv->out.p, 1, cv->out.len, out) != cv->out.len)
		return err_set(e, ERR_IO, _("cannot write: %s"), strerror(errno));
	return 0;
}

/* Convert the stream in to out; the encoding of in is guessed from its first block when
 * cv->from is NULL (from_name then says what was found). */
static int convert_stream(struct conv *cv, FILE *in, FILE *out, struct err *e)
{
	char *block = xmalloc(BLOCK);
	struct buf carry = BUF_INIT;
	int rc = 0;
	for (;;) {
		size_t got = fread(block, 1, BLOCK, in);
		if (ferror(in)) {
			rc = err_set(e, ERR_IO, _("cannot read: %s"), strerror(errno ? errno : EIO));
			err_where(e, "%s", cv->name);
			break;
		}
		buf_add(&carry, block, got);
		bool end = got < BLOCK;
		if (!cv->from) {
			struct vn_guess g;
			enum vn_enc enc = vn_detect(carry.p ? carry.p : "", carry.len, &g, 1) ? g.enc
											      : VN_ENC_UTF8;
			if (!(cv->from = vn_codec_new(enc, e))) {
				rc = -ERR_USAGE;
				break;
			}
			fprintf(stderr, _("%s: read as %s (guessed, confidence %.2f)\n"), cv->name,
				vn_enc_name(enc), g.confidence);
		}
		size_t upto = carry.len;
		if (!end) {
			while (upto > 0 && carry.p[upto - 1] != '\n')
				upto--;
			if (upto == 0 && carry.len < 64u * BLOCK)
				continue;	/* a line longer than a block: read on */
			if (upto == 0)
				upto = carry.len;
		}
		if ((rc = convert_chunk(cv, carry.p ? carry.p : "", upto, out, e)) != 0)
			break;
		memmove(carry.p, carry.p + upto, carry.len - upto);
		carry.len -= upto;
		if (end)
			break;
	}
	buf_free(&carry);
	free(block);
	return rc;
}

static int parse_enc(const struct cli_cmd *cmd, const char *opt, const char *name, enum vn_enc *enc)
{
	if (vn_enc_parse(name, enc) != 0)
		return cli_usage_error(cmd, _("%s %s: not an encoding hoivien knows (utf-8, nfd, tcvn3, "
					      "vn1, vni, vps, viscii, cp1258, viqr, ascii)"), opt, name);
	return 0;
}

int cmd_convert(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("convert");
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "replace", no_argument, NULL, 'r' },
		{ "fix-caps", no_argument, NULL, 'c' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	const char *from = NULL, *to = NULL, *output = NULL;
	bool replace = false, fix_caps = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "f:t:o:d:h", opts, cmd)) != -1) {
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'o': output = optarg; break;
		case 'r': replace = true; break;
		case 'c': fix_caps = true; break;
		default: return EXIT_USAGE;
		}
	}
	if (!to)
		return cli_usage_error(cmd, _("say which encoding to write with --to E"));
	enum vn_enc efrom = VN_ENC_UTF8, eto;
	if (parse_enc(cmd, "--to", to, &eto))
		return EXIT_USAGE;
	bool guess = !from || !strcmp(from, "auto");
	if (!guess && parse_enc(cmd, "--from", from, &efrom))
		return EXIT_USAGE;
	if (!guess && efrom == VN_ENC_ASCII)
		return cli_usage_error(cmd, _("--from ascii: text without marks cannot be given them back"));
	struct err e;
	err_clear(&e);
	struct conv cv = { .fix_caps = fix_caps, .utf8 = BUF_INIT, .fixed = BUF_INIT, .out = BUF_INIT };
	cv.flags = replace ? VN_ENC_SUBST | VN_ENC_NOMARKS | VN_ENC_LOWER : 0;
	int rc = 0;
	if (!(cv.to = vn_codec_new(eto, &e)) || (!guess && !(cv.from = vn_codec_new(efrom, &e)))) {
		vn_codec_free(&cv.to);
		return cli_fail(&e);
	}
	/* The output appears whole or not at all: a conversion that stops half-way leaves no
	 * half-converted file behind. */
	struct atomic_file af = { 0 };
	FILE *out = stdout;
	if (output && strcmp(output, "-") != 0) {
		if ((rc = atomic_open(&af, output, &e)) != 0) {
			err_where(&e, "%s", output);
			goto done;
		}
		out = af.f;
	}
	int nfiles = argc - optind;
	for (int i = 0; i < (nfiles ? nfiles : 1) && rc == 0; i++) {
		const char *path = nfiles ? argv[optind + i] : "-";
		FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
		if (!in) {
			rc = err_set(&e, ERR_IO, _("cannot open: %s"), strerror(errno));
			err_where(&e, "%s", path);
			break;
		}
		cv.name = strcmp(path, "-") ? path : _("(standard input)");
		cv.line = 0;
		cv.at_start = true;
		if (guess)
			vn_codec_free(&cv.from);
		rc = convert_stream(&cv, in, out, &e);
		if (in != stdin)
			fclose(in);
	}
	if (rc == 0 && fflush(out) != 0)
		rc = err_set(&e, ERR_IO, _("cannot write: %s"), strerror(errno));
	if (af.f) {
		if (rc)
			atomic_abort(&af);
		else if ((rc = atomic_commit(&af, &e)) != 0)
			err_where(&e, "%s", output);
	}
	if (rc == 0 && cv.replaced)
		fprintf(stderr, ngettext("%llu character could not be written in %s and was replaced.\n",
					 "%llu characters could not be written in %s and were replaced.\n",
					 (unsigned long)cv.replaced),
			(unsigned long long)cv.replaced, vn_enc_name(eto));
done:
	vn_codec_free(&cv.from);
	vn_codec_free(&cv.to);
	buf_free(&cv.utf8);
	buf_free(&cv.fixed);
	buf_free(&cv.out);
	if (rc)
		return cli_fail(&e);
	return cv.replaced ? EXIT_PROBLEMS : EXIT_OK;
}

int cmd_detect(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command("detect");
	static const struct option opts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		CLI_COMMON_OPTS,
		{ 0, 0, 0, 0 },
	};
	bool verbose = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, "vd:h", opts, cmd)) != -1) {
		switch (ch) {
		case 0: break;
		case 'h': return EXIT_OK;
		case 'v': verbose = true; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage_error(cmd, _("give the files to look at"));
	int status = EXIT_OK;
	char *sample = xmalloc(DETECT_SAMPLE);
	for (int i = optind; i < argc; i++) {
		FILE *f = strcmp(argv[i], "-") ? fopen(argv[i], "rb") : stdin;
		struct err e;
		err_clear(&e);
		if (!f) {
			err_set(&e, ERR_IO, _("cannot open: %s"), strerror(errno));
			err_where(&e, "%s", argv[i]);
			status = cli_fail(&e);
			continue;
		}
		size_t n = fread(sample, 1, DETECT_SAMPLE, f);
		bool bad = ferror(f);
		if (f != stdin)
			fclose(f);
		if (bad) {
			err_set(&e, ERR_IO, _("cannot read: %s"), strerror(EIO));
			err_where(&e, "%s", argv[i]);
			status = cli_fail(&e);
			continue;
		}
		struct vn_guess g[VN_ENC_COUNT];
		size_t ng = vn_detect(sample, n, g, verbose ? VN_ENC_COUNT : 1);
		cli_put_safe(stdout, argv[i]);
		if (!ng) {
			printf(": %s\n", _("no text"));
			continue;
		}
		printf(": %s confidence=%.2f words=%zu\n", vn_enc_name(g[0].enc), g[0].confidence,
		       g[0].words);
		for (size_t k = 1; k < ng; k++)
			printf("  %s score=%.2f\n", vn_enc_name(g[k].enc), g[k].score);
	}
	free(sample);
	return status;
}
