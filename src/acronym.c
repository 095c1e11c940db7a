/*
 * acronym.c - the declared acronyms and the scanner of their uses (see
 * acronym.h).
 */
#include "acronym.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "bytes8.h"
#include "xalloc.h"

static uint64_t len_bit(size_t n)
{
	return (uint64_t)1 << (n < 63 ? n : 63);
}

static void add(acronym_table *t, const ast_node *e)
{
	bool added;
	htab_entry *k;

	if (e->type != AST_ACRONYM || e->u.entry->key.len == 0)
		return;
	k = htab_put(&t->keys, e->u.entry->key.p, e->u.entry->key.len, &added);
	if (!added) {
		t->dups[t->ndups++] = e;
		return;
	}
	k->val.n = t->n;
	for (size_t i = 0; i < e->u.entry->key.len; i++)
		if (ascii_is_lower(e->u.entry->key.p[i]))
			t->lower = true;
	t->first[(unsigned char)e->u.entry->key.p[0]] = true;
	t->start[(unsigned char)e->u.entry->key.p[0]] = true;
	t->lens |= len_bit(e->u.entry->key.len);
	t->decl[t->n++] = e;
}

void acronym_table_init(acronym_table *t, const ast_doc *d, bool shapes)
{
	size_t cap = d->acronyms.n + 1;

	memset(t, 0, sizeof *t);
	t->shapes = shapes;
	if (shapes) {
		for (int c = 'A'; c <= 'Z'; c++)
			t->start[c] = true;
		for (int c = '0'; c <= '9'; c++)
			t->start[c] = true;
	}
	t->start[0] = true;
	t->decl = xreallocarray(NULL, cap, sizeof *t->decl, "the acronym table");
	t->dups = xreallocarray(NULL, cap, sizeof *t->dups, "the acronym table");
	for (size_t i = 0; i < d->acronyms.n; i++)
		add(t, d->acronyms.v[i]);
	t->capitals = true;
	for (int c = 0; c < 256; c++)
		if (t->first[c] && !ascii_is_upper((char)c))
			t->capitals = false;
}

/* Whether one of the eight bytes at s may be a capital A to Z (a byte
 * of 0x80 or more may answer yes). */
static bool capital8(const char *s)
{
	return b8_in7(b8_load(s) & ~B8_HIGH, 'A', 'Z') != 0;
}

void acronym_table_free(acronym_table *t)
{
	htab_free(&t->keys);
	free(t->decl);
	free(t->dups);
}

bool acronym_shape(const char *s, size_t n)
{
	size_t caps = 0;
	bool roman = true;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (ascii_is_upper(c))
			caps++;
		else if (!ascii_is_digit(c))
			return false;
		if (c != 'I' && c != 'V' && c != 'X')
			roman = false;
	}
	if (caps < 2 || roman)
		return false;
	/* placeholders are check_placeholder's */
	return !((n == 4 && memcmp(s, "TODO", 4) == 0) ||
		 (n == 3 && memcmp(s, "TBD", 3) == 0) ||
		 (n == 3 && memcmp(s, "TBC", 3) == 0) ||
		 (n == 5 && memcmp(s, "FIXME", 5) == 0));
}

size_t acronym_find(const acronym_table *t, const char *s, size_t n)
{
	if (!n || !t->first[(unsigned char)s[0]] || !(t->lens & len_bit(n)))
		return ACRONYM_UNDECLARED;
	const htab_entry *k = htab_get(&t->keys, s, n);
	return k ? k->val.n : ACRONYM_UNDECLARED;
}

/*
 * A use is a word of the prose, so its bytes are a run of ASCII letters,
 * digits and inner '&' in some text, not preceded by one: each such run
 * that starts with a first byte is looked up, with and without a plural
 * 's'.  A run preceded by a non-ASCII letter, or one that goes on in a
 * non-ASCII letter, may be looked up where the scan would not (a false
 * yes, which costs only time).
 */
bool acronym_maybe(const acronym_table *t, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		/* most prose is lower-case: eight bytes at a time to a capital */
		if (t->capitals)
			while (i + 8 <= n && !capital8(s + i))
				i += 8;
		if (i >= n || !t->first[(unsigned char)s[i]] ||
		    (i && ascii_is_alnum(s[i - 1])))
			continue;
		size_t j = i + 1;
		while (j < n && (ascii_is_alnum(s[j]) ||
				 (s[j] == '&' && j + 1 < n && ascii_is_alnum(s[j + 1]))))
			j++;
		if (acronym_find(t, s + i, j - i) != ACRONYM_UNDECLARED ||
		    (j - i > 2 && s[j - 1] == 's' &&
		     acronym_find(t, s + i, j - i - 1) != ACRONYM_UNDECLARED))
			return true;
		i = j - 1;
	}
	return false;
}

