#!/bin/sh
# Run every test suite against the build in $1 and print one total
# (tests/README.md says what goes where).
#
#   unit:   $BUILD/tests/test_*  (cmocka; each prints its own summary)
#   golden: tests/golden/run.sh  (exact stdout, stderr and exit status of
#           every case and every pinned output)
#   suites: tests/suites/*.sh    (tool verification, pathological, ...)
#
# BRIEFC_WRAP (e.g. valgrind) prefixes every program run.
# TESTS_ONLY=unit|golden|suites restricts the run.
BUILD=${1:-build}
BRIEFC=$(cd "$(dirname "$BUILD/briefc")" && pwd)/briefc
export BUILD BRIEFC
passed=0
failed=0
failures=""

record() { # name status
	if [ "$2" -eq 0 ]; then passed=$((passed + 1))
	else failed=$((failed + 1)); failures="$failures $1"; fi
}

if [ -z "$TESTS_ONLY" ] || [ "$TESTS_ONLY" = unit ]; then
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		$BRIEFC_WRAP "$t"
		record "$(basename "$t")" $?
	done
fi
if [ -z "$TESTS_ONLY" ] || [ "$TESTS_ONLY" = golden ]; then
	sh tests/golden/run.sh
	record golden $?
fi
if [ -z "$TESTS_ONLY" ] || [ "$TESTS_ONLY" = suites ]; then
	for s in tests/suites/*.sh; do
		[ -f "$s" ] || continue
		echo "== $s"
		sh "$s"
		record "$(basename "$s" .sh)" $?
	done
fi
[ -n "$failures" ] && echo "failed suites:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
