/*
 * test_json.c - the JSON backend on hand-built trees: string escaping,
 * exact output of a small document, the links both ways, locations in
 * code points, determinism, and depth that costs no stack.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

#include "escape.h"
#include "render_json.h"

/* ---- building documents by hand ---- */

static void doc_open(ast_doc *d, const char *text)
{
	memset(d, 0, sizeof *d);
	arena_init(&d->arena);
	diag_list_init(&d->diags, &d->src);
	assert_int_equal(source_init(&d->src, "t.brief", text, strlen(text),
				     &d->diags), 0);
	d->root = ast_new(d, AST_DOCUMENT, span_make(0, (uint32_t)d->src.len));
}

static void doc_close(ast_doc *d)
{
	ast_doc_free(d);
}

/* The span of the first occurrence of needle in the source. */
static span at(const ast_doc *d, const char *needle)
{
	const char *p = strstr(d->src.text, needle);
	assert_non_null(p);
	uint32_t s = (uint32_t)(p - d->src.text);
	return span_make(s, s + (uint32_t)strlen(needle));
}

static ast_node *add(ast_doc *d, ast_node *parent, ast_type t, span sp)
{
	ast_node *n = ast_new(d, t, sp);
	if (parent)
		ast_append(parent, n);
	return n;
}

/* A text node whose content is its source span. */
static ast_node *text(ast_doc *d, ast_node *parent, const char *needle)
{
	ast_node *n = add(d, parent, AST_TEXT, at(d, needle));
	ast_set_text(n, ast_str(d, needle, strlen(needle)));
	return n;
}

/* A field located at the first occurrences of its name and value. */
static ast_field *new_field(ast_doc *d, const char *name, const char *value)
{
	ast_field *f = arena_alloc(&d->arena, sizeof *f);
	f->name = ast_str(d, name, strlen(name));
	f->value = ast_str(d, value, strlen(value));
	f->name_at = at(d, name);
	f->value_at = at(d, value);
	return f;
}

static ast_field *fld(ast_doc *d, ast_node *block, const char *name,
		      const char *value)
{
	ast_field *f = new_field(d, name, value);
	ast_field **tail = &block->u.block->fields;
	while (*tail)
		tail = &(*tail)->next;
	*tail = f;
	return f;
}

/* An inline-text field whose inlines are one text node. */
static ast_field *inl_fld(ast_doc *d, ast_node *block, const char *name,
			  const char *value)
{
	ast_field *f = fld(d, block, name, value);
	f->inl = ast_new(d, AST_PARAGRAPH, f->value_at);
	text(d, f->inl, value);
	return f;
}

static ast_node *block(ast_doc *d, ast_block_kind k, const char *id,
		       const char *open, const char *whole)
{
	ast_node *n = add(d, d->root, AST_BLOCK, at(d, whole));
	n->u.block->kind = k;
	if (id)
		n->u.block->id = ast_str(d, id, strlen(id));
	n->u.block->open_at = at(d, open);
	ast_vec_push(&d->blocks, n);
	return n;
}

static ast_idlist idlist(ast_doc *d, const char *id, ast_node *target)
{
	ast_idlist l;
	l.v = arena_alloc(&d->arena, sizeof *l.v);
	l.n = 1;
	l.v[0].id = ast_str(d, id, strlen(id));
	l.v[0].target = target;
	return l;
}

static char *render(const ast_doc *d)
{
	buf out = BUF_INIT;
	assert_int_equal(render_json(d, &out), 0);
	return buf_detach(&out);
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("missing %s\nin:\n%s", needle, hay);
}

/* ---- strings ---- */

static char *escape(const char *s, size_t n)
{
	buf b = BUF_INIT;
	escape_json(&b, s, n);
	return buf_detach(&b);
}

