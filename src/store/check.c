/* Consistency check, hot backup and size figures of a store.
 *
 * The check proves the indexes and records agree without holding everything in memory:
 * walking the records counts the index entries each should have; walking each index verifies
 * that every entry is one its record produces; equal counts then mean the two sides match
 * one to one (an index never holds the same entry twice). */
#include "store/internal.h"

#include "util/bytes.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/msg.h"
#include "util/path.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_REPORTED 200

struct check {
	struct store *s;
	struct buf report;	/* the problems, one per line, told once the check is over */
	struct store_txn *t;
	long problems;
	uint64_t expect[DBI__COUNT];
	uint64_t records[DBI__COUNT];
	struct err *e;
	/* An import staging in another process: the records from these ids on (persons,
	 * memberships) may not be in the indexes it holds back yet, and are left out of them. */
	bool live;
	uint64_t from[2];
	uint64_t skipped;
	/* The last creation range of the audit database seen: its key's first byte (0: none
	 * yet), last id and sequence. */
	unsigned char range_key;
	uint64_t range_hi, range_seq;
};

/* Whether the entries of record id in index sec are left out of the check (see above). */
static bool left_out(const struct check *c, enum dbi sec, uint64_t id)
{
	if (!c->live || !stage_holds(sec))
		return false;
	int prim = store_db_specs[sec].primary;
	return id >= c->from[prim == DBI_PERSON ? 0 : 1];
}

static void problem(struct check *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct check *c, const char *fmt, ...)
{
	if (++c->problems > MAX_REPORTED)
		return;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&c->report, fmt, ap);
	va_end(ap);
	buf_addc(&c->report, '\n');
}

/* Structure of each file, as Berkeley DB's own verifier sees it. */
static void verify_files(struct check *c)
{
	struct store *s = c->s;
	s->env->memp_sync(s->env, NULL);
	for (int i = 0; i < DBI__COUNT; i++) {
		DB *db;
		if (db_create(&db, s->env, 0) != 0)
			continue;
		int rc = db->verify(db, store_db_specs[i].file, NULL, NULL, 0);
		if (rc == DB_VERIFY_BAD)
			problem(c, _("%s: the file's structure is damaged (%s); if others were saving "
				     "while the check ran, run it again when the store is quiet"),
				store_db_specs[i].file, s->lasterr[0] ? s->lasterr : "DB_VERIFY_BAD");
		else if (rc)
			problem(c, _("%s: cannot verify: %s"), store_db_specs[i].file, db_strerror(rc));
		s->lasterr[0] = '\0';
	}
}

static bool exists(struct check *c, enum dbi dbi, uint64_t id)
{
	unsigned char kb[8];
	be64_put(kb, id);
	DBT k = { .data = kb, .size = 8 }, v = { .flags = DB_DBT_PARTIAL | DB_DBT_USERMEM };
	DB *db = c->s->db[dbi];
	return db->get(db, c->t->txn, &k, &v, 0) == 0;
}

static void check_refs(struct check *c, enum rec_type type, const void *rec, uint64_t id)
{
	switch (type) {
	case REC_UNIT: {
		const struct unit *u = rec;
		if (!exists(c, DBI_ORG, u->org_id))
			problem(c, _("unit %" PRIu64 " (%s) belongs to organization %" PRIu64 ", which "
				     "does not exist"), id, u->name ? u->name : "", u->org_id);
		if (u->parent_id && !exists(c, DBI_UNIT, u->parent_id))
			problem(c, _("unit %" PRIu64 " (%s) is under unit %" PRIu64 ", which does not "
				     "exist"), id, u->name ? u->name : "", u->parent_id);
		if (u->parent_id == id)
			problem(c, _("unit %" PRIu64 " is its own parent"), id);
		break;
	}
	case REC_PERSON: {
		const struct person *p = rec;
		if (!p->full_name || !*p->full_name)
			problem(c, _("person %" PRIu64 " has no name"), id);
		break;
	}
	case REC_MEMBERSHIP: {
		const struct membership *m = rec;
		if (!exists(c, DBI_PERSON, m->person_id))
			problem(c, _("membership %" PRIu64 " is of person %" PRIu64 ", who does not "
				     "exist"), id, m->person_id);
		if (!exists(c, DBI_ORG, m->org_id))
			problem(c, _("membership %" PRIu64 " is in organization %" PRIu64 ", which does "
				     "not exist"), id, m->org_id);
		if (m->unit_id && !exists(c, DBI_UNIT, m->unit_id))
			problem(c, _("membership %" PRIu64 " is in unit %" PRIu64 ", which does not "
				     "exist"), id, m->unit_id);
		break;
	}
	case REC_NOTDUP: {
		const struct notdup *d = rec;
		if (!exists(c, DBI_PERSON, d->person_a) || !exists(c, DBI_PERSON, d->person_b))
			problem(c, _("the not-a-duplicate decision %" PRIu64 " names person %" PRIu64
				     " or %" PRIu64 ", who does not exist"), id, d->person_a,
				d->person_b);
		else if (d->person_a >= d->person_b)
			problem(c, _("the not-a-duplicate decision %" PRIu64 " does not name two persons "
				     "in order (%" PRIu64 ", %" PRIu64 ")"), id, d->person_a, d->person_b);
		break;
	}
	case REC_TARGET: {
		const struct target *g = rec;
		if (!exists(c, DBI_UNIT, g->unit_id))
			problem(c, _("the figures %" PRIu64 " are of unit %" PRIu64 ", which does not "
				     "exist"), id, g->unit_id);
		break;
	}
	default:
		break;
	}
}

