/*
 * diag.c - the diagnostic list, code table, suggestions and text rendering.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const struct {
	const char *name;
	diag_severity sev;
	const char *summary;
} codes[DC__COUNT] = {
	[DC_SYNTAX] = {"syntax", DS_ERROR, "The text does not follow the grammar of the Brief language."},
	[DC_BAD_ENCODING] = {"bad-encoding", DS_ERROR, "Invalid UTF-8, a NUL byte or a control character in the input."},
	[DC_DUPLICATE_ID] = {"duplicate-id", DS_ERROR, "An ID is defined twice."},
	[DC_UNDEFINED_REFERENCE] = {"undefined-reference", DS_ERROR, "A reference or ID list names an ID that is not defined."},
	[DC_WRONG_KIND] = {"wrong-kind", DS_ERROR, "An ID names the wrong kind of thing for its place."},
	[DC_MISSING_FIELD] = {"missing-field", DS_ERROR, "A required field or front-matter key is absent."},
	[DC_UNKNOWN_FIELD] = {"unknown-field", DS_ERROR, "A field or front-matter key that the block kind does not have."},
	[DC_BAD_VALUE] = {"bad-value", DS_ERROR, "A malformed date, enumeration value, integer or ID."},
	[DC_BAD_URL] = {"bad-url", DS_ERROR, "A URL that is not an absolute http, https or mailto URL."},
	[DC_UNSAFE_URL] = {"unsafe-url", DS_ERROR, "A javascript:, vbscript:, data: or file: URL, in any spelling."},
	[DC_EMPTY_LINK] = {"empty-link", DS_ERROR, "A link with an empty or '#' target."},
	[DC_UNSUPPORTED_FINDING] = {"unsupported-finding", DS_WARNING, "A finding that cites no evidence."},
	[DC_UNSUPPORTED_RECOMMENDATION] = {"unsupported-recommendation", DS_WARNING, "A recommendation whose every finding is unsupported."},
	[DC_UNADDRESSED_FINDING] = {"unaddressed-finding", DS_WARNING, "A finding that no recommendation addresses."},
	[DC_UNUSED_EVIDENCE] = {"unused-evidence", DS_WARNING, "Evidence that nothing cites."},
	[DC_PLACEHOLDER] = {"placeholder", DS_WARNING, "Placeholder text: TODO, TBD, FIXME, XXX, ___, [citation needed], lorem ipsum."},
	[DC_UNDEFINED_ACRONYM] = {"undefined-acronym", DS_WARNING, "An all-caps word used but not declared as an acronym."},
	[DC_UNUSED_ACRONYM] = {"unused-acronym", DS_WARNING, "An acronym declared but never used."},
	[DC_ACRONYM_MISMATCH] = {"acronym-mismatch", DS_WARNING, "Prose expands an acronym differently from its declaration."},
	[DC_DUPLICATE_PARAGRAPH] = {"duplicate-paragraph", DS_WARNING, "The same paragraph of 12 or more words appears twice."},
	[DC_HEADING_SKIP] = {"heading-skip", DS_WARNING, "A heading level is skipped."},
	[DC_WORD_LIMIT] = {"word-limit", DS_WARNING, "The body has more words than limit-words allows."},
	[DC_MISSING_FILE] = {"missing-file", DS_ERROR, "A file the brief names (a figure, a logo, an include, a library) cannot be read, or is not one the brief may read."},
	[DC_UNDEFINED_FOOTNOTE] = {"undefined-footnote", DS_ERROR, "A note [^label] with no definition."},
	[DC_UNUSED_FOOTNOTE] = {"unused-footnote", DS_WARNING, "A note defined but never used."},
	[DC_TABLE_SHAPE] = {"table-shape", DS_WARNING, "A table row with more or fewer cells than the header."},
	[DC_UNREFERENCED_FLOAT] = {"unreferenced-float", DS_WARNING, "A table or figure that no reference mentions."},
	[DC_WEAK_ALT] = {"weak-alt", DS_WARNING, "Alt text that says nothing: the file name, the caption again, or a bare 'image'."},
	[DC_UNSUPPORTED_MARKUP] = {"unsupported-markup", DS_WARNING, "Markup briefc does not support, which would print as text."},
};

const char *diag_code_name(diag_code c)
{
	return c < DC__COUNT ? codes[c].name : "unknown";
}

int diag_code_lookup(const char *name)
{
	for (int i = 0; i < DC__COUNT; i++)
		if (strcmp(codes[i].name, name) == 0)
			return i;
	return -1;
}

diag_severity diag_code_default(diag_code c)
{
	return c < DC__COUNT ? codes[c].sev : DS_ERROR;
}

const char *diag_code_summary(diag_code c)
{
	return c < DC__COUNT ? codes[c].summary : "";
}

const char *diag_severity_name(diag_severity s)
{
	static const char *const names[] = {[DS_NOTE] = "note", [DS_WARNING] = "warning",
					    [DS_ERROR] = "error"};
	return (unsigned)s <= DS_ERROR ? names[s] : "error";
}

/* The message in a block of its own size (a buf starts at 256 bytes). */
static char *vformat(const char *fmt, va_list ap)
{
	buf b = BUF_INIT;
	buf_vprintf(&b, fmt, ap);
	size_t len = b.len;
	char *p = buf_detach(&b);
	char *q = realloc(p, len + 1);
	return q ? q : p;
}

