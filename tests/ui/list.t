#!/usr/bin/env bash
# The member list's filter (organization, unit, status) and removing a member, which records a
# status with its reason and date instead of deleting anything.
. "$(dirname "$0")/lib.sh"

D="$T_TMP/store"
"$HV" -d "$D" demo -n 400 --seed 9 >/dev/null 2>&1

ui_start -d "$D"
ui_wait "Main menu" >/dev/null
ui_keys 1
ui_wait "Full name" >/dev/null

# Organization: PN.
ui_keys C-o
check "C-o opens the filter" ui_wait "Filter the list by"
ui_keys Enter
check "then the organizations" ui_wait "All organizations"
ui_type "PN"
ui_keys Enter
check "the status line shows the organization in view" ui_wait "Organization: PN"
orgs=$(ui_screen | sed -n '4,21p' | cols 47 14 | grep -v '^ *$')
bad=$(printf '%s\n' "$orgs" | grep -v 'PN' | head -3)
check "every row is a member of PN" test -z "$bad" -a -n "$orgs"

# Unit: a branch of PN; the list shows its members only (checked against an export).
ui_keys C-o
ui_wait "Filter the list by" >/dev/null
ui_keys Down Enter
check "the units of PN" ui_wait "Hội LHPN tỉnh Ninh Bình"
ui_type "chi hoi"
path=$(ui_screen | sed -n '4p' | sed 's/^ *//; s/ *$//')
ui_keys Enter
branch=${path##*/ }
check "the filter names the branch ($branch)" ui_wait "\[$branch\]"
shown=$(ui_screen | sed -n '4,21p' | cols 2 28 | grep -v '^$' | sort)
want=$("$HV" -d "$D" export --org PN -o - 2>/dev/null | grep -F "$path" | grep -F "Đang sinh hoạt" | cut -d, -f2 | sort | head -18)
is "$(printf '%s\n' "$shown" | wc -l)" "$(printf '%s\n' "$want" | wc -l)" "as many rows as the branch has members"
check "the same persons" test "$shown" = "$want"

# Remove the first member: reason Left, in PN only.
first=$(ui_screen | sed -n '4p' | cols 2 28)
id=$("$HV" -d "$D" find -n 0 --org PN "$first" | head -1 | cut -f1)
ui_keys C-d
check "C-d asks why" ui_wait "Why is $first no longer a member"
ui_type "ra khoi"
ui_keys Enter
check "and asks to confirm, naming the organization" ui_wait "in PN, from today"
ui_keys y
check "the removal is recorded" ui_wait "Recorded: $first"
show=$("$HV" -d "$D" show "$id")
like "$show" "Status +Ra khỏi tổ chức" "hoivien show: the membership's status is Left"
like "$show" "Status date +[0-9]{2}/[0-9]{2}/[0-9]{4}" "with today's date"
ui_wait_gone "^ $first " 5
ok $? "the person leaves the list of active members"

# Status: Left shows them again.
ui_keys C-o
ui_wait "Filter the list by" >/dev/null
ui_keys Down Down Enter
check "the statuses" ui_wait "Any status"
ui_type "ra khoi"
ui_keys Enter
check "members who left" ui_wait "^ $first "

# No filter: everyone.
ui_keys C-o
ui_wait "Filter the list by" >/dev/null
ui_type "everyone"
ui_keys Enter
check "the filter is cleared" ui_wait "Organization: all"
ui_keys C-q
is "$(ui_wait_exit)" 0 "quit"
ui_stop
check "no errors on stderr" test ! -s "$UI_ERR"
done_testing
