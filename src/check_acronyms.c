/*
 * check_acronyms.c - undefined-acronym, unused-acronym, acronym-mismatch.
 *
 * What counts as an acronym in prose: a token (check_token_end: letters,
 * digits and inner '&'; hyphens split, so US-ROK is US and ROK) made of
 * capital letters and digits with at least two capitals, or such a token
 * followed by a plural 's' (NGOs).  Roman numerals made of I, V and X
 * (II, IV, XIV) and the placeholder words are not acronyms.  Code spans,
 * URLs and references are not prose.  The prose is the body (headings,
 * paragraphs, lists, quotes, block bodies) and the inline fields (title,
 * claim, action), outside evidence blocks: a source's own title is
 * bibliography, not the author's prose.
 *
 * Every declared acronym is found in one hash table look-up per token, so
 * the scan is linear in the prose however many acronyms are declared.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_util.h"

#define CW_ACRONYM_PROSE (CW_HEADING | CW_PARAGRAPH | CW_INLINE_FIELD | CW_CELL)

typedef struct acro_table {
	check_strtab keys;	/* abbreviation -> index into decl */
	const ast_node **decl;	/* the first declaration of each */
	size_t *uses;
	size_t n;
	const ast_node **dups;	/* later declarations of a taken key */
	size_t ndups;
	bool first[256];	/* the first bytes of the abbreviations */
	bool start[256];	/* ... and capitals, digits and the final NUL:
				 * where a token worth looking at starts */
	uint64_t lens;		/* bit k: an abbreviation of k bytes (63: or
				 * more), so most words need no look-up */
} acro_table;

static uint64_t len_bit(size_t n)
{
	return (uint64_t)1 << (n < 63 ? n : 63);
}

static void acro_add(acro_table *t, const ast_node *e)
{
	bool added;
	check_strent *k;

	if (e->type != AST_ACRONYM || e->u.entry->key.len == 0)
		return;
	k = check_strtab_put(&t->keys, e->u.entry->key.p, e->u.entry->key.len,
			     &added);
	if (!added) {
		t->dups[t->ndups++] = e;
		return;
	}
	k->val = t->n;
	t->first[(unsigned char)e->u.entry->key.p[0]] = true;
	t->start[(unsigned char)e->u.entry->key.p[0]] = true;
	t->lens |= len_bit(e->u.entry->key.len);
	t->decl[t->n] = e;
	t->uses[t->n] = 0;
	t->n++;
}

/* d->acronyms holds the entries; a container block is opened up too. */
static void acro_init(acro_table *t, const ast_doc *d)
{
	size_t cap = 1;

	memset(t, 0, sizeof *t);
	for (size_t i = 0; i < d->acronyms.n; i++) {
		const ast_node *n = d->acronyms.v[i];
		if (n->type == AST_ACRONYM)
			cap++;
		else
			for (const ast_node *c = n->first; c; c = c->next)
				cap++;
	}
	for (int c = 'A'; c <= 'Z'; c++)
		t->start[c] = true;
	for (int c = '0'; c <= '9'; c++)
		t->start[c] = true;
	t->start[0] = true;
	t->decl = check_xrealloc(NULL, cap * sizeof *t->decl);
	t->uses = check_xrealloc(NULL, cap * sizeof *t->uses);
	t->dups = check_xrealloc(NULL, cap * sizeof *t->dups);
	for (size_t i = 0; i < d->acronyms.n; i++) {
		const ast_node *n = d->acronyms.v[i];
		if (n->type == AST_ACRONYM)
			acro_add(t, n);
		else
			for (const ast_node *c = n->first; c; c = c->next)
				acro_add(t, c);
	}
}

static void acro_free(acro_table *t)
{
	check_strtab_free(&t->keys);
	free(t->decl);
	free(t->uses);
	free(t->dups);
}

static bool in_prose(const check_prose *p, size_t i)
{
	return !(p->fl[i] & (CP_CODE | CP_URL | CP_REF));
}

