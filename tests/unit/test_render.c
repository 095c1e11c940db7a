/*
 * test_render.c - the text backends: each escaper on every character that
 * matters to its format, and the renderer walk's decisions (numbers,
 * references, acronyms, generated blocks) on small documents, the same in
 * every format.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "acronym.h"
#include "buf.h"
#include "escape.h"
#include "check.h"
#include "render.h"
#include "render_json.h"
#include "utf8.h"

/* ---- helpers ---- */

static char *html_of(const char *s, size_t n)
{
	buf b = BUF_INIT;
	escape_html(&b, s, n);
	return buf_detach(&b);
}

static char *md_of(const char *s)
{
	buf b = BUF_INIT;
	escape_md_state st = {ESCAPE_MD_START};
	escape_md(&b, s, strlen(s), &st);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

typedef struct bad_log {
	size_t n;
	size_t off[8];
	uint32_t cp[8];
} bad_log;

static void log_bad(void *ctx, size_t off, uint32_t cp)
{
	bad_log *l = ctx;
	if (l->n < 8) {
		l->off[l->n] = off;
		l->cp[l->n] = cp;
	}
	l->n++;
}

static char *latex_of(const char *s, bad_log *l)
{
	buf b = BUF_INIT;
	escape_latex_state st = {0, log_bad, l, false};
	escape_latex(&b, s, strlen(s), &st);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

static char *url_of(const char *s)
{
	buf b = BUF_INIT;
	escape_url(&b, s, strlen(s), ESCAPE_URL_RAW);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

typedef int (*backend)(const ast_doc *, const render_options *, buf *);

/* Render text (a whole .brief) with a backend; the result is the
 * caller's. */
static char *render_str(backend be, const char *text, bool fragment)
{
	ast_doc d;
	unit_load(&d, text);
	render_options o = {.fragment = fragment};
	buf out = BUF_INIT;
	assert_int_equal(be(&d, &o, &out), 0);
	ast_doc_free(&d);
	buf_putc(&out, '\0');
	return buf_detach(&out);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

#define FRONT "---\ntitle: T\nauthors: A\ndate: 2024-01-02\n---\n\n"

/* ---- escapers ---- */

static void test_html_escape(void **state)
{
	(void)state;
	char *s = html_of("a<b>&\"'c", 9);
	assert_string_equal(s, "a&lt;b&gt;&amp;&quot;&#39;c");
	free(s);
	/* a NUL byte is data, never a terminator or a quote */
	s = html_of("x\0y", 3);
	assert_int_equal(s[1], '\0');
	assert_string_equal(s + 2, "y");
	free(s);
}

static void test_md_escape_inline(void **state)
{
	(void)state;
	char *s = md_of("a*b_c`d[e]f<g>h|i~j$k#l\\m");
	assert_string_equal(s, "a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\~j\\$k\\#l\\\\m");
	free(s);
	/* entities only where one could start; emoji codes only when closed */
	s = md_of("AT&T &amp; a & b :smile: 10:30 a:b c");
	assert_string_equal(s, "AT\\&T \\&amp; a & b \\:smile: 10:30 a:b c");
	free(s);
	/* bare URLs would become links that swallow what follows */
	s = md_of("see https://x.org, ftp://y and www.z.org, not awww.q or Note: it");
	assert_string_equal(s, "see https\\://x.org, ftp\\://y and www\\.z.org, not awww.q or "
			    "Note: it");
	free(s);
}

static void test_md_escape_line_start(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"- x", "\\- x"}, {"+ x", "\\+ x"}, {"= x", "\\= x"}, {"1. x", "1\\. x"},
		{"12) x", "12\\) x"}, {"  - x", "\\- x"}, {"2024 x. y", "2024 x. y"},
		{"a - b. 1. c", "a - b. 1. c"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = md_of(cases[i][0]);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
	/* the state carries across pieces of one line */
	buf b = BUF_INIT;
	escape_md_state st = {ESCAPE_MD_START};
	escape_md(&b, "19", 2, &st);
	escape_md(&b, ". x", 3, &st);
	assert_string_equal(b.data, "19\\. x");
	buf_free(&b);
}

static void test_latex_escape(void **state)
{
	(void)state;
	bad_log l = {0};
	char *s = latex_of("# $ % & ~ _ ^ \\ { }", &l);
	assert_string_equal(s, "\\# \\$ \\% \\& \\textasciitilde{} \\_ \\textasciicircum{} "
			    "\\textbackslash{} \\{ \\}");
	free(s);
	s = latex_of("< > | \" ` ^^41", &l);
	assert_string_equal(s, "\\textless{} \\textgreater{} \\textbar{} \\textquotedbl{} "
			    "\\textasciigrave{} \\textasciicircum{}\\textasciicircum{}41");
	free(s);
	/* ligatures are broken, also across two pieces of text */
	s = latex_of("a--b---c ''d'' ,,e", &l);
	assert_string_equal(s, "a-{}-b-{}-{}-c '{}'d'{}' ,{},e");
	free(s);
	buf b = BUF_INIT;
	escape_latex_state st = {0, log_bad, &l, false};
	escape_latex(&b, "x-", 2, &st);
	escape_latex(&b, "-y", 2, &st);
	assert_string_equal(b.data, "x-{}-y");
	buf_free(&b);
	assert_int_equal(l.n, 0);
}

static void test_latex_unicode(void **state)
{
	(void)state;
	bad_log l = {0};
	/* Latin, typographic punctuation, euro: as they are */
	char *s = latex_of("\xC3\xA9\xE2\x80\x94\xE2\x82\xAC", &l);
	assert_string_equal(s, "\xC3\xA9\xE2\x80\x94\xE2\x82\xAC");
	free(s);
	s = latex_of("a\xC2\xA0" "b\xE2\x80\x89" "c", &l);
	assert_string_equal(s, "a~b\\,c");
	free(s);
	assert_int_equal(l.n, 0);
	/* Cyrillic and Hangul: reported with their offsets, replaced */
	s = latex_of("x\xD0\x96y\xED\x95\x9C", &l);
	assert_string_equal(s, "x?y?");
	assert_int_equal(l.n, 2);
	assert_int_equal(l.off[0], 1);
	assert_int_equal(l.cp[0], 0x416);
	assert_int_equal(l.off[1], 4);
	assert_int_equal(l.cp[1], 0xD55C);
	free(s);
	assert_false(escape_latex_can_set(0x1F600));
	assert_false(escape_latex_can_set(0x07));
	assert_true(escape_latex_can_set('a'));
}

/* charset.brief holds exactly the characters the table accepts: the
 * verify-latex suite compiles it, so the table is what TeX can set. */
static void test_latex_charset_file(void **state)
{
	(void)state;
	char *raw;
	size_t len;
	assert_int_equal(source_read_file("tests/backends/charset.brief", &raw, &len), 0);
	const char *body = strstr(raw, "# Characters\n");
	assert_non_null(body);
	bool *seen = calloc(0x30000, 1);
	assert_non_null(seen);
	for (size_t i = (size_t)(body - raw), k; i < len; i += k) {
		uint32_t cp = utf8_decode(raw + i, len - i, &k);
		if (cp < 0x80)
			continue;
		assert_true(escape_latex_can_set(cp));
		if (cp < 0x30000)
			seen[cp] = true;
	}
	for (uint32_t cp = 0x80; cp < 0x30000; cp++)
		if (escape_latex_can_set(cp) && !seen[cp])
			fail_msg("U+%04X is accepted but not in charset.brief", (unsigned)cp);
	free(seen);
	free(raw);
}

static void test_urls(void **state)
{
	(void)state;
	assert_true(escape_url_live("HTTPS://x", 9));
	assert_true(escape_url_live("mailto:a@b", 10));
	assert_false(escape_url_live("javascript:alert(1)", 19));
	assert_false(escape_url_live(" http://x", 9));
	assert_false(escape_url_live("data:text/html,x", 16));
	char *s = url_of("http://x/a b\"<>\\^`{|}\xC3\xA9?q=1&r=%41#f");
	assert_string_equal(s, "http://x/a%20b%22%3C%3E%5C%5E%60%7B%7C%7D%C3%A9?q=1&r=%41#f");
	free(s);
	/* then quoted for where it goes, the encoding's '%' too */
	buf b = BUF_INIT;
	escape_url(&b, "a(b)&c d", 8, ESCAPE_URL_MD);
	assert_string_equal(b.data, "a\\(b\\)\\&c%20d");
	buf_clear(&b);
	escape_url(&b, "a#b%c&d_e~f g", 13, ESCAPE_URL_LATEX);
	assert_string_equal(b.data, "a\\#b\\%c\\&d\\_e~f\\%20g");
	buf_clear(&b);
	escape_url(&b, "a'b&c\"d<e", 9, ESCAPE_URL_HTML);
	assert_string_equal(b.data, "a&#39;b&amp;c%22d%3Ce");
	/* IDs: inert whatever the checker let through */
	buf_clear(&b);
	escape_latex_id(&b, "cite.a-1\\def}{+", 15);
	assert_string_equal(b.data, "cite.a-1+5Cdef+7D+7B+2B");
	buf_free(&b);
}

/* ---- the walk ---- */

static const char numbered[] = FRONT
	"::: areas\nsec: Security\neco: Economy\n:::\n\n"
	"# One\n\nSee [@f-b] and [@r-a; @e-y] and [@two].\n\n"
	"::: finding f-a\nclaim: First claim.\nevidence: e-x, e-y\nconfidence: high\n:::\n\n"
	"::: finding f-b\nclaim: Second claim [@e-x].\n:::\n\n"
	"::: recommendation r-a\naction: Act now.\narea: eco\naddresses: f-a, f-b\n:::\n\n"
	"::: recommendation r-b\naction: Act later.\narea: sec\naddresses: f-a\n:::\n\n"
	"# Two {#two}\n\n::: recommendations\n:::\n\n"
	"::: evidence e-x\ntitle: Source X\nurl: https://x.example/\n:::\n\n"
	"::: evidence e-y\ntitle: Source Y\n:::\n\n"
	"::: evidence e-z\ntitle: Uncited\n:::\n";

static void test_numbers_and_references(void **state)
{
	(void)state;
	char *h = render_str(render_html, numbered, true);
	/* references: finding, recommendation, evidence as a note, section */
	assert_non_null(strstr(h, "See <a class=\"xref\" href=\"#f-b\">Finding 2</a> and "
			       "<a class=\"xref\" href=\"#r-a\">Recommendation 1</a>; "
			       "[<a class=\"cite\" id=\"cite.e-y.1\" href=\"#e-y\">1</a>] and "
			       "<a class=\"xref\" href=\"#two\">Two</a>."));
	/* sources numbered by first citation: e-y (prose), e-x, then uncited */
	assert_non_null(strstr(h, "id=\"e-y\"><span class=\"source-label\">[1]</span>"));
	assert_non_null(strstr(h, "id=\"e-x\"><span class=\"source-label\">[2]</span>"));
	assert_non_null(strstr(h, "id=\"e-z\"><span class=\"source-label\">[3]</span>"));
	/* each citation has a back-link, an uncited source none */
	assert_int_equal(count(h, "href=\"#cite.e-x."), 2);
	assert_int_equal(count(h, "href=\"#cite.e-y."), 2);
	assert_int_equal(count(h, "href=\"#cite.e-z."), 0);
	/* links both ways */
	assert_non_null(strstr(h, "Addressed by <a class=\"xref\" href=\"#r-a\">Recommendation 1</a> "
			       "and <a class=\"xref\" href=\"#r-b\">Recommendation 2</a>."));
	assert_non_null(strstr(h, "Addresses <a class=\"xref\" href=\"#f-a\">Finding 1</a> and "
			       "<a class=\"xref\" href=\"#f-b\">Finding 2</a>."));
	/* grouped by area in the areas' order, the anchor on the first group */
	const char *sec = strstr(h, "<div class=\"group\" id=\"sec\">");
	const char *eco = strstr(h, "<div class=\"group\" id=\"eco\">");
	assert_non_null(sec);
	assert_non_null(eco);
	assert_true(sec < eco);
	/* sources appended at the end when there is no ::: sources */
	assert_non_null(strstr(h, "<section class=\"level1\" id=\"brief.sources\">"));
	free(h);

	/* the same numbers in Markdown and LaTeX */
	char *m = render_str(render_md, numbered, false);
	assert_non_null(strstr(m, "See [Finding 2](#f-b) and [Recommendation 1](#r-a); "
			       "\\[[1](#e-y)\\] and [Two](#two)."));
	assert_non_null(strstr(m, "<a id=\"e-x\"></a>\\[2\\] Source X."));
	free(m);
	char *t = render_str(render_latex, numbered, false);
	assert_non_null(strstr(t, "See \\hyperref[f-b]{Finding 2} and \\hyperref[r-a]"
			       "{Recommendation 1}; [\\BriefCite{cite.e-y.1}\\hyperref[e-y]{1}]"));
	assert_non_null(strstr(t, "\\label{e-z}"));
	free(t);
}

static const char acronyms[] = FRONT
	"::: acronyms\nROK: Republic of Korea\nUS: United States\nNCG: Nuclear Consultative Group\n:::\n\n"
	"# The ROK\n\nThe US-ROK alliance. The ROK and the US agree. The ROK again.\n\n"
	"The Nuclear Consultative Group (NCG) meets; the NCG decides.\n";

static void test_acronyms(void **state)
{
	(void)state;
	char *h = render_str(render_html, acronyms, true);
	/* not in the heading, not in a compound; then once, spelled out */
	assert_non_null(strstr(h, "<h2>The <abbr title=\"Republic of Korea\">ROK</abbr></h2>"));
	assert_non_null(strstr(h, "The <abbr title=\"United States\">US</abbr>-<abbr title=\"Republic "
			       "of Korea\">ROK</abbr> alliance. The Republic of Korea (<abbr title="
			       "\"Republic of Korea\">ROK</abbr>) and the United States (<abbr title="
			       "\"United States\">US</abbr>) agree. The <abbr title=\"Republic of "
			       "Korea\">ROK</abbr> again."));
	/* written out by the author: left alone */
	assert_non_null(strstr(h, "The Nuclear Consultative Group (<abbr title=\"Nuclear Consultative "
			       "Group\">NCG</abbr>) meets; the <abbr"));
	free(h);
	char *m = render_str(render_md, acronyms, false);
	assert_non_null(strstr(m, "The US-ROK alliance. The Republic of Korea (ROK) and the United "
			       "States (US) agree. The ROK again."));
	assert_int_equal(count(m, "Nuclear Consultative Group"), 1);
	free(m);
}

/*
 * Contract 11.8: the expansion skips a possessive and a use inside a
 * capitalized name for the next use that reads well, in every format;
 * with none, the first use takes it.  Uses in fields are marked (and
 * counted) but not spelled out; authors' names are not looked at.
 */
static void test_acronym_first_use(void **state)
{
	(void)state;
	static const char text[] = "---\ntitle: T\nauthors: Ann Lee (NIST)\n"
		"date: 2024-01-02\n---\n\n"
		"::: acronyms\nNIST: National Institute of Standards and Technology\n"
		"AI: artificial intelligence\nNGO: non-governmental organization\n"
		"DOE: Department of Energy\n:::\n\n"
		"::: finding f\nclaim: The DOE agrees.\n:::\n\n"
		"NIST's view, the National AI Strategy, then NIST and AI in\n"
		"general. Two NGOs. The DOE's plan.\n";
	backend bes[] = {render_html, render_md, render_latex};
	for (size_t b = 0; b < 3; b++) {
		ast_doc d;
		unit_load(&d, text);
		buf out = BUF_INIT;
		render_options o = {.fragment = true};
		assert_int_equal(bes[b](&d, &o, &out), 0);
		buf plain = BUF_INIT;	/* the text without the HTML's markup */
		for (size_t i = 0; i < out.len; i++) {
			if (b == 0 && out.data[i] == '<')
				while (i < out.len && out.data[i] != '>')
					i++;
			else if (b == 0 && strncmp(out.data + i, "&#39;", 5) == 0)
				buf_putc(&plain, '\''), i += 4;
			else
				buf_putc(&plain, out.data[i]);
		}
		const char *t = plain.data;
		/* a possessive, a use inside a name: the next use */
		if (!strstr(t, "NIST's view, the National AI Strategy, then National "
			    "Institute of Standards and Technology (NIST) and artificial "
			    "intelligence (AI) in"))
			fail_msg("backend %zu: %s", b, t);
		/* a plural alone: spelled out, the 's' inside */
		if (!strstr(t, "non-governmental organization (NGOs)"))
			fail_msg("backend %zu: the plural: %s", b, t);
		/* a card's lead is running text (as in version 1) */
		if (!strstr(t, "The Department of Energy (DOE) agrees") ||
		    !strstr(t, "The DOE's plan"))
			fail_msg("backend %zu: DOE: %s", b, t);
		buf_free(&plain);
		buf_free(&out);
		ast_doc_free(&d);
	}
	/* a possessive alone takes the expansion */
	char *h = render_str(render_md, FRONT "::: acronyms\nNIST: National Institute\n"
			     ":::\n\nThe NIST\xE2\x80\x99s view.\n", true);
	assert_non_null(strstr(h, "The National Institute (NIST)\xE2\x80\x99s view."));
	free(h);
	/* an author's affiliation is a name, not prose: never marked */
	h = render_str(render_html, FRONT "::: acronyms\nNIST: National Institute\n"
		       ":::\n\nThe NIST.\n\n::: evidence e\ntitle: T\n"
		       "authors: Lee, A. (NIST)\n:::\n\nSee [@e].\n", true);
	assert_non_null(strstr(h, "Lee, A. (NIST)."));
	free(h);
}

/*
 * The checks and every output agree on what is a use of an acronym: with
 * an arrow, TM, an em dash, a curly apostrophe, Hangul or an emoji
 * touching it, in a URL written in prose and in an evidence's note.
 */
static void test_acronyms_agree(void **state)
{
	(void)state;
	static const struct {
		const char *prose;
		bool used;	/* ROK is used: counted, marked */
		bool spelled;	/* ... and spelled out there */
	} cases[] = {
		{"The ROK\xE2\x86\x92US link.", true, true},
		{"The ROK\xE2\x84\xA2 brand.", true, true},
		{"The ROK\xE2\x80\x94" "a state.", true, true},
		{"The ROK\xE2\x80\x99s terms.", true, true},
		{"ROK\xED\x95\x9C\xEA\xB5\xAD.", true, true},
		{"The ROK\xF0\x9F\x98\x80 smile.", true, true},
		/* a plural, a compound: spelled out when no use reads better
		 * (contract 11.8) */
		{"The ROKs stand.", true, true},
		{"The US-ROK talks.", true, true},
		{"The ROK\xC3\xA9 word.", false, false},
		{"The ROKish word.", false, false},
		{"See www.ROK.example or a@ROK.example.", false, false},
		{"The `ROK` code.", false, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[512];
		snprintf(text, sizeof text, FRONT "::: acronyms\nROK: Republic of Korea\n"
			 "US: United States\n:::\n\nThe US.\n\n%s\n", cases[i].prose);
		ast_doc d;
		unit_load(&d, text);
		check_run_all(&d);
		bool unused = unit_count(&d, DC_UNUSED_ACRONYM) == 1;
		if (unused == cases[i].used)
			fail_msg("%s: %s by the checks", cases[i].prose,
				 unused ? "not counted" : "counted");
		backend bes[] = {render_html, render_md, render_latex};
		for (size_t b = 0; b < 3; b++) {
			buf out = BUF_INIT;
			render_options o = {.fragment = true};
			bes[b](&d, &o, &out);	/* LaTeX: U+D55C, U+1F600 cannot be set */
			bool spelled = out.data && strstr(out.data, "Republic of Korea (");
			if (spelled != cases[i].spelled)
				fail_msg("%s, backend %zu: %s", cases[i].prose, b,
					 spelled ? "spelled out" : "not spelled out");
			if (b == 0 && (strstr(out.data, ">ROK</abbr>") != NULL) != cases[i].used)
				fail_msg("%s: marked in HTML: %s", cases[i].prose, out.data);
			buf_free(&out);
		}
		buf json = BUF_INIT;
		render_json(&d, &json);
		if (!strstr(json.data, cases[i].used ? "\"abbr\":\"ROK\",\"expansion\":\"Republic of "
			    "Korea\",\"uses\":1" : "\"abbr\":\"ROK\",\"expansion\":\"Republic of "
			    "Korea\",\"uses\":0"))
			fail_msg("%s: the JSON counts otherwise", cases[i].prose);
		buf_free(&json);
		ast_doc_free(&d);
	}

	/* a use only in an evidence's note is no use, and is not spelled out */
	ast_doc d;
	unit_load(&d, FRONT "::: acronyms\nROK: Republic of Korea\n:::\n\nText [@e].\n\n"
		  "::: evidence e\ntitle: T\n\nAbout the ROK.\n:::\n");
	check_run_all(&d);
	assert_int_equal(unit_count(&d, DC_UNUSED_ACRONYM), 1);
	buf out = BUF_INIT;
	render_options o = {.fragment = true};
	render_html(&d, &o, &out);
	assert_null(strstr(out.data, "Republic of Korea ("));
	assert_non_null(strstr(out.data, "About the <abbr title=\"Republic of Korea\">ROK</abbr>."));
	buf_free(&out);
	ast_doc_free(&d);
}


/* Render d (checked already) with every text backend, into out[3]. */
static void render_three(const ast_doc *d, char *out[3])
{
	backend bes[] = {render_html, render_md, render_latex};
	for (size_t b = 0; b < 3; b++) {
		buf o = BUF_INIT;
		render_options opt = {.fragment = true};
		bes[b](d, &opt, &o);
		buf_putc(&o, '\0');
		out[b] = buf_detach(&o);
	}
}

/*
 * The renderer takes the acronym uses the checks kept (acronym.h) instead
 * of scanning the prose again: it must write exactly what its own scan
 * writes, in every holder of prose and with uses that straddle two
 * pieces, touch markup, stand in a link, a heading, a field or a cell.
 */
static void test_acronym_uses_kept(void **state)
{
	(void)state;
	static const char *const bodies[] = {
		"# The ROK and the US\n\nThe ROK's role; the US-ROK talks; NGOs.\n",
		"The *RO*K and ROK*s* and *ROK* and **the ROK**.\n",
		"The ROK's role, the NGOs' view. Then the ROK and an NGO lead.\n",
		"A [link on the ROK](https://example.org/ROK) and `ROK` code.\n\n"
		"Korea (ROK) wrote it.\n",
		"The US\nand the ROK,\nline by line; the National ROK Plan.\n",
		"::: finding f\nclaim: The ROK and the US agree.\nevidence: e\n\n"
		"Body on the ROK [@e].\n:::\n\n::: evidence e\ntitle: The ROK report\n"
		"publisher: US office\n:::\n",
		"::: table t\ncaption: ROK and US\n\n| A | B |\n|---|---|\n"
		"| ROK | the US and NGOs |\n:::\n\nSee Table [@t].\n",
		"Notes on the ROK.[^n]\n\n[^n]: The US and the ROK.\n",
	};
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		char text[1024];
		snprintf(text, sizeof text, FRONT "::: acronyms\nROK: Republic of Korea\n"
			 "US: United States\nNGO: non-governmental organization\n"
			 ":::\n\n%s", bodies[i]);
		char *plain[3], *kept[3];
		ast_doc d;
		unit_load(&d, text);
		check_run_all(&d);
		assert_null(d.acr_uses);
		render_three(&d, plain);
		ast_doc_free(&d);

		unit_load(&d, text);
		d.keep_acronym_uses = true;
		check_run_all(&d);
		assert_non_null(d.acr_uses);
		assert_true(d.acr_uses->nh > 0);
		render_three(&d, kept);
		ast_doc_free(&d);
		for (size_t b = 0; b < 3; b++) {
			if (strcmp(plain[b], kept[b]) != 0)
				fail_msg("case %zu, backend %zu:\n%s\n---\n%s", i, b,
					 plain[b], kept[b]);
			free(plain[b]);
			free(kept[b]);
		}
	}
}
static void test_markdown_structure(void **state)
{
	(void)state;
	char *m = render_str(render_md, FRONT
			     "# Head\n\nA *b* c*d*e **f** *(g)* and `x``y` and\n\\- dash\n\n"
			     "1. one\n2. two\n\n> quoted\n> more\n\nWow![@head] and "
			     "\\\\![x](https://x.example/)\n", false);
	assert_non_null(strstr(m, "## <a id=\"head\"></a>Head\n"));
	/* emphasis as '*' where it reads back, as tags inside a word */
	assert_non_null(strstr(m, "A *b* c<em>d</em>e **f** *(g)* and ```x``y``` and\n\\- dash\n"));
	assert_non_null(strstr(m, "\n1. one\n2. two\n"));
	assert_non_null(strstr(m, "\n> quoted\n> more\n"));
	/* a '!' before a link would make it an image */
	assert_non_null(strstr(m, "Wow\\![Head](#head) and \\\\\\![x](https://x.example/)"));
	free(m);
}

static void test_unsafe_links(void **state)
{
	(void)state;
	/* the checker reports these; the renderer still never makes a link */
	static const char doc[] = FRONT "[a](javascript:alert(1)) [b](https://ok.example/)\n";
	char *h = render_str(render_html, doc, true);
	assert_null(strstr(h, "javascript:alert(1)\""));
	assert_non_null(strstr(h, "<a href=\"https://ok.example/\">b</a>"));
	free(h);
	char *m = render_str(render_md, doc, false);
	assert_null(strstr(m, "(javascript"));
	free(m);
	char *t = render_str(render_latex, doc, false);
	assert_int_equal(count(t, "\\href{"), 1);
	free(t);
}

static void test_latex_bad_character(void **state)
{
	(void)state;
	ast_doc d;
	/* Devanagari and unassigned characters: no font of the LaTeX setup
	 * has them */
	unit_load(&d, FRONT "Delhi is \xE0\xA4\xA6\xE0\xA4\xBF\xE0\xA4\xB2\xE0\xA5\x8D"
		  "\xE0\xA4\xB2\xE0\xA5\x80, \xE0\xA4\xA6 again, \xCD\xB8 \xCD\xB9 "
		  "\xCD\xB8.\n");
	size_t before = d.diags.n;
	render_options o = {.fragment = false};
	buf out = BUF_INIT;
	assert_int_equal(render_latex(&d, &o, &out), 1);
	/* one error per script (Devanagari) or per character of none, at
	 * its first place, once not twice */
	assert_int_equal(d.diags.n - before, 3);
	assert_non_null(strstr(d.diags.items[before + 1].msg, "U+0378"));
	assert_non_null(strstr(d.diags.items[before + 2].msg, "U+0379"));
	const diag *g = &d.diags.items[before];
	assert_int_equal(g->code, DC_BAD_ENCODING);
	assert_non_null(strstr(g->msg, "U+0926"));
	assert_memory_equal(d.src.text + g->at.start, "\xE0\xA4\xA6", 3);
	assert_int_equal(g->at.end - g->at.start, 3);
	buf_free(&out);
	ast_doc_free(&d);
}

/* Cyrillic, Greek, CJK: a document for lualatex, no errors. */
static void test_latex_unicode_document(void **state)
{
	(void)state;
	char *t = render_str(render_latex, FRONT "Moscow is \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA"
			     "\xD0\xB2\xD0\xB0, Seoul \xEC\x84\x9C\xEC\x9A\xB8, 5 \xE2\x89\xA4 6.\n",
			     false);
	assert_non_null(strstr(t, "\\RequireLuaTeX\n"));
	assert_non_null(strstr(t, "{russian}"));
	assert_non_null(strstr(t, "{korean}"));
	assert_non_null(strstr(t, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"));
	assert_non_null(strstr(t, "{\\BriefFontDejaVu \xE2\x89\xA4}"));
	assert_null(strstr(t, "{greek}"));
	assert_null(strstr(t, "\\usepackage[T1]{fontenc}"));
	free(t);
	/* Latin only: pdflatex, no Unicode setup */
	t = render_str(render_latex, FRONT "Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve.\n", false);
	assert_null(strstr(t, "RequireLuaTeX"));
	assert_non_null(strstr(t, "\\usepackage[T1]{fontenc}"));
	assert_null(strstr(t, "fontspec}\n\\usepackage{babel}"));
	free(t);
}

static void test_fragment_and_page(void **state)
{
	(void)state;
	char *h = render_str(render_html, acronyms, false);
	assert_true(strncmp(h, "<!DOCTYPE html>\n<html lang=\"en\">", 31) == 0);
	assert_non_null(strstr(h, "<title>T</title>"));
	assert_non_null(strstr(h, "<meta name=\"description\" content=\"The US-ROK alliance."));
	assert_null(strstr(h, "<script"));
	free(h);
	h = render_str(render_html, acronyms, true);
	assert_true(strncmp(h, "<article class=\"brief\">", 23) == 0);
	free(h);
	char *t = render_str(render_latex, acronyms, true);
	assert_null(strstr(t, "\\documentclass"));
	assert_null(strstr(t, "\\end{document}"));
	free(t);
}

/* Deep input costs no stack, and LaTeX stays within its nesting limit. */
static void test_deep_nesting(void **state)
{
	(void)state;
	enum { DEPTH = 100000 };
	ast_doc d;
	unit_load(&d, FRONT "x\n");
	ast_node *p = d.root->first;
	while (p && p->type != AST_PARAGRAPH)
		p = p->next;
	assert_non_null(p);
	ast_node *q = d.root;
	for (int i = 0; i < DEPTH; i++) {
		ast_node *qq = ast_new(&d, AST_QUOTE, p->at);
		ast_append(q, qq);
		q = qq;
	}
	ast_node *e = p;
	for (int i = 0; i < DEPTH; i++) {
		ast_node *ee = ast_new(&d, AST_EMPH, p->at);
		ast_append(e, ee);
		e = ee;
	}
	ast_node *t = ast_new(&d, AST_TEXT, p->at);
	ast_set_text(t, ast_str(&d, "deep", 4));
	ast_append(e, t);
	render_options o = {.fragment = true};
	static const backend all[] = {render_html, render_md, render_latex};
	for (size_t i = 0; i < 3; i++) {
		buf out = BUF_INIT;
		assert_int_equal(all[i](&d, &o, &out), 0);
		assert_non_null(strstr(out.data, "deep"));
		if (all[i] == render_latex)
			assert_int_equal(count(out.data, "\\begin{quote}"), 4);
		buf_free(&out);
	}
	ast_doc_free(&d);
}

static void test_deterministic(void **state)
{
	(void)state;
	static const backend all[] = {render_html, render_md, render_latex};
	for (size_t i = 0; i < 3; i++) {
		char *a = render_str(all[i], numbered, false);
		char *b = render_str(all[i], numbered, false);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

static void test_plain(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FRONT "# Use `x < y` *now* and [@h2] {#h1}\n\n# Two {#h2}\n");
	buf b = BUF_INIT;
	render_plain(&d, d.headings.v[0], &b);
	assert_string_equal(b.data, "Use x < y now and Two");
	buf_free(&b);
	ast_doc_free(&d);
}

/* The running head: the title, shortened at a colon or dash, then to
 * 60 columns at a word (or a character, in text without spaces). */
static void test_running_head(void **state)
{
	(void)state;
	static const struct {
		const char *title, *head;
	} cases[] = {
		{"Short Title", "Short Title"},
		{"A Long Title About Water: Why the Fountains in Every Public Park Need Testing",
		 "A Long Title About Water"},
		{"Seventy characters of a title with no colon and no dash in it at all, none",
		 "Seventy characters of a title with no colon and no dash in\xE2\x80\xA6"},
		/* 34 Hangul syllables, two columns each: cut after the 30th */
		{"\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80",
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
		 "\xE2\x80\xA6"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[512], want[512];
		snprintf(text, sizeof text, "---\ntitle: %s\nauthors: A\ndate: 2024-01-02\n---\n\nx\n",
			 cases[i].title);
		snprintf(want, sizeof want, "\\renewcommand{\\BriefRunningTitle}{%s}\n",
			 cases[i].head);
		char *t = render_str(render_latex, text, false);
		if (!strstr(t, want))
			fail_msg("title '%s': no '%s'", cases[i].title, want);
		free(t);
	}
}

/* Every word briefc writes itself, and the dates, in the brief's lang. */
static void test_language(void **state)
{
	(void)state;
	static const char brief[] =
		"---\ntitle: T\nauthors: Anne; Bruno; Chantal\ndate: 2019-08-06\nlang: %s\n---\n\n"
		"::: areas\na: Zone\n:::\n\n"
		"# S\n\n::: finding f\nclaim: C [@e].\nconfidence: high\n:::\n\n"
		"::: recommendation r\naction: D.\narea: a\naddresses: f\npriority: low\n:::\n\n"
		"::: recommendations\n:::\n\n"
		"::: evidence e\ntitle: E\ndate: 2019-08\naccessed: 2020-01-01\ntype: report\n:::\n";
	char text[sizeof brief + 16];
	snprintf(text, sizeof text, brief, "fr");
	char *m = render_str(render_md, text, false);
	static const char *const fr[] = {
		"Constat 1", "Recommandation 1", "Degr\xC3\xA9 de confiance", "\xC3\xA9lev\xC3\xA9" "e",
		"faible", "Priorit\xC3\xA9", "Domaine", "Version provisoire", "Anne, Bruno et Chantal",
		"6 ao\xC3\xBBt 2019", "(rapport)", "ao\xC3\xBBt 2019", "Consult\xC3\xA9 le 1er janvier 2020",
		"Recommandation associ\xC3\xA9" "e\xC2\xA0: ", "Constat trait\xC3\xA9\xC2\xA0: ",
		"Sources"};
	for (size_t i = 0; i < sizeof fr / sizeof fr[0]; i++)
		if (!strstr(m, fr[i]))
			fail_msg("lang fr: no '%s' in:\n%s", fr[i], m);
	assert_null(strstr(m, "Finding"));
	assert_null(strstr(m, "Draft"));
	free(m);
	/* Korean: 발견 사항 1, 2019년 8월 6일 */
	snprintf(text, sizeof text, brief, "ko-KR");
	m = render_str(render_html, text, false);
	assert_non_null(strstr(m, "\xEB\xB0\x9C\xEA\xB2\xAC \xEC\x82\xAC\xED\x95\xAD 1"));
	assert_non_null(strstr(m, "2019\xEB\x85\x84 8\xEC\x9B\x94 6\xEC\x9D\xBC"));
	free(m);
	/* a language without words: English */
	snprintf(text, sizeof text, brief, "sv");
	m = render_str(render_md, text, false);
	assert_non_null(strstr(m, "Finding 1"));
	assert_non_null(strstr(m, "6 August 2019"));
	assert_non_null(strstr(m, "Anne, Bruno and Chantal"));
	free(m);
}

/*
 * Version 2's words in the brief's language, from the one table: the
 * labels of tables, figures and boxes (their captions, references and
 * LaTeX's \tablename), a float's sources and note, the notes' heading,
 * "continued", the updated and version lines, partial dates, and what a
 * back-link says; none of them left in English.
 */
static const char brief_ko[] =
	"---\n"
	"title: T\n"
	"authors: A\n"
	"date: 2024-03\n"
	"updated: 2024-05-02\n"
	"version: 2.1\n"
	"lang: ko\n"
	"---\n"
	"\n"
	"# S\n"
	"\n"
	"See [@t], [@f] and [@b].[^n]\n"
	"\n"
	"::: box b\n"
	"title: B\n"
	":::\n"
	"\n"
	"::: table t\n"
	"caption: C\n"
	"source: e\n"
	"note: N.\n"
	"\n"
	"| a | b |\n"
	"|---|---|\n"
	"| 1 | 2 |\n"
	":::\n"
	"\n"
	"::: figure f\n"
	"src: none.png\n"
	"alt: A blue band that rises over the years.\n"
	"caption: F\n"
	"source: e, e2\n"
	":::\n"
	"\n"
	"[^n]: A note.\n"
	"\n"
	"::: evidence e\n"
	"title: E\n"
	"date: 2023-11\n"
	":::\n"
	"\n"
	"::: evidence e2\n"
	"title: E2\n"
	"date: 2024\n"
	":::\n"
	;
static const char *const html_ko[] = {
	"<span class=\"float-label\">\xED\x91\x9C 1:</span> C",
	"<span class=\"float-label\">\xEA\xB7\xB8\xEB\xA6\xBC 1:</span> F",
	"<p class=\"box-label\">\xEB\xB0\x95\xEC\x8A\xA4 1</p>",
	"<span class=\"float-label\">\xEC\xB6\x9C\xEC\xB2\x98:</span>",
	"<span class=\"float-label\">\xEC\xA3\xBC:</span> N.",
	"<h2>\xEC\xA3\xBC</h2>",
	"<h2>\xEC\xB6\x9C\xEC\xB2\x98</h2>",
	"\xEC\x88\x98\xEC\xA0\x95\xEC\x9D\xBC: <time datetime=\"2024-05-02\">2024\xEB\x85\x84 5\xEC\x9B\x94 2\xEC\x9D\xBC</time>",
	"<time datetime=\"2024-03\">2024\xEB\x85\x84 3\xEC\x9B\x94</time>",
	"<p class=\"brief-version\">\xEB\xB2\x84\xEC\xA0\x84 2.1</p>",
	"2023\xEB\x85\x84 11\xEC\x9B\x94",
	">\xED\x91\x9C 1</a>",
	">\xEA\xB7\xB8\xEB\xA6\xBC 1</a>",
	">\xEB\xB0\x95\xEC\x8A\xA4 1</a>",
	"aria-label=\"\xEC\x9D\xB8\xEC\x9A\xA9 \xEC\x9C\x84\xEC\xB9\x98\xEB\xA1\x9C \xEB\x8F\x8C\xEC\x95\x84\xEA\xB0\x80\xEA\xB8\xB0 1\"",
	"aria-label=\"\xEB\xB3\xB8\xEB\xAC\xB8\xEC\x9D\x98 \xEC\xA3\xBC \xED\x91\x9C\xEC\x8B\x9C\xEB\xA1\x9C \xEB\x8F\x8C\xEC\x95\x84\xEA\xB0\x80\xEA\xB8\xB0 1\"",
};
static const char *const latex_ko[] = {
	"\\renewcommand{\\tablename}{\xED\x91\x9C}",
	"\\renewcommand{\\figurename}{\xEA\xB7\xB8\xEB\xA6\xBC}",
	"\\BriefBoxLabel{\xEB\xB0\x95\xEC\x8A\xA4 1}",
	"\\BriefFloatSource{\xEC\xB6\x9C\xEC\xB2\x98}",
	"\\BriefFloatNote{\xEC\xA3\xBC}",
	"\\BriefUpdated{\xEC\x88\x98\xEC\xA0\x95\xEC\x9D\xBC: }{2024\xEB\x85\x84 5\xEC\x9B\x94 2\xEC\x9D\xBC}",
	"\\BriefVersion{\xEB\xB2\x84\xEC\xA0\x84 }{2.1}",
	"{C (\xEA\xB3\x84\xEC\x86\x8D)}",
	"2024\xEB\x85\x84 3\xEC\x9B\x94",
};
static const char *const html_en[] = {
	"Table",
	"Figure",
	"Box",
	"Source",
	"Note",
	"Updated",
	"Version",
	"Back to",
};
static const char *const latex_en[] = {
	"{Table",
	"{Figure",
	"{Box",
	"{Source",
	"{Note",
	"{Updated",
	"{Version",
	"continued",
};

static void test_language_v2(void **state)
{
	(void)state;
	char *h = render_str(render_html, brief_ko, false);
	for (size_t i = 0; i < sizeof html_ko / sizeof html_ko[0]; i++)
		if (!strstr(h, html_ko[i]))
			fail_msg("HTML: no '%s'", html_ko[i]);
	const char *body = strstr(h, "<body");
	assert_non_null(body);
	for (size_t i = 0; i < sizeof html_en / sizeof html_en[0]; i++)
		if (strstr(body, html_en[i]))
			fail_msg("HTML: '%s' in English", html_en[i]);
	free(h);
	char *l = render_str(render_latex, brief_ko, false);
	for (size_t i = 0; i < sizeof latex_ko / sizeof latex_ko[0]; i++)
		if (!strstr(l, latex_ko[i]))
			fail_msg("LaTeX: no '%s'", latex_ko[i]);
	body = strstr(l, "\\begin{document}");
	assert_non_null(body);
	for (size_t i = 0; i < sizeof latex_en / sizeof latex_en[0]; i++)
		if (strstr(body, latex_en[i]))
			fail_msg("LaTeX: '%s' in English", latex_en[i]);
	free(l);
}

/*
 * The colon after a label (a caption's, a float's source and note, a
 * card's details) is the language's, from the table, in every backend:
 * French a no-break space before it, Chinese and Japanese the full-width
 * colon with no space after (in Markdown after the bold, which CommonMark
 * would not close otherwise), Korean and English ": ".
 */
static const char brief_colon[] =
	"---\ntitle: T\nauthors: A\ndate: 2024-03\nlang: %s\n---\n\n"
	"# S\n\nSee [@t].\n\n"
	"::: table t\ncaption: C\nsource: e\nnote: N.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n:::\n\n"
	"::: finding f\nclaim: A claim.\nevidence: e\nconfidence: high\n:::\n\n"
	"::: recommendation r\naction: Act.\naddresses: f\n:::\n\n"
	"::: evidence e\ntitle: E\n:::\n";

static const struct {
	const char *lang;
	const char *md[3], *html[3], *latex;
} colons[] = {
	{"fr", {"**Tableau 1\xC2\xA0:** C", "*Source\xC2\xA0:* ", "*Note\xC2\xA0:* N."},
	 {"Tableau 1\xC2\xA0:</span> C", "Source\xC2\xA0:</span> ", "confiance\xC2\xA0:</span> "},
	 "\\newcommand{\\BriefColon}{~:}\n\\newcommand{\\BriefColonSpace}{\\space}"},
	{"ko", {"**\xED\x91\x9C 1:** C", "*\xEC\xB6\x9C\xEC\xB2\x98:* ", "*\xEC\xA3\xBC:* N."},
	 {"\xED\x91\x9C 1:</span> C", "\xEC\xB6\x9C\xEC\xB2\x98:</span> ", "\xEC\xA3\xBC:</span> N."},
	 "\\newcommand{\\BriefColon}{:}\n\\newcommand{\\BriefColonSpace}{\\space}"},
	{"ja", {"**\xE8\xA1\xA8 1**\xEF\xBC\x9A" "C", "*\xE5\x87\xBA\xE5\x85\xB8*\xEF\xBC\x9A\\[",
		"*\xE6\xB3\xA8*\xEF\xBC\x9AN."},
	 {"\xE8\xA1\xA8 1\xEF\xBC\x9A</span>C", "\xE5\x87\xBA\xE5\x85\xB8\xEF\xBC\x9A</span>[<a",
	  "\xE7\xA2\xBA\xE5\xBA\xA6\xEF\xBC\x9A</span><span"},
	 "\\newcommand{\\BriefColon}{\xEF\xBC\x9A}\n\\newcommand{\\BriefColonSpace}{}"},
	{"zh", {"**\xE8\xA1\xA8 1**\xEF\xBC\x9A" "C", "*\xE6\xB3\xA8*\xEF\xBC\x9AN.",
		"*\xE5\x8F\xAF\xE4\xBF\xA1\xE5\xBA\xA6*\xEF\xBC\x9A\xE9\xAB\x98"},
	 {"\xE8\xA1\xA8 1\xEF\xBC\x9A</span>C", "\xE6\xB3\xA8\xEF\xBC\x9A</span>N.",
	  "\xE5\x8F\xAF\xE4\xBF\xA1\xE5\xBA\xA6\xEF\xBC\x9A</span><span"},
	 "\\newcommand{\\BriefColon}{\xEF\xBC\x9A}\n\\newcommand{\\BriefColonSpace}{}"},
	{"en", {"**Table 1:** C", "*Source:* ", "*Note:* N."},
	 {"Table 1:</span> C", "Source:</span> ", "Confidence:</span> "},
	 "\\newcommand{\\BriefColon}{:}\n\\newcommand{\\BriefColonSpace}{\\space}"},
};

static void test_label_colon(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof colons / sizeof colons[0]; i++) {
		char text[sizeof brief_colon + 8];
		snprintf(text, sizeof text, brief_colon, colons[i].lang);
		char *m = render_str(render_md, text, false);
		char *h = render_str(render_html, text, false);
		char *l = render_str(render_latex, text, false);
		for (size_t k = 0; k < 3; k++) {
			if (!strstr(m, colons[i].md[k]))
				fail_msg("%s Markdown: no '%s' in\n%s", colons[i].lang,
					 colons[i].md[k], m);
			if (!strstr(h, colons[i].html[k]))
				fail_msg("%s HTML: no '%s'", colons[i].lang, colons[i].html[k]);
		}
		if (!strstr(l, colons[i].latex))
			fail_msg("%s LaTeX: no '%s'", colons[i].lang, colons[i].latex);
		/* no backend adds an ASCII colon of its own */
		if (strcmp(colons[i].lang, "ja") == 0 || strcmp(colons[i].lang, "zh") == 0) {
			const char *body = strstr(h, "<body");
			assert_non_null(body);
			if (strstr(body, ":</span>"))
				fail_msg("%s HTML: an ASCII colon after a label", colons[i].lang);
			if (strstr(m, ":*"))
				fail_msg("%s Markdown: an ASCII colon after a label", colons[i].lang);
		}
		if (strcmp(colons[i].lang, "fr") == 0 && strstr(h, "\xC2\xA0\xC2\xA0"))
			fail_msg("fr HTML: two no-break spaces");
		free(m);
		free(h);
		free(l);
	}
}

/*
 * Backends render documents with errors without crashing (briefc writes
 * nothing for them, but the renderer must not fall over): a heading with
 * an empty explicit ID in the table of contents had no link target and
 * render_md passed NULL to strlen (found by the fuzzer).
 */
static void test_render_heading_without_id(void **state)
{
	(void)state;
	ast_doc d;
	unit_load(&d, FM "# One\n\n# {#}\n\n# Three\n\n::: evidence e\ntitle: T\n:::\n");
	assert_true(unit_count(&d, DC_SYNTAX) + unit_count(&d, DC_BAD_VALUE) > 0);
	render_options o = {.fragment = false};
	int (*const fns[])(const ast_doc *, const render_options *, buf *) = {
		render_md, render_html, render_latex,
	};
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		buf out = BUF_INIT;
		fns[i](&d, &o, &out);
		assert_non_null(out.data);
		assert_non_null(strstr(out.data, "Three"));
		buf_free(&out);
	}
	ast_doc_free(&d);
}

/* ::: map is a figure: numbered with the others, its drawing Markdown's
 * mermaid block (no program runs), its alt text and key briefc's own. */
static const char mapped[] = FRONT
	"# One\n\nSee [@fig-a] and [@fig-b].\n\n"
	"::: figure fig-a\nsrc: a.png\nalt: A bar chart of costs.\ncaption: Costs\n:::\n\n"
	"::: map\n:::\n\n"
	"::: figure fig-b\nsrc: b.png\nalt: A line chart of jobs.\ncaption: Jobs\n:::\n\n"
	"::: finding f-a\nclaim: A claim.\nevidence: e-a\n:::\n\n"
	"::: finding f-b\nclaim: Another claim.\n:::\n\n"
	"::: recommendation r-a\naction: Act.\narea: sec\naddresses: f-a, f-b\n:::\n\n"
	"::: areas\nsec: Security\n:::\n\n"
	"::: evidence e-a\ntitle: A \"source\" \\`x\n:::\n";

static int json_of(const ast_doc *d, const render_options *o, buf *out)
{
	(void)o;
	return render_json(d, out);
}

static void test_map(void **state)
{
	(void)state;
	char *m = render_str(render_md, mapped, false);
	assert_non_null(strstr(m, "See [Figure 1](#fig-a) and [Figure 3](#fig-b)."));
	assert_non_null(strstr(m, "**Figure 2:** Evidence map: the sources each finding cites"));
	assert_non_null(strstr(m, "\n```mermaid\nflowchart LR\n  accDescr: Diagram of the argument: "
			       "1 source, 2 findings and 1 recommendation in 1 area,"));
	assert_non_null(strstr(m, "1 finding or recommendation rests on no evidence."));
	/* the author's quote and backquote cannot end a label or the fence */
	assert_non_null(strstr(m, "e1[\"[1]<br/>A #quot;source#quot; #96;x\"]"));
	assert_int_equal(count(m, "```"), 2);
	assert_non_null(strstr(m, "\n```\n\n*Key:* Sources on the left, findings in the middle, "
			       "recommendations on the right, grouped by area; each arrow runs "
			       "from what supports to what rests on it. A dashed red outline "
			       "marks what rests on no evidence.\n"));
	free(m);
	char *j = render_str(json_of, mapped, false);
	assert_non_null(strstr(j, "\"kind\":\"map\",\"id\":null,\"number\":2,"));
	free(j);
}

/*
 * A Korean and a French map say nothing in English: the alt text (in
 * Markdown, the mermaid block's accDescr), the key's sentences and what
 * a node lacks come from the language's table, counts with its plural.
 */
static char *mapped_in(const char *lang)
{
	const char *body = strstr(mapped, "---\n\n");
	assert_non_null(body);
	buf b = BUF_INIT;
	buf_put(&b, mapped, (size_t)(body - mapped));
	buf_printf(&b, "lang: %s\n", lang);
	buf_puts(&b, body);
	buf_putc(&b, '\0');
	char *m = render_str(render_md, b.data, false);
	buf_free(&b);
	return m;
}

static void test_map_language(void **state)
{
	(void)state;
	static const char *const english[] = {
		"Diagram", "columns", "arrow", "evidence.", "NO EVIDENCE", "cited by",
		"Sources on", "outline", "Key", "finding", "recommendation",
	};
	static const struct {
		const char *lang, *alt, *lack, *key;
	} want[] = {
		{"ko",
		 "accDescr: \xEB\x85\xBC\xEC\xA6\x9D \xEA\xB5\xAC\xEC\xA1\xB0\xEB\x8F\x84: "
		 "\xEC\xB6\x9C\xEC\xB2\x98 1\xEA\xB0\x9C, \xEB\xB0\x9C\xEA\xB2\xAC "
		 "\xEC\x82\xAC\xED\x95\xAD 2\xEA\xB1\xB4 \xEB\xB0\x8F \xEA\xB6\x8C\xEA\xB3\xA0 "
		 "1\xEA\xB1\xB4(\xEB\xB6\x84\xEC\x95\xBC 1\xEA\xB0\x9C). ",
		 "<br/>(!) \xEA\xB7\xBC\xEA\xB1\xB0 \xEC\x97\x86\xEC\x9D\x8C<br/>",
		 "*\xEB\xB2\x94\xEB\xA1\x80:* \xEC\x99\xBC\xEC\xAA\xBD\xEC\x9D\x80 "},
		{"fr",
		 "accDescr: Sch\xC3\xA9ma de l\xE2\x80\x99" "argumentation\xC2\xA0: 1 source, "
		 "2 constats et 1 recommandation dans 1 domaine, sur trois colonnes",
		 "<br/>(!) AUCUNE SOURCE<br/>",
		 "*L\xC3\xA9gende\xC2\xA0:* Les sources \xC3\xA0 gauche"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *m = mapped_in(want[i].lang);
		if (!strstr(m, want[i].alt))
			fail_msg("%s: no alt text '%s' in\n%s", want[i].lang, want[i].alt, m);
		if (!strstr(m, want[i].lack))
			fail_msg("%s: no mark '%s'", want[i].lang, want[i].lack);
		if (!strstr(m, want[i].key))
			fail_msg("%s: no key '%s'", want[i].lang, want[i].key);
		/* the map's words, from its caption to the end of its key */
		const char *from = strstr(m, "<a id=\"fig-a\">");
		const char *start = from ? strstr(from + 1, "**") : NULL;
		start = start ? strstr(start + 2, "\n**") : NULL;
		assert_non_null(start);
		const char *end = strstr(start, "```\n\n*");
		assert_non_null(end);
		end = strchr(end + 5, '\n');
		assert_non_null(end);
		/* what a reader sees: not mermaid's class names (":::finding",
		 * "classDef finding ...") */
		buf seen = BUF_INIT;
		for (const char *p = start; p < end;) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			const char *stop = nl ? nl + 1 : end;
			if (strncmp(p, "  classDef ", 11) != 0) {
				const char *cls = strstr(p, ":::");
				buf_put(&seen, p, (size_t)((cls && cls < stop ? cls : stop) - p));
				buf_putc(&seen, '\n');
			}
			p = stop;
		}
		buf_putc(&seen, '\0');
		for (size_t k = 0; k < sizeof english / sizeof english[0]; k++)
			if (strstr(seen.data, english[k]))
				fail_msg("%s: '%s' in English in the map:\n%s", want[i].lang,
					 english[k], seen.data);
		buf_free(&seen);
		free(m);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_md_escape_inline),
		cmocka_unit_test(test_md_escape_line_start),
		cmocka_unit_test(test_latex_escape),
		cmocka_unit_test(test_latex_unicode),
		cmocka_unit_test(test_latex_charset_file),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_numbers_and_references),
		cmocka_unit_test(test_acronyms),
		cmocka_unit_test(test_acronyms_agree),
		cmocka_unit_test(test_acronym_uses_kept),
		cmocka_unit_test(test_acronym_first_use),
		cmocka_unit_test(test_markdown_structure),
		cmocka_unit_test(test_unsafe_links),
		cmocka_unit_test(test_latex_bad_character),
		cmocka_unit_test(test_latex_unicode_document),
		cmocka_unit_test(test_fragment_and_page),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_language),
		cmocka_unit_test(test_language_v2),
		cmocka_unit_test(test_label_colon),
		cmocka_unit_test(test_map_language),
		cmocka_unit_test(test_running_head),
		cmocka_unit_test(test_map),
			cmocka_unit_test(test_render_heading_without_id),
};
	return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
