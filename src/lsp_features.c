/*
 * lsp_features.c - what the language server answers about a document
 * (lsp_features.h).
 *
 * Everything here reads the analysis that lsp_index.c made of the brief
 * the document is part of, as the editor has it now; the server makes a
 * fresh one before any request that needs it, so no answer is about an
 * older version.  A place in the document's tree becomes a place in one
 * of the brief's files (lsp_place_of) before it becomes a position, so an
 * answer about a chapter, the main file or a library names that file and
 * a line and character of its own text.  Hover text is Markdown: every
 * byte of author text in it goes through md_text, and an ID through
 * md_code.
 */
#include "lsp_features.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assemble.h"
#include "check.h"
#include "utf8.h"
#include "xalloc.h"

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

static json_t *pos_json(lsp_pos p)
{
	return json_pack("{s:I,s:I}", "line", (json_int_t)p.line,
			 "character", (json_int_t)p.character);
}

static json_t *text_range(const lsp_text *t, lsp_encoding enc, size_t from, size_t to)
{
	return json_pack("{s:o,s:o}", "start", pos_json(lsp_text_position(t, enc, from)),
			 "end", pos_json(lsp_text_position(t, enc, to)));
}

json_t *lsp_range(const lsp_ctx *c, size_t raw_from, size_t raw_to)
{
	return text_range(c->text, c->enc, raw_from, raw_to);
}

static json_t *place_range(const lsp_place *p, lsp_encoding enc)
{
	return text_range(p->file->text, enc, p->from, p->to);
}

static json_t *place_location(const lsp_place *p, lsp_encoding enc)
{
	return json_pack("{s:s,s:o}", "uri", p->file->uri, "range", place_range(p, enc));
}

/* Where a span of the brief is, as a Location in its file. */
static json_t *location(const lsp_ctx *c, span s)
{
	lsp_place p = lsp_place_of(c->an, s);
	return place_location(&p, c->enc);
}

/* The file of the analysis the document asked about is, or NULL (it is
 * not part of the brief: never, but for a brief changed under it). */
static const lsp_file *here(const lsp_ctx *c)
{
	return lsp_file_at(c->an, c->path);
}

/* The brief's offset of an offset in the document asked about. */
static bool offset_of(const lsp_ctx *c, size_t raw, uint32_t *off)
{
	const lsp_file *f = c->an->loaded ? here(c) : NULL;
	return f && lsp_offset_of(c->an, f, raw, off);
}

static json_t *text_edit(const lsp_ctx *c, size_t raw_from, size_t raw_to,
			 const char *text, size_t n)
{
	return json_pack("{s:o,s:o}", "range", lsp_range(c, raw_from, raw_to),
			 "newText", lsp_json_str(text, n));
}

/* ---- edits ---- */

void lsp_edits_add(lsp_edits *e, const lsp_file *f, size_t from, size_t to,
		   const char *text, size_t n)
{
	e->v = xgrow(e->v, &e->cap, e->n, sizeof *e->v, "the edits of a rename");
	lsp_edit *x = &e->v[e->n++];
	x->file = f;
	x->from = from;
	x->to = to;
	x->text = xmalloc(n + 1, "an edit");
	memcpy(x->text, text, n);
	x->text[n] = '\0';
	x->n = n;
}

static int cmp_edit(const void *a, const void *b)
{
	const lsp_edit *x = a, *y = b;
	int c = strcmp(x->file->uri, y->file->uri);
	if (c)
		return c;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return (x->to > y->to) - (x->to < y->to);
}

static bool same_edit(const lsp_edit *x, const lsp_edit *y)
{
	return strcmp(x->file->uri, y->file->uri) == 0 && x->from == y->from &&
	       x->to == y->to && x->n == y->n && memcmp(x->text, y->text, x->n) == 0;
}

json_t *lsp_edits_json(lsp_edits *e, lsp_encoding enc, bool doc_changes)
{
	if (e->n)
		qsort(e->v, e->n, sizeof *e->v, cmp_edit);
	json_t *changes = doc_changes ? json_array() : json_object();
	json_t *list = NULL;
	for (size_t i = 0; i < e->n; i++) {
		const lsp_edit *x = &e->v[i];
		if (i && same_edit(&e->v[i - 1], x))
			continue;
		if (!i || strcmp(e->v[i - 1].file->uri, x->file->uri) != 0) {
			list = json_array();
			if (!doc_changes) {
				json_object_set_new(changes, x->file->uri, list);
			} else {
				json_t *v = x->file->open ? json_integer(x->file->version) : json_null();
				json_array_append_new(changes, json_pack(
					"{s:{s:s,s:o},s:o}", "textDocument", "uri", x->file->uri,
					"version", v, "edits", list));
			}
		}
		json_array_append_new(list, json_pack(
			"{s:o,s:o}", "range", text_range(x->file->text, enc, x->from, x->to),
			"newText", lsp_json_str(x->text, x->n)));
	}
	lsp_edits_free(e);
	return json_pack("{s:o}", doc_changes ? "documentChanges" : "changes", changes);
}

