/*
 * check_util.c - the prose walker, hash tables and location helpers that
 * the check_*.c files share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_util.h"

void *check_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		fputs("briefc: out of memory\n", stderr);
		abort();
	}
	return q;
}

int check_clip(const char *s, size_t len)
{
	size_t n = len < CHECK_CLIP ? len : CHECK_CLIP;
	while (n < len && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

const char *check_quote(ast_doc *d, const char *s, size_t len)
{
	if (len <= CHECK_CLIP)
		return s;
	return arena_printf(&d->arena, "%.*s...", check_clip(s, len), s);
}

/* ---- character classes ---- */

static uint32_t decode_utf8(const unsigned char *s, size_t n, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] < 0xC0 || n < 2) {	/* not a lead byte: never at a boundary */
		*len = 1;
		return 0xFFFD;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		*len = 2;
		return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if ((s[0] & 0xF0) == 0xE0 && n >= 3) {
		*len = 3;
		return ((uint32_t)(s[0] & 0x0F) << 12) |
		       ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	}
	if (n >= 4) {
		*len = 4;
		return ((uint32_t)(s[0] & 0x07) << 18) |
		       ((uint32_t)(s[1] & 0x3F) << 12) |
		       ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	}
	*len = 1;
	return 0xFFFD;
}

/* The class flag of a non-ASCII code point. */
static unsigned char class_of(uint32_t c)
{
	if (c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
	    c == 0x205F || c == 0x3000)
		return CP_SPACE;
	if ((c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
	    (c >= 0x2010 && c <= 0x205E) || (c >= 0x3001 && c <= 0x303F) ||
	    (c >= 0x20A0 && c <= 0x20CF))
		return 0;
	return CP_WORD;
}

#define S CP_SPACE
#define W CP_WORD
/* The class flag of each ASCII byte: spaces, letters and digits; the rest
 * is punctuation. */
static const unsigned char ascii_class[128] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, 0, 0, S, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0, 0,
	0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
	W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,
	0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
	W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,
};
#undef S
#undef W

/* ---- building the flat text ---- */

/*
 * A run of flat bytes and where it came from: text (as the tree has it)
 * whose source is at, to be matched byte by byte when a span is asked
 * for; or, when text is NULL, bytes that all stand at at.start (a soft
 * break, a reference).
 */
struct check_piece {
	size_t from, len;
	const char *text;
	span at;
};

static void prose_reserve(check_prose *p, size_t extra)
{
	size_t need = p->len + extra + 2;	/* a NUL and a 0 flag after */
	if (need <= p->cap)
		return;
	size_t cap = p->cap ? p->cap : 256;
	while (cap < need)
		cap *= 2;
	p->text = check_xrealloc(p->text, cap);
	p->fl = check_xrealloc(p->fl, cap);
	p->cap = cap;
}

/*
 * The classes of 8 ASCII bytes at once, as ascii_class gives them: bit 7
 * of each byte of a mask is that byte's answer.  No sum below carries
 * from one byte into the next, the bytes being under 0x80.
 */
#define ONES8 0x0101010101010101u
#define HIGH8 0x8080808080808080u

static uint64_t at_least8(uint64_t x, unsigned a)
{
	return (x + ONES8 * (0x80 - a)) & HIGH8;
}

static uint64_t in8(uint64_t x, unsigned a, unsigned b)
{
	return at_least8(x, a) & ~at_least8(x, b + 1);
}

static uint64_t is8(uint64_t x, unsigned c)
{
	return ~((x ^ ONES8 * c) + ONES8 * 0x7F) & HIGH8;
}

static uint64_t class8(uint64_t x, unsigned char fl)
{
	uint64_t word = in8(x, '0', '9') | in8(x, 'A', 'Z') | in8(x, 'a', 'z');
	uint64_t space = is8(x, ' ') | is8(x, '\t') | is8(x, '\n') | is8(x, '\r');
	return (word >> 7) * CP_WORD | (space >> 7) * CP_SPACE | ONES8 * fl;
}

