/*
 * render_md.c - the Markdown backend: CommonMark that GitHub, cmark and
 * pandoc's gfm reader all read the same way.
 *
 * Anchors are raw inline HTML, <a id="ID"></a>, at the start of the
 * heading, card or entry they name (CommonMark allows inline HTML; GitHub
 * keeps the id).  Findings and recommendations are block quotes, so they
 * stand out as cards; the generated lists are bullet lists.
 *
 * Output is line-oriented like cmark's commonmark.c: each open container
 * (block quote, list item) adds to a line prefix written at the start of
 * every line inside it, and a block asks for a blank line before itself
 * unless it is the first thing in its container.  Emphasis uses '*' only
 * where CommonMark's flanking rules are sure to read it back; elsewhere it
 * falls back to <em> and <strong>.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "xalloc.h"

typedef struct md_list {
	bool tight;
	bool first;
	char marker;		/* '-' or '*'; ordered: '.' or ')' */
	bool ordered;
} md_list;

typedef struct md {
	buf prefix;		/* written at the start of every line */
	size_t *marks;		/* prefix lengths to go back to */
	size_t nmarks, cmarks;
	md_list *lists;
	size_t nlists, clists;
	bool *tags;		/* per open emphasis: written as HTML tags */
	size_t ntags, ctags;
	bool bol;		/* at the start of a line, prefix not written */
	int need;		/* before the next content: 1 newline, 2 blank line */
	bool fresh;		/* nothing written in the innermost container yet */
	unsigned oneline;	/* > 0: a line break is a space (headings) */
	bool first_meta;
	const char *anchor;	/* for the next heading or card */
	escape_md_state esc;
} md;


static void push_prefix(md *m, const char *s)
{
	m->marks = xgrow(m->marks, &m->cmarks, m->nmarks, sizeof *m->marks,
			 "the line prefixes");
	m->marks[m->nmarks++] = m->prefix.len;
	buf_puts(&m->prefix, s);
}

static void pop_prefix(md *m)
{
	m->prefix.len = m->marks[--m->nmarks];
	if (m->prefix.data)
		m->prefix.data[m->prefix.len] = '\0';
}

/* End the line: trailing blanks go (two would be a hard break). */
static void newline(render *r)
{
	buf *o = r->out;
	while (o->len && (o->data[o->len - 1] == ' ' || o->data[o->len - 1] == '\t'))
		o->len--;
	buf_putc(o, '\n');
	((md *)r->state)->bol = true;
}

/* Before any content: the pending line breaks, then the line's prefix. */
static void flush(render *r)
{
	md *m = r->state;
	if (m->need && r->out->len) {
		if (!m->bol)
			newline(r);
		if (m->need == 2) {
			buf_put(r->out, m->prefix.data ? m->prefix.data : "", m->prefix.len);
			newline(r);
		}
	}
	m->need = 0;
	if (m->bol) {
		buf_put(r->out, m->prefix.data ? m->prefix.data : "", m->prefix.len);
		m->bol = false;
		m->esc.line = ESCAPE_MD_START;
	}
	m->fresh = false;
}

/* Markup: written as is. */
static void raw(render *r, const char *s)
{
	flush(r);
	buf_puts(r->out, s);
	((md *)r->state)->esc.line = ESCAPE_MD_TEXT;
}

static void md_text(render *r, const char *s, size_t n)
{
	md *m = r->state;
	if (!n)
		return;
	flush(r);
	escape_md(r->out, s, n, &m->esc);
}

/* A block starts: a blank line before it, unless it opens its container. */
static void block(render *r)
{
	md *m = r->state;
	if (m->fresh)
		m->fresh = false;
	else
		m->need = 2;
}

static void anchor(render *r, const char *id)
{
	if (!id)
		return;
	raw(r, "<a id=\"");
	escape_html(r->out, id, strlen(id));
	buf_puts(r->out, "\"></a>");
}

