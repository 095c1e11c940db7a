/*
 * render_json.c - the JSON backend (schema: docs/json.md).
 *
 * One object: format and version, the source path, the decoded front
 * matter, then the semantic tables resolve.c filled (sections, findings,
 * recommendations, sources, areas, acronyms) with their numbers and links
 * both ways, then the body as a tree.  Arrays are written in document order
 * (sources in source-number order), so the output is a pure function of the
 * input.
 *
 * Locations are [line, column] pairs, 1-based, columns in code points, like
 * diagnostics: "at" is where a thing starts, "end" just past its last
 * character.  Two cursors turn byte offsets into line:column: starts come in
 * preorder and ends in postorder, both ascending, so each cursor only moves
 * forward within a line and the whole output stays linear; "end" is
 * therefore the last key of every node object.
 *
 * The tree walk is iterative over the parent/next links: the depth of
 * nested lists and inlines costs no stack.
 */
#include "render_json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* Offset -> line:column, remembering the last answer on its line. */
typedef struct jcursor {
	const source *file;	/* of the document's files, the one off is in */
	uint32_t off;		/* in that file's text */
	unsigned line, col;	/* line 0: nothing cached */
} jcursor;

typedef struct jctx {
	const ast_doc *d;
	buf *out;
	buf tmp;		/* plain text of inline fields */
	jcursor starts, ends;
} jctx;

/* ---- strings ---- */

static void put_cstr(jctx *c, const char *s)
{
	escape_json(c->out, s, strlen(s));
}

static void put_str(jctx *c, str s)
{
	escape_json(c->out, s.p ? s.p : "", s.p ? s.len : 0);
}

/* A string, or null when empty. */
static void put_str_or_null(jctx *c, str s)
{
	if (!s.p || s.len == 0)
		buf_puts(c->out, "null");
	else
		put_str(c, s);
}

static void put_int(buf *out, long v)
{
	if (v < 0) {
		buf_putc_fast(out, '-');
		buf_put_ulong(out, 0UL - (unsigned long)v);
	} else
		buf_put_ulong(out, (unsigned long)v);
}

/* ,"key": */
static void key(jctx *c, const char *k)
{
	buf_put(c->out, ",\"", 2);
	buf_puts(c->out, k);
	buf_put(c->out, "\":", 2);
}

/* ---- locations ---- */

/* Bytes a forward seek reads before it looks the place up instead. */
#define CURSOR_WALK 4096

static void cursor_seek(const source *doc, jcursor *cur, uint32_t goff)
{
	uint32_t off;
	const source *s = source_file_at(doc, goff > doc->len ? (uint32_t)doc->len : goff, &off);
	if (off > s->len)
		off = (uint32_t)s->len;
	/* Back, or far ahead (the tables after the tree jump about), or in
	 * another file: look it up, in time logarithmic in the document, not
	 * linear. */
	if (!cur->line || s != cur->file || off < cur->off || off - cur->off > CURSOR_WALK) {
		cur->file = s;
		source_locate(s, off, &cur->line, &cur->col);
		cur->off = off;
		return;
	}
	/* Forward: the newlines in between, then code points from the last
	 * answer or from the new line's start. */
	unsigned line = cur->line, col = cur->col;
	uint32_t from = cur->off;
	for (const char *p = s->text + from;
	     (p = memchr(p, '\n', (size_t)(s->text + off - p)));) {
		p++;
		from = (uint32_t)(p - s->text);
		line++;
		col = 1;
	}
	col += source_cps(s, from, off);
	cur->line = line;
	cur->col = col;
	cur->off = off;
}

