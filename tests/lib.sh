# tests/lib.sh: shared by every tests/*.test script (sourced). Prints TAP.
# Each test gets a scratch directory $T, removed at exit.
set -u
: "${CLAIMPACK:?run through make check}"
_tmp=${TMPDIR:-/tmp}
[ -d "$_tmp" ] && [ -w "$_tmp" ] || _tmp=/tmp
T=$(mktemp -d "$_tmp/claimpack-test.XXXXXX") || { echo "Bail out! cannot make a scratch directory in $_tmp"; exit 1; }
trap 'rm -rf "$T"' EXIT

# The suite sets everything it relies on, whatever the environment it runs
# in (a Debian package build sets SOURCE_DATE_EPOCH; a developer has a
# locale, a time zone, a umask, a profile in ~/.config). A test that wants
# another value sets it for that one command.
export SOURCE_DATE_EPOCH=1763251200   # 2025-11-16, the letters' date
# A sanitizer build reports leaks; the ones inside third-party libraries
# that we cannot free are listed, with what was seen, in tests/lsan.supp.
export LSAN_OPTIONS="suppressions=$top_srcdir/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export TZ=UTC
export LANG=C.UTF-8
unset LC_ALL LC_MESSAGES LC_CTYPE LC_TIME LANGUAGE NO_COLOR CLAIMPACK_DATADIR XDG_DATA_HOME
umask 022
mkdir "$T/home" "$T/tmp"
export HOME="$T/home"
export XDG_CONFIG_HOME="$T/config"
export TMPDIR="$T/tmp"
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

# need TOOL[=PACKAGE]...: the tools a test cannot do without. A missing one
# is named with the Debian package that brings it: under CI (where
# .ci/packages must have installed it) the test fails, elsewhere the whole
# test is skipped, visibly.
need() {
    for _t; do
        _tool=${_t%%=*}
        _pkg=${_t#*=}
        command -v "$_tool" >/dev/null 2>&1 && continue
        if [ "${CI:-}" = true ]; then
            echo "Bail out! $_tool is not installed (Debian package $_pkg; list it in .ci/packages)"
            exit 1
        fi
        echo "1..0 # SKIP $_tool is not installed (apt-get install $_pkg)"
        exit 0
    done
}

# unavailable DESCRIPTION REASON: one point that cannot run here. Under CI,
# where the environment is ours to make, that is a failure; elsewhere a SKIP.
unavailable() {
    _n=$((_n + 1))
    if [ "${CI:-}" = true ]; then
        echo "not ok $_n - $1 # $2"
        _fail=$((_fail + 1))
    else
        echo "ok $_n # SKIP $1: $2"
    fi
}

# need_corpus: for a test that reads the third-party files in $CORPUS. Without
# the corpus the whole test is skipped, visibly (a SKIP in the summary).
need_corpus() {
    if [ -z "${CORPUS:-}" ] || [ ! -d "$CORPUS" ]; then
        if [ "${CI:-}" = true ]; then
            echo "Bail out! no test corpus at '${CORPUS:-}' (CI copies ../shared beside the checkout)"
            exit 1
        fi
        echo "1..0 # SKIP no test corpus at '${CORPUS:-}' (configure CLAIMPACK_CORPUS=DIR)"
        exit 0
    fi
}
