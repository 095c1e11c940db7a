// The VS Code client of the Brief language: it starts `briefc lsp` (the
// language server, JSON-RPC over standard input and output) and hands it the
// .brief documents; highlighting comes from syntaxes/brief.tmLanguage.json
// and needs no server.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { resolveServerPath } = require('./server');

let client;

function firstWorkspaceFolder() {
	const folders = vscode.workspace.workspaceFolders;
	return folders && folders.length > 0 && folders[0].uri.scheme === 'file' ?
		folders[0].uri.fsPath : undefined;
}

function serverOptions() {
	const setting = vscode.workspace.getConfiguration('briefc').get('path');
	// No transport: vscode-languageclient would add --stdio to the
	// arguments, and the server speaks over stdio anyway.
	return {
		command: resolveServerPath(setting, firstWorkspaceFolder()),
		args: ['lsp'],
	};
}

function clientOptions() {
	return {
		documentSelector: [
			{ scheme: 'file', language: 'brief' },
			{ scheme: 'untitled', language: 'brief' },
		],
		// Includes and libraries live in other files (.brief and CSL-JSON):
		// the server hears when they change on disk.
		synchronize: {
			fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{brief,json}'),
		},
	};
}

async function start() {
	const server = serverOptions();
	client = new LanguageClient('briefc', 'briefc language server', server, clientOptions());
	try {
		await client.start();
	} catch (err) {
		const open = 'Open Settings';
		const answer = await vscode.window.showErrorMessage(
			`Cannot start the briefc language server (${server.command} lsp): ` +
			`${err && err.message ? err.message : err}. Set briefc.path to a briefc ` +
			'that has the lsp command; highlighting works without it.', open);
		if (answer === open)
			vscode.commands.executeCommand('workbench.action.openSettings', 'briefc.path');
	}
}

async function stop() {
	const old = client;
	client = undefined;
	if (old && old.isRunning())
		await old.stop();
}

async function restart() {
	await stop();
	await start();
}

function activate(context) {
	context.subscriptions.push(
		vscode.commands.registerCommand('briefc.restartServer', restart),
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration('briefc.path'))
				restart();
		}),
		{ dispose: () => { stop(); } },
	);
	return start();
}

function deactivate() {
	return stop();
}

module.exports = { activate, deactivate };
