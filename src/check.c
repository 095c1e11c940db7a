/*
 * check.c - the checker's entry point and the structural checks: IDs,
 * references, fields and their values.
 *
 * The loader has already reported `syntax` and `bad-encoding`; resolve.c
 * has filled the ID table and resolved what it could.  These checks say
 * what resolution left undone: a name that points nowhere, or at the wrong
 * kind of thing, a field that is missing, unknown or malformed.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_util.h"
#include "library.h"
#include "xalloc.h"

void check_run_all(ast_doc *d)
{
	check_duplicate_id(d);
	check_undefined_reference(d);
	check_wrong_kind(d);
	check_missing_field(d);
	check_unknown_field(d);
	check_bad_value(d);
	check_bad_url(d);
	check_unsafe_url(d);
	check_empty_link(d);
	check_unsupported_finding(d);
	check_unsupported_recommendation(d);
	check_unaddressed_finding(d);
	check_unused_evidence(d);
	check_prose_all(d);
	check_missing_file(d);
	check_undefined_footnote(d);
	check_unused_footnote(d);
	check_table_shape(d);
	check_unreferenced_float(d);
	check_weak_alt(d);
	library_settle(d);
}

/* ---- duplicate-id ---- */

void check_duplicate_id(ast_doc *d)
{
	for (size_t i = 0; i < d->duplicates.n; i++) {
		const ast_node *n = d->duplicates.v[i];
		const str *id = ast_node_id(n);
		if (!id || !id->len)
			continue;
		const ast_node *first = ast_idtab_get_folded(&d->ids, id->p, id->len);
		const str *fid = first ? ast_node_id(first) : NULL;
		bool folded = fid && (fid->len != id->len ||
				      memcmp(fid->p, id->p, id->len) != 0);
		if (first && ast_in_library(d, n) && !ast_in_library(d, first)) {
			/* the brief's own definition is the one to change
			 * (contract 12), and the one that counts meanwhile */
			size_t k = diag_report(&d->diags, DC_DUPLICATE_ID, check_id_span(first),
					       "duplicate ID '%s': a library defines it too",
					       CHECK_Q(d, *id));
			diag_add_note(&d->diags, k, check_id_span(n),
				      "'%s' is defined in the library here", CHECK_Q(d, *id));
			continue;
		}
		size_t k = diag_report(&d->diags, DC_DUPLICATE_ID,
				       check_id_span(n), folded ?
				       "duplicate ID '%s': IDs that differ only "
				       "in letter case are the same ID" :
				       "duplicate ID '%s'", CHECK_Q(d, *id));
		if (first && first != n)
			diag_add_note(&d->diags, k, check_id_span(first),
				      "'%s' is first defined here",
				      CHECK_Q(d, fid ? *fid : *id));
	}
	/* notes' labels, a namespace of their own */
	for (size_t i = 0; i < d->note_duplicates.n; i++) {
		const ast_note *n = d->note_duplicates.v[i]->u.note;
		const ast_node *first = ast_idtab_get_folded(&d->note_ids, n->label.p,
							     n->label.len);
		size_t k = diag_report(&d->diags, DC_DUPLICATE_ID, n->label_at,
				       "note '[^%s]' is defined twice",
				       CHECK_Q(d, n->label));
		if (first)
			diag_add_note(&d->diags, k, first->u.note->label_at,
				      "'[^%s]' is first defined here",
				      CHECK_Q(d, first->u.note->label));
	}
}

/* ---- references and ID lists ---- */

/* One ID list of a block and the kind of node it must name. */
typedef struct idlist_use {
	const ast_idref *v;
	size_t n;
	const char *field;	/* "evidence", "addresses", "area" */
	ast_type want_type;	/* AST_BLOCK or AST_AREA */
	ast_block_kind want_kind;
	const char *want;	/* "evidence", "findings", "an area" */
	const ast_vec *cands;	/* suggestions come from these */
} idlist_use;

/* The ID lists of a block; returns how many were written into u[3]. */
static size_t block_idlists(const ast_doc *d, const ast_node *b, idlist_use *u)
{
	size_t n = 0;

	switch (b->u.block->kind) {
	case BK_FINDING:
		u[n++] = (idlist_use){b->u.block->evidence.v,
				      b->u.block->evidence.n, "evidence",
				      AST_BLOCK, BK_EVIDENCE, "evidence",
				      &d->evidence};
		break;
	case BK_RECOMMENDATION:
		u[n++] = (idlist_use){b->u.block->addresses.v,
				      b->u.block->addresses.n, "addresses",
				      AST_BLOCK, BK_FINDING, "findings",
				      &d->findings};
		/* fall through */
	case BK_RECOMMENDATIONS:
		if (b->u.block->area.id.len)
			u[n++] = (idlist_use){&b->u.block->area, 1, "area",
					      AST_AREA, BK_FINDING, "an area",
					      &d->areas};
		break;
	case BK_TABLE:
	case BK_FIGURE:
		u[n++] = (idlist_use){b->u.block->evidence.v,
				      b->u.block->evidence.n, "source",
				      AST_BLOCK, BK_EVIDENCE, "evidence",
				      &d->evidence};
		break;
	default:
		break;
	}
	return n;
}

