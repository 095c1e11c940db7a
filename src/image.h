/*
 * image.h - the image files a brief names (a figure's `src:`, the
 * front matter's `logo:`): where each is, and whether its bytes are the
 * image its name says it is.
 *
 * A brief's images live in its folder tree: the path is relative to the
 * file that names it, follows the rules of every path a brief names
 * (files.h: not absolute, not a URL, not out of the brief's folder with
 * `..` or through a symbolic link), and names a regular file, readable,
 * of at most IMAGE_MAX_BYTES, whose first bytes are those of a PNG (`.png`) or a
 * JPEG (`.jpg`, `.jpeg`).  Anything else is refused with a reason: the
 * checker reports it (missing-file) and a backend never embeds it.
 * Only the first bytes are read to judge a file, so a check costs the
 * same for any image, and a device or FIFO is never read at all.
 */
#ifndef BRIEFC_IMAGE_H
#define BRIEFC_IMAGE_H

#include <stddef.h>

#include "ast.h"
#include "buf.h"

/* The largest image a brief may embed: as large as a brief may be
 * (SOURCE_MAX_BYTES), so that one build's memory stays bounded. */
#define IMAGE_MAX_BYTES ((size_t)64 << 20)

typedef enum image_type {
	IMG_NONE,
	IMG_PNG,
	IMG_JPEG
} image_type;

typedef struct image_file {
	image_type type;
	char *path;		/* heap: the file as this process opens it */
	size_t size;
} image_file;

/*
 * Find the image src (len bytes, as written in the file from) of the
 * brief whose folder is root, by the rules of every path a brief names
 * (files_resolve).  Returns 0 with *out filled (image_file_free after),
 * or -1 with the reason, a phrase to follow the quoted path ("does not
 * exist"), in why and what to do in help (maybe nothing).
 */
int image_locate(const char *root, const char *from, const char *src,
		 size_t len, image_file *out, buf *why, buf *help);
/* The same for field f of document d: the image a figure's src: or the
 * logo: names, from the file the field is written in. */
int image_locate_field(const ast_doc *d, const ast_field *f, image_file *out,
		       buf *why, buf *help);
/* Only the path of that image, into out, if it may name one. */
bool image_path_field(const ast_doc *d, const ast_field *f, buf *out);
/* The whole file, checked again: 0, or -1 (errno set; EINVAL when its
 * bytes are no longer its type).  The caller frees *data. */
int image_read(const image_file *f, char **data, size_t *len);
void image_file_free(image_file *f);
/* "image/png", "image/jpeg" */
const char *image_mime(image_type t);

#endif
