/*
 * render_docx.c - the Word backend: a .docx package (docx.h) whose body
 * says what every other format says.
 *
 * The renderer's events become paragraphs and runs with real styles: the
 * title block in Title, Subtitle, Author and Date; headings in Heading 1-3
 * (with outline levels, so Word's navigation pane and contents work);
 * lists through numbering definitions (a nested list one level down);
 * finding and recommendation cards, and boxes, as one-cell tables of a
 * shaded, bordered table style; tables as Word tables whose header row
 * repeats on every page, under a Caption and over their sources; figures
 * and the logo as pictures embedded in the package, with their alt text;
 * notes as Word footnotes (the renderer gives a note's text at its first
 * mark: notes_at_marks); generated lists, sources and the glossary in
 * paragraph styles of their own.  Anchors are bookmarks, references
 * internal hyperlinks to them, links external hyperlinks.
 * docs/output.md lists every style, for house templates.
 *
 * Every byte of text, the author's and the labels render.c decides alike,
 * goes through escape_xml (docx_text), and only there: no author text can
 * become markup, a field or a control character.
 *
 * The per-depth state (open lists, items and quotes) is on the heap, so
 * the depth of the input costs no stack.  A footnote's text is written
 * into the footnotes part while the paragraph of its mark is open: the
 * state of that paragraph is set aside meanwhile (dx_aside).
 */
#include "render_docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "docx_styles.h"
#include "escape.h"
#include "xalloc.h"

/* Word has nine list levels; deeper lists are drawn at the ninth. */
#define DX_MAX_LEVEL 8
/* A quote's indent, in twips, per level of quoting. */
#define DX_QUOTE_INDENT 454
/* The logo's height, in EMU (1.2 cm, as in the PDF). */
#define DX_LOGO_HEIGHT 432000L

typedef enum dx_kind { DX_LIST, DX_ITEM, DX_QUOTE } dx_kind;

typedef struct dx_frame {
	dx_kind kind;
	unsigned num;		/* DX_LIST: its numbering instance */
	int level;		/* DX_LIST: 0..DX_MAX_LEVEL */
	bool first;		/* DX_ITEM: no paragraph written yet */
} dx_frame;

/* Where text goes and what is open there: the body's is set aside while
 * a footnote's text is written. */
typedef struct dx_aside {
	buf *w;			/* the body or the footnotes */
	size_t base;		/* frames of the stack below are not this text's */
	int lists, quotes;	/* of its frames, lists and quotes */
	bool para, run;		/* a paragraph, a run is open */
	int emph, strong, cite;
	const char *rstyle;	/* character style of the text, or NULL */
	bool link;		/* in a hyperlink */
	bool panel, panel_para;	/* in a card or box; a paragraph written in it */
	bool cell, cell_para;	/* in a table's cell; a paragraph written in it */
	bool source;		/* in a source entry */
	bool tab_next;		/* the next blank is a tab */
	unsigned note_bm;	/* the bookmark of the open source note */
} dx_aside;

typedef struct dx {
	docx_pkg pkg;
	dx_aside c;		/* where the text goes now: the body, or a footnote */
	dx_frame *st;		/* open lists, items and quotes */
	size_t n, cap;
	bool finding;		/* the card or generated list is of findings */
	unsigned metas;		/* details written in the card */
	char **pending;		/* anchors for the next paragraph */
	size_t npending, cpending;
	unsigned next_bm;
	/* a footnote's text: the body's state meanwhile, and the mark that
	 * starts its first paragraph still to write */
	bool in_note, note_due;
	dx_aside body;
	/* the table being written */
	size_t ncols;
	long *grid;		/* its columns' widths, in twips */
	size_t cgrid;
	buf caption;		/* its caption as plain text */
	bool tbl, head;		/* a w:tbl is open; in its header */
	bool float_end;		/* nothing written after the table yet */
} dx;

static dx *X(render *r)
{
	return r->state;
}

static void put(dx *x, const char *s)
{
	buf_puts(x->c.w, s);
}

