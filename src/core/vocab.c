/* The fixed vocabularies of member records and the lookup that maps what offices write to them.
 *
 * Each list is an X-macro of (spelling, key) pairs, aliases of (spelling, key, canonical item),
 * so that the arrays of struct vocab and the precomputed search keys come from one line each.
 * The key is what vocab_key makes of the spelling: vn_fold (no case, no marks, đ -> d), then
 * hyphens, dashes, dots, commas, brackets and white space become one space, apostrophes go,
 * and no space stays around '/'.  "Bru - Vân Kiều", "bru-van kieu" and "BRU VÂN KIỀU" share
 * the key "bru van kieu"; "H’Mông" and "HMông" share "hmong".  Keys are precomputed because
 * the importer looks up several fields of every row.  test_vocab looks up every spelling folded
 * and in capitals, which proves each stored key right and no key shared by two items, or by an
 * alias and another item. */
#include "core/vocab.h"

#include "text/fold.h"
#include "util/buf.h"

#include <stdbool.h>
#include <string.h>

#define ETHNICITY_ITEMS(X) \
	X("Kinh", "kinh") X("Tày", "tay") X("Thái", "thai") X("Mường", "muong") \
	X("Khmer", "khmer") X("Hoa", "hoa") X("Nùng", "nung") X("Mông", "mong") X("Dao", "dao") \
	X("Gia Rai", "gia rai") X("Ê Đê", "e de") X("Ba Na", "ba na") X("Sán Chay", "san chay") \
	X("Chăm", "cham") X("Cơ Ho", "co ho") X("Xơ Đăng", "xo dang") X("Sán Dìu", "san diu") \
	X("Hrê", "hre") X("Ra Glai", "ra glai") X("Mnông", "mnong") X("Thổ", "tho") \
	X("Xtiêng", "xtieng") X("Khơ Mú", "kho mu") X("Bru-Vân Kiều", "bru van kieu") \
	X("Cơ Tu", "co tu") X("Giáy", "giay") X("Tà Ôi", "ta oi") X("Mạ", "ma") \
	X("Giẻ Triêng", "gie trieng") X("Co", "co") X("Chơ Ro", "cho ro") \
	X("Xinh Mun", "xinh mun") X("Hà Nhì", "ha nhi") X("Chu Ru", "chu ru") X("Lào", "lao") \
	X("La Chí", "la chi") X("Kháng", "khang") X("Phù Lá", "phu la") X("La Hủ", "la hu") \
	X("La Ha", "la ha") X("Pà Thẻn", "pa then") X("Lự", "lu") X("Ngái", "ngai") \
	X("Chứt", "chut") X("Lô Lô", "lo lo") X("Mảng", "mang") X("Cờ Lao", "co lao") \
	X("Bố Y", "bo y") X("Cống", "cong") X("Si La", "si la") X("Pu Péo", "pu peo") \
	X("Rơ Măm", "ro mam") X("Brâu", "brau") X("Ơ Đu", "o du")