static void put_pos(jctx *c, jcursor *cur, const char *k, uint32_t off)
{
	key(c, k);
	if (!c->d->src.text || !c->d->src.lines) {
		buf_puts(c->out, "null");
		return;
	}
	cursor_seek(&c->d->src, cur, off);
	buf_putc_fast(c->out, '[');
	buf_put_ulong(c->out, cur->line);
	buf_putc_fast(c->out, ',');
	buf_put_ulong(c->out, cur->col);
	/* in an included file or a library: which, of "files" */
	unsigned file = source_file_index(&c->d->src, cur->file);
	if (file) {
		buf_putc_fast(c->out, ',');
		buf_put_ulong(c->out, file);
	}
	buf_putc_fast(c->out, ']');
}

static void put_at(jctx *c, span at)
{
	put_pos(c, &c->starts, "at", at.start);
}

static void put_end(jctx *c, span at)
{
	put_pos(c, &c->ends, "end", at.end);
}

/* ---- the tree ---- */

static bool is_container(ast_type t)
{
	switch (t) {
	case AST_TEXT:
	case AST_SOFTBREAK:
	case AST_CODE:
	case AST_AREA:
	case AST_ACRONYM:
	case AST_FNREF:
		return false;
	default:
		return true;
	}
}

static void put_level(jctx *c, ast_level l)
{
	static const char *const names[] = {"null", "\"low\"", "\"medium\"",
					    "\"high\""};
	buf_puts(c->out, (unsigned)l < 4 ? names[l] : "null");
}

/* The block's number where numbers exist (findings, recommendations,
 * evidence, tables, figures and maps, boxes with an ID), else null. */
static void put_number(jctx *c, const ast_node *n)
{
	if (n && n->type == AST_BLOCK && n->u.block->number > 0 &&
	    (n->u.block->kind == BK_FINDING ||
	     n->u.block->kind == BK_RECOMMENDATION ||
	     n->u.block->kind == BK_EVIDENCE || n->u.block->kind == BK_TABLE ||
	     n->u.block->kind == BK_FIGURE || n->u.block->kind == BK_MAP ||
	     n->u.block->kind == BK_BOX))
		put_int(c->out, n->u.block->number);
	else
		buf_puts(c->out, "null");
}

/*
 * {"id":..,"kind":..,"number":..} for a thing named id (NULL: null) that
 * is t (NULL: unresolved); with "locator" for an ID of a reference
 * (locator not NULL), with "at" for a node met through a link.
 */
static void put_named(jctx *c, const str *id, const ast_node *t,
		      const str *locator, bool at)
{
	buf_puts(c->out, "{\"id\":");
	if (id)
		put_str(c, *id);
	else
		buf_puts(c->out, "null");
	key(c, "kind");
	if (t)
		put_cstr(c, ast_node_what(t));
	else
		buf_puts(c->out, "null");
	key(c, "number");
	put_number(c, t);
	if (locator) {
		key(c, "locator");
		put_str_or_null(c, *locator);
	}
	if (at)
		put_at(c, t->at);
	buf_putc_fast(c->out, '}');
}

/* An array of the IDs of a list or a reference (l; ref: a reference's,
 * with locators), or of the nodes a link both ways gathered (v:
 * addressed_by, cited_by). */
static void put_named_all(jctx *c, const ast_idlist *l, bool ref,
			  const ast_vec *v)
{
	size_t n = l ? l->n : v->n;
	buf_putc_fast(c->out, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc_fast(c->out, ',');
		if (l)
			put_named(c, &l->v[i].id, l->v[i].target,
				  ref ? &l->v[i].locator : NULL, false);
		else
			put_named(c, ast_node_id(v->v[i]), v->v[i], NULL, true);
	}
	buf_putc_fast(c->out, ']');
}

static void put_idlist(jctx *c, const ast_idlist *l)
{
	put_named_all(c, l, false, NULL);
}

static void put_nodevec(jctx *c, const ast_vec *v)
{
	put_named_all(c, NULL, false, v);
}

static void put_subtree(jctx *c, const ast_node *top);

/* The children of n as an array (inline holders of fields). */
static void put_children(jctx *c, const ast_node *n)
{
	buf_putc_fast(c->out, '[');
	for (const ast_node *k = n ? n->first : NULL; k; k = k->next) {
		put_subtree(c, k);
		if (k->next)
			buf_putc_fast(c->out, ',');
	}
	buf_putc_fast(c->out, ']');
}

