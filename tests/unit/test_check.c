/*
 * test_check.c - the structural checks, the link checks and the
 * finding/evidence/recommendation chain, each run alone on a small brief.
 */
#include "test_check.h"

#define AREAS "::: areas\nsec: Security\n:::\n"
#define FIND "::: finding f1\nclaim: Claim.\nevidence: e1\n:::\n"
#define REC "::: recommendation r1\naction: Act.\narea: sec\naddresses: f1\n:::\n"
#define EV "::: evidence e1\ntitle: E1\nurl: https://example.org/e1\n:::\n"
#define CLEAN FM AREAS FIND REC EV

/* The k-th diagnostic, which must have code c. */
static const diag *nth(const ast_doc *d, size_t k, diag_code c)
{
	assert_true(k < d->diags.n);
	assert_int_equal(d->diags.items[k].code, c);
	return &d->diags.items[k];
}

static const char *note_msg(const diag *g, size_t k)
{
	const diag_note *n = g->notes;
	while (n && k--)
		n = n->next;
	assert_non_null(n);
	return n->msg;
}

static void every_check_is_quiet_on_a_clean_brief(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, CLEAN "# Part\n\nAs [@e1] and [the site](https://example.org) say.\n",
	    check_run_all);
	assert_int_equal(d.diags.n, 0);
	ast_doc_free(&d);
}

static void duplicate_id_notes_the_first(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, CLEAN "::: evidence e1\ntitle: Again\n:::\n", check_duplicate_id);
	assert_int_equal(d.diags.n, 1);
	const diag *g = nth(&d, 0, DC_DUPLICATE_ID);
	assert_string_equal(unit_text(&d, g->at), "e1");
	assert_true(g->at.start > d.diags.items[0].notes->at.start);
	assert_true(g->notes->has_at);
	assert_string_equal(unit_text(&d, g->notes->at), "e1");
	ast_doc_free(&d);
}

static void undefined_reference_suggests(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM AREAS "Text [@e2].\n\n"
		"::: finding f1\nclaim: C.\nevidence: e1, ee1, -Bad\n:::\n" REC EV,
	    check_undefined_reference);
	assert_int_equal(d.diags.n, 2);
	const diag *g = nth(&d, 0, DC_UNDEFINED_REFERENCE);
	assert_string_equal(unit_text(&d, g->at), "e2");
	assert_string_equal(note_msg(g, 0), "did you mean 'e1'?");
	g = nth(&d, 1, DC_UNDEFINED_REFERENCE);
	assert_string_equal(unit_text(&d, g->at), "ee1");
	assert_non_null(strstr(g->msg, "'evidence:'"));
	ast_doc_free(&d);

	run(&d, CLEAN "Text [@e1], [@f1], [@sec].\n", check_undefined_reference);
	assert_int_equal(d.diags.n, 0);
	ast_doc_free(&d);
}

static void wrong_kind_names_what_it_is(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM AREAS "::: finding f1\nclaim: C.\nevidence: sec\n:::\n"
		"::: recommendation r1\naction: A.\narea: f1\naddresses: e1\n:::\n" EV,
	    check_wrong_kind);
	assert_int_equal(d.diags.n, 3);
	const diag *g = nth(&d, 0, DC_WRONG_KIND);
	assert_string_equal(unit_text(&d, g->at), "sec");
	assert_string_equal(g->msg, "'evidence:' must name evidence, but 'sec' is an area");
	assert_string_equal(unit_text(&d, g->notes->at), "sec");
	g = nth(&d, 1, DC_WRONG_KIND);
	assert_string_equal(g->msg, "'area:' must name an area, but 'f1' is a finding");
	g = nth(&d, 2, DC_WRONG_KIND);
	assert_string_equal(g->msg, "'addresses:' must name findings, but 'e1' is evidence");
	ast_doc_free(&d);

	run(&d, CLEAN, check_wrong_kind);
	assert_int_equal(d.diags.n, 0);
	ast_doc_free(&d);
}

static void missing_field_points_at_the_opener(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, "---\ntitle: T\nauthors: A\n---\n" AREAS
		"::: finding f1\nevidence: e1\n:::\n" REC EV, check_missing_field);
	assert_int_equal(d.diags.n, 2);
	const diag *g = nth(&d, 0, DC_MISSING_FIELD);
	assert_string_equal(unit_text(&d, g->at), "---");
	assert_string_equal(g->msg, "the front matter has no 'date:' key");
	g = nth(&d, 1, DC_MISSING_FIELD);
	assert_string_equal(unit_text(&d, g->at), "::: finding f1");
	assert_string_equal(g->msg, "finding 'f1' has no 'claim:' field");
	ast_doc_free(&d);

	/* No front matter at all: one diagnostic at 1:1. */
	run(&d, AREAS FIND REC EV, check_missing_field);
	assert_int_equal(d.diags.n, 1);
	assert_int_equal(nth(&d, 0, DC_MISSING_FIELD)->at.start, 0);
	ast_doc_free(&d);

	run(&d, CLEAN, check_missing_field);
	assert_int_equal(d.diags.n, 0);
	ast_doc_free(&d);
}

