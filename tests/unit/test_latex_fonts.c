/*
 * test_latex_fonts.c - engine, fonts and languages for the LaTeX backend.
 */
#include <stdlib.h>

#include "unit.h"

#include "escape.h"
#include "latex_fonts.h"

static void test_routes(void **state)
{
	(void)state;
	assert_int_equal(latex_fonts_route('a'), LR_MAIN);
	assert_int_equal(latex_fonts_route(0x00E9), LR_MAIN);	/* é */
	assert_int_equal(latex_fonts_route(0x1EC5), LR_MAIN);	/* ễ */
	assert_int_equal(latex_fonts_route(0x03A9), LR_GREEK);	/* Ω */
	assert_int_equal(latex_fonts_route(0x1F00), LR_GREEK);	/* ἀ */
	assert_int_equal(latex_fonts_route(0x0416), LR_CYRILLIC);	/* Ж */
	assert_int_equal(latex_fonts_route(0x05D0), LR_HEBREW);	/* א */
	assert_int_equal(latex_fonts_route(0x0627), LR_ARABIC);	/* ا */
	assert_int_equal(latex_fonts_route(0x4E2D), LR_HAN);	/* 中 */
	assert_int_equal(latex_fonts_route(0x3002), LR_HAN);	/* 。 */
	assert_int_equal(latex_fonts_route(0xFF01), LR_HAN);	/* ！ */
	assert_int_equal(latex_fonts_route(0x3042), LR_KANA);	/* あ */
	assert_int_equal(latex_fonts_route(0x30AB), LR_KANA);	/* カ */
	assert_int_equal(latex_fonts_route(0xD55C), LR_HANGUL);	/* 한 */
	assert_int_equal(latex_fonts_route(0x01C4), LR_SERIF);	/* Ǆ: not in Latin Modern */
	assert_int_equal(latex_fonts_route(0x2264), LR_DEJAVU);	/* ≤ */
	assert_int_equal(latex_fonts_route(0x2713), LR_SYMBOLS2);	/* ✓ */
	assert_int_equal(latex_fonts_route(0x1F600), LR_NONE);	/* 😀 */
	assert_int_equal(latex_fonts_route(0x0915), LR_NONE);	/* क */
	assert_int_equal(latex_fonts_route(0x0E01), LR_NONE);	/* ก */
	assert_int_equal(latex_fonts_route(0x0085), LR_NONE);	/* a control */
	assert_int_equal(latex_fonts_route(0xE000), LR_NONE);	/* private use */
	assert_int_equal(latex_fonts_route(0x10FFFF), LR_NONE);
	assert_string_equal(latex_fonts_switch(LR_DEJAVU), "\\BriefFontDejaVu");
	assert_null(latex_fonts_switch(LR_HAN));
	assert_null(latex_fonts_switch(LR_MAIN));
	unsigned g1, g2, g3;
	assert_non_null(strstr(latex_fonts_why_not(0x1F600, &g1), "emoji"));
	assert_non_null(strstr(latex_fonts_why_not(0x0915, &g2), "India"));
	assert_non_null(strstr(latex_fonts_why_not(0x0BA4, &g3), "India"));	/* Tamil */
	assert_int_not_equal(g1, g2);
	assert_int_equal(g2, g3);
	latex_fonts_why_not(0x10FFFF, &g1);
	assert_int_equal(g1, 0);
}

static latex_scripts scan(const char *s)
{
	latex_scripts sc = {0};
	latex_scripts_scan(&sc, s, strlen(s));
	return sc;
}

static void test_scan(void **state)
{
	(void)state;
	latex_scripts sc = scan("plain ASCII text that is long enough for the fast path");
	assert_false(sc.unicode);
	assert_false(sc.none);
	assert_int_equal(sc.routes, 0);
	sc = scan("caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve");	/* é — ï: pdflatex */
	assert_false(sc.unicode);
	assert_int_equal(sc.routes, 1u << LR_MAIN);
	sc = scan("Vi\xE1\xBB\x87t");			/* ệ: beyond T1 */
	assert_true(sc.unicode);
	assert_false(sc.none);
	sc = scan("x \xED\x95\x9C \xE4\xB8\xAD \xF0\x9F\x98\x80");	/* 한 中 😀 */
	assert_true(sc.unicode);
	assert_true(sc.none);
	assert_true(sc.routes & (1u << LR_HANGUL));
	assert_true(sc.routes & (1u << LR_HAN));
}