static void test_string_escapes(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		size_t n;
		const char *out;
	} cases[] = {
		{"plain", 5, "\"plain\""},
		{"", 0, "\"\""},
		{"a\"b\\c/d", 7, "\"a\\\"b\\\\c/d\""},
		{"\n\t\r\b\f", 5, "\"\\n\\t\\r\\b\\f\""},
		{"\x01\x1f\x7f", 3, "\"\\u0001\\u001f\\u007f\""},
		{"nul\0x", 5, "\"nul\\u0000x\""},
		{"caf\xc3\xa9 \xf0\x9f\x98\x80", 10, "\"caf\xc3\xa9 \xf0\x9f\x98\x80\""},
		{"\xe2\x80\x94", 3, "\"\xe2\x80\x94\""},
		/* invalid: stray continuation, bad lead, truncated, overlong,
		 * surrogate, above U+10FFFF */
		{"\x80", 1, "\"\\ufffd\""},
		{"\xff", 1, "\"\\ufffd\""},
		{"\xc3", 1, "\"\\ufffd\""},
		{"\xe2\x80", 2, "\"\\ufffd\\ufffd\""},
		{"\xc0\x80", 2, "\"\\ufffd\\ufffd\""},
		{"\xe0\x80\x80", 3, "\"\\ufffd\\ufffd\\ufffd\""},
		{"\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\""},
		{"\xf4\x90\x80\x80", 4, "\"\\ufffd\\ufffd\\ufffd\\ufffd\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = escape(cases[i].in, cases[i].n);
		assert_string_equal(got, cases[i].out);
		free(got);
	}
}

/* Every byte value alone: the result is a valid JSON string. */
static void test_string_every_byte(void **state)
{
	(void)state;
	for (unsigned c = 0; c < 256; c++) {
		char in = (char)c;
		char *got = escape(&in, 1);
		size_t len = strlen(got);
		assert_true(len >= 3);
		assert_int_equal(got[0], '"');
		assert_int_equal(got[len - 1], '"');
		for (size_t k = 1; k + 1 < len; k++) {
			/* one byte in, so any byte >= 0x80 must have been replaced */
			assert_true((unsigned char)got[k] >= 0x20);
			assert_true((unsigned char)got[k] < 0x80);
		}
		if (c == '"' || c == '\\' || c < 0x20)
			assert_int_equal(got[1], '\\');
		free(got);
	}
}

/* ---- a small document, byte for byte ---- */

static const char small_src[] = "# Intro {#intro}\n"
				"\n"
				"Say \"hi\" *now*\n"
				"- caf\xc3\xa9 `x`\n";

static void build_small(ast_doc *d)
{
	doc_open(d, small_src);
	ast_node *h = add(d, d->root, AST_HEADING, at(d, "# Intro {#intro}"));
	h->u.heading->level = 1;
	h->u.heading->id = ast_str(d, "intro", 5);
	h->u.heading->explicit_id = true;
	text(d, h, "Intro");
	ast_vec_push(&d->headings, h);

	ast_node *p = add(d, d->root, AST_PARAGRAPH, at(d, "Say \"hi\" *now*"));
	text(d, p, "Say \"hi\" ");
	ast_node *em = add(d, p, AST_EMPH, at(d, "*now*"));
	text(d, em, "now");

	ast_node *l = add(d, d->root, AST_LIST, at(d, "- caf\xc3\xa9 `x`"));
	ast_node *it = add(d, l, AST_ITEM, at(d, "- caf\xc3\xa9 `x`"));
	ast_node *ip = add(d, it, AST_PARAGRAPH, at(d, "caf\xc3\xa9 `x`"));
	text(d, ip, "caf\xc3\xa9 ");
	ast_node *code = add(d, ip, AST_CODE, at(d, "`x`"));
	ast_set_text(code, ast_str(d, "x", 1));
}

