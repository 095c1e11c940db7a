#!/bin/sh
# The examples: every finished one checks clean under --strict (the draft
# is meant to fail; its diagnostics and every output of the finished
# US-ROK brief are golden cases: tests/golden/outputs/).
pass=0
fail=0
for f in examples/*.brief; do
	case $f in *-draft.brief) continue;; esac
	out=$("$BRIEFC" check --strict "$f" 2>&1)
	status=$?
	if [ "$status" -eq 0 ] && [ -z "$out" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "examples: $f is not clean (exit $status):"
		printf '%s\n' "$out" | head
	fi
done
echo "examples: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
