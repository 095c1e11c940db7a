/*
 * lsp_index.c - one analysis of a brief for the language server: load
 * it with what it reads, check it, list every definition and use of an
 * ID, and place the document's offsets in the files they come from
 * (lsp_index.h).
 */
#include "lsp_index.h"

#include <stdlib.h>
#include <string.h>

#include "assemble.h"
#include "buf.h"
#include "check.h"
#include "xalloc.h"

typedef struct occ_list {
	lsp_occ *v;
	size_t n, cap;
} occ_list;

static void add(occ_list *l, span at, str id, ast_node *node, lsp_role role,
		bool slug)
{
	if (!id.len)
		return;
	l->v = xgrow(l->v, &l->cap, l->n, sizeof *l->v, "the IDs of a brief");
	l->v[l->n++] = (lsp_occ){at, id, node, role, slug, false};
}

/* A note's label: a definition (n is the AST_FOOTNOTE) or a use (an
 * AST_FNREF, naming its definition). */
static void add_note(occ_list *l, ast_node *n, lsp_role role)
{
	ast_note *t = n->u.note;
	add(l, t->label_at, t->label, role == LSP_DEF ? n : t->def, role, false);
	if (t->label.len)
		l->v[l->n - 1].note = true;
}

static void add_uses(occ_list *l, const ast_idlist *ids)
{
	for (size_t i = 0; i < ids->n; i++)
		add(l, ids->v[i].at, ids->v[i].id, ids->v[i].target, LSP_USE, false);
}

static int cmp_occ(const void *a, const void *b)
{
	const lsp_occ *x = a, *y = b;
	return (x->at.start > y->at.start) - (x->at.start < y->at.start);
}

/* Every definition and use, from the lists resolve.c made (before the
 * checks, which drop the library entries the brief does not use from
 * them: those are still there to be completed and found). */
static void collect(lsp_analysis *a)
{
	ast_doc *d = &a->doc;
	occ_list l = {NULL, 0, 0};
	for (size_t i = 0; i < d->headings.n; i++) {
		ast_node *h = d->headings.v[i];
		add(&l, h->u.heading->id_at, h->u.heading->id, h, LSP_DEF,
		    !h->u.heading->explicit_id);
	}
	for (size_t i = 0; i < d->areas.n; i++) {
		ast_node *n = d->areas.v[i];
		add(&l, n->u.entry->key_at, n->u.entry->key, n, LSP_DEF, false);
	}
	for (size_t i = 0; i < d->blocks.n; i++) {
		ast_node *b = d->blocks.v[i];
		ast_block *k = b->u.block;
		/* (an unknown kind's ID defines nothing; add skips an
		 * empty one) */
		if (k->kind < BK__COUNT)
			add(&l, k->id_at, k->id, b, LSP_DEF, false);
		add_uses(&l, &k->evidence);
		add_uses(&l, &k->addresses);
		if (k->area.id.len)
			add(&l, k->area.at, k->area.id, k->area.target, LSP_USE, false);
	}
	for (size_t i = 0; i < d->refs.n; i++)
		add_uses(&l, &d->refs.v[i]->u.ref->ids);
	for (size_t i = 0; i < d->footnotes.n; i++)
		add_note(&l, d->footnotes.v[i], LSP_DEF);
	for (size_t i = 0; i < d->fnrefs.n; i++)
		add_note(&l, d->fnrefs.v[i], LSP_USE);
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, cmp_occ);
	a->occ = l.v;
	a->nocc = l.n;
}

/* The overlay of the loader: the open documents' texts. */
static bool overlay_lookup(void *ctx, const char *path, const char **text, size_t *len)
{
	const lsp_opened *op = ctx;
	const char *uri;
	long long version;
	const lsp_text *t = op->find(op->ctx, path, &uri, &version);
	if (!t)
		return false;
	*text = t->p;
	*len = t->len;
	return true;
}

/* What the loader read of path from the disk, or NULL. */
static files_input *read_of(files *reads, const char *path)
{
	for (size_t i = 0; reads && i < reads->n; i++)
		if (reads->v[i].text && strcmp(reads->v[i].path, path) == 0)
			return &reads->v[i];
	return NULL;
}

