/*
 * csl.c - CSL-JSON items as Brief evidence blocks (csl.h).
 */
#include "csl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "xalloc.h"

static void problem(csl_result *r, csl_fault f, size_t json, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void problem(csl_result *r, csl_fault f, size_t json, const char *fmt, ...)
{
	r->problems = xgrow(r->problems, &r->capproblems, r->nproblems,
			    sizeof *r->problems, "the problems of a CSL-JSON file");
	buf m = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&m, fmt, ap);
	va_end(ap);
	r->problems[r->nproblems].fault = f;
	r->problems[r->nproblems].json = (uint32_t)json;
	r->problems[r->nproblems++].msg = buf_detach(&m);
}

/* CSL's rich text in titles (citeproc-js): tags that are not Brief. */
static size_t rich_tag(const char *p, const char *e)
{
	static const char *const tags[] = {
		"<i>", "</i>", "<b>", "</b>", "<sup>", "</sup>", "<sub>", "</sub>",
		"<sc>", "</sc>", "</span>", "<span class=\"nocase\">",
		"<span style=\"font-variant:small-caps;\">",
	};
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
		size_t n = strlen(tags[i]);
		if ((size_t)(e - p) >= n && memcmp(p, tags[i], n) == 0)
			return n;
	}
	return 0;
}

/*
 * A value on one line: control characters (line breaks included) become
 * spaces, runs of spaces one, the ends trimmed.  inline: the value is
 * inline text (a title), so the characters that would start markup are
 * escaped and CSL's rich-text tags dropped.  names: ';' separates names,
 * so one inside a name becomes ','.
 */
static void put_value(buf *out, const char *s, bool inline_text, bool names)
{
	const char *e = s + strlen(s);
	bool space = false, any = false;
	for (const char *p = s; p < e; p++) {
		unsigned char c = (unsigned char)*p;
		size_t tag;
		if (inline_text && c == '<' && (tag = rich_tag(p, e))) {
			p += tag - 1;
			continue;
		}
		if (c < 0x20 || c == 0x7F || c == ' ') {
			space = true;
			continue;
		}
		if (space && any)
			buf_putc(out, ' ');
		space = false;
		any = true;
		if (names && c == ';')
			c = ',';
		if (inline_text && (c == '\\' || c == '*' || c == '`' || c == '[' ||
				    (c == '<' && e - p >= 4 && memcmp(p, "<!--", 4) == 0)))
			buf_putc(out, '\\');
		buf_putc(out, (char)c);
	}
}

static const char *str_of(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s && *s ? s : NULL;
}

static void field(buf *out, const char *name, const char *v, bool inline_text)
{
	size_t at = out->len;
	buf_printf(out, "%s: ", name);
	size_t before = out->len;
	put_value(out, v, inline_text, false);
	if (out->len == before) {	/* nothing but blanks */
		out->len = at;
		out->data[at] = '\0';
		return;
	}
	buf_putc(out, '\n');
}

/* A CSL date: date-parts [[Y, M, D]] as YYYY[-MM[-DD]], else raw or
 * literal as written.  NULL if there is none. */
static const char *date_of(json_t *d, char *tmp, size_t room)
{
	if (!json_is_object(d))
		return NULL;
	json_t *parts = json_array_get(json_object_get(d, "date-parts"), 0);
	if (json_is_array(parts) && json_array_size(parts) > 0) {
		long v[3] = {0, 0, 0};
		size_t n = json_array_size(parts) > 3 ? 3 : json_array_size(parts);
		for (size_t i = 0; i < n; i++) {
			json_t *x = json_array_get(parts, i);
			if (json_is_integer(x))
				v[i] = (long)json_integer_value(x);
			else if (json_is_string(x))
				v[i] = strtol(json_string_value(x), NULL, 10);
		}
		if (n == 1)
			snprintf(tmp, room, "%04ld", v[0]);
		else if (n == 2)
			snprintf(tmp, room, "%04ld-%02ld", v[0], v[1]);
		else
			snprintf(tmp, room, "%04ld-%02ld-%02ld", v[0], v[1], v[2]);
		return tmp;
	}
	const char *s = str_of(d, "raw");
	return s ? s : str_of(d, "literal");
}

