/*
 * library.h - what of its libraries a brief uses (contract 12).
 *
 * A library is shared by many briefs; each uses a few of its entries.
 * Only those appear in a brief's output, and an entry the brief does not
 * use is none of its business: no warning (unused-evidence,
 * unused-acronym) and no error of the entry's own (a bad date, an unsafe
 * URL in an entry never rendered) is reported for it.  What is wrong with
 * a library as a whole is reported all the same: syntax, bad bytes, an ID
 * it defines twice.
 *
 * An entry is used when: evidence, it is cited (resolve.c numbers only
 * those); an acronym, the text uses it (the checks count uses); an area,
 * a recommendation, a `::: recommendations` filter or a reference names
 * it.
 */
#ifndef BRIEFC_LIBRARY_H
#define BRIEFC_LIBRARY_H

#include "ast.h"

/* After the checks: drop the diagnostics of the library entries d does
 * not use, and the entries from d's lists of evidence, acronyms and
 * areas (which the backends render). */
void library_settle(ast_doc *d);

#endif
