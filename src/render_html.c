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
#include "xalloc.h"

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
	"@media (max-width:40rem){.brief{margin:0;"
	"padding:1.5rem 1.2rem}html{font-size:16px}}\n",
	"@media print{html{font-size:11pt}body{background:#fff}.brief{max-width:none;"
	"margin:0;padding:0;box-shadow:none}a{color:inherit;"
	"text-decoration:none}.brief-toc{break-after:page}h2,h3,h4{break-after:avoid}.card,.gen-item,.source{break-inside:avoid}}\n",
	"@page{margin:2cm}\n",
};

/* The open lists, innermost last: whether each is tight (its items'
 * paragraphs are written without <p>). */
typedef struct html {
	bool *tight;
	size_t n, cap;
} html;

static bool in_tight_item(render *r, const render_ev *ev)
{
	const html *h = r->state;
	return h->n && h->tight[h->n - 1] && ev->node && ev->node->parent &&
	       ev->node->parent->type == AST_ITEM;
}

static void put(render *r, const char *s)
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

static void head(render *r)
{
	const ast_doc *d = r->doc;
	buf t = BUF_INIT;
	put(r, "<!DOCTYPE html>\n<html lang=\"");
	if (d->meta.lang && d->meta.lang->value.len)
		escape_html(r->out, d->meta.lang->value.p, d->meta.lang->value.len);
	else
		put(r, "en");
	put(r, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	if (d->meta.title && d->meta.title->inl)
		render_plain(d, d->meta.title->inl, &t);
	escape_html(r->out, t.data ? t.data : "", t.len);
	put(r, "</title>\n");
	buf_clear(&t);
	render_description(d, 200, &t);
	if (t.len) {
		put(r, "<meta name=\"description\" content=\"");
		escape_html(r->out, t.data, t.len);
		put(r, "\">\n");
	}
	buf_clear(&t);
	for (size_t i = 0; i < d->meta.nauthors; i++) {
		put(r, "<meta name=\"author\" content=\"");
		escape_html(r->out, d->meta.author_names[i].p, d->meta.author_names[i].len);
		put(r, "\">\n");
	}
	put(r, "<style>\n");
	for (size_t i = 0; i < sizeof css / sizeof css[0]; i++)
		put(r, css[i]);
	put(r, "</style>\n</head>\n<body>\n");
	buf_free(&t);
}

/* Open or close a tag with a class: <p class="x"> ... </p>. */
static void tag(render *r, const render_ev *ev, const char *name, const char *cls)
{
	if (!ev->entering) {
		put(r, "</");
		put(r, name);
		put(r, ">");
		return;
	}
	put(r, "<");
	put(r, name);
	if (cls) {
		put(r, " class=\"");
		put(r, cls);
		put(r, "\"");
	}
	id_attr(r, ev->id);
	put(r, ">");
}

/* A block-level tag on lines of its own. */
static void block(render *r, const render_ev *ev, const char *name, const char *cls)
{
	tag(r, ev, name, cls);
	put(r, "\n");
}

static void html_event(render *r, const render_ev *ev)
{
	bool in = ev->entering;
	switch (ev->el) {
	case RE_DOCUMENT:
		((html *)r->state)->n = 0;
		if (!r->opt->fragment)
			in ? head(r) : put(r, "</body>\n</html>\n");
		break;
	case RE_HEADER:
		if (in)
			put(r, "<article class=\"brief\">\n");
		block(r, ev, "header", "brief-header");
		break;
	case RE_ORGANIZATION:
		tag(r, ev, "p", "brief-organization");
		if (!in)
			put(r, "\n");
		break;
	case RE_TITLE:
		tag(r, ev, "h1", "brief-title");
		if (!in)
			put(r, "\n");
		break;
	case RE_SUBTITLE:
		tag(r, ev, "p", "brief-subtitle");
		if (!in)
			put(r, "\n");
		break;
	case RE_AUTHORS:
		tag(r, ev, "p", "brief-authors");
		if (!in)
			put(r, "\n");
		break;
	case RE_DATE:
		if (in) {
			put(r, "<p class=\"brief-date\"><time datetime=\"");
			escape_html(r->out, ev->text.p, ev->text.len);
			put(r, "\">");
		} else {
			put(r, "</time></p>\n");
		}
		break;
	case RE_STATUS:
		tag(r, ev, "p", "brief-status");
		if (!in)
			put(r, "\n");
		break;
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
		break;
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
		break;
	case RE_MAIN:
		block(r, ev, "main", "brief-body");
		if (!in)
			put(r, "</article>\n");
		break;
	case RE_SECTION:
		if (in) {
			put(r, "<section class=\"level");
			buf_put_ulong(r->out, (unsigned long)ev->level);
			put(r, "\"");
			id_attr(r, ev->id);
			put(r, ">\n");
		} else {
			put(r, "</section>\n");
		}
		break;
	case RE_HEADING: {
		static const char *const h[] = {"h2", "h2", "h3", "h4"};
		tag(r, ev, h[ev->level], NULL);
		if (!in)
			put(r, "\n");
		break;
	}
	case RE_PARAGRAPH:
		if (in_tight_item(r, ev))
			break;
		tag(r, ev, "p", NULL);
		if (!in)
			put(r, "\n");
		break;
	case RE_LIST: {
		html *h = r->state;
		if (in) {
			h->tight = xgrow(h->tight, &h->cap, h->n, sizeof *h->tight,
					 "the open lists");
			h->tight[h->n++] = ev->tight;
		} else {
			h->n--;
		}
		if (in && ev->ordered && ev->number != 1)
			buf_printf(r->out, "<ol start=\"%ld\">\n", ev->number);
		else
			block(r, ev, ev->ordered ? "ol" : "ul", NULL);
		break;
	}
	case RE_ITEM:
		tag(r, ev, "li", NULL);
		if (!in)
			put(r, "\n");
		break;
	case RE_QUOTE:
		block(r, ev, "blockquote", NULL);
		break;
	case RE_CARD:
		if (in) {
			put(r, "<div class=\"card ");
			put(r, ev->name);
			put(r, "\"");
			id_attr(r, ev->id);
			put(r, ">\n");
		} else {
			put(r, "</div>\n");
		}
		break;
	case RE_CARD_HEAD:
		break;
	case RE_CARD_LABEL:
		tag(r, ev, "span", "card-label");
		if (!in)
			put(r, "\n");
		break;
	case RE_CARD_LEAD:
		tag(r, ev, "p", "card-lead");
		if (!in)
			put(r, "\n");
		break;
	case RE_CARD_META:
		block(r, ev, "ul", "card-meta");
		break;
	case RE_META:
		if (in) {
			put(r, "<li class=\"meta-");
			put(r, ev->name);
			put(r, "\"><span class=\"meta-label\">");
			esc(r, ev->label);
			put(r, ":</span> ");
			if (ev->value) {
				put(r, "<span class=\"level-");
				put(r, ev->value);
				put(r, "\">");
			}
		} else {
			put(r, ev->value ? "</span></li>\n" : "</li>\n");
		}
		break;
	case RE_CARD_FOOT:
		tag(r, ev, "p", "card-foot");
		if (!in)
			put(r, "\n");
		break;
	case RE_GENERATED:
		if (in) {
			put(r, "<div class=\"generated ");
			put(r, ev->name);
			put(r, "\">\n");
		} else {
			put(r, "</div>\n");
		}
		break;
	case RE_GROUP:
		block(r, ev, "div", "group");
		break;
	case RE_GROUP_TITLE:
		tag(r, ev, "p", "group-title");
		if (!in)
			put(r, "\n");
		break;
	case RE_GEN_LIST:
		block(r, ev, "ul", "gen-list");
		break;
	case RE_GEN_ITEM:
		tag(r, ev, "li", "gen-item");
		if (!in)
			put(r, "\n");
		break;
	case RE_GEN_LABEL:
		tag(r, ev, "span", "gen-label");
		if (!in)
			put(r, "\n");
		break;
	case RE_GEN_TEXT:
		tag(r, ev, "span", "gen-text");
		break;
	case RE_SOURCES:
		block(r, ev, "ul", "sources");
		break;
	case RE_SOURCE:
		tag(r, ev, "li", "source");
		if (!in)
			put(r, "\n");
		break;
	case RE_SOURCE_LABEL:
		tag(r, ev, "span", "source-label");
		break;
	case RE_SOURCE_TITLE:
		tag(r, ev, "cite", NULL);
		break;
	case RE_BACKLINK:
		put(r, "<a class=\"backlink\"");
		href(r, ev->href);
		put(r, " aria-label=\"Back to citation ");
		buf_put_ulong(r->out, (unsigned long)ev->number);
		put(r, "\">\xE2\x86\x91</a>");
		break;
	case RE_GLOSSARY:
		block(r, ev, "dl", "glossary");
		break;
	case RE_GLOSS_TERM:
		tag(r, ev, "dt", NULL);
		if (!in)
			put(r, "\n");
		break;
	case RE_GLOSS_DEF:
		tag(r, ev, "dd", NULL);
		if (!in)
			put(r, "\n");
		break;
	case RE_SOFTBREAK:
		put(r, "\n");
		break;
	case RE_EMPH:
		tag(r, ev, "em", NULL);
		break;
	case RE_STRONG:
		tag(r, ev, "strong", NULL);
		break;
	case RE_CODE:
		put(r, "<code>");
		for (size_t i = 0; i < ev->text.len; i++) {
			char c = ev->text.p[i];
			if (c == '\n')
				put(r, " ");
			else
				escape_html(r->out, &c, 1);
		}
		put(r, "</code>");
		break;
	case RE_LINK:
		if (in) {
			put(r, "<a href=\"");
			escape_url(r->out, ev->text.p, ev->text.len, ESCAPE_URL_HTML);
			put(r, "\">");
		} else {
			put(r, "</a>");
		}
		break;
	case RE_XREF:
		if (in) {
			put(r, "<a class=\"xref\"");
			href(r, ev->href);
			put(r, ">");
		} else {
			put(r, "</a>");
		}
		break;
	case RE_NOTE:
		if (in) {
			put(r, "<a class=\"cite\"");
			id_attr(r, ev->id);
			href(r, ev->href);
			put(r, ">");
		} else {
			put(r, "</a>");
		}
		break;
	case RE_ABBR:
		if (in) {
			put(r, "<abbr title=\"");
			escape_html(r->out, ev->text.p, ev->text.len);
			put(r, "\">");
		} else {
			put(r, "</abbr>");
		}
		break;
	case RE__COUNT:
		break;
	}
}

static const render_backend html_backend = {html_event, html_text};

int render_html(const ast_doc *d, const render_options *o, buf *out)
{
	html h = {NULL, 0, 0};
	int rc = render_run(d, o, &html_backend, &h, out);
	free(h.tight);
	return rc;
}
