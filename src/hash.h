/*
 * hash.h - the hash tables: strings to values, and sets of pointers.
 *
 * One seeded open-addressing table serves the IDs of a document, the
 * declared acronyms and what the checks count by name.  Its seed changes
 * from run to run (hash_seed), so that input written to crowd one range
 * of slots (a quadratic flood of probes) cannot be written against it;
 * nothing reads a table in slot order, so no output depends on the seed.
 * Keys are not copied: they must outlive the table.
 */
#ifndef BRIEFC_HASH_H
#define BRIEFC_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The hash of n bytes from a table's seed: FNV-1a over eight bytes at a
 * time, for keys from abbreviations to whole paragraphs. */
uint64_t hash_bytes(uint64_t seed, const char *s, size_t n);

/*
 * A seed that varies between runs without global state: the addresses of
 * a table and of its first slots (which the loader and the allocator
 * randomise) and the clock, mixed.
 */
uint64_t hash_seed(const void *table, const void *slots);

typedef union htab_val {
	void *p;
	size_t n;
} htab_val;

typedef struct htab_entry {
	const char *key;	/* NULL: an empty slot */
	uint32_t len;		/* (keys come from a source: at most 64 MiB) */
	uint32_t hash;		/* of key, kept to grow and to compare fast */
	htab_val val;
} htab_entry;

/* Zero-initialised is empty. */
typedef struct htab {
	htab_entry *slots;
	size_t cap, n;
	uint64_t seed;		/* chosen when the table is first grown */
	bool nocase;		/* keys compare without ASCII letter case (set
				 * while empty): a document's IDs, where
				 * Smith2020 and smith2020 are one ID */
} htab;

/* The entry of key, or NULL. */
htab_entry *htab_get(const htab *t, const char *key, size_t len);
/* The entry of key, added with a zero value when absent (*added says
 * which, when added is not NULL). */
htab_entry *htab_put(htab *t, const char *key, size_t len, bool *added);
/* Room for n entries in all, made at once: a table grown entry by entry
 * holds its old slots and its new ones at once, half again its size. */
void htab_reserve(htab *t, size_t n);
void htab_free(htab *t);

/* A set of pointers (zero-initialised is empty). */
typedef struct ptrset {
	const void **slots;
	size_t cap, n;
} ptrset;

/* Whether p was not in the set yet (NULL is never added). */
bool ptrset_add(ptrset *s, const void *p);
bool ptrset_has(const ptrset *s, const void *p);
void ptrset_free(ptrset *s);

#endif
