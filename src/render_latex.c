/*
 * render_latex.c - the LaTeX backend: a standalone document that pdflatex
 * and lualatex compile (with -no-shell-escape -halt-on-error) using only
 * Debian's texlive-latex-base, -latex-recommended, -fonts-recommended and
 * -luatex; with --fragment, the body only.
 *
 * Which engine, languages and fonts the document needs is decided before
 * the walk, from the brief's characters and language (latex_fonts.h).
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
 *
 * Tables are longtables (they break across pages, the header repeated),
 * figures are figure floats, both numbered with briefc's numbers (the
 * counter set before each, so \ref and the caption say what every other
 * format says).  Notes are footnotes with briefc's numbers, set at their
 * first mark; where TeX takes no footnote (a heading, a caption, a
 * table's header, a link's text) the mark is \footnotemark and the text
 * a \footnotetext right after that element.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "latex_fonts.h"
#include "utf8.h"
#include "width.h"

/* Open list environments allowed: 4 keeps every kind (itemize, enumerate,
 * all lists together) within LaTeX's limits. */
#define LATEX_MAX_DEPTH 4

/* What the backend remembers between events: its own output's state. */
typedef struct lx {
	escape_latex_state esc;
	const char *anchor;	/* for the next heading: its section's */
	const char *source_id;	/* the source being written */
	bool breakable;		/* in a link or code */
	bool first_meta;	/* no card detail written yet */
	latex_setup setup;	/* engine, languages, fonts: before the walk */
	buf running;		/* the right of the running head: series and number */
	span running_at;
	const char *float_id;	/* the table or figure being written */
	str float_caption;	/* ... its caption, plain */
	size_t ncols;		/* ... a table's columns */
	bool had_head;		/* ... a table's header written */
	unsigned moving;	/* > 0: where a footnote cannot go */
	buf pending;		/* \footnotetext for after that */
	bool note_start;	/* a note's text begins: no paragraph break */
	bool map;		/* writing the evidence map's figure */
	buf *saved;		/* the output, while writing into pending */
} lx;

/* Before the languages and fonts: under pdflatex the T1 fonts, and the
 * same document still compiles with lualatex. */
static const char preamble_class[] =
	"\\documentclass[11pt,%s]{article}\n"
	"\\usepackage{iftex}\n";
static const char preamble_pdftex[] =
	"\\ifPDFTeX\n"
	"  \\usepackage[T1]{fontenc}\n"
	"  \\usepackage[utf8]{inputenc}\n"
	"  \\usepackage{lmodern}\n"
	"  \\usepackage{textcomp}\n"
	"\\else\n"
	"  \\usepackage{fontspec}\n"
	"\\fi\n";

/* After the paper size (geometry). */
static const char preamble_head[] =
	"\\usepackage{xcolor}\n"
	"\\usepackage{graphicx}\n"
	"\\usepackage{array}\n"
	"\\usepackage{longtable}\n"
	"\\usepackage{booktabs}\n"
	"\\usepackage{parskip}\n"
	"\\usepackage{microtype}\n"
	"\\usepackage{hyperref}\n"
	"\\usepackage{bookmark}\n"
	"\\usepackage{refcount}\n"
	"\\usepackage{fancyhdr}\n"
	"\\definecolor{briefaccent}{HTML}{0D4D6E}\n"
	"\\definecolor{brieffinding}{HTML}{9A6212}\n"
	"\\definecolor{briefmuted}{HTML}{5A6472}\n"
	"\\definecolor{briefrule}{HTML}{D3DAE1}\n"
	"\\hypersetup{colorlinks=true,linkcolor=briefaccent,urlcolor=briefaccent,\n"
	"  pdfcreator={briefc}}\n";