#define ETHNICITY_ALIASES(X) \
	X("Việt", "viet", "Kinh") X("Kinh (Việt)", "kinh viet", "Kinh") \
	X("Người Kinh", "nguoi kinh", "Kinh") X("Việt Nam", "viet nam", "Kinh") \
	X("Khơ Me", "kho me", "Khmer") X("Khơme", "khome", "Khmer") \
	X("Khmer Krôm", "khmer krom", "Khmer") X("H'Mông", "hmong", "Mông") \
	X("Mèo", "meo", "Mông") X("Mông (Mèo)", "mong meo", "Mông") X("Mán", "man", "Dao") \
	X("Jrai", "jrai", "Gia Rai") X("Giarai", "giarai", "Gia Rai") \
	X("Jarai", "jarai", "Gia Rai") X("Êđê", "ede", "Ê Đê") X("Rhadé", "rhade", "Ê Đê") \
	X("Bahnar", "bahnar", "Ba Na") X("Bana", "bana", "Ba Na") \
	X("Cao Lan", "cao lan", "Sán Chay") X("Sán Chí", "san chi", "Sán Chay") \
	X("Cao Lan - Sán Chí", "cao lan san chi", "Sán Chay") X("K'Ho", "kho", "Cơ Ho") \
	X("Koho", "koho", "Cơ Ho") X("Cơho", "coho", "Cơ Ho") \
	X("Xê Đăng", "xe dang", "Xơ Đăng") X("Sedang", "sedang", "Xơ Đăng") \
	X("Xơđăng", "xodang", "Xơ Đăng") X("Raglai", "raglai", "Ra Glai") \
	X("Rắc Lây", "rac lay", "Ra Glai") X("Mơ Nông", "mo nong", "Mnông") \
	X("Stiêng", "stieng", "Xtiêng") X("Xa Điêng", "xa dieng", "Xtiêng") \
	X("Khơmú", "khomu", "Khơ Mú") X("Kmhmu", "kmhmu", "Khơ Mú") X("Khmu", "khmu", "Khơ Mú") \
	X("Xá Cẩu", "xa cau", "Khơ Mú") X("Bru", "bru", "Bru-Vân Kiều") \
	X("Vân Kiều", "van kieu", "Bru-Vân Kiều") X("Ca Tu", "ca tu", "Cơ Tu") \
	X("Katu", "katu", "Cơ Tu") X("Nhắng", "nhang", "Giáy") X("Dẩng", "dang", "Giáy") \
	X("Pa Kô", "pa ko", "Tà Ôi") X("Pa Cô", "pa co", "Tà Ôi") X("Châu Mạ", "chau ma", "Mạ") \
	X("Cor", "cor", "Co") X("Cùa", "cua", "Co") X("Châu Ro", "chau ro", "Chơ Ro") \
	X("Đơ Ro", "do ro", "Chơ Ro") X("Chơro", "choro", "Chơ Ro") \
	X("Puộc", "puoc", "Xinh Mun") X("U Ni", "u ni", "Hà Nhì") \
	X("Chơ Ru", "cho ru", "Chu Ru") X("Khù Xung", "khu xung", "La Hủ") \
	X("Pà Hưng", "pa hung", "Pà Thẻn") X("Rục", "ruc", "Chứt") X("Sách", "sach", "Chứt") \
	X("Mun Di", "mun di", "Lô Lô") X("Mảng Ư", "mang u", "Mảng") \
	X("Chủng Chá", "chung cha", "Bố Y") X("Trọng Gia", "trong gia", "Bố Y") \
	X("Xắm Khống", "xam khong", "Cống") X("Ka Pèo", "ka peo", "Pu Péo") \
	X("Brao", "brao", "Brâu") X("Tày Hạt", "tay hat", "Ơ Đu") \
	X("Người Hoa", "nguoi hoa", "Hoa") X("Hán", "han", "Hoa") X("Trại", "trai", "Sán Dìu")

#define RELIGION_ITEMS(X) \
	X("Không", "khong") X("Phật giáo", "phat giao") X("Công giáo", "cong giao") \
	X("Tin lành", "tin lanh") X("Cao Đài", "cao dai") \
	X("Phật giáo Hòa Hảo", "phat giao hoa hao") X("Hồi giáo", "hoi giao") \
	X("Bà-la-môn", "ba la mon") X("Baha'i", "bahai") \
	X("Tịnh độ Cư sĩ Phật hội Việt Nam", "tinh do cu si phat hoi viet nam") \
	X("Tứ Ân Hiếu Nghĩa", "tu an hieu nghia") X("Bửu Sơn Kỳ Hương", "buu son ky huong") \
	X("Minh Sư đạo", "minh su dao") \
	X("Minh Lý đạo - Tam Tông Miếu", "minh ly dao tam tong mieu") \
	X("Các Thánh hữu Ngày sau", "cac thanh huu ngay sau") \
	X("Cơ đốc Phục lâm", "co doc phuc lam") \
	X("Phật giáo Hiếu Nghĩa Tà Lơn", "phat giao hieu nghia ta lon")

