#!/usr/bin/env bash
# The member card: open from the list, edit and save (checked with hoivien show), inline
# validation that keeps the input, a save that lost a race, cancel with unsaved changes, a new
# person, a terminal resized in the middle of a form.
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
"$HV" -d "$D" demo -n 300 --seed 5 >/dev/null 2>&1
# A person with a CCCD, found the way an office would.
id=2
cccd=$("$HV" -d "$D" show $id | sed -n 's/^  Citizen ID (CCCD) *//p')
name=$("$HV" -d "$D" show $id | sed -n 's/^  Full name *//p')
check "a person to edit ($id, $name)" test -n "$id" -a -n "$name"

ui_start -d "$D"
ui_wait "Main menu" >/dev/null
ui_keys 1
ui_wait "Full name" >/dev/null
ui_type "$cccd"
check "a CCCD typed in the search box finds the person" ui_wait "$name"
ui_keys Enter
check "Enter opens the member card" ui_wait "Member card — $name"
like "$(ui_screen)" "Citizen ID \(CCCD\) +$cccd" "the card shows the stored CCCD"
like "$(ui_screen)" "Org\. +Unit +Joined" "and the memberships below"

# To the phone field (the 5th in screens/member.scr), clear it, type a new number, save.
ui_keys Tab Tab Tab Tab Tab Tab
ui_keys C-u
ui_type "0912 345 678"
ui_keys F2
check "F2 saves and goes back to the list" ui_wait "Saved: $name"
phone=$("$HV" -d "$D" show "$id" | sed -n 's/^  Phone *//p')
is "$phone" "0912 345 678" "hoivien show has the new phone"

# An impossible date: an error naming what is wrong, the input kept, nothing saved.
ui_keys Enter
ui_wait "Member card" >/dev/null
ui_keys Tab Tab
ui_keys C-u
ui_type "31/02/1990"
ui_keys F2
check "an impossible date is refused with a message" ui_wait "Date of birth: .*31"
like "$(ui_screen)" "Date of birth +31/02/1990" "and the input is kept as typed"
like "$(ui_screen)" "Member card" "the form stays open"
birth=$("$HV" -d "$D" show "$id" | awk '/^  Date of birth/ { print $4 }')
check "nothing was saved" test "$birth" != "31/02/1990"

# A future birth date is refused too.
ui_keys C-u
ui_type "01/01/2099"
ui_keys F2
check "a future birth date is refused" ui_wait "Date of birth: .*future"

# Cancel with unsaved changes asks; n keeps the form, y leaves it.
ui_keys Escape
check "cancel with changes asks first" ui_wait "Leave without saving"
ui_keys n
check "n keeps the form and the input" ui_wait "Date of birth +01/01/2099"
ui_keys Escape
ui_wait "Leave without saving" >/dev/null
ui_keys y
check "y leaves without saving" ui_wait "Search:"

# A save that lost a race: someone else changes the person while the card is open.
ui_keys Enter
ui_wait "Member card" >/dev/null
ui_keys Tab Tab Tab Tab Tab Tab
ui_keys C-u
ui_type "0988 000 111"
# Another user, in another program, saves the same person first.
UI_SESSION=hv2 UI_USER=other ui_start -d "$D"
UI_SESSION=hv2 ui_open_card "$cccd" "$name"
UI_SESSION=hv2 ui_keys Tab Tab Tab Tab Tab Tab C-u
UI_SESSION=hv2 ui_type "0977 111 222"
UI_SESSION=hv2 ui_keys F2
UI_SESSION=hv2 ui_wait "Saved:"
ok $? "the other user saves first"
ui_keys F2
check "the save that lost the race says who changed the person" ui_wait "changed by other"
like "$(ui_screen)" "Phone +0988 000 111" "and keeps the input"
phone=$("$HV" -d "$D" show "$id" | sed -n 's/^  Phone *//p')
is "$phone" "0977 111 222" "the other user's change stands"
ui_keys Escape
ui_wait "Leave without saving" >/dev/null
ui_keys y
ui_wait "Search:" >/dev/null

