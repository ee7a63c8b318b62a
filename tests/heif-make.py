#!/usr/bin/env python3
"""tests/heif-make.py OUT SRC W H [OPTION...]: write a HEIC file around the
coded picture of SRC (a one-picture HEIC, as heif-enc writes it), as a phone
lays its photos out, which heif-enc 1.15 cannot:

  (none)        one picture of W x H (SRC's own size)
  grid=T        a grid of W x H of SRC's T x T picture repeated, the last
                row and column cut to fit (an iPhone's 512x512 tiles)
  irot=DEG      turned DEG degrees counter-clockwise (90, 180, 270)
  imir=AXIS     mirrored (0: top to bottom, 1: left to right), after irot
  nclx=M,F      the file's own colours: matrix M, full range F (0 or 1),
                BT.709 primaries and transfer

The properties go with the primary picture (the grid, not its tiles), in
the order given. The coded data is SRC's, so the file decodes to what SRC
decodes to, transformed.
"""
import struct
import sys


def boxes(b, pos=0, end=None):
    end = len(b) if end is None else end
    while pos + 8 <= end:
        n, t = struct.unpack('>I4s', b[pos:pos + 8])
        yield t.decode(), pos, pos + n
        pos += n


def box(t, d):
    return struct.pack('>I4s', 8 + len(d), t.encode()) + d


def full(t, v, f, d):
    return box(t, struct.pack('>I', v << 24 | f) + d)


def source(f):
    """SRC's hvcC and the coded data of its first item."""
    meta = next((s, e) for t, s, e in boxes(f) if t == 'meta')
    hvcc = data = None
    for t, s, e in boxes(f, meta[0] + 12, meta[1]):
        if t == 'iprp':
            for t2, s2, e2 in boxes(f, s + 8, e):
                for t3, s3, e3 in boxes(f, s2 + 8, e2) if t2 == 'ipco' else ():
                    if t3 == 'hvcC':
                        hvcc = f[s3 + 8:e3]
        if t == 'iloc':
            v, p = f[s + 8], s + 12
            osz, lsz, bsz = f[p] >> 4, f[p] & 15, f[p + 1] >> 4
            isz = f[p + 1] & 15 if v else 0
            p += 4

            def rd(n):
                nonlocal p
                p += n
                return int.from_bytes(f[p - n:p], 'big')
            rd(2)                       # item_ID
            if v:
                rd(2)                   # construction_method
            rd(2)                       # data_reference_index
            base = rd(bsz)
            rd(2)                       # extent_count
            rd(isz)
            off, ln = rd(osz), rd(lsz)
            data = f[base + off:base + off + ln]
    return hvcc, data


def main():
    out, src, w, h = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    opts = [a.split('=', 1) for a in sys.argv[5:]]
    hvcc, data = source(open(src, 'rb').read())
    tile = next((int(v) for k, v in opts if k == 'grid'), 0)
    ids, payload = [], [data]
    if tile:
        cols, rows = (w + tile - 1) // tile, (h + tile - 1) // tile
        ids = list(range(2, 2 + cols * rows))
        payload = [struct.pack('>BBBBHH', 0, 0, rows - 1, cols - 1, w, h)] + [data] * len(ids)
    # ipco: 1 hvcC, 2 the tiles' ispe, 3 the primary picture's, then the options'
    props = [box('hvcC', hvcc), full('ispe', 0, 0, struct.pack('>II', tile, tile)),
             full('ispe', 0, 0, struct.pack('>II', w, h))]
    own = [3] if tile else [0x81, 3]
    for k, v in opts:
        if k == 'irot':
            props.append(box('irot', bytes([int(v) // 90])))
        elif k == 'imir':
            props.append(box('imir', bytes([int(v)])))
        elif k == 'nclx':
            m, fr = (int(x) for x in v.split(','))
            props.append(box('colr', b'nclx' + struct.pack('>HHHB', 1, 1, m, fr << 7)))
        else:
            continue
        own.append(0x80 | len(props))
    ent = [struct.pack('>HB', 1, len(own)) + bytes(own)]
    ent += [struct.pack('>HBBB', i, 2, 0x81, 2) for i in ids]
    ipma = full('ipma', 0, 0, struct.pack('>I', len(ent)) + b''.join(ent))
    infe = [full('infe', 2, 0, struct.pack('>HH4s', 1, 0, b'grid' if tile else b'hvc1') + b'\0')]
    infe += [full('infe', 2, 1, struct.pack('>HH4s', i, 0, b'hvc1') + b'\0') for i in ids]
    iinf = full('iinf', 0, 0, struct.pack('>H', len(infe)) + b''.join(infe))
    iref = b''
    if tile:
        iref = full('iref', 0, 0, box('dimg', struct.pack('>HH', 1, len(ids)) +
                                      b''.join(struct.pack('>H', i) for i in ids)))
    hdlr = full('hdlr', 0, 0, struct.pack('>I4s12s', 0, b'pict', b'') + b'\0')
    pitm = full('pitm', 0, 0, struct.pack('>H', 1))
    ftyp = box('ftyp', b'heic' + struct.pack('>I', 0) + b'mif1heic')

    def head(start):
        items, o = [], start
        for i, d in zip([1] + ids, payload):
            items.append(struct.pack('>HHHII', i, 0, 1, o, len(d)))
            o += len(d)
        iloc = full('iloc', 0, 0, struct.pack('>BBH', 0x44, 0, len(items)) + b''.join(items))
        iprp = box('iprp', box('ipco', b''.join(props)) + ipma)
        return ftyp + full('meta', 0, 0, hdlr + pitm + iloc + iinf + iref + iprp)

    start = len(head(0)) + 8
    with open(out, 'wb') as f:
        f.write(head(start) + box('mdat', b''.join(payload)))


main()
