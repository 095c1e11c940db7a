/*
 * render_pdf.c - the PDF backend: the LaTeX output, run through pdflatex
 * or lualatex (latex_fonts.h chooses) in a temporary folder, as few times
 * as its cross-references need.
 *
 * What can be reused between builds is kept in a cache folder
 * ($XDG_CACHE_HOME/briefc, else ~/.cache/briefc), so that a build usually
 * runs TeX once:
 *
 *   formats/KEY.fmt   under pdflatex, the shared part of the preamble
 *                     (everything before LATEX_OWN_SETTINGS) dumped as a
 *                     TeX format, KEY a hash of that text; KEY.deps lists
 *                     every file the dump read, with its size and time,
 *                     so a TeX Live update makes a new one.  The eight
 *                     used last are kept.
 *   aux/KEY.aux       the .aux file of the last build of the same input
 *                     file (KEY a hash of its absolute path): TeX starts
 *                     with the labels and page count it will most likely
 *                     find, and runs again only when the .aux it writes
 *                     differs from the one it read.
 *
 * Under lualatex the CJK fonts are cut down (hb-subset, when installed)
 * to the characters of the document first: loading a whole Noto CJK face
 * takes luaotfload half a second and 400 MB.  luaotfload's own font
 * cache, shared with every other TeX run of the user, keeps the other
 * fonts.
 *
 * The PDF is a pure function of the input: TeX runs on a file of a fixed
 * name with SOURCE_DATE_EPOCH set to the brief's own date, pdflatex
 * always through a format (made in the temporary folder when there is no
 * cache), and a reused .aux is only a starting point that the runs
 * converge from.  When TeX is missing, or fails, the error names what to
 * install.
 *
 * TeX reads no file outside that folder (openin_any=p), so the images a
 * brief names (its figures, its logo) are copied into it first, each under
 * the name the LaTeX output gives it (render_image_file), after their
 * bytes are checked again to be the image their name says (image.h); the
 * evidence map's drawing, which the renderer made, is written there as
 * RENDER_MAP_FILE.
 */
#define _XOPEN_SOURCE 700	/* realpath */
#include "render.h"

#include "image.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "latex_fonts.h"
#include "utf8.h"

#define TEX_PACKAGES "texlive-latex-base texlive-latex-recommended " \
	"texlive-fonts-recommended lmodern"
#define LUATEX_PACKAGES "texlive-luatex fonts-noto-core fonts-noto-cjk fonts-dejavu-core"
#define MAX_RUNS 4
#define MAX_FORMATS 8
/* Where Debian puts the CJK collections (else kpsewhich finds them). */
#define CJK_DIR "/usr/share/fonts/opentype/noto/"

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

/* ---- files ---- */

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

/* Write a file of the cache whole or not at all: to a name of its own,
 * then renamed, so a build running at the same time never reads half. */
static void cache_write(const char *path, const char *data, size_t len)
{
	buf t = BUF_INIT;
	buf_printf(&t, "%s.%ld.tmp", path, (long)getpid());
	if (write_file(t.data, data, len) != 0 || rename(t.data, path) != 0)
		unlink(t.data);
	buf_free(&t);
}

static int copy_file(const char *from, const char *to)
{
	buf b = BUF_INIT;
	int rc = read_file(from, &b) == 0 ? write_file(to, b.data ? b.data : "", b.len) : -1;
	buf_free(&b);
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

/* mkdir -p; 0 when path is a folder at the end. */
static int make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0755);
		*p = '/';
		if (rc != 0 && errno != EEXIST)
			return -1;
	}
	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		return -1;
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

/* The cache folder, made if need be; -1 when there is none to be had. */
static int cache_dir(buf *out, const char *sub)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	buf_clear(out);
	if (xdg && xdg[0] == '/')
		buf_printf(out, "%s/briefc/%s", xdg, sub);
	else if (home && home[0] == '/')
		buf_printf(out, "%s/.cache/briefc/%s", home, sub);
	else
		return -1;
	return make_dirs(out->data);
}

/* FNV-1a, 64 bits: names cache entries after their content. */
static unsigned long long fnv1a(const char *s, size_t n, unsigned long long h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}
#define FNV_START 0xcbf29ce484222325ull

/* ---- running programs ---- */

typedef struct tex_env {
	long long epoch;	/* SOURCE_DATE_EPOCH */
} tex_env;

