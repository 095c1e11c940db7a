/*
 * ast.h - the document tree of a .brief file.
 *
 * The parser (grammar/brief.y through parse.c) builds the tree; inline.c
 * parses inline text; resolve.c fills the semantic part (numbers, resolved
 * references, links both ways); checks and backends only read it.
 *
 * Every node keeps its source span (byte offsets into doc->src->text).
 * All memory belongs to doc->arena.
 */
#ifndef BRIEFC_AST_H
#define BRIEFC_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "hash.h"
#include "source.h"

typedef struct str {
	const char *p;		/* NUL-terminated, in the arena; but the text
				 * of an AST_TEXT node may be its bytes in
				 * doc->src.text, not NUL-terminated: read len
				 * bytes */
	size_t len;
} str;

typedef enum ast_type {
	/* blocks */
	AST_DOCUMENT,
	AST_HEADING,		/* level 1..3, id (explicit or slug), inline children */
	AST_PARAGRAPH,		/* inline children */
	AST_LIST,		/* ordered or not; AST_ITEM children */
	AST_ITEM,		/* block children (paragraphs, nested lists) */
	AST_QUOTE,		/* block children */
	AST_BLOCK,		/* ::: KIND [ID] ... ::: (see ast_block_kind) */
	AST_AREA,		/* one `id: Title` line of ::: areas; id defined */
	AST_ACRONYM,		/* one `ABBR: Expansion` line of ::: acronyms */
	AST_ROW,		/* a row of a ::: table; AST_CELL children; the
				 * header is the table block's first row
				 * (ast_row_is_header) */
	AST_CELL,		/* inline children; its column: ast_cell_column */
	AST_FOOTNOTE,		/* `[^label]: text`: a note's definition where it
				 * is written; paragraph children */
	/* inlines */
	AST_TEXT,		/* literal text (escapes already removed);
				 * a '\n' in it is a soft break: see "Text
				 * and soft breaks" below */
	AST_SOFTBREAK,		/* a line break inside a paragraph, where the
				 * text around it is not one stretch of the
				 * source */
	AST_EMPH,
	AST_STRONG,
	AST_CODE,		/* literal text in .text */
	AST_LINK,		/* url in .link.url; text as children */
	AST_REF,		/* [@a; @b] */
	AST_FNREF,		/* [^label]: a use of a note */
	AST__COUNT
} ast_type;

typedef enum ast_block_kind {
	BK_FINDING,
	BK_RECOMMENDATION,
	BK_EVIDENCE,
	BK_ACRONYMS,
	BK_AREAS,
	BK_RECOMMENDATIONS,
	BK_FINDINGS,
	BK_SOURCES,
	BK_GLOSSARY,
	BK_TABLE,
	BK_FIGURE,
	BK_BOX,
	BK_MAP,		/* the evidence map, drawn as a figure (contract 14) */
	BK__COUNT
} ast_block_kind;

/* A table column's alignment, from its delimiter cell (`:--`, `--:`,
 * `:-:`, `---`). */
typedef enum ast_align {
	AL_NONE,
	AL_LEFT,
	AL_CENTER,
	AL_RIGHT
} ast_align;

/* A box's `type:`. */
typedef enum ast_box_type {
	BOX_NOTE,
	BOX_KEY_POINTS,
	BOX_SIDEBAR,
	BOX_DISCLAIMER
} ast_box_type;

typedef struct ast_node ast_node;

/* A growable array of node pointers, on the heap (ast_doc_free frees the
 * document's and its blocks'). */
typedef struct ast_vec {
	ast_node **v;
	size_t n, cap;
} ast_vec;

/*
 * One `key: value` line (plus continuations) of a block or the front matter.
 * The value's text is the lines joined with single spaces, trimmed.
 */
typedef struct ast_field {
	struct ast_field *next;
	str name;
	span name_at;
	str value;
	span value_at;		/* first to last byte of the value, across lines */
	span *segs;		/* the value's pieces on each source line */
	size_t nsegs;
	ast_node *inl;		/* parsed inlines (an AST_PARAGRAPH holder) for
				 * inline-text fields, else NULL */
	const struct ast_field_spec *spec;	/* its kind's spec of this name,
						 * or NULL if it has none */
} ast_field;

