/*
 * diag_format.c - diagnostics as text, JSON, SARIF 2.1.0 and GitHub
 * workflow commands (see diag_format.h for the formats and how main.c
 * calls this).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag_format.h"
#include "escape.h"

#ifndef BRIEFC_VERSION
#define BRIEFC_VERSION "0.0.0"
#endif

/* How to fix each code: SARIF's rule help (docs/checks.md says more). */
static const char *const help_text[DC__COUNT] = {
	[DC_SYNTAX] = "Fix the construct the message names; the note points at "
		"the opener that is not closed, when there is one.",
	[DC_BAD_ENCODING] = "Save the file as UTF-8 and remove NUL bytes and "
		"control characters other than tab.",
	[DC_DUPLICATE_ID] = "Give one of the two definitions another ID; IDs "
		"of blocks, sections and areas share one namespace.",
	[DC_UNDEFINED_REFERENCE] = "Correct the ID (the message suggests the "
		"closest one) or define what it should name.",
	[DC_WRONG_KIND] = "evidence: names evidence blocks, addresses: names "
		"findings, area: names an area of ::: areas; name one of those.",
	[DC_MISSING_FIELD] = "Add the field the message names; the front "
		"matter needs title, authors and date.",
	[DC_UNKNOWN_FIELD] = "Correct the field name (the message suggests the "
		"closest one) or remove the line.",
	[DC_BAD_VALUE] = "Write the value in the form the message gives: dates "
		"as YYYY-MM-DD, levels high/medium/low, IDs of letters, digits, "
		"'_', '-', '.' and ':'.",
	[DC_BAD_URL] = "Write an absolute http, https or mailto URL; refer to "
		"parts of the brief with [@id].",
	[DC_UNSAFE_URL] = "Remove the link: only http, https and mailto URLs "
		"are allowed.",
	[DC_EMPTY_LINK] = "Give the link a target, or cite evidence with "
		"[@id] instead.",
	[DC_UNSUPPORTED_FINDING] = "List the finding's sources in evidence: or "
		"cite them in its text with [@id].",
	[DC_UNSUPPORTED_RECOMMENDATION] = "Support at least one of the findings "
		"the recommendation addresses with evidence.",
	[DC_UNADDRESSED_FINDING] = "Name the finding in the addresses: of a "
		"recommendation, or drop the finding.",
	[DC_UNUSED_EVIDENCE] = "Cite the evidence with [@id] or in a finding's "
		"evidence:, or remove it.",
	[DC_PLACEHOLDER] = "Replace the placeholder with the real text.",
	[DC_UNDEFINED_ACRONYM] = "Declare the acronym in ::: acronyms as "
		"'ABBR: Expansion'.",
	[DC_UNUSED_ACRONYM] = "Remove the declaration, or use the acronym.",
	[DC_ACRONYM_MISMATCH] = "Write the expansion as declared, or correct "
		"the declaration.",
	[DC_DUPLICATE_PARAGRAPH] = "Remove or rewrite one of the two paragraphs.",
	[DC_HEADING_SKIP] = "Use the next heading level down: # then ##, ## "
		"then ###.",
	[DC_WORD_LIMIT] = "Shorten the body, or raise limit-words.",
	[DC_MISSING_FILE] = "Correct the path: relative to the file that names it, "
		"inside the brief's folder tree, a regular file that exists; a "
		"figure or a logo is a PNG or JPEG image.",
	[DC_UNDEFINED_FOOTNOTE] = "Define the note in a paragraph that starts "
		"'[^label]: ', or remove the reference.",
	[DC_UNUSED_FOOTNOTE] = "Refer to the note with [^label] where it "
		"belongs, or remove its definition.",
	[DC_TABLE_SHAPE] = "Give every row as many cells as the header: add "
		"empty cells, or escape a pipe inside a cell as '\\|'.",
	[DC_UNREFERENCED_FLOAT] = "Refer to the table or figure in the text "
		"with [@id], so the reader knows when to look at it.",
	[DC_WEAK_ALT] = "Describe what the image shows, for a reader who "
		"cannot see it: the data, the trend, the point.",
	[DC_UNSUPPORTED_MARKUP] = "Write it the way the message says; briefc "
		"would print this markup as plain text.",
};

