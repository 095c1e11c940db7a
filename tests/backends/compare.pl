#!/usr/bin/perl
# compare.pl [--pdf] [--drop FILE] REF OTHER
#
# Do two renderings of a brief say the same thing?  REF is the text of
# briefc's HTML (pandoc -t plain), OTHER the text of another format (the
# HTML that cmark or pandoc make of our Markdown, or pdftotext -raw of our
# PDF; --pdf says so).  Two checks:
#
#  1. the same words in the same order: the letters and digits (of any
#     script) of both, in order, are the same;
#  2. every line of REF (a paragraph, heading, list item: its text exactly,
#     escaping included) appears in OTHER, blanks aside.
#
# --drop FILE: text OTHER has that REF has not, one piece a line (the
# notes at the foot of a PDF's pages: comparable.pl --notes-file), taken
# out of OTHER's letters before the comparison.
#
# Blanks and ASCII hyphens count for nothing: a PDF's line breaks and
# hyphenation cannot be told from the author's blanks and hyphens.  A
# ligature TeX made of "--" is still caught: it is an en dash.
#
# Exit status 0 when both hold; otherwise the first difference is shown.
use strict;
use warnings;
use Unicode::Normalize qw(NFKC);

my ($pdf, $drop) = (0, undef);
while (@ARGV && $ARGV[0] =~ /^--/) {
	my $o = shift;
	if ($o eq '--pdf') { $pdf = 1 }
	elsif ($o eq '--drop') { $drop = shift }
	else { die "compare.pl: unknown option $o\n" }
}
die "usage: compare.pl [--pdf] [--drop FILE] REF OTHER\n" unless @ARGV == 2;

sub slurp {
	open my $f, '<:encoding(UTF-8)', $_[0] or die "$_[0]: $!\n";
	local $/;
	my $t = <$f>;
	return defined $t ? $t : '';
}

# What differs between formats only in typography.
sub typo {
	my $t = NFKC(shift);
	$t =~ s/\x{2019}/'/g;		# TeX sets ' as a right quote
	$t =~ s/[\x{2191}\p{Cf}]//g;	# back-links (HTML, PDF only), soft hyphens
	$t =~ s/-//g;			# a PDF's hyphens cannot be told from the author's
	return $t;
}

my $ref = slurp($ARGV[0]);
my $other = slurp($ARGV[1]);
if ($pdf) {
	$other =~ s/\n[ \t]*\d+[ \t]*\n*\f/\n/g;	# page numbers
	$other =~ s/-\n/-/g;				# hyphenation (or a hyphen at the end of a line)
}

# Letters and digits only: where a PDF puts the blanks between words is a
# guess of pdftotext's (around italics, for one), so words are compared as
# one stream of letters.
my $sa = join '', typo($ref) =~ /[\p{L}\p{N}\p{M}]+/g;
my $sb = join '', typo($other) =~ /[\p{L}\p{N}\p{M}]+/g;
my $bad = 0;
if (defined $drop) {
	for my $piece (split /\n/, slurp($drop)) {
		my $p = join '', typo($piece) =~ /[\p{L}\p{N}\p{M}]+/g;
		next if $p eq '';
		my $at = index($sb, $p);
		if ($at < 0) {
			print "  not found to take out: $piece\n";
			$bad = 1;
			next;
		}
		substr($sb, $at, length $p) = '';
	}
}
binmode STDOUT, ':encoding(UTF-8)';
if ($sa ne $sb) {
	my $i = 0;
	$i++ while $i < length($sa) && $i < length($sb) && substr($sa, $i, 1) eq substr($sb, $i, 1);
	my $lo = $i > 30 ? $i - 30 : 0;
	print "  the words differ after ", substr($sa, $lo, $i - $lo), "\n",
	      "    ref:   ", substr($sa, $i, 40), "\n    other: ", substr($sb, $i, 40), "\n";
	$bad = 1;
}

(my $flat = typo($other)) =~ s/\s+//g;
for my $line (split /\n/, $ref) {
	$line =~ s/^\s*(?:-|\d+\.)\s+//;
	(my $l = typo($line)) =~ s/\s+//g;
	next if $l eq '' || index($flat, $l) >= 0;
	print "  line not found: $line\n";
	$bad = 1;
}
exit $bad;
