/*
 * render.c - the one renderer walk behind the text backends.
 *
 * It decides what the reader sees, the same for every format: the title
 * block, the table of contents, sections, finding and recommendation cards
 * with their numbers and links both ways, what references say ("Finding
 * 2", a source note "[3]", a section's title), which use of an acronym is
 * spelled out, and the contents of the generated blocks.  Backends turn the
 * resulting events into syntax (render.h).
 *
 * This file has the walk over the tree and the frame around it (the title
 * block, the contents, sections) and the setup of the passes;
 * render_int.h names the other files of the renderer and what each does.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "render_int.h"
#include "utf8.h"
#include "xalloc.h"

/* ---- small helpers ---- */

/* The elements that contain blocks, which render_ev.depth counts. */
static const bool container[RE__COUNT] = {
	[RE_TOC] = true, [RE_LIST] = true, [RE_QUOTE] = true, [RE_CARD] = true,
	[RE_GEN_LIST] = true, [RE_SOURCES] = true, [RE_GLOSSARY] = true,
	[RE_BOX] = true, [RE_NOTES] = true,
};

void render_fire(render *r, render_ev *ev)
{
	if (container[ev->el] && !ev->entering)
		r->p->depth--;
	ev->depth = r->p->depth;
	ev->colon = render_word(r, I18N_LABEL_COLON);
	ev->colon_space = render_word(r, I18N_LABEL_SPACE);
	if (container[ev->el] && ev->entering)
		r->p->depth++;
	r->be->event(r, ev);
}

void render_mark(render *r, render_el e, bool entering)
{
	render_ev ev = {.el = e, .entering = entering};
	render_fire(r, &ev);
}

void render_litn(render *r, const char *s, size_t n)
{
	r->be->text(r, s, n);
}

void render_lit(render *r, const char *s)
{
	render_litn(r, s, strlen(s));
}

/* before (a short label) and v in decimal, as one piece of text; no
 * snprintf: every citation and card has a number. */