int diag_format_lookup(const char *name)
{
	static const char *const names[] = {"text", "json", "sarif", "github"};
	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

bool diag_format_want_color(int fd)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(fd) && (!nc || !*nc);
}

/* ---- positions ---- */

typedef struct region {
	const char *path;	/* the file it is in (contract 12) */
	unsigned line, col, end_line, end_col;
} region;

/* Where a span starts and ends (end just past the last character; a span
 * that takes in a line's newline ends at the end of that line). */
static region region_of(const source *doc, span gat)
{
	region r;
	span at;
	const source *s = source_file_span(doc, gat, &at);
	uint32_t e = at.end < at.start ? at.start : at.end;

	r.path = s->path;
	if (e > s->len)
		e = (uint32_t)s->len;
	if (e > at.start && s->text[e - 1] == '\n')
		e--;
	source_locate(s, at.start, &r.line, &r.col);
	source_locate(s, e, &r.end_line, &r.end_col);
	return r;
}

static void put_uint(buf *out, const char *key, unsigned v)
{
	buf_printf(out, "\"%s\":%u", key, v);
}

static void put_region_json(buf *out, region r)
{
	put_uint(out, "line", r.line);
	buf_putc(out, ',');
	put_uint(out, "column", r.col);
	buf_putc(out, ',');
	put_uint(out, "end_line", r.end_line);
	buf_putc(out, ',');
	put_uint(out, "end_column", r.end_col);
}

static void put_str(buf *out, const char *s)
{
	escape_json(out, s, strlen(s));
}

/* ---- text ---- */

static void text_file(diag_format *f, const diag_list *dl, buf *out)
{
	for (size_t i = 0; i < dl->n; i++) {
		if (f->max_shown && f->shown >= f->max_shown) {
			f->hidden++;
			continue;
		}
		f->shown++;
		diag_render_text(out, dl, &dl->items[i], f->color);
	}
}

static void text_end(diag_format *f, buf *out)
{
	if (f->hidden)
		buf_printf(out, "briefc: %zu more diagnostic%s not shown "
			   "(--max-errors %zu)\n", f->hidden,
			   f->hidden == 1 ? "" : "s", f->max_shown);
	if (f->errors || f->warnings)
		buf_printf(out, "%zu error%s, %zu warning%s\n", f->errors,
			   f->errors == 1 ? "" : "s", f->warnings,
			   f->warnings == 1 ? "" : "s");
}

/* ---- json ---- */

static void json_file(diag_format *f, const diag_list *dl, buf *out)
{
	const source *s = dl->src;

	for (size_t i = 0; i < dl->n; i++) {
		const diag *d = &dl->items[i];
		buf_puts(out, f->results++ ? ",\n" : "\n");
		region r = region_of(s, d->at);
		buf_puts(out, "{\"file\":");
		put_str(out, r.path);
		buf_putc(out, ',');
		put_region_json(out, r);
		buf_puts(out, ",\"severity\":");
		put_str(out, diag_severity_name(d->severity));
		buf_puts(out, ",\"code\":");
		put_str(out, diag_code_name(d->code));
		buf_puts(out, ",\"message\":");
		put_str(out, d->msg);
		buf_puts(out, ",\"notes\":[");
		for (const diag_note *n = d->notes; n; n = n->next) {
			/* a note without a place is shown at the diagnostic's,
			 * as in text */
			region nr = region_of(s, n->has_at ? n->at : d->at);
			buf_puts(out, n == d->notes ? "{\"file\":" : ",{\"file\":");
			put_str(out, nr.path);
			buf_putc(out, ',');
			put_region_json(out, nr);
			buf_puts(out, ",\"message\":");
			put_str(out, n->msg);
			buf_putc(out, '}');
		}
		buf_puts(out, "]}");
	}
}

