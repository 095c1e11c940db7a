/*
 * source.c - loading, normalising and locating input text.
 */
#include "source.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bytes8.h"
#include "diag.h"
#include "utf8.h"
#include "xalloc.h"

int source_read_file(const char *path, char **data, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return -1;
	int rc = source_read_stream(f, data, len);
	if (f != stdin) {
		int e = errno;
		fclose(f);
		errno = e;
	}
	return rc;
}

int source_read_stream(FILE *f, char **data, size_t *len)
{
	/* A regular file's size is known: one buffer of it (and the room
	 * source_init_owned adds), read once, not grown and copied. */
	size_t cap = 65536, n = 0;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uintmax_t)st.st_size <= SOURCE_MAX_BYTES)
		cap = (size_t)st.st_size + SOURCE_PAD;
	char *p = malloc(cap);
	if (!p) {
		errno = ENOMEM;
		return -1;
	}
	for (;;) {
		if (n == cap) {
			/* More than the limit read: enough for the caller to
			 * report it, without reading (or holding) the rest. */
			if (cap > SOURCE_MAX_BYTES)
				break;
			size_t ncap = cap > SOURCE_MAX_BYTES / 2 ? SOURCE_MAX_BYTES + 1 : cap * 2;
			char *q = realloc(p, ncap);
			if (!q) {
				free(p);
				errno = ENOMEM;
				return -1;
			}
			p = q;
			cap = ncap;
		}
		size_t got = fread(p + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(p);
		errno = EIO;
		return -1;
	}
	*data = p;
	*len = n;
	return 0;
}

/* Bytes copied as they are: printable ASCII, tab and newline. */
static const bool plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
};


/*
 * Whether the 8 bytes at p are all plain: printable ASCII (0x20 to 0x7E),
 * tab or newline, so that a line end does not stop the fast path.  (With
 * a byte of 0x80 or more the 7-bit masks mean nothing, but the answer is
 * no anyway.)
 */
static bool plain8(const unsigned char *p)
{
	uint64_t x = b8_load(p);
	uint64_t control = b8_lt7(x, 0x20) & ~(b8_eq7(x, '\n') | b8_eq7(x, '\t'));
	return (b8_high(x) | control | b8_eq7(x, 0x7F)) == 0;
}

/* UTF-8 continuation bytes in p[0, n), eight at a time. */
static uint32_t count_cont(const unsigned char *p, size_t n)
{
	uint32_t c = 0;
	size_t i = 0;
	for (; i + 8 <= n; i += 8)
		c += b8_count(b8_cont(b8_load(p + i)));
	for (; i < n; i++)
		c += (p[i] & 0xC0) == 0x80;
	return c;
}

uint32_t source_cps(const source *s, uint32_t from, uint32_t to)
{
	if (to <= from)
		return 0;
	return (to - from) - count_cont((const unsigned char *)s->text + from, to - from);
}

static void make_index(source *s, bool ascii);

/*
 * Normalise raw[0, rawlen) into out, which may be raw itself (the text
 * never grows), then build the line and code-point tables.  out has room
 * for rawlen + SOURCE_PAD bytes and becomes s->text.
 */
static void load(source *s, const char *path, char *out, const char *raw,
		 size_t rawlen, diag_list *dl)
{
	s->path = xstrdup(path, "the file name");
	s->text = out;

	const unsigned char *in = (const unsigned char *)raw;
	size_t i = 0, o = 0;
	if (rawlen >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF)
		i = 3;

	/*
	 * Bad bytes are reported after the line table exists, at most one per
	 * line (a pasted binary blob must not drown the real problems): keep
	 * the first of each line, with its value for the message.
	 */
	struct bad_byte {
		uint32_t at;
		unsigned char byte;
	} *bad = NULL;
	size_t nbad = 0, badcap = 0;
	bool line_bad = false, ascii = true;
	while (i < rawlen) {
		/* A run of plain bytes at once: in place, nothing to move
		 * until something was dropped. */
		size_t run = i;
		for (;;) {
			while (run + 8 <= rawlen && plain8(in + run))
				run += 8;
			if (run == rawlen || !plain[in[run]])
				break;
			run++;	/* a newline or tab, or the last bytes */
		}
		if (run > i) {
			/* (before the move, which may overwrite in[i, run)) */
			if (line_bad && memchr(in + i, '\n', run - i))
				line_bad = false;
			if (out + o != raw + i)
				memmove(out + o, in + i, run - i);
			o += run - i;
			i = run;
			continue;
		}
		unsigned c = in[i];
		if (c == '\r' && i + 1 < rawlen && in[i + 1] == '\n') {
			i++;
			continue;
		}
		size_t len = c >= 0x80 ? utf8_valid(raw + i, rawlen - i) : 0;
		if (len) {
			ascii = false;
			memmove(out + o, in + i, len);
			o += len;
			i += len;
			continue;
		}
		if (!line_bad) {
			bad = xgrow(bad, &badcap, nbad, sizeof *bad,
				    "the list of bad bytes");
			bad[nbad].at = (uint32_t)o;
			bad[nbad++].byte = (unsigned char)c;
			line_bad = true;
		}
		/* One '?' for the one byte keeps columns honest. */
		out[o++] = '?';
		i++;
	}
	out[o] = '\0';
	s->len = o;
	/* Now, while the text is as it stays: the scanner later writes into
	 * it for a while (parse.c, brief.l), and a syntax error located then
	 * must not see that. */
	make_index(s, ascii);

	for (size_t k = 0; k < nbad && dl; k++) {
		unsigned b = bad[k].byte;
		span at = span_make(bad[k].at, bad[k].at + 1);
		if (b == 0)
			diag_report(dl, DC_BAD_ENCODING, at, "NUL byte in input");
		else if (b < 0x20 || b == 0x7F)
			diag_report(dl, DC_BAD_ENCODING, at, "control character U+%04X in input", b);
		else
			diag_report(dl, DC_BAD_ENCODING, at, "invalid UTF-8: byte 0x%02X", b);
	}
	free(bad);
}

