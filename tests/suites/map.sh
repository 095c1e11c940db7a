#!/bin/sh
# The evidence map end to end (docs/output.md): for every example, the
# golden map case and generated briefs with 5 and 40 recommendations,
#
#   build -t dot   succeeds, gives the same bytes twice, and Graphviz's
#                  dot accepts it (-Tsvg, and the SVG is well-formed XML)
#   its edges      are exactly the links of the JSON model: evidence ->
#                  finding for each finding in a source's cited_by, finding
#                  -> recommendation for each finding a recommendation
#                  addresses; and its nodes are every source, finding and
#                  recommendation
#   trace          of every evidence, finding and recommendation ID works,
#                  and each line starts PATH:LINE: with a line that holds
#                  a block of that ID; --format=json is valid JSON whose
#                  nodes are the ones the text names
# and ::: map in every format (below).
: "${BRIEFC:=$PWD/build/briefc}"
command -v jq >/dev/null 2>&1 || sh tools/ensure-packages.sh jq || exit 1
command -v dot >/dev/null 2>&1 || sh tools/ensure-packages.sh graphviz || exit 1
command -v pdfinfo >/dev/null 2>&1 || sh tools/ensure-packages.sh poppler-utils || exit 1
command -v xmllint >/dev/null 2>&1 || sh tools/ensure-packages.sh libxml2-utils || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "map: $*"; }

sh bench/mapgen.sh 5 6 5 3 nomap >"$tmp/gen-5.brief"
sh bench/mapgen.sh 40 30 25 6 nomap >"$tmp/gen-40.brief"

