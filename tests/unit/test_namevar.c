/* Unit tests for src/text/namevar.c: the variant keys of Vietnamese names. */
#include "tap.h"

#include "text/namevar.h"
#include "util/buf.h"

#include <stdlib.h>

struct keys {
	char *letters, *toned;
	size_t toned_len;
	struct vn_namevar v;
};

static void key(const char *s, struct keys *k)
{
	struct buf l = BUF_INIT, t = BUF_INIT;
	vn_name_varkey(s, strlen(s), &l, &t, &k->v);
	k->toned_len = t.len;
	k->letters = buf_steal(&l);
	k->toned = buf_steal(&t);
	if (!k->letters)
		k->letters = calloc(1, 1);
}

static void drop(struct keys *k)
{
	free(k->letters);
	free(k->toned);
}

static bool same_toned(const struct keys *a, const struct keys *b)
{
	return a->toned_len == b->toned_len && memcmp(a->toned, b->toned, a->toned_len) == 0;
}

/* a and b: one key without marks; same_tones: one toned key too. */
static void check(const char *a, const char *b, bool same_tones, const char *what)
{
	struct keys x, y;
	key(a, &x);
	key(b, &y);
	ok(strcmp(x.letters, y.letters) == 0 && same_toned(&x, &y) == same_tones,
	   "%s: %s / %s (%s / %s)", what, a, b, x.letters, y.letters);
	drop(&x);
	drop(&y);
}

static void letters_are(const char *s, const char *want, const char *what)
{
	struct keys k;
	key(s, &k);
	is_str(k.letters, want, "%s: %s", what, s);
	drop(&k);
}

int main(void)
{
	check("Nguyễn Thị Hòa", "Nguyễn Thị Hoà", true, "tone position");
	check("Nguyễn Thị Thúy", "nguyễn thị thuý", true, "tone position and case");
	check("Nguyễn Văn Bình", "NGUYE\xcc\x82\xcc\x83N  VA\xcc\x86N\tBI\xcc\x80NH ", true,
	      "NFD, capitals, spacing");
	check("Lý Thị Mỹ", "Lí Thị Mĩ", true, "i/y");
	check("Trần Quý", "Trần Quí", true, "i/y after qu");
	check("Hoàng Văn Tâm", "Huỳnh Văn Tâm", true, "Hoàng/Huỳnh");
	check("Vũ Đức Thắng", "Võ Đức Thắng", true, "Vũ/Võ");
	check("Vũ Đức", "Võ Đức", true, "a surname with only a given name after it");
	check("Nguyễn Văn Hùng", "Nguyễn Văn Hưng", false, "different marks: one letter key");
	check("Đoàn Văn Nam", "Doãn Văn Nam", false, "Đoàn/Doãn");
	check("Phạm Văn Đức", "Pham Van Duc", false, "no marks at all");
	check("Nguyễn Văn Hùng", "Nguyễn Văn Hừng", false, "a different tone");

	letters_are("Nguyễn Văn Huy", "nguyen van huy", "uy keeps its y");
	letters_are("Lê Văn Bảy", "le van bay", "ay keeps its y");
	letters_are("Y Bhim Niê", "y bhim nie", "a lone Y stays");
	letters_are("Vũ", "vu", "a one-word name has no surname");
	letters_are("Võ", "vo", "so Võ stays");
	letters_are("Huỳnh Văn Quỳnh", "hoang van quynh", "y inside a syllable stays");
	letters_are("Vô Văn Kỳ", "vo van ki", "Vô is not Võ");
	letters_are("", "", "an empty name");
	letters_are("   ", "", "only spaces");

	struct keys k;
	key("Huỳnh Thị Mỹ Lý", &k);
	is_int(k.v.surname, VN_SUR_HUYNH, "the surname spelling is told");
	is_int(k.v.iy, (1 << 2) | (1 << 3), "and which words had a final y");
	ok(k.v.marks, "and that the name has marks");
	is_int(k.v.words, 4, "four words");
	drop(&k);
	key("Hoang Van Tam", &k);
	ok(!k.v.marks && k.v.surname == VN_SUR_HOANG, "Hoang without marks is still Hoàng's spelling");
	drop(&k);
	key("Vũ Văn Tý", &k);
	is_int(k.v.surname, VN_SUR_VU, "Vũ");
	is_int(k.v.iy, 1 << 2, "Tý");
	drop(&k);

	/* Either key may be left out. */
	struct vn_namevar v;
	struct buf l = BUF_INIT;
	vn_name_varkey("Lý Văn A", strlen("Lý Văn A"), &l, NULL, &v);
	is_str(buf_str(&l), "li van a", "letters only");
	buf_free(&l);
	return done_testing();
}
