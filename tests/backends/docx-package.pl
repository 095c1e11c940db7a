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
#  - every r:id and r:embed of the body has its relationship, every style
#    and list numbering it uses is defined, every internal hyperlink has
#    its bookmark, bookmark names are unique and at most 40 characters
#    (Word's limit), every bookmark ends.
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

my $doc = $part{'word/document.xml'} // '';
my $rels = $part{'word/_rels/document.xml.rels'} // '';
my %rid = map { $_ => 1 } $rels =~ /Id="([^"]+)"/g;
for ($doc =~ /r:(?:id|embed)="([^"]+)"/g) { wrong("relationship $_ is not defined") unless $rid{$_} }
my $styles = $part{'word/styles.xml'} // '';
my %style = map { $_ => 1 } $styles =~ /w:styleId="([^"]+)"/g;
my %used = map { $_ => 1 } $doc =~ /<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"/g;
for (sort keys %used) { wrong("style $_ is not defined") unless $style{$_} }
my $numbering = $part{'word/numbering.xml'} // '';
my %num = map { $_ => 1 } $numbering =~ /<w:num w:numId="(\d+)"/g;
for ($doc =~ /<w:numId w:val="(\d+)"/g) { wrong("numbering $_ is not defined") unless $num{$_} }

my (%name, %start, %end);
while ($doc =~ /<w:bookmarkStart w:id="(\d+)" w:name="([^"]*)"/g) {
	my ($id, $n) = ($1, $2);
	wrong("bookmark id $id twice") if $start{$id}++;
	wrong("bookmark $n twice") if $name{$n}++;
	wrong("bookmark name longer than 40 characters: $n") if length $n > 40;
}
$end{$_}++ for $doc =~ /<w:bookmarkEnd w:id="(\d+)"/g;
for (sort keys %start) { wrong("bookmark $_ does not end") unless $end{$_} }
for ($doc =~ /w:anchor="([^"]*)"/g) { wrong("a link to bookmark $_, which is not there") unless $name{$_} }
exit $bad;
