/*
 * test_inline.c - emphasis, code, links, references, escapes, breaks.
 */
#include "unit.h"

#include "inline.h"

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
	unit_assert_str(ast_text(ast_last(e)), "*y");
	assert_true(ast_last(e)->u.text < d.src.text ||
		    ast_last(e)->u.text >= d.src.text + d.src.len);
	ast_doc_free(&d);
}

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
	unit_assert_str(ast_text(n->first), "a");
	n = n->next->next;
	assert_int_equal(n->type, AST_LINK);
	assert_string_equal(n->u.link->url.p, "https://x.org");
	assert_int_equal(ast_last(n)->type, AST_EMPH);
	unit_assert_str(ast_text(ast_last(n)->first), "c");
	n = n->next->next;
	assert_int_equal(n->type, AST_EMPH);
	unit_assert_str(ast_text(n->first), "d");
	n = n->next->next;
	assert_int_equal(n->type, AST_LINK);
	/* the unmatched opener stays text */
	assert_int_equal(ast_last(p)->type, AST_TEXT);
	unit_assert_str(ast_text(ast_last(p)), " *f");
	ast_doc_free(&d);
}

/*
 * Code spans delimited by long backtick runs: a run of 40 with no closer
 * must not hide the closer of a later run of 33 (inline.c once shared one
 * "no closer" mark among all runs of 32 or more).
 */
static void test_long_backtick_runs(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	buf_printf(&b, FM "\n");
	for (int i = 0; i < 40; i++)
		buf_putc(&b, '`');
	buf_puts(&b, " a ");
	for (int k = 0; k < 2; k++) {
		for (int i = 0; i < 33; i++)
			buf_putc(&b, '`');
		buf_puts(&b, k ? "\n" : "code");
	}
	ast_doc d;
	unit_loadn(&d, b.data, b.len);
	ast_node *code = unit_find(d.root, AST_CODE, 0);
	assert_non_null(code);
	unit_assert_str(ast_text(code), "code");
	assert_int_equal(code->at.end - code->at.start, 33 + 4 + 33);
	ast_node *t = unit_find(d.root, AST_TEXT, 0);
	assert_int_equal(t->tlen, 40 + 3);
	buf_free(&b);
	ast_doc_free(&d);
}

/*
 * No links inside links: a link deactivates the open brackets below it,
 * and a second link stops at those the first one deactivated (inline.c
 * once walked every open bracket at every link).
 */
static void test_links_deactivate_brackets(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "\n[x [a](https://a.org) [b](https://b.org)](https://w.org) [c](https://c.org)\n");
	ast_node *p = unit_find(d.root, AST_PARAGRAPH, 0);
	static const char *const want[] = {"https://a.org", "https://b.org", "https://c.org"};
	for (int k = 0; k < 3; k++) {
		ast_node *l = unit_find(p, AST_LINK, k);
		assert_non_null(l);
		assert_string_equal(l->u.link->url.p, want[k]);
	}
	assert_null(unit_find(p, AST_LINK, 3));
	buf t = BUF_INIT;
	ast_plain_text(p, &t);
	assert_string_equal(t.data, "[x a b](https://w.org) c");
	buf_free(&t);
	ast_doc_free(&d);
}

/* A link whose URL nests k parentheses: a link up to 32 (limits.md). */
static bool url_parens_link(int k)
{
	buf b = BUF_INIT;
	buf_puts(&b, FM "\n[a](https://x.org/");
	for (int i = 0; i < k; i++)
		buf_putc(&b, '(');
	for (int i = 0; i < k; i++)
		buf_putc(&b, ')');
	buf_puts(&b, ")\n");
	ast_doc d;
	unit_loadn(&d, b.data, b.len);
	bool link = unit_find(d.root, AST_LINK, 0) != NULL;
	ast_doc_free(&d);
	buf_free(&b);
	return link;
}

static void test_url_paren_limit(void **state)
{
	(void)state;
	assert_true(url_parens_link(1));
	assert_true(url_parens_link(32));
	assert_false(url_parens_link(33));
}

/* A paragraph of k stars, inner, k stars. */
static void load_nested(ast_doc *d, int k, const char *inner)
{
	buf b = BUF_INIT;
	buf_printf(&b, FM "\n");
	for (int i = 0; i < k; i++)
		buf_putc(&b, '*');
	buf_puts(&b, inner);
	for (int i = 0; i < k; i++)
		buf_putc(&b, '*');
	buf_putc(&b, '\n');
	unit_loadn(d, b.data, b.len);
	buf_free(&b);
}

/* Deepest inline nesting below node n, emphasis, strong and links. */
static int inline_depth(const ast_node *root)
{
	int depth = 0, max = 0;
	for (ast_iter it = ast_iter_start(root); ast_iter_next(&it);) {
		ast_type t = it.node->type;
		if (t != AST_EMPH && t != AST_STRONG && t != AST_LINK)
			continue;
		depth += it.entering ? 1 : -1;
		if (depth > max)
			max = depth;
	}
	return max;
}

/*
 * Nesting up to INLINE_MAX_DEPTH is kept; one level more is text, with
 * one syntax error, and no character of the text is lost.
 */
static void test_nesting_limit(void **state)
{
	(void)state;
	ast_doc d;
	load_nested(&d, 2 * INLINE_MAX_DEPTH, "a");
	ast_node *p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_int_equal(inline_depth(p), INLINE_MAX_DEPTH);
	assert_int_equal(unit_count(&d, DC_SYNTAX), 0);
	ast_doc_free(&d);

	load_nested(&d, 2 * INLINE_MAX_DEPTH + 2, "a");
	p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_int_equal(inline_depth(p), INLINE_MAX_DEPTH);
	assert_int_equal(unit_count_msg(&d, "nested more than"), 1);
	buf t = BUF_INIT;
	ast_plain_text(p, &t);
	assert_string_equal(t.data, "**a**");
	buf_free(&t);
	ast_doc_free(&d);

	/* a link one level too deep: its text and URL stay */
	load_nested(&d, 2 * INLINE_MAX_DEPTH, "[x *y*](https://a.example/p)");
	p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_int_equal(inline_depth(p), INLINE_MAX_DEPTH);
	assert_null(unit_find(p, AST_LINK, 0));
	ast_plain_text(p, &t);
	assert_string_equal(t.data, "[x *y*](https://a.example/p)");
	buf_free(&t);
	ast_doc_free(&d);

	/* 100,000 levels: bounded depth, one diagnostic */
	load_nested(&d, 200000, "a");
	p = unit_find(d.root, AST_PARAGRAPH, 0);
	assert_int_equal(inline_depth(p), INLINE_MAX_DEPTH);
	assert_int_equal(unit_count_msg(&d, "nested more than"), 1);
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
			cmocka_unit_test(test_emphasis_around_links),
		cmocka_unit_test(test_long_backtick_runs),
		cmocka_unit_test(test_links_deactivate_brackets),
		cmocka_unit_test(test_url_paren_limit),
		cmocka_unit_test(test_nesting_limit),
};
	return cmocka_run_group_tests_name("inline", tests, NULL, NULL);
}
