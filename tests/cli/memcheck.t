#!/bin/bash
# The core unit tests under valgrind (optimised build, no sanitizers): no leak, no invalid
# access.  (test_pidx is not among them: its reference, a Berkeley DB database with sorted
# duplicates, makes Debian's libdb log padding bytes it never set; the packed indexes it tests
# run under valgrind in test_store, test_import, test_stage and test_check.)
. "$(dirname "$0")/../lib/tap.sh"
BIN=${HOIVIEN_OPT_TESTS:-$TOP/build/tests}
if ! command -v valgrind > /dev/null; then
	echo "1..0 # SKIP valgrind is not installed (make deps installs it)"
	exit 0
fi
for t in test_util test_record test_utf8 test_norm test_fold test_collate test_name test_sanitize test_width \
	 test_date test_cccd test_csv test_vocab test_columns test_orgs test_unitpath test_store test_import \
	 test_check test_demo test_stage test_audit test_vnenc test_syllable test_detect test_ime test_typing \
	 test_settings test_translit test_xlsx test_namevar test_dedupe test_report test_report_move \
	 test_report_gather test_report_phantom test_namecheck test_merge test_freq; do
	[ -x "$BIN/$t" ] || { ok 1 "$t is built"; continue; }
	valgrind -q --suppressions="$TOP/tests/lib/bdb.supp" --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
		--error-exitcode=99 "$BIN/$t" > "$T_TMP/$t.out" 2> "$T_TMP/$t.err"
	st=$?
	is "$st" 0 "$t: clean under valgrind"
	[ "$st" = 0 ] || head -n 30 "$T_TMP/$t.err" | sed 's/^/#   /'
done
done_testing
