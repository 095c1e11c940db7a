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
 * Acronyms: every use is an RE_ABBR; the first use in running text is
 * preceded by its expansion, "Republic of Korea (ROK)", unless the author
 * wrote the acronym in parentheses right there ("... Korea (ROK)").
 * Headings, the title block, the table of contents, card details and
 * source entries are not running text; nor is a use inside a hyphenated
 * compound (US-ROK), which keeps the expansion for the first use that
 * reads well spelled out.
 */
#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

typedef struct acro {
	const ast_node *node;	/* AST_ACRONYM; NULL: empty slot */
	bool done;		/* spelled out already */
} acro;

typedef struct area_ix {
	const ast_node *node;
	size_t ix;
} area_ix;

struct render_priv {
	acro *acr;		/* open addressing on the abbreviation */
	size_t acap;
	bool afirst[256];	/* the first bytes of the abbreviations */
	bool aupper;		/* ... all capital letters (the usual case) */
	unsigned *cites;	/* by source number: citations written so far */
	unsigned *cites_total;	/* ... and in the whole first pass */
	bool counted;		/* the first pass ran (render_run) */
	size_t nsrc;
	area_ix *areas;		/* sorted by node address, for lookups */
	bool *anchor_done;	/* by area index: its group anchor written */
	bool *anchored;		/* ... somewhere in the first pass */
	size_t *bucket_head;	/* by area index (last: no area): first rec */
	size_t *bucket_next;	/* by rec index: next rec of the same area */
	long *items;		/* item counters of the open lists */
	size_t nitems, icap;
	int sect[3];		/* levels of the open sections */
	int nsect;
	unsigned nolinks;	/* > 0: references and links are plain text */
	unsigned noexpand;	/* > 0: not running text */
	unsigned inlabel;	/* > 0: writing a section title as a label */
	char last;		/* last non-blank character of the paragraph */
	buf id;			/* generated anchors */
	buf tmp;
};

/* ---- small helpers ---- */

static void fire(render *r, render_ev *ev)
{
	r->be->event(r, ev);
}

static void el(render *r, render_el e, bool entering)
{
	render_ev ev = {0};
	ev.el = e;
	ev.entering = entering;
	fire(r, &ev);
}

static void litn(render *r, const char *s, size_t n)
{
	r->be->text(r, s, n);
	for (size_t i = n; i > 0; i--)
		if (s[i - 1] != ' ') {
			r->p->last = s[i - 1];
			break;
		}
}

static void lit(render *r, const char *s)
{
	litn(r, s, strlen(s));
}

/* before (a short label) and v in decimal, as one piece of text; no
 * snprintf: every citation and card has a number. */
static void lit_num(render *r, const char *before, long v)
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
	litn(r, t, k);
}

/* A date field, spelled out ("1 February 2024"). */
static void lit_date(render *r, const ast_field *f)
{
	buf t = BUF_INIT;
	render_date(f->value.p, f->value.len, &t);
	r->at = f->value_at;
	litn(r, t.data ? t.data : "", t.len);
	buf_free(&t);
}

static str field_value(const ast_field *f)
{
	str s = {"", 0};
	return f ? f->value : s;
}

static bool has(const ast_field *f)
{
	return f && f->value.len;
}

/* ---- acronyms ---- */

static size_t hash(const char *s, size_t n)
{
	size_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Characters that make up words, the unit acronyms are looked up by:
 * letters and digits, every script; not punctuation or symbols. */
static bool is_word(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	if (c < 0xC0)
		return c == 0xAA || c == 0xB5 || c == 0xBA;
	if (c == 0xD7 || c == 0xF7)
		return false;
	return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) &&
	       !(c >= 0xFE30 && c <= 0xFE4F) && !(c >= 0xFF00 && c <= 0xFF0F) &&
	       c != 0xFEFF && c != 0xFFFD;
}

/* Whether the character at s[i] is a word character; *len its length. */
static inline bool word_at(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*len = 1;
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		       (c >= 'a' && c <= 'z');
	}
	return is_word(escape_utf8_decode(s + i, n - i, len));
}

/* Whether the character that ends just before s[i] is a word character
 * (the text is UTF-8, as the loader made it). */
static bool word_before(const char *s, size_t i)
{
	if (i == 0)
		return false;
	size_t k = i - 1, len;
	while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return word_at(s + k, i - k, 0, &len) && k + len == i;
}

static bool all_word(const char *s, size_t n)
{
	for (size_t i = 0, len; i < n; i += len)
		if (!is_word(escape_utf8_decode(s + i, n - i, &len)))
			return false;
	return n > 0;
}

static acro *acro_find(const render_priv *p, const char *s, size_t n)
{
	if (!p->acap)
		return NULL;
	for (size_t i = hash(s, n) & (p->acap - 1);; i = (i + 1) & (p->acap - 1)) {
		acro *a = &p->acr[i];
		if (!a->node)
			return NULL;
		const str *k = &a->node->u.entry->key;
		if (k->len == n && memcmp(k->p, s, n) == 0)
			return a;
	}
}

static void acro_init(render_priv *p, const ast_doc *d)
{
	if (!d->acronyms.n)
		return;
	p->acap = 8;
	while (p->acap < d->acronyms.n * 2)
		p->acap *= 2;
	p->acr = calloc(p->acap, sizeof *p->acr);
	if (!p->acr)
		abort();
	for (size_t i = 0; i < d->acronyms.n; i++) {
		const ast_node *a = d->acronyms.v[i];
		const str *k = &a->u.entry->key;
		if (!all_word(k->p, k->len) || acro_find(p, k->p, k->len))
			continue;	/* first definition wins */
		size_t j = hash(k->p, k->len) & (p->acap - 1);
		while (p->acr[j].node)
			j = (j + 1) & (p->acap - 1);
		p->acr[j].node = a;
		p->afirst[(unsigned char)k->p[0]] = true;
	}
	p->aupper = true;
	for (int c = 0; c < 256; c++)
		if (p->afirst[c] && !(c >= 'A' && c <= 'Z'))
			p->aupper = false;
}

