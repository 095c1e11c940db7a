/*
 * inline.c - inline text: emphasis, strong, code spans, links, references
 * (with locators), note references, escapes, soft breaks; and the markup
 * of other languages that would print as text (unsupported-markup).
 *
 * The pieces of a paragraph (one per source line) are joined with '\n' into
 * a work buffer that remembers each piece's source offset.  One left-to-
 * right pass emits text, code, reference and soft-break nodes and records
 * `*` runs and `[` openers; emphasis is then resolved with the CommonMark
 * delimiter algorithm, innermost first, which keeps it linear and leaves
 * unmatched `*` as text (prose needs no quoting).  `_` is not emphasis.
 * LEX_COMMENT_BYTE (comments, blanked by parse.c: inline.h) vanishes.
 */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "inline.h"
#include "xalloc.h"

typedef struct delim {
	struct delim *prev, *next;
	ast_node *node;		/* the text node holding the run */
	size_t len, orig;
	bool can_open, can_close;
} delim;

typedef struct bracket {
	struct bracket *prev;
	ast_node *node;		/* the "[" text node */
	size_t pos;		/* where it is in the work buffer */
	delim *delim_top;	/* the delimiter stack when it was pushed */
	bool active;
} bracket;

typedef struct ictx {
	ast_doc *d;
	ast_node *parent;
	char *w;		/* work buffer */
	size_t n;
	uint32_t *wstart;	/* per piece: start in w */
	uint32_t *sstart;	/* per piece: start in the source */
	size_t nsegs;
	size_t seg;		/* the piece src_off found last */
	/* Pending literal text: plen bytes from w[text_from], read there
	 * while they are one stretch of w (then they are the source's bytes
	 * too), copied into text once an escape or a comment breaks it. */
	buf text;
	size_t text_from;
	uint32_t text_src;	/* the source offset of text_from */
	size_t plen;
	bool copied;
	delim *dtop;
	bracket *btop;
	/* last_run[k]: 1 + where the last run of exactly k backticks starts,
	 * 0 if none; for k <= max_run, computed at the first backtick */
	size_t *last_run;
	size_t max_run;
	inline_scratch *s;	/* made: the references and links */
	/* '*' in delimiter runs and link openers: emphasis and links can
	 * nest no deeper than this many (limit_depth) */
	size_t nestable;
} ictx;

static void made(ictx *c, ast_node *n)
{
	ast_vec_push(&c->s->made, n);
}

/* Source offset of work-buffer position i, in another piece than the
 * last one (src_off). */
static uint32_t src_off_search(ictx *c, size_t i)
{
	size_t lo = 0, hi = c->nsegs;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (c->wstart[mid] <= i)
			lo = mid;
		else
			hi = mid;
	}
	c->seg = lo;
	return c->sstart[lo] + (uint32_t)(i - c->wstart[lo]);
}

/* Source offset of work-buffer position i.  Positions come mostly in
 * order: the piece of the last one is tried first, in line. */
static inline uint32_t src_off(ictx *c, size_t i)
{
	size_t lo = c->seg;
	if (c->wstart[lo] > i || (lo + 1 < c->nsegs && c->wstart[lo + 1] <= i))
		return src_off_search(c, i);
	return c->sstart[lo] + (uint32_t)(i - c->wstart[lo]);
}

static span wspan(ictx *c, size_t a, size_t b)
{
	uint32_t s = src_off(c, a);
	uint32_t e = b > a ? src_off(c, b - 1) + 1 : s;
	return span_make(s, e);
}

static ast_node *add(ictx *c, ast_type t, size_t a, size_t b)
{
	ast_node *n = ast_new(c->d, t, wspan(c, a, b));
	ast_append(c->parent, n);
	return n;
}

/*
 * The string of a text node that starts at work-buffer position from:
 * the source's own bytes when they are the same (no escape or comment
 * removed, the usual case), else a copy.  Most text is then not copied at
 * all (ast.h: such a string is not NUL-terminated).
 */
static str text_str(ictx *c, size_t from, const char *s, size_t len)
{
	const source *src = &c->d->src;
	uint32_t at = src_off(c, from);
	if (at <= src->len && len <= src->len - at &&
	    memcmp(src->text + at, s, len) == 0) {
		str t = {src->text + at, len};
		return t;
	}
	return ast_str(c->d, s, len);
}

static void flush(ictx *c, size_t upto)
{
	if (c->plen) {
		ast_node *n;
		if (!c->copied && upto == c->text_from + c->plen) {
			/* the source's own bytes, all of them: their span is
			 * known from where they start (lines joined in the
			 * text are joined in the source: newline_in_text) */
			n = ast_new(c->d, AST_TEXT,
				    span_make(c->text_src, c->text_src + (uint32_t)c->plen));
			ast_append(c->parent, n);
		} else {
			n = add(c, AST_TEXT, c->text_from, upto);
		}
		if (c->copied) {
			ast_set_text(n, text_str(c, c->text_from, c->text.data,
						  c->text.len));
		} else {
			str t = {c->d->src.text + n->at.start, c->plen};
			ast_set_text(n, t);
		}
		c->plen = 0;
	}
	c->text_from = upto;
}

/* Literal text s (len bytes) for w[at...]: s is w + at unless an escape
 * or a bracket made it. */
static inline void lit(ictx *c, size_t at, const char *s, size_t len)
{
	if (!c->plen) {
		c->text_from = at;
		c->text_src = src_off(c, at);
		c->copied = false;
	}
	if (!c->copied && s == c->w + at && at == c->text_from + c->plen) {
		c->plen += len;
		return;
	}
	if (!c->copied) {
		buf_clear(&c->text);
		buf_put(&c->text, c->w + c->text_from, c->plen);
		c->copied = true;
	}
	buf_put(&c->text, s, len);
	c->plen += len;
}

static bool is_punct(unsigned char ch)
{
	return (ch >= 33 && ch <= 47) || (ch >= 58 && ch <= 64) ||
	       (ch >= 91 && ch <= 96) || (ch >= 123 && ch <= 126);
}

static bool is_space(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == 0 || ch == LEX_COMMENT_BYTE;
}

