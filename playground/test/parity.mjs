// parity.mjs WASM BRIEFC: briefc.wasm gives the native briefc's standard
// output, standard error and exit status, byte for byte, on every example
// in every format but pdf, on every golden case, on the backend and
// hostile test briefs, and on the pathological cases made smaller.  Each case runs three times: natively, under
// node:wasi, and under the page's own WASI shim (src/wasi.js), so the code
// the browser runs is held to the same bytes.
//
// Run from the repository root, as node --no-turbo-fast-api-calls (see
// tests/suites/playground.sh).  What the WASI build leaves out on purpose
// (pdf, docx, -o FILE) is checked to fail with its usage error instead,
// and a ::: map in HTML (Graphviz draws it) with its error.
import { WASI } from 'node:wasi';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runWasi } from '../src/wasi.js';

const [wasmPath, briefc] = process.argv.slice(2);
if (!wasmPath || !briefc) {
	console.error('usage: node parity.mjs WASM BRIEFC');
	process.exit(2);
}
const module = await WebAssembly.compile(fs.readFileSync(wasmPath));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'briefc-parity-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

// Golden cases the WASI build cannot run, each with its reason.  Cases that
// write a PDF or DOCX, or a file (-o FILE), are recognised by their
// arguments and listed as skipped too.
const SKIP = {};

let pass = 0, fail = 0;
const skipped = [];
const ko = (what) => {
	fail++;
	console.log(`playground parity: ${what}`);
};

function native(cwd, args, stdin) {
	const r = spawnSync(briefc, args, { cwd, input: stdin, maxBuffer: 1 << 30 });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function nodeWasi(cwd, args, stdin) {
	const names = ['in', 'out', 'err'].map((n) => path.join(tmp, n));
	fs.writeFileSync(names[0], stdin || '');
	const fds = [fs.openSync(names[0], 'r'), fs.openSync(names[1], 'w'), fs.openSync(names[2], 'w')];
	const wasi = new WASI({
		version: 'preview1',
		args: ['briefc', ...args],
		env: {},
		preopens: { '.': cwd },
		stdin: fds[0], stdout: fds[1], stderr: fds[2],
		returnOnExit: true,
	});
	const instance = new WebAssembly.Instance(module, wasi.getImportObject());
	const status = wasi.start(instance);
	fds.forEach((fd) => fs.closeSync(fd));
	return { status, stdout: fs.readFileSync(names[1]), stderr: fs.readFileSync(names[2]) };
}

function shim(cwd, args, stdin) {
	const r = runWasi(module, args, (name) => {
		try {
			return fs.readFileSync(path.join(cwd, name));
		} catch {
			return null;
		}
	}, stdin ? new Uint8Array(stdin) : undefined);
	return { status: r.status, stdout: Buffer.from(r.stdout), stderr: Buffer.from(r.stderr) };
}

function firstDifference(a, b) {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i])
		i++;
	const show = (x) => JSON.stringify(x.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
	return `at byte ${i}: native ${show(a)}, wasm ${show(b)}`;
}

// One case: the three runs agree on everything.
function same(label, cwd, args, stdin) {
	const want = native(cwd, args, stdin);
	let ok = true;
	for (const [name, run] of [['node:wasi', nodeWasi], ['shim', shim]]) {
		let got;
		try {
			got = run(cwd, args, stdin);
		} catch (e) {
			ko(`${label} (${name}): ${e}`);
			return;
		}
		if (got.status !== want.status) {
			ko(`${label} (${name}): exit status ${got.status}, native ${want.status}`);
			ok = false;
		}
		for (const s of ['stdout', 'stderr']) {
			if (!want[s].equals(got[s])) {
				ko(`${label} (${name}): ${s} differs ${firstDifference(want[s], got[s])}`);
				ok = false;
			}
		}
		if (!ok)
			return;
	}
	pass++;
}

// One case the WASI build refuses: exit status 2 and the message.
function refused(label, cwd, args, message) {
	for (const [name, run] of [['node:wasi', nodeWasi], ['shim', shim]]) {
		const got = run(cwd, args);
		const err = got.stderr.toString('utf8');
		if (got.status !== 2 || !err.includes(message) || got.stdout.length) {
			ko(`${label} (${name}): expected exit 2 and '${message}', got ${got.status}: ${err}`);
			return;
		}
	}
	pass++;
}

