/*
 * i18n.h - the words briefc writes itself, and its dates, in the brief's
 * language.
 *
 * One table (i18n.c) holds, per language, every generated word (labels,
 * headings, card details, list joiners), the month names and date order,
 * and what the LaTeX backend needs to set the language (babel's name and
 * hyphenation patterns) and the default paper.  docs/output.md explains
 * the translations chosen.
 *
 * A `lang` tag selects its entry by the longest match: the whole tag
 * ("en-US", "zh-Hant"), the tag less its last subtags ("zh-Hant-TW" ->
 * "zh-Hant", "fr-CA" -> "fr"), and a few regions that imply a script
 * ("zh-TW" -> "zh-Hant").  Tags compare without regard to case.  A tag
 * whose language has no entry gets English, and the checker says so
 * (unknown-language).
 */
#ifndef BRIEFC_I18N_H
#define BRIEFC_I18N_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

typedef enum i18n_word {
	/* labels, followed by a number: "Finding 3", "Table 2" */
	I18N_FINDING,
	I18N_RECOMMENDATION,
	I18N_TABLE,
	I18N_FIGURE,
	I18N_BOX,
	/* headings and titles */
	I18N_CONTENTS,
	I18N_SOURCES,
	I18N_NOTES,
	I18N_GLOSSARY,
	I18N_OTHER_RECOMMENDATIONS,	/* the group of those without an area */
	I18N_KEY_POINTS,		/* box titles by type */
	I18N_NOTE,
	I18N_DISCLAIMER,
	I18N_DRAFT,			/* the status line */
	/* card details: "Confidence: high" (LABEL_COLON and LABEL_SPACE
	 * follow) */
	I18N_CONFIDENCE,
	I18N_EVIDENCE,
	I18N_AREA,
	I18N_ACTOR,
	I18N_PRIORITY,
	I18N_HORIZON,
	I18N_HIGH,
	I18N_MEDIUM,
	I18N_LOW,
	/* card feet, before a list of references; the _MANY form when the
	 * list has more than one */
	I18N_ADDRESSED_BY,
	I18N_ADDRESSED_BY_MANY,
	I18N_ADDRESSES,
	I18N_ADDRESSES_MANY,
	/* the alt text of a logo when the brief names no organization */
	I18N_LOGO,
	/* the evidence map's caption, and the label of its key (before
	 * LABEL_COLON) */
	I18N_MAP_CAPTION,
	I18N_MAP_KEY,
	/*
	 * The map's alt text and its key's sentences.  A count is a pair,
	 * one and many (i18n_counted chooses; "#" stands for the number):
	 * ALT SOURCES LIST_SEP FINDINGS AND RECS [AREAS] COLUMNS, then the
	 * sentences of what the drawing marks, each with its own leading
	 * space (none in Chinese and Japanese).
	 */
	I18N_MAP_ALT,
	I18N_MAP_SOURCES_ONE,
	I18N_MAP_SOURCES_MANY,
	I18N_MAP_FINDINGS_ONE,
	I18N_MAP_FINDINGS_MANY,
	I18N_MAP_RECS_ONE,
	I18N_MAP_RECS_MANY,
	I18N_MAP_AREAS_ONE,
	I18N_MAP_AREAS_MANY,
	I18N_MAP_COLUMNS,
	I18N_MAP_UNSUPPORTED_ONE,
	I18N_MAP_UNSUPPORTED_MANY,
	I18N_MAP_UNADDRESSED_ONE,
	I18N_MAP_UNADDRESSED_MANY,
	I18N_MAP_UNCITED_ONE,
	I18N_MAP_UNCITED_MANY,
	I18N_MAP_KEY_READ,
	I18N_MAP_KEY_UNSUPPORTED,
	I18N_MAP_KEY_UNADDRESSED,
	I18N_MAP_KEY_UNCITED,
	/* in a node's label, what it lacks: a source no finding cites; a
	 * finding with no evidence and no recommendation, with no evidence,
	 * with no recommendation; a recommendation with no evidence */
	I18N_MAP_LACK_UNCITED,
	I18N_MAP_LACK_BOTH,
	I18N_MAP_LACK_EVIDENCE,
	I18N_MAP_LACK_RECOMMENDATION,
	I18N_MAP_LACK_REC_EVIDENCE,
	/* the group of the recommendations without an area */
	I18N_MAP_NO_AREA,
	/* a map cut into pictures (Word): after the alt text of the first,
	 * "#" its number of parts; the alt text of another, its part and
	 * the number of parts */
	I18N_MAP_PART_FIRST,
	I18N_MAP_PART,
	/* below a table or figure, before LABEL_COLON: its sources (the
	 * _MANY form when it has more than one) and its note */
	I18N_SOURCE_ONE,
	I18N_SOURCE_MANY,
	I18N_FLOAT_NOTE,
	/*
	 * Between a label and its text: "Table 2: ", "Source: ",
	 * "Confidence: high" are the label, LABEL_COLON and LABEL_SPACE.
	 * The colon is the language's ("\u00A0:" in French, "\uFF1A" in
	 * Chinese and Japanese); the space, when the colon wants one, is
	 * what the backends set as a breakable or tied space (none after a
	 * full-width colon).  Every backend takes them from here.
	 */
	I18N_LABEL_COLON,
	I18N_LABEL_SPACE,
	/* after a long table's caption on the pages it goes on to */
	I18N_CONTINUED,
	/* before the version of the brief, with its separator */
	I18N_VERSION,
	/* before a date; the _DAY form when the date has a day */
	I18N_UPDATED,
	I18N_UPDATED_DAY,
	I18N_ACCESSED,
	I18N_ACCESSED_DAY,
	/* evidence types, as shown in a source entry */
	I18N_TYPE_REPORT,
	I18N_TYPE_LAW,
	I18N_TYPE_TREATY,
	I18N_TYPE_STATEMENT,
	I18N_TYPE_DATASET,
	I18N_TYPE_ARTICLE,
	/* joining lists: "A, B and C" is A LIST_SEP B AND C */
	I18N_LIST_SEP,
	I18N_AND,
	/* the end of a sentence briefc writes ("Addressed by ...") */
	I18N_FULL_STOP,
	/* a source's back-links: CITED_ON 2, 5 (the pages it is cited on) */
	I18N_CITED_ON,
	/* what a back-link says to a screen reader, before its number:
	 * to a citation of a source, to a note's mark in the text */
	I18N_BACK_TO_CITATION,
	I18N_BACK_TO_MARK,
	/* the page footer: PAGE_BEFORE N PAGE_OF M PAGE_AFTER */
	I18N_PAGE_BEFORE,
	I18N_PAGE_OF,
	I18N_PAGE_AFTER,
	I18N__COUNT
} i18n_word;

