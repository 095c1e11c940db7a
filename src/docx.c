/*
 * docx.c - the Word document package (docx.h): its parts, their
 * relationships, the XML of tables, panels, pictures and footnotes, a
 * template's styles, and the ZIP archive that holds them.
 *
 * The package is the same bytes for the same input: parts in a fixed
 * order, numbered relationships, the front matter's date as the only
 * timestamp (zip.h fixes the archive's).
 */
#include "docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx_styles.h"
#include "escape.h"
#include "utf8.h"
#include "xalloc.h"
#include "zip.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT "application/vnd.openxmlformats-officedocument."
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Fixed relationships of word/document.xml; the others count from here. */
enum { RID_STYLES = 1, RID_NUMBERING, RID_FOOTNOTES, RID_SETTINGS, RID_THEME, RID_FIRST = 10 };

/* Page geometry, in twips: A4 or Letter, 2.5 cm margins. */
#define MARGIN 1418L
#define EMU_PER_TWIP 635L
/* A pixel at 96 an inch; a picture's greatest height, in EMU (22 cm). */
#define EMU_PER_PIXEL 9525.0
#define MAX_HEIGHT 8000000.0

void docx_init(docx_pkg *p)
{
	memset(p, 0, sizeof *p);
	p->next_rid = RID_FIRST;
	p->next_num = DOCX_BULLETS + 1;
	p->next_note = 1;
	p->next_drawing = 1;
	strcpy(p->date, "1980-01-01T00:00:00Z");
}

void docx_free(docx_pkg *p)
{
	buf *bufs[] = {&p->body, &p->notes, &p->rels, &p->note_rels, &p->nums, &p->title, &p->subject,
		       &p->creator, &p->lang, &p->description, &p->ref_styles, &p->ref_theme,
		       &p->company};
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		buf_free(bufs[i]);
	for (size_t i = 0; i < p->nimages; i++)
		free(p->images[i].data);
	free(p->images);
	memset(p, 0, sizeof *p);
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

void docx_set_date(docx_pkg *p, const char *d, size_t n)
{
	char y[5] = "1980", m[3] = "01", day[3] = "01";
	if (n >= 4 && digits(d, 4))
		memcpy(y, d, 4);
	if (n >= 7 && d[4] == '-' && digits(d + 5, 2))
		memcpy(m, d + 5, 2);
	if (n >= 10 && d[7] == '-' && digits(d + 8, 2))
		memcpy(day, d + 8, 2);
	snprintf(p->date, sizeof p->date, "%s-%s-%sT00:00:00Z", y, m, day);
}

long docx_text_width(const docx_pkg *p)
{
	return (p->letter ? 12240L : 11906L) - 2 * MARGIN;
}

/* ---- relationships ---- */

static void rel(buf *b, unsigned id, const char *type, const char *target, bool external)
{
	buf_puts(b, "<Relationship Id=\"rId");
	buf_put_ulong(b, id);
	buf_puts(b, "\" Type=\"" REL);
	buf_puts(b, type);
	buf_puts(b, "\" Target=\"");
	buf_puts(b, target);
	buf_puts(b, external ? "\" TargetMode=\"External\"/>" : "\"/>");
}

unsigned docx_link_rel(docx_pkg *p, bool note, const char *url, size_t n)
{
	buf x = BUF_INIT;
	escape_url(&x, url, n, ESCAPE_URL_XML);
	unsigned id = p->next_rid++;
	rel(note ? &p->note_rels : &p->rels, id, "hyperlink", x.data ? x.data : "", true);
	buf_free(&x);
	return id;
}

unsigned docx_image_rel(docx_pkg *p, const char *data, size_t len)
{
	bool jpeg;
	unsigned long w, h;
	if (!docx_image_size(data, len, &jpeg, &w, &h))
		return 0;
	p->images = xgrow(p->images, &p->cimages, p->nimages, sizeof *p->images,
			  "the document's images");
	docx_image *im = &p->images[p->nimages++];
	im->data = xmalloc(len, "an image");
	memcpy(im->data, data, len);
	im->len = len;
	im->jpeg = jpeg;
	im->rid = p->next_rid++;
	char target[64];
	snprintf(target, sizeof target, "media/image%zu.%s", p->nimages, jpeg ? "jpeg" : "png");
	rel(&p->rels, im->rid, "image", target, false);
	return im->rid;
}

/* ---- names ---- */

void docx_bookmark_name(buf *out, const char *id, size_t n)
{
	if (n <= 40) {
		escape_xml(out, id, n);
		return;
	}
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)id[i]) * 16777619u;
	/* 31 bytes, less a cut UTF-8 sequence (IDs are ASCII today) */
	escape_xml(out, id, utf8_start(id, n, 31));
	char hex[16];
	snprintf(hex, sizeof hex, "_%08x", (unsigned)h);
	buf_puts(out, hex);
}

