/*
 * check_util.h - what the check_*.c files share (not a public interface).
 *
 * The prose walker turns each piece of prose (a heading, a paragraph, a
 * field value) into one flat string with the source offset of every byte,
 * so that scanners for words, acronyms and placeholders work on plain
 * text and still report exact spans.  Two small hash tables (strings to
 * numbers, a set of pointers) keep every check linear.
 */
#ifndef BRIEFC_CHECK_UTIL_H
#define BRIEFC_CHECK_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

/* ---- flat prose ---- */

/*
 * Per-byte flags of the flat text: where the byte comes from, and the
 * class of the character it belongs to (every byte of a multi-byte
 * character has the flags of the whole character).  A byte with neither
 * CP_SPACE nor CP_WORD is punctuation.
 */
enum {
	CP_CODE = 1,		/* inside a code span */
	CP_REF = 2,		/* stands for a reference [@id] */
	CP_URL = 4,		/* part of a URL or e-mail address written in prose */
	CP_SPACE = 8,		/* ASCII and Unicode spaces */
	CP_WORD = 16		/* letters and digits of any script */
};

/* Where a piece of prose is (check_prose.where). */
enum {
	CW_HEADING = 1,
	CW_PARAGRAPH = 2,	/* a paragraph anywhere: body, list, quote, block */
	CW_INLINE_FIELD = 4,	/* an inline-text field value (claim, action, title) */
	CW_TEXT_FIELD = 8,	/* a plain-text field value (actor, publisher, authors) */
	CW_FRONT = 16,		/* in the front matter */
	CW_EVIDENCE = 32,	/* inside an evidence block */
	CW_CELL = 64,		/* a cell of a table */
	CW_NOTE = 128		/* a paragraph of a note ([^label]: ...) */
};

typedef struct check_piece check_piece;

typedef struct check_prose {
	ast_doc *d;
	char *text;		/* the flat text, NUL-terminated */
	unsigned char *fl;	/* CP_* flags of each byte */
	size_t len, cap;
	unsigned where;		/* CW_* bits */
	const ast_node *node;	/* the heading or paragraph, or the field's inlines */
	const ast_field *field;	/* the field, for CW_*_FIELD */
	const ast_node *block;	/* the enclosing block, or NULL */
	/*
	 * Where each byte came from in the source is worked out only when a
	 * check asks (check_prose_span), from the pieces the text was built
	 * of: most prose is clean, and a map of every byte would cost more
	 * than all the scanners together.
	 */
	check_piece *pieces;
	size_t npieces, piececap;
	uint32_t *off;		/* source offset of each byte, once mapped */
	size_t offcap;
	bool mapped;
} check_prose;

typedef void check_prose_fn(check_prose *p, void *ctx);

/* One scanner of a prose walk: called for the pieces whose `where` has a
 * bit of want and none of skip. */
typedef struct check_prose_use {
	unsigned want, skip;
	check_prose_fn *fn;
	void *ctx;
} check_prose_use;

/*
 * Call the scanners, in document order, for every piece of prose, each
 * piece flattened once for all of them (in the order of uses).  The front
 * matter comes first; a block's fields come before its body.
 */
void check_prose_walk_all(ast_doc *d, const check_prose_use *uses,
			  size_t nuses);
/* The walk for one scanner. */
void check_prose_walk(ast_doc *d, unsigned want, unsigned skip,
		      check_prose_fn *fn, void *ctx);
/*
 * The flat text of the inlines under holder, into p (p->d set, the rest
 * zero at first; check_prose_free after): a piece seen earlier, again.
 */
void check_prose_flatten(check_prose *p, const ast_node *holder);
void check_prose_free(check_prose *p);
/* The source span of flat bytes [a, b). */
span check_prose_span(check_prose *p, size_t a, size_t b);

/* Character classes of the scanners. */
typedef enum check_cc {
	CC_SPACE,		/* ASCII and Unicode spaces */
	CC_PUNCT,		/* ASCII punctuation, dashes, quotes, symbols */
	CC_WORD			/* letters and digits of any script */
} check_cc;

/* The class of the character that the byte at text[i] belongs to. */
static inline check_cc check_class(const check_prose *p, size_t i)
{
	return (p->fl[i] & CP_WORD) ? CC_WORD :
	       (p->fl[i] & CP_SPACE) ? CC_SPACE : CC_PUNCT;
}

/* Whether s (n bytes) starts with the lower-case ASCII word p, in any case. */
bool check_prefix_ci(const char *s, size_t n, const char *p);

static inline bool check_is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

/*
 * The end of the word token that starts at i: a run of letters and digits,
 * with '&' allowed between two of them (R&D).  Hyphens, apostrophes and
 * all other punctuation end a token, so US-ROK is two tokens.  The OR of
 * the flags of its bytes goes to *flags when flags is not NULL.
 */
