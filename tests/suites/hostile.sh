#!/bin/sh
# A brief full of hostile text (tests/pathological/hostile.brief: HTML,
# script, event handlers, LaTeX \input, \write18, \catcode, ^^5c, Markdown
# syntax, in every field and in prose, and links whose safe URLs carry
# quotes and backslashes) builds without error, and:
#
#   HTML      has no live markup of the author's: no script, iframe, img,
#             svg, or event handler attribute; no href that is not http,
#             https, mailto or an anchor
#   Markdown  read by cmark (raw HTML allowed) gives HTML with none either
#   LaTeX     spells none of \input \include \write \openin \catcode \def
#             \csname or ^^; pdflatex under openin_any=p, with a canary
#             file next to it, compiles it without reading the canary:
#             its content is not in the PDF's text nor its name in the log
#   PDF       briefc -t pdf, told the canary's absolute path, neither
#             reads it nor runs \write18
#   DOT       read by Graphviz, has exactly the nodes and edges of the
#             evidence map (no label breaks out into an attribute, a node
#             or an edge), and the labels hold the author's text as text
#   SVG       that dot -Tsvg makes of it is well-formed and has no script,
#             foreignObject, link, image, external reference or event
#             handler: only text
#   v2        hostile-floats.brief (the same text in a table's caption,
#             note and cells, a figure's alt text and caption, a note and
#             a box's title): its HTML has no live markup but the figure's
#             own data: image, its Markdown read by cmark-gfm (tables and
#             footnotes on) none either, its LaTeX none of those control
#             words, and its PDF (the image copied into TeX's folder) reads
#             no canary and runs nothing
#   Word      the .docx of hostile.brief and of hostile-docx.brief (Word
#             markup, field codes, DDE, template references and C1
#             controls, U+FFFE, U+FFFF and TAB in every place author text
#             goes, a table's caption, cells and note, a figure's alt text
#             and caption, a note, a box's title and the title block's
#             series, number, version and affiliation among them; the
#             figure, the note and the table's header are one picture, one
#             footnote, one repeating row) is a sound package: unzip -t
#             passes, every part is well-formed XML, holds no field, macro,
#             template, DDE or external part and no control character
#             (tests/backends/docx-package.pl); the author's markup is
#             text pandoc reads back; LibreOffice converts it
: "${BRIEFC:=$PWD/build/briefc}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "hostile: $*"; }
check() { # description command...
	what=$1
	shift
	if "$@"; then ok; else ko "$what"; fi
}
none() { # file regex: no line of file matches regex (case-insensitive)
	! grep -Eiq -- "$2" "$1"
}
# No tag with an attribute named on...: values (quoted, escaped) removed first.
no_handler() { # file
	! sed 's/"[^"]*"/""/g' "$1" | grep -Eiq '<[^>]* on[a-z]+ *='
}

token="CANARY-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
echo "$token read" >"$tmp/canary.tex"
echo "$token read" >"$tmp/canary"
sed "s|CANARYFILE|canary|g; s|PWNEDFILE|pwned|g" tests/pathological/hostile.brief >"$tmp/rel.brief"
sed "s|CANARYFILE|$tmp/canary|g; s|PWNEDFILE|$tmp/pwned|g" tests/pathological/hostile.brief >"$tmp/abs.brief"

for f in html md latex; do
	if ! "$BRIEFC" build -t "$f" -o "$tmp/out.$f" "$tmp/rel.brief" 2>"$tmp/err"; then
		ko "build -t $f failed: $(head -c 300 "$tmp/err")"
		: >"$tmp/out.$f"
	fi
done
"$BRIEFC" build -t html --fragment -o "$tmp/frag.html" "$tmp/rel.brief" 2>/dev/null ||
	ko "build -t html --fragment failed"

# ---- HTML ----
for h in "$tmp/out.html" "$tmp/frag.html"; do
	check "$h: a <script>" none "$h" '<script'
	check "$h: a live tag of the author's" none "$h" '<(iframe|img|svg|b|object|embed|form|input)[ >/]'
	check "$h: an event handler" no_handler "$h"
	check "$h: an href that is not http(s), mailto or #" none "$h" \
		'(href|src)="([^h#m"]|h[^t]|ht[^t]|htt[^p]|http[^s:]|m[^a]|ma[^i]|mai[^l])'
	check "$h: a javascript: link" none "$h" '(href|src)="[^"]*javascript'
