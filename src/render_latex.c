/*
 * render_latex.c - the LaTeX backend: a standalone document that pdflatex
 * and lualatex compile (with -no-shell-escape -halt-on-error) using only
 * Debian's texlive-latex-base, -latex-recommended, -fonts-recommended and
 * -luatex; with --fragment, the body only.
 *
 * Everything the reader sees goes through escape_latex, so no input can
 * become a TeX command.  Appearance is in \Brief... macros and
 * environments defined in the preamble (docs/output.md lists them), so a
 * user can restyle a fragment by defining them differently.
 *
 * LaTeX allows lists (and quotes, and the card and list environments here,
 * which are lists) to nest only so deep; below that depth a list or quote
 * is written flat, its items as paragraphs with their labels, so deep
 * input never stops the TeX run.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "utf8.h"
#include "xalloc.h"

/* Open list environments allowed: 4 keeps every kind (itemize, enumerate,
 * all lists together) within LaTeX's limits. */
#define LATEX_MAX_DEPTH 4

typedef struct lx_list {
	bool ordered;
	bool flat;
} lx_list;

typedef struct lx {
	escape_latex_state esc;
	lx_list *lists;		/* open lists and quotes */
	size_t nlists, clists;
	int depth;		/* list environments open */
	uint32_t *bad;		/* code points reported */
	size_t nbad, cbad;
	const char *anchor;	/* for the next heading */
	const char *source_id;
	bool finding;		/* the open card is a finding */
	bool breakable;		/* in a link or code */
	bool first_meta;
	int status;
} lx;

static const char preamble_head[] =
	"\\documentclass[11pt,a4paper]{article}\n"
	"\\usepackage{iftex}\n"
	"\\ifPDFTeX\n"
	"  \\usepackage[T1]{fontenc}\n"
	"  \\usepackage[utf8]{inputenc}\n"
	"  \\usepackage{lmodern}\n"
	"  \\usepackage{textcomp}\n"
	"\\else\n"
	"  \\usepackage{fontspec}\n"
	"\\fi\n"
	"\\usepackage[a4paper,margin=2.5cm]{geometry}\n"
	"\\usepackage{xcolor}\n"
	"\\usepackage{parskip}\n"
	"\\usepackage{microtype}\n"
	"\\usepackage{hyperref}\n"
	"\\definecolor{briefaccent}{HTML}{0D4D6E}\n"
	"\\definecolor{brieffinding}{HTML}{9A6212}\n"
	"\\definecolor{briefmuted}{HTML}{5A6472}\n"
	"\\definecolor{briefrule}{HTML}{D3DAE1}\n"
	"\\hypersetup{colorlinks=true,linkcolor=briefaccent,urlcolor=briefaccent,\n"
	"  pdfcreator={briefc}";

