#!/bin/bash
# Several processes update the same records at once, each reading first and saving with the
# version it read (as staff at their forms do): no update is lost, nobody hangs.
. "$(dirname "$0")/../lib/tap.sh"
S=$T_TMP/store
STRESS=${HOIVIEN_TOOLS:-$TOP/build/san/tools}/stress

printf 'Họ và tên,Số CCCD\nNguyễn Văn Chung,001085099001\nTrần Thị Riêng,001185099002\n' > "$T_TMP/two.csv"
"$HV" -d "$S" import --org ND "$T_TMP/two.csv" > /dev/null; st=$?
is "$st" 0 "two persons to fight over"

per=150
pids=()
for i in 1 2 3 4; do
	timeout 300 "$STRESS" "$S" 1 $per > "$T_TMP/w$i.out" 2>&1 &
	pids+=($!)
done
timeout 300 "$STRESS" "$S" 2 $per > "$T_TMP/w5.out" 2>&1 &
pids+=($!)
fails=0
for p in "${pids[@]}"; do wait "$p" || fails=$((fails + 1)); done
is "$fails" 0 "all five writers finished (none hung or failed)"
conflicts=$(cat "$T_TMP"/w[1-4].out | sed -n 's/.*conflicts=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
diag "conflicts detected and retried: $conflicts"
ok $([ "${conflicts:-0}" -gt 0 ]; echo $?) "concurrent saves of one record were caught as conflicts ($conflicts)"

notes=$("$HV" -d "$S" show 1 | sed -n 's/^  Notes *//p')
is "$notes" $((4 * per)) "person 1's counter is exactly 4 x $per: no lost update"
notes=$("$HV" -d "$S" show 2 | sed -n 's/^  Notes *//p')
is "$notes" $per "person 2, updated meanwhile, is exact too"
audits=$("$HV" -d "$S" show --history 1 | grep -c 'changed Notes:')
is "$audits" $((4 * per)) "one audit entry per saved change"
out=$("$HV" -d "$S" check); st=$?
is "$st" 0 "the store is consistent"

done_testing
