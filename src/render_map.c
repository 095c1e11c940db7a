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
 * text and the key below are briefc's words in the brief's language
 * (i18n.c), the same in every format.
 *
 * Graphviz runs before the pass that writes, so a missing or failing dot
 * is an error at the ::: map line before any output exists.  The WASI
 * build (the playground) runs no program: there, every drawing but
 * Mermaid's is that error, saying why.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "render_int.h"
#include "xalloc.h"
#ifndef __wasi__
#include <jansson.h>

#include "dot_run.h"
#endif

static render_drawing drawing_of(const render *r)
{
	if (r->opt->map_form != RD_DEFAULT)
		return (render_drawing)r->opt->map_form;
	return r->be->image_bytes ? RD_PNG : RD_NONE;
}

/* The size of the first page of a PDF that cairo wrote (Graphviz's),
 * from its "/MediaBox [ 0 0 W H ]"; 0 when not found. */
static void pdf_size(const buf *pdf, double *w, double *h)
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
			*w = v[2] - v[0];
			*h = v[3] - v[1];
		}
		return;
	}
}

#ifndef __wasi__
typedef struct span_pt {
	double top, bottom;
} span_pt;

static int by_top(const void *a, const void *b)
{
	const span_pt *x = a, *y = b;
	return (x->top > y->top) - (x->top < y->top);
}

/* The numbers of a dot JSON attribute ("x,y", "x1,y1,x2,y2"): whether
 * all n of them are there. */
static bool numbers(const json_t *o, const char *key, double *v, int n)
{
	const char *s = json_string_value(json_object_get(o, key));
	if (!s)
		return false;
	for (int i = 0; i < n; i++) {
		char *e;
		v[i] = strtod(s, &e);
		if (e == s || (i + 1 < n && *e != ','))
			return false;
		s = e + 1;
	}
	return true;
}

static void obstacle(span_pt **v, size_t *n, size_t *cap, double top, double bottom)
{
	*v = xgrow(*v, cap, *n, sizeof **v, "the map's nodes");
	(*v)[(*n)++] = (span_pt){top, bottom};
}

/* Where object o of dot's layout is (points from the top of a graph H
 * high), if it is a node. */
static bool node_at(const json_t *o, double H, span_pt *at)
{
	double p[2], h;
	if (json_object_get(o, "nodes") || !numbers(o, "pos", p, 2) ||
	    !numbers(o, "height", &h, 1))
		return false;
	h *= 72;	/* a node's size is in inches */
	*at = (span_pt){H - p[1] - h / 2, H - p[1] + h / 2};
	return true;
}

/*
 * The gaps in dot's layout (-Tjson0, points from the bottom) where a page
 * may cut the map: the middle of each gap of 2 points or more between
 * what a cut must not go through, in points from the top of the graph,
 * ascending.  That is every node, and each area's frame from its top line
 * (with the area's name) down to its first node and from its last node
 * down to its bottom line: a cut goes between boxes, not through their
 * text, and never leaves an area's name at the foot of a page without
 * the area or the foot of its frame alone at the top of the next.  *gw
 * and *gh are the graph's size in points (0 when the layout cannot be
 * read).
 */
static double *gaps_of(const buf *layout, double *gw, double *gh, size_t *ngaps)
{
	*gw = *gh = 0;
	*ngaps = 0;
	json_t *g = json_loadb(layout->data ? layout->data : "", layout->len, 0, NULL);
	json_t *objs = json_object_get(g, "objects");
	double bb[4], H = 0;
	if (g && numbers(g, "bb", bb, 4)) {
		*gw = bb[2] - bb[0];
		H = *gh = bb[3] - bb[1];
	}
	span_pt *v = NULL, at;
	size_t n = 0, cap = 0, i, j;
	json_t *o, *m;
	json_array_foreach(objs, i, o) {
		double fb[4];
		if (node_at(o, H, &at)) {
			obstacle(&v, &n, &cap, at.top, at.bottom);
		} else if (json_object_get(o, "nodes") && numbers(o, "bb", fb, 4)) {
			/* an area's frame: its nodes are objects by _gvid */
			span_pt in = {H - fb[1], H - fb[3]};
			json_array_foreach(json_object_get(o, "nodes"), j, m) {
				json_t *k = json_array_get(objs, (size_t)json_integer_value(m));
				if (json_is_integer(m) && node_at(k, H, &at)) {
					in.top = at.top < in.top ? at.top : in.top;
					in.bottom = at.bottom > in.bottom ? at.bottom : in.bottom;
				}
			}
			if (in.top > in.bottom)		/* no node: the whole frame */
				in = (span_pt){H - fb[1], H - fb[1]};
			obstacle(&v, &n, &cap, H - fb[3] - 1, in.top + 1);
			obstacle(&v, &n, &cap, in.bottom - 1, H - fb[1] + 1);
		}
	}
	json_decref(g);
	double *gaps = NULL;
	size_t ng = 0, gcap = 0;
	if (H > 0 && n) {
		qsort(v, n, sizeof *v, by_top);
		double reach = v[0].bottom;
		for (i = 1; i < n; i++) {
			if (v[i].top > reach + 2) {
				gaps = xgrow(gaps, &gcap, ng, sizeof *gaps, "the map's rows");
				gaps[ng++] = (reach + v[i].top) / 2;
			}
			if (v[i].bottom > reach)
				reach = v[i].bottom;
		}
	}
	free(v);
	*ngaps = ng;
	return gaps;
}

