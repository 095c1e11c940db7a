/*
 * unit.h - what every cmocka unit test includes, and a helper to parse a
 * document from a string.
 */
#ifndef BRIEFC_UNIT_H
#define BRIEFC_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ast.h"

static inline void unit_load(ast_doc *d, const char *text)
{
	int rc = ast_doc_load(d, "t.brief", text, strlen(text));
	assert_int_equal(rc, 0);
}

/* Number of diagnostics with the given code. */
static inline size_t unit_count(const ast_doc *d, diag_code c)
{
	size_t n = 0;
	for (size_t i = 0; i < d->diags.n; i++)
		n += d->diags.items[i].code == c;
	return n;
}

#endif
