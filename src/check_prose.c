/*
 * prose.c - checks over the prose itself: placeholders left in,
 * paragraphs written twice, heading levels that jump, the word budget.
 *
 * The scanners read the flat text of check_prose_walk(), so emphasis,
 * links and line breaks never split what they look for.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "bytes8.h"
#include "check.h"
#include "check_util.h"
#include "xalloc.h"

/* Every kind of prose. */
#define CW_ALL (CW_HEADING | CW_PARAGRAPH | CW_INLINE_FIELD | CW_TEXT_FIELD | \
		CW_CELL | CW_NAMES)

/* ---- placeholder ---- */

static bool skipped(const prose *p, size_t i)
{
	return p->fl[i] & (CP_CODE | CP_URL | CP_REF);
}

static bool token_is(const prose *p, size_t a, size_t b, const char *w)
{
	return strlen(w) == b - a && memcmp(p->text + a, w, b - a) == 0;
}

static bool token_ci(const prose *p, size_t a, size_t b, const char *w)
{
	return strlen(w) == b - a && ascii_prefix_ci(p->text + a, b - a, w);
}

/* TODO, TBD, TBC, FIXME, XXX (and longer runs of X). */
static bool placeholder_word(const prose *p, size_t a, size_t b)
{
	if (token_is(p, a, b, "TODO") || token_is(p, a, b, "TBD") ||
	    token_is(p, a, b, "TBC") || token_is(p, a, b, "FIXME"))
		return true;
	if (b - a < 3)
		return false;
	for (size_t i = a; i < b; i++)
		if (p->text[i] != 'X')
			return false;
	return true;
}

static void placeholder_report(prose *p, size_t a, size_t b)
{
	diag_report(&p->d->diags, DC_PLACEHOLDER, prose_span(p, a, b),
		    "placeholder '%.*s' left in the text", (int)(b - a),
		    p->text + a);
}

/* "lorem" at [a, b): the end of "lorem ipsum", or 0. */
static size_t lorem_ipsum(const prose *p, size_t b)
{
	size_t i = b;
	while (i < p->len && !skipped(p, i) &&
	       (p->text[i] == ' ' || p->text[i] == '\t'))
		i++;
	if (i == b || i >= p->len || skipped(p, i))
		return 0;
	size_t e = prose_token_end(p, i);
	return token_ci(p, i, e, "ipsum") ? e : 0;
}

/* The bytes where a placeholder can start; and the NUL after the text. */
/* The first bytes of placeholders, for strcspn (the flat text ends in a
 * NUL and holds none). */
static const char placeholder_first[] = "TFXlL_[";

/* Whether a placeholder word may start at s, a byte of placeholder_first:
 * by its second byte (the text ends in a NUL), most words that start
 * with those letters are not looked at further. */
static bool placeholder_may_start(const char *s)
{
	switch (s[0]) {
	case 'T':
		return s[1] == 'O' || s[1] == 'B';	/* TODO, TBD, TBC */
	case 'F':
		return s[1] == 'I';	/* FIXME */
	case 'X':
		return s[1] == 'X';	/* XXX */
	case 'l':
	case 'L':
		return s[1] == 'o' || s[1] == 'O';	/* lorem */
	default:
		return true;
	}
}

