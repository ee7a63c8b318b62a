#!/usr/bin/env python3
"""tests/hostile-pdf.py KIND N OUT: write a one-page PDF built to nest deeply.

  tree N        the page sits under N nested /Pages nodes
  chain N       the page's /PieceInfo starts a chain of N dictionaries, each
                pointing to the next (/Next M 0 R)
  array-chain N the same chain through arrays ([M 0 R])
  inherited N   the chain hangs from the page tree's /Resources, which the
                page inherits

Everything else about the file is sound (qpdf --check finds no error), so a
reader that refuses it refuses it for its structure alone.
"""
import sys


def write(path, objs):
    """objs[i] is the body of object i + 1."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def chain(first, n, arrays):
    """Objects first .. first + n - 1, each pointing to the next."""
    objs = []
    for i in range(n):
        nxt = first + i + 1
        if i + 1 == n:
            objs.append(b"[ ]" if arrays else b"<< >>")
        elif arrays:
            objs.append(b"[ %d 0 R ]" % nxt)
        else:
            objs.append(b"<< /Next %d 0 R >>" % nxt)
    return objs


def main():
    kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    content = b"<< /Length 0 >>\nstream\n\nendstream"
    page = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 200 200] /Contents %d 0 R%s >>"
    if kind == "tree":
        # 1 catalog, 2 .. n + 1 the /Pages nodes, n + 2 the page, n + 3 its content
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
        for d in range(n):
            me = 2 + d
            parent = b" /Parent %d 0 R" % (me - 1) if d > 0 else b""
            objs.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (me + 1, parent))
        objs.append(page % (n + 1, n + 3, b""))
        objs.append(content)
    elif kind in ("chain", "array-chain", "inherited"):
        res = b" /Resources << /Properties << /P0 5 0 R >> >>" if kind == "inherited" else b""
        extra = b"" if kind == "inherited" else b" /PieceInfo 5 0 R"
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1%s >>" % res,
                page % (2, 4, extra),
                content]
        objs += chain(5, n, kind == "array-chain")
    else:
        sys.exit("hostile-pdf.py: unknown kind " + kind)
    write(path, objs)


main()
