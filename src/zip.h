/*
 * zip.h - the ZIP container of Word documents, both ways.
 *
 * Writing: entries are compressed in memory (zlib's raw deflate, or
 * stored) and appended to a buf with their local headers, then the central
 * directory.  The bytes depend on the entries alone: every entry has the
 * same fixed time (1980-01-01 00:00, the format's first day), no extra
 * fields, no comment, no data descriptor, in the order they were added.
 * No Zip64: a document that would need it (4 GiB) is refused.
 *
 * Reading (a user's template, which may be hostile): the central
 * directory is read and checked against the file's bounds, and an entry is
 * inflated only up to its declared size, at most a caller's limit, and its
 * CRC-32 checked.  Nothing is trusted: a bad offset, an overlapping or
 * truncated entry, an encrypted or Zip64 archive, an unknown method, a
 * size over the limit, a mismatch between declared and real size are each
 * an error with a message, never a crash or an unbounded allocation.
 */
#ifndef BRIEFC_ZIP_H
#define BRIEFC_ZIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* ---- writing ---- */

typedef struct zip_central zip_central;

typedef struct zip_writer {
	buf *out;		/* the archive so far */
	size_t start;		/* where it starts in out */
	zip_central *v;		/* what the central directory will say */
	size_t n, cap;
	bool failed;		/* too large or too many entries */
} zip_writer;

void zip_writer_init(zip_writer *z, buf *out);
/* Append an entry; deflate: compress it (else stored). */
void zip_add(zip_writer *z, const char *name, const char *data, size_t len, bool deflate);
/* Write the central directory and free the writer; 0, or -1 when the
 * archive would need Zip64 (out then holds no complete archive). */
int zip_finish(zip_writer *z);

/* ---- reading ---- */

/* Entries beyond this many make an archive too odd to be a template. */
#define ZIP_MAX_ENTRIES 10000

typedef struct zip_entry {
	const char *name;	/* into the archive's bytes, not NUL-terminated */
	size_t name_len;
	uint16_t method;	/* 0 stored, 8 deflated */
	uint32_t crc;
	size_t comp_size, size;
	size_t data;		/* offset of the compressed bytes */
} zip_entry;

typedef struct zip_reader {
	const unsigned char *p;
	size_t len;
	zip_entry *v;
	size_t n;
} zip_reader;

/* Read and check the central directory of the archive p[0, len) (which
 * must outlive the reader).  0, or -1 with the reason in err. */
int zip_open(zip_reader *z, const char *p, size_t len, buf *err);
void zip_close(zip_reader *z);
/* The entry named name, or NULL. */
const zip_entry *zip_find(const zip_reader *z, const char *name);
/* Append the entry's contents to out; 0, or -1 with the reason in err
 * when it is larger than max bytes, corrupt, or not what it declares. */
int zip_extract(const zip_reader *z, const zip_entry *e, size_t max, buf *out, buf *err);

#endif
