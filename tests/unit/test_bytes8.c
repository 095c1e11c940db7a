/*
 * test_bytes8.c - every eight-byte trick of bytes8.h against its meaning
 * byte by byte: each byte value in each position, among random others.
 */
#include "unit.h"

#include "bytes8.h"

static uint64_t rng = 88172645463325252u;

static uint64_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* The mask with bit 7 of byte k set where pred holds of byte k. */
typedef bool pred_fn(unsigned char b, unsigned a, unsigned c);

static uint64_t expect(const unsigned char *b, pred_fn *pred, unsigned a, unsigned c)
{
	unsigned char mb[8];
	for (int k = 0; k < 8; k++)
		mb[k] = pred(b[k], a, c) ? 0x80 : 0;
	return b8_load(mb);	/* in memory order, whatever the machine's */
}

static bool p_zero(unsigned char b, unsigned a, unsigned c) { (void)a, (void)c; return b == 0; }
static bool p_high(unsigned char b, unsigned a, unsigned c) { (void)a, (void)c; return b >= 0x80; }
static bool p_cont(unsigned char b, unsigned a, unsigned c) { (void)a, (void)c; return (b & 0xC0) == 0x80; }
static bool p_eq(unsigned char b, unsigned a, unsigned c) { (void)c; return b == a; }
static bool p_ge(unsigned char b, unsigned a, unsigned c) { (void)c; return b >= a; }
static bool p_lt(unsigned char b, unsigned a, unsigned c) { (void)c; return b < a; }
static bool p_in(unsigned char b, unsigned a, unsigned c) { return b >= a && b <= c; }

/* Words with value v at position k, the other bytes random (below 0x80
 * when seven). */
static void check_all(bool seven, void (*one)(const unsigned char *b))
{
	for (int v = 0; v < (seven ? 0x80 : 0x100); v++)
		for (int k = 0; k < 8; k++)
			for (int r = 0; r < 8; r++) {
				unsigned char b[8];
				uint64_t x = next_random();
				memcpy(b, &x, 8);
				for (int j = 0; j < 8; j++)
					if (seven)
						b[j] &= 0x7F;
				b[k] = (unsigned char)v;
				one(b);
			}
}

static void exact(const unsigned char *b)
{
	uint64_t x = b8_load(b);
	assert_true(b8_zero(x) == expect(b, p_zero, 0, 0));
	assert_true(b8_high(x) == expect(b, p_high, 0, 0));
	assert_true(b8_ascii(x) == (expect(b, p_high, 0, 0) == 0));
	assert_true(b8_cont(x) == expect(b, p_cont, 0, 0));
	unsigned marks = 0;
	for (int k = 0; k < 8; k++)
		marks += b[k] == b[0];
	assert_int_equal(b8_count(b8_eq(x, b[0])), marks);
	for (unsigned c = 0; c < 256; c += 17)
		assert_true(b8_eq(x, (unsigned char)c) == expect(b, p_eq, c, 0));
}

static void seven(const unsigned char *b)
{
	uint64_t x = b8_load(b);
	static const unsigned char probes[] = {0, 1, '\t', '\n', ' ', '0', '9', 'A', 'Z',
					      'a', 'z', 0x7F};
	for (size_t i = 0; i < sizeof probes; i++) {
		unsigned c = probes[i];
		assert_true(b8_eq7(x, (unsigned char)c) == expect(b, p_eq, c, 0));
		assert_true(b8_ge7(x, (unsigned char)c) == expect(b, p_ge, c, 0));
		assert_true(b8_lt7(x, (unsigned char)c) == expect(b, p_lt, c, 0));
	}
	assert_true(b8_ge7(x, 0x80) == 0);
	assert_true(b8_in7(x, 'A', 'Z') == expect(b, p_in, 'A', 'Z'));
	assert_true(b8_in7(x, '0', '9') == expect(b, p_in, '0', '9'));
	assert_true(b8_in7(x, 0, 0x7F) == expect(b, p_in, 0, 0x7F));
}

static void test_exact(void **state)
{
	(void)state;
	check_all(false, exact);
}

static void test_seven_bit(void **state)
{
	(void)state;
	check_all(true, seven);
}

static void test_spread_bits(void **state)
{
	(void)state;
	assert_true(b8_spread(0x41) == 0x4141414141414141u);
	assert_true(b8_bits(B8_HIGH) == B8_ONES);
	assert_int_equal(b8_count(B8_HIGH), 8);
	assert_int_equal(b8_count(0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_seven_bit),
		cmocka_unit_test(test_spread_bits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
