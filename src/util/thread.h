/* Starting a helper thread (POSIX threads). */
#ifndef HOIVIEN_THREAD_H
#define HOIVIEN_THREAD_H

#include <pthread.h>

/* pthread_create, with the new thread blocking every asynchronous signal: a terminal's ^C, a
 * hang-up, a resize are the main thread's to take (its handlers and the system calls they
 * interrupt are there); faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL) stay the thread's own.
 * Returns pthread_create's result. */
int thread_start(pthread_t *t, void *(*fn)(void *), void *arg);

#endif
