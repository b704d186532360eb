/* Opening and closing the Berkeley DB environment, transactions with deadlock retry, errors.
 *
 * Every process opens the environment with DB_REGISTER | DB_RECOVER: Berkeley DB then notices
 * when a process died while using it and runs recovery before anyone goes on, so a kill -9 in
 * the middle of an import leaves committed batches and nothing of the batch in flight.
 * Deadlocks are detected at lock time (set_lk_detect) and the losing transaction is re-run.
 * Read transactions are read-committed (degree 2): a long export holds no lock on what it has
 * already read, so staff who are saving never wait for it.  (Snapshot isolation through
 * DB_MULTIVERSION was measured to halve import speed: every written page gets copied.) */
#include "store/internal.h"

#include "util/err.h"
#include "util/i18n.h"
#include "util/msg.h"
#include "util/path.h"
#include "util/thread.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define STORE_FORMAT "hoivien-store 1"
#define MAX_RETRIES 50

/* 16 KB pages for the big databases: an import batch's index keys, written in key order,
 * then share far more pages than with 4 KB ones (measured: 2 µs instead of 8 µs a key on a
 * million-entry index with a 32 MB cache). */
#define BIG_PAGE 16384

const struct db_spec store_db_specs[DBI__COUNT] = {
	[DBI_META] = { "meta.db", -1, 0, NULL, 0 },
	[DBI_ORG] = { "orgs.db", -1, 0, NULL, 0 },
	[DBI_UNIT] = { "units.db", -1, 0, NULL, 0 },
	[DBI_PERSON] = { "persons.db", -1, 0, NULL, BIG_PAGE },
	[DBI_MEMBERSHIP] = { "memberships.db", -1, 0, NULL, BIG_PAGE },
	[DBI_AUDIT] = { "audit.db", -1, 0, NULL, BIG_PAGE },
	[DBI_TARGET] = { "targets.db", -1, 0, NULL, 0 },
	[DBI_NOTDUP] = { "notdup.db", -1, 0, NULL, 0 },
	/* Secondary indexes keep their entries packed (pidx.c); DB_DUPSORT here only says that a
	 * key may have several entries. */
	[DBI_ORG_CODE] = { "pidx_org_code.db", DBI_ORG, 0, idx_org_code, 0 },
	[DBI_UNIT_PARENT] = { "pidx_unit_parent.db", DBI_UNIT, DB_DUPSORT, idx_unit_parent, 0 },
	[DBI_PERSON_WORD] = { "pidx_person_word.db", DBI_PERSON, DB_DUPSORT, idx_person_word, BIG_PAGE },
	[DBI_PERSON_PAIR] = { "pidx_person_pair.db", DBI_PERSON, DB_DUPSORT, idx_person_pair, BIG_PAGE },
	[DBI_PERSON_SORT] = { "pidx_person_name.db", DBI_PERSON, DB_DUPSORT, idx_person_sort, BIG_PAGE },
	[DBI_PERSON_CCCD] = { "pidx_person_cccd.db", DBI_PERSON, 0, idx_person_cccd, BIG_PAGE },
	[DBI_MEMBER_PERSON] = { "pidx_member_person.db", DBI_MEMBERSHIP, DB_DUPSORT, idx_member_person,
				BIG_PAGE },
	[DBI_MEMBER_UNIT] = { "pidx_member_unit.db", DBI_MEMBERSHIP, DB_DUPSORT, idx_member_unit,
			      BIG_PAGE },
	[DBI_MEMBER_CARD] = { "pidx_member_card.db", DBI_MEMBERSHIP, DB_DUPSORT, idx_member_card,
			      BIG_PAGE },
};

