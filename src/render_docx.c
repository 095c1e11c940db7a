/*
 * render_docx.c - the Word backend: a .docx package (docx.h) whose body
 * says what every other format says.
 *
 * The renderer's events become paragraphs and runs with real styles: the
 * title block in Title, Subtitle, Author and Date; headings in Heading 1-3
 * (with outline levels, so Word's navigation pane and contents work);
 * lists through numbering definitions; finding and recommendation cards as
 * one-cell tables of a shaded, bordered table style; generated lists,
 * sources and the glossary in paragraph styles of their own.  Anchors are
 * bookmarks, references internal hyperlinks to them, links external
 * hyperlinks.  docs/output.md lists every style, for house templates.
 *
 * Every byte of text, the author's and the labels render.c decides alike,
 * goes through escape_xml (docx_text), and only there: no author text can
 * become markup, a field or a control character.
 *
 * The per-depth state (open lists, items and quotes) is on the heap, so
 * the depth of the input costs no stack.
 */
#include "render_docx.h"

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

typedef enum dx_kind { DX_LIST, DX_ITEM, DX_QUOTE } dx_kind;

typedef struct dx_frame {
	dx_kind kind;
	unsigned num;		/* DX_LIST: its numbering instance */
	int level;		/* DX_LIST: 0..DX_MAX_LEVEL */
	bool first;		/* DX_ITEM: no paragraph written yet */
} dx_frame;

typedef struct dx {
	docx_pkg pkg;
	buf *w;			/* where the body goes */
	dx_frame *st;		/* open lists, items and quotes */
	size_t n, cap;
	int lists, quotes;	/* of them, lists and quotes */
	bool para, run;		/* a paragraph, a run is open */
	int emph, strong, cite;
	const char *rstyle;	/* character style of the text, or NULL */
	bool link;		/* in a hyperlink */
	bool panel, panel_para;	/* in a card; a paragraph written in it */
	bool finding;		/* the card or generated list is of findings */
	bool source;		/* in a source entry */
	bool tab_next;		/* the next blank is a tab */
	unsigned metas;		/* details written in the card */
	unsigned note_bm;	/* the bookmark of the open source note */
	char **pending;		/* anchors for the next paragraph */
	size_t npending, cpending;
	unsigned next_bm;
} dx;

static dx *X(render *r)
{
	return r->state;
}

static void put(dx *x, const char *s)
{
	buf_puts(x->w, s);
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
	buf_printf(x->w, "<w:bookmarkStart w:id=\"%u\" w:name=\"", id);
	docx_bookmark_name(x->w, name, strlen(name));
	put(x, "\"/>");
}

static void bookmark_end(dx *x, unsigned id)
{
	buf_printf(x->w, "<w:bookmarkEnd w:id=\"%u\"/>", id);
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
	if (x->run)
		put(x, "</w:t></w:r>");
	x->run = false;
}

static void para_close(dx *x)
{
	run_close(x);
	if (x->para)
		put(x, "</w:p>");
	x->para = false;
}

/* A paragraph of style style; num and level: its list numbering (num 0:
 * none); indent: a left indent in twips (0: the style's). */
static void para_open(dx *x, const char *style, unsigned num, int level, long indent)
{
	para_close(x);
	put(x, "<w:p><w:pPr><w:pStyle w:val=\"");
	put(x, style);
	put(x, "\"/>");
	if (num)
		buf_printf(x->w, "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"%u\"/></w:numPr>",
			   level, num);
	if (indent)
		buf_printf(x->w, "<w:ind w:left=\"%ld\"/>", indent);
	put(x, "</w:pPr>");
	x->para = true;
	x->panel_para |= x->panel;
	pending_flush(x);
}

/* A paragraph for inline content that comes outside one. */
static void para_need(dx *x)
{
	if (!x->para)
		para_open(x, x->source ? "BriefSource" : "BodyText", 0, 0, 0);
}

static void empty_para(dx *x, const char *style)
{
	para_open(x, style, 0, 0, 0);
	para_close(x);
}

static void rpr(dx *x, const char *style)
{
	if (!style && !x->strong && !x->emph && !x->cite)
		return;
	put(x, "<w:rPr>");
	if (style) {
		put(x, "<w:rStyle w:val=\"");
		put(x, style);
		put(x, "\"/>");
	}
	if (x->strong)
		put(x, "<w:b/><w:bCs/>");
	if (x->emph || x->cite)
		put(x, "<w:i/><w:iCs/>");
	put(x, "</w:rPr>");
}

static void run_open(dx *x)
{
	if (x->run)
		return;
	para_need(x);
	put(x, "<w:r>");
	rpr(x, x->rstyle ? x->rstyle : x->link ? "Hyperlink" : NULL);
	put(x, "<w:t xml:space=\"preserve\">");
	x->run = true;
}

static void set_rstyle(dx *x, const char *style)
{
	if (x->rstyle != style)
		run_close(x);
	x->rstyle = style;
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
	if (x->tab_next) {
		x->tab_next = false;
		if (n && s[0] == ' ') {
			s++;
			n--;
		}
		run_element(x, "<w:tab/>");
	}
	if (!n)
		return;
	run_open(x);
	escape_xml(x->w, s, n);
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
	docx_bookmark_name(x->w, href, strlen(href));
	put(x, "\" w:history=\"1\">");
	x->link = true;
}

