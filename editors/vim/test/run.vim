" The tests of the Vim files, run headless:
"   vim -Es -u NONE -N -i NONE -S editors/vim/test/run.vim
" prints one line per failure and a count, and exits non-zero on a failure.
"
" Each *.brief here is a Brief source interleaved with assertion lines, as
" vscode-tmgrammar-test writes them, naming Vim syntax groups:
"   claim: text [@ref]
"   <!--           ^^^ briefRefId
"   <!-- <----- briefKey - briefUnknownKey
" "^" marks columns of the line above, "<~~--" the first ones (each ~ skips
" one); the names before " - " must all be in the syntax stack of every
" marked column, those after it in none.  The first line is a header.
let s:dir = expand('<sfile>:p:h')
let &runtimepath = fnamemodify(s:dir, ':h') . ',' . &runtimepath
let s:out = empty($BRIEF_VIM_OUT) ? '/dev/stdout' : $BRIEF_VIM_OUT
let s:failures = []
let s:passed = 0

function! s:Check(ok, what) abort
  if a:ok
    let s:passed += 1
  else
    call add(s:failures, a:what)
  endif
endfunction

" ftdetect and ftplugin: a new .brief file is Brief, with Brief's comments
" and ::: blocks folded.
filetype plugin on
syntax on
exe 'edit ' . fnameescape(tempname() . '.brief')
call s:Check(&filetype ==# 'brief', 'ftdetect: a .brief file has filetype "' . &filetype . '"')
call s:Check(&commentstring ==# '<!-- %s -->', 'ftplugin: commentstring is "' . &commentstring . '"')
call setline(1, ['::: finding a', 'claim: x', ':::', '::: include b.brief', 'text'])
call s:Check(map(range(1, 5), 'BriefFold(v:val)') == ['>1', '=', '<1', '=', '='],
      \ 'ftplugin: folds ' . string(map(range(1, 5), 'BriefFold(v:val)')))
call s:Check(exists('b:current_syntax') && b:current_syntax ==# 'brief', 'syntax/brief.vim was not loaded')
bwipeout!

" The column (1-based, in bytes) of the character at index IDX of LINE.
function! s:Col(line, idx) abort
  let b = byteidx(a:line, a:idx)
  return b < 0 ? len(a:line) + 1 : b + 1
endfunction

" NAME and the highlight groups it links to: the value of a field is a
" group per kind and key, linked to the type's group (briefValueText, ...).
function! s:Links(name) abort
  let names = [a:name]
  while len(names) < 5
    let link = matchstr(execute('highlight ' . names[-1]), 'links to \zs\w\+')
    if link ==# '' || link !~# '^brief'
      break
    endif
    call add(names, link)
  endwhile
  return names
endfunction

function! s:RunFile(file) abort
  let name = fnamemodify(a:file, ':t')
  let source = []
  let asserts = []
  let lines = readfile(a:file)
  for i in range(1, len(lines) - 1)
    let l = lines[i]
    let up = matchlist(l, '^<!--\( *\)\(\^\+\)\s\+\(.*\)$')
    let left = matchlist(l, '^<!--\s*<\(\~*\)\(-\+\)\s\+\(.*\)$')
    if !empty(up)
      let from = 4 + len(up[1])
      let [to, spec] = [from + len(up[2]), up[3]]
    elseif !empty(left)
      let from = len(left[1])
      let [to, spec] = [from + len(left[2]), left[3]]
    else
      call add(source, l)
      continue
    endif
    let parts = split(spec, '\s\+-\s\+\|^-\s\+', 1)
    call add(asserts, {'line': len(source), 'test': i + 1, 'from': from, 'to': to,
          \ 'want': split(parts[0]), 'not': len(parts) > 1 ? split(parts[1]) : []})
  endfor
  enew
  setlocal buftype=nofile
  call setline(1, source)
  setfiletype brief
  for a in asserts
    let text = source[a.line - 1]
    for idx in range(a.from, a.to - 1)
      let col = s:Col(text, idx)
      let names = []
      for id in synstack(a.line, col)
        let names += s:Links(synIDattr(id, 'name'))
      endfor
      let missing = filter(copy(a.want), 'index(names, v:val) < 0')
      let unwanted = filter(copy(a.not), 'index(names, v:val) >= 0')
      call s:Check(empty(missing) && empty(unwanted), printf('%s:%d: line %d column %d: %s%s; stack: %s',
            \ name, a.test, a.line, col,
            \ empty(missing) ? '' : 'missing ' . join(missing) . ' ',
            \ empty(unwanted) ? '' : 'unwanted ' . join(unwanted),
            \ empty(names) ? '(none)' : join(names)))
    endfor
  endfor
  bwipeout!
endfunction

for s:file in glob(s:dir . '/*.brief', 0, 1)
  call s:RunFile(s:file)
endfor

call writefile(s:failures[:29] + [printf('vim syntax: %d passed, %d failed', s:passed, len(s:failures))], s:out, 'a')
if empty(s:failures)
  qall!
endif
cquit!
