/*
 * fuzz_brief.c - libFuzzer target: the whole pipeline on any bytes.
 *
 * The first byte selects options (FUZZ_OPT_*); the rest is the .brief
 * text.  Each input is loaded, checked and rendered by every backend
 * (JSON, Markdown, HTML, LaTeX) under ASan and UBSan; a crash, leak or
 * undefined behaviour on any input is a failure.  The tree and the outputs
 * are held to the invariants of docs/security.md:
 *
 *   tree      every span inside the source, start <= end; parent, first,
 *             last, next and prev links agree; text inside the source or
 *             copied; diagnostics located inside the source
 *   JSON      well-formed, valid UTF-8; no "url" value with a
 *             javascript:, vbscript:, data: or file: scheme
 *   HTML      every '<' opens a tag of the renderer's vocabulary, every
 *             attribute value is quoted and free of '<', '>' and raw '&',
 *             no event handler attribute, no link target with an unsafe
 *             scheme (character references decoded), no raw '&' or '>'
 *   Markdown  outside code spans, every unescaped '<' that CommonMark
 *             would read as HTML is such a tag, and no link destination
 *             has an unsafe scheme
 *   LaTeX     every control word belongs to the renderer's vocabulary
 *             (the words its sources spell, gathered by build.sh into
 *             latex_words.h), none of \input \write \catcode & co., no
 *             ^^ sequence
 *   all       rendering twice gives the same bytes (FUZZ_OPT_TWICE)
 *   fmt       a document fmt accepts formats to a text fmt accepts and
 *             leaves as it is (fmt(fmt(x)) = fmt(x)), with the same
 *             diagnostics (code by code) and the same JSON, positions
 *             aside
 *
 * The output invariants apply to what briefc would write: documents with
 * no errors (a build with errors writes nothing); JSON must be well-formed
 * whatever the document.  A broken invariant aborts with the offending
 * excerpt, which libFuzzer records as a crash.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "buf.h"
#include "check.h"
#include "diag.h"
#include "escape.h"
#include "fmt.h"
#include "latex_words.h"
#include "render.h"
#include "render_json.h"
#include "utf8.h"

enum {
	FUZZ_OPT_FRAGMENT = 1 << 0,	/* html and latex: body only */
	FUZZ_OPT_COLOR = 1 << 1,	/* diagnostics with colour */
	FUZZ_OPT_TWICE = 1 << 2,	/* render twice, compare */
};

static void fail(const char *what, const char *out, size_t len, size_t at)
{
	size_t from = at > 60 ? at - 60 : 0;
	size_t to = at + 60 < len ? at + 60 : len;
	fprintf(stderr, "fuzz_brief: invariant broken: %s at byte %zu:\n%.*s\n",
		what, at, (int)(to - from), out + from);
	abort();
}

/* ---- the tree ---- */

static void check_span(const ast_doc *d, span s, const char *what)
{
	if (s.start > s.end || s.end > d->src.len) {
		fprintf(stderr, "fuzz_brief: %s span [%u, %u) outside [0, %zu]\n",
			what, s.start, s.end, d->src.len);
		abort();
	}
}

static void bad_node(const ast_node *n, const char *what)
{
	fprintf(stderr, "fuzz_brief: %s node [%u, %u): %s\n", ast_type_name(n->type),
		n->at.start, n->at.end, what);
	abort();
}

