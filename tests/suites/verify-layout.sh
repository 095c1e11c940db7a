#!/bin/sh
# verify-layout: the PDF laid out as a publisher ships it, read page by
# page with pdftotext (docs/output.md, "PDF layout").  Briefs from
# tests/backends/layout.pl put cards and sources at every height of a
# page (0 to 24 paragraphs of filler before them); in each:
#  - no page ends with a card's top rule (marked in the LaTeX for the
#    test) or a group title of a generated list, and a card's label is on
#    the page of its lead, and the whole card on that page (it is
#    shorter than a page);
#  - a card's foot ("Addressed by ...") is on the page of its last line;
#  - a source entry, its note included, is on one page;
# and in every brief:
#  - back-links name the pages a source is cited on ("Cited on p. 2, 5"),
#    never a row of arrows;
#  - pages after the first carry the running head, every page "Page N of M";
#  - the paper is US Letter for en-US and en-CA, A4 otherwise, and the
#    front matter's paper: wins when the brief has one.
. tests/backends/suite.sh
suite_init verify-layout
need pdflatex pdftotext pdfinfo perl
export XDG_CACHE_HOME="$tmp/cache"

# pages FILE.pdf: each page's text in FILE.p1, FILE.p2, ...; their number
pages() {
	n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	p=1
	while [ "$p" -le "$n" ]; do
		pdftotext -f "$p" -l "$p" -layout -enc UTF-8 "$1" "${1%.pdf}.p$p"
		p=$((p + 1))
	done
	echo "$n"
}

