#!/usr/bin/perl
# docx-pdf-words.pl HTML.txt PDF.txt JSON DIR
#
# Does LibreOffice's PDF of a Word brief (pdftotext -raw) have the words
# of our HTML (its text without the list of notes), in the HTML's order?
# Letters and digits only, in lower case (styles set labels in capitals,
# letter-spaced). What only the page moves is taken out of the PDF's
# text first: each footnote of the Word document (DIR, unpacked), with
# its number, where it stands at the foot of a page, and the header of a
# table of the JSON that it repeats on the pages it goes on to.  Exits 1, showing where the texts part, if they
# differ.
use strict;
use warnings;
use JSON::PP;
use Unicode::Normalize qw(NFKC);

die "usage: docx-pdf-words.pl HTML.txt PDF.txt JSON DIR\n" unless @ARGV == 4;
binmode STDOUT, ':encoding(UTF-8)';
sub slurp {
	open my $f, '<:encoding(UTF-8)', $_[0] or die "$_[0]: $!\n";
	local $/;
	my $t = <$f>;
	return defined $t ? $t : '';
}
sub letters {
	my $t = lc NFKC(shift);	# a superscript digit is a digit
	$t =~ s/-\n//g;
	$t =~ s/\n\s*\d+\s*\n*\f/\n/g;	# page numbers
	return join '', $t =~ /[\p{L}\p{N}]+/g;
}
my ($html, $pdf) = (letters(slurp($ARGV[0])), letters(slurp($ARGV[1])));
my $d = JSON::PP->new->decode(slurp($ARGV[2]));

# footnotes: the last place of "N text" (after the mark's line, at the foot)
my @notes = slurp("$ARGV[3]/word/footnotes.xml") =~ /<w:footnote w:id="\d+">(.*?)<\/w:footnote>/gs;
my $n = 0;
for my $x (@notes) {
	$n++;
	my $text = join '', $x =~ /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g;
	$text =~ s/&(lt|gt|quot|amp);/ /g;
	my $t = letters("$n $text");
	my $at = rindex($pdf, $t);
	if ($at < 0) {
		print "  footnote $n is not in the PDF: $text\n";
		exit 1;
	}
	substr($pdf, $at, length $t) = '';
}
# a header repeated: all but its first place
for my $tb (@{$d->{tables}}) {
	my $h = letters(join ' ', map { $_->{text} } @{$tb->{header}});
	next if $h eq '';
	my $first = index($pdf, $h);
	next if $first < 0;
	my $rest = substr($pdf, $first + length $h);
	$rest =~ s/\Q$h\E//g;
	$pdf = substr($pdf, 0, $first + length $h) . $rest;
}
exit 0 if $html eq $pdf;
my $i = 0;
$i++ while $i < length($html) && substr($html, $i, 1) eq substr($pdf, $i, 1);
print "  after ", substr($html, $i > 30 ? $i - 30 : 0, $i > 30 ? 30 : $i), ": html ",
	substr($html, $i, 30), ", pdf ", substr($pdf, $i, 30), "\n";
exit 1;