static void check_tree(const ast_doc *d)
{
	const ast_node *root = d->root;
	if (!root || root->parent)
		abort();
	for (const ast_node *n = root; n; n = ast_next(n, root, true)) {
		check_span(d, n->at, ast_type_name(n->type));
		/* the children's prev links close in a ring (ast.h) */
		const ast_node *last = ast_last(n);
		if (n->first && (!last || n->first->parent != n))
			bad_node(n, "first child linked wrong");
		if (last && (last->next || last->parent != n))
			bad_node(n, "last child linked wrong");
		if (n->next && (n->next->prev != n || n->next->parent != n->parent))
			bad_node(n, "next sibling linked wrong");
		if (n->parent && !n->next && n->parent->first->prev != n)
			bad_node(n, "the ring does not close at the last child");
		if (n->type == AST_TEXT || n->type == AST_CODE) {
			/* ast.h: code is a NUL-terminated copy; text may be
			 * its bytes in the source, len of them */
			const str t_ = ast_text(n), *t = &t_;
			uintptr_t p = (uintptr_t)t->p, src = (uintptr_t)d->src.text;
			if (!t->p)
				bad_node(n, "no text");
			else if (p >= src && p <= src + d->src.len) {
				if (n->type == AST_CODE || t->len > src + d->src.len - p)
					bad_node(n, "text runs past the source");
			} else if (n->type == AST_CODE && t->p[t->len] != '\0') {
				bad_node(n, "code not terminated");
			}
			/* ast.h: a newline in text is a soft break, and such
			 * text is exactly its stretch of the source */
			if (n->type == AST_TEXT && t->p && memchr(t->p, '\n', t->len) &&
			    (t->p != d->src.text + n->at.start ||
			     n->at.end - n->at.start != t->len))
				bad_node(n, "text with a newline is not its source");
			if (n->type == AST_TEXT && n->next && n->next->type == AST_TEXT)
				bad_node(n, "text follows text");
		}
		if (n->type == AST_LINK)
			check_span(d, n->u.link->url_at, "url");
	}
	for (size_t i = 0; i < d->diags.n; i++) {
		const diag *g = &d->diags.items[i];
		check_span(d, g->at, diag_code_name(g->code));
		if (!g->msg)
			abort();
		for (const diag_note *t = g->notes; t; t = t->next)
			if (t->has_at)
				check_span(d, t->at, "note");
	}
}

/* ---- shared helpers ---- */

/* Whether s is valid UTF-8; *bad gets the offset of the first fault. */
static bool valid_utf8(const char *s, size_t n, size_t *bad)
{
	for (size_t i = 0, len; i < n; i += len) {
		if (utf8_decode(s + i, n - i, &len) == 0xFFFD && len == 1) {
			*bad = i;
			return false;
		}
	}
	return true;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Whether a URL as a browser reads it has a dangerous scheme: leading
 * blanks and controls skipped, tabs and newlines inside ignored, letters
 * compared without case.  Entities are not decoded here: the HTML check
 * rejects a raw '&' that does not start an entity the escaper writes, and
 * &#...; inside an href is caught by the character-reference check.
 */
static bool unsafe_scheme(const char *s, size_t n)
{
	static const char *const bad[] = {"javascript:", "vbscript:", "data:", "file:"};
	size_t i = 0;
	while (i < n && (unsigned char)s[i] <= 0x20)
		i++;
	for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
		const char *w = bad[b];
		size_t k = i;
		while (*w && k < n) {
			if (s[k] == '\t' || s[k] == '\n' || s[k] == '\r') {
				k++;
				continue;
			}
			if (lower((unsigned char)s[k]) != *w)
				break;
			k++;
			w++;
		}
		if (!*w)
			return true;
	}
	return false;
}

/* ---- JSON ---- */

typedef struct jp {
	const char *s;
	size_t n, i;
	bool clean;		/* no errors: URLs must be safe */
	buf str;		/* the last string, decoded */
} jp;

static void jfail(const jp *p, const char *what)
{
	fail(what, p->s, p->n, p->i);
}

static void jws(jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\n' ||
			       p->s[p->i] == '\t' || p->s[p->i] == '\r'))
		p->i++;
}

