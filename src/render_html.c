/*
 * render_html.c - the HTML backend: a standalone HTML5 page (or, with
 * --fragment, the <article> that is the page's body).
 *
 * The page needs no script and no other file: the stylesheet is embedded,
 * for screen and for print.  Every class a user can restyle is listed in
 * docs/output.md.  Every finding, recommendation, source and section has
 * the id its author gave it; generated anchors contain a '.', which no
 * author ID can, so they never collide.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* One rule per line; the array keeps each literal short. */
static const char *const css[] = {
	":root{--ink:#1c2430;--muted:#5a6472;--accent:#0d4d6e;--accent-soft:#eaf2f7;"
	"--rule:#d3dae1;--finding:#9a6212;--finding-soft:#fdf7ec;--paper:#fff}\n",
	"*{box-sizing:border-box}\n",
	"html{font-size:17px}\n",
	"body{margin:0;background:#eef0f3;color:var(--ink);"
	"font-family:Charter,\"Bitstream Charter\",Georgia,\"Times New Roman\",serif;"
	"line-height:1.55}\n",
	".brief{max-width:48rem;margin:2rem auto;background:var(--paper);"
	"padding:3rem 3.5rem 3.5rem;box-shadow:0 1px 6px rgba(20,30,40,.12)}\n",
	".brief-header,.brief-toc,h2,h3,h4,.card-label,.card-meta,.card-foot,.group-title,"
	".gen-label,.source-label,.brief-status"
	"{font-family:\"Helvetica Neue\",Helvetica,Arial,sans-serif}\n",
	".brief-header{border-bottom:4px solid var(--accent);padding-bottom:1.3rem;"
	"margin-bottom:1.6rem}\n",
	".brief-organization{margin:0 0 .7rem;font-size:.78rem;font-weight:700;"
	"letter-spacing:.14em;text-transform:uppercase;color:var(--accent)}\n",
	".brief-title{margin:0 0 .4rem;font-size:2.15rem;line-height:1.15;"
	"color:var(--ink)}\n",
	".brief-subtitle{margin:0 0 .9rem;font-size:1.2rem;font-weight:400;"
	"color:var(--muted)}\n",
	".brief-authors,.brief-date{margin:.15rem 0;font-size:.92rem;color:var(--muted)}\n",
	".brief-authors{font-weight:700;color:var(--ink)}\n",
	".brief-status{display:inline-block;margin:.6rem 0 0;padding:.1rem .55rem;"
	"border:1px solid #b3261e;border-radius:3px;color:#b3261e;font-size:.72rem;"
	"font-weight:700;letter-spacing:.12em;text-transform:uppercase}\n",
	".brief-toc{margin:0 0 2.2rem;padding:1rem 1.4rem;background:var(--accent-soft);"
	"border-radius:4px}\n",
	".brief-toc h2{margin:0 0 .4rem;padding:0;border:0;font-size:.8rem;"
	"letter-spacing:.12em;text-transform:uppercase}\n",
	".brief-toc ul{margin:0;padding:0;list-style:none}\n",
	".brief-toc li{margin:.15rem 0}\n",
	".brief-toc .toc-level2{padding-left:1.2rem;font-size:.93rem}\n",
	".brief-toc a{color:var(--ink);text-decoration:none}\n",
	".brief-toc a:hover{text-decoration:underline}\n",
	"h2,h3,h4{color:var(--accent);line-height:1.25}\n",
	"h2{margin:2.4rem 0 .9rem;padding-bottom:.3rem;"
	"border-bottom:1px solid var(--rule);font-size:1.5rem}\n",
	"h3{margin:1.8rem 0 .6rem;font-size:1.2rem}\n",
	"h4{margin:1.4rem 0 .5rem;font-size:1.02rem}\n",
	"p{margin:0 0 .9rem}\n",
	"a{color:var(--accent)}\n",
	"blockquote{margin:1rem 0;padding:.1rem 1.2rem;border-left:3px solid var(--rule);"
	"color:var(--muted)}\n",
	"code{font-family:\"SFMono-Regular\",Menlo,Consolas,monospace;font-size:.88em;"
	"background:#f2f4f6;padding:.05em .3em;border-radius:3px}\n",
	"abbr[title]{text-decoration:underline dotted #9aa5b1;text-underline-offset:.15em;"
	"cursor:help}\n",
	".brief-header abbr[title],.brief-toc abbr[title],h2 abbr[title],h3 abbr[title],"
	"h4 abbr[title]{text-decoration:none}\n",
	"li>p{margin:.2rem 0}\n",
	".card{margin:1.4rem 0;padding:1rem 1.3rem .4rem;border:1px solid var(--rule);"
	"border-left:6px solid var(--accent);border-radius:4px;break-inside:avoid}\n",
	".card.finding{border-left-color:var(--finding);background:var(--finding-soft)}\n",
	".card-label{display:block;font-size:.74rem;font-weight:700;letter-spacing:.12em;"
	"text-transform:uppercase;color:var(--accent)}\n",
	".finding .card-label{color:var(--finding)}\n",
	".card-lead{margin:.25rem 0 .6rem;font-size:1.06rem;font-weight:700;"
	"line-height:1.4}\n",
	".card-meta{display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;margin:0 0 .8rem;"
	"padding:0;list-style:none;font-size:.8rem;color:var(--muted)}\n",
	".meta-label{font-weight:700;text-transform:uppercase;letter-spacing:.06em;"
	"margin-right:.3em}\n",
	".level-high{color:#1e6b34;font-weight:700}.level-medium{color:#8a5a00;"
	"font-weight:700}.level-low{color:#9b2c2c;font-weight:700}\n",
	".card-foot{margin:.6rem 0 .6rem;padding-top:.45rem;"
	"border-top:1px dashed var(--rule);font-size:.84rem;color:var(--muted)}\n",
	".generated{margin:1.2rem 0 1.6rem}\n",
	".group-title{margin:1.2rem 0 .5rem;font-size:.9rem;font-weight:700;"
	"color:var(--accent)}\n",
	".gen-list{margin:0;padding:0;list-style:none}\n",
	".gen-item{margin:.55rem 0;padding:.65rem 1rem;"
	"border-left:5px solid var(--accent);background:var(--accent-soft);"
	"border-radius:0 4px 4px 0;break-inside:avoid}\n",
	".findings .gen-item{border-left-color:var(--finding);"
	"background:var(--finding-soft)}\n",
	".gen-label{display:block;font-size:.72rem;font-weight:700;letter-spacing:.1em;"
	"text-transform:uppercase}\n",
	".gen-label a{text-decoration:none}\n",
	".sources{margin:0;padding:0;list-style:none;font-size:.9rem}\n",
	".source{position:relative;margin:.55rem 0;padding-left:2.8rem}\n",
	".source-label{position:absolute;left:0;font-weight:700;color:var(--accent)}\n",
	".source p{margin:.25rem 0}\n",
	".cite{font-size:.85em;text-decoration:none}\n",
	".backlink{margin-left:.3em;text-decoration:none;font-size:.85em}\n",
	".glossary{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.2rem;"
	"margin:0 0 1rem}\n",
	".glossary dt{font-weight:700}.glossary dd{margin:0}\n",
	".brief-logo{display:block;max-height:3.2rem;max-width:40%;margin:0 0 .8rem}\n",
	".brief-series{margin:0 0 .5rem;font-size:.82rem;color:var(--muted)}\n",
	".brief-number{font-weight:700}\n",
	".brief-affiliation{font-weight:400;color:var(--muted)}\n",
	".brief-updated,.brief-version{margin:.15rem 0;font-size:.92rem;"
	"color:var(--muted)}\n",
	".float{margin:1.6rem 0;break-inside:avoid}\n",
	".float-label{font-family:\"Helvetica Neue\",Helvetica,Arial,sans-serif;"
	"font-weight:700;color:var(--accent);margin-right:.4em}\n",
	"caption,figcaption{margin:0 0 .5rem;text-align:left;font-weight:700;"
	"line-height:1.35}\n",
	".float table{width:100%;border-collapse:collapse;font-size:.92rem;"
	"font-variant-numeric:tabular-nums}\n",
	".float th,.float td{padding:.35rem .6rem;border-bottom:1px solid var(--rule);"
	"vertical-align:top;text-align:left}\n",
	".float thead th{border-bottom:2px solid var(--ink)}\n",
	".float .align-right{text-align:right}.float .align-center{text-align:center}\n",
	".float img{display:block;max-width:100%;height:auto;margin:0 auto}\n",
	".float-source,.float-note{margin:.45rem 0 0;font-size:.84rem;color:var(--muted)}\n",
	".box{margin:1.4rem 0;padding:.9rem 1.3rem .3rem;border:1px solid var(--rule);"
	"border-top:4px solid var(--accent);background:var(--accent-soft);"
	"border-radius:4px;break-inside:avoid}\n",
	".box-disclaimer,.box-note{background:#f6f7f9;border-top-color:var(--muted)}\n",
	".box-sidebar{border-top-color:var(--finding);background:var(--finding-soft)}\n",
	".box-label{display:block;margin:0;font-family:\"Helvetica Neue\",Helvetica,"
	"Arial,sans-serif;font-size:.74rem;font-weight:700;letter-spacing:.12em;"
	"text-transform:uppercase;color:var(--accent)}\n",
	".box-title{margin:.2rem 0 .6rem;font-weight:700;font-size:1.06rem}\n",
	".note-mark{font-size:.75em;line-height:0}\n",
	".note-mark a{text-decoration:none}\n",
	".notes{margin:0 0 1rem;padding-left:1.6rem;font-size:.9rem}\n",
	".notes li p{margin:.25rem 0}\n",
	".notes li p:last-of-type{display:inline}\n",
	"@media (max-width:40rem){.brief{margin:0;"
	"padding:1.5rem 1.2rem}html{font-size:16px}}\n",
	"@media print{html{font-size:11pt}body{background:#fff}.brief{max-width:none;"
	"margin:0;padding:0;box-shadow:none}a{color:inherit;"
	"text-decoration:none}.brief-toc{break-after:page}h2,h3,h4{break-after:avoid}.card,.gen-item,.source{break-inside:avoid}}\n",
	"@page{margin:2cm}\n",
};

