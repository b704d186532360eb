#!/usr/bin/env bash
# Vietnamese everywhere in the program: a member's name typed in Telex and in VNI is stored in
# NFC; the switch shows on the status line and is remembered; backspace takes a whole letter; on
# an ASCII terminal (LANG=C) names show in VIQR and typing VIQR finds them; on a VISCII terminal
# (a locale built here with localedef) the letters show and typed letters are stored.
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
"$HV" -d "$D" demo -n 300 --seed 11 >/dev/null 2>&1

# NFC bytes of the letters the names below hold, and the combining marks NFD would leave.
nfc_ok() { printf '%s' "$1" | grep -q "$2" && ! printf '%s' "$1" | LC_ALL=C grep -q $'\xcc[\x80-\xbf]\|\xcd[\x80-\xaf]'; }

ui_start -d "$D"
ui_wait "Main menu" >/dev/null
like "$(ui_screen)" "Typing: EN" "typing starts off"
ui_keys 'C-\'
check "C-\\ turns Telex on" ui_wait "Typing: TELEX"
ui_keys 1
ui_wait "Full name" >/dev/null
ui_keys C-a
ui_wait "Member card — new person" >/dev/null
ui_type "Nguyeenx Vawn Hoafng"
check "Telex keys become Nguyễn Văn Hoàng in the name field" ui_wait "Full name\* +Nguyễn Văn Hoàng"
ui_keys Tab
ui_type "nam"
ui_keys Tab
ui_type "1990"
ui_keys F2
check "the member typed in Telex is saved" ui_wait "Saved: Nguyễn Văn Hoàng"
out=$("$HV" -d "$D" find "nguyen van hoang")
like "$out" "Nguyễn Văn Hoàng	1990" "hoivien find finds the name typed in Telex"
check "stored in NFC (ễ is U+1EC5, no combining marks)" nfc_ok "$out" $'Nguy\xe1\xbb\x85n'

ui_keys M-i
check "M-i switches to VNI" ui_wait "Typing: VNI"
ui_keys C-a
ui_wait "Member card — new person" >/dev/null
ui_type "Tra62n Thi5 Hu7o7ng"
check "VNI keys become Trần Thị Hương" ui_wait "Full name\* +Trần Thị Hương"
ui_keys Tab
ui_type "nu"
ui_keys Tab
ui_type "1985"
ui_keys F2
check "the member typed in VNI is saved" ui_wait "Saved: Trần Thị Hương"
out=$("$HV" -d "$D" find "tran thi huong")
like "$out" "Trần Thị Hương	1985" "hoivien find finds the name typed in VNI"
check "stored in NFC (ư is U+01B0)" nfc_ok "$out" $'H\xc6\xb0\xc6\xa1ng'

# The search box types the same way; backspace takes a letter with its marks.
ui_keys M-i M-i
ui_wait "Typing: TELEX" >/dev/null
ui_type "Hoafng"
check "Telex in the search box" ui_wait "Search: Hoàng"
ui_keys BSpace BSpace BSpace
check "three backspaces leave 'Ho', no stray mark" ui_wait "Search: Ho *$"
ui_keys C-u

# The choice is the user's: it is there the next time.
ui_keys C-q
is "$(ui_wait_exit)" 0 "the program ends"
like "$(cat "$XDG_CONFIG_HOME/hoivien/settings")" "ime = telex" "the settings file has the method"
like "$(cat "$XDG_CONFIG_HOME/hoivien/settings")" "ime-on = yes" "and that it is on"
ui_stop
ui_start -d "$D"
check "the next start types Telex again" ui_wait "Typing: TELEX"
ui_keys 'C-\'
check "C-\\ turns it off" ui_wait "Typing: EN"
ui_keys 1
ui_wait "Full name" >/dev/null
ui_type "Windows"
check "with typing off, keys are letters" ui_wait "Search: Windows"
ui_keys C-q
ui_wait_exit >/dev/null
ui_stop

