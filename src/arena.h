/*
 * arena.h - one allocation region per document.
 *
 * Every node, string and table of a document lives in its arena and is
 * released by one arena_free() call.  Allocation never fails silently:
 * on exhaustion the process reports and aborts (see arena.c).
 */
#ifndef BRIEFC_ARENA_H
#define BRIEFC_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
	arena_chunk *head;
	size_t total;		/* bytes handed out, for statistics */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);

/* Make room for about bytes more at once: one large chunk rather than a
 * series of doubling ones, each with a partly used last huge page.  What
 * is never used is never touched, so never resident. */
void arena_reserve(arena *a, size_t bytes);
/* Zeroed, aligned to 8 bytes (the tree holds no wider type). */
void *arena_alloc(arena *a, size_t size);
/* Grow a previous allocation (copying); old memory stays owned by the arena. */
void *arena_realloc(arena *a, void *old, size_t oldsize, size_t newsize);
/* NUL-terminated copy of len bytes. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_printf(arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
