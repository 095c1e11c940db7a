#!/bin/sh
# verify-scripts: every script in LaTeX and PDF (docs/output.md, "Scripts
# and engines"), checked by TeX and pdftotext.
#  - tests/backends/scripts.brief (Latin with Vietnamese, Greek, Cyrillic,
#    Chinese, Japanese, Korean, Hebrew and Arabic inside English lines,
#    symbols) builds to PDF, set by lualatex, and pdftotext gives back
#    every line of tests/backends/scripts.samples;
#  - its fonts are all embedded, none of them Type 3 (bitmaps);
#  - a brief pdflatex can set is set by pdflatex (Type 1 fonts);
#  - a character no font has (an emoji, Devanagari) is a bad-encoding
#    error where it stands, and nothing is written;
#  - the PDF is the same bytes from a cold cache, a warm one and none,
#    and after the brief changed under a kept .aux or the kept format
#    was damaged;
#  - version 2 under lualatex (tests/backends/floats-ko.brief): a Korean
#    brief's long table (its caption, continued, and header on each page),
#    figure, box and notes, with every label and date in Korean.
. tests/backends/suite.sh
suite_init verify-scripts
need lualatex pdflatex pdftotext pdffonts pdfimages perl
export XDG_CACHE_HOME="$tmp/cache"
s=tests/backends/scripts.brief

# samples FILE.pdf: every line of scripts.samples is in its text
samples() {
	pdftotext -enc UTF-8 "$1" "$tmp/text"
	perl -CSDA -MUnicode::Normalize -e '
		open my $f, "<:encoding(UTF-8)", $ARGV[0] or die;
		local $/; my $t = NFKC(<$f>); close $f;
		$t =~ s/-\n//g;
		$t =~ s/[\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}\s]//g;
		open my $s, "<:encoding(UTF-8)", $ARGV[1] or die;
		my $bad = 0;
		while (<$s>) {
			chomp; next if /^#/ || !length;
			(my $k = NFKC($_)) =~ s/\s//g;
			next if index($t, $k) >= 0;
			print "missing: $_\n"; $bad++;
		}
		exit($bad ? 1 : 0);' "$tmp/text" tests/backends/scripts.samples
}

if "$BRIEFC" build -t pdf -o "$tmp/scripts.pdf" "$s" 2>"$tmp/err"; then ok
else fail "scripts.brief: build -t pdf failed: $(head -5 "$tmp/err")"; fi
if [ -s "$tmp/scripts.pdf" ]; then
	if samples "$tmp/scripts.pdf" >"$tmp/missing"; then ok
	else fail "scripts.brief: pdftotext lacks:"; head -10 "$tmp/missing"; fi
	pdffonts "$tmp/scripts.pdf" >"$tmp/fonts"
	if grep -q 'NotoSerifCJKjp' "$tmp/fonts" && grep -q 'NotoSerifCJKkr' "$tmp/fonts" &&
	   grep -q 'NotoNaskhArabic' "$tmp/fonts" && grep -q 'NotoSerifHebrew' "$tmp/fonts" &&
	   grep -q 'LMRoman10-Regular' "$tmp/fonts"; then ok
	else fail "scripts.brief: unexpected fonts:"; cat "$tmp/fonts"; fi
	if grep -q 'Type 3' "$tmp/fonts" || awk 'NR > 2 && $(NF-4) != "yes"' "$tmp/fonts" | grep -q .; then
		fail "scripts.brief: a Type 3 or unembedded font:"; cat "$tmp/fonts"
	else ok; fi
fi
if "$BRIEFC" build -t latex -o "$tmp/scripts.tex" "$s" 2>/dev/null &&
   grep -q '^\\RequireLuaTeX' "$tmp/scripts.tex"; then ok
else fail "scripts.brief: the LaTeX does not require lualatex"; fi
# the body alone is written for lualatex too (it once had '?' for every
# character beyond pdflatex's, and errors)
if "$BRIEFC" build -t latex --fragment -o "$tmp/frag.tex" "$s" 2>"$tmp/err" && [ ! -s "$tmp/err" ] &&
   grep -q 'Ελληνικά' "$tmp/frag.tex" && grep -q '{\\BriefFontDejaVu ≤}' "$tmp/frag.tex"; then ok
else fail "scripts.brief --fragment: $(head -3 "$tmp/err")"; fi

# A brief pdflatex can set keeps the fast path.
"$BRIEFC" build -t pdf -o "$tmp/latin.pdf" examples/public-health.brief 2>/dev/null
if pdffonts "$tmp/latin.pdf" | grep -q 'Type 1' && ! pdffonts "$tmp/latin.pdf" | grep -q 'CID'; then ok
else fail "public-health.brief is not set by pdflatex:"; pdffonts "$tmp/latin.pdf"; fi

# Characters no font has: one error each, where they stand; nothing written.
printf -- '---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n\nAn emoji \360\237\230\200 and\nDevanagari \340\244\225 here.\n' >"$tmp/bad.brief"
echo keep >"$tmp/out"
for fmt in latex pdf; do
	"$BRIEFC" build -t $fmt -o "$tmp/out" "$tmp/bad.brief" 2>"$tmp/err"
	st=$?
	if [ $st -eq 1 ] && grep -q 'bad.brief:7:10: error: character U+1F600 .* \[bad-encoding\]$' "$tmp/err" &&
	   grep -q 'bad.brief:8:12: error: character U+0915 .* \[bad-encoding\]$' "$tmp/err" &&
	   grep -q 'emoji are not supported' "$tmp/err" && [ "$(cat "$tmp/out")" = keep ]; then ok
	else fail "-t $fmt of unsupported characters: status $st:"; head -8 "$tmp/err"; fi
