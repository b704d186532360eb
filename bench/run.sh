#!/bin/bash
# make bench: generate a province of members, import it, search it, and print the figures.
# Each figure is the median of several runs.  Timings are wall clock on this machine; they are
# figures to compare, never pass/fail tests.
#
#   BENCH_N      persons to generate (default 1000000; each is a member of 1-4 organizations)
#   BENCH_RUNS   runs per figure (default 3)
#   BENCH_DIR    work directory (default /tmp/hoivien-bench; needs ~2 GB free per import run)
#   BENCH_DEDUPE_N  persons of the duplicates figures (default BENCH_N; 5% registered twice)
#   HOIVIEN_CACHE_MB  cache of the stores the bench creates (default: hoivien's own default)
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
HV=$TOP/build/hoivien
BF=$TOP/build/bench/bench_find
N=${BENCH_N:-1000000}
RUNS=${BENCH_RUNS:-3}
W=${BENCH_DIR:-${TMPDIR:-/tmp}/hoivien-bench}
export HOIVIEN_USER=bench LANG=C LC_ALL=C.UTF-8

die() { echo "bench: $*" >&2; exit 1; }
[ -x "$HV" ] && [ -x "$BF" ] || die "build first (make bench builds them)"
command -v /usr/bin/time > /dev/null || die "GNU time is missing (make deps installs it)"
mkdir -p "$W" || die "cannot create $W"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
# run_timed OUTFILE COMMAND...: wall seconds and peak RSS (KB) of the command into OUTFILE.
# Exit status 1 (find: nothing found) is not a failure.
run_timed() {
	local out=$1
	shift
	/usr/bin/time -f '%e %M' -o "$out" "$@" > /dev/null 2>&1
	local st=$?
	[ "$st" = 0 ] || [ "$st" = 1 ] || die "failed ($st): $*"
}
# percentile P < FILE: the P-th percentile of the numbers in FILE.
percentile() {
	sort -n | awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100); if (i < 1) i = 1; print v[i] }'
}

echo "hoivien bench: $N persons, median of $RUNS runs, work directory $W"
echo "machine: $(nproc) CPU, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"

CSV=$W/members-$N.csv
if [ ! -s "$CSV" ]; then
	"$HV" demo --csv "$CSV.tmp" -n "$N" --seed 1 > /dev/null || die "demo --csv failed"
	mv "$CSV.tmp" "$CSV"
fi
ROWS=$(($(wc -l < "$CSV") - 1))
echo "input: $ROWS rows (memberships) in $(du -m "$CSV" | cut -f1) MB of CSV"

# Import: a fresh store each run.
: > "$W/import.times"
for r in $(seq 1 "$RUNS"); do
	rm -rf "$W/store"
	run_timed "$W/t" "$HV" -d "$W/store" import "$CSV"
	cat "$W/t" >> "$W/import.times"
done
imp_s=$(cut -d' ' -f1 "$W/import.times" | median)
imp_rss=$(cut -d' ' -f2 "$W/import.times" | median)
printf '%-44s %10.0f rows/s   (%s s for %s rows)\n' "import (CSV -> store, every index)" \
	"$(echo "$ROWS $imp_s" | awk '{ print $1 / $2 }')" "$imp_s" "$ROWS"
printf '%-44s %10.1f MB\n' "peak RSS of import" "$(echo "$imp_rss" | awk '{ print $1 / 1024 }')"
S=$W/store
printf '%-44s %10.0f MB\n' "store size on disk (databases and logs)" \
	"$(du -sm --exclude='__db.*' "$S" | cut -f1)"

# In-process name search: 1,000 different prefixes, 20 results each.
: > "$W/find.med"
: > "$W/find.p99"
for r in $(seq 1 "$RUNS"); do
	line=$("$BF" "$S" find 1000) || die "bench_find failed"
	echo "$line" | sed -n 's/.*median_us=\([0-9.]*\).*/\1/p' >> "$W/find.med"
	echo "$line" | sed -n 's/.*p99_us=\([0-9.]*\).*/\1/p' >> "$W/find.p99"
	last=$line
done
printf '%-44s %10s us median, %s us p99\n' "find in-process (1000 prefixes, 20 results)" \
	"$(median < "$W/find.med")" "$(median < "$W/find.p99")"
echo "   ($last)"