/* ---- sarif ---- */

/* A path as a URI reference: unreserved bytes and '/' as they are, the
 * rest percent-encoded; absolute paths become file: URIs. */
static void put_uri(buf *out, const char *path)
{
	buf u = BUF_INIT;

	if (path[0] == '/')
		buf_puts(&u, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			buf_putc(&u, (char)*p);
		else
			buf_printf(&u, "%%%02X", *p);
	}
	escape_json(out, u.data, u.len);
	buf_free(&u);
}

/* The "physicalLocation" member of a location object. */
static void sarif_physical(buf *out, const source *s, span at)
{
	region r = region_of(s, at);

	buf_puts(out, "\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
	put_uri(out, r.path);
	buf_printf(out, "},\"region\":{\"startLine\":%u,\"startColumn\":%u,"
		   "\"endLine\":%u,\"endColumn\":%u}}", r.line, r.col,
		   r.end_line, r.end_col);
}

static const char *sarif_level(diag_severity s)
{
	return s == DS_ERROR ? "error" : s == DS_WARNING ? "warning" : "note";
}

static void sarif_begin(buf *out)
{
	buf_puts(out, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
		 "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":"
		 "{\"name\":\"briefc\",\"version\":");
	put_str(out, BRIEFC_VERSION);
	buf_puts(out, ",\"rules\":[");
	for (int c = 0; c < DC__COUNT; c++) {
		buf_puts(out, c ? ",\n{\"id\":" : "\n{\"id\":");
		put_str(out, diag_code_name((diag_code)c));
		buf_puts(out, ",\"shortDescription\":{\"text\":");
		put_str(out, diag_code_summary((diag_code)c));
		buf_puts(out, "},\"help\":{\"text\":");
		put_str(out, help_text[c]);
		buf_puts(out, "},\"defaultConfiguration\":{\"level\":");
		put_str(out, sarif_level(diag_code_default((diag_code)c)));
		buf_puts(out, "}}");
	}
	buf_puts(out, "]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[");
}

static void sarif_file(diag_format *f, const diag_list *dl, buf *out)
{
	const source *s = dl->src;
	buf msg = BUF_INIT;

	for (size_t i = 0; i < dl->n; i++) {
		const diag *d = &dl->items[i];
		size_t id = 0;

		/* notes without a place belong to the message */
		buf_clear(&msg);
		buf_puts(&msg, d->msg);
		for (const diag_note *n = d->notes; n; n = n->next)
			if (!n->has_at)
				buf_printf(&msg, "\n%s", n->msg);

		buf_puts(out, f->results++ ? ",\n{\"ruleId\":" : "\n{\"ruleId\":");
		put_str(out, diag_code_name(d->code));
		buf_printf(out, ",\"ruleIndex\":%d,\"level\":", (int)d->code);
		put_str(out, sarif_level(d->severity));
		buf_puts(out, ",\"message\":{\"text\":");
		escape_json(out, msg.data, msg.len);
		buf_puts(out, "},\"locations\":[{");
		sarif_physical(out, s, d->at);
		buf_puts(out, "}]");
		for (const diag_note *n = d->notes; n; n = n->next) {
			if (!n->has_at)
				continue;
			buf_puts(out, id ? ",{\"id\":" : ",\"relatedLocations\":[{\"id\":");
			buf_printf(out, "%zu,", id++);
			sarif_physical(out, s, n->at);
			buf_puts(out, ",\"message\":{\"text\":");
			put_str(out, n->msg);
			buf_puts(out, "}}");
		}
		buf_puts(out, id ? "]}" : "}");
	}
	buf_free(&msg);
}

/* ---- github ---- */

static void github_escape(buf *out, const char *s, size_t n, bool property)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '%')
			buf_puts(out, "%25");
		else if (c == '\r')
			buf_puts(out, "%0D");
		else if (c == '\n')
			buf_puts(out, "%0A");
		else if (property && c == ':')
			buf_puts(out, "%3A");
		else if (property && c == ',')
			buf_puts(out, "%2C");
		else
			buf_putc(out, c);
	}
}

