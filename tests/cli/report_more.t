#!/bin/bash
# hoivien report movement, gathering and targets, and the commands that enter what they
# measure against (target, unit-tags): text, CSV and xlsx, and the errors.
#
# report-more.csv, ND in 2024: Xã An Bình starts with An, Cúc, Dũng, Em, Gấm (5), admits Bình,
# loses Dũng (transferred), Cúc (left), Em (died), Gấm (suspended): 2 at the end; Hùng joins
# in 2025.  In Xã Yên Lâm, Minh's record says he left on 01/03/2024 and joined on 01/05/2024:
# that unit does not reconcile.  Nam left in 2019.
. "$(dirname "$0")/../lib/tap.sh"
D=$(dirname "$0")/data
S=$T_TMP/store
Y="--as-of 31/12/2024"

"$HV" -d "$S" import "$D/report-more.csv" > /dev/null; st=$?
is "$st" 0 "the list imports"

# Movement.
out=$("$HV" -d "$S" report movement --org ND $Y); st=$?
is "$st" 0 "report movement --org ND"
like "$out" "^Movement of hội viên: Hội Nông dân Việt Nam \(ND\), 01/01/2024 to 31/12/2024$" \
	"the period: 1 January of --as-of's year to --as-of"
like "$out" "^Xã An Bình +5 +1 +0 +1 +1 +1 +1 +2$" "Xã An Bình: 5 + 1 + 0 - 1 - 1 - 1 - 1 = 2"
like "$out" "^Xã Yên Lâm +does not reconcile: 1 record to correct$" "Xã Yên Lâm: no figures"
like "$out" "^Total +not shown: 1 row does not reconcile$" "nor for the total"
like "$out" "^membership [0-9]+, Hà Văn Minh \(person [0-9]+\), Chi hội Xóm Mới: status" \
	"the record to correct: its id, person and unit"
like "$out" "before its join date 01/05/2024$" "and what is wrong"
like "$out" "^Ra khỏi tổ chức: Chuyển nơi cư trú +1$" "the reasons given"
check "movement fits 80 columns" test "$(printf '%s\n' "$out" | wc -L)" -le 80
out=$("$HV" -d "$S" report movement --org ND --unit 'Xã An Bình' $Y)
like "$out" "^Chi hội Thôn Đông +3 +1 +0 +1 +1 +0 +0 +2$" "--unit: Thôn Đông 3 + 1 - 1 - 1 = 2"
like "$out" "^Chi hội Thôn Tây +2 +0 +0 +0 +0 +1 +1 +0$" "Thôn Tây 2 - 1 - 1 = 0"
like "$out" "^Total +5 +1 +0 +1 +1 +1 +1 +2$" "and the total"
out=$("$HV" -d "$S" report movement --org ND --from 01/01/2025 --as-of 31/03/2025)
like "$out" "^Xã An Bình +2 +1 +0 +0 +0 +0 +0 +3$" "--from: 2025's first quarter, Hùng admitted"
like "$out" "^Xã Yên Lâm +1 +0 +0 +0 +0 +0 +0 +1$" "Minh's record breaks nothing in 2025"

"$HV" -d "$S" report movement --org ND $Y --format csv > "$T_TMP/mv.csv"; st=$?
is "$st" 0 "movement as CSV"
csv=$(tr -d '\r' < "$T_TMP/mv.csv" | sed '1s/^\xEF\xBB\xBF//')
is "$(printf '%s\n' "$csv" | head -n 1)" \
	"Organization,Unit,Start,Admitted,Transferred in,Transferred out,Left,Deceased,Suspended,End,Note" \
	"CSV header"
like "$csv" "^ND,Xã An Bình,5,1,0,1,1,1,1,2,$" "CSV: Xã An Bình"
like "$csv" "^ND,Xã Yên Lâm,,,,,,,,,\"does not reconcile: 1 record to correct; membership [0-9]+, Hà Văn Minh: " \
	"CSV: Xã Yên Lâm without figures, the record in the note"
like "$csv" "^ND,Reason \(Tạm ngừng sinh hoạt\): Đi làm ăn xa,,,,,,,1,,$" "CSV: a reason in its column"
"$HV" -d "$S" report movement --org ND --unit 'Xã An Bình' $Y --format xlsx -o "$T_TMP/mv.xlsx"; st=$?
is "$st" 0 "movement as xlsx"
sheet=$(perl -MIO::Uncompress::Unzip=unzip -e 'unzip($ARGV[0] => "-", Name => "xl/worksheets/sheet1.xml")' "$T_TMP/mv.xlsx")
like "$sheet" "Chi hội Thôn Đông" "the units are in the sheet"
like "$sheet" "<v>5</v>" "the figures are numbers"

