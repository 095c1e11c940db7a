/*
 * xalloc.c - heap allocation that reports what failed (see xalloc.h).
 */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void xalloc_die(size_t size, const char *what)
{
	if (size == SIZE_MAX)
		fprintf(stderr, "briefc: out of memory: %s would need more bytes "
			"than can be counted\n", what);
	else
		fprintf(stderr, "briefc: out of memory: %zu bytes for %s\n", size,
			what);
	abort();
}

void *xmalloc(size_t size, const char *what)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		xalloc_die(size, what);
	return p;
}

void *xcalloc(size_t n, size_t size, const char *what)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		xalloc_die(n && size > SIZE_MAX / n ? SIZE_MAX : n * size, what);
	return p;
}

void *xrealloc(void *p, size_t size, const char *what)
{
	void *q = realloc(p, size ? size : 1);
	if (!q)
		xalloc_die(size, what);
	return q;
}

void *xreallocarray(void *p, size_t n, size_t size, const char *what)
{
	if (size && n > SIZE_MAX / size)
		xalloc_die(SIZE_MAX, what);
	return xrealloc(p, n * size, what);
}

char *xstrdup(const char *s, const char *what)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n, what), s, n);
}

void *xgrow_slow(void *p, size_t *cap, size_t n, size_t size, const char *what)
{
	size_t c = *cap ? *cap : 16;
	while (c <= n) {
		if (c > SIZE_MAX / 2)
			xalloc_die(SIZE_MAX, what);
		c *= 2;
	}
	p = xreallocarray(p, c, size, what);
	*cap = c;
	return p;
}
