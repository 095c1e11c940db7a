/*
 * bytes8.h - eight bytes at a time: the word tricks of the hot loops.
 *
 * The loader, the prose classer, the duplicate-paragraph folder and the
 * LaTeX escaper look at every byte of a brief; asking a question of eight
 * bytes in one 64-bit word (no SIMD intrinsics, no alignment needed) is
 * what makes them cheap.  Each question answers with a mask: bit 7 of
 * each byte is that byte's answer, every other bit is 0.
 *
 * The functions named 7-bit assume every byte of x is below 0x80 (their
 * sums must not carry from one byte into the next); with a byte of 0x80
 * or more their marks are undefined, so test b8_ascii first or mask the
 * high bits off.  The others are exact for any bytes.  tests/unit/
 * test_bytes8.c checks each against its byte-by-byte meaning.
 */
#ifndef BRIEFC_BYTES8_H
#define BRIEFC_BYTES8_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define B8_ONES 0x0101010101010101u
#define B8_HIGH 0x8080808080808080u

/* The eight bytes at p, in memory order from the lowest byte (on a
 * little-endian machine; the masks do not depend on the order). */
static inline uint64_t b8_load(const void *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

/* c in every byte. */
static inline uint64_t b8_spread(unsigned char c)
{
	return B8_ONES * c;
}

/* Bytes of 0x80 or more (non-ASCII). */
static inline uint64_t b8_high(uint64_t x)
{
	return x & B8_HIGH;
}

static inline bool b8_ascii(uint64_t x)
{
	return b8_high(x) == 0;
}

/* Bytes that are 0. */
static inline uint64_t b8_zero(uint64_t x)
{
	return ~(((x & ~B8_HIGH) + ~B8_HIGH) | x | ~B8_HIGH);
}

/* Bytes equal to c. */
static inline uint64_t b8_eq(uint64_t x, unsigned char c)
{
	return b8_zero(x ^ b8_spread(c));
}

/* UTF-8 continuation bytes, 10xxxxxx. */
static inline uint64_t b8_cont(uint64_t x)
{
	return x & ~(x << 1) & B8_HIGH;
}

/* 7-bit: bytes equal to c (c < 0x80). */
static inline uint64_t b8_eq7(uint64_t x, unsigned char c)
{
	return ~((x ^ b8_spread(c)) + b8_spread(0x7F)) & B8_HIGH;
}

/* 7-bit: bytes of a or more (a <= 0x80). */
static inline uint64_t b8_ge7(uint64_t x, unsigned char a)
{
	return (x + b8_spread((unsigned char)(0x80 - a))) & B8_HIGH;
}

/* 7-bit: bytes below a (a <= 0x80). */
static inline uint64_t b8_lt7(uint64_t x, unsigned char a)
{
	return ~b8_ge7(x, a) & B8_HIGH;
}

/* 7-bit: bytes from a to b (a <= b < 0x80). */
static inline uint64_t b8_in7(uint64_t x, unsigned char a, unsigned char b)
{
	return b8_ge7(x, a) & ~b8_ge7(x, (unsigned char)(b + 1));
}

/* How many bytes a mask marks. */
static inline unsigned b8_count(uint64_t m)
{
	return (unsigned)(((m >> 7) * B8_ONES) >> 56);
}

/* 1 in each marked byte, 0 in the others. */
static inline uint64_t b8_bits(uint64_t m)
{
	return m >> 7;
}

#endif
