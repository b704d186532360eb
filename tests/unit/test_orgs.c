/* Unit tests for src/core/orgs.c: organizations by code, name and the short forms offices use. */
#include "tap.h"

#include "core/orgs.h"
#include "store/store.h"
#include "util/err.h"

#include <stdlib.h>
#include <unistd.h>

static struct org_list list;

static void is_org(const char *text, const char *code)
{
	const struct org_entry *o = org_list_match(&list, text, strlen(text));
	is_str(o ? o->code : NULL, code, "'%s'", text);
}

static int load(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	return org_list_load(s, t, &list, e);
}

int main(void)
{
	char dir[] = "/tmp/hv-orgs-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	struct store_opts o = { .dir = dir, .login = "t", .create = true, .cache_mb = 8 };
	struct store *s;
	struct err e;
	err_clear(&e);
	if (store_open(&s, &o, &e) != 0)
		return 1;
	is_int(store_read(s, load, NULL, &e), 0, "load the organizations");
	is_int(list.n, 6, "six of them");
	is_org("PN", "PN");
	is_org("pn", "PN");
	is_org("ĐTN", "DTN");
	is_org("CĐ", "CD");
	is_org("Hội Liên hiệp Phụ nữ Việt Nam", "PN");
	is_org("hoi lien hiep phu nu viet nam", "PN");
	is_org("Hội Phụ nữ", "PN");
	is_org("Hội LHPN", "PN");
	is_org("Đoàn Thanh niên", "DTN");
	is_org("Đoàn TNCS Hồ Chí Minh", "DTN");
	is_org("Hội Nông dân", "ND");
	is_org("Nông dân", "ND");
	is_org("Hội Cựu chiến binh", "CCB");
	is_org("Công đoàn", "CD");
	is_org("Liên đoàn Lao động", "CD");
	is_org("Mặt trận", "MT");
	is_org("MTTQ", "MT");
	is_org("Mặt trận Tổ quốc", "MT");
	is_org("Hội Nông dân Việt", "ND");
	is_org("Hội Người cao tuổi", NULL);
	is_org("", NULL);
	char codes[128];
	org_list_codes(&list, codes, sizeof codes);
	is_str(codes, "MT, CD, DTN, PN, ND, CCB", "the codes for messages");
	ok(org_list_by_id(&list, list.v[2].id) == &list.v[2], "by id");
	is_str(list.v[2].member_word, "đoàn viên", "the record's word for a member");
	is_str(org_member_word(&list.v[2]), "đoàn viên", "DTN: the record's word");
	is_str(org_member_word(&list.v[1]), "đoàn viên công đoàn", "CD: qualified");
	is_str(org_member_word(&list.v[5]), "hội viên cựu chiến binh", "CCB: qualified");
	struct org_entry other = { .code = "CTD", .member_word = "" };
	is_str(org_member_word(&other), "thành viên", "an organization without a word");
	org_list_free(&list);
	store_close(&s);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