static void put_fields(jctx *c, const ast_field *f)
{
	buf_putc_fast(c->out, '[');
	for (; f; f = f->next) {
		buf_puts(c->out, "{\"name\":");
		put_str(c, f->name);
		put_at(c, f->name_at);
		key(c, "value");
		put_str(c, f->value);
		if (f->inl) {
			key(c, "inline");
			put_children(c, f->inl);
		}
		put_end(c, f->value.len ? f->value_at : f->name_at);
		buf_putc_fast(c->out, '}');
		if (f->next)
			buf_putc_fast(c->out, ',');
	}
	buf_putc_fast(c->out, ']');
}

/*
 * A text node, whole: each newline in it is a soft break (ast.h), written
 * as the text and soft-break nodes the source has, with their locations.
 */
static void put_text(jctx *c, const ast_node *n)
{
	bool first = true;

	for (ast_text_it it = {.n = n}; ast_text_next(&it);) {
		if (it.piece.len) {
			if (!first)
				buf_putc_fast(c->out, ',');
			first = false;
			buf_puts(c->out, "{\"type\":\"text\"");
			put_at(c, it.at);
			key(c, "text");
			put_str(c, it.piece);
			put_end(c, it.at);
			buf_putc_fast(c->out, '}');
		}
		if (it.brk) {
			if (!first)
				buf_putc_fast(c->out, ',');
			first = false;
			buf_puts(c->out, "{\"type\":\"softbreak\"");
			put_pos(c, &c->starts, "at", it.at.end);
			put_end(c, it.at);
			buf_putc_fast(c->out, '}');
		}
	}
}

/* A note's number, or null while it is unused or undefined. */
static void put_note_number(jctx *c, const ast_node *def)
{
	if (def && def->u.note->number)
		put_int(c->out, def->u.note->number);
	else
		buf_puts(c->out, "null");
}

/* The alignment of column k of table t: "left", "center", "right" or
 * null (none given, or no such column in the delimiter row). */
static void put_align(jctx *c, const ast_node *t, uint32_t k)
{
	static const char *const names[] = {"null", "\"left\"", "\"center\"",
					    "\"right\""};
	const ast_float *fl = t && t->type == AST_BLOCK ? ast_float_of(t->u.block) : NULL;
	if (fl && k < fl->ndelim)
		buf_puts(c->out, names[fl->align[k]]);
	else
		buf_puts(c->out, "null");
}

/* {"type":..,"at":.. and the node's own keys; children and end follow.
 * A text node is written whole here. */
