/*
 * latex_fonts.c - engine, fonts and languages for the LaTeX backend (see
 * latex_fonts.h).
 */
#include "latex_fonts.h"

#include <string.h>

#include "bytes8.h"
#include "escape.h"
#include "utf8.h"

#include "latex_fonts_table.h"

latex_route latex_fonts_route(uint32_t cp)
{
	if (cp < 0x80)
		return LR_MAIN;
	size_t lo = 0, hi = sizeof latex_fonts_ranges / sizeof latex_fonts_ranges[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < latex_fonts_ranges[mid].lo)
			hi = mid;
		else if (cp > latex_fonts_ranges[mid].hi)
			lo = mid + 1;
		else
			return (latex_route)latex_fonts_ranges[mid].route;
	}
	return LR_NONE;
}

const char *latex_fonts_switch(latex_route r)
{
	switch (r) {
	case LR_SERIF: return "\\BriefFontSerif";
	case LR_DEJAVU: return "\\BriefFontDejaVu";
	case LR_MATH: return "\\BriefFontMath";
	case LR_SYMBOLS: return "\\BriefFontSymbols";
	case LR_SYMBOLS2: return "\\BriefFontSymbolsTwo";
	default: return NULL;
	}
}

const char *latex_fonts_why_not(uint32_t cp, unsigned *group)
{
	static const struct {
		uint32_t lo, hi;
		const char *what;
	} known[] = {
		{0x0900, 0x0DFF, "the scripts of India and Sri Lanka are"},
		{0x0E00, 0x0EFF, "Thai and Lao are"},
		{0x0F00, 0x0FFF, "Tibetan is"},
		{0x1000, 0x109F, "Myanmar is"},
		{0x1200, 0x139F, "Ethiopic is"},
		{0x1780, 0x17FF, "Khmer is"},
		{0x1F000, 0x1FAFF, "emoji are"},
		{0x2600, 0x27BF, "this symbol is"},
		{0xE000, 0xF8FF, "private-use characters are"},
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (cp >= known[i].lo && cp <= known[i].hi) {
			*group = (unsigned)i + 1;
			return known[i].what;
		}
	*group = 0;
	return "this character is";
}

void latex_scripts_scan(latex_scripts *sc, const char *s, size_t n)
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
		latex_route r = latex_fonts_route(cp);
		sc->routes |= 1u << r;
		if (!escape_latex_sets_all(s + i, len)) {
			sc->unicode = true;
			sc->none |= r == LR_NONE;
		}
		i += len;
	}
}

/* ---- the setup ---- */

/* The macros that name each face's files and index, spelled out whole
 * so that every control word of the output is in the sources. */
static const latex_cjk_macros faces[LCF__COUNT] = {
	{"JP", "\\BriefCJKRegularJP", "\\BriefCJKBoldJP", "\\BriefCJKIndexJP"},
	{"KR", "\\BriefCJKRegularKR", "\\BriefCJKBoldKR", "\\BriefCJKIndexKR"},
	{"SC", "\\BriefCJKRegularSC", "\\BriefCJKBoldSC", "\\BriefCJKIndexSC"},
	{"TC", "\\BriefCJKRegularTC", "\\BriefCJKBoldTC", "\\BriefCJKIndexTC"},
	{"HK", "\\BriefCJKRegularHK", "\\BriefCJKBoldHK", "\\BriefCJKIndexHK"},
};

const latex_cjk_macros *latex_cjk_macros_of(latex_cjk_face f)
{
	return &faces[f];
}

static bool tag_is(const char *tag, size_t n, const char *p)
{
	size_t k = strlen(p);
	if (n < k)
		return false;
	for (size_t i = 0; i < k; i++) {
		char c = tag[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != p[i])
			return false;
	}
	return n == k || tag[k] == '-';
}

/* A subtag of the tag, compared without case. */
static bool has_subtag(const char *tag, size_t n, const char *sub)
{
	size_t k = strlen(sub), i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && tag[j] != '-')
			j++;
		if (j - i == k && tag_is(tag + i, j - i, sub))
			return true;
		i = j + 1;
	}
	return false;
}

/*
 * The face for Han: the brief's own language when it writes with Han,
 * else Japanese when there is kana, else Simplified Chinese.
 */
