#!/bin/sh
# The command line: exit statuses, usage errors, safe output, install.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "cli: FAIL: $*"; }
# expect STATUS CMD...: run, compare the exit status
expect() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$* -> $got, expected $want"; sed 's/^/  /' "$tmp/err" | head -5; fi
}
# grep_err PATTERN: the last command's stderr contains PATTERN
grep_err() { if grep -q -- "$1" "$tmp/err"; then ok; else bad "stderr lacks '$1'"; sed 's/^/  /' "$tmp/err" | head -5; fi; }

good=examples/minimal.brief
printf -- '---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n\n[@nowhere]\n' >"$tmp/bad.brief"

expect 0 "$BRIEFC" --help;                 grep -q 'briefc check' "$tmp/out" && ok || bad "--help text"
expect 0 "$BRIEFC" --version;              grep -q '^briefc [0-9]' "$tmp/out" && ok || bad "--version text"
expect 2 "$BRIEFC";                        grep_err 'missing command'
expect 2 "$BRIEFC" frobnicate x.brief;     grep_err "unknown command 'frobnicate'"
expect 2 "$BRIEFC" check --bogus $good;    grep_err "unknown option '--bogus'"
expect 2 "$BRIEFC" check;                  grep_err 'no input FILE'
expect 2 "$BRIEFC" check "$tmp/missing.brief"; grep_err 'cannot read'
expect 2 "$BRIEFC" check -Wno-placeholdr $good; grep_err "did you mean 'placeholder'"
expect 2 "$BRIEFC" check --diagnostics=xml $good; grep_err "unknown diagnostics format 'xml'"
expect 2 "$BRIEFC" build $good;            grep_err 'needs -t FORMAT'
expect 2 "$BRIEFC" build -t rtf $good;     grep_err "unknown format 'rtf'"
# without -t, -o's extension names the format (contract 11.11); -t wins
expect 0 "$BRIEFC" build -o "$tmp/x.html" $good; grep -q '<!DOCTYPE html>' "$tmp/x.html" && ok || bad "-o x.html is not HTML"
expect 0 "$BRIEFC" build -o "$tmp/x.tex" $good;  grep -q 'documentclass' "$tmp/x.tex" && ok || bad "-o x.tex is not LaTeX"
expect 0 "$BRIEFC" build -o "$tmp/x.json" $good; head -c 1 "$tmp/x.json" | grep -q '{' && ok || bad "-o x.json is not JSON"
expect 0 "$BRIEFC" build -t md -o "$tmp/y.html" $good; grep -q '<!DOCTYPE' "$tmp/y.html" && bad "-t md -o y.html wrote HTML" || ok
expect 2 "$BRIEFC" build -o "$tmp/x.rtf" $good;  grep_err 'cannot tell the format'
expect 2 "$BRIEFC" build -o - $good;       grep_err 'needs -t FORMAT'
expect 2 "$BRIEFC" check --reference-doc x.docx $good; grep_err 'options of build'
expect 2 "$BRIEFC" build -t pdf $good;     grep_err 'needs -o FILE'
expect 2 "$BRIEFC" build -t md $good $good; grep_err 'exactly one FILE'
expect 2 "$BRIEFC" check -t md $good;      grep_err 'options of build'
expect 0 "$BRIEFC" check $good
expect 1 "$BRIEFC" check "$tmp/bad.brief"
# many files: one summary, exit 1 if any has errors, 2 if one is unreadable
expect 1 "$BRIEFC" check $good "$tmp/bad.brief"
[ "$(grep -c 'errors\?, ' "$tmp/err")" = 1 ] && ok || bad "one summary line for many files"
expect 2 "$BRIEFC" check $good "$tmp/missing.brief" "$tmp/bad.brief"
grep_err 'undefined-reference'
# stdin
"$BRIEFC" check - <"$tmp/bad.brief" 2>"$tmp/err"; [ $? = 1 ] && ok || bad "check - (stdin)"
grep_err '<stdin>:7:3'
# a failed build leaves an existing output untouched and writes nothing
echo precious >"$tmp/out.html"
expect 1 "$BRIEFC" build -t html -o "$tmp/out.html" "$tmp/bad.brief"
[ "$(cat "$tmp/out.html")" = precious ] && ok || bad "failed build overwrote -o"
[ -z "$(ls "$tmp" | grep tmp)" ] && ok || bad "temporary file left behind"
expect 1 "$BRIEFC" build -t json "$tmp/bad.brief"
[ -s "$tmp/out" ] && bad "failed build wrote to stdout" || ok
# a good build replaces it
expect 0 "$BRIEFC" build -t html -o "$tmp/out.html" $good
grep -q '<!DOCTYPE html>' "$tmp/out.html" && ok || bad "build did not write -o"
rm -f "$tmp/new.md"
(umask 022; "$BRIEFC" build -t md -o "$tmp/new.md" $good)
[ "$(stat -c %a "$tmp/new.md")" = 644 ] && ok || bad "-o file mode is $(stat -c %a "$tmp/new.md"), expected 644 under umask 022"
expect 0 "$BRIEFC" build -t json -o - $good
grep -q '"format":"briefc"' "$tmp/out" && ok || bad "-o - writes stdout"
# an unwritable output is an I/O failure
expect 2 "$BRIEFC" build -t md -o "$tmp/no/such/dir/x.md" $good
grep_err 'cannot'
if [ -w /dev/full ]; then
	expect 2 sh -c "'$BRIEFC' build -t md $good >/dev/full"
	grep_err 'cannot write'
