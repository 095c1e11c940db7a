/*
 * lsp_index.h - what the language server knows of one version of a
 * document: the checked tree and every place an ID is defined or used.
 *
 * An analysis is made from the editor's text in one go (the whole
 * document is loaded and checked again after each change: a brief checks
 * in about a millisecond, docs/lsp.md) and then only read.  Offsets here
 * are the loader's (normalised text, source.h); the map turns them into
 * the editor's.
 */
#ifndef BRIEFC_LSP_INDEX_H
#define BRIEFC_LSP_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "lsp_text.h"
#include "policy.h"

typedef enum lsp_role {
	LSP_DEF,		/* where an ID is defined */
	LSP_USE			/* [@id], an ID list, area: */
} lsp_role;

/* One ID in the text. */
typedef struct lsp_occ {
	span at;		/* the ID's own bytes */
	str id;
	ast_node *node;		/* DEF: the node defined; USE: the node the
				 * ID names, or NULL */
	lsp_role role;
	bool slug;		/* DEF of a heading's slug: at is the title */
} lsp_occ;

typedef struct lsp_analysis {
	ast_doc doc;
	bool loaded;		/* false: too large to load (nothing in doc) */
	lsp_normmap map;
	lsp_occ *occ;		/* by position */
	size_t nocc;
} lsp_analysis;

/* Load, check and police text (the editor's bytes); never fails. */
lsp_analysis *lsp_analyse(const char *path, const char *text, size_t len,
			  const policy *pol);
void lsp_analysis_free(lsp_analysis *a);

/* The occurrence whose ID holds (or ends at) the normalised offset. */
const lsp_occ *lsp_occ_at(const lsp_analysis *a, size_t off);
/* The node an ID defines (the first definition), or NULL. */
ast_node *lsp_lookup(const lsp_analysis *a, const char *id, size_t len);
/* The innermost block whose span holds off, or NULL. */
ast_node *lsp_block_at(const lsp_analysis *a, size_t off);

#endif