/* Capitals and digits, at least two capitals; not I/V/X numerals. */
static bool acronym_shape(const char *s, size_t n)
{
	size_t caps = 0;
	bool roman = true;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (check_is_upper((unsigned char)c))
			caps++;
		else if (!(c >= '0' && c <= '9'))
			return false;
		if (c != 'I' && c != 'V' && c != 'X')
			roman = false;
	}
	if (caps < 2 || roman)
		return false;
	/* placeholders are check_placeholder's */
	return !((n == 4 && memcmp(s, "TODO", 4) == 0) ||
		 (n == 3 && memcmp(s, "TBD", 3) == 0) ||
		 (n == 3 && memcmp(s, "TBC", 3) == 0) ||
		 (n == 5 && memcmp(s, "FIXME", 5) == 0));
}

/*
 * Call fn for every token of the prose that is a declared acronym (val
 * is its index) or, with val == SIZE_MAX, has the shape of one.  *len is
 * the acronym's length within the token (a plural 's' is not part).
 */
typedef void token_fn(check_prose *p, size_t a, size_t b, size_t len,
		      size_t val, void *ctx);

typedef struct scan_ctx {
	acro_table *t;
	token_fn *fn[3];
	void *ctx[3];
	size_t n;
} scan_ctx;

static void token(scan_ctx *sc, check_prose *p, size_t a, size_t b,
		  size_t len, size_t val)
{
	for (size_t i = 0; i < sc->n; i++)
		sc->fn[i](p, a, b, len, val, sc->ctx[i]);
}

static void acro_scan(check_prose *p, void *vctx)
{
	scan_ctx *sc = vctx;
	const unsigned char *fl = p->fl;
	const bool *start = sc->t->start;
	size_t i = 0;

	for (;;) {
		/* A declared abbreviation starts with one of its first bytes;
		 * the shape of one with a capital or a digit. */
		while (!start[(unsigned char)p->text[i]])
			i++;
		if (i >= p->len)
			return;
		if ((fl[i] & (CP_CODE | CP_URL | CP_REF | CP_WORD)) != CP_WORD) {
			i++;
			continue;
		}
		unsigned all;
		size_t e = check_token_end_fl(p, i, &all);
		if (!check_token_starts(p, i) || (all & (CP_CODE | CP_URL | CP_REF))) {
			i = e;
			continue;
		}
		const char *s = p->text + i;
		size_t n = e - i;
		check_strent *k = NULL;
		bool declared = sc->t->first[(unsigned char)s[0]];
		if (declared && (sc->t->lens & len_bit(n)))
			k = check_strtab_get(&sc->t->keys, s, n);
		if (!k && declared && n > 2 && s[n - 1] == 's' &&
		    (sc->t->lens & len_bit(n - 1)))
			k = check_strtab_get(&sc->t->keys, s, n - 1);
		if (k)
			token(sc, p, i, e, k->len, k->val);
		else if (acronym_shape(s, n))
			token(sc, p, i, e, n, SIZE_MAX);
		else if (n > 2 && s[n - 1] == 's' && acronym_shape(s, n - 1))
			token(sc, p, i, e, n - 1, SIZE_MAX);
		i = e;
	}
}

/* ---- undefined-acronym ---- */

typedef struct undef_entry {
	span first;
	size_t count;
	const char *name;
} undef_entry;

typedef struct undef_state {
	acro_table *t;
	check_strtab seen;	/* name -> index into v */
	undef_entry *v;
	size_t n, cap;
} undef_state;

static void undef_token(check_prose *p, size_t a, size_t b, size_t len,
			size_t val, void *ctx)
{
	undef_state *st = ctx;
	bool added;

	(void)b;
	if (val != SIZE_MAX)
		return;
	check_strent *e = check_strtab_put(&st->seen, p->text + a, len, &added);
	if (!added) {
		st->v[e->val].count++;
		return;
	}
	e->key = arena_strndup(&p->d->arena, p->text + a, len);
	if (st->n == st->cap) {
		st->cap = st->cap ? 2 * st->cap : 16;
		st->v = check_xrealloc(st->v, st->cap * sizeof *st->v);
	}
	e->val = st->n;
	st->v[st->n++] = (undef_entry){check_prose_span(p, a, a + len), 1,
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
	check_strtab_free(&st->seen);
}

/* ---- unused-acronym ---- */

static void count_use(check_prose *p, size_t a, size_t b, size_t len,
		      size_t val, void *ctx)
{
	acro_table *t = ctx;

	(void)p, (void)a, (void)b, (void)len;
	if (val != SIZE_MAX)
		t->uses[val]++;
}

static void unused_finish(ast_doc *d, acro_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		if (t->uses[i])
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

static char fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
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
		if (fold(a.p[i]) != fold(b.p[j]))
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
	word *w = check_xrealloc(NULL, (n / 2 + 2) * sizeof *w);
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
		 (w.n == 2 && check_is_upper((unsigned char)w.p[0])));
}

