/*
 * buf.h - the growable byte string every backend writes into.
 *
 * Heap-allocated (outputs outlive a document's arena).  Writes never fail
 * silently: exhaustion aborts with a message.
 */
#ifndef BRIEFC_BUF_H
#define BRIEFC_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/*
 * Where a streamed buffer's finished lines go (main.c streams outputs):
 * rather than grow past BUF_STREAM_AT bytes, the buffer hands out all it
 * holds before its last newline and keeps the rest, that newline
 * included, so a writer may still look back along the current line.
 */
typedef struct buf_sink {
	void (*write)(void *ctx, const char *p, size_t n);
	void *ctx;
} buf_sink;

typedef struct buf {
	char *data;		/* always NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
	const buf_sink *sink;	/* NULL: the buffer holds everything */
} buf;

#define BUF_INIT {NULL, 0, 0, NULL}
#define BUF_STREAM_AT ((size_t)1 << 20)

void buf_free(buf *b);
void buf_clear(buf *b);
void buf_grow(buf *b, size_t extra);
void buf_put_slow(buf *b, const char *s, size_t n);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap);
/* v in decimal: the hot paths' printf("%lu"). */
void buf_put_ulong(buf *b, unsigned long v);
/* n bytes in base64 (RFC 4648, padded at the end). */
void buf_put_base64(buf *b, const char *s, size_t n);
/* Hand what a streamed buffer still holds to its sink. */
void buf_sink_flush(buf *b);
/* Detach the contents; the caller frees them. */
char *buf_detach(buf *b);

/* n bytes at the end; inline, as every byte of every output passes
 * here, most in pieces of a few bytes. */
static inline void buf_put(buf *b, const char *s, size_t n)
{
	if (n == 0 || n >= b->cap - b->len) {
		buf_put_slow(b, s, n);
		return;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Inline too: most callers pass a literal, whose length the compiler
 * knows. */
static inline void buf_puts(buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

static inline void buf_putc_fast(buf *b, char c)
{
	if (b->len + 1 >= b->cap)
		buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

#endif
