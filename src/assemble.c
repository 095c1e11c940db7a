/*
 * assemble.c - the text of a brief built from several files (assemble.h):
 * include lines found in each file's own text, the files they name read
 * once and spliced in after them, libraries after the brief's own text.
 */
#define _XOPEN_SOURCE 700	/* realpath */
#include "assemble.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "xalloc.h"
#ifndef __wasi__
#include "csl.h"
#endif

/* An include line: the line (its newline aside) and the path on it. */
typedef struct directive {
	uint32_t ls, le, ps, pe;
	bool comment;		/* a comment touches it: not followed */
	/* the file it names once resolved and read (index + 1, or 0),
	 * under the root of reading `tree`: an include bomb names one file
	 * thousands of times, and each resolution costs system calls */
	uint32_t target, tree;
} directive;

/* A file read (once), and what its own text holds. */
typedef struct afile {
	char *id;		/* its real path: two paths to one file are one */
	unsigned index;		/* in the source's files */
	span_vec comments;
	uint32_t unclosed;	/* a "<!--" never closed, or UINT32_MAX */
	directive *dirs;
	size_t ndirs;
	bool front;		/* it starts with a front matter */
	bool library;
	bool done;		/* its own faults reported */
	diag_list faults;	/* its bad bytes, at offsets of its own text */
} afile;

/* Where one reading of a file went: its text [from, to) at offset at. */
typedef struct region {
	uint32_t from, to, at;
} region;

typedef struct regions {
	region *v;
	size_t n, cap;
} regions;

typedef struct asm_state {
	ast_doc *d;
	files *fs;
	bool expand;
	buf out;
	afile *f;
	size_t nf, capf;
	size_t chain[ASSEMBLE_MAX_DEPTH + 2];	/* the files being read, outermost first */
	int depth;
	uint32_t tree;		/* which reading: the brief's, then each library's */
	bool overflow;
} asm_state;

/* ---- what a file holds ---- */

static bool blank_rest(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p == e;
}

static const char *line_end(const char *p, const char *e)
{
	const char *nl = memchr(p, '\n', (size_t)(e - p));
	return nl ? nl : e;
}

/* A `---` line, as the scanner's front matter fence. */
static bool fence(const char *p, const char *le)
{
	return le - p >= 3 && memcmp(p, "---", 3) == 0 && blank_rest(p + 3, le);
}

/* Where the body of the brief's text starts: after its front matter. */
static uint32_t body_start(const char *t, size_t n)
{
	const char *e = t + n, *le = line_end(t, e);
	if (!fence(t, le))
		return 0;
	for (const char *p = le < e ? le + 1 : e; p < e;) {
		const char *q = line_end(p, e);
		if (fence(p, q))
			return q < e ? (uint32_t)(q + 1 - t) : (uint32_t)n;
		/* what ends a front matter left open (brief.l) */
		if (blank_rest(p, q) || *p == '#' || (q - p >= 3 && memcmp(p, ":::", 3) == 0))
			return (uint32_t)(p - t);
		p = q < e ? q + 1 : e;
	}
	return (uint32_t)n;
}

/* The include lines and comments of a file's text. */
static void scan(afile *F, const char *t, size_t n, bool brief)
{
	F->unclosed = parse_find_comments(t, n, &F->comments);
	F->front = fence(t, line_end(t, t + n));
	const char *e = t + n;
	size_t ci = 0, cap = 0;
	for (const char *p = t + (brief ? body_start(t, n) : 0);
	     p < e && (p = memchr(p, ':', (size_t)(e - p))); p++) {
		if ((p > t && p[-1] != '\n') || e - p < 3 || p[1] != ':' || p[2] != ':')
			continue;
		const char *q = p + 3;
		while (q < e && (*q == ' ' || *q == '\t'))
			q++;
		const char *le = line_end(p, e);
		if (le - q < 7 || memcmp(q, "include", 7) != 0 ||
		    (q + 7 < le && q[7] != ' ' && q[7] != '\t'))
			continue;
		uint32_t ls = (uint32_t)(p - t), lend = (uint32_t)(le - t);
		while (ci < F->comments.n && F->comments.v[ci].end <= ls)
			ci++;
		bool in = ci < F->comments.n && F->comments.v[ci].start <= ls;
		if (!in) {
			const char *a = q + 7, *b = le;
			while (a < b && (*a == ' ' || *a == '\t'))
				a++;
			while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
				b--;
			F->dirs = xgrow(F->dirs, &cap, F->ndirs, sizeof *F->dirs,
					"the include lines");
			F->dirs[F->ndirs++] = (directive){
				.ls = ls, .le = lend,
				.ps = (uint32_t)(a - t), .pe = (uint32_t)(b - t),
				.comment = ci < F->comments.n && F->comments.v[ci].start < lend,
			};
		}
		p = le;
	}
}