# check_pages BASE N: the page-by-page rules on BASE.p1 .. BASE.pN
check_pages() {
	perl -CSD -e '
		my ($base, $n) = @ARGV;
		my $bad = 0;
		sub say { print "$base page $_[0]: $_[1]\n"; $bad++ }
		for my $p (1 .. $n) {
			open my $f, "<:encoding(UTF-8)", "$base.p$p" or die;
			my @l = grep { /\S/ && !/Page \d+ of \d+/ } <$f>;
			close $f;
			s/^\s+|\s+$//g for @l;
			say($p, "ends with a card rule") if @l && $l[-1] =~ /CARDRULE/;
			say($p, "ends with a group title") if @l && $l[-1] =~ /^The (?:Plan|Acts)$/;
			for my $i (0 .. $#l) {
				if ($l[$i] =~ /^(?:Finding|Recommendation) (\d+)$/) {
					my $k = $1;
					say($p, "the label \"$l[$i]\" without its lead")
						unless $i < $#l && $l[$i + 1] =~ /Lead$k\b/;
					# a card shorter than a page is whole on one page
					my ($j, $end) = ($i + 1, 0);
					for (; $j <= $#l && $l[$j] !~ /^(?:Finding|Recommendation) \d+$/; $j++) {
						$end = 1 if $l[$j] =~ /End$k\./;
					}
					say($p, "the card \"$l[$i]\" goes on to the next page")
						if $i > 0 && $l[$i - 1] =~ /CARDRULE/ && !$end;
				}
				if ($l[$i] =~ /^(?:Addressed by|Addresses) /) {
					say($p, "a card foot without the card: \"$l[$i]\"")
						unless $i > 0 && $l[$i - 1] =~ /End\d+\./;
				}
				if ($l[$i] =~ /Source (\d+), with a title/) {
					my $k = $1;
					say($p, "source $k without its whole note")
						unless grep { /Note$k\./ } @l[$i .. $#l];
				}
			}
		}
		exit($bad ? 1 : 0);' "$1" "$2"
}

# Cards and sources at every height.
f=0
while [ "$f" -le 24 ]; do
	b=$tmp/l$f
	perl tests/backends/layout.pl "$f" en >"$b.brief"
	"$BRIEFC" build -t latex -o "$b.tex" "$b.brief" 2>/dev/null
	# a mark beside each card's top rule, to find the rule in the text
	sed 's/\\rule{\\linewidth}{1pt}}/\\rule{\\linewidth}{1pt}}\\makebox[0pt][r]{\\tiny CARDRULE}/' \
		"$b.tex" >"$b.marked.tex"
	if ! grep -q CARDRULE "$b.marked.tex"; then
		fail "filler $f: no card rule to mark in the LaTeX"
	elif (cd "$tmp" && for run in 1 2; do
		pdflatex -interaction=nonstopmode -halt-on-error "l$f.marked.tex" >/dev/null 2>&1 || exit 1
	      done); then
		n=$(pages "$b.marked.pdf")
		if check_pages "$b.marked" "$n" >"$tmp/bad"; then ok
		else fail "filler $f:"; head -5 "$tmp/bad"; fi
	else
		fail "filler $f: pdflatex fails"
	fi
	f=$((f + 1))
done

# The examples (the US-ROK one once left a group title at a page's foot,
# its Korean version a heading before a card): no page ends with a group
# title, a card's label or a heading.
for e in examples/minimal.brief examples/public-health.brief examples/us-rok-partnership.brief \
	examples/us-rok-partnership-ko.brief; do
	x=$(basename "$e" .brief)
	"$BRIEFC" build -t latex -o "$tmp/$x.tex" "$e" 2>/dev/null
	if ! "$BRIEFC" build -t pdf -o "$tmp/$x.pdf" "$e" 2>"$tmp/err"; then
		fail "$x: build -t pdf: $(head -3 "$tmp/err")"
		continue
	fi
	pages "$tmp/$x.pdf" >/dev/null
	sed -n 's/.*\\BriefGroupTitle{\([^}]*\)}.*/\1/p; s/^\\\(sub\)*section{\\texorpdfstring{\([^}]*\)}.*/\2/p' \
		"$tmp/$x.tex" | tr -d ' ' >"$tmp/titles"
	# (blanks aside: pdftotext puts some around CJK punctuation)
	bad=$(for f in "$tmp/$x".p[0-9]*; do
		last=$(grep -v '^[[:space:]]*$' "$f" | grep -Ev 'Page [0-9]+ of|^ *[0-9]+ */ *[0-9]+ *$' |
			tail -1 | tr -d ' ')
		if printf '%s\n' "$last" | grep -Eq '^(Finding|Recommendation)[0-9]+$' ||
		   grep -Fxq "$last" "$tmp/titles"; then echo "$f: $last"; fi
	done)
	if [ -z "$bad" ] && [ -s "$tmp/titles" ]; then ok; else fail "$x: a page ends with: $bad"; fi
done

# Back-links, running head, page N of M, through -t pdf.
if "$BRIEFC" build -t pdf -o "$tmp/us.pdf" examples/us-rok-partnership.brief 2>"$tmp/err"; then
	n=$(pages "$tmp/us.pdf")
	all=$(cat "$tmp"/us.p*)
	if printf '%s' "$all" | grep -Eq 'Cited on p\. [0-9]+, [0-9]+(, [0-9]+)*$' &&
	   ! printf '%s' "$all" | grep -q '↑'; then ok
	else fail "back-links: $(printf '%s' "$all" | grep -n 'Cited\|↑' | head -3)"; fi
	if grep -q "Page 1 of $n" "$tmp/us.p1" && grep -q "Page $n of $n" "$tmp/us.p$n" &&
	   ! grep -q 'US-ROK Global Strategic Partnership in the Indo-Pacific *$' "$tmp/us.p1" &&
	   head -3 "$tmp/us.p2" | grep -q 'US-ROK Global Strategic Partnership in the Indo-Pacific'; then ok
	else fail "running head or page N of M:"; head -3 "$tmp/us.p2"; fi
else
	fail "US-ROK: build -t pdf: $(head -3 "$tmp/err")"
fi

# Paper: by language, unless the brief says.
for case in "en a4" "en-GB a4" "fr a4" "en-US letter" "en-CA letter" "ko a4"; do
	lang=${case% *} want=${case#* }
	perl tests/backends/layout.pl 0 "$lang" >"$tmp/paper.brief"
	"$BRIEFC" build -t pdf -o "$tmp/paper.pdf" "$tmp/paper.brief" 2>/dev/null
	size=$(pdfinfo "$tmp/paper.pdf" 2>/dev/null | sed -n 's/^Page size: *//p')
	case $want:$size in
	a4:*"(A4)"* | letter:*"(letter)"*) ok ;;
	*) fail "lang $lang: paper $size, expected $want" ;;
	esac
done
suite_end
