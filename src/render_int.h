/*
 * render_int.h - what the files of the renderer share; not for backends
 * (they see render.h only).
 *
 * The renderer is a few files, one concern each: render.c the walk over
 * the tree and the frame around it (title block, contents, sections,
 * setup); render_text.c author text, its acronyms and dates, and plain
 * text; render_refs.c what references say and the finding and
 * recommendation cards; render_gen.c the generated blocks (lists of
 * recommendations and findings, sources, glossary); render_float.c
 * tables, figures and boxes; render_map.c the evidence map's figure;
 * render_notes.c notes.
 */
#ifndef BRIEFC_RENDER_INT_H
#define BRIEFC_RENDER_INT_H

#include "acronym.h"
#include "i18n.h"
#include "prose.h"
#include "render.h"

typedef struct piece_marks piece_marks;
typedef struct acro_use acro_use;
typedef struct acro_ctx acro_ctx;

struct render_priv {
	const i18n_lang *lang;	/* the words and dates of the brief's lang */
	acronym_table acr;	/* the declared acronyms (acronym.h) */
	bool *acr_done;		/* by index: spelled out already */
	bool *acr_well;		/* ... a use in running text reads well
				 * spelled out (the first pass) */
	size_t nwell;		/* how many have one */
	bool acr_looking;	/* the first pass looks for them */
	bool acr_only;		/* ... and for nothing else (render_run) */
	bool pass_over;		/* the first pass has found all it looks for:
				 * the rest of its walk is skipped */
	prose flat;		/* the prose being scanned for acronyms */
	piece_marks *pieces;	/* the text pieces of the prose being written */
	size_t npieces, cpieces;
	acro_use *uses;		/* ... the acronym uses in them */
	size_t nuses, cuses;
	acro_ctx *ctx;		/* ... innermost last */
	size_t nctx, cctx;
	const ast_node *text_node;	/* the text node being written, or NULL */
	unsigned *cites;	/* by source number: citations written so far */
	unsigned *cites_total;	/* ... and in the whole first pass */
	bool counted;		/* the first pass ran (render_run) */
	size_t nsrc;
	bool *anchor_done;	/* by area index: its group anchor written */
	bool *anchored;		/* ... somewhere in the first pass */
	size_t nother;		/* recommendations of no (known) area */
	struct render_list *lists;	/* the open lists, innermost last */
	size_t nlists, clists;
	int depth;		/* containers open (render_ev.depth) */
	uint32_t *bad;		/* keys reported (render_bad_char) */
	size_t nbad, cbad;
	render_meta meta;	/* of the document (render_run) */
	buf title, subtitle, description, plain;
	int sect[3];		/* levels of the open sections */
	int nsect;
	unsigned nolinks;	/* > 0: references and links are plain text */
	unsigned noexpand;	/* > 0: not running text */
	unsigned inlink;	/* > 0: inside a link's text */
	unsigned nonotes;	/* > 0: text repeated, not written: no note
				 * marks (render_notes.c) */
	size_t nnotes;		/* the notes in use (d->notes) */
	unsigned *note_marks;	/* by note number: marks written so far */
	unsigned *note_marks_total;	/* ... and in the whole first pass */
	bool *note_written;	/* ... its text written at a mark */
	bool notes_done;	/* the list of notes written */
	unsigned inlabel;	/* > 0: writing a section title as a label */
	buf id;			/* generated anchors */
	buf tmp;
	buf map;		/* the map's drawing, made once (render_map.c) */
	const char *map_mime;	/* ... its type; NULL: none */
	long map_width, map_height;	/* ... a PDF's size, in points */
	buf map_cuts;		/* ... where a page may cut it (render_image) */
	size_t *map_ends;	/* ... a PNG in slices: where each ends in map */
	size_t map_nslices;	/* ... how many (0: one drawing, not cut) */
};

/* An open list: what its items' events say. */
typedef struct render_list {
	long next;		/* the next item's number */
	bool ordered, tight, follows_list, first;
} render_list;

/* The backends of the renderer's own passes: the counting pass writes
 * nothing, render_plain writes text alone. */
extern const render_backend render_null_backend, render_plain_backend;

/* ---- render.c: events, literal text, the walk ---- */