/* ---- anchors ---- */

static void pending_add(dx *x, const char *id)
{
	if (!id)
		return;
	x->pending = xgrow(x->pending, &x->cpending, x->npending, sizeof *x->pending,
			   "the anchors");
	size_t n = strlen(id);
	char *c = xmalloc(n + 1, "an anchor");
	memcpy(c, id, n + 1);
	x->pending[x->npending++] = c;
}

static void bookmark_start(dx *x, unsigned id, const char *name)
{
	buf_printf(x->c.w, "<w:bookmarkStart w:id=\"%u\" w:name=\"", id);
	docx_bookmark_name(x->c.w, name, strlen(name));
	put(x, "\"/>");
}

static void bookmark_end(dx *x, unsigned id)
{
	buf_printf(x->c.w, "<w:bookmarkEnd w:id=\"%u\"/>", id);
}

/* The anchors waiting for a paragraph, at its start. */
static void pending_flush(dx *x)
{
	for (size_t i = 0; i < x->npending; i++) {
		unsigned id = x->next_bm++;
		bookmark_start(x, id, x->pending[i]);
		bookmark_end(x, id);
		free(x->pending[i]);
	}
	x->npending = 0;
}

/* ---- paragraphs and runs ---- */

static void run_close(dx *x)
{
	if (x->c.run)
		put(x, "</w:t></w:r>");
	x->c.run = false;
}

static void para_close(dx *x)
{
	run_close(x);
	if (x->c.para)
		put(x, "</w:p>");
	x->c.para = false;
}

/* A paragraph of style style; num and level: its list numbering (num 0:
 * none); indent: a left indent in twips (0: the style's); jc: its
 * alignment (NULL: the style's). */
static void para_start(dx *x, const char *style, unsigned num, int level, long indent,
		       const char *jc)
{
	para_close(x);
	put(x, "<w:p><w:pPr><w:pStyle w:val=\"");
	put(x, style);
	put(x, "\"/>");
	if (num)
		buf_printf(x->c.w, "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"%u\"/></w:numPr>",
			   level, num);
	if (indent)
		buf_printf(x->c.w, "<w:ind w:left=\"%ld\"/>", indent);
	if (jc) {
		put(x, "<w:jc w:val=\"");
		put(x, jc);
		put(x, "\"/>");
	}
	put(x, "</w:pPr>");
	x->c.para = true;
	x->c.panel_para |= x->c.panel;
	x->c.cell_para |= x->c.cell;
	x->float_end = false;
	if (x->note_due) {	/* a footnote's text starts with its number */
		x->note_due = false;
		docx_note_mark(x->c.w);
	}
	if (!x->in_note)	/* a footnote holds no anchor of the body's */
		pending_flush(x);
}

static void para_open(dx *x, const char *style, unsigned num, int level, long indent)
{
	para_start(x, style, num, level, indent, NULL);
}

/* The style of a paragraph of running text where x is. */
static const char *body_style(const dx *x)
{
	return x->in_note ? "FootnoteText" : x->c.source ? "BriefSource" : "BodyText";
}

/* A paragraph for inline content that comes outside one. */
static void para_need(dx *x)
{
	if (!x->c.para)
		para_open(x, body_style(x), 0, 0, 0);
}

static void empty_para(dx *x, const char *style)
{
	para_open(x, style, 0, 0, 0);
	para_close(x);
}

static void rpr(dx *x, const char *style)
{
	if (!style && !x->c.strong && !x->c.emph && !x->c.cite)
		return;
	put(x, "<w:rPr>");
	if (style) {
		put(x, "<w:rStyle w:val=\"");
		put(x, style);
		put(x, "\"/>");
	}
	if (x->c.strong)
		put(x, "<w:b/><w:bCs/>");
	if (x->c.emph || x->c.cite)
		put(x, "<w:i/><w:iCs/>");
	put(x, "</w:rPr>");
}

