/*
 * check_links.c - bad-url, unsafe-url and empty-link, over every link of
 * the prose and every url: field.
 *
 * A URL is judged the way a browser would read it: surrounding spaces and
 * control characters do not count, tabs and newlines inside are dropped,
 * and letter case does not matter.  For the unsafe schemes the check goes
 * further than a browser and also decodes %XX and &#NN; spellings, so that
 * no output format (HTML attribute, LaTeX \href, Markdown) can be tricked
 * into an active link.
 */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "check.h"
#include "check_util.h"
#include "xalloc.h"

static const char *const unsafe_schemes[] = {"javascript", "vbscript", "data",
					     "file"};

static bool is_ctl_or_space(unsigned char c)
{
	return c <= 0x20;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Trim surrounding spaces and controls, drop tabs and newlines: the URL a
 * browser sees.  Writes into out (len + 1 bytes); returns the length. */
static size_t url_normalise(const char *u, size_t len, char *out)
{
	size_t b = 0, e = len, n = 0;

	while (b < e && is_ctl_or_space((unsigned char)u[b]))
		b++;
	while (e > b && is_ctl_or_space((unsigned char)u[e - 1]))
		e--;
	for (size_t i = b; i < e; i++)
		if (u[i] != '\t' && u[i] != '\n' && u[i] != '\r')
			out[n++] = u[i];
	out[n] = '\0';
	return n;
}

/* One round of %XX and character-reference decoding, in place; returns the
 * new length.  Decoded controls and spaces are dropped like raw ones. */
static size_t url_decode(char *s, size_t n, bool *changed)
{
	size_t o = 0, i = 0;

	*changed = false;
	while (i < n) {
		long c = -1;
		size_t used = 1;
		if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 &&
		    hexval(s[i + 2]) >= 0) {
			c = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);
			used = 3;
		} else if (s[i] == '&' && i + 1 < n && s[i + 1] == '#') {
			size_t j = i + 2;
			bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
			long v = 0;
			size_t digits = 0;
			if (hex)
				j++;
			while (j < n && digits < 8 &&
			       (hex ? hexval(s[j]) >= 0
				    : (s[j] >= '0' && s[j] <= '9'))) {
				v = v * (hex ? 16 : 10) + hexval(s[j]);
				j++;
				digits++;
			}
			if (digits) {
				c = v;
				if (j < n && s[j] == ';')
					j++;
				used = j - i;
			}
		} else if (s[i] == '&' && ascii_prefix_ci(s + i, n - i, "&colon;")) {
			c = ':';
			used = 7;
		} else if (s[i] == '&' && ascii_prefix_ci(s + i, n - i, "&tab;")) {
			c = '\t';
			used = 5;
		} else if (s[i] == '&' && ascii_prefix_ci(s + i, n - i, "&newline;")) {
			c = '\n';
			used = 9;
		}
		if (c < 0) {
			s[o++] = s[i++];
			continue;
		}
		*changed = true;
		i += used;
		if (c > 0x20 && c < 0x7F)
			s[o++] = (char)c;
		else if (c >= 0x7F)
			s[o++] = '?';	/* not part of any scheme */
	}
	s[o] = '\0';
	return o;
}

/* The scheme of s (before ':'), or 0 when s is a relative reference. */
static size_t scheme_len(const char *s, size_t n)
{
	size_t i = 0;
	char c0 = ascii_lower(s[0]);

	if (n == 0 || c0 < 'a' || c0 > 'z')
		return 0;
	for (i = 1; i < n; i++) {
		char c = ascii_lower(s[i]);
		if (c == ':')
			return i;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '+' || c == '-' || c == '.'))
			return 0;
	}
	return 0;
}

/* What a byte of a URL may ask for: a space or control character to
 * trim or drop (URL_CTL: is_ctl_or_space), an escape to decode (URL_ESC),
 * a byte a URL must not hold as it is (URL_BAD: the space too). */