// One case the WASI build cannot draw (a ::: map in a format that needs
// Graphviz: it runs no program): exit status 1, no output, and an error
// at the map saying so.  The one known difference of output (docs/playground.md).
const known = [];
function notDrawn(label, cwd, args) {
	for (const [name, run] of [['node:wasi', nodeWasi], ['shim', shim]]) {
		const got = run(cwd, args);
		const err = got.stderr.toString('utf8');
		if (got.status !== 1 || got.stdout.length ||
		    !/(:\d+:\d+: error: |"line":\d+,"column":\d+,.*"message":")the evidence map cannot be drawn here/.test(err)) {
			ko(`${label} (${name}): expected the map's error, got ${got.status}: ${err}`);
			return;
		}
	}
	known.push(label);
	pass++;
}
const hasMap = (dir, name) => /^::: map *$/m.test(fs.readFileSync(path.join(dir, name), 'utf8'));
const drawsMap = (args) => args.includes('html');

const briefs = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.brief')).sort();
const FORMAT_ARGS = [
	['check'], ['check', '--strict'], ['check', '--diagnostics=json'],
	['check', '--diagnostics=sarif'], ['check', '--diagnostics=github'],
	['build', '-t', 'md'], ['build', '-t', 'html'], ['build', '-t', 'html', '--fragment'],
	['build', '-t', 'latex'], ['build', '-t', 'latex', '--fragment'], ['build', '-t', 'json'],
	['build', '-t', 'dot'],
	['build', '-t', 'html', '--diagnostics=json', '-o', '-'],
];

// The examples, and the briefs the backend and hostile suites use.
for (const dir of ['examples', 'tests/backends', 'tests/pathological']) {
	const names = dir === 'tests/pathological' ? ['hostile.brief'] : briefs(dir);
	for (const name of names)
		for (const args of FORMAT_ARGS)
			(hasMap(dir, name) && drawsMap(args) ? notDrawn : same)(
				`${dir}/${name}: ${args.join(' ')}`, dir, [...args, name]);
}

// Every golden case, with its arguments as tests/golden/run.sh reads them.
const cases = 'tests/golden/cases';
for (const name of briefs(cases)) {
	const base = name.replace(/\.brief$/, '');
	const argsFile = path.join(cases, base + '.args');
	const line = fs.existsSync(argsFile) ? fs.readFileSync(argsFile, 'utf8').trim() : 'check FILE';
	const split = spawnSync('sh', ['-c', 'eval "set -- $1"; printf "%s\\0" "$@"', 'sh',
		line.replace(/FILE/g, name)]);
	const args = split.stdout.toString('utf8').split('\0').slice(0, -1);
	const output = args.indexOf('-o');
	let why = SKIP[base];
	if (!why && /^(pdf|docx)$/.test(args[args.indexOf('-t') + 1] || ''))
		why = `writes ${args[args.indexOf('-t') + 1]}`;
	if (!why && output >= 0 && args[output + 1] !== '-')
		why = 'writes a file (-o)';
	if (why) {
		skipped.push(`${base} (${why})`);
		continue;
	}
	same(`golden ${base}: ${line}`, cases, args);
}

// The pathological cases (tests/pathological/cases), at a twentieth of
// their size: deep nesting, long lines, floods of diagnostics and garbage
// must give the same bytes too, and never overflow the module's stack.
{
	const gen = path.join(tmp, 'gen');
	const cc = spawnSync(process.env.CC || 'cc', ['-std=c17', '-O2', '-o', gen, 'tests/pathological/gen.c']);
	if (cc.status !== 0)
		ko(`cannot compile tests/pathological/gen.c: ${cc.stderr}`);
	const dir = fs.mkdtempSync(path.join(tmp, 'pathological-'));
	for (const line of cc.status === 0 ? fs.readFileSync('tests/pathological/cases', 'utf8').split('\n') : []) {
		if (!line.trim() || line.startsWith('#'))
			continue;
		const [head, , cmd] = line.split(';');
		const [name, reps] = head.trim().split(/\s+/);
		const n = Number(reps) >= 1000 ? Math.floor(Number(reps) / 20) : Number(reps);
		const args = (cmd || 'check').trim().split(/\s+/);
		const o = args.indexOf('-o');
		if (o >= 0)
			args.splice(o, 2);	// to standard output
		fs.writeFileSync(path.join(dir, 'in.brief'), spawnSync(gen, [name, String(n)], { maxBuffer: 1 << 30 }).stdout);
		same(`pathological ${name} ${n}: ${args.join(' ')}`, dir, [...args, 'in.brief']);
	}
}

// Standard input, usage errors, --help and --version.
const minimal = fs.readFileSync('examples/minimal.brief');
same('check - (standard input)', 'examples', ['check', '-'], minimal);
same('build -t html - (standard input)', 'examples', ['build', '-t', 'html', '-'], minimal);
for (const args of [[], ['--help'], ['--version'], ['lint'], ['check'], ['build', 'minimal.brief'],
	['build', '-t', 'rtf', 'minimal.brief'], ['check', 'no-such-file.brief'],
	['check', '-t', 'md', 'minimal.brief']])
	same(`briefc ${args.join(' ')}`, 'examples', args);

// What this build leaves out says so.
refused('build -t pdf', 'examples', ['build', '-t', 'pdf', 'minimal.brief'],
	'pdf output is not available in this build');
refused('build -t docx', 'examples', ['build', '-t', 'docx', 'minimal.brief'],
	'docx output is not available in this build');
refused('build -o FILE.docx', 'examples', ['build', '-o', 'out.docx', 'minimal.brief'],
	'docx output is not available in this build');
refused('build -t pdf -o FILE', 'examples', ['build', '-t', 'pdf', '-o', 'out.pdf', 'minimal.brief'],
	'pdf output is not available in this build');
refused('build -o FILE', 'examples', ['build', '-t', 'html', '-o', 'out.html', 'minimal.brief'],
	'cannot write out.html: files are not written in this build');
// ... and a path outside the one folder it sees is not read.
refused('a path outside the preopened folder', 'examples', ['check', '../README.md'],
	'cannot read ../README.md');

if (known.length)
	console.log(`playground parity: the map is not drawn (known): ${known.join(', ')}`);
if (skipped.length)
	console.log(`playground parity: skipped ${skipped.length}: ${skipped.join(', ')}`);
console.log(`playground parity: ${pass} passed, ${fail} failed`);
process.exitCode = fail || !pass ? 1 : 0;
