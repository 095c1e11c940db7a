// wasi.js - runs briefc.wasm, a WASI (preview 1) command module, on files
// held in memory: the page's worker runs it this way, and the tests run it
// this way under node beside node:wasi.
//
// Only what briefc imports is here: arguments, standard streams, reading
// files from one preopened folder, a clock.  There are no writable files
// (this build of briefc writes to standard output only), so everything that
// would create, rename or remove one fails with ENOSYS or EROFS rather than
// pretend to succeed.

const ERRNO = {
	SUCCESS: 0, BADF: 8, INVAL: 28, IO: 29, ISDIR: 31, NOENT: 44, NOSYS: 52,
	NOTDIR: 54, ROFS: 68, SPIPE: 69, NOTCAPABLE: 76,
};
const FILETYPE = { UNKNOWN: 0, DIRECTORY: 3, REGULAR_FILE: 4 };
const OFLAGS_CREAT = 1, OFLAGS_DIRECTORY = 2, OFLAGS_EXCL = 4, OFLAGS_TRUNC = 8;
const PREOPEN_FD = 3;

class Exit {
	constructor(code) {
		this.code = code;
	}
}

// The path the module asks for, relative to the preopened folder, as one
// name ('a/b.brief'), or null when it would leave the folder.
function cleanPath(path) {
	const parts = [];
	for (const p of path.split('/')) {
		if (p === '' || p === '.')
			continue;
		if (p === '..')
			return null;
		parts.push(p);
	}
	return parts.join('/');
}

