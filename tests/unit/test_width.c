/*
 * test_width.c - display widths of characters and emoji sequences.
 */
#include "unit.h"

#include "utf8.h"
#include "width.h"

/* The columns of a UTF-8 string, as the caret line counts them. */
static unsigned columns(const char *s)
{
	width_state st = WIDTH_STATE_INIT;
	unsigned w = 0;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t len;
		uint32_t cp = utf8_decode(s + i, n - i, &len);
		w += width_next(&st, cp);
		i += len;
	}
	return w;
}

static void test_single_characters(void **state)
{
	(void)state;
	assert_int_equal(width_cp('a'), 1);
	assert_int_equal(width_cp(0x00E9), 1);	/* é */
	assert_int_equal(width_cp(0x00AD), 1);	/* soft hyphen: shown */
	assert_int_equal(width_cp(0x0301), 0);	/* combining acute */
	assert_int_equal(width_cp(0x0416), 1);	/* Ж */
	assert_int_equal(width_cp(0x03A9), 1);	/* Ω */
	assert_int_equal(width_cp(0x4E2D), 2);	/* 中 */
	assert_int_equal(width_cp(0x3042), 2);	/* あ */
	assert_int_equal(width_cp(0xFF71), 1);	/* halfwidth ｱ */
	assert_int_equal(width_cp(0xFF21), 2);	/* fullwidth Ａ */
	assert_int_equal(width_cp(0xD55C), 2);	/* 한 */
	assert_int_equal(width_cp(0x1100), 2);	/* choseong kiyeok */
	assert_int_equal(width_cp(0x1161), 0);	/* jungseong a */
	assert_int_equal(width_cp(0x11AB), 0);	/* jongseong nieun */
	assert_int_equal(width_cp(0x200B), 0);	/* zero-width space */
	assert_int_equal(width_cp(0x200D), 0);	/* ZWJ */
	assert_int_equal(width_cp(0x1F600), 2);	/* 😀 */
	assert_int_equal(width_cp(0x2764), 1);	/* ❤ text style */
	assert_int_equal(width_cp(0x20000), 2);	/* CJK Extension B */
	assert_int_equal(width_cp(0x3FFFD), 2);	/* unassigned, wide by default */
	assert_int_equal(width_cp(0x0009), 0);	/* controls take no column */
	assert_int_equal(width_cp(0x0085), 0);
	assert_int_equal(width_cp(0x10FFFF), 1);
	assert_string_equal(width_unicode_version, "15.0.0");
}

static void test_sequences(void **state)
{
	(void)state;
	assert_int_equal(columns("abc"), 3);
	assert_int_equal(columns("Vie\xCC\xA3\xCC\x82t"), 4);	/* Việt, decomposed */
	assert_int_equal(columns("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"), 2);	/* 한 from jamo */
	assert_int_equal(columns("\xE2\x9D\xA4\xEF\xB8\x8F"), 2);	/* ❤️ */
	assert_int_equal(columns("1\xEF\xB8\x8F\xE2\x83\xA3"), 2);	/* keycap 1 */
	assert_int_equal(columns("a\xEF\xB8\x8F"), 1);	/* U+FE0F after a letter */
	/* 👩‍👩‍👧: three pictographs joined by U+200D, one picture */
	assert_int_equal(columns("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
				 "\xF0\x9F\x91\xA7"), 2);
	/* 👍🏽: a skin tone joins its emoji; alone it is a swatch */
	assert_int_equal(columns("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 2);
	assert_int_equal(columns("a\xF0\x9F\x8F\xBD"), 3);
	/* a ZWJ between letters joins nothing */
	assert_int_equal(columns("a\xE2\x80\x8D" "b"), 2);
	/* 🇰🇷: two regional indicators, one flag two columns wide */
	assert_int_equal(columns("\xF0\x9F\x87\xB0\xF0\x9F\x87\xB7"), 2);
	/* 中文 then an emoji after text */
	assert_int_equal(columns("\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80"), 7);
}

/* The generated table: sorted, disjoint, and only what differs from width 1. */
static void test_every_code_point(void **state)
{
	(void)state;
	unsigned wide = 0, zero = 0;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		unsigned w = width_cp(cp);
		assert_true(w <= 2);
		wide += w == 2;
		zero += w == 0;
	}
	/* Unicode 15.0: about 180 000 wide (with the reserved CJK planes)
	 * and 2 500 zero-width code points */
	assert_in_range(wide, 150000, 220000);
	assert_in_range(zero, 2000, 4000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_characters),
		cmocka_unit_test(test_sequences),
		cmocka_unit_test(test_every_code_point),
	};
	return cmocka_run_group_tests_name("width", tests, NULL, NULL);
}
