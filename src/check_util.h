/*
 * check_util.h - what the check_*.c files share (not a public interface).
 *
 * The walk (check_walk.c) hands each piece of prose (a heading, a
 * paragraph, a field value), flattened once (prose.h), to every scanner
 * that wants it; check_util.c says what a diagnostic names and where it
 * points.
 */
#ifndef BRIEFC_CHECK_UTIL_H
#define BRIEFC_CHECK_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "hash.h"
#include "prose.h"

/* ---- the walk over the prose (check_walk.c) ---- */

/* Where a piece of prose is (prose.where). */
enum {
	CW_HEADING = 1,
	CW_PARAGRAPH = 2,	/* a paragraph anywhere: body, list, quote, block */
	CW_INLINE_FIELD = 4,	/* an inline-text field value (claim, action, title) */
	CW_TEXT_FIELD = 8,	/* a plain-text field value (actor, publisher, alt) */
	CW_FRONT = 16,		/* in the front matter */
	CW_EVIDENCE = 32,	/* inside an evidence block */
	CW_CELL = 64,		/* a cell of a table */
	CW_NOTE = 128,		/* a paragraph of a note ([^label]: ...) */
	CW_NAMES = 256		/* a list of names (authors): not prose, but
				 * it may hold a placeholder */
};

typedef void check_prose_fn(prose *p, void *ctx);

/* One scanner of a prose walk: called for the pieces whose `where` has a
 * bit of want and none of skip. */
typedef struct check_prose_use {
	unsigned want, skip;
	check_prose_fn *fn;
	void *ctx;
} check_prose_use;

/*
 * Call the scanners, in document order, for every piece of prose, each
 * piece flattened once for all of them (in the order of uses).  The front
 * matter comes first; a block's fields come before its body.
 */
void check_prose_walk_all(ast_doc *d, const check_prose_use *uses,
			  size_t nuses);
/* The walk for one scanner. */
void check_prose_walk(ast_doc *d, unsigned want, unsigned skip,
		      check_prose_fn *fn, void *ctx);

/* ---- the acronym checks as one scanner (check_acronyms.c) ---- */

enum {
	CHECK_ACR_UNDEFINED = 1,
	CHECK_ACR_UNUSED = 2,
	CHECK_ACR_MISMATCH = 4
};

typedef struct check_acr check_acr;

/* Set up the checks asked for; *use is their scanner, for a prose walk. */
check_acr *check_acr_begin(ast_doc *d, unsigned which, check_prose_use *use);
/* After the walk: report what only the whole prose shows, and free. */
void check_acr_finish(check_acr *a);

/* ---- one mistake, one diagnostic (check.c) ---- */

/*
 * What the chain checks leave alone because another diagnostic already
 * explains it (check.c says what): d->excused, findings and
 * recommendations whose support is unknown; d->meant, the evidence and
 * findings that misspelt IDs meant.  Made once.
 */
void check_excused(ast_doc *d);

/* ---- names, locations, report order (check_util.c) ---- */

/* What an ID may hold (ast_id_valid), for messages. */
#define CHECK_ID_RULE "letters, digits and '_', then also '-', '.' and ':'; " \
	"not ending in '.' or ':'"

/*
 * Give diagnostics [from, n) of dl the report order they would have had
 * if the check of each code had run alone, the checks in the order of
 * their codes: one walk then serves several checks, and the output does
 * not change.
 */
void check_reseq(diag_list *dl, size_t from);

/*
 * Whether n can be named: a block whose ID was already taken
 * (duplicate-id), is malformed (bad-value) or is missing (a syntax
 * error) cannot, so the checks that name it leave it alone: one
 * problem, one diagnostic.
 */
bool check_nameable(const ast_doc *d, const ast_node *n);

/* "finding 'x'", or "finding" when the block has no ID (arena string). */
const char *check_block_title(ast_doc *d, const ast_node *b);

/* Where a node's ID is written (or the node itself when it has none). */
span check_id_span(const ast_node *n);
/* The first line of a span (a caret under one line reads best). */
span check_first_line(const ast_doc *d, span s);
/* The source span of value bytes [a, b) of a field. */
span check_field_span(const ast_doc *d, const ast_field *f, size_t a, size_t b);

/*
 * How many bytes of s to quote in a message: all of it up to 60 bytes,
 * else 60 cut at a character boundary (the caller adds "..." when
 * CHECK_CLIPPED).  Messages stay short however long the input is.
 */
enum { CHECK_CLIP = 60 };
int check_clip(const char *s, size_t len);
#define CHECK_CLIPPED(len) ((len) > CHECK_CLIP ? "..." : "")

/* The same as a string for '%s': s itself when short (s must then be
 * NUL-terminated at len), else a clipped copy ending in "..." in d's arena. */
const char *check_quote(ast_doc *d, const char *s, size_t len);
#define CHECK_Q(d, str) check_quote((d), (str).p, (str).len)

#endif
