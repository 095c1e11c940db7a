/*
 * lsp_features.c - what the language server answers about a document
 * (lsp_features.h).
 *
 * Everything here reads the analysis that lsp_index.c made of the text
 * the editor has now; the server makes a fresh one before any request
 * that needs it, so no answer is about an older version.  Hover text is
 * Markdown: every byte of author text in it goes through md_text, and an
 * ID through md_code.
 */
#include "lsp_features.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "utf8.h"

/* ---- JSON, positions ---- */

json_t *lsp_json_str(const char *p, size_t n)
{
	json_t *s = json_stringn(p, n);
	if (s)
		return s;
	buf b = BUF_INIT;
	for (size_t i = 0; i < n;) {
		size_t k = utf8_valid(p + i, n - i);
		if (k) {
			buf_put(&b, p + i, k);
			i += k;
		} else {
			buf_puts(&b, "\xEF\xBF\xBD");
			i++;
		}
	}
	s = json_stringn(b.data ? b.data : "", b.len);
	buf_free(&b);
	return s ? s : json_string("");
}

static size_t raw_of(const lsp_ctx *c, size_t norm)
{
	size_t r = lsp_normmap_to_raw(&c->an->map, norm);
	return r > c->text->len ? c->text->len : r;
}

static size_t norm_of(const lsp_ctx *c, size_t raw)
{
	return lsp_normmap_to_norm(&c->an->map, raw);
}

static json_t *pos_json(lsp_pos p)
{
	return json_pack("{s:I,s:I}", "line", (json_int_t)p.line,
			 "character", (json_int_t)p.character);
}

json_t *lsp_range(const lsp_ctx *c, size_t raw_from, size_t raw_to)
{
	return json_pack("{s:o,s:o}",
			 "start", pos_json(lsp_text_position(c->text, c->enc, raw_from)),
			 "end", pos_json(lsp_text_position(c->text, c->enc, raw_to)));
}

static json_t *span_range(const lsp_ctx *c, span s)
{
	return lsp_range(c, raw_of(c, s.start), raw_of(c, s.end));
}

static json_t *location(const lsp_ctx *c, span s)
{
	return json_pack("{s:s,s:o}", "uri", c->uri, "range", span_range(c, s));
}

static json_t *text_edit(const lsp_ctx *c, size_t raw_from, size_t raw_to,
			 const char *text, size_t n)
{
	return json_pack("{s:o,s:o}", "range", lsp_range(c, raw_from, raw_to),
			 "newText", lsp_json_str(text, n));
}

/* ---- author text ---- */

/* The one escaper of hover Markdown: punctuation that could be markup
 * is escaped, and a line break is a space (a field's value is one line). */
static void md_text(buf *out, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char ch = p[i];
		if (ch == '\n' || ch == '\r')
			ch = ' ';
		else if (ch && strchr("\\`*_{}[]()#+-.!|<>~&", ch))
			buf_putc(out, '\\');
		buf_putc(out, ch);
	}
}

/* An ID as a code span: its text is literal there, and a fence longer
 * than any run of backticks in it (a malformed ID may hold one) keeps it
 * so, as CommonMark says. */