static void node_open(jctx *c, const ast_node *n)
{
	if (n->type == AST_TEXT) {
		put_text(c, n);
		return;
	}
	buf_puts(c->out, "{\"type\":");
	put_cstr(c, ast_type_name(n->type));
	put_at(c, n->at);
	switch (n->type) {
	case AST_HEADING:
		key(c, "level");
		put_int(c->out, n->u.heading->level);
		key(c, "id");
		put_str_or_null(c, n->u.heading->id);
		key(c, "explicit_id");
		buf_puts(c->out, n->u.heading->explicit_id ? "true" : "false");
		break;
	case AST_LIST:
		key(c, "ordered");
		buf_puts(c->out, n->u.list->ordered ? "true" : "false");
		key(c, "start");
		if (n->u.list->ordered)
			put_int(c->out, n->u.list->start);
		else
			buf_puts(c->out, "null");
		break;
	case AST_BLOCK:
		key(c, "kind");
		put_cstr(c, ast_block_kind_name(n->u.block->kind));
		key(c, "id");
		put_str_or_null(c, n->u.block->id);
		key(c, "number");
		put_number(c, n);
		key(c, "fields");
		put_fields(c, n->u.block->fields);
		break;
	case AST_AREA:
		key(c, "id");
		put_str(c, n->u.entry->key);
		key(c, "title");
		put_str(c, n->u.entry->value);
		break;
	case AST_ACRONYM:
		key(c, "abbr");
		put_str(c, n->u.entry->key);
		key(c, "expansion");
		put_str(c, n->u.entry->value);
		key(c, "uses");
		put_int(c->out, n->u.entry->uses);
		break;
	case AST_ROW:
		key(c, "header");
		buf_puts(c->out, ast_row_is_header(n) ? "true" : "false");
		break;
	case AST_CELL:
		key(c, "column");
		put_int(c->out, ast_cell_column(n));
		key(c, "align");
		put_align(c, n->parent ? n->parent->parent : NULL,
			  ast_cell_column(n));
		break;
	case AST_CODE:
		key(c, "text");
		put_str(c, ast_text(n));
		break;
	case AST_LINK:
		key(c, "url");
		put_str(c, n->u.link->url);
		break;
	case AST_REF:
		key(c, "ids");
		put_named_all(c, &n->u.ref->ids, true, NULL);
		break;
	case AST_FOOTNOTE:
		key(c, "label");
		put_str(c, n->u.note->label);
		key(c, "number");
		put_note_number(c, n);
		break;
	case AST_FNREF:
		key(c, "label");
		put_str(c, n->u.note->label);
		key(c, "number");
		put_note_number(c, n->u.note->def);
		break;
	default:
		break;
	}
	if (is_container(n->type)) {
		key(c, "children");
		buf_putc_fast(c->out, '[');
	}
}

static void node_close(jctx *c, const ast_node *n)
{
	if (n->type == AST_TEXT)
		return;		/* written whole by node_open */
	if (is_container(n->type))
		buf_putc_fast(c->out, ']');
	put_end(c, n->at);
	buf_putc_fast(c->out, '}');
}

/*
 * One node and everything under it, without a stack (ast_iter).  The only
 * nested call is put_fields -> put_children for a block's inline fields,
 * one level deep (fields hold inlines, never blocks).
 */
static void put_subtree(jctx *c, const ast_node *top)
{
	for (ast_iter it = ast_iter_start(top); ast_iter_next(&it);) {
		const ast_node *n = it.node;
		if (it.entering) {
			node_open(c, n);
			it.skip = !is_container(n->type);
		} else {
			node_close(c, n);
			if (n != top && n->next)
				buf_putc_fast(c->out, ',');
		}
	}
}

/* ---- the semantic tables ---- */

static const ast_field *field(const ast_node *n, const char *name)
{
	return ast_field_get(n->u.block->fields, name);
}

/* A field's text (inline markup removed), or null. */
static void put_plain(jctx *c, const ast_field *f)
{
	if (!f) {
		buf_puts(c->out, "null");
		return;
	}
	if (!f->inl) {
		put_str(c, f->value);
		return;
	}
	buf_clear(&c->tmp);
	ast_plain_text(f->inl, &c->tmp);
	escape_json(c->out, c->tmp.data ? c->tmp.data : "", c->tmp.len);
}

/* A field's value as written, or null. */
static void put_value(jctx *c, const ast_field *f)
{
	if (f)
		put_str(c, f->value);
	else
		buf_puts(c->out, "null");
}

/* "NAME":plain,"NAME_inline":[...] for an inline-text field. */
static void put_inline_field(jctx *c, const char *name, const ast_field *f)
{
	char k[32];
	key(c, name);
	put_plain(c, f);
	size_t len = strlen(name);
	memcpy(k, name, len);
	memcpy(k + len, "_inline", sizeof "_inline");
	key(c, k);
	if (f && f->inl)
		put_children(c, f->inl);
	else
		buf_puts(c->out, "null");
}

