#!/bin/sh
# The examples, pinned: the US-ROK draft's full diagnostic output, the
# finished brief's every output format, and every finished example clean
# under --strict.  UPDATE=1 rewrites tests/examples/ from the current output.
dir=tests/examples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
same() { # expected actual what
	[ -n "$UPDATE" ] && cp "$2" "$1"
	if cmp -s "$1" "$2"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "examples: $3 differs from $1:"; diff -u "$1" "$2" | head -30; fi
}
status() { # want got what
	if [ "$1" = "$2" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "examples: $3 exited $2, expected $1"; fi
}

"$BRIEFC" check examples/us-rok-partnership-draft.brief >"$tmp/out" 2>"$tmp/err"
status 1 $? "check of the draft"
same "$dir/us-rok-partnership-draft.stderr" "$tmp/err" "the draft's diagnostics"
"$BRIEFC" check --diagnostics=json examples/us-rok-partnership-draft.brief >"$tmp/out" 2>/dev/null
same "$dir/us-rok-partnership-draft.json" "$tmp/out" "the draft's JSON diagnostics"

for f in examples/*.brief; do
	case $f in *-draft.brief) continue;; esac
	"$BRIEFC" check --strict "$f" >"$tmp/out" 2>&1
	status 0 $? "check --strict $f"
	[ -s "$tmp/out" ] && { fail=$((fail + 1)); echo "examples: $f is not clean:"; head "$tmp/out"; }
done

for t in md:md html:html latex:tex json:json; do
	"$BRIEFC" build -t "${t%%:*}" -o "$tmp/out" examples/us-rok-partnership.brief
	status 0 $? "build -t ${t%%:*}"
	same "$dir/us-rok-partnership.${t#*:}" "$tmp/out" "-t ${t%%:*}"
done
# the brief with every construct of the language's version 2
for t in json:json; do
	"$BRIEFC" build -t "${t%%:*}" -o "$tmp/out" examples/critical-minerals.brief
	status 0 $? "build -t ${t%%:*} critical-minerals"
	same "$dir/critical-minerals.${t#*:}" "$tmp/out" "critical-minerals -t ${t%%:*}"
done
echo "examples: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
