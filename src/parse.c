/*
 * parse.c - from source text to document tree: comment blanking, running
 * the scanner and parser, and the builder that grammar actions call
 * (doc.c runs it between loading and resolving).
 *
 * The builder groups body lines the way Markdown readers expect: text
 * lines run into a paragraph until a blank line or another kind of line;
 * consecutive list items of one kind form a list (blank lines between
 * items keep it open); `>` lines form a quote.
 */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "parser.h"
#define YYSTYPE BRIEF_YYSTYPE
#define YYLTYPE span
#include "lexer.h"
#include "xalloc.h"

/* ---- comments ---- */

/* The first "<!--" at or after p that is not escaped, or NULL. */
static const char *comment_open(const char *t, size_t n, const char *p)
{
	for (;;) {
		const char *o = memchr(p, '<', (size_t)(t + n - p));
		if (!o)
			return NULL;
		if ((size_t)(t + n - o) >= 4 && memcmp(o, "<!--", 4) == 0 &&
		    !(o > t && o[-1] == '\\'))
			return o;
		p = o + 1;
	}
}

uint32_t parse_find_comments(const char *t, size_t n, span_vec *out)
{
	for (const char *o = comment_open(t, n, t); o; o = comment_open(t, n, o)) {
		const char *c = o + 4;
		const char *e = NULL;
		while (c + 3 <= t + n) {
			c = memchr(c, '-', (size_t)(t + n - c));
			if (!c || c + 3 > t + n)
				break;
			if (c[1] == '-' && c[2] == '>') {
				e = c + 3;
				break;
			}
			c++;
		}
		if (!e)
			return (uint32_t)(o - t);
		span_vec_push(out, span_make((uint32_t)(o - t), (uint32_t)(e - t)));
		o = e;
	}
	return UINT32_MAX;
}

void parse_unclosed_comment(ast_doc *d, uint32_t at)
{
	diag_report(&d->diags, DC_SYNTAX, span_make(at, at + 4),
		    "comment '<!--' is never closed: expected '-->'");
}

/*
 * The text as the scanner sees it, ending in "\n\0\0" (the end of the
 * file: see YY_USER_ACTION in brief.l).  Every byte of each <!-- ... -->
 * comment is replaced by LEX_COMMENT_BYTE (newlines kept), so the scanner skips
 * comment-only lines and the inline parser skips the rest while every
 * offset stays that of the source; so is every byte of an include line
 * (assemble.c).  An unclosed comment is a syntax error and stays text.
 * Without comments that is the source text itself, its end marks written
 * into the source's padding (restored by end_scan_text): a document is
 * then held once, not twice.  A document assembled from several files
 * comes with its comments found, file by file.
 */
static char *scan_text(ast_doc *d, span_vec *comments)
{
	char *t = d->src.text;
	size_t n = d->src.len;
	span_vec found = {NULL, 0, 0};
	const span_vec *com = &d->comments;
	if (!d->assembled) {
		uint32_t unclosed = parse_find_comments(t, n, &found);
		if (unclosed != UINT32_MAX)
			parse_unclosed_comment(d, unclosed);
		com = &found;
	}
	if (!com->n && !d->includes.n && !d->nlibraries) {
		t[n] = '\n';
		t[n + 1] = t[n + 2] = '\0';
		return t;
	}
	char *lex = xmalloc(n + 3, "the text without comments");
	memcpy(lex, t, n);
	lex[n] = '\n';
	lex[n + 1] = lex[n + 2] = '\0';
	const span_vec *blank[2] = {com, &d->includes};
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < blank[k]->n; i++)
			for (uint32_t q = blank[k]->v[i].start; q < blank[k]->v[i].end; q++)
				if (t[q] != '\n')
					lex[q] = LEX_COMMENT_BYTE;
	if (comments)
		for (size_t i = 0; i < com->n; i++)
			span_vec_push(comments, com->v[i]);
	free(found.v);
	return lex;
}

static void end_scan_text(ast_doc *d, char *lex)
{
	if (lex == d->src.text)
		d->src.text[d->src.len] = '\0';
	else
		free(lex);
}

/* ---- builder: paragraphs, lists, quotes ---- */

void parse_push_seg(parse_state *ps, span s)
{
	ps->segs = xgrow(ps->segs, &ps->segcap, ps->nsegs, sizeof *ps->segs,
			 "a paragraph's lines");
	ps->segs[ps->nsegs++] = s;
}

