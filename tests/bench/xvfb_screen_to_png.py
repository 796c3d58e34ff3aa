#!/usr/bin/env python3
"""Xvfb's framebuffer file (-fbdir: an XWD image, 24-bit colour in 32-bit pixels) as a PNG, so
that a person can see what a benchmarked program showed.   xvfb_screen_to_png.py XWD_FILE OUT.png"""
import struct
import sys
import zlib


def main():
    data = open(sys.argv[1], "rb").read()
    (header_size, _version, _format, _depth, width, height, _xoffset, byte_order, _unit, _bit_order, _pad, bits_per_pixel,
     bytes_per_line, _visual, _red, _green, _blue, _bits_rgb, _map_entries, ncolors) = struct.unpack(">20I", data[:80])
    if bits_per_pixel != 32:
        sys.exit(f"{sys.argv[1]}: {bits_per_pixel} bits per pixel; expected 32")
    pixels = data[header_size + ncolors * 12:]
    rows = []
    for y in range(height):
        line = pixels[y * bytes_per_line:y * bytes_per_line + width * 4]
        # byte_order 0 (LSBFirst): each pixel is B, G, R, X in memory.
        b, g, r = (line[0::4], line[1::4], line[2::4]) if byte_order == 0 else (line[3::4], line[2::4], line[1::4])
        rgb = bytearray(width * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = r, g, b
        rows.append(b"\0" + bytes(rgb))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 1)) + chunk(b"IEND", b"")
    open(sys.argv[2], "wb").write(png)


if __name__ == "__main__":
    main()
