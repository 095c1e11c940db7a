/*
 * inline.h - inline text: emphasis, strong, code spans, links, references
 * (with locators), note references, escapes and soft breaks (inline.c).
 *
 * The builder (parse.c) hands over the pieces of a paragraph, a heading
 * or an inline field, one per source line; inline_parse makes their
 * inline children.  ast.h says what the result looks like (text nodes
 * that are the source's own bytes, soft breaks inside them).
 */
#ifndef BRIEFC_INLINE_H
#define BRIEFC_INLINE_H

#include <stdbool.h>

#include "ast.h"

/*
 * The byte every byte of a <!-- --> comment is in the text the scanner
 * and the inline parser read (parse.c blanks comments so, keeping their
 * newlines): a comment-only line is skipped, the rest of a comment
 * vanishes from inline text, and every offset is still the source's.
 * The loader never lets it into a source (it is a control character).
 * brief.l's patterns spell it \x01.
 */
#define LEX_COMMENT_BYTE '\x01'

/* What inline_parse keeps from one call to the next: its work buffers,
 * so that a paragraph costs no allocation of them. */
typedef struct inline_scratch {
	char *w;
	uint32_t *wstart, *sstart;
	size_t wcap, scap;
	buf text;
	/* the references and links the last call made, in the order made */
	ast_vec made;
	/* emphasis delimiters done with, for the next ones (inline.c): a
	 * paragraph or a table cell with emphasis then costs no malloc */
	struct delim *spare;
} inline_scratch;

void inline_scratch_free(inline_scratch *s);

/* Deepest nesting of emphasis, strong emphasis and links; deeper levels
 * stay text, with a syntax error (docs/limits.md). */
#define INLINE_MAX_DEPTH 32

/*
 * Parse the text made of the given line pieces of lex (the source as the
 * scanner sees it: comments blanked, parse.h) into children of parent.
 * True if it made a reference or a link: resolve.c has work there, and
 * they are in scratch->made (a link the nesting limit undid has no
 * parent).
 */
bool inline_parse(ast_doc *d, const char *lex, ast_node *parent,
		  const span *segs, size_t nsegs, inline_scratch *scratch);

/* Note an ID an author evidently meant in a malformed reference or a
 * misplaced field (d->mended): what it names counts as cited. */
void inline_note_mended(ast_doc *d, const char *id, size_t len);

#endif
