/*
 * render_map.c - the evidence map's figure (::: map, contract 14).
 *
 * A map is a figure like any other to the reader ("Figure 3", numbered
 * with the others) and to the backends: the same RE_FIGURE, RE_CAPTION
 * and RE_IMAGE events, so a backend that shows figures shows maps.  Only
 * the image differs: briefc draws it, once per document (every map shows
 * the whole graph), in the form the backend asks for
 * (render_options.map_form): Graphviz's dot makes an SVG, a PDF or a PNG
 * of the DOT that render_dot.c writes (dot_run.c runs it with limits),
 * and render_mermaid.c a Mermaid flowchart's text.  The caption, the alt
 * text and the key below are briefc's words, the same in every format.
 *
 * Graphviz runs before the pass that writes, so a missing or failing dot
 * is an error at the ::: map line before any output exists.  The WASI
 * build (the playground) runs no program: there, every drawing but
 * Mermaid's is that error, saying why.
 */
#include <stdio.h>
#include <string.h>

#include "graph.h"
#include "render_int.h"
#ifndef __wasi__
#include "dot_run.h"
#endif

static const char map_caption[] =
	"Evidence map: the sources each finding cites, and the findings "
	"each recommendation addresses";

static render_drawing drawing_of(const render *r)
{
	if (r->opt->map_form != RD_DEFAULT)
		return (render_drawing)r->opt->map_form;
	return r->be->image_bytes ? RD_PNG : RD_NONE;
}

/* The drawing of d in form how, appended to out: 0, or -1 with a
 * message in err. */
static int draw(const ast_doc *d, render_drawing how, buf *out, buf *err)
{
	if (how == RD_MERMAID) {
		render_mermaid(d, out);
		return 0;
	}
#ifdef __wasi__
	(void)out;
	buf_puts(err, "the evidence map cannot be drawn here: Graphviz's dot "
		 "draws it, and this build (the playground) runs no program; "
		 "build this format with briefc on a computer (Markdown's map, "
		 "a mermaid block, is made here)");
	return -1;
#else
	buf dot = BUF_INIT;
	render_dot(d, &dot);
	dot_output fmt = how == RD_SVG ? DOT_SVG : how == RD_PDF ? DOT_PDF : DOT_PNG;
	int rc = dot_run(dot.data ? dot.data : "", dot.len, fmt, NULL, out, err);
	buf_free(&dot);
	return rc;
#endif
}

/* The size of the first page of a PDF that cairo wrote (Graphviz's),
 * from its "/MediaBox [ 0 0 W H ]", rounded up; 0 when not found. */
static void pdf_size(const buf *pdf, long *w, long *h)
{
	static const char key[] = "/MediaBox [";
	*w = *h = 0;
	const char *s = pdf->data;
	for (size_t i = 0; s && i + sizeof key - 1 < pdf->len; i++) {
		if (s[i] != '/' || memcmp(s + i, key, sizeof key - 1) != 0)
			continue;
		double v[4];
		if (sscanf(s + i + sizeof key - 1, " %lf %lf %lf %lf", &v[0], &v[1],
			   &v[2], &v[3]) == 4 && v[2] > v[0] && v[3] > v[1] &&
		    v[2] - v[0] < 1e6 && v[3] - v[1] < 1e6) {
			*w = (long)(v[2] - v[0] + 0.999);
			*h = (long)(v[3] - v[1] + 0.999);
		}
		return;
	}
}

int render_map_prepare(render *r)
{
	render_priv *p = r->p;
	const ast_doc *d = r->doc;
	render_drawing how = drawing_of(r);
	p->map_mime = NULL;
	if (!d->maps.n || how == RD_NONE)
		return 0;
	buf err = BUF_INIT;
	if (draw(d, how, &p->map, &err) != 0) {
		const ast_node *m = d->maps.v[0];
		diag_report(&((ast_doc *)d)->diags, DC_MISSING_FILE,
			    m->u.block->kind_at, "%s",
			    err.data ? err.data : "the evidence map cannot be drawn");
		buf_free(&err);
		return 1;
	}
	buf_free(&err);
	static const char *const mime[] = {
		[RD_SVG] = RENDER_MIME_SVG, [RD_PDF] = RENDER_MIME_PDF,
		[RD_PNG] = RENDER_MIME_PNG, [RD_MERMAID] = RENDER_MIME_MERMAID,
	};
	p->map_mime = mime[how];
	if (how == RD_PDF)
		pdf_size(&p->map, &p->map_width, &p->map_height);
	if (how == RD_PDF && r->opt->map_drawing)
		buf_put(r->opt->map_drawing, p->map.data, p->map.len);
	return 0;
}

/* n things: "1 finding", "3 findings". */
static void count(buf *out, size_t n, const char *one, const char *many)
{
	buf_printf(out, "%zu %s", n, n == 1 ? one : many);
}