/* The macros: \renewcommand any of them to restyle the document. */
static const char preamble_macros[] =
	"\\setcounter{secnumdepth}{0}\n"
	"\\frenchspacing\n"
	"\\setlength{\\emergencystretch}{3em}\n"
	"\\brokenpenalty=10000\n"
	"\\newcommand{\\BriefOrganization}[1]{{\\large\\bfseries\\color{briefaccent}#1\\par}}\n"
	"\\newcommand{\\BriefTitle}[1]{{\\LARGE\\bfseries\\raggedright #1\\par}}\n"
	"\\newcommand{\\BriefSubtitle}[1]{{\\large\\color{briefmuted}#1\\par}}\n"
	"\\newcommand{\\BriefAuthors}[1]{{\\bfseries #1\\par}}\n"
	"\\newcommand{\\BriefDate}[1]{{\\color{briefmuted}#1\\par}}\n"
	"\\newcommand{\\BriefStatus}[1]{{\\small\\bfseries\\color{red!70!black}#1\\par}}\n"
	"\\newenvironment{BriefHeader}{\\begingroup\\setlength{\\parskip}{0.4em}}"
	"{\\par\\vspace{0.3em}{\\color{briefaccent}\\rule{\\linewidth}{2pt}}\\par\\endgroup}\n"
	"\\newcommand{\\BriefContentsTitle}[1]{{\\bfseries\\color{briefaccent}#1\\par}}\n"
	"\\newenvironment{BriefContents}{\\begin{list}{}{\\setlength{\\leftmargin}{0pt}"
	"\\setlength{\\itemsep}{0pt}\\setlength{\\parsep}{0pt}}}{\\end{list}}\n"
	"\\newcommand{\\BriefTocEntry}[2]{\\item\\relax\\ifnum#1>1 \\hspace*{1.5em}\\fi #2}\n"
	"\\newcommand{\\BriefCardColor}{briefaccent}\n"
	"\\newenvironment{BriefCard}[1]{\\renewcommand{\\BriefCardColor}{#1}\\par\\medskip\\noindent{\\color{#1}\\rule{\\linewidth}{1pt}}"
	"\\par\\nopagebreak\\begin{list}{}{\\setlength{\\leftmargin}{0.8em}"
	"\\setlength{\\rightmargin}{0.8em}\\setlength{\\topsep}{0pt}}\\item\\relax}"
	"{\\end{list}\\par\\nopagebreak\\noindent{\\color{briefrule}\\rule{\\linewidth}{0.4pt}}"
	"\\par\\medskip}\n"
	"\\newenvironment{BriefFinding}{\\begin{BriefCard}{brieffinding}}{\\end{BriefCard}}\n"
	"\\newenvironment{BriefRecommendation}{\\begin{BriefCard}{briefaccent}}{\\end{BriefCard}}\n"
	"\\newcommand{\\BriefCardLabel}[1]{{\\small\\bfseries\\color{\\BriefCardColor}#1}\\par\\nopagebreak}\n"
	"\\newcommand{\\BriefCardLead}[1]{{\\bfseries #1\\par}}\n"
	"\\newcommand{\\BriefMetaLine}[1]{{\\small\\color{briefmuted}#1\\par}}\n"
	"\\newcommand{\\BriefMeta}[2]{\\textbf{#1:}~#2}\n"
	"\\newcommand{\\BriefMetaSep}{\\enspace\\textperiodcentered\\enspace}\n"
	"\\newcommand{\\BriefCardFoot}[1]{{\\small\\color{briefmuted}#1\\par}}\n"
	"\\newcommand{\\BriefGroupTitle}[1]{{\\bfseries\\color{briefaccent}#1\\par}}\n"
	"\\newenvironment{BriefList}{\\begin{list}{}{\\setlength{\\leftmargin}{1em}"
	"\\setlength{\\itemsep}{0.3em}}}{\\end{list}}\n"
	"\\newcommand{\\BriefItemLabel}[1]{{\\small\\bfseries #1}\\par\\nopagebreak}\n"
	"\\newenvironment{BriefSources}{\\begin{list}{}{\\setlength{\\labelwidth}{2.2em}"
	"\\setlength{\\leftmargin}{2.8em}\\setlength{\\labelsep}{0.6em}\\small}}{\\end{list}}\n"
	"\\newcommand{\\BriefSourceLabel}[1]{\\textbf{#1}\\hfill}\n"
	"\\newcommand{\\BriefSourceTitle}[1]{\\emph{#1}}\n"
	"\\newcommand{\\BriefBacklink}[1]{\\,\\hyperlink{#1}{\\textuparrow}}\n"
	"\\newenvironment{BriefGlossary}{\\begin{description}}{\\end{description}}\n"
	"\\newcommand{\\BriefCode}[1]{\\texttt{#1}}\n";

/* ---- output ---- */

static void raw(render *r, const char *s)
{
	buf_puts(r->out, s);
	((lx *)r->state)->esc.prev = 0;
}

/*
 * Text.  Inside a link (a source's URL, mostly) and in code a line may
 * break after '/' and the like, and not at a hyphen: URLs and paths then
 * fit the line, and their hyphens are never mistaken for hyphenation.
 */
static void lx_text(render *r, const char *s, size_t n)
{
	lx *x = r->state;
	x->esc.ctx = r;
	if (!x->breakable) {
		escape_latex(r->out, s, n, &x->esc);
		return;
	}
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && !strchr("/.?&=-", s[j] ? s[j] : ' '))
			j++;
		escape_latex(r->out, s + i, j - i, &x->esc);
		if (j == n)
			break;
		if (s[j] == '-')
			raw(r, "\\mbox{-}");
		else
			escape_latex(r->out, s + j, 1, &x->esc);
		if (j + 1 < n && s[j + 1] != ' ')
			raw(r, "\\allowbreak{}");
		i = j + 1;
	}
}

static void lx_str(render *r, const char *s)
{
	lx_text(r, s, strlen(s));
}

/* An ID, as label or destination name. */
static void id(render *r, const char *s)
{
	escape_latex_id(r->out, s, strlen(s));
}