done
check "HTML: not one <style> of the renderer's" \
	test "$(grep -c '<style' "$tmp/out.html")" -le 1

# ---- Markdown, as cmark reads it ----
command -v cmark >/dev/null 2>&1 || sh tools/ensure-packages.sh cmark >/dev/null 2>&1
if command -v cmark >/dev/null 2>&1; then
	cmark --unsafe "$tmp/out.md" >"$tmp/md.html"
	check "Markdown: a <script> in cmark's HTML" none "$tmp/md.html" '<script'
	check "Markdown: a live tag in cmark's HTML" none "$tmp/md.html" \
		'<(iframe|img|svg|b|style|object|embed|form|input)[ >/]'
	check "Markdown: an event handler in cmark's HTML" no_handler "$tmp/md.html"
	check "Markdown: a javascript: link in cmark's HTML" none "$tmp/md.html" 'href="[^"]*javascript'
else
	ko "cmark is not installed"
fi

# ---- LaTeX ----
tex="$tmp/out.latex"
check "LaTeX: a dangerous control word" none "$tex" \
	'\\(input|include|write|immediate|openin|openout|read|catcode|def|csname|special)[^a-z]'
check "LaTeX: a ^^ sequence" none "$tex" '\^\^'
if command -v pdflatex >/dev/null 2>&1; then
	cp "$tex" "$tmp/brief.tex"
	(cd "$tmp" && openin_any=p openout_any=p pdflatex -no-shell-escape \
		-interaction=nonstopmode -halt-on-error brief.tex >/dev/null 2>&1)
	if [ -s "$tmp/brief.pdf" ]; then
		ok
		pdftotext "$tmp/brief.pdf" "$tmp/brief.txt"
		check "PDF from -t latex: the canary was read" none "$tmp/brief.txt" "$token"
		check "PDF from -t latex: the hostile text is missing" grep -q 'alert' "$tmp/brief.txt"
		check "pdflatex log: the canary was opened" none "$tmp/brief.log" '[(]\./canary'
	else
		ko "pdflatex failed on the LaTeX output: $(grep '^!' "$tmp/brief.log" | head -3)"
	fi
	if "$BRIEFC" build -t pdf -o "$tmp/abs.pdf" "$tmp/abs.brief" 2>"$tmp/err"; then
		ok
		pdftotext "$tmp/abs.pdf" "$tmp/abs.txt"
		check "PDF from -t pdf: the canary was read" none "$tmp/abs.txt" "$token"
	else
		ko "build -t pdf failed: $(head -c 300 "$tmp/err")"
	fi
	# briefc runs pdflatex paranoid whatever the user's texmf.cnf says:
	# a stand-in pdflatex records the environment it is given
	mkdir -p "$tmp/fakebin"
	printf '#!/bin/sh\nenv >"%s/pdflatex.env"\nexit 1\n' "$tmp" >"$tmp/fakebin/pdflatex"
	chmod +x "$tmp/fakebin/pdflatex"
	PATH="$tmp/fakebin:$PATH" "$BRIEFC" build -t pdf -o "$tmp/fake.pdf" \
		"$tmp/abs.brief" 2>/dev/null
	check "pdflatex runs without openin_any=p" grep -qx 'openin_any=p' "$tmp/pdflatex.env"
	check "pdflatex runs without openout_any=p" grep -qx 'openout_any=p' "$tmp/pdflatex.env"
	check "a failed pdflatex run wrote a PDF" test ! -e "$tmp/fake.pdf"
	check "\\write18 ran" test ! -e "$tmp/pwned"
	check "\\write18 ran in the folder" test ! -e "$tmp/pwned.tex"
else
	ko "pdflatex is not installed"
fi

