#!/bin/sh
# bench/run.sh BRIEFC - time briefc against cmark and pandoc; print one table.
#
# Generates briefs of 1, 8 and 64 MB and the equivalent Markdown
# (bench/gen.c, built into the build folder next to BRIEFC), and at 8 MB
# two more make-ups: table- and note-heavy ("floats") and reference-dense
# ("refs": a citation in most sentences, every block with all its
# fields), then measures
# each program's wall time (hyperfine, median of several runs) and peak
# resident memory (GNU time), and the US-ROK example end to end, to PDF
# too, in English (pdflatex) and in Korean (lualatex).  A format briefc
# cannot build yet shows as n/a.  See docs/performance.md.
#
#   BENCH_SIZES="1 8"   the sizes in MB (default "1 8 64")
#   BENCH_QUICK=1       fewer runs (a rough table in about a minute)
set -u
BRIEFC=${1:-build/briefc}
case $BRIEFC in /*) ;; *) BRIEFC=$PWD/$BRIEFC ;; esac
[ -x "$BRIEFC" ] || { echo "bench: no briefc at $BRIEFC (run make first)" >&2; exit 2; }
OUT=$(dirname "$BRIEFC")/bench
SIZES=${BENCH_SIZES:-1 8 64}
SMALL=examples/us-rok-partnership.brief
SMALL_CJK=examples/us-rok-partnership-ko.brief
mkdir -p "$OUT" || exit 2

sh tools/ensure-packages.sh cmark pandoc hyperfine time ||
	echo "bench: going on without the missing programs (their rows show n/a)" >&2
command -v hyperfine >/dev/null || { echo "bench: hyperfine is required" >&2; exit 2; }
GNUTIME=/usr/bin/time
[ -x $GNUTIME ] || GNUTIME=

if [ ! -x "$OUT/gen" ] || [ bench/gen.c -nt "$OUT/gen" ]; then
	${CC:-cc} -std=c17 -O2 -o "$OUT/gen" bench/gen.c || exit 2
fi
KINDS=
case " $SIZES " in *" 8 "*) KINDS="8-floats 8-refs" ;; esac
for s in $SIZES $KINDS; do
	if [ ! -s "$OUT/$s.brief" ] || [ "$OUT/gen" -nt "$OUT/$s.brief" ]; then
		echo "bench: generating $s MB" >&2
		case $s in
		*-*) "$OUT/gen" -k "${s#*-}" "${s%%-*}M" "$OUT/$s.brief" "$OUT/$s.md" || exit 2 ;;
		*) "$OUT/gen" "${s}M" "$OUT/$s.brief" "$OUT/$s.md" || exit 2 ;;
		esac
	fi
done

RES=$OUT/results.tsv
: >"$RES"
CSV=$OUT/hyperfine.csv

# lsp_measure SIZE FILE RUNS [CHAPTER]: the language server's re-check
# latency, one row of $RES (median, stddev; no CPU or memory columns).
# Not hyperfine: one server answers many changes (bench/lsp_latency.py;
# CHAPTER: typed into, FILE a brief of several files).
lsp_measure() {
	size=$1 file=$2 runs=$3 chapter=${4:-}
	if [ -n "${BENCH_QUICK:-}" ]; then runs=$(( (runs + 2) / 3 )); fi
	printf 'bench: %-6s %-14s' "$size" lsp >&2
	if command -v python3 >/dev/null 2>&1 &&
		r=$(python3 bench/lsp_latency.py "$BRIEFC" "$file" "$runs" $chapter 2>/dev/null); then
		set -- $r
		printf '%s\tlsp\t%s\t%s\t-\t-\t-\n' "$size" "$1" "$2" >>"$RES"
		awk -v m="$1" 'BEGIN { printf " %8.1f ms\n", m * 1000 }' >&2
	else
		echo " n/a" >&2
		printf '%s\tlsp\t-\t-\t-\t-\t-\n' "$size" >>"$RES"
	fi
}

# measure SIZE NAME RUNS WARMUP COMMAND...: one row of $RES
# (size, name, median s, stddev s, mean user s, mean system s, peak KB).
# The median, not the mean: on a shared machine a run that waited for the
# CPU says nothing about the program.
measure() {
	size=$1 name=$2 runs=$3 warm=$4
	shift 4
	if [ -n "${BENCH_QUICK:-}" ]; then runs=$(( (runs + 2) / 3 )); warm=0; fi
	printf 'bench: %-6s %-14s' "$size" "$name" >&2
	# hyperfine fails on a non-zero exit status: that row is n/a.
	command -v "$1" >/dev/null 2>&1 &&
	hyperfine -N --style none --runs "$runs" --warmup "$warm" \
		--export-csv "$CSV" -- "$*" >/dev/null 2>&1 || {
		echo " n/a" >&2
		printf '%s\t%s\t-\t-\t-\t-\t-\n' "$size" "$name" >>"$RES"
		return
	}
	peak=-
	if [ -n "$GNUTIME" ] && $GNUTIME -f %M -o "$OUT/mem" "$@" >/dev/null 2>&1; then
		peak=$(tail -1 "$OUT/mem")
	fi
	awk -F, -v s="$size" -v n="$name" -v p="$peak" \
		'NR == 2 { printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s, n, $4, $3, $5, $6, p }' \
		"$CSV" >>"$RES"
	awk -F'\t' 'END { printf " %8.1f ms\n", $3 * 1000 }' "$RES" >&2
}

for s in $SIZES; do
	case $s in
	1) runs=30 warm=3 ;;
	8) runs=15 warm=2 ;;
	*) runs=5 warm=1 ;;
	esac
	b=$OUT/$s.brief m=$OUT/$s.md
	measure "$s" check "$runs" "$warm" "$BRIEFC" check "$b"
	for t in html latex md json; do
		measure "$s" "$t" "$runs" "$warm" "$BRIEFC" build -t $t "$b"
	done
	measure "$s" cmark-html "$runs" "$warm" cmark "$m"
	measure "$s" cmark-latex "$runs" "$warm" cmark -t latex "$m"
	measure "$s" cmark-md "$runs" "$warm" cmark -t commonmark "$m"
	[ "$s" = 1 ] && measure "$s" pandoc-html 3 0 pandoc -f markdown -t html "$m"
	[ "$s" = 1 ] && lsp_measure "$s" "$b" 30
done
for s in $KINDS; do
	b=$OUT/$s.brief m=$OUT/$s.md
	measure "$s" check 15 2 "$BRIEFC" check "$b"
	measure "$s" html 15 2 "$BRIEFC" build -t html "$b"
	measure "$s" cmark-html 15 2 cmark "$m"
done
if [ -f "$SMALL" ]; then
	measure small check 300 20 "$BRIEFC" check "$SMALL"
	measure small html 300 20 "$BRIEFC" build -t html "$SMALL"
	lsp_measure small "$SMALL" 300
fi
# a brief of three files and two libraries, typed into in a chapter
MULTI=examples/critical-minerals/report.brief
[ -f "$MULTI" ] && lsp_measure multi "$MULTI" 300 examples/critical-minerals/chapters/refining.brief
# Time to PDF, the way an author rebuilds: the warm-up runs fill the cache
# (the TeX format, the .aux, luaotfload's fonts), the timed ones use it.
# The cache is the bench's own, so that the first run is as cold as a
# fresh machine's, apart from luaotfload's font cache.
export XDG_CACHE_HOME="$OUT/cache"
rm -rf "$XDG_CACHE_HOME"
if [ -f "$SMALL" ]; then
	measure small pdf 20 2 "$BRIEFC" build -t pdf -o "$OUT/small.pdf" "$SMALL"
fi
if [ -f "$SMALL_CJK" ]; then
	measure small-cjk pdf 10 2 "$BRIEFC" build -t pdf -o "$OUT/small-cjk.pdf" "$SMALL_CJK"
fi

# The table, then the targets of docs/performance.md, from $RES.
bytes() { [ -f "$1" ] && wc -c <"$1" | tr -d ' '; }
echo
echo "briefc $("$BRIEFC" --version 2>/dev/null | head -1 | sed 's/^briefc //')" \
	"on $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
awk -F'\t' -v small_bytes="$(bytes "$SMALL")" -v cjk_bytes="$(bytes "$SMALL_CJK")" \
	-v big="$(bytes "$OUT/64.brief")" '
function ms(v) { return v == "-" ? "n/a" : sprintf("%.1f", v * 1000) }
function mb(v) { return v == "-" ? "n/a" : sprintf("%.1f", v / 1024) }
function ratio(a, b) { return (a == "-" || b == "-" || b == 0) ? "-" : a / b }
function show(r, f) { return r == "-" ? "n/a" : sprintf(f, r) }
{
	k = $1 SUBSEP $2
	mean[k] = $3; sd[k] = $4; user[k] = $5; sys[k] = $6; peak[k] = $7
	if (!(($1) in seen)) { seen[$1] = 1; sizes[++nsizes] = $1 }
	if (!(($2) in named)) { named[$2] = 1; names[++nnames] = $2 }
}
END {
	ref["check"] = "cmark-html"; ref["html"] = "cmark-html"
	ref["latex"] = "cmark-latex"; ref["md"] = "cmark-md"
	label["check"] = "briefc check"; label["html"] = "briefc build -t html"
	label["latex"] = "briefc build -t latex"; label["md"] = "briefc build -t md"
	label["json"] = "briefc build -t json"
	label["cmark-html"] = "cmark (HTML)"; label["cmark-latex"] = "cmark -t latex"
	label["cmark-md"] = "cmark -t commonmark"; label["pandoc-html"] = "pandoc (HTML)"
	label["lsp"] = "briefc lsp: change to answer"
	print ""
	print "| input | program | wall ms | ± ms | peak MB | vs cmark | time / time(1 MB) |"
	print "|---|---|--:|--:|--:|--:|--:|"
	for (i = 1; i <= nsizes; i++) {
		s = sizes[i]
		if (s ~ /^small/ || s == "multi") continue
		shown = s ~ /-/ ? substr(s, 1, index(s, "-") - 1) " MB " substr(s, index(s, "-") + 1) : s " MB"
		for (j = 1; j <= nnames; j++) {
			n = names[j]; k = s SUBSEP n
			if (!(k in mean)) continue
			vs = ""
			if (n in ref) vs = show(ratio(mean[k], mean[s, ref[n]]), "%.2f×")
			if (n == "pandoc-html")
				vs = "pandoc/briefc " show(ratio(mean[k], mean[s, "html"]), "%.0f×")
			sc = s ~ /-/ ? "" : show(ratio(mean[k], mean[1, n]), "%.2f")
			printf "| %s | %s | %s | %s | %s | %s | %s |\n", shown, label[n],
				ms(mean[k]), ms(sd[k]), mb(peak[k]), vs, sc
		}
	}
	label["pdf"] = "briefc build -t pdf"
	for (j = 1; j <= nnames; j++) {
		n = names[j]; k = "small" SUBSEP n
		if (!(k in mean)) continue
		cpu = mean[k] == "-" || user[k] == "-" ? "-" : user[k] + sys[k]
		printf "| US-ROK (%.1f KB) | %s | %s | %s | %s | CPU %s | |\n",
			small_bytes / 1024, label[n], ms(mean[k]), ms(sd[k]), mb(peak[k]),
			cpu == "-" ? "n/a" : sprintf("%.2f ms", cpu * 1000)
	}
	k = "small-cjk" SUBSEP "pdf"
	if (k in mean)
		printf "| US-ROK in Korean (%.1f KB) | %s | %s | %s | %s | CPU %s | |\n",
			cjk_bytes / 1024, label["pdf"], ms(mean[k]), ms(sd[k]), mb(peak[k]),
			mean[k] == "-" ? "n/a" : sprintf("%.0f ms", (user[k] + sys[k]) * 1000)
	k = "multi" SUBSEP "lsp"
	if (k in mean)
		printf "| critical-minerals (3 files, 2 libraries) | %s, typing in a chapter | %s | %s | n/a | | |\n",
			label["lsp"], ms(mean[k]), ms(sd[k])

	# The targets of issue 7, each with its measured value.
	print ""
	print "targets:"
	r = ratio(mean[8, "html"], mean[8, "cmark-html"])
	verdict("html at 8 MB ≤ 1.0 × cmark", show(r, "%.2f×"), r, 1.0, 1)
	r = ratio(mean[8, "check"], mean[8, "cmark-html"])
	verdict("check at 8 MB ≤ 0.5 × cmark", show(r, "%.2f×"), r, 0.5, 1)
	split("floats refs", kinds, " ")
	for (q = 1; q <= 2; q++) {
		s = "8-" kinds[q]
		r = ratio(mean[s, "html"], mean[s, "cmark-html"])
		verdict("html at 8 MB " kinds[q] " ≤ 1.0 × cmark", show(r, "%.2f×"), r, 1.0, 1)
		r = ratio(mean[s, "check"], mean[s, "cmark-html"])
		verdict("check at 8 MB " kinds[q] " ≤ 0.5 × cmark", show(r, "%.2f×"), r, 0.5, 1)
	}
	r = ratio(mean[1, "pandoc-html"], mean[1, "html"])
	verdict("pandoc/briefc html at 1 MB ≥ 100", show(r, "%.0f×"), r, 100, 0)
	worst = "-"
	for (j = 1; j <= nnames; j++) {
		n = names[j]
		if (n !~ /^(check|html|latex|md|json)$/ || peak[64, n] == "-" || peak[64, n] == "") continue
		if (worst == "-" || peak[64, n] > worst) worst = peak[64, n]
	}
	limit = big == "" ? "-" : (4 * big + 8 * 1048576) / 1024
	verdict("peak memory at 64 MB ≤ 4 × input + 8 MB",
		worst == "-" ? "n/a" : sprintf("%.0f MB (limit %.0f MB)", worst / 1024, limit / 1024),
		ratio(worst, limit), 1, 1)
	worst = "-"; wn = ""
	for (j = 1; j <= nnames; j++) {
		n = names[j]
		if (n !~ /^(check|html|latex|md|json)$/) continue
		r = ratio(mean[8, n], mean[1, n])
		if (r != "-" && (worst == "-" || r > worst)) { worst = r; wn = n }
	}
	verdict("time(8 MB) / time(1 MB) ≤ 9", show(worst, "%.2f") (wn == "" ? "" : " (" wn ", the worst)"), worst, 9, 1)
	k = "small" SUBSEP "html"
	cpu = (k in mean) && mean[k] != "-" ? (user[k] + sys[k]) * 1000 : "-"
	verdict("US-ROK built to HTML in < 5 ms CPU", show(cpu, "%.2f ms"), cpu, 5, 1)
	k = "small" SUBSEP "lsp"
	v = (k in mean) && mean[k] != "-" ? mean[k] * 1000 : "-"
	verdict("lsp: US-ROK re-checked and answered < 10 ms", show(v, "%.2f ms"), v, 10, 1)
	k = 1 SUBSEP "lsp"
	v = (k in mean) && mean[k] != "-" ? mean[k] * 1000 : "-"
	verdict("lsp: 1 MB re-checked and answered < 100 ms", show(v, "%.1f ms"), v, 100, 1)
	k = "small" SUBSEP "pdf"
	v = (k in mean) ? mean[k] : "-"
	verdict("US-ROK to PDF ≤ 0.5 s (median)", show(v, "%.3f s"), v, 0.5, 1)
	k = "small-cjk" SUBSEP "pdf"
	v = (k in mean) ? mean[k] : "-"
	verdict("US-ROK in Korean to PDF ≤ 3 s (median)", show(v, "%.3f s"), v, 3, 1)
	k = "multi" SUBSEP "lsp"
	v = (k in mean) && mean[k] != "-" ? mean[k] * 1000 : "-"
	verdict("lsp: critical-minerals re-checked < 10 ms", show(v, "%.2f ms"), v, 10, 1)
}
function verdict(what, shown, v, limit, le) {
	printf "  %-44s %-28s %s\n", what, shown,
		v == "-" ? "n/a" : ((le ? v <= limit : v >= limit) ? "ok" : "MISSED")
}' "$RES"