# hoivien find as a whole process: open the store, search, print, close.
queries=("nguyen van" "tran thi h" "le" "hoang" "pham minh" "vu thi lan" "nguyen thi thu"
	 "dang" "bui van nam" "do" "ND37000123" "ngo" "duong" "ly thi" "ha" "mai")
: > "$W/proc.times"
for r in $(seq 1 "$RUNS"); do
	for q in "${queries[@]}"; do
		s=$(date +%s%N)
		"$HV" -d "$S" find -n 20 "$q" > /dev/null 2>&1
		e=$(date +%s%N)
		echo $(((e - s) / 1000)) >> "$W/proc.times"
	done
done
printf '%-44s %10.1f ms median, %.1f ms p99\n' "hoivien find as a process (20 results)" \
	"$(median < "$W/proc.times" | awk '{ print $1 / 1000 }')" \
	"$(percentile 99 < "$W/proc.times" | awk '{ print $1 / 1000 }')"
: > "$W/findrss"
for q in "${queries[@]}"; do
	run_timed "$W/t" "$HV" -d "$S" find -n 20 "$q"
	cut -d' ' -f2 "$W/t" >> "$W/findrss"
done
printf '%-44s %10.1f MB (largest of %d queries)\n' "peak RSS of hoivien find" \
	"$(sort -n "$W/findrss" | tail -n 1 | awk '{ print $1 / 1024 }')" "${#queries[@]}"

# A full scan: memberships counted by organization.
: > "$W/scan.times"
for r in $(seq 1 "$RUNS"); do
	"$BF" "$S" scan | sed -n 's/.*scan_s=\([0-9.]*\).*/\1/p' >> "$W/scan.times"
done
printf '%-44s %10s s\n' "full scan, memberships counted by org" "$(median < "$W/scan.times")"

# The member list's frequency view (F6 on a column): the persons counted by the column's values,
# in a process of its own (open the store, count, close), the whole list and ND's active members.
FQ=$TOP/build/bench/bench_freq
if [ -x "$FQ" ]; then
	for args in "person.sex" "membership.unit" "--org ND membership.org"; do
		# shellcheck disable=SC2086
		out=$("$FQ" "$S" "$RUNS" $args) || die "bench_freq failed: $args"
		v() { echo "$out" | sed -n "s/.*$1=\([0-9.a-z]*\).*/\1/p" | head -n 1; }
		printf '%-44s %10s s, peak RSS %s MB (%s persons, %s values, %s)\n' \
			"frequency view: ${args}" "$(v time_s)" "$(v peak_rss_mb)" "$(v total)" \
			"$(v values)" "$(v path)"
	done
fi