static bool node_is(const ast_node *t, const idlist_use *u)
{
	if (t->type != u->want_type)
		return false;
	return t->type != AST_BLOCK || t->u.block->kind == u->want_kind;
}

/*
 * A suggestion costs a pass over every ID.  Once a document has this many
 * diagnostics (far more than anyone reads) suggestions are left out, which
 * keeps a draft with a million broken references linear.
 */
enum { CHECK_MAX_SUGGESTIONS = 200 };

static void suggest_from(ast_doc *d, size_t k, const ast_idref *r,
			 const char **cands, size_t ncands)
{
	if (k >= CHECK_MAX_SUGGESTIONS)
		return;
	const char *s = diag_suggest(r->id.p, r->id.len, cands, ncands);
	if (s)
		diag_add_help(&d->diags, k, "did you mean '%s'?",
			      check_quote(d, s, strlen(s)));
}

/* The IDs of the nodes of v, for suggestions (heap array). */
static const char **ids_of(const ast_vec *v, size_t *n)
{
	const char **out = xreallocarray(NULL, v->n + 1, sizeof *out, "suggestions");
	*n = 0;
	for (size_t i = 0; i < v->n; i++) {
		const str *id = ast_node_id(v->v[i]);
		if (id && id->len)
			out[(*n)++] = id->p;
	}
	return out;
}

/* Every ID of the document, in document order per kind of definer. */
static const char **all_ids(const ast_doc *d, size_t *n)
{
	const ast_vec *vs[] = {&d->headings, &d->blocks, &d->areas};
	size_t cap = 1;
	for (size_t i = 0; i < 3; i++)
		cap += vs[i]->n;
	const char **out = xreallocarray(NULL, cap, sizeof *out, "suggestions");
	*n = 0;
	for (size_t i = 0; i < 3; i++)
		for (size_t j = 0; j < vs[i]->n; j++) {
			const str *id = ast_node_id(vs[i]->v[j]);
			if (id && id->len)
				out[(*n)++] = id->p;
		}
	return out;
}

void check_undefined_reference(ast_doc *d)
{
	size_t nall;
	const char **all = all_ids(d, &nall);

	for (size_t i = 0; i < d->refs.n; i++) {
		const ast_idlist *ids = &d->refs.v[i]->u.ref->ids;
		for (size_t j = 0; j < ids->n; j++) {
			const ast_idref *r = &ids->v[j];
			if (ast_idref_target(d, r) ||
			    !ast_id_valid(r->id.p, r->id.len))
				continue;
			size_t k = diag_report(&d->diags, DC_UNDEFINED_REFERENCE,
					       r->at,
					       "reference to undefined ID '%s'",
					       CHECK_Q(d, r->id));
			suggest_from(d, k, r, all, nall);
		}
	}
	free(all);

	for (size_t i = 0; i < d->blocks.n; i++) {
		idlist_use u[3];
		size_t nu = block_idlists(d, d->blocks.v[i], u);
		for (size_t l = 0; l < nu; l++) {
			size_t ncands;
			const char **cands = NULL;
			for (size_t j = 0; j < u[l].n; j++) {
				const ast_idref *r = &u[l].v[j];
				if (ast_idref_target(d, r) ||
				    !ast_id_valid(r->id.p, r->id.len))
					continue;
				size_t k = diag_report(
					&d->diags, DC_UNDEFINED_REFERENCE, r->at,
					"'%s:' names undefined ID '%s'",
					u[l].field, CHECK_Q(d, r->id));
				if (!cands)
					cands = ids_of(u[l].cands, &ncands);
				suggest_from(d, k, r, cands, ncands);
			}
			free(cands);
		}
	}
}

/* ---- one mistake, one diagnostic ---- */

static void excuse(ast_vec *v, const ast_node *n)
{
	if (n)
		ast_vec_push(v, (ast_node *)n);
}

/* Whether an ID of a list or reference names nothing: undefined-reference
 * or bad-value reports it. */
