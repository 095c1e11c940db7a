/*
 * brief.y - the block structure of the Brief language.
 *
 * The scanner (brief.l) hands over one token per line.  This grammar says
 * which lines may follow which: the front matter, `::: KIND` blocks and
 * their field lines, and the body lines in between.  Each action is one
 * call into parse.c, which builds the tree.  Structural mistakes - an
 * unclosed block or front matter, a heading or a block inside a block - are
 * syntax errors; the error rules close the open construct and parsing goes
 * on, so one run reports every such mistake.
 */
%require "3.8"
%define api.pure full
%define api.prefix {brief_yy}
%define api.location.type {span}
%define parse.error custom
%locations
%expect 0
%param {void *scanner}
%parse-param {parse_state *ps}

%code requires {
#include "parse.h"
}

%code provides {
int brief_yylex(BRIEF_YYSTYPE *lval, span *lloc, void *scanner);
}

%code {
#include <stdio.h>
#define YYLLOC_DEFAULT(Cur, Rhs, N) do {                    \
	if (N) {                                            \
		(Cur).start = YYRHSLOC(Rhs, 1).start;       \
		(Cur).end = YYRHSLOC(Rhs, N).end;           \
	} else {                                            \
		(Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end; \
	}                                                   \
} while (0)

static void brief_yyerror(span *loc, void *scanner, parse_state *ps,
			  const char *msg);
}

%union {
	parse_tok tok;
}

%token END 0 "end of file"
%token FM_OPEN "'---'"
%token FM_CLOSE "'---' closing the front matter"
%token <tok> FIELD "field line"
%token <tok> CONT "continuation line"
%token BADLINE "unrecognised line"
%token BLANK "blank line"
%token <tok> TEXT "text"
%token <tok> ITEM "list item"
%token <tok> QUOTE "block quote"
%token <tok> HEADING "heading"
%token <tok> OPEN "block opener"
%token CLOSE "':::'"

%%

/* document = [front-matter] { body-line | block } */
document:
	front body
	;

/* front-matter = "---" { key ":" value | continuation } "---" */
front:
	%empty
	| fm_open fm_lines FM_CLOSE	{ parse_front_close(ps, @3); }
	| fm_open fm_lines error	{ parse_front_unclosed(ps); yyerrok; }
	;

fm_open:
	FM_OPEN				{ parse_front_open(ps, @1); }
	;

fm_lines:
	%empty
	| fm_lines field_line
	;

field_line:
	FIELD				{ parse_field(ps, &$1, @1); }
	| CONT				{ parse_cont(ps, &$1, @1); }
	| BADLINE			{ parse_bad_line(ps, @1); }
	;

/* The line rules are spelled out in body and block_lines, not shared
 * through a content_line: one reduction a line, not two (a brief is a
 * long list of lines). */
body:
	%empty
	| body BLANK			{ parse_blank(ps, @2); }
	| body TEXT			{ parse_text(ps, &$2, @2); }
	| body ITEM			{ parse_item(ps, &$2, @2); }
	| body QUOTE			{ parse_quote(ps, &$2, @2); }
	| body HEADING			{ parse_heading(ps, &$2, @2); }
	| body block
	| body CLOSE			{ parse_stray_close(ps, @2); }
	;

/*
 * block = ":::" kind [id] { field } [blank { content-line }] ":::"
 * The scanner returns field lines only before the first blank line, so the
 * grammar need not order them.  No lookahead correction (LAC): the default
 * reduction of block_lines must happen before an error is seen, so that the
 * error rule finds the open block on the stack.
 */
block:
	block_open block_lines CLOSE	{ parse_block_close(ps, @3); }
	| block_open block_lines error	{ parse_block_unclosed(ps); yyerrok; }
	;

block_open:
	OPEN				{ parse_block_open(ps, &$1, @1); }
	;

block_lines:
	%empty
	| block_lines FIELD		{ parse_field(ps, &$2, @2); }
	| block_lines CONT		{ parse_cont(ps, &$2, @2); }
	| block_lines BADLINE		{ parse_bad_line(ps, @2); }
	| block_lines BLANK		{ parse_blank(ps, @2); }
	| block_lines TEXT		{ parse_text(ps, &$2, @2); }
	| block_lines ITEM		{ parse_item(ps, &$2, @2); }
	| block_lines QUOTE		{ parse_quote(ps, &$2, @2); }
	;

%%

/*
 * Name the construct left open, as Lua does: the message says what was
 * reached and where the opener is, and a note points at the opener.
 */
static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner,
				 parse_state *ps)
{
	(void)scanner;
	const span *loc = yypcontext_location(ctx);
	yysymbol_kind_t got = yypcontext_token(ctx);
	const char *what = got == YYSYMBOL_YYEMPTY || got == YYSYMBOL_YYEOF
		? "the end of the file" : yysymbol_name(got);
	char whatbuf[64];
	if (what[0] != 't') {
		snprintf(whatbuf, sizeof whatbuf, "this %s", what);
		what = whatbuf;
	}
	diag_list *dl = &ps->doc->diags;
	ps->syntax_errors++;
	if (ps->block) {
		const ast_node *b = ps->block;
		unsigned line, col;
		source_locate(&ps->doc->src, b->u.block->open_at.start, &line, &col);
		char name[160];
		/* the kind as written, in the source (the scanner reads ahead
		 * of it, so it is as it was) */
		span k = b->u.block->kind_at;
		int kl = (int)(k.end - k.start > 60 ? 60 : k.end - k.start);
		if (b->u.block->id.len)
			snprintf(name, sizeof name, "%.*s %.*s", kl, ps->text + k.start,
				 (int)(b->u.block->id.len > 80 ? 80 : b->u.block->id.len),
				 b->u.block->id.p);
		else
			snprintf(name, sizeof name, "%.*s", kl, ps->text + k.start);
		size_t d = diag_report(dl, DC_SYNTAX, *loc,
				       "block '%s' opened at %u:%u is never closed: "
				       "expected ':::' before %s",
				       name, line, col, what);
		diag_add_note(dl, d, b->u.block->open_at, "block '%s' opened here", name);
		if (got == YYSYMBOL_OPEN)
			diag_add_help(dl, d, "blocks do not nest: close each block with a line ':::'");
		return 0;
	}
	if (ps->fm_open.end > ps->fm_open.start) {
		size_t d = diag_report(dl, DC_SYNTAX, *loc,
				       "front matter opened at 1:1 is never closed: "
				       "expected '---' before %s", what);
		diag_add_note(dl, d, ps->fm_open, "front matter opened here");
		return 0;
	}
	/* Not reachable with the grammar as it stands; kept general. */
	yysymbol_kind_t exp[4];
	int n = yypcontext_expected_tokens(ctx, exp, 4);
	buf b = BUF_INIT;
	buf_printf(&b, "unexpected %s", what);
	for (int i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? " or " : ", expected ", yysymbol_name(exp[i]));
	diag_report(dl, DC_SYNTAX, *loc, "%s", b.data);
	buf_free(&b);
	return 0;
}

static void brief_yyerror(span *loc, void *scanner, parse_state *ps,
			  const char *msg)
{
	(void)scanner;
	diag_report(&ps->doc->diags, DC_SYNTAX, *loc, "%s", msg);
}