/* A container whose lines start with s: a block quote, a list item. */
static void open_container(render *r, const char *s)
{
	md *m = r->state;
	push_prefix(m, s);
	m->fresh = true;
}

static void close_container(render *r)
{
	md *m = r->state;
	pop_prefix(m);
	m->fresh = false;
}

/* A list item: its marker on the first line, then indentation. */
static void item(render *r, const char *marker)
{
	md *m = r->state;
	flush(r);
	buf_puts(r->out, marker);
	m->esc.line = ESCAPE_MD_START;
	char pad[32];
	size_t w = strlen(marker) < sizeof pad ? strlen(marker) : sizeof pad - 1;
	memset(pad, ' ', w);
	pad[w] = '\0';
	open_container(r, pad);
}

/*
 * A link opens: "[" after a '!' the author wrote would make an image, so
 * that '!' gets its backslash now (it is unescaped when an even number of
 * backslashes precede it).
 */
static void link_open(render *r)
{
	flush(r);
	buf *o = r->out;
	size_t k = o->len;
	if (k && o->data[k - 1] == '!') {
		size_t bs = 0;
		while (bs + 1 < k && o->data[k - 2 - bs] == '\\')
			bs++;
		if (bs % 2 == 0) {
			o->len--;
			buf_puts(o, "\\!");
		}
	}
	raw(r, "[");
}

static void link_close(render *r, const char *href)
{
	raw(r, "](#");
	escape_url(r->out, href, strlen(href), ESCAPE_URL_MD);
	buf_putc(r->out, ')');
}

/* ---- emphasis ---- */

