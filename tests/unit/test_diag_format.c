/*
 * test_diag_format.c - text, json, sarif and github output of diagnostics,
 * over one and several files, with the --max-errors limit.
 */
#include <stdlib.h>

#include "unit.h"

#include "diag_format.h"

/* "ab\ncdé f\n": line 2 has a two-byte character before "f". */
static void load(ast_doc *d, const char *path)
{
	int rc = ast_doc_load(d, path, "ab\ncd\xC3\xA9 f\n", 10);
	assert_int_equal(rc, 0);
	/* the loader's own findings are not what this test is about */
	diag_list_free(&d->diags);
	diag_list_init(&d->diags, &d->src);
}

/* An error at "f" (2:5-2:6) with a note at "ab" and a help. */
static void report(ast_doc *d)
{
	size_t k = diag_report(&d->diags, DC_BAD_VALUE, span_make(8, 9), "bad \"f\"");
	diag_add_note(&d->diags, k, span_make(0, 2), "see here");
	diag_add_help(&d->diags, k, "try 50%%");
	diag_report(&d->diags, DC_PLACEHOLDER, span_make(3, 5), "cd");
	diag_sort(&d->diags);
}

static char *format(diag_format_kind kind, size_t max, int nfiles)
{
	diag_format f;
	buf out = BUF_INIT;
	diag_format_begin(&f, kind, max, false, &out);
	for (int i = 0; i < nfiles; i++) {
		ast_doc d;
		load(&d, i ? "b,c:d.brief" : "a.brief");
		report(&d);
		diag_format_file(&f, &d.diags, &out);
		ast_doc_free(&d);
	}
	diag_format_end(&f, &out);
	assert_int_equal(f.errors, (size_t)nfiles);
	assert_int_equal(f.warnings, (size_t)nfiles);
	return buf_detach(&out);
}

static void lookup(void **state)
{
	(void)state;
	assert_int_equal(diag_format_lookup("text"), DF_TEXT);
	assert_int_equal(diag_format_lookup("json"), DF_JSON);
	assert_int_equal(diag_format_lookup("sarif"), DF_SARIF);
	assert_int_equal(diag_format_lookup("github"), DF_GITHUB);
	assert_int_equal(diag_format_lookup("xml"), -1);
}

static void text_counts_and_limit(void **state)
{
	(void)state;
	char *s = format(DF_TEXT, 0, 2);
	assert_non_null(strstr(s, "a.brief:2:1: warning: cd [placeholder]\n"));
	assert_non_null(strstr(s, "b,c:d.brief:2:5: error: bad \"f\" [bad-value]\n"));
	assert_non_null(strstr(s, "\n2 errors, 2 warnings\n"));
	assert_null(strstr(s, "not shown"));
	free(s);

	s = format(DF_TEXT, 3, 2);
	assert_non_null(strstr(s, "b,c:d.brief:2:1: warning: cd [placeholder]\n"));
	assert_null(strstr(s, "b,c:d.brief:2:5"));
	assert_non_null(strstr(s, "\nbriefc: 1 more diagnostic not shown "
			       "(--max-errors 3)\n2 errors, 2 warnings\n"));
	free(s);
}

static void json_one_array(void **state)
{
	(void)state;
	char *s = format(DF_JSON, 1, 1);	/* the limit is for people only */
	assert_string_equal(s,
		"[\n"
		"{\"file\":\"a.brief\",\"line\":2,\"column\":1,\"end_line\":2,"
		"\"end_column\":3,\"severity\":\"warning\",\"code\":\"placeholder\","
		"\"message\":\"cd\",\"notes\":[]},\n"
		"{\"file\":\"a.brief\",\"line\":2,\"column\":5,\"end_line\":2,"
		"\"end_column\":6,\"severity\":\"error\",\"code\":\"bad-value\","
		"\"message\":\"bad \\\"f\\\"\",\"notes\":["
		"{\"file\":\"a.brief\",\"line\":1,\"column\":1,\"end_line\":1,"
		"\"end_column\":3,\"message\":\"see here\"},"
		"{\"file\":\"a.brief\",\"line\":2,\"column\":5,\"end_line\":2,"
		"\"end_column\":6,\"message\":\"try 50%\"}]}\n"
		"]\n");
	free(s);

	diag_format f;
	buf out = BUF_INIT;
	diag_format_begin(&f, DF_JSON, 50, false, &out);
	diag_format_end(&f, &out);
	assert_string_equal(out.data, "[]\n");
	buf_free(&out);
}

