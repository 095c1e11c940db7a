/*
 * test_lsp.c - the language server's text positions in UTF-16, UTF-8 and
 * UTF-32, the map to the loader's offsets, and the message reader.
 */
#include "unit.h"

#include <stdlib.h>
#include <unistd.h>

#include "lsp_index.h"
#include "lsp_io.h"
#include "lsp_text.h"

static lsp_pos P(uint32_t line, uint32_t ch)
{
	lsp_pos p = {line, ch};
	return p;
}

/* "a😀b中c" : a(1) 😀(4 bytes, 2 UTF-16 units) b 中(3 bytes) c */
#define EMOJI_LINE "a\xF0\x9F\x98\x80" "b\xE4\xB8\xAD" "c"

static void test_units_after_emoji_and_cjk(void **state)
{
	(void)state;
	lsp_text t;
	lsp_text_init(&t);
	lsp_text_set(&t, "x\n" EMOJI_LINE "\nend", strlen("x\n" EMOJI_LINE "\nend"));
	size_t c_off = 2 + 1 + 4 + 1 + 3;	/* the 'c' */
	lsp_pos p = lsp_text_position(&t, LSP_UTF16, c_off);
	assert_int_equal(p.line, 1);
	assert_int_equal(p.character, 5);	/* a, two halves, b, 中 */
	assert_int_equal(lsp_text_position(&t, LSP_UTF8, c_off).character, 9);
	assert_int_equal(lsp_text_position(&t, LSP_UTF32, c_off).character, 4);
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(1, 5)), c_off);
	assert_int_equal(lsp_text_offset(&t, LSP_UTF8, P(1, 9)), c_off);
	assert_int_equal(lsp_text_offset(&t, LSP_UTF32, P(1, 4)), c_off);
	/* inside the surrogate pair: the emoji's start */
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(1, 2)), 3);
	/* inside a UTF-8 sequence: the character's start */
	assert_int_equal(lsp_text_offset(&t, LSP_UTF8, P(1, 3)), 3);
	/* an offset inside a character counts as its start */
	assert_int_equal(lsp_text_position(&t, LSP_UTF16, 5).character, 1);
	/* past the end of a line: its end; past the last line: the end */
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(0, 99)), 1);
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(7, 0)), t.len);
	lsp_text_free(&t);
}

static void test_line_breaks(void **state)
{
	(void)state;
	lsp_text t;
	lsp_text_init(&t);
	const char *s = "a\r\nb\rc\nd";
	lsp_text_set(&t, s, strlen(s));
	assert_int_equal(t.nlines, 4);
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(1, 0)), 3);
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(2, 0)), 5);
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(3, 0)), 7);
	/* the end of line 0 is before its CR */
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(0, 5)), 1);
	/* an offset at the LF of a CRLF is the end of its line */
	lsp_pos p = lsp_text_position(&t, LSP_UTF16, 2);
	assert_int_equal(p.line, 0);
	assert_int_equal(p.character, 1);
	/* an edit that joins a CR to an LF makes one break of two */
	lsp_text_replace(&t, 4, 5, "\r", 1);
	lsp_text_replace(&t, 5, 5, "\n", 1);	/* "a\r\nb\r\nc\nd" */
	assert_int_equal(t.len, 9);
	assert_int_equal(t.nlines, 4);
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(2, 0)), 6);
	lsp_text_free(&t);
}

static void test_incremental_edits(void **state)
{
	(void)state;
	lsp_text t;
	lsp_text_init(&t);
	lsp_text_set(&t, "one\ntwo\nthree\n", 14);
	size_t a = lsp_text_offset(&t, LSP_UTF16, P(1, 1)), b = lsp_text_offset(&t, LSP_UTF16, P(2, 2));
	lsp_text_replace(&t, a, b, EMOJI_LINE "\nX", strlen(EMOJI_LINE "\nX"));
	assert_string_equal(t.p, "one\nt" EMOJI_LINE "\nXree\n");
	assert_int_equal(t.nlines, 4);
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(2, 1)), strlen("one\nt" EMOJI_LINE "\nX"));
	lsp_text_replace(&t, 0, t.len, "", 0);
	assert_int_equal(t.nlines, 1);
	assert_int_equal(lsp_text_offset(&t, LSP_UTF16, P(3, 3)), 0);
	lsp_text_free(&t);
}

