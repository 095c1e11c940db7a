// The grammar against briefc itself: node test/crosscheck.js BRIEFC FILE...
//
// For each file, briefc check --diagnostics=json says where the errors and
// warnings are; the grammar must agree with it in both directions:
//   - a line the grammar marks invalid.illegal must hold an error that
//     briefc reports (an error-free file shows nothing illegal), and
//   - where briefc reports one of the mistakes that the grammar is meant to
//     see (CODES below), the token there carries that mistake's scope.
// So a grammar rule that flags valid Brief, or stops flagging a mistake,
// fails here on real files, not only on the hand-written tests.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const tm = require('vscode-textmate');
const onig = require('vscode-oniguruma');

// Diagnostic code -> the scope its position must carry.
const CODES = {
	'unknown-field': 'invalid.illegal.unknown-field.brief',
	'empty-link': 'invalid.illegal.empty-link.brief',
	'placeholder': 'invalid.deprecated.placeholder.brief',
};

async function grammar() {
	const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
	await onig.loadWASM(wasm);
	const registry = new tm.Registry({
		onigLib: Promise.resolve({
			createOnigScanner: (p) => new onig.OnigScanner(p),
			createOnigString: (s) => new onig.OnigString(s),
		}),
		loadGrammar: async () => {
			const file = path.join(__dirname, '..', 'syntaxes', 'brief.tmLanguage.json');
			return tm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
		},
	});
	return registry.loadGrammar('source.brief');
}

// Lines of the file as lists of tokens; columns count UTF-16 units, as
// vscode-textmate does.
function tokenize(g, text) {
	let stack = tm.INITIAL;
	return text.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => {
		const r = g.tokenizeLine(line, stack);
		stack = r.ruleStack;
		return { line, tokens: r.tokens };
	});
}

// briefc's columns count code points; the tokens' count UTF-16 units.
function utf16Column(line, codePointColumn) {
	let units = 0;
	let cps = 1;
	for (const ch of line) {
		if (cps === codePointColumn)
			break;
		units += ch.length;
		cps++;
	}
	return units;
}

function diagnostics(briefc, file) {
	let out;
	try {
		out = execFileSync(briefc, ['check', '--diagnostics=json', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (e) {
		if (e.status !== 1)
			throw new Error(`${file}: briefc check exited ${e.status}: ${e.stderr}`);
		out = e.stdout;
	}
	return JSON.parse(out).filter((d) => path.resolve(d.file) === path.resolve(file));
}

async function main() {
	const [briefc, ...files] = process.argv.slice(2);
	const g = await grammar();
	const problems = [];
	let checked = 0;
	for (const file of files) {
		const lines = tokenize(g, fs.readFileSync(file, 'utf8'));
		const diags = diagnostics(briefc, file);
		const errorLines = new Set();
		for (const d of diags.filter((x) => x.severity === 'error'))
			for (let n = d.line; n <= d.end_line; n++)
				errorLines.add(n);
		lines.forEach(({ line, tokens }, i) => {
			const bad = tokens.find((t) => t.scopes.some((s) => s.startsWith('invalid.illegal.')));
			if (bad && !errorLines.has(i + 1))
				problems.push(`${file}:${i + 1}:${bad.startIndex + 1}: the grammar marks ` +
					`"${line.slice(bad.startIndex, bad.endIndex)}" ${bad.scopes[bad.scopes.length - 1]}, ` +
					'briefc reports no error on that line');
		});
		for (const d of diags) {
			const want = CODES[d.code];
			if (!want || !lines[d.line - 1])
				continue;
			checked++;
			// The scope may sit anywhere in the diagnostic's span: a link's
			// (#) is at its end, perhaps on the next line.
			const spanned = [];
			for (let n = d.line; n <= d.end_line && n <= lines.length; n++) {
				const { line, tokens } = lines[n - 1];
				const from = n === d.line ? utf16Column(line, d.column) : 0;
				const to = n === d.end_line ? utf16Column(line, d.end_column) : line.length;
				spanned.push(...tokens.filter((t) => t.startIndex < Math.max(to, from + 1) && t.endIndex > from));
			}
			if (!spanned.some((t) => t.scopes.includes(want)))
				problems.push(`${file}:${d.line}:${d.column}: briefc reports ${d.code}, ` +
					`the grammar has no ${want} there`);
		}
	}
	for (const p of problems.slice(0, 20))
		console.log(p);
	if (problems.length > 20)
		console.log(`... and ${problems.length - 20} more`);
	console.log(`crosscheck: ${files.length} files, ${checked} diagnostics located, ${problems.length} disagreements`);
	process.exit(problems.length === 0 && checked > 0 ? 0 : 1);
}

main().catch((e) => {
	console.log('crosscheck: ' + e.message);
	process.exit(2);
});
