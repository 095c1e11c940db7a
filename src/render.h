/*
 * render.h - the text backends (Markdown, HTML, LaTeX, PDF) and the event
 * interface between them and the one renderer they share.
 *
 * The renderer (render.c and the files render_int.h names) walks the
 * checked tree and turns it into a stream of events: elements entered and
 * left (a heading, a finding card, a source note, an acronym...) and
 * pieces of text.  Everything a reader sees is decided there: the
 * numbers, the labels ("Finding 3"), the order, which use of an acronym
 * is spelled out, what the generated blocks contain.  A backend only maps
 * each event to its syntax and writes text through the one escaper of its
 * format (escape.h), so every format says the same thing with the same
 * numbers.
 *
 * The contract, for writing a backend:
 *   - event(r, ev) is called for each element entered, then (after its
 *     content) left; a leaf (RE_SOFTBREAK, RE_CODE, RE_BACKLINK) only
 *     entering.  text(r, s, n) is called with text to show, author text or
 *     a label, which the backend escapes; r->at is where it comes from.
 *   - An event carries everything the backend needs (render_ev): no
 *     backend reads the tree, the document or back in its own output.  A
 *     leaving event carries what the entering one did.  State a backend
 *     keeps is about its own output (the open line prefix, the anchor to
 *     write next) and lives in r->state.
 *   - A backend writes the elements that differ only in syntax from a
 *     table indexed by render_el (HTML: tag and class; LaTeX: macro or
 *     environment; Markdown: block and markup) and keeps a switch for the
 *     few that need more.  Adding an element is one enum value here, the
 *     renderer's code that emits it, and one table row (or case) per
 *     backend; a row left out writes nothing, so an older backend stays
 *     correct, if silent, about a new element.
 *   - A character its format cannot show is reported with
 *     render_bad_char, never dropped in silence.
 *
 * The walk follows the parent/next links, not the C stack, so the depth
 * of the input costs no stack.  A first pass, calling no backend, runs
 * only when later output depends on what comes after it (render_run).
 * Output is a pure function of the tree: no clock, no hash order.
 */
#ifndef BRIEFC_RENDER_H
#define BRIEFC_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "buf.h"

typedef struct render_options {
	bool fragment;		/* html, latex: the body only, no page wrapper */
	bool tex_folder;	/* latex: images by their names in a TeX folder
				 * that holds them (render_pdf), not by the
				 * paths the brief gives */
	/* The evidence map's drawing (::: map): the form its RE_IMAGE
	 * brings (render_drawing; RD_DEFAULT: each backend's own).
	 * latex: a PDF, which the LaTeX includes as map_file (NULL:
	 * RENDER_MAP_FILE) and the caller writes beside it; map_drawing
	 * receives its bytes (NULL: the caller does not want them). */
	int map_form;
	const char *map_file;
	buf *map_drawing;
} render_options;

/* The name of the map's drawing in a TeX folder (render_pdf). */
#define RENDER_MAP_FILE "brief-map.pdf"

/*
 * Each appends the document to out and returns 0.  render_latex (and so
 * render_pdf) reports a character pdflatex cannot set as a bad-encoding
 * error into ((ast_doc *)d)->diags and returns 1.  render_pdf runs pdflatex
 * in a temporary folder as often as cross-references need and appends the
 * PDF; when TeX fails or is missing it returns -1 with a message (naming
 * the Debian package to install, when one is missing) in errmsg.
 */
int render_md(const ast_doc *d, const render_options *o, buf *out);
int render_html(const ast_doc *d, const render_options *o, buf *out);
int render_latex(const ast_doc *d, const render_options *o, buf *out);
int render_pdf(const ast_doc *d, const render_options *o, buf *out, buf *errmsg);

/* ---- for backends ---- */