/* The macros: \renewcommand any of them to restyle the document. */
static const char preamble_macros[] =
	"\\setcounter{secnumdepth}{0}\n"
	"\\frenchspacing\n"
	"\\setlength{\\emergencystretch}{3em}\n"
	"\\brokenpenalty=10000\n"
	/* no paragraph leaves one line alone at the foot or the head of a
	 * page */
	"\\clubpenalty=10000\n"
	"\\widowpenalty=10000\n"
	"\\newcommand{\\BriefOrganization}[1]{{\\large\\bfseries\\color{briefaccent}#1\\par}}\n"
	"\\newcommand{\\BriefTitle}[1]{{\\LARGE\\bfseries\\raggedright #1\\par}}\n"
	"\\newcommand{\\BriefSubtitle}[1]{{\\large\\color{briefmuted}#1\\par}}\n"
	"\\newcommand{\\BriefAuthors}[1]{{\\bfseries #1\\par}}\n"
	"\\newcommand{\\BriefDate}[1]{{\\color{briefmuted}#1\\par}}\n"
	"\\newcommand{\\BriefStatus}[1]{{\\small\\bfseries\\color{red!70!black}#1\\par}}\n"
	"\\newenvironment{BriefHeader}{\\begingroup\\setlength{\\parskip}{0.4em}}"
	"{\\par\\vspace{0.3em}{\\color{briefaccent}\\rule{\\linewidth}{2pt}}\\par\\endgroup}\n"
	/* no page break after what heads the lines below it, not even at
	 * the start of a list (LaTeX invites one there, as a heading does
	 * not: \\@nobreaktrue) */
	"\\makeatletter\\newcommand{\\BriefKeep}{\\par\\nopagebreak\\@nobreaktrue}\\makeatother\n"
	"\\newcommand{\\BriefContentsTitle}[1]{{\\bfseries\\color{briefaccent}#1\\par}\\BriefKeep}\n"
	"\\newenvironment{BriefContents}{\\begin{list}{}{\\setlength{\\leftmargin}{0pt}"
	"\\setlength{\\itemsep}{0pt}\\setlength{\\parsep}{0pt}}}{\\end{list}}\n"
	"\\newcommand{\\BriefTocEntry}[2]{\\item\\relax\\ifnum#1>1 \\hspace*{1.5em}\\fi #2}\n"
	"\\newcommand{\\BriefCardColor}{briefaccent}\n"
	/* a new page unless the card's rule, label and lead (and a line of
	 * its body) fit on this one: never a rule alone at a page's foot */
	/* (right after a heading, which must stay with what follows, the
	 * card is left to TeX: nothing between the two can break) */
	"\\makeatletter\\newcommand{\\BriefNeedSpace}[1]{\\par\\if@nobreak\\else"
	"\\ifdim\\dimexpr\\pagegoal-\\pagetotal\\relax<#1\\relax"
	"\\ifdim\\dimexpr\\pagegoal-\\pagetotal\\relax>0pt\\vfil\\penalty-10000\\fi\\fi\\fi}"
	"\\makeatother\n"
	/* (the card's list neither begins nor ends with the break LaTeX
	 * invites there, and its paragraph begins before the card's anchor,
	 * which between paragraphs would be a place to break: neither rule
	 * is ever alone at a page's edge) */
	"\\makeatletter\n"
	/* (a card is set in a box first, to measure it: one that fits on a
	 * page starts a new page rather than break, unless it follows a
	 * heading; \\unvbox gives the page its lines, notes and anchors back,
	 * so a card taller than a page still breaks between lines) */
	"\\newbox\\BriefCardBox\\newif\\ifBriefCardAfterHead\n"
	"\\newenvironment{BriefCard}[1]{\\renewcommand{\\BriefCardColor}{#1}\\par"
	"\\if@nobreak\\BriefCardAfterHeadtrue\\else\\BriefCardAfterHeadfalse\\fi"
	"\\setbox\\BriefCardBox\\vbox\\bgroup\\color@begingroup"
	"\\medskip\\noindent{\\color{#1}\\rule{\\linewidth}{1pt}}"
	"\\BriefKeep\\begin{list}{}{\\setlength{\\leftmargin}{0.8em}"
	"\\setlength{\\rightmargin}{0.8em}\\setlength{\\topsep}{0pt}"
	"\\@beginparpenalty=10000\\@endparpenalty=10000}\\item\\leavevmode}"
	"{\\end{list}\\par\\nopagebreak\\noindent{\\color{briefrule}\\rule{\\linewidth}{0.4pt}}"
	"\\par\\color@endgroup\\egroup\\BriefPlaceCard\\medskip}\n"
	"\\newcommand{\\BriefPlaceCard}{\\@tempdima=\\dimexpr\\ht\\BriefCardBox+\\dp\\BriefCardBox\\relax"
	"\\ifBriefCardAfterHead\\else\\ifdim\\@tempdima<\\textheight\\BriefNeedSpace{\\@tempdima}"
	"\\else\\BriefNeedSpace{7\\baselineskip}\\fi\\fi\\unvbox\\BriefCardBox}\n"
	"\\makeatother\n"
	"\\newenvironment{BriefFinding}{\\begin{BriefCard}{brieffinding}}{\\end{BriefCard}}\n"
	"\\newenvironment{BriefRecommendation}{\\begin{BriefCard}{briefaccent}}{\\end{BriefCard}}\n"
	"\\newcommand{\\BriefCardLabel}[1]{{\\small\\bfseries\\color{\\BriefCardColor}#1}\\par\\nopagebreak}\n"
	/* the head of a card (rule, label, lead, details) stays together,
	 * and its foot with its last line: no break before them, and the
	 * paragraph begun before a colour is set (a colour set between
	 * paragraphs is a place to break) */
	"\\newcommand{\\BriefCardLead}[1]{\\nopagebreak\\leavevmode{\\interlinepenalty=10000"
	"\\bfseries #1\\par}}\n"
	"\\newcommand{\\BriefMetaLine}[1]{\\nopagebreak\\leavevmode{\\interlinepenalty=10000"
	"\\raggedright\\small\\color{briefmuted}#1\\par}}\n"
	"\\newcommand{\\BriefMeta}[2]{\\textbf{#1\\BriefColon}\\BriefColonTie #2}\n"
	"\\newcommand{\\BriefMetaSep}{\\enspace\\textperiodcentered\\enspace}\n"
	"\\newcommand{\\BriefCardFoot}[1]{\\nopagebreak\\leavevmode{\\raggedright\\small"
	"\\color{briefmuted}#1\\par}}\n"
	"\\newcommand{\\BriefGroupTitle}[1]{{\\bfseries\\color{briefaccent}#1\\par}\\BriefKeep}\n"
	"\\newenvironment{BriefList}{\\begin{list}{}{\\setlength{\\leftmargin}{1em}"
	"\\setlength{\\itemsep}{0.3em}}}{\\end{list}}\n"
	"\\newcommand{\\BriefItemLabel}[1]{{\\small\\bfseries #1}\\par\\nopagebreak}\n"
	"\\newenvironment{BriefSources}{\\begin{list}{}{\\setlength{\\labelwidth}{2.2em}"
	"\\setlength{\\leftmargin}{2.8em}\\setlength{\\labelsep}{0.6em}\\setlength{\\itemsep}{0.5em}"
	"\\small}}{\\end{list}}\n"
	/* an entry, its note included, is never split across pages */
	"\\newenvironment{BriefSourceEntry}{\\begin{minipage}[t]{\\linewidth}"
	"\\setlength{\\parskip}{0.4em}}{\\end{minipage}}\n"
	"\\newcounter{BriefCitePage}\n"
	"\\newcounter{BriefCitePages}\n"
	"\\newcommand{\\BriefSourceLabel}[1]{\\setcounter{BriefCitePage}{0}"
	"\\setcounter{BriefCitePages}{0}\\textbf{#1}\\hfill}\n"
	"\\newcommand{\\BriefSourceTitle}[1]{\\emph{#1}}\n"
	/* a citation's place; the back-links name the pages, each once */
	"\\newcommand{\\BriefCite}[1]{\\hypertarget{#1}{}\\label{#1}}\n"
	"\\newcommand{\\BriefBacklink}[1]{\\ifnum\\getpagerefnumber{#1}=\\value{BriefCitePage}\\else"
	"\\ifnum\\value{BriefCitePages}=0 \\ \\BriefCitedOn\\else,\\fi"
	"\\nobreakspace\\hyperlink{#1}{\\getpagerefnumber{#1}}"
	"\\setcounter{BriefCitePage}{\\getpagerefnumber{#1}}\\stepcounter{BriefCitePages}\\fi}\n"
	"\\newenvironment{BriefGlossary}{\\begin{description}}{\\end{description}}\n"
	"\\newcommand{\\BriefCode}[1]{\\texttt{#1}}\n";

/* The running head (short title; series and number) and the footer, page
 * N of M: the title page has the footer only. */