static const char *type_of(const char *t)
{
	static const char *const map[][2] = {
		{"report", "report"}, {"legislation", "law"}, {"bill", "law"},
		{"regulation", "law"}, {"legal_case", "law"}, {"treaty", "treaty"},
		{"speech", "statement"}, {"interview", "statement"},
		{"personal_communication", "statement"}, {"dataset", "dataset"},
		{"paper-conference", "article"}, {"chapter", "article"},
		{"review", "article"}, {"review-book", "article"},
	};
	if (!t)
		return NULL;
	if (strncmp(t, "article", 7) == 0)
		return "article";
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(t, map[i][0]) == 0)
			return map[i][1];
	return "other";
}

static void authors_of(buf *out, json_t *list)
{
	size_t i;
	json_t *a;
	size_t at = out->len;
	buf_puts(out, "authors: ");
	size_t start = out->len;
	json_array_foreach(list, i, a) {
		const char *lit = str_of(a, "literal");
		const char *given = str_of(a, "given"), *family = str_of(a, "family");
		if (!lit && !given && !family)
			continue;
		if (out->len > start)
			buf_puts(out, "; ");
		size_t before = out->len;
		if (lit) {
			put_value(out, lit, false, true);
		} else {
			if (given)
				put_value(out, given, false, true);
			if (given && family && out->len > before)
				buf_putc(out, ' ');
			if (family)
				put_value(out, family, false, true);
		}
	}
	if (out->len == start) {
		out->len = at;
		out->data[at] = '\0';
	} else {
		buf_putc(out, '\n');
	}
}

static size_t skip_ws(const char *p, size_t i, size_t n)
{
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
		i++;
	return i;
}

/*
 * Where each element of the top-level array starts: the JSON is valid
 * (jansson read it), so depth and strings are all there is to follow.
 * At most max; their number.
 */
