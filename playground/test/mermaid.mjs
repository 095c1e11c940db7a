// mermaid.mjs - the ```mermaid blocks of briefc's Markdown, read by the
// real Mermaid (the npm package pinned in package.json, its browser
// bundle) in headless Chromium, as GitHub and GitLab would draw them.
//
//   node playground/test/mermaid.mjs FILE.md:NODES[:TEXT...] ...
//
// For each FILE.md, every ```mermaid block must pass mermaid.parse and
// mermaid.render; the SVG of the first must hold exactly NODES nodes
// (one per evidence, finding and recommendation: subgraphs are clusters,
// not nodes), no element Mermaid's sanitizer would have to strip (a
// script, an event handler), and each TEXT (separated by the byte 0x1f
// rather than ':') literally in its text.  Prints one line per failure
// and exits 1 if there was any.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve, openBrowser } from './harness.mjs';

const require = createRequire(import.meta.url);
const bundle = require.resolve('mermaid/dist/mermaid.min.js');

const jobs = process.argv.slice(2).map((arg) => {
	const m = /^(.*?):(\d+)(?::(.*))?$/s.exec(arg);
	if (!m)
		throw new Error(`mermaid.mjs: not FILE.md:NODES[:TEXT]: ${arg}`);
	return { file: m[1], nodes: Number(m[2]), texts: m[3] ? m[3].split('\x1f') : [] };
});

// The fenced blocks of one language, as CommonMark closes them: a line
// of at least as many backticks as opened it.
function mermaidBlocks(md) {
	const blocks = [];
	let open = null;
	let lines = [];
	for (const line of md.split('\n')) {
		if (open === null) {
			const m = /^(`{3,})mermaid\s*$/.exec(line);
			if (m) {
				open = m[1].length;
				lines = [];
			}
		} else if (/^`{3,}\s*$/.test(line) && line.trim().length >= open) {
			blocks.push(lines.join('\n'));
			open = null;
		} else {
			lines.push(line);
		}
	}
	return blocks;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefc-mermaid-'));
fs.copyFileSync(bundle, path.join(dir, 'mermaid.min.js'));
fs.writeFileSync(path.join(dir, 'index.html'),
	'<!doctype html><html><head><meta charset="utf-8"><title>mermaid</title>' +
	'<script src="mermaid.min.js"></script></head><body></body></html>\n');

const server = await serve(dir);
const browser = await openBrowser(server);
const { page } = browser;
let failed = 0;
function fail(msg) {
	failed++;
	console.log(`mermaid: ${msg}`);
}
try {
	const errors = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	await page.goto(server.url);
	await page.waitForFunction(() => typeof window.mermaid !== 'undefined');
	await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
	for (const job of jobs) {
		const blocks = mermaidBlocks(fs.readFileSync(job.file, 'utf8'));
		if (blocks.length === 0) {
			fail(`${job.file}: no mermaid block`);
			continue;
		}
		for (let i = 0; i < blocks.length; i++) {
			const r = await page.evaluate(async ({ text, id }) => {
				try {
					await window.mermaid.parse(text);
				} catch (e) {
					return { error: `parse: ${e.message || e}` };
				}
				try {
					const { svg } = await window.mermaid.render(id, text);
					// As a page holds it (labels are HTML in a foreignObject,
					// with <br>, so not XML); innerHTML runs no script.
					const doc = document.createElement('div');
					doc.innerHTML = svg;
					if (!doc.querySelector('svg'))
						return { error: 'render gave no SVG' };
					const unsafe = [...doc.querySelectorAll('*')].filter((el) =>
						el.localName === 'script' || el.localName === 'iframe' ||
						[...el.attributes].some((a) => /^on/i.test(a.name)));
					const ids = [...doc.querySelectorAll('g.node')].map((g) => g.id);
					return {
						nodes: ids.length,
						ids,
						text: [...doc.querySelectorAll("g.node, g.cluster")].map((g) => g.textContent).join(" "),
						unsafe: unsafe.map((el) => el.localName),
					};
				} catch (e) {
					return { error: `render: ${e.message || e}` };
				}
			}, { text: blocks[i], id: `map${i}` });
			const where = `${job.file}: block ${i + 1}`;
			if (r.error) {
				fail(`${where}: ${r.error.split('\n').slice(0, 4).join(' | ')}`);
				continue;
			}
			if (r.unsafe.length)
				fail(`${where}: unsafe elements in the SVG: ${r.unsafe.join(', ')}`);
			if (i === 0 && r.nodes !== job.nodes)
				fail(`${where}: ${r.nodes} nodes, the model has ${job.nodes}`);
			if (i === 0) {
				const text = r.text.replace(/\s+/g, ' ');
				for (const t of job.texts)
					if (!text.includes(t))
						fail(`${where}: the drawing lacks the text ${JSON.stringify(t)}`);
			}
		}
	}
	for (const e of errors)
		fail(`page error: ${e}`);
} finally {
	await browser.close();
	await server.close();
	fs.rmSync(dir, { recursive: true, force: true });
}
if (failed)
	process.exit(1);
