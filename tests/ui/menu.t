#!/usr/bin/env bash
# The full-screen program: main menu, status line, help, member list with search-as-you-type,
# key bindings from the user's file, hostile names on screen, quitting.
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
"$HV" -d "$D" demo -n 400 --seed 11 >/dev/null 2>&1
ok $? "a demo store of 400 persons"

ui_start -d "$D"
check "the main menu appears" ui_wait "Main menu"
s=$(ui_screen)
like "$s" "1  Members" "item 1 is Members"
like "$s" "9  System settings" "nine items"
like "$s" "Store: store .* User: tester .* Organization: all .* Typing: EN" "the status line"

ui_keys 4
check "an item not in this version says so" ui_wait "Dues: not in this version yet"

ui_keys F1
check "F1 shows the keys of the menu" ui_wait "Keys of this screen \(menu\)"
like "$(ui_screen)" "Up, k, C-p +move up" "help lists bindings from the keymap"
ui_keys Escape
check "any key closes help" ui_wait "Main menu"

ui_keys 1
check "1 opens the member list" ui_wait "Full name +Born +Sex +Organizations +Unit"
rows=$(ui_screen | sed -n '4,21p' | grep -c '[0-9][0-9]/[0-9][0-9]/[0-9]\{4\}\|  [0-9]\{4\}  ')
check "the list fills the screen ($rows rows)" test "$rows" -ge 15

# Search as you type, accent-insensitively: every row then has a word starting with "nguy".
ui_type "nguyen"
check "typing narrows the list" ui_wait "Search: nguyen"
names=$(ui_screen | sed -n '4,21p' | cols 2 28 | grep -v '^$')
bad=$(printf '%s\n' "$names" | grep -vi 'nguy' | head -3)
check "every row is a Nguyễn ($(printf '%s\n' "$names" | wc -l) rows)" test -z "$bad" -a -n "$names"
ui_keys C-u
check "C-u clears the search" ui_wait "Search:$"
ui_type "Thị"
ui_wait "Search: Thị" >/dev/null
names=$(ui_screen | sed -n '4,21p' | cols 2 28 | grep -v '^ *$')
bad=$(printf '%s\n' "$names" | grep -v 'Thị' | head -3)
check "a query with diacritics is exact (only Thị, no Thi or Thy)" test -z "$bad" -a -n "$names"
ui_keys Escape
check "Escape clears the search first" ui_wait "Search:$"
# Scrolling: away and back gives the same page (persons with no active membership included),
# End stays put on Down, Home comes back to the start.
rows() { ui_screen | sed -n '4,21p'; }
# settle: wait until two readings of the rows 0.1 s apart agree.
settle() {
	local a b
	a=$(rows)
	for i in $(seq 1 50); do sleep 0.1; b=$(rows); [ "$a" = "$b" ] && break; a=$b; done
	printf '%s\n' "$b"
}
# The 5th person leaves every organization: a person with no active membership is still listed.
ui_keys Down Down Down Down C-d
ui_wait "no longer a member" >/dev/null
ui_type "ra khoi"
ui_keys Enter
ui_wait "every organization" >/dev/null
ui_keys y
check "a person leaves every organization" ui_wait "Recorded:"
ui_keys Home
top=$(settle)
ui_keys PageDown
page2=$(settle)
check "PageDown shows the next page" test "$page2" != "$top"
ui_keys PageUp
is "$(settle)" "$top" "PageUp comes back to the same page"
# Two ways to the page that starts at the 3rd row: 19 down and 17 up, and 27 down and 25 up
# (which scrolls back up past the person who left, a row at a time).
for i in $(seq 1 19); do ui_keys Down; done
settle >/dev/null
for i in $(seq 1 17); do ui_keys Up; done
third=$(settle)
check "19 down and 17 up start the page at the 3rd row" test "$third" != "$top"
ui_keys Home
settle >/dev/null
for i in $(seq 1 27); do ui_keys Down; done
settle >/dev/null
for i in $(seq 1 25); do ui_keys Up; done
is "$(settle)" "$third" "27 down and 25 up give the same page"
ui_keys Home
ui_keys End
end=$(settle)
check "End shows another page" test "$end" != "$top"
ui_keys Down
is "$(settle)" "$end" "Down at the end changes nothing"
ui_keys Home
is "$(settle)" "$top" "Home comes back to the start"
ui_keys Escape
check "Escape goes back to the menu" ui_wait "Main menu"
ui_keys q
is "$(ui_wait_exit)" 0 "q quits with status 0"
ui_stop

