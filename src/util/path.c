/* Directory search, store location and temp-then-rename file writes. */
#include "util/path.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef HOIVIEN_DATADIR_DEFAULT
#define HOIVIEN_DATADIR_DEFAULT "/usr/local/share/hoivien"
#endif

bool path_is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

bool path_is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

char *path_join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *p = xmalloc(la + lb + 2);
	memcpy(p, a, la);
	size_t n = la;
	if (n && p[n - 1] != '/')
		p[n++] = '/';
	memcpy(p + n, b, lb + 1);
	return p;
}

int path_mkdirs(const char *p, struct err *e)
{
	char *tmp = xstrdup(p);
	for (char *s = tmp + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;
			*s = '\0';
			if (mkdir(tmp, 0700) != 0 && errno != EEXIST) {
				int rc = err_set(e, ERR_IO, _("cannot create directory: %s"), strerror(errno));
				err_where(e, "%s", tmp);
				free(tmp);
				return rc;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(tmp);
	if (!path_is_dir(p)) {
		int rc = err_set(e, ERR_IO, _("not a directory"));
		err_where(e, "%s", p);
		return rc;
	}
	return 0;
}

/* A directory that looks like a hoivien data tree. */
static bool is_datadir(const char *d)
{
	char *s = path_join(d, "screens");
	bool ok = path_is_dir(s);
	free(s);
	return ok;
}

char *path_datadir(void)
{
	const char *env = getenv("HOIVIEN_DATADIR");
	if (env && *env)
		return xstrdup(env);
	/* Running from the source tree: the binary is build/hoivien or build/<variant>/hoivien. */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/');
			if (!slash)
				break;
			*slash = '\0';
			if (up > 0 && is_datadir(exe))
				return xstrdup(exe);
		}
	}
	return xstrdup(HOIVIEN_DATADIR_DEFAULT);
}

char *path_localedir(const char *datadir)
{
	static const char *const cands[] = { "locale", "build/locale" };
	for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++) {
		char *d = path_join(datadir, cands[i]);
		if (path_is_dir(d))
			return d;
		free(d);
	}
	return NULL;
}

char *path_store_dir(const char *opt)
{
	if (opt && *opt)
		return xstrdup(opt);
	const char *env = getenv("HOIVIEN_DIR");
	if (env && *env)
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return path_join(xdg, "hoivien");
	const char *home = getenv("HOME");
	char *base = path_join(home && *home ? home : ".", ".local/share");
	char *p = path_join(base, "hoivien");
	free(base);
	return p;
}

int path_read_all(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno ? errno : EIO;
	char chunk[8192];
	size_t got;
	errno = 0;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(out, chunk, got);
	int err = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	return err;
}

char *path_user_config(const char *name)
{
	/* As path_store_dir: a relative XDG_CONFIG_HOME is ignored, as the XDG spec says. */
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char *base;
	if (xdg && *xdg == '/')
		base = path_join(xdg, "hoivien");
	else
		base = path_join(home && *home ? home : ".", ".config/hoivien");
	char *p = path_join(base, name);
	free(base);
	return p;
}

int atomic_open(struct atomic_file *af, const char *dest, struct err *e)
{
	memset(af, 0, sizeof *af);
	if (strcmp(dest, "-") == 0) {
		af->f = stdout;
		return 0;
	}
	size_t n = strlen(dest);
	af->dest = xstrdup(dest);
	af->tmp = xmalloc(n + 16);
	snprintf(af->tmp, n + 16, "%s.tmp.XXXXXX", dest);
	int fd = mkstemp(af->tmp);
	if (fd < 0) {
		int rc = err_set(e, ERR_IO, _("cannot create file: %s"), strerror(errno));
		err_where(e, "%s", dest);
		XFREE(af->tmp);
		XFREE(af->dest);
		return rc;
	}
	/* mkstemp makes the file 0600; give it what the user's umask allows, as creat would (an
	 * office that shares exports through a group relies on that). */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	af->f = fdopen(fd, "w");
	if (!af->f) {
		close(fd);
		unlink(af->tmp);
		XFREE(af->tmp);
		XFREE(af->dest);
		return err_set(e, ERR_IO, _("cannot create file: %s"), strerror(errno));
	}
	return 0;
}

int atomic_commit(struct atomic_file *af, struct err *e)
{
	if (!af->tmp) {
		if (fflush(af->f) != 0 || ferror(af->f))
			return err_set(e, ERR_IO, _("write error: %s"), strerror(errno));
		return 0;
	}
	int bad = fflush(af->f) != 0 || ferror(af->f) || fsync(fileno(af->f)) != 0;
	int saved = errno;
	if (fclose(af->f) != 0)
		bad = 1;
	af->f = NULL;
	if (bad || rename(af->tmp, af->dest) != 0) {
		int rc = err_set(e, ERR_IO, _("cannot write file: %s"), strerror(bad ? saved : errno));
		err_where(e, "%s", af->dest);
		unlink(af->tmp);
		XFREE(af->tmp);
		XFREE(af->dest);
		return rc;
	}
	XFREE(af->tmp);
	XFREE(af->dest);
	return 0;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->tmp) {
		if (af->f)
			fclose(af->f);
		unlink(af->tmp);
	}
	af->f = NULL;
	XFREE(af->tmp);
	XFREE(af->dest);
}
