/*
 * test_hardening.c - regression tests for what the fuzzer and the
 * pathological suite found in the front end: each test pins the behaviour
 * a performance or robustness fix had to keep.
 */
#include "unit.h"

#define FM "---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n"

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
	assert_string_equal(n->first->u.text.text.p, "a");
	n = n->next->next;
	assert_int_equal(n->type, AST_LINK);
	assert_string_equal(n->u.link.url.p, "https://x.org");
	assert_int_equal(n->last->type, AST_EMPH);
	assert_string_equal(n->last->first->u.text.text.p, "c");
	n = n->next->next;
	assert_int_equal(n->type, AST_EMPH);
	assert_string_equal(n->first->u.text.text.p, "d");
	n = n->next->next;
	assert_int_equal(n->type, AST_LINK);
	/* the unmatched opener stays text */
	assert_int_equal(p->last->type, AST_TEXT);
	assert_string_equal(p->last->u.text.text.p, " *f");
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emphasis_around_links),
	};
	return cmocka_run_group_tests_name("hardening", tests, NULL, NULL);
}