/* A hyphen (ASCII, U+2010, U+2011) or an en dash joins words. */
static bool joiner_before(const char *s, size_t i)
{
	if (i >= 1 && s[i - 1] == '-')
		return true;
	return i >= 3 && (unsigned char)s[i - 3] == 0xE2 && (unsigned char)s[i - 2] == 0x80 &&
	       ((unsigned char)s[i - 1] == 0x90 || (unsigned char)s[i - 1] == 0x91 ||
		(unsigned char)s[i - 1] == 0x93);
}

static bool joiner_after(const char *s, size_t n, size_t j)
{
	if (j < n && s[j] == '-')
		return true;
	return j + 3 <= n && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
	       ((unsigned char)s[j + 2] == 0x90 || (unsigned char)s[j + 2] == 0x91 ||
		(unsigned char)s[j + 2] == 0x93);
}

static void abbr(render *r, const ast_node *a, const char *s, size_t n)
{
	render_ev ev = {0};
	ev.el = RE_ABBR;
	ev.entering = true;
	ev.text = a->u.entry->value;
	ev.node = a;
	fire(r, &ev);
	litn(r, s, n);
	ev.entering = false;
	fire(r, &ev);
}

/* The use s[i..j) of acronym a in the text s[0..n). */
static void acronym(render *r, acro *a, const char *s, size_t n, size_t i, size_t j)
{
	render_priv *p = r->p;
	if (!p->noexpand && !a->done && !joiner_before(s, i) && !joiner_after(s, n, j)) {
		a->done = true;
		bool written = p->last == '(' && j < n && s[j] == ')';
		if (!written) {
			span at = r->at;
			r->at = a->node->u.entry->value_at;
			const str *x = &a->node->u.entry->value;
			litn(r, x->p, x->len);
			r->at = at;
			lit(r, " (");
			abbr(r, a->node, s + i, j - i);
			lit(r, ")");
			return;
		}
	}
	abbr(r, a->node, s + i, j - i);
}

static const render_backend null_backend;

/* Whether one of the 8 bytes at s is a capital letter, A to Z. */
static bool has_capital8(const char *s)
{
	const uint64_t ones = 0x0101010101010101u, low = 0x7F7F7F7F7F7F7F7Fu;
	uint64_t x, t;
	memcpy(&x, s, 8);
	t = x & low;
	/* per byte, bit 7: t <= 'Z', t >= 'A', and x below 0x80 */
	return ((((127 + 'Z' + 1) * ones - t) & (t + (127 - 'A' + 1) * ones) & ~x) & ~low) != 0;
}

/* Author text: acronyms marked (and spelled out at their first use). */
static void text_at(render *r, const char *s, size_t n, span at)
{
	r->at = at;
	/* The counting pass writes nothing, and author text changes no
	 * count: which acronym use is spelled out is decided again in the
	 * second pass. */
	if (r->be == &null_backend)
		return;
	size_t run = 0, i = 0;
	const bool *first = r->p->afirst;
	while (r->p->acap && i < n) {
		/* Only a word that starts with the first byte of an
		 * abbreviation can be one: skip to such a byte, then see
		 * whether a word starts there. */
		while (i < n && !first[(unsigned char)s[i]]) {
			if (r->p->aupper)
				while (i + 8 <= n && !has_capital8(s + i))
					i += 8;
			if (i < n && !first[(unsigned char)s[i]])
				i++;
		}
		size_t len;
		if (i == n || !word_at(s, n, i, &len) || word_before(s, i)) {
			i++;
			continue;
		}
		size_t j = i + len;
		while (j < n && word_at(s, n, j, &len))
			j += len;
		acro *a = acro_find(r->p, s + i, j - i);
		if (a) {
			litn(r, s + run, i - run);
			acronym(r, a, s, n, i, j);
			run = j;
		}
		i = j;
	}
	litn(r, s + run, n - run);
}

/* A text node; each newline in it is a soft break (ast.h). */
static void text_node(render *r, const ast_node *n)
{
	for (ast_text_it it = {.n = n}; ast_text_next(&it);) {
		if (it.piece.len)
			text_at(r, it.piece.p, it.piece.len, it.at);
		if (it.brk) {
			render_ev ev = {0};
			ev.el = RE_SOFTBREAK;
			ev.entering = true;
			ev.node = n;
			fire(r, &ev);
		}
	}
}

static void text_field(render *r, const ast_field *f)
{
	if (f)
		text_at(r, f->value.p, f->value.len, f->value_at);
}

/* ---- the walk ---- */

static bool enter_node(render *r, const ast_node *n);
static void exit_node(render *r, const ast_node *n);

/* Pre-order over root's subtree, entering and leaving each node. */
static void walk(render *r, const ast_node *root)
{
	const ast_node *n = root;
	bool entering = true;
	for (;;) {
		if (entering && enter_node(r, n) && n->first) {
			n = n->first;
			continue;
		}
		exit_node(r, n);
		if (n == root)
			return;
		if (n->next) {
			n = n->next;
			entering = true;
		} else {
			n = n->parent;
			entering = false;
		}
	}
}

static void walk_children(render *r, const ast_node *n)
{
	for (const ast_node *c = n ? n->first : NULL; c; c = c->next)
		walk(r, c);
}

