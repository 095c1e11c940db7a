/*
 * gen.c - write one pathological brief to standard output.
 *
 *   gen CASE N       N: the number of repetitions of the case's pattern
 *   gen -l           list the cases
 *
 * Each case is a valid front matter followed by one pathology repeated N
 * times, the shapes that make naive parsers quadratic, recursive or
 * chatty: nested and unclosed openers of every kind, huge lines and URLs,
 * many blocks, references and IDs, IDs crowded into one hash-table slot
 * range, garbage.  run.sh runs each with its expected outcome and a time
 * limit.  Output is a pure function of CASE and N.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void rep(const char *s, long n)
{
	for (long i = 0; i < n; i++)
		fputs(s, stdout);
}

static void front(void)
{
	fputs("---\ntitle: Pathological input\nauthors: Ann Lee\ndate: 2024-01-01\n---\n\n",
	      stdout);
}

/* One evidence block "e" so that [@e] resolves and nothing is unused. */
static void evidence_e(void)
{
	fputs("\n::: evidence e\ntitle: The only source\n:::\n", stdout);
}

/* Paragraph text of n pattern copies, broken into lines of at most
 * per_line copies (0: one line). */
static void para(const char *pat, long n, long per_line)
{
	for (long i = 0; i < n; i++) {
		fputs(pat, stdout);
		if (per_line && (i + 1) % per_line == 0 && i + 1 < n)
			putchar('\n');
	}
	putchar('\n');
}

/* ---- inline nesting and unclosed openers ---- */

static void nested_emph(long n)
{
	front();
	rep("*a **a ", n / 2);
	fputs("b", stdout);
	rep(" a** a*", n / 2);
	putchar('\n');
}

static void nested_stars(long n)
{
	front();
	rep("*", n);
	fputs("a", stdout);
	rep("*", n);
	putchar('\n');
}

static void nested_brackets(long n)
{
	front();
	rep("[", n);
	fputs("a", stdout);
	rep("]", n);
	putchar('\n');
}

static void nested_links(long n)
{
	front();
	rep("[", n);
	fputs("a", stdout);
	rep("](https://example.org/)", n);
	putchar('\n');
}

/* n open brackets, then n links: each link deactivates the brackets
 * below it, and must stop at those an earlier link deactivated. */
static void links_after_openers(long n)
{
	front();
	rep("[", n);
	rep("[a](https://x.org) ", n);
	putchar('\n');
}

static void emph_openers(long n) { front(); para("*a ", n, 0); }
static void emph_closers(long n) { front(); para("a* ", n, 0); }
static void strong_openers(long n) { front(); para("**a ", n, 0); }
static void emph_mod3(long n) { front(); fputs("a**b", stdout); para("c* ", n, 0); }
static void link_openers(long n) { front(); para("[a", n, 0); }
static void link_closers(long n) { front(); para("a]", n, 0); }
static void bracket_paren(long n) { front(); para("[ (](", n, 0); }
static void unclosed_links(long n) { front(); para("[a](b", n, 0); }
static void unclosed_links_paren(long n) { front(); para("[a](b(", n, 0); }
static void link_emph(long n) { front(); para("[ a*", n, 0); }
static void code_openers(long n) { front(); para("`a ", n, 0); }

/* Backtick runs of every length 1..n: CommonMark's quadratic trap. */
static void backticks(long n)
{
	front();
	for (long i = 1; i <= n; i++) {
		putchar('e');
		for (long k = 0; k < i; k++)
			putchar('`');
	}
	putchar('\n');
}

static void ref_openers(long n) { front(); para("[@", n, 0); }
static void ref_unclosed(long n) { front(); para("[@a ", n, 0); }
static void ref_long_unclosed(long n)
{
	front();
	fputs("[@a", stdout);
	rep("; @a", n);
	putchar('\n');
}

static void escapes(long n) { front(); para("\\*\\[\\`\\\\", n, 0); }

/* ---- comments ---- */

static void comment_unclosed(long n)
{
	front();
	fputs("Text <!--", stdout);
	rep("- ", n);
	putchar('\n');
}

static void comment_openers(long n) { front(); para("<!--", n, 0); }
static void comments_many(long n) { front(); para("a <!-- b --> ", n, 100); }

