/*
 * test_source.c - loading: BOM, CRLF, bad bytes, line:col in code points.
 */
#include "unit.h"

#include <stdlib.h>

static void locate(const ast_doc *d, uint32_t off, unsigned *line, unsigned *col)
{
	source_locate(&d->src, off, line, col);
}

static void test_bom_is_dropped(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "\xEF\xBB\xBFhello\n");
	assert_int_equal(d.src.len, 6);
	assert_memory_equal(d.src.text, "hello\n", 6);
	assert_int_equal(unit_count(&d, DC_BAD_ENCODING), 0);
	ast_doc_free(&d);
}

static void test_crlf_folds_to_lf(void **state)
{
	(void)state;
	ast_doc a, b;
	unit_load(&a, "one\r\ntwo\r\n[@x]\r\n");
	unit_load(&b, "one\ntwo\n[@x]\n");
	assert_int_equal(a.src.len, b.src.len);
	assert_string_equal(a.src.text, b.src.text);
	assert_int_equal(a.diags.n, b.diags.n);
	for (size_t i = 0; i < a.diags.n; i++) {
		assert_int_equal(a.diags.items[i].at.start, b.diags.items[i].at.start);
		assert_string_equal(a.diags.items[i].msg, b.diags.items[i].msg);
	}
	ast_doc_free(&a);
	ast_doc_free(&b);
}

static void test_bad_bytes_located(void **state)
{
	(void)state;
	ast_doc d;
	/* line 2: "é" (2 bytes, 1 column) then 0xFF at column 3 */
	UNIT_LOAD_LIT(&d, "ok\n\xC3\xA9x\xFFy\nz\x01\n\x00w\n");
	assert_int_equal(unit_count(&d, DC_BAD_ENCODING), 3);
	unsigned line, col;
	locate(&d, d.diags.items[0].at.start, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 3);
	assert_non_null(strstr(d.diags.items[0].msg, "0xFF"));
	locate(&d, d.diags.items[1].at.start, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 2);
	assert_non_null(strstr(d.diags.items[1].msg, "U+0001"));
	/* the bad byte is replaced one for one: offsets stay honest */
	assert_int_equal(d.src.text[6], '?');
	ast_doc_free(&d);
}

static void test_overlong_and_surrogates_rejected(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "a\xC0\xAF\n\xED\xA0\x80\n\xF4\x90\x80\x80\n");
	assert_true(unit_count(&d, DC_BAD_ENCODING) == 3);
	ast_doc_free(&d);
}

static void test_lone_cr_is_bad(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "a\rb\n");
	assert_int_equal(unit_count(&d, DC_BAD_ENCODING), 1);
	ast_doc_free(&d);
}

static void test_columns_count_code_points(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "\xE2\x80\x94\xE2\x80\x94x\n");
	unsigned line, col;
	locate(&d, 6, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 3);
	ast_doc_free(&d);
}

static void test_empty_file(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "");
	assert_int_equal(d.src.len, 0);
	assert_non_null(d.root);
	assert_null(d.root->first);
	ast_doc_free(&d);
}

/*
 * A document loaded from a buffer it takes over is normalised in place:
 * the same text, lines and diagnostics as a copy.  Dropped CRs move the
 * text left under bytes not yet read; a bad byte per line still counts.
 */
static void test_in_place_load_is_the_same(void **state)
{
	(void)state;
	static const char in[] = "\xEF\xBB\xBF\x07---\r\ntitle\x12: A\r\n"
				 "d\x12" "e\x12\r\nok \xC3\xA9\r\nz\xFF\r\n";
	ast_doc a, b;
	char *raw = malloc(sizeof in - 1);
	assert_non_null(raw);
	memcpy(raw, in, sizeof in - 1);
	unit_loadn(&a, in, sizeof in - 1);
	assert_int_equal(ast_doc_load_owned(&b, "t.brief", raw, sizeof in - 1), 0);
	assert_int_equal(b.src.len, a.src.len);
	assert_memory_equal(b.src.text, a.src.text, a.src.len + 1);
	assert_int_equal(b.src.nlines, a.src.nlines);
	assert_int_equal(unit_count(&a, DC_BAD_ENCODING), 4);
	assert_int_equal(b.diags.n, a.diags.n);
	for (size_t i = 0; i < a.diags.n; i++) {
		assert_int_equal(b.diags.items[i].at.start, a.diags.items[i].at.start);
		assert_string_equal(b.diags.items[i].msg, a.diags.items[i].msg);
	}
	unsigned line, col;
	source_locate(&b.src, b.diags.items[3].at.start, &line, &col);
	assert_int_equal(line, 5);
	assert_int_equal(col, 2);
	ast_doc_free(&a);
	ast_doc_free(&b);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_is_dropped),
		cmocka_unit_test(test_crlf_folds_to_lf),
		cmocka_unit_test(test_bad_bytes_located),
		cmocka_unit_test(test_overlong_and_surrogates_rejected),
		cmocka_unit_test(test_lone_cr_is_bad),
		cmocka_unit_test(test_columns_count_code_points),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_in_place_load_is_the_same),
			cmocka_unit_test(test_locate_long_line),
		cmocka_unit_test(test_bad_bytes_every_line),
};
	return cmocka_run_group_tests_name("source", tests, NULL, NULL);
}