typedef struct mismatch_state {
	acro_table *t;
	word *got;		/* room for the longest expansion */
	word **exp;		/* the declared expansion of each, split */
	size_t *nexp;
} mismatch_state;

static void mismatch_token(check_prose *p, size_t a, size_t b, size_t len,
			   size_t val, void *ctx)
{
	mismatch_state *st = ctx;

	if (val == SIZE_MAX || len != b - a)
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
			       check_prose_span(p, first, last),
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
static void mismatch_begin(ast_doc *d, mismatch_state *st, acro_table *t)
{
	st->t = t;
	st->exp = check_xrealloc(NULL, (t->n + 1) * sizeof *st->exp);
	st->nexp = check_xrealloc(NULL, (t->n + 1) * sizeof *st->nexp);
	size_t longest = 1;
	for (size_t i = 0; i < t->n; i++) {
		st->exp[i] = split_words(t->decl[i]->u.entry->value.p,
					 t->decl[i]->u.entry->value.len,
					 &st->nexp[i]);
		if (st->nexp[i] > longest)
			longest = st->nexp[i];
	}
	st->got = check_xrealloc(NULL, longest * sizeof *st->got);

	/* The same acronym declared again with another expansion. */
	for (size_t i = 0; i < t->ndups; i++) {
		const ast_node *e = t->dups[i];
		check_strent *k = check_strtab_get(&t->keys, e->u.entry->key.p,
						   e->u.entry->key.len);
		const ast_node *first = t->decl[k->val];
		size_t nw;
		word *w = split_words(e->u.entry->value.p, e->u.entry->value.len,
				      &nw);
		bool same = nw == st->nexp[k->val];
		for (size_t j = 0; same && j < nw; j++)
			same = word_eq(w[j], st->exp[k->val][j]);
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
	acro_table t;
	scan_ctx sc;
	undef_state undef;
	mismatch_state mm;
};

check_acr *check_acr_begin(ast_doc *d, unsigned which, check_prose_use *use)
{
	check_acr *a = check_xrealloc(NULL, sizeof *a);

	memset(a, 0, sizeof *a);
	a->d = d;
	a->which = which;
	acro_init(&a->t, d);
	a->sc.t = &a->t;
	if (which & CHECK_ACR_UNDEFINED) {
		a->undef.t = &a->t;
		a->sc.fn[a->sc.n] = undef_token;
		a->sc.ctx[a->sc.n++] = &a->undef;
	}
	if (which & CHECK_ACR_UNUSED) {
		a->sc.fn[a->sc.n] = count_use;
		a->sc.ctx[a->sc.n++] = &a->t;
	}
	if (which & CHECK_ACR_MISMATCH) {
		mismatch_begin(d, &a->mm, &a->t);
		a->sc.fn[a->sc.n] = mismatch_token;
		a->sc.ctx[a->sc.n++] = &a->mm;
	}
	*use = (check_prose_use){CW_ACRONYM_PROSE, CW_EVIDENCE, acro_scan, &a->sc};
	return a;
}

void check_acr_finish(check_acr *a)
{
	if (a->which & CHECK_ACR_UNDEFINED)
		undef_finish(a->d, &a->undef);
	if (a->which & CHECK_ACR_UNUSED)
		unused_finish(a->d, &a->t);
	if (a->which & CHECK_ACR_MISMATCH)
		mismatch_free(&a->mm);
	acro_free(&a->t);
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
