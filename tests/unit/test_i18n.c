/*
 * test_i18n.c - the language table: lookups, completeness, dates.
 */
#include <stdio.h>

#include "unit.h"

#include "i18n.h"

static const char *date(const char *tag, const char *d)
{
	static char out[128];
	buf b = BUF_INIT;
	i18n_date(i18n_lookup(tag, strlen(tag), NULL), d, strlen(d), &b);
	snprintf(out, sizeof out, "%s", b.data ? b.data : "");
	buf_free(&b);
	return out;
}

static const char *tag_of(const char *tag, bool *known)
{
	return i18n_lookup(tag, strlen(tag), known)->tag;
}

static void test_lookup(void **state)
{
	(void)state;
	bool known;
	assert_string_equal(tag_of("en", &known), "en");
	assert_true(known);
	assert_string_equal(tag_of("en-US", &known), "en-US");
	assert_string_equal(tag_of("EN-us", &known), "en-US");
	assert_string_equal(tag_of("en-AU", &known), "en");
	assert_true(known);
	assert_string_equal(tag_of("fr-CA", &known), "fr");
	assert_string_equal(tag_of("de-AT-1996", &known), "de");
	assert_string_equal(tag_of("zh-Hant-TW", &known), "zh-Hant");
	assert_string_equal(tag_of("zh-TW", &known), "zh-Hant");
	assert_string_equal(tag_of("zh-HK", &known), "zh-Hant");
	assert_string_equal(tag_of("zh-CN", &known), "zh");
	assert_string_equal(tag_of("zh-Hans-CN", &known), "zh");
	assert_string_equal(tag_of("ko-KR", &known), "ko");
	assert_true(known);
	assert_string_equal(tag_of("sv", &known), "en");
	assert_false(known);
	assert_string_equal(tag_of("x-klingon", &known), "en");
	assert_false(known);
	assert_string_equal(tag_of("", &known), "en");
	assert_false(known);
	assert_ptr_equal(i18n_default(), i18n_lookup("en", 2, NULL));
	/* US Letter where it is the custom */
	assert_true(i18n_lookup("en-US", 5, NULL)->letter);
	assert_true(i18n_lookup("en-CA", 5, NULL)->letter);
	assert_false(i18n_lookup("en-GB", 5, NULL)->letter);
	assert_false(i18n_lookup("fr", 2, NULL)->letter);
}

/* Every language has every word and every month. */
static void test_complete(void **state)
{
	(void)state;
	assert_true(i18n_count() >= 12);
	for (size_t i = 0; i < i18n_count(); i++) {
		const i18n_lang *l = i18n_at(i);
		assert_non_null(l->babel);
		for (int w = 0; w < I18N__COUNT; w++) {
			if (!l->words[w])
				fail_msg("%s has no word %d", l->tag, w);
		}
		for (int m = 0; m < 12; m++)
			assert_non_null(l->months[m]);
		/* labels with a number are made in a small buffer (render.c) */
		static const i18n_word labels[] = {I18N_FINDING, I18N_RECOMMENDATION,
			I18N_TABLE, I18N_FIGURE, I18N_BOX};
		for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++)
			assert_true(strlen(l->words[labels[k]]) < 40);
		/* the map's counts: each form has the number's place, once */
		for (int w = I18N_MAP_SOURCES_ONE; w <= I18N_MAP_UNCITED_MANY; w++) {
			if (w == I18N_MAP_COLUMNS)
				continue;
			const char *hash = strchr(l->words[w], '#');
			if (!hash || strchr(hash + 1, '#'))
				fail_msg("%s: word %d has not one '#'", l->tag, w);
		}
	}
	assert_null(i18n_at(i18n_count()));
	const i18n_lang *fr = i18n_lookup("fr", 2, NULL);
	assert_string_equal(i18n_word_of(fr, I18N_FINDING), "Constat");
	assert_string_equal(i18n_word_of(fr, I18N_RECOMMENDATION), "Recommandation");
	assert_string_equal(i18n_word_of(i18n_lookup("ko", 2, NULL), I18N_RECOMMENDATION),
			    "\xEA\xB6\x8C\xEA\xB3\xA0");	/* 권고 */
}