# ---- version 2: captions, alt text, cells, notes, box titles ----
v2=$tmp/v2
mkdir -p "$v2/figures"
cp tests/backends/figures/wide.png "$v2/figures/"
echo "$token read" >"$v2/canary.tex"
echo "$token read" >"$v2/canary"
sed "s|CANARYFILE|canary|g; s|PWNEDFILE|pwned|g" tests/pathological/hostile-floats.brief >"$v2/rel.brief"
for f in html md latex pdf; do
	"$BRIEFC" build -t "$f" -o "$v2/out.$f" "$v2/rel.brief" 2>"$tmp/err" ||
		{ ko "v2: build -t $f failed: $(head -c 300 "$tmp/err")"; : >"$v2/out.$f"; }
done
# the figure's own image, a data: URL of base64, taken out; then the same
# checks as above: nothing else is live
perl -0pe 's{<img src="data:image/png;base64,[A-Za-z0-9+/=]*" alt="[^"<>]*"[^<>]*>}{}g' \
	"$v2/out.html" >"$v2/inert.html"
check "v2: the figure is not a data: image" grep -q 'src="data:image/png;base64,' "$v2/out.html"
check "v2 HTML: a <script>" none "$v2/inert.html" '<script'
check "v2 HTML: a live tag of the author's" none "$v2/inert.html" \
	'<(iframe|img|svg|b|object|embed|form|input)[ >/]'
check "v2 HTML: not one <style> of the renderer's" test "$(grep -c '<style' "$v2/out.html")" -le 1
check "v2 HTML: an event handler" no_handler "$v2/inert.html"
check "v2 HTML: an href that is not http(s), mailto or #" none "$v2/inert.html" \
	'(href|src)="([^h#m"]|h[^t]|ht[^t]|htt[^p]|http[^s:]|m[^a]|ma[^i]|mai[^l])'
command -v cmark-gfm >/dev/null 2>&1 || sh tools/ensure-packages.sh cmark-gfm >/dev/null 2>&1
if command -v cmark-gfm >/dev/null 2>&1; then
	cmark-gfm -e table -e footnotes --unsafe "$v2/out.md" |
		perl -0pe 's{<img src="figures/wide.png" alt="[^"<>]*" />}{}g' >"$v2/md.html"
	check "v2 Markdown: a <script> in cmark-gfm's HTML" none "$v2/md.html" '<script'
	check "v2 Markdown: a live tag in cmark-gfm's HTML" none "$v2/md.html" \
		'<(iframe|img|svg|b|style|object|embed|form|input)[ >/]'
	check "v2 Markdown: an event handler in cmark-gfm's HTML" no_handler "$v2/md.html"
	check "v2 Markdown: the table is a table" grep -q '<table>' "$v2/md.html"
else
	ko "cmark-gfm is not installed"
fi
check "v2 LaTeX: a dangerous control word" none "$v2/out.latex" \
	'\\(input|include|write|immediate|openin|openout|read|catcode|def|csname|special)[^a-z]'
check "v2 LaTeX: a ^^ sequence" none "$v2/out.latex" '\^\^'
if [ -s "$v2/out.pdf" ]; then
	ok
	pdftotext "$v2/out.pdf" "$v2/out.txt"
	check "v2 PDF: the canary was read" none "$v2/out.txt" "$token"
	check "v2 PDF: the hostile text is missing" grep -q 'alert(21)' "$v2/out.txt"
	check "v2 PDF: the figure is missing" test "$(pdfimages -list "$v2/out.pdf" | tail -n +3 | wc -l)" -eq 1
	check "v2: \\write18 ran" test ! -e "$v2/pwned"
fi