static void run_open(dx *x)
{
	if (x->c.run)
		return;
	para_need(x);
	put(x, "<w:r>");
	rpr(x, x->c.rstyle ? x->c.rstyle : x->c.link ? "Hyperlink" : NULL);
	put(x, "<w:t xml:space=\"preserve\">");
	x->c.run = true;
}

static void set_rstyle(dx *x, const char *style)
{
	if (x->c.rstyle != style)
		run_close(x);
	x->c.rstyle = style;
}

/* A run of its own: a tab, a break. */
static void run_element(dx *x, const char *el)
{
	run_close(x);
	para_need(x);
	put(x, "<w:r>");
	put(x, el);
	put(x, "</w:r>");
}

static void docx_text(render *r, const char *s, size_t n)
{
	dx *x = X(r);
	if (x->c.tab_next) {
		x->c.tab_next = false;
		if (n && s[0] == ' ') {
			s++;
			n--;
		}
		run_element(x, "<w:tab/>");
	}
	if (!n)
		return;
	run_open(x);
	escape_xml(x->c.w, s, n);
}

static void text(render *r, const char *s)
{
	docx_text(r, s, strlen(s));
}

/* ---- hyperlinks ---- */

static void link_anchor(dx *x, const char *href)
{
	run_close(x);
	para_need(x);
	put(x, "<w:hyperlink w:anchor=\"");
	docx_bookmark_name(x->c.w, href, strlen(href));
	put(x, "\" w:history=\"1\">");
	x->c.link = true;
}

static void link_close(dx *x)
{
	run_close(x);
	put(x, "</w:hyperlink>");
	x->c.link = false;
}

/* ---- blocks ---- */

static void push(dx *x, dx_kind k)
{
	x->st = xgrow(x->st, &x->cap, x->n, sizeof *x->st, "the open lists");
	dx_frame *f = &x->st[x->n++];
	memset(f, 0, sizeof *f);
	f->kind = k;
	x->c.lists += k == DX_LIST;
	x->c.quotes += k == DX_QUOTE;
}

static void pop(dx *x)
{
	dx_frame *f = &x->st[--x->n];
	x->c.lists -= f->kind == DX_LIST;
	x->c.quotes -= f->kind == DX_QUOTE;
}

/* The list of item frame f (the frame below an item is its list). */
static const dx_frame *list_of(const dx *x, const dx_frame *f)
{
	return f > x->st ? f - 1 : f;
}

/* The innermost open list, item or quote of the text being written, or
 * NULL (a footnote's text does not see the body's). */
static dx_frame *top(dx *x)
{
	return x->n > x->c.base ? &x->st[x->n - 1] : NULL;
}

/* The first paragraph of an item carries its number or bullet. */
static void item_para(dx *x, dx_frame *item)
{
	const dx_frame *l = list_of(x, item);
	if (item->first) {
		item->first = false;
		para_open(x, "ListParagraph", l->num, l->level, 0);
	} else {
		para_open(x, "ListParagraph", 0, 0, docx_list_indent(l->level));
	}
}

/* The left indent of a quote paragraph: its quote level, inside the
 * innermost list item's text. */
static long quote_indent(const dx *x)
{
	long base = 0;
	for (size_t i = x->n; i-- > x->c.base;)
		if (x->st[i].kind == DX_ITEM) {
			base = docx_list_indent(list_of(x, &x->st[i])->level);
			break;
		}
	if (base == 0 && x->c.quotes == 1)
		return 0;
	return base + (long)DX_QUOTE_INDENT * x->c.quotes;
}

static void paragraph(dx *x)
{
	dx_frame *f = top(x);
	if (f && f->kind == DX_ITEM)
		item_para(x, f);
	else if (f && f->kind == DX_QUOTE)
		para_open(x, "Quote", 0, 0, quote_indent(x));
	else
		para_open(x, x->in_note ? "FootnoteText" : x->c.source ? "BriefSourceNote"
			  : "BodyText", 0, 0, 0);
}

/* An item whose first block is not a paragraph still shows its bullet. */
static void item_mark(dx *x)
{
	dx_frame *f = top(x);
	if (f && f->kind == DX_ITEM && f->first) {
		item_para(x, f);
		para_close(x);
	}
}

