/*
 * fmt.h - the canonical layout of a brief (`briefc fmt`, contract 13).
 *
 * fmt rewrites lines, never prose: it works on the lines as the scanner
 * classifies them (parse_lines) and changes only the ones whose layout it
 * knows, copying every other line as it is, trailing blanks aside.  So a
 * construct it has no rule for keeps its bytes, and a rule for a new one
 * is a case in one switch.  What it does:
 *
 *   - the front matter's keys and each block's fields in the order of
 *     the contract's tables (ast_meta_fields, ast_block_fields), a field
 *     taking its continuation lines and the comment lines above it along;
 *     `key: value` with one space, continuations indented by two;
 *   - lists of IDs as `a, b` (ast_ids_canonical, which the parser also
 *     applies to their values, so the JSON does not change);
 *   - `::: kind id`, `:::`, `---` and `# Title` with single spaces;
 *   - `-` for `*` bullets;
 *   - one blank line around blocks, headings and the front matter, and
 *     between a block's fields and its body; no blank line before a
 *     block's `:::`, none at the start or end, never two in a row;
 *   - no trailing spaces or tabs (except the one space that keeps an
 *     empty list item `- ` an item), LF line ends, no byte-order mark.
 *
 * Nothing changes what the document means: the parser reads fields in
 * the contract's order whatever the order written, and no blank line is
 * added or removed where it would change a paragraph, a list, a quote or
 * a block's fields.  A comment that spans lines is never split from the
 * line it starts on; a field region holding one is not reordered.
 */
#ifndef BRIEFC_FMT_H
#define BRIEFC_FMT_H

#include <stdbool.h>

#include "ast.h"
#include "buf.h"

/* Whether a diagnostic keeps fmt from touching the file: a syntax error
 * (its lines are not known for what they are) or a bad byte (the loaded
 * text holds '?' where the file has something else). */
bool fmt_blocks(const diag *g);

/*
 * Write the canonical layout of d (loaded with ast_doc_load; checks need
 * not have run) into out.  Returns 0, or -1 if a diagnostic of d blocks
 * it (out untouched).
 */
int fmt_document(ast_doc *d, buf *out);

#endif
