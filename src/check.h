/*
 * check.h - the consistency checks of a resolved document.
 *
 * Every check is a separate function over the tree that ast_doc_load()
 * built and resolved; it only reads the tree and reports into d->diags
 * with the default severity of its code (policy.c adjusts severities
 * later).  check_run_all() runs them all in the order of the contract's
 * table, so a document's diagnostics are reproducible.  Parse errors
 * (`syntax`, `bad-encoding`) come from the loader, not from here.
 *
 * docs/checks.md describes what each code catches and how to fix it.
 */
#ifndef BRIEFC_CHECK_H
#define BRIEFC_CHECK_H

#include "ast.h"

void check_run_all(ast_doc *d);

/* Structure: IDs, fields, values (check.c). */
void check_duplicate_id(ast_doc *d);
void check_undefined_reference(ast_doc *d);
void check_wrong_kind(ast_doc *d);
void check_missing_field(ast_doc *d);
void check_unknown_field(ast_doc *d);
void check_bad_value(ast_doc *d);

/* Links and URLs (check_links.c). */
void check_bad_url(ast_doc *d);
void check_unsafe_url(ast_doc *d);
void check_empty_link(ast_doc *d);

/* The chain recommendation -> finding -> evidence (check_support.c). */
void check_unsupported_finding(ast_doc *d);
void check_unsupported_recommendation(ast_doc *d);
void check_unaddressed_finding(ast_doc *d);
void check_unused_evidence(ast_doc *d);

/* Prose (check_prose.c). */
void check_placeholder(ast_doc *d);
void check_duplicate_paragraph(ast_doc *d);
void check_heading_skip(ast_doc *d);
void check_word_limit(ast_doc *d);
/*
 * The prose checks above and the acronym checks below in one walk over
 * the prose: the same diagnostics, in the same order, as calling them one
 * after another (placeholder to word-limit).
 */
void check_prose_all(ast_doc *d);

/* Images (check_files.c). */
void check_missing_file(ast_doc *d);

/* Notes (check_notes.c); check_empty_notes reports bad-value. */
void check_undefined_footnote(ast_doc *d);
void check_unused_footnote(ast_doc *d);
void check_empty_notes(ast_doc *d);

/* Tables and figures (check_floats.c). */
void check_table_shape(ast_doc *d);
void check_unreferenced_float(ast_doc *d);
void check_weak_alt(ast_doc *d);

/* Acronyms (check_acronyms.c). */
void check_undefined_acronym(ast_doc *d);
void check_unused_acronym(ast_doc *d);
void check_acronym_mismatch(ast_doc *d);

/*
 * The scheme of a URL after the normalisation browsers apply (leading and
 * trailing spaces and C0 controls stripped, tabs and newlines removed,
 * percent and numeric character references decoded, lower-cased), written
 * into out (at most outsz - 1 bytes).  Returns false if the URL has no
 * scheme (a relative reference).
 */
bool check_url_scheme(const char *url, size_t len, char *out, size_t outsz);

/* The words of the body that check_word_limit() counts (docs/checks.md). */
size_t check_count_words(ast_doc *d);

#endif