enum { URL_CTL = 1, URL_ESC = 2, URL_BAD = 4 };

#define C URL_CTL
static const unsigned char url_table[256] = {
	C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
	C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
	[' '] = URL_CTL | URL_BAD, ['"'] = URL_BAD, ['<'] = URL_BAD,
	['>'] = URL_BAD, ['%'] = URL_ESC, ['&'] = URL_ESC,
};
#undef C

/*
 * The classes of the bytes of u, ORed: with no URL_CTL, u is already the
 * URL a browser sees; with neither URL_CTL nor URL_ESC (nearly every
 * URL) there is nothing to decode either, and u is read in place, with
 * no copy.
 */
static unsigned url_classes(const char *u, size_t len)
{
	unsigned all = 0;

	for (size_t i = 0; i < len; i++)
		all |= url_table[(unsigned char)u[i]];
	return all;
}

bool check_url_scheme(const char *url, size_t len, char *out, size_t outsz)
{
	char *s = NULL;
	const char *t = url;
	size_t n = len;

	if (!len || (url_classes(url, len) & (URL_CTL | URL_ESC))) {
		bool changed = true;
		s = xmalloc(len + 1, "a URL");
		n = url_normalise(url, len, s);
		/* %2561 decodes to %61, then to a: decode until nothing
		 * changes (each round shrinks the text, so this is at most a
		 * few rounds in practice; it is capped anyway). */
		for (int round = 0; round < 4 && changed; round++)
			n = url_decode(s, n, &changed);
		t = s;
	}
	size_t k = scheme_len(t, n);
	if (outsz) {
		size_t m = k < outsz - 1 ? k : outsz - 1;
		for (size_t i = 0; i < m; i++)
			out[i] = ascii_lower(t[i]);
		out[m] = '\0';
	}
	free(s);
	return k > 0;
}

static bool is_unsafe(const char *url, size_t len, char *scheme, size_t sz)
{
	if (!check_url_scheme(url, len, scheme, sz))
		return false;
	for (size_t i = 0; i < sizeof unsafe_schemes / sizeof *unsafe_schemes; i++)
		if (strcmp(scheme, unsafe_schemes[i]) == 0)
			return true;
	return false;
}

/* The URLs to check: every link, and every url-typed field. */
typedef void url_fn(ast_doc *d, const char *url, size_t len, span at,
		    const ast_node *link);

static void each_url(ast_doc *d, url_fn *fn)
{
	for (size_t i = 0; i < d->links.n; i++) {
		const ast_node *l = d->links.v[i];
		span at = l->u.link->url_at;
		if (at.end <= at.start)
			at = l->at;
		fn(d, l->u.link->url.p, l->u.link->url.len, at, l);
	}
	for (size_t i = 0; i < d->nurl_fields; i++) {
		const ast_field *f = d->url_fields[i];
		if (f->value.len)
			fn(d, f->value.p, f->value.len, f->value_at, NULL);
	}
}

/* A link written [text]() or [text](#): nothing to go to. */
static bool link_is_empty(const char *url, size_t len)
{
	size_t b = 0, e = len;
	while (b < e && is_ctl_or_space((unsigned char)url[b]))
		b++;
	while (e > b && is_ctl_or_space((unsigned char)url[e - 1]))
		e--;
	return e == b || (e - b == 1 && url[b] == '#');
}

