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
 * where CommonMark's flanking rules are sure to read it back (the event
 * says what touches it); elsewhere it falls back to <em> and <strong>.
 *
 * Tables are GFM pipe tables (cmark-gfm, GitHub and pandoc read them),
 * their caption, source and note paragraphs around them; figures are an
 * image of the path as written, with its caption; boxes are block quotes
 * that open with their label and title in bold; notes are GFM footnotes,
 * [^N] at the mark and their definitions listed before the sources (a
 * GFM reader numbers footnotes by their first reference, which is the
 * order of briefc's numbers).
 *
 * Everything goes out through put(), which holds back what a line may
 * not end with or what the next write decides: blanks at the end of a
 * line (two would be a hard break) are dropped at the newline, and a '!'
 * is written "\!" when a link follows (it would make an image).  So the
 * backend never looks at what it wrote.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "xalloc.h"

typedef struct md {
	buf prefix;		/* written at the start of every line */
	size_t *marks;		/* prefix lengths to go back to */
	size_t nmarks, cmarks;
	bool *tags;		/* per open emphasis: written as HTML tags */
	size_t ntags, ctags;
	bool started;		/* something written */
	bool bol;		/* at the start of a line, prefix not written */
	int need;		/* before the next content: 1 newline, 2 blank line */
	bool fresh;		/* nothing written in the innermost container yet */
	unsigned oneline;	/* > 0: a line break is a space (headings) */
	bool first_meta;
	const char *anchor;	/* for the next heading or card */
	escape_md_state esc;
	/* held back by put() */
	size_t blanks;		/* spaces at the end of what was written */
	bool bang;		/* a '!' ended it, not yet written */
	bool bang_escaped;	/* ... after an odd run of backslashes */
	size_t backslashes;	/* the run of backslashes the output ends in */
	char last;		/* the last character given to put() */
	buf tmp;		/* a piece being escaped */
	bool in_table;		/* in a table's rows: '|' is written \| */
	bool *tight_items;	/* per open item: its list is tight */
	size_t nitems, citems;
	long box_number;	/* a box's label not yet written */
	const char *box_label, *box_id;
} md;

/* ---- output ---- */

/* Write what put() held back (a line goes on after it). */
static void put_held(render *r, bool link_next)
{
	md *m = r->state;
	if (m->bang) {
		buf_puts(r->out, link_next && !m->bang_escaped ? "\\!" : "!");
		m->bang = false;
		m->backslashes = 0;
	}
	for (; m->blanks; m->blanks--)
		buf_putc(r->out, ' ');
}

/* The one way out: s, less what it ends with that may yet change. */
static void put(render *r, const char *s, size_t n)
{
	md *m = r->state;
	if (!n)
		return;
	put_held(r, false);
	m->started = true;
	m->last = s[n - 1];
	size_t k = n;
	while (k && s[k - 1] == ' ')
		k--;
	m->blanks = n - k;
	if (k && k == n && s[k - 1] == '!') {
		size_t bs = 0;
		while (bs + 1 < k && s[k - 2 - bs] == '\\')
			bs++;
		if (bs + 1 == k)
			bs += m->backslashes;
		m->bang = true;
		m->bang_escaped = bs % 2 == 1;
		k--;
	}
	buf_put(r->out, s, k);
	if (k) {
		size_t bs = 0;
		while (bs < k && s[k - 1 - bs] == '\\')
			bs++;
		m->backslashes = bs == k ? m->backslashes + bs : bs;
	}
}

static void puts_(render *r, const char *s)
{
	put(r, s, strlen(s));
}

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

/* End the line: the blanks held back go. */
static void newline(render *r)
{
	md *m = r->state;
	m->blanks = 0;
	put_held(r, false);
	buf_putc(r->out, '\n');
	m->backslashes = 0;
	m->last = '\n';
	m->bol = true;
}

/* Before any content: the pending line breaks, then the line's prefix. */
static void flush(render *r)
{
	md *m = r->state;
	if (m->need && m->started) {
		if (!m->bol)
			newline(r);
		if (m->need == 2) {
			put(r, m->prefix.data ? m->prefix.data : "", m->prefix.len);
			newline(r);
		}
	}
	m->need = 0;
	if (m->bol) {
		put(r, m->prefix.data ? m->prefix.data : "", m->prefix.len);
		m->bol = false;
		m->esc.line = ESCAPE_MD_START;
	}
	m->fresh = false;
}

/* Markup: written as is. */
static void raw(render *r, const char *s)
{
	flush(r);
	puts_(r, s);
	((md *)r->state)->esc.line = ESCAPE_MD_TEXT;
}

static void md_text(render *r, const char *s, size_t n)
{
	md *m = r->state;
	if (!n)
		return;
	flush(r);
	buf_clear(&m->tmp);
	escape_md(&m->tmp, s, n, &m->esc);
	put(r, m->tmp.data, m->tmp.len);
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
	md *m = r->state;
	if (!id)
		return;
	raw(r, "<a id=\"");
	buf_clear(&m->tmp);
	escape_html(&m->tmp, id, strlen(id));
	put(r, m->tmp.data, m->tmp.len);
	puts_(r, "\"></a>");
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
	puts_(r, marker);
	m->esc.line = ESCAPE_MD_START;
	char pad[32];
	size_t w = strlen(marker) < sizeof pad ? strlen(marker) : sizeof pad - 1;
	memset(pad, ' ', w);
	pad[w] = '\0';
	open_container(r, pad);
}

/* A link opens: "[" after a '!' would make an image, so the '!' put()
 * held back is written escaped. */
static void link_open(render *r)
{
	flush(r);
	put_held(r, true);
	raw(r, "[");
}

/* "](DEST)", DEST a URL or (fragment) an anchor. */
static void link_close(render *r, const char *dest, size_t n, bool fragment)
{
	md *m = r->state;
	raw(r, fragment ? "](#" : "](");
	buf_clear(&m->tmp);
	escape_url(&m->tmp, dest, n, ESCAPE_URL_MD);
	buf_putc(&m->tmp, ')');
	put(r, m->tmp.data, m->tmp.len);
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

/*
 * Whether '*' delimiters around an emphasis read back as emphasis.  They
 * do when the content starts and ends with non-blank text, and the
 * characters outside are neither word characters nor other delimiters:
 * then the opening run is left-flanking and the closing run
 * right-flanking whatever the content.
 */
static bool stars_safe(render *r, const render_flank *f)
{
	md *m = r->state;
	if (!f->first || !f->last || blank(f->first) || blank(f->last))
		return false;
	char before = m->bol || !m->started ? ' ' : m->last;
	if (wordish((unsigned char)before) || before == '*' || f->in_emph_first)
		return false;
	switch (f->next) {
	case RN_END:
		return !f->in_emph_last;
	case RN_TEXT:
		return !f->next_char || !wordish((unsigned char)f->next_char);
	case RN_BREAK:
	case RN_CODE:
	case RN_LINK:
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
		bool tags = !stars_safe(r, &ev->flank);
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
	md *m = r->state;
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
	buf *t = &m->tmp;
	buf_clear(t);
	for (size_t i = 0; i <= longest; i++)
		buf_putc(t, '`');
	if (pad)
		buf_putc(t, ' ');
	/* in a table, even a code span's '|' ends the cell unless escaped
	 * (GFM takes the backslash away again) */
	for (size_t i = 0; i < s.len; i++) {
		if (m->in_table && s.p[i] == '|')
			buf_putc(t, '\\');
		buf_putc(t, s.p[i]);
	}
	if (pad)
		buf_putc(t, ' ');
	for (size_t i = 0; i <= longest; i++)
		buf_putc(t, '`');
	put(r, t->data, t->len);
	m->esc.line = ESCAPE_MD_TEXT;
}

/* ---- events ---- */

/* A list item: a newline before it, a blank line in a loose list. */
static void list_item(render *r, const render_ev *ev)
{
	md *m = r->state;
	if (!ev->entering) {
		close_container(r);
		m->nitems--;
		return;
	}
	m->tight_items = xgrow(m->tight_items, &m->citems, m->nitems,
			       sizeof *m->tight_items, "the open list items");
	m->tight_items[m->nitems++] = ev->tight;
	if (!ev->first)
		m->need = ev->tight ? 1 : 2;
	/* a list right after another of its kind needs another marker */
	char marker[32], digits[24];
	size_t k = 0, nd = 0;
	if (ev->ordered) {
		unsigned long v = ev->number < 0 ? 0 : (unsigned long)ev->number;
		do {
			digits[nd++] = (char)('0' + v % 10);
			v /= 10;
		} while (v);
		while (nd)
			marker[k++] = digits[--nd];
		marker[k++] = ev->follows_list ? ')' : '.';
	} else {
		marker[k++] = ev->follows_list ? '*' : '-';
	}
	marker[k++] = ' ';
	marker[k] = '\0';
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

/*
 * The elements written the usual way: a block (a blank line before it,
 * unless it opens its container) and markup around the content.  An
 * element with nothing here is written by a case of its own in md_event,
 * or not at all.
 */
typedef struct md_el {
	bool block;
	const char *open, *close;
} md_el;

static const md_el md_els[RE__COUNT] = {
	[RE_ORGANIZATION] = {true, NULL, NULL},
	[RE_SUBTITLE] = {true, NULL, NULL},
	[RE_AUTHORS] = {true, NULL, NULL},
	[RE_DATE] = {true, NULL, NULL},
	[RE_STATUS] = {true, "**", "**"},
	[RE_PARAGRAPH] = {true, NULL, NULL},
	[RE_SERIES] = {true, NULL, NULL},
	[RE_CARD_FOOT] = {true, NULL, NULL},
	[RE_GEN_LIST] = {true, NULL, NULL},
	[RE_GEN_LABEL] = {false, "**", "** "},
	[RE_GLOSSARY] = {true, NULL, NULL},
};

/* A float's anchor and its label in bold: "**Box 2**"; with close
 * false, the bold goes on (a caption's colon, a box's title). */
static void float_label(render *r, const char *id, const char *label, long number,
			bool close)
{
	md *m = r->state;
	block(r);
	anchor(r, id);
	raw(r, "**");
	md_text(r, label, strlen(label));
	if (number > 0) {
		char n[24];
		snprintf(n, sizeof n, " %ld", number);
		md_text(r, n, strlen(n));
	}
	if (close)
		raw(r, "**");
	m->esc.line = ESCAPE_MD_TEXT;
}

/*
 * The language's colon after a label in emphasis (delim "**" or "*"),
 * and its space: "**Table 2:** ", "*Source\u00A0:* ".  A colon no space
 * follows (Chinese and Japanese "\uFF1A") goes after the emphasis,
 * "**\u8868 2**\uFF1A": CommonMark does not close emphasis after a
 * punctuation mark that a letter follows.
 */
static void label_colon(render *r, const render_ev *ev, const char *delim)
{
	bool spaced = *ev->colon_space != '\0';
	if (spaced)
		md_text(r, ev->colon, strlen(ev->colon));
	raw(r, delim);
	if (!spaced)
		md_text(r, ev->colon, strlen(ev->colon));
	md_text(r, ev->colon_space, strlen(ev->colon_space));
}

/* A table's delimiter row: its columns' alignments. */
static void delimiter_row(render *r, const render_ev *ev)
{
	static const char *const cell[] = {"---|", ":--|", ":-:|", "--:|"};
	newline(r);
	flush(r);
	raw(r, "|");
	for (size_t k = 0; k < ev->ncols; k++)
		raw(r, cell[ev->aligns ? ev->aligns[k] & 3 : 0]);
}

/* An image: the path as written (relative to the Markdown file, when it
 * stands next to the brief), its alt text as the image's text. */
static void image(render *r, const render_ev *ev)
{
	md *m = r->state;
	flush(r);
	put_held(r, false);
	raw(r, "![");
	if (ev->label)
		md_text(r, ev->label, strlen(ev->label));
	if (!ev->image || !ev->image->src.len) {
		raw(r, "]()");
		return;
	}
	raw(r, "](");
	buf_clear(&m->tmp);
	escape_url(&m->tmp, ev->image->src.p, ev->image->src.len, ESCAPE_URL_MD);
	buf_putc(&m->tmp, ')');
	put(r, m->tmp.data, m->tmp.len);
}

/* The map's Mermaid text as a ```mermaid block, which GitHub and GitLab
 * draw.  Its author text went through escape_mermaid, which leaves no
 * backquote, so no line of it can close the fence. */
static void mermaid(render *r, const render_ev *ev)
{
	md *m = r->state;
	const str *t = &ev->image->data;
	raw(r, "```mermaid");
	for (size_t i = 0, line = 0; i < t->len; line++) {
		const char *nl = memchr(t->p + i, '\n', t->len - i);
		size_t k = nl ? (size_t)(nl - t->p) : t->len;
		m->need = 1;
		flush(r);
		put(r, t->p + i, k - i);
		i = k + 1;
		if (line == 0 && ev->label && *ev->label) {
			/* after "flowchart LR": what a screen reader says
			 * (the alt text is briefc's: one line, no markup) */
			m->need = 1;
			flush(r);
			puts_(r, "  accDescr: ");
			puts_(r, ev->label);
		}
	}
	m->need = 1;
	raw(r, "```");
	m->need = 2;
}

static void md_event(render *r, const render_ev *ev)
{
	md *m = r->state;
	bool in = ev->entering;
	if (m->box_number && ev->el != RE_BOX_TITLE) {
		/* a box with a number and no title: its label alone */
		float_label(r, m->box_id, m->box_label, m->box_number, true);
		m->box_number = 0;
	}
	switch (ev->el) {
	case RE_DOCUMENT:
		if (in) {
			buf_clear(&m->prefix);
			m->nmarks = m->ntags = 0;
			m->bol = true;
			m->need = 0;
			m->fresh = true;
			m->oneline = 0;
			m->anchor = NULL;
		} else if (!m->bol) {
			newline(r);
		}
		return;
	case RE_GROUP:
		if (in)
			m->anchor = ev->id;
		return;
	case RE_TITLE:
		if (in) {
			block(r);
			raw(r, "# ");
			m->oneline++;
		} else {
			m->oneline--;
		}
		return;
	case RE_TOC:
		if (in) {
			block(r);
			raw(r, "**");
			md_text(r, ev->label, strlen(ev->label));
			raw(r, "**");
			m->need = 2;
			m->fresh = false;
		}
		return;
	case RE_TOC_ENTRY:
		if (in) {
			raw(r, ev->level > 1 ? "  - " : "- ");
			link_open(r);
			m->esc.line = ESCAPE_MD_TEXT;
			m->oneline++;
		} else {
			link_close(r, ev->href, strlen(ev->href), true);
			m->oneline--;
			m->need = 1;
		}
		return;
	case RE_SECTION:
		if (in)
			m->anchor = ev->id;
		return;
	case RE_HEADING:
		if (in) {
			static const char *const hashes[] = {"## ", "## ", "### ", "#### "};
			block(r);
			raw(r, hashes[ev->level & 3]);
			anchor(r, ev->id ? ev->id : m->anchor);
			m->anchor = NULL;
			m->esc.line = ESCAPE_MD_START;
			m->oneline++;
		} else {
			m->oneline--;
		}
		return;
	case RE_ITEM:
		list_item(r, ev);
		return;
	case RE_QUOTE:
	case RE_CARD:
	case RE_BOX:
		if (in) {
			block(r);
			flush(r);
			open_container(r, "> ");
			/* the prefix of this first line is already written */
			put(r, "> ", 2);
			m->fresh = true;
			if (ev->el == RE_CARD)
				m->anchor = ev->id;
			if (ev->el == RE_BOX) {
				m->box_number = ev->number;
				m->box_label = ev->label;
				m->box_id = ev->id;
			}
		} else {
			close_container(r);
		}
		return;
	case RE_BOX_TITLE:
		if (in) {
			if (m->box_number) {
				float_label(r, m->box_id, m->box_label, m->box_number,
					    false);
				md_text(r, ev->colon, strlen(ev->colon));
				md_text(r, ev->colon_space, strlen(ev->colon_space));
				m->box_number = 0;
			} else {
				block(r);
				anchor(r, m->box_id);
				raw(r, "**");
			}
			m->oneline++;
		} else {
			raw(r, "**");
			m->oneline--;
		}
		return;
	case RE_LIST:
		/* a list inside a tight item follows its text line by line */
		if (in && m->nitems && m->tight_items[m->nitems - 1] && !m->fresh)
			m->need = 1;
		else if (in)
			block(r);
		return;
	case RE_LOGO:
		if (ev->image && ev->image->src.len) {
			block(r);
			image(r, ev);
		}
		return;
	case RE_UPDATED:
	case RE_VERSION:
		if (in) {
			block(r);
			/* the label has its separator */
			md_text(r, ev->label, strlen(ev->label));
		}
		return;
	case RE_CAPTION:
		if (in) {
			float_label(r, m->anchor, ev->label, ev->number, false);
			m->anchor = NULL;
			label_colon(r, ev, "**");
			m->oneline++;
		} else {
			m->oneline--;
		}
		return;
	case RE_TABLE:
	case RE_FIGURE:
		if (in)
			m->anchor = ev->id;
		return;
	case RE_TABLE_HEAD:
		if (in)
			block(r);
		else
			delimiter_row(r, ev);
		return;
	case RE_TABLE_BODY:
		if (!in) {
			m->need = 2;
			m->fresh = false;
		}
		return;
	case RE_ROW:
		if (in) {
			if (!ev->head || !ev->first)
				m->need = m->need ? m->need : 1;
			if (!ev->head && ev->first && !m->need)
				m->need = 1;
			flush(r);
			raw(r, "|");
			m->in_table = true;
			m->oneline++;
		} else {
			m->in_table = false;
			m->oneline--;
		}
		return;
	case RE_CELL:
		if (in) {
			raw(r, " ");
			m->esc.line = ESCAPE_MD_TEXT;
		} else {
			raw(r, " |");
		}
		return;
	case RE_IMAGE:
		block(r);
		if (ev->image && ev->image->mime &&
		    strcmp(ev->image->mime, RENDER_MIME_MERMAID) == 0)
			mermaid(r, ev);
		else
			image(r, ev);
		return;
	case RE_FLOAT_SOURCE:
	case RE_FLOAT_NOTE:
		if (in) {
			block(r);
			raw(r, "*");
			md_text(r, ev->label, strlen(ev->label));
			label_colon(r, ev, "*");
		}
		return;
	case RE_NOTES:
		if (in)
			block(r);
		return;
	case RE_NOTE_ITEM:
		if (in) {
			char n[40];
			block(r);
			flush(r);
			snprintf(n, sizeof n, "[^%ld]: ", ev->number);
			raw(r, n);
			open_container(r, "    ");
			m->esc.line = ESCAPE_MD_START;
		} else {
			close_container(r);
		}
		return;
	case RE_NOTE_MARK: {
		char n[40];
		snprintf(n, sizeof n, "[^%ld]", ev->number);
		flush(r);
		put_held(r, true);
		raw(r, n);
		return;
	}
	case RE_CARD_LABEL:
		if (in) {
			block(r);
			anchor(r, m->anchor);
			m->anchor = NULL;
			raw(r, "**");
		} else {
			raw(r, "** ");
		}
		return;
	case RE_CARD_META:
		if (in) {
			block(r);
			m->first_meta = true;
		}
		return;
	case RE_META:
		if (in) {
			if (!m->first_meta)
				md_text(r, " \xC2\xB7 ", 4);
			m->first_meta = false;
			raw(r, "*");
			md_text(r, ev->label, strlen(ev->label));
			label_colon(r, ev, "*");
		}
		return;
	case RE_GROUP_TITLE:
		if (in) {
			block(r);
			anchor(r, m->anchor);
			m->anchor = NULL;
		}
		raw(r, "**");
		return;
	case RE_GEN_ITEM:
		gen_entry(r, in, false);
		return;
	case RE_GLOSS_TERM:
		if (in)
			gen_entry(r, true, false);
		raw(r, in ? "**" : "**: ");
		return;
	case RE_GLOSS_DEF:
		if (!in)
			close_container(r);
		return;
	case RE_SOURCE:
		gen_entry(r, in, true);
		if (in)
			anchor(r, ev->id);
		return;
	case RE_SOFTBREAK:
		if (m->oneline)
			md_text(r, " ", 1);
		else
			newline(r);
		return;
	case RE_EMPH:
	case RE_STRONG:
		emphasis(r, ev);
		return;
	case RE_CODE:
		code(r, ev->text);
		return;
	case RE_LINK:
		if (in)
			link_open(r);
		else
			link_close(r, ev->text.p, ev->text.len, false);
		return;
	case RE_XREF:
	case RE_NOTE:
		if (in)
			link_open(r);
		else
			link_close(r, ev->href, strlen(ev->href), true);
		return;
	default:
		break;
	}
	const md_el *e = &md_els[ev->el];
	if (in && e->block)
		block(r);
	if (in ? e->open : e->close)
		raw(r, in ? e->open : e->close);
}

static const render_backend md_backend = {md_event, md_text, false, false, false};

int render_md(const ast_doc *d, const render_options *o, buf *out)
{
	md m;
	memset(&m, 0, sizeof m);
	render_options mo = render_with_map(o, RD_MERMAID);
	int rc = render_run(d, &mo, &md_backend, &m, out);
	buf_free(&m.prefix);
	buf_free(&m.tmp);
	free(m.marks);
	free(m.tags);
	free(m.tight_items);
	return rc;
}
