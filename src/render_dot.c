/*
 * render_dot.c - the evidence map in Graphviz DOT (`build -t dot`, and
 * what dot_run.c draws for `::: map`).
 *
 * Three columns, left to right: evidence, findings, recommendations, the
 * recommendations boxed by area.  Node names are briefc's own (e1, f1,
 * r1: kind and number), never author text, so author text appears only
 * inside labels, through escape_dot.  A node that lacks something says so
 * three ways: its outline (dashed or doubled), its colour, and a line of
 * text in its label, so the marking survives grey-scale printing.
 *
 * The attributes were chosen by looking at drawings of briefs with 5 and
 * with 40 recommendations (bench/mapgen.sh makes them); docs/output.md says
 * what was tried.
 */
#include "graph.h"

#include "escape.h"

/*
 * Code points per label line, and of the text in all: three lines, or
 * two in a map of more than DOT_BIG nodes, whose column of
 * recommendations would otherwise be too tall to read on a page.
 */
enum { DOT_WRAP = 28, DOT_TEXT_MAX = 84, DOT_TEXT_MAX_BIG = 56, DOT_BIG = 40 };

static const char dot_head[] =
	"digraph evidence_map {\n"
	"\tgraph [rankdir=LR, newrank=true, ranksep=0.5, nodesep=0.12,\n"
	"\t\tfontname=\"Helvetica\", fontsize=11, labeljust=l,\n"
	"\t\tbgcolor=white, pad=0.1];\n"
	"\tnode [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\",\n"
	"\t\tfontsize=9, width=2.3, margin=\"0.08,0.04\", color=\"#5f6b7a\",\n"
	"\t\tpenwidth=1];\n"
	"\tedge [color=\"#7d8794\", arrowsize=0.5, penwidth=0.8];\n";

/* Fill colour of each kind. */
static const char *const fill[] = {"#e8eef7", "#fdf3dc", "#e6f2e6"};

static void put_node(buf *out, const ast_doc *d, const graph *g,
		     const graph_node *n, buf *tmp, const char *indent)
{
	buf_puts(out, indent);
	graph_node_name(n, out);
	buf_puts(out, " [label=\"");
	graph_put_label(d, n, g->n > DOT_BIG ? DOT_TEXT_MAX_BIG : DOT_TEXT_MAX, DOT_WRAP, "\\n", escape_dot, tmp, out);
	/* the marking: outline, colours, and the line of text above */
	const char *style = n->kind == GRAPH_EVIDENCE ? "filled" : "rounded,filled";
	const char *fillc = fill[n->kind], *color = NULL, *font = NULL;
	bool thick = false;
	if (n->flags & GRAPH_UNCITED) {
		style = "filled,dashed";
		font = "#5f6b7a";
	}
	if (n->kind != GRAPH_EVIDENCE && (n->flags & GRAPH_UNSUPPORTED)) {
		style = "rounded,filled,dashed";
		color = "#b3261e";
		fillc = "#fbe3e1";
		thick = true;
	} else if (n->flags & GRAPH_UNADDRESSED) {
		color = "#b35c00";
		fillc = "#fde7cf";
	}
	buf_puts(out, "\", style=\"");
	buf_puts(out, style);
	buf_puts(out, "\", fillcolor=\"");
	buf_puts(out, fillc);
	buf_putc(out, '"');
	if (n->kind == GRAPH_EVIDENCE)
		buf_puts(out, ", shape=note");
	if (color) {
		buf_puts(out, ", color=\"");
		buf_puts(out, color);
		buf_putc(out, '"');
	}
	if (font) {
		buf_puts(out, ", fontcolor=\"");
		buf_puts(out, font);
		buf_putc(out, '"');
	}
	if (thick)
		buf_puts(out, ", penwidth=1.6");
	if (n->flags & GRAPH_UNADDRESSED)
		buf_puts(out, ", peripheries=2");
	buf_puts(out, "];\n");
}

/* The nodes of one kind, ranked together. */
static void put_column(buf *out, const ast_doc *d, const graph *g,
		       size_t from, size_t n, buf *tmp)
{
	if (!n)
		return;
	buf_puts(out, "\t{\n\t\trank=same;\n");
	for (size_t i = from; i < from + n; i++)
		put_node(out, d, g, &g->nodes[i], tmp, "\t\t");
	buf_puts(out, "\t}\n");
}

static void put_areas(buf *out, const ast_doc *d, const graph *g, buf *tmp)
{
	const char *none = i18n_word_of(graph_lang(d), I18N_MAP_NO_AREA);
	for (size_t k = 0; k < g->nareas; k++) {
		const graph_area *a = &g->areas[k];
		if (!a->n)
			continue;
		buf_puts(out, "\tsubgraph cluster_area");
		buf_put_ulong(out, (unsigned long)k + 1);
		buf_puts(out, " {\n\t\tlabel=\"");
		if (a->node)
			escape_dot(out, a->node->u.entry->value.p,
				   a->node->u.entry->value.len);
		else	/* the recommendations without one */
			escape_dot(out, none, strlen(none));
		buf_puts(out, "\";\n\t\tstyle=\"rounded,filled\"; fillcolor=\"#f6f7f9\"; "
			 "color=\"#c4c9d0\"; fontsize=10; margin=8;\n");
		for (size_t i = 0; i < a->n; i++)
			put_node(out, d, g, &g->nodes[a->recs[i]], tmp, "\t\t");
		buf_puts(out, "\t}\n");
	}
	/* one column, across the clusters (newrank lets a rank cross them) */
	if (g->nrecs) {
		buf_puts(out, "\t{rank=same;");
		for (size_t i = 0; i < g->nrecs; i++) {
			buf_putc(out, ' ');
			graph_node_name(&g->nodes[g->nevidence + g->nfindings + i], out);
			buf_putc(out, ';');
		}
		buf_puts(out, "}\n");
	}
}

static void put_edges(buf *out, const graph *g)
{
	for (size_t i = 0; i < g->n; i++) {
		const graph_node *n = &g->nodes[i];
		for (size_t k = 0; k < n->nabove; k++) {
			buf_putc(out, '\t');
			graph_node_name(n, out);
			buf_puts(out, " -> ");
			graph_node_name(&g->nodes[g->adj[n->above + k]], out);
			buf_puts(out, ";\n");
		}
	}
}

void render_dot(const ast_doc *d, buf *out)
{
	graph g;
	graph_build(&g, d);
	buf tmp = BUF_INIT;
	buf_puts(out, dot_head);
	put_column(out, d, &g, 0, g.nevidence, &tmp);
	put_column(out, d, &g, g.nevidence, g.nfindings, &tmp);
	put_areas(out, d, &g, &tmp);
	put_edges(out, &g);
	buf_puts(out, "}\n");
	buf_free(&tmp);
	graph_free(&g);
}
