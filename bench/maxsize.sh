#!/bin/sh
# bench/maxsize.sh: build --max-size 10M of the 40-photo pack
# against Ghostscript's /ebook preset downsampling the same 40 photos
# (gs -sDEVICE=pdfwrite -dPDFSETTINGS=/ebook on their img2pdf PDF, A4
# landscape pages as claimpack lays them out, made once beforehand). Both
# are run alternately N times (default 3) in one go; prints the medians, the
# ratio (goal <= 0.25), both output sizes and that ours is within 10M.
#
#   bench/maxsize.sh [N] [INPUTS]   from the build directory (needs ./claimpack)
# INPUTS defaults to $TMPDIR/claimpack-bench-inputs, made by
# bench/make-inputs.sh when missing. Needs img2pdf, gs, pdfimages, bc.
set -eu
N=${1:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
IN=${2:-${TMPDIR:-/tmp}/claimpack-bench-inputs}
CLAIMPACK=${CLAIMPACK:-$(pwd)/claimpack}
MAX=10M
MAX_BYTES=$((10 * 1048576))
for t in img2pdf gs pdfimages bc; do
    command -v "$t" >/dev/null || { echo "$t not found (apt-get install img2pdf ghostscript poppler-utils bc)" >&2; exit 1; }
done
[ -x "$CLAIMPACK" ] || { echo "$CLAIMPACK not found: run from the build directory" >&2; exit 1; }
[ -f "$IN/claim.xml" ] || sh "$here/bench/make-inputs.sh" "$IN"

W=$(mktemp -d "${TMPDIR:-/tmp}/claimpack-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export XDG_CONFIG_HOME="$W/config"

# Fitted into A4 landscape pages, so that /ebook (150 dpi above 225 dpi)
# has to downsample them, as claimpack does.
img2pdf --pagesize 'A4^T' "$IN"/photos/*.jpg -o "$W/photos.pdf"

. "$here/bench/lib.sh"
ours() {
    "$CLAIMPACK" build -q --max-size "$MAX" -o "$W/ours.pdf" "$IN/claim.xml" 2>"$W/err" ||
        { cat "$W/err" >&2; exit 1; }
}
theirs() {
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -dPDFSETTINGS=/ebook \
        -sOutputFile="$W/gs.pdf" "$W/photos.pdf"
}
alternate "$N"
a=$(median "$W/a"); b=$(median "$W/b")
ours_bytes=$(wc -c <"$W/ours.pdf")
# The photos' resolution in our PDF: the most common x-ppi of the JPEG images.
ppi=$(pdfimages -list "$W/ours.pdf" 2>/dev/null | awk 'NR > 2 && $9 == "jpeg" { n[$13]++ }
      END { for (k in n) if (n[k] > best) { best = n[k]; v = k } print v }')
printf 'claimpack build --max-size %s: %6.2f s  %d bytes (photos at %s ppi)\n' "$MAX" "$a" "$ours_bytes" "$ppi"
printf 'gs /ebook on the 40 photos:    %6.2f s  %d bytes\n' "$b" "$(wc -c <"$W/gs.pdf")"
printf 'ratio (goal <= 0.25):          %6.2f\n' "$(echo "$a / $b" | bc -l)"
if [ "$ours_bytes" -le "$MAX_BYTES" ]; then
    echo "within $MAX ($MAX_BYTES bytes): yes"
else
    echo "within $MAX ($MAX_BYTES bytes): NO"
    exit 1
fi
