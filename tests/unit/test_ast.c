/*
 * test_ast.c - the tree walks: ast_next in pre-order, with and without
 * descending, and ast_iter's enter and leave events, skip and goto.
 */
#include "unit.h"

#include "buf.h"

/* A document of "a *b **c** d* e" in one paragraph, then a list. */
static void load(ast_doc *d)
{
	unit_load(d, "a *b **c** d* e\n\n- x\n- y\n");
}

static void name(buf *b, const ast_node *n)
{
	buf_puts(b, ast_type_name(n->type));
	if (n->type == AST_TEXT) {
		buf_putc(b, ':');
		buf_put(b, n->u.text, n->tlen);
	}
	buf_putc(b, ' ');
}

static void test_next(void **state)
{
	(void)state;
	ast_doc d;
	load(&d);
	buf b = BUF_INIT;
	for (ast_node *n = d.root; n; n = ast_next(n, d.root, true))
		name(&b, n);
	assert_string_equal(b.data, "document paragraph text:a  emph text:b  strong text:c "
			    "text: d text: e list item paragraph text:x item paragraph "
			    "text:y ");
	buf_clear(&b);
	/* not into emphasis; the walk of a subtree stays in it */
	ast_node *para = d.root->first;
	for (ast_node *n = para->first; n; n = ast_next(n, para, n->type != AST_EMPH))
		name(&b, n);
	assert_string_equal(b.data, "text:a  emph text: e ");
	buf_free(&b);
	ast_doc_free(&d);
}

static void test_iter(void **state)
{
	(void)state;
	ast_doc d;
	load(&d);
	buf b = BUF_INIT;
	ast_node *para = d.root->first;
	for (ast_iter it = ast_iter_start(para); ast_iter_next(&it);) {
		buf_puts(&b, it.entering ? "+" : "-");
		name(&b, it.node);
		if (it.entering && it.node->type == AST_STRONG)
			it.skip = true;
	}
	assert_string_equal(b.data, "+paragraph +text:a  -text:a  +emph +text:b  -text:b  "
			    "+strong -strong +text: d -text: d -emph +text: e -text: e -paragraph ");
	buf_free(&b);
	ast_doc_free(&d);
}

/* ast_iter_goto: the node entered is replaced, and the walk enters the
 * replacement (inline.c's nesting limit does so). */
static void test_iter_goto(void **state)
{
	(void)state;
	ast_doc d;
	load(&d);
	buf b = BUF_INIT;
	ast_node *para = d.root->first, *emph = para->first->next;
	ast_node *t = ast_new(&d, AST_TEXT, emph->at);
	ast_set_text(t, ast_str(&d, "plain", 5));
	bool replaced = false;
	for (ast_iter it = ast_iter_start(para); ast_iter_next(&it);) {
		if (it.entering && it.node == emph && !replaced) {
			/* put t where emph was */
			t->parent = para;
			t->prev = emph->prev;
			t->next = emph->next;
			emph->prev->next = t;
			emph->next->prev = t;
			replaced = true;
			ast_iter_goto(&it, t);
			continue;
		}
		buf_puts(&b, it.entering ? "+" : "-");
		name(&b, it.node);
	}
	assert_string_equal(b.data, "+paragraph +text:a  -text:a  +text:plain -text:plain "
			    "+text: e -text: e -paragraph ");
	buf_free(&b);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_iter),
		cmocka_unit_test(test_iter_goto),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
