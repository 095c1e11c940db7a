#!/usr/bin/env node
// Writes brief.tmLanguage.json, the TextMate grammar of the Brief language,
// to standard output: `node syntaxes/build.js > syntaxes/brief.tmLanguage.json`
// (`npm run grammar`).  The JSON is committed so that VS Code and every
// other TextMate host can load it as it is; this script is its source,
// because regular expressions written once here (IDs, keys, the fields of
// each block kind) would otherwise be copied by hand into dozens of places
// of a JSON file that cannot hold a comment.  The test suite fails when the
// committed JSON is not what this script writes.
//
// The tables below follow the language contract (design language.md,
// sections 3-6 and 11-14) and docs/language.md.  A line's role is decided by
// its first characters, as in briefc's scanner (grammar/brief.l): the rules
// are anchored at the start of a line wherever the scanner's are.
'use strict';

// IDs as amended by version 2: BibTeX-style keys, never ending in . or :.
const ID = '[A-Za-z0-9_](?:[A-Za-z0-9_.:-]*[A-Za-z0-9_-])?';
// A field key as the scanner reads it; the checker decides which are known.
const KEY = '[A-Za-z0-9][A-Za-z0-9._&/+-]*';
const FIELD_START = `${KEY}:(?=[ \\t]|$)`;
const LABEL = '[A-Za-z0-9_-]+';
const DATE = '[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?';
const LEVEL = ['high', 'medium', 'low'];

// Lines that end a block whatever it holds: its closer, and (when the closer
// was forgotten) the next opener or heading, where briefc closes the block
// too.  Ending there keeps one missing ::: from colouring the rest of the
// file as that block.
const BLOCK_STOP = ':::|#+(?:[ \\t]|$)';
const BLOCK_END = `^(:::)[ \\t]*$|^(?=${BLOCK_STOP})`;

// A field's value goes on over indented lines and over lines that hold only
// a comment (comments are removed before lines are classified).
const VALUE_END = '^(?![ \\t]+\\S|[ \\t]*<!--)';

// Value types: the scopes and the rules for a field's value.
function scalar(re, scope) {
	// A value of a closed form: valid as a whole, or marked invalid.
	return {
		contentName: 'meta.value.brief',
		patterns: [
			{ match: `\\G[ \\t]*(${re})(?=[ \\t]*(?:<!--.*)?$)`, captures: { 1: { name: scope } } },
			{ include: '#comment' },
			{ match: '[^ \\t<]+|<', name: 'invalid.illegal.value.brief' },
		],
	};
}
function list(item, scope) {
	// Comma-separated items of one form; anything else is invalid.
	return {
		contentName: 'meta.value.list.brief',
		patterns: [
			{ include: '#comment' },
			{ match: item, name: scope },
			{ match: ',', name: 'punctuation.separator.comma.brief' },
			{ match: '[^ \\t,<]+|<', name: 'invalid.illegal.value.brief' },
		],
	};
}
const TYPES = {
	inline: {
		contentName: 'meta.value.inline.brief',
		patterns: [{ include: '#quoted-value' }, { include: '#inline' }],
	},
	text: {
		contentName: 'string.unquoted.value.brief',
		patterns: [{ include: '#quoted-value' }, { include: '#comment' }],
	},
	names: {
		contentName: 'string.unquoted.names.brief',
		patterns: [
			{ include: '#quoted-value' },
			{ include: '#comment' },
			{ match: ';', name: 'punctuation.separator.names.brief' },
		],
	},
	ids: list(ID, 'variable.other.id.brief'),
	date: scalar(DATE, 'constant.numeric.date.brief'),
	integer: scalar('[0-9]+', 'constant.numeric.integer.brief'),
	level: scalar(LEVEL.join('|'), 'constant.language.brief'),
	lang: scalar('[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*', 'constant.other.language-tag.brief'),
	url: { contentName: 'markup.underline.link.brief', patterns: [{ include: '#comment' }] },
	path: { contentName: 'string.unquoted.path.brief', patterns: [{ include: '#comment' }] },
	paths: {
		contentName: 'string.unquoted.path.brief',
		patterns: [{ include: '#comment' }, { match: ',', name: 'punctuation.separator.comma.brief' }],
	},
	codes: list('[a-z]+(?:-[a-z]+)*', 'constant.other.diagnostic-code.brief'),
};
function oneOf(values) {
	return scalar(values.join('|'), 'constant.language.brief');
}

