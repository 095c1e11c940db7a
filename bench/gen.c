/*
 * gen.c - write a benchmark brief of a given size and, from the same
 * content, the plain Markdown an author would write without briefc.
 *
 *   gen [-k KIND] SIZE OUT.brief OUT.md    SIZE in bytes, or with a K or M suffix
 *
 * KIND is the brief's make-up:
 *   plain    (the default) prose, cards and sources as described below
 *   floats   the same with a table of ten rows per section and a note in
 *            a third of the sentences (GFM tables and footnotes in the
 *            Markdown, which cmark reads as paragraphs)
 *   refs     reference-dense: a citation in three sentences of four, often
 *            two sources and a locator, and every block with all its
 *            fields (evidence with authors and an access date)
 *
 * The brief is as many whole sections as fit in SIZE bytes (so "64M" stays
 * within briefc's input limit of 64 MiB).
 *
 * The brief is a valid, warning-free document shaped like a real one: front
 * matter, acronyms and areas, then sections of hard-wrapped prose with
 * emphasis, links, code, lists, quotes, references to evidence and findings,
 * and per section a finding, one or two recommendations and two pieces of
 * evidence.  Each construct has its Markdown counterpart in the same place
 * (a finding becomes a bold "Finding N." paragraph, a reference a link to
 * an anchor, ...), so both files carry the same words and similar markup.
 * Output is a pure function of SIZE: a fixed-seed generator drives it.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WRAP 72

enum { KIND_PLAIN, KIND_FLOATS, KIND_REFS };

typedef struct gen {
	FILE *brief, *md;
	uint64_t rng;
	size_t written;		/* bytes of the brief so far */
	int section, finding, rec, evidence, table;
	int kind;
	int note, notes_from;	/* notes made; the first not yet defined */
} gen;

static const char *const words[] = {
	"policy", "alliance", "security", "cooperation", "regional", "strategic",
	"partners", "economic", "supply", "chain", "resilience", "investment",
	"defense", "commitment", "agreement", "framework", "dialogue", "summit",
	"trade", "energy", "climate", "transition", "technology", "digital",
	"infrastructure", "capacity", "governance", "stability", "deterrence",
	"engagement", "institutions", "coordination", "implementation", "budget",
	"ministry", "agency", "government", "administration", "legislature",
	"public", "private", "sector", "industry", "market", "growth", "risk",
	"threat", "assessment", "priority", "objective", "outcome", "evidence",
	"analysis", "report", "survey", "data", "trend", "increase", "decline",
	"pressure", "challenge", "opportunity", "pathway", "initiative", "program",
	"funding", "support", "commitments", "obligations", "interests", "values",
	"leaders", "officials", "experts", "communities", "citizens", "workers",
	"firms", "allies", "neighbors", "region", "peninsula", "ocean", "border",
	"network", "exchange", "research", "innovation", "standards", "export",
	"import", "tariff", "subsidy", "semiconductor", "battery", "mineral",
	"shipping", "port", "cyber", "incident", "response", "exercise", "training",
	"the", "the", "the", "of", "of", "and", "and", "to", "in", "in", "for",
	"with", "on", "by", "that", "as", "across", "between", "through", "while",
	"should", "could", "must", "will", "may", "remain", "become", "continue",
	"expand", "strengthen", "reduce", "improve", "protect", "build", "align",
	"sustain", "address", "monitor", "review", "fund", "share", "develop",
	"new", "shared", "joint", "long-term", "near-term", "critical", "key",
	"broad", "limited", "growing", "emerging", "national", "local", "global",
	"clear", "stronger", "wider", "early", "steady", "uneven", "measurable",
};
#define NWORDS (sizeof words / sizeof words[0])