/* Tell resolve.c that n (a block, a reference or a link) is next in the
 * document (ast.h). */
static void pending(parse_state *ps, ast_node *n)
{
	ast_doc *d = ps->doc;
	d->pending = xgrow(d->pending, &d->cappending, d->npending,
			   sizeof *d->pending, "the references to resolve");
	d->pending[d->npending].node = n;
	d->pending[d->npending++].block = n == ps->block ? NULL : ps->block;
}

/* The references and links inline_parse just made, for resolve.c. */
void parse_pending_made(parse_state *ps)
{
	for (size_t i = 0; i < ps->scratch.made.n; i++)
		pending(ps, ps->scratch.made.v[i]);
}

/* A note's text refers to no other note: LaTeX cannot set a footnote in
 * a footnote, and a reader cannot follow one. */
static void no_note_in_note(parse_state *ps)
{
	for (size_t i = 0; i < ps->scratch.made.n; i++) {
		const ast_node *r = ps->scratch.made.v[i];
		if (r->type == AST_FNREF)
			diag_report(&ps->doc->diags, DC_SYNTAX, r->at,
				    "a note cannot refer to another note: put "
				    "both texts in one note");
	}
}

static void close_para(parse_state *ps)
{
	if (!ps->para)
		return;
	if (ps->nsegs > 1)
		parse_markup_para(ps);
	if (inline_parse(ps->doc, ps->lex, ps->para, ps->segs, ps->nsegs,
			 &ps->scratch)) {
		if (ps->para->parent && ps->para->parent->type == AST_FOOTNOTE)
			no_note_in_note(ps);
		parse_pending_made(ps);
	}
	ps->para = NULL;
	ps->nsegs = 0;
}

static void close_all(parse_state *ps)
{
	close_para(ps);
	ps->list = ps->item = ps->quote = ps->note = NULL;
	ps->depth = 0;
}

static void open_para(parse_state *ps, ast_node *parent, span s, span line)
{
	close_para(ps);
	ps->para = ast_new(ps->doc, AST_PARAGRAPH, line);
	ps->doc->nparagraphs++;
	ast_append(parent, ps->para);
	parse_push_seg(ps, s);
}

static void extend(ast_node *n, span line)
{
	for (; n && n->type != AST_DOCUMENT && n->type != AST_BLOCK; n = n->parent)
		if (line.end > n->at.end)
			n->at.end = line.end;
}

/*
 * A body line in a block whose kind has none (a generated list, a
 * figure): a syntax error, once a block, or the text would vanish from
 * every output.  Returns true when the line may go on.
 */
static bool body_allowed(parse_state *ps, span at)
{
	const ast_node *b = ps->block;
	if (!b || b->u.block->kind >= BK__COUNT ||
	    ast_kind_has_body(b->u.block->kind))
		return true;
	if (!ps->body_reported) {
		ps->body_reported = true;
		const char *k = ast_block_kind_names[b->u.block->kind];
		diag_report(&ps->doc->diags, DC_SYNTAX, at,
			    b->u.block->kind == BK_FIGURE ?
			    "'::: %s' takes no body: put its text in "
			    "'caption:' or in the prose around it" :
			    b->u.block->kind == BK_MAP ?
			    "'::: %s' takes no body: briefc draws the map "
			    "from the findings, recommendations and evidence; "
			    "put prose outside the block" :
			    "'::: %s' takes no body: briefc writes its list; "
			    "put prose outside the block", k);
	}
	return false;
}

static bool in_table(const parse_state *ps)
{
	return ps->block && ps->block->u.block->kind == BK_TABLE;
}

void parse_blank(parse_state *ps, span at)
{
	(void)at;
	ps->after_fields = ps->in_fields;
	ps->in_fields = false;
	close_para(ps);
	ps->quote = NULL;
	ps->blank = true;
	if (in_table(ps))
		parse_table_blank(ps);
}

/* The length of "[^label]:" when the content a starts with it and a space
 * or its end follows: a note's definition.  Else 0. */
