/*
 * graph.h - the evidence map: what rests on what.
 *
 * A brief's argument is a chain: evidence supports findings, findings
 * support the recommendations that address them.  graph_build reads the
 * resolved tree into that chain once, and `briefc trace`, `build -t dot`
 * and the drawing of `::: map` all read the chain from here, so they can
 * never disagree about an edge.
 *
 * Nodes: every evidence block (in source-number order), every finding and
 * every recommendation (in number order), so node i of a kind is the one
 * numbered i + 1.  Edges, each pair once:
 *
 *   evidence -> finding         the finding cites it: by its `evidence:`
 *                               list or by an [@id] in its fields or body
 *                               (the rule of unsupported-finding)
 *   finding -> recommendation   the recommendation's `addresses:` names it
 *
 * A recommendation's or the prose's own [@evidence] references are not
 * edges: the chain runs through findings.  Unresolved IDs and IDs of the
 * wrong kind make no edge (the checker reports them).
 *
 * Everything is in a fixed order (numbers, then declared areas), never in
 * hash order, so every output made from the graph is deterministic.
 */
#ifndef BRIEFC_GRAPH_H
#define BRIEFC_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "buf.h"
#include "i18n.h"

typedef enum graph_kind {
	GRAPH_EVIDENCE,
	GRAPH_FINDING,
	GRAPH_RECOMMENDATION
} graph_kind;

/* What a node lacks; the checks of the same names report them. */
enum {
	GRAPH_UNSUPPORTED = 1,	/* finding: cites no evidence; recommendation:
				 * addresses no supported finding */
	GRAPH_UNADDRESSED = 2,	/* finding: no recommendation addresses it */
	GRAPH_UNCITED = 4	/* evidence: no finding cites it */
};

typedef struct graph_node {
	graph_kind kind;
	int number;		/* finding/recommendation number, source number */
	const ast_node *block;
	unsigned flags;
	/* g->adj[below .. below + nbelow): what this node rests on (a
	 * finding's evidence, a recommendation's findings); g->adj[above ..
	 * above + nabove): what rests on it.  Both in node order. */
	size_t below, nbelow, above, nabove;
	size_t area;		/* recommendation: index into g->areas */
} graph_node;

/* A group of recommendations: a declared area, or "no area". */
typedef struct graph_area {
	const ast_node *node;	/* the AST_AREA, or NULL for recommendations
				 * without a (resolvable) area */
	size_t *recs;		/* node indices, in number order */
	size_t n;
} graph_area;

typedef struct graph {
	graph_node *nodes;
	size_t n, nevidence, nfindings, nrecs;	/* nodes: evidence first,
						 * then findings, then
						 * recommendations */
	size_t *adj;
	size_t nedges;		/* each edge is in adj twice */
	graph_area *areas;	/* declared order, then the one without an
				 * area if it has any; empty areas included */
	size_t nareas;
} graph;

/* Build the graph of a resolved document (errors or not: what resolved is
 * what is drawn).  Never fails; allocation failure aborts. */
void graph_build(graph *g, const ast_doc *d);
void graph_free(graph *g);

/* The node of a finding, recommendation or evidence block, or NULL. */
const graph_node *graph_node_of(const graph *g, const ast_node *block);
static inline size_t graph_index(const graph *g, const graph_node *n)
{
	return (size_t)(n - g->nodes);
}

/* "evidence", "finding", "recommendation" */
const char *graph_kind_name(graph_kind k);
/* The node's label: "[3]", "Finding 3", "Recommendation 3". */
void graph_label(const graph_node *n, buf *out);
/* The node's name in a drawing: e3, f3, r3 (kind and number), never
 * author text. */
void graph_node_name(const graph_node *n, buf *out);
/* The language of the drawing's words: the brief's lang's. */
const i18n_lang *graph_lang(const ast_doc *d);
/* What the node lacks, as a drawing shows it in its label ("(!) NO
 * EVIDENCE"), in language l, or NULL. */
const char *graph_lack(const i18n_lang *l, const graph_node *n);
/*
 * The node's text (an evidence's title, a finding's claim, a
 * recommendation's action) as one line of plain text: references as their
 * labels, runs of white space and control characters as one space.  With
 * max > 0, cut to at most max code points at a word boundary, "…" added.
 */
void graph_text(const ast_doc *d, const graph_node *n, size_t max, buf *out);

/*
 * Wrapping a one-line text (graph_text's) at width code points: the bytes
 * of its first line, cut at the last space that keeps it within width (a
 * longer word is cut at width).  The next line starts after that, past
 * one space:
 *
 *	while (n) { k = graph_wrap(s, n, w); use s[0..k); skip k and a space }
 */
size_t graph_wrap(const char *s, size_t n, size_t width);

/* ---- drawings of the graph ---- */

/*
 * A node's whole label as a drawing shows it: graph_label, the lack (if
 * any), then its text cut to max code points and wrapped at width, each
 * line after a brk (the format's line break) and through esc (the
 * format's escaper, the only way author text gets in).  tmp is scratch.
 */
void graph_put_label(const ast_doc *d, const graph_node *n, size_t max,
		     size_t width, const char *brk,
		     void (*esc)(buf *out, const char *s, size_t n),
		     buf *tmp, buf *out);

/*
 * Graphviz DOT (docs/output.md): one node per evidence, finding and
 * recommendation, labelled with its label and its text cut and wrapped,
 * one edge per edge of the graph, recommendations in a cluster per area,
 * what lacks support or a recommendation marked by shape, colour and a
 * line of text.  Author text goes through escape_dot only.
 */
void render_dot(const ast_doc *d, buf *out);
/* The same graph as a Mermaid flowchart (the text inside a ```mermaid
 * fence), for Markdown; author text goes through escape_mermaid only. */
void render_mermaid(const ast_doc *d, buf *out);

#endif
