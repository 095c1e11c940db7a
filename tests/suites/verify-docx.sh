#!/bin/sh
# verify-docx: briefc's Word documents, checked by the tools that read them.
#  - the package: `unzip -t` passes, every XML part is well-formed
#    (xmllint), the parts a Word document needs are there and nothing else
#    is (no macros, fields, templates or external parts), every internal
#    hyperlink has its bookmark and no bookmark name is longer than Word's
#    40 characters;
#  - pandoc reads it back with the same text, headings, links, tables,
#    images and footnotes as briefc's own HTML (tests/backends/docx-compare.pl,
#    which is shown to fail on a changed word);
#  - the same numbers as the JSON, as Word structure: "Table N:" in a
#    Caption over a table whose header repeats and whose cells are
#    aligned as its columns, "Figure N:" over a picture with the alt text,
#    "Box N" in its panel, note N as the N-th footnote with a mark per use
#    (tests/backends/docx-numbers.pl, shown to fail on a changed number);
#  - LibreOffice converts it to PDF, and the PDF has the HTML's words in
#    the HTML's order, once the footnotes at the foot of the pages and a
#    table's header repeated on the pages it goes on to are taken out
#    (tests/backends/docx-pdf-words.pl);
#  - the same bytes twice;
#  - --reference-doc takes a template's styles (pandoc's reference.docx),
#    and a damaged or hostile template is a clear error (exit 2).
. tests/backends/suite.sh
suite_init verify-docx
need unzip xmllint pandoc perl soffice pdftotext jq

# Our HTML as pandoc should read it: it reads a <figure> as its image and
# caption only, dropping its ID and its source line, and drops an
# <aside>'s ID; as <div>s they keep them.
html_for_pandoc() {
	perl -0pe 's/<(figure|aside)( class="[^"]*"(?: id="[^"]*")?)>/<div$2>/g;
		s/<\/(figure|aside)>/<\/div>/g; s/<figcaption>/<p class="caption">/g;
		s/<\/figcaption>/<\/p>/g' "$1"
}

# parts DIR: the XML parts and relationships of an unpacked package.
parts() {
	find "$1" -type f \( -name '*.xml' -o -name '*.rels' \) | sort
}

# package NAME FILE: the checks of the container and its XML.
package() {
	d=$tmp/x-$1
	rm -rf "$d" && mkdir -p "$d"
	if unzip -tq "$2" >"$tmp/unzip" 2>&1; then ok; else fail "$1: unzip -t: $(head -3 "$tmp/unzip")"; fi
	(cd "$d" && unzip -q "$2") 2>/dev/null
	bad=
	for p in $(parts "$d"); do
		xmllint --noout "$p" 2>>"$tmp/xmllint" || bad="$bad ${p#"$d"/}"
	done
	if [ -z "$bad" ]; then ok; else fail "$1: not well-formed:$bad"; head -5 "$tmp/xmllint"; fi
	missing=
	for p in '[Content_Types].xml' _rels/.rels word/document.xml word/styles.xml \
		word/numbering.xml word/footnotes.xml word/settings.xml \
		word/_rels/document.xml.rels docProps/core.xml docProps/app.xml; do
		[ -f "$d/$p" ] || missing="$missing $p"
	done
	if [ -z "$missing" ]; then ok; else fail "$1: parts missing:$missing"; fi
	if perl tests/backends/docx-package.pl "$d" >"$tmp/pkg"; then ok
	else fail "$1: the package:"; head -10 "$tmp/pkg"; fi
}

pdfs=$tmp/pdf
mkdir -p "$pdfs"
for f in $(briefs); do
	n=$(basename "$f" .brief)
	x=$tmp/$n.docx
	if ! "$BRIEFC" build -t docx -o "$x" "$f" 2>"$tmp/err"; then
		fail "$n: build -t docx failed: $(head -3 "$tmp/err")"
		continue
	fi
	package "$n" "$x"
	"$BRIEFC" build -o "$tmp/again.docx" "$f" 2>/dev/null
	cmp -s "$x" "$tmp/again.docx" && ok || fail "$n: two builds differ (or -o .docx is not docx)"

	"$BRIEFC" build -t html -o "$tmp/$n.html" "$f" 2>/dev/null
	html_for_pandoc "$tmp/$n.html" | pandoc -f html -t json >"$tmp/ours.json"
	if pandoc -f docx -t json "$x" >"$tmp/docx.json" 2>"$tmp/err"; then ok
	else fail "$n: pandoc cannot read the .docx: $(head -3 "$tmp/err")"; continue; fi
	contents=$(sed -n 's/.*<nav class="brief-toc"[^>]*aria-label="\([^"]*\)".*/\1/p' "$tmp/$n.html")
	if perl tests/backends/docx-compare.pl "$tmp/ours.json" "$tmp/docx.json" ${contents:+"$contents"} \
		>"$tmp/cmp"; then ok
	else fail "$n: pandoc reads another document than our HTML:"; head -10 "$tmp/cmp"; fi
	"$BRIEFC" build -t json -o "$tmp/$n.json" "$f" 2>/dev/null
	if perl tests/backends/docx-numbers.pl "$tmp/$n.json" "$tmp/x-$n" >"$tmp/cmp"; then ok
	else fail "$n: the Word document's numbers differ from the JSON's:"; head -10 "$tmp/cmp"; fi
	cp "$x" "$pdfs/$n.docx"