/* The organizations every store starts with (DESIGN.md). */
static const struct {
	const char *code, *name, *word;
	int age_min, age_max, sex;
} standard_orgs[] = {
	{ "MT", "Mặt trận Tổ quốc Việt Nam", "thành viên", 0, 0, 0 },
	{ "CD", "Công đoàn Việt Nam", "đoàn viên", 0, 0, 0 },
	{ "DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "đoàn viên", 16, 30, 0 },
	{ "PN", "Hội Liên hiệp Phụ nữ Việt Nam", "hội viên", 18, 0, SEX_FEMALE },
	{ "ND", "Hội Nông dân Việt Nam", "hội viên", 18, 0, 0 },
	{ "CCB", "Hội Cựu chiến binh Việt Nam", "hội viên", 0, 0, 0 },
};

static void bdb_errcall(const DB_ENV *env, const char *pfx, const char *msg)
{
	(void)pfx;
	struct store *s = env->app_private;
	if (s)
		snprintf(s->lasterr, sizeof s->lasterr, "%s", msg);
}

int store_dberr(struct store *s, struct err *e, int rc, const char *what)
{
	const char *extra = s && s->lasterr[0] ? s->lasterr : NULL;
	int r;
	switch (rc) {
	case DB_LOCK_DEADLOCK:
	case DB_LOCK_NOTGRANTED:
		r = err_set(e, ERR_DEADLOCK, _("%s: lost a deadlock with another user"), what);
		break;
	case DB_NOTFOUND:
		r = err_set(e, ERR_NOTFOUND, _("%s: not found"), what);
		break;
	case DB_KEYEXIST:
		r = err_set(e, ERR_EXISTS, _("%s: already exists"), what);
		break;
	case DB_RUNRECOVERY:
		r = err_set(e, ERR_DB, _("%s: the store needs recovery because a program using it "
					  "stopped abnormally; run the command again"), what);
		break;
	case DB_SECONDARY_BAD:
		r = err_set(e, ERR_CORRUPT, _("%s: an index is out of step with the records; run "
					       "'hoivien check'"), what);
		break;
	case ENOSPC:
		r = err_set(e, ERR_IO, _("%s: the disk is full"), what);
		break;
	default:
		if (extra)
			r = err_set(e, ERR_DB, "%s: %s (%s)", what, db_strerror(rc), extra);
		else
			r = err_set(e, ERR_DB, "%s: %s", what, db_strerror(rc));
		break;
	}
	if (s)
		s->lasterr[0] = '\0';
	return r;
}

enum dbi store_primary_of(enum rec_type type)
{
	switch (type) {
	case REC_ORG: return DBI_ORG;
	case REC_UNIT: return DBI_UNIT;
	case REC_PERSON: return DBI_PERSON;
	case REC_MEMBERSHIP: return DBI_MEMBERSHIP;
	case REC_AUDIT: return DBI_AUDIT;
	case REC_TARGET: return DBI_TARGET;
	case REC_NOTDUP: return DBI_NOTDUP;
	default: return DBI__COUNT;
	}
}

DB_TXN *store_dbtxn(struct store_txn *t)
{
	return t ? t->txn : NULL;
}

u_int32_t store_read_flags(const struct store_txn *t)
{
	if (!t)
		return DB_READ_COMMITTED;
	return t->write ? DB_RMW : 0;
}

int64_t store_txn_time(const struct store_txn *t)
{
	return t->now;
}

const char *store_dir(const struct store *s)
{
	return s->dir;
}

const char *store_login(const struct store *s)
{
	return s->login;
}

const char *store_library_version(void)
{
	return db_version(NULL, NULL, NULL);
}

int store_recover(const char *dir, struct err *e)
{
	if (!store_exists(dir))
		return err_set(e, ERR_NOTFOUND, _("no store in %s"), dir);
	DB_ENV *env;
	int rc = db_env_create(&env, 0);
	if (rc)
		return store_dberr(NULL, e, rc, _("recovering"));
	/* DB_ENV->remove refuses (EBUSY) while any process is attached. */
	rc = env->remove(env, dir, 0);
	if (rc == EBUSY)
		return err_set(e, ERR_BUSY, _("the store is in use by other programs; ask everyone to "
					      "quit hoivien and try again"));
	if (rc)
		return store_dberr(NULL, e, rc, _("recovering"));
	if ((rc = db_env_create(&env, 0)) != 0)
		return store_dberr(NULL, e, rc, _("recovering"));
	rc = env->open(env, dir, DB_CREATE | DB_INIT_TXN | DB_INIT_LOCK | DB_INIT_LOG |
		       DB_INIT_MPOOL | DB_REGISTER | DB_RECOVER, 0660);
	if (rc == 0)
		rc = env->txn_checkpoint(env, 0, 0, DB_FORCE);
	env->close(env, 0);
	if (rc)
		return store_dberr(NULL, e, rc, _("recovering"));
	return 0;
}

bool store_exists(const char *dir)
{
	char *p = path_join(dir, store_db_specs[DBI_META].file);
	bool ok = path_is_file(p);
	free(p);
	return ok;
}

static char *login_name(const char *opt)
{
	if (opt && *opt)
		return xstrdup(opt);
	const char *env = getenv("HOIVIEN_USER");
	if (env && *env)
		return xstrdup(env);
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return xstrdup(pw->pw_name);
	env = getenv("USER");
	return xstrdup(env && *env ? env : "?");
}

static unsigned cache_mb_of(const struct store_opts *o)
{
	if (o->cache_mb)
		return o->cache_mb;
	const char *env = getenv("HOIVIEN_CACHE_MB");
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);
		if (*end == '\0' && v >= 4 && v <= 65536)
			return (unsigned)v;
		msg_warn(_("HOIVIEN_CACHE_MB=%s is not a size in MB (4 to 65536); using %d"), env,
			 STORE_DEFAULT_CACHE_MB);
	}
	return STORE_DEFAULT_CACHE_MB;
}

