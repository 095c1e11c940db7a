// worker.js - the playground's compiler thread: runs briefc.wasm on the
// editor's text, off the page's thread, so typing never waits for it.
//
// Message in:  {id, name, text, format}
// Message out: {id, status, output, stderr, ms}, or {id, error} when the
// module could not be loaded or trapped.

import { runWasi } from './wasi.js';

// compileStreaming needs the server to say application/wasm; a host that
// does not still gets a working page, compiled from the bytes.
async function load() {
	const url = new URL('briefc.wasm', self.location.href);
	if (WebAssembly.compileStreaming) {
		try {
			return await WebAssembly.compileStreaming(fetch(url));
		} catch {
			/* fall through */
		}
	}
	const res = await fetch(url);
	if (!res.ok)
		throw new Error(`cannot load briefc.wasm: HTTP ${res.status}`);
	return WebAssembly.compile(await res.arrayBuffer());
}

const module = load();
const utf8 = new TextDecoder();

self.onmessage = async (e) => {
	const { id, name, text, format } = e.data;
	try {
		const m = await module;
		const input = new TextEncoder().encode(text);
		const t0 = performance.now();
		const r = runWasi(m, ['build', '-t', format, '--diagnostics=json', '--max-errors', '0', name],
			(path) => (path === name ? input : null));
		self.postMessage({
			id,
			status: r.status,
			output: utf8.decode(r.stdout),
			stderr: utf8.decode(r.stderr),
			ms: performance.now() - t0,
		});
	} catch (err) {
		self.postMessage({ id, error: String(err && err.message ? err.message : err) });
	}
};
