// brief-mode.js - syntax highlighting of the Brief language for the
// playground's editor: a line-oriented stream parser, as the language is
// (docs/language.md, section 2: a line's role is decided by its first
// characters).  It only colours: briefc's diagnostics say what is wrong.

import { StreamLanguage, HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

const KEY = /^[A-Za-z0-9][A-Za-z0-9._&/+-]*:(?=\s|$)/;
// Kinds whose every line is an entry (ABBR: Expansion, id: Title).
const ENTRY_KINDS = new Set(['acronyms', 'areas']);

function startState() {
	return {
		line: 0,		// lines seen so far
		front: 0,		// front matter: 0 before, 1 inside, 2 after
		block: null,		// the open block's kind
		fields: false,		// in that block's field region
		comment: false,		// inside <!-- -->
		opener: false,		// reading a ::: KIND ID line
		url: false,		// the next token is a link's (url)
	};
}

function blankLine(state) {
	state.line++;
	if (state.front === 1)
		state.front = 2;
	if (state.block && !ENTRY_KINDS.has(state.block))
		state.fields = false;
}

// The first token of a line, when the line's first characters give it a
// role; null when the line is prose.
function lineStart(stream, state) {
	const first = state.line === 0;
	state.line++;
	state.opener = false;
	state.url = false;
	if (state.comment)
		return null;
	if (first && stream.match(/^---\s*$/)) {
		state.front = 1;
		return 'meta';
	}
	if (state.front === 1) {
		if (stream.match(/^---\s*$/)) {
			state.front = 2;
			return 'meta';
		}
		if (stream.match(KEY))
			return 'propertyName';
		if (stream.match(/^(#|:::)/, false))
			state.front = 2;
		else
			return null;
	}
	if (stream.match(/^:::\s*$/)) {
		state.block = null;
		state.fields = false;
		return 'meta';
	}
	if (stream.match(/^:::/)) {
		state.opener = true;
		state.block = '';
		return 'meta';
	}
	if (state.block !== null && state.fields && stream.match(KEY))
		return 'propertyName';
	if (state.block !== null && !ENTRY_KINDS.has(state.block) && !/^\s/.test(stream.string))
		state.fields = false;
	if (stream.match(/^#{1,6}(?=\s|$)/)) {
		stream.skipToEnd();
		return 'heading';
	}
	if (stream.match(/^([-*]|[0-9]{1,9}\.)(?=\s)/))
		return 'list';
	if (stream.match(/^>/))
		return 'quote';
	return null;
}

// Up to and including the comment's -->, or to the end of the line.
function commentRest(stream, state) {
	if (stream.skipTo('-->')) {
		stream.match('-->');
		state.comment = false;
	} else {
		stream.skipToEnd();
	}
	return 'comment';
}

function token(stream, state) {
	if (stream.sol()) {
		const style = lineStart(stream, state);
		if (style)
			return style;
	}
	if (state.comment)
		return commentRest(stream, state);
	if (state.opener) {
		if (stream.eatSpace())
			return null;
		if (state.block === '' && stream.match(/^[A-Za-z0-9_-]+/)) {
			state.block = stream.current();
			state.fields = true;
			return 'typeName';
		}
		stream.skipToEnd();
		return 'labelName';
	}
	if (stream.match('<!--')) {
		state.comment = true;
		return commentRest(stream, state);
	}
	if (state.url && stream.match(/^\((?:\\.|[^()\s\\]|\([^()\s]*\))*\)?/)) {
		state.url = false;
		return 'url';
	}
	state.url = false;
	if (stream.match(/^\\[!-/:-@[-`{-~]/))
		return 'escape';
	if (stream.match(/^\[[@^][^\]\s]*(?:[;,][^\]]*)?\]/))
		return 'labelName';
	if (stream.match(/^\[(?:\\.|[^\]\\])*\](?=\()/)) {
		state.url = true;
		return 'link';
	}
	if (stream.match(/^(`+)(?:(?!\1).)+?\1(?!`)/))
		return 'monospace';
	if (stream.match(/^\*\*(?=\S)(?:[^*]|\*(?!\*))*?\S\*\*/) || stream.match(/^\*\*\S\*\*/))
		return 'strong';
	if (stream.match(/^\*(?=[^\s*])(?:[^*\\]|\\.)*?[^\s*\\]\*/) || stream.match(/^\*[^\s*]\*/))
		return 'emphasis';
	if (stream.match(/^(?:https?|mailto):[^\s<>()\]]+/))
		return 'url';
	if (!stream.match(/^[\p{L}\p{N}]+/u))
		stream.next();
	return null;
}

export const briefLanguage = StreamLanguage.define({
	name: 'brief',
	startState,
	token,
	blankLine,
	copyState: (s) => ({ ...s }),
	languageData: { commentTokens: { block: { open: '<!--', close: '-->' } } },
});

// The palette of briefc's own HTML (src/render_html.c).
export const briefHighlight = HighlightStyle.define([
	{ tag: t.meta, color: '#5a6472', fontWeight: '700' },
	{ tag: t.typeName, color: '#0d4d6e', fontWeight: '700' },
	{ tag: t.labelName, color: '#1e6b34' },
	{ tag: t.propertyName, color: '#9a6212', fontWeight: '600' },
	{ tag: t.heading, color: '#0d4d6e', fontWeight: '700' },
	{ tag: t.list, color: '#0d4d6e', fontWeight: '700' },
	{ tag: t.quote, color: '#0d4d6e', fontWeight: '700' },
	{ tag: t.link, color: '#0d4d6e', textDecoration: 'underline' },
	{ tag: t.url, color: '#5a6472' },
	{ tag: t.comment, color: '#7d8794', fontStyle: 'italic' },
	{ tag: t.monospace, color: '#8a3b12', backgroundColor: '#f2f4f6' },
	{ tag: t.strong, fontWeight: '700' },
	{ tag: t.emphasis, fontStyle: 'italic' },
	{ tag: t.escape, color: '#5a6472' },
]);
