/*
 * render_gen.c - the generated blocks: ::: recommendations (grouped by
 * area), ::: findings, the list of sources (where ::: sources stands, or
 * appended) with each source's citation back-links, and ::: glossary.
 */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "render_int.h"
#include "xalloc.h"

/* ---- generated blocks ---- */

static void gen_open(render *r, const char *name)
{
	render_ev ev = {.el = RE_GENERATED, .entering = true, .name = name};
	render_fire(r, &ev);
}

static void gen_item(render *r, const ast_node *b, const ast_field *text)
{
	render_ev ev = {.el = RE_GEN_ITEM, .entering = true,
			.number = b->u.block->number,
			.href = render_node_id(b)};
	render_fire(r, &ev);
	render_mark(r, RE_GEN_LABEL, true);
	render_xref(r, b);
	render_mark(r, RE_GEN_LABEL, false);
	render_mark(r, RE_GEN_TEXT, true);
	r->p->nonotes++;	/* the notes are the card's */
	render_field_inlines(r, text);
	r->p->nonotes--;
	render_mark(r, RE_GEN_TEXT, false);
	ev.entering = false;
	render_fire(r, &ev);
}

/* The recommendations of an area, or (area NULL) of no known area. */
static void gen_group(render *r, const ast_node *area)
{
	const ast_doc *d = r->doc;
	render_priv *p = r->p;
	size_t a = area ? area->u.entry->index : 0;
	render_ev ev = {.el = RE_GROUP, .entering = true};
	if (area && !p->anchor_done[a]) {
		p->anchor_done[a] = true;
		ev.id = area->u.entry->key.p;
	}
	render_fire(r, &ev);
	render_mark(r, RE_GROUP_TITLE, true);
	p->noexpand++;
	if (area)
		render_text(r, area->u.entry->value.p, area->u.entry->value.len, area->u.entry->value_at);
	else
		render_lit(r, "Other recommendations");
	p->noexpand--;
	render_mark(r, RE_GROUP_TITLE, false);
	render_mark(r, RE_GEN_LIST, true);
	const ast_vec *v = area ? &area->u.entry->recommendations : &d->recommendations;
	for (size_t i = 0; i < v->n; i++)
		if (area || render_of_no_area(v->v[i]))
			gen_item(r, v->v[i], v->v[i]->u.block->f_action);
	render_mark(r, RE_GEN_LIST, false);
	ev.entering = false;
	ev.id = NULL;
	render_fire(r, &ev);
}

/* ::: recommendations [area: ID]: grouped by area, areas in their order. */
static void gen_recommendations(render *r, const ast_node *blk)
{
	const ast_doc *d = r->doc;
	const ast_node *only = NULL;	/* no filter */
	if (blk->u.block->area.id.len) {
		only = blk->u.block->area.target;
		if (!only || only->type != AST_AREA || !only->u.entry->recommendations.n)
			return;
	} else if (!d->recommendations.n) {
		return;
	}
	gen_open(r, "recommendations");
	for (size_t a = 0; a < d->areas.n; a++) {
		const ast_node *area = d->areas.v[a];
		if ((!only || area == only) && area->u.entry->recommendations.n)
			gen_group(r, area);
	}
	if (!only && r->p->nother)
		gen_group(r, NULL);
	render_mark(r, RE_GENERATED, false);
}

static void gen_findings(render *r)
{
	const ast_vec *f = &r->doc->findings;
	if (!f->n)
		return;
	gen_open(r, "findings");
	render_mark(r, RE_GEN_LIST, true);
	for (size_t i = 0; i < f->n; i++)
		gen_item(r, f->v[i], f->v[i]->u.block->f_claim);
	render_mark(r, RE_GEN_LIST, false);
	render_mark(r, RE_GENERATED, false);
}

static bool ends_sentence(const buf *b)
{
	return b->len && strchr(".?!", b->data[b->len - 1]);
}

/* One entry of the source list: "[3] Authors. Title. Publisher, date
 * (type). URL. Accessed date." then the evidence's own note. */
