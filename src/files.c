/*
 * files.c - reading the files a document is built from, the rules of the
 * paths that name them, and the record of each path read (files.h).
 */
#define _XOPEN_SOURCE 700	/* realpath */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "source.h"
#include "xalloc.h"

static void stamp_from(const struct stat *st, files_stamp *s)
{
	memset(s, 0, sizeof *s);
	s->exists = true;
	s->dev = (unsigned long long)st->st_dev;
	s->ino = (unsigned long long)st->st_ino;
	s->size = (unsigned long long)st->st_size;
	s->mtime_s = (long long)st->st_mtim.tv_sec;
	s->mtime_ns = (long long)st->st_mtim.tv_nsec;
	s->ctime_s = (long long)st->st_ctim.tv_sec;
	s->ctime_ns = (long long)st->st_ctim.tv_nsec;
}

void files_stamp_of(const char *path, files_stamp *s)
{
	struct stat st;
	if (stat(path, &st) == 0)
		stamp_from(&st, s);
	else
		memset(s, 0, sizeof *s);
}

bool files_stamp_equal(const files_stamp *a, const files_stamp *b)
{
	if (a->exists != b->exists)
		return false;
	return !a->exists ||
	       (a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
		a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns &&
		a->ctime_s == b->ctime_s && a->ctime_ns == b->ctime_ns);
}

static files_input *record(files *fs, const char *path)
{
	fs->v = xgrow(fs->v, &fs->cap, fs->n, sizeof *fs->v, "the record of files read");
	files_input *in = &fs->v[fs->n++];
	memset(in, 0, sizeof *in);
	in->path = xstrdup(path, "a path");
	return in;
}

void files_note(files *fs, const char *path)
{
	files_stamp_of(path, &record(fs, path)->stamp);
}

/* A copy of an overlay's text, with the room source_init_owned wants. */
static int read_overlay(const char *text, size_t n, char **data, size_t *len)
{
	if (n > SOURCE_MAX_BYTES)
		n = SOURCE_MAX_BYTES + 1;
	char *p = xmalloc(n + SOURCE_PAD, "an editor's text");
	memcpy(p, text, n);
	*data = p;
	*len = n;
	return 0;
}

int files_read(files *fs, const char *path, unsigned flags, char **data,
	       size_t *len)
{
	if (strcmp(path, "-") == 0)
		return source_read_stream(stdin, data, len);
	files_input *in = flags & FILES_UNRECORDED ? NULL : record(fs, path);
	const char *text;
	size_t n;
	if (fs->overlay && fs->overlay->lookup(fs->overlay->ctx, path, &text, &n)) {
		if (in) {
			files_stamp_of(path, &in->stamp);
			in->overlaid = true;
		}
		return read_overlay(text, n, data, len);
	}
	/* What is not a regular file is refused before it is opened (a
	 * folder cannot be opened everywhere, WASI for one), and again after
	 * (it may have changed in between).  Without O_NONBLOCK, opening a
	 * FIFO would wait for a writer. */
	struct stat pre;
	if ((flags & FILES_REGULAR) && stat(path, &pre) == 0 && !S_ISREG(pre.st_mode)) {
		if (in)
			stamp_from(&pre, &in->stamp);
		errno = S_ISDIR(pre.st_mode) ? EISDIR : ENODEV;
		return -1;
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC | (flags & FILES_REGULAR ? O_NONBLOCK : 0));
	if (fd < 0) {
		int e = errno;
		if (in)
			files_stamp_of(path, &in->stamp);
		errno = e;
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	if (in)
		stamp_from(&st, &in->stamp);
	if ((flags & FILES_REGULAR) && !S_ISREG(st.st_mode)) {
		close(fd);
		errno = S_ISDIR(st.st_mode) ? EISDIR : ENODEV;
		return -1;
	}
	if (flags & FILES_REGULAR)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	int rc = source_read_stream(f, data, len);
	int e = errno;
	fclose(f);
	if (rc == 0 && in && fs->keep) {
		in->text = xmalloc(*len + 1, "a copy of a file");
		memcpy(in->text, *data, *len);
		in->len = *len;
	}
	errno = e;
	return rc;
}

void files_dir(const char *path, buf *out)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		buf_putc(out, '.');
	else
		buf_put(out, path, slash == path ? 1 : (size_t)(slash - path));
}

