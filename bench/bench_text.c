/* make bench: how fast encodings are detected and converted, in MB/s of input.
 * Usage: bench_text FILE MB RUNS
 * FILE is UTF-8 text (the bench's generated member list); its first MB megabytes, cut at a line
 * break, are encoded in each legacy encoding, then each is detected and decoded back; one line
 * "name=value ..." with the median MB/s of each. */
#include "text/detect.h"
#include "text/vnenc.h"
#include "util/buf.h"
#include "util/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	return v[n / 2];
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bench_text FILE MB RUNS\n");
		return 2;
	}
	size_t want = (size_t)atol(argv[2]) << 20;
	int runs = atoi(argv[3]);
	if (runs < 1 || runs > 50)
		runs = 3;
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	char *text = malloc(want);
	size_t n = fread(text, 1, want, f);
	fclose(f);
	while (n > 0 && text[n - 1] != '\n')
		n--;
	double mb = (double)n / (1 << 20);
	printf("input_mb=%.1f", mb);

	static const enum vn_enc encs[] = { VN_ENC_UTF8, VN_ENC_TCVN3, VN_ENC_VNI, VN_ENC_VISCII,
					    VN_ENC_CP1258 };
	double *t = calloc((size_t)runs, sizeof *t);
	for (size_t k = 0; k < sizeof encs / sizeof *encs; k++) {
		struct err e = { 0 };
		struct vn_codec *c = vn_codec_new(encs[k], &e);
		if (!c) {
			fprintf(stderr, "bench_text: %s\n", e.msg);
			return 1;
		}
		/* Encode (what cannot be held becomes its lowercase or '?': the member list has a
		 * few toned capitals TCVN3 lacks). */
		struct buf enc = BUF_INIT;
		for (int r = 0; r < runs; r++) {
			buf_reset(&enc);
			struct vn_enc_problem p = { 0 };
			double t0 = now();
			vn_encode(c, text, n, &enc, VN_ENC_SUBST | VN_ENC_NOMARKS | VN_ENC_LOWER, &p);
			t[r] = now() - t0;
		}
		const char *name = vn_enc_name(encs[k]);
		printf(" encode_%s=%.0f", name, mb / median(t, runs));
		/* Detect the whole of it. */
		struct vn_guess g;
		for (int r = 0; r < runs; r++) {
			double t0 = now();
			vn_detect(enc.p, enc.len, &g, 1);
			t[r] = now() - t0;
		}
		printf(" detect_%s=%.0f", name, (double)enc.len / (1 << 20) / median(t, runs));
		if (g.enc != encs[k])
			printf(" detect_%s_WRONG=%s", name, vn_enc_name(g.enc));
		struct buf dec = BUF_INIT;
		buf_reserve(&dec, n + n / 4);
		for (int r = 0; r < runs; r++) {
			buf_reset(&dec);
			struct vn_enc_problem p = { 0 };
			double t0 = now();
			vn_decode(c, enc.p, enc.len, &dec, VN_DEC_LENIENT, &p);
			t[r] = now() - t0;
		}
		printf(" decode_%s=%.0f", name, (double)enc.len / (1 << 20) / median(t, runs));
		buf_free(&dec);
		buf_free(&enc);
		vn_codec_free(&c);
	}
	printf("\n");
	free(t);
	free(text);
	return 0;
}