static inline void put(render *r, const char *s)
{
	buf_puts(r->out, s);
}

static void esc(render *r, const char *s)
{
	escape_html(r->out, s, strlen(s));
}

/* ` id="ID"` when there is one. */
static void id_attr(render *r, const char *id)
{
	if (!id)
		return;
	put(r, " id=\"");
	esc(r, id);
	put(r, "\"");
}

static void href(render *r, const char *id)
{
	put(r, " href=\"#");
	escape_url(r->out, id, strlen(id), ESCAPE_URL_HTML);
	put(r, "\"");
}

static void html_text(render *r, const char *s, size_t n)
{
	escape_html(r->out, s, n);
}

static void head(render *r, const render_meta *m)
{
	put(r, "<!DOCTYPE html>\n<html lang=\"");
	escape_html(r->out, m->lang.p, m->lang.len);
	put(r, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	escape_html(r->out, m->title.p, m->title.len);
	put(r, "</title>\n");
	if (m->description.len) {
		put(r, "<meta name=\"description\" content=\"");
		escape_html(r->out, m->description.p, m->description.len);
		put(r, "\">\n");
	}
	for (size_t i = 0; i < m->nauthors; i++) {
		put(r, "<meta name=\"author\" content=\"");
		escape_html(r->out, m->authors[i].p, m->authors[i].len);
		put(r, "\">\n");
	}
	put(r, "<style>\n");
	for (size_t i = 0; i < sizeof css / sizeof css[0]; i++)
		put(r, css[i]);
	put(r, "</style>\n</head>\n<body>\n");
}

/*
 * The elements written the one usual way: the open tag (up to its
 * attributes: tag and class), an id when the event has one, a link to
 * ev->href (HT_HREF) or a title of ev->text (HT_TITLE), then the close
 * tag (with its newline, if any).  HT_NAME and HT_LEVEL: the class value
 * goes on with the event's name ("card finding") or level ("level2").
 * HT_NL_OPEN: a newline after the open tag.  An element with no open tag
 * here is written by a case of its own in html_event, or not at all.
 */
enum {
	HT_NL_OPEN = 1,
	HT_NAME = 2,
	HT_LEVEL = 4,
	HT_HREF = 8,
	HT_TITLE = 16
};

typedef struct html_el {
	const char *open, *close;
	unsigned flags;
} html_el;

static const html_el html_els[RE__COUNT] = {
	[RE_HEADER] = {"<header class=\"brief-header\"", "</header>\n", HT_NL_OPEN},
	[RE_ORGANIZATION] = {"<p class=\"brief-organization\"", "</p>\n", 0},
	[RE_SERIES] = {"<p class=\"brief-series\"", "</p>\n", 0},
	[RE_SERIES_NUMBER] = {"<span class=\"brief-number\"", "</span>", 0},
	[RE_AFFILIATION] = {"<span class=\"brief-affiliation\"", "</span>", 0},
	[RE_TITLE] = {"<h1 class=\"brief-title\"", "</h1>\n", 0},
	[RE_SUBTITLE] = {"<p class=\"brief-subtitle\"", "</p>\n", 0},
	[RE_AUTHORS] = {"<p class=\"brief-authors\"", "</p>\n", 0},
	[RE_STATUS] = {"<p class=\"brief-status\"", "</p>\n", 0},
	[RE_MAIN] = {"<main class=\"brief-body\"", "</main>\n</article>\n", HT_NL_OPEN},
	[RE_SECTION] = {"<section class=\"level", "</section>\n", HT_NL_OPEN | HT_LEVEL},
	[RE_PARAGRAPH] = {"<p", "</p>\n", 0},
	[RE_ITEM] = {"<li", "</li>\n", 0},
	[RE_QUOTE] = {"<blockquote", "</blockquote>\n", HT_NL_OPEN},
	[RE_CARD] = {"<div class=\"card", "</div>\n", HT_NL_OPEN | HT_NAME},
	[RE_CARD_LABEL] = {"<span class=\"card-label\"", "</span>\n", 0},
	[RE_CARD_LEAD] = {"<p class=\"card-lead\"", "</p>\n", 0},
	[RE_CARD_META] = {"<ul class=\"card-meta\"", "</ul>\n", HT_NL_OPEN},
	[RE_CARD_FOOT] = {"<p class=\"card-foot\"", "</p>\n", 0},
	[RE_GENERATED] = {"<div class=\"generated", "</div>\n", HT_NL_OPEN | HT_NAME},
	[RE_GROUP] = {"<div class=\"group\"", "</div>\n", HT_NL_OPEN},
	[RE_GROUP_TITLE] = {"<p class=\"group-title\"", "</p>\n", 0},
	[RE_GEN_LIST] = {"<ul class=\"gen-list\"", "</ul>\n", HT_NL_OPEN},
	[RE_GEN_ITEM] = {"<li class=\"gen-item\"", "</li>\n", 0},
	[RE_GEN_LABEL] = {"<span class=\"gen-label\"", "</span>\n", 0},
	[RE_GEN_TEXT] = {"<span class=\"gen-text\"", "</span>", 0},
	[RE_SOURCES] = {"<ul class=\"sources\"", "</ul>\n", HT_NL_OPEN},
	[RE_SOURCE] = {"<li class=\"source\"", "</li>\n", 0},
	[RE_SOURCE_LABEL] = {"<span class=\"source-label\"", "</span>", 0},
	[RE_SOURCE_TITLE] = {"<cite", "</cite>", 0},
	[RE_GLOSSARY] = {"<dl class=\"glossary\"", "</dl>\n", HT_NL_OPEN},
	[RE_GLOSS_TERM] = {"<dt", "</dt>\n", 0},
	[RE_GLOSS_DEF] = {"<dd", "</dd>\n", 0},
	[RE_EMPH] = {"<em", "</em>", 0},
	[RE_STRONG] = {"<strong", "</strong>", 0},
	[RE_XREF] = {"<a class=\"xref\"", "</a>", HT_HREF},
	[RE_NOTE] = {"<a class=\"cite\"", "</a>", HT_HREF},
	[RE_ABBR] = {"<abbr", "</abbr>", HT_TITLE},
	[RE_TABLE_HEAD] = {"<thead", "</thead>\n", HT_NL_OPEN},
	[RE_TABLE_BODY] = {"<tbody", "</tbody>\n</table>\n", HT_NL_OPEN},
	[RE_ROW] = {"<tr", "</tr>\n", 0},
	[RE_BOX_TITLE] = {"<p class=\"box-title\"", "</p>\n", 0},
	[RE_NOTE_ITEM] = {"<li", "</li>\n", 0},
};

/* Headings by level: h2 to h4 (the title is the h1). */
static const html_el html_headings[4] = {
	{"<h2", "</h2>\n", 0}, {"<h2", "</h2>\n", 0}, {"<h3", "</h3>\n", 0},
	{"<h4", "</h4>\n", 0},
};

static void element(render *r, const render_ev *ev, const html_el *e)
{
	if (!ev->entering) {
		put(r, e->close);
		return;
	}
	put(r, e->open);
	if (e->flags & HT_NAME) {
		put(r, " ");
		put(r, ev->name);
		put(r, "\"");
	} else if (e->flags & HT_LEVEL) {
		buf_put_ulong(r->out, (unsigned long)ev->level);
		put(r, "\"");
	}
	id_attr(r, ev->id);
	if (e->flags & HT_HREF)
		href(r, ev->href);
	if (e->flags & HT_TITLE) {
		put(r, " title=\"");
		escape_html(r->out, ev->text.p, ev->text.len);
		put(r, "\"");
	}
	put(r, e->flags & HT_NL_OPEN ? ">\n" : ">");
}

/* The image's bytes as a data: URL, so that the page is the whole brief;
 * without them (unreadable now: missing-file says why), its alt text. */
static void image(render *r, const render_ev *ev, const char *cls)
{
	const render_image *im = ev->image;
	if (!im || !im->data.len) {
		put(r, "<span class=\"image-missing\">");
		esc(r, ev->label ? ev->label : "");
		put(r, "</span>\n");
		return;
	}
	put(r, "<img");
	if (cls) {
		put(r, " class=\"");
		put(r, cls);
		put(r, "\"");
	}
	put(r, " src=\"data:");
	put(r, im->mime);
	put(r, ";base64,");
	/* in pieces, each handed to a streamed output at once: a large
	 * image is never all in memory twice */
	const size_t piece = (size_t)3 << 18;
	for (size_t i = 0; i < im->data.len; i += piece) {
		size_t n = im->data.len - i < piece ? im->data.len - i : piece;
		buf_put_base64(r->out, im->data.p + i, n);
		if (r->out->sink)
			buf_sink_flush(r->out);
	}
	put(r, "\" alt=\"");
	esc(r, ev->label ? ev->label : "");
	put(r, "\"");
	if (ev->el == RE_IMAGE && ev->number > 0) {
		put(r, " style=\"width:");
		buf_put_ulong(r->out, (unsigned long)ev->number);
		put(r, "%\"");
	}
	put(r, ">\n");
}

/* "Table 2:", "Source:": a label briefc writes, with the language's colon. */
static void float_label(render *r, const render_ev *ev, long number)
{
	put(r, "<span class=\"float-label\">");
	esc(r, ev->label);
	if (number > 0) {
		put(r, " ");
		buf_put_ulong(r->out, (unsigned long)number);
	}
	esc(r, ev->colon);
	put(r, "</span>");
}

static void html_event(render *r, const render_ev *ev)
{
	bool in = ev->entering;
	switch (ev->el) {
	case RE_DOCUMENT:
		if (!r->opt->fragment)
			in ? head(r, ev->meta) : put(r, "</body>\n</html>\n");
		return;
	case RE_HEADER:
		if (in)
			put(r, "<article class=\"brief\">\n");
		break;
	case RE_HEADING:
		element(r, ev, &html_headings[ev->level & 3]);
		return;
	case RE_PARAGRAPH:
		if (ev->tight)
			return;	/* an item's own paragraph, in a tight list */
		break;
	case RE_DATE:
	case RE_UPDATED:
		if (in) {
			put(r, ev->el == RE_DATE ? "<p class=\"brief-date\">" :
			    "<p class=\"brief-updated\">");
			if (ev->label)	/* with its separator */
				esc(r, ev->label);
			put(r, "<time datetime=\"");
			escape_html(r->out, ev->text.p, ev->text.len);
			put(r, "\">");
		} else {
			put(r, "</time></p>\n");
		}
		return;
	case RE_VERSION:
		if (in) {
			put(r, "<p class=\"brief-version\">");
			esc(r, ev->label);
		} else {
			put(r, "</p>\n");
		}
		return;
	case RE_LOGO:
		image(r, ev, "brief-logo");
		return;
	case RE_TABLE:
		if (in) {
			put(r, "<div class=\"float table\"");
			id_attr(r, ev->id);
			put(r, ">\n<table>\n");
		} else {
			put(r, "</div>\n");
		}
		return;
	case RE_FIGURE:
		if (in) {
			put(r, ev->name && strcmp(ev->name, "map") == 0 ?
			    "<figure class=\"float figure map\"" :
			    "<figure class=\"float figure\"");
			id_attr(r, ev->id);
			put(r, ">\n");
		} else {
			put(r, "</figure>\n");
		}
		return;
	case RE_CAPTION: {
		bool table = strcmp(ev->name, "table") == 0;
		if (in) {
			put(r, table ? "<caption>" : "<figcaption>");
			float_label(r, ev, ev->number);
			esc(r, ev->colon_space);
		} else {
			put(r, table ? "</caption>\n" : "</figcaption>\n");
		}
		return;
	}
	case RE_CELL:
		if (in) {
			put(r, ev->head ? "<th" : "<td");
			if (ev->head)
				put(r, " scope=\"col\"");
			static const char *const align[] = {"", " class=\"align-left\"",
				" class=\"align-center\"", " class=\"align-right\""};
			put(r, align[ev->align & 3]);
			put(r, ">");
		} else {
			put(r, ev->head ? "</th>" : "</td>");
		}
		return;
	case RE_IMAGE:
		image(r, ev, NULL);
		return;
	case RE_FLOAT_SOURCE:
	case RE_FLOAT_NOTE:
		if (in) {
			put(r, ev->el == RE_FLOAT_SOURCE ? "<p class=\"float-source\">" :
			    "<p class=\"float-note\">");
			float_label(r, ev, 0);
			esc(r, ev->colon_space);
		} else {
			put(r, "</p>\n");
		}
		return;
	case RE_BOX:
		if (in) {
			put(r, "<aside class=\"box box-");
			put(r, ev->name);
			put(r, "\"");
			id_attr(r, ev->id);
			put(r, ">\n");
			if (ev->number > 0) {
				put(r, "<p class=\"box-label\">");
				esc(r, ev->label);
				put(r, " ");
				buf_put_ulong(r->out, (unsigned long)ev->number);
				put(r, "</p>\n");
			}
		} else {
			put(r, "</aside>\n");
		}
		return;
	case RE_NOTES:
		if (in) {
			put(r, ev->level == 1 ? "<section class=\"level1 notes-section\"" :
			    "<div class=\"notes-section\"");
			id_attr(r, ev->id);
			put(r, ev->level == 1 ? ">\n<h2>" : ">\n<h3>");
			esc(r, ev->label);
			put(r, ev->level == 1 ? "</h2>\n" : "</h3>\n");
			put(r, "<ol class=\"notes\">\n");
		} else {
			put(r, ev->level == 1 ? "</ol>\n</section>\n" : "</ol>\n</div>\n");
		}
		return;
	case RE_NOTE_MARK:
		if (in && !ev->href) {	/* in a link's text */
			put(r, "<sup class=\"note-mark\"");
			id_attr(r, ev->id);
			put(r, ">");
			buf_put_ulong(r->out, (unsigned long)ev->number);
			put(r, "</sup>");
		} else if (in) {
			put(r, "<sup class=\"note-mark\"><a");
			id_attr(r, ev->id);
			href(r, ev->href);
			put(r, ">");
			buf_put_ulong(r->out, (unsigned long)ev->number);
			put(r, "</a></sup>");
		}
		return;
	case RE_TOC:
		if (in) {
			put(r, "<nav class=\"brief-toc\"");
			id_attr(r, ev->id);
			put(r, " aria-label=\"");
			esc(r, ev->label);
			put(r, "\">\n<h2>");
			esc(r, ev->label);
			put(r, "</h2>\n<ul>\n");
		} else {
			put(r, "</ul>\n</nav>\n");
		}
		return;
	case RE_TOC_ENTRY:
		if (in) {
			put(r, "<li class=\"toc-level");
			buf_put_ulong(r->out, (unsigned long)ev->level);
			put(r, "\"><a");
			href(r, ev->href);
			put(r, ">");
		} else {
			put(r, "</a></li>\n");
		}
		return;
	case RE_LIST:
		if (in && ev->ordered && ev->number != 1) {
			put(r, "<ol start=\"");
			buf_put_ulong(r->out, (unsigned long)ev->number);
			put(r, "\">\n");
		} else {
			put(r, in ? (ev->ordered ? "<ol>\n" : "<ul>\n")
				  : (ev->ordered ? "</ol>\n" : "</ul>\n"));
		}
		return;
	case RE_META:
		if (in) {
			put(r, "<li class=\"meta-");
			put(r, ev->name);
			put(r, "\"><span class=\"meta-label\">");
			esc(r, ev->label);
			esc(r, ev->colon);
			put(r, "</span>");
			esc(r, ev->colon_space);
			if (ev->value) {
				put(r, "<span class=\"level-");
				put(r, ev->value);
				put(r, "\">");
			}
		} else {
			put(r, ev->value ? "</span></li>\n" : "</li>\n");
		}
		return;
	case RE_BACKLINK:
		put(r, "<a class=\"backlink\"");
		href(r, ev->href);
		put(r, " aria-label=\"");
		esc(r, ev->label);	/* with its space */
		buf_put_ulong(r->out, (unsigned long)ev->number);
		put(r, "\">\xE2\x86\x91</a>");
		return;
	case RE_SOFTBREAK:
		put(r, "\n");
		return;
	case RE_CODE:
		put(r, "<code>");
		escape_html(r->out, ev->text.p, ev->text.len);
		put(r, "</code>");
		return;
	case RE_LINK:
		if (in) {
			put(r, "<a href=\"");
			escape_url(r->out, ev->text.p, ev->text.len, ESCAPE_URL_HTML);
			put(r, "\">");
		} else {
			put(r, "</a>");
		}
		return;
	default:
		break;
	}
	if (html_els[ev->el].open)
		element(r, ev, &html_els[ev->el]);
}

static const render_backend html_backend = {html_event, html_text, false, true, false};

int render_html(const ast_doc *d, const render_options *o, buf *out)
{
	render_options mo = render_with_map(o, RD_SVG);
	return render_run(d, &mo, &html_backend, NULL, out);
}