/* The files of the analysis, each with the text the editor has of it. */
static void make_files(lsp_analysis *a, const char *path, const char *uri,
		       const lsp_text *text, long long version, const lsp_opened *op,
		       files *reads)
{
	const source *s = &a->doc.src;
	size_t n = a->loaded && s->nfiles ? s->nfiles : 1;
	a->files = xcalloc(n, sizeof *a->files, "the files of a brief");
	a->nfiles = n;
	/* A CSL-JSON library is in the document only as the evidence
	 * blocks written for it: no stretch of its text is spliced in. */
	bool *spliced = xcalloc(n, sizeof *spliced, "the files of a brief");
	for (size_t i = 0; a->loaded && i < s->npieces; i++)
		if (!s->pieces[i].point && s->pieces[i].file < n)
			spliced[s->pieces[i].file] = true;
	for (size_t i = 0; i < n; i++) {
		lsp_file *f = &a->files[i];
		const char *u = uri;
		f->path = xstrdup(i ? s->files[i].path : path, "a path");
		f->text = i ? op->find(op->ctx, f->path, &u, &f->version) : text;
		if (f->text) {
			f->open = true;
			if (!i)
				f->version = version;
			f->uri = xstrdup(u, "a URI");
		} else {
			lsp_text_init(&f->own);
			files_input *in = read_of(reads, f->path);
			if (in) {
				size_t bom = in->len >= 3 && memcmp(in->text, "\xEF\xBB\xBF", 3) == 0
					     ? 3 : 0;
				lsp_text_set(&f->own, in->text + bom, in->len - bom);
				free(in->text);
				in->text = NULL;
			}
			f->text = &f->own;
			f->uri = lsp_path_uri(f->path);
		}
		f->csl = i && !spliced[i];
		lsp_normmap_make(&f->map, f->text->p, f->text->len);
	}
	free(spliced);
}

lsp_analysis *lsp_analyse(const char *path, const char *uri, const lsp_text *text,
			  long long version, bool follow, const lsp_opened *op,
			  files *reads, const policy *pol)
{
	lsp_analysis *a = xcalloc(1, sizeof *a, "an analysis");
	/* A CSL-JSON library open on its own is no brief: nothing to check
	 * (read by an open brief, it is checked as that brief's library). */
	bool csl = assemble_is_csl(path, strlen(path));
	size_t len = csl ? 0 : text->len;
	char *raw = xmalloc(len + SOURCE_PAD, "the document's text");
	memcpy(raw, text->p, len);
	files_overlay ov = {overlay_lookup, (void *)op};
	reads->overlay = &ov;
	reads->keep = true;
	a->loaded = ast_doc_load_brief(&a->doc, path, raw, len, follow ? reads : NULL,
				       follow) == 0;
	reads->overlay = NULL;
	make_files(a, path, uri, text, version, op, reads);
	if (!a->loaded || csl)
		return a;
	collect(a);
	check_run_all(&a->doc);
	/* A document that is no file (an editor's buffer never saved) has
	 * no folder: its images were looked for from the server's. */
	for (size_t i = 0; !follow && i < a->doc.diags.n; i++)
		if (a->doc.diags.items[i].code == DC_MISSING_FILE)
			diag_add_help(&a->doc.diags, i, "this document is not saved as a file: "
				      "images are looked for from the folder the server runs in; "
				      "save it in the brief's folder");
	policy_apply(pol, &a->doc);
	diag_sort(&a->doc.diags);
	return a;
}

void lsp_analysis_free(lsp_analysis *a)
{
	if (!a)
		return;
	if (a->loaded)
		ast_doc_free(&a->doc);
	for (size_t i = 0; i < a->nfiles; i++) {
		lsp_file *f = &a->files[i];
		free(f->path);
		free(f->uri);
		if (!f->open)
			lsp_text_free(&f->own);
		lsp_normmap_free(&f->map);
	}
	free(a->files);
	free(a->occ);
	free(a);
}

const lsp_occ *lsp_occ_at(const lsp_analysis *a, size_t off)
{
	size_t lo = 0, hi = a->nocc;	/* first with start > off */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->occ[mid].at.start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	const lsp_occ *o = &a->occ[lo - 1];
	return off <= o->at.end ? o : NULL;
}

