// harness.mjs - what the page's tests and its screenshot share: a static
// file server on 127.0.0.1 (what any static host does, .wasm as
// application/wasm; a request outside the folder, or for a missing file,
// is a 404), and headless Chromium with a fresh profile.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
};

// Resolves to {url, close()} once listening on a free port.
export function serve(dir) {
	const root = path.resolve(dir);
	const server = http.createServer((req, res) => {
		const url = new URL(req.url, 'http://localhost');
		let file = path.join(root, decodeURIComponent(url.pathname));
		if (file.endsWith(path.sep))
			file = path.join(file, 'index.html');
		if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
			res.writeHead(404, { 'content-type': 'text/plain' });
			res.end('not found\n');
			return;
		}
		res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
		fs.createReadStream(file).pipe(res);
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			resolve({
				url: `http://127.0.0.1:${server.address().port}/`,
				close: () => new Promise((r) => server.close(r)),
			});
		});
	});
}

// Debian's Chromium ($CHROMIUM to use another), headless, with the flags
// it needs here: no sandbox (tests run as root), a fresh profile, no
// network; every request outside the page's server fails.  Resolves to
// {context, page, close()}; popups other than the page are closed unread.
export async function openBrowser(server) {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'briefc-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
		viewport: { width: 1440, height: 900 },
	});
	await context.route((url) => !url.href.startsWith(server.url), (route) => route.abort());
	const page = context.pages()[0] || await context.newPage();
	context.on('page', (p) => {
		if (p !== page)
			p.close().catch(() => {});
	});
	return {
		context,
		page,
		close: async () => {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}
