#!/bin/sh
# bench/split.sh: the costs of claimpack's other outputs against the PDF.
#  1. build --split 10M of the 40-photo pack (bench/make-inputs.sh) against
#     one PDF of the same pack (goal: ratio <= 1.10);
#  2. build --text of a letter-only claim (tests/letter/eu.xml, as
#     bench/letter.sh) against its PDF (goal: ratio <= 0.5), R builds a
#     sample since one takes some milliseconds.
# Each pair runs alternately N times (default 3) in one go; prints the
# medians and the ratios, and that every part is within 10M.
#
#   bench/split.sh [N] [INPUTS]   from the build directory (needs ./claimpack)
# INPUTS defaults to $TMPDIR/claimpack-bench-inputs, made by
# bench/make-inputs.sh when missing. Needs bc.
set -eu
N=${1:-3}
R=${R:-20}
here=$(cd "$(dirname "$0")/.." && pwd)
IN=${2:-${TMPDIR:-/tmp}/claimpack-bench-inputs}
CLAIMPACK=${CLAIMPACK:-$(pwd)/claimpack}
command -v bc >/dev/null || { echo "bc not found (apt-get install bc)" >&2; exit 1; }
[ -x "$CLAIMPACK" ] || { echo "$CLAIMPACK not found: run from the build directory" >&2; exit 1; }
[ -f "$IN/claim.xml" ] || sh "$here/bench/make-inputs.sh" "$IN"

W=$(mktemp -d "${TMPDIR:-/tmp}/claimpack-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export XDG_CONFIG_HOME="$W/config" SOURCE_DATE_EPOCH=1793577600
cp "$here/tests/letter/eu.xml" "$W/letter.xml"

. "$here/bench/lib.sh"
fail() { cat "$W/err" >&2; exit 1; }
one() { rm -f "$W"/one.pdf; "$CLAIMPACK" build -q -o "$W/one.pdf" "$IN/claim.xml" 2>"$W/err" || fail; }
parts() { rm -f "$W"/part-*.pdf; "$CLAIMPACK" build -q --split 10M -o "$W/part.pdf" "$IN/claim.xml" 2>"$W/err" || fail; }
pdf() {
    k=0
    while [ "$k" -lt "$R" ]; do
        "$CLAIMPACK" build -q --force -o "$W/letter.pdf" "$W/letter.xml" 2>"$W/err" || fail
        k=$((k + 1))
    done
}
text() {
    k=0
    while [ "$k" -lt "$R" ]; do
        "$CLAIMPACK" build -q --force --text -o "$W/letter.txt" "$W/letter.xml" 2>"$W/err" || fail
        k=$((k + 1))
    done
}
one; parts; pdf; text   # warm the page cache
for f in a b c d; do : >"$W/$f"; done
i=0
while [ "$i" -lt "$N" ]; do
    t0=$(now); one; t1=$(now); parts; t2=$(now); pdf; t3=$(now); text; t4=$(now)
    echo "$t1 - $t0" | bc >>"$W/a"
    echo "$t2 - $t1" | bc >>"$W/b"
    echo "$t3 - $t2" | bc >>"$W/c"
    echo "$t4 - $t3" | bc >>"$W/d"
    i=$((i + 1))
done
a=$(median "$W/a"); b=$(median "$W/b"); c=$(median "$W/c"); d=$(median "$W/d")
n=$(ls "$W"/part-*.pdf | wc -l)
big=$(wc -c "$W"/part-*.pdf | awk '$2 != "total" && $1 > m { m = $1 } END { print m }')
printf 'one PDF of the pack:            %6.2f s  %d bytes\n' "$a" "$(wc -c <"$W/one.pdf")"
printf 'build --split 10M:              %6.2f s  %d parts, the largest %d bytes\n' "$b" "$n" "$big"
printf 'ratio (goal <= 1.10):           %6.2f\n' "$(echo "$b / $a" | bc -l)"
printf 'the letter as a PDF, %d builds: %6.3f s\n' "$R" "$c"
printf 'build --text, %d builds:        %6.3f s\n' "$R" "$d"
printf 'ratio (goal <= 0.5):            %6.2f\n' "$(echo "$d / $c" | bc -l)"
# The machine is shared: a ratio means something only with its load.
printf 'load average (1, 5, 15 min):    %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$big" -le $((10 * 1048576)) ]; then
    echo "every part within 10M: yes"
else
    echo "every part within 10M: NO" >&2
    exit 1
fi