/* Where a page may cut a PDF drawing of height pdf_h (the graph with the
 * same margin above and below it): gaps_of, from the PDF's top, as
 * comma-separated whole points. */
static void cuts_of(const buf *layout, double pdf_h, buf *out)
{
	double gw, gh;
	size_t n;
	double *gaps = gaps_of(layout, &gw, &gh, &n);
	double margin = (pdf_h - gh) / 2;
	if (gh > 0 && margin >= 0)
		for (size_t i = 0; i < n; i++)
			buf_printf(out, "%s%.0f", out->len ? "," : "", margin + gaps[i]);
	free(gaps);
}

/*
 * A PNG for Word, which cannot cut a picture at a page's end: a map
 * taller than a page is drawn as slices, each by its own run of dot with
 * a viewport on one band of the layout, cut between rows of nodes, each
 * short enough to show on a page at the width it gets there.  Word then
 * shows several pictures at a readable size, not one squeezed into a
 * page.  The layout is dot's, the same in every run (dot is
 * deterministic), so the slices meet where they were cut.
 *
 * The page: PNG_TEXT_WIDTH, the text width of A4 and Letter with the
 * Word backend's margins at least (docx.c), and PNG_SLICE_HEIGHT, what
 * a slice may take of a page's height, leaving room for the heading,
 * caption or key that shares its page.  dot draws a point as a pixel at
 * 96 an inch, which Word shows as a point, so a slice of a graph no
 * wider than the text keeps its size.
 */
enum { PNG_TEXT_WIDTH = 450, PNG_SLICE_HEIGHT = 560, PNG_PAD = 4, PNG_SLICES_MAX = 24 };

static int draw_png_slices(const char *t, size_t n, buf *out, size_t **ends,
			   size_t *nslices, buf *err)
{
	buf layout = BUF_INIT;
	*ends = NULL;
	*nslices = 0;
	if (dot_run(t, n, DOT_LAYOUT, NULL, &layout, err) != 0) {
		buf_free(&layout);
		return -1;
	}
	double gw, gh;
	size_t ngaps;
	double *gaps = gaps_of(&layout, &gw, &gh, &ngaps);
	buf_free(&layout);
	/* the tallest band that shows on a page: in graph points, where a
	 * graph wider than the text is shown smaller */
	double w = gw + 2 * PNG_PAD, total = gh + 2 * PNG_PAD;
	double most = PNG_SLICE_HEIGHT * (w > PNG_TEXT_WIDTH ? w / PNG_TEXT_WIDTH : 1);
	/* each slice is a run of dot that lays the graph out again: a map
	 * of thousands of nodes gets taller slices, not hundreds of runs
	 * (and the last takes what is left at PNG_SLICES_MAX) */
	if (total / most > PNG_SLICES_MAX)
		most = total / PNG_SLICES_MAX;
	int rc = 0;
	if (gw <= 0 || gh <= 0 || total <= most) {
		free(gaps);
		return dot_run(t, n, DOT_PNG, NULL, out, err);	/* one picture */
	}
	size_t cap = 0, k = 0;
	buf arg = BUF_INIT;
	for (double top = 0; top < total && rc == 0;) {
		/* the gap nearest an even share of what is left, within reach;
		 * none: a cut through a node taller than a page (never a
		 * slice too tall to read) */
		double end = top + most;
		if (end < total && *nslices + 1 < PNG_SLICES_MAX) {
			double left = total - top;
			double share = left / ceil(left / most), best = 0;
			while (k < ngaps && PNG_PAD + gaps[k] <= top + 1)
				k++;	/* gaps ascend: each is looked at once or twice */
			for (size_t j = k; j < ngaps && PNG_PAD + gaps[j] <= end; j++) {
				double g = PNG_PAD + gaps[j];
				if (best == 0 || fabs(g - top - share) < fabs(best - top - share))
					best = g;
			}
			if (best > 0)
				end = best;
		} else {
			end = total;
		}
		/* the viewport's centre in graph coordinates: y from the bottom */
		arg.len = 0;
		buf_printf(&arg, "-Gviewport=%.2f,%.2f,1,%.2f,%.2f", w, end - top, gw / 2,
			   gh + PNG_PAD - (top + end) / 2);
		dot_limits lim = {NULL, 0, 0, arg.data};
		rc = dot_run(t, n, DOT_PNG, &lim, out, err);
		*ends = xgrow(*ends, &cap, *nslices, sizeof **ends, "the map's slices");
		(*ends)[(*nslices)++] = out->len;
		top = end;
	}
	buf_free(&arg);
	free(gaps);
	return rc;
}
#endif