static void label(render *r, const char *s)
{
	if (!s)
		return;
	raw(r, "\\phantomsection\\label{");
	id(r, s);
	raw(r, "}");
}

static void para(render *r)
{
	raw(r, "\n\n");
}

/* A character pdflatex cannot set: one error per code point, at its
 * first place. */
static void bad_char(void *ctx, size_t off, uint32_t cp)
{
	render *r = ctx;
	lx *x = r->state;
	x->status = 1;
	for (size_t i = 0; i < x->nbad; i++)
		if (x->bad[i] == cp)
			return;
	x->bad = xgrow(x->bad, &x->cbad, x->nbad, sizeof *x->bad,
		       "the characters reported");
	x->bad[x->nbad++] = cp;
	/* the character's bytes in the source, near where the text comes from */
	const source *src = &r->doc->src;
	char u[4];
	size_t ulen = utf8_encode(cp, u);
	span at = r->at;
	uint32_t from = at.start + (uint32_t)off;
	if (from >= at.end)
		from = at.start;
	for (int pass = 0; pass < 2 && src->text; pass++) {
		for (uint32_t i = pass ? at.start : from; i + ulen <= at.end && i + ulen <= src->len; i++)
			if (memcmp(src->text + i, u, ulen) == 0) {
				at = span_make(i, i + (uint32_t)ulen);
				pass = 2;
				break;
			}
	}
	diag_list *dl = &((ast_doc *)r->doc)->diags;
	size_t k = diag_report(dl, DC_BAD_ENCODING, at,
			       "character U+%04X '%.*s' cannot be typeset by pdflatex", (unsigned)cp,
			       (int)ulen, u);
	diag_add_help(dl, k, "the LaTeX and PDF outputs use T1 fonts, which cover Latin scripts; "
		      "the HTML and Markdown outputs can show any character");
}

/* ---- the frame ---- */

static void preamble(render *r)
{
	const ast_doc *d = r->doc;
	buf t = BUF_INIT;
	raw(r, preamble_head);
	raw(r, ",\n  pdftitle={");
	if (d->meta.title && d->meta.title->inl)
		render_plain(d, d->meta.title->inl, &t);
	r->at = d->meta.title ? d->meta.title->value_at : span_make(0, 0);
	lx_text(r, t.data ? t.data : "", t.len);
	raw(r, "},\n  pdfauthor={");
	r->at = d->meta.authors ? d->meta.authors->value_at : span_make(0, 0);
	for (size_t i = 0; i < d->meta.nauthors; i++) {
		if (i)
			raw(r, "; ");
		lx_text(r, d->meta.author_names[i].p, d->meta.author_names[i].len);
	}
	raw(r, "},\n  pdflang={");
	if (d->meta.lang && d->meta.lang->value.len) {
		r->at = d->meta.lang->value_at;
		lx_text(r, d->meta.lang->value.p, d->meta.lang->value.len);
	} else {
		raw(r, "en");
	}
	raw(r, "}}\n");
	raw(r, preamble_macros);
	raw(r, "\\begin{document}\n");
	buf_free(&t);
}

/* ---- lists ---- */

static lx_list *list_push(lx *x, bool ordered)
{
	x->lists = xgrow(x->lists, &x->clists, x->nlists, sizeof *x->lists,
			 "the open lists");
	lx_list *l = &x->lists[x->nlists++];
	l->ordered = ordered;
	l->flat = x->depth >= LATEX_MAX_DEPTH || (x->nlists > 1 && x->lists[x->nlists - 2].flat);
	if (!l->flat)
		x->depth++;
	return l;
}

/* A list or quote: an environment, or flat when too deep. */
static void container(render *r, const render_ev *ev, const char *env)
{
	lx *x = r->state;
	if (ev->entering) {
		lx_list *l = list_push(x, ev->ordered);
		para(r);
		if (!l->flat) {
			raw(r, "\\begin{");
			raw(r, env);
			raw(r, "}");
		}
		return;
	}
	lx_list *l = &x->lists[--x->nlists];
	if (!l->flat) {
		x->depth--;
		raw(r, "\n\\end{");
		raw(r, env);
		raw(r, "}");
	}
	para(r);
}

