# A small TAP producer for the shell tests (run by prove).  Source it, call the checks, end
# with done_testing.  $HV is the hoivien under test (the sanitized build by default).

T_N=0
T_FAIL=0
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HV=${HOIVIEN_BIN:-$TOP/build/san/hoivien}
export HOIVIEN_DATADIR=${HOIVIEN_DATADIR:-$TOP}
export HOIVIEN_USER=tester
export LANG=C LC_ALL=C.UTF-8 LANGUAGE=
export TZ=Asia/Ho_Chi_Minh
unset HOIVIEN_DIR XDG_DATA_HOME

T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/hv-test.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT

ok() {	# ok STATUS DESCRIPTION
	T_N=$((T_N + 1))
	if [ "$1" = 0 ]; then
		echo "ok $T_N - $2"
	else
		echo "not ok $T_N - $2"
		T_FAIL=$((T_FAIL + 1))
	fi
}

check() {	# check DESCRIPTION COMMAND...: passes if the command succeeds
	local desc=$1
	shift
	if "$@"; then ok 0 "$desc"; else ok 1 "$desc"; fi
}

is() {	# is GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got:      %s\n#   expected: %s\n' "$1" "$2" | sed 's/^\([^#]\)/#   \1/'
	fi
}

like() {	# like TEXT PATTERN DESCRIPTION (grep -E)
	if printf '%s\n' "$1" | grep -qE -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '%s\n' "$1" | head -n 20 | sed 's/^/#   /'
	fi
}

same_file() {	# same_file GOT_FILE WANT_FILE DESCRIPTION
	if cmp -s "$1" "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diff -u "$2" "$1" | head -n 40 | sed 's/^/#   /'
	fi
}

diag() { printf '# %s\n' "$*"; }

done_testing() {
	echo "1..$T_N"
	[ "$T_FAIL" -eq 0 ]
}
