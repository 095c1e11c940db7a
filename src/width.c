/*
 * width.c - display width of characters and emoji sequences (see width.h).
 */
#include "width.h"

#include <stddef.h>

typedef struct width_range {
	uint32_t lo, hi;
	unsigned char prop;
} width_range;

enum {
	WIDTH_MASK = 3,
	WIDTH_PICT = 4,		/* Extended_Pictographic */
	WIDTH_VS16 = 8		/* U+FE0F makes it an emoji, two columns */
};

#include "width_table.h"

const char width_unicode_version[] = WIDTH_UNICODE_VERSION;

/* The properties of cp: width 1 and no flags unless a range says more. */
static unsigned prop_of(uint32_t cp)
{
	size_t lo = 0, hi = sizeof width_ranges / sizeof width_ranges[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < width_ranges[mid].lo)
			hi = mid;
		else if (cp > width_ranges[mid].hi)
			lo = mid + 1;
		else
			return width_ranges[mid].prop;
	}
	return 1;
}

unsigned width_cp(uint32_t cp)
{
	/* printable ASCII and Latin-1: nothing below U+0300 but the
	 * controls is anything but one column */
	if (cp >= 0x20 && cp < 0x300 && (cp < 0x7F || cp >= 0xA0))
		return 1;
	return prop_of(cp) & WIDTH_MASK;
}

unsigned width_next(width_state *st, uint32_t cp)
{
	unsigned w;
	bool pict = st->pict, joining = false;

	if (cp == 0xFE0F) {
		/* emoji presentation: a text-style pictograph grows to two */
		w = st->prev_width == 1 && (prop_of(st->prev) & WIDTH_VS16) ? 1 : 0;
	} else if (cp == 0x200D) {
		w = 0;
		joining = st->pict;
	} else if (cp >= 0x1F3FB && cp <= 0x1F3FF && st->pict) {
		w = 0;		/* a skin tone applied to the emoji before it */
	} else if (cp >= 0x20 && cp < 0x7F) {
		w = 1;
		pict = false;
	} else {
		unsigned p = prop_of(cp);
		w = st->joining && (p & WIDTH_PICT) ? 0 : p & WIDTH_MASK;
		if (w || (p & WIDTH_PICT))
			pict = (p & WIDTH_PICT) != 0;
	}
	st->prev = cp;
	st->prev_width = w;
	st->pict = pict;
	st->joining = joining;
	return w;
}
