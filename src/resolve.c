/*
 * resolve.c - the semantic pass: IDs, references, numbers, links both ways.
 *
 * Fills the semantic part of the tree (ast.h) without reporting anything:
 * what is wrong is for the checks (check.c) to say.  Two passes: the first
 * collects every definition into the ID table (explicit IDs before heading
 * slugs, so a slug never takes an ID an author chose); the second resolves
 * ID lists and references in document order, which is also the order in
 * which sources get their numbers (contract, section 7).
 */
#include <stdlib.h>
#include <string.h>

#include "resolve.h"
#include "i18n.h"
#include "xalloc.h"

static void define(ast_doc *d, ast_node *n, const str *id)
{
	if (!id || !id->len)
		return;
	if (ast_idtab_put(&d->ids, id->p, id->len, n))
		ast_vec_push(&d->duplicates, n);
}

/*
 * A heading slug made unique with -1, -2, ...  *next is where the search
 * for this base slug stopped last time (0: never searched): suffixes only
 * ever get taken, so the next free one is never below it, and n headings
 * with one title cost O(n) lookups, not O(n^2).
 */
static void define_slug(ast_doc *d, ast_node *h, unsigned *next)
{
	str *id = &h->u.heading->id;
	if (!ast_idtab_put(&d->ids, id->p, id->len, h))
		return;
	buf b = BUF_INIT;
	for (unsigned k = *next ? *next : 1;; k++) {
		buf_clear(&b);
		buf_printf(&b, "%.*s-%u", (int)id->len, id->p, k);
		if (!ast_idtab_get_folded(&d->ids, b.data, b.len)) {
			*id = ast_str(d, b.data, b.len);
			ast_idtab_put(&d->ids, id->p, id->len, h);
			*next = k + 1;
			break;
		}
	}
	buf_free(&b);
}

typedef struct slug_ref {
	str base;
	size_t i;		/* index in document order */
} slug_ref;

