#!/bin/sh
# bench/pack.sh: the evidence pack against what a person would do
# instead: img2pdf on the photos, img2pdf on the screenshots, qpdf to merge
# them with the invoice. Both are run alternately N times (default 3) in one
# go; prints the medians, the ratio (goal <= 0.5), claimpack's peak memory
# (goal <= 64 MB) and the output size against the inputs (goal <= +1 %).
#
#   bench/pack.sh [N] [INPUTS]   from the build directory (needs ./claimpack)
# INPUTS defaults to $TMPDIR/claimpack-bench-inputs, made by
# bench/make-inputs.sh when missing (40 photos 4000x3000, 10 screenshots
# 2560x1440, an invoice; about a minute). Needs img2pdf, qpdf, GNU time.
#
# Nearly all of claimpack's CPU time here is checking the pictures as check
# does: the walk over the 40 photos' Huffman codes (jpeg-scan.c, about 0.75 s,
# where libjpeg's decode took 1.9 s; callgrind of one photo's check 102
# million instructions) and the 10 screenshots' compressed rows
# inflated and checked (0.4 s, where libpng's decode took 0.7 s:
# image-png.c); 1.75-1.9 s of user and system time in all, against the other
# tools' 2.7-3.6 s. The pictures are checked on every core (imagestore.c), so
# the ratio falls with idle cores and nears that of the CPU times (about 0.6)
# on a busy machine; on two cores the checks alone keep it above 0.3.
# Little of the build leaves a core idle: the pictures are prepared from
# before the typesetting on (build.c, cp_imgprep_start), and the PDF goes
# to disk as it is written, so the fsync before the rename waits for its
# last 16 MB only (cp_output_writeback). What is left on one core is the
# start: the claim read and the files' headers checked (about 0.07 s,
# strace -f -tt), before the hashing (both cores, 0.1 s).
# Medians of 5 runs on an idle two-core machine: 0.35-0.38 (1.02-1.28 s
# against 2.69-3.65 s); at a load of 6, 0.7-0.8, the ratio of the CPU
# times. callgrind of the build: 19.1 billion
# instructions, SHA-256 10.9 of them (under valgrind nettle cannot use the
# SHA instructions it uses natively, where a pass over the pictures takes
# 0.15 s).
set -eu
N=${1:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
IN=${2:-${TMPDIR:-/tmp}/claimpack-bench-inputs}
CLAIMPACK=${CLAIMPACK:-$(pwd)/claimpack}
for t in img2pdf qpdf /usr/bin/time bc; do
    command -v "$t" >/dev/null || { echo "$t not found (apt-get install img2pdf qpdf time bc)" >&2; exit 1; }
done
[ -x "$CLAIMPACK" ] || { echo "$CLAIMPACK not found: run from the build directory" >&2; exit 1; }
[ -f "$IN/claim.xml" ] || sh "$here/bench/make-inputs.sh" "$IN"

W=$(mktemp -d "${TMPDIR:-/tmp}/claimpack-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export XDG_CONFIG_HOME="$W/config"

. "$here/bench/lib.sh"
ours() {
    /usr/bin/time -f %M -o "$W/mem" "$CLAIMPACK" build -q -o "$W/ours.pdf" "$IN/claim.xml" 2>"$W/err" ||
        { cat "$W/err" >&2; exit 1; }
}
theirs() {
    img2pdf "$IN"/photos/*.jpg -o "$W/p.pdf"
    img2pdf "$IN"/screenshots/*.png -o "$W/s.pdf"
    qpdf --empty --pages "$W/p.pdf" "$W/s.pdf" "$IN/invoice.pdf" -- "$W/theirs.pdf"
}
ours; theirs    # warm the page cache
alternate "$N"
a=$(median "$W/a"); b=$(median "$W/b"); m=$(median "$W/m")
in_bytes=$(cat "$IN"/photos/*.jpg "$IN"/screenshots/*.png "$IN/invoice.pdf" | wc -c)
out_bytes=$(wc -c <"$W/ours.pdf")
printf 'claimpack build:               %6.2f s  peak %d MB  %d bytes\n' "$a" $((m / 1024)) "$out_bytes"
printf 'img2pdf + img2pdf + qpdf:      %6.2f s  %d bytes\n' "$b" "$(wc -c <"$W/theirs.pdf")"
printf 'ratio (goal <= 0.5):           %6.2f\n' "$(echo "$a / $b" | bc -l)"
printf 'peak memory (goal <= 64 MB):   %6d MB\n' $((m / 1024))
printf 'output / inputs (goal <= 1.01): %6.4f\n' "$(echo "$out_bytes / $in_bytes" | bc -l)"
