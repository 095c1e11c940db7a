/*
 * check_acronyms.c - undefined-acronym, unused-acronym, acronym-mismatch.
 *
 * What a use of an acronym is, and what looks like one, is acronym.h's
 * to say (the renderer marks what these checks count).  The prose they
 * count in is the body (headings, paragraphs, lists, quotes, block bodies,
 * notes, table cells) and the value of every field of text (contract
 * 11.8: claim, action, actor, horizon, title, publisher, caption, note,
 * alt, and the front matter's title and subtitle), evidence's included;
 * not an evidence's note, and never a name or an identifier-like value
 * (authors, organization, series, a number, a version, a date, a URL, a
 * path, IDs: check_walk.c hands none of them to a scanner of text
 * fields).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "acronym.h"
#include "ascii.h"
#include "check.h"
#include "check_util.h"
#include "xalloc.h"

#define CW_ACRONYM_PROSE (CW_HEADING | CW_PARAGRAPH | CW_INLINE_FIELD | \
			  CW_TEXT_FIELD | CW_CELL)

static bool in_prose(const prose *p, size_t i)
{
	return !(p->fl[i] & (CP_CODE | CP_URL | CP_REF));
}

/* The checks asked for, each called for every use acronym_scan finds. */
typedef struct scan_ctx {
	acronym_fn *fn[4];
	void *ctx[4];
	size_t n;
} scan_ctx;

static void token(prose *p, size_t a, size_t b, size_t len, size_t val,
		  void *vctx)
{
	scan_ctx *sc = vctx;
	for (size_t i = 0; i < sc->n; i++)
		sc->fn[i](p, a, b, len, val, sc->ctx[i]);
}

/* ---- undefined-acronym ---- */

typedef struct undef_entry {
	span first;
	size_t count;
	const char *name;
} undef_entry;

typedef struct undef_state {
	htab seen;	/* name -> index into v */
	undef_entry *v;
	size_t n, cap;
} undef_state;

static void undef_token(prose *p, size_t a, size_t b, size_t len,
			size_t val, void *ctx)
{
	undef_state *st = ctx;
	bool added;

	(void)b;
	if (val != ACRONYM_UNDECLARED)
		return;
	htab_entry *e = htab_put(&st->seen, p->text + a, len, &added);
	if (!added) {
		st->v[e->val.n].count++;
		return;
	}
	e->key = arena_strndup(&p->d->arena, p->text + a, len);
	st->v = xgrow(st->v, &st->cap, st->n, sizeof *st->v, "undeclared acronyms");
	e->val.n = st->n;
	st->v[st->n++] = (undef_entry){prose_span(p, a, a + len), 1,
				       e->key};
}

static void undef_finish(ast_doc *d, undef_state *st)
{
	for (size_t i = 0; i < st->n; i++) {
		const char *name = check_quote(d, st->v[i].name,
					       strlen(st->v[i].name));
		size_t k = diag_report(&d->diags, DC_UNDEFINED_ACRONYM,
				       st->v[i].first,
				       "acronym '%s' is not declared", name);
		diag_add_help(&d->diags, k,
			      "declare it in an '::: acronyms' block as "
			      "'%s: Expansion'", name);
		if (st->v[i].count > 1)
			diag_add_help(&d->diags, k, "'%s' is used %zu times",
				      name, st->v[i].count);
	}
	free(st->v);
	htab_free(&st->seen);
}

/* ---- unused-acronym ---- */

/* ctx: the count of uses of each declared acronym */
static void count_use(prose *p, size_t a, size_t b, size_t len,
		      size_t val, void *ctx)
{
	size_t *uses = ctx;

	(void)p, (void)a, (void)b, (void)len;
	if (val != ACRONYM_UNDECLARED)
		uses[val]++;
}

/* Report the acronyms never used; each declaration keeps its count of
 * uses (the JSON output shows it). */
