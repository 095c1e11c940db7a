/*
 * parse_table.c - the body of a ::: table: one pipe table.
 *
 *   table     = header-row delimiter-row { row } ;
 *   row       = [ "|" ] cell { "|" cell } [ "|" ] ;   (* "\|" is a literal pipe *)
 *   delimiter = [ "|" ] align { "|" align } [ "|" ] ;
 *   align     = SP* [ ":" ] "-"+ [ ":" ] SP* ;
 *
 * The scanner hands over every line of the body as text (brief.l, ROWS).
 * Each row becomes an AST_ROW of AST_CELLs whose inline text is parsed
 * like prose; the delimiter row becomes the block's column alignments.
 * A row with more or fewer cells than the header is kept as written:
 * table-shape reports it (check_floats.c).  What is not a row is a syntax
 * error, so no line of a table body is lost in silence.
 */
#include <string.h>

#include "parse.h"

static bool pad(char c)
{
	return c == ' ' || c == '\t' || c == '\x01';
}

/* The cells of the line [a, b) of lex: their spans, trimmed, into
 * ps->segs; returns how many.  No pipe at all: 0. */
static size_t split_cells(parse_state *ps, uint32_t a, uint32_t b)
{
	const char *t = ps->lex;
	while (a < b && pad(t[a]))
		a++;
	while (b > a && pad(t[b - 1]))
		b--;
	bool any = false;
	ps->nsegs = 0;
	uint32_t from = a;
	if (a < b && t[a] == '|') {
		any = true;
		from = ++a;
	}
	/* From pipe to pipe; "\|" and every other escape stay in the cell,
	 * so a pipe after an odd run of backslashes is the cell's. */
	for (uint32_t i = a; i < b;) {
		const char *bar = memchr(t + i, '|', b - i);
		if (!bar)
			break;
		uint32_t k = (uint32_t)(bar - t), e = k;
		while (e > a && t[e - 1] == '\\')
			e--;
		i = k + 1;
		if ((k - e) % 2)
			continue;
		any = true;
		parse_push_seg(ps, span_make(from, k));
		from = k + 1;
	}
	if (!any)
		return 0;
	if (from < b)	/* the last cell, unless a closing pipe ended it */
		parse_push_seg(ps, span_make(from, b));
	for (size_t k = 0; k < ps->nsegs; k++) {
		span *c = &ps->segs[k];
		while (c->start < c->end && pad(t[c->start]))
			c->start++;
		while (c->end > c->start && pad(t[c->end - 1]))
			c->end--;
	}
	return ps->nsegs;
}

/* The alignment of a delimiter cell, or -1 if it is not one. */
static int align_of(const char *t, span c)
{
	uint32_t a = c.start, b = c.end;
	bool left = a < b && t[a] == ':';
	bool right = b > a && t[b - 1] == ':';
	a += left;
	b -= right && b > a;
	if (a >= b)
		return -1;
	for (uint32_t i = a; i < b; i++)
		if (t[i] != '-')
			return -1;
	return left && right ? AL_CENTER : left ? AL_LEFT : right ? AL_RIGHT : AL_NONE;
}

/* Whether every cell is a delimiter cell. */
static bool is_delimiter(const parse_state *ps, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (align_of(ps->lex, ps->segs[k]) < 0)
			return false;
	return n > 0;
}

static void delimiter_row(parse_state *ps, size_t n, span at)
{
	ast_float *b = ast_block_float(ps->doc, ps->block->u.block);
	b->align = arena_alloc(&ps->doc->side, n * sizeof *b->align);
	for (size_t k = 0; k < n; k++)
		b->align[k] = (ast_align)align_of(ps->lex, ps->segs[k]);
	b->ndelim = (uint32_t)n;
	b->delim_at = at;
}

/* A row of n cells (ps->segs), header or not. */
static ast_node *row(parse_state *ps, size_t n, span at, bool header)
{
	ast_doc *d = ps->doc;
	ast_node *r = ast_new(d, AST_ROW, at);
	r->tlen = header;
	ast_append(ps->block, r);
	for (size_t k = 0; k < n; k++) {
		span c = ps->segs[k];
		ast_node *cell = ast_new(d, AST_CELL, c);
		cell->tlen = (uint32_t)k;
		ast_append(r, cell);
		if (c.end > c.start &&
		    inline_parse(d, ps->lex, cell, &c, 1, &ps->scratch))
			parse_pending_made(ps);
	}
	ps->nsegs = 0;
	return r;
}

void parse_table_line(parse_state *ps, const parse_tok *t, span at)
{
	diag_list *dl = &ps->doc->diags;
	size_t n = split_cells(ps, at.start, at.end);
	(void)t;
	if (!n) {
		diag_report(dl, DC_SYNTAX, at, "expected a table row, cells "
			    "separated by '|' ('| a | b |'): a table's body "
			    "holds nothing else");
		ps->nsegs = 0;
		return;
	}
	switch (ps->table_stage) {
	case TS_HEADER:
		if (is_delimiter(ps, n)) {
			diag_report(dl, DC_SYNTAX, at, "the table has no header "
				    "row: write one above this delimiter row");
			delimiter_row(ps, n, at);
			ps->nsegs = 0;
			ps->table_stage = TS_ROWS;
			return;
		}
		ps->table_header = row(ps, n, at, true);
		ps->table_stage = TS_DELIMITER;
		return;
	case TS_DELIMITER:
		if (is_delimiter(ps, n)) {
			delimiter_row(ps, n, at);
			ps->nsegs = 0;
			ps->table_stage = TS_ROWS;
			return;
		}
		diag_report(dl, DC_SYNTAX, at, "expected the delimiter row "
			    "under the table's header, one '---' per column "
			    "('|---|--:|'; ':' sets the alignment)");
		ps->table_stage = TS_ROWS;
		ps->table_delim_said = true;
		break;
	case TS_AFTER:
		diag_report(dl, DC_SYNTAX, at, "a blank line ended the table "
			    "above: a table block holds one table, its rows "
			    "not separated by blank lines");
		ps->table_stage = TS_ROWS;
		break;
	case TS_ROWS:
		break;
	}
	row(ps, n, at, false);
}

void parse_table_blank(parse_state *ps)
{
	if (ps->table_stage != TS_HEADER)
		ps->table_stage = TS_AFTER;
}

void parse_table_end(parse_state *ps)
{
	const ast_node *b = ps->block;
	uint32_t ndelim = ast_float_of(b->u.block)->ndelim;
	if (ps->table_header && ndelim)
		return;
	if (!ps->table_header && !ndelim)
		diag_report(&ps->doc->diags, DC_SYNTAX, b->u.block->open_at,
			    "the table has no rows: write a header row, a "
			    "delimiter row ('|---|---|') and the rows after "
			    "its fields and a blank line");
	else if (ps->table_header && !ndelim && !ps->table_delim_said)
		diag_report(&ps->doc->diags, DC_SYNTAX, ps->table_header->at,
			    "expected the delimiter row under the table's "
			    "header, one '---' per column ('|---|--:|')");
}
