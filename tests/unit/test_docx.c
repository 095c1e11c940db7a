/*
 * test_docx.c - the Word backend's parts: escape_xml, the ZIP writer and
 * reader (round trips, determinism, every kind of damaged archive), the
 * package's machinery (bookmark names, image sizes, pictures, tables,
 * panels, footnotes, templates) and the backend on small documents.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "docx.h"
#include "escape.h"
#include "render_docx.h"
#include "zip.h"

static char *xml(const char *s, size_t n)
{
	buf b = BUF_INIT;
	escape_xml(&b, s, n);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

static bool has(const buf *b, const char *needle)
{
	return b->data && strstr(b->data, needle) != NULL;
}

static size_t count(const buf *b, const char *needle)
{
	size_t n = 0;
	for (const char *p = b->data; p && (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/* ---- escape_xml ---- */

static void test_escape_xml(void **state)
{
	(void)state;
	char *s = xml("a<b>&\"c'", 8);
	assert_string_equal(s, "a&lt;b&gt;&amp;&quot;c'");
	free(s);
	s = xml("t\tn\nr\r", 6);
	assert_string_equal(s, "t n r ");
	free(s);
	/* C0, DEL, C1, U+FFFE, U+FFFF, bad UTF-8: U+FFFD */
	static const char bad[] = "\x01\x1f\x7f\xc2\x85\xc2\x9f\xef\xbf\xbe\xef\xbf\xbf\xff\xc3";
	s = xml(bad, sizeof bad - 1);
	assert_string_equal(s, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
			    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	free(s);
	/* everything else as it is */
	s = xml("\xc2\xa0\xc3\xa9\xe2\x80\x94\xf0\x9f\x98\x80\xef\xbf\xbd", 14);
	assert_string_equal(s, "\xc2\xa0\xc3\xa9\xe2\x80\x94\xf0\x9f\x98\x80\xef\xbf\xbd");
	free(s);
}

/* ---- ZIP ---- */

static void make_zip(buf *out)
{
	zip_writer z;
	zip_writer_init(&z, out);
	char big[5000];
	memset(big, 'a', sizeof big);
	zip_add(&z, "first.xml", "<x/>", 4, true);
	zip_add(&z, "big.txt", big, sizeof big, true);
	zip_add(&z, "stored.bin", "\x89PNG", 4, false);
	zip_add(&z, "empty", "", 0, true);
	assert_int_equal(zip_finish(&z), 0);
}

static void test_zip_round_trip(void **state)
{
	(void)state;
	buf a = BUF_INIT, b = BUF_INIT, err = BUF_INIT, got = BUF_INIT;
	make_zip(&a);
	make_zip(&b);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);	/* deterministic */
	assert_memory_equal(a.data, "PK\x03\x04", 4);
	/* fixed time and date, no extra field in the first local header */
	assert_memory_equal(a.data + 10, "\x00\x00\x21\x00", 4);
	assert_memory_equal(a.data + 28, "\x00\x00", 2);
	zip_reader z;
	assert_int_equal(zip_open(&z, a.data, a.len, &err), 0);
	assert_int_equal(z.n, 4);
	const zip_entry *e = zip_find(&z, "big.txt");
	assert_non_null(e);
	assert_int_equal(e->method, 8);
	assert_true(e->comp_size < 100);
	assert_int_equal(zip_extract(&z, e, 1 << 20, &got, &err), 0);
	assert_int_equal(got.len, 5000);
	assert_int_equal(got.data[4999], 'a');
	buf_clear(&got);
	e = zip_find(&z, "stored.bin");
	assert_int_equal(e->method, 0);
	assert_int_equal(zip_extract(&z, e, 100, &got, &err), 0);
	assert_memory_equal(got.data, "\x89PNG", 4);
	buf_clear(&got);
	assert_int_equal(zip_extract(&z, zip_find(&z, "empty"), 100, &got, &err), 0);
	assert_int_equal(got.len, 0);
	assert_null(zip_find(&z, "missing"));
	/* the limit holds before anything is inflated */
	assert_int_equal(zip_extract(&z, zip_find(&z, "big.txt"), 4999, &got, &err), -1);
	assert_non_null(strstr(err.data, "at most 4999"));
	zip_close(&z);
	buf_free(&a);
	buf_free(&b);
	buf_free(&err);
	buf_free(&got);
}