static const char preamble_page[] =
	"\\newcommand{\\BriefRunningTitle}{}\n"
	"\\newcommand{\\BriefRunningRight}{}\n"
	"\\AtEndDocument{\\par\\label{brief.lastpage}}\n"
	"\\setlength{\\headheight}{14pt}\n"
	"\\pagestyle{fancy}\n"
	"\\fancyhf{}\n"
	"\\renewcommand{\\headrulewidth}{0pt}\n"
	"\\fancyhead[L]{\\small\\color{briefmuted}\\BriefRunningTitle}\n"
	"\\fancyhead[R]{\\small\\color{briefmuted}\\BriefRunningRight}\n"
	"\\fancyfoot[C]{\\small\\color{briefmuted}\\BriefPageOf{\\thepage}{\\pageref*{brief.lastpage}}}\n"
	"\\fancypagestyle{plain}{\\fancyhf{}\\fancyfoot[C]{\\small\\color{briefmuted}"
	"\\BriefPageOf{\\thepage}{\\pageref*{brief.lastpage}}}}\n";

/* article's and longtable's captions, with the language's colon
 * (BriefColon, from words()) where theirs have ": ". */
static const char preamble_captions[] =
	"\\makeatletter\n"
	"\\renewcommand{\\@makecaption}[2]{\\vskip\\abovecaptionskip\n"
	"  \\sbox\\@tempboxa{#1\\BriefColon\\BriefColonSpace #2}%\n"
	"  \\ifdim\\wd\\@tempboxa>\\hsize #1\\BriefColon\\BriefColonSpace #2\\par\n"
	"  \\else\\global\\@minipagefalse\\hb@xt@\\hsize{\\hfil\\box\\@tempboxa\\hfil}\\fi\n"
	"  \\vskip\\belowcaptionskip}\n"
	"\\renewcommand{\\LT@makecaption}[3]{\\LT@mcol\\LT@cols c{\\hbox to\\z@{\\hss"
	"\\parbox[t]\\LTcapwidth{%\n"
	"  \\reset@font\\sbox\\@tempboxa{#1{#2\\BriefColon\\BriefColonSpace}#3}%\n"
	"  \\ifdim\\wd\\@tempboxa>\\hsize #1{#2\\BriefColon\\BriefColonSpace}#3%\n"
	"  \\else\\hbox to\\hsize{\\hfil\\box\\@tempboxa\\hfil}\\fi\n"
	"  \\endgraf\\vskip\\baselineskip}\\hss}}}\n"
	"\\makeatother\n";

/* The macros of the title block's version 2 lines, floats, boxes. */
static const char preamble_floats[] =
	"\\newcommand{\\BriefLogo}[1]{#1\\par\\medskip}\n"
	"\\newcommand{\\BriefLogoHeight}{1.2cm}\n"
	"\\newcommand{\\BriefSeries}[1]{{\\small\\color{briefmuted}#1\\par}}\n"
	"\\newcommand{\\BriefSeriesNumber}[1]{\\textbf{#1}}\n"
	"\\newcommand{\\BriefAffiliation}[1]{{\\mdseries\\color{briefmuted}#1}}\n"
	"\\newcommand{\\BriefUpdated}[2]{{\\color{briefmuted}#1#2\\par}}\n"
	"\\newcommand{\\BriefVersion}[2]{{\\color{briefmuted}#1#2\\par}}\n"
	"\\newcommand{\\BriefFloatSource}[2]{{\\small\\color{briefmuted}"
	"\\textbf{#1\\BriefColon}\\BriefColonSpace #2\\par}}\n"
	"\\newcommand{\\BriefFloatNote}[2]{{\\small\\color{briefmuted}"
	"\\textbf{#1\\BriefColon}\\BriefColonSpace #2\\par}}\n"
	"\\newcommand{\\BriefMissingImage}[1]{\\fbox{\\parbox{0.8\\linewidth}{\\centering #1}}}\n"
	"\\setlength{\\belowcaptionskip}{0.5em}\n"
	"\\setlength{\\LTpre}{\\bigskipamount}\n"
	"\\setlength{\\LTpost}{0.3em}\n"
	"\\setlength{\\LTleft}{0pt}\n"
	"\\setlength{\\LTright}{0pt}\n"
	"\\makeatletter\n"
	"\\newcommand{\\BriefNaturalWidth}{\\ifdim\\Gin@nat@width>\\linewidth"
	"\\linewidth\\else\\Gin@nat@width\\fi}\n"
	"\\makeatother\n"
	"\\colorlet{briefbox-note}{briefmuted}\n"
	"\\colorlet{briefbox-key-points}{briefaccent}\n"
	"\\colorlet{briefbox-sidebar}{brieffinding}\n"
	"\\colorlet{briefbox-disclaimer}{briefmuted}\n"
	"\\newcommand{\\BriefBoxColor}{briefaccent}\n"
	"\\newenvironment{BriefBox}[1]{\\renewcommand{\\BriefBoxColor}{briefbox-#1}"
	"\\par\\medskip\\noindent{\\color{\\BriefBoxColor}"
	"\\rule{\\linewidth}{2pt}}\\par\\nopagebreak\\begin{list}{}{\\setlength{\\leftmargin}{1em}"
	"\\setlength{\\rightmargin}{1em}\\setlength{\\topsep}{0pt}}\\item\\relax}"
	"{\\end{list}\\par\\nopagebreak\\noindent{\\color{\\BriefBoxColor}\\rule{\\linewidth}{0.6pt}}"
	"\\par\\medskip}\n"
	"\\newcommand{\\BriefBoxLabel}[1]{{\\small\\bfseries\\color{\\BriefBoxColor}#1}\\par\\nopagebreak}\n"
	"\\newcommand{\\BriefBoxTitle}[1]{{\\bfseries #1\\par}\\nopagebreak}\n"
	/* The evidence map (::: map) is no float: a tall drawing goes on
	 * over pages, cut into slices, shown as wide as the text (or its own
	 * width, if less).  The caption (kept in a box by BriefMapCaption,
	 * for BriefMap to measure and set) stays with the first slice, which
	 * fills what is left of the page; a new page comes first when that
	 * is less than the whole drawing (if it fits a page) or than a
	 * quarter of a page.  The other slices are at most BriefMapSlice
	 * high, each cut at the lowest place it may end without crossing a
	 * node.  BriefMap: #1 the file, #2 and #3 its width and height in
	 * bp, #4 the alt text, #5 those places (bp from the top, ascending,
	 * comma-separated). */
	"\\newenvironment{BriefMapFigure}{\\par\\medskip}{\\par\\medskip}\n"
	"\\newcommand{\\BriefMapSlice}{0.85\\textheight}\n"
	"\\newdimen\\BriefMapW\\newdimen\\BriefMapH\\newdimen\\BriefMapShown"
	"\\newdimen\\BriefMapStep\n"
	"\\newdimen\\BriefMapTop\\newdimen\\BriefMapBottom\\newdimen\\BriefMapNext"
	"\\newdimen\\BriefMapLimit\n"
	"\\newbox\\BriefMapCaptionBox\n"
	"\\makeatletter\n"
	"\\newcommand{\\BriefMapCaption}[1]{\\refstepcounter{figure}"
	"\\global\\setbox\\BriefMapCaptionBox=\\vbox{\\@makecaption{\\fnum@figure}{#1}}}\n"
	"\\newcommand{\\BriefMap}[5]{\\par\\begingroup\\centering\n"
	"  \\BriefMapW=#2bp\\relax\\BriefMapH=#3bp\\relax\n"
	"  \\BriefMapShown=\\ifdim\\BriefMapW>\\linewidth\\linewidth\\else\\BriefMapW\\fi\n"
	"  \\BriefMapStep=\\dimexpr\\BriefMapSlice*\\BriefMapW/\\BriefMapShown\\relax\n"
	"  \\BriefMapNext=\\dimexpr\\BriefMapH*\\BriefMapShown/\\BriefMapW\\relax\n"
	"  \\BriefMapLimit=\\dimexpr\\pagegoal-\\pagetotal-\\ht\\BriefMapCaptionBox"
	"-\\dp\\BriefMapCaptionBox-3\\baselineskip\\relax\n"
	"  \\ifdim\\pagegoal>\\textheight\\BriefMapLimit=\\BriefMapSlice\\fi\n"
	"  \\ifdim\\BriefMapLimit<\\ifdim\\BriefMapNext<\\BriefMapSlice\\BriefMapNext"
	"\\else 0.25\\textheight\\fi\n"
	"    \\newpage\\BriefMapLimit=\\BriefMapSlice\\fi\n"
	"  \\BriefMapLimit=\\dimexpr\\BriefMapLimit*\\BriefMapW/\\BriefMapShown\\relax\n"
	"  \\ifdim\\BriefMapLimit>\\BriefMapStep\\BriefMapLimit=\\BriefMapStep\\fi\n"
	"  \\box\\BriefMapCaptionBox\\nopagebreak\n"
	"  \\BriefMapTop=0pt\n"
	"  \\loop\n"
	"    \\BriefMapNext=\\dimexpr\\BriefMapTop+\\BriefMapLimit\\relax\n"
	"    \\ifdim\\BriefMapNext<\\BriefMapH\n"
	"      \\BriefMapBottom=\\BriefMapTop\n"
	"      \\@for\\BriefMapCut:=#5\\do{\\ifdim\\BriefMapCut bp>\\BriefMapTop"
	"\\ifdim\\BriefMapCut bp<\\BriefMapNext\\BriefMapBottom=\\BriefMapCut bp\\fi\\fi}%\n"
	"      \\ifdim\\BriefMapBottom>\\BriefMapTop\\BriefMapNext=\\BriefMapBottom\\fi\n"
	"    \\else\\BriefMapNext=\\BriefMapH\\fi\n"
	"    \\BriefMapBottom=\\dimexpr\\BriefMapH-\\BriefMapNext\\relax\n"
	"    \\includegraphics[width=\\BriefMapShown,"
	"trim={0} {\\BriefMapBottom} {0} {\\BriefMapTop},clip,alt={#4}]{#1}\\par\n"
	"    \\BriefMapTop=\\BriefMapNext\\BriefMapLimit=\\BriefMapStep\n"
	"  \\ifdim\\BriefMapTop<\\BriefMapH\\repeat\n"
	"  \\endgroup\\par}\n"
	"\\makeatother\n";

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