#define RELIGION_ALIASES(X) \
	X("Không tôn giáo", "khong ton giao", "Không") \
	X("Không theo tôn giáo", "khong theo ton giao", "Không") \
	X("Không theo đạo", "khong theo dao", "Không") X("Không có", "khong co", "Không") \
	X("Đạo Phật", "dao phat", "Phật giáo") X("Phật", "phat", "Phật giáo") \
	X("Thiên Chúa giáo", "thien chua giao", "Công giáo") \
	X("Thiên Chúa", "thien chua", "Công giáo") \
	X("Đạo Thiên Chúa", "dao thien chua", "Công giáo") \
	X("Đạo Công giáo", "dao cong giao", "Công giáo") \
	X("Công giáo La Mã", "cong giao la ma", "Công giáo") \
	X("Đạo Tin lành", "dao tin lanh", "Tin lành") \
	X("Hội thánh Tin lành", "hoi thanh tin lanh", "Tin lành") \
	X("Đạo Cao Đài", "dao cao dai", "Cao Đài") X("Hòa Hảo", "hoa hao", "Phật giáo Hòa Hảo") \
	X("Đạo Hòa Hảo", "dao hoa hao", "Phật giáo Hòa Hảo") \
	X("PGHH", "pghh", "Phật giáo Hòa Hảo") X("Đạo Hồi", "dao hoi", "Hồi giáo") \
	X("Islam", "islam", "Hồi giáo") X("Bà La Môn giáo", "ba la mon giao", "Bà-la-môn") \
	X("Ba Ha'i", "ba hai", "Baha'i") X("Đạo Baha'i", "dao bahai", "Baha'i") \
	X("Tôn giáo Baha'i", "ton giao bahai", "Baha'i") \
	X("Tịnh độ Cư sĩ", "tinh do cu si", "Tịnh độ Cư sĩ Phật hội Việt Nam") \
	X("Tịnh độ Cư sĩ Phật hội", "tinh do cu si phat hoi", "Tịnh độ Cư sĩ Phật hội Việt Nam") \
	X("Đạo Tứ Ân Hiếu Nghĩa", "dao tu an hieu nghia", "Tứ Ân Hiếu Nghĩa") \
	X("Đạo Bửu Sơn Kỳ Hương", "dao buu son ky huong", "Bửu Sơn Kỳ Hương") \
	X("Phật đường Nam tông Minh Sư đạo", "phat duong nam tong minh su dao", "Minh Sư đạo") \
	X("Giáo hội Phật đường Nam tông Minh Sư đạo", \
	  "giao hoi phat duong nam tong minh su dao", "Minh Sư đạo") \
	X("Minh Lý đạo", "minh ly dao", "Minh Lý đạo - Tam Tông Miếu") \
	X("Tam Tông Miếu", "tam tong mieu", "Minh Lý đạo - Tam Tông Miếu") \
	X("Mặc Môn", "mac mon", "Các Thánh hữu Ngày sau") \
	X("Mormon", "mormon", "Các Thánh hữu Ngày sau") \
	X("Phục lâm", "phuc lam", "Cơ đốc Phục lâm") \
	X("Cơ Đốc Phục Lâm An Thất Nhật", "co doc phuc lam an that nhat", "Cơ đốc Phục lâm") \
	X("Hiếu Nghĩa Tà Lơn", "hieu nghia ta lon", "Phật giáo Hiếu Nghĩa Tà Lơn")

#define EDUCATION_ITEMS(X) \
	X("12/12", "12/12") X("11/12", "11/12") X("10/12", "10/12") X("9/12", "9/12") \
	X("8/12", "8/12") X("7/12", "7/12") X("6/12", "6/12") X("5/12", "5/12") \
	X("4/12", "4/12") X("3/12", "3/12") X("2/12", "2/12") X("1/12", "1/12") \
	X("10/10", "10/10") X("9/10", "9/10") X("8/10", "8/10") X("7/10", "7/10") \
	X("6/10", "6/10") X("5/10", "5/10") X("4/10", "4/10") X("3/10", "3/10") \
	X("2/10", "2/10") X("1/10", "1/10") X("Chưa học", "chua hoc")

