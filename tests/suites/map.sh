#!/bin/sh
# The evidence map end to end (docs/output.md): for every example, the
# golden map case and generated briefs with 5 and 40 recommendations,
#
#   build -t dot   succeeds, gives the same bytes twice, and Graphviz's
#                  dot accepts it (-Tsvg, and the SVG is well-formed XML)
#   its edges      are exactly the links of the JSON model: evidence ->
#                  finding for each finding in a source's cited_by, finding
#                  -> recommendation for each finding a recommendation
#                  addresses; and its nodes are every source, finding and
#                  recommendation
#   trace          of every evidence, finding and recommendation ID works,
#                  and each line starts PATH:LINE: with a line that holds
#                  a block of that ID; --format=json is valid JSON whose
#                  nodes are the ones the text names
: "${BRIEFC:=$PWD/build/briefc}"
command -v jq >/dev/null 2>&1 || sh tools/ensure-packages.sh jq || exit 1
command -v dot >/dev/null 2>&1 || sh tools/ensure-packages.sh graphviz || exit 1
command -v xmllint >/dev/null 2>&1 || sh tools/ensure-packages.sh libxml2-utils || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "map: $*"; }

sh bench/mapgen.sh 5 6 5 3 nomap >"$tmp/gen-5.brief"
sh bench/mapgen.sh 40 30 25 6 nomap >"$tmp/gen-40.brief"

for f in examples/*.brief tests/golden/cases/trace.brief "$tmp"/gen-*.brief; do
	case $f in *-draft.brief) continue;; esac
	name=$(basename "$f" .brief)
	if ! "$BRIEFC" build -t dot -o "$tmp/$name.dot" "$f" 2>"$tmp/err"; then
		ko "$f: build -t dot failed: $(head -c 300 "$tmp/err")"
		continue
	fi
	ok
	"$BRIEFC" build -t dot "$f" 2>/dev/null >"$tmp/again.dot"
	if cmp -s "$tmp/$name.dot" "$tmp/again.dot"; then ok; else ko "$f: two runs differ"; fi
	if dot -Tsvg "$tmp/$name.dot" >"$tmp/$name.svg" 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
		ok
	else
		ko "$f: dot -Tsvg: $(head -c 300 "$tmp/err")"
	fi
	if xmllint --noout --nonet "$tmp/$name.svg" 2>"$tmp/err"; then ok; else
		ko "$f: the SVG is not well-formed: $(head -c 300 "$tmp/err")"; fi

	# edges and nodes, from the DOT and from the JSON model
	"$BRIEFC" build -t json "$f" 2>/dev/null >"$tmp/$name.json"
	grep -E '^	[efr][0-9]+ -> [efr][0-9]+;$' "$tmp/$name.dot" | tr -d '\t;' |
		sort >"$tmp/dot-edges"
	jq -r '(.sources[] | .number as $e | .cited_by[] |
			select(.kind == "finding") | "e\($e) -> f\(.number)"),
		(.recommendations[] | .number as $r | .addresses[] |
			select(.kind == "finding") | "f\(.number) -> r\($r)")' \
		"$tmp/$name.json" | sort -u >"$tmp/json-edges"
	if cmp -s "$tmp/dot-edges" "$tmp/json-edges"; then ok; else
		ko "$f: DOT edges differ from the JSON model's links:"
		diff "$tmp/json-edges" "$tmp/dot-edges" | head -10
	fi
	grep -Eo '^		[efr][0-9]+ \[label=' "$tmp/$name.dot" | tr -d '\t' |
		sed 's/ .*//' | sort >"$tmp/dot-nodes"
	jq -r '(.sources[] | "e\(.number)"), (.findings[] | "f\(.number)"),
		(.recommendations[] | "r\(.number)")' "$tmp/$name.json" |
		sort >"$tmp/json-nodes"
	if cmp -s "$tmp/dot-nodes" "$tmp/json-nodes"; then ok; else
		ko "$f: DOT nodes differ from the JSON model's:"
		diff "$tmp/json-nodes" "$tmp/dot-nodes" | head -10
	fi

	# trace every ID; each line's location holds that ID's block
	jq -r '(.sources[], .findings[], .recommendations[]) | .id' "$tmp/$name.json" |
		while read -r id; do
			if ! "$BRIEFC" trace "$f" "$id" >"$tmp/trace" 2>"$tmp/err"; then
				echo "trace $id failed: $(head -c 200 "$tmp/err")"
				continue
			fi
			while IFS= read -r line; do
				loc=${line%%: *}
				ln=${loc##*:}
				rest=${line#*: }
				tid=$(echo "$rest" | sed -E 's/^ *((cited by|addressed by|addresses|cites) )?[a-z]+ \[?[0-9]+\]? ([^ ]+) .*/\3/')
				sed -n "${ln}p" "$f" | grep -q "^::: [a-z]* $tid\$" ||
					echo "trace $id: line $ln does not define $tid: $line"
			done <"$tmp/trace"
			"$BRIEFC" trace --format=json "$f" "$id" >"$tmp/trace.json" 2>/dev/null
			jq -e '.traces | length == 1' "$tmp/trace.json" >/dev/null ||
				echo "trace --format=json $id: not one trace"
			# the text names the same IDs as the JSON
			sed -E 's/^[^:]*:[0-9]+: *((cited by|addressed by|addresses|cites) )?[a-z]+ \[?[0-9]+\]? ([^ ]+) .*/\3/' \
				"$tmp/trace" | sort -u >"$tmp/t-ids"
			jq -r '.traces[0] | .id, (.rests_on[], .supports[]).id' "$tmp/trace.json" |
				sort -u >"$tmp/j-ids"
			cmp -s "$tmp/t-ids" "$tmp/j-ids" ||
				echo "trace $id: the text and the JSON name different IDs"
		done >"$tmp/trace-problems"
	if [ -s "$tmp/trace-problems" ]; then
		ko "$f: trace:"
		head -10 "$tmp/trace-problems"
	else
		ok
	fi
done

echo "map: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