/* One element of an ID list (`evidence: a, b`) or of a reference. */
typedef struct ast_idref {
	str id;
	span at;
	ast_node *target;	/* resolved, or NULL */
	str locator;		/* a reference's `, p. 4` (trimmed), else empty */
	span locator_at;
} ast_idref;

typedef struct ast_idlist {
	ast_idref *v;
	size_t n;
} ast_idlist;

typedef enum ast_level {
	LV_NONE,
	LV_LOW,
	LV_MEDIUM,
	LV_HIGH
} ast_level;

/*
 * The parts only tables, figures and boxes have, apart from ast_block:
 * every block would pay for them otherwise, and a brief has hundreds of
 * thousands of findings, recommendations and evidence blocks in a large
 * one against a few floats (docs/architecture.md).  Read through
 * ast_float_of, which gives an empty one for any other block.
 */
typedef struct ast_float {
	/* a table's columns (parse.c): their alignments, from the delimiter
	 * row, which has ndelim cells and stands at delim_at (ndelim 0: no
	 * delimiter row) */
	ast_align *align;
	uint32_t ndelim;
	span delim_at;
	/* filled by resolve.c */
	ast_field *f_caption, *f_note, *f_src, *f_alt;	/* tables, figures */
	int width;		/* figure: `width:` in percent, 0 if none */
	ast_box_type box_type;
} ast_float;

/*
 * The parts of the rarer nodes live outside ast_node, so that the many
 * text and break nodes stay small; ast_new() allocates them.  A block is
 * 240 bytes, the most common one in a brief after text and paragraphs:
 * what only some kinds need goes elsewhere (ast_float) or in what the
 * others leave as padding.
 */
typedef struct ast_block {
	ast_block_kind kind;
	/* semantic part, filled by resolve.c */
	int number;	/* finding/recommendation, table, figure, box with an
			 * ID: 1.. in document order (a map is a figure);
			 * evidence: source number */
	span kind_at;
	str id;		/* empty when none */
	span id_at;
	span open_at;	/* the ::: line */
	ast_field *fields;
	ast_field *f_claim, *f_action, *f_title;	/* shortcuts */
	ast_float *fl;		/* tables, figures, boxes: ast_float_of */
	ast_idlist evidence;	/* finding: evidence:; table, figure: source: */
	ast_idlist addresses;	/* recommendation: addresses: */
	ast_idref area;		/* recommendation: area: / recommendations: area filter */
	ast_level confidence, priority;
	int cites;	/* evidence: citations anywhere, prose included */
	bool misplaced_field;	/* a field written in the body or folded into
				 * another field (unsupported-markup) */
	ast_vec addressed_by;	/* finding <- recommendations */
	ast_vec cited_by;	/* evidence <- findings and references' blocks */
} ast_block;

/* A block's float part: b->fl, or an empty one (all fields NULL, no
 * columns) for a block without. */
extern const ast_float ast_no_float;
static inline const ast_float *ast_float_of(const ast_block *b)
{
	return b->fl ? b->fl : &ast_no_float;
}

typedef struct ast_entry {
	str key;	/* area id, or the abbreviation */
	span key_at;
	str value;	/* area title, or the expansion */
	span value_at;
	int uses;	/* acronym: its uses in the prose, as the acronym
			 * checks count them (0 until they run) */
	uint32_t index;	/* area: its place in doc->areas (resolve) */
	ast_vec recommendations;	/* area: the recommendations whose area:
					 * it is, in document order (resolve) */
} ast_entry;

typedef struct ast_heading {
	int level;
	str id;
	span id_at;	/* the {#id}, or the title when a slug */
	bool explicit_id;
} ast_heading;

typedef struct ast_list {
	bool ordered;
	bool loose;	/* a blank line between two of its items, or between
			 * two blocks of one (CommonMark's loose list) */
	long start;	/* first number of an ordered list */
} ast_list;

typedef struct ast_link {
	str url;
	span url_at;
	bool image;	/* written ![alt](src): unsupported-markup, shown as
			 * its text only */
} ast_link;

typedef struct ast_ref {
	ast_idlist ids;
} ast_ref;

/* A note's definition (AST_FOOTNOTE) or a use of it (AST_FNREF). */
typedef struct ast_note {
	str label;
	span label_at;
	ast_node *def;	/* use: the definition it names, or NULL (resolve) */
	int number;	/* definition: 1.. by first use; 0 while unused */
	int uses;	/* definition: how many uses name it */
} ast_note;