static void jstring(jp *p)
{
	buf_clear(&p->str);
	if (p->s[p->i] != '"')
		jfail(p, "JSON: string expected");
	p->i++;
	for (;;) {
		if (p->i >= p->n)
			jfail(p, "JSON: unterminated string");
		unsigned char c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			return;
		}
		if (c < 0x20)
			jfail(p, "JSON: raw control character in string");
		if (c == '\\') {
			p->i++;
			if (p->i >= p->n)
				jfail(p, "JSON: escape at end");
			char e = p->s[p->i];
			if (e == 'u') {
				for (int k = 1; k <= 4; k++)
					if (p->i + k >= p->n || !strchr("0123456789abcdefABCDEF", p->s[p->i + k]) ||
					    !p->s[p->i + k])
						jfail(p, "JSON: bad \\u escape");
				buf_putc(&p->str, '?');
				p->i += 5;
				continue;
			}
			if (!strchr("\"\\/bfnrt", e) || !e)
				jfail(p, "JSON: bad escape");
			buf_putc(&p->str, e == 'n' ? '\n' : e == 't' ? '\t' : e);
			p->i++;
			continue;
		}
		buf_putc(&p->str, (char)c);
		p->i++;
	}
}

static void jscalar(jp *p)
{
	size_t st = p->i;
	if (p->s[p->i] == '-')
		p->i++;
	if (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') {
		if (p->s[p->i] == '0' && p->i + 1 < p->n && p->s[p->i + 1] >= '0' &&
		    p->s[p->i + 1] <= '9')
			jfail(p, "JSON: leading zero");
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
		return;
	}
	p->i = st;
	static const char *const words[] = {"true", "false", "null"};
	for (int k = 0; k < 3; k++) {
		size_t l = strlen(words[k]);
		if (p->n - p->i >= l && memcmp(p->s + p->i, words[k], l) == 0) {
			p->i += l;
			return;
		}
	}
	jfail(p, "JSON: value expected");
}

/* Iterative: a deep document costs a stack of bytes, not of frames. */
static void check_json(const char *s, size_t n, bool clean)
{
	size_t bad;
	if (!valid_utf8(s, n, &bad))
		fail("JSON: invalid UTF-8", s, n, bad);
	jp p = {s, n, 0, clean, BUF_INIT};
	buf stack = BUF_INIT;	/* '{' or '[' per open container */
	bool url_key = false;
	jws(&p);
	for (;;) {
		/* a value */
		jws(&p);
		if (p.i >= n)
			jfail(&p, "JSON: value expected at end");
		char c = s[p.i];
		if (c == '{' || c == '[') {
			buf_putc(&stack, c);
			p.i++;
			jws(&p);
			if (p.i < n && s[p.i] == (c == '{' ? '}' : ']')) {
				stack.len--;
				p.i++;
				goto after_value;
			}
			if (c == '{')
				goto member;
			continue;
		}
		if (c == '"') {
			jstring(&p);
			if (url_key && p.clean && unsafe_scheme(p.str.data, p.str.len))
				jfail(&p, "JSON: unsafe URL in an error-free document");
		} else {
			jscalar(&p);
		}
	after_value:
		url_key = false;
		jws(&p);
		if (!stack.len)
			break;
		if (p.i >= n)
			jfail(&p, "JSON: unterminated container");
		char top = stack.data[stack.len - 1];
		if (s[p.i] == ',') {
			p.i++;
			if (top == '[')
				continue;
			goto member;
		}
		if (s[p.i] != (top == '{' ? '}' : ']'))
			jfail(&p, "JSON: ',' or close expected");
		p.i++;
		stack.len--;
		goto after_value;
	member:
		jws(&p);
		if (p.i >= n)
			jfail(&p, "JSON: member expected");
		jstring(&p);
		url_key = strcmp(p.str.data ? p.str.data : "", "url") == 0;
		jws(&p);
		if (p.i >= n || s[p.i] != ':')
			jfail(&p, "JSON: ':' expected");
		p.i++;
	}
	if (p.i != n)
		jfail(&p, "JSON: trailing bytes");
	buf_free(&stack);
	buf_free(&p.str);
}

/* ---- HTML ---- */

