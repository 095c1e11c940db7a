#!/bin/sh
# Install the Debian packages named as arguments that are missing.
# As root this runs apt-get; otherwise it prints the exact command to run.
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	echo "briefc: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-get install -y -q --no-install-recommends $missing >/dev/null; then
		apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $missing >/dev/null || {
			echo "briefc: apt-get install$missing failed" >&2; exit 1; }
	fi
	exit 0
fi
echo "briefc: missing packages:$missing" >&2
echo "install them with:  sudo apt-get install$missing" >&2
exit 1
