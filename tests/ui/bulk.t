#!/usr/bin/env bash
# Bulk entry: organization and branch chosen once, 20 members typed with Enter from field to
# field, each saved on the last field with the carried fields kept; a running count; a known
# CCCD and a look-alike in the same commune are warned about, not refused.
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
"$HV" -d "$D" demo -n 200 --seed 3 >/dev/null 2>&1

ui_start -d "$D"
ui_wait "Main menu" >/dev/null
ui_keys 2
check "2 opens bulk entry" ui_wait "Bulk entry of a member list — 0 entered"
# The organization from its list (C-o, narrowed by typing), then the branch the same way.
ui_keys C-o
check "C-o lists the organizations" ui_wait "PN — Hội Liên hiệp Phụ nữ"
ui_type "phu nu"
ui_keys Enter
check "the organization is chosen" ui_wait "Organization\* +PN "
ui_keys Tab C-o
check "C-o on the unit lists the units of PN" ui_wait "Hội LHPN tỉnh Ninh Bình"
unit=$(ui_screen | grep -o 'Hội LHPN xã [^/]*/ Chi hội [^ ].*[^ ]' | head -1 | sed 's/ *$//')
ui_type "chi hoi"
ui_keys Enter
check "a branch is chosen ($unit)" ui_wait "Unit / branch\*"
ui_keys Enter

given="An Bình Chi Dung Giang Hạnh Khánh Lan Mai Nga Oanh Phương Quyên Sen Tâm Uyên Vân Xuân Yến Ánh"
i=0
for g in $given; do
	i=$((i + 1))
	ui_type "Lương Thị $g"; ui_keys Enter
	ui_type "nu"; ui_keys Enter
	ui_type "$((1980 + i))"; ui_keys Enter
	ui_type "kinh"; ui_keys Enter
	ui_keys Enter			# religion
	ui_keys Enter			# CCCD
	ui_keys Enter			# phone
	if [ $i = 1 ]; then ui_type "Thôn Bắc, xã Yên Thịnh"; fi
	ui_keys Enter			# address (carried after the first)
	if [ $i = 1 ]; then ui_type "15/03/2020"; fi
	ui_keys Enter			# date joined (carried)
	ui_type "PN-B$i"; ui_keys Enter
	ui_keys Enter			# role: the last field saves
	ui_wait "— $i entered" 10 >/dev/null || break
done
check "20 members entered, counted on the title" ui_wait "— 20 entered"
like "$(ui_screen)" "Address +Thôn Bắc, xã Yên Thịnh" "the address is carried to the next blank record"
like "$(ui_screen)" "Date joined +15/03/2020" "so is the join date"
like "$(ui_screen)" "Full name\* +Sex" "the name is blank again"

out=$("$HV" -d "$D" find -n 0 "luong thi")
is "$(printf '%s\n' "$out" | grep -c 'Lương Thị')" 20 "all 20 are in the store"
id=$(printf '%s\n' "$out" | grep 'Lương Thị Yến' | cut -f1)
show=$("$HV" -d "$D" show "$id")
like "$show" "Date of birth +1999" "a member's own fields (born 1999)"
like "$show" "Address +Thôn Bắc, xã Yên Thịnh" "the carried address"
like "$show" "Date joined +15/03/2020" "the carried join date"
like "$show" "Card number +PN-B19" "the card number typed for that row"
like "$show" "Unit +.*Chi hội" "in the chosen branch"
like "$show" "Hội Liên hiệp Phụ nữ" "of the chosen organization"

# The same name (typed without accents) and birth year again, in the same commune: saved,
# with a warning.
ui_type "Luong Thi An"; ui_keys Enter
ui_type "nu"; ui_keys Enter
ui_type "1981"; ui_keys Enter Enter Enter Enter Enter Enter Enter Enter Enter
check "a look-alike in the same commune is pointed out" ui_wait "same name and birth year"
check "but saved all the same" ui_wait "— 21 entered"

# A CCCD already in the store: the person is asked about, and the membership can go to them.
cccd=$("$HV" -d "$D" show 1 | sed -n 's/^  Citizen ID (CCCD) *//p')
oname=$("$HV" -d "$D" show 1 | sed -n 's/^  Full name *//p')
ui_type "$oname"; ui_keys Enter
ui_type "nam"; ui_keys Enter Enter Enter Enter
ui_type "$cccd"; ui_keys Enter Enter Enter Enter Enter Enter
check "a known CCCD asks whether it is that person" ui_wait "CCCD $cccd is already"
ui_keys y
check "yes: the membership goes to that person" ui_wait "Saved: a membership of"
like "$("$HV" -d "$D" show 1)" "Hội Liên hiệp Phụ nữ" "hoivien show lists the new membership"

ui_keys Escape
ui_wait "Main menu" >/dev/null
ui_keys q
is "$(ui_wait_exit)" 0 "quit"
ui_stop
check "no errors on stderr" test ! -s "$UI_ERR"
done_testing
