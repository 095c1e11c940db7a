/*
 * files.h - the files a document is built from: reading them, and the
 * record of what was read.
 *
 * A brief names one file, but its build may read more (included files,
 * libraries, figures, a logo).  Every such read goes through files_read,
 * which
 *
 *   - asks the overlay first: a table "path -> contents" an editor fills
 *     with its unsaved buffers, so that what the author sees is what is
 *     checked, whatever is on disk;
 *   - reads only what it may: a regular file, not a directory, a device or
 *     a FIFO (FILES_REGULAR), and no more than SOURCE_MAX_BYTES + 1 bytes;
 *   - records each path tried, found or not, with what the file system
 *     said of it then (its stamp), in the order read.
 *
 * The record is what `briefc watch` watches: a file that changes after it
 * was read, or a missing one that appears, calls for a new build.  One
 * `files` serves one load; it is the caller's, and outlives the document.
 */
#ifndef BRIEFC_FILES_H
#define BRIEFC_FILES_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* What stat said of a path: equal stamps mean "not changed", as far as
 * the file system can tell. */
typedef struct files_stamp {
	bool exists;
	unsigned long long dev, ino, size;
	long long mtime_s, mtime_ns, ctime_s, ctime_ns;
} files_stamp;

/* The stamp of path now (a symbolic link followed). */
void files_stamp_of(const char *path, files_stamp *st);
bool files_stamp_equal(const files_stamp *a, const files_stamp *b);

/*
 * Unsaved buffers: lookup returns true, and the text of path (which the
 * overlay keeps; files_read copies it), if it holds that path.  Paths are
 * compared as files_read is given them.
 */
typedef struct files_overlay {
	bool (*lookup)(void *ctx, const char *path, const char **text,
		       size_t *len);
	void *ctx;
} files_overlay;

typedef struct files_input {
	char *path;		/* as read (relative to the working folder,
				 * or absolute), heap */
	files_stamp stamp;	/* when read; exists false: tried, not there */
	bool overlaid;		/* given by the overlay, not the disk */
	char *text;		/* with keep: the bytes read from the disk,
				 * heap (NULL when overlaid or not read) */
	size_t len;
} files_input;

typedef struct files {
	const files_overlay *overlay;	/* NULL: the disk only */
	files_input *v;
	size_t n, cap;
	/* Keep a copy of each file read from the disk, as read: an editor
	 * names places in a file by its own text, which the loader's
	 * normalised one is not quite (the language server). */
	bool keep;
} files;

#define FILES_INIT {NULL, NULL, 0, 0, false}

enum {
	FILES_REGULAR = 1 << 0,	/* refuse anything but a regular file
				 * (EISDIR for a directory, ENODEV else) */
	FILES_UNRECORDED = 1 << 1	/* standard input and the like */
};

/*
 * Read path ("-" is standard input, never recorded) into *data (malloc,
 * with SOURCE_PAD bytes of room after *len, as source_init_owned takes
 * it).  A file larger than SOURCE_MAX_BYTES is read only that far and one
 * byte more, for the caller to report.  Returns 0, or -1 with errno set.
 */
int files_read(files *fs, const char *path, unsigned flags, char **data,
	       size_t *len);
/*
 * The file an include or a library names: rel (n bytes, as written in
 * from, a path as files_read was given it) is taken from from's folder
 * and written into out, lexically normalised ("a/./b/../c" is "a/c").
 * Returns NULL, or why rel names no file of the brief (the message of a
 * missing-file error): it is empty, absolute or a URL, or it leads out
 * of root (the folder of the brief) by "..", or through a symbolic link,
 * or into a loop of links.  root NULL: any folder will do (a library).
 * A file that does not exist is files_read's to report.
 */
const char *files_resolve(const char *root, const char *from, const char *rel,
			  size_t n, struct buf *out);
/* The folder of path, into out ("." for a bare name). */
void files_dir(const char *path, struct buf *out);
/* A path (NUL-terminated, in b) lexically normalised in place, as
 * files_resolve writes the paths it makes: "." and empty components go,
 * ".." takes the one before. */
void files_normalise(struct buf *b);

/* Record path as read, with its stamp now (a file read by other means). */
void files_note(files *fs, const char *path);
void files_free(files *fs);

#endif
