#!/bin/sh
# SARIF output validated against the SARIF 2.1.0 JSON schema.
#
# tests/data/sarif-2.1.0.json is the schema of SARIF 2.1.0 (the rtm.5 text
# the OASIS standard was approved from, JSON Schema draft 4) as the npm
# package @microsoft/jest-sarif 1.0.0-beta.0 ships it (MIT licence).  The
# validator is ajv with its draft-4 front end and ajv-formats (for "uri",
# "date-time", ...), installed with npm into $BUILD/npm when missing; no
# node_modules is ever committed.  Without node and npm the suite fails
# and says why: it never skips.
#
# Besides the schema, each log must be consistent: one rule per code, every
# result naming an existing rule by id and index, and as many results, in
# the same order, as --diagnostics=json gives for the same files.  A
# deliberately broken log must be rejected, so the validator is known to
# bite.
BUILD=${BUILD:-build}
BRIEFC=${BRIEFC:-$(pwd)/$BUILD/briefc}
schema=$(pwd)/tests/data/sarif-2.1.0.json
npmdir=$(pwd)/$BUILD/npm
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

finish() {
	echo "sarif: $pass passed, $fail failed"
	[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
	exit $?
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	sh tools/ensure-packages.sh nodejs npm >"$tmp/apt.log" 2>&1
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "sarif: node and npm are needed to validate SARIF (apt-get install nodejs npm)"
	fail=1
	finish
fi
if [ ! -f "$npmdir/node_modules/ajv-draft-04/package.json" ] ||
   [ ! -f "$npmdir/node_modules/ajv-formats/package.json" ]; then
	mkdir -p "$npmdir"
	if ! npm install --no-save --no-audit --no-fund --prefix "$npmdir" \
		ajv@8 ajv-draft-04@1 ajv-formats@3 >"$tmp/npm.log" 2>&1; then
		tail -20 "$tmp/npm.log"
		echo "sarif: cannot install the validator (npm install ajv ajv-draft-04 ajv-formats)"
		fail=1
		finish
	fi
fi

cat >"$tmp/validate.js" <<'EOF'
// validate.js NPMDIR SCHEMA SARIF [JSON]: schema and consistency checks.
// Exit 0: valid; 1: invalid; 2: the validator itself failed.
process.on('uncaughtException', e => {
	console.log('validator failure: ' + e.message);
	process.exit(2);
});
const fs = require('fs');
const [npmdir, schemaPath, sarifPath, jsonPath] = process.argv.slice(2);
const Ajv = require(npmdir + '/node_modules/ajv-draft-04');
const addFormats = require(npmdir + '/node_modules/ajv-formats');
// The schema's language pattern, ^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$,
// is not valid with the u flag that ajv uses by default.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false});
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
const problems = [];
let log;
try {
	log = JSON.parse(fs.readFileSync(sarifPath, 'utf8'));
} catch (e) {
	console.log('not JSON: ' + e.message);
	process.exit(1);
}
if (!validate(log))
	for (const e of validate.errors.slice(0, 10))
		problems.push('schema: ' + e.instancePath + ' ' + e.message);
const run = log.runs && log.runs[0];
if (!run || log.runs.length !== 1) {
	problems.push('expected exactly one run');
} else {
	const rules = run.tool.driver.rules;
	const ids = rules.map(r => r.id);
	if (new Set(ids).size !== ids.length || ids.length !== 29)
		problems.push('expected 29 distinct rules, got ' + ids.length);
	for (const r of rules)
		if (!r.shortDescription || !r.shortDescription.text || !r.help || !r.help.text)
			problems.push('rule ' + r.id + ' lacks a description or help');
	run.results.forEach((res, i) => {
		if (ids[res.ruleIndex] !== res.ruleId)
			problems.push('result ' + i + ': ruleIndex does not name ' + res.ruleId);
	});
	if (jsonPath) {
		const diags = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
		if (diags.length !== run.results.length)
			problems.push(run.results.length + ' results, but ' + diags.length + ' diagnostics in JSON');
		diags.forEach((d, i) => {
			const r = run.results[i];
			if (!r) return;
			const reg = r.locations[0].physicalLocation.region;
			if (r.ruleId !== d.code || reg.startLine !== d.line || reg.startColumn !== d.column ||
			    reg.endLine !== d.end_line || reg.endColumn !== d.end_column || r.level !== d.severity)
				problems.push('result ' + i + ' differs from JSON diagnostic ' + d.code + ' at ' + d.line + ':' + d.column);
		});
	}
}
for (const p of problems.slice(0, 10))
	console.log(p);
process.exit(problems.length ? 1 : 0);
EOF

# check NAME ARGS...: SARIF of ARGS must validate and match the JSON.
check() {
	name=$1
	shift
	"$BRIEFC" check --diagnostics=sarif "$@" >"$tmp/out.sarif" 2>"$tmp/err"
	s1=$?
	"$BRIEFC" check --diagnostics=json "$@" >"$tmp/out.json" 2>>"$tmp/err"
	s2=$?
	if [ "$s1" -gt 1 ] || [ "$s1" != "$s2" ]; then
		fail=$((fail + 1))
		echo "sarif: $name: exit status $s1 (json: $s2)"
		head -5 "$tmp/err"
	elif node "$tmp/validate.js" "$npmdir" "$schema" "$tmp/out.sarif" "$tmp/out.json" >"$tmp/why" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "sarif: $name: invalid SARIF:"
		head -10 "$tmp/why"
	fi
}

check "every check case" tests/golden/cases/check-*.brief
check "a clean brief (no results)" examples/minimal.brief
check "the US-ROK draft" examples/us-rok-partnership-draft.brief
cp tests/golden/cases/check-placeholder-fail.brief "$tmp/a file, with: odd%name.brief"
check "a path that needs percent-encoding" "$tmp/a file, with: odd%name.brief"
check "a brief of several files (their own paths)" tests/multifile/locate/brief.brief

# The validator must reject what is not SARIF 2.1.0.
"$BRIEFC" check --diagnostics=sarif tests/golden/cases/check-placeholder-fail.brief \
	| sed 's/"version":"2.1.0"/"version":"2.0.0"/' >"$tmp/broken.sarif"
node "$tmp/validate.js" "$npmdir" "$schema" "$tmp/broken.sarif" >"$tmp/why" 2>&1
status=$?
if [ "$status" -eq 1 ] && grep -q "^schema: /version" "$tmp/why"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "sarif: a log with version 2.0.0 was not rejected by the schema (status $status):"
	head -5 "$tmp/why"
fi
finish
