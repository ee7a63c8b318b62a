# tests/lib.sh: shared by every tests/*.test script (sourced). Prints TAP.
# Each test gets a scratch directory $T, removed at exit.
set -u
: "${CLAIMPACK:?run through make check}"
T=$(mktemp -d "${TMPDIR:-/tmp}/claimpack-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1763251200}   # 2025-11-16
export XDG_CONFIG_HOME="$T/config"
unset CLAIMPACK_DATADIR
_n=0
_fail=0

ok() {   # ok CONDITION-STATUS DESCRIPTION
    _n=$((_n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $_n - $2"; else echo "not ok $_n - $2"; _fail=$((_fail + 1)); fi
}

is() {   # is GOT EXPECTED DESCRIPTION
    _n=$((_n + 1))
    if [ "$1" = "$2" ]; then
        echo "ok $_n - $3"
    else
        echo "not ok $_n - $3"
        printf '%s\n' "# expected: $2" "# got:      $1" | sed 's/^/# /'
        _fail=$((_fail + 1))
    fi
}

contains() {   # contains HAYSTACK NEEDLE DESCRIPTION
    _n=$((_n + 1))
    case "$1" in
    *"$2"*) echo "ok $_n - $3" ;;
    *) echo "not ok $_n - $3"; printf '# missing: %s\n' "$2"; printf '%s\n' "$1" | head -20 | sed 's/^/#   /'; _fail=$((_fail + 1)) ;;
    esac
}

# run ARGS...: run claimpack, capturing $out, $err and $status.
run() {
    out=$("$CLAIMPACK" "$@" 2>"$T/.stderr"); status=$?
    err=$(cat "$T/.stderr")
}

done_testing() {
    echo "1..$_n"
    [ "$_fail" -eq 0 ]
}

# need_corpus: for a test that reads the third-party files in $CORPUS. Without
# the corpus the whole test is skipped, visibly (a SKIP in the summary).
need_corpus() {
    if [ -z "${CORPUS:-}" ] || [ ! -d "$CORPUS" ]; then
        echo "1..0 # SKIP no test corpus at '${CORPUS:-}' (configure CLAIMPACK_CORPUS=DIR)"
        exit 0
    fi
}