/* ---- lists ---- */

unsigned docx_ordered_num(docx_pkg *p, int level, long start)
{
	unsigned id = p->next_num++;
	buf_printf(&p->nums, "<w:num w:numId=\"%u\"><w:abstractNumId w:val=\"1\"/>"
		   "<w:lvlOverride w:ilvl=\"%d\"><w:startOverride w:val=\"%ld\"/></w:lvlOverride></w:num>",
		   id, level, start < 0 ? 0 : start);
	return id;
}

/* ---- tables and panels ---- */

const char *docx_align_jc(docx_align a)
{
	switch (a) {
	case DOCX_ALIGN_LEFT: return "left";
	case DOCX_ALIGN_CENTER: return "center";
	case DOCX_ALIGN_RIGHT: return "right";
	default: return NULL;
	}
}

static void table_head(buf *b, const char *style, bool first_row, const char *caption,
		       size_t caption_len)
{
	buf_puts(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"");
	buf_puts(b, style);
	buf_puts(b, "\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>");
	buf_puts(b, first_row ? "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\""
		 : "<w:tblLook w:val=\"0400\" w:firstRow=\"0\" w:lastRow=\"0\"");
	buf_puts(b, " w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>");
	if (caption_len) {
		buf_puts(b, "<w:tblCaption w:val=\"");
		escape_xml(b, caption, caption_len);
		buf_puts(b, "\"/>");
	}
	buf_puts(b, "</w:tblPr>");
}

void docx_table_grid(const docx_pkg *p, size_t ncols, const size_t *chars, long *twips)
{
	if (!ncols)
		return;
	/* in doubles: a column's characters are counted in size_t; a cell's
	 * margins are worth about two characters */
	double total = 0, floor = 0.5 / (double)ncols, sum = 0;
	for (size_t k = 0; k < ncols; k++)
		total += (chars ? (double)chars[k] : 1) + 2;
	for (size_t k = 0; k < ncols; k++) {
		double share = ((chars ? (double)chars[k] : 1) + 2) / total;
		sum += share < floor ? floor : share;
	}
	long width = docx_text_width(p), left = width;
	for (size_t k = 0; k < ncols; k++) {
		double share = ((chars ? (double)chars[k] : 1) + 2) / total;
		long w = (long)((double)width * (share < floor ? floor : share) / sum);
		twips[k] = w > 1 ? w : 1;
		left -= twips[k];
	}
	if (left > 0)	/* what rounding left over: the last column's */
		twips[ncols - 1] += left;
}

void docx_table_open(buf *b, const char *style, size_t ncols, const long *twips,
		     const char *caption, size_t caption_len)
{
	table_head(b, style, true, caption, caption_len);
	buf_puts(b, "<w:tblGrid>");
	for (size_t i = 0; i < ncols; i++)
		buf_printf(b, "<w:gridCol w:w=\"%ld\"/>", twips[i]);
	buf_puts(b, "</w:tblGrid>");
}

