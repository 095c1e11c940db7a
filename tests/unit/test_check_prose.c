/*
 * test_check_prose.c - the prose checks (placeholder, acronyms, duplicate
 * paragraphs, heading levels, word limit) and the exact spans they report
 * through emphasis, escapes, links and continuation lines.
 */
#include "test_check.h"

#include "prose.h"

#define ACR "::: acronyms\nEPA: Environmental Protection Agency\n" \
	"DPRK: Democratic People's Republic of Korea\n:::\n"

/* The source text of every diagnostic of code c, joined with '|'. */
static const char *spans(const ast_doc *d, diag_code c)
{
	static char out[1024];
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < d->diags.n; i++) {
		assert_int_equal(d->diags.items[i].code, c);
		const char *t = unit_text(d, d->diags.items[i].at);
		size_t n = strlen(t);
		assert_true(o + n + 2 < sizeof out);
		if (o)
			out[o++] = '|';
		memcpy(out + o, t, n + 1);
		o += n;
	}
	return out;
}

static void placeholders(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM "# TODO\n\nThe cost is TBD, the date XXXX; *lorem\nipsum* dolor.\n\n"
		"- Fill in ___ and [Citation Needed].\n\n> FIXME later\n",
	    check_placeholder);
	assert_string_equal(spans(&d, DC_PLACEHOLDER),
			    "TODO|TBD|XXXX|lorem\nipsum|___|[Citation Needed]|FIXME");
	ast_doc_free(&d);

	/* Front matter and plain-text fields are prose too. */
	run(&d, "---\ntitle: T\nauthors: TBD\ndate: 2024-01-01\n---\n", check_placeholder);
	assert_string_equal(spans(&d, DC_PLACEHOLDER), "TBD");
	ast_doc_free(&d);

	run(&d, FM "Not here: `TODO`, https://x.org/XXX/___, to-do, XX, __init__,\n"
		"TODOS, lorem, ipsum.\n", check_placeholder);
	assert_int_equal(d.diags.n, 0);
	ast_doc_free(&d);
}

static void undefined_acronyms(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM ACR "The EPA, the CDC and US-ROK talks; the CDC again.\n\n"
		"NGOs, the **NATO**'s summit, World War II and `ABC` or\n"
		"https://x.org/ABC.\n", check_undefined_acronym);
	assert_string_equal(spans(&d, DC_UNDEFINED_ACRONYM), "CDC|US|ROK|NGO|NATO");
	/* reported once, with the count */
	const diag *cdc = &d.diags.items[0];
	assert_non_null(cdc->notes->next);
	assert_string_equal(cdc->notes->next->msg, "'CDC' is used 2 times");
	ast_doc_free(&d);
}

static void acronyms_in_fields_and_evidence(void **state)
{
	(void)state;
	ast_doc d;
	const char *text = FM ACR "::: areas\ns: S\n:::\n"
		"::: finding f\nclaim: The EPA and the WHO [@e].\n:::\n"
		"::: recommendation r\naction: Ask the EPA.\narea: s\naddresses: f\n:::\n"
		"::: evidence e\ntitle: A NASA report\npublisher: The IMF\n"
		"authors: Doe, J. (OECD)\n\nIts UN annex.\n:::\n";
	run(&d, text, check_undefined_acronym);
	/* the claim and the evidence's fields count (contract 11.8); its
	 * note and its authors' names do not */
	assert_string_equal(spans(&d, DC_UNDEFINED_ACRONYM), "WHO|NASA|IMF");
	ast_doc_free(&d);

	run(&d, text, check_unused_acronym);
	assert_string_equal(spans(&d, DC_UNUSED_ACRONYM), "DPRK");
	ast_doc_free(&d);
}

