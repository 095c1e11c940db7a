/*
 * docx_styles.h - the styles and list numbering of a Word brief
 * (docx_styles.c); docx.c writes them into the package.
 */
#ifndef BRIEFC_DOCX_STYLES_H
#define BRIEFC_DOCX_STYLES_H

#include <stddef.h>

#include "buf.h"

typedef struct docx_style {
	const char *id;		/* w:styleId */
	const char *xml;	/* the whole <w:style> element */
} docx_style;

/* styles.xml is the head (the document defaults, lang the language of
 * its text), every style, and the tail. */
void docx_styles_head(buf *b, const char *lang, size_t n);
extern const char docx_styles_tail[];
extern const docx_style docx_styles[];
extern const size_t docx_nstyles;

/* numbering.xml: the two abstract lists, the bullets' instance (1) and
 * the ordered lists' instances in nums. */
void docx_numbering(buf *b, const buf *nums);
/* The left indent, in twips, of a list paragraph at level (0..8). */
int docx_list_indent(int level);

#endif