static void list_item(render *r, const render_ev *ev)
{
	lx *x = r->state;
	if (!ev->entering || !x->nlists)
		return;
	lx_list *l = &x->lists[x->nlists - 1];
	char num[40];
	snprintf(num, sizeof num, "%ld.", ev->number);
	if (l->flat) {
		para(r);
		raw(r, "\\noindent ");
		raw(r, l->ordered ? num : "\\textbullet");
		raw(r, "~");
	} else if (l->ordered) {
		raw(r, "\n\\item[");
		raw(r, num);
		raw(r, "] ");
	} else {
		raw(r, "\n\\item{} ");
	}
}

/* An environment of ours that is a list. */
static void own_list(render *r, const render_ev *ev, const char *env)
{
	lx *x = r->state;
	if (ev->entering) {
		x->depth++;
		para(r);
		raw(r, "\\begin{");
		raw(r, env);
		raw(r, "}");
	} else {
		x->depth--;
		raw(r, "\n\\end{");
		raw(r, env);
		raw(r, "}");
		para(r);
	}
}

/* \Macro{ ... } around content. */
static void macro(render *r, const render_ev *ev, const char *name)
{
	if (ev->entering) {
		raw(r, "\\");
		raw(r, name);
		raw(r, "{");
	} else {
		raw(r, "}");
	}
}