void docx_row_open(buf *b, bool header)
{
	buf_puts(b, header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr>");
}

void docx_cell_open(buf *b, long twips)
{
	buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/></w:tcPr>", twips);
}

void docx_cell_close(buf *b, bool had_para)
{
	buf_puts(b, had_para ? "</w:tc>" : "<w:p/></w:tc>");
}

void docx_row_close(buf *b)
{
	buf_puts(b, "</w:tr>");
}

void docx_table_close(buf *b)
{
	buf_puts(b, "</w:tbl>");
}

void docx_panel_open(const docx_pkg *p, buf *b, const char *style)
{
	table_head(b, style, false, NULL, 0);
	buf_printf(b, "<w:tblGrid><w:gridCol w:w=\"%ld\"/></w:tblGrid>", docx_text_width(p));
	buf_puts(b, "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"5000\" w:type=\"pct\"/></w:tcPr>");
}

void docx_panel_close(buf *b, bool had_para)
{
	buf_puts(b, had_para ? "" : "<w:p/>");
	buf_puts(b, "</w:tc></w:tr></w:tbl>"
		 "<w:p><w:pPr><w:pStyle w:val=\"BriefPanelEnd\"/></w:pPr></w:p>");
}

/* ---- pictures ---- */

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 |
	       p[3];
}

bool docx_image_size(const char *data, size_t len, bool *jpeg, unsigned long *w,
		     unsigned long *h)
{
	const unsigned char *p = (const unsigned char *)data;
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
	if (len >= 24 && memcmp(p, png, 8) == 0 && memcmp(p + 12, "IHDR", 4) == 0) {
		*jpeg = false;
		*w = be32(p + 16);
		*h = be32(p + 20);
		return *w && *h;
	}
	if (len < 4 || p[0] != 0xFF || p[1] != 0xD8)
		return false;
	/* JPEG: marker segments up to a start of frame */
	size_t i = 2;
	while (i + 4 <= len) {
		if (p[i] != 0xFF)
			return false;
		unsigned m = p[i + 1];
		if (m == 0xFF) {	/* fill byte */
			i++;
			continue;
		}
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
			i += 2;
			continue;
		}
		size_t seg = (size_t)p[i + 2] << 8 | p[i + 3];
		if (seg < 2 || m == 0xD9 || m == 0xDA)
			return false;	/* image data before any frame */
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (seg < 7 || i + 9 > len)
				return false;
			*jpeg = true;
			*h = (unsigned long)p[i + 5] << 8 | p[i + 6];
			*w = (unsigned long)p[i + 7] << 8 | p[i + 8];
			return *w && *h;
		}
		i += 2 + seg;
	}
	return false;
}

static const docx_image *image_of(const docx_pkg *p, unsigned rid)
{
	for (size_t i = 0; i < p->nimages; i++)
		if (p->images[i].rid == rid)
			return &p->images[i];
	return NULL;
}

bool docx_picture(docx_pkg *p, buf *b, unsigned rid, int width_pct, long height_emu,
		  const char *alt, size_t alt_len)
{
	const docx_image *im = image_of(p, rid);
	bool jpeg;
	unsigned long pw, ph;
	if (!im || !docx_image_size(im->data, im->len, &jpeg, &pw, &ph))
		return false;
	/* EMU, in doubles: a pixel size has 32 bits; the height in proportion */
	double text = (double)docx_text_width(p) * EMU_PER_TWIP, cx;
	if (height_emu > 0)
		cx = (double)height_emu * (double)pw / (double)ph;
	else if (width_pct >= 10 && width_pct <= 100)
		cx = text * width_pct / 100;
	else
		cx = (double)pw * EMU_PER_PIXEL;
	if (cx > text)
		cx = text;
	double cy = cx * (double)ph / (double)pw;
	if (cy > MAX_HEIGHT) {	/* taller than a page: fit the height */
		cx = cx * MAX_HEIGHT / cy;
		cy = MAX_HEIGHT;
	}
	unsigned long long ecx = cx < 1 ? 1 : (unsigned long long)cx;
	unsigned long long ecy = cy < 1 ? 1 : (unsigned long long)cy;
	unsigned n = p->next_drawing++;
	char size[96];
	snprintf(size, sizeof size, "cx=\"%llu\" cy=\"%llu\"", ecx, ecy);
	buf_puts(b, "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
		 "<wp:extent ");
	buf_puts(b, size);
	buf_printf(b, "/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"%u\""
		   " name=\"Picture %u\" descr=\"", n, n);
	escape_xml(b, alt, alt_len);
	buf_puts(b, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
		 "</wp:cNvGraphicFramePr><a:graphic><a:graphicData"
		 " uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
		 "<pic:pic><pic:nvPicPr>");
	buf_printf(b, "<pic:cNvPr id=\"%u\" name=\"image%u\" descr=\"", n, n);
	escape_xml(b, alt, alt_len);
	buf_printf(b, "\"/><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\" noChangeArrowheads=\"1\"/>"
		   "</pic:cNvPicPr></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rId%u\"/>"
		   "<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr bwMode=\"auto\">"
		   "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext ", rid);
	buf_puts(b, size);
	buf_puts(b, "/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
		 "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>");
	return true;
}