static void md_code(buf *out, const char *p, size_t n)
{
	size_t run = 0, longest = 0;
	for (size_t i = 0; i < n; i++) {
		run = p[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	for (size_t i = 0; i <= longest; i++)
		buf_putc(out, '`');
	bool pad = n && (p[0] == '`' || p[n - 1] == '`');
	if (pad)
		buf_putc(out, ' ');
	for (size_t i = 0; i < n; i++)
		buf_putc(out, p[i] == '\n' ? ' ' : p[i]);
	if (pad)
		buf_putc(out, ' ');
	for (size_t i = 0; i <= longest; i++)
		buf_putc(out, '`');
}

/* The plain text of a field's value (references as [@id]). */
static void field_text(const ast_field *f, buf *out)
{
	if (!f)
		return;
	if (f->inl)
		ast_plain_text(f->inl, out);
	else
		buf_put(out, f->value.p, f->value.len);
}

static void md_field(buf *out, const ast_field *f)
{
	buf t = BUF_INIT;
	field_text(f, &t);
	md_text(out, t.data ? t.data : "", t.len);
	buf_free(&t);
}

/* At most max bytes of s, cut at a character boundary, with "…" if cut. */
static void clip(buf *out, const char *s, size_t n, size_t max)
{
	if (n <= max) {
		buf_put(out, s, n);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	buf_put(out, s, max);
	buf_puts(out, "\xE2\x80\xA6");
}

static const str *node_id(const ast_node *n)
{
	static const str none = {"", 0};
	const str *id = ast_node_id(n);
	return id ? id : &none;
}

/* Where a node's ID is written: its definition. */
static span def_span(const ast_node *n)
{
	switch (n->type) {
	case AST_BLOCK:
		return n->u.block->id_at;
	case AST_HEADING:
		return n->u.heading->id_at;
	case AST_AREA:
		return n->u.entry->key_at;
	default:
		return n->at;
	}
}

static ast_field *field_named(const ast_node *b, const char *name)
{
	return ast_field_get(b->u.block->fields, name);
}

/* "Finding 3", "Source [2]", "area", ...: what a node is, for people. */
static void node_label(buf *out, const ast_node *n)
{
	if (n->type == AST_BLOCK) {
		const ast_block *b = n->u.block;
		switch (b->kind) {
		case BK_FINDING:
			buf_printf(out, "Finding %d", b->number);
			return;
		case BK_RECOMMENDATION:
			buf_printf(out, "Recommendation %d", b->number);
			return;
		case BK_EVIDENCE:
			buf_printf(out, "Source [%d]", b->number);
			return;
		default:
			break;
		}
	}
	const char *w = ast_node_what(n);
	buf_putc(out, (char)(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0]));
	buf_puts(out, w + 1);
}

/* The one line that says what a node is about: a finding's claim, an
 * evidence's title, a section's heading, an area's title. */
static void node_summary(buf *out, const ast_node *n)
{
	switch (n->type) {
	case AST_BLOCK:
		switch (n->u.block->kind) {
		case BK_FINDING:
			field_text(n->u.block->f_claim, out);
			break;
		case BK_RECOMMENDATION:
			field_text(n->u.block->f_action, out);
			break;
		case BK_EVIDENCE:
			field_text(n->u.block->f_title, out);
			break;
		default:
			break;
		}
		break;
	case AST_HEADING:
		ast_plain_text(n, out);
		break;
	case AST_AREA:
		buf_put(out, n->u.entry->value.p, n->u.entry->value.len);
		break;
	default:
		break;
	}
}

static void md_summary(buf *out, const ast_node *n)
{
	buf t = BUF_INIT;
	node_summary(&t, n);
	md_text(out, t.data ? t.data : "", t.len);
	buf_free(&t);
}

static void md_heading(buf *out, const ast_node *n)
{
	buf_puts(out, "**");
	node_label(out, n);
	buf_puts(out, "**");
	const str *id = node_id(n);
	if (id->len) {
		buf_putc(out, ' ');
		md_code(out, id->p, id->len);
	}
	buf_puts(out, "\n\n");
}

static void md_idlist(buf *out, const char *what, const ast_idlist *l)
{
	if (!l->n)
		return;
	buf_printf(out, "\n\n%s:", what);
	for (size_t i = 0; i < l->n; i++) {
		const ast_idref *r = &l->v[i];
		buf_puts(out, "\n- ");
		if (r->target) {
			node_label(out, r->target);
			buf_puts(out, ": ");
			md_summary(out, r->target);
		} else {
			buf_puts(out, "undefined ");
		}
		buf_putc(out, ' ');
		md_code(out, r->id.p, r->id.len);
	}
}

/* Hover text of a node: what a reader needs without going there. */
static void describe(buf *out, const ast_node *n)
{
	md_heading(out, n);
	md_summary(out, n);
	if (n->type != AST_BLOCK)
		return;
	const ast_block *b = n->u.block;
	switch (b->kind) {
	case BK_FINDING:
		if (b->confidence != LV_NONE)
			buf_printf(out, "\n\nConfidence: %s", ast_level_name(b->confidence));
		md_idlist(out, "Evidence", &b->evidence);
		break;
	case BK_RECOMMENDATION:
		if (b->area.target) {
			buf_puts(out, "\n\nArea: ");
			md_summary(out, b->area.target);
		}
		md_idlist(out, "Addresses", &b->addresses);
		break;
	case BK_EVIDENCE: {
		const char *parts[] = {"publisher", "authors", "date", "url"};
		bool any = false;
		for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
			ast_field *f = field_named(n, parts[i]);
			if (!f || !f->value.len)
				continue;
			buf_puts(out, any ? " \xC2\xB7 " : "\n\n");
			md_field(out, f);
			any = true;
		}
		break;
	}
	default:
		break;
	}
}

/* ---- diagnostics ---- */

static int severity(diag_severity s)
{
	return s == DS_ERROR ? 1 : s == DS_WARNING ? 2 : 3;
}

/* One diagnostic; the cursors make a list in order cost its length. */
static json_t *diag_json(const lsp_ctx *c, const diag *d, lsp_cursor *from, lsp_cursor *to)
{
	buf msg = BUF_INIT;
	buf_puts(&msg, d->msg);
	json_t *related = json_array();
	for (const diag_note *nt = d->notes; nt; nt = nt->next) {
		if (nt->has_at) {
			json_array_append_new(related, json_pack(
				"{s:o,s:o}", "location", location(c, nt->at),
				"message", lsp_json_str(nt->msg, strlen(nt->msg))));
		} else {
			/* help without a place ("did you mean ...?") is
			 * part of what the message says */
			buf_puts(&msg, "\n");
			buf_puts(&msg, nt->msg);
		}
	}
	json_t *range = json_pack(
		"{s:o,s:o}",
		"start", pos_json(lsp_cursor_position(from, raw_of(c, d->at.start))),
		"end", pos_json(lsp_cursor_position(to, raw_of(c, d->at.end))));
	json_t *j = json_pack("{s:o,s:i,s:s,s:s,s:o}", "range", range,
			      "severity", severity(d->severity),
			      "code", diag_code_name(d->code), "source", "briefc",
			      "message", lsp_json_str(msg.data, msg.len));
	buf_free(&msg);
	if (json_array_size(related))
		json_object_set_new(j, "relatedInformation", related);
	else
		json_decref(related);
	return j;
}

/*
 * Whether the i-th diagnostic is among those published: all of them up to
 * LSP_MAX_DIAGNOSTICS; past that, errors first, so that a draft full of
 * warnings still shows the error at its end.
 */
typedef struct diag_budget {
	size_t errors, others;	/* still to publish */
} diag_budget;

static void budget_init(diag_budget *b, const diag_list *dl)
{
	size_t nerr = diag_count(dl, DS_ERROR);
	b->errors = nerr < LSP_MAX_DIAGNOSTICS ? nerr : LSP_MAX_DIAGNOSTICS;
	b->others = LSP_MAX_DIAGNOSTICS - b->errors;
}

static bool budget_take(diag_budget *b, const diag *d)
{
	size_t *left = d->severity == DS_ERROR ? &b->errors : &b->others;
	if (!*left)
		return false;
	(*left)--;
	return true;
}

json_t *lsp_diagnostics(const lsp_ctx *c)
{
	json_t *out = json_array();
	const lsp_analysis *an = c->an;
	if (!an->loaded) {
		json_array_append_new(out, json_pack(
			"{s:o,s:i,s:s,s:s,s:s}", "range", lsp_range(c, 0, 0),
			"severity", 1, "code", "syntax", "source", "briefc",
			"message", "the document is larger than 64 MiB: not checked (see docs/limits.md)"));
		return out;
	}
	const diag_list *dl = &an->doc.diags;
	lsp_cursor from, to;
	lsp_cursor_init(&from, c->text, c->enc);
	lsp_cursor_init(&to, c->text, c->enc);
	diag_budget bud;
	budget_init(&bud, dl);
	for (size_t i = 0; i < dl->n; i++)
		if (budget_take(&bud, &dl->items[i]))
			json_array_append_new(out, diag_json(c, &dl->items[i], &from, &to));
	return out;
}

/* ---- hover, definition, references ---- */

static bool id_char(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' ||
	       ch == ':';
}

static const ast_node *acronym_at(const lsp_ctx *c, size_t off, span *at)
{
	const char *t = c->text->p;
	size_t a = off, b = off;
	while (a > 0 && ((t[a - 1] >= 'A' && t[a - 1] <= 'Z') || (t[a - 1] >= '0' && t[a - 1] <= '9') ||
			 (t[a - 1] >= 'a' && t[a - 1] <= 'z')))
		a--;
	while (b < c->text->len && ((t[b] >= 'A' && t[b] <= 'Z') || (t[b] >= '0' && t[b] <= '9') ||
				    (t[b] >= 'a' && t[b] <= 'z')))
		b++;
	if (a == b)
		return NULL;
	const ast_vec *v = &c->an->doc.acronyms;
	for (size_t i = 0; i < v->n; i++) {
		const ast_entry *e = v->v[i]->u.entry;
		if (e->key.len == b - a && memcmp(e->key.p, t + a, b - a) == 0) {
			*at = span_make((uint32_t)norm_of(c, a), (uint32_t)norm_of(c, b));
			return v->v[i];
		}
	}
	return NULL;
}

/* The node an occurrence is about: its own for a definition, its target
 * (or what the ID names, whatever the kind) for a use. */
static const ast_node *occ_node(const lsp_ctx *c, const lsp_occ *o)
{
	if (o->node)
		return o->node;
	return lsp_lookup(c->an, o->id.p, o->id.len);
}

json_t *lsp_hover(const lsp_ctx *c, size_t off)
{
	if (!c->an->loaded)
		return json_null();
	size_t n = norm_of(c, off);
	const lsp_occ *o = lsp_occ_at(c->an, n);
	buf md = BUF_INIT;
	span at;
	if (o) {
		const ast_node *node = occ_node(c, o);
		at = o->at;
		if (node) {
			describe(&md, node);
		} else {
			md_code(&md, o->id.p, o->id.len);
			buf_puts(&md, " is not defined");
		}
	} else {
		const ast_node *a = acronym_at(c, off, &at);
		if (!a)
			return json_null();
		const ast_entry *e = a->u.entry;
		buf_puts(&md, "**");
		md_text(&md, e->key.p, e->key.len);
		buf_puts(&md, "**: ");
		md_text(&md, e->value.p, e->value.len);
	}
	json_t *j = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown",
			      "value", lsp_json_str(md.data ? md.data : "", md.len),
			      "range", span_range(c, at));
	buf_free(&md);
	return j;
}

