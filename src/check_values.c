/*
 * check_values.c - bad-value: every field value against its type
 * (ast_value_type), and the entries of acronyms and areas blocks.
 *
 * URLs are left to check_links.c (bad-url, unsafe-url), and an empty value
 * of an optional field reads as an absent field: only a required field's
 * empty value is an error here.
 */
#include <string.h>

#include "ascii.h"
#include "check.h"
#include "check_util.h"

static const char *const levels[] = {"high", "medium", "low"};
static const char *const statuses[] = {"draft", "final"};
static const char *const evidence_types[] = {
	"report", "law", "treaty", "statement", "dataset", "article", "other"};
static const char *const box_types[] = {
	"note", "key-points", "sidebar", "disclaimer"};
static const char *const papers[] = {"a4", "letter"};
static const char *const tocs[] = {"auto", "yes", "no"};

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_is_digit(s[i]))
			return false;
	return n > 0;
}

static int num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* YYYY, YYYY-MM or YYYY-MM-DD (only the last when !partial), real dates. */
static bool valid_date(const char *s, size_t n, bool partial)
{
	if (n != 10 && !(partial && (n == 4 || n == 7)))
		return false;
	if (!all_digits(s, 4) || num(s, 4) == 0)
		return false;
	if (n == 4)
		return true;
	if (s[4] != '-' || !all_digits(s + 5, 2))
		return false;
	int m = num(s + 5, 2);
	if (m < 1 || m > 12)
		return false;
	if (n == 7)
		return true;
	if (s[7] != '-' || !all_digits(s + 8, 2))
		return false;
	int day = num(s + 8, 2);
	return day >= 1 && day <= days_in_month(num(s, 4), m);
}

static bool alnum_run(const char *s, size_t n, bool alpha_only)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_is_alpha(s[i]) && (alpha_only || !ascii_is_digit(s[i])))
			return false;
	return true;
}

/*
 * A plausible BCP 47 tag (RFC 5646, section 2.1, without grandfathered
 * tags and reserved 4- to 8-letter languages): language [-extlang] [-script] [-region]
 * *(-variant) *(-extension) [-privateuse], or a private-use tag alone.
 */
static bool valid_lang(const char *s, size_t n)
{
	enum { LANG, EXTLANG, SCRIPT, REGION, VARIANT, EXTENSION, PRIVATE } st;
	size_t i = 0, nparts = 0, nextlang = 0;
	bool need_ext_subtag = false;

	st = LANG;
	while (i <= n) {
		size_t b = i;
		while (i < n && s[i] != '-')
			i++;
		const char *p = s + b;
		size_t len = i - b;
		i++;		/* past '-' or the end */
		if (len == 0 || len > 8 || !alnum_run(p, len, false))
			return false;
		if (nparts++ == 0) {
			if (len == 1 && (p[0] == 'x' || p[0] == 'X')) {
				st = PRIVATE;
				need_ext_subtag = true;
				continue;
			}
			/* 4- to 8-letter languages are reserved, unused */
			if (len < 2 || len > 3 || !alnum_run(p, len, true))
				return false;
			st = EXTLANG;
			continue;
		}
		if (st == PRIVATE) {
			need_ext_subtag = false;
			continue;
		}
		if (len == 1) {
			if (need_ext_subtag)
				return false;
			st = (p[0] == 'x' || p[0] == 'X') ? PRIVATE : EXTENSION;
			need_ext_subtag = true;
			continue;
		}
		if (st == EXTENSION) {
			if (len < 2)
				return false;
			need_ext_subtag = false;
			continue;
		}
		if (st == EXTLANG && len == 3 && alnum_run(p, len, true) &&
		    nextlang < 3) {
			nextlang++;
			continue;
		}
		if (st <= SCRIPT && len == 4 && alnum_run(p, len, true)) {
			st = REGION;
			continue;
		}
		if (st <= REGION && ((len == 2 && alnum_run(p, len, true)) ||
				     (len == 3 && all_digits(p, len)))) {
			st = VARIANT;
			continue;
		}
		if ((len >= 5) || (len == 4 && ascii_is_digit(p[0]))) {
			st = VARIANT;
			continue;
		}
		return false;
	}
	return !need_ext_subtag;
}