/* Append n bytes with flags fl, each byte classed with its character. */
static void prose_append(check_prose *p, const char *s, size_t n,
			 unsigned char fl)
{
	prose_reserve(p, n);
	char *t = p->text + p->len;
	unsigned char *f = p->fl + p->len;

	memcpy(t, s, n);
	/* ASCII 8 bytes at a time; then, if there was more, its characters */
	unsigned char any = 0;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x, c;
		memcpy(&x, s + i, 8);
		if (x & HIGH8) {
			any = 0x80;
			x &= ~HIGH8;	/* classed again below */
		}
		c = class8(x, fl);
		memcpy(f + i, &c, 8);
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		f[i] = fl | ascii_class[c & 0x7F];
		any |= c;
	}
	for (i = 0; any & 0x80 && i < n;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned char cl = class_of(decode_utf8((const unsigned char *)s + i,
							n - i, &len));
		for (size_t k = 0; k < len; k++)
			f[i + k] = fl | cl;
		i += len;
	}
	p->len += n;
}

static void piece_add(check_prose *p, size_t from, const char *text, span at)
{
	check_piece *last = p->npieces ? &p->pieces[p->npieces - 1] : NULL;

	if (!text && last && !last->text && last->at.start == at.start &&
	    last->from + last->len == from) {
		last->len = p->len - last->from;
		return;
	}
	if (p->npieces == p->piececap) {
		p->piececap = p->piececap ? 2 * p->piececap : 64;
		p->pieces = check_xrealloc(p->pieces,
					   p->piececap * sizeof *p->pieces);
	}
	p->pieces[p->npieces++] = (check_piece){from, p->len - from, text, at};
}

/* Append bytes that all stand at source offset off. */
static void prose_put(check_prose *p, const char *s, size_t n, uint32_t off,
		      unsigned char fl)
{
	size_t from = p->len;
	prose_append(p, s, n, fl);
	piece_add(p, from, NULL, span_make(off, off));
}

/* Append text whose source is at (see map_piece). */
static void prose_put_mapped(check_prose *p, const char *text, size_t len,
			     span at, unsigned char fl)
{
	size_t from = p->len;
	prose_append(p, text, len, fl);
	piece_add(p, from, text, at);
}

static bool src_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * Record where each byte of a text piece came from in src[start, end).
 * The text may differ from the source where the loader joined lines (a
 * run of source whitespace reads as one space) or removed backslash
 * escapes; where it differs otherwise, bytes are pinned to the last
 * matched position, so spans stay inside the node.
 */
static void map_piece(const check_prose *p, const check_piece *pc,
		      uint32_t *off)
{
	const char *src = p->d->src.text;
	size_t srclen = p->d->src.len;
	span at = pc->at;
	uint32_t s = at.start, end = at.end;

	if (end > srclen)
		end = (uint32_t)srclen;
	if (s > end)
		s = end;
	for (size_t i = 0; i < pc->len; i++) {
		char t = pc->text[i];
		uint32_t here = s < end ? s : (end > at.start ? end - 1 : at.start);

		if (s < end && src[s] == t) {
			here = s++;
		} else if (s + 1 < end && src[s] == '\\' && src[s + 1] == t) {
			here = s + 1;
			s += 2;
		} else if (s < end && src_space(src[s])) {
			here = s;
			while (s < end && src_space(src[s]))
				s++;
			if (!src_space(t)) {
				/* source indentation the text does not have */
				if (s < end && src[s] == t)
					here = s++;
				else if (s + 1 < end && src[s] == '\\' &&
					 src[s + 1] == t) {
					here = s + 1;
					s += 2;
				}
			}
		}
		off[i] = here;
	}
}

static void prose_map(check_prose *p)
{
	if (p->offcap < p->len) {
		p->offcap = p->len;
		p->off = check_xrealloc(p->off, p->offcap * sizeof *p->off);
	}
	for (size_t i = 0; i < p->npieces; i++) {
		const check_piece *pc = &p->pieces[i];
		if (pc->text)
			map_piece(p, pc, p->off + pc->from);
		else
			for (size_t k = 0; k < pc->len; k++)
				p->off[pc->from + k] = pc->at.start;
	}
	p->mapped = true;
}

static void prose_put_code(check_prose *p, const ast_node *n)
{
	const char *src = p->d->src.text;
	span at = n->at;

	/* The code text starts after the backticks (and one padding space). */
	while (at.start < at.end && src[at.start] == '`')
		at.start++;
	if (at.start < at.end && src[at.start] == ' ' &&
	    (n->tlen == 0 || n->u.text[0] != ' '))
		at.start++;
	prose_put_mapped(p, n->u.text, n->tlen, at, CP_CODE);
}

