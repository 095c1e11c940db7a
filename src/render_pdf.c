/*
 * render_pdf.c - the PDF backend: the LaTeX output, run through pdflatex
 * in a temporary folder as many times as its cross-references need.
 *
 * The PDF is a pure function of the input: pdflatex runs in a fresh folder
 * on a file of a fixed name, with SOURCE_DATE_EPOCH set to the brief's own
 * date, so the dates and the file identifier it writes never change from
 * one run to the next.  When TeX is missing, or fails, the error names
 * what to install.
 *
 * TeX reads no file outside that folder (openin_any=p), so the images a
 * brief names (its figures, its logo) are copied into it first, each under
 * the name the LaTeX output gives it (render_image_file), after their
 * bytes are checked again to be the image their name says (image.h); the
 * evidence map's drawing, which the renderer made, is written there as
 * RENDER_MAP_FILE.
 */
#include "render.h"

#include "image.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define TEX_PACKAGES "texlive-latex-base texlive-latex-recommended " \
	"texlive-fonts-recommended lmodern"
#define MAX_RUNS 4

/* Seconds since 1970 at midnight UTC of a YYYY-MM-DD date, or 0. */
static long long epoch_of(const ast_field *date)
{
	if (!date || date->value.len != 10)
		return 0;
	int y, m, d;
	if (sscanf(date->value.p, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
	    d > 31 || y < 1970)
		return 0;
	/* days from civil (Howard Hinnant's algorithm) */
	y -= m <= 2;
	long long era = y / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468) * 86400;
}

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(data, 1, len, f);
	return fclose(f) == 0 && w == len ? 0 : -1;
}

static int read_file(const char *path, buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(out, chunk, n);
	int rc = ferror(f) ? -1 : 0;
	fclose(f);
	return rc;
}

static void remove_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	if (dp) {
		struct dirent *e;
		buf p = BUF_INIT;
		while ((e = readdir(dp))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			buf_clear(&p);
			buf_printf(&p, "%s/%s", dir, e->d_name);
			unlink(p.data);
		}
		buf_free(&p);
		closedir(dp);
	}
	rmdir(dir);
}

/* Run pdflatex once in dir; its exit status, 127 if it could not start. */
static int run_pdflatex(const char *dir, long long epoch)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		char e[32];
		snprintf(e, sizeof e, "%lld", epoch);
		int null = open("/dev/null", O_RDWR);
		if (chdir(dir) != 0 || null < 0)
			_exit(126);
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		setenv("SOURCE_DATE_EPOCH", e, 1);
		setenv("FORCE_SOURCE_DATE", "1", 1);
		/* paranoid: TeX opens no file outside the build folder and
		 * the TeX trees, whatever the user's texmf.cnf says */
		setenv("openin_any", "p", 1);
		setenv("openout_any", "p", 1);
		execlp("pdflatex", "pdflatex", "-interaction=nonstopmode", "-halt-on-error",
		       "-no-shell-escape", "brief.tex", (char *)NULL);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The Debian package that has a missing LaTeX file. */
static const char *package_of(const char *file, size_t len)
{
	static const struct {
		const char *file, *pkg;
	} known[] = {
		{"lmodern.sty", "lmodern"},
		{"xcolor.sty", "texlive-latex-recommended"},
		{"parskip.sty", "texlive-latex-recommended"},
		{"microtype.sty", "texlive-latex-recommended"},
		{"fontspec.sty", "texlive-latex-recommended"},
		{"textcomp.sty", "texlive-latex-base"},
		{"geometry.sty", "texlive-latex-base"},
		{"hyperref.sty", "texlive-latex-base"},
		{"iftex.sty", "texlive-latex-base"},
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strlen(known[i].file) == len && memcmp(known[i].file, file, len) == 0)
			return known[i].pkg;
	return NULL;
}

/* What went wrong, from the log: the first error and, for a missing
 * file, the package to install. */
static void explain_failure(const buf *log, buf *errmsg)
{
	const char *miss = log->data ? strstr(log->data, "! LaTeX Error: File `") : NULL;
	if (miss) {
		const char *f = miss + strlen("! LaTeX Error: File `");
		const char *q = strchr(f, '\'');
		size_t len = q ? (size_t)(q - f) : 0;
		const char *pkg = package_of(f, len);
		buf_printf(errmsg, "pdflatex: the LaTeX file %.*s is missing", (int)len, f);
		if (pkg)
			buf_printf(errmsg, "; install the Debian package %s (apt-get install %s)", pkg, pkg);
		buf_putc(errmsg, '\n');
		return;
	}
	const char *err = log->data ? strstr(log->data, "\n! ") : NULL;
	if (err) {
		const char *end = strchr(err + 1, '\n');
		/* the error line and the context line after it */
		if (end && end[1])
			end = strchr(end + 1, '\n');
		size_t len = end ? (size_t)(end - err - 1) : strlen(err + 1);
		buf_printf(errmsg, "pdflatex failed:\n%.*s\n", (int)len, err + 1);
	} else {
		buf_puts(errmsg, "pdflatex failed without an error in its log\n");
	}
	if (strstr(log->data ? log->data : "", "mktextfm") ||
	    strstr(log->data ? log->data : "", "Font T1/"))
		buf_puts(errmsg, "fonts may be missing: install texlive-fonts-recommended lmodern\n");
}

