/*
 * main.c - the briefc command line.  The only file that exits or parses
 * argv; everything else is a library (build/libbriefc.a).
 */
#define _XOPEN_SOURCE 700	/* realpath */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ascii.h"
#include "ast.h"
#include "check.h"
#include "diag_format.h"
#include "escape.h"
#include "files.h"
#include "fmt.h"
#include "graph.h"
#include "latex_fonts.h"
#include "lsp.h"
#include "policy.h"
#include "render.h"
#include "render_docx.h"
#include "render_json.h"
#include "trace.h"
#include "watch.h"
#include "xalloc.h"

#ifndef BRIEFC_VERSION
#define BRIEFC_VERSION "0.0.0"
#endif

enum { EXIT_OK = 0, EXIT_ERRORS = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
	"usage: briefc check [OPTIONS] FILE...\n"
	"       briefc build [OPTIONS] [-t FORMAT] [-o OUT] FILE\n"
	"       briefc trace [--format=text|json] FILE ID...\n"
	"       briefc watch [OPTIONS] [-t FORMAT] [-o OUT] [--poll] FILE\n"
	"       briefc fmt [--check] [--stdout] FILE...\n"
	"       briefc lsp [--stdio]\n"
	"       briefc --help | --version\n"
	"\n"
	"commands:\n"
	"  check     check each FILE, print its diagnostics\n"
	"  build     check FILE and, if it has no errors, write it as FORMAT\n"
	"  trace     print what rests on each ID and what it rests on\n"
	"  watch     build FILE (check it, without -t and -o), then again each\n"
	"            time it or a file it reads changes, until interrupted\n"
	"  fmt       rewrite each FILE in the canonical layout (--check: change\n"
	"            nothing, name each file that would change, exit 1 if one\n"
	"            would; --stdout: write the result to standard output)\n"
	"  lsp       a language server for editors, on standard input and\n"
	"            output (docs/lsp.md)\n"
	"\n"
	"FORMAT is one of md, html, latex, pdf, json, docx, dot (the evidence\n"
	"map in Graphviz DOT); without -t, the extension of OUT (.md, .html,\n"
	".tex, .pdf, .json, .docx, .dot) names it.\n"
	"\n"
	"options:\n"
	"  -t FORMAT                 output format (build, watch)\n"
	"  -o OUT                    output file; '-' or none: standard output\n"
	"  --reference-doc FILE      docx: take the styles of this Word document\n"
	"  --strict                  treat warnings as errors\n"
	"  -Werror                   treat warnings as errors\n"
	"  -W CODE, -Wno-CODE        enable or disable the warning CODE\n"
	"  --diagnostics=FORMAT      text (default), json, sarif or github\n"
	"  --fragment                html, latex: the body only\n"
	"  --format=text|json        trace: the output's format (default text)\n"
	"  --max-errors N            show at most N diagnostics (default 50)\n"
	"  --poll                    watch: look for changes every 250 ms\n"
	"                            instead of asking the system (inotify)\n"
	"  -h, --help                this text\n"
	"  --version                 the version\n"
	"\n"
	"exit status: 0 no errors, 1 the input has errors, 2 usage or I/O failure;\n"
	"watch: 0 when interrupted (SIGINT, SIGTERM), 2 on a usage error\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("briefc: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'briefc --help'.\n", stderr);
	return EXIT_USAGE;
}

typedef struct options {
	const char *format;
	const char *trace_format;	/* trace --format=, or NULL */
	bool policy_options;	/* a policy option was given */
	const char *out;
	const char *reference_doc;
	const char **files;
	size_t nfiles;
	diag_format_kind diagnostics;
	render_options render;
	policy pol;
	bool poll;		/* watch --poll */
} options;

/*
 * An output being written: standard output, or a temporary file in the
 * destination's folder renamed into place at the end, so a failure never
 * leaves a half-written or lost output.  A symbolic link is followed (the
 * file it names is replaced, the link stays); a destination that is not a
 * regular file (/dev/null, a FIFO) is written in place, as there is no
 * file to keep and renaming would replace the device.
 */