/* ---- code spans ---- */

static size_t run_len(const ictx *c, size_t i, char ch)
{
	size_t k = i;
	while (k < c->n && c->w[k] == ch)
		k++;
	return k - i;
}

/* Note where the last run of each length starts (one pass). */
static void scan_runs(ictx *c)
{
	c->max_run = 0;
	for (size_t k = 0; k < c->n;) {
		size_t r = c->w[k] == '`' ? run_len(c, k, '`') : 0;
		if (r > c->max_run)
			c->max_run = r;
		k += r ? r : 1;
	}
	c->last_run = xcalloc(c->max_run + 1, sizeof *c->last_run,
			      "backtick runs");
	for (size_t k = 0; k < c->n;) {
		size_t r = c->w[k] == '`' ? run_len(c, k, '`') : 0;
		if (r)
			c->last_run[r] = k + 1;
		k += r ? r : 1;
	}
}

/*
 * Position of a closing run of exactly len backticks at or after i, or 0.
 * Without one (known from last_run) the answer costs nothing; with one,
 * the bytes scanned to reach it become the code span, so the whole pass
 * stays linear.
 */
static size_t find_closer(ictx *c, size_t i, size_t len)
{
	if (!c->last_run)
		scan_runs(c);
	if (len > c->max_run || !c->last_run[len] || c->last_run[len] - 1 < i)
		return 0;
	for (size_t k = i; k < c->n;) {
		const char *p = memchr(c->w + k, '`', c->n - k);
		if (!p)
			break;
		size_t at = (size_t)(p - c->w);
		size_t r = run_len(c, at, '`');
		if (r == len)
			return at;
		k = at + r;
	}
	return 0;
}

static size_t code_span(ictx *c, size_t i)
{
	size_t len = run_len(c, i, '`');
	size_t close = find_closer(c, i + len, len);
	if (!close) {
		lit(c, i, c->w + i, len);
		return i + len;
	}
	flush(c, i);
	ast_node *n = add(c, AST_CODE, i, close + len);
	/* Line breaks become spaces; one space on each side is stripped.  In
	 * a table's cell "\|" is a pipe even here (contract 11.2, as in GFM:
	 * the cell's pipes are read before its code spans). */
	size_t a = i + len, b = close;
	bool cell = c->parent->type == AST_CELL;
	buf t = BUF_INIT;
	for (size_t k = a; k < b; k++) {
		if (cell && c->w[k] == '\\' && k + 1 < b && c->w[k + 1] == '|')
			continue;
		if (c->w[k] != LEX_COMMENT_BYTE)
			buf_putc(&t, c->w[k] == '\n' ? ' ' : c->w[k]);
	}
	size_t s = 0, e = t.len;
	if (e >= 2 && t.data[0] == ' ' && t.data[e - 1] == ' ' &&
	    strspn(t.data, " ") != e) {
		s++;
		e--;
	}
	ast_set_text(n, ast_str(c->d, t.data ? t.data + s : "", e - s));
	buf_free(&t);
	c->text_from = close + len;
	return close + len;
}

/* ---- references: [@a; @b, p. 4] ---- */

static bool ref_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == LEX_COMMENT_BYTE;
}

/* A malformed reference is looked at this far for its ']' and for the
 * form the author meant: a bound keeps a line of "[@[@[@" linear. */
enum { REF_LOOK = 256 };

/* Quotes an author may have put around an ID: ASCII and typographic. */
static size_t quote_len(const char *s, size_t n)
{
	static const char *const q[] = {"\xE2\x80\x98", "\xE2\x80\x99",
					"\xE2\x80\x9C", "\xE2\x80\x9D",
					"\xC2\xAB", "\xC2\xBB"};
	if (n && (s[0] == '"' || s[0] == '\'' || s[0] == '`'))
		return 1;
	for (size_t k = 0; k < sizeof q / sizeof q[0]; k++) {
		size_t l = strlen(q[k]);
		if (n >= l && memcmp(s, q[k], l) == 0)
			return l;
	}
	return 0;
}

static size_t quote_len_end(const char *s, size_t n)
{
	for (size_t l = 1; l <= 2 && l <= n; l++)
		if (quote_len(s + n - l, l) == l)
			return l;
	/* 3-byte typographic quotes */
	if (n >= 3 && quote_len(s + n - 3, 3) == 3)
		return 3;
	return 0;
}

static void trim(const char **s, size_t *n)
{
	while (*n && ref_space(**s))
		(*s)++, (*n)--;
	while (*n && ref_space((*s)[*n - 1]))
		(*n)--;
}

void inline_note_mended(ast_doc *d, const char *id, size_t len)
{
	if (d->nmended == d->capmended) {
		size_t cap = d->capmended ? 2 * d->capmended : 8;
		d->mended = arena_realloc(&d->arena, d->mended,
					  d->capmended * sizeof *d->mended,
					  cap * sizeof *d->mended);
		d->capmended = cap;
	}
	d->mended[d->nmended++] = ast_str(d, id, len);
}

/*
 * The reference the author evidently meant by the bracket text s (between
 * "[" and "]"), into out: quotes around IDs, a space after '@', a missing
 * '@', an empty item, a '.' or ':' after the ID are mended.  False when
 * no such reading gives valid IDs.  With d, the mended IDs are noted.
 */