static bool broken(const ast_doc *d, const ast_idref *r)
{
	return !ast_idref_target(d, r);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* The start of every syntax error, sorted. */
static uint32_t *syntax_starts(const ast_doc *d, size_t *n)
{
	uint32_t *v = xreallocarray(NULL, d->diags.n + 1, sizeof *v,
				    "the syntax errors");
	*n = 0;
	for (size_t i = 0; i < d->diags.n; i++)
		if (d->diags.items[i].code == DC_SYNTAX)
			v[(*n)++] = d->diags.items[i].at.start;
	qsort(v, *n, sizeof *v, cmp_u32);
	return v;
}

static bool syntax_inside(const uint32_t *v, size_t n, span at)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid] < at.start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] < at.end;
}

/* Whether a reference in the inlines under top names nothing. */
static bool subtree_broken(const ast_doc *d, const ast_node *top)
{
	for (const ast_node *n = top->first; n; n = ast_next(n, top, true))
		if (n->type == AST_REF)
			for (size_t i = 0; i < n->u.ref->ids.n; i++)
				if (broken(d, &n->u.ref->ids.v[i]))
					return true;
	return false;
}

/* The did-you-mean of a broken ID, among cands; counted against the
 * suggestion budget like check_undefined_reference's. */
static void excuse_meant(ast_doc *d, const ast_idref *r, const char **cands,
			 size_t ncands, size_t *budget)
{
	if (!*budget)
		return;
	(*budget)--;
	const char *s = diag_suggest(r->id.p, r->id.len, cands, ncands);
	if (s)
		excuse(&d->meant, ast_idtab_get(&d->ids, s, strlen(s)));
}

/*
 * What the chain checks (check_support.c) leave alone, because a
 * diagnostic of its own already explains why it looks unsupported,
 * unaddressed or unused (contract 11.9).  In d->excused: a finding or
 * recommendation with a syntax error inside it, or with an ID in its
 * lists or references that names nothing: what it rests on is unknown,
 * not missing.  In d->meant: what such an ID most likely meant (its
 * did-you-mean), and what a mended malformed reference names: it is
 * cited or addressed, only misspelt.  Made once per document.
 */
void check_excused(ast_doc *d)
{
	if (d->excused_done)
		return;
	d->excused_done = true;
	size_t nsyn, nall = 0, budget = CHECK_MAX_SUGGESTIONS;
	uint32_t *syn = syntax_starts(d, &nsyn);
	const char **all = NULL;
	for (size_t i = 0; i < d->blocks.n; i++) {
		const ast_node *b = d->blocks.v[i];
		/* only findings and recommendations are judged by support */
		bool judged = b->u.block->kind == BK_FINDING ||
			      b->u.block->kind == BK_RECOMMENDATION;
		bool bad = judged && (b->u.block->misplaced_field ||
				      syntax_inside(syn, nsyn, b->at) ||
				      subtree_broken(d, b));
		for (const ast_field *f = b->u.block->fields; judged && f && !bad; f = f->next)
			bad = f->inl && subtree_broken(d, f->inl);
		idlist_use u[3];
		size_t nu = block_idlists(d, b, u);
		for (size_t l = 0; l < nu; l++) {
			size_t ncands = 0;
			const char **cands = NULL;
			for (size_t j = 0; j < u[l].n; j++) {
				if (!broken(d, &u[l].v[j]))
					continue;
				bad |= u[l].want_type == AST_BLOCK;	/* not area: */
				if (!cands)
					cands = ids_of(u[l].cands, &ncands);
				excuse_meant(d, &u[l].v[j], cands, ncands, &budget);
			}
			free(cands);
		}
		if (bad)
			excuse(&d->excused, b);
	}
	for (size_t i = 0; i < d->refs.n; i++) {
		const ast_idlist *ids = &d->refs.v[i]->u.ref->ids;
		for (size_t j = 0; j < ids->n; j++) {
			if (!broken(d, &ids->v[j]))
				continue;
			if (!all)
				all = all_ids(d, &nall);
			excuse_meant(d, &ids->v[j], all, nall, &budget);
		}
	}
	for (size_t i = 0; i < d->nmended; i++)
		excuse(&d->meant, ast_idtab_get(&d->ids, d->mended[i].p,
						 d->mended[i].len));
	free(all);
	free(syn);
}

/* "a finding", "an area", "evidence" */
static const char *article(const char *what)
{
	if (strcmp(what, "evidence") == 0)
		return "";
	return strchr("aeiou", what[0]) ? "an " : "a ";
}

void check_wrong_kind(ast_doc *d)
{
	for (size_t i = 0; i < d->blocks.n; i++) {
		idlist_use u[3];
		size_t nu = block_idlists(d, d->blocks.v[i], u);
		for (size_t l = 0; l < nu; l++)
			for (size_t j = 0; j < u[l].n; j++) {
				const ast_idref *r = &u[l].v[j];
				const ast_node *t = ast_idref_target(d, r);
				if (!t || node_is(t, &u[l]))
					continue;
				const char *what = ast_node_what(t);
				size_t k = diag_report(
					&d->diags, DC_WRONG_KIND, r->at,
					"'%s:' must name %s, but '%s' is %s%s",
					u[l].field, u[l].want, CHECK_Q(d, r->id),
					article(what), what);
				diag_add_note(&d->diags, k, check_id_span(t),
					      "'%s' is defined here",
					      CHECK_Q(d, r->id));
			}
	}
}