/*
 * The first byte at or after i where a word worth looking at may start
 * (t->start), or the text's NUL.  When every first byte is a capital,
 * eight bytes at a time to a capital or a digit (CP_UPPER): most prose
 * is lower-case.
 */
static size_t next_start(const prose *p, const acronym_table *t, size_t i)
{
	if (t->capitals)
		for (; i + 8 <= p->len; i += 8)
			if (b8_load(p->fl + i) & b8_spread(CP_UPPER))
				break;
	while (!t->start[(unsigned char)p->text[i]])
		i++;
	return i;
}

void acronym_scan(prose *p, const acronym_table *t, acronym_fn *fn, void *ctx)
{
	const unsigned char *fl = p->fl;
	size_t i = 0;

	if (!t->n && !t->shapes)
		return;
	for (;;) {
		/* A declared abbreviation starts with one of its first bytes;
		 * the shape of one with a capital or a digit. */
		i = next_start(p, t, i);
		if (i >= p->len)
			return;
		if ((fl[i] & (CP_CODE | CP_URL | CP_REF | CP_WORD)) != CP_WORD) {
			i++;
			continue;
		}
		/* "Digital": with no lower-case letter in any abbreviation,
		 * neither the word nor the word without a plural 's' can be
		 * one, nor has it a shape (most capitalised words).  Past
		 * its second byte, the rest of it starts no word. */
		if (!t->lower && ascii_is_lower(p->text[i + 1]) &&
		    fl[i + 1] == (CP_WORD | (fl[i] & CP_EAST))) {
			i += 2;
			continue;
		}
		unsigned all;
		size_t e = prose_token_end_fl(p, i, &all);
		if (!prose_token_starts(p, i) || (all & (CP_CODE | CP_URL | CP_REF))) {
			i = e;
			continue;
		}
		const char *s = p->text + i;
		size_t n = e - i, k = acronym_find(t, s, n), len = n;
		if (k == ACRONYM_UNDECLARED && n > 2 && s[n - 1] == 's')
			k = acronym_find(t, s, len = n - 1);
		if (k != ACRONYM_UNDECLARED)
			fn(p, i, e, len, k, ctx);
		else if (!t->shapes)
			;
		else if (acronym_shape(s, n))
			fn(p, i, e, n, ACRONYM_UNDECLARED, ctx);
		else if (n > 2 && s[n - 1] == 's' && acronym_shape(s, n - 1))
			fn(p, i, e, n - 1, ACRONYM_UNDECLARED, ctx);
		i = e;
	}
}

/* ---- how a use reads where it stands ---- */

/* A hyphen (ASCII, U+2010, U+2011) or an en dash ends at s[i - 1]. */
static bool joiner_before(const char *s, size_t i)
{
	if (i >= 1 && s[i - 1] == '-')
		return true;
	return i >= 3 && memcmp(s + i - 3, "\xE2\x80", 2) == 0 &&
	       ((unsigned char)s[i - 1] == 0x90 || (unsigned char)s[i - 1] == 0x91 ||
		(unsigned char)s[i - 1] == 0x93);
}

/* ... or starts at s[j]. */
static bool joiner_after(const char *s, size_t n, size_t j)
{
	if (j < n && s[j] == '-')
		return true;
	return j + 3 <= n && memcmp(s + j, "\xE2\x80", 2) == 0 &&
	       ((unsigned char)s[j + 2] == 0x90 || (unsigned char)s[j + 2] == 0x91 ||
		(unsigned char)s[j + 2] == 0x93);
}

/* 's or ’s at b, ending a word. */
static bool possessive(const prose *p, size_t b)
{
	size_t k = b;
	if (k < p->len && p->text[k] == '\'')
		k++;
	else if (k + 3 <= p->len && memcmp(p->text + k, "\xE2\x80\x99", 3) == 0)
		k += 3;
	else
		return false;
	return k < p->len && (p->text[k] == 's' || p->text[k] == 'S') &&
	       !(p->fl[k + 1] & CP_WORD);
}

/* A prose word (not code, a URL or a reference). */
static bool word_byte(const prose *p, size_t i)
{
	return (p->fl[i] & (CP_WORD | CP_CODE | CP_URL | CP_REF)) == CP_WORD;
}

/* Whether a capitalized word stands before a, blanks between: its first
 * letter an ASCII capital (other scripts' capitals are not told apart). */
static bool capitalized_before(const prose *p, size_t a)
{
	size_t i = a;
	while (i > 0 && (p->fl[i - 1] & CP_SPACE))
		i--;
	if (i == a || i == 0 || !word_byte(p, i - 1))
		return false;
	while (i > 0 && word_byte(p, i - 1))
		i--;
	return ascii_is_upper(p->text[i]);
}

/* ... or after b. */
static bool capitalized_after(const prose *p, size_t b)
{
	size_t j = b;
	while (j < p->len && (p->fl[j] & CP_SPACE))
		j++;
	return j > b && j < p->len && word_byte(p, j) && ascii_is_upper(p->text[j]);
}