static bool wordish(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static bool is_emph(const ast_node *n)
{
	return n && (n->type == AST_EMPH || n->type == AST_STRONG);
}

/*
 * Whether '*' delimiters around n read back as emphasis.  They do when the
 * content starts and ends with non-blank text, and the characters outside
 * are neither word characters nor other delimiters: then the opening run
 * is left-flanking and the closing run right-flanking whatever the content.
 */
static bool stars_safe(render *r, const ast_node *n)
{
	const ast_node *f = n->first, *l = n->last;
	if (!f || f->type != AST_TEXT || !l || l->type != AST_TEXT || !f->tlen ||
	    !l->tlen || blank(f->u.text[0]) ||
	    blank(l->u.text[l->tlen - 1]))
		return false;
	const buf *o = r->out;
	md *m = r->state;
	char before = m->bol || !o->len ? ' ' : o->data[o->len - 1];
	if (wordish((unsigned char)before) || before == '*')
		return false;
	if (!n->prev && is_emph(n->parent))
		return false;
	const ast_node *x = n->next;
	if (!x)
		return !is_emph(n->parent);
	switch (x->type) {
	case AST_TEXT:
		return !x->tlen || !wordish((unsigned char)x->u.text[0]);
	case AST_SOFTBREAK:
	case AST_CODE:
	case AST_LINK:
		return true;
	default:
		return false;
	}
}

static void emphasis(render *r, const render_ev *ev)
{
	md *m = r->state;
	bool strong = ev->el == RE_STRONG;
	if (ev->entering) {
		bool tags = !stars_safe(r, ev->node);
		m->tags = xgrow(m->tags, &m->ctags, m->ntags, sizeof *m->tags,
				 "the open emphasis");
		m->tags[m->ntags++] = tags;
		raw(r, tags ? (strong ? "<strong>" : "<em>") : (strong ? "**" : "*"));
	} else {
		bool tags = m->tags[--m->ntags];
		raw(r, tags ? (strong ? "</strong>" : "</em>") : (strong ? "**" : "*"));
	}
}

/* A code span: a fence longer than any backtick run inside. */
static void code(render *r, str s)
{
	if (!s.len)
		return;
	size_t run = 0, longest = 0;
	for (size_t i = 0; i < s.len; i++) {
		run = s.p[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	bool pad = s.p[0] == '`' || s.p[s.len - 1] == '`' ||
		   (s.p[0] == ' ' && s.p[s.len - 1] == ' ');
	flush(r);
	for (size_t i = 0; i <= longest; i++)
		buf_putc(r->out, '`');
	if (pad)
		buf_putc(r->out, ' ');
	for (size_t i = 0; i < s.len; i++)
		buf_putc(r->out, s.p[i] == '\n' ? ' ' : s.p[i]);
	if (pad)
		buf_putc(r->out, ' ');
	for (size_t i = 0; i <= longest; i++)
		buf_putc(r->out, '`');
	((md *)r->state)->esc.line = ESCAPE_MD_TEXT;
}

/* ---- events ---- */

static void list_event(render *r, const render_ev *ev)
{
	md *m = r->state;
	if (ev->entering) {
		block(r);
		const ast_node *prev = ev->node ? ev->node->prev : NULL;
		bool again = prev && prev->type == AST_LIST &&
			     prev->u.list->ordered == ev->ordered;
		m->lists = xgrow(m->lists, &m->clists, m->nlists, sizeof *m->lists,
				 "the open lists");
		md_list *l = &m->lists[m->nlists++];
		l->tight = ev->tight;
		l->first = true;
		l->ordered = ev->ordered;
		/* a list right after another of its kind needs another marker */
		l->marker = ev->ordered ? (again ? ')' : '.') : (again ? '*' : '-');
	} else {
		m->nlists--;
	}
}

static void item_event(render *r, const render_ev *ev)
{
	md *m = r->state;
	if (!ev->entering) {
		close_container(r);
		return;
	}
	md_list *l = &m->lists[m->nlists - 1];
	if (!l->first)
		m->need = l->tight ? 1 : 2;
	l->first = false;
	char marker[32];
	if (l->ordered)
		snprintf(marker, sizeof marker, "%ld%c ", ev->number, l->marker);
	else
		snprintf(marker, sizeof marker, "%c ", l->marker);
	item(r, marker);
}

/* An entry of a generated list: each on its own line. */
static void gen_entry(render *r, bool entering, bool loose)
{
	md *m = r->state;
	if (!entering) {
		close_container(r);
		return;
	}
	if (!m->fresh && m->need < (loose ? 2 : 1))
		m->need = loose ? 2 : 1;
	item(r, "- ");
}

static void md_event(render *r, const render_ev *ev)
{
	md *m = r->state;
	bool in = ev->entering;
	switch (ev->el) {
	case RE_DOCUMENT:
		if (in) {
			buf_clear(&m->prefix);
			m->nmarks = m->nlists = m->ntags = 0;
			m->bol = true;
			m->need = 0;
			m->fresh = true;
			m->oneline = 0;
			m->anchor = NULL;
		} else if (!m->bol) {
			newline(r);
		}
		break;
	case RE_HEADER:
	case RE_MAIN:
	case RE_CARD_HEAD:
	case RE_GENERATED:
	case RE_GROUP:
	case RE_SOURCES:
	case RE_ABBR:
		if (ev->el == RE_GROUP && in)
			m->anchor = ev->id;
		break;
	case RE_ORGANIZATION:
	case RE_SUBTITLE:
	case RE_AUTHORS:
	case RE_DATE:
	case RE_PARAGRAPH:
		if (in)
			block(r);
		break;
	case RE_STATUS:
		if (in)
			block(r);
		raw(r, "**");
		break;
	case RE_TITLE:
		if (in) {
			block(r);
			raw(r, "# ");
			m->oneline++;
		} else {
			m->oneline--;
		}
		break;
	case RE_TOC:
		if (in) {
			block(r);
			raw(r, "**");
			md_text(r, ev->label, strlen(ev->label));
			raw(r, "**");
			m->need = 2;
			m->fresh = false;
		}
		break;
	case RE_TOC_ENTRY:
		if (in) {
			raw(r, ev->level > 1 ? "  - " : "- ");
			link_open(r);
			m->esc.line = ESCAPE_MD_TEXT;
			m->oneline++;
		} else {
			link_close(r, ev->href);
			m->oneline--;
			m->need = 1;
		}
		break;
	case RE_SECTION:
		if (in)
			m->anchor = ev->id;
		break;
	case RE_HEADING:
		if (in) {
			static const char *const hashes[] = {"## ", "## ", "### ", "#### "};
			block(r);
			raw(r, hashes[ev->level]);
			anchor(r, ev->id ? ev->id : m->anchor);
			m->anchor = NULL;
			m->esc.line = ESCAPE_MD_START;
			m->oneline++;
		} else {
			m->oneline--;
		}
		break;
	case RE_LIST:
		list_event(r, ev);
		break;
	case RE_ITEM:
		item_event(r, ev);
		break;
	case RE_QUOTE:
	case RE_CARD:
		if (in) {
			block(r);
			flush(r);
			open_container(r, "> ");
			/* the prefix of this first line is already written */
			buf_puts(r->out, "> ");
			m->fresh = true;
			if (ev->el == RE_CARD)
				m->anchor = ev->id;
		} else {
			close_container(r);
		}
		break;
	case RE_CARD_LABEL:
		if (in) {
			block(r);
			anchor(r, m->anchor);
			m->anchor = NULL;
			raw(r, "**");
		} else {
			raw(r, "** ");
		}
		break;
	case RE_CARD_LEAD:
		break;
	case RE_CARD_META:
		if (in) {
			block(r);
			m->first_meta = true;
		}
		break;
	case RE_META:
		if (in) {
			if (!m->first_meta)
				md_text(r, " \xC2\xB7 ", 4);
			m->first_meta = false;
			raw(r, "*");
			md_text(r, ev->label, strlen(ev->label));
			raw(r, ":* ");
		}
		break;
	case RE_CARD_FOOT:
	case RE_GROUP_TITLE:
		if (in) {
			block(r);
			if (ev->el == RE_GROUP_TITLE) {
				anchor(r, m->anchor);
				m->anchor = NULL;
			}
		}
		if (ev->el == RE_GROUP_TITLE)
			raw(r, "**");
		break;
	case RE_GEN_LIST:
	case RE_GLOSSARY:
		if (in)
			block(r);
		break;
	case RE_GEN_ITEM:
	case RE_GLOSS_TERM:
		if (ev->el == RE_GEN_ITEM || in)
			gen_entry(r, in, false);
		if (ev->el == RE_GLOSS_TERM)
			raw(r, in ? "**" : "**: ");
		break;
	case RE_GLOSS_DEF:
		if (!in)
			close_container(r);
		break;
	case RE_GEN_LABEL:
		raw(r, in ? "**" : "** ");
		break;
	case RE_GEN_TEXT:
	case RE_SOURCE_TITLE:
	case RE_BACKLINK:
		break;
	case RE_SOURCE:
		gen_entry(r, in, true);
		if (in)
			anchor(r, ev->id);
		break;
	case RE_SOURCE_LABEL:
		break;
	case RE_SOFTBREAK:
		if (m->oneline)
			md_text(r, " ", 1);
		else
			newline(r);
		break;
	case RE_EMPH:
	case RE_STRONG:
		emphasis(r, ev);
		break;
	case RE_CODE:
		code(r, ev->text);
		break;
	case RE_LINK:
		if (in) {
			link_open(r);
		} else {
			raw(r, "](");
			escape_url(r->out, ev->text.p, ev->text.len, ESCAPE_URL_MD);
			buf_putc(r->out, ')');
		}
		break;
	case RE_XREF:
	case RE_NOTE:
		if (in)
			link_open(r);
		else
			link_close(r, ev->href);
		break;
	case RE__COUNT:
		break;
	}
}

static const render_backend md_backend = {md_event, md_text};

int render_md(const ast_doc *d, const render_options *o, buf *out)
{
	md m;
	memset(&m, 0, sizeof m);
	int rc = render_run(d, o, &md_backend, &m, out);
	buf_free(&m.prefix);
	free(m.marks);
	free(m.lists);
	free(m.tags);
	return rc;
}