# ---- DOT, and the SVG Graphviz makes of it ----
command -v dot >/dev/null 2>&1 || sh tools/ensure-packages.sh graphviz >/dev/null 2>&1
if command -v dot >/dev/null 2>&1; then
	if "$BRIEFC" build -t dot -o "$tmp/map.dot" "$tmp/rel.brief" 2>"$tmp/err"; then
		ok
	else
		ko "build -t dot failed: $(head -c 300 "$tmp/err")"
	fi
	dot -Tplain "$tmp/map.dot" >"$tmp/map.plain" 2>"$tmp/err" || ko "dot -Tplain: $(head -c 300 "$tmp/err")"
	check "DOT: nodes other than the map's" \
		test "$(awk '$1 == "node" { printf "%s ", $2 }' "$tmp/map.plain")" = "e1 f1 f2 f3 r1 "
	check "DOT: edges other than the map's" \
		test "$(awk '$1 == "edge" { printf "%s-%s ", $2, $3 }' "$tmp/map.plain")" = \
		"e1-f1 e1-f2 e1-f3 f1-r1 f2-r1 f3-r1 "
	check "DOT: a label lost the author's quotes and brackets" \
		grep -qF '[URL=\"https://evil.example/\"' "$tmp/map.plain"
	check "DOT: Graphviz read an escape (\\N, \\G) of the author's" \
		grep -qF '\\N \\G' "$tmp/map.plain"
	dot -Tsvg "$tmp/map.dot" >"$tmp/map.svg" 2>"$tmp/err" || ko "dot -Tsvg: $(head -c 300 "$tmp/err")"
	check "SVG: not well-formed" xmllint --noout --nonet "$tmp/map.svg"
	# the markup alone: text between tags (the author's) removed
	sed 's/>[^<]*</></g' "$tmp/map.svg" >"$tmp/map.tags"
	check "SVG: a script" none "$tmp/map.svg" '<script'
	check "SVG: a foreignObject" none "$tmp/map.svg" '<foreignObject'
	check "SVG: a link or image" none "$tmp/map.svg" '<(a|image|use|iframe|style)[ >/]'
	check "SVG: an href" none "$tmp/map.tags" 'href *='
	check "SVG: an external reference" none "$tmp/map.tags" 'url\('
	check "SVG: an event handler" no_handler "$tmp/map.tags"
	check "SVG: the author's text is missing" grep -qF '&lt;script&gt;alert(16)' "$tmp/map.svg"

	# ::: map: the same graph as a figure.  HTML: one image, an SVG in a
	# data: URL (never inline <svg>), whose SVG is as inert as above;
	# Markdown: one mermaid block whose labels hold no quote and no
	# backquote (escape_mermaid), so nothing closes a label or the fence;
	# LaTeX: the drawing beside the .tex, compiled, nothing read or run.
	m=$tmp/mapblock
	mkdir -p "$m"
	{ cat "$tmp/rel.brief"; printf '\n::: map\n:::\n'; } >"$m/map.brief"
	for f in html md latex pdf; do
		"$BRIEFC" build -t $f -o "$m/out.$f" "$m/map.brief" 2>"$tmp/err" ||
			ko "map: build -t $f failed: $(head -c 300 "$tmp/err")"
	done
	check "map HTML: not one image" test "$(grep -c '<img ' "$m/out.html")" -eq 1
	check "map HTML: an inline <svg>" none "$m/out.html" '<svg'
	perl -ne 'print $1 if /<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+\/=]*)"/' \
		"$m/out.html" | base64 -d >"$m/map.svg" 2>/dev/null
	check "map HTML: the SVG is not well-formed" xmllint --noout --nonet "$m/map.svg"
	sed 's/>[^<]*</></g' "$m/map.svg" >"$m/map.tags"
	check "map SVG: a script" none "$m/map.svg" '<script'
	check "map SVG: a foreignObject" none "$m/map.svg" '<foreignObject'
	check "map SVG: a link or image" none "$m/map.svg" '<(a|image|use|iframe|style)[ >/]'
	check "map SVG: an href" none "$m/map.tags" 'href *='
	check "map SVG: an external reference" none "$m/map.tags" 'url\('
	check "map SVG: an event handler" no_handler "$m/map.tags"
	check "map SVG: the author's text is missing" grep -qF '&lt;script&gt;alert(16)' "$m/map.svg"
	check "map HTML: the page without the image is not the page" sh -c \
		"perl -0pe 's{<figure class=\"float figure map\">.*?</figure>\\n}{}s' '$m/out.html' |
		cmp -s - '$tmp/out.html'"
	sed -n '/^```mermaid$/,/^```$/p' "$m/out.md" >"$m/mermaid"
	check "map Markdown: no mermaid block" test "$(grep -c '^```' "$m/mermaid")" -eq 2
	check "map Markdown: a label with a quote or a backquote" none "$m/mermaid" \
		'^ +[efr][0-9]+[[(]"[^"]*"[^])]|^ .*`'
	check "map Markdown: a label closed early" none "$m/mermaid" \
		'^ +[efr][0-9]+[[(]"[^"]*"[])][^:]'
	check "map Markdown: the author's text is missing" grep -qF '#lt;script#gt;alert(16)' "$m/mermaid"
	check "map LaTeX: no drawing beside it" test -s "$m/out-map.pdf"
	if (cd "$m" && cp out.latex doc.tex && sed -i 's/out-map\.pdf/out-map.pdf/' doc.tex &&
		openin_any=p openout_any=p pdflatex -interaction=nonstopmode -halt-on-error \
		-no-shell-escape doc.tex >/dev/null 2>&1 </dev/null); then ok
	else ko "map LaTeX: pdflatex fails: $(grep -A3 '^!' "$m/doc.log" | head -4)"; fi
	check "map LaTeX: \\write18 ran" test ! -e "$m/pwned"
	check "map PDF: not written" test -s "$m/out.pdf"