static uint32_t note_def_len(const char *t, span a)
{
	uint32_t p = a.start, k = p + 2;
	if (a.end - p < 5 || t[p] != '[' || t[p + 1] != '^')
		return 0;
	while (k < a.end && ast_label_char(t[k]))
		k++;
	if (k == p + 2 || k + 1 >= a.end || t[k] != ']' || t[k + 1] != ':')
		return 0;
	if (k + 2 < a.end && t[k + 2] != ' ' && t[k + 2] != '\t')
		return 0;
	return k + 2 - p;
}

/*
 * `[^label]: text`: a note's definition, a container of paragraphs where
 * it is written (the renderers gather the notes).  Its text runs on like
 * a paragraph; after a blank line an indented paragraph still belongs to
 * it, as to a list item.
 */
static void note_open(parse_state *ps, span a, span at, uint32_t n)
{
	ast_doc *d = ps->doc;
	close_all(ps);
	ast_node *f = ast_new(d, AST_FOOTNOTE, at);
	f->u.note->label = ast_str(d, ps->text + a.start + 2, n - 4);
	f->u.note->label_at = span_make(a.start + 2, a.start + n - 2);
	ast_append(ps->container, f);
	ast_vec_push(&d->defining, f);
	ps->note = f;
	uint32_t r = a.start + n;
	while (r < a.end && (ps->lex[r] == ' ' || ps->lex[r] == '\t' ||
			     ps->lex[r] == '\x01'))
		r++;
	if (r < a.end)
		open_para(ps, f, span_make(r, a.end), at);
	ps->blank = false;
}

/* The width of an indentation: a tab moves to the next multiple of 4. */
static unsigned indent_width(const char *t, span ind)
{
	unsigned w = 0;
	for (uint32_t i = ind.start; i < ind.end; i++)
		w = t[i] == '\t' ? (w + 4) / 4 * 4 : w + 1;
	return w;
}

/* Keep the lists of levels 1..depth open. */
static void set_depth(parse_state *ps, int depth)
{
	ps->depth = depth;
	ps->list = depth ? ps->lists[depth - 1] : NULL;
	ps->item = depth ? ps->items[depth - 1] : NULL;
}

/*
 * Prose in a library (once for the library: a brief named as one would
 * have a line of it in every paragraph).  A library holds only what can
 * be referenced (contract 12).
 */
static void library_prose(parse_state *ps, span at)
{
	if (!ps->library || ps->library_said)
		return;
	ps->library_said = true;
	diag_report(&ps->doc->diags, DC_SYNTAX, at,
		    "a library holds only '::: evidence', '::: acronyms' and '::: areas' "
		    "blocks: this text is not part of the brief");
}

void parse_text(parse_state *ps, const parse_tok *t, span at)
{
	library_prose(ps, at);
	bool indented = t->n != 0;
	uint32_t def = indented ? 0 : note_def_len(ps->lex, t->a);
	if (in_table(ps) && !def && !(ps->note && ps->para && !ps->blank)) {
		parse_table_line(ps, t, at);
		return;
	}
	if (!body_allowed(ps, at))
		return;
	if (!def)
		parse_markup_line(ps, t, at);
	else if (ps->in_fields)
		/* a note's definition ends the fields as a blank line would
		 * (fmt writes one before it): a field's line in its text is
		 * said to be one, in the same words with or without that
		 * blank line */
		ps->after_fields = true;
	ps->in_fields = false;
	if (def) {
		note_open(ps, t->a, at, def);
	} else if (ps->para && !ps->blank) {
		/* a lazy continuation line */
		parse_push_seg(ps, t->a);
		extend(ps->para, at);
	} else if (ps->note && (indented || !ps->note->first) &&
		   (ps->blank || !ps->note->first)) {
		/* the note's text after its label's line, or an indented
		 * paragraph after a blank line */
		open_para(ps, ps->note, t->a, at);
		extend(ps->note, at);
	} else if (ps->item && ps->blank && indented) {
		/* an indented paragraph after a blank line belongs to an
		 * item: the deepest whose text it is indented to */
		unsigned ind = indent_width(ps->lex, t->b);
		int j = ps->depth;
		while (j > 1 && ind < ps->marker[j - 1] + 2)
			j--;
		set_depth(ps, j);
		ps->list->u.list->loose = true;
		open_para(ps, ps->item, t->a, at);
		extend(ps->item, at);
	} else {
		close_all(ps);
		open_para(ps, ps->container, t->a, at);
	}
	ps->blank = false;
}

