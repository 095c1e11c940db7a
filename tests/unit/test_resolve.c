/*
 * test_resolve.c - IDs, numbers, sources order, links both ways.
 */
#include "unit.h"

#define FM "---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n"

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

static ast_node *get(ast_doc *d, const char *id)
{
	return ast_idtab_get(&d->ids, id, strlen(id));
}

static void test_numbers(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, doc);
	assert_int_equal(get(&d, "f1")->u.block->number, 1);
	assert_int_equal(get(&d, "f2")->u.block->number, 2);
	assert_int_equal(get(&d, "r1")->u.block->number, 1);
	/* sources by first citation: e3 (prose), e2 (claim), e1 (evidence:), then e4 */
	assert_int_equal(get(&d, "e3")->u.block->number, 1);
	assert_int_equal(get(&d, "e2")->u.block->number, 2);
	assert_int_equal(get(&d, "e1")->u.block->number, 3);
	assert_int_equal(get(&d, "e4")->u.block->number, 4);
	assert_int_equal(d.sources.n, 4);
	assert_ptr_equal(d.sources.v[3], get(&d, "e4"));
	assert_int_equal(get(&d, "e4")->u.block->cites, 0);
	ast_doc_free(&d);
}

static void test_links_both_ways(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, doc);
	ast_node *f1 = get(&d, "f1"), *f2 = get(&d, "f2"), *r1 = get(&d, "r1");
	assert_int_equal(f1->u.block->addressed_by.n, 1);
	assert_ptr_equal(f1->u.block->addressed_by.v[0], r1);
	assert_ptr_equal(r1->u.block->addresses.v[0].target, f2);
	assert_ptr_equal(r1->u.block->area.target, get(&d, "sec"));
	ast_node *e1 = get(&d, "e1");
	assert_int_equal(e1->u.block->cited_by.n, 2);
	assert_ptr_equal(e1->u.block->cited_by.v[0], f1);
	assert_ptr_equal(e1->u.block->cited_by.v[1], f2);
	ast_node *e2 = get(&d, "e2");
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
	assert_int_equal(get(&d, "intro")->type, AST_HEADING);
	assert_true(get(&d, "intro")->u.heading->explicit_id);
	assert_string_equal(d.headings.v[0]->u.heading->id.p, "intro-1");
	assert_string_equal(d.headings.v[1]->u.heading->id.p, "intro-2");
	assert_int_equal(d.duplicates.n, 2);
	assert_null(d.refs.v[0]->u.ref->ids.v[0].target);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_links_both_ways),
		cmocka_unit_test(test_ids),
	};
	return cmocka_run_group_tests_name("resolve", tests, NULL, NULL);
}
