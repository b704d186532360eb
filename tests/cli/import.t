#!/bin/bash
# Import, find, show and export through the command line, against expected output.
. "$(dirname "$0")/../lib/tap.sh"
D=$(dirname "$0")/data
S=$T_TMP/store

"$HV" -d "$S" init > /dev/null
out=$("$HV" -d "$S" import "$D/members.csv"); st=$?
is "$st" 0 "a clean list imports with exit 0"
printf '%s\n' "$out" > "$T_TMP/import.out"
same_file "$T_TMP/import.out" "$D/members.import.expected" "the import summary is as expected"
is "$(printf '%s\n' "$out" | tail -n 1)" "read=10 added=10 updated=0 unchanged=0 rejected=0" \
	"the last line is the script summary"

out=$("$HV" -d "$S" import "$D/members.csv" | tail -n 1)
is "$out" "read=10 added=0 updated=0 unchanged=10 rejected=0" "importing the same file again adds nothing"

"$HV" -d "$S" find nguyen > "$T_TMP/find.out"; st=$?
is "$st" 0 "find exits 0 when it finds"
same_file "$T_TMP/find.out" "$D/find-nguyen.expected" "find nguyen: ids, names, births, organizations, units in official order"
out=$("$HV" -d "$S" find 'Thủy')
is "$(printf '%s\n' "$out" | cut -f2)" "Hoàng Thị Thủy" "a query with diacritics matches them exactly"
out=$("$HV" -d "$S" find thuy | cut -f2 | tr '\n' '|')
is "$out" "Hoàng Thị Thủy|Hoàng Thị Thúy|" "without diacritics it matches every accent, in official order"
out=$("$HV" -d "$S" find '001 190 000 002' | cut -f2,4)
is "$out" "Trần Thị Bình	ND,PN" "a 12-digit query finds by CCCD (spaces allowed): one person, two organizations"
out=$("$HV" -d "$S" find DV0005 | cut -f2)
is "$out" "Hoàng Thị Thúy" "a card number finds its holder"
"$HV" -d "$S" find zzzz > /dev/null; st=$?
is "$st" 1 "find exits 1 when nothing matches"
out=$("$HV" -d "$S" find -n 1 nguyen 2>&1 >/dev/null)
like "$out" "more than 1 matches" "a limit that cuts results says so"
out=$("$HV" -d "$S" find --org CCB dung | cut -f2)
is "$out" "Phạm Văn Dũng" "--org keeps members of one organization"

printf 'nguyen an\nThủy\nkhông có ai\n001085012345\n' | "$HV" -d "$S" find - > "$T_TMP/list.out"
same_file "$T_TMP/list.out" "$D/find-list.expected" "find - prefixes each result with its query; '-' marks a query without result"

out=$("$HV" -d "$S" show 2)
like "$out" "^Person 2$" "show prints the person"
like "$out" "Citizen ID \(CCCD\) +001190000002" "with the CCCD"
like "$out" "Membership [0-9]+: Hội Nông dân Việt Nam" "each membership"
like "$out" "Membership [0-9]+: Hội Liên hiệp Phụ nữ Việt Nam" "in every organization"
like "$out" "Card number +PN0007" "card numbers included"
like "$out" "Unit +Xã An Bình / Chi hội Thôn Đông" "with the unit's path"
out=$("$HV" -d "$S" show --history 2)
like "$out" "tester +created: Trần Thị Bình" "--history lists the creation"
"$HV" -d "$S" show 999 > /dev/null 2>&1; st=$?
is "$st" 1 "show of an unknown id exits 1"

# Export -> import into a new store -> export: the same rows (ids aside).
"$HV" -d "$S" export -o "$T_TMP/e1.csv" 2>/dev/null; st=$?
is "$st" 0 "export"
check "the export starts with a UTF-8 byte order mark for spreadsheets" \
	bash -c "head -c 3 '$T_TMP/e1.csv' | od -An -tx1 | grep -q 'ef bb bf'"