/*
 * The level of an item indented ind (contract 11.6): a list nests in the
 * item above when indented 2 to 4 spaces more than that item's marker,
 * up to LIST_MAX_DEPTH levels; an item indented less belongs to the
 * deepest open list whose marker it reaches.
 */
static int item_level(parse_state *ps, unsigned ind, span at)
{
	diag_list *dl = &ps->doc->diags;
	if (!ps->depth)
		return 1;
	unsigned m = ps->marker[ps->depth - 1];
	if (ind >= m + 2) {
		if (ps->depth == LIST_MAX_DEPTH) {
			diag_report(dl, DC_SYNTAX, at, "lists nest at most %d levels "
				    "deep: this item stays at level %d",
				    LIST_MAX_DEPTH, LIST_MAX_DEPTH);
			return LIST_MAX_DEPTH;
		}
		if (ind > m + 4)
			diag_report(dl, DC_SYNTAX, at, "a nested item is indented "
				    "2 to 4 spaces more than the item it belongs to, "
				    "not %u", ind - m);
		return ps->depth + 1;
	}
	for (int j = ps->depth; j > 1; j--)
		if (ind >= ps->marker[j - 1])
			return j;
	return 1;
}

void parse_item(parse_state *ps, const parse_tok *t, span at)
{
	library_prose(ps, at);
	bool ordered = t->n != 0;
	if (!body_allowed(ps, at))
		return;
	close_para(ps);
	ps->quote = ps->note = NULL;
	ps->in_fields = ps->after_fields = false;
	unsigned ind = indent_width(ps->lex, t->b);
	int level = item_level(ps, ind, span_make(t->b.end, at.end));
	bool after_blank = ps->blank && ps->depth;
	if (level <= ps->depth)
		set_depth(ps, level);
	if (level > ps->depth || ps->list->u.list->ordered != ordered) {
		ast_node *l = ast_new(ps->doc, AST_LIST, at);
		l->u.list->ordered = ordered;
		l->u.list->start = ordered ? t->n - 1 : 0;
		ast_append(level == 1 ? ps->container : ps->items[level - 2], l);
		/* a nested list after a blank line: its item holds two
		 * blocks with a blank line between (CommonMark's loose) */
		if (after_blank && level > ps->depth && level > 1)
			ps->lists[level - 2]->u.list->loose = true;
		ps->lists[level - 1] = l;
		ps->marker[level - 1] = ind;
	} else if (after_blank) {
		ps->list->u.list->loose = true;	/* items apart */
	}
	ps->items[level - 1] = ast_new(ps->doc, AST_ITEM, at);
	set_depth(ps, level);
	ast_append(ps->list, ps->item);
	extend(ps->list, at);
	if (t->a.end > t->a.start)
		open_para(ps, ps->item, t->a, at);
	ps->blank = false;
}

void parse_quote(parse_state *ps, const parse_tok *t, span at)
{
	library_prose(ps, at);
	if (!body_allowed(ps, at))
		return;
	ps->in_fields = ps->after_fields = false;
	if (!ps->quote || ps->blank) {
		close_all(ps);
		ps->quote = ast_new(ps->doc, AST_QUOTE, at);
		ast_append(ps->container, ps->quote);
	}
	extend(ps->quote, at);
	if (t->a.end == t->a.start)
		close_para(ps);	/* a bare `>` separates paragraphs */
	else if (ps->para && ps->para->parent == ps->quote)
		parse_push_seg(ps, t->a), extend(ps->para, at);
	else
		open_para(ps, ps->quote, t->a, at);
	ps->blank = false;
}

/* A slug from the plain text: lower-case ASCII letters and digits, other
 * runs become one '-'.  Non-ASCII letters are dropped. */
static str make_slug(ast_doc *d, ast_node *h)
{
	buf plain = BUF_INIT, slug = BUF_INIT;
	ast_plain_text(h, &plain);
	bool dash = false;
	for (size_t i = 0; i < plain.len; i++) {
		unsigned char c = (unsigned char)plain.data[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && slug.len)
				buf_putc(&slug, '-');
			buf_putc(&slug, (char)c);
			dash = false;
		} else {
			dash = true;
		}
	}
	if (!slug.len)
		buf_puts(&slug, "section");
	str s = ast_str(d, slug.data, slug.len);
	buf_free(&plain);
	buf_free(&slug);
	return s;
}

