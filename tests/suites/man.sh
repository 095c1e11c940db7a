#!/bin/sh
# The manual page: groff formats docs/briefc.1 without a warning, it
# names every command and every option that --help names (and --help
# every command of the page), and make install puts it where man finds it.
: "${BRIEFC:=$PWD/build/briefc}"
: "${BUILD:=build}"
command -v man >/dev/null 2>&1 || sh tools/ensure-packages.sh man-db groff-base || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "man: FAIL: $*"; }

page=docs/briefc.1
MANWIDTH=80 man --warnings -l "$page" >"$tmp/page" 2>"$tmp/err"
[ $? = 0 ] && [ ! -s "$tmp/err" ] && ok || { ko "man --warnings"; head "$tmp/err"; }
"$BRIEFC" --help >"$tmp/help"

# commands: the usage lines of --help, the SYNOPSIS of the page
cmds=$(sed -n 's/^\(usage:\)\{0,1\} *briefc \([a-z][a-z]*\) .*/\2/p' "$tmp/help")
[ -n "$cmds" ] && ok || ko "no command in --help"
for c in $cmds; do
	sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' "$tmp/page" | grep -q "briefc $c" && ok ||
		ko "command $c is not in the page's SYNOPSIS"
	sed -n '/^COMMANDS/,/^OPTIONS/p' "$tmp/page" | grep -q "^       $c " && ok ||
		ko "command $c is not described under COMMANDS"
	grep -q "^  $c " "$tmp/help" && ok || ko "command $c is not described in --help"
done
for c in $(sed -n '/^SYNOPSIS/,/^DESCRIPTION/s/^ *briefc \([a-z][a-z]*\) .*/\1/p' "$tmp/page"); do
	echo "$cmds" | grep -qx "$c" && ok || ko "command $c of the page is not in --help"
done
# options: each option --help lists is in the page
for o in $(grep -o '^  \(-[A-Za-z]\|--[a-z][a-z-]*\)' "$tmp/help" | tr -d ' '); do
	grep -q -- "$o" "$tmp/page" && ok || ko "option $o is not in the page"
done

# make install
if make -s install PREFIX=/usr DESTDIR="$tmp/root" BUILD="$BUILD" >/dev/null 2>&1 &&
   [ -f "$tmp/root/usr/share/man/man1/briefc.1" ]; then ok; else ko "make install: no man page"; fi
MANPATH="$tmp/root/usr/share/man" man -w briefc 2>/dev/null | grep -q "$tmp/root" && ok ||
	ko "man does not find the installed page"

echo "man: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
