#!/bin/sh
# screenshot.sh BRIEFC [BRIEF...]: render the HTML of each brief (default:
# the US-ROK example, the nickel one for version 2's tables, figures,
# notes and boxes, and the grid-resilience one for its evidence map) in
# headless Chromium to a PNG, and its Word document
# through LibreOffice, so the look can be reviewed.  Writes
# screenshot/NAME.html, NAME.png (the whole page), NAME-print.pdf (the
# print stylesheet), NAME.docx, NAME-docx.pdf and NAME-docx-N.png (its
# pages) in BRIEFC's folder, and, when the playground is built beside
# BRIEFC (make playground), playground.png and playground-draft.png: the
# playground page.  Installs chromium, LibreOffice and poppler with apt-get
# when run as root and they are missing.
set -e
briefc=${1:?usage: screenshot.sh BRIEFC [BRIEF...]}
shift
[ $# -gt 0 ] || set -- examples/us-rok-partnership.brief examples/nickel-supply.brief \
	examples/grid-resilience.brief
out=${SCREENSHOT_DIR:-$(dirname "$briefc")/screenshot}
mkdir -p "$out"

chrome=
for c in chromium chromium-browser google-chrome; do
	command -v "$c" >/dev/null 2>&1 && { chrome=$c; break; }
done
if [ -z "$chrome" ]; then
	sh tools/ensure-packages.sh chromium
	chrome=chromium
fi
command -v soffice >/dev/null 2>&1 || sh tools/ensure-packages.sh libreoffice-writer-nogui
command -v pdftoppm >/dev/null 2>&1 || sh tools/ensure-packages.sh poppler-utils

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
	--disable-background-networking --disable-component-update --disable-sync
	--hide-scrollbars --user-data-dir=$profile"
for brief in "$@"; do
	name=$(basename "$brief" .brief)
	"$briefc" build -t html -o "$out/$name.html" "$brief"
	page=file://$(cd "$out" && pwd)/$name.html
	# a tall window: the whole brief in one picture
	# shellcheck disable=SC2086
	"$chrome" $flags --window-size=1100,6000 --screenshot="$out/$name.png" "$page" 2>/dev/null
	# shellcheck disable=SC2086
	"$chrome" $flags --no-pdf-header-footer --print-to-pdf="$out/$name-print.pdf" "$page" 2>/dev/null
	echo "screenshot: $out/$name.png, $out/$name-print.pdf"

	# Word, as LibreOffice lays it out: the first pages as PNG
	"$briefc" build -t docx -o "$out/$name.docx" "$brief"
	lo=$(mktemp -d)
	HOME=$profile soffice --headless --convert-to pdf --outdir "$lo" "$out/$name.docx" >/dev/null 2>&1
	mv "$lo/$name.pdf" "$out/$name-docx.pdf"
	rmdir "$lo"
	rm -f "$out/$name"-docx-*.png
	pdftoppm -r 70 -png -f 1 -l 4 "$out/$name-docx.pdf" "$out/$name-docx"
	echo "screenshot: $out/$name.docx as $out/$name-docx.pdf and $out/$name-docx-*.png"
done
if [ -f "$(dirname "$briefc")/playground/index.html" ]; then
	node playground/test/screenshot.mjs "$(dirname "$briefc")/playground" "$out"
fi
