#!/usr/bin/env python3
"""jpeg-exif.py FILE.jpg ORIENTATION [MAKE MODEL DATETIME]

Give a JPEG the EXIF block a phone camera writes: replace its JFIF APP0 (if
any) with an APP1 "Exif" segment holding IFD0 Make, Model, Orientation and
DateTime. ImageMagick's -orient only writes orientation into an existing EXIF
profile and exiftool is not installed, hence this. DATETIME is
"YYYY:MM:DD HH:MM:SS". Standard library only; rewrites FILE in place.
"""
import struct
import sys


def ifd_entry_ascii(tag, text, data_offset):
    raw = text.encode("ascii") + b"\0"
    if len(raw) <= 4:
        return struct.pack("<HHI4s", tag, 2, len(raw), raw.ljust(4, b"\0")), b""
    return struct.pack("<HHII", tag, 2, len(raw), data_offset), raw


def exif_segment(orientation, make, model, when):
    # TIFF header (little endian) then IFD0 at offset 8.
    entries = [(0x010F, make), (0x0110, model), (0x0112, orientation), (0x0132, when)]
    n = len(entries)
    data_offset = 8 + 2 + n * 12 + 4
    table, data = b"", b""
    for tag, value in entries:
        if isinstance(value, int):
            table += struct.pack("<HHIHH", tag, 3, 1, value, 0)
        else:
            e, extra = ifd_entry_ascii(tag, value, data_offset + len(data))
            table += e
            data += extra
            if len(data) % 2:
                data += b"\0"
    tiff = b"II*\0" + struct.pack("<I", 8) + struct.pack("<H", n) + table + struct.pack("<I", 0) + data
    payload = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def main():
    if len(sys.argv) not in (3, 6):
        sys.exit("usage: jpeg-exif.py FILE.jpg ORIENTATION [MAKE MODEL DATETIME]")
    path, orientation = sys.argv[1], int(sys.argv[2])
    make, model, when = (sys.argv[3:6] if len(sys.argv) == 6
                         else ("Fairphone", "FP4", "2026:10:26 18:42:07"))
    with open(path, "rb") as f:
        jpg = f.read()
    if jpg[:2] != b"\xff\xd8":
        sys.exit("jpeg-exif.py: %s: not a JPEG" % path)
    rest = jpg[2:]
    # Drop any APP0/APP1 right after SOI: the new APP1 takes their place.
    while rest[:2] in (b"\xff\xe0", b"\xff\xe1"):
        seglen = struct.unpack(">H", rest[2:4])[0]
        rest = rest[2 + seglen:]
    with open(path, "wb") as f:
        f.write(b"\xff\xd8" + exif_segment(orientation, make, model, when) + rest)


if __name__ == "__main__":
    main()
