#!/usr/bin/perl
# docx-numbers.pl JSON DIR: does briefc's Word document (DIR: unpacked)
# show what the JSON gives, as Word structure?
#  - "Table N:" with each table's caption, in a Caption paragraph that
#    holds the table's bookmark, right before a w:tbl whose first row is
#    a repeating header (w:tblHeader) and whose cells are aligned as the
#    table's columns;
#  - "Figure N:" likewise, before a picture whose alt text (wp:docPr
#    descr) is the figure's alt;
#  - "Box N" at each numbered box's bookmark, in its panel;
#  - note N: the N-th Word footnote has its text, and the document has
#    one footnote reference and a number for each further use;
#  - as many pictures as figures, maps and logo, each in word/media.
# Prints each difference; exits 1 if there is one.
use strict;
use warnings;
use JSON::PP;
use File::Basename qw(dirname);
use lib dirname(__FILE__);
use NumberText;

die "usage: docx-numbers.pl JSON DIR\n" unless @ARGV == 2;
my $d = JSON::PP->new->decode(slurp($ARGV[0]));
my $doc = slurp("$ARGV[1]/word/document.xml");
my $notes = slurp("$ARGV[1]/word/footnotes.xml");
binmode STDOUT, ':encoding(UTF-8)';
my $bad = 0;
sub say_bad { print "  $_[0]\n"; $bad = 1 }

# The text of XML, its entities read.
sub text_of {
	my $x = shift;
	my $t = join '', $x =~ /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g;
	$t =~ s/&lt;/</g; $t =~ s/&gt;/>/g; $t =~ s/&quot;/"/g; $t =~ s/&amp;/&/g;
	return $t;
}
sub attr { my $s = shift; $s =~ s/&/&amp;/g; $s =~ s/</&lt;/g; $s =~ s/>/&gt;/g; $s =~ s/"/&quot;/g; $s }

# The paragraph holding bookmark id, and what follows it.
sub at_bookmark {
	my ($id) = @_;
	my $name = attr($id);
	return $doc =~ /(<w:p>(?:(?!<w:p>).)*?<w:bookmarkStart w:id="\d+" w:name="\Q$name\E"\/>.*?<\/w:p>)(.*)/s
		? ($1, $2) : ();
}

my %jc = (left => 'left', center => 'center', right => 'right');
for my $f (['Table', 'tables'], ['Figure', 'figures']) {
	my ($word, $key) = @$f;
	for my $t (@{$d->{$key}}) {
		my ($id, $n, $cap) = ($t->{id}, $t->{number}, $t->{caption});
		my ($p, $after) = at_bookmark($id);
		if (!defined $p) {
			say_bad("$key $id: no bookmark");
			next;
		}
		say_bad("$key $id: its bookmark is not in a Caption paragraph")
			unless $p =~ /^<w:p><w:pPr><w:pStyle w:val="Caption"\/>/;
		say_bad("$key $id: not '$word $n: " . substr($cap, 0, 30) . "'")
			unless index(letters(text_of($p)), letters("$word $n") . words($cap, 3)) == 0;
		if ($word eq 'Table') {
			if ($after !~ /^<w:tbl>(.*?)<\/w:tbl>/s) {
				say_bad("table $id: no w:tbl after its caption");
				next;
			}
			my @rows = $1 =~ /<w:tr>(.*?)<\/w:tr>/gs;
			say_bad("table $id: its first row does not repeat (w:tblHeader)")
				unless @rows && $rows[0] =~ /<w:tblHeader\/>/;
			say_bad("table $id: " . scalar(@rows) . " rows, the JSON " .
				(1 + @{$t->{rows}})) unless @rows == 1 + @{$t->{rows}};
			my $cols = $t->{columns};
			for my $r (0 .. $#rows) {
				my @cells = $rows[$r] =~ /<w:tc>(.*?)<\/w:tc>/gs;
				if (@cells != @$cols) {
					say_bad("table $id, row $r: " . scalar(@cells) . " cells, " .
						scalar(@$cols) . " columns");
					last;
				}
				for my $k (0 .. $#cells) {
					my ($got) = $cells[$k] =~ /<w:jc w:val="([a-z]+)"\/>/;
					my $want = defined $cols->[$k] ? $jc{$cols->[$k]} : undef;
					next if ($got // '') eq ($want // '');
					say_bad("table $id, row $r, column $k: aligned " . ($got // 'none') .
						", not " . ($want // 'none'));
				}
			}
		} else {
			my ($descr) = $after =~ /^<w:p>.*?<wp:docPr [^>]*descr="([^"]*)"/s;
			say_bad("figure $id: no picture after its caption, or not alt '$t->{alt}'")
				unless defined $descr && $descr eq attr($t->{alt});
		}
	}
}
for my $b (@{$d->{boxes}}) {
	next unless defined $b->{id};
	my ($p) = at_bookmark($b->{id});
	say_bad("box $b->{id}: not 'Box $b->{number}' in a box's panel")
		unless defined $p && $p =~ /<w:pStyle w:val="BriefBoxLabel"\/>/ &&
		       text_of($p) eq "Box $b->{number}" &&
		       $doc =~ /<w:tblStyle w:val="BriefBox[A-Za-z]*"\/>(?:(?!<w:tbl>).)*\Q$p\E/s;
}

# notes
my @texts = map { text_of($_) } $notes =~ /<w:footnote w:id="\d+">(.*?)<\/w:footnote>/gs;
my @refs = $doc =~ /<w:footnoteReference w:id="(\d+)"\/>/g;
my @want = sort { $a->{number} <=> $b->{number} } grep { defined $_->{number} } @{$d->{footnotes}};
say_bad(scalar(@texts) . " footnotes, " . scalar(@want) . " notes") unless @texts == @want;
for my $i (0 .. $#want) {
	my ($n, $uses, $text) = @{$want[$i]}{qw(number uses text)};
	my $got = $texts[$i] // '';
	say_bad("footnote $n is not '" . substr($text, 0, 30) . "'")
		unless index(letters($got), words($text, 4)) == 0;
	# the reference is the first mark; each later one its number
	my $later = () = $doc =~ /<w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:t xml:space="preserve">$n<\/w:t>/g;
	say_bad("note $n: " . (1 + $later) . " marks, $uses uses") unless 1 + $later == $uses;
}
say_bad("footnotes referenced out of order: @refs") unless "@refs" eq join ' ', 1 .. @refs;

# pictures
my $pictures = () = $doc =~ /<w:drawing>/g;
# (a ::: map is a figure whose picture briefc draws: a body node of JSON)
my $maps = grep { ($_->{kind} // '') eq 'map' } @{$d->{body}};
my $want_pics = @{$d->{figures}} + $maps + (defined $d->{meta}{logo} ? 1 : 0);
say_bad("$pictures pictures, $want_pics figures, maps and logo") unless $pictures == $want_pics;
my @media = glob("$ARGV[1]/word/media/*");
say_bad(scalar(@media) . " files in word/media, $want_pics pictures") unless @media == $want_pics;
exit $bad;
