#!/usr/bin/env bash
# Báo cáo from the program: every report chosen from a list, its options (organization, unit,
# date) in a small form first, read on the screen; what they show is what hoivien report
# prints, and what the export key writes is what hoivien report --format csv|xlsx writes.
. "$(dirname "$0")/lib.sh"
# From the main menu to the list of reports; from a report shown back to the main menu.
open_reports() { ui_keys 6; ui_wait "Statistics by unit" >/dev/null; }
leave_report() { ui_keys Escape; ui_wait "As of" >/dev/null; ui_keys Escape; ui_wait "Main menu" >/dev/null; }

D="$T_TMP/store"
"$HV" -d "$D" demo -n 400 --seed 6 --duplicates 0.05 >/dev/null 2>&1
today=$(date +%d/%m/%Y)

ui_start -d "$D"
ui_wait "Main menu" >/dev/null
ui_keys 6
check "item 6 lists the reports" ui_wait "Statistics by unit"
check "every report, the movement last" ui_wait "^  Movement of members over a period"
ui_keys Enter
check "a report's options come first, as of today" ui_wait "As of +$today"
like "$(ui_screen)" "Organization +All organizations" "for the organization in view (all)"
like "$(ui_screen)" "Unit +The whole tree" "and the whole tree"
ui_keys Enter
check "Enter shows the statistics, for all organizations" ui_wait "Statistics by unit .* — all"
# (Piped into head while the program has the store open: a command killed by SIGPIPE used to
# leave the store needing recovery, under the program; the duplicates below then failed.)
first=$("$HV" -d "$D" report stats 2>/dev/null | head -n 1)
check "starting as hoivien report stats does ($first)" ui_wait "^${first%% (*}"
third=$("$HV" -d "$D" report stats | sed -n 25p | sed 's/ *$//')
ui_keys PageDown
check "PageDown reads on" ui_wait "^${third:0:20}"
ui_keys Escape
check "Escape goes back to the options" ui_wait "As of +$today"
ui_keys Escape
ui_wait "Main menu" >/dev/null
open_reports
ui_keys Down Down Enter
check "the duplicates' options" ui_wait "^ hoivien — Persons who may be one person"
ui_keys Enter
check "the duplicates report" ui_wait "Persons who may be one person .* — all"
pairs=$("$HV" -d "$D" report duplicates | sed -n 's/^\([0-9]*\) pairs to review.*/\1/p')
ui_keys End
check "ends with the same count as hoivien report ($pairs)" ui_wait "^$pairs pairs to review"
leave_report

# The overlap offers the probable overlaps, apart from its figures.
open_reports
ui_keys Down Enter
check "the overlap's options: the probable overlaps" ui_wait "Probable overlaps"
ui_keys Tab Tab Tab Space Enter
ui_wait "persons hold" >/dev/null
ui_keys End
check "with them ticked, the section apart" ui_wait "^Probable overlaps \\(from the duplicates report"
probable=$("$HV" -d "$D" report overlap --probable | grep -A1 '^Probable overlaps' | tail -n 1)
check "the command finds pairs to show ($probable)" test -n "${probable// /}"
check "as hoivien report overlap --probable says" ui_wait "^${probable:0:30}"
leave_report

# The movement asks for the start of the period too; the statistics do not.
open_reports
ui_type "movement"
ui_keys Enter
check "the movement's options: the period's end and start" ui_wait "Period start"
like "$(ui_screen)" "Period end +$today" "ending today"
ui_keys Escape
ui_wait "Main menu" >/dev/null

# One unit of one organization, at a past date: the same as the command.
unit="Hội LHPN tỉnh Ninh Bình / Hội LHPN xã Yên Lâm"
open_reports
ui_keys Enter
ui_wait "As of" >/dev/null
ui_keys Tab C-o
check "no unit list before an organization is chosen" ui_wait "Choose the organization first"
ui_keys BTab C-o
check "C-o lists the organizations" ui_wait "PN — Hội Liên hiệp Phụ nữ"
ui_type "phu nu"
ui_keys Enter
check "the organization is chosen" ui_wait "Organization +PN — Hội Liên hiệp Phụ nữ"
ui_keys Tab Space
check "Space lists its units" ui_wait "Hội LHPN tỉnh Ninh Bình / Hội LHPN xã"
ui_type "yen lam"
ui_keys Enter
check "the unit is chosen" ui_wait "Unit +$unit"
ui_keys Tab C-u
ui_type "01/06/2024"
ui_keys Enter
check "the report for the unit" ui_wait "^Under: $unit"
want=$("$HV" -d "$D" report stats --org PN --unit "$unit" --as-of 01/06/2024 2>/dev/null | head -n 21 |
	sed 's/ *$//')
