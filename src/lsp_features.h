/*
 * lsp_features.h - the answers of the language server, as JSON: the
 * diagnostics of an analysis, and what each request asks of a document
 * (hover, definition, references, rename, completion, symbols, code
 * actions, formatting).
 *
 * A request names a place in one open document; its answer may name
 * places in any file of the brief that document is part of (a chapter,
 * the main file, a library), each in that file's own text and in the
 * negotiated encoding.  Offsets taken are the editor's byte offsets in
 * the document asked about (lsp_text_offset).
 */
#ifndef BRIEFC_LSP_FEATURES_H
#define BRIEFC_LSP_FEATURES_H

#include <jansson.h>

#include "buf.h"
#include "lsp_index.h"
#include "lsp_text.h"

/* Diagnostics published per file at most (the first by position): an
 * editor slows down long before a list this long is read. */
#define LSP_MAX_DIAGNOSTICS 1000
/* Completion items offered at most (the list is then marked incomplete). */
#define LSP_MAX_COMPLETIONS 1000

typedef struct lsp_ctx {
	const lsp_text *text;	/* the document asked about, as the editor has it */
	const char *path;	/* its path (lsp_uri_path) */
	const char *uri;
	lsp_encoding enc;
	/* The analysis of the brief the document is part of: NULL only for
	 * lsp_completion, which is asked as often as a space is typed and
	 * most places need no IDs: it makes the analysis (a whole check)
	 * only when it offers IDs, through analyse(arg). */
	const lsp_analysis *an;
	const lsp_analysis *(*analyse)(void *arg);
	void *arg;
	bool doc_changes;	/* the client takes a WorkspaceEdit's documentChanges */
} lsp_ctx;

/* A JSON string of n bytes of author text: bytes that are not UTF-8
 * become U+FFFD, so that no input makes a message unwritable. */
json_t *lsp_json_str(const char *p, size_t n);
/* The range of [raw_from, raw_to) of the document asked about. */
json_t *lsp_range(const lsp_ctx *c, size_t raw_from, size_t raw_to);

/* Text edits to files of a brief, gathered (from one analysis or more)
 * and then written as one WorkspaceEdit. */
typedef struct lsp_edit {
	const lsp_file *file;
	size_t from, to;	/* the editor's offsets in file's text */
	char *text;		/* heap */
	size_t n;
} lsp_edit;

typedef struct lsp_edits {
	lsp_edit *v;
	size_t n, cap;
} lsp_edits;

void lsp_edits_add(lsp_edits *e, const lsp_file *f, size_t from, size_t to,
		   const char *text, size_t n);
/* The WorkspaceEdit: `documentChanges` (each open file with its version)
 * or `changes` by URI; an edit made twice (a file included twice) once.
 * Empties e. */
json_t *lsp_edits_json(lsp_edits *e, lsp_encoding enc, bool doc_changes);
void lsp_edits_free(lsp_edits *e);

/* The diagnostics of an analysis: an array with one array per file of
 * the analysis (an->files), each in that file's positions. */
json_t *lsp_diagnostics(const lsp_analysis *an, lsp_encoding enc);

json_t *lsp_hover(const lsp_ctx *c, size_t off);
json_t *lsp_definition(const lsp_ctx *c, size_t off);
json_t *lsp_references(const lsp_ctx *c, size_t off, bool declaration);
json_t *lsp_prepare_rename(const lsp_ctx *c, size_t off);
/*
 * The edits of renaming the ID at off (*id: which) to name, into out;
 * false, with why in err (a message for the user), when refused.
 * *library: the file of a library that defines the ID (other briefs may
 * use it), else NULL.
 */
bool lsp_rename(const lsp_ctx *c, size_t off, const char *name, size_t len,
		lsp_edits *out, buf *err, const lsp_file **library, str *id);
/* The same rename in another brief that reads that library (library is
 * its path): its uses of id, into out; false (err) if name is taken there. */
bool lsp_rename_in(const lsp_analysis *an, const char *library, str id,
		   const char *name, size_t len, lsp_edits *out, buf *err);
/* c->an may be NULL: c->analyse makes it when IDs are offered. */
json_t *lsp_completion(const lsp_ctx *c, size_t off);
json_t *lsp_symbols(const lsp_ctx *c);
json_t *lsp_code_actions(const lsp_ctx *c, size_t from, size_t to);

/* The edits that make the document what `briefc fmt` writes (lsp_format.c):
 * an array, or NULL when fmt leaves it as it is (syntax errors; *why). */
json_t *lsp_formatting(const lsp_ctx *c, const char **why);

#endif