/*
 * A reference reads "[@a;@b]", every byte CP_REF and of no class (no
 * scanner looks inside one; duplicate-paragraph compares the IDs), all
 * at the reference's first byte: written at once, not byte class by
 * byte class, for a brief may cite in every sentence.
 */
static void prose_put_ref(check_prose *p, const ast_node *n)
{
	const ast_idlist *ids = &n->u.ref->ids;
	size_t len = 1, from = p->len;

	for (size_t i = 0; i < ids->n; i++)
		len += (i ? 2 : 1) + ids->v[i].id.len;
	prose_reserve(p, len + 1);
	char *t = p->text + p->len;
	*t++ = '[';
	for (size_t i = 0; i < ids->n; i++) {
		if (i)
			*t++ = ';';
		*t++ = '@';
		memcpy(t, ids->v[i].id.p, ids->v[i].id.len);
		t += ids->v[i].id.len;
	}
	*t++ = ']';
	memset(p->fl + p->len, CP_REF, len + 1);
	p->len += len + 1;
	piece_add(p, from, NULL, span_make(n->at.start, n->at.start));
}

/* A text node; each newline in it (a soft break) reads as a space. */
static void prose_put_text(check_prose *p, const ast_node *n)
{
	for (ast_text_it it = {.n = n}; ast_text_next(&it);) {
		if (it.piece.len)
			prose_put_mapped(p, it.piece.p, it.piece.len, it.at, 0);
		if (it.brk)
			prose_put(p, " ", 1, it.at.end, 0);
	}
}

/* The inline children of holder, flattened; iterative (nesting is input). */
static void prose_put_inlines(check_prose *p, const ast_node *holder)
{
	const ast_node *n = holder->first;

	while (n) {
		bool descend = false;

		switch (n->type) {
		case AST_TEXT:
			prose_put_text(p, n);
			break;
		case AST_CODE:
			prose_put_code(p, n);
			break;
		case AST_SOFTBREAK:
			prose_put(p, " ", 1, n->at.start, 0);
			break;
		case AST_REF:
			prose_put_ref(p, n);
			break;
		case AST_EMPH:
		case AST_STRONG:
		case AST_LINK:
			descend = true;
			break;
		default:
			break;
		}
		n = check_next(n, holder, descend);
	}
}

bool check_token_starts(const check_prose *p, size_t i)
{
	const unsigned char *fl = p->fl;
	for (size_t k = i; k > 0; k--) {
		size_t j = k - 1;
		if ((fl[j] & (CP_WORD | CP_REF)) == CP_WORD) {
			if (!(fl[j] & (CP_CODE | CP_URL)))
				return false;
			continue;
		}
		/* R&D: an inner '&' joins the run */
		if (!(p->text[j] == '&' && !(fl[j] & CP_REF) && j > 0 &&
		      (fl[j - 1] & (CP_WORD | CP_REF)) == CP_WORD))
			break;
	}
	return true;
}

bool check_prefix_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	if (n < k)
		return false;
	for (size_t i = 0; i < k; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != p[i])
			return false;
	}
	return true;
}

/* The bytes that can make a chunk a URL: '@', the ':' of "://" and of
 * "mailto:", the '.' of "www.".  Rare bytes, so the C library's strcspn
 * (the flat text ends in a NUL and holds none) skips between them many
 * bytes at a time; the first letters of "www" and "mailto" would stop it
 * at every twentieth byte of prose. */
static const char url_hints[] = "@:.";

static bool opening(char c)
{
	return c == '(' || c == '<' || c == '"' || c == '[';
}

/*
 * Flag the whitespace-separated chunks that are URLs or e-mail addresses:
 * a chunk with an '@' (not a reference's), a "://", or that starts with
 * "www." or "mailto:" (after opening punctuation: "(www.x.org)").  Only
 * the bytes that can decide it are looked at; the rest of the text is
 * skipped through a table.
 */