void parse_heading(parse_state *ps, const parse_tok *t, span at)
{
	library_prose(ps, at);
	close_all(ps);
	ps->blank = false;
	ast_node *h = ast_new(ps->doc, AST_HEADING, at);
	ast_vec_push(&ps->doc->defining, h);
	h->u.heading->level = (int)t->n;
	ast_append(ps->container, h);
	if (t->n > 3) {
		diag_report(&ps->doc->diags, DC_SYNTAX, span_make(at.start, at.start + (uint32_t)t->n),
			    "heading level %ld is too deep: headings are '#', '##' or '###'", t->n);
		h->u.heading->level = 3;
	}
	if (t->a.end == t->a.start)
		diag_report(&ps->doc->diags, DC_SYNTAX, at, "heading has no title");
	else if (inline_parse(ps->doc, ps->lex, h, &t->a, 1, &ps->scratch))
		parse_pending_made(ps);
	if (t->b.start > t->a.end) {	/* an explicit {#id}, maybe empty */
		h->u.heading->id = ast_str(ps->doc, ps->text + t->b.start, t->b.end - t->b.start);
		h->u.heading->id_at = t->b;
		h->u.heading->explicit_id = true;
	} else {
		h->u.heading->id = make_slug(ps->doc, h);
		h->u.heading->id_at = t->a;
	}
}

/* ---- fields and blocks ---- */

static void field_finish(parse_state *ps)
{
	ast_field *f = ps->field;
	if (!f)
		return;
	ps->field = NULL;
	/* Join the pieces with single spaces; a list of IDs is written as
	 * `a, b` whatever its spacing, as fmt writes it. */
	const ast_field_spec *sp = f->spec;
	if (f->nsegs <= 1 && !(sp && sp->type == VT_IDS)) {
		/* one line, the usual field: its text as it stands */
		span g = f->nsegs ? f->segs[0] : span_make(0, 0);
		f->value = ast_str(ps->doc, ps->text + g.start, g.end - g.start);
	} else {
		buf v = BUF_INIT, ids = BUF_INIT;
		for (size_t i = 0; i < f->nsegs; i++) {
			if (i)
				buf_putc(&v, ' ');
			buf_put(&v, ps->text + f->segs[i].start,
				f->segs[i].end - f->segs[i].start);
		}
		if (sp && sp->type == VT_IDS && v.len) {
			ast_ids_canonical(&ids, v.data, v.len);
			buf_free(&v);
			v = ids;
		}
		f->value = ast_str(ps->doc, v.data ? v.data : "", v.len);
		buf_free(&v);
	}
	parse_markup_field(ps, f);
	if (sp && sp->type == VT_URL) {
		ast_doc *d = ps->doc;
		d->url_fields = xgrow(d->url_fields, &d->capurl_fields,
				      d->nurl_fields, sizeof *d->url_fields,
				      "the URL fields");
		d->url_fields[d->nurl_fields++] = f;
	}
	if (sp && sp->type == VT_INLINE && f->nsegs) {
		f->inl = ast_new(ps->doc, AST_PARAGRAPH, f->value_at);
		inline_parse(ps->doc, ps->lex, f->inl, f->segs, f->nsegs,
			     &ps->scratch);
	}
}

/*
 * The fields of a block (or the front matter) are kept in the order of
 * the contract, whatever the order written (docs/language.md): what a
 * brief means, the numbers of its sources included, never depends on
 * its layout, and `briefc fmt`, which writes fields in that order,
 * changes nothing but the layout.
 */
static void fields_begin(parse_state *ps, ast_field **list,
			 const ast_field_spec *specs, size_t n)
{
	ps->fields = list;
	ps->specs = specs;
	ps->nspecs = n;
	ps->last = xgrow(ps->last, &ps->lastcap, n, sizeof *ps->last, "the fields");
	memset(ps->last, 0, (n + 1) * sizeof *ps->last);
}

/* After the last field whose spec comes no later than f's: O(specs). */
static void insert_field(parse_state *ps, ast_field *f)
{
	size_t k = f->spec ? (size_t)(f->spec - ps->specs) : ps->nspecs;
	ast_field **at = ps->fields;
	for (size_t j = k + 1; j-- > 0;)
		if (ps->last[j]) {
			at = &ps->last[j]->next;
			break;
		}
	f->next = *at;
	*at = f;
	ps->last[k] = f;
}