void diag_list_init(diag_list *dl, const source *src)
{
	dl->src = src;
	dl->items = NULL;
	dl->n = dl->cap = 0;
	dl->dropped = 0;
	dl->kept_error = false;
}

static void free_one(diag *g)
{
	diag_note *n = g->notes;
	while (n) {
		diag_note *next = n->next;
		free(n->msg);
		free(n);
		n = next;
	}
	free(g->msg);
}

void diag_list_filter(diag_list *dl, bool (*keep)(const diag *, void *), void *ctx)
{
	size_t k = 0;
	for (size_t i = 0; i < dl->n; i++) {
		if (keep(&dl->items[i], ctx))
			dl->items[k++] = dl->items[i];
		else
			free_one(&dl->items[i]);
	}
	dl->n = k;
	diag_list_truncate(dl, k);	/* (frees nothing more: what it counts) */
}

void diag_list_truncate(diag_list *dl, size_t keep)
{
	for (size_t i = keep; i < dl->n; i++)
		free_one(&dl->items[i]);
	if (keep < dl->n)
		dl->n = keep;
	dl->kept_error = false;
	for (size_t i = 0; i < dl->n; i++)
		dl->kept_error |= diag_code_default(dl->items[i].code) == DS_ERROR;
}

void diag_list_free(diag_list *dl)
{
	diag_list_truncate(dl, 0);
	free(dl->items);
	dl->items = NULL;
	dl->n = dl->cap = 0;
}

size_t diag_report(diag_list *dl, diag_code code, span at, const char *fmt, ...)
{
	/* Past DIAG_MAX_KEPT only count, but keep one error if none is kept
	 * yet, so that the list fails the file whenever the whole set would. */
	bool error = diag_code_default(code) == DS_ERROR;
	if (dl->n >= DIAG_MAX_KEPT && !(error && !dl->kept_error)) {
		dl->dropped++;
		return DIAG_DROPPED;
	}
	dl->kept_error |= error;
	dl->items = xgrow(dl->items, &dl->cap, dl->n, sizeof *dl->items,
			  "the diagnostics");
	diag *d = &dl->items[dl->n];
	memset(d, 0, sizeof *d);
	d->code = code;
	d->severity = diag_code_default(code);
	d->at = at;
	d->seq = dl->n;
	va_list ap;
	va_start(ap, fmt);
	d->msg = vformat(fmt, ap);
	va_end(ap);
	return dl->n++;
}

static void add_note(diag_list *dl, size_t d, bool has_at, span at, char *msg)
{
	if (d == DIAG_DROPPED) {
		free(msg);
		return;
	}
	diag_note *n = xmalloc(sizeof *n, "a diagnostic's note");
	n->next = NULL;
	n->at = at;
	n->has_at = has_at;
	n->msg = msg;
	diag *dg = &dl->items[d];
	if (dg->notes_tail)
		dg->notes_tail->next = n;
	else
		dg->notes = n;
	dg->notes_tail = n;
}

void diag_add_note(diag_list *dl, size_t d, span at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = vformat(fmt, ap);
	va_end(ap);
	add_note(dl, d, true, at, m);
}

void diag_add_help(diag_list *dl, size_t d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = vformat(fmt, ap);
	va_end(ap);
	add_note(dl, d, false, span_make(0, 0), m);
}