# Figures and area tags.
out=$("$HV" -d "$S" target --org ND --unit 'Xã An Bình' --year 2024 --population 40 \
	--admissions 3 --members 10 --rate 75,5 --dues 1000000); st=$?
is "$st" 0 "target sets a unit's figures"
like "$out" "^Xã An Bình \(ND\), 2024:$" "and names the unit"
like "$out" "^  Gathering rate target +75.5%$" "a rate with a decimal comma"
"$HV" -d "$S" target --org ND --unit 'Xã Yên Lâm/Xóm Mới' --year 2024 --population 10 > /dev/null
out=$("$HV" -d "$S" target --org ND --unit 'Xã An Bình' --year 2024 --members 0); st=$?
is "$st" 0 "target changes one figure"
like "$out" "^  Members target +—$" "0 clears it"
like "$out" "^  Eligible population +40$" "the others are kept"
out=$("$HV" -d "$S" target --org ND --unit 'Xã Yên Lâm' --year 2024)
like "$out" "^  Eligible population +—$" "with no figure options, target prints them"
out=$("$HV" -d "$S" unit-tags --org ND --unit 'Xã An Bình' +ethnic +religious -religious); st=$?
is "$st" 0 "unit-tags adds and removes tags"
is "$out" "Xã An Bình (ND): ethnic-minority area" "and prints them"
out=$("$HV" -d "$S" unit-tags --org ND --unit 'Xã Yên Lâm/Xóm Mới' -nonstate +religious)
is "$out" "Xã Yên Lâm / Chi hội Xóm Mới (ND): religious area" "a branch's tags"
out=$("$HV" -d "$S" unit-tags --org ND --unit 'Xã Yên Lâm')
is "$out" "Xã Yên Lâm (ND): no area tags" "with no tags given, unit-tags prints them"

# Gathering and targets.
out=$("$HV" -d "$S" report gathering --org ND --year 2024); st=$?
is "$st" 0 "report gathering --year 2024"
like "$out" "^Members on 31/12/2024 against the eligible population of 2024$" "counted at the year's end"
like "$out" "^Xã An Bình +E +2 +40 +5.0$" "Xã An Bình: ethnic area, 2 of 40, 5.0 %"
like "$out" "^Xã Yên Lâm +1 +10 +10.0$" "Xã Yên Lâm: its branch's population"
like "$out" "^religious area +1 +10 +10.0$" "by area: religious"
check "gathering fits 80 columns" test "$(printf '%s\n' "$out" | wc -L)" -le 80
out=$("$HV" -d "$S" report gathering --org ND --as-of 30/06/2024)
like "$out" "^Members on 30/06/2024 " "--as-of earlier than the year's end"
like "$out" "^Xã An Bình +E +4 +40 +10.0$" "Dũng and Em still counted in June"
out=$("$HV" -d "$S" report targets --org ND --year 2024); st=$?
is "$st" 0 "report targets"
like "$out" "^Xã An Bình +3 +1 +-2$" "admissions: target 3, actual 1, gap -2"
like "$out" "^Xã Yên Lâm +— +1 +—$" "no target: —"
like "$out" "^Xã An Bình +75.5 +5.0 +-70.5$" "rate: 75.5 against 5.0"
like "$out" "^Xã An Bình +1000000 +no data +—$" "dues: no actual figure yet"
check "targets fit 80 columns" test "$(printf '%s\n' "$out" | wc -L)" -le 80
csv=$("$HV" -d "$S" report targets --org ND --year 2024 --format csv | tr -d '\r')
like "$csv" "^ND,Xã An Bình,3,1,-2,,2,,75.5,5.0,-70.5,1000000,,$" "targets CSV: Xã An Bình"
csv=$("$HV" -d "$S" report gathering --org ND --year 2024 --format csv | tr -d '\r')
like "$csv" "^ND,Total,,3,50,6.0,$" "gathering CSV: the total"
"$HV" -d "$S" target --org ND --unit 'Xã Yên Lâm/Xóm Mới' --year 2024 --population 0 > /dev/null
out=$("$HV" -d "$S" report gathering --org ND --year 2024)
like "$out" "^Total +3 +40\* +7.5\*$" "a sub-unit without population: the total is marked partial"
like "$out" "^\* Summed from sub-units some of which have no population" "and the mark explained"
"$HV" -d "$S" report gathering --org ND --year 2024 --format xlsx -o "$T_TMP/g.xlsx"; st=$?
is "$st" 0 "gathering as xlsx"
sheet=$(perl -MIO::Uncompress::Unzip=unzip -e 'unzip($ARGV[0] => "-", Name => "xl/worksheets/sheet1.xml")' "$T_TMP/g.xlsx")
like "$sheet" "<v>7.5</v>" "a rate of 7.5 is a number"

