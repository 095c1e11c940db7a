#!/usr/bin/perl
# numbers.pl JSON HTML GFM PDF: do briefc's HTML, its Markdown as cmark-gfm
# reads it (GFM's HTML), and its PDF (pdftotext -layout) show the numbers
# the JSON gives: "Table N" with each table's caption and at its anchor,
# "Figure N" likewise, "Box N" at each numbered box, and note N with its
# text, as many marks of it as it has uses.  Prints each difference; exits
# 1 if there is one.
use strict;
use warnings;
use JSON::PP;
use File::Basename qw(dirname);
use lib dirname(__FILE__);
use NumberText;

die "usage: numbers.pl JSON HTML GFM PDF\n" unless @ARGV == 4;
my $d = JSON::PP->new->decode(slurp($ARGV[0]));
my ($html, $gfm, $pdf) = map { slurp($_) } @ARGV[1 .. 3];
binmode STDOUT, ':encoding(UTF-8)';
my $bad = 0;
sub say_bad { print "  $_[0]\n"; $bad = 1 }

my $pdf_letters = join '', $pdf =~ /[\p{L}\p{N}]+/g;

for my $f (['Table', 'tables'], ['Figure', 'figures']) {
	my ($word, $key) = @$f;
	for my $t (@{$d->{$key}}) {
		my ($id, $n, $cap) = ($t->{id}, $t->{number}, $t->{caption});
		say_bad("HTML: $key $id is not '$word $n:' at its anchor")
			unless $html =~ /id="\Q$id\E">\n(?:<table>\n<caption>|<figcaption>)<span class="float-label">\Q$word $n:\E<\/span>/;
		say_bad("GFM: $key $id is not '$word $n:' at its anchor")
			unless $gfm =~ /<a id="\Q$id\E"><\/a><strong>\Q$word $n:\E<\/strong>/;
		# the caption's first words (a note's mark may follow them)
		say_bad("PDF: no '$word $n: " . substr($cap, 0, 30) . "'")
			unless index($pdf_letters, letters("$word $n") . words($cap, 3)) >= 0;
	}
}
for my $b (@{$d->{boxes}}) {
	next unless defined $b->{id};
	my ($id, $n) = ($b->{id}, $b->{number});
	say_bad("HTML: box $id is not 'Box $n'")
		unless $html =~ /<aside class="box box-[a-z-]+" id="\Q$id\E">\n<p class="box-label">Box \Q$n\E<\/p>/;
	say_bad("GFM: box $id is not 'Box $n'")
		unless $gfm =~ /<a id="\Q$id\E"><\/a><strong>Box \Q$n\E(?::|<\/strong>)/;
	say_bad("PDF: no 'Box $n'") unless $pdf =~ /\bBox $n\b/;
}

# Notes: the text of note N is the N-th of every list, and each format
# has as many marks of it as the JSON has uses.
my @gfm_notes = $gfm =~ /<li id="fn-[^"]*">(.*?)<\/li>/gs;
for my $note (@{$d->{footnotes}}) {
	my ($n, $uses, $text) = ($note->{number}, $note->{uses}, $note->{text});
	next unless defined $n;
	my $w = words($text, 4);
	if ($html =~ /<li id="brief\.note\.$n">(.*?)<\/li>/s) {
		my $li = $1;
		say_bad("HTML: note $n is not '$w'") unless index(letters($li =~ s/<[^>]*>//gr), $w) == 0;
	} else {
		say_bad("HTML: no note $n");
	}
	my $marks = () = $html =~ /<sup class="note-mark"[^>]*>(?:<a [^>]*>)?$n</g;
	say_bad("HTML: note $n has $marks marks, $uses uses") unless $marks == $uses;
	my $g = $gfm_notes[$n - 1];
	say_bad("GFM: footnote $n is not '$w'")
		unless defined $g && index(letters($g =~ s/<[^>]*>//gr), $w) == 0;
	my $gmarks = () = $gfm =~ /<sup class="footnote-ref"><a [^>]*>$n<\/a><\/sup>/g;
	say_bad("GFM: footnote $n has $gmarks marks, $uses uses") unless $gmarks == $uses;
	my ($first) = $text =~ /(\S+)/;
	say_bad("PDF: no footnote '$n $first'") unless $pdf =~ /^\s*$n\s*\Q$first\E/m;
}
exit $bad;
