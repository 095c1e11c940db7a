#!/bin/sh
# Briefs of several files (contract 12): ::: include and library:.
#
#   locate      tests/multifile/locate: every diagnostic names the file it
#               is in (an included chapter, a CSL-JSON or .brief library)
#               and its own line and column, in text, json, sarif and
#               github form (pinned: tests/golden/outputs/
#               multifile-locate.*); unused library entries say nothing
#   meaning     a brief split into files builds to the same outputs as the
#               same brief written as one file, positions aside
#   libraries   only what the brief uses is rendered; a local ID that a
#               library also defines is duplicate-id at the local one
#   hostile     include cycles, 10,000 nested includes, a symbolic link
#               loop, a folder, /dev/zero, a FIFO, links out of the folder,
#               a 100 MB library, an include bomb: each a located error
#               and a bounded run (LIMIT seconds)
#   fmt, watch  fmt leaves include lines as lines of their file; watch
#               rebuilds when an included file or a library changes
: "${BRIEFC:=$PWD/build/briefc}"
LIMIT=${MULTIFILE_LIMIT:-10}
# (valgrind: the include bomb builds 64 MiB of text, at its pace)
[ -n "$BRIEFC_WRAP" ] && LIMIT=${MULTIFILE_LIMIT:-300}
command -v jq >/dev/null 2>&1 || sh tools/ensure-packages.sh jq || exit 1
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "multifile: FAIL: $*"; }
# run DIR ARGS...: briefc in DIR, output in $tmp/out and $tmp/err, status
# in $st, within LIMIT seconds
run() {
	d=$1; shift
	(cd "$d" && timeout "$LIMIT" $BRIEFC_WRAP "$BRIEFC" "$@") >"$tmp/out" 2>"$tmp/err" </dev/null
	st=$?
	[ "$st" = 124 ] && ko "briefc $* in $d: no answer in $LIMIT s"
}
has() { # file pattern what
	if grep -q -- "$2" "$1"; then ok; else ko "$3: no '$2' in $(basename "$1")"; sed 's/^/  | /' "$1" | head -6; fi
}

# ---- where each diagnostic is ----
# (every form pinned: tests/golden/outputs/multifile-locate.*)
run tests/multifile check locate/brief.brief
[ "$st" = 1 ] && ok || ko "locate: exit status $st"
! grep -q 'unused-item\|lib-unused\|2020-13\|2024-99' "$tmp/err" && ok ||
	ko "an unused library entry was reported"