json_t *lsp_definition(const lsp_ctx *c, size_t off)
{
	if (!c->an->loaded)
		return json_null();
	const lsp_occ *o = lsp_occ_at(c->an, norm_of(c, off));
	const ast_node *node = o ? occ_node(c, o) : NULL;
	span at;
	if (!o && (node = acronym_at(c, off, &at)) != NULL)
		return location(c, node->u.entry->key_at);	/* its declaration */
	if (!node)
		return json_null();
	return location(c, def_span(node));
}

static bool same_id(const lsp_occ *a, const lsp_occ *b)
{
	return a->id.len == b->id.len && memcmp(a->id.p, b->id.p, a->id.len) == 0;
}

json_t *lsp_references(const lsp_ctx *c, size_t off, bool declaration)
{
	if (!c->an->loaded)
		return json_null();
	const lsp_occ *o = lsp_occ_at(c->an, norm_of(c, off));
	if (!o)
		return json_null();
	json_t *out = json_array();
	for (size_t i = 0; i < c->an->nocc; i++) {
		const lsp_occ *k = &c->an->occ[i];
		if (same_id(k, o) && (declaration || k->role == LSP_USE))
			json_array_append_new(out, location(c, k->at));
	}
	return out;
}

/* ---- rename ---- */

json_t *lsp_prepare_rename(const lsp_ctx *c, size_t off)
{
	if (!c->an->loaded)
		return json_null();
	const lsp_occ *o = lsp_occ_at(c->an, norm_of(c, off));
	if (!o)
		return json_null();
	return json_pack("{s:o,s:o}", "range", span_range(c, o->at),
			 "placeholder", lsp_json_str(o->id.p, o->id.len));
}

