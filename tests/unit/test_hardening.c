/*
 * test_hardening.c - regression tests for what the fuzzer and the
 * pathological suite found: each test pins the behaviour a robustness or
 * performance fix had to keep (the time it fixed is guarded by
 * tests/pathological/).
 */
#include "unit.h"

#include <stdio.h>

#include "check.h"
#include "parse.h"
#include "render.h"

#define FM "---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n"

static ast_node *get(ast_doc *d, const char *id)
{
	return ast_idtab_get(&d->ids, id, strlen(id));
}

/*
 * Emphasis before a link: closing the link resolves emphasis only inside
 * it, and the emphasis outside still pairs up at the end (inline.c used
 * to rescan every earlier delimiter at each link).
 */
static void test_emphasis_around_links(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "\n*a* [b *c*](https://x.org) *d* [e](https://y.org) *f\n");
	ast_node *p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_non_null(p);
	ast_node *n = p->first;
	assert_int_equal(n->type, AST_EMPH);
	unit_assert_str(ast_text(n->first), "a");
	n = n->next->next;
	assert_int_equal(n->type, AST_LINK);
	assert_string_equal(n->u.link->url.p, "https://x.org");
	assert_int_equal(n->last->type, AST_EMPH);
	unit_assert_str(ast_text(n->last->first), "c");
	n = n->next->next;
	assert_int_equal(n->type, AST_EMPH);
	unit_assert_str(ast_text(n->first), "d");
	n = n->next->next;
	assert_int_equal(n->type, AST_LINK);
	/* the unmatched opener stays text */
	assert_int_equal(p->last->type, AST_TEXT);
	unit_assert_str(ast_text(p->last), " *f");
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
	ast_field *f = get(&d, "e")->u.block->f_title;
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

/*
 * Slugs of equal headings take -1, -2, ... in document order and skip
 * IDs already taken, by an explicit ID or by another heading's slug
 * (resolve.c keeps one suffix counter per base slug).
 */
static void test_slug_suffixes(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "# Intro\n# Intro\n# Intro 2\n# Intro\n# Intro\n"
		      "# Other {#intro-4}\n# Intro\n# Intro 2\n");
	static const char *const want[] = {"intro", "intro-1", "intro-2", "intro-3",
					   "intro-5", "intro-4", "intro-6", "intro-2-1"};
	assert_int_equal(d.headings.n, 8);
	for (size_t i = 0; i < 8; i++) {
		assert_string_equal(d.headings.v[i]->u.heading->id.p, want[i]);
		assert_ptr_equal(get(&d, want[i]), d.headings.v[i]);
	}
	ast_doc_free(&d);
}

/* Many IDs: each resolves to its own definition, duplicates are found,
 * whatever the hash seed. */
static void test_many_ids(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	buf_printf(&b, FM "\n::: areas\n");
	for (int i = 0; i < 3000; i++)
		buf_printf(&b, "a%d: Area %d\n", i, i);
	buf_printf(&b, "a17: Again\n:::\n");
	ast_doc d;
	unit_loadn(&d, b.data, b.len);
	assert_int_equal(d.areas.n, 3001);
	char id[16];
	for (int i = 0; i < 3000; i++) {
		snprintf(id, sizeof id, "a%d", i);
		assert_ptr_equal(get(&d, id), d.areas.v[i]);
	}
	assert_null(get(&d, "a3000"));
	assert_int_equal(d.duplicates.n, 1);
	assert_ptr_equal(d.duplicates.v[0], d.areas.v[3000]);
	buf_free(&b);
	ast_doc_free(&d);
}

/* Columns on a long line of mixed one- to four-byte characters agree with
 * counting from the line start, across the checkpoints of source.c. */