static bool one_of(const char *s, size_t n, const char *const *set, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (strlen(set[i]) == n && memcmp(set[i], s, n) == 0)
			return true;
	return false;
}

/* The enumerations: what a value is called (NULL: the field's name), its
 * words, and how a message lists them. */
static const struct {
	ast_value_type type;
	const char *what;
	const char *const *set;
	size_t n;
	const char *choices;
} enums[] = {
	{VT_LEVEL, NULL, levels, COUNT(levels), "high, medium or low"},
	{VT_STATUS, "status", statuses, COUNT(statuses), "draft or final"},
	{VT_EVIDENCE_TYPE, "evidence type", evidence_types, COUNT(evidence_types),
	 "report, law, treaty, statement, dataset, article or other"},
	{VT_BOX_TYPE, "box type", box_types, COUNT(box_types),
	 "note, key-points, sidebar or disclaimer"},
	{VT_PAPER, "paper size", papers, COUNT(papers), "a4 or letter"},
	{VT_TOC, "toc", tocs, COUNT(tocs), "auto, yes or no"},
};

static void bad_enum(ast_doc *d, const ast_field *f, ast_value_type type)
{
	size_t e = 0;
	while (enums[e].type != type)
		e++;
	const char *const *set = enums[e].set;
	size_t k = enums[e].n;
	const char *what = enums[e].what ? enums[e].what : f->name.p;
	const char *choices = enums[e].choices;
	if (one_of(f->value.p, f->value.len, set, k))
		return;
	size_t id = diag_report(&d->diags, DC_BAD_VALUE, f->value_at,
				"'%s' is not a valid %s (%s)",
				CHECK_Q(d, f->value), what,
				choices);
	const char *s = diag_suggest(f->value.p, f->value.len, set, k);
	if (s)
		diag_add_help(&d->diags, id, "did you mean '%s'?",
			      check_quote(d, s, strlen(s)));
}

/*
 * The next sep-separated piece of v[0, n) from *i, trimmed of spaces and
 * tabs, as [*b, *e); false when the list is done.  A trailing separator
 * gives a last, empty piece.
 */
static bool next_piece(const char *v, size_t n, char sep, size_t *i,
		       size_t *b, size_t *e)
{
	if (*i > n)
		return false;
	*b = *i;
	while (*i < n && v[*i] != sep)
		(*i)++;
	*e = *i;
	(*i)++;
	while (*b < *e && (v[*b] == ' ' || v[*b] == '\t'))
		(*b)++;
	while (*e > *b && (v[*e - 1] == ' ' || v[*e - 1] == '\t'))
		(*e)--;
	return true;
}

/* The separator that makes the empty piece before *i: the one after it,
 * or for a last piece the one before it ("a, b," points at the comma). */
static span empty_piece(ast_doc *d, const ast_field *f, size_t i, size_t b)
{
	const char *v = f->value.p;
	size_t at = i - 1;

	if (at >= f->value.len) {
		at = b;
		while (at > 0 && (v[at - 1] == ' ' || v[at - 1] == '\t'))
			at--;
		at = at ? at - 1 : 0;
	}
	return check_field_span(d, f, at, at + 1);
}

/* Each comma-separated element must be an ID. */
static void bad_ids(ast_doc *d, const ast_field *f, bool single)
{
	const char *v = f->value.p;
	size_t n = f->value.len, i = 0;

	if (single && memchr(v, ',', n)) {
		diag_report(&d->diags, DC_BAD_VALUE, f->value_at,
			    "'%s:' takes one ID, not a list",
			    CHECK_Q(d, f->name));
		return;
	}
	size_t b, e;
	while (next_piece(v, n, ',', &i, &b, &e)) {
		if (b == e) {
			diag_report(&d->diags, DC_BAD_VALUE,
				    empty_piece(d, f, i, b),
				    "empty ID in the list of '%s:'",
				    CHECK_Q(d, f->name));
			continue;
		}
		if (!ast_id_valid(v + b, e - b))
			diag_report(&d->diags, DC_BAD_VALUE,
				    check_field_span(d, f, b, e),
				    "'%.*s%s' is not a valid ID (" CHECK_ID_RULE ")",
				    check_clip(v + b, e - b), v + b,
				    CHECK_CLIPPED(e - b));
	}
}