static void placeholder_scan(prose *p, void *ctx)
{
	static const char cn[] = "[citation needed]";
	size_t i = 0;

	(void)ctx;
	for (;;) {
		i += strcspn(p->text + i, placeholder_first);
		if (i >= p->len)
			return;
		unsigned fl = p->fl[i];
		if (fl & (CP_CODE | CP_URL | CP_REF)) {
			i++;
			continue;
		}
		if (fl & CP_WORD) {
			if (!placeholder_may_start(p->text + i)) {
				i++;	/* (a word starting later is found later) */
				continue;
			}
			size_t e = prose_token_end(p, i), li;
			if (!prose_token_starts(p, i)) {
				i = e;	/* inside a word: "aTODO" */
				continue;
			}
			if (placeholder_word(p, i, e)) {
				placeholder_report(p, i, e);
			} else if (token_ci(p, i, e, "lorem") &&
				   (li = lorem_ipsum(p, e)) != 0) {
				placeholder_report(p, i, li);
				e = li;
			}
			i = e;
			continue;
		}
		if (p->text[i] == '_') {
			size_t e = i;
			while (e < p->len && p->text[e] == '_' && !skipped(p, e))
				e++;
			if (e - i >= 3)
				placeholder_report(p, i, e);
			i = e;
			continue;
		}
		if (p->text[i] == '[' && p->len - i >= sizeof cn - 1) {
			size_t k = 0;
			while (k < sizeof cn - 1) {
				char c = p->text[i + k];
				if (c >= 'A' && c <= 'Z')
					c = (char)(c - 'A' + 'a');
				if (c != cn[k] || skipped(p, i + k))
					break;
				k++;
			}
			if (k == sizeof cn - 1) {
				placeholder_report(p, i, i + k);
				i += k;
				continue;
			}
		}
		i++;
	}
}

void check_placeholder(ast_doc *d)
{
	check_prose_walk(d, CW_ALL, 0, placeholder_scan, NULL);
}

/* ---- duplicate-paragraph ---- */

/* Paragraphs shorter than this may repeat (a stock phrase, "See above."). */
enum { DUP_MIN_WORDS = 12 };

/*
 * The table holds each paragraph's hash and length, not its text: on a
 * match the earlier paragraph is flattened again and compared, so no
 * paragraph is kept twice.
 */
typedef struct dup_ent {
	uint32_t hash, len;	/* (of the folded text: at most SOURCE_MAX_BYTES) */
	const ast_node *node;	/* the first paragraph with this text */
} dup_ent;

typedef struct dup_state {
	dup_ent *slots;
	size_t cap, n;
	uint64_t seed;		/* of the hash, chosen when first grown */
	buf fold, other;	/* this paragraph folded; an earlier one */
	prose again;	/* the earlier one, flattened */
} dup_state;

/* The words of p joined by single spaces, into out; returns how many. */
static size_t fold(const prose *p, buf *out)
{
	size_t words = 0;
	bool space = true;

	buf_clear(out);
	buf_grow(out, p->len);
	char *start = out->data, *o = start;
	for (size_t i = 0; i < p->len; i++) {
		if (p->fl[i] & CP_SPACE) {
			space = true;
			continue;
		}
		if (space) {
			if (o > start)
				*o++ = ' ';
			words++;
			space = false;
		}
		*o++ = p->text[i];
	}
	out->len = (size_t)(o - start);
	*o = '\0';
	return words;
}

/*
 * Whether p is folded already: every space a single ' ' between two
 * words.  Most paragraphs are, and then they are their own key, with one
 * word more than spaces.  Eight bytes at a time.
 */
static bool folded(const prose *p, size_t *spaces)
{
	const unsigned char *fl = p->fl;
	size_t n = p->len, i = 0, count = 0;
	uint64_t last = B8_HIGH;	/* "a space before": none may lead */

	if (n && (fl[n - 1] & CP_SPACE))
		return false;
	_Static_assert(CP_SPACE == 8, "folded() moves the CP_SPACE bit to bit 7");
	for (; i + 8 <= n; i += 8) {
		uint64_t sp = (b8_load(fl + i) & b8_spread(CP_SPACE)) << 4;
		if (!sp) {
			last = 0;
			continue;
		}
		uint64_t blank = b8_eq(b8_load(p->text + i), ' ');
		if ((sp & ~blank) || (sp & ((sp << 8) | (last >> 56))))
			return false;
		count += b8_count(sp);
		last = sp;
	}
	bool prev = (last >> 63) != 0;
	for (; i < n; i++) {
		bool sp = (fl[i] & CP_SPACE) != 0;
		if (sp && (prev || p->text[i] != ' '))
			return false;
		count += sp;
		prev = sp;
	}
	*spaces = count;
	return true;
}

