/*
 * prose.h - a piece of prose as one flat string: the text the checks and
 * the renderer scan for words, acronyms, placeholders and URLs.
 *
 * A heading, a paragraph or a field value is an inline tree; flattened,
 * it is one string (emphasis and links gone, their text kept; a soft
 * break a space; a code span its text; a reference "[@a;@b]") with a
 * flag byte for each byte: where it comes from (code, a reference, a URL
 * written in prose) and the class of its character (space, word,
 * punctuation).  Every scanner then reads plain text, and emphasis, links
 * and line breaks never split what it looks for.  Where a byte came from
 * in the source is worked out only when asked (prose_span).
 *
 * Words are runs of word characters - letters and digits of any script -
 * with '&' between two of them (R&D).  Punctuation, spaces and symbols
 * (arrows, ™, emoji) end a word, and so does a change between an East
 * Asian script (Han, kana, Hangul) and any other, so that a particle
 * written onto an acronym (ROK는, NATOの) leaves it whole.  This is the
 * one definition of a word: the checks count words and find acronyms by
 * it, and the renderer marks acronyms by it (acronym.h).
 */
#ifndef BRIEFC_PROSE_H
#define BRIEFC_PROSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

/*
 * The flag byte of each byte of the flat text.  Every byte of a
 * multi-byte character has the flags of the whole character; a byte with
 * neither CP_SPACE nor CP_WORD is punctuation or a symbol.
 */
enum {
	CP_CODE = 1,		/* inside a code span */
	CP_REF = 2,		/* stands for a reference [@id] */
	CP_URL = 4,		/* part of a URL or e-mail address written in prose */
	CP_SPACE = 8,		/* ASCII and Unicode spaces */
	CP_WORD = 16,		/* letters and digits of any script */
	CP_EAST = 32,		/* (with CP_WORD) of an East Asian script */
	CP_UPPER = 64		/* (with CP_WORD) an ASCII capital or digit, where
				 * an acronym can start: acronym.c skips to them */
};

/*
 * A run of the flat text and where it came from: text as the tree has it
 * (a line of a text node, a code span's text, a plain field's value),
 * located at at; or, when text is NULL, bytes that all stand at at.start
 * (a soft break, a reference).  fl: the flags it was added with (CP_CODE
 * for a code span).
 */
typedef struct prose_piece {
	size_t from, len;
	const char *text;
	span at;
	unsigned char fl;
} prose_piece;

/* Whether pc is author text a renderer writes as such (not a code span,
 * a break or a reference): where an acronym's mark can go. */
static inline bool prose_piece_is_text(const prose_piece *pc)
{
	return pc->text && !(pc->fl & CP_CODE);
}

typedef struct prose {
	ast_doc *d;
	char *text;		/* the flat text, NUL-terminated */
	unsigned char *fl;	/* CP_* flags of each byte, then two 0 */
	size_t len, cap;
	/* What the piece is, for whoever walks the prose (the checks'
	 * walk sets them: check_util.h). */
	unsigned where;
	const ast_node *node;	/* the heading or paragraph, or the field's inlines */
	const ast_field *field;	/* the field, for a field's value */
	const ast_node *block;	/* the enclosing block, or NULL */
	/* Set by a reader that needs no piece per line (the checks): a
	 * text node that is its own bytes of the source is then one piece,
	 * its newlines (soft breaks) read as spaces.  Unset, each line of a
	 * text node is a piece (ast_text_next), as the renderer marks them. */
	bool whole_texts;
	/* the pieces the text was built of, to map bytes to the source */
	prose_piece *pieces;
	size_t npieces, piececap;
	uint32_t *off;		/* source offset of each byte, once mapped */
	size_t offcap;
	bool mapped;
} prose;

/*
 * Building: p->d set and the rest zero at first; prose_clear, then
 * prose_add_inlines and prose_add_text in order, then prose_finish; the
 * buffers are kept for the next piece until prose_free.
 */
void prose_clear(prose *p);
/* The inline children of holder (a paragraph, a heading, a field's
 * inlines). */
void prose_add_inlines(prose *p, const ast_node *holder);
/* Plain text whose source is at (a plain field's value). */
void prose_add_text(prose *p, const char *text, size_t len, span at);
/* End the flat text (its NUL) and mark the URLs in it. */
void prose_finish(prose *p);
/* prose_clear, prose_add_inlines and prose_finish. */
void prose_flatten(prose *p, const ast_node *holder);
void prose_free(prose *p);

/* The source span of flat bytes [a, b). */
span prose_span(prose *p, size_t a, size_t b);

/*
 * The end of the word that starts at i: a run of word bytes of one kind
 * (CP_EAST or not), with inner '&'; hyphens, apostrophes and all other
 * punctuation end a word, so US-ROK is two.  The OR of the flags of its
 * bytes goes to *flags when flags is not NULL.
 */
static inline size_t prose_token_end_fl(const prose *p, size_t i,
					unsigned *flags)
{
	const unsigned char *fl = p->fl;
	const unsigned kind = CP_WORD | (fl[i] & CP_EAST);
	const unsigned mask = CP_WORD | CP_REF | CP_EAST;
	size_t j = i;
	unsigned all = 0;

	for (;;) {
		/* fl[len] is 0: the text's NUL ends every run */
		while ((fl[j] & mask) == kind)
			all |= fl[j++];
		/* R&D, AT&T: '&' inside a word */
		if (j < p->len && p->text[j] == '&' && j > i &&
		    !(fl[j] & CP_REF) && (fl[j + 1] & mask) == kind) {
			all |= fl[j++];
			continue;
		}
		break;
	}
	if (flags)
		*flags = all;
	return j;
}

static inline size_t prose_token_end(const prose *p, size_t i)
{
	return prose_token_end_fl(p, i, NULL);
}

/*
 * Whether a word starts at i, a word byte outside code, URLs and
 * references, for a scanner that moves from word to word: it does unless
 * an earlier such byte of the same run of word bytes (and inner '&')
 * started the word that covers i.  A scanner can so skip to the bytes it
 * cares about; it stays linear if it then moves past the end of the run
 * (prose_token_end) whatever the answer.
 */
bool prose_token_starts(const prose *p, size_t i);

#endif
