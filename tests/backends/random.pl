#!/usr/bin/perl
# random.pl [SEED] [PARAGRAPHS]: a brief whose prose is random soup of the
# characters that mean something to Markdown, HTML or TeX, mixed with
# emphasis, code, links and references (a deterministic generator: the
# same seed gives the same brief).  The verify suites check that every
# format says exactly what the HTML says about it.
use strict;
use warnings;
my $seed = @ARGV ? $ARGV[0] : 1;
my $paras = @ARGV > 1 ? $ARGV[1] : 200;
my $x = $seed;
sub rnd { $x = ($x * 1103515245 + 12345) % 2147483648; return int($x / 65536) % $_[0]; }

my @atoms = (split(//, q{abcXYZ 019-+=*_`[]()<>#|~$&:!\\"'^{}%.,;@/}),
	'\\*', '\\_', '\\`', '\\[', '\\]', '\\\\', '*x*', '**y**', '`c`', ' ABC ', '(ABC)',
	" \x{e9}", "\x{2014}", "\x{201c}q\x{201d}", '**a *b* c**', '*a **b** c*',
	'[l](https://e.example/(x)?a=1&b=2)', '[@h]', '[@f]', '[@e]', ' https://u.example/p ',
	' www.w.example ', ':smile:', '&amp;', '&#35;', '--', "''", ',,', '^^41');
binmode STDOUT, ':encoding(UTF-8)';
print "---\ntitle: Random $seed\nauthors: A\ndate: 2024-01-01\n---\n\n",
	"::: acronyms\nABC: Alpha (Beta) *C*\n:::\n\n# H {#h}\n\n";
for my $p (1 .. $paras) {
	my @lines;
	for (0 .. rnd(3)) {
		my $s = '';
		for (0 .. 3 + rnd(22)) {
			my $a = $atoms[rnd(scalar @atoms)];
			# no link, reference or comment may form by accident:
			# it would be an error, and an error builds nothing
			next if $s =~ /\]$/ && $a =~ /^\(/;
			next if $s =~ /\[$/ && $a =~ /^[@^]/;
			next if $s =~ /<$/ && $a =~ /^!/;
			$s .= $a;
			$s .= ' ' if rnd(3) == 0;
		}
		$s =~ s/^\s+|\s+$//g;
		# a line's first characters decide its role in .brief
		$s = "w$s" if $s eq '' || $s =~ /^[-+*>#:0-9|<\[\\!]/;
		push @lines, $s;
	}
	print join("\n", @lines), "\n\n";
}
print "::: finding f\nclaim: A claim.\nevidence: e\n:::\n\n",
	"::: evidence e\ntitle: A source\n:::\n";
