#!/bin/sh
# verify-latex: briefc's LaTeX and PDF, checked by TeX itself.
#  - the document compiles with pdflatex (unless it needs lualatex) and
#    with lualatex, and the --fragment inside the document's own preamble
#    with the first of them, all with -no-shell-escape -halt-on-error;
#  - every finding, recommendation, source and section has its \label;
#  - `build -t pdf` works, the same bytes twice, and pdftotext of the PDF
#    gives the same words in the same order, and every paragraph, heading
#    and list item verbatim, as briefc's HTML (tests/backends/compare.pl;
#    the notes, at the foot of the pages, compared as pieces of their own:
#    comparable.pl);
#  - every character the backend accepts compiles (charset.brief), and
#    one pdflatex cannot set makes a document for lualatex;
#  - the LaTeX names each image by its path as written, relative to the
#    .tex (it compiles beside the brief's images); the PDF holds every
#    figure and the logo (pdfimages), copied into TeX's folder;
#  - a long table's header comes again on each page it goes on to;
#  - without TeX, -t pdf says what to install.
. tests/backends/suite.sh
suite_init verify-latex
need pdflatex lualatex pdftotext pdfimages pandoc perl jq

# tex NAME ENGINE FILE [DIR]: compile FILE in its own folder, the images of
# the brief's folder DIR (its figures/) beside it.
tex() {
	d=$tmp/run-$1-$2
	mkdir -p "$d" && cp "$3" "$d/doc.tex"
	[ -n "${4:-}" ] && [ -d "$4/figures" ] && cp -r "$4/figures" "$d/"
	# the evidence maps' drawings, written beside the .tex that names them
	for m in "$(dirname "$3")"/*-map.pdf; do [ -f "$m" ] && cp "$m" "$d/"; done
	if (cd "$d" && "$2" -interaction=nonstopmode -halt-on-error -no-shell-escape doc.tex \
		>/dev/null 2>&1 </dev/null); then ok
	else fail "$1: $2 fails:"; grep -A3 '^!' "$d/doc.log" | head -8; fi
}

for f in $(briefs) tests/backends/charset.brief; do
	n=$(basename "$f" .brief)
	t=$tmp/$n.tex
	if ! "$BRIEFC" build -t latex -o "$t" "$f" 2>"$tmp/err"; then
		fail "$n: build -t latex failed: $(head -3 "$tmp/err")"
		continue
	fi
	# pdflatex for what it can set, lualatex for everything
	engine=pdflatex
	grep -q '^\\RequireLuaTeX' "$t" && engine=lualatex
	[ $engine = pdflatex ] && tex "$n" pdflatex "$t" "$(dirname "$f")"
	tex "$n" lualatex "$t" "$(dirname "$f")"
	if ! "$BRIEFC" build -t latex --fragment -o "$tmp/frag.tex" "$f" 2>"$tmp/err" ||
	   grep -q ': error: ' "$tmp/err"; then
		fail "$n: build -t latex --fragment: $(grep -A2 ': error: ' "$tmp/err" | head -3)"
	elif grep -q 'documentclass\|begin{document}' "$tmp/frag.tex"; then
		fail "$n: the fragment has a preamble"
	else
		{ sed '/^\\begin{document}/q' "$t"; cat "$tmp/frag.tex"; printf '%s\n' '\end{document}'; } >"$tmp/wrapped.tex"
		tex "$n-fragment" $engine "$tmp/wrapped.tex" "$(dirname "$f")"
	fi
	[ "$n" = charset ] && continue

	"$BRIEFC" build -t json "$f" 2>/dev/null | perl tests/backends/ids.pl >"$tmp/ids"
	# a label spells an ID's bytes other than letters, digits, '-' and
	# '.' as +XX (escape_latex_id): babel makes ':' active, and TeX '_'
	missing=$(while read -r kind id num; do
		label=$(printf '%s' "$id" | perl -pe 's/([^A-Za-z0-9.-])/sprintf("+%02X", ord $1)/ge')
		grep -qF "\\label{$label}" "$t" || echo "$kind $id"; done <"$tmp/ids")
	if [ -z "$missing" ] && [ -s "$tmp/ids" ]; then ok; else fail "$n: no \\label for: $missing"; fi

	if "$BRIEFC" build -t pdf -o "$tmp/$n.pdf" "$f" 2>"$tmp/err"; then ok
	else fail "$n: build -t pdf failed: $(head -5 "$tmp/err")"; continue; fi
	"$BRIEFC" build -t pdf -o "$tmp/again.pdf" "$f" 2>/dev/null
	cmp -s "$tmp/$n.pdf" "$tmp/again.pdf" && ok || fail "$n: two PDF builds differ"
	"$BRIEFC" build -t html -o "$tmp/ref.html" "$f" 2>/dev/null
	perl tests/backends/comparable.pl --pdf --notes --notes-file "$tmp/notes.html" \
		<"$tmp/ref.html" >"$tmp/ref-pdf.html"
	html_text "$tmp/ref-pdf.html" >"$tmp/ref.txt"
	html_text "$tmp/notes.html" >"$tmp/notes.txt"
	# a long table's caption and header again on each page it goes on to
	# (the evidence map's words are the drawing's, which the HTML has as
	# an image: from the caption's end to its key, they go)
	pdftotext -raw -enc UTF-8 "$tmp/$n.pdf" - |
		perl -ne 'if (/\(continued\)$/) { print "\f" if /^\f/; <>; next } print' |
		perl -0pe 's{(each\s+recommendation\s+addresses\n).*?(?=^Key:)}{$1}gms' >"$tmp/pdf.txt"
	cited=$(sed -n 's/^\\newcommand{\\BriefCitedOn}{\(.*\)}$/\1/p' "$t")
	if perl tests/backends/compare.pl --pdf --cited "$cited" --drop "$tmp/notes.txt" \
		"$tmp/ref.txt" "$tmp/pdf.txt" >"$tmp/cmp"; then ok
	else fail "$n: the PDF says something else than the HTML:"; head -10 "$tmp/cmp"; fi

	# every figure and the logo is an image of the PDF
	want=$("$BRIEFC" build -t json "$f" 2>/dev/null |
		jq '(.figures | length) + (if .meta.logo then 1 else 0 end)')
	got=$(pdfimages -list "$tmp/$n.pdf" | tail -n +3 | wc -l)
	if [ "$got" -eq "$want" ]; then ok
	else fail "$n: the PDF has $got images, the brief $want"; fi
done

# A table longer than a page: its header (and its caption, continued) on
# every page it goes on to, the rows in order.
pdftotext -layout "$tmp/floats.pdf" "$tmp/floats.txt"
heads=$(grep -c 'Label *Value *Flag' "$tmp/floats.txt")
cont=$(grep -c 'Table 2: A long table that runs over pages (continued)' "$tmp/floats.txt")
rows=$(grep -c 'Row [0-9]* with a longer label' "$tmp/floats.txt")
if [ "$heads" -ge 2 ] && [ "$cont" -eq $((heads - 1)) ] && [ "$rows" -eq 60 ]; then ok
else fail "the long table: $heads headers, $cont continued captions, $rows rows"; fi

# Characters pdflatex cannot set send the document to lualatex, not to an
# error (tests/suites/verify-scripts.sh tests the scripts in depth).
printf -- '---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n\nCyrillic \320\226 and Hangul \355\225\234.\n' >"$tmp/cyr.brief"
if "$BRIEFC" build -t latex -o "$tmp/cyr.tex" "$tmp/cyr.brief" 2>"$tmp/err" &&
   grep -q '^\\RequireLuaTeX' "$tmp/cyr.tex" && [ ! -s "$tmp/err" ]; then ok
else fail "Cyrillic and Hangul: $(head -3 "$tmp/err")"; fi

# No TeX on the PATH: a clear message naming the packages.
PATH=/nonexistent "$BRIEFC" build -t pdf -o "$tmp/x.pdf" examples/minimal.brief 2>"$tmp/err"
st=$?
if [ $st -ne 0 ] && grep -q 'pdflatex.*texlive-latex-base' "$tmp/err" && [ ! -e "$tmp/x.pdf" ]; then ok
else fail "-t pdf without TeX: status $st: $(head -3 "$tmp/err")"; fi
suite_end
