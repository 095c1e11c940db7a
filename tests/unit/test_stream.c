/*
 * test_stream.c - a streamed output (a buf with a sink, as the CLI writes
 * md, html, json, and LaTeX without characters TeX cannot set) is byte
 * for byte the output held whole, also where a backend looks back along
 * the line it is writing.
 */
#include "unit.h"

#include <stdlib.h>

#include "buf.h"
#include "escape.h"
#include "render.h"
#include "render_json.h"

static void collect(void *ctx, const char *p, size_t n)
{
	buf_put(ctx, p, n);
}

/* A brief whose Markdown, HTML and JSON run to several megabytes, with
 * the constructs the Markdown writer looks back for: a '!' or backslashes
 * before a link, blanks before a line break. */
static char *big_brief(size_t *len)
{
	buf b = BUF_INIT;
	buf_puts(&b, "---\ntitle: Stream\nauthors: A\ndate: 2024-01-01\n---\n\n");
	for (int i = 0; i < 20000; i++)
		buf_printf(&b, "# Part %d {#p-%d}\n\nWow! [see](https://x.org/%d) and "
			   "\\\\\\\\![more](https://y.org) with *emphasis*   \n"
			   "a second line of text that is long enough to matter, "
			   "and it goes on for a while before it ends.\n\n"
			   "- item one\n- item two!\n\n> quoted! [q](https://q.org)\n\n",
			   i, i, i);
	*len = b.len;
	return buf_detach(&b);
}

typedef int render_fn(const ast_doc *, const render_options *, buf *);

static int json(const ast_doc *d, const render_options *o, buf *out)
{
	(void)o;
	return render_json(d, out);
}

static void same_streamed(const ast_doc *d, render_fn *fn)
{
	buf whole = BUF_INIT, streamed = BUF_INIT, got = BUF_INIT;
	buf_sink sink = {collect, &got};
	streamed.sink = &sink;
	assert_int_equal(fn(d, NULL, &whole), 0);
	assert_int_equal(fn(d, NULL, &streamed), 0);
	/* it streamed: the buffer never held the whole output */
	assert_true(streamed.cap < whole.len / 2);
	buf_sink_flush(&streamed);
	assert_int_equal(got.len, whole.len);
	assert_memory_equal(got.data, whole.data, whole.len);
	buf_free(&whole);
	buf_free(&streamed);
	buf_free(&got);
}

/* What decides whether a LaTeX build streams. */
static void test_latex_sets_all(void **state)
{
	(void)state;
	static const char ok[] = "plain ASCII text, caf\xC3\xA9, \xE2\x80\x94 and \xE2\x80\x9Cquotes\xE2\x80\x9D";
	static const char cjk[] = "a long enough ASCII prefix, then \xE4\xB8\xAD";
	assert_true(escape_latex_sets_all(ok, sizeof ok - 1));
	assert_false(escape_latex_sets_all(cjk, sizeof cjk - 1));
	assert_true(escape_latex_sets_all("", 0));
}

static void test_streamed_outputs_are_whole_outputs(void **state)
{
	(void)state;
	size_t len;
	char *text = big_brief(&len);
	ast_doc d;
	unit_loadn(&d, text, len);
	free(text);
	assert_int_equal(diag_count(&d.diags, DS_ERROR), 0);
	same_streamed(&d, render_md);
	same_streamed(&d, render_html);
	same_streamed(&d, json);
	same_streamed(&d, render_latex);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latex_sets_all),
		cmocka_unit_test(test_streamed_outputs_are_whole_outputs),
	};
	return cmocka_run_group_tests_name("stream", tests, NULL, NULL);
}
