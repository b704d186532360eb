#!/usr/bin/env bash
# Transfers (chuyển sinh hoạt) in the membership form: another unit for an active membership is
# a transfer or a mistake corrected, asked on the message line.  A transfer ends the membership
# as transferred on the date asked and starts one in the new unit, come by transfer, with the
# same card and role, in one transaction; a correction changes the unit in place.
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
"$HV" -d "$D" demo -n 300 --seed 5 >/dev/null 2>&1
id=3
show() { "$HV" -d "$D" show "$id"; }
# The block of one membership in hoivien show: "Membership N: …" to the blank line after it.
block() { show | awk -v n="$1" '$1 == "Membership" && $2 == n":" { on = 1 } on && /^$/ { exit } on'; }
count() { show | grep -c '^Membership'; }
cccd=$(show | sed -n 's/^  Citizen ID (CCCD) *//p')
name=$(show | sed -n 's/^  Full name *//p')
old=$(show | sed -n 's/^Membership \([0-9]*\): Hội Nông dân.*/\1/p' | head -1)
card=$(block "$old" | sed -n 's/^  Card number *//p')
role=$(block "$old" | sed -n 's/^  Role *//p')
check "a person with an active ND membership ($name, $old, $card)" \
	test -n "$old" -a -n "$card" -a -n "$role"
like "$(block "$old")" "Status +Đang sinh hoạt" "it is active"
n0=$(count)
to="Hội Nông dân tỉnh Ninh Bình / Hội Nông dân xã Yên Lâm / Chi hội Xóm 5"

ui_start -d "$D"
ui_open_card "$cccd" "$name"
ui_wait "Member card — $name" >/dev/null
ui_keys PageDown
ui_wait "Memberships of $name" >/dev/null

# A new membership shows whether it came by transfer.
ui_keys C-a
check "a new membership's form" ui_wait "Membership — $name"
like "$(ui_screen)" "Transferred in +Không" "shows the transferred-in field: no, by default"
ui_keys Escape
ui_wait "Memberships of" >/dev/null

# Another unit, then cancel the question: nothing is saved and the form stays as typed.
ui_to_row '^ ND '
ui_keys Enter
check "the ND membership opens" ui_wait "Organization\* +ND"
ui_keys Tab C-u C-o
check "C-o lists ND's units" ui_wait "Hội Nông dân tỉnh Ninh Bình"
ui_type "yen lam / chi hoi xom 5"
ui_keys Enter
check "the new unit is in the field" ui_wait "Xã Yên Lâm / Chi hội Xóm 5|xã Yên Lâm / Chi hội Xóm 5"
ui_keys F2
check "saving asks: a transfer or a mistake corrected" \
	ui_wait "Another unit: a transfer \(t\) or a mistake corrected \(c\)\?"
ui_keys Escape
ui_wait_gone "a transfer \(t\)" >/dev/null
check "cancelled: the form stays" ui_wait "Unit / branch\* +.*Xóm 5"
is "$(count)" "$n0" "and nothing was saved"

# Transfer: a date that is no date, then the date.
ui_keys F2
ui_wait "a transfer \(t\)" >/dev/null
ui_keys t
check "t asks for the transfer date, today by default" ui_wait "Transfer date: $(date +%d/%m/%Y)"
ui_keys C-u
ui_type "31/02/2025"
ui_keys Enter
check "an impossible date is said" ui_wait "Transfer date: day 31 does not exist"
like "$(ui_screen)" "Unit / branch\* +.*Xóm 5" "the form stays as typed"
is "$(count)" "$n0" "and nothing was saved"
ui_keys F2
ui_wait "a transfer \(t\)" >/dev/null
ui_keys t
ui_wait "Transfer date:" >/dev/null
ui_keys C-u
ui_type "15/10/2025"
ui_keys Enter
check "transferred, the new unit named" ui_wait "Transferred on 15/10/2025 to Chi hội Xóm 5\."
check "back in the list" ui_wait "Memberships of $name"
is "$(count)" $((n0 + 1)) "one membership more"
b=$(block "$old")
like "$b" "Status +Chuyển sinh hoạt$" "hoivien show: the old membership is transferred"
like "$b" "Status date +15/10/2025" "on the transfer date"
like "$b" "Status reason +Chuyển sinh hoạt đến $to" "to the new unit"
like "$b" "Unit +Hội Nông dân tỉnh Ninh Bình / Hội Nông dân xã Yên Thịnh" "and keeps its unit"
new=$(show | sed -n 's/^Membership \([0-9]*\): Hội Nông dân.*/\1/p' | grep -vx "$old" | head -1)
b=$(block "$new")
like "$b" "Unit +$to" "the new membership is in the new unit"
like "$b" "Status +Đang sinh hoạt" "active"
like "$b" "Date joined +15/10/2025" "from the transfer date"
like "$b" "Transferred in +Có" "come by transfer (Transferred in: Có)"
like "$b" "Card number +$card" "with the same card"
like "$b" "Role +$role" "and role"
"$HV" -d "$D" check >/dev/null 2>&1
ok $? "hoivien check passes"