/* DB_CONFIG is where an administrator changes the environment's sizes: Berkeley DB reads it
 * whenever the environment is created, and its lines win over the program's defaults. */
static int write_db_config(const char *dir, unsigned cache_mb, struct err *e)
{
	char *p = path_join(dir, "DB_CONFIG");
	if (path_is_file(p)) {
		free(p);
		return 0;
	}
	struct atomic_file af;
	int rc = atomic_open(&af, p, e);
	free(p);
	if (rc)
		return rc;
	fprintf(af.f,
		"# Berkeley DB settings of this hoivien store, read when the environment is created.\n"
		"# To change them: edit, make sure nobody is using the store, then run\n"
		"#   hoivien -d <this directory> recover\n"
		"# Cache shared by every process using the store (%u MB). A larger cache speeds up\n"
		"# big imports and reports on a server with many staff; each process's memory only\n"
		"# grows by the part of the cache it touches.\n"
		"set_cachesize %u %lu 1\n"
		"# Log buffer and log file size.\n"
		"set_lg_bsize 4194304\n"
		"set_lg_max 33554432\n"
		"# Lock table: enough for an import batch and many staff at once.\n"
		"set_lk_max_locks 30000\n"
		"set_lk_max_objects 30000\n"
		"set_lk_max_lockers 2000\n",
		cache_mb, cache_mb / 1024, (unsigned long)(cache_mb % 1024) * 1024 * 1024);
	return atomic_commit(&af, e);
}

/* Index files of earlier versions, one entry per item, that packed indexes replaced: removed
 * once the new ones are built. */
static const char *const retired_files[] = {
	"idx_org_code.db", "idx_unit_parent.db", "idx_person_word.db", "idx_person_pair.db",
	"idx_person_name.db", "idx_person_cccd.db", "idx_member_person.db", "idx_member_unit.db",
	"idx_member_card.db",
};

