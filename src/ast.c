/*
 * ast.c - tree construction, names, the ID table and the field schema.
 */
#include "ast.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

const ast_float ast_no_float = {0};

ast_float *ast_block_float(ast_doc *d, ast_block *b)
{
	if (!b->fl)
		b->fl = arena_alloc(&d->side, sizeof *b->fl);
	return b->fl;
}

ast_node *ast_new(ast_doc *d, ast_type t, span at)
{
	ast_node *n = d->spare;
	if (n) {
		d->spare = n->next;
		memset(n, 0, sizeof *n);
	} else {
		n = arena_alloc(&d->arena, sizeof *n);
	}
	n->type = t;
	n->at = at;
	switch (t) {
	case AST_HEADING:
		n->u.heading = arena_alloc(&d->arena, sizeof *n->u.heading);
		break;
	case AST_LIST:
		n->u.list = arena_alloc(&d->arena, sizeof *n->u.list);
		break;
	case AST_BLOCK:
		n->u.block = arena_alloc(&d->side, sizeof *n->u.block);
		break;
	case AST_AREA:
	case AST_ACRONYM:
		n->u.entry = arena_alloc(&d->side, sizeof *n->u.entry);
		break;
	case AST_LINK:
		n->u.link = arena_alloc(&d->arena, sizeof *n->u.link);
		break;
	case AST_REF:
		n->u.ref = arena_alloc(&d->arena, sizeof *n->u.ref);
		break;
	case AST_FOOTNOTE:
	case AST_FNREF:
		n->u.note = arena_alloc(&d->arena, sizeof *n->u.note);
		break;
	default:
		break;
	}
	return n;
}

void ast_release(ast_doc *d, ast_node *n)
{
	if (n->type != AST_TEXT && n->type != AST_SOFTBREAK)
		return;		/* their parts are not recycled: keep them */
	n->next = d->spare;
	d->spare = n;
}

bool ast_text_next(ast_text_it *it)
{
	const str t_ = ast_text(it->n), *t = &t_;
	if (it->pos > t->len)
		return false;
	size_t rest = t->len - it->pos;
	const char *s = t->p + it->pos;
	const char *nl = rest ? memchr(s, '\n', rest) : NULL;
	size_t k = nl ? (size_t)(nl - s) : rest;
	uint32_t a = it->n->at.start + (uint32_t)it->pos;
	it->piece.p = s;
	it->piece.len = k;
	it->at = nl ? span_make(a, a + (uint32_t)k) : span_make(a, it->n->at.end);
	it->brk = nl != NULL;
	it->pos += k + 1;
	return true;
}

void ast_append(ast_node *parent, ast_node *child)
{
	ast_node *first = parent->first;
	child->parent = parent;
	child->next = NULL;
	if (first) {
		child->prev = first->prev;	/* the last child */
		first->prev->next = child;
	} else {
		parent->first = first = child;
	}
	first->prev = child;	/* the ring (ast.h) */
}

str ast_str(ast_doc *d, const char *p, size_t len)
{
	str s = {arena_strndup(&d->arena, p, len), len};
	return s;
}

void ast_vec_push(ast_vec *v, ast_node *n)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 4;
		v->v = xreallocarray(v->v, v->cap, sizeof *v->v, "a list of nodes");
	}
	v->v[v->n++] = n;
}

