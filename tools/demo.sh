#!/bin/sh
# make demo: compile every example into every format that exists, into
# build/demo/, and draw each evidence map (DOT) as SVG.  The first
# failure stops the demo with its diagnostics.
set -eu
BRIEFC=${1:-build/briefc}
out=build/demo
mkdir -p "$out"
formats="json md html latex pdf docx dot"
# A brief in a folder of its own is built from several files: its
# report.brief includes the rest (examples/README.md).
for f in examples/*.brief examples/*/report.brief; do
	name=$(basename "$f" .brief)
	[ "$name" = report ] && name=$(basename "$(dirname "$f")")
	case $name in *-draft)
		echo "== $f (a draft: its diagnostics are the point)"
		"$BRIEFC" check "$f" || true
		continue;;
	esac
	for t in $formats; do
		ext=$t; [ "$t" = latex ] && ext=tex
		"$BRIEFC" build -t "$t" -o "$out/$name.$ext" "$f"
		echo "wrote $out/$name.$ext"
	done
	# the evidence map, drawn
	if command -v dot >/dev/null 2>&1; then
		dot -Tsvg -o "$out/$name.map.svg" "$out/$name.dot"
		echo "wrote $out/$name.map.svg"
	fi
done
