/*
 * test_assemble.c - a brief of several files: the text spliced, each
 * offset taken back to its file, the overlay read before the disk, the
 * record of what was read, and include lines left alone for fmt.
 */
#include "unit.h"

#include <stdlib.h>

#include "files.h"

#define FM "---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n"

/* Files that exist only in the editor: chapter.brief, lib.brief. */
static bool lookup(void *ctx, const char *path, const char **text, size_t *len)
{
	(void)ctx;
	static const char chapter[] = "# Chapter\n\nIn the chapter [@e].\n";
	static const char lib[] = "::: evidence e\ntitle: From the library\n:::\n"
				  "::: evidence unused\ntitle: Unused\ndate: 2024-99\n:::\n";
	if (strcmp(path, "chapter.brief") == 0) {
		*text = chapter;
		*len = sizeof chapter - 1;
		return true;
	}
	if (strcmp(path, "lib.brief") == 0) {
		*text = lib;
		*len = sizeof lib - 1;
		return true;
	}
	return false;
}

static void load(ast_doc *d, files *fs, const char *text, bool expand)
{
	size_t n = strlen(text);
	char *raw = malloc(n + SOURCE_PAD);
	assert_non_null(raw);
	memcpy(raw, text, n);
	assert_int_equal(ast_doc_load_brief(d, "brief.brief", raw, n, fs, expand), 0);
}

/* A brief that includes chapter.brief and names lib.brief, both read
 * through the overlay. */
static void load_with_chapter(ast_doc *d, files *fs, files_overlay *ov)
{
	fs->overlay = ov;
	load(d, fs, "---\ntitle: T\nauthors: A\ndate: 2024-01-01\nlibrary: lib.brief\n---\n"
	     "\n::: include chapter.brief\nAfter [@nowhere].\n", true);
}

static void test_overlay_and_map(void **state)
{
	(void)state;
	files_overlay ov = {lookup, NULL};
	files fs = FILES_INIT;
	ast_doc d;
	load_with_chapter(&d, &fs, &ov);
	/* read through the overlay, recorded in order (the brief itself was
	 * read by the caller) */
	assert_int_equal(fs.n, 2);
	assert_string_equal(fs.v[0].path, "chapter.brief");
	assert_true(fs.v[0].overlaid);
	assert_string_equal(fs.v[1].path, "lib.brief");
	assert_int_equal(d.src.nfiles, 3);
	assert_int_equal(d.nlibraries, 1);
	/* the chapter's heading is in the tree, located in the chapter */
	ast_node *h = unit_find(d.root, AST_HEADING, 0);
	assert_non_null(h);
	uint32_t local;
	const source *f = source_file_at(&d.src, h->at.start, &local);
	assert_string_equal(f->path, "chapter.brief");
	assert_int_equal(local, 0);
	unsigned line, col;
	/* the reference after the include is on the brief's line 9 */
	ast_node *last = d.refs.v[d.refs.n - 1];
	f = source_file_at(&d.src, last->at.start, &local);
	assert_string_equal(f->path, "brief.brief");
	source_locate(f, local, &line, &col);
	assert_int_equal(line, 9);
	assert_int_equal(col, 7);
	/* the library's evidence is cited, so numbered; it is not in the body */
	ast_node *e = ast_idtab_get(&d.ids, "e", 1);
	assert_true(ast_in_library(&d, e));
	assert_int_equal(e->u.block->number, 1);
	assert_ptr_equal(e->parent, d.library);
	ast_node *u = ast_idtab_get(&d.ids, "unused", 6);
	assert_int_equal(u->u.block->number, 0);
	assert_int_equal(d.sources.n, 1);
	ast_doc_free(&d);
	files_free(&fs);
}

/* fmt's load: the include line is recognised (read as a comment), nothing
 * is read, the document is one file. */
