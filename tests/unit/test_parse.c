/*
 * test_parse.c - the scanner, the grammar and the tree builder.
 */
#include "unit.h"


static void test_front_matter(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "---\ntitle: A *bold* title\nauthors: Ann Lee; Bo Ek\n"
		      "date: 2024-02-01\nstatus: final\nlimit-words: 900\n---\n\nText.\n");
	assert_true(d.meta.present);
	assert_string_equal(d.meta.title->value.p, "A *bold* title");
	assert_non_null(unit_find(d.meta.title->inl, AST_EMPH, 0));
	assert_int_equal(d.meta.nauthors, 2);
	assert_string_equal(d.meta.author_names[1].p, "Bo Ek");
	assert_true(d.meta.final);
	assert_int_equal(d.meta.limit, 900);
	assert_int_equal(unit_count(&d, DC_SYNTAX), 0);
	ast_doc_free(&d);
}

static void test_blocks_fields_and_continuations(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "\n::: finding f1\nclaim: The first line\n  and the second.\n"
		      "evidence: e1, e2\nconfidence: high\n\nBody *prose*.\n:::\n"
		      "\n::: evidence e1\ntitle: One\n:::\n::: evidence e2\ntitle: Two\n:::\n");
	ast_node *f = unit_find(d.root, AST_BLOCK, 0);
	assert_int_equal(f->u.block->kind, BK_FINDING);
	assert_string_equal(f->u.block->id.p, "f1");
	assert_string_equal(f->u.block->f_claim->value.p, "The first line and the second.");
	assert_string_equal(unit_text(&d, f->u.block->f_claim->value_at),
			    "The first line\n  and the second.");
	assert_int_equal(f->u.block->evidence.n, 2);
	assert_string_equal(unit_text(&d, f->u.block->evidence.v[1].at), "e2");
	assert_int_equal(f->u.block->confidence, LV_HIGH);
	ast_node *p = unit_find(f, AST_PARAGRAPH, 0);
	assert_non_null(p);
	assert_ptr_equal(p->parent, f);
	assert_int_equal(unit_count(&d, DC_SYNTAX), 0);
	ast_doc_free(&d);
}

static void test_entries(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "::: acronyms\nUS: United States\n\nROK: Republic\n  of Korea\n:::\n"
		      "::: areas\nsecurity: Security\n:::\n");
	assert_int_equal(d.acronyms.n, 2);
	assert_string_equal(d.acronyms.v[1]->u.entry->key.p, "ROK");
	assert_string_equal(d.acronyms.v[1]->u.entry->value.p, "Republic of Korea");
	assert_int_equal(d.areas.n, 1);
	assert_ptr_equal(ast_idtab_get(&d.ids, "security", 8), d.areas.v[0]);
	ast_doc_free(&d);
}

static void test_headings(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "# Executive Summary\n## Two {#two}\n### Three\n#### Four\n");
	assert_int_equal(d.headings.n, 4);
	assert_string_equal(d.headings.v[0]->u.heading->id.p, "executive-summary");
	assert_string_equal(d.headings.v[1]->u.heading->id.p, "two");
	assert_true(d.headings.v[1]->u.heading->explicit_id);
	assert_int_equal(d.headings.v[2]->u.heading->level, 3);
	assert_int_equal(unit_count_msg(&d, "too deep"), 1);
	ast_doc_free(&d);
}

static void test_paragraphs_lists_quotes(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "One\ntwo.\n\nThree.\n- a\n- b\n  lazy\n\n- c\n3. x\n4. y\n\n> q1\n> q2\n>\n> q3\n");
	ast_node *p0 = unit_find(d.root, AST_PARAGRAPH, 0);
	/* the two lines, one text node: its newline is the soft break */
	unit_assert_str(ast_text(p0->first), "One\ntwo.");
	assert_null(p0->first->next);
	ast_node *l0 = unit_find(d.root, AST_LIST, 0);
	assert_false(l0->u.list->ordered);
	int items = 0;
	for (ast_node *i = l0->first; i; i = i->next)
		items++;
	assert_int_equal(items, 3);
	ast_node *l1 = unit_find(d.root, AST_LIST, 1);
	assert_true(l1->u.list->ordered);
	assert_int_equal(l1->u.list->start, 3);
	ast_node *q = unit_find(d.root, AST_QUOTE, 0);
	assert_non_null(unit_find(q, AST_PARAGRAPH, 1));
	assert_null(unit_find(q, AST_PARAGRAPH, 2));
	ast_doc_free(&d);
}