void render_lit_num(render *r, const char *before, long v)
{
	char t[64];
	size_t k = strlen(before);
	if (k > sizeof t - 24)
		k = sizeof t - 24;
	memcpy(t, before, k);
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	char d[24];
	size_t nd = 0;
	do {
		d[nd++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		t[k++] = '-';
	while (nd)
		t[k++] = d[--nd];
	render_litn(r, t, k);
}

str render_field_value(const ast_field *f)
{
	str s = {"", 0};
	return f ? f->value : s;
}

bool render_has(const ast_field *f)
{
	return f && f->value.len;
}

/* ---- the walk ---- */

static bool enter_node(render *r, const ast_node *n);
static void exit_node(render *r, const ast_node *n);

/* Pre-order over root's subtree, entering and leaving each node. */
static void walk(render *r, const ast_node *root)
{
	for (ast_iter it = ast_iter_start(root); ast_iter_next(&it);) {
		if (r->p->pass_over)
			return;
		if (it.entering)
			it.skip = !enter_node(r, it.node);
		else
			exit_node(r, it.node);
	}
}

void render_children(render *r, const ast_node *n)
{
	for (const ast_node *c = n ? n->first : NULL; c; c = c->next)
		walk(r, c);
}

/* The inline children of holder (a heading, a field's inlines) as one
 * piece of prose. */
void render_inlines(render *r, const ast_node *holder)
{
	render_acro_push(r, holder);
	render_children(r, holder);
	render_acro_pop(r);
}

/* The inlines of a field (its parsed text), or its plain value. */
void render_field_inlines(render *r, const ast_field *f)
{
	if (!f)
		return;
	if (f->inl)
		render_inlines(r, f->inl);
	else
		render_text_field(r, f);
}

/* ---- sections ---- */

static void sections_close(render *r, int level)
{
	render_priv *p = r->p;
	while (p->nsect > 0 && p->sect[p->nsect - 1] >= level) {
		render_ev ev = {.el = RE_SECTION, .level = p->sect[--p->nsect]};
		render_fire(r, &ev);
	}
}

static void section_open(render *r, int level, const char *id)
{
	sections_close(r, level);
	render_ev ev = {.el = RE_SECTION, .entering = true, .level = level,
			.id = id};
	render_fire(r, &ev);
	r->p->sect[r->p->nsect++] = level;
}

static int clamp_level(int level)
{
	return level < 1 ? 1 : level > 3 ? 3 : level;
}

/* ---- nodes ---- */

static bool link_live(const render *r, const ast_node *n)
{
	return r->p->nolinks == 0 && escape_url_live(n->u.link->url.p, n->u.link->url.len);
}

/* Whether paragraph n is an item's, in a tight list. */
static bool in_tight_item(const render_priv *p, const ast_node *n)
{
	return p->nlists && p->lists[p->nlists - 1].tight && n->parent &&
	       n->parent->type == AST_ITEM;
}

/* A list entered: what it and its items say. */
static void list_push(render_priv *p, const ast_node *l)
{
	const ast_node *prev = ast_prev(l);
	p->lists = xgrow(p->lists, &p->clists, p->nlists, sizeof *p->lists,
			 "the open lists");
	p->lists[p->nlists++] = (render_list){
		l->u.list->ordered ? l->u.list->start : 0, l->u.list->ordered,
		!l->u.list->loose,
		prev && prev->type == AST_LIST && prev->u.list->ordered == l->u.list->ordered,
		true};
}

/* The list facts of an event about a list or its item. */
static void list_facts(render_ev *ev, const render_list *l)
{
	ev->ordered = l->ordered;
	ev->tight = l->tight;
	ev->follows_list = l->follows_list;
}

static bool is_emph(const ast_node *n)
{
	return n && (n->type == AST_EMPH || n->type == AST_STRONG);
}

/* What touches emphasis n (render_flank). */
static void flank_of(const ast_node *n, render_flank *f)
{
	const ast_node *a = n->first, *z = ast_last(n), *x = n->next;
	f->first = a && a->type == AST_TEXT && a->tlen ? a->u.text[0] : 0;
	f->last = z && z->type == AST_TEXT && z->tlen ? z->u.text[z->tlen - 1] : 0;
	f->in_emph_first = !ast_prev(n) && is_emph(n->parent);
	f->in_emph_last = !x && is_emph(n->parent);
	f->next_char = 0;
	if (!x) {
		f->next = RN_END;
		return;
	}
	/* an inline's siblings are inlines */
	static const render_next next_of[AST__COUNT] = {
		[AST_TEXT] = RN_TEXT, [AST_SOFTBREAK] = RN_BREAK, [AST_EMPH] = RN_EMPH,
		[AST_STRONG] = RN_EMPH, [AST_CODE] = RN_CODE, [AST_LINK] = RN_LINK,
		[AST_REF] = RN_REF,
	};
	f->next = next_of[x->type];
	if (x->type == AST_TEXT && x->tlen)
		f->next_char = x->u.text[0];
}

static bool enter_block(render *r, const ast_node *n)
{
	switch (n->u.block->kind) {
	case BK_FINDING:
	case BK_RECOMMENDATION:
		render_card_open(r, n);
		return true;
	case BK_RECOMMENDATIONS:
	case BK_FINDINGS:
	case BK_SOURCES:
	case BK_GLOSSARY:
		render_generated(r, n);
		return false;
	case BK_TABLE:
		render_table(r, n);
		return false;
	case BK_FIGURE:
		render_figure(r, n);
		return false;
	case BK_MAP:
		render_map(r, n);
		return false;
	case BK_BOX:
		render_box_open(r, n);
		return true;
	default:		/* evidence, acronyms, areas: shown elsewhere */
		return false;
	}
}

static bool enter_node(render *r, const ast_node *n)
{
	render_priv *p = r->p;
	render_ev ev = {.entering = true};
	switch (n->type) {
	case AST_DOCUMENT:
		return true;
	case AST_HEADING:
		ev.el = RE_HEADING;
		ev.level = clamp_level(n->u.heading->level);
		if (n->parent && n->parent->type == AST_DOCUMENT)
			section_open(r, ev.level, render_node_id(n));
		else
			ev.id = render_node_id(n);
		render_fire(r, &ev);
		p->nolinks++;
		p->noexpand++;
		render_acro_push(r, n);
		return true;
	case AST_PARAGRAPH:
		ev.el = RE_PARAGRAPH;
		ev.tight = in_tight_item(p, n);
		render_fire(r, &ev);
		render_acro_push(r, n);
		return true;
	case AST_LIST:
		ev.el = RE_LIST;
		list_push(p, n);
		list_facts(&ev, &p->lists[p->nlists - 1]);
		ev.number = p->lists[p->nlists - 1].next;
		render_fire(r, &ev);
		return true;
	case AST_ITEM:
		ev.el = RE_ITEM;
		if (p->nlists) {
			render_list *l = &p->lists[p->nlists - 1];
			list_facts(&ev, l);
			ev.first = l->first;
			ev.number = l->next++;
			l->first = false;
		}
		render_fire(r, &ev);
		return true;
	case AST_QUOTE:
		ev.el = RE_QUOTE;
		render_fire(r, &ev);
		return true;
	case AST_BLOCK:
		return enter_block(r, n);
	case AST_TEXT:
		render_text_node(r, n);
		return false;
	case AST_SOFTBREAK:
		ev.el = RE_SOFTBREAK;
		render_fire(r, &ev);
		return false;
	case AST_EMPH:
	case AST_STRONG:
		ev.el = n->type == AST_EMPH ? RE_EMPH : RE_STRONG;
		flank_of(n, &ev.flank);
		render_fire(r, &ev);
		return true;
	case AST_CODE:
		ev.el = RE_CODE;
		ev.text = ast_text(n);
		r->at = n->at;
		render_fire(r, &ev);
		return false;
	case AST_LINK:
		if (link_live(r, n)) {
			ev.el = RE_LINK;
			ev.text = n->u.link->url;
			render_fire(r, &ev);
		}
		p->nolinks++;	/* no link inside a link */
		p->inlink++;
		return true;
	case AST_REF:
		render_refs(r, &n->u.ref->ids);
		return false;
	case AST_FNREF:
		render_note_mark(r, n);
		return false;
	default:		/* a note's definition: at its marks, or listed */
		return false;
	}
}

static void exit_node(render *r, const ast_node *n)
{
	render_priv *p = r->p;
	render_ev ev = {0};
	switch (n->type) {
	case AST_HEADING:
		render_acro_pop(r);
		p->nolinks--;
		p->noexpand--;
		ev.el = RE_HEADING;
		ev.level = clamp_level(n->u.heading->level);
		if (!(n->parent && n->parent->type == AST_DOCUMENT))
			ev.id = render_node_id(n);
		buf_clear(&p->plain);
		if (r->be != &render_null_backend)
			render_plain(r->doc, n, &p->plain);
		ev.text.p = p->plain.data ? p->plain.data : "";
		ev.text.len = p->plain.len;
		break;
	case AST_PARAGRAPH:
		render_acro_pop(r);
		ev.el = RE_PARAGRAPH;
		ev.tight = in_tight_item(p, n);
		break;
	case AST_LIST: {
		render_list *l = &p->lists[--p->nlists];
		ev.el = RE_LIST;
		list_facts(&ev, l);
		ev.number = n->u.list->ordered ? n->u.list->start : 0;
		break;
	}
	case AST_ITEM:
		ev.el = RE_ITEM;
		if (p->nlists)
			list_facts(&ev, &p->lists[p->nlists - 1]);
		break;
	case AST_QUOTE:
		ev.el = RE_QUOTE;
		break;
	case AST_BLOCK:
		if (n->u.block->kind == BK_FINDING || n->u.block->kind == BK_RECOMMENDATION)
			render_card_close(r, n);
		else if (n->u.block->kind == BK_BOX)
			render_box_close(r, n);
		return;
	case AST_EMPH:
		ev.el = RE_EMPH;
		break;
	case AST_STRONG:
		ev.el = RE_STRONG;
		break;
	case AST_LINK:
		p->nolinks--;
		p->inlink--;
		if (!link_live(r, n))
			return;
		ev.el = RE_LINK;
		ev.text = n->u.link->url;
		break;
	default:
		return;
	}
	render_fire(r, &ev);
}

const char *render_word(const render *r, i18n_word w)
{
	return i18n_word_of(r->p->lang, w);
}

void render_lit_word(render *r, i18n_word w)
{
	render_lit(r, render_word(r, w));
}

void render_lit_label(render *r, i18n_word w, long v)
{
	char t[48];
	const char *word = render_word(r, w);
	size_t k = strlen(word);
	/* every label word is short (test_i18n.c): never cut */
	if (k + 2 > sizeof t)
		k = 0;
	memcpy(t, word, k);
	t[k] = ' ';
	t[k + 1] = '\0';
	render_lit_num(r, t, v);
}

void render_lit_joiner(render *r, size_t i, size_t n)
{
	if (i)
		render_lit_word(r, i + 1 == n ? I18N_AND : I18N_LIST_SEP);
}

/* ---- the frame ---- */

static void header(render *r)
{
	const ast_meta *m = &r->doc->meta;
	render_priv *p = r->p;
	render_mark(r, RE_HEADER, true);
	p->nolinks++;
	p->noexpand++;
	if (render_has(m->logo))
		render_logo(r, m->logo, render_has(m->organization) ?
			    m->organization->value.p : render_word(r, I18N_LOGO));
	if (render_has(m->organization)) {
		render_mark(r, RE_ORGANIZATION, true);
		render_name(r, m->organization->value.p, m->organization->value.len,
			    m->organization->value_at);
		render_mark(r, RE_ORGANIZATION, false);
	}
	if (render_has(m->series) || render_has(m->number)) {
		render_mark(r, RE_SERIES, true);
		if (render_has(m->series))
			render_name(r, m->series->value.p, m->series->value.len,
				    m->series->value_at);
		if (render_has(m->number)) {
			if (render_has(m->series))
				render_lit(r, " ");
			render_mark(r, RE_SERIES_NUMBER, true);
			render_name(r, m->number->value.p, m->number->value.len,
				    m->number->value_at);
			render_mark(r, RE_SERIES_NUMBER, false);
		}
		render_mark(r, RE_SERIES, false);
	}
	render_mark(r, RE_TITLE, true);
	render_field_inlines(r, m->title);
	render_mark(r, RE_TITLE, false);
	if (render_has(m->subtitle)) {
		render_mark(r, RE_SUBTITLE, true);
		render_field_inlines(r, m->subtitle);
		render_mark(r, RE_SUBTITLE, false);
	}
	if (m->nauthors) {
		render_mark(r, RE_AUTHORS, true);
		for (size_t i = 0; i < m->nauthors; i++) {
			render_lit_joiner(r, i, m->nauthors);
			render_name(r, m->author_names[i].p, m->author_names[i].len,
				    m->authors->value_at);
			const str *aff = m->affiliations ? &m->affiliations[i] : NULL;
			if (aff && aff->len) {
				render_lit(r, " (");
				render_mark(r, RE_AFFILIATION, true);
				render_name(r, aff->p, aff->len, m->authors->value_at);
				render_mark(r, RE_AFFILIATION, false);
				render_lit(r, ")");
			}
		}
		render_mark(r, RE_AUTHORS, false);
	}
	const ast_field *dates[] = {m->date, m->updated};
	for (int i = 0; i < 2; i++) {
		if (!render_has(dates[i]))
			continue;
		render_ev ev = {.el = i ? RE_UPDATED : RE_DATE, .entering = true,
				.text = dates[i]->value,
				.label = !i ? NULL : render_word(r, dates[i]->value.len == 10 ?
							      I18N_UPDATED_DAY : I18N_UPDATED)};
		render_fire(r, &ev);
		render_lit_date(r, dates[i]);
		ev.entering = false;
		render_fire(r, &ev);
	}
	if (render_has(m->version)) {
		render_ev ev = {.el = RE_VERSION, .entering = true, .label = render_word(r, I18N_VERSION)};
		render_fire(r, &ev);
		render_name(r, m->version->value.p, m->version->value.len,
			    m->version->value_at);
		ev.entering = false;
		render_fire(r, &ev);
	}
	if (!m->final) {
		render_mark(r, RE_STATUS, true);
		render_lit_word(r, I18N_DRAFT);
		render_mark(r, RE_STATUS, false);
	}
	p->noexpand--;
	p->nolinks--;
	render_mark(r, RE_HEADER, false);
}

#define SOURCES_ID "brief.sources"
#define CONTENTS_ID "brief.contents"

static bool appends_sources(const ast_doc *d)
{
	return !d->has_sources_block && d->sources.n;
}

/* A heading with no ID (an empty {#}, an error) has nothing to link to. */
static bool in_toc(const ast_node *h)
{
	return h->parent && h->parent->type == AST_DOCUMENT && h->u.heading->level <= 2 &&
	       render_node_id(h);
}

static void toc_entry(render *r, int level, const char *href, const ast_node *h)
{
	render_ev ev = {.el = RE_TOC_ENTRY, .entering = true, .level = level,
			.href = href};
	render_fire(r, &ev);
	if (h)
		render_inlines(r, h);
	else
		render_lit_word(r, I18N_SOURCES);
	ev.entering = false;
	render_fire(r, &ev);
}

/* The table of contents: the first two heading levels, when toc: says
 * yes, or (auto) when the brief has 4 or more headings (contract 11.7). */
static void toc(render *r)
{
	const ast_doc *d = r->doc;
	size_t n = appends_sources(d);
	for (size_t i = 0; i < d->headings.n; i++)
		n += in_toc(d->headings.v[i]);
	if (!n || d->meta.toc_mode == TOC_NO ||
	    (d->meta.toc_mode == TOC_AUTO && d->headings.n < 4))
		return;
	render_ev ev = {.el = RE_TOC, .entering = true, .id = CONTENTS_ID,
			.label = render_word(r, I18N_CONTENTS)};
	render_fire(r, &ev);
	r->p->nolinks++;
	r->p->noexpand++;
	r->p->nonotes++;
	for (size_t i = 0; i < d->headings.n; i++) {
		const ast_node *h = d->headings.v[i];
		if (in_toc(h))
			toc_entry(r, h->u.heading->level, render_node_id(h), h);
	}
	if (appends_sources(d))
		toc_entry(r, 1, SOURCES_ID, NULL);
	r->p->nonotes--;
	r->p->noexpand--;
	r->p->nolinks--;
	ev.entering = false;
	ev.id = NULL;
	render_fire(r, &ev);
}

/* A section briefc adds at the end, and its heading. */
static void generated_section(render *r, const char *id, const char *title)
{
	section_open(r, 1, id);
	render_ev ev = {.el = RE_HEADING, .entering = true, .level = 1,
			.label = title};
	render_fire(r, &ev);
	render_lit(r, title);
	ev.entering = false;
	ev.text.p = title;
	ev.text.len = strlen(title);
	render_fire(r, &ev);
}

static void document(render *r)
{
	const ast_doc *d = r->doc;
	render_ev doc = {.el = RE_DOCUMENT, .entering = true,
			.meta = &r->p->meta};
	render_fire(r, &doc);
	header(r);
	toc(r);
	render_mark(r, RE_MAIN, true);
	if (d->root)
		render_children(r, d->root);
	if (r->p->pass_over)
		return;		/* a first pass that has learnt all it wanted */
	if (render_notes_due(r)) {
		sections_close(r, 1);
		render_notes(r, RENDER_NOTES_ID, render_word(r, I18N_NOTES), 1);
	}
	if (appends_sources(d)) {
		generated_section(r, SOURCES_ID, render_word(r, I18N_SOURCES));
		/* without a first pass, the citations so far are all there are */
		if (!r->p->counted)
			memcpy(r->p->cites_total, r->p->cites,
			       r->p->nsrc * sizeof *r->p->cites);
		render_sources(r);
	}
	sections_close(r, 1);
	render_mark(r, RE_MAIN, false);
	doc.entering = false;
	render_fire(r, &doc);
}

/* ---- setup ---- */

const i18n_lang *render_doc_lang(const ast_doc *d)
{
	const ast_field *l = d->meta.lang;
	return l && l->value.len ? i18n_lookup(l->value.p, l->value.len, NULL) : i18n_default();
}

static void priv_init(render_priv *p, const ast_doc *d)
{
	memset(p, 0, sizeof *p);
	p->lang = render_doc_lang(d);
	render_acro_init(p, d);
	p->nsrc = d->sources.n;
	p->cites = xcalloc(p->nsrc, sizeof *p->cites, "the citation counts");
	p->cites_total = xcalloc(p->nsrc, sizeof *p->cites_total,
				 "the citation counts");
	p->anchor_done = xcalloc(d->areas.n, sizeof *p->anchor_done, "the areas");
	p->anchored = xcalloc(d->areas.n, sizeof *p->anchored, "the areas");
	for (size_t i = 0; i < d->recommendations.n; i++)
		p->nother += render_of_no_area(d->recommendations.v[i]);
	render_notes_init(p, d);
}

static void priv_free(render_priv *p)
{
	render_acro_free(p);
	render_notes_free(p);
	free(p->cites);
	free(p->cites_total);
	free(p->anchor_done);
	free(p->anchored);
	free(p->lists);
	free(p->bad);
	buf_free(&p->title);
	buf_free(&p->subtitle);
	buf_free(&p->description);
	buf_free(&p->plain);
	buf_free(&p->id);
	buf_free(&p->tmp);
	buf_free(&p->map);
	buf_free(&p->map_cuts);
	free(p->map_ends);
}

static void pass_reset(render_priv *p, const ast_doc *d)
{
	render_acro_reset(p);
	render_notes_reset(p);
	memset(p->cites, 0, p->nsrc * sizeof *p->cites);
	memset(p->anchor_done, 0, d->areas.n * sizeof *p->anchor_done);
	p->nlists = 0;
	p->depth = 0;
	p->nsect = 0;
	p->nolinks = p->noexpand = p->inlabel = p->inlink = 0;
}

static void null_event(render *r, const render_ev *ev)
{
	(void)r, (void)ev;
}

static void null_text(render *r, const char *s, size_t n)
{
	(void)r, (void)s, (void)n;
}

/*
 * What the first pass counts is kept here, not by the backend, and a
 * backend starts afresh at RE_DOCUMENT: so the first pass needs no
 * backend at all, and writes nothing.
 */
const render_backend render_null_backend = {null_event, null_text, false, false, false};

static bool has_block(const ast_doc *d, ast_block_kind k)
{
	for (size_t i = 0; i < d->blocks.n; i++)
		if (d->blocks.v[i]->u.block->kind == k)
			return true;
	return false;
}

/* What the page's head and the PDF's properties show (render_meta). */
static void meta_init(render *r)
{
	const ast_doc *d = r->doc;
	render_priv *p = r->p;
	render_meta *m = &p->meta;
	if (d->meta.title && d->meta.title->inl)
		render_plain(d, d->meta.title->inl, &p->title);
	m->title.p = p->title.data ? p->title.data : "";
	m->title.len = p->title.len;
	m->title_at = d->meta.title ? d->meta.title->value_at : span_make(0, 0);
	if (d->meta.subtitle && d->meta.subtitle->inl)
		render_plain(d, d->meta.subtitle->inl, &p->subtitle);
	m->subtitle.p = p->subtitle.data ? p->subtitle.data : "";
	m->subtitle.len = p->subtitle.len;
	static const str none = {"", 0};
	m->organization = d->meta.organization ? d->meta.organization->value : none;
	m->date = d->meta.date ? d->meta.date->value : none;
	render_description(d, 200, &p->description);
	m->description.p = p->description.data ? p->description.data : "";
	m->description.len = p->description.len;
	m->authors = d->meta.author_names;
	m->nauthors = d->meta.nauthors;
	m->authors_at = d->meta.authors ? d->meta.authors->value_at : span_make(0, 0);
	if (d->meta.lang && d->meta.lang->value.len) {
		m->lang = d->meta.lang->value;
		m->lang_at = d->meta.lang->value_at;
	} else {
		m->lang.p = "en";
		m->lang.len = 2;
	}
	m->letter = d->meta.letter;
}

int render_run(const ast_doc *d, const render_options *o, const render_backend *be,
	       void *state, buf *out)
{
	static const render_options defaults = {false};
	render_priv p;
	priv_init(&p, d);
	buf scratch = BUF_INIT;
	render r = {d, o ? o : &defaults, &render_null_backend, state, &scratch, {0, 0}, &p};
	/*
	 * The first pass counts what later text must know before it is
	 * written: the citations of each source, for the back-links of a
	 * source list that comes before the end; the area groups that a
	 * recommendations block anchors, for links to them; and which
	 * acronyms have a use that reads well spelled out (render_text.c).
	 * A brief whose sources are listed at the end, that has no
	 * recommendations block and declares no acronym needs none of it:
	 * anchored stays false, and the list at the end takes the counts as
	 * they are by then.
	 */
	bool counts = d->has_sources_block || has_block(d, BK_RECOMMENDATIONS);
	p.acr_looking = p.acr.n > 0;
	p.acr_only = !counts;
	p.counted = counts || p.acr_looking;
	if (p.counted) {
		pass_reset(&p, d);
		document(&r);
		memcpy(p.cites_total, p.cites, p.nsrc * sizeof *p.cites);
		memcpy(p.anchored, p.anchor_done, d->areas.n * sizeof *p.anchored);
		memcpy(p.note_marks_total, p.note_marks, p.nnotes * sizeof *p.note_marks);
		/* cut short once every acronym had a use that reads well
		 * (render_text.c): its counts are partial, and the lists at
		 * the end take theirs as they are by then, as with none */
		if (p.pass_over)
			p.counted = false;
		p.pass_over = false;
	}
	buf_free(&scratch);
	r.be = be;
	r.out = out;
	/* before anything is written: a map that cannot be drawn is an
	 * error, and the output is not made */
	int mrc = render_map_prepare(&r);
	pass_reset(&p, d);
	meta_init(&r);
	document(&r);
	int rc = p.nbad || mrc ? 1 : 0;
	priv_free(&p);
	return rc;
}

/* One error per code point, at its first place: where in the text being
 * written (r->at) the character's bytes are, from off on if they are
 * there, else from the start. */
void render_bad_char(render *r, size_t off, uint32_t cp, uint32_t key, const char *why,
		     const char *help)
{
	render_priv *p = r->p;
	for (size_t i = 0; i < p->nbad; i++)
		if (p->bad[i] == key)
			return;
	p->bad = xgrow(p->bad, &p->cbad, p->nbad, sizeof *p->bad,
		       "the characters reported");
	p->bad[p->nbad++] = key;
	const source *src = &r->doc->src;
	char u[4];
	size_t ulen = utf8_encode(cp, u);
	span at = r->at;
	uint32_t from = at.start + (uint32_t)off;
	if (from >= at.end)
		from = at.start;
	for (int pass = 0; pass < 2 && src->text; pass++) {
		for (uint32_t i = pass ? at.start : from; i + ulen <= at.end && i + ulen <= src->len; i++)
			if (memcmp(src->text + i, u, ulen) == 0) {
				at = span_make(i, i + (uint32_t)ulen);
				pass = 2;
				break;
			}
	}
	diag_list *dl = &((ast_doc *)r->doc)->diags;
	size_t k = diag_report(dl, DC_BAD_ENCODING, at,
			       "character U+%04X '%.*s' %s", (unsigned)cp, (int)ulen, u, why);
	if (help)
		diag_add_help(dl, k, "%s", help);
}