static void unused_acronyms(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM ACR "Only the EPA's staff.\n", check_unused_acronym);
	assert_string_equal(spans(&d, DC_UNUSED_ACRONYM), "DPRK");
	ast_doc_free(&d);

	/* a plural and a use in a heading count */
	run(&d, FM ACR "# The DPRK\n\nTwo EPAs.\n", check_unused_acronym);
	assert_int_equal(d.diags.n, 0);
	ast_doc_free(&d);

	/* a use inside a code span or a URL does not */
	run(&d, FM ACR "`EPA` and https://x.org/DPRK\n", check_unused_acronym);
	assert_string_equal(spans(&d, DC_UNUSED_ACRONYM), "EPA|DPRK");
	ast_doc_free(&d);
}

static void acronym_mismatch(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM ACR "Trade with the Democratic Republic People's of Korea (DPRK)\n"
		"and the *Environment* Protection Agency (EPA).\n",
	    check_acronym_mismatch);
	assert_string_equal(spans(&d, DC_ACRONYM_MISMATCH),
			    "Democratic Republic People's of Korea|"
			    "Environment* Protection Agency");
	ast_doc_free(&d);

	/* The span is the written expansion only. */
	run(&d, FM ACR "The Democratic Republic People's of Korea (DPRK) again.\n",
	    check_acronym_mismatch);
	assert_string_equal(spans(&d, DC_ACRONYM_MISMATCH),
			    "Democratic Republic People's of Korea");
	const diag *g = &d.diags.items[0];
	assert_string_equal(unit_text(&d, g->notes->at),
			    "Democratic People's Republic of Korea");
	ast_doc_free(&d);

	/* Case, emphasis, line breaks, a possessive and dots do not matter. */
	run(&d, FM ACR "The democratic people's republic\nof *Korea* (DPRK) and the\n"
		"Environmental Protection Agency's (EPA) staff; (EPA) alone.\n",
	    check_acronym_mismatch);
	assert_int_equal(d.diags.n, 0);
	ast_doc_free(&d);

	/* The same acronym declared twice with another expansion. */
	run(&d, FM "::: acronyms\nUS: United States\nUS: Uncle Sam\nUS: united states\n:::\n"
		"The US.\n", check_acronym_mismatch);
	assert_string_equal(spans(&d, DC_ACRONYM_MISMATCH), "Uncle Sam");
	ast_doc_free(&d);
}

static void duplicate_paragraphs(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM "One two three four five six seven eight nine ten eleven twelve.\n\n"
		"Short and repeated.\n\nShort and repeated.\n\n"
		"One two three four five six\n  seven eight nine ten eleven twelve.\n\n"
		"- One two three four five six seven eight nine ten eleven twelve.\n",
	    check_duplicate_paragraph);
	assert_int_equal(d.diags.n, 2);
	assert_string_equal(unit_text(&d, d.diags.items[0].at),
			    "One two three four five six\n  seven eight nine ten eleven twelve.");
	assert_int_equal(d.diags.items[0].notes->at.start, (uint32_t)strlen(FM));
	assert_int_equal(d.diags.items[1].notes->at.start, (uint32_t)strlen(FM));
	ast_doc_free(&d);

	run(&d, FM "One two three four five six seven eight nine ten eleven twelve.\n\n"
		"One two three four five six seven eight nine ten eleven twelve!\n\n"
		"One two three four five six seven eight nine ten eleven [@x].\n\n"
		"One two three four five six seven eight nine ten eleven [@y].\n",
	    check_duplicate_paragraph);
	assert_int_equal(d.diags.n, 0);
	ast_doc_free(&d);
}

static void heading_levels(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM "## Start\n\n# One\n\n### Skip\n\n## Two\n\n### Three\n\n# Four\n\n### Skip\n",
	    check_heading_skip);
	assert_string_equal(spans(&d, DC_HEADING_SKIP), "###|###");
	assert_string_equal(unit_text(&d, d.diags.items[0].notes->at), "#");
	ast_doc_free(&d);
}