done

# The numbers' check can fail: a table's number, its repeating header, a
# note's text, a column's alignment changed.
for bad in 's/>Table 2:</>Table 3:</' 's/<w:tblHeader\/>//' \
	's/A note used twice\./A memo used twice./' 's/w:val="right"/w:val="left"/'; do
	rm -rf "$tmp/broken" && cp -R "$tmp/x-floats" "$tmp/broken"
	perl -pi -e "$bad" "$tmp/broken/word/document.xml" "$tmp/broken/word/footnotes.xml"
	if perl tests/backends/docx-numbers.pl "$tmp/floats.json" "$tmp/broken" >/dev/null; then
		fail "docx-numbers.pl does not see $bad"
	else ok; fi
done

# The comparison can fail: one word changed in what pandoc read.
"$BRIEFC" build -t html -o "$tmp/min.html" examples/minimal.brief
"$BRIEFC" build -t docx -o "$tmp/min.docx" examples/minimal.brief
pandoc -f html -t json "$tmp/min.html" >"$tmp/ours.json"
pandoc -f docx -t json "$tmp/min.docx" | perl -pe 's/"c":"fountain"/"c":"fountian"/' >"$tmp/docx.json"
if perl tests/backends/docx-compare.pl "$tmp/ours.json" "$tmp/docx.json" >/dev/null; then
	fail "docx-compare.pl does not see a changed word"
else ok; fi

# The package check can fail: a field, a control character, a dangling link.
for bad in 's|<w:body>|<w:body><w:p><w:fldSimple w:instr="PAGE"/></w:p>|' \
	's|<w:body>|<w:body><w:p><w:r><w:t>\x{85}</w:t></w:r></w:p>|' \
	's|<w:body>|<w:body><w:p><w:hyperlink w:anchor="nowhere"/></w:p>|'; do
	rm -rf "$tmp/broken" && cp -R "$tmp/x-minimal" "$tmp/broken"
	perl -CSD -pi -e "$bad" "$tmp/broken/word/document.xml"
	if perl tests/backends/docx-package.pl "$tmp/broken" >/dev/null; then
		fail "docx-package.pl does not see $bad"
	else ok; fi
done

