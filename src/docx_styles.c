/*
 * docx_styles.c - the styles of a Word brief (word/styles.xml) and its
 * list numbering definitions (word/numbering.xml).
 *
 * Real styles, not direct formatting, so that a house template restyles
 * the whole brief (--reference-doc, docs/output.md): Word's built-in
 * styles where one fits (Title, Subtitle, Heading 1-3 with outline levels
 * for the navigation pane and a table of contents, Quote, List Paragraph,
 * caption, footnote text, Hyperlink, TOC 1-2), and styles of our own,
 * named Brief..., for what only a brief has (cards, generated lists,
 * sources, the glossary).  The colours are those of the HTML output.
 *
 * Each style is one record, so that a template's styles.xml can be
 * completed with the ones it lacks (docx.c).
 */
#include "docx_styles.h"

#include <string.h>

#include "escape.h"

#define ACCENT "0D4D6E"
#define ACCENT_SOFT "EAF2F7"
#define FINDING "9A6212"
#define FINDING_SOFT "FDF7EC"
#define RULE "D3DAE1"
#define MUTED "5A6472"
#define INK "1C2430"
#define SANS "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"

void docx_styles_head(buf *b, const char *lang, size_t n)
{
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		 "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
		 "<w:docDefaults><w:rPrDefault><w:rPr>"
		 "<w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\" w:eastAsia=\"Georgia\" w:cs=\"Georgia\"/>"
		 "<w:color w:val=\"" INK "\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"");
	escape_xml(b, lang, n);
	buf_puts(b, "\"/></w:rPr></w:rPrDefault>"
		 "<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"276\" w:lineRule=\"auto\"/>"
		 "</w:pPr></w:pPrDefault></w:docDefaults>");
}

const char docx_styles_tail[] = "</w:styles>";

/* A box's table style: id, its name, the colour of its top bar and its
 * shading (hex RGB). */
#define BOX_STYLE(id, name, top, fill)							\
	{id, "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"" id "\">"		\
	 "<w:name w:val=\"" name "\"/><w:basedOn w:val=\"TableNormal\"/>"			\
	 "<w:uiPriority w:val=\"59\"/><w:tblPr><w:tblBorders>"					\
	 "<w:top w:val=\"single\" w:sz=\"24\" w:space=\"0\" w:color=\"" top "\"/>"		\
	 "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" RULE "\"/>"		\
	 "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" RULE "\"/>"	\
	 "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" RULE "\"/>"		\
	 "</w:tblBorders><w:tblCellMar><w:top w:w=\"113\" w:type=\"dxa\"/>"			\
	 "<w:left w:w=\"227\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/>"	\
	 "<w:right w:w=\"227\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"			\
	 "<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" fill "\"/></w:tcPr>"	\
	 "</w:style>"}