typedef struct output {
	const char *path;	/* NULL: standard output */
	char *target;		/* path, or the file its link names */
	char *tmp;		/* NULL: written in place */
	FILE *f;
	int err;		/* errno of the first failed write, or 0 */
} output;

/* Returns 0, or -1 (reported) if the file cannot be created. */
static int output_open(output *w, const char *path)
{
	memset(w, 0, sizeof *w);
	if (!path || strcmp(path, "-") == 0) {
		w->f = stdout;
		return 0;
	}
	w->path = path;
#ifdef __wasi__
	/* WASI has no mkstemp, realpath or file modes, so no file can be
	 * replaced whole: this build writes to standard output only. */
	fprintf(stderr, "briefc: cannot write %s: files are not written in this build; "
		"leave out -o to write to standard output\n", path);
	return -1;
#else
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		w->f = fopen(path, "wb");
		if (!w->f) {
			fprintf(stderr, "briefc: cannot write %s: %s\n", path,
				strerror(errno));
			return -1;
		}
		return 0;
	}
	struct stat lst;
	if (exists && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
		w->target = realpath(path, NULL);
	if (!w->target)
		w->target = xstrdup(path, "the output's name");
	size_t n = strlen(w->target);
	w->tmp = xmalloc(n + 16, "the output's name");
	snprintf(w->tmp, n + 16, "%s.tmpXXXXXX", w->target);
	int fd = mkstemp(w->tmp);
	if (fd < 0) {
		fprintf(stderr, "briefc: cannot create %s: %s\n", w->tmp, strerror(errno));
		free(w->tmp);
		free(w->target);
		return -1;
	}
	/* mkstemp makes the file private; give it the mode a plain create
	 * would (or the mode of the file it replaces). */
	mode_t mode;
	if (exists) {
		mode = st.st_mode & 07777;
	} else {
		mode_t um = umask(0);
		umask(um);
		mode = 0666 & ~um;
	}
	fchmod(fd, mode);
	w->f = fdopen(fd, "wb");
	if (!w->f) {
		w->err = errno;
		close(fd);
	}
	return 0;
#endif
}

/* A buf_sink: later writes are skipped once one failed. */
static void output_write(void *ctx, const char *p, size_t n)
{
	output *w = ctx;
	if (!w->err && w->f && fwrite(p, 1, n, w->f) != n)
		w->err = errno ? errno : EIO;
}

/* Flush and close; a file is renamed into place.  Returns 0, or -1
 * (reported). */
static int output_close(output *w)
{
	if (!w->path) {
		if (!w->err && fflush(stdout) != 0)
			w->err = errno;
		if (w->err) {
			fprintf(stderr, "briefc: cannot write standard output: %s\n",
				strerror(w->err));
			return -1;
		}
		return 0;
	}
	if (w->f && fclose(w->f) != 0 && !w->err)
		w->err = errno;
	if (!w->err && w->tmp && rename(w->tmp, w->target) != 0)
		w->err = errno;
	int rc = 0;
	if (w->err) {
		fprintf(stderr, "briefc: cannot write %s: %s\n", w->path, strerror(w->err));
		if (w->tmp)
			unlink(w->tmp);
		rc = -1;
	}
	free(w->tmp);
	free(w->target);
	return rc;
}

static int write_output(const char *path, const char *data, size_t len)
{
	output w;
	if (output_open(&w, path) != 0)
		return -1;
	output_write(&w, data, len);
	return output_close(&w);
}

/* Load, check and police one file, its reads recorded in fs; -1
 * (reported) if it cannot be read.  rendered: the document will be
 * rendered (the checks keep what the renderer would find again:
 * acronym.h). */
