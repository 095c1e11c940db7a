/*
 * graph.c - the evidence map (graph.h): built from what resolve.c linked,
 * in linear time, in number order.
 *
 * resolve.c already keeps both directions of each link: an evidence
 * block's cited_by (every block citing it, in document order, each once)
 * and a finding's addressed_by (each recommendation naming it, once per
 * mention).  The graph takes the findings among cited_by and the
 * recommendations of addressed_by, drops repeats with a per-node stamp,
 * and lays each node's neighbours out in one array (adj), counted first
 * and filled second, so no node needs a list of its own.
 */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "render.h"
#include "utf8.h"
#include "xalloc.h"


static bool is_kind(const ast_node *n, ast_block_kind k)
{
	return n && n->type == AST_BLOCK && n->u.block->kind == k;
}

const graph_node *graph_node_of(const graph *g, const ast_node *b)
{
	if (!b || b->type != AST_BLOCK)
		return NULL;
	size_t base, n;
	switch (b->u.block->kind) {
	case BK_EVIDENCE:
		base = 0, n = g->nevidence;
		break;
	case BK_FINDING:
		base = g->nevidence, n = g->nfindings;
		break;
	case BK_RECOMMENDATION:
		base = g->nevidence + g->nfindings, n = g->nrecs;
		break;
	default:
		return NULL;
	}
	int k = b->u.block->number;
	if (k < 1 || (size_t)k > n || g->nodes[base + (size_t)k - 1].block != b)
		return NULL;
	return &g->nodes[base + (size_t)k - 1];
}

/*
 * Each edge (lo below hi) once, in the order given: lo ascending, then hi
 * ascending within it (cited_by and addressed_by are in document order,
 * which is number order).  stamp[lo] says which hi was last paired with
 * it, so a repeat is dropped in O(1).
 */
typedef struct edge_list {
	size_t *lo, *hi;
	size_t n, cap;
} edge_list;

static void edge_add(edge_list *e, size_t lo, size_t hi, size_t *stamp)
{
	if (stamp[hi] == lo + 1)
		return;
	stamp[hi] = lo + 1;
	size_t cap = e->cap;	/* the two arrays grow together */
	e->lo = xgrow(e->lo, &cap, e->n, sizeof *e->lo, "the evidence map");
	e->hi = xgrow(e->hi, &e->cap, e->n, sizeof *e->hi, "the evidence map");
	e->lo[e->n] = lo;
	e->hi[e->n] = hi;
	e->n++;
}

static void place_nodes(graph *g, const ast_doc *d)
{
	g->nevidence = d->sources.n;
	g->nfindings = d->findings.n;
	g->nrecs = d->recommendations.n;
	g->n = g->nevidence + g->nfindings + g->nrecs;
	g->nodes = xcalloc(g->n, sizeof *g->nodes, "the evidence map");
	const ast_vec *of[] = {&d->sources, &d->findings, &d->recommendations};
	size_t k = 0;
	for (int kind = 0; kind < 3; kind++)
		for (size_t i = 0; i < of[kind]->n; i++, k++) {
			graph_node *n = &g->nodes[k];
			n->kind = (graph_kind)kind;
			n->block = of[kind]->v[i];
			n->number = (int)i + 1;
		}
}

/* adj from the edge list: each node's neighbours below, then above, each
 * run in node order (the list is sorted by lo, then hi). */
static void lay_out(graph *g, const edge_list *e)
{
	g->nedges = e->n;
	g->adj = xcalloc(2 * e->n, sizeof *g->adj, "the evidence map");
	for (size_t i = 0; i < e->n; i++) {
		g->nodes[e->lo[i]].nabove++;
		g->nodes[e->hi[i]].nbelow++;
	}
	size_t at = 0;
	for (size_t i = 0; i < g->n; i++) {
		graph_node *n = &g->nodes[i];
		n->below = at;
		at += n->nbelow;
		n->above = at;
		at += n->nabove;
		n->nbelow = n->nabove = 0;	/* refilled below */
	}
	/* Filling in edge order keeps both runs sorted: a node's "above" run
	 * gets its his in order of the list; its "below" run gets los in
	 * ascending order because the list is sorted by lo. */
	for (size_t i = 0; i < e->n; i++) {
		graph_node *lo = &g->nodes[e->lo[i]], *hi = &g->nodes[e->hi[i]];
		g->adj[lo->above + lo->nabove++] = e->hi[i];
		g->adj[hi->below + hi->nbelow++] = e->lo[i];
	}
}

