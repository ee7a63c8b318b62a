#!/bin/sh
# bench/heic.sh: four phone photos in HEIC (an iPhone 11 Pro Max's, an
# iPhone 8 Plus's turned by irot, a Xiaomi's and an HMD Nokia's HDR one,
# from the corpus's heic/ folder) built into a claim pack, against what a
# person would do instead: heif-convert each photo to JPEG (quality 90, as
# claimpack writes them), img2pdf the JPEGs, qpdf the result. Both are run
# alternately N times (default 5); prints the medians, the ratio (goal
# <= 0.6) and claimpack's peak memory (goal <= 256 MB).
#
#   bench/heic.sh [N] [CORPUS]   from the build directory (needs ./claimpack)
# CORPUS defaults to ../shared/corpus beside the source tree. Needs
# heif-convert (libheif-examples), img2pdf, qpdf, GNU time, bc.
#
# Measured on two cores shared with other work (quote the ratio with
# uptime's load average), median of 5:
#   libheif asked for YCbCr 4:2:0 (before)      0.70 at load 10-11, peak 163 MB
#   its RGB planes taken as they are            0.65 at load 15-18 (0.78 before
#                                               at the same load), peak 124 MB
#   and image-heif.c's decoder plugin           0.59 at load 9-10, peak 116 MB;
#                                               0.60 at load 5-7 (N=7), 119 MB
# callgrind, the whole build: 16.7, 14.3 and 13.1 billion instructions;
# heif-convert's decode of the four photos alone is 16.2. What is left is
# libde265's decoding, the conversion to RGB (libheif's for the Nokia's,
# whose file gives its colours) and libjpeg.
set -eu
N=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${2:-$here/../shared/corpus}
CLAIMPACK=${CLAIMPACK:-$(pwd)/claimpack}
for t in heif-convert img2pdf qpdf /usr/bin/time bc; do
    command -v "$t" >/dev/null || { echo "$t not found (apt-get install libheif-examples img2pdf qpdf time bc)" >&2; exit 1; }
done
[ -x "$CLAIMPACK" ] || { echo "$CLAIMPACK not found: run from the build directory" >&2; exit 1; }
PHOTOS="IMG_5195.HEIC arrow.heic xiaomi.heic HMD_Nokia_8.3_5G_hdr.heif"
for p in $PHOTOS; do
    [ -f "$CORPUS/heic/$p" ] || { echo "$CORPUS/heic/$p not found (give the corpus folder)" >&2; exit 1; }
done

W=$(mktemp -d "${TMPDIR:-/tmp}/claimpack-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export XDG_CONFIG_HOME="$W/config"
mkdir "$W/in"
docs=
for p in $PHOTOS; do
    ln -s "$CORPUS/heic/$p" "$W/in/$p"
    docs="$docs    <document kind=\"photo\" file=\"$p\"/>
"
done
cat >"$W/in/claim.xml" <<X
<?xml version="1.0" encoding="UTF-8"?>
<claim version="1" type="defective" lang="en" jurisdiction="EU" date="2026-11-02">
  <claimant><name>Test Person</name><address>Street 1
1000 AA Town</address><email>t@example.org</email></claimant>
  <recipient><name>Shop</name><address>Road 2
2000 BB City</address></recipient>
  <order number="111-2222222-3333333" placed="2026-10-02" delivered="2026-10-05"
         marketplace="amazon.nl"><product price="10.00" currency="EUR">Thing</product></order>
  <problem><summary>It broke.</summary><fact>It broke.</fact></problem>
  <resolution kind="refund" amount="10.00" currency="EUR">Refund.</resolution>
  <evidence>
$docs  </evidence>
</claim>
X

. "$here/bench/lib.sh"
ours() {
    /usr/bin/time -f %M -o "$W/mem" "$CLAIMPACK" build -q --force -o "$W/ours.pdf" \
        "$W/in/claim.xml" 2>"$W/err" || { cat "$W/err" >&2; exit 1; }
}
theirs() {
    for p in $PHOTOS; do
        heif-convert -q 90 "$W/in/$p" "$W/$p.jpg" >/dev/null
    done
    img2pdf "$W"/*.jpg -o "$W/p.pdf"
    qpdf "$W/p.pdf" "$W/theirs.pdf"
}
ours; theirs    # warm the page cache
alternate "$N"
a=$(median "$W/a"); b=$(median "$W/b"); m=$(median "$W/m")
printf 'claimpack build:               %6.2f s  peak %d MB  %d bytes\n' "$a" $((m / 1024)) "$(wc -c <"$W/ours.pdf")"
printf 'heif-convert + img2pdf + qpdf: %6.2f s  %d bytes\n' "$b" "$(wc -c <"$W/theirs.pdf")"
printf 'ratio (goal <= 0.6):           %6.2f\n' "$(echo "$a / $b" | bc -l)"
printf 'peak memory (goal <= 256 MB):  %6d MB\n' $((m / 1024))
