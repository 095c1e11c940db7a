#!/bin/sh
# briefc fmt, tested as gofmt and prettier test theirs:
#
#   pairs       tests/fmt/NAME.before.brief formats to NAME.after.brief,
#               which is a fixed point; --check names the first and exits
#               1, passes the second; the in-place rewrite gives the same
#               bytes, keeps the file's mode and leaves a formatted file's
#               inode alone; CRLF and a BOM make no difference
#   every input the golden cases, the fmt pairs, the examples, the backend
#               and hostile briefs, every pathological shape (small) and
#               CRLF twins of the golden cases: fmt(fmt(x)) = fmt(x), and
#               x and fmt(x) compile to the same JSON (build -t json, and
#               the diagnostics of check --diagnostics=json), positions
#               aside; a file fmt refuses is one with syntax or encoding
#               errors, left untouched, exit 1
#   usage       --check with --stdout, unknown options, a missing file
: "${BRIEFC:=$PWD/build/briefc}"
: "${BUILD:=build}"
command -v jq >/dev/null 2>&1 || sh tools/ensure-packages.sh jq || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "fmt: FAIL: $*"; }
fmt() { $BRIEFC_WRAP "$BRIEFC" fmt "$@"; }

# ---- golden pairs ----
for before in tests/fmt/*.before.brief; do
	name=$(basename "$before" .before.brief)
	after=tests/fmt/$name.after.brief
	fmt --stdout "$before" >"$tmp/out" 2>"$tmp/err"
	if [ $? = 0 ] && cmp -s "$after" "$tmp/out"; then ok; else
		ko "$name: fmt --stdout differs from $after"; diff -u "$after" "$tmp/out" | head -20; fi
	fmt --stdout "$after" | cmp -s - "$after" && ok || ko "$name: $after is not a fixed point"
	fmt --check "$after" >"$tmp/out" 2>&1; [ $? = 0 ] && [ ! -s "$tmp/out" ] && ok ||
		ko "$name: --check fails on $after"
	cp "$before" "$tmp/x.brief"
	fmt --check "$tmp/x.brief" >"$tmp/out" 2>"$tmp/err"
	[ $? = 1 ] && [ "$(cat "$tmp/out")" = "$tmp/x.brief" ] && ok ||
		ko "$name: --check does not name the file that would change"
	cmp -s "$before" "$tmp/x.brief" && ok || ko "$name: --check changed the file"
	chmod 640 "$tmp/x.brief"
	fmt "$tmp/x.brief" && cmp -s "$after" "$tmp/x.brief" && ok || ko "$name: in place"
	[ "$(stat -c %a "$tmp/x.brief")" = 640 ] && ok || ko "$name: mode not kept"
	inode=$(stat -c %i "$tmp/x.brief")
	fmt "$tmp/x.brief" && [ "$(stat -c %i "$tmp/x.brief")" = "$inode" ] && ok ||
		ko "$name: a formatted file was written again"
	rm -f "$tmp/x.brief"
	# CRLF and a byte-order mark: the same result
	: >"$tmp/crlf.brief"
	head -c3 "$before" | grep -q "$(printf '\357\273\277')" || printf '\357\273\277' >"$tmp/crlf.brief"
	perl -pe 's/\n/\r\n/' "$before" >>"$tmp/crlf.brief"
	fmt --stdout "$tmp/crlf.brief" | cmp -s - "$after" && ok || ko "$name: CRLF and BOM"
done
[ -z "$(ls "$tmp" | grep tmp)" ] && ok || ko "temporary file left behind"

# ---- idempotence and meaning, over every input at hand ----
gen="$BUILD/pathological/gen"
if [ ! -x "$gen" ] || [ tests/pathological/gen.c -nt "$gen" ]; then
	mkdir -p "$BUILD/pathological"
	${CC:-cc} -std=c17 -O2 -o "$gen" tests/pathological/gen.c || exit 1
fi
mkdir "$tmp/in" "$tmp/a" "$tmp/b"
for c in $("$gen" -l); do
	[ "$c" = mebibytes ] && continue
	"$gen" "$c" 40 >"$tmp/in/path-$c.brief"
done
for f in tests/golden/cases/*.brief; do
	grep -q "$(printf '\r')" "$f" || perl -pe 's/\n/\r\n/' "$f" >"$tmp/in/crlf-$(basename "$f")"
done

# What a document compiles to, positions aside: the JSON (if it builds)
# and the diagnostics, as sorted lines.
meaning() { # dir
	(cd "$1" && "$BRIEFC" build -t json t.brief 2>/dev/null) |
		jq -S 'walk(if type == "object" then del(.at, .end) else . end)' >"$1/json" 2>&1
	(cd "$1" && "$BRIEFC" check --diagnostics=json t.brief 2>/dev/null) |
		jq -c '.[] | del(.line, .column, .end_line, .end_column)
			| .notes |= map(del(.line, .column, .end_line, .end_column))' |
		LC_ALL=C sort >"$1/diags"
}

formatted=0
refused=0
# (under valgrind, the golden cases and the pairs are enough)
inputs="tests/golden/cases/*.brief tests/fmt/*.brief"
[ -n "$BRIEFC_WRAP" ] || inputs="$inputs examples/*.brief tests/backends/*.brief
	tests/pathological/hostile.brief $tmp/in/*.brief"
for x in $inputs; do
	fmt --stdout "$x" >"$tmp/f1" 2>"$tmp/err"
	st=$?
	if [ $st = 1 ]; then
		# refused: only for syntax or encoding errors, and said so
		if grep -q 'left as it is' "$tmp/err" &&
		   "$BRIEFC" check "$x" 2>&1 | grep -q '\[syntax\]\|\[bad-encoding\]'; then
			ok; refused=$((refused + 1))
		else
			ko "$x: refused without a syntax or encoding error"; head -3 "$tmp/err"
		fi
		continue
	fi
	[ $st = 0 ] || { ko "$x: fmt exited $st"; continue; }
	formatted=$((formatted + 1))
	fmt --stdout "$tmp/f1" >"$tmp/f2" 2>/dev/null
	cmp -s "$tmp/f1" "$tmp/f2" && ok || { ko "$x: fmt(fmt(x)) != fmt(x)"; diff "$tmp/f1" "$tmp/f2" | head -10; }
	cp "$x" "$tmp/a/t.brief"
	cp "$tmp/f1" "$tmp/b/t.brief"
	meaning "$tmp/a"
	meaning "$tmp/b"
	if cmp -s "$tmp/a/json" "$tmp/b/json" && cmp -s "$tmp/a/diags" "$tmp/b/diags"; then ok; else
		ko "$x: x and fmt(x) compile differently"
		diff "$tmp/a/json" "$tmp/b/json" | head -10
		diff "$tmp/a/diags" "$tmp/b/diags" | head -10
	fi
done
# the comparison itself can tell two meanings apart
printf -- '---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n\nOne.\n' >"$tmp/a/t.brief"
printf -- '---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n\nTwo.\n' >"$tmp/b/t.brief"
meaning "$tmp/a"
meaning "$tmp/b"
cmp -s "$tmp/a/json" "$tmp/b/json" && ko "the JSON comparison sees no difference" || ok
[ "$formatted" -gt 50 ] && ok || ko "only $formatted inputs formatted"
[ "$refused" -gt 5 ] && ok || ko "only $refused inputs refused"

# ---- refusals and usage ----
printf -- '---\ntitle: T\nauthors: A\ndate: 2024-01-01\n---\n\n::: finding f\nclaim:  C\n' >"$tmp/bad.brief"
cp "$tmp/bad.brief" "$tmp/bad.orig"
fmt "$tmp/bad.brief" 2>"$tmp/err"; [ $? = 1 ] && ok || ko "a file with a syntax error: exit 1"
cmp -s "$tmp/bad.brief" "$tmp/bad.orig" && ok || ko "a file with a syntax error was changed"
grep -q "bad.brief:8:10: error: block 'finding f' opened at 7:1 is never closed" "$tmp/err" && ok || ko "the syntax error is not shown"
cp examples/minimal.brief "$tmp/m.brief"
fmt "$tmp/m.brief" "$tmp/bad.brief" 2>/dev/null; [ $? = 1 ] && ok || ko "several files: exit 1 if one is refused"
fmt --check "$tmp/m.brief" >/dev/null && ok || ko "several files: the good one formatted"
fmt --stdout - <tests/fmt/layout.before.brief | cmp -s - tests/fmt/layout.after.brief && ok || ko "standard input"
fmt --check - <tests/fmt/layout.before.brief >"$tmp/out"; [ $? = 1 ] && grep -q '<stdin>' "$tmp/out" && ok || ko "--check -"
fmt --check --stdout "$tmp/m.brief" 2>/dev/null; [ $? = 2 ] && ok || ko "--check --stdout: usage error"
fmt --bogus "$tmp/m.brief" 2>/dev/null; [ $? = 2 ] && ok || ko "unknown option: usage error"
fmt 2>/dev/null; [ $? = 2 ] && ok || ko "no FILE: usage error"
fmt "$tmp/missing.brief" 2>/dev/null; [ $? = 2 ] && ok || ko "a missing file: exit 2"
fmt "$tmp" 2>"$tmp/err"; [ $? = 2 ] && grep -q 'directory' "$tmp/err" && ok || ko "a directory: exit 2"

echo "fmt: $pass passed, $fail failed ($formatted inputs formatted, $refused refused)"
[ "$fail" -eq 0 ]
