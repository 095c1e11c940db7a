// The unit tests must bite: node test/mutate.js
//
// Makes one broken grammar per rule -- each rule of the repository removed,
// and each alternative of a rule's pattern list removed -- and runs the
// unit tests (test/unit/*.brief) against it.  A broken grammar that every
// test still passes is a rule no assertion covers, and this fails.
'use strict';
const fs = require('fs');
const path = require('path');
const tm = require('vscode-textmate');
const onig = require('vscode-oniguruma');
const { parseGrammarTestCase, runGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index');

const root = path.join(__dirname, '..');
const grammarPath = path.join(root, 'syntaxes', 'brief.tmLanguage.json');
const original = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
const unitDir = path.join(__dirname, 'unit');
const cases = fs.readdirSync(unitDir).filter((f) => f.endsWith('.brief')).sort()
	.map((f) => parseGrammarTestCase(fs.readFileSync(path.join(unitDir, f), 'utf8')));

function mutants() {
	const out = [];
	for (const [key, rule] of Object.entries(original.repository)) {
		out.push({ name: `#${key}`, apply: (g) => { g.repository[key] = { patterns: [] }; } });
		if (Array.isArray(rule.patterns) && rule.patterns.length > 1)
			rule.patterns.forEach((p, i) => out.push({
				name: `#${key} alternative ${i + 1}${p.name ? ` (${p.name})` : p.include ? ` (${p.include})` : ''}`,
				apply: (g) => { g.repository[key].patterns.splice(i, 1); },
			}));
	}
	return out;
}

// One WebAssembly Oniguruma for every grammar.
const onigLib = onig.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer)
	.then(() => ({
		createOnigScanner: (p) => new onig.OnigScanner(p),
		createOnigString: (s) => new onig.OnigString(s),
	}));

async function failures(grammar) {
	const registry = new tm.Registry({
		onigLib,
		loadGrammar: async () => tm.parseRawGrammar(JSON.stringify(grammar), grammarPath),
	});
	let n = 0;
	for (const c of cases)
		n += (await runGrammarTestCase(registry, c)).length;
	return n;
}

async function main() {
	if (await failures(original) !== 0) {
		console.log('mutate: the unit tests fail on the grammar itself');
		process.exit(1);
	}
	const survivors = [];
	const all = mutants();
	for (const m of all) {
		const g = JSON.parse(JSON.stringify(original));
		m.apply(g);
		if (await failures(g) === 0)
			survivors.push(m.name);
	}
	for (const s of survivors)
		console.log(`mutate: removing ${s} breaks no unit test`);
	console.log(`mutate: ${all.length - survivors.length} of ${all.length} broken grammars caught`);
	process.exit(survivors.length === 0 ? 0 : 1);
}

main().catch((e) => {
	console.log('mutate: ' + e.message);
	process.exit(2);
});
