/*
 * fmt.c - the canonical layout of a brief (fmt.h): lines classified by
 * the scanner, rewritten one kind at a time, blank lines placed by one
 * small emitter.
 */
#include "fmt.h"

#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "parser.h"
#include "xalloc.h"

/* A line the scanner skips: a comment line, or a blank line between
 * entries. */
#define GAP (-1)

typedef struct line {
	span at;		/* without its newline */
	int tok;		/* parser.h token kind, or GAP */
	parse_tok t;
	bool comment;		/* holds bytes of a comment */
	bool glued;		/* starts inside a comment opened above */
	bool open_end;		/* ends inside a comment that goes on */
	bool include;		/* an include line (assemble.c) */
} line;

typedef struct fmt_ctx {
	const char *text;
	line *v;
	size_t n;
	buf *out;
	bool any;		/* a line written */
	bool blank;		/* a blank line is due before the next line */
	buf tmp;
} fmt_ctx;

bool fmt_blocks(const diag *g)
{
	return g->code == DC_SYNTAX || g->code == DC_BAD_ENCODING;
}

/* ---- the lines ---- */

/* Every line of the text, with the scanner's token where it has one and
 * what the comments make of it. */
static line *make_lines(ast_doc *d, size_t *nlines)
{
	const char *t = d->src.text;
	size_t len = d->src.len, n = 0;
	for (const char *p = t; (p = memchr(p, '\n', (size_t)(t + len - p))); p++)
		n++;
	if (len && t[len - 1] != '\n')
		n++;
	line *v = xcalloc(n, sizeof *v, "the lines of a file");
	uint32_t at = 0;
	for (size_t i = 0; i < n; i++) {
		const char *nl = memchr(t + at, '\n', len - at);
		uint32_t e = nl ? (uint32_t)(nl - t) : (uint32_t)len;
		v[i].at = span_make(at, e);
		v[i].tok = GAP;
		at = e + 1;
	}

	size_t ntok;
	span_vec com = {NULL, 0, 0};
	parse_line *toks = parse_lines(d, &ntok, &com);
	size_t i = 0;
	for (size_t k = 0; k < ntok; k++) {
		while (i < n && v[i].at.start < toks[k].at.start)
			i++;
		if (i < n && v[i].at.start == toks[k].at.start) {
			v[i].tok = toks[k].tok;
			v[i].t = toks[k].t;
		}
	}
	free(toks);

	/* Comments and lines, both in order: one sweep. */
	size_t c = 0;
	for (i = 0; i < n; i++) {
		uint32_t s = v[i].at.start, e = v[i].at.end;
		while (c < com.n && com.v[c].end <= s)
			c++;
		for (size_t k = c; k < com.n && com.v[k].start <= e; k++) {
			if (com.v[k].start < s)
				v[i].glued = true;
			if (com.v[k].start < e || v[i].glued)
				v[i].comment = true;
			if (e < len && com.v[k].end > e)
				v[i].open_end = true;
		}
	}
	free(com.v);
	/* include lines, in order too */
	size_t k = 0;
	for (i = 0; i < n && k < d->includes.n; i++) {
		while (k < d->includes.n && d->includes.v[k].start < v[i].at.start)
			k++;
		if (k < d->includes.n && d->includes.v[k].start == v[i].at.start)
			v[i].include = true;
	}
	*nlines = n;
	return v;
}

static bool is_blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t')
			return false;
	return true;
}

static size_t rstrip(const char *p, size_t n)
{
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return n;
}