/* A character no font of the setup has (escape.h): reported by the
 * renderer, once for each script no font has (emoji count as one), or
 * for each character of no known script. */
static void bad_char(void *ctx, size_t off, uint32_t cp)
{
	unsigned group;
	const char *what = latex_fonts_why_not(cp, &group);
	char help[256];
	snprintf(help, sizeof help, "%s not supported in the LaTeX and PDF outputs%s "
		 "(docs/output.md lists the scripts that are); the HTML and Markdown outputs can "
		 "show any character", what, group ? ", and only the first is reported" : "");
	render_bad_char(ctx, off, cp, group ? 0x80000000u | group : cp,
			"cannot be typeset in LaTeX or PDF: no font briefc uses has it", help);
}

/* ---- the frame ---- */

/* The words of the macros, in the brief's language. */
static void words(render *r)
{
	const i18n_lang *l = ((lx *)r->state)->setup.lang;
	/* the colon after a label, and the space after it: breakable
	 * (BriefColonSpace) or tied to the value (BriefColonTie) */
	bool spaced = *i18n_word_of(l, I18N_LABEL_SPACE) != '\0';
	raw(r, "\\newcommand{\\BriefColon}{");
	lx_str(r, i18n_word_of(l, I18N_LABEL_COLON));
	raw(r, spaced ? "}\n\\newcommand{\\BriefColonSpace}{\\space}\n"
		"\\newcommand{\\BriefColonTie}{~}\n"
		: "}\n\\newcommand{\\BriefColonSpace}{}\n\\newcommand{\\BriefColonTie}{}\n");
	raw(r, "\\newcommand{\\BriefCitedOn}{");
	lx_str(r, i18n_word_of(l, I18N_CITED_ON));
	raw(r, "}\n\\newcommand{\\BriefPageOf}[2]{");
	lx_str(r, i18n_word_of(l, I18N_PAGE_BEFORE));
	raw(r, "#1");
	lx_str(r, i18n_word_of(l, I18N_PAGE_OF));
	raw(r, "#2");
	lx_str(r, i18n_word_of(l, I18N_PAGE_AFTER));
	raw(r, "}\n");
}

/* Where text t of n bytes passes max columns (width.h: a CJK character
 * takes two), cut after a whole character; n when it does not. */
static size_t columns_cut(const char *t, size_t n, unsigned max)
{
	width_state ws = WIDTH_STATE_INIT;
	unsigned cols = 0;
	size_t i = 0;
	while (i < n) {
		size_t len;
		uint32_t cp = utf8_decode(t + i, n - i, &len);
		cols += width_next(&ws, cp);
		if (cols > max)
			return i;
		i += len;
	}
	return n;
}

/*
 * The running head: on the left the title, up to its first colon or
 * dash when it is long, and cut at a word (or, in text without spaces, a
 * character) within RUNNING_MAX columns; on the right the series and
 * number when the brief has them.
 */
#define RUNNING_MAX 60

