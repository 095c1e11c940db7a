// screenshot.mjs DIR OUTDIR: pictures of the playground page in DIR, as a
// reader first sees it, for review: OUTDIR/playground.png (the page with
// no fragment: an example and its preview) and OUTDIR/playground-draft.png
// (the draft example, its diagnostics, the first error selected).
import fs from 'node:fs';
import path from 'node:path';
import { serve, openBrowser } from './harness.mjs';

const [dir, outDir] = process.argv.slice(2);
if (!dir || !outDir) {
	console.error('usage: node screenshot.mjs DIR OUTDIR');
	process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const server = await serve(dir);
const browser = await openBrowser(server);
const page = browser.page;
const settled = () => page.waitForFunction(() => document.querySelector('#summary').textContent !== '' &&
	!document.body.classList.contains('busy'));

await page.goto(server.url);
await settled();
await page.waitForTimeout(300);	// the preview frame swaps in on load
await page.screenshot({ path: path.join(outDir, 'playground.png') });
console.log(`screenshot: ${path.join(outDir, 'playground.png')}`);

await page.selectOption('#example', 'us-rok-partnership-draft.brief');
await settled();
await page.locator('.diag.error > .diag-main').first().click();
await page.waitForTimeout(200);
await page.screenshot({ path: path.join(outDir, 'playground-draft.png') });
console.log(`screenshot: ${path.join(outDir, 'playground-draft.png')}`);

await browser.close();
await server.close();
