#!/usr/bin/perl
# layout.pl FILLER LANG: a brief whose cards and source entries fall at
# every height of a page as FILLER (a number of lines of prose before
# them) varies, for tests/suites/verify-layout.sh.  Each card's lead
# says "LeadN", its body ends "EndN"; each source's note ends "NoteN";
# the generated list of recommendations has the groups "The Plan" and
# "The Acts".
use strict;
use warnings;

my ($filler, $lang) = @ARGV;
$filler //= 0;
$lang //= 'en';
print "---\ntitle: Layout: cards and sources at every height of a page\n",
	"authors: Test Author\ndate: 2024-03-01\nlang: $lang\nstatus: final\n---\n\n";
print "::: areas\nplan: The Plan\nacts: The Acts\n:::\n\n# Opening\n\n";
# lines of filler, as short paragraphs of two lines each
for my $i (1 .. $filler) {
	print "Filler line $i moves everything below it down the page a\n",
		"little, so that each card lands somewhere else this time.\n\n";
}
for my $n (1 .. 6) {
	my $s = ($n - 1) % 3 + 1;
	print "::: finding f$n\nclaim: Lead$n of a finding whose claim runs over two\n",
		"  lines in print, to make the head of the card taller [\@s$s].\n",
		"confidence: high\n\n",
		"The body of the finding, a few lines long, so that the card has\n",
		"a head, a body and a foot that a page break could separate from\n",
		"each other. End$n.\n:::\n\n";
	my $area = $n % 2 ? 'plan' : 'acts';
	print "::: recommendation r$n\naction: Lead$n of a recommendation.\narea: $area\n",
		"addresses: f$n\n\nIts body, on one line. End$n.\n:::\n\n";
}
# a generated list: its group title must not end a page
print "# Summary\n\nThe recommendations, by area, after a paragraph that puts the\n",
	"list somewhere else on the page as the filler grows.\n\n::: recommendations\n:::\n\n";
print "# Sources\n\n::: sources\n:::\n\n";
for my $n (1 .. 3) {
	print "::: evidence s$n\ntitle: Source $n, with a title long enough to take\n",
		"  a second line in the list of sources\npublisher: A Publisher\n",
		"url: https://example.org/source/$n\ndate: 2023-0$n\n\n",
		"A note on source $n that runs over several lines, so that the\n",
		"entry is tall enough for a page break to fall inside it if it\n",
		"were allowed to. Note$n.\n:::\n\n";
}
