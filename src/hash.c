/*
 * hash.c - the hash tables (see hash.h): open addressing, linear probing,
 * at most half full.
 */
#include "hash.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ascii.h"
#include "bytes8.h"
#include "xalloc.h"

uint64_t hash_bytes(uint64_t seed, const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u ^ seed;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		h ^= b8_load(s + i);
		h *= 1099511628211u;
		h ^= h >> 32;
	}
	for (; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return h ^ (h >> 29);
}

/* hash_bytes of the key with its ASCII capitals in lower case: 0x20 added
 * to each byte from 'A' to 'Z', eight at a time. */
static uint64_t hash_bytes_nocase(uint64_t seed, const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u ^ seed;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x = b8_load(s + i);
		uint64_t caps = b8_in7(x & ~B8_HIGH, 'A', 'Z') & ~x;
		h ^= x | caps >> 2;
		h *= 1099511628211u;
		h ^= h >> 32;
	}
	for (; i < n; i++) {
		h ^= (unsigned char)ascii_lower(s[i]);
		h *= 1099511628211u;
	}
	return h ^ (h >> 29);
}

static uint32_t hash_key(const htab *t, const char *key, size_t len)
{
	return (uint32_t)(t->nocase ? hash_bytes_nocase(t->seed, key, len)
				    : hash_bytes(t->seed, key, len));
}

static bool same_nocase(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ascii_lower(a[i]) != ascii_lower(b[i]))
			return false;
	return true;
}

uint64_t hash_seed(const void *table, const void *slots)
{
	uint64_t x = (uint64_t)(uintptr_t)table ^
		     ((uint64_t)(uintptr_t)slots << 16) ^
		     (uint64_t)clock() ^ ((uint64_t)time(NULL) << 32);
	/* splitmix64's finaliser */
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
	return x ^ (x >> 31);
}

/* Move t's entries into a table of cap slots (a power of two). */
static void htab_resize(htab *t, size_t cap)
{
	htab_entry *slots = xcalloc(cap, sizeof *slots, "a hash table");
	if (!t->cap)
		t->seed = hash_seed(t, slots);
	for (size_t i = 0; i < t->cap; i++) {
		const htab_entry *e = &t->slots[i];
		if (!e->key)
			continue;
		size_t h = e->hash & (cap - 1);
		while (slots[h].key)
			h = (h + 1) & (cap - 1);
		slots[h] = *e;
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

static void htab_grow(htab *t)
{
	htab_resize(t, t->cap ? t->cap * 2 : 64);
}

void htab_reserve(htab *t, size_t n)
{
	if (!n)
		return;
	size_t cap = t->cap ? t->cap : 64;
	while (n * 2 > cap)	/* as htab_put grows it for n entries */
		cap *= 2;
	if (cap > t->cap)
		htab_resize(t, cap);
}

/* The slot of key, or the empty slot where it would go. */
static htab_entry *find(const htab *t, const char *key, size_t len,
			uint32_t hash)
{
	size_t mask = t->cap - 1;
	for (size_t h = hash & mask;; h = (h + 1) & mask) {
		htab_entry *e = &t->slots[h];
		if (!e->key || (e->hash == hash && e->len == len &&
				(t->nocase ? same_nocase(e->key, key, len)
					   : memcmp(e->key, key, len) == 0)))
			return e;
	}
}

htab_entry *htab_get(const htab *t, const char *key, size_t len)
{
	if (!t->cap)
		return NULL;
	htab_entry *e = find(t, key, len, hash_key(t, key, len));
	return e->key ? e : NULL;
}

htab_entry *htab_put(htab *t, const char *key, size_t len, bool *added)
{
	if ((t->n + 1) * 2 > t->cap)
		htab_grow(t);
	uint32_t hash = hash_key(t, key, len);
	htab_entry *e = find(t, key, len, hash);
	if (added)
		*added = !e->key;
	if (!e->key) {
		e->key = key;
		e->len = (uint32_t)len;
		e->hash = hash;
		e->val.p = NULL;
		t->n++;
	}
	return e;
}

void htab_free(htab *t)
{
	free(t->slots);
	memset(t, 0, sizeof *t);
}

/* ---- pointer sets ---- */

/* Pointers need no seed: the input does not choose them. */
static size_t hash_ptr(const void *p)
{
	uint64_t h = (uint64_t)(uintptr_t)p;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	return (size_t)h;
}

bool ptrset_has(const ptrset *s, const void *p)
{
	if (!s->cap || !p)
		return false;
	for (size_t h = hash_ptr(p) & (s->cap - 1); s->slots[h];
	     h = (h + 1) & (s->cap - 1))
		if (s->slots[h] == p)
			return true;
	return false;
}

static void ptrset_insert(const void **slots, size_t cap, const void *p)
{
	size_t h = hash_ptr(p) & (cap - 1);
	while (slots[h])
		h = (h + 1) & (cap - 1);
	slots[h] = p;
}

bool ptrset_add(ptrset *s, const void *p)
{
	if (!p || ptrset_has(s, p))
		return false;
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		const void **slots = xcalloc(cap, sizeof *slots, "a pointer set");
		for (size_t i = 0; i < s->cap; i++)
			if (s->slots[i])
				ptrset_insert(slots, cap, s->slots[i]);
		free(s->slots);
		s->slots = slots;
		s->cap = cap;
	}
	ptrset_insert(s->slots, s->cap, p);
	s->n++;
	return true;
}

void ptrset_free(ptrset *s)
{
	free(s->slots);
	memset(s, 0, sizeof *s);
}
