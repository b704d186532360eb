#!/bin/bash
# Old Vietnamese encodings on the command line: convert between them and back, detect them,
# import a list in each (guessed or named), preview one, and the errors: a character the
# target cannot hold, a byte the source does not define, a file whose encoding cannot be told.
. "$(dirname "$0")/../lib/tap.sh"
S=$T_TMP/store
U=$T_TMP/u.csv

# A member list with every kind of letter (tones, ă â ê ô ơ ư đ, capitals), in UTF-8.
cat > "$U" <<'CSV'
Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tổ chức,Đơn vị
Nguyễn Văn Hoàng,12/03/1980,Nam,Kinh,ND,Xã An Bình/Chi hội Thôn Đông
Trần Thị Thuỷ,1975,Nữ,Kinh,PN,Xã An Bình/Chi hội Thôn Tây
Đặng Quốc Việt,1990,Nam,Kinh,DTN,Xã An Bình/Chi đoàn Thôn Đông
Lê Thị Ánh Tuyết,1988,Nữ,Tày,PN,Xã An Bình/Chi hội Thôn Tây
Phạm Hữu Ước,1961,Nam,Mường,CCB,Xã An Bình/Chi hội Cựu chiến binh
Vũ Thị Ỷ Lan,1979,Nữ,Kinh,PN,Xã An Bình/Chi hội Thôn Đông
Hồ Sỹ Ơn,1958,Nam,Kinh,ND,Xã An Bình/Chi hội Thôn Tây
CSV

# Every encoding that holds every letter: there and back, and detected on the way.
for e in vn1 vni vps viscii cp1258 viqr nfd utf-8; do
	"$HV" convert --from utf-8 --to "$e" -o "$T_TMP/$e.csv" "$U"
	is "$?" 0 "utf-8 -> $e"
	want=$e
	[ "$e" = nfd ] && want=utf-8	# decomposed Unicode is Unicode
	like "$("$HV" detect "$T_TMP/$e.csv")" "^$T_TMP/$e.csv: $want confidence=(0\.9[0-9]|1\.00) " \
		"detect says $want with confidence >= 0.90"
	"$HV" convert --to utf-8 -o "$T_TMP/$e.back" "$T_TMP/$e.csv" 2>/dev/null
	same_file "$T_TMP/$e.back" "$U" "$e -> utf-8 (guessed) gives the list back byte for byte"
done
is "$(cmp -s "$T_TMP/nfd.csv" "$U"; echo $?)" 1 "nfd really is decomposed"

# TCVN3 has no toned capitals: converting says where, writes nothing, unless --replace.
out=$("$HV" convert --from utf-8 --to tcvn3 -o "$T_TMP/t.csv" "$U" 2>&1); st=$?
is "$st" 3 "a letter TCVN3 cannot hold stops the conversion (exit 3)"
like "$out" "u\.csv:5: column 8: TCVN3.*'Á' \(U\+00C1\)" "naming file, line, column and the letter"
check "and no output file is left" test ! -e "$T_TMP/t.csv"
out=$("$HV" convert --from utf-8 --to tcvn3 --replace -o "$T_TMP/t.csv" "$U" 2>&1); st=$?
is "$st" 4 "--replace converts, exit 4"
like "$out" "2 characters could not be written in tcvn3" "and counts what it replaced (Á and Ỷ)"
like "$("$HV" detect "$T_TMP/t.csv")" ": tcvn3 confidence=(0\.9[0-9]|1\.00) " "detect says tcvn3"
like "$("$HV" convert --to utf-8 "$T_TMP/t.csv" 2>/dev/null)" "Lê Thị ánh Tuyết" \
	"the toned capital came back as the old fonts wrote it, in lowercase"

# Import a TCVN3 list without saying so: guessed, converted, stored in NFC.
out=$("$HV" -d "$S" import "$T_TMP/t.csv"); st=$?
is "$st" 0 "a TCVN3 list imports"
like "$out" "^Encoding: tcvn3 \(guessed, confidence (0\.9[0-9]|1\.00)\)" "the summary says the encoding it guessed"
is "$(printf '%s\n' "$out" | tail -n 1)" "read=7 added=7 updated=0 unchanged=0 rejected=0" "every row in"
is "$("$HV" -d "$S" find 'Đặng Quốc Việt' | cut -f2,3)" "Đặng Quốc Việt	1990" "found by its name typed in Unicode"
is "$("$HV" -d "$S" find 'tran thi thuy' | cut -f2 | od -An -tx1 | tr -d ' \n')" \
	"$(printf 'Trần Thị Thuỷ\n' | od -An -tx1 | tr -d ' \n')" "stored in NFC"