json_t *lsp_rename(const lsp_ctx *c, size_t off, const char *name,
		   size_t len, buf *err)
{
	if (!c->an->loaded)
		return json_null();
	const lsp_occ *o = lsp_occ_at(c->an, norm_of(c, off));
	if (!o) {
		buf_puts(err, "there is no ID here to rename");
		return NULL;
	}
	if (!ast_id_valid(name, len)) {
		buf_puts(err, "'");
		clip(err, name, len, 60);
		buf_puts(err, "' is not a valid ID (letters, digits and '-', as in 'water-quality')");
		return NULL;
	}
	const ast_node *taken = lsp_lookup(c->an, name, len);
	if (taken && !(len == o->id.len && memcmp(name, o->id.p, len) == 0)) {
		lsp_pos p = lsp_text_position(c->text, c->enc, raw_of(c, def_span(taken).start));
		buf_printf(err, "'%.*s' is already the ID of a %s (line %u)", (int)len, name,
			   ast_node_what(taken), p.line + 1);
		return NULL;
	}
	json_t *edits = json_array();
	buf slug = BUF_INIT;
	for (size_t i = 0; i < c->an->nocc; i++) {
		const lsp_occ *k = &c->an->occ[i];
		if (!same_id(k, o))
			continue;
		if (k->slug) {
			/* The ID comes from the title: give the heading an
			 * explicit one, and keep the title. */
			buf_clear(&slug);
			buf_printf(&slug, " {#%.*s}", (int)len, name);
			size_t at = raw_of(c, k->at.end);
			json_array_append_new(edits, text_edit(c, at, at, slug.data, slug.len));
		} else {
			json_array_append_new(edits, text_edit(c, raw_of(c, k->at.start),
							       raw_of(c, k->at.end), name, len));
		}
	}
	buf_free(&slug);
	json_t *changes = json_object();
	json_object_set_new(changes, c->uri, edits);
	return json_pack("{s:o}", "changes", changes);
}

/* ---- completion ---- */

enum {
	CIK_FIELD = 5,
	CIK_KEYWORD = 14,
	CIK_VALUE = 12,
	CIK_REFERENCE = 18
};

/* What kind of node an ID field names. */
typedef struct id_field {
	ast_block_kind kind;	/* the block the field is in */
	const char *name;
	ast_type want_type;
	ast_block_kind want_kind;	/* when want_type is AST_BLOCK */
} id_field;

static const id_field id_fields[] = {
	{BK_FINDING, "evidence", AST_BLOCK, BK_EVIDENCE},
	{BK_RECOMMENDATION, "addresses", AST_BLOCK, BK_FINDING},
	{BK_RECOMMENDATION, "area", AST_AREA, BK__COUNT},
	{BK_RECOMMENDATIONS, "area", AST_AREA, BK__COUNT},
};

static const id_field *id_field_of(int kind, const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof id_fields / sizeof id_fields[0]; i++)
		if ((int)id_fields[i].kind == kind && strlen(id_fields[i].name) == len &&
		    memcmp(id_fields[i].name, name, len) == 0)
			return &id_fields[i];
	return NULL;
}

static bool wanted(const ast_node *n, const id_field *f)
{
	if (!f)
		return true;
	if (n->type != f->want_type)
		return false;
	return n->type != AST_BLOCK || n->u.block->kind == f->want_kind;
}

typedef struct items {
	json_t *list;
	size_t n;
	bool incomplete;
} items;

static void add_item(items *it, json_t *item)
{
	if (it->n >= LSP_MAX_COMPLETIONS) {
		it->incomplete = true;
		json_decref(item);
		return;
	}
	json_array_append_new(it->list, item);
	it->n++;
}

static json_t *item(const lsp_ctx *c, const char *label, size_t n, int kind,
		    const char *detail, size_t dn, size_t from, size_t to,
		    const char *insert, size_t in)
{
	json_t *j = json_pack("{s:o,s:i,s:o}", "label", lsp_json_str(label, n),
			      "kind", kind, "textEdit", text_edit(c, from, to, insert, in));
	if (detail)
		json_object_set_new(j, "detail", lsp_json_str(detail, dn));
	return j;
}

/* Every ID the field takes (every ID at all when f is NULL), as items
 * that replace [from, to). */
