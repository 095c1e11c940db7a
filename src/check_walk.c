/*
 * check_walk.c - the checks' walk over every piece of prose, in document
 * order, each piece flattened once (prose.h) for all the scanners that
 * want it (check_util.h).
 */
#include <stdlib.h>
#include <string.h>

#include "check_util.h"

typedef struct walker {
	prose p;
	const check_prose_use *uses;
	size_t nuses;
} walker;

static bool use_wants(const check_prose_use *u, unsigned where)
{
	return (where & u->want) && !(where & u->skip);
}

static bool wanted(const walker *w, unsigned where)
{
	for (size_t i = 0; i < w->nuses; i++)
		if (use_wants(&w->uses[i], where))
			return true;
	return false;
}

static void walk_begin(walker *w, unsigned where, const ast_node *node,
		       const ast_field *field, const ast_node *block)
{
	prose_clear(&w->p);
	w->p.where = where;
	w->p.node = node;
	w->p.field = field;
	w->p.block = block;
}

static void walk_emit(walker *w)
{
	if (!w->p.len)
		return;
	prose_finish(&w->p);
	for (size_t i = 0; i < w->nuses; i++)
		if (use_wants(&w->uses[i], w->p.where))
			w->uses[i].fn(&w->p, w->uses[i].ctx);
}

static void walk_container(walker *w, const ast_node *n, unsigned where,
			   const ast_node *block)
{
	if (!wanted(w, where))
		return;
	walk_begin(w, where, n, NULL, block);
	prose_add_inlines(&w->p, n);
	walk_emit(w);
}

static void walk_fields(walker *w, const ast_field *f,
			const ast_node *block, unsigned base)
{
	for (; f; f = f->next) {
		const ast_field_spec *sp = f->spec;
		unsigned where;

		if (f->inl)
			where = base | CW_INLINE_FIELD;
		else if (sp && sp->type == VT_TEXT)
			where = base | CW_TEXT_FIELD;
		else if (sp && (sp->type == VT_NAMES || sp->type == VT_NAME))
			where = base | CW_NAMES;
		else
			continue;
		if (!wanted(w, where))
			continue;
		walk_begin(w, where, f->inl, f, block);
		if (f->inl)
			prose_add_inlines(&w->p, f->inl);
		else
			prose_add_text(&w->p, f->value.p, f->value.len, f->value_at);
		walk_emit(w);
	}
}

void check_prose_walk_all(ast_doc *d, const check_prose_use *uses,
			  size_t nuses)
{
	walker w;

	memset(&w, 0, sizeof w);
	w.p.d = d;
	w.p.whole_texts = true;
	w.uses = uses;
	w.nuses = nuses;

	walk_fields(&w, d->meta.fields, NULL, CW_FRONT);

	/* Blocks do not nest: a node's block is its top-level ancestor. */
	const ast_node *root = d->root;
	const ast_node *block = NULL;
	for (const ast_node *n = root ? root->first : NULL; n;) {
		bool descend = false;
		unsigned ev;

		if (n->parent == root)
			block = n->type == AST_BLOCK ? n : NULL;
		ev = block && block->u.block->kind == BK_EVIDENCE ? CW_EVIDENCE : 0;
		switch (n->type) {
		case AST_HEADING:
			walk_container(&w, n, CW_HEADING | ev, block);
			break;
		case AST_PARAGRAPH:
			walk_container(&w, n, CW_PARAGRAPH | ev |
				       (n->parent->type == AST_FOOTNOTE ? CW_NOTE : 0),
				       block);
			break;
		case AST_CELL:
			walk_container(&w, n, CW_CELL, block);
			break;
		case AST_BLOCK:
			walk_fields(&w, n->u.block->fields, n, ev);
			descend = true;
			break;
		case AST_LIST:
		case AST_ITEM:
		case AST_QUOTE:
		case AST_ROW:
		case AST_FOOTNOTE:
			descend = true;
			break;
		default:
			break;
		}
		n = ast_next(n, root, descend);
	}
	prose_free(&w.p);
}

void check_prose_walk(ast_doc *d, unsigned want, unsigned skip,
		      check_prose_fn *fn, void *ctx)
{
	check_prose_use u = {want, skip, fn, ctx};
	check_prose_walk_all(d, &u, 1);
}
