/*
 * lsp_text.c - an open document's text, its lines, and positions in the
 * three encodings LSP knows (lsp_text.h).
 */
#include "lsp_text.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

static const char *const encoding_names[] = {"utf-16", "utf-8", "utf-32"};

const char *lsp_encoding_name(lsp_encoding e)
{
	return encoding_names[e];
}

int lsp_encoding_lookup(const char *name)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(encoding_names[i], name) == 0)
			return i;
	return -1;
}

/*
 * The length of the character at s[0] (n > 0 bytes left).  The text came
 * from JSON, so it is valid UTF-8; a byte that does not start a whole
 * sequence counts as one character of one byte all the same, so that no
 * input can make a walk stall or overrun.
 */
static size_t char_len(const unsigned char *s, size_t n)
{
	size_t k = utf8_valid((const char *)s, n);
	return k ? k : 1;
}

/* Code units of a character of len bytes. */
static uint32_t units_of(size_t len, lsp_encoding e)
{
	switch (e) {
	case LSP_UTF8:
		return (uint32_t)len;
	case LSP_UTF32:
		return 1;
	case LSP_UTF16:
		break;
	}
	return len == 4 ? 2 : 1;
}

static uint32_t lsp_units(const char *text, size_t a, size_t b, lsp_encoding e)
{
	const unsigned char *s = (const unsigned char *)text;
	if (e == LSP_UTF8)
		return (uint32_t)(b - a);
	uint32_t u = 0;
	while (a < b) {
		if (s[a] < 0x80) {
			a++;
			u++;
			continue;
		}
		size_t k = char_len(s + a, b - a);
		u += units_of(k, e);
		a += k;
	}
	return u;
}

void lsp_text_init(lsp_text *t)
{
	memset(t, 0, sizeof *t);
	t->p = xmalloc(1, "an editor's text");
	t->p[0] = '\0';
	t->cap = 1;
	t->lines = xmalloc(sizeof *t->lines, "the lines of an editor's text");
	t->lines[0] = 0;
	t->nlines = t->linecap = 1;
}

void lsp_text_free(lsp_text *t)
{
	free(t->p);
	free(t->lines);
	memset(t, 0, sizeof *t);
}

static void push_line(lsp_text *t, size_t start)
{
	t->lines = xgrow(t->lines, &t->linecap, t->nlines, sizeof *t->lines,
			 "the lines of an editor's text");
	t->lines[t->nlines++] = (uint32_t)start;
}

/* The line table from line `from` on, whose start is known. */
static void index_from(lsp_text *t, size_t from)
{
	t->nlines = from + 1;
	const char *p = t->p, *end = p + t->len;
	const char *s = p + t->lines[from];
	/* Without a CR the breaks are the newlines, which memchr finds fast. */
	if (!memchr(s, '\r', (size_t)(end - s))) {
		const char *nl;
		while ((nl = memchr(s, '\n', (size_t)(end - s)))) {
			s = nl + 1;
			push_line(t, (size_t)(s - p));
		}
		return;
	}
	for (; s < end; s++) {
		if (*s == '\n' || (*s == '\r' && (s + 1 == end || s[1] != '\n')))
			push_line(t, (size_t)(s + 1 - p));
	}
}

void lsp_text_set(lsp_text *t, const char *p, size_t n)
{
	if (n + 1 > t->cap) {
		t->cap = n + 1;
		t->p = xrealloc(t->p, t->cap, "an editor's text");
	}
	memcpy(t->p, p, n);
	t->p[n] = '\0';
	t->len = n;
	index_from(t, 0);
}