static void mark(graph *g)
{
	for (size_t i = 0; i < g->n; i++) {
		graph_node *n = &g->nodes[i];
		switch (n->kind) {
		case GRAPH_EVIDENCE:
			if (!n->nabove)
				n->flags |= GRAPH_UNCITED;
			break;
		case GRAPH_FINDING:
			if (!n->nbelow)
				n->flags |= GRAPH_UNSUPPORTED;
			if (!n->nabove)
				n->flags |= GRAPH_UNADDRESSED;
			break;
		case GRAPH_RECOMMENDATION: {
			/* as unsupported-recommendation: it addresses
			 * findings, none of them supported */
			size_t ok = 0;
			for (size_t k = 0; k < n->nbelow; k++)
				ok += !(g->nodes[g->adj[n->below + k]].flags &
					GRAPH_UNSUPPORTED);
			if (n->nbelow && !ok)
				n->flags |= GRAPH_UNSUPPORTED;
			break;
		}
		}
	}
}

/* Recommendations by area: declared areas in order, then those without. */
static void group(graph *g, const ast_doc *d)
{
	size_t na = d->areas.n;
	g->areas = xcalloc(na + 1, sizeof *g->areas, "the evidence map");
	size_t *count = xcalloc(na + 1, sizeof *count, "the evidence map");
	size_t base = g->nevidence + g->nfindings;
	for (size_t i = 0; i < g->nrecs; i++) {
		graph_node *n = &g->nodes[base + i];
		const ast_node *a = n->block->u.block->area.target;
		/* an area's entry keeps its index in d->areas nowhere, but
		 * the areas are few: find it by pointer among them */
		n->area = na;
		if (a && a->type == AST_AREA)
			for (size_t k = 0; k < na; k++)
				if (d->areas.v[k] == a) {
					n->area = k;
					break;
				}
		count[n->area]++;
	}
	for (size_t k = 0; k <= na; k++) {
		g->areas[k].node = k < na ? d->areas.v[k] : NULL;
		g->areas[k].recs = xcalloc(count[k], sizeof(size_t), "the evidence map");
	}
	for (size_t i = 0; i < g->nrecs; i++) {
		graph_area *a = &g->areas[g->nodes[base + i].area];
		a->recs[a->n++] = base + i;
	}
	g->nareas = count[na] ? na + 1 : na;
	if (!count[na])
		free(g->areas[na].recs);
	free(count);
}

void graph_build(graph *g, const ast_doc *d)
{
	memset(g, 0, sizeof *g);
	place_nodes(g, d);
	edge_list e = {0};
	size_t *stamp = xcalloc(g->n, sizeof *stamp, "the evidence map");

	/* evidence -> finding, by source number, then finding number */
	for (size_t i = 0; i < g->nevidence; i++) {
		const ast_vec *by = &g->nodes[i].block->u.block->cited_by;
		for (size_t k = 0; k < by->n; k++) {
			const graph_node *f = is_kind(by->v[k], BK_FINDING)
				? graph_node_of(g, by->v[k]) : NULL;
			if (f)
				edge_add(&e, i, graph_index(g, f), stamp);
		}
	}
	/* finding -> recommendation, by finding number, then recommendation */
	for (size_t i = g->nevidence; i < g->nevidence + g->nfindings; i++) {
		const ast_vec *by = &g->nodes[i].block->u.block->addressed_by;
		for (size_t k = 0; k < by->n; k++) {
			const graph_node *r = graph_node_of(g, by->v[k]);
			if (r)
				edge_add(&e, i, graph_index(g, r), stamp);
		}
	}
	lay_out(g, &e);
	free(e.lo);
	free(e.hi);
	free(stamp);
	mark(g);
	group(g, d);
}

void graph_free(graph *g)
{
	for (size_t k = 0; k < g->nareas; k++)
		free(g->areas[k].recs);
	free(g->areas);
	free(g->adj);
	free(g->nodes);
	memset(g, 0, sizeof *g);
}

const char *graph_kind_name(graph_kind k)
{
	static const char *const names[] = {"evidence", "finding", "recommendation"};
	return names[k];
}

void graph_label(const graph_node *n, buf *out)
{
	switch (n->kind) {
	case GRAPH_EVIDENCE:
		buf_putc(out, '[');
		buf_put_ulong(out, (unsigned long)n->number);
		buf_putc(out, ']');
		return;
	case GRAPH_FINDING:
		buf_puts(out, "Finding ");
		break;
	case GRAPH_RECOMMENDATION:
		buf_puts(out, "Recommendation ");
		break;
	}
	buf_put_ulong(out, (unsigned long)n->number);
}

void graph_node_name(const graph_node *n, buf *out)
{
	buf_putc(out, "efr"[n->kind]);
	buf_put_ulong(out, (unsigned long)n->number);
}

const i18n_lang *graph_lang(const ast_doc *d)
{
	const ast_field *lang = d->meta.lang;
	return lang && lang->value.len ? i18n_lookup(lang->value.p, lang->value.len, NULL)
				       : i18n_default();
}

