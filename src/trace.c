/*
 * trace.c - `briefc trace` (trace.h): the rows of each trace, what falls
 * with the traced ID, and the text and JSON layouts (docs/output.md).
 *
 * Every trace is read off the graph in time linear in its edges: a node
 * reached twice (a recommendation addressing two findings that cite the
 * same source) is judged once, with a stamp.
 */
#include "trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "escape.h"
#include "graph.h"
#include "render_json.h"
#include "xalloc.h"

/* Code points of a node's text on a text row. */
enum { TRACE_TEXT_MAX = 60, TRACE_ALSO_MAX = 3 };

static bool is_traceable(const ast_node *n)
{
	if (!n || n->type != AST_BLOCK)
		return false;
	ast_block_kind k = n->u.block->kind;
	return k == BK_EVIDENCE || k == BK_FINDING || k == BK_RECOMMENDATION;
}

const ast_node *trace_lookup(const ast_doc *d, const char *id, buf *err)
{
	size_t len = strlen(id);
	const ast_node *n = ast_idtab_get(&d->ids, id, len);
	if (is_traceable(n))
		return n;
	if (n) {
		buf_printf(err, "'%s' is %s %s, not evidence, a finding or a "
			   "recommendation", id,
			   n->type == AST_AREA ? "an" : "a", ast_node_what(n));
		return NULL;
	}
	const ast_vec *vs[] = {&d->evidence, &d->findings, &d->recommendations};
	size_t nc = 0;
	for (size_t i = 0; i < 3; i++)
		nc += vs[i]->n;
	const char **cands = xcalloc(nc, sizeof *cands, "the trace");
	nc = 0;
	for (size_t i = 0; i < 3; i++)
		for (size_t k = 0; k < vs[i]->n; k++) {
			const str *s = ast_node_id(vs[i]->v[k]);
			if (s)
				cands[nc++] = s->p;
		}
	const char *s = diag_suggest(id, len, cands, nc);
	buf_printf(err, "%s defines no evidence, finding or recommendation '%s'",
		   d->src.path, id);
	if (s)
		buf_printf(err, "; did you mean '%s'?", s);
	free(cands);
	return NULL;
}

/* ---- what falls ---- */

static bool supported(const graph *g, size_t i)
{
	const graph_node *n = &g->nodes[i];
	return n->kind == GRAPH_EVIDENCE || !(n->flags & GRAPH_UNSUPPORTED);
}

enum { FALLS = 1, WRITTEN = 2 };

/* The state of one trace: what falls if root is withdrawn. */
typedef struct trace_state {
	const ast_doc *d;
	graph g;
	size_t root;
	unsigned char *falls;	/* per node: FALLS, WRITTEN; cleared after
				 * each trace */
	size_t *stamp;		/* per node: gen once seen */
	size_t gen;		/* a new value per pass over a trace */
	buf tmp;
} trace_state;

/*
 * A recommendation stands while one finding it addresses stands; it falls
 * if it stands now and none would once root and what fell with it are
 * gone.
 */
static void judge_rec(trace_state *t, size_t r)
{
	const graph *g = &t->g;
	if (t->stamp[r] == t->gen)
		return;
	t->stamp[r] = t->gen;
	const graph_node *n = &g->nodes[r];
	if (!supported(g, r) || !n->nbelow)
		return;
	for (size_t k = 0; k < n->nbelow; k++) {
		size_t f = g->adj[n->below + k];
		if (f != t->root && !t->falls[f] && supported(g, f))
			return;
	}
	t->falls[r] = FALLS;
}

static void judge(trace_state *t)
{
	const graph *g = &t->g;
	const graph_node *root = &g->nodes[t->root];
	t->gen++;
	if (root->kind == GRAPH_EVIDENCE) {
		/* a finding citing only root falls (edges are unique) */
		for (size_t k = 0; k < root->nabove; k++) {
			size_t f = g->adj[root->above + k];
			t->falls[f] = g->nodes[f].nbelow == 1 ? FALLS : 0;
		}
		for (size_t k = 0; k < root->nabove; k++) {
			const graph_node *f = &g->nodes[g->adj[root->above + k]];
			for (size_t j = 0; j < f->nabove; j++)
				judge_rec(t, g->adj[f->above + j]);
		}
	} else if (root->kind == GRAPH_FINDING) {
		for (size_t k = 0; k < root->nabove; k++)
			judge_rec(t, g->adj[root->above + k]);
	}
}

/* ---- rows ---- */

typedef struct trace_row {
	size_t node;
	int depth;		/* 0: the traced ID */
	const char *rel;	/* how it links to the row above it, or NULL */
	bool up;		/* on the side that rests on the traced ID */
} trace_row;