done 2>/dev/null


# Version 2 in Korean, set by lualatex: the labels of the floats, the
# box, the notes (at the foot of the page), the title block's lines, and
# a long table's caption "(계속)" and header on the page it goes on to.
k=tests/backends/floats-ko.brief
if "$BRIEFC" build -t pdf -o "$tmp/floats-ko.pdf" "$k" 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then ok
else fail "floats-ko.brief: build -t pdf: $(head -5 "$tmp/err")"; fi
if [ -s "$tmp/floats-ko.pdf" ]; then
	pdftotext -layout -enc UTF-8 "$tmp/floats-ko.pdf" "$tmp/ko.txt"
	missing=""
	for w in '표 1: 국가별 니켈 정제 능력' '그림 1: 니켈 가격 추이' '박스 1' '출처: [1]' \
		'주: 수치는 추정치이다.' '2023년 업계 조사를 바탕으로 한다.' '단위는 천 톤이다.' \
		'수정일: 2024년 5월 2일' '버전 2.1' '2024년 3월' '시험 통계청, 2023년 11월' '인용 쪽:'; do
		grep -qF "$w" "$tmp/ko.txt" || missing="$missing '$w'"
	done
	if [ -z "$missing" ]; then ok; else fail "floats-ko.pdf lacks:$missing"; fi
	heads=$(grep -c '항목 *값 *확인' "$tmp/ko.txt")
	cont=$(grep -c '표 2: 공급망 점검 항목 (계속)' "$tmp/ko.txt")
	rows=$(grep -c '[0-9]*행: 공급망 점검 항목과 설명이 긴 행' "$tmp/ko.txt")
	if [ "$heads" -ge 2 ] && [ "$cont" -eq $((heads - 1)) ] && [ "$rows" -eq 70 ]; then ok
	else fail "floats-ko.pdf's long table: $heads headers, $cont continued captions, $rows rows"; fi
	if grep -q 'Table\|Figure\|Box\|Source\|Note\|Updated\|Version\|continued' "$tmp/ko.txt"; then
		fail "floats-ko.pdf has English words: $(grep 'Table\|Figure\|Box\|Source\|Note\|Updated\|Version\|continued' "$tmp/ko.txt" | head -3)"
	else ok; fi
	if [ "$(pdfimages -list "$tmp/floats-ko.pdf" | tail -n +3 | wc -l)" -eq 1 ] &&
	   pdffonts "$tmp/floats-ko.pdf" | grep -q 'NotoSerifCJKkr' &&
	   ! pdffonts "$tmp/floats-ko.pdf" | grep -q 'Type 3'; then ok
	else fail "floats-ko.pdf: no figure, or not set in Noto Serif CJK KR"; fi
fi

# The same PDF from a cold cache, a warm one and none at all; a second
# build of the same file reuses the format and the .aux.
rm -rf "$tmp/cache"
for f in examples/us-rok-partnership.brief "$s"; do
	n=$(basename "$f" .brief)
	"$BRIEFC" build -t pdf -o "$tmp/cold.pdf" "$f" 2>/dev/null
	"$BRIEFC" build -t pdf -o "$tmp/warm.pdf" "$f" 2>/dev/null
	XDG_CACHE_HOME= HOME= "$BRIEFC" build -t pdf -o "$tmp/none.pdf" "$f" 2>/dev/null
	if [ -s "$tmp/cold.pdf" ] && cmp -s "$tmp/cold.pdf" "$tmp/warm.pdf" &&
	   cmp -s "$tmp/cold.pdf" "$tmp/none.pdf"; then ok
	else fail "$n: the PDF depends on the cache"; fi
done
if ls "$tmp/cache/briefc/formats/"*.fmt >/dev/null 2>&1 &&
   [ "$(ls "$tmp/cache/briefc/aux/" | wc -l)" -eq 2 ]; then ok
else fail "no format or .aux kept in the cache: $(ls -R "$tmp/cache" | head -10)"; fi

# A stale .aux (the file has changed since) and a damaged format cost
# time, never a wrong PDF.
cp examples/us-rok-partnership.brief "$tmp/edited.brief"
"$BRIEFC" build -t pdf -o "$tmp/first.pdf" "$tmp/edited.brief" 2>/dev/null
sed 's/^# Introduction$/# A new section\n\nWith a paragraph that moves every page.\n\n# Introduction/' \
	examples/us-rok-partnership.brief >"$tmp/edited.brief"
for f in "$tmp/cache/briefc/formats/"*.fmt; do echo damaged >"$f"; done
"$BRIEFC" build -t pdf -o "$tmp/warm.pdf" "$tmp/edited.brief" 2>"$tmp/err"
XDG_CACHE_HOME= HOME= "$BRIEFC" build -t pdf -o "$tmp/none.pdf" "$tmp/edited.brief" 2>/dev/null
if [ -s "$tmp/warm.pdf" ] && cmp -s "$tmp/warm.pdf" "$tmp/none.pdf" &&
   ! cmp -s "$tmp/warm.pdf" "$tmp/first.pdf"; then ok
else fail "a stale .aux or a damaged format changed the PDF: $(head -3 "$tmp/err")"; fi
suite_end
