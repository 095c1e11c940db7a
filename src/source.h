/*
 * source.h - a loaded input file, normalised, and offset -> line:col.
 *
 * The loader strips a leading BOM, turns CRLF into LF, and replaces every
 * byte that is not acceptable input (invalid UTF-8, NUL, C0 controls other
 * than TAB and LF, a lone CR) by '?' one byte for one byte, after reporting
 * it as bad-encoding.  Every location in briefc is a byte offset into this
 * normalised text, so CRLF and LF inputs give identical diagnostics.
 */
#ifndef BRIEFC_SOURCE_H
#define BRIEFC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct diag_list;

typedef struct span {
	uint32_t start, end;	/* byte offsets, end exclusive */
} span;

/*
 * A stretch of a document's text taken from one of its files: from start
 * to the next piece's start, the text is that file's from local on.  A
 * point piece was written, not copied (the evidence blocks a CSL-JSON
 * item stands for): every offset in it is at local.
 */
typedef struct source_piece {
	uint32_t start;
	uint32_t file;		/* index in files */
	uint32_t local;
	uint32_t point;		/* 0 or 1 */
} source_piece;

typedef struct source {
	char *path;		/* as given on the command line, heap */
	char *text;		/* normalised text, NUL-terminated, heap; with
				 * room for SOURCE_PAD bytes after len */
	size_t len;
	/* The index, made when loaded: */
	uint32_t *lines;	/* start of lines 1, 1 + SOURCE_LINE_STRIDE,
				 * ... (memchr finds those between), heap: a
				 * quarter of a byte a line, not four */
	size_t nlines;		/* lines in all */
	uint32_t *cps;		/* code points before each multiple of
				 * SOURCE_CP_STRIDE bytes, heap: a column is
				 * found in O(stride) on a line of any length */
	/*
	 * A document of several files (contract 12): the text above is
	 * theirs spliced together (assemble.c), and each file is a source of
	 * its own, with its own text and index, which locations are given
	 * in.  files[0] is the main file as read.  nfiles is 0 for a document
	 * of one file: it is its own file.
	 */
	struct source *files;
	size_t nfiles;
	source_piece *pieces;	/* in the order of their start */
	size_t npieces;
} source;

#define SOURCE_CP_STRIDE 512
#define SOURCE_LINE_STRIDE 16

/* Bytes allocated after the text: its NUL, and the end marks the scanner
 * needs when it reads the text in place (parse.c). */
#define SOURCE_PAD 4

/*
 * Largest input accepted: 64 MiB, a hundred times the longest brief, so
 * that the memory and time an untrusted draft can claim stay bounded
 * (offsets are 32-bit; see docs/limits.md).
 */
#define SOURCE_MAX_BYTES ((size_t)64 << 20)

/*
 * Build a source from raw bytes.  Encoding problems are reported into dl
 * (which must already point at this source).  Returns 0, or -1 if the input
 * is larger than SOURCE_MAX_BYTES (nothing is reported then: the caller
 * says so).
 */
int source_init(source *s, const char *path, const char *raw, size_t rawlen,
		struct diag_list *dl);
/*
 * The same, normalising raw (from malloc) in place: the source takes it
 * over, so the input is held once.  raw is freed when -1 is returned.
 */
int source_init_owned(source *s, const char *path, char *raw, size_t rawlen,
		      struct diag_list *dl);
/* Read a file ("-" is stdin).  Returns 0, or -1 with errno set. */
int source_read_file(const char *path, char **data, size_t *len);
/* The same from an open stream, which stays open. */
int source_read_stream(FILE *f, char **data, size_t *len);
void source_free(source *s);

/* Code points in text[from, to), eight bytes at a time. */
uint32_t source_cps(const source *s, uint32_t from, uint32_t to);
/* 1-based line and column (in code points) of a byte offset. */
void source_locate(const source *s, uint32_t off, unsigned *line, unsigned *col);
/* Start and end (exclusive, without the newline) of a 1-based line. */
void source_line(const source *s, unsigned line, uint32_t *start, uint32_t *end);

/*
 * The file a byte offset of s's text comes from (s itself for a document
 * of one file), and the offset in that file's text.
 */
const source *source_file_at(const source *s, uint32_t off, uint32_t *local);
/* The same for a span; *local is clipped to the stretch of the file the
 * span starts in (a point piece gives a span of one byte). */
const source *source_file_span(const source *s, span at, span *local);
/* The index of f among s's files: 0 for the main file. */
unsigned source_file_index(const source *s, const source *f);
/*
 * The other way: the offset in s's text of offset local of its file
 * number file (0 for a document of one file), from the first stretch of
 * that file that holds it (a file included twice is in the text twice);
 * an offset at the end of a stretch counts when no stretch starts there.
 * Returns false when no stretch holds it (a CSL-JSON file, whose text is
 * not in the document's, or a file never spliced in).
 */
bool source_offset_in(const source *s, unsigned file, uint32_t local, uint32_t *off);

/* Building a document of several files (assemble.c). */
/* Make s, loaded from one file, the first of several. */
void source_multi_begin(source *s);
/* Take f over as the next file; returns its index. */
unsigned source_add_file(source *s, source *f);
void source_add_piece(source *s, uint32_t start, unsigned file, uint32_t local,
		      bool point);
/* The spliced text (from malloc, with room for SOURCE_PAD bytes after
 * len), indexed; the text s had is freed or kept as files[0]'s. */
void source_set_text(source *s, char *text, size_t len);

/* A growable array of spans, on the heap. */
typedef struct span_vec {
	span *v;
	size_t n, cap;
} span_vec;

void span_vec_push(span_vec *v, span s);

static inline span span_make(uint32_t start, uint32_t end)
{
	span sp = {start, end};
	return sp;
}

#endif
