/*
 * dot_run.h - drawing a DOT graph with Graphviz's `dot`, for the
 * evidence map of `::: map`: SVG (HTML embeds it as an image), PDF
 * (LaTeX includes it), PNG (DOCX).
 *
 * dot runs as a child process with its arguments as an argv array (no
 * shell), the DOT text on its standard input and the drawing read from
 * its standard output, under a time limit and a size limit, so a graph
 * that makes dot hang or explode costs a bounded wait and bounded memory
 * and ends in a message, never in a hung or killed briefc.
 */
#ifndef BRIEFC_DOT_RUN_H
#define BRIEFC_DOT_RUN_H

#include <stddef.h>

#include "buf.h"

typedef enum dot_output {
	DOT_SVG,
	DOT_PDF,
	DOT_PNG,
	DOT_LAYOUT	/* the layout as JSON (-Tjson0): where each node
			 * and each area's frame and label are */
} dot_output;

typedef struct dot_limits {
	const char *program;	/* NULL: "dot", looked up in PATH */
	int timeout_ms;		/* 0: DOT_RUN_TIMEOUT_MS */
	size_t max_output;	/* 0: DOT_RUN_MAX_OUTPUT */
	const char *arg;	/* NULL, or one more argument for dot, such
				 * as "-Gviewport=W,H,1,X,Y" (a slice) */
} dot_limits;

/* A drawing of a brief's map takes well under a second at the sizes of
 * real briefs (docs/limits.md). */
#define DOT_RUN_TIMEOUT_MS 30000
#define DOT_RUN_MAX_OUTPUT ((size_t)64 << 20)
/* The Debian package that has dot, named in the message when it is
 * missing. */
#define DOT_RUN_PACKAGE "graphviz"

/*
 * Draw the DOT text src[0..n) as fmt, appending the drawing to out.
 * Returns 0, or -1 with a one-line message (no newline) in err: dot is
 * missing (naming DOT_RUN_PACKAGE), failed (its first error line), took
 * too long or wrote too much.  The output is deterministic: the PDF's
 * creation date, the one thing in it that changes from run to run, is
 * set to 1970-01-01.  lim may be NULL.
 */
int dot_run(const char *src, size_t n, dot_output fmt, const dot_limits *lim,
	    buf *out, buf *err);

#endif