/* "(" before the word, blanks between, and ")" right after it. */
static bool parenthesised(const prose *p, size_t a, size_t b)
{
	while (a > 0 && (p->fl[a - 1] & CP_SPACE))
		a--;
	return a > 0 && p->text[a - 1] == '(' && b < p->len && p->text[b] == ')';
}

unsigned acronym_context(const prose *p, size_t a, size_t b, size_t len)
{
	unsigned c = 0;
	if (len < b - a)
		c |= ACRONYM_PLURAL;
	if (joiner_before(p->text, a) || joiner_after(p->text, p->len, b))
		c |= ACRONYM_JOINED;
	if (possessive(p, b))
		c |= ACRONYM_POSSESSIVE;
	if (capitalized_before(p, a) && capitalized_after(p, b))
		c |= ACRONYM_IN_NAME;
	if (parenthesised(p, a, b))
		c |= ACRONYM_WRITTEN;
	return c;
}

/* ---- the uses kept for the renderer ---- */

void acronym_uses_note(prose *p, size_t a, size_t b, size_t len, size_t index,
		       void *ctx)
{
	acronym_uses *u = ctx;
	const prose_piece *pc = p->pieces;
	if (index == ACRONYM_UNDECLARED || !p->node || u->lost)
		return;
	if (u->holder != p->node) {
		u->holder = p->node;
		u->piece = 0;
		u->line = 0;
		u->ntmp = 0;
	}
	/* the piece the use starts in: uses come in order */
	while (u->piece < p->npieces && pc[u->piece].from + pc[u->piece].len <= a) {
		u->piece++;
		u->line = 0;
	}
	if (u->piece >= p->npieces)
		return;
	const prose_piece *at = &pc[u->piece];
	if (!prose_piece_is_text(at) || b > at->from + at->len)
		return;		/* not within one text piece */
	/* The checks take a text node whole (prose.whole_texts); the
	 * renderer writes it a line at a time (ast_text_next), and a use
	 * is within a line (a newline reads as a space, which ends a word).
	 * The line's start moves forward with the uses: linear. */
	size_t off = a - at->from;
	for (const char *nl; (nl = memchr(at->text + u->line, '\n', off - u->line));)
		u->line = (size_t)(nl - at->text) + 1;
	off -= u->line;
	if (b - a - len > UINT8_MAX || off > UINT32_MAX || len > UINT16_MAX) {
		u->lost = true;	/* the renderer scans this holder itself */
		return;
	}
	u->tmp = xgrow(u->tmp, &u->captmp, u->ntmp, sizeof *u->tmp, "the acronym uses");
	u->tmp[u->ntmp++] = (acronym_use){at->text + u->line, (uint32_t)off,
					  (uint16_t)len, (uint8_t)(b - a - len),
					  (uint8_t)acronym_context(p, a, b, len)};
}

void acronym_uses_end(acronym_uses *u)
{
	if (u->holder && u->ntmp && !u->lost) {
		size_t n = u->ntmp;
		if (n > (SIZE_MAX - sizeof(acronym_holder)) / sizeof(acronym_use))
			xalloc_die(SIZE_MAX, "the acronym uses");
		acronym_holder *h = arena_alloc(u->arena, sizeof *h + n * sizeof *u->tmp);
		h->holder = u->holder;
		h->n = n;
		memcpy(h->v, u->tmp, n * sizeof *u->tmp);
		u->h = xgrow(u->h, &u->caph, u->nh, sizeof *u->h, "the acronym uses");
		u->h[u->nh++] = h;
	}
	u->holder = NULL;
	u->ntmp = 0;
	u->lost = false;
}

static int holder_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)(*(const acronym_holder *const *)a)->holder;
	uintptr_t y = (uintptr_t)(*(const acronym_holder *const *)b)->holder;
	return (x > y) - (x < y);
}

void acronym_uses_finish(acronym_uses *u)
{
	acronym_uses_end(u);
	free(u->tmp);
	u->tmp = NULL;
	u->captmp = 0;
	if (u->nh)
		qsort(u->h, u->nh, sizeof *u->h, holder_cmp);
}

const acronym_use *acronym_uses_of(const acronym_uses *u, const ast_node *holder,
				   size_t *n)
{
	size_t lo = 0, hi = u ? u->nh : 0;
	uintptr_t k = (uintptr_t)holder;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uintptr_t m = (uintptr_t)u->h[mid]->holder;
		if (m == k) {
			*n = u->h[mid]->n;
			return u->h[mid]->v;
		}
		if (m < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	*n = 0;
	return NULL;
}

void acronym_uses_free(acronym_uses *u)
{
	free(u->tmp);
	free(u->h);
	memset(u, 0, sizeof *u);
}