# A new person from the list.
ui_keys C-a
check "C-a opens a blank card" ui_wait "Member card — new person"
ui_type "đinh thị   mỹ  duyên"
ui_keys Tab
check "the name is cleaned when the field is left" ui_wait "Full name\* +Đinh Thị Mỹ Duyên"
ui_type "nu"
ui_keys Tab
ui_type "7/1995"
ui_keys Tab
ui_type "12345678901"
ui_keys F2
check "an 11-digit CCCD is refused" ui_wait "Citizen ID.*11"
ui_keys C-u
ui_keys F2
check "the new person is saved" ui_wait "Saved: Đinh Thị Mỹ Duyên"
out=$("$HV" -d "$D" find "dinh thi my duyen")
like "$out" "Đinh Thị Mỹ Duyên	07/1995" "hoivien find finds the new person with the month-year birth date"
nid=$(printf '%s\n' "$out" | cut -f1)
like "$("$HV" -d "$D" show "$nid")" "Sex +Nữ" "with the sex typed as nu"

# The person's memberships, from the card: add one in another organization, change a role.
ui_keys C-u
ui_type "$cccd"
ui_wait "$name" >/dev/null
ui_keys Enter
ui_wait "Member card — $name" >/dev/null
check "the card says which key edits the memberships" ui_wait "PageDown: memberships"
ui_keys PageDown
check "PageDown lists the memberships" ui_wait "Memberships of $name"
before=$(ui_screen | sed -n '3,20p' | grep -c '[A-Z]')
ui_keys C-a
check "C-a opens a blank membership" ui_wait "Membership — $name"
ui_keys C-u
ui_type "MT"
ui_keys Tab C-o
check "C-o on the unit lists the units of MT" ui_wait "Ủy ban MTTQ tỉnh"
ui_type "ban cong tac"
ui_keys Enter Tab
birthyear=$("$HV" -d "$D" show "$id" | sed -n 's/^  Date of birth *.*\([0-9]\{4\}\)$/\1/p')
ui_type "$((birthyear - 1))"
ui_keys F2
check "a join date before the person's birth is refused" ui_wait "Date joined: .*before"
ui_keys C-u
ui_type "3/2024"
ui_keys F2
check "the membership is saved" ui_wait "Saved: the membership in MT"
check "and listed" ui_wait "^ MT +.*Ban Công tác"
is "$(ui_screen | sed -n '3,20p' | grep -c '[A-Z]')" $((before + 1)) "one membership more"
like "$("$HV" -d "$D" show "$id")" "Mặt trận Tổ quốc.*" "hoivien show lists it"
like "$("$HV" -d "$D" show "$id" | grep -A3 'Mặt trận')" "Date joined +03/2024" "with its month-year join date"
# Open it and make the person the branch's head.
ui_to_row '^ MT '
ui_keys Enter
check "Enter opens the membership" ui_wait "Organization\* +MT"
ui_keys Tab Tab Tab Tab C-o
check "the roles to choose from" ui_wait "Trưởng ban"
ui_type "truong ban"
ui_keys Enter F2
check "saved" ui_wait "Saved: the membership in MT"
like "$("$HV" -d "$D" show "$id" | grep -A5 'Mặt trận')" "Role +Trưởng ban" "the new role is stored"
check "saving goes back to the list of memberships" ui_wait "^ hoivien — Memberships of"
ui_keys Escape
check "Escape goes back to the card" ui_wait "^ hoivien — Member card — $name"
check "which read its memberships again" ui_wait "^ MT +.*Trưởng ban"
ui_keys Escape
check "and to the list" ui_wait "Search:"

# A terminal resized in the middle of a form keeps the input.
ui_keys C-a
ui_wait "new person" >/dev/null
ui_type "Lò Văn Pấng"
tmux_ resize-window -t hv -x 100 -y 30
check "resized to 100x30, the form is drawn again" ui_wait "Full name\* +Lò Văn Pấng"
tmux_ resize-window -t hv -x 80 -y 24
check "and back to 80x24, the input is still there" ui_wait "Full name\* +Lò Văn Pấng"
ui_keys Escape
ui_wait "Leave without saving" >/dev/null
ui_keys y
ui_keys C-q
is "$(ui_wait_exit)" 0 "quit"
ui_stop
check "no errors on stderr" test ! -s "$UI_ERR"
done_testing
