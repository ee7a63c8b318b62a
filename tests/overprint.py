#!/usr/bin/env python3
# tests/overprint.py FILE.html: words drawn over each other, from
# `pdftotext -bbox` output. Two words on the same line (baselines within
# half a point) whose boxes overlap by more than half a point are one
# printed over the other. Prints "page N: WORD over WORD" per overlap.
import re, sys
page = 0
words = []
found = 0
def flush():
    global found
    ws = sorted(words, key=lambda w: (round(w[3], 0), w[0]))
    for i, a in enumerate(ws):
        for b in ws[i + 1:]:
            if abs(a[3] - b[3]) > 0.5:
                continue
            if min(a[2], b[2]) - max(a[0], b[0]) > 0.5:
                print(f"page {page}: {a[4]!r} over {b[4]!r}")
                found += 1
for line in open(sys.argv[1], encoding="utf-8"):
    if "<page " in line:
        if words:
            flush()
        page += 1
        words = []
    m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
    if m:
        words.append((float(m[1]), float(m[2]), float(m[3]), float(m[4]), m[5]))
flush()
sys.exit(1 if found else 0)