typedef struct trace_rows {
	trace_row *v;
	size_t n, cap;
} trace_rows;

static void row(trace_rows *rs, size_t node, int depth, const char *rel, bool up)
{
	rs->v = xgrow(rs->v, &rs->cap, rs->n, sizeof *rs->v, "the trace");
	rs->v[rs->n++] = (trace_row){node, depth, rel, up};
}

/* The k-th neighbour of n above it (up) or below it. */
static size_t next_to(const graph *g, const graph_node *n, bool up, size_t k)
{
	return g->adj[(up ? n->above : n->below) + k];
}

/* Two levels on one side of n: its neighbours, and theirs. */
static void two_levels(const graph *g, const graph_node *n, bool up,
		       const char *rel1, const char *rel2, trace_rows *rs)
{
	size_t n1 = up ? n->nabove : n->nbelow;
	for (size_t k = 0; k < n1; k++) {
		size_t a = next_to(g, n, up, k);
		row(rs, a, 1, rel1, up);
		const graph_node *an = &g->nodes[a];
		size_t n2 = up ? an->nabove : an->nbelow;
		for (size_t j = 0; j < n2; j++)
			row(rs, next_to(g, an, up, j), 2, rel2, up);
	}
}

/* The tree under the root: what rests on it (up), what it rests on. */
static void rows_of(const graph *g, size_t root, trace_rows *rs)
{
	const graph_node *n = &g->nodes[root];
	row(rs, root, 0, NULL, false);
	switch (n->kind) {
	case GRAPH_EVIDENCE:
		two_levels(g, n, true, "cited by", "addressed by", rs);
		break;
	case GRAPH_FINDING:
		for (size_t k = 0; k < n->nbelow; k++)
			row(rs, next_to(g, n, false, k), 1, "cites", false);
		for (size_t k = 0; k < n->nabove; k++)
			row(rs, next_to(g, n, true, k), 1, "addressed by", true);
		break;
	case GRAPH_RECOMMENDATION:
		two_levels(g, n, false, "addresses", "cites", rs);
		break;
	}
}

/* Where a node is: its file (an included one, or a library) and line. */
static unsigned line_of(const ast_doc *d, const graph_node *n, const char **path)
{
	unsigned line = 0, col = 0;
	uint32_t local;
	const source *f = source_file_at(&d->src, n->block->at.start, &local);
	source_locate(f, local, &line, &col);
	*path = f->path;
	return line;
}

/* Bytes as they are, but a control character as '?': IDs and paths go
 * to a terminal. */
static void put_safe(buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F)
			buf_putc(out, '?');
		else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xA0) {
			buf_putc(out, '?');	/* C1 */
			i++;
		} else
			buf_putc(out, (char)c);
	}
}

static void put_id(buf *out, const graph_node *n)
{
	const str *id = ast_node_id(n->block);
	if (id)
		put_safe(out, id->p, id->len);
	else
		buf_puts(out, "(no ID)");
}

/* "finding 3", "evidence [2]" */
static void put_kind_number(buf *out, const graph_node *n)
{
	buf_puts(out, graph_kind_name(n->kind));
	buf_putc(out, ' ');
	if (n->kind == GRAPH_EVIDENCE)
		buf_putc(out, '[');
	buf_put_ulong(out, (unsigned long)n->number);
	if (n->kind == GRAPH_EVIDENCE)
		buf_putc(out, ']');
}

/* "  also cites [2], [5]", "  also rests on findings 2, 4": the other
 * neighbours below that still stand. */
static void put_also(trace_state *t, buf *out, const graph_node *n)
{
	const graph *g = &t->g;
	size_t shown = 0, more = 0, count = 0;
	for (size_t k = 0; k < n->nbelow; k++) {
		size_t b = g->adj[n->below + k];
		count += b != t->root && !t->falls[b] && supported(g, b);
	}
	for (size_t k = 0; k < n->nbelow; k++) {
		size_t b = g->adj[n->below + k];
		if (b == t->root || t->falls[b] || !supported(g, b))
			continue;
		if (shown == TRACE_ALSO_MAX) {
			more++;
			continue;
		}
		if (shown)
			buf_puts(out, ", ");
		else if (n->kind == GRAPH_FINDING)
			buf_puts(out, "  also cites ");
		else
			buf_puts(out, count > 1 ? "  also rests on findings "
				 : "  also rests on finding ");
		if (n->kind == GRAPH_FINDING)
			graph_label(&g->nodes[b], out);
		else
			buf_put_ulong(out, (unsigned long)g->nodes[b].number);
		shown++;
	}
	if (more)
		buf_printf(out, " and %zu more", more);
}

