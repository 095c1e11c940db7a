/*
 * render_refs.c - what references say and where they link ("Finding 2",
 * a source note "[3]" with its back-link anchor, a section's title, an
 * area's title), and the finding and recommendation cards: label, lead,
 * details, and the footer that links to the other side.
 */
#include <stdint.h>
#include <string.h>

#include "render_int.h"

/* ---- references ---- */

const char *render_node_id(const ast_node *n)
{
	const str *id = ast_node_id(n);
	return id && id->len ? id->p : NULL;
}

/* What a reference to t says, without the link. */
void render_label(render *r, const ast_node *t)
{
	switch (t->type) {
	case AST_HEADING:
		r->p->inlabel++;
		r->p->nolinks++;
		r->p->noexpand++;
		r->p->nonotes++;
		if (r->p->inlabel > 1) {
			/* a title that refers to a title: plain, no loop */
			buf_clear(&r->p->tmp);
			ast_plain_text(t, &r->p->tmp);
			render_litn(r, r->p->tmp.data, r->p->tmp.len);
		} else {
			render_inlines(r, t);
		}
		r->p->nonotes--;
		r->p->noexpand--;
		r->p->nolinks--;
		r->p->inlabel--;
		break;
	case AST_AREA:
		render_text(r, t->u.entry->value.p, t->u.entry->value.len, t->u.entry->value_at);
		break;
	case AST_BLOCK:
		if (t->u.block->kind == BK_FINDING)
			render_lit_num(r, "Finding ", t->u.block->number);
		else if (t->u.block->kind == BK_RECOMMENDATION)
			render_lit_num(r, "Recommendation ", t->u.block->number);
		else if (t->u.block->kind == BK_EVIDENCE)
			render_lit_num(r, "", t->u.block->number);
		else if (t->u.block->kind == BK_TABLE)
			render_lit_num(r, "Table ", t->u.block->number);
		else if (t->u.block->kind == BK_FIGURE)
			render_lit_num(r, "Figure ", t->u.block->number);
		else if (t->u.block->kind == BK_BOX && t->u.block->number)
			render_lit_num(r, "Box ", t->u.block->number);
		break;
	default:
		break;
	}
}

/* Whether t has an anchor to link to. */
static bool linkable(const render *r, const ast_node *t)
{
	if (t->type == AST_AREA) {
		return r->p->anchored[t->u.entry->index];
	}
	return render_node_id(t) != NULL;
}

void render_xref(render *r, const ast_node *t)
{
	if (r->p->nolinks || !linkable(r, t)) {
		render_label(r, t);
		return;
	}
	render_ev ev = {.el = RE_XREF, .entering = true,
			.href = render_node_id(t)};
	render_fire(r, &ev);
	render_label(r, t);
	ev.entering = false;
	render_fire(r, &ev);
}

/* The anchor of the k-th citation of evidence e, in p->id. */
const char *render_cite_anchor(render_priv *p, const ast_node *e, unsigned k)
{
	buf_clear(&p->id);
	buf_puts(&p->id, "cite.");
	buf_put(&p->id, e->u.block->id.p, e->u.block->id.len);
	buf_putc(&p->id, '.');
	buf_put_ulong(&p->id, k);
	return p->id.data;
}

/* A source note: the evidence's number, linked, with an anchor of its own
 * that the source list links back to. */
static void note(render *r, const ast_node *e)
{
	render_priv *p = r->p;
	long num = e->u.block->number;
	if (p->nolinks || num < 1 || (size_t)num > p->nsrc) {
		render_label(r, e);
		return;
	}
	render_ev ev = {.el = RE_NOTE, .entering = true,
			.href = e->u.block->id.p,
			.id = render_cite_anchor(p, e, ++p->cites[num - 1]),
			.number = num};
	render_fire(r, &ev);
	render_label(r, e);
	ev.entering = false;
	ev.id = NULL;
	render_fire(r, &ev);
}

/*
 * The targets of [@a; @b] or an ID list, in order: runs of evidence as one
 * bracketed group of notes "[1, 3]", everything else by its label; groups
 * separated by "; ".  A locator goes inside its source's note, "[3, p.
 * 4]", and then "; " separates the notes of the group: "[1, p. 4; 3]".
 */
void render_refs(render *r, const ast_idlist *l)
{
	bool open = false, located = false;
	for (size_t i = 0; i < l->n; i++) {
		const ast_node *t = l->v[i].target;
		const str *loc = &l->v[i].locator;
		if (ast_is_block(t, BK_EVIDENCE)) {
			render_lit(r, !open ? (i ? "; [" : "[") :
				   located || loc->len ? "; " : ", ");
			open = true;
			note(r, t);
			located = loc->len > 0;
			if (located) {
				render_lit(r, ", ");
				r->at = l->v[i].locator_at;
				render_litn(r, loc->p, loc->len);
			}
			continue;
		}
		located = false;
		if (open)
			render_lit(r, "]");
		open = false;
		if (i)
			render_lit(r, "; ");
		if (t)
			render_xref(r, t);
		else
			render_litn(r, l->v[i].id.p, l->v[i].id.len);
	}
	if (open)
		render_lit(r, "]");
}

