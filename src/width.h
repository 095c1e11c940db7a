/*
 * width.h - how many terminal columns a character takes, so that the
 * caret under a diagnostic's source line stands under its character.
 *
 * East Asian wide and fullwidth characters take two columns, combining
 * marks, format characters and conjoining Hangul vowels and finals none,
 * everything else one (ambiguous-width characters too, as in a terminal
 * outside a CJK locale).  Emoji sequences are measured as terminals that
 * draw them as one picture do: U+FE0F makes a text-style pictograph two
 * columns wide, and a pictograph joined by U+200D, or a skin-tone
 * modifier after a pictograph, adds nothing.  The data is generated from
 * the Unicode Character Database (width_table.h, tools/gen-width.sh).
 *
 * Columns are for drawing only: the column numbers of diagnostics count
 * code points (the contract, section 2).
 */
#ifndef BRIEFC_WIDTH_H
#define BRIEFC_WIDTH_H

#include <stdbool.h>
#include <stdint.h>

/* The Unicode version the table was generated from, e.g. "15.0.0". */
extern const char width_unicode_version[];

/* The width of cp on its own: 0, 1 or 2. */
unsigned width_cp(uint32_t cp);

/* What came before, for the sequences whose width depends on it. */
typedef struct width_state {
	uint32_t prev;		/* the previous code point; 0 at the start */
	unsigned prev_width;	/* the columns it added */
	bool pict;		/* the last character with a width was a pictograph */
	bool joining;		/* prev is a U+200D after a pictograph */
} width_state;

#define WIDTH_STATE_INIT {0, 0, false, false}

/* The columns cp adds after what st has seen (0, 1 or 2); updates st. */
unsigned width_next(width_state *st, uint32_t cp);

#endif
