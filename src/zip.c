/*
 * zip.c - the ZIP container of Word documents, both ways (zip.h).
 *
 * Our own small writer and reader over zlib rather than a library: what
 * a Word document needs (deflate, CRC-32, two kinds of header, one
 * directory) is a few hundred lines, written into briefc's own buffer so
 * that main.c's atomic -o keeps working; docs/output.md gives the reasons
 * libzip and minizip were not taken.
 */
#include "xalloc.h"
#include "zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

struct zip_central {
	char *name;
	size_t name_len;
	uint16_t method;
	uint32_t crc;
	uint32_t comp_size, size;
	uint32_t offset;	/* of the local header, from the archive's start */
};

/* Signatures. */
#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_END 0x06054b50u
#define SIG_END64_LOCATOR 0x07064b50u

/* 1980-01-01 00:00:00 in MS-DOS form: the same on every run. */
#define DOS_TIME 0x0000u
#define DOS_DATE 0x0021u
/* Version 2.0 (deflate), made on "MS-DOS" (no Unix modes to carry). */
#define ZIP_VERSION 20u

#define ZIP_MAX32 0xFFFFFFFFu

static void put16(buf *b, unsigned v)
{
	char c[2] = {(char)(v & 0xFF), (char)(v >> 8 & 0xFF)};
	buf_put(b, c, 2);
}

static void put32(buf *b, uint32_t v)
{
	char c[4] = {(char)(v & 0xFF), (char)(v >> 8 & 0xFF), (char)(v >> 16 & 0xFF),
		     (char)(v >> 24 & 0xFF)};
	buf_put(b, c, 4);
}

static void set32(buf *b, size_t at, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		b->data[at + (size_t)i] = (char)(v >> (8 * i) & 0xFF);
}

void zip_writer_init(zip_writer *z, buf *out)
{
	memset(z, 0, sizeof *z);
	z->out = out;
	z->start = out->len;
}

/* Raw deflate of data into out (appended); false when it does not shrink
 * the data, which is then better stored. */
static bool deflate_into(buf *out, const char *data, size_t len)
{
	z_stream s;
	memset(&s, 0, sizeof s);
	/* fails only when memory is out */
	if (deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		xalloc_die(sizeof s, "the compressor");
	uLong bound = deflateBound(&s, (uLong)len);
	buf_grow(out, bound);
	s.next_in = (Bytef *)(uintptr_t)data;
	s.avail_in = (uInt)len;
	s.next_out = (Bytef *)out->data + out->len;
	s.avail_out = (uInt)bound;
	int rc = deflate(&s, Z_FINISH);
	size_t n = s.total_out;
	deflateEnd(&s);
	if (rc != Z_STREAM_END || n >= len)
		return false;
	out->len += n;
	out->data[out->len] = '\0';
	return true;
}

void zip_add(zip_writer *z, const char *name, const char *data, size_t len, bool deflate)
{
	size_t nlen = strlen(name);
	size_t at = z->out->len - z->start;
	/* zlib's counters are uInt; the format's are 32 bits */
	if (z->failed || len > ZIP_MAX32 / 2 || at > ZIP_MAX32 || z->n >= 0xFFFF) {
		z->failed = true;
		return;
	}
	z->v = xgrow(z->v, &z->cap, z->n, sizeof *z->v, "the ZIP directory");
	zip_central *c = &z->v[z->n++];
	c->name = xmalloc(nlen + 1, "a ZIP entry's name");
	memcpy(c->name, name, nlen + 1);
	c->name_len = nlen;
	c->crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), (const Bytef *)data, (uInt)len);
	c->size = (uint32_t)len;
	c->offset = (uint32_t)at;

	buf *b = z->out;
	put32(b, SIG_LOCAL);
	put16(b, ZIP_VERSION);
	put16(b, 0);		/* flags: no data descriptor, names in ASCII */
	size_t method_at = b->len;
	put16(b, 0);
	put16(b, DOS_TIME);
	put16(b, DOS_DATE);
	put32(b, c->crc);
	size_t sizes_at = b->len;
	put32(b, 0);
	put32(b, c->size);
	put16(b, (unsigned)nlen);
	put16(b, 0);		/* no extra field */
	buf_put(b, name, nlen);
	size_t data_at = b->len;
	if (deflate && len && deflate_into(b, data, len)) {
		c->method = 8;
		b->data[method_at] = 8;
	} else {
		c->method = 0;
		buf_put(b, data, len);
	}
	c->comp_size = (uint32_t)(b->len - data_at);
	set32(b, sizes_at, c->comp_size);
}