# LibreOffice: every document converts, in one run, and says what the HTML says.
if (cd "$pdfs" && HOME=$tmp/lo timeout 600 soffice --headless --convert-to pdf \
	--outdir "$pdfs" ./*.docx >"$tmp/soffice" 2>&1); then ok
else fail "soffice failed: $(tail -3 "$tmp/soffice")"; fi
for x in "$pdfs"/*.docx; do
	n=$(basename "$x" .docx)
	if [ ! -s "$pdfs/$n.pdf" ]; then
		fail "$n: LibreOffice made no PDF"
		continue
	fi
	# The words, in order (docx-pdf-words.pl): the text of every block is
	# pandoc's check above; here pdftotext's order of symbols set in
	# LibreOffice's fallback fonts (arrows) is not that of the page.  The
	# HTML's list of notes is not in Word, whose notes are footnotes, nor
	# the alt text pandoc writes for an image; pandoc writes a table's
	# caption after it, Word before.
	perl -0pe 's/<img [^>]*>//g; s/<table>\n<caption>(.*?)<\/caption>/<p>$1<\/p>\n<table>/gs;
		s/<section class="[^"]*notes-section".*?<\/section>\n//s;
		s/<div class="notes-section".*?<\/ol>\n<\/div>\n//s' "$tmp/$n.html" >"$tmp/ref.html"
	html_text "$tmp/ref.html" >"$tmp/$n.ref.txt"
	pdftotext -raw -enc UTF-8 "$pdfs/$n.pdf" "$tmp/$n.lo.txt"
	if perl tests/backends/docx-pdf-words.pl "$tmp/$n.ref.txt" "$tmp/$n.lo.txt" "$tmp/$n.json" \
		"$tmp/x-$n" >"$tmp/cmp"; then ok
	else fail "$n: LibreOffice's PDF has other words than the HTML:"; cat "$tmp/cmp"; fi
done

# The words' check can fail: a word changed, a footnote missing.
for bad in 's/Row 7 with/Row 7 wit/' 's/A note in a caption//'; do
	perl -pe "$bad" "$tmp/floats.lo.txt" >"$tmp/broken.txt"
	if perl tests/backends/docx-pdf-words.pl "$tmp/floats.ref.txt" "$tmp/broken.txt" \
		"$tmp/floats.json" "$tmp/x-floats" >/dev/null; then
		fail "docx-pdf-words.pl does not see $bad"
	else ok; fi
done

# -o FILE.docx alone names the format; an unknown extension is a usage error.
"$BRIEFC" build -o "$tmp/ext.docx" examples/minimal.brief 2>/dev/null
if unzip -tq "$tmp/ext.docx" >/dev/null 2>&1; then ok; else fail "-o x.docx did not write a .docx"; fi
"$BRIEFC" build -o "$tmp/x.unknown" examples/minimal.brief 2>"$tmp/err"
st=$?
if [ $st -eq 2 ] && grep -q 'cannot tell the format' "$tmp/err"; then ok
else fail "-o x.unknown: status $st: $(head -2 "$tmp/err")"; fi

# --reference-doc: pandoc's own template.
pandoc -o "$tmp/ref.docx" --print-default-data-file reference.docx
if "$BRIEFC" build -t docx --reference-doc "$tmp/ref.docx" -o "$tmp/styled.docx" \
	examples/us-rok-partnership.brief 2>"$tmp/err"; then ok
else fail "--reference-doc: $(head -3 "$tmp/err")"; fi
package styled "$tmp/styled.docx"
s=$tmp/x-styled/word/styles.xml
if grep -q 'w:styleId="FirstParagraph"' "$s" && grep -q 'w:styleId="BriefFindingCard"' "$s" &&
   [ -f "$tmp/x-styled/word/theme/theme1.xml" ] &&
   [ "$(grep -o 'w:styleId="Heading1"' "$s" | wc -l)" -eq 1 ]; then ok
else fail "--reference-doc: the template's styles, completed with ours, and its theme are not there"; fi
mkdir -p "$tmp/lo-styled"
(cd "$tmp" && HOME=$tmp/lo timeout 300 soffice --headless --convert-to pdf \
	--outdir "$tmp/lo-styled" styled.docx >/dev/null 2>&1)
[ -s "$tmp/lo-styled/styled.pdf" ] && ok || fail "--reference-doc: LibreOffice cannot convert the result"

# Hostile and broken templates: an error naming the problem, exit 2, and
# the output left as it was.
perl tests/backends/bad-templates.pl "$tmp/ref.docx" "$tmp/bad"
for t in "$tmp"/bad/*.docx; do
	want=$(cat "${t%.docx}.want")
	echo keep >"$tmp/out.docx"
	"$BRIEFC" build --reference-doc "$t" -o "$tmp/out.docx" examples/minimal.brief 2>"$tmp/err"
	st=$?
	if [ $st -eq 2 ] && grep -q -- "$want" "$tmp/err" && [ "$(cat "$tmp/out.docx")" = keep ]; then ok
	else fail "template $(basename "$t"): status $st, want '$want': $(head -2 "$tmp/err")"; fi
done
"$BRIEFC" build --reference-doc "$tmp/none.docx" -o "$tmp/out.docx" examples/minimal.brief 2>"$tmp/err"
st=$?
[ $st -eq 2 ] && grep -q 'cannot read' "$tmp/err" && ok || fail "a missing template: status $st"
"$BRIEFC" build -t html --reference-doc "$tmp/ref.docx" examples/minimal.brief >/dev/null 2>"$tmp/err"
st=$?
[ $st -eq 2 ] && grep -q 'option of -t docx' "$tmp/err" && ok || fail "--reference-doc with html: status $st"

# The labels of version 2 in the brief's language, as pandoc reads them:
# a caption, a float's sources and note, a box's number, the updated and
# version lines (Korean).
"$BRIEFC" build -t docx -o "$tmp/ko.docx" tests/backends/floats-ko.brief 2>/dev/null
pandoc -t plain --wrap=none "$tmp/ko.docx" >"$tmp/ko.txt" 2>/dev/null
missing=""
for w in '표 1: 국가별 니켈 정제 능력' '그림 1: 니켈 가격 추이' '박스 1' '출처: [1]' '주: 수치는 추정치이다.' \
	'수정일: 2024년 5월 2일' '버전 2.1'; do
	grep -qF "$w" "$tmp/ko.txt" || missing="$missing '$w'"
done
if [ -z "$missing" ]; then ok; else fail "floats-ko.docx lacks:$missing"; fi
suite_end
