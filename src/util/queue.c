/* A bounded queue of pointers between threads: a ring under one mutex, two condition variables. */
#include "util/queue.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t not_empty, not_full;
	void **items;		/* a ring of cap slots: n of them from head on */
	size_t cap, head, n;
	bool closed;
};

/* The pthread calls below fail only on misuse (or, for init, exhausted resources). */
static void check(int rc, const char *what)
{
	if (rc != 0) {
		fprintf(stderr, "hoivien: %s failed (%d)\n", what, rc);
		abort();
	}
}

struct queue *queue_new(size_t cap)
{
	struct queue *q = xcalloc(1, sizeof *q);
	check(pthread_mutex_init(&q->mu, NULL), "pthread_mutex_init");
	check(pthread_cond_init(&q->not_empty, NULL), "pthread_cond_init");
	check(pthread_cond_init(&q->not_full, NULL), "pthread_cond_init");
	q->cap = cap ? cap : 1;
	q->items = xcalloc(q->cap, sizeof *q->items);
	return q;
}

void queue_free(struct queue **qp)
{
	struct queue *q = *qp;
	if (!q)
		return;
	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->not_empty);
	pthread_cond_destroy(&q->not_full);
	free(q->items);
	free(q);
	*qp = NULL;
}

bool queue_push(struct queue *q, void *item)
{
	check(pthread_mutex_lock(&q->mu), "pthread_mutex_lock");
	while (q->n == q->cap && !q->closed)
		pthread_cond_wait(&q->not_full, &q->mu);
	bool taken = !q->closed;
	if (taken) {
		q->items[(q->head + q->n) % q->cap] = item;
		q->n++;
		pthread_cond_signal(&q->not_empty);
	}
	pthread_mutex_unlock(&q->mu);
	return taken;
}

void *queue_pop(struct queue *q)
{
	check(pthread_mutex_lock(&q->mu), "pthread_mutex_lock");
	while (q->n == 0 && !q->closed)
		pthread_cond_wait(&q->not_empty, &q->mu);
	void *item = NULL;
	if (q->n) {
		item = q->items[q->head];
		q->head = (q->head + 1) % q->cap;
		q->n--;
		pthread_cond_signal(&q->not_full);
	}
	pthread_mutex_unlock(&q->mu);
	return item;
}

void queue_close(struct queue *q)
{
	check(pthread_mutex_lock(&q->mu), "pthread_mutex_lock");
	q->closed = true;
	pthread_cond_broadcast(&q->not_empty);
	pthread_cond_broadcast(&q->not_full);
	pthread_mutex_unlock(&q->mu);
}