static void unknown_field_suggests_and_catches_repeats(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, "---\ntitle: T\nauthors: A\ndate: 2024-01-01\ntitl: X\n---\n" AREAS
		"::: finding f1\nclaim: C.\nclaim: D.\nevidence: e1\nzzz: q\n:::\n" REC EV,
	    check_unknown_field);
	assert_int_equal(d.diags.n, 3);
	const diag *g = nth(&d, 0, DC_UNKNOWN_FIELD);
	assert_string_equal(unit_text(&d, g->at), "titl");
	assert_string_equal(note_msg(g, 0), "did you mean 'title'?");
	g = nth(&d, 1, DC_UNKNOWN_FIELD);
	assert_string_equal(g->msg, "finding 'f1' has a second field 'claim'");
	assert_true(g->notes->has_at);
	g = nth(&d, 2, DC_UNKNOWN_FIELD);
	assert_string_equal(unit_text(&d, g->at), "zzz");
	assert_null(g->notes);
	ast_doc_free(&d);
}

static void bad_value_by_type(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, "---\ntitle: T\nauthors: A;; B\ndate: 2023-02-29\nstatus: done\n"
		"lang: e\nlimit-words: 12a\n---\n" AREAS
		"::: finding f1\nclaim: C.\nevidence: e1,\nconfidence: HIGH\n:::\n"
		"::: recommendation r1\naction: A.\narea: sec, sec\naddresses: f1\n:::\n"
		"::: evidence e1\ntitle: E\ndate: 2024-00\naccessed: 2024\n:::\n",
	    check_bad_value);
	const char *want[] = {";", "2023-02-29", "done", "e", "12a", ",", "HIGH",
			      "sec, sec", "2024-00", "2024"};
	assert_int_equal(d.diags.n, sizeof want / sizeof *want);
	for (size_t i = 0; i < d.diags.n; i++)
		assert_string_equal(unit_text(&d, nth(&d, i, DC_BAD_VALUE)->at), want[i]);
	ast_doc_free(&d);

	run(&d, "---\ntitle: T\nauthors: A; B\ndate: 2024-02-29\nstatus: final\n"
		"lang: zh-Hant-TW\nlimit-words: 1000\n---\n" AREAS FIND REC
		"::: evidence e1\ntitle: E\ndate: 2024-02\naccessed: 2000-02-29\n"
		"type: dataset\n:::\n", check_bad_value);
	assert_int_equal(d.diags.n, 0);
	ast_doc_free(&d);
}

static void language_tags(void **state)
{
	(void)state;
	static const char *const good[] = {"en", "en-GB", "pt-BR", "zh-Hant-TW",
		"sr-Latn-RS", "de-CH-1996", "es-419", "x-private", "en-US-x-twain",
		"zh-yue-HK"};
	static const char *const bad[] = {"english", "e", "en-", "en--GB", "1en",
		"en-US-x", "en_GB", "en-a", "toolongtag"};
	buf b = BUF_INIT;
	for (size_t i = 0; i < sizeof good / sizeof *good + sizeof bad / sizeof *bad; i++) {
		bool ok = i < sizeof good / sizeof *good;
		const char *tag = ok ? good[i] : bad[i - sizeof good / sizeof *good];
		ast_doc d;
		buf_clear(&b);
		buf_printf(&b, "---\ntitle: T\nauthors: A\ndate: 2024-01-01\nlang: %s\n---\n", tag);
		unit_load(&d, b.data);
		check_bad_value(&d);
		if (d.diags.n != (ok ? 0u : 1u))
			fail_msg("lang '%s' should be %s", tag, ok ? "accepted" : "rejected");
		ast_doc_free(&d);
	}
	buf_free(&b);
}

static void url_scheme_normalisation(void **state)
{
	(void)state;
	static const struct {
		const char *url, *scheme;
	} cases[] = {
		{"javascript:x", "javascript"},
		{"  JaVaScRiPt:x", "javascript"},
		{"java\tscr\nipt:x", "javascript"},
		{"\x01javascript:x", "javascript"},
		{"%6Aavascript:x", "javascript"},
		{"%256Aavascript:x", "javascript"},
		{"&#106;avascript:x", "javascript"},
		{"&#x6a;avascript&colon;x", "javascript"},
		{"DATA:text/html,x", "data"},
		{"https://example.org", "https"},
	};
	char out[16];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_true(check_url_scheme(cases[i].url, strlen(cases[i].url), out, sizeof out));
		assert_string_equal(out, cases[i].scheme);
	}
	assert_false(check_url_scheme("#top", 4, out, sizeof out));
	assert_false(check_url_scheme("page.html", 9, out, sizeof out));
	assert_false(check_url_scheme("/a:b", 4, out, sizeof out));
}