static void test_comments(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "::: finding f\n<!-- TODO: more -->\nclaim: C<!-- x -->D\n:::\n"
		      "<!-- a\n# not a heading\n-->\nText\n");
	ast_node *f = unit_find(d.root, AST_BLOCK, 0);
	assert_non_null(f->u.block->f_claim);
	ast_node *t = unit_find(f->u.block->f_claim->inl, AST_TEXT, 0);
	unit_assert_str(ast_text(t), "CD");
	assert_int_equal(d.headings.n, 0);
	assert_int_equal(unit_count(&d, DC_SYNTAX), 0);
	ast_doc_free(&d);

	unit_load(&d, FM "Text <!-- never closed\n");
	assert_int_equal(unit_count_msg(&d, "comment '<!--' is never closed"), 1);
	ast_doc_free(&d);
}

static void test_unclosed_block_names_opener(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "\n::: finding dprk\nclaim: C\n\nProse.\n");
	assert_int_equal(unit_count_msg(&d, "block 'finding dprk' opened at 7:1 is never closed"), 1);
	diag *g = &d.diags.items[0];
	assert_non_null(g->notes);
	assert_string_equal(unit_text(&d, g->notes->at), "::: finding dprk");
	ast_doc_free(&d);
}

static void test_many_syntax_errors_one_run(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM ":::\n::: finding a\nclaim: x\n# Inside\n::: finding b\nclaim: y\n"
		      "::: evidence c\ntitle: t\n:::\n::: nonsense\n:::\n::: finding\nclaim: z\n:::\n"
		      "::: sources x\n:::\n::: acronyms\nnot an entry\n:::\n");
	assert_int_equal(unit_count_msg(&d, "closes no block"), 1);
	assert_int_equal(unit_count_msg(&d, "'finding a' opened at 7:1 is never closed"), 1);
	assert_int_equal(unit_count_msg(&d, "'finding b' opened at 10:1 is never closed"), 1);
	assert_int_equal(unit_count_msg(&d, "unknown block kind 'nonsense'"), 1);
	assert_int_equal(unit_count_msg(&d, "needs an ID"), 1);
	assert_int_equal(unit_count_msg(&d, "takes no ID"), 1);
	assert_int_equal(unit_count_msg(&d, "expected 'ABBR: Expansion'"), 1);
	/* the blocks after the errors are still in the tree */
	assert_non_null(ast_idtab_get(&d.ids, "c", 1));
	ast_doc_free(&d);
}

static void test_unclosed_front_matter(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "---\ntitle: T\nnot a field\n\n# Body\n");
	assert_int_equal(unit_count_msg(&d, "expected 'key: value' or '---'"), 1);
	assert_int_equal(unit_count_msg(&d, "front matter opened at 1:1 is never closed"), 1);
	assert_int_equal(d.headings.n, 1);
	ast_doc_free(&d);
}

static void test_suggest_kind(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "::: findng x\n:::\n");
	assert_int_equal(unit_count_msg(&d, "did you mean 'finding'?"), 1);
	ast_doc_free(&d);
}

static void test_two_documents_at_once(void **state)
{
	(void)state;
	ast_doc a, b;
	unit_load(&a, FM "# A {#same}\n[@same]\n");
	unit_load(&b, FM "::: finding same\nclaim: c\n:::\n[@same]\n");
	assert_int_equal(ast_idtab_get(&a.ids, "same", 4)->type, AST_HEADING);
	assert_int_equal(ast_idtab_get(&b.ids, "same", 4)->type, AST_BLOCK);
	ast_doc_free(&a);
	assert_int_equal(b.refs.n, 1);
	ast_doc_free(&b);
}

