// main.js - the playground page: the editor, the diagnostics, the output.
//
// The editor's text goes to briefc.wasm in a worker (worker.js) a moment
// after the author stops typing; what comes back is shown, never run: the
// diagnostics and the text outputs as text nodes, the HTML in a sandboxed
// frame that may run no script.  Nothing here builds markup from the
// brief or from briefc's output.

import { EditorState } from '@codemirror/state';
import {
	EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
	drawSelection, highlightSpecialChars,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting } from '@codemirror/language';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import examples from 'virtual:examples';
import { briefLanguage, briefHighlight } from './brief-mode.js';
import { encodeSource, sourceFromHash } from './share.js';

const DEFAULT_EXAMPLE = 'public-health.brief';
const SHARED_NAME = 'brief.brief';
const DEBOUNCE_MS = 200;
const TIMEOUT_MS = 20000;
const MAX_LISTED = 500;

const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => {
	const e = document.createElement(tag);
	if (cls)
		e.className = cls;
	if (text !== undefined)
		e.textContent = text;
	return e;
};

// ---- where a diagnostic points ----------------------------------------

// The editor offset of briefc's LINE:COLUMN (1-based; columns count code
// points; a column past the line's end is its end).
function offsetOf(doc, line, column) {
	if (line > doc.lines)
		return doc.length;
	const l = doc.line(Math.max(1, line));
	let off = 0;
	// briefc drops a leading byte-order mark before counting
	if (l.number === 1 && l.text.charCodeAt(0) === 0xfeff)
		off = 1;
	for (let c = 1; c < column && off < l.text.length; c++)
		off += l.text.codePointAt(off) > 0xffff ? 2 : 1;
	return l.from + Math.min(off, l.length);
}

function rangeOf(doc, d) {
	const from = offsetOf(doc, d.line, d.column);
	const to = d.end_line ? offsetOf(doc, d.end_line, d.end_column) : from;
	return { from, to: Math.max(from, to) };
}

// briefc writes --diagnostics=json to stderr when the output takes stdout:
// the array first, then any line of its own ("N more diagnostics not
// kept", "cannot build the output").  JSON strings escape newlines, so the
// array ends at the first line that is "]".
function splitStderr(stderr) {
	let end = -1;
	if (stderr.startsWith('[]\n'))
		end = 3;
	else if (stderr.startsWith('[\n')) {
		const i = stderr.indexOf('\n]\n');
		end = i < 0 ? -1 : i + 3;
	}
	if (end < 0)
		return { diagnostics: [], rest: stderr };
	try {
		return { diagnostics: JSON.parse(stderr.slice(0, end)), rest: stderr.slice(end) };
	} catch {
		return { diagnostics: [], rest: stderr };
	}
}

// ---- the editor -------------------------------------------------------

let version = 0;		// counts the editor's changes

const view = new EditorView({
	parent: $('editor'),
	state: EditorState.create({
		doc: '',
		extensions: [
			lineNumbers(),
			highlightActiveLineGutter(),
			highlightSpecialChars(),
			history(),
			drawSelection(),
			highlightActiveLine(),
			highlightSelectionMatches(),
			lintGutter(),
			EditorView.lineWrapping,
			briefLanguage,
			syntaxHighlighting(briefHighlight),
			keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
			EditorView.updateListener.of((u) => {
				if (u.docChanged) {
					version++;
					schedule();
				}
			}),
			EditorView.contentAttributes.of({ 'aria-label': 'Brief source', spellcheck: 'false' }),
		],
	}),
});

function jumpTo(d) {
	const { from, to } = rangeOf(view.state.doc, d);
	view.dispatch({
		selection: { anchor: from, head: to },
		effects: EditorView.scrollIntoView(from, { y: 'center' }),
	});
	view.focus();
}

// ---- compiling --------------------------------------------------------

let worker = null;
let nextId = 1;
let inFlight = null;		// {id, format, version, timer}
let dirty = false;		// a compile was asked for while inFlight ran
let debounce = 0;
let format = 'html';
let sourceName = SHARED_NAME;
const lastGood = new Map();	// format -> output of the last build without errors

function startWorker() {
	worker = new Worker('worker.js');
	worker.onmessage = (e) => finished(e.data);
	worker.onerror = (e) => {
		e.preventDefault();
		finished({ id: inFlight && inFlight.id, error: e.message || 'the compiler thread failed' });
	};
}

function schedule() {
	clearTimeout(debounce);
	debounce = setTimeout(compile, DEBOUNCE_MS);
	setBusy(true);
}

