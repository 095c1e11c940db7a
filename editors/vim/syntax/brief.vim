" Vim syntax file
" Language:   Brief, the policy-brief language of briefc
" Filenames:  *.brief
"
" The same constructs as the VS Code grammar
" (editors/vscode/syntaxes/brief.tmLanguage.json), as far as Vim's regions
" allow: front matter and its keys, ::: blocks with their kind, ID, field
" region and closer, typed field values, acronym and area entries, pipe
" tables, ::: include, headings with {#id}, lists, quotes, emphasis, code,
" links, references with locators, footnotes, comments and \ escapes, plus
" the mistakes briefc reports that a pattern can see.  Like briefc's
" scanner, a line's role is decided by its first characters.
scriptencoding utf-8
if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

syn case match
" Front matter and blocks span many lines, and briefs are short.
syn sync fromstart

let s:id = '[A-Za-z0-9_]\%([A-Za-z0-9_.:-]*[A-Za-z0-9_-]\)\='
let s:key = '[A-Za-z0-9][A-Za-z0-9._&/+-]*'
let s:field = s:key . ':\%(\s\|$\)'
let s:date = '\d\{4}\%(-\%(0[1-9]\|1[0-2]\)\%(-\%(0[1-9]\|[12]\d\|3[01]\)\)\=\)\='
" A value goes on over indented lines and lines holding only a comment.
let s:value_end = '^\%(\s\+\S\|\s*<!--\)\@!'
" Where a value ends on its line: spaces, perhaps a comment.
let s:eol = '\ze\s*\%(<!--.*\)\=$'