static bool ref_mend(ast_doc *d, const char *s, size_t n, buf *out)
{
	size_t items = 0, noted = d ? d->nmended : 0;
	buf_clear(out);
	buf_putc(out, '[');
	for (size_t p = 0; p <= n;) {
		const char *semi = memchr(s + p, ';', n - p);
		size_t e = semi ? (size_t)(semi - s) : n;
		const char *it = s + p;
		size_t len = e - p;
		p = e + 1;
		trim(&it, &len);
		const char *comma = memchr(it, ',', len);
		size_t idlen = comma ? (size_t)(comma - it) : len;
		const char *loc = comma ? comma + 1 : it + len;
		size_t loclen = comma ? len - idlen - 1 : 0;
		trim(&it, &idlen);
		trim(&loc, &loclen);
		if (idlen && it[0] == '@') {
			it++, idlen--;
			trim(&it, &idlen);
		}
		for (size_t q; (q = quote_len(it, idlen)) != 0;)
			it += q, idlen -= q;
		for (size_t q; (q = quote_len_end(it, idlen)) != 0;)
			idlen -= q;
		while (idlen && (it[idlen - 1] == '.' || it[idlen - 1] == ':'))
			idlen--;
		if (!idlen && !loclen)
			continue;	/* an empty item */
		if (!ast_id_valid(it, idlen)) {
			if (d)
				d->nmended = noted;
			return false;
		}
		buf_puts(out, items++ ? "; @" : "@");
		buf_put(out, it, idlen);
		if (d)
			inline_note_mended(d, it, idlen);
		if (loclen) {
			buf_puts(out, ", ");
			buf_put(out, loc, loclen);
		}
	}
	buf_putc(out, ']');
	return items > 0;
}

/* Report the malformed reference at i ("[@"), found bad at k. */
static void ref_bad(ictx *c, size_t i, size_t k)
{
	size_t lim = c->n - i > REF_LOOK ? i + REF_LOOK : c->n;
	const char *close = memchr(c->w + i, ']', lim - i);
	span at = wspan(c, i, close ? (size_t)(close - c->w) + 1
				   : (k < c->n ? k + 1 : k));
	diag_list *dl = &c->d->diags;
	if (!close) {
		diag_report(dl, DC_SYNTAX, at, "malformed reference: '[@' is "
			    "not closed by ']' (write '[@id]', '[@id; @id]' or "
			    "'[@id, p. 4]')");
		return;
	}
	buf fix = BUF_INIT, was = BUF_INIT;
	for (const char *p = c->w + i; p <= close; p++)
		if (*p != LEX_COMMENT_BYTE)
			buf_putc(&was, *p == '\n' ? ' ' : *p);
	if (ref_mend(c->d, c->w + i + 1, (size_t)(close - c->w) - i - 1, &fix) &&
	    (fix.len != was.len || memcmp(fix.data, was.data, fix.len) != 0))
		diag_report(dl, DC_SYNTAX, at, "malformed reference '%.*s%s': "
			    "write '%s'", was.len > 80 ? 80 : (int)was.len,
			    was.data, was.len > 80 ? "..." : "", fix.data);
	else if (was.len <= 3)
		diag_report(dl, DC_SYNTAX, at, "empty reference: write '[@id]' "
			    "with the ID of what it refers to");
	else
		diag_report(dl, DC_SYNTAX, at, "malformed reference: IDs are "
			    "letters, digits, '_', '-', '.' and ':'; write "
			    "'[@id]', '[@id; @id]' or '[@id, p. 4]'");
	buf_free(&fix);
	buf_free(&was);
}

/* Past the spaces, line breaks and comments at k. */
static size_t skip_gap(const ictx *c, size_t k)
{
	while (k < c->n && ref_space(c->w[k]))
		k++;
	return k;
}

/* Parse at i ("[@"); returns the end, or 0 when malformed (reported). */
static size_t reference(ictx *c, size_t i)
{
	size_t k = i + 1;
	ast_idref items[64];
	ast_idref *v = items;
	size_t n = 0, cap = 64;
	for (;;) {
		k = skip_gap(c, k);
		if (k >= c->n || c->w[k] != '@')
			goto bad;
		size_t s = ++k;
		while (k < c->n && ast_id_char(c->w[k]))
			k++;
		if (!ast_id_valid(c->w + s, k - s))
			goto bad;
		if (n == cap) {
			ast_idref *nv = arena_alloc(&c->d->arena, 2 * cap * sizeof *nv);
			memcpy(nv, v, n * sizeof *nv);
			v = nv;
			cap *= 2;
		}
		ast_idref *r = &v[n++];
		memset(r, 0, sizeof *r);
		r->id = ast_str(c->d, c->w + s, k - s);
		r->at = wspan(c, s, k);
		r->locator.p = "";
		k = skip_gap(c, k);
		if (k < c->n && c->w[k] == ',') {
			/* a locator: the rest of the item, trimmed */
			size_t a = skip_gap(c, k + 1), b = a;
			while (b < c->n && c->w[b] != ';' && c->w[b] != ']' &&
			       c->w[b] != '[' && c->w[b] != '@')
				b++;
			k = b;
			while (b > a && ref_space(c->w[b - 1]))
				b--;
			if (b == a)
				goto bad;
			char *loc = arena_alloc(&c->d->arena, b - a + 1);
			size_t ln = 0;
			for (size_t j = a; j < b; j++)
				if (c->w[j] != LEX_COMMENT_BYTE)
					loc[ln++] = c->w[j] == '\n' ? ' ' : c->w[j];
			loc[ln] = '\0';
			r->locator.p = loc;
			r->locator.len = ln;
			r->locator_at = wspan(c, a, b);
		}
		if (k < c->n && c->w[k] == ';') {
			k++;
			continue;
		}
		if (k < c->n && c->w[k] == ']')
			break;
		goto bad;
	}
	flush(c, i);
	ast_node *r = add(c, AST_REF, i, k + 1);
	made(c, r);
	r->u.ref->ids.v = arena_alloc(&c->d->arena, n * sizeof *v);
	memcpy(r->u.ref->ids.v, v, n * sizeof *v);
	r->u.ref->ids.n = n;
	c->text_from = k + 1;
	return k + 1;
bad:
	ref_bad(c, i, k);
	return 0;
}

/* ---- notes: [^label] ---- */

/* Parse at i ("[^"); returns the end, or 0 when malformed (reported). */
static size_t note_ref(ictx *c, size_t i)
{
	size_t k = i + 2;
	while (k < c->n && ast_label_char(c->w[k]))
		k++;
	if (k > i + 2 && k < c->n && c->w[k] == ']') {
		flush(c, i);
		ast_node *r = add(c, AST_FNREF, i, k + 1);
		made(c, r);
		r->u.note->label = ast_str(c->d, c->w + i + 2, k - i - 2);
		r->u.note->label_at = wspan(c, i + 2, k);
		c->text_from = k + 1;
		return k + 1;
	}
	size_t lim = c->n - i > REF_LOOK ? i + REF_LOOK : c->n;
	const char *close = memchr(c->w + i, ']', lim - i);
	diag_report(&c->d->diags, DC_SYNTAX,
		    wspan(c, i, close ? (size_t)(close - c->w) + 1 : i + 2),
		    "malformed note reference: write '[^label]', the label "
		    "made of letters, digits, '_' and '-'");
	return 0;
}