/* Lexically normalise path (NUL-terminated, in b) in place: "." and empty
 * components go, ".." takes the one before; a ".." that has nothing to
 * take stays (a path above the working folder). */
void files_normalise(buf *b)
{
	char *p = b->data;
	bool abs = p[0] == '/';
	size_t o = abs ? 1 : 0, kept = 0;	/* components written that ".." may take */
	for (size_t i = abs ? 1 : 0; p[i];) {
		size_t j = i;
		while (p[j] && p[j] != '/')
			j++;
		size_t n = j - i;
		if (n == 0 || (n == 1 && p[i] == '.')) {
			/* nothing */
		} else if (n == 2 && p[i] == '.' && p[i + 1] == '.' && (kept || abs)) {
			if (kept) {
				while (o > (abs ? 1 : 0) && p[o - 1] != '/')
					o--;
				if (o > (abs ? 1 : 0))
					o--;	/* the slash before it */
				kept--;
			}
		} else {
			if (o > (abs ? 1 : 0))
				p[o++] = '/';
			memmove(p + o, p + i, n);
			o += n;
			if (!(n == 2 && p[i] == '.' && p[i + 1] == '.'))
				kept++;
		}
		i = p[j] ? j + 1 : j;
	}
	if (o == 0)
		p[o++] = '.';
	p[o] = '\0';
	b->len = o;
}

/* Whether path lies in the folder dir (both normalised the same way). */
static bool inside(const char *dir, const char *path)
{
	size_t n = strlen(dir);
	if (strcmp(dir, ".") == 0)
		return strcmp(path, "..") != 0 && strncmp(path, "../", 3) != 0 && path[0] != '/';
	if (strcmp(dir, "/") == 0)
		return path[0] == '/';
	return strncmp(path, dir, n) == 0 && path[n] == '/';
}

const char *files_resolve(const char *root, const char *from, const char *rel,
			  size_t n, buf *out)
{
	buf_clear(out);
	if (!n)
		return "no path is given";
	if (rel[0] == '/')
		return "the path is absolute: name a file by its path from this file's folder";
	size_t k = 0;
	if ((rel[0] >= 'A' && rel[0] <= 'Z') || (rel[0] >= 'a' && rel[0] <= 'z'))
		while (k < n && ((rel[k] >= 'A' && rel[k] <= 'Z') || (rel[k] >= 'a' && rel[k] <= 'z') ||
				 (rel[k] >= '0' && rel[k] <= '9') || rel[k] == '+' || rel[k] == '-' ||
				 rel[k] == '.'))
			k++;
	if (k && k < n && rel[k] == ':')
		return "a URL is not a file: name a file by its path from this file's folder";
	if (memchr(rel, '\0', n))
		return "the path holds a NUL byte";
	files_dir(from, out);
	buf_putc(out, '/');
	buf_put(out, rel, n);
	files_normalise(out);
	buf r = BUF_INIT;
	buf_puts(&r, root ? root : ".");
	files_normalise(&r);
	const char *why = NULL;
	if (root && !inside(r.data, out->data))
		why = "the path leads out of the brief's folder";
#ifndef __wasi__
	if (!why) {
		char *real = realpath(out->data, NULL);
		if (!real && errno == ELOOP) {
			why = "the path runs into a loop of symbolic links";
		} else if (real && root) {
			char *rroot = realpath(r.data, NULL);
			if (rroot && strcmp(rroot, "/") != 0 &&
			    (strncmp(real, rroot, strlen(rroot)) != 0 || real[strlen(rroot)] != '/'))
				why = "the path leads out of the brief's folder through a symbolic link";
			free(rroot);
		}
		free(real);
	}
#endif
	buf_free(&r);
	return why;
}

void files_free(files *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		free(fs->v[i].path);
		free(fs->v[i].text);
	}
	free(fs->v);
	fs->v = NULL;
	fs->n = fs->cap = 0;
}