void diag_format_github_data(buf *out, const char *s, size_t n)
{
	github_escape(out, s, n, false);
}

void diag_format_github_property(buf *out, const char *s, size_t n)
{
	github_escape(out, s, n, true);
}

static void github_file(diag_format *f, const diag_list *dl, buf *out)
{
	const source *s = dl->src;
	buf msg = BUF_INIT;

	for (size_t i = 0; i < dl->n; i++) {
		const diag *d = &dl->items[i];
		if (f->max_shown && f->shown >= f->max_shown) {
			f->hidden++;
			continue;
		}
		f->shown++;
		region r = region_of(s, d->at);
		buf_printf(out, "::%s file=", d->severity == DS_ERROR ? "error"
					      : d->severity == DS_WARNING ? "warning"
									  : "notice");
		diag_format_github_property(out, r.path, strlen(r.path));
		buf_printf(out, ",line=%u", r.line);
		/* GitHub takes columns only for an annotation on one line */
		if (r.end_line == r.line)
			buf_printf(out, ",col=%u,endColumn=%u", r.col,
				   r.end_col > r.col ? r.end_col - 1 : r.col);
		else
			buf_printf(out, ",endLine=%u", r.end_line);
		buf_puts(out, ",title=");
		const char *code = diag_code_name(d->code);
		diag_format_github_property(out, code, strlen(code));
		buf_puts(out, "::");

		buf_clear(&msg);
		buf_puts(&msg, d->msg);
		for (const diag_note *n = d->notes; n; n = n->next) {
			if (n->has_at) {
				region nr = region_of(s, n->at);
				buf_printf(&msg, "\n%s:%u:%u: note: %s", nr.path,
					   nr.line, nr.col, n->msg);
			} else {
				buf_printf(&msg, "\nnote: %s", n->msg);
			}
		}
		diag_format_github_data(out, msg.data, msg.len);
		buf_putc(out, '\n');
	}
	buf_free(&msg);
}

/* ---- driver ---- */

void diag_format_begin(diag_format *f, diag_format_kind kind,
		       size_t max_shown, bool color, buf *out)
{
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->max_shown = max_shown;
	f->color = color && kind == DF_TEXT;
	if (kind == DF_JSON)
		buf_putc(out, '[');
	else if (kind == DF_SARIF)
		sarif_begin(out);
}

void diag_format_file(diag_format *f, const diag_list *dl, buf *out)
{
	f->files++;
	f->errors += diag_count(dl, DS_ERROR);
	f->warnings += diag_count(dl, DS_WARNING);
	f->dropped += dl->dropped;
	switch (f->kind) {
	case DF_TEXT:
		text_file(f, dl, out);
		break;
	case DF_JSON:
		json_file(f, dl, out);
		break;
	case DF_SARIF:
		sarif_file(f, dl, out);
		break;
	case DF_GITHUB:
		github_file(f, dl, out);
		break;
	}
}

void diag_format_end(diag_format *f, buf *out)
{
	switch (f->kind) {
	case DF_TEXT:
		text_end(f, out);
		break;
	case DF_JSON:
		buf_puts(out, f->results ? "\n]\n" : "]\n");
		break;
	case DF_SARIF:
		buf_puts(out, f->results ? "\n]}]}\n" : "]}]}\n");
		break;
	case DF_GITHUB:
		if (f->hidden)
			buf_printf(out, "::notice title=briefc::%zu more "
				   "diagnostic%s not shown (--max-errors %zu)\n",
				   f->hidden, f->hidden == 1 ? "" : "s",
				   f->max_shown);
		break;
	}
}