/* The drawing of d in form how, appended to out (a PDF's places to cut
 * in cuts): 0, or -1 with a message in err. */
static int draw(const ast_doc *d, render_drawing how, buf *out, buf *cuts,
		size_t **ends, size_t *nslices, buf *err)
{
	if (how == RD_MERMAID) {
		render_mermaid(d, out);
		return 0;
	}
#ifdef __wasi__
	(void)out, (void)cuts, (void)ends, (void)nslices;
	buf_puts(err, "the evidence map cannot be drawn here: Graphviz's dot "
		 "draws it, and this build (the playground) runs no program; "
		 "build this format with briefc on a computer (Markdown's map, "
		 "a mermaid block, is made here)");
	return -1;
#else
	buf dot = BUF_INIT;
	render_dot(d, &dot);
	const char *t = dot.data ? dot.data : "";
	dot_output fmt = how == RD_SVG ? DOT_SVG : how == RD_PDF ? DOT_PDF : DOT_PNG;
	int rc = how == RD_PNG ? draw_png_slices(t, dot.len, out, ends, nslices, err) :
		 dot_run(t, dot.len, fmt, NULL, out, err);
	if (rc == 0 && how == RD_PDF) {
		/* where to cut it: without, a page may cut through a node */
		buf layout = BUF_INIT, ignored = BUF_INIT;
		double w, h;
		pdf_size(out, &w, &h);
		if (dot_run(t, dot.len, DOT_LAYOUT, NULL, &layout, &ignored) == 0)
			cuts_of(&layout, h, cuts);
		buf_free(&layout);
		buf_free(&ignored);
	}
	buf_free(&dot);
	return rc;
#endif
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
	if (draw(d, how, &p->map, &p->map_cuts, &p->map_ends, &p->map_nslices,
		 &err) != 0) {
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
	if (how == RD_PDF) {
		double w, h;
		pdf_size(&p->map, &w, &h);
		p->map_width = (long)(w + 0.999);	/* whole points, the drawing inside */
		p->map_height = (long)(h + 0.999);
	}
	if (how == RD_PDF && r->opt->map_drawing)
		buf_put(r->opt->map_drawing, p->map.data, p->map.len);
	return 0;
}

/* n things in the language: "1 finding", "3 findings", "발견 사항 3건". */
static void count(const i18n_lang *l, buf *out, size_t n, i18n_word one, i18n_word many)
{
	i18n_counted(l, n, one, many, out);
}

/* What the drawing shows, for a reader who cannot see it. */
static void alt_text(const i18n_lang *l, const graph *g, buf *out)
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
	buf_puts(out, i18n_word_of(l, I18N_MAP_ALT));
	count(l, out, g->nevidence, I18N_MAP_SOURCES_ONE, I18N_MAP_SOURCES_MANY);
	buf_puts(out, i18n_word_of(l, I18N_LIST_SEP));
	count(l, out, g->nfindings, I18N_MAP_FINDINGS_ONE, I18N_MAP_FINDINGS_MANY);
	buf_puts(out, i18n_word_of(l, I18N_AND));
	count(l, out, g->nrecs, I18N_MAP_RECS_ONE, I18N_MAP_RECS_MANY);
	if (areas)
		count(l, out, areas, I18N_MAP_AREAS_ONE, I18N_MAP_AREAS_MANY);
	buf_puts(out, i18n_word_of(l, I18N_MAP_COLUMNS));
	if (unsupported)
		count(l, out, unsupported, I18N_MAP_UNSUPPORTED_ONE, I18N_MAP_UNSUPPORTED_MANY);
	if (unaddressed)
		count(l, out, unaddressed, I18N_MAP_UNADDRESSED_ONE, I18N_MAP_UNADDRESSED_MANY);
	if (uncited)
		count(l, out, uncited, I18N_MAP_UNCITED_ONE, I18N_MAP_UNCITED_MANY);
}