static int load(ast_doc *d, files *fs, const char *path, const options *o,
		bool rendered)
{
	char *raw;
	size_t len;
	if (files_read(fs, path, 0, &raw, &len) != 0) {
		fprintf(stderr, "briefc: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	int rc = ast_doc_load_brief(d, strcmp(path, "-") == 0 ? "<stdin>" : path, raw, len,
				    fs, true);
	if (rc != 0) {
		fprintf(stderr, "briefc: %s: input larger than %zu bytes (see docs/limits.md)\n",
			path, (size_t)SOURCE_MAX_BYTES);
		ast_doc_free(d);
		return -1;
	}
	d->keep_acronym_uses = rendered;
	check_run_all(d);
	policy_apply(&o->pol, d);
	diag_sort(&d->diags);
	return 0;
}

/* Diagnostics past the limit of a file are counted, not kept: say how many
 * (on stderr, after the rest, so a machine format's output stays valid). */
static void note_dropped(const diag_format *f)
{
	if (f->dropped)
		fprintf(stderr, "briefc: %zu more diagnostic%s not kept "
			"(at most %d per file; see docs/limits.md)\n", f->dropped,
			f->dropped == 1 ? "" : "s", DIAG_MAX_KEPT);
}

/* Text diagnostics go to stderr; machine formats are the output: stdout. */
static FILE *diag_stream(const options *o)
{
	return o->diagnostics == DF_TEXT ? stderr : stdout;
}

static int flush_buf(FILE *f, buf *b)
{
	int rc = 0;
	if (b->len && (fwrite(b->data, 1, b->len, f) != b->len || fflush(f) != 0))
		rc = -1;
	buf_clear(b);
	return rc;
}

/* Check o's files, recording what was read in fs. */
static int check_files(const options *o, files *fs)
{
	diag_format fmt;
	buf out = BUF_INIT;
	FILE *stream = diag_stream(o);
	int status = EXIT_OK;
	diag_format_begin(&fmt, o->diagnostics, o->pol.max_errors,
			  o->diagnostics == DF_TEXT && diag_format_want_color(2), &out);
	for (size_t i = 0; i < o->nfiles; i++) {
		ast_doc d;
		if (load(&d, fs, o->files[i], o, false) != 0) {
			status = EXIT_USAGE;
			continue;
		}
		diag_format_file(&fmt, &d.diags, &out);
		if (flush_buf(stream, &out) != 0)
			status = EXIT_USAGE;
		ast_doc_free(&d);
	}
	diag_format_end(&fmt, &out);
	if (flush_buf(stream, &out) != 0) {
		fprintf(stderr, "briefc: cannot write diagnostics: %s\n", strerror(errno));
		status = EXIT_USAGE;
	}
	buf_free(&out);
	note_dropped(&fmt);
	if (status == EXIT_OK && fmt.errors)
		status = EXIT_ERRORS;
	return status;
}

static int cmd_check(const options *o)
{
	files fs = FILES_INIT;
	int status = check_files(o, &fs);
	files_free(&fs);
	return status;
}

typedef struct format_entry {
	const char *name;
	int (*render)(const ast_doc *, const render_options *, buf *);
	/* The backend reports nothing while it renders, so diagnostics are
	 * final before it starts and its output can be written as it comes:
	 * the output is never held whole (LaTeX: see cmd_build). */
	bool streams;
} format_entry;

static int render_json_opts(const ast_doc *d, const render_options *o, buf *out)
{
	(void)o;
	return render_json(d, out);
}

static int render_dot_opts(const ast_doc *d, const render_options *o, buf *out)
{
	(void)o;
	render_dot(d, out);
	return 0;
}

static const format_entry formats[] = {
	{"md", render_md, true},
	{"html", render_html, true},
	{"latex", render_latex, false},
	{"pdf", NULL, false},
	{"json", render_json_opts, true},
	{"docx", NULL, false},
	{"dot", render_dot_opts, true},
};

/* The format an output file's extension names (contract 11.11). */
static const char *format_of_path(const char *path)
{
	static const char *const ext[][2] = {
		{".md", "md"}, {".html", "html"}, {".htm", "html"}, {".tex", "latex"},
		{".pdf", "pdf"}, {".json", "json"}, {".docx", "docx"}, {".dot", "dot"}, {".gv", "dot"},
	};
	size_t n = path ? strlen(path) : 0;
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		size_t k = strlen(ext[i][0]);
		if (n > k && strcmp(path + n - k, ext[i][0]) == 0 && path[n - k - 1] != '/')
			return ext[i][1];
	}
	return NULL;
}

/* The template of --reference-doc, read whole; -1 (reported) if it cannot
 * be read or is too large to be one. */
