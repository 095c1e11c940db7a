#!/usr/bin/perl
# docx-compare.pl OURS.json DOCX.json
#
# Does the Word document say what our HTML says?  Both files are pandoc's
# JSON: OURS of briefc's HTML (pandoc -f html), DOCX of briefc's .docx
# (pandoc -f docx).  Each is reduced to what a reader gets from it, and
# the two must agree on:
#
#  text      the same letters and digits in the same order, and every text
#            block of ours (paragraph, heading, list item, cell, term) found
#            whole in the Word text, blanks aside;
#  headings  the same headings, levels and text (ours one level down: the
#            HTML's <h1> is the title);
#  links     the same external URLs in the same order; internal links in
#            the same order to the same places (the text of the block each
#            target is in: pandoc renames the bookmarks of headings), and
#            every internal target of the Word document defined in it;
#  tables    the same cells (tables of more than one cell: a one-cell
#            table is a card or box panel, read as its blocks), after the
#            caption: the HTML's <caption>, the Word document's Caption
#            paragraph (pandoc also reads its w:tblCaption, the table's
#            alternative text, as a caption: not compared);
#  images    the same alternative texts (pandoc reads an HTML <figure> as
#            its image and caption only: verify-docx gives it the figures
#            as <div>s);
#  notes     the same footnote texts, in the same order: our HTML's list
#            of notes, the Word document's footnotes; the links in notes
#            in the same order, apart from the text's.
# A note's mark (a superscript number, or a link to a note or a mark) is
# not text: the HTML's marks are its numbers, a Word footnote's is not.
#
# The title block: pandoc takes leading Title, Subtitle, Author and Date
# paragraphs of a .docx as metadata, so those come first in the Word text.
# Exit status 0 when everything agrees; otherwise each difference is shown.
use strict;
use warnings;
use JSON::PP;
use Unicode::Normalize qw(NFKC);

# CONTENTS: the contents' title, when the brief's language does not say
# "Contents" (the HTML's <nav aria-label>)
my $contents = @ARGV == 3 ? pop @ARGV : 'Contents';
utf8::decode($contents);
die "usage: docx-compare.pl OURS.json DOCX.json [CONTENTS]\n" unless @ARGV == 2;
binmode STDOUT, ':encoding(UTF-8)';

sub load {
	open my $f, '<:raw', $_[0] or die "$_[0]: $!\n";
	local $/;
	return JSON::PP->new->utf8->decode(<$f>);
}

# A table's rows of cells, each cell its blocks (pandoc 1.22's layout).
sub rows_of {
	my ($c) = @_;
	my ($head, $bodies, $foot) = ($c->[3], $c->[4], $c->[5]);
	my @rows = @{$head->[1]};
	for my $body (@$bodies) { push @rows, @{$body->[2]}, @{$body->[3]} }
	push @rows, @{$foot->[1]};
	return map { [map { $_->[4] } @{$_->[1]}] } @rows;
}

