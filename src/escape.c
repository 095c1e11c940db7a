/*
 * escape.c - the escapers of the text backends (see escape.h).
 *
 * Each escaper copies the longest run of bytes that need nothing in one
 * call and decides byte by byte only at the characters that matter.
 */
#include "escape.h"

#include "latex_fonts.h"

#include <string.h>

#include "ascii.h"
#include "bytes8.h"
#include "utf8.h"

/* ---- HTML ---- */

/*
 * The sets of bytes the escapers treat specially, as tables: an escaper
 * sees every byte of text, and a strchr per byte was most of its time.
 */
enum {
	SET_MD = 1,		/* escaped everywhere in Markdown: \ ` * _ [ ] < > | ~ $ # */
	SET_MD_URL = 2,		/* in a Markdown link destination: ( ) & < > \ */
	SET_LATEX_URL = 4,	/* in \href's URL: # % & _ */
	SET_URL = 8,		/* percent-encoded in a URL: " < > \ ^ ` { | } */
	SET_HTML_URL = 16,	/* left to quote in an HTML attribute: & ' */
	SET_XML_URL = 32	/* left to quote in an XML attribute: & */
};

static const unsigned char sets[256] = {
	['\\'] = SET_MD | SET_MD_URL | SET_URL, ['`'] = SET_MD | SET_URL,
	['*'] = SET_MD, ['_'] = SET_MD | SET_LATEX_URL, ['['] = SET_MD, [']'] = SET_MD,
	['<'] = SET_MD | SET_MD_URL | SET_URL, ['>'] = SET_MD | SET_MD_URL | SET_URL,
	['|'] = SET_MD | SET_URL, ['~'] = SET_MD, ['$'] = SET_MD,
	['#'] = SET_MD | SET_LATEX_URL, ['('] = SET_MD_URL, [')'] = SET_MD_URL,
	['&'] = SET_MD_URL | SET_LATEX_URL | SET_HTML_URL | SET_XML_URL,
	['%'] = SET_LATEX_URL,
	['"'] = SET_URL, ['^'] = SET_URL, ['{'] = SET_URL, ['}'] = SET_URL,
	['\''] = SET_HTML_URL,
};

static bool in_set(char c, unsigned set)
{
	return (sets[(unsigned char)c] & set) != 0;
}

/* The bytes escape_html replaces (a table: it sees every byte of text). */
static const bool html_special[256] = {
	['&'] = true, ['<'] = true, ['>'] = true, ['"'] = true, ['\''] = true,
};

/* Bytes of x that may be special: & and ' (0x26, 0x27: x|1 is 0x27),
 * " (0x22), < and > (0x3C, 0x3E: x|2 is 0x3E; so is '=' caught, and '?'
 * harmlessly).  Exact for any bytes. */
static inline uint64_t html_maybe8(uint64_t x)
{
	return b8_eq(x | b8_spread(1), '\'') | b8_eq(x, '"') |
	       b8_eq(x | b8_spread(2), '>');
}

void escape_html(buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		/* prose holds few of them: eight bytes at a time to the next
		 * that may be one, then the table decides */
		for (;;) {
			while (run + 8 <= n && !html_maybe8(b8_load(s + run)))
				run += 8;
			size_t stop = n - run > 8 ? run + 8 : n;
			while (run < stop && !html_special[(unsigned char)s[run]])
				run++;
			if (run == n || html_special[(unsigned char)s[run]])
				break;
		}
		buf_put(out, s + i, run - i);
		if (run == n)
			break;
		switch (s[run]) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		default: buf_puts(out, "&#39;"); break;
		}
		i = run + 1;
	}
}

/* ---- XML ---- */

/* The bytes escape_xml copies as they are: printable ASCII but & < > ". */
static inline bool xml_plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"';
}

void escape_xml(buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && xml_plain((unsigned char)s[run]))
			run++;
		buf_put(out, s + i, run - i);
		if (run == n)
			break;
		unsigned char c = (unsigned char)s[run];
		size_t len = 1;
		switch (c) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\t': case '\n': case '\r': buf_putc(out, ' '); break;
		default:
			if (c < 0x80) {		/* a C0 control or DEL */
				buf_puts(out, "\xEF\xBF\xBD");
				break;
			}
			uint32_t cp = utf8_decode(s + run, n - run, &len);
			if (cp == 0xFFFD || cp == 0xFFFE || cp == 0xFFFF || (cp >= 0x80 && cp <= 0x9F))
				buf_puts(out, "\xEF\xBF\xBD");
			else
				buf_put(out, s + run, len);
			break;
		}
		i = run + len;
	}
}