static void list_open(dx *x, const render_ev *ev)
{
	para_close(x);
	if (x->note_due)	/* a footnote that starts with a list */
		empty_para(x, "FootnoteText");
	item_mark(x);
	int level = x->c.lists > DX_MAX_LEVEL ? DX_MAX_LEVEL : x->c.lists;
	unsigned num = ev->ordered ? docx_ordered_num(&x->pkg, level, ev->number) : DOCX_BULLETS;
	push(x, DX_LIST);
	x->st[x->n - 1].num = num;
	x->st[x->n - 1].level = level;
}

static const char *level_style(const char *value)
{
	if (!value)
		return NULL;
	if (strcmp(value, "high") == 0)
		return "BriefLevelHigh";
	if (strcmp(value, "medium") == 0)
		return "BriefLevelMedium";
	if (strcmp(value, "low") == 0)
		return "BriefLevelLow";
	return NULL;
}

/* ---- footnotes ---- */

/* Set the body's state aside and write into the footnote just opened. */
static void note_enter(dx *x)
{
	x->body = x->c;
	memset(&x->c, 0, sizeof x->c);
	x->c.w = &x->pkg.notes;
	x->c.base = x->n;
	x->in_note = x->note_due = true;
}

/* End the footnote's text and take the body's state back. */
static void note_leave(dx *x)
{
	para_close(x);
	if (x->note_due)	/* a note with no text still has its number */
		empty_para(x, "FootnoteText");
	docx_note_close(&x->pkg);
	x->in_note = false;
	x->c = x->body;
}

/*
 * A note's mark: the first (ev->first) a Word footnote, whose text the
 * events inside bring; a later one its number, linked to the first mark
 * as LaTeX's \footnotemark (a Word footnote has one reference).  Word
 * numbers footnotes in the order of their references, which is the
 * order of the notes' numbers (by first use).  Each mark has its anchor.
 */
static void note_mark(render *r, const render_ev *ev)
{
	dx *x = X(r);
	if (!ev->entering) {
		if (ev->first)
			note_leave(x);
		return;
	}
	run_close(x);
	para_need(x);
	unsigned bm = 0;
	if (ev->id && !x->in_note) {
		bm = x->next_bm++;
		bookmark_start(x, bm, ev->id);
	}
	if (ev->first) {
		unsigned id = docx_note_open(&x->pkg);
		docx_note_ref(x->c.w, id);
		if (bm)
			bookmark_end(x, bm);
		note_enter(x);
		return;
	}
	char first[64];
	snprintf(first, sizeof first, "brief.noteref.%ld", ev->number);
	bool linked = ev->href && !x->c.link;
	if (linked)
		link_anchor(x, first);
	const char *keep = x->c.rstyle;
	set_rstyle(x, "FootnoteReference");
	char num[32];
	snprintf(num, sizeof num, "%ld", ev->number);
	text(r, num);
	set_rstyle(x, keep);
	if (linked)
		link_close(x);
	if (bm)
		bookmark_end(x, bm);
}

/* ---- tables, figures, boxes ---- */

/* "Table 2:", "Source:": a label and the language's colon, in its
 * character style. */
static void float_label(render *r, const render_ev *ev, long number)
{
	dx *x = X(r);
	const char *keep = x->c.rstyle;
	set_rstyle(x, "BriefFloatLabel");
	text(r, ev->label);
	if (number > 0) {
		char n[32];
		snprintf(n, sizeof n, " %ld", number);
		text(r, n);
	}
	text(r, ev->colon);
	set_rstyle(x, keep);
	text(r, ev->colon_space);
}

static void table_enter(dx *x, const render_ev *ev)
{
	pending_add(x, ev->id);
	x->ncols = ev->ncols;
	x->grid = xgrow(x->grid, &x->cgrid, ev->ncols ? ev->ncols - 1 : 0, sizeof *x->grid,
			"a table's columns");
	docx_table_grid(&x->pkg, ev->ncols, ev->widths, x->grid);
	buf_clear(&x->caption);
	buf_put(&x->caption, ev->text.p, ev->text.len);
}

