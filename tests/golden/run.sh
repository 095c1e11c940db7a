#!/bin/sh
# Golden-file runner.  Each case is tests/golden/cases/NAME.brief with:
#   NAME.args    optional: the arguments, one line, FILE standing for the input
#                (default: "check FILE"); run from the cases folder
#   NAME.stdout  expected standard output (absent: must be empty)
#   NAME.stderr  expected standard error  (absent: must be empty)
#   NAME.status  expected exit status     (absent: 0)
# UPDATE=1 rewrites the expectations from the current output.
dir=tests/golden/cases
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for input in "$dir"/*.brief; do
	[ -f "$input" ] || continue
	name=$(basename "$input" .brief)
	args="check FILE"
	[ -f "$dir/$name.args" ] && args=$(cat "$dir/$name.args")
	args=$(printf '%s' "$args" | sed "s|FILE|$name.brief|g")
	(cd "$dir" && eval "$BRIEFC_WRAP \"\$BRIEFC\" $args" >"$tmp/out" 2>"$tmp/err" </dev/null)
	status=$?
	if [ -n "$UPDATE" ]; then
		if [ -s "$tmp/out" ]; then cp "$tmp/out" "$dir/$name.stdout"; else rm -f "$dir/$name.stdout"; fi
		if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir/$name.stderr"; else rm -f "$dir/$name.stderr"; fi
		if [ "$status" -ne 0 ]; then echo "$status" >"$dir/$name.status"; else rm -f "$dir/$name.status"; fi
	fi
	want_status=0
	[ -f "$dir/$name.status" ] && want_status=$(cat "$dir/$name.status")
	ok=1
	for s in stdout stderr; do
		f=out; [ $s = stderr ] && f=err
		if [ -f "$dir/$name.$s" ]; then
			cmp -s "$dir/$name.$s" "$tmp/$f" || { ok=0; echo "golden $name: $s differs:"; diff -u "$dir/$name.$s" "$tmp/$f" | head -40; }
		elif [ -s "$tmp/$f" ]; then
			ok=0; echo "golden $name: unexpected $s:"; head -20 "$tmp/$f"
		fi
	done
	[ "$status" = "$want_status" ] || { ok=0; echo "golden $name: exit status $status, expected $want_status"; }
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
