/*
 * parse.h - the state shared by the scanner, the parser and the tree
 * builder, and the builder calls that grammar actions make.
 *
 * grammar/brief.l classifies each line; grammar/brief.y checks the block
 * structure (front matter, ::: blocks, what may appear where) and calls one
 * parse_* function per rule; parse.c groups lines into paragraphs, lists
 * and quotes and hands inline text to inline.c.
 */
#ifndef BRIEFC_PARSE_H
#define BRIEFC_PARSE_H

#include <stdbool.h>

#include "ast.h"
#include "inline.h"

/* Deepest nesting of lists (contract 11.6). */
#define LIST_MAX_DEPTH 3

/* The semantic value of a line token: up to two spans and a number. */
typedef struct parse_tok {
	span a, b;
	long n;
} parse_tok;

typedef struct parse_state {
	ast_doc *doc;
	const char *text;	/* doc->src.text */
	char *lex;		/* the text as the scanner sees it: comments blanked */
	void *scanner, *scan_buf;	/* flex's, over lex */
	/* scanner */
	uint32_t lexpos;	/* offset of the next byte to scan */
	uint32_t end;		/* where the unit scanned ends (the text, or a
				 * library's part of it) */
	char saved[3];		/* the bytes its end marks took */
	bool fields_seen;	/* a field line since the region opened */
	bool table;		/* the open block is a ::: table */
	bool in_front;		/* inside the front matter */
	/* builder */
	ast_node *root;		/* the document's, or its libraries' */
	bool library;		/* a library: only evidence, acronyms, areas */
	bool library_said;	/* prose in it reported */
	ast_node *container;	/* root, or the open block */
	ast_node *block;	/* the open block, or NULL */
	ast_field *field;	/* the field continuation lines go to */
	/* Where fields go: the list of the front matter or the open block,
	 * kept in the order of their kind's specs (fields with no spec
	 * last), each name in the order written; last[i] is the last field
	 * of spec i so far (last[nspecs]: of no spec). */
	ast_field **fields;
	const ast_field_spec *specs;
	size_t nspecs;
	ast_field **last;	/* heap, reused from block to block */
	size_t lastcap;
	char *entry_val;	/* the last entry's value, when continued */
	size_t entry_room;	/* its size in the arena; 0: not yet copied */
	ast_node *para;		/* the open paragraph */
	span *segs;		/* its lines */
	size_t nsegs, segcap;
	/* the open lists, one per level, with the current item of each and
	 * the indentation of its first item's marker; list and item are
	 * the deepest */
	ast_node *lists[LIST_MAX_DEPTH], *items[LIST_MAX_DEPTH];
	unsigned marker[LIST_MAX_DEPTH];
	int depth;
	ast_node *list, *item, *quote;
	ast_node *note;		/* the open note definition (AST_FOOTNOTE) */
	bool blank;		/* a blank line since the last content line */
	bool body_reported;	/* a body in a kind without one: said */
	bool in_fields;		/* in a block's field region */
	bool after_fields;	/* in the paragraph after the blank line (or
				 * the note's definition) that ended it
				 * (parse_markup.c) */
	/* the open ::: table (parse_table.c): what its next line must be */
	enum { TS_HEADER, TS_DELIMITER, TS_ROWS, TS_AFTER } table_stage;
	ast_node *table_header;	/* its header row */
	bool table_delim_said;	/* its missing delimiter row: reported */
	span fm_open;
	int syntax_errors;
	inline_scratch scratch;
} parse_state;

/* The comments of t[0, n), each <!-- ... --> pushed onto out; the offset
 * of a "<!--" that is never closed (the search stops there: it stays
 * text), or UINT32_MAX. */
uint32_t parse_find_comments(const char *t, size_t n, span_vec *out);
/* Report that one as a syntax error. */
void parse_unclosed_comment(ast_doc *d, uint32_t at);

/* Run scanner and parser over doc->src into doc->root. */
void parse_document(ast_doc *d);

/* One line as the scanner sees it: its token (a parser.h token kind),
 * where it is (its newline excluded) and the token's value. */
typedef struct parse_line {
	int tok;
	span at;
	parse_tok t;
} parse_line;

/*
 * The scanner alone over a loaded document free of syntax errors (fmt.c):
 * every line it returns a token for, in order, in a heap array of *n;
 * lines it skips (comments only; blank lines between entries) are not
 * there.  The comments' spans, `<!--` to `-->`, are added to comments.
 */
parse_line *parse_lines(ast_doc *d, size_t *n, span_vec *comments);

/* Builder calls, one per grammar action. */
void parse_front_open(parse_state *ps, span at);
void parse_front_close(parse_state *ps, span at);
void parse_front_unclosed(parse_state *ps);
void parse_field(parse_state *ps, const parse_tok *t, span at);
void parse_cont(parse_state *ps, const parse_tok *t, span at);
void parse_bad_line(parse_state *ps, span at);
void parse_blank(parse_state *ps, span at);
void parse_text(parse_state *ps, const parse_tok *t, span at);
void parse_item(parse_state *ps, const parse_tok *t, span at);
void parse_quote(parse_state *ps, const parse_tok *t, span at);
void parse_heading(parse_state *ps, const parse_tok *t, span at);
void parse_block_open(parse_state *ps, const parse_tok *t, span at);
void parse_block_close(parse_state *ps, span at);
void parse_block_unclosed(parse_state *ps);
void parse_stray_close(parse_state *ps, span at);

/* Add a line piece to ps->segs (the open paragraph's, or a row's). */
void parse_push_seg(parse_state *ps, span s);
/* Markup Brief does not have, in lines, paragraphs, fields and
 * continuation lines: unsupported-markup (parse_markup.c). */
void parse_markup_line(parse_state *ps, const parse_tok *t, span at);
void parse_markup_para(parse_state *ps);
void parse_markup_field(parse_state *ps, const ast_field *f);
void parse_markup_cont(parse_state *ps, const parse_tok *t, const ast_field *f);

/* Hand the references and links inline_parse just made to resolve.c. */
void parse_pending_made(parse_state *ps);

/* The lines of a ::: table's body and its end (parse_table.c). */
void parse_table_line(parse_state *ps, const parse_tok *t, span at);
void parse_table_blank(parse_state *ps);
void parse_table_end(parse_state *ps);

#endif