/* The w:tbl, before the first row of its header or body. */
static void table_start(dx *x)
{
	if (x->tbl)
		return;
	para_close(x);
	docx_table_open(x->c.w, "BriefTable", x->ncols, x->grid, x->caption.data, x->caption.len);
	x->tbl = true;
}

static void cell(dx *x, const render_ev *ev)
{
	if (ev->entering) {
		size_t k = (size_t)ev->number < x->ncols ? (size_t)ev->number : 0;
		docx_cell_open(x->c.w, x->ncols ? x->grid[k] : docx_text_width(&x->pkg));
		x->c.cell = true;
		x->c.cell_para = false;
		para_start(x, ev->head ? "BriefTableHead" : "BriefTableText", 0, 0, 0,
			   docx_align_jc((docx_align)ev->align));
	} else {
		para_close(x);
		docx_cell_close(x->c.w, x->c.cell_para);
		x->c.cell = false;
	}
}

/* A figure's picture, or the logo; its alt text where it cannot be read
 * (missing-file has said so). */
static void picture(render *r, const render_ev *ev, const char *style, int width_pct,
		    long height)
{
	dx *x = X(r);
	const render_image *im = ev->image;
	const char *alt = ev->label ? ev->label : "";
	para_open(x, style, 0, 0, 0);
	unsigned rid = 0;
	if (im && im->data.len)
		rid = docx_image_rel(&x->pkg, im->data.p, im->data.len);
	run_close(x);
	if (!rid || !docx_picture(&x->pkg, x->c.w, rid, width_pct, height, alt, strlen(alt))) {
		text(r, "[");
		text(r, alt);
		text(r, "]");
	}
	para_close(x);
}

/*
 * A map too tall for a page, in slices (render_image.more): a picture
 * each, at its own size, in paragraphs of BriefMapSlice, which has no
 * space between them (the slices meet) and may end a page: a figure's
 * keep-with-next between slices would ask for them all on one page.
 * The first follows the caption, which keeps with it.  The alt text is
 * the map's on the first; the others say which part of it they are
 * (render_image.alts, in the brief's language).
 */
static void map_slices(render *r, const render_ev *ev)
{
	const render_image *im = ev->image;
	size_t n = im->nmore + 1;
	for (size_t i = 0; i < n; i++) {
		render_image one = *im;
		one.data = i ? im->more[i - 1] : im->data;
		one.more = NULL;
		one.nmore = 0;
		one.alts = NULL;
		render_ev e = *ev;
		e.image = &one;
		if (im->alts)
			e.label = im->alts[i];
		picture(r, &e, "BriefMapSlice", 0, 0);
	}
}

/* A box's table style, by its type. */
static const char *box_style(const char *type)
{
	if (type && strcmp(type, "key-points") == 0)
		return "BriefBoxKeyPoints";
	if (type && strcmp(type, "sidebar") == 0)
		return "BriefBoxSidebar";
	if (type && strcmp(type, "disclaimer") == 0)
		return "BriefBoxDisclaimer";
	return "BriefBox";
}

static void box(render *r, const render_ev *ev)
{
	dx *x = X(r);
	para_close(x);
	if (!ev->entering) {
		docx_panel_close(x->c.w, x->c.panel_para);
		x->c.panel = false;
		return;
	}
	item_mark(x);
	pending_add(x, ev->id);
	docx_panel_open(&x->pkg, x->c.w, box_style(ev->name));
	x->c.panel = true;
	x->c.panel_para = false;
	if (ev->number > 0) {
		para_open(x, "BriefBoxLabel", 0, 0, 0);
		char n[32];
		snprintf(n, sizeof n, " %ld", ev->number);
		text(r, ev->label);
		text(r, n);
		para_close(x);
	}
}

/* ---- properties ---- */