static void test_spans(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "::: recommendation r\naction: Act\narea: x\naddresses: f\n:::\n");
	ast_node *r = unit_find(d.root, AST_BLOCK, 0);
	assert_string_equal(unit_text(&d, r->at), "::: recommendation r\naction: Act\narea: x\naddresses: f\n:::");
	assert_string_equal(unit_text(&d, r->u.block->kind_at), "recommendation");
	assert_string_equal(unit_text(&d, r->u.block->id_at), "r");
	assert_string_equal(unit_text(&d, r->u.block->area.at), "x");
	ast_doc_free(&d);
}

/* A pipe table: cells, alignments, escaped pipes, outer pipes optional,
 * a # cell that is no heading. */
static void test_table(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "::: table t\ncaption: C\n\n# | A \\| B |  C\n"
		      ":--|:-:|--:| ---\n| x | *y* | [@t] |\n"
		      "| p \\\\| q \\\\\\| r | s |\n:::\n");
	assert_int_equal(unit_count(&d, DC_SYNTAX), 0);
	ast_node *t = unit_find(d.root, AST_BLOCK, 0);
	assert_int_equal(t->u.block->kind, BK_TABLE);
	assert_int_equal(t->u.block->number, 1);
	const ast_float *fl = ast_float_of(t->u.block);
	assert_int_equal(fl->ndelim, 4);
	assert_int_equal(fl->align[0], AL_LEFT);
	assert_int_equal(fl->align[1], AL_CENTER);
	assert_int_equal(fl->align[2], AL_RIGHT);
	assert_int_equal(fl->align[3], AL_NONE);
	ast_node *h = unit_find(t, AST_ROW, 0);
	assert_true(ast_row_is_header(h));
	ast_node *c1 = unit_find(h, AST_CELL, 1);
	assert_int_equal(ast_cell_column(c1), 1);
	unit_assert_str(ast_text(c1->first), "A | B");
	assert_string_equal(unit_text(&d, unit_find(h, AST_CELL, 2)->at), "C");
	ast_node *r = unit_find(t, AST_ROW, 1);
	assert_false(ast_row_is_header(r));
	assert_non_null(unit_find(r, AST_EMPH, 0));
	assert_ptr_equal(unit_find(r, AST_REF, 0)->u.ref->ids.v[0].target, t);
	/* an even run of backslashes escapes itself, not the pipe after it */
	r = unit_find(t, AST_ROW, 2);
	assert_string_equal(unit_text(&d, unit_find(r, AST_CELL, 0)->at), "p \\\\");
	assert_string_equal(unit_text(&d, unit_find(r, AST_CELL, 1)->at), "q \\\\\\| r");
	assert_string_equal(unit_text(&d, unit_find(r, AST_CELL, 2)->at), "s");
	ast_doc_free(&d);
}

/* Notes: a definition gathers its lines and its indented paragraphs;
 * uses number the notes in order of first use. */
static void test_notes(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "A[^b] and B[^a], A again[^b].\n\n[^a]: One\nline.\n\n"
		      "  Second.\n\nAfter.\n[^b]: Two.\n");
	assert_int_equal(unit_count(&d, DC_SYNTAX), 0);
	assert_int_equal(d.footnotes.n, 2);
	ast_node *a = d.footnotes.v[0];
	assert_string_equal(a->u.note->label.p, "a");
	assert_string_equal(unit_text(&d, a->u.note->label_at), "a");
	assert_int_equal(a->u.note->number, 2);
	assert_int_equal(a->u.note->uses, 1);
	assert_non_null(unit_find(a, AST_PARAGRAPH, 1));
	unit_assert_str(ast_text(unit_find(a, AST_PARAGRAPH, 0)->first), "One\nline.");
	/* "After." is not the note's */
	assert_ptr_equal(unit_find(d.root, AST_PARAGRAPH, 3)->parent, d.root);
	ast_node *b = d.footnotes.v[1];
	assert_int_equal(b->u.note->number, 1);
	assert_int_equal(b->u.note->uses, 2);
	assert_int_equal(d.fnrefs.n, 3);
	assert_ptr_equal(d.fnrefs.v[0]->u.note->def, b);
	assert_ptr_equal(d.notes.v[0], b);
	ast_doc_free(&d);
}

/* Nested lists: 2 to 4 spaces more than the parent's marker, three
 * levels at most; an item indented less goes back up. */