static void words(void **state)
{
	(void)state;
	ast_doc d;
	/* Counted: headings, paragraphs, lists, quotes, claim and action.
	 * Not: front matter, references, evidence, lone punctuation. */
	unit_load(&d, "---\ntitle: Many words here\nauthors: A\ndate: 2024-01-01\n"
		  "limit-words: 14\n---\n"
		  "::: areas\ns: S\n:::\n"
		  "# One two\n\nThree *four*five — US–ROK [@e] `six seven`.\n\n"
		  "- eight\n\n> nine\n\n"
		  "::: finding f\nclaim: ten eleven\nevidence: e\n:::\n"
		  "::: recommendation r\naction: twelve\narea: s\naddresses: f\n:::\n"
		  "::: evidence e\ntitle: not counted\n\nNor this.\n:::\n");
	assert_int_equal(d.diags.n, 0);
	assert_int_equal(check_count_words(&d), 12);
	check_word_limit(&d);
	assert_int_equal(d.diags.n, 0);
	ast_doc_free(&d);

	unit_load(&d, "---\ntitle: T\nauthors: A\ndate: 2024-01-01\n"
		  "limit-words: 3\n---\n"
		  "One two\nthree **four** five.\n");
	check_word_limit(&d);
	assert_int_equal(d.diags.n, 1);
	const diag *g = &d.diags.items[0];
	assert_int_equal(g->code, DC_WORD_LIMIT);
	assert_string_equal(unit_text(&d, g->at), "four");
	assert_string_equal(g->msg, "the body has 5 words, 2 over the limit of 3; this is word 4");
	assert_string_equal(unit_text(&d, g->notes->at), "3");
	ast_doc_free(&d);
}

/*
 * Words end at symbols (arrows, TM, emoji), as at punctuation, and where
 * an East Asian script meets another; a Latin letter goes on.  A lone
 * symbol is no word.
 */
static void words_and_symbols(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM "ABC\xE2\x86\x92" "DEF, GHI\xF0\x9F\x98\x80, JKL\xED\x95\x9C\xEA\xB5\xAD, "
		"MNO\xE2\x84\xA2, PQR\xC3\xA9, STU\xE2\x80\x94VW, XY\xE2\x80\x99s.\n",
	    check_undefined_acronym);
	assert_string_equal(spans(&d, DC_UNDEFINED_ACRONYM), "ABC|DEF|GHI|JKL|MNO|STU|VW|XY");
	ast_doc_free(&d);

	unit_load(&d, FM "one \xE2\x86\x92 two \xF0\x9F\x98\x80 three \xE2\x84\xA2 "
		  "ROK\xE2\x86\x92US \xED\x95\x9C\xEA\xB5\xAD\n");
	assert_int_equal(check_count_words(&d), 5);
	ast_doc_free(&d);
}

static void spans_survive_escapes_and_continuations(void **state)
{
	(void)state;
	ast_doc d;
	run(&d, FM "::: areas\ns: S\n:::\n"
		"::: finding f\nclaim: An \\*escaped\\* star and\n  a TODO on the next line.\n:::\n",
	    check_placeholder);
	assert_string_equal(spans(&d, DC_PLACEHOLDER), "TODO");
	ast_doc_free(&d);

	/* CRLF input gives the same offsets as LF (the loader folds it). */
	run(&d, "---\r\ntitle: T\r\nauthors: A\r\ndate: 2024-01-01\r\n---\r\n"
		"a\r\nb TBD\r\n", check_placeholder);
	assert_string_equal(spans(&d, DC_PLACEHOLDER), "TBD");
	ast_doc_free(&d);
}

/* The prose checks one after another, as the tests above run them. */
static void prose_one_by_one(ast_doc *d)
{
	check_placeholder(d);
	check_undefined_acronym(d);
	check_unused_acronym(d);
	check_acronym_mismatch(d);
	check_duplicate_paragraph(d);
	check_heading_skip(d);
	check_word_limit(d);
}

/*
 * check_prose_all walks the prose once for all the checks; its output,
 * order included, is that of the checks run one by one.  Here two pairs
 * of diagnostics start at the same byte, where only the report order
 * decides: an undefined "UN" that is also the first word of a wrong
 * expansion, and a paragraph that repeats another and starts with TODO.
 */
