/*
 * escape.h - the escapers of the text backends, one per output format.
 *
 * Every byte of author text a backend writes goes through the escaper of
 * its format, so no input can become markup: escape_html for HTML text and
 * attribute values, escape_md for Markdown, escape_latex for LaTeX,
 * escape_json for JSON strings.  URLs
 * have their own pair: escape_url makes a URL safe to embed anywhere
 * (percent-encoding what a URI may not contain), and each format then
 * quotes that result for its link syntax.
 */
#ifndef BRIEFC_ESCAPE_H
#define BRIEFC_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* HTML: & < > " ' become character references; valid in text and in
 * double-quoted attribute values. */
void escape_html(buf *out, const char *s, size_t n);

/*
 * XML, for the parts of a Word document: & < > " become character
 * references, valid in text and in double-quoted attribute values.  The
 * result is always well-formed XML 1.0 text and holds no control
 * character: TAB, LF and CR become spaces (a run of text has no line
 * structure), and every other C0 or C1 control, DEL, U+FFFE, U+FFFF and
 * any byte that is not valid UTF-8 become U+FFFD.
 */
void escape_xml(buf *out, const char *s, size_t n);

/*
 * Markdown (CommonMark, and GitHub-flavoured as pandoc and cmark-gfm read
 * it).  What is special depends on the position in the line, so the caller
 * keeps one state per output line: it sets line = ESCAPE_MD_START after
 * writing a line's container prefix ("> ", list indentation).  Leading
 * blanks of a line are dropped (Markdown ignores them in a paragraph).
 */
typedef enum escape_md_line {
	ESCAPE_MD_START,	/* nothing of the line's text written yet */
	ESCAPE_MD_DIGITS,	/* only digits so far: "1." would start a list */
	ESCAPE_MD_TEXT
} escape_md_line;

typedef struct escape_md_state {
	escape_md_line line;
} escape_md_state;

void escape_md(buf *out, const char *s, size_t n, escape_md_state *st);

/*
 * LaTeX text mode, for pdflatex (T1 fonts, utf8 input) and lualatex alike.
 * The ten reserved characters, < > | " ` and the ligatures -- '' ,, become
 * commands or are broken with {}; `prev` carries the last character across
 * calls so that a ligature split between two pieces of text is broken too
 * (the caller sets it to 0 after writing markup).  A character that pdflatex
 * cannot set is written as '?' and passed to bad(ctx, offset, code point).
 */
typedef struct escape_latex_state {
	char prev;
	void (*bad)(void *ctx, size_t off, uint32_t cp);
	void *ctx;
} escape_latex_state;

void escape_latex(buf *out, const char *s, size_t n, escape_latex_state *st);
/*
 * An ID as a LaTeX label or PDF destination name.  The checker only lets
 * [a-z0-9-] through, and briefc's own anchors add '.'; any other byte is
 * written as +HH, so the result is always inert and still one-to-one.
 */
void escape_latex_id(buf *out, const char *s, size_t n);
/* Whether pdflatex with the output's preamble can set code point cp. */
bool escape_latex_can_set(uint32_t cp);
/* Whether escape_latex writes every character of s as itself or a
 * command, so that it never reports one it cannot set. */
bool escape_latex_sets_all(const char *s, size_t n);

/*
 * JSON (the JSON backend, the JSON and SARIF diagnostics): s as a string
 * literal, quotes included.  Quote, backslash and every control character
 * are escaped (\n, \t, ... or \u00XX); valid UTF-8 passes through; a byte
 * that is not part of a valid UTF-8 sequence becomes \ufffd, so the result
 * is always valid JSON.
 */
void escape_json(buf *out, const char *s, size_t n);

/*
 * URLs.  escape_url_live: whether a URL may become a live link (http,
 * https or mailto, any case); nothing else is ever emitted as a link.
 * escape_url percent-encodes the bytes a URI may not contain (controls,
 * space, non-ASCII, " < > \ ^ ` { | }) and quotes what is left as the
 * place it goes needs, in one pass: every link and anchor of every
 * backend is written through it.
 */
typedef enum escape_url_in {
	ESCAPE_URL_RAW,		/* percent-encoded only */
	ESCAPE_URL_HTML,	/* a double-quoted attribute value: & ' */
	ESCAPE_URL_XML,		/* a double-quoted XML attribute value: & */
	ESCAPE_URL_MD,		/* a Markdown link destination: ( ) & */
	ESCAPE_URL_LATEX	/* the first argument of \href: # % & _ */
} escape_url_in;

bool escape_url_live(const char *s, size_t n);
void escape_url(buf *out, const char *s, size_t n, escape_url_in in);

/*
 * Graphviz DOT, inside a double-quoted string that is not an HTML-like
 * label: " and \ are backslash-escaped (so no \n, \N, \l of Graphviz's
 * can come from author text), & < > become entities (Graphviz reads
 * entities in every label and writes them as such into SVG), control
 * characters and line separators become spaces, invalid UTF-8 U+FFFD.
 * The caller writes its own line breaks (\n) between escaped pieces.
 */
void escape_dot(buf *out, const char *s, size_t n);
/*
 * Mermaid, inside a double-quoted node or subgraph label: " # & < > `
 * become entity codes (#quot; #35; ...), which Mermaid decodes for
 * display and never reads as syntax or markup; control characters and
 * line separators become spaces, invalid UTF-8 U+FFFD.
 */
void escape_mermaid(buf *out, const char *s, size_t n);

#endif