/* ---- emphasis ---- */

static void push_delim(ictx *c, size_t i, size_t len)
{
	unsigned char before = i ? (unsigned char)c->w[i - 1] : '\n';
	unsigned char after = i + len < c->n ? (unsigned char)c->w[i + len] : '\n';
	bool left = !is_space(after) &&
		    (!is_punct(after) || is_space(before) || is_punct(before));
	bool right = !is_space(before) &&
		     (!is_punct(before) || is_space(after) || is_punct(after));
	flush(c, i);
	ast_node *n = add(c, AST_TEXT, i, i + len);
	ast_set_text(n, text_str(c, i, c->w + i, len));
	c->text_from = i + len;
	if (!left && !right)
		return;
	delim *dl = c->s->spare;
	if (dl) {
		c->s->spare = dl->next;
		memset(dl, 0, sizeof *dl);
	} else {
		dl = xcalloc(1, sizeof *dl, "an emphasis delimiter");
	}
	dl->node = n;
	dl->len = dl->orig = len;
	dl->can_open = left;
	dl->can_close = right;
	c->nestable += len;
	dl->prev = c->dtop;
	if (c->dtop)
		c->dtop->next = dl;
	c->dtop = dl;
}

static void remove_delim(ictx *c, delim *dl)
{
	if (dl->prev)
		dl->prev->next = dl->next;
	if (dl->next)
		dl->next->prev = dl->prev;
	else
		c->dtop = dl->prev;
	dl->next = c->s->spare;
	c->s->spare = dl;
}

static void unlink_node(ast_node *n)
{
	/* (the prev links close in a ring: ast.h) */
	ast_node *p = n->parent;
	if (n == p->first) {
		p->first = n->next;
		if (n->next)
			n->next->prev = n->prev;
	} else {
		n->prev->next = n->next;
		if (n->next)
			n->next->prev = n->prev;
		else
			p->first->prev = n->prev;
	}
	n->prev = n->next = n->parent = NULL;
}

static void insert_after(ast_node *at, ast_node *n)
{
	n->parent = at->parent;
	n->prev = at;
	n->next = at->next;
	if (at->next)
		at->next->prev = n;
	else
		at->parent->first->prev = n;
	at->next = n;
}

static void shrink(ast_node *t, size_t use, bool from_end)
{
	t->tlen -= use;
	if (from_end)
		t->at.end -= (uint32_t)use;
	else {
		t->u.text += use;
		t->at.start += (uint32_t)use;
	}
}

/* Resolve emphasis among delimiters above bottom (CommonMark 6.2). */
static void process_emphasis(ictx *c, delim *bottom)
{
	delim *obot[3][2];
	for (int a = 0; a < 3; a++)
		obot[a][0] = obot[a][1] = bottom;
	/* The first delimiter above bottom; none when bottom is the top.  The
	 * walk must stop at bottom: what lies below is not ours to scan, and
	 * scanning it for every link would be quadratic. */
	delim *closer = c->dtop == bottom ? NULL : c->dtop;
	while (closer && closer->prev != bottom)
		closer = closer->prev;
	while (closer) {
		if (!closer->can_close) {
			closer = closer->next;
			continue;
		}
		delim *opener = closer->prev;
		bool found = false;
		delim **ob = &obot[closer->orig % 3][closer->can_open];
		while (opener && opener != bottom && opener != *ob) {
			if (opener->can_open) {
				bool odd = (closer->can_open || opener->can_close) &&
					   (opener->orig + closer->orig) % 3 == 0 &&
					   !(opener->orig % 3 == 0 && closer->orig % 3 == 0);
				if (!odd) {
					found = true;
					break;
				}
			}
			opener = opener->prev;
		}
		delim *old = closer;
		if (found) {
			size_t use = closer->len >= 2 && opener->len >= 2 ? 2 : 1;
			ast_node *on = opener->node, *cn = closer->node;
			shrink(on, use, true);
			shrink(cn, use, false);
			opener->len -= use;
			closer->len -= use;
			ast_node *e = ast_new(c->d, use == 2 ? AST_STRONG : AST_EMPH,
					      span_make(on->at.end, cn->at.start));
			for (ast_node *t = on->next; t && t != cn;) {
				ast_node *nx = t->next;
				unlink_node(t);
				ast_append(e, t);
				t = nx;
			}
			insert_after(on, e);
			while (closer->prev != opener)
				remove_delim(c, closer->prev);
			if (opener->len == 0) {
				unlink_node(on);
				ast_release(c->d, on);
				remove_delim(c, opener);
			}
			if (closer->len == 0) {
				delim *nx = closer->next;
				unlink_node(cn);
				ast_release(c->d, cn);
				remove_delim(c, closer);
				closer = nx;
			}
		} else {
			closer = closer->next;
			*ob = old->prev;
			if (!old->can_open)
				remove_delim(c, old);
		}
	}
	while (c->dtop && c->dtop != bottom)
		remove_delim(c, c->dtop);
}

/* ---- links ---- */