/* The package's properties, from what the document's event says. */
static void properties(const render_meta *m, docx_pkg *p)
{
	buf_put(&p->title, m->title.p, m->title.len);
	buf_put(&p->subject, m->subtitle.p, m->subtitle.len);
	for (size_t i = 0; i < m->nauthors; i++) {
		if (i)
			buf_puts(&p->creator, "; ");
		buf_put(&p->creator, m->authors[i].p, m->authors[i].len);
	}
	buf_put(&p->lang, m->lang.p, m->lang.len);
	p->letter = m->letter;
	buf_put(&p->company, m->organization.p, m->organization.len);
	buf_put(&p->description, m->description.p, m->description.len);
	if (m->date.len)
		docx_set_date(p, m->date.p, m->date.len);
}

/* The elements that are a paragraph of one style; docx_event handles
 * the rest, and an element in neither (RE_MAIN, RE_SOURCES, ...) adds
 * nothing of its own. */
static const char *const dx_styles[RE__COUNT] = {
	[RE_ORGANIZATION] = "BriefOrganization",
	[RE_TITLE] = "Title",
	[RE_SUBTITLE] = "Subtitle",
	[RE_AUTHORS] = "Author",
	[RE_DATE] = "Date",
	[RE_STATUS] = "BriefStatus",
	[RE_SERIES] = "BriefSeries",
	[RE_BOX_TITLE] = "BriefBoxTitle",
	[RE_CARD_LEAD] = "BriefCardLead",
	[RE_CARD_FOOT] = "BriefCardFoot",
	[RE_GROUP_TITLE] = "BriefGroupTitle",
};