static bool in_entries(const parse_state *ps)
{
	return ps->block && (ps->block->u.block->kind == BK_ACRONYMS ||
			     ps->block->u.block->kind == BK_AREAS);
}

void parse_field(parse_state *ps, const parse_tok *t, span at)
{
	field_finish(ps);
	ast_doc *d = ps->doc;
	if (in_entries(ps)) {
		bool area = ps->block->u.block->kind == BK_AREAS;
		ast_node *e = ast_new(d, area ? AST_AREA : AST_ACRONYM, at);
		ast_vec_push(&d->defining, e);
		e->u.entry->key = ast_str(d, ps->text + t->a.start, t->a.end - t->a.start);
		e->u.entry->key_at = t->a;
		e->u.entry->value = ast_str(d, ps->text + t->b.start, t->b.end - t->b.start);
		e->u.entry->value_at = t->b;
		ast_append(ps->block, e);
		ps->entry_val = NULL;	/* its value is not yet a copy of ours */
		ps->entry_room = 0;
		return;
	}
	ast_field *f = arena_alloc(&d->side, sizeof *f);
	const char *name = ps->text + t->a.start;
	size_t len = t->a.end - t->a.start;
	f->spec = ast_spec_find(ps->specs, ps->nspecs, name, len);
	/* A known name is its spec's, a copy of none. */
	if (f->spec)
		f->name = (str){f->spec->name, len};
	else
		f->name = ast_str(d, name, len);
	f->name_at = t->a;
	f->value_at = t->b;
	/* A value of one line is its one piece: most fields are, and keep
	 * no array (parse_cont makes one for a second line). */
	f->segs = &f->value_at;
	if (t->b.end > t->b.start)
		f->nsegs = 1;
	insert_field(ps, f);
	ps->field = f;
}

/*
 * Append " piece" to the value of the entry being continued, in a copy
 * whose room doubles when full: an entry of n continuation lines costs
 * O(its length), not O(n * its length).
 */
static void entry_extend(parse_state *ps, ast_node *e, span piece)
{
	str *v = &e->u.entry->value;
	size_t add = piece.end - piece.start;
	size_t need = v->len + 1 + add + 1;
	if (need > ps->entry_room) {
		size_t room = 2 * ps->entry_room > need ? 2 * ps->entry_room : need;
		ps->entry_val = arena_realloc(&ps->doc->arena, ps->entry_val,
					      ps->entry_room, room);
		if (!ps->entry_room)
			memcpy(ps->entry_val, v->p, v->len);
		ps->entry_room = room;
	}
	char *p = ps->entry_val;
	p[v->len] = ' ';
	memcpy(p + v->len + 1, ps->text + piece.start, add);
	p[v->len + 1 + add] = '\0';
	v->p = p;
	v->len += 1 + add;
	e->u.entry->value_at.end = piece.end;
}

void parse_cont(parse_state *ps, const parse_tok *t, span at)
{
	(void)at;
	ast_field *f = ps->field;
	if (!f) {
		/* An entry line of ::: acronyms / areas continued: extend it. */
		ast_node *e = ps->block ? ast_last(ps->block) : NULL;
		if (e && (e->type == AST_AREA || e->type == AST_ACRONYM))
			entry_extend(ps, e, t->a);
		return;
	}
	parse_markup_cont(ps, t, f);
	/* Room for 4 pieces from the second on, then doubled at each power
	 * of two: a field of n continuation lines costs O(n), not O(n^2). */
	if (f->segs == &f->value_at && f->nsegs) {
		f->segs = arena_alloc(&ps->doc->arena, 4 * sizeof *f->segs);
		f->segs[0] = f->value_at;
	} else if (f->nsegs >= 4 && (f->nsegs & (f->nsegs - 1)) == 0)
		f->segs = arena_realloc(&ps->doc->arena, f->segs, f->nsegs * sizeof *f->segs,
					2 * f->nsegs * sizeof *f->segs);
	else if (f->nsegs == 0)
		f->value_at.start = t->a.start;
	f->segs[f->nsegs++] = t->a;
	f->value_at.end = t->a.end;
}