/* Names separated by ';'; in the front matter each may end in
 * "(Affiliation)" (contract 11.7). */
static void bad_names(ast_doc *d, const ast_field *f)
{
	const char *v = f->value.p;
	size_t n = f->value.len, i = 0;
	bool front = f == d->meta.authors;

	size_t b, e;
	while (next_piece(v, n, ';', &i, &b, &e)) {
		if (b == e) {
			diag_report(&d->diags, DC_BAD_VALUE,
				    empty_piece(d, f, i, b),
				    "empty name in '%s:' (names are separated by ';')",
				    CHECK_Q(d, f->name));
			continue;
		}
		if (!front || v[e - 1] != ')')
			continue;
		if (v[b] == '(')
			diag_report(&d->diags, DC_BAD_VALUE,
				    check_field_span(d, f, b, e),
				    "an affiliation with no name before it: write "
				    "'Name (Affiliation)'");
		else if (e - b >= 2 && v[e - 2] == '(')
			diag_report(&d->diags, DC_BAD_VALUE,
				    check_field_span(d, f, e - 2, e),
				    "an empty affiliation: write 'Name (Affiliation)' "
				    "or the name alone");
	}
}

/* allow: warning codes, comma-separated.  An error cannot be allowed:
 * it is broken structure or a risk to the reader. */
static void bad_codes(ast_doc *d, const ast_field *f)
{
	const char *v = f->value.p;
	size_t n = f->value.len, i = 0, b, e;
	const char *names[DC__COUNT];

	for (int c = 0; c < DC__COUNT; c++)
		names[c] = diag_code_name((diag_code)c);
	while (next_piece(v, n, ',', &i, &b, &e)) {
		span at = check_field_span(d, f, b, e);
		if (b == e) {
			diag_report(&d->diags, DC_BAD_VALUE, empty_piece(d, f, i, b),
				    "empty code in the list of 'allow:'");
			continue;
		}
		char name[64];
		int c = -1;
		if (e - b < sizeof name) {
			memcpy(name, v + b, e - b);
			name[e - b] = '\0';
			c = diag_code_lookup(name);
		}
		if (c >= 0 && diag_code_default((diag_code)c) == DS_ERROR) {
			diag_report(&d->diags, DC_BAD_VALUE, at,
				    "'%s' is an error, which cannot be allowed: only "
				    "warnings can", names[c]);
		} else if (c < 0) {
			size_t k = diag_report(&d->diags, DC_BAD_VALUE, at,
					       "'%.*s%s' is not a warning code",
					       check_clip(v + b, e - b), v + b,
					       CHECK_CLIPPED(e - b));
			const char *s = diag_suggest(v + b, e - b, names, DC__COUNT);
			if (s)
				diag_add_help(&d->diags, k, "did you mean '%s'?", s);
		}
	}
}

static void bad_positive_int(ast_doc *d, const ast_field *f)
{
	const char *v = f->value.p;
	size_t n = f->value.len;

	if (all_digits(v, n) && n <= 9 && num(v, n) > 0)
		return;
	if (all_digits(v, n) && n > 9) {
		diag_report(&d->diags, DC_BAD_VALUE, f->value_at,
			    "'%s' is too large for '%s:' (at most 999999999)",
			    CHECK_Q(d, f->value), CHECK_Q(d, f->name));
		return;
	}
	diag_report(&d->diags, DC_BAD_VALUE, f->value_at,
		    "'%s' is not a positive integer",
		    CHECK_Q(d, f->value));
}