int source_init(source *s, const char *path, const char *raw, size_t rawlen,
		diag_list *dl)
{
	memset(s, 0, sizeof *s);
	if (rawlen > SOURCE_MAX_BYTES)
		return -1;
	load(s, path, xmalloc(rawlen + SOURCE_PAD, "the source text"), raw, rawlen, dl);
	return 0;
}

int source_init_owned(source *s, const char *path, char *raw, size_t rawlen,
		      diag_list *dl)
{
	memset(s, 0, sizeof *s);
	if (rawlen > SOURCE_MAX_BYTES) {
		free(raw);
		return -1;
	}
	raw = xrealloc(raw, rawlen + SOURCE_PAD, "the source text");
	load(s, path, raw, raw, rawlen, dl);
	return 0;
}

void source_free(source *s)
{
	free(s->path);
	free(s->text);
	free(s->lines);
	free(s->cps);
	for (size_t i = 0; i < s->nfiles; i++)
		source_free(&s->files[i]);
	free(s->files);
	free(s->pieces);
	memset(s, 0, sizeof *s);
}

/* ---- documents of several files ---- */

void span_vec_push(span_vec *v, span s)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 16;
		v->v = xreallocarray(v->v, v->cap, sizeof *v->v, "a list of spans");
	}
	v->v[v->n++] = s;
}

void source_multi_begin(source *s)
{
	if (s->nfiles)
		return;
	source main = *s;
	main.path = xstrdup(s->path, "a path");
	main.files = NULL;
	main.nfiles = 0;
	main.pieces = NULL;
	main.npieces = 0;
	s->files = xmalloc(sizeof *s->files, "the table of files");
	s->files[0] = main;
	s->nfiles = 1;
	/* the text and its index are files[0]'s now */
	s->text = NULL;
	s->lines = s->cps = NULL;
	s->len = s->nlines = 0;
}

unsigned source_add_file(source *s, source *f)
{
	if ((s->nfiles & (s->nfiles - 1)) == 0)
		s->files = xreallocarray(s->files, 2 * s->nfiles, sizeof *s->files, "the table of files");
	s->files[s->nfiles] = *f;
	memset(f, 0, sizeof *f);
	return (unsigned)s->nfiles++;
}

void source_add_piece(source *s, uint32_t start, unsigned file, uint32_t local,
		      bool point)
{
	if (s->npieces && s->pieces[s->npieces - 1].start == start)
		s->npieces--;	/* an empty piece: the new one replaces it */
	if ((s->npieces & (s->npieces - 1)) == 0)
		s->pieces = xreallocarray(s->pieces, s->npieces ? 2 * s->npieces : 1,
					  sizeof *s->pieces, "the map of pieces");
	source_piece *p = &s->pieces[s->npieces++];
	p->start = start;
	p->file = file;
	p->local = local;
	p->point = point;
}

void source_set_text(source *s, char *text, size_t len)
{
	free(s->text);
	free(s->lines);
	free(s->cps);
	s->text = text;
	s->len = len;
	text[len] = '\0';
	make_index(s, false);
}