/*
 * The links.  A node's children are a list: first, then next until NULL;
 * their prev links go the other way and close in a ring, the first
 * child's prev being the last child.  So a node holds no pointer to its
 * last child (a node is 56 bytes, not 64, and a large brief has over a
 * million): ast_last and ast_prev read the ring.
 *
 * Text and soft breaks.  A hard-wrapped paragraph is one text node, not a
 * text and a break node per line: inline.c joins lines that follow each
 * other in the source, and every reader holds to this invariant (the
 * fuzz target checks it on every input):
 *
 *   - A text node whose text has a '\n' is exactly its bytes in the
 *     source: u.text == doc->src.text + at.start and tlen == at.end -
 *     at.start.  Each '\n' in it is a soft break.
 *   - Any other text node may be a copy (an escape or a comment removed
 *     from it), located at its source span, and has no '\n'.
 *   - Two text nodes are never siblings side by side: a run of text is
 *     one node.
 *   - An AST_SOFTBREAK node stands only where the text on either side
 *     could not take the newline: between two nodes that are not text
 *     (emphasis, links, references, code), or next to a copied text.
 *
 * So a reader must not treat a text node as one line: it splits the text
 * at its soft breaks with ast_text_next (below) and treats each break as
 * it treats an AST_SOFTBREAK.
 *
 * 56 bytes: a real brief has about 20,000 nodes per MB of input, most of
 * them text, so only text keeps its part in the node (its length in what
 * would be padding); read and write it with ast_text and ast_set_text.
 */
struct ast_node {
	ast_type type;
	uint32_t tlen;		/* AST_TEXT, AST_CODE: bytes at u.text */
	span at;
	ast_node *parent, *first, *next;
	ast_node *prev;		/* the sibling before, or for the first
				 * child, the last (read it with ast_prev) */

	union {
		const char *text;	/* AST_TEXT, AST_CODE (see str) */
		ast_heading *heading;	/* AST_HEADING */
		ast_list *list;		/* AST_LIST */
		ast_block *block;	/* AST_BLOCK */
		ast_entry *entry;	/* AST_AREA, AST_ACRONYM */
		ast_link *link;		/* AST_LINK */
		ast_ref *ref;		/* AST_REF */
		ast_note *note;		/* AST_FOOTNOTE, AST_FNREF */
	} u;
};

/* The last child of n, or NULL. */
static inline ast_node *ast_last(const ast_node *n)
{
	return n->first ? n->first->prev : NULL;
}

/* The sibling before n, or NULL. */
static inline ast_node *ast_prev(const ast_node *n)
{
	return n->parent && n->parent->first != n ? n->prev : NULL;
}

/* The column of an AST_CELL (0-based) and whether an AST_ROW is its
 * table's header: kept in tlen, which only text uses otherwise. */
static inline uint32_t ast_cell_column(const ast_node *n)
{
	return n->tlen;
}

static inline bool ast_row_is_header(const ast_node *n)
{
	return n->tlen != 0;
}

static inline str ast_text(const ast_node *n)
{
	str s = {n->u.text, n->tlen};
	return s;
}

/* (a text is at most SOURCE_MAX_BYTES long) */
static inline void ast_set_text(ast_node *n, str s)
{
	n->u.text = s.p;
	n->tlen = (uint32_t)s.len;
}

/* Front matter, decoded (resolve.c); fields kept for location. */
typedef struct ast_meta {
	ast_field *fields;	/* every key: value line in order */
	span at;		/* the whole front matter, empty if absent */
	bool present;
	ast_field *title, *subtitle, *organization, *authors, *date, *status,
		*lang, *limit_words, *updated, *series, *number, *version,
		*paper, *toc, *logo, *allow;
	str *author_names;	/* authors split on ';', trimmed, without the
				 * affiliation */
	str *affiliations;	/* each author's "(Affiliation)", without the
				 * parentheses; empty if none */
	size_t nauthors;
	bool final;		/* status: final */
	long limit;		/* limit-words, 0 if none */
	bool letter;		/* paper: letter (default for en-US, en-CA), else a4 */
	enum { TOC_AUTO, TOC_YES, TOC_NO } toc_mode;
	bool allowed[DC__COUNT];	/* allow: warning codes silenced */
} ast_meta;