/* After "](" at i: the end of a URL up to its ')' (balanced, no spaces). */
static size_t url_end(const ictx *c, size_t i)
{
	int depth = 0;
	for (size_t k = i; k < c->n; k++) {
		unsigned char ch = (unsigned char)c->w[k];
		if (ch == '\\' && k + 1 < c->n && c->w[k + 1] != '\n') {
			k++;
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\n')
			return 0;
		if (ch == '(')
			depth++;
		else if (ch == ')') {
			if (depth == 0)
				return k;
			depth--;
		}
		if (depth > 32)
			return 0;
	}
	return 0;
}

/*
 * "[text](" at i ("](") whose URL url_end refused: say why, for the
 * link would print as its source text (contract 11.9).  A space is the
 * common cause (a file name): the fix is %20.
 */
static void broken_link(ictx *c, const bracket *b, size_t i)
{
	size_t lim = c->n - i > REF_LOOK ? i + REF_LOOK : c->n;
	size_t k = i + 2, space = 0, depth = 0;
	bool nl = false;
	for (; k < lim; k++) {
		char ch = c->w[k];
		if (ch == '\\' && k + 1 < lim) {
			k++;
			continue;
		}
		if (ch == '(')
			depth++;
		else if (ch == ')' && depth-- == 0)
			break;
		else if (ch == '\n')
			nl = true;
		else if ((ch == ' ' || ch == '\t') && !space)
			space = k;
	}
	diag_list *dl = &c->d->diags;
	if (k >= lim || c->w[k] != ')') {
		diag_report(dl, DC_BAD_URL, wspan(c, b->pos, i + 2),
			    "the link's URL is not closed by ')': write "
			    "'[text](https://...)'");
		return;
	}
	span at = wspan(c, i + 2, k);
	if (nl) {
		diag_report(dl, DC_BAD_URL, at, "the link's URL is broken "
			    "across lines: write it on one line");
		return;
	}
	const char *u = c->w + i + 2;
	size_t n = k - i - 2, q = space - i - 2;
	while (q < n && (u[q] == ' ' || u[q] == '\t'))
		q++;
	if (q < n && (u[q] == '"' || u[q] == '\'')) {
		diag_report(dl, DC_BAD_URL, at, "link titles are not supported: "
			    "write '[text](%.*s)'", (int)(space - i - 2), u);
		return;
	}
	buf fix = BUF_INIT;
	for (size_t j = 0; j < n; j++) {
		if (u[j] == ' ')
			buf_puts(&fix, "%20");
		else if (u[j] != LEX_COMMENT_BYTE)
			buf_putc(&fix, u[j]);
	}
	diag_report(dl, DC_BAD_URL, at, "the link's URL has a space in it: "
		    "write '%s'", fix.data);
	buf_free(&fix);
}

/*
 * ![alt](src): Markdown's image.  A figure is a block of its own here
 * (it needs alt text, a caption, a number), so the image is kept as a
 * link marked image, shown as its text, and reported; the '!' goes.
 */
static void image(ictx *c, ast_node *link, uint32_t bang)
{
	ast_node *t = ast_prev(link);
	link->u.link->image = true;
	diag_report(&c->d->diags, DC_UNSUPPORTED_MARKUP,
		    span_make(bang, link->at.end),
		    "an image in the text would print as its alt text: put it "
		    "in a '::: figure ID' block with 'src:', 'alt:' and "
		    "'caption:', and refer to it with [@ID]");
	link->at.start = bang;
	if (t && t->type == AST_TEXT && t->tlen && t->u.text[t->tlen - 1] == '!') {
		shrink(t, 1, true);
		if (!t->tlen) {
			unlink_node(t);
			ast_release(c->d, t);
		}
	}
}

static size_t close_bracket(ictx *c, size_t i)
{
	bracket *b = c->btop;
	size_t ue = 0;
	if (b && b->active && i + 1 < c->n && c->w[i + 1] == '(') {
		ue = url_end(c, i + 2);
		if (!ue)
			broken_link(c, b, i);
	}
	if (!b || !ue) {
		if (b) {
			c->btop = b->prev;
			free(b);
		}
		lit(c, i, c->w + i, 1);
		return i + 1;
	}
	flush(c, i);
	process_emphasis(c, b->delim_top);
	ast_node *open = b->node;
	ast_node *link = ast_new(c->d, AST_LINK, span_make(open->at.start, src_off(c, ue) + 1));
	made(c, link);
	/* The URL, escapes removed. */
	buf u = BUF_INIT;
	for (size_t k = i + 2; k < ue; k++) {
		if (c->w[k] == '\\' && k + 1 < ue && is_punct((unsigned char)c->w[k + 1]))
			k++;
		if (c->w[k] != LEX_COMMENT_BYTE)
			buf_putc(&u, c->w[k]);
	}
	link->u.link->url = ast_str(c->d, u.data ? u.data : "", u.len);
	link->u.link->url_at = wspan(c, i + 2, ue);
	buf_free(&u);
	/* what followed the "[" is the link's text now */
	while (open->next) {
		ast_node *t = open->next;
		unlink_node(t);
		ast_append(link, t);
	}
	insert_after(open, link);
	unlink_node(open);
	ast_release(c->d, open);
	if (b->pos && c->w[b->pos - 1] == '!' &&
	    !(b->pos > 1 && c->w[b->pos - 2] == '\\'))
		image(c, link, src_off(c, b->pos - 1));
	c->btop = b->prev;
	free(b);
	/* No links inside links.  Below an inactive bracket all are inactive
	 * already (an earlier link did it): stop there, or n links after n
	 * open brackets cost n^2. */
	for (bracket *o = c->btop; o && o->active; o = o->prev)
		o->active = false;
	c->text_from = ue + 1;
	return ue + 1;
}

/* ---- the pass ---- */

/* The bytes the pass stops at, for strcspn (SSE4.2 in glibc). */
static const char specials[] = {LEX_COMMENT_BYTE, '\n', '\\', '`', '*', '[', ']',
				 '<', '{', '\0'};
/* ... the same bytes as a table, for text that does not end in a NUL */
static const bool special[256] = {
	[LEX_COMMENT_BYTE] = true, ['\n'] = true, ['\\'] = true, ['`'] = true,
	['*'] = true, ['['] = true, [']'] = true, ['<'] = true, ['{'] = true,
	['\0'] = true,
};

/*
 * Whether piece g of lex is text and nothing else, of which the pass
 * would make one text node of the source's bytes: a number in a table
 * cell, a short heading.  Such a piece is made at once, without the
 * pass's set-up, which would cost more than the piece.
 */
static bool plain_piece(const char *lex, span g)
{
	/* (past this, the set-up is small next to the piece: not worth a
	 * look that may end at a special byte anyway) */
	if (g.end - g.start > 64)
		return false;
	for (uint32_t i = g.start; i < g.end; i++)
		if (special[(unsigned char)lex[i]])
			return false;
	return g.end > g.start;
}

/*
 * Whether the newline at w[i], between two pieces, can go into the text
 * before it, as merge_text would put it there: that text is pending, of
 * the source's own bytes and ends at the newline, which is the source's
 * newline, and the next piece starts right after it (no indentation).
 * A hard-wrapped paragraph then becomes one text node as it is read,
 * not a text node and a soft break per line joined afterwards.  (Only
 * where no text of the paragraph is a copy: merge_text keeps a break
 * between a text and a copy.)
 */
static bool newline_in_text(ictx *c, size_t i)
{
	if (!c->plen || c->copied || c->text_from + c->plen != i)
		return false;
	uint32_t at = src_off(c, i);
	size_t k = c->seg;
	return k + 1 < c->nsegs && c->wstart[k + 1] == i + 1 &&
	       c->sstart[k + 1] == at + 1 && at < c->d->src.len &&
	       c->d->src.text[at] == '\n';
}

/* ---- markup that is not Brief's (contract 11.9) ---- */

/* The HTML elements an author may paste from a web page or a word
 * processor; "<x>" in prose about variables is left alone. */
static bool html_element(const char *s, size_t n)
{
	static const char *const names[] = {
		"a", "abbr", "b", "blockquote", "br", "caption", "center", "cite",
		"code", "col", "dd", "del", "details", "div", "dl", "dt", "em",
		"embed", "figcaption", "figure", "font", "form", "h1", "h2", "h3",
		"h4", "h5", "h6", "hr", "i", "iframe", "img", "input", "ins", "kbd",
		"li", "link", "mark", "meta", "nav", "object", "ol", "p", "pre",
		"q", "s", "samp", "script", "section", "small", "span", "strike",
		"strong", "style", "sub", "summary", "sup", "table", "tbody", "td",
		"tfoot", "th", "thead", "tr", "u", "ul", "video"};
	char low[16];
	if (n == 0 || n >= sizeof low)
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = ascii_lower(s[i]);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == n && memcmp(names[i], low, n) == 0)
			return true;
	return false;
}