static void prose_mark_urls(check_prose *p)
{
	const char *t = p->text;
	size_t n = p->len, i = 0;

	for (;;) {
		i += strcspn(t + i, url_hints);
		if (i >= n)
			return;
		bool url = false;
		size_t w = 0;	/* the length of "www" or "mailto" before i */
		if (t[i] == '@') {
			url = !(p->fl[i] & CP_REF);
		} else if (t[i] == ':') {
			url = i + 2 < n && t[i + 1] == '/' && t[i + 2] == '/';
			if (!url && i >= 6 && check_prefix_ci(t + i - 6, 6, "mailto"))
				w = 6;
		} else if (i >= 3 && check_prefix_ci(t + i - 3, 3, "www")) {
			w = 3;
		}
		if (w) {	/* and it starts the chunk */
			size_t b = i - w;
			while (b > 0 && opening(t[b - 1]))
				b--;
			url = b == 0 || src_space(t[b - 1]);
		}
		if (!url) {
			i++;
			continue;
		}
		size_t b = i;
		while (b > 0 && !src_space(t[b - 1]))
			b--;
		while (i < n && !src_space(t[i]))
			i++;
		for (size_t k = b; k < i; k++)
			if (!(p->fl[k] & CP_REF))
				p->fl[k] |= CP_URL;
	}
}

span check_prose_span(check_prose *p, size_t a, size_t b)
{
	if (p->len == 0)
		return span_make(0, 0);
	if (!p->mapped)
		prose_map(p);
	if (a >= p->len)
		a = p->len - 1;
	if (b <= a)
		return span_make(p->off[a], p->off[a]);
	if (b > p->len)
		b = p->len;
	uint32_t s = p->off[a], e = p->off[b - 1] + 1;
	/* the last byte of a multi-byte character */
	const char *src = p->d->src.text;
	while (e < p->d->src.len && ((unsigned char)src[e] & 0xC0) == 0x80)
		e++;
	if (e < s)
		e = s;
	return span_make(s, e);
}

/* ---- the walk ---- */

typedef struct walker {
	check_prose p;
	const check_prose_use *uses;
	size_t nuses;
} walker;

static bool use_wants(const check_prose_use *u, unsigned where)
{
	return (where & u->want) && !(where & u->skip);
}

static bool wanted(const walker *w, unsigned where)
{
	for (size_t i = 0; i < w->nuses; i++)
		if (use_wants(&w->uses[i], where))
			return true;
	return false;
}

static void walk_begin(walker *w, unsigned where, const ast_node *node,
		       const ast_field *field, const ast_node *block)
{
	w->p.len = 0;
	w->p.npieces = 0;
	w->p.mapped = false;
	w->p.where = where;
	w->p.node = node;
	w->p.field = field;
	w->p.block = block;
}

/* End the flat text: its NUL and 0 flags after, URLs marked. */
static void prose_finish(check_prose *p)
{
	prose_reserve(p, 0);
	p->text[p->len] = '\0';
	p->fl[p->len] = 0;
	p->fl[p->len + 1] = 0;
	prose_mark_urls(p);
}

void check_prose_flatten(check_prose *p, const ast_node *holder)
{
	p->len = 0;
	p->npieces = 0;
	p->mapped = false;
	prose_put_inlines(p, holder);
	prose_finish(p);
}

void check_prose_free(check_prose *p)
{
	free(p->text);
	free(p->fl);
	free(p->pieces);
	free(p->off);
}

static void walk_emit(walker *w)
{
	if (!w->p.len)
		return;
	prose_finish(&w->p);
	for (size_t i = 0; i < w->nuses; i++)
		if (use_wants(&w->uses[i], w->p.where))
			w->uses[i].fn(&w->p, w->uses[i].ctx);
}

static void walk_container(walker *w, const ast_node *n, unsigned where,
			   const ast_node *block)
{
	if (!wanted(w, where))
		return;
	walk_begin(w, where, n, NULL, block);
	prose_put_inlines(&w->p, n);
	walk_emit(w);
}

static void walk_fields(walker *w, const ast_field *f,
			const ast_node *block, unsigned base)
{
	for (; f; f = f->next) {
		const ast_field_spec *sp = f->spec;
		unsigned where;

		if (f->inl)
			where = base | CW_INLINE_FIELD;
		else if (sp && (sp->type == VT_TEXT || sp->type == VT_NAMES))
			where = base | CW_TEXT_FIELD;
		else
			continue;
		if (!wanted(w, where))
			continue;
		walk_begin(w, where, f->inl, f, block);
		if (f->inl)
			prose_put_inlines(&w->p, f->inl);
		else
			prose_put_mapped(&w->p, f->value.p, f->value.len,
					 f->value_at, 0);
		walk_emit(w);
	}
}