/* An audit entry (sequence seq) agrees with its key: it is about the record the key names;
 * or, for a creation range, it is a creation of the key's type whose first id is not after
 * the key's last and not within the range before it (a type's ranges are in the order of their
 * last ids, and never overlap). */
static void check_audit(struct check *c, const unsigned char *key, const struct audit *a,
			uint64_t seq)
{
	uint64_t id = be64_get(key + 1);
	if (!(key[0] & AUDIT_RANGE)) {
		if (a->rec_type != key[0] || a->rec_id != id)
			problem(c, _("audit entry %" PRIu64 " does not match its key"), seq);
		return;
	}
	enum rec_type type = (enum rec_type)(key[0] & ~AUDIT_RANGE);
	if (a->op != AUDIT_CREATE || a->rec_type != type || !a->rec_id || a->rec_id > id) {
		problem(c, _("audit entry %" PRIu64 " does not match its key"), seq);
		return;
	}
	if (c->range_key == key[0] && a->rec_id <= c->range_hi)
		problem(c, _("audit entries %" PRIu64 " and %" PRIu64 " both record the creation of "
			     "%s %" PRIu64), c->range_seq, seq, rec_type_text(type), a->rec_id);
	c->range_key = key[0];
	c->range_hi = id;
	c->range_seq = seq;
}

static enum rec_type type_of_dbi(enum dbi dbi)
{
	switch (dbi) {
	case DBI_ORG: return REC_ORG;
	case DBI_UNIT: return REC_UNIT;
	case DBI_PERSON: return REC_PERSON;
	case DBI_MEMBERSHIP: return REC_MEMBERSHIP;
	case DBI_AUDIT: return REC_AUDIT;
	case DBI_TARGET: return REC_TARGET;
	case DBI_NOTDUP: return REC_NOTDUP;
	default: return 0;
	}
}

static int scan_primary(struct check *c, enum dbi dbi)
{
	struct store *s = c->s;
	enum rec_type type = type_of_dbi(dbi);
	const struct rec_def *def = rec_def_of(type);
	DB *db = s->db[dbi];
	DBC *cur;
	int rc = db->cursor(db, c->t->txn, &cur, 0);
	if (rc)
		return store_dberr(s, c->e, rc, _("checking"));
	void *rec = xcalloc(1, def->size);
	struct buf keys = BUF_INIT;
	DBT k = { .flags = DB_DBT_REALLOC }, v = { .flags = DB_DBT_REALLOC };
	while ((rc = cur->get(cur, &k, &v, DB_NEXT)) == 0) {
		c->records[dbi]++;
		size_t want = dbi == DBI_AUDIT ? AUDIT_KEY_LEN : 8;
		if (k.size != want) {
			problem(c, _("%s: a key of %u bytes instead of %zu"), store_db_specs[dbi].file,
				k.size, want);
			continue;
		}
		uint64_t id = be64_get((const unsigned char *)k.data + (dbi == DBI_AUDIT ? 9 : 0));
		struct err de;
		err_clear(&de);
		rec_clear(def, rec);
		if (rec_decode(def, rec, v.data, v.size, &de) != 0) {
			problem(c, _("%s %" PRIu64 ": %s"), rec_type_text(type), id, de.msg);
			continue;
		}
		check_refs(c, type, rec, id);
		if (dbi == DBI_AUDIT)
			check_audit(c, k.data, rec, id);
		bool counted = false;
		for (int i = 0; i < DBI__COUNT; i++) {
			if (store_db_specs[i].primary != (int)dbi)
				continue;
			if (left_out(c, i, id)) {
				if (!counted)
					c->skipped++;
				counted = true;
				continue;
			}
			size_t n;
			buf_reset(&keys);
			if (idx_entries(i, id, v.data, v.size, &keys, &n) != 0)
				problem(c, _("%s %" PRIu64 ": its index keys cannot be computed"),
					rec_type_text(type), id);
			c->expect[i] += n;
		}
	}
	cur->close(cur);
	free(k.data);
	free(v.data);
	rec_clear(def, rec);
	free(rec);
	buf_free(&keys);
	if (rc != DB_NOTFOUND)
		return store_dberr(s, c->e, rc, _("checking"));
	return 0;
}