static int read_reference(const char *path, char **data, size_t *len)
{
	if (source_read_file(path, data, len) != 0) {
		fprintf(stderr, "briefc: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (*len > SOURCE_MAX_BYTES) {
		fprintf(stderr, "briefc: --reference-doc %s: larger than %zu bytes\n", path,
			(size_t)SOURCE_MAX_BYTES);
		free(*data);
		return -1;
	}
	return 0;
}

static const format_entry *format_lookup(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

/* The usage errors of build's options (EXIT_OK if none, and *fe the
 * backend they ask for). */
static int usage_build_format(const options *o, const format_entry **fe_out)
{
	if (o->nfiles != 1)
		return usage_error("%s", "build takes exactly one FILE");
	const char *format = o->format;
	if (!format && o->out && strcmp(o->out, "-") != 0) {
		format = format_of_path(o->out);
		if (!format)
			return usage_error("cannot tell the format from '%s': give -t FORMAT (md, html, latex, pdf, json, docx or dot)",
					   o->out);
	}
	if (!format)
		return usage_error("%s", "build needs -t FORMAT (md, html, latex, pdf, json, docx or dot) or -o FILE with one of their extensions");
	const format_entry *fe = format_lookup(format);
	if (!fe)
		return usage_error("unknown format '%s': expected md, html, latex, pdf, json, docx or dot",
				   format);
	bool docx = strcmp(fe->name, "docx") == 0;
	bool pdf = fe->render == NULL && !docx;
#ifdef __wasi__
	/* WASI runs no processes (pdflatex), and this build has no zlib (the
	 * ZIP of a Word document): render_pdf.c and render_docx.c are left out. */
	if (pdf || docx)
		return usage_error("%s output is not available in this build", fe->name);
#endif
	bool to_stdout = !o->out || strcmp(o->out, "-") == 0;
	if (pdf && to_stdout)
		return usage_error("%s", "-t pdf needs -o FILE: a PDF is not written to standard output");
	if (docx && to_stdout && isatty(STDOUT_FILENO))
		return usage_error("%s", "-t docx needs -o FILE or a pipe: a Word document is not written to a terminal");
	if (o->reference_doc && !docx)
		return usage_error("%s", "--reference-doc is an option of -t docx");
	*fe_out = fe;
	return EXIT_OK;
}

/* The backend build's options ask for, or NULL after a usage error
 * (reported, *status set). */
static const format_entry *build_format(const options *o, int *status)
{
	const format_entry *fe = NULL;
	*status = usage_build_format(o, &fe);
	return fe;
}

/*
 * The LaTeX output includes the map's drawing, a PDF, as a file beside
 * it named after it: x.tex includes x-map.pdf, which the build writes
 * (path) from the bytes the renderer leaves in map.  On standard output
 * there is no "beside": an error at the ::: map.
 */
static void map_file_beside(ast_doc *d, const char *out, render_options *ro,
			    buf *map, buf *path)
{
	if (!out || strcmp(out, "-") == 0) {
		size_t k = diag_report(&d->diags, DC_MISSING_FILE,
				       d->maps.v[0]->u.block->kind_at,
				       "the LaTeX output includes the map's drawing "
				       "from a file beside it: give -o FILE.tex");
		diag_add_help(&d->diags, k, "-o brief.tex writes brief.tex and "
			      "brief-map.pdf");
		return;
	}
	/* x.tex, x.latex: x-map.pdf */
	size_t n = strlen(out);
	const char *slash = strrchr(out, '/');
	const char *dot = strrchr(slash ? slash : out, '.');
	if (dot && dot > (slash ? slash + 1 : out))
		n = (size_t)(dot - out);
	buf_put(path, out, n);
	buf_puts(path, "-map.pdf");
	slash = strrchr(path->data, '/');
	const char *name = slash ? slash + 1 : path->data;
	/* the name goes to \includegraphics as it is: TeX must read no
	 * markup in it */
	for (const char *c = name; *c; c++)
		if (!ascii_is_alnum(*c) && !strchr("._+-", *c)) {
			path->len = (size_t)(name - path->data);
			buf_puts(path, RENDER_MAP_FILE);
			break;
		}
	ro->map_file = path->data + (name - path->data);
	ro->map_drawing = map;
}

/* Build o's file into fe's format, recording what was read in fs. */
static int build_file(const options *o, const format_entry *fe, files *fs)
{
	bool docx = strcmp(fe->name, "docx") == 0;
	bool pdf = fe->render == NULL && !docx;
	char *ref = NULL;
	size_t ref_len = 0;
	if (o->reference_doc && read_reference(o->reference_doc, &ref, &ref_len) != 0)
		return EXIT_USAGE;

	ast_doc d;
	if (load(&d, fs, o->files[0], o, true) != 0) {
		free(ref);
		return EXIT_USAGE;
	}
	buf out = BUF_INIT, err = BUF_INIT, map = BUF_INIT, map_path = BUF_INIT;
	int status = EXIT_OK;
	render_options ro = o->render;
	bool latex = fe->render == render_latex;
	if (latex && d.maps.n && diag_count(&d.diags, DS_ERROR) == 0)
		map_file_beside(&d, o->out, &ro, &map, &map_path);
	bool clean = diag_count(&d.diags, DS_ERROR) == 0;
	/* LaTeX reports only characters no TeX engine can set, and a
	 * right-to-left lang: with neither, it streams too.  A map is drawn
	 * by a program that may fail (an error at the ::: map): no stream
	 * then. */
	const ast_field *lang = d.meta.lang;
	bool stream = clean && !d.maps.n &&
		      (fe->streams ||
		       (latex && latex_fonts_all_set(d.src.text, d.src.len,
						     lang ? lang->value.p : "",
						     lang ? lang->value.len : 0)));
	if (clean && !stream) {
#ifdef __wasi__
		(void)pdf;
		int rc = fe->render(&d, &ro, &out);
#else
		int rc = pdf ? render_pdf(&d, &ro, &out, &err)
			 : docx ? render_docx(&d, &ro, ref, ref_len, &out, &err)
			 : fe->render(&d, &ro, &out);
#endif
		if (rc != 0 && !diag_count(&d.diags, DS_ERROR)) {
			if (docx && o->reference_doc)
				fprintf(stderr, "briefc: --reference-doc %s: %s\n", o->reference_doc,
					err.len ? err.data : "not a usable Word document");
			else
				fprintf(stderr, "briefc: %s\n", err.len ? err.data : "cannot build the output");
			status = EXIT_USAGE;
		}
		/* A backend may report what it cannot render (e.g. TeX). */
		diag_sort(&d.diags);
	}
	/* Diagnostics first, so a build's errors explain the missing output. */
	diag_format fmt;
	buf dout = BUF_INIT;
	diag_format_begin(&fmt, o->diagnostics, o->pol.max_errors,
			  o->diagnostics == DF_TEXT && diag_format_want_color(2), &dout);
	diag_format_file(&fmt, &d.diags, &dout);
	diag_format_end(&fmt, &dout);
	/* Machine-readable diagnostics share stdout only when the output does not. */
	FILE *ds = o->diagnostics != DF_TEXT && o->out && strcmp(o->out, "-") != 0
		? stdout : stderr;
	flush_buf(ds, &dout);
	buf_free(&dout);
	note_dropped(&fmt);
	if (fmt.errors) {
		status = EXIT_ERRORS;
	} else if (stream) {
		output w;
		if (output_open(&w, o->out) != 0) {
			status = EXIT_USAGE;
		} else {
			buf_sink sink = {output_write, &w};
			out.sink = &sink;
			if (fe->render(&d, &ro, &out) != 0) {
				fprintf(stderr, "briefc: cannot build the output\n");
				status = EXIT_USAGE;
			}
			buf_sink_flush(&out);
			if (output_close(&w) != 0)
				status = EXIT_USAGE;
		}
	} else if (status == EXIT_OK && write_output(o->out, out.data ? out.data : "", out.len) != 0) {
		status = EXIT_USAGE;
	} else if (status == EXIT_OK && map_path.len &&
		   write_output(map_path.data, map.data ? map.data : "", map.len) != 0) {
		status = EXIT_USAGE;
	}
	buf_free(&out);
	buf_free(&err);
	buf_free(&map);
	buf_free(&map_path);
	free(ref);
	ast_doc_free(&d);
	return status;
}

static int cmd_build(const options *o)
{
	int status;
	const format_entry *fe = build_format(o, &status);
	if (!fe)
		return status;
	files fs = FILES_INIT;
	status = build_file(o, fe, &fs);
	files_free(&fs);
	return status;
}

/*
 * briefc fmt [--check] [--stdout] FILE...: each file in the canonical
 * layout (fmt.h), rewritten in place through a temporary file only when
 * it changes; a file fmt cannot read for what it is (syntax or encoding
 * errors) is left alone, with those errors shown.
 */
static int fmt_file(const char *path, bool check, bool to_stdout)
{
	char *raw;
	size_t len;
	files fs = FILES_INIT;
	int rc = files_read(&fs, path, FILES_REGULAR | FILES_UNRECORDED, &raw, &len);
	files_free(&fs);
	if (rc != 0) {
		fprintf(stderr, "briefc: cannot read %s: %s\n", path, strerror(errno));
		return EXIT_USAGE;
	}
	bool in = strcmp(path, "-") == 0;
	const char *name = in ? "<stdin>" : path;
	ast_doc d;
	/* one file: its include lines are lines of it, nothing more */
	char *copy = xmalloc(len + SOURCE_PAD, "the file's text");
	memcpy(copy, raw, len);
	if (ast_doc_load_brief(&d, name, copy, len, NULL, false) != 0) {
		fprintf(stderr, "briefc: %s: input larger than %zu bytes (see docs/limits.md)\n",
			path, (size_t)SOURCE_MAX_BYTES);
		ast_doc_free(&d);
		free(raw);
		return EXIT_USAGE;
	}
	int status = EXIT_OK;
	buf out = BUF_INIT;
	bool same = true;
	if (fmt_document(&d, &out) != 0) {
		diag_sort(&d.diags);
		buf msg = BUF_INIT;
		bool color = diag_format_want_color(2);
		size_t shown = 0, more = 0;
		for (size_t i = 0; i < d.diags.n; i++) {
			if (!fmt_blocks(&d.diags.items[i]))
				continue;
			if (shown++ < POLICY_MAX_ERRORS_DEFAULT)
				diag_render_text(&msg, &d.diags, &d.diags.items[i], color);
			else
				more++;
		}
		if (more)
			buf_printf(&msg, "briefc: %zu more error%s not shown\n", more,
				   more == 1 ? "" : "s");
		fputs(msg.data ? msg.data : "", stderr);
		fprintf(stderr, "briefc fmt: %s left as it is: fix its errors first\n", name);
		buf_free(&msg);
		status = EXIT_ERRORS;
	} else {
		same = out.len == len && (!len || memcmp(out.data, raw, len) == 0);
		if (check && !same) {
			printf("%s\n", name);
			status = EXIT_ERRORS;
		} else if (!check && (to_stdout || in || !same) &&
			   write_output(to_stdout || in ? NULL : path,
					out.data ? out.data : "", out.len) != 0) {
			status = EXIT_USAGE;
		}
	}
	buf_free(&out);
	ast_doc_free(&d);
	free(raw);
	return status;
}

static int cmd_fmt(int argc, char **argv)
{
	bool check = false, to_stdout = false, only_files = false;
	int nfiles = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (only_files || a[0] != '-' || a[1] == '\0')
			nfiles++;
		else if (strcmp(a, "--check") == 0)
			check = true;
		else if (strcmp(a, "--stdout") == 0)
			to_stdout = true;
		else if (strcmp(a, "--") == 0)
			only_files = true;
		else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage_text, stdout);
			return EXIT_OK;
		} else
			return usage_error("unknown option '%s' (fmt takes --check and --stdout)", a);
	}
	if (!nfiles)
		return usage_error("%s", "no input FILE");
	if (check && to_stdout)
		return usage_error("%s", "--check and --stdout do not go together");
	int status = EXIT_OK;
	only_files = false;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!only_files && a[0] == '-' && a[1] != '\0') {
			only_files = strcmp(a, "--") == 0;
			continue;
		}
		int st = fmt_file(a, check, to_stdout);
		if (st > status)
			status = st;
	}
	return status;
}