static void id_items(const lsp_ctx *c, items *it, const id_field *f, size_t from,
		     size_t to)
{
	const lsp_analysis *an = c->an ? c->an : c->analyse(c->arg);
	buf detail = BUF_INIT;
	for (size_t i = 0; i < an->nocc; i++) {
		const lsp_occ *o = &an->occ[i];
		if (o->role != LSP_DEF || !wanted(o->node, f) ||
		    lsp_lookup(an, o->id.p, o->id.len) != o->node)
			continue;
		buf_clear(&detail);
		node_label(&detail, o->node);
		buf t = BUF_INIT;
		node_summary(&t, o->node);
		if (t.len) {
			buf_puts(&detail, ": ");
			clip(&detail, t.data, t.len, 80);
		}
		buf_free(&t);
		add_item(it, item(c, o->id.p, o->id.len, CIK_REFERENCE, detail.data,
				  detail.len, from, to, o->id.p, o->id.len));
	}
	buf_free(&detail);
}

/* The bytes of line `line` of the editor's text. */
static void line_bounds(const lsp_text *t, size_t line, size_t *a, size_t *b)
{
	*a = t->lines[line];
	*b = line + 1 < t->nlines ? t->lines[line + 1] : t->len;
	while (*b > *a && (t->p[*b - 1] == '\n' || t->p[*b - 1] == '\r'))
		(*b)--;
}

static bool blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t')
			return false;
	return true;
}

/*
 * Where a line stands among field lines, read from the text itself (the
 * line being typed may not parse yet): the kind of the block whose field
 * lines run, without a blank line, from its opening line down to `line`
 * (-1 for the front matter), and the line of the field that `line`
 * continues, if it is indented.  Returns false outside field lines.
 */
typedef struct field_ctx {
	int kind;		/* ast_block_kind, -1: front matter */
	size_t field_line;	/* the field's own (unindented) line */
	size_t first_line;	/* the first field line */
} field_ctx;

enum { KIND_FRONT = -1 };

static bool field_region(const lsp_text *t, size_t line, field_ctx *fc)
{
	const char *p = t->p;
	size_t a, b;
	fc->field_line = (size_t)-1;
	for (size_t l = line + 1; l-- > 0;) {
		line_bounds(t, l, &a, &b);
		if (l < line && blank(p + a, b - a))
			return false;
		if (b - a >= 3 && memcmp(p + a, ":::", 3) == 0) {
			if (l == line)
				return false;
			size_t k = a + 3;
			while (k < b && (p[k] == ' ' || p[k] == '\t'))
				k++;
			size_t e = k;
			while (e < b && p[e] != ' ' && p[e] != '\t')
				e++;
			int kind = ast_block_kind_lookup(p + k, e - k);
			if (kind < 0)
				return false;
			fc->kind = kind;
			fc->first_line = l + 1;
			return fc->field_line != (size_t)-1 || l + 1 == line;
		}
		if (b - a == 3 && memcmp(p + a, "---", 3) == 0) {
			if (l != 0 || l == line)
				return false;
			fc->kind = KIND_FRONT;
			fc->first_line = 1;
			return true;
		}
		if (fc->field_line == (size_t)-1 && a < b && p[a] != ' ' && p[a] != '\t')
			fc->field_line = l;
	}
	return false;
}

static const ast_field_spec *specs_of(int kind, size_t *n)
{
	if (kind == KIND_FRONT)
		return ast_meta_fields(n);
	return ast_block_fields((ast_block_kind)kind, n);
}

/* Whether a field line of that name is among lines [first, last]. */
static bool has_field(const lsp_text *t, size_t first, size_t last, const char *name,
		      size_t skip)
{
	size_t n = strlen(name);
	for (size_t l = first; l <= last && l < t->nlines; l++) {
		size_t a, b;
		line_bounds(t, l, &a, &b);
		if (l != skip && b - a > n && memcmp(t->p + a, name, n) == 0 && t->p[a + n] == ':')
			return true;
	}
	return false;
}

/* The last line of a field region from its first line on. */
static size_t region_end(const lsp_text *t, size_t first)
{
	size_t l = first;
	for (; l < t->nlines; l++) {
		size_t a, b;
		line_bounds(t, l, &a, &b);
		if (blank(t->p + a, b - a) || (b - a >= 3 && (memcmp(t->p + a, ":::", 3) == 0 ||
							     memcmp(t->p + a, "---", 3) == 0)))
			break;
	}
	return l ? l - 1 : 0;
}

static void name_items(const lsp_ctx *c, items *it, const field_ctx *fc, size_t line,
		       size_t from, size_t to)
{
	size_t n;
	const ast_field_spec *specs = specs_of(fc->kind, &n);
	size_t last = region_end(c->text, fc->first_line);
	buf ins = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (has_field(c->text, fc->first_line, last, specs[i].name, line))
			continue;
		buf_clear(&ins);
		buf_printf(&ins, "%s: ", specs[i].name);
		const char *d = specs[i].required ? "required" : "optional";
		add_item(it, item(c, specs[i].name, strlen(specs[i].name), CIK_FIELD, d,
				  strlen(d), from, to, ins.data, ins.len));
	}
	buf_free(&ins);
}

static void value_items(const lsp_ctx *c, items *it, const ast_field_spec *sp,
			size_t from, size_t to)
{
	static const char *const levels[] = {"high", "medium", "low", NULL};
	static const char *const types[] = {"report", "law", "treaty", "statement",
					    "dataset", "article", "other", NULL};
	static const char *const statuses[] = {"draft", "final", NULL};
	const char *const *v = sp->type == VT_LEVEL ? levels
			       : sp->type == VT_EVIDENCE_TYPE ? types
			       : sp->type == VT_STATUS ? statuses : NULL;
	for (; v && *v; v++)
		add_item(it, item(c, *v, strlen(*v), CIK_VALUE, NULL, 0, from, to, *v,
				  strlen(*v)));
}

