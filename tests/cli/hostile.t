#!/bin/bash
# Data from outside is hostile: invalid UTF-8, terminal escapes, formulas, absurd sizes and
# shapes.  Nothing may crash, nothing may reach the terminal raw, nothing is silently lost.
. "$(dirname "$0")/../lib/tap.sh"
S=$T_TMP/store
F=$T_TMP/hostile.csv

{
	printf 'Họ và tên,Ngày sinh,Số CCCD,Tổ chức,Chi hội\n'
	printf 'Nguyễn Văn Tốt,1980,,ND,Chi hội 1\n'
	printf '"Lê \033[2J\033]0;owned\007Văn \302\233Độc",1981,,ND,Chi hội 1\n'
	printf 'Bad\377Byte,1982,,ND,Chi hội 1\n'
	printf '"=cmd|'"' /C calc'"'!A0",1983,,ND,Chi hội 1\n'
	printf 'Thiếu Cột,1984\n'
	printf 'Thừa Cột,1985,,ND,Chi hội 1,x,y\n'
	printf ',1986,,ND,Chi hội 1\n'
	printf '"%s",1987,,ND,Chi hội 1\n' "$(head -c 300000 /dev/zero | tr '\0' 'a')"
	printf '"Mở Ngoặc,1988,,ND,Chi hội 1\n'
} > "$F"

out=$("$HV" -d "$S" import "$F" 2>&1); st=$?
is "$st" 4 "an import that rejected rows exits 4"
last=$(printf '%s\n' "$out" | tail -n 1)
is "$last" "read=9 added=3 updated=0 unchanged=0 rejected=6" "every row is counted: 3 in (a formula-looking name is only text), 6 rejected"
R=$T_TMP/hostile.rejects.csv
check "the rejects file is next to the input" test -f "$R"
is "$(($(wc -l < "$R") - 1))" 6 "one line per rejected row"
like "$(cat "$R")" "not valid UTF-8 at byte 4" "invalid UTF-8: named with its byte offset"
like "$(cat "$R")" "the row has 2 fields, the header has 5" "a short row"
like "$(cat "$R")" "the row has 7 fields, the header has 5" "a long row"
like "$(cat "$R")" "no name" "an empty name"
like "$(cat "$R")" "field .*longer than|too long" "a huge field"
like "$(cat "$R")" "never closed|not closed|unterminated|quote" "an unterminated quote"
check "the rejected row keeps its original bytes" grep -q $'Bad\xffByte' "$R"

out=$("$HV" -d "$S" find le van doc)
like "$out" "Lê Văn Độc" "a name with escape sequences is stored without them"
check "no escape or C1 byte reaches find's output" bash -c "! printf '%s' \"\$1\" | grep -qP '[\x1b\x07]|\xc2\x9b'" _ "$out"
out=$("$HV" -d "$S" show "$(printf '%s\n' "$out" | cut -f1)")
check "nor show's" bash -c "! printf '%s' \"\$1\" | grep -qP '[\x1b\x07]'" _ "$out"

"$HV" -d "$S" export -o "$T_TMP/out.csv" 2>/dev/null
check "a formula-looking value is exported behind an apostrophe" grep -q "^[0-9]*,'=cmd" "$T_TMP/out.csv"

# Absurd arguments.
"$HV" -d "$S" find "$(head -c 100000 /dev/zero | tr '\0' 'x')" > /dev/null 2>&1; st=$?
is "$st" 1 "a 100 kB query finds nothing and does not crash"
"$HV" -d "$S" find $'\xff\xfe' > /dev/null 2>&1; st=$?
is "$st" 3 "a query that is not UTF-8 is an error"
"$HV" -d "$S" import /dev/null > /dev/null 2>&1; st=$?
is "$st" 3 "an empty file is refused"
head -c 2000000 /dev/urandom > "$T_TMP/noise.csv"
"$HV" -d "$S" import --org ND "$T_TMP/noise.csv" > /dev/null 2>&1; st=$?
ok $([ "$st" = 3 ] || [ "$st" = 4 ]; echo $?) "random bytes are refused or rejected row by row, never a crash"
out=$("$HV" -d "$S" check); st=$?
is "$st" 0 "the store is still consistent"

done_testing
