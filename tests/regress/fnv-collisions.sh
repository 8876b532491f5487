. "$HERE/lib.sh"
# 65,536 unit names with one 32-bit FNV-1a hash: the unkeyed symbol table
# took seconds (50,000 names: 6.5 s, 100,000: over 20 s)
python3 "$HERE/fnv.py" 16 | awk 'BEGIN { print "district \"D\" {" } { printf "  commune \"%s\" { invited 1 }\n", $0 } END { print "}" }' > r.dlg
budget 3 "$DLG" r.dlg > out 2> err
expect_status 0 $?
has out "Result: OK"