/* ---- blocks ---- */

static void unclosed_blocks(long n)
{
	front();
	for (long i = 0; i < n; i++)
		printf("::: finding f%ld\nclaim: x\n\n", i);
}

static void unclosed_front(long n)
{
	fputs("---\ntitle: T\nauthors: A\ndate: 2024-01-01\n", stdout);
	for (long i = 0; i < n; i++)
		printf("k%ld: v\n", i);
}

static void stray_closers(long n) { front(); rep(":::\n", n); }
static void deep_headings(long n) { front(); rep("#### Too deep\n", n); }
static void empty_headings(long n) { front(); rep("#\n", n); }

/* n blocks, all valid and linked: evidence, findings citing it,
 * recommendations addressing the findings. */
static void many_blocks(long n)
{
	front();
	fputs("::: areas\nmain: Main\n:::\n\n", stdout);
	long third = n / 3;
	for (long i = 0; i < third; i++)
		printf("::: evidence e%ld\ntitle: Source %ld\n:::\n\n", i, i);
	for (long i = 0; i < third; i++)
		printf("::: finding f%ld\nclaim: Claim %ld\nevidence: e%ld\n:::\n\n", i, i, i);
	for (long i = 0; i < third; i++)
		printf("::: recommendation r%ld\naction: Act %ld\narea: main\naddresses: f%ld\n:::\n\n",
		       i, i, i);
}

static void many_paragraphs(long n)
{
	front();
	for (long i = 0; i < n; i++)
		printf("Paragraph %ld.\n\n", i);
}

static void many_list_items(long n) { front(); rep("- item\n", n); }
static void many_quote_lines(long n) { front(); rep("> quote\n", n); }
static void many_headings(long n) { front(); rep("## Same title\n\n", n); }

/* ---- references and IDs ---- */

static void refs_one_id(long n)
{
	front();
	para("See [@e]. ", n, 10);
	evidence_e();
}

static void refs_one_group(long n)
{
	front();
	fputs("[@e", stdout);
	rep("; @e", n - 1);
	fputs("]\n", stdout);
	evidence_e();
}

static void id_list_long(long n)
{
	front();
	fputs("::: finding f\nclaim: A claim\nevidence: e", stdout);
	rep(", e", n - 1);
	fputs("\n:::\n\n::: recommendation r\naction: Act\narea: a\naddresses: f\n:::\n", stdout);
	fputs("\n::: areas\na: Area\n:::\n", stdout);
	evidence_e();
}

static void undefined_refs(long n)
{
	front();
	para("See [@nothing]. ", n, 10);
}

/*
 * IDs whose hashes all fall into slots [0, 64) of a table hashed with
 * plain FNV-1a, folded and masked by the table size (a power of two of at
 * least 64): with linear probing they form one cluster that every
 * insertion walks, O(n^2).  ast.c once hashed IDs so; it now starts the
 * hash from a seed of each run, and these IDs land anywhere.
 */
