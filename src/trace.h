/*
 * trace.h - `briefc trace FILE ID...`: what rests on an ID and what it
 * rests on, read from the evidence map (graph.h).
 *
 * For evidence: the findings citing it and the recommendations addressing
 * those findings.  For a finding: its evidence and the recommendations
 * addressing it.  For a recommendation: its findings and their evidence.
 * Each node is marked with what it lacks and, on the side that rests on
 * the traced ID, whether it falls with it: it stands now and would rest on
 * no evidence if the traced ID were withdrawn.  The formats (text and
 * JSON) are in docs/output.md.
 */
#ifndef BRIEFC_TRACE_H
#define BRIEFC_TRACE_H

#include <stddef.h>

#include "ast.h"
#include "buf.h"

/* Version of the JSON trace format; bumped on incompatible change. */
#define TRACE_JSON_VERSION 1

/*
 * The evidence, finding or recommendation id names, or NULL with a
 * one-line message (no newline) in err: what it names instead, or that it
 * names nothing, with a did-you-mean among the IDs trace accepts.
 */
const ast_node *trace_lookup(const ast_doc *d, const char *id, buf *err);

/* The traces of the blocks roots[0..n) (from trace_lookup), in order. */
void trace_text(const ast_doc *d, const ast_node *const *roots, size_t n,
		buf *out);
void trace_json(const ast_doc *d, const ast_node *const *roots, size_t n,
		buf *out);

#endif