/* ---- Markdown ---- */

/*
 * Does s[i] (a ':') open a GitHub emoji shortcode ":name:"?  pandoc's gfm
 * reader turns those into pictures.  A name running to the end of the text
 * counts: what follows is not known here.
 */
static bool opens_emoji(const char *s, size_t n, size_t i)
{
	size_t j = i + 1;
	while (j < n && (ascii_is_alnum(s[j]) || s[j] == '_' || s[j] == '+' || s[j] == '-'))
		j++;
	return j > i + 1 && (j == n || s[j] == ':');
}

/*
 * Does s[i] (a ':') make a bare URL, "scheme://" or "http:" at the end of
 * the text?  GitHub and pandoc link bare URLs, and the link would swallow
 * the emphasis delimiters that follow it; an escaped ':' is no URL.
 */
static bool opens_url(const char *s, size_t n, size_t i)
{
	if (i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/')
		return true;
	return i + 1 == n && i >= 4 && ascii_prefix_ci(s + i - 4, 4, "http");
}

/* Is s[i] (a '.') the one of a word "www."?  Bare "www." links too. */
static bool after_www(const char *s, size_t i)
{
	return i >= 3 && ascii_prefix_ci(s + i - 3, 3, "www") &&
	       (i == 3 || !ascii_is_alnum(s[i - 4]));
}

/*
 * SET_MD, the characters escaped everywhere: what opens or closes inline
 * syntax (emphasis, code, links, autolinks and raw HTML, strikethrough,
 * math in some readers), and the backslash itself.  '#' is always escaped
 * so that neither a heading nor a heading's closing sequence can form; '|'
 * so that no line can become a table row.
 */

void escape_md(buf *out, const char *s, size_t n, escape_md_state *st)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (st->line == ESCAPE_MD_START && (c == ' ' || c == '\t'))
			continue;
		bool esc = false;
		if (in_set(c, SET_MD))
			esc = true;
		else if (c == '&')
			esc = i + 1 == n || ascii_is_alnum(s[i + 1]) || s[i + 1] == '#';
		else if (c == ':')
			esc = opens_emoji(s, n, i) || opens_url(s, n, i);
		else if (c == '.' && after_www(s, i))
			esc = true;
		else if (st->line == ESCAPE_MD_START)
			esc = c == '-' || c == '+' || c == '=';
		else if (st->line == ESCAPE_MD_DIGITS)
			esc = c == '.' || c == ')';
		if (c >= '0' && c <= '9')
			st->line = st->line == ESCAPE_MD_TEXT ? ESCAPE_MD_TEXT : ESCAPE_MD_DIGITS;
		else
			st->line = ESCAPE_MD_TEXT;
		if (esc)
			buf_putc(out, '\\');
		buf_putc(out, c == '\t' || c == '\n' ? ' ' : c);
	}
}

/* ---- LaTeX ---- */

/*
 * The non-ASCII characters pdflatex sets with the output's preamble (T1
 * and TS1 fonts, utf8 input): those the LaTeX kernel's encoding files
 * declare, less the ones whose declaration needs a font encoding the
 * preamble does not load (Cyrillic).  Generated by compiling every
 * declared character; tests/suites/verify-latex.sh compiles them all.
 */