static int cmp_slug_ref(const void *a, const void *b)
{
	const slug_ref *x = a, *y = b;
	size_t n = x->base.len < y->base.len ? x->base.len : y->base.len;
	int c = memcmp(x->base.p, y->base.p, n);
	if (c)
		return c;
	if (x->base.len != y->base.len)
		return x->base.len < y->base.len ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* Define the slugs in document order, with one suffix counter per distinct
 * base slug (found by sorting, so the cost is O(n log n)). */
static void define_slugs(ast_doc *d, const ast_vec *slugs)
{
	if (!slugs->n)
		return;
	slug_ref *refs = xreallocarray(NULL, slugs->n, sizeof *refs, "the slugs");
	size_t *group = xreallocarray(NULL, slugs->n, sizeof *group, "the slugs");
	unsigned *next = xcalloc(slugs->n, sizeof *next, "the slugs");
	for (size_t i = 0; i < slugs->n; i++) {
		refs[i].base = slugs->v[i]->u.heading->id;
		refs[i].i = i;
	}
	qsort(refs, slugs->n, sizeof *refs, cmp_slug_ref);
	size_t g = 0;
	for (size_t j = 0; j < slugs->n; j++) {
		if (j && (refs[j].base.len != refs[j - 1].base.len ||
			  memcmp(refs[j].base.p, refs[j - 1].base.p, refs[j].base.len) != 0))
			g++;
		group[refs[j].i] = g;
	}
	for (size_t i = 0; i < slugs->n; i++)
		define_slug(d, slugs->v[i], &next[group[i]]);
	free(refs);
	free(group);
	free(next);
}

static ast_level level_of(const ast_field *f)
{
	if (!f)
		return LV_NONE;
	if (strcmp(f->value.p, "high") == 0)
		return LV_HIGH;
	if (strcmp(f->value.p, "medium") == 0)
		return LV_MEDIUM;
	if (strcmp(f->value.p, "low") == 0)
		return LV_LOW;
	return LV_NONE;
}

/* `width: 80`: 10..100, else 0 (bad-value says why). */
static int percent_of(const char *v)
{
	int n = 0, digits = 0;
	for (; *v >= '0' && *v <= '9' && digits < 4; v++, digits++)
		n = n * 10 + (*v - '0');
	return digits && !*v && n >= 10 && n <= 100 ? n : 0;
}

static ast_box_type box_type_of(const char *v)
{
	static const char *const names[] = {"note", "key-points", "sidebar",
					    "disclaimer"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(v, names[i]) == 0)
			return (ast_box_type)i;
	return BOX_NOTE;
}

/*
 * The ID references of a comma-separated value into v (counted only, when
 * v is NULL); their number.  Offsets come from the field's pieces so each
 * ID points at its own text.
 */
static size_t scan_ids(ast_doc *d, const ast_field *f, ast_idref *v)
{
	size_t n = 0;
	const char *t = d->src.text;
	for (size_t s = 0; s < f->nsegs; s++) {
		uint32_t p = f->segs[s].start, e = f->segs[s].end;
		while (p < e) {
			uint32_t q = p;
			while (q < e && t[q] != ',')
				q++;
			uint32_t a = p, b = q;
			while (a < b && (t[a] == ' ' || t[a] == '\t'))
				a++;
			while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t'))
				b--;
			if (b > a || q < e) {
				if (v) {
					ast_idref *r = &v[n];
					r->id = ast_str(d, t + a, b - a);
					r->at = b > a ? span_make(a, b) : span_make(q, q + 1);
					r->target = NULL;
					r->locator.p = "";
					r->locator.len = 0;
					r->locator_at = span_make(0, 0);
				}
				n++;
			}
			p = q < e ? q + 1 : e;
		}
	}
	return n;
}

/* Split a comma-separated value into ID references: counted first, so
 * that each list takes what it holds (a large brief has one or two in
 * each of tens of thousands of findings and recommendations). */
static ast_idlist split_ids(ast_doc *d, const ast_field *f)
{
	ast_idlist l = {NULL, 0};
	if (!f)
		return l;
	size_t n = scan_ids(d, f, NULL);
	if (n) {
		l.v = arena_alloc(&d->arena, n * sizeof *l.v);
		l.n = scan_ids(d, f, l.v);
	}
	return l;
}

static void decode_block(ast_doc *d, ast_node *b)
{
	ast_field *fs = b->u.block->fields;
	switch (b->u.block->kind) {
	case BK_FINDING:
		b->u.block->f_claim = ast_field_get(fs, "claim");
		b->u.block->evidence = split_ids(d, ast_field_get(fs, "evidence"));
		b->u.block->confidence = level_of(ast_field_get(fs, "confidence"));
		break;
	case BK_RECOMMENDATION:
		b->u.block->f_action = ast_field_get(fs, "action");
		b->u.block->addresses = split_ids(d, ast_field_get(fs, "addresses"));
		b->u.block->priority = level_of(ast_field_get(fs, "priority"));
		/* fall through */
	case BK_RECOMMENDATIONS: {
		ast_field *a = ast_field_get(fs, "area");
		if (a) {
			b->u.block->area.id = a->value;
			b->u.block->area.at = a->value_at;
		}
		break;
	}
	case BK_EVIDENCE:
		b->u.block->f_title = ast_field_get(fs, "title");
		break;
	case BK_TABLE: {
		ast_float *fl = ast_block_float(d, b->u.block);
		fl->f_caption = ast_field_get(fs, "caption");
		fl->f_note = ast_field_get(fs, "note");
		b->u.block->evidence = split_ids(d, ast_field_get(fs, "source"));
		break;
	}
	case BK_FIGURE: {
		ast_float *fl = ast_block_float(d, b->u.block);
		fl->f_src = ast_field_get(fs, "src");
		fl->f_alt = ast_field_get(fs, "alt");
		fl->f_caption = ast_field_get(fs, "caption");
		b->u.block->evidence = split_ids(d, ast_field_get(fs, "source"));
		const ast_field *w = ast_field_get(fs, "width");
		fl->width = w ? percent_of(w->value.p) : 0;
		break;
	}
	case BK_BOX: {
		b->u.block->f_title = ast_field_get(fs, "title");
		const ast_field *t = ast_field_get(fs, "type");
		ast_block_float(d, b->u.block)->box_type = t ? box_type_of(t->value.p) : BOX_NOTE;
		break;
	}
	default:
		break;
	}
}

/* Pass 1: collect, decode, define. */
static void collect(ast_doc *d)
{
	ast_vec slugs = {NULL, 0, 0};
	int nboxes = 0, nfigures = 0;
	/* At most one ID for each (the acronyms define none): the table is
	 * made once, not grown through every power of two. */
	htab_reserve(&d->ids, d->defining.n);
	for (size_t i = 0; i < d->defining.n; i++) {
		ast_node *n = d->defining.v[i];
		switch (n->type) {
		case AST_HEADING:
			ast_vec_push(&d->headings, n);
			if (n->u.heading->explicit_id)
				define(d, n, &n->u.heading->id);
			else
				ast_vec_push(&slugs, n);
			break;
		case AST_BLOCK:
			ast_vec_push(&d->blocks, n);
			decode_block(d, n);
			switch (n->u.block->kind) {
			case BK_FINDING:
				ast_vec_push(&d->findings, n);
				n->u.block->number = (int)d->findings.n;
				break;
			case BK_RECOMMENDATION:
				ast_vec_push(&d->recommendations, n);
				n->u.block->number = (int)d->recommendations.n;
				break;
			case BK_EVIDENCE:
				ast_vec_push(&d->evidence, n);
				break;
			case BK_SOURCES:
				d->has_sources_block = true;
				break;
			case BK_TABLE:
				ast_vec_push(&d->tables, n);
				n->u.block->number = (int)d->tables.n;
				break;
			case BK_FIGURE:
				ast_vec_push(&d->figures, n);
				n->u.block->number = ++nfigures;
				break;
			case BK_MAP:
				/* a figure to the reader: "Figure N" */
				ast_vec_push(&d->maps, n);
				n->u.block->number = ++nfigures;
				break;
			case BK_BOX:
				/* only a box that can be referred to is numbered */
				ast_vec_push(&d->boxes, n);
				if (n->u.block->id.len)
					n->u.block->number = ++nboxes;
				break;
			default:
				break;
			}
			if (n->u.block->kind < BK__COUNT &&
			    ast_kind_may_have_id(n->u.block->kind))
				define(d, n, &n->u.block->id);
			break;
		case AST_AREA:
			n->u.entry->index = (uint32_t)d->areas.n;
			ast_vec_push(&d->areas, n);
			define(d, n, &n->u.entry->key);
			break;
		case AST_ACRONYM:
			ast_vec_push(&d->acronyms, n);
			break;
		case AST_FOOTNOTE:
			ast_vec_push(&d->footnotes, n);
			if (ast_idtab_put(&d->note_ids, n->u.note->label.p,
					  n->u.note->label.len, n))
				ast_vec_push(&d->note_duplicates, n);
			break;
		default:
			break;
		}
	}
	define_slugs(d, &slugs);
	ast_vec_free(&slugs);
	ast_vec_free(&d->defining);	/* read once */
}

static void resolve_ref(ast_doc *d, ast_idref *r)
{
	r->target = r->id.len ? ast_idtab_get(&d->ids, r->id.p, r->id.len) : NULL;
}

/* A citation of evidence: number it at its first citation. */
static void cite(ast_doc *d, ast_node *target, ast_node *by)
{
	if (!target || target->type != AST_BLOCK || target->u.block->kind != BK_EVIDENCE)
		return;
	if (!target->u.block->cites++) {
		ast_vec_push(&d->sources, target);
		target->u.block->number = (int)d->sources.n;
	}
	if (by) {
		ast_vec *v = &target->u.block->cited_by;
		if (!v->n || v->v[v->n - 1] != by)
			ast_vec_push(v, by);
	}
}

/* A reference or a link (one the nesting limit undid has no parent). */
static void resolve_node(ast_doc *d, ast_node *n, ast_node *block)
{
	if (n->type == AST_REF) {
		ast_vec_push(&d->refs, n);
		for (size_t i = 0; i < n->u.ref->ids.n; i++) {
			resolve_ref(d, &n->u.ref->ids.v[i]);
			cite(d, n->u.ref->ids.v[i].target, block);
		}
	} else if (n->type == AST_LINK && n->parent) {
		ast_vec_push(&d->links, n);
	} else if (n->type == AST_FNREF) {
		/* notes are numbered by first use (contract 11.4) */
		ast_note *u = n->u.note;
		ast_vec_push(&d->fnrefs, n);
		u->def = ast_idtab_get(&d->note_ids, u->label.p, u->label.len);
		if (u->def && !u->def->u.note->uses++) {
			ast_vec_push(&d->notes, u->def);
			u->def->u.note->number = (int)d->notes.n;
		}
	}
}

/* References and links inside an inline tree (a field's). */
static void resolve_inlines(ast_doc *d, ast_node *root, ast_node *block)
{
	for (ast_node *n = root; n; n = ast_next(n, root, true))
		resolve_node(d, n, block);
}

/* Whether f is the block's list of evidence: a finding's evidence:, a
 * table's or figure's source:. */
static bool cites_evidence(const ast_node *b, const ast_field *f)
{
	switch (b->u.block->kind) {
	case BK_FINDING:
		return f->name.len == 8 && memcmp(f->name.p, "evidence", 8) == 0;
	case BK_TABLE:
	case BK_FIGURE:
		return f->name.len == 6 && memcmp(f->name.p, "source", 6) == 0;
	default:
		return false;
	}
}

static void resolve_block_fields(ast_doc *d, ast_node *b)
{
	/* In field order (the contract's: parse.c keeps them so), so
	 * that source numbers follow the text and not its layout. */
	for (ast_field *f = b->u.block->fields; f; f = f->next) {
		if (f->inl)
			resolve_inlines(d, f->inl, b);
		if (cites_evidence(b, f)) {
			ast_idlist *l = &b->u.block->evidence;
			for (size_t i = 0; i < l->n; i++) {
				resolve_ref(d, &l->v[i]);
				cite(d, l->v[i].target, b);
			}
		}
	}
	if (b->u.block->kind == BK_RECOMMENDATION) {
		ast_idlist *l = &b->u.block->addresses;
		for (size_t i = 0; i < l->n; i++) {
			resolve_ref(d, &l->v[i]);
			ast_node *t = l->v[i].target;
			if (t && t->type == AST_BLOCK && t->u.block->kind == BK_FINDING)
				ast_vec_push(&t->u.block->addressed_by, b);
		}
	}
	if (b->u.block->area.id.len)
		resolve_ref(d, &b->u.block->area);
}

/* The '(' that opens the parenthesis ending [a, b) (b[-1] is ')'), or
 * NULL when it does not open inside the name. */
static const char *affiliation_open(const char *a, const char *b)
{
	int depth = 0;
	for (const char *p = b - 1; p >= a; p--) {
		if (*p == ')')
			depth++;
		else if (*p == '(' && --depth == 0)
			return p;
	}
	return NULL;
}

/* paper: the custom of the brief's language unless set (i18n.c: letter
 * for en-US and en-CA); toc: auto unless set. */
static void decode_layout(ast_meta *m)
{
	if (m->paper && m->paper->value.len)
		m->letter = strcmp(m->paper->value.p, "letter") == 0;
	else
		m->letter = (m->lang ? i18n_lookup(m->lang->value.p, m->lang->value.len, NULL)
			     : i18n_default())->letter;
	m->toc_mode = TOC_AUTO;
	if (m->toc && strcmp(m->toc->value.p, "yes") == 0)
		m->toc_mode = TOC_YES;
	else if (m->toc && strcmp(m->toc->value.p, "no") == 0)
		m->toc_mode = TOC_NO;
}

/* allow: the warning codes it names (bad-value reports the others). */
static void decode_allow(ast_meta *m)
{
	if (!m->allow)
		return;
	const char *p = m->allow->value.p, *e = p + m->allow->value.len;
	char name[64];
	while (p < e) {
		const char *q = memchr(p, ',', (size_t)(e - p));
		const char *a = p, *b = q ? q : e;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if ((size_t)(b - a) < sizeof name) {
			memcpy(name, a, (size_t)(b - a));
			name[b - a] = '\0';
			int c = diag_code_lookup(name);
			if (c >= 0 && diag_code_default((diag_code)c) == DS_WARNING)
				m->allowed[c] = true;
		}
		p = q ? q + 1 : e;
	}
}

static void decode_meta(ast_doc *d)
{
	ast_meta *m = &d->meta;
	ast_field *f = m->fields;
	m->title = ast_field_get(f, "title");
	m->subtitle = ast_field_get(f, "subtitle");
	m->organization = ast_field_get(f, "organization");
	m->authors = ast_field_get(f, "authors");
	m->date = ast_field_get(f, "date");
	m->status = ast_field_get(f, "status");
	m->lang = ast_field_get(f, "lang");
	m->limit_words = ast_field_get(f, "limit-words");
	m->updated = ast_field_get(f, "updated");
	m->series = ast_field_get(f, "series");
	m->number = ast_field_get(f, "number");
	m->version = ast_field_get(f, "version");
	m->paper = ast_field_get(f, "paper");
	m->toc = ast_field_get(f, "toc");
	m->logo = ast_field_get(f, "logo");
	m->allow = ast_field_get(f, "allow");
	m->final = m->status && strcmp(m->status->value.p, "final") == 0;
	decode_layout(m);
	decode_allow(m);
	if (m->limit_words) {
		char *end;
		long v = strtol(m->limit_words->value.p, &end, 10);
		m->limit = *end == '\0' && v > 0 ? v : 0;
	}
	for (ast_field *t = f; t; t = t->next)
		if (t->inl)
			resolve_inlines(d, t->inl, NULL);
	if (!m->authors)
		return;
	const char *p = m->authors->value.p;
	size_t cap = 0;
	while (*p) {
		const char *q = strchr(p, ';');
		if (!q)
			q = p + strlen(p);
		const char *a = p, *b = q;
		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		if (b > a) {
			if (m->nauthors == cap) {
				size_t nc = cap ? cap * 2 : 4;
				m->author_names = arena_realloc(&d->arena, m->author_names,
								cap * sizeof(str), nc * sizeof(str));
				m->affiliations = arena_realloc(&d->arena, m->affiliations,
								cap * sizeof(str), nc * sizeof(str));
				cap = nc;
			}
			/* "Name (Affiliation)": a trailing parenthesis */
			const char *o = b[-1] == ')' ? affiliation_open(a, b) : NULL;
			const char *ne = o ? o : b;
			while (ne > a && ne[-1] == ' ')
				ne--;
			str none = {"", 0};
			m->affiliations[m->nauthors] = o && ne > a ?
				ast_str(d, o + 1, (size_t)(b - 1 - o - 1)) : none;
			m->author_names[m->nauthors++] = ast_str(d, a, (size_t)((o && ne > a ? ne : b) - a));
		}
		p = *q ? q + 1 : q;
	}
}

void resolve_document(ast_doc *d)
{
	collect(d);
	decode_meta(d);
	/* Pass 2, in document order: what parse.c noted (ast.h). */
	for (size_t i = 0; i < d->npending; i++) {
		ast_node *n = d->pending[i].node;
		if (n->type == AST_BLOCK)
			resolve_block_fields(d, n);
		else
			resolve_node(d, n, d->pending[i].block);
	}
	free(d->pending);
	d->pending = NULL;
	d->npending = d->cappending = 0;
	for (size_t i = 0; i < d->recommendations.n; i++) {
		ast_node *t = d->recommendations.v[i]->u.block->area.target;
		if (t && t->type == AST_AREA)
			ast_vec_push(&t->u.entry->recommendations, d->recommendations.v[i]);
	}
	/* Uncited evidence follows, in document order. */
	for (size_t i = 0; i < d->evidence.n; i++) {
		ast_node *e = d->evidence.v[i];
		/* (a library's is part of the brief only if cited) */
		if (!e->u.block->number && !e->u.block->cites && !ast_in_library(d, e)) {
			ast_vec_push(&d->sources, e);
			e->u.block->number = (int)d->sources.n;
		}
	}
}