static void running_head(render *r, const render_meta *m)
{
	lx *x = r->state;
	size_t n = m->title.len;
	const char *t = m->title.p;
	static const char *const cuts[] = {": ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - "};
	for (size_t i = 0; columns_cut(t, n, RUNNING_MAX) < n && i < sizeof cuts / sizeof cuts[0];
	     i++) {
		size_t k = strlen(cuts[i]);
		for (size_t j = 1; j + k <= n; j++)
			if (memcmp(t + j, cuts[i], k) == 0) {
				n = j;
				break;
			}
	}
	size_t fit = columns_cut(t, n, RUNNING_MAX);
	bool cut = fit < n;
	if (cut) {
		size_t k = fit;
		while (k > 0 && t[k] != ' ')
			k--;
		n = k ? k : fit;
	}
	raw(r, "\\renewcommand{\\BriefRunningTitle}{");
	r->at = m->title_at;
	lx_text(r, t, n);
	if (cut)
		lx_str(r, "\xE2\x80\xA6");
	raw(r, "}\n");
	if (x->running.len) {
		raw(r, "\\renewcommand{\\BriefRunningRight}{");
		r->at = x->running_at;
		lx_text(r, x->running.data, x->running.len);
		raw(r, "}\n");
	}
}

static void preamble(render *r, const render_meta *m)
{
	lx *x = r->state;
	const char *paper = m->letter ? "letterpaper" : "a4paper";
	buf_printf(r->out, preamble_class, paper);
	if (x->setup.unicode)
		raw(r, "\\RequireLuaTeX\n");
	else
		raw(r, preamble_pdftex);
	latex_setup_preamble(r->out, &x->setup);
	raw(r, m->letter ? "\\usepackage[letterpaper,margin=1in]{geometry}\n"
			 : "\\usepackage[a4paper,margin=2.5cm]{geometry}\n");
	raw(r, preamble_head);
	raw(r, preamble_macros);
	raw(r, preamble_floats);
	raw(r, preamble_captions);
	raw(r, preamble_page);
	words(r);
	/* what precedes is the same for every brief of this language and
	 * set of scripts: render_pdf makes a TeX format of it */
	raw(r, LATEX_OWN_SETTINGS);
	raw(r, "\\hypersetup{pdftitle={");
	r->at = m->title_at;
	lx_text(r, m->title.p, m->title.len);
	raw(r, "},\n  pdfauthor={");
	r->at = m->authors_at;
	for (size_t i = 0; i < m->nauthors; i++) {
		if (i)
			raw(r, "; ");
		lx_text(r, m->authors[i].p, m->authors[i].len);
	}
	raw(r, "},\n  pdflang={");
	r->at = m->lang_at;
	lx_text(r, m->lang.p, m->lang.len);
	raw(r, "}}\n");
	running_head(r, m);
	raw(r, "\\begin{document}\n\\thispagestyle{plain}\n");
}

/* ---- lists ---- */

/*
 * A list or quote: an environment, or flat when LATEX_MAX_DEPTH
 * environments are around it already.  (The renderer counts the
 * containers around an element, and each of them is an environment here:
 * the contents, cards, lists, quotes, the generated lists, the sources
 * and the glossary.)
 */
static bool flat(int depth)
{
	return depth >= LATEX_MAX_DEPTH;
}

static void container(render *r, const render_ev *ev, const char *env)
{
	if (ev->entering) {
		para(r);
		if (!flat(ev->depth)) {
			raw(r, "\\begin{");
			raw(r, env);
			raw(r, "}");
		}
		return;
	}
	if (!flat(ev->depth)) {
		raw(r, "\n\\end{");
		raw(r, env);
		raw(r, "}");
	}
	para(r);
}

static void list_item(render *r, const render_ev *ev)
{
	if (!ev->entering)
		return;
	bool is_flat = flat(ev->depth - 1);	/* its list's */
	if (is_flat) {
		para(r);
		raw(r, "\\noindent ");
	} else {
		raw(r, ev->ordered ? "\n\\item[" : "\n\\item{} ");
	}
	if (ev->ordered) {
		buf_put_ulong(r->out, ev->number < 0 ? 0 : (unsigned long)ev->number);
		raw(r, is_flat ? ".~" : ".] ");
	} else if (is_flat) {
		raw(r, "\\textbullet~");
	}
}

/*
 * The elements written the usual way: a paragraph break (LX_PARA) or a
 * newline (LX_NL) before, then \Name{ ... } (LX_MACRO) or, for a list
 * environment of the preamble's, \begin{Name} ... \end{Name} between
 * paragraph breaks (LX_ENV); or the strings open and close as they are.
 * An element with nothing here is written by a case of its own in
 * lx_event, or not at all.
 */
enum {
	LX_MACRO = 1,
	LX_ENV = 2,
	LX_PARA = 4,		/* entering: a paragraph break first */
	LX_NL = 8		/* entering: a newline first */
};

typedef struct lx_el {
	const char *name;
	unsigned flags;
	const char *open, *close;
} lx_el;

static const lx_el lx_els[RE__COUNT] = {
	[RE_HEADER] = {NULL, 0, "\\begin{BriefHeader}\n", "\\end{BriefHeader}\n"},
	[RE_ORGANIZATION] = {"BriefOrganization", LX_MACRO, NULL, NULL},
	[RE_TITLE] = {"BriefTitle", LX_MACRO, NULL, NULL},
	[RE_SUBTITLE] = {"BriefSubtitle", LX_MACRO, NULL, NULL},
	[RE_AUTHORS] = {"BriefAuthors", LX_MACRO, NULL, NULL},
	[RE_DATE] = {"BriefDate", LX_MACRO, NULL, NULL},
	[RE_STATUS] = {"BriefStatus", LX_MACRO, NULL, NULL},
	[RE_PARAGRAPH] = {NULL, 0, "\n\n", "\n\n"},
	[RE_CARD_LABEL] = {"BriefCardLabel", LX_MACRO, NULL, NULL},
	[RE_CARD_LEAD] = {"BriefCardLead", LX_MACRO | LX_NL, NULL, NULL},
	[RE_CARD_META] = {"BriefMetaLine", LX_MACRO | LX_NL, NULL, NULL},
	[RE_CARD_FOOT] = {"BriefCardFoot", LX_MACRO | LX_PARA, NULL, NULL},
	[RE_GROUP_TITLE] = {"BriefGroupTitle", LX_MACRO, NULL, NULL},
	[RE_GEN_LIST] = {"BriefList", LX_ENV, NULL, NULL},
	[RE_GEN_ITEM] = {NULL, 0, "\n\\item ", NULL},
	[RE_GEN_LABEL] = {"BriefItemLabel", LX_MACRO, NULL, NULL},
	[RE_SOURCES] = {"BriefSources", LX_ENV, NULL, NULL},
	[RE_SOURCE_TITLE] = {"BriefSourceTitle", LX_MACRO, NULL, NULL},
	[RE_GLOSSARY] = {"BriefGlossary", LX_ENV, NULL, NULL},
	[RE_GLOSS_TERM] = {NULL, 0, "\n\\item[{", "}] "},
	[RE_SOFTBREAK] = {NULL, 0, "\n", NULL},
	[RE_SERIES] = {"BriefSeries", LX_MACRO, NULL, NULL},
	[RE_SERIES_NUMBER] = {"BriefSeriesNumber", LX_MACRO, NULL, NULL},
	[RE_AFFILIATION] = {"BriefAffiliation", LX_MACRO, NULL, NULL},
	[RE_BOX_TITLE] = {"BriefBoxTitle", LX_MACRO, NULL, NULL},
	[RE_EMPH] = {"emph", LX_MACRO, NULL, NULL},
	[RE_STRONG] = {"textbf", LX_MACRO, NULL, NULL},
};