static const char *const html_tags[] = {
	"html", "head", "body", "meta", "title", "style", "header",
	"footer", "main", "nav", "section", "article", "aside", "div", "span",
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt",
	"dd", "blockquote", "em", "strong", "code", "a", "abbr", "sup", "sub",
	"small", "br", "hr", "table", "thead", "tbody", "tr", "th", "td",
	"caption", "figure", "figcaption", "img", "cite", "time", "b", "i", "address", "details",
	"summary", NULL,
};

static bool in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return true;
	return false;
}

static bool is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* An entity the escaper writes, or a numeric one. */
static size_t html_entity(const char *s, size_t n, size_t i)
{
	size_t k = i + 1;
	if (k < n && s[k] == '#') {
		k++;
		if (k < n && (s[k] == 'x' || s[k] == 'X'))
			k++;
	}
	size_t st = k;
	while (k < n && is_alnum((unsigned char)s[k]) && k - st < 32)
		k++;
	return k > st && k < n && s[k] == ';' ? k + 1 - i : 0;
}

/* An attribute value as the browser decodes it, then its scheme. */
static bool unsafe_html_url(const char *s, size_t n)
{
	buf d = BUF_INIT;
	for (size_t i = 0; i < n && d.len < 64; i++) {
		size_t e = s[i] == '&' ? html_entity(s, n, i) : 0;
		if (!e) {
			buf_putc(&d, s[i]);
			continue;
		}
		if (s[i + 1] == '#') {
			bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
			unsigned long v = strtoul(s + i + (hex ? 3 : 2), NULL, hex ? 16 : 10);
			buf_putc(&d, v < 0x80 ? (char)v : '?');
		} else if (e == 5 && memcmp(s + i, "&lt;", 4) == 0) {
			buf_putc(&d, '<');
		} else if (e == 5 && memcmp(s + i, "&gt;", 4) == 0) {
			buf_putc(&d, '>');
		} else if (e == 6 && memcmp(s + i, "&amp;", 5) == 0) {
			buf_putc(&d, '&');
		} else {
			buf_putc(&d, '?');
		}
		i += e - 1;
	}
	bool bad = d.len && unsafe_scheme(d.data, d.len);
	buf_free(&d);
	return bad;
}

/*
 * The tag that s[i] = '<' opens: a name of the vocabulary, then name="value"
 * attributes with no '<', '>' or raw '&' in the value, no event handler,
 * no unsafe link target.  Returns the index just past its '>'.
 */
static size_t check_tag(const char *s, size_t n, size_t i, const char *fmt)
{
	size_t t = i + 1;
	bool closing = t < n && s[t] == '/';
	if (closing)
		t++;
	size_t nm = t;
	while (t < n && is_alnum((unsigned char)s[t]))
		t++;
	if (!in_list(html_tags, s + nm, t - nm))
		fail(fmt, s, n, i);
	for (;;) {
		while (t < n && (s[t] == ' ' || s[t] == '\n'))
			t++;
		if (t >= n)
			fail("HTML: unterminated tag", s, n, i);
		if (s[t] == '>')
			return t + 1;
		if (closing)
			fail("HTML: attribute in a closing tag", s, n, t);
		size_t an = t;
		while (t < n && (is_alnum((unsigned char)s[t]) || s[t] == '-'))
			t++;
		size_t ae = t;
		if (ae == an)
			fail("HTML: bad attribute name", s, n, t);
		if (ae - an >= 2 && lower(s[an]) == 'o' && lower(s[an + 1]) == 'n')
			fail("HTML: event handler attribute", s, n, an);
		if (t >= n || s[t] != '=')
			continue;	/* a boolean attribute */
		t++;
		if (t >= n || s[t] != '"')
			fail("HTML: unquoted attribute value", s, n, t);
		size_t vs = ++t;
		while (t < n && s[t] != '"') {
			if (s[t] == '<' || s[t] == '>')
				fail("HTML: '<' or '>' in an attribute value", s, n, t);
			if (s[t] == '&' && !html_entity(s, n, t))
				fail("HTML: raw '&' in an attribute value", s, n, t);
			t++;
		}
		if (t >= n)
			fail("HTML: unterminated attribute value", s, n, vs);
		bool url = (ae - an == 4 && memcmp(s + an, "href", 4) == 0) ||
			   (ae - an == 3 && memcmp(s + an, "src", 3) == 0);
		if (url && unsafe_html_url(s + vs, t - vs))
			fail("HTML: unsafe link target", s, n, vs);
		t++;
	}
}

