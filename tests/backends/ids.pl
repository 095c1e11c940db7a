#!/usr/bin/perl
# ids.pl < brief.json: "KIND ID NUMBER" for every finding, recommendation,
# source, section, table, figure and numbered box of a brief, from briefc's
# JSON (docs/json.md): the anchors and numbers every text format must have.
use strict;
use warnings;
use JSON::PP;
local $/;
my $d = JSON::PP->new->utf8->decode(<STDIN>);
for my $k (['finding', 'findings'], ['recommendation', 'recommendations'],
	   ['source', 'sources'], ['section', 'sections'], ['table', 'tables'],
	   ['figure', 'figures'], ['box', 'boxes']) {
	print "$k->[0] $_->{id} ", ($_->{number} // 0), "\n"
		for grep { defined $_->{id} } @{$d->{$k->[1]}};
}
