. "$HERE/lib.sh"
# under memory exhaustion dlg exited 2 with no diagnostic at all, or put
# "out of memory" at line 1 with the byte offset as column: every
# allocation of three whole runs is made to fail in turn by the unit test
(cd "$ROOT" && "$UNIT/test_faults") > out 2>&1 || { cat out; exit 1; }
has out "PASSED  ] 3 test(s)"