/* ---- fields ---- */

static span open_line(const ast_doc *d, const ast_node *b)
{
	return check_first_line(d, b->u.block->open_at);
}

/* The front matter's opening line, or the first line of the file. */
static span front_line(const ast_doc *d)
{
	span s = d->meta.present ? d->meta.at : span_make(0, (uint32_t)d->src.len);
	return check_first_line(d, s);
}

void check_missing_field(ast_doc *d)
{
	size_t n;
	const ast_field_spec *specs;

	for (size_t i = 0; i < d->blocks.n; i++) {
		const ast_node *b = d->blocks.v[i];
		specs = ast_block_fields(b->u.block->kind, &n);
		for (size_t j = 0; j < n; j++) {
			if (!specs[j].required ||
			    ast_field_of(b->u.block->fields, &specs[j]))
				continue;
			diag_report(&d->diags, DC_MISSING_FIELD, open_line(d, b),
				    "%s has no '%s:' field", check_block_title(d, b),
				    specs[j].name);
		}
	}

	specs = ast_meta_fields(&n);
	if (!d->meta.present) {
		size_t k = diag_report(&d->diags, DC_MISSING_FIELD,
				       front_line(d),
				       "the brief has no front matter");
		diag_add_help(&d->diags, k,
			      "start the file with '---', the lines 'title:', "
			      "'authors:' and 'date:', and '---'");
		return;
	}
	for (size_t j = 0; j < n; j++) {
		if (!specs[j].required ||
		    ast_field_of(d->meta.fields, &specs[j]))
			continue;
		diag_report(&d->diags, DC_MISSING_FIELD, front_line(d),
			    "the front matter has no '%s:' key", specs[j].name);
	}
}

/*
 * Report the fields that specs do not name, and a known field given a
 * second time (the kind has only one of it).  what is "field" or "key".
 */
static const char *fields_owner(ast_doc *d, const ast_node *block)
{
	return block ? check_block_title(d, block) : "the front matter";
}

/* block is NULL for the front matter; its title is made only for a
 * report (an arena string per block would cost more than the check). */
static void unknown_fields(ast_doc *d, const ast_field *f,
			   const ast_field_spec *specs, size_t n,
			   const ast_node *block, const char *what)
{
	const char *names[32];
	size_t nn = n < 32 ? n : 32;
	/* the first field of each known name, by its place in specs: a table
	 * per block would cost more than the block */
	const ast_field *seen[32] = {NULL};

	for (size_t i = 0; i < nn; i++)
		names[i] = specs[i].name;
	for (; f; f = f->next) {
		size_t k;
		const ast_field_spec *sp = f->spec;

		if (!sp) {
			k = diag_report(&d->diags, DC_UNKNOWN_FIELD, f->name_at,
					"%s has no %s '%s'", fields_owner(d, block),
					what, CHECK_Q(d, f->name));
			const char *s = diag_suggest(f->name.p, f->name.len,
						     names, nn);
			if (s)
				diag_add_help(&d->diags, k,
					      "did you mean '%s'?",
					      check_quote(d, s, strlen(s)));
			else if (n == 0)
				diag_add_help(&d->diags, k,
					      "this kind of block takes no fields");
			continue;
		}
		/* (a kind has at most 8 fields: ast.c) */
		size_t at = (size_t)(sp - specs) % 32;
		const ast_field *first = seen[at];
		if (!first) {
			seen[at] = f;
			continue;
		}
		k = diag_report(&d->diags, DC_UNKNOWN_FIELD, f->name_at,
				"%s has a second %s '%s'", fields_owner(d, block),
				what, CHECK_Q(d, f->name));
		diag_add_note(&d->diags, k, first->name_at,
			      "'%s' is first given here",
			      CHECK_Q(d, f->name));
	}
}

void check_unknown_field(ast_doc *d)
{
	size_t n;
	const ast_field_spec *specs;

	specs = ast_meta_fields(&n);
	unknown_fields(d, d->meta.fields, specs, n, NULL, "key");
	for (size_t i = 0; i < d->blocks.n; i++) {
		ast_node *b = d->blocks.v[i];
		if (b->u.block->kind >= BK__COUNT)
			continue;	/* an unknown kind: a syntax error */
		specs = ast_block_fields(b->u.block->kind, &n);
		unknown_fields(d, b->u.block->fields, specs, n, b, "field");
	}
}