/* The inlines of a field (its parsed text), or its plain value. */
static void field_inlines(render *r, const ast_field *f)
{
	if (!f)
		return;
	r->p->last = 0;
	if (f->inl)
		walk_children(r, f->inl);
	else
		text_field(r, f);
}

/* ---- references ---- */

static const char *node_id(const ast_node *n)
{
	const str *id = ast_node_id(n);
	return id && id->len ? id->p : NULL;
}

static bool is_block(const ast_node *n, ast_block_kind k)
{
	return n && n->type == AST_BLOCK && n->u.block->kind == k;
}

static size_t area_index(const render_priv *p, size_t nareas, const ast_node *a)
{
	size_t lo = 0, hi = nareas;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if ((uintptr_t)p->areas[mid].node < (uintptr_t)a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nareas && p->areas[lo].node == a ? p->areas[lo].ix : nareas;
}

/* What a reference to t says, without the link. */
static void label_of(render *r, const ast_node *t)
{
	switch (t->type) {
	case AST_HEADING:
		r->p->inlabel++;
		r->p->nolinks++;
		r->p->noexpand++;
		if (r->p->inlabel > 1) {
			/* a title that refers to a title: plain, no loop */
			buf_clear(&r->p->tmp);
			ast_plain_text(t, &r->p->tmp);
			litn(r, r->p->tmp.data, r->p->tmp.len);
		} else {
			walk_children(r, t);
		}
		r->p->noexpand--;
		r->p->nolinks--;
		r->p->inlabel--;
		break;
	case AST_AREA:
		text_at(r, t->u.entry->value.p, t->u.entry->value.len, t->u.entry->value_at);
		break;
	case AST_BLOCK:
		if (t->u.block->kind == BK_FINDING)
			lit_num(r, "Finding ", t->u.block->number);
		else if (t->u.block->kind == BK_RECOMMENDATION)
			lit_num(r, "Recommendation ", t->u.block->number);
		else if (t->u.block->kind == BK_EVIDENCE)
			lit_num(r, "", t->u.block->number);
		else if (t->u.block->kind == BK_TABLE)
			lit_num(r, "Table ", t->u.block->number);
		else if (t->u.block->kind == BK_FIGURE)
			lit_num(r, "Figure ", t->u.block->number);
		else if (t->u.block->kind == BK_BOX && t->u.block->number)
			lit_num(r, "Box ", t->u.block->number);
		break;
	default:
		break;
	}
}

/* Whether t has an anchor to link to. */
static bool linkable(const render *r, const ast_node *t)
{
	if (t->type == AST_AREA) {
		size_t na = r->doc->areas.n;
		size_t ix = area_index(r->p, na, t);
		return ix < na && r->p->anchored[ix];
	}
	/* Tables, figures and boxes have no anchor in any output yet: their
	 * references are their labels ("Table 2"), not links. */
	if (t->type == AST_BLOCK && (t->u.block->kind == BK_TABLE ||
				     t->u.block->kind == BK_FIGURE ||
				     t->u.block->kind == BK_BOX))
		return false;
	return node_id(t) != NULL;
}

static void xref(render *r, const ast_node *t)
{
	if (r->p->nolinks || !linkable(r, t)) {
		label_of(r, t);
		return;
	}
	render_ev ev = {0};
	ev.el = RE_XREF;
	ev.entering = true;
	ev.href = node_id(t);
	ev.node = t;
	fire(r, &ev);
	label_of(r, t);
	ev.entering = false;
	fire(r, &ev);
}

/* The anchor of the k-th citation of evidence e, in p->id. */
static const char *cite_anchor(render_priv *p, const ast_node *e, unsigned k)
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
		label_of(r, e);
		return;
	}
	render_ev ev = {0};
	ev.el = RE_NOTE;
	ev.entering = true;
	ev.href = e->u.block->id.p;
	ev.id = cite_anchor(p, e, ++p->cites[num - 1]);
	ev.number = num;
	ev.node = e;
	fire(r, &ev);
	label_of(r, e);
	ev.entering = false;
	ev.id = NULL;
	fire(r, &ev);
}

/*
 * The targets of [@a; @b] or an ID list, in order: runs of evidence as one
 * bracketed group of notes "[1, 3]", everything else by its label; groups
 * separated by "; ".
 */
static void refs(render *r, const ast_idlist *l)
{
	bool open = false;
	for (size_t i = 0; i < l->n; i++) {
		const ast_node *t = l->v[i].target;
		if (is_block(t, BK_EVIDENCE)) {
			lit(r, open ? ", " : i ? "; [" : "[");
			open = true;
			note(r, t);
			continue;
		}
		if (open)
			lit(r, "]");
		open = false;
		if (i)
			lit(r, "; ");
		if (t)
			xref(r, t);
		else
			litn(r, l->v[i].id.p, l->v[i].id.len);
	}
	if (open)
		lit(r, "]");
}

/* ---- cards ---- */

static void meta_open(render *r, const char *name, const char *label, const char *value)
{
	render_ev ev = {0};
	ev.el = RE_META;
	ev.entering = true;
	ev.name = name;
	ev.label = label;
	ev.value = value;
	fire(r, &ev);
}

static void meta_close(render *r, const char *value)
{
	render_ev ev = {0};
	ev.el = RE_META;
	ev.value = value;
	fire(r, &ev);
}

static void meta_level(render *r, const char *name, const char *label, ast_level l)
{
	const char *v = ast_level_name(l);
	meta_open(r, name, label, v);
	lit(r, v);
	meta_close(r, v);
}

