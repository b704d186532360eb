/* A bounded queue of pointers handed from one thread to another (POSIX threads). */
#ifndef HOIVIEN_QUEUE_H
#define HOIVIEN_QUEUE_H

#include <stdbool.h>
#include <stddef.h>

struct queue;

/* A queue holding at most cap items (cap > 0); free it with queue_free once no thread uses it.
 * The items stay the caller's: the queue never frees them. */
struct queue *queue_new(size_t cap);
void queue_free(struct queue **q);
/* Add item (not NULL) at the end, waiting while the queue is full; false, the item not taken,
 * once the queue is closed. */
bool queue_push(struct queue *q, void *item);
/* Take the first item, waiting while the queue is empty; NULL once it is closed and empty. */
void *queue_pop(struct queue *q);
/* No more items: pushes fail from now on, pops return what is left and then NULL, and every
 * thread waiting on the queue wakes.  Either side may close it, more than once. */
void queue_close(struct queue *q);

#endif
