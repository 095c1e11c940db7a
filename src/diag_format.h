/*
 * diag_format.h - diagnostics for people, editors and CI services:
 * --diagnostics=text|json|sarif|github, over one or many files.
 *
 *   text    the contract's PATH:LINE:COL: SEVERITY: MESSAGE [CODE] lines,
 *           source line and caret (diag_render_text), then a count line
 *           "N errors, M warnings"; colour only when asked for.
 *   json    one array of {file, line, column, end_line, end_column,
 *           severity, code, message, notes: [{file, line, column,
 *           end_line, end_column, message}]} for all files together.
 *   sarif   one SARIF 2.1.0 log with one run: a rule per code, a result
 *           per diagnostic, notes as related locations.
 *   github  GitHub Actions workflow commands (::error, ::warning), one
 *           line per diagnostic, notes folded into the message.
 *
 * Lines and columns are 1-based, columns in code points; end_column (and
 * SARIF's endColumn) is just past the last character.  docs/ci.md
 * documents every format.
 *
 * --max-errors limits what text and github show (people and annotations;
 * GitHub itself keeps only a few per step); json and sarif always carry
 * every diagnostic, for tools.
 *
 * How main.c drives it, for `briefc check [--diagnostics=F] FILE...`:
 *
 *     diag_format fmt;
 *     diag_format_begin(&fmt, kind, policy.max_errors,
 *                       kind == DF_TEXT && diag_format_want_color(2), &out);
 *     for each FILE:
 *             load it (ast_doc_load), check_run_all(&d),
 *             policy_apply(&policy, &d), diag_sort(&d.diags);
 *             diag_format_file(&fmt, &d.diags, &out);
 *             write out (stderr for text, stdout otherwise), buf_clear;
 *             ast_doc_free(&d);
 *     diag_format_end(&fmt, &out);     (count line, closing brackets)
 *     write out; exit 1 if fmt.errors, else 0.
 *
 * A file that cannot be read is main.c's to report; the run goes on.
 */
#ifndef BRIEFC_DIAG_FORMAT_H
#define BRIEFC_DIAG_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

typedef enum diag_format_kind {
	DF_TEXT,
	DF_JSON,
	DF_SARIF,
	DF_GITHUB
} diag_format_kind;

/* The kind named text, json, sarif or github; -1 if none. */
int diag_format_lookup(const char *name);

typedef struct diag_format {
	diag_format_kind kind;
	size_t max_shown;	/* text, github: 0 for no limit */
	bool color;		/* text */
	/* running totals, over every file so far */
	size_t files, errors, warnings, shown, hidden;
	size_t dropped;		/* past DIAG_MAX_KEPT: counted, not kept */
	size_t results;		/* json, sarif: objects written so far */
} diag_format;

void diag_format_begin(diag_format *f, diag_format_kind kind,
		       size_t max_shown, bool color, buf *out);
/* The diagnostics of one file, already policed and sorted. */
void diag_format_file(diag_format *f, const diag_list *dl, buf *out);
void diag_format_end(diag_format *f, buf *out);

/* Colour for text on file descriptor fd: a terminal, and NO_COLOR unset
 * or empty (no-color.org). */
bool diag_format_want_color(int fd);

/* Escape data and properties of a GitHub workflow command (exposed for
 * the tests). */
void diag_format_github_data(buf *out, const char *s, size_t n);
void diag_format_github_property(buf *out, const char *s, size_t n);

#endif
