# NumberText.pm - what the numbers' checks (numbers.pl, docx-numbers.pl)
# share: reading a file, and a text's letters and first words, references
# ([@id]) left out, as a format shows them whatever its markup.
package NumberText;
use strict;
use warnings;
use Exporter 'import';
our @EXPORT = qw(slurp letters words);

sub slurp {
	open my $f, '<:encoding(UTF-8)', $_[0] or die "$_[0]: $!\n";
	local $/;
	my $t = <$f>;
	return defined $t ? $t : '';
}

# Letters and digits only.
sub letters { my $t = shift; $t =~ s/\[@[^\]]*\]//g; join '', $t =~ /[\p{L}\p{N}]+/g }

# The first n words of a text (a note's, whose references the JSON keeps
# as written), as letters.
sub words {
	my ($t, $n) = @_;
	$t =~ s/\[@[^\]]*\]//g;
	my @w = $t =~ /[\p{L}\p{N}]+/g;
	return join '', @w[0 .. ($n < @w ? $n : @w) - 1];
}

1;
