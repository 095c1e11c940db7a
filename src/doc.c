/*
 * doc.c - the pipeline: the one place a document is loaded and freed.
 *
 *	raw bytes --source.c--> normalised text, line table, bad-encoding
 *	          --parse.c (brief.l, brief.y)--> the tree of blocks and lines
 *	              inline.c, called per paragraph, heading, inline field
 *	          --resolve.c--> IDs, references, numbers, links both ways
 *
 * What comes after - the checks (check.h), the severity policy
 * (policy.h), a backend (render.h, render_json.h) - only reads the
 * document, and main.c runs it; docs/architecture.md draws it all.
 */
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "parse.h"
#include "resolve.h"

static void doc_init(ast_doc *d)
{
	memset(d, 0, sizeof *d);
	d->ids.nocase = d->note_ids.nocase = true;	/* contract 11.1, 11.4 */
	arena_init(&d->arena);
	diag_list_init(&d->diags, &d->src);
}

/* Parse and resolve a loaded source (rc: what loading it returned). */
static int doc_build(ast_doc *d, int rc)
{
	if (rc != 0)
		return -1;
	/* A real brief's tree takes about three times its text and its
	 * blocks and fields under one time (docs/performance.md): one chunk
	 * each for it all. */
	arena_reserve(&d->arena, 3 * d->src.len);
	arena_reserve(&d->side, d->src.len);
	parse_document(d);
	resolve_document(d);
	return 0;
}

int ast_doc_load(ast_doc *d, const char *path, const char *raw, size_t len)
{
	doc_init(d);
	return doc_build(d, source_init(&d->src, path, raw, len, &d->diags));
}

int ast_doc_load_owned(ast_doc *d, const char *path, char *raw, size_t len)
{
	doc_init(d);
	return doc_build(d, source_init_owned(&d->src, path, raw, len, &d->diags));
}

void ast_doc_free(ast_doc *d)
{
	for (size_t i = 0; i < d->blocks.n; i++) {
		ast_vec_free(&d->blocks.v[i]->u.block->addressed_by);
		ast_vec_free(&d->blocks.v[i]->u.block->cited_by);
	}
	for (size_t i = 0; i < d->areas.n; i++)
		ast_vec_free(&d->areas.v[i]->u.entry->recommendations);
	ast_vec *docv[] = {&d->headings, &d->findings, &d->recommendations,
			   &d->evidence, &d->areas, &d->acronyms, &d->sources,
			   &d->tables, &d->figures, &d->boxes, &d->footnotes,
			   &d->notes, &d->fnrefs, &d->note_duplicates,
			   &d->blocks, &d->duplicates, &d->refs, &d->links,
			   &d->defining, &d->excused, &d->meant};
	for (size_t i = 0; i < sizeof docv / sizeof docv[0]; i++)
		ast_vec_free(docv[i]);
	htab_free(&d->ids);
	htab_free(&d->note_ids);
	free(d->url_fields);
	diag_list_free(&d->diags);
	source_free(&d->src);
	arena_free(&d->arena);
	arena_free(&d->side);
	free(d->pending);
}