function compile() {
	clearTimeout(debounce);
	if (inFlight) {
		dirty = true;
		return;
	}
	dirty = false;
	const id = nextId++;
	const timer = setTimeout(() => {
		// Linear time makes this unlikely; a stuck thread is replaced.
		worker.terminate();
		startWorker();
		finished({ id, error: `briefc took longer than ${TIMEOUT_MS / 1000} s and was stopped` });
	}, TIMEOUT_MS);
	inFlight = { id, format, version, timer };
	setBusy(true);
	worker.postMessage({ id, name: sourceName, text: view.state.doc.toString(), format });
}

function finished(r) {
	if (!inFlight || r.id !== inFlight.id)
		return;
	const sent = inFlight;
	clearTimeout(sent.timer);
	inFlight = null;
	if (dirty) {
		compile();
		return;
	}
	// Diagnostics of an older text would point at the wrong places: the
	// build the change scheduled will answer.
	if (sent.version !== version)
		return;
	setBusy(false);
	if (r.error) {
		showDiagnostics([]);
		showProblem(`briefc failed: ${r.error}`);
		return;
	}
	const { diagnostics, rest } = splitStderr(r.stderr);
	showDiagnostics(diagnostics);
	$('timing').textContent = `built in ${r.ms < 1 ? '<1' : Math.round(r.ms)} ms`;
	if (r.status === 0) {
		lastGood.set(sent.format, r.output);
		showOutput(sent.format, r.output, null);
	} else if (r.status === 1) {
		showOutput(sent.format, lastGood.get(sent.format),
			'The brief has errors, so briefc writes no output: this is the last output that built.');
	} else {
		showProblem(rest.trim() || `briefc exited with status ${r.status}`);
	}
}

function setBusy(busy) {
	document.body.classList.toggle('busy', busy);
}

// ---- diagnostics ------------------------------------------------------

const SEVERITY = { error: 'error', warning: 'warning', note: 'info' };

function showDiagnostics(list) {
	const doc = view.state.doc;
	const marks = [];
	for (const d of list) {
		const { from, to } = rangeOf(doc, d);
		marks.push({
			from, to,
			severity: SEVERITY[d.severity] || 'info',
			source: d.code,
			message: d.message,
		});
	}
	view.dispatch(setDiagnostics(view.state, marks));

	const ol = $('diagnostics');
	ol.replaceChildren();
	const count = { error: 0, warning: 0, note: 0 };
	for (const d of list)
		count[d.severity] = (count[d.severity] || 0) + 1;
	for (const d of list.slice(0, MAX_LISTED))
		ol.append(diagnosticItem(d));
	if (list.length > MAX_LISTED)
		ol.append(el('li', 'diag-more', `… and ${list.length - MAX_LISTED} more`));
	const parts = [];
	if (count.error)
		parts.push(`${count.error} error${count.error === 1 ? '' : 's'}`);
	if (count.warning)
		parts.push(`${count.warning} warning${count.warning === 1 ? '' : 's'}`);
	if (count.note)
		parts.push(`${count.note} note${count.note === 1 ? '' : 's'}`);
	const summary = $('summary');
	summary.textContent = parts.length ? parts.join(', ') : 'No problems';
	summary.className = 'summary ' + (count.error ? 'has-errors' : count.warning ? 'has-warnings' : 'clean');
	if (!list.length)
		ol.append(el('li', 'diag-none', 'briefc found nothing to report.'));
}

function diagnosticItem(d) {
	const li = el('li', `diag ${d.severity}`);
	const b = el('button', 'diag-main');
	b.type = 'button';
	b.append(el('span', 'diag-sev', d.severity), el('span', 'diag-loc', `${d.line}:${d.column}`),
		el('span', 'diag-msg', d.message), el('span', 'diag-code', d.code));
	b.addEventListener('click', () => jumpTo(d));
	li.append(b);
	if (d.notes && d.notes.length) {
		const ul = el('ul', 'diag-notes');
		for (const n of d.notes) {
			const nb = el('button', 'diag-note');
			nb.type = 'button';
			nb.append(el('span', 'diag-sev', 'note'), el('span', 'diag-loc', `${n.line}:${n.column}`),
				el('span', 'diag-msg', n.message));
			nb.addEventListener('click', () => jumpTo(n));
			const nli = el('li');
			nli.append(nb);
			ul.append(nli);
		}
		li.append(ul);
	}
	return li;
}

// ---- output -----------------------------------------------------------

const preview = [$('preview-a'), $('preview-b')];
let shown = 0;			// the index of the visible preview frame
let previewScroll = 0;

// Links inside the preview.  No script runs in the frames, not even the
// page's listeners, so the links are fixed up once each document has
// loaded (the frames are same-origin): the brief's own anchors resolve
// against the document itself, not the page's address, and links out open
// in a new tab (allow-popups), never inside the preview.
function wirePreview(frame) {
	frame.addEventListener('load', () => {
		const doc = frame.contentDocument;
		if (!doc || !doc.head)
			return;
		for (const a of doc.querySelectorAll('a[href]')) {
			const href = a.getAttribute('href');
			if (href.startsWith('#')) {
				a.setAttribute('href', 'about:srcdoc' + href);
			} else if (/^(https?|mailto):/i.test(href)) {
				a.target = '_blank';
				a.rel = 'noopener noreferrer';
			} else {
				// briefc writes no other link; should one appear, it goes nowhere
				a.removeAttribute('href');
			}
		}
	});
}
preview.forEach(wirePreview);