/* The end of what starts at i and runs to close on this line, within a
 * bound, or 0. */
static size_t run_to(const ictx *c, size_t i, char close)
{
	size_t lim = c->n - i > 200 ? i + 200 : c->n;
	for (size_t k = i + 1; k < lim && c->w[k] != '\n'; k++)
		if (c->w[k] == close)
			return k + 1;
	return 0;
}

static void unsupported(ictx *c, size_t a, size_t b, const char *fmt)
{
	int n = (int)(b - a > 60 ? 60 : b - a);
	diag_report(&c->d->diags, DC_UNSUPPORTED_MARKUP, wspan(c, a, b), fmt,
		    n, c->w + a, b - a > 60 ? "..." : "");
}

/* At '<': an HTML tag or an autolink, which print as text. */
static void angle(ictx *c, size_t i)
{
	size_t k = i + 1, e = run_to(c, i, '>');
	if (!e)
		return;
	const char *w = c->w;
	if (k < e && w[k] == '/')
		k++;
	size_t t = k;
	while (k < e && ascii_is_alnum(w[k]))
		k++;
	if (k > t && ascii_is_alpha(w[t]) && html_element(w + t, k - t) &&
	    (w[k] == '>' || w[k] == ' ' || w[k] == '/' || w[k] == '\t')) {
		unsupported(c, i, e, "raw HTML '%.*s%s' prints as text: write "
			    "Brief's markup (*emphasis*, **strong**, [text](url)), "
			    "or '\\<' to show the '<'");
		return;
	}
	/* <https://...>, <mailto:...>: Markdown's autolinks */
	k = i + 1;
	while (k < e && ascii_is_alpha(w[k]))
		k++;
	if (k > i + 1 && w[k] == ':' && !memchr(w + i, ' ', e - i))
		unsupported(c, i, e, "'%.*s%s' prints with its angle brackets: "
			    "write [text](url), or the URL alone");
}

/* At '{': {.class}, {#id}, {: ...}, {key=value}: attributes of pandoc
 * and kramdown, which print as text. */
static void brace(ictx *c, size_t i)
{
	size_t e = run_to(c, i, '}'), k = i + 1;
	if (!e)
		return;
	const char *w = c->w;
	while (k < e && w[k] == ' ')
		k++;
	bool attr = false;
	if (k + 1 < e && (w[k] == '.' || w[k] == '#') && ascii_is_alpha(w[k + 1]))
		attr = true;
	else if (k < e && w[k] == ':')
		attr = true;
	else {
		size_t t = k;
		while (k < e && (ascii_is_alnum(w[k]) || w[k] == '-' || w[k] == '_'))
			k++;
		attr = k > t && w[k] == '=';
	}
	if (attr)
		unsupported(c, i, e, "the attributes '%.*s%s' print as text: "
			    "remove them (a heading takes an ID as '# Title {#id}')");
}

/* Join the run of text siblings that starts at n into n. */
static void join_run(ast_doc *d, ast_node *n, buf *b)
{
	if (!n->next || n->next->type != AST_TEXT)
		return;
	/* Runs that follow each other in the source join without a copy. */
	const char *p = n->u.text;
	size_t len = 0;
	bool contiguous = true;
	ast_node *last = n;
	for (ast_node *t = n; t && t->type == AST_TEXT; t = t->next) {
		contiguous &= t->u.text == p + len;
		len += t->tlen;
		last = t;
	}
	if (contiguous) {
		n->tlen = len;
	} else {
		buf_clear(b);
		for (ast_node *t = n; t != last->next; t = t->next)
			buf_put(b, t->u.text, t->tlen);
		ast_set_text(n, ast_str(d, b->data, b->len));
	}
	n->at.end = last->at.end;
	ast_node *stop = last->next;	/* unlinking clears last->next */
	while (n->next != stop) {
		ast_node *t = n->next;
		unlink_node(t);
		ast_release(d, t);
	}
}

