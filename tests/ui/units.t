#!/usr/bin/env bash
# Units: the tree of each organization with member counts; add, rename and move a unit; a
# branch opens its members.
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
"$HV" -d "$D" demo -n 400 --seed 9 >/dev/null 2>&1
active() { "$HV" -d "$D" summary | awk -v c="$1" '$1 == c { print $(NF-1) }'; }
units() { "$HV" -d "$D" summary | sed -n 's/.*units: \([0-9]*\).*/\1/p'; }

ui_start -d "$D"
ui_wait "Main menu" >/dev/null
ui_keys 3
check "3 opens the units" ui_wait "Units of Mặt trận Tổ quốc Việt Nam"
ui_keys o o o
check "o goes to the next organization (PN after three)" ui_wait "Units of Hội Liên hiệp Phụ nữ"
pn=$(active PN)
check "the province's count is PN's active members ($pn)" ui_wait "Hội LHPN tỉnh Ninh Bình +$pn$"
ui_keys Enter
check "Enter opens the province" ui_wait "▾ Hội LHPN tỉnh Ninh Bình"
ui_keys Down Enter
check "and a commune" ui_wait "^ +▾ Hội LHPN xã"
commune=$(ui_screen | sed -n 's/^ *▾ \(Hội LHPN xã [^ ].*[^ ]\) *[0-9]*$/\1/p' | head -1 | sed 's/ *[0-9]*$//')

# Add a branch under the commune.
n0=$(units)
ui_keys n
check "n asks for the new unit's name" ui_wait "New unit under $commune"
ui_type "Chi hội Thôn Mới"
ui_keys Enter
check "the unit is added" ui_wait "Added the unit Chi hội Thôn Mới"
check "and shown in the tree with no members" ui_wait "Chi hội Thôn Mới +0$"
is "$(units)" $((n0 + 1)) "the store has one unit more"
"$HV" -d "$D" check >/dev/null 2>&1
ok $? "hoivien check passes"

# The same name again under the same commune is refused.
ui_keys n
ui_wait "New unit under" >/dev/null
ui_type "chi hoi thon moi"
ui_keys Enter
check "a second unit of that name under one parent is refused" ui_wait "already a unit called"
is "$(units)" $((n0 + 1)) "nothing was added"

# Rename it: the cursor to its row.
ui_to_row 'Chi hội Thôn Mới' 3 21
ui_keys r
check "r asks for the new name, starting from the old one" ui_wait "New name: Chi hội Thôn Mới"
ui_keys C-u
ui_type "Chi hội Tổ 99"
ui_keys Enter
check "renamed" ui_wait "Renamed to Chi hội Tổ 99"
check "in the tree" ui_wait "Chi hội Tổ 99 +0$"

# Move it under another commune.
ui_keys m
check "m lists where to move it" ui_wait "Move Chi hội Tổ 99 under which unit"
ui_type "yen lam"
ui_keys Enter
check "moved" ui_wait "Moved Chi hội Tổ 99"
"$HV" -d "$D" check >/dev/null 2>&1
ok $? "hoivien check still passes"
printf 'Họ và tên,Giới tính,Năm sinh,Tổ chức,Đơn vị\nHà Thị Lụa,Nữ,1990,PN,Hội LHPN xã Yên Lâm/Chi hội Tổ 99\n' > "$T_TMP/one.csv"
out=$("$HV" -d "$D" import "$T_TMP/one.csv" 2>&1 | tail -1)
is "$out" "read=1 added=1 updated=0 unchanged=0 rejected=0" "an import finds the unit at its new place"
is "$(units)" $((n0 + 1)) "and creates no unit"

# A branch opens its members.
ui_keys C-l
check "the member count follows the import" ui_wait "Chi hội Tổ 99 +1$"
ui_to_row 'Chi hội Tổ 99' 3 21
ui_keys Enter
check "Enter on a branch shows its members" ui_wait "Hà Thị Lụa"
like "$(ui_screen)" "Organization: PN" "with the organization in view"
ui_keys Escape
ui_wait "Units of" >/dev/null

# A unit's area and its figures for this year.
year=$(date +%Y)
check "the unit under the cursor: no area, no population" \
	ui_wait "Area: not marked +│ +Eligible population $year: not entered"