static void put_meta(jctx *c)
{
	const ast_meta *m = &c->d->meta;
	buf_puts(c->out, "{\"present\":");
	buf_puts(c->out, m->present ? "true" : "false");
	put_inline_field(c, "title", m->title);
	put_inline_field(c, "subtitle", m->subtitle);
	key(c, "organization");
	put_value(c, m->organization);
	key(c, "authors");
	buf_putc_fast(c->out, '[');
	for (size_t i = 0; i < m->nauthors; i++) {
		if (i)
			buf_putc_fast(c->out, ',');
		put_str(c, m->author_names[i]);
	}
	buf_putc_fast(c->out, ']');
	key(c, "affiliations");
	buf_putc_fast(c->out, '[');
	for (size_t i = 0; i < m->nauthors; i++) {
		if (i)
			buf_putc_fast(c->out, ',');
		if (m->affiliations)
			put_str_or_null(c, m->affiliations[i]);
		else
			buf_puts(c->out, "null");
	}
	buf_putc_fast(c->out, ']');
	key(c, "date");
	put_value(c, m->date);
	key(c, "updated");
	put_value(c, m->updated);
	key(c, "status");
	buf_puts(c->out, m->final ? "\"final\"" : "\"draft\"");
	key(c, "lang");
	if (m->lang && m->lang->value.len)
		put_str(c, m->lang->value);
	else
		buf_puts(c->out, "\"en\"");
	key(c, "limit_words");
	if (m->limit > 0)
		put_int(c->out, m->limit);
	else
		buf_puts(c->out, "null");
	key(c, "series");
	put_value(c, m->series);
	key(c, "number");
	put_value(c, m->number);
	key(c, "version");
	put_value(c, m->version);
	key(c, "paper");
	buf_puts(c->out, m->letter ? "\"letter\"" : "\"a4\"");
	key(c, "toc");
	buf_puts(c->out, m->toc_mode == TOC_YES ? "\"yes\"" :
		 m->toc_mode == TOC_NO ? "\"no\"" : "\"auto\"");
	key(c, "logo");
	put_value(c, m->logo);
	key(c, "allow");
	buf_putc_fast(c->out, '[');
	for (int k = 0, n = 0; k < DC__COUNT; k++)
		if (m->allowed[k]) {
			if (n++)
				buf_putc_fast(c->out, ',');
			put_cstr(c, diag_code_name((diag_code)k));
		}
	buf_putc_fast(c->out, ']');
	put_at(c, m->at);
	put_end(c, m->at);
	buf_putc_fast(c->out, '}');
}

static void put_section(jctx *c, const ast_node *h)
{
	buf_puts(c->out, "{\"id\":");
	put_str_or_null(c, h->u.heading->id);
	key(c, "level");
	put_int(c->out, h->u.heading->level);
	key(c, "title");
	buf_clear(&c->tmp);
	ast_plain_text(h, &c->tmp);
	escape_json(c->out, c->tmp.data ? c->tmp.data : "", c->tmp.len);
	put_at(c, h->at);
	put_end(c, h->at);
	buf_putc_fast(c->out, '}');
}

static void put_finding(jctx *c, const ast_node *n)
{
	buf_puts(c->out, "{\"id\":");
	put_str(c, n->u.block->id);
	key(c, "number");
	put_number(c, n);
	put_inline_field(c, "claim", n->u.block->f_claim);
	key(c, "confidence");
	put_level(c, n->u.block->confidence);
	key(c, "evidence");
	put_idlist(c, &n->u.block->evidence);
	key(c, "addressed_by");
	put_nodevec(c, &n->u.block->addressed_by);
	put_at(c, n->at);
	put_end(c, n->at);
	buf_putc_fast(c->out, '}');
}

