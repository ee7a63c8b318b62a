#!/bin/sh
# bench/letter.sh: claimpack build of a letter-only claim against pdflatex
# with KOMA-Script scrlttr2 typesetting the same letter text. Runs both
# alternately N times (default 5) in one go, prints the medians, their ratio
# (goal <= 0.1) and the PDF sizes (goal <= 40 KB for claimpack).
#
#   bench/letter.sh [N]        from the build directory (needs ./claimpack)
# Needs pdflatex and scrlttr2: apt-get install texlive-latex-recommended
# texlive-latex-extra (bench only; not a build dependency).
set -eu
N=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
CLAIMPACK=${CLAIMPACK:-./claimpack}
command -v pdflatex >/dev/null || { echo "pdflatex not found (texlive-latex-recommended)" >&2; exit 1; }
kpsewhich scrlttr2.cls >/dev/null || { echo "scrlttr2 not found (texlive-latex-extra)" >&2; exit 1; }
[ -x "$CLAIMPACK" ] || { echo "$CLAIMPACK not found: run from the build directory" >&2; exit 1; }

W=$(mktemp -d "${TMPDIR:-/tmp}/claimpack-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export SOURCE_DATE_EPOCH=1793577600 XDG_CONFIG_HOME="$W/config"
cp "$here/tests/letter/eu.xml" "$W/claim.xml"
"$CLAIMPACK" build -q --force -o "$W/claim.pdf" "$W/claim.xml"

# The same words in scrlttr2: the letter's text as claimpack set it.
pdftotext "$W/claim.pdf" "$W/text.txt"
{
    printf '%s\n' '\documentclass[paper=a4,fontsize=11pt,fromalign=right,fromemail,fromphone]{scrlttr2}' \
        '\usepackage[T1]{fontenc}' '\usepackage[utf8]{inputenc}' '\usepackage{textcomp}' \
        '\usepackage{helvet}' '\renewcommand{\familydefault}{\sfdefault}' \
        '\setkomavar{fromname}{Jelle de Vries}' \
        '\setkomavar{fromaddress}{Nieuwestad 12\\8911 CN Leeuwarden\\Netherlands}' \
        '\setkomavar{fromemail}{jelle@example.nl}' '\setkomavar{fromphone}{+31 58 123 4567}' \
        '\setkomavar{date}{2 November 2026}' \
        '\setkomavar{subject}{Claim for order 404-1234567-1234567}' \
        '\begin{document}' \
        '\begin{letter}{Amazon EU S.\`a r.l.\\Customer Service\\38 avenue John F. Kennedy\\L-1855 Luxembourg}' \
        '\opening{Dear Sir or Madam,}'
    # Body: every line of the extracted text, escaped for TeX, as paragraphs.
    sed -e 's/[\\{}$&#^_%~]/ /g' -e 's/€/\\texteuro{}/g' -e 's/^$/\\par/' "$W/text.txt"
    printf '%s\n' '\closing{Yours faithfully,}' '\end{letter}' '\end{document}'
} >"$W/letter.tex"
(cd "$W" && pdflatex -interaction=batchmode letter.tex >/dev/null 2>&1) ||
    { echo "pdflatex failed: see $W/letter.log" >&2; trap - EXIT; exit 1; }

now() { date +%s.%N; }
: >"$W/cp.t"; : >"$W/tex.t"; : >"$W/cp-replace.t"
i=0
while [ "$i" -lt "$N" ]; do
    # Both write a new file (claimpack syncs only a file it replaces: that
    # case is timed separately below).
    rm -f "$W/claim.pdf" "$W/letter.pdf"
    t0=$(now); "$CLAIMPACK" build -q --force -o "$W/claim.pdf" "$W/claim.xml"; t1=$(now)
    echo "$t1 - $t0" | bc >>"$W/cp.t"
    t0=$(now); (cd "$W" && pdflatex -interaction=batchmode letter.tex >/dev/null 2>&1); t1=$(now)
    echo "$t1 - $t0" | bc >>"$W/tex.t"
    t0=$(now); "$CLAIMPACK" build -q --force -o "$W/claim.pdf" "$W/claim.xml"; t1=$(now)
    echo "$t1 - $t0" | bc >>"$W/cp-replace.t"
    i=$((i + 1))
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cp_t=$(median "$W/cp.t"); tex_t=$(median "$W/tex.t"); rep_t=$(median "$W/cp-replace.t")
printf 'claimpack build      %.4f s  %6d bytes\n' "$cp_t" "$(wc -c <"$W/claim.pdf")"
printf 'pdflatex scrlttr2    %.4f s  %6d bytes\n' "$tex_t" "$(wc -c <"$W/letter.pdf")"
printf 'ratio (time)         %.3f   (goal <= 0.1)\n' "$(echo "$cp_t / $tex_t" | bc -l)"
printf 'replacing a PDF      %.4f s  ratio %.3f (with the fsync that protects the old file)\n' \
    "$rep_t" "$(echo "$rep_t / $tex_t" | bc -l)"
printf 'claimpack PDF size   %d KB  (goal <= 40 KB)\n' "$(( $(wc -c <"$W/claim.pdf") / 1024 ))"