static const char *counted(const char *tag, size_t n)
{
	static char out[128];
	buf b = BUF_INIT;
	i18n_counted(i18n_lookup(tag, strlen(tag), NULL), n, I18N_MAP_FINDINGS_ONE,
		     I18N_MAP_FINDINGS_MANY, &b);
	snprintf(out, sizeof out, "%s", b.data ? b.data : "");
	buf_free(&b);
	return out;
}

/* A count takes the language's singular or plural: French's singular
 * for 0 as for 1, English's and German's plural for 0, none in Korean. */
static void test_counted(void **state)
{
	(void)state;
	assert_string_equal(counted("en", 0), "0 findings");
	assert_string_equal(counted("en", 1), "1 finding");
	assert_string_equal(counted("en", 12), "12 findings");
	assert_string_equal(counted("fr", 0), "0 constat");
	assert_string_equal(counted("fr", 1), "1 constat");
	assert_string_equal(counted("fr", 2), "2 constats");
	assert_string_equal(counted("de", 0), "0 Befunde");
	assert_string_equal(counted("de", 1), "1 Befund");
	assert_string_equal(counted("ko", 3), "\xEB\xB0\x9C\xEA\xB2\xAC \xEC\x82\xAC\xED\x95\xAD 3\xEA\xB1\xB4");
	assert_string_equal(counted("ja", 10), "\xE6\x89\x80\xE8\xA6\x8B" "10\xE4\xBB\xB6");
}

static void test_dates(void **state)
{
	(void)state;
	assert_string_equal(date("en", "2019-08-06"), "6 August 2019");
	assert_string_equal(date("en-GB", "2019-08-06"), "6 August 2019");
	assert_string_equal(date("en-US", "2019-08-06"), "August 6, 2019");
	assert_string_equal(date("en-US", "2019-08"), "August 2019");
	assert_string_equal(date("en", "2019-08"), "August 2019");
	assert_string_equal(date("en", "2019"), "2019");
	assert_string_equal(date("fr", "2019-08-06"), "6 ao\xC3\xBBt 2019");
	assert_string_equal(date("fr", "2019-08-01"), "1er ao\xC3\xBBt 2019");
	assert_string_equal(date("fr", "2020-09"), "septembre 2020");
	assert_string_equal(date("de", "2019-08-06"), "6. August 2019");
	assert_string_equal(date("de", "2019-03"), "M\xC3\xA4rz 2019");
	assert_string_equal(date("es", "2019-08-06"), "6 de agosto de 2019");
	assert_string_equal(date("es", "2019-08"), "agosto de 2019");
	assert_string_equal(date("pt", "2019-08-06"), "6 de agosto de 2019");
	assert_string_equal(date("it", "2019-08-06"), "6 agosto 2019");
	assert_string_equal(date("it", "2019-08-01"), "1\xC2\xBA agosto 2019");
	/* 2019년 8월 6일, 2019년 8월, 2019년 */
	assert_string_equal(date("ko", "2019-08-06"),
			    "2019\xEB\x85\x84 8\xEC\x9B\x94 6\xEC\x9D\xBC");
	assert_string_equal(date("ko", "2019-08"), "2019\xEB\x85\x84 8\xEC\x9B\x94");
	assert_string_equal(date("ko", "2019"), "2019\xEB\x85\x84");
	/* 2019年8月6日 */
	assert_string_equal(date("zh", "2019-08-06"),
			    "2019\xE5\xB9\xB4" "8\xE6\x9C\x88" "6\xE6\x97\xA5");
	assert_string_equal(date("ja", "2019-12"), "2019\xE5\xB9\xB4" "12\xE6\x9C\x88");
	assert_string_equal(date("zh-TW", "2019"), "2019\xE5\xB9\xB4");
	/* not a date: as written */
	assert_string_equal(date("en", "2019-13-01"), "2019-13-01");
	assert_string_equal(date("en", "2019-02-32"), "2019-02-32");
	assert_string_equal(date("en", "19-02"), "19-02");
	assert_string_equal(date("en", "2019/02/01"), "2019/02/01");
	assert_true(i18n_date_has_day("2019-08-06", 10));
	assert_false(i18n_date_has_day("2019-08", 7));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_counted),
	};
	return cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
}
