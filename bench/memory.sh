#!/bin/sh
# bench/memory.sh: peak memory of check and build on the largest inputs the
# limits admit, against the 256 MB a build may take, and against img2pdf
# (what a person would use instead) where it reads the file:
#
#   png16     a 50-megapixel 16-bit RGBA PNG (7071x7071, 389 KB of zeros):
#             decoded and deflated row by row (image-png.c, imagestore.c)
#   png16-i   the same, interlaced: refused, more than 160 MB decoded
#   png8-i    an interlaced 50-megapixel 8-bit RGB PNG: 150 MB, admitted
#   jpeg-p    a progressive 49-megapixel JPEG of 97 scans (libjpeg holds
#             its coefficients whole)
#   text      4 MB of text, the most a text file may hold (988 pages)
#   html-deep an HTML mail of replies quoted inside each other, 160,000
#             levels deep (80,000 messages, 6.7 MB, just under the 4 MB of
#             text an e-mail may have): read from libxml2's SAX events
#             (mail.c); a million levels (42 MB) took 543 MB as its tree
#   html-flat a flat HTML mail of 48 MB whose text is just under 4 MB, the
#             most an e-mail's text may be (more is refused)
#   webp      a 7000x7000 lossy WebP (49 megapixels): libwebp decodes it
#             whole into one RGB buffer, handed out row by row
#   webp-ll   a 5200x5200 lossless WebP (9 KB): libwebp holds 4 bytes a
#             pixel of its own and 3 of output, 189 MB, just under the 200
#             MB such a picture may take with its file (the same picture
#             compressed with -z 0 is a 27 MB file, over it, and refused)
#   webp-llx  a 7000x7000 lossless WebP: refused, over the bound
#   tiff      a 7000x7000 RGB TIFF (Deflate, strips of 64 rows): decoded a
#             band of strips at a time
#   tiff-4    four such pages in one file (196 megapixels)
#   gif       a 7000x7000 GIF: its first frame held as one byte a pixel
#   bmp24     a 7000x7000 24-bit BMP (147 MB), decoded a row at a time
#   bmp32     a 7000x7000 32-bit BMP with alpha (196 MB, under the 200 MB
#             a file may be)
#   heic      a 7000x7000 HEIC (heif-enc), decoded whole by libheif, its
#             decoder freed before the RGB planes are made (image-heif.c)
#   heic-max  the same built with --max-size 300K (its rows from the same
#             planes, not an interleaved copy)
#   heic-turn the same picture laid out by tests/heif-make.py turned a
#             quarter (irot) with colours of its own (nclx): the turn
#             applied as the planes are read, not to a copy
#   heic-grid an iPhone's layout: a 7000x7000 grid of 512x512 tiles,
#             turned three quarters
#   heic-mir  the picture turned and mirrored (imir): left to libheif,
#             which copies it, so refused by the reckoning
#   avif      the same as AVIF: refused, over the bound
#   avif-b    a 5400x5400 AVIF, just under the bound
#   png-n     a 7000x7000 RGBA PNG of noise (196 MB, stored): its deflated
#             colour and mask, as large as the file, set aside in a scratch
#             file past 8 MB (imagestore.c, zsink) instead of held
#   png16-n   a 5100x5100 16-bit RGBA PNG of noise (208 MB, the most a file
#             may be)
#   rgb-n     a 7000x7000 RGB PNG of noise (147 MB): its rows pass through,
#             written from the file's bytes, not a copy
#   bmp24-n   a 7000x7000 24-bit BMP of noise (147 MB)
#   webp-n    a 7000x7000 lossy WebP of noise (40 MB): our JPEG encoder's
#             output goes to the picture's stream, which spills, as it comes
#   arith-n   a 7000x7000 arithmetic-coded JPEG of noise (16 MB): decoded a
#             row at a time into its deflated stream
#   jpeg-444p a progressive 7000x7000 JPEG without subsampling: refused, its
#             coefficients (2 bytes a sample) over the 200 MB bound
#   chat-bmp  a WhatsApp .zip (43 MB, deflated) holding a 7000x7000 32-bit
#             BMP of coarse noise, read from the archive whole and deflated
#             anew
#
#   bench/memory.sh   from the build directory (needs ./claimpack); prints
#                     one line per input: peak RSS of check, build, img2pdf,
#                     and build / 256 MB. Needs python3, ImageMagick,
#                     jpegtran (libjpeg-turbo-progs), img2pdf, GNU time,
#                     cwebp (webp), heif-enc (libheif-examples), bc.
set -eu
CLAIMPACK=${CLAIMPACK:-$(pwd)/claimpack}
here=$(cd "$(dirname "$0")/.." && pwd)
for t in python3 convert jpegtran cjpeg img2pdf /usr/bin/time cwebp heif-enc bc; do
    command -v "$t" >/dev/null || { echo "$t not found (apt-get install python3 imagemagick libjpeg-turbo-progs img2pdf time webp libheif-examples bc)" >&2; exit 1; }