/* An image the brief names, into the TeX folder dir as render_image_file
 * names it (number 0: the logo).  One that cannot be read now is left
 * out: the LaTeX output then shows its alt text. */
static void copy_image(const ast_doc *d, const ast_field *src, int number,
		       const char *dir)
{
	if (!src || !src->value.len)
		return;
	image_file im;
	buf why = BUF_INIT, help = BUF_INIT, name = BUF_INIT, path = BUF_INIT;
	char *data = NULL;
	size_t len;
	if (image_locate_field(d, src, &im, &why, &help) == 0) {
		if (image_read(&im, &data, &len) == 0) {
			render_image_file(number, im.type == IMG_JPEG, &name);
			buf_printf(&path, "%s/%s", dir, name.data);
			write_file(path.data, data, len);
		}
		image_file_free(&im);
	}
	free(data);
	buf_free(&why);
	buf_free(&help);
	buf_free(&name);
	buf_free(&path);
}

static bool wants_rerun(const buf *log)
{
	const char *s = log->data ? log->data : "";
	return strstr(s, "Rerun to get") || strstr(s, "Label(s) may have changed") ||
	       strstr(s, "There were undefined references");
}

int render_pdf(const ast_doc *d, const render_options *o, buf *out, buf *errmsg)
{
	(void)o;		/* a PDF is always the whole document */
	buf tex = BUF_INIT, log = BUF_INIT, path = BUF_INIT, map = BUF_INIT;
	render_options standalone = {.fragment = false, .tex_folder = true,
				     .map_drawing = &map};
	int rc = render_latex(d, &standalone, &tex);
	if (rc) {
		buf_free(&tex);
		buf_free(&map);
		return rc;
	}
	const char *tmp = getenv("TMPDIR");
	buf_printf(&path, "%s/briefc-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	char *dir = mkdtemp(path.data);
	if (!dir) {
		buf_printf(errmsg, "cannot create a temporary folder in %s: %s\n",
			   tmp && *tmp ? tmp : "/tmp", strerror(errno));
		buf_free(&tex);
		buf_free(&path);
		return -1;
	}
	buf f = BUF_INIT;
	buf_printf(&f, "%s/brief.tex", dir);
	rc = -1;
	if (write_file(f.data, tex.data ? tex.data : "", tex.len) != 0) {
		buf_printf(errmsg, "cannot write %s: %s\n", f.data, strerror(errno));
		goto done;
	}
	for (size_t i = 0; i < d->figures.n; i++) {
		const ast_block *b = d->figures.v[i]->u.block;
		copy_image(d, b->f_src, b->number, dir);
	}
	copy_image(d, d->meta.logo, 0, dir);
	if (map.len) {		/* the map's drawing, as the LaTeX names it */
		buf_clear(&f);
		buf_printf(&f, "%s/%s", dir, RENDER_MAP_FILE);
		if (write_file(f.data, map.data, map.len) != 0) {
			buf_printf(errmsg, "cannot write %s: %s\n", f.data, strerror(errno));
			goto done;
		}
	}
	long long epoch = epoch_of(d->meta.date);
	for (int run = 1; run <= MAX_RUNS; run++) {
		int st = run_pdflatex(dir, epoch);
		if (st == 127) {
			buf_puts(errmsg, "pdflatex not found: install TeX, e.g. apt-get install "
				 TEX_PACKAGES "\n");
			goto done;
		}
		buf_clear(&log);
		buf_clear(&f);
		buf_printf(&f, "%s/brief.log", dir);
		read_file(f.data, &log);
		if (st != 0) {
			explain_failure(&log, errmsg);
			goto done;
		}
		if (!wants_rerun(&log))
			break;
	}
	buf_clear(&f);
	buf_printf(&f, "%s/brief.pdf", dir);
	if (read_file(f.data, out) != 0) {
		buf_printf(errmsg, "pdflatex wrote no PDF\n");
		goto done;
	}
	rc = 0;
done:
	/* the caller puts the message on a line of its own */
	while (errmsg->len && errmsg->data[errmsg->len - 1] == '\n')
		errmsg->data[--errmsg->len] = '\0';
	remove_dir(dir);
	buf_free(&f);
	buf_free(&tex);
	buf_free(&log);
	buf_free(&path);
	buf_free(&map);
	return rc;
}