void parse_bad_line(parse_state *ps, span at)
{
	field_finish(ps);
	if (in_entries(ps))
		diag_report(&ps->doc->diags, DC_SYNTAX, at,
			    "expected '%s' in ::: %s",
			    ps->block->u.block->kind == BK_AREAS ? "id: Title" : "ABBR: Expansion",
			    ps->block->u.block->kind == BK_AREAS ? "areas" : "acronyms");
	else
		diag_report(&ps->doc->diags, DC_SYNTAX, at,
			    "expected 'key: value' or '---' in the front matter");
}

void parse_front_open(parse_state *ps, span at)
{
	ps->fm_open = at;
	ps->in_front = true;
	ps->doc->meta.present = true;
	ps->doc->meta.at = at;
	size_t n;
	const ast_field_spec *specs = ast_meta_fields(&n);
	fields_begin(ps, &ps->doc->meta.fields, specs, n);
}

void parse_front_close(parse_state *ps, span at)
{
	field_finish(ps);
	ps->doc->meta.at.end = at.end;
	ps->fm_open = span_make(0, 0);
	ps->in_front = false;
}

void parse_front_unclosed(parse_state *ps)
{
	field_finish(ps);
	ps->fm_open = span_make(0, 0);
	ps->in_front = false;
}

void parse_block_open(parse_state *ps, const parse_tok *t, span at)
{
	ast_doc *d = ps->doc;
	close_all(ps);
	ps->blank = false;
	ast_node *b = ast_new(d, AST_BLOCK, at);
	b->u.block->open_at = at;
	b->u.block->kind_at = t->a;
	if (t->b.end > t->b.start) {
		b->u.block->id = ast_str(d, ps->text + t->b.start, t->b.end - t->b.start);
		b->u.block->id_at = t->b;
	} else {
		b->u.block->id.p = "";
		b->u.block->id_at = span_make(t->a.end, t->a.end);
	}
	ast_append(ps->root, b);
	ast_vec_push(&d->defining, b);
	ps->block = b;
	pending(ps, b);
	ps->container = b;
	ps->field = NULL;

	const char *kt = ps->text + t->a.start;
	size_t kl = t->a.end - t->a.start;
	int k = ast_block_kind_lookup(kt, kl);
	if (k < 0) {
		const char *sugg = diag_suggest(kt, kl, ast_block_kind_names, BK__COUNT);
		size_t di = diag_report(&d->diags, DC_SYNTAX, t->a,
					"unknown block kind '%.*s%s'%s%s%s",
					(int)(kl > 60 ? 60 : kl), kt, kl > 60 ? "..." : "",
					sugg ? "; did you mean '" : "", sugg ? sugg : "",
					sugg ? "'?" : "");
		diag_add_help(&d->diags, di, "block kinds are finding, recommendation, evidence, "
			      "acronyms, areas, recommendations, findings, sources, "
			      "glossary, table, figure, box and map");
		b->u.block->kind = BK__COUNT;	/* checks and backends skip it */
		fields_begin(ps, &b->u.block->fields, NULL, 0);
	} else {
		size_t n;
		const ast_field_spec *specs = ast_block_fields((ast_block_kind)k, &n);
		fields_begin(ps, &b->u.block->fields, specs, n);
		b->u.block->kind = (ast_block_kind)k;
		if (ps->library && k != BK_EVIDENCE && k != BK_ACRONYMS && k != BK_AREAS) {
			diag_report(&d->diags, DC_SYNTAX, t->a,
				    "a library holds only '::: evidence', '::: acronyms' and "
				    "'::: areas' blocks, not '::: %s'", ast_block_kind_names[k]);
			b->u.block->kind = BK__COUNT;	/* not part of the brief */
		} else if (ast_kind_has_id((ast_block_kind)k) && !b->u.block->id.len)
			diag_report(&d->diags, DC_SYNTAX, at, "'::: %s' needs an ID: '::: %s ID'",
				    ast_block_kind_names[k], ast_block_kind_names[k]);
		else if (!ast_kind_may_have_id((ast_block_kind)k) && b->u.block->id.len)
			diag_report(&d->diags, DC_SYNTAX, t->b,
				    "'::: %s' takes no ID", ast_block_kind_names[k]);
	}
	ps->body_reported = false;
	ps->in_fields = !in_entries(ps);
	ps->after_fields = false;
	ps->table_stage = TS_HEADER;
	ps->table_header = NULL;
	ps->table_delim_said = false;
	if (t->n)
		diag_report(&d->diags, DC_SYNTAX, span_make((uint32_t)t->n, at.end),
			    "unexpected text after the block's ID");
}