/* ---- footnotes ---- */

unsigned docx_note_open(docx_pkg *p)
{
	unsigned id = p->next_note++;
	buf_printf(&p->notes, "<w:footnote w:id=\"%u\">", id);
	return id;
}

void docx_note_mark(buf *b)
{
	buf_puts(b, "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/>"
		 "</w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>");
}

void docx_note_close(docx_pkg *p)
{
	buf_puts(&p->notes, "</w:footnote>");
}

void docx_note_ref(buf *b, unsigned id)
{
	buf_printf(b, "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
		   "<w:footnoteReference w:id=\"%u\"/></w:r>", id);
}

/* ---- a template ---- */

static bool valid_utf8(const char *s, size_t n)
{
	for (size_t i = 0, len; i < n; i += len) {
		if (s[i] == '\0')
			return false;
		uint32_t c = utf8_decode(s + i, n - i, &len);
		if (c == 0xFFFD && len == 1)
			return false;
	}
	return true;
}

static bool contains(const buf *b, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= b->len; i++)
		if (b->data[i] == needle[0] && memcmp(b->data + i, needle, n) == 0)
			return true;
	return false;
}

/* An XML part of the template, checked enough to be carried over whole:
 * UTF-8, and the root element expected. */
static int take_part(const zip_reader *z, const char *name, const char *root, bool required,
		     buf *out, buf *err)
{
	const zip_entry *e = zip_find(z, name);
	if (!e) {
		if (!required)
			return 0;
		buf_clear(err);
		buf_printf(err, "it has no %s", name);
		return -1;
	}
	buf msg = BUF_INIT;
	if (zip_extract(z, e, DOCX_MAX_PART, out, &msg) != 0) {
		buf_clear(err);
		buf_printf(err, "%s: %s", name, msg.data ? msg.data : "");
		buf_free(&msg);
		return -1;
	}
	buf_free(&msg);
	if (!valid_utf8(out->data, out->len) || !contains(out, root)) {
		buf_clear(err);
		buf_printf(err, "%s is not the XML part it should be", name);
		buf_clear(out);
		return -1;
	}
	return 0;
}

int docx_reference(docx_pkg *p, const char *data, size_t len, buf *err)
{
	zip_reader z;
	if (zip_open(&z, data, len, err) != 0)
		return -1;
	buf_clear(&p->ref_styles);
	buf_clear(&p->ref_theme);
	int rc = take_part(&z, "word/styles.xml", "</w:styles>", true, &p->ref_styles, err);
	if (rc == 0)
		rc = take_part(&z, "word/theme/theme1.xml", "<a:theme", false, &p->ref_theme, err);
	zip_close(&z);
	if (rc != 0) {
		buf_clear(&p->ref_styles);
		buf_clear(&p->ref_theme);
	}
	return rc;
}

/* Whether styles.xml text s defines style id. */
static bool defines_style(const buf *s, const char *id)
{
	buf pat = BUF_INIT;
	buf_puts(&pat, "w:styleId=\"");
	buf_puts(&pat, id);
	buf_puts(&pat, "\"");
	bool found = contains(s, pat.data);
	buf_free(&pat);
	return found;
}