static void bad_url(ast_doc *d, const char *url, size_t len, span at,
		    const ast_node *link)
{
	char scheme[16];
	char *copy = NULL;
	const char *s = url;
	size_t n = len, k;
	const char *ell = CHECK_CLIPPED(len);

	if ((link && (link_is_empty(url, len) || link->u.link->image)) ||
	    is_unsafe(url, len, scheme, sizeof scheme))
		return;		/* empty-link, unsupported-markup, unsafe-url say it */
	unsigned cls = len ? url_classes(url, len) : URL_CTL;
	if (cls & URL_CTL) {
		copy = xmalloc(len + 1, "a URL");
		n = url_normalise(url, len, copy);
		s = copy;
		cls = url_classes(s, n);
	}
	k = scheme_len(s, n);
	if (k == 0) {
		size_t id = diag_report(&d->diags, DC_BAD_URL, at,
					"'%.*s%s' is not an absolute URL",
					check_clip(url, len), url, ell);
		if (s[0] == '#' && ast_id_valid(s + 1, n - 1) &&
		    ast_idtab_get(&d->ids, s + 1, n - 1))
			diag_add_help(&d->diags, id,
				      "to refer to a part of the brief, write "
				      "[@%s]", check_quote(d, s + 1, n - 1));
		else if (ascii_prefix_ci(s, n, "www."))
			diag_add_help(&d->diags, id, "write 'https://%s'",
				      check_quote(d, s, n));
		else
			diag_add_help(&d->diags, id,
				      "links must start with 'https://', "
				      "'http://' or 'mailto:'");
	} else if (!(k == 4 && ascii_prefix_ci(s, n, "http")) &&
		   !(k == 5 && ascii_prefix_ci(s, n, "https")) &&
		   !(k == 6 && ascii_prefix_ci(s, n, "mailto"))) {
		diag_report(&d->diags, DC_BAD_URL, at,
			    "URL scheme '%.*s:' is not allowed (use http, https "
			    "or mailto)", (int)(k < 40 ? k : 40), s);
	} else if (k != 6 && (n < k + 3 || s[k + 1] != '/' || s[k + 2] != '/' ||
			      n == k + 3 || strchr("/?#", s[k + 3]))) {
		diag_report(&d->diags, DC_BAD_URL, at,
			    "'%.*s%s' has no host name after '%.*s://'",
			    check_clip(url, len), url, ell, (int)k, s);
	} else if (k == 6 && n == k + 1) {
		diag_report(&d->diags, DC_BAD_URL, at,
			    "'mailto:' has no address");
	} else if (cls & URL_BAD) {
		diag_report(&d->diags, DC_BAD_URL, at,
			    "'%.*s%s' contains a space, '<', '>' or '\"'; "
			    "write it percent-encoded (%%20 for a space)",
			    check_clip(url, len), url, ell);
	}
	free(copy);
}

void check_bad_url(ast_doc *d)
{
	each_url(d, bad_url);
}

static void unsafe_url(ast_doc *d, const char *url, size_t len, span at,
		       const ast_node *link)
{
	char scheme[16];
	size_t id;

	(void)link;
	if (!is_unsafe(url, len, scheme, sizeof scheme))
		return;
	id = diag_report(&d->diags, DC_UNSAFE_URL, at,
			 "unsafe URL scheme '%s:'", scheme);
	diag_add_help(&d->diags, id,
		      "links may only use http, https or mailto");
}

void check_unsafe_url(ast_doc *d)
{
	each_url(d, unsafe_url);
}

void check_empty_link(ast_doc *d)
{
	buf text = BUF_INIT;

	for (size_t i = 0; i < d->links.n; i++) {
		const ast_node *l = d->links.v[i];
		const str *u = &l->u.link->url;

		if (l->u.link->image)
			continue;	/* unsupported-markup says it */
		buf_clear(&text);
		ast_plain_text(l, &text);
		if (link_is_empty(u->p, u->len))
			diag_report(&d->diags, DC_EMPTY_LINK, l->at,
				    "link '%.*s%s' %s", check_clip(text.data, text.len),
				    text.len ? text.data : "",
				    CHECK_CLIPPED(text.len),
				    u->len ? "points only to '#'" : "has no URL");
		else if (text.len == 0)
			diag_report(&d->diags, DC_EMPTY_LINK, l->at,
				    "link to '%.*s%s' has no text",
				    check_clip(u->p, u->len), u->p,
				    CHECK_CLIPPED(u->len));
	}
	buf_free(&text);
}