/* A share of the text width in percent: a whole number, 10 to 100. */
static void bad_percent(ast_doc *d, const ast_field *f)
{
	const char *v = f->value.p;
	size_t n = f->value.len;

	if (all_digits(v, n) && n <= 3 && num(v, n) >= 10 && num(v, n) <= 100)
		return;
	diag_report(&d->diags, DC_BAD_VALUE, f->value_at,
		    "'%s' is not a width: write the percentage of the text "
		    "width as a whole number from 10 to 100, without '%%' "
		    "('width: 80')", CHECK_Q(d, f->value));
}

static void bad_field(ast_doc *d, const ast_field *f, const ast_field_spec *sp)
{
	if (f->value.len == 0) {
		if (sp->required)
			diag_report(&d->diags, DC_BAD_VALUE,
				    check_first_line(d, f->name_at),
				    "'%s:' has an empty value",
				    CHECK_Q(d, f->name));
		return;
	}
	switch (sp->type) {
	case VT_IDS:
		bad_ids(d, f, false);
		break;
	case VT_ID:
		bad_ids(d, f, true);
		break;
	case VT_LEVEL:
	case VT_STATUS:
	case VT_EVIDENCE_TYPE:
	case VT_BOX_TYPE:
	case VT_PAPER:
	case VT_TOC:
		bad_enum(d, f, sp->type);
		break;
	case VT_DATE:
		if (!valid_date(f->value.p, f->value.len, false))
			diag_report(&d->diags, DC_BAD_VALUE, f->value_at,
				    "'%s' is not a valid date (YYYY-MM-DD)",
				    CHECK_Q(d, f->value));
		break;
	case VT_PARTIAL_DATE:
		if (!valid_date(f->value.p, f->value.len, true))
			diag_report(&d->diags, DC_BAD_VALUE, f->value_at,
				    "'%s' is not a valid date (YYYY, YYYY-MM "
				    "or YYYY-MM-DD)", CHECK_Q(d, f->value));
		break;
	case VT_POSITIVE_INT:
		bad_positive_int(d, f);
		break;
	case VT_LANG:
		if (!valid_lang(f->value.p, f->value.len))
			diag_report(&d->diags, DC_BAD_VALUE, f->value_at,
				    "'%s' is not a BCP 47 language tag (such as "
				    "en, en-GB or pt-BR)", CHECK_Q(d, f->value));
		break;
	case VT_NAMES:
		bad_names(d, f);
		break;
	case VT_PERCENT:
		bad_percent(d, f);
		break;
	case VT_CODES:
		bad_codes(d, f);
		break;
	case VT_IDENT:
	case VT_PATH:		/* missing-file looks at the file */
	case VT_INLINE:
	case VT_TEXT:
	case VT_NAME:
	case VT_URL:
		break;
	}
}

static void bad_fields(ast_doc *d, const ast_field *f)
{
	for (; f; f = f->next) {
		if (f->spec)
			bad_field(d, f, f->spec);
	}
}

/*
 * The anchors briefc makes begin "brief." or "cite." (render.c): an
 * author's ID may not, or a link could land on the wrong target now that
 * IDs may hold a '.'.  Any letter case: such IDs are the same ID.
 */
static bool reserved_id(const str *id)
{
	return ascii_prefix_ci(id->p, id->len, "brief.") ||
	       ascii_prefix_ci(id->p, id->len, "cite.");
}

/* The ID a block, a heading's {#id} or an area defines. */
static void bad_id(ast_doc *d, const str *id, span at, const char *what)
{
	if (ast_id_valid(id->p, id->len) && reserved_id(id)) {
		diag_report(&d->diags, DC_BAD_VALUE, at, "IDs beginning with "
			    "'brief.' or 'cite.' are reserved for the anchors "
			    "briefc makes: choose another for '%s'", CHECK_Q(d, *id));
		return;
	}
	if (ast_id_valid(id->p, id->len))
		return;
	if (!id->len)
		diag_report(&d->diags, DC_BAD_VALUE, at, "%s has an empty ID", what);
	else
		diag_report(&d->diags, DC_BAD_VALUE, at,
			    "'%.*s%s' is not a valid ID (" CHECK_ID_RULE ")",
			    check_clip(id->p, id->len), id->p,
			    CHECK_CLIPPED(id->len));
}