/* What a row's node lacks, and whether it falls. */
static void put_marks(trace_state *t, buf *out, const trace_row *r)
{
	const graph_node *n = &t->g.nodes[r->node];
	size_t start = out->len;
#define SEP() buf_puts(out, out->len > start ? "; " : "  ")
	if (t->falls[r->node]) {
		SEP();
		buf_puts(out, n->kind == GRAPH_FINDING
			 ? "FALLS: cites no other evidence"
			 : "FALLS: addresses no other supported finding");
	} else if (r->up && n->kind == GRAPH_FINDING) {
		put_also(t, out, n);
	} else if (r->up && n->kind == GRAPH_RECOMMENDATION &&
		   supported(&t->g, r->node)) {
		put_also(t, out, n);
	}
	if (n->kind == GRAPH_FINDING && (n->flags & GRAPH_UNSUPPORTED)) {
		SEP();
		buf_puts(out, "unsupported: cites no evidence");
	}
	if (n->kind == GRAPH_RECOMMENDATION && (n->flags & GRAPH_UNSUPPORTED)) {
		SEP();
		buf_puts(out, "unsupported: its findings cite no evidence");
	}
	if (n->flags & GRAPH_UNADDRESSED) {
		SEP();
		buf_puts(out, "unaddressed: no recommendation addresses it");
	}
	if (n->flags & GRAPH_UNCITED) {
		SEP();
		buf_puts(out, "cited by no finding");
	}
#undef SEP
}

static void clear_falls(trace_state *t, const trace_rows *rs)
{
	for (size_t k = 0; k < rs->n; k++)
		t->falls[rs->v[k].node] = 0;
}

static void trace_begin(trace_state *t, const ast_doc *d)
{
	memset(t, 0, sizeof *t);
	t->d = d;
	graph_build(&t->g, d);
	t->falls = xcalloc(t->g.n, 1, "the trace");
	t->stamp = xcalloc(t->g.n, sizeof *t->stamp, "the trace");
}

/* Judge and lay out the rows of the trace of block b; false if b is not
 * in the graph. */
static bool trace_start(trace_state *t, const ast_node *b, trace_rows *rs)
{
	const graph_node *root = graph_node_of(&t->g, b);
	if (!root)
		return false;
	t->root = graph_index(&t->g, root);
	judge(t);
	rs->n = 0;
	rows_of(&t->g, t->root, rs);
	return true;
}

static void trace_end(trace_state *t)
{
	graph_free(&t->g);
	free(t->falls);
	free(t->stamp);
	buf_free(&t->tmp);
}

/* ---- text ---- */

/*
 * PATH:LINE: first, padded to one width, so that editors and grep read
 * the location and the tree's indentation lines up after it:
 *
 *   brief.brief:62:   evidence [2] odni-2024  "Annual Threat ..."
 *   brief.brief:33:     cited by finding 1 dprk  "..."  FALLS: ...
 */
void trace_text(const ast_doc *d, const ast_node *const *roots, size_t n,
		buf *out)
{
	trace_state t;
	trace_begin(&t, d);
	trace_rows rs = {0};
	buf loc = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (!trace_start(&t, roots[i], &rs))
			continue;
		size_t width = 0;
		for (size_t k = 0; k < rs.n; k++) {
			buf_clear(&loc);
			const char *path;
			unsigned line = line_of(d, &t.g.nodes[rs.v[k].node], &path);
			buf_printf(&loc, "%s:%u:", path, line);
			if (loc.len > width)
				width = loc.len;
		}
		if (i)
			buf_putc(out, '\n');
		for (size_t k = 0; k < rs.n; k++) {
			const trace_row *r = &rs.v[k];
			const graph_node *gn = &t.g.nodes[r->node];
			size_t at = out->len;
			const char *path;
			unsigned line = line_of(d, gn, &path);
			put_safe(out, path, strlen(path));
			buf_printf(out, ":%u:", line);
			for (size_t w = out->len - at; w < width + 2 + 2 * (size_t)r->depth; w++)
				buf_putc(out, ' ');
			if (r->rel) {
				buf_puts(out, r->rel);
				buf_putc(out, ' ');
			}
			put_kind_number(out, gn);
			buf_putc(out, ' ');
			put_id(out, gn);
			buf_puts(out, "  \"");
			graph_text(d, gn, TRACE_TEXT_MAX, out);
			buf_putc(out, '"');
			put_marks(&t, out, r);
			buf_putc(out, '\n');
		}
		clear_falls(&t, &rs);
	}
	free(rs.v);
	buf_free(&loc);
	trace_end(&t);
}

/* ---- JSON ---- */

static void json_str(buf *out, const char *s, size_t n)
{
	escape_json(out, s, n);
}

static void json_bool(buf *out, const char *key, bool v)
{
	buf_printf(out, ",\"%s\":%s", key, v ? "true" : "false");
}