static size_t new_file(asm_state *A, source *s, const char *id, bool brief)
{
	A->f = xgrow(A->f, &A->capf, A->nf, sizeof *A->f, "the files of a brief");
	afile *F = &A->f[A->nf];
	memset(F, 0, sizeof *F);
	F->id = xstrdup(id, "a path");
	scan(F, s->text, s->len, brief);
	F->index = brief ? 0 : source_add_file(&A->d->src, s);
	return A->nf++;
}

static const source *text_of(const asm_state *A, const afile *F)
{
	return &A->d->src.files[F->index];
}

/* ---- writing the text ---- */

static uint32_t map(const regions *R, uint32_t local)
{
	for (size_t i = 0; i < R->n; i++)
		if (local >= R->v[i].from && (local < R->v[i].to || i + 1 == R->n))
			return R->v[i].at + (local - R->v[i].from);
	return R->n ? R->v[0].at : 0;
}

/* A newline of no file's: at the place local of file, for locations. */
static uint32_t newline(asm_state *A, unsigned file, uint32_t local)
{
	uint32_t g = (uint32_t)A->out.len;
	if (g + 1 > SOURCE_MAX_BYTES) {
		A->overflow = true;
		return g ? g - 1 : 0;
	}
	source_add_piece(&A->d->src, g, file, local, true);
	buf_putc(&A->out, '\n');
	return g;
}

/* Copy F's text [from, to), with the comments in it. */
static void copy(asm_state *A, afile *F, uint32_t from, uint32_t to, size_t *ci,
		 regions *R)
{
	if (from >= to || A->overflow)
		return;
	if (A->out.len + (to - from) > SOURCE_MAX_BYTES) {
		A->overflow = true;
		return;
	}
	const source *s = text_of(A, F);
	uint32_t g = (uint32_t)A->out.len;
	source_add_piece(&A->d->src, g, F->index, from, false);
	buf_put(&A->out, s->text + from, to - from);
	R->v = xgrow(R->v, &R->cap, R->n, sizeof *R->v, "the stretches of a file");
	R->v[R->n].from = from;
	R->v[R->n].to = to;
	R->v[R->n++].at = g;
	for (; *ci < F->comments.n && F->comments.v[*ci].start < to; (*ci)++) {
		span c = F->comments.v[*ci];
		uint32_t a = c.start > from ? c.start : from;
		uint32_t b = c.end < to ? c.end : to;
		span_vec_push(&A->d->comments, span_make(g + a - from, g + b - from));
		if (c.end > to)
			break;	/* goes on in the next stretch */
	}
}

/* The faults of a file found in its own text, reported once. */
static void report_faults(asm_state *A, afile *F, const regions *R)
{
	if (F->done)
		return;
	F->done = true;
	ast_doc *d = A->d;
	for (size_t i = 0; i < F->faults.n; i++) {
		const diag *g = &F->faults.items[i];
		uint32_t a = map(R, g->at.start);
		diag_report(&d->diags, g->code, span_make(a, a + (g->at.end - g->at.start)),
			    "%s", g->msg);
	}
	diag_list_free(&F->faults);
	if (F->unclosed != UINT32_MAX)
		parse_unclosed_comment(d, map(R, F->unclosed));
	if (F->front && F->index != 0) {
		uint32_t a = map(R, 0);
		diag_report(&d->diags, DC_SYNTAX, span_make(a, a + 3),
			    F->library ? "a library has no front matter: its keys belong "
					 "in the brief's own"
				       : "an included file has no front matter: its keys "
					 "belong in the brief's own");
	}
}