ui_keys e
check "e opens the unit's area and figures" ui_wait "Chi hội Tổ 99: area and figures"
like "$(ui_screen)" "Year +$year" "for this year"
ui_keys Space Down Down Down Down Space
ui_keys Tab Tab
ui_type "1.250"
ui_keys Tab
ui_type "40"
ui_keys Tab
ui_type "900"
ui_keys Tab
ui_type "75,5"
ui_keys Tab
ui_type "12 000 000A"
check "a letter in a number is refused" ui_wait "That character does not belong"
like "$(ui_screen)" "Target: dues \(đồng\) +12 000 000$" "and not typed"
ui_keys BTab C-u
ui_type "101"
ui_keys F2
check "a rate over 100 % is refused, naming the field" ui_wait "gathering rate .*up to 100"
like "$(ui_screen)" "area and figures" "and the form stays open"
ui_keys C-u
ui_type "75,5"
ui_keys F2
check "F2 saves both" ui_wait "Saved: the area and the figures for $year of Chi hội Tổ 99"
check "the unit's line shows the population" ui_wait "Chi hội Tổ 99 +1250 +1$"
check "and the area is shown under the tree" \
	ui_wait "Area: ethnic minority, border +│ +Eligible population $year: 1250"
"$HV" -d "$D" check >/dev/null 2>&1
ok $? "hoivien check passes with the figures"
# (No command prints a unit's tags or figures yet: the form reads them back from the store.)
ui_keys e
ui_wait "area and figures" >/dev/null
like "$(ui_screen)" "Ethnic-minority area +\[x\]" "read back: ethnic-minority area"
like "$(ui_screen)" "Religious area +\[ \]" "not religious"
like "$(ui_screen)" "Border area +\[x\]" "border area"
like "$(ui_screen)" "Eligible population +1250$" "the population"
like "$(ui_screen)" "Target: admissions +40$" "the admissions"
like "$(ui_screen)" "Target: members +900$" "the members"
like "$(ui_screen)" "Target: gathering rate \(%\) +75\.5$" "the rate, in percent with a decimal"
like "$(ui_screen)" "Target: dues \(đồng\) +12000000$" "the dues"
# Another year has figures of its own.
ui_keys Tab Tab Tab Tab Tab C-u
ui_type "2024"
ui_keys Tab
check "another year: its own figures (none yet)" ui_wait "Eligible population *$"
ui_type "800"
ui_keys F2
check "saved for that year" ui_wait "Saved: the area and the figures for 2024"
check "this year's population stays on the line" ui_wait "Chi hội Tổ 99 +1250 +1$"
ui_keys e
ui_wait "area and figures" >/dev/null
ui_keys Tab Tab Tab Tab Tab C-u
ui_type "2024"
ui_keys Tab
check "2024's figures read back" ui_wait "Eligible population +800$"
ui_keys Escape
check "only looked at: Escape leaves at once" ui_wait "Units of"
ui_keys e
ui_wait "area and figures" >/dev/null
ui_keys Space
ui_keys Escape
check "leaving with a change asks first" ui_wait "Leave without saving"
ui_keys y
ui_wait "Units of" >/dev/null

# Two users: the one who saves second is told, and keeps what they typed.
ui_keys e
ui_wait "area and figures" >/dev/null
ui_keys Down Space
UI_SESSION=hv2 UI_USER=other ui_start -d "$D"
UI_SESSION=hv2 ui_wait "Main menu" >/dev/null
UI_SESSION=hv2 ui_keys 3
UI_SESSION=hv2 ui_wait "Units of" >/dev/null
UI_SESSION=hv2 ui_keys o o o
UI_SESSION=hv2 ui_wait "Units of Hội Liên hiệp Phụ nữ" >/dev/null
UI_SESSION=hv2 ui_keys Enter
UI_SESSION=hv2 ui_wait "▸ Hội LHPN xã Yên Lâm" >/dev/null
pos=$(UI_SESSION=hv2 ui_screen | sed -n '3,21p' | grep -n 'Yên Lâm' | cut -d: -f1)
for i in $(seq 2 "$pos"); do UI_SESSION=hv2 ui_keys Down; done
UI_SESSION=hv2 ui_keys Enter
UI_SESSION=hv2 ui_wait "Chi hội Tổ 99" >/dev/null
UI_SESSION=hv2 ui_to_row 'Chi hội Tổ 99' 3 21
UI_SESSION=hv2 ui_keys e
UI_SESSION=hv2 ui_wait "Chi hội Tổ 99: area and figures" >/dev/null
UI_SESSION=hv2 ui_keys Down Down Down Space F2
UI_SESSION=hv2 ui_wait "Saved: the area"
ok $? "the other user saves first"
UI_SESSION=hv2 ui_keys C-q
UI_SESSION=hv2 ui_wait_exit >/dev/null
UI_SESSION=hv2 ui_stop
ui_keys F2
check "the second save says who changed the unit" ui_wait "changed by other"
like "$(ui_screen)" "Religious area +\[x\]" "and keeps the input"
ui_keys Escape
ui_wait "Leave without saving" >/dev/null
ui_keys y
ui_wait "Units of" >/dev/null
ui_keys C-l
check "the other user's change stands" ui_wait "Area: ethnic minority, urban, border"
ui_keys C-q
is "$(ui_wait_exit)" 0 "quit"
ui_stop
check "no errors on stderr" test ! -s "$UI_ERR"
done_testing
