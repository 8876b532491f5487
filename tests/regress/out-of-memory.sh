. "$HERE/lib.sh"
# under memory exhaustion dlg exited 2 with no diagnostic at all, or put
# "out of memory" at line 1 with the byte offset as column; and out of
# memory while the report was written gave a report with holes and the
# report's own exit status: every allocation of whole runs (four tests:
# text, json, and the other writers) is made to fail in turn by the unit
# test
(cd "$ROOT" && "$UNIT/test_faults") > out 2>&1 || { cat out; exit 1; }
has out "PASSED  ] 4 test(s)"
