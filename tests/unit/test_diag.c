/*
 * test_diag.c - the diagnostic list, suggestions and the text format.
 */
#include "unit.h"

static void test_text_format(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "first line\n\xE2\x80\x94 see [@nope] here\n");
	/* "nope" starts at byte 11 + 10 (the em dash is 3 bytes, 1 column) */
	size_t i = diag_report(&d.diags, DC_UNDEFINED_REFERENCE, span_make(21, 25),
			       "reference to undefined ID '%s'", "nope");
	diag_add_note(&d.diags, i, span_make(0, 5), "did you mean '%s'?", "first");
	buf b = BUF_INIT;
	diag_render_text(&b, &d.diags, &d.diags.items[i], false);
	assert_string_equal(b.data,
		"t.brief:2:9: error: reference to undefined ID 'nope' [undefined-reference]\n"
		" 2 | \xE2\x80\x94 see [@nope] here\n"
		"   |         ^~~~\n"
		"t.brief:1:1: note: did you mean 'first'?\n"
		" 1 | first line\n"
		"   | ^~~~~\n");
	buf_free(&b);
	ast_doc_free(&d);
}

static void test_tabs_keep_caret_aligned(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "\tx y\n");
	size_t i = diag_report(&d.diags, DC_PLACEHOLDER, span_make(3, 4), "m");
	buf b = BUF_INIT;
	diag_render_text(&b, &d.diags, &d.diags.items[i], false);
	assert_non_null(strstr(b.data, "\n   | \t  ^\n"));
	assert_non_null(strstr(b.data, "t.brief:1:4: warning: m [placeholder]"));
	buf_free(&b);
	ast_doc_free(&d);
}

static void test_codes(void **state)
{
	(void)state;
	assert_int_equal(diag_code_lookup("acronym-mismatch"), DC_ACRONYM_MISMATCH);
	assert_int_equal(diag_code_lookup("nope"), -1);
	for (int c = 0; c < DC__COUNT; c++) {
		assert_int_equal(diag_code_lookup(diag_code_name((diag_code)c)), c);
		assert_true(strlen(diag_code_summary((diag_code)c)) > 10);
	}
	assert_int_equal(diag_code_default(DC_SYNTAX), DS_ERROR);
	assert_int_equal(diag_code_default(DC_WORD_LIMIT), DS_WARNING);
}

static void test_suggest(void **state)
{
	(void)state;
	const char *const c[] = {"odni-2024", "mdt1953", "ncg-priority"};
	assert_string_equal(diag_suggest("odni-2042", 9, c, 3), "odni-2024");
	assert_string_equal(diag_suggest("mdt-1953", 8, c, 3), "mdt1953");
	assert_null(diag_suggest("zzz", 3, c, 3));
	assert_int_equal(diag_edit_distance("kitten", 6, "sitting", 7, 5), 3);
	assert_int_equal(diag_edit_distance("abc", 3, "xyzxyz", 6, 2), 3);
	/* a swap of neighbours is one edit */
	assert_int_equal(diag_edit_distance("titel", 5, "title", 5, 3), 1);
	const char *const f[] = {"title", "url", "publisher"};
	assert_string_equal(diag_suggest("titel", 5, f, 3), "title");
	assert_string_equal(diag_suggest("ulr", 3, f, 3), "url");
}

static void test_sort_is_stable_by_position(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "abcdef\n");
	diag_report(&d.diags, DC_SYNTAX, span_make(4, 5), "second");
	diag_report(&d.diags, DC_SYNTAX, span_make(1, 2), "first");
	diag_report(&d.diags, DC_SYNTAX, span_make(4, 5), "third");
	diag_sort(&d.diags);
	assert_string_equal(d.diags.items[0].msg, "first");
	assert_string_equal(d.diags.items[1].msg, "second");
	assert_string_equal(d.diags.items[2].msg, "third");
	assert_int_equal(diag_count(&d.diags, DS_ERROR), 3);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_format),
		cmocka_unit_test(test_tabs_keep_caret_aligned),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_sort_is_stable_by_position),
			cmocka_unit_test(test_excerpt_window),
		cmocka_unit_test(test_diagnostics_capped),
};
	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