static void element(render *r, const render_ev *ev, const lx_el *e)
{
	bool in = ev->entering;
	if (in && (e->flags & LX_PARA))
		para(r);
	if (in && (e->flags & LX_NL))
		raw(r, "\n");
	if (e->flags & LX_ENV) {
		if (in)
			para(r);
		raw(r, in ? "\\begin{" : "\n\\end{");
		raw(r, e->name);
		raw(r, "}");
		if (!in)
			para(r);
	} else if (e->flags & LX_MACRO) {
		if (in) {
			raw(r, "\\");
			raw(r, e->name);
			raw(r, "{");
		} else {
			raw(r, "}");
		}
	}
	if (in ? e->open : e->close)
		raw(r, in ? e->open : e->close);
}

/* ---- notes ---- */

/* Where a footnote cannot go: its mark there, its text after (flush). */
static void moving(render *r, bool in)
{
	lx *x = r->state;
	if (in)
		x->moving++;
	else
		x->moving--;
}

/* The \footnotetext of the marks made where a footnote cannot go. */
static void flush_notes(render *r)
{
	lx *x = r->state;
	if (x->moving || !x->pending.len)
		return;
	raw(r, "%\n");
	buf_put(r->out, x->pending.data, x->pending.len);
	buf_clear(&x->pending);
}

static void note_mark(render *r, const render_ev *ev)
{
	lx *x = r->state;
	char n[64];
	if (!ev->first) {	/* a later mark of a note set already */
		snprintf(n, sizeof n, "\\protect\\footnotemark[%ld]", ev->number);
		raw(r, n);
		return;
	}
	if (ev->entering && x->moving) {
		snprintf(n, sizeof n, "\\protect\\footnotemark[%ld]", ev->number);
		raw(r, n);
		x->saved = r->out;
		r->out = &x->pending;
		snprintf(n, sizeof n, "\\footnotetext[%ld]{", ev->number);
		raw(r, n);
	} else if (ev->entering) {
		/* the counter, not \footnote[N]: hyperref links it then */
		snprintf(n, sizeof n, "\\setcounter{footnote}{%ld}", ev->number - 1);
		raw(r, n);
		raw(r, "\\footnote{");
	}
	if (ev->entering) {
		x->note_start = true;	/* no paragraph break first */
	} else {
		raw(r, "}");
		if (x->saved) {	/* no blank before what follows the mark */
			raw(r, "%\n");
			r->out = x->saved;
			x->saved = NULL;
		}
	}
}

/* ---- floats ---- */

/*
 * A table spans the line.  Its columns: as wide as their content (l, c,
 * r), the space left spread between them, when the whole row fits the
 * line; else paragraph columns, each a share of the line as large as its
 * longest cell's share of the row (p with the alignment), at least a
 * tenth of it.
 */
static void column_spec(render *r, const render_ev *ev)
{
	size_t total = 0;
	for (size_t k = 0; k < ev->ncols; k++)
		total += ev->widths ? ev->widths[k] : 1;
	bool natural = !ev->widths || total + 3 * ev->ncols <= 70;
	static const char *const nat[] = {"l", "l", "c", "r"};
	static const char *const par[] = {"\\raggedright", "\\raggedright",
					  "\\centering", "\\raggedleft"};
	raw(r, "{@{\\extracolsep{\\fill}}");
	for (size_t k = 0; k < ev->ncols; k++) {
		unsigned a = ev->aligns ? ev->aligns[k] & 3 : 0;
		if (natural) {
			raw(r, nat[a]);
			continue;
		}
		double share = (double)(ev->widths[k] ? ev->widths[k] : 1) / (double)total;
		if (share < 0.1)
			share = 0.1;
		char w[128];
		snprintf(w, sizeof w, ">{%s\\arraybackslash}p{\\dimexpr %.3f\\linewidth"
			 "-2\\tabcolsep\\relax}", par[a], share * 0.97);
		raw(r, w);
	}
	raw(r, "@{}}\n");
}

/* A float's number and label: the counter set so that LaTeX's caption and
 * \ref say briefc's number. */
static void float_start(render *r, const render_ev *ev, const char *counter,
			const char *name)
{
	lx *x = r->state;
	char n[96];
	x->float_id = ev->id;
	x->float_caption = ev->text;
	para(r);
	snprintf(n, sizeof n, "\\setcounter{%s}{%ld}\\renewcommand{\\%s}{", counter,
		 ev->number > 0 ? ev->number - 1 : 0, name);
	raw(r, n);
	lx_str(r, ev->label);
	raw(r, "}\n");
}

/* Whether the path as written can go to \includegraphics as it is. */
static bool plain_path(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '-' ||
		      c == '_' || c == '+'))
			return false;
	}
	return n > 0;
}

/*
 * An image: in a TeX folder (render_pdf), by the name it has there; for
 * the LaTeX output, by its path as the brief gives it, relative to the
 * .tex file (docs/output.md), unless that path holds a byte TeX would
 * read as markup: then by the TeX folder's name, which the comment says.
 */