static inline size_t check_token_end_fl(const check_prose *p, size_t i,
					unsigned *flags)
{
	const unsigned char *fl = p->fl;
	size_t j = i;
	unsigned all = 0;

	for (;;) {
		/* fl[len] is 0: the text's NUL ends every run */
		while ((fl[j] & (CP_WORD | CP_REF)) == CP_WORD)
			all |= fl[j++];
		/* R&D, AT&T: '&' inside a token */
		if (j < p->len && p->text[j] == '&' && j > i &&
		    !(fl[j] & CP_REF) &&
		    (fl[j + 1] & (CP_WORD | CP_REF)) == CP_WORD) {
			all |= fl[j++];
			continue;
		}
		break;
	}
	if (flags)
		*flags = all;
	return j;
}

static inline size_t check_token_end(const check_prose *p, size_t i)
{
	return check_token_end_fl(p, i, NULL);
}

/*
 * Whether a token starts at i, a word byte outside code, URLs and
 * references, for a scanner that moves from token to token: it does
 * unless an earlier such byte of the same run of word bytes (and inner
 * '&') started the token that covers i.  A scanner can so skip to the
 * bytes it cares about; it stays linear if it then moves past the end
 * of the run (check_token_end) whatever the answer.
 */
bool check_token_starts(const check_prose *p, size_t i);

/* The node after n in a pre-order walk of top's subtree, or NULL. */
const ast_node *check_next(const ast_node *n, const ast_node *top,
			   bool descend);

/* ---- the acronym checks as one scanner (check_acronyms.c) ---- */

enum {
	CHECK_ACR_UNDEFINED = 1,
	CHECK_ACR_UNUSED = 2,
	CHECK_ACR_MISMATCH = 4
};

typedef struct check_acr check_acr;

/* Set up the checks asked for; *use is their scanner, for a prose walk. */
check_acr *check_acr_begin(ast_doc *d, unsigned which, check_prose_use *use);
/* After the walk: report what only the whole prose shows, and free. */
void check_acr_finish(check_acr *a);

/*
 * Give diagnostics [from, n) of dl the report order they would have had
 * if the check of each code had run alone, the checks in the order of
 * their codes: one walk then serves several checks, and the output does
 * not change.
 */
void check_reseq(diag_list *dl, size_t from);

/* ---- hash tables (heap; keys are not copied) ---- */

/* The hash the tables use, started from a table's seed (ast_hash_seed). */
size_t check_hash(size_t seed, const char *s, size_t n);

typedef struct check_strent {
	const char *key;
	size_t len;
	size_t val;
	size_t hash;		/* of key, kept for growing the table */
} check_strent;

typedef struct check_strtab {
	check_strent *slots;
	size_t cap, n;
	size_t seed;		/* of the hash, chosen when first grown */
} check_strtab;

/* The entry for key, added with val = 0 when absent (*added tells). */
check_strent *check_strtab_put(check_strtab *t, const char *key, size_t len,
			       bool *added);
check_strent *check_strtab_get(const check_strtab *t, const char *key,
			       size_t len);
void check_strtab_free(check_strtab *t);

typedef struct check_ptrset {
	const void **slots;
	size_t cap, n;
} check_ptrset;

/* Returns true if p was not in the set yet. */
bool check_ptrset_add(check_ptrset *s, const void *p);
bool check_ptrset_has(const check_ptrset *s, const void *p);
void check_ptrset_free(check_ptrset *s);

/*
 * What the chain checks leave alone because another diagnostic already
 * explains it (one mistake, one diagnostic; check.c says what):
 * d->excused, findings and recommendations whose support is unknown;
 * d->meant, the evidence and findings that misspelt IDs meant.  Made
 * once.
 */
void check_excused(ast_doc *d);

/* ---- names and locations ---- */

/* What an ID may hold (ast_id_valid), for messages. */
#define CHECK_ID_RULE "letters, digits and '_', then also '-', '.' and ':'; " \
	"not ending in '.' or ':'"

/* "finding 'x'", or "finding" when the block has no ID (arena string). */
const char *check_block_title(ast_doc *d, const ast_node *b);

/* Where a node's ID is written (or the node itself when it has none). */
span check_id_span(const ast_node *n);
/* The first line of a span (a caret under one line reads best). */
span check_first_line(const ast_doc *d, span s);
/* The source span of value bytes [a, b) of a field. */
span check_field_span(const ast_doc *d, const ast_field *f, size_t a, size_t b);

/*
 * How many bytes of s to quote in a message: all of it up to 60 bytes,
 * else 60 cut at a character boundary (the caller adds "..." when
 * CHECK_CLIPPED).  Messages stay short however long the input is.
 */
enum { CHECK_CLIP = 60 };
int check_clip(const char *s, size_t len);
#define CHECK_CLIPPED(len) ((len) > CHECK_CLIP ? "..." : "")

/* The same as a string for '%s': s itself when short (s must then be
 * NUL-terminated at len), else a clipped copy ending in "..." in d's arena. */
const char *check_quote(ast_doc *d, const char *s, size_t len);
#define CHECK_Q(d, str) check_quote((d), (str).p, (str).len)

/* Aborts with a message when memory is exhausted, like buf and arena. */
void *check_xrealloc(void *p, size_t n);

#endif
