#!/usr/bin/env bash
# The review of duplicate pairs (Báo cáo, last item): the pairs side by side, best first; a pair
# recorded as two persons is gone from the duplicates report; a pair merged moves the
# memberships; a pair skipped stays; a record changed meanwhile is not merged.
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
# Three pairs: Vũ/Võ Hùng (5, 6), Lê Thị Lý/Lí (1, 2: ND and PN), Hoàng/Huỳnh Nam (3, 4).
cat > "$T_TMP/list.csv" <<'EOF'
Họ và tên,Giới tính,Ngày sinh,Dân tộc,Số CCCD,Điện thoại,Nơi ở hiện nay,Tổ chức,Đơn vị,Ngày vào
Lê Thị Lý,Nữ,12/05/1980,Kinh,,0912345678,,ND,Xã An Bình/Chi hội Thôn Đông,01/05/2010
Lê Thị Lí,Nữ,12/05/1980,Kinh,001180012345,,Thôn Đông,PN,Xã An Bình/Chi hội PN Thôn Đông,08/03/2012
Hoàng Văn Nam,Nam,03/03/1985,Kinh,,,,ND,Xã An Bình/Chi hội Thôn Đông,2015
Huỳnh Văn Nam,Nam,03/03/1985,Kinh,,,,CCB,Xã An Bình/Chi hội CCB,2016
Vũ Văn Hùng,Nam,1970,Kinh,,0987000111,,ND,Xã An Bình/Chi hội Thôn Đông,2000
Võ Văn Hùng,Nam,1970,Kinh,,0987000111,,ND,Xã An Bình/Chi hội Thôn Tây,2001
Trần Văn Bình,Nam,01/01/1975,Kinh,,,,ND,Xã An Bình/Chi hội Thôn Tây,2005
EOF
"$HV" -d "$D" import "$T_TMP/list.csv" > /dev/null 2>&1
pairs() { "$HV" -d "$D" report duplicates | sed -n 's/^\([0-9]*\) pairs to review.*/\1/p'; }

ui_start -d "$D"
ui_wait "Main menu" > /dev/null
ui_keys 6
check "item 6 lists the reports, the review last" ui_wait "^  Review duplicate pairs$"
ui_keys Down Down Down Down Down Down Down Enter
check "the best pair first, 1 of 3" ui_wait "Duplicate pairs: pair 1 of 3 \(all\)"
check "its score and reasons" ui_wait "^ Score 71: surname Vũ/Võ; same birth year"
check "side by side" ui_wait "^ Name +Vũ Văn Hùng +│ Võ Văn Hùng$"
check "each with its memberships" ui_wait "Thôn Đông +│ +Xã An Bình / Chi hội Thôn Tây$"

# Skip, then back.
ui_keys s
check "s skips to the next pair" ui_wait "pair 2 of 3"
check "Lý and Lí" ui_wait "^ CCCD +│ 001180012345$"
ui_keys Left
check "Left goes back" ui_wait "^ Name +Vũ Văn Hùng +│ Võ Văn Hùng$"

# Not a duplicate: the Hùngs.
ui_keys n
check "n records them as two persons" ui_wait "Persons 5 and 6 are recorded as two persons"
check "and shows the next pair" ui_wait "pair 1 of 2"
ui_wait "^ Name +Lê Thị Lý" > /dev/null
is "$(pairs)" 2 "hoivien report duplicates no longer proposes them"
check "nor lists them" test -z "$("$HV" -d "$D" report duplicates | grep 'Vũ Văn Hùng')"

# Merge: Lý (left) keeps.
ui_keys m
check "m asks which record to keep" ui_wait "Keep which record\? Left \(l\): person 1; right \(r\): person 2"
ui_keys l
check "then asks to confirm" ui_wait "Merge person 2 into person 1 \(Lê Thị Lý\), who takes its memberships\? \(y/n\)"
ui_keys y
check "says what was done, with the audit number" \
	ui_wait "Merged person 2 into person 1 \(audit number [0-9]+; hoivien unmerge 1 [0-9]+"
check "and shows the last pair" ui_wait "pair 1 of 1"
show=$("$HV" -d "$D" show 1)
like "$show" "Membership [0-9]+: Hội Liên hiệp Phụ nữ" "hoivien show 1: the PN membership moved"
like "$show" "Membership [0-9]+: Hội Nông dân" "next to its own ND one"
like "$show" "Citizen ID \(CCCD\) +001180012345" "and the CCCD came with it"
"$HV" -d "$D" show 2 > /dev/null 2>&1
is "$?" 1 "person 2 is no more"

# Skipping the last pair keeps it; a record changed meanwhile is not merged.
ui_wait "^ Name +Hoàng Văn Nam +│ Huỳnh Văn Nam$" > /dev/null
ui_keys s
check "s on the last pair says so" ui_wait "That was the last pair"
printf 'Họ và tên,Giới tính,Ngày sinh,Điện thoại,Tổ chức,Đơn vị\nHoàng Văn Nam,Nam,03/03/1985,0900111222,ND,Xã An Bình/Chi hội Thôn Đông\n' \
	> "$T_TMP/change.csv"
"$HV" -d "$D" import "$T_TMP/change.csv" > /dev/null 2>&1
ui_keys m
ui_wait "Keep which record" > /dev/null
ui_keys l
ui_wait "\(y/n\)" > /dev/null
ui_keys y
check "a record changed meanwhile: nothing done" ui_wait "Nothing done: someone changed one of the two"
check "the pair shows what is saved" ui_wait "^ Phone +0900111222 +│"
like "$("$HV" -d "$D" show 4)" "Membership [0-9]+: Hội Cựu chiến binh" "person 4 is still there"
ui_keys m
ui_wait "Keep which record" > /dev/null
ui_keys Escape
check "Escape at the question: not merged" ui_wait "Not merged"
is "$(pairs)" 1 "the pair is still proposed"

ui_keys Escape
check "Escape goes back" ui_wait "Main menu"
ui_keys C-q
is "$(ui_wait_exit)" 0 "the program ends"
"$HV" -d "$D" check > /dev/null
is "$?" 0 "the store checks clean"

done_testing
