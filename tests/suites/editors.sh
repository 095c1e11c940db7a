#!/bin/sh
# Editor support: the VS Code extension (editors/vscode) and the Vim files
# (editors/vim).  Each step counts as one test:
#
#   grammar    the committed brief.tmLanguage.json is what syntaxes/build.js
#              writes (the JSON is generated, never edited by hand)
#   unit       vscode-tmgrammar-test: the scope assertions of test/unit
#   mutate     each rule of the grammar removed in turn must break a unit
#              test: no rule goes untested, and the tests can fail
#   snapshot   vscode-tmgrammar-snap: test/snap against its .snap files; a
#              missing .snap is a failure here (the tool would write one and
#              pass), and a broken grammar must fail it
#   briefc     the grammar against briefc on the examples and golden cases:
#              nothing it marks illegal is accepted by briefc, and briefc's
#              unknown-field, empty-link and placeholder findings are marked
#   client     node --test: the client starts `briefc lsp` with the
#              configured path (VS Code itself stood in for)
#   vim        the syntax groups of editors/vim/test/*.brief, headless, and
#              a broken syntax file must fail them
#
# The npm packages (pinned by editors/vscode/package-lock.json) come from
# `make editors-deps`, which this suite runs; without node, npm or vim the
# suite fails and says why: it never skips.
BUILD=${BUILD:-build}
BRIEFC=${BRIEFC:-$(pwd)/$BUILD/briefc}
ext=editors/vscode
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

finish() {
	echo "editors: $pass passed, $fail failed"
	[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
	exit $?
}

# step NAME COMMAND...: one test; its output is shown only when it fails.
step() {
	name=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "editors: $name failed:"
		tail -25 "$tmp/out"
	fi
}

# expect_failure NAME COMMAND...: COMMAND must fail (the tests bite).
expect_failure() {
	name=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then
		fail=$((fail + 1))
		echo "editors: $name: a broken grammar or syntax file passed"
	else
		pass=$((pass + 1))
	fi
}

if ! make --no-print-directory -s editors-deps >"$tmp/deps" 2>&1; then
	tail -20 "$tmp/deps"
	echo "editors: cannot install what the editor tests need (make editors-deps)"
	fail=1
	finish
fi
bin=$ext/node_modules/.bin

step grammar sh -c "node $ext/syntaxes/build.js | cmp - $ext/syntaxes/brief.tmLanguage.json"
step unit sh -c "cd $ext && node_modules/.bin/vscode-tmgrammar-test -c 'test/unit/*.brief'"
step mutate node $ext/test/mutate.js

missing=""
for f in $ext/test/snap/*.brief; do
	[ -f "$f.snap" ] || missing="$missing $f.snap"
done
if [ -n "$missing" ]; then
	fail=$((fail + 1))
	echo "editors: snapshot files missing:$missing"
	echo "  (write them with: cd $ext && node_modules/.bin/vscode-tmgrammar-snap -u 'test/snap/*.brief')"
else
	step snapshot sh -c "cd $ext && node_modules/.bin/vscode-tmgrammar-snap 'test/snap/*.brief'"
	# The same snapshots against a grammar that has lost its references.
	mkdir -p "$tmp/broken/syntaxes" "$tmp/broken/test"
	node -e '
		const fs = require("fs");
		const [src, dst] = process.argv.slice(1);
		const g = JSON.parse(fs.readFileSync(src, "utf8"));
		g.repository.reference = { patterns: [] };
		fs.writeFileSync(dst, JSON.stringify(g));
	' $ext/syntaxes/brief.tmLanguage.json "$tmp/broken/syntaxes/brief.tmLanguage.json"
	cp $ext/package.json "$tmp/broken/"
	cp -r $ext/test/snap "$tmp/broken/test/"
	expect_failure "snapshot (broken grammar)" sh -c \
		"cd '$tmp/broken' && '$(pwd)/$bin/vscode-tmgrammar-snap' 'test/snap/*.brief'"
fi

step briefc sh -c "cd $ext && node test/crosscheck.js '$BRIEFC' \
	$(cd "$ext" && echo ../../examples/*.brief ../../tests/golden/cases/*.brief)"
step client node --test $ext/test/client.test.js

if ! command -v vim >/dev/null 2>&1; then
	fail=$((fail + 1))
	echo "editors: vim is needed to test editors/vim (apt-get install vim)"
else
	step vim sh -c "vim -Es -u NONE -N -i NONE -S editors/vim/test/run.vim </dev/null"
	cp -r editors/vim "$tmp/vim"
	sed -i '/briefReference/d' "$tmp/vim/syntax/brief.vim"
	expect_failure "vim (broken syntax)" sh -c \
		"vim -Es -u NONE -N -i NONE -S '$tmp/vim/test/run.vim' </dev/null"
fi
finish
