/*
 * diag.h - diagnostics: codes, severities, located messages with notes.
 *
 * Phases report into a diag_list; nothing is printed until the end, so the
 * list can be sorted, filtered by the severity policy (policy.c) and
 * written in any of the output formats: text here (diag_render_text),
 * text, JSON, SARIF and GitHub annotations in diag_format.c.
 */
#ifndef BRIEFC_DIAG_H
#define BRIEFC_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "source.h"

/* The codes of the contract, sections 9 and 11.10, in their order. */
typedef enum diag_code {
	DC_SYNTAX,
	DC_BAD_ENCODING,
	DC_DUPLICATE_ID,
	DC_UNDEFINED_REFERENCE,
	DC_WRONG_KIND,
	DC_MISSING_FIELD,
	DC_UNKNOWN_FIELD,
	DC_BAD_VALUE,
	DC_BAD_URL,
	DC_UNSAFE_URL,
	DC_EMPTY_LINK,
	DC_UNSUPPORTED_FINDING,
	DC_UNSUPPORTED_RECOMMENDATION,
	DC_UNADDRESSED_FINDING,
	DC_UNUSED_EVIDENCE,
	DC_PLACEHOLDER,
	DC_UNDEFINED_ACRONYM,
	DC_UNUSED_ACRONYM,
	DC_ACRONYM_MISMATCH,
	DC_DUPLICATE_PARAGRAPH,
	DC_HEADING_SKIP,
	DC_WORD_LIMIT,
	/* contract 11.10 */
	DC_MISSING_FILE,
	DC_UNDEFINED_FOOTNOTE,
	DC_UNUSED_FOOTNOTE,
	DC_TABLE_SHAPE,
	DC_UNREFERENCED_FLOAT,
	DC_WEAK_ALT,
	DC_UNSUPPORTED_MARKUP,
	DC__COUNT
} diag_code;

typedef enum diag_severity {
	DS_NOTE,
	DS_WARNING,
	DS_ERROR
} diag_severity;

typedef struct diag_note {
	struct diag_note *next;
	span at;
	bool has_at;		/* false: a note without a location */
	char *msg;		/* heap */
} diag_note;

typedef struct diag {
	diag_code code;
	diag_severity severity;	/* after policy; starts at the default */
	span at;
	char *msg;		/* heap */
	diag_note *notes, *notes_tail;
	size_t seq;		/* report order, for a stable sort */
} diag;

typedef struct diag_list {
	const source *src;
	diag *items;
	size_t n, cap;
	size_t dropped;		/* reported past DIAG_MAX_KEPT, not kept */
	bool kept_error;	/* a diagnostic of an error code is kept */
} diag_list;

/*
 * Diagnostics kept per list: past this many, diag_report only counts them
 * in dropped (keeping one more if it is the first of an error code), so
 * that an input of nothing but mistakes cannot claim memory without bound
 * (docs/limits.md).
 */
#define DIAG_MAX_KEPT 100000
/* What diag_report returns for a diagnostic it did not keep; the note
 * calls accept it and do nothing. */
#define DIAG_DROPPED ((size_t)-1)

const char *diag_code_name(diag_code c);
/* -1 if unknown. */
int diag_code_lookup(const char *name);
diag_severity diag_code_default(diag_code c);
/* One-line description of a code (SARIF rule text, --help). */
const char *diag_code_summary(diag_code c);
const char *diag_severity_name(diag_severity s);

void diag_list_init(diag_list *dl, const source *src);
void diag_list_free(diag_list *dl);
/* Keep only the first n diagnostics. */
void diag_list_truncate(diag_list *dl, size_t n);
/* Keep the diagnostics keep says yes to, in order. */
void diag_list_filter(diag_list *dl, bool (*keep)(const diag *, void *), void *ctx);

/* Report; returns an index usable with diag_add_note (or DIAG_DROPPED). */
size_t diag_report(diag_list *dl, diag_code code, span at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_add_note(diag_list *dl, size_t d, span at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A note with no location ("did you mean ...?" style help). */
void diag_add_help(diag_list *dl, size_t d, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Stable sort by position, then report order. */
void diag_sort(diag_list *dl);
size_t diag_count(const diag_list *dl, diag_severity s);

/* Levenshtein distance, capped: returns max+1 when larger than max. */
size_t diag_edit_distance(const char *a, size_t alen, const char *b,
			  size_t blen, size_t max);
/*
 * The candidate closest to word, or NULL when none is close enough to be a
 * plausible typo (distance <= max(1, len/3)).
 */
const char *diag_suggest(const char *word, size_t len,
			 const char *const *cands, size_t ncands);

/* Longest source line shown whole under a diagnostic; a longer one is
 * shown as a window of about this many bytes around the location. */
#define DIAG_EXCERPT_MAX 240

/* Text format: PATH:LINE:COL: SEVERITY: MESSAGE [CODE], source line, caret. */
void diag_render_text(buf *out, const diag_list *dl, const diag *d, bool color);

#endif
