#!/usr/bin/perl
# comparable.pl [--pdf] [--notes] [--notes-file FILE] < briefc.html > comparable.html
#
# briefc's HTML, put the way another format reads, so that compare.pl can
# hold the two texts word for word (tests/suites/verify-*.sh):
#
#  - a figure's caption and a table's caption are paragraphs before the
#    image and the table, as Markdown, LaTeX and Word write them (pandoc
#    reads <figure> and <caption> into captions of its own, which its
#    plain text puts elsewhere);
#  - --notes: the list of notes goes (a GFM reader lists footnotes at the
#    end, TeX at the foot of each page: compare.pl --notes takes their
#    text out of the other side);
#  - --notes-file FILE: the notes, each "N text" (what TeX sets at the
#    foot of a page), written to FILE as HTML, for compare.pl --drop;
#  - --no-marks: notes' marks go (pandoc numbers a note again at each of
#    its marks, where GFM and briefc give the one note one number);
#  - --pdf: images go too (their alt text is not on the page).
use strict;
use warnings;

my ($pdf, $notes, $file, $marks) = (0, 0, undef, 1);
while (@ARGV) {
	my $o = shift;
	if ($o eq '--pdf') { $pdf = 1 }
	elsif ($o eq '--notes') { $notes = 1 }
	elsif ($o eq '--no-marks') { $marks = 0 }
	elsif ($o eq '--notes-file') { $file = shift }
	else { die "comparable.pl: unknown option $o\n" }
}
local $/;
my $h = <STDIN>;
if (defined $file) {
	open my $f, '>', $file or die "$file: $!\n";
	while ($h =~ m{<li id="brief\.note\.(\d+)">(.*?)</li>}gs) {
		my ($n, $t) = ($1, $2);
		$t =~ s{<a class="backlink"[^>]*>.*?</a>}{}gs;
		$t =~ s{^<p>}{<p>$n };
		print $f $t, "\n";
	}
	close $f;
}
$h =~ s{<figure class="float figure"([^>]*)>}{<div class="float figure"$1>}g;
$h =~ s{</figure>}{</div>}g;
$h =~ s{<figcaption>(.*?)</figcaption>}{<p>$1</p>}gs;
$h =~ s{<table>\n<caption>(.*?)</caption>}{<p>$1</p>\n<table>}gs;
$h =~ s{<(section|div) class="(?:level1 )?notes-section".*?</\1>\n}{}gs if $notes;
$h =~ s{<img [^>]*>}{}g if $pdf;
$h =~ s{<sup class="note-mark"[^>]*>.*?</sup>}{}gs unless $marks;
print $h;
