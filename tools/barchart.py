#!/usr/bin/env python3
"""barchart.py - draw the example brief's figures as PNG, with nothing but
the Python standard library (zlib for the PNG stream).

    python3 tools/barchart.py examples/figures

writes examples/figures/nickel-refining.png (a horizontal bar chart of the
shares of world nickel refining, labelled with a 5x7 pixel font) and
examples/figures/logo.png (the example institute's mark).  The output is
a pure function of this file: the PNGs in the repository are what it
writes, byte for byte (no time stamp, fixed compression level).
"""
import os
import struct
import sys
import zlib

# A 5x7 font: capitals, digits and the few signs the labels use.
FONT = {
    'A': ["01110", "10001", "10001", "11111", "10001", "10001", "10001"],
    'B': ["11110", "10001", "10001", "11110", "10001", "10001", "11110"],
    'C': ["01110", "10001", "10000", "10000", "10000", "10001", "01110"],
    'D': ["11110", "10001", "10001", "10001", "10001", "10001", "11110"],
    'E': ["11111", "10000", "10000", "11110", "10000", "10000", "11111"],
    'F': ["11111", "10000", "10000", "11110", "10000", "10000", "10000"],
    'G': ["01110", "10001", "10000", "10111", "10001", "10001", "01111"],
    'H': ["10001", "10001", "10001", "11111", "10001", "10001", "10001"],
    'I': ["01110", "00100", "00100", "00100", "00100", "00100", "01110"],
    'J': ["00111", "00010", "00010", "00010", "00010", "10010", "01100"],
    'K': ["10001", "10010", "10100", "11000", "10100", "10010", "10001"],
    'L': ["10000", "10000", "10000", "10000", "10000", "10000", "11111"],
    'M': ["10001", "11011", "10101", "10101", "10001", "10001", "10001"],
    'N': ["10001", "10001", "11001", "10101", "10011", "10001", "10001"],
    'O': ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
    'P': ["11110", "10001", "10001", "11110", "10000", "10000", "10000"],
    'Q': ["01110", "10001", "10001", "10001", "10101", "10010", "01101"],
    'R': ["11110", "10001", "10001", "11110", "10100", "10010", "10001"],
    'S': ["01111", "10000", "10000", "01110", "00001", "00001", "11110"],
    'T': ["11111", "00100", "00100", "00100", "00100", "00100", "00100"],
    'U': ["10001", "10001", "10001", "10001", "10001", "10001", "01110"],
    'V': ["10001", "10001", "10001", "10001", "10001", "01010", "00100"],
    'W': ["10001", "10001", "10001", "10101", "10101", "10101", "01010"],
    'X': ["10001", "10001", "01010", "00100", "01010", "10001", "10001"],
    'Y': ["10001", "10001", "01010", "00100", "00100", "00100", "00100"],
    'Z': ["11111", "00001", "00010", "00100", "01000", "10000", "11111"],
    '0': ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
    '1': ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
    '2': ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
    '3': ["11111", "00010", "00100", "00010", "00001", "10001", "01110"],
    '4': ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
    '5': ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
    '6': ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
    '7': ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
    '8': ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
    '9': ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
    '%': ["11000", "11001", "00010", "00100", "01000", "10011", "00011"],
    '.': ["00000", "00000", "00000", "00000", "00000", "01100", "01100"],
    '-': ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
    ' ': ["00000"] * 7,
}


class Canvas:
    def __init__(self, w, h, bg):
        self.w, self.h = w, h
        self.px = [bytearray(bytes(bg) * w) for _ in range(h)]

    def rect(self, x0, y0, x1, y1, colour):
        row = bytes(colour) * max(0, x1 - x0)
        for y in range(max(0, y0), min(self.h, y1)):
            self.px[y][3 * x0:3 * x1] = row

    def text(self, x, y, s, colour, scale):
        """Draw s with its top left corner at x, y; returns its width."""
        for ch in s:
            glyph = FONT[ch]
            for gy, bits in enumerate(glyph):
                for gx, bit in enumerate(bits):
                    if bit == '1':
                        self.rect(x + gx * scale, y + gy * scale,
                                  x + (gx + 1) * scale, y + (gy + 1) * scale, colour)
            x += 6 * scale
        return 6 * scale * len(s)

    def png(self):
        raw = b''.join(b'\0' + bytes(r) for r in self.px)

        def chunk(kind, data):
            return (struct.pack('>I', len(data)) + kind + data +
                    struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))
        return (b'\x89PNG\r\n\x1a\n' +
                chunk(b'IHDR', struct.pack('>IIBBBBB', self.w, self.h, 8, 2, 0, 0, 0)) +
                chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


INK = (33, 37, 41)
GRID = (222, 226, 230)
BAR = (31, 94, 150)
HIGHLIGHT = (196, 84, 44)
WHITE = (255, 255, 255)

# Shares of world refined nickel output, 2023, per cent (the example's
# figures; the brief cites them to its source).
SHARES = [("CHINA", 68), ("INDONESIA", 12), ("JAPAN", 6), ("FINLAND", 4),
          ("OTHER", 10)]


def nickel_chart():
    w, h, scale = 900, 440, 3
    c = Canvas(w, h, WHITE)
    left, right, top, bar_h, gap = 230, w - 110, 40, 44, 26
    plot_w = right - left
    # grid lines every 10 points, labelled underneath
    bottom = top + len(SHARES) * (bar_h + gap)
    for p in range(0, 101, 10):
        x = left + plot_w * p // 100
        c.rect(x, top - 10, x + 2, bottom, GRID)
        label = "%d%%" % p
        c.text(x - len(label) * 3 * 2, bottom + 12, label, INK, 2)
    for i, (name, share) in enumerate(SHARES):
        y = top + i * (bar_h + gap)
        c.text(left - 24 - len(name) * 6 * scale, y + (bar_h - 7 * scale) // 2,
               name, INK, scale)
        x1 = left + plot_w * share // 100
        c.rect(left, y, x1, y + bar_h, HIGHLIGHT if i == 0 else BAR)
        c.text(x1 + 14, y + (bar_h - 7 * scale) // 2, "%d%%" % share, INK, scale)
    c.rect(left, top - 10, left + 3, bottom, INK)
    return c.png()


def logo():
    w = h = 96
    c = Canvas(w, h, WHITE)
    c.rect(0, 0, w, h, BAR)
    c.rect(8, 8, w - 8, h - 8, WHITE)
    for i, hgt in enumerate((24, 44, 64)):
        x = 18 + i * 22
        c.rect(x, h - 14 - hgt, x + 16, h - 14, HIGHLIGHT if i == 2 else BAR)
    return c.png()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "examples/figures"
    os.makedirs(out, exist_ok=True)
    for name, data in (("nickel-refining.png", nickel_chart()), ("logo.png", logo())):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print("wrote", os.path.join(out, name))


if __name__ == "__main__":
    main()