void lsp_edits_free(lsp_edits *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->v[i].text);
	free(e->v);
	memset(e, 0, sizeof *e);
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
	case AST_FOOTNOTE:
	case AST_FNREF:
		return n->u.note->label_at;
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
		case BK_TABLE:
			buf_printf(out, "Table %d", b->number);
			return;
		case BK_FIGURE:
			buf_printf(out, "Figure %d", b->number);
			return;
		case BK_MAP:	/* numbered with the figures (contract 14) */
			if (b->number > 0)
				buf_printf(out, "Figure %d: ", b->number);
			buf_puts(out, "Evidence map");
			return;
		case BK_BOX:
			if (b->number > 0) {
				buf_printf(out, "Box %d", b->number);
				return;
			}
			break;
		default:
			break;
		}
	}
	if (n->type == AST_FOOTNOTE) {
		/* numbered by first use: an unused one has no number */
		if (n->u.note->number > 0)
			buf_printf(out, "Note %d", n->u.note->number);
		else
			buf_puts(out, "Note (not used)");
		return;
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
		case BK_BOX:
			field_text(n->u.block->f_title, out);
			break;
		case BK_TABLE:
		case BK_FIGURE:
			field_text(ast_float_of(n->u.block)->f_caption, out);
			break;
		default:
			break;
		}
		break;
	case AST_FOOTNOTE:
		/* the note's text, its label left out */
		for (const ast_node *k = n->first; k; k = k->next) {
			if (k != n->first)
				buf_putc(out, ' ');
			ast_plain_text(k, out);
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

/* A table, a figure, a box, a note: "Table 2: caption", as a reader
 * sees it, then its ID. */
static bool is_float(const ast_node *n)
{
	return n->type == AST_FOOTNOTE || ast_is_block(n, BK_TABLE) ||
	       ast_is_block(n, BK_FIGURE) || ast_is_block(n, BK_BOX);
}

static void describe_float(buf *out, const ast_node *n)
{
	buf_puts(out, "**");
	node_label(out, n);
	buf_puts(out, "**");
	buf t = BUF_INIT;
	node_summary(&t, n);
	if (t.len) {
		buf_puts(out, ": ");
		md_text(out, t.data, t.len);
	}
	buf_clear(&t);
	if (n->type == AST_FOOTNOTE) {
		const str *l = &n->u.note->label;
		buf_puts(&t, "[^");
		buf_put(&t, l->p, l->len);
		buf_putc(&t, ']');
		buf_puts(out, "\n\n");
		md_code(out, t.data, t.len);
		buf_free(&t);
		return;
	}
	buf_free(&t);
	const ast_block *b = n->u.block;
	if (b->id.len) {
		buf_puts(out, "\n\n");
		md_code(out, b->id.p, b->id.len);
	}
	const ast_float *fl = ast_float_of(b);
	if (b->kind == BK_FIGURE && fl->f_alt && fl->f_alt->value.len) {
		buf_puts(out, "\n\nAlt text: ");
		md_field(out, fl->f_alt);
	}
	if (fl->f_note && fl->f_note->value.len) {
		buf_puts(out, "\n\nNote: ");
		md_field(out, fl->f_note);
	}
	md_idlist(out, "Source", &b->evidence);
}

/* Hover text of a node: what a reader needs without going there. */
static void describe(buf *out, const ast_node *n)
{
	if (is_float(n)) {
		describe_float(out, n);
		return;
	}
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

/* One diagnostic, at its place p; the cursors (on p's file) make a list
 * in order cost its length. */
static json_t *diag_json(const lsp_analysis *an, lsp_encoding enc, const diag *d,
			 const lsp_place *p, lsp_cursor *from, lsp_cursor *to)
{
	buf msg = BUF_INIT;
	buf_puts(&msg, d->msg);
	json_t *related = json_array();
	for (const diag_note *nt = d->notes; nt; nt = nt->next) {
		if (nt->has_at) {
			lsp_place np = lsp_place_of(an, nt->at);
			json_array_append_new(related, json_pack(
				"{s:o,s:o}", "location", place_location(&np, enc),
				"message", lsp_json_str(nt->msg, strlen(nt->msg))));
		} else {
			/* help without a place ("did you mean ...?") is
			 * part of what the message says */
			buf_puts(&msg, "\n");
			buf_puts(&msg, nt->msg);
		}
	}
	json_t *range = json_pack("{s:o,s:o}",
				  "start", pos_json(lsp_cursor_position(from, p->from)),
				  "end", pos_json(lsp_cursor_position(to, p->to)));
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
 * Whether a diagnostic is among those published for its file: all of
 * them up to LSP_MAX_DIAGNOSTICS; past that, errors first, so that a
 * draft full of warnings still shows the error at its end.
 */
typedef struct diag_budget {
	size_t errors, others;	/* still to publish */
} diag_budget;

static void budget_init(diag_budget *b, size_t nerr)
{
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

json_t *lsp_diagnostics(const lsp_analysis *an, lsp_encoding enc)
{
	json_t *out = json_array();
	for (size_t i = 0; i < an->nfiles; i++)
		json_array_append_new(out, json_array());
	if (!an->loaded) {
		json_array_append_new(json_array_get(out, 0), json_pack(
			"{s:o,s:i,s:s,s:s,s:s}", "range",
			text_range(an->files[0].text, enc, 0, 0),
			"severity", 1, "code", "syntax", "source", "briefc",
			"message", "the document is larger than 64 MiB: not checked (see docs/limits.md)"));
		return out;
	}
	/* each diagnostic's place, and each file's budget */
	const diag_list *dl = &an->doc.diags;
	size_t nf = an->nfiles;
	lsp_place *at = xcalloc(dl->n, sizeof *at, "the places of the diagnostics");
	size_t *nerr = xcalloc(nf, sizeof *nerr, "the diagnostics of each file");
	for (size_t i = 0; i < dl->n; i++) {
		at[i] = lsp_place_of(an, dl->items[i].at);
		if (dl->items[i].severity == DS_ERROR)
			nerr[at[i].file - an->files]++;
	}
	diag_budget *bud = xcalloc(nf, sizeof *bud, "the diagnostics of each file");
	lsp_cursor *cur = xcalloc(2 * nf, sizeof *cur, "the diagnostics of each file");
	for (size_t k = 0; k < nf; k++) {
		budget_init(&bud[k], nerr[k]);
		lsp_cursor_init(&cur[2 * k], an->files[k].text, enc);
		lsp_cursor_init(&cur[2 * k + 1], an->files[k].text, enc);
	}
	for (size_t i = 0; i < dl->n; i++) {
		size_t k = (size_t)(at[i].file - an->files);
		if (budget_take(&bud[k], &dl->items[i]))
			json_array_append_new(json_array_get(out, k),
					      diag_json(an, enc, &dl->items[i], &at[i],
							&cur[2 * k], &cur[2 * k + 1]));
	}
	free(at);
	free(nerr);
	free(bud);
	free(cur);
	return out;
}

/* ---- hover, definition, references ---- */

static bool alnum(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z');
}

/* The declared acronym whose word holds off in the document asked
 * about; [*a, *b) is the word there. */
static const ast_node *acronym_at(const lsp_ctx *c, size_t off, size_t *a, size_t *b)
{
	const char *t = c->text->p;
	*a = *b = off;
	while (*a > 0 && alnum(t[*a - 1]))
		(*a)--;
	while (*b < c->text->len && alnum(t[*b]))
		(*b)++;
	if (*a == *b)
		return NULL;
	const ast_vec *v = &c->an->doc.acronyms;
	for (size_t i = 0; i < v->n; i++) {
		const ast_entry *e = v->v[i]->u.entry;
		if (e->key.len == *b - *a && memcmp(e->key.p, t + *a, *b - *a) == 0)
			return v->v[i];
	}
	return NULL;
}

/* The node an occurrence is about: its own for a definition, its target
 * (or what the ID names, whatever the kind) for a use. */
static const ast_node *occ_node(const lsp_analysis *an, const lsp_occ *o)
{
	if (o->node)
		return o->node;
	return lsp_occ_lookup(an, o);
}

/* The occurrence at an offset of the document asked about. */
static const lsp_occ *occ_here(const lsp_ctx *c, size_t off)
{
	uint32_t g;
	return offset_of(c, off, &g) ? lsp_occ_at(c->an, g) : NULL;
}

json_t *lsp_hover(const lsp_ctx *c, size_t off)
{
	if (!c->an->loaded)
		return json_null();
	const lsp_occ *o = occ_here(c, off);
	buf md = BUF_INIT;
	json_t *range;
	if (o) {
		const ast_node *node = occ_node(c->an, o);
		lsp_place p = lsp_place_of(c->an, o->at);
		range = place_range(&p, c->enc);
		if (node) {
			describe(&md, node);
		} else if (o->note) {
			buf t = BUF_INIT;
			buf_printf(&t, "[^%.*s]", (int)o->id.len, o->id.p);
			md_code(&md, t.data, t.len);
			buf_puts(&md, " has no note: define it in a paragraph of its own, `[^");
			buf_put(&md, o->id.p, o->id.len);
			buf_puts(&md, "]: text`");
			buf_free(&t);
		} else {
			md_code(&md, o->id.p, o->id.len);
			buf_puts(&md, " is not defined");
		}
	} else {
		size_t a, b;
		const ast_node *n = acronym_at(c, off, &a, &b);
		if (!n)
			return json_null();
		const ast_entry *e = n->u.entry;
		buf_puts(&md, "**");
		md_text(&md, e->key.p, e->key.len);
		buf_puts(&md, "**: ");
		md_text(&md, e->value.p, e->value.len);
		range = lsp_range(c, a, b);
	}
	json_t *j = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown",
			      "value", lsp_json_str(md.data ? md.data : "", md.len),
			      "range", range);
	buf_free(&md);
	return j;
}

static bool blank_char(char ch)
{
	return ch == ' ' || ch == '\t';
}

/*
 * The file an include line's path, or one of the front matter's library
 * paths, names when off (in the document asked about) is on it: into
 * out, as the loader would read it.  False when off is on no such path,
 * or the path names no file the brief may read.
 */
static bool path_at(const lsp_ctx *c, size_t off, buf *out)
{
	const lsp_analysis *an = c->an;
	const lsp_file *f = here(c);
	const ast_doc *d = &an->doc;
	uint32_t g;
	buf root = BUF_INIT;
	files_dir(an->files[0].path, &root);
	bool found = false, on = false, have = offset_of(c, off, &g);
	for (size_t i = 0; !on && have && i < d->includes.n; i++) {
		span l = d->includes.v[i];
		if (g < l.start || g > l.end)
			continue;
		/* `::: include PATH` (assemble.c found it so) */
		const char *t = d->src.text;
		uint32_t a = l.start + 3, b = l.end;
		while (a < b && blank_char(t[a]))
			a++;
		a += 7;
		while (a < b && blank_char(t[a]))
			a++;
		while (b > a && blank_char(t[b - 1]))
			b--;
		on = a < b && g >= a && g <= b;
		if (on)
			found = !files_resolve(root.data, lsp_place_of(an, l).file->path, t + a,
					       b - a, out);
	}
	if (!on && f == &an->files[0]) {
		/* the front matter is in the brief's own text */
		const source *s = d->src.nfiles ? &d->src.files[0] : &d->src;
		size_t norm = lsp_normmap_to_norm(&f->map, off);
		span *paths;
		size_t np = assemble_library_paths(s->text, s->len, &paths);
		for (size_t i = 0; !on && i < np; i++) {
			on = norm >= paths[i].start && norm <= paths[i].end;
			if (on)
				found = !files_resolve(NULL, s->path, s->text + paths[i].start,
						       paths[i].end - paths[i].start, out);
		}
		free(paths);
	}
	buf_free(&root);
	return found;
}

/* The start of the file at path (an include's or a library's), if it
 * is there to be opened. */
static json_t *file_location(const lsp_ctx *c, const char *path)
{
	const lsp_file *f = lsp_file_at(c->an, path);
	files_stamp st;
	files_stamp_of(path, &st);
	if (!f && !st.exists)
		return json_null();
	char *uri = f ? NULL : lsp_path_uri(path);
	json_t *j = json_pack("{s:s,s:{s:{s:i,s:i},s:{s:i,s:i}}}", "uri", f ? f->uri : uri,
			      "range", "start", "line", 0, "character", 0,
			      "end", "line", 0, "character", 0);
	free(uri);
	return j;
}

json_t *lsp_definition(const lsp_ctx *c, size_t off)
{
	if (!c->an->loaded)
		return json_null();
	const lsp_occ *o = occ_here(c, off);
	const ast_node *node = o ? occ_node(c->an, o) : NULL;
	size_t a, b;
	if (!o && (node = acronym_at(c, off, &a, &b)) != NULL)
		return location(c, node->u.entry->key_at);	/* its declaration */
	if (!o) {
		buf path = BUF_INIT;
		json_t *j = path_at(c, off, &path) ? file_location(c, path.data) : json_null();
		buf_free(&path);
		return j;
	}
	if (!node)
		return json_null();
	return location(c, def_span(node));
}

/* Whether a is the ID (note: the note's label) id. */
static bool same_id(const lsp_occ *a, const str *id, bool note)
{
	return a->note == note && a->id.len == id->len &&
	       memcmp(a->id.p, id->p, id->len) == 0;
}

static int cmp_place(const void *a, const void *b)
{
	const lsp_place *x = a, *y = b;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return (x->to > y->to) - (x->to < y->to);
}

json_t *lsp_references(const lsp_ctx *c, size_t off, bool declaration)
{
	if (!c->an->loaded)
		return json_null();
	const lsp_occ *o = occ_here(c, off);
	if (!o)
		return json_null();
	/* by file and place: a file included twice is in the text twice,
	 * and its places are named once */
	lsp_place *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < c->an->nocc; i++) {
		const lsp_occ *k = &c->an->occ[i];
		if (!same_id(k, &o->id, o->note) || (!declaration && k->role != LSP_USE))
			continue;
		v = xgrow(v, &cap, n, sizeof *v, "the references of an ID");
		v[n++] = lsp_place_of(c->an, k->at);
	}
	if (n)
		qsort(v, n, sizeof *v, cmp_place);
	json_t *out = json_array();
	for (size_t i = 0; i < n; i++)
		if (!i || cmp_place(&v[i - 1], &v[i]) != 0)
			json_array_append_new(out, place_location(&v[i], c->enc));
	free(v);
	return out;
}

/* ---- rename ---- */

json_t *lsp_prepare_rename(const lsp_ctx *c, size_t off)
{
	if (!c->an->loaded)
		return json_null();
	const lsp_occ *o = occ_here(c, off);
	if (!o)
		return json_null();
	lsp_place p = lsp_place_of(c->an, o->at);
	return json_pack("{s:o,s:o}", "range", place_range(&p, c->enc),
			 "placeholder", lsp_json_str(o->id.p, o->id.len));
}

/* A file's name for people: its path from the brief's folder when it is
 * in it. */
static void file_name(buf *out, const lsp_analysis *an, const lsp_file *f)
{
	buf dir = BUF_INIT;
	files_dir(an->files[0].path, &dir);
	size_t n = dir.len;
	if (strcmp(dir.data, ".") != 0 && strncmp(f->path, dir.data, n) == 0 && f->path[n] == '/')
		buf_puts(out, f->path + n + 1);
	else
		buf_puts(out, f->path);
	buf_free(&dir);
}

/* Whether no other definition in an has the ID name (else err says
 * which has it). */
static bool name_free(const lsp_analysis *an, const char *name, size_t len, const str *id,
		      bool note, buf *err)
{
	/* IDs and labels that differ only in letter case are one (contract
	 * 11.1, 11.4): a new name is taken in any case but the ID's own */
	const ast_idtab *tab = note ? &an->doc.note_ids : &an->doc.ids;
	const ast_node *taken = ast_idtab_get_folded(tab, name, len);
	if (!taken || taken == ast_idtab_get_folded(tab, id->p, id->len))
		return true;
	lsp_place p = lsp_place_of(an, def_span(taken));
	lsp_pos pos = lsp_text_position(p.file->text, LSP_UTF8, p.from);
	if (note)
		buf_printf(err, "'%.*s' is already the label of a note (", (int)len, name);
	else
		buf_printf(err, "'%.*s' is already the ID of a %s (", (int)len, name,
			   ast_node_what(taken));
	file_name(err, an, p.file);
	buf_printf(err, ", line %u)", pos.line + 1);
	return false;
}

/* Every place of id in an, renamed to name. */
static void rename_all(const lsp_analysis *an, const str *id, bool note, const char *name,
		       size_t len, lsp_edits *out)
{
	buf slug = BUF_INIT;
	for (size_t i = 0; i < an->nocc; i++) {
		const lsp_occ *k = &an->occ[i];
		if (!same_id(k, id, note))
			continue;
		lsp_place p = lsp_place_of(an, k->at);
		if (k->slug) {
			/* The ID comes from the title: give the heading an
			 * explicit one, and keep the title. */
			buf_clear(&slug);
			buf_printf(&slug, " {#%.*s}", (int)len, name);
			lsp_edits_add(out, p.file, p.to, p.to, slug.data, slug.len);
		} else {
			lsp_edits_add(out, p.file, p.from, p.to, name, len);
		}
	}
	buf_free(&slug);
}

bool lsp_rename(const lsp_ctx *c, size_t off, const char *name, size_t len,
		lsp_edits *out, buf *err, const lsp_file **library, str *id)
{
	*library = NULL;
	id->p = "";
	id->len = 0;
	if (!c->an->loaded)
		return true;
	const lsp_occ *o = occ_here(c, off);
	if (!o) {
		buf_puts(err, "there is no ID here to rename");
		return false;
	}
	if (o->note) {
		bool ok = len > 0;
		for (size_t i = 0; i < len; i++)
			ok = ok && ast_label_char(name[i]);
		if (!ok) {
			buf_puts(err, "'");
			clip(err, name, len, 60);
			buf_puts(err, "' is not a valid note label (letters, digits, '_' and '-', "
				 "as in 'fn-1')");
			return false;
		}
	} else if (!ast_id_valid(name, len)) {
		buf_puts(err, "'");
		clip(err, name, len, 60);
		buf_puts(err, "' is not a valid ID (letters, digits and '-', as in 'water-quality')");
		return false;
	}
	if (!name_free(c->an, name, len, &o->id, o->note, err))
		return false;
	const ast_node *node = occ_node(c->an, o);
	lsp_place def = node ? lsp_place_of(c->an, def_span(node)) : lsp_place_of(c->an, o->at);
	if (node && def.file->csl) {
		/* A CSL-JSON file is an export (Zotero, pandoc): an edit
		 * here would be lost at the next one. */
		buf_printf(err, "'%.*s' is the id of an item of the CSL-JSON library '",
			   (int)o->id.len, o->id.p);
		file_name(err, c->an, def.file);
		buf_puts(err, "': change it where that file is made (Zotero, a .bib file), "
			 "then here");
		return false;
	}
	rename_all(c->an, &o->id, o->note, name, len, out);
	*id = o->id;
	if (node && !o->note && ast_in_library(&c->an->doc, node))
		*library = def.file;
	return true;
}

bool lsp_rename_in(const lsp_analysis *an, const char *library, str id,
		   const char *name, size_t len, lsp_edits *out, buf *err)
{
	if (!an->loaded || !lsp_file_at(an, library))
		return true;
	if (!name_free(an, name, len, &id, false, err))
		return false;
	rename_all(an, &id, false, name, len, out);
	return true;
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
	{BK_TABLE, "source", AST_BLOCK, BK_EVIDENCE},
	{BK_FIGURE, "source", AST_BLOCK, BK_EVIDENCE},
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
		if (o->role != LSP_DEF || o->note || !wanted(o->node, f) ||
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

/* Every note's label, as items that replace [from, to). */
static void note_items(const lsp_ctx *c, items *it, size_t from, size_t to)
{
	const lsp_analysis *an = c->an ? c->an : c->analyse(c->arg);
	buf detail = BUF_INIT, t = BUF_INIT;
	for (size_t i = 0; i < an->nocc; i++) {
		const lsp_occ *o = &an->occ[i];
		if (o->role != LSP_DEF || !o->note ||
		    lsp_lookup_note(an, o->id.p, o->id.len) != o->node)
			continue;
		buf_clear(&detail);
		buf_clear(&t);
		node_summary(&t, o->node);
		clip(&detail, t.data ? t.data : "", t.len, 80);
		add_item(it, item(c, o->id.p, o->id.len, CIK_REFERENCE, detail.data,
				  detail.len, from, to, o->id.p, o->id.len));
	}
	buf_free(&detail);
	buf_free(&t);
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
	static const char *const papers[] = {"a4", "letter", NULL};
	static const char *const tocs[] = {"auto", "yes", "no", NULL};
	static const char *const boxes[] = {"note", "key-points", "sidebar", "disclaimer", NULL};
	const char *const *v = sp->type == VT_LEVEL ? levels
			       : sp->type == VT_EVIDENCE_TYPE ? types
			       : sp->type == VT_STATUS ? statuses
			       : sp->type == VT_PAPER ? papers
			       : sp->type == VT_TOC ? tocs
			       : sp->type == VT_BOX_TYPE ? boxes : NULL;
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
	while (w > ls && ast_id_char(p[w - 1]))
		w--;
	/* a note's label after [^ */
	size_t nw = off;
	while (nw > ls && ast_label_char(p[nw - 1]))
		nw--;
	if (nw >= ls + 2 && p[nw - 1] == '^' && p[nw - 2] == '[') {
		note_items(c, &it, nw, off);
		goto done;
	}

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
	SK_ARRAY = 18,
	SK_KEY = 20,
	SK_STRUCT = 23,
	SK_EVENT = 24
};

static json_t *symbol(const lsp_ctx *c, const ast_node *n, const lsp_place *at, buf *name,
		      buf *detail)
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
		case BK_TABLE:
			kind = SK_ARRAY;
			break;
		case BK_FIGURE:
		case BK_MAP:
			kind = SK_FILE;
			break;
		case BK_BOX:
			kind = SK_STRUCT;
			break;
		default:
			kind = SK_OBJECT;
			break;
		}
	}
	buf_free(&t);
	lsp_place sel = *at;
	span ds = def_span(n);
	if (n->type != AST_HEADING && ds.end > ds.start)
		sel = lsp_place_of(c->an, ds);
	if (sel.file != at->file || sel.from < at->from || sel.to > at->to)
		sel = *at;
	json_t *j = json_pack("{s:o,s:i,s:o,s:o,s:[]}", "name",
			      lsp_json_str(name->data, name->len), "kind", kind, "range",
			      place_range(at, c->enc), "selectionRange", place_range(&sel, c->enc),
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
	return k == BK_FINDING || k == BK_RECOMMENDATION || k == BK_EVIDENCE ||
	       k == BK_TABLE || k == BK_FIGURE || k == BK_MAP || k == BK_BOX;
}

/* Set the end of a section's range to the end of what it holds. */
static void close_section(const lsp_ctx *c, const lsp_file *f, json_t *sym, size_t end)
{
	json_t *r = json_object_get(sym, "range");
	json_object_set_new(r, "end", pos_json(lsp_text_position(f->text, c->enc, end)));
}

json_t *lsp_symbols(const lsp_ctx *c)
{
	json_t *out = json_array();
	const lsp_file *f = c->an->loaded ? here(c) : NULL;
	if (!f)
		return out;
	/* The outline of this file: what of the brief (or of its
	 * libraries) is written in it.  Sections nest by level: a stack of
	 * the open ones (at most 3). */
	const ast_node *tops[] = {c->an->doc.root, c->an->doc.library};
	buf name = BUF_INIT, detail = BUF_INIT;
	for (size_t t = 0; t < sizeof tops / sizeof tops[0]; t++) {
		json_t *open[4] = {NULL};
		int level[4] = {0};
		int depth = 0;
		size_t last_end = 0;
		for (const ast_node *n = tops[t] ? tops[t]->first : NULL; n; n = n->next) {
			lsp_place p = lsp_place_of(c->an, n->at);
			if (p.file != f)
				continue;
			if (n->type == AST_HEADING) {
				int lv = n->u.heading->level;
				while (depth > 0 && level[depth - 1] >= lv)
					close_section(c, f, open[--depth], last_end);
			}
			if (outlined(n)) {
				json_t *sym = symbol(c, n, &p, &name, &detail);
				json_t *parent = depth ? json_object_get(open[depth - 1], "children") : out;
				json_array_append_new(parent, sym);
				if (n->type == AST_HEADING && depth < 4) {
					open[depth] = sym;
					level[depth++] = n->u.heading->level;
				}
			}
			last_end = p.to;
		}
		while (depth > 0)
			close_section(c, f, open[--depth], last_end);
	}
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

/* A quick fix of one edit at p: takes dj over. */
static json_t *action(const lsp_ctx *c, const char *title, json_t *dj, const lsp_place *p,
		      const char *text, size_t n, bool preferred)
{
	lsp_edits e = {NULL, 0, 0};
	lsp_edits_add(&e, p->file, p->from, p->to, text, n);
	json_t *a = json_pack("{s:s,s:s,s:[o],s:o}", "title", title, "kind", "quickfix",
			      "diagnostics", dj, "edit",
			      lsp_edits_json(&e, c->enc, c->doc_changes));
	if (preferred)
		json_object_set_new(a, "isPreferred", json_true());
	return a;
}

/* The place where a span of the brief that ends at end ends (in the
 * file of its last byte: a block at the end of a chapter ends there,
 * not at the start of what follows the include line). */
static lsp_place end_place(const lsp_analysis *an, uint32_t end)
{
	lsp_place p = lsp_place_of(an, span_make(end ? end - 1 : 0, end));
	p.from = p.to;
	return p;
}

/* The start of the line after the one that holds p.from. */
static lsp_place next_line(lsp_place p)
{
	const lsp_text *t = p.file->text;
	lsp_pos pos = lsp_text_position(t, LSP_UTF8, p.from);
	p.from = p.to = pos.line + 1 < t->nlines ? t->lines[pos.line + 1] : t->len;
	return p;
}

/* The start of a block's (or the front matter's) closing line, the
 * block ending at end. */
static lsp_place closing_line(const lsp_analysis *an, uint32_t end)
{
	lsp_place p = end_place(an, end);
	const lsp_text *t = p.file->text;
	lsp_pos pos = lsp_text_position(t, LSP_UTF8, p.from);
	size_t at = t->lines[pos.line];
	if (at == p.from && pos.line > 0)
		at = t->lines[pos.line - 1];
	p.from = p.to = at;
	return p;
}

/* Declare an acronym: a line in the first acronyms block of the brief's
 * own files (a library is shared: it is not edited for one brief), or a
 * block of its own after the front matter. */
static json_t *declare_acronym(const lsp_ctx *c, const diag *d, json_t *dj)
{
	const ast_doc *doc = &c->an->doc;
	const char *w = doc->src.text + d->at.start;
	size_t wn = d->at.end - d->at.start;
	buf ins = BUF_INIT, title = BUF_INIT;
	lsp_place at;
	const ast_node *blk = NULL;
	for (size_t i = 0; i < doc->blocks.n && !blk; i++)
		if (ast_is_block(doc->blocks.v[i], BK_ACRONYMS) &&
		    !ast_in_library(doc, doc->blocks.v[i]))
			blk = doc->blocks.v[i];
	if (blk) {
		at = closing_line(c->an, blk->at.end);
		buf_put(&ins, w, wn);
		buf_puts(&ins, ": \n");
	} else {
		at = doc->meta.present ? next_line(end_place(c->an, doc->meta.at.end))
				       : lsp_place_of(c->an, span_make(0, 0));
		buf_puts(&ins, "\n::: acronyms\n");
		buf_put(&ins, w, wn);
		buf_puts(&ins, ": \n:::\n");
		if (!doc->meta.present)
			buf_puts(&ins, "\n");
	}
	buf_puts(&title, "Declare the acronym '");
	clip(&title, w, wn, 60);
	buf_puts(&title, "'");
	json_t *a = action(c, title.data, dj, &at, ins.data, ins.len, false);
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
	lsp_place at;
	const ast_node *b = lsp_block_at(c->an, d->at.start);
	if (b && b->u.block->open_at.start <= d->at.start && d->at.start <= b->u.block->open_at.end) {
		const ast_field *last = b->u.block->fields;
		while (last && last->next)
			last = last->next;
		at = next_line(end_place(c->an, last ? (last->value_at.end > last->name_at.end
							 ? last->value_at.end : last->name_at.end)
						  : b->u.block->open_at.start + 1));
	} else if (doc->meta.present) {
		/* before the closing --- */
		at = closing_line(c->an, doc->meta.at.end);
	} else {
		goto none;
	}
	buf ins = BUF_INIT, title = BUF_INIT;
	buf_put(&ins, s, (size_t)(e - s));
	buf_puts(&ins, ": \n");
	buf_printf(&title, "Add the field '%.*s:'", (int)(e - s), s);
	json_t *a = action(c, title.data, dj, &at, ins.data, ins.len, true);
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
static json_t *remove_line(const lsp_ctx *c, const diag *d, const lsp_place *p,
			   const char *what, json_t *dj)
{
	const lsp_text *t = p->file->text;
	lsp_pos pos = lsp_text_position(t, LSP_UTF8, p->from);
	lsp_place line = {p->file, t->lines[pos.line],
			  pos.line + 1 < t->nlines ? t->lines[pos.line + 1] : t->len};
	const char *w = c->an->doc.src.text + d->at.start;
	buf title = BUF_INIT;
	buf_printf(&title, "%s '", what);
	clip(&title, w, d->at.end - d->at.start, 60);
	buf_putc(&title, '\'');
	json_t *act = action(c, title.data, dj, &line, "", 0, true);
	buf_free(&title);
	return act;
}

json_t *lsp_code_actions(const lsp_ctx *c, size_t from, size_t to)
{
	json_t *out = json_array();
	const lsp_file *f = c->an->loaded ? here(c) : NULL;
	if (!f)
		return out;
	/* the diagnostics published for this file (lsp_diagnostics) */
	const diag_list *dl = &c->an->doc.diags;
	lsp_place *at = xcalloc(dl->n, sizeof *at, "the places of the diagnostics");
	size_t nerr = 0;
	for (size_t i = 0; i < dl->n; i++) {
		at[i] = lsp_place_of(c->an, dl->items[i].at);
		nerr += at[i].file == f && dl->items[i].severity == DS_ERROR;
	}
	diag_budget bud;
	budget_init(&bud, nerr);
	lsp_cursor cf, ct;
	lsp_cursor_init(&cf, f->text, c->enc);
	lsp_cursor_init(&ct, f->text, c->enc);
	for (size_t i = 0; i < dl->n; i++) {
		const diag *d = &dl->items[i];
		const lsp_place *p = &at[i];
		/* only what was published can be fixed */
		if (p->file != f || !budget_take(&bud, d) || p->from > to || p->to < from)
			continue;
		json_t *dj = diag_json(c->an, c->enc, d, p, &cf, &ct);
		json_t *act = NULL;
		size_t n;
		const char *s = suggestion(d, &n);
		if (s) {
			buf title = BUF_INIT;
			buf_printf(&title, "Change to '%.*s'", (int)n, s);
			act = action(c, title.data, dj, p, s, n, true);
			buf_free(&title);
		} else if (d->code == DC_UNDEFINED_ACRONYM) {
			act = declare_acronym(c, d, dj);
		} else if (d->code == DC_MISSING_FIELD) {
			act = add_field(c, d, dj);
		} else if (d->code == DC_UNUSED_ACRONYM) {
			act = remove_line(c, d, p, "Remove the unused acronym", dj);
		} else if (d->code == DC_BAD_URL && has_help(d, "write 'https://") &&
			   d->at.end - d->at.start >= 4 &&
			   strncasecmp(c->an->doc.src.text + d->at.start, "www.", 4) == 0) {
			lsp_place ins = {p->file, p->from, p->from};
			act = action(c, "Add 'https://'", dj, &ins, "https://", 8, true);
		} else {
			json_decref(dj);
		}
		if (act)
			json_array_append_new(out, act);
	}
	free(at);
	return out;
}