static void image(render *r, const render_ev *ev, const char *size)
{
	lx *x = r->state;
	const render_image *im = ev->image;
	if (!im || !im->file) {
		raw(r, "\\BriefMissingImage{");
		lx_str(r, ev->label ? ev->label : "");
		raw(r, "}");
		return;
	}
	bool as_written = !r->opt->tex_folder && plain_path(im->src.p, im->src.len);
	if (!r->opt->tex_folder && !as_written) {
		raw(r, "% the image's path holds characters TeX reads as markup: "
		    "copy it next to this file as ");
		buf_puts(r->out, im->file);
		raw(r, "\n");
	}
	raw(r, "\\includegraphics[");
	raw(r, size);
	raw(r, ",alt={");
	x->esc.ctx = r;
	lx_str(r, ev->label ? ev->label : "");
	raw(r, "}]{");
	if (as_written)
		buf_put(r->out, im->src.p, im->src.len);
	else
		buf_puts(r->out, im->file);
	raw(r, "}");
}

static void lx_event(render *r, const render_ev *ev)
{
	lx *x = r->state;
	bool in = ev->entering;
	if (x->note_start && ev->el == RE_PARAGRAPH && in) {
		x->note_start = false;	/* a footnote's text starts a paragraph */
		return;
	}
	x->note_start = false;
	switch (ev->el) {
	case RE_DOCUMENT:
		if (in) {
			x->anchor = NULL;
			x->esc.prev = 0;
			if (!r->opt->fragment)
				preamble(r, ev->meta);
		} else {
			raw(r, r->opt->fragment ? "\n" : "\n\\end{document}\n");
		}
		return;
	case RE_LOGO:
		raw(r, "\\BriefLogo{");
		image(r, ev, "height=\\BriefLogoHeight");
		raw(r, "}\n");
		return;
	case RE_UPDATED:
	case RE_VERSION:
		if (in) {
			raw(r, ev->el == RE_UPDATED ? "\\BriefUpdated{" : "\\BriefVersion{");
			lx_str(r, ev->label);
			raw(r, "}{");
		} else {
			raw(r, "}\n");
		}
		return;
	case RE_TABLE:
		if (in) {
			float_start(r, ev, "table", "tablename");
			x->ncols = ev->ncols;
			x->had_head = false;
			raw(r, "\\begin{longtable}");
			column_spec(r, ev);
		} else {
			x->float_id = NULL;
			para(r);
		}
		return;
	case RE_FIGURE:
		x->map = ev->name && strcmp(ev->name, "map") == 0;
		if (in) {
			float_start(r, ev, "figure", "figurename");
			raw(r, x->map ? "\\begin{BriefMapFigure}\n" :
			    "\\begin{figure}[htbp]\n\\centering\n");
		} else {
			raw(r, x->map ? "\\end{BriefMapFigure}\n" : "\\end{figure}\n");
			x->map = false;
			x->float_id = NULL;
			flush_notes(r);
			para(r);
		}
		return;
	case RE_CAPTION:
		if (x->map) {	/* no float, so no \\caption: the same look */
			raw(r, in ? "\\BriefMapCaption{" : "}\n");
			return;
		}
		moving(r, in);
		if (in) {
			raw(r, "\\caption[{");
			lx_text(r, x->float_caption.p, x->float_caption.len);
			raw(r, "}]{");
		} else {
			raw(r, "}");
			if (x->float_id) {	/* the caption's anchor */
				raw(r, "\\label{");
				id(r, x->float_id);
				raw(r, "}");
			}
			raw(r, strcmp(ev->name, "table") == 0 ? "\\\\\n" : "\n");
		}
		return;
	case RE_TABLE_HEAD:
		moving(r, in);
		if (in) {
			raw(r, "\\toprule\n");
			return;
		}
		x->had_head = true;
		/* the head of the pages the table goes on to: plain text */
		raw(r, "\\midrule\n\\endfirsthead\n\\caption[]{");
		lx_text(r, x->float_caption.p, x->float_caption.len);
		raw(r, " (");
		lx_str(r, ev->label ? ev->label : "continued");
		raw(r, ")}\\\\\n\\toprule\n");
		for (size_t k = 0; ev->cells && k < ev->ncols; k++) {
			if (k)
				raw(r, " & ");
			lx_text(r, ev->cells[k].p, ev->cells[k].len);
		}
		raw(r, "\\\\\n\\midrule\n\\endhead\n\\bottomrule\n\\endfoot\n");
		return;
	case RE_TABLE_BODY:
		if (in && !x->had_head)
			raw(r, "\\toprule\n\\endhead\n\\bottomrule\n\\endfoot\n");
		if (!in) {
			raw(r, "\\end{longtable}\n");
			flush_notes(r);
		}
		return;
	case RE_ROW:
		if (!in)
			raw(r, "\\\\\n");
		return;
	case RE_CELL:
		if (in && !ev->first)
			raw(r, " & ");
		return;
	case RE_IMAGE: {
		if (x->map && ev->image && ev->image->file && ev->image->width > 0 &&
		    ev->image->height > 0) {
			char wh[64];
			raw(r, "\\BriefMap{");
			raw(r, ev->image->file);
			snprintf(wh, sizeof wh, "}{%ld}{%ld}{", ev->image->width,
				 ev->image->height);
			raw(r, wh);
			x->esc.ctx = r;
			lx_str(r, ev->label ? ev->label : "");
			raw(r, "}{");
			raw(r, ev->image->cuts ? ev->image->cuts : "");	/* digits, commas */
			raw(r, "}\n");
			return;
		}
		char size[64];
		if (ev->name && strcmp(ev->name, "map") == 0)
			/* the drawing of a large brief is tall: it fits
			 * the page, whichever side meets it first */
			snprintf(size, sizeof size, "width=\\linewidth,"
				 "height=0.8\\textheight,keepaspectratio");
		else if (ev->number > 0)
			snprintf(size, sizeof size, "width=%.2f\\linewidth",
				 (double)ev->number / 100.0);
		else
			snprintf(size, sizeof size, "width=\\BriefNaturalWidth");
		image(r, ev, size);
		raw(r, "\\par\\raggedright\n");
		return;
	}
	case RE_FLOAT_SOURCE:
	case RE_FLOAT_NOTE:
		if (in) {
			raw(r, ev->el == RE_FLOAT_SOURCE ? "\\BriefFloatSource{" :
			    "\\BriefFloatNote{");
			lx_str(r, ev->label);
			raw(r, "}{");
		} else {
			raw(r, "}\n");
		}
		return;
	case RE_BOX:
		if (in) {
			para(r);
			raw(r, "\\begin{BriefBox}{");
			raw(r, ev->name);
			raw(r, "}");
			label(r, ev->id);
			raw(r, "\n");
			if (ev->number > 0) {
				char n[32];
				raw(r, "\\BriefBoxLabel{");
				lx_str(r, ev->label);
				snprintf(n, sizeof n, " %ld}\n", ev->number);
				raw(r, n);
			}
		} else {
			raw(r, "\n\\end{BriefBox}");
			para(r);
		}
		return;
	case RE_NOTE_MARK:
		note_mark(r, ev);
		return;
	case RE_TOC:
		if (in) {
			para(r);
			label(r, ev->id);
			raw(r, "\\BriefContentsTitle{");
			lx_str(r, ev->label);
			raw(r, "}\n\\begin{BriefContents}");
		} else {
			raw(r, "\n\\end{BriefContents}");
			para(r);
		}
		return;
	case RE_TOC_ENTRY:
		if (in) {
			raw(r, "\n\\BriefTocEntry{");
			buf_put_ulong(r->out, (unsigned long)ev->level);
			raw(r, "}{\\hyperref[");
			id(r, ev->href);
			raw(r, "]{");
		} else {
			raw(r, "}}");
		}
		return;
	case RE_SECTION:
		if (in)
			x->anchor = ev->id;
		return;
	case RE_HEADING:
		if (in) {
			static const char *const cmd[] = {"section", "section", "subsection",
				"subsubsection"};
			para(r);
			raw(r, "\\");
			raw(r, cmd[ev->level & 3]);
			raw(r, "{\\texorpdfstring{");
			/* the anchor is the heading's, or its section's */
			if (ev->id)
				x->anchor = ev->id;
			moving(r, true);
		} else {
			/* the PDF's bookmark: the title as plain text */
			raw(r, "}{");
			lx_text(r, ev->text.p, ev->text.len);
			raw(r, "}}");
			label(r, x->anchor);
			x->anchor = NULL;
			moving(r, false);
			flush_notes(r);
			para(r);
		}
		return;
	case RE_LIST:
		container(r, ev, ev->ordered ? "enumerate" : "itemize");
		return;
	case RE_ITEM:
		list_item(r, ev);
		return;
	case RE_QUOTE:
		container(r, ev, "quote");
		return;
	case RE_CARD: {
		bool finding = strcmp(ev->name, "finding") == 0;
		if (in) {
			para(r);
			raw(r, finding ? "\\begin{BriefFinding}" : "\\begin{BriefRecommendation}");
			label(r, ev->id);
			raw(r, "\n");
		} else {
			raw(r, finding ? "\n\\end{BriefFinding}" : "\n\\end{BriefRecommendation}");
			para(r);
		}
		return;
	}
	case RE_CARD_META:
		if (in)
			x->first_meta = true;
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
		return;
	case RE_GROUP:
		if (in) {
			para(r);
			label(r, ev->id);
		}
		return;
	case RE_SOURCE:
		if (in)
			x->source_id = ev->id;
		else
			raw(r, "\\end{BriefSourceEntry}\n");
		return;
	case RE_SOURCE_LABEL:
		if (in) {
			raw(r, "\n\\item[{\\BriefSourceLabel{");
		} else {
			/* the anchor in the entry's paragraph, never a page
			 * before it */
			raw(r, "}}]\\leavevmode");
			label(r, x->source_id);
			raw(r, "\\begin{BriefSourceEntry}");
		}
		return;
	case RE_BACKLINK:
		raw(r, "\\BriefBacklink{");
		id(r, ev->href);
		raw(r, "}");
		return;
	case RE_CODE: {
		bool was = x->breakable;
		x->breakable = true;
		raw(r, "\\BriefCode{");
		lx_text(r, ev->text.p, ev->text.len);
		x->breakable = was;
		raw(r, "}");
		return;
	}
	case RE_LINK:
		moving(r, in);
		if (in) {
			raw(r, "\\href{");
			escape_url(r->out, ev->text.p, ev->text.len, ESCAPE_URL_LATEX);
			raw(r, "}{");
			x->breakable = true;
		} else {
			x->breakable = false;
			raw(r, "}");
			flush_notes(r);
		}
		return;
	case RE_XREF:
	case RE_NOTE:
		if (in) {
			if (ev->id) {
				raw(r, "\\BriefCite{");
				id(r, ev->id);
				raw(r, "}");
			}
			raw(r, "\\hyperref[");
			id(r, ev->href);
			raw(r, "]{");
		} else {
			raw(r, "}");
		}
		return;
	default:
		break;
	}
	element(r, ev, &lx_els[ev->el]);
}