/* ---- cards ---- */

static void meta_open(render *r, const char *name, const char *label, const char *value)
{
	render_ev ev = {.el = RE_META, .entering = true, .name = name,
			.label = label, .value = value};
	render_fire(r, &ev);
}

static void meta_close(render *r, const char *value)
{
	render_ev ev = {.el = RE_META, .value = value};
	render_fire(r, &ev);
}

static void meta_level(render *r, const char *name, const char *label, ast_level l)
{
	const char *v = ast_level_name(l);
	meta_open(r, name, label, v);
	render_lit(r, v);
	meta_close(r, v);
}

static void meta_text(render *r, const char *name, const char *label, const ast_field *f)
{
	meta_open(r, name, label, NULL);
	render_text_field(r, f);
	meta_close(r, NULL);
}

/* The card's own event, entering or leaving. */
static void card_event(render *r, const ast_node *b, bool entering)
{
	render_ev ev = {.el = RE_CARD, .entering = entering,
			.name = b->u.block->kind == BK_FINDING ? "finding" : "recommendation",
			.id = render_node_id(b), .number = b->u.block->number};
	render_fire(r, &ev);
}

static void card_open(render *r, const ast_node *b, const char *label,
		      const ast_field *lead)
{
	card_event(r, b, true);
	render_mark(r, RE_CARD_HEAD, true);
	render_mark(r, RE_CARD_LABEL, true);
	render_lit_num(r, label, b->u.block->number);
	render_mark(r, RE_CARD_LABEL, false);
	render_mark(r, RE_CARD_LEAD, true);
	render_field_inlines(r, lead);
	render_mark(r, RE_CARD_LEAD, false);
	render_mark(r, RE_CARD_HEAD, false);
}

static void finding_open(render *r, const ast_node *b)
{
	card_open(r, b, "Finding ", b->u.block->f_claim);
	bool conf = b->u.block->confidence != LV_NONE, ev = b->u.block->evidence.n > 0;
	if (!conf && !ev)
		return;
	r->p->noexpand++;
	render_mark(r, RE_CARD_META, true);
	if (conf)
		meta_level(r, "confidence", "Confidence", b->u.block->confidence);
	if (ev) {
		meta_open(r, "evidence", "Evidence", NULL);
		render_refs(r, &b->u.block->evidence);
		meta_close(r, NULL);
	}
	render_mark(r, RE_CARD_META, false);
	r->p->noexpand--;
}

static void recommendation_open(render *r, const ast_node *b)
{
	card_open(r, b, "Recommendation ", b->u.block->f_action);
	ast_field *fs = b->u.block->fields;
	const ast_field *actor = ast_field_get(fs, "actor"), *horizon = ast_field_get(fs, "horizon");
	r->p->noexpand++;
	render_mark(r, RE_CARD_META, true);
	meta_open(r, "area", "Area", NULL);
	if (b->u.block->area.target)
		render_xref(r, b->u.block->area.target);
	else
		render_litn(r, b->u.block->area.id.p, b->u.block->area.id.len);
	meta_close(r, NULL);
	if (render_has(actor))
		meta_text(r, "actor", "Actor", actor);
	if (b->u.block->priority != LV_NONE)
		meta_level(r, "priority", "Priority", b->u.block->priority);
	if (render_has(horizon))
		meta_text(r, "horizon", "Horizon", horizon);
	render_mark(r, RE_CARD_META, false);
	r->p->noexpand--;
}

/* The footer: the links to the other side. */
void render_card_close(render *r, const ast_node *b)
{
	if (b->u.block->kind == BK_FINDING && b->u.block->addressed_by.n) {
		const ast_vec *v = &b->u.block->addressed_by;
		render_mark(r, RE_CARD_FOOT, true);
		render_lit(r, "Addressed by ");
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				render_lit(r, i + 1 == v->n ? " and " : ", ");
			render_xref(r, v->v[i]);
		}
		render_lit(r, ".");
		render_mark(r, RE_CARD_FOOT, false);
	} else if (b->u.block->kind == BK_RECOMMENDATION) {
		/* only the findings: anything else is an error already reported */
		const ast_idlist *l = &b->u.block->addresses;
		size_t n = 0, k = 0;
		for (size_t i = 0; i < l->n; i++)
			n += ast_is_block(l->v[i].target, BK_FINDING);
		if (n) {
			render_mark(r, RE_CARD_FOOT, true);
			render_lit(r, "Addresses ");
			for (size_t i = 0; i < l->n; i++) {
				if (!ast_is_block(l->v[i].target, BK_FINDING))
					continue;
				if (k++)
					render_lit(r, k == n ? " and " : ", ");
				render_xref(r, l->v[i].target);
			}
			render_lit(r, ".");
			render_mark(r, RE_CARD_FOOT, false);
		}
	}
	card_event(r, b, false);
}

void render_card_open(render *r, const ast_node *b)
{
	if (b->u.block->kind == BK_FINDING)
		finding_open(r, b);
	else
		recommendation_open(r, b);
}