static void meta_text(render *r, const char *name, const char *label, const ast_field *f)
{
	meta_open(r, name, label, NULL);
	text_field(r, f);
	meta_close(r, NULL);
}

static void card_open(render *r, const ast_node *b, const char *name, const char *label,
		      const ast_field *lead)
{
	render_ev ev = {0};
	ev.el = RE_CARD;
	ev.entering = true;
	ev.name = name;
	ev.id = node_id(b);
	ev.number = b->u.block->number;
	ev.node = b;
	fire(r, &ev);
	el(r, RE_CARD_HEAD, true);
	el(r, RE_CARD_LABEL, true);
	lit_num(r, label, b->u.block->number);
	el(r, RE_CARD_LABEL, false);
	el(r, RE_CARD_LEAD, true);
	field_inlines(r, lead);
	el(r, RE_CARD_LEAD, false);
	el(r, RE_CARD_HEAD, false);
}

static void finding_open(render *r, const ast_node *b)
{
	card_open(r, b, "finding", "Finding ", b->u.block->f_claim);
	bool conf = b->u.block->confidence != LV_NONE, ev = b->u.block->evidence.n > 0;
	if (!conf && !ev)
		return;
	r->p->noexpand++;
	el(r, RE_CARD_META, true);
	if (conf)
		meta_level(r, "confidence", "Confidence", b->u.block->confidence);
	if (ev) {
		meta_open(r, "evidence", "Evidence", NULL);
		refs(r, &b->u.block->evidence);
		meta_close(r, NULL);
	}
	el(r, RE_CARD_META, false);
	r->p->noexpand--;
}

static void recommendation_open(render *r, const ast_node *b)
{
	card_open(r, b, "recommendation", "Recommendation ", b->u.block->f_action);
	ast_field *fs = b->u.block->fields;
	const ast_field *actor = ast_field_get(fs, "actor"), *horizon = ast_field_get(fs, "horizon");
	r->p->noexpand++;
	el(r, RE_CARD_META, true);
	meta_open(r, "area", "Area", NULL);
	if (b->u.block->area.target)
		xref(r, b->u.block->area.target);
	else
		litn(r, b->u.block->area.id.p, b->u.block->area.id.len);
	meta_close(r, NULL);
	if (has(actor))
		meta_text(r, "actor", "Actor", actor);
	if (b->u.block->priority != LV_NONE)
		meta_level(r, "priority", "Priority", b->u.block->priority);
	if (has(horizon))
		meta_text(r, "horizon", "Horizon", horizon);
	el(r, RE_CARD_META, false);
	r->p->noexpand--;
}

/* The footer: the links to the other side. */
static void card_close(render *r, const ast_node *b)
{
	if (b->u.block->kind == BK_FINDING && b->u.block->addressed_by.n) {
		const ast_vec *v = &b->u.block->addressed_by;
		r->p->last = 0;
		el(r, RE_CARD_FOOT, true);
		lit(r, "Addressed by ");
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				lit(r, i + 1 == v->n ? " and " : ", ");
			xref(r, v->v[i]);
		}
		lit(r, ".");
		el(r, RE_CARD_FOOT, false);
	} else if (b->u.block->kind == BK_RECOMMENDATION) {
		/* only the findings: anything else is an error already reported */
		const ast_idlist *l = &b->u.block->addresses;
		size_t n = 0, k = 0;
		for (size_t i = 0; i < l->n; i++)
			n += is_block(l->v[i].target, BK_FINDING);
		if (n) {
			r->p->last = 0;
			el(r, RE_CARD_FOOT, true);
			lit(r, "Addresses ");
			for (size_t i = 0; i < l->n; i++) {
				if (!is_block(l->v[i].target, BK_FINDING))
					continue;
				if (k++)
					lit(r, k == n ? " and " : ", ");
				xref(r, l->v[i].target);
			}
			lit(r, ".");
			el(r, RE_CARD_FOOT, false);
		}
	}
	el(r, RE_CARD, false);
}

/* ---- generated blocks ---- */

static void gen_open(render *r, const char *name)
{
	render_ev ev = {0};
	ev.el = RE_GENERATED;
	ev.entering = true;
	ev.name = name;
	fire(r, &ev);
}

static void gen_item(render *r, const ast_node *b, const ast_field *text)
{
	render_ev ev = {0};
	ev.el = RE_GEN_ITEM;
	ev.entering = true;
	ev.number = b->u.block->number;
	ev.href = node_id(b);
	ev.node = b;
	fire(r, &ev);
	el(r, RE_GEN_LABEL, true);
	xref(r, b);
	el(r, RE_GEN_LABEL, false);
	el(r, RE_GEN_TEXT, true);
	field_inlines(r, text);
	el(r, RE_GEN_TEXT, false);
	ev.entering = false;
	fire(r, &ev);
}

/* The recommendations of area index a (nareas: those without an area). */
static void gen_group(render *r, size_t a)
{
	const ast_doc *d = r->doc;
	render_priv *p = r->p;
	size_t na = d->areas.n;
	const ast_node *area = a < na ? d->areas.v[a] : NULL;
	render_ev ev = {0};
	ev.el = RE_GROUP;
	ev.entering = true;
	ev.node = area;
	if (area && !p->anchor_done[a]) {
		p->anchor_done[a] = true;
		ev.id = area->u.entry->key.p;
	}
	fire(r, &ev);
	el(r, RE_GROUP_TITLE, true);
	p->noexpand++;
	if (area)
		text_at(r, area->u.entry->value.p, area->u.entry->value.len, area->u.entry->value_at);
	else
		lit(r, "Other recommendations");
	p->noexpand--;
	el(r, RE_GROUP_TITLE, false);
	el(r, RE_GEN_LIST, true);
	for (size_t i = p->bucket_head[a]; i < d->recommendations.n; i = p->bucket_next[i]) {
		const ast_node *b = d->recommendations.v[i];
		gen_item(r, b, b->u.block->f_action);
	}
	el(r, RE_GEN_LIST, false);
	ev.entering = false;
	ev.id = NULL;
	fire(r, &ev);
}