typedef enum render_el {
	RE_DOCUMENT,		/* the whole output (a backend resets its state);
				 * meta */
	RE_HEADER,		/* the title block: */
	RE_LOGO,		/* leaf: an image (below); label: its alt text */
	RE_ORGANIZATION,
	RE_SERIES,		/* the series, and RE_SERIES_NUMBER */
	RE_SERIES_NUMBER,	/* the report's number */
	RE_TITLE,
	RE_SUBTITLE,
	RE_AUTHORS,		/* the names, each affiliation in: */
	RE_AFFILIATION,
	RE_DATE,		/* text: the date as written (YYYY, YYYY-MM or
				 * YYYY-MM-DD); the date spelled out inside */
	RE_UPDATED,		/* label "Updated"; text: the date as written;
				 * the date spelled out inside */
	RE_VERSION,		/* label "Version"; the version inside */
	RE_STATUS,		/* only for drafts */
	RE_TOC,			/* label "Contents"; RE_TOC_ENTRY children */
	RE_TOC_ENTRY,		/* level, href */
	RE_MAIN,		/* the body */
	RE_SECTION,		/* level, id: a top-level heading and what follows it */
	RE_HEADING,		/* level 1..3; id unless its RE_SECTION has it;
				 * leaving: text, the title as plain text */
	RE_PARAGRAPH,		/* tight: an item's, in a tight list */
	RE_LIST,		/* ordered, tight, follows_list; number = the
				 * first item's */
	RE_ITEM,		/* number; its list's ordered, tight and
				 * follows_list; first */
	RE_QUOTE,
	RE_CARD,		/* name "finding" or "recommendation", id, number */
	RE_CARD_HEAD,		/* RE_CARD_LABEL then RE_CARD_LEAD */
	RE_CARD_LABEL,		/* "Finding 3" */
	RE_CARD_LEAD,		/* the claim or the action */
	RE_CARD_META,		/* RE_META children */
	RE_META,		/* name (confidence, evidence, area, actor, priority,
				 * horizon), label ("Confidence"), value (a level's
				 * name, or NULL); the value as content */
	RE_CARD_FOOT,		/* "Addressed by ...", "Addresses ..." */
	RE_GENERATED,		/* name "recommendations" or "findings" */
	RE_GROUP,		/* recommendations of one area; id (first time only) */
	RE_GROUP_TITLE,
	RE_GEN_LIST,
	RE_GEN_ITEM,		/* number, href */
	RE_GEN_LABEL,		/* "Recommendation 2", a cross-reference */
	RE_GEN_TEXT,		/* the action or claim */
	RE_SOURCES,		/* RE_SOURCE children */
	RE_SOURCE,		/* id, number; inline details, then the note's blocks */
	RE_SOURCE_LABEL,	/* "[3]" */
	RE_SOURCE_TITLE,
	RE_BACKLINK,		/* leaf: href (a citation's or a note mark's anchor), number k;
				 * label: what it says to a screen reader */
	RE_GLOSSARY,		/* RE_GLOSS_TERM, RE_GLOSS_DEF pairs */
	RE_GLOSS_TERM,
	RE_GLOSS_DEF,
	/* floats: tables, figures and boxes with their numbers */
	RE_TABLE,		/* id, number, label "Table"; ncols and aligns:
				 * the columns (every row has ncols cells);
				 * text: the caption as plain text.  Children:
				 * RE_CAPTION, RE_TABLE_HEAD, RE_TABLE_BODY,
				 * then RE_FLOAT_SOURCE and RE_FLOAT_NOTE */
	RE_TABLE_HEAD,		/* one RE_ROW; ncols, aligns; leaving: cells,
				 * the header's cells as plain text, and label
				 * "continued" (for a format that repeats the
				 * header on every page a table goes on to) */
	RE_TABLE_BODY,		/* RE_ROW children */
	RE_ROW,			/* RE_CELL children; first: the first of its
				 * head or body */
	RE_CELL,		/* number: its column (0..); align; head: a
				 * header cell; first: the row's first cell */
	RE_FIGURE,		/* id, number, label "Figure"; text: the
				 * caption as plain text; name "map" for the
				 * evidence map (::: map, no id); children:
				 * RE_CAPTION, RE_IMAGE, RE_FLOAT_SOURCE (a
				 * map: RE_FLOAT_NOTE, its key) */
	RE_IMAGE,		/* leaf: an image (below); label: its alt text;
				 * number: its width in percent of the text's,
				 * 0 when none is given; name "map" for the
				 * map's drawing (render_options.map_form) */
	RE_CAPTION,		/* label "Table" or "Figure", number, name
				 * "table" or "figure"; the caption's inlines
				 * inside */
	RE_FLOAT_SOURCE,	/* label "Source"; the sources' notes inside */
	RE_FLOAT_NOTE,		/* label "Note"; the note's inlines inside */
	RE_BOX,			/* id, number (0: none), label "Box" (to show
				 * with the number, when there is one), name:
				 * its type (note, key-points, sidebar,
				 * disclaimer); RE_BOX_TITLE, then blocks */
	RE_BOX_TITLE,		/* the title's inlines, when it has one */
	/* notes (footnotes) */
	RE_NOTES,		/* the notes of a format that lists them
				 * (render_backend.notes_at_marks false),
				 * before the sources: id, label "Notes",
				 * level (1: at the end, a section of its
				 * own; 2: where ::: sources stands, inside
				 * its section); RE_NOTE_ITEM children */
	RE_NOTE_ITEM,		/* number, id (the note's anchor), href (its
				 * first mark's); the note's blocks, then
				 * RE_BACKLINK leaves (one per mark) */
	/* inlines */
	RE_SOFTBREAK,		/* leaf */
	RE_EMPH,		/* flank */
	RE_STRONG,		/* flank */
	RE_CODE,		/* leaf: text */
	RE_LINK,		/* text: the URL, always http, https or mailto */
	RE_XREF,		/* href: an element of this document */
	RE_NOTE,		/* a source note: href (the evidence), number, id
				 * (the citation's own anchor, for back-links) */
	RE_ABBR,		/* an acronym; text: its expansion */
	RE_NOTE_MARK,		/* a note's mark: number, id (the mark's own
				 * anchor), href (the note's; NULL inside a
				 * link's text, which holds no link); first: the
				 * note's text comes inside (only with
				 * notes_at_marks, once per note: its blocks,
				 * in a note of their own); else a leaf */
	RE__COUNT
} render_el;

