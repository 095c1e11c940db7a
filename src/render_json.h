/*
 * render_json.h - the JSON backend: the whole checked document model.
 *
 * The schema (every key, with examples) is docs/json.md.  Output is
 * deterministic: everything is written in document order (or source-number
 * order for sources), never in hash-table order, so the same input gives
 * the same bytes.
 */
#ifndef BRIEFC_RENDER_JSON_H
#define BRIEFC_RENDER_JSON_H

#include <stddef.h>

#include "ast.h"
#include "buf.h"

/* Version of the schema in docs/json.md; bumped on incompatible change. */
#define RENDER_JSON_VERSION 1

/* Append the JSON document for d to out.  Returns 0. */
int render_json(const ast_doc *d, buf *out);

#endif
