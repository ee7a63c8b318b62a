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
#   html-deep an HTML mail of replies quoted inside each other, a million
#             levels deep (500,000 messages, 42 MB): read from libxml2's
#             SAX events (mail.c); its tree took 543 MB
#   html-flat a flat HTML mail of 48 MB (4 MB of its text are set)
#
#   bench/memory.sh   from the build directory (needs ./claimpack); prints
#                     one line per input: peak RSS of check, build, img2pdf,
#                     and build / 256 MB. Needs python3, ImageMagick,
#                     jpegtran (libjpeg-turbo-progs), img2pdf, GNU time.
set -eu
CLAIMPACK=${CLAIMPACK:-$(pwd)/claimpack}
here=$(cd "$(dirname "$0")/.." && pwd)
for t in python3 convert jpegtran img2pdf /usr/bin/time; do
    command -v "$t" >/dev/null || { echo "$t not found (apt-get install python3 imagemagick libjpeg-turbo-progs img2pdf time)" >&2; exit 1; }
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
    for i in range(500000, 0, -1):
        f.write('<div>Message %d of the thread about order 1, 3 Nov</div><blockquote>' % i)
    f.write('</blockquote>' * 500000 + '</body></html>\n')
with open(f'{W}/html-flat.eml', 'w') as f:
    f.write(head)
    f.write(('<p>' + line.strip() + '</p>\n') * (48 * 1024 * 1024 // (len(line) + 7)))
    f.write('</body></html>\n')
PY
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
         html-deep:html-deep.eml:correspondence html-flat:html-flat.eml:correspondence; do
    name=${x%%:*} rest=${x#*:} file=${rest%%:*} kind=${rest#*:}
    claim "$file" "$kind"
    c=$(peak "$CLAIMPACK" check "$W/claim.xml")
    b=$(peak "$CLAIMPACK" build -q -o "$W/out.pdf" "$W/claim.xml")
    case $file in *.txt|*.eml) i=- ;; *) i=$(peak img2pdf "$W/$file" -o "$W/i.pdf") ;; esac
    mb=${b%% MB*}
    printf '%-8s %-16s %-16s %-16s %s\n' "$name" "$c" "$b" "$i" "$(echo "scale=2; $mb / 256" | bc)"
done
