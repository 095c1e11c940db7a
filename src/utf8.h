/*
 * utf8.h - the one UTF-8 decoder and encoder (inline: the loader and
 * the escapers run them on every non-ASCII character).
 *
 * The loader lets only valid UTF-8 into a document (source.h), but the
 * escapers also see text that did not come from a source (labels, file
 * names) and must never read past the end or loop on a bad byte: a byte
 * that does not start a valid sequence (overlong, surrogate, past
 * U+10FFFF, cut short) decodes as U+FFFD, one byte long.
 */
#ifndef BRIEFC_UTF8_H
#define BRIEFC_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_BAD 0xFFFDu

/* The character at s (n > 0 bytes left); *len is its length in bytes. */
static inline uint32_t utf8_decode(const char *str_, size_t n, size_t *len)
{
	const unsigned char *s = (const unsigned char *)str_;
	unsigned c = s[0];
	uint32_t cp, min;
	size_t k;
	*len = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF)
		k = 2, cp = c & 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		k = 3, cp = c & 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		k = 4, cp = c & 0x07, min = 0x10000;
	else
		return UTF8_BAD;
	if (n < k)
		return UTF8_BAD;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return UTF8_BAD;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return UTF8_BAD;
	*len = k;
	return cp;
}

/* The length of the valid sequence at s (n > 0 bytes left), or 0. */
static inline size_t utf8_valid(const char *s, size_t n)
{
	size_t len;
	uint32_t cp = utf8_decode(s, n, &len);
	/* U+FFFD itself is three bytes long */
	return cp == UTF8_BAD && len == 1 ? 0 : len;
}

/* Where the character that ends at s[i] (i > 0) starts, in valid UTF-8. */
static inline size_t utf8_back(const char *s, size_t i)
{
	size_t k = i - 1;
	while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

/* The first byte of the character that byte i of s (len bytes) is in;
 * len itself when i >= len.  A prefix cut there ends on a whole one. */
static inline size_t utf8_start(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return len;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Write cp (at most U+10FFFF, not a surrogate) into out; its length. */
static inline size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

#endif
