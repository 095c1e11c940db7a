// browser.mjs DIR BRIEFC: the playground page in DIR, served over HTTP and
// opened in headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM):
//
//   - with no fragment it opens an example and previews it;
//   - a draft given in #src= has its diagnostics listed, underlined, and a
//     click on one selects its span in the editor;
//   - a clean brief given in #src= is previewed in the sandboxed frame, and
//     each text format shows what the native briefc writes, byte for byte;
//   - typing updates the diagnostics; the share link carries the text;
//   - hostile briefs in #src= run no code in the page or the preview, open
//     no dialog, navigate nowhere, and add nothing to the page but text;
//   - no script error and no Content-Security-Policy violation anywhere.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, openBrowser } from './harness.mjs';
import { encodeSource, decodeSource } from '../src/share.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const [dir, briefc] = process.argv.slice(2);
if (!dir || !briefc) {
	console.error('usage: node browser.mjs DIR BRIEFC');
	process.exit(2);
}

let pass = 0, fail = 0;
function check(what, ok, detail = '') {
	if (ok) {
		pass++;
	} else {
		fail++;
		console.log(`playground browser: ${what}${detail ? ': ' + detail : ''}`);
	}
}

// briefc's own answer for a text, as the page would ask (same file name).
function native(text, args) {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'briefc-page-'));
	fs.writeFileSync(path.join(tmp, 'brief.brief'), text);
	const r = spawnSync(briefc, [...args, 'brief.brief'], { cwd: tmp });
	fs.rmSync(tmp, { recursive: true, force: true });
	return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

const read = (p) => fs.readFileSync(p, 'utf8');
const draft = read('examples/us-rok-partnership-draft.brief');
const clean = read('examples/minimal.brief');
const hostile = read(path.join(here, 'hostile.brief'));
const unsafe = read(path.join(here, 'hostile-unsafe.brief'));
const suiteHostile = read('tests/pathological/hostile.brief')
	.replace(/CANARYFILE/g, 'canary').replace(/PWNEDFILE/g, 'pwned');

const server = await serve(dir);
const browser = await openBrowser(server);
const page = browser.page;
const problems = [];
let dialogs = 0;
page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
// Chromium says it blocked a script in a preview each time the test looks
// into one (the harness's own probes); the previews' DOM is checked for
// scripts instead.
page.on('console', (m) => {
	if (/^Blocked script execution in 'about:srcdoc/.test(m.text()))
		return;
	if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text()))
		problems.push(`console: ${m.text()}`);
});
page.on('dialog', (d) => {
	dialogs++;
	d.dismiss().catch(() => {});
});