static void all_in_one_walk(void **state)
{
	(void)state;
	static const char text[] =
		"---\ntitle: T\nauthors: A\ndate: 2024-01-01\nlimit-words: 20\n---\n"
		ACR "::: acronyms\nEPA: Europe's Privacy Agency\nXYZ: Unused\n:::\n"
		"# The EPA\n\n### Skipped\n\n"
		"UN People's Republic of Korea (DPRK) and TBD.\n\n"
		"TODO one two three four five six seven eight nine ten eleven.\n\n"
		"TODO one two three four five six seven eight nine ten eleven.\n";
	ast_doc a, b;
	unit_load(&a, text);
	unit_load(&b, text);
	prose_one_by_one(&a);
	check_prose_all(&b);
	diag_sort(&a.diags);
	diag_sort(&b.diags);
	assert_int_equal(a.diags.n, 10);
	assert_int_equal(b.diags.n, a.diags.n);
	for (size_t i = 0; i < a.diags.n; i++) {
		const diag *x = &a.diags.items[i], *y = &b.diags.items[i];
		assert_int_equal(y->code, x->code);
		assert_int_equal(y->at.start, x->at.start);
		assert_int_equal(y->at.end, x->at.end);
		assert_string_equal(y->msg, x->msg);
	}
	/* the ties: reported in the order of the checks */
	assert_int_equal(a.diags.items[3].at.start, a.diags.items[4].at.start);
	assert_int_equal(a.diags.items[3].code, DC_UNDEFINED_ACRONYM);
	assert_int_equal(a.diags.items[4].code, DC_ACRONYM_MISMATCH);
	assert_int_equal(a.diags.items[8].at.start, a.diags.items[9].at.start);
	assert_int_equal(a.diags.items[8].code, DC_PLACEHOLDER);
	assert_int_equal(a.diags.items[9].code, DC_DUPLICATE_PARAGRAPH);
	ast_doc_free(&a);
	ast_doc_free(&b);
}

/*
 * The checks take a text node whole (prose.whole_texts), the renderer a
 * piece per line: the same flat text, the same flags, every byte at the
 * same source offset, through soft breaks, emphasis, code, references,
 * escapes, indented continuation lines and a break at the end of a
 * node.
 */
static void whole_texts_as_lines(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "The *first\nline* and `code`\nthe US [@x] ends\n"
		       "here. A\\* copy\nand then\n**more**\ntext.\n\n"
		       "- item one\n  goes on\n  TODO and on\n");
	prose a, b;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	a.d = b.d = &d;
	b.whole_texts = true;
	size_t containers = 0, pa = 0, pb = 0;
	for (const ast_node *n = d.root->first; n; n = ast_next(n, d.root, true)) {
		if (n->type != AST_PARAGRAPH)
			continue;
		containers++;
		prose_flatten(&a, n);
		prose_flatten(&b, n);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.text, b.text, a.len + 1);
		assert_memory_equal(a.fl, b.fl, a.len + 2);
		for (size_t i = 0; i < a.len; i++) {
			span x = prose_span(&a, i, i + 1), y = prose_span(&b, i, i + 1);
			assert_int_equal(x.start, y.start);
			assert_int_equal(x.end, y.end);
		}
		pa += a.npieces;
		pb += b.npieces;
	}
	assert_int_equal(containers, 2);
	assert_true(pb < pa);	/* the whole nodes were taken */
	prose_free(&a);
	prose_free(&b);
	ast_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(placeholders),
		cmocka_unit_test(undefined_acronyms),
		cmocka_unit_test(acronyms_in_fields_and_evidence),
		cmocka_unit_test(unused_acronyms),
		cmocka_unit_test(acronym_mismatch),
		cmocka_unit_test(duplicate_paragraphs),
		cmocka_unit_test(heading_levels),
		cmocka_unit_test(words),
		cmocka_unit_test(words_and_symbols),
		cmocka_unit_test(spans_survive_escapes_and_continuations),
		cmocka_unit_test(all_in_one_walk),
		cmocka_unit_test(whole_texts_as_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
