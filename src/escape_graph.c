/*
 * escape_graph.c - the escapers of the graph languages, DOT and Mermaid
 * (see escape.h): every byte of author text in an evidence map goes
 * through one of them.
 */
#include "escape.h"
#include "utf8.h"

/* A code point shown as a space: C0 and C1 controls, DEL, and the line
 * and paragraph separators (a label is one line; breaks are ours). */
static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 ||
	       cp == 0x2029;
}

/*
 * Copy s to out, calling repl for the ASCII bytes it names (a table) and
 * turning controls into spaces and invalid UTF-8 into U+FFFD.
 */
static void escape_with(buf *out, const char *s, size_t n,
			const char *const repl[128])
{
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && (unsigned char)s[run] >= 0x20 &&
		       (unsigned char)s[run] < 0x7F && !repl[(unsigned char)s[run]])
			run++;
		buf_put(out, s + i, run - i);
		i = run;
		if (i >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && repl[c]) {
			buf_puts(out, repl[c]);
			i++;
			continue;
		}
		size_t len;
		uint32_t cp = utf8_decode(s + i, n - i, &len);
		if (is_control(cp))
			buf_putc(out, ' ');
		else if (cp == 0xFFFD && len == 1)
			buf_puts(out, "\xEF\xBF\xBD");
		else
			buf_put(out, s + i, len);
		i += len;
	}
}

void escape_dot(buf *out, const char *s, size_t n)
{
	static const char *const repl[128] = {
		['"'] = "\\\"", ['\\'] = "\\\\", ['&'] = "&amp;",
		['<'] = "&lt;", ['>'] = "&gt;",
	};
	escape_with(out, s, n, repl);
}

void escape_mermaid(buf *out, const char *s, size_t n)
{
	static const char *const repl[128] = {
		['"'] = "#quot;", ['#'] = "#35;", ['&'] = "#amp;",
		['<'] = "#lt;", ['>'] = "#gt;", ['`'] = "#96;",
	};
	escape_with(out, s, n, repl);
}