static void test_locate_long_line(void **state)
{
	(void)state;
	static const char *const chars[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
	buf b = BUF_INIT;
	buf_printf(&b, "first line\n\n");
	for (int i = 0; i < 3000; i++)
		buf_puts(&b, chars[(i * 7) % 4]);
	buf_printf(&b, "\nlast");
	ast_doc d;
	unit_loadn(&d, b.data, b.len);
	const source *s = &d.src;
	unsigned line, col, want = 1;
	for (uint32_t off = 12; off <= s->len - 6; off++) {
		source_locate(s, off, &line, &col);
		assert_int_equal(line, 3);
		assert_int_equal(col, want);
		if (off < s->len && ((unsigned char)s->text[off] & 0xC0) != 0x80)
			want++;
	}
	uint32_t ls, le;
	source_line(s, 3, &ls, &le);
	assert_int_equal(ls, 12);
	assert_int_equal(s->text[le], '\n');
	source_line(s, 4, &ls, &le);
	assert_int_equal(le, s->len);
	assert_string_equal(s->text + ls, "last");
	source_locate(s, (uint32_t)s->len, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 5);
	buf_free(&b);
	ast_doc_free(&d);
}

/*
 * A diagnostic on a very long line shows a window of it, not the whole
 * line: the caret still sits under the right character.
 */
static void test_excerpt_window(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	buf_printf(&b, FM "\n");
	for (int i = 0; i < 2000; i++)
		buf_putc(&b, (char)('a' + i % 26));
	buf_printf(&b, " [@ ");
	for (int i = 0; i < 2000; i++)
		buf_putc(&b, 'z');
	buf_putc(&b, '\n');
	ast_doc d;
	unit_loadn(&d, b.data, b.len);
	assert_int_equal(unit_count_msg(&d, "malformed reference"), 1);
	const diag *g = NULL;
	for (size_t i = 0; i < d.diags.n; i++)
		if (strstr(d.diags.items[i].msg, "malformed reference"))
			g = &d.diags.items[i];
	buf out = BUF_INIT;
	diag_render_text(&out, &d.diags, g, false);
	assert_true(out.len < 3 * DIAG_EXCERPT_MAX);
	/* line 2: the source window, then the caret line */
	char *src = strchr(out.data, '\n') + 1;
	char *caret = strchr(src, '\n') + 1;
	assert_memory_equal(strstr(src, " | "), " | ...", 6);
	assert_memory_equal(caret - 4, "...\n", 4);
	assert_non_null(strstr(src, "[@ zz"));
	char *at = strstr(src, "[@");
	char *mark = strchr(caret, '^');
	assert_int_equal(at - src, mark - caret);
	assert_true(strstr(caret, "~") == NULL || strlen(mark) < DIAG_EXCERPT_MAX);
	buf_free(&out);
	buf_free(&b);
	ast_doc_free(&d);
}

/*
 * Code spans delimited by long backtick runs: a run of 40 with no closer
 * must not hide the closer of a later run of 33 (inline.c once shared one
 * "no closer" mark among all runs of 32 or more).
 */
static void test_long_backtick_runs(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	buf_printf(&b, FM "\n");
	for (int i = 0; i < 40; i++)
		buf_putc(&b, '`');
	buf_puts(&b, " a ");
	for (int k = 0; k < 2; k++) {
		for (int i = 0; i < 33; i++)
			buf_putc(&b, '`');
		buf_puts(&b, k ? "\n" : "code");
	}
	ast_doc d;
	unit_loadn(&d, b.data, b.len);
	ast_node *code = unit_find(d.root, AST_CODE, 0);
	assert_non_null(code);
	unit_assert_str(ast_text(code), "code");
	assert_int_equal(code->at.end - code->at.start, 33 + 4 + 33);
	ast_node *t = unit_find(d.root, AST_TEXT, 0);
	assert_int_equal(t->tlen, 40 + 3);
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

/* Deepest inline nesting below node n, emphasis, strong and links. */
static int inline_depth(const ast_node *root)
{
	int depth = 0, max = 0;
	for (ast_iter it = ast_iter_start(root); ast_iter_next(&it);) {
		ast_type t = it.node->type;
		if (t != AST_EMPH && t != AST_STRONG && t != AST_LINK)
			continue;
		depth += it.entering ? 1 : -1;
		if (depth > max)
			max = depth;
	}
	return max;
}

/*
 * No links inside links: a link deactivates the open brackets below it,
 * and a second link stops at those the first one deactivated (inline.c
 * once walked every open bracket at every link).
 */
static void test_links_deactivate_brackets(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "\n[x [a](https://a.org) [b](https://b.org)](https://w.org) [c](https://c.org)\n");
	ast_node *p = unit_find(d.root, AST_PARAGRAPH, 0);
	static const char *const want[] = {"https://a.org", "https://b.org", "https://c.org"};
	for (int k = 0; k < 3; k++) {
		ast_node *l = unit_find(p, AST_LINK, k);
		assert_non_null(l);
		assert_string_equal(l->u.link->url.p, want[k]);
	}
	assert_null(unit_find(p, AST_LINK, 3));
	buf t = BUF_INIT;
	ast_plain_text(p, &t);
	assert_string_equal(t.data, "[x a b](https://w.org) c");
	buf_free(&t);
	ast_doc_free(&d);
}

/* A link whose URL nests k parentheses: a link up to 32 (limits.md). */
static bool url_parens_link(int k)
{
	buf b = BUF_INIT;
	buf_puts(&b, FM "\n[a](https://x.org/");
	for (int i = 0; i < k; i++)
		buf_putc(&b, '(');
	for (int i = 0; i < k; i++)
		buf_putc(&b, ')');
	buf_puts(&b, ")\n");
	ast_doc d;
	unit_loadn(&d, b.data, b.len);
	bool link = unit_find(d.root, AST_LINK, 0) != NULL;
	ast_doc_free(&d);
	buf_free(&b);
	return link;
}

static void test_url_paren_limit(void **state)
{
	(void)state;
	assert_true(url_parens_link(1));
	assert_true(url_parens_link(32));
	assert_false(url_parens_link(33));
}

/* A paragraph of k stars, inner, k stars. */
static void load_nested(ast_doc *d, int k, const char *inner)
{
	buf b = BUF_INIT;
	buf_printf(&b, FM "\n");
	for (int i = 0; i < k; i++)
		buf_putc(&b, '*');
	buf_puts(&b, inner);
	for (int i = 0; i < k; i++)
		buf_putc(&b, '*');
	buf_putc(&b, '\n');
	unit_loadn(d, b.data, b.len);
	buf_free(&b);
}

/*
 * Nesting up to INLINE_MAX_DEPTH is kept; one level more is text, with
 * one syntax error, and no character of the text is lost.
 */
static void test_nesting_limit(void **state)
{
	(void)state;
	ast_doc d;
	load_nested(&d, 2 * INLINE_MAX_DEPTH, "a");
	ast_node *p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_int_equal(inline_depth(p), INLINE_MAX_DEPTH);
	assert_int_equal(unit_count(&d, DC_SYNTAX), 0);
	ast_doc_free(&d);

	load_nested(&d, 2 * INLINE_MAX_DEPTH + 2, "a");
	p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_int_equal(inline_depth(p), INLINE_MAX_DEPTH);
	assert_int_equal(unit_count_msg(&d, "nested more than"), 1);
	buf t = BUF_INIT;
	ast_plain_text(p, &t);
	assert_string_equal(t.data, "**a**");
	buf_free(&t);
	ast_doc_free(&d);

	/* a link one level too deep: its text and URL stay */
	load_nested(&d, 2 * INLINE_MAX_DEPTH, "[x *y*](https://a.example/p)");
	p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_int_equal(inline_depth(p), INLINE_MAX_DEPTH);
	assert_null(unit_find(p, AST_LINK, 0));
	ast_plain_text(p, &t);
	assert_string_equal(t.data, "[x *y*](https://a.example/p)");
	buf_free(&t);
	ast_doc_free(&d);

	/* 100,000 levels: bounded depth, one diagnostic */
	load_nested(&d, 200000, "a");
	p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_int_equal(inline_depth(p), INLINE_MAX_DEPTH);
	assert_int_equal(unit_count_msg(&d, "nested more than"), 1);
	ast_doc_free(&d);
}

/*
 * Backends render documents with errors without crashing (briefc writes
 * nothing for them, but the renderer must not fall over): a heading with
 * an empty explicit ID in the table of contents had no link target and
 * render_md passed NULL to strlen (found by the fuzzer).
 */
static void test_render_heading_without_id(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "# One\n\n# {#}\n\n# Three\n\n::: evidence e\ntitle: T\n:::\n");
	assert_true(unit_count(&d, DC_SYNTAX) + unit_count(&d, DC_BAD_VALUE) > 0);
	render_options o = {false};
	int (*const fns[])(const ast_doc *, const render_options *, buf *) = {
		render_md, render_html, render_latex,
	};
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		buf out = BUF_INIT;
		fns[i](&d, &o, &out);
		assert_non_null(out.data);
		assert_non_null(strstr(out.data, "Three"));
		buf_free(&out);
	}
	ast_doc_free(&d);
}