static void test_no_expansion(void **state)
{
	(void)state;
	files_overlay ov = {lookup, NULL};
	files fs = FILES_INIT;
	fs.overlay = &ov;
	ast_doc d;
	load(&d, &fs, FM "\nText\n::: include chapter.brief\nmore text.\n", false);
	assert_int_equal(fs.n, 0);
	assert_int_equal(d.src.nfiles, 1);
	assert_int_equal(d.includes.n, 1);
	assert_int_equal(unit_count(&d, DC_SYNTAX), 0);
	/* the include line ends nothing: one paragraph */
	assert_non_null(unit_find(d.root, AST_PARAGRAPH, 0));
	assert_null(unit_find(d.root, AST_PARAGRAPH, 1));
	ast_doc_free(&d);
	files_free(&fs);
}

/* A brief of one file is left as it was: no file table, no copy. */
static void test_one_file(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "\nText with ::: include in it.\n:::include-like line\n");
	assert_int_equal(d.src.nfiles, 0);
	assert_false(d.assembled);
	uint32_t local;
	assert_ptr_equal(source_file_at(&d.src, 10, &local), &d.src);
	assert_int_equal(local, 10);
	ast_doc_free(&d);
}

/* A CSL-JSON library: blocks located at their items. */
static bool csl_lookup(void *ctx, const char *path, const char **text, size_t *len)
{
	(void)ctx;
	static const char j[] = "[\n  {\"id\": \"a\", \"title\": \"A\"},\n  {\"id\": \"b\", \"title\": \"B\"}\n]\n";
	if (strcmp(path, "lib.json") != 0)
		return false;
	*text = j;
	*len = sizeof j - 1;
	return true;
}

static void test_csl_locations(void **state)
{
	(void)state;
	files_overlay ov = {csl_lookup, NULL};
	files fs = FILES_INIT;
	fs.overlay = &ov;
	ast_doc d;
	load(&d, &fs, "---\ntitle: T\nauthors: A\ndate: 2024-01-01\nlibrary: lib.json\n---\n\n[@b]\n",
	     true);
	ast_node *b = ast_idtab_get(&d.ids, "b", 1);
	assert_non_null(b);
	uint32_t local;
	const source *f = source_file_at(&d.src, b->at.start, &local);
	assert_string_equal(f->path, "lib.json");
	unsigned line, col;
	source_locate(f, local, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 10);	/* the id's value */
	ast_doc_free(&d);
	files_free(&fs);
}

/* The way back: an offset of a file is where that file's text is in the
 * document, for every offset spliced; a CSL-JSON file has none. */
static void test_offset_in(void **state)
{
	(void)state;
	files_overlay ov = {lookup, NULL};
	files fs = FILES_INIT;
	ast_doc d;
	load_with_chapter(&d, &fs, &ov);
	for (unsigned k = 0; k < d.src.nfiles; k++) {
		const source *f = &d.src.files[k];
		for (uint32_t local = 0; local < f->len; local++) {
			uint32_t off, back;
			assert_true(source_offset_in(&d.src, k, local, &off));
			assert_ptr_equal(source_file_at(&d.src, off, &back), f);
			assert_int_equal(back, local);
		}
		/* its end: right after its last byte, wherever that is */
		uint32_t off, back;
		assert_true(source_offset_in(&d.src, k, (uint32_t)f->len, &off));
		assert_ptr_equal(source_file_at(&d.src, off - 1, &back), f);
		assert_int_equal(back, f->len - 1);
	}
	uint32_t off;
	assert_false(source_offset_in(&d.src, 7, 0, &off));
	ast_doc_free(&d);
	files_free(&fs);
	/* a document of one file is its own */
	unit_load(&d, FM "\nText.\n");
	assert_true(source_offset_in(&d.src, 0, 5, &off));
	assert_int_equal(off, 5);
	assert_false(source_offset_in(&d.src, 1, 5, &off));
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overlay_and_map),
		cmocka_unit_test(test_no_expansion),
		cmocka_unit_test(test_one_file),
		cmocka_unit_test(test_csl_locations),
		cmocka_unit_test(test_offset_in),
	};
	return cmocka_run_group_tests_name("assemble", tests, NULL, NULL);
}