json_t *lsp_completion(const lsp_ctx *c, size_t off)
{
	items it = {json_array(), 0, false};
	const lsp_text *t = c->text;
	const char *p = t->p;
	lsp_pos pos = lsp_text_position(t, LSP_UTF8, off);
	size_t ls, le;
	line_bounds(t, pos.line, &ls, &le);
	if (off > le)
		off = le;
	/* the ID or word being typed */
	size_t w = off;
	while (w > ls && id_char((unsigned char)p[w - 1]))
		w--;

	if (w > ls && p[w - 1] == '@') {
		/* [@ or ; @ inside a reference */
		size_t q = w - 1;
		while (q > ls && (p[q - 1] == ' ' || p[q - 1] == '\t'))
			q--;
		bool in_ref = q > ls && p[q - 1] == '[';
		if (!in_ref && q > ls && p[q - 1] == ';') {
			for (size_t k = q - 1; k > ls; k--) {
				if (p[k - 1] == ']')
					break;
				if (p[k - 1] == '[' && p[k] == '@') {
					in_ref = true;
					break;
				}
			}
		}
		if (in_ref) {
			id_items(c, &it, NULL, w, off);
			goto done;
		}
	}
	if (off - ls >= 3 && memcmp(p + ls, ":::", 3) == 0) {
		size_t k = ls + 3;
		while (k < off && p[k] == ' ')
			k++;
		if (k > ls + 3 && w == k) {
			for (int i = 0; i < BK__COUNT; i++) {
				const char *kn = ast_block_kind_names[i];
				add_item(&it, item(c, kn, strlen(kn), CIK_KEYWORD, NULL, 0, k, off,
						   kn, strlen(kn)));
			}
		}
		goto done;
	}
	field_ctx fc;
	if (!field_region(t, pos.line, &fc))
		goto done;
	/* A field's name is typed at the start of its own line, or of an
	 * empty line after the field lines (which ends them until it has a
	 * name); an indented line continues the field above. */
	if (off == ls || (fc.field_line == pos.line && !memchr(p + ls, ':', off - ls))) {
		size_t k = ls;
		while (k < off && ((p[k] >= 'a' && p[k] <= 'z') || p[k] == '-'))
			k++;
		if (k == off)
			name_items(c, &it, &fc, pos.line, ls, off);
		goto done;
	}
	/* a value: the field named on fc.field_line (none: an indented line
	 * right below the opening line, which continues nothing) */
	if (fc.field_line == (size_t)-1)
		goto done;
	size_t fa, fb;
	line_bounds(t, fc.field_line, &fa, &fb);
	const char *fcolon = memchr(p + fa, ':', fb - fa);
	if (!fcolon)
		goto done;
	size_t nlen = (size_t)(fcolon - (p + fa));
	size_t n;
	const ast_field_spec *specs = specs_of(fc.kind, &n);
	const ast_field_spec *sp = ast_spec_find(specs, n, p + fa, nlen);
	if (!sp)
		goto done;
	if (sp->type == VT_IDS || sp->type == VT_ID) {
		const id_field *f = fc.kind == KIND_FRONT ? NULL : id_field_of(fc.kind, p + fa, nlen);
		if (f)
			id_items(c, &it, f, w, off);
	} else {
		value_items(c, &it, sp, w, off);
	}
done:
	return json_pack("{s:b,s:o}", "isIncomplete", it.incomplete, "items", it.list);
}

/* ---- document symbols ---- */

enum {
	SK_FILE = 1,
	SK_NAMESPACE = 3,
	SK_FUNCTION = 12,
	SK_STRING = 15,
	SK_OBJECT = 19,
	SK_KEY = 20,
	SK_EVENT = 24
};

static json_t *symbol(const lsp_ctx *c, const ast_node *n, buf *name, buf *detail)
{
	int kind = SK_STRING;
	buf_clear(name);
	buf_clear(detail);
	buf t = BUF_INIT;
	node_summary(&t, n);
	if (n->type == AST_HEADING) {
		buf_put(name, t.data ? t.data : "", t.len);
		if (!name->len)
			buf_puts(name, "(untitled section)");
		kind = SK_NAMESPACE;
	} else {
		node_label(name, n);
		const str *id = node_id(n);
		if (id->len) {
			buf_puts(name, " ");
			buf_put(name, id->p, id->len);
		}
		clip(detail, t.data ? t.data : "", t.len, 120);
		switch (n->u.block->kind) {
		case BK_FINDING:
			kind = SK_KEY;
			break;
		case BK_RECOMMENDATION:
			kind = SK_FUNCTION;
			break;
		default:
			kind = SK_OBJECT;
			break;
		}
	}
	buf_free(&t);
	span sel = def_span(n);
	if (sel.end <= sel.start || n->type == AST_HEADING)
		sel = n->type == AST_HEADING ? n->at : sel;
	json_t *j = json_pack("{s:o,s:i,s:o,s:o,s:[]}", "name",
			      lsp_json_str(name->data, name->len), "kind", kind, "range",
			      span_range(c, n->at), "selectionRange", span_range(c, sel),
			      "children");
	if (detail->len)
		json_object_set_new(j, "detail", lsp_json_str(detail->data, detail->len));
	return j;
}

