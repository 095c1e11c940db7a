/*
 * test_buf.c - the growable buffer: buf_printf writes what snprintf
 * writes, through its own formatter or vsnprintf.
 */
#include "unit.h"

#include <limits.h>
#include <stdio.h>

#include "buf.h"

/* buf_printf of fmt with the arguments gives snprintf's bytes. */
#define SAME(fmt, ...) do {						\
		char want_[2048];					\
		buf b_ = BUF_INIT;					\
		buf_puts(&b_, "<");					\
		snprintf(want_, sizeof want_, "<" fmt, __VA_ARGS__);	\
		buf_printf(&b_, fmt, __VA_ARGS__);			\
		assert_string_equal(b_.data, want_);			\
		assert_int_equal(b_.len, strlen(want_));		\
		buf_free(&b_);						\
	} while (0)

static void test_simple_conversions(void **state)
{
	(void)state;
	SAME("</%s>", "section");
	SAME("<li class=\"toc-level%d\"><a", 2);
	SAME("%d %d %d", 0, -7, INT_MIN);
	SAME("%d|%u", INT_MAX, UINT_MAX);
	SAME("%ld %ld %lu", LONG_MIN, LONG_MAX, ULONG_MAX);
	SAME("%zu items, 100%% done%s", (size_t)SIZE_MAX, "");
	SAME("%s%s%s", "a", "", "bc");
}

static void test_other_conversions(void **state)
{
	(void)state;
	SAME("%.*s|%5d|%-3s|%02X", 3, "abcdef", 42, "x", 0xA);
	SAME("%c%x", 'q', 255u);
	SAME("%s %.3s", "mixed", "precision");
}

static void test_long_output(void **state)
{
	(void)state;
	char big[1000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	SAME("[%s]", big);
	SAME("[%.*s]", 900, big);
}

/* RFC 4648's vectors, bytes of every kind, pieces. */
static void test_base64(void **state)
{
	(void)state;
	static const char *const v[][2] = {
		{"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
		{"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		buf b = BUF_INIT;
		buf_put_base64(&b, v[i][0], strlen(v[i][0]));
		assert_string_equal(b.data ? b.data : "", v[i][1]);
		buf_free(&b);
	}
	buf b = BUF_INIT;
	buf_put_base64(&b, "\0\xff\x80", 3);
	assert_string_equal(b.data, "AP+A");
	/* in pieces of a multiple of 3 bytes: the same as at once */
	buf_clear(&b);
	buf_put_base64(&b, "foobarba", 6);
	buf_put_base64(&b, "ba", 2);
	assert_string_equal(b.data, "Zm9vYmFyYmE=");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_conversions),
		cmocka_unit_test(test_other_conversions),
		cmocka_unit_test(test_long_output),
		cmocka_unit_test(test_base64),
	};
	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
