/*
 * image.c - locating and verifying the images a brief names (image.h).
 */
#define _XOPEN_SOURCE 700	/* realpath */
#include "image.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ascii.h"
#include "xalloc.h"

static const unsigned char png_magic[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
static const unsigned char jpeg_magic[3] = {0xFF, 0xD8, 0xFF};

const char *image_mime(image_type t)
{
	return t == IMG_PNG ? "image/png" : t == IMG_JPEG ? "image/jpeg" : "";
}

/* What the first bytes of a file say it is. */
static image_type sniff(const unsigned char *p, size_t n)
{
	if (n >= sizeof png_magic && memcmp(p, png_magic, sizeof png_magic) == 0)
		return IMG_PNG;
	if (n >= sizeof jpeg_magic && memcmp(p, jpeg_magic, sizeof jpeg_magic) == 0)
		return IMG_JPEG;
	return IMG_NONE;
}

static bool ext_is(const char *e, size_t n, const char *want)
{
	return strlen(want) == n && ascii_prefix_ci(e, n, want);
}

/* "scheme:" at the start: a URL (a drive letter "C:" is an absolute path). */
static size_t scheme_len(const char *s, size_t n)
{
	size_t i = 0;
	if (!n || !ascii_is_alpha(s[0]))
		return 0;
	while (i < n && (ascii_is_alnum(s[i]) || s[i] == '+' || s[i] == '-' ||
			 s[i] == '.'))
		i++;
	return i < n && s[i] == ':' && i > 1 ? i : 0;
}

/* The folder of the brief, as a path the process can open ("." for a
 * brief on standard input or in the current folder). */
static void brief_dir(const char *brief, buf *out)
{
	const char *slash = brief ? strrchr(brief, '/') : NULL;
	buf_clear(out);
	if (!brief || strcmp(brief, "<stdin>") == 0 || strcmp(brief, "-") == 0 ||
	    !slash)
		buf_puts(out, ".");
	else if (slash == brief)
		buf_puts(out, "/");
	else
		buf_put(out, brief, (size_t)(slash - brief));
}

/*
 * src with "." and empty parts dropped and each ".." taking back the part
 * before it, into out; false when a ".." would climb above the start.
 */
static bool normalise(const char *src, size_t len, buf *out)
{
	/* part ends in out */
	size_t *ends = xreallocarray(NULL, len / 2 + 2, sizeof *ends, "a path");
	size_t nparts = 0;
	bool ok = true;
	buf_clear(out);
	for (size_t i = 0; i < len && ok;) {
		size_t j = i;
		while (j < len && src[j] != '/')
			j++;
		size_t n = j - i;
		if (n == 2 && src[i] == '.' && src[i + 1] == '.') {
			if (!nparts)
				ok = false;
			else {
				nparts--;
				out->len = nparts ? ends[nparts - 1] : 0;
				out->data[out->len] = '\0';
			}
		} else if (n && !(n == 1 && src[i] == '.')) {
			if (out->len)
				buf_putc(out, '/');
			buf_put(out, src + i, n);
			ends[nparts++] = out->len;
		}
		i = j + 1;
	}
	free(ends);
	return ok && out->len;
}

/*
 * Whether file, reached from the folder dir, is still inside it once
 * symbolic links are followed.  WASI has no realpath, and needs none:
 * its files are only those of the folders the host hands it, and no
 * link leads out of those.
 */
static bool stays_inside(const char *dir, const char *file)
{
#ifdef __wasi__
	(void)dir;
	(void)file;
	return true;
#else
	char *rdir = realpath(dir, NULL), *rfile = realpath(file, NULL);
	size_t n = rdir ? strlen(rdir) : 0;
	bool ok = rdir && rfile && ((n == 1 && rdir[0] == '/') ||
				    (strncmp(rdir, rfile, n) == 0 && rfile[n] == '/'));
	free(rdir);
	free(rfile);
	return ok;
#endif
}

static int refuse(buf *why, buf *help, const char *reason, const char *fix)
{
	buf_puts(why, reason);
	if (fix)
		buf_puts(help, fix);
	return -1;
}

static const char *type_name(image_type t)
{
	return t == IMG_PNG ? "PNG" : "JPEG";
}

int image_locate(const char *brief_path, const char *src, size_t len,
		 image_file *out, buf *why, buf *help)
{
	memset(out, 0, sizeof *out);
	if (memchr(src, '\\', len))
		return refuse(why, help, "has a '\\' in it", "separate folders with '/'");
	if (scheme_len(src, len))
		return refuse(why, help, "is a URL, not a file",
			      "download the image into the brief's folder and "
			      "write its path, such as 'figures/chart.png'");
	if (src[0] == '/' || src[0] == '~' ||
	    (len >= 2 && src[1] == ':'))
		return refuse(why, help, "is an absolute path",
			      "write the path relative to the brief's folder, "
			      "such as 'figures/chart.png'");
	const char *dot = NULL;
	for (size_t i = len; i > 0 && !dot && src[i - 1] != '/'; i--)
		if (src[i - 1] == '.')
			dot = src + i - 1;
	size_t elen = dot ? len - (size_t)(dot + 1 - src) : 0;
	image_type want = IMG_NONE;
	if (dot && ext_is(dot + 1, elen, "png"))
		want = IMG_PNG;
	else if (dot && (ext_is(dot + 1, elen, "jpg") || ext_is(dot + 1, elen, "jpeg")))
		want = IMG_JPEG;
	else if (dot && ext_is(dot + 1, elen, "svg"))
		return refuse(why, help, "is an SVG image, which briefc does not embed",
			      "export the figure as PNG (or JPEG for a photograph)");
	else
		return refuse(why, help, "is not named as a PNG or JPEG image",
			      "images are PNG (.png) or JPEG (.jpg, .jpeg)");

	buf dir = BUF_INIT, rel = BUF_INIT, full = BUF_INIT;
	int rc = -1;
	brief_dir(brief_path, &dir);
	if (!normalise(src, len, &rel)) {
		refuse(why, help, "is outside the brief's folder",
		       "put the image in the brief's folder or below it");
		goto done;
	}
	buf_printf(&full, "%s/%s", dir.data, rel.data);
	int fd = open(full.data, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		if (e == ENOENT || e == ENOTDIR)
			refuse(why, help, "does not exist",
			       "the path is relative to the brief's folder");
		else if (e == EACCES)
			refuse(why, help, "cannot be read (permission denied)", NULL);
		else {
			buf_printf(why, "cannot be opened: %s", strerror(e));
		}
		goto done;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		refuse(why, help, "is not a regular file", NULL);
		goto done;
	}
	if ((unsigned long long)st.st_size > IMAGE_MAX_BYTES) {
		close(fd);
		buf_printf(why, "is larger than %zu MiB", IMAGE_MAX_BYTES >> 20);
		buf_puts(help, "save it smaller: a figure of a brief needs no more");
		goto done;
	}
	/* a symbolic link may lead out of the folder: the real paths say,
	 * before a byte of the file is read */
	if (!stays_inside(dir.data, full.data)) {
		close(fd);
		refuse(why, help, "is outside the brief's folder (a link leads out of it)",
		       "copy the image into the brief's folder");
		goto done;
	}
	unsigned char head[16];
	ssize_t got = read(fd, head, sizeof head);
	close(fd);
	if (got < 0) {
		buf_printf(why, "cannot be read: %s", strerror(errno));
		goto done;
	}
	image_type is = sniff(head, (size_t)got);
	if (is != want) {
		buf_printf(why, "is not a %s image: its bytes are %s%s", type_name(want),
			   is == IMG_NONE ? "no image briefc knows" : "a ",
			   is == IMG_NONE ? "" : is == IMG_PNG ? "PNG image" : "JPEG image");
		buf_puts(help, is == IMG_NONE ? "save it as PNG or JPEG"
			 : "give the file the extension of its type");
		goto done;
	}
	out->type = want;
	out->path = buf_detach(&full);
	out->size = (size_t)st.st_size;
	rc = 0;
done:
	buf_free(&dir);
	buf_free(&rel);
	buf_free(&full);
	return rc;
}

int image_read(const image_file *f, char **data, size_t *len)
{
	int fd = open(f->path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size > IMAGE_MAX_BYTES) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	size_t n = (size_t)st.st_size, have = 0;
	char *p = xmalloc(n ? n : 1, "an image");
	while (have < n) {
		ssize_t got = read(fd, p + have, n - have);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		have += (size_t)got;
	}
	close(fd);
	if (have != n || sniff((const unsigned char *)p, n) != f->type) {
		free(p);
		errno = EINVAL;
		return -1;
	}
	*data = p;
	*len = n;
	return 0;
}

void image_file_free(image_file *f)
{
	free(f->path);
	f->path = NULL;
}