static const uint32_t latex_ranges[][2] = {
	{0x00A0, 0x0125}, {0x0128, 0x0137}, {0x0139, 0x013E}, {0x0141, 0x0148},
	{0x014A, 0x0165}, {0x0168, 0x017E}, {0x0192, 0x0192}, {0x01C4, 0x01D4},
	{0x01E2, 0x01E3}, {0x01E6, 0x01EB}, {0x01F0, 0x01F0}, {0x01F4, 0x01F5},
	{0x0218, 0x021B}, {0x0232, 0x0233}, {0x0237, 0x0237}, {0x02C6, 0x02C7},
	{0x02D8, 0x02D9}, {0x02DB, 0x02DD}, {0x0E3F, 0x0E3F}, {0x1E02, 0x1E03},
	{0x1E0D, 0x1E0D}, {0x1E1E, 0x1E21}, {0x1E25, 0x1E25}, {0x1E30, 0x1E31},
	{0x1E37, 0x1E37}, {0x1E43, 0x1E43}, {0x1E45, 0x1E45}, {0x1E47, 0x1E47},
	{0x1E5B, 0x1E5B}, {0x1E63, 0x1E63}, {0x1E6D, 0x1E6D}, {0x1E8E, 0x1E91},
	{0x1E9E, 0x1E9E}, {0x1EF2, 0x1EF3}, {0x200C, 0x200C}, {0x2010, 0x2016},
	{0x2018, 0x201A}, {0x201C, 0x201E}, {0x2020, 0x2022}, {0x2026, 0x2026},
	{0x2030, 0x2031}, {0x2039, 0x203B}, {0x203D, 0x203D}, {0x2044, 0x2044},
	{0x204E, 0x204E}, {0x2052, 0x2052}, {0x20A1, 0x20A1}, {0x20A4, 0x20A4},
	{0x20A6, 0x20A6}, {0x20A9, 0x20A9}, {0x20AB, 0x20AC}, {0x20B1, 0x20B1},
	{0x2103, 0x2103}, {0x2116, 0x2117}, {0x211E, 0x211E}, {0x2120, 0x2120},
	{0x2122, 0x2122}, {0x2126, 0x2127}, {0x212E, 0x212E}, {0x2190, 0x2193},
	{0x2329, 0x232A}, {0x2422, 0x2423}, {0x25E6, 0x25E6}, {0x25EF, 0x25EF},
	{0x266A, 0x266A}, {0x27E8, 0x27E9}, {0x3008, 0x3009}, {0xFB00, 0xFB06},
	{0xFEFF, 0xFEFF},
};

/* Characters written as commands: spaces of other widths, the minus. */
static const char *latex_command(uint32_t cp)
{
	switch (cp) {
	case 0x00A0: return "~";
	case 0x00AD: return "\\-";
	case 0x2002: return "\\enskip{}";
	case 0x2003: return "\\quad{}";
	case 0x2009: case 0x200A: case 0x202F: return "\\,";
	case 0x200B: return "\\hspace{0pt}";
	case 0x200C: return "\\textcompwordmark{}";
	case 0xFEFF: return "";
	case 0x2212: return "\\textminus{}";
	default: return NULL;
	}
}

bool escape_latex_can_set(uint32_t cp)
{
	if (latex_command(cp))
		return true;
	if (cp < 0x80)
		return cp >= 0x20 && cp < 0x7F;
	size_t lo = 0, hi = sizeof latex_ranges / sizeof latex_ranges[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < latex_ranges[mid][0])
			hi = mid;
		else if (cp > latex_ranges[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* The ASCII characters that are not themselves in LaTeX text. */
static const char *latex_ascii(char c)
{
	switch (c) {
	case '#': return "\\#";
	case '$': return "\\$";
	case '%': return "\\%";
	case '&': return "\\&";
	case '_': return "\\_";
	case '{': return "\\{";
	case '}': return "\\}";
	case '~': return "\\textasciitilde{}";
	case '^': return "\\textasciicircum{}";
	case '\\': return "\\textbackslash{}";
	case '<': return "\\textless{}";
	case '>': return "\\textgreater{}";
	case '|': return "\\textbar{}";
	case '"': return "\\textquotedbl{}";
	case '`': return "\\textasciigrave{}";
	default: return NULL;
	}
}

bool escape_latex_sets_all(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (i + 8 <= n && b8_ascii(b8_load(s + i))) {
			i += 8;	/* eight ASCII bytes */
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t len;
		uint32_t cp = utf8_decode(s + i, n - i, &len);
		if (!latex_command(cp) && !escape_latex_can_set(cp))
			return false;
		i += len;
	}
	return true;
}

void escape_latex(buf *out, const char *s, size_t n, escape_latex_state *st)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			size_t len;
			uint32_t cp = utf8_decode(s + i, n - i, &len);
			const char *cmd = latex_command(cp);
			latex_route route = st->unicode ? latex_fonts_route(cp) : LR_NONE;
			const char *sw = latex_fonts_switch(route);
			if (cmd) {
				buf_puts(out, cmd);
			} else if (sw) {
				buf_putc(out, '{');
				buf_puts(out, sw);
				buf_putc(out, ' ');
				buf_put(out, s + i, len);
				buf_putc(out, '}');
			} else if (st->unicode ? route != LR_NONE : escape_latex_can_set(cp)) {
				buf_put(out, s + i, len);
			} else {
				if (st->bad)
					st->bad(st->ctx, i, cp);
				buf_putc(out, '?');
			}
			st->prev = 0;
			i += len;
			continue;
		}
		const char *e = latex_ascii((char)c);
		if (e) {
			buf_puts(out, e);
			st->prev = 0;
		} else {
			/* -- '' ,, are ligatures in T1 fonts: keep each character. */
			if ((c == '-' || c == '\'' || c == ',') && st->prev == (char)c)
				buf_put(out, "{}", 2);
			buf_putc(out, c < 0x20 ? ' ' : (char)c);
			st->prev = (char)c;
		}
		i++;
	}
}