// Front matter keys (contract sections 3, 11.7 and 12).
const FRONT_MATTER = [
	['title', 'inline'],
	['subtitle', 'inline'],
	['organization', 'text'],
	['authors', 'names'],
	['date', 'date'],
	['updated', 'date'],
	['status', oneOf(['draft', 'final'])],
	['lang', 'lang'],
	['limit-words', 'integer'],
	['series', 'text'],
	['number', 'text'],
	['version', 'text'],
	['paper', oneOf(['a4', 'letter'])],
	['toc', oneOf(['auto', 'yes', 'no'])],
	['logo', 'path'],
	['allow', 'codes'],
	['library', 'paths'],
];

// Block kinds: whether they take an ID, their fields, what their body is.
const KINDS = [
	{ kind: 'finding', id: 'required', fields: [
		['claim', 'inline'], ['evidence', 'ids'], ['confidence', 'level']] },
	{ kind: 'recommendation', id: 'required', fields: [
		['action', 'inline'], ['area', 'ids'], ['addresses', 'ids'], ['actor', 'text'],
		['priority', 'level'], ['horizon', 'text']] },
	{ kind: 'evidence', id: 'required', fields: [
		['title', 'inline'], ['url', 'url'], ['publisher', 'text'], ['authors', 'names'],
		['date', 'date'], ['accessed', 'date'],
		['type', oneOf(['report', 'law', 'treaty', 'statement', 'dataset', 'article', 'other'])]] },
	{ kind: 'table', id: 'required', body: 'table', fields: [
		['caption', 'inline'], ['source', 'ids'], ['note', 'inline']] },
	{ kind: 'figure', id: 'required', fields: [
		['src', 'path'], ['alt', 'text'], ['caption', 'inline'], ['source', 'ids'],
		['width', 'integer']] },
	{ kind: 'box', id: 'optional', fields: [
		['title', 'inline'], ['type', oneOf(['note', 'key-points', 'sidebar', 'disclaimer'])]] },
	{ kind: 'recommendations', id: 'none', fields: [['area', 'ids']] },
	{ kind: 'findings', id: 'none', fields: [] },
	{ kind: 'sources', id: 'none', fields: [] },
	{ kind: 'glossary', id: 'none', fields: [] },
	{ kind: 'map', id: 'none', fields: [] },
	{ kind: 'acronyms', id: 'none', entries: 'constant.other.acronym.brief',
		values: 'string.unquoted.expansion.brief' },
	{ kind: 'areas', id: 'none', entries: 'entity.name.type.id.brief',
		values: 'string.unquoted.value.brief' },
];