static void test_nested_lists(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "- a\n  - b\n    1. c\n    2. d\n  - e\n\n    More of e.\n- f\n"
		      "\tText of f.\n");
	assert_int_equal(unit_count(&d, DC_SYNTAX), 0);
	ast_node *l1 = unit_find(d.root, AST_LIST, 0);
	assert_ptr_equal(l1->parent, d.root);
	ast_node *a = l1->first;
	ast_node *l2 = unit_find(a, AST_LIST, 0);
	assert_ptr_equal(l2->parent, a);
	ast_node *b = l2->first;
	ast_node *l3 = unit_find(b, AST_LIST, 0);
	assert_true(l3->u.list->ordered);
	assert_ptr_equal(l3->parent, b);
	ast_node *e = b->next;
	assert_non_null(e);
	assert_null(e->next);
	assert_non_null(unit_find(e, AST_PARAGRAPH, 1));	/* "More of e." */
	ast_node *f = a->next;
	assert_non_null(f);
	unit_assert_str(ast_text(ast_last(unit_find(f, AST_PARAGRAPH, 0))), "Text of f.");
	ast_doc_free(&d);

	unit_load(&d, FM "- a\n  - b\n    - c\n      - d\n- e\n         - f\n");
	assert_int_equal(unit_count_msg(&d, "at most 3 levels"), 1);
	assert_int_equal(unit_count_msg(&d, "2 to 4 spaces more"), 1);
	ast_doc_free(&d);
}

/* A field continued over many lines keeps every piece in order, across
 * each growth of its piece array (parse.c doubles it). */
static void test_field_many_continuations(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	buf_printf(&b, FM "\n::: evidence e\ntitle: w0\n");
	for (int i = 1; i < 70; i++)
		buf_printf(&b, "  w%d\n", i);
	buf_printf(&b, ":::\n");
	ast_doc d;
	unit_loadn(&d, b.data, b.len);
	ast_field *f = unit_get(&d, "e")->u.block->f_title;
	assert_non_null(f);
	assert_int_equal(f->nsegs, 70);
	buf want = BUF_INIT;
	for (int i = 0; i < 70; i++) {
		buf_printf(&want, "%sw%d", i ? " " : "", i);
		assert_string_equal(unit_text(&d, f->segs[i]), strrchr(want.data, 'w'));
	}
	assert_string_equal(f->value.p, want.data);
	buf_free(&want);
	buf_free(&b);
	ast_doc_free(&d);
}

/* An acronym or area entry continued over lines: one value joined with
 * spaces; the next entry starts afresh. */
static void test_entry_continuations(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	buf_printf(&b, FM "\n::: acronyms\nNATO: North\n");
	for (int i = 0; i < 40; i++)
		buf_printf(&b, "  x%d\n", i);
	buf_printf(&b, "UN: United\n  Nations\n:::\n");
	ast_doc d;
	unit_loadn(&d, b.data, b.len);
	assert_int_equal(d.acronyms.n, 2);
	buf want = BUF_INIT;
	buf_printf(&want, "North");
	for (int i = 0; i < 40; i++)
		buf_printf(&want, " x%d", i);
	ast_node *a = d.acronyms.v[0];
	assert_string_equal(a->u.entry->value.p, want.data);
	assert_int_equal(a->u.entry->value.len, want.len);
	assert_string_equal(unit_text(&d, span_make(a->u.entry->value_at.end - 3,
						    a->u.entry->value_at.end)), "x39");
	assert_string_equal(d.acronyms.v[1]->u.entry->value.p, "United Nations");
	buf_free(&want);
	buf_free(&b);
	ast_doc_free(&d);
}

/* The "never closed" error of a document, located. */
static void eof_error(const char *text, unsigned *line, unsigned *col)
{
	ast_doc d;
	unit_load(&d, text);
	assert_int_equal(unit_count_msg(&d, "before the end of the file"), 1);
	for (size_t i = 0; i < d.diags.n; i++)
		if (strstr(d.diags.items[i].msg, "before the end of the file"))
			source_locate(&d.src, d.diags.items[i].at.start, line, col);
	ast_doc_free(&d);
}

/*
 * The scanner reads one newline past the source (brief.l, YY_USER_ACTION)
 * and takes it for the end of the file: the end is still where the last
 * line ends, with or without a final newline, in every state.
 */