static void unused_finish(ast_doc *d, const acronym_table *t, const size_t *uses)
{
	for (size_t i = 0; i < t->n + t->ndups; i++) {
		ast_entry *e = (i < t->n ? t->decl[i] : t->dups[i - t->n])->u.entry;
		size_t k = acronym_find(t, e->key.p, e->key.len);
		e->uses = uses[k] > INT_MAX ? INT_MAX : (int)uses[k];
	}
	for (size_t i = 0; i < t->n; i++) {
		if (uses[i])
			continue;
		const ast_node *e = t->decl[i];
		size_t k = diag_report(&d->diags, DC_UNUSED_ACRONYM,
				       e->u.entry->key_at,
				       "acronym '%s' is declared but never used",
				       CHECK_Q(d, e->u.entry->key));
		diag_add_help(&d->diags, k,
			      "remove it, or use it in the text");
	}
}

/* ---- acronym-mismatch ---- */

/* A word of an expansion, compared without case, edge punctuation, dots
 * and a possessive 's: "People's" = "peoples", "U.S." = "US". */
typedef struct word {
	const char *p;
	size_t n;
} word;

static bool edge_punct(const char *s, size_t n, bool at_end, size_t *len)
{
	static const char *const quotes[] = {"\xE2\x80\x9C", "\xE2\x80\x9D",
					     "\xE2\x80\x98", "\xE2\x80\x99"};
	unsigned char c = (unsigned char)(at_end ? s[n - 1] : s[0]);

	if (c < 0x80) {
		*len = 1;
		return c != '&' && !((c >= '0' && c <= '9') ||
				     (c >= 'a' && c <= 'z') ||
				     (c >= 'A' && c <= 'Z'));
	}
	for (size_t i = 0; i < 4; i++)
		if (n >= 3 && memcmp(at_end ? s + n - 3 : s, quotes[i], 3) == 0) {
			*len = 3;
			return true;
		}
	return false;
}

static word word_trim(word w)
{
	size_t len;

	while (w.n && edge_punct(w.p, w.n, false, &len)) {
		w.p += len;
		w.n -= len;
	}
	while (w.n && edge_punct(w.p, w.n, true, &len))
		w.n -= len;
	/* possessive: 's or ’s (the quote itself is edge punctuation) */
	if (w.n > 2 && w.p[w.n - 2] == '\'' && (w.p[w.n - 1] == 's' ||
						 w.p[w.n - 1] == 'S'))
		w.n -= 2;
	else if (w.n > 4 && memcmp(w.p + w.n - 4, "\xE2\x80\x99", 3) == 0 &&
		 (w.p[w.n - 1] == 's' || w.p[w.n - 1] == 'S'))
		w.n -= 4;
	return w;
}