static size_t element_starts(const char *j, size_t n, uint32_t *at, size_t max)
{
	size_t k = 0;
	int depth = 0;
	bool want = false;
	for (size_t i = 0; i < n && k < max; i++) {
		char c = j[i];
		if (c == '"') {
			if (want && depth == 1)
				at[k++] = (uint32_t)i, want = false;
			for (i++; i < n && j[i] != '"'; i++)
				if (j[i] == '\\')
					i++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (want && depth == 1)
			at[k++] = (uint32_t)i, want = false;
		if (c == '[' || c == '{') {
			if (++depth == 1)
				want = true;
		} else if (c == ']' || c == '}') {
			depth--;
		} else if (c == ',' && depth == 1) {
			want = true;
		}
	}
	return k;
}

/*
 * Where the value enc of an "id" key is in json[from, n): the first
 * "id" followed by a colon and enc; from if there is none (written with
 * other escapes, say).
 */
static size_t find_id(const char *json, size_t n, size_t from, const char *enc)
{
	size_t k = strlen(enc);
	for (size_t i = from; i + 4 <= n; i++) {
		const char *p = memchr(json + i, '"', n - i);
		if (!p)
			break;
		i = (size_t)(p - json);
		if (i + 4 > n || memcmp(p, "\"id\"", 4) != 0)
			continue;
		size_t j = skip_ws(json, i + 4, n);
		if (j >= n || json[j] != ':')
			continue;
		j = skip_ws(json, j + 1, n);
		if (j + k <= n && memcmp(json + j, enc, k) == 0)
			return j;
	}
	return from;
}

/* Whether an ID can stand on an opener line as one word. */
static bool one_word(const char *id)
{
	if (!*id)
		return false;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		if (*p <= ' ' || *p == 0x7F)
			return false;
	return true;
}

/* Item k, which starts at json[*pos] (and ends before len). */
static void item(csl_result *r, json_t *it, size_t k, const char *json, size_t len,
		 size_t *pos)
{
	char num[32];
	const char *id;
	json_t *jid = json_object_get(it, "id");
	if (json_is_integer(jid)) {
		snprintf(num, sizeof num, "%lld", (long long)json_integer_value(jid));
		id = num;
	} else {
		id = json_string_value(jid);
	}
	/* Locate the item by its id, written as JSON writes it. */
	if (id) {
		char *enc = json_dumps(jid, JSON_ENCODE_ANY);
		if (enc) {
			*pos = find_id(json, len, *pos, enc);
			free(enc);
		}
	}
	if (!id || !*id) {
		problem(r, CSL_NO_ID, *pos, "CSL-JSON item %zu has no id: it is left out", k + 1);
		return;
	}
	if (!one_word(id)) {
		problem(r, CSL_BAD_ITEM, *pos, "CSL-JSON id '%.60s' is not an ID (it holds spaces or "
			"control characters): the item is left out", id);
		return;
	}
	r->at = xgrow(r->at, &r->capat, r->nat, sizeof *r->at, "the items of a CSL-JSON file");
	r->at[r->nat].brief = (uint32_t)r->brief.len;
	r->at[r->nat++].json = (uint32_t)*pos;

	buf *o = &r->brief;
	buf_printf(o, "::: evidence %s\n", id);
	const char *t = str_of(it, "title");
	if (t)
		field(o, "title", t, true);
	const char *url = str_of(it, "URL");
	const char *doi = str_of(it, "DOI");
	if (url) {
		field(o, "url", url, false);
	} else if (doi) {
		buf_puts(o, "url: https://doi.org/");
		put_value(o, doi, false, false);
		buf_putc(o, '\n');
	}
	const char *pub = str_of(it, "publisher");
	if (!pub)
		pub = str_of(it, "container-title");
	if (pub)
		field(o, "publisher", pub, false);
	json_t *au = json_object_get(it, "author");
	if (json_is_array(au))
		authors_of(o, au);
	char tmp[64];
	const char *d = date_of(json_object_get(it, "issued"), tmp, sizeof tmp);
	if (d)
		field(o, "date", d, false);
	d = date_of(json_object_get(it, "accessed"), tmp, sizeof tmp);
	if (d)
		field(o, "accessed", d, false);
	const char *ty = type_of(str_of(it, "type"));
	if (ty)
		field(o, "type", ty, false);
	buf_puts(o, ":::\n\n");
}

void csl_read(const char *json, size_t len, csl_result *r)
{
	memset(r, 0, sizeof *r);
	json_error_t err;
	json_t *root = json_loadb(json, len, 0, &err);
	if (!root) {
		r->failed = true;
		problem(r, CSL_NOT_CSL, err.position > 0 ? (size_t)err.position - 1 : 0,
			"not CSL-JSON: %s", err.text);
		return;
	}
	if (!json_is_array(root)) {
		r->failed = true;
		problem(r, CSL_NOT_CSL, 0, "not CSL-JSON: an array of items was expected");
		json_decref(root);
		return;
	}
	size_t k, n = json_array_size(root);
	uint32_t *starts = xcalloc(n + 1, sizeof *starts, "the items of a CSL-JSON file");
	size_t found = element_starts(json, len, starts, n);
	json_t *it;
	json_array_foreach(root, k, it) {
		size_t pos = k < found ? starts[k] : 0;
		size_t end = k + 1 < found ? starts[k + 1] : len;
		if (!json_is_object(it)) {
			problem(r, CSL_BAD_ITEM, pos, "CSL-JSON item %zu is not an object: it is left out", k + 1);
			continue;
		}
		item(r, it, k, json, end, &pos);
	}
	free(starts);
	json_decref(root);
}

void csl_result_free(csl_result *r)
{
	buf_free(&r->brief);
	free(r->at);
	for (size_t i = 0; i < r->nproblems; i++)
		free(r->problems[i].msg);
	free(r->problems);
	memset(r, 0, sizeof *r);
}