static const render_backend latex_backend = {lx_event, lx_text, true, false, true};

/*
 * A brief in a language written right to left would need its pages
 * mirrored (lists, cards, the running order of everything), which this
 * backend does not do: say so at its lang rather than print it left to
 * right.  Arabic and Hebrew inside a left-to-right brief are set right.
 */
static bool refuse_rtl(const ast_doc *d)
{
	const ast_field *lang = d->meta.lang;
	if (!lang || !latex_lang_is_rtl(lang->value.p, lang->value.len))
		return false;
	diag_list *dl = &((ast_doc *)d)->diags;
	size_t k = diag_report(dl, DC_BAD_VALUE, lang->value_at,
			       "lang '%.*s' is written right to left, and the LaTeX and PDF outputs "
			       "lay pages out left to right only", (int)lang->value.len,
			       lang->value.p);
	diag_add_help(dl, k, "Arabic or Hebrew inside a left-to-right brief is set right to left; "
		      "for a right-to-left brief, build HTML or Markdown");
	return true;
}

int render_latex(const ast_doc *d, const render_options *o, buf *out)
{
	lx x;
	memset(&x, 0, sizeof x);
	x.esc.bad = bad_char;
	/* the engine decides how every character is written, the body of a
	 * fragment's too: known before the walk */
	const ast_field *lang = d->meta.lang;
	latex_setup_of(&x.setup, d->src.text, d->src.len, lang ? lang->value.p : "",
		       lang ? lang->value.len : 0);
	x.esc.unicode = x.setup.unicode;
	/* series and number for the running head */
	const ast_field *series = d->meta.series, *number = d->meta.number;
	if (series && series->value.len) {
		buf_put(&x.running, series->value.p, series->value.len);
		x.running_at = series->value_at;
	}
	if (number && number->value.len) {
		if (x.running.len)
			buf_putc(&x.running, ' ');
		else
			x.running_at = number->value_at;
		buf_put(&x.running, number->value.p, number->value.len);
	}
	bool rtl = refuse_rtl(d);
	render_options mo = render_with_map(o, RD_PDF);
	int rc = render_run(d, &mo, &latex_backend, &x, out);
	buf_free(&x.running);
	buf_free(&x.pending);
	return rc ? rc : rtl;
}
