/*
 * buf.c - growable byte string.
 */
#include "buf.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_free(buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_clear(buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* Hand out the lines before the last newline of a streamed buffer. */
static void stream_lines(buf *b)
{
	size_t k = b->len;
	while (k > 0 && b->data[k - 1] != '\n')
		k--;
	if (k < 2)
		return;
	k--;	/* the newline stays */
	b->sink->write(b->sink->ctx, b->data, k);
	memmove(b->data, b->data + k, b->len - k + 1);
	b->len -= k;
}

void buf_grow(buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need < b->len) {
		fputs("briefc: output too large\n", stderr);
		abort();
	}
	if (need <= b->cap)
		return;
	if (b->sink && b->len >= BUF_STREAM_AT) {
		stream_lines(b);
		need = b->len + extra + 1;
		if (need <= b->cap)
			return;
	}
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap + cap / 2 + 64;
	char *p = realloc(b->data, cap);
	if (!p) {
		fputs("briefc: out of memory\n", stderr);
		abort();
	}
	b->data = p;
	b->cap = cap;
}

void buf_put(buf *b, const char *s, size_t n)
{
	if (n == 0) {
		if (!b->data)
			buf_grow(b, 0);
		return;
	}
	buf_grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
	buf_putc_fast(b, c);
}

/*
 * Whether fmt uses only %s, %d, %u, %ld, %lu, %zu and %%, with no flags,
 * width or precision: the conversions the backends use for tags and
 * labels, which buf_vprintf writes itself (vsnprintf costs hundreds of
 * instructions a call, a tenth of writing HTML).
 */
static bool simple_format(const char *fmt)
{
	for (const char *p = fmt; (p = strchr(p, '%')) != NULL;) {
		p++;
		if (*p == 's' || *p == 'd' || *p == 'u' || *p == '%') {
			p++;
			continue;
		}
		if ((p[0] == 'l' && (p[1] == 'd' || p[1] == 'u')) ||
		    (p[0] == 'z' && p[1] == 'u')) {
			p += 2;
			continue;
		}
		return false;
	}
	return true;
}

static void put_decimal(buf *b, bool neg, unsigned long long v)
{
	char d[24];
	size_t k = sizeof d;
	do
		d[--k] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (neg)
		d[--k] = '-';
	buf_put(b, d + k, sizeof d - k);
}

static void put_signed(buf *b, long long v)
{
	put_decimal(b, v < 0, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
}

static void simple_printf(buf *b, const char *fmt, va_list ap)
{
	const char *p = fmt;
	for (;;) {
		const char *q = strchr(p, '%');
		if (!q) {
			buf_puts(b, p);
			return;
		}
		buf_put(b, p, (size_t)(q - p));
		q++;
		switch (*q) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			buf_puts(b, s ? s : "(null)");
			break;
		}
		case 'd':
			put_signed(b, va_arg(ap, int));
			break;
		case 'u':
			put_decimal(b, false, va_arg(ap, unsigned));
			break;
		case '%':
			buf_putc(b, '%');
			break;
		case 'l':
			q++;
			if (*q == 'd')
				put_signed(b, va_arg(ap, long));
			else
				put_decimal(b, false, va_arg(ap, unsigned long));
			break;
		default:	/* 'z', then 'u' (simple_format) */
			q++;
			put_decimal(b, false, va_arg(ap, size_t));
			break;
		}
		p = q + 1;
	}
}

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	if (simple_format(fmt)) {
		simple_printf(b, fmt, ap);
		if (!b->data)
			buf_grow(b, 0);
		return;
	}
	va_list ap2;
	va_copy(ap2, ap);
	/* Format once into the room there is; again only when it was short. */
	if (b->cap - b->len < 64)
		buf_grow(b, 64);
	size_t room = b->cap - b->len;
	int n = vsnprintf(b->data + b->len, room, fmt, ap);
	if (n > 0 && (size_t)n >= room) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
	}
	if (n > 0)
		b->len += (size_t)n;
	else
		b->data[b->len] = '\0';
	va_end(ap2);
}

void buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void buf_sink_flush(buf *b)
{
	if (b->sink && b->len)
		b->sink->write(b->sink->ctx, b->data, b->len);
	buf_clear(b);
}

char *buf_detach(buf *b)
{
	if (!b->data)
		buf_grow(b, 0);
	char *p = b->data;
	p[b->len] = '\0';
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}