static latex_cjk_face han_face(const char *tag, size_t n, unsigned routes)
{
	if (tag_is(tag, n, "ja"))
		return LCF_JP;
	if (tag_is(tag, n, "ko"))
		return LCF_KR;
	if (tag_is(tag, n, "zh") || tag_is(tag, n, "yue")) {
		if (has_subtag(tag, n, "hk"))
			return LCF_HK;
		if (has_subtag(tag, n, "hant") || has_subtag(tag, n, "tw") ||
		    has_subtag(tag, n, "mo") || tag_is(tag, n, "yue"))
			return LCF_TC;
		return LCF_SC;
	}
	return routes & (1u << LR_KANA) ? LCF_JP : LCF_SC;
}

void latex_setup_make(latex_setup *st, const latex_scripts *sc, const i18n_lang *lang,
		      const char *tag, size_t taglen)
{
	latex_scripts all = *sc;
	for (int w = 0; w < I18N__COUNT; w++)
		latex_scripts_scan(&all, lang->words[w], strlen(lang->words[w]));
	for (int m = 0; m < 12; m++)
		latex_scripts_scan(&all, lang->months[m], strlen(lang->months[m]));
	if (lang->day1)
		latex_scripts_scan(&all, lang->day1, strlen(lang->day1));
	/* the date's 년 or 年 */
	if (lang->date == I18N_YMD_KO)
		latex_scripts_scan(&all, "\xEB\x85\x84\xEC\x9B\x94\xEC\x9D\xBC", 9);
	else if (lang->date == I18N_YMD_CJK)
		latex_scripts_scan(&all, "\xE5\xB9\xB4\xE6\x9C\x88\xE6\x97\xA5", 9);
	memset(st, 0, sizeof *st);
	st->unicode = all.unicode;
	st->routes = all.routes;
	st->lang = lang;
	st->han = han_face(tag, taglen, all.routes);
	if (all.routes & (1u << LR_HAN))
		st->faces |= 1u << st->han;
	if (all.routes & (1u << LR_HANGUL))
		st->faces |= 1u << LCF_KR;
	if (all.routes & (1u << LR_KANA))
		st->faces |= 1u << LCF_JP;
}

bool latex_lang_is_rtl(const char *tag, size_t n)
{
	static const char *const rtl[] = {"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd",
		"ug", "dv", "ckb", "syr", "arc"};
	for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++)
		if (tag_is(tag, n, rtl[i]))
			return true;
	return false;
}

bool latex_fonts_all_set(const char *text, size_t n, const char *tag, size_t taglen)
{
	latex_scripts sc = {0};
	latex_scripts_scan(&sc, text, n);
	return !sc.none && !latex_lang_is_rtl(tag, taglen);
}

void latex_setup_of(latex_setup *st, const char *text, size_t n, const char *tag,
		    size_t taglen)
{
	latex_scripts sc = {0};
	latex_scripts_scan(&sc, text, n);
	latex_setup_make(st, &sc, taglen ? i18n_lookup(tag, taglen, NULL) : i18n_default(),
			 tag, taglen);
}

static bool uses(const latex_setup *st, latex_route r)
{
	return (st->routes & (1u << r)) != 0;
}

/* \providecommand\BriefCJKRegularKR{NotoSerifCJK-Regular.ttc} and so on */
static void cjk_files(buf *out, latex_cjk_face f)
{
	const latex_cjk_macros *m = &faces[f];
	buf_printf(out, "\\providecommand%s{" LATEX_CJK_REGULAR "}\n"
		   "\\providecommand%s{" LATEX_CJK_BOLD "}\n"
		   "\\providecommand%s{%d}\n", m->regular, m->bold, m->index, (int)f);
}

/* A babel language for a CJK script, in face f, for rm and tt. */
static void cjk_language(buf *out, const char *babel, latex_cjk_face f)
{
	const latex_cjk_macros *m = &faces[f];
	/* no hyphenrules: babel's breaks between CJK characters need the
	 * language's own (patterns play no part in CJK text) */
	buf_printf(out, "\\babelprovide[import, onchar=ids fonts]{%s}\n", babel);
	for (int fam = 0; fam < 2; fam++)
		buf_printf(out, "\\babelfont[%s]{%s}[Renderer=HarfBuzz, FontIndex=%s,\n"
			   "  ItalicFont=%s, BoldFont=%s,\n"
			   "  BoldItalicFont=%s]{%s}\n",
			   babel, fam ? "tt" : "rm", m->index, m->regular, m->bold, m->bold,
			   m->regular);
}