#define EDUCATION_ALIASES(X) \
	X("Lớp 12", "lop 12", "12/12") X("Lớp 11", "lop 11", "11/12") \
	X("Lớp 10", "lop 10", "10/12") X("Lớp 9", "lop 9", "9/12") X("Lớp 8", "lop 8", "8/12") \
	X("Lớp 7", "lop 7", "7/12") X("Lớp 6", "lop 6", "6/12") X("Lớp 5", "lop 5", "5/12") \
	X("Lớp 4", "lop 4", "4/12") X("Lớp 3", "lop 3", "3/12") X("Lớp 2", "lop 2", "2/12") \
	X("Lớp 1", "lop 1", "1/12") X("Tốt nghiệp THPT", "tot nghiep thpt", "12/12") \
	X("THPT", "thpt", "12/12") X("THCS", "thcs", "9/12") X("Tiểu học", "tieu hoc", "5/12") \
	X("Mù chữ", "mu chu", "Chưa học") X("Không biết chữ", "khong biet chu", "Chưa học") \
	X("Chưa đi học", "chua di hoc", "Chưa học") X("Không", "khong", "Chưa học")

#define QUALIFICATION_ITEMS(X) \
	X("Tiến sĩ", "tien si") X("Thạc sĩ", "thac si") X("Đại học", "dai hoc") \
	X("Cao đẳng", "cao dang") X("Trung cấp", "trung cap") X("Sơ cấp", "so cap") \
	X("Không", "khong")

#define QUALIFICATION_ALIASES(X) \
	X("TS", "ts", "Tiến sĩ") X("Tiến sỹ", "tien sy", "Tiến sĩ") \
	X("TSKH", "tskh", "Tiến sĩ") X("Tiến sĩ khoa học", "tien si khoa hoc", "Tiến sĩ") \
	X("PGS.TS", "pgs ts", "Tiến sĩ") X("GS.TS", "gs ts", "Tiến sĩ") \
	X("ThS", "ths", "Thạc sĩ") X("Thạc sỹ", "thac sy", "Thạc sĩ") \
	X("Cao học", "cao hoc", "Thạc sĩ") X("ĐH", "dh", "Đại học") \
	X("Cử nhân", "cu nhan", "Đại học") X("Kỹ sư", "ky su", "Đại học") \
	X("Kĩ sư", "ki su", "Đại học") X("Bác sĩ", "bac si", "Đại học") \
	X("Bác sỹ", "bac sy", "Đại học") X("Dược sĩ", "duoc si", "Đại học") \
	X("Kiến trúc sư", "kien truc su", "Đại học") X("CĐ", "cd", "Cao đẳng") \
	X("Cao đẳng nghề", "cao dang nghe", "Cao đẳng") X("TC", "tc", "Trung cấp") \
	X("THCN", "thcn", "Trung cấp") \
	X("Trung học chuyên nghiệp", "trung hoc chuyen nghiep", "Trung cấp") \
	X("Trung cấp nghề", "trung cap nghe", "Trung cấp") X("SC", "sc", "Sơ cấp") \
	X("Sơ cấp nghề", "so cap nghe", "Sơ cấp") \
	X("Chưa qua đào tạo", "chua qua dao tao", "Không") X("Không có", "khong co", "Không") \
	X("Lao động phổ thông", "lao dong pho thong", "Không")

#define THEORY_ITEMS(X) \
	X("Cử nhân", "cu nhan") X("Cao cấp", "cao cap") X("Trung cấp", "trung cap") \
	X("Sơ cấp", "so cap") X("Không", "khong")

#define THEORY_ALIASES(X) \
	X("CN", "cn", "Cử nhân") X("Cử nhân chính trị", "cu nhan chinh tri", "Cử nhân") \
	X("Cử nhân lý luận chính trị", "cu nhan ly luan chinh tri", "Cử nhân") \
	X("CC", "cc", "Cao cấp") X("Cao cấp chính trị", "cao cap chinh tri", "Cao cấp") \
	X("Cao cấp lý luận chính trị", "cao cap ly luan chinh tri", "Cao cấp") \
	X("Cao cấp LLCT", "cao cap llct", "Cao cấp") X("TC", "tc", "Trung cấp") \
	X("Trung cấp chính trị", "trung cap chinh tri", "Trung cấp") \
	X("Trung cấp lý luận chính trị", "trung cap ly luan chinh tri", "Trung cấp") \
	X("Trung cấp LLCT", "trung cap llct", "Trung cấp") X("SC", "sc", "Sơ cấp") \
	X("Sơ cấp chính trị", "so cap chinh tri", "Sơ cấp") \
	X("Sơ cấp lý luận chính trị", "so cap ly luan chinh tri", "Sơ cấp") \
	X("Sơ cấp LLCT", "so cap llct", "Sơ cấp") \
	X("Chưa qua đào tạo", "chua qua dao tao", "Không") X("Không có", "khong co", "Không")