static void check_html(const char *s, size_t n, bool clean)
{
	if (!clean)
		return;
	size_t bad;
	if (!valid_utf8(s, n, &bad))
		fail("HTML: invalid UTF-8", s, n, bad);
	size_t i = 0;
	while (i < n) {
		char c = s[i];
		if (c == '&') {
			if (!html_entity(s, n, i))
				fail("HTML: raw '&'", s, n, i);
			i++;
			continue;
		}
		if (c == '>')
			fail("HTML: '>' outside a tag", s, n, i);
		if (c != '<') {
			i++;
			continue;
		}
		if (n - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0) {
			const char *e = memchr(s + i, '>', n - i);
			if (!e)
				fail("HTML: unterminated doctype", s, n, i);
			i = (size_t)(e - s) + 1;
			continue;
		}
		size_t end = check_tag(s, n, i, "HTML: '<' that opens no renderer tag");
		if (end - i == 7 && memcmp(s + i, "<style>", 7) == 0) {
			/* The stylesheet is the renderer's: skip to its end. */
			const char *e = memmem(s + end, n - end, "</style>", 8);
			if (!e)
				fail("HTML: unterminated style", s, n, i);
			end = (size_t)(e - s);
		}
		i = end;
	}
}

/* ---- Markdown ---- */

/*
 * CommonMark reads '<' followed by a letter or '/' as raw HTML (or an
 * autolink): outside code spans, every unescaped one must be a tag of the
 * vocabulary.  Link destinations must not have an unsafe scheme.
 */
static void check_md(const char *s, size_t n, bool clean)
{
	if (!clean)
		return;
	size_t bad;
	if (!valid_utf8(s, n, &bad))
		fail("Markdown: invalid UTF-8", s, n, bad);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\') {
			i++;	/* an escaped character */
			continue;
		}
		if (s[i] == '`') {
			/* a code span: its content is literal */
			size_t k = i;
			while (k < n && s[k] == '`')
				k++;
			size_t len = k - i, e = k;
			bool closed = false;
			while (e < n && !closed) {
				const char *q = memchr(s + e, '`', n - e);
				if (!q)
					break;
				size_t qs = (size_t)(q - s), qe = qs;
				while (qe < n && s[qe] == '`')
					qe++;
				closed = qe - qs == len;
				e = qe;
			}
			i = (closed ? e : k) - 1;
			continue;
		}
		if (s[i] == '<' && i + 1 < n &&
		    (s[i + 1] == '/' || ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))) {
			i = check_tag(s, n, i, "Markdown: raw HTML that opens no renderer tag") - 1;
			continue;
		}
		if (s[i] == ']' && i + 1 < n && s[i + 1] == '(') {
			size_t u = i + 2;
			if (u < n && s[u] == '<')
				u++;
			if (unsafe_scheme(s + u, n - u > 16 ? 16 : n - u))
				fail("Markdown: unsafe link destination", s, n, u);
		}
	}
}

/* ---- LaTeX ---- */

static const char *const latex_banned[] = {
	"input", "include", "write", "immediate", "openin", "openout", "read",
	"readline", "catcode", "def", "edef", "gdef", "xdef", "let", "csname",
	"special", "directlua", "luaexec", "lccode", "uccode", "scantokens",
	"everypar", "output", "shipout", "endinput", "openany", "jobname",
	NULL,
};