static void link_close(dx *x)
{
	run_close(x);
	put(x, "</w:hyperlink>");
	x->link = false;
}

/* ---- blocks ---- */

static void push(dx *x, dx_kind k)
{
	x->st = xgrow(x->st, &x->cap, x->n, sizeof *x->st, "the open lists");
	dx_frame *f = &x->st[x->n++];
	memset(f, 0, sizeof *f);
	f->kind = k;
	x->lists += k == DX_LIST;
	x->quotes += k == DX_QUOTE;
}

static void pop(dx *x)
{
	dx_frame *f = &x->st[--x->n];
	x->lists -= f->kind == DX_LIST;
	x->quotes -= f->kind == DX_QUOTE;
}

/* The list of item frame f (the frame below an item is its list). */
static const dx_frame *list_of(const dx *x, const dx_frame *f)
{
	return f > x->st ? f - 1 : f;
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
	for (size_t i = x->n; i-- > 0;)
		if (x->st[i].kind == DX_ITEM) {
			base = docx_list_indent(list_of(x, &x->st[i])->level);
			break;
		}
	if (base == 0 && x->quotes == 1)
		return 0;
	return base + (long)DX_QUOTE_INDENT * x->quotes;
}

static void paragraph(dx *x)
{
	dx_frame *f = x->n ? &x->st[x->n - 1] : NULL;
	if (f && f->kind == DX_ITEM)
		item_para(x, f);
	else if (f && f->kind == DX_QUOTE)
		para_open(x, "Quote", 0, 0, quote_indent(x));
	else
		para_open(x, x->source ? "BriefSourceNote" : "BodyText", 0, 0, 0);
}

/* An item whose first block is not a paragraph still shows its bullet. */
static void item_mark(dx *x)
{
	dx_frame *f = x->n ? &x->st[x->n - 1] : NULL;
	if (f && f->kind == DX_ITEM && f->first) {
		item_para(x, f);
		para_close(x);
	}
}

static void list_open(dx *x, const render_ev *ev)
{
	para_close(x);
	item_mark(x);
	int level = x->lists > DX_MAX_LEVEL ? DX_MAX_LEVEL : x->lists;
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

/* ---- properties ---- */

static bool is_letter_lang(const str *l)
{
	static const char *const us[] = {"en-us", "en-ca"};
	for (size_t i = 0; i < 2; i++) {
		if (l->len != 5)
			continue;
		size_t k = 0;
		while (k < 5 && (l->p[k] | 0x20) == (us[i][k] | 0x20))
			k++;
		if (k == 5)
			return true;
	}
	return false;
}

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
	p->letter = is_letter_lang(&m->lang);
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
	case RE_TABLE:
	case RE_FIGURE:
	case RE_BOX:
		/* their anchor, on the next paragraph: references link there */
		if (in)
			pending_add(x, ev->id);
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
			docx_panel_open(&x->pkg, x->w, x->finding ? "BriefFindingCard"
				       : "BriefRecommendationCard");
			x->panel = true;
			x->panel_para = false;
		} else {
			docx_panel_close(x->w, x->panel_para);
			x->panel = false;
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
			text(r, ":");
			set_rstyle(x, NULL);
			text(r, " ");
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
			x->source = true;
		} else {
			para_close(x);
			x->source = false;
		}
		break;
	case RE_SOURCE_LABEL:
		set_rstyle(x, in ? "BriefSourceLabel" : NULL);
		x->tab_next = !in;
		break;
	case RE_SOURCE_TITLE:
		run_close(x);
		x->cite += in ? 1 : -1;
		break;
	case RE_BACKLINK:
		if (ev->name)	/* to a note's mark, which this backend
				 * does not write yet: no link to nowhere */
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
		x->emph += in ? 1 : -1;
		break;
	case RE_STRONG:
		run_close(x);
		x->strong += in ? 1 : -1;
		break;
	case RE_CODE: {
		const char *keep = x->rstyle;
		set_rstyle(x, "VerbatimChar");
		docx_text(r, ev->text.p, ev->text.len);
		set_rstyle(x, keep);
		break;
	}
	case RE_LINK:
		if (in) {
			run_close(x);
			para_need(x);
			unsigned id = docx_link_rel(&x->pkg, ev->text.p, ev->text.len);
			buf_printf(x->w, "<w:hyperlink r:id=\"rId%u\" w:history=\"1\">", id);
			x->link = true;
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
			x->note_bm = 0;
			if (ev->id) {
				x->note_bm = x->next_bm++;
				bookmark_start(x, x->note_bm, ev->id);
			}
			link_anchor(x, ev->href);
		} else {
			link_close(x);
			if (x->note_bm)
				bookmark_end(x, x->note_bm);
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

static const render_backend docx_backend = {docx_event, docx_text, false, false};

int render_docx(const ast_doc *d, const render_options *o, const char *ref, size_t ref_len,
		buf *out, buf *err)
{
	dx x;
	memset(&x, 0, sizeof x);
	docx_init(&x.pkg);
	x.w = &x.pkg.body;
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
	docx_free(&x.pkg);
	return rc;
}
