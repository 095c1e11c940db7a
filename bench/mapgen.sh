#!/bin/sh
# bench/mapgen.sh RECS FINDINGS EVIDENCE AREAS [nomap] - write to stdout a brief
# whose evidence map has that many recommendations, findings, evidence
# blocks and areas, with claims, actions and titles as long as real ones,
# and a `::: map` block (unless told nomap).  Used to look at the map at the sizes briefs
# have (docs/output.md): 5 recommendations, and 40 (with 30 findings, 25
# evidence, 6 areas).  The last finding cites no evidence and the one
# before it is addressed by nothing, so both markings show.  A pure
# function of its arguments (a fixed-seed generator).
#
#   sh bench/mapgen.sh 40 30 25 6 > big.brief
set -eu
R=${1:-5} F=${2:-6} E=${3:-5} A=${4:-3} MAP=${5:-map}
awk -v R="$R" -v F="$F" -v E="$E" -v A="$A" -v MAP="$MAP" 'BEGIN {
	seed = 12345
	split("Energy Security|Supply Chains|Cyber Defence|Public Health|" \
	      "Trade Policy|Climate Adaptation|Digital Economy|Alliances", area, "|")
	split("Regional grid operators|Small manufacturers|Hospital networks|" \
	      "Port authorities|Municipal water utilities|Rural broadband providers|" \
	      "Export-oriented firms|Coastal cities|Public research institutes|" \
	      "Semiconductor suppliers", subj, "|")
	split("reported|experienced|absorbed|faced|documented|avoided", verb, "|")
	split("a 12 percent rise in outage hours during the 2023 heat waves|" \
	      "longer procurement delays for critical components since 2021|" \
	      "ransomware incidents that disrupted services for several days|" \
	      "a doubling of insurance premiums after repeated flood damage|" \
	      "higher costs from duplicated certification requirements|" \
	      "staff shortages that slowed the adoption of new safety standards|" \
	      "losses when a single foreign supplier halted shipments", obj, "|")
	split("Fund|Create|Require|Expand|Coordinate|Publish|Establish|Align", act, "|")
	split("a joint stockpile of transformers and grid components|" \
	      "a shared incident reporting channel with allied agencies|" \
	      "annual stress tests of the most exposed supply chains|" \
	      "mutual recognition of product certifications with partners|" \
	      "a training program for inspectors in every province|" \
	      "open data on outages, delays and incident response times", aobj, "|")
	split("Annual Report|Assessment|Survey|Statistical Bulletin|Review|Working Paper", kind, "|")
	split("Ministry of Energy|National Audit Office|OECD|World Bank|" \
	      "Bureau of Statistics|Parliamentary Research Service", pub, "|")

	print "---"
	print "title: Evidence map at scale: " R " recommendations"
	print "authors: Map Generator"
	print "date: 2024-05-01"
	print "---"
	print ""
	print "::: areas"
	for (a = 1; a <= A; a++)
		print "area" a ": " area[(a - 1) % 8 + 1]
	print ":::"
	print ""
	print "# The argument at a glance"
	print ""
	if (MAP == "map") {
		print "::: map"
		print ":::"
		print ""
	}
	# As in real briefs, each area has its own findings and sources and
	# its recommendations address those, with a few links across areas.
	print "# Findings"
	for (f = 1; f <= F; f++) {
		print ""
		print "::: finding f" f
		print "claim: " subj[rnd(10)] " " verb[rnd(6)] " " obj[rnd(7)] "."
		if (f < F) {
			a = area_of(f, F)
			lo = int((a - 1) * E / A) + 1
			hi = int(a * E / A)
			if (hi < lo) hi = lo
			ev = "e" (lo + rnd(hi - lo + 1) - 1)
			if (rnd(2) == 1)
				ev = ev ", e" (lo + rnd(hi - lo + 1) - 1)
			if (rnd(6) == 1)
				ev = ev ", e" rnd(E)
			print "evidence: " dedup(ev)
		}
		print ":::"
	}
	print ""
	print "# Recommendations"
	for (r = 1; r <= R; r++) {
		a = area_of(r, R)
		print ""
		print "::: recommendation r" r
		print "action: " act[rnd(8)] " " aobj[rnd(6)] " by " (2025 + rnd(4)) "."
		print "area: area" a
		# the findings of its area, in turn; every finding but the
		# one before last is addressed
		lo = int((a - 1) * F / A) + 1
		hi = int(a * F / A)
		if (hi < lo) hi = lo
		g = lo + (r - 1) % (hi - lo + 1)
		if (g == F - 1 && F > 2) g = F
		ad = "f" g
		if (rnd(3) == 1) {
			h = lo + rnd(hi - lo + 1) - 1
			if (h != F - 1) ad = ad ", f" h
		}
		if (rnd(8) == 1) {
			h = rnd(F)
			if (h != F - 1) ad = ad ", f" h
		}
		print "addresses: " dedup(ad)
		print ":::"
	}
	print ""
	print "# Sources"
	for (e = 1; e <= E; e++) {
		print ""
		print "::: evidence e" e
		p = pub[rnd(6)]
		print "title: " kind[rnd(6)] " on " tolower(area[rnd(8)]) " " (2015 + rnd(9))
		print "publisher: " p
		print ":::"
	}
}
function area_of(i, n) {	# 1..A: items 1..n spread evenly
	return int((i - 1) * A / n) + 1
}
function rnd(n) {	# 1..n
	seed = (seed * 1103515245 + 12345) % 2147483648
	return int(seed / 65536) % n + 1
}
function dedup(list,    parts, seen, out, i, n) {
	n = split(list, parts, ", ")
	out = ""
	for (i = 1; i <= n; i++)
		if (!(parts[i] in seen)) {
			seen[parts[i]] = 1
			out = out (out == "" ? "" : ", ") parts[i]
		}
	return out
}'