static void lx_event(render *r, const render_ev *ev)
{
	lx *x = r->state;
	bool in = ev->entering;
	switch (ev->el) {
	case RE_DOCUMENT:
		if (in) {
			x->nlists = 0;
			x->depth = 0;
			x->anchor = NULL;
			x->esc.prev = 0;
			if (!r->opt->fragment)
				preamble(r);
		} else {
			raw(r, r->opt->fragment ? "\n" : "\n\\end{document}\n");
		}
		break;
	case RE_HEADER:
		if (in)
			raw(r, "\\begin{BriefHeader}\n");
		else
			raw(r, "\\end{BriefHeader}\n");
		break;
	case RE_ORGANIZATION:
		macro(r, ev, "BriefOrganization");
		break;
	case RE_TITLE:
		macro(r, ev, "BriefTitle");
		break;
	case RE_SUBTITLE:
		macro(r, ev, "BriefSubtitle");
		break;
	case RE_AUTHORS:
		macro(r, ev, "BriefAuthors");
		break;
	case RE_DATE:
		macro(r, ev, "BriefDate");
		break;
	case RE_STATUS:
		macro(r, ev, "BriefStatus");
		break;
	case RE_TOC:
		if (in) {
			para(r);
			label(r, ev->id);
			raw(r, "\\BriefContentsTitle{");
			lx_str(r, ev->label);
			raw(r, "}\n\\begin{BriefContents}");
			x->depth++;
		} else {
			x->depth--;
			raw(r, "\n\\end{BriefContents}");
			para(r);
		}
		break;
	case RE_TOC_ENTRY:
		if (in) {
			char lv[48];
			snprintf(lv, sizeof lv, "\n\\BriefTocEntry{%d}{\\hyperref[", ev->level);
			raw(r, lv);
			id(r, ev->href);
			raw(r, "]{");
		} else {
			raw(r, "}}");
		}
		break;
	case RE_MAIN:
	case RE_CARD_HEAD:
	case RE_GENERATED:
	case RE_GEN_TEXT:
	case RE_ABBR:
		break;
	case RE_SECTION:
		if (in)
			x->anchor = ev->id;
		break;
	case RE_HEADING:
		if (in) {
			static const char *const cmd[] = {"section", "section", "subsection",
				"subsubsection"};
			para(r);
			raw(r, "\\");
			raw(r, cmd[ev->level]);
			raw(r, "{\\texorpdfstring{");
			/* the anchor is the heading's, or its section's */
			if (ev->id)
				x->anchor = ev->id;
		} else {
			buf t = BUF_INIT;
			if (ev->node)
				render_plain(r->doc, ev->node, &t);
			else
				buf_puts(&t, ev->label);
			raw(r, "}{");
			lx_text(r, t.data, t.len);
			buf_free(&t);
			raw(r, "}}");
			label(r, x->anchor);
			x->anchor = NULL;
			para(r);
		}
		break;
	case RE_PARAGRAPH:
		para(r);
		break;
	case RE_LIST:
		container(r, ev, ev->ordered ? "enumerate" : "itemize");
		break;
	case RE_ITEM:
		list_item(r, ev);
		break;
	case RE_QUOTE:
		container(r, ev, "quote");
		break;
	case RE_CARD:
		if (in) {
			x->depth++;
			x->finding = strcmp(ev->name, "finding") == 0;
			para(r);
			raw(r, x->finding ? "\\begin{BriefFinding}" : "\\begin{BriefRecommendation}");
			label(r, ev->id);
			raw(r, "\n");
		} else {
			x->depth--;
			raw(r, x->finding ? "\n\\end{BriefFinding}" : "\n\\end{BriefRecommendation}");
			para(r);
		}
		break;
	case RE_CARD_LABEL:
		macro(r, ev, "BriefCardLabel");
		break;
	case RE_CARD_LEAD:
		if (in)
			raw(r, "\n");
		macro(r, ev, "BriefCardLead");
		break;
	case RE_CARD_META:
		if (in) {
			x->first_meta = true;
			raw(r, "\n");
		}
		macro(r, ev, "BriefMetaLine");
		break;
	case RE_META:
		if (in) {
			if (!x->first_meta)
				raw(r, "\\BriefMetaSep ");
			x->first_meta = false;
			raw(r, "\\BriefMeta{");
			lx_str(r, ev->label);
			raw(r, "}{");
		} else {
			raw(r, "}");
		}
		break;
	case RE_CARD_FOOT:
		if (in)
			para(r);
		macro(r, ev, "BriefCardFoot");
		break;
	case RE_GROUP:
		if (in) {
			para(r);
			label(r, ev->id);
		}
		break;
	case RE_GROUP_TITLE:
		macro(r, ev, "BriefGroupTitle");
		break;
	case RE_GEN_LIST:
		own_list(r, ev, "BriefList");
		break;
	case RE_GEN_ITEM:
		if (in)
			raw(r, "\n\\item ");
		break;
	case RE_GEN_LABEL:
		macro(r, ev, "BriefItemLabel");
		break;
	case RE_SOURCES:
		own_list(r, ev, "BriefSources");
		break;
	case RE_SOURCE:
		if (in)
			x->source_id = ev->id;
		else
			raw(r, "\n");
		break;
	case RE_SOURCE_LABEL:
		if (in) {
			raw(r, "\n\\item[{\\BriefSourceLabel{");
		} else {
			raw(r, "}}]");
			label(r, x->source_id);
			raw(r, " ");
		}
		break;
	case RE_SOURCE_TITLE:
		macro(r, ev, "BriefSourceTitle");
		break;
	case RE_BACKLINK:
		raw(r, "\\BriefBacklink{");
		id(r, ev->href);
		raw(r, "}");
		break;
	case RE_GLOSSARY:
		own_list(r, ev, "BriefGlossary");
		break;
	case RE_GLOSS_TERM:
		raw(r, in ? "\n\\item[{" : "}] ");
		break;
	case RE_GLOSS_DEF:
		break;
	case RE_SOFTBREAK:
		raw(r, "\n");
		break;
	case RE_EMPH:
		macro(r, ev, "emph");
		break;
	case RE_STRONG:
		macro(r, ev, "textbf");
		break;
	case RE_CODE: {
		/* line breaks in code are spaces, as in every format */
		const char *p = ev->text.p, *end = p + ev->text.len;
		bool was = x->breakable;
		x->breakable = true;
		raw(r, "\\BriefCode{");
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			const char *stop = nl ? nl : end;
			lx_text(r, p, (size_t)(stop - p));
			if (nl)
				lx_text(r, " ", 1);
			p = nl ? nl + 1 : end;
		}
		x->breakable = was;
		raw(r, "}");
		break;
	}
	case RE_LINK:
		if (in) {
			raw(r, "\\href{");
			escape_url(r->out, ev->text.p, ev->text.len, ESCAPE_URL_LATEX);
			raw(r, "}{");
			x->breakable = true;
		} else {
			x->breakable = false;
			raw(r, "}");
		}
		break;
	case RE_XREF:
	case RE_NOTE:
		if (in) {
			if (ev->id) {
				raw(r, "\\hypertarget{");
				id(r, ev->id);
				raw(r, "}{}");
			}
			raw(r, "\\hyperref[");
			id(r, ev->href);
			raw(r, "]{");
		} else {
			raw(r, "}");
		}
		break;
	case RE__COUNT:
		break;
	}
}

static const render_backend latex_backend = {lx_event, lx_text};

int render_latex(const ast_doc *d, const render_options *o, buf *out)
{
	lx x;
	memset(&x, 0, sizeof x);
	x.esc.bad = bad_char;
	int rc = render_run(d, o, &latex_backend, &x, out);
	free(x.lists);
	free(x.bad);
	return rc ? rc : x.status;
}