static const struct {
	const char *abbr, *expansion;
} acronyms[] = {
	{"US", "United States"},
	{"ROK", "Republic of Korea"},
	{"DPRK", "Democratic People's Republic of Korea"},
	{"NCG", "Nuclear Consultative Group"},
	{"IRA", "Inflation Reduction Act"},
	{"CISA", "Cybersecurity and Infrastructure Security Agency"},
	{"NATO", "North Atlantic Treaty Organization"},
	{"WMD", "weapons of mass destruction"},
	{"ASEAN", "Association of Southeast Asian Nations"},
	{"APEC", "Asia-Pacific Economic Cooperation"},
	{"WTO", "World Trade Organization"},
	{"GDP", "gross domestic product"},
	{"FDI", "foreign direct investment"},
	{"LNG", "liquefied natural gas"},
	{"EV", "electric vehicle"},
	{"AI", "artificial intelligence"},
	{"OECD", "Organisation for Economic Co-operation and Development"},
	{"IMF", "International Monetary Fund"},
	{"UN", "United Nations"},
	{"EU", "European Union"},
};
#define NACRONYMS (sizeof acronyms / sizeof acronyms[0])

static const struct {
	const char *id, *title;
} areas[] = {
	{"security", "Geopolitical Security Engagement"},
	{"economy", "Economic Security and Supply Chain Resiliency"},
	{"digital", "Digital and Cybersecurity"},
	{"climate", "Climate and Energy Policy"},
	{"people", "People-to-People Exchange"},
	{"governance", "Institutions and Governance"},
};
#define NAREAS (sizeof areas / sizeof areas[0])

static const char *const levels[] = {"high", "medium", "low"};
static const char *const actors[] = {
	"US administration", "Congress", "Department of State",
	"Department of Commerce", "allied governments", "private sector",
};
static const char *const types[] = {"report", "law", "treaty", "statement",
				    "dataset", "article", "other"};
static const char *const publishers[] = {
	"Office of the Director of National Intelligence", "Wilson Center",
	"Congressional Research Service", "Ministry of Foreign Affairs",
	"International Energy Agency", "World Bank",
};

