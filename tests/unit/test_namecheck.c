/* Unit tests for src/text/namecheck.c: complete names pass (Kinh and minority names, as the demo
 * generator writes them for every ethnic group), incomplete ones fail with the right problem,
 * and the word cache never changes a verdict. */
#include "tap.h"

#include "core/demo_data.h"
#include "core/record.h"
#include "core/vocab.h"
#include "text/name.h"
#include "text/norm.h"
#include "util/buf.h"
#include "util/rng.h"

#include <stdlib.h>

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static const struct {
	const char *name;
	enum vn_name_problem want;
} cases[] = {
	{ "Nguyễn Văn An", VN_NAME_OK },
	{ "Lê An", VN_NAME_OK },
	{ "Nguyen Van An", VN_NAME_OK },		/* typed without marks */
	{ "Tôn Nữ Thị Ninh", VN_NAME_OK },
	{ "Nguyễn Thị Thúy", VN_NAME_OK },
	{ "Nguyễn Thị Thuý", VN_NAME_OK },		/* new-style tone */
	{ "Ksor H'Nhi", VN_NAME_OK },
	{ "Y Bhim Niê", VN_NAME_OK },
	{ "H'Hen Niê", VN_NAME_OK },
	{ "H'hen Niê", VN_NAME_OK },			/* after an apostrophe either case */
	{ "H\xE2\x80\x99Hen Niê", VN_NAME_OK },	/* a typographic apostrophe */
	{ "Liêng Hót K'Brơi", VN_NAME_OK },
	{ "Y Moan Ênuôl", VN_NAME_OK },
	{ "Rơ Mah Bkrông", VN_NAME_OK },
	{ "Ama Êban", VN_NAME_OK },
	{ "Nay Rahlan", VN_NAME_OK },
	{ "Hờ A Páo", VN_NAME_OK },
	{ "Thạch Thị Sa Rết", VN_NAME_OK },
	{ "  Trần   Thị \t Thúy  ", VN_NAME_OK },	/* spacing is the cleaner's business */
	{ "", VN_NAME_EMPTY },
	{ "   ", VN_NAME_EMPTY },
	{ "An", VN_NAME_ONE_WORD },
	{ "Nguyễn", VN_NAME_ONE_WORD },
	{ "Lê Thị", VN_NAME_NO_GIVEN },
	{ "Nguyễn Văn", VN_NAME_NO_GIVEN },
	{ "Nguyễn Văn Thị", VN_NAME_OK },		/* three words: Thị is a given name here */
	{ "Chưa rõ", VN_NAME_PLACEHOLDER },
	{ "Chưa Rõ", VN_NAME_PLACEHOLDER },
	{ "Không tên", VN_NAME_PLACEHOLDER },
	{ "Khong Ten", VN_NAME_PLACEHOLDER },
	{ "Nguyễn Văn Chưa Rõ", VN_NAME_PLACEHOLDER },
	{ "Vô Danh", VN_NAME_PLACEHOLDER },
	{ "Họ và tên", VN_NAME_PLACEHOLDER },
	{ "N/A", VN_NAME_PLACEHOLDER },
	{ "n/a", VN_NAME_PLACEHOLDER },
	{ "?", VN_NAME_PLACEHOLDER },
	{ "Nguyễn ?", VN_NAME_PLACEHOLDER },
	{ "Nguyễn Văn ...", VN_NAME_PLACEHOLDER },
	{ "Unknown", VN_NAME_PLACEHOLDER },
	{ "Test Test", VN_NAME_PLACEHOLDER },
	{ "Khổng Minh", VN_NAME_OK },			/* Khổng is not không */
	{ "Danh Văn Sang", VN_NAME_OK },		/* nor is the Khmer surname Danh a phrase */
	{ "Nguyen Van 123", VN_NAME_DIGIT },
	{ "Nguyễn Văn An2", VN_NAME_DIGIT },
	{ "Nguyễn (Văn) An", VN_NAME_SYMBOL },
	{ "Nguyễn Văn An,", VN_NAME_SYMBOL },
	{ "Nguyễn Văn H'", VN_NAME_SYMBOL },
	{ "Nguyeen Van An", VN_NAME_WORD },
	{ "Xyz Abcd", VN_NAME_WORD },
	{ "Nguyễn Hmm", VN_NAME_WORD },
	{ "Nguyễn Văn Xxxx", VN_NAME_WORD },
	{ "Nguyễn Văn Smith", VN_NAME_WORD },
	{ "nguyễn văn an", VN_NAME_CASE },
	{ "NGUYỄN VĂN AN", VN_NAME_CASE },
	{ "Nguyễn VĂn An", VN_NAME_CASE },
	{ "Nguyễn văn An", VN_NAME_CASE },
};

static void test_cases(void)
{
	struct vn_name_checker *c = vn_name_checker_new();
	/* Twice through with the cache (the second time every word is known), once without. */
	for (int round = 0; round < 3; round++) {
		int bad = 0;
		for (size_t i = 0; i < COUNT(cases); i++) {
			const char *s = cases[i].name;
			enum vn_name_problem got = vn_name_check(round < 2 ? c : NULL, s, strlen(s));
			if (round == 0)
				is_int(got, cases[i].want, "\"%s\" -> %d", s, cases[i].want);
			else
				bad += got != cases[i].want;
		}
		if (round)
			is_int(bad, 0, "the same verdicts %s", round == 1 ? "from the cache" : "without one");
	}
	vn_name_checker_free(&c);
	ok(c == NULL, "free sets NULL");
	vn_name_checker_free(&c);

	/* Any Unicode form: NFD reads the same. */
	struct buf d = BUF_INIT;
	vn_nfd(&d, "Nguyễn Thị Thúy", strlen("Nguyễn Thị Thúy"));
	is_int(vn_name_check(NULL, d.p, d.len), VN_NAME_OK, "an NFD name is complete");
	buf_free(&d);
}

/* No false alarms: the demo generator writes names as each of the 54 groups writes them. */
static void test_demo_names(void)
{
	struct demo_gen *g = demo_gen_new();
	struct vn_name_checker *c = vn_name_checker_new();
	struct rng r;
	rng_seed(&r, 2026);
	char name[DEMO_NAME_MAX];
	int bad = 0, n = 0;
	for (size_t e = 0; e < VOCAB_ETHNICITY.n; e++) {
		for (int i = 0; i < 400; i++) {
			int sex = i % 2 ? SEX_MALE : SEX_FEMALE;
			size_t len = demo_full_name(g, &r, VOCAB_ETHNICITY.items[e], sex,
						    1930 + i % 80, (enum demo_region)(i % 3), name,
						    sizeof name);
			enum vn_name_problem p = vn_name_check(c, name, len);
			n++;
			if (p != VN_NAME_OK && bad++ < 10)
				diag("%s: \"%s\" -> %d", VOCAB_ETHNICITY.items[e], name, p);
		}
	}
	is_int(bad, 0, "all %d generated names of the 54 groups are complete", n);
	vn_name_checker_free(&c);
	demo_gen_free(&g);
}

int main(void)
{
	test_cases();
	test_demo_names();
	return done_testing();
}
