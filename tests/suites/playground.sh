#!/bin/sh
# The playground (docs/playground.md), built by `make playground`:
#
#   parity   $BUILD/playground/briefc.wasm, run under node:wasi and under
#            the page's own WASI code, gives the native briefc's stdout,
#            stderr and exit status byte for byte on every example, golden
#            case and backend brief (playground/test/parity.mjs)
#   browser  the page in headless Chromium: an example with no fragment,
#            a draft's diagnostics and a clean brief's preview through
#            #src=, typing, sharing, and hostile briefs that must run no
#            code in the page or the preview (playground/test/browser.mjs)
: "${BUILD:=build}" "${BRIEFC:=$PWD/build/briefc}"
pg=$BUILD/playground
if [ ! -f "$pg/briefc.wasm" ] || [ ! -f "$pg/index.html" ] || [ ! -d playground/node_modules ]; then
	echo "playground: $pg is not built: run make playground"
	echo "playground: 0 passed, 1 failed"
	exit 1
fi
command -v chromium >/dev/null 2>&1 || [ -n "$CHROMIUM" ] || sh tools/ensure-packages.sh chromium >/dev/null
status=0
# node:wasi's fast API calls can let the garbage collector run inside a
# call and crash node (Node issue 46777, still in Node 20 and 22): off.
node --no-warnings --no-turbo-fast-api-calls playground/test/parity.mjs "$pg/briefc.wasm" "$BRIEFC" ||
	status=1
node playground/test/browser.mjs "$pg" "$BRIEFC" || status=1
exit $status
