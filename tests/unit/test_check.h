/*
 * test_check.h - what the checker's unit tests share: a minimal front
 * matter and running one check alone on a loaded brief.
 */
#ifndef BRIEFC_TEST_CHECK_H
#define BRIEFC_TEST_CHECK_H

#include "unit.h"

#include "check.h"


typedef void check_fn(ast_doc *d);

/* Load text, run one check and sort; the loader must report nothing. */
static inline void run(ast_doc *d, const char *text, check_fn *fn)
{
	unit_load(d, text);
	assert_int_equal(d->diags.n, 0);
	fn(d);
	diag_sort(&d->diags);
}

#endif
