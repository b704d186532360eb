#!/bin/bash
# hoivien report phantom: the five tests of a real member on a small imported list, as text,
# CSV (the table, or --list the failing members) and xlsx; the months from --months or the
# settings file; and the errors.
. "$(dirname "$0")/../lib/tap.sh"
D=$(dirname "$0")/data
S=$T_TMP/store
DATE="--as-of 01/01/2025"
export XDG_CONFIG_HOME=$T_TMP/config

"$HV" -d "$S" import "$D/phantom.csv" > /dev/null; st=$?
is "$st" 0 "the list imports"

# ND as of 2025: An passes; Bình has no CCCD; Hoa is one word; "Nguyen Van 123" has digits;
# "Chưa rõ" has neither a CCCD nor a name; Dũng is filed at the commune, which has a branch;
# Em left in 2020.
"$HV" -d "$S" report phantom --org ND $DATE > "$T_TMP/nd.txt"; st=$?
is "$st" 0 "report phantom --org ND"
out=$(cat "$T_TMP/nd.txt")
check "every line fits 80 columns" test "$(wc -L < "$T_TMP/nd.txt")" -le 80
like "$out" "^As of 01/01/2025: 6 hội viên, of whom 1 pass every test with data \(16.7%\)$" \
	"six hội viên, one of them real"
like "$out" "^Xã An Bình +4 +1 +2 +0 no data no data +1 25.0$" "An Bình: one without CCCD, two names"
like "$out" "^Xã Yên Lâm +2 +1 +1 +1 no data no data +0 +0.0$" "Yên Lâm: Dũng is not in a branch"
like "$out" "^Total +6 +2 +3 +1 no data no data +1 16.7$" "the total"
like "$out" "tests 4 and 5 have no data" "dues and meetings: no data"
like "$out" "^4 Dues: paid dues in the last 6 months \(setting phantom-months\)$" "6 months by default"
like "$out" "^5 memberships fail a test" "five fail"
like "$(sed -n '/^ND: Xã An Bình \/ Chi hội Thôn Tây$/,/^$/p' "$T_TMP/nd.txt" | tr -s ' \n' ' ')" \
	"^ND: Xã An Bình / Chi hội Thôn Tây 4 Nguyen Van 123 1970 2 \(digits\) 3 Hoa 1990 2 \(one word\) $" \
	"the list: a heading for the branch, its members in list order, what fails"
like "$out" "^ +5  Chưa rõ +1, 2 \(placeholder\)$" "no CCCD and a placeholder name"
like "$out" "^ND: Xã Yên Lâm$" "the commune Dũng is filed at"

# The months: --months, else the setting phantom-months.
out=$("$HV" -d "$S" report phantom --org ND $DATE --months 3)
like "$out" "^4 Dues: paid dues in the last 3 months \(--months\)$" "--months 3"
mkdir -p "$XDG_CONFIG_HOME/hoivien"
printf 'phantom-months = 12\n' > "$XDG_CONFIG_HOME/hoivien/settings"
out=$("$HV" -d "$S" report phantom --org ND $DATE)
like "$out" "^4 Dues: paid dues in the last 12 months \(setting phantom-months\)$" "the setting: 12"
out=$("$HV" -d "$S" report phantom --org ND $DATE --months 1)
like "$out" "in the last 1 months \(--months\)" "--months over the setting"

# Over every organization: PN too.
out=$("$HV" -d "$S" report phantom $DATE)
like "$out" "^Real members of Hội Liên hiệp Phụ nữ Việt Nam \(PN\)$" "a table per organization"
like "$out" "^PN: Chi hội Phụ nữ Thôn Đông$" "and its members in the list, under PN's one top unit"
like "$out" "^6 memberships fail a test" "six in all"

# CSV: the table; with --list, the failing members.
"$HV" -d "$S" report phantom --org ND $DATE --months 3 --format csv > "$T_TMP/t.csv"; st=$?
is "$st" 0 "the table as CSV"
is "$(tr -d '\r\357\273\277' < "$T_TMP/t.csv")" "Organization,Unit,Members,1 No identity,2 Incomplete name,3 Not in a branch,4 No dues in the last 3 months,5 No meeting in the last 3 months,Real members (pass every test with data),Real members %
ND,Xã An Bình,4,1,2,0,no data,no data,1,25.0
ND,Xã Yên Lâm,2,1,1,1,no data,no data,0,0.0
ND,Total,6,2,3,1,no data,no data,1,16.7" "one row a unit, then the total"
"$HV" -d "$S" report phantom --org ND $DATE --list --format csv -o "$T_TMP/l.csv"; st=$?
is "$st" 0 "--list as CSV into a file"
is "$(head -n 1 "$T_TMP/l.csv" | tr -d '\r\357\273\277')" \
	"Organization,Unit,Person ID,Full name,Birth,1 No identity,2 Incomplete name,3 Not in a branch,4 No dues in the last 12 months,5 No meeting in the last 12 months,What is wrong with the name" \
	"--list: a header row"
is "$(tail -n +2 "$T_TMP/l.csv" | tr -d '\r' | cut -d, -f3,6-8,11 | tr '\n' ' ')" \
	"2,x,,, 4,,x,,digits 3,,x,,one word 6,,,x, 5,x,x,,placeholder " \
	"one failing membership a row, an x under each test it fails"

# xlsx: the table, or the list, as a workbook.
sheet() { perl -MIO::Uncompress::Unzip=unzip -e 'unzip($ARGV[0] => "-", Name => "xl/worksheets/sheet1.xml")' "$1"; }
"$HV" -d "$S" report phantom --org ND $DATE --format xlsx -o "$T_TMP/p.xlsx"; st=$?
is "$st" 0 "report phantom --format xlsx"
like "$(sheet "$T_TMP/p.xlsx")" "Xã Yên Lâm" "the units are in the sheet"
"$HV" -d "$S" report phantom --org ND $DATE --list --format xlsx -o "$T_TMP/l.xlsx"; st=$?
is "$st" 0 "and --list"
like "$(sheet "$T_TMP/l.xlsx")" "Nguyen Van 123" "the failing members are in it"

# Errors: --months out of range or not a number, or for another report, exit 2.
for m in 0 121 abc -1 ""; do
	err=$("$HV" -d "$S" report phantom --months "$m" 2>&1 >/dev/null); st=$?
	is "$st" 2 "--months '$m' exits 2"
done
like "$err" "--months : say a number of months from 1 to 120" "saying what is wanted"
err=$("$HV" -d "$S" report stats --months 3 2>&1 >/dev/null); st=$?
is "$st" 2 "--months for stats exits 2"
like "$err" "--months is for the phantom report" "and says so"
err=$("$HV" -d "$S" report census 2>&1 >/dev/null)
like "$err" "there are: stats, overlap, duplicates, phantom, movement" "phantom among the reports"
printf 'phantom-months = lots\n' > "$XDG_CONFIG_HOME/hoivien/settings"
out=$("$HV" -d "$S" report phantom --org ND $DATE); st=$?
is "$st" 0 "a bad setting is no error for the report"
like "$out" "in the last 6 months \(setting phantom-months\)" "it keeps the default"
out=$("$HV" report --help)
like "$out" "--months N" "report --help describes --months"

done_testing
