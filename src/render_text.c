/*
 * render_text.c - author text as the renderer writes it: its acronyms
 * (marked at every use, spelled out at the first that reads well), dates
 * spelled out, and text alone (render_plain, render_description).
 *
 * Acronyms: every use is an RE_ABBR; one use in running text is preceded
 * by its expansion, "Republic of Korea (ROK)": the first that reads well
 * spelled out (acronym_context: not a plural, a compound, a possessive, or
 * inside a capitalized name), or the first of all when none does (contract
 * 11.8).  None is when the author wrote the acronym in parentheses at
 * such a use ("... Korea (ROK)").  Headings, the title block, the table
 * of contents, card details, source entries, captions, table cells and
 * notes are not running text.  Whether a use that reads well comes at
 * all is known from the first pass (render_run), which scans the running
 * text for it and writes nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "render_int.h"
#include "xalloc.h"

/* ---- acronyms ---- */

/*
 * Which words are acronyms is acronym.h's to say, over prose.h's flat
 * text, as for the checks: when the walk enters a piece of prose (a
 * paragraph, a heading, a field's inlines), that prose is flattened and
 * scanned once, and each use is noted against the text piece (a line of
 * a text node, as ast_text_next gives it) it lies in.  The walk then
 * writes the pieces in the same order, and each takes its marks.  Text
 * that belongs to no such prose (a plain field, an author's name, an
 * area's title) is scanned as a prose of its own.  A use that straddles
 * two pieces (RO*K*) cannot be marked and is not.
 */

/* The marks of one text piece. */
struct piece_marks {
	const char *text;	/* the piece, as the tree has it */
	size_t first, n;	/* its uses in render_priv.uses */
};

/* One use within its piece. */
struct acro_use {
	size_t at, len;		/* bytes of the piece: the acronym itself */
	size_t word;		/* ... and the whole word (a plural's 's') */
	size_t index;		/* in acr.decl */
	unsigned context;	/* acronym_context */
};

/* The prose being written, innermost last.  Prose the checks scanned
 * (holder set) has its uses in the document's acronym_uses instead. */
struct acro_ctx {
	size_t first, next, end;	/* its pieces in render_priv.pieces */
	size_t uses;			/* render_priv.nuses before it */
	const ast_node *holder;		/* of kept uses, or NULL */
	const acronym_use *kept;	/* ... nkept of them, in order */
	size_t nkept, knext;
};

void render_acro_init(render_priv *p, const ast_doc *d)
{
	acronym_table_init(&p->acr, d, false);
	p->acr_done = xcalloc(p->acr.n, sizeof *p->acr_done, "the acronym table");
	p->acr_well = xcalloc(p->acr.n, sizeof *p->acr_well, "the acronym table");
	p->flat.d = (ast_doc *)d;	/* read only: the source, for spans */
}

void render_acro_reset(render_priv *p)
{
	memset(p->acr_done, 0, p->acr.n * sizeof *p->acr_done);
	p->nctx = p->npieces = p->nuses = 0;
}

void render_acro_free(render_priv *p)
{
	acronym_table_free(&p->acr);
	free(p->acr_done);
	free(p->acr_well);
	prose_free(&p->flat);
	free(p->pieces);
	free(p->uses);
	free(p->ctx);
}

typedef struct scan_state {
	render_priv *p;
	size_t piece;		/* of the flat prose: the last one looked at */
	size_t mark;		/* its piece_marks */
} scan_state;

static void note_use(prose *pr, size_t a, size_t b, size_t len, size_t index,
		     void *ctx)
{
	scan_state *st = ctx;
	render_priv *p = st->p;
	const prose_piece *pc = pr->pieces;
	/* the text piece the use starts in: uses come in order */
	while (st->piece < pr->npieces &&
	       pc[st->piece].from + pc[st->piece].len <= a) {
		if (prose_piece_is_text(&pc[st->piece]))
			st->mark++;
		st->piece++;
	}
	if (st->piece >= pr->npieces || !prose_piece_is_text(&pc[st->piece]) ||
	    b > pc[st->piece].from + pc[st->piece].len)
		return;		/* not within one text piece */
	const prose_piece *at = &pc[st->piece];
	acro_use u = {a - at->from, len, b - a, index,
		      acronym_context(pr, a, b, len)};
	piece_marks *pm = &p->pieces[st->mark];
	if (!pm->n)
		pm->first = p->nuses;
	pm->n++;
	p->uses = xgrow(p->uses, &p->cuses, p->nuses, sizeof *p->uses, "the acronym uses");
	p->uses[p->nuses++] = u;
}

/* Scan the prose in p->flat (finished) and push it: its text pieces and
 * their uses. */