static void put_recommendation(jctx *c, const ast_node *n)
{
	const ast_idref *a = &n->u.block->area;
	buf_puts(c->out, "{\"id\":");
	put_str(c, n->u.block->id);
	key(c, "number");
	put_number(c, n);
	put_inline_field(c, "action", n->u.block->f_action);
	key(c, "area");
	if (a->id.len) {
		buf_puts(c->out, "{\"id\":");
		put_str(c, a->id);
		key(c, "title");
		if (a->target && a->target->type == AST_AREA)
			put_str(c, a->target->u.entry->value);
		else
			buf_puts(c->out, "null");
		buf_putc_fast(c->out, '}');
	} else
		buf_puts(c->out, "null");
	key(c, "addresses");
	put_idlist(c, &n->u.block->addresses);
	key(c, "actor");
	put_value(c, field(n, "actor"));
	key(c, "priority");
	put_level(c, n->u.block->priority);
	key(c, "horizon");
	put_value(c, field(n, "horizon"));
	put_at(c, n->at);
	put_end(c, n->at);
	buf_putc_fast(c->out, '}');
}

/* A `names` field (`A; B`) as an array of trimmed names. */
static void put_names(jctx *c, const ast_field *f)
{
	buf_putc_fast(c->out, '[');
	const char *p = f ? f->value.p : NULL, *e = p ? p + f->value.len : NULL;
	bool first = true;
	while (p && p < e) {
		const char *semi = memchr(p, ';', (size_t)(e - p));
		const char *b = p, *z = semi ? semi : e;
		while (b < z && (*b == ' ' || *b == '\t'))
			b++;
		while (z > b && (z[-1] == ' ' || z[-1] == '\t'))
			z--;
		if (z > b) {
			if (!first)
				buf_putc_fast(c->out, ',');
			escape_json(c->out, b, (size_t)(z - b));
			first = false;
		}
		p = semi ? semi + 1 : e;
	}
	buf_putc_fast(c->out, ']');
}

static void put_source(jctx *c, const ast_node *n)
{
	static const char *const plain[] = {"url", "publisher", "date",
					    "accessed", "type"};
	buf_puts(c->out, "{\"id\":");
	put_str(c, n->u.block->id);
	key(c, "number");
	put_number(c, n);
	put_inline_field(c, "title", n->u.block->f_title ? n->u.block->f_title
							 : field(n, "title"));
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		key(c, plain[i]);
		put_value(c, field(n, plain[i]));
	}
	key(c, "authors");
	put_names(c, field(n, "authors"));
	key(c, "cited_by");
	put_nodevec(c, &n->u.block->cited_by);
	put_at(c, n->at);
	put_end(c, n->at);
	buf_putc_fast(c->out, '}');
}

/* Areas list their recommendations (resolve.c gathered them). */
static void put_areas(jctx *c)
{
	const ast_vec *areas = &c->d->areas;
	buf_putc_fast(c->out, '[');
	for (size_t i = 0; i < areas->n; i++) {
		const ast_node *n = areas->v[i];
		const ast_vec *recs = &n->u.entry->recommendations;
		buf_puts(c->out, i ? ",\n    {\"id\":" : "\n    {\"id\":");
		put_str(c, n->u.entry->key);
		key(c, "title");
		put_str(c, n->u.entry->value);
		key(c, "recommendations");
		buf_putc_fast(c->out, '[');
		for (size_t r = 0; r < recs->n; r++) {
			const ast_node *rec = recs->v[r];
			if (r)
				buf_putc_fast(c->out, ',');
			buf_puts(c->out, "{\"id\":");
			put_str(c, rec->u.block->id);
			key(c, "number");
			put_number(c, rec);
			buf_putc_fast(c->out, '}');
		}
		buf_putc_fast(c->out, ']');
		put_at(c, n->at);
		put_end(c, n->at);
		buf_putc_fast(c->out, '}');
	}
	buf_puts(c->out, areas->n ? "\n  ]" : "]");
}

static void put_acronym(jctx *c, const ast_node *n)
{
	buf_puts(c->out, "{\"abbr\":");
	put_str(c, n->u.entry->key);
	key(c, "expansion");
	put_str(c, n->u.entry->value);
	key(c, "uses");
	put_int(c->out, n->u.entry->uses);
	put_at(c, n->at);
	put_end(c, n->at);
	buf_putc_fast(c->out, '}');
}

