#!/bin/sh
# The language server (docs/lsp.md) through its protocol: a scripted
# client in Python's standard library (tests/lsp/lsp_test.py) starts
# `briefc lsp` for each test, under $BRIEFC_WRAP when set (valgrind in
# make leakcheck), and speaks to it as an editor would, and as a broken
# or vanishing one would.
: "${BRIEFC:=$PWD/build/briefc}"
command -v python3 >/dev/null 2>&1 || sh tools/ensure-packages.sh python3 || exit 1
export BRIEFC_WRAP
exec python3 tests/lsp/lsp_test.py "$BRIEFC"
