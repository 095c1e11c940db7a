#!/bin/sh
# Is briefc linear?  For each input shape, time briefc on inputs of about
# 1, 2, 4 and 8 MB and report the ratio of each time to the one before:
# linear time gives 2, and every ratio must stay at or under 2.5.
#
#   sh tests/pathological/scaling.sh [BRIEFC]    default: build/briefc
#
# Shapes: a realistic brief (bench/gen.c) checked and built to each
# format, and the pathological shapes of gen.c that stress one part each.
# Times are CPU seconds (user + system), the best of five runs; the clock
# counts in hundredths, so a ratio to a time under 0.1 s is shown but not
# judged.  This is a measurement, not a test in make test: run it by
# hand, read the table.  Exit status 1 if a judged ratio is over 2.5.
set -u
cd "$(dirname "$0")/../.."
BRIEFC=${1:-$PWD/build/briefc}
BUILD=${BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$BUILD/pathological"
${CC:-cc} -std=c17 -O2 -o "$BUILD/pathological/gen" tests/pathological/gen.c || exit 1
have_bench=0
if [ -f bench/gen.c ] && ${CC:-cc} -std=c17 -O2 -o "$BUILD/pathological/bench-gen" bench/gen.c 2>/dev/null; then
	have_bench=1
fi

# CPU seconds of one run of briefc ARGS FILE.
cpu() {
	(
		"$BRIEFC" "$@" >/dev/null 2>&1
		times >"$tmp/times"
	)
	sed -n 2p "$tmp/times" | tr 'ms' '  ' |
		awk '{ printf "%.3f", $1 * 60 + $2 + $3 * 60 + $4 }'
}

best_of_5() {
	for k in 1 2 3 4 5; do
		cpu "$@"
		echo
	done | sort -n | head -n 1
}

# Write a case of gen.c of about $2 bytes into $3.
gen_size() { # case bytes file
	"$BUILD/pathological/gen" "$1" 1000 >"$tmp/probe"
	"$BUILD/pathological/gen" "$1" 2000 >"$tmp/probe2"
	per=$(( ($(wc -c <"$tmp/probe2") - $(wc -c <"$tmp/probe")) / 1000 ))
	[ "$per" -lt 1 ] && per=1
	"$BUILD/pathological/gen" "$1" $(($2 / per)) >"$3"
}

bad=0
printf '%-30s %8s %8s %8s %8s   %s\n' shape 1MB 2MB 4MB 8MB "ratios (<= 2.5)"
measure() { # label args... (the file comes last, as $tmp/in-SIZE.brief)
	label=$1
	shift
	line=$(printf '%-30s' "$label")
	prev=""
	ratios=""
	for mb in 1 2 4 8; do
		t=$(best_of_5 "$@" "$tmp/in-$mb.brief")
		line="$line $(printf '%8s' "$t")"
		if [ -n "$prev" ]; then
			r=$(awk -v a="$t" -v b="$prev" 'BEGIN { if (b < 0.005) b = 0.005; printf "%.2f", a / b }')
			ratios="$ratios $r"
			if awk -v r="$r" -v b="$prev" 'BEGIN { exit !(r > 2.5 && b >= 0.1) }'; then
				bad=1
				ratios="$ratios!"
			fi
		fi
		prev=$t
	done
	echo "$line  $ratios"
}

inputs() { # generator: "bench" or a gen.c case
	for mb in 1 2 4 8; do
		bytes=$((mb * 1024 * 1024))
		if [ "$1" = bench ]; then
			"$BUILD/pathological/bench-gen" "$bytes" "$tmp/in-$mb.brief" "$tmp/in-$mb.md" >/dev/null
		else
			gen_size "$1" "$bytes" "$tmp/in-$mb.brief"
		fi
	done
}

if [ $have_bench = 1 ]; then
	inputs bench
	measure "realistic brief: check" check
	for f in json md html latex; do
		measure "realistic brief: -t $f" build -t "$f" -o /dev/null
	done
fi
for c in huge-line emph-links huge-line-dense nested-emph link-openers code-openers \
	many-blocks refs-one-id many-headings many-continuations unclosed-blocks \
	undefined-refs garbage; do
	inputs "$c"
	measure "$c: check" check
done
inputs many-blocks
measure "many-blocks: -t html" build -t html -o /dev/null

if [ $bad = 1 ]; then
	echo "scaling: some time grows faster than linearly (ratio > 2.5, marked !)"
	exit 1
fi
echo "scaling: every ratio at or under 2.5"