/* Whether text node t is its own bytes of the source, not a copy. */
static bool in_source(const ast_doc *d, const ast_node *t)
{
	return t->tlen &&
	       t->u.text == d->src.text + t->at.start &&
	       t->at.end - t->at.start == t->tlen;
}

/* Whether soft break sb is the newline right after text node n. */
static bool break_after(const ast_doc *d, const ast_node *n, const ast_node *sb)
{
	return sb && sb->type == AST_SOFTBREAK && n->type == AST_TEXT &&
	       in_source(d, n) && sb->at.start == n->at.end &&
	       d->src.text[sb->at.start] == '\n';
}

/* Whether soft break sb is the newline right before text node t. */
static bool break_before(const ast_doc *d, const ast_node *sb, const ast_node *t)
{
	return t && t->type == AST_TEXT && in_source(d, t) &&
	       t->at.start == sb->at.start + 1 && d->src.text[sb->at.start] == '\n';
}

/*
 * Whether the soft break after text node n can join n and the text after
 * it: all three are one stretch of the source, the break its newline.
 */
static bool joins_break(const ast_doc *d, const ast_node *n)
{
	return break_after(d, n, n->next) && n->next->next &&
	       n->next->next->type == AST_TEXT &&
	       n->next->next->at.start == n->next->at.start + 1;
}

/*
 * A soft break between text node n and what is not text (emphasis, a
 * link, a reference, the end): n takes the newline.  Between such a node
 * (or the start) and a text node t, t does.  Between two text nodes that
 * could not join (one is a copy) it stays a node: text siblings must not
 * follow each other, and text with a newline must be in the source.
 * Returns the node that took it, else sb.
 */
static ast_node *absorb_break(ast_doc *d, ast_node *sb)
{
	ast_node *n = ast_prev(sb), *t = sb->next;
	bool text_before = n && n->type == AST_TEXT;
	bool text_after = t && t->type == AST_TEXT;
	if (text_before && text_after)
		return sb;
	if (text_before && break_after(d, n, sb)) {
		n->tlen++;
		n->at.end++;
		unlink_node(sb);
		ast_release(d, sb);
		return n;
	}
	if (text_after && break_before(d, sb, t)) {
		t->u.text--;
		t->tlen++;
		t->at.start--;
		unlink_node(sb);
		ast_release(d, sb);
		return t;
	}
	return sb;
}

/*
 * Join each run of adjacent text siblings into one node, so that checks see
 * "[citation needed]" as one string.  Lines of a paragraph that follow each
 * other in the source become one node too, its newlines the soft breaks
 * (ast.h): a hard-wrapped paragraph is then one node, not two per line.
 * Iterative over the subtree.
 */
static void merge_text(ast_doc *d, ast_node *root)
{
	buf b = BUF_INIT;
	ast_node *n = root->first;
	while (n) {
		if (n->type == AST_TEXT) {
			join_run(d, n, &b);
			while (joins_break(d, n)) {
				ast_node *sb = n->next, *t = sb->next;
				join_run(d, t, &b);
				if (!in_source(d, t))
					break;
				n->tlen += 1 + t->tlen;
				n->at.end = t->at.end;
				unlink_node(sb);
				unlink_node(t);
				ast_release(d, sb);
				ast_release(d, t);
			}
			if (n->next && n->next->type == AST_SOFTBREAK)
				n = absorb_break(d, n->next);
		} else if (n->type == AST_SOFTBREAK) {
			/* after emphasis, a link or a reference: the text
			 * after it must be whole (one stretch, or a copy)
			 * before it can take the newline */
			if (n->next && n->next->type == AST_TEXT)
				join_run(d, n->next, &b);
			n = absorb_break(d, n);
			if (n->type == AST_TEXT)
				continue;	/* joins what follows */
		}
		n = ast_next(n, root, true);
	}
	buf_free(&b);
}

/* ---- the nesting limit ---- */

static bool nests(const ast_node *n)
{
	return n->type == AST_EMPH || n->type == AST_STRONG || n->type == AST_LINK;
}

static ast_node *text_node(ictx *c, span at, const char *s, size_t len)
{
	ast_node *t = ast_new(c->d, AST_TEXT, at);
	ast_set_text(t, ast_str(c->d, s, len));
	return t;
}

/*
 * Replace n by its delimiters as text around its children: "*" or "**"
 * for emphasis, "[" and "](url)" for a link.  Returns the first node that
 * now stands where n stood.
 */
static ast_node *unwrap(ictx *c, ast_node *n)
{
	ast_node *open, *close;
	if (n->type == AST_LINK) {
		buf tail = BUF_INIT;
		buf_puts(&tail, "](");
		buf_put(&tail, n->u.link->url.p, n->u.link->url.len);
		buf_putc(&tail, ')');
		uint32_t ts = n->u.link->url_at.start >= n->at.start + 2 ?
			n->u.link->url_at.start - 2 : n->at.start;
		open = text_node(c, span_make(n->at.start, n->at.start + 1), "[", 1);
		close = text_node(c, span_make(ts, n->at.end), tail.data, tail.len);
		buf_free(&tail);
	} else {
		uint32_t k = n->type == AST_STRONG ? 2 : 1;
		open = text_node(c, span_make(n->at.start, n->at.start + k), "**", k);
		close = text_node(c, span_make(n->at.end - k, n->at.end), "**", k);
	}
	insert_after(n, open);
	ast_node *at = open;
	while (n->first) {
		ast_node *ch = n->first;
		unlink_node(ch);
		insert_after(at, ch);
		at = ch;
	}
	insert_after(at, close);
	unlink_node(n);
	return open;
}

/*
 * Emphasis and links nest at most INLINE_MAX_DEPTH deep (parse.h): deeper
 * levels are turned back into their delimiters as text and reported once
 * per piece of text.  Renderers and TeX (255 groups at most) then never
 * see unbounded nesting.  Iterative, linear in the subtree.
 */