#define ROLE_ITEMS(X) \
	X("Chủ tịch", "chu tich") X("Phó Chủ tịch", "pho chu tich") \
	X("Ủy viên Ban Thường vụ", "uy vien ban thuong vu") \
	X("Ủy viên Ban Chấp hành", "uy vien ban chap hanh") \
	X("Chủ nhiệm Ủy ban Kiểm tra", "chu nhiem uy ban kiem tra") \
	X("Ủy viên Ủy ban Kiểm tra", "uy vien uy ban kiem tra") X("Bí thư", "bi thu") \
	X("Phó Bí thư", "pho bi thu") X("Trưởng ban", "truong ban") \
	X("Phó Trưởng ban", "pho truong ban") X("Ủy viên", "uy vien") \
	X("Chi hội trưởng", "chi hoi truong") X("Chi hội phó", "chi hoi pho") \
	X("Tổ trưởng", "to truong") X("Tổ phó", "to pho") X("Hội viên", "hoi vien") \
	X("Đoàn viên", "doan vien") X("Công đoàn viên", "cong doan vien") \
	X("Thành viên", "thanh vien")

#define ROLE_ALIASES(X) \
	X("CT", "ct", "Chủ tịch") X("Chủ tịch Công đoàn", "chu tich cong doan", "Chủ tịch") \
	X("PCT", "pct", "Phó Chủ tịch") X("Phó CT", "pho ct", "Phó Chủ tịch") \
	X("UVBTV", "uvbtv", "Ủy viên Ban Thường vụ") \
	X("UV BTV", "uv btv", "Ủy viên Ban Thường vụ") \
	X("Ủy viên BTV", "uy vien btv", "Ủy viên Ban Thường vụ") \
	X("UVBCH", "uvbch", "Ủy viên Ban Chấp hành") \
	X("UV BCH", "uv bch", "Ủy viên Ban Chấp hành") \
	X("Ủy viên BCH", "uy vien bch", "Ủy viên Ban Chấp hành") \
	X("Chủ nhiệm UBKT", "chu nhiem ubkt", "Chủ nhiệm Ủy ban Kiểm tra") \
	X("UV UBKT", "uv ubkt", "Ủy viên Ủy ban Kiểm tra") \
	X("Ủy viên UBKT", "uy vien ubkt", "Ủy viên Ủy ban Kiểm tra") X("BT", "bt", "Bí thư") \
	X("Bí thư chi đoàn", "bi thu chi doan", "Bí thư") \
	X("Bí thư Đoàn", "bi thu doan", "Bí thư") X("PBT", "pbt", "Phó Bí thư") \
	X("Phó BT", "pho bt", "Phó Bí thư") \
	X("Phó Bí thư chi đoàn", "pho bi thu chi doan", "Phó Bí thư") \
	X("Trưởng ban Công tác Mặt trận", "truong ban cong tac mat tran", "Trưởng ban") \
	X("Phó Trưởng ban Công tác Mặt trận", "pho truong ban cong tac mat tran", \
	  "Phó Trưởng ban") \
	X("CHT", "cht", "Chi hội trưởng") \
	X("Trưởng chi hội", "truong chi hoi", "Chi hội trưởng") X("CHP", "chp", "Chi hội phó") \
	X("Phó chi hội trưởng", "pho chi hoi truong", "Chi hội phó") \
	X("Tổ trưởng công đoàn", "to truong cong doan", "Tổ trưởng") \
	X("Tổ trưởng tổ hội", "to truong to hoi", "Tổ trưởng") \
	X("Tổ phó công đoàn", "to pho cong doan", "Tổ phó") \
	X("Đoàn viên công đoàn", "doan vien cong doan", "Công đoàn viên") \
	X("Thành viên Ban Công tác Mặt trận", "thanh vien ban cong tac mat tran", "Thành viên")

#define SEX_ITEMS(X) \
	X("Nam", "nam") X("Nữ", "nu")

