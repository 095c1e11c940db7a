#!/bin/sh
# ensure-packages.sh PACKAGE...: make sure what the named Debian packages
# provide is here, installing only what is really missing.
#
# Each package is probed for what it provides (a command, a header, a TeX
# file), not asked of dpkg: a Fedora or macOS machine, or tools built by
# hand, pass as they are.  A package with no probe here is asked of
# dpkg-query when there is one, and taken as present when there is none
# (the build or test that needs it then says what is wrong).  What is
# missing is installed with apt-get as root; otherwise the script names
# it, with the apt-get line where apt-get exists, and fails.
CC=${CC:-cc}

# dash's command -v fails with 127, not 1, for a missing command.
have() { command -v "$1" >/dev/null 2>&1 || return 1; }
tex() { have kpsewhich && [ -n "$(kpsewhich "$1" 2>/dev/null)" ]; }
# Whether the C compiler finds header $1 (after the headers $2 needs).
header() {
	printf '%b#include <%s>\n' "$2" "$1" | $CC $3 -E -x c - >/dev/null 2>&1
}
cmocka() {
	header cmocka.h '#include <stdarg.h>\n#include <stddef.h>\n#include <stdint.h>\n#include <setjmp.h>\n' \
		"$(pkg-config --cflags cmocka 2>/dev/null)"
}

# Whether what package $1 provides is here (0), is not (1), or cannot be
# told (2).
probe() {
	case $1 in
	flex | bison | cmark | cmark-gfm | pandoc | tidy | valgrind | hyperfine | jq | clang | \
	nodejs | npm | chromium | unzip | vim)
		c=$1
		[ "$c" = nodejs ] && c=node
		have "$c" ;;
	libcmocka-dev) cmocka ;;
	zlib1g-dev) header zlib.h ;;
	libjansson-dev) header jansson.h ;;
	python3) have python3 ;;
	man-db) have man ;;
	groff-base) have groff ;;
	graphviz) have dot ;;
	libxml2-utils) have xmllint ;;
	libreoffice-writer-nogui) have soffice || have libreoffice ;;
	poppler-utils) have pdftoppm && have pdftotext ;;
	texlive-latex-base) have pdflatex ;;
	texlive-luatex) have lualatex ;;
	texlive-latex-recommended) tex xcolor.sty ;;
	texlive-fonts-recommended) tex pagd7t.tfm ;;
	lmodern) tex lmodern.sty ;;
	time) [ -x /usr/bin/time ] ;;
	*)
		have dpkg-query || return 2
		dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' ;;
	esac
}

missing=""
for p in "$@"; do
	probe "$p"
	r=$?
	[ $r -ne 0 ] && [ $r -ne 2 ] && missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && have apt-get; then
	echo "briefc: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-get install -y -q --no-install-recommends $missing >/dev/null; then
		apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $missing >/dev/null || {
			echo "briefc: apt-get install$missing failed" >&2; exit 1; }
	fi
	exit 0
fi
echo "briefc: missing:$missing" >&2
if have apt-get; then
	echo "install them with:  sudo apt-get install$missing" >&2
else
	echo "(Debian package names: install their equivalents with your system's package manager)" >&2
fi
exit 1