/* The template's styles, completed with ours that it lacks; or ours. */
static void styles_part(const docx_pkg *p, buf *b)
{
	if (!p->ref_styles.len) {
		docx_styles_head(b, p->lang.len ? p->lang.data : "en", p->lang.len ? p->lang.len : 2);
		for (size_t i = 0; i < docx_nstyles; i++)
			buf_puts(b, docx_styles[i].xml);
		buf_puts(b, docx_styles_tail);
		return;
	}
	const buf *t = &p->ref_styles;
	size_t end = t->len;
	static const char close[] = "</w:styles>";
	while (end >= sizeof close - 1 && memcmp(t->data + end - (sizeof close - 1), close,
						 sizeof close - 1) != 0)
		end--;
	end -= sizeof close - 1;	/* take_part saw it */
	buf_put(b, t->data, end);
	for (size_t i = 0; i < docx_nstyles; i++)
		if (!defines_style(t, docx_styles[i].id))
			buf_puts(b, docx_styles[i].xml);
	buf_put(b, t->data + end, t->len - end);
}

/* ---- the package ---- */

static void content_types(const docx_pkg *p, buf *b)
{
	buf_puts(b, XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
		 "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
		 "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		 "<Default Extension=\"png\" ContentType=\"image/png\"/>"
		 "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
		 "<Override PartName=\"/word/document.xml\" ContentType=\"" CT "wordprocessingml.document.main+xml\"/>"
		 "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT "wordprocessingml.styles+xml\"/>"
		 "<Override PartName=\"/word/numbering.xml\" ContentType=\"" CT "wordprocessingml.numbering+xml\"/>"
		 "<Override PartName=\"/word/footnotes.xml\" ContentType=\"" CT "wordprocessingml.footnotes+xml\"/>"
		 "<Override PartName=\"/word/settings.xml\" ContentType=\"" CT "wordprocessingml.settings+xml\"/>");
	if (p->ref_theme.len)
		buf_puts(b, "<Override PartName=\"/word/theme/theme1.xml\" ContentType=\"" CT "theme+xml\"/>");
	buf_puts(b, "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
		 "<Override PartName=\"/docProps/app.xml\" ContentType=\"" CT "extended-properties+xml\"/>"
		 "</Types>");
}

static void package_rels(buf *b)
{
	buf_puts(b, XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		 "<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" Target=\"word/document.xml\"/>"
		 "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
		 "<Relationship Id=\"rId3\" Type=\"" REL "extended-properties\" Target=\"docProps/app.xml\"/>"
		 "</Relationships>");
}

static void element(buf *b, const char *tag, const buf *text)
{
	if (!text->len)
		return;
	buf_printf(b, "<%s>", tag);
	escape_xml(b, text->data, text->len);
	buf_printf(b, "</%s>", tag);
}

