/*
 * buf.c - growable byte string.
 */
#include "buf.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

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
	if (need < b->len)
		xalloc_die(SIZE_MAX, "a text buffer");
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
	b->data = xrealloc(b->data, cap, "a text buffer");
	b->cap = cap;
}

/* buf_put when it must grow (or has nothing yet: a buffer written
 * nothing still holds ""). */
void buf_put_slow(buf *b, const char *s, size_t n)
{
	if (n == 0) {
		if (!b->data)
			buf_grow(b, 0);
		return;
	}
	if (n >= b->cap - b->len)
		buf_grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_putc(buf *b, char c)
{
	buf_putc_fast(b, c);
}

/* v in decimal, at the end of d[24]; returns where it starts. */
static char *decimal(char d[24], bool neg, unsigned long long v)
{
	char *p = d + 24;
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (neg)
		*--p = '-';
	return p;
}

static char *signed_decimal(char d[24], long long v)
{
	return decimal(d, v < 0, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
}

/*
 * Format fmt into t (room bytes) if it uses only %s, %d, %u, %ld, %lu,
 * %zu and %%, without flags, width or precision, and fits; returns the
 * length, or -1.  These are the conversions the backends use for tags
 * and labels ("</%s>", "level%d"), and vsnprintf costs hundreds of
 * instructions a call: a tenth of writing HTML.
 */
static int simple_format(char *t, size_t room, const char *fmt, va_list ap)
{
	size_t o = 0;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			if (o + 1 >= room)
				return -1;
			t[o++] = *p;
			continue;
		}
		char d[24];
		const char *s;
		size_t n;
		switch (*++p) {
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			n = strlen(s);
			break;
		case '%':
			s = "%";
			n = 1;
			break;
		case 'd':
			s = signed_decimal(d, va_arg(ap, int));
			n = (size_t)(d + 24 - s);
			break;
		case 'u':
			s = decimal(d, false, va_arg(ap, unsigned));
			n = (size_t)(d + 24 - s);
			break;
		case 'l':
			if (p[1] == 'd')
				s = signed_decimal(d, va_arg(ap, long));
			else if (p[1] == 'u')
				s = decimal(d, false, va_arg(ap, unsigned long));
			else
				return -1;
			p++;
			n = (size_t)(d + 24 - s);
			break;
		case 'z':
			if (p[1] != 'u')
				return -1;
			p++;
			s = decimal(d, false, va_arg(ap, size_t));
			n = (size_t)(d + 24 - s);
			break;
		default:
			return -1;
		}
		if (o + n >= room)
			return -1;
		memcpy(t + o, s, n);
		o += n;
	}
	return (int)o;
}

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	char t[512];
	va_list ap2;
	va_copy(ap2, ap);
	int n = simple_format(t, sizeof t, fmt, ap2);
	va_end(ap2);
	if (n >= 0) {
		buf_put(b, t, (size_t)n);
		return;
	}
	va_copy(ap2, ap);
	/* Format once into the room there is; again only when it was short. */
	if (b->cap - b->len < 64)
		buf_grow(b, 64);
	size_t room = b->cap - b->len;
	n = vsnprintf(b->data + b->len, room, fmt, ap);
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

void buf_put_base64(buf *b, const char *s, size_t n)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *u = (const unsigned char *)s;
	if (!b->data || (n + 2) / 3 * 4 >= b->cap - b->len)
		buf_grow(b, (n + 2) / 3 * 4);
	b->data[b->len] = '\0';	/* nothing to write: still a string */
	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)u[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)u[i + 1] << 8;
		if (i + 2 < n)
			v |= u[i + 2];
		char q[4] = {digits[v >> 18 & 63], digits[v >> 12 & 63],
			     i + 1 < n ? digits[v >> 6 & 63] : '=',
			     i + 2 < n ? digits[v & 63] : '='};
		buf_put(b, q, 4);
	}
}

void buf_put_ulong(buf *b, unsigned long v)
{
	char d[24];
	size_t k = sizeof d;
	do {
		d[--k] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_put(b, d + k, sizeof d - k);
}
