/*
 * check_floats.c - tables and figures: table-shape, unreferenced-float,
 * weak-alt.
 *
 * A float is read apart from the text around it; the text must say when
 * to look at it ([@id]), a table must keep its columns, and a figure's
 * alt text must say what a reader who cannot see the image misses.
 */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "check.h"
#include "check_util.h"

/* ---- table-shape ---- */

static size_t cells_of(const ast_node *row)
{
	size_t n = 0;
	for (const ast_node *c = row->first; c; c = c->next)
		n++;
	return n;
}

void check_table_shape(ast_doc *d)
{
	for (size_t i = 0; i < d->tables.n; i++) {
		const ast_node *t = d->tables.v[i];
		const ast_node *head = t->first;
		while (head && head->type != AST_ROW)
			head = head->next;
		if (!head || !ast_row_is_header(head))
			continue;	/* a syntax error said so */
		size_t h = cells_of(head);
		const ast_float *fl = ast_float_of(t->u.block);
		uint32_t nd = fl->ndelim;
		if (nd && nd != h) {
			size_t k = diag_report(&d->diags, DC_TABLE_SHAPE,
					       fl->delim_at,
					       "the delimiter row has %u cell%s, "
					       "the header %zu", nd,
					       nd == 1 ? "" : "s", h);
			diag_add_note(&d->diags, k, head->at, "the header row");
		}
		for (const ast_node *r = head->next; r; r = r->next) {
			if (r->type != AST_ROW)
				continue;
			size_t n = cells_of(r);
			if (n == h)
				continue;
			size_t k = diag_report(&d->diags, DC_TABLE_SHAPE, r->at,
					       "this row has %zu cell%s, the "
					       "header %zu", n, n == 1 ? "" : "s", h);
			diag_add_help(&d->diags, k, n > h ?
				      "a '|' inside a cell is written '\\|'" :
				      "add the missing cells, empty if need be: '| a | |'");
		}
	}
}

/* ---- unreferenced-float ---- */

static void unreferenced(ast_doc *d, const ast_vec *v, const ptrset *seen)
{
	for (size_t i = 0; i < v->n; i++) {
		const ast_node *f = v->v[i];
		if (ptrset_has(seen, f) || !check_nameable(d, f))
			continue;
		size_t k = diag_report(&d->diags, DC_UNREFERENCED_FLOAT,
				       check_id_span(f),
				       "%s is never referred to",
				       check_block_title(d, f));
		diag_add_help(&d->diags, k, "write [@%s] where the text "
			      "discusses it, so the reader knows when to look",
			      CHECK_Q(d, f->u.block->id));
	}
}

void check_unreferenced_float(ast_doc *d)
{
	ptrset seen = {0};

	for (size_t i = 0; i < d->refs.n; i++) {
		const ast_idlist *ids = &d->refs.v[i]->u.ref->ids;
		for (size_t j = 0; j < ids->n; j++)
			ptrset_add(&seen, ids->v[j].target);
	}
	/* a misspelt reference meant it: undefined-reference says so */
	check_excused(d);
	for (size_t i = 0; i < d->meant.n; i++)
		ptrset_add(&seen, d->meant.v[i]);
	unreferenced(d, &d->tables, &seen);
	unreferenced(d, &d->figures, &seen);
	ptrset_free(&seen);
}

/* ---- weak-alt ---- */

/* s folded for comparison: ASCII letters lower-cased, every run of other
 * ASCII bytes one space, trimmed; other bytes kept. */
static void fold_words(const char *s, size_t n, buf *out)
{
	bool space = false;
	buf_clear(out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool word = c >= 0x80 || ascii_is_alnum((char)c);
		if (!word) {
			space = true;
			continue;
		}
		if (space && out->len)
			buf_putc(out, ' ');
		space = false;
		buf_putc(out, ascii_lower((char)c));
	}
	if (!out->data)
		buf_puts(out, "");
}

static bool same(const buf *a, const buf *b)
{
	return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* "image", "a chart", "Figure 2": a word that names the medium, not
 * what it shows. */
static bool bare_medium(const buf *alt)
{
	static const char *const words[] = {
		"image", "picture", "chart", "figure", "graph", "photo",
		"photograph", "diagram", "graphic", "illustration", "plot",
		"screenshot", "icon", "logo", "map", "img", "fig"};
	const char *p = alt->data;
	size_t n = alt->len;
	static const char *const articles[] = {"a ", "an ", "the "};
	for (size_t i = 0; i < 3; i++) {
		size_t l = strlen(articles[i]);
		if (n > l && memcmp(p, articles[i], l) == 0) {
			p += l;
			n -= l;
			break;
		}
	}
	/* a trailing number: "figure 2" */
	size_t e = n;
	while (e > 0 && p[e - 1] >= '0' && p[e - 1] <= '9')
		e--;
	if (e < n && e > 0 && p[e - 1] == ' ')
		n = e - 1;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], p, n) == 0)
			return true;
	return false;
}

void check_weak_alt(ast_doc *d)
{
	buf alt = BUF_INIT, other = BUF_INIT, plain = BUF_INIT;

	for (size_t i = 0; i < d->figures.n; i++) {
		const ast_node *f = d->figures.v[i];
		const ast_float *fl = ast_float_of(f->u.block);
		const ast_field *a = fl->f_alt;
		const ast_field *src = fl->f_src;
		const ast_field *cap = fl->f_caption;
		if (!a || !a->value.len)
			continue;	/* missing-field or bad-value */
		fold_words(a->value.p, a->value.len, &alt);
		const char *why = NULL;
		if (!alt.len || bare_medium(&alt))
			why = "only names the kind of image";
		if (!why && src && src->value.len) {
			const char *base = src->value.p, *slash;
			size_t n = src->value.len;
			while ((slash = memchr(base, '/', n)) != NULL) {
				n -= (size_t)(slash + 1 - base);
				base = slash + 1;
			}
			fold_words(base, n, &other);
			const char *dot = NULL;
			for (size_t j = n; j > 0 && !dot; j--)
				if (base[j - 1] == '.')
					dot = base + j - 1;
			if (same(&alt, &other))
				why = "is its file name";
			else if (dot) {
				fold_words(base, (size_t)(dot - base), &other);
				if (same(&alt, &other))
					why = "is its file name";
			}
		}
		if (!why && cap && cap->inl) {
			buf_clear(&plain);
			ast_plain_text(cap->inl, &plain);
			fold_words(plain.data ? plain.data : "", plain.len, &other);
			if (same(&alt, &other))
				why = "repeats its caption";
		}
		if (!why)
			continue;
		size_t k = diag_report(&d->diags, DC_WEAK_ALT, a->value_at,
				       "the alt text of %s %s",
				       check_block_title(d, f), why);
		diag_add_help(&d->diags, k, "describe what the image shows for a "
			      "reader who cannot see it: 'Bar chart: China "
			      "refines 68%% of nickel, Indonesia 12%%'");
	}
	buf_free(&alt);
	buf_free(&other);
	buf_free(&plain);
}
