/*
 * arena.c - bump allocator in geometrically growing chunks.
 */
#define _DEFAULT_SOURCE		/* MAP_ANONYMOUS, madvise */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef __wasi__		/* WASI has no mmap: chunks are malloc'd */
#include <sys/mman.h>
#endif

#include "xalloc.h"

/* Nothing in a tree needs more (no long double), and 16 cost a tenth more
 * memory on the short strings. */
#define ARENA_ALIGN 8
_Static_assert(ARENA_ALIGN == 8, "arena_alloc (arena.h) rounds to 8");
#define ARENA_MIN_CHUNK (64 * 1024)
/* Chunks from this size are mapped on 2 MiB boundaries and marked for
 * huge pages: a large brief's tree is tens of megabytes, and faulting it
 * in 4 KiB at a time cost a tenth of `check` in the kernel. */
#define ARENA_HUGE ((size_t)2 << 20)

struct arena_chunk {
	arena_chunk *next;
	size_t size;
	size_t mapped;		/* bytes mapped with mmap, or 0: malloc'd */
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

/* A zeroed chunk of at least bytes, huge-page aligned; NULL if the
 * system will not map it (the caller falls back to calloc). */
static arena_chunk *chunk_map(size_t bytes)
{
#if defined(MAP_ANONYMOUS) && defined(MADV_HUGEPAGE)
	size_t len = (bytes + ARENA_HUGE - 1) & ~(ARENA_HUGE - 1);
	unsigned char *p = mmap(NULL, len + ARENA_HUGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	uintptr_t a = ((uintptr_t)p + ARENA_HUGE - 1) & ~(uintptr_t)(ARENA_HUGE - 1);
	unsigned char *q = (unsigned char *)a;
	if (q > p)
		munmap(p, (size_t)(q - p));
	if (q + len < p + len + ARENA_HUGE)
		munmap(q + len, (size_t)(p + len + ARENA_HUGE - (q + len)));
	madvise(q, len, MADV_HUGEPAGE);
	arena_chunk *c = (arena_chunk *)q;
	c->mapped = len;
	return c;
#else
	(void)bytes;
	return NULL;
#endif
}

static void chunk_free(arena_chunk *c)
{
#if defined(MAP_ANONYMOUS) && defined(MADV_HUGEPAGE)
	if (c->mapped) {
		munmap(c, c->mapped);
		return;
	}
#endif
	free(c);
}

void arena_init(arena *a)
{
	a->head = NULL;
	a->cur = a->end = NULL;
}

void arena_free(arena *a)
{
	arena_chunk *c = a->head;
	while (c) {
		arena_chunk *next = c->next;
		chunk_free(c);
		c = next;
	}
	a->head = NULL;
	a->cur = a->end = NULL;
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
	arena_chunk *c = size >= ARENA_HUGE ? chunk_map(sizeof *c + size) : NULL;
	if (!c)
		c = calloc(1, sizeof *c + size);
	if (!c)
		xalloc_die(sizeof *c + size, "the document tree");
	c->size = size;
	return c;
}

/* Allocations go on from a new chunk n (what the old one had left is
 * lost: at most the size of the allocation that did not fit). */
static void chunk_push(arena *a, arena_chunk *n)
{
	n->next = a->head;
	a->head = n;
	a->cur = n->data;
	a->end = n->data + n->size;
}

void arena_reserve(arena *a, size_t bytes)
{
	if ((size_t)(a->end - a->cur) >= bytes)
		return;
	chunk_push(a, chunk_new(bytes, 0));
}

void *arena_alloc_slow(arena *a, size_t size)
{
	if (size == 0)
		size = 1;
	if (size > SIZE_MAX - ARENA_ALIGN)
		xalloc_die(SIZE_MAX, "the document tree");
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if ((size_t)(a->end - a->cur) < size)
		chunk_push(a, chunk_new(size, a->head ? a->head->size : 0));
	void *p = a->cur;
	a->cur += size;
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