static void check_latex(const char *s, size_t n, bool clean)
{
	if (!clean)
		return;
	size_t bad;
	if (!valid_utf8(s, n, &bad))
		fail("LaTeX: invalid UTF-8", s, n, bad);
	const char *cc = memmem(s, n, "^^", 2);
	if (cc)
		fail("LaTeX: ^^ sequence", s, n, (size_t)(cc - s));
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\')
			continue;
		size_t t = i + 1;
		while (t < n && ((s[t] >= 'a' && s[t] <= 'z') || (s[t] >= 'A' && s[t] <= 'Z')))
			t++;
		if (t == i + 1) {
			i++;	/* a control symbol: \\ \& \% ... */
			continue;
		}
		if (in_list(latex_banned, s + i + 1, t - i - 1))
			fail("LaTeX: banned control word", s, n, i);
		if (!in_list(latex_words, s + i + 1, t - i - 1))
			fail("LaTeX: control word outside the renderer's vocabulary", s, n, i);
		i = t - 1;
	}
}

/* ---- driver ---- */

typedef int (*render_fn)(const ast_doc *d, bool fragment, buf *out);

static int run_json(const ast_doc *d, bool fragment, buf *out)
{
	(void)fragment;
	return render_json(d, out);
}

static int run_md(const ast_doc *d, bool fragment, buf *out)
{
	render_options o = {.fragment = fragment};
	return render_md(d, &o, out);
}

/* HTML and LaTeX draw a ::: map with Graphviz, a process per run: not
 * here.  The map's figure is rendered all the same, its alt text in place
 * of the drawing (the map and hostile suites check the drawings). */
static int run_html(const ast_doc *d, bool fragment, buf *out)
{
	render_options o = {.fragment = fragment, .map_form = RD_NONE};
	return render_html(d, &o, out);
}

static int run_latex(const ast_doc *d, bool fragment, buf *out)
{
	render_options o = {.fragment = fragment, .map_form = RD_NONE};
	return render_latex(d, &o, out);
}

/*
 * Render with r and check the output.  clean: briefc would write it (the
 * document has no errors; a build with errors writes nothing), so the
 * security invariants must hold; JSON must be well-formed regardless.
 * Crashes count on every document.
 */
static void render_and_check(const ast_doc *d, unsigned opts, render_fn r,
			     void (*check)(const char *, size_t, bool))
{
	bool clean = diag_count(&d->diags, DS_ERROR) == 0;
	buf out = BUF_INIT;
	int rc = r(d, opts & FUZZ_OPT_FRAGMENT, &out);
	if (rc == 0)
		check(out.data ? out.data : "", out.len, clean);
	if ((opts & FUZZ_OPT_TWICE) && rc == 0) {
		buf again = BUF_INIT;
		r(d, opts & FUZZ_OPT_FRAGMENT, &again);
		if (again.len != out.len || (out.len && memcmp(again.data, out.data, out.len)))
			fail("output differs between two renderings", out.data, out.len, 0);
		buf_free(&again);
	}
	buf_free(&out);
}

/* ---- fmt ---- */

/* The JSON without its positions: every ,"at":[L,C] and ,"end":[L,C]
 * (author text cannot spell them: its quotes are escaped). */
static void strip_positions(const buf *in, buf *out)
{
	const char *p = in->data ? in->data : "", *e = p + in->len;
	while (p < e) {
		const char *q = p;
		size_t k = 0;
		if (e - p > 7 && memcmp(p, ",\"at\":[", 7) == 0)
			k = 7;
		else if (e - p > 8 && memcmp(p, ",\"end\":[", 8) == 0)
			k = 8;
		if (k) {
			q = p + k;
			while (q < e && ((*q >= '0' && *q <= '9') || *q == ','))
				q++;
			if (q < e && *q == ']') {
				p = q + 1;
				continue;
			}
		}
		buf_putc(out, *p++);
	}
}

