/*
 * render_float.c - tables, figures and boxes, and the images of figures
 * and of the title block's logo.
 *
 * A table is a real table in every format: its columns (as many as its
 * widest row: a short row is padded with empty cells, so no format drops
 * or mis-aligns a cell; table-shape has said so), the alignments of its
 * delimiter row, the caption with its number, the header, the body, and
 * below them the sources and the note.  A figure is its caption, the
 * image (its bytes read here, once, and only if they are the image its
 * name says: image.h) and its sources.  A box is a set-off panel with its
 * number, when it has an ID, and its title.  Captions, cells, notes and
 * titles are not running text: their acronyms are marked, never spelled
 * out (render_text.c).
 */
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "render_int.h"
#include "xalloc.h"

void render_image_file(int number, bool jpeg, buf *out)
{
	buf_clear(out);
	if (number > 0)
		buf_printf(out, "brief-figure-%d", number);
	else
		buf_puts(out, "brief-logo");
	buf_puts(out, jpeg ? ".jpg" : ".png");
}

/*
 * The image f names (a figure's src:, the logo:), for an RE_IMAGE or
 * RE_LOGO event: its bytes are read only for a backend that writes them
 * (image_bytes; not in the first pass), and it has no file when it is not
 * (or no longer) the image it must be.  The caller frees *data and
 * *file.
 */
static void image_load(render *r, const ast_field *f, int number,
		       render_image *img, char **data, buf *file)
{
	memset(img, 0, sizeof *img);
	*data = NULL;
	if (!f)
		return;
	img->src = f->value;
	if (r->be == &render_null_backend)
		return;
	image_file im;
	buf why = BUF_INIT, help = BUF_INIT;
	if (image_locate_field(r->doc, f, &im, &why, &help) == 0) {
		size_t n;
		if (!r->be->image_bytes || image_read(&im, data, &n) == 0) {
			if (*data) {
				img->data.p = *data;
				img->data.len = n;
			}
			img->mime = image_mime(im.type);
			render_image_file(number, im.type == IMG_JPEG, file);
			img->file = file->data;
		}
		image_file_free(&im);
	}
	buf_free(&why);
	buf_free(&help);
}

void render_logo(render *r, const ast_field *logo, const char *alt)
{
	render_image img;
	char *data;
	buf file = BUF_INIT;
	image_load(r, logo, 0, &img, &data, &file);
	render_ev ev = {.el = RE_LOGO, .entering = true, .image = &img,
			.label = alt};
	render_fire(r, &ev);
	free(data);
	buf_free(&file);
}

/* ---- what tables and figures share ---- */

static void caption(render *r, const ast_block *b, const char *label)
{
	render_ev ev = {.el = RE_CAPTION, .entering = true, .label = label,
			.number = b->number,
			.name = b->kind == BK_TABLE ? "table" : "figure"};
	render_fire(r, &ev);
	r->p->noexpand++;
	render_field_inlines(r, ast_float_of(b)->f_caption);
	r->p->noexpand--;
	ev.entering = false;
	render_fire(r, &ev);
}

/* "Source: [3]", "Sources: [1, 2]" below a table or figure. */
static void float_source(render *r, const ast_block *b)
{
	if (!b->evidence.n)
		return;
	render_ev ev = {.el = RE_FLOAT_SOURCE, .entering = true,
			.label = render_word(r, b->evidence.n > 1 ? I18N_SOURCE_MANY :
						    I18N_SOURCE_ONE)};
	render_fire(r, &ev);
	render_refs(r, &b->evidence);
	ev.entering = false;
	render_fire(r, &ev);
}

/* ---- tables ---- */