static void links_bad_unsafe_empty(void **state)
{
	(void)state;
	ast_doc d;
	const char *text = CLEAN
		"[a](ftp://x.org) [b](www.x.org) [c](https://) [d](JavaScript:go)\n\n"
		"[e]() [f](#) [](https://x.org) [g](mailto:)\n";

	run(&d, text, check_bad_url);
	assert_int_equal(d.diags.n, 4);
	assert_string_equal(unit_text(&d, nth(&d, 0, DC_BAD_URL)->at), "ftp://x.org");
	assert_string_equal(unit_text(&d, nth(&d, 1, DC_BAD_URL)->at), "www.x.org");
	assert_string_equal(note_msg(nth(&d, 1, DC_BAD_URL), 0), "write 'https://www.x.org'");
	assert_string_equal(unit_text(&d, nth(&d, 2, DC_BAD_URL)->at), "https://");
	assert_string_equal(unit_text(&d, nth(&d, 3, DC_BAD_URL)->at), "mailto:");
	ast_doc_free(&d);

	run(&d, text, check_unsafe_url);
	assert_int_equal(d.diags.n, 1);
	assert_string_equal(unit_text(&d, nth(&d, 0, DC_UNSAFE_URL)->at), "JavaScript:go");
	ast_doc_free(&d);

	run(&d, text, check_empty_link);
	assert_int_equal(d.diags.n, 3);
	assert_string_equal(unit_text(&d, nth(&d, 0, DC_EMPTY_LINK)->at), "[e]()");
	assert_string_equal(unit_text(&d, nth(&d, 1, DC_EMPTY_LINK)->at), "[f](#)");
	assert_string_equal(unit_text(&d, nth(&d, 2, DC_EMPTY_LINK)->at), "[](https://x.org)");
	ast_doc_free(&d);
}

static void evidence_url_fields_are_checked(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM AREAS FIND REC "::: evidence e1\ntitle: E\nurl: vbscript:x\n:::\n",
	    check_unsafe_url);
	assert_int_equal(d.diags.n, 1);
	assert_string_equal(unit_text(&d, nth(&d, 0, DC_UNSAFE_URL)->at), "vbscript:x");
	ast_doc_free(&d);
}

static void the_chain(void **state)
{
	(void)state;
	ast_doc d;
	const char *text = FM AREAS
		"::: finding f1\nclaim: Supported in prose [@e1].\n:::\n"
		"::: finding f2\nclaim: Unsupported.\n:::\n"
		"::: finding f3\nclaim: Nobody acts.\nevidence: e1\n:::\n"
		"::: recommendation r1\naction: A.\narea: sec\naddresses: f1, f2\n:::\n"
		"::: recommendation r2\naction: B.\narea: sec\naddresses: f2, f2\n:::\n"
		"::: evidence e1\ntitle: E1\n:::\n"
		"::: evidence e2\ntitle: E2\n:::\n";

	run(&d, text, check_unsupported_finding);
	assert_int_equal(d.diags.n, 1);
	assert_string_equal(unit_text(&d, nth(&d, 0, DC_UNSUPPORTED_FINDING)->at), "f2");
	ast_doc_free(&d);

	run(&d, text, check_unsupported_recommendation);
	assert_int_equal(d.diags.n, 1);
	const diag *g = nth(&d, 0, DC_UNSUPPORTED_RECOMMENDATION);
	assert_string_equal(unit_text(&d, g->at), "r2");
	/* f2 is named twice but noted once */
	assert_non_null(g->notes);
	assert_null(g->notes->next);
	assert_string_equal(unit_text(&d, g->notes->at), "f2");
	ast_doc_free(&d);

	run(&d, text, check_unaddressed_finding);
	assert_int_equal(d.diags.n, 1);
	assert_string_equal(unit_text(&d, nth(&d, 0, DC_UNADDRESSED_FINDING)->at), "f3");
	ast_doc_free(&d);

	run(&d, text, check_unused_evidence);
	assert_int_equal(d.diags.n, 1);
	assert_string_equal(unit_text(&d, nth(&d, 0, DC_UNUSED_EVIDENCE)->at), "e2");
	ast_doc_free(&d);
}

