/*
 * resolve.h - the semantic pass over a parsed document (resolve.c): the
 * ID table, resolved references and ID lists, numbers, and the links
 * both ways that the checks and the backends read (ast.h, "filled by
 * resolve.c").  It reports nothing: what is wrong is for the checks.
 */
#ifndef BRIEFC_RESOLVE_H
#define BRIEFC_RESOLVE_H

#include "ast.h"

void resolve_document(ast_doc *d);

#endif
