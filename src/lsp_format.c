/*
 * lsp_format.c - textDocument/formatting: the edits that make an open
 * document what `briefc fmt` would write (lsp_features.h).
 *
 * fmt gives the whole formatted text (fmt.h); an editor wants edits, and
 * the fewer the better: an edit over a line the author's cursor is on,
 * a fold or a mark in, moves them.  So the two texts are compared line
 * by line (Myers' difference algorithm, on hashes of the lines), and
 * each run of lines that changed is one edit.  fmt changes few lines
 * (trailing blanks, a field moved, a blank line), so the difference is
 * small and found in about the time it takes to read the texts; past
 * LSP_FORMAT_MAX_D changed lines the middle of the text that differs is
 * one edit.
 */
#include "lsp_features.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assemble.h"
#include "fmt.h"
#include "hash.h"
#include "xalloc.h"

/* The most changed lines told apart: the work is (lines) times this,
 * and the memory its square. */
#define LSP_FORMAT_MAX_D 1000

typedef struct lines {
	const char *p;
	size_t *start;		/* n + 1 offsets: line i is [start[i], start[i+1]) */
	uint64_t *hash;
	size_t n;
} lines;

/* Lines end after each "\n"; the last may have none. */
static void split(lines *l, const char *p, size_t len)
{
	size_t n = 0, cap = 0;
	l->p = p;
	l->start = NULL;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(p + i, '\n', len - i);
		l->start = xgrow(l->start, &cap, n, sizeof *l->start, "the lines of a text");
		l->start[n++] = i;
		i = nl ? (size_t)(nl - p) + 1 : len;
	}
	l->start = xgrow(l->start, &cap, n, sizeof *l->start, "the lines of a text");
	l->start[n] = len;
	l->n = n;
	l->hash = xcalloc(n, sizeof *l->hash, "the lines of a text");
	for (size_t i = 0; i < n; i++)
		l->hash[i] = hash_bytes(0, p + l->start[i], l->start[i + 1] - l->start[i]);
}

static bool same_line(const lines *a, size_t i, const lines *b, size_t j)
{
	size_t n = a->start[i + 1] - a->start[i];
	return a->hash[i] == b->hash[j] && n == b->start[j + 1] - b->start[j] &&
	       memcmp(a->p + a->start[i], b->p + b->start[j], n) == 0;
}

/* One run of changed lines: a's [a0, a1) become b's [b0, b1). */
typedef struct hunk {
	size_t a0, a1, b0, b1;
} hunk;

typedef struct hunks {
	hunk *v;
	size_t n, cap;
} hunks;

/* Add the change of a's line i (del) or b's line j (ins) to the hunks,
 * walking backwards: a change next to the last hunk's start joins it. */
static void change(hunks *h, size_t i, size_t j, bool del)
{
	hunk *last = h->n ? &h->v[h->n - 1] : NULL;
	if (!last || last->a0 != (del ? i + 1 : i) || last->b0 != (del ? j : j + 1)) {
		h->v = xgrow(h->v, &h->cap, h->n, sizeof *h->v, "the changes of a text");
		last = &h->v[h->n++];
		last->a0 = last->a1 = del ? i + 1 : i;
		last->b0 = last->b1 = del ? j : j + 1;
	}
	if (del)
		last->a0 = i;
	else
		last->b0 = j;
}

/*
 * Myers' algorithm on a's [lo, ahi) and b's [lo, bhi), the lines before
 * lo alike: the changes, as hunks in reverse order.  Each round d keeps
 * the furthest reach of every diagonal -d..d, so the trace takes
 * (D + 1)^2 slots.  False when more than LSP_FORMAT_MAX_D lines changed.
 */