static const char small_json[] =
	"{\n"
	"  \"format\":\"briefc\",\"version\":1,\n"
	"  \"source\":\"t.brief\",\n"
	"  \"files\":[\"t.brief\"],\n"
	"  \"meta\":{\"present\":false,\"title\":null,\"title_inline\":null,"
	"\"subtitle\":null,\"subtitle_inline\":null,\"organization\":null,"
	"\"authors\":[],\"affiliations\":[],\"date\":null,\"updated\":null,"
	"\"status\":\"draft\",\"lang\":\"en\",\"limit_words\":null,"
	"\"series\":null,\"number\":null,\"version\":null,\"paper\":\"a4\","
	"\"toc\":\"auto\",\"logo\":null,\"allow\":[],"
	"\"at\":[1,1],\"end\":[1,1]},\n"
	"  \"sections\":[\n"
	"    {\"id\":\"intro\",\"level\":1,\"title\":\"Intro\",\"at\":[1,1],\"end\":[1,17]}\n"
	"  ],\n"
	"  \"findings\":[],\n"
	"  \"recommendations\":[],\n"
	"  \"sources\":[],\n"
	"  \"areas\":[],\n"
	"  \"acronyms\":[],\n"
	"  \"tables\":[],\n"
	"  \"figures\":[],\n"
	"  \"boxes\":[],\n"
	"  \"footnotes\":[],\n"
	"  \"body\":[\n"
	"    {\"type\":\"heading\",\"at\":[1,1],\"level\":1,\"id\":\"intro\","
	"\"explicit_id\":true,\"children\":[{\"type\":\"text\",\"at\":[1,3],"
	"\"text\":\"Intro\",\"end\":[1,8]}],\"end\":[1,17]},\n"
	"    {\"type\":\"paragraph\",\"at\":[3,1],\"children\":["
	"{\"type\":\"text\",\"at\":[3,1],\"text\":\"Say \\\"hi\\\" \",\"end\":[3,10]},"
	"{\"type\":\"emph\",\"at\":[3,10],\"children\":[{\"type\":\"text\","
	"\"at\":[3,11],\"text\":\"now\",\"end\":[3,14]}],\"end\":[3,15]}],"
	"\"end\":[3,15]},\n"
	"    {\"type\":\"list\",\"at\":[4,1],\"ordered\":false,\"start\":null,"
	"\"children\":[{\"type\":\"item\",\"at\":[4,1],\"children\":["
	"{\"type\":\"paragraph\",\"at\":[4,3],\"children\":[{\"type\":\"text\","
	"\"at\":[4,3],\"text\":\"caf\xc3\xa9 \",\"end\":[4,8]},{\"type\":\"code\","
	"\"at\":[4,8],\"text\":\"x\",\"end\":[4,11]}],\"end\":[4,11]}],"
	"\"end\":[4,11]}],\"end\":[4,11]}\n"
	"  ]\n"
	"}\n";

static void test_small_document_exact(void **state)
{
	(void)state;
	ast_doc d;
	build_small(&d);
	char *got = render(&d);
	assert_string_equal(got, small_json);
	free(got);
	doc_close(&d);
}

/* Same input, same bytes: two documents built alike render alike. */
static void test_deterministic(void **state)
{
	(void)state;
	ast_doc a, b;
	build_small(&a);
	build_small(&b);
	char *ja = render(&a), *jb = render(&b), *ja2 = render(&a);
	assert_string_equal(ja, jb);
	assert_string_equal(ja, ja2);
	free(ja);
	free(jb);
	free(ja2);
	doc_close(&a);
	doc_close(&b);
}

/* ---- the semantic tables ---- */

static const char brief_src[] =
	"---\n"
	"title: A *bold* plan\n"
	"authors: Jane Doe; John Roe\n"
	"date: 2024-02-01\n"
	"status: final\n"
	"limit-words: 900\n"
	"---\n"
	"::: areas\n"
	"sec: Security\n"
	"eco: Economy\n"
	":::\n"
	"::: acronyms\n"
	"US: United States\n"
	":::\n"
	"::: finding f1\n"
	"claim: The US acts.\n"
	"evidence: e1\n"
	"confidence: high\n"
	":::\n"
	"::: recommendation r1\n"
	"action: Act now.\n"
	"area: sec\n"
	"addresses: f1\n"
	"actor: Congress\n"
	":::\n"
	"::: recommendation r2\n"
	"action: Trade more.\n"
	"area: eco\n"
	"addresses: f1\n"
	":::\n"
	"::: recommendation r3\n"
	"action: Patrol.\n"
	"area: sec\n"
	"addresses: f1\n"
	"priority: low\n"
	":::\n"
	"::: evidence e1\n"
	"title: Treaty text\n"
	"url: https://example.org/t?a=1&b=\"2\"\n"
	"authors: Ann Lee ;  Bo Kim;\n"
	":::\n"
	"::: evidence e2\n"
	"title: Unused report\n"
	":::\n";

static ast_node *rec(ast_doc *d, const char *id, const char *open,
		     const char *whole, const char *action, ast_node *area,
		     ast_node *finding, int number)
{
	ast_node *r = block(d, BK_RECOMMENDATION, id, open, whole);
	r->u.block->f_action = inl_fld(d, r, "action", action);
	r->u.block->area.id = area->u.entry->key;
	r->u.block->area.target = area;
	r->u.block->addresses = idlist(d, finding->u.block->id.p, finding);
	r->u.block->number = number;
	ast_vec_push(&d->recommendations, r);
	ast_vec_push(&finding->u.block->addressed_by, r);
	ast_vec_push(&area->u.entry->recommendations, r);
	return r;
}