/* ::: recommendations [area: ID]: grouped by area, areas in their order. */
static void gen_recommendations(render *r, const ast_node *blk)
{
	const ast_doc *d = r->doc;
	size_t na = d->areas.n, nr = d->recommendations.n;
	size_t only = na + 1;	/* no filter */
	if (blk->u.block->area.id.len) {
		const ast_node *t = blk->u.block->area.target;
		only = t && t->type == AST_AREA ? area_index(r->p, na, t) : na + 1;
		if (only == na + 1 || r->p->bucket_head[only] >= nr)
			return;
	} else if (!nr) {
		return;
	}
	gen_open(r, "recommendations");
	for (size_t a = 0; a <= na; a++)
		if ((only > na || a == only) && r->p->bucket_head[a] < nr)
			gen_group(r, a);
	el(r, RE_GENERATED, false);
}

static void gen_findings(render *r)
{
	const ast_vec *f = &r->doc->findings;
	if (!f->n)
		return;
	gen_open(r, "findings");
	el(r, RE_GEN_LIST, true);
	for (size_t i = 0; i < f->n; i++)
		gen_item(r, f->v[i], f->v[i]->u.block->f_claim);
	el(r, RE_GEN_LIST, false);
	el(r, RE_GENERATED, false);
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
	render_ev ev = {0};
	ev.el = RE_SOURCE;
	ev.entering = true;
	ev.id = node_id(e);
	ev.number = num;
	ev.node = e;
	fire(r, &ev);
	p->last = 0;
	el(r, RE_SOURCE_LABEL, true);
	lit_num(r, "[", num);
	lit(r, "]");
	el(r, RE_SOURCE_LABEL, false);
	lit(r, " ");
	p->noexpand++;
	if (has(authors)) {
		text_field(r, authors);
		lit(r, ". ");
	}
	el(r, RE_SOURCE_TITLE, true);
	field_inlines(r, e->u.block->f_title);
	el(r, RE_SOURCE_TITLE, false);
	buf_clear(&p->tmp);
	if (e->u.block->f_title && e->u.block->f_title->inl)
		render_plain(r->doc, e->u.block->f_title->inl, &p->tmp);
	else
		buf_put(&p->tmp, field_value(e->u.block->f_title).p, field_value(e->u.block->f_title).len);
	if (!ends_sentence(&p->tmp))
		lit(r, ".");
	if (has(publisher) || has(date) || has(type)) {
		lit(r, " ");
		if (has(publisher))
			text_field(r, publisher);
		if (has(date)) {
			if (has(publisher))
				lit(r, ", ");
			lit_date(r, date);
		}
		if (has(type)) {
			lit(r, has(publisher) || has(date) ? " (" : "(");
			text_field(r, type);
			lit(r, ")");
		}
		lit(r, ".");
	}
	if (has(url)) {
		lit(r, " ");
		render_ev lk = {0};
		lk.el = RE_LINK;
		lk.text = url->value;
		bool live = !p->nolinks && escape_url_live(url->value.p, url->value.len);
		if (live) {
			lk.entering = true;
			fire(r, &lk);
		}
		r->at = url->value_at;
		litn(r, url->value.p, url->value.len);
		if (live) {
			lk.entering = false;
			fire(r, &lk);
		}
	}
	if (has(accessed)) {
		lit(r, " Accessed ");
		lit_date(r, accessed);
		lit(r, ".");
	}
	p->noexpand--;
	unsigned total = num >= 1 && (size_t)num <= p->nsrc ? p->cites_total[num - 1] : 0;
	for (unsigned k = 1; k <= total && !p->nolinks; k++) {
		render_ev bl = {0};
		bl.el = RE_BACKLINK;
		bl.entering = true;
		bl.href = cite_anchor(p, e, k);
		bl.number = k;
		bl.node = e;
		fire(r, &bl);
	}
	walk_children(r, e);
	ev.entering = false;
	ev.id = NULL;
	fire(r, &ev);
}

static void gen_sources(render *r)
{
	const ast_vec *s = &r->doc->sources;
	if (!s->n)
		return;
	el(r, RE_SOURCES, true);
	for (size_t i = 0; i < s->n; i++)
		gen_source(r, s->v[i]);
	el(r, RE_SOURCES, false);
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
	const ast_node **v = malloc(a->n * sizeof *v);
	if (!v)
		abort();
	memcpy(v, a->v, a->n * sizeof *v);
	qsort(v, a->n, sizeof *v, acro_cmp);
	el(r, RE_GLOSSARY, true);
	r->p->noexpand++;
	for (size_t i = 0; i < a->n; i++) {
		const str *k = &v[i]->u.entry->key, *x = &v[i]->u.entry->value;
		el(r, RE_GLOSS_TERM, true);
		r->at = v[i]->u.entry->key_at;
		litn(r, k->p, k->len);
		el(r, RE_GLOSS_TERM, false);
		el(r, RE_GLOSS_DEF, true);
		r->at = v[i]->u.entry->value_at;
		litn(r, x->p, x->len);
		el(r, RE_GLOSS_DEF, false);
	}
	r->p->noexpand--;
	el(r, RE_GLOSSARY, false);
	free(v);
}

/* ---- sections ---- */