static uint64_t fnv_fold(const char *p, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

static void hash_collisions(long n)
{
	front();
	fputs("::: areas\n", stdout);
	char id[32];
	long found = 0;
	for (unsigned long k = 0; found < n; k++) {
		int len = snprintf(id, sizeof id, "c%lx", k);
		if ((fnv_fold(id, (size_t)len) & 0xFFFF) < 64) {
			printf("%s: Area %ld\n", id, found);
			found++;
		}
	}
	fputs(":::\n", stdout);
}

/* The same for words in capitals, which the acronym checks count in a
 * table of their own (check_util.c, the same hash, seeded since; unseeded,
 * 300,000 of them took 8 s). */
static void acronym_collisions(long n)
{
	front();
	char w[32];
	long found = 0;
	for (unsigned long k = 0; found < n; k++) {
		int len = 0;
		w[len++] = 'Q';
		for (unsigned long v = k; v || len == 1; v /= 26)
			w[len++] = (char)('A' + v % 26);
		w[len] = '\0';
		if ((fnv_fold(w, (size_t)len) & 0xFFFF) < 64) {
			printf("%s%s", w, ++found % 10 ? " " : "\n");
		}
	}
	putchar('\n');
}

static void duplicate_ids(long n)
{
	front();
	for (long i = 0; i < n; i++)
		fputs("::: evidence same\ntitle: T\n:::\n", stdout);
}

static void slug_collisions(long n) { front(); rep("# Intro\n\n", n); }

/* ---- sizes ---- */

/* One line of n kilobytes of prose with a little markup in each. */
static void huge_line(long n)
{
	static const char words[] = "policy alliance security cooperation regional "
		"strategic partners economic supply chain resilience investment ";
	front();
	for (long i = 0; i < n; i++) {
		for (size_t k = 0; k < 900 / (sizeof words - 1); k++)
			fputs(words, stdout);
		fputs("with *emphasis*, **strength** and [a link](https://example.org/) ",
		      stdout);
	}
	putchar('\n');
}

/* One line where every few bytes open or close something. */
static void huge_line_dense(long n)
{
	front();
	rep("Words and *more words* with [a link](https://x.org) ", n);
	putchar('\n');
}

/* Emphasis before each link: a link must not rescan earlier emphasis. */
static void emph_links(long n) { front(); para("*a* [b](https://x.org) ", n, 0); }

/* Emphasis nested exactly n deep (n strong pairs around a word). */
static void nested_exact(long n)
{
	front();
	rep("**", n);
	fputs("a", stdout);
	rep("**", n);
	putchar('\n');
}

static void huge_url(long n)
{
	front();
	fputs("A [link](https://example.org/", stdout);
	for (long i = 0; i < n; i++)
		putchar("abcdefghij"[i % 10]);
	fputs(") here.\n", stdout);
}

static void huge_field(long n)
{
	front();
	fputs("::: evidence e\ntitle: A title\nurl: https://example.org/", stdout);
	for (long i = 0; i < n; i++)
		putchar('a' + i % 26);
	fputs("\n:::\n\nSee [@e].\n", stdout);
}

static void many_continuations(long n)
{
	front();
	fputs("::: finding f\nclaim: A claim\n", stdout);
	rep("  continued with *more* text\n", n);
	fputs(":::\n", stdout);
}

/* One block of fields in the reverse of the contract's order, each name
 * n times: the parser keeps them in order, fmt sorts them. */
static void many_fields(long n)
{
	front();
	fputs("::: evidence e0\ntitle: T\n:::\n::: finding f\n", stdout);
	rep("confidence: low\nevidence: e0 ,e0\nclaim: A claim\n  continued\n", n);
	fputs(":::\n", stdout);
}

static void entry_continuations(long n)
{
	front();
	fputs("::: acronyms\nUN: United\n", stdout);
	rep("  Nations\n", n);
	fputs(":::\n\nThe UN.\n", stdout);
}

static void long_word(long n)
{
	front();
	for (long i = 0; i < n; i++)
		putchar('A' + i % 26);
	putchar('\n');
}

/* ---- garbage ---- */

static void garbage(long n)
{
	/* Lines of bytes that are every kind of wrong, from a fixed seed. */
	uint64_t s = 88172645463325252ULL;
	for (long i = 0; i < n; i++) {
		int len = 20 + (int)(i % 40);
		for (int k = 0; k < len; k++) {
			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			int c = (int)(s % 256);
			putchar(c == '\n' ? ' ' : c);
		}
		putchar('\n');
	}
}

static void garbage_front(long n)
{
	fputs("---\n", stdout);
	rep("this is not a field\n", n);
	fputs("---\n", stdout);
}

static void garbage_entries(long n)
{
	front();
	fputs("::: acronyms\n", stdout);
	rep("not an entry\n", n);
	fputs(":::\n", stdout);
}

static void nul_bytes(long n)
{
	front();
	for (long i = 0; i < n; i++) {
		fputs("a", stdout);
		putchar(0);
		putchar('\n');
	}
}

/* n MiB of text lines, front matter first. */
static void mebibytes(long n)
{
	static char line[1024];
	memset(line, 'a', sizeof line - 1);
	line[sizeof line - 1] = '\n';
	front();
	for (long i = 0; i < n * 1024; i++)
		fwrite(line, 1, sizeof line, stdout);
}

static void crlf_lines(long n) { front(); rep("a line\r\n", n); }
static void blank_lines(long n) { front(); rep("\n", n); }
static void tabs_only(long n) { front(); rep("\t", n); putchar('\n'); }

/* ---- tables, notes, figures, lists, markup (language v2) ---- */

/* One table of n rows, referred to. */
static void table_rows(long n)
{
	front();
	fputs("See [@t].\n\n::: table t\ncaption: Rows\n\n| Option | Cost ($bn) | Jobs |\n"
	      "|:--|--:|:-:|\n", stdout);
	for (long i = 0; i < n; i++)
		printf("| Option %ld with *emphasis* | %ld.5 | `%ld` |\n", i, i, i);
	fputs(":::\n", stdout);
}

/* A cell of n escaped pipes and backslashes, and a row of n empty
 * cells: both in one table. */
static void table_pipes(long n)
{
	front();
	fputs("See [@t].\n\n::: table t\ncaption: Pipes\n\n| a | b |\n|---|---|\n| ", stdout);
	rep("\\|\\\\", n);
	fputs(" | x |\n", stdout);
	rep("|", n);
	fputs("\n:::\n", stdout);
}

/* Many tables, each with rows of a growing number of cells. */
static void table_shapes(long n)
{
	front();
	for (long i = 0; i < n; i++)
		printf("[@t%ld]\n\n::: table t%ld\ncaption: T\n\n| a | b |\n|---|---|\n| 1 |\n:::\n\n",
		       i, i);
}

/* n notes, each used twice, defined after the text. */
static void footnotes(long n)
{
	front();
	for (long i = 0; i < n; i++)
		printf("A claim[^n%ld] and again[^n%ld].\n", i, i);
	putchar('\n');
	for (long i = 0; i < n; i++)
		printf("[^n%ld]: The note %ld, citing [@e].\n", i, i);
	evidence_e();
}

/* n uses of undefined notes, every one with a near miss. */
static void footnotes_undefined(long n)
{
	front();
	fputs("[^note]: Defined once.\n\nUsed [^note].\n\n", stdout);
	for (long i = 0; i < n; i++)
		printf("Missing[^nte%ld].\n", i);
}

/* The folder's image (written by run.sh's helper below), n times. */
static void figures(long n)
{
	front();
	for (long i = 0; i < n; i++)
		printf("[@f%ld]\n\n::: figure f%ld\nsrc: big.png\nalt: A large chart of "
		       "nothing in particular, number %ld.\ncaption: Figure %ld\n:::\n\n",
		       i, i, i, i);
}

/* Figures of a device, a pipe and a link out of the folder (run.sh
 * makes them): each a missing-file error, none read. */
static void figure_devices(long n)
{
	static const char *const src[] = {"zero.png", "fifo.png", "passwd.png"};
	front();
	for (long i = 0; i < n; i++)
		printf("[@f%ld]\n\n::: figure f%ld\nsrc: %s\nalt: Nothing to see, "
		       "number %ld.\ncaption: C\n:::\n\n", i, i, src[i % 3], i);
}

/* Lists nested three deep, n items. */
static void nested_lists(long n)
{
	front();
	for (long i = 0; i < n; i++)
		fputs(i % 3 == 0 ? "- a\n" : i % 3 == 1 ? "  - b\n" : "    - c\n", stdout);
}

/* Items indented ever deeper: each is an error, one at a time. */
static void list_stairs(long n)
{
	front();
	for (long i = 0; i < n; i++) {
		for (long k = 0; k < i % 40; k++)
			putchar(' ');
		fputs("- x\n", stdout);
	}
}

/* Every kind of markup Brief does not have, n times. */
static void markup_soup(long n)
{
	front();
	for (long i = 0; i < n; i++)
		fputs("#Head <b>x</b> <https://e.org> {.c} ![a](b.png) [a](b c) [@'x']\n"
		      "\xE2\x80\xA2 item\n---\n\n", stdout);
}

/* n malformed references, each mended, on one line. */
static void refs_mended(long n)
{
	front();
	rep("[@ e] [@'e'] [@e;;@e] ", n);
	putchar('\n');
	evidence_e();
}

/* n boxes, half with an ID. */
static void boxes(long n)
{
	front();
	for (long i = 0; i < n; i++)
		if (i % 2)
			printf("[@b%ld]\n\n::: box b%ld\ntitle: Box\ntype: sidebar\n\n- point\n:::\n\n",
			       i, i);
		else
			fputs("::: box\n\nText.\n:::\n\n", stdout);
}

typedef struct gen_case {
	const char *name;
	void (*fn)(long n);
} gen_case;

static const gen_case cases[] = {
	{"table-rows", table_rows},
	{"table-pipes", table_pipes},
	{"table-shapes", table_shapes},
	{"footnotes", footnotes},
	{"footnotes-undefined", footnotes_undefined},
	{"figures", figures},
	{"figure-devices", figure_devices},
	{"nested-lists", nested_lists},
	{"list-stairs", list_stairs},
	{"markup-soup", markup_soup},
	{"refs-mended", refs_mended},
	{"boxes", boxes},
	{"nested-emph", nested_emph},
	{"nested-stars", nested_stars},
	{"nested-brackets", nested_brackets},
	{"nested-links", nested_links},
	{"links-after-openers", links_after_openers},
	{"emph-openers", emph_openers},
	{"emph-closers", emph_closers},
	{"strong-openers", strong_openers},
	{"emph-mod3", emph_mod3},
	{"link-openers", link_openers},
	{"link-closers", link_closers},
	{"bracket-paren", bracket_paren},
	{"unclosed-links", unclosed_links},
	{"unclosed-links-paren", unclosed_links_paren},
	{"link-emph", link_emph},
	{"code-openers", code_openers},
	{"backticks", backticks},
	{"ref-openers", ref_openers},
	{"ref-unclosed", ref_unclosed},
	{"ref-long-unclosed", ref_long_unclosed},
	{"escapes", escapes},
	{"comment-unclosed", comment_unclosed},
	{"comment-openers", comment_openers},
	{"comments-many", comments_many},
	{"unclosed-blocks", unclosed_blocks},
	{"unclosed-front", unclosed_front},
	{"stray-closers", stray_closers},
	{"deep-headings", deep_headings},
	{"empty-headings", empty_headings},
	{"many-blocks", many_blocks},
	{"many-paragraphs", many_paragraphs},
	{"many-list-items", many_list_items},
	{"many-quote-lines", many_quote_lines},
	{"many-headings", many_headings},
	{"refs-one-id", refs_one_id},
	{"refs-one-group", refs_one_group},
	{"id-list-long", id_list_long},
	{"undefined-refs", undefined_refs},
	{"hash-collisions", hash_collisions},
	{"acronym-collisions", acronym_collisions},
	{"duplicate-ids", duplicate_ids},
	{"slug-collisions", slug_collisions},
	{"huge-line", huge_line},
	{"huge-line-dense", huge_line_dense},
	{"emph-links", emph_links},
	{"nested-exact", nested_exact},
	{"entry-continuations", entry_continuations},
	{"huge-url", huge_url},
	{"huge-field", huge_field},
	{"many-continuations", many_continuations},
	{"many-fields", many_fields},
	{"long-word", long_word},
	{"garbage", garbage},
	{"garbage-front", garbage_front},
	{"garbage-entries", garbage_entries},
	{"nul-bytes", nul_bytes},
	{"mebibytes", mebibytes},
	{"crlf-lines", crlf_lines},
	{"blank-lines", blank_lines},
	{"tabs-only", tabs_only},
};

int main(int argc, char **argv)
{
	size_t ncases = sizeof cases / sizeof cases[0];
	if (argc == 2 && strcmp(argv[1], "-l") == 0) {
		for (size_t i = 0; i < ncases; i++)
			puts(cases[i].name);
		return 0;
	}
	if (argc != 3) {
		fputs("usage: gen CASE N | gen -l\n", stderr);
		return 2;
	}
	char *end;
	long n = strtol(argv[2], &end, 10);
	if (*end || n < 1) {
		fprintf(stderr, "gen: bad count '%s'\n", argv[2]);
		return 2;
	}
	for (size_t i = 0; i < ncases; i++) {
		if (strcmp(cases[i].name, argv[1]) == 0) {
			cases[i].fn(n);
			return fflush(stdout) == 0 ? 0 : 1;
		}
	}
	fprintf(stderr, "gen: unknown case '%s' (gen -l lists them)\n", argv[1]);
	return 2;
}