const summary = () => page.locator('#summary');
async function open(hash) {
	await page.goto('about:blank');
	await page.goto(server.url + 'index.html' + hash);
	await page.waitForFunction(() => document.querySelector('#summary').textContent !== '' &&
		!document.body.classList.contains('busy'));
}
// The text the editor holds, as the share link writes it.
async function editorText() {
	await page.click('#share');
	const hash = await page.evaluate(() => location.hash);
	return decodeSource(hash.replace(/^#src=/, ''));
}
async function previewDoc() {
	await page.waitForFunction(() => [...document.querySelectorAll('iframe.preview')]
		.some((f) => !f.hidden && f.contentDocument && f.contentDocument.body &&
			f.contentDocument.body.childElementCount > 0));
	const frames = await page.$$('iframe.preview:not([hidden])');
	return frames.length === 1 ? frames[0] : null;
}
async function noPwn(what) {
	const flags = await page.evaluate(() => [window.__pwned, top.__pwned,
		...[...document.querySelectorAll('iframe')].map((f) => {
			try {
				return f.contentWindow.__pwned;
			} catch (e) {
				return `${f.id}: ${e.message}`;
			}
		})]);
	check(`${what}: a payload set __pwned`, flags.every((f) => f === undefined), JSON.stringify(flags));
	check(`${what}: a dialog opened`, dialogs === 0, String(dialogs));
	check(`${what}: the page navigated`, page.url().startsWith(server.url + 'index.html'), page.url());
	// Only the page's own elements: one script, two frames, no images.
	const counts = await page.evaluate(() => ({
		scripts: document.querySelectorAll('script').length,
		iframes: document.querySelectorAll('iframe').length,
		other: document.querySelectorAll('img, object, embed, form, base, meta[http-equiv="refresh"]').length,
	}));
	check(`${what}: the page gained elements`, counts.scripts === 1 && counts.iframes === 2 && counts.other === 0,
		JSON.stringify(counts));
}

// ---- no fragment: an example ----
await open('');
check('no fragment: the example is named', (await page.textContent('#filename')) === 'public-health.brief');
check('no fragment: the editor holds the example',
	(await editorText()) === read('examples/public-health.brief'));
{
	const frame = await previewDoc();
	const title = frame && await (await frame.contentFrame()).textContent('.brief-title');
	check('no fragment: the example is previewed', title === 'Smoke-Free Public Places', title);
	// The preview keeps its place while the author types.
	const scrollY = () => page.evaluate(() =>
		document.querySelector('iframe.preview:not([hidden])').contentWindow.scrollY);
	await page.evaluate(() => document.querySelector('iframe.preview:not([hidden])').contentWindow.scrollTo(0, 1500));
	const srcdoc = await page.getAttribute('iframe.preview:not([hidden])', 'srcdoc');
	await page.click('.cm-content');
	await page.keyboard.press('Control+End');
	await page.keyboard.type('More.\n');
	await page.waitForFunction((old) => {
		const f = document.querySelector('iframe.preview:not([hidden])');
		return f && f.getAttribute('srcdoc') !== old && !document.body.classList.contains('busy');
	}, srcdoc);
	await page.waitForTimeout(100);
	check('preview: it keeps its scroll position across a rebuild', await scrollY() === 1500, String(await scrollY()));
	// Its table of contents scrolls it, and only it.
	const inner = await (await page.$('iframe.preview:not([hidden])')).contentFrame();
	await page.evaluate(() => document.querySelector('iframe.preview:not([hidden])').contentWindow.scrollTo(0, 0));
	const pageUrl = page.url();
	await inner.click('.brief-toc a >> nth=3');
	await page.waitForTimeout(200);
	check('preview: a contents link scrolls the preview', await scrollY() > 500 && inner.url().startsWith('about:srcdoc#'),
		`${await scrollY()} ${inner.url()}`);
	check('preview: a contents link leaves the page where it was', page.url() === pageUrl, page.url());
}

// ---- a draft: its diagnostics ----
await open('#src=' + encodeSource(draft));
{
	const want = JSON.parse(native(draft, ['check', '--diagnostics=json', '--max-errors', '0']).stdout);
	const items = await page.$$eval('#diagnostics > li.diag', (lis) => lis.map((li) => ({
		severity: li.querySelector('.diag-sev').textContent,
		loc: li.querySelector('.diag-loc').textContent,
		message: li.querySelector('.diag-msg').textContent,
		code: li.querySelector('.diag-code').textContent,
	})));
	check('draft: the diagnostics listed are briefc\'s', JSON.stringify(items) === JSON.stringify(want.map((d) => ({
		severity: d.severity, loc: `${d.line}:${d.column}`, message: d.message, code: d.code,
	}))), `${items.length} listed, ${want.length} expected`);
	check('draft: the summary counts them', (await summary().textContent()) === '7 errors, 5 warnings',
		await summary().textContent());
	// A click selects the span the diagnostic names.
	const i = want.findIndex((d) => d.code === 'empty-link');
	await page.locator('#diagnostics > li.diag > .diag-main').nth(i).click();
	const sel = await page.evaluate(() => ({
		text: window.getSelection().toString(),
		line: document.querySelector('.cm-activeLineGutter') && document.querySelector('.cm-activeLineGutter').textContent,
	}));
	check('draft: a click selects the span', sel.text === '[1953 Mutual Defense Treaty](#)', sel.text);
	check('draft: a click goes to the line', sel.line === String(want[i].line), sel.line);
	const under = await page.locator('.cm-lintRange-error').allTextContents();
	check('draft: the error is underlined', under.includes('[1953 Mutual Defense Treaty](#)'), under.join('|'));
	const note = await page.locator('.diag-note').first();
	await note.click();
	const noteSel = await page.evaluate(() => window.getSelection().toString());
	check('draft: a note\'s click selects its span', noteSel === 'Democratic People\'s Republic of Korea', noteSel);
	check('draft: no output, and it says why', await page.isVisible('#empty'));
}

// ---- columns are code points: a span after astral characters ----
{
	const text = '---\ntitle: Zürich 🌍\nauthors: A\ndate: 2024-01-01\n---\n\n🌍🌍 é _____ here.\n';
	await open('#src=' + encodeSource(text));
	const marked = await page.locator('.cm-lintRange-warning').allTextContents();
	check('code points: the underline covers the span', marked.join('|') === '_____', marked.join('|'));
}

// ---- a clean brief: preview and text formats ----
await open('#src=' + encodeSource(clean));
{
	check('clean: no problems', (await summary().textContent()) === 'No problems');
	const frame = await previewDoc();
	const sandbox = frame && await frame.getAttribute('sandbox');
	check('clean: the preview is sandboxed without scripts', sandbox !== null && !/allow-scripts/.test(sandbox),
		String(sandbox));
	const srcdoc = frame && await frame.getAttribute('srcdoc');
	check('clean: the preview is briefc\'s HTML', srcdoc === native(clean, ['build', '-t', 'html']).stdout);
	const body = frame && await (await frame.contentFrame()).textContent('.brief-title');
	check('clean: the preview is rendered', body === 'Safe Water in Public Drinking Fountains', body);
	for (const [tab, fmt] of [['Markdown', 'md'], ['LaTeX', 'latex'], ['JSON', 'json'], ['DOT', 'dot']]) {
		await page.click(`.tabs button[data-format="${fmt}"]`);
		const want = native(clean, ['build', '-t', fmt]).stdout;
		await page.waitForFunction((w) => document.querySelector('#text').textContent === w, want, { timeout: 5000 })
			.catch(() => {});
		check(`clean: the ${tab} tab is briefc's ${fmt}`, (await page.textContent('#text')) === want);
	}
	await page.click('.tabs button[data-format="html"]');
}

// ---- typing updates the diagnostics ----
{
	await page.click('.cm-content');
	await page.keyboard.press('Control+End');
	await page.keyboard.type('\nSee [@no-such-id].\n');
	const ok = await page.waitForFunction(() => /no-such-id/.test(document.querySelector('#diagnostics').textContent),
		null, { timeout: 5000 }).then(() => true, () => false);
	check('typing: a new error is listed', ok);
	check('typing: the summary follows', /1 error/.test(await summary().textContent()), await summary().textContent());
	const shared = await editorText();
	check('share: the link carries the edited text', shared === clean + '\nSee [@no-such-id].\n');
	await open('#src=' + encodeSource(shared));
	check('share: the link opens that text', (await editorText()) === shared);
}

// ---- a #src= that is not base64url ----
await open('#src=%22%3E%3Cscript%3Etop.__pwned%3D1%3C%2Fscript%3E');
check('bad link: an example is shown', (await page.textContent('#filename')) === 'public-health.brief');
check('bad link: it says so', /not base64url/.test(await page.textContent('#notice')) && await page.isVisible('#notice'));
await noPwn('bad link');

// ---- hostile briefs ----
for (const [name, text] of [['hostile.brief', hostile], ['tests/pathological/hostile.brief', suiteHostile]]) {
	await open('#src=' + encodeSource(text));
	check(`${name}: builds without errors`, !/error/.test(await summary().textContent()),
		await summary().textContent());
	const frame = await previewDoc();
	const inner = frame && await frame.contentFrame();
	const live = inner && await inner.evaluate(() => document.querySelectorAll(
		'script, iframe, img, svg, object, embed, form, base:not([href="about:srcdoc"]), meta[http-equiv], ' +
		'[onerror], [onload], [onclick], [onmouseover], a[href^="javascript" i]').length);
	check(`${name}: the preview holds no live element of the author's`, live === 0, String(live));
	const stay = inner && await inner.evaluate(() => document.querySelectorAll(
		'a[href]:not([href^="about:srcdoc#"]):not([target="_blank"][rel~="noopener"])').length);
	check(`${name}: the preview's links out open a new tab`, stay === 0, String(stay));
	// Click every link of the preview: none may run code or move the page.
	const links = inner ? await inner.$$('a[href]') : [];
	for (const a of links)
		await a.click({ force: true, timeout: 2000 }).catch(() => {});
	await page.waitForTimeout(200);
	await noPwn(`${name} (${links.length} links clicked)`);
	for (const fmt of ['md', 'latex', 'json', 'dot']) {
		await page.click(`.tabs button[data-format="${fmt}"]`);
		await page.waitForFunction(() => !document.body.classList.contains('busy') &&
			!document.querySelector('#text').hidden);
		const kids = await page.evaluate(() => document.querySelector('#text').children.length);
		check(`${name}: the ${fmt} text is only text`, kids === 0, String(kids));
	}
	await page.click('.tabs button[data-format="html"]');
	await noPwn(`${name} (every format)`);
}
await open('#src=' + encodeSource(unsafe));
{
	const want = JSON.parse(native(unsafe, ['check', '--diagnostics=json', '--max-errors', '0']).stdout);
	const n = await page.locator('#diagnostics > li.diag').count();
	check('hostile-unsafe.brief: its errors are listed', n === want.length && n > 0, `${n} of ${want.length}`);
	for (let i = 0; i < n; i++)
		await page.locator('#diagnostics > li.diag > .diag-main').nth(i).click();
	await noPwn('hostile-unsafe.brief');
}

check('no script error or CSP violation', problems.length === 0, problems.join('; '));
await browser.close();
await server.close();
console.log(`playground browser: ${pass} passed, ${fail} failed`);
process.exitCode = fail || !pass ? 1 : 0;