/* What the drawing shows, for a reader who cannot see it. */
static void alt_text(const graph *g, buf *out)
{
	size_t areas = 0, unsupported = 0, unaddressed = 0, uncited = 0;
	for (size_t k = 0; k < g->nareas; k++)
		areas += g->areas[k].n > 0 && g->areas[k].node;
	for (size_t i = 0; i < g->n; i++) {
		const graph_node *n = &g->nodes[i];
		unsupported += n->kind != GRAPH_EVIDENCE && (n->flags & GRAPH_UNSUPPORTED);
		unaddressed += (n->flags & GRAPH_UNADDRESSED) != 0;
		uncited += (n->flags & GRAPH_UNCITED) != 0;
	}
	buf_puts(out, "Diagram of the argument: ");
	count(out, g->nevidence, "source", "sources");
	buf_puts(out, ", ");
	count(out, g->nfindings, "finding", "findings");
	buf_puts(out, " and ");
	count(out, g->nrecs, "recommendation", "recommendations");
	if (areas) {
		buf_puts(out, " in ");
		count(out, areas, "area", "areas");
	}
	buf_puts(out, ", in three columns, with an arrow from each source to "
		 "each finding that cites it and from each finding to each "
		 "recommendation that addresses it.");
	if (unsupported) {
		buf_putc(out, ' ');
		count(out, unsupported, "finding or recommendation rests",
		      "findings or recommendations rest");
		buf_puts(out, " on no evidence.");
	}
	if (unaddressed) {
		buf_putc(out, ' ');
		count(out, unaddressed, "finding is", "findings are");
		buf_puts(out, " addressed by no recommendation.");
	}
	if (uncited) {
		buf_putc(out, ' ');
		count(out, uncited, "source is", "sources are");
		buf_puts(out, " cited by no finding.");
	}
}

/* The key: how to read the drawing, and the marks it has. */
static void key_text(const graph *g, buf *out)
{
	buf_puts(out, "Sources on the left, findings in the middle, "
		 "recommendations on the right, grouped by area; each arrow "
		 "runs from what supports to what rests on it. ");
	unsigned seen = 0;
	for (size_t i = 0; i < g->n; i++) {
		const graph_node *n = &g->nodes[i];
		if (n->kind == GRAPH_EVIDENCE)
			seen |= n->flags & GRAPH_UNCITED;
		else
			seen |= n->flags & (GRAPH_UNSUPPORTED | GRAPH_UNADDRESSED);
	}
	if (seen & GRAPH_UNSUPPORTED)
		buf_puts(out, "A dashed red outline marks what rests on no evidence. ");
	if (seen & GRAPH_UNADDRESSED)
		buf_puts(out, "A double orange outline marks a finding no "
			 "recommendation addresses. ");
	if (seen & GRAPH_UNCITED)
		buf_puts(out, "A dashed grey outline marks a source no finding cites. ");
	out->data[--out->len] = '\0';	/* the last space */
}

void render_map(render *r, const ast_node *m)
{
	const ast_block *b = m->u.block;
	render_priv *p = r->p;
	bool writing = r->be != &render_null_backend;
	buf alt = BUF_INIT, key = BUF_INIT;
	if (writing) {
		graph g;
		graph_build(&g, r->doc);
		alt_text(&g, &alt);
		key_text(&g, &key);
		graph_free(&g);
	}
	r->at = b->open_at;
	render_ev ev = {.el = RE_FIGURE, .entering = true, .number = b->number,
			.label = "Figure", .name = "map"};
	ev.text.p = map_caption;
	ev.text.len = sizeof map_caption - 1;
	render_fire(r, &ev);

	render_ev cap = {.el = RE_CAPTION, .entering = true, .label = "Figure",
			 .number = b->number, .name = "figure"};
	render_fire(r, &cap);
	render_lit(r, map_caption);
	cap.entering = false;
	render_fire(r, &cap);

	const char *file = r->opt->map_file && !r->opt->tex_folder ?
		r->opt->map_file : RENDER_MAP_FILE;
	render_image img = {{file, strlen(file)}, {"", 0}, NULL, NULL, 0, 0};
	if (p->map_mime) {
		img.data.p = p->map.data ? p->map.data : "";
		img.data.len = p->map.len;
		img.mime = p->map_mime;
		img.file = file;
		img.width = p->map_width;
		img.height = p->map_height;
	}
	render_ev im = {.el = RE_IMAGE, .entering = true, .image = &img,
			.label = alt.data ? alt.data : "", .name = "map"};
	render_fire(r, &im);

	if (writing) {
		render_ev note = {.el = RE_FLOAT_NOTE, .entering = true, .label = "Key"};
		render_fire(r, &note);
		render_litn(r, key.data, key.len);
		note.entering = false;
		render_fire(r, &note);
	}
	ev.entering = false;
	render_fire(r, &ev);
	buf_free(&alt);
	buf_free(&key);
}