// Run a compiled briefc.wasm once.
//   module   a WebAssembly.Module
//   args     the arguments after argv[0], e.g. ['check', 'brief.brief']
//   readFile name -> Uint8Array, or null when there is no such file; names
//            are relative to the one folder the module sees
//   stdin    Uint8Array (default: empty)
// Returns {status, stdout, stderr} (the streams as Uint8Array).  A trap
// (a crash inside briefc) is thrown as the WebAssembly.RuntimeError it is.
export function runWasi(module, args, readFile, stdin = new Uint8Array(0)) {
	const argv = ['briefc', ...args].map((a) => new TextEncoder().encode(a + '\0'));
	const out = { 1: [], 2: [] };
	// fd -> {data, pos} for files; 0 is stdin, 3 the preopened folder
	const fds = new Map([[0, { data: stdin, pos: 0 }], [1, null], [2, null], [PREOPEN_FD, 'dir']]);
	let nextFd = PREOPEN_FD + 1;
	let memory = null;
	const view = () => new DataView(memory.buffer);
	const bytes = () => new Uint8Array(memory.buffer);
	const file = (fd) => {
		const f = fds.get(fd);
		return f && typeof f === 'object' ? f : null;
	};

	const wasi = {
		args_sizes_get(argcPtr, sizePtr) {
			view().setUint32(argcPtr, argv.length, true);
			view().setUint32(sizePtr, argv.reduce((n, a) => n + a.length, 0), true);
			return ERRNO.SUCCESS;
		},
		args_get(argvPtr, bufPtr) {
			let p = bufPtr;
			argv.forEach((a, i) => {
				view().setUint32(argvPtr + 4 * i, p, true);
				bytes().set(a, p);
				p += a.length;
			});
			return ERRNO.SUCCESS;
		},
		environ_sizes_get(countPtr, sizePtr) {
			view().setUint32(countPtr, 0, true);
			view().setUint32(sizePtr, 0, true);
			return ERRNO.SUCCESS;
		},
		environ_get() {
			return ERRNO.SUCCESS;
		},
		clock_time_get(id, precision, timePtr) {
			view().setBigUint64(timePtr, BigInt(Date.now()) * 1000000n, true);
			return ERRNO.SUCCESS;
		},
		fd_write(fd, iovs, iovsLen, nwrittenPtr) {
			if (fd !== 1 && fd !== 2)
				return ERRNO.BADF;
			let n = 0;
			for (let i = 0; i < iovsLen; i++) {
				const ptr = view().getUint32(iovs + 8 * i, true);
				const len = view().getUint32(iovs + 8 * i + 4, true);
				out[fd].push(bytes().slice(ptr, ptr + len));
				n += len;
			}
			view().setUint32(nwrittenPtr, n, true);
			return ERRNO.SUCCESS;
		},
		fd_read(fd, iovs, iovsLen, nreadPtr) {
			const f = file(fd);
			if (!f)
				return fds.get(fd) === 'dir' ? ERRNO.ISDIR : ERRNO.BADF;
			let n = 0;
			for (let i = 0; i < iovsLen; i++) {
				const ptr = view().getUint32(iovs + 8 * i, true);
				const len = view().getUint32(iovs + 8 * i + 4, true);
				const chunk = f.data.subarray(f.pos, f.pos + len);
				bytes().set(chunk, ptr);
				f.pos += chunk.length;
				n += chunk.length;
				if (chunk.length < len)
					break;
			}
			view().setUint32(nreadPtr, n, true);
			return ERRNO.SUCCESS;
		},
		fd_seek(fd, offset, whence, newOffsetPtr) {
			const f = file(fd);
			if (!f || fd === 0)
				return fds.has(fd) ? ERRNO.SPIPE : ERRNO.BADF;
			const base = [0, f.pos, f.data.length][whence];
			if (base === undefined)
				return ERRNO.INVAL;
			const pos = BigInt(base) + offset;
			if (pos < 0n)
				return ERRNO.INVAL;
			f.pos = Number(pos);
			view().setBigUint64(newOffsetPtr, pos, true);
			return ERRNO.SUCCESS;
		},
		fd_close(fd) {
			if (!fds.has(fd))
				return ERRNO.BADF;
			fds.delete(fd);
			return ERRNO.SUCCESS;
		},
		fd_fdstat_get(fd, ptr) {
			if (!fds.has(fd))
				return ERRNO.BADF;
			// The streams are not terminals (no colour): UNKNOWN, as a
			// pipe would be.  All rights: the module asks for no more
			// than it needs.
			const type = fd === PREOPEN_FD ? FILETYPE.DIRECTORY
				: fd > PREOPEN_FD ? FILETYPE.REGULAR_FILE : FILETYPE.UNKNOWN;
			const v = view();
			v.setUint8(ptr, type);
			v.setUint16(ptr + 2, 0, true);
			v.setBigUint64(ptr + 8, 0xffffffffffffffffn >> 2n, true);
			v.setBigUint64(ptr + 16, 0xffffffffffffffffn >> 2n, true);
			return ERRNO.SUCCESS;
		},
		fd_fdstat_set_flags(fd) {
			return fds.has(fd) ? ERRNO.NOSYS : ERRNO.BADF;
		},
		fd_filestat_get(fd, ptr) {
			if (!fds.has(fd))
				return ERRNO.BADF;
			const f = file(fd);
			const v = view();
			for (let i = 0; i < 64; i += 8)
				v.setBigUint64(ptr + i, 0n, true);
			v.setUint8(ptr + 16, fd === PREOPEN_FD ? FILETYPE.DIRECTORY
				: fd > PREOPEN_FD ? FILETYPE.REGULAR_FILE : FILETYPE.UNKNOWN);
			v.setBigUint64(ptr + 24, 1n, true);
			if (f && fd > PREOPEN_FD)
				v.setBigUint64(ptr + 32, BigInt(f.data.length), true);
			return ERRNO.SUCCESS;
		},
		fd_prestat_get(fd, ptr) {
			if (fd !== PREOPEN_FD || !fds.has(fd))
				return ERRNO.BADF;
			view().setUint8(ptr, 0);	// a directory
			view().setUint32(ptr + 4, 1, true);	// its name, "."
			return ERRNO.SUCCESS;
		},
		fd_prestat_dir_name(fd, pathPtr, len) {
			if (fd !== PREOPEN_FD)
				return ERRNO.BADF;
			if (len < 1)
				return ERRNO.INVAL;
			bytes()[pathPtr] = 0x2e;	// "."
			return ERRNO.SUCCESS;
		},
		path_open(dirFd, dirFlags, pathPtr, pathLen, oflags, rightsBase, rightsInh, fdFlags, fdPtr) {
			if (fds.get(dirFd) !== 'dir')
				return ERRNO.BADF;
			const name = cleanPath(new TextDecoder().decode(bytes().slice(pathPtr, pathPtr + pathLen)));
			if (name === null)
				return ERRNO.NOTCAPABLE;
			if (oflags & (OFLAGS_CREAT | OFLAGS_EXCL | OFLAGS_TRUNC))
				return ERRNO.ROFS;
			if (name === '')
				return oflags & OFLAGS_DIRECTORY ? ERRNO.NOSYS : ERRNO.ISDIR;
			const data = readFile(name);
			if (!data)
				return ERRNO.NOENT;
			if (oflags & OFLAGS_DIRECTORY)
				return ERRNO.NOTDIR;
			const fd = nextFd++;
			fds.set(fd, { data, pos: 0 });
			view().setUint32(fdPtr, fd, true);
			return ERRNO.SUCCESS;
		},
		path_rename() {
			return ERRNO.ROFS;
		},
		path_unlink_file() {
			return ERRNO.ROFS;
		},
		proc_exit(code) {
			throw new Exit(code);
		},
	};
	// Anything else a later briefc imports fails with ENOSYS.
	const imports = new Proxy(wasi, {
		get: (t, name) => t[name] || (() => ERRNO.NOSYS),
	});

	const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: imports });
	memory = instance.exports.memory;
	let status = 0;
	try {
		instance.exports._start();
	} catch (e) {
		if (!(e instanceof Exit))
			throw e;
		status = e.code;
	}
	const join = (chunks) => {
		const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
		let p = 0;
		for (const c of chunks) {
			all.set(c, p);
			p += c.length;
		}
		return all;
	};
	return { status, stdout: join(out[1]), stderr: join(out[2]) };
}