function setPreview(html) {
	const cur = preview[shown];
	const next = preview[1 - shown];
	if (!cur.hidden && cur.contentWindow)
		previewScroll = cur.contentWindow.scrollY;
	// The new document loads out of sight and replaces the old one only
	// once it is laid out, scrolled where the old one was: no blank flash,
	// no jump to the top as the author types.
	next.onload = () => {
		next.onload = null;
		next.hidden = false;
		if (next.contentWindow)
			next.contentWindow.scrollTo(0, previewScroll);
		cur.hidden = true;
		shown = 1 - shown;
	};
	next.srcdoc = html;
}

function showOutput(fmt, output, note) {
	const stale = $('stale');
	stale.hidden = !note || output === undefined;
	stale.textContent = note || '';
	$('output').classList.toggle('is-stale', !stale.hidden);
	const text = $('text');
	if (output === undefined) {
		text.hidden = true;
		preview.forEach((f) => { f.hidden = true; });
		$('empty').hidden = false;
		return;
	}
	$('empty').hidden = true;
	if (fmt === 'html') {
		text.hidden = true;
		setPreview(output);
	} else {
		preview.forEach((f) => { f.hidden = true; });
		text.hidden = false;
		text.textContent = output;
	}
}

function showProblem(message) {
	const stale = $('stale');
	stale.hidden = false;
	stale.textContent = message;
	$('output').classList.add('is-stale');
}

function showNotice(message) {
	$('notice-text').textContent = message;
	$('notice').hidden = false;
}
$('notice-close').addEventListener('click', () => {
	$('notice').hidden = true;
});

// ---- formats ----------------------------------------------------------

for (const tab of document.querySelectorAll('[data-format]')) {
	tab.addEventListener('click', () => {
		format = tab.dataset.format;
		for (const t of document.querySelectorAll('[data-format]'))
			t.setAttribute('aria-selected', String(t === tab));
		$('output').dataset.format = format;
		// the last good output of this format at once, then the new one
		if (lastGood.has(format))
			showOutput(format, lastGood.get(format), null);
		compile();
	});
}

// ---- sources: examples and links ---------------------------------------

const picker = $('example');
for (const ex of examples) {
	const o = el('option', null, ex.name.replace(/\.brief$/, ''));
	o.value = ex.name;
	o.title = ex.title;
	picker.append(o);
}
const sharedOption = el('option', null, 'Shared link');
sharedOption.value = '';
sharedOption.hidden = true;
picker.append(sharedOption);

function load(name, text) {
	sourceName = name || SHARED_NAME;
	$('filename').textContent = sourceName;
	picker.value = name || '';
	sharedOption.hidden = !!name;
	lastGood.clear();
	// A change, not a new state: undo takes the author back.
	view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
	compile();
}

function loadExample(name) {
	const ex = examples.find((e) => e.name === name) || examples[0];
	load(ex.name, ex.text);
}

picker.addEventListener('change', () => {
	if (!picker.value)
		return;
	// the address no longer names what the editor holds
	if (location.hash)
		window.history.replaceState(null, '', location.pathname + location.search);
	$('notice').hidden = true;
	loadExample(picker.value);
});

function loadFromLocation() {
	const src = sourceFromHash(location.hash);
	if (src === undefined) {
		loadExample(DEFAULT_EXAMPLE);
		return;
	}
	if (src === null) {
		loadExample(DEFAULT_EXAMPLE);
		showNotice('The link’s #src= is not base64url-encoded UTF-8 text, so an example is shown instead.');
		return;
	}
	$('notice').hidden = true;
	load(null, src);
}

window.addEventListener('hashchange', loadFromLocation);

$('share').addEventListener('click', async () => {
	const url = new URL(location.href);
	url.hash = 'src=' + encodeSource(view.state.doc.toString());
	window.history.replaceState(null, '', url.href);
	const field = $('share-url');
	field.value = url.href;
	$('share-box').hidden = false;
	field.select();
	let copied = false;
	try {
		await navigator.clipboard.writeText(url.href);
		copied = true;
	} catch {
		/* the link stays selected in the field, to copy by hand */
	}
	$('share-note').textContent = copied ? 'Link copied to the clipboard.' : 'Copy the link above.';
});
$('share-close').addEventListener('click', () => {
	$('share-box').hidden = true;
});

startWorker();
loadFromLocation();
