/*
 * main.c - the briefc command line.  The only file that exits or parses
 * argv; everything else is a library (build/libbriefc.a).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ast.h"
#include "check.h"
#include "render_json.h"

#ifndef BRIEFC_VERSION
#define BRIEFC_VERSION "0.0.0"
#endif

enum { EXIT_OK = 0, EXIT_ERRORS = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
	"usage: briefc check [OPTIONS] FILE...\n"
	"       briefc build [OPTIONS] -t FORMAT [-o OUT] FILE\n"
	"       briefc --help | --version\n"
	"\n"
	"FORMAT is one of md, html, latex, pdf, json.\n"
	"\n"
	"options:\n"
	"  -t FORMAT                 output format (build)\n"
	"  -o OUT                    output file; '-' or none: standard output\n"
	"  --strict                  treat warnings as errors\n"
	"  -Werror                   treat warnings as errors\n"
	"  -W CODE, -Wno-CODE        enable or disable the warning CODE\n"
	"  --diagnostics=FORMAT      text (default), json, sarif or github\n"
	"  --fragment                html, latex: the body only\n"
	"  --max-errors N            show at most N diagnostics (default 50)\n"
	"  -h, --help                this text\n"
	"  --version                 the version\n"
	"\n"
	"exit status: 0 no errors, 1 the input has errors, 2 usage or I/O failure\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("briefc: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'briefc --help'.\n", stderr);
	return EXIT_USAGE;
}

typedef struct options {
	const char *format;
	const char *out;
	const char **files;
	size_t nfiles;
} options;

static int write_all(FILE *f, const char *p, size_t n)
{
	return fwrite(p, 1, n, f) == n ? 0 : -1;
}

/*
 * Write to path through a temporary file in the same folder and rename it
 * into place, so a failure never leaves a half-written or lost output.
 */
static int write_output(const char *path, const char *data, size_t len)
{
	if (!path || strcmp(path, "-") == 0) {
		if (write_all(stdout, data, len) != 0 || fflush(stdout) != 0) {
			fprintf(stderr, "briefc: cannot write standard output: %s\n", strerror(errno));
			return -1;
		}
		return 0;
	}
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	if (!tmp)
		abort();
	snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "briefc: cannot create %s: %s\n", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	FILE *f = fdopen(fd, "wb");
	int rc = f ? write_all(f, data, len) : -1;
	if (f && fclose(f) != 0)
		rc = -1;
	else if (!f)
		close(fd);
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0) {
		fprintf(stderr, "briefc: cannot write %s: %s\n", path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

static int load(ast_doc *d, const char *path)
{
	char *raw;
	size_t len;
	if (source_read_file(path, &raw, &len) != 0) {
		fprintf(stderr, "briefc: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	int rc = ast_doc_load(d, strcmp(path, "-") == 0 ? "<stdin>" : path, raw, len);
	free(raw);
	if (rc != 0) {
		fprintf(stderr, "briefc: %s: input larger than %zu bytes\n", path,
			(size_t)SOURCE_MAX_BYTES);
		ast_doc_free(d);
		return -1;
	}
	check_run_all(d);
	diag_sort(&d->diags);
	return 0;
}

static void print_diags(const ast_doc *d, size_t *errors, size_t *warnings)
{
	buf out = BUF_INIT;
	for (size_t i = 0; i < d->diags.n; i++)
		diag_render_text(&out, &d->diags, &d->diags.items[i], false);
	*errors += diag_count(&d->diags, DS_ERROR);
	*warnings += diag_count(&d->diags, DS_WARNING);
	fwrite(out.data ? out.data : "", 1, out.len, stderr);
	buf_free(&out);
}

static void print_summary(size_t errors, size_t warnings)
{
	if (errors || warnings)
		fprintf(stderr, "%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s",
			warnings, warnings == 1 ? "" : "s");
}

static int cmd_check(const options *o)
{
	size_t errors = 0, warnings = 0;
	int status = EXIT_OK;
	for (size_t i = 0; i < o->nfiles; i++) {
		ast_doc d;
		if (load(&d, o->files[i]) != 0) {
			status = EXIT_USAGE;
			continue;
		}
		print_diags(&d, &errors, &warnings);
		ast_doc_free(&d);
	}
	print_summary(errors, warnings);
	if (status == EXIT_OK && errors)
		status = EXIT_ERRORS;
	return status;
}

static int cmd_build(const options *o)
{
	if (o->nfiles != 1)
		return usage_error("%s", "build takes exactly one FILE");
	if (!o->format)
		return usage_error("%s", "build needs -t FORMAT (md, html, latex, pdf or json)");
	if (strcmp(o->format, "json") != 0)
		return usage_error("unknown format '%s': expected md, html, latex, pdf or json",
				   o->format);
	ast_doc d;
	if (load(&d, o->files[0]) != 0)
		return EXIT_USAGE;
	size_t errors = 0, warnings = 0;
	print_diags(&d, &errors, &warnings);
	print_summary(errors, warnings);
	int status = EXIT_OK;
	if (errors) {
		status = EXIT_ERRORS;
	} else {
		buf out = BUF_INIT;
		render_json(&d, &out);
		if (write_output(o->out, out.data, out.len) != 0)
			status = EXIT_USAGE;
		buf_free(&out);
	}
	ast_doc_free(&d);
	return status;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("%s", "missing command: check or build");
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("briefc %s\n", BRIEFC_VERSION);
		return EXIT_OK;
	}
	bool build = strcmp(cmd, "build") == 0;
	if (!build && strcmp(cmd, "check") != 0)
		return usage_error("unknown command '%s': expected check or build", cmd);
	options o = {0};
	o.files = calloc((size_t)argc, sizeof *o.files);
	if (!o.files)
		abort();
	int status = EXIT_OK;
	for (int i = 2; i < argc && status == EXIT_OK; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-t") == 0 || strcmp(a, "-o") == 0) {
			if (i + 1 >= argc) {
				status = usage_error("option %s needs an argument", a);
				break;
			}
			if (a[1] == 't')
				o.format = argv[++i];
			else
				o.out = argv[++i];
		} else if (a[0] == '-' && a[1] != '\0') {
			status = usage_error("unknown option '%s'", a);
		} else {
			o.files[o.nfiles++] = a;
		}
	}
	if (status == EXIT_OK && o.nfiles == 0)
		status = usage_error("%s", "no input FILE");
	if (status == EXIT_OK)
		status = build ? cmd_build(&o) : cmd_check(&o);
	free(o.files);
	return status;
}
