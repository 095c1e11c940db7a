#!/bin/sh
# golden-backends: the exact output of every text backend, page and
# fragment, for the feature-complete example (examples/public-health.brief)
# and the escaping torture file, against tests/backends/NAME.*.
# UPDATE=1 rewrites the expected files from the current output.
. tests/backends/suite.sh
suite_init golden-backends

for f in examples/public-health.brief tests/backends/torture.brief; do
	n=$(basename "$f" .brief)
	for v in md:md html:html latex:tex html-fragment:fragment.html latex-fragment:fragment.tex; do
		fmt=${v%%:*}
		ext=${v#*:}
		frag=
		case $fmt in *-fragment) fmt=${fmt%-fragment}; frag=--fragment ;; esac
		want=tests/backends/$n.$ext
		"$BRIEFC" build -t "$fmt" $frag -o "$tmp/out" "$f" 2>/dev/null
		[ -n "$UPDATE" ] && cp "$tmp/out" "$want"
		if [ ! -f "$want" ]; then
			fail "$want is missing (UPDATE=1 creates it)"
		elif cmp -s "$want" "$tmp/out"; then
			ok
		else
			fail "$n -t $fmt $frag differs from $want:"
			diff -u "$want" "$tmp/out" | head -30
		fi
	done
done
suite_end
