/*
 * lsp_io.c - Content-Length framing: the reader that survives any input,
 * and the writer (lsp_io.h).
 */
#include "lsp_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

/* Bytes asked of each read(2): a pipe holds 64 KiB. */
enum { READ_CHUNK = 65536 };

static const char content_length[] = "content-length:";

void lsp_reader_init(lsp_reader *r, int fd, size_t max)
{
	memset(r, 0, sizeof *r);
	r->fd = fd;
	r->max = max;
}

void lsp_reader_free(lsp_reader *r)
{
	free(r->buf);
	memset(r, 0, sizeof *r);
}

/* Move what is left to the front; give back a buffer a large message
 * grew once it is empty. */
static void compact(lsp_reader *r)
{
	if (r->pos == 0)
		return;
	memmove(r->buf, r->buf + r->pos, r->len - r->pos);
	r->len -= r->pos;
	r->pos = 0;
	if (r->len == 0 && r->cap > 4 * READ_CHUNK) {
		free(r->buf);
		r->buf = NULL;
		r->cap = 0;
	}
}

bool lsp_reader_fill(lsp_reader *r)
{
	if (r->eof)
		return false;
	if (r->cap - r->len < READ_CHUNK)
		compact(r);
	if (r->cap - r->len < READ_CHUNK) {
		size_t cap = r->cap ? 2 * r->cap : 2 * READ_CHUNK;
		while (cap - r->len < READ_CHUNK)
			cap *= 2;
		char *p = realloc(r->buf, cap);
		if (!p) {
			fputs("briefc: out of memory\n", stderr);
			abort();
		}
		r->buf = p;
		r->cap = cap;
	}
	for (;;) {
		ssize_t got = read(r->fd, r->buf + r->len, r->cap - r->len);
		if (got > 0) {
			r->len += (size_t)got;
			return true;
		}
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0 && errno == EAGAIN)
			return true;
		r->eof = true;
		return false;
	}
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Where `content-length:` starts in p[0, n), in any case, or n. */
static size_t find_length_header(const char *p, size_t n)
{
	size_t k = sizeof content_length - 1;
	for (size_t i = 0; i + k <= n; i++) {
		if (lower((unsigned char)p[i]) != 'c')
			continue;
		size_t j = 1;
		while (j < k && lower((unsigned char)p[i + j]) == content_length[j])
			j++;
		if (j == k)
			return i;
	}
	return n;
}

/* The end of the header block in p[0, n): the offset after its blank
 * line ("\r\n\r\n", or "\n\n" from a lax client), or 0 if not there. */
static size_t header_end(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] != '\n')
			continue;
		if (i + 1 < n && p[i + 1] == '\n')
			return i + 2;
		if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

typedef struct header {
	bool has_length;
	size_t length;
	size_t bad_line;	/* offset of a malformed line, or SIZE_MAX */
	const char *why;
} header;

static void parse_header(const char *p, size_t n, header *h)
{
	memset(h, 0, sizeof *h);
	h->bad_line = (size_t)-1;
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(p + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - p) : n, next = nl ? e + 1 : n;
		if (e > i && p[e - 1] == '\r')
			e--;
		if (e == i) {	/* the blank line */
			i = next;
			continue;
		}
		const char *colon = memchr(p + i, ':', e - i);
		if (!colon || colon == p + i) {
			h->bad_line = i;
			h->why = "malformed header line: expected 'Name: value'";
			return;
		}
		size_t k = (size_t)(colon - (p + i));
		if (k == sizeof content_length - 2 &&
		    find_length_header(p + i, k + 1) == 0) {
			size_t v = (size_t)(colon - p) + 1, len = 0;
			while (v < e && (p[v] == ' ' || p[v] == '\t'))
				v++;
			size_t digits = 0;
			for (; v < e && p[v] >= '0' && p[v] <= '9'; v++, digits++) {
				if (len > ((size_t)-1 - 9) / 10) {
					h->bad_line = i;
					h->why = "Content-Length is too large";
					return;
				}
				len = len * 10 + (size_t)(p[v] - '0');
			}
			while (v < e && (p[v] == ' ' || p[v] == '\t'))
				v++;
			if (!digits || v != e) {
				h->bad_line = i;
				h->why = "Content-Length is not a number";
				return;
			}
			h->has_length = true;
			h->length = len;
		}
		/* Content-Type and anything else: the body is UTF-8 JSON
		 * whatever it says, as in every client. */
		i = next;
	}
}