/* ID -> defining node (first definition wins): a hash table (hash.h)
 * whose values are nodes, read through ast_idtab_get and _put.  Its keys
 * compare without letter case (doc.c sets nocase), so one entry stands
 * for all spellings of an ID up to case. */
typedef htab ast_idtab;

typedef struct ast_doc {
	arena arena;
	/* Blocks' and entries' parts and fields, apart from the many text
	 * nodes: the checks walk them pass after pass, and in an arena of
	 * their own they lie together in memory. */
	arena side;
	source src;
	diag_list diags;
	ast_node *root;		/* AST_DOCUMENT */
	ast_meta meta;

	/* Filled by resolve.c, in document order. */
	ast_idtab ids;
	ast_vec headings, findings, recommendations, evidence, areas, acronyms;
	ast_vec tables, figures, boxes;	/* every one; boxes with and without ID */
	ast_vec maps;		/* every ::: map: figures numbered with the
				 * others, but no ::: figure's fields */
	/* Notes: their labels (a namespace of their own), every definition
	 * in document order, the used ones in number order, every use, and
	 * the definitions whose label was taken already. */
	ast_idtab note_ids;
	ast_vec footnotes, notes, fnrefs, note_duplicates;
	ast_vec sources;	/* evidence in source-number order */
	ast_vec blocks;		/* every AST_BLOCK */
	ast_vec duplicates;	/* nodes whose ID was already defined */
	ast_vec refs;		/* every AST_REF, in document order */
	ast_vec links;		/* every AST_LINK */
	size_t nparagraphs;	/* in the tree (parse.c), to size tables */
	/* every URL-valued field (front matter, blocks), in order (parse.c) */
	ast_field **url_fields;
	size_t nurl_fields, capurl_fields;
	bool has_sources_block;

	ast_node *spare;	/* released nodes, linked by next (ast_release) */

	/* The IDs of malformed references the inline parser could mend (its
	 * syntax error says how): what they name counts as cited. */
	str *mended;
	size_t nmended, capmended;
	/* Filled once by the checks (check_excused): what the chain checks
	 * leave alone because another diagnostic already explains it. */
	ast_vec excused, meant;
	bool excused_done;
	/* Filled once by the acronym checks when keep_acronym_uses is set
	 * (the document is to be rendered): the uses they found in each
	 * piece of prose (acronym.h). */
	bool keep_acronym_uses;
	struct acronym_uses *acr_uses;
	/*
	 * A document of several files (assemble.c, contract 12).  assembled:
	 * the comments were found in each file's own text (comments) and so
	 * were the include lines (includes), which the scanner reads as
	 * comments; parse.c looks for neither itself then.  libraries: where
	 * each library's text starts, in order, after the brief's own; their
	 * blocks are under library, not root, and are rendered only through
	 * what uses them.
	 */
	bool assembled;
	span_vec comments, includes;
	uint32_t *libraries;
	size_t nlibraries;
	ast_node *library;	/* AST_DOCUMENT of the libraries' blocks */

	/* Made by parse.c for resolve.c, in document order, so that it need
	 * not walk the tree: every heading, block, area and acronym; every
	 * block, and every reference and link outside fields, with its block
	 * (NULL outside blocks).  Freed by resolve.c. */
	ast_vec defining;
	struct ast_pending {
		ast_node *node, *block;
	} *pending;
	size_t npending, cappending;
} ast_doc;

/* Whether n comes from a library (its text follows the brief's own). */
static inline bool ast_in_library(const ast_doc *d, const ast_node *n)
{
	return d->nlibraries && n->at.start >= d->libraries[0];
}

/* ---- construction (parse.c and tests) ---- */
ast_node *ast_new(ast_doc *d, ast_type t, span at);
/* b's float part, made (in the side arena) when b has none yet: for the
 * parser and resolve.c, which fill it for tables, figures and boxes. */
ast_float *ast_block_float(ast_doc *d, ast_block *b);
/* A text or soft-break node, unlinked and no longer referenced, for
 * ast_new to hand out again: the inline parser makes and joins many, and
 * the arena frees nothing before the end. */
void ast_release(ast_doc *d, ast_node *n);
void ast_append(ast_node *parent, ast_node *child);
/*
 * The pieces of a text node between its newlines (its soft breaks):
 *
 *	for (ast_text_it it = {.n = n}; ast_text_next(&it);)
 *		use it.piece (maybe empty), it.at, then a break if it.brk
 */
