#!/bin/sh
# verify-html: briefc's HTML, checked by HTML Tidy and against the JSON.
#  - the page and the --fragment (inside a minimal page) pass
#    `tidy -errors -quiet` with no errors (and, but for the random brief,
#    no warnings);
#  - every finding, recommendation, source and section has its ID as id,
#    once, and its number in its label; every #link has a target;
#  - no script, no link but http, https, mailto and #; same bytes twice.
. tests/backends/suite.sh
suite_init verify-html
need tidy pandoc perl

# No errors.  The examples and the torture file must not even have
# warnings; the random brief nests <em> in <em>, which HTML allows and tidy
# warns about.
tidy_clean() {
	tidy -errors -quiet "$2" >"$tmp/tidy" 2>&1
	st=$?
	[ "$1" = random ] && [ $st -le 1 ] && ! grep -q 'Error:' "$tmp/tidy" && return 0
	[ $st -eq 0 ] && [ ! -s "$tmp/tidy" ]
}

for f in $(briefs); do
	n=$(basename "$f" .brief)
	h=$tmp/$n.html
	if ! "$BRIEFC" build -t html -o "$h" "$f" 2>"$tmp/err"; then
		fail "$n: build -t html failed: $(head -3 "$tmp/err")"
		continue
	fi
	if tidy_clean "$n" "$h"; then ok
	else fail "$n: tidy reports errors:"; head -10 "$tmp/tidy"; fi

	"$BRIEFC" build -t html --fragment "$f" >"$tmp/frag" 2>/dev/null
	{ printf '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
	  printf '<title>t</title>\n</head>\n<body>\n'; cat "$tmp/frag"; printf '</body>\n</html>\n'; } >"$tmp/page.html"
	if grep -qiE '<html[ >]|<head>|<style|<body' "$tmp/frag"; then fail "$n: the fragment has a page wrapper"
	elif tidy_clean "$n" "$tmp/page.html"; then ok
	else fail "$n: tidy reports errors in the fragment:"; head -10 "$tmp/tidy"; fi

	"$BRIEFC" build -t json "$f" 2>/dev/null | perl tests/backends/ids.pl >"$tmp/ids"
	bad=$(perl -e '
		local $/; open my $h, "<", $ARGV[0] or die; my $html = <$h>;
		open my $i, "<", $ARGV[1] or die;
		# the labels are in the brief'"'"'s language: English ones are known,
		# the others must be one word (or words) per kind, then the number
		my $en = $html =~ /<html lang="en[-"]/;
		my %label = (finding => "Finding", recommendation => "Recommendation", source => "[");
		my %seen;
		while (<$i>) {
			my ($kind, $id, $num) = split;
			my $n = () = $html =~ /\bid="\Q$id\E"/g;
			print "$kind $id: id=\"$id\" $n times\n" if $n != 1;
			next unless $label{$kind};
			if ($kind eq "source" || $en) {
				my $want = $kind eq "source" ? "[$num]" : "$label{$kind} $num";
				print "$kind $id: not labelled $want\n"
					unless $html =~ /id="\Q$id\E">\n?<span class="[a-z-]+">\Q$want\E/;
			} elsif ($html =~ /id="\Q$id\E">\n?<span class="[a-z-]+">([^<]+) \Q$num\E</) {
				$seen{$kind} //= $1;
				print "$kind $id: labelled $1, others $seen{$kind}\n" if $1 ne $seen{$kind};
			} else {
				print "$kind $id: not labelled with its number $num\n";
			}
		}
		my %ids = map { $_ => 1 } $html =~ /\bid="([^"]+)"/g;
		for ($html =~ /href="#([^"]*)"/g) { print "link to #$_ has no target\n" unless $ids{$_} }
		for ($html =~ /href="([^"#][^"]*)"/g) { print "link to $_\n" unless m{^(https?:|mailto:)}i }
		print "script\n" if $html =~ /<script|\bon[a-z]+=|javascript:/i;
	' "$h" "$tmp/ids")
	if [ -z "$bad" ] && [ -s "$tmp/ids" ]; then ok; else fail "$n: ids and links:"; echo "$bad" | head -10; fi

	"$BRIEFC" build -t html "$f" 2>/dev/null | cmp -s - "$h" && ok || fail "$n: two builds differ"
done
suite_end
