/*
 * test_policy.c - severity options and their effect: draft and final,
 * --strict, -Werror, -Werror=CODE, -W / -Wno-, --max-errors, usage errors.
 */
#include "unit.h"

#include "policy.h"

/* A list with one error (syntax) and two warnings (placeholder, word-limit). */
static void make_list(diag_list *dl, source *src)
{
	memset(src, 0, sizeof *src);
	diag_list_init(dl, src);
	diag_report(dl, DC_PLACEHOLDER, span_make(0, 0), "p");
	size_t k = diag_report(dl, DC_SYNTAX, span_make(0, 0), "s");
	diag_add_help(dl, k, "help");
	diag_report(dl, DC_WORD_LIMIT, span_make(0, 0), "w");
}

/* Parse argv-style options into p; returns the last result. */
static int parse(policy *p, const char *const *args, buf *err)
{
	int r = 0;
	for (size_t i = 0; args[i]; i += r > 0 ? (size_t)r : 1) {
		r = policy_parse_option(p, args[i], args[i + 1], err);
		if (r <= 0)
			return r;
	}
	return r;
}

/* Severities of the list after the policy, as a string: E, W per item. */
static const char *apply(const char *const *args, bool final)
{
	static char out[8];
	policy p;
	diag_list dl;
	source src;
	buf err = BUF_INIT;

	policy_init(&p);
	assert_true(parse(&p, args, &err) > 0 || !args[0]);
	make_list(&dl, &src);
	policy_apply_list(&p, &dl, final, NULL);
	size_t i;
	for (i = 0; i < dl.n; i++)
		out[i] = dl.items[i].severity == DS_ERROR ? 'E' : 'W';
	out[i] = '\0';
	diag_list_free(&dl);
	buf_free(&err);
	return out;
}

#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})

static void draft_and_final(void **state)
{
	(void)state;
	static const char *const none[] = {NULL};
	assert_string_equal(apply(none, false), "WEW");
	assert_string_equal(apply(none, true), "EEE");
}

static void strict_and_werror(void **state)
{
	(void)state;
	assert_string_equal(apply(ARGS("--strict"), false), "EEE");
	assert_string_equal(apply(ARGS("-Werror"), false), "EEE");
	assert_string_equal(apply(ARGS("-Werror=word-limit"), false), "WEE");
}

static void disable_and_enable(void **state)
{
	(void)state;
	assert_string_equal(apply(ARGS("-Wno-placeholder"), false), "EW");
	/* disabled stays disabled in a final brief and with --strict */
	assert_string_equal(apply(ARGS("-Wno-placeholder"), true), "EE");
	assert_string_equal(apply(ARGS("--strict", "-Wno-word-limit"), false), "EE");
	/* the last option for a code wins */
	assert_string_equal(apply(ARGS("-Wno-placeholder", "-W", "placeholder"), false), "WEW");
	assert_string_equal(apply(ARGS("-Wno-placeholder", "-Wplaceholder"), false), "WEW");
	assert_string_equal(apply(ARGS("-Werror=placeholder", "-Wno-placeholder"), false), "EW");
}

static void usage_errors(void **state)
{
	(void)state;
	policy p;
	buf err = BUF_INIT;

	policy_init(&p);
	assert_int_equal(policy_parse_option(&p, "-Wno-placholder", NULL, &err), -1);
	assert_string_equal(err.data, "unknown diagnostic code 'placholder' in "
			    "'-Wno-placholder'; did you mean 'placeholder'?");
	buf_clear(&err);
	assert_int_equal(policy_parse_option(&p, "-Wno-syntax", NULL, &err), -1);
	assert_string_equal(err.data, "'-Wno-syntax': 'syntax' is an error and "
			    "cannot be disabled");
	buf_clear(&err);
	assert_int_equal(policy_parse_option(&p, "-W", NULL, &err), -1);
	buf_clear(&err);
	assert_int_equal(policy_parse_option(&p, "-W", "nothing-like-it", &err), -1);
	assert_null(strstr(err.data, "did you mean"));
	buf_clear(&err);
	assert_int_equal(policy_parse_option(&p, "--max-errors", "ten", &err), -1);
	buf_clear(&err);
	assert_int_equal(policy_parse_option(&p, "--max-errors", NULL, &err), -1);
	buf_clear(&err);
	assert_int_equal(policy_parse_option(&p, "--max-errors=-1", NULL, &err), -1);
	/* -W syntax is accepted: enabling an error changes nothing */
	assert_int_equal(policy_parse_option(&p, "-W", "syntax", &err), 2);
	/* not a policy option: left to the caller */
	assert_int_equal(policy_parse_option(&p, "-o", "x", &err), 0);
	assert_int_equal(policy_parse_option(&p, "file.brief", NULL, &err), 0);
	buf_free(&err);
}

static void max_errors(void **state)
{
	(void)state;
	policy p;
	buf err = BUF_INIT;

	policy_init(&p);
	assert_int_equal(p.max_errors, 50);
	assert_int_equal(policy_parse_option(&p, "--max-errors", "3", &err), 2);
	assert_int_equal(p.max_errors, 3);
	assert_int_equal(policy_parse_option(&p, "--max-errors=0", NULL, &err), 1);
	assert_int_equal(p.max_errors, 0);
	assert_null(err.data);
	buf_free(&err);
}

static void final_from_the_document(void **state)
{
	(void)state;
	policy p;
	ast_doc d;

	policy_init(&p);
	unit_load(&d, "---\ntitle: T\nauthors: A\ndate: 2024-01-01\nstatus: final\n---\n");
	diag_report(&d.diags, DC_PLACEHOLDER, span_make(0, 3), "x");
	policy_apply(&p, &d);
	assert_int_equal(d.diags.items[0].severity, DS_ERROR);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(draft_and_final),
		cmocka_unit_test(strict_and_werror),
		cmocka_unit_test(disable_and_enable),
		cmocka_unit_test(usage_errors),
		cmocka_unit_test(max_errors),
		cmocka_unit_test(final_from_the_document),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