typedef struct ast_text_it {
	const ast_node *n;
	size_t pos;
	str piece;
	span at;
	bool brk;		/* a soft break follows the piece */
} ast_text_it;
bool ast_text_next(ast_text_it *it);
str ast_str(ast_doc *d, const char *p, size_t len);

/* ---- walking the tree ---- */

/*
 * The walks follow the parent and sibling links, never the C stack: the
 * input decides how deep the tree is (docs/limits.md).
 *
 * ast_next: the node after n in pre-order within top's subtree, or NULL;
 * descend false skips n's children.  Start from top->first (or top):
 *
 *	for (n = top->first; n; n = ast_next(n, top, true))
 */
static inline ast_node *ast_next(const ast_node *n, const ast_node *top,
				 bool descend)
{
	if (descend && n->first)
		return n->first;
	while (n != top && !n->next)
		n = n->parent;
	return n == top ? NULL : n->next;
}

/*
 * ast_iter: each node of top's subtree (top included) entered, and left
 * after its children, as cmark's iterator does.  Setting skip when
 * entering a node leaves it at once, its children unvisited.
 *
 *	for (ast_iter it = ast_iter_start(top); ast_iter_next(&it);)
 *		if (it.entering) ... else ...
 */
typedef struct ast_iter {
	const ast_node *top;
	const ast_node *node;	/* the node entered or left */
	bool entering;
	bool skip;		/* (entering) do not go into node's children */
	bool hold;		/* the next step stays at node (ast_iter_goto) */
} ast_iter;

static inline ast_iter ast_iter_start(const ast_node *top)
{
	ast_iter it = {top, top, true, false, true};
	return it;
}

static inline bool ast_iter_next(ast_iter *it)
{
	const ast_node *n = it->node;
	bool skip = it->skip;
	it->skip = false;
	if (it->hold) {
		it->hold = false;
		return n != NULL;
	}
	if (it->entering) {
		if (!skip && n->first)
			it->node = n->first;
		else
			it->entering = false;
		return true;
	}
	if (n == it->top)
		return false;
	if (n->next) {
		it->node = n->next;
		it->entering = true;
	} else {
		it->node = n->parent;
	}
	return true;
}

/* The walk goes on by entering m, which the caller put where the node
 * just entered was (replacing it). */
static inline void ast_iter_goto(ast_iter *it, const ast_node *m)
{
	it->node = m;
	it->entering = true;
	it->hold = true;
}
void ast_vec_push(ast_vec *v, ast_node *n);
void ast_vec_free(ast_vec *v);

/* ---- names ---- */
const char *ast_type_name(ast_type t);
const char *ast_block_kind_name(ast_block_kind k);
/* -1 if unknown */
int ast_block_kind_lookup(const char *name, size_t len);
extern const char *const ast_block_kind_names[BK__COUNT];
bool ast_kind_has_id(ast_block_kind k);
/* Whether a block of kind k may have an ID (boxes: may; others: must). */
bool ast_kind_may_have_id(ast_block_kind k);
/* Whether a block of kind k has a body of prose (or rows, entries). */
bool ast_kind_has_body(ast_block_kind k);
const char *ast_level_name(ast_level l);

/* ---- IDs ---- */

/* The bytes of an ID, [A-Za-z0-9_.:-] (ast_id_valid says the rest), and
 * of a note's label, [A-Za-z0-9_-]. */
static inline bool ast_id_char(char c)
{
	return ascii_is_alnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
}

static inline bool ast_label_char(char c)
{
	return ascii_is_alnum(c) || c == '_' || c == '-';
}

bool ast_id_valid(const char *p, size_t len);
/* A list of IDs in its one spelling, `a, b`: split on commas, each item
 * trimmed of spaces and tabs, joined with ", " (an empty item is kept,
 * empty: "a,,b" is "a,, b"). */
void ast_ids_canonical(struct buf *out, const char *p, size_t n);
ast_node *ast_idtab_get(const ast_idtab *t, const char *key, size_t len);
/* The node defined with key in any letter case. */
ast_node *ast_idtab_get_folded(const ast_idtab *t, const char *key, size_t len);
/* Returns the existing node if key is taken, also by an ID that differs
 * from it only in letter case (and then does not insert). */
