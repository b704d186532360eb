# Driving the full-screen program in tmux (STYLE.md, tests/ui): a private server (-L), no user
# configuration (-f /dev/null), a fixed 80x24 window, keys sent with send-keys and the screen
# read with capture-pane; waits poll for what must appear instead of sleeping.
. "$(dirname "${BASH_SOURCE[0]}")/../lib/tap.sh"

UI_SOCK="hv-ui-$$"
UI_EXIT="$T_TMP/ui.exit"
UI_ERR="$T_TMP/ui.stderr"
# The program's messages are tested in English unless a test sets LANG itself.
export LANG=C LC_ALL=C.UTF-8
export XDG_CONFIG_HOME="$T_TMP/config"

tmux_() { tmux -L "$UI_SOCK" -f /dev/null "$@"; }

# No program of this test outlives it (a test that failed half-way may leave one running).
ui_cleanup() {
	tmux_ kill-server 2>/dev/null
	pkill -9 -f "hoivien -d $T_TMP/" 2>/dev/null
	rm -rf "$T_TMP"
}
trap ui_cleanup EXIT

# ui_start ARGS...: start hoivien ARGS in an 80x24 window (more: UI_COLS/UI_ROWS).  Set
# UI_SESSION to drive a second program at the same time (and UI_USER for its user name), and
# UI_WRAP to run it through a command (the VISCII terminal of typing.t); UI_LANG and UI_LC_ALL
# give it a locale (setting LC_ALL itself would make this shell try to use it).
ui_start() {
	rm -f "$UI_EXIT"
	local user=${UI_USER:-$HOIVIEN_USER}
	local cmd="${UI_WRAP:-}"
	for a in "$HV" "$@"; do cmd="$cmd '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"; done
	tmux_ new-session -d -s "${UI_SESSION:-hv}" -x "${UI_COLS:-80}" -y "${UI_ROWS:-24}" \
		"env LANG=${UI_LANG:-$LANG} LC_ALL=${UI_LC_ALL:-$LC_ALL} LC_CTYPE=${LC_CTYPE:-} LOCPATH=${LOCPATH:-} \
		 XDG_CONFIG_HOME=$XDG_CONFIG_HOME \
		 HOIVIEN_USER=$user HOIVIEN_DATADIR=$HOIVIEN_DATADIR TZ=$TZ \
		 NO_COLOR=${NO_COLOR:-} ASAN_OPTIONS=${ASAN_OPTIONS:-} $cmd 2>>'$UI_ERR'; echo \$? > '$UI_EXIT'; sleep 30"
}

ui_screen() { tmux_ capture-pane -p -t "${UI_SESSION:-hv}"; }

# ui_keys KEY...: tmux key names (Enter, Escape, F2, C-s, Down) or text (sent literally with -l).
ui_keys() { tmux_ send-keys -t "${UI_SESSION:-hv}" "$@"; }
ui_type() { tmux_ send-keys -t "${UI_SESSION:-hv}" -l "$1"; }

# poll_ WANT PATTERN SECONDS: wait until the screen matches (WANT=yes) or stops matching (no).
poll_() {
	local i=0 limit=$(( $3 * 20 ))
	while [ $i -lt $limit ]; do
		if ui_screen | grep -qE -- "$2"; then [ "$1" = yes ] && return 0
		else [ "$1" = no ] && return 0; fi
		sleep 0.05
		i=$((i + 1))
	done
	diag "timed out waiting for the screen to $([ "$1" = yes ] || echo 'stop to ')show: $2"
	ui_screen | sed 's/^/#   | /'
	return 1
}

# ui_wait PATTERN [SECONDS]: wait until the screen matches (grep -E); false on time-out.
ui_wait() { poll_ yes "$1" "${2:-15}"; }
# ui_wait_gone PATTERN [SECONDS]: wait until the screen no longer matches.
ui_wait_gone() { poll_ no "$1" "${2:-15}"; }

# ui_wait_exit [SECONDS]: wait for the program to end; prints its exit status.
ui_wait_exit() {
	local i=0 limit=$(( ${1:-15} * 20 ))
	while [ $i -lt $limit ]; do
		if [ -s "$UI_EXIT" ]; then cat "$UI_EXIT"; return 0; fi
		sleep 0.05
		i=$((i + 1))
	done
	echo timeout
	return 1
}

ui_stop() { tmux_ kill-session -t "${UI_SESSION:-hv}" 2>/dev/null; true; }

# ui_to_row PATTERN [FIRST [LAST]]: Home, then the cursor down to the first of the screen's lines
# FIRST..LAST (default 3..20, the list) that matches PATTERN (grep).
ui_to_row() {
	local n i
	n=$(ui_screen | sed -n "${2:-3},${3:-20}p" | grep -n -- "$1" | head -n 1 | cut -d: -f1)
	ui_keys Home
	for i in $(seq 2 "$n"); do ui_keys Down; done
}

# ui_open_card QUERY NAME: from the main menu, the member card of the person whom QUERY (a
# name or a CCCD typed in the search box) lists as NAME.
ui_open_card() {
	ui_wait "Main menu" >/dev/null
	ui_keys 1
	ui_wait "Full name" >/dev/null
	ui_type "$1"
	ui_wait "$2" >/dev/null
	ui_keys Enter
	ui_wait "Member card" >/dev/null
}

# cols FROM WIDTH: characters FROM (1-based) to FROM+WIDTH-1 of each line on stdin (cut -c
# counts bytes, and a Vietnamese letter is two or three), trailing spaces removed.
cols() { sed -E "s/^.{0,$(($1 - 1))}//; s/^(.{0,$2}).*/\1/; s/ +$//"; }