#define SEX_ALIASES(X) \
	X("Nam giới", "nam gioi", "Nam") X("Nữ giới", "nu gioi", "Nữ") X("Male", "male", "Nam") \
	X("Female", "female", "Nữ") X("M", "m", "Nam") X("F", "f", "Nữ")

#define ITEM(s, k) s,
#define KEY(s, k) k,
#define ALIAS(a, k, c) { a, c },
#define AKEY(a, k, c) k,
#define COUNT(a) (sizeof a / sizeof a[0])

#define VOCAB(var, lname, NAME) \
	static const char *const lname##_items[] = { NAME##_ITEMS(ITEM) }; \
	static const char *const lname##_keys[] = { NAME##_ITEMS(KEY) }; \
	static const struct vocab_alias lname##_aliases[] = { NAME##_ALIASES(ALIAS) }; \
	static const char *const lname##_alias_keys[] = { NAME##_ALIASES(AKEY) }; \
	const struct vocab var = { #lname, lname##_items, COUNT(lname##_items), \
				   lname##_aliases, COUNT(lname##_aliases) };

VOCAB(VOCAB_ETHNICITY, ethnicity, ETHNICITY)
VOCAB(VOCAB_RELIGION, religion, RELIGION)
VOCAB(VOCAB_EDUCATION, education, EDUCATION)
VOCAB(VOCAB_QUALIFICATION, qualification, QUALIFICATION)
VOCAB(VOCAB_THEORY, theory, THEORY)
VOCAB(VOCAB_ROLE, role, ROLE)
VOCAB(VOCAB_SEX, sex, SEX)

static const struct {
	const struct vocab *v;
	const char *const *items, *const *aliases;
} KEYS[] = {
	{ &VOCAB_ETHNICITY, ethnicity_keys, ethnicity_alias_keys },
	{ &VOCAB_RELIGION, religion_keys, religion_alias_keys },
	{ &VOCAB_EDUCATION, education_keys, education_alias_keys },
	{ &VOCAB_QUALIFICATION, qualification_keys, qualification_alias_keys },
	{ &VOCAB_THEORY, theory_keys, theory_alias_keys },
	{ &VOCAB_ROLE, role_keys, role_alias_keys },
	{ &VOCAB_SEX, sex_keys, sex_alias_keys },
};

/* Turn folded text into a key in place (a key is never longer) and return its length. */
static size_t squeeze(char *p, size_t n)
{
	size_t w = 0;
	bool sep = false;

	for (size_t r = 0; r < n; r++) {
		unsigned char c = (unsigned char)p[r];
		size_t more = 0;
		bool is_sep = false, drop = false;

		if (c == ' ' || (c >= '\t' && c <= '\r') || c == '-' || c == '.' || c == ',' ||
		    c == '(' || c == ')' || c == '_') {
			is_sep = true;
		} else if (c == '\'' || c == '`') {
			drop = true;
		} else if (c == 0xc2 && r + 1 < n && (unsigned char)p[r + 1] == 0xa0) {
			is_sep = true;		/* no-break space */
			more = 1;
		} else if (c == 0xca && r + 1 < n && (unsigned char)p[r + 1] == 0xbc) {
			drop = true;		/* ʼ modifier apostrophe */
			more = 1;
		} else if (c == 0xe2 && r + 2 < n && (unsigned char)p[r + 1] == 0x80) {
			unsigned char d = (unsigned char)p[r + 2];
			if (d == 0x93 || d == 0x94) {
				is_sep = true;	/* en and em dash */
				more = 2;
			} else if (d == 0x98 || d == 0x99) {
				drop = true;	/* curly apostrophes */
				more = 2;
			}
		}
		if (is_sep || drop) {
			sep |= is_sep;
			r += more;
			continue;
		}
		/* A pending separator becomes one space, except around '/'. */
		if (sep && c != '/' && w > 0 && p[w - 1] != '/')
			p[w++] = ' ';
		sep = false;
		p[w++] = (char)c;
	}
	return w;
}

/* Append the search key of s to out (see the top of this file). */
static void vocab_key(struct buf *out, const char *s, size_t n)
{
	size_t start = out->len;
	vn_fold(out, s, n);
	if (out->len == start)
		return;
	out->len = start + squeeze(out->p + start, out->len - start);
	out->p[out->len] = '\0';
}

static bool key_is(const char *stored, const char *item, const char *key, struct buf *tmp)
{
	if (stored)
		return strcmp(stored, key) == 0;
	buf_reset(tmp);
	vocab_key(tmp, item, strlen(item));
	return strcmp(buf_str(tmp), key) == 0;
}

static const char *canon_of(const struct vocab *v, const char *canon)
{
	int i = vocab_index(v, canon);
	return i >= 0 ? v->items[i] : canon;
}

const char *vocab_canon(const struct vocab *v, const char *s, size_t n)
{
	if (!v || !s || n == 0)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (strlen(v->items[i]) == n && memcmp(v->items[i], s, n) == 0)
			return v->items[i];

	/* The built-in lists carry their keys; a list made elsewhere has them computed here. */
	const char *const *ik = NULL, *const *ak = NULL;
	for (size_t k = 0; k < COUNT(KEYS); k++)
		if (KEYS[k].v == v) {
			ik = KEYS[k].items;
			ak = KEYS[k].aliases;
		}

	struct buf key = BUF_INIT, tmp = BUF_INIT;
	const char *found = NULL;
	vocab_key(&key, s, n);
	if (key.len == 0)
		goto out;
	for (size_t i = 0; i < v->n && !found; i++)
		if (key_is(ik ? ik[i] : NULL, v->items[i], key.p, &tmp))
			found = v->items[i];
	for (size_t i = 0; i < v->naliases && !found; i++)
		if (key_is(ak ? ak[i] : NULL, v->aliases[i].alias, key.p, &tmp))
			found = canon_of(v, v->aliases[i].canon);
out:
	buf_free(&key);
	buf_free(&tmp);
	return found;
}

int vocab_index(const struct vocab *v, const char *canon)
{
	if (!v || !canon)
		return -1;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->items[i], canon) == 0)
			return (int)i;
	return -1;
}