for f in examples/*.brief tests/golden/cases/trace.brief "$tmp"/gen-*.brief; do
	case $f in *-draft.brief) continue;; esac
	name=$(basename "$f" .brief)
	if ! "$BRIEFC" build -t dot -o "$tmp/$name.dot" "$f" 2>"$tmp/err"; then
		ko "$f: build -t dot failed: $(head -c 300 "$tmp/err")"
		continue
	fi
	ok
	"$BRIEFC" build -t dot "$f" 2>/dev/null >"$tmp/again.dot"
	if cmp -s "$tmp/$name.dot" "$tmp/again.dot"; then ok; else ko "$f: two runs differ"; fi
	if dot -Tsvg "$tmp/$name.dot" >"$tmp/$name.svg" 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
		ok
	else
		ko "$f: dot -Tsvg: $(head -c 300 "$tmp/err")"
	fi
	if xmllint --noout --nonet "$tmp/$name.svg" 2>"$tmp/err"; then ok; else
		ko "$f: the SVG is not well-formed: $(head -c 300 "$tmp/err")"; fi

	# edges and nodes, from the DOT and from the JSON model
	"$BRIEFC" build -t json "$f" 2>/dev/null >"$tmp/$name.json"
	grep -E '^	[efr][0-9]+ -> [efr][0-9]+;$' "$tmp/$name.dot" | tr -d '\t;' |
		sort >"$tmp/dot-edges"
	jq -r '(.sources[] | .number as $e | .cited_by[] |
			select(.kind == "finding") | "e\($e) -> f\(.number)"),
		(.recommendations[] | .number as $r | .addresses[] |
			select(.kind == "finding") | "f\(.number) -> r\($r)")' \
		"$tmp/$name.json" | sort -u >"$tmp/json-edges"
	if cmp -s "$tmp/dot-edges" "$tmp/json-edges"; then ok; else
		ko "$f: DOT edges differ from the JSON model's links:"
		diff "$tmp/json-edges" "$tmp/dot-edges" | head -10
	fi
	grep -Eo '^		[efr][0-9]+ \[label=' "$tmp/$name.dot" | tr -d '\t' |
		sed 's/ .*//' | sort >"$tmp/dot-nodes"
	jq -r '(.sources[] | "e\(.number)"), (.findings[] | "f\(.number)"),
		(.recommendations[] | "r\(.number)")' "$tmp/$name.json" |
		sort >"$tmp/json-nodes"
	if cmp -s "$tmp/dot-nodes" "$tmp/json-nodes"; then ok; else
		ko "$f: DOT nodes differ from the JSON model's:"
		diff "$tmp/json-nodes" "$tmp/dot-nodes" | head -10
	fi

	# trace every ID; each line's location holds that ID's block
	jq -r '(.sources[], .findings[], .recommendations[]) | .id' "$tmp/$name.json" |
		while read -r id; do
			if ! "$BRIEFC" trace "$f" "$id" >"$tmp/trace" 2>"$tmp/err"; then
				echo "trace $id failed: $(head -c 200 "$tmp/err")"
				continue
			fi
			while IFS= read -r line; do
				loc=${line%%: *}
				ln=${loc##*:}
				rest=${line#*: }
				tid=$(echo "$rest" | sed -E 's/^ *((cited by|addressed by|addresses|cites) )?[a-z]+ \[?[0-9]+\]? ([^ ]+) .*/\3/')
				sed -n "${ln}p" "$f" | grep -q "^::: [a-z]* $tid\$" ||
					echo "trace $id: line $ln does not define $tid: $line"
			done <"$tmp/trace"
			"$BRIEFC" trace --format=json "$f" "$id" >"$tmp/trace.json" 2>/dev/null
			jq -e '.traces | length == 1' "$tmp/trace.json" >/dev/null ||
				echo "trace --format=json $id: not one trace"
			# the text names the same IDs as the JSON
			sed -E 's/^[^:]*:[0-9]+: *((cited by|addressed by|addresses|cites) )?[a-z]+ \[?[0-9]+\]? ([^ ]+) .*/\3/' \
				"$tmp/trace" | sort -u >"$tmp/t-ids"
			jq -r '.traces[0] | .id, (.rests_on[], .supports[]).id' "$tmp/trace.json" |
				sort -u >"$tmp/j-ids"
			cmp -s "$tmp/t-ids" "$tmp/j-ids" ||
				echo "trace $id: the text and the JSON name different IDs"
		done >"$tmp/trace-problems"
	if [ -s "$tmp/trace-problems" ]; then
		ko "$f: trace:"
		head -10 "$tmp/trace-problems"
	else
		ok
	fi
done

# ---- ::: map: the graph as a figure in every format ----
#   HTML      one <img> of an image/svg+xml data: URL (no inline <svg>),
#             which tidy accepts and whose SVG xmllint reads; the page the
#             same bytes twice
#   LaTeX     -o x.tex writes x-map.pdf beside it, which x.tex includes
#             and pdflatex compiles; on standard output it is an error;
#             the places a page may cut it are in order, and none is in
#             an area's head (its name) or foot, by dot's layout (JSON)
#   PDF       the map's words (drawn by dot) in pdftotext of -t pdf; the
#             same bytes twice
#   Markdown  one mermaid block (cmark-gfm reads a code block of that
#             language) with a node per source, finding, recommendation;
#             the real Mermaid (pinned in playground/package.json) in
#             headless Chromium parses and renders it, and the SVG has
#             as many nodes as the JSON model (playground/test/mermaid.mjs);
#             so too tests/data/map-hostile.brief, whose labels hold " # ;
#             ] <script> and backticks, which must come out as text; and
#             the check itself fails on a broken block, a wrong count and
#             a missing text
#   Word      one picture, and four for the 40 recommendations (cut between
#             rows of nodes, as the PDF), each shown at 70% of its drawn
#             size or more, the caption just before the first; LibreOffice
#             makes a PDF of it with the map's words and its pictures; in
#             a Korean brief, each slice's alt text is Korean
#   JSON      the body's map node, numbered with the figures
#   no dot    a located error naming graphviz, and no output written (an
#             old one kept); Markdown needs no dot
command -v tidy >/dev/null 2>&1 || sh tools/ensure-packages.sh tidy || exit 1
command -v pdflatex >/dev/null 2>&1 || sh tools/ensure-packages.sh texlive-latex-base || exit 1
command -v cmark-gfm >/dev/null 2>&1 || sh tools/ensure-packages.sh cmark-gfm || exit 1
sh bench/mapgen.sh 5 6 5 3 >"$tmp/map-5.brief"
sh bench/mapgen.sh 40 30 25 6 >"$tmp/map-40.brief"
mermaid_jobs=$tmp/mermaid-jobs
: >"$mermaid_jobs"
for f in examples/grid-resilience.brief "$tmp"/map-5.brief "$tmp"/map-40.brief; do
	n=$(basename "$f" .brief)
	d=$tmp/m-$n
	mkdir -p "$d"
	"$BRIEFC" build -t json -o "$d/x.json" "$f" 2>/dev/null || { ko "$n: -t json failed"; continue; }
	num=$(jq '[.body[] | select(.kind == "map")][0].number' "$d/x.json")
	nodes=$(jq '(.sources + .findings + .recommendations) | length' "$d/x.json")
	if [ "$num" -ge 1 ] 2>/dev/null; then ok; else ko "$n: JSON has no numbered map node"; fi

	if "$BRIEFC" build -t html -o "$d/x.html" "$f" 2>"$tmp/err"; then ok
	else ko "$n: -t html failed: $(head -c 300 "$tmp/err")"; continue; fi
	"$BRIEFC" build -t html -o "$d/again.html" "$f" 2>/dev/null
	if cmp -s "$d/x.html" "$d/again.html"; then ok; else ko "$n: two HTML builds differ"; fi
	if tidy -errors -quiet "$d/x.html" >/dev/null 2>"$tmp/tidy" && [ ! -s "$tmp/tidy" ]; then ok
	else ko "$n: tidy: $(head -5 "$tmp/tidy")"; fi
	if [ "$(grep -c '<img src="data:image/svg+xml;base64,' "$d/x.html")" -eq 1 ] &&
		! grep -q '<svg' "$d/x.html"; then ok
	else ko "$n: the map is not one SVG image"; fi
	grep -q "<figcaption><span class=\"float-label\">Figure $num:</span> Evidence map" "$d/x.html" &&
		ok || ko "$n: HTML has no 'Figure $num: Evidence map'"
	perl -ne 'print $1 if /<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+\/=]*)"/' \
		"$d/x.html" | base64 -d >"$d/map.svg" 2>/dev/null
	if xmllint --noout --nonet "$d/map.svg" 2>"$tmp/err" &&
		grep -q "Recommendation $(jq '.recommendations | length' "$d/x.json")" "$d/map.svg"; then ok
	else ko "$n: the SVG: $(head -c 300 "$tmp/err")"; fi

	if "$BRIEFC" build -t latex -o "$d/x.tex" "$f" 2>"$tmp/err" && [ -s "$d/x-map.pdf" ]; then ok
	else ko "$n: -t latex wrote no x-map.pdf: $(head -c 300 "$tmp/err")"; fi
	if grep -q '\\BriefMap{x-map.pdf}' "$d/x.tex" &&
		(cd "$d" && pdflatex -interaction=nonstopmode -halt-on-error -no-shell-escape x.tex \
			>/dev/null 2>&1 </dev/null); then ok
	else ko "$n: pdflatex fails on the LaTeX with its map: $(grep -A3 '^!' "$d/x.log" | head -4)"; fi

	# where a page may cut the drawing: between nodes, top to bottom
	cuts=$(sed -n 's/^\\BriefMap{x-map.pdf}.*}{\([0-9,]*\)}$/\1/p' "$d/x.tex")
	if [ -n "$cuts" ] && [ "$(echo "$cuts" | tr , '\n' | sort -n | tr '\n' , | sed 's/,$//')" = "$cuts" ]; then ok
	else ko "$n: no places to cut the map, or not in order: '$cuts'"; fi
	# and none in an area's head (its frame's top line and name, down to
	# its first node) or foot (its last node down to the bottom line): the
	# layout read again from dot, the cuts taken from the PDF's top
	"$BRIEFC" build -t dot -o "$d/x.dot" "$f" 2>/dev/null
	ph=$(pdfinfo "$d/x-map.pdf" | sed -n 's/^Page size: *[0-9.]* x \([0-9.]*\) pts.*/\1/p')
	dot -Tjson0 "$d/x.dot" | jq -r --arg cuts "$cuts" --argjson ph "${ph:-0}" '
		(.bb | split(",") | map(tonumber)) as $bb | ($bb[3] - $bb[1]) as $H
		| .objects as $o
		| [$o[] | select(.nodes and .bb) | (.bb | split(",") | map(tonumber)) as $f
			| [.nodes[] | $o[.] | (.pos | split(",") | map(tonumber)) as $p
				| (.height | tonumber * 36) as $h | [$H - $p[1] - $h, $H - $p[1] + $h]] as $n
			| {name: .label, head: [$H - $f[3], ($n | map(.[0]) | min)],
			   foot: [($n | map(.[1]) | max), $H - $f[1]]}] as $areas
		| if ($areas | length) == 0 then "no areas in the layout" else
		  ($cuts | split(",") | map(tonumber - ($ph - $H) / 2)) as $c
		  | $areas[] as $a | $c[]
		  | select((. > $a.head[0] + 1 and . < $a.head[1] - 1) or
			   (. > $a.foot[0] + 1 and . < $a.foot[1] - 1))
		  | "a cut at \(.) pt in the head or foot of \($a.name)" end' >"$tmp/badcuts" 2>&1
	if [ -n "$ph" ] && [ ! -s "$tmp/badcuts" ]; then ok
	else ko "$n: $(head -3 "$tmp/badcuts")"; fi
	if "$BRIEFC" build -t pdf -o "$d/y.pdf" "$f" 2>/dev/null; then ok; else ko "$n: -t pdf failed"; fi
	"$BRIEFC" build -t pdf -o "$d/again.pdf" "$f" 2>/dev/null
	if cmp -s "$d/y.pdf" "$d/again.pdf"; then ok; else ko "$n: two PDF builds differ"; fi
	pdftotext "$d/y.pdf" - | tr -s ' \n' ' ' >"$d/y.txt"
	last=$(jq '.recommendations | length' "$d/x.json")
	grep -q "Figure $num: Evidence map" "$d/y.txt" && grep -q "Recommendation $last" "$d/y.txt" &&
		ok || ko "$n: the PDF lacks the map's caption or its drawing"

	# Word: a map taller than a page in slices, each a picture shown at
	# least at 70% of its drawn size (one picture squeezed into a page
	# is not: 27% at 40 recommendations), the caption just before the
	# first; the same bytes twice
	if "$BRIEFC" build -t docx -o "$d/x.docx" "$f" 2>"$tmp/err"; then ok
	else ko "$n: -t docx failed: $(head -c 300 "$tmp/err")"; continue; fi
	"$BRIEFC" build -t docx -o "$d/again.docx" "$f" 2>/dev/null
	if cmp -s "$d/x.docx" "$d/again.docx"; then ok; else ko "$n: two Word builds differ"; fi
	rm -rf "$d/docx" && mkdir "$d/docx" && (cd "$d/docx" && unzip -q ../x.docx)
	pics=$(ls "$d/docx/word/media" | wc -l)
	want=1
	[ "$n" = map-40 ] && want=4
	if [ "$pics" -eq "$want" ]; then ok; else ko "$n: Word has $pics pictures of the map, not $want"; fi
	# each drawing's shown width (EMU) over its pixels at 96 an inch
	perl -0777 -ne 'print "$1\n" while /<wp:extent cx="(\d+)"/g' "$d/docx/word/document.xml" >"$d/cx"
	i=0
	for png in $(ls "$d/docx/word/media" | sort -V); do
		i=$((i + 1))
		px=$(od -An -tu1 -j16 -N4 "$d/docx/word/media/$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
		cx=$(sed -n "${i}p" "$d/cx")
		if [ -n "$cx" ] && [ $((cx * 100 / (px * 9525))) -ge 70 ]; then ok
		else ko "$n: Word shows picture $i ($px pixels wide) at $cx EMU, too small to read"; fi
	done
	perl -0777 -ne '/<w:pStyle w:val="Caption"\/>(?:(?!<\/w:p>).)*?Figure '"$num"':.*?<\/w:p><w:p><w:pPr><w:pStyle w:val="(Brief\w+)"\/><\/w:pPr><w:r><w:drawing>/s && print "$1\n"' \
		"$d/docx/word/document.xml" | grep -q . && ok ||
		ko "$n: in Word, the map's caption is not just before its first picture"

	"$BRIEFC" build -t md -o "$d/x.md" "$f" 2>/dev/null
	cmark-gfm "$d/x.md" >"$d/md.html"
	got=$(sed -n '/^```mermaid$/,/^```$/p' "$d/x.md" | grep -cE '^ +[efr][0-9]+[[(]"')
	if grep -q '<pre><code class="language-mermaid">flowchart LR' "$d/md.html" &&
		[ "$got" -eq "$nodes" ]; then ok
	else ko "$n: Markdown: no mermaid block of $nodes nodes ($got)"; fi
	echo "$d/x.md:$nodes" >>"$mermaid_jobs"
done

# a Korean brief's Word map: each slice's alt text in Korean, which part
# it is of how many (the first the map's own alt text)
sed '0,/^date: /s//lang: ko\ndate: /' "$tmp/map-40.brief" >"$tmp/map-40-ko.brief"
d=$tmp/m-map-40-ko
mkdir -p "$d/docx"
if "$BRIEFC" build -t docx -o "$d/x.docx" "$tmp/map-40-ko.brief" 2>/dev/null &&
	(cd "$d/docx" && unzip -q ../x.docx); then
	perl -0777 -ne 'print "$1\n" while /<pic:cNvPr [^>]*descr="([^"]*)"/g' \
		"$d/docx/word/document.xml" >"$d/descr"
	if [ "$(wc -l <"$d/descr")" -eq 4 ] &&
		sed -n 1p "$d/descr" | grep -q '^논증 구조도: .* (1/4)$' &&
		sed -n 3p "$d/descr" | grep -qx '근거 지도, 계속 (3/4)' &&
		! grep -qiE 'part|map|evidence' "$d/descr"; then ok
	else ko "map-40 in Korean: Word's alt texts of the slices: $(head -c 400 "$d/descr")"; fi
else
	ko "map-40 in Korean: -t docx failed"
fi

# LibreOffice reads the Word map of 40 recommendations: its caption, its
# last recommendation and its four pictures in the PDF it makes
if command -v soffice >/dev/null 2>&1; then
	d=$tmp/m-map-40
	if (cd "$d" && HOME=$tmp/lo timeout 300 soffice --headless --convert-to pdf \
		--outdir "$d/lo" x.docx >"$tmp/soffice" 2>&1) && [ -s "$d/lo/x.pdf" ]; then
		pdftotext "$d/lo/x.pdf" - | tr -s ' \n' ' ' >"$d/lo.txt"
		got=$(pdfimages -list "$d/lo/x.pdf" | tail -n +3 | awk '$3 == "image"' | wc -l)
		grep -q 'Figure 1: Evidence map' "$d/lo.txt" && grep -q 'Recommendation 40' "$d/lo.txt" &&
			[ "$got" -eq 4 ] && ok ||
			ko "map-40: LibreOffice's PDF of the Word map: $got pictures, or no caption or last recommendation"
	else
		ko "map-40: soffice failed: $(tail -3 "$tmp/soffice")"
	fi
else
	ko "soffice is missing: make test-deps installs libreoffice-writer-nogui"
fi

# Mermaid itself reads the blocks (one Chromium for all of them)
if [ ! -d playground/node_modules/mermaid ] || [ ! -d playground/node_modules/playwright-core ]; then
	ko "Mermaid: playground/node_modules lacks mermaid: run make playground"
else
	command -v chromium >/dev/null 2>&1 || [ -n "$CHROMIUM" ] ||
		sh tools/ensure-packages.sh chromium >/dev/null
	mermaid() { xargs -d '\n' node playground/test/mermaid.mjs; }
	"$BRIEFC" build -t md -o "$tmp/hostile.md" tests/data/map-hostile.brief 2>"$tmp/err" ||
		ko "hostile: -t md failed: $(head -c 300 "$tmp/err")"
	# texts each within one line of its label (Mermaid's <br> adds no space)
	us=$(printf '\037')
	texts="\"six\"${us}hungry] #7$us<script>alert(1)</script>$us\"free\" breakfast];$us"
	texts="$texts<b>now</b> --> y${us}Meals \"quoted\" ]; end #1 \`tick\`$us"
	texts="${texts}School \"Food\" Survey]; 2023$us#3 <img src=x"
	echo "$tmp/hostile.md:3:$texts" >>"$mermaid_jobs"
	if mermaid <"$mermaid_jobs" >"$tmp/mermaid.out" 2>&1; then ok
	else ko "Mermaid rejects a map:"; head -10 "$tmp/mermaid.out"; fi
	# the check fails where it must: an unescaped quote in a label, a
	# node too many, a text the drawing lacks
	sed '0,/#quot;/s//"/' "$tmp/hostile.md" >"$tmp/broken.md"
	echo "$tmp/broken.md:3" | mermaid >"$tmp/mermaid.out" 2>&1
	if [ $? -ne 0 ] && grep -q 'broken.md: block 1: parse: ' "$tmp/mermaid.out"; then ok
	else ko "Mermaid check passes a block with a bare quote: $(head -3 "$tmp/mermaid.out")"; fi
	echo "$tmp/hostile.md:4" | mermaid >"$tmp/mermaid.out" 2>&1
	if [ $? -ne 0 ] && grep -q '3 nodes, the model has 4' "$tmp/mermaid.out"; then ok
	else ko "Mermaid check passes a wrong node count: $(head -3 "$tmp/mermaid.out")"; fi
	echo "$tmp/hostile.md:3:<script>alert(2)" | mermaid >"$tmp/mermaid.out" 2>&1
	if [ $? -ne 0 ] && grep -q 'lacks the text' "$tmp/mermaid.out"; then ok
	else ko "Mermaid check passes a missing text: $(head -3 "$tmp/mermaid.out")"; fi
fi

# LaTeX on standard output has no "beside" for the drawing
if "$BRIEFC" build -t latex tests/golden/cases/map-pass.brief >/dev/null 2>"$tmp/err"; then
	ko "-t latex to standard output with a map succeeded"
else
	grep -q '^tests/golden/cases/map-pass.brief:16:5: error: .*give -o FILE.tex' "$tmp/err" &&
		ok || ko "-t latex to standard output: $(head -c 300 "$tmp/err")"
fi

# Without dot: an error at the ::: map naming the package, nothing written
mkdir -p "$tmp/nodot"
echo "an old page" >"$tmp/nodot/old.html"
for t in html pdf; do
	if PATH=/nonexistent "$BRIEFC" build -t $t -o "$tmp/nodot/old.$t" \
		tests/golden/cases/map-pass.brief 2>"$tmp/err"; then
		ko "no dot: -t $t succeeded"
	else
		grep -q '^tests/golden/cases/map-pass.brief:16:5: error: .*dot.*install the Debian package graphviz' \
			"$tmp/err" && ok || ko "no dot: -t $t: $(head -c 300 "$tmp/err")"
	fi
done
[ "$(cat "$tmp/nodot/old.html")" = "an old page" ] && [ ! -e "$tmp/nodot/old.pdf" ] &&
	ok || ko "no dot: an output was written"
PATH=/nonexistent "$BRIEFC" build -t md -o "$tmp/nodot/x.md" tests/golden/cases/map-pass.brief 2>/dev/null &&
	grep -q '^```mermaid$' "$tmp/nodot/x.md" && ok || ko "no dot: -t md failed"

echo "map: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