/* What each of watch's builds is: a build, or a check without -t and -o. */
typedef struct watch_job {
	const options *o;
	const format_entry *fe;	/* NULL: check */
} watch_job;

#ifndef __wasi__
static int watch_build(void *ctx, files *read)
{
	const watch_job *j = ctx;
	return j->fe ? build_file(j->o, j->fe, read) : check_files(j->o, read);
}
#endif

static int cmd_watch(const options *o)
{
	watch_job j = {o, NULL};
	int status = EXIT_OK;
	if (o->nfiles != 1)
		return usage_error("%s", "watch takes exactly one FILE");
	if (strcmp(o->files[0], "-") == 0)
		return usage_error("%s", "watch needs a FILE: standard input cannot be watched");
	if ((o->format || o->out) && !(j.fe = build_format(o, &status)))
		return status;
	if (!j.fe && (o->render.fragment || o->reference_doc))
		return usage_error("%s", "--fragment and --reference-doc need -t FORMAT or -o OUT");
#ifdef __wasi__
	return usage_error("%s", "watch is not available in this build");
#else
	watch_options wo = {
		.poll = o->poll,
		.poll_ms = WATCH_POLL_MS,
		.debounce_ms = WATCH_DEBOUNCE_MS,
		.what = j.fe ? "build" : "check",
		.log = stderr,
	};
	return watch_run(&wo, watch_build, &j);
#endif
}