/* The line that holds offset off (the last line whose start is <= off). */
static size_t line_of(const lsp_text *t, size_t off)
{
	size_t lo = 0, hi = t->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void lsp_text_replace(lsp_text *t, size_t from, size_t to, const char *p,
		      size_t n)
{
	size_t len = t->len - (to - from) + n;
	if (len + 1 > t->cap) {
		t->cap = len + 1 > 2 * t->cap ? len + 1 : 2 * t->cap;
		t->p = xrealloc(t->p, t->cap, "an editor's text");
	}
	memmove(t->p + from + n, t->p + to, t->len - to);
	memcpy(t->p + from, p, n);
	t->len = len;
	t->p[len] = '\0';
	/* Lines before the one edited keep their starts; a CR that ended
	 * the line before may now be followed by an LF, so start there. */
	size_t line = line_of(t, from);
	if (line > 0)
		line--;
	index_from(t, line);
}

/* The end of a line's text, before its line break. */
static size_t line_end(const lsp_text *t, size_t line)
{
	if (line + 1 >= t->nlines)
		return t->len;
	size_t e = t->lines[line + 1];
	if (e > t->lines[line] && t->p[e - 1] == '\n')
		e--;
	if (e > t->lines[line] && t->p[e - 1] == '\r')
		e--;
	return e;
}

size_t lsp_text_offset(const lsp_text *t, lsp_encoding e, lsp_pos pos)
{
	if (pos.line >= t->nlines)
		return t->len;
	const unsigned char *s = (const unsigned char *)t->p;
	size_t p = t->lines[pos.line], end = line_end(t, pos.line);
	uint32_t u = 0;
	while (p < end && u < pos.character) {
		size_t k = char_len(s + p, end - p);
		uint32_t cu = units_of(k, e);
		if (u + cu > pos.character)
			break;
		u += cu;
		p += k;
	}
	return p;
}

/* Back to the start of the character that off is in (or at). */
static size_t char_start(const lsp_text *t, size_t line, size_t off)
{
	size_t start = t->lines[line];
	const unsigned char *s = (const unsigned char *)t->p;
	size_t k = off;
	while (k > start && off - k < 3 && (s[k] & 0xC0) == 0x80)
		k--;
	if (k < off && char_len(s + k, t->len - k) <= off - k)
		return off;	/* off was not inside k's sequence after all */
	return k;
}

lsp_pos lsp_text_position(const lsp_text *t, lsp_encoding e, size_t off)
{
	lsp_cursor c;
	lsp_cursor_init(&c, t, e);
	return lsp_cursor_position(&c, off);
}

void lsp_cursor_init(lsp_cursor *c, const lsp_text *t, lsp_encoding e)
{
	memset(c, 0, sizeof *c);
	c->t = t;
	c->e = e;
}

lsp_pos lsp_cursor_position(lsp_cursor *c, size_t off)
{
	const lsp_text *t = c->t;
	if (off > t->len)
		off = t->len;
	size_t line;
	if (c->valid && off >= c->off && (c->line + 1 >= t->nlines || off < t->lines[c->line + 1]))
		line = c->line;
	else
		line = line_of(t, off);
	size_t end = line_end(t, line);
	if (off > end)
		off = end;	/* inside the line break */
	off = char_start(t, line, off);
	size_t from = t->lines[line];
	uint32_t u = 0;
	if (c->valid && c->line == line && c->off <= off) {
		from = c->off;
		u = c->character;
	}
	u += lsp_units(t->p, from, off, c->e);
	c->valid = true;
	c->line = line;
	c->off = off;
	c->character = u;
	lsp_pos pos = {(uint32_t)line, u};
	return pos;
}

void lsp_normmap_make(lsp_normmap *m, const char *p, size_t n)
{
	memset(m, 0, sizeof *m);
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		m->bom = 3;
	size_t cap = 0;
	const char *s = p, *end = p + n;
	while ((s = memchr(s, '\r', (size_t)(end - s)))) {
		if (s + 1 < end && s[1] == '\n') {
			m->cr = xgrow(m->cr, &cap, m->ncr, sizeof *m->cr,
				      "the line ends of an editor's text");
			m->cr[m->ncr++] = (uint32_t)(s - p);
		}
		s++;
	}
}

void lsp_normmap_free(lsp_normmap *m)
{
	free(m->cr);
	memset(m, 0, sizeof *m);
}

/*
 * The i-th CR dropped is followed, in the normalised text, by its LF at
 * cr[i] - bom - i; an offset past that LF moved back one byte per CR
 * before it.  An offset at the LF itself (a line's end) maps to the CR,
 * which is where that line's text ends in the editor too.
 */
size_t lsp_normmap_to_raw(const lsp_normmap *m, size_t norm)
{
	size_t lo = 0, hi = m->ncr;	/* count of i with cr[i] - bom - i < norm */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->cr[mid] - m->bom - mid < norm)
			lo = mid + 1;
		else
			hi = mid;
	}
	return norm + m->bom + lo;
}

size_t lsp_normmap_to_norm(const lsp_normmap *m, size_t raw)
{
	if (raw < m->bom)
		return 0;
	size_t lo = 0, hi = m->ncr;	/* count of i with cr[i] < raw */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->cr[mid] < raw)
			lo = mid + 1;
		else
			hi = mid;
	}
	return raw - m->bom - lo;
}