/*
 * Noto Serif's four styles.  Its x-height is a quarter larger than Latin
 * Modern's but its capitals hardly so: scaled to match either, the other
 * looks wrong next to Latin Modern; 0.88 splits the difference.
 */
#define NOTO_SERIF "[Scale=0.88, BoldFont=NotoSerif-Bold.ttf,\n" \
	"  ItalicFont=NotoSerif-Italic.ttf, BoldItalicFont=NotoSerif-BoldItalic.ttf]" \
	"{NotoSerif-Regular.ttf}\n"

static void script_language(buf *out, const char *babel, const char *font)
{
	buf_printf(out, "\\babelprovide[import, onchar=ids fonts, hyphenrules=nohyphenation]{%s}\n",
		   babel);
	buf_printf(out, "\\babelfont[%s]{rm}%s", babel, font);
	buf_printf(out, "\\babelfont[%s]{tt}%s", babel, font);
}

void latex_setup_preamble(buf *out, const latex_setup *st)
{
	const i18n_lang *l = st->lang;
	/* Latin-script languages are babel's main language; for the others
	 * the main one is English and onchar switches to theirs */
	bool latin = l->date != I18N_YMD_KO && l->date != I18N_YMD_CJK;
	bool rtl = st->unicode && (uses(st, LR_HEBREW) || uses(st, LR_ARABIC));

	if (st->unicode)
		buf_puts(out, "\\usepackage{fontspec}\n");
	buf_puts(out, rtl ? "\\usepackage[bidi=basic]{babel}\n" : "\\usepackage{babel}\n");
	buf_printf(out, "\\babelprovide[import, main%s%s]{%s}\n",
		   latin && l->hyphen ? ", hyphenrules=" : "",
		   latin && l->hyphen ? l->hyphen : "", latin ? l->babel : "english");
	if (!st->unicode)
		return;
	for (int f = 0; f < LCF__COUNT; f++)
		if (st->faces & (1u << f))
			cjk_files(out, (latex_cjk_face)f);
	/* babel gives a character to the first language that claims it:
	 * Han (and CJK punctuation) goes to the brief's face first */
	if (uses(st, LR_HAN))
		cjk_language(out, st->han == LCF_TC || st->han == LCF_HK ? "chinese-traditional"
			     : "chinese-simplified", st->han);
	if (uses(st, LR_HANGUL))
		cjk_language(out, "korean", LCF_KR);
	if (uses(st, LR_KANA))
		cjk_language(out, "japanese", LCF_JP);
	if (uses(st, LR_GREEK))
		script_language(out, "greek", NOTO_SERIF);
	if (uses(st, LR_CYRILLIC))
		script_language(out, "russian", NOTO_SERIF);
	if (uses(st, LR_HEBREW))
		script_language(out, "hebrew", "[Renderer=HarfBuzz,\n"
				"  BoldFont=NotoSerifHebrew-Bold.ttf]{NotoSerifHebrew-Regular.ttf}\n");
	if (uses(st, LR_ARABIC))
		script_language(out, "arabic", "[Renderer=HarfBuzz,\n"
				"  BoldFont=NotoNaskhArabic-Bold.ttf]{NotoNaskhArabic-Regular.ttf}\n");
	if (uses(st, LR_SERIF))
		buf_puts(out, "\\newfontfamily\\BriefFontSerif" NOTO_SERIF);
	if (uses(st, LR_DEJAVU))
		buf_puts(out, "\\newfontfamily\\BriefFontDejaVu[Scale=0.88,\n"
			 "  BoldFont=DejaVuSerif-Bold.ttf]{DejaVuSerif.ttf}\n");
	if (uses(st, LR_MATH))
		buf_puts(out, "\\newfontfamily\\BriefFontMath{NotoSansMath-Regular.ttf}\n");
	if (uses(st, LR_SYMBOLS))
		buf_puts(out, "\\newfontfamily\\BriefFontSymbols[BoldFont=NotoSansSymbols-Bold.ttf]"
			 "{NotoSansSymbols-Regular.ttf}\n");
	if (uses(st, LR_SYMBOLS2))
		buf_puts(out, "\\newfontfamily\\BriefFontSymbolsTwo{NotoSansSymbols2-Regular.ttf}\n");
	/* a character no font has stops TeX, never vanishes */
	buf_puts(out, "\\tracinglostchars=3\n");
}