static void sections_close(render *r, int level)
{
	render_priv *p = r->p;
	while (p->nsect > 0 && p->sect[p->nsect - 1] >= level) {
		render_ev ev = {0};
		ev.el = RE_SECTION;
		ev.level = p->sect[--p->nsect];
		fire(r, &ev);
	}
}

static void section_open(render *r, int level, const char *id)
{
	sections_close(r, level);
	render_ev ev = {0};
	ev.el = RE_SECTION;
	ev.entering = true;
	ev.level = level;
	ev.id = id;
	fire(r, &ev);
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

static bool list_tight(const ast_node *l)
{
	for (const ast_node *i = l->first; i; i = i->next)
		if (i->first && i->first->next)
			return false;
	return true;
}

static void item_push(render_priv *p, long start)
{
	if (p->nitems == p->icap) {
		p->icap = p->icap ? p->icap * 2 : 16;
		p->items = realloc(p->items, p->icap * sizeof *p->items);
		if (!p->items)
			abort();
	}
	p->items[p->nitems++] = start;
}

static bool enter_block(render *r, const ast_node *n)
{
	switch (n->u.block->kind) {
	case BK_FINDING:
		finding_open(r, n);
		return true;
	case BK_RECOMMENDATION:
		recommendation_open(r, n);
		return true;
	case BK_RECOMMENDATIONS:
		gen_recommendations(r, n);
		return false;
	case BK_FINDINGS:
		gen_findings(r);
		return false;
	case BK_SOURCES:
		gen_sources(r);
		return false;
	case BK_GLOSSARY:
		gen_glossary(r);
		return false;
	default:		/* evidence, acronyms, areas: shown elsewhere */
		return false;
	}
}

static bool enter_node(render *r, const ast_node *n)
{
	render_priv *p = r->p;
	render_ev ev = {0};
	ev.entering = true;
	ev.node = n;
	switch (n->type) {
	case AST_DOCUMENT:
		return true;
	case AST_HEADING:
		ev.el = RE_HEADING;
		ev.level = clamp_level(n->u.heading->level);
		if (n->parent && n->parent->type == AST_DOCUMENT)
			section_open(r, ev.level, node_id(n));
		else
			ev.id = node_id(n);
		fire(r, &ev);
		p->nolinks++;
		p->noexpand++;
		p->last = 0;
		return true;
	case AST_PARAGRAPH:
		ev.el = RE_PARAGRAPH;
		fire(r, &ev);
		p->last = 0;
		return true;
	case AST_LIST:
		ev.el = RE_LIST;
		ev.ordered = n->u.list->ordered;
		ev.number = n->u.list->ordered ? n->u.list->start : 0;
		ev.tight = list_tight(n);
		item_push(p, ev.number);
		fire(r, &ev);
		return true;
	case AST_ITEM:
		ev.el = RE_ITEM;
		ev.number = p->nitems ? p->items[p->nitems - 1]++ : 0;
		fire(r, &ev);
		return true;
	case AST_QUOTE:
		ev.el = RE_QUOTE;
		fire(r, &ev);
		return true;
	case AST_BLOCK:
		return enter_block(r, n);
	case AST_TEXT:
		/* author text changes no count (text_at) */
		if (r->be != &null_backend)
			text_node(r, n);
		return false;
	case AST_SOFTBREAK:
		ev.el = RE_SOFTBREAK;
		fire(r, &ev);
		return false;
	case AST_EMPH:
	case AST_STRONG:
		ev.el = n->type == AST_EMPH ? RE_EMPH : RE_STRONG;
		fire(r, &ev);
		return true;
	case AST_CODE:
		ev.el = RE_CODE;
		ev.text = ast_text(n);
		r->at = n->at;
		fire(r, &ev);
		if (ev.text.len)
			p->last = ev.text.p[ev.text.len - 1];
		return false;
	case AST_LINK:
		if (link_live(r, n)) {
			ev.el = RE_LINK;
			ev.text = n->u.link->url;
			fire(r, &ev);
		}
		p->nolinks++;	/* no link inside a link */
		return true;
	case AST_REF:
		refs(r, &n->u.ref->ids);
		return false;
	default:
		return false;
	}
}

static void exit_node(render *r, const ast_node *n)
{
	render_priv *p = r->p;
	render_ev ev = {0};
	ev.node = n;
	switch (n->type) {
	case AST_HEADING:
		p->nolinks--;
		p->noexpand--;
		ev.el = RE_HEADING;
		ev.level = clamp_level(n->u.heading->level);
		break;
	case AST_PARAGRAPH:
		ev.el = RE_PARAGRAPH;
		break;
	case AST_LIST:
		p->nitems--;
		ev.el = RE_LIST;
		ev.ordered = n->u.list->ordered;
		break;
	case AST_ITEM:
		ev.el = RE_ITEM;
		break;
	case AST_QUOTE:
		ev.el = RE_QUOTE;
		break;
	case AST_BLOCK:
		if (n->u.block->kind == BK_FINDING || n->u.block->kind == BK_RECOMMENDATION)
			card_close(r, n);
		return;
	case AST_EMPH:
		ev.el = RE_EMPH;
		break;
	case AST_STRONG:
		ev.el = RE_STRONG;
		break;
	case AST_LINK:
		p->nolinks--;
		if (!link_live(r, n))
			return;
		ev.el = RE_LINK;
		ev.text = n->u.link->url;
		break;
	default:
		return;
	}
	fire(r, &ev);
}

/* ---- the frame ---- */

static void header(render *r)
{
	const ast_meta *m = &r->doc->meta;
	render_priv *p = r->p;
	el(r, RE_HEADER, true);
	p->nolinks++;
	p->noexpand++;
	if (has(m->organization)) {
		el(r, RE_ORGANIZATION, true);
		text_field(r, m->organization);
		el(r, RE_ORGANIZATION, false);
	}
	el(r, RE_TITLE, true);
	field_inlines(r, m->title);
	el(r, RE_TITLE, false);
	if (has(m->subtitle)) {
		el(r, RE_SUBTITLE, true);
		field_inlines(r, m->subtitle);
		el(r, RE_SUBTITLE, false);
	}
	if (m->nauthors) {
		el(r, RE_AUTHORS, true);
		for (size_t i = 0; i < m->nauthors; i++) {
			if (i)
				lit(r, i + 1 == m->nauthors ? " and " : ", ");
			text_at(r, m->author_names[i].p, m->author_names[i].len, m->authors->value_at);
		}
		el(r, RE_AUTHORS, false);
	}
	if (has(m->date)) {
		render_ev ev = {0};
		ev.el = RE_DATE;
		ev.entering = true;
		ev.text = m->date->value;
		fire(r, &ev);
		lit_date(r, m->date);
		ev.entering = false;
		fire(r, &ev);
	}
	if (!m->final) {
		el(r, RE_STATUS, true);
		lit(r, "Draft");
		el(r, RE_STATUS, false);
	}
	p->noexpand--;
	p->nolinks--;
	el(r, RE_HEADER, false);
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
	       node_id(h);
}

static void toc_entry(render *r, int level, const char *href, const ast_node *h)
{
	render_ev ev = {0};
	ev.el = RE_TOC_ENTRY;
	ev.entering = true;
	ev.level = level;
	ev.href = href;
	ev.node = h;
	fire(r, &ev);
	r->p->last = 0;
	if (h)
		walk_children(r, h);
	else
		lit(r, "Sources");
	ev.entering = false;
	fire(r, &ev);
}

/* The table of contents: the first two heading levels, when there are
 * enough entries to be worth one. */
static void toc(render *r)
{
	const ast_doc *d = r->doc;
	size_t n = appends_sources(d);
	for (size_t i = 0; i < d->headings.n; i++)
		n += in_toc(d->headings.v[i]);
	if (n < 3)
		return;
	render_ev ev = {0};
	ev.el = RE_TOC;
	ev.entering = true;
	ev.id = CONTENTS_ID;
	ev.label = "Contents";
	fire(r, &ev);
	r->p->nolinks++;
	r->p->noexpand++;
	for (size_t i = 0; i < d->headings.n; i++) {
		const ast_node *h = d->headings.v[i];
		if (in_toc(h))
			toc_entry(r, h->u.heading->level, node_id(h), h);
	}
	if (appends_sources(d))
		toc_entry(r, 1, SOURCES_ID, NULL);
	r->p->noexpand--;
	r->p->nolinks--;
	ev.entering = false;
	ev.id = NULL;
	fire(r, &ev);
}

static void document(render *r)
{
	const ast_doc *d = r->doc;
	el(r, RE_DOCUMENT, true);
	header(r);
	toc(r);
	el(r, RE_MAIN, true);
	if (d->root)
		walk_children(r, d->root);
	if (appends_sources(d)) {
		section_open(r, 1, SOURCES_ID);
		render_ev ev = {0};
		ev.el = RE_HEADING;
		ev.entering = true;
		ev.level = 1;
		ev.label = "Sources";
		fire(r, &ev);
		lit(r, "Sources");
		ev.entering = false;
		fire(r, &ev);
		/* without a first pass, the citations so far are all there are */
		if (!r->p->counted)
			memcpy(r->p->cites_total, r->p->cites,
			       r->p->nsrc * sizeof *r->p->cites);
		gen_sources(r);
	}
	sections_close(r, 1);
	el(r, RE_MAIN, false);
	el(r, RE_DOCUMENT, false);
}

/* ---- setup ---- */

static int area_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const area_ix *)a)->node, y = (uintptr_t)((const area_ix *)b)->node;
	return x < y ? -1 : x > y;
}