static void retire_old_indexes(struct store *s)
{
	for (size_t i = 0; i < sizeof retired_files / sizeof *retired_files; i++) {
		char *p = path_join(s->dir, retired_files[i]);
		bool there = path_is_file(p);
		free(p);
		if (!there)
			continue;
		if (s->env->dbremove(s->env, NULL, retired_files[i], NULL, DB_AUTO_COMMIT) != 0)
			continue;	/* still open in another process: the next open removes it */
		char key[64];
		int kn = snprintf(key, sizeof key, "index:%s", retired_files[i]);
		DBT k = { .data = key, .size = (u_int32_t)kn };
		s->db[DBI_META]->del(s->db[DBI_META], NULL, &k, 0);
	}
}

/* An index this version knows but the store has not built yet (the store was made by an older
 * version) is built now from the records: adding an index never needs a migration step. */
static int rebuild_new_indexes(struct store *s, struct err *e)
{
	DBT k = { .data = "format", .size = 6 }, v = { .flags = DB_DBT_PARTIAL | DB_DBT_USERMEM };
	bool fresh = s->db[DBI_META]->get(s->db[DBI_META], NULL, &k, &v, DB_READ_COMMITTED) != 0;
	for (int i = 0; i < DBI__COUNT; i++) {
		if (store_db_specs[i].primary < 0 || store_index_built(s, i))
			continue;
		/* An index this version added, for the records of an older store: once. */
		if (!fresh)
			msg_info(_("building the index %s of the records already in the store "
				   "(once, after an upgrade)…"), store_db_specs[i].file);
		int rc = store_index_build(s, i, fresh, e);
		if (rc)
			return rc;
	}
	retire_old_indexes(s);
	return 0;
}

static int open_dbs(struct store *s, struct err *e)
{
	DB_TXN *txn;
	int rc = s->env->txn_begin(s->env, NULL, &txn, 0);
	if (rc)
		return store_dberr(s, e, rc, _("opening the store"));
	for (int i = 0; i < DBI__COUNT; i++) {
		const struct db_spec *sp = &store_db_specs[i];
		DB *db;
		if ((rc = db_create(&db, s->env, 0)) != 0)
			goto fail;
		s->db[i] = db;
		if (sp->primary < 0 && sp->flags && (rc = db->set_flags(db, sp->flags)) != 0)
			goto fail;
		if (sp->pagesize && (rc = db->set_pagesize(db, sp->pagesize)) != 0)
			goto fail;
		if ((rc = db->open(db, txn, sp->file, NULL, DB_BTREE, DB_CREATE, 0660)) != 0)
			goto fail;
		db->app_private = s;
	}
	if ((rc = txn->commit(txn, 0)) != 0)
		return store_dberr(s, e, rc, _("opening the store"));
	return rebuild_new_indexes(s, e);
fail:
	txn->abort(txn);
	return store_dberr(s, e, rc, _("opening the store"));
}

/* A new store gets its format mark and the standard organizations in one transaction. */
static int init_fn(struct store *s, struct store_txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	DB *meta = s->db[DBI_META];
	DBT k = { .data = "format", .size = 6 }, v = { .flags = DB_DBT_PARTIAL | DB_DBT_USERMEM };
	int rc = meta->get(meta, t->txn, &k, &v, DB_RMW);
	if (rc == 0)
		return 0;
	memset(&v, 0, sizeof v);
	if (rc != DB_NOTFOUND)
		return store_dberr(s, e, rc, _("opening the store"));
	v.data = STORE_FORMAT;
	v.size = sizeof STORE_FORMAT - 1;
	if ((rc = meta->put(meta, t->txn, &k, &v, 0)) != 0)
		return store_dberr(s, e, rc, _("creating the store"));
	for (size_t i = 0; i < sizeof standard_orgs / sizeof standard_orgs[0]; i++) {
		struct org o = { 0 };
		o.code = (char *)standard_orgs[i].code;
		o.name = (char *)standard_orgs[i].name;
		o.member_word = (char *)standard_orgs[i].word;
		o.age_min = standard_orgs[i].age_min;
		o.age_max = standard_orgs[i].age_max;
		o.sex_rule = standard_orgs[i].sex;
		rc = store_insert(s, t, REC_ORG, &o, e);
		free(o.m.cuser);
		free(o.m.muser);
		if (rc)
			return rc;
	}
	return 0;
}

