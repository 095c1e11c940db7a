#!/bin/sh
# briefc watch: a build after each way an editor saves (in place, a new
# file renamed over the old one, delete and re-create), none for another
# file of the folder, one for a burst of writes, an error that is then
# fixed, the polling fallback (--poll), and a clean exit on SIGINT and
# SIGTERM.  Every wait is bounded: a watch that never rebuilds fails the
# case after WATCH_WAIT tenths of a second, it cannot hang the suite.
: "${BRIEFC:=$PWD/build/briefc}"
WATCH_WAIT=${WATCH_WAIT:-100}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "watch: FAIL: $*"; sed 's/^/  | /' "$tmp/log" | tail -8; }

good=$PWD/examples/minimal.brief

# start ARGS...: briefc watch ARGS in $tmp/d, its stderr in $tmp/log.  A
# background job of a script ignores SIGINT; perl gives it back.
start() {
	: >"$tmp/log"
	(cd "$tmp/d" && exec perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV' \
		"$BRIEFC" watch "$@") 2>"$tmp/log" >"$tmp/stdout" &
	pid=$!
}
# runs: how many builds or checks have ended so far
runs() { grep -c '\] \(build\|check\)' "$tmp/log"; }
# wait_runs N: until N runs have ended; false when the time is up
wait_runs() {
	i=0
	while [ "$(runs)" -lt "$1" ]; do
		i=$((i + 1))
		[ $i -gt "$WATCH_WAIT" ] && return 1
		sleep 0.1
	done
}
# settle: long enough for a change to be seen and built (debounce 80 ms)
settle() { sleep 0.6; }
# stop SIGNAL: the watch must exit, with status 0, within the bound
stop() {
	kill -"$1" "$pid"
	i=0
	while kill -0 "$pid" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt "$WATCH_WAIT" ]; then
			kill -KILL "$pid"
			ko "no exit on SIG$1"
			pid=
			return
		fi
		sleep 0.1
	done
	wait "$pid"
	st=$?
	pid=
	[ "$st" = 0 ] && ok || ko "exit status $st after SIG$1"
}
expect_runs() { # N what
	if wait_runs "$1"; then ok; else ko "$2: no run $1"; fi
}
has() { # file text what
	if grep -q -- "$2" "$1"; then ok; else ko "$3: $1 lacks '$2'"; fi
}

rm -rf "$tmp/d"; mkdir "$tmp/d"
cp "$good" "$tmp/d/b.brief"
start -t html -o out.html b.brief
expect_runs 1 "first build"
# (where there is no inotify, watch polls: the cases still hold, except
# what only inotify says)
no_inotify=$(sed -n '1{/every [0-9]* ms/p}' "$tmp/log")
has "$tmp/log" '\] build ok ([0-9]* ms); watching 1 file$' "status line"

# in place
printf '\nInPlaceWrite paragraph.\n' >>"$tmp/d/b.brief"
expect_runs 2 "in-place write"
has "$tmp/d/out.html" InPlaceWrite "in-place write"
has "$tmp/log" 'b.brief changed' "the changed file named"

# a new file renamed over the old one (vim, most editors)
sed 's/InPlaceWrite/RenamedOver/' "$tmp/d/b.brief" >"$tmp/d/.b.brief.swp"
mv "$tmp/d/.b.brief.swp" "$tmp/d/b.brief"
expect_runs 3 "write and rename"
has "$tmp/d/out.html" RenamedOver "write and rename"

# vim with a backup: rename away, write anew, remove the backup
mv "$tmp/d/b.brief" "$tmp/d/b.brief~"
sed 's/RenamedOver/VimBackup/' "$tmp/d/b.brief~" >"$tmp/d/b.brief"
rm "$tmp/d/b.brief~"
expect_runs 4 "rename away and write anew"
has "$tmp/d/out.html" VimBackup "rename away and write anew"

# delete, then re-create
sed 's/VimBackup/Recreated/' "$tmp/d/b.brief" >"$tmp/new"
rm "$tmp/d/b.brief"
settle
cp "$tmp/new" "$tmp/d/b.brief"
n=$(runs)
settle
expect_runs $((n + 1)) "delete and re-create"
has "$tmp/d/out.html" Recreated "delete and re-create"
has "$tmp/log" 'cannot read b.brief' "the deleted file reported"

# another file of the folder: no build
n=$(runs)
echo other >"$tmp/d/notes.txt"
echo more >>"$tmp/d/notes.txt"
settle
[ "$(runs)" = "$n" ] && ok || ko "a build for a file the brief does not read"

# a burst of writes: one build (two at most on a slow machine)
n=$(runs)
for k in 1 2 3 4 5 6; do printf '\nBurst%s.\n' "$k" >>"$tmp/d/b.brief"; done
expect_runs $((n + 1)) "burst"
settle
[ "$(runs)" -le $((n + 2)) ] && ok || ko "a burst of 6 writes made $(($(runs) - n)) builds"
has "$tmp/d/out.html" Burst6 "burst"

