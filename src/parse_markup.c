/*
 * parse_markup.c - lines that look like markup Brief does not have, and
 * would print as text (contract 11.9): each is an unsupported-markup
 * warning that says what to write instead.  The inline ones (raw HTML,
 * attributes, images) are inline.c's; these are decided by a line's
 * first characters, or by the line's place:
 *
 *   #Heading               a heading needs a space after its marks
 *   • item, – item         a bullet is '- '
 *   ---, ***, ===          rules and underlined headings
 *   | a | b |  |---|---|   a pipe table outside ::: table
 *   title: "X"             quotes around a value (YAML habit)
 *   KEY: value             a field after the blank line that ended the
 *                          fields, or indented into the previous field
 */
#include <string.h>

#include "ascii.h"
#include "parse.h"

static void say(parse_state *ps, span at, const char *msg)
{
	diag_report(&ps->doc->diags, DC_UNSUPPORTED_MARKUP, at, "%s", msg);
}

static bool starts(const char *t, span a, const char *p)
{
	size_t n = strlen(p);
	return a.end - a.start >= n && memcmp(t + a.start, p, n) == 0;
}

/* A line of three or more c, spaces between allowed. */
static bool rule_of(const char *t, span a, char c)
{
	size_t n = 0;
	for (uint32_t i = a.start; i < a.end; i++) {
		if (t[i] == c)
			n++;
		else if (t[i] != ' ' && t[i] != '\t')
			return false;
	}
	return n >= 3;
}

/* The name of `KEY: value` at the start of a (KEY as the scanner reads
 * one), or an empty span. */
static span key_of(const char *t, span a)
{
	uint32_t i = a.start;
	if (i >= a.end || !ascii_is_alnum(t[i]))
		return span_make(0, 0);
	while (i < a.end && t[i] != ':' && t[i] != ' ')
		i++;
	if (i >= a.end || t[i] != ':' || (i + 1 < a.end && t[i + 1] != ' ' && t[i + 1] != '\t'))
		return span_make(0, 0);
	return span_make(a.start, i);
}

/* The spec of the field key names in the open block (or the front
 * matter), or NULL. */
static const ast_field_spec *known_key(const parse_state *ps, span key)
{
	size_t n;
	const ast_field_spec *specs;
	if (key.end <= key.start)
		return NULL;
	if (ps->block && ps->block->u.block->kind < BK__COUNT)
		specs = ast_block_fields(ps->block->u.block->kind, &n);
	else if (ps->in_front)
		specs = ast_meta_fields(&n);
	else
		return NULL;
	return ast_spec_find(specs, n, ps->text + key.start, key.end - key.start);
}

/*
 * A field that is not one (after the blank line, or indented into the
 * field above): the block's support is unknown rather than missing, and
 * the IDs it lists are meant (check_excused), so that the one warning
 * here is the mistake's only diagnostic.
 */
static void misplaced(parse_state *ps, const ast_field_spec *sp, span key, span a)
{
	if (ps->block)
		ps->block->u.block->misplaced_field = true;
	if (sp->type != VT_IDS && sp->type != VT_ID)
		return;
	const char *t = ps->text;
	for (uint32_t p = key.end + 1; p < a.end;) {
		uint32_t q = p;
		while (q < a.end && t[q] != ',')
			q++;
		uint32_t b = p, e = q;
		while (b < e && (t[b] == ' ' || t[b] == '\t'))
			b++;
		while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t'))
			e--;
		if (ast_id_valid(t + b, e - b))
			inline_note_mended(ps->doc, t + b, e - b);
		p = q + 1;
	}
}