static void test_end_of_file(void **state)
{
	(void)state;
	unsigned line, col;
	eof_error(FM "::: finding f\nclaim: x", &line, &col);
	assert_int_equal(line, 7);
	assert_int_equal(col, 9);
	eof_error(FM "::: finding f\nclaim: x\n", &line, &col);
	assert_int_equal(line, 7);
	assert_int_equal(col, 9);
	eof_error(FM "::: finding f\nclaim: x\n\nBody", &line, &col);
	assert_int_equal(line, 9);
	assert_int_equal(col, 5);
	eof_error(FM "::: acronyms\nUN: United Nations\n  ", &line, &col);
	assert_int_equal(line, 8);
	assert_int_equal(col, 3);
	eof_error("---\ntitle: T", &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 9);
	eof_error("---\n", &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 4);

	ast_doc d;
	unit_load(&d, "");
	assert_int_equal(d.diags.n, 0);
	assert_null(d.root->first);
	ast_doc_free(&d);
	unit_load(&d, "\n\n");
	assert_null(d.root->first);
	ast_doc_free(&d);
	unit_load(&d, "Last line");
	ast_node *p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_non_null(p);
	assert_int_equal(p->at.end, 9);
	unit_assert_str(ast_text(p->first), "Last line");
	ast_doc_free(&d);
}

/* Fields are kept in the contract's order, whatever the order written, so
 * that layout never changes meaning: sources are numbered by first
 * citation reading a block's fields in that order. */
static void test_fields_in_contract_order(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "---\ndate: 2024-01-01\nx-unknown: 1\nauthors: A\ntitle: T\n---\n"
		      "::: finding f\nconfidence: low\nevidence: b\nbogus: 1\n"
		      "claim: Cites [@a] first\nclaim: again\n:::\n"
		      "::: evidence a\ntitle: A\n:::\n::: evidence b\ntitle: B\n:::\n");
	const char *meta[] = {"title", "authors", "date", "x-unknown"};
	const ast_field *m = d.meta.fields;
	for (size_t i = 0; i < 4; i++, m = m->next)
		assert_string_equal(m->name.p, meta[i]);
	assert_null(m);
	ast_node *f = unit_find(d.root, AST_BLOCK, 0);
	const char *names[] = {"claim", "claim", "evidence", "confidence", "bogus"};
	const ast_field *x = f->u.block->fields;
	for (size_t i = 0; i < 5; i++, x = x->next)
		assert_string_equal(x->name.p, names[i]);
	assert_null(x);
	assert_string_equal(f->u.block->f_claim->value.p, "Cites [@a] first");
	ast_doc_free(&d);
	/* a list of IDs has one spelling, whatever its spacing */
	unit_load(&d, FM "::: finding f\nclaim: C\nevidence: a ,b,\t,c,\n  d\n:::\n");
	f = unit_find(d.root, AST_BLOCK, 0);
	assert_string_equal(f->u.block->fields->next->value.p, "a, b,, c, d");
	assert_int_equal(f->u.block->evidence.n, 5);
	ast_doc_free(&d);
	unit_load(&d, FM "\n::: evidence a\ntitle: A\n:::\n::: evidence b\ntitle: B\n:::\n"
		      "::: finding f\nconfidence: low\nevidence: b\nbogus: 1\n"
		      "claim: Cites [@a] first\nclaim: again\n:::\n");
	/* a: cited in the claim, which comes first: source 1 */
	ast_node *a = ast_idtab_get(&d.ids, "a", 1), *b = ast_idtab_get(&d.ids, "b", 1);
	assert_int_equal(a->u.block->number, 1);
	assert_int_equal(b->u.block->number, 2);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_blocks_fields_and_continuations),
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_paragraphs_lists_quotes),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_unclosed_block_names_opener),
		cmocka_unit_test(test_many_syntax_errors_one_run),
		cmocka_unit_test(test_unclosed_front_matter),
		cmocka_unit_test(test_suggest_kind),
		cmocka_unit_test(test_two_documents_at_once),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_nested_lists),
		cmocka_unit_test(test_field_many_continuations),
		cmocka_unit_test(test_entry_continuations),
		cmocka_unit_test(test_end_of_file),
		cmocka_unit_test(test_fields_in_contract_order),
	};
	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
