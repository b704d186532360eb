/* The fixed vocabularies of member records: ethnic groups, religions, education, qualification,
 * political theory, roles, membership statuses, with the spellings offices use for them. */
#ifndef HOIVIEN_VOCAB_H
#define HOIVIEN_VOCAB_H

#include <stddef.h>

struct vocab_alias {
	const char *alias;	/* another way offices write it */
	const char *canon;	/* the canonical item */
};

struct vocab {
	const char *name;			/* "ethnicity", "religion", … */
	const char *const *items;		/* canonical NFC spellings, in display order */
	size_t n;
	const struct vocab_alias *aliases;	/* may be NULL */
	size_t naliases;
};

extern const struct vocab VOCAB_ETHNICITY;	/* the 54 ethnic groups, Kinh first, official names */
extern const struct vocab VOCAB_RELIGION;	/* "Không" first, then the recognised religions */
extern const struct vocab VOCAB_EDUCATION;	/* general education: "12/12" … "1/12", "10/10" … "Chưa học" */
extern const struct vocab VOCAB_QUALIFICATION;	/* "Tiến sĩ", "Thạc sĩ", "Đại học", "Cao đẳng", "Trung cấp", "Sơ cấp", "Không" */
extern const struct vocab VOCAB_THEORY;		/* "Cử nhân", "Cao cấp", "Trung cấp", "Sơ cấp", "Không" */
extern const struct vocab VOCAB_ROLE;		/* roles across the organizations (Chủ tịch, Bí thư, Chi hội trưởng, Hội viên …) */
extern const struct vocab VOCAB_SEX;		/* "Nam", "Nữ" (aliases: nam giới, nữ giới, male, female, M, F …) */

/* The canonical item that s (valid UTF-8) stands for: exact, or equal after folding (case and
 * accents ignored, spaces squeezed), or an alias ("Thiên Chúa giáo" -> "Công giáo", "Kinh (Việt)"
 * -> "Kinh", "ĐH" -> "Đại học").  NULL if none. */
const char *vocab_canon(const struct vocab *v, const char *s, size_t n);
/* Index of a canonical item, or -1. */
int vocab_index(const struct vocab *v, const char *canon);

/* The standard reports group roles by rank, whatever each organization calls them. */
enum role_rank {
	ROLE_NONE,		/* a plain member (Hội viên, Đoàn viên, …) or no role written */
	ROLE_HEAD,		/* cấp trưởng: Chủ tịch, Bí thư, Trưởng ban, Chi hội trưởng, Tổ trưởng */
	ROLE_DEPUTY,		/* cấp phó: Phó Chủ tịch, Phó Bí thư, Chi hội phó, Tổ phó, … */
	ROLE_COMMITTEE,		/* ủy viên: of the standing or executive committee, of the inspection
				   committee (and its head) */
	ROLE_OTHER,		/* a role not in VOCAB_ROLE (Thủ quỹ, …) */
	ROLE__COUNT
};
/* The rank of a role as written (any spelling vocab_canon knows). */
enum role_rank vocab_role_rank(const char *s, size_t n);

/* General education on the 12-year scale: "9/12" is 9, "7/10" (the northern 10-year school,
 * whose grade 7 ended lower secondary) 9, "10/10" 12, "Chưa học" 0; -1 when empty or not a
 * grade ("Lớp 9", "THCS" and the other VOCAB_EDUCATION aliases are understood). */
int vocab_grade12(const char *s, size_t n);

#endif