static int check_format(struct store *s, struct err *e)
{
	DB *meta = s->db[DBI_META];
	char mark[64];
	DBT k = { .data = "format", .size = 6 },
	    v = { .data = mark, .ulen = sizeof mark, .flags = DB_DBT_USERMEM };
	int rc = meta->get(meta, NULL, &k, &v, DB_READ_COMMITTED);
	if (rc == DB_BUFFER_SMALL)
		return err_set(e, ERR_CORRUPT, _("%s holds a store of another format"), s->dir);
	if (rc == DB_NOTFOUND)
		return err_set(e, ERR_CORRUPT, _("%s is not a complete hoivien store (no format mark); "
						 "create it again with 'hoivien init'"), s->dir);
	if (rc)
		return store_dberr(s, e, rc, _("opening the store"));
	if (v.size != sizeof STORE_FORMAT - 1 || memcmp(v.data, STORE_FORMAT, v.size) != 0)
		return err_set(e, ERR_CORRUPT, _("%s holds a store of another format (%.*s)"), s->dir,
			       (int)v.size, (const char *)v.data);
	return 0;
}

/* The files a store consists of (and nothing else a user may keep in the directory). */
static bool store_file(const char *name)
{
	size_t n = strlen(name);
	return strcmp(name, "DB_CONFIG") == 0 || strcmp(name, "stage.lock") == 0 ||
	       strncmp(name, "__db.", 5) == 0 ||
	       strncmp(name, "log.", 4) == 0 || (n > 3 && strcmp(name + n - 3, ".db") == 0);
}

static void remove_store_files(const char *dir, bool rm_dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (!store_file(de->d_name))
			continue;
		char *p = path_join(dir, de->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
	if (rm_dir)
		rmdir(dir);
}

void store_remove(const char *dir)
{
	remove_store_files(dir, true);
}

/* A bulk writer's second thread for the cache: every 20 ms it writes dirty pages until a tenth
 * of the cache is clean, and checkpoints once per 16 MB of log.  Without it the writing thread
 * itself writes out a dirty page whenever it needs room (first flushing the log up to that
 * page, with an fsync), and waits for every checkpoint's fsyncs and for the removal of old log
 * files.  It uses the environment handle only (free-threaded: DB_THREAD). */
#define FLUSH_EVERY_MS 20
#define FLUSH_CLEAN_PCT 10
#define BULK_CHECKPOINT_KB (16 * 1024)

struct flusher {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool stop;
};

static void *flusher_main(void *arg)
{
	struct store *s = arg;
	struct flusher *f = s->flusher;
	pthread_mutex_lock(&f->mu);
	while (!f->stop) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += FLUSH_EVERY_MS * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&f->cv, &f->mu, &ts);
		if (f->stop)
			break;
		pthread_mutex_unlock(&f->mu);
		/* Failures here cost speed only: the writing thread's own checkpoint at the end
		 * still comes, and pages it needs are written by Berkeley DB as usual. */
		int wrote;
		s->env->memp_trickle(s->env, FLUSH_CLEAN_PCT, &wrote);
		s->env->txn_checkpoint(s->env, BULK_CHECKPOINT_KB, 0, 0);
		pthread_mutex_lock(&f->mu);
	}
	pthread_mutex_unlock(&f->mu);
	return NULL;
}

static void flusher_start(struct store *s)
{
	struct flusher *f = xcalloc(1, sizeof *f);
	pthread_mutex_init(&f->mu, NULL);
	pthread_cond_init(&f->cv, NULL);
	s->flusher = f;
	if (thread_start(&f->thread, flusher_main, s) != 0) {
		pthread_mutex_destroy(&f->mu);
		pthread_cond_destroy(&f->cv);
		free(f);
		s->flusher = NULL;	/* the writer checkpoints itself (store_checkpoint) */
	}
}