void escape_latex_id(buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.') {
			buf_putc(out, (char)c);
		} else {
			char e[3] = {'+', hex[c >> 4], hex[c & 15]};
			buf_put(out, e, 3);
		}
	}
}

/* ---- JSON ---- */

void escape_json(buf *out, const char *str_, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str_;
	size_t i = 0;
	buf_putc_fast(out, '"');
	while (i < n) {
		/* Copy the longest run that needs no escaping in one call. */
		size_t run = i;
		while (run < n && s[run] >= 0x20 && s[run] < 0x7F &&
		       s[run] != '"' && s[run] != '\\')
			run++;
		if (run > i) {
			buf_put(out, (const char *)s + i, run - i);
			i = run;
			continue;
		}
		unsigned c = s[i];
		if (c >= 0x80) {
			size_t len = utf8_valid((const char *)s + i, n - i);
			if (len) {
				buf_put(out, (const char *)s + i, len);
				i += len;
			} else {
				buf_puts(out, "\\ufffd");
				i++;
			}
			continue;
		}
		switch (c) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\t': buf_puts(out, "\\t"); break;
		case '\r': buf_puts(out, "\\r"); break;
		case '\b': buf_puts(out, "\\b"); break;
		case '\f': buf_puts(out, "\\f"); break;
		default: {
			char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			buf_put(out, e, sizeof e);
		}
		}
		i++;
	}
	buf_putc_fast(out, '"');
}

/* ---- URLs ---- */

bool escape_url_live(const char *s, size_t n)
{
	return ascii_prefix_ci(s, n, "http://") || ascii_prefix_ci(s, n, "https://") ||
	       ascii_prefix_ci(s, n, "mailto:");
}

static bool url_escaped(unsigned char c)
{
	return c <= 0x20 || c >= 0x7F || in_set((char)c, SET_URL);
}

/* What each place quotes in a URL once it is percent-encoded (the '%' of
 * the encoding included). */
static const unsigned quoted[] = {
	[ESCAPE_URL_RAW] = 0,
	[ESCAPE_URL_HTML] = SET_HTML_URL,
	[ESCAPE_URL_XML] = SET_XML_URL,
	[ESCAPE_URL_MD] = SET_MD_URL,
	[ESCAPE_URL_LATEX] = SET_LATEX_URL,
};

static void url_quote(buf *out, char c, escape_url_in in)
{
	if (!in_set(c, quoted[in]))
		buf_putc(out, c);
	else if (in == ESCAPE_URL_HTML)
		escape_html(out, &c, 1);
	else if (in == ESCAPE_URL_XML)
		escape_xml(out, &c, 1);
	else {
		char e[2] = {'\\', c};
		buf_put(out, e, 2);
	}
}

void escape_url(buf *out, const char *s, size_t n, escape_url_in in)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned set = quoted[in];
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && !url_escaped((unsigned char)s[run]) && !in_set(s[run], set))
			run++;
		buf_put(out, s + i, run - i);
		if (run == n)
			break;
		unsigned char c = (unsigned char)s[run];
		if (url_escaped(c)) {
			url_quote(out, '%', in);
			buf_putc(out, hex[c >> 4]);
			buf_putc(out, hex[c & 15]);
		} else {
			url_quote(out, (char)c, in);
		}
		i = run + 1;
	}
}