struct bad_ctx {
	struct check *c;
	const char *file;
};

static void on_bad_block(void *ctx, enum pidx_bad what)
{
	struct bad_ctx *b = ctx;
	switch (what) {
	case PIDX_BAD_BLOCK:
		problem(b->c, _("index %s has a block that cannot be read"), b->file);
		break;
	case PIDX_BAD_ORDER:
		problem(b->c, _("index %s has entries out of order"), b->file);
		break;
	case PIDX_BAD_KEY:
		problem(b->c, _("index %s has a block stored under the wrong key"), b->file);
		break;
	}
}

static int scan_index(struct check *c, enum dbi sec)
{
	struct store *s = c->s;
	const struct db_spec *sp = &store_db_specs[sec];
	DB *idx = s->db[sec];
	DB *pri = s->db[sp->primary];
	struct bad_ctx bc = { c, sp->file };
	int rc = pidx_verify(idx, c->t->txn, on_bad_block, &bc, NULL);
	if (rc)
		return store_dberr(s, c->e, rc, _("checking"));
	struct pcur *cur;
	if ((rc = pcur_open(idx, c->t->txn, &cur, 0)) != 0)
		return store_dberr(s, c->e, rc, _("checking"));
	struct buf keys = BUF_INIT;
	uint64_t seen = 0;
	DBT k = { 0 }, d = { 0 }, v = { .flags = DB_DBT_REALLOC };	/* v: the record */
	while ((rc = pcur_get(cur, &k, &d, DB_NEXT)) == 0) {
		if (d.size < 8 || !left_out(c, sec, be64_get(d.data)))
			seen++;
		if (d.size < 8) {
			problem(c, _("index %s has an entry that is not a record id (%u bytes)"), sp->file,
				d.size);
			continue;
		}
		uint64_t id = be64_get(d.data);
		unsigned char kb[8];
		be64_put(kb, id);
		DBT pk = { .data = kb, .size = 8 };
		int g = pri->get(pri, c->t->txn, &pk, &v, 0);
		if (g == DB_NOTFOUND) {
			problem(c, _("index %s points to record %" PRIu64 ", which does not exist"),
				sp->file, id);
			continue;
		}
		if (g) {
			rc = g;
			break;
		}
		size_t n;
		buf_reset(&keys);
		if (idx_entries(sec, id, v.data, v.size, &keys, &n) != 0 ||
		    !idx_has_entry(&keys, k.data, k.size, d.data, d.size))
			problem(c, _("index %s has an entry for record %" PRIu64 " that does not match "
				     "the record"), sp->file, id);
	}
	pcur_close(cur);
	free(v.data);
	buf_free(&keys);
	if (rc != DB_NOTFOUND)
		return store_dberr(s, c->e, rc, _("checking"));
	if (seen != c->expect[sec])
		problem(c, _("index %s has %" PRIu64 " entries, the records call for %" PRIu64),
			sp->file, seen, c->expect[sec]);
	return 0;
}

static int check_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	struct check *c = ctx;
	c->t = t;
	c->e = e;
	c->live = stage_live_from(s, c->from);
	c->skipped = 0;
	c->range_key = 0;
	memset(c->expect, 0, sizeof c->expect);
	memset(c->records, 0, sizeof c->records);
	long before = c->problems;
	int rc = 0;
	for (int i = 0; i < DBI__COUNT && rc == 0; i++)
		if (store_db_specs[i].primary < 0 && i != DBI_META)
			rc = scan_primary(c, i);
	for (int i = 0; i < DBI__COUNT && rc == 0; i++)
		if (store_db_specs[i].primary >= 0)
			rc = scan_index(c, i);
	if (rc == -ERR_DEADLOCK)
		c->problems = before;
	return rc;
}

/* Where the log ends: it moves when anyone commits a change. */
static void log_end(struct store *s, u_int32_t *file, u_int32_t *off)
{
	DB_LOG_STAT *st;
	*file = *off = 0;
	if (s->env->log_stat(s->env, &st, 0) == 0) {
		*file = st->st_cur_file;
		*off = st->st_cur_offset;
		free(st);
	}
}

