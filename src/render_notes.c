/*
 * render_notes.c - notes ([^label]): their marks in the text and, for a
 * format that lists them, the list of notes before the sources.
 *
 * A note's number is decided once (resolve.c: by first use), and every
 * format shows it.  A format that sets a note's text at its mark
 * (render_backend.notes_at_marks: LaTeX's \footnote) gets the text with
 * the first mark written, and a bare mark after; the others get bare
 * marks, each with an anchor of its own, and the list of notes (RE_NOTES)
 * with a link back to every mark, as sources have.  The text of a
 * note is not running text (its acronyms are not spelled out there), and
 * a mark inside it, or where text is repeated rather than written (the
 * contents, a heading used as a label, the generated lists), is none.
 */
#include <stdlib.h>
#include <string.h>

#include "render_int.h"
#include "xalloc.h"

void render_notes_init(render_priv *p, const ast_doc *d)
{
	p->nnotes = d->notes.n;
	p->note_marks = xcalloc(p->nnotes, sizeof *p->note_marks, "the notes");
	p->note_marks_total = xcalloc(p->nnotes, sizeof *p->note_marks_total,
				      "the notes");
	p->note_written = xcalloc(p->nnotes, sizeof *p->note_written, "the notes");
}

void render_notes_reset(render_priv *p)
{
	memset(p->note_marks, 0, p->nnotes * sizeof *p->note_marks);
	memset(p->note_written, 0, p->nnotes * sizeof *p->note_written);
	p->notes_done = false;
	p->nonotes = 0;
}

void render_notes_free(render_priv *p)
{
	free(p->note_marks);
	free(p->note_marks_total);
	free(p->note_written);
}

/* The anchor of note n, in b. */
static const char *note_anchor(buf *b, long n)
{
	buf_clear(b);
	buf_puts(b, "brief.note.");
	buf_put_ulong(b, (unsigned long)n);
	return b->data;
}

/* The anchor of the k-th mark of note n: the first has none of k. */
static const char *mark_anchor(buf *b, long n, unsigned k)
{
	buf_clear(b);
	buf_puts(b, "brief.noteref.");
	buf_put_ulong(b, (unsigned long)n);
	if (k > 1) {
		buf_putc(b, '.');
		buf_put_ulong(b, k);
	}
	return b->data;
}

/* A note's text: its paragraphs. */
static void note_text(render *r, const ast_node *def)
{
	render_priv *p = r->p;
	p->noexpand++;
	p->nonotes++;
	render_children(r, def);
	p->nonotes--;
	p->noexpand--;
}

void render_note_mark(render *r, const ast_node *ref)
{
	render_priv *p = r->p;
	const ast_node *def = ref->u.note->def;
	if (p->nonotes)
		return;
	if (!def || def->u.note->number < 1 || (size_t)def->u.note->number > p->nnotes) {
		/* undefined-footnote reports it; the text keeps it */
		r->at = ref->at;
		render_lit(r, "[^");
		render_litn(r, ref->u.note->label.p, ref->u.note->label.len);
		render_lit(r, "]");
		return;
	}
	long n = def->u.note->number;
	buf mark = BUF_INIT, note = BUF_INIT;
	render_ev ev = {.el = RE_NOTE_MARK, .entering = true, .number = n,
			.id = mark_anchor(&mark, n, ++p->note_marks[n - 1]),
			.href = p->inlink ? NULL : note_anchor(&note, n)};
	ev.first = r->be->notes_at_marks && !p->note_written[n - 1];
	render_fire(r, &ev);
	if (ev.first) {
		p->note_written[n - 1] = true;
		note_text(r, def);
		ev.entering = false;
		render_fire(r, &ev);
	}
	buf_free(&mark);
	buf_free(&note);
}

/* One note of the list: its text, then a link back to each mark. */
static void note_item(render *r, const ast_node *def)
{
	render_priv *p = r->p;
	long n = def->u.note->number;
	buf first = BUF_INIT, note = BUF_INIT, mark = BUF_INIT;
	render_ev ev = {.el = RE_NOTE_ITEM, .entering = true, .number = n,
			.href = mark_anchor(&first, n, 1), .id = note_anchor(&note, n)};
	render_fire(r, &ev);
	note_text(r, def);
	unsigned total = p->counted ? p->note_marks_total[n - 1] : p->note_marks[n - 1];
	for (unsigned k = 1; k <= total; k++) {
		render_ev bl = {.el = RE_BACKLINK, .entering = true, .name = "note",
				.href = mark_anchor(&mark, n, k), .number = k,
				.label = render_word(r, I18N_BACK_TO_MARK)};
		render_fire(r, &bl);
	}
	ev.entering = false;
	ev.id = NULL;
	render_fire(r, &ev);
	buf_free(&first);
	buf_free(&note);
	buf_free(&mark);
}

bool render_notes_due(const render *r)
{
	return !r->p->notes_done && !r->be->notes_at_marks && r->doc->notes.n;
}

void render_notes(render *r, const char *id, const char *label, int level)
{
	render_priv *p = r->p;
	const ast_vec *v = &r->doc->notes;
	if (!render_notes_due(r))
		return;
	p->notes_done = true;
	render_ev ev = {.el = RE_NOTES, .entering = true, .id = id,
			.label = label, .level = level};
	render_fire(r, &ev);
	for (size_t i = 0; i < v->n; i++)
		note_item(r, v->v[i]);
	ev.entering = false;
	ev.id = NULL;
	render_fire(r, &ev);
}
