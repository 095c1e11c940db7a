/*
 * test_inline.c - emphasis, code, links, references, escapes, breaks.
 */
#include "unit.h"

/* The inline tree of the first paragraph as an S-expression. */
static void sexp(const ast_node *n, buf *b)
{
	for (const ast_node *c = n->first; c; c = c->next) {
		switch (c->type) {
		case AST_TEXT:
			buf_printf(b, "\"%.*s\"", (int)c->tlen,
				   c->u.text);
			break;
		case AST_CODE:
			buf_printf(b, "(code \"%s\")", c->u.text);
			break;
		case AST_SOFTBREAK:
			buf_puts(b, "(br)");
			break;
		case AST_REF:
			buf_puts(b, "(ref");
			for (size_t i = 0; i < c->u.ref->ids.n; i++)
				buf_printf(b, " %s", c->u.ref->ids.v[i].id.p);
			buf_puts(b, ")");
			break;
		case AST_LINK:
			buf_printf(b, "(link \"%s\" ", c->u.link->url.p);
			sexp(c, b);
			buf_puts(b, ")");
			break;
		default:
			buf_printf(b, "(%s ", ast_type_name(c->type));
			sexp(c, b);
			buf_puts(b, ")");
			break;
		}
	}
}

static void expect(const char *input, const char *want)
{
	ast_doc d;
	unit_load(&d, input);
	ast_node *p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_non_null(p);
	buf b = BUF_INIT;
	sexp(p, &b);
	assert_string_equal(b.data ? b.data : "", want);
	buf_free(&b);
	ast_doc_free(&d);
}

static void test_emphasis(void **state)
{
	(void)state;
	expect("a *b* c", "\"a \"(emph \"b\")\" c\"");
	expect("**strong** and *em*", "(strong \"strong\")\" and \"(emph \"em\")");
	expect("***both***", "(emph (strong \"both\"))");
	expect("*a **b** c*", "(emph \"a \"(strong \"b\")\" c\")");
}

static void test_unmatched_stars_stay_text(void **state)
{
	(void)state;
	expect("5 * 3 = 15", "\"5 * 3 = 15\"");
	expect("*open only", "\"*open only\"");
	expect("close only*", "\"close only*\"");
	expect("snake_case and ___ stay", "\"snake_case and ___ stay\"");
}

static void test_code(void **state)
{
	(void)state;
	expect("use `a *b*` now", "\"use \"(code \"a *b*\")\" now\"");
	expect("``a ` b``", "(code \"a ` b\")");
	expect("`unclosed", "\"`unclosed\"");
}

static void test_links(void **state)
{
	(void)state;
	expect("see [the *treaty*](https://x.org/a_(b)) now",
	       "\"see \"(link \"https://x.org/a_(b)\" \"the \"(emph \"treaty\"))\" now\"");
	expect("[empty]() and [hash](#)", "(link \"\" \"empty\")\" and \"(link \"#\" \"hash\")");
	expect("[not a link] (x)", "\"[not a link] (x)\"");
	expect("[IRA \\(x\\)](#)", "(link \"#\" \"IRA (x)\")");
	/* a bracket that is not a link leaves later links alone */
	expect("a [z] then [w](c) and [z]( b) [v](d)",
	       "\"a [z] then \"(link \"c\" \"w\")\" and [z]( b) \"(link \"d\" \"v\")");
}

static void test_references(void **state)
{
	(void)state;
	expect("as shown [@a] and [@b; @c-2].", "\"as shown \"(ref a)\" and \"(ref b c-2)\".\"");
	ast_doc d;
	unit_load(&d, "x [@a; b] y\n");
	assert_int_equal(unit_count_msg(&d, "malformed reference"), 1);
	ast_doc_free(&d);
}

static void test_escapes_and_breaks(void **state)
{
	(void)state;
	expect("\\*not\\* \\[x\\] a\\b", "\"*not* [x] a\\b\"");
	/* lines that follow each other in the source: one text node, the
	 * newline its soft break, no copy */
	expect("one\ntwo *x*\nthree", "\"one\ntwo \"(emph \"x\")\"\nthree\"");
	/* next to emphasis, a link or a reference, the text takes it */
	expect("one\n*x*", "\"one\n\"(emph \"x\")");
	expect("[@a]\n[@b]", "(ref a)(br)(ref b)");
	/* pieces apart in the source (indented, or an escape removed):
	 * a soft-break node between them */
	expect("- one\n  two", "\"one\"(br)\"two\"");
	expect("one\\*\ntwo", "\"one*\"(br)\"two\"");
	expect("one\n\\*two", "\"one\"(br)\"*two\"");
	expect("*x*\n\\*two", "(emph \"x\")(br)\"*two\"");
	/* the text after the break is a copy once whole (found by fuzzing:
	 * it took the newline, then joined a copied piece) */
	expect("[a](https://x.org)\nb [c \\\\ d",
	       "(link \"https://x.org\" \"a\")(br)\"b [c \\ d\"");
	ast_doc d;
	unit_load(&d, "ab\ncd\nef *g*\n");
	ast_node *t = unit_find(d.root, AST_TEXT, 0);
	assert_ptr_equal(t->u.text, d.src.text);
	assert_int_equal(t->tlen, 9);
	assert_string_equal(unit_text(&d, t->at), "ab\ncd\nef ");
	ast_doc_free(&d);
}

static void test_text_spans(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "ab *cd*\nef [@g]\n");
	ast_node *e = unit_find(d.root, AST_EMPH, 0);
	assert_string_equal(unit_text(&d, e->at), "*cd*");
	ast_node *r = unit_find(d.root, AST_REF, 0);
	assert_string_equal(unit_text(&d, r->at), "[@g]");
	assert_string_equal(unit_text(&d, r->u.ref->ids.v[0].at), "g");
	ast_doc_free(&d);
}

/* Text the source holds as it is points into the source; text whose
 * escapes were removed, or made of pieces from apart, is a copy. */
static void test_text_not_copied(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, "plain [words] and *x\n\\*y* z\n");
	ast_node *p = unit_find(d.root, AST_PARAGRAPH, 0);
	ast_node *t = p->first;
	assert_int_equal(t->type, AST_TEXT);
	unit_assert_str(ast_text(t), "plain [words] and ");
	assert_ptr_equal(t->u.text, d.src.text);
	ast_node *e = unit_find(d.root, AST_EMPH, 0);
	unit_assert_str(ast_text(e->first), "x");
	assert_ptr_equal(e->first->u.text, d.src.text + 19);
	unit_assert_str(ast_text(e->last), "*y");
	assert_true(e->last->u.text < d.src.text ||
		    e->last->u.text >= d.src.text + d.src.len);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emphasis),
		cmocka_unit_test(test_unmatched_stars_stay_text),
		cmocka_unit_test(test_code),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_escapes_and_breaks),
		cmocka_unit_test(test_text_spans),
		cmocka_unit_test(test_text_not_copied),
	};
	return cmocka_run_group_tests_name("inline", tests, NULL, NULL);
}