ast_node *lsp_lookup(const lsp_analysis *a, const char *id, size_t len)
{
	if (!a->loaded || !len)
		return NULL;
	return ast_idtab_get(&a->doc.ids, id, len);
}

ast_node *lsp_lookup_note(const lsp_analysis *a, const char *label, size_t len)
{
	if (!a->loaded || !len)
		return NULL;
	return ast_idtab_get(&a->doc.note_ids, label, len);
}

ast_node *lsp_occ_lookup(const lsp_analysis *a, const lsp_occ *o)
{
	return o->note ? lsp_lookup_note(a, o->id.p, o->id.len)
		       : lsp_lookup(a, o->id.p, o->id.len);
}

ast_node *lsp_block_at(const lsp_analysis *a, size_t off)
{
	if (!a->loaded)
		return NULL;
	const ast_vec *v = &a->doc.blocks;
	size_t lo = 0, hi = v->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v->v[mid]->at.start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	ast_node *b = v->v[lo - 1];
	return off <= b->at.end ? b : NULL;
}

/* ---- places ---- */

static size_t to_raw(const lsp_file *f, uint32_t norm)
{
	size_t r = lsp_normmap_to_raw(&f->map, norm);
	return r > f->text->len ? f->text->len : r;
}

lsp_place lsp_place_of(const lsp_analysis *a, span at)
{
	lsp_place p = {&a->files[0], 0, 0};
	if (!a->loaded)
		return p;
	span local;
	const source *s = source_file_span(&a->doc.src, at, &local);
	unsigned i = source_file_index(&a->doc.src, s);
	p.file = &a->files[i < a->nfiles ? i : 0];
	p.from = to_raw(p.file, local.start);
	p.to = to_raw(p.file, local.end);
	const char *t = p.file->text->p;
	size_t n = p.file->text->len;
	if (p.file->csl && p.from < n && t[p.from] == '"') {
		/* the id's string, without its quotes */
		size_t e = p.from + 1;
		while (e < n && t[e] != '"' && t[e] != '\n')
			e += t[e] == '\\' && e + 1 < n ? 2 : 1;
		p.from++;
		p.to = e < n ? e : n;
	}
	return p;
}

const lsp_file *lsp_file_at(const lsp_analysis *a, const char *path)
{
	for (size_t i = 0; i < a->nfiles; i++)
		if (strcmp(a->files[i].path, path) == 0)
			return &a->files[i];
	return NULL;
}

bool lsp_offset_of(const lsp_analysis *a, const lsp_file *f, size_t raw, uint32_t *off)
{
	if (!a->loaded || f->csl)
		return false;
	size_t norm = lsp_normmap_to_norm(&f->map, raw);
	return source_offset_in(&a->doc.src, (unsigned)(f - a->files), (uint32_t)norm, off);
}

/* ---- URIs ---- */

static int hex(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

bool lsp_uri_is_file(const char *uri)
{
	return strncmp(uri, "file://", 7) == 0;
}

char *lsp_uri_path(const char *uri)
{
	if (!lsp_uri_is_file(uri))
		return xstrdup(uri, "a URI");
	const char *p = uri + 7;
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	buf out = BUF_INIT;
	for (size_t i = 0; p[i]; i++) {
		int a, b;
		if (p[i] == '%' && (a = hex(p[i + 1])) >= 0 && (b = hex(p[i + 2])) >= 0 &&
		    (a || b)) {
			buf_putc(&out, (char)(a * 16 + b));
			i += 2;
		} else {
			buf_putc(&out, p[i]);
		}
	}
	/* as the loader spells the paths it makes: "a/./b" is "a/b" */
	if (out.data && out.data[0] == '/')
		files_normalise(&out);
	return buf_detach(&out);
}

char *lsp_path_uri(const char *path)
{
	static const char digits[] = "0123456789ABCDEF";
	buf out = BUF_INIT;
	buf_puts(&out, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			buf_putc(&out, (char)*p);
		} else {
			buf_putc(&out, '%');
			buf_putc(&out, digits[*p >> 4]);
			buf_putc(&out, digits[*p & 15]);
		}
	}
	return buf_detach(&out);
}