int zip_finish(zip_writer *z)
{
	buf *b = z->out;
	size_t cd = b->len - z->start;
	for (size_t i = 0; i < z->n && !z->failed; i++) {
		const zip_central *c = &z->v[i];
		put32(b, SIG_CENTRAL);
		put16(b, ZIP_VERSION);	/* made by */
		put16(b, ZIP_VERSION);	/* needed */
		put16(b, 0);
		put16(b, c->method);
		put16(b, DOS_TIME);
		put16(b, DOS_DATE);
		put32(b, c->crc);
		put32(b, c->comp_size);
		put32(b, c->size);
		put16(b, (unsigned)c->name_len);
		put16(b, 0);		/* extra */
		put16(b, 0);		/* comment */
		put16(b, 0);		/* disk */
		put16(b, 0);		/* internal attributes */
		put32(b, 0);		/* external attributes */
		put32(b, c->offset);
		buf_put(b, c->name, c->name_len);
	}
	size_t cd_size = b->len - z->start - cd;
	if (cd > ZIP_MAX32 || cd_size > ZIP_MAX32)
		z->failed = true;
	if (!z->failed) {
		put32(b, SIG_END);
		put16(b, 0);
		put16(b, 0);
		put16(b, (unsigned)z->n);
		put16(b, (unsigned)z->n);
		put32(b, (uint32_t)cd_size);
		put32(b, (uint32_t)cd);
		put16(b, 0);
	}
	for (size_t i = 0; i < z->n; i++)
		free(z->v[i].name);
	free(z->v);
	int rc = z->failed ? -1 : 0;
	z->v = NULL;
	z->n = z->cap = 0;
	return rc;
}

/* ---- reading ---- */

static unsigned get16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int fail(buf *err, const char *msg)
{
	buf_clear(err);
	buf_puts(err, msg);
	return -1;
}

static int name_cmp(const void *a, const void *b)
{
	const zip_entry *x = a, *y = b;
	size_t n = x->name_len < y->name_len ? x->name_len : y->name_len;
	int c = memcmp(x->name, y->name, n);
	return c ? c : (x->name_len > y->name_len) - (x->name_len < y->name_len);
}

/* The end of central directory record: the last one whose comment ends
 * within the file.  Its offset, or len when there is none. */
static size_t find_end(const unsigned char *p, size_t len)
{
	if (len < 22)
		return len;
	size_t lo = len - 22 > 0xFFFF ? len - 22 - 0xFFFF : 0;
	for (size_t i = len - 22 + 1; i-- > lo;)
		if (get32(p + i) == SIG_END && i + 22 + get16(p + i + 20) <= len)
			return i;
	return len;
}

