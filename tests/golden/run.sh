#!/bin/sh
# The golden runner: each case is one run of briefc whose standard output,
# standard error and exit status are pinned byte for byte.
#
#   tests/golden/cases/    diagnostics, and outputs of small inputs; each
#                          case runs in that folder
#   tests/golden/outputs/  every backend's output for the example briefs
#                          and the escaping torture file; run from the top
#                          of the tree, so paths read as a user types them
#
# A case NAME is NAME.args (one line: briefc's arguments), NAME.brief (an
# input, run as "check FILE"), or both; FILE in NAME.args stands for
# NAME.brief.  What it must give:
#   NAME.stdout  standard output  (absent: must be empty)
#   NAME.stderr  standard error   (absent: must be empty)
#   NAME.status  exit status      (absent: 0)
# UPDATE=1 rewrites the expectations from the current output.
# BRIEFC_WRAP (e.g. valgrind) prefixes every run.
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# run_case DIR WORKDIR NAME
run_case() {
	dir=$1 work=$2 name=$3
	args="check FILE"
	[ -f "$dir/$name.args" ] && args=$(cat "$dir/$name.args")
	args=$(printf '%s' "$args" | sed "s|FILE|$name.brief|g")
	(cd "$work" && eval "$BRIEFC_WRAP \"\$BRIEFC\" $args" >"$tmp/out" 2>"$tmp/err" </dev/null)
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
}

# run_dir DIR WORKDIR: every case of DIR
run_dir() {
	for name in $(cd "$1" && ls | sed -n -e 's/\.brief$//p' -e 's/\.args$//p' | sort -u); do
		run_case "$top/$1" "$2" "$name"
	done
}

run_dir tests/golden/cases "$top/tests/golden/cases"
run_dir tests/golden/outputs "$top"
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
