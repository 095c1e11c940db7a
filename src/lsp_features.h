/*
 * lsp_features.h - the answers of the language server, as JSON: the
 * diagnostics of an analysis, and what each request asks of a document
 * (hover, definition, references, rename, completion, symbols, code
 * actions).
 *
 * Each function reads one analysis of one open document and the text it
 * was made from; positions come in and go out in the negotiated encoding.
 * Offsets taken are the editor's byte offsets (lsp_text_offset).
 */
#ifndef BRIEFC_LSP_FEATURES_H
#define BRIEFC_LSP_FEATURES_H

#include <jansson.h>

#include "buf.h"
#include "lsp_index.h"
#include "lsp_text.h"

/* Diagnostics published per document at most (the first by position): an
 * editor slows down long before a list this long is read. */
#define LSP_MAX_DIAGNOSTICS 1000
/* Completion items offered at most (the list is then marked incomplete). */
#define LSP_MAX_COMPLETIONS 1000

typedef struct lsp_ctx {
	const lsp_text *text;	/* the text the analysis was made from */
	lsp_encoding enc;
	const lsp_analysis *an;	/* NULL only for lsp_completion: see below */
	const char *uri;
	/* lsp_completion is asked as often as a space is typed, and most
	 * places need no IDs: it makes the analysis (a whole check) only
	 * when it offers IDs, through analyse(arg). */
	const lsp_analysis *(*analyse)(void *arg);
	void *arg;
} lsp_ctx;

/* A JSON string of n bytes of author text: bytes that are not UTF-8
 * become U+FFFD, so that no input makes a message unwritable. */
json_t *lsp_json_str(const char *p, size_t n);
json_t *lsp_range(const lsp_ctx *c, size_t raw_from, size_t raw_to);

json_t *lsp_diagnostics(const lsp_ctx *c);
json_t *lsp_hover(const lsp_ctx *c, size_t off);
json_t *lsp_definition(const lsp_ctx *c, size_t off);
json_t *lsp_references(const lsp_ctx *c, size_t off, bool declaration);
json_t *lsp_prepare_rename(const lsp_ctx *c, size_t off);
/* NULL, with why in err (a message for the user), when refused. */
json_t *lsp_rename(const lsp_ctx *c, size_t off, const char *name,
		   size_t len, buf *err);
/* c->an may be NULL: c->analyse makes it when IDs are offered. */
json_t *lsp_completion(const lsp_ctx *c, size_t off);
json_t *lsp_symbols(const lsp_ctx *c);
json_t *lsp_code_actions(const lsp_ctx *c, size_t from, size_t to);

#endif