void ast_vec_free(ast_vec *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

static const char *const type_names[AST__COUNT] = {
	"document", "heading", "paragraph", "list", "item", "quote", "block",
	"area", "acronym", "row", "cell", "footnote", "text", "softbreak",
	"emph", "strong", "code", "link", "ref", "footnote_ref",
};

const char *ast_type_name(ast_type t)
{
	return t < AST__COUNT ? type_names[t] : "?";
}

const char *const ast_block_kind_names[BK__COUNT] = {
	"finding", "recommendation", "evidence", "acronyms", "areas",
	"recommendations", "findings", "sources", "glossary", "table",
	"figure", "box", "map",
};

const char *ast_block_kind_name(ast_block_kind k)
{
	return k < BK__COUNT ? ast_block_kind_names[k] : "?";
}

int ast_block_kind_lookup(const char *name, size_t len)
{
	for (int i = 0; i < BK__COUNT; i++)
		if (strlen(ast_block_kind_names[i]) == len &&
		    memcmp(ast_block_kind_names[i], name, len) == 0)
			return i;
	return -1;
}

bool ast_kind_has_id(ast_block_kind k)
{
	return k == BK_FINDING || k == BK_RECOMMENDATION || k == BK_EVIDENCE ||
	       k == BK_TABLE || k == BK_FIGURE;
}

bool ast_kind_may_have_id(ast_block_kind k)
{
	return ast_kind_has_id(k) || k == BK_BOX;
}

bool ast_kind_has_body(ast_block_kind k)
{
	switch (k) {
	case BK_RECOMMENDATIONS:
	case BK_FINDINGS:
	case BK_SOURCES:
	case BK_GLOSSARY:
	case BK_FIGURE:
	case BK_MAP:
		return false;
	default:
		return true;
	}
}

const char *ast_level_name(ast_level l)
{
	static const char *const names[] = {"", "low", "medium", "high"};
	return (unsigned)l < 4 ? names[l] : "";
}

/* [A-Za-z0-9_][A-Za-z0-9_.:-]*, not ending in '.' or ':' (contract 11.1):
 * BibTeX and Zotero keys such as Smith2020 or oecd:2023. */
bool ast_id_valid(const char *p, size_t len)
{
	if (len == 0 || p[len - 1] == '.' || p[len - 1] == ':')
		return false;
	if (!ascii_is_alnum(p[0]) && p[0] != '_')
		return false;
	for (size_t i = 1; i < len; i++)
		if (!ast_id_char(p[i]))
			return false;
	return true;
}

void ast_ids_canonical(buf *out, const char *p, size_t n)
{
	const char *e = p + n;
	for (bool first = true;; first = false) {
		const char *q = memchr(p, ',', (size_t)(e - p));
		const char *a = p, *b = q ? q : e;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (!first)
			buf_puts(out, b > a ? ", " : ",");
		buf_put(out, a, (size_t)(b - a));
		if (!q)
			break;
		p = q + 1;
	}
}

/*
 * The ID table compares without ASCII case (hash.h: nocase), so that it
 * holds one ID of each spelling up to case: a look-up is exact, a
 * definition refused when an ID that differs only in letter case is
 * taken (contract 11.1: such IDs are duplicates).
 */
ast_node *ast_idtab_get(const ast_idtab *t, const char *key, size_t len)
{
	const htab_entry *e = htab_get(t, key, len);
	return e && memcmp(e->key, key, len) == 0 ? e->val.p : NULL;
}

ast_node *ast_idtab_get_folded(const ast_idtab *t, const char *key, size_t len)
{
	const htab_entry *e = htab_get(t, key, len);
	return e ? e->val.p : NULL;
}

ast_node *ast_idtab_put(ast_idtab *t, const char *key, size_t len,
			ast_node *node)
{
	bool added;
	htab_entry *e = htab_put(t, key, len, &added);
	if (!added)
		return e->val.p;
	e->val.p = node;
	return NULL;
}

ast_node *ast_idref_target(const ast_doc *d, const ast_idref *r)
{
	return r->target ? r->target : ast_idtab_get(&d->ids, r->id.p, r->id.len);
}

const str *ast_node_id(const ast_node *n)
{
	switch (n->type) {
	case AST_BLOCK:
		return n->u.block->id.len ? &n->u.block->id : NULL;
	case AST_HEADING:
		return n->u.heading->id.len ? &n->u.heading->id : NULL;
	case AST_AREA:
		return &n->u.entry->key;
	default:
		return NULL;
	}
}

const char *ast_node_what(const ast_node *n)
{
	switch (n->type) {
	case AST_BLOCK:
		return ast_block_kind_name(n->u.block->kind);
	case AST_HEADING:
		return "section";
	case AST_AREA:
		return "area";
	default:
		return ast_type_name(n->type);
	}
}

ast_field *ast_field_get(ast_field *list, const char *name)
{
	size_t len = strlen(name);
	for (ast_field *f = list; f; f = f->next) {
		/* A known field's name is its spec's, which is at hand: the
		 * name's own bytes are elsewhere in memory. */
		const char *fn = f->spec ? f->spec->name : f->name.p;
		if (fn[0] == name[0] && f->name.len == len &&
		    memcmp(fn, name, len) == 0)
			return f;
	}
	return NULL;
}

const ast_field *ast_field_of(const ast_field *list, const ast_field_spec *sp)
{
	for (const ast_field *f = list; f; f = f->next)
		if (f->spec == sp)
			return f;
	return NULL;
}

static const ast_field_spec finding_fields[] = {
	{"claim", VT_INLINE, true},
	{"evidence", VT_IDS, false},
	{"confidence", VT_LEVEL, false},
};
static const ast_field_spec recommendation_fields[] = {
	{"action", VT_INLINE, true},
	{"area", VT_ID, true},
	{"addresses", VT_IDS, true},
	{"actor", VT_TEXT, false},
	{"priority", VT_LEVEL, false},
	{"horizon", VT_TEXT, false},
};
static const ast_field_spec evidence_fields[] = {
	{"title", VT_INLINE, true},
	{"url", VT_URL, false},
	{"publisher", VT_TEXT, false},
	{"authors", VT_NAMES, false},
	{"date", VT_PARTIAL_DATE, false},
	{"accessed", VT_DATE, false},
	{"type", VT_EVIDENCE_TYPE, false},
};
static const ast_field_spec table_fields[] = {
	{"caption", VT_INLINE, true},
	{"source", VT_IDS, false},
	{"note", VT_INLINE, false},
};
static const ast_field_spec figure_fields[] = {
	{"src", VT_PATH, true},
	{"alt", VT_TEXT, true},
	{"caption", VT_INLINE, true},
	{"source", VT_IDS, false},
	{"width", VT_PERCENT, false},
};
static const ast_field_spec box_fields[] = {
	{"title", VT_INLINE, false},
	{"type", VT_BOX_TYPE, false},
};
static const ast_field_spec recommendations_fields[] = {
	{"area", VT_ID, false},
};
static const ast_field_spec meta_fields[] = {
	{"title", VT_INLINE, true},
	{"subtitle", VT_INLINE, false},
	{"organization", VT_NAME, false},
	{"authors", VT_NAMES, true},
	{"date", VT_PARTIAL_DATE, true},
	{"updated", VT_PARTIAL_DATE, false},
	{"status", VT_STATUS, false},
	{"lang", VT_LANG, false},
	{"limit-words", VT_POSITIVE_INT, false},
	{"series", VT_NAME, false},
	{"number", VT_IDENT, false},
	{"version", VT_IDENT, false},
	{"paper", VT_PAPER, false},
	{"toc", VT_TOC, false},
	{"logo", VT_PATH, false},
	{"allow", VT_CODES, false},
	{"library", VT_PATH, false},	/* contract 12: read by assemble.c */
};

#define SPECS(a) (*n = sizeof(a) / sizeof((a)[0]), (a))

const ast_field_spec *ast_block_fields(ast_block_kind k, size_t *n)
{
	switch (k) {
	case BK_FINDING:
		return SPECS(finding_fields);
	case BK_RECOMMENDATION:
		return SPECS(recommendation_fields);
	case BK_EVIDENCE:
		return SPECS(evidence_fields);
	case BK_RECOMMENDATIONS:
		return SPECS(recommendations_fields);
	case BK_TABLE:
		return SPECS(table_fields);
	case BK_FIGURE:
		return SPECS(figure_fields);
	case BK_BOX:
		return SPECS(box_fields);
	default:
		*n = 0;
		return NULL;
	}
}

const ast_field_spec *ast_meta_fields(size_t *n)
{
	return SPECS(meta_fields);
}

const ast_field_spec *ast_spec_find(const ast_field_spec *specs, size_t n,
				    const char *name, size_t len)
{
	/* The first letter first: this runs for every field, in every pass. */
	for (size_t i = 0; i < n; i++)
		if (len && specs[i].name[0] == name[0] && strlen(specs[i].name) == len &&
		    memcmp(specs[i].name, name, len) == 0)
			return &specs[i];
	return NULL;
}

void ast_plain_text(const ast_node *n, buf *out)
{
	if (!n)
		return;
	for (const ast_node *cur = n; cur; cur = ast_next(cur, n, true)) {
		if (cur->type == AST_TEXT) {
			for (ast_text_it it = {.n = cur}; ast_text_next(&it);) {
				buf_put(out, it.piece.p, it.piece.len);
				if (it.brk)
					buf_putc(out, ' ');
			}
		} else if (cur->type == AST_CODE)
			buf_put(out, cur->u.text, cur->tlen);
		else if (cur->type == AST_SOFTBREAK)
			buf_putc(out, ' ');
		else if (cur->type == AST_REF) {
			for (size_t i = 0; i < cur->u.ref->ids.n; i++) {
				buf_puts(out, i ? "; @" : "[@");
				buf_put(out, cur->u.ref->ids.v[i].id.p, cur->u.ref->ids.v[i].id.len);
			}
			buf_putc(out, ']');
		}
	}
}

/* ast.h: a node of 56 bytes, for the million of them in a large brief. */
_Static_assert(sizeof(ast_node) <= 56, "ast_node grew past 56 bytes");
/* ast.h: a block of every kind pays for each of its bytes (ast_float). */
_Static_assert(sizeof(ast_block) <= 240, "ast_block grew past 240 bytes");