enum role_rank vocab_role_rank(const char *s, size_t n)
{
	static const struct {
		const char *role;
		enum role_rank rank;
	} ranks[] = {
		{ "Chủ tịch", ROLE_HEAD }, { "Bí thư", ROLE_HEAD }, { "Trưởng ban", ROLE_HEAD },
		{ "Chi hội trưởng", ROLE_HEAD }, { "Tổ trưởng", ROLE_HEAD },
		{ "Phó Chủ tịch", ROLE_DEPUTY }, { "Phó Bí thư", ROLE_DEPUTY },
		{ "Phó Trưởng ban", ROLE_DEPUTY }, { "Chi hội phó", ROLE_DEPUTY },
		{ "Tổ phó", ROLE_DEPUTY },
		{ "Ủy viên Ban Thường vụ", ROLE_COMMITTEE }, { "Ủy viên Ban Chấp hành", ROLE_COMMITTEE },
		{ "Chủ nhiệm Ủy ban Kiểm tra", ROLE_COMMITTEE },
		{ "Ủy viên Ủy ban Kiểm tra", ROLE_COMMITTEE }, { "Ủy viên", ROLE_COMMITTEE },
		{ "Hội viên", ROLE_NONE }, { "Đoàn viên", ROLE_NONE }, { "Công đoàn viên", ROLE_NONE },
		{ "Thành viên", ROLE_NONE },
	};
	if (n == 0)
		return ROLE_NONE;
	const char *c = vocab_canon(&VOCAB_ROLE, s, n);
	for (size_t i = 0; c && i < COUNT(ranks); i++)
		if (strcmp(ranks[i].role, c) == 0)
			return ranks[i].rank;
	return ROLE_OTHER;
}

int vocab_grade12(const char *s, size_t n)
{
	const char *c = vocab_canon(&VOCAB_EDUCATION, s, n);
	if (!c)
		return -1;
	if (strcmp(c, "Chưa học") == 0)
		return 0;
	int grade = 0;
	const char *p = c;
	while (*p >= '0' && *p <= '9')
		grade = grade * 10 + (*p++ - '0');
	if (strcmp(p, "/10") == 0 && grade >= 7)
		grade += 2;	/* 7/10 finished lower secondary like 9/12, 10/10 like 12/12 */
	return grade;
}
