/*
 * lsp_text.h - the text of an open document as the editor holds it, and
 * the conversions between its positions and briefc's byte offsets.
 *
 * An editor names a place by line and character, where a line ends at
 * "\n", "\r\n" or "\r" and a character is counted in the units of the
 * negotiated position encoding: UTF-16 code units (the default: a
 * character beyond U+FFFF, an emoji, is two), UTF-8 bytes or UTF-32
 * code points.  briefc names a place by a byte offset into the
 * normalised text (source.h: no BOM, CRLF as LF).  lsp_text converts
 * both ways exactly; lsp_normmap bridges the editor's bytes and the
 * normalised ones.
 */
#ifndef BRIEFC_LSP_TEXT_H
#define BRIEFC_LSP_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum lsp_encoding {
	LSP_UTF16,		/* LSP's default */
	LSP_UTF8,
	LSP_UTF32
} lsp_encoding;

/* The name LSP gives an encoding ("utf-16", ...), and back (-1: none). */
const char *lsp_encoding_name(lsp_encoding e);
int lsp_encoding_lookup(const char *name);

typedef struct lsp_pos {
	uint32_t line, character;
} lsp_pos;

typedef struct lsp_text {
	char *p;		/* NUL-terminated, heap */
	size_t len, cap;
	uint32_t *lines;	/* byte offset of the start of each line */
	size_t nlines, linecap;
} lsp_text;

void lsp_text_init(lsp_text *t);
void lsp_text_free(lsp_text *t);
/* Replace the whole text. */
void lsp_text_set(lsp_text *t, const char *p, size_t n);
/* Replace bytes [from, to) by p[0, n) (from <= to <= len). */
void lsp_text_replace(lsp_text *t, size_t from, size_t to, const char *p,
		      size_t n);

/*
 * The byte offset of a position.  As LSP says, a character past the end
 * of its line means the end of the line (not its line break), and a line
 * past the last means the end of the text; a position inside a
 * character (the second half of a surrogate pair, a byte inside a UTF-8
 * sequence) means the start of that character.
 */
size_t lsp_text_offset(const lsp_text *t, lsp_encoding e, lsp_pos pos);
/* The position of a byte offset (one inside a character or a "\r\n"
 * counts as its start). */
lsp_pos lsp_text_position(const lsp_text *t, lsp_encoding e, size_t off);

/*
 * Offsets converted in increasing order cost the distance between them,
 * not the length of the line each time (a diagnostic list on a long line
 * stays linear): a cursor remembers the last one.
 */
typedef struct lsp_cursor {
	const lsp_text *t;
	lsp_encoding e;
	size_t off, line;
	uint32_t character;
	bool valid;
} lsp_cursor;

void lsp_cursor_init(lsp_cursor *c, const lsp_text *t, lsp_encoding e);
lsp_pos lsp_cursor_position(lsp_cursor *c, size_t off);

/*
 * Between the editor's bytes and the normalised text the loader makes:
 * the loader drops a leading BOM and the CR of each CRLF, and replaces
 * other bytes one for one, so a map needs only those.
 */
typedef struct lsp_normmap {
	size_t bom;		/* 0 or 3 */
	uint32_t *cr;		/* editor offsets of the CRs dropped, ascending */
	size_t ncr;
} lsp_normmap;

void lsp_normmap_make(lsp_normmap *m, const char *p, size_t n);
void lsp_normmap_free(lsp_normmap *m);
/* A normalised offset as an editor offset, and back. */
size_t lsp_normmap_to_raw(const lsp_normmap *m, size_t norm);
size_t lsp_normmap_to_norm(const lsp_normmap *m, size_t raw);

#endif