static bool outlined(const ast_node *n)
{
	if (n->type == AST_HEADING)
		return true;
	if (n->type != AST_BLOCK)
		return false;
	ast_block_kind k = n->u.block->kind;
	return k == BK_FINDING || k == BK_RECOMMENDATION || k == BK_EVIDENCE;
}

/* Set the end of a section's range to the end of what it holds. */
static void close_section(const lsp_ctx *c, json_t *sym, uint32_t end)
{
	json_t *r = json_object_get(sym, "range");
	json_object_set_new(r, "end", pos_json(lsp_text_position(c->text, c->enc, raw_of(c, end))));
}

json_t *lsp_symbols(const lsp_ctx *c)
{
	json_t *out = json_array();
	if (!c->an->loaded)
		return out;
	/* sections nest by level: a stack of the open ones (at most 3) */
	json_t *open[4] = {NULL};
	int level[4] = {0};
	int depth = 0;
	uint32_t last_end = 0;
	buf name = BUF_INIT, detail = BUF_INIT;
	for (const ast_node *n = c->an->doc.root->first; n; n = n->next) {
		if (n->type == AST_HEADING) {
			int lv = n->u.heading->level;
			while (depth > 0 && level[depth - 1] >= lv)
				close_section(c, open[--depth], last_end);
		}
		if (outlined(n)) {
			json_t *sym = symbol(c, n, &name, &detail);
			json_t *parent = depth ? json_object_get(open[depth - 1], "children") : out;
			json_array_append_new(parent, sym);
			if (n->type == AST_HEADING && depth < 4) {
				open[depth] = sym;
				level[depth++] = n->u.heading->level;
			}
		}
		last_end = n->at.end;
	}
	while (depth > 0)
		close_section(c, open[--depth], last_end);
	buf_free(&name);
	buf_free(&detail);
	return out;
}

/* ---- code actions ---- */

/* The X of a "did you mean 'X'?" a diagnostic suggests, or NULL. */
static const char *suggestion(const diag *d, size_t *len)
{
	static const char lead[] = "did you mean '";
	const char *s = strstr(d->msg, lead);
	for (const diag_note *nt = d->notes; !s && nt; nt = nt->next)
		if (!nt->has_at)
			s = strstr(nt->msg, lead);
	if (!s)
		return NULL;
	s += sizeof lead - 1;
	const char *e = strstr(s, "'?");
	if (!e || e == s)
		return NULL;
	*len = (size_t)(e - s);
	/* a clipped suggestion is not the word itself */
	if (*len >= 3 && memcmp(e - 3, "...", 3) == 0)
		return NULL;
	return s;
}

static json_t *action(const lsp_ctx *c, const char *title, json_t *diag_json,
		      json_t *edits, bool preferred)
{
	json_t *changes = json_object();
	json_object_set_new(changes, c->uri, edits);
	json_t *a = json_pack("{s:s,s:s,s:[o],s:{s:o}}", "title", title, "kind", "quickfix",
			      "diagnostics", diag_json, "edit", "changes", changes);
	if (preferred)
		json_object_set_new(a, "isPreferred", json_true());
	return a;
}

/* The editor offset of the start of the line after the one holding the
 * normalised offset off. */
static size_t next_line(const lsp_ctx *c, uint32_t off)
{
	size_t raw = raw_of(c, off);
	lsp_pos p = lsp_text_position(c->text, LSP_UTF8, raw);
	return p.line + 1 < c->text->nlines ? c->text->lines[p.line + 1] : c->text->len;
}

/* Declare an acronym: a line in the first acronyms block, or a block of
 * its own after the front matter. */
static json_t *declare_acronym(const lsp_ctx *c, const diag *d, json_t *dj)
{
	const ast_doc *doc = &c->an->doc;
	const char *w = doc->src.text + d->at.start;
	size_t wn = d->at.end - d->at.start;
	buf ins = BUF_INIT, title = BUF_INIT;
	size_t at;
	const ast_node *blk = NULL;
	for (size_t i = 0; i < doc->blocks.n && !blk; i++)
		if (doc->blocks.v[i]->u.block->kind == BK_ACRONYMS)
			blk = doc->blocks.v[i];
	if (blk) {
		/* before its closing line */
		size_t end = raw_of(c, blk->at.end);
		lsp_pos p = lsp_text_position(c->text, LSP_UTF8, end);
		at = c->text->lines[p.line];
		if (at == end && p.line > 0)
			at = c->text->lines[p.line - 1];
		buf_put(&ins, w, wn);
		buf_puts(&ins, ": \n");
	} else {
		at = doc->meta.present ? next_line(c, doc->meta.at.end ? doc->meta.at.end - 1 : 0) : 0;
		buf_puts(&ins, "\n::: acronyms\n");
		buf_put(&ins, w, wn);
		buf_puts(&ins, ": \n:::\n");
		if (!doc->meta.present)
			buf_puts(&ins, "\n");
	}
	buf_puts(&title, "Declare the acronym '");
	clip(&title, w, wn, 60);
	buf_puts(&title, "'");
	json_t *a = action(c, title.data, dj, json_pack("[o]", text_edit(c, at, at, ins.data, ins.len)),
			   false);
	buf_free(&ins);
	buf_free(&title);
	return a;
}