# A mistake corrected: the unit changes in place.
ui_to_row '^ ND .*Xóm 5'
ui_keys Enter
check "the new membership opens" ui_wait "Transferred in +Có"
ui_keys Tab C-u C-o
ui_wait "Hội Nông dân tỉnh Ninh Bình" >/dev/null
ui_type "yen lam / chi hoi thon tay"
ui_keys Enter
ui_wait "Chi hội Thôn Tây" >/dev/null
ui_keys F2
ui_wait "a transfer \(t\)" >/dev/null
ui_keys c
check "c saves the correction" ui_wait "Saved: the membership in ND"
is "$(count)" $((n0 + 1)) "no membership more"
like "$(block "$new")" "Unit +.*Yên Lâm / Chi hội Thôn Tây" "the unit is corrected in place"
like "$(block "$new")" "Transferred in +Có" "still come by transfer"

# A transfer that lost a race: someone changed the membership since the form was opened.
ui_to_row '^ ND .*Thôn Tây'
ui_keys Enter
ui_wait "Transferred in +Có" >/dev/null
ui_keys Tab C-u C-o
ui_wait "Hội Nông dân tỉnh Ninh Bình" >/dev/null
ui_type "yen lam / chi hoi thon dong"
ui_keys Enter
ui_wait "Chi hội Thôn Đông" >/dev/null
UI_SESSION=hv2 UI_USER=other ui_start -d "$D"
UI_SESSION=hv2 ui_open_card "$cccd" "$name"
UI_SESSION=hv2 ui_keys PageDown
UI_SESSION=hv2 ui_wait "Memberships of" >/dev/null
UI_SESSION=hv2 ui_to_row '^ ND .*Thôn Tây'
UI_SESSION=hv2 ui_keys Enter
UI_SESSION=hv2 ui_wait "Transferred in +Có" >/dev/null
UI_SESSION=hv2 ui_keys Tab Tab Tab C-u
UI_SESSION=hv2 ui_type "ND-99"
UI_SESSION=hv2 ui_keys F2
UI_SESSION=hv2 ui_wait "Saved: the membership"
ok $? "the other user saves the membership first"
UI_SESSION=hv2 ui_keys C-q
UI_SESSION=hv2 ui_wait_exit >/dev/null
UI_SESSION=hv2 ui_stop
n1=$(count)
ui_keys F2
ui_wait "a transfer \(t\)" >/dev/null
ui_keys t
ui_wait "Transfer date:" >/dev/null
ui_keys Enter
check "the transfer says who changed the membership" ui_wait "changed by other"
like "$(ui_screen)" "Unit / branch\* +.*Thôn Đông" "and keeps the form as typed"
is "$(count)" "$n1" "no membership was added"
like "$(block "$new")" "Status +Đang sinh hoạt" "nor the old one ended: all or nothing"
ui_keys Escape
ui_wait "Leave without saving" >/dev/null
ui_keys y
ui_wait "Memberships of" >/dev/null
ui_keys C-q
is "$(ui_wait_exit)" 0 "quit"
ui_stop
check "no errors on stderr" test ! -s "$UI_ERR"
done_testing