static void meaning(ast_doc *d, size_t counts[DC__COUNT], buf *json)
{
	check_run_all(d);
	for (size_t i = 0; i < d->diags.n; i++)
		counts[d->diags.items[i].code]++;
	buf raw = BUF_INIT;
	render_json(d, &raw);
	strip_positions(&raw, json);
	buf_free(&raw);
}

/* One file as fmt loads it: include lines recognised, nothing read. */
static int load_one(ast_doc *d, const char *p, size_t n)
{
	char *raw = malloc(n + SOURCE_PAD);
	if (!raw)
		abort();
	memcpy(raw, p, n);
	return ast_doc_load_brief(d, "fuzz.brief", raw, n, NULL, false);
}

static void check_fmt(const uint8_t *data, size_t size)
{
	ast_doc a, b, c;
	if (load_one(&a, (const char *)data, size) != 0) {
		ast_doc_free(&a);
		return;
	}
	buf f1 = BUF_INIT, f2 = BUF_INIT, ja = BUF_INIT, jb = BUF_INIT;
	if (fmt_document(&a, &f1) == 0) {
		size_t ca[DC__COUNT] = {0}, cb[DC__COUNT] = {0};
		if (load_one(&b, f1.data ? f1.data : "", f1.len) != 0)
			fail("fmt: the formatted text does not load", f1.data, f1.len, 0);
		if (fmt_document(&b, &f2) != 0)
			fail("fmt: the formatted text has syntax errors", f1.data, f1.len, 0);
		if (f1.len != f2.len || (f1.len && memcmp(f1.data, f2.data, f1.len)))
			fail("fmt: fmt(fmt(x)) differs from fmt(x)", f1.data, f1.len, 0);
		/* the same meaning: a fresh load of x (checks change nothing,
		 * but keep the two sides alike) */
		if (load_one(&c, (const char *)data, size) != 0)
			abort();
		meaning(&c, ca, &ja);
		meaning(&b, cb, &jb);
		for (int k = 0; k < DC__COUNT; k++)
			if (ca[k] != cb[k]) {
				fprintf(stderr, "fuzz_brief: fmt changed the count of %s: %zu, then %zu\n",
					diag_code_name((diag_code)k), ca[k], cb[k]);
				fail("fmt: diagnostics differ", f1.data, f1.len, 0);
			}
		if (ja.len != jb.len || (ja.len && memcmp(ja.data, jb.data, ja.len))) {
			size_t at = 0;
			while (at < ja.len && at < jb.len && ja.data[at] == jb.data[at])
				at++;
			fprintf(stderr, "fuzz_brief: JSON of x: ...%.80s\n", ja.data + (at > 40 ? at - 40 : 0));
			fail("fmt: the JSON of x and fmt(x) differ", jb.data, jb.len, at);
		}
		ast_doc_free(&b);
		ast_doc_free(&c);
	}
	buf_free(&f1);
	buf_free(&f2);
	buf_free(&ja);
	buf_free(&jb);
	ast_doc_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned opts = data[0];
	ast_doc d;
	if (ast_doc_load(&d, "fuzz.brief", (const char *)data + 1, size - 1) != 0) {
		ast_doc_free(&d);
		return 0;
	}
	check_run_all(&d);
	diag_sort(&d.diags);
	check_tree(&d);

	buf text = BUF_INIT;
	for (size_t i = 0; i < d.diags.n; i++)
		diag_render_text(&text, &d.diags, &d.diags.items[i], opts & FUZZ_OPT_COLOR);
	buf_free(&text);

	render_and_check(&d, opts, run_json, check_json);
	render_and_check(&d, opts, run_md, check_md);
	render_and_check(&d, opts, run_html, check_html);
	render_and_check(&d, opts, run_latex, check_latex);
	ast_doc_free(&d);
	check_fmt(data + 1, size - 1);
	return 0;
}