/* "a.brief -> ch/b.brief -> ...": the files being read, then path. */
static void chain(const asm_state *A, buf *b, const char *path)
{
	for (int i = 0; i <= A->depth; i++) {
		buf_puts(b, text_of(A, &A->f[A->chain[i]])->path);
		buf_puts(b, " -> ");
	}
	buf_puts(b, path);
}

static void splice(asm_state *A, size_t fi, const char *root, regions *keep);

/* Read (once) the file at path; its index among A's files, or (size_t)-1
 * (reported at at: what, "include" or "library"). */
static size_t read_file(asm_state *A, const char *path, span at, const char *what,
			bool library)
{
	char *id = NULL;
#ifndef __wasi__
	id = realpath(path, NULL);
#endif
	const char *key = id ? id : path;
	for (size_t i = 0; i < A->nf; i++)
		if (strcmp(A->f[i].id, key) == 0) {
			free(id);
			return i;
		}
	char *raw;
	size_t len;
	if (files_read(A->fs, path, FILES_REGULAR, &raw, &len) != 0) {
		int e = errno;
		diag_report(&A->d->diags, DC_MISSING_FILE, at, "cannot %s '%s': %s", what,
			    path, e == ENODEV ? "it is not a regular file"
			    : e == EISDIR ? "it is a folder" : strerror(e));
		free(id);
		return (size_t)-1;
	}
	if (len > SOURCE_MAX_BYTES) {
		diag_report(&A->d->diags, DC_MISSING_FILE, at,
			    "cannot %s '%s': it is larger than %zu bytes (see docs/limits.md)",
			    what, path, (size_t)SOURCE_MAX_BYTES);
		free(raw);
		free(id);
		return (size_t)-1;
	}
	source s;
	diag_list faults;
	diag_list_init(&faults, &s);
	source_init_owned(&s, path, raw, len, &faults);
	size_t k = new_file(A, &s, key, false);
	A->f[k].faults = faults;
	A->f[k].library = library;
	free(id);
	return k;
}

/* One include line D of file fi, its path at `at` in the text.  (D is in
 * fi's own array of directives, which stays put when A->f moves.) */
static void include(asm_state *A, size_t fi, directive *D, span at, const char *root)
{
	ast_doc *d = A->d;
	if (D->comment) {
		diag_report(&d->diags, DC_SYNTAX, at, "an include line holds its path and "
			    "nothing else: put the comment on a line of its own");
		return;
	}
	buf path = BUF_INIT, msg = BUF_INIT;
	size_t k = D->target - 1;
	if (!D->target || D->tree != A->tree) {
		const source *s = text_of(A, &A->f[fi]);
		const char *why = files_resolve(root, s->path, s->text + D->ps, D->pe - D->ps,
						&path);
		if (why) {
			diag_report(&d->diags, DC_MISSING_FILE, at, "cannot include '%.*s': %s",
				    (int)(D->pe - D->ps > 200 ? 200 : D->pe - D->ps),
				    s->text + D->ps, why);
			goto out;
		}
		/* (s moves when a file is read) */
		k = read_file(A, path.data, at, "include", false);
		if (k == (size_t)-1)
			goto out;
		D->target = (uint32_t)k + 1;
		D->tree = A->tree;
	}
	for (int i = 0; i <= A->depth; i++)
		if (A->chain[i] == k) {
			chain(A, &msg, text_of(A, &A->f[k])->path);
			diag_report(&d->diags, DC_SYNTAX, at, "include cycle: %s", msg.data);
			goto out;
		}
	if (A->depth + 1 > ASSEMBLE_MAX_DEPTH) {
		chain(A, &msg, text_of(A, &A->f[k])->path);
		diag_report(&d->diags, DC_SYNTAX, at, "includes nested more than %d deep: %s",
			    ASSEMBLE_MAX_DEPTH, msg.data);
		goto out;
	}
	A->chain[++A->depth] = k;
	splice(A, k, root, NULL);
	A->depth--;
	/* the included text ends its last line */
	if (A->out.len && A->out.data[A->out.len - 1] != '\n')
		newline(A, A->f[k].index, (uint32_t)text_of(A, &A->f[k])->len);
out:
	buf_free(&path);
	buf_free(&msg);
}