static bool word_eq(word a, word b)
{
	size_t i = 0, j = 0;

	a = word_trim(a);
	b = word_trim(b);
	for (;;) {
		while (i < a.n && a.p[i] == '.')
			i++;
		while (j < b.n && b.p[j] == '.')
			j++;
		if (i == a.n || j == b.n)
			return i == a.n && j == b.n;
		if (ascii_lower(a.p[i]) != ascii_lower(b.p[j]))
			return false;
		i++;
		j++;
	}
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* The whitespace-separated words of an expansion (heap array). */
static word *split_words(const char *s, size_t n, size_t *nw)
{
	word *w = xreallocarray(NULL, n / 2 + 2, sizeof *w, "an expansion's words");
	size_t i = 0;

	*nw = 0;
	while (i < n) {
		while (i < n && is_space(s[i]))
			i++;
		size_t b = i;
		while (i < n && !is_space(s[i]))
			i++;
		if (i > b)
			w[(*nw)++] = (word){s + b, i - b};
	}
	return w;
}

/*
 * A word that ends a clause ("staff;", "2020.", "(see") is not part of an
 * expansion written before "(ABBR)".  A dot ends one unless the word is an
 * abbreviation itself ("U.S.", "J.").
 */
static bool ends_clause(word w)
{
	char c = w.p[w.n - 1];

	if (memchr(w.p, '(', w.n) || strchr(";:!?)", c))
		return true;
	if (c != '.')
		return false;
	return !(memchr(w.p, '.', w.n - 1) ||
		 (w.n == 2 && ascii_is_upper(w.p[0])));
}

typedef struct mismatch_state {
	const acronym_table *t;
	word *got;		/* room for the longest expansion */
	word **exp;		/* the declared expansion of each, split */
	size_t *nexp;
} mismatch_state;

static void mismatch_token(prose *p, size_t a, size_t b, size_t len,
			   size_t val, void *ctx)
{
	mismatch_state *st = ctx;

	if (val == ACRONYM_UNDECLARED || len != b - a)
		return;
	/* "(ABBR)", the parentheses plain prose */
	if (a == 0 || b >= p->len || p->text[a - 1] != '(' || p->text[b] != ')' ||
	    !in_prose(p, a - 1) || !in_prose(p, b))
		return;
	size_t want = st->nexp[val];
	if (want == 0)
		return;

	/* The want words before "(": walk back over spaces and words. */
	size_t i = a - 1, nw = 0, first = 0, last = 0;
	word *got = st->got;
	while (nw < want) {
		while (i > 0 && is_space(p->text[i - 1]) && in_prose(p, i - 1))
			i--;
		size_t e = i;
		while (i > 0 && !is_space(p->text[i - 1]) && in_prose(p, i - 1))
			i--;
		if (i == e)
			break;
		if (ends_clause((word){p->text + i, e - i})) {
			if (nw == 0)	/* "staff; (EPA)": no expansion here */
				return;
			break;
		}
		if (nw == 0)
			last = e;
		first = i;
		got[want - 1 - nw] = (word){p->text + i, e - i};
		nw++;
	}
	bool same = nw == want;
	for (size_t k = 0; same && k < want; k++)
		same = word_eq(got[k], st->exp[val][k]);
	if (same || nw == 0)
		return;

	const ast_node *decl = st->t->decl[val];
	const str *key = &decl->u.entry->key, *exp = &decl->u.entry->value;
	size_t k = diag_report(&p->d->diags, DC_ACRONYM_MISMATCH,
			       prose_span(p, first, last),
			       "'%.*s%s' is not the declared expansion of %.*s%s",
			       check_clip(p->text + first, last - first),
			       p->text + first, CHECK_CLIPPED(last - first),
			       check_clip(key->p, key->len), key->p,
			       CHECK_CLIPPED(key->len));
	diag_add_note(&p->d->diags, k, decl->u.entry->value_at,
		      "%.*s%s is declared here as '%.*s%s'",
		      check_clip(key->p, key->len), key->p,
		      CHECK_CLIPPED(key->len), check_clip(exp->p, exp->len),
		      exp->p, CHECK_CLIPPED(exp->len));
}

/* Split the expansions; report abbreviations declared twice differently. */
static void mismatch_begin(ast_doc *d, mismatch_state *st, const acronym_table *t)
{
	st->t = t;
	st->exp = xreallocarray(NULL, t->n + 1, sizeof *st->exp, "the expansions");
	st->nexp = xreallocarray(NULL, t->n + 1, sizeof *st->nexp, "the expansions");
	size_t longest = 1;
	for (size_t i = 0; i < t->n; i++) {
		st->exp[i] = split_words(t->decl[i]->u.entry->value.p,
					 t->decl[i]->u.entry->value.len,
					 &st->nexp[i]);
		if (st->nexp[i] > longest)
			longest = st->nexp[i];
	}
	st->got = xreallocarray(NULL, longest, sizeof *st->got, "the expansions");

	/* The same acronym declared again with another expansion. */
	for (size_t i = 0; i < t->ndups; i++) {
		const ast_node *e = t->dups[i];
		htab_entry *k = htab_get(&t->keys, e->u.entry->key.p,
						   e->u.entry->key.len);
		const ast_node *first = t->decl[k->val.n];
		size_t nw;
		word *w = split_words(e->u.entry->value.p, e->u.entry->value.len,
				      &nw);
		bool same = nw == st->nexp[k->val.n];
		for (size_t j = 0; same && j < nw; j++)
			same = word_eq(w[j], st->exp[k->val.n][j]);
		free(w);
		if (same)
			continue;
		size_t id = diag_report(&d->diags, DC_ACRONYM_MISMATCH,
					e->u.entry->value_at,
					"%s is declared again with another "
					"expansion", CHECK_Q(d, e->u.entry->key));
		const str *exp = &first->u.entry->value;
		diag_add_note(&d->diags, id, first->u.entry->value_at,
			      "%s is first declared here as '%.*s%s'",
			      CHECK_Q(d, first->u.entry->key),
			      check_clip(exp->p, exp->len),
			      exp->p, CHECK_CLIPPED(exp->len));
	}
}

static void mismatch_free(mismatch_state *st)
{
	for (size_t i = 0; i < st->t->n; i++)
		free(st->exp[i]);
	free(st->exp);
	free(st->nexp);
	free(st->got);
}

/* ---- the three checks, alone or in one walk ---- */

struct check_acr {
	ast_doc *d;
	unsigned which;		/* CHECK_ACR_* */
	acronym_table t;
	size_t *uses;		/* of each declared acronym */
	acronym_uses *keep;	/* the uses kept for the renderer, or NULL */
	scan_ctx sc;
	undef_state undef;
	mismatch_state mm;
};

static void scan(prose *p, void *ctx)
{
	check_acr *a = ctx;
	/* an evidence's fields are the author's words; its note is not */
	if ((p->where & CW_EVIDENCE) && !(p->where & (CW_INLINE_FIELD | CW_TEXT_FIELD)))
		return;
	acronym_scan(p, &a->t, token, &a->sc);
	if (a->keep)
		acronym_uses_end(a->keep);
}

check_acr *check_acr_begin(ast_doc *d, unsigned which, check_prose_use *use)
{
	check_acr *a = xmalloc(sizeof *a, "the acronym checks");

	memset(a, 0, sizeof *a);
	a->d = d;
	a->which = which;
	acronym_table_init(&a->t, d, true);
	a->uses = xcalloc(a->t.n, sizeof *a->uses, "the acronym checks");
	if (which & CHECK_ACR_UNDEFINED) {
		a->sc.fn[a->sc.n] = undef_token;
		a->sc.ctx[a->sc.n++] = &a->undef;
	}
	if (which & CHECK_ACR_UNUSED) {
		a->sc.fn[a->sc.n] = count_use;
		a->sc.ctx[a->sc.n++] = a->uses;
	}
	if (which & CHECK_ACR_MISMATCH) {
		mismatch_begin(d, &a->mm, &a->t);
		a->sc.fn[a->sc.n] = mismatch_token;
		a->sc.ctx[a->sc.n++] = &a->mm;
	}
	/* the first scan of the document keeps its uses for the renderer */
	if (d->keep_acronym_uses && !d->acr_uses && a->t.n) {
		d->acr_uses = xcalloc(1, sizeof *d->acr_uses, "the acronym uses");
		d->acr_uses->arena = &d->side;
		a->keep = d->acr_uses;
		a->sc.fn[a->sc.n] = acronym_uses_note;
		a->sc.ctx[a->sc.n++] = a->keep;
	}
	*use = (check_prose_use){CW_ACRONYM_PROSE, 0, scan, a};
	return a;
}

void check_acr_finish(check_acr *a)
{
	if (a->keep)
		acronym_uses_finish(a->keep);
	if (a->which & CHECK_ACR_UNDEFINED)
		undef_finish(a->d, &a->undef);
	if (a->which & CHECK_ACR_UNUSED)
		unused_finish(a->d, &a->t, a->uses);
	if (a->which & CHECK_ACR_MISMATCH)
		mismatch_free(&a->mm);
	acronym_table_free(&a->t);
	free(a->uses);
	free(a);
}

static void acr_alone(ast_doc *d, unsigned which)
{
	check_prose_use use;
	check_acr *a = check_acr_begin(d, which, &use);
	check_prose_walk_all(d, &use, 1);
	check_acr_finish(a);
}

void check_undefined_acronym(ast_doc *d)
{
	acr_alone(d, CHECK_ACR_UNDEFINED);
}

void check_unused_acronym(ast_doc *d)
{
	acr_alone(d, CHECK_ACR_UNUSED);
}

void check_acronym_mismatch(ast_doc *d)
{
	acr_alone(d, CHECK_ACR_MISMATCH);
}
