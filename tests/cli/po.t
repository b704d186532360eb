#!/bin/bash
# The Vietnamese catalog keeps up with the sources: every message of the sources is in po/vi.po,
# all of them translated, and a compiled catalog makes hoivien speak Vietnamese.  When the first
# checks fail: `make po`, translate what is new in po/vi.po, `make`.
. "$(dirname "$0")/../lib/tap.sh"
for tool in xgettext msgcmp msgfmt; do
	if ! command -v "$tool" > /dev/null; then
		echo "1..0 # SKIP $tool is not installed (make deps installs gettext)"
		exit 0
	fi
done
PO=$TOP/po/vi.po
POT=$T_TMP/hoivien.pot

# The same extraction as the Makefile's `po` target (its LIB_SRC and src/main.c).
version=$(sed -n 's/^VERSION *:= *//p' "$TOP/Makefile")
(cd "$TOP" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
	--package-name=hoivien --package-version="$version" --sort-by-file \
	-o "$POT" src/util/*.c src/text/*.c src/core/*.c src/store/*.c src/cli/*.c src/main.c) \
	2> "$T_TMP/xgettext.err"
st=$?
is "$st" 0 "xgettext extracts the messages of the sources"
[ "$st" = 0 ] || sed 's/^/#   /' "$T_TMP/xgettext.err"
n=$(grep -c '^msgid ' "$POT" 2>/dev/null)
check "and finds some" test "${n:-0}" -gt 100

err=$(msgcmp --use-untranslated "$PO" "$POT" 2>&1); st=$?
is "$st" 0 "every message of the sources is in po/vi.po (else: make po, then translate)"
[ "$st" = 0 ] || printf '%s\n' "$err" | head -n 30 | sed 's/^/#   /'

stats=$(msgfmt --check --statistics -o /dev/null "$PO" 2>&1); st=$?
is "$st" 0 "msgfmt --check accepts po/vi.po"
like "$stats" '^[0-9]+ translated messages?\.$' "po/vi.po has no untranslated and no fuzzy message"
diag "po/vi.po: $stats"

# The catalog hoivien finds under HOIVIEN_DATADIR (installed: locale/; the source tree: the one
# the build compiled, build/locale/).
MO=$HOIVIEN_DATADIR/locale/vi/LC_MESSAGES/hoivien.mo
[ -f "$MO" ] || MO=$HOIVIEN_DATADIR/build/locale/vi/LC_MESSAGES/hoivien.mo
check "a compiled Vietnamese catalog is there (make builds it)" test -f "$MO"
out=$(LANG= LC_ALL= LC_MESSAGES= "$HV" --help); st=$?
is "$st" 0 "--help without a locale exits 0"
like "$out" '^Cách dùng: hoivien \[-d DIR\] \[COMMAND \[OPTIONS\] \[ARGUMENTS\]\]$' \
	"--help without a locale prints the Vietnamese usage line"
like "$out" '^Các lệnh:$' "and the Vietnamese list of commands"
out=$(LANG= LC_ALL= LC_MESSAGES= "$HV" import --help)
like "$out" '^Cách dùng: hoivien import \[OPTIONS\] FILE$' "import --help is Vietnamese too"
out=$(LANG=C LC_ALL= LC_MESSAGES= "$HV" --help)
like "$out" '^Usage: hoivien ' "and --help stays English under LANG=C"

done_testing