static void *xcalloc(size_t n, size_t size)
{
	void *v = calloc(n ? n : 1, size);
	if (!v)
		abort();
	return v;
}

static void priv_init(render_priv *p, const ast_doc *d)
{
	memset(p, 0, sizeof *p);
	acro_init(p, d);
	p->nsrc = d->sources.n;
	p->cites = xcalloc(p->nsrc, sizeof *p->cites);
	p->cites_total = xcalloc(p->nsrc, sizeof *p->cites_total);
	size_t na = d->areas.n, nr = d->recommendations.n;
	p->areas = xcalloc(na, sizeof *p->areas);
	for (size_t i = 0; i < na; i++)
		p->areas[i] = (area_ix){d->areas.v[i], i};
	qsort(p->areas, na, sizeof *p->areas, area_cmp);
	p->anchor_done = xcalloc(na, sizeof *p->anchor_done);
	p->anchored = xcalloc(na, sizeof *p->anchored);
	/* recommendations bucketed by area, each bucket in document order */
	p->bucket_head = xcalloc(na + 1, sizeof *p->bucket_head);
	p->bucket_next = xcalloc(nr, sizeof *p->bucket_next);
	for (size_t a = 0; a <= na; a++)
		p->bucket_head[a] = nr;
	for (size_t i = nr; i-- > 0;) {
		const ast_node *t = d->recommendations.v[i]->u.block->area.target;
		size_t a = t && t->type == AST_AREA ? area_index(p, na, t) : na;
		p->bucket_next[i] = p->bucket_head[a];
		p->bucket_head[a] = i;
	}
}

