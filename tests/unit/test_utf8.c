/*
 * test_utf8.c - the one UTF-8 decoder and encoder: every code point
 * round-trips, and every malformed sequence is one U+FFFD of one byte.
 */
#include "unit.h"

#include "utf8.h"

static void test_round_trip(void **state)
{
	(void)state;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char b[4];
		size_t n = utf8_encode(cp, b), len;
		assert_int_equal(n, cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
		assert_int_equal(utf8_decode(b, n, &len), cp);
		assert_int_equal(len, n);
		assert_int_equal(utf8_valid(b, n), n);
		if (n > 1)	/* cut short */
			assert_int_equal(utf8_valid(b, n - 1), 0);
	}
}

static void test_malformed(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"\x80", "\xBF", "\xC0\xAF", "\xC1\xBF",	/* continuation, overlong */
		"\xE0\x80\xAF", "\xE0\x9F\xBF",		/* overlong */
		"\xED\xA0\x80", "\xED\xBF\xBF",		/* surrogates */
		"\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80",	/* overlong, past U+10FFFF */
		"\xF5\x80\x80\x80", "\xFF", "\xC3(", "\xE2\x82(",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		size_t len;
		assert_int_equal(utf8_decode(bad[i], strlen(bad[i]), &len), UTF8_BAD);
		assert_int_equal(len, 1);
		assert_int_equal(utf8_valid(bad[i], strlen(bad[i])), 0);
	}
	/* U+FFFD written out is valid */
	assert_int_equal(utf8_valid("\xEF\xBF\xBD", 3), 3);
}

static void test_back(void **state)
{
	(void)state;
	const char *s = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80z";
	assert_int_equal(utf8_back(s, 1), 0);
	assert_int_equal(utf8_back(s, 3), 1);
	assert_int_equal(utf8_back(s, 6), 3);
	assert_int_equal(utf8_back(s, 10), 6);
	assert_int_equal(utf8_back(s, 11), 10);
}

/* A prefix cut at byte i ends on a whole character. */
static void test_start(void **state)
{
	(void)state;
	const char *s = "a\xC3\xA9\xE2\x80\x94z";	/* a é — z: 7 bytes */
	assert_int_equal(utf8_start(s, 7, 0), 0);
	assert_int_equal(utf8_start(s, 7, 2), 1);
	assert_int_equal(utf8_start(s, 7, 3), 3);
	assert_int_equal(utf8_start(s, 7, 5), 3);
	assert_int_equal(utf8_start(s, 7, 6), 6);
	assert_int_equal(utf8_start(s, 7, 7), 7);
	assert_int_equal(utf8_start(s, 7, 99), 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_back),
		cmocka_unit_test(test_start),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
