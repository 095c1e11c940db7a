#!/bin/sh
# numbers: every format shows the numbers the JSON gives (contract 7 and
# 11): Table N, Figure N and Box N at their anchors with their captions,
# note N with its text and one mark per use, in briefc's HTML, in its
# Markdown as cmark-gfm reads it (tables and footnotes on), and in its PDF
# (pdftotext); tests/backends/numbers.pl compares them.  Also: each LaTeX
# table and figure sets its counter to the number before it, so that
# LaTeX's own "Table N" and \ref agree.
. tests/backends/suite.sh
suite_init numbers
need cmark-gfm pdftotext perl

for f in $(briefs); do
	n=$(basename "$f" .brief)
	"$BRIEFC" build -t json -o "$tmp/$n.json" "$f" 2>/dev/null &&
	"$BRIEFC" build -t html -o "$tmp/$n.html" "$f" 2>/dev/null &&
	"$BRIEFC" build -t md -o "$tmp/$n.md" "$f" 2>/dev/null &&
	"$BRIEFC" build -t latex -o "$tmp/$n.tex" "$f" 2>/dev/null &&
	"$BRIEFC" build -t pdf -o "$tmp/$n.pdf" "$f" 2>/dev/null || {
		fail "$n: a build failed"
		continue
	}
	cmark-gfm -e table -e footnotes --unsafe "$tmp/$n.md" >"$tmp/$n.gfm.html"
	pdftotext -layout -enc UTF-8 "$tmp/$n.pdf" "$tmp/$n.txt"
	if perl tests/backends/numbers.pl "$tmp/$n.json" "$tmp/$n.html" "$tmp/$n.gfm.html" \
		"$tmp/$n.txt" >"$tmp/out"; then ok
	else fail "$n: the numbers differ:"; head -10 "$tmp/out"; fi

	bad=$(perl -e '
		local $/; open my $t, "<", $ARGV[0] or die; my $tex = <$t>;
		# (a map sets the counter too, and has no label)
		while ($tex =~ /\\setcounter\{(table|figure)\}\{(\d+)\}((?:(?!\\setcounter|BriefMapFigure).)*?)\\label\{([^}]*)\}/gs) {
			my ($kind, $before, $id) = ($1, $2, $4);
			print "$kind $id $before\n";
		}' "$tmp/$n.tex" | while read -r kind id counter; do
		want=$(jq -r --arg id "$id" '(.tables + .figures)[] | select(.id == $id) | .number' "$tmp/$n.json")
		[ "$((counter + 1))" = "$want" ] || echo "$kind $id: counter $counter, number $want"
	done)
	if [ -z "$bad" ]; then ok; else fail "$n: LaTeX counters: $bad"; fi
done

# The tests bite: a number changed in one format is seen.
f=tests/backends/floats.brief
sed 's/Table 2:/Table 3:/' "$tmp/floats.html" >"$tmp/wrong.html"
if perl tests/backends/numbers.pl "$tmp/floats.json" "$tmp/wrong.html" "$tmp/floats.gfm.html" \
	"$tmp/floats.txt" >/dev/null; then fail "numbers.pl does not see a wrong table number"
else ok; fi
sed 's/A note in a heading/A memo in a heading/' "$tmp/floats.gfm.html" >"$tmp/wrong.html"
if perl tests/backends/numbers.pl "$tmp/floats.json" "$tmp/floats.html" "$tmp/wrong.html" \
	"$tmp/floats.txt" >/dev/null; then fail "numbers.pl does not see a wrong note"
else ok; fi
suite_end