/* An acronym must be a token the prose scanner can find: letters, digits
 * and inner '&'. */
static bool acronym_key_ok(const char *s, size_t n)
{
	bool letter = false;
	for (size_t i = 0; i < n; i++) {
		if (ascii_is_alpha(s[i]))
			letter = true;
		else if (!ascii_is_digit(s[i]) && !(s[i] == '&' && i > 0 && i + 1 < n))
			return false;
	}
	return letter;
}

static void bad_entries(ast_doc *d, const ast_vec *v, bool acronyms)
{
	for (size_t i = 0; i < v->n; i++) {
		const ast_node *e = v->v[i];
		if (e->type != (acronyms ? AST_ACRONYM : AST_AREA))
			continue;
		const str *k = &e->u.entry->key;
		if (acronyms && !acronym_key_ok(k->p, k->len))
			diag_report(&d->diags, DC_BAD_VALUE, e->u.entry->key_at,
				    "acronym '%s' can only have letters, digits "
				    "and '&' (no dots or spaces)",
				    CHECK_Q(d, *k));
		else if (!acronyms && ast_id_valid(k->p, k->len) && reserved_id(k))
			bad_id(d, k, e->u.entry->key_at, "the area");
		else if (!acronyms && !ast_id_valid(k->p, k->len))
			diag_report(&d->diags, DC_BAD_VALUE, e->u.entry->key_at,
				    "'%s' is not a valid area ID (" CHECK_ID_RULE ")",
				    CHECK_Q(d, *k));
		if (e->u.entry->value.len == 0)
			diag_report(&d->diags, DC_BAD_VALUE, e->u.entry->key_at,
				    acronyms ? "acronym '%s' has no expansion"
					     : "area '%s' has no title",
				    CHECK_Q(d, *k));
	}
}

/* A locator ("[@id, p. 4]") says where in a source: on anything else it
 * has nowhere to go (contract 11.1). */
static void bad_locators(ast_doc *d)
{
	for (size_t i = 0; i < d->refs.n; i++) {
		const ast_idlist *ids = &d->refs.v[i]->u.ref->ids;
		for (size_t j = 0; j < ids->n; j++) {
			const ast_idref *r = &ids->v[j];
			const ast_node *t = r->target;
			if (!r->locator.len || !t ||
			    (t->type == AST_BLOCK && t->u.block->kind == BK_EVIDENCE))
				continue;
			const char *what = ast_node_what(t);
			size_t k = diag_report(&d->diags, DC_BAD_VALUE, r->locator_at,
					       "a locator ('%s') points into a source, "
					       "but '%s' is %s %s",
					       CHECK_Q(d, r->locator), CHECK_Q(d, r->id),
					       strchr("aeiou", what[0]) ? "an" : "a", what);
			diag_add_help(&d->diags, k, "write '[@%s]' without it",
				      CHECK_Q(d, r->id));
		}
	}
}

void check_bad_value(ast_doc *d)
{
	bad_fields(d, d->meta.fields);
	for (size_t i = 0; i < d->blocks.n; i++) {
		const ast_node *b = d->blocks.v[i];
		bad_fields(d, b->u.block->fields);
		if (b->u.block->id.len)
			bad_id(d, &b->u.block->id, b->u.block->id_at, "the block");
	}
	for (size_t i = 0; i < d->headings.n; i++) {
		const ast_node *h = d->headings.v[i];
		if (h->u.heading->explicit_id)
			bad_id(d, &h->u.heading->id, h->u.heading->id_at, "the heading");
	}
	bad_entries(d, &d->acronyms, true);
	bad_entries(d, &d->areas, false);
	bad_locators(d);
	check_empty_notes(d);
}