static void acro_push_flat(render_priv *p)
{
	prose *pr = &p->flat;
	acro_ctx c = {p->npieces, p->npieces, p->npieces, p->nuses, NULL, NULL, 0, 0};
	for (size_t i = 0; i < pr->npieces; i++) {
		if (!prose_piece_is_text(&pr->pieces[i]))
			continue;
		p->pieces = xgrow(p->pieces, &p->cpieces, p->npieces, sizeof *p->pieces,
				  "the acronym uses");
		p->pieces[p->npieces++] = (piece_marks){pr->pieces[i].text, 0, 0};
	}
	c.end = p->npieces;
	scan_state st = {p, 0, c.first};
	acronym_scan(pr, &p->acr, note_use, &st);
	p->ctx = xgrow(p->ctx, &p->cctx, p->nctx, sizeof *p->ctx, "the acronym uses");
	p->ctx[p->nctx++] = c;
}

/* Whether acronyms are marked in what the walk writes now: in the
 * first pass, only running text is looked at. */
static bool marking(const render *r)
{
	const render_priv *p = r->p;
	if (r->be == &render_null_backend)
		return p->acr_looking && !p->noexpand;
	return p->acr.n && r->be != &render_plain_backend;
}

/* The first pass has found what it looks for: a use that reads well of
 * every acronym. */
static bool looked_enough(const render *r)
{
	return r->be == &render_null_backend && r->p->nwell == r->p->acr.n;
}

/* Whether a text under holder may hold a use (acronym_maybe). */
static bool holder_maybe(const render_priv *p, const ast_node *holder)
{
	for (const ast_node *n = holder->first; n; n = ast_next(n, holder, true))
		if (n->type == AST_TEXT && acronym_maybe(&p->acr, n->u.text, n->tlen))
			return true;
	return false;
}

/* Enter the prose under holder (see above); acro_pop leaves it.  Prose
 * with no use is not scanned: it is entered with no pieces, and each of
 * its texts is then written as it is (text_at). */
void render_acro_push(render *r, const ast_node *holder)
{
	render_priv *p = r->p;
	if (!marking(r))
		return;
	acro_ctx c = {p->npieces, p->npieces, p->npieces, p->nuses, NULL, NULL, 0, 0};
	if (!looked_enough(r)) {
		/* the checks scanned it already: their uses, no second scan */
		c.kept = acronym_uses_of(r->doc->acr_uses, holder, &c.nkept);
		if (c.kept)
			c.holder = holder;
		else if (holder_maybe(p, holder)) {
			prose_flatten(&p->flat, holder);
			acro_push_flat(p);
			return;
		}
	}
	p->ctx = xgrow(p->ctx, &p->cctx, p->nctx, sizeof *p->ctx, "the acronym uses");
	p->ctx[p->nctx++] = c;
}

void render_acro_pop(render *r)
{
	render_priv *p = r->p;
	if (!marking(r))
		return;
	acro_ctx *c = &p->ctx[--p->nctx];
	p->nuses = c->uses;
	p->npieces = c->first;
}

static void abbr(render *r, const ast_node *a, const char *s, size_t n)
{
	render_ev ev = {.el = RE_ABBR, .entering = true,
			.text = a->u.entry->value};
	render_fire(r, &ev);
	render_litn(r, s, n);
	ev.entering = false;
	render_fire(r, &ev);
}

/*
 * A use: marked, and spelled out first when it is the first use in
 * running text that reads well so, or the first at all when none will
 * (the first pass told: acr_well); not where the author wrote "Expansion
 * (ABBR)".  Returns how many bytes of s it wrote from u->at: a plural's
 * 's' goes inside the parentheses, "organizations (NGOs)".
 */
static size_t acronym(render *r, const acro_use *u, const char *s)
{
	render_priv *p = r->p;
	const ast_node *a = p->acr.decl[u->index];
	bool well = acronym_reads_well(u->context);
	if (r->be == &render_null_backend) {
		if (well && !p->acr_well[u->index]) {
			p->acr_well[u->index] = true;
			p->nwell++;
			/* nothing more to learn: the first pass may stop */
			p->pass_over = p->acr_only && p->nwell == p->acr.n;
		}
		return u->len;
	}
	if (!p->noexpand && !p->acr_done[u->index] &&
	    (well || !p->acr_well[u->index])) {
		p->acr_done[u->index] = true;
		if (!(u->context & ACRONYM_WRITTEN)) {
			span at = r->at;
			r->at = a->u.entry->value_at;
			render_litn(r, a->u.entry->value.p, a->u.entry->value.len);
			r->at = at;
			render_lit(r, " (");
			abbr(r, a, s + u->at, u->len);
			render_litn(r, s + u->at + u->len, u->word - u->len);
			render_lit(r, ")");
			return u->word;
		}
	}
	abbr(r, a, s + u->at, u->len);
	return u->len;
}