out=$("$HV" -d "$T_TMP/s2" import "$T_TMP/e1.csv" | head -n 1)
is "$out" "Created a new store in $T_TMP/s2." "importing into a new directory creates the store, and says so"
"$HV" -d "$T_TMP/s3" import "$T_TMP/no-such.csv" > /dev/null 2>&1; st=$?
is "$st" 3 "importing a missing file fails"
check "and creates no store" test ! -e "$T_TMP/s3"
"$HV" -d "$T_TMP/s2" export -o "$T_TMP/e2.csv" 2>/dev/null
cut -d, -f2- "$T_TMP/e1.csv" > "$T_TMP/e1.cut"
cut -d, -f2- "$T_TMP/e2.csv" > "$T_TMP/e2.cut"
same_file "$T_TMP/e2.cut" "$T_TMP/e1.cut" "an export re-imports into a new store unchanged"
out=$("$HV" -d "$S" import "$T_TMP/e1.csv" | tail -n 1)
is "$out" "read=10 added=0 updated=0 unchanged=10 rejected=0" "and into its own store without a change"
# The identity verified on papers and a membership that came by transfer go out and come back.
cat > "$T_TMP/flags.csv" <<'EOF2'
Họ và tên,Giới tính,Năm sinh,Đã xác minh,Tổ chức,Đơn vị,Ngày vào,Chuyển đến
Hà Văn Tiến,Nam,1971,x,ND,Xã An Bình,2010,Có
Lò Thị Mai,Nữ,1980,,PN,Xã An Bình,2011,
EOF2
out=$("$HV" -d "$T_TMP/s4" import "$T_TMP/flags.csv" | tail -n 1)
is "$out" "read=2 added=2 updated=0 unchanged=0 rejected=0" "the two flags are read"
"$HV" -d "$T_TMP/s4" export -o "$T_TMP/e4.csv" 2>/dev/null
like "$(grep 'Hà Văn Tiến' "$T_TMP/e4.csv")" ",Có,ND,.*,Có," "and exported as Đã xác minh and Chuyển đến"
like "$(head -n 1 "$T_TMP/e4.csv")" "Ghi chú,Đã xác minh,Tổ chức,Đơn vị,Ngày vào,Chuyển đến," "under their headers"
like "$(grep 'Lò Thị Mai' "$T_TMP/e4.csv")" ",,PN,.*,2011,," "left empty when not so"
out=$("$HV" -d "$T_TMP/s5" import "$T_TMP/e4.csv" | tail -n 1)
"$HV" -d "$T_TMP/s5" export -o "$T_TMP/e5.csv" 2>/dev/null
same_file <(cut -d, -f2- "$T_TMP/e5.csv") <(cut -d, -f2- "$T_TMP/e4.csv") "and re-imported unchanged"
out=$("$HV" -d "$T_TMP/s4" import "$T_TMP/e4.csv" | tail -n 1)
is "$out" "read=2 added=0 updated=0 unchanged=2 rejected=0" "into their own store without a change"
printf 'Họ và tên,Năm sinh,Đã xác minh,Tổ chức\nHà Văn Tú,1970,chắc thế,ND\n' > "$T_TMP/bad.csv"
out=$("$HV" -d "$T_TMP/s4" import --rejects "$T_TMP/flags.rej" "$T_TMP/bad.csv" 2>&1 | tail -n 1)
is "$out" "read=1 added=0 updated=0 unchanged=0 rejected=1" "a flag that is not yes or no rejects its row"
like "$(cat "$T_TMP/flags.rej")" "Đã xác minh" "naming the column"

out=$("$HV" -d "$S" export -o - --org CCB | wc -l)
is "$out" 2 "export --org writes only that organization's members"

out=$("$HV" -d "$S" check); st=$?
is "$st" 0 "check passes"
like "$out" "check: OK \(persons 9, memberships 10" "and counts what it checked"

"$HV" -d "$S" backup "$T_TMP/bk" > /dev/null; st=$?
is "$st" 0 "hot backup"
out=$("$HV" -d "$T_TMP/bk" find 001190000002 | cut -f2)
is "$out" "Trần Thị Bình" "a new -d DEST opens the backup"
out=$("$HV" -d "$T_TMP/bk" check); st=$?
is "$st" 0 "and the backup passes the check"
"$HV" -d "$S" backup "$T_TMP/bk" > /dev/null 2>&1; st=$?
is "$st" 3 "backing up over an existing store is refused"

done_testing