static void limit_depth(ictx *c, ast_node *root)
{
	int depth = 0;
	bool reported = false;
	for (ast_iter it = ast_iter_start(root); ast_iter_next(&it);) {
		ast_node *n = (ast_node *)it.node;
		if (!nests(n))
			continue;
		if (!it.entering) {
			depth--;
			continue;
		}
		if (depth < INLINE_MAX_DEPTH) {
			depth++;
			continue;
		}
		if (!reported)
			diag_report(&c->d->diags, DC_SYNTAX, n->at,
				    "emphasis and links nested more than %d deep: "
				    "the inner ones are kept as text", INLINE_MAX_DEPTH);
		reported = true;
		ast_iter_goto(&it, unwrap(c, n));
	}
}

void inline_scratch_free(inline_scratch *s)
{
	free(s->w);
	free(s->wstart);
	free(s->sstart);
	ast_vec_free(&s->made);
	buf_free(&s->text);
	while (s->spare) {
		delim *dl = s->spare;
		s->spare = dl->next;
		free(dl);
	}
	memset(s, 0, sizeof *s);
}

static void *grow_to(void *p, size_t *cap, size_t want, size_t size)
{
	return want ? xgrow(p, cap, want - 1, size, "the inline parser's buffers") : p;
}

bool inline_parse(ast_doc *d, const char *lex, ast_node *parent,
		  const span *segs, size_t nsegs, inline_scratch *s)
{
	ictx c;
	s->made.n = 0;
	if (nsegs == 1 && plain_piece(lex, segs[0])) {
		ast_node *n = ast_new(d, AST_TEXT, segs[0]);
		ast_set_text(n, (str){d->src.text + segs[0].start,
				      segs[0].end - segs[0].start});
		ast_append(parent, n);
		return false;
	}
	memset(&c, 0, sizeof c);
	c.d = d;
	c.parent = parent;
	c.s = s;
	size_t total = 0;
	for (size_t k = 0; k < nsegs; k++)
		total += segs[k].end - segs[k].start + 1;
	s->w = grow_to(s->w, &s->wcap, total + 1, 1);
	size_t scap = s->scap;
	s->wstart = grow_to(s->wstart, &scap, nsegs + 1, sizeof *s->wstart);
	s->sstart = grow_to(s->sstart, &s->scap, nsegs + 1, sizeof *s->sstart);
	c.w = s->w;
	c.wstart = s->wstart;
	c.sstart = s->sstart;
	c.text = s->text;
	buf_clear(&c.text);
	for (size_t k = 0; k < nsegs; k++) {
		if (k)
			c.w[c.n++] = '\n';
		c.wstart[k] = (uint32_t)c.n;
		c.sstart[k] = segs[k].start;
		size_t len = segs[k].end - segs[k].start;
		memcpy(c.w + c.n, lex + segs[k].start, len);
		c.n += len;
	}
	c.w[c.n] = '\0';
	c.nsegs = nsegs;
	/* no escape or comment: no text of this piece will be a copy (lex
	 * is the source itself when there is no comment to blank, and the
	 * loader lets no LEX_COMMENT_BYTE into the source) */
	bool uncopied = nsegs > 1 && !memchr(c.w, '\\', c.n) &&
			(lex == d->src.text || !memchr(c.w, LEX_COMMENT_BYTE, c.n));

	size_t i = 0;
	while (i < c.n) {
		unsigned char ch = (unsigned char)c.w[i];
		switch (ch) {
		case LEX_COMMENT_BYTE:
			i++;
			continue;
		case '\n':
			if (uncopied && newline_in_text(&c, i)) {
				lit(&c, i, c.w + i, 1);
				i++;
				continue;
			}
			flush(&c, i);
			/* The newline's span is the gap between two pieces. */
			add(&c, AST_SOFTBREAK, i, i);
			c.text_from = ++i;
			continue;
		case '\\':
			if (i + 1 < c.n && is_punct((unsigned char)c.w[i + 1])) {
				lit(&c, i, c.w + i + 1, 1);
				i += 2;
			} else {
				lit(&c, i, c.w + i, 1);
				i++;
			}
			continue;
		case '`':
			i = code_span(&c, i);
			continue;
		case '*': {
			size_t len = run_len(&c, i, '*');
			push_delim(&c, i, len);
			i += len;
			continue;
		}
		case '[':
			if (i + 1 < c.n && c.w[i + 1] == '@') {
				size_t e = reference(&c, i);
				if (e) {
					i = e;
					continue;
				}
			} else if (i + 1 < c.n && c.w[i + 1] == '^') {
				size_t e = note_ref(&c, i);
				if (e) {
					i = e;
					continue;
				}
			}
			{
				flush(&c, i);
				ast_node *n = add(&c, AST_TEXT, i, i + 1);
				ast_set_text(n, text_str(&c, i, "[", 1));
				c.text_from = i + 1;
				bracket *b = xcalloc(1, sizeof *b, "a link opener");
				b->node = n;
				b->pos = i;
				b->delim_top = c.dtop;
				b->active = true;
				c.nestable++;
				b->prev = c.btop;
				c.btop = b;
			}
			i++;
			continue;
		case ']':
			i = close_bracket(&c, i);
			continue;
		case '<':
		case '{':
			if (ch == '<')
				angle(&c, i);
			else
				brace(&c, i);
			lit(&c, i, c.w + i, 1);
			i++;
			continue;
		default: {
			/* A run of ordinary bytes at once (the work buffer
			 * ends in a NUL and holds none). */
			size_t k = i + 1 + strcspn(c.w + i + 1, specials);
			if (c.plen && !c.copied && c.text_from + c.plen == i)
				c.plen += k - i;	/* lit's usual case, in line */
			else
				lit(&c, i, c.w + i, k - i);
			i = k;
			continue;
		}
		}
	}
	flush(&c, c.n);
	process_emphasis(&c, NULL);
	while (c.btop) {
		bracket *b = c.btop;
		c.btop = b->prev;
		free(b);
	}
	if (c.nestable > INLINE_MAX_DEPTH)
		limit_depth(&c, parent);
	merge_text(d, parent);
	s->text = c.text;	/* keeps what it grew to */
	free(c.last_run);
	return s->made.n > 0;
}
