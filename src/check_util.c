/*
 * check_util.c - what a check's diagnostic says and where it points: the
 * names of blocks, the spans of IDs, lines and field values, quotes cut
 * short, and the report order of checks run in one walk.
 */
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "utf8.h"

int check_clip(const char *s, size_t len)
{
	return (int)utf8_start(s, len, CHECK_CLIP);
}

const char *check_quote(ast_doc *d, const char *s, size_t len)
{
	if (len <= CHECK_CLIP)
		return s;
	return arena_printf(&d->arena, "%.*s...", check_clip(s, len), s);
}

/* ---- report order ---- */

void check_reseq(diag_list *dl, size_t from)
{
	size_t start[DC__COUNT + 1] = {0};

	for (size_t i = from; i < dl->n; i++)
		start[dl->items[i].code + 1]++;
	start[0] = from;
	for (size_t c = 1; c <= DC__COUNT; c++)
		start[c] += start[c - 1];
	for (size_t i = from; i < dl->n; i++)
		dl->items[i].seq = start[dl->items[i].code]++;
}

/* ---- names and locations ---- */

bool check_nameable(const ast_doc *d, const ast_node *n)
{
	const str *id = ast_node_id(n);
	return id && ast_id_valid(id->p, id->len) &&
	       ast_idtab_get(&d->ids, id->p, id->len) == n;
}

const char *check_block_title(ast_doc *d, const ast_node *b)
{
	if (b->u.block->id.len)
		return arena_printf(&d->arena, "%s '%s'",
				    ast_block_kind_name(b->u.block->kind),
				    CHECK_Q(d, b->u.block->id));
	return ast_block_kind_name(b->u.block->kind);
}

span check_id_span(const ast_node *n)
{
	switch (n->type) {
	case AST_BLOCK:
		return n->u.block->id.len ? n->u.block->id_at : n->u.block->open_at;
	case AST_HEADING:
		return n->u.heading->id_at;
	case AST_AREA:
	case AST_ACRONYM:
		return n->u.entry->key_at;
	default:
		return n->at;
	}
}

span check_first_line(const ast_doc *d, span s)
{
	const char *nl;

	if (s.start >= d->src.len || s.end <= s.start)
		return s;
	nl = memchr(d->src.text + s.start, '\n', s.end - s.start);
	if (nl)
		s.end = (uint32_t)(nl - d->src.text);
	return s;
}

span check_field_span(const ast_doc *d, const ast_field *f, size_t a, size_t b)
{
	size_t pos = 0;

	(void)d;
	if (f->segs && f->nsegs) {
		uint32_t s = f->segs[0].start, e = f->segs[0].start;
		bool have_s = false;
		for (size_t i = 0; i < f->nsegs; i++) {
			size_t slen = f->segs[i].end - f->segs[i].start;
			/* value bytes [pos, pos + slen) are this segment */
			if (!have_s && a <= pos + slen) {
				s = f->segs[i].start + (uint32_t)(a - pos);
				have_s = true;
			}
			if (b <= pos + slen) {
				e = f->segs[i].start + (uint32_t)(b - pos);
				if (!have_s)
					s = e;
				return span_make(s, e < s ? s : e);
			}
			e = f->segs[i].end;
			pos += slen + 1;	/* the joining space */
		}
		return span_make(have_s ? s : e, e);
	}
	return span_make(f->value_at.start + (uint32_t)a,
			 f->value_at.start + (uint32_t)b);
}