/* A table's cells as {"text","inline"} objects. */
static void put_cells(jctx *c, const ast_node *row)
{
	buf_putc_fast(c->out, '[');
	for (const ast_node *k = row ? row->first : NULL; k; k = k->next) {
		buf_puts(c->out, "{\"text\":");
		buf_clear(&c->tmp);
		ast_plain_text(k, &c->tmp);
		escape_json(c->out, c->tmp.data ? c->tmp.data : "", c->tmp.len);
		key(c, "inline");
		put_children(c, k);
		buf_putc_fast(c->out, '}');
		if (k->next)
			buf_putc_fast(c->out, ',');
	}
	buf_putc_fast(c->out, ']');
}

static void put_table_entry(jctx *c, const ast_node *n)
{
	const ast_block *b = n->u.block;
	const ast_float *fl = ast_float_of(b);
	buf_puts(c->out, "{\"id\":");
	put_str(c, b->id);
	key(c, "number");
	put_number(c, n);
	put_inline_field(c, "caption", fl->f_caption);
	put_inline_field(c, "note", fl->f_note);
	key(c, "source");
	put_idlist(c, &b->evidence);
	key(c, "columns");
	buf_putc_fast(c->out, '[');
	for (uint32_t k = 0; k < fl->ndelim; k++) {
		if (k)
			buf_putc_fast(c->out, ',');
		put_align(c, n, k);
	}
	buf_putc_fast(c->out, ']');
	const ast_node *r = n->first;
	while (r && r->type != AST_ROW)
		r = r->next;
	key(c, "header");
	if (r && ast_row_is_header(r)) {
		put_cells(c, r);
		r = r->next;
	} else
		buf_puts(c->out, "[]");
	key(c, "rows");
	buf_putc_fast(c->out, '[');
	for (bool first = true; r; r = r->next) {
		if (r->type != AST_ROW)
			continue;
		if (!first)
			buf_putc_fast(c->out, ',');
		first = false;
		put_cells(c, r);
	}
	buf_putc_fast(c->out, ']');
	put_at(c, n->at);
	put_end(c, n->at);
	buf_putc_fast(c->out, '}');
}

static void put_figure(jctx *c, const ast_node *n)
{
	const ast_block *b = n->u.block;
	const ast_float *fl = ast_float_of(b);
	buf_puts(c->out, "{\"id\":");
	put_str(c, b->id);
	key(c, "number");
	put_number(c, n);
	key(c, "src");
	put_value(c, fl->f_src);
	key(c, "alt");
	put_value(c, fl->f_alt);
	put_inline_field(c, "caption", fl->f_caption);
	key(c, "source");
	put_idlist(c, &b->evidence);
	key(c, "width");
	if (fl->width)
		put_int(c->out, fl->width);
	else
		buf_puts(c->out, "null");
	put_at(c, n->at);
	put_end(c, n->at);
	buf_putc_fast(c->out, '}');
}

static void put_footnote(jctx *c, const ast_node *n)
{
	buf_puts(c->out, "{\"label\":");
	put_str(c, n->u.note->label);
	key(c, "number");
	put_note_number(c, n);
	key(c, "text");
	buf_clear(&c->tmp);
	for (const ast_node *p = n->first; p; p = p->next) {
		if (p != n->first)
			buf_puts(&c->tmp, "\n\n");
		ast_plain_text(p, &c->tmp);
	}
	escape_json(c->out, c->tmp.data ? c->tmp.data : "", c->tmp.len);
	key(c, "uses");
	put_int(c->out, n->u.note->uses);
	put_at(c, n->at);
	put_end(c, n->at);
	buf_putc_fast(c->out, '}');
}

