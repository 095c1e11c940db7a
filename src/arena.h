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
	arena_chunk *head;	/* the chunk allocations come from, and older */
	unsigned char *cur, *end;	/* its free room */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);

/* Make room for about bytes more at once: one large chunk rather than a
 * series of doubling ones, each with a partly used last huge page.  What
 * is never used is never touched, so never resident. */
void arena_reserve(arena *a, size_t bytes);
void *arena_alloc_slow(arena *a, size_t size);

/* Zeroed, aligned to 8 bytes (the tree holds no wider type).  Inline: a
 * node is allocated for every few bytes of a brief. */
static inline void *arena_alloc(arena *a, size_t size)
{
	size_t room = (size_t)(a->end - a->cur);
	if (size - 1 < room) {	/* 0 < size <= room: no overflow below */
		size_t r = (size + 7) & ~(size_t)7;
		if (r <= room) {
			void *p = a->cur;
			a->cur += r;
			return p;
		}
	}
	return arena_alloc_slow(a, size);
}
/* Grow a previous allocation (copying); old memory stays owned by the arena. */
void *arena_realloc(arena *a, void *old, size_t oldsize, size_t newsize);
/* NUL-terminated copy of len bytes. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_printf(arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
