#!/bin/bash
# hoivien merge, unmerge and notdup: two records of one person merged and the merge undone from
# its audit number; a pair recorded as two persons and never proposed again; the history that
# follows a merged person; the errors and their exit statuses.
. "$(dirname "$0")/../lib/tap.sh"
S=$T_TMP/store

# Three pairs the duplicates report proposes: Vũ/Võ Hùng (5, 6), Lê Thị Lý/Lí (1, 2: one woman
# in ND and PN, a phone in one record, a CCCD and an address in the other), Hoàng/Huỳnh Nam
# (3, 4).
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
"$HV" -d "$S" import "$T_TMP/list.csv" > /dev/null; st=$?
is "$st" 0 "the list imports"
pairs() { "$HV" -d "$S" report duplicates | sed -n 's/^\([0-9]*\) pairs to review.*/\1/p'; }
is "$(pairs)" 3 "three pairs to review"
overlap() { "$HV" -d "$S" report overlap --as-of 01/01/2025 | sed -n 's/^\([0-9]* persons hold [0-9]* memberships\).*/\1/p'; }
is "$(overlap)" "7 persons hold 7 memberships" "seven persons, seven memberships"

# notdup: the Hùngs are two men.
out=$("$HV" -d "$S" notdup 6 5 --note "hai anh em"); st=$?
is "$st" 0 "notdup 6 5"
like "$out" "^Persons 6 and 5 are recorded as two persons" "says so"
is "$(pairs)" 2 "the pair is no longer proposed"
check "nor listed" test -z "$("$HV" -d "$S" report duplicates | grep 'Vũ Văn Hùng')"
out=$("$HV" -d "$S" notdup 5 6); st=$?
is "$st" 0 "recorded again: not an error"
like "$out" "already recorded" "but nothing added"
out=$("$HV" -d "$S" notdup --remove 5 6); st=$?
is "$st" 0 "notdup --remove"
is "$(pairs)" 3 "the pair is proposed again"
"$HV" -d "$S" notdup 5 6 > /dev/null
is "$(pairs)" 2 "and decided again"

# merge: Lý (1) keeps; Lí (2) goes.
out=$("$HV" -d "$S" merge 1 2); st=$?
is "$st" 0 "merge 1 2"
like "$out" "^Merged person 2 \(Lê Thị Lí\) into person 1 \(Lê Thị Lý\): audit number [0-9]+\.$" \
	"prints what was merged and the audit number"
like "$out" "^Memberships moved: [0-9]+ \(PN\)$" "the PN membership moved"
like "$out" "^Fields filled from person 2: Citizen ID \(CCCD\), Address$" "the CCCD and address filled"
seq=$(printf '%s\n' "$out" | sed -n 's/.*audit number \([0-9]*\)\.$/\1/p')
like "$out" "^To undo it: hoivien unmerge 1 $seq$" "and how to undo it"
show=$("$HV" -d "$S" show 1)
like "$show" "Membership [0-9]+: Hội Liên hiệp Phụ nữ" "person 1 has the PN membership"
like "$show" "Membership [0-9]+: Hội Nông dân" "and its own ND one"
like "$show" "Citizen ID \(CCCD\) +001180012345" "and the CCCD"
like "$show" "Phone +0912345678" "and keeps its phone"
"$HV" -d "$S" show 2 > /dev/null 2>&1; st=$?
is "$st" 1 "person 2 is gone"
is "$("$HV" -d "$S" find 001180012345 | cut -f1)" 1 "the CCCD finds person 1"
is "$(pairs)" 1 "one pair left to review"
is "$(overlap)" "6 persons hold 7 memberships" "overlap: one person fewer, the same memberships"
like "$("$HV" -d "$S" report overlap --as-of 01/01/2025)" "^PN +1 +2 +0 +1 " \
	"PN's one person is in two organizations now"
"$HV" -d "$S" check > /dev/null; st=$?
is "$st" 0 "the store checks clean"

# The history follows the merged person.
hist=$("$HV" -d "$S" show 1 --history)
like "$hist" "merged: person 2 \(Lê Thị Lí\) merged into this one; audit number $seq" "the merge"
like "$hist" "^      History of person 2 \(Lê Thị Lí\), merged into this one:$" \
	"then the merged person's history"
like "$hist" "^      [0-9/]+ [0-9:]+  tester +created: Lê Thị Lí$" "its creation"
like "$hist" "^      [0-9/]+ [0-9:]+  tester +merged into person 1 \(audit number $seq\)$" \
	"and its merge"

