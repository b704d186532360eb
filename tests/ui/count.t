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

# Under an organization: its active members only, each counted once whatever their memberships;
# the Organizations column shows all of a member's organizations, so every line names ND.
nd=$("$HV" -d "$D" export --org ND -o - 2>/dev/null | perl -CSD -MText::ParseWords -ne '
	s/\r?\n$//; s/^\x{FEFF}//; my @f = parse_line(",", 0, $_);
	if ($. == 1) { ($c) = grep { $f[$_] eq "Tr\x{1EA1}ng th\x{E1}i" } 0 .. $#f; next }
	$p{$f[0]} = 1 if $f[$c] eq "\x{110}ang sinh ho\x{1EA1}t"; END { print scalar keys %p }')
ui_keys C-u
ui_wait_gone "Search: nguyen" >/dev/null
ui_keys F4
ui_wait "Filter the list by" >/dev/null
ui_type "organ"
ui_keys Enter
ui_wait "Members of which organization" >/dev/null
ui_type "nong dan"
ui_keys Enter
ui_wait "Organization: ND" >/dev/null
ui_keys F6
ui_wait "Count the values" >/dev/null
ui_type "org"
ui_keys Enter
check "F6 under ND counts its active members ($nd)" ui_wait "Organizations: $nd members counted"
s=$(ui_screen)
lines=$(printf '%s\n' "$s" | grep -cE '^ +[0-9]+ +[0-9.]+%  ')
nd_lines=$(printf '%s\n' "$s" | grep -cE '^ +[0-9]+ +[0-9.]+%  (.*, )?ND(,|$)')
check "and every value lists ND ($nd_lines of $lines)" test "$lines" -gt 0 -a "$lines" = "$nd_lines"
ui_keys Escape
ui_wait "Full name" >/dev/null
ui_keys C-t
ui_wait "Count the values" >/dev/null
ui_type "unit"
ui_keys Enter
check "C-t on Unit under ND counts the same members" ui_wait "Unit: $nd members counted"
top=$(ui_screen | sed -n 's/^ *\([0-9][0-9]*\)  .*%  .*/\1/p' | head -n 1)
check "no unit has more than that ($top at most)" test "${top:-0}" -gt 0 -a "${top:-0}" -le "$nd"
ui_keys Escape
ui_wait "Full name" >/dev/null
ui_keys C-q
is "$(ui_wait_exit)" 0 "the program ends"

done_testing