static uint64_t rnd(gen *g)
{
	/* splitmix64: fast, and good enough to vary text */
	uint64_t z = (g->rng += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static unsigned pick(gen *g, unsigned n)
{
	return (unsigned)(rnd(g) % n);
}

static void die(const char *what)
{
	fprintf(stderr, "gen: %s: %s\n", what, strerror(errno));
	exit(2);
}

/* printf to one output; the brief's bytes are counted. */
static void outv(gen *g, FILE *f, const char *fmt, va_list ap)
{
	int n = vfprintf(f, fmt, ap);
	if (n < 0)
		die("write");
	if (f == g->brief)
		g->written += (size_t)n;
}

static void B(gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void B(gen *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	outv(g, g->brief, fmt, ap);
	va_end(ap);
}

static void M(gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void M(gen *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	outv(g, g->md, fmt, ap);
	va_end(ap);
}

/* ---- prose: a list of unbreakable tokens, each in both spellings ---- */

typedef struct tok {
	char brief[160], md[160];
} tok;

typedef struct text {
	tok t[400];
	int n;
} text;

static tok *add(text *x)
{
	if (x->n == (int)(sizeof x->t / sizeof x->t[0]))
		abort();	/* the callers below stay far from it */
	return &x->t[x->n++];
}

static void word(text *x, const char *w, int capital)
{
	tok *t = add(x);
	snprintf(t->brief, sizeof t->brief, "%s", w);
	if (capital && t->brief[0] >= 'a' && t->brief[0] <= 'z')
		t->brief[0] = (char)(t->brief[0] - 'a' + 'A');
	memcpy(t->md, t->brief, sizeof t->md);
}

/* Append punctuation to the last token. */
static void punct(text *x, const char *p)
{
	tok *t = &x->t[x->n - 1];
	strncat(t->brief, p, sizeof t->brief - strlen(t->brief) - 1);
	strncat(t->md, p, sizeof t->md - strlen(t->md) - 1);
}

static void ref_evidence(text *x, int e)
{
	tok *t = add(x);
	snprintf(t->brief, sizeof t->brief, "[@e-%d]", e);
	snprintf(t->md, sizeof t->md, "[[e-%d]](#e-%d)", e, e);
}

static void ref_finding(text *x, int f)
{
	tok *t = add(x);
	snprintf(t->brief, sizeof t->brief, "[@f-%d]", f);
	snprintf(t->md, sizeof t->md, "[Finding %d](#f-%d)", f, f);
}

/* [@e-a, p. N; @e-b]: two sources and a locator (refs briefs). */
static void ref_dense(gen *g, text *x)
{
	int a = g->evidence + 1 + (int)pick(g, 2), b = a == g->evidence + 1 ? a + 1 : a - 1;
	unsigned page = 1 + pick(g, 200);
	tok *t = add(x);
	switch (pick(g, 3)) {
	case 0:
		snprintf(t->brief, sizeof t->brief, "[@e-%d, p. %u]", a, page);
		snprintf(t->md, sizeof t->md, "[[e-%d, p. %u]](#e-%d)", a, page, a);
		break;
	case 1:
		snprintf(t->brief, sizeof t->brief, "[@e-%d; @e-%d]", a, b);
		snprintf(t->md, sizeof t->md, "[[e-%d]](#e-%d), [[e-%d]](#e-%d)", a, a, b, b);
		break;
	default:
		snprintf(t->brief, sizeof t->brief, "[@e-%d, pp. %u-%u; @e-%d]", a, page,
			 page + 3, b);
		snprintf(t->md, sizeof t->md, "[[e-%d, pp. %u-%u]](#e-%d), [[e-%d]](#e-%d)",
			 a, page, page + 3, a, b, b);
	}
}

/* One sentence; references cite evidence up to g->evidence + 2. */
static void sentence(gen *g, text *x, int cite)
{
	int n = 8 + (int)pick(g, 13);
	int style = (int)pick(g, 100);
	int styled_at = 1 + (int)pick(g, (unsigned)n - 2);
	for (int i = 0; i < n; i++) {
		const char *w = words[pick(g, NWORDS)];
		if (i == 0 && pick(g, 4) == 0)
			w = "the";
		if (i > 0 && pick(g, 20) == 0) {
			word(x, acronyms[pick(g, NACRONYMS)].abbr, 0);
			continue;
		}
		if (i == styled_at && style < 10) {
			tok *t = add(x);
			snprintf(t->brief, sizeof t->brief, "*%s*", w);
			memcpy(t->md, t->brief, sizeof t->md);
		} else if (i == styled_at && style < 15) {
			tok *t = add(x);
			snprintf(t->brief, sizeof t->brief, "**%s**", w);
			memcpy(t->md, t->brief, sizeof t->md);
		} else if (i == styled_at && style < 17) {
			tok *t = add(x);
			snprintf(t->brief, sizeof t->brief, "`%s_%u`", w, pick(g, 100));
			memcpy(t->md, t->brief, sizeof t->md);
		} else if (i == styled_at && style < 22) {
			tok *t = add(x);
			snprintf(t->brief, sizeof t->brief,
				 "[%s report](https://example.org/%s/%u)", w, w,
				 pick(g, 10000));
			memcpy(t->md, t->brief, sizeof t->md);
		} else
			word(x, w, i == 0);
	}
	if (cite && g->kind == KIND_REFS && pick(g, 4) != 0)
		ref_dense(g, x);
	else if (cite && pick(g, 4) == 0)
		ref_evidence(x, g->evidence + 1 + (int)pick(g, 2));
	else if (cite && g->finding > 0 && pick(g, 20) == 0)
		ref_finding(x, 1 + (int)pick(g, (unsigned)g->finding));
	punct(x, ".");
	if (cite && g->kind == KIND_FLOATS && pick(g, 3) == 0) {
		tok *t = &x->t[x->n - 1];
		size_t l = strlen(t->brief);
		snprintf(t->brief + l, sizeof t->brief - l, "[^n-%d]", ++g->note);
		l = strlen(t->md);
		snprintf(t->md + l, sizeof t->md - l, "[^n-%d]", g->note);
	}
}

/* Write tokens wrapped at WRAP columns, each line starting with the
 * prefixes (first line, then the others), in both outputs. */
static void wrap(gen *g, const text *x, const char *first_b, const char *rest_b,
		 const char *first_m, const char *rest_m)
{
	for (int side = 0; side < 2; side++) {
		const char *pre = side ? first_m : first_b;
		const char *more = side ? rest_m : rest_b;
		size_t col = strlen(pre);
		(side ? M : B)(g, "%s", pre);
		for (int i = 0; i < x->n; i++) {
			const char *s = side ? x->t[i].md : x->t[i].brief;
			size_t len = strlen(s);
			if (i > 0 && col + 1 + len > WRAP) {
				(side ? M : B)(g, "\n%s", more);
				col = strlen(more);
			} else if (i > 0) {
				(side ? M : B)(g, " ");
				col++;
			}
			(side ? M : B)(g, "%s", s);
			col += len;
		}
		(side ? M : B)(g, "\n");
	}
}

/* The definitions of the notes made since the last call: one sentence
 * each, after the paragraph that uses them. */
static void notes(gen *g)
{
	while (g->notes_from < g->note) {
		text x = {.n = 0};
		char pre[32];
		sentence(g, &x, 0);
		snprintf(pre, sizeof pre, "[^n-%d]: ", ++g->notes_from);
		wrap(g, &x, pre, "  ", pre, "  ");
	}
}

static void paragraph(gen *g, int sentences)
{
	text x = {.n = 0};
	for (int i = 0; i < sentences; i++)
		sentence(g, &x, 1);
	wrap(g, &x, "", "", "", "");
	B(g, "\n");
	M(g, "\n");
	if (g->notes_from < g->note) {
		notes(g);
		B(g, "\n");
		M(g, "\n");
	}
}

/* A table of ten rows, referred to in the paragraph before it. */
static void table(gen *g)
{
	int t = ++g->table;
	B(g, "As [@t-%d] shows, the figures vary by option.\n\n", t);
	M(g, "As [Table %d](#t-%d) shows, the figures vary by option.\n\n", t, t);
	B(g, "::: table t-%d\ncaption: Estimated cost of each *%s* option, 2025-2030\n"
	     "source: e-%d\nnote: Figures in 2024 dollars.\n\n", t,
	  words[pick(g, 100)], g->evidence + 1);
	M(g, "<a id=\"t-%d\"></a>\n**Table %d.** Estimated cost of each option, "
	     "2025-2030\n\n", t, t);
	const char *head = "| Option | Cost ($bn) | Jobs | Source |\n|:--|--:|--:|:--|\n";
	B(g, "%s", head);
	M(g, "%s", head);
	for (int r = 0; r < 10; r++) {
		const char *w = words[pick(g, 100)];
		unsigned cost = pick(g, 1000), jobs = pick(g, 100000);
		int e = g->evidence + 1 + (int)pick(g, 2);
		B(g, "| Expand %s *%s* | %u.%u | %u | [@e-%d] |\n", w,
		  words[pick(g, 100)], cost / 10, cost % 10, jobs, e);
		M(g, "| Expand %s *%s* | %u.%u | %u | [[e-%d]](#e-%d) |\n", w,
		  words[pick(g, 100)], cost / 10, cost % 10, jobs, e, e);
	}
	B(g, ":::\n\n");
	M(g, "\n*Figures in 2024 dollars.*\n\n");
}

static void list(gen *g)
{
	int ordered = pick(g, 3) == 0, items = 3 + (int)pick(g, 3);
	for (int i = 0; i < items; i++) {
		text x = {.n = 0};
		sentence(g, &x, 1);
		char mark[8];
		snprintf(mark, sizeof mark, ordered ? "%d. " : "- ", i + 1);
		const char *indent = ordered ? "   " : "  ";
		wrap(g, &x, mark, indent, mark, indent);
	}
	B(g, "\n");
	M(g, "\n");
}

static void quote(gen *g)
{
	text x = {.n = 0};
	sentence(g, &x, 0);
	sentence(g, &x, 0);
	wrap(g, &x, "> ", "> ", "> ", "> ");
	B(g, "\n");
	M(g, "\n");
}

/* A field value or claim: one sentence, continuation lines indented. */
static void field_text(gen *g, text *x, int cite)
{
	x->n = 0;
	sentence(g, x, cite);
}

/* ---- the blocks ---- */

static void finding(gen *g)
{
	int f = ++g->finding;
	int e1 = g->evidence + 1, e2 = g->evidence + 2;
	const char *conf = levels[pick(g, 3)];
	text x;
	field_text(g, &x, 0);
	B(g, "::: finding f-%d\n", f);
	M(g, "<a id=\"f-%d\"></a>\n", f);
	char pre_m[64];
	snprintf(pre_m, sizeof pre_m, "**Finding %d.** ", f);
	wrap(g, &x, "claim: ", "  ", pre_m, "");
	B(g, "evidence: e-%d, e-%d\nconfidence: %s\n\n", e1, e2, conf);
	M(g, "\n*Evidence: [[e-%d]](#e-%d), [[e-%d]](#e-%d). Confidence: %s.*\n\n",
	  e1, e1, e2, e2, conf);
	paragraph(g, 2 + (int)pick(g, 3));
	B(g, ":::\n\n");
}

static void recommendation(gen *g, int nfind)
{
	int r = ++g->rec;
	unsigned a = pick(g, NAREAS);
	const char *actor = actors[pick(g, sizeof actors / sizeof actors[0])];
	const char *prio = levels[pick(g, 3)];
	int f1 = g->finding, f2 = nfind > 1 ? g->finding - 1 : 0;
	text x;
	field_text(g, &x, 0);
	B(g, "::: recommendation r-%d\n", r);
	M(g, "<a id=\"r-%d\"></a>\n", r);
	char pre_m[64];
	snprintf(pre_m, sizeof pre_m, "**Recommendation %d.** ", r);
	wrap(g, &x, "action: ", "  ", pre_m, "");
	B(g, "area: %s\n", areas[a].id);
	if (f2)
		B(g, "addresses: f-%d, f-%d\n", f1, f2);
	else
		B(g, "addresses: f-%d\n", f1);
	B(g, "actor: %s\npriority: %s\nhorizon: %d-%d\n\n", actor, prio,
	  2025 + r % 3, 2028 + r % 3);
	M(g, "\n*Area: %s. Addresses: [Finding %d](#f-%d)", areas[a].title, f1, f1);
	if (f2)
		M(g, ", [Finding %d](#f-%d)", f2, f2);
	M(g, ". Actor: %s. Priority: %s. Horizon: %d-%d.*\n\n", actor, prio,
	  2025 + r % 3, 2028 + r % 3);
	paragraph(g, 1 + (int)pick(g, 3));
	B(g, ":::\n\n");
}

static void evidence(gen *g)
{
	int e = ++g->evidence;
	text x = {.n = 0};
	int n = 4 + (int)pick(g, 6);
	for (int i = 0; i < n; i++)
		word(&x, words[pick(g, 100)], 1);
	const char *pub = publishers[pick(g, sizeof publishers / sizeof publishers[0])];
	const char *type = types[pick(g, sizeof types / sizeof types[0])];
	unsigned y = 1990 + pick(g, 34), mo = 1 + pick(g, 12), d = 1 + pick(g, 28);
	B(g, "::: evidence e-%d\n", e);
	M(g, "<a id=\"e-%d\"></a>\n", e);
	char pre_m[64];
	snprintf(pre_m, sizeof pre_m, "**[e-%d]** ", e);
	wrap(g, &x, "title: ", "  ", pre_m, "");
	B(g, "publisher: %s\nurl: https://example.org/reports/%d.pdf\n"
	     "date: %u-%02u-%02u\ntype: %s\n", pub, e, y, mo, d, type);
	if (g->kind == KIND_REFS)
		B(g, "authors: Jane Doe; John Roe\naccessed: 2024-01-%02u\n", 1 + e % 28);
	B(g, ":::\n\n");
	M(g, "%s, %u-%02u-%02u, <https://example.org/reports/%d.pdf> (%s).\n\n",
	  pub, y, mo, d, e, type);
}

static void front(gen *g)
{
	B(g, "---\ntitle: Benchmark Brief on *Regional* Partnership\n"
	     "organization: Benchmark Institute\n"
	     "authors: Jane Doe; John Roe\ndate: 2024-02-01\nstatus: draft\n---\n\n");
	M(g, "# Benchmark Brief on *Regional* Partnership\n\n"
	     "*Benchmark Institute*. Jane Doe; John Roe. 2024-02-01.\n\n");
	B(g, "::: acronyms\n");
	M(g, "## Acronyms\n\n");
	for (size_t i = 0; i < NACRONYMS; i++) {
		B(g, "%s: %s\n", acronyms[i].abbr, acronyms[i].expansion);
		M(g, "- **%s**: %s\n", acronyms[i].abbr, acronyms[i].expansion);
	}
	B(g, ":::\n\n::: areas\n");
	M(g, "\n## Areas\n\n");
	for (size_t i = 0; i < NAREAS; i++) {
		B(g, "%s: %s\n", areas[i].id, areas[i].title);
		M(g, "- %s\n", areas[i].title);
	}
	B(g, ":::\n\n");
	M(g, "\n");
	/* Every acronym used once up front: none is unused at any size. */
	text x = {.n = 0};
	word(&x, "This", 0);
	word(&x, "brief", 0);
	word(&x, "covers", 0);
	for (size_t i = 0; i < NACRONYMS; i++) {
		word(&x, acronyms[i].abbr, 0);
		punct(&x, i + 1 < NACRONYMS ? "," : ".");
	}
	wrap(g, &x, "", "", "", "");
	B(g, "\n");
	M(g, "\n");
}

/* A heading of a few title-case words; the brief gives it an explicit ID. */
static void heading(gen *g, const char *marks, const char *id)
{
	char title[256] = "";
	int n = 2 + (int)pick(g, 4);
	for (int i = 0; i < n; i++) {
		const char *w = words[pick(g, 100)];
		size_t len = strlen(title);
		snprintf(title + len, sizeof title - len, "%s%c%s", i ? " " : "",
			 w[0] - 'a' + 'A', w + 1);
	}
	B(g, "%s %s {#%s}\n\n", marks, title, id);
	M(g, "%s %s\n\n", marks, title);
}

/* One section: about 5 KB of brief. */
static void section(gen *g)
{
	char id[32];
	int s = ++g->section;
	snprintf(id, sizeof id, "s-%d", s);
	heading(g, "#", id);
	paragraph(g, 3 + (int)pick(g, 4));
	if (pick(g, 4) == 0)
		quote(g);
	paragraph(g, 2 + (int)pick(g, 4));
	if (g->kind == KIND_FLOATS)
		table(g);
	finding(g);
	int subs = 1 + (int)pick(g, 2);
	for (int k = 1; k <= subs; k++) {
		snprintf(id, sizeof id, "s-%d-%d", s, k);
		heading(g, "##", id);
		paragraph(g, 2 + (int)pick(g, 5));
		if (pick(g, 3) == 0)
			list(g);
		recommendation(g, k);
	}
	paragraph(g, 2 + (int)pick(g, 3));
	evidence(g);
	evidence(g);
}

static size_t parse_size(const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return 0;
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	return *end ? 0 : (size_t)v;
}

int main(int argc, char **argv)
{
	int kind = KIND_PLAIN;
	if (argc == 6 && strcmp(argv[1], "-k") == 0) {
		kind = strcmp(argv[2], "floats") == 0 ? KIND_FLOATS :
		       strcmp(argv[2], "refs") == 0 ? KIND_REFS :
		       strcmp(argv[2], "plain") == 0 ? KIND_PLAIN : -1;
		argc -= 2;
		argv += 2;
	}
	size_t size = argc == 4 && kind >= 0 ? parse_size(argv[1]) : 0;
	if (!size) {
		fputs("usage: gen [-k plain|floats|refs] SIZE[K|M] OUT.brief OUT.md\n", stderr);
		return 2;
	}
	gen g = {0};
	g.kind = kind;
	g.rng = 0x5EED;
	g.brief = fopen(argv[2], "w");
	if (!g.brief)
		die(argv[2]);
	g.md = fopen(argv[3], "w");
	if (!g.md)
		die(argv[3]);
	front(&g);
	for (;;) {
		long b = ftell(g.brief), m = ftell(g.md);
		if (b < 0 || m < 0)
			die("ftell");
		section(&g);
		if (g.written <= size)
			continue;
		/* The section did not fit: cut both files back before it. */
		if (fflush(g.brief) || fflush(g.md) ||
		    ftruncate(fileno(g.brief), b) || ftruncate(fileno(g.md), m))
			die("truncate");
		break;
	}
	if (fclose(g.brief) || fclose(g.md))
		die("close");
	return 0;
}