/* How a date is written. */
typedef enum i18n_date_order {
	I18N_DMY,		/* 6 August 2019, August 2019 */
	I18N_MDY,		/* August 6, 2019 */
	I18N_DMY_DOT,		/* 6. August 2019 */
	I18N_DMY_DE,		/* 6 de agosto de 2019, agosto de 2019 */
	I18N_YMD_KO,		/* 2019년 8월 6일 */
	I18N_YMD_CJK		/* 2019年8月6日 */
} i18n_date_order;

typedef struct i18n_lang {
	const char *tag;	/* the tag of the entry: "en", "en-US", "zh-Hant" */
	const char *name;	/* in English, for messages */
	const char *babel;	/* babel's language name */
	const char *hyphen;	/* hyphenation patterns to try, in babel's
				 * hyphenrules syntax ("french"); NULL: TeX's
				 * default (English) patterns */
	bool letter;		/* US Letter paper by default, else A4 */
	i18n_date_order date;
	const char *day1;	/* the first of the month, when it is not "1"
				 * ("1er" in French) */
	const char *months[12];
	const char *words[I18N__COUNT];
	bool zero_one;		/* 0 takes the singular, as 1 does (French) */
} i18n_lang;

/* The entry for a BCP 47 tag of n bytes; English (and *known false)
 * when the tag's language has none.  known may be NULL. */
const i18n_lang *i18n_lookup(const char *tag, size_t n, bool *known);
/* English, the default when a brief has no lang. */
const i18n_lang *i18n_default(void);

static inline const char *i18n_word_of(const i18n_lang *l, i18n_word w)
{
	return l->words[w];
}

/* Word w with its first "#" replaced by a, the next by b. */
void i18n_numbers(const i18n_lang *l, i18n_word w, size_t a, size_t b, buf *out);
/*
 * The count n with its noun, "3 findings": the word one or many by the
 * language's rule, its "#" replaced by n.
 */
void i18n_counted(const i18n_lang *l, size_t n, i18n_word one, i18n_word many, buf *out);

/*
 * A date of the front matter or a field, YYYY, YYYY-MM or YYYY-MM-DD, in
 * the language's words and order; anything else is written as it is.
 */
void i18n_date(const i18n_lang *l, const char *s, size_t n, buf *out);
/* Whether s (YYYY-MM-DD) has a day: it takes the _DAY prefixes. */
bool i18n_date_has_day(const char *s, size_t n);

/* The number of entries and the i-th, for the tests and docs. */
size_t i18n_count(void);
const i18n_lang *i18n_at(size_t i);

#endif
