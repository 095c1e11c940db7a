/*
 * test_resolve.c - IDs, numbers, sources order, links both ways.
 */
#include "unit.h"

#include <stdio.h>


static const char doc[] = FM
	"::: areas\nsec: Security\n:::\n"
	"# Intro\n\nAs [@e3] says.\n\n"
	"::: finding f1\nclaim: One [@e2]\nevidence: e1, e2\n:::\n"
	"::: finding f2\nclaim: Two\nevidence: e1\n:::\n"
	"::: recommendation r1\naction: Do\narea: sec\naddresses: f2, f1\n:::\n"
	"::: evidence e1\ntitle: E1\n:::\n"
	"::: evidence e2\ntitle: E2\n:::\n"
	"::: evidence e3\ntitle: E3\n:::\n"
	"::: evidence e4\ntitle: E4\n:::\n";

static void test_numbers(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, doc);
	assert_int_equal(unit_get(&d, "f1")->u.block->number, 1);
	assert_int_equal(unit_get(&d, "f2")->u.block->number, 2);
	assert_int_equal(unit_get(&d, "r1")->u.block->number, 1);
	/* sources by first citation: e3 (prose), e2 (claim), e1 (evidence:), then e4 */
	assert_int_equal(unit_get(&d, "e3")->u.block->number, 1);
	assert_int_equal(unit_get(&d, "e2")->u.block->number, 2);
	assert_int_equal(unit_get(&d, "e1")->u.block->number, 3);
	assert_int_equal(unit_get(&d, "e4")->u.block->number, 4);
	assert_int_equal(d.sources.n, 4);
	assert_ptr_equal(d.sources.v[3], unit_get(&d, "e4"));
	assert_int_equal(unit_get(&d, "e4")->u.block->cites, 0);
	ast_doc_free(&d);
}

static void test_links_both_ways(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, doc);
	ast_node *f1 = unit_get(&d, "f1"), *f2 = unit_get(&d, "f2"), *r1 = unit_get(&d, "r1");
	assert_int_equal(f1->u.block->addressed_by.n, 1);
	assert_ptr_equal(f1->u.block->addressed_by.v[0], r1);
	assert_ptr_equal(r1->u.block->addresses.v[0].target, f2);
	assert_ptr_equal(r1->u.block->area.target, unit_get(&d, "sec"));
	ast_node *e1 = unit_get(&d, "e1");
	assert_int_equal(e1->u.block->cited_by.n, 2);
	assert_ptr_equal(e1->u.block->cited_by.v[0], f1);
	assert_ptr_equal(e1->u.block->cited_by.v[1], f2);
	ast_node *e2 = unit_get(&d, "e2");
	assert_int_equal(e2->u.block->cites, 2);
	assert_int_equal(e2->u.block->cited_by.n, 1);
	ast_doc_free(&d);
}

static void test_ids(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "# Intro\n# Intro\n# Other {#intro}\n::: finding intro\nclaim: c\n:::\n"
		      "::: finding x\nclaim: c\n:::\n::: finding x\nclaim: d\n:::\n[@nothing]\n");
	/* the explicit {#intro} wins over both slugs; the finding is a duplicate */
	assert_int_equal(unit_get(&d, "intro")->type, AST_HEADING);
	assert_true(unit_get(&d, "intro")->u.heading->explicit_id);
	assert_string_equal(d.headings.v[0]->u.heading->id.p, "intro-1");
	assert_string_equal(d.headings.v[1]->u.heading->id.p, "intro-2");
	assert_int_equal(d.duplicates.n, 2);
	assert_null(d.refs.v[0]->u.ref->ids.v[0].target);
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
		assert_ptr_equal(unit_get(&d, want[i]), d.headings.v[i]);
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
		assert_ptr_equal(unit_get(&d, id), d.areas.v[i]);
	}
	assert_null(unit_get(&d, "a3000"));
	assert_int_equal(d.duplicates.n, 1);
	assert_ptr_equal(d.duplicates.v[0], d.areas.v[3000]);
	buf_free(&b);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_links_both_ways),
		cmocka_unit_test(test_ids),
			cmocka_unit_test(test_slug_suffixes),
		cmocka_unit_test(test_many_ids),
};
	return cmocka_run_group_tests_name("resolve", tests, NULL, NULL);
}