static void build_brief(ast_doc *d)
{
	doc_open(d, brief_src);
	ast_meta *m = &d->meta;
	m->present = true;
	m->at = at(d, "---\ntitle: A *bold* plan\nauthors: Jane Doe; John Roe\n"
		   "date: 2024-02-01\nstatus: final\nlimit-words: 900\n---\n");
	m->title = new_field(d, "title", "A *bold* plan");
	m->title->inl = ast_new(d, AST_PARAGRAPH, m->title->value_at);
	text(d, m->title->inl, "A ");
	ast_node *st = add(d, m->title->inl, AST_STRONG, at(d, "*bold*"));
	text(d, st, "bold");
	text(d, m->title->inl, " plan");
	m->authors = new_field(d, "authors", "Jane Doe; John Roe");
	m->author_names = arena_alloc(&d->arena, 2 * sizeof(str));
	m->author_names[0] = ast_str(d, "Jane Doe", 8);
	m->author_names[1] = ast_str(d, "John Roe", 8);
	m->nauthors = 2;
	m->date = new_field(d, "date", "2024-02-01");
	m->status = new_field(d, "status", "final");
	m->final = true;
	m->limit_words = new_field(d, "limit-words", "900");
	m->limit = 900;
	m->fields = m->title;
	m->title->next = m->authors;
	m->authors->next = m->date;
	m->date->next = m->status;
	m->status->next = m->limit_words;

	ast_node *areas = block(d, BK_AREAS, NULL, "::: areas",
				"::: areas\nsec: Security\neco: Economy\n:::");
	ast_node *sec = add(d, areas, AST_AREA, at(d, "sec: Security"));
	sec->u.entry->key = ast_str(d, "sec", 3);
	sec->u.entry->value = ast_str(d, "Security", 8);
	ast_node *eco = add(d, areas, AST_AREA, at(d, "eco: Economy"));
	eco->u.entry->key = ast_str(d, "eco", 3);
	eco->u.entry->value = ast_str(d, "Economy", 7);
	ast_vec_push(&d->areas, sec);
	ast_vec_push(&d->areas, eco);

	ast_node *acr = block(d, BK_ACRONYMS, NULL, "::: acronyms",
			      "::: acronyms\nUS: United States\n:::");
	ast_node *us = add(d, acr, AST_ACRONYM, at(d, "US: United States"));
	us->u.entry->key = ast_str(d, "US", 2);
	us->u.entry->value = ast_str(d, "United States", 13);
	us->u.entry->uses = 1;
	ast_vec_push(&d->acronyms, us);

	ast_node *f1 = block(d, BK_FINDING, "f1", "::: finding f1",
			     "::: finding f1\nclaim: The US acts.\nevidence: e1\n"
			     "confidence: high\n:::");
	f1->u.block->f_claim = inl_fld(d, f1, "claim", "The US acts.");
	fld(d, f1, "evidence", "e1");
	fld(d, f1, "confidence", "high");
	f1->u.block->confidence = LV_HIGH;
	f1->u.block->number = 1;
	ast_vec_push(&d->findings, f1);

	rec(d, "r1", "::: recommendation r1", "::: recommendation r1\naction: Act now.",
	    "Act now.", sec, f1, 1);
	fld(d, d->recommendations.v[0], "actor", "Congress");
	rec(d, "r2", "::: recommendation r2",
	    "::: recommendation r2\naction: Trade more.", "Trade more.", eco, f1, 2);
	ast_node *r3 = rec(d, "r3", "::: recommendation r3",
			   "::: recommendation r3\naction: Patrol.", "Patrol.", sec,
			   f1, 3);
	r3->u.block->priority = LV_LOW;

	ast_node *e1 = block(d, BK_EVIDENCE, "e1", "::: evidence e1",
			     "::: evidence e1\ntitle: Treaty text");
	e1->u.block->f_title = inl_fld(d, e1, "title", "Treaty text");
	fld(d, e1, "url", "https://example.org/t?a=1&b=\"2\"");
	fld(d, e1, "authors", "Ann Lee ;  Bo Kim;");
	e1->u.block->number = 1;
	ast_vec_push(&e1->u.block->cited_by, f1);
	ast_vec_push(&d->evidence, e1);
	f1->u.block->evidence = idlist(d, "e1", e1);

	ast_node *e2 = block(d, BK_EVIDENCE, "e2", "::: evidence e2",
			     "::: evidence e2\ntitle: Unused report\n:::");
	e2->u.block->f_title = inl_fld(d, e2, "title", "Unused report");
	e2->u.block->number = 2;
	ast_vec_push(&d->evidence, e2);
	/* source-number order */
	ast_vec_push(&d->sources, e1);
	ast_vec_push(&d->sources, e2);
}

