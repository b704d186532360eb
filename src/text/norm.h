/* Unicode normalization: everything stored is NFC. */
#ifndef HOIVIEN_NORM_H
#define HOIVIEN_NORM_H

#include <stddef.h>

struct buf;

/* Append the NFC form of the valid UTF-8 s[0..n) to out. Fixes NFD and "Unicode tổ hợp"
 * (precomposed â ă ê ô ơ ư + combining tone). Returns 0, or -1 if s is not valid UTF-8
 * (out is then unchanged). */
int vn_nfc(struct buf *out, const char *s, size_t n);
/* Append the NFD form (base letters and combining marks) of the valid UTF-8 s[0..n): text as
 * some Mac and web sources send it, for tests and generated data.  Returns 0, or -1 if s is not
 * valid UTF-8 (out is then unchanged). */
int vn_nfd(struct buf *out, const char *s, size_t n);

#endif