function escapeRe(s) {
	return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

// One field: its key and its value, continuation lines included.
function field(key, type, keyScope) {
	const t = typeof type === 'string' ? TYPES[type] : type;
	return {
		name: 'meta.field.brief',
		begin: `^(${key})(:)(?=[ \\t]|$)`,
		beginCaptures: {
			1: { name: keyScope },
			2: { name: 'punctuation.separator.key-value.brief' },
		},
		end: VALUE_END,
		contentName: t.contentName,
		patterns: t.patterns,
	};
}
function knownField([key, type]) {
	return field(escapeRe(key), type, 'support.type.property-name.brief');
}
const UNKNOWN_FIELD = field(KEY, 'text', 'invalid.illegal.unknown-field.brief');

// The opener: "::: KIND [ID]", anything after that is an error.
function opener(kind, idMode) {
	const id = idMode === 'none' ? '' : `(?:[ \\t]+(${ID}))?`;
	const captures = {
		1: { name: 'punctuation.definition.block.begin.brief' },
		2: { name: 'keyword.control.block.brief' },
	};
	if (idMode !== 'none')
		captures[3] = { name: 'entity.name.type.id.brief' };
	captures[idMode === 'none' ? 3 : 4] = { patterns: [{ include: '#trailing' }] };
	return {
		begin: `^(:::)[ \\t]*(${escapeRe(kind)})(?=[ \\t]|$)${id}[ \\t]*(.*?)[ \\t]*$`,
		beginCaptures: captures,
		end: BLOCK_END,
		endCaptures: { 1: { name: 'punctuation.definition.block.end.brief' } },
	};
}

// The field region runs from the opener to the first line that is neither a
// field, a continuation nor a comment: \G holds only right after the opener.
function fieldRegion(patterns) {
	return {
		name: 'meta.fields.brief',
		begin: '\\G',
		end: `^(?!${FIELD_START}|[ \\t]+\\S|[ \\t]*<!--)`,
		patterns: [{ include: '#comment' }, ...patterns, UNKNOWN_FIELD],
	};
}

function block(k) {
	const rule = { name: `meta.block.${k.kind}.brief`, ...opener(k.kind, k.id) };
	if (k.entries) {
		// acronyms and areas: every line is an entry "KEY: value".
		rule.patterns = [
			{ include: '#comment' },
			field(KEY, { contentName: k.values, patterns: [{ include: '#comment' }] }, k.entries),
			{ match: '^(?![ \\t]*<!--)[ \\t]*\\S.*$', name: 'invalid.illegal.entry.brief' },
		];
	} else {
		rule.patterns = [
			fieldRegion(k.fields.map(knownField)),
			k.body === 'table' ? { include: '#table' } : { include: '#block-body' },
		];
	}
	return rule;
}

// A kind briefc does not know: still a block, so the rest of the file reads
// right; its kind is marked, its fields are taken as they come.
const UNKNOWN_BLOCK = {
	name: 'meta.block.unknown.brief',
	begin: '^(:::)[ \\t]*([^ \\t\\n]+)(?:[ \\t]+(.*?))?[ \\t]*$',
	beginCaptures: {
		1: { name: 'punctuation.definition.block.begin.brief' },
		2: { name: 'invalid.illegal.block-kind.brief' },
		3: { patterns: [{ include: '#comment' }] },
	},
	end: BLOCK_END,
	endCaptures: { 1: { name: 'punctuation.definition.block.end.brief' } },
	patterns: [
		{
			name: 'meta.fields.brief',
			begin: '\\G',
			end: `^(?!${FIELD_START}|[ \\t]+\\S|[ \\t]*<!--)`,
			patterns: [{ include: '#comment' }, field(KEY, 'text', 'support.type.property-name.brief')],
		},
		{ include: '#block-body' },
	],
};

function heading(level) {
	return {
		name: `markup.heading.${level}.brief`,
		match: `^(#{${level}})(?:[ \\t]+(.*?))??(?:[ \\t]+((\\{)(#)(${ID})(\\})))?[ \\t]*$`,
		captures: {
			1: { name: 'punctuation.definition.heading.brief' },
			2: { name: 'entity.name.section.brief', patterns: [{ include: '#inline' }] },
			3: { name: 'meta.attribute.id.brief' },
			4: { name: 'punctuation.definition.attribute.begin.brief' },
			5: { name: 'punctuation.definition.attribute.brief' },
			6: { name: 'entity.name.type.id.brief' },
			7: { name: 'punctuation.definition.attribute.end.brief' },
		},
	};
}

const LINK_TEXT = '(?:\\\\.|[^\\\\\\[\\]])*';
const LINK_URL = '(?:\\\\.|[^\\\\()\\s]|\\((?:\\\\.|[^\\\\()\\s])*\\))*';
const PIPE = { match: '\\|', name: 'punctuation.separator.table.brief' };
const UNSUPPORTED = 'invalid.deprecated.unsupported-markup.brief';

const repository = {
	comment: {
		name: 'comment.block.brief',
		begin: '<!--',
		beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.brief' } },
		end: '-->',
		endCaptures: { 0: { name: 'punctuation.definition.comment.end.brief' } },
	},
	escape: {
		name: 'constant.character.escape.brief',
		match: '\\\\[!-/:-@\\[-`{-~]',
	},
	trailing: {
		// Text after an opener's kind and ID: briefc reports it.
		patterns: [{ include: '#comment' }, { match: '\\S+', name: 'invalid.illegal.trailing.brief' }],
	},
	'quoted-value': {
		// title: "X" is YAML, not Brief: the quotes would be printed.
		match: '\\G[ \\t]*("[^"]*"|\'[^\']*\')(?=[ \\t]*$)',
		captures: { 1: { name: UNSUPPORTED } },
	},

	'front-matter': {
		name: 'meta.front-matter.brief',
		begin: '\\A(---)[ \\t]*$',
		beginCaptures: { 1: { name: 'punctuation.definition.front-matter.begin.brief' } },
		// A blank line, a heading or an opener before the closing --- means
		// the closer is missing; briefc reads the rest as body.
		end: '^(---)[ \\t]*$|^(?=[ \\t]*$|#|:::)',
		endCaptures: { 1: { name: 'punctuation.definition.front-matter.end.brief' } },
		patterns: [
			{ include: '#comment' },
			...FRONT_MATTER.map(knownField),
			field(KEY, 'text', 'invalid.illegal.unknown-field.brief'),
			{ match: '^(?![ \\t]*<!--).+$', name: 'invalid.illegal.front-matter.brief' },
		],
	},

	include: {
		// ::: include PATH stands alone: it has no closer.
		name: 'meta.include.brief',
		match: '^(:::)[ \\t]*(include)(?=[ \\t]|$)[ \\t]*(.*?)[ \\t]*$',
		captures: {
			1: { name: 'punctuation.definition.block.begin.brief' },
			2: { name: 'keyword.control.include.brief' },
			3: { name: 'string.unquoted.path.brief', patterns: [{ include: '#comment' }] },
		},
	},
	blocks: {
		patterns: [...KINDS.map(block), UNKNOWN_BLOCK],
	},
	'stray-closer': {
		match: '^:::[ \\t]*$',
		name: 'invalid.illegal.stray-closer.brief',
	},
	headings: {
		patterns: [
			heading(1), heading(2), heading(3),
			{
				// Deeper levels are an error; briefc keeps them as level 3.
				name: 'markup.heading.3.brief',
				match: '^(#{4,})(?:[ \\t]+(.*?))?[ \\t]*$',
				captures: {
					1: { name: 'invalid.illegal.heading-level.brief' },
					2: { name: 'entity.name.section.brief', patterns: [{ include: '#inline' }] },
				},
			},
		],
	},

	'block-body': {
		patterns: [
			{ include: '#footnote-definition' },
			{ include: '#list' },
			{ include: '#quote' },
			{ include: '#unsupported-line' },
			{ include: '#inline' },
		],
	},
	'footnote-definition': {
		name: 'meta.footnote.definition.brief',
		match: `^(\\[)(\\^)(${LABEL})(\\])(:)(?=[ \\t]|$)`,
		captures: {
			1: { name: 'punctuation.definition.footnote.begin.brief' },
			2: { name: 'punctuation.definition.footnote.brief' },
			3: { name: 'entity.name.type.footnote.brief' },
			4: { name: 'punctuation.definition.footnote.end.brief' },
			5: { name: 'punctuation.separator.key-value.brief' },
		},
	},
	list: {
		// Nested items are indented (2 to 4 spaces a level).
		patterns: [
			{
				match: '^[ \\t]*([-*])(?=[ \\t])',
				captures: { 1: { name: 'markup.list.unnumbered.brief punctuation.definition.list.begin.brief' } },
			},
			{
				match: '^[ \\t]*([0-9]{1,9}\\.)(?=[ \\t])',
				captures: { 1: { name: 'markup.list.numbered.brief punctuation.definition.list.begin.brief' } },
			},
		],
	},
	quote: {
		name: 'markup.quote.brief',
		begin: '^(>)',
		beginCaptures: { 1: { name: 'punctuation.definition.quote.begin.brief' } },
		while: '^(>)',
		whileCaptures: { 1: { name: 'punctuation.definition.quote.begin.brief' } },
		patterns: [{ include: '#inline' }],
	},
	'unsupported-line': {
		// Habits from other formats that briefc would print as they stand.
		patterns: [
			{ match: '^[ \\t]*([\u2022\u2013])(?=[ \\t])', captures: { 1: { name: UNSUPPORTED } } },
			{ match: '^(#+)(?=[^#\\s])', captures: { 1: { name: UNSUPPORTED } } },
			{
				// The delimiter row of a pipe table outside ::: table.
				match: '^[ \\t]*\\|?[ \\t]*:?-+:?[ \\t]*\\|[ \\t|:-]*$',
				name: UNSUPPORTED,
			},
		],
	},

	table: {
		// The body of ::: table: a header row, a delimiter row, then rows.
		name: 'markup.table.brief',
		begin: `^(?!${BLOCK_STOP}|[ \\t]*(?:$|<!--))`,
		end: `^(?=${BLOCK_STOP})`,
		patterns: [
			{
				// \G holds only at the start of the first row.
				name: 'meta.table.header.brief',
				begin: '\\G',
				end: '$',
				patterns: [{ include: '#comment' }, PIPE, { include: '#inline' }],
			},
			{
				name: 'meta.table.delimiter.brief',
				match: '^[ \\t]*\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$',
				captures: {
					0: {
						patterns: [
							PIPE,
							{ match: ':', name: 'keyword.operator.alignment.brief' },
							{ match: '-+', name: 'punctuation.definition.table.delimiter.brief' },
						],
					},
				},
			},
			PIPE,
			{ include: '#inline' },
		],
	},

	inline: {
		patterns: [
			{ include: '#comment' },
			{ include: '#escape' },
			{ include: '#code' },
			{ include: '#image' },
			{ include: '#reference' },
			{ include: '#footnote-reference' },
			{ include: '#link' },
			{ include: '#strong' },
			{ include: '#emphasis' },
			{ include: '#placeholder' },
			{ include: '#unsupported-inline' },
		],
	},
	code: {
		name: 'markup.inline.raw.string.brief',
		match: '(`+)(?!`)(.+?)(?<!`)(\\1)(?!`)',
		captures: {
			1: { name: 'punctuation.definition.raw.begin.brief' },
			3: { name: 'punctuation.definition.raw.end.brief' },
		},
	},
	reference: {
		patterns: [
			{
				// [@id], [@a; @b], [@id, p. 4]: a locator runs from the first
				// comma of an item to the next ; or ].
				name: 'meta.reference.brief',
				match: `(\\[)(@${ID}(?:,[^;\\]]*)?(?:[ \\t]*;[ \\t]*@${ID}(?:,[^;\\]]*)?)*)(\\])`,
				captures: {
					1: { name: 'punctuation.definition.reference.begin.brief' },
					2: {
						patterns: [
							{
								match: `(@)(${ID})`,
								captures: {
									1: { name: 'punctuation.definition.reference.brief' },
									2: { name: 'variable.other.id.brief' },
								},
							},
							{
								match: '(,)([^;]*)',
								captures: {
									1: { name: 'punctuation.separator.locator.brief' },
									2: { name: 'string.other.locator.brief' },
								},
							},
							{ match: ';', name: 'punctuation.separator.reference.brief' },
						],
					},
					3: { name: 'punctuation.definition.reference.end.brief' },
				},
			},
			{
				// Any other [@ is a malformed reference: a syntax error.
				match: '\\[@',
				name: 'invalid.illegal.reference.brief',
			},
		],
	},
	'footnote-reference': {
		name: 'meta.footnote.reference.brief',
		match: `(\\[)(\\^)(${LABEL})(\\])`,
		captures: {
			1: { name: 'punctuation.definition.footnote.begin.brief' },
			2: { name: 'punctuation.definition.footnote.brief' },
			3: { name: 'variable.other.footnote.brief' },
			4: { name: 'punctuation.definition.footnote.end.brief' },
		},
	},
	link: {
		patterns: [
			{
				// [](url): a link nobody can see, an empty-link error too.
				name: 'meta.link.inline.brief',
				match: `(\\[[ \\t]*\\])(\\()(${LINK_URL})(\\))`,
				captures: {
					1: { name: 'invalid.illegal.empty-link.brief' },
					2: { name: 'punctuation.definition.link.begin.brief' },
					3: { name: 'markup.underline.link.brief' },
					4: { name: 'punctuation.definition.link.end.brief' },
				},
			},
			{
				// [text]() and [text](#) go nowhere: an empty-link error.
				name: 'meta.link.inline.brief',
				match: `(\\[)(${LINK_TEXT})(\\])(\\(#?\\))`,
				captures: {
					1: { name: 'punctuation.definition.link.title.begin.brief' },
					2: { name: 'string.other.link.title.brief', patterns: [{ include: '#link-text' }] },
					3: { name: 'punctuation.definition.link.title.end.brief' },
					4: { name: 'invalid.illegal.empty-link.brief' },
				},
			},
			{
				// [text](url): the URL has no spaces; parentheses in it balance.
				name: 'meta.link.inline.brief',
				match: `(\\[)(${LINK_TEXT})(\\])(\\()(${LINK_URL})(\\))`,
				captures: {
					1: { name: 'punctuation.definition.link.title.begin.brief' },
					2: { name: 'string.other.link.title.brief', patterns: [{ include: '#link-text' }] },
					3: { name: 'punctuation.definition.link.title.end.brief' },
					4: { name: 'punctuation.definition.link.begin.brief' },
					5: { name: 'markup.underline.link.brief' },
					6: { name: 'punctuation.definition.link.end.brief' },
				},
			},
			{
				// Link text broken across lines, as hard-wrapped prose has it:
				// from a [ whose text runs to the end of the line to the ] on
				// a later line.  A line that cannot be inside a paragraph (a
				// blank, an opener, a heading, a field, a list item) ends it.
				name: 'meta.link.inline.brief',
				begin: `(\\[)(?![@^])(?=${LINK_TEXT}$)`,
				beginCaptures: { 1: { name: 'punctuation.definition.link.title.begin.brief' } },
				end: `(\\])(?:(\\(#?\\))|(\\()(${LINK_URL})(\\)))?|^(?=[ \\t]*$|${BLOCK_STOP}|${FIELD_START}|[ \\t]*(?:[-*>]|[0-9]{1,9}\\.)[ \\t])`,
				endCaptures: {
					1: { name: 'punctuation.definition.link.title.end.brief' },
					2: { name: 'invalid.illegal.empty-link.brief' },
					3: { name: 'punctuation.definition.link.begin.brief' },
					4: { name: 'markup.underline.link.brief' },
					5: { name: 'punctuation.definition.link.end.brief' },
				},
				contentName: 'string.other.link.title.brief',
				patterns: [{ include: '#link-text' }],
			},
		],
	},
	'link-text': {
		patterns: [
			{ include: '#escape' },
			{ include: '#code' },
			{ include: '#strong' },
			{ include: '#emphasis' },
		],
	},
	strong: {
		name: 'markup.bold.brief',
		match: '(\\*\\*)(?=\\S)((?:\\\\.|[^\\\\])+?)(?<=[^\\s\\\\])(\\*\\*)',
		captures: {
			1: { name: 'punctuation.definition.bold.begin.brief' },
			2: { patterns: [{ include: '#inline' }] },
			3: { name: 'punctuation.definition.bold.end.brief' },
		},
	},
	emphasis: {
		// CommonMark's flanking rules, roughly: no space inside the stars,
		// so 5 * 3 stays text.  _ is never emphasis in Brief.
		name: 'markup.italic.brief',
		match: '(\\*)(?=[^\\s*])((?:\\\\.|[^\\\\*])+?)(?<=[^\\s\\\\])(\\*)(?!\\*)',
		captures: {
			1: { name: 'punctuation.definition.italic.begin.brief' },
			2: { patterns: [{ include: '#inline' }] },
			3: { name: 'punctuation.definition.italic.end.brief' },
		},
	},
	placeholder: {
		// What the placeholder check warns about.
		match: '\\b(?:TODO|TBD|FIXME|XXX)\\b|\\[citation needed\\]|_{3,}|(?i:\\blorem ipsum\\b)',
		name: 'invalid.deprecated.placeholder.brief',
	},
	image: {
		// ![alt](src) is Markdown; Brief has ::: figure.
		match: '!\\[[^\\]]*\\]\\([^)]*\\)',
		name: UNSUPPORTED,
	},
	'unsupported-inline': {
		patterns: [
			// Raw HTML: briefc prints it as text.
			{ match: '</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>', name: UNSUPPORTED },
			// Pandoc attributes such as {.class}.
			{ match: '\\{\\.[A-Za-z][^{}]*\\}', name: UNSUPPORTED },
		],
	},
};

const grammar = {
	$schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
	name: 'Brief',
	scopeName: 'source.brief',
	fileTypes: ['brief'],
	patterns: [
		{ include: '#front-matter' },
		{ include: '#comment' },
		{ include: '#include' },
		{ include: '#blocks' },
		{ include: '#stray-closer' },
		{ include: '#headings' },
		{ include: '#block-body' },
	],
	repository,
};

process.stdout.write(JSON.stringify(grammar, null, '\t') + '\n');