/*
 * trace FILE ID...: the document is loaded and checked as by check, but
 * only its errors are shown (on stderr, before the trace): they are why a
 * trace may be incomplete, while warnings are check's business and the
 * trace marks what is unsupported itself.  What resolved is traced all
 * the same (exit status 1).  An ID that names nothing traceable is a usage
 * error (exit 2), found before anything is written to stdout.
 */
static int cmd_trace(const options *o)
{
	bool json = false;
	if (o->trace_format) {
		if (strcmp(o->trace_format, "json") == 0)
			json = true;
		else if (strcmp(o->trace_format, "text") != 0)
			return usage_error("unknown trace format '%s': expected text or json",
					   o->trace_format);
	}
	if (o->nfiles < 2)
		return usage_error("%s", "trace needs a FILE and at least one ID");
	options lo = *o;
	for (int c = 0; c < DC__COUNT; c++)
		if (diag_code_default((diag_code)c) != DS_ERROR)
			lo.pol.code[c] = POLICY_DISABLED;
	ast_doc d;
	files fs = FILES_INIT;
	int rc = load(&d, &fs, o->files[0], &lo, false);
	files_free(&fs);
	if (rc != 0)
		return EXIT_USAGE;
	diag_format fmt;
	buf out = BUF_INIT;
	diag_format_begin(&fmt, DF_TEXT, o->pol.max_errors, diag_format_want_color(2), &out);
	diag_format_file(&fmt, &d.diags, &out);
	diag_format_end(&fmt, &out);
	flush_buf(stderr, &out);
	note_dropped(&fmt);
	int status = fmt.errors ? EXIT_ERRORS : EXIT_OK;

	size_t n = o->nfiles - 1;
	const ast_node **roots = xcalloc(n, sizeof *roots, "the IDs to trace");
	buf err = BUF_INIT;
	for (size_t i = 0; i < n && status != EXIT_USAGE; i++) {
		roots[i] = trace_lookup(&d, o->files[i + 1], &err);
		if (!roots[i])
			status = usage_error("%s", err.data);
	}
	if (status != EXIT_USAGE) {
		if (json)
			trace_json(&d, roots, n, &out);
		else
			trace_text(&d, roots, n, &out);
		if (flush_buf(stdout, &out) != 0) {
			fprintf(stderr, "briefc: cannot write standard output: %s\n",
				strerror(errno));
			status = EXIT_USAGE;
		}
	}
	free(roots);
	buf_free(&err);
	buf_free(&out);
	ast_doc_free(&d);
	return status;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("%s", "missing command: check, build, trace, watch, fmt or lsp");
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("briefc %s\n", BRIEFC_VERSION);
		return EXIT_OK;
	}
	if (strcmp(cmd, "lsp") == 0) {
		/* --stdio: what editors' clients pass to say the transport */
		for (int i = 2; i < argc; i++)
			if (strcmp(argv[i], "--stdio") != 0)
				return usage_error("lsp takes no argument but --stdio, not '%s'", argv[i]);
#ifdef __wasi__
		/* a page has no standard input to serve an editor on, and
		 * this build has no jansson: src/lsp*.c are left out */
		return usage_error("%s", "lsp is not available in this build");
#else
		return lsp_serve(STDIN_FILENO, STDOUT_FILENO);
#endif
	}
	if (strcmp(cmd, "fmt") == 0)
		return cmd_fmt(argc - 2, argv + 2);
	bool watch = strcmp(cmd, "watch") == 0;
	bool build = strcmp(cmd, "build") == 0 || watch;
	bool trace = strcmp(cmd, "trace") == 0;
	if (!build && !trace && strcmp(cmd, "check") != 0)
		return usage_error("unknown command '%s': expected check, build, trace, watch, fmt or lsp", cmd);
	options o;
	memset(&o, 0, sizeof o);
	policy_init(&o.pol);
	o.diagnostics = DF_TEXT;
	o.files = xcalloc((size_t)argc, sizeof *o.files, "the list of files");
	int status = EXIT_OK;
	buf err = BUF_INIT;
	bool only_files = false;
	for (int i = 2; i < argc && status == EXIT_OK; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		if (only_files || a[0] != '-' || a[1] == '\0') {
			o.files[o.nfiles++] = a;
			continue;
		}
		int used = policy_parse_option(&o.pol, a, next, &err);
		if (used < 0) {
			status = usage_error("%s", err.data);
		} else if (used > 0) {
			i += used - 1;
			o.policy_options = true;
		} else if (strcmp(a, "--") == 0) {
			only_files = true;
		} else if (strcmp(a, "--reference-doc") == 0) {
			if (!next) {
				status = usage_error("option %s needs an argument", a);
				break;
			}
			o.reference_doc = next;
			i++;
		} else if (strncmp(a, "--reference-doc=", 16) == 0) {
			o.reference_doc = a + 16;
		} else if (strcmp(a, "-t") == 0 || strcmp(a, "-o") == 0) {
			if (!next) {
				status = usage_error("option %s needs an argument", a);
				break;
			}
			if (a[1] == 't')
				o.format = next;
			else
				o.out = next;
			i++;
		} else if (strncmp(a, "--diagnostics=", 14) == 0) {
			int k = diag_format_lookup(a + 14);
			if (k < 0)
				status = usage_error("unknown diagnostics format '%s': expected text, json, sarif or github",
						     a + 14);
			else
				o.diagnostics = (diag_format_kind)k;
		} else if (strncmp(a, "--format=", 9) == 0) {
			o.trace_format = a + 9;
		} else if (strcmp(a, "--fragment") == 0) {
			o.render.fragment = true;
		} else if (strcmp(a, "--poll") == 0 && watch) {
			o.poll = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage_text, stdout);
			free(o.files);
			buf_free(&err);
			return EXIT_OK;
		} else {
			status = usage_error("unknown option '%s'", a);
		}
	}
	if (status == EXIT_OK && o.nfiles == 0)
		status = usage_error("%s", "no input FILE");
	if (status == EXIT_OK && !build &&
	    (o.format || o.out || o.render.fragment || o.reference_doc))
		status = usage_error("-t, -o, --fragment and --reference-doc are options of build, not %s",
				     cmd);
	if (status == EXIT_OK && !trace && o.trace_format)
		status = usage_error("--format is an option of trace, not %s (build: -t FORMAT)",
				     cmd);
	if (status == EXIT_OK && trace && (o.policy_options || o.diagnostics != DF_TEXT))
		status = usage_error("%s", "trace shows the document's errors only: "
				     "warning and diagnostics options are not options of trace");
	if (status == EXIT_OK)
		status = watch ? cmd_watch(&o) : build ? cmd_build(&o)
		       : trace ? cmd_trace(&o) : cmd_check(&o);
	free(o.files);
	buf_free(&err);
	return status;
}