# Bindings: the defaults, and a user's file with an override and a bad line.
out=$("$HV" --dump-keys)
like "$out" "^form F2 save$" "--dump-keys prints CONTEXT KEY ACTION lines"
like "$out" "^list C-a new$" "the Ctrl fallback of new"
mkdir -p "$XDG_CONFIG_HOME/hoivien"
printf '# mine\nbind menu x quit\nbind menu F13 help\nbind nowhere q quit\n' > "$XDG_CONFIG_HOME/hoivien/keys"
err=$("$HV" --dump-keys 2>&1 >/dev/null)
like "$err" "keys:3: .*F13" "a bad key is reported as path:line"
like "$err" "keys:4: .*nowhere" "so is a bad context, on its own line"
ui_start -d "$D"
check "the program starts despite a bad keys file" ui_wait "Main menu"
like "$(ui_screen)" "keys:3: .*and 1 more" "and says so on the message line"
ui_keys x
is "$(ui_wait_exit)" 0 "the user's binding works (x quits)"
ui_stop
like "$(cat "$UI_ERR")" "keys:4:" "every bad line is listed on stderr after the program"
rm -f "$XDG_CONFIG_HOME/hoivien/keys"

# A name with terminal escape sequences shows harmlessly (the importer cleans it; the screen
# would show any control left as '?').
printf 'Họ và tên,Giới tính,Năm sinh\n"\033[2J\033[31mAaa Văn Bbb\033]0;owned\007",Nam,1990\n' > "$T_TMP/evil.csv"
"$HV" -d "$D" import --org ND "$T_TMP/evil.csv" >/dev/null 2>&1
ui_start -d "$D"
ui_wait "Main menu" >/dev/null
ui_keys 1
ui_wait "Full name" >/dev/null
ui_type "aaa bbb"
check "the cleaned name is found and shown" ui_wait "Aaa Văn Bbb"
s=$(ui_screen)
like "$s" "Members" "the screen was not cleared by the name"
like "$s" "Search: aaa bbb" "nor moved"
ui_keys C-q
is "$(ui_wait_exit)" 0 "C-q quits from anywhere"
ui_stop

# Colours, and none with NO_COLOR (reverse video and bold say the same on a monochrome
# terminal).
ui_start -d "$D"
ui_wait "Main menu" >/dev/null
like "$(tmux_ capture-pane -p -e -t hv | head -1)" "\[(0;)?(1;)?(37|97)m|\[44m|38;5;" "colours by default"
ui_keys q
ui_wait_exit >/dev/null
ui_stop
NO_COLOR=1 ui_start -d "$D"
ui_wait "Main menu" >/dev/null
esc=$(tmux_ capture-pane -p -e -t hv)
check "no colours under NO_COLOR" test -z "$(printf '%s' "$esc" | grep -E '\[[0-9;]*(3[0-7]|4[0-7]|38;5|48;5)m')"
like "$esc" "\[7m|;7m" "the title and the selected item in reverse video"
ui_keys q
ui_wait_exit >/dev/null
ui_stop

# Vietnamese by default: no LANG, LC_ALL or LC_MESSAGES (a UTF-8 character type only).
LANG= LC_ALL= LC_CTYPE=C.UTF-8 ui_start -d "$D"
check "Vietnamese by default: the main menu" ui_wait "Menu chính"
like "$(ui_screen)" "1  Hội viên" "the items in Vietnamese"
like "$(ui_screen)" "Kho: store .* Tổ chức: tất cả" "the status line too"
ui_keys 1
check "the member list's headings" ui_wait "Họ và tên +Ngày sinh"
ui_keys C-q
ui_wait_exit >/dev/null
ui_stop

# The terminal goes away (an SSH connection drops): the program ends, closing the store, and
# does not spin on the dead terminal.  (Without LeakSanitizer: its stop-the-world tracer can
# hang in a process that exits after its terminal was hung up; valgrind checks the leaks of
# the core instead.)
ASAN_OPTIONS=detect_leaks=0 ui_start -d "$D"
ui_wait "Main menu" >/dev/null
ui_keys 1
ui_wait "Full name" >/dev/null
tmux_ kill-session -t hv
gone=1
for i in $(seq 1 300); do
	pgrep -f "hoivien -d $D\$" >/dev/null || { gone=0; break; }
	sleep 0.05
done
ok $gone "a hangup ends the program"
[ $gone = 0 ] || ps -eo pid,ppid,stat,etime,args | grep "[h]oivien" | sed 's/^/#   /' 
out=$("$HV" -d "$D" check 2>&1)
like "$out" "^check: OK" "and the store is whole"

# Without a terminal the program says what to do instead.
out=$("$HV" -d "$D" </dev/null 2>&1)
is "$?" 2 "no terminal: exit status 2"
like "$out" "needs a terminal" "and a message"

done_testing
