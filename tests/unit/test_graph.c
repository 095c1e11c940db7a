/*
 * test_graph.c - the evidence map: the graph read from a document (edges
 * once each, in order; what is unsupported or unaddressed), the text of
 * its nodes (cut, wrapped), the DOT and Mermaid escapers on every
 * character that matters, the Mermaid text, and running Graphviz's dot
 * (each output type, a missing dot, a failing one, one that hangs, one
 * that writes without end, one that does not read its input).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "buf.h"
#include "dot_run.h"
#include "escape.h"
#include "graph.h"

static const char doc_text[] =
	"---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n\n"
	"::: areas\nw: Water\n:::\n\n"
	"::: finding a\nclaim: Claim A.\nevidence: s1, s2, s1\n:::\n\n"
	"::: finding b\nclaim: Claim B.\n\nSee [@s2] and [@s2].\n:::\n\n"
	"::: finding c\nclaim: Claim C.\n:::\n\n"
	"::: recommendation r\naction: Do R.\narea: w\naddresses: a, b, a\n:::\n\n"
	"::: recommendation q\naction: Do Q.\naddresses: c\n:::\n\n"
	"::: evidence s1\ntitle: One\n:::\n\n"
	"::: evidence s2\ntitle: Two\n:::\n\n"
	"::: evidence s3\ntitle: Three\n:::\n";

static const graph_node *node_of(const ast_doc *d, const graph *g, const char *id)
{
	return graph_node_of(g, ast_idtab_get(&d->ids, id, strlen(id)));
}

/* The names of the nodes below (or above) n, as "f1 f2". */
static char *neighbours(const graph *g, const graph_node *n, bool above)
{
	buf b = BUF_INIT;
	size_t at = above ? n->above : n->below, k = above ? n->nabove : n->nbelow;
	for (size_t i = 0; i < k; i++) {
		if (i)
			buf_putc(&b, ' ');
		graph_node_name(&g->nodes[g->adj[at + i]], &b);
	}
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

static void test_graph_edges(void **state)
{
	(void)state;
	ast_doc d;
	UNIT_LOAD_LIT(&d, doc_text);
	graph g;
	graph_build(&g, &d);
	assert_int_equal(g.nevidence, 3);
	assert_int_equal(g.nfindings, 3);
	assert_int_equal(g.nrecs, 2);
	/* s1 twice in a's list, s2 twice in b's body, a twice in r's
	 * addresses: each edge once */
	assert_int_equal(g.nedges, 6);
	char *s;
	s = neighbours(&g, node_of(&d, &g, "a"), false);
	assert_string_equal(s, "e1 e2");
	free(s);
	s = neighbours(&g, node_of(&d, &g, "s2"), true);
	assert_string_equal(s, "f1 f2");
	free(s);
	s = neighbours(&g, node_of(&d, &g, "r"), false);
	assert_string_equal(s, "f1 f2");
	free(s);
	assert_int_equal(node_of(&d, &g, "c")->flags, GRAPH_UNSUPPORTED);
	assert_int_equal(node_of(&d, &g, "q")->flags, GRAPH_UNSUPPORTED);
	assert_int_equal(node_of(&d, &g, "s3")->flags, GRAPH_UNCITED);
	assert_int_equal(node_of(&d, &g, "a")->flags, 0);
	assert_int_equal(node_of(&d, &g, "r")->flags, 0);
	/* areas: w, then the one without */
	assert_int_equal(g.nareas, 2);
	assert_int_equal(g.areas[0].n, 1);
	assert_null(g.areas[1].node);
	assert_int_equal(g.areas[1].n, 1);
	graph_free(&g);
	ast_doc_free(&d);
}

static char *text_of(const char *claim, size_t max)
{
	buf src = BUF_INIT;
	buf_printf(&src, "---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n\n"
		   "::: finding a\nclaim: %s\n:::\n", claim);
	ast_doc d;
	unit_loadn(&d, src.data, src.len);
	graph g;
	graph_build(&g, &d);
	buf b = BUF_INIT;
	graph_text(&d, &g.nodes[0], max, &b);
	buf_putc(&b, '\0');
	graph_free(&g);
	ast_doc_free(&d);
	buf_free(&src);
	return buf_detach(&b);
}

static void test_graph_text(void **state)
{
	(void)state;
	char *s;
	s = text_of("Short *claim*   with\tspace.", 0);
	assert_string_equal(s, "Short claim with space.");
	free(s);
	s = text_of("Short claim.", 12);
	assert_string_equal(s, "Short claim.");
	free(s);
	/* cut at a word end, within max code points counting the "…" */
	s = text_of("Twelve words of a claim that is far too long to show whole.", 20);
	assert_string_equal(s, "Twelve words of a\xE2\x80\xA6");
	free(s);
	/* code points, not bytes */
	s = text_of("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 4);
	assert_string_equal(s, "\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x80\xA6");
	free(s);
	/* a word longer than half is cut inside it */
	s = text_of("A Supercalifragilistic word.", 10);
	assert_string_equal(s, "A Superca\xE2\x80\xA6");
	free(s);
}

static void test_graph_wrap(void **state)
{
	(void)state;
	const char *s = "one two three four";
	assert_int_equal(graph_wrap(s, strlen(s), 9), 7);	/* "one two" */
	assert_int_equal(graph_wrap(s, strlen(s), 7), 7);	/* exactly */
	assert_int_equal(graph_wrap(s, strlen(s), 40), strlen(s));
	assert_int_equal(graph_wrap("abcdefgh", 8, 3), 3);	/* hard cut */
	/* code points: "ééé é" at width 3 is the first three */
	assert_int_equal(graph_wrap("\xC3\xA9\xC3\xA9\xC3\xA9 x", 8, 3), 6);
}

static char *dot_of(const char *s, size_t n)
{
	buf b = BUF_INIT;
	escape_dot(&b, s, n);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

static char *mermaid_of(const char *s, size_t n)
{
	buf b = BUF_INIT;
	escape_mermaid(&b, s, n);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

static void test_escape_dot(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain text", "plain text"},
		{"a \"quote\"", "a \\\"quote\\\""},
		{"back\\slash \\N \\n \\G", "back\\\\slash \\\\N \\\\n \\\\G"},
		{"<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;"},
		{"tab\there\nnewline", "tab here newline"},
		{"del\x7f c1\xc2\x9b", "del  c1 "},
		{"line\xe2\x80\xa8sep", "line sep"},
		{"bad \xff byte", "bad \xef\xbf\xbd byte"},
		{"caf\xc3\xa9 \xed\x95\x9c", "caf\xc3\xa9 \xed\x95\x9c"},
		{"{record|port} ]; x [", "{record|port} ]; x ["},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = dot_of(cases[i].in, strlen(cases[i].in));
		assert_string_equal(s, cases[i].out);
		free(s);
	}
	char *s = dot_of("a\0b", 3);
	assert_string_equal(s, "a b");
	free(s);
}

static void test_escape_mermaid(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain", "plain"},
		{"\"q\" #1 & <b> `c`", "#quot;q#quot; #35;1 #amp; #lt;b#gt; #96;c#96;"},
		{"#quot; stays text", "#35;quot; stays text"},
		{"end; graph TD\n A-->B", "end; graph TD  A--#gt;B"},
		{"bad \xfe", "bad \xef\xbf\xbd"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = mermaid_of(cases[i].in, strlen(cases[i].in));
		assert_string_equal(s, cases[i].out);
		free(s);
	}
}

static void test_render_mermaid(void **state)
{
	(void)state;
	ast_doc d;
	UNIT_LOAD_LIT(&d, doc_text);
	buf b = BUF_INIT;
	render_mermaid(&d, &b);
	assert_non_null(strstr(b.data, "flowchart LR\n"));
	assert_non_null(strstr(b.data, "  e1[\"[1]<br/>One\"]:::evidence\n"));
	assert_non_null(strstr(b.data, "  f3(\"Finding 3<br/>(!) NO EVIDENCE<br/>Claim C.\"):::unsupported\n"));
	assert_non_null(strstr(b.data, "  subgraph area1[\"Water\"]\n"));
	assert_non_null(strstr(b.data, "  subgraph area2[\"(no area)\"]\n"));
	assert_non_null(strstr(b.data, "  e2 --> f2\n"));
	assert_non_null(strstr(b.data, "  f2 --> r1\n"));
	assert_null(strstr(b.data, "f1 --> r1\n  f1 --> r1"));
	buf_free(&b);
	ast_doc_free(&d);
}

/* ---- running dot ---- */

static const char tiny[] = "digraph g { a -> b; }\n";

static bool have_dot(void)
{
	return system("command -v dot >/dev/null 2>&1") == 0;
}

static void test_dot_run_formats(void **state)
{
	(void)state;
	if (!have_dot())
		fail_msg("Graphviz's dot is not installed (make test-deps installs graphviz)");
	buf out = BUF_INIT, err = BUF_INIT;
	assert_int_equal(dot_run(tiny, strlen(tiny), DOT_SVG, NULL, &out, &err), 0);
	assert_non_null(strstr(out.data, "<svg"));
	buf_clear(&out);
	assert_int_equal(dot_run(tiny, strlen(tiny), DOT_PNG, NULL, &out, &err), 0);
	assert_memory_equal(out.data, "\x89PNG", 4);
	buf_clear(&out);
	assert_int_equal(dot_run(tiny, strlen(tiny), DOT_PDF, NULL, &out, &err), 0);
	assert_memory_equal(out.data, "%PDF", 4);
	/* the same bytes on every run: the creation date is fixed */
	buf again = BUF_INIT;
	sleep(1);
	assert_int_equal(dot_run(tiny, strlen(tiny), DOT_PDF, NULL, &again, &err), 0);
	assert_int_equal(out.len, again.len);
	assert_memory_equal(out.data, again.data, out.len);
	assert_int_equal(err.len, 0);
	buf_free(&again);
	buf_free(&out);
	buf_free(&err);
}

static void test_dot_run_missing(void **state)
{
	(void)state;
	buf out = BUF_INIT, err = BUF_INIT;
	dot_limits lim = {"briefc-test-no-such-dot", 0, 0, NULL};
	assert_int_equal(dot_run(tiny, strlen(tiny), DOT_SVG, &lim, &out, &err), -1);
	assert_non_null(strstr(err.data, "install the Debian package graphviz"));
	assert_int_equal(out.len, 0);
	buf_free(&out);
	buf_free(&err);
}

static void test_dot_run_fails(void **state)
{
	(void)state;
	if (!have_dot())
		fail_msg("Graphviz's dot is not installed");
	buf out = BUF_INIT, err = BUF_INIT;
	const char *bad = "digraph { a -> ; }";
	assert_int_equal(dot_run(bad, strlen(bad), DOT_SVG, NULL, &out, &err), -1);
	assert_non_null(strstr(err.data, "failed to draw the evidence map: "));
	assert_null(strchr(err.data, '\n'));
	assert_int_equal(out.len, 0);
	buf_free(&out);
	buf_free(&err);
}

/* A stand-in for dot: a shell script in a fresh folder. */
static char *script(const char *body)
{
	char dir[] = "/tmp/briefc-dotrun-XXXXXX";
	assert_non_null(mkdtemp(dir));
	buf p = BUF_INIT;
	buf_printf(&p, "%s/dot", dir);
	FILE *f = fopen(p.data, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	chmod(p.data, 0755);
	return buf_detach(&p);
}

static void unscript(char *path)
{
	unlink(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
	free(path);
}

static void test_dot_run_limits(void **state)
{
	(void)state;
	buf out = BUF_INIT, err = BUF_INIT;
	/* hangs: stopped at the deadline */
	char *p = script("exec sleep 30");
	dot_limits lim = {p, 300, 0, NULL};
	assert_int_equal(dot_run(tiny, strlen(tiny), DOT_SVG, &lim, &out, &err), -1);
	assert_non_null(strstr(err.data, "took longer than"));
	unscript(p);
	/* writes without end: stopped at the size limit */
	buf_clear(&err);
	p = script("exec yes");
	lim = (dot_limits){p, 0, 100000, NULL};
	assert_int_equal(dot_run(tiny, strlen(tiny), DOT_SVG, &lim, &out, &err), -1);
	assert_non_null(strstr(err.data, "wrote more than 100000 bytes"));
	assert_int_equal(out.len, 0);
	unscript(p);
	/* reads none of a large input: no SIGPIPE, its output kept */
	buf_clear(&err);
	p = script("echo drawn");
	lim = (dot_limits){p, 0, 0, NULL};
	size_t n = (size_t)4 << 20;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, 'x', n);
	assert_int_equal(dot_run(big, n, DOT_SVG, &lim, &out, &err), 0);
	assert_string_equal(out.data, "drawn\n");
	free(big);
	unscript(p);
	buf_free(&out);
	buf_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_graph_edges),
		cmocka_unit_test(test_graph_text),
		cmocka_unit_test(test_graph_wrap),
		cmocka_unit_test(test_escape_dot),
		cmocka_unit_test(test_escape_mermaid),
		cmocka_unit_test(test_render_mermaid),
		cmocka_unit_test(test_dot_run_formats),
		cmocka_unit_test(test_dot_run_missing),
		cmocka_unit_test(test_dot_run_fails),
		cmocka_unit_test(test_dot_run_limits),
	};
	return cmocka_run_group_tests_name("graph", tests, NULL, NULL);
}