else
	ko "dot (graphviz) is not installed"
fi
# ---- Word ----
mkdir -p "$tmp/figures"
cp tests/backends/figures/wide.png "$tmp/figures/"
perl -CSD -pe 's/CTRL/\x{85}\x{9B}\x{FFFE}\x{FFFF}\t/g; s|CANARYFILE|canary|g' \
	tests/pathological/hostile-docx.brief 2>/dev/null >"$tmp/docx.brief"
for b in rel docx; do
	x=$tmp/$b.docx
	if ! "$BRIEFC" build -t docx -o "$x" "$tmp/$b.brief" 2>"$tmp/err"; then
		ko "build -t docx of $b.brief failed: $(head -c 300 "$tmp/err")"
		continue
	fi
	check "$b.docx: unzip -t" sh -c "unzip -tq '$x' >/dev/null"
	mkdir -p "$tmp/x-$b"
	(cd "$tmp/x-$b" && unzip -q "$x")
	for p in $(find "$tmp/x-$b" -name '*.xml' -o -name '*.rels'); do
		check "$b.docx: ${p#"$tmp/x-$b/"} is not well-formed XML" xmllint --noout "$p"
	done
	if perl tests/backends/docx-package.pl "$tmp/x-$b" >"$tmp/pkg"; then ok
	else ko "$b.docx: the package: $(head -5 "$tmp/pkg")"; fi
	check "$b.docx: the canary's name is not text" \
		sh -c "pandoc -f docx -t plain '$x' | grep -q 'INCLUDETEXT \"canary\"'"
	mkdir -p "$tmp/lo"
	(cd "$tmp" && HOME=$tmp/lo timeout 300 soffice --headless --convert-to pdf \
		--outdir "$tmp/lo" "$x" >/dev/null 2>&1)
	check "$b.docx: LibreOffice cannot convert it" test -s "$tmp/lo/$b.pdf"
	if [ -s "$tmp/lo/$b.pdf" ]; then
		pdftotext "$tmp/lo/$b.pdf" "$tmp/lo/$b.txt"
		check "$b.docx: LibreOffice read the canary" none "$tmp/lo/$b.txt" "$token"
	fi
done
# version 2's places are there, as Word structure, not as the author's markup
check "docx: the figure is not one picture" \
	test "$(grep -o '<w:drawing>' "$tmp/x-docx/word/document.xml" | wc -l)" -eq 1
check "docx: the note is not one footnote (twice referenced)" \
	test "$(grep -o '<w:footnoteReference ' "$tmp/x-docx/word/document.xml" | wc -l)" -eq 1
check "docx: the table's header row is not the only one that repeats" \
	test "$(grep -o '<w:tblHeader/>' "$tmp/x-docx/word/document.xml" | wc -l)" -eq 1
# every author-text place of hostile-docx.brief is in the document, as text
check "docx: the Word markup of every place is not text" \
	test "$(grep -o 'CTRL' tests/pathological/hostile-docx.brief | wc -l)" -le \
	"$(pandoc -f docx -t plain "$tmp/docx.docx" | grep -o '\(w:\|{ \|]]>\|</\)' | wc -l)"

echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
