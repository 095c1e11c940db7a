#!/usr/bin/perl
# compare.pl [--pdf] REF OTHER
#
# Do two renderings of a brief say the same thing?  REF is the text of
# briefc's HTML (pandoc -t plain), OTHER the text of another format (the
# HTML that cmark or pandoc make of our Markdown, or pdftotext -raw of our
# PDF; --pdf says so).  Two checks:
#
#  1. the same words in the same order: letters and digits of any script
#     make words, a hyphen between letters joins them (so a word the PDF
#     hyphenated across a line compares equal);
#  2. every line of REF (a paragraph, heading, list item: its text exactly,
#     escaping included) appears in OTHER, blanks aside.
#
# Exit status 0 when both hold; otherwise the first difference is shown.
use strict;
use warnings;
use Unicode::Normalize qw(NFKC);

my $pdf = @ARGV && $ARGV[0] eq '--pdf' ? shift : 0;
die "usage: compare.pl [--pdf] REF OTHER\n" unless @ARGV == 2;

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
	$t =~ s/(?<=\p{L})-(?=\p{L})//g;
	return $t;
}

my $ref = slurp($ARGV[0]);
my $other = slurp($ARGV[1]);
if ($pdf) {
	$other =~ s/\n[ \t]*\d+[ \t]*\n*\f/\n/g;	# page numbers
	$other =~ s/(?<=\p{L})-\n(?=\p{L})//g;		# hyphenation
}

my @a = typo($ref) =~ /[\p{L}\p{N}\p{M}]+/g;
my @b = typo($other) =~ /[\p{L}\p{N}\p{M}]+/g;
my $bad = 0;
for (my $i = 0; $i < @a || $i < @b; $i++) {
	my ($x, $y) = ($a[$i] // '(end)', $b[$i] // '(end)');
	next if $x eq $y;
	my $lo = $i > 6 ? $i - 6 : 0;
	my @ca = @a[$lo .. ($i + 6 < $#a ? $i + 6 : $#a)];
	my @cb = @b[$lo .. ($i + 6 < $#b ? $i + 6 : $#b)];
	binmode STDOUT, ':encoding(UTF-8)';
	print "  word $i differs: '$x' vs '$y'\n    ref:   @ca\n    other: @cb\n";
	$bad = 1;
	last;
}

(my $flat = typo($other)) =~ s/\s+//g;
binmode STDOUT, ':encoding(UTF-8)';
for my $line (split /\n/, $ref) {
	$line =~ s/^\s*(?:-|\d+\.)\s+//;
	(my $l = typo($line)) =~ s/\s+//g;
	next if $l eq '' || index($flat, $l) >= 0;
	print "  line not found: $line\n";
	$bad = 1;
}
exit $bad;
