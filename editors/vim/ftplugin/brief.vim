" Vim filetype plugin for Brief (briefc policy briefs).
" Comments are <!-- -->; ::: blocks fold (set g:brief_fold = 0 to keep
" folding as it is).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=<!--\ %s\ -->
setlocal comments=s:<!--,e:-->,fb:-,fb:*,n:>
" Words are IDs too (dprk-advances, oecd:2023), for * and completion.
setlocal iskeyword=@,48-57,_,-
setlocal formatoptions-=t formatoptions+=croqnl
let b:undo_ftplugin = 'setlocal commentstring< comments< iskeyword< formatoptions<'

if get(g:, 'brief_fold', 1)
  setlocal foldmethod=expr foldexpr=BriefFold(v:lnum)
  let b:undo_ftplugin .= ' foldmethod< foldexpr<'
endif

if exists('*BriefFold')
  finish
endif

" A ::: block (not ::: include, which has no closer) is one fold.
function! BriefFold(lnum) abort
  let line = getline(a:lnum)
  if line =~# '^:::\s*$'
    return '<1'
  elseif line =~# '^:::\s*\S' && line !~# '^:::\s*include\%(\s\|$\)'
    return '>1'
  endif
  return '='
endfunction
