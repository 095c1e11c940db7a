// The client without VS Code: `node --test test/`.  server.js is plain
// Node; extension.js is loaded with stand-ins for the vscode module and for
// vscode-languageclient that record what the extension asks of them.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const Module = require('module');
const path = require('path');
const { resolveServerPath } = require('../server');

test('briefc.path: bare names are left to PATH', () => {
	assert.strictEqual(resolveServerPath('briefc', '/ws', '/home/u'), 'briefc');
	assert.strictEqual(resolveServerPath('', '/ws', '/home/u'), 'briefc');
	assert.strictEqual(resolveServerPath(undefined, '/ws', '/home/u'), 'briefc');
	assert.strictEqual(resolveServerPath('  briefc-dev ', undefined, '/home/u'), 'briefc-dev');
});

test('briefc.path: ~, ${workspaceFolder}, relative and absolute paths', () => {
	assert.strictEqual(resolveServerPath('~/bin/briefc', '/ws', '/home/u'), '/home/u/bin/briefc');
	assert.strictEqual(resolveServerPath('${workspaceFolder}/build/briefc', '/ws', '/home/u'), '/ws/build/briefc');
	assert.strictEqual(resolveServerPath('build/briefc', '/ws', '/home/u'), '/ws/build/briefc');
	assert.strictEqual(resolveServerPath('./briefc', '/ws', '/home/u'), '/ws/briefc');
	assert.strictEqual(resolveServerPath('/usr/local/bin/briefc', '/ws', '/home/u'), '/usr/local/bin/briefc');
	assert.strictEqual(resolveServerPath('build/briefc', undefined, '/home/u'), 'build/briefc');
});

// Stand-ins for the two modules extension.js takes from VS Code.
function harness(settings, { failStart = false } = {}) {
	const log = { clients: [], errors: [], commands: {}, configListeners: [] };
	const vscode = {
		workspace: {
			workspaceFolders: [{ uri: { scheme: 'file', fsPath: '/ws' } }],
			getConfiguration: (section) => ({ get: (key) => settings[`${section}.${key}`] }),
			createFileSystemWatcher: (glob) => ({ glob }),
			onDidChangeConfiguration: (f) => { log.configListeners.push(f); return { dispose() {} }; },
		},
		window: {
			showErrorMessage: async (msg) => { log.errors.push(msg); return undefined; },
		},
		commands: {
			registerCommand: (name, f) => { log.commands[name] = f; return { dispose() {} }; },
			executeCommand: async () => {},
		},
	};
	class LanguageClient {
		constructor(id, name, server, client) {
			Object.assign(this, { id, name, server, client, running: false, stopped: false });
			log.clients.push(this);
		}
		async start() {
			if (failStart)
				throw new Error('spawn briefc ENOENT');
			this.running = true;
		}
		isRunning() { return this.running; }
		async stop() { this.running = false; this.stopped = true; }
	}
	const load = Module._load;
	Module._load = function (request, ...rest) {
		if (request === 'vscode')
			return vscode;
		if (request === 'vscode-languageclient/node')
			return { LanguageClient };
		return load.call(this, request, ...rest);
	};
	const file = path.join(__dirname, '..', 'extension.js');
	delete require.cache[file];
	try {
		return { extension: require(file), log };
	} finally {
		Module._load = load;
	}
}

test('activate starts "briefc lsp" for brief documents', async () => {
	const { extension, log } = harness({ 'briefc.path': 'build/briefc' });
	const context = { subscriptions: [] };
	await extension.activate(context);
	assert.strictEqual(log.clients.length, 1);
	const c = log.clients[0];
	assert.strictEqual(c.id, 'briefc');
	assert.deepStrictEqual(c.server, { command: '/ws/build/briefc', args: ['lsp'] });
	assert.deepStrictEqual(c.client.documentSelector.map((s) => s.language), ['brief', 'brief']);
	assert.strictEqual(c.client.synchronize.fileEvents.glob, '**/*.{brief,json}');
	assert.ok(c.running);
	assert.ok(log.commands['briefc.restartServer']);
	await extension.deactivate();
	assert.ok(c.stopped);
});

test('a new briefc.path restarts the server with it', async () => {
	const settings = { 'briefc.path': 'briefc' };
	const { extension, log } = harness(settings);
	await extension.activate({ subscriptions: [] });
	settings['briefc.path'] = '/opt/briefc/bin/briefc';
	log.configListeners[0]({ affectsConfiguration: (s) => s === 'briefc.path' });
	await new Promise((r) => setImmediate(r));
	assert.strictEqual(log.clients.length, 2);
	assert.ok(log.clients[0].stopped);
	assert.strictEqual(log.clients[1].server.command, '/opt/briefc/bin/briefc');
	log.configListeners[0]({ affectsConfiguration: () => false });
	await new Promise((r) => setImmediate(r));
	assert.strictEqual(log.clients.length, 2);
	await extension.deactivate();
});

test('a server that cannot start is reported, naming the command', async () => {
	const { extension, log } = harness({ 'briefc.path': 'no-such-briefc' }, { failStart: true });
	await extension.activate({ subscriptions: [] });
	assert.strictEqual(log.errors.length, 1);
	assert.match(log.errors[0], /no-such-briefc lsp/);
	assert.match(log.errors[0], /briefc\.path/);
});