static void priv_free(render_priv *p)
{
	free(p->acr);
	free(p->cites);
	free(p->cites_total);
	free(p->areas);
	free(p->anchor_done);
	free(p->anchored);
	free(p->bucket_head);
	free(p->bucket_next);
	free(p->items);
	buf_free(&p->id);
	buf_free(&p->tmp);
}

static void pass_reset(render_priv *p, const ast_doc *d)
{
	for (size_t i = 0; i < p->acap; i++)
		p->acr[i].done = false;
	memset(p->cites, 0, p->nsrc * sizeof *p->cites);
	memset(p->anchor_done, 0, d->areas.n * sizeof *p->anchor_done);
	p->nitems = 0;
	p->nsect = 0;
	p->nolinks = p->noexpand = p->inlabel = 0;
	p->last = 0;
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
static const render_backend null_backend = {null_event, null_text};

static bool has_block(const ast_doc *d, ast_block_kind k)
{
	for (size_t i = 0; i < d->blocks.n; i++)
		if (d->blocks.v[i]->u.block->kind == k)
			return true;
	return false;
}

int render_run(const ast_doc *d, const render_options *o, const render_backend *be,
	       void *state, buf *out)
{
	static const render_options defaults = {false};
	render_priv p;
	priv_init(&p, d);
	buf scratch = BUF_INIT;
	render r = {d, o ? o : &defaults, &null_backend, state, &scratch, true, {0, 0}, &p};
	/*
	 * The first pass counts what later text must know before it is
	 * written: the citations of each source, for the back-links of a
	 * source list that comes before the end, and the area groups that a
	 * recommendations block anchors, for links to them.  A brief whose
	 * sources are listed at the end and that has no recommendations
	 * block needs neither: anchored stays false, and the list at the end
	 * takes the counts as they are by then.
	 */
	p.counted = d->has_sources_block || has_block(d, BK_RECOMMENDATIONS);
	if (p.counted) {
		pass_reset(&p, d);
		document(&r);
		memcpy(p.cites_total, p.cites, p.nsrc * sizeof *p.cites);
		memcpy(p.anchored, p.anchor_done, d->areas.n * sizeof *p.anchored);
	}
	buf_free(&scratch);
	r.measure = false;
	r.be = be;
	r.out = out;
	pass_reset(&p, d);
	document(&r);
	priv_free(&p);
	return 0;
}

/* ---- plain text ---- */

static void plain_event(render *r, const render_ev *ev)
{
	if (ev->el == RE_CODE)
		buf_put(r->out, ev->text.p, ev->text.len);
	else if (ev->el == RE_SOFTBREAK)
		buf_putc(r->out, ' ');
}

static void plain_text(render *r, const char *s, size_t n)
{
	buf_put(r->out, s, n);
}

static const render_backend plain_backend = {plain_event, plain_text};

void render_plain(const ast_doc *d, const ast_node *n, buf *out)
{
	if (!n)
		return;
	render_priv p;
	memset(&p, 0, sizeof p);
	p.nolinks = p.noexpand = 1;
	static const render_options defaults = {false};
	render r = {d, &defaults, &plain_backend, NULL, out, true, {0, 0}, &p};
	walk_children(&r, n);
	buf_free(&p.tmp);
	buf_free(&p.id);
	free(p.items);
}

static const ast_node *first_paragraph(const ast_doc *d)
{
	const ast_node *n = d->root;
	while (n) {
		if (n->type == AST_PARAGRAPH)
			return n;
		if (n->first && n->type != AST_BLOCK)
			n = n->first;
		else {
			while (n && !n->next)
				n = n->parent;
			if (n)
				n = n->next;
		}
	}
	return NULL;
}

void render_description(const ast_doc *d, size_t max, buf *out)
{
	buf t = BUF_INIT;
	const ast_node *para = first_paragraph(d);
	if (para)
		render_plain(d, para, &t);
	else if (d->meta.title && d->meta.title->inl)
		render_plain(d, d->meta.title->inl, &t);
	/* whitespace folded, cut at a space */
	size_t start = out->len, cut = 0;
	bool space = false;
	for (size_t i = 0; i < t.len; i++) {
		char c = t.data[i];
		if (c == ' ' || c == '\t' || c == '\n') {
			space = out->len > start;
			continue;
		}
		if (space) {
			if (out->len - start >= max) {
				cut = out->len;
				break;
			}
			buf_putc(out, ' ');
			space = false;
		}
		buf_putc(out, c);
	}
	if (cut) {
		out->len = cut;
		out->data[cut] = '\0';
		buf_puts(out, " \xE2\x80\xA6");
	}
	buf_free(&t);
}

void render_date(const char *s, size_t n, buf *out)
{
	static const char *const months[] = {"January", "February", "March", "April",
		"May", "June", "July", "August", "September", "October", "November",
		"December"};
	bool ok = n == 4 || n == 7 || n == 10;
	for (size_t i = 0; ok && i < n; i++)
		ok = (i == 4 || i == 7) ? s[i] == '-' : (s[i] >= '0' && s[i] <= '9');
	int mon = ok && n >= 7 ? (s[5] - '0') * 10 + (s[6] - '0') : 0;
	int day = ok && n == 10 ? (s[8] - '0') * 10 + (s[9] - '0') : 0;
	if (!ok || (n >= 7 && (mon < 1 || mon > 12)) || (n == 10 && (day < 1 || day > 31))) {
		buf_put(out, s, n);
		return;
	}
	if (day)
		buf_printf(out, "%d ", day);
	if (mon)
		buf_printf(out, "%s ", months[mon - 1]);
	buf_put(out, s, 4);
}