static void flusher_stop(struct store *s)
{
	struct flusher *f = s->flusher;
	if (!f)
		return;
	pthread_mutex_lock(&f->mu);
	f->stop = true;
	pthread_cond_signal(&f->cv);
	pthread_mutex_unlock(&f->mu);
	pthread_join(f->thread, NULL);
	pthread_mutex_destroy(&f->mu);
	pthread_cond_destroy(&f->cv);
	free(f);
	s->flusher = NULL;
}

int store_open(struct store **out, const struct store_opts *o, struct err *e)
{
	*out = NULL;
	bool exists = store_exists(o->dir);
	if (!exists && !o->create) {
		int r = err_set(e, ERR_NOTFOUND, _("no store in %s; create one with 'hoivien init' (or "
						   "choose another with -d DIR or HOIVIEN_DIR)"), o->dir);
		return r;
	}
	int rc;
	bool new_dir = !path_is_dir(o->dir);
	unsigned mb = cache_mb_of(o);
	if (!exists) {
		if ((rc = path_mkdirs(o->dir, e)) != 0)
			return rc;
		if ((rc = write_db_config(o->dir, mb, e)) != 0)
			return rc;
	}
	struct store *s = xcalloc(1, sizeof *s);
	s->dir = xstrdup(o->dir);
	s->login = login_name(o->login);
	s->bulk = o->bulk;
	if ((rc = db_env_create(&s->env, 0)) != 0) {
		rc = store_dberr(s, e, rc, _("opening the store"));
		goto fail;
	}
	s->env->app_private = s;
	s->env->set_errcall(s->env, bdb_errcall);
	/* Defaults for an environment without DB_CONFIG lines for them. */
	s->env->set_cachesize(s->env, mb / 1024, (mb % 1024) * 1024u * 1024u, 1);
	s->env->set_lk_detect(s->env, DB_LOCK_DEFAULT);
	u_int32_t flags = DB_CREATE | DB_INIT_TXN | DB_INIT_LOCK | DB_INIT_LOG | DB_INIT_MPOOL |
			  DB_REGISTER | DB_RECOVER;
	/* A bulk writer's flusher thread shares the handle, which must then be free-threaded
	 * (DB_THREAD): so every DBT that receives data says where it goes (DB_DBT_USERMEM, _REALLOC
	 * or _MALLOC).  Other processes do without: it costs every Berkeley DB call a few locks
	 * (measured: 2 µs more a name search, 1.5 ms more a 'hoivien find'). */
	bool flusher = s->bulk && !store_one_thread();
	if (flusher)
		flags |= DB_THREAD;
	if ((rc = s->env->open(s->env, s->dir, flags, 0660)) != 0) {
		rc = store_dberr(s, e, rc, _("opening the store environment"));
		err_where(e, "%s", s->dir);
		goto fail;
	}
	s->env->log_set_config(s->env, DB_LOG_AUTO_REMOVE, 1);
	if (s->bulk)
		s->env->set_flags(s->env, DB_TXN_WRITE_NOSYNC, 1);
	/* Opening a database handle logs its registration; that need not reach the disk before
	 * anything is written (a crash just forgets the handle), so no fsync for it. */
	if (!s->bulk)
		s->env->set_flags(s->env, DB_TXN_WRITE_NOSYNC, 1);
	rc = open_dbs(s, e);
	if (!s->bulk)
		s->env->set_flags(s->env, DB_TXN_WRITE_NOSYNC, 0);
	if (rc)
		goto fail;
	if (!exists || o->create) {
		if ((rc = store_write(s, init_fn, NULL, e)) != 0)
			goto fail;
	}
	if ((rc = check_format(s, e)) != 0)
		goto fail;
	if ((rc = stage_recover(s, e)) != 0)
		goto fail;
	if (flusher)
		flusher_start(s);
	*out = s;
	return 0;
fail:
	store_close(&s);
	/* A store that could not be created leaves nothing behind that would look like one. */
	if (!exists)
		remove_store_files(o->dir, new_dir);
	return rc;
}

