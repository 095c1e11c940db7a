/*
 * assemble.h - the text of a brief built from several files (contract
 * 12): each `::: include PATH` line followed by the text of the file it
 * names, and after the brief's own text the text of each library its
 * front matter's `library:` names.
 *
 * The text stays one, so that every later phase and every span (an offset
 * and an end, 8 bytes) works as it does for one file; the source's pieces
 * (source.h) take each offset back to its file, for every diagnostic and
 * location.  Each file is read once however often it is included (through
 * files.h: the overlay first, every read recorded), normalised on its own
 * (its bad bytes are reported once, in it), and has its comments found in
 * its own text, so that a comment never runs from one file into the next.
 * An include line stays in the text and is read as a comment, so that the
 * included text joins the document exactly as if written there.
 *
 * Limits (docs/limits.md): includes 16 deep; the whole text 64 MiB
 * (SOURCE_MAX_BYTES), past which nothing is included and one error says
 * so.  A cycle is a syntax error naming the chain.
 */
#ifndef BRIEFC_ASSEMBLE_H
#define BRIEFC_ASSEMBLE_H

#include <stdbool.h>

#include "ast.h"
#include "files.h"

#define ASSEMBLE_MAX_DEPTH 16

/*
 * Assemble d, whose source holds its main file as loaded (its bad bytes
 * reported).  expand false: include lines are recognised (and read as
 * comments) but nothing is read, as fmt, which formats one file, wants.
 * fs: where files are read and recorded (NULL: the disk, unrecorded).  A
 * brief with no include line and no library is left as it is.
 */
void assemble_document(ast_doc *d, files *fs, bool expand);

/* The paths the front matter's `library:` names in a brief's own text
 * (t, n bytes), each at its place there (*out from malloc); how many. */
size_t assemble_library_paths(const char *t, size_t n, span **out);
/* Whether a library path (n bytes) names a CSL-JSON file: `.json`. */
bool assemble_is_csl(const char *p, size_t n);

#endif