const char *graph_lack(const i18n_lang *l, const graph_node *n)
{
	i18n_word w = I18N__COUNT;
	switch (n->kind) {
	case GRAPH_EVIDENCE:
		if (n->flags & GRAPH_UNCITED)
			w = I18N_MAP_LACK_UNCITED;
		break;
	case GRAPH_FINDING:
		if ((n->flags & GRAPH_UNSUPPORTED) && (n->flags & GRAPH_UNADDRESSED))
			w = I18N_MAP_LACK_BOTH;
		else if (n->flags & GRAPH_UNSUPPORTED)
			w = I18N_MAP_LACK_EVIDENCE;
		else if (n->flags & GRAPH_UNADDRESSED)
			w = I18N_MAP_LACK_RECOMMENDATION;
		break;
	case GRAPH_RECOMMENDATION:
		if (n->flags & GRAPH_UNSUPPORTED)
			w = I18N_MAP_LACK_REC_EVIDENCE;
		break;
	}
	return w == I18N__COUNT ? NULL : i18n_word_of(l, w);
}

/* The field holding a node's text. */
static const ast_field *text_field(const graph_node *n)
{
	const ast_block *b = n->block->u.block;
	switch (n->kind) {
	case GRAPH_EVIDENCE:
		return b->f_title;
	case GRAPH_FINDING:
		return b->f_claim;
	case GRAPH_RECOMMENDATION:
		return b->f_action;
	}
	return NULL;
}

/* Length of the character at s (n > 0 bytes left). */
static size_t seq_len(const unsigned char *s, size_t n)
{
	size_t k;
	utf8_decode((const char *)s, n, &k);
	return k;
}

/* White space or a control character: C0, DEL, C1 (U+0080..U+009F) and
 * no-break space (U+00A0). */
static bool is_blank(const unsigned char *s, size_t k)
{
	return s[0] <= 0x20 || s[0] == 0x7F ||
	       (k == 2 && s[0] == 0xC2 && s[1] <= 0xA0);
}

void graph_text(const ast_doc *d, const graph_node *n, size_t max, buf *out)
{
	const ast_field *f = text_field(n);
	if (!f)
		return;
	buf raw = BUF_INIT;
	if (f->inl)
		render_plain(d, f->inl, &raw);
	else
		buf_put(&raw, f->value.p, f->value.len);

	/* Fold: one space for each run of blanks, none at either end. */
	const unsigned char *s = (const unsigned char *)(raw.data ? raw.data : "");
	size_t start = out->len, cps = 0, cut = 0, cut_cps = 0;
	size_t keep = 0;	/* bytes of out within max - 1 code points */
	bool pending = false;
	for (size_t i = 0; i < raw.len;) {
		size_t k = seq_len(s + i, raw.len - i);
		if (is_blank(s + i, k)) {
			pending = out->len > start;
			i += k;
			continue;
		}
		if (pending) {
			if (max && cps < max) {
				cut = out->len;		/* a word ends here */
				cut_cps = cps;
			}
			buf_putc(out, ' ');
			cps++;
			pending = false;
		}
		buf_put(out, (const char *)s + i, k);
		i += k;
		if (++cps < max)
			keep = out->len;
	}
	buf_free(&raw);
	if (!max || cps <= max)
		return;
	/* Too long: keep max - 1 code points and add "…", cutting at the
	 * last word end before that unless it loses most of the text. */
	out->len = cut_cps >= max / 2 && cut ? cut : keep;
	while (out->len > start && out->data[out->len - 1] == ' ')
		out->len--;
	out->data[out->len] = '\0';
	buf_puts(out, "\xE2\x80\xA6");
}

size_t graph_wrap(const char *s, size_t n, size_t width)
{
	size_t cps = 0, last_space = 0, i = 0;
	while (i < n) {
		if (cps == width)
			return s[i] == ' ' ? i : last_space ? last_space : i;
		if (s[i] == ' ')
			last_space = i;
		i += seq_len((const unsigned char *)s + i, n - i);
		cps++;
	}
	return i > n ? n : i;
}

void graph_put_label(const ast_doc *d, const graph_node *n, size_t max,
		     size_t width, const char *brk,
		     void (*esc)(buf *out, const char *s, size_t n),
		     buf *tmp, buf *out)
{
	/* the words and numbers of the body's labels, in its language */
	const i18n_lang *l = graph_lang(d);
	buf_clear(tmp);
	if (n->kind == GRAPH_EVIDENCE) {
		graph_label(n, tmp);
	} else {
		buf_printf(tmp, "%s %lu", i18n_word_of(l, n->kind == GRAPH_FINDING ? I18N_FINDING
						       : I18N_RECOMMENDATION),
			   (unsigned long)n->number);
	}
	esc(out, tmp->data, tmp->len);
	const char *lack = graph_lack(l, n);
	if (lack) {
		buf_puts(out, brk);
		esc(out, lack, strlen(lack));
	}
	buf_clear(tmp);
	graph_text(d, n, max, tmp);
	const char *s = tmp->data ? tmp->data : "";
	size_t len = tmp->len;
	while (len) {
		size_t k = graph_wrap(s, len, width);
		buf_puts(out, brk);
		esc(out, s, k);
		s += k;
		len -= k;
		if (len && *s == ' ')
			s++, len--;
	}
}