const docx_style docx_styles[] = {
	/* ---- paragraphs ---- */
	{"Normal", "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	 "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"},
	{"BodyText", "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\">"
	 "<w:name w:val=\"Body Text\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
	 "<w:pPr><w:spacing w:before=\"0\" w:after=\"160\"/></w:pPr></w:style>"},
	{"Title", "<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
	 "<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/>"
	 "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"100\" w:line=\"240\""
	 " w:lineRule=\"auto\"/></w:pPr><w:rPr>" SANS "<w:b/><w:bCs/><w:color w:val=\"" INK "\"/>"
	 "<w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/></w:rPr></w:style>"},
	{"Subtitle", "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\">"
	 "<w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/>"
	 "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"200\"/></w:pPr>"
	 "<w:rPr><w:color w:val=\"" MUTED "\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>"
	 "</w:style>"},
	{"BriefOrganization", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefOrganization\"><w:name w:val=\"Brief Organization\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Title\"/><w:qFormat/>"
	 "<w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"140\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:b/><w:bCs/><w:caps/><w:color w:val=\"" ACCENT "\"/>"
	 "<w:spacing w:val=\"30\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/></w:rPr></w:style>"},
	{"Author", "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Author\">"
	 "<w:name w:val=\"Author\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Date\"/>"
	 "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"20\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:b/><w:bCs/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr>"
	 "</w:style>"},
	{"Date", "<w:style w:type=\"paragraph\" w:styleId=\"Date\">"
	 "<w:name w:val=\"Date\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/>"
	 "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"20\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:color w:val=\"" MUTED "\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>"
	 "</w:rPr></w:style>"},
	{"BriefStatus", "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BriefStatus\">"
	 "<w:name w:val=\"Brief Status\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
	 "<w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:b/><w:bCs/><w:caps/><w:color w:val=\"B3261E\"/>"
	 "<w:spacing w:val=\"30\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>"},
	{"BriefLogo", "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BriefLogo\">"
	 "<w:name w:val=\"Brief Logo\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BriefOrganization\"/>"
	 "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"160\""
	 " w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:style>"},
	{"BriefSeries", "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BriefSeries\">"
	 "<w:name w:val=\"Brief Series\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Title\"/>"
	 "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"100\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:color w:val=\"" MUTED "\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"
	 "</w:rPr></w:style>"},
	{"BriefUpdated", "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BriefUpdated\">"
	 "<w:name w:val=\"Brief Updated\"/><w:basedOn w:val=\"Date\"/><w:next w:val=\"BodyText\"/>"
	 "<w:qFormat/></w:style>"},
	{"BriefVersion", "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BriefVersion\">"
	 "<w:name w:val=\"Brief Version\"/><w:basedOn w:val=\"Date\"/><w:next w:val=\"BodyText\"/>"
	 "<w:qFormat/></w:style>"},
	/* the rule under the title block: an empty paragraph's bottom border */
	{"BriefHeaderRule", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefHeaderRule\"><w:name w:val=\"Brief Header Rule\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/>"
	 "<w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"24\" w:space=\"1\" w:color=\"" ACCENT "\"/>"
	 "</w:pBdr><w:spacing w:before=\"0\" w:after=\"360\" w:line=\"120\" w:lineRule=\"exact\"/>"
	 "</w:pPr><w:rPr><w:sz w:val=\"8\"/><w:szCs w:val=\"8\"/></w:rPr></w:style>"},
	{"Heading1", "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
	 "<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/>"
	 "<w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
	 "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"3\" w:color=\"" RULE "\"/></w:pBdr>"
	 "<w:spacing w:before=\"480\" w:after=\"180\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:b/><w:bCs/><w:color w:val=\"" ACCENT "\"/><w:sz w:val=\"32\"/>"
	 "<w:szCs w:val=\"32\"/></w:rPr></w:style>"},
	{"Heading2", "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">"
	 "<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/>"
	 "<w:uiPriority w:val=\"9\"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>"
	 "<w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/>"
	 "</w:pPr><w:rPr>" SANS "<w:b/><w:bCs/><w:color w:val=\"" ACCENT "\"/>"
	 "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>"},
	{"Heading3", "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\">"
	 "<w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/>"
	 "<w:uiPriority w:val=\"9\"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>"
	 "<w:keepLines/><w:spacing w:before=\"280\" w:after=\"100\"/><w:outlineLvl w:val=\"2\"/>"
	 "</w:pPr><w:rPr>" SANS "<w:b/><w:bCs/><w:color w:val=\"" ACCENT "\"/>"
	 "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>"},
	{"TOCHeading", "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\">"
	 "<w:name w:val=\"TOC Heading\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"TOC1\"/>"
	 "<w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>"
	 "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" ACCENT_SOFT "\"/>"
	 "<w:spacing w:before=\"0\" w:after=\"60\"/><w:ind w:left=\"170\" w:right=\"170\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:b/><w:bCs/><w:caps/><w:color w:val=\"" ACCENT "\"/>"
	 "<w:spacing w:val=\"30\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>"},
	{"TOC1", "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\">"
	 "<w:name w:val=\"toc 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/>"
	 "<w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/><w:pPr>"
	 "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" ACCENT_SOFT "\"/>"
	 "<w:spacing w:before=\"0\" w:after=\"40\"/><w:ind w:left=\"170\" w:right=\"170\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>"},
	{"TOC2", "<w:style w:type=\"paragraph\" w:styleId=\"TOC2\">"
	 "<w:name w:val=\"toc 2\"/><w:basedOn w:val=\"TOC1\"/><w:next w:val=\"BodyText\"/>"
	 "<w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/><w:pPr>"
	 "<w:ind w:left=\"510\" w:right=\"170\"/></w:pPr>"
	 "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"},
	/* after the contents: space, like the end of the HTML's box */
	{"BriefContentsEnd", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefContentsEnd\"><w:name w:val=\"Brief Contents End\"/>"
	 "<w:basedOn w:val=\"TOC1\"/><w:next w:val=\"BodyText\"/><w:pPr>"
	 "<w:spacing w:before=\"0\" w:after=\"400\" w:line=\"80\" w:lineRule=\"exact\"/></w:pPr>"
	 "<w:rPr><w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/></w:rPr></w:style>"},
	{"Quote", "<w:style w:type=\"paragraph\" w:styleId=\"Quote\">"
	 "<w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/>"
	 "<w:uiPriority w:val=\"29\"/><w:qFormat/><w:pPr>"
	 "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"10\" w:color=\"" RULE "\"/></w:pBdr>"
	 "<w:spacing w:before=\"120\" w:after=\"120\"/><w:ind w:left=\"454\" w:right=\"284\"/>"
	 "</w:pPr><w:rPr><w:color w:val=\"" MUTED "\"/></w:rPr></w:style>"},
	{"ListParagraph", "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\">"
	 "<w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"34\"/>"
	 "<w:qFormat/><w:pPr><w:spacing w:before=\"0\" w:after=\"80\"/><w:ind w:left=\"720\"/>"
	 "</w:pPr></w:style>"},
	{"Caption", "<w:style w:type=\"paragraph\" w:styleId=\"Caption\">"
	 "<w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/>"
	 "<w:uiPriority w:val=\"35\"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>"
	 "<w:spacing w:before=\"240\" w:after=\"80\"/></w:pPr><w:rPr>" SANS "<w:b/><w:bCs/>"
	 "<w:color w:val=\"" INK "\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>"},
	{"BriefFigure", "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BriefFigure\">"
	 "<w:name w:val=\"Brief Figure\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Caption\"/>"
	 "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>"
	 "<w:jc w:val=\"center\"/></w:pPr></w:style>"},
	{"BriefMapSlice", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefMapSlice\"><w:name w:val=\"Brief Map Slice\"/>"
	 "<w:basedOn w:val=\"BriefFigure\"/><w:qFormat/><w:pPr><w:keepNext w:val=\"0\"/>"
	 "<w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr></w:style>"},
	{"BriefTableText", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefTableText\"><w:name w:val=\"Brief Table Text\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"40\" w:after=\"40\""
	 " w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr>" SANS "<w:sz w:val=\"18\"/>"
	 "<w:szCs w:val=\"18\"/></w:rPr></w:style>"},
	{"BriefTableHead", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefTableHead\"><w:name w:val=\"Brief Table Head\"/>"
	 "<w:basedOn w:val=\"BriefTableText\"/><w:qFormat/><w:pPr><w:keepNext/></w:pPr>"
	 "<w:rPr><w:b/><w:bCs/></w:rPr></w:style>"},
	/* a float's sources and note: together, and space after the last */
	{"BriefTableNote", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefTableNote\"><w:name w:val=\"Brief Table Note\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"60\" w:after=\"200\"/>"
	 "<w:contextualSpacing/></w:pPr><w:rPr>" SANS "<w:color w:val=\"" MUTED "\"/><w:sz w:val=\"17\"/>"
	 "<w:szCs w:val=\"17\"/></w:rPr></w:style>"},
	{"FootnoteText", "<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\">"
	 "<w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/>"
	 "<w:link w:val=\"FootnoteTextChar\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>"
	 "<w:pPr><w:spacing w:before=\"0\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
	 "<w:rPr><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/></w:rPr></w:style>"},
	/* cards: the label, the claim or action, the details, the footer */
	{"BriefCardLabel", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefCardLabel\"><w:name w:val=\"Brief Card Label\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BriefCardLead\"/><w:qFormat/>"
	 "<w:pPr><w:keepNext/><w:spacing w:before=\"60\" w:after=\"40\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:b/><w:bCs/><w:caps/><w:color w:val=\"" ACCENT "\"/>"
	 "<w:spacing w:val=\"24\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>"},
	{"BriefFindingLabel", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefFindingLabel\"><w:name w:val=\"Brief Finding Label\"/>"
	 "<w:basedOn w:val=\"BriefCardLabel\"/><w:next w:val=\"BriefCardLead\"/><w:qFormat/>"
	 "<w:rPr><w:color w:val=\"" FINDING "\"/></w:rPr></w:style>"},
	{"BriefCardLead", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefCardLead\"><w:name w:val=\"Brief Card Lead\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/>"
	 "<w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"120\"/></w:pPr>"
	 "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"23\"/><w:szCs w:val=\"23\"/></w:rPr></w:style>"},
	{"BriefCardMeta", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefCardMeta\"><w:name w:val=\"Brief Card Meta\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/>"
	 "<w:pPr><w:spacing w:before=\"0\" w:after=\"160\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:color w:val=\"" MUTED "\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"
	 "</w:rPr></w:style>"},
	{"BriefCardFoot", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefCardFoot\"><w:name w:val=\"Brief Card Foot\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	 "<w:pBdr><w:top w:val=\"dashed\" w:sz=\"4\" w:space=\"4\" w:color=\"" RULE "\"/></w:pBdr>"
	 "<w:spacing w:before=\"60\" w:after=\"60\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:color w:val=\"" MUTED "\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"
	 "</w:rPr></w:style>"},
	{"BriefBoxLabel", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefBoxLabel\"><w:name w:val=\"Brief Box Label\"/>"
	 "<w:basedOn w:val=\"BriefCardLabel\"/><w:next w:val=\"BriefBoxTitle\"/><w:qFormat/>"
	 "</w:style>"},
	{"BriefBoxTitle", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefBoxTitle\"><w:name w:val=\"Brief Box Title\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/>"
	 "<w:pPr><w:keepNext/><w:spacing w:before=\"60\" w:after=\"80\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:b/><w:bCs/><w:color w:val=\"" ACCENT "\"/><w:sz w:val=\"20\"/>"
	 "<w:szCs w:val=\"20\"/></w:rPr></w:style>"},
	/* the empty paragraph after a panel: two tables never touch */
	{"BriefPanelEnd", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefPanelEnd\"><w:name w:val=\"Brief Panel End\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:pPr>"
	 "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"exact\"/></w:pPr>"
	 "<w:rPr><w:sz w:val=\"12\"/><w:szCs w:val=\"12\"/></w:rPr></w:style>"},
	/* generated lists */
	{"BriefGroupTitle", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefGroupTitle\"><w:name w:val=\"Brief Group Title\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BriefGenRecommendation\"/><w:qFormat/>"
	 "<w:pPr><w:keepNext/><w:spacing w:before=\"200\" w:after=\"80\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:b/><w:bCs/><w:color w:val=\"" ACCENT "\"/><w:sz w:val=\"18\"/>"
	 "<w:szCs w:val=\"18\"/></w:rPr></w:style>"},
	{"BriefGenRecommendation", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefGenRecommendation\"><w:name w:val=\"Brief Generated Recommendation\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepLines/>"
	 "<w:pBdr><w:top w:val=\"single\" w:sz=\"2\" w:space=\"4\" w:color=\"" ACCENT_SOFT "\"/>"
	 "<w:left w:val=\"single\" w:sz=\"36\" w:space=\"8\" w:color=\"" ACCENT "\"/>"
	 "<w:bottom w:val=\"single\" w:sz=\"2\" w:space=\"4\" w:color=\"" ACCENT_SOFT "\"/>"
	 "<w:between w:val=\"single\" w:sz=\"24\" w:space=\"4\" w:color=\"FFFFFF\"/></w:pBdr>"
	 "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" ACCENT_SOFT "\"/>"
	 "<w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:left=\"227\" w:right=\"113\"/></w:pPr>"
	 "</w:style>"},
	{"BriefGenFinding", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefGenFinding\"><w:name w:val=\"Brief Generated Finding\"/>"
	 "<w:basedOn w:val=\"BriefGenRecommendation\"/><w:qFormat/><w:pPr>"
	 "<w:pBdr><w:top w:val=\"single\" w:sz=\"2\" w:space=\"4\" w:color=\"" FINDING_SOFT "\"/>"
	 "<w:left w:val=\"single\" w:sz=\"36\" w:space=\"8\" w:color=\"" FINDING "\"/>"
	 "<w:bottom w:val=\"single\" w:sz=\"2\" w:space=\"4\" w:color=\"" FINDING_SOFT "\"/>"
	 "<w:between w:val=\"single\" w:sz=\"24\" w:space=\"4\" w:color=\"FFFFFF\"/></w:pBdr>"
	 "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" FINDING_SOFT "\"/></w:pPr></w:style>"},
	{"BriefGenEnd", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefGenEnd\"><w:name w:val=\"Brief Generated End\"/>"
	 "<w:basedOn w:val=\"BriefPanelEnd\"/><w:next w:val=\"BodyText\"/><w:pPr>"
	 "<w:spacing w:before=\"0\" w:after=\"120\"/></w:pPr></w:style>"},
	/* the source list: "[3]" hanging in the margin, then the entry */
	{"BriefSource", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefSource\"><w:name w:val=\"Brief Source\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val=\"left\""
	 " w:pos=\"624\"/></w:tabs><w:spacing w:before=\"0\" w:after=\"100\"/>"
	 "<w:ind w:left=\"624\" w:hanging=\"624\"/></w:pPr>"
	 "<w:rPr><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>"},
	{"BriefSourceNote", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefSourceNote\"><w:name w:val=\"Brief Source Note\"/>"
	 "<w:basedOn w:val=\"BriefSource\"/><w:qFormat/><w:pPr>"
	 "<w:ind w:left=\"624\" w:hanging=\"0\"/></w:pPr></w:style>"},
	{"BriefGlossary", "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
	 " w:styleId=\"BriefGlossary\"><w:name w:val=\"Brief Glossary\"/>"
	 "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val=\"left\""
	 " w:pos=\"1418\"/></w:tabs><w:spacing w:before=\"0\" w:after=\"60\"/>"
	 "<w:ind w:left=\"1418\" w:hanging=\"1418\"/></w:pPr></w:style>"},
	/* ---- characters ---- */
	{"DefaultParagraphFont", "<w:style w:type=\"character\" w:default=\"1\""
	 " w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>"
	 "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"},
	{"Hyperlink", "<w:style w:type=\"character\" w:styleId=\"Hyperlink\">"
	 "<w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>"
	 "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:rPr><w:color w:val=\"" ACCENT "\"/>"
	 "<w:u w:val=\"single\"/></w:rPr></w:style>"},
	{"VerbatimChar", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"VerbatimChar\"><w:name w:val=\"Verbatim Char\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr>"
	 "<w:rFonts w:ascii=\"Consolas\" w:hAnsi=\"Consolas\" w:cs=\"Consolas\"/>"
	 "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/><w:shd w:val=\"clear\" w:color=\"auto\""
	 " w:fill=\"F2F4F6\"/></w:rPr></w:style>"},
	{"FootnoteTextChar", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"FootnoteTextChar\"><w:name w:val=\"Footnote Text Char\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:link w:val=\"FootnoteText\"/>"
	 "<w:uiPriority w:val=\"99\"/><w:rPr><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/></w:rPr>"
	 "</w:style>"},
	{"FootnoteReference", "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\">"
	 "<w:name w:val=\"footnote reference\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>"
	 "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val=\"superscript\"/>"
	 "</w:rPr></w:style>"},
	{"BriefMetaLabel", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefMetaLabel\"><w:name w:val=\"Brief Meta Label\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:b/><w:bCs/><w:caps/>"
	 "<w:spacing w:val=\"10\"/></w:rPr></w:style>"},
	{"BriefLevelHigh", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefLevelHigh\"><w:name w:val=\"Brief Level High\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:b/><w:bCs/>"
	 "<w:color w:val=\"1E6B34\"/></w:rPr></w:style>"},
	{"BriefLevelMedium", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefLevelMedium\"><w:name w:val=\"Brief Level Medium\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:b/><w:bCs/>"
	 "<w:color w:val=\"8A5A00\"/></w:rPr></w:style>"},
	{"BriefLevelLow", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefLevelLow\"><w:name w:val=\"Brief Level Low\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:b/><w:bCs/>"
	 "<w:color w:val=\"9B2C2C\"/></w:rPr></w:style>"},
	{"BriefGenLabel", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefGenLabel\"><w:name w:val=\"Brief Generated Label\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr>" SANS "<w:b/><w:bCs/><w:caps/>"
	 "<w:color w:val=\"" ACCENT "\"/><w:spacing w:val=\"20\"/><w:sz w:val=\"16\"/>"
	 "<w:szCs w:val=\"16\"/></w:rPr></w:style>"},
	{"BriefGenFindingLabel", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefGenFindingLabel\"><w:name w:val=\"Brief Generated Finding Label\"/>"
	 "<w:basedOn w:val=\"BriefGenLabel\"/><w:rPr><w:color w:val=\"" FINDING "\"/></w:rPr>"
	 "</w:style>"},
	{"BriefSourceLabel", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefSourceLabel\"><w:name w:val=\"Brief Source Label\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr>" SANS "<w:b/><w:bCs/>"
	 "<w:color w:val=\"" ACCENT "\"/></w:rPr></w:style>"},
	{"BriefTocLink", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefTocLink\"><w:name w:val=\"Brief Contents Link\"/>"
	 "<w:basedOn w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"" INK "\"/><w:u w:val=\"none\"/>"
	 "</w:rPr></w:style>"},
	{"BriefBacklink", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefBacklink\"><w:name w:val=\"Brief Backlink\"/>"
	 "<w:basedOn w:val=\"Hyperlink\"/><w:rPr><w:u w:val=\"none\"/></w:rPr></w:style>"},
	{"BriefGlossaryTerm", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefGlossaryTerm\"><w:name w:val=\"Brief Glossary Term\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"},
	{"BriefSeriesNumber", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefSeriesNumber\"><w:name w:val=\"Brief Series Number\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"},
	{"BriefAffiliation", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefAffiliation\"><w:name w:val=\"Brief Affiliation\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>"
	 "<w:color w:val=\"" MUTED "\"/></w:rPr></w:style>"},
	{"BriefFloatLabel", "<w:style w:type=\"character\" w:customStyle=\"1\""
	 " w:styleId=\"BriefFloatLabel\"><w:name w:val=\"Brief Float Label\"/>"
	 "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr>" SANS "<w:b/><w:bCs/>"
	 "<w:color w:val=\"" ACCENT "\"/></w:rPr></w:style>"},
	/* ---- tables ---- */
	{"TableNormal", "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	 "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
	 "<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
	 "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
	 "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
	 "</w:tblCellMar></w:tblPr></w:style>"},
	{"BriefTable", "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"BriefTable\">"
	 "<w:name w:val=\"Brief Table\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/>"
	 "<w:pPr><w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
	 "<w:rPr>" SANS "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr>"
	 "<w:tblPr><w:tblBorders>"
	 "<w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"" ACCENT "\"/>"
	 "<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"" ACCENT "\"/>"
	 "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" RULE "\"/>"
	 "</w:tblBorders><w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/>"
	 "<w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"28\" w:type=\"dxa\"/>"
	 "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	 "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/><w:color w:val=\"" ACCENT "\"/>"
	 "</w:rPr><w:tblPr/><w:tcPr><w:tcBorders><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\""
	 " w:color=\"" ACCENT "\"/></w:tcBorders><w:shd w:val=\"clear\" w:color=\"auto\""
	 " w:fill=\"" ACCENT_SOFT "\"/></w:tcPr></w:tblStylePr></w:style>"},
	{"BriefFindingCard", "<w:style w:type=\"table\" w:customStyle=\"1\""
	 " w:styleId=\"BriefFindingCard\"><w:name w:val=\"Brief Finding Card\"/>"
	 "<w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:tblPr><w:tblBorders>"
	 "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" RULE "\"/>"
	 "<w:left w:val=\"single\" w:sz=\"36\" w:space=\"0\" w:color=\"" FINDING "\"/>"
	 "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" RULE "\"/>"
	 "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" RULE "\"/>"
	 "</w:tblBorders><w:tblCellMar><w:top w:w=\"113\" w:type=\"dxa\"/>"
	 "<w:left w:w=\"227\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/>"
	 "<w:right w:w=\"227\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	 "<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" FINDING_SOFT "\"/></w:tcPr>"
	 "</w:style>"},
	{"BriefRecommendationCard", "<w:style w:type=\"table\" w:customStyle=\"1\""
	 " w:styleId=\"BriefRecommendationCard\"><w:name w:val=\"Brief Recommendation Card\"/>"
	 "<w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:tblPr><w:tblBorders>"
	 "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" RULE "\"/>"
	 "<w:left w:val=\"single\" w:sz=\"36\" w:space=\"0\" w:color=\"" ACCENT "\"/>"
	 "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" RULE "\"/>"
	 "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" RULE "\"/>"
	 "</w:tblBorders><w:tblCellMar><w:top w:w=\"113\" w:type=\"dxa\"/>"
	 "<w:left w:w=\"227\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/>"
	 "<w:right w:w=\"227\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	 "<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F5F9FB\"/></w:tcPr>"
	 "</w:style>"},
	/* boxes: a panel with a bar on top, coloured by the box's type */
	BOX_STYLE("BriefBox", "Brief Box", MUTED, "F6F7F9"),
	BOX_STYLE("BriefBoxKeyPoints", "Brief Box Key Points", ACCENT, ACCENT_SOFT),
	BOX_STYLE("BriefBoxSidebar", "Brief Box Sidebar", FINDING, FINDING_SOFT),
	BOX_STYLE("BriefBoxDisclaimer", "Brief Box Disclaimer", MUTED, "F6F7F9"),
};

const size_t docx_nstyles = sizeof docx_styles / sizeof docx_styles[0];

/* ---- numbering ---- */

/*
 * Two abstract lists, nine levels each: bullets (•, ◦, ▪ in turn) and
 * decimal numbers ("1." at every level, as the HTML's nested lists).
 * Level k is indented 360 twips more than level k-1, with the number
 * hanging in the first 360.
 */
static void abstract_list(buf *b, int id, bool ordered)
{
	static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA"};
	buf_printf(b, "<w:abstractNum w:abstractNumId=\"%d\"><w:multiLevelType w:val=\"hybridMultilevel\"/>",
		   id);
	for (int l = 0; l < 9; l++) {
		buf_printf(b, "<w:lvl w:ilvl=\"%d\"><w:start w:val=\"1\"/>", l);
		if (ordered)
			buf_printf(b, "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%%%d.\"/>", l + 1);
		else
			buf_printf(b, "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"%s\"/>",
				   bullets[l % 3]);
		buf_printf(b, "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"%d\" w:hanging=\"360\"/>"
			   "</w:pPr>", 720 + 360 * l);
		if (!ordered)
			buf_puts(b, "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\"/></w:rPr>");
		buf_puts(b, "</w:lvl>");
	}
	buf_puts(b, "</w:abstractNum>");
}

void docx_numbering(buf *b, const buf *nums)
{
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		 "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
	abstract_list(b, 0, false);
	abstract_list(b, 1, true);
	buf_puts(b, "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
	if (nums->len)
		buf_put(b, nums->data, nums->len);
	buf_puts(b, "</w:numbering>");
}

int docx_list_indent(int level)
{
	return 720 + 360 * level;
}