/* The keys every node object has. */
static void json_node(trace_state *t, buf *out, size_t i)
{
	const graph_node *n = &t->g.nodes[i];
	const str *id = ast_node_id(n->block);
	buf_puts(out, "{\"id\":");
	if (id)
		json_str(out, id->p, id->len);
	else
		buf_puts(out, "null");
	buf_puts(out, ",\"kind\":");
	json_str(out, graph_kind_name(n->kind), strlen(graph_kind_name(n->kind)));
	buf_printf(out, ",\"number\":%d,\"text\":", n->number);
	buf_clear(&t->tmp);
	graph_text(t->d, n, 0, &t->tmp);
	json_str(out, t->tmp.data ? t->tmp.data : "", t->tmp.len);
	const char *path;
	unsigned line = line_of(t->d, n, &path);
	buf_puts(out, ",\"path\":");
	json_str(out, path, strlen(path));
	buf_printf(out, ",\"line\":%u", line);
	json_bool(out, "unsupported", n->kind != GRAPH_EVIDENCE &&
				      (n->flags & GRAPH_UNSUPPORTED));
	json_bool(out, "unaddressed", n->flags & GRAPH_UNADDRESSED);
	json_bool(out, "uncited", n->flags & GRAPH_UNCITED);
}

/* Write the IDs of the nodes of adj[from .. from + n) stamped gen. */
static void json_marked(trace_state *t, buf *out, size_t from, size_t n,
			size_t gen)
{
	const graph *g = &t->g;
	bool first = true;
	for (size_t k = 0; k < n; k++) {
		size_t v = g->adj[from + k];
		if (t->stamp[v] != gen)
			continue;
		const str *id = ast_node_id(g->nodes[v].block);
		if (!first)
			buf_putc(out, ',');
		first = false;
		if (id)
			json_str(out, id->p, id->len);
		else
			buf_puts(out, "null");
	}
}

/*
 * One side of a trace: each node once, in the order of the text's rows,
 * depth 1 then depth 2, with "via": the IDs of the nodes that link it to
 * the traced one (the root itself at depth 1; at depth 2 the nodes of
 * depth 1 it is linked to, found by stamping those).
 */
static void json_side(trace_state *t, buf *out, const trace_rows *rs, bool up)
{
	const graph *g = &t->g;
	size_t near = ++t->gen;		/* depth-1 nodes of this side */
	for (size_t k = 0; k < rs->n; k++)
		if (rs->v[k].depth == 1 && rs->v[k].up == up)
			t->stamp[rs->v[k].node] = near;
	bool first = true;
	for (int depth = 1; depth <= 2; depth++)
		for (size_t k = 0; k < rs->n; k++) {
			const trace_row *r = &rs->v[k];
			if (r->depth != depth || r->up != up ||
			    (t->falls[r->node] & WRITTEN))
				continue;
			t->falls[r->node] |= WRITTEN;
			buf_puts(out, first ? "[" : ",");
			first = false;
			json_node(t, out, r->node);
			buf_puts(out, ",\"via\":[");
			const graph_node *n = &g->nodes[r->node];
			if (depth == 1) {
				const str *id = ast_node_id(g->nodes[t->root].block);
				if (id)
					json_str(out, id->p, id->len);
				else
					buf_puts(out, "null");
			} else if (up) {
				json_marked(t, out, n->below, n->nbelow, near);
			} else {
				json_marked(t, out, n->above, n->nabove, near);
			}
			buf_putc(out, ']');
			json_bool(out, "falls", t->falls[r->node] & FALLS);
			buf_putc(out, '}');
		}
	buf_puts(out, first ? "[]" : "]");
}

void trace_json(const ast_doc *d, const ast_node *const *roots, size_t n,
		buf *out)
{
	trace_state t;
	trace_begin(&t, d);
	trace_rows rs = {0};
	buf_printf(out, "{\"format\":\"briefc-trace\",\"version\":%d,\n\"source\":",
		   TRACE_JSON_VERSION);
	json_str(out, d->src.path, strlen(d->src.path));
	buf_puts(out, ",\n\"traces\":[");
	for (size_t i = 0; i < n; i++) {
		if (!trace_start(&t, roots[i], &rs))
			continue;
		buf_puts(out, i ? ",\n" : "\n");
		json_node(&t, out, t.root);
		buf_puts(out, ",\"rests_on\":");
		json_side(&t, out, &rs, false);
		buf_puts(out, ",\"supports\":");
		json_side(&t, out, &rs, true);
		buf_putc(out, '}');
		clear_falls(&t, &rs);
	}
	buf_puts(out, "]}\n");
	free(rs.v);
	trace_end(&t);
}
