/*
 * render_mermaid.c - the evidence map as a Mermaid flowchart, the text of
 * a ```mermaid block in Markdown (GitHub and GitLab draw those).
 *
 * The same graph, names and marking as render_dot.c: columns left to
 * right, recommendations in a subgraph per area, and what lacks support
 * or a recommendation marked by outline, colour and a line of text.  Node
 * names are briefc's own (e1, f1, r1, area1), so Mermaid's keywords
 * ("end", "graph") can never be one.  Author text goes through
 * escape_mermaid only, inside double quotes, where Mermaid reads no
 * syntax; the line breaks (<br/>) are the only markup, and they are ours.
 */
#include "graph.h"

#include "escape.h"

enum { MERMAID_WRAP = 28, MERMAID_TEXT_MAX = 84 };

static void put_node(buf *out, const ast_doc *d, const graph_node *n, buf *tmp,
		     const char *indent)
{
	buf_puts(out, indent);
	graph_node_name(n, out);
	/* evidence a rectangle, findings and recommendations rounded */
	buf_puts(out, n->kind == GRAPH_EVIDENCE ? "[\"" : "(\"");
	graph_put_label(d, n, MERMAID_TEXT_MAX, MERMAID_WRAP, "<br/>",
			escape_mermaid, tmp, out);
	buf_puts(out, n->kind == GRAPH_EVIDENCE ? "\"]" : "\")");
	static const char *const cls[] = {":::evidence", ":::finding", ":::rec"};
	if (n->kind != GRAPH_EVIDENCE && (n->flags & GRAPH_UNSUPPORTED))
		buf_puts(out, ":::unsupported");
	else if (n->flags & GRAPH_UNADDRESSED)
		buf_puts(out, ":::unaddressed");
	else if (n->flags & GRAPH_UNCITED)
		buf_puts(out, ":::uncited");
	else
		buf_puts(out, cls[n->kind]);
	buf_putc(out, '\n');
}

void render_mermaid(const ast_doc *d, buf *out)
{
	graph g;
	graph_build(&g, d);
	buf tmp = BUF_INIT;
	buf_puts(out, "flowchart LR\n");
	for (size_t i = 0; i < g.nevidence + g.nfindings; i++)
		put_node(out, d, &g.nodes[i], &tmp, "  ");
	const char *none = i18n_word_of(graph_lang(d), I18N_MAP_NO_AREA);
	for (size_t k = 0; k < g.nareas; k++) {
		const graph_area *a = &g.areas[k];
		if (!a->n)
			continue;
		buf_puts(out, "  subgraph area");
		buf_put_ulong(out, (unsigned long)k + 1);
		buf_puts(out, "[\"");
		if (a->node)
			escape_mermaid(out, a->node->u.entry->value.p,
				       a->node->u.entry->value.len);
		else	/* the recommendations without one */
			escape_mermaid(out, none, strlen(none));
		buf_puts(out, "\"]\n");
		for (size_t i = 0; i < a->n; i++)
			put_node(out, d, &g.nodes[a->recs[i]], &tmp, "    ");
		buf_puts(out, "  end\n");
	}
	for (size_t i = 0; i < g.n; i++) {
		const graph_node *n = &g.nodes[i];
		for (size_t k = 0; k < n->nabove; k++) {
			buf_puts(out, "  ");
			graph_node_name(n, out);
			buf_puts(out, " --> ");
			graph_node_name(&g.nodes[g.adj[n->above + k]], out);
			buf_putc(out, '\n');
		}
	}
	buf_puts(out,
		 "  classDef evidence fill:#e8eef7,stroke:#5f6b7a\n"
		 "  classDef finding fill:#fdf3dc,stroke:#5f6b7a\n"
		 "  classDef rec fill:#e6f2e6,stroke:#5f6b7a\n"
		 "  classDef uncited fill:#e8eef7,stroke:#5f6b7a,stroke-dasharray:4 3,color:#5f6b7a\n"
		 "  classDef unsupported fill:#fbe3e1,stroke:#b3261e,stroke-width:2px,stroke-dasharray:6 3\n"
		 "  classDef unaddressed fill:#fde7cf,stroke:#b35c00,stroke-width:3px\n");
	buf_free(&tmp);
	graph_free(&g);
}