static bool dup_same(dup_state *st, ast_doc *d, const ast_node *first,
		     const char *key, size_t len)
{
	st->again.d = d;
	prose_flatten(&st->again, first);
	fold(&st->again, &st->other);
	return st->other.len == len && memcmp(st->other.data, key, len) == 0;
}

/* First sized for every paragraph of the document at a load of at most
 * 3/4, so a large one does not hold two tables while the table grows. */
static void dup_grow(dup_state *st, const ast_doc *d)
{
	size_t cap = 64;
	if (st->cap)
		cap = 2 * st->cap;
	else
		while (cap / 4 * 3 < d->nparagraphs + 1)
			cap *= 2;
	dup_ent *slots = xreallocarray(NULL, cap, sizeof *slots, "the paragraph table");

	memset(slots, 0, cap * sizeof *slots);
	if (!st->cap)
		st->seed = hash_seed(st, slots);
	for (size_t i = 0; i < st->cap; i++) {
		if (!st->slots[i].node)
			continue;
		size_t h = st->slots[i].hash & (cap - 1);
		while (slots[h].node)
			h = (h + 1) & (cap - 1);
		slots[h] = st->slots[i];
	}
	free(st->slots);
	st->slots = slots;
	st->cap = cap;
}

static void dup_scan(prose *p, void *ctx)
{
	dup_state *st = ctx;
	const char *key;
	size_t len, words, spaces;

	if (p->len && folded(p, &spaces)) {
		key = p->text;
		len = p->len;
		words = spaces + 1;
	} else {
		words = fold(p, &st->fold);
		key = st->fold.data;
		len = st->fold.len;
	}
	if (words < DUP_MIN_WORDS)
		return;
	if (st->n + 1 > st->cap / 4 * 3)
		dup_grow(st, p->d);
	uint32_t hash = (uint32_t)hash_bytes(st->seed, key, len);
	size_t h = hash & (st->cap - 1);
	for (; st->slots[h].node; h = (h + 1) & (st->cap - 1)) {
		const dup_ent *e = &st->slots[h];
		if (e->hash != hash || e->len != len ||
		    !dup_same(st, p->d, e->node, key, len))
			continue;
		size_t k = diag_report(&p->d->diags, DC_DUPLICATE_PARAGRAPH,
				       p->node->at,
				       "this paragraph repeats an earlier one");
		diag_add_note(&p->d->diags, k, e->node->at, "first written here");
		return;
	}
	st->slots[h] = (dup_ent){hash, (uint32_t)len, p->node};
	st->n++;
}

static void dup_free(dup_state *st)
{
	free(st->slots);
	buf_free(&st->fold);
	buf_free(&st->other);
	prose_free(&st->again);
}

void check_duplicate_paragraph(ast_doc *d)
{
	dup_state st;

	memset(&st, 0, sizeof st);
	check_prose_walk(d, CW_PARAGRAPH, 0, dup_scan, &st);
	dup_free(&st);
}

/* ---- heading-skip ---- */

/* The '#' marks of a heading. */
static span heading_marks(const ast_doc *d, const ast_node *h)
{
	uint32_t s = h->at.start, e = s;
	while (e < d->src.len && e < h->at.end && d->src.text[e] == '#')
		e++;
	if (e == s)
		return check_first_line(d, h->at);
	return span_make(s, e);
}