# A VNI list (named, not guessed) holds the same people as the Unicode one, letter for letter.
out=$("$HV" -d "$T_TMP/s4" import --encoding vni "$T_TMP/vni.csv"); st=$?
like "$out" "^Encoding: vni \(as given\)" "--encoding names the encoding"
is "$(printf '%s\n' "$out" | tail -n 1)" "read=7 added=7 updated=0 unchanged=0 rejected=0" "a VNI list imports"
is "$("$HV" -d "$T_TMP/s4" import "$U" | tail -n 1)" "read=7 added=0 updated=0 unchanged=7 rejected=0" \
	"the same list in Unicode finds every person unchanged"

# Preview: the first rows as they would be read; no store is made.
out=$("$HV" -d "$T_TMP/none" import --preview=2 "$T_TMP/viscii.csv"); st=$?
is "$st" 0 "--preview exits 0"
like "$out" "^Encoding: viscii \(guessed, confidence" "it says the guess"
like "$out" "   2  Nguyễn Văn Hoàng \| 12/03/1980 \| Nam \| Kinh \| ND \| Xã An Bình/Chi hội Thôn Đông" \
	"and shows the rows decoded"
like "$out" "the header and 2 rows; nothing was imported" "two rows, nothing imported"
check "no store was created" test ! -e "$T_TMP/none"

# A byte the encoding does not have rejects its row, naming the column; the rest come in.
printf 'Họ và tên,Năm sinh\nLê Văn A,1990\nLê Văn B,1991\n' | "$HV" convert --from utf-8 --to cp1258 |
	perl -pe 's/ A,/ \x81,/' > "$T_TMP/bad1258.csv"
out=$("$HV" -d "$T_TMP/s2" import --encoding cp1258 --org ND "$T_TMP/bad1258.csv"); st=$?
is "$st" 4 "a row with a byte Windows-1258 lacks is rejected (exit 4)"
is "$(printf '%s\n' "$out" | tail -n 1)" "read=2 added=1 updated=0 unchanged=0 rejected=1" "the other row is in"
like "$(cat "$T_TMP/bad1258.rejects.csv")" "row 2, column 1: byte 0x81" "the rejects file names the row, column and byte"
is "$("$HV" -d "$T_TMP/s2" find 'le van b' | cut -f2)" "Lê Văn B" "the good row was decoded"

# A file whose encoding cannot be told: refused, asking for --encoding.
head -c 3000 /dev/urandom | tr -d '\n\r,;\t"' > "$T_TMP/noise"
printf 'Họ và tên\n' | "$HV" convert --from utf-8 --to vni > "$T_TMP/noise.csv"
fold -w 60 "$T_TMP/noise" >> "$T_TMP/noise.csv"
out=$("$HV" -d "$T_TMP/s3" import --org ND "$T_TMP/noise.csv" 2>&1); st=$?
is "$st" 3 "noise is refused (exit 3)"
like "$out" "cannot tell the file's encoding.*--encoding" "asking for --encoding"
check "and no store is left" test ! -e "$T_TMP/s3"

# convert: errors name the place; stdin; fixing capitals; VIQR keeps literal marks.
printf 'ok\nL\xea V\x81n\n' > "$T_TMP/bad.txt"
out=$("$HV" convert --from cp1258 --to utf-8 "$T_TMP/bad.txt" 2>&1); st=$?
is "$st" 3 "an undefined byte stops convert"
like "$out" "bad\.txt:2: byte 0x81 is not a character of" "naming the line and the byte"
is "$(printf 'Nguy\xd4n\n' | "$HV" convert --from tcvn3 --to utf-8)" "Nguyễn" "standard input, TCVN3 to Unicode"
is "$(printf 'NGUY\xd4N V\xa8N A\n' | "$HV" convert --from tcvn3 --to utf-8 --fix-caps)" "NGUYỄN VĂN A" \
	"--fix-caps mends a word typed in a capitals font"
is "$(printf "Hà Nội. What? A'b \\\\ don't\\n" | "$HV" convert --from utf-8 --to viqr | "$HV" convert --from viqr --to utf-8)" \
	"Hà Nội. What? A'b \\ don't" "VIQR keeps what looks like a mark but is not"
is "$(printf 'Nguyễn\n' | "$HV" convert --from utf-8 --to viqr)" "Nguye^~n" "VIQR mnemonics"
is "$(printf '\xef\xbb\xbfH\xe1\xbb\x8d\n' | "$HV" convert --to vni | od -An -c | tr -s ' ')" " H o 357 \n" \
	"a byte order mark at the start of a UTF-8 file is not text: it is not converted"
is "$(printf 'Đặng Thị Ánh\n' | "$HV" convert --to ascii 2>/dev/null)" "Dang Thi Anh" "ascii drops the marks"
"$HV" convert --to klingon < /dev/null 2>/dev/null; st=$?
is "$st" 2 "an unknown encoding is a usage error"
out=$("$HV" detect /nonexistent "$U" 2>&1); st=$?
like "$out" "u\.csv: utf-8 confidence=1\.00" "detect goes on past a file it cannot open"
like "$out" "/nonexistent: cannot open" "which it names"
is "$st" 3 "and its exit status says so"

done_testing
