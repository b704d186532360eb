#!/usr/bin/env bash
# Importing from the program: the file asked for, its encoding guessed and shown with the first
# rows decoded, another encoding tried, nothing written until Enter, then the summary and the
# members in the store.  And the System settings screen, saved at once (the real-members months
# too).
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
"$HV" -d "$D" init >/dev/null 2>&1
printf 'Họ và tên,Năm sinh,Giới tính,Tổ chức,Đơn vị\nNguyễn Văn Hoàng,1980,Nam,ND,Xã Yên Mô/Chi hội Thôn Đông\nTrần Thị Thuỷ,1975,Nữ,PN,Xã Yên Mô/Chi hội Thôn Tây\nĐặng Quốc Việt,1990,Nam,DTN,Xã Yên Mô/Chi đoàn Thôn Đông\n' |
	"$HV" convert --from utf-8 --to tcvn3 > "$T_TMP/list.csv"

ui_start -d "$D"
ui_wait "Main menu" >/dev/null
check "item 7 imports a list" ui_wait "7  Import a list"
ui_keys 7
check "it asks for the file, starting from the current directory" ui_wait "File to import \(CSV\): /"
ui_keys C-u
ui_type "$T_TMP/list.csv"
ui_keys Enter
check "the encoding is guessed" ui_wait "tcvn3 +TCVN3 \(ABC\) +← guessed, confidence (0\.9[0-9]|1\.00)"
check "the first rows show decoded" ui_wait "Nguyễn Văn Hoàng \| 1980 \| Nam \| ND"
like "$(ui_screen)" "Họ và tên \| Năm sinh" "the header too"
is "$("$HV" -d "$D" find hoang >/dev/null; echo $?)" 1 "nothing is written yet"
ui_keys Down
check "Down tries the next encoding: the rows read wrong" ui_wait "NguyÔn Văn Hoµng|Nguy.n V.n Ho.ng"
ui_keys Up
ui_wait "Nguyễn Văn Hoàng \|" >/dev/null
ui_keys Enter
check "Enter imports and shows the summary" ui_wait "Read 3 rows: added 3, updated 0, unchanged 0, rejected 0"
like "$(ui_screen)" "Encoding: TCVN3 \(ABC\)" "with the encoding used"
is "$("$HV" -d "$D" find hoang | cut -f2)" "Nguyễn Văn Hoàng" "the members are in the store"
ui_keys Escape
ui_wait "Main menu" >/dev/null

# A file that is not there.
ui_keys 7
ui_wait "File to import" >/dev/null
ui_keys C-u
ui_type "$T_TMP/nope.csv"
ui_keys Enter
check "a file that cannot be read is said so" ui_wait "nope\.csv: cannot read the file"

# System settings: saved at once.
ui_keys 9
check "item 9 opens the settings" ui_wait "System settings"
like "$(ui_screen)" "Where the tone goes +old: hòa, thúy, khỏe" "old style by default"
ui_keys Down Down Enter
check "Enter changes the style" ui_wait "new: hoà, thuý, khoẻ"
like "$(cat "$XDG_CONFIG_HOME/hoivien/settings")" "tone-style = new" "saved in the user's settings"
ui_keys Up Enter
check "and turns typing on" ui_wait "Typing: TELEX"
like "$(ui_screen)" "Real members: dues and meetings in +the last 6 months" "real members: 6 months"
ui_keys Down Down Down Enter
check "Enter steps the months" ui_wait "the last 12 months"
like "$(cat "$XDG_CONFIG_HOME/hoivien/settings")" "phantom-months = 12" "saved too"
ui_keys Escape
ui_wait "Main menu" >/dev/null
ui_keys 1
ui_wait "Full name" >/dev/null
ui_type "hoaf"
check "typing follows the new style" ui_wait "Search: hoà"
ui_keys C-q
is "$(ui_wait_exit)" 0 "the program ends"

done_testing