done
[ -x "$CLAIMPACK" ] || { echo "$CLAIMPACK not found: run from the build directory" >&2; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/claimpack-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export XDG_CONFIG_HOME="$W/config"

python3 - "$W" <<'PY'
import struct, sys, zlib
W = sys.argv[1]
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
def png(name, w, h, depth, ctype, channels, interlace):
    c = zlib.compressobj(9)
    out = []
    px = channels * depth // 8
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
              (0, 1, 1, 2)] if interlace else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        pw, ph = (w - x0 + dx - 1) // dx, (h - y0 + dy - 1) // dy
        if pw > 0 and ph > 0:
            row = b'\0' + bytes(pw * px)
            out += [c.compress(row) for _ in range(ph)]
    out.append(c.flush())
    data = (b'\x89PNG\r\n\x1a\n' +
            chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, depth, ctype, 0, 0, interlace)) +
            chunk(b'IDAT', b''.join(out)) + chunk(b'IEND', b''))
    open(f'{W}/{name}', 'wb').write(data)
png('png16.png', 7071, 7071, 16, 6, 4, 0)
png('png16-i.png', 7071, 7071, 16, 6, 4, 1)
png('png8-i.png', 7071, 7071, 8, 2, 3, 1)
line = 'The seller wrote back on 3 November and again on 5 November; nothing was sent.\n'
open(f'{W}/text.txt', 'w').write(line * (4 * 1024 * 1024 // len(line)))
s = ['0,1,2: 0-0, 0, 0;'] + [f'{c}: {k}-{min(k + 1, 63)}, 0, 0;' for c in (0, 1, 2) for k in range(1, 64, 2)]
open(f'{W}/scans.txt', 'w').write('\n'.join(s[:100]) + '\n')
head = ('From: Seller <seller@example.com>\nSubject: Re: your order\nMIME-Version: 1.0\n'
        'Content-Type: text/html; charset=utf-8\n\n<html><body>')
with open(f'{W}/html-deep.eml', 'w') as f:
    f.write(head)
    for i in range(80000, 0, -1):
        f.write('<div>Message %d of the thread about order 1, 3 Nov</div><blockquote>' % i)
    f.write('</blockquote>' * 80000 + '</body></html>\n')
with open(f'{W}/html-flat.eml', 'w') as f:
    f.write(head)
    n = 4 * 1024 * 1024 // (len(line) + 2) - 1000   # a blank line between paragraphs
    pad = ' ' * (48 * 1024 * 1024 // n - len(line) - 40)
    f.write(('<p class="msg" title="%s">' % pad + line.strip() + '</p>\n') * n)
    f.write('</body></html>\n')
# 7000x7000 pictures: a gradient, so that the compressors have some work.
import struct
side = 7000
def rows(w, h, ch):
    for y in range(h):
        v = y * 255 // h
        yield bytes([v, 0x50, 255 - v, 0x80][:ch]) * w
with open(f'{W}/pic.ppm', 'wb') as f:
    f.write(b'P6\n%d %d\n255\n' % (side, side))
    for r in rows(side, side, 3):
        f.write(r)
with open(f'{W}/ll.ppm', 'wb') as f:
    f.write(b'P6\n5200 5200\n255\n')
    for r in rows(5200, 5200, 3):
        f.write(r)
def bmp(name, bits):
    ch = bits // 8
    stride = (side * ch + 3) & ~3
    hs = 40 if bits == 24 else 56
    with open(f'{W}/{name}', 'wb') as f:
        f.write(b'BM' + struct.pack('<IHHI', 14 + hs + stride * side, 0, 0, 14 + hs))
        f.write(struct.pack('<IiiHHIIiiII', hs, side, side, 1, bits, 0 if bits == 24 else 3,
                            stride * side, 2835, 2835, 0, 0))
        if bits == 32:
            f.write(struct.pack('<4I', 0xFF0000, 0xFF00, 0xFF, 0xFF000000))
        for r in rows(side, side, ch):
            f.write(r + bytes(stride - len(r)))
bmp('bmp24.bmp', 24)
bmp('bmp32.bmp', 32)
def tiff(name, pages):
    per = 64
    out = bytearray(b'II*\0\0\0\0\0')
    prev = 4
    strips = []
    it = rows(side, side, 3)
    for y in range(0, side, per):
        strips.append(zlib.compress(b''.join(next(it) for _ in range(min(per, side - y))), 6))
    for _ in range(pages):
        offs = []
        for st in strips:
            offs.append(len(out)); out += st
        n = len(strips)
        so = len(out); out += struct.pack(f'<{n}I', *offs)
        sc = len(out); out += struct.pack(f'<{n}I', *[len(st) for st in strips])
        bps = len(out); out += struct.pack('<3H', 8, 8, 8)
        if len(out) % 2:
            out += b'\0'
        tags = [(256, 4, 1, side), (257, 4, 1, side), (258, 3, 3, bps), (259, 3, 1, 8),
                (262, 3, 1, 2), (273, 4, n, so), (277, 3, 1, 3), (278, 4, 1, per), (279, 4, n, sc)]
        out[prev:prev + 4] = struct.pack('<I', len(out))
        out += struct.pack('<H', len(tags))
        for t, ty, c, v in tags:
            out += struct.pack('<HHI', t, ty, c) + (struct.pack('<HH', v, 0) if ty == 3 and c == 1
                                                     else struct.pack('<I', v))
        prev = len(out); out += b'\0\0\0\0'
    open(f'{W}/{name}', 'wb').write(out)
tiff('tiff.tiff', 1)
tiff('tiff-4.tiff', 4)
PY
cwebp -quiet -q 80 "$W/pic.ppm" -o "$W/webp.webp"
cwebp -quiet -lossless "$W/ll.ppm" -o "$W/webp-ll.webp"
cwebp -quiet -lossless -z 0 "$W/pic.ppm" -o "$W/webp-llx.webp"
convert "$W/pic.ppm" -colors 64 "$W/gif.gif"
convert "$W/pic.ppm" "$W/pic.png"
heif-enc -q 50 "$W/pic.png" -o "$W/heic.heic" >/dev/null
heif-enc -A -q 50 "$W/pic.png" -o "$W/avif.avif" >/dev/null
convert "$W/pic.png" -crop 5400x5400+0+0 "$W/pic-b.png"
heif-enc -A -q 50 "$W/pic-b.png" -o "$W/avif-b.avif" >/dev/null
convert "$W/pic.png" -crop 512x512+0+3000 "$W/tile.png"
heif-enc -q 50 "$W/tile.png" -o "$W/tile.heic" >/dev/null
python3 "$here/tests/heif-make.py" "$W/heic-turn.heic" "$W/heic.heic" 7000 7000 irot=90 nclx=1,1
python3 "$here/tests/heif-make.py" "$W/heic-grid.heic" "$W/tile.heic" 7000 7000 grid=512 irot=270
python3 "$here/tests/heif-make.py" "$W/heic-mir.heic" "$W/heic.heic" 7000 7000 irot=90 imir=1
python3 - "$W" <<'PY'
import random, struct, sys, zipfile
W, side = sys.argv[1], 7000
random.seed(1)
stride = side * 4
rows = [bytes(random.choice((0x40, 0x41)) for _ in range(stride)) for _ in range(64)]
with open(f'{W}/IMG-0001.bmp', 'wb') as f:
    f.write(b'BM' + struct.pack('<IHHI', 70 + stride * side, 0, 0, 70))
    f.write(struct.pack('<IiiHHIIiiII', 56, side, side, 1, 32, 3, stride * side, 2835, 2835, 0, 0))
    f.write(struct.pack('<4I', 0xFF0000, 0xFF00, 0xFF, 0xFF000000))
    for y in range(side):
        f.write(rows[random.randrange(64)])
with zipfile.ZipFile(f'{W}/chat.zip', 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    z.writestr('_chat.txt', '[20.06.19, 16:00:15] A. Buyer: <attached: IMG-0001.bmp>\n'
                            '[20.06.19, 16:00:19] Shop: The kettle is broken.\n')
    z.write(f'{W}/IMG-0001.bmp', 'IMG-0001.bmp')
PY
rm -f "$W/IMG-0001.bmp" "$W/pic-b.png" "$W/tile.png"
python3 - "$W" <<'PY'
import os, struct, sys, zlib
W = sys.argv[1]
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
def noise_png(name, side, depth, ctype, bytes_px):
    with open(f'{W}/{name}', 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', side, side, depth, ctype, 0, 0, 0)))
        c, out = zlib.compressobj(0), b''
        for _ in range(side):
            out += c.compress(b'\0' + os.urandom(side * bytes_px))
            if len(out) >= 1 << 20:
                f.write(chunk(b'IDAT', out))
                out = b''
        f.write(chunk(b'IDAT', out + c.flush()) + chunk(b'IEND', b''))
noise_png('png-n.png', 7000, 8, 6, 4)
noise_png('png16-n.png', 5100, 16, 6, 8)
noise_png('rgb-n.png', 7000, 8, 2, 3)
stride = (7000 * 3 + 3) & ~3
with open(f'{W}/bmp24-n.bmp', 'wb') as f:
    f.write(b'BM' + struct.pack('<IHHI', 54 + stride * 7000, 0, 0, 54))
    f.write(struct.pack('<IiiHHIIiiII', 40, 7000, 7000, 1, 24, 0, stride * 7000, 2835, 2835, 0, 0))
    for _ in range(7000):
        f.write(os.urandom(stride))
with open(f'{W}/noise.ppm', 'wb') as f:
    f.write(b'P6\n7000 7000\n255\n')
    for _ in range(7000):
        f.write(os.urandom(7000 * 3))
PY
cwebp -quiet -q 90 "$W/noise.ppm" -o "$W/webp-n.webp"
cjpeg -arithmetic -quality 50 "$W/noise.ppm" >"$W/arith-n.jpg"
rm -f "$W/noise.ppm"
cjpeg -sample 1x1 -progressive -quality 80 "$W/pic.ppm" >"$W/jpeg-444p.jpg"
rm -f "$W/pic.ppm" "$W/ll.ppm" "$W/pic.png"
convert -size 7000x7000 xc:'#806040' -type TrueColor -quality 30 "$W/base.jpg"
jpegtran -scans "$W/scans.txt" -outfile "$W/jpeg-p.jpg" "$W/base.jpg"
cp "$here/tests/fixtures/evidence/invoice.pdf" "$here/tests/fixtures/evidence/photo.jpg" "$W/"

claim() {   # claim FILE KIND
    cat >"$W/claim.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<claim version="1" type="defective" lang="en" date="2026-11-02">
  <claimant><name>A. Buyer</name><email>a@example.com</email></claimant>
  <recipient><name>Shop</name></recipient>
  <order number="1" placed="2026-10-01" delivered="2026-10-03"><product price="10.00" currency="EUR">Kettle</product></order>
  <problem><summary>It stopped heating.</summary><fact>The kettle no longer heats water.</fact></problem>
  <resolution kind="refund"/>
  <evidence><document kind="proof-of-purchase" file="invoice.pdf">Invoice</document>
  <document kind="photo" file="photo.jpg">Photo</document>
  <document kind="$2" file="$1">The file</document></evidence>
</claim>
XML
}
peak() {   # peak COMMAND...: peak RSS in MB, and the exit status
    /usr/bin/time -f %M -o "$W/mem" "$@" >/dev/null 2>&1 && st=0 || st=$?
    echo "$(( $(tail -1 "$W/mem") / 1024 )) MB (exit $st)"
}
printf '%-8s %-16s %-16s %-16s %s\n' input check build img2pdf "build/256MB"
for x in png16:png16.png:photo png16-i:png16-i.png:photo png8-i:png8-i.png:photo \
         jpeg-p:jpeg-p.jpg:photo text:text.txt:correspondence \
         html-deep:html-deep.eml:correspondence html-flat:html-flat.eml:correspondence \
         webp:webp.webp:photo webp-ll:webp-ll.webp:photo webp-llx:webp-llx.webp:photo \
         tiff:tiff.tiff:photo tiff-4:tiff-4.tiff:photo gif:gif.gif:photo \
         bmp24:bmp24.bmp:photo bmp32:bmp32.bmp:photo heic:heic.heic:photo \
         heic-max:heic.heic:photo heic-turn:heic-turn.heic:photo heic-grid:heic-grid.heic:photo \
         heic-mir:heic-mir.heic:photo avif:avif.avif:photo avif-b:avif-b.avif:photo \
         png-n:png-n.png:photo png16-n:png16-n.png:photo rgb-n:rgb-n.png:photo \
         bmp24-n:bmp24-n.bmp:photo webp-n:webp-n.webp:photo arith-n:arith-n.jpg:photo \
         jpeg-444p:jpeg-444p.jpg:photo \
         chat-bmp:chat.zip:correspondence; do
    name=${x%%:*} rest=${x#*:} file=${rest%%:*} kind=${rest#*:}
    claim "$file" "$kind"
    opt=$([ "$name" = heic-max ] && echo "--max-size 300K" || true)
    c=$(peak "$CLAIMPACK" check "$W/claim.xml")
    b=$(peak "$CLAIMPACK" build -q $opt -o "$W/out.pdf" "$W/claim.xml")
    case $file in *.txt|*.eml|*.zip) i=- ;; *) i=$(peak img2pdf "$W/$file" -o "$W/i.pdf") ;; esac
    mb=${b%% MB*}
    printf '%-8s %-16s %-16s %-16s %s\n' "$name" "$c" "$b" "$i" "$(echo "scale=2; $mb / 256" | bc)"
done
