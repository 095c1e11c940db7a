/*
 * check_notes.c - notes ([^label] and `[^label]: text`): undefined-footnote,
 * unused-footnote, and a note with no text (bad-value).
 *
 * Labels are a namespace of their own (contract 11.4): resolve.c looked
 * every use up in d->note_ids and numbered the notes by first use.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_util.h"
#include "xalloc.h"

/* The labels of the notes, for suggestions (heap array). */
static const char **labels(const ast_doc *d, size_t *n)
{
	const char **v = xreallocarray(NULL, d->footnotes.n + 1, sizeof *v,
				       "the notes' labels");
	*n = 0;
	for (size_t i = 0; i < d->footnotes.n; i++)
		v[(*n)++] = d->footnotes.v[i]->u.note->label.p;
	return v;
}

/* The note an undefined use most likely meant, or NULL; a budget keeps a
 * draft of a million broken uses linear (as for IDs, check.c). */
static const ast_node *meant(const ast_doc *d, const ast_note *u,
			     const char **cands, size_t ncands, size_t *budget)
{
	if (!*budget)
		return NULL;
	(*budget)--;
	const char *s = diag_suggest(u->label.p, u->label.len, cands, ncands);
	return s ? ast_idtab_get(&d->note_ids, s, strlen(s)) : NULL;
}

enum { NOTE_MAX_SUGGESTIONS = 200 };

void check_undefined_footnote(ast_doc *d)
{
	size_t nc, budget = NOTE_MAX_SUGGESTIONS;
	const char **cands = NULL;

	for (size_t i = 0; i < d->fnrefs.n; i++) {
		const ast_note *u = d->fnrefs.v[i]->u.note;
		if (u->def)
			continue;
		size_t k = diag_report(&d->diags, DC_UNDEFINED_FOOTNOTE, u->label_at,
				       "note '[^%s]' is not defined",
				       CHECK_Q(d, u->label));
		if (!cands)
			cands = labels(d, &nc);
		const ast_node *m = meant(d, u, cands, nc, &budget);
		if (m)
			diag_add_help(&d->diags, k, "did you mean '[^%s]'?",
				      CHECK_Q(d, m->u.note->label));
		else
			diag_add_help(&d->diags, k, "define it in a paragraph "
				      "that starts '[^%s]: '", CHECK_Q(d, u->label));
	}
	free(cands);
}

void check_unused_footnote(ast_doc *d)
{
	size_t nc, budget = NOTE_MAX_SUGGESTIONS;
	const char **cands = NULL;
	ptrset excused = {0};

	/* a note that a misspelt use meant: undefined-footnote says so */
	for (size_t i = 0; i < d->fnrefs.n; i++) {
		const ast_note *u = d->fnrefs.v[i]->u.note;
		if (u->def)
			continue;
		if (!cands)
			cands = labels(d, &nc);
		ptrset_add(&excused, meant(d, u, cands, nc, &budget));
	}
	for (size_t i = 0; i < d->footnotes.n; i++) {
		const ast_node *f = d->footnotes.v[i];
		const ast_note *n = f->u.note;
		if (n->uses || ptrset_has(&excused, f) ||
		    ast_idtab_get(&d->note_ids, n->label.p, n->label.len) != f)
			continue;	/* used, meant, or a duplicate */
		size_t k = diag_report(&d->diags, DC_UNUSED_FOOTNOTE, n->label_at,
				       "note '[^%s]' is defined but never used",
				       CHECK_Q(d, n->label));
		diag_add_help(&d->diags, k, "refer to it with [^%s] where it "
			      "belongs, or remove it", CHECK_Q(d, n->label));
	}
	free(cands);
	ptrset_free(&excused);
}

/* A note with no text (bad-value): `[^x]:` and nothing after. */
void check_empty_notes(ast_doc *d)
{
	for (size_t i = 0; i < d->footnotes.n; i++) {
		const ast_node *f = d->footnotes.v[i];
		if (!f->first)
			diag_report(&d->diags, DC_BAD_VALUE, f->u.note->label_at,
				    "note '[^%s]' has no text: write it after "
				    "'[^%s]: '", CHECK_Q(d, f->u.note->label),
				    CHECK_Q(d, f->u.note->label));
	}
}
