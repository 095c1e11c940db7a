/*
 * xalloc.h - heap allocation that never returns NULL.
 *
 * When memory runs out the process says what it was allocating and how
 * much ("briefc: out of memory: 1048576 bytes for the line table") and
 * aborts: no phase of briefc can go on without the memory it asked for,
 * and a NULL tested at every call would be tested wrong at one.  `what`
 * names the thing in words a user can report.
 */
#ifndef BRIEFC_XALLOC_H
#define BRIEFC_XALLOC_H

#include <stddef.h>

/* Report that size bytes for what could not be had, and abort. */
_Noreturn void xalloc_die(size_t size, const char *what);

void *xmalloc(size_t size, const char *what);
/* Zeroed; n == 0 is one element (never NULL). */
void *xcalloc(size_t n, size_t size, const char *what);
void *xrealloc(void *p, size_t size, const char *what);
/* n elements of size bytes each, the product checked for overflow. */
void *xreallocarray(void *p, size_t n, size_t size, const char *what);
char *xstrdup(const char *s, const char *what);

void *xgrow_slow(void *p, size_t *cap, size_t n, size_t size, const char *what);

/*
 * Room for element n of an array p of elements of size bytes, of which
 * *cap fit: when n == *cap the room doubles (from 16).  The usual push:
 *
 *	v->items = xgrow(v->items, &v->cap, v->n, sizeof *v->items, "...");
 *	v->items[v->n++] = x;
 */
static inline void *xgrow(void *p, size_t *cap, size_t n, size_t size,
			  const char *what)
{
	return n < *cap ? p : xgrow_slow(p, cap, n, size, what);
}

#endif
