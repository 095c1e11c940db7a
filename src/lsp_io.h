/*
 * lsp_io.h - the base protocol of LSP: messages framed by a
 * `Content-Length` header, read from one file descriptor and written to
 * another.
 *
 * The reader never trusts the client.  A header it cannot read, a missing
 * length, a length over the limit: each is an error the caller answers
 * (a JSON-RPC error with a null id), after which the reader finds the next
 * `Content-Length:` and goes on.  A body over the limit is skipped as it
 * arrives, never held, so memory stays bounded by the limit whatever
 * length a header claims.
 */
#ifndef BRIEFC_LSP_IO_H
#define BRIEFC_LSP_IO_H

#include <stdbool.h>
#include <stddef.h>

/* The longest header block read: far more than any client sends. */
#define LSP_MAX_HEADER ((size_t)8 << 10)

typedef struct lsp_reader {
	int fd;
	size_t max;		/* the largest body accepted */
	char *buf;		/* bytes read, [pos, len) not yet parsed */
	size_t pos, len, cap;
	size_t skip;		/* bytes of a refused body still to drop */
	bool resync;		/* drop bytes up to the next Content-Length: */
	bool eof;		/* the client closed its end (or read failed) */
} lsp_reader;

typedef enum lsp_read {
	LSP_READ_MESSAGE,	/* *body, *len: one body (valid until the
				 * next call) */
	LSP_READ_MORE,		/* a whole message is not there yet */
	LSP_READ_ERROR,		/* *err: what was wrong; call again */
	LSP_READ_EOF		/* nothing more will come */
} lsp_read;

void lsp_reader_init(lsp_reader *r, int fd, size_t max);
void lsp_reader_free(lsp_reader *r);
/* One read(2) of what is there (call when the descriptor is readable).
 * Returns false at end of file or on an error. */
bool lsp_reader_fill(lsp_reader *r);
/* The next message among the bytes already read. */
lsp_read lsp_reader_next(lsp_reader *r, const char **body, size_t *len,
			 const char **err);

/* Write one message; -1 (errno set) if the client has gone (EPIPE). */
int lsp_write(int fd, const char *body, size_t len);

#endif