lsp_read lsp_reader_next(lsp_reader *r, const char **body, size_t *len,
			 const char **err)
{
	for (;;) {
		size_t avail = r->len - r->pos;
		if (r->skip) {
			size_t k = r->skip < avail ? r->skip : avail;
			r->pos += k;
			r->skip -= k;
			if (r->skip)
				return r->eof ? LSP_READ_EOF : LSP_READ_MORE;
			continue;
		}
		if (r->resync) {
			size_t at = find_length_header(r->buf + r->pos, avail);
			if (at == avail) {
				/* keep what may be the start of the header */
				size_t keep = sizeof content_length - 2;
				if (avail > keep)
					r->pos = r->len - keep;
				if (r->eof)
					return LSP_READ_EOF;
				return LSP_READ_MORE;
			}
			r->pos += at;
			r->resync = false;
			continue;
		}
		/* Stray line breaks between messages are harmless. */
		while (r->pos < r->len && (r->buf[r->pos] == '\r' || r->buf[r->pos] == '\n'))
			r->pos++;
		avail = r->len - r->pos;
		if (!avail)
			return r->eof ? LSP_READ_EOF : LSP_READ_MORE;
		const char *p = r->buf + r->pos;
		size_t look = avail < LSP_MAX_HEADER ? avail : LSP_MAX_HEADER;
		size_t hend = header_end(p, look);
		if (!hend) {
			if (avail >= LSP_MAX_HEADER) {
				*err = "message header too long or not ended by a blank line";
				r->pos++;
				r->resync = true;
				return LSP_READ_ERROR;
			}
			if (r->eof) {
				*err = "input ended inside a message header";
				r->pos = r->len;
				return LSP_READ_ERROR;
			}
			return LSP_READ_MORE;
		}
		header h;
		parse_header(p, hend, &h);
		if (h.bad_line != (size_t)-1) {
			*err = h.why;
			r->pos += h.bad_line + 1;
			r->resync = true;
			return LSP_READ_ERROR;
		}
		if (!h.has_length) {
			*err = "message header has no Content-Length";
			r->pos += hend;
			r->resync = true;
			return LSP_READ_ERROR;
		}
		if (h.length > r->max) {
			*err = "message longer than the limit (see docs/lsp.md): skipped";
			r->pos += hend;
			r->skip = h.length;
			return LSP_READ_ERROR;
		}
		if (avail - hend < h.length) {
			if (r->eof) {
				*err = "input ended inside a message";
				r->pos = r->len;
				return LSP_READ_ERROR;
			}
			return LSP_READ_MORE;
		}
		*body = p + hend;
		*len = h.length;
		r->pos += hend + h.length;
		return LSP_READ_MESSAGE;
	}
}

int lsp_write(int fd, const char *body, size_t len)
{
	char head[64];
	int hn = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
	struct iovec iov[2] = {{head, (size_t)hn}, {(void *)body, len}};
	int i = 0;
	while (i < 2) {
		ssize_t w = writev(fd, iov + i, 2 - i);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		size_t k = (size_t)w;
		while (i < 2 && k >= iov[i].iov_len) {
			k -= iov[i].iov_len;
			i++;
		}
		if (i < 2) {
			iov[i].iov_base = (char *)iov[i].iov_base + k;
			iov[i].iov_len -= k;
		}
	}
	return 0;
}