int zip_open(zip_reader *z, const char *data, size_t len, buf *err)
{
	memset(z, 0, sizeof *z);
	const unsigned char *p = (const unsigned char *)data;
	size_t end = find_end(p, len);
	if (end == len)
		return fail(err, "not a ZIP archive (no end of central directory)");
	if (end >= 20 && get32(p + end - 20) == SIG_END64_LOCATOR)
		return fail(err, "a Zip64 archive, which is not supported");
	unsigned disk = get16(p + end + 4), cd_disk = get16(p + end + 6);
	unsigned n_disk = get16(p + end + 8), n = get16(p + end + 10);
	uint32_t cd_size = get32(p + end + 12), cd_off = get32(p + end + 16);
	if (n == 0xFFFF || cd_size == ZIP_MAX32 || cd_off == ZIP_MAX32)
		return fail(err, "a Zip64 archive, which is not supported");
	if (disk != 0 || cd_disk != 0 || n_disk != n)
		return fail(err, "a multi-part ZIP archive, which is not supported");
	if (n > ZIP_MAX_ENTRIES)
		return fail(err, "more ZIP entries than a document has (at most 10000)");
	if (cd_off > end || cd_size > end - cd_off)
		return fail(err, "the ZIP central directory lies outside the file");
	z->p = p;
	z->len = len;
	z->v = xcalloc(n, sizeof *z->v, "the ZIP directory");
	size_t at = cd_off, cd_end = (size_t)cd_off + cd_size;
	for (unsigned i = 0; i < n; i++) {
		if (cd_end - at < 46 || get32(p + at) != SIG_CENTRAL) {
			zip_close(z);
			return fail(err, "a damaged ZIP central directory entry");
		}
		const unsigned char *h = p + at;
		unsigned flags = get16(h + 8), method = get16(h + 10);
		size_t nlen = get16(h + 28), xlen = get16(h + 30), clen = get16(h + 32);
		uint32_t comp = get32(h + 20), size = get32(h + 24), lo = get32(h + 42);
		if (cd_end - at - 46 < nlen + xlen + clen) {
			zip_close(z);
			return fail(err, "a damaged ZIP central directory entry");
		}
		if (flags & 0x41) {
			zip_close(z);
			return fail(err, "an encrypted ZIP entry");
		}
		if (method != 0 && method != 8) {
			zip_close(z);
			return fail(err, "a ZIP entry compressed with a method other than deflate");
		}
		if (comp == ZIP_MAX32 || size == ZIP_MAX32 || lo == ZIP_MAX32) {
			zip_close(z);
			return fail(err, "a Zip64 archive, which is not supported");
		}
		/* the local header and the data lie before the directory */
		if (lo > cd_off || cd_off - lo < 30 || get32(p + lo) != SIG_LOCAL) {
			zip_close(z);
			return fail(err, "a ZIP entry whose local header lies outside the file");
		}
		size_t data_at = (size_t)lo + 30 + get16(p + lo + 26) + get16(p + lo + 28);
		if (data_at > cd_off || comp > cd_off - data_at) {
			zip_close(z);
			return fail(err, "a ZIP entry whose data lies outside the file");
		}
		if (method == 0 && comp != size) {
			zip_close(z);
			return fail(err, "a stored ZIP entry whose sizes differ");
		}
		zip_entry *e = &z->v[z->n++];
		e->name = (const char *)h + 46;
		e->name_len = nlen;
		e->method = (uint16_t)method;
		e->crc = get32(h + 16);
		e->comp_size = comp;
		e->size = size;
		e->data = data_at;
		at += 46 + nlen + xlen + clen;
	}
	/* Two entries of one name would make "the" styles ambiguous. */
	zip_entry *s = xreallocarray(NULL, z->n ? z->n : 1, sizeof *s, "the ZIP directory");
	memcpy(s, z->v, z->n * sizeof *s);
	qsort(s, z->n, sizeof *s, name_cmp);
	for (size_t i = 1; i < z->n; i++)
		if (name_cmp(&s[i - 1], &s[i]) == 0) {
			free(s);
			zip_close(z);
			return fail(err, "two ZIP entries with the same name");
		}
	free(s);
	return 0;
}

void zip_close(zip_reader *z)
{
	free(z->v);
	z->v = NULL;
	z->n = 0;
}

const zip_entry *zip_find(const zip_reader *z, const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < z->n; i++)
		if (z->v[i].name_len == n && memcmp(z->v[i].name, name, n) == 0)
			return &z->v[i];
	return NULL;
}

int zip_extract(const zip_reader *z, const zip_entry *e, size_t max, buf *out, buf *err)
{
	char msg[160];
	if (e->size > max) {
		snprintf(msg, sizeof msg, "a ZIP entry of %zu bytes (at most %zu are read)",
			 e->size, max);
		return fail(err, msg);
	}
	size_t start = out->len;
	const unsigned char *src = z->p + e->data;
	if (e->method == 0) {
		buf_put(out, (const char *)src, e->size);
	} else {
		buf_grow(out, e->size);
		z_stream s;
		memset(&s, 0, sizeof s);
		if (inflateInit2(&s, -15) != Z_OK)	/* only when memory is out */
			xalloc_die(sizeof s, "the decompressor");
		s.next_in = (Bytef *)(uintptr_t)src;
		s.avail_in = (uInt)e->comp_size;
		s.next_out = (Bytef *)out->data + start;
		s.avail_out = (uInt)e->size;
		int rc = inflate(&s, Z_FINISH);
		size_t got = s.total_out;
		inflateEnd(&s);
		/* Z_BUF_ERROR with no room left: more data than declared */
		if (rc != Z_STREAM_END || got != e->size) {
			out->len = start;
			if (out->data)
				out->data[start] = '\0';
			return fail(err, rc == Z_STREAM_END || (rc == Z_BUF_ERROR && !s.avail_out)
				    ? "a ZIP entry larger or smaller than it declares"
				    : "a damaged ZIP entry (inflate failed)");
		}
		out->len = start + got;
		out->data[out->len] = '\0';
	}
	uint32_t crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), (const Bytef *)out->data + start,
				       (uInt)e->size);
	if (crc != e->crc) {
		out->len = start;
		out->data[start] = '\0';
		return fail(err, "a ZIP entry whose CRC-32 does not match");
	}
	return 0;
}