/* A file's text, each include line followed by what it names.  keep:
 * where its stretches went (else freed). */
static void splice(asm_state *A, size_t fi, const char *root, regions *keep)
{
	regions R = {NULL, 0, 0};
	size_t ci = 0;
	uint32_t pos = 0;
	/* A->f moves as files are read: an index, not a pointer */
	for (size_t k = 0; k < A->f[fi].ndirs && !A->overflow; k++) {
		directive D = A->f[fi].dirs[k];
		uint32_t len = (uint32_t)text_of(A, &A->f[fi])->len;
		uint32_t upto = D.le < len ? D.le + 1 : len;
		uint32_t line = (uint32_t)A->out.len + (D.ls - pos);
		copy(A, &A->f[fi], pos, upto, &ci, &R);
		if (A->overflow)
			break;
		if (D.le == len)
			newline(A, A->f[fi].index, len);
		span_vec_push(&A->d->includes, span_make(line, line + (D.le - D.ls)));
		pos = upto;
		span at = span_make(line + (D.ps - D.ls), line + (D.pe - D.ls));
		if (A->expand)
			include(A, fi, &A->f[fi].dirs[k], at, root);
	}
	copy(A, &A->f[fi], pos, (uint32_t)text_of(A, &A->f[fi])->len, &ci, &R);
	report_faults(A, &A->f[fi], &R);
	if (keep)
		*keep = R;
	else
		free(R.v);
}

/* ---- libraries ---- */

size_t assemble_library_paths(const char *t, size_t n, span **out)
{
	const char *e = t + n, *le = line_end(t, e);
	size_t np = 0, cap = 0;
	*out = NULL;
	if (!fence(t, le))
		return 0;
	bool in = false;
	for (const char *p = le < e ? le + 1 : e; p < e;) {
		const char *q = line_end(p, e);
		if (fence(p, q) || blank_rest(p, q))
			break;
		const char *v = NULL;
		if (q - p >= 8 && memcmp(p, "library:", 8) == 0 && !np) {
			in = true;
			v = p + 8;
		} else if (in && (*p == ' ' || *p == '\t')) {
			v = p;
		} else {
			in = false;
		}
		for (const char *a = v; a && a < q;) {
			const char *c = memchr(a, ',', (size_t)(q - a));
			const char *b = c ? c : q;
			const char *x = a, *y = b;
			while (x < y && (*x == ' ' || *x == '\t'))
				x++;
			while (y > x && (y[-1] == ' ' || y[-1] == '\t'))
				y--;
			if (y > x) {
				*out = xgrow(*out, &cap, np, sizeof **out, "the library paths");
				(*out)[np++] = span_make((uint32_t)(x - t), (uint32_t)(y - t));
			}
			a = c ? c + 1 : q;
		}
		p = q < e ? q + 1 : e;
	}
	return np;
}

bool assemble_is_csl(const char *p, size_t n)
{
	return n >= 5 && (memcmp(p + n - 5, ".json", 5) == 0 || memcmp(p + n - 5, ".JSON", 5) == 0);
}

static void library_start(asm_state *A)
{
	ast_doc *d = A->d;
	d->libraries = xreallocarray(d->libraries, d->nlibraries + 1, sizeof *d->libraries,
				     "the libraries");
	d->libraries[d->nlibraries++] = (uint32_t)A->out.len;
}

#ifndef __wasi__
/* A CSL-JSON library: the evidence blocks its items stand for, each
 * located at its item. */