static void test_meta(void **state)
{
	(void)state;
	ast_doc d;
	build_brief(&d);
	char *j = render(&d);
	assert_contains(j, "\"meta\":{\"present\":true,\"title\":\"A bold plan\","
			   "\"title_inline\":[{\"type\":\"text\",\"at\":[2,8],"
			   "\"text\":\"A \",\"end\":[2,10]},{\"type\":\"strong\"");
	assert_contains(j, "\"subtitle\":null,\"subtitle_inline\":null,"
			   "\"organization\":null,"
			   "\"authors\":[\"Jane Doe\",\"John Roe\"],"
			   "\"affiliations\":[null,null],"
			   "\"date\":\"2024-02-01\",\"updated\":null,\"status\":\"final\","
			   "\"lang\":\"en\",\"limit_words\":900,");
	assert_contains(j, "\"allow\":[],\"at\":[1,1],\"end\":[8,1]}");
	free(j);
	doc_close(&d);
}

static void test_links_both_ways(void **state)
{
	(void)state;
	ast_doc d;
	build_brief(&d);
	char *j = render(&d);
	/* finding -> evidence (with source number), finding <- recommendations */
	assert_contains(j, "{\"id\":\"f1\",\"number\":1,\"claim\":\"The US acts.\","
			   "\"claim_inline\":[{\"type\":\"text\"");
	assert_contains(j, "\"confidence\":\"high\",\"evidence\":[{\"id\":\"e1\","
			   "\"kind\":\"evidence\",\"number\":1}],"
			   "\"addressed_by\":[{\"id\":\"r1\",\"kind\":"
			   "\"recommendation\",\"number\":1,\"at\":[20,1]},"
			   "{\"id\":\"r2\",\"kind\":\"recommendation\",\"number\":2,"
			   "\"at\":[26,1]},{\"id\":\"r3\",");
	/* recommendation -> finding and area */
	assert_contains(j, "{\"id\":\"r3\",\"number\":3,\"action\":\"Patrol.\"");
	assert_contains(j, "\"area\":{\"id\":\"sec\",\"title\":\"Security\"},"
			   "\"addresses\":[{\"id\":\"f1\",\"kind\":\"finding\","
			   "\"number\":1}],\"actor\":null,\"priority\":\"low\","
			   "\"horizon\":null");
	assert_contains(j, "\"actor\":\"Congress\",\"priority\":null");
	/* evidence <- finding; fields; authors split and trimmed */
	assert_contains(j, "{\"id\":\"e1\",\"number\":1,\"title\":\"Treaty text\"");
	assert_contains(j, "\"url\":\"https://example.org/t?a=1&b=\\\"2\\\"\","
			   "\"publisher\":null,\"date\":null,\"accessed\":null,"
			   "\"type\":null,\"authors\":[\"Ann Lee\",\"Bo Kim\"],"
			   "\"cited_by\":[{\"id\":\"f1\",\"kind\":\"finding\","
			   "\"number\":1,\"at\":[15,1]}]");
	assert_contains(j, "{\"id\":\"e2\",\"number\":2,\"title\":\"Unused report\"");
	assert_contains(j, "\"authors\":[],\"cited_by\":[]");
	/* areas list their recommendations in document order */
	assert_contains(j, "{\"id\":\"sec\",\"title\":\"Security\","
			   "\"recommendations\":[{\"id\":\"r1\",\"number\":1},"
			   "{\"id\":\"r3\",\"number\":3}],\"at\":[9,1],\"end\":[9,14]}");
	assert_contains(j, "{\"id\":\"eco\",\"title\":\"Economy\","
			   "\"recommendations\":[{\"id\":\"r2\",\"number\":2}]");
	assert_contains(j, "\"acronyms\":[\n    {\"abbr\":\"US\",\"expansion\":"
			   "\"United States\",\"uses\":1,\"at\":[13,1],\"end\":[13,18]}");
	/* the body keeps blocks with their fields */
	assert_contains(j, "{\"type\":\"block\",\"at\":[15,1],\"kind\":\"finding\","
			   "\"id\":\"f1\",\"number\":1,\"fields\":[{\"name\":"
			   "\"claim\",\"at\":[16,1],\"value\":\"The US acts.\","
			   "\"inline\":[{\"type\":\"text\",\"at\":[16,8],");
	assert_contains(j, "{\"type\":\"block\",\"at\":[8,1],\"kind\":\"areas\","
			   "\"id\":null,\"number\":null,\"fields\":[],\"children\":"
			   "[{\"type\":\"area\",\"at\":[9,1],\"id\":\"sec\","
			   "\"title\":\"Security\",\"end\":[9,14]},");
	free(j);
	doc_close(&d);
}