void render_fire(render *r, render_ev *ev);
/* An element with nothing but its name: entered or left. */
void render_mark(render *r, render_el e, bool entering);
/* Text briefc writes (labels, punctuation): no acronyms looked for. */
void render_litn(render *r, const char *s, size_t n);
void render_lit(render *r, const char *s);
/* before and v in decimal, as one piece of text ("Finding 3"). */
void render_lit_num(render *r, const char *before, long v);
/* The language of a brief's words and dates: its lang's, else English. */
const i18n_lang *render_doc_lang(const ast_doc *d);
/* A word briefc writes itself, in the brief's language (i18n.h). */
const char *render_word(const render *r, i18n_word w);
void render_lit_word(render *r, i18n_word w);
/* The word, a space and v, as one piece of text ("Finding 3"). */
void render_lit_label(render *r, i18n_word w, long v);
/* The joiner before item i (from 0) of n: nothing, LIST_SEP or AND. */
void render_lit_joiner(render *r, size_t i, size_t n);
str render_field_value(const ast_field *f);
/* Whether a field is there and not empty. */
bool render_has(const ast_field *f);
/* Walk the children of n (a block, a heading, an inline holder). */
void render_children(render *r, const ast_node *n);
/* The inline children of holder as one piece of prose (acronyms). */
void render_inlines(render *r, const ast_node *holder);
/* The inlines of a field (its parsed text), or its plain value. */
void render_field_inlines(render *r, const ast_field *f);

/* ---- render_text.c: author text ---- */

void render_acro_init(render_priv *p, const ast_doc *d);
void render_acro_reset(render_priv *p);
void render_acro_free(render_priv *p);
/* Enter the prose under holder, leave it: its acronyms are found. */
void render_acro_push(render *r, const ast_node *holder);
void render_acro_pop(render *r);
/* Author text at source span at: acronyms marked, the first spelled out. */
void render_text(render *r, const char *s, size_t n, span at);
/* A text node: its pieces, and a soft break for each newline (ast.h). */
void render_text_node(render *r, const ast_node *n);
void render_text_field(render *r, const ast_field *f);
/* Identifier-like author text (names, a report number): as written, no
 * acronym looked for (contract 11.8). */
void render_name(render *r, const char *s, size_t n, span at);
/* A date field, spelled out ("1 February 2024"). */
void render_lit_date(render *r, const ast_field *f);

/* ---- render_refs.c: references and cards ---- */

/* The anchor of a node, or NULL. */
const char *render_node_id(const ast_node *n);
/* What a reference to t says, without the link. */
void render_label(render *r, const ast_node *t);
/* A reference to t: its label, linked where t has an anchor. */
void render_xref(render *r, const ast_node *t);
/* The targets of [@a; @b] or of an ID list. */
void render_refs(render *r, const ast_idlist *l);
/* The anchor of the k-th citation of evidence e (in p->id). */
const char *render_cite_anchor(render_priv *p, const ast_node *e, unsigned k);
/* A finding or a recommendation: its card opened, its body follows;
 * closed with its footer. */
void render_card_open(render *r, const ast_node *b);
void render_card_close(render *r, const ast_node *b);

/* ---- render_float.c: tables, figures, boxes, images ---- */

void render_table(render *r, const ast_node *t);
void render_figure(render *r, const ast_node *f);
/* A box: its panel opened (and its title), its body follows; closed. */
void render_box_open(render *r, const ast_node *b);
void render_box_close(render *r, const ast_node *b);
/* The title block's logo (the front matter's logo:), alt its alt text. */
void render_logo(render *r, const ast_field *logo, const char *alt);

/* ---- render_map.c: the evidence map ---- */

/* Draw the document's map for the backend, once, before the pass that
 * writes: 0, or 1 after an error at the first ::: map (see render_run). */
int render_map_prepare(render *r);
/* A ::: map: a figure with the drawing as its image. */
void render_map(render *r, const ast_node *m);

/* ---- render_notes.c: notes ---- */

/* The anchor of the list of notes. */
#define RENDER_NOTES_ID "brief.notes"

void render_notes_init(render_priv *p, const ast_doc *d);
void render_notes_reset(render_priv *p);
void render_notes_free(render_priv *p);
/* A use of a note, [^label]. */
void render_note_mark(render *r, const ast_node *ref);
/* The list of notes, once, for a format that lists them: its anchor,
 * title and level (RE_NOTES). */
void render_notes(render *r, const char *id, const char *label, int level);
/* Whether render_notes would write anything. */
bool render_notes_due(const render *r);

/* ---- render_gen.c: generated blocks ---- */

/* ::: recommendations, findings, sources or glossary. */
void render_generated(render *r, const ast_node *b);
/* The list of sources (also appended when no ::: sources places it). */
void render_sources(render *r);

/* A recommendation whose area: names no area. */
static inline bool render_of_no_area(const ast_node *rec)
{
	const ast_node *t = rec->u.block->area.target;
	return !t || t->type != AST_AREA;
}

#endif