static int cmp_diag(const void *a, const void *b)
{
	const diag *x = a, *y = b;
	if (x->at.start != y->at.start)
		return x->at.start < y->at.start ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diag_sort(diag_list *dl)
{
	if (dl->n > 1)
		qsort(dl->items, dl->n, sizeof *dl->items, cmp_diag);
	/* notes_tail pointers point into heap notes, not into items: still valid */
}

size_t diag_count(const diag_list *dl, diag_severity s)
{
	size_t k = 0;
	for (size_t i = 0; i < dl->n; i++)
		k += dl->items[i].severity == s;
	return k;
}

/*
 * Optimal string alignment distance: insertions, deletions, substitutions
 * and swaps of two neighbours ("titel" -> "title") each cost one.  Rows are
 * cut short once every entry exceeds max.
 */
size_t diag_edit_distance(const char *a, size_t alen, const char *b,
			  size_t blen, size_t max)
{
	if ((alen > blen ? alen - blen : blen - alen) > max)
		return max + 1;
	if (blen > 64 || alen > 64)
		return max + 1;	/* IDs and field names are short; skip long words */
	size_t r0[65], r1[65], r2[65];
	size_t *pp = r0, *prev = r1, *cur = r2;
	for (size_t j = 0; j <= blen; j++)
		prev[j] = j;
	for (size_t i = 1; i <= alen; i++) {
		cur[0] = i;
		size_t best = cur[0];
		for (size_t j = 1; j <= blen; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = prev[j - 1] + cost;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		size_t *t = pp;
		pp = prev;
		prev = cur;
		cur = t;
	}
	return prev[blen] > max ? max + 1 : prev[blen];
}

const char *diag_suggest(const char *word, size_t len,
			 const char *const *cands, size_t ncands)
{
	size_t max = len / 3 > 1 ? len / 3 : 1;
	const char *best = NULL;
	size_t bestd = max + 1;
	for (size_t i = 0; i < ncands; i++) {
		size_t d = diag_edit_distance(word, len, cands[i], strlen(cands[i]), max);
		if (d < bestd || (d == bestd && best && strcmp(cands[i], best) < 0)) {
			bestd = d;
			best = cands[i];
		}
	}
	return bestd <= max ? best : NULL;
}

/* ---- text rendering ---- */

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_YELLOW "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_RESET "\033[0m"

/* Step back (or forward) to the first byte of a UTF-8 sequence. */
static uint32_t char_start(const source *s, uint32_t k, uint32_t lo, bool back)
{
	while (k > lo && k < s->len && ((unsigned char)s->text[k] & 0xC0) == 0x80) {
		if (back)
			k--;
		else
			k++;
	}
	return k;
}

/*
 * The source line and a caret under the span.  A line longer than
 * DIAG_EXCERPT_MAX bytes is shown as a window around the span's start,
 * "..." marking what is cut, so that output stays proportional to the
 * number of diagnostics however long the line (see docs/limits.md).
 */
static void put_excerpt(buf *out, const source *doc, span gat, bool color)
{
	span at;
	const source *s = source_file_span(doc, gat, &at);
	unsigned line, col;
	source_locate(s, at.start, &line, &col);
	uint32_t ls, le;
	source_line(s, line, &ls, &le);
	uint32_t start = at.start < ls ? ls : at.start;
	if (start > le)
		start = le;
	uint32_t ws = ls, we = le;	/* the window shown */
	if (le - ls > DIAG_EXCERPT_MAX) {
		ws = start - ls > DIAG_EXCERPT_MAX / 4 ? start - DIAG_EXCERPT_MAX / 4 : ls;
		ws = char_start(s, ws, ls, false);
		we = le - start > DIAG_EXCERPT_MAX / 2 ? start + DIAG_EXCERPT_MAX / 2 : le;
		we = char_start(s, we, start, true);
	}
	char gutter[32];
	int gw = snprintf(gutter, sizeof gutter, "%u", line);
	buf_printf(out, " %s | %s", gutter, ws > ls ? "..." : "");
	buf_put(out, s->text + ws, we - ws);
	buf_puts(out, we < le ? "...\n" : "\n");
	buf_printf(out, " %*s | %s", gw, "", ws > ls ? "   " : "");
	/* Keep tabs so the caret lines up under them in any terminal. */
	uint32_t k;
	for (k = ws; k < start; k++) {
		unsigned char c = (unsigned char)s->text[k];
		if (c == '\t')
			buf_putc(out, '\t');
		else if ((c & 0xC0) != 0x80)
			buf_putc(out, ' ');
	}
	if (color)
		buf_puts(out, C_GREEN);
	buf_putc(out, '^');
	uint32_t end = at.end < we ? at.end : we;
	bool first = true;
	for (k = start; k < end; k++) {
		unsigned char c = (unsigned char)s->text[k];
		if ((c & 0xC0) == 0x80)
			continue;
		if (first) {
			first = false;
			continue;
		}
		buf_putc(out, '~');
	}
	if (color)
		buf_puts(out, C_RESET);
	buf_putc(out, '\n');
}

static void put_head(buf *out, const source *doc, span at, diag_severity sev,
		     const char *msg, const char *code, bool color)
{
	unsigned line, col;
	uint32_t local;
	const source *s = source_file_at(doc, at.start, &local);
	source_locate(s, local, &line, &col);
	if (color)
		buf_puts(out, C_BOLD);
	buf_printf(out, "%s:%u:%u: ", s->path, line, col);
	if (color)
		buf_puts(out, sev == DS_ERROR ? C_RED : sev == DS_WARNING ? C_YELLOW : C_CYAN);
	buf_printf(out, "%s: ", diag_severity_name(sev));
	if (color)
		buf_puts(out, C_RESET C_BOLD);
	buf_puts(out, msg);
	if (code)
		buf_printf(out, " [%s]", code);
	if (color)
		buf_puts(out, C_RESET);
	buf_putc(out, '\n');
}

void diag_render_text(buf *out, const diag_list *dl, const diag *d, bool color)
{
	const source *s = dl->src;
	put_head(out, s, d->at, d->severity, d->msg, diag_code_name(d->code), color);
	put_excerpt(out, s, d->at, color);
	for (const diag_note *n = d->notes; n; n = n->next) {
		span at = n->has_at ? n->at : d->at;
		put_head(out, s, at, DS_NOTE, n->msg, NULL, color);
		if (n->has_at)
			put_excerpt(out, s, at, color);
	}
}