static void sarif_one_run(void **state)
{
	(void)state;
	char *s = format(DF_SARIF, 1, 2);
	assert_non_null(strstr(s, "\"version\":\"2.1.0\""));
	assert_non_null(strstr(s, "\"columnKind\":\"unicodeCodePoints\""));
	/* one rule per code, in code order */
	assert_non_null(strstr(s, "{\"id\":\"syntax\",\"shortDescription\":{\"text\":"));
	assert_non_null(strstr(s, "{\"id\":\"word-limit\""));
	/* one run holds both files' results; the path is a URI */
	const char *r = strstr(s, "\"results\":[");
	assert_non_null(r);
	assert_null(strstr(r + 1, "\"results\":["));
	assert_non_null(strstr(r, "{\"ruleId\":\"bad-value\",\"ruleIndex\":7,"
			       "\"level\":\"error\",\"message\":{\"text\":"
			       "\"bad \\\"f\\\"\\ntry 50%\"},\"locations\":[{"
			       "\"physicalLocation\":{\"artifactLocation\":{\"uri\":"
			       "\"b%2Cc%3Ad.brief\"},\"region\":{\"startLine\":2,"
			       "\"startColumn\":5,\"endLine\":2,\"endColumn\":6}}}],"
			       "\"relatedLocations\":[{\"id\":0,\"physicalLocation\":"));
	assert_non_null(strstr(r, "\"message\":{\"text\":\"see here\"}}]}"));
	size_t results = 0;
	for (const char *p = r; (p = strstr(p, "\"ruleId\"")); p++)
		results++;
	assert_int_equal(results, 4);
	assert_string_equal(s + strlen(s) - 6, "\n]}]}\n");
	free(s);
}

static void github_commands(void **state)
{
	(void)state;
	char *s = format(DF_GITHUB, 3, 2);
	assert_string_equal(s,
		"::warning file=a.brief,line=2,col=1,endColumn=2,title=placeholder::cd\n"
		"::error file=a.brief,line=2,col=5,endColumn=5,title=bad-value::"
		"bad \"f\"%0Aa.brief:1:1: note: see here%0Anote: try 50%25\n"
		"::warning file=b%2Cc%3Ad.brief,line=2,col=1,endColumn=2,"
		"title=placeholder::cd\n"
		"::notice title=briefc::1 more diagnostic not shown (--max-errors 3)\n");
	free(s);
}

static void github_escaping(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	diag_format_github_data(&b, "a%b\r\nc:d,e", 11);
	assert_string_equal(b.data, "a%25b%0D%0Ac:d,e");
	buf_clear(&b);
	diag_format_github_property(&b, "a%b\r\nc:d,e", 11);
	assert_string_equal(b.data, "a%25b%0D%0Ac%3Ad%2Ce");
	buf_free(&b);
}

static void multi_line_span(void **state)
{
	(void)state;
	ast_doc d;
	diag_format f;
	buf out = BUF_INIT;

	load(&d, "m.brief");
	/* "ab\ncd": a span over the line end; a span ending in a newline
	 * ends on its own line */
	diag_report(&d.diags, DC_DUPLICATE_PARAGRAPH, span_make(0, 5), "two lines");
	diag_report(&d.diags, DC_DUPLICATE_PARAGRAPH, span_make(0, 3), "one line");
	diag_format_begin(&f, DF_GITHUB, 0, false, &out);
	diag_format_file(&f, &d.diags, &out);
	assert_string_equal(out.data,
		"::warning file=m.brief,line=1,endLine=2,title=duplicate-paragraph::two lines\n"
		"::warning file=m.brief,line=1,col=1,endColumn=2,title=duplicate-paragraph::one line\n");
	buf_clear(&out);
	diag_format_begin(&f, DF_JSON, 0, false, &out);
	diag_format_file(&f, &d.diags, &out);
	assert_non_null(strstr(out.data, "\"line\":1,\"column\":1,\"end_line\":2,\"end_column\":3"));
	assert_non_null(strstr(out.data, "\"line\":1,\"column\":1,\"end_line\":1,\"end_column\":3"));
	buf_free(&out);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookup),
		cmocka_unit_test(text_counts_and_limit),
		cmocka_unit_test(json_one_array),
		cmocka_unit_test(sarif_one_run),
		cmocka_unit_test(github_commands),
		cmocka_unit_test(github_escaping),
		cmocka_unit_test(multi_line_span),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