/* Add a missing field: a line after the last field line of its block
 * (or of the front matter). */
static json_t *add_field(const lsp_ctx *c, const diag *d, json_t *dj)
{
	const char *s = strstr(d->msg, "no '");
	if (!s)
		goto none;
	s += 4;
	const char *e = strstr(s, ":'");
	if (!e)
		goto none;
	const ast_doc *doc = &c->an->doc;
	size_t at;
	const ast_node *b = lsp_block_at(c->an, d->at.start);
	if (b && b->u.block->open_at.start <= d->at.start && d->at.start <= b->u.block->open_at.end) {
		const ast_field *last = b->u.block->fields;
		while (last && last->next)
			last = last->next;
		at = next_line(c, last ? (last->value_at.end > last->name_at.end
					  ? last->value_at.end : last->name_at.end)
				  : b->u.block->open_at.start);
	} else if (doc->meta.present) {
		/* before the closing --- */
		size_t end = raw_of(c, doc->meta.at.end);
		lsp_pos p = lsp_text_position(c->text, LSP_UTF8, end);
		at = c->text->lines[p.line];
		if (at == end && p.line > 0)
			at = c->text->lines[p.line - 1];
	} else {
		goto none;
	}
	buf ins = BUF_INIT, title = BUF_INIT;
	buf_put(&ins, s, (size_t)(e - s));
	buf_puts(&ins, ": \n");
	buf_printf(&title, "Add the field '%.*s:'", (int)(e - s), s);
	json_t *a = action(c, title.data, dj, json_pack("[o]", text_edit(c, at, at, ins.data, ins.len)),
			   true);
	buf_free(&ins);
	buf_free(&title);
	return a;
none:
	json_decref(dj);
	return NULL;
}

/* Whether one of d's help lines starts with lead. */
static bool has_help(const diag *d, const char *lead)
{
	for (const diag_note *nt = d->notes; nt; nt = nt->next)
		if (!nt->has_at && strncmp(nt->msg, lead, strlen(lead)) == 0)
			return true;
	return false;
}

/* Remove the line the diagnostic is on (its help says "remove it").
 * Takes dj over. */
static json_t *remove_line(const lsp_ctx *c, const diag *d, const char *what, json_t *dj)
{
	lsp_pos p = lsp_text_position(c->text, LSP_UTF8, raw_of(c, d->at.start));
	size_t a = c->text->lines[p.line];
	size_t b = p.line + 1 < c->text->nlines ? c->text->lines[p.line + 1] : c->text->len;
	const char *w = c->an->doc.src.text + d->at.start;
	buf title = BUF_INIT;
	buf_printf(&title, "%s '", what);
	clip(&title, w, d->at.end - d->at.start, 60);
	buf_putc(&title, '\'');
	json_t *act = action(c, title.data, dj, json_pack("[o]", text_edit(c, a, b, "", 0)), true);
	buf_free(&title);
	return act;
}

json_t *lsp_code_actions(const lsp_ctx *c, size_t from, size_t to)
{
	json_t *out = json_array();
	if (!c->an->loaded)
		return out;
	size_t a = norm_of(c, from), b = norm_of(c, to);
	const diag_list *dl = &c->an->doc.diags;
	diag_budget bud;
	budget_init(&bud, dl);
	lsp_cursor cf, ct;
	lsp_cursor_init(&cf, c->text, c->enc);
	lsp_cursor_init(&ct, c->text, c->enc);
	for (size_t i = 0; i < dl->n; i++) {
		const diag *d = &dl->items[i];
		if (d->at.start > b)
			break;
		/* only what was published can be fixed */
		if (!budget_take(&bud, d) || d->at.end < a)
			continue;
		json_t *dj = diag_json(c, d, &cf, &ct);
		json_t *act = NULL;
		size_t n;
		const char *s = suggestion(d, &n);
		if (s) {
			buf title = BUF_INIT;
			buf_printf(&title, "Change to '%.*s'", (int)n, s);
			act = action(c, title.data, dj,
				     json_pack("[o]", text_edit(c, raw_of(c, d->at.start),
								 raw_of(c, d->at.end), s, n)),
				     true);
			buf_free(&title);
		} else if (d->code == DC_UNDEFINED_ACRONYM) {
			act = declare_acronym(c, d, dj);
		} else if (d->code == DC_MISSING_FIELD) {
			act = add_field(c, d, dj);
		} else if (d->code == DC_UNUSED_ACRONYM) {
			act = remove_line(c, d, "Remove the unused acronym", dj);
		} else if (d->code == DC_BAD_URL && has_help(d, "write 'https://") &&
			   d->at.end - d->at.start >= 4 &&
			   strncasecmp(c->an->doc.src.text + d->at.start, "www.", 4) == 0) {
			size_t at = raw_of(c, d->at.start);
			act = action(c, "Add 'https://'", dj,
				     json_pack("[o]", text_edit(c, at, at, "https://", 8)), true);
		} else {
			json_decref(dj);
		}
		if (act)
			json_array_append_new(out, act);
	}
	return out;
}