# What one document gives a reader.
sub reduce {
	my ($doc, $is_docx) = @_;
	my %r = (blocks => [], headings => [], ext => [], int => [], ids => {},
		 cells => [], images => [], notes => [], note_ext => [], note_int => [],
		 note_ids => {});
	my ($inl, $walk, $table);
	my $in_note = 0;
	# The text of blocks, kept apart from the document's own.
	my $apart = sub {
		my ($blocks) = @_;
		my $n = @{$r{blocks}};
		$walk->($blocks, {});
		return join ' ', splice @{$r{blocks}}, $n;
	};
	# A note's text: apart, and its links and anchors with it.
	my $note = sub {
		my %before = %{$r{ids}};
		$in_note++;
		my $t = $apart->($_[0]);
		$in_note--;
		for (keys %{$r{ids}}) {
			next if exists $before{$_};
			$r{note_ids}{$_} = $t;
			delete $r{ids}{$_};
		}
		push @{$r{notes}}, $t;
	};
	# Whether inlines are a note's mark: digits, or links to notes.
	my $mark;
	$mark = sub {
		for my $i (@{$_[0]}) {
			next if $i->{t} eq 'Str' && $i->{c} =~ /^\d+$/;
			next if $i->{t} eq 'Link' && $i->{c}[2][0] =~ /^#brief\.note(?:ref)?\./;
			next if $i->{t} eq 'Superscript' && $mark->($i->{c});
			return 0;
		}
		return 1;
	};
	$inl = sub {	# inlines -> text, collecting links, images, notes, ids
		my ($list) = @_;
		my $t = '';
		my $last = '';	# the target of the link just before
		for my $i (@$list) {
			my ($k, $c) = ($i->{t}, $i->{c});
			my $prev = $last;
			$last = '';
			if ($k eq 'Str') { $t .= $c }
			elsif ($k eq 'Space' || $k eq 'SoftBreak' || $k eq 'LineBreak') { $t .= ' ' }
			elsif ($k eq 'Code') { $t .= $c->[1] }
			elsif ($k eq 'Link') {
				my $url = $c->[2][0];
				next if $url =~ /^#brief\.note(?:ref)?\./;	# a mark, a back-link
				$last = $url;
				my $in = $in_note ? 'note_' : '';
				# pandoc joins two links in a row to one target
				if ($url eq $prev) { }
				elsif ($url =~ /^#(.*)/s) { push @{$r{"${in}int"}}, $1 }
				else { push @{$r{"${in}ext"}}, $url }
				$r{ids}{$c->[0][0]} //= @{$r{blocks}} if $c->[0][0] ne '';
				$t .= $inl->($c->[1]);
			} elsif ($k eq 'Image') {
				push @{$r{images}}, $inl->($c->[1]);
			} elsif ($k eq 'Note') {
				$note->($c);
			} elsif ($k eq 'Superscript' && $mark->($c)) {
				# a note's mark
			} elsif ($k eq 'Span') {
				$r{ids}{$c->[0][0]} //= @{$r{blocks}} if $c->[0][0] ne '';
				$t .= $inl->($c->[1]);
			} elsif ($k eq 'Quoted') {
				my $q = $c->[0]{t} eq 'DoubleQuote' ? '"' : "'";
				$t .= $q . $inl->($c->[1]) . $q;
			} elsif ($k eq 'Emph' || $k eq 'Strong' || $k eq 'Underline' ||
				 $k eq 'Strikeout' || $k eq 'Superscript' || $k eq 'Subscript' ||
				 $k eq 'SmallCaps') {
				$t .= $inl->($c);
			} elsif ($k eq 'Cite') { $t .= $inl->($c->[1]) }
			elsif ($k eq 'Math') { $t .= $c->[1] }
			elsif ($k eq 'RawInline') { $t .= $c->[1] }
		}
		return $t;
	};
	my $text_block = sub { push @{$r{blocks}}, $_[0] };
	my $after_header = 0;	# the last top-level block was the title block
	$walk = sub {
		my ($blocks, $ctx) = @_;
		for my $b (@$blocks) {
			my ($k, $c) = ($b->{t}, $b->{c});
			my $prev_header_div = $after_header;
			$after_header = $k eq 'Div' && grep { $_ eq 'brief-header' } @{$c->[0][1]}
				if $ctx->{top};
			if ($k eq 'Para' || $k eq 'Plain') {
				$text_block->($inl->($c));
			} elsif ($k eq 'Header') {
				my ($level, $attr, $ils) = @$c;
				$r{ids}{$attr->[0]} //= @{$r{blocks}} if $attr->[0] ne '';
				my $t = $inl->($ils);
				$text_block->($t);
				next if $ctx->{toc};
				if (!$is_docx) {
					# the contents' title (pandoc drops the <nav>)
					next if $ctx->{top} && $prev_header_div && $t eq $contents;
					next if grep { $_ eq 'brief-title' } @{$attr->[1]};
					$level--;
				}
				push @{$r{headings}}, "$level $t";
			} elsif ($k eq 'Div' && grep { $_ eq 'notes-section' } @{$c->[0][1]}) {
				# our HTML's notes: each item one note
				for my $l (grep { $_->{t} eq 'OrderedList' } @{$c->[1]}) {
					$note->($_) for @{$l->{c}[1]};
				}
			} elsif ($k eq 'Div') {
				my ($attr, $bs) = @$c;
				$r{ids}{$attr->[0]} //= @{$r{blocks}} if $attr->[0] ne '';
				my %sub = (%$ctx, top => 0);
				$sub{toc} = 1 if $attr->[0] eq 'brief.contents';
				$walk->($bs, \%sub);
			} elsif ($k eq 'BlockQuote') {
				$walk->($c, $ctx);
			} elsif ($k eq 'BulletList') {
				$walk->($_, $ctx) for @$c;
			} elsif ($k eq 'OrderedList') {
				$walk->($_, $ctx) for @{$c->[1]};
			} elsif ($k eq 'DefinitionList') {
				for my $d (@$c) {
					$text_block->($inl->($d->[0]));
					$walk->($_, $ctx) for @{$d->[1]};
				}
			} elsif ($k eq 'LineBlock') {
				$text_block->($inl->($_)) for @$c;
			} elsif ($k eq 'CodeBlock') {
				$text_block->($c->[1]);
			} elsif ($k eq 'Table') {
				$table->($c, $ctx);
			}
		}
	};
	$table = sub {
		my ($c, $ctx) = @_;
		$walk->($c->[1][1], $ctx) unless $is_docx;	# the caption
		my @rows = rows_of($c);
		my $ncells = 0;
		$ncells += @$_ for @rows;
		if ($ncells == 1) {	# a panel: its blocks
			$walk->($rows[0][0], $ctx);
			return;
		}
		for my $row (@rows) {
			for my $cell (@$row) {
				my $t = $apart->($cell);
				push @{$r{cells}}, $t;
				$text_block->($t);
			}
		}
	};
	if ($is_docx) {
		my $m = $doc->{meta};
		for my $key (qw(title subtitle author date)) {
			next unless $m->{$key};
			my $v = $m->{$key};
			my @vals = $v->{t} eq 'MetaList' ? @{$v->{c}} : ($v);
			$text_block->($inl->($_->{c})) for @vals;
		}
	}
	$walk->($doc->{blocks}, {top => 1});
	return \%r;
}

my $ours = reduce(load($ARGV[0]), 0);
my $docx = reduce(load($ARGV[1]), 1);
my $bad = 0;

# What differs between the formats only in typography.
sub typo {
	my $t = NFKC(shift);
	$t =~ s/[\x{2191}\p{Cf}]//g;	# back-links, soft hyphens
	$t =~ s/[\x{80}-\x{9F}\x{FFFD}]//g;	# controls: Word gets U+FFFD
	return $t;
}

sub first_diff {
	my ($what, $a, $b) = @_;
	my $i = 0;
	$i++ while $i < length($a) && $i < length($b) && substr($a, $i, 1) eq substr($b, $i, 1);
	my $lo = $i > 30 ? $i - 30 : 0;
	print "  $what differ after: ", substr($a, $lo, $i - $lo), "\n",
	      "    ours: ", substr($a, $i, 50), "\n    docx: ", substr($b, $i, 50), "\n";
	$bad = 1;
}

# text
my $wa = join '', typo(join "\n", @{$ours->{blocks}}) =~ /[\p{L}\p{N}\p{M}]+/g;
my $wb = join '', typo(join "\n", @{$docx->{blocks}}) =~ /[\p{L}\p{N}\p{M}]+/g;
first_diff('the words', $wa, $wb) if $wa ne $wb;
(my $flat = typo(join '', @{$docx->{blocks}})) =~ s/\s+//g;
for my $line (@{$ours->{blocks}}) {
	(my $l = typo($line)) =~ s/\s+//g;
	next if $l eq '' || index($flat, $l) >= 0;
	print "  text not in the Word document: $line\n";
	$bad = 1;
}

# lists that must be equal
sub same_list {
	my ($what, $a, $b) = @_;
	my $n = @$a > @$b ? @$a : @$b;
	for my $i (0 .. $n - 1) {
		my ($x, $y) = ($a->[$i], $b->[$i]);
		$x = typo($x) if defined $x;
		$y = typo($y) if defined $y;
		if (defined $x) { $x =~ s/\s+/ /g; $x =~ s/^ | $//g }
		if (defined $y) { $y =~ s/\s+/ /g; $y =~ s/^ | $//g }
		next if defined $x && defined $y && $x eq $y;
		printf "  %s %d: ours %s, docx %s\n", $what, $i + 1,
			defined $x ? "'$x'" : 'none', defined $y ? "'$y'" : 'none';
		$bad = 1;
		return;
	}
}
same_list('heading', $ours->{headings}, $docx->{headings});
same_list('external link', $ours->{ext}, $docx->{ext});
# An internal link goes to the same place: the text of the block its
# target is in (pandoc renames the targets of headings in a .docx).
sub target_text {
	my ($r, $id) = @_;
	return $r->{note_ids}{$id} if defined $r->{note_ids}{$id};
	my $i = $r->{ids}{$id};
	return defined $i && defined $r->{blocks}[$i] ? $r->{blocks}[$i] : "(#$id: no such target)";
}
# (a Word paragraph may hold several of the HTML's blocks: the card's
# details are one line).  The back-links to citations (cite.ID.K) go to
# the same places, in any order: the K-th citation of a source is another
# in the HTML, whose notes come at the end, than in Word, whose notes are
# at their marks.
{
	my $cite = sub { $_[0] =~ /^cite\./ };
	my $norm = sub { defined $_[0] ? typo($_[0]) =~ s/\s+//gr : undef };
	my @a = map { target_text($ours, $_) } grep { !$cite->($_) } @{$ours->{int}};
	my @b = map { target_text($docx, $_) } grep { !$cite->($_) } @{$docx->{int}};
	for my $i (0 .. ($#a > $#b ? $#a : $#b)) {
		my ($x, $y) = map { $norm->($_) } $a[$i], $b[$i];
		next if defined $x && defined $y && index($y, $x) >= 0;
		printf "  internal link %d (of %d): goes to '%s' in ours, '%s' in docx\n", $i + 1,
			scalar @a, $a[$i] // 'none', $b[$i] // 'none';
		$bad = 1;
		last;
	}
	my @ca = map { target_text($ours, $_) } grep { $cite->($_) } @{$ours->{int}};
	my @cb = map { $norm->(target_text($docx, $_)) } grep { $cite->($_) } @{$docx->{int}};
	for my $t (@ca) {
		my $x = $norm->($t);
		my ($k) = grep { index($cb[$_], $x) >= 0 } 0 .. $#cb;
		if (defined $k) { splice @cb, $k, 1; next }
		print "  a back-link to '$t' in ours has none in docx\n";
		$bad = 1;
		last;
	}
	if (@cb && !$bad) {
		printf "  %d back-links more in docx\n", scalar @cb;
		$bad = 1;
	}
}
same_list('table cell', $ours->{cells}, $docx->{cells});
same_list('image', $ours->{images}, $docx->{images});
same_list('note', $ours->{notes}, $docx->{notes});
same_list('external link in a note', $ours->{note_ext}, $docx->{note_ext});
same_list('internal link in a note', $ours->{note_int}, $docx->{note_int});
for my $t (@{$docx->{int}}, @{$docx->{note_int}}) {
	next if defined $docx->{ids}{$t} || defined $docx->{note_ids}{$t};
	print "  internal link to #$t: no such bookmark in the Word document\n";
	$bad = 1;
}
printf "  %d blocks, %d headings, %d+%d links, %d cells, %d images, %d notes (%d+%d links)\n",
	scalar @{$ours->{blocks}}, scalar @{$ours->{headings}}, scalar @{$ours->{ext}},
	scalar @{$ours->{int}}, scalar @{$ours->{cells}}, scalar @{$ours->{images}},
	scalar @{$ours->{notes}}, scalar @{$ours->{note_ext}}, scalar @{$ours->{note_int}}
	if $ENV{VERBOSE};
exit $bad;
