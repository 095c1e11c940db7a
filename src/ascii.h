/*
 * ascii.h - ASCII character tests, whatever the C locale says.
 *
 * briefc's syntax, IDs, URL schemes and acronyms are ASCII; <ctype.h>
 * answers by the locale and takes an int that must not be a negative
 * char.  These take any char and mean ASCII only.
 */
#ifndef BRIEFC_ASCII_H
#define BRIEFC_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool ascii_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool ascii_is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool ascii_is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static inline bool ascii_is_alpha(char c)
{
	return ascii_is_lower(c) || ascii_is_upper(c);
}

static inline bool ascii_is_alnum(char c)
{
	return ascii_is_alpha(c) || ascii_is_digit(c);
}

static inline char ascii_lower(char c)
{
	return ascii_is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* Whether s (n bytes) starts with p, a lower-case ASCII word, in any case. */
static inline bool ascii_prefix_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	if (n < k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (ascii_lower(s[i]) != p[i])
			return false;
	return true;
}

#endif