got=$(ui_screen | sed -n '2,22p' | sed 's/ *$//')
is "$got" "$want" "the screen shows what hoivien report stats --org PN --unit … --as-of prints"

# Export: CSV, a workbook, and files that cannot be written.
"$HV" -d "$D" report stats --org PN --unit "$unit" --as-of 01/06/2024 --format csv \
	> "$T_TMP/want.csv"
ui_keys F5
check "F5 asks for the file, a CSV in the home directory by default" \
	ui_wait "Write the report to .*: ~/hoivien-stats-2024-06-01\.csv"
ui_keys C-u
ui_type "$T_TMP/stats.csv"
ui_keys Enter
check "the file is written and named" ui_wait "Written: $T_TMP/stats\.csv"
same_file "$T_TMP/stats.csv" "$T_TMP/want.csv" "it is what hoivien report … --format csv writes"
ui_keys C-e
ui_wait "Write the report to" >/dev/null
ui_keys C-u
ui_type "$T_TMP/stats.csv"
ui_keys Enter
check "an existing file: asked before it is replaced" ui_wait "stats\.csv exists: replace it"
echo old > "$T_TMP/stats.csv"
ui_keys n
ui_wait_gone "replace it"
is "$(cat "$T_TMP/stats.csv")" "old" "n leaves it alone"
ui_keys C-e
ui_wait "Write the report to" >/dev/null
ui_keys C-u
ui_type "$T_TMP/stats.csv"
ui_keys Enter
ui_wait "replace it" >/dev/null
ui_keys y
check "y replaces it" ui_wait "Written: $T_TMP/stats\.csv"
same_file "$T_TMP/stats.csv" "$T_TMP/want.csv" "with the report"
ui_keys F5
ui_wait "Write the report to" >/dev/null
ui_keys C-u
ui_type "$T_TMP/stats.xlsx"
ui_keys Enter
check "a name ending in .xlsx writes a workbook" ui_wait "Written: $T_TMP/stats\.xlsx"
is "$(head -c 2 "$T_TMP/stats.xlsx")" "PK" "a zip file (PK), as an .xlsx is"
ui_keys F5
ui_wait "Write the report to" >/dev/null
ui_keys C-u
ui_type "$T_TMP/nowhere/stats.csv"
ui_keys Enter
check "a directory that does not exist: the error names the file" \
	ui_wait "Not written: $T_TMP/nowhere/stats\.csv: .*"
ui_keys F5
ui_wait "Write the report to" >/dev/null
ui_keys C-u
ui_type "$T_TMP/nowhere/stats.xlsx"
ui_keys Enter
check "so does the workbook's" ui_wait "Not written: $T_TMP/nowhere/stats\.xlsx: .*"
ro="$T_TMP/readonly"
mkdir "$ro" && chmod 555 "$ro"
ui_keys F5
ui_wait "Write the report to" >/dev/null
ui_keys C-u
ui_type "$ro/stats.csv"
ui_keys Enter
if [ "$(id -u)" = 0 ]; then
	check "(as root a read-only directory is written)" ui_wait "Written: $ro/stats\.csv"
else
	check "a directory that cannot be written: the error names the file" \
		ui_wait "Not written: $ro/stats\.csv: "
fi
is "$(cd "$T_TMP" && ls | grep -c tmp)" 0 "no temporary file is left behind"
check "nothing half-written" test ! -e "$T_TMP/nowhere"
leave_report
ui_keys C-q
is "$(ui_wait_exit)" 0 "the program ends"
ui_stop
check "no errors on stderr" test ! -s "$UI_ERR"

done_testing
