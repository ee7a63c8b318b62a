# bench/lib.sh: what the benchmarks share. Sourced, with $W a scratch folder.

now() { date +%s.%N; }

# median FILE: the middle of the numbers in FILE, one a line.
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# alternate N: runs the caller's ours and theirs one after the other N times,
# so that a change in the machine's load hits both alike; their times go to
# $W/a and $W/b, and the peak memory ours leaves in $W/mem (if it does) to $W/m.
alternate() {
    : >"$W/a"; : >"$W/b"; : >"$W/m"
    _i=0
    while [ "$_i" -lt "$1" ]; do
        _t0=$(now); ours; _t1=$(now); theirs; _t2=$(now)
        echo "$_t1 - $_t0" | bc >>"$W/a"
        echo "$_t2 - $_t1" | bc >>"$W/b"
        [ -f "$W/mem" ] && cat "$W/mem" >>"$W/m"
        _i=$((_i + 1))
    done
}
