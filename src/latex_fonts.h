/*
 * latex_fonts.h - which TeX engine, fonts and babel languages a brief's
 * characters need.
 *
 * A brief whose every character pdflatex sets with the T1 fonts
 * (escape_latex_can_set) is set by pdflatex: the fast path.  Any other
 * character sends the whole document to lualatex, whose setup is made for
 * what the brief contains and nothing more, since every font costs time
 * to load:
 *
 *   Latin          Latin Modern, as under pdflatex
 *   Greek,         Noto Serif, scaled to sit with Latin Modern; babel
 *   Cyrillic       switches to it by itself (onchar)
 *   Han, kana,     Noto Serif CJK in the face of the brief's language
 *   Hangul         (JP, KR, SC, TC, HK), HarfBuzz shaping, lines broken
 *                  between characters by babel
 *   Hebrew,        Noto Serif Hebrew, Noto Naskh Arabic, set right to
 *   Arabic         left inside the line (babel bidi=basic)
 *   anything else  the first of Noto Serif, DejaVu Serif, Noto Sans Math,
 *                  Noto Sans Symbols, Symbols2 that has it, written by
 *                  escape_latex as {\BriefFontX c}
 *
 * Which font sets which character comes from a table generated from the
 * fonts (latex_fonts_table.h, tools/gen-latex-fonts.sh).  A character no
 * font has (emoji, scripts such as Devanagari or Thai) is reported where
 * it stands.  docs/output.md describes the result.
 */
#ifndef BRIEFC_LATEX_FONTS_H
#define BRIEFC_LATEX_FONTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "i18n.h"

/* Where a character goes (the generator writes these names). */
typedef enum latex_route {
	LR_NONE,		/* no font of the setup has it */
	LR_MAIN,		/* Latin Modern */
	/* babel switches language and font for these by itself */
	LR_GREEK,
	LR_CYRILLIC,
	LR_HEBREW,
	LR_ARABIC,
	LR_HAN,			/* with CJK punctuation and fullwidth forms */
	LR_KANA,
	LR_HANGUL,
	/* fallback fonts, switched to by escape_latex */
	LR_SERIF,
	LR_DEJAVU,
	LR_MATH,
	LR_SYMBOLS,
	LR_SYMBOLS2,
	LR__COUNT
} latex_route;

typedef struct latex_fonts_range {
	uint32_t lo, hi;
	unsigned char route;
} latex_fonts_range;

/* The route of a character from U+0080 on (ASCII is always LR_MAIN). */
latex_route latex_fonts_route(uint32_t cp);
/* The command escape_latex puts before a character of a fallback route
 * ("\BriefFontSerif"), NULL for the other routes. */
const char *latex_fonts_switch(latex_route r);
/* A few words on what cannot be set, for the message about cp ("emoji
 * are"); *group is the same for every character of those words (a
 * script, emoji), 0 for a character of no group. */
const char *latex_fonts_why_not(uint32_t cp, unsigned *group);

/* What a text needs: the routes it uses, and whether pdflatex will do. */
typedef struct latex_scripts {
	unsigned routes;	/* 1u << route, for each route used */
	bool unicode;		/* a character pdflatex cannot set */
	bool none;		/* one that no engine can: an error */
} latex_scripts;

void latex_scripts_scan(latex_scripts *sc, const char *s, size_t n);

/* The faces of Noto Serif CJK, in the order of its .ttc files. */
typedef enum latex_cjk_face {
	LCF_JP,
	LCF_KR,
	LCF_SC,
	LCF_TC,
	LCF_HK,
	LCF__COUNT
} latex_cjk_face;

/* The setup of one document. */
typedef struct latex_setup {
	bool unicode;		/* lualatex, else pdflatex */
	unsigned routes;
	latex_cjk_face han;	/* the face of Han characters */
	unsigned faces;		/* 1u << face, for each CJK face used */
	const i18n_lang *lang;
} latex_setup;

/*
 * The setup for a brief in language lang (its tag as written, for the
 * face of Han) whose text is sc: the generated words of lang are scanned
 * too.
 */
void latex_setup_make(latex_setup *st, const latex_scripts *sc, const i18n_lang *lang,
		      const char *tag, size_t taglen);

/* Whether a lang tag names a language written right to left. */
bool latex_lang_is_rtl(const char *tag, size_t n);
/* Whether render_latex will report nothing for a brief of this text and
 * lang: then its output can be written as it comes. */
bool latex_fonts_all_set(const char *text, size_t n, const char *tag, size_t taglen);

/* The setup of a brief: its text (the source) and its lang tag (empty
 * for none), looked up and scanned. */
void latex_setup_of(latex_setup *st, const char *text, size_t n, const char *tag,
		    size_t taglen);

/*
 * The part of the preamble that loads the languages and fonts.  Under
 * lualatex the CJK font files are named by macros the caller may define
 * first: \BriefCJKRegularKR, \BriefCJKBoldKR (files) and \BriefCJKIndexKR
 * (face index), for each face (JP, KR, SC, TC, HK); they default to
 * Debian's Noto Serif CJK collections.
 */
void latex_setup_preamble(buf *out, const latex_setup *st);

/*
 * The line that ends the part of the preamble shared by every brief with
 * the same setup (language, scripts): render_pdf precompiles that part
 * into a TeX format.  What follows it is the brief's own (PDF metadata).
 */
#define LATEX_OWN_SETTINGS "% ---- this brief's own settings ----\n"

/* A face's name ("KR") and the macros that name its regular and bold
 * files and its index in them ("\\BriefCJKRegularKR"). */
typedef struct latex_cjk_macros {
	const char *name, *regular, *bold, *index;
} latex_cjk_macros;

const latex_cjk_macros *latex_cjk_macros_of(latex_cjk_face f);
/* The collection files of the regular and bold faces. */
#define LATEX_CJK_REGULAR "NotoSerifCJK-Regular.ttc"
#define LATEX_CJK_BOLD "NotoSerifCJK-Bold.ttc"

#endif