void store_close(struct store **sp)
{
	struct store *s = *sp;
	if (!s)
		return;
	idx_release();
	flusher_stop(s);
	stage_abandon(s);
	for (int i = DBI__COUNT - 1; i >= 0; i--)
		if (s->db[i])
			s->db[i]->close(s->db[i], 0);
	if (s->env) {
		/* A writer checkpoints on the way out: recovery stays short and old logs can go.
		 * A reader has nothing to add (and a checkpoint would cost it two fsyncs). */
		if (s->bulk)
			s->env->log_flush(s->env, NULL);
		if (s->wrote)
			s->env->txn_checkpoint(s->env, 0, 0, 0);
		s->env->close(s->env, 0);
	}
	free(s->dir);
	free(s->login);
	free(s);
	*sp = NULL;
}

void store_checkpoint(struct store *s)
{
	/* A checkpoint writes every dirty page of the cache, and a bulk writer dirties the same
	 * pages (the ends of the B-trees it appends to) batch after batch: it checkpoints once per
	 * 16 MB of log, which bounds recovery after a crash to replaying that much. */
	if (s->flusher)
		return;		/* it checkpoints */
	s->env->txn_checkpoint(s->env, s->bulk ? BULK_CHECKPOINT_KB : 64, 0, 0);
}

static void backoff(int attempt)
{
	struct timespec ts = { 0, (long)(1 + (rand() % 4)) * 1000000L * (attempt < 10 ? attempt : 10) };
	nanosleep(&ts, NULL);
}

enum run_mode { RUN_READ, RUN_WRITE, RUN_BULK };

static int run(struct store *s, store_txn_fn fn, void *ctx, struct err *e, enum run_mode mode)
{
	bool write = mode != RUN_READ;
	for (int attempt = 1; attempt <= MAX_RETRIES; attempt++) {
		DB_TXN *txn;
		int rc = s->env->txn_begin(s->env, NULL, &txn, write ? 0 : DB_READ_COMMITTED);
		if (rc)
			return store_dberr(s, e, rc, _("starting a transaction"));
		struct store_txn t = { .txn = txn, .now = (int64_t)time(NULL), .write = write };
		memset(t.next_id, 0, sizeof t.next_id);
		if (mode == RUN_BULK) {
			t.pend = pending_new();
			if ((t.stage = s->stage) != NULL)
				stage_txn_begin(t.stage);
		}
		rc = fn(s, &t, ctx, e);
		if (rc == 0 && t.pend)
			rc = pending_flush(s, &t, t.pend, e);
		if (rc == 0 && t.pend)
			rc = store_audit_ranges(s, &t, e);
		pending_free(&t.pend);
		if (rc == 0 && write)
			rc = store_flush_ids(s, &t, e);
		if (rc == 0) {
			int c = txn->commit(txn, 0);
			if (c == 0) {
				s->wrote = s->wrote || write;
				if (t.stage)
					stage_txn_commit(t.stage, e, &c);
				return c;
			}
			rc = store_dberr(s, e, c, _("saving"));
		} else {
			txn->abort(txn);
		}
		if (t.stage)
			stage_txn_abort(t.stage);
		if (rc != -ERR_DEADLOCK)
			return rc;
		err_clear(e);
		backoff(attempt);
	}
	return err_set(e, ERR_BUSY, _("the store stayed busy: other users kept changing the same "
				       "records; nothing was saved, try again"));
}

int store_write(struct store *s, store_txn_fn fn, void *ctx, struct err *e)
{
	return run(s, fn, ctx, e, RUN_WRITE);
}

int store_write_bulk(struct store *s, store_txn_fn fn, void *ctx, struct err *e)
{
	return run(s, fn, ctx, e, RUN_BULK);
}

int store_read(struct store *s, store_txn_fn fn, void *ctx, struct err *e)
{
	return run(s, fn, ctx, e, RUN_READ);
}