/* Text piece s of c's holder: its kept uses, in order. */
static void kept_uses(render *r, acro_ctx *c, const char *s, size_t n)
{
	size_t run = 0;
	for (; c->knext < c->nkept && c->kept[c->knext].piece == s; c->knext++) {
		const acronym_use *k = &c->kept[c->knext];
		size_t index = acronym_find(&r->p->acr, s + k->at, k->len);
		if (index == ACRONYM_UNDECLARED)
			continue;
		acro_use u = {k->at, k->len, (size_t)k->len + k->plural, index,
			      k->context};
		render_litn(r, s + run, u.at - run);
		run = u.at + acronym(r, &u, s);
	}
	render_litn(r, s + run, n - run);
}

/* Whether the text being written is of the tree under holder (its
 * parents are few: inlines nest at most INLINE_MAX_DEPTH deep, inline.h). */
static bool piece_of(const render_priv *p, const ast_node *holder)
{
	for (const ast_node *q = p->text_node; q; q = q->parent)
		if (q == holder)
			return true;
	return false;
}

/* Author text: acronyms marked (and spelled out at their first use). */
void render_text(render *r, const char *s, size_t n, span at)
{
	render_priv *p = r->p;
	r->at = at;
	/* The first pass writes nothing: it only looks for acronym uses
	 * that read well (acronym()). */
	if (!marking(r) || looked_enough(r)) {
		render_litn(r, s, n);
		return;
	}
	acro_ctx *c = p->nctx ? &p->ctx[p->nctx - 1] : NULL;
	if (c && c->holder) {
		if (c->knext < c->nkept && c->kept[c->knext].piece == s) {
			kept_uses(r, c, s, n);
			return;
		}
		/* a piece of the holder with no use, or text of its own */
		if (piece_of(p, c->holder) || !acronym_maybe(&p->acr, s, n)) {
			render_litn(r, s, n);
			return;
		}
	}
	bool own = !c || c->holder || c->next >= c->end ||
		   p->pieces[c->next].text != s;
	if (own && !acronym_maybe(&p->acr, s, n)) {
		render_litn(r, s, n);	/* no use here, whatever the prose */
		return;
	}
	if (own) {		/* text of no prose being written */
		prose_clear(&p->flat);
		prose_add_text(&p->flat, s, n, at);
		prose_finish(&p->flat);
		acro_push_flat(p);
		c = &p->ctx[p->nctx - 1];
	}
	const piece_marks *pm = &p->pieces[c->next++];
	size_t run = 0;
	for (size_t k = 0; k < pm->n; k++) {
		const acro_use *u = &p->uses[pm->first + k];
		render_litn(r, s + run, u->at - run);
		run = u->at + acronym(r, u, s);
	}
	render_litn(r, s + run, n - run);
	if (own)
		render_acro_pop(r);
}

/* A text node; each newline in it is a soft break (ast.h). */
void render_text_node(render *r, const ast_node *n)
{
	render_priv *p = r->p;
	p->text_node = n;
	for (ast_text_it it = {.n = n}; ast_text_next(&it);) {
		if (it.piece.len)
			render_text(r, it.piece.p, it.piece.len, it.at);
		if (it.brk) {
			render_ev ev = {.el = RE_SOFTBREAK, .entering = true};
			render_fire(r, &ev);
		}
	}
	p->text_node = NULL;
}

void render_text_field(render *r, const ast_field *f)
{
	if (f)
		render_text(r, f->value.p, f->value.len, f->value_at);
}

void render_name(render *r, const char *s, size_t n, span at)
{
	r->at = at;
	render_litn(r, s, n);
}

/* A date field, spelled out ("1 February 2024"). */
void render_lit_date(render *r, const ast_field *f)
{
	buf t = BUF_INIT;
	i18n_date(r->p->lang, f->value.p, f->value.len, &t);
	r->at = f->value_at;
	render_litn(r, t.data ? t.data : "", t.len);
	buf_free(&t);
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

const render_backend render_plain_backend = {plain_event, plain_text, false, false, false};

void render_plain(const ast_doc *d, const ast_node *n, buf *out)
{
	if (!n)
		return;
	render_priv p;
	memset(&p, 0, sizeof p);
	p.lang = render_doc_lang(d);
	p.nolinks = p.noexpand = p.nonotes = 1;
	static const render_options defaults = {false};
	render r = {d, &defaults, &render_plain_backend, NULL, out, {0, 0}, &p};
	render_children(&r, n);
	buf_free(&p.tmp);
	buf_free(&p.id);
	free(p.lists);
	buf_free(&p.plain);
}

/* Outside blocks: a finding's body is not the brief's opening. */
static const ast_node *first_paragraph(const ast_doc *d)
{
	for (const ast_node *n = d->root; n; n = ast_next(n, d->root, n->type != AST_BLOCK))
		if (n->type == AST_PARAGRAPH)
			return n;
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
