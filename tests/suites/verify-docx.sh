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
#  - LibreOffice converts it to PDF, and the PDF has the HTML's words in
#    the HTML's order;
#  - the same bytes twice;
#  - --reference-doc takes a template's styles (pandoc's reference.docx),
#    and a damaged or hostile template is a clear error (exit 2).
# The Word backend does not write version 2's tables, figures, notes,
# boxes and title block lines yet (docs/output.md): a brief that has any
# is checked as a package, and its text is not compared (the suite says
# which).
. tests/backends/suite.sh
suite_init verify-docx
need unzip xmllint pandoc perl soffice pdftotext jq

# Whether the brief f has a construct of version 2 the Word backend does
# not write yet.
has_v2() {
	"$BRIEFC" build -t json "$1" 2>/dev/null | jq -e '
		(.tables + .figures + .boxes + .footnotes | length) > 0 or
		([.meta.updated, .meta.series, .meta.number, .meta.version, .meta.logo]
		 | map(select(. != null)) | length) > 0 or
		(.meta.affiliations | map(select(. != null)) | length) > 0' >/dev/null
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

	if has_v2 "$f"; then
		echo "verify-docx: $n: the package checked, its text not compared (version 2)"
		continue
	fi
	"$BRIEFC" build -t html -o "$tmp/$n.html" "$f" 2>/dev/null
	pandoc -f html -t json "$tmp/$n.html" >"$tmp/ours.json"
	if pandoc -f docx -t json "$x" >"$tmp/docx.json" 2>"$tmp/err"; then ok
	else fail "$n: pandoc cannot read the .docx: $(head -3 "$tmp/err")"; continue; fi
	if perl tests/backends/docx-compare.pl "$tmp/ours.json" "$tmp/docx.json" >"$tmp/cmp"; then ok
	else fail "$n: pandoc reads another document than our HTML:"; head -10 "$tmp/cmp"; fi
	cp "$x" "$pdfs/$n.docx"
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
	# The words, in order, in lower case (styles set labels in capitals):
	# the text of every block is pandoc's check above; here pdftotext's
	# order of symbols set in LibreOffice's fallback fonts (arrows) is not
	# that of the page.
	html_text "$tmp/$n.html" >"$tmp/ref.txt"
	pdftotext -raw -enc UTF-8 "$pdfs/$n.pdf" "$tmp/lo.txt"
	if perl -CSD -e '
		sub words { local $/; open my $f, "<:encoding(UTF-8)", $_[0] or die; my $t = lc <$f>;
			$t =~ s/-\n//g; $t =~ s/\n\s*\d+\s*\n*\f/\n/g; join "", $t =~ /[\p{L}\p{N}]+/g }
		my ($a, $b) = (words($ARGV[0]), words($ARGV[1]));
		exit 0 if $a eq $b;
		my $i = 0; $i++ while substr($a, $i, 1) eq substr($b, $i, 1);
		print "  after ", substr($a, $i > 30 ? $i - 30 : 0, $i > 30 ? 30 : $i), ": html ",
			substr($a, $i, 30), ", pdf ", substr($b, $i, 30), "\n";
		exit 1' "$tmp/ref.txt" "$tmp/lo.txt" >"$tmp/cmp"; then ok
	else fail "$n: LibreOffice's PDF has other words than the HTML:"; cat "$tmp/cmp"; fi
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
suite_end