static void one_problem_one_diagnostic(void **state)
{
	(void)state;
	ast_doc d;
	/* A duplicate evidence block is duplicate-id only, not also unused. */
	run(&d, CLEAN "::: evidence e1\ntitle: Again\n:::\n", check_run_all);
	assert_int_equal(d.diags.n, 1);
	nth(&d, 0, DC_DUPLICATE_ID);
	ast_doc_free(&d);

	/* A malformed ID in a list is bad-value, not undefined-reference. */
	run(&d, FM AREAS "::: finding f1\nclaim: C.\nevidence: e1, E$2\n:::\n" REC EV,
	    check_run_all);
	assert_int_equal(d.diags.n, 1);
	nth(&d, 0, DC_BAD_VALUE);
	ast_doc_free(&d);

	/* A misspelt evidence ID is undefined-reference only: the finding
	 * is not also unsupported, the recommendation not unsupported, the
	 * evidence it meant not unused. */
	run(&d, FM AREAS "::: finding f1\nclaim: C.\nevidence: e11\n:::\n" REC EV,
	    check_run_all);
	assert_int_equal(d.diags.n, 1);
	nth(&d, 0, DC_UNDEFINED_REFERENCE);
	ast_doc_free(&d);

	/* A misspelt finding in addresses: not also unaddressed. */
	run(&d, FM AREAS FIND EV "::: recommendation r1\naction: A.\narea: sec\n"
	    "addresses: f11\n:::\n", check_run_all);
	assert_int_equal(d.diags.n, 1);
	nth(&d, 0, DC_UNDEFINED_REFERENCE);
	ast_doc_free(&d);

	/* A reference in smart quotes is one syntax error, with the fix;
	 * the finding citing so is not unsupported, the source not unused. */
	unit_load(&d, FM AREAS "::: finding f1\nclaim: C [@\xE2\x80\x98" "e1\xE2\x80\x99].\n:::\n"
		  REC EV);
	check_run_all(&d);
	assert_int_equal(d.diags.n, 1);
	assert_non_null(strstr(nth(&d, 0, DC_SYNTAX)->msg, "write '[@e1]'"));
	ast_doc_free(&d);

	/* An unsafe URL is not also a bad one. */
	run(&d, CLEAN "[x](javascript:y)\n", check_run_all);
	assert_int_equal(d.diags.n, 1);
	nth(&d, 0, DC_UNSAFE_URL);
	ast_doc_free(&d);
}

/*
 * Every message quotes at most 60 bytes of the input: an ID, a field name
 * or value, a word in capitals, a URL or a block kind thousands of bytes
 * long is cut, with "...", in the message and in its notes.
 */
static void test_messages_stay_short(void **state)
{
	(void)state;
	char big[4001], caps[4001];
	memset(big, 'x', 4000);
	big[4000] = '\0';
	memset(caps, 'Q', 4000);
	caps[4000] = '\0';
	buf b = BUF_INIT;
	buf_printf(&b, FM "\n%s and %s again.\n\n", caps, caps);
	buf_printf(&b, "See [@%sy] and [site](www.%s.org).\n\n", big, big);
	buf_printf(&b, "::: evidence %s\ntitle: T\n%s: v\ndate: %s\n:::\n",
		   big, big, big);
	buf_printf(&b, "::: evidence %s\ntitle: T\n:::\n", big);
	buf_printf(&b, "::: %s\n:::\n", big);
	caps[0] = 'R';		/* declared, never used; "QQ..." undeclared */
	buf_printf(&b, "::: acronyms\n%s: Quite Unused\n:::\n", caps);
	buf_printf(&b, "::: areas\n%s: \n:::\n", big);
	ast_doc d;
	unit_load(&d, b.data);
	check_run_all(&d);
	assert_true(d.diags.n >= 10);
	size_t cut = 0;
	for (size_t i = 0; i < d.diags.n; i++) {
		const diag *g = &d.diags.items[i];
		assert_true(strlen(g->msg) < 240);
		cut += strstr(g->msg, "...") != NULL;
		for (const diag_note *n = g->notes; n; n = n->next)
			assert_true(strlen(n->msg) < 240);
	}
	assert_true(cut >= 9);
	buf_free(&b);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_check_is_quiet_on_a_clean_brief),
		cmocka_unit_test(duplicate_id_notes_the_first),
		cmocka_unit_test(undefined_reference_suggests),
		cmocka_unit_test(wrong_kind_names_what_it_is),
		cmocka_unit_test(missing_field_points_at_the_opener),
		cmocka_unit_test(unknown_field_suggests_and_catches_repeats),
		cmocka_unit_test(bad_value_by_type),
		cmocka_unit_test(language_tags),
		cmocka_unit_test(url_scheme_normalisation),
		cmocka_unit_test(links_bad_unsafe_empty),
		cmocka_unit_test(evidence_url_fields_are_checked),
		cmocka_unit_test(the_chain),
		cmocka_unit_test(one_problem_one_diagnostic),
			cmocka_unit_test(test_messages_stay_short),
};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
