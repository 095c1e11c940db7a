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

/* The smallest front matter a brief needs. */
#define FM "---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n"

static inline void unit_loadn(ast_doc *d, const char *text, size_t len)
{
	int rc = ast_doc_load(d, "t.brief", text, len);
	assert_int_equal(rc, 0);
}

static inline void unit_load(ast_doc *d, const char *text)
{
	unit_loadn(d, text, strlen(text));
}

/* Load a string literal, NUL bytes included. */
#define UNIT_LOAD_LIT(d, lit) unit_loadn((d), (lit), sizeof(lit) - 1)

/* Number of diagnostics with the given code. */
static inline size_t unit_count(const ast_doc *d, diag_code c)
{
	size_t n = 0;
	for (size_t i = 0; i < d->diags.n; i++)
		n += d->diags.items[i].code == c;
	return n;
}

/* Number of diagnostics whose message contains needle. */
static inline size_t unit_count_msg(const ast_doc *d, const char *needle)
{
	size_t n = 0;
	for (size_t i = 0; i < d->diags.n; i++)
		n += strstr(d->diags.items[i].msg, needle) != NULL;
	return n;
}

/* The node that defines ID id, or NULL. */
static inline ast_node *unit_get(ast_doc *d, const char *id)
{
	return ast_idtab_get(&d->ids, id, strlen(id));
}

/* The k-th node (0-based, pre-order) of type t under root, or NULL. */
static inline ast_node *unit_find(ast_node *root, ast_type t, int k)
{
	for (ast_node *n = root; n; n = ast_next(n, root, true))
		if (n->type == t && k-- == 0)
			return n;
	return NULL;
}

/* A text node's string equals want (it may be the source's own bytes,
 * not NUL-terminated: ast.h). */
#define unit_assert_str(s, want) do {					\
		str s_ = (s);						\
		const char *w_ = (want);				\
		assert_int_equal(s_.len, strlen(w_));			\
		if (s_.len)						\
			assert_memory_equal(s_.p, w_, s_.len);		\
	} while (0)

/* The source text a span covers, as a NUL-terminated static copy. */
static inline const char *unit_text(const ast_doc *d, span s)
{
	static char b[256];
	size_t n = s.end - s.start;
	if (n > sizeof b - 1)
		n = sizeof b - 1;
	memcpy(b, d->src.text + s.start, n);
	b[n] = 0;
	return b;
}

#endif