static void block_end(parse_state *ps)
{
	field_finish(ps);
	close_all(ps);
	ps->in_fields = ps->after_fields = false;
	if (in_table(ps))
		parse_table_end(ps);
	ps->block = NULL;
	ps->container = ps->root;
	ps->fields = NULL;
	ps->blank = false;
}

void parse_block_close(parse_state *ps, span at)
{
	ps->block->at.end = at.end;
	block_end(ps);
}

void parse_block_unclosed(parse_state *ps)
{
	block_end(ps);
}

void parse_stray_close(parse_state *ps, span at)
{
	close_all(ps);
	diag_report(&ps->doc->diags, DC_SYNTAX, at, "':::' closes no block: no block is open here");
}

/* ---- driver ---- */

/*
 * A scanner over lex[start, end), one unit of the text: the brief's own,
 * or one library's.  The three bytes after the unit become its end marks
 * (see YY_USER_ACTION in brief.l) until scanner_end puts them back.
 */
static void scanner_start(parse_state *ps, ast_doc *d, char *lex, uint32_t start,
			  uint32_t end)
{
	memset(ps, 0, sizeof *ps);
	ps->doc = d;
	ps->text = d->src.text;
	ps->lex = lex;
	ps->lexpos = start;
	ps->end = end;
	memcpy(ps->saved, lex + end, 3);
	lex[end] = '\n';
	lex[end + 1] = lex[end + 2] = '\0';
	/* Both fail only when memory is out. */
	if (brief_yylex_init_extra(ps, &ps->scanner) != 0)
		xalloc_die(sizeof(void *), "the scanner");
	ps->scan_buf = brief_yy_scan_buffer(lex + start, end - start + 3, ps->scanner);
	if (!ps->scan_buf)
		xalloc_die(sizeof(void *), "the scanner's buffer");
}

static void scanner_end(parse_state *ps)
{
	brief_yy_delete_buffer(ps->scan_buf, ps->scanner);
	brief_yylex_destroy(ps->scanner);
	memcpy(ps->lex + ps->end, ps->saved, 3);
}

/* Parse one unit under root; a library's holds only its kinds of block. */
static void parse_unit(ast_doc *d, char *lex, uint32_t start, uint32_t end,
		       ast_node *root, bool library)
{
	parse_state ps;
	scanner_start(&ps, d, lex, start, end);
	ps.root = ps.container = root;
	ps.library = library;
	brief_yyparse(ps.scanner, &ps);
	scanner_end(&ps);
	close_all(&ps);
	free(ps.segs);
	free(ps.last);
	inline_scratch_free(&ps.scratch);
}

void parse_document(ast_doc *d)
{
	char *lex = scan_text(d, NULL);
	uint32_t len = (uint32_t)d->src.len;
	uint32_t main_end = d->nlibraries ? d->libraries[0] : len;
	d->root = ast_new(d, AST_DOCUMENT, span_make(0, main_end));
	parse_unit(d, lex, 0, main_end, d->root, false);
	if (d->nlibraries)
		d->library = ast_new(d, AST_DOCUMENT, span_make(main_end, len));
	for (size_t i = 0; i < d->nlibraries; i++)
		parse_unit(d, lex, d->libraries[i],
			   i + 1 < d->nlibraries ? d->libraries[i + 1] : len,
			   d->library, true);
	end_scan_text(d, lex);
}

parse_line *parse_lines(ast_doc *d, size_t *n, span_vec *comments)
{
	parse_state ps;
	char *lex = scan_text(d, comments);
	scanner_start(&ps, d, lex, 0, (uint32_t)d->src.len);
	parse_line *v = NULL;
	size_t cap = 0;
	*n = 0;
	for (;;) {
		BRIEF_YYSTYPE val;
		span at;
		int tok = brief_yylex(&val, &at, ps.scanner);
		if (tok == END)
			break;
		v = xgrow(v, &cap, *n, sizeof *v, "the lines of a file");
		v[*n].tok = tok;
		v[*n].at = at;
		v[(*n)++].t = val.tok;
	}
	scanner_end(&ps);
	end_scan_text(d, lex);
	return v;
}
