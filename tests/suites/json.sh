#!/bin/sh
# The JSON backend end to end (schema: docs/json.md).
#
# For every examples/*.brief and for a brief full of characters JSON must
# escape: `briefc build -t json` succeeds, prints valid JSON, prints the same
# bytes twice, and the model holds together: numbers 1..N in order, links
# both ways (finding <-> recommendation, finding -> evidence -> cited_by,
# area <-> recommendation), the tables agree with the body tree, every node
# is located.
: "${BRIEFC:=$PWD/build/briefc}"
command -v jq >/dev/null 2>&1 || sh tools/ensure-packages.sh jq || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "json: $*"; }

# Each line of output names one broken fact; no output means all hold.
cat >"$tmp/facts.jq" <<'EOF'
def ids(a): [a[].id];
def nodes: [.body[] | .. | objects | select(has("type"))];
. as $d
| ($d.findings | map({(.id): .}) | add // {}) as $F
| ($d.recommendations | map({(.id): .}) | add // {}) as $R
| ($d.sources | map({(.id): .}) | add // {}) as $S
| ($d.areas | map({(.id): .}) | add // {}) as $A
| (if $d.format != "briefc" or $d.version != 1 then "format/version" else empty end),
  (if ($d.meta.title | type) != "string" then "meta.title missing" else empty end),
  (if ($d.meta.authors | length) == 0 then "meta.authors empty" else empty end),
  (if ($d.meta.status | IN("draft", "final")) | not then "meta.status" else empty end),
  (if [$d.findings[].number] != [range(1; ($d.findings | length) + 1)]
   then "finding numbers not 1..M" else empty end),
  (if [$d.recommendations[].number] != [range(1; ($d.recommendations | length) + 1)]
   then "recommendation numbers not 1..N" else empty end),
  (if [$d.sources[].number] != [range(1; ($d.sources | length) + 1)]
   then "source numbers not 1..K" else empty end),
  ($d.findings[] as $f | $f.addressed_by[] as $r
   | if ($R[$r.id] | .addresses | map(.id) | index($f.id)) == null
     then "\($f.id) addressed_by \($r.id), which does not address it" else empty end),
  ($d.recommendations[] as $r | $r.addresses[] as $f
   | if ($F[$f.id] | .addressed_by | map(.id) | index($r.id)) == null
     then "\($r.id) addresses \($f.id), which does not list it" else empty end,
     if $f.number != $F[$f.id].number then "\($r.id): number of \($f.id)" else empty end),
  ($d.findings[] as $f | $f.evidence[] as $e
   | if ($S[$e.id] | .cited_by | map(.id) | index($f.id)) == null
     then "\($f.id) cites \($e.id), whose cited_by omits it" else empty end,
     if $e.number != $S[$e.id].number then "\($f.id): number of \($e.id)" else empty end),
  ($d.sources[] as $s | $s.cited_by[] | select(.kind == "finding") as $f
   | if $F[$f.id] == null then "\($s.id) cited_by unknown finding \($f.id)" else empty end),
  ($d.recommendations[] | select(.area != null) as $r
   | if ($A[$r.area.id] | .recommendations | map(.id) | index($r.id)) == null
     then "\($r.id) not listed in area \($r.area.id)" else empty end),
  ($d.areas[] as $a | $a.recommendations[]
   | if $R[.id].area.id != $a.id then "area \($a.id) lists \(.id) of another area" else empty end),
  (nodes as $n
   | (if ($n | map(select(.type == "heading")) | length) != ($d.sections | length)
      then "sections != headings in body" else empty end),
     (if ids($n | map(select(.type == "block" and .kind == "finding"))) != ids($d.findings)
      then "findings != finding blocks in body" else empty end),
     (if ids($n | map(select(.type == "block" and .kind == "recommendation"))) != ids($d.recommendations)
      then "recommendations != recommendation blocks in body" else empty end),
     ($n[] | select((.at | type) != "array" or (.end | type) != "array")
      | "unlocated \(.type) node"),
     ($n[] | select(.at != null and .end != null and .at > .end)
      | "\(.type) at \(.at) ends before it starts at \(.end)"))
EOF

check() { # name file
	name=$1
	f=$2
	if ! "$BRIEFC" build -t json "$f" >"$tmp/a.json" 2>"$tmp/err"; then
		ko "$name: build -t json failed: $(head -3 "$tmp/err")"
		return
	fi
	if ! jq -e 'type == "object"' "$tmp/a.json" >/dev/null 2>"$tmp/err"; then
		ko "$name: not valid JSON: $(head -1 "$tmp/err")"
		return
	fi
	ok
	"$BRIEFC" build -t json "$f" >"$tmp/b.json" 2>/dev/null
	if cmp -s "$tmp/a.json" "$tmp/b.json"; then ok; else ko "$name: two runs differ"; fi
	"$BRIEFC" build -t json -o "$tmp/c.json" "$f" 2>/dev/null
	if cmp -s "$tmp/a.json" "$tmp/c.json"; then ok; else ko "$name: -o differs from stdout"; fi
	if ! jq -r -f "$tmp/facts.jq" "$tmp/a.json" >"$tmp/facts" 2>&1; then
		ko "$name: fact check crashed: $(head -2 "$tmp/facts")"
	elif [ -s "$tmp/facts" ]; then
		ko "$name: $(head -5 "$tmp/facts" | tr '\n' ';')"
	else
		ok
	fi
}

# An example with errors (a draft showing diagnostics) must build nothing.
n=0
for f in examples/*.brief; do
	[ -f "$f" ] || continue
	if "$BRIEFC" check "$f" >/dev/null 2>&1; then
		n=$((n + 1))
		check "$(basename "$f")" "$f"
		continue
	fi
	"$BRIEFC" build -t json "$f" >"$tmp/a.json" 2>/dev/null
	st=$?
	if [ "$st" -eq 1 ] && [ ! -s "$tmp/a.json" ]; then ok
	else ko "$(basename "$f"): has errors, yet build -t json gave status $st and $(wc -c <"$tmp/a.json") bytes"
	fi
done
[ "$n" -gt 0 ] || ko "no valid examples/*.brief to check"

# Text JSON must escape survives the trip: quotes, backslashes, tabs,
# non-ASCII, and the exact numbers and links of a tiny brief.
printf '%s\n' '---' 'title: Say "hi" \\ and *café*' \
	'authors: A. "Quote" Writer; B. Writer' 'date: 2024-02-01' '---' '' \
	'::: areas' 'sec: Security "first"' ':::' '' \
	'# One {#one}' '' \
	"Tab	inside, a \"quote\", a backslash \\\\ and — [@f1]." '' \
	'::: finding f1' 'claim: It "holds" \\ here.' 'evidence: e1' ':::' '' \
	'::: recommendation r1' 'action: Act.' 'area: sec' 'addresses: f1' ':::' '' \
	'::: evidence e1' 'title: The "source"' 'publisher: Back\\slash "Press"' 'url: https://example.org/a?b=1&c=2' ':::' \
	>"$tmp/tricky.brief"
check tricky "$tmp/tricky.brief"
if [ -s "$tmp/a.json" ]; then
	got=$(jq -r '[.meta.title, .meta.authors[0], .meta.authors[1],
		.sections[0].id, .areas[0].title, .sources[0].title, .sources[0].publisher, .sources[0].url,
		(.findings[0] | "\(.number) \(.evidence[0].number) \(.addressed_by[0].id)"),
		(.recommendations[0] | "\(.number) \(.area.id) \(.addresses[0].id)"),
		(.sources[0].cited_by | map(.id) | join(","))] | join("|")' "$tmp/a.json" 2>&1)
	want='Say "hi" \ and café|A. "Quote" Writer|B. Writer|one|Security "first"|The "source"|Back\\slash "Press"|https://example.org/a?b=1&c=2|1 1 r1|1 sec f1|f1'
	if [ "$got" = "$want" ]; then ok; else ko "tricky: got $got"; fi
	para=$(jq -r '[.body[] | select(.type == "paragraph") | .. | objects
		| select(.type == "text") | .text] | join("")' "$tmp/a.json" 2>&1)
	case $para in
	*'Tab	inside, a "quote", a backslash \ and —'*) ok ;;
	*) ko "tricky: paragraph text is $para" ;;
	esac
fi

echo "json: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