static bool myers(const lines *a, const lines *b, size_t lo, size_t ahi, size_t bhi,
		  hunks *out)
{
	long n = (long)(ahi - lo), m = (long)(bhi - lo);
	long maxd = n + m < LSP_FORMAT_MAX_D ? n + m : LSP_FORMAT_MAX_D;
	/* trace[d] holds the reach x of diagonals -d..d after round d */
	long **trace = xcalloc((size_t)maxd + 1, sizeof *trace, "the changes of a text");
	long d, found = -1;
	for (d = 0; d <= maxd && found < 0; d++) {
		long *v = xcalloc((size_t)(2 * d + 1), sizeof *v, "the changes of a text");
		const long *pv = d ? trace[d - 1] : NULL;
		trace[d] = v;
		for (long k = -d; k <= d; k += 2) {
			long x;
			if (d == 0)
				x = 0;
			else if (k == -d || (k != d && pv[k - 1 + (d - 1)] < pv[k + 1 + (d - 1)]))
				x = pv[k + 1 + (d - 1)];	/* down: a line of b inserted */
			else
				x = pv[k - 1 + (d - 1)] + 1;	/* right: a line of a deleted */
			long y = x - k;
			while (x < n && y < m && same_line(a, lo + (size_t)x, b, lo + (size_t)y))
				x++, y++;
			v[k + d] = x;
			if (x >= n && y >= m) {
				found = d;
				break;
			}
		}
	}
	if (found >= 0) {
		/* back from the end, one change a round */
		long x = n, y = m;
		for (long e = found; e > 0; e--) {
			const long *pv = trace[e - 1];
			long k = x - y;
			bool down = k == -e || (k != e && pv[k - 1 + (e - 1)] < pv[k + 1 + (e - 1)]);
			long pk = down ? k + 1 : k - 1;
			long px = pv[pk + (e - 1)], py = px - pk;
			/* from (px, py) one step, down (b's line py
			 * inserted) or right (a's line px deleted), then
			 * alike lines to (x, y) */
			change(out, lo + (size_t)px, lo + (size_t)py, !down);
			x = px;
			y = py;
		}
	}
	for (long i = 0; i < d; i++)
		free(trace[i]);
	free(trace);
	return found >= 0;
}

json_t *lsp_formatting(const lsp_ctx *c, const char **why)
{
	const lsp_text *t = c->text;
	if (assemble_is_csl(c->path, strlen(c->path))) {
		*why = "a CSL-JSON file is not a brief: fmt does not format it";
		return NULL;
	}
	ast_doc d;
	char *raw = xmalloc(t->len + SOURCE_PAD, "the document's text");
	memcpy(raw, t->p, t->len);
	/* one file, its include lines lines of it: as `briefc fmt` loads it */
	if (ast_doc_load_brief(&d, c->path, raw, t->len, NULL, false) != 0) {
		ast_doc_free(&d);
		*why = "the document is too large to be formatted (see docs/limits.md)";
		return NULL;
	}
	buf out = BUF_INIT;
	int rc = fmt_document(&d, &out);
	ast_doc_free(&d);
	if (rc != 0) {
		buf_free(&out);
		*why = "the document has syntax errors: fmt leaves it as it is until they are fixed";
		return NULL;
	}
	lines a, b;
	split(&a, t->p, t->len);
	split(&b, out.data ? out.data : "", out.len);
	/* what is alike at both ends, then the changes between */
	size_t lo = 0, ahi = a.n, bhi = b.n;
	while (lo < ahi && lo < bhi && same_line(&a, lo, &b, lo))
		lo++;
	while (ahi > lo && bhi > lo && same_line(&a, ahi - 1, &b, bhi - 1))
		ahi--, bhi--;
	hunks h = {NULL, 0, 0};
	if ((lo < ahi || lo < bhi) && !myers(&a, &b, lo, ahi, bhi, &h)) {
		h.n = 0;
		h.v = xgrow(h.v, &h.cap, 0, sizeof *h.v, "the changes of a text");
		h.v[h.n++] = (hunk){lo, ahi, lo, bhi};
	}
	json_t *edits = json_array();
	/* (the hunks are in reverse order) */
	for (size_t i = h.n; i-- > 0;) {
		const hunk *k = &h.v[i];
		json_array_append_new(edits, json_pack(
			"{s:o,s:o}", "range", lsp_range(c, a.start[k->a0], a.start[k->a1]),
			"newText", lsp_json_str(b.p + b.start[k->b0], b.start[k->b1] - b.start[k->b0])));
	}
	free(h.v);
	free(a.start);
	free(a.hash);
	free(b.start);
	free(b.hash);
	buf_free(&out);
	return edits;
}