static void test_cursor_matches_direct(void **state)
{
	(void)state;
	lsp_text t;
	lsp_text_init(&t);
	const char *s = "ab" EMOJI_LINE EMOJI_LINE "\n\r\n" EMOJI_LINE "\rz";
	lsp_text_set(&t, s, strlen(s));
	for (int e = 0; e < 3; e++) {
		lsp_cursor c;
		lsp_cursor_init(&c, &t, (lsp_encoding)e);
		for (size_t off = 0; off <= t.len; off++) {
			lsp_pos a = lsp_cursor_position(&c, off);
			lsp_pos b = lsp_text_position(&t, (lsp_encoding)e, off);
			assert_int_equal(a.line, b.line);
			assert_int_equal(a.character, b.character);
			/* and back, for every character start */
			size_t back = lsp_text_offset(&t, (lsp_encoding)e, b);
			assert_true(back <= off);
			assert_int_equal(lsp_text_position(&t, (lsp_encoding)e, back).character, b.character);
		}
	}
	lsp_text_free(&t);
}

static void test_normmap(void **state)
{
	(void)state;
	const char *raw = "\xEF\xBB\xBFone\r\ntwo\r\n\r\nx";
	ast_doc d;
	unit_load(&d, raw);
	lsp_normmap m;
	lsp_normmap_make(&m, raw, strlen(raw));
	assert_int_equal(m.bom, 3);
	assert_int_equal(m.ncr, 3);
	/* every byte of the normalised text maps to the same byte */
	for (size_t n = 0; n < d.src.len; n++) {
		size_t r = lsp_normmap_to_raw(&m, n);
		assert_int_equal(d.src.text[n] == '\n' ? '\r' : d.src.text[n], raw[r]);
		assert_int_equal(lsp_normmap_to_norm(&m, r), n);
	}
	assert_int_equal(lsp_normmap_to_raw(&m, d.src.len), strlen(raw));
	assert_int_equal(lsp_normmap_to_norm(&m, 0), 0);
	lsp_normmap_free(&m);
	ast_doc_free(&d);
}

#define TEN "0123456789"

static void test_reader_survives(void **state)
{
	(void)state;
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	const char in[] =
		"garbage\r\n\r\n"
		"Content-Length: 2\r\n\r\n{}"
		"Content-Length: 101\r\n\r\n"	/* over the limit of 100: skipped */
		TEN TEN TEN TEN TEN TEN TEN TEN TEN TEN "!"
		"Content-Length: x\r\n\r\n"
		"content-length: 3\r\nContent-Type: application/json\r\n\r\n[1]"
		"Content-Length: 5\r\n\r\n[2]";	/* ends inside the body */
	assert_int_equal(write(fd[1], in, sizeof in - 1), (ssize_t)(sizeof in - 1));
	close(fd[1]);
	lsp_reader r;
	lsp_reader_init(&r, fd[0], 100);
	const char *want[] = {"E", "{}", "E", "E", "[1]", "E"};
	size_t k = 0;
	for (;;) {
		const char *body = NULL, *err = NULL;
		size_t len = 0;
		lsp_read got = lsp_reader_next(&r, &body, &len, &err);
		if (got == LSP_READ_MORE) {
			lsp_reader_fill(&r);
			continue;
		}
		if (got == LSP_READ_EOF)
			break;
		assert_true(k < sizeof want / sizeof want[0]);
		if (got == LSP_READ_ERROR) {
			assert_string_equal(want[k], "E");
			assert_non_null(err);
		} else {
			assert_int_equal(len, strlen(want[k]));
			assert_memory_equal(body, want[k], len);
		}
		k++;
	}
	assert_int_equal(k, sizeof want / sizeof want[0]);
	lsp_reader_free(&r);
	close(fd[0]);
}

/* A path and its file: URI, both ways; the path as the loader spells
 * the paths it makes. */
static void test_uris(void **state)
{
	(void)state;
	char *u = lsp_path_uri("/a b/100%/ü.brief");
	assert_string_equal(u, "file:///a%20b/100%25/%C3%BC.brief");
	char *p = lsp_uri_path(u);
	assert_string_equal(p, "/a b/100%/\xC3\xBC.brief");
	free(u);
	free(p);
	p = lsp_uri_path("file:///x/./y//z/../w.brief");
	assert_string_equal(p, "/x/y/w.brief");
	free(p);
	p = lsp_uri_path("file://localhost/x%2Fy.brief");
	assert_string_equal(p, "/x/y.brief");
	free(p);
	/* a bad escape stays as it is; %00 is not decoded */
	p = lsp_uri_path("file:///x%zz%00.brief");
	assert_string_equal(p, "/x%zz%00.brief");
	free(p);
	p = lsp_uri_path("untitled:Untitled-1");
	assert_string_equal(p, "untitled:Untitled-1");
	assert_false(lsp_uri_is_file(p));
	free(p);
	assert_true(lsp_uri_is_file("file:///x.brief"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units_after_emoji_and_cjk),
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_incremental_edits),
		cmocka_unit_test(test_cursor_matches_direct),
		cmocka_unit_test(test_normmap),
		cmocka_unit_test(test_reader_survives),
		cmocka_unit_test(test_uris),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
