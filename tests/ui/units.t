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
pos=$(ui_screen | sed -n '3,21p' | grep -n 'Chi hội Thôn Mới' | cut -d: -f1)
ui_keys Home
for i in $(seq 2 "$pos"); do ui_keys Down; done
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
pos=$(ui_screen | sed -n '3,21p' | grep -n 'Chi hội Tổ 99' | cut -d: -f1)
ui_keys Home
for i in $(seq 2 "$pos"); do ui_keys Down; done
ui_keys Enter
check "Enter on a branch shows its members" ui_wait "Hà Thị Lụa"
like "$(ui_screen)" "Organization: PN" "with the organization in view"
ui_keys C-q
is "$(ui_wait_exit)" 0 "quit"
ui_stop
check "no errors on stderr" test ! -s "$UI_ERR"
done_testing