void check_prose_walk_all(ast_doc *d, const check_prose_use *uses,
			  size_t nuses)
{
	walker w;

	memset(&w, 0, sizeof w);
	w.p.d = d;
	w.uses = uses;
	w.nuses = nuses;

	walk_fields(&w, d->meta.fields, NULL, CW_FRONT);

	/* Blocks do not nest: a node's block is its top-level ancestor. */
	const ast_node *root = d->root;
	const ast_node *block = NULL;
	for (const ast_node *n = root ? root->first : NULL; n;) {
		bool descend = false;
		unsigned ev;

		if (n->parent == root)
			block = n->type == AST_BLOCK ? n : NULL;
		ev = block && block->u.block->kind == BK_EVIDENCE ? CW_EVIDENCE : 0;
		switch (n->type) {
		case AST_HEADING:
			walk_container(&w, n, CW_HEADING | ev, block);
			break;
		case AST_PARAGRAPH:
			walk_container(&w, n, CW_PARAGRAPH | ev |
				       (n->parent->type == AST_FOOTNOTE ? CW_NOTE : 0),
				       block);
			break;
		case AST_CELL:
			walk_container(&w, n, CW_CELL, block);
			break;
		case AST_ROW:
		case AST_FOOTNOTE:
			descend = true;
			break;
		case AST_BLOCK:
			walk_fields(&w, n->u.block->fields, n, ev);
			descend = true;
			break;
		case AST_LIST:
		case AST_ITEM:
		case AST_QUOTE:
			descend = true;
			break;
		default:
			break;
		}
		n = check_next(n, root, descend);
	}
	check_prose_free(&w.p);
}

void check_prose_walk(ast_doc *d, unsigned want, unsigned skip,
		      check_prose_fn *fn, void *ctx)
{
	check_prose_use u = {want, skip, fn, ctx};
	check_prose_walk_all(d, &u, 1);
}

const ast_node *check_next(const ast_node *n, const ast_node *top,
			   bool descend)
{
	if (descend && n->first)
		return n->first;
	while (n && n != top && !n->next)
		n = n->parent;
	if (!n || n == top)
		return NULL;
	return n->next;
}

/* ---- hash tables ---- */

/*
 * FNV-1a over 8 bytes at a time: keys run from abbreviations to whole
 * paragraphs (duplicate-paragraph), and a byte at a time made hashing the
 * paragraphs a tenth of `check`.
 */
size_t check_hash(size_t seed, const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u ^ (uint64_t)seed;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h ^= w;
		h *= 1099511628211u;
		h ^= h >> 32;
	}
	for (; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return (size_t)(h ^ (h >> 29));
}

static void strtab_grow(check_strtab *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64;
	check_strent *slots = check_xrealloc(NULL, cap * sizeof *slots);

	memset(slots, 0, cap * sizeof *slots);
	if (!t->cap)
		t->seed = ast_hash_seed(t, slots);
	for (size_t i = 0; i < t->cap; i++) {
		check_strent *e = &t->slots[i];
		if (!e->key)
			continue;
		size_t h = e->hash & (cap - 1);
		while (slots[h].key)
			h = (h + 1) & (cap - 1);
		slots[h] = *e;
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

/* The slot of key, or the empty slot where it would go. */
static check_strent *strtab_find(const check_strtab *t, const char *key,
				 size_t len, size_t hash)
{
	size_t h = hash & (t->cap - 1);
	while (t->slots[h].key) {
		check_strent *e = &t->slots[h];
		if (e->hash == hash && e->len == len &&
		    memcmp(e->key, key, len) == 0)
			return e;
		h = (h + 1) & (t->cap - 1);
	}
	return &t->slots[h];
}

check_strent *check_strtab_get(const check_strtab *t, const char *key,
			       size_t len)
{
	if (!t->cap)
		return NULL;
	check_strent *e = strtab_find(t, key, len, check_hash(t->seed, key, len));
	return e->key ? e : NULL;
}

check_strent *check_strtab_put(check_strtab *t, const char *key, size_t len,
			       bool *added)
{
	if ((t->n + 1) * 2 > t->cap)
		strtab_grow(t);
	size_t hash = check_hash(t->seed, key, len);

	check_strent *e = strtab_find(t, key, len, hash);
	if (added)
		*added = e->key == NULL;
	if (e->key)
		return e;
	e->key = key;
	e->len = len;
	e->val = 0;
	e->hash = hash;
	t->n++;
	return e;
}

void check_strtab_free(check_strtab *t)
{
	free(t->slots);
	t->slots = NULL;
	t->cap = t->n = 0;
}

static size_t hash_ptr(const void *p)
{
	uint64_t h = (uint64_t)(uintptr_t)p;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	return (size_t)h;
}

bool check_ptrset_has(const check_ptrset *s, const void *p)
{
	if (!s->cap || !p)
		return false;
	size_t h = hash_ptr(p) & (s->cap - 1);
	while (s->slots[h]) {
		if (s->slots[h] == p)
			return true;
		h = (h + 1) & (s->cap - 1);
	}
	return false;
}

bool check_ptrset_add(check_ptrset *s, const void *p)
{
	if (!p || check_ptrset_has(s, p))
		return false;
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		const void **slots = check_xrealloc(NULL, cap * sizeof *slots);
		memset(slots, 0, cap * sizeof *slots);
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->slots[i])
				continue;
			size_t h = hash_ptr(s->slots[i]) & (cap - 1);
			while (slots[h])
				h = (h + 1) & (cap - 1);
			slots[h] = s->slots[i];
		}
		free(s->slots);
		s->slots = slots;
		s->cap = cap;
	}
	size_t h = hash_ptr(p) & (s->cap - 1);
	while (s->slots[h])
		h = (h + 1) & (s->cap - 1);
	s->slots[h] = p;
	s->n++;
	return true;
}

