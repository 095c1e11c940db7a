/*
 * prose.c - a piece of prose as one flat string (see prose.h).
 */
#include "prose.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "bytes8.h"
#include "utf8.h"
#include "xalloc.h"

/* ---- character classes ---- */

/*
 * The class of a non-ASCII code point, by its Unicode block: a space, a
 * word character (CP_WORD, with CP_EAST for the East Asian scripts), or
 * neither - punctuation and symbols: Latin-1's, the general punctuation,
 * arrows, letterlike symbols (TM), mathematical and technical symbols,
 * box drawing, dingbats, CJK and fullwidth punctuation, emoji and their
 * modifiers, variation selectors and tags.  Everything else (letters,
 * digits and combining marks of any script) is a word character.
 */
static unsigned char class_of(uint32_t c)
{
	if (c < 0x2000) {
		if (c == 0xA0)
			return CP_SPACE;
		if (c < 0xC0)	/* C1 controls, Latin-1 punctuation; not a o mu */
			return c == 0xAA || c == 0xB5 || c == 0xBA ? CP_WORD : 0;
		if (c == 0xD7 || c == 0xF7)
			return 0;
		if (c >= 0x1100 && c <= 0x11FF)	/* Hangul jamo */
			return CP_WORD | CP_EAST;
		return CP_WORD;
	}
	if (c <= 0x200B || c == 0x202F || c == 0x205F || c == 0x3000)
		return CP_SPACE;
	if (c <= 0x2BFF || (c >= 0x2E00 && c <= 0x2E7F) ||
	    (c >= 0x2E80 && c <= 0x2FFF) ||	/* CJK radicals, description */
	    (c >= 0x3001 && c <= 0x303F) ||	/* CJK punctuation */
	    (c >= 0x3200 && c <= 0x33FF) ||	/* enclosed, squared CJK */
	    (c >= 0xFE00 && c <= 0xFE0F) ||	/* variation selectors */
	    (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F) ||
	    (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
	    (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
	    (c >= 0xFFE0 && c <= 0xFFFF) || c == 0xFEFF ||
	    (c >= 0x1F000 && c <= 0x1FBFF) ||	/* emoji, symbols, pictographs */
	    (c >= 0xE0000 && c <= 0xE01EF))	/* tags, variation selectors */
		return 0;
	if ((c >= 0x3040 && c <= 0x31FF) ||	/* kana, bopomofo, Hangul */
	    (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF66 && c <= 0xFFDC) ||
	    (c >= 0x20000 && c <= 0x3FFFF))
		return CP_WORD | CP_EAST;
	return CP_WORD;
}

#define S CP_SPACE
#define W CP_WORD
#define U (CP_WORD | CP_UPPER)
/* The class flag of each ASCII byte: spaces, letters and digits (and of
 * those the capitals and digits); the rest is punctuation.  The controls
 * are spaces, which tab and newline are (no other reaches prose: the
 * loader lets none in). */
static const unsigned char ascii_class[128] = {
	S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
	S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
	S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, 0, 0,
	0, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
	U, U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, 0,
	0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
	W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,
};
#undef S
#undef W
#undef U

/* ---- building the flat text ---- */

static void prose_put_mapped(prose *p, const char *text, size_t len,
			     span at, unsigned char fl);

static void prose_reserve(prose *p, size_t extra)
{
	size_t need = p->len + extra + 2;	/* a NUL and a 0 flag after */
	if (need <= p->cap)
		return;
	size_t cap = p->cap ? p->cap : 256;
	while (cap < need)
		cap *= 2;
	p->text = xrealloc(p->text, cap, "the flat prose");
	p->fl = xrealloc(p->fl, cap, "the flat prose");
	p->cap = cap;
}

/* The classes of 8 ASCII bytes at once, as ascii_class gives them: a
 * letter in either case is one in lower case (x | 0x20), and a capital
 * one without that bit (moved to bit 7 by x << 2; what moves into the
 * next byte is not in its bit 7). */
static uint64_t class8(uint64_t x, unsigned char fl)
{
	uint64_t digit = b8_in7(x, '0', '9');
	uint64_t letter = b8_in7(x | b8_spread(0x20), 'a', 'z');
	uint64_t upper = digit | (letter & ~(x << 2));
	uint64_t word = digit | letter;
	uint64_t space = b8_lt7(x, 0x21);
	return b8_bits(word) * CP_WORD | b8_bits(upper) * CP_UPPER |
	       b8_bits(space) * CP_SPACE | b8_spread(fl);
}

/* Append n bytes with flags fl, each byte classed with its character. */
static void prose_append(prose *p, const char *s, size_t n,
			 unsigned char fl)
{
	prose_reserve(p, n);
	char *t = p->text + p->len;
	unsigned char *f = p->fl + p->len;

	memcpy(t, s, n);
	/* ASCII 8 bytes at a time; then, if there was more, its characters */
	unsigned char any = 0;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x = b8_load(s + i), c;
		if (!b8_ascii(x)) {
			any = 0x80;
			x &= ~B8_HIGH;	/* classed again below */
		}
		c = class8(x, fl);
		memcpy(f + i, &c, 8);
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		f[i] = fl | ascii_class[c & 0x7F];
		any |= c;
	}
	for (i = 0; any & 0x80 && i < n;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned char cl = class_of(utf8_decode(s + i, n - i, &len));
		for (size_t k = 0; k < len; k++)
			f[i + k] = fl | cl;
		i += len;
	}
	p->len += n;
}

static void piece_add(prose *p, size_t from, const char *text, span at,
		      unsigned char fl)
{
	prose_piece *last = p->npieces ? &p->pieces[p->npieces - 1] : NULL;

	if (!text && last && !last->text && last->at.start == at.start &&
	    last->from + last->len == from) {
		last->len = p->len - last->from;
		return;
	}
	p->pieces = xgrow(p->pieces, &p->piececap, p->npieces, sizeof *p->pieces,
			  "the flat prose");
	p->pieces[p->npieces++] = (prose_piece){from, p->len - from, text, at, fl};
}

/* Append bytes that all stand at source offset off. */
static void prose_put(prose *p, const char *s, size_t n, uint32_t off,
		      unsigned char fl)
{
	size_t from = p->len;
	prose_append(p, s, n, fl);
	piece_add(p, from, NULL, span_make(off, off), fl);
}

void prose_add_text(prose *p, const char *text, size_t len, span at)
{
	prose_put_mapped(p, text, len, at, 0);
}

/* Append text whose source is at (see map_piece). */
static void prose_put_mapped(prose *p, const char *text, size_t len,
			     span at, unsigned char fl)
{
	size_t from = p->len;
	prose_append(p, text, len, fl);
	piece_add(p, from, text, at, fl);
}

static bool src_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * Record where each byte of a text piece came from in src[start, end).
 * The text may differ from the source where the loader joined lines (a
 * run of source whitespace reads as one space) or removed backslash
 * escapes; where it differs otherwise, bytes are pinned to the last
 * matched position, so spans stay inside the node.
 */
static void map_piece(const prose *p, const prose_piece *pc,
		      uint32_t *off)
{
	const char *src = p->d->src.text;
	size_t srclen = p->d->src.len;
	span at = pc->at;
	uint32_t s = at.start, end = at.end;

	if (end > srclen)
		end = (uint32_t)srclen;
	if (s > end)
		s = end;
	for (size_t i = 0; i < pc->len; i++) {
		char t = pc->text[i];
		uint32_t here = s < end ? s : (end > at.start ? end - 1 : at.start);

		if (s < end && src[s] == t) {
			here = s++;
		} else if (s + 1 < end && src[s] == '\\' && src[s + 1] == t) {
			here = s + 1;
			s += 2;
		} else if (s < end && src_space(src[s])) {
			here = s;
			while (s < end && src_space(src[s]))
				s++;
			if (!src_space(t)) {
				/* source indentation the text does not have */
				if (s < end && src[s] == t)
					here = s++;
				else if (s + 1 < end && src[s] == '\\' &&
					 src[s + 1] == t) {
					here = s + 1;
					s += 2;
				}
			}
		}
		off[i] = here;
	}
}

static void prose_map(prose *p)
{
	if (p->offcap < p->len) {
		p->offcap = p->len;
		p->off = xreallocarray(p->off, p->offcap, sizeof *p->off, "the flat prose");
	}
	for (size_t i = 0; i < p->npieces; i++) {
		const prose_piece *pc = &p->pieces[i];
		if (pc->text)
			map_piece(p, pc, p->off + pc->from);
		else
			for (size_t k = 0; k < pc->len; k++)
				p->off[pc->from + k] = pc->at.start;
	}
	p->mapped = true;
}

static void prose_put_code(prose *p, const ast_node *n)
{
	const char *src = p->d->src.text;
	span at = n->at;

	/* The code text starts after the backticks (and one padding space). */
	while (at.start < at.end && src[at.start] == '`')
		at.start++;
	if (at.start < at.end && src[at.start] == ' ' &&
	    (n->tlen == 0 || n->u.text[0] != ' '))
		at.start++;
	prose_put_mapped(p, n->u.text, n->tlen, at, CP_CODE);
}

/*
 * A reference reads "[@a;@b]", every byte CP_REF and of no class (no
 * scanner looks inside one; duplicate-paragraph compares the IDs), all
 * at the reference's first byte: written at once, not byte class by
 * byte class, for a brief may cite in every sentence.
 */
static void prose_put_ref(prose *p, const ast_node *n)
{
	const ast_idlist *ids = &n->u.ref->ids;
	size_t len = 2, from = p->len;

	for (size_t i = 0; i < ids->n; i++)
		len += (i ? 2 : 1) + ids->v[i].id.len;
	prose_reserve(p, len);
	char *t = p->text + p->len;
	*t++ = '[';
	for (size_t i = 0; i < ids->n; i++) {
		if (i)
			*t++ = ';';
		*t++ = '@';
		memcpy(t, ids->v[i].id.p, ids->v[i].id.len);
		t += ids->v[i].id.len;
	}
	*t = ']';
	memset(p->fl + p->len, CP_REF, len);
	p->len += len;
	piece_add(p, from, NULL, span_make(n->at.start, n->at.start), CP_REF);
}

/* A text node; each newline in it (a soft break) reads as a space. */
static void prose_put_text(prose *p, const ast_node *n)
{
	if (p->whole_texts && n->tlen && n->u.text == p->d->src.text + n->at.start &&
	    n->at.end - n->at.start == n->tlen) {
		/* One piece: its bytes map to the source one to one, each
		 * newline to itself, as the line pieces and the spaces
		 * between them would (the space's class is the newline's). */
		size_t from = p->len;
		prose_append(p, n->u.text, n->tlen, 0);
		for (char *t = p->text + from, *e = p->text + p->len;
		     (t = memchr(t, '\n', (size_t)(e - t)));)
			*t++ = ' ';
		piece_add(p, from, n->u.text, n->at, 0);
		return;
	}
	for (ast_text_it it = {.n = n}; ast_text_next(&it);) {
		if (it.piece.len)
			prose_put_mapped(p, it.piece.p, it.piece.len, it.at, 0);
		if (it.brk)
			prose_put(p, " ", 1, it.at.end, 0);
	}
}

/* The inline children of holder, flattened; iterative (nesting is input). */
void prose_add_inlines(prose *p, const ast_node *holder)
{
	const ast_node *n = holder->first;

	while (n) {
		bool descend = false;

		switch (n->type) {
		case AST_TEXT:
			prose_put_text(p, n);
			break;
		case AST_CODE:
			prose_put_code(p, n);
			break;
		case AST_SOFTBREAK:
			prose_put(p, " ", 1, n->at.start, 0);
			break;
		case AST_REF:
			prose_put_ref(p, n);
			break;
		case AST_EMPH:
		case AST_STRONG:
		case AST_LINK:
			descend = true;
			break;
		default:
			break;
		}
		n = ast_next(n, holder, descend);
	}
}

bool prose_token_starts(const prose *p, size_t i)
{
	const unsigned char *fl = p->fl;
	/* the word bytes of the run: of i's kind (prose_token_end) */
	const unsigned kind = CP_WORD | (fl[i] & CP_EAST);
	const unsigned mask = CP_WORD | CP_REF | CP_EAST;
	for (size_t k = i; k > 0; k--) {
		size_t j = k - 1;
		if ((fl[j] & mask) == kind) {
			if (!(fl[j] & (CP_CODE | CP_URL)))
				return false;
			continue;
		}
		/* R&D: an inner '&' joins the run */
		if (!(p->text[j] == '&' && !(fl[j] & CP_REF) && j > 0 &&
		      (fl[j - 1] & mask) == kind))
			break;
	}
	return true;
}

/* The bytes that can make a chunk a URL: '@', the ':' of "://" and of
 * "mailto:", the '.' of "www.".  Rare bytes, so the C library's strcspn
 * (the flat text ends in a NUL and holds none) skips between them many
 * bytes at a time; the first letters of "www" and "mailto" would stop it
 * at every twentieth byte of prose. */
static const char url_hints[] = "@:.";

static bool opening(char c)
{
	return c == '(' || c == '<' || c == '"' || c == '[';
}

/*
 * Flag the whitespace-separated chunks that are URLs or e-mail addresses:
 * a chunk with an '@' (not a reference's), a "://", or that starts with
 * "www." or "mailto:" (after opening punctuation: "(www.x.org)").  Only
 * the bytes that can decide it are looked at; the rest of the text is
 * skipped through a table.
 */
static void prose_mark_urls(prose *p)
{
	const char *t = p->text;
	size_t n = p->len, i = 0;

	for (;;) {
		i += strcspn(t + i, url_hints);
		if (i >= n)
			return;
		bool url = false;
		size_t w = 0;	/* the length of "www" or "mailto" before i */
		if (t[i] == '@') {
			url = !(p->fl[i] & CP_REF);
		} else if (t[i] == ':') {
			url = i + 2 < n && t[i + 1] == '/' && t[i + 2] == '/';
			if (!url && i >= 6 && ascii_prefix_ci(t + i - 6, 6, "mailto"))
				w = 6;
		} else if (i >= 3 && ascii_prefix_ci(t + i - 3, 3, "www")) {
			w = 3;
		}
		if (w) {	/* and it starts the chunk */
			size_t b = i - w;
			while (b > 0 && opening(t[b - 1]))
				b--;
			url = b == 0 || src_space(t[b - 1]);
		}
		if (!url) {
			i++;
			continue;
		}
		size_t b = i;
		while (b > 0 && !src_space(t[b - 1]))
			b--;
		while (i < n && !src_space(t[i]))
			i++;
		for (size_t k = b; k < i; k++)
			if (!(p->fl[k] & CP_REF))
				p->fl[k] |= CP_URL;
	}
}

span prose_span(prose *p, size_t a, size_t b)
{
	if (p->len == 0)
		return span_make(0, 0);
	if (!p->mapped)
		prose_map(p);
	if (a >= p->len)
		a = p->len - 1;
	if (b <= a)
		return span_make(p->off[a], p->off[a]);
	if (b > p->len)
		b = p->len;
	uint32_t s = p->off[a], e = p->off[b - 1] + 1;
	/* the last byte of a multi-byte character */
	const char *src = p->d->src.text;
	while (e < p->d->src.len && ((unsigned char)src[e] & 0xC0) == 0x80)
		e++;
	if (e < s)
		e = s;
	return span_make(s, e);
}

/* End the flat text: its NUL and 0 flags after, URLs marked. */
void prose_finish(prose *p)
{
	prose_reserve(p, 0);
	p->text[p->len] = '\0';
	p->fl[p->len] = 0;
	p->fl[p->len + 1] = 0;
	prose_mark_urls(p);
}

void prose_clear(prose *p)
{
	p->len = 0;
	p->npieces = 0;
	p->mapped = false;
}

void prose_flatten(prose *p, const ast_node *holder)
{
	prose_clear(p);
	prose_add_inlines(p, holder);
	prose_finish(p);
}

void prose_free(prose *p)
{
	free(p->text);
	free(p->fl);
	free(p->pieces);
	free(p->off);
}