/* Run argv in dir, its output to /dev/null; its exit status, 127 if it
 * could not start. */
static int run(const char *dir, char *const argv[], const tex_env *env)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		char e[32];
		snprintf(e, sizeof e, "%lld", env->epoch);
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
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Run argv and keep its standard output. */
static int run_output(char *const argv[], buf *out)
{
	int fd[2];
	if (pipe(fd) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 0);
		dup2(fd[1], 1);
		dup2(null, 2);
		close(fd[0]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	char chunk[4096];
	ssize_t n;
	while ((n = read(fd[0], chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			buf_put(out, chunk, (size_t)n);
	close(fd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The file a program name runs, from PATH; false if none. */
static bool which(const char *prog, buf *out)
{
	const char *path = getenv("PATH");
	while (path && *path) {
		const char *colon = strchr(path, ':');
		size_t n = colon ? (size_t)(colon - path) : strlen(path);
		buf_clear(out);
		buf_printf(out, "%.*s/%s", (int)n, n ? path : ".", prog);
		if (access(out->data, X_OK) == 0)
			return true;
		path = colon ? colon + 1 : NULL;
	}
	return false;
}

/* ---- the log ---- */

/* The Debian package that has a missing LaTeX file or font. */
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
		{"bookmark.sty", "texlive-latex-base"},
		{"babel.sty", "texlive-latex-base"},
		{"iftex.sty", "texlive-latex-base"},
		{"luaotfload.sty", "texlive-luatex"},
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strlen(known[i].file) == len && memcmp(known[i].file, file, len) == 0)
			return known[i].pkg;
	if (len >= 12 && memcmp(file, "NotoSerifCJK", 12) == 0)
		return "fonts-noto-cjk";
	if (len >= 4 && memcmp(file, "Noto", 4) == 0)
		return "fonts-noto-core";
	if (len >= 6 && memcmp(file, "DejaVu", 6) == 0)
		return "fonts-dejavu-core";
	return NULL;
}

/* The text between prefix and the next delimiter in the log, if any. */
static const char *log_find(const buf *log, const char *prefix, char until, size_t *len)
{
	const char *p = log->data ? strstr(log->data, prefix) : NULL;
	if (!p)
		return NULL;
	p += strlen(prefix);
	const char *q = strchr(p, until);
	*len = q ? (size_t)(q - p) : 0;
	return p;
}

static void explain_missing(buf *errmsg, const char *engine, const char *what,
			    const char *f, size_t len)
{
	const char *pkg = package_of(f, len);
	buf_printf(errmsg, "%s: the %s %.*s is missing", engine, what, (int)len, f);
	if (pkg)
		buf_printf(errmsg, "; install the Debian package %s (apt-get install %s)", pkg, pkg);
	buf_putc(errmsg, '\n');
}

/* What went wrong, from the log: the first error and, for a missing
 * file, the package to install. */
static void explain_failure(const buf *log, const char *engine, buf *errmsg)
{
	size_t len;
	const char *f = log_find(log, "! LaTeX Error: File `", '\'', &len);
	if (f) {
		explain_missing(errmsg, engine, "LaTeX file", f, len);
		return;
	}
	f = log_find(log, "Error: The font \"", '"', &len);
	if (f) {
		explain_missing(errmsg, engine, "font", f, len);
		return;
	}
	const char *err = log->data ? strstr(log->data, "\n! ") : NULL;
	if (err) {
		const char *end = strchr(err + 1, '\n');
		/* the error line and the context line after it */
		if (end && end[1])
			end = strchr(end + 1, '\n');
		len = end ? (size_t)(end - err - 1) : strlen(err + 1);
		buf_printf(errmsg, "%s failed:\n%.*s\n", engine, (int)len, err + 1);
	} else {
		buf_printf(errmsg, "%s failed without an error in its log\n", engine);
	}
	if (strstr(log->data ? log->data : "", "mktextfm") ||
	    strstr(log->data ? log->data : "", "Font T1/"))
		buf_puts(errmsg, "fonts may be missing: install texlive-fonts-recommended lmodern\n");
}

/*
 * A character the fonts lack stops TeX (\tracinglostchars=3): report it
 * where the brief first has it, as the escaper would have.  True when
 * the log had one.
 */
static bool report_lost_char(const ast_doc *d, const buf *log)
{
	size_t len;
	const char *p = log_find(log, "! Missing character: There is no ", '\n', &len);
	const char *u = p ? strstr(p, "(U+") : NULL;
	if (!u || u > p + len)
		return false;
	uint32_t cp = (uint32_t)strtoul(u + 3, NULL, 16);
	if (cp > 0x10FFFF)
		return false;
	char c[4];
	size_t n = utf8_encode(cp, c);
	const char *font = strstr(u, " in font ");
	int flen = 0;
	if (font && font < p + len) {
		font += 9;
		while (font + flen < p + len && font[flen] != '!')
			flen++;
	}
	span at = span_make(0, 0);
	const source *s = &d->src;
	for (size_t i = 0; s->text && i + n <= s->len; i++)
		if (memcmp(s->text + i, c, n) == 0) {
			at = span_make((uint32_t)i, (uint32_t)(i + n));
			break;
		}
	diag_list *dl = &((ast_doc *)d)->diags;
	size_t k = diag_report(dl, DC_BAD_ENCODING, at, "character U+%04X '%.*s' cannot be "
			       "typeset: the font %.*s has no glyph for it", (unsigned)cp, (int)n,
			       c, flen, font ? font : "");
	diag_add_help(dl, k, "the HTML and Markdown outputs can show any character");
	return true;
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
	return strstr(s, "Rerun to get") || strstr(s, "Label(s) may have changed");
}

/* ---- the format ---- */

/* "size mtime path" of a file, or false. */
static bool stamp(const char *path, buf *out)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return false;
	buf_printf(out, "%lld %lld %s\n", (long long)st.st_size, (long long)st.st_mtime, path);
	return true;
}

/* Whether every file of a .deps list is still as it was. */
static bool deps_hold(const char *deps)
{
	buf b = BUF_INIT, now = BUF_INIT;
	bool ok = read_file(deps, &b) == 0 && b.len > 0;
	for (char *line = b.data; ok && line && *line;) {
		char *nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		const char *path = strchr(line, ' ');
		path = path ? strchr(path + 1, ' ') : NULL;
		buf_clear(&now);
		ok = path && stamp(path + 1, &now) && now.len - 1 == (size_t)(nl - line) &&
		     memcmp(now.data, line, now.len - 1) == 0;
		line = nl + 1;
	}
	buf_free(&b);
	buf_free(&now);
	return ok;
}

/* The files a TeX run read, from its -recorder list, as a .deps list. */
static void deps_of(const char *fls, const char *engine, buf *out)
{
	buf b = BUF_INIT, exe = BUF_INIT;
	if (which(engine, &exe))
		stamp(exe.data, out);
	read_file(fls, &b);
	for (char *line = b.data; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (strncmp(line, "INPUT /", 7) == 0) {
			/* the recorder lists a file each time it is opened */
			buf_clear(&exe);
			buf_printf(&exe, " %s\n", line + 6);
			if (!out->data || !strstr(out->data, exe.data))
				stamp(line + 6, out);
		}
		line = nl ? nl + 1 : NULL;
	}
	buf_free(&b);
	buf_free(&exe);
}

/* Keep the MAX_FORMATS formats used last. */
static void prune_formats(const char *dir)
{
	for (;;) {
		DIR *dp = opendir(dir);
		if (!dp)
			return;
		struct dirent *e;
		buf p = BUF_INIT, oldest = BUF_INIT;
		time_t when = 0;
		int n = 0;
		while ((e = readdir(dp))) {
			size_t k = strlen(e->d_name);
			if (k < 5 || strcmp(e->d_name + k - 4, ".fmt") != 0)
				continue;
			n++;
			buf_clear(&p);
			buf_printf(&p, "%s/%s", dir, e->d_name);
			struct stat st;
			if (stat(p.data, &st) == 0 && (!oldest.len || st.st_mtime < when)) {
				buf_clear(&oldest);
				buf_put(&oldest, p.data, p.len - 4);
				when = st.st_mtime;
			}
		}
		closedir(dp);
		if (n > MAX_FORMATS && oldest.len) {
			buf_puts(&oldest, ".fmt");
			unlink(oldest.data);
			oldest.len -= 4;
			buf_puts(&oldest, ".deps");
			unlink(oldest.data);
		}
		buf_free(&p);
		buf_free(&oldest);
		if (n <= MAX_FORMATS)
			return;
	}
}

/*
 * A format of the shared preamble: from the cache when it still holds
 * (and fresh is false), else dumped in dir (and kept in the cache when
 * there is one).  Sets fmt to its path without ".fmt"; -1 with a message
 * when TeX fails.
 */
static int format_for(const char *dir, const char *shared, size_t n, const tex_env *env,
		      bool fresh, buf *fmt, buf *errmsg)
{
	buf cache = BUF_INIT, path = BUF_INIT, deps = BUF_INIT, log = BUF_INIT;
	char key[24];
	int rc = -1;
	snprintf(key, sizeof key, "%016llx", fnv1a(shared, n, FNV_START));
	bool cached = cache_dir(&cache, "formats") == 0;
	if (cached && !fresh) {
		buf_printf(&path, "%s/%s.deps", cache.data, key);
		buf_printf(fmt, "%s/%s", cache.data, key);
		if (deps_hold(path.data)) {
			buf_clear(&path);
			buf_printf(&path, "%s.fmt", fmt->data);
			if (access(path.data, R_OK) == 0) {
				utimensat(AT_FDCWD, path.data, NULL, 0);	/* used last: kept longest */
				rc = 0;
				goto done;
			}
		}
		buf_clear(fmt);
	}
	/* dump it: the shared preamble, then \dump instead of the rest */
	buf_clear(&path);
	buf_printf(&path, "%s/preamble.tex", dir);
	buf_clear(&log);
	buf_put(&log, shared, n);
	buf_puts(&log, "\\dump\n");
	if (write_file(path.data, log.data, log.len) != 0) {
		buf_printf(errmsg, "cannot write %s: %s\n", path.data, strerror(errno));
		goto done;
	}
	char *argv[] = {"pdflatex", "-ini", "-recorder", "-interaction=nonstopmode",
		"-halt-on-error", "-no-shell-escape", "-jobname=preamble", "&pdflatex",
		"preamble.tex", NULL};
	int st = run(dir, argv, env);
	if (st == 127) {
		buf_puts(errmsg, "pdflatex not found: install TeX, e.g. apt-get install "
			 TEX_PACKAGES "\n");
		goto done;
	}
	buf_clear(&log);
	buf_clear(&path);
	buf_printf(&path, "%s/preamble.log", dir);
	read_file(path.data, &log);
	if (st != 0) {
		explain_failure(&log, "pdflatex", errmsg);
		goto done;
	}
	buf_clear(fmt);
	buf_printf(fmt, "%s/preamble", dir);
	rc = 0;
	if (cached) {
		buf fmtdata = BUF_INIT;
		buf_clear(&path);
		buf_printf(&path, "%s/preamble.fls", dir);
		deps_of(path.data, "pdflatex", &deps);
		buf_clear(&path);
		buf_printf(&path, "%s/preamble.fmt", dir);
		if (read_file(path.data, &fmtdata) == 0) {
			buf_clear(&path);
			buf_printf(&path, "%s/%s.fmt", cache.data, key);
			cache_write(path.data, fmtdata.data, fmtdata.len);
			buf_clear(&path);
			buf_printf(&path, "%s/%s.deps", cache.data, key);
			cache_write(path.data, deps.data ? deps.data : "", deps.len);
			prune_formats(cache.data);
		}
		buf_free(&fmtdata);
	}
done:
	buf_free(&cache);
	buf_free(&path);
	buf_free(&deps);
	buf_free(&log);
	return rc;
}

/* ---- CJK fonts ---- */

/* The paths of the CJK collections: Debian's, else kpsewhich's. */
static bool cjk_collections(buf *regular, buf *bold)
{
	buf_printf(regular, CJK_DIR LATEX_CJK_REGULAR);
	buf_printf(bold, CJK_DIR LATEX_CJK_BOLD);
	if (access(regular->data, R_OK) == 0 && access(bold->data, R_OK) == 0)
		return true;
	buf out = BUF_INIT;
	char *argv[] = {"kpsewhich", LATEX_CJK_REGULAR, LATEX_CJK_BOLD, NULL};
	bool ok = run_output(argv, &out) == 0 && out.data;
	char *nl = ok ? strchr(out.data, '\n') : NULL;
	ok = nl && strchr(nl + 1, '\n');
	if (ok) {
		buf_clear(regular);
		buf_put(regular, out.data, (size_t)(nl - out.data));
		buf_clear(bold);
		buf_put(bold, nl + 1, (size_t)(strchr(nl + 1, '\n') - nl - 1));
	}
	buf_free(&out);
	return ok;
}

/*
 * Cut each CJK face the document uses down to the characters of
 * brief.tex, and define the macros that name the cut fonts in prelude.
 * Without hb-subset (or the collections) nothing is cut: lualatex loads
 * the whole faces, more slowly.
 */
static void subset_cjk(const char *dir, const latex_setup *st, buf *prelude)
{
	buf regular = BUF_INIT, bold = BUF_INIT, face = BUF_INIT, file = BUF_INIT,
	    out = BUF_INIT;
	if (!st->faces || !cjk_collections(&regular, &bold))
		goto done;
	for (int f = 0; f < LCF__COUNT; f++) {
		if (!(st->faces & (1u << f)))
			continue;
		const latex_cjk_macros *m = latex_cjk_macros_of((latex_cjk_face)f);
		bool ok = true;
		for (int w = 0; w < 2 && ok; w++) {
			buf_clear(&face);
			buf_printf(&face, "--face-index=%d", f);
			buf_clear(&file);
			buf_printf(&file, "--font-file=%s", w ? bold.data : regular.data);
			buf_clear(&out);
			buf_printf(&out, "--output-file=cjk-%s-%s.otf", m->name,
				   w ? "bold" : "regular");
			char *argv[] = {"hb-subset", file.data, face.data, "--text-file=brief.tex",
				out.data, NULL};
			tex_env quiet = {0};
			ok = run(dir, argv, &quiet) == 0;
		}
		if (ok)
			buf_printf(prelude, "\\def%s{cjk-%s-regular.otf}\\def%s{cjk-%s-bold.otf}"
				   "\\def%s{0}", m->regular, m->name, m->bold, m->name, m->index);
	}
done:
	buf_free(&regular);
	buf_free(&bold);
	buf_free(&face);
	buf_free(&file);
	buf_free(&out);
}

/* ---- the runs ---- */

/* The cached .aux of the input file at path (by its absolute name). */
static bool aux_cache_path(const char *input, buf *out)
{
	char *abs = realpath(input, NULL);
	if (!abs || cache_dir(out, "aux") != 0) {
		free(abs);
		return false;
	}
	buf_printf(out, "/%016llx.aux", fnv1a(abs, strlen(abs), FNV_START));
	free(abs);
	return true;
}

int render_pdf(const ast_doc *d, const render_options *o, buf *out, buf *errmsg)
{
	(void)o;		/* a PDF is always the whole document */
	buf tex = BUF_INIT, log = BUF_INIT, path = BUF_INIT, f = BUF_INIT, fmt = BUF_INIT,
	    prelude = BUF_INIT, aux = BUF_INIT, before = BUF_INIT, auxcache = BUF_INIT,
	    tmpdir = BUF_INIT, map = BUF_INIT;
	render_options standalone = {.fragment = false, .tex_folder = true,
				     .map_drawing = &map};
	int rc = render_latex(d, &standalone, &tex);
	if (rc) {
		buf_free(&tex);
		buf_free(&map);
		return rc;
	}
	const ast_field *lang = d->meta.lang;
	latex_setup st;
	latex_setup_of(&st, d->src.text, d->src.len, lang ? lang->value.p : "",
		       lang ? lang->value.len : 0);
	const char *engine = st.unicode ? "lualatex" : "pdflatex";
	tex_env env = {epoch_of(d->meta.date)};

	const char *tmp = getenv("TMPDIR");
	buf_printf(&tmpdir, "%s/briefc-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	char *dir = mkdtemp(tmpdir.data);
	if (!dir) {
		buf_printf(errmsg, "cannot create a temporary folder in %s: %s\n",
			   tmp && *tmp ? tmp : "/tmp", strerror(errno));
		buf_free(&tex);
		buf_free(&tmpdir);
		return -1;
	}
	rc = -1;
	/* pdflatex: the shared preamble as a format, the rest as the file */
	const char *body = tex.data ? tex.data : "";
	size_t body_len = tex.len;
	const char *mark = tex.data ? strstr(tex.data, LATEX_OWN_SETTINGS) : NULL;
	if (!st.unicode && mark) {
		size_t shared = (size_t)(mark - tex.data);
		if (format_for(dir, tex.data, shared, &env, false, &fmt, errmsg) != 0)
			goto done;
		body = mark;
		body_len = tex.len - shared;
	}
	buf_printf(&f, "%s/brief.tex", dir);
	if (write_file(f.data, body, body_len) != 0) {
		buf_printf(errmsg, "cannot write %s: %s\n", f.data, strerror(errno));
		goto done;
	}
	for (size_t i = 0; i < d->figures.n; i++) {
		const ast_block *b = d->figures.v[i]->u.block;
		copy_image(d, ast_float_of(b)->f_src, b->number, dir);
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
	if (st.unicode) {
		/* LuaTeX makes the file identifier from the output's full
		 * path, a new temporary folder each time: name it after the
		 * document instead, as pdfTeX in effect does */
		unsigned long long h = fnv1a(tex.data, tex.len, FNV_START);
		buf_printf(&prelude, "\\pdfvariable trailerid{[<%016llX%016llX> <%016llX%016llX>]}",
			   h, fnv1a(tex.data, tex.len, h), h, fnv1a(tex.data, tex.len, h));
		subset_cjk(dir, &st, &prelude);
	}
	buf_puts(&prelude, "\\input{brief.tex}");

	/* start from the .aux of the last build of this file */
	buf_clear(&f);
	buf_printf(&f, "%s/brief.aux", dir);
	if (aux_cache_path(d->src.path, &auxcache))
		copy_file(auxcache.data, f.data);

	buf fmtarg = BUF_INIT;
	bool retried = false;
	if (fmt.len)
		buf_printf(&fmtarg, "-fmt=%s", fmt.data);
	for (int runs = 1; runs <= MAX_RUNS; runs++) {
		buf_clear(&before);
		read_file(f.data, &before);
		char *argv[] = {(char *)engine, "-interaction=nonstopmode", "-halt-on-error",
			"-no-shell-escape", "-jobname=brief", fmt.len ? fmtarg.data : prelude.data,
			fmt.len ? "brief.tex" : NULL, NULL};
		int status = run(dir, argv, &env);
		if (status == 127) {
			buf_printf(errmsg, "%s not found: install TeX, e.g. apt-get install %s\n",
				   engine, st.unicode ? LUATEX_PACKAGES : TEX_PACKAGES);
			break;
		}
		buf_clear(&log);
		buf_clear(&path);
		buf_printf(&path, "%s/brief.log", dir);
		read_file(path.data, &log);
		if (status != 0 && !retried && fmt.len && (!log.data || !strstr(log.data, "\n! "))) {
			/* TeX stopped before any error of the document's: the
			 * cached format is damaged; make it again, once */
			retried = true;
			buf_clear(&fmt);
			buf_clear(&fmtarg);
			if (format_for(dir, tex.data, (size_t)(mark - tex.data), &env, true, &fmt,
				       errmsg) != 0)
				break;
			buf_printf(&fmtarg, "-fmt=%s", fmt.data);
			runs--;
			continue;
		}
		if (status != 0) {
			if (report_lost_char(d, &log))
				rc = 1;
			else
				explain_failure(&log, engine, errmsg);
			break;
		}
		buf_clear(&aux);
		read_file(f.data, &aux);
		bool same = aux.len == before.len && (!aux.len ||
						      memcmp(aux.data, before.data, aux.len) == 0);
		if (same && !wants_rerun(&log)) {
			rc = 0;
			break;
		}
		if (runs == MAX_RUNS)
			rc = 0;	/* as good as it gets: keep what TeX made */
	}
	buf_free(&fmtarg);
	if (rc != 0)
		goto done;
	if (auxcache.len)
		cache_write(auxcache.data, aux.data ? aux.data : "", aux.len);
	buf_clear(&f);
	buf_printf(&f, "%s/brief.pdf", dir);
	if (read_file(f.data, out) != 0) {
		buf_printf(errmsg, "%s wrote no PDF\n", engine);
		rc = -1;
	}
done:
	/* the caller puts the message on a line of its own */
	while (errmsg->len && errmsg->data[errmsg->len - 1] == '\n')
		errmsg->data[--errmsg->len] = '\0';
	remove_dir(dir);
	buf_free(&f);
	buf_free(&tex);
	buf_free(&log);
	buf_free(&path);
	buf_free(&fmt);
	buf_free(&prelude);
	buf_free(&aux);
	buf_free(&before);
	buf_free(&auxcache);
	buf_free(&tmpdir);
	buf_free(&map);
	return rc;
}