void check_ptrset_free(check_ptrset *s)
{
	free(s->slots);
	s->slots = NULL;
	s->cap = s->n = 0;
}

/* ---- report order ---- */

void check_reseq(diag_list *dl, size_t from)
{
	size_t start[DC__COUNT + 1] = {0};

	for (size_t i = from; i < dl->n; i++)
		start[dl->items[i].code + 1]++;
	start[0] = from;
	for (size_t c = 1; c <= DC__COUNT; c++)
		start[c] += start[c - 1];
	for (size_t i = from; i < dl->n; i++)
		dl->items[i].seq = start[dl->items[i].code]++;
}

/* ---- names and locations ---- */

const char *check_block_title(ast_doc *d, const ast_node *b)
{
	if (b->u.block->id.len)
		return arena_printf(&d->arena, "%s '%s'",
				    ast_block_kind_name(b->u.block->kind),
				    CHECK_Q(d, b->u.block->id));
	return ast_block_kind_name(b->u.block->kind);
}

span check_id_span(const ast_node *n)
{
	switch (n->type) {
	case AST_BLOCK:
		return n->u.block->id.len ? n->u.block->id_at : n->u.block->open_at;
	case AST_HEADING:
		return n->u.heading->id_at;
	case AST_AREA:
	case AST_ACRONYM:
		return n->u.entry->key_at;
	default:
		return n->at;
	}
}

span check_first_line(const ast_doc *d, span s)
{
	const char *nl;

	if (s.start >= d->src.len || s.end <= s.start)
		return s;
	nl = memchr(d->src.text + s.start, '\n', s.end - s.start);
	if (nl)
		s.end = (uint32_t)(nl - d->src.text);
	return s;
}

span check_field_span(const ast_doc *d, const ast_field *f, size_t a, size_t b)
{
	size_t pos = 0;

	(void)d;
	if (f->segs && f->nsegs) {
		uint32_t s = f->segs[0].start, e = f->segs[0].start;
		bool have_s = false;
		for (size_t i = 0; i < f->nsegs; i++) {
			size_t slen = f->segs[i].end - f->segs[i].start;
			/* value bytes [pos, pos + slen) are this segment */
			if (!have_s && a <= pos + slen) {
				s = f->segs[i].start + (uint32_t)(a - pos);
				have_s = true;
			}
			if (b <= pos + slen) {
				e = f->segs[i].start + (uint32_t)(b - pos);
				if (!have_s)
					s = e;
				return span_make(s, e < s ? s : e);
			}
			e = f->segs[i].end;
			pos += slen + 1;	/* the joining space */
		}
		return span_make(have_s ? s : e, e);
	}
	return span_make(f->value_at.start + (uint32_t)a,
			 f->value_at.start + (uint32_t)b);
}
