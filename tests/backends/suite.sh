# suite.sh - sourced by the backend suites (tests/suites/verify-*.sh,
# golden-backends.sh): tool checks, the briefs to test, and the tally.
#
#   suite_init NAME        start; sets $tmp (removed on exit)
#   need TOOL...           fail loudly when a tool is missing
#   briefs                 the examples that check clean, the torture file
#                          and a random brief (tests/backends/random.pl)
#   ok / fail MESSAGE      count one check
#   suite_end              print "NAME: N passed, N failed"; exit status
#   html_text FILE         the text of an HTML file (pandoc -t plain)

suite_init() {
	suite=$1
	passed=0
	failed=0
	: "${BRIEFC:?run through make test (BRIEFC unset)}"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
}

need() {
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 && continue
		echo "$suite: FAIL: '$t' is not installed ('make test-deps' installs the test tools)"
		echo "$suite: 0 passed, 1 failed"
		exit 1
	done
}

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "$suite: FAIL: $*"; }

# Every example that checks without errors (the draft example is meant to
# fail), the escaping torture file, the floats and notes of version 2 where
# formats find them hardest, and a random soup of special characters and
# inline syntax (the same on every run).
briefs() {
	# (a brief of several files: its report.brief)
	for f in examples/*.brief examples/*/report.brief; do
		"$BRIEFC" check "$f" >/dev/null 2>&1 && echo "$f"
	done
	echo tests/backends/torture.brief
	echo tests/backends/floats.brief
	perl tests/backends/random.pl 1 200 >"$tmp/random.brief" && echo "$tmp/random.brief"
}

html_text() {
	pandoc -f html -t plain --wrap=none "$1"
}

suite_end() {
	echo "$suite: $passed passed, $failed failed"
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}