/* A reference renders its targets' kinds and numbers; unresolved is null. */
static void test_reference(void **state)
{
	(void)state;
	ast_doc d;
	doc_open(&d, "::: finding f1\nclaim: x\n:::\nSee [@f1; @zz].\n");
	ast_node *f1 = block(&d, BK_FINDING, "f1", "::: finding f1",
			     "::: finding f1\nclaim: x\n:::");
	f1->u.block->number = 1;
	ast_node *p = add(&d, d.root, AST_PARAGRAPH, at(&d, "See [@f1; @zz]."));
	text(&d, p, "See ");
	ast_node *r = add(&d, p, AST_REF, at(&d, "[@f1; @zz]"));
	r->u.ref->ids.v = arena_alloc(&d.arena, 2 * sizeof *r->u.ref->ids.v);
	r->u.ref->ids.n = 2;
	r->u.ref->ids.v[0].id = ast_str(&d, "f1", 2);
	r->u.ref->ids.v[0].target = f1;
	r->u.ref->ids.v[1].id = ast_str(&d, "zz", 2);
	char *j = render(&d);
	assert_contains(j, "{\"type\":\"ref\",\"at\":[4,5],\"ids\":[{\"id\":\"f1\","
			   "\"kind\":\"finding\",\"number\":1,\"locator\":null},{\"id\":\"zz\","
			   "\"kind\":null,\"number\":null,\"locator\":null}],\"children\":[],"
			   "\"end\":[4,15]}");
	free(j);
	doc_close(&d);
}

/* Columns count code points, on lines of any length, in both cursors. */
static void test_columns_code_points(void **state)
{
	(void)state;
	ast_doc d;
	doc_open(&d, "\xc3\xa9\xc3\xa9 *\xe2\x80\x94*\n\n\xf0\x9f\x98\x80 x\n");
	ast_node *p = add(&d, d.root, AST_PARAGRAPH,
			  at(&d, "\xc3\xa9\xc3\xa9 *\xe2\x80\x94*"));
	text(&d, p, "\xc3\xa9\xc3\xa9 ");
	ast_node *em = add(&d, p, AST_EMPH, at(&d, "*\xe2\x80\x94*"));
	text(&d, em, "\xe2\x80\x94");
	ast_node *q = add(&d, d.root, AST_PARAGRAPH, at(&d, "\xf0\x9f\x98\x80 x"));
	text(&d, q, "x");
	char *j = render(&d);
	assert_contains(j, "{\"type\":\"emph\",\"at\":[1,4],\"children\":"
			   "[{\"type\":\"text\",\"at\":[1,5],\"text\":\"\xe2\x80\x94\","
			   "\"end\":[1,6]}],\"end\":[1,7]}],\"end\":[1,7]}");
	assert_contains(j, "{\"type\":\"text\",\"at\":[3,3],\"text\":\"x\","
			   "\"end\":[3,4]}");
	free(j);
	doc_close(&d);
}

/*
 * Nesting as deep as the input allows costs no stack: 200000 nested
 * emphases would overflow a recursive walk.  The output closes every
 * bracket it opens.
 */
