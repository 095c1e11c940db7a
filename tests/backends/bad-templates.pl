#!/usr/bin/perl
# bad-templates.pl GOOD.docx OUTDIR
#
# Writes into OUTDIR damaged and hostile Word templates for
# --reference-doc, NAME.docx each with NAME.want, the words briefc's error
# must contain: not a ZIP, truncated, a central directory or local header
# outside the file, a zip bomb (a styles part of 64 MiB that deflates to
# kilobytes), an entry larger than it declares, a bad CRC, encryption,
# Zip64, an unknown method, two entries of one name, no styles, styles
# that are not XML.  The archives are written here, byte by byte, so that
# each field can be made wrong.
use strict;
use warnings;
use Compress::Zlib ();

die "usage: bad-templates.pl GOOD.docx OUTDIR\n" unless @ARGV == 2;
my ($good, $out) = @ARGV;
mkdir $out;

sub slurp {
	open my $f, '<:raw', $_[0] or die "$_[0]: $!\n";
	local $/;
	return <$f>;
}

sub raw_deflate {
	my ($d, $st) = Compress::Zlib::deflateInit(-WindowBits => -15, -Level => 9);
	my ($a) = $d->deflate($_[0]);
	my ($b) = $d->flush();
	return $a . $b;
}

# A ZIP archive of [name, data, method] entries; %o patches fields:
# flags, method, size (the declared one), crc, local (the offset),
# count, cd_offset.
sub zip {
	my ($entries, %o) = @_;
	my ($body, $cd) = ('', '');
	for my $e (@$entries) {
		my ($name, $data, $method) = @$e;
		my $comp = $method == 8 ? raw_deflate($data) : $data;
		my $crc = $o{crc} // Compress::Zlib::crc32($data);
		my $size = $o{size} // length $data;
		my $flags = $o{flags} // 0;
		my $m = $o{method} // $method;
		my $off = length $body;
		$body .= pack('VvvvvvVVVvv', 0x04034b50, 20, $flags, $m, 0, 0x21, $crc,
			      length $comp, $size, length $name, 0) . $name . $comp;
		$cd .= pack('VvvvvvvVVVvvvvvVV', 0x02014b50, 20, 20, $flags, $m, 0, 0x21, $crc,
			    length $comp, $size, length $name, 0, 0, 0, 0, 0,
			    $o{local} // $off) . $name;
	}
	my $n = $o{count} // scalar @$entries;
	return $body . $cd . pack('VvvvvVVv', 0x06054b50, 0, 0, $n, $n, length $cd,
				  $o{cd_offset} // length $body, 0);
}

sub write_case {
	my ($name, $bytes, $want) = @_;
	open my $f, '>:raw', "$out/$name.docx" or die "$out/$name.docx: $!\n";
	print $f $bytes;
	close $f;
	open my $w, '>', "$out/$name.want" or die;
	print $w "$want\n";
	close $w;
}

my $styles = '<?xml version="1.0"?><w:styles xmlns:w="x"></w:styles>';
my @ok = (['word/styles.xml', $styles, 8]);
my $g = slurp($good);

write_case('not-zip', "This is not a Word document.\n", 'not a ZIP archive');
write_case('truncated', substr($g, 0, int(length($g) / 2)), 'not a ZIP archive');
write_case('cd-outside', zip(\@ok, cd_offset => 1 << 30), 'central directory lies outside');
write_case('local-outside', zip(\@ok, local => 1 << 30), 'local header lies outside');
write_case('bomb', zip([['word/styles.xml', ' ' x (64 << 20), 8]]), 'at most');
write_case('liar', zip(\@ok, size => 10), 'larger or smaller than it declares');
write_case('crc', zip(\@ok, crc => 12345), 'CRC-32');
write_case('encrypted', zip(\@ok, flags => 1), 'encrypted');
write_case('zip64', zip(\@ok, count => 0xFFFF), 'Zip64');
write_case('method', zip(\@ok, method => 12), 'method');
write_case('twice', zip([@ok, @ok]), 'same name');
write_case('no-styles', zip([['word/document.xml', $styles, 8]]), 'no word/styles.xml');
write_case('not-xml', zip([['word/styles.xml', "\x00\xFF\xFEgarbage", 0]]), 'not the XML part');
