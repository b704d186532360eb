#!/bin/bash
# hoivien report: stats and overlap on a small imported list, as text and CSV, and its errors.
. "$(dirname "$0")/../lib/tap.sh"
D=$(dirname "$0")/data
S=$T_TMP/store
DATE="--as-of 01/01/2025"

"$HV" -d "$S" import "$D/report.csv" > /dev/null; st=$?
is "$st" 0 "the list imports"

# Text: the figures, and every line within 80 columns (wc -L counts columns, not bytes).
"$HV" -d "$S" report stats --org ND $DATE > "$T_TMP/nd.txt"; st=$?
is "$st" 0 "report stats --org ND"
same_file "$T_TMP/nd.txt" "$D/report-stats-nd.expected" "ND's tables as expected"
is "$(wc -L < "$T_TMP/nd.txt")" 60 "the widest line is 60 columns (the qualification table)"
like "$(cat "$T_TMP/nd.txt")" "^As of 01/01/2025: 6 hội viên$" "six hội viên: Em died, Gấm left, Hùng joins later"
"$HV" -d "$S" report stats $DATE > "$T_TMP/all.txt"
check "every organization's tables fit 80 columns" test "$(wc -L < "$T_TMP/all.txt")" -le 80
like "$(cat "$T_TMP/all.txt")" "^Statistics of đoàn viên công đoàn: Công đoàn Việt Nam \(CD\)$" \
	"one table set per organization, in its own word for a member"
like "$(grep -c '^Statistics of ' "$T_TMP/all.txt")" "^5$" "five of them: MT has no units nor members"

# Dates: Em died on 10/10/2024, Hùng joined on 01/02/2025.
out=$("$HV" -d "$S" report stats --org ND --as-of 01/01/2024 | grep '^As of')
is "$out" "As of 01/01/2024: 7 hội viên" "as of 2024 Em still counts"
out=$("$HV" -d "$S" report stats --org ND --as-of 01/03/2025 | grep '^As of')
is "$out" "As of 01/03/2025: 7 hội viên" "as of March 2025 Hùng counts"

# A unit subtree: the branches under it are the rows.
out=$("$HV" -d "$S" report stats --org 'Hội Nông dân' --unit 'Xã An Bình' $DATE | sed -n '/^Members/,/^$/p')
like "$out" "^Chi hội Thôn Đông +3 " "--unit: Thôn Đông has 3"
like "$out" "^Chi hội Thôn Tây +1 " "and Thôn Tây 1"
like "$out" "^Total +4 " "4 in the commune"

# CSV: every column in one table, against the expected file.
"$HV" -d "$S" report stats $DATE --format csv > "$T_TMP/stats.csv"; st=$?
is "$st" 0 "stats as CSV"
same_file "$T_TMP/stats.csv" "$D/report-stats.csv.expected" "stats CSV as expected"
"$HV" -d "$S" report overlap --org ND $DATE --format csv -o "$T_TMP/overlap.csv" > "$T_TMP/o.out"; st=$?
is "$st" 0 "overlap as CSV into a file"
check "nothing on standard output with -o" test ! -s "$T_TMP/o.out"
same_file "$T_TMP/overlap.csv" "$D/report-overlap-nd.csv.expected" "overlap CSV as expected"

out=$("$HV" -d "$S" report overlap $DATE)
like "$out" "^7 persons hold 13 memberships \(1.86 per person\)$" "overlap: persons against memberships"
like "$out" "^ND +6 +12 +1 +4 +1 +0$" "ND's persons: in 1, 2, 3, 4+ organizations"
like "$out" "duplicates report" "points to the duplicates report"
check "overlap fits 80 columns" test "$(printf '%s\n' "$out" | wc -L)" -le 80

# Errors: exit status 2 for a bad command line, 3 when the store is missing.
err=$("$HV" -d "$S" report census 2>&1 >/dev/null); st=$?
is "$st" 2 "an unknown report exits 2"
like "$err" "unknown report 'census' \(there are: stats, overlap, duplicates, phantom, movement, gathering, targets\)" \
	"and names the reports"
