// Where the briefc binary is, from the briefc.path setting.  Kept apart from
// extension.js, with no VS Code API in it, so that it can be tested in
// plain Node.
'use strict';
const os = require('os');
const path = require('path');

// The command to run for a briefc.path setting.
//
//   briefc, "" or unset        briefc, found on PATH by the operating system
//   ~/bin/briefc               under the home folder
//   ${workspaceFolder}/b/...   under the first workspace folder
//   build/briefc               relative paths: under the first workspace
//                              folder (a path without one stays relative)
//   /usr/local/bin/briefc      as it is
//
// A bare name is left to PATH rather than resolved here, so that the error
// VS Code shows when it is missing names what the user wrote.
function resolveServerPath(setting, workspaceFolder, home = os.homedir()) {
	let p = typeof setting === 'string' ? setting.trim() : '';
	if (p === '')
		return 'briefc';
	if (workspaceFolder)
		p = p.split('${workspaceFolder}').join(workspaceFolder);
	if (p === '~' || p.startsWith('~/'))
		p = path.join(home, p.slice(1));
	if (!/[\\/]/.test(p) || path.isAbsolute(p) || !workspaceFolder)
		return p;
	return path.join(workspaceFolder, p);
}

module.exports = { resolveServerPath };
