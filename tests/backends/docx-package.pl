#!/usr/bin/perl
# docx-package.pl DIR
#
# The checks of an unpacked Word document (DIR) that no reader makes for
# us: it holds nothing that runs or reaches out, and every reference in it
# has its target.
#  - no macro project, no field (w:fldSimple, w:instrText, w:fldChar), no
#    attached template, DDE, embedded object, control or alternative chunk;
#  - no character XML 1.0 forbids or a C1 control, in any part;
#  - external relationships are hyperlinks to http, https or mailto only;
#  - every r:id and r:embed of the body and of the footnotes has its
#    relationship (each part has its own), every style and list numbering
#    they use is defined, every footnote is referenced once, every
#    internal hyperlink has its bookmark, bookmark names are unique and at
#    most 40 characters (Word's limit), every bookmark ends.
# Exit status 0 when all hold; each failure is printed.
use strict;
use warnings;
use File::Find;

die "usage: docx-package.pl DIR\n" unless @ARGV == 1;
my $dir = $ARGV[0];
my $bad = 0;
sub wrong { print "  $_[0]\n"; $bad = 1 }

sub slurp {
	open my $f, '<:raw', $_[0] or die "$_[0]: $!\n";
	local $/;
	my $t = <$f>;
	utf8::decode($t) or wrong("$_[0]: not UTF-8");
	return $t;
}

my @files;
find(sub { push @files, $File::Find::name if -f }, $dir);
my %part;
for my $f (@files) {
	(my $name = $f) =~ s/^\Q$dir\E\/?//;
	wrong("a binary part: $name") if $name =~ /\.bin$/i;
	next unless $name =~ /\.(xml|rels)$/;
	$part{$name} = slurp($f);
}
for my $name (sort keys %part) {
	my $t = $part{$name};
	# as elements: the same words in text are escaped (&lt;w:...)
	while ($t =~ /<([\w.]+:)?(fldSimple|instrText|fldChar|attachedTemplate|ddeLink|
			   object|control|altChunk|subDoc|oleObject|OLEObject)\b/gx) {
		wrong("$name: has the element $2");
	}
	wrong("$name: names a macro project or macro-enabled part")
		if $name =~ /\.rels$|Content_Types/ && $t =~ /vbaProject|macroEnabled|attachedTemplate/i;
	wrong(sprintf "%s: a control character U+%04X", $name, ord $1)
		if $t =~ /([\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\x{FFFE}\x{FFFF}])/;
}
for my $name (grep { /\.rels$/ } sort keys %part) {
	while ($part{$name} =~ /<Relationship\b([^>]*)>/g) {
		my $a = $1;
		next unless $a =~ /TargetMode="External"/;
		my ($type) = $a =~ /Type="[^"]*\/([^"\/]+)"/;
		my ($target) = $a =~ /Target="([^"]*)"/;
		wrong("$name: an external $type relationship") unless $type eq 'hyperlink';
		wrong("$name: a link to $target") unless $target =~ /^(https?|mailto):/i;
	}
}

# The body and the footnotes: their relationships, styles, numbering and
# bookmarks (a citation in a note has its bookmark there).
my $doc = $part{'word/document.xml'} // '';
my $notes = $part{'word/footnotes.xml'} // '';
for my $p (['word/document.xml', 'word/_rels/document.xml.rels'],
	   ['word/footnotes.xml', 'word/_rels/footnotes.xml.rels']) {
	my ($text, $rels) = map { $part{$_} // '' } @$p;
	my %rid = map { $_ => 1 } $rels =~ /Id="([^"]+)"/g;
	for ($text =~ /r:(?:id|embed)="([^"]+)"/g) {
		wrong("$p->[0]: relationship $_ is not defined") unless $rid{$_};
	}
}
my $all = $doc . $notes;
my $styles = $part{'word/styles.xml'} // '';
my %style = map { $_ => 1 } $styles =~ /w:styleId="([^"]+)"/g;
my %used = map { $_ => 1 } $all =~ /<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"/g;
for (sort keys %used) { wrong("style $_ is not defined") unless $style{$_} }
my $numbering = $part{'word/numbering.xml'} // '';
my %num = map { $_ => 1 } $numbering =~ /<w:num w:numId="(\d+)"/g;
for ($all =~ /<w:numId w:val="(\d+)"/g) { wrong("numbering $_ is not defined") unless $num{$_} }
# every footnote referenced once, and every reference to a footnote
my %note = map { $_ => 0 } $notes =~ /<w:footnote w:id="(\d+)">/g;
for ($doc =~ /<w:footnoteReference w:id="(\d+)"\/>/g) {
	if (!exists $note{$_}) { wrong("a reference to footnote $_, which is not there") }
	elsif ($note{$_}++) { wrong("footnote $_ referenced twice") }
}
for (sort keys %note) { wrong("footnote $_ is never referenced") unless $note{$_} }

my (%name, %start, %end);
while ($all =~ /<w:bookmarkStart w:id="(\d+)" w:name="([^"]*)"/g) {
	my ($id, $n) = ($1, $2);
	wrong("bookmark id $id twice") if $start{$id}++;
	wrong("bookmark $n twice") if $name{$n}++;
	wrong("bookmark name longer than 40 characters: $n") if length $n > 40;
}
$end{$_}++ for $all =~ /<w:bookmarkEnd w:id="(\d+)"/g;
for (sort keys %start) { wrong("bookmark $_ does not end") unless $end{$_} }
for ($all =~ /w:anchor="([^"]*)"/g) { wrong("a link to bookmark $_, which is not there") unless $name{$_} }
exit $bad;