void check_heading_skip(ast_doc *d)
{
	const ast_node *prev = NULL;

	for (size_t i = 0; i < d->headings.n; i++) {
		const ast_node *h = d->headings.v[i];
		if (h->type != AST_HEADING)
			continue;
		if (prev && h->u.heading->level > prev->u.heading->level + 1) {
			int want = prev->u.heading->level + 1;
			size_t k = diag_report(
				&d->diags, DC_HEADING_SKIP, heading_marks(d, h),
				"heading level %d follows level %d; use %.*s "
				"(level %d) here",
				h->u.heading->level, prev->u.heading->level, want,
				"###", want);
			diag_add_note(&d->diags, k, heading_marks(d, prev),
				      "the previous heading, level %d, is here",
				      prev->u.heading->level);
		}
		prev = h;
	}
}

/* ---- word-limit ---- */

typedef struct word_state {
	size_t words;
	size_t mark;		/* report the position of this word */
	span mark_at;
	bool marked;
} word_state;

/*
 * A word is a run of characters that are neither spaces nor part of a
 * reference and that holds at least one letter or digit: "US–ROK", "2024"
 * and "don't" are one word each, a lone dash is none.
 */
static void word_scan(prose *p, void *ctx)
{
	word_state *st = ctx;
	size_t i = 0;

	while (i < p->len) {
		size_t b = i;
		bool has_word = false;
		while (i < p->len && !(p->fl[i] & (CP_REF | CP_SPACE))) {
			has_word |= (p->fl[i] & CP_WORD) != 0;
			i++;
		}
		if (has_word) {
			st->words++;
			if (st->words == st->mark) {
				st->mark_at = prose_span(p, b, i);
				st->marked = true;
			}
		}
		if (i == b)	/* a space or a reference */
			i++;
	}
}

/* The words of the body. */
#define CW_WORDS (CW_HEADING | CW_PARAGRAPH | CW_INLINE_FIELD)

static size_t count_words(ast_doc *d, word_state *st)
{
	check_prose_walk(d, CW_WORDS, CW_FRONT | CW_EVIDENCE | CW_NOTE, word_scan, st);
	return st->words;
}

size_t check_count_words(ast_doc *d)
{
	word_state st = {0, 0, {0, 0}, false};
	return count_words(d, &st);
}

/* The word count of a walk with the limit's mark set: over the limit? */
static void word_limit_report(ast_doc *d, const word_state *st)
{
	size_t n = st->words;
	if (n <= (size_t)d->meta.limit || !st->marked)
		return;
	size_t k = diag_report(&d->diags, DC_WORD_LIMIT, st->mark_at,
			       "the body has %zu words, %zu over the limit of "
			       "%ld; this is word %zu",
			       n, n - (size_t)d->meta.limit, d->meta.limit,
			       st->mark);
	if (d->meta.limit_words)
		diag_add_note(&d->diags, k, d->meta.limit_words->value_at,
			      "the limit is set here");
}

void check_word_limit(ast_doc *d)
{
	if (d->meta.limit <= 0)
		return;
	word_state st = {0, (size_t)d->meta.limit + 1, {0, 0}, false};
	count_words(d, &st);
	word_limit_report(d, &st);
}

/* ---- all of them ---- */

void check_prose_all(ast_doc *d)
{
	size_t from = d->diags.n;
	dup_state dup;
	word_state words = {0, (size_t)d->meta.limit + 1, {0, 0}, false};
	check_prose_use uses[4] = {
		{CW_ALL, 0, placeholder_scan, NULL},
		{0, 0, NULL, NULL},
		{CW_PARAGRAPH, 0, dup_scan, &dup},
		{CW_WORDS, CW_FRONT | CW_EVIDENCE | CW_NOTE, word_scan, &words},
	};
	check_acr *acr = check_acr_begin(d, CHECK_ACR_UNDEFINED | CHECK_ACR_UNUSED |
					 CHECK_ACR_MISMATCH, &uses[1]);
	memset(&dup, 0, sizeof dup);

	check_prose_walk_all(d, uses, d->meta.limit > 0 ? 4 : 3);
	check_acr_finish(acr);
	dup_free(&dup);
	check_heading_skip(d);
	if (d->meta.limit > 0)
		word_limit_report(d, &words);
	check_reseq(&d->diags, from);
}
