#!/bin/sh
# verify-md: briefc's Markdown, read back by cmark-gfm (tables and
# footnotes on) and by pandoc's gfm reader, says exactly what briefc's
# HTML says:
#  - the same words in the same order, and every paragraph, heading, list
#    item, finding, recommendation and source text verbatim (so no author
#    text turned into Markdown syntax; tests/backends/compare.pl);
#  - every finding, recommendation, source and section anchor survives as
#    an id (cmark --unsafe keeps the raw <a id>), and every #link has one;
#  - the same bytes twice.
# (Notes are compared apart from the text: a GFM reader lists footnotes at
# the end of the document, briefc's HTML before the sources, and pandoc
# numbers a note again at each of its marks; numbers.sh holds their
# numbers and texts, as cmark-gfm and GitHub read them.)
. tests/backends/suite.sh
suite_init verify-md
need cmark-gfm pandoc perl

# The footnotes a GFM reader lists at the end, out.
no_footnotes() {
	perl -0pe 's{<section[^>]*class="footnotes[^"]*".*?</section>}{}gs' "$1"
}
# The evidence map is an image in HTML (its alt text is text to pandoc)
# and a mermaid block in Markdown (code, not text): each side without it.
# The map suite checks the mermaid block.
no_map_img() {
	perl -0pe 's{(<figure class="float figure map">.*?)<img [^>]*>}{$1}gs' "$1"
}
no_mermaid() {
	perl -0pe 's{<pre(?: class="mermaid"| lang="mermaid")?>(?:<code class="language-mermaid">|(?<=mermaid">)<code>).*?</pre>}{}gs'
}

for f in $(briefs); do
	n=$(basename "$f" .brief)
	md=$tmp/$n.md
	if ! "$BRIEFC" build -t md -o "$md" "$f" 2>"$tmp/err"; then
		fail "$n: build -t md failed: $(head -3 "$tmp/err")"
		continue
	fi
	"$BRIEFC" build -t html -o "$tmp/ref.html" "$f" 2>/dev/null
	no_map_img "$tmp/ref.html" >"$tmp/ref-nomap.html"
	perl tests/backends/comparable.pl --notes <"$tmp/ref-nomap.html" >"$tmp/ref-md.html"
	html_text "$tmp/ref-md.html" >"$tmp/ref.txt"

	cmark-gfm -e table -e footnotes --unsafe "$md" >"$tmp/cmark.html"
	no_footnotes "$tmp/cmark.html" | no_mermaid >"$tmp/cmark-text.html"
	html_text "$tmp/cmark-text.html" >"$tmp/cmark.txt"
	if perl tests/backends/compare.pl "$tmp/ref.txt" "$tmp/cmark.txt" >"$tmp/cmp"; then ok
	else fail "$n: cmark-gfm reads another text:"; head -10 "$tmp/cmp"; fi

	pandoc -f gfm -t html "$md" >"$tmp/pandoc.html"
	no_footnotes "$tmp/pandoc.html" | no_mermaid |
		perl -0pe 's{<a\s[^>]*class="footnote-ref"[^>]*>.*?</a>}{}gs' >"$tmp/pandoc-text.html"
	html_text "$tmp/pandoc-text.html" >"$tmp/pandoc.txt"
	perl tests/backends/comparable.pl --notes --no-marks <"$tmp/ref-nomap.html" >"$tmp/ref-md.html"
	html_text "$tmp/ref-md.html" >"$tmp/ref.txt"
	if perl tests/backends/compare.pl "$tmp/ref.txt" "$tmp/pandoc.txt" >"$tmp/cmp"; then ok
	else fail "$n: pandoc -f gfm reads another text:"; head -10 "$tmp/cmp"; fi

	"$BRIEFC" build -t json "$f" 2>/dev/null | perl tests/backends/ids.pl >"$tmp/ids"
	bad=$(perl -e '
		local $/; open my $h, "<", $ARGV[0] or die; my $html = <$h>;
		open my $i, "<", $ARGV[1] or die;
		while (<$i>) {
			my ($kind, $id) = split;
			print "$kind $id: no anchor\n" unless $html =~ /\bid="\Q$id\E"/;
		}
		my %ids = map { $_ => 1 } $html =~ /\bid="([^"]+)"/g;
		for ($html =~ /href="#([^"]*)"/g) { print "link to #$_ has no target\n" unless $ids{$_} }
	' "$tmp/cmark.html" "$tmp/ids")
	if [ -z "$bad" ] && [ -s "$tmp/ids" ]; then ok; else fail "$n: anchors:"; echo "$bad" | head -10; fi

	"$BRIEFC" build -t md "$f" 2>/dev/null | cmp -s - "$md" && ok || fail "$n: two builds differ"
done
suite_end