void parse_markup_line(parse_state *ps, const parse_tok *t, span at)
{
	const char *s = ps->lex;
	span a = t->a;
	(void)at;
	if (a.end <= a.start)
		return;
	/* Past a line of prose the body has begun, whatever that line looks
	 * like (a rule, a bullet of another language): only a field's line
	 * keeps the place open for the next one.  So a rule straight after
	 * the fields and a rule after a blank line below them are alike,
	 * and fmt's blank line between fields and body changes nothing. */
	bool past = ps->after_fields;
	ps->after_fields = false;
	/* Every text line comes here: the first byte decides, and most
	 * lines start with none of these. */
	switch (s[a.start]) {
	case '#':
	case '=':
	case '-':
	case '*':
	case '\xE2':
	case '\xC2':
		break;
	default:
		if (past)
			break;
		return;
	}
	if (s[a.start] == '#' && t->n == 0) {
		uint32_t k = a.start;
		while (k < a.end && s[k] == '#')
			k++;
		if (k < a.end && (ascii_is_alpha(s[k]) || (unsigned char)s[k] >= 0x80))
			say(ps, span_make(a.start, k + 1), "a heading needs a space "
			    "after its '#' marks: write '# Heading'");
		return;
	}
	static const char *const bullets[] = {"\xE2\x80\xA2 ", "\xE2\x97\xA6 ",
					      "\xE2\x96\xAA ", "\xE2\x80\xA3 ",
					      "\xE2\x80\x93 ", "\xC2\xB7 "};
	for (size_t i = 0; i < sizeof bullets / sizeof bullets[0]; i++)
		if (starts(s, a, bullets[i])) {
			say(ps, span_make(a.start, a.start + (uint32_t)strlen(bullets[i]) - 1),
			    "this is not a list marker, and the line prints as "
			    "text: write '- ' for a bullet");
			return;
		}
	if (rule_of(s, a, '=')) {
		say(ps, a, "an underline does not make a heading: write "
		    "'# Title' (or '## Title') on the line of the title");
		return;
	}
	if (rule_of(s, a, '-') || rule_of(s, a, '*')) {
		say(ps, a, ps->para && !ps->blank && s[a.start] == '-' ?
		    "an underline does not make a heading: write '## Title' "
		    "on the line of the title" :
		    "a rule prints as text: briefc has no rules; begin a new "
		    "section with a heading instead");
		return;
	}
	if (past) {
		span key = key_of(s, a);
		const ast_field_spec *sp = known_key(ps, key);
		if (sp) {
			say(ps, key, "this is body text, not a field: the blank "
			    "line or note's definition above ended the fields; "
			    "move it up among them");
			misplaced(ps, sp, key, a);
			ps->after_fields = true;
		}
	}
}

/* A delimiter row: only '|', ':', '-' and spaces, with a '|' and a '-'. */
static bool delimiter_like(const char *t, span a)
{
	bool pipe = false, dash = false;
	for (uint32_t i = a.start; i < a.end; i++) {
		char c = t[i];
		if (c == '|')
			pipe = true;
		else if (c == '-')
			dash = true;
		else if (c != ':' && c != ' ' && c != '\t')
			return false;
	}
	return pipe && dash;
}

void parse_markup_para(parse_state *ps)
{
	const char *s = ps->lex;
	if (ps->nsegs < 2 || !delimiter_like(s, ps->segs[1]) ||
	    !memchr(s + ps->segs[0].start, '|', ps->segs[0].end - ps->segs[0].start))
		return;
	say(ps, ps->segs[0], "a pipe table outside '::: table' prints as text: "
	    "put it in a '::: table ID' block with a 'caption:'");
}

void parse_markup_field(parse_state *ps, const ast_field *f)
{
	const char *v = f->value.p;
	size_t n = f->value.len;
	if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0])
		say(ps, f->value_at, "the quotes are part of the value and print: "
		    "write the value without them");
}

void parse_markup_cont(parse_state *ps, const parse_tok *t, const ast_field *f)
{
	span key = key_of(ps->lex, t->a);
	const ast_field_spec *sp = f ? known_key(ps, key) : NULL;
	if (sp)
		misplaced(ps, sp, key, t->a);
	if (sp)
		diag_report(&ps->doc->diags, DC_UNSUPPORTED_MARKUP, key,
			    "this indented line continues the value of '%.*s:': "
			    "write '%.*s:' at the start of the line to make it a "
			    "field", (int)(f->name.len > 60 ? 60 : f->name.len), f->name.p,
			    (int)(key.end - key.start > 60 ? 60 : key.end - key.start),
			    ps->text + key.start);
}