# an input error: reported, the output kept, the watch goes on; then fixed
cp "$tmp/d/out.html" "$tmp/before.html"
n=$(runs)
printf '\nSee [@nowhere].\n' >>"$tmp/d/b.brief"
expect_runs $((n + 1)) "input error"
has "$tmp/log" "undefined ID 'nowhere'" "input error reported"
has "$tmp/log" '\] build: the input has errors' "input error status"
cmp -s "$tmp/before.html" "$tmp/d/out.html" && ok || ko "a build with errors changed the output"
kill -0 "$pid" 2>/dev/null && ok || ko "watch exited on an input error"
sed 's/See \[@nowhere\]\./ErrorFixed./' "$tmp/d/b.brief" >"$tmp/new"
cp "$tmp/new" "$tmp/d/b.brief"
expect_runs $((n + 2)) "error fixed"
has "$tmp/d/out.html" ErrorFixed "error fixed"
[ -z "$(ls "$tmp/d" | grep tmp)" ] && ok || ko "temporary file left behind"
# inotify saw every change: nothing fell back to polling
if [ -z "$no_inotify" ]; then
	grep -q 'every [0-9]* ms' "$tmp/log" && ko "polling where inotify should watch" || ok
fi
stop INT

# polling, and a check (no -t, no -o); SIGTERM
rm -rf "$tmp/d"; mkdir "$tmp/d"
cp "$good" "$tmp/d/b.brief"
start --poll b.brief
expect_runs 1 "poll: first check"
has "$tmp/log" 'looking for changes every 250 ms' "poll: polling said"
has "$tmp/log" '\] check ok' "poll: check status"
printf '\nTODO polled.\n' >>"$tmp/d/b.brief"
expect_runs 2 "poll: in-place write"
has "$tmp/log" "placeholder 'TODO'" "poll: the change checked"
sed 's/TODO polled/Polled/' "$tmp/d/b.brief" >"$tmp/new"
mv "$tmp/new" "$tmp/d/b.brief"
expect_runs 3 "poll: write and rename"
rm "$tmp/d/b.brief"
expect_runs 4 "poll: delete"
cp "$good" "$tmp/d/b.brief"
expect_runs 5 "poll: re-create"
has "$tmp/log" '\] check ok' "poll: re-created"
stop TERM

# a brief that does not exist yet: waited for, not an exit
rm -rf "$tmp/d"; mkdir "$tmp/d"
start -t md later.brief
expect_runs 1 "missing at start"
has "$tmp/log" 'build failed' "missing at start: status"
cp "$good" "$tmp/d/later.brief"
expect_runs 2 "created later"
has "$tmp/stdout" 'Safe Water' "created later: the Markdown on standard output"
stop TERM

# a brief in a folder that does not exist yet: polled, said so
rm -rf "$tmp/d"; mkdir "$tmp/d"
start -t md sub/later.brief
expect_runs 1 "missing folder"
[ -n "$no_inotify" ] || has "$tmp/log" 'cannot watch sub' "missing folder: said"
mkdir "$tmp/d/sub"; cp "$good" "$tmp/d/sub/later.brief"
expect_runs 2 "missing folder: created later"
has "$tmp/log" '\] build ok' "missing folder: built"
stop TERM

# a brief that is a symbolic link: a write to the file it names
rm -rf "$tmp/d" "$tmp/real"; mkdir "$tmp/d" "$tmp/real"
cp "$good" "$tmp/real/b.brief"
ln -s ../real/b.brief "$tmp/d/b.brief"
start -t md b.brief
expect_runs 1 "symbolic link"
printf '\nThroughTheLink.\n' >>"$tmp/real/b.brief"
expect_runs 2 "symbolic link: the file it names written"
has "$tmp/stdout" ThroughTheLink "symbolic link: rebuilt"
stop TERM

# usage errors end it at once
"$BRIEFC" watch >/dev/null 2>"$tmp/err" </dev/null; [ $? = 2 ] && ok || ko "watch without FILE"
"$BRIEFC" watch - >/dev/null 2>"$tmp/err" </dev/null; [ $? = 2 ] && grep -q 'standard input' "$tmp/err" && ok || ko "watch -"
"$BRIEFC" watch -t nope "$good" >/dev/null 2>"$tmp/err" </dev/null; [ $? = 2 ] && grep -q "unknown format 'nope'" "$tmp/err" && ok || ko "watch -t nope"
"$BRIEFC" build --poll -t md "$good" >/dev/null 2>"$tmp/err" </dev/null; [ $? = 2 ] && ok || ko "--poll is watch's"

echo "watch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