long store_check(struct store *s, struct err *e)
{
	/* The check reads record by record, without holding the whole store still; if it finds
	 * problems while others were saving, they may be theirs in flight: look again. */
	struct check c = { .s = s, .report = BUF_INIT };
	bool moved = false;
	int rc = 0;
	for (int attempt = 0; attempt < 3; attempt++) {
		u_int32_t f0, o0, f1, o1;
		log_end(s, &f0, &o0);
		c.problems = 0;
		buf_reset(&c.report);
		verify_files(&c);
		if ((rc = store_read(s, check_fn, &c, e)) != 0)
			break;
		log_end(s, &f1, &o1);
		moved = f0 != f1 || o0 != o1;
		if (c.problems == 0 || !moved)
			break;
	}
	if (rc == 0 && c.skipped)
		msg_info(ngettext("an import is running: %" PRIu64 " record it added is not in the "
				  "indexes yet and was checked without them",
				  "an import is running: %" PRIu64 " records it added are not in the "
				  "indexes yet and were checked without them", (unsigned long)c.skipped),
			 c.skipped);
	if (rc == 0 && c.problems) {
		const char *p = buf_str(&c.report);
		while (*p) {
			const char *nl = strchr(p, '\n');
			msg_error("%.*s", (int)(nl - p), p);
			p = nl + 1;
		}
		if (c.problems > MAX_REPORTED)
			msg_error(ngettext("… and %ld more problem", "… and %ld more problems",
					   (unsigned long)(c.problems - MAX_REPORTED)),
				  c.problems - MAX_REPORTED);
		if (moved)
			msg_error(_("others were saving while the check ran; if these problems remain, "
				    "run the check again when the store is quiet"));
	}
	buf_free(&c.report);
	return rc ? rc : c.problems;
}

int store_backup(struct store *s, const char *dest, struct err *e)
{
	if (store_exists(dest))
		return err_set(e, ERR_EXISTS, _("%s already holds a store; choose a new directory"),
			       dest);
	int rc = path_mkdirs(dest, e);
	if (rc)
		return rc;
	s->env->txn_checkpoint(s->env, 0, 0, 0);
	if ((rc = s->env->backup(s->env, dest, DB_CREATE)) != 0) {
		rc = store_dberr(s, e, rc, _("backing up"));
		err_where(e, "%s", dest);
		return rc;
	}
	/* The copy of DB_CONFIG carries the administrator's sizes over. */
	char *from = path_join(s->dir, "DB_CONFIG"), *to = path_join(dest, "DB_CONFIG");
	FILE *in = fopen(from, "rb");
	if (in) {
		struct atomic_file af;
		if (atomic_open(&af, to, NULL) == 0) {
			char buf[4096];
			size_t n;
			while ((n = fread(buf, 1, sizeof buf, in)) > 0)
				fwrite(buf, 1, n, af.f);
			atomic_commit(&af, NULL);
		}
		fclose(in);
	}
	free(from);
	free(to);
	/* Files copied while others wrote are made consistent by catastrophic recovery on the
	 * copy, in a private environment that leaves nothing behind. */
	DB_ENV *b;
	if ((rc = db_env_create(&b, 0)) != 0)
		return store_dberr(s, e, rc, _("backing up"));
	rc = b->open(b, dest, DB_CREATE | DB_INIT_TXN | DB_INIT_LOCK | DB_INIT_LOG | DB_INIT_MPOOL |
		     DB_RECOVER_FATAL | DB_PRIVATE, 0660);
	if (rc == 0)
		rc = b->txn_checkpoint(b, 0, 0, DB_FORCE);
	b->close(b, 0);
	if (rc) {
		rc = store_dberr(s, e, rc, _("recovering the backup"));
		err_where(e, "%s", dest);
		return rc;
	}
	return 0;
}

static uint64_t dir_bytes(const char *dir)
{
	uint64_t total = 0;
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		size_t len = strlen(n);
		bool ours = (len > 3 && strcmp(n + len - 3, ".db") == 0) || strncmp(n, "log.", 4) == 0;
		if (!ours)
			continue;
		char *p = path_join(dir, n);
		struct stat st;
		/* Blocks in use, not the length: log files are created at their full size. */
		if (stat(p, &st) == 0)
			total += (uint64_t)st.st_blocks * 512;
		free(p);
	}
	closedir(d);
	return total;
}

int store_stats(struct store *s, struct store_stats *st, struct err *e)
{
	memset(st, 0, sizeof *st);
	int rc;
	if ((rc = store_count(s, NULL, REC_PERSON, &st->persons, e)) != 0 ||
	    (rc = store_count(s, NULL, REC_MEMBERSHIP, &st->memberships, e)) != 0 ||
	    (rc = store_count(s, NULL, REC_UNIT, &st->units, e)) != 0 ||
	    (rc = store_count(s, NULL, REC_ORG, &st->orgs, e)) != 0 ||
	    (rc = store_count(s, NULL, REC_AUDIT, &st->audit, e)) != 0)
		return rc;
	st->bytes = dir_bytes(s->dir);
	return 0;
}
