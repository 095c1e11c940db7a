#!/bin/sh
# Run every pathological case: generate it (gen.c), run briefc on it, and
# check the expected exit status, the expected diagnostics and the time.
#
#   sh tests/pathological/run.sh [BRIEFC]       default: $BRIEFC, build/briefc
#
# A case passes when briefc exits with the expected status, its standard
# error matches the expected pattern ('-': empty), stays under 400 lines
# (diagnostics are capped, never a flood), and the run takes at most
# LIMIT seconds of CPU time (user + system: steadier than the wall clock
# on a shared machine; a run over the limit is tried once more).  LIMIT is 5 s; PATHOLOGICAL_SLOWDOWN multiplies
# it, and is 10 by itself for a binary built with AddressSanitizer.
# Under BRIEFC_WRAP (make leakcheck: valgrind) the large cases run at a
# hundredth of their size with no time limit: what counts there is that
# every path, error paths included, frees what it allocates.
set -u
cd "$(dirname "$0")/../.."
BRIEFC=${1:-${BRIEFC:-$PWD/build/briefc}}
BUILD=${BUILD:-build}
WRAP=${BRIEFC_WRAP:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen="$BUILD/pathological/gen"
mkdir -p "$BUILD/pathological"
if [ ! -x "$gen" ] || [ tests/pathological/gen.c -nt "$gen" ]; then
	${CC:-cc} -std=c17 -O2 -o "$gen" tests/pathological/gen.c || exit 1
fi

# The files the figure cases name, beside the brief: a 50 MB image (its
# bytes past the PNG signature are zeros), a device, a pipe, a link out.
printf '\211PNG\r\n\032\n' >"$tmp/big.png"
head -c 52428800 /dev/zero >>"$tmp/big.png"
ln -s /dev/zero "$tmp/zero.png"
mkfifo "$tmp/fifo.png"
ln -s /etc/passwd "$tmp/passwd.png"

slow=${PATHOLOGICAL_SLOWDOWN:-}
if [ -z "$slow" ]; then
	slow=1
	grep -q __asan_init "$BRIEFC" 2>/dev/null && slow=10
fi
limit=$((5 * slow))
scale=1
[ -n "$WRAP" ] && scale=100

# CPU seconds (user + system) of a command, from the shell's times.
cpu_of() { # outfile errfile command...
	o=$1 e=$2
	shift 2
	(
		"$@" >"$o" 2>"$e"
		echo $? >"$tmp/status"
		times >"$tmp/times"
	)
	# the second line: the children's user and system times, as 0m1.234s
	sed -n 2p "$tmp/times" | tr 'ms' '  ' |
		awk '{ printf "%.2f", $1 * 60 + $2 + $3 * 60 + $4 }'
}

pass=0
fail=0
ko() { echo "pathological $1: $2"; }

trim() { sed 's/^[[:space:]]*//; s/[[:space:]]*$//'; }

# NAME REPS STATUS ; PATTERN [; ARGS]  (see the cases file)
while IFS=';' read -r head pattern cmd; do
	case $head in '' | '#'*) continue ;; esac
	# shellcheck disable=SC2086
	set -- $head
	name=$1 reps=$2 status=$3
	pattern=$(printf '%s' "$pattern" | trim)
	cmd=$(printf '%s' "$cmd" | trim)
	n=$reps
	[ "$reps" -ge 1000 ] && n=$((reps / scale))
	if ! "$gen" "$name" "$n" >"$tmp/in.brief"; then
		ko "$name" "generator failed"
		fail=$((fail + 1))
		continue
	fi
	# shellcheck disable=SC2086
	secs=$(cpu_of "$tmp/out" "$tmp/err" timeout $((limit * 4 + 10)) $WRAP "$BRIEFC" ${cmd:-check} "$tmp/in.brief")
	got=$(cat "$tmp/status")
	ok=1
	if [ "$got" = 124 ]; then
		ko "$name" "killed after $((limit * 4 + 10)) s"
		fail=$((fail + 1))
		continue
	fi
	[ "$got" = "$status" ] || { ok=0; ko "$name" "exit status $got, expected $status"; }
	if [ "$pattern" = - ]; then
		[ -s "$tmp/err" ] && { ok=0; ko "$name" "unexpected diagnostics: $(head -c 300 "$tmp/err")"; }
	elif ! grep -Eq -- "$pattern" "$tmp/err"; then
		ok=0
		ko "$name" "no diagnostic matching '$pattern': $(head -c 300 "$tmp/err")"
	fi
	# valgrind's own reports (exit status 1 like briefc's) start with ==PID==
	if [ -n "$WRAP" ] && grep -q '^==[0-9]*==' "$tmp/err"; then
		ok=0
		ko "$name" "$(grep -m 3 '^==[0-9]*==' "$tmp/err")"
	fi
	lines=$(wc -l <"$tmp/err")
	[ "$lines" -lt 400 ] || { ok=0; ko "$name" "$lines lines of diagnostics"; }
	over() { [ -z "$WRAP" ] && awk -v s="$1" -v l="$limit" 'BEGIN { exit !(s > l) }'; }
	if over "$secs"; then
		# once more: a machine busy with other work can slow one run
		# down; a real regression is slow both times
		# shellcheck disable=SC2086
		again=$(cpu_of "$tmp/out" "$tmp/err" timeout $((limit * 4 + 10)) $WRAP "$BRIEFC" ${cmd:-check} "$tmp/in.brief")
		awk -v a="$again" -v s="$secs" 'BEGIN { exit !(a < s) }' && secs=$again
	fi
	if over "$secs"; then
		ok=0
		ko "$name" "took ${secs} s of CPU, limit ${limit} s"
	fi
	size=$(wc -c <"$tmp/in.brief")
	printf '  %-22s %8s reps %10s bytes %6s s  exit %s\n' "$name" "$n" "$size" "$secs" "$got"
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done <tests/pathological/cases

echo "pathological: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
