/*
 * acronym.h - the declared acronyms, and the one scanner that finds them
 * (and words shaped like one) in prose.
 *
 * The acronym checks (check_acronyms.c) and the renderer's marks and
 * first-use expansions (render.c) both run acronym_scan over the flat
 * text of prose.h, which is also where a word's bounds are decided, so
 * a use a check counts is a use every output marks, and a use the
 * outputs mark is one the checks count.
 *
 * Where a declared acronym is spelled out (its first use in running text)
 * also depends on how a use reads where it stands (acronym_context): the
 * renderer spells out the first use that reads well so, and the first use
 * when none does (contract 11.8).
 *
 * A use is a word that is a declared abbreviation, or one followed by a
 * plural 's' (NGOs); a word shaped like an acronym is one of capital
 * letters and digits with at least two capitals (and such a word with a
 * plural 's'), but not a Roman numeral of I, V and X nor a placeholder
 * (TODO, TBD, TBC, FIXME).  Words in code spans, URLs and references are
 * not prose.  One hash look-up per word, and most words need none (their
 * first byte or length rules them out): linear in the prose however many
 * acronyms are declared.
 */
#ifndef BRIEFC_ACRONYM_H
#define BRIEFC_ACRONYM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "hash.h"
#include "prose.h"

typedef struct acronym_table {
	htab keys;		/* abbreviation -> index into decl */
	const ast_node **decl;	/* the first declaration of each (AST_ACRONYM) */
	size_t n;
	const ast_node **dups;	/* later declarations of a taken abbreviation */
	size_t ndups;
	bool shapes;		/* the scan reports undeclared acronym shapes */
	bool first[256];	/* the first bytes of the abbreviations */
	bool start[256];	/* ... and, with shapes, capitals and digits; and
				 * the final NUL: where a word worth looking at
				 * starts */
	uint64_t lens;		/* bit k: an abbreviation of k bytes (63: or
				 * more), so most words need no look-up */
	bool capitals;		/* every abbreviation starts with a capital */
	bool lower;		/* an abbreviation has a lower-case ASCII letter */
} acronym_table;

/* The acronyms d declares (d->acronyms), first declaration first; with
 * shapes, the scan also reports words shaped like acronyms. */
void acronym_table_init(acronym_table *t, const ast_doc *d, bool shapes);
void acronym_table_free(acronym_table *t);

#define ACRONYM_UNDECLARED SIZE_MAX

/*
 * One use found: flat bytes [a, b) are the word, [a, a + len) the
 * acronym in it (a plural 's' is not part of it); index is the declared
 * acronym's in t->decl, or ACRONYM_UNDECLARED for a word only shaped
 * like one.
 */
typedef void acronym_fn(prose *p, size_t a, size_t b, size_t len,
			size_t index, void *ctx);

/* The index of the declared acronym s[0, n) is, or ACRONYM_UNDECLARED. */
size_t acronym_find(const acronym_table *t, const char *s, size_t n);

/*
 * Whether text s (n bytes, part of some prose) may hold a use of a
 * declared acronym: a quick look at its ASCII words, true for every text
 * in which acronym_scan of the prose would find one (and for some in
 * which it would not), so a reader can skip the flattening and the scan
 * of prose with no use.
 */
bool acronym_maybe(const acronym_table *t, const char *s, size_t n);

/* Call fn for every use in p (finished: prose_finish), in order. */
void acronym_scan(prose *p, const acronym_table *t, acronym_fn *fn, void *ctx);

/* Capitals and digits, at least two capitals; not an I/V/X numeral nor a
 * placeholder word. */
bool acronym_shape(const char *s, size_t n);

/*
 * How the use at flat bytes [a, b) (acronym [a, a + len)) of p reads
 * where it stands.  A use spelled out as "Expansion (ABBR)" reads badly
 * when it is a plural (NGOs), part of a compound (US-ROK, with a hyphen
 * or an en dash), a possessive (NIST's, NIST’s), or between two
 * capitalized words, inside a name (the National AI Strategy); the
 * author wrote the expansion already when the use stands in parentheses
 * ("Republic of Korea (ROK)").
 */
enum {
	ACRONYM_PLURAL = 1,
	ACRONYM_JOINED = 2,
	ACRONYM_POSSESSIVE = 4,
	ACRONYM_IN_NAME = 8,
	ACRONYM_WRITTEN = 16
};
unsigned acronym_context(const prose *p, size_t a, size_t b, size_t len);

/* Whether a use in that context reads well spelled out (or was). */
static inline bool acronym_reads_well(unsigned context)
{
	return !(context & (ACRONYM_PLURAL | ACRONYM_JOINED | ACRONYM_POSSESSIVE |
			    ACRONYM_IN_NAME));
}

/*
 * The uses of declared acronyms the checks found, kept for the renderer
 * (render_text.c), which would otherwise flatten and scan the same prose
 * again: for each holder the checks' walk scanned (a heading, a
 * paragraph, a table cell, a field's inlines) that has a use, its uses
 * in order, each within one text piece (a line of a text node, as
 * ast_text_next gives it; a use across two pieces is not kept, as the
 * renderer cannot mark it; nor is a holder's with a use too long for
 * these fields: the renderer scans that holder itself).  16 bytes a use:
 * a brief of 64 MB has a few hundred thousand.
 */
typedef struct acronym_use {
	const char *piece;	/* the text piece it lies in */
	uint32_t at;		/* the acronym: piece bytes [at, at + len) */
	uint16_t len;		/* (which acronym it is, is the renderer's
				 * table's to say: a library's unused ones are
				 * dropped after the checks) */
	uint8_t plural;		/* bytes of the word after the acronym: its 's' */
	uint8_t context;	/* acronym_context */
} acronym_use;

/* A holder's uses, in one block of the document's side arena: written
 * once, exactly sized, never moved. */
typedef struct acronym_holder {
	const ast_node *holder;
	size_t n;
	acronym_use v[];
} acronym_holder;

typedef struct acronym_uses {
	arena *arena;		/* where the holders' blocks go */
	acronym_holder **h;	/* the holders, by address once finished */
	size_t nh, caph;
	acronym_use *tmp;	/* the scan under way: its uses so far, */
	size_t ntmp, captmp;
	const ast_node *holder;	/* its holder, */
	size_t piece;		/* the piece the last use was in, */
	size_t line;		/* where in it that use's line starts, */
	bool lost;		/* and whether a use did not fit these fields */
} acronym_uses;

/* Note p's declared uses as acronym_scan finds them (an acronym_fn; ctx:
 * the acronym_uses, zeroed but for its arena), p->node being the holder;
 * acronym_uses_end after each scan, acronym_uses_finish after the last. */
void acronym_uses_note(prose *p, size_t a, size_t b, size_t len, size_t index,
		       void *ctx);
void acronym_uses_end(acronym_uses *u);
void acronym_uses_finish(acronym_uses *u);
/* The uses in holder (n of them), or NULL when none were kept. */
const acronym_use *acronym_uses_of(const acronym_uses *u, const ast_node *holder,
				   size_t *n);
void acronym_uses_free(acronym_uses *u);

#endif
