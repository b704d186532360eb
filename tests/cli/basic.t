#!/bin/bash
# The command line as a user meets it: help, version, usage errors, exit statuses, init.
. "$(dirname "$0")/../lib/tap.sh"

out=$("$HV" --version); st=$?
is "$st" 0 "--version exits 0"
like "$out" '^hoivien [0-9]+\.[0-9]+\.[0-9]+ \(Berkeley DB 5' "--version names hoivien and Berkeley DB"

out=$("$HV" --help); st=$?
is "$st" 0 "--help exits 0"
for cmd in init demo import export find show check backup recover summary report; do
	like "$out" "^  $cmd " "--help lists $cmd"
	sub=$("$HV" "$cmd" --help); st=$?
	is "$st" 0 "$cmd --help exits 0"
	like "$sub" "^Usage: hoivien $cmd" "$cmd --help shows its usage"
done

err=$("$HV" frobnicate 2>&1); st=$?
is "$st" 2 "an unknown command exits 2"
like "$err" "unknown command 'frobnicate'" "and says which"
err=$("$HV" find --bogus x 2>&1); st=$?
is "$st" 2 "an unknown option exits 2"
like "$err" "unknown option --bogus" "and says which"
err=$("$HV" show 2>&1); st=$?
is "$st" 2 "show without an id is a usage error"
err=$("$HV" show abc 2>&1); st=$?
is "$st" 2 "show with a non-number is a usage error"

S=$T_TMP/store
err=$("$HV" -d "$S" find an 2>&1); st=$?
is "$st" 3 "using a missing store exits 3"
like "$err" "no store in .*hoivien init" "and says how to create one"

out=$("$HV" -d "$S" init); st=$?
is "$st" 0 "init creates a store"
like "$out" "Created an empty store in $S" "and says so"
check "the store directory holds the databases" test -f "$S/persons.db" -a -f "$S/DB_CONFIG"
out=$("$HV" -d "$S" init); st=$?
is "$st" 0 "init on an existing store is harmless"
like "$out" "already exists" "and says nothing changed"
out=$("$HV" -d "$S" summary)
like "$out" "Persons: 0 " "an empty store has no persons"
like "$out" "^PN +Hội Liên hiệp Phụ nữ Việt Nam +0 +0$" "the six organizations are there"

# The store is found through HOIVIEN_DIR and XDG_DATA_HOME too.
out=$(HOIVIEN_DIR=$S "$HV" summary); st=$?
is "$st" 0 "HOIVIEN_DIR selects the store"
mkdir -p "$T_TMP/xdg/hoivien"
cp -r "$S/." "$T_TMP/xdg/hoivien/"
rm -f "$T_TMP"/xdg/hoivien/__db.*
out=$(XDG_DATA_HOME=$T_TMP/xdg "$HV" summary); st=$?
is "$st" 0 "XDG_DATA_HOME/hoivien is the default"
like "$out" "Store: $T_TMP/xdg/hoivien" "and is the one opened"

# Messages are Vietnamese by default and English under LANG=C.
err=$(LANG= LC_ALL= "$HV" -d "$T_TMP/nope" find x 2>&1)
like "$err" "Không có kho dữ liệu" "messages are Vietnamese without a locale"
err=$(LANG=vi_VN.UTF-8 LC_ALL= "$HV" -d "$T_TMP/nope" find x 2>&1)
like "$err" "Không có kho dữ liệu" "and under LANG=vi_VN"
err=$(LANG=C LC_ALL= "$HV" -d "$T_TMP/nope" find x 2>&1)
like "$err" "no store in" "and English under LANG=C"
err=$(LANG=en_US.UTF-8 LC_ALL= "$HV" -d "$T_TMP/nope" find x 2>&1)
like "$err" "no store in" "and under LANG=en_US"

done_testing