fi
# a destination that is not a regular file is written in place: renaming
# over /dev/null (possible as root) would replace the device with a file
expect 0 "$BRIEFC" build -t html -o /dev/null $good
[ -c /dev/null ] && ok || bad "build -o /dev/null replaced the device"
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fifo.out" &
expect 0 "$BRIEFC" build -t md -o "$tmp/fifo" $good
wait
[ -p "$tmp/fifo" ] && grep -q '^# ' "$tmp/fifo.out" && ok || bad "build -o FIFO"
# a symbolic link stays a link; the file it names gets the output
echo old >"$tmp/real.md"
ln -s real.md "$tmp/link.md"
expect 0 "$BRIEFC" build -t md -o "$tmp/link.md" $good
[ -L "$tmp/link.md" ] && grep -q '^# ' "$tmp/real.md" && ok || bad "build -o LINK replaced the link"
expect 2 "$BRIEFC" build -t md -o "$tmp" $good
grep_err 'Is a directory'
# past 100,000 diagnostics the rest are counted and said to be
awk 'BEGIN { print "---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n";
	for (i = 0; i < 100007; i++) printf "[@nowhere] "; print "" }' >"$tmp/many.brief"
expect 1 "$BRIEFC" check --diagnostics=json "$tmp/many.brief"
grep_err '^briefc: 7 more diagnostics not kept'
# strict and final make warnings errors
printf -- '---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n\nTODO: finish.\n' >"$tmp/warn.brief"
expect 0 "$BRIEFC" check "$tmp/warn.brief"
expect 1 "$BRIEFC" check --strict "$tmp/warn.brief"
expect 1 "$BRIEFC" check -Werror "$tmp/warn.brief"
expect 0 "$BRIEFC" check --strict -Wno-placeholder "$tmp/warn.brief"
sed 's/^date: 2024-01-01$/date: 2024-01-01\nstatus: final/' "$tmp/warn.brief" >"$tmp/final.brief"
expect 1 "$BRIEFC" check "$tmp/final.brief"
# make install
if make -s install PREFIX=/usr DESTDIR="$tmp/root" BUILD="$BUILD" >/dev/null 2>&1 &&
   "$tmp/root/usr/bin/briefc" --version >/dev/null; then ok; else bad "make install"; fi
# make demo installs what it uses (TeX, Graphviz) before it builds the
# PDF: a fresh machine has no TeX, and the demo stopped there
make -n demo BUILD="$tmp/demo-build" 2>/dev/null | awk '
	/ensure-packages\.sh.*texlive-latex-base.*graphviz/ && !t { t = NR }
	/tools\/demo\.sh/ && !d { d = NR }
	END { exit !(t && d && t < d) }' && ok || bad "make demo does not install TeX and Graphviz before it runs"
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
