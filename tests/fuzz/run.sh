#!/bin/sh
# Fuzz for SECONDS (default 60): replay the regression inputs, then let
# libFuzzer mutate a corpus seeded with every example and golden case.
#
#   sh tests/fuzz/run.sh 60                  the CI smoke (make fuzz-smoke)
#   sh tests/fuzz/run.sh 14400 -jobs=2 -workers=2
#                                            four hours on two cores
#
# The corpus grows in build-fuzz/corpus across runs; a crash, leak or
# timeout leaves its input in build-fuzz/crashes/ and fails the run.
# Reproduce one with: build-fuzz/fuzz_brief build-fuzz/crashes/FILE
set -u
cd "$(dirname "$0")/../.."
B=${FUZZ_BUILD:-build-fuzz}
secs=${1:-60}
[ $# -gt 0 ] && shift
[ -x "$B/fuzz_brief" ] || sh tests/fuzz/build.sh || exit 1

mkdir -p "$B/corpus" "$B/crashes"
# Seeds: the first byte is the option byte; 0 = defaults, 7 = every option.
for f in examples/*.brief tests/golden/cases/*.brief tests/pathological/*.brief tests/fmt/*.brief; do
	[ -f "$f" ] || continue
	name=$(echo "$f" | tr '/' '_')
	for o in 0 7; do
		[ -f "$B/corpus/$o-$name" ] ||
			{ printf "\\$o"; cat "$f"; } >"$B/corpus/$o-$name"
	done
done

# Every input that once broke something must keep passing.
if ls tests/fuzz/regress/* >/dev/null 2>&1; then
	if ! "$B/fuzz_brief" -runs=1 tests/fuzz/regress/* >"$B/regress.log" 2>&1; then
		tail -n 40 "$B/regress.log"
		echo "fuzz: a regression input fails (log: $B/regress.log)"
		exit 1
	fi
fi

log="$B/fuzz.log"
before=$(ls "$B/crashes" | wc -l)
"$B/fuzz_brief" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	-max_len=16384 -dict=tests/fuzz/brief.dict -print_final_stats=1 \
	-artifact_prefix="$B/crashes/" "$@" "$B/corpus" >"$log" 2>&1
status=$?
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | awk '{s += $1} END {print s + 0}')
# -fork mode prints no final stats: its last status line has the count
[ "$execs" = 0 ] && execs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
# with -ignore_crashes=1 the status says nothing: count what was written
after=$(ls "$B/crashes" | wc -l)
if [ $status -ne 0 ] || [ "$after" -gt "$before" ]; then
	grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$log" | head -n 20
	echo "fuzz: FAILED after ${execs:-0} executions (log: $log, inputs: $B/crashes/)"
	exit 1
fi
echo "fuzz: $execs executions in $secs s, no crash, leak or timeout"