/* Characters, not bytes: what a column's width is measured in. */
static size_t chars(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* The longest cell of each column, in characters of plain text. */
static void column_widths(render *r, const ast_node *t, size_t *widths, buf *b)
{
	for (const ast_node *n = t->first; n; n = n->next) {
		if (n->type != AST_ROW)
			continue;
		size_t k = 0;
		for (const ast_node *c = n->first; c; c = c->next, k++) {
			buf_clear(b);
			render_plain(r->doc, c, b);
			size_t w = chars(b->data ? b->data : "", b->len);
			if (w > widths[k])
				widths[k] = w;
		}
	}
}

static size_t cells_of(const ast_node *row)
{
	size_t n = 0;
	for (const ast_node *c = row->first; c; c = c->next)
		n++;
	return n;
}

/* A row of ncols cells, the missing ones empty. */
static void table_row(render *r, const ast_node *row, size_t ncols,
		      const render_align *aligns, bool head, bool first)
{
	render_ev ev = {.el = RE_ROW, .entering = true, .first = first,
			.head = head, .ncols = ncols};
	render_fire(r, &ev);
	const ast_node *c = row ? row->first : NULL;
	for (size_t k = 0; k < ncols; k++) {
		render_ev cell = {.el = RE_CELL, .entering = true,
				  .number = (long)k, .head = head,
				  .align = aligns[k], .first = k == 0};
		render_fire(r, &cell);
		if (c) {
			render_inlines(r, c);
			c = c->next;
		}
		cell.entering = false;
		render_fire(r, &cell);
	}
	ev.entering = false;
	render_fire(r, &ev);
}

/* The header's cells as plain text, ncols of them, for a format that
 * repeats the header on each page (RE_TABLE_HEAD leaving). */
static str *head_plain(render *r, const ast_node *row, size_t ncols, buf *b)
{
	str *cells = xcalloc(ncols, sizeof *cells, "a table's header");
	size_t *at = xcalloc(ncols, sizeof *at, "a table's header");
	const ast_node *c = row->first;
	for (size_t k = 0; k < ncols; k++) {
		at[k] = b->len;
		if (c) {
			render_plain(r->doc, c, b);
			c = c->next;
		}
		cells[k].len = b->len - at[k];
	}
	for (size_t k = 0; k < ncols; k++)
		cells[k].p = b->data ? b->data + at[k] : "";
	free(at);
	return cells;
}

void render_table(render *r, const ast_node *t)
{
	const ast_block *b = t->u.block;
	const ast_float *fl = ast_float_of(b);
	const ast_node *head = NULL;
	size_t ncols = fl->ndelim;
	for (const ast_node *n = t->first; n; n = n->next) {
		if (n->type != AST_ROW)
			continue;
		size_t k = cells_of(n);
		ncols = k > ncols ? k : ncols;
		if (ast_row_is_header(n))
			head = n;
	}
	if (!ncols)
		ncols = 1;	/* a table with no rows still has a column */
	render_align *aligns = xcalloc(ncols, sizeof *aligns, "a table's columns");
	for (size_t k = 0; k < fl->ndelim && k < ncols; k++)
		aligns[k] = (render_align)fl->align[k];
	buf plain = BUF_INIT;
	size_t *widths = xcalloc(ncols, sizeof *widths, "a table's columns");
	if (r->be != &render_null_backend) {
		if (fl->f_caption && fl->f_caption->inl)
			render_plain(r->doc, fl->f_caption->inl, &plain);
	}
	if (r->be->table_layout) {
		buf w = BUF_INIT;
		column_widths(r, t, widths, &w);
		buf_free(&w);
	}
	render_ev ev = {.el = RE_TABLE, .entering = true, .id = render_node_id(t),
			.number = b->number, .label = render_word(r, I18N_TABLE), .ncols = ncols,
			.aligns = aligns, .widths = widths};
	ev.text.p = plain.data ? plain.data : "";
	ev.text.len = plain.len;
	render_fire(r, &ev);
	caption(r, b, ev.label);

	r->p->noexpand++;
	if (head) {
		render_ev h = {.el = RE_TABLE_HEAD, .entering = true,
			       .ncols = ncols, .aligns = aligns};
		render_fire(r, &h);
		table_row(r, head, ncols, aligns, true, true);
		buf hb = BUF_INIT;
		h.entering = false;
		h.label = render_word(r, I18N_CONTINUED);
		if (r->be->table_layout)
			h.cells = head_plain(r, head, ncols, &hb);
		render_fire(r, &h);
		free((str *)h.cells);
		buf_free(&hb);
	}
	render_mark(r, RE_TABLE_BODY, true);
	bool first = true;
	for (const ast_node *n = t->first; n; n = n->next)
		if (n->type == AST_ROW && !ast_row_is_header(n)) {
			table_row(r, n, ncols, aligns, false, first);
			first = false;
		}
	render_mark(r, RE_TABLE_BODY, false);
	r->p->noexpand--;

	float_source(r, b);
	if (render_has(fl->f_note)) {
		render_ev note = {.el = RE_FLOAT_NOTE, .entering = true, .label = render_word(r, I18N_FLOAT_NOTE)};
		render_fire(r, &note);
		r->p->noexpand++;
		render_field_inlines(r, fl->f_note);
		r->p->noexpand--;
		note.entering = false;
		render_fire(r, &note);
	}
	ev.entering = false;
	render_fire(r, &ev);
	buf_free(&plain);
	free(aligns);
	free(widths);
}

/* ---- figures ---- */

void render_figure(render *r, const ast_node *f)
{
	const ast_block *b = f->u.block;
	const ast_float *fl = ast_float_of(b);
	buf plain = BUF_INIT;
	if (fl->f_caption && fl->f_caption->inl && r->be != &render_null_backend)
		render_plain(r->doc, fl->f_caption->inl, &plain);
	render_ev ev = {.el = RE_FIGURE, .entering = true, .id = render_node_id(f),
			.number = b->number, .label = render_word(r, I18N_FIGURE)};
	ev.text.p = plain.data ? plain.data : "";
	ev.text.len = plain.len;
	render_fire(r, &ev);
	caption(r, b, ev.label);
	render_image img;
	char *data;
	buf file = BUF_INIT;
	image_load(r, fl->f_src, b->number, &img, &data, &file);
	render_ev im = {.el = RE_IMAGE, .entering = true, .image = &img,
			.label = fl->f_alt ? fl->f_alt->value.p : "",
			.number = fl->width};
	r->at = fl->f_alt ? fl->f_alt->value_at : f->at;
	render_fire(r, &im);
	free(data);
	buf_free(&file);
	float_source(r, b);
	ev.entering = false;
	render_fire(r, &ev);
	buf_free(&plain);
}

/* ---- boxes ---- */

/* By ast_box_type: the RE_BOX event's name. */
static const char *const box_types[] = {"note", "key-points", "sidebar",
					"disclaimer"};

void render_box_open(render *r, const ast_node *x)
{
	const ast_block *b = x->u.block;
	render_ev ev = {.el = RE_BOX, .entering = true, .id = render_node_id(x),
			.number = b->number, .label = render_word(r, I18N_BOX),
			.name = box_types[ast_float_of(b)->box_type]};
	render_fire(r, &ev);
	if (!render_has(b->f_title))
		return;
	render_mark(r, RE_BOX_TITLE, true);
	r->p->noexpand++;
	render_field_inlines(r, b->f_title);
	r->p->noexpand--;
	render_mark(r, RE_BOX_TITLE, false);
}

void render_box_close(render *r, const ast_node *x)
{
	const ast_block *b = x->u.block;
	render_ev ev = {.el = RE_BOX, .id = render_node_id(x), .number = b->number,
			.label = render_word(r, I18N_BOX), .name = box_types[ast_float_of(b)->box_type]};
	render_fire(r, &ev);
}