static void put_box(jctx *c, const ast_node *n)
{
	static const char *const types[] = {"note", "key-points", "sidebar",
					    "disclaimer"};
	const ast_block *b = n->u.block;
	buf_puts(c->out, "{\"id\":");
	put_str_or_null(c, b->id);
	key(c, "number");
	put_number(c, n);
	key(c, "type");
	put_cstr(c, types[ast_float_of(b)->box_type]);
	put_inline_field(c, "title", b->f_title);
	put_at(c, n->at);
	put_end(c, n->at);
	buf_putc_fast(c->out, '}');
}

/* One table: an array with one element per line. */
static void put_table(jctx *c, const char *name, const ast_vec *v,
		      void (*put)(jctx *, const ast_node *))
{
	buf_puts(c->out, ",\n  ");
	escape_json(c->out, name, strlen(name));
	buf_puts(c->out, ":[");
	for (size_t i = 0; i < v->n; i++) {
		buf_puts(c->out, i ? ",\n    " : "\n    ");
		put(c, v->v[i]);
	}
	buf_puts(c->out, v->n ? "\n  ]" : "]");
}

/* The notes in number order, then the unused ones in document order:
 * the order of every format's notes (an unused one is in none). */
static void put_footnotes(jctx *c)
{
	const ast_doc *d = c->d;
	size_t k = 0;
	buf_puts(c->out, ",\n  \"footnotes\":[");
	for (size_t i = 0; i < d->notes.n; i++, k++) {
		buf_puts(c->out, k ? ",\n    " : "\n    ");
		put_footnote(c, d->notes.v[i]);
	}
	for (size_t i = 0; i < d->footnotes.n; i++) {
		if (d->footnotes.v[i]->u.note->number)
			continue;
		buf_puts(c->out, k++ ? ",\n    " : "\n    ");
		put_footnote(c, d->footnotes.v[i]);
	}
	buf_puts(c->out, k ? "\n  ]" : "]");
}

int render_json(const ast_doc *d, buf *out)
{
	jctx c = {d, out, BUF_INIT, {NULL, 0, 0, 0}, {NULL, 0, 0, 0}};
	buf_puts(out, "{\n  \"format\":\"briefc\"");
	key(&c, "version");
	put_int(out, RENDER_JSON_VERSION);
	buf_puts(out, ",\n  \"source\":");
	if (d->src.path)
		escape_json(out, d->src.path, strlen(d->src.path));
	else
		buf_puts(out, "null");
	/* The files it was built from, [0] the source itself (contract 12):
	 * a location [line, column, k] is in file k. */
	buf_puts(out, ",\n  \"files\":[");
	if (d->src.nfiles) {
		for (size_t i = 0; i < d->src.nfiles; i++) {
			if (i)
				buf_putc(out, ',');
			const char *p = d->src.files[i].path;
			escape_json(out, p, strlen(p));
		}
	} else if (d->src.path) {
		escape_json(out, d->src.path, strlen(d->src.path));
	}
	buf_puts(out, "]");
	buf_puts(out, ",\n  \"meta\":");
	put_meta(&c);
	put_table(&c, "sections", &d->headings, put_section);
	put_table(&c, "findings", &d->findings, put_finding);
	put_table(&c, "recommendations", &d->recommendations, put_recommendation);
	put_table(&c, "sources", &d->sources, put_source);
	buf_puts(out, ",\n  \"areas\":");
	put_areas(&c);
	put_table(&c, "acronyms", &d->acronyms, put_acronym);
	put_table(&c, "tables", &d->tables, put_table_entry);
	put_table(&c, "figures", &d->figures, put_figure);
	put_table(&c, "boxes", &d->boxes, put_box);
	put_footnotes(&c);
	/* The body: one top-level block per line. */
	buf_puts(out, ",\n  \"body\":[");
	const ast_node *top = d->root ? d->root->first : NULL;
	for (const ast_node *n = top; n; n = n->next) {
		buf_puts(out, n == top ? "\n    " : ",\n    ");
		put_subtree(&c, n);
	}
	buf_puts(out, top ? "\n  ]\n}\n" : "]\n}\n");
	buf_free(&c.tmp);
	return 0;
}
