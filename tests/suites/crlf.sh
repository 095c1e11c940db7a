#!/bin/sh
# Every golden case, rewritten with CRLF line ends, must give exactly the
# same standard output, standard error and exit status as with LF.
dir=tests/golden/cases
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/lf" "$tmp/crlf"
pass=0
fail=0
for input in "$dir"/*.brief; do
	name=$(basename "$input" .brief)
	# Only files with LF line ends have a CRLF twin worth testing.
	if grep -q "$(printf '\r')" "$input"; then continue; fi
	cp "$input" "$tmp/lf/$name.brief"
	perl -pe 's/\n/\r\n/' "$input" >"$tmp/crlf/$name.brief"
	args="check FILE"
	[ -f "$dir/$name.args" ] && args=$(cat "$dir/$name.args")
	# Arguments naming other files (e.g. a second input) are skipped.
	case $args in *.brief*) continue;; esac
	args=$(printf '%s' "$args" | sed "s|FILE|$name.brief|g")
	for v in lf crlf; do
		(cd "$tmp/$v" && eval "\"\$BRIEFC\" $args" >"../$v.out" 2>"../$v.err" </dev/null
		 echo $? >"../$v.status")
	done
	if cmp -s "$tmp/lf.out" "$tmp/crlf.out" && cmp -s "$tmp/lf.err" "$tmp/crlf.err" &&
	   cmp -s "$tmp/lf.status" "$tmp/crlf.status"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "crlf: $name differs between LF and CRLF:"
		diff "$tmp/lf.err" "$tmp/crlf.err" | head -10
		diff "$tmp/lf.out" "$tmp/crlf.out" | head -10
	fi
done
echo "crlf: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