/* Open a copy of the archive with the byte at off (from the end when
 * negative) set to v; the result of zip_open, then of extracting
 * big.txt. */
static int patched(const buf *a, long off, unsigned char v, buf *err)
{
	buf c = BUF_INIT;
	buf_put(&c, a->data, a->len);
	size_t at = off < 0 ? c.len - (size_t)-off : (size_t)off;
	c.data[at] = (char)v;
	zip_reader z;
	int rc = zip_open(&z, c.data, c.len, err);
	if (rc == 0) {
		buf got = BUF_INIT;
		const zip_entry *e = zip_find(&z, "big.txt");
		rc = e ? zip_extract(&z, e, 1 << 20, &got, err) : 1;
		buf_free(&got);
		zip_close(&z);
	}
	buf_free(&c);
	return rc;
}

static void test_zip_damaged(void **state)
{
	(void)state;
	buf a = BUF_INIT, err = BUF_INIT;
	make_zip(&a);
	zip_reader z;
	/* not an archive; cut anywhere */
	assert_int_equal(zip_open(&z, "hello", 5, &err), -1);
	for (size_t cut = 0; cut < a.len; cut += 7)
		if (zip_open(&z, a.data, cut, &err) == 0)
			zip_close(&z);	/* a shorter archive may still parse: no crash */
	assert_int_equal(zip_open(&z, a.data, a.len - 1, &err), -1);
	/* the end record: central directory offset (byte 16 of 22) */
	assert_int_equal(patched(&a, -6 + 3, 0x7F, &err), -1);
	assert_non_null(strstr(err.data, "outside"));
	/* entry count: the Zip64 marker */
	buf c = BUF_INIT;
	buf_put(&c, a.data, a.len);
	memcpy(c.data + c.len - 12, "\xFF\xFF", 2);
	assert_int_equal(zip_open(&z, c.data, c.len, &err), -1);
	assert_non_null(strstr(err.data, "Zip64"));
	buf_free(&c);
	/* the deflated data of big.txt: a damaged stream or a bad CRC */
	size_t big = 30 + 9 + 4 + 30 + 7;	/* its data, after two headers */
	assert_int_equal(patched(&a, (long)big, 0xFF, &err), -1);
	assert_int_equal(patched(&a, (long)big + 3, 0x00, &err), -1);
	buf_free(&a);
	buf_free(&err);
}

static void test_zip_flags(void **state)
{
	(void)state;
	buf a = BUF_INIT, err = BUF_INIT;
	make_zip(&a);
	/* the central directory: find the first entry's header */
	size_t cd = 0;
	for (size_t i = 0; i + 4 <= a.len; i++)
		if (memcmp(a.data + i, "PK\x01\x02", 4) == 0) {
			cd = i;
			break;
		}
	assert_true(cd > 0);
	assert_int_equal(patched(&a, (long)cd + 8, 1, &err), -1);	/* encrypted */
	assert_non_null(strstr(err.data, "encrypted"));
	assert_int_equal(patched(&a, (long)cd + 10, 12, &err), -1);	/* bzip2 */
	assert_non_null(strstr(err.data, "method"));
	assert_int_equal(patched(&a, (long)cd + 45, 0x7F, &err), -1);	/* local offset */
	assert_non_null(strstr(err.data, "local header"));
	/* two entries of one name */
	buf t = BUF_INIT;
	zip_writer z;
	zip_writer_init(&z, &t);
	zip_add(&z, "a", "1", 1, false);
	zip_add(&z, "a", "2", 1, false);
	assert_int_equal(zip_finish(&z), 0);
	zip_reader r;
	assert_int_equal(zip_open(&r, t.data, t.len, &err), -1);
	assert_non_null(strstr(err.data, "same name"));
	buf_free(&t);
	buf_free(&a);
	buf_free(&err);
}

/* ---- the package's machinery ---- */

