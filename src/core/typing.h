/* The input methods the program offers (Telex, VNI, VIQR): their built-in rules, compiled in
 * from keymaps/NAME.ime, or a user's own file of the same name. */
#ifndef HOIVIEN_TYPING_H
#define HOIVIEN_TYPING_H

#include "util/buf.h"

struct vn_ime;

enum typing_method { TYPING_TELEX, TYPING_VNI, TYPING_VIQR, TYPING__N };

/* "telex", "vni", "viqr". */
const char *typing_method_name(enum typing_method m);
/* The method called name (as typing_method_name), or -1. */
int typing_method_parse(const char *name);
/* The rules of m: $XDG_CONFIG_HOME/hoivien/NAME.ime (path_user_config) when that file exists
 * and is good, else the built-in ones.  A user's file with bad lines is reported in errs
 * ("path:line: ..." lines) and not used.  Never NULL; free with vn_ime_free. */
struct vn_ime *typing_load(enum typing_method m, struct buf *errs);

#endif