# Duplicates: a generated store in which 5% of the persons are registered a second time by
# another organization (name variants, CCCD on one record only, birth as a year...), the truth
# known; detection in a process of its own, precision and recall at the default threshold.
BD=$TOP/build/bench/bench_dedupe
if [ -x "$BD" ]; then
	DN=${BENCH_DEDUPE_N:-$N}
	DS=$W/dedupe-$DN
	if [ ! -s "$DS/truth.txt" ]; then
		rm -rf "$DS"
		"$BD" gen "$DS" "$DN" 0.05 1 > "$W/dedupe.gen" || die "bench_dedupe gen failed"
	fi
	: > "$W/dedupe.times"
	: > "$W/dedupe.rss"
	for r in $(seq 1 "$RUNS"); do
		"$BD" detect "$DS" > "$W/dedupe.out" || die "bench_dedupe detect failed"
		line=$(grep '^dedupe:' "$W/dedupe.out")
		echo "$line" | sed -n 's/.* time_s=\([0-9.]*\).*/\1/p' >> "$W/dedupe.times"
		echo "$line" | sed -n 's/.* peak_rss_mb=\([0-9.]*\).*/\1/p' >> "$W/dedupe.rss"
	done
	v() { echo "$line" | sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
	printf '%-44s %10s s, peak RSS %s MB (%s persons)\n' "duplicates: find candidate pairs" \
		"$(median < "$W/dedupe.times")" "$(sort -n "$W/dedupe.rss" | tail -n 1)" "$(v persons)"
	printf '%-44s %10s precision, %s recall (%s true pairs, score >= %s)\n' \
		"duplicates: against the generator's truth" "$(v precision)" "$(v recall)" \
		"$(v true_pairs)" "$(v threshold)"
	sed -n '/^ *threshold/,/^recall/p' "$W/dedupe.out" | sed 's/^/   /'
	printf '%-44s %10s s (%s found)\n' "one person in two branches of one organization" \
		"$(v branch_s)" "$(v branch_errors)"
fi

# Reports over the whole province, each a whole process (open, read, write the tables): the
# standard statistics of the largest organization and of all six, persons against
# memberships across the organizations (with --org: by unit too), the movement of a year, the
# gathering rate, the targets, and the real members (the tables and the list of those who fail
# a test).
reports=("stats --org ND" "stats" "overlap" "overlap --org ND" "movement --org ND" "movement"
	 "gathering --org ND" "targets --org ND" "phantom" "phantom --org ND")
for rep in "${reports[@]}"; do
	: > "$W/report.times"
	for r in $(seq 1 "$RUNS"); do
		# shellcheck disable=SC2086
		run_timed "$W/t" "$HV" -d "$S" report $rep
		cat "$W/t" >> "$W/report.times"
	done
	printf '%-44s %10s s, peak RSS %.1f MB\n' "report $rep" \
		"$(cut -d' ' -f1 "$W/report.times" | median)" \
		"$(cut -d' ' -f2 "$W/report.times" | median | awk '{ print $1 / 1024 }')"
done

# The full-screen program, driven through a pseudo-terminal of 80x24 like a person at it.
UI=$TOP/build/bench/bench_ui
if [ -x "$UI" ]; then
	line=$("$UI" "$HV" "$S" "$RUNS") || die "bench_ui failed"
	v() { echo "$line" | sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
	printf '%-44s %10s ms\n' "start to the first member list painted" "$(v first_paint_ms)"
	printf '%-44s %10s ms median, %s ms p90\n' "key in the search box to the updated list" \
		"$(v key_ms)" "$(v key_p90_ms)"
	printf '%-44s %10s bytes a key (search), %s (typing in a form)\n' \
		"written to the terminal" "$(v search_bytes)" "$(v form_bytes)"
	printf '%-44s %10s bytes a Down, %s a PageDown\n' "written to the terminal, list scrolling" \
		"$(v down_bytes)" "$(v pagedown_bytes)"
fi

# Vietnamese encodings: detection and conversion of the first 100 MB of the member list, encoded
# in each legacy encoding (in-process, MB/s of input), and hoivien convert as a whole process.
TX=$TOP/build/bench/bench_text
if [ -x "$TX" ]; then
	line=$("$TX" "$CSV" 100 "$RUNS") || die "bench_text failed"
	v() { echo "$line" | sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
	for e in utf-8 tcvn3 vni viscii cp1258; do
		printf '%-44s %10s MB/s detect, %s MB/s decode, %s MB/s encode\n' \
			"encoding $e (100 MB)" "$(v "detect_$e")" "$(v "decode_$e")" "$(v "encode_$e")"
	done
	case $line in *WRONG*) echo "   detection went wrong: $line";; esac
	head -c 100M "$CSV" > "$W/text100.csv"
	: > "$W/conv.times"
	for r in $(seq 1 "$RUNS"); do
		run_timed "$W/t" "$HV" convert --from utf-8 --to vni -o "$W/text100.vni" "$W/text100.csv"
		cut -d' ' -f1 "$W/t" >> "$W/conv.times"
	done
	printf '%-44s %10.0f MB/s\n' "hoivien convert utf-8 -> vni (100 MB file)" \
		"$(median < "$W/conv.times" | awk '{ print 100 / $1 }')"
	: > "$W/conv.times"
	for r in $(seq 1 "$RUNS"); do
		run_timed "$W/t" "$HV" convert --to utf-8 -o "$W/text100.back" "$W/text100.vni"
		cut -d' ' -f1 "$W/t" >> "$W/conv.times"
	done
	printf '%-44s %10.0f MB/s\n' "hoivien convert vni (guessed) -> utf-8" \
		"$(median < "$W/conv.times" | awk '{ print 100 / $1 }')"
	# (convert drops the byte order mark the list starts with: it is not text)
	sed '1s/^\xEF\xBB\xBF//' "$W/text100.csv" | cmp -s - "$W/text100.back" ||
		echo "   the round trip utf-8 -> vni -> utf-8 changed the text"
fi