static void csl_library(asm_state *A, size_t k)
{
	const source *js = text_of(A, &A->f[k]);
	unsigned file = A->f[k].index;
	csl_result r;
	csl_read(js->text, js->len, &r);
	size_t base = A->out.len;
	if (base + r.brief.len > SOURCE_MAX_BYTES) {
		A->overflow = true;
		csl_result_free(&r);
		return;
	}
	library_start(A);
	for (size_t i = 0; i < r.nat; i++)
		source_add_piece(&A->d->src, (uint32_t)(base + r.at[i].brief), file,
				 r.at[i].json, true);
	buf_put(&A->out, r.brief.data ? r.brief.data : "", r.brief.len);
	for (size_t i = 0; i < r.nproblems; i++) {
		const csl_problem *p = &r.problems[i];
		uint32_t g = newline(A, file, p->json);
		diag_report(&A->d->diags, p->fault == CSL_NOT_CSL ? DC_SYNTAX
				: p->fault == CSL_NO_ID ? DC_MISSING_FIELD : DC_BAD_VALUE,
			    span_make(g, g + 1), "%s", p->msg);
	}
	/* its bad bytes, each at its place */
	afile *F = &A->f[k];
	for (size_t i = 0; i < F->faults.n; i++) {
		uint32_t g = newline(A, file, F->faults.items[i].at.start);
		diag_report(&A->d->diags, F->faults.items[i].code, span_make(g, g + 1), "%s",
			    F->faults.items[i].msg);
	}
	diag_list_free(&F->faults);
	F->done = true;
	csl_result_free(&r);
}
#endif

static void libraries(asm_state *A)
{
	ast_doc *d = A->d;
	span *paths;
	size_t np = assemble_library_paths(d->src.files[0].text, d->src.files[0].len, &paths);
	size_t *seen = xcalloc(np, sizeof *seen, "the libraries");
	buf path = BUF_INIT, dir = BUF_INIT;
	for (size_t i = 0; i < np && !A->overflow; i++) {
		span at = paths[i];	/* the front matter is where it was */
		/* (files moves as files are read) */
		const source *brief = &d->src.files[0];
		const char *rel = brief->text + at.start;
		size_t n = at.end - at.start;
		const char *why = files_resolve(NULL, brief->path, rel, n, &path);
		if (why) {
			diag_report(&d->diags, DC_MISSING_FILE, at, "cannot read the library '%.*s': %s",
				    (int)(n > 200 ? 200 : n), rel, why);
			continue;
		}
		size_t k = read_file(A, path.data, at, "read the library", true);
		if (k == (size_t)-1)
			continue;
		bool twice = false;
		for (size_t j = 0; j < i; j++)
			twice |= seen[j] == k + 1;
		seen[i] = k + 1;
		if (twice || A->f[k].done) {
			diag_report(&d->diags, DC_BAD_VALUE, at, "the library '%s' is named twice "
				    "(or is a file the brief includes)", path.data);
			continue;
		}
		if (assemble_is_csl(path.data, path.len)) {
#ifndef __wasi__
			csl_library(A, k);
#else
			diag_report(&d->diags, DC_MISSING_FILE, at, "cannot read the library "
				    "'%s': CSL-JSON is not read in this build", path.data);
#endif
			continue;
		}
		library_start(A);
		buf_clear(&dir);
		files_dir(path.data, &dir);
		A->depth = 0;
		A->tree = (uint32_t)i + 1;
		A->chain[0] = k;
		splice(A, k, dir.data, NULL);
		if (A->out.len && A->out.data[A->out.len - 1] != '\n')
			newline(A, A->f[k].index, (uint32_t)text_of(A, &A->f[k])->len);
	}
	free(seen);
	free(paths);
	buf_free(&path);
	buf_free(&dir);
}

/* ---- the whole ---- */

/* Whether the rest of a `:::` line begins with "include". */
static bool memmem_include(const char *p, const char *le)
{
	while (p < le && (*p == ' ' || *p == '\t'))
		p++;
	return le - p >= 7 && memcmp(p, "include", 7) == 0;
}

/* Whether the brief's text has an include line or a `library:` key:
 * what makes it more than one file. */