static void test_bookmark_names(void **state)
{
	(void)state;
	buf a = BUF_INIT, b = BUF_INIT;
	docx_bookmark_name(&a, "cite.mdt1953.1", 14);
	assert_string_equal(a.data, "cite.mdt1953.1");
	buf_clear(&a);
	const char *l1 = "a-very-long-identifier-of-a-section-number-one";
	const char *l2 = "a-very-long-identifier-of-a-section-number-two";
	docx_bookmark_name(&a, l1, strlen(l1));
	docx_bookmark_name(&b, l2, strlen(l2));
	assert_int_equal(a.len, 40);
	assert_int_equal(b.len, 40);
	assert_string_not_equal(a.data, b.data);
	assert_memory_equal(a.data, l1, 31);
	buf_clear(&b);
	docx_bookmark_name(&b, l1, strlen(l1));
	assert_string_equal(a.data, b.data);	/* a link and its target agree */
	buf_free(&a);
	buf_free(&b);
}

static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\x90\0\0\0\xc8\x08\x02\0\0\0";
static const char jpeg[] = "\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
			   "\xff\xc0\0\x11\x08\0\x64\0\x32\x03\x01\x22\0";

static void test_image_size(void **state)
{
	(void)state;
	bool jp;
	unsigned long w, h;
	assert_true(docx_image_size(png, sizeof png - 1, &jp, &w, &h));
	assert_false(jp);
	assert_int_equal(w, 400);
	assert_int_equal(h, 200);
	assert_true(docx_image_size(jpeg, sizeof jpeg - 1, &jp, &w, &h));
	assert_true(jp);
	assert_int_equal(w, 50);
	assert_int_equal(h, 100);
	assert_false(docx_image_size("GIF89a", 6, &jp, &w, &h));
	assert_false(docx_image_size(png, 20, &jp, &w, &h));
	assert_false(docx_image_size(jpeg, 25, &jp, &w, &h));
	/* a segment length running past the end */
	assert_false(docx_image_size("\xff\xd8\xff\xe0\xff\xff", 6, &jp, &w, &h));
}

static void test_picture(void **state)
{
	(void)state;
	docx_pkg p;
	docx_init(&p);
	buf b = BUF_INIT;
	assert_int_equal(docx_image_rel(&p, "GIF89a", 6), 0);
	unsigned rid = docx_image_rel(&p, png, sizeof png - 1);
	assert_true(rid >= 10);
	assert_true(docx_picture(&p, &b, rid, 50, 0, "Chart: \"A\" < B", 14));
	assert_true(has(&b, "descr=\"Chart: &quot;A&quot; &lt; B\""));
	char want[64];
	snprintf(want, sizeof want, "r:embed=\"rId%u\"", rid);
	assert_true(has(&b, want));
	/* half the A4 text width (9070 twips) in EMU, and half that high */
	assert_true(has(&b, "cx=\"2879725\" cy=\"1439862\""));
	assert_false(docx_picture(&p, &b, rid + 1, 50, 0, "", 0));
	assert_true(has(&p.rels, "Target=\"media/image1.png\""));
	buf_free(&b);
	docx_free(&p);
}

