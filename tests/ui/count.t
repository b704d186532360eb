#!/usr/bin/env bash
# The frequency view of the member list: F6 (or Ctrl-T) on a column counts its values over the
# whole list under its search and filter, not only the screenful; the counts add up.
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
"$HV" -d "$D" demo -n 300 --seed 4 >/dev/null 2>&1
persons=$("$HV" -d "$D" summary | sed -n 's/^Persons: *\([0-9]*\).*/\1/p')

ui_start -d "$D"
ui_wait "Main menu" >/dev/null
ui_keys 1
ui_wait "Full name" >/dev/null
ui_keys F6
check "F6 asks which column" ui_wait "Count the values of which column"
ui_type "sex"
ui_keys Enter
check "the counts of the Sex column over everyone" ui_wait "Sex: $persons members counted"
s=$(ui_screen)
nam=$(printf '%s\n' "$s" | sed -n 's/^ *\([0-9][0-9]*\) .*%  Nam *$/\1/p')
nu=$(printf '%s\n' "$s" | sed -n 's/^ *\([0-9][0-9]*\) .*%  Nữ *$/\1/p')
check "men and women both counted ($nam, $nu)" test -n "$nam" -a -n "$nu"
is "$((nam + nu))" "$persons" "and they add up to the persons"
ui_keys Escape
ui_wait "Full name" >/dev/null

# Under a search: only the persons found.
ui_type "nguyen"
ui_wait "Search: nguyen" >/dev/null
found=$("$HV" -d "$D" find -n 0 nguyen | wc -l)
ui_keys C-t
ui_wait "Count the values" >/dev/null
ui_type "sex"
ui_keys Enter
check "C-t counts what the search found ($found)" ui_wait "Sex: $found members counted"
ui_keys Escape
ui_wait "Search: nguyen" >/dev/null
ui_keys C-q
is "$(ui_wait_exit)" 0 "the program ends"

done_testing
