/*
 * library.c - the library entries a brief uses, and the rest dropped
 * (library.h).
 */
#include "library.h"

#include <stdlib.h>

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

void library_settle(ast_doc *d)
{
	if (!d->nlibraries)
		return;
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
