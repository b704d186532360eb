/* Import, the reading side: records read, copied and parsed into batches on a thread of their own.
 *
 * Writing a batch (import.c) takes several times longer than reading and parsing the next one,
 * so a second thread does the reading: it fills one batch while the main thread writes the
 * other.  Two batches go round between two queues: `empty` (the writer is done with them) and
 * `full` (read, waiting for the writer).  The reading thread touches only the rows it fills, the
 * CSV reader and the decoder (im->codec and its buffers), and reads the header's mapping, which
 * is settled before it starts; everything else of the importer, and every store call, stays
 * with the main thread.  What parsing calls keeps no state of its own (the text layer has no
 * static caches, each codec its own iconv handles; dates use localtime_r; gettext is
 * thread-safe).  When no thread can be started, each batch is read when it is wanted. */
#include "core/import_priv.h"

#include "util/err.h"
#include "util/queue.h"
#include "util/thread.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define NBATCHES 2

struct imp_feed {
	struct importer *im;
	struct csv_reader *rd;
	size_t batch;			/* rows per batch */
	uint64_t nread;			/* records read so far */
	struct batch batches[NBATCHES];
	struct queue *empty, *full;
	pthread_t thread;
	bool threaded;
	bool ended;			/* (without a thread) the file has been read */
	atomic_bool stop;		/* the writer has stopped: read no further */
};

static struct row *new_row(struct batch *b)
{
	if (b->nrows == b->caprows) {
		b->caprows = b->caprows ? b->caprows * 2 : 64;
		b->rows = xrealloc(b->rows, b->caprows * sizeof *b->rows);
	}
	struct row *w = &b->rows[b->nrows++];
	memset(w, 0, sizeof *w);
	return w;
}

/* The row as read, kept for the rejects file, in one allocation. */
static void keep_raw(struct row *w, const struct csv_row *cr)
{
	w->nraw = cr->nfields;
	size_t bytes = 0;
	for (size_t i = 0; i < cr->nfields; i++)
		bytes += cr->lens[i] + 1;
	size_t head = cr->nfields * (sizeof *w->raw + sizeof *w->rawlen);
	char *block = xmalloc(head + bytes);
	w->raw = (char **)block;
	w->rawlen = (size_t *)(block + cr->nfields * sizeof *w->raw);
	char *text = block + head;
	for (size_t i = 0; i < cr->nfields; i++) {
		memcpy(text, cr->fields[i], cr->lens[i]);
		text[cr->lens[i]] = '\0';
		w->raw[i] = text;
		w->rawlen[i] = cr->lens[i];
		text += cr->lens[i] + 1;
	}
}

/* Read up to f->batch rows into b; false when the file has ended or could not be read (b->rc). */
static bool read_batch(struct imp_feed *f, struct batch *b)
{
	/* The rows the writer is done with are freed here, on the thread that made them. */
	for (size_t i = 0; i < b->nrows; i++)
		imp_row_free(&b->rows[i]);
	b->nrows = 0;
	b->rc = 0;
	err_clear(&b->err);
	while (b->nrows < f->batch && !atomic_load_explicit(&f->stop, memory_order_relaxed)) {
		struct csv_row cr;
		struct err re;
		err_clear(&re);
		int got = imp_next(f->im, f->rd, &cr, &re);
		if (got == 0)
			return false;
		if (got == -ERR_IO) {
			b->rc = got;
			b->err = re;
			return false;
		}
		f->nread++;
		struct row *w = new_row(b);
		if (got < 0) {
			/* A malformed record: the reader has moved past it; its text is not ours to keep. */
			w->recno = cr.recno ? cr.recno : (size_t)f->nread + 1;
			char reason[900];
			err_format(&re, reason, sizeof reason);
			imp_reject(w, "%s", reason);
			w->parse_rejected = true;
		} else {
			w->recno = cr.recno;
			keep_raw(w, &cr);
			imp_parse_row(f->im, w);
		}
	}
	return true;
}

/* Fill a batch the writer is done with and pass it on; false when there is nothing more to read
 * (the file has ended, reading failed or the feed was stopped). */
static bool feed_step(struct imp_feed *f)
{
	struct batch *b = queue_pop(f->empty);
	if (!b)
		return false;
	bool more = read_batch(f, b);
	if ((b->nrows || b->rc) && !queue_push(f->full, b))
		more = false;
	if (!more)
		queue_close(f->full);
	return more;
}

static void *feed_main(void *arg)
{
	struct imp_feed *f = arg;
	while (feed_step(f))
		;
	return NULL;
}

struct imp_feed *imp_feed_start(struct importer *im, struct csv_reader *rd, size_t n)
{
	struct imp_feed *f = xcalloc(1, sizeof *f);
	f->im = im;
	f->rd = rd;
	f->batch = n;
	atomic_init(&f->stop, false);
	f->empty = queue_new(NBATCHES);
	f->full = queue_new(NBATCHES);
	for (size_t i = 0; i < NBATCHES; i++)
		queue_push(f->empty, &f->batches[i]);
	f->threaded = thread_start(&f->thread, feed_main, f) == 0;
	return f;
}

struct batch *imp_feed_next(struct imp_feed *f)
{
	if (!f->threaded && !f->ended)
		f->ended = !feed_step(f);
	return queue_pop(f->full);
}

void imp_feed_done(struct imp_feed *f, struct batch *b)
{
	queue_push(f->empty, b);
}

void imp_feed_free(struct imp_feed **fp)
{
	struct imp_feed *f = *fp;
	if (!f)
		return;
	/* Stop the reader if it is still going, after the record it is reading. */
	atomic_store_explicit(&f->stop, true, memory_order_relaxed);
	queue_close(f->empty);
	queue_close(f->full);
	if (f->threaded)
		pthread_join(f->thread, NULL);
	for (size_t i = 0; i < NBATCHES; i++) {
		struct batch *b = &f->batches[i];
		for (size_t j = 0; j < b->nrows; j++)
			imp_row_free(&b->rows[j]);
		free(b->rows);
	}
	queue_free(&f->empty);
	queue_free(&f->full);
	free(f);
	*fp = NULL;
}
