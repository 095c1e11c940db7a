/*
 * docx.h - the Word document package (OOXML, ECMA-376 transitional) that
 * the docx backend fills: the parts besides the body text, and the XML of
 * the body's larger structures.
 *
 * render_docx.c maps the renderer's events to paragraphs and runs and
 * writes them into docx_pkg.body; this module owns everything else: the
 * styles (every paragraph, character and table style a brief uses, by
 * the IDs docs/output.md lists), the list numbering, the footnotes, the
 * relationships of hyperlinks and images, the document properties, and the
 * ZIP container (zip.h).  It also writes the XML of tables, pictures,
 * footnote references and panels, so that the backend only decides where
 * they go.
 *
 * Every piece of author text in any part goes through escape_xml; the
 * package never contains a field (w:fldSimple, w:instrText), a macro part,
 * an attached template or any external reference but the hyperlinks'.
 */
#ifndef BRIEFC_DOCX_H
#define BRIEFC_DOCX_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Largest part taken from a template (styles.xml, theme1.xml). */
#define DOCX_MAX_PART ((size_t)16 << 20)

typedef struct docx_image {
	char *data;		/* a copy */
	size_t len;
	bool jpeg;		/* else PNG */
	unsigned rid;
} docx_image;

typedef struct docx_pkg {
	buf body;		/* word/document.xml: what goes in <w:body> */
	buf notes;		/* word/footnotes.xml: the <w:footnote>s */
	buf rels;		/* hyperlink and image relationships */
	buf note_rels;		/* the footnotes' hyperlinks */
	buf nums;		/* numbering.xml: the <w:num>s after the first */
	unsigned next_rid;	/* relationship IDs, after the fixed ones */
	unsigned next_num;	/* numbering instances */
	unsigned next_note;	/* footnote IDs */
	unsigned next_drawing;	/* wp:docPr IDs */
	docx_image *images;
	size_t nimages, cimages;
	/* properties (plain text, UTF-8; any may be empty) */
	buf title, subject, creator, lang, description, company;
	char date[32];		/* W3CDTF, e.g. 2024-02-01T00:00:00Z */
	bool letter;		/* US Letter paper, else A4 */
	/* from a template (--reference-doc), or empty */
	buf ref_styles, ref_theme;
} docx_pkg;

void docx_init(docx_pkg *p);
void docx_free(docx_pkg *p);

/* The width of the text on the page, in twips. */
long docx_text_width(const docx_pkg *p);

/* The front matter's date (YYYY, YYYY-MM or YYYY-MM-DD) as the
 * properties' fixed timestamp: midnight UTC of that day (or its first). */
void docx_set_date(docx_pkg *p, const char *date, size_t n);

/*
 * Take the styles (word/styles.xml) and theme (word/theme/theme1.xml) of
 * a Word document, data[0, len).  0, or -1 with the reason in err: not a
 * ZIP archive, damaged, too large, no styles part, or a styles part that
 * is not UTF-8 XML with a w:styles root.  The styles this package uses
 * and the template lacks are added to it when the package is written.
 */
int docx_reference(docx_pkg *p, const char *data, size_t len, buf *err);

/* Write the whole package into out (a ZIP archive).  0, or -1 with the
 * reason in err. */
int docx_write(docx_pkg *p, buf *out, buf *err);

/* ---- relationships ---- */

/* A hyperlink to url (http, https or mailto; percent-encoded here): its
 * relationship ID, to use as r:id in the body, or in a footnote (note:
 * the footnotes part has relationships of its own). */
unsigned docx_link_rel(docx_pkg *p, bool note, const char *url, size_t n);
/* An image (PNG or JPEG bytes, copied): its relationship ID, for
 * docx_picture; 0 when the bytes are neither (docx_image_size). */
unsigned docx_image_rel(docx_pkg *p, const char *data, size_t len);

/* ---- names ---- */

/*
 * A bookmark name for an anchor: the anchor itself when it has at most 40
 * bytes (Word's limit: a longer name breaks the links to it), else its
 * first 31 bytes, '_' and 8 hex digits of its hash, so that every link and
 * its target agree.  Escaped for an attribute value.
 */
void docx_bookmark_name(buf *out, const char *id, size_t n);

/* ---- lists ---- */

/* Numbering instances: bullets share DOCX_BULLETS; each ordered list gets
 * its own, so that it starts at its first number at its level. */
#define DOCX_BULLETS 1u
unsigned docx_ordered_num(docx_pkg *p, int level, long start);

/* ---- body structures ---- */

typedef enum docx_align {
	DOCX_ALIGN_NONE,	/* the style's (left) */
	DOCX_ALIGN_LEFT,
	DOCX_ALIGN_CENTER,
	DOCX_ALIGN_RIGHT
} docx_align;

/* The w:jc value of an alignment, or NULL. */
const char *docx_align_jc(docx_align a);

/*
 * The widths, in twips, of ncols columns that fill the text width: each
 * a share as large as its longest cell's (chars[k] characters, and two
 * for the margins; chars NULL: all alike) share of the row, and at least
 * about half of an equal share (a column of numbers beside a long label).
 */
void docx_table_grid(const docx_pkg *p, size_t ncols, const size_t *chars, long *twips);

/*
 * A table of ncols columns of widths twips (docx_table_grid) that fills
 * the text width, with table style style (e.g. "BriefTable"); then rows
 * of cells.  A header row repeats on every page a table spans
 * (w:tblHeader) and never breaks across pages.  docx_cell_close adds the
 * empty paragraph a cell must end with when the caller wrote none
 * (had_para false).
 */
void docx_table_open(buf *b, const char *style, size_t ncols, const long *twips,
		     const char *caption, size_t caption_len);
void docx_row_open(buf *b, bool header);
void docx_cell_open(buf *b, long twips);
void docx_cell_close(buf *b, bool had_para);
void docx_row_close(buf *b);
void docx_table_close(buf *b);

/*
 * A panel: one full-width cell of table style style (BriefFindingCard,
 * BriefRecommendationCard, BriefBox...), shaded and bordered by the style,
 * holding any blocks.  docx_panel_close ends it and writes the empty
 * paragraph that keeps two panels in a row from merging into one table.
 */
void docx_panel_open(const docx_pkg *p, buf *b, const char *style);
void docx_panel_close(buf *b, bool had_para);

/*
 * A picture (image rid from docx_image_rel) as one inline drawing run, in
 * the image's own proportions: height_emu high (a logo's), else width_pct
 * percent of the text width, else (0) its size at 96 pixels an inch;
 * never wider than the text nor higher than a page.  alt is its
 * alternative text (wp:docPr descr), escaped here.  Returns false,
 * writing nothing, when rid names no image.
 */
bool docx_picture(docx_pkg *p, buf *b, unsigned rid, int width_pct, long height_emu,
		  const char *alt, size_t alt_len);

/* The pixel size of PNG or JPEG bytes; false when they are neither. */
bool docx_image_size(const char *data, size_t len, bool *jpeg, unsigned long *w,
		     unsigned long *h);

/*
 * Footnotes: docx_note_open starts footnote N in p->notes and returns N;
 * the caller writes its paragraphs there, starting each first one with
 * docx_note_mark (the number in the note), and ends it with
 * docx_note_close.  docx_note_ref writes the reference run in the text.
 */
unsigned docx_note_open(docx_pkg *p);
void docx_note_mark(buf *b);
void docx_note_close(docx_pkg *p);
void docx_note_ref(buf *b, unsigned id);

#endif