err=$("$HV" -d "$S" report stats --org XYZ 2>&1 >/dev/null); st=$?
is "$st" 2 "an unknown organization exits 2"
like "$err" "--org XYZ: no such organization \(there are: MT, CD, DTN, PN, ND, CCB\)" "and lists them"
err=$("$HV" -d "$S" report stats --org ND --unit 'Xã Vắng' 2>&1 >/dev/null); st=$?
is "$st" 2 "an unknown unit exits 2"
like "$err" "--unit Xã Vắng: no unit Xã Vắng in ND" "and says which"
err=$("$HV" -d "$S" report stats --as-of 31/02/2025 2>&1 >/dev/null); st=$?
is "$st" 2 "an impossible date exits 2"
like "$err" "--as-of 31/02/2025: day 31 does not exist" "and says why"
err=$("$HV" -d "$S" report stats --as-of 2025 2>&1 >/dev/null); st=$?
is "$st" 2 "a year alone exits 2"
like "$err" "give a whole date, DD/MM/YYYY" "asking for a whole date"
err=$("$HV" -d "$S" report overlap --unit 'Xã An Bình' 2>&1 >/dev/null); st=$?
is "$st" 2 "--unit without --org exits 2"
like "$err" "--unit needs --org" "and says so"
err=$("$HV" -d "$S" report stats --format xml 2>&1 >/dev/null); st=$?
is "$st" 2 "an unknown format exits 2"
"$HV" -d "$S" report 2>/dev/null; st=$?
is "$st" 2 "no report named exits 2"
"$HV" -d "$S" report stats -o "$T_TMP/no/such/dir/r.txt" 2>/dev/null; st=$?
is "$st" 3 "a file that cannot be written exits 3"
"$HV" -d "$T_TMP/none" report stats 2>/dev/null; st=$?
is "$st" 3 "no store exits 3"
check "and creates none" test ! -e "$T_TMP/none"
out=$("$HV" report --help); st=$?
is "$st" 0 "report --help"
like "$out" "--as-of DATE" "describes the options"

# Duplicates: a generated store in which some persons are registered twice, the truth known.
DS=$T_TMP/dups
"$HV" -d "$DS" demo -n 1500 --seed 9 --duplicates 0.05 --truth "$T_TMP/truth.txt" > "$T_TMP/gen.out"
like "$(cat "$T_TMP/gen.out")" "are second records of someone already there" "demo --duplicates makes second records"
"$HV" -d "$DS" report duplicates --format csv -o "$T_TMP/dups.csv"; st=$?
is "$st" 0 "report duplicates --format csv"
is "$(head -n 1 "$T_TMP/dups.csv" | tr -d '\r\357\273\277')" \
	"person_a,person_b,score,reasons,codes,name_a,birth_a,cccd_a,name_b,birth_b,cccd_b" \
	"one pair a row: the two ids, the score, then the reasons"
found=$(tail -n +2 "$T_TMP/dups.csv" | cut -d, -f1,2 | sort)
truth=$(awk '{ print ($1 < $2 ? $1 "," $2 : $2 "," $1) }' "$T_TMP/truth.txt" | sort)
hits=$(comm -12 <(printf '%s\n' "$found") <(printf '%s\n' "$truth") | wc -l)
nt=$(printf '%s\n' "$truth" | wc -l)
nf=$(printf '%s\n' "$found" | grep -c .)
check "recall >= 0.95 ($hits of $nt true pairs found)" test $((hits * 100)) -ge $((nt * 95))
check "precision >= 0.90 ($hits of $nf proposed)" test $((hits * 100)) -ge $((nf * 90))
out=$("$HV" -d "$DS" report duplicates)
like "$out" "pairs to review; 0 persons in two branches" "the text report ends with the counts"
like "$out" "^ +[0-9]+ +[^│]+│ +[0-9]+ " "pairs side by side"

# xlsx: a workbook with the table (read back with perl's core unzip module).
"$HV" -d "$S" report stats --org ND --format xlsx -o "$T_TMP/st.xlsx"; st=$?
is "$st" 0 "report stats --format xlsx -o FILE"
sheet=$(perl -MIO::Uncompress::Unzip=unzip -e 'unzip($ARGV[0] => "-", Name => "xl/worksheets/sheet1.xml")' "$T_TMP/st.xlsx")
like "$sheet" "Xã An Bình" "the units are in the sheet"
like "$sheet" "<v>[0-9]+</v>" "the figures are numbers"
"$HV" -d "$S" report overlap --format xlsx 2>/dev/null; st=$?
is "$st" 2 "xlsx needs -o FILE"

done_testing
