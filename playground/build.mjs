// build.mjs OUTDIR: bundle the playground page into OUTDIR.
//
// Writes index.html, style.css, favicon.svg, app.js (the page: CodeMirror
// and the examples/*.brief of the repository, embedded), worker.js (the
// compiler thread) and THIRD-PARTY.txt (the licences of the npm packages
// the bundles hold).  briefc.wasm is the Makefile's.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const out = process.argv[2];
if (!out) {
	console.error('usage: node build.mjs OUTDIR');
	process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

// The examples, in name order, each with its front matter's title.
function examples() {
	const dir = path.join(repo, 'examples');
	return fs.readdirSync(dir).filter((f) => f.endsWith('.brief')).sort().map((name) => {
		const text = fs.readFileSync(path.join(dir, name), 'utf8');
		const m = /^title:[ \t]*(.*)$/m.exec(text);
		return { name, title: m ? m[1].trim() : name, text };
	});
}

const virtualExamples = {
	name: 'examples',
	setup(build) {
		build.onResolve({ filter: /^virtual:examples$/ }, () => ({ path: 'examples', namespace: 'examples' }));
		build.onLoad({ filter: /.*/, namespace: 'examples' }, () => ({
			contents: `export default ${JSON.stringify(examples())};`,
			loader: 'js',
		}));
	},
};

const result = await esbuild.build({
	entryPoints: { app: path.join(here, 'src/main.js'), worker: path.join(here, 'src/worker.js') },
	bundle: true,
	minify: true,
	format: 'iife',
	target: ['chrome105', 'firefox110', 'safari16'],
	outdir: out,
	metafile: true,
	legalComments: 'none',
	logLevel: 'warning',
	plugins: [virtualExamples],
});

for (const f of ['index.html', 'style.css', 'favicon.svg'])
	fs.copyFileSync(path.join(here, 'src', f), path.join(out, f));

// The licence of every npm package in the bundles.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
	if (m && !packages.has(m[1])) {
		const dir = path.join(here, 'node_modules', m[1]);
		const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
		const licence = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
		packages.set(m[1], {
			version: pkg.version,
			license: pkg.license,
			text: licence ? fs.readFileSync(path.join(dir, licence), 'utf8').trim() : '',
		});
	}
}
let notice = 'The playground bundles these npm packages:\n';
for (const [name, p] of [...packages].sort())
	notice += `\n==== ${name} ${p.version} (${p.license})\n\n${p.text}\n`;
fs.writeFileSync(path.join(out, 'THIRD-PARTY.txt'), notice);
