/*
 * test_hash.c - the string table and the pointer set: what goes in comes
 * out, through growth, and two tables disagree only on where keys sit.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "hash.h"

static void test_string_table(void **state)
{
	(void)state;
	enum { N = 5000 };
	static char keys[N][16];
	htab t = {0};
	for (size_t i = 0; i < N; i++) {
		snprintf(keys[i], sizeof keys[i], "key-%zu", i);
		bool added;
		htab_entry *e = htab_put(&t, keys[i], strlen(keys[i]), &added);
		assert_true(added);
		e->val.n = i;
	}
	assert_int_equal(t.n, N);
	assert_true(t.cap >= 2 * N);
	for (size_t i = 0; i < N; i++) {
		htab_entry *e = htab_get(&t, keys[i], strlen(keys[i]));
		assert_non_null(e);
		assert_int_equal(e->val.n, i);
		bool added;
		assert_ptr_equal(htab_put(&t, keys[i], strlen(keys[i]), &added), e);
		assert_false(added);
	}
	assert_null(htab_get(&t, "key-", 4));
	assert_null(htab_get(&t, "key-50000", 9));
	/* keys are compared whole, not by prefix or hash */
	htab_put(&t, "ab\0c", 4, NULL)->val.n = 1;
	assert_null(htab_get(&t, "ab", 2));
	assert_int_equal(htab_get(&t, "ab\0c", 4)->val.n, 1);
	htab_free(&t);
	assert_null(htab_get(&t, "key-1", 5));
}

/* A table reserved for n entries takes them without growing, and keeps
 * what it held before. */
static void test_string_table_reserved(void **state)
{
	(void)state;
	enum { N = 3000 };
	static char keys[N][16];
	htab t = {0};
	htab_reserve(&t, 0);
	assert_int_equal(t.cap, 0);
	snprintf(keys[0], sizeof keys[0], "key-0");
	htab_put(&t, keys[0], strlen(keys[0]), NULL)->val.n = 0;
	htab_reserve(&t, N);
	size_t cap = t.cap;
	assert_true(cap >= 2 * N);
	assert_true(cap < 4 * N);
	for (size_t i = 1; i < N; i++) {
		snprintf(keys[i], sizeof keys[i], "key-%zu", i);
		htab_put(&t, keys[i], strlen(keys[i]), NULL)->val.n = i;
	}
	assert_int_equal(t.cap, cap);
	for (size_t i = 0; i < N; i++)
		assert_int_equal(htab_get(&t, keys[i], strlen(keys[i]))->val.n, i);
	htab_reserve(&t, 10);	/* never shrinks */
	assert_int_equal(t.cap, cap);
	htab_free(&t);
}

static void test_hash_seeded(void **state)
{
	(void)state;
	/* the same bytes hash alike under one seed, apart under two */
	assert_true(hash_bytes(1, "paragraph text", 14) == hash_bytes(1, "paragraph text", 14));
	assert_true(hash_bytes(1, "paragraph text", 14) != hash_bytes(2, "paragraph text", 14));
	assert_true(hash_bytes(1, "abcdefgh", 8) != hash_bytes(1, "abcdefgi", 8));
}

static void test_pointer_set(void **state)
{
	(void)state;
	static int v[3000];
	ptrset s = {0};
	for (size_t i = 0; i < 3000; i += 2)
		assert_true(ptrset_add(&s, &v[i]));
	for (size_t i = 0; i < 3000; i++)
		assert_int_equal(ptrset_has(&s, &v[i]), i % 2 == 0);
	assert_false(ptrset_add(&s, &v[0]));
	assert_false(ptrset_add(&s, NULL));
	assert_false(ptrset_has(&s, NULL));
	assert_int_equal(s.n, 1500);
	ptrset_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_string_table),
		cmocka_unit_test(test_string_table_reserved),
		cmocka_unit_test(test_hash_seeded),
		cmocka_unit_test(test_pointer_set),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