# An ASCII terminal: names in VIQR, never "Nguy n"; typing is VIQR and finds them.
UI_LC_ALL=C UI_LANG=C ui_start -d "$D"
ui_wait "Main menu" >/dev/null
like "$(ui_screen)" "Typing: VIQR" "under LANG=C typing starts in VIQR"
like "$(ui_screen)" "Store: store \| User" "the status line's bars are ASCII"
ui_keys 1
check "names show in VIQR" ui_wait "Nguye\^~n"
check "no letter is lost to a blank" test -z "$(ui_screen | grep -E 'Nguy n|Tr n ')"
ui_type 'Hoa`ng'
check "VIQR typed in the search box shows as VIQR" ui_wait "Search: Hoa\`ng"
check "and finds the name typed in Telex" ui_wait "Nguye\^~n Va\(n Hoa\`ng"
ui_keys C-q
ui_wait_exit >/dev/null
ui_stop

# A UTF-8 locale asked for but not installed: the letters still show (C.UTF-8 stands in).
UI_LC_ALL=vi_XX.UTF-8 UI_LANG=vi_XX.UTF-8 ui_start -d "$D"
ui_wait "Main menu|Trình đơn" >/dev/null
ui_keys 1
ui_type "hoang"
check "a missing UTF-8 locale still shows Nguyễn" ui_wait "Nguyễn Văn Hoàng"
ui_keys C-q
ui_wait_exit >/dev/null
ui_stop

# ... or without marks, when the user says so.
printf 'display = nomarks\n' >> "$XDG_CONFIG_HOME/hoivien/settings"
UI_LC_ALL=C UI_LANG=C ui_start -d "$D"
ui_wait "Main menu" >/dev/null
ui_keys 1
ui_wait "Full name" >/dev/null
ui_type "hoang"
check "display = nomarks shows names without marks" ui_wait "Nguyen Van Hoang"
ui_keys C-q
ui_wait_exit >/dev/null
ui_stop
sed -i '/^display/d' "$XDG_CONFIG_HOME/hoivien/settings"

# A VISCII terminal: a locale built here, and a terminal that speaks VISCII (tests/tools/vtconv).
LOC="$T_TMP/locale"
mkdir -p "$LOC"
localedef -i vi_VN -f VISCII "$LOC/vi_VN.VISCII" >/dev/null 2>&1
check "a VISCII locale can be built (localedef, package locales)" \
	test "$(LOCPATH=$LOC LC_ALL=vi_VN.VISCII locale charmap 2>/dev/null)" = VISCII
printf 'ime-on = no\n' >> "$XDG_CONFIG_HOME/hoivien/settings"
LOCPATH=$LOC UI_LC_ALL=vi_VN.VISCII UI_LANG=vi_VN.VISCII UI_WRAP="$HOIVIEN_TOOLS/vtconv VISCII" \
	ui_start -d "$D"
check "the menu in Vietnamese on a VISCII terminal" ui_wait "Danh sách hội viên|Hội viên"
ui_keys 1
check "names show with their letters" ui_wait "Nguyễn Thị An "
ui_type "Hoàng"
check "letters typed on the VISCII terminal search" ui_wait "Tìm: Hoàng"
check "and find the name typed in Telex" ui_wait "Nguyễn Văn Hoàng"
ui_keys C-u
ui_keys C-a
ui_wait "Phiếu hội viên|mới" >/dev/null
ui_type "Đặng Thị Ngọc Ánh"
check "letters typed on the VISCII terminal reach the field" ui_wait "Đặng Thị Ngọc Ánh"
ui_keys Tab
ui_type "nu"
ui_keys Tab
ui_type "2001"
ui_keys F2
check "and the member is saved" ui_wait "Đặng Thị Ngọc Ánh"
ui_keys C-q
ui_wait_exit >/dev/null
ui_stop
out=$("$HV" -d "$D" find "dang thi ngoc anh")
like "$out" "Đặng Thị Ngọc Ánh	2001" "stored as Unicode (hoivien find)"
check "in NFC" nfc_ok "$out" $'\xc4\x90\xe1\xba\xb7ng'

# A TCVN terminal (output only, as such terminals were): the letters show.
localedef -i vi_VN -f TCVN5712-1 "$LOC/vi_VN.TCVN" >/dev/null 2>&1
LOCPATH=$LOC UI_LC_ALL=vi_VN.TCVN UI_LANG=vi_VN.TCVN UI_WRAP="$HOIVIEN_TOOLS/vtconv TCVN5712-1" \
	ui_start -d "$D"
ui_wait "Hội viên" >/dev/null
ui_keys 1
check "names show with their letters on a TCVN terminal" ui_wait "Nguyễn Thị An "
ui_keys C-q
ui_wait_exit >/dev/null
ui_stop

done_testing