static void test_tables_panels_notes(void **state)
{
	(void)state;
	docx_pkg p;
	docx_init(&p);
	buf b = BUF_INIT;
	long grid[3];
	static const size_t chars[3] = {40, 12, 0};
	docx_table_grid(&p, 3, chars, grid);
	/* the text width (A4: 9070 twips), the long column widest, a short
	 * one not much less than half an equal share */
	assert_int_equal(grid[0] + grid[1] + grid[2], 9070);
	assert_true(grid[0] > grid[1] && grid[1] >= grid[2]);
	assert_true(grid[2] >= 9070 / 8);
	docx_table_open(&b, "BriefTable", 3, grid, "Costs & <jobs>", 14);
	docx_row_open(&b, true);
	for (int i = 0; i < 3; i++) {
		docx_cell_open(&b, grid[i]);
		docx_cell_close(&b, false);
	}
	docx_row_close(&b);
	docx_row_open(&b, false);
	docx_cell_open(&b, grid[0]);
	buf_puts(&b, "<w:p/>");
	docx_cell_close(&b, true);
	docx_row_close(&b);
	docx_table_close(&b);
	assert_int_equal(count(&b, "<w:gridCol "), 3);
	assert_int_equal(count(&b, "<w:tblHeader/>"), 1);
	assert_int_equal(count(&b, "<w:p/></w:tc>"), 4);
	assert_true(has(&b, "<w:tblCaption w:val=\"Costs &amp; &lt;jobs&gt;\"/>"));
	assert_string_equal(docx_align_jc(DOCX_ALIGN_RIGHT), "right");
	assert_null(docx_align_jc(DOCX_ALIGN_NONE));
	buf_clear(&b);
	docx_panel_open(&p, &b, "BriefBox");
	docx_panel_close(&b, false);
	assert_true(has(&b, "<w:tblStyle w:val=\"BriefBox\"/>"));
	assert_true(has(&b, "<w:p/></w:tc></w:tr></w:tbl><w:p><w:pPr><w:pStyle w:val=\"BriefPanelEnd\"/>"));
	buf_clear(&b);
	unsigned n = docx_note_open(&p);
	assert_int_equal(n, 1);
	docx_note_mark(&p.notes);
	docx_note_close(&p);
	docx_note_ref(&b, n);
	assert_true(has(&p.notes, "<w:footnote w:id=\"1\"><w:r>"));
	assert_true(has(&p.notes, "<w:footnoteRef/>"));
	assert_true(has(&b, "<w:footnoteReference w:id=\"1\"/>"));
	assert_int_equal(docx_note_open(&p), 2);
	assert_int_equal(docx_ordered_num(&p, 2, 7), 2);
	assert_true(has(&p.nums, "<w:lvlOverride w:ilvl=\"2\"><w:startOverride w:val=\"7\"/>"));
	buf_free(&b);
	docx_free(&p);
}

/* ---- the backend ---- */

static const char brief[] =
	"---\ntitle: T <&> \"q\"\nauthors: A; B\ndate: 2024-02-01\nlang: en-US\n---\n\n"
	"::: acronyms\nUS: United States\n:::\n\n"
	"# Head {#h}\n\nThe US and [x](https://e.org/?a=1&b=2) [@e] see [@h].\n\n"
	"3. one\n4. two\n\n- bullet\n\n> quote\n\n"
	"::: evidence e\ntitle: E\n:::\n";

/* The part name of the .docx that render_docx makes of text. */
static void part_of(const char *text, const char *ref, size_t ref_len, const char *name,
		    buf *out)
{
	ast_doc d;
	unit_loadn(&d, text, strlen(text));
	check_run_all(&d);
	buf pkg = BUF_INIT, err = BUF_INIT;
	assert_int_equal(render_docx(&d, NULL, ref, ref_len, &pkg, &err), 0);
	zip_reader z;
	assert_int_equal(zip_open(&z, pkg.data, pkg.len, &err), 0);
	const zip_entry *e = zip_find(&z, name);
	assert_non_null(e);
	assert_int_equal(zip_extract(&z, e, 1 << 24, out, &err), 0);
	zip_close(&z);
	buf_free(&pkg);
	buf_free(&err);
	ast_doc_free(&d);
}