static void core_props(const docx_pkg *p, buf *b)
{
	buf_puts(b, XML_DECL "<cp:coreProperties"
		 " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
		 " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
		 " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\""
		 " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
	element(b, "dc:title", &p->title);
	element(b, "dc:subject", &p->subject);
	element(b, "dc:creator", &p->creator);
	element(b, "dc:description", &p->description);
	element(b, "dc:language", &p->lang);
	buf_printf(b, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
		   "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
		   "</cp:coreProperties>", p->date, p->date);
}

static void app_props(const docx_pkg *p, buf *b)
{
	buf_puts(b, XML_DECL "<Properties"
		 " xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
		 " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
		 "<Application>briefc</Application>");
	element(b, "Company", &p->company);
	buf_puts(b, "</Properties>");
}

static void document_part(const docx_pkg *p, buf *b)
{
	buf_puts(b, XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\""
		 " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
		 " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
		 " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>");
	buf_put(b, p->body.data ? p->body.data : "", p->body.len);
	buf_printf(b, "<w:sectPr><w:pgSz w:w=\"%ld\" w:h=\"%ld\"/><w:pgMar w:top=\"%ld\""
		   " w:right=\"%ld\" w:bottom=\"%ld\" w:left=\"%ld\" w:header=\"709\" w:footer=\"709\""
		   " w:gutter=\"0\"/><w:cols w:space=\"708\"/></w:sectPr></w:body></w:document>",
		   p->letter ? 12240L : 11906L, p->letter ? 15840L : 16838L, MARGIN, MARGIN, MARGIN,
		   MARGIN);
}

static void document_rels(const docx_pkg *p, buf *b)
{
	buf_puts(b, XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
	rel(b, RID_STYLES, "styles", "styles.xml", false);
	rel(b, RID_NUMBERING, "numbering", "numbering.xml", false);
	rel(b, RID_FOOTNOTES, "footnotes", "footnotes.xml", false);
	rel(b, RID_SETTINGS, "settings", "settings.xml", false);
	if (p->ref_theme.len)
		rel(b, RID_THEME, "theme", "theme/theme1.xml", false);
	buf_put(b, p->rels.data ? p->rels.data : "", p->rels.len);
	buf_puts(b, "</Relationships>");
}

static void footnotes_part(const docx_pkg *p, buf *b)
{
	buf_puts(b, XML_DECL "<w:footnotes xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\">"
		 "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\""
		 " w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
		 "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing"
		 " w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/>"
		 "</w:r></w:p></w:footnote>");
	buf_put(b, p->notes.data ? p->notes.data : "", p->notes.len);
	buf_puts(b, "</w:footnotes>");
}

static void settings_part(buf *b)
{
	buf_puts(b, XML_DECL "<w:settings xmlns:w=\"" NS_W "\"><w:zoom w:percent=\"100\"/>"
		 "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
		 "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
		 "<w:compat><w:compatSetting w:name=\"compatibilityMode\""
		 " w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
		 "</w:settings>");
}

/* Add the part that write made in t, then empty t. */
static void add(zip_writer *z, const char *name, buf *t)
{
	zip_add(z, name, t->data ? t->data : "", t->len, true);
	buf_clear(t);
}

int docx_write(docx_pkg *p, buf *out, buf *err)
{
	zip_writer z;
	buf t = BUF_INIT;
	zip_writer_init(&z, out);
	content_types(p, &t);
	add(&z, "[Content_Types].xml", &t);
	package_rels(&t);
	add(&z, "_rels/.rels", &t);
	core_props(p, &t);
	add(&z, "docProps/core.xml", &t);
	app_props(p, &t);
	add(&z, "docProps/app.xml", &t);
	document_part(p, &t);
	add(&z, "word/document.xml", &t);
	styles_part(p, &t);
	add(&z, "word/styles.xml", &t);
	docx_numbering(&t, &p->nums);
	add(&z, "word/numbering.xml", &t);
	footnotes_part(p, &t);
	add(&z, "word/footnotes.xml", &t);
	if (p->note_rels.len) {
		buf_puts(&t, XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
		buf_put(&t, p->note_rels.data, p->note_rels.len);
		buf_puts(&t, "</Relationships>");
		add(&z, "word/_rels/footnotes.xml.rels", &t);
	}
	settings_part(&t);
	add(&z, "word/settings.xml", &t);
	if (p->ref_theme.len)
		zip_add(&z, "word/theme/theme1.xml", p->ref_theme.data, p->ref_theme.len, true);
	document_rels(p, &t);
	add(&z, "word/_rels/document.xml.rels", &t);
	for (size_t i = 0; i < p->nimages; i++) {
		char name[64];
		snprintf(name, sizeof name, "word/media/image%zu.%s", i + 1,
			 p->images[i].jpeg ? "jpeg" : "png");
		/* already compressed */
		zip_add(&z, name, p->images[i].data, p->images[i].len, false);
	}
	buf_free(&t);
	if (zip_finish(&z) != 0) {
		buf_clear(err);
		buf_puts(err, "the Word document would be larger than 4 GiB");
		return -1;
	}
	return 0;
}