/* What follows an emphasis inside its paragraph (render_flank). */
typedef enum render_next {
	RN_END,			/* nothing: the enclosing element ends */
	RN_TEXT,		/* text */
	RN_BREAK,		/* a line break */
	RN_CODE,
	RN_LINK,
	RN_REF,			/* a reference */
	RN_EMPH			/* emphasis or strong emphasis */
} render_next;

/*
 * RE_EMPH and RE_STRONG, entering: what touches the element's edges, for
 * a format whose delimiters read differently by their neighbours
 * (Markdown's flanking rules).
 */
typedef struct render_flank {
	char first, last;	/* the content's first and last byte; 0 when it
				 * starts or ends with something other than text */
	render_next next;	/* what follows */
	char next_char;		/* RN_TEXT: its first byte */
	bool in_emph_first;	/* the first thing inside emphasis */
	bool in_emph_last;	/* the last thing inside emphasis */
} render_flank;

/* A table column's alignment (RE_TABLE, RE_TABLE_HEAD, RE_CELL). */
typedef enum render_align {
	RA_NONE,
	RA_LEFT,
	RA_CENTER,
	RA_RIGHT
} render_align;

/*
 * RE_LOGO, RE_IMAGE: the image, checked to be what its name says (a PNG
 * or a JPEG: image.h).  file and mime are NULL, data empty, when it
 * cannot be read now (the check reports it: missing-file), and then a
 * backend shows the alt text.
 */
typedef struct render_image {
	str src;		/* the path as the brief gives it */
	str data;		/* the file's bytes (render_backend.image_bytes) */
	const char *mime;	/* "image/png", "image/jpeg"; a map's drawing:
				 * RENDER_MIME_SVG, _PDF, _PNG or _MERMAID */
	const char *file;	/* its name in a TeX folder (render_image_file) */
	long width, height;	/* a map's PDF drawing: its size in points
				 * (big points, 1/72 in), for a format that
				 * cuts a tall one into pages; else 0 */
	const char *cuts;	/* ... where a cut crosses no node: heights
				 * in points from its top, ascending, comma-
				 * separated ("" when none is known) */
	const str *more;	/* a map's PNG too tall for a page, cut
				 * between rows of nodes: data is its top
				 * slice, these nmore the ones below it, top
				 * to bottom; else NULL */
	size_t nmore;
	const char *const *alts;	/* ... and then each slice's alt text,
					 * data's first (nmore + 1), in the
					 * brief's language */
} render_image;

/*
 * The evidence map (::: map) is a figure whose image briefc draws, in the
 * form the backend asks for (render_options.map_form): an SVG, a PDF or a
 * PNG by Graphviz's dot, or a Mermaid flowchart's text, which Markdown
 * writes as a ```mermaid block.
 */
typedef enum render_drawing {
	RD_DEFAULT,		/* a PNG for a backend with image_bytes, else
				 * none (the alt text is shown) */
	RD_NONE,
	RD_SVG,
	RD_PDF,
	RD_PNG,
	RD_MERMAID
} render_drawing;

#define RENDER_MIME_SVG "image/svg+xml"
#define RENDER_MIME_PDF "application/pdf"
#define RENDER_MIME_PNG "image/png"
#define RENDER_MIME_MERMAID "text/vnd.mermaid"

/* RE_DOCUMENT: what a page's head or a PDF's properties show. */
typedef struct render_meta {
	str title;		/* the title as plain text */
	span title_at;
	str description;	/* the opening as plain text, cut at a space
				 * after about 200 bytes */
	str subtitle;		/* as plain text; empty when none */
	str organization;	/* as written; empty when none */
	const str *authors;	/* the authors' names */
	size_t nauthors;
	span authors_at;
	str date;		/* as written (YYYY-MM-DD); empty when none */
	str lang;		/* a BCP 47 tag; "en" when none is given */
	span lang_at;
	bool letter;		/* paper: US letter, else A4 */
} render_meta;

/*
 * An event: an element entered or left.  Leaving carries what entering
 * did, but for text fields computed on entering only (flank).
 */