# A merge into a person who had one already: histories nest.
out=$("$HV" -d "$S" merge 7 1); st=$?
is "$st" 0 "person 1 merged into person 7"
seq2=$(printf '%s\n' "$out" | sed -n 's/.*audit number \([0-9]*\)\.$/\1/p')
hist=$("$HV" -d "$S" show 7 --history)
like "$hist" "^      History of person 1 \(Lê Thị Lý\), merged into this one:$" "person 1's history"
like "$hist" "^        History of person 2 \(Lê Thị Lí\), merged into this one:$" \
	"and within it person 2's"
out=$("$HV" -d "$S" unmerge 7 "$seq2"); st=$?
is "$st" 0 "unmerge 7 $seq2"
like "$out" "^Undid merge $seq2: person 1 \(Lê Thị Lý\) is back with its memberships\.$" "says so"
hist=$("$HV" -d "$S" show 7 --history)
like "$hist" "merge $seq2 undone: person 1 separated again" "person 7's history says it was undone"
check "and no longer includes person 1's" test -z "$(printf '%s\n' "$hist" | grep 'History of person 1')"

# unmerge: person 2 back as it was.
out=$("$HV" -d "$S" unmerge 1 "$seq"); st=$?
is "$st" 0 "unmerge 1 $seq"
like "$out" "^Undid merge $seq: person 2 \(Lê Thị Lí\) is back with its memberships\.$" "says so"
show=$("$HV" -d "$S" show 2)
like "$show" "Membership [0-9]+: Hội Liên hiệp Phụ nữ" "person 2 has its PN membership back"
like "$show" "Citizen ID \(CCCD\) +001180012345" "and its CCCD"
like "$show" "version 1;" "and its version: the record as it was"
check "person 1 gave back the CCCD" test -z "$("$HV" -d "$S" show 1 | grep 001180012345)"
is "$(overlap)" "7 persons hold 7 memberships" "overlap as before the merge"
is "$(pairs)" 2 "the Lý/Lí pair is proposed again"
"$HV" -d "$S" check > /dev/null; st=$?
is "$st" 0 "the store checks clean after the undo"
like "$("$HV" -d "$S" show 2 --history)" "separated again from person 1 \(merge $seq undone\)" \
	"person 2's history says it was separated again"

# Errors.
err=$("$HV" -d "$S" unmerge 1 "$seq" 2>&1 >/dev/null); st=$?
is "$st" 3 "a second unmerge exits 3"
like "$err" "merge $seq was undone already" "and says why"
err=$("$HV" -d "$S" unmerge 1 99999 2>&1 >/dev/null); st=$?
is "$st" 1 "an unknown merge exits 1"
like "$err" "person 1 has no merge with the audit number 99999" "and says so"
err=$("$HV" -d "$S" merge 3 3 2>&1 >/dev/null); st=$?
is "$st" 2 "merging a person into itself exits 2"
like "$err" "cannot be merged into itself" "and says so"
err=$("$HV" -d "$S" merge 3 999 2>&1 >/dev/null); st=$?
is "$st" 1 "merging a missing person exits 1"
like "$err" "person 999 does not exist" "and names it"
err=$("$HV" -d "$S" merge 3 2>&1 >/dev/null); st=$?
is "$st" 2 "merge with one id exits 2"
err=$("$HV" -d "$S" merge 3 x 2>&1 >/dev/null); st=$?
is "$st" 2 "merge with a bad id exits 2"
like "$err" "'x' is not a person id" "and names it"
err=$("$HV" -d "$S" notdup 3 3 2>&1 >/dev/null); st=$?
is "$st" 2 "notdup of one person exits 2"
err=$("$HV" -d "$S" notdup --remove 3 4 2>&1 >/dev/null); st=$?
is "$st" 1 "removing a pair never recorded exits 1"
err=$("$HV" -d "$S" notdup 3 999 2>&1 >/dev/null); st=$?
is "$st" 1 "notdup of a missing person exits 1"
err=$("$HV" -d "$T_TMP/none" merge 1 2 2>&1 >/dev/null); st=$?
is "$st" 3 "no store exits 3"
out=$("$HV" merge --help); st=$?
is "$st" 0 "merge --help"
like "$out" "^Usage: hoivien merge \[OPTIONS\] KEEP GONE$" "with its synopsis"
like "$("$HV" notdup --help)" "--remove +forget the decision" "notdup --help lists --remove"
"$HV" -d "$S" check > /dev/null; st=$?
is "$st" 0 "nothing changed by the errors"

done_testing
