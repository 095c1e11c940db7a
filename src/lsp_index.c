/*
 * lsp_index.c - one analysis of a document for the language server:
 * load, check, and list every definition and use of an ID (lsp_index.h).
 */
#include "lsp_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "xalloc.h"

typedef struct occ_list {
	lsp_occ *v;
	size_t n, cap;
} occ_list;

static void add(occ_list *l, span at, str id, ast_node *node, lsp_role role,
		bool slug)
{
	if (!id.len)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (!l->v) {
			fputs("briefc: out of memory\n", stderr);
			abort();
		}
	}
	l->v[l->n++] = (lsp_occ){at, id, node, role, slug};
}

static void add_uses(occ_list *l, const ast_idlist *ids)
{
	for (size_t i = 0; i < ids->n; i++)
		add(l, ids->v[i].at, ids->v[i].id, ids->v[i].target, LSP_USE, false);
}

static int cmp_occ(const void *a, const void *b)
{
	const lsp_occ *x = a, *y = b;
	return (x->at.start > y->at.start) - (x->at.start < y->at.start);
}

/* Every definition and use, from the lists resolve.c made. */
static void collect(lsp_analysis *a)
{
	ast_doc *d = &a->doc;
	occ_list l = {NULL, 0, 0};
	for (size_t i = 0; i < d->headings.n; i++) {
		ast_node *h = d->headings.v[i];
		add(&l, h->u.heading->id_at, h->u.heading->id, h, LSP_DEF,
		    !h->u.heading->explicit_id);
	}
	for (size_t i = 0; i < d->areas.n; i++) {
		ast_node *n = d->areas.v[i];
		add(&l, n->u.entry->key_at, n->u.entry->key, n, LSP_DEF, false);
	}
	for (size_t i = 0; i < d->blocks.n; i++) {
		ast_node *b = d->blocks.v[i];
		ast_block *k = b->u.block;
		/* (an unknown kind's ID defines nothing; add skips an
		 * empty one) */
		if (k->kind < BK__COUNT)
			add(&l, k->id_at, k->id, b, LSP_DEF, false);
		add_uses(&l, &k->evidence);
		add_uses(&l, &k->addresses);
		if (k->area.id.len)
			add(&l, k->area.at, k->area.id, k->area.target, LSP_USE, false);
	}
	for (size_t i = 0; i < d->refs.n; i++)
		add_uses(&l, &d->refs.v[i]->u.ref->ids);
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, cmp_occ);
	a->occ = l.v;
	a->nocc = l.n;
}

lsp_analysis *lsp_analyse(const char *path, const char *text, size_t len,
			  const policy *pol)
{
	lsp_analysis *a = calloc(1, sizeof *a);
	if (!a) {
		fputs("briefc: out of memory\n", stderr);
		abort();
	}
	lsp_normmap_make(&a->map, text, len);
	/* The open file alone, its include lines recognised but not
	 * followed: every offset of the document is then one of this text,
	 * as the positions below assume.  (Following includes and libraries
	 * here, with the editor's buffers first, is ast_doc_load_brief with
	 * lsp_store_lookup as the overlay, once positions are mapped through
	 * source_file_at and results in other files go to their URIs.) */
	char *raw = xmalloc(len + SOURCE_PAD, "the document's text");
	memcpy(raw, text, len);
	if (ast_doc_load_brief(&a->doc, path, raw, len, NULL, false) != 0)
		return a;
	a->loaded = true;
	check_run_all(&a->doc);
	policy_apply(pol, &a->doc);
	diag_sort(&a->doc.diags);
	collect(a);
	return a;
}

void lsp_analysis_free(lsp_analysis *a)
{
	if (!a)
		return;
	if (a->loaded)
		ast_doc_free(&a->doc);
	lsp_normmap_free(&a->map);
	free(a->occ);
	free(a);
}

const lsp_occ *lsp_occ_at(const lsp_analysis *a, size_t off)
{
	size_t lo = 0, hi = a->nocc;	/* first with start > off */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->occ[mid].at.start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	const lsp_occ *o = &a->occ[lo - 1];
	return off <= o->at.end ? o : NULL;
}

ast_node *lsp_lookup(const lsp_analysis *a, const char *id, size_t len)
{
	if (!a->loaded || !len)
		return NULL;
	return ast_idtab_get(&a->doc.ids, id, len);
}

ast_node *lsp_block_at(const lsp_analysis *a, size_t off)
{
	if (!a->loaded)
		return NULL;
	const ast_vec *v = &a->doc.blocks;
	size_t lo = 0, hi = v->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v->v[mid]->at.start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	ast_node *b = v->v[lo - 1];
	return off <= b->at.end ? b : NULL;
}
