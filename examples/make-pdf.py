#!/usr/bin/env python3
"""make-pdf.py OUT.pdf < SCRIPT: write a small, deterministic PDF.

Used by make-evidence.sh (and bench/make-inputs.sh) to make the invoices and
reports of the examples without any tool that stamps the current date into its
output. Standard library only. The page description is read from standard
input, one command per line ('#' starts a comment line):

  info KEY VALUE          document info entry (Title, Author, Creator, ...)
  page [a4|letter]        start a new page (default a4)
  font R|B|I|M SIZE       Helvetica, Helvetica-Bold, Helvetica-Oblique, Courier
  text X Y STRING         draw STRING with its left end at X,Y (points)
  right X Y STRING        draw STRING with its right end at X (font M only:
                          Courier widths are known without metrics)
  gray G                  fill colour for text and boxes, 0 = black, 1 = white
  rgb R G B               the same as a colour
  box X Y W H             filled rectangle
  line X1 Y1 X2 Y2        0.5 pt line
  outline TITLE           bookmark pointing at the current page
  sub TITLE               bookmark nested under the previous outline

Text is WinAnsi-encoded (Latin-1 plus the euro sign); content streams are
Flate-compressed so the files look like what real software produces.
"""
import hashlib
import sys
import zlib

FONTS = {"R": "Helvetica", "B": "Helvetica-Bold", "I": "Helvetica-Oblique", "M": "Courier"}
PAPER = {"a4": (595, 842), "letter": (612, 792)}


def pdf_string(s):
    b = s.encode("cp1252")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def text_string(s):
    """An info string: PDFDocEncoding cannot hold every character, UTF-16BE can."""
    try:
        s.encode("latin-1")
        return pdf_string(s)
    except UnicodeEncodeError:
        return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode() + b">"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-pdf.py OUT.pdf < SCRIPT")
    info = {}
    pages = []          # [size, [content lines]]
    outlines = []       # [title, page index, [children titles/pages]]
    font = ("R", 10.0)
    for n, raw in enumerate(sys.stdin.read().splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cmd, _, rest = line.partition(" ")
        try:
            if cmd == "info":
                k, _, v = rest.partition(" ")
                info[k] = v
                continue
            if cmd == "page":
                pages.append([PAPER[rest or "a4"], []])
                continue
            if not pages:
                raise ValueError("drawing before the first 'page'")
            ops = pages[-1][1]
            if cmd == "font":
                f, size = rest.split()
                font = (f, float(size))
                ops.append("/%s %g Tf" % (f, font[1]))
            elif cmd in ("text", "right"):
                x, y, s = rest.split(" ", 2)
                x, y = float(x), float(y)
                if cmd == "right":
                    if font[0] != "M":
                        raise ValueError("'right' needs the monospaced font M")
                    x -= 0.6 * font[1] * len(s)
                ops.append("BT %g %g Td %s Tj ET" % (x, y, pdf_string(s).decode("latin-1")))
            elif cmd == "gray":
                ops.append("%s g %s G" % (rest, rest))
            elif cmd == "rgb":
                ops.append("%s rg %s RG" % (rest, rest))
            elif cmd == "box":
                ops.append("%s re f" % rest)
            elif cmd == "line":
                x1, y1, x2, y2 = rest.split()
                ops.append("0.5 w %s %s m %s %s l S" % (x1, y1, x2, y2))
            elif cmd == "outline":
                outlines.append([rest, len(pages) - 1, []])
            elif cmd == "sub":
                outlines[-1][2].append((rest, len(pages) - 1))
            else:
                raise ValueError("unknown command '%s'" % cmd)
        except (ValueError, IndexError, KeyError) as e:
            sys.exit("make-pdf.py: line %d: %s" % (n, e))
    if not pages:
        sys.exit("make-pdf.py: no pages")

    objs = []           # bytes of object i+1

    def add(body):
        objs.append(body)
        return len(objs)

    def ref(i):
        return b"%d 0 R" % i

    catalog = add(None)
    pages_id = add(None)
    font_ids = {}
    for key, base in FONTS.items():
        font_ids[key] = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /" + base.encode()
                            + b" /Encoding /WinAnsiEncoding >>")
    resources = b"<< /Font << " + b" ".join(
        b"/" + k.encode() + b" " + ref(v) for k, v in font_ids.items()) + b" >> >>"
    page_ids = []
    for (w, h), ops in pages:
        data = zlib.compress(("\n".join(ops) + "\n").encode("latin-1"), 9)
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)
                      + data + b"\nendstream")
        page_ids.append(add(b"<< /Type /Page /Parent " + ref(pages_id)
                            + b" /MediaBox [0 0 %d %d] /Resources " % (w, h) + resources
                            + b" /Contents " + ref(content) + b" >>"))
    objs[pages_id - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(ref(p) for p in page_ids)
                          + b"] /Count %d >>" % len(page_ids))

    outline_root = None
    if outlines:
        outline_root = add(None)
        tops = []
        for title, page, children in outlines:
            tid = add(None)
            kids = [add(None) for _ in children]
            for j, (ctitle, cpage) in enumerate(children):
                d = (b"<< /Title " + text_string(ctitle) + b" /Parent " + ref(tid)
                     + b" /Dest [" + ref(page_ids[cpage]) + b" /XYZ null null null]")
                if j > 0:
                    d += b" /Prev " + ref(kids[j - 1])
                if j + 1 < len(kids):
                    d += b" /Next " + ref(kids[j + 1])
                objs[kids[j] - 1] = d + b" >>"
            tops.append((tid, title, page, kids))
        for j, (tid, title, page, kids) in enumerate(tops):
            d = (b"<< /Title " + text_string(title) + b" /Parent " + ref(outline_root)
                 + b" /Dest [" + ref(page_ids[page]) + b" /XYZ null null null]")
            if j > 0:
                d += b" /Prev " + ref(tops[j - 1][0])
            if j + 1 < len(tops):
                d += b" /Next " + ref(tops[j + 1][0])
            if kids:
                d += b" /First " + ref(kids[0]) + b" /Last " + ref(kids[-1]) + b" /Count %d" % len(kids)
            objs[tid - 1] = d + b" >>"
        objs[outline_root - 1] = (b"<< /Type /Outlines /First " + ref(tops[0][0]) + b" /Last "
                                  + ref(tops[-1][0]) + b" /Count %d >>" % len(tops))

    cat = b"<< /Type /Catalog /Pages " + ref(pages_id)
    if outline_root:
        cat += b" /Outlines " + ref(outline_root) + b" /PageMode /UseOutlines"
    objs[catalog - 1] = cat + b" >>"
    info_id = None
    if info:
        info_id = add(b"<< " + b" ".join(b"/" + k.encode() + b" " + text_string(v)
                                         for k, v in sorted(info.items())) + b" >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    # The ID is derived from the content so the same script gives the same bytes.
    fid = hashlib.md5(bytes(out)).hexdigest().upper().encode()
    out += b"trailer\n<< /Size %d /Root " % (len(objs) + 1) + ref(catalog)
    if info_id:
        out += b" /Info " + ref(info_id)
    out += b" /ID [<" + fid + b"> <" + fid + b">] >>\nstartxref\n%d\n%%%%EOF\n" % xref
    with open(sys.argv[1], "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
