#!/usr/bin/env bash
# Báo cáo from the program: the reports chosen from a list and read on the screen, for the
# organization in view; what they show is what hoivien report prints.
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
"$HV" -d "$D" demo -n 400 --seed 6 --duplicates 0.05 >/dev/null 2>&1

ui_start -d "$D"
ui_wait "Main menu" >/dev/null
ui_keys 6
check "item 6 lists the reports" ui_wait "Statistics by unit"
ui_keys Enter
check "the statistics show, for all organizations" ui_wait "Statistics by unit .* — all"
# (Piped into head while the program has the store open: a command killed by SIGPIPE used to
# leave the store needing recovery, under the program; the duplicates below then failed.)
first=$("$HV" -d "$D" report stats 2>/dev/null | head -n 1)
check "starting as hoivien report stats does ($first)" ui_wait "^${first%% (*}"
third=$("$HV" -d "$D" report stats | sed -n 25p | sed 's/ *$//')
ui_keys PageDown
check "PageDown reads on" ui_wait "^${third:0:20}"
ui_keys Escape
ui_wait "Main menu" >/dev/null
ui_keys 6
ui_wait "Statistics by unit" >/dev/null
ui_keys Down Down Enter
check "the duplicates report" ui_wait "Persons who may be one person"
pairs=$("$HV" -d "$D" report duplicates | sed -n 's/^\([0-9]*\) pairs to review.*/\1/p')
ui_keys End
check "ends with the same count as hoivien report ($pairs)" ui_wait "^$pairs pairs to review"
ui_keys Escape
ui_wait "Main menu" >/dev/null
ui_keys C-q
is "$(ui_wait_exit)" 0 "the program ends"

done_testing