/* The piece off is in (pieces sorted by start, the first at 0). */
static const source_piece *piece_at(const source *s, uint32_t off)
{
	size_t lo = 0, hi = s->npieces;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->pieces[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return &s->pieces[lo];
}

const source *source_file_at(const source *s, uint32_t off, uint32_t *local)
{
	if (!s->nfiles || !s->npieces) {
		*local = off;
		return s;
	}
	const source_piece *p = piece_at(s, off);
	const source *f = &s->files[p->file];
	uint32_t l = p->point ? p->local : p->local + (off - p->start);
	*local = l > f->len ? (uint32_t)f->len : l;
	return f;
}

const source *source_file_span(const source *s, span at, span *local)
{
	if (!s->nfiles || !s->npieces) {
		*local = at;
		return s;
	}
	const source_piece *p = piece_at(s, at.start);
	const source *f = &s->files[p->file];
	uint32_t a, b;
	if (p->point) {
		a = p->local;
		b = a + 1;
	} else {
		uint32_t end = at.end < at.start ? at.start : at.end;
		/* clipped to this piece */
		if (p + 1 < s->pieces + s->npieces && end > p[1].start)
			end = p[1].start;
		a = p->local + (at.start - p->start);
		b = p->local + (end - p->start);
	}
	if (a > f->len)
		a = (uint32_t)f->len;
	if (b > f->len)
		b = (uint32_t)f->len;
	local->start = a;
	local->end = b;
	return f;
}

unsigned source_file_index(const source *s, const source *f)
{
	return s->nfiles && f >= s->files && f < s->files + s->nfiles
		? (unsigned)(f - s->files) : 0;
}

bool source_offset_in(const source *s, unsigned file, uint32_t local, uint32_t *off)
{
	if (!s->nfiles || !s->npieces) {
		*off = local <= s->len ? local : (uint32_t)s->len;
		return file == 0;
	}
	bool found = false;
	for (size_t i = 0; i < s->npieces; i++) {
		const source_piece *p = &s->pieces[i];
		if (p->file != file || p->point || local < p->local)
			continue;
		uint32_t end = i + 1 < s->npieces ? s->pieces[i + 1].start : (uint32_t)s->len;
		uint32_t n = end - p->start;
		if (local < p->local + n) {
			*off = p->start + (local - p->local);
			return true;
		}
		if (local == p->local + n && !found) {
			*off = end;	/* the end of a stretch: kept, a later one may hold it */
			found = true;
		}
	}
	return found;
}

/* The line table and the column checkpoints of the text (source.h);
 * ascii: the text is known to be all ASCII, a code point a byte. */
static void make_index(source *s, bool ascii)
{
	const char *out = s->text;
	size_t o = s->len, cap = 64, nstored = 1;
	s->lines = xreallocarray(NULL, cap, sizeof *s->lines, "the line table");
	s->lines[0] = 0;
	s->nlines = 1;
	for (const char *p = out; (p = memchr(p, '\n', (size_t)(out + o - p)));) {
		p++;
		if (s->nlines++ % SOURCE_LINE_STRIDE)
			continue;
		if (nstored == cap) {
			cap *= 2;
			s->lines = xreallocarray(s->lines, cap, sizeof *s->lines,
					       "the line table");
		}
		s->lines[nstored++] = (uint32_t)(p - out);
	}

	s->cps = xreallocarray(NULL, o / SOURCE_CP_STRIDE + 1, sizeof *s->cps,
			       "the column table");
	uint32_t cps = 0;
	for (size_t k = 0; k <= o; k += SOURCE_CP_STRIDE) {
		s->cps[k / SOURCE_CP_STRIDE] = cps;
		size_t n = o - k < SOURCE_CP_STRIDE ? o - k : SOURCE_CP_STRIDE;
		cps += (uint32_t)n - (ascii ? 0 : count_cont((const unsigned char *)out + k, n));
	}
}

/* Code points before off: a checkpoint, then at most a stride of bytes. */
static uint32_t cps_before(const source *s, uint32_t off)
{
	uint32_t k = off / SOURCE_CP_STRIDE;
	uint32_t c = s->cps[k];
	for (k *= SOURCE_CP_STRIDE; k < off; k++)
		c += ((unsigned char)s->text[k] & 0xC0) != 0x80;
	return c;
}

void source_locate(const source *s, uint32_t off, unsigned *line, unsigned *col)
{
	if (!s->lines) {		/* not loaded */
		*line = *col = 1;
		return;
	}
	if (off > s->len)
		off = (uint32_t)s->len;
	size_t lo = 0, hi = (s->nlines - 1) / SOURCE_LINE_STRIDE + 1;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	/* then the line starts between, fewer than SOURCE_LINE_STRIDE */
	size_t n = lo * SOURCE_LINE_STRIDE;
	uint32_t start = s->lines[lo];
	for (const char *p = s->text + start;
	     (p = memchr(p, '\n', (size_t)(s->text + off - p)));) {
		p++;
		start = (uint32_t)(p - s->text);
		n++;
	}
	*line = (unsigned)n + 1;
	*col = (unsigned)(cps_before(s, off) - cps_before(s, start)) + 1;
}

void source_line(const source *s, unsigned line, uint32_t *start, uint32_t *end)
{
	if (line == 0 || line > s->nlines) {
		*start = *end = (uint32_t)s->len;
		return;
	}
	const char *t = s->text, *e = t + s->len;
	const char *p = t + s->lines[(line - 1) / SOURCE_LINE_STRIDE];
	for (unsigned k = (line - 1) % SOURCE_LINE_STRIDE; k; k--)
		p = (const char *)memchr(p, '\n', (size_t)(e - p)) + 1;
	const char *nl = memchr(p, '\n', (size_t)(e - p));
	*start = (uint32_t)(p - t);
	*end = nl ? (uint32_t)(nl - t) : (uint32_t)s->len;
}