static void docx_event(render *r, const render_ev *ev)
{
	dx *x = X(r);
	bool in = ev->entering;
	switch (ev->el) {
	case RE_DOCUMENT:
		if (in)
			properties(ev->meta, &x->pkg);
		break;
	case RE_LOGO:
		picture(r, ev, "BriefLogo", 0, DX_LOGO_HEIGHT);
		break;
	case RE_SERIES_NUMBER:
	case RE_AFFILIATION:
		set_rstyle(x, !in ? NULL : ev->el == RE_AFFILIATION ? "BriefAffiliation"
			   : "BriefSeriesNumber");
		break;
	case RE_UPDATED:
	case RE_VERSION:
		if (in) {
			para_open(x, ev->el == RE_UPDATED ? "BriefUpdated" : "BriefVersion", 0, 0, 0);
			text(r, ev->label);	/* with its separator */
		} else {
			para_close(x);
		}
		break;
	case RE_TABLE:
		if (in) {
			table_enter(x, ev);
		} else if (x->float_end) {
			/* a table right after would merge with this one */
			empty_para(x, "BriefPanelEnd");
		}
		break;
	case RE_FIGURE:
		/* the anchor, on the caption: references link there */
		if (in)
			pending_add(x, ev->id);
		break;
	case RE_CAPTION:
		if (in) {
			para_open(x, "Caption", 0, 0, 0);
			float_label(r, ev, ev->number);
		} else {
			para_close(x);
		}
		break;
	case RE_TABLE_HEAD:
		x->head = in;
		if (in)
			table_start(x);
		break;
	case RE_TABLE_BODY:
		if (in) {
			table_start(x);
		} else if (x->tbl) {
			docx_table_close(x->c.w);
			x->tbl = false;
			x->float_end = true;
		}
		break;
	case RE_ROW:
		in ? docx_row_open(x->c.w, x->head) : docx_row_close(x->c.w);
		break;
	case RE_CELL:
		cell(x, ev);
		break;
	case RE_IMAGE:
		if (ev->image && ev->image->nmore)
			map_slices(r, ev);
		else
			picture(r, ev, "BriefFigure",
				(int)(ev->number > 0 && ev->number <= 100 ? ev->number : 0), 0);
		break;
	case RE_FLOAT_SOURCE:
	case RE_FLOAT_NOTE:
		if (in) {
			para_open(x, "BriefTableNote", 0, 0, 0);
			float_label(r, ev, 0);
		} else {
			para_close(x);
		}
		break;
	case RE_BOX:
		box(r, ev);
		break;
	case RE_NOTE_MARK:
		note_mark(r, ev);
		break;
	case RE_HEADER:
		if (!in)
			empty_para(x, "BriefHeaderRule");
		break;
	case RE_TOC:
		if (in) {
			pending_add(x, ev->id);
			para_open(x, "TOCHeading", 0, 0, 0);
			text(r, ev->label);
			para_close(x);
		} else {
			empty_para(x, "BriefContentsEnd");
		}
		break;
	case RE_TOC_ENTRY:
		if (in) {
			para_open(x, ev->level > 1 ? "TOC2" : "TOC1", 0, 0, 0);
			link_anchor(x, ev->href);
			set_rstyle(x, "BriefTocLink");
		} else {
			set_rstyle(x, NULL);
			link_close(x);
			para_close(x);
		}
		break;
	case RE_SECTION:
	case RE_GROUP:
		if (in)
			pending_add(x, ev->id);
		break;
	case RE_HEADING:
		if (in) {
			static const char *const h[] = {"Heading1", "Heading1", "Heading2", "Heading3"};
			pending_add(x, ev->id);
			para_open(x, h[ev->level < 1 || ev->level > 3 ? 1 : ev->level], 0, 0, 0);
		} else {
			para_close(x);
		}
		break;
	case RE_PARAGRAPH:
		in ? paragraph(x) : para_close(x);
		break;
	case RE_LIST:
		if (in)
			list_open(x, ev);
		else
			pop(x);
		break;
	case RE_ITEM:
		if (in) {
			para_close(x);
			push(x, DX_ITEM);
			x->st[x->n - 1].first = true;
		} else {
			para_close(x);
			item_mark(x);
			pop(x);
		}
		break;
	case RE_QUOTE:
		para_close(x);
		if (in) {
			item_mark(x);
			push(x, DX_QUOTE);
		} else {
			pop(x);
		}
		break;
	case RE_CARD:
		para_close(x);
		if (in) {
			item_mark(x);
			x->finding = ev->name && strcmp(ev->name, "finding") == 0;
			pending_add(x, ev->id);
			docx_panel_open(&x->pkg, x->c.w, x->finding ? "BriefFindingCard"
				       : "BriefRecommendationCard");
			x->c.panel = true;
			x->c.panel_para = false;
		} else {
			docx_panel_close(x->c.w, x->c.panel_para);
			x->c.panel = false;
		}
		break;
	case RE_CARD_LABEL:
		in ? para_open(x, x->finding ? "BriefFindingLabel" : "BriefCardLabel", 0, 0, 0)
		   : para_close(x);
		break;
	case RE_CARD_META:
		if (in) {
			para_open(x, "BriefCardMeta", 0, 0, 0);
			x->metas = 0;
		} else {
			para_close(x);
		}
		break;
	case RE_META:
		if (in) {
			set_rstyle(x, NULL);
			if (x->metas++)
				text(r, "  \xC2\xB7  ");
			set_rstyle(x, "BriefMetaLabel");
			text(r, ev->label);
			text(r, ev->colon);
			set_rstyle(x, NULL);
			text(r, ev->colon_space);
			set_rstyle(x, level_style(ev->value));
		} else {
			set_rstyle(x, NULL);
		}
		break;
	case RE_GENERATED:
		if (in) {
			para_close(x);
			x->finding = ev->name && strcmp(ev->name, "findings") == 0;
		} else {
			empty_para(x, "BriefGenEnd");
		}
		break;
	case RE_GEN_ITEM:
		in ? para_open(x, x->finding ? "BriefGenFinding" : "BriefGenRecommendation", 0, 0, 0)
		   : para_close(x);
		break;
	case RE_GEN_LABEL:
		if (in) {
			set_rstyle(x, x->finding ? "BriefGenFindingLabel" : "BriefGenLabel");
		} else {
			set_rstyle(x, NULL);
			run_element(x, "<w:br/>");
		}
		break;
	case RE_SOURCE:
		if (in) {
			pending_add(x, ev->id);
			para_open(x, "BriefSource", 0, 0, 0);
			x->c.source = true;
		} else {
			para_close(x);
			x->c.source = false;
		}
		break;
	case RE_SOURCE_LABEL:
		set_rstyle(x, in ? "BriefSourceLabel" : NULL);
		x->c.tab_next = !in;
		break;
	case RE_SOURCE_TITLE:
		run_close(x);
		x->c.cite += in ? 1 : -1;
		break;
	case RE_BACKLINK:
		if (ev->name)	/* to a note's mark: only in a list of notes,
				 * which footnotes make needless
				 * (notes_at_marks) */
			break;
		set_rstyle(x, NULL);
		text(r, " ");
		link_anchor(x, ev->href);
		set_rstyle(x, "BriefBacklink");
		text(r, "\xE2\x86\x91");
		set_rstyle(x, NULL);
		link_close(x);
		break;
	case RE_GLOSS_TERM:
		if (in) {
			para_open(x, "BriefGlossary", 0, 0, 0);
			set_rstyle(x, "BriefGlossaryTerm");
		} else {
			set_rstyle(x, NULL);
			run_element(x, "<w:tab/>");
		}
		break;
	case RE_GLOSS_DEF:
		if (!in)
			para_close(x);
		break;
	case RE_SOFTBREAK:
		text(r, " ");
		break;
	case RE_EMPH:
		run_close(x);
		x->c.emph += in ? 1 : -1;
		break;
	case RE_STRONG:
		run_close(x);
		x->c.strong += in ? 1 : -1;
		break;
	case RE_CODE: {
		const char *keep = x->c.rstyle;
		set_rstyle(x, "VerbatimChar");
		docx_text(r, ev->text.p, ev->text.len);
		set_rstyle(x, keep);
		break;
	}
	case RE_LINK:
		if (in) {
			run_close(x);
			para_need(x);
			unsigned id = docx_link_rel(&x->pkg, x->in_note, ev->text.p, ev->text.len);
			buf_printf(x->c.w, "<w:hyperlink r:id=\"rId%u\" w:history=\"1\">", id);
			x->c.link = true;
		} else {
			link_close(x);
		}
		break;
	case RE_XREF:
		in ? link_anchor(x, ev->href) : link_close(x);
		break;
	case RE_NOTE:
		if (in) {
			run_close(x);
			para_need(x);
			x->c.note_bm = 0;
			if (ev->id) {
				x->c.note_bm = x->next_bm++;
				bookmark_start(x, x->c.note_bm, ev->id);
			}
			link_anchor(x, ev->href);
		} else {
			link_close(x);
			if (x->c.note_bm)
				bookmark_end(x, x->c.note_bm);
		}
		break;
	default:
		/* a paragraph of its own style, or nothing of its own */
		if (!dx_styles[ev->el])
			break;
		if (in)
			para_open(x, dx_styles[ev->el], 0, 0, 0);
		else
			para_close(x);
		break;
	}
}

static const render_backend docx_backend = {docx_event, docx_text, true, true, true};

int render_docx(const ast_doc *d, const render_options *o, const char *ref, size_t ref_len,
		buf *out, buf *err)
{
	dx x;
	memset(&x, 0, sizeof x);
	docx_init(&x.pkg);
	x.c.w = &x.pkg.body;
	x.next_bm = 1;
	int rc = 0;
	if (ref && docx_reference(&x.pkg, ref, ref_len, err) != 0) {
		rc = -1;
	} else {
		buf unused = BUF_INIT;
		render_run(d, o, &docx_backend, &x, &unused);
		buf_free(&unused);
		para_close(&x);
		rc = docx_write(&x.pkg, out, err);
	}
	for (size_t i = 0; i < x.npending; i++)
		free(x.pending[i]);
	free(x.pending);
	free(x.st);
	free(x.grid);
	buf_free(&x.caption);
	docx_free(&x.pkg);
	return rc;
}