static void test_deep_nesting(void **state)
{
	(void)state;
	enum { DEPTH = 200000 };
	ast_doc d;
	doc_open(&d, "x\n");
	ast_node *n = add(&d, d.root, AST_PARAGRAPH, span_make(0, 1));
	for (int i = 0; i < DEPTH; i++)
		n = add(&d, n, AST_EMPH, span_make(0, 1));
	text(&d, n, "x");
	buf out = BUF_INIT;
	render_json(&d, &out);
	long depth = 0, maxdepth = 0;
	for (size_t i = 0; i < out.len; i++) {
		if (out.data[i] == '[' || out.data[i] == '{')
			depth++;
		else if (out.data[i] == ']' || out.data[i] == '}')
			depth--;
		if (depth > maxdepth)
			maxdepth = depth;
		assert_true(depth >= 0);
	}
	assert_int_equal(depth, 0);
	assert_true(maxdepth > 2 * DEPTH);
	buf_free(&out);
	doc_close(&d);
}

/* ---- documents through the whole front end ---- */

static const char loaded_src[] =
	"---\n"
	"title: Ports *and* Chips\n"
	"authors: A. Writer\n"
	"date: 2024-02-01\n"
	"---\n"
	"\n"
	"::: areas\n"
	"trade: Trade\n"
	":::\n"
	"\n"
	"# Context\n"
	"\n"
	"Shipping costs rose [@late].\n"
	"\n"
	"::: finding costs\n"
	"claim: Costs rose.\n"
	"evidence: early, late\n"
	":::\n"
	"\n"
	"::: recommendation ports\n"
	"action: Fund ports.\n"
	"area: trade\n"
	"addresses: costs\n"
	":::\n"
	"\n"
	"::: evidence early\n"
	"title: Early report\n"
	":::\n"
	"\n"
	"::: evidence late\n"
	"title: Late report\n"
	":::\n";

static char *load_render(const char *text, size_t len)
{
	ast_doc d;
	unit_loadn(&d, text, len);
	assert_int_equal(diag_count(&d.diags, DS_ERROR), 0);
	char *j = render(&d);
	ast_doc_free(&d);
	return j;
}

/* Sources come in order of first citation, with the numbers resolve gave. */
static void test_loaded_document(void **state)
{
	(void)state;
	char *j = load_render(loaded_src, strlen(loaded_src));
	assert_contains(j, "\"title\":\"Ports and Chips\"");
	assert_contains(j, "\"sources\":[\n    {\"id\":\"late\",\"number\":1,");
	assert_contains(j, ",\n    {\"id\":\"early\",\"number\":2,");
	assert_contains(j, "\"evidence\":[{\"id\":\"early\",\"kind\":\"evidence\","
			   "\"number\":2},{\"id\":\"late\",\"kind\":\"evidence\","
			   "\"number\":1}],\"addressed_by\":[{\"id\":\"ports\","
			   "\"kind\":\"recommendation\",\"number\":1,\"at\":[20,1]}]");
	assert_contains(j, "{\"type\":\"ref\",\"at\":[13,21],\"ids\":[{\"id\":"
			   "\"late\",\"kind\":\"evidence\",\"number\":1,\"locator\":null}]");
	assert_contains(j, "\"areas\":[\n    {\"id\":\"trade\",\"title\":\"Trade\","
			   "\"recommendations\":[{\"id\":\"ports\",\"number\":1}]");
	free(j);
}

/* LF and CRLF (and a BOM) give the same bytes: locations are in lines and
 * code points of the text as written. */
static void test_crlf_same_bytes(void **state)
{
	(void)state;
	size_t n = strlen(loaded_src);
	char *crlf = malloc(2 * n + 4), *p = crlf;
	memcpy(p, "\xef\xbb\xbf", 3);
	p += 3;
	for (size_t i = 0; i < n; i++) {
		if (loaded_src[i] == '\n')
			*p++ = '\r';
		*p++ = loaded_src[i];
	}
	char *a = load_render(loaded_src, n);
	char *b = load_render(crlf, (size_t)(p - crlf));
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(crlf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_string_escapes),
		cmocka_unit_test(test_string_every_byte),
		cmocka_unit_test(test_small_document_exact),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_meta),
		cmocka_unit_test(test_links_both_ways),
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_columns_code_points),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_loaded_document),
		cmocka_unit_test(test_crlf_same_bytes),
	};
	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
