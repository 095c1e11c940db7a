#!/bin/sh
# verify-latex: briefc's LaTeX and PDF, checked by TeX itself.
#  - the document compiles with pdflatex (unless it needs lualatex) and
#    with lualatex, and the --fragment inside the document's own preamble
#    with the first of them, all with -no-shell-escape -halt-on-error;
#  - every finding, recommendation, source and section has its \label;
#  - `build -t pdf` works, the same bytes twice, and pdftotext of the PDF
#    gives the same words in the same order, and every paragraph, heading
#    and list item verbatim, as briefc's HTML (tests/backends/compare.pl);
#  - every character the backend accepts compiles (charset.brief), and
#    one pdflatex cannot set makes a document for lualatex;
#  - without TeX, -t pdf says what to install.
. tests/backends/suite.sh
suite_init verify-latex
need pdflatex lualatex pdftotext pandoc perl

# tex NAME ENGINE FILE: compile FILE in its own folder.
tex() {
	d=$tmp/run-$1-$2
	mkdir -p "$d" && cp "$3" "$d/doc.tex"
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
	[ $engine = pdflatex ] && tex "$n" pdflatex "$t"
	tex "$n" lualatex "$t"
	if ! "$BRIEFC" build -t latex --fragment -o "$tmp/frag.tex" "$f" 2>"$tmp/err" ||
	   grep -q ': error: ' "$tmp/err"; then
		fail "$n: build -t latex --fragment: $(grep -A2 ': error: ' "$tmp/err" | head -3)"
	elif grep -q 'documentclass\|begin{document}' "$tmp/frag.tex"; then
		fail "$n: the fragment has a preamble"
	else
		{ sed '/^\\begin{document}/q' "$t"; cat "$tmp/frag.tex"; printf '%s\n' '\end{document}'; } >"$tmp/wrapped.tex"
		tex "$n-fragment" $engine "$tmp/wrapped.tex"
	fi
	[ "$n" = charset ] && continue

	"$BRIEFC" build -t json "$f" 2>/dev/null | perl tests/backends/ids.pl >"$tmp/ids"
	missing=$(while read -r kind id num; do
		grep -qF "\\label{$id}" "$t" || echo "$kind $id"; done <"$tmp/ids")
	if [ -z "$missing" ] && [ -s "$tmp/ids" ]; then ok; else fail "$n: no \\label for: $missing"; fi

	if "$BRIEFC" build -t pdf -o "$tmp/$n.pdf" "$f" 2>"$tmp/err"; then ok
	else fail "$n: build -t pdf failed: $(head -5 "$tmp/err")"; continue; fi
	"$BRIEFC" build -t pdf -o "$tmp/again.pdf" "$f" 2>/dev/null
	cmp -s "$tmp/$n.pdf" "$tmp/again.pdf" && ok || fail "$n: two PDF builds differ"
	"$BRIEFC" build -t html -o "$tmp/ref.html" "$f" 2>/dev/null
	html_text "$tmp/ref.html" >"$tmp/ref.txt"
	pdftotext -raw -enc UTF-8 "$tmp/$n.pdf" "$tmp/pdf.txt"
	cited=$(sed -n 's/^\\newcommand{\\BriefCitedOn}{\(.*\)}$/\1/p' "$t")
	if perl tests/backends/compare.pl --pdf --cited "$cited" "$tmp/ref.txt" "$tmp/pdf.txt" >"$tmp/cmp"; then ok
	else fail "$n: the PDF says something else than the HTML:"; head -10 "$tmp/cmp"; fi
done

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