# Errors: exit status 2 for a bad command line.
err=$("$HV" -d "$S" report movement --from 31/02/2024 2>&1 >/dev/null); st=$?
is "$st" 2 "an impossible --from exits 2"
like "$err" "--from 31/02/2024: day 31 does not exist" "and says why"
err=$("$HV" -d "$S" report movement --from 2024 2>&1 >/dev/null); st=$?
is "$st" 2 "--from a year alone exits 2"
like "$err" "--from 2024: give a whole date" "asking for a whole date"
err=$("$HV" -d "$S" report movement --from 01/06/2024 --as-of 31/05/2024 2>&1 >/dev/null); st=$?
is "$st" 2 "--from after --as-of exits 2"
like "$err" "--from 01/06/2024 is after the period's last day, 31/05/2024" "and says so"
err=$("$HV" -d "$S" report stats --from 01/01/2024 2>&1 >/dev/null); st=$?
is "$st" 2 "--from with another report exits 2"
err=$("$HV" -d "$S" report movement --year 2024 2>&1 >/dev/null); st=$?
is "$st" 2 "--year with movement exits 2"
err=$("$HV" -d "$S" report gathering --year 24 2>&1 >/dev/null); st=$?
is "$st" 2 "--year 24 exits 2"
err=$("$HV" -d "$S" report movement --org ND --unit 'Xã Vắng' 2>&1 >/dev/null); st=$?
is "$st" 2 "an unknown unit exits 2"
like "$err" "--unit Xã Vắng: no unit Xã Vắng in ND" "and says which"
err=$("$HV" -d "$S" report census 2>&1 >/dev/null)
like "$err" "there are: stats, overlap, duplicates, phantom, movement, gathering, targets" "the reports are named"
err=$("$HV" -d "$S" target --org ND --unit 'Xã An Bình' --year 2024 --rate 101 2>&1 >/dev/null); st=$?
is "$st" 2 "a rate over 100 exits 2"
like "$err" "--rate 101: a percentage from 0 to 100" "and says what a rate is"
err=$("$HV" -d "$S" target --org ND --unit 'Xã An Bình' --year 2024 --rate 7.25 2>&1 >/dev/null); st=$?
is "$st" 2 "a rate with two decimals exits 2"
err=$("$HV" -d "$S" target --org ND --unit 'Xã An Bình' --year 2024 --population -5 2>&1 >/dev/null); st=$?
is "$st" 2 "a negative population exits 2"
err=$("$HV" -d "$S" target --org ND --unit 'Xã An Bình' 2>&1 >/dev/null); st=$?
is "$st" 2 "target without --year exits 2"
err=$("$HV" -d "$S" target --org ND --unit 'Xã Vắng' --year 2024 2>&1 >/dev/null); st=$?
is "$st" 2 "target: an unknown unit exits 2"
like "$err" "--unit Xã Vắng: no unit Xã Vắng in ND" "and says which"
err=$("$HV" -d "$S" unit-tags --org ND --unit 'Xã An Bình' +mountain 2>&1 >/dev/null); st=$?
is "$st" 2 "an unknown tag exits 2"
like "$err" "unknown area tag '\+mountain' \(there are: ethnic, religious, nonstate, urban, border\)" \
	"and lists the tags"
err=$("$HV" -d "$S" unit-tags --org ND --unit 'Xã An Bình' -ethnik 2>&1 >/dev/null); st=$?
is "$st" 2 "a misspelt tag to remove exits 2"
out=$("$HV" -d "$S" unit-tags --org ND --unit 'Xã An Bình')
is "$out" "Xã An Bình (ND): ethnic-minority area" "and nothing was changed"
out=$("$HV" report --help)
like "$out" "--from DATE" "report --help describes --from"
like "$out" "--year Y" "and --year"
out=$("$HV" target --help); st=$?
is "$st" 0 "target --help"
like "$out" "--rate PCT" "describes the figures"
out=$("$HV" unit-tags --help); st=$?
is "$st" 0 "unit-tags --help"
"$HV" -d "$S" check > /dev/null; st=$?
is "$st" 0 "the store checks clean"

done_testing