static void test_backend(void **state)
{
	(void)state;
	buf doc = BUF_INIT, core = BUF_INIT, ct = BUF_INIT;
	part_of(brief, NULL, 0, "word/document.xml", &doc);
	assert_true(has(&doc, "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
			"T &lt;&amp;&gt; &quot;q&quot;</w:t>"));
	assert_true(has(&doc, "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:bookmarkStart w:id="));
	assert_true(has(&doc, "w:name=\"h\"/>"));
	assert_true(has(&doc, ">The United States (US) and </w:t>"));
	assert_true(has(&doc, "<w:hyperlink w:anchor=\"e\" w:history=\"1\">"));
	assert_true(has(&doc, "w:name=\"cite.e.1\"/><w:hyperlink"));
	assert_true(has(&doc, "<w:hyperlink w:anchor=\"h\""));
	/* the ordered list its own numbering, the bullets the shared one */
	assert_int_equal(count(&doc, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr>"), 2);
	assert_true(has(&doc, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"));
	assert_true(has(&doc, "<w:pStyle w:val=\"Quote\"/>"));
	assert_true(has(&doc, "<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"));	/* en-US: Letter */
	assert_false(has(&doc, "fldSimple"));
	buf_clear(&doc);
	part_of(brief, NULL, 0, "word/numbering.xml", &doc);
	assert_true(has(&doc, "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride"
			" w:ilvl=\"0\"><w:startOverride w:val=\"3\"/>"));
	part_of(brief, NULL, 0, "docProps/core.xml", &core);
	assert_true(has(&core, "<dc:title>T &lt;&amp;&gt; &quot;q&quot;</dc:title>"));
	assert_true(has(&core, "<dc:creator>A; B</dc:creator>"));
	assert_true(has(&core, "<dc:language>en-US</dc:language>"));
	assert_true(has(&core, ">2024-02-01T00:00:00Z</dcterms:created>"));
	part_of(brief, NULL, 0, "[Content_Types].xml", &ct);
	assert_false(has(&ct, "macroEnabled"));
	buf_free(&doc);
	buf_free(&core);
	buf_free(&ct);
}

/* Version 2: a table, a note used twice (one with a link), a numbered
 * box, a nested list, the title block's lines. */
static const char brief2[] =
	"---\ntitle: T\nauthors: A (Inst)\ndate: 2024-02\nupdated: 2024-03\n"
	"series: S\nnumber: N-1\nversion: 2\n---\n\n"
	"See [@t] and [@b]; a note[^n] and again[^n].\n\n"
	"- one\n  - two\n\n"
	"::: table t\ncaption: Costs\n\n| A | B |\n|:--|--:|\n| x | 1 |\n:::\n\n"
	"::: box b\ntitle: Key\ntype: key-points\n\nInside.\n:::\n\n"
	"[^n]: The note, [a link](https://e.org/).\n";

static void test_backend_v2(void **state)
{
	(void)state;
	buf doc = BUF_INIT, notes = BUF_INIT, rels = BUF_INIT;
	part_of(brief2, NULL, 0, "word/document.xml", &doc);
	/* the caption, with the table's bookmark, then the table */
	assert_true(has(&doc, "<w:pStyle w:val=\"Caption\"/></w:pPr><w:bookmarkStart w:id="));
	assert_true(has(&doc, ">Table 1:</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Costs"
			"</w:t></w:r></w:p><w:tbl>"));
	assert_int_equal(count(&doc, "<w:tblHeader/>"), 1);
	assert_true(has(&doc, "<w:pStyle w:val=\"BriefTableText\"/><w:jc w:val=\"right\"/>"));
	/* the first mark a footnote, the second its number linked to it */
	assert_int_equal(count(&doc, "<w:footnoteReference w:id=\"1\"/>"), 1);
	assert_true(has(&doc, "<w:hyperlink w:anchor=\"brief.noteref.1\" w:history=\"1\"><w:r>"
			"<w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:t xml:space="
			"\"preserve\">1</w:t>"));
	/* the box: its panel, label and title */
	assert_true(has(&doc, "<w:tblStyle w:val=\"BriefBoxKeyPoints\"/>"));
	assert_true(has(&doc, "<w:pStyle w:val=\"BriefBoxLabel\"/></w:pPr><w:bookmarkStart"));
	assert_true(has(&doc, ">Box 1</w:t>"));
	/* the nested list one level down */
	assert_true(has(&doc, "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr>"));
	/* the title block's lines */
	assert_true(has(&doc, "<w:rStyle w:val=\"BriefSeriesNumber\"/></w:rPr><w:t xml:space="
			"\"preserve\">N-1</w:t>"));
	assert_true(has(&doc, "<w:rStyle w:val=\"BriefAffiliation\"/></w:rPr><w:t xml:space="
			"\"preserve\">Inst</w:t>"));
	assert_true(has(&doc, "<w:pStyle w:val=\"BriefUpdated\"/></w:pPr><w:r><w:t xml:space="
			"\"preserve\">Updated March 2024</w:t>"));
	assert_true(has(&doc, ">Version 2</w:t>"));
	/* the note's text, its number first, its link in its own part's
	 * relationships */
	part_of(brief2, NULL, 0, "word/footnotes.xml", &notes);
	assert_true(has(&notes, "<w:footnote w:id=\"1\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/>"
			"</w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/>"));
	assert_true(has(&notes, "The note, </w:t>"));
	assert_true(has(&notes, "<w:hyperlink r:id=\"rId"));
	part_of(brief2, NULL, 0, "word/_rels/footnotes.xml.rels", &rels);
	assert_true(has(&rels, "Target=\"https://e.org/\" TargetMode=\"External\""));
	buf_free(&doc);
	buf_free(&notes);
	buf_free(&rels);
}

/* The colon after a label is the language's: French a no-break space
 * before it, Japanese the full-width colon with no space after. */
static void test_label_colon(void **state)
{
	(void)state;
	static const char fr[] =
		"---\ntitle: T\nauthors: A\ndate: 2024-02\nlang: fr\n---\n\n"
		"See [@t].\n\n"
		"::: table t\ncaption: Costs\nnote: N.\n\n| A | B |\n|:--|--:|\n| x | 1 |\n:::\n";
	static const char ja[] =
		"---\ntitle: T\nauthors: A\ndate: 2024-02\nlang: ja\n---\n\n"
		"See [@t].\n\n"
		"::: table t\ncaption: Costs\nnote: N.\n\n| A | B |\n|:--|--:|\n| x | 1 |\n:::\n";
	buf doc = BUF_INIT;
	part_of(fr, NULL, 0, "word/document.xml", &doc);
	assert_true(has(&doc, ">Tableau 1\xC2\xA0:</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Costs"));
	assert_true(has(&doc, ">Note\xC2\xA0:</w:t></w:r><w:r><w:t xml:space=\"preserve\"> N."));
	buf_clear(&doc);
	part_of(ja, NULL, 0, "word/document.xml", &doc);
	assert_true(has(&doc, ">\xE8\xA1\xA8 1\xEF\xBC\x9A</w:t></w:r><w:r><w:t xml:space=\"preserve\">Costs"));
	assert_false(has(&doc, ":</w:t>"));
	buf_free(&doc);
}

static void test_reference(void **state)
{
	(void)state;
	/* a template: a package whose styles define Heading1 its own way */
	buf tpl = BUF_INIT, err = BUF_INIT, styles = BUF_INIT;
	zip_writer z;
	zip_writer_init(&z, &tpl);
	const char *s = "<?xml version=\"1.0\"?><w:styles xmlns:w=\"x\"><w:style w:type=\"paragraph\""
			" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><!--house--></w:style>"
			"</w:styles>";
	zip_add(&z, "word/styles.xml", s, strlen(s), true);
	assert_int_equal(zip_finish(&z), 0);
	part_of(brief, tpl.data, tpl.len, "word/styles.xml", &styles);
	assert_true(has(&styles, "<!--house-->"));
	assert_int_equal(count(&styles, "w:styleId=\"Heading1\""), 1);
	assert_int_equal(count(&styles, "w:styleId=\"BriefFindingCard\""), 1);
	assert_true(styles.len > 4 && strcmp(styles.data + styles.len - 12, "</w:styles>") != 0);
	assert_non_null(strstr(styles.data, "</w:styles>"));
	/* a template without styles, or not a ZIP */
	docx_pkg p;
	docx_init(&p);
	buf none = BUF_INIT;
	zip_writer_init(&z, &none);
	zip_add(&z, "word/document.xml", "<x/>", 4, true);
	assert_int_equal(zip_finish(&z), 0);
	assert_int_equal(docx_reference(&p, none.data, none.len, &err), -1);
	assert_non_null(strstr(err.data, "no word/styles.xml"));
	assert_int_equal(docx_reference(&p, "PK", 2, &err), -1);
	docx_free(&p);
	buf_free(&none);
	buf_free(&tpl);
	buf_free(&err);
	buf_free(&styles);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_xml),
		cmocka_unit_test(test_zip_round_trip),
		cmocka_unit_test(test_zip_damaged),
		cmocka_unit_test(test_zip_flags),
		cmocka_unit_test(test_bookmark_names),
		cmocka_unit_test(test_image_size),
		cmocka_unit_test(test_picture),
		cmocka_unit_test(test_tables_panels_notes),
		cmocka_unit_test(test_backend),
		cmocka_unit_test(test_backend_v2),
		cmocka_unit_test(test_label_colon),
		cmocka_unit_test(test_reference),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
