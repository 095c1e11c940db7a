/*
 * library.c - the library entries a brief uses, and the rest dropped
 * (library.h).
 */
#include "library.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void count_area(ast_node *t)
{
	if (t && t->type == AST_AREA)
		t->u.entry->uses++;
}

static bool used(const ast_doc *d, const ast_node *n)
{
	if (!ast_in_library(d, n))
		return true;
	if (n->type == AST_BLOCK)
		return n->u.block->cites > 0;
	return n->u.entry->uses > 0;
}

static int cmp_span(const void *a, const void *b)
{
	const span *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* Keep the used entries of v; the unused ones' spans go to out. */
static void keep_used(const ast_doc *d, ast_vec *v, span *out, size_t *n)
{
	size_t k = 0;
	for (size_t i = 0; i < v->n; i++) {
		if (used(d, v->v[i]))
			v->v[k++] = v->v[i];
		else
			out[(*n)++] = v->v[i]->at;
	}
	v->n = k;
}

/* Whether off lies in one of the spans (sorted, not overlapping). */
static bool in_spans(const span *s, size_t n, uint32_t off)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s[mid].end <= off)
			lo = mid + 1;
		else if (s[mid].start > off)
			hi = mid;
		else
			return true;
	}
	return false;
}

typedef struct unused_spans {
	const span *v;
	size_t n;
} unused_spans;

/* An entry's own diagnostics go with it; what concerns the library as a
 * whole stays. */
static bool keep_diag(const diag *g, void *ctx)
{
	const unused_spans *u = ctx;
	return g->code == DC_SYNTAX || g->code == DC_BAD_ENCODING ||
	       g->code == DC_DUPLICATE_ID || !in_spans(u->v, u->n, g->at.start);
}

static int cmp_acronym(const void *a, const void *b)
{
	const ast_node *x = *(ast_node *const *)a, *y = *(ast_node *const *)b;
	const str *p = &x->u.entry->key, *q = &y->u.entry->key;
	size_t n = p->len < q->len ? p->len : q->len;
	int c = memcmp(p->p, q->p, n);
	if (c)
		return c;
	if (p->len != q->len)
		return p->len < q->len ? -1 : 1;
	return (x->at.start > y->at.start) - (x->at.start < y->at.start);
}

/* A library's declaration of an acronym declared before it (by the brief,
 * or by another library) is not used: the first declaration is the one
 * the text is read with. */
static void drop_redeclared(ast_doc *d)
{
	size_t n = d->acronyms.n;
	if (n < 2)
		return;
	ast_node **v = xreallocarray(NULL, n, sizeof *v, "the acronyms");
	memcpy(v, d->acronyms.v, n * sizeof *v);
	qsort(v, n, sizeof *v, cmp_acronym);
	for (size_t i = 1; i < n; i++) {
		const str *a = &v[i - 1]->u.entry->key, *b = &v[i]->u.entry->key;
		if (a->len == b->len && memcmp(a->p, b->p, a->len) == 0 &&
		    ast_in_library(d, v[i]))
			v[i]->u.entry->uses = 0;
	}
	free(v);
}

void library_settle(ast_doc *d)
{
	if (!d->nlibraries)
		return;
	drop_redeclared(d);
	for (size_t i = 0; i < d->areas.n; i++)
		d->areas.v[i]->u.entry->uses = 0;
	for (size_t i = 0; i < d->blocks.n; i++)
		count_area(d->blocks.v[i]->u.block->area.target);
	for (size_t i = 0; i < d->refs.n; i++)
		for (size_t k = 0; k < d->refs.v[i]->u.ref->ids.n; k++)
			count_area(d->refs.v[i]->u.ref->ids.v[k].target);

	size_t cap = d->evidence.n + d->acronyms.n + d->areas.n, n = 0;
	span *unused = xcalloc(cap, sizeof *unused, "the unused library entries");
	keep_used(d, &d->evidence, unused, &n);
	keep_used(d, &d->acronyms, unused, &n);
	keep_used(d, &d->areas, unused, &n);
	qsort(unused, n, sizeof *unused, cmp_span);

	unused_spans u = {unused, n};
	diag_list_filter(&d->diags, keep_diag, &u);
	free(unused);
}
