/*
 * image.c - locating and verifying the images a brief names (image.h).
 */
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
#include "files.h"
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

int image_locate(const char *root, const char *from, const char *src,
		 size_t len, image_file *out, buf *why, buf *help)
{
	memset(out, 0, sizeof *out);
	if (memchr(src, '\\', len))
		return refuse(why, help, "has a '\\' in it", "separate folders with '/'");
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

	/* the rules of every path a brief names (files.h): relative, no
	 * URL, inside the brief's folder, no link out of it */
	buf full = BUF_INIT;
	int rc = -1;
	const char *bad = files_resolve(root, from, src, len, &full);
	if (bad) {
		buf_printf(why, "cannot be used: %s", bad);
		goto done;
	}
	int fd = open(full.data, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		if (e == ENOENT || e == ENOTDIR)
			refuse(why, help, "does not exist",
			       "the path is relative to the file that names it");
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
	buf_free(&full);
	return rc;
}

/* The folder of d's brief, and the file f is written in. */
static const char *field_file(const ast_doc *d, const ast_field *f, buf *root)
{
	uint32_t local;
	files_dir(d->src.path ? d->src.path : "-", root);
	const source *from = source_file_at(&d->src, f->value_at.start, &local);
	return from->path ? from->path : "-";
}

int image_locate_field(const ast_doc *d, const ast_field *f, image_file *out,
		       buf *why, buf *help)
{
	buf root = BUF_INIT;
	const char *from = field_file(d, f, &root);
	int rc = image_locate(root.data, from, f->value.p, f->value.len, out, why,
			      help);
	buf_free(&root);
	return rc;
}

bool image_path_field(const ast_doc *d, const ast_field *f, buf *out)
{
	buf root = BUF_INIT;
	const char *from = field_file(d, f, &root);
	bool ok = f->value.len &&
		  !files_resolve(root.data, from, f->value.p, f->value.len, out);
	buf_free(&root);
	return ok;
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