/*
 * A list keeps DIAG_MAX_KEPT diagnostics and counts the rest, but keeps
 * the first error past the cap when none is kept, so that a file of
 * warnings and one late error still fails.  Notes on a dropped one are
 * ignored.
 */
static void test_diagnostics_capped(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM);
	size_t base = d.diags.n;
	assert_false(d.diags.kept_error);
	for (size_t i = base; i < DIAG_MAX_KEPT + 10; i++)
		diag_report(&d.diags, DC_PLACEHOLDER, span_make(0, 1), "w %zu", i);
	assert_int_equal(d.diags.n, DIAG_MAX_KEPT);
	assert_int_equal(d.diags.dropped, 10);
	size_t k = diag_report(&d.diags, DC_SYNTAX, span_make(0, 1), "the first error");
	assert_int_equal(k, DIAG_MAX_KEPT);
	assert_int_equal(d.diags.n, DIAG_MAX_KEPT + 1);
	diag_add_note(&d.diags, k, span_make(0, 1), "a note");
	k = diag_report(&d.diags, DC_SYNTAX, span_make(0, 1), "a second error");
	assert_int_equal(k, DIAG_DROPPED);
	diag_add_note(&d.diags, k, span_make(0, 1), "dropped with it");
	diag_add_help(&d.diags, k, "and this");
	assert_int_equal(d.diags.n, DIAG_MAX_KEPT + 1);
	assert_int_equal(d.diags.dropped, 11);
	assert_int_equal(diag_count(&d.diags, DS_ERROR), 1);
	assert_string_equal(d.diags.items[DIAG_MAX_KEPT].notes->msg, "a note");
	ast_doc_free(&d);
}

