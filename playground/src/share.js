// share.js - the #src= fragment: the brief's UTF-8 text in base64url
// (RFC 4648, section 5), without padding.  Decoding also takes padding and
// the plain base64 alphabet, as links pasted by hand may carry them.

export function encodeSource(text) {
	const bytes = new TextEncoder().encode(text);
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// The text of a fragment's base64url value, or null when it is not
// base64url or not UTF-8.
export function decodeSource(value) {
	const b64 = value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
	if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1)
		return null;
	let bin;
	try {
		bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	} catch {
		return null;
	}
	const bytes = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++)
		bytes[i] = bin.charCodeAt(i);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

// The source named by a location's fragment: '#src=...' (other parameters,
// '&'-separated, are ignored).  undefined: no src; null: a src that cannot
// be read.
export function sourceFromHash(hash) {
	const params = hash.replace(/^#/, '').split('&');
	for (const p of params)
		if (p.startsWith('src='))
			return decodeSource(decodeURIComponent(p.slice(4)));
	return undefined;
}
