/*
 * files.c - reading the files a document is built from, and the record
 * of each path read (files.h).
 */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"

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
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? 2 * fs->cap : 8;
		fs->v = realloc(fs->v, fs->cap * sizeof *fs->v);
		if (!fs->v)
			abort();
	}
	files_input *in = &fs->v[fs->n++];
	memset(in, 0, sizeof *in);
	in->path = strdup(path);
	if (!in->path)
		abort();
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
	char *p = malloc(n + SOURCE_PAD);
	if (!p) {
		errno = ENOMEM;
		return -1;
	}
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
	/* Without O_NONBLOCK, opening a FIFO waits for a writer: the check
	 * that refuses it would come too late. */
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
	errno = e;
	return rc;
}

void files_free(files *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		free(fs->v[i].path);
	free(fs->v);
	fs->v = NULL;
	fs->n = fs->cap = 0;
}