/*
 * Bad bytes: one diagnostic per line, naming the line's first bad byte,
 * however many lines have one (the loader once kept the values of the
 * first 256 only, and named the 256th after the last).
 */
static void test_bad_bytes_every_line(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	for (int i = 0; i < 300; i++) {
		buf_puts(&b, "ok ");
		buf_putc(&b, (char)(i == 255 ? 0x01 : i < 255 ? 0xFF : 0xFE));
		buf_puts(&b, "\xC0 more\r\n");
	}
	ast_doc d;
	unit_loadn(&d, b.data, b.len);
	assert_int_equal(unit_count(&d, DC_BAD_ENCODING), 300);
	for (size_t k = 0; k < d.diags.n; k++) {
		const diag *g = &d.diags.items[k];
		if (g->code != DC_BAD_ENCODING)
			continue;
		unsigned line, col;
		source_locate(&d.src, g->at.start, &line, &col);
		assert_int_equal(col, 4);
		const char *want = line == 256 ? "control character U+0001 in input" :
			line < 256 ? "invalid UTF-8: byte 0xFF" : "invalid UTF-8: byte 0xFE";
		assert_string_equal(g->msg, want);
	}
	buf_free(&b);
	ast_doc_free(&d);
}

/*
 * Every message quotes at most 60 bytes of the input: an ID, a field name
 * or value, a word in capitals, a URL or a block kind thousands of bytes
 * long is cut, with "...", in the message and in its notes.
 */
static void test_messages_stay_short(void **state)
{
	(void)state;
	char big[4001], caps[4001];
	memset(big, 'x', 4000);
	big[4000] = '\0';
	memset(caps, 'Q', 4000);
	caps[4000] = '\0';
	buf b = BUF_INIT;
	buf_printf(&b, FM "\n%s and %s again.\n\n", caps, caps);
	buf_printf(&b, "See [@%sy] and [site](www.%s.org).\n\n", big, big);
	buf_printf(&b, "::: evidence %s\ntitle: T\n%s: v\ndate: %s\n:::\n",
		   big, big, big);
	buf_printf(&b, "::: evidence %s\ntitle: T\n:::\n", big);
	buf_printf(&b, "::: %s\n:::\n", big);
	caps[0] = 'R';		/* declared, never used; "QQ..." undeclared */
	buf_printf(&b, "::: acronyms\n%s: Quite Unused\n:::\n", caps);
	buf_printf(&b, "::: areas\n%s: \n:::\n", big);
	ast_doc d;
	unit_load(&d, b.data);
	check_run_all(&d);
	assert_true(d.diags.n >= 10);
	size_t cut = 0;
	for (size_t i = 0; i < d.diags.n; i++) {
		const diag *g = &d.diags.items[i];
		assert_true(strlen(g->msg) < 240);
		cut += strstr(g->msg, "...") != NULL;
		for (const diag_note *n = g->notes; n; n = n->next)
			assert_true(strlen(n->msg) < 240);
	}
	assert_true(cut >= 9);
	buf_free(&b);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emphasis_around_links),
		cmocka_unit_test(test_field_many_continuations),
		cmocka_unit_test(test_entry_continuations),
		cmocka_unit_test(test_slug_suffixes),
		cmocka_unit_test(test_many_ids),
		cmocka_unit_test(test_locate_long_line),
		cmocka_unit_test(test_excerpt_window),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_links_deactivate_brackets),
		cmocka_unit_test(test_url_paren_limit),
		cmocka_unit_test(test_end_of_file),
		cmocka_unit_test(test_long_backtick_runs),
		cmocka_unit_test(test_render_heading_without_id),
		cmocka_unit_test(test_diagnostics_capped),
		cmocka_unit_test(test_bad_bytes_every_line),
		cmocka_unit_test(test_messages_stay_short),
	};
	return cmocka_run_group_tests_name("hardening", tests, NULL, NULL);
}
