/*
 * doc.c - the pipeline: the one place a document is loaded and freed.
 *
 *	raw bytes --source.c--> normalised text, line table, bad-encoding
 *	          --assemble.c--> included files and libraries spliced in
 *	              (files.c reads them; a brief of one file is left as is)
 *	          --parse.c (brief.l, brief.y)--> the tree of blocks and lines
 *	              inline.c, called per paragraph, heading, inline field
 *	          --resolve.c--> IDs, references, numbers, links both ways
 *	          (the images it names recorded, for watch)
 *
 * What comes after - the checks (check.h), the severity policy
 * (policy.h), a backend (render.h, render_json.h) - only reads the
 * document, and main.c runs it; docs/architecture.md draws it all.
 */
#include <stdlib.h>
#include <string.h>

#include "acronym.h"
#include "assemble.h"
#include "ast.h"
#include "image.h"
#include "parse.h"
#include "resolve.h"

static void doc_init(ast_doc *d)
{
	memset(d, 0, sizeof *d);
	d->ids.nocase = d->note_ids.nocase = true;	/* contract 11.1, 11.4 */
	arena_init(&d->arena);
	diag_list_init(&d->diags, &d->src);
}

/* The images the brief names (its figures, its logo), recorded as read
 * for watch: the checks and the backends read them later. */
static void note_images(const ast_doc *d, files *fs)
{
	if (!fs)
		return;
	buf p = BUF_INIT;
	for (size_t i = 0; i <= d->figures.n; i++) {
		const ast_field *f = i < d->figures.n ?
			ast_float_of(d->figures.v[i]->u.block)->f_src : d->meta.logo;
		if (f && image_path_field(d, f, &p))
			files_note(fs, p.data);
	}
	buf_free(&p);
}

/* Assemble, parse and resolve a loaded source (rc: what loading it
 * returned). */
static int doc_build(ast_doc *d, int rc, files *fs, bool expand)
{
	if (rc != 0)
		return -1;
	assemble_document(d, fs, expand);
	/* A real brief's tree takes about three times its text and its
	 * blocks and fields under one time (docs/performance.md): one chunk
	 * each for it all. */
	arena_reserve(&d->arena, 3 * d->src.len);
	arena_reserve(&d->side, d->src.len);
	parse_document(d);
	resolve_document(d);
	note_images(d, fs);
	return 0;
}

int ast_doc_load(ast_doc *d, const char *path, const char *raw, size_t len)
{
	doc_init(d);
	return doc_build(d, source_init(&d->src, path, raw, len, &d->diags), NULL, true);
}

int ast_doc_load_owned(ast_doc *d, const char *path, char *raw, size_t len)
{
	doc_init(d);
	return doc_build(d, source_init_owned(&d->src, path, raw, len, &d->diags), NULL, true);
}

int ast_doc_load_brief(ast_doc *d, const char *path, char *raw, size_t len,
		       files *fs, bool expand)
{
	doc_init(d);
	return doc_build(d, source_init_owned(&d->src, path, raw, len, &d->diags), fs,
			 expand);
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
			   &d->tables, &d->figures, &d->maps, &d->boxes, &d->footnotes,
			   &d->notes, &d->fnrefs, &d->note_duplicates,
			   &d->blocks, &d->duplicates, &d->refs, &d->links,
			   &d->defining, &d->excused, &d->meant};
	for (size_t i = 0; i < sizeof docv / sizeof docv[0]; i++)
		ast_vec_free(docv[i]);
	if (d->acr_uses) {
		acronym_uses_free(d->acr_uses);
		free(d->acr_uses);
	}
	htab_free(&d->ids);
	htab_free(&d->note_ids);
	free(d->url_fields);
	free(d->comments.v);
	free(d->includes.v);
	free(d->libraries);
	diag_list_free(&d->diags);
	source_free(&d->src);
	arena_free(&d->arena);
	arena_free(&d->side);
	free(d->pending);
}