# ---- the example: clean and formatted (its outputs are pinned in
# tests/golden/outputs/critical-minerals.*) ----
ex=examples/critical-minerals
run $ex check --strict report.brief
[ "$st" = 0 ] && [ ! -s "$tmp/err" ] && ok || { ko "$ex is not clean"; head "$tmp/err"; }
run . fmt --check $ex/report.brief $ex/chapters/*.brief examples/library/energy.brief
[ "$st" = 0 ] && ok || ko "the example is not formatted: $(cat "$tmp/out")"
# only what the brief uses: cited sources, used acronyms
run $ex build -t json report.brief
jq -r '.sources[].id' "$tmp/out" | tr '\n' ' ' >"$tmp/ids"
[ "$(cat "$tmp/ids")" = "iea-outlook-2024 usgs-mcs-2024 iea-role-2021 crma-2024 ira-2022 " ] && ok ||
	ko "sources rendered: $(cat "$tmp/ids")"
jq -r '.acronyms[].abbr' "$tmp/out" | grep -qx OECD && ko "an unused library acronym rendered" || ok
jq -r '.areas[].id' "$tmp/out" | grep -qx trade && ko "an unused library area rendered" || ok
jq -r '.files[]' "$tmp/out" | tr '\n' ' ' >"$tmp/files"
[ "$(cat "$tmp/files")" = "report.brief chapters/refining.brief chapters/recycling.brief ../library/energy.brief ../library/energy.json " ] &&
	ok || ko "files: $(cat "$tmp/files")"
run $ex trace report.brief collect-batteries
has "$tmp/out" 'chapters/recycling.brief:[0-9]*:' "trace names the chapter"
has "$tmp/out" '\.\./library/energy.json:[0-9]*:' "trace names the library"

# ---- split or whole: the same brief ----
mkdir -p "$tmp/split/parts" "$tmp/whole"
fmo='---\ntitle: T\nauthors: A\ndate: 2024-01-01\n'
fm="$fmo"'---\n'
printf -- "$fm"'\n# One\n\nText of one [@e1].\n\n::: include parts/a.brief\nAfter the include, the same paragraph.\n\n::: include parts/b.brief\n' >"$tmp/split/t.brief"
printf '::: evidence e1\ntitle: E1\n:::\n\nA paragraph\nthat the\n' >"$tmp/split/parts/a.brief"
printf '# Two\n\n::: finding f\nclaim: C [@e1]\n:::' >"$tmp/split/parts/b.brief"
{ printf -- "$fm"'\n# One\n\nText of one [@e1].\n\n'; cat "$tmp/split/parts/a.brief"
  printf 'After the include, the same paragraph.\n\n'; cat "$tmp/split/parts/b.brief"; echo; } >"$tmp/whole/t.brief"
for t in json md html; do
	run "$tmp/split" build -t $t t.brief; cp "$tmp/out" "$tmp/s.$t"
	run "$tmp/whole" build -t $t t.brief; cp "$tmp/out" "$tmp/w.$t"
done
strip='walk(if type == "object" then del(.at, .end, .files) else . end)'
jq -S "$strip" "$tmp/s.json" >"$tmp/s.j"; jq -S "$strip" "$tmp/w.json" >"$tmp/w.j"
cmp -s "$tmp/s.j" "$tmp/w.j" && ok || { ko "split and whole: JSON differs"; diff "$tmp/w.j" "$tmp/s.j" | head; }
cmp -s "$tmp/s.md" "$tmp/w.md" && ok || ko "split and whole: Markdown differs"
cmp -s "$tmp/s.html" "$tmp/w.html" && ok || ko "split and whole: HTML differs"
grep -q 'A paragraph that the After the include' "$tmp/s.md" || grep -q 'A paragraph\s*$' "$tmp/s.md" && ok ||
	ko "an included text's last line does not continue the paragraph"
# positions in an included file: [line, column, file]
jq -c '.body[] | select(.type == "block") | .at' "$tmp/s.json" | head -1 | grep -q '^\[1,1,1\]$' && ok ||
	ko "a block of an included file is not at [1,1,1]"

# ---- libraries ----
mkdir -p "$tmp/lib"
printf -- "$fmo"'library: lib.brief\n---\n\n::: acronyms\nEU: European Union\n:::\n\n::: evidence shared\ntitle: Mine\n:::\n\nThe EU [@shared] [@only-lib].\n' >"$tmp/lib/t.brief"
printf '::: acronyms\nEU: Elsewhere Union\nUN: United Nations\n:::\n\n::: evidence shared\ntitle: Theirs\n:::\n\n::: evidence only-lib\ntitle: Only in the library\n:::\n' >"$tmp/lib/lib.brief"
run "$tmp/lib" check t.brief
[ "$st" = 1 ] && ok || ko "local and library ID: exit status $st"
has "$tmp/err" "^t.brief:12:14: error: duplicate ID 'shared': a library defines it too \[duplicate-id\]" "duplicate-id at the local definition"
has "$tmp/err" "^lib.brief:6:14: note: 'shared' is defined in the library here" "duplicate-id's note in the library"
! grep -q 'UN\|unused' "$tmp/err" && ok || ko "an unused library acronym was reported"
# the brief's own declaration of an acronym wins, silently
! grep -q 'acronym-mismatch\|Elsewhere' "$tmp/err" && ok || ko "a library's declaration of the brief's acronym was reported"
printf -- "$fmo"'library: lib.brief\n---\n\n::: acronyms\nEU: European Union\n:::\n\nThe EU [@only-lib].\n' >"$tmp/lib/t2.brief"
run "$tmp/lib" build -t json t2.brief
[ "$(jq -r '[.acronyms[] | select(.abbr == "EU")] | .[].expansion' "$tmp/out")" = "European Union" ] && ok ||
	ko "an acronym declared by the brief and a library: not the brief's alone"
printf -- "$fmo"'library: lib.brief\n---\n\nThe EU [@only-lib].\n' >"$tmp/lib/t.brief"
run "$tmp/lib" build -t md t.brief
[ "$st" = 0 ] && ok || { ko "a brief using its library: exit $st"; head -3 "$tmp/err"; }
has "$tmp/out" 'Elsewhere Union (EU)' "a library acronym is spelled out"
has "$tmp/out" 'Only in the library' "a cited library source is listed"
! grep -q 'Theirs\|United Nations' "$tmp/out" && ok || ko "unused library entries rendered"
# what a library may not hold, what may not be one
printf '# A heading\n\nProse.\n\n::: finding f\nclaim: C\n:::\n' >"$tmp/lib/bad.brief"
printf '[1, 2' >"$tmp/lib/bad.json"
printf -- "$fmo"'library: bad.brief, bad.json, missing.json, /etc/passwd, lib.brief, lib.brief\n---\n\nText.\n' >"$tmp/lib/t.brief"
run "$tmp/lib" check t.brief
has "$tmp/err" "^bad.brief:1:1: error: a library holds only" "prose in a library"
has "$tmp/err" "^bad.brief:5:5: error: a library holds only .* not '::: finding'" "a finding in a library"
has "$tmp/err" "^bad.json:1:5: error: not CSL-JSON" "a library that is not JSON"
has "$tmp/err" "^t.brief:5:31: error: cannot read the library 'missing.json'" "a missing library"
has "$tmp/err" "^t.brief:5:45: error: cannot read the library '/etc/passwd': the path is absolute" "an absolute library"
has "$tmp/err" "^t.brief:5:69: error: the library 'lib.brief' is named twice" "a library named twice"

# ---- hostile ----
h="$tmp/h"
mkdir -p "$h/sub"
printf -- "$fm" >"$h/head"
# a cycle, and a file that includes itself
{ cat "$h/head"; printf '\n::: include a.brief\n'; } >"$h/t.brief"
printf '::: include sub/b.brief\n' >"$h/a.brief"
printf '::: include ../a.brief\n' >"$h/sub/b.brief"
run "$h" check t.brief
has "$tmp/err" "^sub/b.brief:1:13: error: include cycle: t.brief -> a.brief -> sub/b.brief -> a.brief \[syntax\]" "include cycle"
printf '::: include self.brief\n' >"$h/self.brief"
{ cat "$h/head"; printf '\n::: include self.brief\n'; } >"$h/t.brief"
run "$h" check t.brief
has "$tmp/err" "include cycle: t.brief -> self.brief -> self.brief" "a file that includes itself"
# 10,000 nested includes: stopped at 16, at once
i=0
while [ $i -lt 10000 ]; do printf '::: include n%d.brief\n' $((i + 1)) >"$h/n$i.brief"; i=$((i + 1)); done
printf 'The end.\n' >"$h/n10000.brief"
{ cat "$h/head"; printf '\n::: include n0.brief\n'; } >"$h/t.brief"
run "$h" check t.brief
has "$tmp/err" "^n15.brief:1:13: error: includes nested more than 16 deep: t.brief -> n0.brief -> .* -> n15.brief -> n16.brief \[syntax\]" "10,000 nested includes"
[ "$(grep -c '\[syntax\]' "$tmp/err")" = 1 ] && ok || ko "10,000 nested includes: more than one error"
# a link loop, a folder, /dev/zero, a FIFO, links out, absolute, URL, ..
ln -s loop2 "$h/loop1"; ln -s loop1 "$h/loop2"
ln -s /dev/zero "$h/zero"
ln -s ../../../etc/passwd "$h/passwd"
mkfifo "$h/fifo"
{ cat "$h/head"; printf '\n::: include loop1\n::: include sub\n::: include /dev/zero\n::: include zero\n::: include fifo\n::: include passwd\n::: include https://example.org/x.brief\n::: include ../x.brief\n::: include missing.brief\n'; } >"$h/t.brief"
run "$h" check t.brief
[ "$st" = 1 ] && ok || ko "hostile includes: exit status $st"
has "$tmp/err" "^t.brief:7:13: error: cannot include 'loop1': the path runs into a loop of symbolic links \[missing-file\]" "a link loop"
has "$tmp/err" "^t.brief:8:13: error: cannot include 'sub': it is a folder \[missing-file\]" "a folder"
has "$tmp/err" "^t.brief:9:13: error: cannot include '/dev/zero': the path is absolute" "/dev/zero"
has "$tmp/err" "^t.brief:10:13: error: cannot include 'zero': the path leads out of the brief's folder through a symbolic link" "a link to /dev/zero"
has "$tmp/err" "^t.brief:11:13: error: cannot include 'fifo': it is not a regular file" "a FIFO"
has "$tmp/err" "^t.brief:12:13: error: cannot include 'passwd': the path leads out of the brief's folder through a symbolic link" "a link out"
has "$tmp/err" "^t.brief:13:13: error: cannot include 'https://example.org/x.brief': a URL is not a file" "a URL"
has "$tmp/err" "^t.brief:14:13: error: cannot include '../x.brief': the path leads out of the brief's folder" "a .. out"
has "$tmp/err" "^t.brief:15:13: error: cannot include 'missing.brief': No such file or directory" "a missing file"
# an included file with a front matter; an include line with a comment
{ cat "$h/head"; printf '\n::: include fm.brief\n::: include x.brief <!-- why -->\n<!-- ::: include commented.brief -->\n'; } >"$h/t.brief"
cat "$h/head" >"$h/fm.brief"
run "$h" check t.brief
has "$tmp/err" "^fm.brief:1:1: error: an included file has no front matter" "front matter in an included file"
has "$tmp/err" "^t.brief:8:13: error: an include line holds its path and nothing else" "a comment on an include line"
! grep -q commented "$tmp/err" && ok || ko "an include line in a comment was followed"
# a 100 MB library: said, not read whole
head -c 104857600 /dev/zero | tr '\0' ' ' >"$h/big.json"
{ cat "$h/head" | sed '$d'; printf 'library: big.json\n---\n\nText.\n'; } >"$h/t.brief"
run "$h" check t.brief
has "$tmp/err" "cannot read the library 'big.json': it is larger than 67108864 bytes" "a 100 MB library"
rm -f "$h/big.json"
# an include bomb: 12 files, each including the next 20 times
i=0
while [ $i -lt 12 ]; do
	: >"$h/bomb$i.brief"
	k=0; while [ $k -lt 20 ]; do printf '::: include bomb%d.brief\n' $((i + 1)) >>"$h/bomb$i.brief"; k=$((k + 1)); done
	i=$((i + 1))
done
printf 'Boom, and a longer line so that the total grows fast enough to matter here.\n' >"$h/bomb12.brief"
{ cat "$h/head"; printf '\n::: include bomb0.brief\n'; } >"$h/t.brief"
run "$h" check t.brief
[ "$st" = 1 ] && ok || ko "include bomb: exit status $st"
has "$tmp/err" "^t.brief:7:13: error: the brief with the files it includes and its libraries is larger than 67108864 bytes: nothing is included" "include bomb"

# ---- fmt: include lines are lines of their file ----
printf -- "$fm"'Text\n:::   include    parts/a.brief   \n' >"$tmp/split/f.brief"
run "$tmp/split" fmt --stdout f.brief
[ "$(tail -1 "$tmp/out")" = '::: include parts/a.brief' ] && ok || ko "fmt: the include line"
! grep -q 'E1' "$tmp/out" && ok || ko "fmt wrote an included file's text"

# ---- watch: an included file and a library change ----
if [ -z "$BRIEFC_WRAP" ]; then
	w="$tmp/w"
	mkdir -p "$w/ch"
	printf -- "$fm" | sed '$d' >"$w/t.brief"
	printf 'library: lib.brief\n---\n\n::: include ch/one.brief\n' >>"$w/t.brief"
	printf 'Chapter one [@e].\n' >"$w/ch/one.brief"
	printf '::: evidence e\ntitle: First title\n:::\n' >"$w/lib.brief"
	: >"$tmp/log"
	(cd "$w" && exec "$BRIEFC" watch -t md -o out.md t.brief) 2>"$tmp/log" &
	pid=$!
	runs() { grep -c '\] build' "$tmp/log" 2>/dev/null || true; }
	wait_runs() { i=0; while [ "$(runs)" -lt "$1" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done; [ "$(runs)" -ge "$1" ]; }
	wait_runs 1 && has "$w/out.md" 'First title' "watch: first build" || ko "watch: no first build"
	has "$tmp/log" 'watching 3 files' "watch: the brief, its chapter and its library"
	printf 'Chapter one, edited [@e].\n' >"$w/ch/one.brief"
	wait_runs 2 && has "$w/out.md" 'edited' "watch: an included file" || ko "watch: no build after an included file changed"
	sed 's/First title/Second title/' "$w/lib.brief" >"$w/lib.new" && mv "$w/lib.new" "$w/lib.brief"
	wait_runs 3 && has "$w/out.md" 'Second title' "watch: the library" || ko "watch: no build after the library changed"
	# a new include of a file that does not exist yet, then the file
	printf '::: include ch/two.brief\n' >>"$w/t.brief"
	wait_runs 4 || ko "watch: no build after the brief changed"
	printf 'Chapter two.\n' >"$w/ch/two.brief"
	wait_runs 5 && has "$w/out.md" 'Chapter two' "watch: a file included before it existed" ||
		ko "watch: no build when an included file appeared"
	kill -TERM "$pid"; wait "$pid"; pid=
fi

echo "multifile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
