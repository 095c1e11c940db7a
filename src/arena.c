/*
 * arena.c - bump allocator in geometrically growing chunks.
 */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 8
#define ARENA_MIN_CHUNK (64 * 1024)

struct arena_chunk {
	arena_chunk *next;
	size_t size;
	size_t used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void arena_free(arena *a)
{
	arena_chunk *c = a->head;
	while (c) {
		arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}

static arena_chunk *chunk_new(size_t want, size_t prev)
{
	size_t size = prev ? prev * 2 : ARENA_MIN_CHUNK;
	if (size > 64u * 1024 * 1024)
		size = 64u * 1024 * 1024;
	if (size < want)
		size = want;
	/* Zeroed once here (fresh pages from the system are zero already):
	 * allocations come zeroed without a memset each. */
	arena_chunk *c = calloc(1, sizeof *c + size);
	if (!c) {
		fputs("briefc: out of memory\n", stderr);
		abort();
	}
	c->size = size;
	c->used = 0;
	return c;
}

void *arena_alloc(arena *a, size_t size)
{
	if (size == 0)
		size = 1;
	if (size > SIZE_MAX - ARENA_ALIGN) {
		fputs("briefc: allocation too large\n", stderr);
		abort();
	}
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	arena_chunk *c = a->head;
	if (!c || c->size - c->used < size) {
		arena_chunk *n = chunk_new(size, c ? c->size : 0);
		n->next = a->head;
		a->head = n;
		c = n;
	}
	void *p = c->data + c->used;
	c->used += size;
	a->total += size;
	return p;
}

void *arena_realloc(arena *a, void *old, size_t oldsize, size_t newsize)
{
	if (newsize <= oldsize)
		return old;
	void *p = arena_alloc(a, newsize);
	if (old && oldsize)
		memcpy(p, old, oldsize);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}