/* The key: how to read the drawing, and the marks it has. */
static void key_text(const i18n_lang *l, const graph *g, buf *out)
{
	buf_puts(out, i18n_word_of(l, I18N_MAP_KEY_READ));
	unsigned seen = 0;
	for (size_t i = 0; i < g->n; i++) {
		const graph_node *n = &g->nodes[i];
		if (n->kind == GRAPH_EVIDENCE)
			seen |= n->flags & GRAPH_UNCITED;
		else
			seen |= n->flags & (GRAPH_UNSUPPORTED | GRAPH_UNADDRESSED);
	}
	if (seen & GRAPH_UNSUPPORTED)
		buf_puts(out, i18n_word_of(l, I18N_MAP_KEY_UNSUPPORTED));
	if (seen & GRAPH_UNADDRESSED)
		buf_puts(out, i18n_word_of(l, I18N_MAP_KEY_UNADDRESSED));
	if (seen & GRAPH_UNCITED)
		buf_puts(out, i18n_word_of(l, I18N_MAP_KEY_UNCITED));
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
		alt_text(p->lang, &g, &alt);
		key_text(p->lang, &g, &key);
		graph_free(&g);
	}
	const char *file = r->opt->map_file && !r->opt->tex_folder ?
		r->opt->map_file : RENDER_MAP_FILE;
	render_image img = {{file, strlen(file)}, {"", 0}, NULL, NULL, 0, 0, "", NULL, 0, NULL};
	if (p->map_mime) {
		img.data.p = p->map.data ? p->map.data : "";
		img.data.len = p->map.len;
		img.mime = p->map_mime;
		img.file = file;
		img.width = p->map_width;
		img.height = p->map_height;
		img.cuts = p->map_cuts.data ? p->map_cuts.data : "";
	}
	str *more = NULL;
	const char **alts = NULL;
	buf alts_text = BUF_INIT;	/* the slices' alt texts, each ended by a NUL */
	if (p->map_mime && p->map_nslices > 1) {
		size_t n = p->map_nslices;
		img.data.len = p->map_ends[0];
		more = xmalloc((n - 1) * sizeof *more, "the map's slices");
		for (size_t i = 1; i < n; i++) {
			more[i - 1].p = p->map.data + p->map_ends[i - 1];
			more[i - 1].len = p->map_ends[i] - p->map_ends[i - 1];
		}
		img.more = more;
		img.nmore = n - 1;
		/* the first the map's, with its number of parts; the others
		 * which part they are */
		size_t *at = xmalloc(n * sizeof *at, "the map's slices");
		for (size_t i = 0; i < n; i++) {
			at[i] = alts_text.len;
			if (i == 0) {
				buf_put(&alts_text, alt.data ? alt.data : "", alt.len);
				i18n_numbers(p->lang, I18N_MAP_PART_FIRST, n, n, &alts_text);
			} else {
				i18n_numbers(p->lang, I18N_MAP_PART, i + 1, n, &alts_text);
			}
			buf_putc(&alts_text, '\0');
		}
		alts = xmalloc(n * sizeof *alts, "the map's slices");
		for (size_t i = 0; i < n; i++)
			alts[i] = alts_text.data + at[i];
		free(at);
		img.alts = alts;
	}
	r->at = b->open_at;
	/* the caption, labels, alt text and key in the brief's language */
	const char *caption = render_word(r, I18N_MAP_CAPTION);
	render_ev ev = {.el = RE_FIGURE, .entering = true, .number = b->number,
			.label = render_word(r, I18N_FIGURE), .name = "map"};
	ev.text.p = caption;
	ev.text.len = strlen(caption);
	render_fire(r, &ev);

	render_ev cap = {.el = RE_CAPTION, .entering = true, .label = ev.label,
			 .number = b->number, .name = "figure"};
	render_fire(r, &cap);
	render_lit(r, caption);
	cap.entering = false;
	render_fire(r, &cap);

	render_ev im = {.el = RE_IMAGE, .entering = true, .image = &img,
			.label = alt.data ? alt.data : "", .name = "map"};
	render_fire(r, &im);

	if (writing) {
		render_ev note = {.el = RE_FLOAT_NOTE, .entering = true, .label = render_word(r, I18N_MAP_KEY)};
		render_fire(r, &note);
		render_litn(r, key.data, key.len);
		note.entering = false;
		render_fire(r, &note);
	}
	ev.entering = false;
	render_fire(r, &ev);
	free(more);
	free(alts);
	buf_free(&alts_text);
	buf_free(&alt);
	buf_free(&key);
}