static const char *lstrip(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* ---- the emitter ---- */

static void want_blank(fmt_ctx *c)
{
	if (c->any)
		c->blank = true;
}

/* A line as it is, after the blank line due if one is. */
static void put_raw(fmt_ctx *c, const char *p, size_t n)
{
	if (c->blank)
		buf_putc(c->out, '\n');
	else if (!c->any && n == 3 && memcmp(p, "---", 3) == 0)
		/* text `---` after blank lines only: without one before it,
		 * it would open a front matter */
		buf_putc(c->out, '\n');
	buf_put(c->out, p, n);
	buf_putc(c->out, '\n');
	c->any = true;
	c->blank = false;
}

/* The same, trailing blanks dropped. */
static void put(fmt_ctx *c, const char *p, size_t n)
{
	put_raw(c, p, rstrip(p, n));
}

static void put_tmp(fmt_ctx *c)
{
	put(c, c->tmp.data ? c->tmp.data : "", c->tmp.len);
	buf_clear(&c->tmp);
}

/*
 * A line that starts inside a comment opened above: as it is, right after
 * that line.  A blank line due waits for the next line, unless this one
 * holds text after the comment (it is the next line, then, and no blank
 * may split it from what comes before).
 */
static void put_glued(fmt_ctx *c, const line *l)
{
	const char *p = c->text + l->at.start;
	size_t n = rstrip(p, l->at.end - l->at.start);
	buf_put(c->out, p, n);
	buf_putc(c->out, '\n');
	if (l->tok != GAP && l->tok != BLANK)
		c->blank = false;
}

/* ---- one kind of line each ---- */

/* `key: value`, or `key:`; value as written, or a canonical ID list. */
static void put_field(fmt_ctx *c, const line *l, bool ids)
{
	const char *t = c->text;
	const char *p = t + l->t.a.end + 1, *e = t + l->at.end;
	p = lstrip(p, e);
	size_t n = rstrip(p, (size_t)(e - p));
	buf_put(&c->tmp, t + l->t.a.start, l->t.a.end - l->t.a.start);
	buf_putc(&c->tmp, ':');
	if (n) {
		buf_putc(&c->tmp, ' ');
		if (ids && !l->comment)
			ast_ids_canonical(&c->tmp, p, n);
		else
			buf_put(&c->tmp, p, n);
	}
	put_tmp(c);
}

static void put_cont(fmt_ctx *c, const line *l, bool ids)
{
	const char *p = c->text + l->at.start, *e = c->text + l->at.end;
	p = lstrip(p, e);
	size_t n = rstrip(p, (size_t)(e - p));
	buf_puts(&c->tmp, "  ");
	if (ids && !l->comment)
		ast_ids_canonical(&c->tmp, p, n);
	else
		buf_put(&c->tmp, p, n);
	put_tmp(c);
}

static void put_verbatim(fmt_ctx *c, const line *l)
{
	put(c, c->text + l->at.start, l->at.end - l->at.start);
}

static void put_open(fmt_ctx *c, const line *l)
{
	if (l->comment) {
		put_verbatim(c, l);
		return;
	}
	const char *t = c->text;
	buf_puts(&c->tmp, "::: ");
	buf_put(&c->tmp, t + l->t.a.start, l->t.a.end - l->t.a.start);
	if (l->t.b.end > l->t.b.start) {
		buf_putc(&c->tmp, ' ');
		buf_put(&c->tmp, t + l->t.b.start, l->t.b.end - l->t.b.start);
	}
	put_tmp(c);
}

/* `# Title {#id}`; with a comment in it, only the space after the #s. */
static void put_heading(fmt_ctx *c, const line *l)
{
	const char *t = c->text;
	const char *p = t + l->at.start, *e = t + l->at.end;
	buf_put(&c->tmp, p, (size_t)l->t.n);
	buf_putc(&c->tmp, ' ');
	if (l->comment) {
		p = lstrip(p + l->t.n, e);
		buf_put(&c->tmp, p, (size_t)(e - p));
	} else {
		buf_put(&c->tmp, t + l->t.a.start, l->t.a.end - l->t.a.start);
		if (l->t.b.start > l->t.a.end) {
			buf_puts(&c->tmp, " {#");
			buf_put(&c->tmp, t + l->t.b.start, l->t.b.end - l->t.b.start);
			buf_putc(&c->tmp, '}');
		}
	}
	put_tmp(c);
}

/* `::: include PATH`, the path as written. */
static void put_include(fmt_ctx *c, const line *l)
{
	const char *p = c->text + l->at.start + 3, *e = c->text + l->at.end;
	p = lstrip(p, e) + 7;	/* "include" */
	p = lstrip(p, e);
	buf_puts(&c->tmp, "::: include ");
	buf_put(&c->tmp, p, (size_t)(e - p));
	put_tmp(c);
}

/* `* x` is `- x`; an empty item keeps the space after its marker, which
 * makes it an item. */
static void put_item(fmt_ctx *c, const line *l)
{
	const char *p = c->text + l->at.start;
	size_t n = l->at.end - l->at.start, i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;		/* a nested item's indentation */
	size_t m = i + 1;
	buf_put(&c->tmp, p, n);
	if (c->tmp.data[i] == '*')
		c->tmp.data[i] = '-';
	if (p[i] != '-' && p[i] != '*') {
		while (p[m - 1] >= '0' && p[m - 1] <= '9')
			m++;
	}
	if (rstrip(c->tmp.data, c->tmp.len) <= m) {
		/* the marker alone: it stays an item with its space */
		put_raw(c, c->tmp.data, m + 1);
		buf_clear(&c->tmp);
		return;
	}
	put_tmp(c);
}

/* ---- fields ---- */

/* One field: the comment lines above it, its line, its continuations
 * (and comment lines between them): lines [first, last]. */
typedef struct unit {
	size_t first, last;
	size_t key;		/* spec index; nspecs: none */
	bool ids;
} unit;

static int cmp_unit(const void *a, const void *b)
{
	const unit *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

static void put_unit(fmt_ctx *c, size_t from, size_t to, bool ids)
{
	for (size_t i = from; i < to; i++) {
		const line *l = &c->v[i];
		if (l->glued)
			put_glued(c, l);
		else if (l->tok == FIELD)
			put_field(c, l, ids);
		else if (l->tok == CONT)
			put_cont(c, l, ids);
		else
			put_verbatim(c, l);
	}
}

/*
 * The field lines from line i on (front matter or block), in the order of
 * specs; returns the line after them.  Comment lines go with the field
 * below them; those after the last field stay last.  A region that holds
 * a comment spanning lines keeps its order: moving a field could cut the
 * comment in two.
 */
static size_t put_fields(fmt_ctx *c, size_t i, const ast_field_spec *specs,
			 size_t nspecs)
{
	unit *u = NULL;
	size_t nu = 0, cap = 0, from = i, pending = (size_t)-1;
	bool keep_order = false;
	for (; i < c->n; i++) {
		const line *l = &c->v[i];
		bool comment = l->tok == GAP &&
			(l->glued || !is_blank(c->text + l->at.start, l->at.end - l->at.start));
		if (l->tok != FIELD && l->tok != CONT && !comment)
			break;
		keep_order |= l->open_end || l->glued;
		if (comment) {
			if (pending == (size_t)-1)
				pending = i;
		} else if (l->tok == CONT) {
			u[nu - 1].last = i;	/* a FIELD always comes first */
			pending = (size_t)-1;
		} else {
			u = xgrow(u, &cap, nu, sizeof *u, "the fields of a block");
			const ast_field_spec *sp = ast_spec_find(specs, nspecs,
				c->text + l->t.a.start, l->t.a.end - l->t.a.start);
			u[nu].first = pending != (size_t)-1 ? pending : i;
			u[nu].last = i;
			u[nu].key = sp ? (size_t)(sp - specs) : nspecs;
			u[nu++].ids = sp && sp->type == VT_IDS;
			pending = (size_t)-1;
		}
	}
	if (!nu) {
		put_unit(c, from, i, false);
		return i;
	}
	if (!keep_order)
		qsort(u, nu, sizeof *u, cmp_unit);
	for (size_t k = 0; k < nu; k++)
		put_unit(c, u[k].first, u[k].last + 1, u[k].ids);
	if (pending != (size_t)-1)
		put_unit(c, pending, i, false);
	free(u);
	return i;
}

/* ---- the document ---- */

int fmt_document(ast_doc *d, buf *out)
{
	/* one file, as written: not one assembled from several */
	if (d->src.nfiles > 1 || d->nlibraries)
		return -1;
	for (size_t k = 0; k < d->diags.n; k++)
		if (fmt_blocks(&d->diags.items[k]))
			return -1;
	fmt_ctx c;
	memset(&c, 0, sizeof c);
	c.text = d->src.text;
	c.out = out;
	c.v = make_lines(d, &c.n);
	for (size_t i = 0; i < c.n;) {
		const line *l = &c.v[i];
		if (l->glued) {
			put_glued(&c, l);
			i++;
			continue;
		}
		size_t n;
		const ast_field_spec *specs;
		switch (l->tok) {
		case GAP:
			if (l->include && !l->comment)
				put_include(&c, l);
			else if (is_blank(c.text + l->at.start, l->at.end - l->at.start))
				want_blank(&c);
			else
				put_verbatim(&c, l);
			break;
		case BLANK:
			want_blank(&c);
			break;
		case FM_OPEN:
			buf_puts(c.out, "---\n");
			c.any = true;
			specs = ast_meta_fields(&n);
			i = put_fields(&c, i + 1, specs, n);
			continue;
		case FM_CLOSE:
			put(&c, "---", 3);
			want_blank(&c);
			break;
		case OPEN: {
			want_blank(&c);
			put_open(&c, l);
			int k = ast_block_kind_lookup(c.text + l->t.a.start,
						      l->t.a.end - l->t.a.start);
			if (k < 0 || k == BK_ACRONYMS || k == BK_AREAS)
				break;	/* entries: in the order written */
			specs = ast_block_fields((ast_block_kind)k, &n);
			size_t j = put_fields(&c, i + 1, specs, n);
			/* a blank line between the fields and the body */
			if (j > i + 1 && j < c.n && !c.v[j].glued)
				want_blank(&c);
			i = j;
			continue;
		}
		case CLOSE:
			c.blank = false;
			put(&c, ":::", 3);
			want_blank(&c);
			break;
		case HEADING:
			want_blank(&c);
			put_heading(&c, l);
			want_blank(&c);
			break;
		case ITEM:
			put_item(&c, l);
			break;
		case FIELD:	/* an entry of ::: acronyms or ::: areas */
			put_field(&c, l, false);
			break;
		case CONT:
			put_cont(&c, l, false);
			break;
		default:
			put_verbatim(&c, l);
			break;
		}
		i++;
	}
	free(c.v);
	buf_free(&c.tmp);
	return 0;
}
