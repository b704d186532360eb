/* Files and directories: the data directory search, the store directory, atomic writes. */
#ifndef HOIVIEN_PATH_H
#define HOIVIEN_PATH_H

#include <stdbool.h>
#include <stdio.h>

struct buf;
struct err;

bool path_is_dir(const char *p);
bool path_is_file(const char *p);
/* mkdir -p with mode 0700 for new directories. */
int path_mkdirs(const char *p, struct err *e);
/* Newly allocated "a/b". */
char *path_join(const char *a, const char *b);

/* Where screens/, keymaps/ and the message catalog live: $HOIVIEN_DATADIR, else the source tree
 * the running binary was built in, else the install prefix. Newly allocated. */
char *path_datadir(void);
/* The message catalog directory under datadir, or NULL. Newly allocated. */
char *path_localedir(const char *datadir);
/* The store directory: opt (from -d) if given, else $HOIVIEN_DIR, else $XDG_DATA_HOME/hoivien,
 * else ~/.local/share/hoivien. Newly allocated. */
char *path_store_dir(const char *opt);

/* Append the whole file at path (a user's keys, screen or typing rules: small) to out.
 * Returns 0, or the errno value that stopped it (ENOENT when there is no such file). */
int path_read_all(const char *path, struct buf *out);

/* The user's own file name under $XDG_CONFIG_HOME/hoivien (an absolute XDG_CONFIG_HOME only),
 * else $HOME/.config/hoivien (./.config/hoivien without HOME).  Newly allocated. */
char *path_user_config(const char *name);

/* A file written under a temporary name and renamed over dest on commit, so readers never see
 * half a file. "-" writes to stdout directly. */
struct atomic_file {
	FILE *f;
	char *tmp;
	char *dest;
};
int atomic_open(struct atomic_file *af, const char *dest, struct err *e);
int atomic_commit(struct atomic_file *af, struct err *e);
void atomic_abort(struct atomic_file *af);

#endif
