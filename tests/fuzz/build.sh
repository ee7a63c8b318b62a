#!/bin/sh
# tests/fuzz/build.sh: build the libFuzzer binaries of tests/fuzz/*.c with
# clang (-fsanitize=fuzzer,address,undefined) against the library sources,
# into $builddir/tests/fuzz/bin/. Called by `make fuzz`, which passes the
# dependency flags configure found. Then, for example:
#   tests/fuzz/bin/fuzz-png -jobs=1 -max_total_time=300 \
#       tests/fuzz/bin/corpus-png tests/fuzz/png
# (the first directory collects new inputs; the seeds stay untouched).
# With FUZZ_COVERAGE=1 (make fuzz FUZZ_COVERAGE=1) it builds, into
# tests/fuzz/bin/cov/, plain replay binaries (standalone.c) with clang's
# source-based coverage instead, for measuring what a corpus reaches:
#   LLVM_PROFILE_FILE=png.profraw tests/fuzz/bin/cov/fuzz-png DIR...
#   llvm-profdata merge -o png.profdata png.profraw
#   llvm-cov report tests/fuzz/bin/cov/fuzz-png -instr-profile=png.profdata
set -eu
: "${srcdir:?run through make fuzz}" "${builddir:?}" "${DEP_CFLAGS?}" "${DEP_LIBS?}" "${LIB_SOURCES:?}"
CC_FUZZ=${CC_FUZZ:-clang}
out="$builddir/tests/fuzz/bin"
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
inst=-fsanitize=fuzzer-no-link
main=-fsanitize=fuzzer
if [ "${FUZZ_COVERAGE:-0}" = 1 ]; then
    out="$out/cov"
    san=
    inst="-fprofile-instr-generate -fcoverage-mapping"
    main="$inst $srcdir/tests/fuzz/standalone.c"
fi
mkdir -p "$out/obj"
cflags="-std=gnu11 -g -O1 $san -I$builddir -I$srcdir/include -I$srcdir/src
    -DCP_PKGDATADIR=\"$srcdir\" -DCP_SRCDIR=\"$srcdir\" -DCP_BUILDDIR=\"$builddir\" $DEP_CFLAGS"

# The library (libclaimpack_a_SOURCES, from make) with coverage
# instrumentation; the program's own files stay out.
objs=
# shellcheck disable=SC2012
newest_h=$(ls -t "$srcdir"/src/*.h "$srcdir"/include/claimpack/*.h "$builddir/config.h" | head -1)
srcs=
for f in $LIB_SOURCES; do
    case $f in *.c) srcs="$srcs $srcdir/$f" ;; esac
done
for f in $srcs "$srcdir"/tests/fuzz/fuzz-common.c; do
    o="$out/obj/$(basename "$f" .c).o"
    if [ ! -e "$o" ] || [ "$f" -nt "$o" ] || [ "$newest_h" -nt "$o" ]; then
        echo "  CC $f"
        # shellcheck disable=SC2086
        $CC_FUZZ $cflags $inst -c "$f" -o "$o"
    fi
    objs="$objs $o"
done
# Every target, as its file names it (fuzz-common.c is shared code), so
# that a new one cannot be left out as fuzz-build once was.
for f in "$srcdir"/tests/fuzz/fuzz-*.c; do
    t=$(basename "$f" .c)
    t=${t#fuzz-}
    [ "$t" = common ] && continue
    echo "  LD $out/fuzz-$t"
    # shellcheck disable=SC2086
    $CC_FUZZ $cflags $main "$srcdir/tests/fuzz/fuzz-$t.c" $objs $DEP_LIBS \
        -lstdc++ -o "$out/fuzz-$t.new"
    mv -f "$out/fuzz-$t.new" "$out/fuzz-$t"   # a running fuzzer keeps its copy
done