static latex_setup setup(const char *text, const char *tag)
{
	latex_setup st;
	latex_setup_of(&st, text, strlen(text), tag, strlen(tag));
	return st;
}

static void test_faces(void **state)
{
	(void)state;
	const char *han = "\xE4\xB8\xAD\xE5\x9B\xBD";	/* 中国 */
	assert_int_equal(setup(han, "").han, LCF_SC);
	assert_int_equal(setup(han, "zh").han, LCF_SC);
	assert_int_equal(setup(han, "zh-Hans-SG").han, LCF_SC);
	assert_int_equal(setup(han, "zh-TW").han, LCF_TC);
	assert_int_equal(setup(han, "zh-Hant").han, LCF_TC);
	assert_int_equal(setup(han, "zh-HK").han, LCF_HK);
	assert_int_equal(setup(han, "ja").han, LCF_JP);
	assert_int_equal(setup(han, "ko-KR").han, LCF_KR);
	/* kana in an English brief: Japanese */
	latex_setup st = setup("\xE4\xB8\xAD \xE3\x81\x82", "en");
	assert_int_equal(st.han, LCF_JP);
	assert_int_equal(st.faces, 1u << LCF_JP);
	/* Hangul and Han in an English brief: KR for Hangul, SC for Han */
	st = setup("\xE4\xB8\xAD \xED\x95\x9C", "");
	assert_int_equal(st.faces, (1u << LCF_SC) | (1u << LCF_KR));
	assert_true(st.unicode);
	/* a Korean brief in ASCII still needs Hangul for its labels */
	st = setup("plain", "ko");
	assert_true(st.unicode);
	assert_int_equal(st.faces, 1u << LCF_KR);
	/* a French one stays with pdflatex */
	st = setup("plain", "fr");
	assert_false(st.unicode);
	assert_string_equal(st.lang->babel, "french");
}

static char *preamble(const char *text, const char *tag)
{
	latex_setup st = setup(text, tag);
	buf b = BUF_INIT;
	latex_setup_preamble(&b, &st);
	return buf_detach(&b);
}

static void test_preamble(void **state)
{
	(void)state;
	char *p = preamble("plain", "fr");
	assert_string_equal(p, "\\usepackage{babel}\n"
			    "\\babelprovide[import, main, hyphenrules=french nohyphenation]{french}\n");
	free(p);
	p = preamble("plain", "");
	assert_string_equal(p, "\\usepackage{babel}\n\\babelprovide[import, main]{english}\n");
	free(p);
	/* Han first, so that it is Chinese's; Korean after */
	p = preamble("\xED\x95\x9C \xE4\xB8\xAD", "ko");
	char *zh = strstr(p, "]{chinese-simplified}");
	char *ko = strstr(p, "]{korean}");
	assert_non_null(zh);
	assert_non_null(ko);
	assert_true(zh < ko);
	assert_non_null(strstr(p, "\\providecommand\\BriefCJKIndexKR{1}"));
	assert_non_null(strstr(p, "FontIndex=\\BriefCJKIndexKR"));
	assert_non_null(strstr(p, "\\babelprovide[import, main]{english}"));
	assert_non_null(strstr(p, "\\tracinglostchars=3"));
	assert_null(strstr(p, "bidi"));
	free(p);
	/* right to left inside lines: babel's bidi */
	p = preamble("\xD7\x90", "en");
	assert_non_null(strstr(p, "\\usepackage[bidi=basic]{babel}"));
	assert_non_null(strstr(p, "NotoSerifHebrew-Regular.ttf"));
	free(p);
}

/* escape_latex under lualatex */
static void test_escape_unicode(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	escape_latex_state st = {0, NULL, NULL, true};
	const char *s = "\xD0\x96 \xE2\x89\xA4 \xE4\xB8\xAD ~";	/* Ж ≤ 中 ~ */
	escape_latex(&b, s, strlen(s), &st);
	assert_string_equal(b.data, "\xD0\x96 {\\BriefFontDejaVu \xE2\x89\xA4} \xE4\xB8\xAD "
			    "\\textasciitilde{}");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_routes),
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_faces),
		cmocka_unit_test(test_preamble),
		cmocka_unit_test(test_escape_unicode),
	};
	return cmocka_run_group_tests_name("latex_fonts", tests, NULL, NULL);
}
