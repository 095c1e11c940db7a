/*
 * test_csl.c - CSL-JSON items as Brief evidence blocks: the mapping of
 * each field, escaping, locations, and what is left out.
 */
#include "unit.h"

#include <stdlib.h>

#include "csl.h"

static void read_str(csl_result *r, const char *json)
{
	csl_read(json, strlen(json), r);
}

static void test_mapping(void **state)
{
	(void)state;
	csl_result r;
	read_str(&r, "[{\"id\": \"who-water\", \"type\": \"report\", \"title\": \"Drinking-water\","
		     " \"URL\": \"https://www.who.int/x\", \"publisher\": \"WHO\","
		     " \"author\": [{\"family\": \"Doe\", \"given\": \"Jane\"}, {\"literal\": \"UN; Habitat\"}],"
		     " \"issued\": {\"date-parts\": [[2023, 9, 13]]},"
		     " \"accessed\": {\"date-parts\": [[\"2024\", \"1\", \"2\"]]}, \"note\": \"ignored\"},"
		     " {\"id\": 42, \"type\": \"article-journal\", \"title\": \"T\", \"DOI\": \"10.1/x\","
		     " \"container-title\": \"Journal\", \"issued\": {\"date-parts\": [[2020, 2]]}},"
		     " {\"id\": \"law\", \"type\": \"bill\", \"title\": \"L\", \"issued\": {\"raw\": \"1999\"}},"
		     " {\"id\": \"web\", \"type\": \"webpage\", \"title\": \"W\"}]");
	assert_false(r.failed);
	assert_int_equal(r.nproblems, 0);
	assert_int_equal(r.nat, 4);
	assert_string_equal(r.brief.data,
		"::: evidence who-water\ntitle: Drinking-water\nurl: https://www.who.int/x\n"
		"publisher: WHO\nauthors: Jane Doe; UN, Habitat\ndate: 2023-09-13\n"
		"accessed: 2024-01-02\ntype: report\n:::\n\n"
		"::: evidence 42\ntitle: T\nurl: https://doi.org/10.1/x\npublisher: Journal\n"
		"date: 2020-02\ntype: article\n:::\n\n"
		"::: evidence law\ntitle: L\ndate: 1999\ntype: law\n:::\n\n"
		"::: evidence web\ntitle: W\ntype: other\n:::\n\n");
	csl_result_free(&r);
}

/* A title is inline text in Brief, never markup in CSL: what would start
 * markup is escaped, CSL's rich-text tags dropped, line breaks folded. */
static void test_titles_are_text(void **state)
{
	(void)state;
	csl_result r;
	read_str(&r, "[{\"id\": \"a\", \"title\": \"  The *real* [@x] `c` \\\\ <i>Nature</i>\\n"
		     "<!-- not a comment --> <b>ok</b>  \", \"publisher\": \"A*B\"}]");
	assert_int_equal(r.nat, 1);
	assert_string_equal(r.brief.data,
		"::: evidence a\ntitle: The \\*real\\* \\[@x] \\`c\\` \\\\ Nature "
		"\\<!-- not a comment --> ok\npublisher: A*B\n:::\n\n");
	csl_result_free(&r);
}

/* Each block is located at its item's id in the JSON. */
static void test_locations(void **state)
{
	(void)state;
	const char *j = "[\n {\"title\": \"a\", \"id\": \"a\"},\n {\"id\": \"b\", \"title\": \"a\"}\n]";
	csl_result r;
	read_str(&r, j);
	assert_int_equal(r.nat, 2);
	assert_int_equal(r.at[0].json, strstr(j, "\"a\"}") - j);
	assert_int_equal(r.at[1].json, strstr(j, "\"b\"") - j);
	assert_int_equal(r.at[1].brief, strstr(r.brief.data, "::: evidence b") - r.brief.data);
	csl_result_free(&r);
}

static void test_left_out(void **state)
{
	(void)state;
	csl_result r;
	read_str(&r, "[{\"title\": \"no id\"}, 7, {\"id\": \"a b\", \"title\": \"x\"},"
		     " {\"id\": \"ok\"}]");
	assert_false(r.failed);
	assert_int_equal(r.nat, 1);
	assert_int_equal(r.nproblems, 3);
	assert_non_null(strstr(r.problems[0].msg, "item 1 has no id"));
	assert_non_null(strstr(r.problems[1].msg, "item 2 is not an object"));
	assert_non_null(strstr(r.problems[2].msg, "'a b' is not an ID"));
	/* no title: the block says so, the checks report missing-field */
	assert_string_equal(r.brief.data, "::: evidence ok\n:::\n\n");
	csl_result_free(&r);
}

static void test_not_csl(void **state)
{
	(void)state;
	csl_result r;
	read_str(&r, "{\"items\": []}");
	assert_true(r.failed);
	assert_non_null(strstr(r.problems[0].msg, "an array of items"));
	csl_result_free(&r);
	read_str(&r, "[{\"id\": \"a\",\n  \"title\": }]");
	assert_true(r.failed);
	assert_int_equal(r.nproblems, 1);
	assert_int_equal(r.problems[0].json, 24);	/* the '}' */
	csl_result_free(&r);
	/* nesting deeper than jansson's limit: an error, not a crash */
	size_t n = 100000;
	char *deep = malloc(2 * n + 1);
	memset(deep, '[', n);
	memset(deep + n, ']', n);
	deep[2 * n] = '\0';
	read_str(&r, deep);
	assert_true(r.failed);
	csl_result_free(&r);
	free(deep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mapping),
		cmocka_unit_test(test_titles_are_text),
		cmocka_unit_test(test_locations),
		cmocka_unit_test(test_left_out),
		cmocka_unit_test(test_not_csl),
	};
	return cmocka_run_group_tests_name("csl", tests, NULL, NULL);
}