ast_node *ast_idtab_put(ast_idtab *t, const char *key, size_t len,
			ast_node *node);
/* The node an ID of a list or reference names: its resolved target, or
 * the ID table's node for it (for a tree resolve has not seen). */
ast_node *ast_idref_target(const ast_doc *d, const ast_idref *r);
/* Whether n is a block of kind k (n may be NULL). */
static inline bool ast_is_block(const ast_node *n, ast_block_kind k)
{
	return n && n->type == AST_BLOCK && n->u.block->kind == k;
}
/* The ID a node defines (block, heading or area), or NULL. */
const str *ast_node_id(const ast_node *n);
/* What a reference to n is called in messages: "finding", "section", ... */
const char *ast_node_what(const ast_node *n);

/* ---- fields ---- */
ast_field *ast_field_get(ast_field *list, const char *name);
/* The first field of list that spec sp describes (parse.c set the specs). */
const ast_field *ast_field_of(const ast_field *list,
			      const struct ast_field_spec *sp);

/* What a field's value must be (checked by check.c, decoded by resolve.c). */
typedef enum ast_value_type {
	VT_INLINE,		/* inline text: parsed for emphasis, links, references */
	VT_TEXT,		/* plain text */
	VT_NAME,		/* plain text that names someone or something
				 * (organization, series): not prose, so not
				 * looked at for acronyms (contract 11.8) */
	VT_IDS,			/* comma-separated IDs */
	VT_ID,			/* one ID */
	VT_LEVEL,		/* high / medium / low */
	VT_DATE,		/* YYYY-MM-DD */
	VT_PARTIAL_DATE,	/* YYYY, YYYY-MM or YYYY-MM-DD */
	VT_URL,
	VT_EVIDENCE_TYPE,	/* report law treaty statement dataset article other */
	VT_STATUS,		/* draft / final */
	VT_POSITIVE_INT,
	VT_LANG,		/* BCP 47 tag */
	VT_NAMES,		/* names separated by ';' */
	VT_PATH,		/* a file relative to the brief's folder */
	VT_IDENT,		/* text that is a name, not prose: a report
				 * number, a version (no prose checks) */
	VT_PAPER,		/* a4 / letter */
	VT_TOC,			/* auto / yes / no */
	VT_CODES,		/* warning codes, comma-separated */
	VT_PERCENT,		/* 10..100: a share of the text width */
	VT_BOX_TYPE		/* note key-points sidebar disclaimer */
} ast_value_type;

typedef struct ast_field_spec {
	const char *name;
	ast_value_type type;
	bool required;
} ast_field_spec;

/* The fields a block kind accepts (none for acronyms/areas entries). */
const ast_field_spec *ast_block_fields(ast_block_kind k, size_t *n);
/* The front-matter keys. */
const ast_field_spec *ast_meta_fields(size_t *n);
const ast_field_spec *ast_spec_find(const ast_field_spec *specs, size_t n,
				    const char *name, size_t len);

/* ---- the whole pipeline (doc.c) ---- */

/*
 * Load and parse one document from raw bytes: source normalisation,
 * scanning, parsing, inline parsing and resolution.  Problems go into
 * doc->diags.  Returns 0, or -1 if the input is too large to load (a
 * diagnostic-free failure the caller reports).
 */
int ast_doc_load(ast_doc *d, const char *path, const char *raw, size_t len);
/* The same with raw from malloc, which the document takes over (and frees
 * on failure): the input is normalised in place, held once. */
int ast_doc_load_owned(ast_doc *d, const char *path, char *raw, size_t len);
/*
 * The same for a brief that may be built from several files (contract 12):
 * the files it includes and its libraries are read through fs (files.h;
 * NULL: the disk, unrecorded) and assembled with it (assemble.h); expand
 * false: include lines are recognised but nothing is read (fmt).  raw is
 * taken over as by ast_doc_load_owned.  ast_doc_load and _owned expand,
 * from the disk.
 */
struct files;
int ast_doc_load_brief(ast_doc *d, const char *path, char *raw, size_t len,
		       struct files *fs, bool expand);
void ast_doc_free(ast_doc *d);

/* Plain text of an inline subtree (for titles in messages, slugs, JSON). */
void ast_plain_text(const ast_node *n, struct buf *out);

#endif