static bool needs_assembly(const char *t, size_t n)
{
	/* Most briefs are one file: a look for `::: include` at a line's
	 * start first, comments only if there is one. */
	const char *e = t + n;
	bool maybe = false;
	for (const char *p = t; !maybe && p < e && (p = memchr(p, ':', (size_t)(e - p))); p++)
		maybe = (p == t || p[-1] == '\n') && e - p > 3 && p[1] == ':' && p[2] == ':' &&
			memmem_include(p + 3, line_end(p, e));
	if (maybe) {
		afile probe;
		memset(&probe, 0, sizeof probe);
		scan(&probe, t, n, true);
		bool yes = probe.ndirs > 0;
		free(probe.dirs);
		free(probe.comments.v);
		if (yes)
			return true;
	}
	span *paths;
	size_t np = assemble_library_paths(t, n, &paths);
	free(paths);
	return np > 0;
}

/* Too large: the brief alone, its include lines read as comments, and
 * one error; what the attempt reported goes (its places are gone). */
static void fall_back(asm_state *A, size_t kept)
{
	ast_doc *d = A->d;
	source *s = &d->src;
	diag_list_truncate(&d->diags, kept);
	for (size_t i = 1; i < s->nfiles; i++)
		source_free(&s->files[i]);
	s->nfiles = 1;
	s->npieces = 0;
	source_add_piece(s, 0, 0, 0, false);
	free(d->libraries);
	d->libraries = NULL;
	d->nlibraries = 0;
	d->comments.n = d->includes.n = 0;
	afile *F = &A->f[0];
	for (size_t i = 0; i < F->comments.n; i++)
		span_vec_push(&d->comments, F->comments.v[i]);
	for (size_t i = 0; i < F->ndirs; i++)
		span_vec_push(&d->includes, span_make(F->dirs[i].ls, F->dirs[i].le));
	buf_clear(&A->out);
	buf_put(&A->out, s->files[0].text, s->files[0].len);
	if (F->unclosed != UINT32_MAX)
		parse_unclosed_comment(d, F->unclosed);
	span at = F->ndirs ? span_make(F->dirs[0].ps, F->dirs[0].pe) : span_make(0, 3);
	diag_report(&d->diags, DC_MISSING_FILE, at,
		    "the brief with the files it includes and its libraries is larger than "
		    "%zu bytes: nothing is included (see docs/limits.md)",
		    (size_t)SOURCE_MAX_BYTES);
}

void assemble_document(ast_doc *d, files *fs, bool expand)
{
	if (!d->src.text || !needs_assembly(d->src.text, d->src.len))
		return;
	asm_state A;
	memset(&A, 0, sizeof A);
	A.d = d;
	files own = FILES_INIT;
	A.fs = fs ? fs : &own;
	A.expand = expand;
	d->assembled = true;

	/* The brief itself is file 0.  Its bad bytes were reported when it
	 * was loaded, at offsets of its own text: placed anew once it is
	 * spliced (or left where they are if it stays alone). */
	size_t kept = d->diags.n;
	source_multi_begin(&d->src);
	char *id = NULL;
#ifndef __wasi__
	id = realpath(d->src.path, NULL);
#endif
	new_file(&A, &d->src.files[0], id ? id : d->src.path, true);
	free(id);
	diag_list_init(&A.f[0].faults, &d->src);

	buf root = BUF_INIT;
	files_dir(d->src.path, &root);
	A.chain[0] = 0;
	regions main = {NULL, 0, 0};
	splice(&A, 0, root.data, &main);
	if (expand && !A.overflow)
		libraries(&A);
	if (A.overflow) {
		fall_back(&A, kept);
	} else {
		for (size_t i = 0; i < kept; i++) {
			span *at = &d->diags.items[i].at;
			uint32_t n = at->end - at->start;
			at->start = map(&main, at->start);
			at->end = at->start + n;
		}
	}
	free(main.v);
	buf_grow(&A.out, SOURCE_PAD);
	size_t len = A.out.len;
	source_set_text(&d->src, buf_detach(&A.out), len);

	for (size_t i = 0; i < A.nf; i++) {
		free(A.f[i].id);
		free(A.f[i].comments.v);
		free(A.f[i].dirs);
		diag_list_free(&A.f[i].faults);
	}
	free(A.f);
	buf_free(&root);
	files_free(&own);
}