" Inline text.  Vim takes the item defined last when two start at one
" place, so the general comes before the particular.
syn match briefUnsupported /<\/\=\a[A-Za-z0-9-]*\%(\s[^<>]*\)\=\/\=>/
syn match briefUnsupported /{\.\a[^{}]*}/
syn match briefPlaceholder /\<\%(TODO\|TBD\|FIXME\|XXX\)\>\|\[citation needed\]\|_\{3,}/
syn match briefPlaceholder /\c\<lorem ipsum\>/
syn region briefEmphasis matchgroup=briefEmphasisDelim start=/\*\ze[^ \t*]/ end=/[^ \t\\]\@1<=\*/ oneline contains=@briefInline
syn region briefStrong matchgroup=briefStrongDelim start=/\*\*\ze\S/ end=/\S\@1<=\*\*/ oneline contains=@briefInline
syn match briefLinkUrl /(\%(\\.\|[^\\()[:space:]]\|(\%(\\.\|[^\\()[:space:]]\)*)\)*)/ contained
syn match briefEmptyLink /(#\=)/ contained
" Link text may break across one line, as hard-wrapped prose has it.
syn region briefLinkText matchgroup=briefLinkDelim start=/\[\%([@^]\)\@!\ze\%(\\.\|[^\\[\]]\)*\%(\n\%(\\.\|[^\\[\]]\)*\)\=\](/ end=/\]\ze(/ nextgroup=briefLinkUrl,briefEmptyLink contains=briefEscape,briefCode,briefStrong,briefEmphasis
syn match briefEmptyLink /\[\s*\]\ze(/ nextgroup=briefLinkUrl
syn match briefUnsupported /!\[[^\]]*\]([^)]*)/
syn match briefBadReference /\[@/
exe 'syn match briefReference /\[@' . s:id . '\%(,[^;\]]*\)\=\%(\s*;\s*@' . s:id . '\%(,[^;\]]*\)\=\)*\]/ contains=briefRefId,briefLocator'
exe 'syn match briefRefId /@\zs' . s:id . '/ contained'
syn match briefLocator /,\zs[^;\]]*/ contained
syn match briefFootnoteRef /\[\^[A-Za-z0-9_-]\+\]/ contains=briefFootnoteLabel
syn match briefFootnoteLabel /\[\^\zs[A-Za-z0-9_-]\+\ze\]/ contained
syn match briefCode /\(`\+\)`\@!.\{-1,}`\@1<!\1`\@!/
syn region briefComment start=/<!--/ end=/-->/ contains=@Spell
syn match briefEscape /\\[[:punct:]]/
syn cluster briefInline contains=briefUnsupported,briefPlaceholder,briefEmphasis,briefStrong,briefLinkText,briefEmptyLink,briefBadReference,briefReference,briefFootnoteRef,briefCode,briefComment,briefEscape

" Lines of prose: lists (nested by indenting), quotes, footnote
" definitions, and habits from other formats that briefc prints as text.
syn match briefListMarker /^\s*\%([-*]\|\d\{1,9}\.\)\ze\s/
syn match briefQuote /^>.*$/ contains=briefQuoteMarker,@briefInline
syn match briefQuoteMarker /^>/ contained
syn match briefFootnoteDef /^\[\^[A-Za-z0-9_-]\+\]:\ze\%(\s\|$\)/ contains=briefFootnoteDefLabel
syn match briefFootnoteDefLabel /\[\^\zs[A-Za-z0-9_-]\+\ze\]/ contained
syn match briefUnsupported /^\s*\zs[•–]\ze\s/
syn match briefUnsupported /^#\+\ze[^#[:space:]]/
syn match briefUnsupported /^\s*|\=\s*:\=-\+:\=\s*|[-|: \t]*$/
syn cluster briefBody contains=@briefInline,briefListMarker,briefQuote,briefFootnoteDef

" Headings: # to ###, an optional {#id}; deeper is an error.
exe 'syn match briefHeadingId /\s\zs{#' . s:id . '}\ze\s*$/ contained'
syn match briefHeadingDelim /^#\+/ contained
syn match briefHeadingTooDeep /^#\{4,}/ contained
syn match briefHeading1 /^#\%(\s.*\)\=$/ contains=briefHeadingDelim,briefHeadingId,@briefInline
syn match briefHeading2 /^##\%(\s.*\)\=$/ contains=briefHeadingDelim,briefHeadingId,@briefInline
syn match briefHeading3 /^###\%(\s.*\)\=$/ contains=briefHeadingDelim,briefHeadingId,@briefInline
syn match briefHeading3 /^####\+\%(\s.*\)\=$/ contains=briefHeadingTooDeep,@briefInline

" Values of fields, by type.
syn match briefBadValue /[^ \t<]\+/ contained
exe 'syn match briefQuoted /\%(:\s*\)\@<=\%("[^"]*"\|''[^'']*''\)' . s:eol . '/ contained'
exe 'syn match briefDate /\%(:\s*\)\@<=' . s:date . s:eol . '/ contained'
exe 'syn match briefInteger /\%(:\s*\)\@<=\d\+' . s:eol . '/ contained'
exe 'syn match briefLangTag /\%(:\s*\)\@<=\a\{2,3}\%(-[A-Za-z0-9]\{1,8}\)*' . s:eol . '/ contained'
exe 'syn match briefIdRef /' . s:id . '/ contained'
syn match briefDiagCode /[a-z]\+\%(-[a-z]\+\)*/ contained
syn match briefComma /,/ contained
syn match briefNameSep /;/ contained
let s:types = {
      \ 'inline': ['', 'briefQuoted,@briefInline'],
      \ 'text': ['briefValueText', 'briefQuoted,briefComment'],
      \ 'names': ['briefValueText', 'briefQuoted,briefComment,briefNameSep'],
      \ 'ids': ['', 'briefBadValue,briefIdRef,briefComma,briefComment'],
      \ 'date': ['', 'briefBadValue,briefDate,briefComment'],
      \ 'integer': ['', 'briefBadValue,briefInteger,briefComment'],
      \ 'lang': ['', 'briefBadValue,briefLangTag,briefComment'],
      \ 'url': ['briefValueUrl', 'briefComment'],
      \ 'path': ['briefValuePath', 'briefComment,briefComma'],
      \ 'codes': ['', 'briefBadValue,briefDiagCode,briefComma,briefComment'],
      \ }

" A field of kind KIND: its key (with the colon) and its value, continuation
" lines included.  Enumerations get a group of their own.
function! s:Field(kind, key, type) abort
  let group = 'briefV_' . a:kind . '_' . substitute(a:key, '-', '_', 'g')
  if type(a:type) == v:t_list
    let enum = group . '_enum'
    exe 'syn match ' . enum . ' /\%(:\s*\)\@<=\%(' . join(a:type, '\|') . '\)' . s:eol . '/ contained'
    exe 'hi def link ' . enum . ' briefEnum'
    let [link, contains] = ['', 'briefBadValue,' . enum . ',briefComment']
  else
    let [link, contains] = s:types[a:type]
  endif
  exe 'syn region ' . group . ' matchgroup=briefKey start=/^' . a:key . ':\%(\s\|$\)\@=/ end=/' . s:value_end . '/ contained contains=' . contains
  if link !=# ''
    exe 'hi def link ' . group . ' ' . link
  endif
  return group
endfunction

" A front-matter line that is no field (defined before the fields, so that
" a field line is that field).
syn match briefFrontMatterBad /^\%(\s*<!--\)\@!.\+$/ contained

" A key the kind does not have: an unknown-field error.
exe 'syn region briefUnknownField matchgroup=briefUnknownKey start=/^' . s:key . ':\%(\s\|$\)\@=/ end=/' . s:value_end . '/ contained contains=briefComment'
exe 'syn region briefAnyField matchgroup=briefKey start=/^' . s:key . ':\%(\s\|$\)\@=/ end=/' . s:value_end . '/ contained contains=briefComment'

" Front matter: the first line is ---; a blank line, a heading or an opener
" before the closing --- means the closer is missing.
let s:fm = []
for [s:k, s:t] in [['title', 'inline'], ['subtitle', 'inline'], ['organization', 'text'],
      \ ['authors', 'names'], ['date', 'date'], ['updated', 'date'],
      \ ['status', ['draft', 'final']], ['lang', 'lang'], ['limit-words', 'integer'],
      \ ['series', 'text'], ['number', 'text'], ['version', 'text'],
      \ ['paper', ['a4', 'letter']], ['toc', ['auto', 'yes', 'no']], ['logo', 'path'],
      \ ['allow', 'codes'], ['library', 'path']]
  call add(s:fm, s:Field('fm', s:k, s:t))
endfor
exe 'syn region briefFrontMatter matchgroup=briefFrontMatterDelim start=/\%^---\s*$/ end=/^---\s*$/ end=/^\ze\%(\s*$\|#\|:::\)/ contains=briefFrontMatterBad,briefUnknownField,briefComment,' . join(s:fm, ',')

" Blocks: ::: KIND [ID], a field region up to the first line that is no
" field, the body, and the closer.  The next opener or a heading also ends
" a block, as in briefc, so one missing ::: does not colour the rest.
let s:level = ['high', 'medium', 'low']
let s:kinds = [
      \ ['finding', 1, [['claim', 'inline'], ['evidence', 'ids'], ['confidence', s:level]]],
      \ ['recommendation', 1, [['action', 'inline'], ['area', 'ids'], ['addresses', 'ids'],
      \   ['actor', 'text'], ['priority', s:level], ['horizon', 'text']]],
      \ ['evidence', 1, [['title', 'inline'], ['url', 'url'], ['publisher', 'text'],
      \   ['authors', 'names'], ['date', 'date'], ['accessed', 'date'],
      \   ['type', ['report', 'law', 'treaty', 'statement', 'dataset', 'article', 'other']]]],
      \ ['table', 1, [['caption', 'inline'], ['source', 'ids'], ['note', 'inline']]],
      \ ['figure', 1, [['src', 'path'], ['alt', 'text'], ['caption', 'inline'],
      \   ['source', 'ids'], ['width', 'integer']]],
      \ ['box', 1, [['title', 'inline'], ['type', ['note', 'key-points', 'sidebar', 'disclaimer']]]],
      \ ['recommendations', 0, [['area', 'ids']]],
      \ ['findings', 0, []], ['sources', 0, []], ['glossary', 0, []], ['map', 0, []],
      \ ['acronyms', 0, []], ['areas', 0, []],
      \ ]
let s:end = 'end=/^:::\s*$/ end=/^\ze\%(:::\s*\S\|#\+\%(\s\|$\)\)/'

syn match briefKind /\%(^:::\s*\)\@<=\a\+/ contained
exe 'syn match briefBlockId /\%(^:::\s*\a\+\s\+\)\@<=' . s:id . '/ contained'
exe 'syn match briefTrailing /\%(^:::\s*\a\+\s\+' . s:id . '\s*\)\@<=\%(<!--\)\@!\S.*$/ contained contains=briefComment'
syn match briefTrailingNoId /\%(^:::\s*\a\+\s\+\)\@<=\%(<!--\)\@!\S.*$/ contained contains=briefComment

" An unknown kind is still a block, so that the rest of the file reads right.
syn match briefUnknownKind /\%(^:::\s*\)\@<=\S\+/ contained
syn match briefOpener_unknown /\%(^:::\)\@3<=.*$/ contained contains=briefUnknownKind,briefComment nextgroup=briefFields_unknown skipnl
exe 'syn region briefFields_unknown start=/^\%(' . s:field . '\|\s*<!--\)\@=/ end=/^\%(' . s:field . '\|\s\+\S\|\s*<!--\)\@!/ contained contains=briefComment,briefAnyField'
exe 'syn region briefBlock_unknown matchgroup=briefBlockDelim start=/^:::\ze\s*\S/ ' . s:end . ' contains=briefOpener_unknown,@briefBody fold'

" Tables: a header row (the row above the delimiter row), the delimiter
" row, then rows; \| is a literal pipe.
syn match briefTableSep /|/ contained
syn match briefTableDelimRow /^\s*|\=\s*:\=-\+:\=\s*\%(|\s*:\=-\+:\=\s*\)*|\=\s*$/ contained contains=briefTableSep
syn match briefTableHeader /^.*|.*\ze\n\s*|\=\s*:\=-\+:\=\s*\%(|\|$\)/ contained contains=briefTableSep,@briefInline
syn cluster briefTable contains=briefTableSep,briefTableDelimRow,briefTableHeader,@briefInline

syn match briefBadEntry /^\%(\s*<!--\)\@!\s*\S.*$/ contained
for [s:kind, s:hasid, s:fields] in s:kinds
  let s:own = map(copy(s:fields), 's:Field(s:kind, v:val[0], v:val[1])')
  let s:opener = 'briefOpener_' . s:kind
  exe 'syn match ' . s:opener . ' /\%(^:::\)\@3<=.*$/ contained contains=briefKind,briefComment,'
        \ . (s:hasid ? 'briefBlockId,briefTrailing' : 'briefTrailingNoId')
        \ . (s:kind =~# '^\%(acronyms\|areas\)$' ? '' : ' nextgroup=briefFields_' . s:kind . ' skipnl')
  exe 'syn region briefFields_' . s:kind . ' start=/^\%(' . s:field . '\|\s*<!--\)\@=/ end=/^\%(' . s:field . '\|\s\+\S\|\s*<!--\)\@!/ contained contains=briefComment,briefUnknownField' . (empty(s:own) ? '' : ',' . join(s:own, ','))
  if s:kind ==# 'acronyms' || s:kind ==# 'areas'
    " Every line is an entry KEY: value; anything else is an error.
    let s:entry = s:kind ==# 'acronyms' ? 'briefAcronym' : 'briefAreaId'
    exe 'syn region ' . s:entry . 'Entry matchgroup=' . s:entry . ' start=/^' . s:key . '\ze:\%(\s\|$\)/ end=/' . s:value_end . '/ contained contains=briefComment'
    let s:body = 'briefBadEntry,briefComment,' . s:entry . 'Entry'
  else
    let s:body = s:kind ==# 'table' ? '@briefTable' : '@briefBody'
  endif
  exe 'syn region briefBlock_' . s:kind . ' matchgroup=briefBlockDelim start=/^:::\ze\s*' . s:kind . '\%(\s\|$\)/ ' . s:end . ' contains=' . s:opener . ',' . s:body . ' fold'
endfor

" ::: include PATH stands alone (no closer); a closer with nothing open is
" an error.
syn match briefInclude /^:::\s*include\%(\s.*\)\=$/ contains=briefIncludeKeyword,briefIncludePath
syn match briefIncludeKeyword /\%(^:::\s*\)\@<=include/ contained
syn match briefIncludePath /\%(^:::\s*include\s\+\)\@<=\S.\{-}\ze\s*$/ contained contains=briefComment
syn match briefStrayCloser /^:::\s*$/

hi def briefEmphasis term=italic cterm=italic gui=italic
hi def briefStrong term=bold cterm=bold gui=bold
hi def link briefEmphasisDelim briefEmphasis
hi def link briefStrongDelim briefStrong
hi def link briefComment Comment
hi def link briefEscape SpecialChar
hi def link briefCode String
hi def link briefLinkText Underlined
hi def link briefLinkUrl Underlined
hi def link briefLinkDelim Delimiter
hi def link briefEmptyLink Error
hi def link briefReference Special
hi def link briefRefId Identifier
hi def link briefLocator String
hi def link briefBadReference Error
hi def link briefFootnoteRef Special
hi def link briefFootnoteLabel Identifier
hi def link briefFootnoteDef Special
hi def link briefFootnoteDefLabel Label
hi def link briefPlaceholder Todo
hi def link briefUnsupported WarningMsg
hi def link briefListMarker Statement
hi def link briefQuoteMarker Delimiter
hi def link briefHeading1 Title
hi def link briefHeading2 Title
hi def link briefHeading3 Title
hi def link briefHeadingDelim Delimiter
hi def link briefHeadingId Label
hi def link briefHeadingTooDeep Error
hi def link briefFrontMatterDelim PreProc
hi def link briefFrontMatterBad Error
hi def link briefKey Identifier
hi def link briefUnknownKey Error
hi def link briefBadValue Error
hi def link briefQuoted WarningMsg
hi def link briefValueText String
hi def link briefValueUrl Underlined
hi def link briefValuePath String
hi def link briefDate Number
hi def link briefInteger Number
hi def link briefEnum Constant
hi def link briefLangTag Constant
hi def link briefDiagCode Constant
hi def link briefIdRef Identifier
hi def link briefComma Delimiter
hi def link briefNameSep Delimiter
hi def link briefBlockDelim PreProc
hi def link briefKind Statement
hi def link briefBlockId Label
hi def link briefTrailing Error
hi def link briefTrailingNoId Error
hi def link briefUnknownKind Error
hi def link briefStrayCloser Error
hi def link briefTableSep Delimiter
hi def link briefTableDelimRow Delimiter
hi def link briefTableHeader Title
hi def link briefAcronym Constant
hi def link briefAcronymEntry String
hi def link briefAreaId Label
hi def link briefAreaIdEntry String
hi def link briefBadEntry Error
hi def link briefInclude PreProc
hi def link briefIncludeKeyword Include
hi def link briefIncludePath String

let b:current_syntax = 'brief'
let &cpo = s:cpo_save
unlet s:cpo_save