typedef struct render_ev {
	render_el el;
	bool entering;
	bool ordered;		/* RE_LIST, RE_ITEM: an ordered list */
	bool tight;		/* RE_LIST, RE_ITEM: no item of the list has more
				 * than one block; RE_PARAGRAPH: the paragraph is
				 * an item's of such a list */
	bool first;		/* RE_ITEM: the first of its list */
	bool follows_list;	/* RE_LIST, RE_ITEM: the list comes right after
				 * another of its kind, nothing between (a reader
				 * of Markdown would join them) */
	int level;		/* RE_SECTION, RE_HEADING, RE_TOC_ENTRY */
	int depth;		/* every element: how many containers (contents,
				 * lists, quotes, cards, generated lists, the
				 * sources, the glossary) are around it */
	long number;
	const char *id;		/* this element's anchor, or NULL */
	const char *href;	/* the anchor a reference goes to */
	const char *name;
	const char *label;
	/* every event: what follows a label that its text follows
	 * ("Table 2: ", "Source: ", "Confidence: high"), in the brief's
	 * language: the colon (":", French "\u00A0:", Chinese and Japanese
	 * "\uFF1A") and the space after it (" ", or "" after a full-width
	 * colon).  A backend sets them, and no colon of its own. */
	const char *colon;
	const char *colon_space;
	const char *value;
	str text;		/* ...; RE_HEADING leaving: the title as plain text */
	render_flank flank;	/* RE_EMPH, RE_STRONG */
	const render_meta *meta;	/* RE_DOCUMENT */
	bool head;		/* RE_CELL: a header cell */
	render_align align;	/* RE_CELL */
	size_t ncols;		/* RE_TABLE, RE_TABLE_HEAD */
	const render_align *aligns;	/* ... one per column */
	const size_t *widths;	/* RE_TABLE: the longest cell of each column,
				 * in characters of plain text (0 in the
				 * first pass) */
	const str *cells;	/* RE_TABLE_HEAD leaving: ncols plain texts */
	const render_image *image;	/* RE_LOGO, RE_IMAGE */
} render_ev;

typedef struct render render;

typedef struct render_backend {
	void (*event)(render *r, const render_ev *ev);
	/* Text to show: author text or a label; the backend escapes it. */
	void (*text)(render *r, const char *s, size_t n);
	/* The format sets a note's text at its mark (LaTeX's \footnote):
	 * RE_NOTE_MARK brings it.  Otherwise the renderer lists the notes,
	 * RE_NOTES, before the sources. */
	bool notes_at_marks;
	/* RE_IMAGE and RE_LOGO bring the image's bytes (HTML embeds them);
	 * otherwise only its path and name, the file checked but not read. */
	bool image_bytes;
	/* The format lays tables out itself (LaTeX, Word): RE_TABLE brings
	 * its columns' widths and RE_TABLE_HEAD leaving its header as plain
	 * text; otherwise neither is measured. */
	bool table_layout;
} render_backend;

typedef struct render_priv render_priv;

struct render {
	const ast_doc *doc;
	const render_options *opt;
	const render_backend *be;
	void *state;		/* the backend's */
	buf *out;
	span at;		/* where the text being written comes from */
	render_priv *p;
};

/* o (NULL: the defaults) with the map drawn in form f, unless o asks for
 * a form itself (RD_NONE: not drawn, as the fuzzer does, which runs no
 * program): what a backend's render_* passes to render_run. */
static inline render_options render_with_map(const render_options *o,
					     render_drawing f)
{
	render_options c = {0};
	if (o)
		c = *o;
	if (c.map_form == RD_DEFAULT)
		c.map_form = (int)f;
	return c;
}

/* Run the walk with backend be; returns 0, or 1 if a character was
 * reported (render_bad_char) or the map could not be drawn (an error at
 * the ::: map: Graphviz is missing, or failed). */
int render_run(const ast_doc *d, const render_options *o, const render_backend *be,
	       void *state, buf *out);

/*
 * For a backend that cannot write code point cp of the text it was just
 * given (off: its offset in that text, as far as the backend knows): a
 * bad-encoding error "character U+XXXX 'c' WHY", located at the
 * character in the source, with the note help, once per key (the code
 * point, or a group of them the backend names: a script); and render_run
 * returns 1.
 */
void render_bad_char(render *r, size_t off, uint32_t cp, uint32_t key, const char *why,
		     const char *help);

/* Plain text of the inlines under n (references as their labels, no
 * markup, acronyms as written). */
void render_plain(const ast_doc *d, const ast_node *n, buf *out);
/* The first paragraph's plain text, cut after about max bytes at a space. */
void render_description(const ast_doc *d, size_t max, buf *out);
/* The name an image has in a TeX folder: "brief-figure-N.png" for figure
 * N, "brief-logo.png" for the logo (number 0); ".jpg" for a JPEG. */
void render_image_file(int number, bool jpeg, buf *out);

#endif
