/*
 * lsp_index.h - what the language server knows of one version of a
 * brief: the checked tree of the brief and every file it reads (its
 * chapters and libraries), every place an ID is defined or used, and the
 * way from the document's offsets to places in each file's text and back.
 *
 * An analysis is made in one go (the whole brief is loaded and checked
 * again after each change: a brief checks in about a millisecond,
 * docs/lsp.md) and then only read.  The brief is loaded as `briefc check`
 * loads it, its includes and libraries followed, except that a file open
 * in the editor is read from the editor's buffer, unsaved changes and
 * all, not from the disk.
 *
 * Offsets in the tree are the loader's: into the text of every file
 * spliced into one and normalised (source.h).  A place for the editor is
 * a file and a byte offset into the text the editor has of it: the open
 * document's, or for a file not open, the file as read.
 */
#ifndef BRIEFC_LSP_INDEX_H
#define BRIEFC_LSP_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "files.h"
#include "lsp_text.h"
#include "policy.h"

typedef enum lsp_role {
	LSP_DEF,		/* where an ID is defined */
	LSP_USE			/* [@id], an ID list, area:, [^label] */
} lsp_role;

/* One ID, or one note's label, in the text. */
typedef struct lsp_occ {
	span at;		/* the ID's own bytes */
	str id;
	ast_node *node;		/* DEF: the node defined; USE: the node the
				 * ID names, or NULL */
	lsp_role role;
	bool slug;		/* DEF of a heading's slug: at is the title */
	bool note;		/* a note's label ([^label], [^label]:), a
				 * namespace of its own: node is the
				 * AST_FOOTNOTE */
} lsp_occ;

/* One file of an analysis, as the editor knows it. */
typedef struct lsp_file {
	char *path;		/* as the loader read it (the source's), heap */
	char *uri;		/* heap */
	const lsp_text *text;	/* the editor's text: an open document's, or own */
	lsp_text own;		/* a file not open: its bytes as read, a BOM
				 * dropped (an editor does not show it) */
	lsp_normmap map;	/* between text and the loader's text of it */
	bool open;		/* text is an open document's */
	long long version;	/* the open document's version */
	bool csl;		/* a CSL-JSON library: every place in it is an
				 * item's id */
} lsp_file;

/*
 * The open documents, as an analysis asks for them: the document that is
 * the file at path (its text, URI and version), or NULL.  A path is
 * compared as the loader spells it (lexically normalised, absolute when
 * the brief's is).
 */
typedef struct lsp_opened {
	const lsp_text *(*find)(void *ctx, const char *path, const char **uri,
				long long *version);
	void *ctx;
} lsp_opened;

typedef struct lsp_analysis {
	ast_doc doc;
	bool loaded;		/* false: too large to load (nothing in doc) */
	lsp_file *files;	/* by the source's file index; files[0] is
				 * the brief */
	size_t nfiles;
	lsp_occ *occ;		/* by position */
	size_t nocc;
} lsp_analysis;

/*
 * Load, check and police the brief at path (its editor's text, and its
 * URI), never failing.  follow: read what it includes and its libraries
 * (through op first, then the disk), every path tried recorded in reads
 * (the caller's, empty); else the file alone, its include lines read as
 * comments.
 */
lsp_analysis *lsp_analyse(const char *path, const char *uri, const lsp_text *text,
			  long long version, bool follow, const lsp_opened *op,
			  files *reads, const policy *pol);
void lsp_analysis_free(lsp_analysis *a);

/* The occurrence whose ID holds (or ends at) the document's offset. */
const lsp_occ *lsp_occ_at(const lsp_analysis *a, size_t off);
/* The node an ID defines (the first definition), or NULL. */
ast_node *lsp_lookup(const lsp_analysis *a, const char *id, size_t len);
/* The note a label names (its first definition), or NULL. */
ast_node *lsp_lookup_note(const lsp_analysis *a, const char *label, size_t len);
/* What an occurrence's ID names in its namespace (lsp_lookup or
 * lsp_lookup_note). */
ast_node *lsp_occ_lookup(const lsp_analysis *a, const lsp_occ *o);
/* The innermost block whose span holds off, or NULL. */
ast_node *lsp_block_at(const lsp_analysis *a, size_t off);

/* ---- places ---- */

/* A stretch of a file's editor text, [from, to) in bytes. */
typedef struct lsp_place {
	const lsp_file *file;
	size_t from, to;
} lsp_place;

/* Where a span of the document is.  In a CSL-JSON file an item is one
 * place: the string of its id, when the span's place starts one. */
lsp_place lsp_place_of(const lsp_analysis *a, span at);
/* The file of the analysis read from path, or NULL. */
const lsp_file *lsp_file_at(const lsp_analysis *a, const char *path);
/* The document's offset of the editor offset raw of file f: false when
 * that file's text is not in the document there (a CSL-JSON file). */
bool lsp_offset_of(const lsp_analysis *a, const lsp_file *f, size_t raw,
		   uint32_t *off);

/* ---- URIs ---- */

/* file:///a/b%20c.brief -> /a/b c.brief (heap); any other URI stays
 * itself. */
char *lsp_uri_path(const char *uri);
/* The other way, percent-encoding what a URI's path cannot hold (heap). */
char *lsp_path_uri(const char *path);
/* Whether a URI names a file (a brief can then be followed). */
bool lsp_uri_is_file(const char *uri);

#endif
