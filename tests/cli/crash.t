#!/bin/bash
# kill -9 an import in the middle: reopening recovers, the check passes, no half row is
# visible, and importing the file again completes it exactly.
. "$(dirname "$0")/../lib/tap.sh"
S=$T_TMP/store
F=$T_TMP/big.csv

"$HV" demo --csv "$F" -n 6000 --seed 7 > /dev/null; st=$?
is "$st" 0 "a demo list to import"
rows=$(($(wc -l < "$F") - 1))

# Wait until some batches are committed, then kill without warning.  The kill is meant to land
# among the rows; on a busy machine it may land only after the last one (the import then files
# its indexes, or has ended): then it is tried again on a fresh store.
for attempt in 1 2 3 4 5; do
	rm -rf "$S"
	"$HV" -d "$S" import --batch 100 "$F" > /dev/null 2>&1 &
	pid=$!
	n=0
	for _ in $(seq 1 600); do
		n=$("$HV" -d "$S" summary 2>/dev/null | sed -n 's/^Persons: \([0-9]*\).*/\1/p')
		[ "${n:-0}" -gt 0 ] && break
		sleep 0.05
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	out=$("$HV" -d "$S" check 2>&1); st=$?
	"$HV" -d "$S" export -o "$T_TMP/partial.csv" 2>/dev/null
	partial=$(($(wc -l < "$T_TMP/partial.csv") - 1))
	[ "$partial" -lt "$rows" ] && break
	diag "attempt $attempt: the kill came after the last row; again"
done
ok $([ "${n:-0}" -gt 0 ]; echo $?) "the import was killed midway (persons seen: ${n:-0}, attempt $attempt)"
is "$st" 0 "after kill -9 the store opens (recovery) and passes the check"
like "$out" "check: OK" "$(printf '%s' "$out" | tail -n 1)"
ok $([ "$partial" -lt "$rows" ]; echo $?) "only part of the file was saved ($partial of $rows rows)"
# The organization's column, found by its header; fields may be quoted and hold commas.
orphans=$(perl -CSD -ne 'my @f;
	while (/\G(?:"((?:[^"]|"")*)"|([^,\r\n]*))(,|\r?\n|$)/g) { push @f, defined $1 ? $1 : $2; last if $3 ne ","; }
	if ($. == 1) { ($c) = grep { $f[$_] eq "T\x{1ED5} ch\x{1EE9}c" } 0 .. $#f; next }
	$n++ if ($f[$c] // "") eq ""; END { print defined $c ? $n + 0 : "no organization column" }' "$T_TMP/partial.csv")
is "$orphans" 0 "no person without the membership of their row: rows are whole or absent"

out=$("$HV" -d "$S" import --batch 100 "$F" | tail -n 1)
like "$out" "^read=$rows added=[0-9]+ updated=0 unchanged=[0-9]+ rejected=0$" "importing again finishes the file"
"$HV" -d "$T_TMP/clean" import "$F" > /dev/null
"$HV" -d "$S" export -o "$T_TMP/a.csv" 2>/dev/null
"$HV" -d "$T_TMP/clean" export -o "$T_TMP/b.csv" 2>/dev/null
cut -d, -f2- "$T_TMP/a.csv" | sort > "$T_TMP/a.sorted"
cut -d, -f2- "$T_TMP/b.csv" | sort > "$T_TMP/b.sorted"
same_file "$T_TMP/a.sorted" "$T_TMP/b.sorted" "and the result equals an uninterrupted import"

done_testing
