" Vim and Neovim: .brief files are Brief, the briefc policy-brief language.
autocmd BufRead,BufNewFile *.brief setfiletype brief