static void gen_source(render *r, const ast_node *e)
{
	render_priv *p = r->p;
	ast_field *fs = e->u.block->fields;
	const ast_field *authors = ast_field_get(fs, "authors"),
		*publisher = ast_field_get(fs, "publisher"), *date = ast_field_get(fs, "date"),
		*type = ast_field_get(fs, "type"), *url = ast_field_get(fs, "url"),
		*accessed = ast_field_get(fs, "accessed");
	if (type && strcmp(type->value.p, "other") == 0)
		type = NULL;	/* says nothing to a reader */
	long num = e->u.block->number;
	render_ev ev = {.el = RE_SOURCE, .entering = true,
			.id = render_node_id(e), .number = num};
	render_fire(r, &ev);
	render_mark(r, RE_SOURCE_LABEL, true);
	render_lit_num(r, "[", num);
	render_lit(r, "]");
	render_mark(r, RE_SOURCE_LABEL, false);
	render_lit(r, " ");
	p->noexpand++;
	if (render_has(authors)) {
		render_name(r, authors->value.p, authors->value.len, authors->value_at);
		render_lit(r, ". ");
	}
	render_mark(r, RE_SOURCE_TITLE, true);
	render_field_inlines(r, e->u.block->f_title);
	render_mark(r, RE_SOURCE_TITLE, false);
	buf_clear(&p->tmp);
	if (e->u.block->f_title && e->u.block->f_title->inl)
		render_plain(r->doc, e->u.block->f_title->inl, &p->tmp);
	else
		buf_put(&p->tmp, render_field_value(e->u.block->f_title).p, render_field_value(e->u.block->f_title).len);
	if (!ends_sentence(&p->tmp))
		render_lit(r, ".");
	if (render_has(publisher) || render_has(date) || render_has(type)) {
		render_lit(r, " ");
		if (render_has(publisher))
			render_text_field(r, publisher);
		if (render_has(date)) {
			if (render_has(publisher))
				render_lit(r, ", ");
			render_lit_date(r, date);
		}
		if (render_has(type)) {
			render_lit(r, render_has(publisher) || render_has(date) ? " (" : "(");
			render_text_field(r, type);
			render_lit(r, ")");
		}
		render_lit(r, ".");
	}
	if (render_has(url)) {
		render_lit(r, " ");
		render_ev lk = {.el = RE_LINK, .text = url->value};
		bool live = !p->nolinks && escape_url_live(url->value.p, url->value.len);
		if (live) {
			lk.entering = true;
			render_fire(r, &lk);
		}
		r->at = url->value_at;
		render_litn(r, url->value.p, url->value.len);
		if (live) {
			lk.entering = false;
			render_fire(r, &lk);
		}
	}
	if (render_has(accessed)) {
		render_lit(r, " Accessed ");
		render_lit_date(r, accessed);
		render_lit(r, ".");
	}
	unsigned total = num >= 1 && (size_t)num <= p->nsrc ? p->cites_total[num - 1] : 0;
	for (unsigned k = 1; k <= total && !p->nolinks; k++) {
		render_ev bl = {.el = RE_BACKLINK, .entering = true,
				.href = render_cite_anchor(p, e, k),
				.number = k};
		render_fire(r, &bl);
	}
	/* the evidence's note too: the checks count no use in evidence,
	 * so none is spelled out there */
	render_children(r, e);
	p->noexpand--;
	ev.entering = false;
	ev.id = NULL;
	render_fire(r, &ev);
}

void render_sources(render *r)
{
	const ast_vec *s = &r->doc->sources;
	if (!s->n)
		return;
	render_mark(r, RE_SOURCES, true);
	for (size_t i = 0; i < s->n; i++)
		gen_source(r, s->v[i]);
	render_mark(r, RE_SOURCES, false);
}

static int acro_cmp(const void *a, const void *b)
{
	const ast_node *x = *(const ast_node *const *)a, *y = *(const ast_node *const *)b;
	const str *kx = &x->u.entry->key, *ky = &y->u.entry->key;
	int c = memcmp(kx->p, ky->p, kx->len < ky->len ? kx->len : ky->len);
	if (c)
		return c;
	if (kx->len != ky->len)
		return kx->len < ky->len ? -1 : 1;
	/* equal keys: document order, which is address order in the arena
	 * only by accident, so compare the source positions */
	return x->at.start < y->at.start ? -1 : x->at.start > y->at.start;
}

/* ::: glossary: the acronyms in alphabetical order. */
static void gen_glossary(render *r)
{
	const ast_vec *a = &r->doc->acronyms;
	if (!a->n)
		return;
	const ast_node **v = xreallocarray(NULL, a->n, sizeof *v, "the glossary");
	memcpy(v, a->v, a->n * sizeof *v);
	qsort(v, a->n, sizeof *v, acro_cmp);
	render_mark(r, RE_GLOSSARY, true);
	r->p->noexpand++;
	for (size_t i = 0; i < a->n; i++) {
		const str *k = &v[i]->u.entry->key, *x = &v[i]->u.entry->value;
		render_mark(r, RE_GLOSS_TERM, true);
		r->at = v[i]->u.entry->key_at;
		render_litn(r, k->p, k->len);
		render_mark(r, RE_GLOSS_TERM, false);
		render_mark(r, RE_GLOSS_DEF, true);
		r->at = v[i]->u.entry->value_at;
		render_litn(r, x->p, x->len);
		render_mark(r, RE_GLOSS_DEF, false);
	}
	r->p->noexpand--;
	render_mark(r, RE_GLOSSARY, false);
	free(v);
}

void render_generated(render *r, const ast_node *b)
{
	switch (b->u.block->kind) {
	case BK_RECOMMENDATIONS:
		gen_recommendations(r, b);
		break;
	case BK_FINDINGS:
		gen_findings(r);
		break;
	case BK_SOURCES:
		render_notes(r, RENDER_NOTES_ID, "Notes", 2);
		render_sources(r);
		break;
	case BK_GLOSSARY:
		gen_glossary(r);
		break;
	default:
		break;
	}
}
